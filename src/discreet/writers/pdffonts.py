"""The fonts of a PDF page as the glyph cutter needs them: how codes are read and how wide each glyph is."""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Mapping
from dataclasses import dataclass

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# The base encodings a simple font without widths may use, as Python codecs.
_CODECS = {"/WinAnsiEncoding": "cp1252", "/MacRomanEncoding": "mac_roman", "/StandardEncoding": "ascii"}
# Where StandardEncoding parts from ASCII: its quotes are curly.
_STANDARD_QUOTES = {0x27: "\u2019", 0x60: "\u2018"}
# The horizontal CMaps whose codes are two bytes, each code the CID itself.
_IDENTITY = frozenset({"/Identity-H"})


@dataclass(frozen=True, slots=True)
class Font:
    """A font's code length and glyph widths (thousandths of the size); problem says why it cannot be cut."""

    two_byte: bool
    widths: Mapping[int, float]
    default: float
    problem: str = ""
    # A standard font's metrics cover the codes its encoding names; others have no known width.
    partial: bool = False

    def width(self, code: int) -> float:
        """The advance of one glyph, in thousandths of the font size."""
        return self.widths.get(code, self.default)

    def codes(self, data: bytes) -> list[int]:
        """The character codes a string shown in this font holds."""
        if not self.two_byte:
            return list(data)
        return [data[i] << 8 | data[i + 1] for i in range(0, len(data) - 1, 2)]

    def encode(self, codes: list[int]) -> bytes:
        """The string that shows these codes."""
        if not self.two_byte:
            return bytes(codes)
        return b"".join(code.to_bytes(2, "big") for code in codes)


def unreadable(problem: str) -> Font:
    """A font the cutter must not touch, and why."""
    return Font(False, {}, 0.0, problem)


def read_font(font: pikepdf.Object) -> Font:
    """Read a font dictionary of a page's resources."""
    if not isinstance(font, pikepdf.Dictionary):
        return unreadable("a font that is not a dictionary")
    subtype = str(font.get("/Subtype", ""))
    if subtype == "/Type3":
        return unreadable(
            "text drawn with a Type 3 font, whose glyphs are small drawings discreet cannot map"
        )
    if subtype == "/Type0":
        return _composite(font)
    return _simple(font)


def _simple(font: pikepdf.Dictionary) -> Font:
    """A one-byte font: widths from its Widths array, else the standard font's metrics."""
    descriptor = font.get("/FontDescriptor")
    missing = float(descriptor.get("/MissingWidth", 0)) if isinstance(descriptor, pikepdf.Dictionary) else 0.0
    widths = font.get("/Widths")
    if isinstance(widths, pikepdf.Array):
        first = int(font.get("/FirstChar", 0))
        return Font(False, {first + n: float(w) for n, w in enumerate(widths)}, missing)
    base = str(font.get("/BaseFont", "")).lstrip("/")
    encoding = font.get("/Encoding", pikepdf.Name.StandardEncoding)
    if isinstance(encoding, pikepdf.Dictionary):
        encoding = encoding.get("/BaseEncoding", pikepdf.Name.StandardEncoding)
    codec = _CODECS.get(str(encoding))
    standard = _standard_widths(base, codec) if codec else None
    if standard is None:
        return unreadable(f"the font {base or 'without a name'} gives no glyph widths")
    return Font(False, standard, missing, partial=True)


@functools.cache
def _standard_widths(base: str, codec: str) -> dict[int, float] | None:
    """The widths of one of the 14 standard fonts for each one-byte code, from PDFium's own metrics."""
    scratch = pdfium.PdfDocument.new()
    try:
        handle = pdfium_c.FPDFText_LoadStandardFont(scratch.raw, base.encode("ascii", "replace"))
        if not handle:
            return None
        width = ctypes.c_float()
        widths: dict[int, float] = {}
        for code in range(32, 256):
            try:
                text = bytes([code]).decode(codec)
                if codec == "ascii":
                    text = _STANDARD_QUOTES.get(code, text)
            except UnicodeDecodeError:
                continue  # a code the encoding leaves undefined
            if pdfium_c.FPDFFont_GetGlyphWidth(handle, ord(text), 1000.0, ctypes.byref(width)):
                widths[code] = width.value
        return widths
    finally:
        scratch.close()


def _composite(font: pikepdf.Dictionary) -> Font:
    """A Type 0 font with two-byte Identity codes: widths from its CID font's W array."""
    encoding = str(font.get("/Encoding", ""))
    if encoding not in _IDENTITY:
        return unreadable(
            f"a font whose character codes ({encoding or 'an embedded CMap'}) discreet cannot read"
        )
    descendants = font.get("/DescendantFonts")
    if not isinstance(descendants, pikepdf.Array) or len(descendants) != 1:
        return unreadable("a composite font without its CID font")
    cid_font = descendants[0]
    widths: dict[int, float] = {}
    entries = list(cid_font.get("/W", pikepdf.Array()))
    i = 0
    while i + 1 < len(entries):
        first = int(entries[i])
        if isinstance(entries[i + 1], pikepdf.Array):
            widths.update((first + n, float(w)) for n, w in enumerate(entries[i + 1]))
            i += 2
        elif i + 2 < len(entries):
            last, value = int(entries[i + 1]), float(entries[i + 2])
            widths.update((code, value) for code in range(first, min(last, first + 65_535) + 1))
            i += 3
        else:
            break
    return Font(True, widths, float(cid_font.get("/DW", 1000)))
