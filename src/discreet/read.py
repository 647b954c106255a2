"""Decide each input's format from its content and hand it to the matching parser."""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from discreet.errors import (
    CorruptFileError,
    EncryptedError,
    InputError,
    NoTextError,
    TooLargeError,
    UnsupportedFormatError,
)
from discreet.model import Document, Format, Limits
from discreet.parsers import Parser, docx, draft, jsonresume, linkedin, pdf, text
from discreet.report import Failure

# Asked in this order: one line per format, and each format's knowledge lives in its module.
REGISTRY: tuple[Parser, ...] = (
    pdf.PARSER,
    docx.PARSER,
    linkedin.PARSER,
    # Before JSON Resume, which claims every .json file so that it can say what is wrong with one.
    draft.PARSER,
    jsonresume.PARSER,
    text.PARSER,
)
PARSERS: dict[Format, Callable[[Path, Limits], Document]] = {
    fmt: parser.parse for parser in REGISTRY for fmt in parser.formats
}
# The formats whose parsers read bytes in memory: everything but a LinkedIn export, which is many files.
FROM_MEMORY: dict[Format, Callable[[Path, Limits, bytes], Document]] = {
    fmt: parser.parse_bytes for parser in REGISTRY if parser.parse_bytes for fmt in parser.formats
}

SUPPORTED = "PDF, DOCX, TXT, Markdown, a LinkedIn data export (ZIP or folder) or JSON Resume"
_UNSUPPORTED_SUFFIXES = frozenset(
    {".doc", ".odt", ".pages", ".rtf", ".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".heic", ".webp"}
)
# A folder is searched for these, so that what cannot be read is still named.
DOCUMENT_SUFFIXES = (
    frozenset(suffix for parser in REGISTRY for suffix in parser.suffixes) | _UNSUPPORTED_SUFFIXES
)
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A ZIP opens with a local file header, or is empty (end of central directory), or was spanned;
# "PK" alone is how a note about PK Sharma or a PKI engineer starts.
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
# A signature looks at the first and last bytes of a file: a PDF's header, and its %%EOF trailer.
_HEAD = 2048
_TAIL = 1024
_CONVERT = "save it as PDF or DOCX (in LibreOffice: libreoffice --headless --convert-to docx FILE)"


@dataclass(frozen=True, slots=True)
class Piped:
    """A document given as its bytes (from stdin), never written to a file; reports call it by name."""

    name: str
    data: bytes = field(repr=False)

    def __str__(self) -> str:
        return self.name


def read(source: Path | Piped, limits: Limits) -> Document:
    """Parse one input, whatever its format, into a Document."""
    if isinstance(source, Piped):
        return read_piped(source, limits)
    return PARSERS[sniff(source, limits)](source, limits)


def read_piped(piped: Piped, limits: Limits) -> Document:
    """Parse a document from its bytes alone, as read() parses a file holding them (with no suffix)."""
    name = Path(piped.name)
    size = len(piped.data)
    if size == 0:
        raise NoTextError(name, "is empty", "pipe a document in: discreet audit - < resume.pdf")
    if size > limits.max_file_bytes:
        raise TooLargeError(
            name, f"is over the {limits.max_file_bytes // 2**20} MB limit", "raise it with --max-file-mb"
        )
    fmt = _sniff_bytes(name, piped.data[:_HEAD], piped.data[-_TAIL:], piped.data)
    parse = FROM_MEMORY.get(fmt)
    if parse is None:
        raise UnsupportedFormatError(
            name, "is a LinkedIn data export, which cannot be read from stdin", "name its ZIP file or folder"
        )
    return parse(name, limits, piped.data)


def is_resume(path: Path, limits: Limits) -> bool:
    """Whether a file may be a resume: any document but those its suffix's parser doubts (package.json)."""
    suffix = path.suffix.lower()
    parser = next((p for p in REGISTRY if suffix in p.suffixes), None)
    return parser is None or parser.may_be_resume is None or parser.may_be_resume(path, limits)


def read_once(path: Path, limits: Limits) -> tuple[Document, bytes]:
    """Parse a file from its bytes, read once, and return them: a copy is made from what was audited.

    A folder (an extracted LinkedIn export) has no bytes; an export's ZIP is parsed from its path.
    """
    if path.is_dir():
        return read(path, limits), b""
    size = _checked_size(path, limits)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror})", "check its permissions") from error
    if len(data) != size:
        raise InputError(path, "changed while it was read", "wait until it is saved, then try again")
    fmt = _sniff_bytes(path, data[:_HEAD], data[-_TAIL:], data)
    parse = FROM_MEMORY.get(fmt)
    return (parse(path, limits, data) if parse else PARSERS[fmt](path, limits)), data


