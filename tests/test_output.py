"""--output replaces the report whole or not at all: a kill or a full disk leaves the old one intact."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from discreet.cli import main

RESUME = "Dana Whitfield\ndana@example.com | (555) 555-0147\n\nEXPERIENCE\n- Closed a $850K deal\n"
PREVIOUS = "the report of yesterday\n"


@pytest.fixture
def resume(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    path = tmp_path / "in" / "resume.txt"
    path.write_text(RESUME, encoding="utf-8")
    return path


@pytest.fixture
def target(tmp_path: Path) -> Path:
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "report.json"
    path.write_text(PREVIOUS, encoding="utf-8")
    path.chmod(0o640)
    return path


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def open_files(pid: int) -> list[str]:
    """What a process has open, as /proc names it."""
    return [str(fd.readlink()) for fd in Path(f"/proc/{pid}/fd").iterdir()]


@pytest.fixture(params=["unnamed", "named"])
def new_file(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways of making the new file: unnamed (Linux O_TMPFILE) and a hidden named one elsewhere."""
    if request.param == "named":
        monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    return str(request.param)


def test_the_report_replaces_the_old_one_whole_keeping_its_mode(
    resume: Path, target: Path, new_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", str(resume), "--format", "json"]) == 1
    expected = capsys.readouterr().out
    assert main(["audit", str(resume), "--format", "json", "--output", str(target)]) == 1
    assert target.read_text(encoding="utf-8") == expected
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert names(target.parent) == ["report.json"]


def test_a_new_report_gets_the_usual_mode(resume: Path, tmp_path: Path, new_file: str) -> None:
    target = tmp_path / "new.md"
    umask = os.umask(0o027)
    try:
        assert main(["audit", str(resume), "--format", "markdown", "--output", str(target)]) == 1
    finally:
        os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8").startswith("# ")


def failing_write(folder: Path, error: BaseException) -> Callable[[int, object], int]:
    """os.write that writes some bytes of a file in the folder, then fails as a full disk does."""
    real = os.write

    def write(fd: int, data: object) -> int:
        if str(folder) not in str(Path(f"/proc/self/fd/{fd}").readlink()):
            return real(fd, data)  # type: ignore[arg-type]
        real(fd, bytes(data)[:10])  # type: ignore[call-overload]
        raise error

    return write


def test_a_full_disk_leaves_the_old_report_and_no_partial_file(
    resume: Path,
    target: Path,
    new_file: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(os, "write", failing_write(target.parent, full))
    code = main(["audit", str(resume), "--format", "json", "--output", str(target)])
    assert code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"discreet: {target}: cannot write the report (No space left on device); any report already "
        "there is unchanged: check that its folder exists, can be written to and has space"
    )
    assert target.read_text(encoding="utf-8") == PREVIOUS
    assert names(target.parent) == ["report.json"]


def test_an_interrupt_mid_write_leaves_the_old_report_and_no_partial_file(
    resume: Path,
    target: Path,
    new_file: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(os, "write", failing_write(target.parent, KeyboardInterrupt()))
    # 130 = 128 + SIGINT: what a shell reports for a run stopped by Ctrl-C
    assert main(["audit", str(resume), "--format", "json", "--output", str(target)]) == 130
    assert target.read_text(encoding="utf-8") == PREVIOUS
    assert names(target.parent) == ["report.json"]


def test_a_folder_as_output_is_one_line_and_exit_2(
    resume: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["audit", str(resume), "--output", str(folder)]) == 2
    assert "cannot write the report (Is a directory)" in capsys.readouterr().err
    assert names(folder) == []


# A child that audits and, once part of the report is written, tells the parent and waits to be killed.
KILLED_MID_WRITE = """
import os, sys, time
from pathlib import Path
from discreet.cli import main
real, folder = os.write, sys.argv[2]

def write(fd, data):
    if folder not in str(Path(f"/proc/self/fd/{fd}").readlink()):
        return real(fd, data)
    real(fd, bytes(data)[:4096])
    print("writing", flush=True)
    time.sleep(120)

os.write = write
main(["audit", sys.argv[1], "--format", "html", "--output", os.path.join(folder, "report.json")])
"""


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="unnamed files are what survive a SIGKILL")
def test_a_kill_mid_write_leaves_the_old_report_and_no_partial_file(resume: Path, target: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_MID_WRITE, str(resume), str(target.parent)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "writing\n"
        # the half-written report is open in the child, and has no name in the folder
        assert any(
            f.startswith(f"{target.parent}/#") and f.endswith(" (deleted)") for f in open_files(child.pid)
        )
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert target.read_text(encoding="utf-8") == PREVIOUS
    assert names(target.parent) == ["report.json"]
