"""Parts added to a saved Word file by hand, for what python-docx cannot write: notes, odd relationships."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def add_part(path: Path, name: str, xml: str, reltype: str, kind: str, rid: str = "rIdNote") -> None:
    """Add a Word part to a saved file: the member, its content type and its relationship."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    content_type = f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                override = f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>'
                data = data.replace(b"</Types>", override.encode())
            elif info.filename == "word/_rels/document.xml.rels":
                rel = f'<Relationship Id="{rid}" Type="{reltype}" Target="{name.split("/")[-1]}"/>'
                data = data.replace(b"</Relationships>", (rel + "</Relationships>").encode())
            archive.writestr(info.filename, data)
        archive.writestr(name, xml)


def notes_xml(kind: str, *texts: str) -> str:
    """A footnotes (or endnotes) part as Word writes it: two separators, then one note per text."""
    separators = "".join(
        f'<w:{kind} w:type="{t}" w:id="{i}"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        for i, t in ((-1, "separator"), (0, "continuationSeparator"))
    )
    notes = "".join(
        f'<w:{kind} w:id="{i}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:{kind}>'
        for i, text in enumerate(texts, 1)
    )
    return f"<w:{kind}s {NS}>{separators}{notes}</w:{kind}s>"


def word_with_notes(path: Path) -> Path:
    """A resume whose footnote and endnote, each cited in the body, hold what its body does not."""
    word = docx.Document()
    word.core_properties.author = ""
    word.add_paragraph("Dana Whitfield")
    for text, kind in (
        ("Grew the Midwest territory.", "footnote"),
        ("Sales Manager, Corvane Systems.", "endnote"),
    ):
        paragraph = word.add_paragraph(text)
        paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:{kind}Reference w:id="1"/></w:r>'))
    word.save(str(path))
    footnote = notes_xml("footnote", "Closed a $4.2M deal with Northwind Logistics in 2021.")
    add_part(path, "word/footnotes.xml", footnote, RT.FOOTNOTES, "footnotes")
    endnote = notes_xml("endnote", "Referee: Marcus Okafor, marcus.okafor@example.org")
    add_part(path, "word/endnotes.xml", endnote, RT.ENDNOTES, "endnotes", "rIdEnd")
    return path
