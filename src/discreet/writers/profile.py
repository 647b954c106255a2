"""A LinkedIn profile draft: LinkedIn imports no file, so one rewritten block of text per field to paste."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from discreet.errors import UsageError
from discreet.fixplan import Edit, plan
from discreet.model import Destination, Document, DocumentKind, Format, Section, Segment
from discreet.parsers.draft import (
    DRAFT_FORMAT,
    DRAFT_VERSION,
    Block,
    DraftLocation,
    draft_document,
    read_blocks,
)
from discreet.parsers.linkedin import ExportLocation
from discreet.parsers.pdf import PdfLocation
from discreet.parsers.pdfjobs import is_total_time
from discreet.parsers.text import (
    DRAFT_INSTRUCTION,
    DRAFT_TITLE,
    decode,
    document_from_text,
    normalise_newlines,
)
from discreet.report import DocumentReport


@dataclass(frozen=True, slots=True)
class Draft:
    """Every field of a profile, rewritten for a destination, in the profile's order."""

    source: str
    destination: Destination
    blocks: tuple[Block, ...]

    @property
    def changed(self) -> int:
        """How many blocks differ from the profile as it stands."""
        return sum(1 for block in self.blocks if block.changed)


def profile_draft(report: DocumentReport, destination: Destination, original: bytes = b"") -> Draft:
    """The draft of an audited LinkedIn export, LinkedIn PDF or draft, each finding's rewrite applied.

    original is the file's bytes, which a draft's own draft needs for its blocks that hold no text.
    """
    document = report.document
    texts = segment_texts(document, plan(report, destination))
    match document.format:
        case Format.LINKEDIN_EXPORT:
            blocks = export_blocks(document, texts)
        case Format.LINKEDIN_PDF:
            blocks = pdf_blocks(document, texts)
        case Format.PROFILE_DRAFT:
            blocks = redrafted_blocks(document, texts, read_blocks(Path(document.path), original))
        case _:
            raise UsageError(
                f"{document.path}: a profile draft is made from a LinkedIn export, a LinkedIn PDF or a "
                f"draft, not a {document.format.value} file"
            )
    return Draft(Path(document.path).name, destination, tuple(blocks))


@dataclass(frozen=True, slots=True)
class SegmentText:
    """A segment's text after the edits, and whether an edit touched it."""

    text: str
    changed: bool


def segment_texts(document: Document, edits: Sequence[Edit]) -> tuple[SegmentText, ...]:
    """Each segment's text with the edits applied; an edit across segments lands in the first."""
    return tuple(_edited(document.text, segment, edits) for segment in document.segments)


def _edited(text: str, segment: Segment, edits: Sequence[Edit]) -> SegmentText:
    start, end = segment.start, segment.end
    touching = [e for e in edits if e.start < end and e.end > start]
    pieces, cursor = [], start
    for edit in touching:
        pieces.append(text[cursor : max(edit.start, start)])
        if edit.start >= start:
            pieces.append(edit.text)
        cursor = max(cursor, min(edit.end, end))
    pieces.append(text[cursor:end])
    return SegmentText("".join(pieces).strip(), bool(touching))


# --- LinkedIn data export -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportField:
    """A field of an export file the person pastes (body), and the columns that name its entry."""

    files: tuple[str, ...]
    field: str
    heading: tuple[tuple[str, ...], ...]
    body: tuple[str, ...]
    note: str = ""


