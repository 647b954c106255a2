"""True redaction of a PDF: the glyphs of each span cut from the page content, a box drawn in their place."""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pikepdf
import pypdfium2 as pdfium

from discreet.errors import CannotRedactError, CorruptFileError, EncryptedError
from discreet.fixplan import must_change
from discreet.model import Destination, Document
from discreet.report import DocumentReport
from discreet.writers.pdfchars import PageCut, Rect, page_cuts
from discreet.writers.pdfcontent import cut_glyphs, targets
from discreet.writers.pdffonts import Font, read_font, unreadable
from discreet.writers.pdfverify import verify

INSTEAD = "make an editable copy with discreet fix --to docx or --to markdown"
# What may name the removed text outside the pages' content: left out of the copy when it does.
# Keys that point back up a tree, and the page tree itself: a walk from a part stays inside it.
_UPWARD = frozenset({"/Parent", "/P"})
_PAGE_TYPES = (pikepdf.Name.Page, pikepdf.Name.Pages)
_ROOT_PARTS = ("/Outlines", "/StructTreeRoot", "/MarkInfo", "/Names", "/AcroForm", "/PageLabels")


@dataclass(frozen=True, slots=True)
class Redaction:
    """The redacted PDF's bytes, how many spans, glyphs and boxes it took, and the pages it changed."""

    data: bytes
    spans: int
    glyphs: int
    boxes: int
    pages: tuple[int, ...]


def removal_spans(report: DocumentReport, destination: Destination) -> tuple[tuple[int, int], ...]:
    """What a redacted copy leaves out: the matched text of every finding the destination may not show.

    A PDF cannot be generalised in place, so a public copy removes what it would otherwise rewrite.
    """
    return tuple(
        (located.finding.start, located.finding.end)
        for located in report.findings
        if must_change(located, destination)
    )


def redact(document: Document, spans: Sequence[tuple[int, int]], data: bytes) -> Redaction:
    """Cut the glyphs of every span (document offsets) out of the PDF in data, or refuse with the reason."""
    original = _open_pdfium(document.path, data)
    try:
        cuts = page_cuts(document, spans, original)
    finally:
        original.close()
    removed = [document.text[start:end] for start, end in spans]
    output, glyphs = _rewrite(document.path, data, cuts, removed)
    verify(document, spans, cuts, output)
    boxes = sum(len(cut.boxes) for cut in cuts)
    return Redaction(output, len(spans), glyphs, boxes, tuple(cut.page for cut in cuts))


