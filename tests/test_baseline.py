"""Baselines: accepted findings stay accepted after edits elsewhere, and the file holds no matched text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run
from discreet.cli import main

RESUME = "EXPERIENCE\n- Grew revenue to $4.2M at Acme.\n- Raised $5M in funding.\n"


def reported(path: Path, baseline: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], int]:
    """Exit code, matched texts reported and findings suppressed by the baseline."""
    code, out, _ = run(["audit", str(path), "--baseline", str(baseline), "--format", "json"], capsys)
    [document] = json.loads(out)["documents"]
    return code, [f["text"] for f in document["findings"]], document.get("suppressed", 0)


@pytest.fixture
def accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    """A resume whose two findings are recorded in a baseline."""
    resume = tmp_path / "docs" / "cv.txt"
    resume.parent.mkdir()
    resume.write_text(RESUME, encoding="utf-8")
    baseline = tmp_path / "discreet-baseline.json"
    code, out, _ = run(["audit", str(resume), "--baseline", str(baseline), "--update-baseline"], capsys)
    assert (code, out.splitlines()[0]) == (
        0,
        "discreet: 1 document audited, 0 findings (2 suppressed by ignore directives or the baseline)",
    )
    return resume, baseline


def test_the_baseline_holds_no_matched_text(accepted: tuple[Path, Path]) -> None:
    _, baseline = accepted
    text = baseline.read_text(encoding="utf-8")
    for secret in ("4.2", "$5M", "revenue", "Acme", "funding"):
        assert secret not in text
    data = json.loads(text)
    assert (data["version"], len(bytes.fromhex(data["key"]))) == (1, 32)
    assert [(e["path"], e["rule"], e["section"]) for e in data["findings"]] == [
        ("docs/cv.txt", "financial.money-amount", "experience"),
        ("docs/cv.txt", "financial.money-amount", "experience"),
    ]
    assert all(len(e["match"]) == len(e["sentence"]) == 64 for e in data["findings"])


def test_accepted_findings_stay_accepted_after_lines_are_added_above(
    accepted: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    resume, baseline = accepted
    resume.write_text("Dana Example\n\n" + RESUME.replace("\n- Raised", "\n- Led a team of 8.\n- Raised"))
    assert reported(resume, baseline, capsys) == (0, [], 2)


def test_a_changed_figure_is_reported_again(
    accepted: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    resume, baseline = accepted
    resume.write_text(RESUME.replace("$5M", "$6M"), encoding="utf-8")
    assert reported(resume, baseline, capsys) == (1, ["$6M"], 1)


def test_a_changed_sentence_is_reported_again(
    accepted: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    resume, baseline = accepted
    resume.write_text(RESUME.replace("at Acme", "at Beta Corp"), encoding="utf-8")
    assert reported(resume, baseline, capsys) == (1, ["$4.2M"], 1)


def test_each_entry_accepts_one_finding(
    accepted: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    resume, baseline = accepted
    resume.write_text(RESUME + "- Raised $5M in funding.\n", encoding="utf-8")
    assert reported(resume, baseline, capsys) == (1, ["$5M"], 2)


def test_updating_keeps_the_key_and_other_documents(
    accepted: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    resume, baseline = accepted
    before = json.loads(baseline.read_text(encoding="utf-8"))
    other = resume.with_name("other.txt")
    other.write_text("EXPERIENCE\n- Closed a $3.1M deal.\n", encoding="utf-8")
    assert main(["audit", str(other), "--baseline", str(baseline), "--update-baseline", "--quiet"]) == 0
    after = json.loads(baseline.read_text(encoding="utf-8"))
    assert after["key"] == before["key"]
    assert [e["path"] for e in after["findings"]] == ["docs/cv.txt", "docs/cv.txt", "docs/other.txt"]
    assert after["findings"][:2] == before["findings"]


def test_a_missing_baseline_says_how_to_make_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_text(RESUME, encoding="utf-8")
    missing = tmp_path / "none.json"
    code, out, err = run(["audit", str(resume), "--baseline", str(missing)], capsys)
    assert (code, out) == (2, "")
    assert err == (
        f"discreet: {missing}: no baseline there; create it with --update-baseline once you have accepted "
        "the findings\n"
    )


@pytest.mark.parametrize("content", ["{", '{"version": 9, "key": "00", "findings": []}', '{"version": 1}'])
def test_a_malformed_baseline_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_text(RESUME, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    code, out, err = run(["audit", str(resume), "--baseline", str(baseline)], capsys)
    assert (code, out, err.count("\n")) == (2, "", 1)
    assert err.startswith(f"discreet: {baseline}: ") and "baseline" in err.removeprefix(
        f"discreet: {baseline}"
    )


def test_update_baseline_needs_a_baseline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_text(RESUME, encoding="utf-8")
    assert run(["audit", str(resume), "--update-baseline"], capsys) == (
        2,
        "",
        "discreet: --update-baseline needs --baseline FILE (or baseline in the config file)\n",
    )


def test_the_baseline_is_never_written_over_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_text(RESUME, encoding="utf-8")
    code, _, err = run(["audit", str(resume), "--baseline", str(resume), "--update-baseline"], capsys)
    assert (code, resume.read_text(encoding="utf-8")) == (2, RESUME)
    assert "never overwrites its inputs" in err