_ASK_AUTHOR = "written by someone else: LinkedIn lets only its author change it; ask them, or hide it"
_THEIR_PROFILE = "shown on the recipient's profile: edit it from your Recommendations, Given tab"
_RECOMMENDER = (("First Name", "Last Name"), ("Job Title",), ("Company",))
EXPORT_FIELDS: tuple[ExportField, ...] = (
    ExportField(("Profile.csv",), "Headline", (), ("Headline",)),
    ExportField(("Profile.csv",), "About", (), ("Summary",)),
    ExportField(("Profile Summary.csv",), "About", (), ("Profile Summary",)),
    ExportField(("Positions.csv",), "Experience", (("Title",), ("Company Name",)), ("Description",)),
    ExportField(
        ("Volunteering.csv", "Volunteer Experiences.csv"),
        "Volunteering",
        (("Role",), ("Company Name",)),
        ("Description",),
    ),
    ExportField(
        ("Education.csv",), "Education", (("School Name",), ("Degree Name",)), ("Notes", "Activities")
    ),
    ExportField(("Projects.csv",), "Projects", (("Title",),), ("Description",)),
    ExportField(("Honors.csv",), "Honors & awards", (("Title",), ("Issuer",)), ("Description",)),
    ExportField(("Publications.csv",), "Publications", (("Name",), ("Publisher",)), ("Description",)),
    ExportField(
        ("Test Scores.csv", "TestScores.csv"), "Test scores", (("Name",), ("Score",)), ("Description",)
    ),
    ExportField(("Organizations.csv",), "Organizations", (("Name",), ("Position",)), ("Description",)),
    ExportField(
        ("Recommendations_Received.csv", "Recommendations Received.csv", "Recommendations.csv"),
        "Recommendation received",
        _RECOMMENDER,
        ("Text",),
        _ASK_AUTHOR,
    ),
    ExportField(
        ("Recommendations_Given.csv", "Recommendations Given.csv"),
        "Recommendation given",
        _RECOMMENDER,
        ("Text",),
        _THEIR_PROFILE,
    ),
)
# The date columns an entry's heading ends with, first one found: start, end.
_DATE_PAIRS = (
    ("Started On", "Finished On"),
    ("Start Date", "End Date"),
    ("Issued On", ""),
    ("Issue Date", ""),
    ("Published On", ""),
)


@dataclass(frozen=True, slots=True)
class Cell:
    """One export cell: its edited text (lines of prose joined) and whether an edit touched it."""

    text: str
    changed: bool


def export_blocks(document: Document, texts: Sequence[SegmentText]) -> list[Block]:
    """One block per pasted field of each export row, then one per other edited cell, in export order."""
    rows = _export_rows(document, texts)
    blocks: list[Block] = []
    covered: set[tuple[str, int, str]] = set()
    for (file, row), cells in rows.items():
        for spec in _fields_of(file):
            block = _export_block(spec, file, row, cells)
            if block is not None:
                blocks.append(block)
                covered |= {(file, row, column) for column in spec.body}
        blocks += [
            Block(f"{Path(file).stem}: {column}", f"{file} row {row}, {column}", "", cell.text, True)
            for column, cell in cells.items()
            if cell.changed and (file, row, column) not in covered and not _heads(file, column)
        ]
    return blocks


def _export_rows(document: Document, texts: Sequence[SegmentText]) -> dict[tuple[str, int], dict[str, Cell]]:
    """The cells of each export row, in document order, a prose cell's lines joined by newlines."""
    lines: dict[tuple[str, int], dict[str, list[SegmentText]]] = {}
    for segment, edited in zip(document.segments, texts, strict=True):
        location = segment.location
        assert isinstance(location, ExportLocation)  # an export's segments are located by cell
        row = lines.setdefault((location.file, location.row), {})
        row.setdefault(location.column, []).append(edited)
    return {key: {column: _cell(found) for column, found in row.items()} for key, row in lines.items()}


def _cell(lines: Sequence[SegmentText]) -> Cell:
    return Cell("\n".join(line.text for line in lines if line.text), any(line.changed for line in lines))


def _fields_of(file: str) -> list[ExportField]:
    key = file.casefold()
    return [spec for spec in EXPORT_FIELDS if key in (name.casefold() for name in spec.files)]


def _heads(file: str, column: str) -> bool:
    """Whether a column names an entry whose block shows it in its heading."""
    return any(column in _heading_columns(spec) for spec in _fields_of(file))


def _heading_columns(spec: ExportField) -> tuple[str, ...]:
    named = tuple(column for group in spec.heading for column in group)
    return (*named, *(name for pair in _DATE_PAIRS for name in pair if name)) if named else ()


