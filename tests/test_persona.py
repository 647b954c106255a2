"""The fictional persona end to end: segment verdicts, exposures with both locations, the ratio."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES
from discreet.audit import Settings, audit
from discreet.cli import main
from discreet.detect import Terms
from discreet.model import Verdict
from discreet.packs import all_rules, builtin_rules_dir, load_packs
from discreet.parsers.docxlocation import DocxLocation, DocxPart
from discreet.parsers.pdf import PdfLocation
from discreet.report import Report

PERSONA = FIXTURES / "persona"
PRIVATE = tuple((PERSONA / "private-terms.txt").read_text(encoding="utf-8").split("\n"))
SETTINGS = Settings(
    all_rules(load_packs([builtin_rules_dir()])), Terms(private=tuple(t for t in PRIVATE if t))
)


@pytest.fixture(scope="module")
def pdf_report() -> Report:
    return audit([PERSONA / "resume.pdf"], SETTINGS, profiles=[PERSONA / "linkedin-export.zip"])


def verdict_at(report: Report, page: int, line: int) -> Verdict:
    resume = report.documents[0]
    [index] = [
        i
        for i, s in enumerate(resume.document.segments)
        if isinstance(s.location, PdfLocation) and (s.location.page, s.location.line) == (page, line)
    ]
    return resume.verdicts[index]


@pytest.mark.parametrize(
    ("page", "line", "verdict"),
    [
        (1, 1, Verdict.COMPLEMENT),  # the name
        (1, 4, Verdict.REPLACEMENT),  # personal phone: resume only
        (1, 7, Verdict.NEVER),  # date of birth: nowhere
        (1, 15, Verdict.REPLACEMENT),  # $4.2M and 37%
        (1, 16, Verdict.REPLACEMENT),  # 142% of quota
        (1, 17, Verdict.REPLACEMENT),  # $850K deal for a private client
        (1, 20, Verdict.COMPLEMENT),  # team size is not a business figure
        (1, 22, Verdict.COMPLEMENT),  # a ranking of the person
        (1, 28, Verdict.COMPLEMENT),  # 99.9% uptime is operational
        (1, 29, Verdict.COMPLEMENT),  # qualitative achievement
        (2, 6, Verdict.COMPLEMENT),  # skills
        (2, 13, Verdict.NEVER),  # salary
        (2, 16, Verdict.NEVER),  # referee
        (2, 17, Verdict.NEVER),  # referee's phone
    ],
)
def test_segment_verdicts(pdf_report: Report, page: int, line: int, verdict: Verdict) -> None:
    assert verdict_at(pdf_report, page, line) is verdict


def test_pdf_resume_against_export(pdf_report: Report) -> None:
    [comparison] = pdf_report.comparisons
    assert [
        (e.rule, e.text, e.profile.describe(), e.resume.describe() if e.resume else None)
        for e in comparison.exposures
    ] == [
        ("financial.money-amount", "$4.2M", "Positions.csv row 1, Description", "page 1 line 15"),
        ("financial.business-percentage", "37%", "Positions.csv row 1, Description", "page 1 line 15"),
        (
            "confidential.private-term",
            "Northwind Logistics",
            "Positions.csv row 1, Description",
            "page 1 line 17",
        ),
        (
            "confidential.private-term",
            "Brightline Foods",
            "Recommendations_Received.csv row 2, Text",
            "page 1 line 25",
        ),
    ]
    # 386 of the 1,319 normalised characters of summary and experience prose are copied
    # (tests/test_compare.py counts them); 169 of those 386 sit on resume-only lines.
    assert round(comparison.replacement_ratio, 3) == round(386 / 1319, 3)
    assert round(comparison.resume_only_share, 3) == round(169 / 386, 3)
    assert [(m.field, m.resume_value, m.profile_value) for m in comparison.mismatches] == [
        ("title", "Senior Account Executive", "Senior Account Manager")
    ]


def test_docx_resume_exposures_point_at_paragraphs() -> None:
    report = audit([PERSONA / "resume.docx"], SETTINGS, profiles=[PERSONA / "linkedin-export"])
    [comparison] = report.comparisons
    resume_locations = {e.text: e.resume for e in comparison.exposures}
    assert isinstance(resume_locations["$4.2M"], DocxLocation)
    assert resume_locations["$4.2M"].part is DocxPart.BODY
    assert resume_locations["$4.2M"] == resume_locations["37%"]
    assert set(resume_locations) == {"$4.2M", "37%", "Northwind Logistics", "Brightline Foods"}


def test_json_contract_carries_the_comparison(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["audit", str(PERSONA / "resume.pdf"), "--profile", str(PERSONA / "linkedin-export.zip")]
    args += ["--private-terms", str(PERSONA / "private-terms.txt"), "--format", "json"]
    assert main(args) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["version"] == 3
    exposure = report["comparison"]["exposures"][0]
    assert exposure == {
        "rule": "financial.money-amount",
        "category": "financial",
        "severity": exposure["severity"],
        "text": "$4.2M",
        "resume": {"type": "pdf", "page": 1, "line": 15, "bbox": exposure["resume"]["bbox"]},
        "profile": {"type": "export", "file": "Positions.csv", "row": 1, "column": "Description"},
    }
    resume, profile = report["documents"]
    assert (resume["kind"], profile["kind"], profile["format"]) == ("resume", "profile", "linkedin-export")
    assert sum(resume["verdicts"].values()) == 51
    assert resume["verdicts"]["never"] == 6


@pytest.mark.parametrize(
    ("page", "line", "rewrite"),
    [
        (1, 4, ""),
        (1, 6, "Evanston, IL"),
        (
            1,
            15,
            "• Generated millions in new annual recurring revenue in FY2024, "
            "up more than a third year over year.",
        ),
        (1, 16, "• Exceeded quota in 2023."),
        (
            1,
            17,
            "• Closed a six-figure multi-year platform deal for a key client after a six-month evaluation.",
        ),
        (1, 18, "• Led an internal initiative, a new pricing pilot with three strategic accounts."),
        (1, 19, "• Managed a seven-figure annual budget for enterprise events and partner marketing."),
        (1, 27, "• Supported due diligence for an acquisition before it was announced."),
        (2, 13, ""),
        (2, 16, ""),
    ],
)
def test_public_rewrites(pdf_report: Report, page: int, line: int, rewrite: str) -> None:
    resume = pdf_report.documents[0]
    advice = {
        f.advice.rewrite
        for f in resume.findings
        if isinstance(f.location, PdfLocation)
        and (f.location.page, f.location.line) == (page, line)
        and f.advice
    }
    assert advice == {rewrite}
