"""Read a Word .docx file into located segments, with the text a reader never sees kept apart."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.package import Unmarshaller
from docx.opc.packuri import PackURI
from docx.opc.part import Part as OpcPart
from docx.opc.part import PartFactory
from docx.opc.pkgreader import PackageReader
from docx.oxml import parse_xml
from docx.package import Package

from discreet.archive import check_directory, verify_members
from discreet.errors import (
    CorruptFileError,
    EncryptedError,
    InputError,
    NoTextError,
    UnsupportedFormatError,
)
from discreet.model import (
    Document,
    DocumentKind,
    Format,
    Limits,
    Location,
    Place,
    Section,
    Segment,
    Unstructured,
    build_document,
)
from discreet.parsers import Parser
from discreet.sections import heading_section

# python-docx hands out lxml elements and package parts; neither ships type stubs, so both are Any.
Element = Any
Part = Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"

_P, _TBL, _TR, _TC, _R = (_W + tag for tag in ("p", "tbl", "tr", "tc", "r"))
_ALTERNATE = _MC + "AlternateContent"
_TEXT_BOX = _W + "txbxContent"
_WRAPPERS = frozenset(_W + tag for tag in ("sdt", "sdtContent", "customXml"))
_CHARACTERS = {
    _W + "tab": "\t",
    _W + "ptab": "\t",
    _W + "br": "\n",
    _W + "cr": "\n",
    _W + "noBreakHyphen": "-",
}
_GRAPHICS = frozenset(_W + tag for tag in ("drawing", "pict", "object"))
_PROPERTY_TAGS = frozenset(
    _W + tag for tag in ("pPr", "rPr", "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr")
)

DELETION = "tracked deletion"
INSERTION = "tracked insertion"
HIDDEN_TEXT = "hidden text"
LINK_TARGET = "hyperlink target"
_REVISIONS = {
    _W + "del": DELETION,
    _W + "moveFrom": DELETION,
    _W + "ins": INSERTION,
    _W + "moveTo": INSERTION,
}

_OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_RESAVE = "re-save it from Word (File > Save As > Word Document) and try again"
_MB = 1024 * 1024
# Parts python-docx keeps as bytes are parsed only when they could hold a DTD, as XML in any encoding.
_DOCTYPE_MARKERS = tuple("<!DOCTYPE".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be"))
# Deflate shrinks a small run of repeated markup past any ratio; only a big member can be a bomb.
_LOAD_ERRORS = (
    PackageNotFoundError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    ValueError,
    SyntaxError,
    NotImplementedError,
    OSError,
    # python-docx reads relationships without checking them: a Relationship with no Target
    # fails with TypeError, a rels root outside its namespace with AttributeError.
    AttributeError,
    TypeError,
)

# The parts read beside the body; a malformed one is skipped with a note rather than refused.
_OPTIONAL_PARTS = frozenset(
    {
        RT.STYLES,
        RT.COMMENTS,
        RT.HEADER,
        RT.FOOTER,
        RT.FOOTNOTES,
        RT.ENDNOTES,
        RT.CORE_PROPERTIES,
        RT.EXTENDED_PROPERTIES,
    }
)
_FURNITURE_ORDER = {"first": 0, "default": 1, "even": 2}
_CORE_PROPERTIES = (
    (_DC + "creator", "author"),
    (_CP + "lastModifiedBy", "last modified by"),
    (_DC + "title", "title"),
    (_DC + "subject", "subject"),
    (_CP + "keywords", "keywords"),
    (_DC + "description", "comments"),
    (_CP + "category", "category"),
)
_APP_PROPERTIES = ((_EP + "Company", "company"), (_EP + "Manager", "manager"))
_FIELD_WORD = re.compile(r'"([^"]*)"|(\S+)')
_SWITCHES_WITH_ARGUMENT = frozenset({"\\l", "\\o", "\\t"})
_LINK_PREFIXES = ("mailto:", "tel:", "https://", "http://", "www.")


class DocxPart(StrEnum):
    """Where in a Word file a piece of text lives."""

    BODY = "body"
    TABLE = "table"
    HEADER = "header"
    FOOTER = "footer"
    TEXT_BOX = "text box"
    COMMENT = "comment"
    PROPERTIES = "properties"


@dataclass(frozen=True, slots=True)
class DocxLocation(Unstructured):
    """A paragraph of a Word file; table cells add table, row and cell (all from 1)."""

    part: DocxPart
    paragraph: int
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    detail: str = ""

    def describe(self) -> str:
        if self.part is DocxPart.TABLE:
            where = f"table {self.table} row {self.row} cell {self.cell} paragraph {self.paragraph}"
        elif self.part is DocxPart.PROPERTIES:
            where = f"document properties, {self.detail}"
        else:
            where = f"{self.part.value} paragraph {self.paragraph}"
            if self.part is DocxPart.BODY:
                where = f"paragraph {self.paragraph}"
        if self.detail and self.part is not DocxPart.PROPERTIES:
            where += f" ({self.detail})"
        return where

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": "docx", "part": self.part.value, "paragraph": self.paragraph}
        for key in ("table", "row", "cell"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        if self.detail:
            data["detail"] = self.detail
        return data

    def place(self) -> Place:
        part = {key: value for key, value in self.to_dict().items() if key != "type"}
        return Place(extracted=True, properties=part, kind="element", name=self.part.value)

    def labels_row_of(self, following: Location) -> bool:
        """Whether this is a row's first table cell and following lies further along the same row."""
        return (
            self.part is DocxPart.TABLE
            and self.cell == 1
            and isinstance(following, DocxLocation)
            and (following.table, following.row) == (self.table, self.row)
        )