def _export_block(spec: ExportField, file: str, row: int, cells: dict[str, Cell]) -> Block | None:
    body = [cells[column] for column in spec.body if column in cells]
    if not body:
        return None
    named = [_joined(cells, group) for group in spec.heading]
    dates = _dates(cells) if spec.heading else None
    parts = [cell for cell in (*named, dates) if cell is not None]
    heading = " · ".join(cell.text for cell in parts if cell.text)
    changed = any(cell.changed for cell in (*body, *parts))
    columns = ", ".join(column for column in spec.body if column in cells)
    text = "\n".join(cell.text for cell in body if cell.text)
    return Block(
        spec.field, f"{file} row {row}, {columns}", heading, text, changed, spec.note if changed else ""
    )


def _joined(cells: dict[str, Cell], columns: Sequence[str]) -> Cell | None:
    """Cells read as one, as a name is from First Name and Last Name; None when all are absent."""
    found = [cells[column] for column in columns if column in cells]
    if not found:
        return None
    return Cell(" ".join(c.text for c in found if c.text), any(c.changed for c in found))


def _dates(cells: dict[str, Cell]) -> Cell | None:
    """An entry's dates as a profile shows them: 'Mar 2021 – present', 'Jun 2016 – Feb 2021'."""
    for start, end in _DATE_PAIRS:
        if start in cells:
            began, ended = cells[start], cells.get(end) if end else None
            last = ended.text if ended else ("present" if end else "")
            text = f"{began.text} – {last}" if last else began.text
            return Cell(text, began.changed or bool(ended and ended.changed))
    return None


# --- LinkedIn "Save to PDF" ---------------------------------------------------------------------

# A position's date line: "January 2020 - Present (5 years 6 months)", "2017 - 2020 (3 years)";
# LinkedIn writes no-break spaces around the dash; the legacy layout writes two spaces.
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_LINE = re.compile(
    rf"(?:(?:{_MONTHS})\s+)?\d{{4}}\s+-\s+(?:Present|(?:(?:{_MONTHS})\s+)?\d{{4}})(?:\s+\(.*\))?",
    re.IGNORECASE,
)
# The sidebar's Contact is no text to paste but a form of its own, edited on the profile.
_CONTACT = "Contact info"
_CONTACT_NOTE = "edit Contact info on your profile: delete what this block no longer lists"
_PDF_FIELDS = {
    Section.SUMMARY: "About",
    Section.EXPERIENCE: "Experience",
    Section.EDUCATION: "Education",
    Section.PROJECTS: "Projects",
    Section.AWARDS: "Honors & awards",
    Section.PUBLICATIONS: "Publications",
    Section.CERTIFICATIONS: "Licenses & certifications",
    Section.REFERENCES: "Recommendations received",
}


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a LinkedIn PDF with its place and its edited text."""

    segment: Segment
    edited: SegmentText

    @property
    def page(self) -> int:
        assert isinstance(self.segment.location, PdfLocation)  # a PDF's segments are located by line
        return self.segment.location.page


def pdf_blocks(document: Document, texts: Sequence[SegmentText]) -> list[Block]:
    """The headline, then one block per section of each column, and one per position of Experience."""
    lines = [Line(s, t) for s, t in zip(document.segments, texts, strict=True)]
    sidebar = [line for line in lines if _in_sidebar(line)]
    main = [line for line in lines if not _in_sidebar(line)]
    blocks = [_headline(main)] if _headline_lines(main) else []
    blocks += _contact(sidebar)
    for section, field in _PDF_FIELDS.items():
        for column in (sidebar, main):
            for run in _runs(column, section):
                blocks += _section_blocks(section, field, run)
    return blocks


def _runs(column: Sequence[Line], section: Section) -> Iterator[list[Line]]:
    """Each run of a column's lines in a section, without the heading that opens it."""
    run: list[Line] = []
    for line in column:
        if line.segment.section is section:
            run.append(line)
        elif run:
            yield run[1:]
            run = []
    if run[1:]:
        yield run[1:]


def _section_blocks(section: Section, field: str, run: Sequence[Line]) -> list[Block]:
    if section is Section.EXPERIENCE:
        entries = _positions(run)
        return [_pdf_block(field, head, body) for head, body in entries if body or _touched(head)]
    note = _ASK_AUTHOR if section is Section.REFERENCES else ""
    return [_pdf_block(field, [], run, note)] if run else []


def _touched(lines: Sequence[Line]) -> bool:
    return any(line.edited.changed for line in lines)


