"""Where the characters of document spans sit on a PDF's pages, as PDFium reads them."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from discreet.errors import CannotRedactError
from discreet.model import Document
from discreet.parsers.pdf import BBox, PdfLocation, glyph_indices

Rect = tuple[float, float, float, float]  # left, bottom, right, top in page space, origin bottom-left
IndexMap = dict[tuple[str, BBox], tuple[tuple[int, ...], ...]]


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character to remove: what PDFium reads there, its origin and its loose box."""

    text: str
    origin: tuple[float, float]
    box: Rect


@dataclass(frozen=True, slots=True)
class PageCut:
    """The characters to remove from one page (numbered from 1) and the boxes to draw over them."""

    page: int
    glyphs: tuple[Glyph, ...]
    boxes: tuple[Rect, ...]


def page_cuts(document: Document, spans: Sequence[tuple[int, int]], pdf: pdfium.PdfDocument) -> list[PageCut]:
    """The characters of every span, page by page; a line that cannot be traced back is refused."""
    runs: dict[int, list[tuple[int, ...]]] = {}
    maps: dict[int, IndexMap] = {}
    for page, line, indices in _span_lines(document, spans):
        if page not in maps:
            maps[page] = _index_map(pdf, page)
        found = maps[page].get(line)
        if found is None:
            raise CannotRedactError(
                document.path,
                f"a line of page {page} cannot be traced back to the page's characters",
                "make an editable copy with discreet fix --to docx or --to markdown",
            )
        runs.setdefault(page, []).append(tuple(i for char in found[indices[0] : indices[1]] for i in char))
    return [_page_cut(pdf, page, page_runs) for page, page_runs in sorted(runs.items())]


def _span_lines(
    document: Document, spans: Sequence[tuple[int, int]]
) -> Iterator[tuple[int, tuple[str, BBox], tuple[int, int]]]:
    """Each line a span touches: its page, its text and box, and the span's offsets inside its text."""
    for start, end in spans:
        for index in range(document.segment_index(start), len(document.segments)):
            segment = document.segments[index]
            if segment.start >= end:
                break
            location = segment.location
            if not isinstance(location, PdfLocation) or location.bbox is None:
                raise CannotRedactError(document.path, "is not a PDF read by discreet's PDF parser")
            local = (max(start, segment.start) - segment.start, min(end, segment.end) - segment.start)
            if local[0] < local[1]:
                yield location.page, (segment.text, location.bbox), local


def _index_map(pdf: pdfium.PdfDocument, page_number: int) -> IndexMap:
    page = pdf[page_number - 1]
    try:
        textpage = page.get_textpage()
        try:
            return glyph_indices(textpage, page.get_cropbox()[3])
        finally:
            textpage.close()
    finally:
        page.close()


def _page_cut(pdf: pdfium.PdfDocument, page_number: int, runs: Sequence[tuple[int, ...]]) -> PageCut:
    """Read each character's origin and box, and join each run's boxes into bars."""
    page = pdf[page_number - 1]
    try:
        textpage = page.get_textpage()
        try:
            glyphs = {i: _glyph(textpage, i) for run in runs for i in run}
        finally:
            textpage.close()
    finally:
        page.close()
    boxes = [bar for run in runs for bar in _bars([glyphs[i].box for i in run])]
    return PageCut(page_number, tuple(glyphs[i] for i in sorted(glyphs)), tuple(boxes))


def _glyph(textpage: pdfium.PdfTextPage, index: int) -> Glyph:
    handle = textpage.raw
    rect = pdfium_c.FS_RECTF()
    pdfium_c.FPDFText_GetLooseCharBox(handle, index, ctypes.byref(rect))
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(handle, index, ctypes.byref(x), ctypes.byref(y))
    text = chr(pdfium_c.FPDFText_GetUnicode(handle, index))
    return Glyph(text, (x.value, y.value), (rect.left, rect.bottom, rect.right, rect.top))


def _bars(boxes: Sequence[Rect]) -> list[Rect]:
    """Join the boxes of neighbouring characters of a line into one bar; a wide gap starts another."""
    bars: list[Rect] = []
    for box in boxes:
        if bars:
            left, bottom, right, top = bars[-1]
            height = max(top - bottom, box[3] - box[1], 1.0)
            same_line = abs(box[1] - bottom) < 0.5 * height
            if same_line and -height < box[0] - right < height:
                bars[-1] = (min(left, box[0]), min(bottom, box[1]), max(right, box[2]), max(top, box[3]))
                continue
        bars.append(box)
    return bars
