"""Immutable data shared by the pipeline: documents, segments, locations, findings, verdicts, advice."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any


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


@dataclass(frozen=True, slots=True)
class BBox:
    """A rectangle on a PDF page in points, origin top-left."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True, slots=True)
class PdfLocation:
    """A line on a PDF page, both counted from 1."""

    page: int
    line: int
    bbox: BBox | None = None

    def describe(self) -> str:
        return f"page {self.page} line {self.line}"

    def follows(self, previous: Location) -> bool:
        """Whether this is the next line after previous, on the same page or at the top of the next."""
        if not isinstance(previous, PdfLocation):
            return False
        same_page = self.page == previous.page and self.line == previous.line + 1
        return same_page or (self.page == previous.page + 1 and self.line == 1)

    def field(self) -> str:
        """The structured field this location is, '' for running text."""
        return ""

    def labels_row_of(self, following: Location) -> bool:
        """Whether this is a table cell naming the row that following continues (only Word tables)."""
        return False

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": "pdf", "page": self.page, "line": self.line}
        if self.bbox is not None:
            b = self.bbox
            data["bbox"] = [round(b.x0, 1), round(b.top, 1), round(b.x1, 1), round(b.bottom, 1)]
        return data


class DocxPart(StrEnum):
    """Where in a Word file a piece of text lives."""

    BODY = "body"
    TABLE = "table"
    HEADER = "header"
    FOOTER = "footer"
    TEXT_BOX = "text box"
    COMMENT = "comment"
    PROPERTIES = "properties"


@dataclass(frozen=True, slots=True)
class DocxLocation:
    """A paragraph of a Word file; table cells add table, row and cell (all from 1)."""

    part: DocxPart
    paragraph: int
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    detail: str = ""

    def describe(self) -> str:
        if self.part is DocxPart.TABLE:
            where = f"table {self.table} row {self.row} cell {self.cell} paragraph {self.paragraph}"
        elif self.part is DocxPart.PROPERTIES:
            where = f"document properties, {self.detail}"
        else:
            where = f"{self.part.value} paragraph {self.paragraph}"
            if self.part is DocxPart.BODY:
                where = f"paragraph {self.paragraph}"
        if self.detail and self.part is not DocxPart.PROPERTIES:
            where += f" ({self.detail})"
        return where

    def follows(self, previous: Location) -> bool:
        """Whether this location continues the line just before it (never, for this format)."""
        return False

    def field(self) -> str:
        """The structured field this location is, '' for running text."""
        return ""

    def labels_row_of(self, following: Location) -> bool:
        """Whether this is a row's first table cell and following lies further along the same row."""
        return (
            self.part is DocxPart.TABLE
            and self.cell == 1
            and isinstance(following, DocxLocation)
            and (following.table, following.row) == (self.table, self.row)
        )

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": "docx", "part": self.part.value, "paragraph": self.paragraph}
        for key in ("table", "row", "cell"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        if self.detail:
            data["detail"] = self.detail
        return data


@dataclass(frozen=True, slots=True)
class TextLocation:
    """A line and column of a text file, both counted from 1."""

    line: int
    column: int = 1

    def describe(self) -> str:
        return f"line {self.line}" + (f" column {self.column}" if self.column > 1 else "")

    def follows(self, previous: Location) -> bool:
        """Whether this is the line after previous."""
        return isinstance(previous, TextLocation) and self.line == previous.line + 1

    def field(self) -> str:
        """The structured field this location is, '' for running text."""
        return ""

    def labels_row_of(self, following: Location) -> bool:
        """Whether this is a table cell naming the row that following continues (only Word tables)."""
        return False

    def to_dict(self) -> dict[str, Any]:
        return {"type": "text", "line": self.line, "column": self.column}


@dataclass(frozen=True, slots=True)
class ExportLocation:
    """A cell of a LinkedIn export CSV; row 1 is the first data row."""

    file: str
    row: int
    column: str

    def describe(self) -> str:
        return f"{self.file} row {self.row}, {self.column}"

    def follows(self, previous: Location) -> bool:
        """Whether this location continues the line just before it (never, for this format)."""
        return False

    def field(self) -> str:
        """The CSV column this cell is in."""
        return self.column

    def labels_row_of(self, following: Location) -> bool:
        """Whether this is a table cell naming the row that following continues (only Word tables)."""
        return False

    def to_dict(self) -> dict[str, Any]:
        return {"type": "export", "file": self.file, "row": self.row, "column": self.column}


@dataclass(frozen=True, slots=True)
class JsonLocation:
    """A value of a JSON document, addressed by JSON pointer."""

    pointer: str

    def describe(self) -> str:
        return self.pointer

    def follows(self, previous: Location) -> bool:
        """Whether this location continues the line just before it (never, for this format)."""
        return False

    def field(self) -> str:
        """The last key of the pointer that is not an array index: '/work/0/startDate' is 'startDate'."""
        return next((key for key in reversed(self.pointer.split("/")) if not key.isdigit()), "")

    def labels_row_of(self, following: Location) -> bool:
        """Whether this is a table cell naming the row that following continues (only Word tables)."""
        return False

    def to_dict(self) -> dict[str, Any]:
        return {"type": "json", "pointer": self.pointer}


Location = PdfLocation | DocxLocation | TextLocation | ExportLocation | JsonLocation


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
        """The segment's location, down to the column of an offset in its text for text files."""
        if isinstance(self.location, TextLocation) and offset >= 0:
            return replace(self.location, column=offset + 1)
        return self.location


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