def _in_sidebar(line: Line) -> bool:
    """Whether a line is in a current profile's sidebar: from x = 21.6 pt to at most 212 pt.

    The legacy layout (2016-2018) has one column whose lines start at x = 36 pt.
    """
    location = line.segment.location
    bbox = location.bbox if isinstance(location, PdfLocation) else None
    return bbox is not None and bbox.x0 < 30.0 and bbox.x1 <= 212.0


def _headline_lines(main: Sequence[Line]) -> list[Line]:
    """The lines between the name and the location at the top of the main column."""
    top = []
    for line in main:
        if line.segment.section is not Section.CONTACT:
            break
        top.append(line)
    return top[1:-1]


def _headline(main: Sequence[Line]) -> Block:
    return _pdf_block("Headline", [], _headline_lines(main))


def _contact(sidebar: Sequence[Line]) -> list[Block]:
    """The sidebar's Contact lines when a finding touched them: what LinkedIn's Contact info may keep."""
    return [
        _pdf_block(_CONTACT, [], run, _CONTACT_NOTE)
        for run in _runs(sidebar, Section.CONTACT)
        if _touched(run)
    ]


def _positions(lines: Sequence[Line]) -> Iterator[tuple[list[Line], list[Line]]]:
    """Split Experience at each date line: the title and company above it, the description below."""
    starts = [i for i, line in enumerate(lines) if _DATE_LINE.fullmatch(_plain(line.segment.text))]
    for number, at in enumerate(starts):
        head_from = _head_start(lines, at, starts[number - 1] if number else -1)
        body_to = _head_start(lines, starts[number + 1], at) if number + 1 < len(starts) else len(lines)
        body = list(lines[at + 1 : body_to])
        if body and _is_place(body[0]):
            body = body[1:]
        yield [*lines[head_from:at], lines[at]], body


def _head_start(lines: Sequence[Line], at: int, previous: int) -> int:
    """Where the entry whose date line is at begins: its title, its company and a total duration above."""
    start = at - 1
    if start - 1 > previous and is_total_time(lines[start - 1].segment.text):
        start -= 2
    elif start - 1 > previous and _size(lines[start - 1]) > _size(lines[at]) + 0.5:
        start -= 1
    return max(start, previous + 1)


def _size(line: Line) -> float:
    location = line.segment.location
    bbox = location.bbox if isinstance(location, PdfLocation) else None
    return bbox.bottom - bbox.top if bbox else 0.0


def _is_place(line: Line) -> bool:
    """Whether the line under a date line is a location ('San Francisco, California, United States')."""
    text = line.segment.text
    return text == "Remote" or ("," in text and len(text) < 60 and not text.rstrip().endswith("."))


def _plain(text: str) -> str:
    return " ".join(text.replace(" ", " ").split())


def _pdf_block(field: str, heading: Sequence[Line], body: Sequence[Line], note: str = "") -> Block:
    changed = _touched([*heading, *body])
    first, last = (body or heading)[0], (body or heading)[-1]
    source = f"page {first.page} line {_line_number(first)} to page {last.page} line {_line_number(last)}"
    return Block(
        field,
        source,
        " · ".join(_plain(line.edited.text) for line in heading if _names_entry(line)),
        _text_of(field, body),
        changed,
        note if changed else "",
    )


def _names_entry(line: Line) -> bool:
    """Whether a heading line names the entry: not empty, not a company's total time there."""
    return bool(line.edited.text) and not is_total_time(line.segment.text)


def _text_of(field: str, body: Sequence[Line]) -> str:
    """A field's text: the headline is one line the PDF wrapped, prose is rejoined, lists kept a line each."""
    if field == "Headline":
        return " ".join(line.edited.text for line in body if line.edited.text)
    return _paragraphs(body) if field in ("About", "Experience") else _lines_of(body)


def _lines_of(lines: Sequence[Line]) -> str:
    """Lines as the PDF shows them: list entries (skills, schools) cannot be told from their wraps."""
    return "\n".join(line.edited.text for line in lines if line.edited.text)


def _line_number(line: Line) -> int:
    location = line.segment.location
    return location.line if isinstance(location, PdfLocation) else 0


