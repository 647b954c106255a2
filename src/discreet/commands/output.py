"""Write a report or a copy whole or not at all, never over an input."""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from discreet.errors import UsageError

# Where Linux names a process's open files: the way to give an unnamed file a name.
_PROC_FD = Path("/proc/self/fd")


def write_output(text: str | bytes, output: Path | None, inputs: Sequence[Path]) -> None:
    """Write a report to stdout, or to the output file whole."""
    if output is None:
        sys.stdout.write(text if isinstance(text, str) else text.decode("utf-8"))
        return
    write_file(text if isinstance(text, bytes) else text.encode("utf-8"), output, inputs)


def write_file(data: bytes, output: Path, inputs: Sequence[Path]) -> None:
    """Put the bytes in the output file whole or not at all, refusing to write over an input."""
    if any(output.resolve() == p.resolve() for p in inputs):
        raise UsageError(f"{output}: --output names an input file; discreet never overwrites its inputs")
    try:
        _replace(output, data)
    except OSError as error:
        raise UsageError(
            f"{output}: cannot write the report ({error.strerror or error}); any report already there is "
            "unchanged: check that its folder exists, can be written to and has space"
        ) from error


def _replace(target: Path, data: bytes) -> None:
    """Put a file in place whole or not at all: written beside the target, then renamed over it."""
    mode = stat.S_IMODE(target.stat().st_mode) if target.is_file() else None
    fd, named = _new_file(target)
    try:
        named = _fill(fd, named, data, mode, target)
        named.replace(target)
    except BaseException:
        if named is not None:
            named.unlink(missing_ok=True)
        raise


def _fill(fd: int, named: Path | None, data: bytes, mode: int | None, target: Path) -> Path:
    """Write the data to the new file, durably, and name it when it has no name yet."""
    try:
        if named is None and mode is not None:
            os.fchmod(fd, mode)
        elif named is not None:
            named.chmod(_default_mode() if mode is None else mode)
        _write_all(fd, data)
        os.fsync(fd)
        if named is not None:
            return named
        # NOTE: an unnamed file leaves nothing behind if the process dies while writing it;
        # it gets a name only once complete, for the rename that puts it in place.
        named = target.with_name(f".{target.name}.{os.urandom(8).hex()}.tmp")
        # NOTE: a dir fd makes os.link call linkat, which follows the /proc link to the file itself
        # (plain link() would link the /proc entry, across devices); an absolute path ignores the fd.
        os.link(_PROC_FD / str(fd), named, src_dir_fd=fd, follow_symlinks=True)
        return named
    finally:
        os.close(fd)


def _new_file(target: Path) -> tuple[int, Path | None]:
    """An unnamed file in the target's folder where the system has them, else a hidden named one."""
    unnamed = getattr(os, "O_TMPFILE", 0)
    if unnamed and _PROC_FD.is_dir():
        try:
            return os.open(target.parent, unnamed | os.O_WRONLY, 0o666), None
        except OSError as error:
            if error.errno not in {errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL}:
                raise
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    return fd, Path(name)


def _default_mode() -> int:
    """The mode a new file gets (mkstemp's is private to its owner)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _write_all(fd: int, data: bytes) -> None:
    """os.write until every byte is written: a short write is not an error, a full disk is."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
