"""Parts added to a saved Word file by hand, for what python-docx cannot write: notes, odd relationships."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

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