def parse(path: Path, limits: Limits, data: bytes | None = None) -> Document:
    """Read a .docx into segments in reading order: headers, body, footers, then properties.

    Each non-empty paragraph is one visible segment. What a reader does not see (tracked
    deletions and insertions, hidden text, hyperlink targets, comments, document properties)
    follows the paragraph it comes from as segments with hidden=True. Paragraphs are counted
    from 1 within their part, empty ones included: body paragraphs outside tables; text-box
    paragraphs across all body text boxes; header, footer and comment paragraphs across all
    distinct headers, footers and comments (a text box there keeps its part, detail "text box");
    body table cells count their own paragraphs, tables numbered across the body, nested included.
    With data (the document's bytes, when it has no file), path only names it.
    """
    word = load(path, limits, data)
    body_element = word.element.find(_W + "body")
    if body_element is None:
        raise CorruptFileError(path, "has no document body", _RESAVE)
    _, headers, body, footers = _stories(word, body_element)
    if not (headers or body or footers):
        raise NoTextError(
            path,
            "has no text",
            "if the resume is a picture pasted into Word, paste its text into a .txt file and check that",
        )
    segments = [*_sectioned(headers), *_sectioned(body), *_sectioned(footers), *_properties(word)]
    return build_document(path, DocumentKind.RESUME, Format.DOCX, segments, _notes(word))


def load(path: Path, limits: Limits, data: bytes | None = None) -> Any:
    """Open a .docx as python-docx's Document, after the checks parse() makes on the container."""
    _check_container(path, limits, data)
    return _open(path, data)


@dataclass(frozen=True, slots=True)
class Piece:
    """Text a reader sees in a paragraph and the run child that shows it (w:t, w:tab, w:br, ...)."""

    node: Element
    text: str


@dataclass(frozen=True, slots=True)
class Placed:
    """A paragraph element and the pieces of its visible text, in the order parse() joins them."""

    element: Element
    pieces: tuple[Piece, ...]


def placed_paragraphs(word: Any) -> dict[DocxLocation, Placed]:
    """Every paragraph parse() reads, by the location its visible segment has."""
    body_element = word.element.find(_W + "body")
    return {} if body_element is None else _stories(word, body_element)[0].placed


def _stories(word: Any, body_element: Element) -> tuple[_Walker, list[Segment], list[Segment], list[Segment]]:
    """Walk the headers, the body (then comments no paragraph anchors) and the footers, in reading order."""
    walker = _Walker(_Styles.read(word), _comments(word))
    headers = list(walker.furniture(_furniture(word, body_element, "header"), DocxPart.HEADER))
    body = [*walker.blocks(body_element, _Story(DocxPart.BODY, word.part)), *walker.unanchored()]
    footers = list(walker.furniture(_furniture(word, body_element, "footer"), DocxPart.FOOTER))
    return walker, headers, body, footers


def hidden_runs(word: Any) -> Callable[[Element, Element], bool]:
    """A test of whether a run of a paragraph is hidden (w:vanish), styles resolved as parse() does."""
    styles = _Styles.read(word)
    return lambda run, paragraph: styles.hides(run, styles.paragraph_style(paragraph))


