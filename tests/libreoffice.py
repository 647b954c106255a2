"""Open Word files in headless LibreOffice in batches, accept or reject their changes, read its flat ODF."""

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
# What soffice prints when it cannot open a file (its exit code stays 0 even then). Headless, it
# repairs a damaged ZIP member without a word: the tests check the archive themselves.
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
_CHARACTERS = {_tag("text:tab"): "\t", _tag("text:line-break"): "\n"}
# No text of the document's own: change definitions, footnotes and endnotes (read apart by notes()),
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


class Review(StrEnum):
    """What LibreOffice does to every tracked change of a document: its own Accept All or Reject All."""

    ACCEPT = ".uno:AcceptAllTrackedChanges"
    REJECT = ".uno:RejectAllTrackedChanges"


# A Basic module for the throwaway profile: for each line "input<TAB>output" of a list file, open the
# input as Word (hidden), run Accept All or Reject All, save it as flat ODF; a file that fails is skipped.
MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
 script:language="StarBasic">
Sub ReviewAll(sList As String, sCommand As String)
  iFile = FreeFile
  Open sList For Input As #iFile
  Do While Not EOF(iFile)
    Line Input #iFile, sLine
    If sLine &lt;&gt; &quot;&quot; Then ReviewOne(Split(sLine, Chr(9)), sCommand)
  Loop
  Close #iFile
End Sub

Sub ReviewOne(aPair, sCommand As String)
  On Error GoTo Failed
  Dim aLoad(1) As New com.sun.star.beans.PropertyValue
  aLoad(0).Name = &quot;Hidden&quot;
  aLoad(0).Value = True
  aLoad(1).Name = &quot;FilterName&quot;
  aLoad(1).Value = &quot;MS Word 2007 XML&quot;
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(aPair(0)), &quot;_blank&quot;, 0, aLoad())
  oHelper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  oHelper.executeDispatch(oDoc.CurrentController.Frame, sCommand, &quot;&quot;, 0, Array())
  Dim aStore(0) As New com.sun.star.beans.PropertyValue
  aStore(0).Name = &quot;FilterName&quot;
  aStore(0).Value = &quot;OpenDocument Text Flat XML&quot;
  oDoc.storeToURL(ConvertToURL(aPair(1)), aStore())
  oDoc.close(True)
Failed:
End Sub
</script:module>
"""


def review(paths: Sequence[Path], how: Review, outdir: Path, profile: Path) -> dict[Path, Path | None]:
    """Accept (or reject) every change of each path in one soffice run; each one's .fodt, None when absent.

    The profile must exist already (a convert() with it makes it): the macro replaces its Module1.
    """
    assert SOFFICE is not None
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    assert module.is_file(), f"{profile} is not a LibreOffice profile yet"
    module.write_text(MACRO, encoding="utf-8")
    outdir.mkdir(parents=True, exist_ok=True)
    outputs = {path: outdir / f"{path.stem}.fodt" for path in paths}
    listing = outdir / "list.txt"
    listing.write_text("".join(f"{path}\t{out}\n" for path, out in outputs.items()), encoding="utf-8")
    macro = f'macro:///Standard.Module1.ReviewAll("{listing}","{how.value}")'
    command = [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}", macro]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return {path: _made(out) for path, out in outputs.items()}


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

    def body(self) -> list[str]:
        """The body's paragraphs (tables, text boxes and comments included), each change's text in."""
        text = self.root.find("office:body/office:text", NS)
        assert text is not None
        return list(_paragraphs(text))

    def furniture(self, kinds: Sequence[str]) -> list[str]:
        """The paragraphs of every header (or footer) of every page style."""
        masters = self.root.find("office:master-styles", NS)
        found = [] if masters is None else [e for e in masters.iter() if e.tag in kinds]
        return [paragraph for story in found for paragraph in _paragraphs(story)]

    def headers(self) -> list[str]:
        """The paragraphs of every header."""
        return self.furniture(_HEADERS)

    def footers(self) -> list[str]:
        """The paragraphs of every footer."""
        return self.furniture(_FOOTERS)

    def notes(self) -> list[tuple[str, list[str]]]:
        """Each footnote and endnote in the order the body cites them: its class and its paragraphs."""
        found = []
        for note in self.root.iter(_tag("text:note")):
            body = note.find("text:note-body", NS)
            paragraphs = [] if body is None else list(_paragraphs(body))
            found.append((note.get(_tag("text:note-class"), ""), paragraphs))
        return found

    def properties(self) -> dict[str, str]:
        """The document's metadata as LibreOffice reads it: element or user-defined name to text."""
        meta = self.root.find("office:meta", NS)
        found = {}
        for element in [] if meta is None else list(meta):
            name = element.get(_tag("meta:name")) or element.tag.split("}")[1]
            title = element.get("{http://www.w3.org/1999/xlink}title", "")
            found[name] = "".join(element.itertext()) or title
        return found


def _paragraphs(container: ET.Element) -> Iterator[str]:
    """Each paragraph's text in document order; a paragraph's frames and comments follow it."""
    for element in container:
        if element.tag in _SKIPPED:
            continue
        if element.tag in _PARAGRAPHS:
            nested: list[ET.Element] = []
            yield "".join(_inline(element, nested))
            for frame in nested:
                yield from _paragraphs(frame)
        else:
            yield from _paragraphs(element)


def _inline(element: ET.Element, nested: list[ET.Element]) -> Iterator[str]:
    """The text inside a paragraph, tails included; frames and comments are put in nested."""
    yield element.text or ""
    for child in element:
        if child.tag in _FRAMES:
            nested.append(child)
        elif child.tag not in _SKIPPED:
            yield _CHARACTERS.get(child.tag, "")
            if child.tag == _tag("text:s"):
                yield " " * int(child.get(_tag("text:c"), "1"))
            yield from _inline(child, nested)
        yield child.tail or ""
