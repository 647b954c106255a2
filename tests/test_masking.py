"""--mask hides every matched text in every format; --quiet is the summary alone, which never carries any."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from discreet.audit import Settings, audit
from discreet.cli import UNWRAPPED, OutputFormat, main
from discreet.detect import Terms
from discreet.formatters import renderer
from discreet.formatters.options import MASK, RenderOptions, hiding, scrubbed
from discreet.model import Verdict
from discreet.packs import all_rules, builtin_rules_dir, load_packs
from discreet.report import Report
from test_formatters import handmade_report

RESUME = (
    "Dana Whitfield\n"
    "dana@example.com | (555) 555-0147 | 12 Elm Street, Springfield, IL 62704\n\n"
    "EXPERIENCE\n"
    "Senior Account Executive, Acme Corp\n"
    "- Current salary: $128,000; expected $140K; bonus $25K\n"
    "- Closed a $850K deal with Project Falcon and Northwind Logistics for Walmart; "
    "grew revenue 37% to $4.2M\n"
)
PROFILE = {
    "basics": {
        "name": "Dana Whitfield",
        "email": "dana@example.com",
        "summary": "Closed a $850K deal with Project Falcon for Walmart; grew revenue 37% to $4.2M",
    },
    "work": [
        {
            "name": "Acme Corp",
            "position": "Senior Account Manager",
            "highlights": ["Closed a $850K deal with Project Falcon and Northwind Logistics"],
        }
    ],
}
PRIVATE = ("Project Falcon", "Northwind Logistics")
# Formats that show matched text when not hiding it: hiding must leave masks there, not nothing.
SHOWS_TEXT = {
    OutputFormat.TEXT,
    OutputFormat.JSON,
    OutputFormat.JSONL,
    OutputFormat.MARKDOWN,
    OutputFormat.HTML,
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A resume with several findings per line, a profile that exposes some, and private terms."""
    folder = tmp_path_factory.mktemp("masking")
    (folder / "resume.txt").write_text(RESUME, encoding="utf-8")
    (folder / "profile.json").write_text(json.dumps(PROFILE), encoding="utf-8")
    (folder / "private.txt").write_text("\n".join(PRIVATE) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def report(folder: Path) -> Report:
    """The audit the command line runs on these files, made once for every format."""
    settings = Settings(all_rules(load_packs([builtin_rules_dir()])), Terms(private=PRIVATE))
    return audit([folder / "resume.txt"], settings, profiles=[folder / "profile.json"])


def matched_texts(report: Report) -> set[str]:
    """Every text the audit matched: findings and exposures."""
    texts = {f.finding.text for d in report.documents for f in d.findings}
    return texts | {e.text for c in report.comparisons for e in c.exposures}


def test_the_audit_has_several_findings_a_line_and_exposures(report: Report) -> None:
    lines = Counter(f.line_start for f in report.documents[0].findings)
    assert lines.most_common(1)[0][1] >= 5
    assert len(report.comparisons[0].exposures) >= 5


@pytest.mark.parametrize(
    "options", [RenderOptions(mask=True), RenderOptions(quiet=True)], ids=["mask", "quiet"]
)
@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_no_format_carries_matched_text_when_masked_or_quiet(
    report: Report, fmt: OutputFormat, options: RenderOptions
) -> None:
    output = renderer(fmt)(report, options)
    assert output.strip()
    assert sorted(t for t in matched_texts(report) if t in output) == []
    # Masks where text would be; a quiet report has no place for text at all.
    assert (MASK in output) == (fmt in SHOWS_TEXT and not options.quiet)


@pytest.mark.parametrize(
    ("hiding_option", "options"),
    [("--mask", RenderOptions(mask=True)), ("--quiet", RenderOptions(quiet=True))],
)
# SARIF is left out: it declares every rule the command line loaded, the private-term rule among them.
@pytest.mark.parametrize("fmt", [f for f in OutputFormat if f is not OutputFormat.SARIF])
def test_the_command_line_hides_what_it_matched(
    folder: Path,
    report: Report,
    fmt: OutputFormat,
    hiding_option: str,
    options: RenderOptions,
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = [
        *("audit", str(folder / "resume.txt"), "--profile", str(folder / "profile.json")),
        *(
            "--private-terms",
            str(folder / "private.txt"),
            "--jobs",
            "1",
            "--format",
            fmt.value,
            hiding_option,
        ),
    ]
    assert main(args) == 1
    output = capsys.readouterr().out
    # Captured stdout is not a terminal: the text report is not wrapped.
    assert output == renderer(fmt)(report, replace(options, width=UNWRAPPED))
    assert sorted(t for t in matched_texts(report) if t in output) == []


def test_quiet_text_with_a_profile_is_the_summary_alone(report: Report) -> None:
    lines = renderer(OutputFormat.TEXT)(report, RenderOptions(quiet=True, width=UNWRAPPED)).splitlines()
    totals = report.totals()
    assert lines[0] == (
        f"discreet: 2 documents audited, {totals.findings} findings, "
        f"{totals.exposures} exposures on the public profile"
    )
    assert lines[1].startswith(f"  {totals.by_verdict[Verdict.NEVER]} never public  ")
    assert [line.split(": ")[0] for line in lines[2:]] == [f"  {d.document.path}" for d in report.documents]


def test_every_finding_on_a_context_line_is_masked(report: Report) -> None:
    output = renderer(OutputFormat.TEXT)(report, RenderOptions(mask=True)).splitlines()
    salary = [line.strip() for line in output if "Current salary" in line]
    assert salary == ["- Current salary: ████████; expected █████; bonus ████"] * 3
    deal = {line.strip() for line in output if line.strip().startswith("- Closed a")}
    assert deal == {"- Closed a █████ deal with ████████ and ████████ for Walmart; grew revenue ███ to █████"}


def test_quiet_json_is_the_summary_of_the_whole_audit(report: Report) -> None:
    data = json.loads(renderer(OutputFormat.JSON)(report, RenderOptions(quiet=True)))
    assert list(data) == ["version", "summary"]
    assert data["summary"]["findings"] == sum(len(d.findings) for d in report.documents)
    assert data["summary"]["exposures"] == len(report.comparisons[0].exposures)


@pytest.mark.parametrize(
    "options", [RenderOptions(mask=True), RenderOptions(quiet=True)], ids=["mask", "quiet"]
)
@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_every_formatter_hides_the_handmade_reports_text(fmt: OutputFormat, options: RenderOptions) -> None:
    report = handmade_report()
    texts = {f.finding.text for d in report.documents for f in d.findings}
    texts |= {e.text for c in report.comparisons for e in c.exposures}
    output = renderer(fmt)(report, options)
    assert sorted(t for t in texts if t in output) == []


def test_free_text_is_scrubbed_whatever_its_case_and_spacing() -> None:
    options = hiding(handmade_report(), RenderOptions(mask=True))
    assert scrubbed("PROJECT\nfalcon is confidential; so is $128,000.", options) == (
        "████████ is confidential; so is ████████."
    )
    assert (
        scrubbed("Project Falconry is a word of its own", options) == "Project Falconry is a word of its own"
    )
    assert scrubbed("Project Falcon", RenderOptions()) == "Project Falcon"