def _check_container(path: Path, limits: Limits, data: bytes | None) -> None:
    """Reject encrypted, legacy and oversized files before python-docx unpacks anything."""
    try:
        with path.open("rb") if data is None else io.BytesIO(data) as file:
            if file.read(len(_OLE_MAGIC)) == _OLE_MAGIC:
                _reject_compound_file(path, file)
            file.seek(0)
            members = _directory(path, file)
    except OSError as exc:
        raise InputError(
            path, f"cannot be read ({exc.strerror or exc})", "check the path and its permissions"
        ) from exc
    _check_sizes(path, members, limits)
    with path.open("rb") if data is None else io.BytesIO(data) as file, zipfile.ZipFile(file) as archive:
        verify_members(path, archive)


def _directory(path: Path, file: BinaryIO) -> list[zipfile.ZipInfo]:
    """Return the members the ZIP directory lists, without unpacking any."""
    try:
        with zipfile.ZipFile(file) as archive:
            return archive.infolist()
    except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError, EOFError) as exc:
        raise CorruptFileError(path, "is damaged or is not a Word document", _RESAVE) from exc


def _reject_compound_file(path: Path, file: BinaryIO) -> NoReturn:
    """Raise for an OLE compound file: an encrypted .docx or a legacy Office document."""
    tail = b""
    for chunk in iter(lambda: file.read(1 << 16), b""):
        if _ENCRYPTED_STREAM in tail + chunk:
            raise EncryptedError(
                path,
                "is password-protected",
                "remove the password in Word (File > Info > Protect Document), save, and try again",
            )
        tail = chunk[-len(_ENCRYPTED_STREAM) :]
    raise UnsupportedFormatError(
        path,
        "is a legacy Word 97-2003 (.doc) or other old Office file, not a .docx",
        "open it in Word and save it as a Word Document (.docx), then try again",
    )


def _check_sizes(path: Path, members: Sequence[zipfile.ZipInfo], limits: Limits) -> None:
    """Raise when the ZIP directory is past the limits or declares encrypted parts."""
    check_directory(path, members, limits)
    if any(member.flag_bits & 0x1 for member in members):
        raise EncryptedError(path, "has encrypted parts", _RESAVE)


def _open(path: Path, data: bytes | None) -> Any:
    """Load the package with python-docx, turning its many failure modes into one error."""
    try:
        # docx.Document with our own part factory; these two python-docx calls are untyped.
        package = Package()
        source = str(path) if data is None else io.BytesIO(data)
        reader = PackageReader.from_file(source)  # type: ignore[no-untyped-call]
        Unmarshaller.unmarshal(reader, package, partial(_load_part, path))  # type: ignore[no-untyped-call]
        main = package.main_document_part
    except _LOAD_ERRORS as exc:
        raise CorruptFileError(path, "is damaged or is not a Word document", _RESAVE) from exc
    if main.content_type != CT.WML_DOCUMENT_MAIN:
        raise CorruptFileError(path, "is damaged or is not a Word document", _RESAVE)
    return main.document


def _load_part(
    path: Path, partname: PackURI, content_type: str, reltype: str, blob: bytes, package: Any
) -> Part:
    """Build a part as docx.Document would, but keep a malformed part other than the body as bytes.

    Such a part (styles, comments, properties, a header) is then skipped with a note, so one
    damaged optional part does not cost the whole document. A part with a DTD is refused.
    """
    try:
        part = PartFactory(partname, content_type, reltype, blob, package)
    except SyntaxError:  # lxml's XMLSyntaxError
        if content_type == CT.WML_DOCUMENT_MAIN:
            raise
        return OpcPart(partname, content_type, blob, package)
    element = getattr(part, "element", None)
    if element is None and any(marker in blob for marker in _DOCTYPE_MARKERS):
        element = _xml(part)
    _refuse_dtd(path, partname, element)
    return part


def _refuse_dtd(path: Path, partname: PackURI, root: Element | None) -> None:
    """Raise for a part that declares a DTD, which Word never writes and will not open.

    python-docx leaves entities unresolved, so text after one would be silently lost; refusing
    is safer than resolving them, and external entities are never fetched either way.
    """
    if root is None:
        return
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise CorruptFileError(
            path,
            f"declares a DTD (<!DOCTYPE>) in {str(partname).lstrip('/')}, which Word never writes",
            _RESAVE,
        )


def _xml(part: Part | None) -> Element | None:
    """A part's root element, parsed when python-docx kept only bytes; None if absent or malformed."""
    if part is None:
        return None
    element = getattr(part, "element", None)
    if element is not None:
        return element
    try:
        return parse_xml(part.blob)
    except SyntaxError:  # lxml's XMLSyntaxError
        return None


def _related(part_or_package: Any, reltype: str) -> Part | None:
    """Return the part a part (or the package) relates to by type, or None."""
    for rel in part_or_package.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part
    return None


