"""One document can cost one line, never the batch: crashes, runaway time and memory, odd folders."""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discreet import audit as audit_module
from discreet import read as read_module
from discreet.archive import read_member
from discreet.audit import Settings, audit, audit_path
from discreet.cli import main
from discreet.model import Document, Format, Limits
from discreet.packs import all_rules, builtin_rules_dir, load_packs
from discreet.parsers import linkedincsv
from discreet.report import Failure
from hostile_inputs import MB, flate_bomb_pdf, long_field_export, lying_docx

RULES = tuple(all_rules(load_packs([builtin_rules_dir()])))
GOOD = "Dana Whitfield\nPhone: (312) 555-0100\n"
REAL_TEXT_PARSER = read_module.PARSERS[Format.TEXT]
# Runs the CLI, then prints the parent's own peak resident memory (KB) as the last stderr line.
# The parent's own peak in kB. Not ru_maxrss: Linux keeps it across exec, so a child of a large
# pytest process would report pytest's peak; VmHWM belongs to the new process image.
PARENT_PEAK = (
    "import re, sys\n"
    "from discreet.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "status = open('/proc/self/status', encoding='ascii').read()\n"
    "print(re.search(r'VmHWM:\\s+(\\d+) kB', status).group(1), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def good_files(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = [folder / f"good-{index:02d}.txt" for index in range(count)]
    for path in paths:
        path.write_text(GOOD, encoding="utf-8")
    return paths


def text_parser_that(misbehaves: Callable[[], object]) -> Callable[[Path, Limits], Document]:
    """The real text parser, except that it misbehaves on files named bad.txt."""

    def parse(path: Path, limits: Limits) -> Document:
        if path.name == "bad.txt":
            misbehaves()
        return REAL_TEXT_PARSER(path, limits)

    return parse


def raise_(error: BaseException) -> Callable[[], object]:
    def misbehave() -> object:
        raise error

    return misbehave


def reported(out: str) -> list[str]:
    return [Path(d["path"]).name for d in json.loads(out)["documents"]]


@pytest.mark.parametrize(
    "error", [KeyError("Dana"), RecursionError("too deep"), OverflowError("gutter"), MemoryError()]
)
def test_an_unexpected_error_costs_its_document_one_line(
    error: BaseException, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(GOOD, encoding="utf-8")
    good = good_files(tmp_path / "good", 2)
    monkeypatch.setitem(read_module.PARSERS, Format.TEXT, text_parser_that(raise_(error)))
    code = main(["audit", str(bad), *map(str, good), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 2
    if isinstance(error, MemoryError):
        expected = (
            f"discreet: {bad}: needed more than 1024 MB of memory and was skipped; "
            "raise it with --max-memory-mb if you trust this file\n"
        )
    else:
        expected = (
            f"discreet: internal error while reading {bad}: {type(error).__name__}; "
            "please report it with `--debug` output\n"
        )
    assert err == expected
    assert reported(out) == ["good-00.txt", "good-01.txt"]


def test_a_document_out_of_memory_is_a_failure_that_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(GOOD, encoding="utf-8")
    monkeypatch.setitem(read_module.PARSERS, Format.TEXT, text_parser_that(raise_(MemoryError())))
    failure = audit_path(bad, False, Settings(RULES, memory_limit=64 * 2**20))
    # The flag lets discreet serve answer 507 (its limit), not 400 (bad input).
    assert failure == Failure(
        str(bad),
        f"{bad}: needed more than 64 MB of memory and was skipped; "
        "raise it with --max-memory-mb if you trust this file",
        out_of_memory=True,
    )


def test_debug_prints_the_traceback_after_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(GOOD, encoding="utf-8")
    monkeypatch.setitem(read_module.PARSERS, Format.TEXT, text_parser_that(raise_(KeyError("col"))))
    assert main(["audit", str(bad), "--quiet"]) == 2
    without = capsys.readouterr().err
    assert main(["audit", str(bad), "--quiet", "--debug"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert "Traceback" not in without
    assert lines[0] == without.splitlines()[0]
    assert lines[1] == "Traceback (most recent call last):"
    assert lines[-1] == "KeyError: 'col'"
    assert any("in parse" in line for line in lines)


def test_a_crash_while_detecting_costs_its_document_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = good_files(tmp_path, 3)
    paths[1].write_text("Project Falcon\n", encoding="utf-8")
    real_detect = audit_module.detect

    def detect(document: Document, *args: object) -> object:
        if "Falcon" in document.text:
            raise IndexError("segment")
        return real_detect(document, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(audit_module, "detect", detect)
    report = audit(paths, Settings(RULES), jobs=2)
    assert [Path(d.document.path).name for d in report.documents] == ["good-00.txt", "good-02.txt"]
    assert [(f.path, f.message) for f in report.failures] == [
        (
            str(paths[1]),
            f"internal error while reading {paths[1]}: IndexError; please report it with `--debug` output",
        )
    ]


@pytest.mark.parametrize(
    ("megabytes", "line"),
    [
        (
            300,
            "{bad}: stopped its reader (SIGABRT), most likely past the 300 MB memory limit, "
            "and was skipped; raise it with --max-memory-mb if you trust this file",
        ),
        (
            0,
            "internal error while reading {bad}: its worker process stopped (SIGABRT); "
            "please report it with `--debug` output",
        ),
    ],
)
def test_a_worker_killed_by_a_signal_is_replaced(
    megabytes: int, line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(GOOD, encoding="utf-8")
    good = good_files(tmp_path / "good", 3)
    abort = text_parser_that(lambda: os.kill(os.getpid(), signal.SIGABRT))
    monkeypatch.setitem(read_module.PARSERS, Format.TEXT, abort)
    report = audit([bad, *good], Settings(RULES, memory_limit=megabytes * MB), jobs=1)
    names = [Path(d.document.path).name for d in report.documents]
    assert names == ["good-00.txt", "good-01.txt", "good-02.txt"]
    assert report.failures == (Failure(str(bad), line.format(bad=bad)),)


def test_a_worker_that_exits_is_an_internal_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(GOOD, encoding="utf-8")
    good = good_files(tmp_path / "good", 1)
    monkeypatch.setitem(read_module.PARSERS, Format.TEXT, text_parser_that(lambda: os._exit(3)))
    report = audit([good[0], bad], Settings(RULES), jobs=2)
    assert [Path(d.document.path).name for d in report.documents] == ["good-00.txt"]
    assert [f.message for f in report.failures] == [
        f"internal error while reading {bad}: its worker process stopped (exit code 3); "
        "please report it with `--debug` output"
    ]


def block_signals_and_sleep() -> None:
    """Stand in for native code that never returns to Python, where SIGALRM could not interrupt it."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM, signal.SIGINT, signal.SIGTERM})
    time.sleep(60)


def test_the_time_limit_holds_where_signals_cannot_reach(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(GOOD, encoding="utf-8")
    good = good_files(tmp_path / "good", 2)
    monkeypatch.setitem(read_module.PARSERS, Format.TEXT, text_parser_that(block_signals_and_sleep))
    started = time.monotonic()
    report = audit([good[0], bad, good[1]], Settings(RULES, time_limit=1.0), jobs=1)
    assert time.monotonic() - started < 30  # the sleeper alone would take 60 s
    assert [Path(d.document.path).name for d in report.documents] == ["good-00.txt", "good-01.txt"]
    assert report.failures == (
        Failure(str(bad), f"{bad}: took longer than 1 s and was skipped; raise it with --timeout"),
    )


def test_the_memory_ceiling_stops_a_greedy_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(GOOD, encoding="utf-8")
    good = good_files(tmp_path / "good", 1)
    monkeypatch.setitem(read_module.PARSERS, Format.TEXT, text_parser_that(lambda: bytearray(1024 * MB)))
    report = audit([bad, good[0]], Settings(RULES, memory_limit=256 * MB), jobs=1)
    assert [Path(d.document.path).name for d in report.documents] == ["good-00.txt"]
    assert [f.message for f in report.failures] == [
        f"{bad}: needed more than 256 MB of memory and was skipped; "
        "raise it with --max-memory-mb if you trust this file"
    ]


def test_findings_are_the_same_with_and_without_workers() -> None:
    persona = Path(__file__).resolve().parents[1] / "fixtures" / "persona"
    paths = sorted(p for p in persona.iterdir() if p.suffix in {".pdf", ".docx", ".zip", ".md", ".json"})
    settings = Settings(RULES)
    report = audit(paths, settings, jobs=2)
    assert len(report.documents) == len(paths) >= 3
    assert report.documents == tuple(audit_path(path, False, settings) for path in paths)


def memory_or_abort(path: Path, megabytes: int) -> set[str]:
    """The two lines a document past the memory ceiling may give: Python's MemoryError, or native abort."""
    return {
        f"discreet: {path}: needed more than {megabytes} MB of memory and was skipped; "
        "raise it with --max-memory-mb if you trust this file",
        f"discreet: {path}: stopped its reader (SIGABRT), most likely past the {megabytes} MB memory limit, "
        "and was skipped; raise it with --max-memory-mb if you trust this file",
    }


HOSTILE: dict[str, tuple[Callable[[Path], Path], list[str], Callable[[Path], set[str]]]] = {
    # 1.2 MB on disk, 100 MB of content stream: PDFium alone would take GBs and minutes.
    "flate-bomb.pdf": (
        lambda p: flate_bomb_pdf(p, 100),
        ["--max-memory-mb", "200"],
        lambda p: memory_or_abort(p, 200),
    ),
    # word/document.xml declares 1 KB and inflates to 300 MB.
    "lying.docx": (
        lambda p: lying_docx(p, 300),
        ["--max-memory-mb", "200"],
        # Refused before python-docx inflates anything: every member is checked in bounded steps first.
        lambda p: {
            f"discreet: {p}: holds more in word/document.xml than its ZIP directory declares, or a damaged "
            "part (Bad CRC-32 for file 'word/document.xml'); open it in Word and save it again"
        },
    ),
    "long-field.zip": (
        lambda p: long_field_export(p, 10),
        [],
        lambda p: {
            f"discreet: {p}/Profile.csv: has a field longer than 1,048,576 characters, far past any LinkedIn "
            "profile field; check that this is LinkedIn's export, or remove that file from it"
        },
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_input_ends_in_one_line_within_its_limits(name: str, tmp_path: Path) -> None:
    make, options, lines = HOSTILE[name]
    hostile = make(tmp_path / name)
    good = good_files(tmp_path / "good", 1)[0]
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", PARENT_PEAK, "audit", str(hostile), str(good), "--format", "json", *options],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert time.monotonic() - started < 60
    *errors, peak_kb = done.stderr.splitlines()
    assert done.returncode == 2
    assert len(errors) == 1
    assert errors[0] in lines(hostile)
    assert reported(done.stdout) == ["good-00.txt"]
    assert int(peak_kb) < 250 * 1024  # the parent never holds the document


def test_a_member_that_outgrows_its_declared_size_is_refused_in_small_steps(tmp_path: Path) -> None:
    path = lying_docx(tmp_path / "lying.docx", 64)
    with zipfile.ZipFile(path) as archive:
        tracemalloc.start()
        with pytest.raises(zipfile.BadZipFile, match="Bad CRC-32"):
            read_member(archive, archive.getinfo("word/document.xml"))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < 4 * MB  # zipfile's own read() would inflate all 64 MB at once


def test_a_link_loop_ends_and_each_file_is_read_once(tmp_path: Path) -> None:
    good_files(tmp_path / "a", 1)
    good_files(tmp_path / "a" / "b", 1)
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "b" / "up").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "b" / "again.txt").symlink_to(tmp_path / "a" / "good-00.txt")
    report = audit([tmp_path / "a"], Settings(RULES), jobs=1)
    assert report.failures == ()
    # a/good-00.txt was reached first through the link b/again.txt, so it is not read again.
    assert [d.document.path for d in report.documents] == [
        str(tmp_path / "a" / "b" / "again.txt"),
        str(tmp_path / "a" / "b" / "good-00.txt"),
    ]


def make_fifo(path: Path) -> None:
    os.mkfifo(path)


def make_socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()


@pytest.mark.parametrize(
    ("make", "kind"), [(make_fifo, "a FIFO (named pipe)"), (make_socket, "a socket")], ids=["fifo", "socket"]
)
def test_special_files_are_skipped_with_a_line_and_never_opened(
    make: Callable[[Path], None], kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good_files(tmp_path / "folder", 1)
    special = tmp_path / "folder" / "resume.pdf"
    make(special)
    named = tmp_path / "elsewhere" / "named.txt"
    named.parent.mkdir()
    make(named)
    code = main(["audit", str(tmp_path / "folder"), str(named), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 2
    assert err.splitlines() == [
        f"discreet: {path}: is {kind}, not a document, and was skipped; name a regular file"
        for path in (special, named)
    ]
    assert reported(out) == ["good-00.txt"]


def test_a_fifo_in_an_export_folder_is_noted_not_opened(tmp_path: Path) -> None:
    export = tmp_path / "export"
    export.mkdir()
    (export / "Profile.csv").write_text(
        "First Name,Last Name,Headline\nDana,Whitfield,Sales\n", encoding="utf-8"
    )
    (export / "Positions.csv").write_text("Company Name,Title\nNorthwind,Sales Manager\n", encoding="utf-8")
    os.mkfifo(export / "Messages.csv")
    os.mkfifo(export / "pipe")
    report = audit([export], Settings(RULES, time_limit=20), jobs=1)
    assert report.failures == ()
    assert report.documents[0].document.notes == (
        "Messages.csv: account data, not shown on the profile — skipped",
        "pipe: not a LinkedIn profile file — skipped",
    )


def test_a_fifo_named_as_a_profile_file_fails_its_export_without_blocking(tmp_path: Path) -> None:
    export = tmp_path / "export"
    export.mkdir()
    (export / "Positions.csv").write_text("Company Name,Title\nNorthwind,Sales Manager\n", encoding="utf-8")
    (export / "Connections.csv").write_text("First Name\nAda\n", encoding="utf-8")
    os.mkfifo(export / "Profile.csv")
    report = audit([export], Settings(RULES, time_limit=20), jobs=1)
    assert report.documents == ()
    assert [f.message for f in report.failures] == [
        f"{export}: Profile.csv is a FIFO, socket or device, not a regular file; "
        "copy the export's files into a plain folder"
    ]


def test_a_pathological_document_among_twenty_is_skipped_and_twenty_are_reported(tmp_path: Path) -> None:
    good = good_files(tmp_path / "batch", 20)
    bomb = flate_bomb_pdf(tmp_path / "batch" / "good-10-bomb.pdf", 100)
    started = time.monotonic()
    report = audit([tmp_path / "batch"], Settings(RULES, time_limit=30, memory_limit=200 * MB), jobs=2)
    assert time.monotonic() - started < 60
    assert [d.document.path for d in report.documents] == [str(p) for p in good]
    assert len(report.failures) == 1
    assert f"discreet: {report.failures[0].message}" in memory_or_abort(bomb, 200)


@given(st.text(st.sampled_from(["a", ",", '"', "\n", "\r", "\t", " ", "é"]), max_size=30))
def test_well_formed_csv_splits_as_the_csv_module_does(text: str) -> None:
    for delimiter in (",", "\t"):
        rows = linkedincsv.split_rows(text, delimiter)
        if rows is not None:
            assert rows == [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def test_a_long_field_is_read_without_raising_the_process_wide_csv_limit() -> None:
    limit = csv.field_size_limit()
    summary = "word " * 60_000
    table = linkedincsv.read_table(f'First Name,Summary\nDana,"{summary}"\n'.encode(), "Profile.csv")
    assert table.rows == (("Dana", summary),)
    assert csv.field_size_limit() == limit


def test_the_parent_gets_its_objects_back_for_collection_after_a_batch(tmp_path: Path) -> None:
    audit(good_files(tmp_path, 2), Settings(RULES), jobs=2)
    assert gc.get_freeze_count() == 0


ORPHAN_SCRIPT = """
import signal, sys, time
from pathlib import Path
from discreet import read
from discreet.audit import Settings, audit
from discreet.model import Format
real = read.PARSERS[Format.TEXT]
def stuck(path, limits):
    if path.name == "bad.txt":
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM, signal.SIGTERM})
        time.sleep(120)
    return real(path, limits)
read.PARSERS[Format.TEXT] = stuck
audit([Path(p) for p in sys.argv[1:]], Settings(()), jobs=2)
"""


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in {"Z", "X"}
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_workers_die_with_a_killed_parent_busy_or_idle(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(GOOD, encoding="utf-8")
    good = good_files(tmp_path / "good", 1)[0]
    parent = subprocess.Popen([sys.executable, "-c", ORPHAN_SCRIPT, str(bad), str(good)])
    try:
        deadline = time.monotonic() + 60
        while len(workers := children(parent.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(workers) == 2
        time.sleep(1)  # the good document is done: one worker idle, one stuck with signals blocked
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 20
    while any(map(running, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in workers if running(pid)] == []