def _paragraphs(lines: Sequence[Line]) -> str:
    """Rejoin lines the PDF wrapped: a line ending a sentence ends a paragraph, bullets start one."""
    paragraphs: list[str] = []
    joined = True
    for line in lines:
        text = line.edited.text
        if not text:
            joined = False
            continue
        if joined and paragraphs and not text.startswith(("•", "-", "·")):
            paragraphs[-1] += " " + text
        else:
            paragraphs.append(text)
        joined = not text.endswith((".", "!", "?", ":"))
    return "\n".join(paragraphs)


# --- a draft of a draft --------------------------------------------------------------------------

# What a block newly rewritten asks of the person, by its field: someone else's text is theirs to edit.
_NOTES = {spec.field: spec.note for spec in EXPORT_FIELDS if spec.note} | {
    _PDF_FIELDS[Section.REFERENCES]: _ASK_AUTHOR,
    _CONTACT: _CONTACT_NOTE,
}


def redrafted_blocks(
    document: Document, texts: Sequence[SegmentText], blocks: Sequence[Block]
) -> list[Block]:
    """A draft's own blocks in its order, each heading and text as the edits leave them."""
    edited: dict[tuple[int, str], SegmentText] = {}
    for segment, text in zip(document.segments, texts, strict=True):
        location = segment.location
        assert isinstance(location, DraftLocation)  # a draft's segments are located by block
        edited[(location.block, location.part)] = text
    return [_redrafted(block, edited, number) for number, block in enumerate(blocks, start=1)]


def _redrafted(block: Block, edited: dict[tuple[int, str], SegmentText], number: int) -> Block:
    heading, text = edited.get((number, "heading")), edited.get((number, "text"))
    touched = any(part.changed for part in (heading, text) if part is not None)
    return replace(
        block,
        heading=heading.text if heading else block.heading.strip(),
        text=text.text if text else block.text.strip(),
        changed=block.changed or touched,
        note=block.note or (_NOTES.get(block.field, "") if touched else ""),
    )


# --- writing and reading a draft ----------------------------------------------------------------


def render_markdown(draft: Draft) -> str:
    """The draft to read and paste from."""
    lines = [
        DRAFT_TITLE,
        "",
        f"From {draft.source}, for a {draft.destination.value} profile. {DRAFT_INSTRUCTION}",
        f"{draft.changed} of {len(draft.blocks)} blocks are rewritten; check each one marked rewritten "
        "before you paste it.",
    ]
    for block in draft.blocks:
        title = f"{block.field}: {block.heading}" if block.heading else block.field
        state = "Rewritten" if block.changed else "Unchanged"
        lines += ["", f"## {title}", "", f"_{state}; from {block.source}._"]
        if block.note:
            lines.append(f"_To do: {block.note}._")
        lines += ["", block.text or "_(left out: nothing of it may be public)_"]
    return "\n".join(lines) + "\n"


def render_json(draft: Draft) -> str:
    """The draft for a program: its format and version, source, destination and the blocks."""
    data = {
        "format": DRAFT_FORMAT,
        "version": DRAFT_VERSION,
        "source": draft.source,
        "destination": draft.destination.value,
        "blocks": [
            {
                "field": b.field,
                "source": b.source,
                "heading": b.heading,
                "text": b.text,
                "changed": b.changed,
                "note": b.note,
            }
            for b in draft.blocks
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def read_markdown_draft(path: Path, data: bytes) -> Document:
    """A Markdown draft as a profile document, one segment per line."""
    return document_from_text(
        normalise_newlines(decode(data)), str(path), Format.MARKDOWN, DocumentKind.PROFILE
    )


def read_json_draft(path: Path, data: bytes) -> Document:
    """A JSON draft as a profile document, a segment per block's heading and text."""
    return draft_document(path, read_blocks(path, data))


def read_draft(name: str, data: bytes, fmt: str) -> Document:
    """A written draft as the profile document it is, to audit what the person would paste."""
    return DRAFT_READERS[fmt](Path(name), data)


# The formats a draft is written in (the keys are model.DraftFormat's values).
DRAFT_RENDERERS: dict[str, Callable[[Draft], str]] = {"markdown": render_markdown, "json": render_json}
DRAFT_READERS: dict[str, Callable[[Path, bytes], Document]] = {
    "markdown": read_markdown_draft,
    "json": read_json_draft,
}
