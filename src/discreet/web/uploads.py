"""Where an uploaded file is read from: its bytes in memory, or a private folder deleted after the request."""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from discreet.parsers.linkedin import looks_like_export
from discreet.read import Piped

# The local file header every ZIP archive opens with (DOCX files and LinkedIn exports both are ZIPs).
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True, slots=True)
class Upload:
    """A file of the page's form: the name it had on the person's machine, and its bytes."""

    name: str
    data: bytes = field(repr=False)


def needs_folder(upload: Upload) -> bool:
    """Whether a file must be written out to be read: a LinkedIn export is many files in one ZIP."""
    if not upload.data.startswith(_ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(BytesIO(upload.data)) as archive:
            return looks_like_export(archive.namelist())
    # A damaged archive is read from memory, where the reader names what is wrong with it.
    except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError, OSError):
        return False


def in_memory(upload: Upload) -> Piped:
    """The upload as the reader takes a piped document: bytes that are never written anywhere."""
    return Piped(upload.name, upload.data)


@contextmanager
def private_folder(parent: Path | None = None) -> Iterator[Path]:
    """A folder only this user can open (mode 0700), deleted with everything in it on leaving."""
    folder = Path(tempfile.mkdtemp(prefix="discreet-", dir=parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder)


def written(upload: Upload, folder: Path) -> Path:
    """The upload written into folder under its own name, readable by this user only."""
    path = folder / upload.name
    path.touch(mode=0o600)
    path.write_bytes(upload.data)
    return path
