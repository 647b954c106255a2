"""Read one Word paragraph: the text a reader sees, and the hidden text, revisions and links beside it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from discreet.parsers.wordopen import part_xml, related_part
from discreet.parsers.wordxml import ALTERNATE, MC, R_ID, TEXT_BOX, WRAPPERS, Element, Part, R, W

_CHARACTERS = {
    W + "tab": "\t",
    W + "ptab": "\t",
    W + "br": "\n",
    W + "cr": "\n",
    W + "noBreakHyphen": "-",
}
_GRAPHICS = frozenset(W + tag for tag in ("drawing", "pict", "object"))
_PROPERTY_TAGS = frozenset(
    W + tag for tag in ("pPr", "rPr", "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr")
)

DELETION = "tracked deletion"
INSERTION = "tracked insertion"
HIDDEN_TEXT = "hidden text"
LINK_TARGET = "hyperlink target"
_REVISIONS = {
    W + "del": DELETION,
    W + "moveFrom": DELETION,
    W + "ins": INSERTION,
    W + "moveTo": INSERTION,
}
_FIELD_WORD = re.compile(r'"([^"]*)"|(\S+)')
_SWITCHES_WITH_ARGUMENT = frozenset({"\\l", "\\o", "\\t"})
_LINK_PREFIXES = ("mailto:", "tel:", "https://", "http://", "www.")


@dataclass(frozen=True, slots=True)
class Piece:
    """Text a reader sees in a paragraph and the run child that shows it (w:t, w:tab, w:br, ...)."""

    node: Element
    text: str


def _toggle(element: Element | None) -> bool | None:
    """Return an on/off property's value, or None when it is absent."""
    if element is None:
        return None
    return element.get(W + "val") not in ("0", "false", "off")


@dataclass(frozen=True, slots=True)
class Styles:
    """Which styles hide their text (w:vanish), resolved through basedOn."""

    vanish: dict[str, bool]
    default_paragraph: str = ""

    @staticmethod
    def read(word: Any) -> Styles:
        """Read the styles part of a loaded document; without a readable one, no style hides text."""
        part = related_part(word.part, RT.STYLES)
        root = part_xml(part)
        own: dict[str, bool | None] = {}
        based_on: dict[str, str] = {}
        default = ""
        for style in () if root is None else root.iter(W + "style"):
            name = style.get(W + "styleId", "")
            own[name] = _toggle(style.find(f"{W}rPr/{W}vanish"))
            parent = style.find(W + "basedOn")
            if parent is not None:
                based_on[name] = parent.get(W + "val", "")
            if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true", "on"):
                default = name
        return Styles({name: _inherit(name, own, based_on) for name in own}, default)

    def hides(self, run: Element, paragraph_style: str) -> bool:
        """Whether a run is hidden: its own setting, else its character style, else its paragraph's."""
        properties = run.find(W + "rPr")
        if properties is not None:
            direct = _toggle(properties.find(W + "vanish"))
            if direct is not None:
                return direct
            character = properties.find(W + "rStyle")
            if character is not None and character.get(W + "val") in self.vanish:
                return self.vanish[character.get(W + "val")]
        return self.vanish.get(paragraph_style or self.default_paragraph, False)

    def paragraph_style(self, paragraph: Element) -> str:
        """Return the style id a paragraph names, or the default paragraph style."""
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        return style.get(W + "val", "") if style is not None else self.default_paragraph


def _inherit(name: str, own: dict[str, bool | None], based_on: dict[str, str]) -> bool:
    """Follow basedOn until a style sets vanish; a loop of styles counts as unset."""
    seen: set[str] = set()
    while name in own and name not in seen:
        if own[name] is not None:
            return bool(own[name])
        seen.add(name)
        name = based_on.get(name, "")
    return False


def _choose(alternate: Element) -> Element | None:
    """Pick one branch of mc:AlternateContent, so a shape is not read twice."""
    for branch in alternate:
        if branch.tag in (MC + "Choice", MC + "Fallback"):
            return branch
    return None


def children(container: Element, tags: Iterable[str]) -> Iterator[Element]:
    """Yield children with the given tags, looking through content controls and alternates."""
    for child in container:
        if child.tag in tags:
            yield child
        elif child.tag in WRAPPERS:
            yield from children(child, tags)
        elif child.tag == ALTERNATE:
            branch = _choose(child)
            if branch is not None:
                yield from children(branch, tags)


def _text_boxes(element: Element) -> Iterator[Element]:
    """Yield the outermost text boxes under a drawing, one branch of each alternate."""
    for child in element:
        if child.tag == TEXT_BOX:
            yield child
        elif child.tag == ALTERNATE:
            branch = _choose(child)
            if branch is not None:
                yield from _text_boxes(branch)
        else:
            yield from _text_boxes(child)


def _field_target(instruction: str) -> str:
    """Return the URL of a HYPERLINK field instruction, or "" for other fields and bookmarks."""
    words = [m.group(1) if m.group(1) is not None else m.group(2) for m in _FIELD_WORD.finditer(instruction)]
    if not words or words[0].upper() != "HYPERLINK":
        return ""
    arguments = iter(words[1:])
    for word in arguments:
        if not word.startswith("\\"):
            return word
        if word.lower() in _SWITCHES_WITH_ARGUMENT:
            next(arguments, None)
    return ""


