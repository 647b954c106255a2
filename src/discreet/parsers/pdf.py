"""Read a PDF into located lines: PDFium character boxes, our own word spacing and reading order."""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from discreet.errors import NoTextError, TooLargeError
from discreet.model import (
    Document,
    DocumentKind,
    Format,
    JobField,
    Limits,
    Location,
    Place,
    Section,
    Segment,
    Unstructured,
    build_document,
)
from discreet.parsers import Parser
from discreet.parsers.pdfjobs import job_fields
from discreet.sections import heading_section, sections_for

if TYPE_CHECKING:
    import pypdfium2 as pdfium

    from discreet.parsers.pdfglyphs import Word
# A gap wider than this many glyph heights splits a row into fragments that may sit in columns.
_FRAGMENT_GAP = 1.2
# A column needs this many rows on each side of a gutter before we read it on its own.
_COLUMN_ROWS = 3
# The narrowest gutter between two columns, in points.
_GUTTER_WIDTH = 6
# The sidebar of a current LinkedIn profile ends at x = 202 pt and its main column starts at 223.
_LINKEDIN_SIDEBAR = 212.0

_FOOTER = re.compile(r"page\s*\d+(\s*of\s*\d+)?", re.IGNORECASE)
_LINKEDIN_SIDEBAR_HEADINGS = frozenset({"contact", "top skills", "languages", "certifications"})
_LINKEDIN_HEADINGS = _LINKEDIN_SIDEBAR_HEADINGS | {"summary", "experience", "education"}
# Headings of LinkedIn profiles that discreet.sections does not know.
_LINKEDIN_EXTRA = {"skills & expertise": Section.SKILLS, "test scores": Section.EDUCATION}
_RECOMMENDED = re.compile(r"\d+ (people have|person has) recommended ")


@dataclass(frozen=True, slots=True)
class BBox:
    """A rectangle on a PDF page in points, origin top-left."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True, slots=True)
class PdfLocation(Unstructured):
    """A line on a PDF page, both counted from 1."""

    page: int
    line: int
    bbox: BBox | None = None
    # Set on the Experience lines of a LinkedIn profile that name a job's company, title or dates.
    job: JobField | None = None

    def describe(self) -> str:
        return f"page {self.page} line {self.line}"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": "pdf", "page": self.page, "line": self.line}
        if self.bbox is not None:
            b = self.bbox
            data["bbox"] = [round(b.x0, 1), round(b.top, 1), round(b.x1, 1), round(b.bottom, 1)]
        return data

    def place(self) -> Place:
        page = {key: value for key, value in self.to_dict().items() if key != "type"}
        return Place(extracted=True, properties=page, kind="page", name=f"page {self.page}")

    def follows(self, previous: Location) -> bool:
        """Whether this is the next line after previous, on the same page or at the top of the next."""
        if not isinstance(previous, PdfLocation):
            return False
        same_page = self.page == previous.page and self.line == previous.line + 1
        return same_page or (self.page == previous.page + 1 and self.line == 1)

    def job_field(self) -> JobField | None:
        """The field of a LinkedIn profile's job that this line holds, if it is one."""
        return self.job


Fragment = list["Word"]  # words of one row close enough to read as one phrase
Row = list[Fragment]  # fragments that share a baseline, left to right


@dataclass(frozen=True, slots=True)
class Line:
    """One visual line of a page: its repaired text and where it sits."""

    text: str
    bbox: BBox


def parse(path: Path, limits: Limits, data: bytes | None = None) -> Document:
    """Read a PDF resume or LinkedIn profile (or data, its bytes) into one segment per visual line."""
    pages, signed = _read(path, limits, data)
    if not any(pages):
        raise NoTextError(
            path,
            "the PDF looks scanned: it has no text layer; OCR is not supported",
            "export the resume from its source as a text PDF or DOCX",
        )
    if _is_linkedin(pages, signed):
        return _linkedin(path, pages)
    lines = [_lines(words) for words in pages]
    sections = iter(sections_for([line.text for page in lines for line in page]))
    segments = [
        Segment(line.text, PdfLocation(number, index, line.bbox), next(sections))
        for number, page in enumerate(lines, start=1)
        for index, line in enumerate(page, start=1)
    ]
    return build_document(path, DocumentKind.RESUME, Format.PDF, segments)


