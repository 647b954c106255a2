"""Open Word files in headless LibreOffice, in batches, and read back what it saw from its flat ODF."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# Forcing the Word filter: without it LibreOffice opens a file it cannot read as Word as plain text.
WORD_FILTER = "MS Word 2007 XML"
# What soffice prints when it cannot open a file or has to repair it (its exit code stays 0).
TROUBLE = re.compile(r"error|repair|corrupt|could not be loaded", re.IGNORECASE)

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
}


def _tag(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


_PARAGRAPHS = frozenset({_tag("text:p"), _tag("text:h")})
_CHANGE_START, _CHANGE_END = _tag("text:change-start"), _tag("text:change-end")
_CHARACTERS = {_tag("text:tab"): "\t", _tag("text:line-break"): "\n"}
# No text of the document's own: change definitions, footnotes (discreet says it does not read them),
# alternative text of images, index templates, an annotation's author and date.
_SKIPPED = frozenset(
    _tag(name)
    for name in (
        "text:tracked-changes",
        "text:note",
        "svg:title",
        "svg:desc",
        "text:table-of-content-source",
        "text:alphabetical-index-source",
        "dc:creator",
        "dc:date",
    )
)
# Shapes and comments inside a paragraph: their paragraphs are read after the one holding them.
_FRAMES = frozenset(
    _tag(name) for name in ("draw:frame", "draw:custom-shape", "draw:rect", "draw:g", "office:annotation")
)
_HEADERS = tuple(_tag(f"style:{name}") for name in ("header", "header-first", "header-left"))
_FOOTERS = tuple(_tag(f"style:{name}") for name in ("footer", "footer-first", "footer-left"))


@dataclass(frozen=True, slots=True)
class Conversion:
    """What one soffice run made of a batch: each input's output (None when absent) and its complaints."""

    outputs: dict[Path, Path | None]
    trouble: tuple[str, ...]


def convert(paths: Sequence[Path], target: str, outdir: Path, profile: Path) -> Conversion:
    """Convert every path with one headless soffice, opened as Word, into outdir (e.g. target "fodt")."""
    assert SOFFICE is not None
    assert len({path.stem for path in paths}) == len(paths), "outputs are named by stem"
    command = [
        SOFFICE,
        "--headless",
        "--norestore",
        f"-env:UserInstallation={profile.as_uri()}",
        f"--infilter={WORD_FILTER}",
        "--convert-to",
        target,
        "--outdir",
        str(outdir),
        *map(str, paths),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    suffix = "." + target.split(":")[0]
    outputs = {path: _made(outdir / (path.stem + suffix)) for path in paths}
    lines = (done.stdout + done.stderr).splitlines()
    return Conversion(outputs, tuple(line for line in lines if TROUBLE.search(line)))


def _made(path: Path) -> Path | None:
    return path if path.is_file() and path.stat().st_size else None


class Changes(StrEnum):
    """Which tracked changes a reading applies."""

    ACCEPTED = "insertion"  # keeps inserted text, drops deleted text
    REJECTED = "deletion"  # keeps deleted text, drops inserted text


@dataclass(frozen=True, slots=True)
class Change:
    """One tracked change as LibreOffice holds it: kind, author and date."""

    kind: str
    author: str
    date: str


@dataclass(frozen=True, slots=True)
class Odf:
    """A flat ODF document LibreOffice wrote."""

    root: ET.Element

    @staticmethod
    def read(path: Path) -> Odf:
        """Parse a .fodt file."""
        return Odf(ET.parse(path).getroot())

    def changes(self) -> dict[str, Change]:
        """Every tracked change, in headers, body and footers, by id."""
        found = {}
        for region in self.root.iter(_tag("text:changed-region")):
            kind = next(iter(region))
            info = kind.find("office:change-info", NS)
            assert info is not None
            found[region.get(_tag("text:id"), "")] = Change(
                kind.tag.split("}")[1],
                info.findtext("dc:creator", "", NS),
                info.findtext("dc:date", "", NS),
            )
        return found

    def body(self, changes: Changes) -> list[str]:
        """The body's paragraphs (tables, text boxes and comments included) with changes applied."""
        text = self.root.find("office:body/office:text", NS)
        assert text is not None
        return list(_Reader(self.changes(), changes).paragraphs(text))

    def furniture(self, kinds: Sequence[str], changes: Changes) -> list[str]:
        """The paragraphs of every header (or footer) of every page style."""
        reader = _Reader(self.changes(), changes)
        masters = self.root.find("office:master-styles", NS)
        found = [] if masters is None else [e for e in masters.iter() if e.tag in kinds]
        return [paragraph for story in found for paragraph in reader.paragraphs(story)]

    def headers(self, changes: Changes) -> list[str]:
        """The paragraphs of every header."""
        return self.furniture(_HEADERS, changes)

    def footers(self, changes: Changes) -> list[str]:
        """The paragraphs of every footer."""
        return self.furniture(_FOOTERS, changes)

    def properties(self) -> dict[str, str]:
        """The document's metadata as LibreOffice reads it: element or user-defined name to text."""
        meta = self.root.find("office:meta", NS)
        found = {}
        for element in [] if meta is None else list(meta):
            name = element.get(_tag("meta:name")) or element.tag.split("}")[1]
            found[name] = "".join(element.itertext()) or element.get(
                "{http://www.w3.org/1999/xlink}title", ""
            )
        return found


class _Reader:
    """Walks paragraphs in document order, leaving out the text of changes the reading drops."""

    def __init__(self, changes: dict[str, Change], keep: Changes) -> None:
        dropped = "deletion" if keep is Changes.ACCEPTED else "insertion"
        self._dropped = {key for key, change in changes.items() if change.kind == dropped}
        self._open: set[str] = set()

    def paragraphs(self, container: ET.Element) -> Iterator[str]:
        """Each paragraph's text; a paragraph's frames and annotations follow it as paragraphs."""
        for element in container:
            if element.tag in _SKIPPED:
                continue
            if element.tag in _PARAGRAPHS:
                nested: list[ET.Element] = []
                yield "".join(self._inline(element, nested))
                for frame in nested:
                    yield from self.paragraphs(frame)
            else:
                self._mark(element)
                yield from self.paragraphs(element)

    def _inline(self, element: ET.Element, nested: list[ET.Element]) -> Iterator[str]:
        """The text inside a paragraph, its tails included; frames and annotations go to nested."""
        if element.text and not self._dropping():
            yield element.text
        for child in element:
            if child.tag in _SKIPPED:
                pass
            elif child.tag in _FRAMES:
                nested.append(child)
            else:
                self._mark(child)
                yield from self._character(child)
                yield from self._inline(child, nested)
            if child.tail and not self._dropping():
                yield child.tail

    def _character(self, element: ET.Element) -> Iterator[str]:
        if self._dropping():
            return
        if element.tag in _CHARACTERS:
            yield _CHARACTERS[element.tag]
        elif element.tag == _tag("text:s"):
            yield " " * int(element.get(_tag("text:c"), "1"))

    def _mark(self, element: ET.Element) -> None:
        change = element.get(_tag("text:change-id"), "")
        if element.tag == _CHANGE_START:
            self._open.add(change)
        elif element.tag == _CHANGE_END:
            self._open.discard(change)

    def _dropping(self) -> bool:
        return bool(self._open & self._dropped)
