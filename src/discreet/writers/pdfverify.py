"""Check a redacted PDF as a reader would: PDFium must read nothing where glyphs were cut, and the rest."""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from discreet.errors import CannotRedactError
from discreet.model import Document, Limits
from discreet.parsers.pdf import parse
from discreet.writers.pdfchars import PageCut, Rect

# The share of the words outside the removed spans that the copy must still show.
KEPT_WORDS = 0.99
_WORD = re.compile(r"\S+")
_REMEDY = "the redaction was not written; make an editable copy with discreet fix --to docx or --to markdown"


def verify(
    document: Document, spans: Sequence[tuple[int, int]], cuts: Sequence[PageCut], output: bytes
) -> float:
    """Refuse a copy that still shows removed text or lost other words; return the share of words kept."""
    pdf = pdfium.PdfDocument(output)
    try:
        for cut in cuts:
            _nothing_under(document.path, pdf, cut)
    finally:
        pdf.close()
    copy = parse(Path(document.path), Limits(), data=output)
    _no_removed_text(document, spans, copy.text)
    kept = kept_words(document, spans, copy.text)
    if kept < KEPT_WORDS:
        raise CannotRedactError(
            document.path, f"cutting the glyphs would lose {1 - kept:.1%} of the other words", _REMEDY
        )
    return kept


def _nothing_under(path: str, pdf: pdfium.PdfDocument, cut: PageCut) -> None:
    """Refuse when PDFium reads any character centred inside a cut glyph's box."""
    inner = [_shrunk(glyph.box) for glyph in cut.glyphs]
    page = pdf[cut.page - 1]
    try:
        textpage = page.get_textpage()
        try:
            for x, y in _centres(textpage):
                if any(_inside(x, y, bar) for bar in cut.boxes) and any(_inside(x, y, box) for box in inner):
                    raise CannotRedactError(
                        path, f"PDFium still reads text under a box on page {cut.page}", _REMEDY
                    )
        finally:
            textpage.close()
    finally:
        page.close()


def _centres(textpage: pdfium.PdfTextPage) -> list[tuple[float, float]]:
    """The centre of every character PDFium reads on a page, spaces aside."""
    handle = textpage.raw
    rect = pdfium_c.FS_RECTF()
    centres = []
    for i in range(pdfium_c.FPDFText_CountChars(handle)):
        if chr(pdfium_c.FPDFText_GetUnicode(handle, i)).isspace():
            continue
        pdfium_c.FPDFText_GetLooseCharBox(handle, i, ctypes.byref(rect))
        centres.append(((rect.left + rect.right) / 2, (rect.bottom + rect.top) / 2))
    return centres


def _shrunk(box: Rect) -> Rect:
    """The middle of a box: a neighbour's centre never falls there, a glyph's own always does."""
    left, bottom, right, top = box
    dx, dy = (right - left) / 4, (top - bottom) / 4
    return left + dx, bottom + dy, right - dx, top - dy


def _inside(x: float, y: float, box: Rect) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _no_removed_text(document: Document, spans: Sequence[tuple[int, int]], copy: str) -> None:
    """Refuse when the copy's text holds a removed text more often than the original does elsewhere."""
    removed = Counter(_flat(document.text[start:end]) for start, end in spans)
    original, after = _flat(document.text), _flat(copy)
    for text, times in removed.items():
        if text and after.count(text) > original.count(text) - times:
            raise CannotRedactError(document.path, "PDFium still reads a removed text in the copy", _REMEDY)


def kept_words(document: Document, spans: Sequence[tuple[int, int]], copy: str) -> float:
    """The share of the original's words outside every span that the copy still holds."""
    ordered = sorted(spans)
    others = Counter(
        match[0] for match in _WORD.finditer(document.text) if not _overlaps(match.span(), ordered)
    )
    total = sum(others.values())
    if not total:
        return 1.0
    found = Counter(_WORD.findall(copy))
    return sum(min(count, found[word]) for word, count in others.items()) / total


def _overlaps(span: tuple[int, int], ordered: Sequence[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in ordered)


def _flat(text: str) -> str:
    return " ".join(text.split())