def _read(path: Path, limits: Limits, data: bytes | None) -> tuple[list[list[Word]], bool]:
    """Return each page's words, and whether the producer is LinkedIn's (Apache FOP)."""
    # Imported here: PDFium's bindings load in a tenth of a one-page text audit's time.
    from discreet.parsers.pdfglyphs import open_pdf, page_words

    pdf = open_pdf(path, data)
    try:
        if len(pdf) > limits.max_pages:
            raise TooLargeError(
                path,
                f"the PDF has {len(pdf)} pages, more than the limit of {limits.max_pages}",
                "raise the limit with --max-pages if the file is genuine",
            )
        pages = [page_words(pdf, index, path) for index in range(len(pdf))]
        producer = pdf.get_metadata_value("Producer") + pdf.get_metadata_value("Creator")
        return pages, "Apache FOP" in producer
    finally:
        pdf.close()


def _lines(words: Sequence[Word]) -> list[Line]:
    """Put a page's words in reading order, one Line per visual line; drop footers."""
    return [line for line, _ in _placed_lines(words)]


def _placed_lines(words: Sequence[Word]) -> list[tuple[Line, list[Word]]]:
    """Each visual line of a page in reading order, with the words it was made of."""
    lines = []
    for row in _order(_rows(words)):
        row_words = [word for fragment in row for word in fragment]
        text = repair_mojibake(" ".join(word.text for word in row_words))
        if text and not _FOOTER.fullmatch(text):
            box = BBox(
                min(w.x0 for w in row_words),
                min(w.top for w in row_words),
                max(w.x1 for w in row_words),
                max(w.bottom for w in row_words),
            )
            lines.append((Line(text, box), row_words))
    return lines


def glyph_indices(
    textpage: pdfium.PdfTextPage, page_top: float
) -> dict[tuple[str, BBox], tuple[tuple[int, ...], ...]]:
    """For each line parse() can read from a page, by text and box, the PDFium indices behind each character.

    A space we put between words has no index; a character mended from mojibake has those it was made of.
    """
    indices: list[int] = []
    from discreet.parsers import pdfglyphs

    words = pdfglyphs.words(pdfglyphs.chars(textpage, page_top, indices))
    owned: dict[int, Sequence[int]] = {}
    start = 0
    for word in words:
        owned[id(word)] = indices[start : start + len(word.text)]
        start += len(word.text)
    # A LinkedIn profile's sidebar and main column are read apart: their lines are candidates too.
    parts = (
        words,
        [w for w in words if w.x1 <= _LINKEDIN_SIDEBAR],
        [w for w in words if w.x1 > _LINKEDIN_SIDEBAR],
    )
    found: dict[tuple[str, BBox], tuple[tuple[int, ...], ...]] = {}
    for part in parts:
        for line, row_words in _placed_lines(part):
            found.setdefault((line.text, line.bbox), _text_indices(line.text, row_words, owned))
    return found


def _text_indices(
    text: str, row_words: Sequence[Word], owned: dict[int, Sequence[int]]
) -> tuple[tuple[int, ...], ...]:
    """The PDFium indices behind each character of a line's text, aligned when mojibake was mended."""
    joined: list[tuple[int, ...]] = []
    for number, word in enumerate(row_words):
        if number:
            joined.append(())
        joined.extend((i,) for i in owned[id(word)])
    plain = " ".join(word.text for word in row_words)
    if text == plain:
        return tuple(joined)
    aligned: list[tuple[int, ...]] = []
    for tag, a0, a1, b0, b1 in difflib.SequenceMatcher(None, text, plain, autojunk=False).get_opcodes():
        if tag == "equal":
            aligned.extend(joined[b0:b1])
        else:
            block = tuple(i for char in joined[b0:b1] for i in char)
            aligned.extend([block] * (a1 - a0))
    return tuple(aligned)


def _rows(words: Sequence[Word]) -> list[Row]:
    """Cluster words into rows by vertical centre, then cut each row at wide gaps into fragments."""
    rows: list[list[Word]] = []
    seed_centre = seed_height = 0.0
    for word in sorted(words, key=lambda w: w.top + w.bottom):
        centre, height = (word.top + word.bottom) / 2, word.bottom - word.top
        if rows and centre - seed_centre <= 0.4 * min(height, seed_height):
            rows[-1].append(word)
            continue
        rows.append([word])
        seed_centre, seed_height = centre, height
    return [_fragments(sorted(row, key=lambda w: w.x0)) for row in rows]


