"""Open a .docx with python-docx, after checking its container; a damaged optional part is kept as bytes."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.package import Unmarshaller
from docx.opc.packuri import PackURI
from docx.opc.part import Part as OpcPart
from docx.opc.part import PartFactory, XmlPart
from docx.opc.pkgreader import PackageReader
from docx.oxml import parse_xml
from docx.package import Package

from discreet.archive import check_directory, verify_members
from discreet.errors import (
    CorruptFileError,
    EncryptedError,
    InputError,
    UnsupportedFormatError,
)
from discreet.model import (
    Limits,
)
from discreet.parsers.wordxml import Element, Part

_OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
RESAVE = "re-save it from Word (File > Save As > Word Document) and try again"
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


def load(path: Path, limits: Limits, data: bytes | None = None) -> Any:
    """Open a .docx as python-docx's Document, after the checks parse() makes on the container."""
    _check_container(path, limits, data)
    return _open(path, data)


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
        raise CorruptFileError(path, "is damaged or is not a Word document", RESAVE) from exc


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
        raise EncryptedError(path, "has encrypted parts", RESAVE)


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
        raise CorruptFileError(path, "is damaged or is not a Word document", RESAVE) from exc
    if main.content_type != CT.WML_DOCUMENT_MAIN:
        raise CorruptFileError(path, "is damaged or is not a Word document", RESAVE)
    return main.document


_NOTES = frozenset({CT.WML_FOOTNOTES, CT.WML_ENDNOTES})


def _load_part(
    path: Path, partname: PackURI, content_type: str, reltype: str, blob: bytes, package: Any
) -> Part:
    """Build a part as docx.Document would, but keep a malformed part other than the body as bytes.

    Such a part (styles, comments, properties, a header) is then skipped with a note, so one
    damaged optional part does not cost the whole document. A part with a DTD is refused.
    """
    try:
        # python-docx keeps footnotes and endnotes as bytes; as XML parts, their text is read and a
        # fixed copy's edits to it are saved like the body's.
        if content_type in _NOTES:
            part = XmlPart.load(partname, content_type, blob, package)
        else:
            part = PartFactory(partname, content_type, reltype, blob, package)
    except SyntaxError:  # lxml's XMLSyntaxError
        if content_type == CT.WML_DOCUMENT_MAIN:
            raise
        return OpcPart(partname, content_type, blob, package)
    element = getattr(part, "element", None)
    if element is None and any(marker in blob for marker in _DOCTYPE_MARKERS):
        element = part_xml(part)
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
            RESAVE,
        )


def part_xml(part: Part | None) -> Element | None:
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


def related_part(part_or_package: Any, reltype: str) -> Part | None:
    """Return the part a part (or the package) relates to by type, or None."""
    for rel in part_or_package.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part
    return None


def damaged_parts(word: Any) -> list[str]:
    """Say which parts this parser reads were too damaged to parse and were skipped."""
    damaged = {
        str(rel.target_part.partname).lstrip("/")
        for rel in word.part.package.iter_rels()
        if rel.reltype in _OPTIONAL_PARTS and not rel.is_external and part_xml(rel.target_part) is None
    }
    return [f"{name} is damaged and was not read; {RESAVE}" for name in sorted(damaged)]