def sniff(path: Path, limits: Limits) -> Format:
    """Name the format of an input from its content, raising a clear error when it has none."""
    if path.is_dir():
        fmt = _folder_format(path)
        if fmt is not None:
            return fmt
        raise InputError(path, "is a folder, not a document", "name a resume file or a LinkedIn data export")
    size = _checked_size(path, limits)
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
            handle.seek(max(0, size - _TAIL))
            tail = handle.read(_TAIL)
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror})", "check its permissions") from error
    return _sniff_bytes(path, head, tail)


def _checked_size(path: Path, limits: Limits) -> int:
    """The size of a file that exists, holds something and is within the limit."""
    if not path.exists():
        raise InputError(path, "does not exist", "check the path")
    size = path.stat().st_size
    if size == 0:
        raise NoTextError(path, "is empty", "check that it is the right file")
    if size > limits.max_file_bytes:
        raise TooLargeError(
            path,
            f"is {size // 2**20} MB, over the {limits.max_file_bytes // 2**20} MB limit",
            "raise it with --max-file-mb",
        )
    return size


def _sniff_bytes(path: Path, head: bytes, tail: bytes, data: bytes | None = None) -> Format:
    """The format of a file from its first and last bytes; data is the whole content when it has no file."""
    signed = next((p for p in REGISTRY if p.signature and p.signature(head, tail)), None)
    if signed is not None:
        return signed.formats[0]
    if head.startswith(_ZIP_MAGIC):
        return _sniff_zip(path, data)
    _refuse_unsupported(path, head)
    if _is_binary(head):
        raise UnsupportedFormatError(path, "is not a supported document type", f"discreet reads {SUPPORTED}")
    for parser in REGISTRY:
        fmt = parser.text(path, head, data) if parser.text else None
        if fmt is not None:
            return fmt
    raise UnsupportedFormatError(path, "is not a supported document type", f"discreet reads {SUPPORTED}")


def _refuse_unsupported(path: Path, head: bytes) -> None:
    """Name the formats discreet does not read, and a file whose name promises a format its content lacks."""
    suffix = path.suffix.lower()
    if head.startswith(_OLE_MAGIC):
        if suffix == ".docx":
            raise EncryptedError(path, "is password-protected", "remove the password in Word and save again")
        raise UnsupportedFormatError(
            path, "is a legacy Word 97-2003 (.doc) file, which is not supported", _CONVERT
        )
    if head.startswith(_IMAGE_MAGIC) or head[4:12] in (b"ftypheic", b"ftypmif1") or head[8:12] == b"WEBP":
        raise UnsupportedFormatError(
            path,
            "is an image; text in images cannot be read (OCR is not supported)",
            "export the resume as a text PDF or DOCX",
        )
    if head.startswith(b"{\\rtf"):
        raise UnsupportedFormatError(path, "is an RTF file, which is not supported", _CONVERT)
    for parser in REGISTRY:
        if parser.misnamed and parser.misnamed[0] == suffix:
            _suffix, problem, remedy = parser.misnamed
            raise CorruptFileError(path, problem, remedy)
    if suffix in {".odt", ".pages", ".doc", ".rtf"}:
        raise UnsupportedFormatError(path, f"is a {suffix} file, which is not supported", _CONVERT)