def _open_pdfium(path: str, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        raise CorruptFileError(path, "the PDF is damaged or truncated", "export it again and retry") from None


def _rewrite(path: str, data: bytes, cuts: Sequence[PageCut], removed: Sequence[str]) -> tuple[bytes, int]:
    """Cut the glyphs page by page, draw the boxes, clear the metadata; return the new file and glyphs cut."""
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        raise EncryptedError(path, "the PDF is password-protected", "remove the password and retry") from None
    except pikepdf.PdfError:
        raise CorruptFileError(path, "the PDF is damaged or truncated", "export it again and retry") from None
    with pdf:
        glyphs = sum(_cut_page(path, pdf, cut) for cut in cuts)
        _clear_metadata(pdf)
        _leave_out_mentions(pdf, cuts, removed)
        buffer = io.BytesIO()
        # A deterministic /ID: the same input and findings give the same bytes.
        pdf.save(buffer, deterministic_id=True, compress_streams=True)
    return buffer.getvalue(), glyphs


def _cut_page(path: str, pdf: pikepdf.Pdf, cut: PageCut) -> int:
    """Replace one page's content by the same content without the cut glyphs, boxes drawn on top."""
    page = pdf.pages[cut.page - 1]
    resources = _resources(page.obj)
    fonts = resources.get("/Font", pikepdf.Dictionary())
    cache: dict[str, Font] = {}

    def font(name: str) -> Font:
        if name not in cache:
            cache[name] = read_font(fonts[name]) if name in fonts else unreadable(f"a missing font {name}")
        return cache[name]

    try:
        instructions = pikepdf.parse_content_stream(page)
    except pikepdf.PdfError:
        raise CannotRedactError(path, f"the content of page {cut.page} cannot be parsed", INSTEAD) from None
    wanted = targets([glyph.origin for glyph in cut.glyphs])
    result = cut_glyphs(instructions, font, wanted, _text_forms(resources), _spoken(resources))
    if result.problem:
        raise CannotRedactError(path, f"page {cut.page} holds {result.problem}", INSTEAD)
    if len(result.hit) < len(cut.glyphs):
        missing = len(cut.glyphs) - len(result.hit)
        raise CannotRedactError(
            path, f"{missing} characters to remove on page {cut.page} are not found in its content", INSTEAD
        )
    # The old content runs inside q/Q, so whatever state it leaves cannot move the boxes.
    content = b"q\n" + pikepdf.unparse_content_stream(result.instructions) + b"\nQ\n"
    page.obj.Contents = pdf.make_stream(content + _box_drawing(cut.boxes))
    return result.cut


def _resources(page: pikepdf.Dictionary) -> pikepdf.Dictionary:
    """A page's resources, inherited from its parents when it has none of its own."""
    node: pikepdf.Object | None = page
    for _ in range(64):
        if not isinstance(node, pikepdf.Dictionary):
            break
        found = node.get("/Resources")
        if isinstance(found, pikepdf.Dictionary):
            return found
        node = node.get("/Parent")
    return pikepdf.Dictionary()


def _text_forms(resources: pikepdf.Dictionary) -> frozenset[str]:
    """The names of the page's form XObjects that show text (glyphs the cutter cannot reach)."""
    forms = resources.get("/XObject", pikepdf.Dictionary())
    names = set()
    for name, xobject in forms.items():
        if isinstance(xobject, pikepdf.Stream) and xobject.get("/Subtype") == pikepdf.Name.Form:
            try:
                shows_text = b"BT" in xobject.read_bytes()
            except pikepdf.PdfError:
                shows_text = True
            if shows_text:
                names.add(name)
    return frozenset(names)


def _spoken(resources: pikepdf.Dictionary) -> frozenset[str]:
    """The names of the page's marked-content properties that give an ActualText."""
    properties = resources.get("/Properties", pikepdf.Dictionary())
    return frozenset(
        name
        for name, value in properties.items()
        if isinstance(value, pikepdf.Dictionary) and "/ActualText" in value
    )


def _box_drawing(boxes: Sequence[Rect]) -> bytes:
    """Solid black rectangles over the cut glyphs, drawn in the page's own space."""
    lines = ["q", "0 g"]
    for left, bottom, right, top in boxes:
        lines.append(f"{left:.2f} {bottom:.2f} {right - left:.2f} {top - bottom:.2f} re f")
    lines.append("Q")
    return ("\n".join(lines) + "\n").encode("ascii")


def _clear_metadata(pdf: pikepdf.Pdf) -> None:
    """Leave out the document information dictionary and every XMP packet of the document and its pages."""
    if "/Info" in pdf.trailer:
        del pdf.trailer["/Info"]
    for holder in [pdf.Root, *(page.obj for page in pdf.pages)]:
        for key in ("/Metadata", "/PieceInfo"):
            if key in holder:
                del holder[key]


def _leave_out_mentions(pdf: pikepdf.Pdf, cuts: Sequence[PageCut], removed: Sequence[str]) -> None:
    """Leave out annotations over a box, and bookmarks, tags, names or forms that quote removed text."""
    needles = _needles(removed)
    for cut in cuts:
        page = pdf.pages[cut.page - 1].obj
        annotations = page.get("/Annots")
        if isinstance(annotations, pikepdf.Array):
            kept = [a for a in annotations if not _covers(a, cut.boxes) and not _quotes(a, needles)]
            page.Annots = pdf.make_indirect(pikepdf.Array(kept))
    for key in _ROOT_PARTS:
        if key in pdf.Root and _quotes(pdf.Root[key], needles):
            del pdf.Root[key]
            if key == "/StructTreeRoot" and "/MarkInfo" in pdf.Root:
                del pdf.Root["/MarkInfo"]


def _needles(removed: Sequence[str]) -> tuple[str, ...]:
    """The removed texts as searched for: case and spacing aside; too short to mean anything, skipped."""
    return tuple({" ".join(text.split()).casefold() for text in removed if len(text.strip()) >= 3})


def _covers(annotation: pikepdf.Object, boxes: Sequence[Rect]) -> bool:
    rect = annotation.get("/Rect") if isinstance(annotation, pikepdf.Dictionary) else None
    if not isinstance(rect, pikepdf.Array) or len(rect) != 4:
        return False
    x0, x1 = sorted((float(rect[0]), float(rect[2])))
    y0, y1 = sorted((float(rect[1]), float(rect[3])))
    return any(left < x1 and x0 < right and bottom < y1 and y0 < top for left, bottom, right, top in boxes)


def _quotes(root: pikepdf.Object, needles: Sequence[str]) -> bool:
    """Whether any string reachable from root contains a removed text."""
    return any(needle in text for text in strings(root) for needle in needles)


def strings(root: pikepdf.Object) -> Iterator[str]:
    """Every string reachable from an object, casefolded with spacing collapsed (streams' data aside)."""
    seen: set[tuple[int, int]] = set()
    stack: list[object] = [root]
    while stack:
        node = stack.pop()
        # pikepdf hands numbers and booleans over as Python values: they hold no text.
        if not isinstance(node, pikepdf.Object):
            continue
        if node.is_indirect:
            if node.objgen in seen:
                continue
            seen.add(node.objgen)
        if isinstance(node, pikepdf.String):
            yield " ".join(str(node).split()).casefold()
        elif isinstance(node, pikepdf.Array):
            stack.extend(node)
        elif isinstance(node, pikepdf.Dictionary | pikepdf.Stream) and node.get("/Type") not in _PAGE_TYPES:
            stack.extend(value for key, value in node.items() if key not in _UPWARD)
