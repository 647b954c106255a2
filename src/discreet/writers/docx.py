"""The safe copy of a Word file: edits made in their runs or as tracked changes, hidden content scrubbed."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

from discreet.archive import read_member
from discreet.errors import CorruptFileError
from discreet.fixplan import Edit
from discreet.model import Document, Limits, Segment
from discreet.parsers.docxlocation import DocxLocation, DocxPart
from discreet.parsers.wordopen import load
from discreet.parsers.wordparagraphs import LINK_TARGET
from discreet.parsers.wordwalk import Placed, hidden_runs, placed_paragraphs
from discreet.parsers.wordxml import Element, Part
from discreet.writers.copy import Copy, Skipped
from discreet.writers.runs import Revisions, replace_span
from discreet.writers.scrub import scrub, story_parts

# Every member of the copy carries this date, so the same input always gives the same bytes.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_R_ID = qn("r:id")
_NOT_FOUND = "discreet could not find this paragraph in the file again; edit it in Word"
_CHANGED = "the paragraph reads differently from what was audited; edit it in Word"
_ALTERNATE = "the text sits in a shape with alternate content; edit it in Word"
_RESAVE = "open it in Word, save it again and run discreet fix on the saved file"
# python-docx writes what it read without checking it: a part with no content type fails with TypeError.
_SAVE_ERRORS = (TypeError, ValueError, KeyError, AttributeError)
_FIELD_LINK = "the link is a field; in Word right-click it and choose Remove Hyperlink"


@dataclass(frozen=True, slots=True)
class _Span:
    """A span of one paragraph's visible text to replace, and whether it is the whole paragraph."""

    placed: Placed
    start: int
    end: int
    text: str
    whole: bool
    edit: Edit


@dataclass(frozen=True, slots=True)
class _Link:
    """A paragraph's hyperlink whose target must go."""

    placed: Placed
    target: str
    edit: Edit
    where: str


def write(document: Document, original: bytes, edits: tuple[Edit, ...], tracked: bool) -> Copy:
    """The .docx with hidden content scrubbed and each edit made; tracked writes edits as revisions."""
    word = load(Path(document.path), Limits(), original)
    # Offsets map to runs as the file was read, before the scrub moves accepted insertions.
    chosen, skipped = _resolved(document, edits, placed_paragraphs(word))
    scrubbed = scrub(word, hidden_runs(word))
    parts = [part for part in story_parts(word) if getattr(part, "_element", None) is not None]
    first_id = _next_id(parts)
    revisions = Revisions(first_id) if tracked else None
    # Last first: an edit splits only runs at or after its start, so earlier pieces stay valid.
    for change in reversed(chosen):
        if isinstance(change, _Link) and not _unlink_target(change, parts):
            skipped.append(Skipped(change.edit, change.where, _FIELD_LINK))
        elif isinstance(change, _Span):
            _replace(change, parts, revisions)
    if tracked:
        _renumber(parts, first_id)
    tracked_edits = len({c.edit for c in chosen if isinstance(c, _Span)}) if tracked else 0
    return Copy(_saved(word, Path(document.path)), scrubbed, tuple(skipped), tracked_edits)


def _resolved(
    document: Document, edits: tuple[Edit, ...], placed: dict[DocxLocation, Placed]
) -> tuple[list[_Span | _Link], list[Skipped]]:
    """What each edit changes in the file, in text order, and the edits it cannot make with why."""
    chosen: list[_Span | _Link] = []
    skipped: list[Skipped] = []
    for edit in edits:
        for segment, start, end, text in _segments(document, edit):
            outcome = _resolve(edit, segment, start, end, text, placed)
            if isinstance(outcome, str):
                skipped.append(Skipped(edit, segment.location.describe(), outcome))
            elif outcome is not None:
                chosen.append(outcome)
    return chosen, skipped


def accepted(path: Path, data: bytes) -> bytes:
    """A .docx (path only names it) as it reads once every tracked change is accepted and hidden text gone."""
    word = load(path, Limits(), data)
    scrub(word, hidden_runs(word))
    return _saved(word, path)


def _segments(document: Document, edit: Edit) -> Iterator[tuple[Segment, int, int, str]]:
    """The segments an edit covers, each with its part of the span; the first takes the new text."""
    index = document.segment_index(edit.start)
    text = edit.text
    for segment in document.segments[index:]:
        if segment.start >= edit.end and segment is not document.segments[index]:
            return
        start = max(edit.start, segment.start) - segment.start
        end = min(edit.end, segment.end) - segment.start
        yield segment, start, max(start, end), text
        text = ""


