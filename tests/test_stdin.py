"""`discreet audit -` reads one document from stdin, in memory, and audits it as the same file would be."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES
from discreet.model import Format, Limits
from discreet.read import Piped, read

PERSONA = FIXTURES / "persona"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")


def discreet(*args: str, stdin: bytes, cwd: Path | None = None, tmp: Path | None = None) -> Any:
    env = {**os.environ, "NO_COLOR": "1"} | ({"TMPDIR": str(tmp)} if tmp else {})
    return subprocess.run(
        [sys.executable, "-m", "discreet", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        check=False,
    )


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("resume.txt", Format.TEXT),
        ("resume.json", Format.JSON_RESUME),
        ("resume.docx", Format.DOCX),
        ("resume.pdf", Format.PDF),
    ],
)
def test_a_piped_document_reads_as_its_file_does(name: str, fmt: Format) -> None:
    path = PERSONA / name
    piped = read(Piped("<stdin>", path.read_bytes()), Limits())
    assert piped.path == "<stdin>"
    assert piped.format is fmt
    assert replace(piped, path=str(path)) == read(path, Limits())


def test_a_piped_markdown_file_reads_as_text_for_it_has_no_name() -> None:
    piped = read(Piped("<stdin>", (PERSONA / "resume.md").read_bytes()), Limits())
    assert piped.format is Format.TEXT
    assert piped.text == read(PERSONA / "resume.md", Limits()).text


def test_piped_bytes_never_appear_in_its_repr() -> None:
    assert repr(Piped("<stdin>", b"Dana Whitfield, SSN 123-45-6789")) == "Piped(name='<stdin>')"


@pytest.mark.parametrize("name", ["resume.txt", "resume.json", "resume.docx"])
def test_audit_dash_reports_the_findings_of_the_file_as_stdin(name: str, tmp_path: Path) -> None:
    piped = discreet("audit", "-", "--format", "json", stdin=(PERSONA / name).read_bytes(), tmp=tmp_path)
    named = discreet("audit", name, "--format", "json", stdin=b"", cwd=PERSONA)
    assert (piped.returncode, named.returncode) == (1, 1)
    assert piped.stderr == b""
    [document] = json.loads(piped.stdout)["documents"]
    [expected] = json.loads(named.stdout)["documents"]
    assert document["path"] == "<stdin>"
    assert {**document, "path": name} == expected
    # Nothing was written anywhere: the document went from the pipe to the parser in memory.
    assert list(tmp_path.iterdir()) == []


def test_stdin_is_audited_beside_the_files_of_a_batch() -> None:
    result = discreet("audit", "-", "resume.txt", "--quiet", stdin=b"Grew revenue to $4.2M.\n", cwd=PERSONA)
    assert result.returncode == 1
    assert result.stdout.decode().splitlines()[2:] == [
        "  <stdin>: 1 finding (1 resume only); 0/1 lines public-safe",
        "  resume.txt: 19 findings (6 never public, 13 resume only); 32/48 lines public-safe",
    ]


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["-"], b"", "<stdin>: is empty; pipe a document in: discreet audit - < resume.pdf"),
        (["-", "-"], b"Dana", "`-` is given more than once; stdin holds one document"),
        (
            ["-"],
            (PERSONA / "linkedin-export.zip").read_bytes(),
            "<stdin>: is a LinkedIn data export, which cannot be read from stdin; "
            "name its ZIP file or folder",
        ),
        (
            ["-"],
            PNG,
            "<stdin>: is an image; text in images cannot be read (OCR is not supported); "
            "export the resume as a text PDF or DOCX",
        ),
        (
            ["-", "--max-file-mb", "1"],
            b"a" * (2**20 + 1),
            "<stdin>: is over the 1 MB limit; raise it with --max-file-mb",
        ),
        (
            ["-"],
            b"{\\rtf1 Dana Whitfield}",
            "<stdin>: is an RTF file, which is not supported; save it as PDF or DOCX "
            "(in LibreOffice: libreoffice --headless --convert-to docx FILE)",
        ),
    ],
)
def test_bad_stdin_is_one_line_and_exit_2(args: list[str], stdin: bytes, message: str) -> None:
    result = discreet("audit", *args, stdin=stdin)
    assert result.returncode == 2
    assert result.stderr.decode() == f"discreet: {message}\n"
    assert result.stdout == b""


def test_dash_with_a_terminal_for_stdin_asks_for_a_pipe() -> None:
    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "discreet", "audit", "-"], stdin=follower, capture_output=True, check=False
        )
    finally:
        os.close(leader)
        os.close(follower)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "discreet: `-` reads a document from stdin, but none is piped in: discreet audit - < resume.pdf\n"
    )
