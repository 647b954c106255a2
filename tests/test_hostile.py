"""Hostile inputs cost one line on stderr and exit 2, never a traceback, and never the rest of the batch."""

from __future__ import annotations

import io
import json
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from conftest import run

CRASHES = Path("reliability/crashes")
RESAVE = "re-save it from Word (File > Save As > Word Document) and try again"
DAMAGED_DOCX = f"is damaged or is not a Word document; {RESAVE}"
GOOD = "Dana Whitfield\ndana@example.com\n"


def audited(out: str) -> list[tuple[str, list[tuple[str, str]], list[str]]]:
    """Each reported document of a JSON report: its path, its (rule, text) findings and its notes."""
    return [
        (d["path"], [(f["rule"], f["text"]) for f in d["findings"]], d["notes"])
        for d in json.loads(out)["documents"]
    ]


def good_resume(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def word_file(tmp_path: Path, **members: bytes) -> Path:
    """A real .docx holding Dana's two lines, with the named members replaced by the given bytes."""
    word = docx.Document()
    word.core_properties.author = ""
    word.core_properties.comments = ""
    for line in GOOD.splitlines():
        word.add_paragraph(line)
    buffer = io.BytesIO()
    word.save(buffer)
    path = tmp_path / "resume.docx"
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, members.get(info.filename, source.read(info)))
    return path


MALFORMED = b"<?xml version='1.0'?><root><unclosed></root>"
NO_TARGET = (
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/styles"/></Relationships>'
)
NO_NAMESPACE = b"<Relationships/>"


@pytest.mark.parametrize(
    ("member", "data", "note"),
    [
        ("word/styles.xml", MALFORMED, "word/styles.xml"),
        ("docProps/core.xml", MALFORMED, "docProps/core.xml"),
        ("docProps/app.xml", MALFORMED, "docProps/app.xml"),
    ],
)
def test_a_malformed_optional_part_is_skipped_with_a_note_and_the_body_audited(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], member: str, data: bytes, note: str
) -> None:
    path = word_file(tmp_path, **{member: data})
    code, out, err = run(["audit", str(path), "--format", "json"], capsys)
    assert (code, err) == (1, "")
    assert audited(out) == [
        (
            str(path),
            [("personal.email", "dana@example.com")],
            [f"{note} is damaged and was not read; {RESAVE}"],
        )
    ]


@pytest.mark.parametrize(
    ("member", "data"),
    [
        ("word/document.xml", MALFORMED),
        ("word/_rels/document.xml.rels", NO_TARGET),
        ("word/_rels/document.xml.rels", NO_NAMESPACE),
        ("_rels/.rels", NO_NAMESPACE),
    ],
)
def test_a_docx_whose_body_cannot_be_read_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], member: str, data: bytes
) -> None:
    path = word_file(tmp_path, **{member: data})
    assert run(["audit", str(path)], capsys) == (2, "", f"discreet: {path}: {DAMAGED_DOCX}\n")


def deep_json() -> str:
    return "[" * 100_000 + "]" * 100_000 + "\n"


def big_number_json() -> str:
    return '{"basics": {"name": ' + "9" * 5000 + "}}\n"


def deep_resume_json() -> str:
    return '{"basics": ' + "[" * 100_000 + "]" * 100_000 + "}\n"


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (deep_json, "nests JSON too deeply to be a resume"),
        (deep_resume_json, "nests JSON too deeply to be a resume"),
        (big_number_json, "holds a number 5000 digits long, too long to be resume data"),
    ],
)
def test_json_past_the_parser_limits_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Callable[[], str], problem: str
) -> None:
    path = tmp_path / "resume.json"
    path.write_text(make(), encoding="utf-8")
    expected = f"discreet: {path}: {problem}; check that it is the right file\n"
    assert run(["audit", str(path)], capsys) == (2, "", expected)