def _fragments(row: Sequence[Word]) -> Row:
    fragments = [[row[0]]]
    for word in row[1:]:
        last = fragments[-1][-1]
        if word.x0 - last.x1 > _FRAGMENT_GAP * max(word.bottom - word.top, last.bottom - last.top):
            fragments.append([word])
        else:
            fragments[-1].append(word)
    return fragments


def _order(rows: list[Row]) -> list[Row]:
    """Read rows top to bottom, except that columns side by side are read one after the other."""
    gutter = _gutter(rows)
    if gutter is None:
        return rows
    ordered: list[Row] = []
    for band, crossing in _bands(rows, gutter):
        ordered.extend(_columns(band, gutter))
        ordered.extend(crossing)
    return ordered


def _bands(rows: Iterable[Row], gutter: tuple[float, float]) -> Iterator[tuple[list[Row], list[Row]]]:
    """Split rows into bands at the rows that cross the gutter; yield each band and its crossing row."""
    band: list[Row] = []
    for row in rows:
        if any(f[0].x0 < gutter[1] and f[-1].x1 > gutter[0] for f in row):
            yield band, [row]
            band = []
        else:
            band.append(row)
    yield band, []


def _columns(band: list[Row], gutter: tuple[float, float]) -> list[Row]:
    """Read the rows where both columns hold text left of the gutter first, then right of it."""
    span = _column_span(band, gutter)
    if span is None:
        return band
    start, end = span
    left = [r for r in ([f for f in row if f[-1].x1 <= gutter[0]] for row in band[start:end]) if r]
    right = [r for r in ([f for f in row if f[0].x0 >= gutter[1]] for row in band[start:end]) if r]
    return band[:start] + _order(left) + _order(right) + band[end:]


def _column_span(band: Sequence[Row], gutter: tuple[float, float]) -> tuple[int, int] | None:
    """Return the run of rows that both columns reach, when each column has text on enough of them."""
    left = _text_rows(band, lambda f: f[-1].x1 <= gutter[0])
    right = _dense(band, _text_rows(band, lambda f: f[0].x0 >= gutter[1]))
    if len(left) < _COLUMN_ROWS or len(right) < _COLUMN_ROWS:
        return None
    start, end = max(left[0], right[0]), min(left[-1], right[-1]) + 1
    inside = range(start, end)
    if sum(i in inside for i in left) < _COLUMN_ROWS or sum(i in inside for i in right) < _COLUMN_ROWS:
        return None
    # Dates and places set at a tab stop pair up with the rows on their left; columns drift apart.
    if sum((i in left) != (i in right) for i in inside) < 2:
        return None
    if sum(i in inside for i in right) < 2 * _COLUMN_ROWS:
        return start, end
    # Beside a sidebar (not a few dates), the left column goes on below it while its rows keep
    # to its left edge.
    edge = min(f[0].x0 for row in band[start:end] for f in row if f[-1].x1 <= gutter[0]) - 1
    while end < len(band) and all(f[0].x0 >= edge and f[-1].x1 <= gutter[0] for f in band[end]):
        end += 1
    return start, end


def _gutter(rows: list[Row]) -> tuple[float, float] | None:
    """Find the empty vertical strip that lets the most rows be read as two columns."""
    fragments = [f for row in rows for f in row]
    if len(rows) < _COLUMN_ROWS:
        return None
    start = int(min(f[0].x0 for f in fragments))
    cover = [0] * (int(max(f[-1].x1 for f in fragments)) - start + 2)
    for f in fragments:
        cover[int(f[0].x0) - start + 1] += 1
        cover[int(f[-1].x1) - start] -= 1
    cover = list(itertools.accumulate(cover))
    best: tuple[int, tuple[float, float]] | None = None
    for low, high in _valleys(cover):
        gutter = (float(start + low + 1), float(start + high - 1))
        score = _column_rows(rows, gutter)
        if score and (best is None or score > best[0]):
            best = (score, gutter)
    return None if best is None else best[1]


