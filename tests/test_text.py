"""The text parser decodes every common encoding and keeps offsets into the decoded text."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from discreet.errors import NoTextError, TooLargeError
from discreet.model import Format, Limits, Section
from discreet.parsers.text import TextLocation, decode, parse

SAMPLE = "Jane Roe\nEXPERIENCE\nGrew sales 37% — café\n"


@pytest.mark.parametrize(
    "raw",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("utf-16-le"),
        SAMPLE.replace("\n", "\r\n").encode("utf-8"),
        SAMPLE.replace("\n", "\r").encode("utf-8"),
        SAMPLE.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-nobom", "crlf", "cr", "cp1252"],
)
def test_every_encoding_gives_the_same_text(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "resume.txt"
    path.write_bytes(raw)
    document = parse(path, Limits())
    assert document.text == SAMPLE
    assert [(s.text, s.location, s.section) for s in document.segments] == [
        ("Jane Roe", TextLocation(1), Section.CONTACT),
        ("EXPERIENCE", TextLocation(2), Section.EXPERIENCE),
        ("Grew sales 37% — café", TextLocation(3), Section.EXPERIENCE),
    ]


def test_segments_point_into_the_text_past_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "cv.md"
    path.write_text("# Dana\n\n\n## Skills\n- Python\n", encoding="utf-8")
    document = parse(path, Limits())
    assert document.format is Format.MARKDOWN
    assert [(s.start, s.text) for s in document.segments] == [
        (0, "# Dana"),
        (9, "## Skills"),
        (19, "- Python"),
    ]
    assert all(document.text[s.start : s.end] == s.text for s in document.segments)
    assert document.segment_at(20).text == "- Python"


def test_undefined_cp1252_bytes_fall_back_to_latin1() -> None:
    assert decode(b"caf\xe9 \x81") == "café \x81"


def test_blank_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\n", encoding="utf-8")
    with pytest.raises(NoTextError, match=r"blank\.txt: holds no text"):
        parse(path, Limits())


def test_oversized_file_names_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 2048, encoding="utf-8")
    with pytest.raises(TooLargeError, match="--max-file-mb"):
        parse(path, Limits(max_file_bytes=1024))


def test_eval_documents_keep_their_exact_text(shared: Path) -> None:
    for path in sorted((shared / "eval" / "dev" / "docs").glob("*.txt")):
        assert parse(path, Limits()).text == path.read_text(encoding="utf-8"), path.name
