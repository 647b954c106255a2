"""Formats are told apart by content, and every unreadable input gets one clear line and exit 2."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import FIXTURES, write
from discreet.cli import main
from discreet.errors import InputError
from discreet.model import Format, Limits
from discreet.read import DOCUMENT_SUFFIXES, FROM_MEMORY, PARSERS, REGISTRY, expand, read, read_once, sniff

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")


def odt(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return path


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("empty.txt", lambda p: write(p, b""), "is empty; check that it is the right file"),
        (
            "photo.png",
            lambda p: write(p, PNG),
            "is an image; text in images cannot be read (OCR is not supported)",
        ),
        ("photo.pdf", lambda p: write(p, PNG), "is an image"),
        (
            "old.doc",
            lambda p: write(p, bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)),
            "legacy Word 97-2003",
        ),
        ("letter.rtf", lambda p: write(p, b"{\\rtf1 hello}"), "is an RTF file, which is not supported"),
        ("notes.odt", odt, "is an OpenDocument file, which is not supported"),
        ("fake.pdf", lambda p: write(p, b"hello, not a pdf"), "does not look like a PDF"),
        ("fake.docx", lambda p: write(p, b"hello, not a docx"), "is not a valid Word document"),
        ("cut.zip", lambda p: write(p, b"PK\x03\x04" + bytes(40)), "is a damaged or truncated ZIP/DOCX file"),
        ("blob.bin", lambda p: write(p, bytes(range(256)) * 4), "is not a supported document type"),
    ],
)
def test_unreadable_inputs_name_the_file_and_the_remedy(
    tmp_path: Path, name: str, make: object, message: str
) -> None:
    path = tmp_path / name
    make(path)  # type: ignore[operator]
    with pytest.raises(InputError) as caught:
        sniff(path, Limits())
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_formats_are_told_by_content(tmp_path: Path) -> None:
    assert sniff(write(tmp_path / "resume", b"%PDF-1.7\n"), Limits()) is Format.PDF
    assert sniff(write(tmp_path / "notes.md", b"# Dana"), Limits()) is Format.MARKDOWN
    assert sniff(write(tmp_path / "resume.dat", b"Dana Whitfield"), Limits()) is Format.TEXT
    assert sniff(write(tmp_path / "r.json", b'{"basics": {"name": "Dana"}}'), Limits()) is Format.JSON_RESUME


def test_missing_file_and_folder_messages(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.pdf: does not exist; check the path"):
        sniff(tmp_path / "nope.pdf", Limits())
    with pytest.raises(InputError, match="is a folder, not a document"):
        sniff(tmp_path, Limits())


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", b"x" * 3000)
    with pytest.raises(InputError, match="over the 0 MB limit; raise it with --max-file-mb"):
        sniff(path, Limits(max_file_bytes=2048))


def test_folder_expands_to_documents_in_name_order(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", b"x")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "a.pdf", b"%PDF-")
    write(tmp_path / ".hidden.txt", b"x")
    write(tmp_path / "script.py", b"x")
    assert list(expand([tmp_path], Limits())) == [tmp_path / "b.txt", tmp_path / "sub" / "a.pdf"]


def test_batch_reports_bad_files_and_audits_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "a.txt", b"Call (555) 555-0147")
    write(tmp_path / "b.doc", bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504))
    write(tmp_path / "c.txt", b"")
    code = main(["audit", str(tmp_path), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 2
    assert '"path": "' + str(tmp_path / "a.txt") in out
    assert err.splitlines() == [
        f"discreet: {tmp_path / 'b.doc'}: is a legacy Word 97-2003 (.doc) file, which is not supported; "
        "save it as PDF or DOCX (in LibreOffice: libreoffice --headless --convert-to docx FILE)",
        f"discreet: {tmp_path / 'c.txt'}: is empty; check that it is the right file",
    ]


BAD_FIXTURES = sorted((FIXTURES / "bad").glob("*")) if (FIXTURES / "bad").is_dir() else []


@pytest.mark.parametrize("path", BAD_FIXTURES, ids=lambda p: p.name)
def test_bad_fixture_gets_one_line_and_exit_two(path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "discreet", "audit", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith(f"discreet: {path}: ")


def test_only_a_zip_signature_makes_a_zip(tmp_path: Path) -> None:
    assert sniff(write(tmp_path / "pk.txt", "PK Sharma — Sales Manager".encode()), Limits()) is Format.TEXT
    assert sniff(write(tmp_path / "pki.md", b"PKI engineer"), Limits()) is Format.MARKDOWN
    cut = write(tmp_path / "cut", b"PK\x03\x04 but no central directory")
    with pytest.raises(InputError) as caught:
        sniff(cut, Limits())
    assert str(caught.value) == f"{cut}: is a damaged or truncated ZIP/DOCX file; download or save it again"


def test_every_format_is_read_by_exactly_one_registered_parser() -> None:
    registered = [fmt for parser in REGISTRY for fmt in parser.formats]
    assert sorted(registered) == sorted(Format)
    assert {fmt: parser.parse for parser in REGISTRY for fmt in parser.formats} == PARSERS


def test_only_a_linkedin_export_cannot_be_read_from_memory() -> None:
    assert set(Format) - set(FROM_MEMORY) == {Format.LINKEDIN_EXPORT}


def test_a_folder_is_searched_for_every_suffix_a_parser_reads_and_the_refused_ones() -> None:
    assert {
        ".pdf", ".docx", ".zip", ".json", ".txt", ".text", ".md", ".markdown", ".tex",
        ".doc", ".odt", ".pages", ".rtf", ".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".heic", ".webp",
    } == DOCUMENT_SUFFIXES  # fmt: skip


def test_a_named_suffix_without_its_signature_is_called_damaged_by_its_parser(tmp_path: Path) -> None:
    for parser in REGISTRY:
        if parser.misnamed is None:
            continue
        suffix, problem, remedy = parser.misnamed
        path = write(tmp_path / f"plain{suffix}", b"plain words, no signature")
        with pytest.raises(InputError) as caught:
            sniff(path, Limits())
        assert str(caught.value) == f"{path}: {problem}; {remedy}"
    assert [p.misnamed[0] for p in REGISTRY if p.misnamed] == [".pdf", ".docx", ".zip"]


@pytest.mark.parametrize(
    "name", ["resume.txt", "resume.md", "resume.json", "resume.docx", "resume.pdf", "linkedin-export.zip"]
)
def test_read_once_parses_the_bytes_it_returns_as_read_parses_the_file(name: str) -> None:
    path = FIXTURES / "persona" / name
    document, data = read_once(path, Limits())
    assert data == path.read_bytes()
    assert document == read(path, Limits())


def test_read_once_gives_a_folder_no_bytes() -> None:
    path = FIXTURES / "persona" / "linkedin-export"
    assert read_once(path, Limits()) == (read(path, Limits()), b"")


def test_a_file_that_changes_while_read_once_reads_it_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "cv.txt", "Dana Whitfield\nSales Manager\n")
    monkeypatch.setattr(Path, "read_bytes", lambda self: b"Dana Whitfield\n")
    with pytest.raises(InputError) as raised:
        read_once(path, Limits())
    assert str(raised.value) == f"{path}: changed while it was read; wait until it is saved, then try again"
