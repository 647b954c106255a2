"""A file is a ZIP, DOCX, PDF or JSON Resume only when its structure says so; anything else is text."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from conftest import FIXTURES, write
from discreet.errors import CorruptFileError, InputError, UnsupportedFormatError
from discreet.model import Format, Limits
from discreet.parsers import jsonresume
from discreet.read import read, sniff

PERSONA = FIXTURES / "persona"
RESUME = json.dumps({"basics": {"name": "Dana Whitfield", "email": "dana@example.com"}})


def lines(path: Path) -> list[str]:
    return [segment.text for segment in read(path, Limits()).segments]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("pk.txt", "PK Sharma — Sales Manager\nLondon"),
        ("pk", "PKI engineer\nLondon"),
        ("pk.md", "PK\nLondon"),
    ],
)
def test_text_that_starts_with_pk_is_text(tmp_path: Path, name: str, content: str) -> None:
    path = write(tmp_path / name, content)
    assert sniff(path, Limits()) is (Format.MARKDOWN if name.endswith(".md") else Format.TEXT)
    assert lines(path) == content.splitlines()


def test_a_zip_header_without_a_readable_central_directory_is_a_damaged_zip(tmp_path: Path) -> None:
    whole = (PERSONA / "resume.docx").read_bytes()
    cut = write(tmp_path / "resume", whole[: len(whole) - 30])
    with pytest.raises(CorruptFileError) as caught:
        sniff(cut, Limits())
    assert str(caught.value) == f"{cut}: is a damaged or truncated ZIP/DOCX file; download or save it again"


def test_a_zip_is_told_by_its_members_not_its_name(tmp_path: Path) -> None:
    docx = write(tmp_path / "resume.bin", (PERSONA / "resume.docx").read_bytes())
    export = write(tmp_path / "export.dat", (PERSONA / "linkedin-export.zip").read_bytes())
    assert sniff(docx, Limits()) is Format.DOCX
    assert sniff(export, Limits()) is Format.LINKEDIN_EXPORT
    empty = io.BytesIO()
    zipfile.ZipFile(empty, "w").close()
    hollow = write(tmp_path / "hollow.zip", empty.getvalue())
    assert empty.getvalue().startswith(b"PK\x05\x06")
    with pytest.raises(UnsupportedFormatError) as caught:
        sniff(hollow, Limits())
    assert "is a ZIP archive that holds neither a Word document nor a LinkedIn export" in str(caught.value)


def test_prose_mentioning_pdf_headers_is_text(tmp_path: Path) -> None:
    content = "Dana Whitfield\nConverted the archive to %PDF-1.7 files in 2019.\n"
    path = write(tmp_path / "notes.txt", content)
    assert sniff(path, Limits()) is Format.TEXT
    assert lines(path) == content.splitlines()
    trailer_too = write(tmp_path / "eof.txt", "Saved as %PDF-1.4 then %%EOF was missing.\n")
    assert sniff(trailer_too, Limits()) is Format.TEXT


def test_a_pdf_header_at_the_start_after_bom_or_whitespace_makes_a_pdf(tmp_path: Path) -> None:
    pdf = (PERSONA / "resume.pdf").read_bytes()
    assert sniff(write(tmp_path / "a", pdf), Limits()) is Format.PDF
    assert sniff(write(tmp_path / "b", b"\xef\xbb\xbf\r\n " + pdf), Limits()) is Format.PDF
    assert sniff(write(tmp_path / "c", b"%PDF-"), Limits()) is Format.PDF


def test_a_pdf_header_later_in_the_first_kilobyte_needs_the_pdf_trailer(tmp_path: Path) -> None:
    pdf = (PERSONA / "resume.pdf").read_bytes()
    wrapped = write(tmp_path / "wrapped", b"X-Mailer: scanner\r\n" * 40 + pdf)
    assert sniff(wrapped, Limits()) is Format.PDF
    assert lines(wrapped) == lines(PERSONA / "resume.pdf")
    no_trailer = write(tmp_path / "cut.pdf", b"From: me\n" + pdf[: len(pdf) // 2])
    with pytest.raises(CorruptFileError) as caught:
        sniff(no_trailer, Limits())
    assert str(caught.value) == (
        f"{no_trailer}: does not look like a PDF (no PDF header); re-export it from its source"
    )
    too_late = write(tmp_path / "late.txt", "Notes on formats\n" * 61 + "%PDF-1.7\n%%EOF\n")
    assert sniff(too_late, Limits()) is Format.TEXT


@pytest.mark.parametrize(
    "content",
    [
        "{Draft} Dana Whitfield\nSales Manager",
        '{"note": "call Dana"}',
        "{\n  Dana Whitfield\n}",
        "[1, 2]",
    ],
)
def test_braces_in_prose_or_json_that_is_no_resume_are_text(tmp_path: Path, content: str) -> None:
    path = write(tmp_path / "notes.txt", content)
    assert sniff(path, Limits()) is Format.TEXT
    assert lines(path) == [line for line in content.splitlines() if line.strip()]


def test_json_is_a_resume_only_when_it_has_a_resume_shape(tmp_path: Path) -> None:
    assert sniff(write(tmp_path / "resume.txt", RESUME), Limits()) is Format.JSON_RESUME
    assert sniff(write(tmp_path / "bom", b"\xef\xbb\xbf\n" + RESUME.encode()), Limits()) is Format.JSON_RESUME
    assert lines(tmp_path / "resume.txt") == ["Dana Whitfield", "dana@example.com"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"basics": ', "is not valid JSON (line 1, column 12: Expecting value); fix the JSON at that place"),
        ("Dana Whitfield", "is not valid JSON (line 1, column 1: Expecting value)"),
        ("[1, 2]", "is JSON but neither a JSON Resume nor a profile draft discreet wrote: expected"),
        ('{"name": "Dana"}', "found name; give a resume.json that follows jsonresume.org"),
    ],
)
def test_a_json_file_that_is_no_json_resume_says_why(tmp_path: Path, content: str, message: str) -> None:
    path = write(tmp_path / "resume.json", content)
    with pytest.raises(InputError) as caught:
        read(path, Limits())
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_a_json_resume_file_is_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Path] = []
    load = jsonresume.load

    def counted(path: Path, text: str) -> object:
        calls.append(path)
        return load(path, text)

    monkeypatch.setattr(jsonresume, "load", counted)
    path = write(tmp_path / "resume.json", RESUME)
    assert lines(path) == ["Dana Whitfield", "dana@example.com"]
    assert calls == [path]


def test_braces_in_a_markdown_file_that_is_no_resume_are_markdown(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.md", '{"note": "call Dana"}\n# Dana')
    assert sniff(path, Limits()) is Format.MARKDOWN
    assert read(path, Limits()).format is Format.MARKDOWN
    assert sniff(write(tmp_path / "dana.md", RESUME), Limits()) is Format.JSON_RESUME
