"""discreet fix: a public-safe or resume-safe copy of a text, Markdown or JSON resume, audited again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run
from discreet.fixplan import Edit, narrowed

RESUME = (
    "Dana Whitfield\n"
    "dana@example.com | (312) 555-0147\n"
    "\n"
    "## Experience\n"
    "- Closed a $850K deal with Northwind Logistics.\n"
    "- Led a team of 8 account executives.\n"
    "\n"
    "## References\n"
    "John Smith, VP Sales, (312) 555-0199\n"
)


@pytest.fixture
def resume(tmp_path: Path) -> Path:
    path = tmp_path / "resume.md"
    path.write_text(RESUME, encoding="utf-8")
    return path


def test_a_public_copy_rewrites_figures_and_names_and_drops_contacts(
    resume: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "public.md"
    code, out, err = run(["fix", str(resume), "--output", str(copy)], capsys)
    assert (code, err) == (0, "")
    assert out == f"{copy}: 1 rewritten, 2 left out, 0 findings kept (fine for public)\n"
    assert copy.read_text(encoding="utf-8") == (
        "Dana Whitfield\n"
        "\n"
        "## Experience\n"
        "- Closed a six-figure deal with a major logistics client.\n"
        "- Led a team of 8 account executives.\n"
        "\n"
        "## References\n"
    )
    assert resume.read_text(encoding="utf-8") == RESUME


def test_a_resume_copy_removes_only_what_must_go_everywhere(
    resume: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "resume-safe.md"
    code, out, _ = run(["fix", str(resume), "--output", str(copy), "--for", "resume"], capsys)
    assert code == 0
    assert out == f"{copy}: 0 rewritten, 1 left out, 4 findings kept (fine for resume)\n"
    assert copy.read_text(encoding="utf-8") == RESUME.replace("John Smith, VP Sales, (312) 555-0199\n", "")


def test_what_the_copy_still_shows_needs_a_decision(
    resume: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A stand-in that itself names a figure leaves the copy with a finding: exit 1, said by line.
    terms = tmp_path / "private.txt"
    terms.write_text("Northwind Logistics => our $2M account\n", encoding="utf-8")
    copy = tmp_path / "public.md"
    code, out, _ = run(["fix", str(resume), "--output", str(copy), "--private-terms", str(terms)], capsys)
    assert code == 1
    assert "our $2M account" in copy.read_text(encoding="utf-8")
    assert out.splitlines()[1:] == [
        "  still flagged at line 4 column 37: financial.money-amount; "
        "Money amount: generalize in public, keep in the resume"
    ]


def test_fix_never_writes_over_its_input(resume: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["fix", str(resume), "--output", str(resume)], capsys)
    assert code == 2
    assert err == f"discreet: {resume}: --output names an input file; discreet never overwrites its inputs\n"
    assert resume.read_text(encoding="utf-8") == RESUME


def test_tracked_changes_are_for_word_files_only(
    resume: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "public.md"
    code, out, err = run(["fix", str(resume), "--output", str(copy), "--tracked"], capsys)
    assert (code, out) == (2, "")
    assert err == (
        f"discreet: {resume}: --tracked writes Word tracked changes, and this is a markdown file; "
        "leave --tracked out\n"
    )
    assert not copy.exists()


RESUME_JSON = {
    "basics": {"name": "Dana Whitfield", "email": "dana@example.com", "summary": "Enterprise sales lead."},
    "work": [
        {
            "name": "Harbor Analytics",
            "position": "Account Executive",
            "highlights": [
                "Closed a $850K deal with Northwind Logistics.",
                "Led a team of 8 account executives.",
            ],
        }
    ],
}


def test_a_json_resume_copy_stays_a_json_resume(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "resume.json"
    source.write_text(json.dumps(RESUME_JSON, indent=2) + "\n", encoding="utf-8")
    copy = tmp_path / "public.json"
    code, out, _ = run(["fix", str(source), "--output", str(copy)], capsys)
    assert code == 0
    assert out == f"{copy}: 1 rewritten, 1 left out, 0 findings kept (fine for public)\n"
    expected = json.loads(json.dumps(RESUME_JSON))
    del expected["basics"]["email"]
    expected["work"][0]["highlights"][0] = "Closed a six-figure deal with a major logistics client."
    assert json.loads(copy.read_text(encoding="utf-8")) == expected
    assert copy.read_text(encoding="utf-8").endswith("}\n")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("Closed an $850K deal.", "Closed a six-figure deal.", (7, 15, "a six-figure")),
        ("$4.2M in revenue", "millions in revenue", (0, 5, "millions")),
        ("Dana Whitfield | dana@example.com", "Dana Whitfield", (14, 33, "")),
        # Words are kept whole: "Achieved" and "Exceeded" share their last letters, not a word.
        ("Achieved 142% of quota", "Exceeded quota", (0, 16, "Exceeded")),
        # An insertion would leave no old text to carry the format: the edit stays as it was.
        ("Led a team", "Led a team of people", (0, 10, "Led a team of people")),
        ("Phone: (312) 555-0147", "", (0, 21, "")),
    ],
)
def test_an_edit_is_narrowed_to_the_whole_words_it_changes(
    old: str, new: str, expected: tuple[int, int, str]
) -> None:
    assert narrowed(Edit(0, len(old), new), old) == Edit(*expected)


def test_an_edit_that_changes_nothing_is_dropped() -> None:
    assert narrowed(Edit(4, 9, "Sales"), "Led Sales team") is None


def test_every_format_discreet_reads_has_a_safe_copy() -> None:
    from discreet.model import Format
    from discreet.safecopy import DRAFTABLE, FIXABLE, PDF_FORMATS
    from discreet.writers import WRITERS

    assert frozenset(WRITERS) | PDF_FORMATS | DRAFTABLE == FIXABLE == frozenset(Format)