def _toggle(element: Element | None) -> bool | None:
    """Return an on/off property's value, or None when it is absent."""
    if element is None:
        return None
    return element.get(_W + "val") not in ("0", "false", "off")


@dataclass(frozen=True, slots=True)
class _Styles:
    """Which styles hide their text (w:vanish), resolved through basedOn."""

    vanish: dict[str, bool]
    default_paragraph: str = ""

    @staticmethod
    def read(word: Any) -> _Styles:
        """Read the styles part of a loaded document; without a readable one, no style hides text."""
        part = _related(word.part, RT.STYLES)
        root = _xml(part)
        own: dict[str, bool | None] = {}
        based_on: dict[str, str] = {}
        default = ""
        for style in () if root is None else root.iter(_W + "style"):
            name = style.get(_W + "styleId", "")
            own[name] = _toggle(style.find(f"{_W}rPr/{_W}vanish"))
            parent = style.find(_W + "basedOn")
            if parent is not None:
                based_on[name] = parent.get(_W + "val", "")
            if style.get(_W + "type") == "paragraph" and style.get(_W + "default") in ("1", "true", "on"):
                default = name
        return _Styles({name: _inherit(name, own, based_on) for name in own}, default)

    def hides(self, run: Element, paragraph_style: str) -> bool:
        """Whether a run is hidden: its own setting, else its character style, else its paragraph's."""
        properties = run.find(_W + "rPr")
        if properties is not None:
            direct = _toggle(properties.find(_W + "vanish"))
            if direct is not None:
                return direct
            character = properties.find(_W + "rStyle")
            if character is not None and character.get(_W + "val") in self.vanish:
                return self.vanish[character.get(_W + "val")]
        return self.vanish.get(paragraph_style or self.default_paragraph, False)

    def paragraph_style(self, paragraph: Element) -> str:
        """Return the style id a paragraph names, or the default paragraph style."""
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        return style.get(_W + "val", "") if style is not None else self.default_paragraph


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
        if branch.tag in (_MC + "Choice", _MC + "Fallback"):
            return branch
    return None


def _children(container: Element, tags: Iterable[str]) -> Iterator[Element]:
    """Yield children with the given tags, looking through content controls and alternates."""
    for child in container:
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tags)
        elif child.tag == _ALTERNATE:
            branch = _choose(child)
            if branch is not None:
                yield from _children(branch, tags)


def _text_boxes(element: Element) -> Iterator[Element]:
    """Yield the outermost text boxes under a drawing, one branch of each alternate."""
    for child in element:
        if child.tag == _TEXT_BOX:
            yield child
        elif child.tag == _ALTERNATE:
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


def _read_paragraph(paragraph: Element, rels: Part, styles: _Styles) -> _Paragraph:
    """Split one paragraph into visible text, hidden spans, comment anchors and text boxes."""
    walk = _ParagraphWalk(rels, styles, styles.paragraph_style(paragraph))
    walk.visit(paragraph, "")
    for link in reversed(walk.links):
        walk.close(link)
    return _Paragraph(
        "".join(walk.visible), tuple(walk.hidden), tuple(walk.comments), tuple(walk.boxes), tuple(walk.pieces)
    )


class _ParagraphWalk:
    """The state of one walk through a paragraph's inline content; _read_paragraph returns its result."""

    def __init__(self, rels: Part, styles: _Styles, style: str) -> None:
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
            if tag == _R:
                self._run(child, revision, self._styles.hides(child, self._style))
            elif tag in _REVISIONS:
                self.visit(child, revision if revision == DELETION else _REVISIONS[tag])
            elif tag == _W + "hyperlink":
                self._within(_Link(self._relationship_target(child.get(_R_ID)), True), child, revision)
            elif tag == _W + "fldSimple":
                self._within(_Link(_field_target(child.get(_W + "instr", "")), True), child, revision)
            elif tag == _W + "commentRangeStart":
                self.comments.append(child.get(_W + "id", ""))
            elif tag == _ALTERNATE:
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
            if tag == _W + "t":
                self._text(child.text or "", revision, vanish, child)
            elif tag == _W + "delText":
                self._text(child.text or "", DELETION, vanish)
            elif tag in _CHARACTERS:
                self._text(_CHARACTERS[tag], revision, vanish, child)
            elif tag == _W + "instrText":
                self._instruction(child.text or "")
            elif tag == _W + "fldChar":
                self._field_char(child.get(_W + "fldCharType", ""))
            elif tag == _W + "commentReference":
                self.comments.append(child.get(_W + "id", ""))
            elif tag in _GRAPHICS:
                self.boxes.extend(_text_boxes(child))
            elif tag == _ALTERNATE:
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
    part = _related(word.part, RT.COMMENTS)
    root = _xml(part)
    if root is None:
        return {}
    return {
        comment.get(_W + "id", ""): _Comment(comment.get(_W + "author", ""), comment, part)
        for comment in root.iter(_W + "comment")
    }


