"""The command line end to end: exit codes, the JSON contract, extract, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run

RESUME = (
    "Dana Whitfield\ndana@example.com | (555) 555-0147\n\nEXPERIENCE\n"
    "- Closed a $850K deal\n- Led a team of 8\n"
)


@pytest.fixture
def resume(tmp_path: Path) -> Path:
    path = tmp_path / "resume.txt"
    path.write_text(RESUME, encoding="utf-8")
    return path


def test_json_contract(resume: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["audit", str(resume), "--format", "json"], capsys)
    assert code == 1
    report = json.loads(out)
    assert report["version"] == 3
    [document] = report["documents"]
    assert (document["path"], document["kind"], document["format"]) == (str(resume), "resume", "text")
    found = [
        (f["rule"], f["category"], RESUME[f["start"] : f["end"]], f["location"], f["section"])
        for f in document["findings"]
    ]
    assert found == [
        (
            "personal.email",
            "personal",
            "dana@example.com",
            {"type": "text", "line": 2, "column": 1},
            "contact",
        ),
        (
            "personal.phone",
            "personal",
            "(555) 555-0147",
            {"type": "text", "line": 2, "column": 20},
            "contact",
        ),
        (
            "financial.money-amount",
            "financial",
            "$850K",
            {"type": "text", "line": 5, "column": 12},
            "experience",
        ),
    ]
    assert report["errors"] == []


def test_clean_document_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "clean.md"
    path.write_text("# Skills\n- Negotiation\n", encoding="utf-8")
    code, out, _ = run(["audit", str(path)], capsys)
    assert code == 0
    assert out.startswith("discreet: 1 document audited, 0 findings\n")


def test_fail_on_raises_the_threshold(resume: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["audit", str(resume), "--fail-on", "critical"], capsys)[0] == 0


def test_disable_and_unknown_rule(resume: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["audit", str(resume), "--format", "json", "--disable", "personal.email"], capsys)
    assert "personal.email" not in {f["rule"] for f in json.loads(out)["documents"][0]["findings"]}
    code, _, err = run(["audit", str(resume), "--disable", "no.such-rule"], capsys)
    assert code == 2
    assert err == "discreet: --disable: no rule has the id no.such-rule; see `discreet rules list`\n"


def test_private_and_public_terms(resume: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    private = tmp_path / "private.txt"
    private.write_text("# clients\nteam  OF\n", encoding="utf-8")
    public = tmp_path / "public.txt"
    public.write_text("$850K\n", encoding="utf-8")
    code, out, _ = run(
        [
            "audit",
            str(resume),
            "--format",
            "json",
            "--private-terms",
            str(private),
            "--public-terms",
            str(public),
        ],
        capsys,
    )
    assert code == 1
    found = {(f["rule"], RESUME[f["start"] : f["end"]]) for f in json.loads(out)["documents"][0]["findings"]}
    assert ("confidential.private-term", "team of") in found
    assert not any(text == "$850K" for _, text in found)


def test_output_file_and_inputs_untouched(
    resume: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = resume.read_bytes()
    target = tmp_path / "report.json"
    code, out, _ = run(["audit", str(resume), "--format", "json", "--output", str(target)], capsys)
    assert (code, out) == (1, "")
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == 3
    assert resume.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "resume.txt"]


def test_output_never_overwrites_an_input(resume: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = resume.read_bytes()
    code, _, err = run(["audit", str(resume), "--output", str(resume)], capsys)
    assert code == 2
    assert "never overwrites its inputs" in err
    assert resume.read_bytes() == before


def test_extract_marks_sections_and_locations(resume: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["extract", str(resume), "--locations"], capsys)
    assert code == 0
    assert out.splitlines() == [
        f"# {resume} (resume, text)",
        "=== contact ===",
        "[line 1] Dana Whitfield",
        "[line 2] dana@example.com | (555) 555-0147",
        "=== experience ===",
        "[line 4] EXPERIENCE",
        "[line 5] - Closed a $850K deal",
        "[line 6] - Led a team of 8",
    ]


def test_rules_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules", "list"], capsys)
    assert code == 0
    assert any(line.startswith("personal.email ") for line in out.splitlines())
    code, out, _ = run(["rules", "explain", "personal.email"], capsys)
    assert code == 0
    assert out.startswith("personal.email: E-mail address\n")
    code, out, _ = run(["rules", "test"], capsys)
    assert code == 0
    assert out.splitlines()[-1].endswith(" 0 failed")


def test_rules_explain_says_a_rule_echoes_names(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules", "explain", "confidential.client-name"], capsys)
    assert code == 0
    assert "\nAlso flags the other mentions of every name it finds.\n" in out
    assert "\nNever flags the employer the document itself names.\n" in out
    _, out, _ = run(["rules", "explain", "personal.email"], capsys)
    assert "Also flags the other mentions" not in out


def test_usage_error_exits_two(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["audit", "--format", "yaml", "x.txt"], capsys)
    assert code == 2
    assert "Traceback" not in err


def test_private_term_names_its_own_stand_in(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    resume = tmp_path / "resume.txt"
    resume.write_text("Led Project Falcon for Northwind Logistics.\n", encoding="utf-8")
    private = tmp_path / "private.txt"
    private.write_text("project  falcon => a pricing pilot\nNorthwind Logistics\n", encoding="utf-8")
    code, out, _ = run(["audit", str(resume), "--format", "json", "--private-terms", str(private)], capsys)
    assert code == 1
    findings = json.loads(out)["documents"][0]["findings"]
    assert [(f["text"], f["advice"]["rewrite"]) for f in findings] == [
        ("Project Falcon", "Led a pricing pilot for a key client."),
        ("Northwind Logistics", "Led a pricing pilot for a key client."),
    ]