def _is_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head.count(0) > len(head) // 4:
        return False
    return b"\x00" in head


def _sniff_zip(path: Path, data: bytes | None) -> Format:
    try:
        with zipfile.ZipFile(path if data is None else BytesIO(data)) as archive:
            names = archive.namelist()
    # A damaged directory can also claim a ZIP version from the future (NotImplementedError).
    except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError, OSError) as error:
        raise CorruptFileError(
            path, "is a damaged or truncated ZIP/DOCX file", "download or save it again"
        ) from error
    claimed = next((p for p in REGISTRY if p.members and p.members(names)), None)
    if claimed is not None:
        return claimed.formats[0]
    if "mimetype" in names and any(n.startswith("content.xml") for n in names):
        raise UnsupportedFormatError(path, "is an OpenDocument file, which is not supported", _CONVERT)
    if any(n.startswith("Index/") for n in names):
        raise UnsupportedFormatError(
            path, "is an Apple Pages file, which is not supported", "export it from Pages as PDF or Word"
        )
    raise UnsupportedFormatError(
        path,
        "is a ZIP archive that holds neither a Word document nor a LinkedIn export",
        f"discreet reads {SUPPORTED}",
    )


def _folder_format(folder: Path) -> Format | None:
    """The format of a folder that is one document (an extracted LinkedIn export), else None."""
    names = _names_in(folder)
    claimed = next((p for p in REGISTRY if p.folders and p.members and p.members(names)), None)
    return claimed.formats[0] if claimed else None


def _names_in(folder: Path) -> list[str]:
    names: list[str] = []
    # os.walk follows no directory symlinks, so a link loop cannot make this endless.
    for root, _dirs, files in os.walk(folder):
        names.extend(str(Path(root, f).relative_to(folder)) for f in files)
    return names


def expand(paths: Iterable[Path], limits: Limits) -> Iterator[Path | Failure]:
    """Yield the documents named by paths: files as given, folders searched for documents.

    Each folder and file under a folder is visited once however many links lead to it, so a
    link loop ends; FIFOs, sockets and devices are never opened and come back as Failures.
    """
    seen: set[tuple[int, int]] = set()
    for path in paths:
        kind = _kind(path)
        if kind == "folder" and _folder_format(path) is None:
            yield from _documents_under(path, seen)
        elif kind in {"folder", "file", "missing"}:
            _mark(path, seen)
            yield path
        else:
            yield _special(path, kind)


def _documents_under(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path | Failure]:
    if not _mark(folder, seen):
        return
    try:
        entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    except OSError as error:
        yield Failure(str(folder), f"{folder}: cannot be listed ({error.strerror}); check its permissions")
        return
    for entry in entries:
        kind = _kind(entry)
        if kind == "folder":
            if _folder_format(entry) is None:
                yield from _documents_under(entry, seen)
            elif _mark(entry, seen):
                yield entry
        elif kind == "file":
            if entry.suffix.lower() in DOCUMENT_SUFFIXES and _mark(entry, seen):
                yield entry
        elif kind != "missing" or entry.suffix.lower() in DOCUMENT_SUFFIXES:
            yield _special(entry, kind)


_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _kind(path: Path) -> str:
    """'folder', 'file', 'missing' (or a broken link), or what kind of special file path is."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return "missing"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    return next((name for test, name in _SPECIAL_KINDS if test(mode)), "a special file")


def _special(path: Path, kind: str) -> Failure:
    if kind == "missing":
        return Failure(str(path), f"{path}: is a link to nothing and was skipped; fix or remove the link")
    return Failure(str(path), f"{path}: is {kind}, not a document, and was skipped; name a regular file")


def _mark(path: Path, seen: set[tuple[int, int]]) -> bool:
    """Record a file or folder as visited; False when another path already led to it."""
    try:
        info = path.stat()
    except OSError:
        return True
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True