def _valleys(cover: Sequence[int]) -> Iterator[tuple[int, int]]:
    """Yield runs of x, wide enough for a gutter, where fewer fragments pass than on either side."""
    x = 1
    while x < len(cover) - 1:
        if cover[x] >= cover[x - 1]:
            x += 1
            continue
        end = x
        while end + 1 < len(cover) and cover[end + 1] == cover[x]:
            end += 1
        if end + 1 < len(cover) and cover[end + 1] > cover[x] and end - x >= _GUTTER_WIDTH - 1:
            yield x, end + 1
        x = end + 1


def _text_rows(band: Sequence[Row], side: Callable[[Fragment], bool]) -> list[int]:
    """Return the rows with text on one side: a bullet or a number beside its text is no column."""
    return [i for i, row in enumerate(band) if sum(len(w.text) for f in row if side(f) for w in f) > 2]


def _dense(band: Sequence[Row], rows: list[int]) -> list[int]:
    """Keep a column's rows up to its first gap of several empty lines: dates far apart are no column."""
    if not rows:
        return rows
    heights = sorted(f[0].bottom - f[0].top for i in rows for f in band[i])
    limit = 5 * heights[len(heights) // 2]
    tops = [min(f[0].top for f in band[i]) for i in rows]
    for k in range(1, len(rows)):
        if tops[k] - tops[k - 1] > limit:
            return rows[:k]
    return rows


def _column_rows(rows: Iterable[Row], gutter: tuple[float, float]) -> int:
    """Count the rows that a gutter would put in columns."""
    score = 0
    for band, _ in _bands(rows, gutter):
        span = _column_span(band, gutter)
        if span is not None:
            score += span[1] - span[0]
    return score


def _is_linkedin(pages: Sequence[Sequence[Word]], signed: bool) -> bool:
    """Recognise LinkedIn's "Save to PDF" by its producer or links, page footers and headings."""
    first = _row_texts(pages[0])
    signed = signed or any(text.endswith(("(LinkedIn)", " on LinkedIn")) for text in first)
    if not signed or not any(_FOOTER.fullmatch(text) for text in first):
        return False
    headings = {text.casefold() for words in pages for text in _row_texts(words)} & _LINKEDIN_HEADINGS
    return len(headings) >= 2


def _row_texts(words: Sequence[Word]) -> list[str]:
    """Return the text of each row, the sidebar of a current profile apart from the rest."""
    side = [w for w in words if w.x1 <= _LINKEDIN_SIDEBAR]
    main = [w for w in words if w.x1 > _LINKEDIN_SIDEBAR]
    return [" ".join(w.text for f in row for w in f) for part in (side, main) if part for row in _rows(part)]


def _linkedin(path: Path, pages: Sequence[Sequence[Word]]) -> Document:
    """Read a LinkedIn profile: the sidebar and the main column apart, each with its own sections."""
    first = [w for w in pages[0] if w.x1 <= _LINKEDIN_SIDEBAR]
    # The legacy layout (2016-2018) has one column; the current one a sidebar with these headings.
    split = any(line.text.casefold() in _LINKEDIN_SIDEBAR_HEADINGS for line in _lines(first))
    sidebar = [[w for w in words if split and w.x1 <= _LINKEDIN_SIDEBAR] for words in pages]
    main = [[w for w in words if not split or w.x1 > _LINKEDIN_SIDEBAR] for words in pages]
    side_lines = [_lines(words) for words in sidebar]
    main_lines = [_lines(words) for words in main]
    side_sections = iter(_linkedin_sections(line.text for page in side_lines for line in page))
    body_lines = [line for page in main_lines for line in page]
    body_sections = _linkedin_sections(line.text for line in body_lines)
    heights = [line.bbox.bottom - line.bbox.top for line in body_lines]
    jobs = job_fields(list(zip((line.text for line in body_lines), heights, body_sections, strict=True)))
    main_tags = iter(zip(body_sections, jobs, strict=True))
    segments = []
    for number, (side, body) in enumerate(zip(side_lines, main_lines, strict=True), start=1):
        placed: list[tuple[Line, Section, JobField | None]] = [
            (line, next(side_sections), None) for line in side
        ]
        placed += [(line, *next(main_tags)) for line in body]
        for index, (line, section, job) in enumerate(placed, start=1):
            segments.append(Segment(line.text, PdfLocation(number, index, line.bbox, job), section))
    return build_document(path, DocumentKind.PROFILE, Format.LINKEDIN_PDF, segments)


def _linkedin_sections(lines: Iterable[str]) -> list[Section]:
    """Carry headings forward like sections_for, knowing LinkedIn's own headings too."""
    current = Section.CONTACT
    result = []
    for line in lines:
        found = heading_section(line) or _LINKEDIN_EXTRA.get(line.casefold())
        if found is None and _RECOMMENDED.match(line):
            found = Section.REFERENCES
        current = found or current
        result.append(current)
    return result


def _mojibake_table() -> tuple[re.Pattern[str], dict[str, int]]:
    """Build the pattern of UTF-8 read as cp1252 and the map from each character back to its byte."""
    byte_of: dict[str, int] = {}
    for value in range(0x80, 0x100):
        try:
            char = bytes([value]).decode("cp1252")
        except UnicodeDecodeError:
            char = chr(value)  # the five bytes cp1252 leaves undefined arrive as C1 controls
        byte_of[char] = value

    def chars(low: int, high: int) -> str:
        return "".join(re.escape(c) for c, b in byte_of.items() if low <= b <= high)

    tail = f"[{chars(0x80, 0xBF)}]"
    pattern = f"[{chars(0xC2, 0xDF)}]{tail}|[{chars(0xE0, 0xEF)}]{tail}{{2}}|[{chars(0xF0, 0xF4)}]{tail}{{3}}"
    return re.compile(pattern), byte_of


_MOJIBAKE, _BYTE_OF = _mojibake_table()
# What is left when the last byte of a sequence was lost on the way (cp1252 has no character for
# 0x9D or 0x8D) or the middle one was dropped as invisible.
_MOJIBAKE_REMNANTS = (
    (re.compile(r"â€(?=\s|$)"), "”"),
    (re.compile(r"â(?=[–—•])"), ""),
    (re.compile(r"ï¼"), "-"),
)
# A lone Â is what stays of a UTF-8 no-break space; keep it only inside a capitalised word.
_LONE_A_CIRCUMFLEX = re.compile(r"Â(?![A-Z])|(?<=[a-z0-9.,;:)])Â")
_SPACES = re.compile(r" {2,}")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as cp1252 (`â€¢` → `•`), leaving other text alone."""
    if not any("\u00c2" <= c <= "\u00f4" for c in text):
        return text
    text = _MOJIBAKE.sub(_redecode, text)
    for pattern, replacement in _MOJIBAKE_REMNANTS:
        text = pattern.sub(replacement, text)
    return _SPACES.sub(" ", _LONE_A_CIRCUMFLEX.sub(" ", text)).strip()


def _redecode(match: re.Match[str]) -> str:
    try:
        return bytes(_BYTE_OF[c] for c in match[0]).decode("utf-8")
    except UnicodeDecodeError:
        return match[0]


# What may come before the header: a UTF-8 BOM and whitespace.
_LEADING = b"\xef\xbb\xbf \t\r\n\x0c"
# Past the start, a header opens a line or follows the binary bytes of a wrapper, never a word.
_HEADER = re.compile(rb"(?:^|[\x00-\x08\x0a-\x1f])%PDF-\d\.\d")
_HEADER_WINDOW = 1024


def has_signature(head: bytes, tail: bytes) -> bool:
    """Tell a PDF by its header: at the start, or opening a line of the first 1 KB of a file ending in %%EOF.

    PDF readers accept the header anywhere in the first 1024 bytes (mail and MacBinary wrappers put
    bytes before it); past the start we also ask for the trailer, so prose about %PDF-1.7 is text.
    """
    if head.lstrip(_LEADING).startswith(b"%PDF-"):
        return True
    return bool(_HEADER.search(head[:_HEADER_WINDOW])) and b"%%EOF" in tail


PARSER = Parser(
    (Format.PDF, Format.LINKEDIN_PDF),
    parse,
    parse,
    suffixes=frozenset({".pdf"}),
    misnamed=(".pdf", "does not look like a PDF (no PDF header)", "re-export it from its source"),
    signature=has_signature,
)
