"""Replace a span of a Word paragraph's text inside its runs, in place or as a tracked change."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from copy import deepcopy

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

from discreet.parsers.wordparagraphs import Piece
from discreet.parsers.wordxml import Element

AUTHOR = "discreet"
# A fixed date on every tracked change: the copy must not depend on when it was made.
DATE = "2026-01-01T00:00:00Z"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_R, _RPR, _T = qn("w:r"), qn("w:rPr"), qn("w:t")
_LINKS = frozenset({qn("w:hyperlink"), qn("w:fldSimple")})
_CONTROL = {"\t": "w:tab", "\n": "w:br"}


class Revisions:
    """Makes w:ins and w:del elements, each with the next free id, authored by discreet on a fixed date."""

    def __init__(self, first_id: int) -> None:
        self._ids = itertools.count(first_id)

    def make(self, tag: str) -> Element:
        """A new empty w:ins or w:del (tag without prefix)."""
        element = OxmlElement(f"w:{tag}")
        element.set(qn("w:id"), str(next(self._ids)))
        element.set(qn("w:author"), AUTHOR)
        element.set(qn("w:date"), DATE)
        return element


def replace_span(
    pieces: Sequence[Piece], start: int, end: int, text: str, revisions: Revisions | None
) -> list[Element]:
    """Replace [start, end) of the pieces' joined text by text, inside the runs holding it.

    The first run of the span carries the new text with its formatting. Links around the span
    are unwrapped (their targets served the old text); returns the links' elements so that the
    caller can drop relationships no longer used.
    """
    runs = _isolated(_cut(pieces, start, end))
    if not runs:
        return []
    links = _unlinked(runs)
    if revisions is None:
        _overwrite(runs, text)
    else:
        _track(runs, text, revisions)
    return links


def _cut(pieces: Sequence[Piece], start: int, end: int) -> list[Element]:
    """The run children inside [start, end), text nodes split at the span's edges so none straddles one."""
    inside = []
    offset = 0
    for piece in pieces:
        low, high = offset, offset + len(piece.text)
        offset = high
        if high <= start or low >= end:
            continue
        node = piece.node
        if low < start:
            node = _split(node, start - low)
            low = start
        if high > end:
            _split(node, end - low)
        inside.append(node)
    return inside


def _split(node: Element, at: int) -> Element:
    """Split a w:t at a character: the node keeps the head, a new w:t after it holds the tail."""
    tail = OxmlElement("w:t")
    tail.text = node.text[at:]
    node.text = node.text[:at]
    for half in (node, tail):
        half.set(_XML_SPACE, "preserve")
    node.addnext(tail)
    return tail


def _isolated(inside: Sequence[Element]) -> list[Element]:
    """Split the runs holding these children so that they fill runs of their own; return those runs."""
    chosen = set(inside)
    owners = list(dict.fromkeys(node.getparent() for node in inside))
    return [run for owner in owners for run in _split_run(owner, chosen)]


def _split_run(run: Element, chosen: set[Element]) -> Iterator[Element]:
    """Split one run into runs of consecutive children alike (chosen or not); yield the chosen ones."""
    properties = run.find(_RPR)
    children = [child for child in run if child is not properties]
    blocks = [(inside, list(group)) for inside, group in itertools.groupby(children, lambda c: c in chosen)]
    anchor = run
    for number, (inside, block) in enumerate(blocks):
        target = run if number == 0 else _sibling_run(run)
        if number:
            anchor.addnext(target)
            anchor = target
            target.extend(block)
        if inside:
            yield target


def _sibling_run(run: Element) -> Element:
    """An empty run formatted as run is."""
    new = OxmlElement("w:r")
    properties = run.find(_RPR)
    if properties is not None:
        new.append(deepcopy(properties))
    return new


def _unlinked(runs: Iterable[Element]) -> list[Element]:
    """Unwrap the hyperlinks and link fields around the runs; return them, now out of the tree."""
    links = list(dict.fromkeys(a for run in runs for a in run.iterancestors() if a.tag in _LINKS))
    for link in links:
        parent = link.getparent()
        index = parent.index(link)
        for offset, child in enumerate(list(link)):
            parent.insert(index + offset, child)
        parent.remove(link)
    return links


def _overwrite(runs: Sequence[Element], text: str) -> None:
    """Put text in the first run in place of the span's content; drop the other runs of the span."""
    first = runs[0]
    for run in runs[1:]:
        run.getparent().remove(run)
    for child in list(first):
        if child.tag != _RPR:
            first.remove(child)
    if text:
        first.extend(_content(text))
    else:
        first.getparent().remove(first)


def _track(runs: Sequence[Element], text: str, revisions: Revisions) -> None:
    """Wrap the span's runs in tracked deletions and add the new text as a tracked insertion."""
    deletions = []
    for run in runs:
        for node in list(run.iter(_T)):
            node.tag = qn("w:delText")
        deletion = revisions.make("del")
        run.addprevious(deletion)
        deletion.append(run)
        deletions.append(deletion)
    if not text:
        return
    inserted = _sibling_run(runs[0])
    inserted.extend(_content(text))
    insertion = revisions.make("ins")
    insertion.append(inserted)
    last = deletions[-1] if deletions[-1].getparent() is deletions[0].getparent() else deletions[0]
    last.addnext(insertion)


def _content(text: str) -> list[Element]:
    """Run children showing text: w:t for characters, w:tab and w:br for tabs and line breaks."""
    nodes = []
    for part in _pieces_of(text):
        if part in _CONTROL:
            nodes.append(OxmlElement(_CONTROL[part]))
            continue
        node = OxmlElement("w:t")
        node.text = part
        node.set(_XML_SPACE, "preserve")
        nodes.append(node)
    return nodes


def _pieces_of(text: str) -> Iterator[str]:
    """Text split into runs of ordinary characters and single tabs and newlines."""
    for control, group in itertools.groupby(text, lambda c: c in _CONTROL):
        if control:
            yield from group
        else:
            yield "".join(group)
