"""Walk a Word document's stories in reading order: headers, body, tables, text boxes, notes, footers."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from discreet.errors import (
    CorruptFileError,
    NoTextError,
)
from discreet.model import (
    Section,
    Segment,
)
from discreet.parsers.docxlocation import DocxLocation, DocxPart
from discreet.parsers.wordopen import RESAVE, damaged_parts, part_xml, related_part
from discreet.parsers.wordparagraphs import Piece, Styles, children, read_paragraph
from discreet.parsers.wordxml import CP, DC, EP, R_ID, TBL, TC, TR, Element, P, Part, W
from discreet.sections import heading_section

_FURNITURE_ORDER = {"first": 0, "default": 1, "even": 2}
_CORE_PROPERTIES = (
    (DC + "creator", "author"),
    (CP + "lastModifiedBy", "last modified by"),
    (DC + "title", "title"),
    (DC + "subject", "subject"),
    (CP + "keywords", "keywords"),
    (DC + "description", "comments"),
    (CP + "category", "category"),
)
_APP_PROPERTIES = ((EP + "Company", "company"), (EP + "Manager", "manager"))


@dataclass(frozen=True, slots=True)
class Placed:
    """A paragraph element and the pieces of its visible text, in the order parse() joins them."""

    element: Element
    pieces: tuple[Piece, ...]


def placed_paragraphs(word: Any) -> dict[DocxLocation, Placed]:
    """Every paragraph parse() reads, by the location its visible segment has."""
    body_element = word.element.find(W + "body")
    return {} if body_element is None else _stories(word, body_element).walker.placed


@dataclass(frozen=True, slots=True)
class _Stories:
    """A document's segments by story, in reading order, and the walker that placed their paragraphs."""

    walker: _Walker
    headers: list[Segment]
    body: list[Segment]
    notes: list[Segment]
    footers: list[Segment]


def _stories(word: Any, body_element: Element) -> _Stories:
    """Walk the headers, the body (then comments no paragraph anchors), the notes and the footers."""
    walker = _Walker(Styles.read(word), _comments(word))
    headers = list(walker.furniture(_furniture(word, body_element, "header"), DocxPart.HEADER))
    body = [*walker.blocks(body_element, _Story(DocxPart.BODY, word.part)), *walker.unanchored()]
    notes = [
        *walker.notes(related_part(word.part, RT.FOOTNOTES), DocxPart.FOOTNOTE),
        *walker.notes(related_part(word.part, RT.ENDNOTES), DocxPart.ENDNOTE),
    ]
    footers = list(walker.furniture(_furniture(word, body_element, "footer"), DocxPart.FOOTER))
    return _Stories(walker, headers, body, notes, footers)


def hidden_runs(word: Any) -> Callable[[Element, Element], bool]:
    """A test of whether a run of a paragraph is hidden (w:vanish), styles resolved as parse() does."""
    styles = Styles.read(word)
    return lambda run, paragraph: styles.hides(run, styles.paragraph_style(paragraph))


@dataclass(frozen=True, slots=True)
class _Story:
    """Where the paragraphs being read live: their part, relationships and shared detail."""

    part: DocxPart
    rels: Part
    detail: str = ""
    hidden: bool = False
    boxed: bool = False


@dataclass(frozen=True, slots=True)
class _Comment:
    """A comment's author, its element and the part that resolves its links."""

    author: str
    element: Element
    part: Part


def _comments(word: Any) -> dict[str, _Comment]:
    """Return the document's comments by id, in the order the comments part holds them."""
    part = related_part(word.part, RT.COMMENTS)
    root = part_xml(part)
    if root is None:
        return {}
    return {
        comment.get(W + "id", ""): _Comment(comment.get(W + "author", ""), comment, part)
        for comment in root.iter(W + "comment")
    }


def _joined(*details: str) -> str:
    return ", ".join(detail for detail in details if detail)


