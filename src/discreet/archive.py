"""Bounds on ZIP-based inputs (DOCX, LinkedIn exports): the directory checked, members inflated in steps."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from discreet.errors import CorruptFileError, TooLargeError
from discreet.model import Limits

# A member must be this large before its compression ratio counts: tiny repetitive files
# (header-only CSVs, Word's settings parts) compress extremely well without being dangerous.
RATIO_FLOOR = 2**20
CHUNK_BYTES = 2**16


def check_totals(path: Path, count: int, total: int, limits: Limits) -> None:
    """Refuse an archive or folder with too many files or too many bytes once unpacked."""
    if count > limits.max_archive_members:
        raise TooLargeError(
            path,
            f"holds {count} files, more than the {limits.max_archive_members} a resume or export needs",
            "pass the document or the export on its own",
        )
    if total > limits.max_archive_bytes:
        raise TooLargeError(
            path,
            f"unpacks to {_size(total)}, over the {_size(limits.max_archive_bytes)} limit",
            "raise --max-archive-mb if you trust this file",
        )


def check_directory(path: Path, members: Sequence[zipfile.ZipInfo], limits: Limits) -> None:
    """Refuse a ZIP from its directory alone: counts, unpacked size, and bomb-like members."""
    # zipfile stops reading a member at its declared size (a longer stream fails its CRC),
    # so the directory bounds everything a parser can unpack later.
    check_totals(path, len(members), sum(member.file_size for member in members), limits)
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR and ratio > limits.max_compression_ratio:
            raise TooLargeError(
                path,
                f"{member.filename} expands {ratio:.0f} times (limit {limits.max_compression_ratio}), "
                "as a ZIP bomb does",
                "unzip it yourself and check what it holds",
            )


def read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    """Unpack one member in bounded steps, never past the size the directory declares."""
    # ZipExtFile.read() with no size inflates the whole stream in one call, up to 2 GB whatever
    # the directory declares; read in chunks, it stops at the declared size and a longer
    # stream fails its CRC, so the actual size is bounded by the declared one at every step.
    with archive.open(member) as handle:
        return b"".join(iter(partial(handle.read, CHUNK_BYTES), b""))


def _size(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{size:,} bytes"


def verify_members(path: Path, archive: zipfile.ZipFile) -> None:
    """Inflate every member in bounded steps and check it, so none holds more than its directory says.

    A reader that then unpacks a member in one call (python-docx does) can only get what was declared.
    """
    for member in archive.infolist():
        try:
            with archive.open(member) as handle:
                for _chunk in iter(partial(handle.read, CHUNK_BYTES), b""):
                    pass
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as error:
            raise CorruptFileError(
                path,
                f"holds more in {member.filename} than its ZIP directory declares, or a damaged part "
                f"({error})",
                "open it in Word and save it again",
            ) from error