def _resolve(
    edit: Edit, segment: Segment, start: int, end: int, text: str, placed: dict[DocxLocation, Placed]
) -> _Span | _Link | str | None:
    """What an edit of one segment does to the file: a span, a link to drop, nothing, or why not."""
    location = segment.location
    assert isinstance(location, DocxLocation)  # a Word document's segments are located by paragraph
    if segment.hidden:
        # Comments (links in them included), revisions, hidden text and properties all go in the scrub.
        if location.part is DocxPart.COMMENT or not location.detail.endswith(LINK_TARGET):
            return None
        detail = location.detail.removesuffix(LINK_TARGET).removesuffix(", ")
        paragraph = placed.get(replace(location, detail=detail))
        return _NOT_FOUND if paragraph is None else _Link(paragraph, segment.text, edit, location.describe())
    paragraph = placed.get(location)
    if paragraph is None:
        return _NOT_FOUND
    if "".join(piece.text for piece in paragraph.pieces) != segment.text:
        return _CHANGED
    if any(piece.node is None or piece.node.getparent().tag != qn("w:r") for piece in paragraph.pieces):
        return _ALTERNATE
    return _Span(paragraph, start, end, text, (start, end) == (0, len(segment.text)), edit)


def _replace(span: _Span, parts: list[Part], revisions: Revisions | None) -> None:
    """Make one span's edit, then drop what it leaves unused: link relationships, an emptied paragraph."""
    paragraph = span.placed.element
    owner = _owner(paragraph, parts)
    links = replace_span(span.placed.pieces, span.start, span.end, span.text, revisions)
    for link in links:
        _drop_unused(owner, link.get(_R_ID))
    if span.whole and not span.text:
        _leave_out(paragraph, revisions)


def _unlink_target(link: _Link, parts: list[Part]) -> bool:
    """Unwrap the paragraph's hyperlinks that point at the target; False when none does."""
    paragraph = link.placed.element
    owner = _owner(paragraph, parts)
    found = False
    for hyperlink in list(paragraph.iter(qn("w:hyperlink"))):
        rid = hyperlink.get(_R_ID)
        rel = owner.rels.get(rid) if rid and owner is not None else None
        if rel is None or not rel.is_external or str(rel.target_ref) != link.target:
            continue
        parent = hyperlink.getparent()
        index = parent.index(hyperlink)
        for offset, child in enumerate(list(hyperlink)):
            parent.insert(index + offset, child)
        parent.remove(hyperlink)
        _drop_unused(owner, rid)
        found = True
    return found


def _leave_out(paragraph: Element, revisions: Revisions | None) -> None:
    """Remove an emptied paragraph (or mark it deleted) when a paragraph follows it, as the schema needs."""
    following = paragraph.getnext()
    properties = paragraph.find(qn("w:pPr"))
    if following is None or following.tag != qn("w:p"):
        return
    if properties is not None and properties.find(qn("w:sectPr")) is not None:
        return
    if revisions is not None:
        _mark_deleted(paragraph, revisions)
    elif next(paragraph.iter(qn("w:r"), qn("w:fldSimple")), None) is None:
        paragraph.getparent().remove(paragraph)


def _mark_deleted(paragraph: Element, revisions: Revisions) -> None:
    """Track the deletion of a paragraph mark, so that accepting it removes the emptied paragraph."""
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        properties = OxmlElement("w:pPr")
        paragraph.insert(0, properties)
    mark = properties.find(qn("w:rPr"))
    if mark is None:
        mark = OxmlElement("w:rPr")
        # pPr's schema order ends rPr, sectPr, pPrChange: rPr goes before any of the other two.
        later = next((c for c in properties if c.tag in (qn("w:sectPr"), qn("w:pPrChange"))), None)
        if later is None:
            properties.append(mark)
        else:
            later.addprevious(mark)
    mark.insert(0, revisions.make("del"))


def _owner(element: Element, parts: list[Part]) -> Part | None:
    """The part whose XML holds an element."""
    root = element.getroottree().getroot()
    return next((part for part in parts if part._element is root), None)


def _drop_unused(part: Part | None, rid: str | None) -> None:
    """Drop a relationship nothing in the part refers to any more (a link's target URL)."""
    if part is None or not rid or rid not in part.rels:
        return
    if not any(e.get(_R_ID) == rid for e in part._element.iter()):
        del part.rels[rid]


def _next_id(parts: list[Part]) -> int:
    """One past the largest w:id of the annotations already in the file."""
    ids = (e.get(qn("w:id")) for part in parts for e in part._element.iter())
    return max((int(i) for i in ids if i is not None and i.lstrip("-").isdigit()), default=0) + 1


def _renumber(parts: list[Part], first_id: int) -> None:
    """Number the tracked changes made here in reading order (they were made last first)."""
    ids = iter(range(first_id, 2**31))
    for part in parts:
        for revision in part._element.iter(qn("w:ins"), qn("w:del")):
            number = revision.get(qn("w:id"), "")
            if number.isdigit() and int(number) >= first_id:
                revision.set(qn("w:id"), str(next(ids)))


def _saved(word: Any, path: Path) -> bytes:
    """The package's bytes, every ZIP member dated ZIP_TIME rather than now."""
    buffer = io.BytesIO()
    try:
        word.save(buffer)
    except _SAVE_ERRORS as error:
        raise CorruptFileError(
            path, "cannot be written back: one of its parts is malformed", _RESAVE
        ) from error
    return undated(buffer)


def undated(package: io.BytesIO) -> bytes:
    """A ZIP package's bytes with every member dated ZIP_TIME rather than the moment it was saved."""
    stamped = io.BytesIO()
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(stamped, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, read_member(source, member))
    return stamped.getvalue()
