"""Reading a profile draft discreet fix wrote: its segments and locations, how it is told, its errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, REPO, run
from discreet.errors import CorruptFileError, InputError, NoTextError, UnsupportedFormatError
from discreet.model import DocumentKind, Format, Limits, Section
from discreet.parsers import draft, linkedin
from discreet.parsers.text import kind_of
from discreet.read import Piped, read, sniff
from discreet.writers.profile import _CONTACT, _PDF_FIELDS, EXPORT_FIELDS

GOLDEN = REPO / "tests" / "golden" / "profile-draft"


def block(field: str, heading: str, text: str, **more: Any) -> dict[str, Any]:
    return {
        "field": field,
        "source": "",
        "heading": heading,
        "text": text,
        "changed": False,
        "note": "",
    } | more


def marked(*blocks: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": "discreet-profile-draft",
        "version": 1,
        "source": "export.zip",
        "destination": "public",
        "blocks": list(blocks),
    }


def pointer(value: str) -> dict[str, str]:
    """A location as the JSON report gives it: the pointer to the value to edit, as for a JSON Resume."""
    return {"type": "json", "pointer": value}


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


HANDMADE = marked(
    block("Headline", "", "Sales Lead at Corvane"),
    block("Experience", "Sales Lead · Corvane · 2021 – present", "Grew revenue.\r\nCoached a team."),
    block("Education", "Lakeshore State University", ""),
    block("Recommendation received", "Marcus Okafor · VP of Sales", "  Dana is prepared.  "),
    block("Positions: Location", "", "Chicago"),
)


def test_each_blocks_heading_and_text_is_a_segment_named_by_its_number_and_field(tmp_path: Path) -> None:
    document = read(write(tmp_path / "draft.json", HANDMADE), Limits())
    assert (document.kind, document.format) == (DocumentKind.PROFILE, Format.PROFILE_DRAFT)
    found = [(s.text, s.location.describe(), s.location.to_dict(), s.section) for s in document.segments]
    assert found == [
        ("Sales Lead at Corvane", "block 1, Headline", pointer("/blocks/0/text"), Section.SUMMARY),
        (
            "Sales Lead · Corvane · 2021 – present",
            "block 2, Experience heading",
            pointer("/blocks/1/heading"),
            Section.EXPERIENCE,
        ),
        (
            "Grew revenue.\nCoached a team.",
            "block 2, Experience",
            pointer("/blocks/1/text"),
            Section.EXPERIENCE,
        ),
        (
            "Lakeshore State University",
            "block 3, Education heading",
            pointer("/blocks/2/heading"),
            Section.EDUCATION,
        ),
        (
            "Marcus Okafor · VP of Sales",
            "block 4, Recommendation received heading",
            pointer("/blocks/3/heading"),
            Section.OTHER,
        ),
        ("Dana is prepared.", "block 4, Recommendation received", pointer("/blocks/3/text"), Section.OTHER),
        ("Chicago", "block 5, Positions: Location", pointer("/blocks/4/text"), Section.OTHER),
    ]
    assert document.text.startswith(
        "Sales Lead at Corvane\nSales Lead · Corvane · 2021 – present\nGrew revenue.\n"
    )


def test_every_field_the_writer_names_has_the_section_its_source_gives_it() -> None:
    written = {spec.field for spec in EXPORT_FIELDS} | set(_PDF_FIELDS.values()) | {_CONTACT}
    assert set(draft.FIELD_SECTIONS) == written
    for spec in EXPORT_FIELDS:
        column = linkedin._BY_KEY[spec.files[0].casefold()].columns[spec.body[0].casefold()]
        assert column is not None
        assert draft.FIELD_SECTIONS[spec.field] is column.section, spec.field
    for section, field in _PDF_FIELDS.items():
        assert draft.FIELD_SECTIONS[field] is section, field
    assert draft.FIELD_SECTIONS[_CONTACT] is Section.CONTACT


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("draft.json", HANDMADE, Format.PROFILE_DRAFT),
        # Whatever it is called: the content tells it.
        ("draft", HANDMADE, Format.PROFILE_DRAFT),
        ("draft.txt", HANDMADE, Format.PROFILE_DRAFT),
        # Drafts written before the mark: exactly their four keys.
        ("old.json", {k: v for k, v in HANDMADE.items() if k != "format"}, Format.PROFILE_DRAFT),
        # Another program's blocks (Editor.js saves time, blocks and version) are not a draft.
        ("notes.json", {"time": 1, "blocks": [], "version": "2.28"}, Format.JSON_RESUME),
        ("notes", {"time": 1, "blocks": [], "version": "2.28"}, Format.TEXT),
        ("resume.json", {"basics": {"name": "Dana"}}, Format.JSON_RESUME),
    ],
)
def test_a_draft_is_told_by_its_mark_or_its_unmarked_keys(
    tmp_path: Path, name: str, data: object, expected: Format
) -> None:
    assert sniff(write(tmp_path / name, data), Limits()) is expected


def test_a_draft_written_before_the_mark_reads_as_a_marked_one(tmp_path: Path) -> None:
    golden = json.loads((GOLDEN / "persona.json").read_text(encoding="utf-8"))
    unmarked = {key: value for key, value in golden.items() if key != "format"}
    old = read(write(tmp_path / "old.json", unmarked), Limits())
    new = read(write(tmp_path / "new.json", golden), Limits())
    assert old.segments == new.segments
    assert (old.kind, old.format) == (DocumentKind.PROFILE, Format.PROFILE_DRAFT)


def test_a_piped_draft_reads_as_its_file_does(tmp_path: Path) -> None:
    path = write(tmp_path / "draft.json", HANDMADE)
    piped = read(Piped("<stdin>", path.read_bytes()), Limits())
    assert (piped.format, piped.segments) == (Format.PROFILE_DRAFT, read(path, Limits()).segments)


_REWRITE = "fix it there, or write the draft again with discreet fix"


def damaged(problem: str) -> str:
    return f"is a profile draft, but {problem}; {_REWRITE}"


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (marked() | {"version": "1"}, CorruptFileError, damaged("/version is '1', not 1")),
        (marked() | {"version": None}, CorruptFileError, damaged("/version is missing")),
        (marked() | {"version": True}, CorruptFileError, damaged("/version is True, not 1")),
        (
            {"format": "discreet-profile-draft", "version": 1},
            CorruptFileError,
            damaged("/blocks is missing"),
        ),
        (marked() | {"blocks": {"0": {}}}, CorruptFileError, damaged("/blocks is not a list of blocks")),
        (marked("About"), CorruptFileError, damaged("/blocks/0 is not an object with a field and a text")),
        (marked({"field": "About"}), CorruptFileError, damaged("/blocks/0/text is missing")),
        (marked(block("About", "", 3)), CorruptFileError, damaged("/blocks/0/text is not text")),
        (marked(block("About", ["x"], "Hi")), CorruptFileError, damaged("/blocks/0/heading is not text")),
        (marked({"text": "Hi"}), CorruptFileError, damaged("/blocks/0/field is missing")),
        (
            marked(block("About", "", "Hi", changed="yes")),
            CorruptFileError,
            damaged("/blocks/0/changed is not true or false"),
        ),
        (
            marked() | {"version": 2},
            UnsupportedFormatError,
            "is a profile draft of version 2, newer than this discreet reads (1); upgrade discreet",
        ),
        (
            marked(block("About", " ", "")),
            NoTextError,
            "is a profile draft whose blocks hold no text; write it again with discreet fix",
        ),
    ],
)
def test_a_damaged_draft_says_where_and_what_to_do(
    tmp_path: Path, data: object, error: type[InputError], message: str
) -> None:
    path = write(tmp_path / "draft.json", data)
    with pytest.raises(error) as caught:
        read(path, Limits())
    assert str(caught.value) == f"{path}: {message}"


def test_a_damaged_draft_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "draft.json", marked(block("About", "", 3)))
    code, out, err = run(["audit", str(path)], capsys)
    assert (code, out) == (2, "")
    assert err == f"discreet: {path}: is a profile draft, but /blocks/0/text is not text; {_REWRITE}\n"


def test_json_that_is_neither_says_what_both_would_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "draft.json", {"version": 1, "blocks": []})
    code, _, err = run(["audit", str(path)], capsys)
    assert code == 2
    assert err == (
        f"discreet: {path}: is JSON but neither a JSON Resume nor a profile draft discreet wrote: "
        "expected an object with sections such as basics, work, education and skills, or a draft's format, "
        "version and blocks, found version, blocks; give a resume.json that follows jsonresume.org, or a "
        "draft written by discreet fix\n"
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ((GOLDEN / "persona.md").read_text(encoding="utf-8"), DocumentKind.PROFILE),
        (
            "\n# LinkedIn profile draft\n\nFrom a.zip, for a resume profile. LinkedIn imports no file: "
            "paste each block into the field its heading names.\n",
            DocumentKind.PROFILE,
        ),
        # The title alone, or the sentence further down, is a resume that talks about drafts.
        ("# LinkedIn profile draft\n\nDana Whitfield, sales.\n", DocumentKind.RESUME),
        (
            "# Dana Whitfield\n\nLinkedIn imports no file: paste each block into the field its heading "
            "names.\n",
            DocumentKind.RESUME,
        ),
        ((FIXTURES / "persona" / "resume.md").read_text(encoding="utf-8"), DocumentKind.RESUME),
    ],
)
def test_a_markdown_draft_is_a_profile_by_its_opening(text: str, kind: DocumentKind) -> None:
    assert kind_of(text) is kind


def test_a_markdown_draft_reads_as_a_profile_from_a_file_or_a_pipe() -> None:
    path = GOLDEN / "persona.md"
    named = read(path, Limits())
    piped = read(Piped("<stdin>", path.read_bytes()), Limits())
    assert (named.kind, named.format) == (DocumentKind.PROFILE, Format.MARKDOWN)
    assert (piped.kind, piped.format) == (DocumentKind.PROFILE, Format.TEXT)
