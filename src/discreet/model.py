"""Immutable data shared by the pipeline: documents, segments, locations, findings, verdicts, advice."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol, Self


class Section(StrEnum):
    """The resume section a segment belongs to."""

    CONTACT = "contact"
    SUMMARY = "summary"
    EXPERIENCE = "experience"
    EDUCATION = "education"
    SKILLS = "skills"
    PROJECTS = "projects"
    AWARDS = "awards"
    PUBLICATIONS = "publications"
    CERTIFICATIONS = "certifications"
    REFERENCES = "references"
    OTHER = "other"


class Action(StrEnum):
    """What to do with flagged material in one destination."""

    KEEP = "keep"
    GENERALIZE = "generalize"
    REMOVE = "remove"


class Destination(StrEnum):
    """Where a copy of a document goes: a public profile, or a resume sent to an employer."""

    PUBLIC = "public"
    RESUME = "resume"


class Verdict(StrEnum):
    """Where a segment belongs: on a public profile, only in a resume, or nowhere."""

    COMPLEMENT = "complement"
    REPLACEMENT = "replacement"
    NEVER = "never"

    @property
    def rank(self) -> int:
        """How far from public: the worst of several verdicts is the one with the highest rank."""
        return _VERDICT_RANK[self]


_VERDICT_RANK = {Verdict.COMPLEMENT: 0, Verdict.REPLACEMENT: 1, Verdict.NEVER: 2}


@dataclass(frozen=True, slots=True)
class Advice:
    """What to do with a finding in each destination, why, and the sentence rewritten for public use."""

    public: Action
    resume: Action
    reason: str
    rewrite: str
    # The document offsets of the text the rewrite replaces: the finding's sentence.
    sentence: tuple[int, int] = (0, 0)


class DocumentKind(StrEnum):
    """Whether a document is sent privately (resume) or shown publicly (profile)."""

    RESUME = "resume"
    PROFILE = "profile"


class Format(StrEnum):
    """The file format a document was read from."""

    PDF = "pdf"
    DOCX = "docx"
    TEXT = "text"
    MARKDOWN = "markdown"
    LINKEDIN_EXPORT = "linkedin-export"
    LINKEDIN_PDF = "linkedin-pdf"
    JSON_RESUME = "json-resume"
    # A LinkedIn profile draft `discreet fix --format json` wrote (a Markdown draft is Markdown).
    PROFILE_DRAFT = "profile-draft"


class DraftFormat(StrEnum):
    """The formats a LinkedIn profile's draft can be written in."""

    MARKDOWN = "markdown"
    JSON = "json"


class CopyFormat(StrEnum):
    """The editable formats `discreet fix --to` writes a PDF's text into."""

    DOCX = "docx"
    MARKDOWN = "markdown"


class Severity(StrEnum):
    """How much a finding matters, lowest first."""

    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


class Category(StrEnum):
    """The five kinds of exposure, plus notes that are not exposures."""

    FINANCIAL = "financial"
    CONFIDENTIAL = "confidential"
    PERSONAL = "personal"
    COMPENSATION = "compensation"
    REFERENCES = "references"
    NOTE = "note"


class JobPart(StrEnum):
    """The fields of a job that the comparison checks against the resume."""

    COMPANY = "company"
    TITLE = "title"
    START = "start"
    END = "end"
    # A start and an end on one line, as a LinkedIn PDF gives them: "March 2021 - Present (3 years)".
    DATES = "dates"


@dataclass(frozen=True, slots=True)
class JobField:
    """A location that holds one field of a listed job: which job (entry) and which field (part)."""

    entry: tuple[str, int]
    part: JobPart
    # Further jobs the field belongs to: LinkedIn names a company once above all its roles there.
    also: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    """Where a location lies for a viewer that opens the input, in terms that carry no text."""

    # A file inside the input (a CSV of an export); "" for the input itself.
    member: str = ""
    line: int | None = None
    # Set when the format has columns: the region then runs from line and column over the matched text.
    column: int | None = None
    # Whether offsets into the extracted text are the only way to point inside the file (PDF, Word).
    extracted: bool = False
    properties: Mapping[str, Any] = field(default_factory=dict)
    # What the location is called when lines alone cannot say where: a page, an element, a value.
    kind: str = ""
    name: str = ""