@pytest.mark.parametrize("make", [deep_json, deep_resume_json, big_number_json])
def test_a_txt_holding_json_past_the_limits_is_read_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Callable[[], str]
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(make(), encoding="utf-8")
    code, out, err = run(["audit", str(path), "--format", "json"], capsys)
    assert (code, err) == (0, "")
    assert audited(out) == [(str(path), [], [])]


@pytest.mark.parametrize(
    "line",
    [
        "PK Sharma, Sales Manager: dana@example.com",
        "PKI engineer, dana@example.com",
        "PK\u00a0dana@example.com",
    ],
)
def test_text_that_starts_with_pk_is_read_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(line + "\n", encoding="utf-8")
    code, out, err = run(["audit", str(path), "--format", "json"], capsys)
    assert (code, err) == (1, "")
    assert audited(out) == [(str(path), [("personal.email", "dana@example.com")], [])]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "cut.txt",
            b"PK\x03\x04" + bytes(40),
            "is a damaged or truncated ZIP/DOCX file; download or save it again",
        ),
        (
            "empty.zip",
            b"PK\x05\x06" + bytes(18),
            "is a ZIP archive that holds neither a Word document nor a LinkedIn export; discreet reads "
            "PDF, DOCX, TXT, Markdown, a LinkedIn data export (ZIP or folder) or JSON Resume",
        ),
        ("notes.zip", b"PK Sharma\n", "is not a ZIP archive (no ZIP header); download or save it again"),
    ],
)
def test_only_a_real_zip_signature_makes_a_zip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert run(["audit", str(path)], capsys) == (2, "", f"discreet: {path}: {message}\n")


def test_a_crasher_beside_a_good_file_costs_one_line_and_the_good_file_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(big_number_json(), encoding="utf-8")
    broken = word_file(tmp_path, **{"word/document.xml": MALFORMED})
    good = good_resume(tmp_path)
    code, out, err = run(["audit", str(bad), str(broken), str(good), "--format", "json"], capsys)
    assert code == 2
    assert err == (
        f"discreet: {bad}: holds a number 5000 digits long, too long to be resume data; "
        "check that it is the right file\n"
        f"discreet: {broken}: {DAMAGED_DOCX}\n"
    )
    assert audited(out) == [(str(good), [("personal.email", "dana@example.com")], [])]


# The reproducers found by the fuzzer, read where they are kept.


@pytest.mark.parametrize("name", ["docx-61c2abc294.min.docx", "docx-e0665dc65b.min.docx"])
def test_shared_docx_crashers_with_no_readable_body_are_one_line(
    shared: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    path = shared / CRASHES / name
    assert run(["audit", str(path)], capsys) == (2, "", f"discreet: {path}: {DAMAGED_DOCX}\n")


@pytest.mark.parametrize(
    ("name", "notes"),
    [
        ("docx-2df7f184d6.docx", []),
        ("docx-2df7f184d6.min.docx", []),
        ("docx-3e55189e0c.min.docx", [f"docProps/app.xml is damaged and was not read; {RESAVE}"]),
    ],
)
def test_shared_docx_crashers_with_a_readable_body_are_audited(
    shared: Path, capsys: pytest.CaptureFixture[str], name: str, notes: list[str]
) -> None:
    path = shared / CRASHES / name
    code, out, err = run(["audit", str(path), "--format", "json"], capsys)
    assert (code, err) == (1, "")
    [(reported, findings, noted)] = audited(out)
    assert (reported, noted) == (str(path), notes)
    assert findings


def test_shared_pdf_with_absurd_geometry_is_audited_quickly(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = shared / CRASHES / "pdf-overflow-gutter.pdf"
    good = good_resume(tmp_path)
    started = time.monotonic()
    code, out, err = run(["audit", str(path), str(good), "--format", "json"], capsys)
    assert time.monotonic() - started < 15
    assert (code, err) == (1, "")
    assert [reported for reported, _, _ in audited(out)] == [str(path), str(good)]
    assert json.loads(out)["errors"] == []
