"""Read a PDF page's characters with PDFium and group them into words by the gaps between their boxes."""

from __future__ import annotations

import ctypes
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from discreet.errors import CorruptFileError, EncryptedError

# A gap wider than this share of the glyph height (beyond the glyph's usual gap) ends a word.
# Word spaces measure 0.2-0.35 of it; kerning and letter-spaced headings stay near 0.1.
_WORD_GAP = 0.15
# PDF pages are at most 14,400 units wide (ISO 32000 Annex C); a glyph placed further out than
# twice that is clamped there, so absurd geometry costs no more than a large page.
_FAR = 2 * 14_400.0
# Zero-width characters carry no text and must not split a word.
_INVISIBLE = frozenset({0, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF})

Char = tuple[str, float, float, float, float, float]  # text, x0, top, x1, bottom, rounded width


@dataclass(frozen=True, slots=True)
class Word:
    """A run of characters with no space between them, in page points, origin top-left."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


def open_pdf(path: Path, data: bytes | None) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(path if data is None else data)
    except pdfium.PdfiumError as error:
        if error.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedError(
                path,
                "the PDF is password-protected",
                "remove the password (print or export it without one) and try again",
            ) from None
        if error.err_code == pdfium_c.FPDF_ERR_FILE:
            raise CorruptFileError(
                path, "the file cannot be opened", "check that it exists and is readable"
            ) from None
        raise CorruptFileError(
            path, "the PDF is damaged or truncated", "download or export it again and retry"
        ) from None


def page_words(pdf: pdfium.PdfDocument, index: int, path: Path) -> list[Word]:
    try:
        page = pdf[index]
    except pdfium.PdfiumError:
        raise CorruptFileError(
            path, f"page {index + 1} of the PDF is damaged", "download or export it again and retry"
        ) from None
    try:
        textpage = page.get_textpage()
        try:
            return words(chars(textpage, page.get_cropbox()[3]))
        finally:
            textpage.close()
    finally:
        page.close()


def chars(
    textpage: pdfium.PdfTextPage, page_top: float, indices: list[int] | None = None
) -> list[Char | None]:
    """Read every character with its loose box (the font's advance), None for a space or break.

    When indices is given, the PDFium index of each character (not of the Nones) is appended to it.
    """
    handle = textpage.raw
    unicode_of = pdfium_c.FPDFText_GetUnicode
    box_of = pdfium_c.FPDFText_GetLooseCharBox
    is_generated = pdfium_c.FPDFText_IsGenerated
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    chars: list[Char | None] = []
    for i in range(pdfium_c.FPDFText_CountChars(handle)):
        code = unicode_of(handle, i)
        if code in _INVISIBLE or code > 0x10FFFF:
            continue
        # PDFium marks a line-end hyphen as U+FFFE; TeX fonts map their hyphen to the soft hyphen.
        char = "-" if code in (0xFFFE, 0xAD) else chr(code)
        if code < 0x20 or char.isspace():
            # PDFium's guessed spaces split letter-spaced headings; the gaps decide instead.
            if code != 0x20 or not is_generated(handle, i):
                chars.append(None)
            continue
        box_of(handle, i, rect_ref)
        left, right = _bounded(rect.left), _bounded(rect.right)
        top, bottom = _bounded(page_top - rect.top), _bounded(page_top - rect.bottom)
        chars.append((char, left, top, right, bottom, round(right - left, 1)))
        if indices is not None:
            indices.append(i)
    return chars


def _bounded(value: float) -> float:
    """Clamp a coordinate to the far edge of the largest page; NaN becomes 0."""
    if math.isnan(value):
        return 0.0
    return min(max(value, -_FAR), _FAR)


def _usual_gaps(chars: Sequence[Char | None]) -> dict[tuple[str, float], float]:
    """Find, per glyph, the gap that most often follows it on the page: the gap inside a word."""
    # Some generators (wkhtmltopdf) round each glyph's position and draw spaces that PDFium drops,
    # so inside a word a glyph's box overlaps the next by a fixed amount and a word space shows as
    # a small positive gap; measured from the usual gap, the space stands out again.
    seen: defaultdict[tuple[str, float], Counter[float]] = defaultdict(Counter)
    page: Counter[float] = Counter()
    for a, b in itertools.pairwise(chars):
        if a is None or b is None:
            continue
        half = 0.5 * (a[4] - a[2])
        gap = b[1] - a[3]
        if -half < gap < half and -half < b[4] - a[4] < half:
            rounded = round(gap, 1)
            seen[a[0], a[5]][rounded] += 1
            page[rounded] += 1
    # A glyph mostly seen before spaces has no usual inner gap of its own: use the page's.
    usual = min(0.0, page.most_common(1)[0][0]) if page else 0.0
    return {key: min(usual, gaps.most_common(1)[0][0]) for key, gaps in seen.items()}


def words(chars: Sequence[Char | None]) -> list[Word]:
    """Group characters, in content order, into words by the gaps between their boxes."""
    usual = _usual_gaps(chars)
    words: list[Word] = []
    run: list[str] = []
    x0 = top = x1 = bottom = 0.0
    last: tuple[str, float] = ("", 0.0)
    for item in chars:
        if item is None:
            if run:
                words.append(Word("".join(run), x0, top, x1, bottom))
                run = []
            continue
        char, left, c_top, right, c_bottom, width = item
        if run:
            height = max(bottom - top, c_bottom - c_top, 1.0)
            allowed = _WORD_GAP * height + usual.get(last, 0.0)
            if abs(c_bottom - bottom) < 0.5 * height and left - x1 <= allowed and left > x0 - 0.5 * height:
                run.append(char)
                x1 = max(x1, right)
                top = min(top, c_top)
                bottom = max(bottom, c_bottom)
                last = (char, width)
                continue
            words.append(Word("".join(run), x0, top, x1, bottom))
        run = [char]
        x0, top, x1, bottom = left, c_top, right, c_bottom
        last = (char, width)
    if run:
        words.append(Word("".join(run), x0, top, x1, bottom))
    return words
