"""Inline ignore directives: which findings they accept, in text, Markdown and JSON Resume."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from discreet.audit import audit_document
from discreet.cli import main
from discreet.model import Limits
from discreet.packs import all_rules, builtin_rules_dir, load_packs
from discreet.read import read
from discreet.suppress import Ignore, text_ignores

RULES = all_rules(load_packs([builtin_rules_dir()]))
MONEY = "financial.money-amount"


def findings(path: Path) -> tuple[list[tuple[str, str]], int, tuple[str, ...]]:
    """(rule, matched text) of each reported finding, the suppressed count and the warnings."""
    report = audit_document(read(path, Limits()), RULES)
    return [(f.finding.rule, f.finding.text) for f in report.findings], report.suppressed, report.warnings


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("<!-- discreet: ignore -->\nA\nB\n\nC", [(0, 25, None), (26, 29, None)]),
        ("<!-- discreet: ignore a.b, c.d -->\n\n- A\n- B", [(0, 34, None), (36, 39, {"a.b", "c.d"})]),
        ("- A\n<!-- discreet:ignore a.b -->\n- B\n  more\n# H", [(4, 32, None), (33, 43, {"a.b"})]),
        ("Text $1M <!-- discreet: ignore * -->\nNext", [(9, 36, None), (0, 9, None)]),
        ("Text <!-- discreet: ignore --> more", [(5, 30, None)]),
        ("<!-- discreet: ignore -->", [(0, 25, None)]),
        ("<!-- discreet: check a.b -->\nA", []),
    ],
)
def test_directive_spans(text: str, spans: list[tuple[int, int, set[str] | None]]) -> None:
    expected = [Ignore(start, end, None if ids is None else frozenset(ids)) for start, end, ids in spans]
    assert text_ignores(text) == expected


def test_a_directive_accepts_its_rule_in_the_next_list_item_only(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "cv.md",
        "## Experience\n\n- Grew revenue to $4.2M at Acme.\n"
        "<!-- discreet: ignore financial.money-amount -->\n"
        "- Closed a $3.1M deal.\n  Then $2.0M more.\n- Raised $5M in funding.\n",
    )
    assert findings(path) == ([(MONEY, "$4.2M"), (MONEY, "$5M")], 2, ())


def test_a_directive_for_another_rule_accepts_nothing(tmp_path: Path) -> None:
    # "personal" is an exclude word of the money rule: the directive's own text must not count as context.
    path = write(
        tmp_path, "cv.txt", "EXPERIENCE\n<!-- discreet: ignore personal.email -->\nClosed a $3.1M deal.\n"
    )
    assert findings(path) == ([(MONEY, "$3.1M")], 0, ())


def test_a_directive_at_the_end_of_a_line_covers_that_line(tmp_path: Path) -> None:
    path = write(tmp_path, "cv.md", "Closed a $3.1M deal. <!-- discreet: ignore -->\nRaised $5M.\n")
    assert findings(path) == ([(MONEY, "$5M")], 1, ())


def test_an_unknown_rule_id_is_a_warning(tmp_path: Path) -> None:
    path = write(
        tmp_path, "cv.md", "<!-- discreet: ignore financial.no-such-rule -->\nClosed a $3.1M deal.\n"
    )
    reported, suppressed, warnings = findings(path)
    assert (reported, suppressed) == ([(MONEY, "$3.1M")], 0)
    assert warnings == (
        "a discreet ignore directive names financial.no-such-rule, which no rule has; "
        "see `discreet rules list`",
    )


def json_resume(tmp_path: Path, work: list[dict[str, object]]) -> Path:
    data = {"basics": {"name": "Dana Example", "label": "Sales lead"}, "work": work}
    return write(tmp_path, "resume.json", json.dumps(data))


def test_json_resume_field_accepts_its_rules_in_its_object(tmp_path: Path) -> None:
    path = json_resume(
        tmp_path,
        [
            {"name": "Acme", "x-discreet-ignore": [MONEY], "highlights": ["Grew revenue to $4.2M"]},
            {"name": "Beta", "highlights": ["Closed a $3.1M deal"]},
        ],
    )
    assert findings(path) == ([(MONEY, "$3.1M")], 1, ())


def test_json_resume_star_accepts_every_rule(tmp_path: Path) -> None:
    path = json_resume(tmp_path, [{"name": "Acme", "x-discreet-ignore": "*", "summary": "Won a $4.2M deal"}])
    assert findings(path) == ([], 1, ())


def test_json_resume_field_for_another_rule_accepts_nothing(tmp_path: Path) -> None:
    path = json_resume(
        tmp_path, [{"name": "Acme", "x-discreet-ignore": ["personal.email"], "summary": "Won a $4.2M deal"}]
    )
    assert findings(path) == ([(MONEY, "$4.2M")], 0, ())


def test_the_reports_count_suppressed_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "cv.md", "<!-- discreet: ignore -->\nClosed a $3.1M deal.\n\nRaised $5M.\n")
    assert main(["audit", str(path), "--format", "json"]) == 1
    [document] = json.loads(capsys.readouterr().out)["documents"]
    assert ([f["text"] for f in document["findings"]], document["suppressed"]) == (["$5M"], 1)
    assert main(["audit", str(path), "--quiet"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        "discreet: 1 document audited, 1 finding (1 suppressed by ignore directives or the baseline)"
    )
