"""The persona's LinkedIn "Save to PDF" fixture: read in two columns, audited, drafted, compared."""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from conftest import FIXTURES, REPO, run
from discreet.model import Document, DocumentKind, Format, JobPart, Limits, Section
from discreet.parsers.pdf import PdfLocation
from discreet.read import read

PERSONA = FIXTURES / "persona"
PROFILE = PERSONA / "linkedin-profile.pdf"
TERMS = PERSONA / "private-terms.txt"
GOLDEN = REPO / "tests" / "golden" / "profile-draft"
# Where LinkedIn's sidebar ends and its main column starts, in points from the page's left edge.
SIDEBAR_X1 = 212.0
MAIN_X0 = 223.6


def golden(name: str, text: str) -> None:
    """Compare with tests/golden/profile-draft/name, rewriting the file when DISCREET_REGEN_GOLDEN=1."""
    path = GOLDEN / name
    if os.environ.get("DISCREET_REGEN_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} is missing; run with DISCREET_REGEN_GOLDEN=1 to write it"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs; DISCREET_REGEN_GOLDEN=1 rewrites it"


@functools.cache
def make_fixtures() -> ModuleType:
    """fixtures/make_fixtures.py as a module (its dataclasses need it in sys.modules)."""
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def document() -> Document:
    return read(PROFILE, Limits())


def placed(document: Document) -> list[tuple[int, int, str, Section]]:
    """Each line as (page, line, text, section)."""
    found = []
    for segment in document.segments:
        assert isinstance(segment.location, PdfLocation)
        found.append((segment.location.page, segment.location.line, segment.text, segment.section))
    return found


def test_the_script_makes_the_same_bytes_each_run_and_the_committed_fixtures_lines(
    tmp_path: Path, document: Document
) -> None:
    script = make_fixtures()
    fresh = tmp_path / "linkedin-profile.pdf"
    fresh.write_bytes(script.render_linkedin_pdf(script.PERSONA))
    assert fresh.read_bytes() == script.render_linkedin_pdf(script.PERSONA)
    # Another fpdf2 may write other bytes; the lines and their places must be the committed file's.
    assert placed(read(fresh, Limits())) == placed(document)


def test_it_is_read_as_a_linkedin_profile_of_two_pages(document: Document) -> None:
    assert (document.kind, document.format) == (DocumentKind.PROFILE, Format.LINKEDIN_PDF)
    assert {page for page, _, _, _ in placed(document)} == {1, 2}


def test_the_sidebar_is_read_apart_first_with_its_own_sections(document: Document) -> None:
    lines = placed(document)
    assert lines[:17] == [
        (1, 1, "Contact", Section.CONTACT),
        (1, 2, "(312) 555-0147 (Mobile)", Section.CONTACT),
        (1, 3, "dana.whitfield@example.com", Section.CONTACT),
        (1, 4, "www.linkedin.com/in/danawhitfield", Section.CONTACT),
        (1, 5, "(LinkedIn)", Section.CONTACT),
        (1, 6, "www.example.com/dana-whitfield", Section.CONTACT),
        (1, 7, "(Portfolio)", Section.CONTACT),
        (1, 8, "Top Skills", Section.SKILLS),
        (1, 9, "Enterprise Sales", Section.SKILLS),
        (1, 10, "Negotiation", Section.SKILLS),
        (1, 11, "Account Planning", Section.SKILLS),
        (1, 12, "Languages", Section.SKILLS),
        (1, 13, "English (Native or Bilingual)", Section.SKILLS),
        (1, 14, "Spanish (Professional Working)", Section.SKILLS),
        (1, 15, "Certifications", Section.CERTIFICATIONS),
        (1, 16, "Strategic Negotiation Certificate", Section.CERTIFICATIONS),
        (1, 17, "Value Selling Practitioner", Section.CERTIFICATIONS),
    ]
    boxes = [s.location.bbox for s in document.segments if isinstance(s.location, PdfLocation)]
    assert all(box is not None and box.x1 <= SIDEBAR_X1 for box in boxes[:17])
    assert all(box is not None and round(box.x0, 1) == MAIN_X0 for box in boxes[17:])


def test_the_main_column_keeps_each_line_whole_and_in_its_section(document: Document) -> None:
    got = {(page, line): (text, section) for page, line, text, section in placed(document)}
    assert [got[1, n] for n in (18, 19, 20, 21, 22, 23, 29, 30, 31, 32, 33, 34)] == [
        ("Dana Whitfield", Section.CONTACT),
        ("Enterprise Sales Manager at Corvane Systems | B2B software for", Section.CONTACT),
        ("logistics and food supply", Section.CONTACT),
        ("Evanston, Illinois, United States", Section.CONTACT),
        ("Summary", Section.SUMMARY),
        ("Enterprise sales leader with twelve years in B2B software for", Section.SUMMARY),
        ("Experience", Section.EXPERIENCE),
        ("Corvane Systems", Section.EXPERIENCE),
        ("Enterprise Sales Manager", Section.EXPERIENCE),
        ("March 2021 - Present (5 years 9 months)", Section.EXPERIENCE),
        ("Chicago, Illinois, United States", Section.EXPERIENCE),
        ("• In FY2024, generated $4.2M in new annual recurring revenue, up 37% year", Section.EXPERIENCE),
    ]
    assert max(line for page, line, _, _ in placed(document) if page == 1) == 50
    assert got[1, 50] == ("feedback into a shared roadmap with product management.", Section.EXPERIENCE)


def test_page_two_carries_on_the_description_and_no_footer_is_read(document: Document) -> None:
    assert [(line, text, section) for page, line, text, section in placed(document) if page == 2] == [
        (1, "Recognized by customers for clear, honest forecasting and fast follow-up.", Section.EXPERIENCE),
        (2, "Tessaly Office Supply", Section.EXPERIENCE),
        (3, "Sales Representative", Section.EXPERIENCE),
        (4, "August 2012 - May 2016 (3 years 10 months)", Section.EXPERIENCE),
        (5, "Milwaukee, Wisconsin, United States", Section.EXPERIENCE),
        (
            6,
            "Built a territory of small-business accounts in southern Wisconsin from cold",
            Section.EXPERIENCE,
        ),
        (7, "outreach.", Section.EXPERIENCE),
        (8, "Education", Section.EDUCATION),
        (9, "Lakeshore State University", Section.EDUCATION),
        (10, "Bachelor of Business Administration - BBA, Marketing · (2008 - 2012)", Section.EDUCATION),
    ]
    assert not [text for _, _, text, _ in placed(document) if text.startswith("Page ")]


def audit_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    code, out, err = run(["audit", *args, "--format", "json"], capsys)
    assert err == ""
    return code, json.loads(out)


def findings(document: dict[str, Any]) -> list[tuple[str, int, int, str, str]]:
    return [
        (f["rule"], f["location"]["page"], f["location"]["line"], f["section"], f["text"])
        for f in document["findings"]
    ]


def test_contact_details_a_figure_and_a_client_are_flagged_at_their_lines(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, report = audit_json([str(PROFILE)], capsys)
    [document] = report["documents"]
    assert (code, document["kind"], document["format"]) == (1, "profile", "linkedin-pdf")
    assert findings(document) == [
        ("personal.phone", 1, 2, "contact", "(312) 555-0147"),
        ("personal.email", 1, 3, "contact", "dana.whitfield@example.com"),
        ("financial.money-amount", 1, 34, "experience", "$4.2M"),
        ("financial.business-percentage", 1, 34, "experience", "37%"),
        ("confidential.client-name", 1, 36, "experience", "Northwind Logistics"),
    ]


def test_the_private_terms_name_the_whole_client(capsys: pytest.CaptureFixture[str]) -> None:
    _, report = audit_json([str(PROFILE), "--private-terms", str(TERMS)], capsys)
    assert findings(report["documents"][0])[4] == (
        "confidential.private-term",
        1,
        36,
        "experience",
        "Northwind Logistics",
    )


def test_the_resume_and_the_profile_share_its_contact_figures_and_client(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = [str(PERSONA / "resume.pdf"), "--profile", str(PROFILE), "--private-terms", str(TERMS)]
    code, report = audit_json(args, capsys)
    comparison = report["comparison"]
    assert (code, comparison["resume"], comparison["profile"]) == (
        1,
        str(PERSONA / "resume.pdf"),
        str(PROFILE),
    )
    assert [
        (
            e["rule"],
            e["text"],
            (e["resume"]["page"], e["resume"]["line"]),
            (e["profile"]["page"], e["profile"]["line"]),
        )
        for e in comparison["exposures"]
    ] == [
        ("personal.phone", "(312) 555-0147", (1, 4), (1, 2)),
        ("personal.email", "dana.whitfield@example.com", (1, 5), (1, 3)),
        ("financial.money-amount", "$4.2M", (1, 15), (1, 34)),
        ("financial.business-percentage", "37%", (1, 15), (1, 34)),
        ("confidential.private-term", "Northwind Logistics", (1, 17), (1, 36)),
    ]


# --- discreet fix: a draft to paste from, or an editable copy ---------------------------------


def fix(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """What discreet fix of the profile prints; it must succeed and leave the profile as it was."""
    before = PROFILE.read_bytes()
    code, out, err = run(["fix", str(PROFILE), *args, "--private-terms", str(TERMS)], capsys)
    assert (code, err) == (0, "")
    assert PROFILE.read_bytes() == before
    return out


def test_fix_writes_a_markdown_draft_of_each_field_with_the_figure_and_client_rewritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.md"
    out = fix(["--output", str(draft)], capsys)
    assert out == (
        f"{draft}: a draft of 8 profile fields, 2 rewritten (fine for public); paste each block into the "
        "field it names\n"
    )
    text = draft.read_text(encoding="utf-8")
    golden("linkedin-pdf.md", text)
    assert "$4.2M" not in text and "Northwind" not in text and "555-0147" not in text
    code, report = audit_json([str(draft), "--private-terms", str(TERMS)], capsys)
    [document] = report["documents"]
    assert (code, document["kind"], document["format"], document["findings"]) == (
        0,
        "profile",
        "markdown",
        [],
    )


def test_fix_writes_a_json_draft_whose_blocks_are_the_profiles_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.json"
    fix(["--output", str(draft), "--format", "json"], capsys)
    golden("linkedin-pdf.json", draft.read_text(encoding="utf-8"))
    data = json.loads(draft.read_text(encoding="utf-8"))
    assert (data["source"], data["destination"]) == ("linkedin-profile.pdf", "public")
    assert [(b["field"], b["heading"], b["source"], b["changed"]) for b in data["blocks"]] == [
        ("Headline", "", "page 1 line 19 to page 1 line 20", False),
        ("Contact info", "", "page 1 line 2 to page 1 line 7", True),
        ("About", "", "page 1 line 23 to page 1 line 28", False),
        (
            "Experience",
            "Corvane Systems · Enterprise Sales Manager · March 2021 - Present (5 years 9 months)",
            "page 1 line 34 to page 1 line 42",
            True,
        ),
        (
            "Experience",
            "Halden & Rowe Software · Senior Account Manager · June 2016 - February 2021 (4 years 9 months)",
            "page 1 line 47 to page 2 line 1",
            False,
        ),
        (
            "Experience",
            "Tessaly Office Supply · Sales Representative · August 2012 - May 2016 (3 years 10 months)",
            "page 2 line 6 to page 2 line 7",
            False,
        ),
        ("Education", "", "page 2 line 9 to page 2 line 10", False),
        ("Licenses & certifications", "", "page 1 line 16 to page 1 line 17", False),
    ]
    blocks = data["blocks"]
    # The headline's wrapped lines are one field again.
    assert (
        blocks[0]["text"]
        == "Enterprise Sales Manager at Corvane Systems | B2B software for logistics and food supply"
    )
    # Contact keeps its links; the phone and e-mail are gone, and the note says to delete them there.
    assert (blocks[1]["text"], blocks[1]["note"]) == (
        "www.linkedin.com/in/danawhitfield\n(LinkedIn)\nwww.example.com/dana-whitfield\n(Portfolio)",
        "edit Contact info on your profile: delete what this block no longer lists",
    )
    assert blocks[3]["text"] == (
        "• In FY2024, generated millions in new annual recurring revenue, up more than a third year over "
        "year.\n"
        "• Closed a multi-year platform deal with a key client after a six-month evaluation.\n"
        "• Led a team of 8 account executives across the Midwest territory.\n"
        "• Consistently exceeded quota and ranked among the company's top performers.\n"
        "• Rebuilt the enterprise onboarding playbook, now the standard for all new sales hires."
    )
    # The description that runs onto page 2 is one block, its paragraphs rejoined.
    assert blocks[4]["text"] == (
        "Grew a multi-million-dollar mid-market territory in food distribution and logistics, selling "
        "warehouse and fleet software to regional distributors.\n"
        "Ran quarterly business reviews with operations leaders and turned their feedback into a shared "
        "roadmap with product management.\n"
        "Recognized by customers for clear, honest forecasting and fast follow-up."
    )
    code, report = audit_json([str(draft), "--private-terms", str(TERMS)], capsys)
    [document] = report["documents"]
    assert (code, document["kind"], document["format"], document["findings"]) == (
        0,
        "profile",
        "profile-draft",
        [],
    )


def test_fix_to_docx_writes_the_profiles_text_rewritten_and_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "profile.docx"
    out = fix(["--output", str(copy), "--to", "docx"], capsys)
    assert out == f"{copy}: 2 rewritten, 1 left out, 0 findings kept (fine for public)\n"
    texts = [segment.text for segment in read(copy, Limits()).segments]
    assert texts[:4] == [
        "Contact",
        "www.linkedin.com/in/danawhitfield",
        "(LinkedIn) www.example.com/dana-whitfield",
        "(Portfolio)",
    ]
    assert (
        "In FY2024, generated millions in new annual recurring revenue, up more than a third year over year."
        in texts
    )
    assert "Closed a multi-year platform deal with a key client after a six-month evaluation." in texts
    code, report = audit_json([str(copy), "--private-terms", str(TERMS)], capsys)
    assert (code, report["documents"][0]["findings"]) == (0, [])


def test_fix_of_the_json_draft_gives_back_the_same_blocks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft, again = tmp_path / "draft.json", tmp_path / "again.json"
    fix(["--output", str(draft), "--format", "json"], capsys)
    code, out, err = run(["fix", str(draft), "--output", str(again), "--private-terms", str(TERMS)], capsys)
    assert (code, err) == (0, "")
    assert out == (
        f"{again}: a draft of 8 profile fields, 2 rewritten (fine for public); paste each block into the "
        "field it names\n"
    )
    first = json.loads(draft.read_text(encoding="utf-8"))
    assert json.loads(again.read_text(encoding="utf-8")) == first | {"source": "draft.json"}


# --- the jobs of Experience, compared with the resume like the export's positions ---------------


def test_each_roles_company_title_and_date_lines_carry_its_job(document: Document) -> None:
    tagged = [
        (s.location.page, s.location.line, s.text, job.entry, job.part, job.also)
        for s in document.segments
        if isinstance(s.location, PdfLocation) and (job := s.location.job_field()) is not None
    ]
    assert tagged == [
        (1, 30, "Corvane Systems", ("Experience", 0), JobPart.COMPANY, ()),
        (1, 31, "Enterprise Sales Manager", ("Experience", 0), JobPart.TITLE, ()),
        (1, 32, "March 2021 - Present (5 years 9 months)", ("Experience", 0), JobPart.DATES, ()),
        (1, 43, "Halden & Rowe Software", ("Experience", 1), JobPart.COMPANY, ()),
        (1, 44, "Senior Account Manager", ("Experience", 1), JobPart.TITLE, ()),
        (1, 45, "June 2016 - February 2021 (4 years 9 months)", ("Experience", 1), JobPart.DATES, ()),
        (2, 2, "Tessaly Office Supply", ("Experience", 2), JobPart.COMPANY, ()),
        (2, 3, "Sales Representative", ("Experience", 2), JobPart.TITLE, ()),
        (2, 4, "August 2012 - May 2016 (3 years 10 months)", ("Experience", 2), JobPart.DATES, ()),
    ]


@pytest.mark.parametrize(
    ("resume", "where"),
    [
        ("resume.pdf", {"type": "pdf", "page": 1, "line": 23, "bbox": [56.8, 409.7, 328.2, 422.8]}),
        ("resume.md", {"type": "text", "line": 34, "column": 5}),
        ("resume.docx", {"type": "docx", "part": "body", "paragraph": 21}),
    ],
)
def test_the_halden_and_rowe_title_differs_as_it_does_against_the_export(
    resume: str, where: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    def mismatches(profile: Path) -> list[dict[str, Any]]:
        _, report = audit_json([str(PERSONA / resume), "--profile", str(profile)], capsys)
        found: list[dict[str, Any]] = report["comparison"]["mismatches"]
        return found

    from_pdf, from_export = mismatches(PROFILE), mismatches(PERSONA / "linkedin-export.zip")
    assert from_pdf == [
        {
            "field": "title",
            "resume_value": "Senior Account Executive",
            "profile_value": "Senior Account Manager",
            "resume": where,
            "profile": {"type": "pdf", "page": 1, "line": 44, "bbox": [223.6, 605.7, 350.2, 619.1]},
        }
    ]
    assert [{k: v for k, v in m.items() if k != "profile"} for m in from_export] == [
        {k: v for k, v in m.items() if k != "profile"} for m in from_pdf
    ]


def test_roles_grouped_under_one_company_each_get_it_in_a_pdf_made_like_the_fixture(tmp_path: Path) -> None:
    script = make_fixtures()
    main = [
        ("name", "Dana Whitfield"),
        ("heading", "Experience"),
        ("company", "Corvane Systems"),
        ("total", "5 years 9 months"),
        ("title", "Enterprise Sales Manager"),
        ("dates", "March 2023 - Present (3 years 9 months)"),
        ("where", "Chicago, Illinois, United States"),
        ("description", "Led a team of account executives across the Midwest territory."),
        ("title", "Account Executive"),
        ("dates", "March 2021 - February 2023 (2 years)"),
        ("company", "Tessaly Office Supply"),
        ("title", "Sales Representative"),
        ("dates", "2012 - 2016 (4 years)"),
        ("heading", "Education"),
        ("school", "Lakeshore State University"),
    ]
    pdf = tmp_path / "grouped.pdf"
    pdf.write_bytes(script.linkedin_pdf(script.PERSONA, script.profile_sidebar(script.PERSONA), main, 1))
    document = read(pdf, Limits())
    tagged = [
        (s.text, job.entry[1], job.part, [n for _, n in job.also])
        for s in document.segments
        if isinstance(s.location, PdfLocation) and (job := s.location.job_field()) is not None
    ]
    assert (document.format, tagged) == (
        Format.LINKEDIN_PDF,
        [
            ("Corvane Systems", 0, JobPart.COMPANY, [1]),
            ("Enterprise Sales Manager", 0, JobPart.TITLE, []),
            ("March 2023 - Present (3 years 9 months)", 0, JobPart.DATES, []),
            ("Account Executive", 1, JobPart.TITLE, []),
            ("March 2021 - February 2023 (2 years)", 1, JobPart.DATES, []),
            ("Tessaly Office Supply", 2, JobPart.COMPANY, []),
            ("Sales Representative", 2, JobPart.TITLE, []),
            ("2012 - 2016 (4 years)", 2, JobPart.DATES, []),
        ],
    )