def _bare(text: str) -> str:
    """Reduce a link or its display text to the part a reader would recognise."""
    text = text.strip().casefold()
    for prefix in _LINK_PREFIXES:
        text = text.removeprefix(prefix)
    return text.rstrip("/")


@dataclass(slots=True, eq=False)
class _Link:
    """A hyperlink or field being read: its target and the text it shows."""

    target: str
    showing: bool
    is_field: bool = False
    instruction: list[str] = field(default_factory=list)
    display: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Paragraph:
    """What one paragraph holds: visible text, hidden spans (detail, text), comment anchors, text boxes."""

    text: str
    hidden: tuple[tuple[str, str], ...]
    comments: tuple[str, ...]
    boxes: tuple[Element, ...]
    pieces: tuple[Piece, ...] = ()


def read_paragraph(paragraph: Element, rels: Part, styles: Styles) -> _Paragraph:
    """Split one paragraph into visible text, hidden spans, comment anchors and text boxes."""
    walk = _ParagraphWalk(rels, styles, styles.paragraph_style(paragraph))
    walk.visit(paragraph, "")
    for link in reversed(walk.links):
        walk.close(link)
    return _Paragraph(
        "".join(walk.visible), tuple(walk.hidden), tuple(walk.comments), tuple(walk.boxes), tuple(walk.pieces)
    )


class _ParagraphWalk:
    """The state of one walk through a paragraph's inline content; read_paragraph returns its result."""

    def __init__(self, rels: Part, styles: Styles, style: str) -> None:
        self._rels = rels
        self._styles = styles
        self._style = style
        self.links: list[_Link] = []
        self._open_span = ""
        self.visible: list[str] = []
        self.hidden: list[tuple[str, str]] = []
        self.comments: list[str] = []
        self.boxes: list[Element] = []
        self.pieces: list[Piece] = []

    def visit(self, element: Element, revision: str) -> None:
        """Read the inline content of a paragraph or of a container inside it."""
        for child in element:
            tag = child.tag
            if tag == R:
                self._run(child, revision, self._styles.hides(child, self._style))
            elif tag in _REVISIONS:
                self.visit(child, revision if revision == DELETION else _REVISIONS[tag])
            elif tag == W + "hyperlink":
                self._within(_Link(self._relationship_target(child.get(R_ID)), True), child, revision)
            elif tag == W + "fldSimple":
                self._within(_Link(_field_target(child.get(W + "instr", "")), True), child, revision)
            elif tag == W + "commentRangeStart":
                self.comments.append(child.get(W + "id", ""))
            elif tag == ALTERNATE:
                branch = _choose(child)
                if branch is not None:
                    self.visit(branch, revision)
            elif tag not in _PROPERTY_TAGS:
                self.visit(child, revision)

    def _within(self, link: _Link, element: Element, revision: str) -> None:
        self.links.append(link)
        self.visit(element, revision)
        self.links.remove(link)
        self.close(link)

    def _relationship_target(self, rid: str | None) -> str:
        rel = self._rels.rels.get(rid) if rid else None
        return str(rel.target_ref) if rel is not None and rel.is_external else ""

    def _run(self, run: Element, revision: str, vanish: bool) -> None:
        for child in run:
            tag = child.tag
            if tag == W + "t":
                self._text(child.text or "", revision, vanish, child)
            elif tag == W + "delText":
                self._text(child.text or "", DELETION, vanish)
            elif tag in _CHARACTERS:
                self._text(_CHARACTERS[tag], revision, vanish, child)
            elif tag == W + "instrText":
                self._instruction(child.text or "")
            elif tag == W + "fldChar":
                self._field_char(child.get(W + "fldCharType", ""))
            elif tag == W + "commentReference":
                self.comments.append(child.get(W + "id", ""))
            elif tag in _GRAPHICS:
                self.boxes.extend(_text_boxes(child))
            elif tag == ALTERNATE:
                branch = _choose(child)
                if branch is not None:
                    self._run(branch, revision, vanish)

    def _text(self, text: str, revision: str, vanish: bool, node: Element = None) -> None:
        if revision == DELETION or vanish:
            self._span(DELETION if revision == DELETION else HIDDEN_TEXT, text)
            return
        self.visible.append(text)
        self.pieces.append(Piece(node, text))
        for link in self.links:
            if link.showing:
                link.display.append(text)
        if revision == INSERTION:
            self._span(INSERTION, text)
        else:
            self._open_span = ""

    def _span(self, detail: str, text: str) -> None:
        if self._open_span == detail:
            self.hidden[-1] = (detail, self.hidden[-1][1] + text)
        else:
            self.hidden.append((detail, text))
            self._open_span = detail

    def _instruction(self, text: str) -> None:
        if self.links and self.links[-1].is_field and not self.links[-1].showing:
            self.links[-1].instruction.append(text)

    def _field_char(self, kind: str) -> None:
        if kind == "begin":
            self.links.append(_Link("", False, is_field=True))
        elif not (self.links and self.links[-1].is_field):
            return
        elif kind == "separate":
            self.links[-1].showing = True
        elif kind == "end":
            self.close(self.links.pop())

    def close(self, link: _Link) -> None:
        """Note a link's target as hidden text when its displayed text does not show it."""
        target = link.target or _field_target("".join(link.instruction))
        if not target or _bare(target) in _bare("".join(link.display)):
            return
        if (LINK_TARGET, target) not in self.hidden:
            self.hidden.append((LINK_TARGET, target))
        self._open_span = ""