def _joined(*details: str) -> str:
    return ", ".join(detail for detail in details if detail)


class _Walker:
    """Turns the stories of one package into segments, numbering paragraphs per part."""

    def __init__(self, styles: _Styles, comments: dict[str, _Comment]) -> None:
        self._styles = styles
        self._comments = comments
        self._shown_comments: set[str] = set()
        self._paragraphs = dict.fromkeys(DocxPart, 0)
        self._tables = 0
        self.placed: dict[DocxLocation, Placed] = {}

    def blocks(self, container: Element, story: _Story) -> Iterator[Segment]:
        """Yield the segments of a story's paragraphs and tables in document order."""
        for block in _children(container, (_P, _TBL)):
            if block.tag == _TBL:
                yield from self._table(block, story)
                continue
            self._paragraphs[story.part] += 1
            yield from self._paragraph(block, story, DocxLocation(story.part, self._paragraphs[story.part]))

    def furniture(self, parts: Sequence[Part], part: DocxPart) -> Iterator[Segment]:
        """Yield the segments of header or footer parts."""
        for furniture in parts:
            yield from self.blocks(_xml(furniture), _Story(part, furniture))

    def unanchored(self) -> Iterator[Segment]:
        """Yield the comments no paragraph pointed to."""
        for name in self._comments:
            yield from self._comment(name)

    def _table(self, table: Element, story: _Story) -> Iterator[Segment]:
        if story.part is not DocxPart.BODY:
            for row in _children(table, (_TR,)):
                for cell in _children(row, (_TC,)):
                    yield from self.blocks(cell, story)
            return
        self._tables += 1
        number = self._tables
        for row_number, row in enumerate(_children(table, (_TR,)), 1):
            for cell_number, cell in enumerate(_children(row, (_TC,)), 1):
                paragraph = 0
                for block in _children(cell, (_P, _TBL)):
                    if block.tag == _TBL:
                        yield from self._table(block, story)
                        continue
                    paragraph += 1
                    where = DocxLocation(DocxPart.TABLE, paragraph, number, row_number, cell_number)
                    yield from self._paragraph(block, story, where)

    def _paragraph(self, paragraph: Element, story: _Story, where: DocxLocation) -> Iterator[Segment]:
        reader = _read_paragraph(paragraph, story.rels, self._styles)
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
    for section in body.iter(_W + "sectPr"):
        references = section.findall(f"{_W}{kind}Reference")
        references.sort(key=lambda ref: _FURNITURE_ORDER.get(ref.get(_W + "type", "default"), 1))
        for reference in references:
            part = word.part.related_parts.get(reference.get(_R_ID))
            root = _xml(part)
            if root is None:
                continue
            texts = tuple(t.text or "" for t in root.iter(_W + "t", _W + "delText"))
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
        part = _related(package, reltype)
        root = _xml(part)
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


def _notes(word: Any) -> list[str]:
    """Say when footnotes or endnotes hold text this parser does not read."""
    notes = _skipped(word)
    for reltype, kind in ((RT.FOOTNOTES, "footnote"), (RT.ENDNOTES, "endnote")):
        part = _related(word.part, reltype)
        root = _xml(part)
        if root is None:
            continue
        for note in root.iter(_W + kind):
            if note.get(_W + "type", "normal") == "normal" and "".join(_itertext(note)).strip():
                notes.append(f"the {kind}s hold text that discreet does not read yet")
                break
    return notes


def _skipped(word: Any) -> list[str]:
    """Say which parts this parser reads were too damaged to parse and were skipped."""
    damaged = {
        str(rel.target_part.partname).lstrip("/")
        for rel in word.part.package.iter_rels()
        if rel.reltype in _OPTIONAL_PARTS and not rel.is_external and _xml(rel.target_part) is None
    }
    return [f"{name} is damaged and was not read; {_RESAVE}" for name in sorted(damaged)]


def _holds_document(names: Sequence[str]) -> bool:
    return "word/document.xml" in names


PARSER = Parser(
    (Format.DOCX,),
    parse,
    parse,
    suffixes=frozenset({".docx"}),
    misnamed=(".docx", "is not a valid Word document", "re-save it from Word and try again"),
    members=_holds_document,
)
