"""Small files that unpack or parse into something huge: made on demand, never stored in the repo."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

MB = 2**20
_CHUNK = 4 * MB


def flate_bomb_pdf(path: Path, inflated_mb: int) -> Path:
    """A one-page PDF whose content stream is small compressed and inflated_mb of text operators."""
    operators = b"BT /F1 12 Tf 72 720 Td (Dana Whitfield) Tj ET\n"
    compressor = zlib.compressobj(9)
    block = operators * (_CHUNK // len(operators))
    stream = b"".join(compressor.compress(block) for _ in range(inflated_mb * MB // len(block)))
    stream += compressor.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body, offsets = b"%PDF-1.7\n", []
    for number, content in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    xref += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, len(body))
    path.write_bytes(body + xref + trailer)
    return path


def lying_docx(path: Path, inflated_mb: int) -> Path:
    """A DOCX whose word/document.xml declares 1 KB but inflates to inflated_mb of zeros."""
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/word/document.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        with archive.open("word/document.xml", "w", force_zip64=False) as member:
            zeros = bytes(_CHUNK)
            for _ in range(inflated_mb * MB // _CHUNK):
                member.write(zeros)
    _declare_size(path, "word/document.xml", 1024)
    return path


def _declare_size(path: Path, name: str, size: int) -> None:
    """Rewrite a member's uncompressed size in its local header and the central directory."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    struct.pack_into("<I", data, info.header_offset + 22, size)
    directory = data.rfind(b"PK\x01\x02")
    while directory != -1:
        name_length = struct.unpack_from("<H", data, directory + 28)[0]
        if data[directory + 46 : directory + 46 + name_length] == name.encode():
            struct.pack_into("<I", data, directory + 24, size)
            break
        directory = data.rfind(b"PK\x01\x02", 0, directory)
    path.write_bytes(bytes(data))


def long_field_export(path: Path, field_mb: int) -> Path:
    """A LinkedIn export ZIP whose Profile.csv summary is one field_mb field, stored: no ratio check fires."""
    header = "First Name,Last Name,Headline,Summary\n"
    row = f'Dana,Whitfield,Sales Manager,"{"a" * (field_mb * MB)}"\n'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("Profile.csv", header + row)
        archive.writestr("Positions.csv", "Company Name,Title\nNorthwind,Sales Manager\n")
    return path