class _Walker:
    """Turns the stories of one package into segments, numbering paragraphs per part."""

    def __init__(self, styles: Styles, comments: dict[str, _Comment]) -> None:
        self._styles = styles
        self._comments = comments
        self._shown_comments: set[str] = set()
        self._paragraphs = dict.fromkeys(DocxPart, 0)
        self._tables = 0
        self.placed: dict[DocxLocation, Placed] = {}

    def blocks(self, container: Element, story: _Story) -> Iterator[Segment]:
        """Yield the segments of a story's paragraphs and tables in document order."""
        for block in children(container, (P, TBL)):
            if block.tag == TBL:
                yield from self._table(block, story)
                continue
            self._paragraphs[story.part] += 1
            yield from self._paragraph(block, story, DocxLocation(story.part, self._paragraphs[story.part]))

    def furniture(self, parts: Sequence[Part], part: DocxPart) -> Iterator[Segment]:
        """Yield the segments of header or footer parts."""
        for furniture in parts:
            yield from self.blocks(part_xml(furniture), _Story(part, furniture))

    def notes(self, part: Part | None, kind: DocxPart) -> Iterator[Segment]:
        """Yield the segments of the footnotes (or endnotes) part, its separators left out."""
        root = part_xml(part)
        if root is None:
            return
        for note in root.iter(W + kind.value):
            if note.get(W + "type", "normal") == "normal":
                yield from self.blocks(note, _Story(kind, part))

    def unanchored(self) -> Iterator[Segment]:
        """Yield the comments no paragraph pointed to."""
        for name in self._comments:
            yield from self._comment(name)

    def _table(self, table: Element, story: _Story) -> Iterator[Segment]:
        if story.part is not DocxPart.BODY:
            for row in children(table, (TR,)):
                for cell in children(row, (TC,)):
                    yield from self.blocks(cell, story)
            return
        self._tables += 1
        number = self._tables
        for row_number, row in enumerate(children(table, (TR,)), 1):
            for cell_number, cell in enumerate(children(row, (TC,)), 1):
                paragraph = 0
                for block in children(cell, (P, TBL)):
                    if block.tag == TBL:
                        yield from self._table(block, story)
                        continue
                    paragraph += 1
                    where = DocxLocation(DocxPart.TABLE, paragraph, number, row_number, cell_number)
                    yield from self._paragraph(block, story, where)

    def _paragraph(self, paragraph: Element, story: _Story, where: DocxLocation) -> Iterator[Segment]:
        reader = read_paragraph(paragraph, story.rels, self._styles)
        self.placed[replace(where, detail=story.detail)] = Placed(paragraph, reader.pieces)
        text = reader.text
        if text.strip():
            yield Segment(text, replace(where, detail=story.detail), hidden=story.hidden)
        for detail, hidden in reader.hidden:
            if hidden.strip():
                yield Segment(hidden, replace(where, detail=_joined(story.detail, detail)), hidden=True)
        for name in reader.comments:
            yield from self._comment(name)
        for box in reader.boxes:
            yield from self.blocks(box, self._box_story(story))

    def _box_story(self, story: _Story) -> _Story:
        if story.part in (DocxPart.BODY, DocxPart.TEXT_BOX):
            return _Story(DocxPart.TEXT_BOX, story.rels)
        if story.boxed:
            return story
        return replace(story, detail=_joined(story.detail, "text box"), boxed=True)

    def _comment(self, name: str) -> Iterator[Segment]:
        comment = self._comments.get(name)
        if comment is None or name in self._shown_comments:
            return
        self._shown_comments.add(name)
        by = f"comment by {comment.author}" if comment.author else "comment"
        yield from self.blocks(comment.element, _Story(DocxPart.COMMENT, comment.part, by, hidden=True))


def _furniture(word: Any, body: Element, kind: str) -> list[Part]:
    """Return the distinct header (or footer) parts the sections use, dropping repeats and blanks."""
    parts: list[Part] = []
    seen: set[tuple[str, ...]] = set()
    for section in body.iter(W + "sectPr"):
        references = section.findall(f"{W}{kind}Reference")
        references.sort(key=lambda ref: _FURNITURE_ORDER.get(ref.get(W + "type", "default"), 1))
        for reference in references:
            part = word.part.related_parts.get(reference.get(R_ID))
            root = part_xml(part)
            if root is None:
                continue
            texts = tuple(t.text or "" for t in root.iter(W + "t", W + "delText"))
            if "".join(texts).strip() and texts not in seen:
                seen.add(texts)
                parts.append(part)
    return parts


def _sectioned(segments: Sequence[Segment]) -> list[Segment]:
    """Give each segment the section opened by the nearest visible heading at or above it."""
    current = Section.CONTACT
    placed = []
    for segment in segments:
        if not segment.hidden:
            current = heading_section(segment.text.strip()) or current
        placed.append(replace(segment, section=current))
    return placed


def _properties(word: Any) -> list[Segment]:
    """Return the non-empty core and app properties as hidden PROPERTIES segments."""
    package = word.part.package
    values: list[tuple[str, str]] = []
    for reltype, names in (
        (RT.CORE_PROPERTIES, _CORE_PROPERTIES),
        (RT.EXTENDED_PROPERTIES, _APP_PROPERTIES),
    ):
        part = related_part(package, reltype)
        root = part_xml(part)
        if root is not None:
            values += [(label, "".join(_itertext(root.find(tag)))) for tag, label in names]
    kept = [(label, value) for label, value in values if value.strip()]
    return [
        Segment(value, DocxLocation(DocxPart.PROPERTIES, number, detail=label), Section.OTHER, hidden=True)
        for number, (label, value) in enumerate(kept, 1)
    ]


def _itertext(element: Element | None) -> Iterator[str]:
    if element is not None:
        yield from element.itertext()


def read(path: Path, word: Any) -> tuple[list[Segment], list[str]]:
    """The segments of an opened Word document in reading order, and the notes on what was not read."""
    body_element = word.element.find(W + "body")
    if body_element is None:
        raise CorruptFileError(path, "has no document body", RESAVE)
    stories = _stories(word, body_element)
    if not (stories.headers or stories.body or stories.footers):
        raise NoTextError(
            path,
            "has no text",
            "if the resume is a picture pasted into Word, paste its text into a .txt file and check that",
        )
    # A note belongs to no heading of the body: its text is printed at the foot of a page or the end.
    notes = [replace(segment, section=Section.OTHER) for segment in stories.notes]
    segments = [
        *_sectioned(stories.headers),
        *_sectioned(stories.body),
        *notes,
        *_sectioned(stories.footers),
        *_properties(word),
    ]
    return segments, damaged_parts(word)