class Location(Protocol):
    """Where a segment lies in its file; each parser module defines its own and says how it reads."""

    def describe(self) -> str:
        """The location as a person reads it: "page 2 line 7", "Positions.csv row 3, Description"."""
        ...

    def to_dict(self) -> dict[str, Any]:
        """The location as the JSON report shows it, its format named by "type"."""
        ...

    def place(self) -> Place:
        """Where a viewer that opens the input finds this location."""
        ...

    def at(self, offset: int) -> Location:
        """This location narrowed to a character offset of its segment, where the format has columns."""
        ...

    def follows(self, previous: Location) -> bool:
        """Whether this location continues the line just before it, as a wrapped line does."""
        ...

    def is_detail(self) -> bool:
        """Whether this is a structured field that qualifies an entry (its issuer, date, level)."""
        ...

    def labels_row_of(self, following: Location) -> bool:
        """Whether this is a table cell naming the row that following continues."""
        ...

    def job_field(self) -> JobField | None:
        """The job and the field of it this location holds, for structured job lists."""
        ...


class Unstructured:
    """The answers of a location with no columns, wrapped lines, detail fields, label cells or jobs."""

    __slots__ = ()

    def at(self, offset: int) -> Self:
        """The location itself, whatever the offset."""
        return self

    def follows(self, previous: Location) -> bool:
        """Never: each piece stands alone."""
        return False

    def is_detail(self) -> bool:
        """Never a detail field."""
        return False

    def labels_row_of(self, following: Location) -> bool:
        """Never a label cell."""
        return False

    def job_field(self) -> JobField | None:
        """Never a field of a listed job."""
        return None


@dataclass(frozen=True, slots=True)
class Segment:
    """One located piece of a document: a line, bullet, paragraph, cell or field."""

    text: str
    location: Location
    section: Section = Section.OTHER
    hidden: bool = False
    start: int = 0

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def location_at(self, offset: int) -> Location:
        """The segment's location, narrowed to an offset in its text where the format has columns."""
        return self.location.at(offset)


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed document: its segments in reading order and their joined text."""

    path: str
    kind: DocumentKind
    format: Format
    segments: tuple[Segment, ...]
    text: str
    notes: tuple[str, ...] = ()
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(s.start for s in self.segments))

    def segment_at(self, offset: int) -> Segment:
        """Return the segment holding a character offset (the previous one for a separator)."""
        return self.segments[self.segment_index(offset)]

    def segment_index(self, offset: int) -> int:
        """The index of the segment holding a character offset (the previous one for a separator)."""
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)


def build_document(
    path: str | Path,
    kind: DocumentKind,
    fmt: Format,
    segments: Iterable[Segment],
    notes: Sequence[str] = (),
) -> Document:
    """Join segment texts with newlines, giving each segment its offset in the text."""
    placed: list[Segment] = []
    offset = 0
    for segment in segments:
        text = segment.text
        placed.append(Segment(text, segment.location, segment.section, segment.hidden, offset))
        offset += len(text) + 1
    text = "\n".join(s.text for s in placed)
    return Document(
        path=str(path),
        kind=kind,
        format=fmt,
        segments=tuple(placed),
        text=text,
        notes=tuple(notes),
    )


@dataclass(frozen=True, slots=True)
class Finding:
    """A span of a document's text that a rule flagged."""

    rule: str
    category: Category
    severity: Severity
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep a hostile or huge input from exhausting the machine."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_pages: int = 100
    max_archive_bytes: int = 200 * 1024 * 1024
    max_archive_members: int = 5000
    max_compression_ratio: int = 200
