"""The files of a LinkedIn export, read from its ZIP or its extracted folder within the limits."""

from __future__ import annotations

import os
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from discreet.archive import check_directory, check_totals, read_member
from discreet.errors import (
    CorruptFileError,
    EncryptedError,
    InputError,
    UnsupportedFormatError,
)
from discreet.model import (
    Limits,
)
from discreet.parsers.linkedincsv import REDOWNLOAD

PASS_EXPORT = "pass the ZIP from LinkedIn's 'Get a copy of your data', or the folder it was extracted to"


@dataclass(frozen=True, slots=True)
class Member:
    """One file of an export: its path inside the export and a way to read its bytes."""

    path: str
    read: Callable[[], bytes]

    @property
    def name(self) -> str:
        return basename(self.path)


def basename(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


@contextmanager
def export_members(path: Path, limits: Limits) -> Iterator[list[Member]]:
    """Yield the files of an export folder or ZIP, after checking them against the limits."""
    if path.is_dir():
        yield _folder_members(path, limits)
        return
    if _magic(path) != b"PK":
        raise UnsupportedFormatError(path, "is neither a folder nor a ZIP archive", PASS_EXPORT)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise CorruptFileError(
            path, "is not a readable ZIP archive (truncated or damaged)", REDOWNLOAD
        ) from exc
    with archive:
        infos = archive.infolist()
        check_directory(path, infos, limits)
        # A member whose name a damaged directory left empty is no export file (is_dir would raise).
        files = [info for info in infos if info.filename and not info.is_dir()]
        yield sorted(
            (Member(i.filename, partial(_read_member, path, archive, i)) for i in files), key=_by_path
        )


def _magic(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(2)
    except FileNotFoundError as exc:
        raise InputError(path, "no such file or folder", "check the path") from exc
    except OSError as exc:
        raise InputError(
            path, f"cannot be read ({exc.strerror})", "check the path and its permissions"
        ) from exc


def _by_path(member: Member) -> str:
    return member.path


def _read_member(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    if info.flag_bits & 0x1:
        raise EncryptedError(
            path,
            f"{info.filename} inside the ZIP archive is password-protected",
            "unzip it and pass the folder",
        )
    try:
        # read_member stops at the declared size and ZipExtFile checks the CRC, so a lying
        # directory cannot make this read more than check_directory allowed.
        return read_member(archive, info)
    except NotImplementedError as exc:
        raise UnsupportedFormatError(
            path,
            f"{info.filename} uses a compression method discreet cannot read",
            "unzip it and pass the folder",
        ) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise CorruptFileError(
            path, f"{info.filename} inside the ZIP archive is damaged ({exc})", REDOWNLOAD
        ) from exc


def _folder_members(root: Path, limits: Limits) -> list[Member]:
    """List the regular files under an export folder, checked against the archive limits."""
    members: list[Member] = []
    total = 0
    for folder, subfolders, filenames in os.walk(root):
        subfolders.sort()
        for filename in filenames:
            file = Path(folder, filename)
            try:
                info = file.stat()
            except OSError:
                continue
            name = file.relative_to(root).as_posix()
            if not stat.S_ISREG(info.st_mode):
                # Listed, so it gets a note like any other file; never opened: a FIFO would block.
                members.append(Member(name, partial(_refuse_special, root, name)))
                continue
            total += info.st_size
            members.append(Member(name, partial(_read_file, root, file, info.st_size)))
            check_totals(root, len(members), total, limits)
    return sorted(members, key=_by_path)


def _refuse_special(root: Path, name: str) -> bytes:
    raise InputError(
        root,
        f"{name} is a FIFO, socket or device, not a regular file",
        "copy the export's files into a plain folder",
    )


def _read_file(root: Path, file: Path, size: int) -> bytes:
    try:
        with file.open("rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise InputError(
            root, f"cannot read {file.relative_to(root).as_posix()} ({exc.strerror})", "check its permissions"
        ) from exc
