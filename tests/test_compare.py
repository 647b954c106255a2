"""Resume against profile: exact exposures, copied share, suggestions and mismatches, persona and corpus."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import discreet.compare as compare_package
from conftest import FIXTURES
from discreet.audit import audit_document
from discreet.compare import compare, matching
from discreet.compare.matching import Match
from discreet.compare.units import Unit
from discreet.detect import PRIVATE_TERM_RULE, Terms
from discreet.errors import InputError
from discreet.model import (
    Category,
    Document,
    DocumentKind,
    Finding,
    Format,
    JobField,
    JobPart,
    Limits,
    Location,
    Section,
    Segment,
    Severity,
    Verdict,
    build_document,
)
from discreet.packs import Rule, all_rules, builtin_rules_dir, load_packs
from discreet.parsers.docxlocation import DocxLocation, DocxPart
from discreet.parsers.jsonresume import JsonLocation
from discreet.parsers.linkedin import ExportLocation
from discreet.parsers.pdf import PdfLocation
from discreet.parsers.text import TextLocation
from discreet.read import read, sniff
from discreet.report import Comparison, DocumentReport, LocatedFinding, Mismatch, Suggestion

PERSONA = FIXTURES / "persona"
# The built-in packs are still being tuned; these rules' verdicts on the persona are settled.
STABLE_RULES = frozenset({"personal.email", "personal.phone", "financial.money-amount"})
MONEY = "financial.money-amount"
TERM = PRIVATE_TERM_RULE
DESCRIPTION = ExportLocation("Positions.csv", 1, "Description")
RECOMMENDATION = ExportLocation("Recommendations_Received.csv", 2, "Text")
HALDEN_TITLE = ExportLocation("Positions.csv", 2, "Title")


@cache
def _rules() -> tuple[Rule, ...]:
    rules = tuple(r for r in all_rules(load_packs([builtin_rules_dir()])) if r.id in STABLE_RULES)
    assert {r.id for r in rules} == STABLE_RULES
    return rules


@cache
def _terms() -> Terms:
    lines = (PERSONA / "private-terms.txt").read_text(encoding="utf-8").splitlines()
    return Terms(private=tuple(line.strip() for line in lines if line.strip()))


@cache
def _persona(name: str) -> DocumentReport:
    return audit_document(read(PERSONA / name, Limits()), _rules(), _terms())


def _compare(resume: str, profile: str) -> Comparison:
    return compare(_persona(resume), _persona(profile))


def _exposures(comparison: Comparison) -> list[tuple[str, str, Location, Location | None]]:
    return [(e.rule, e.text, e.profile, e.resume) for e in comparison.exposures]


def _where(report: DocumentReport, needle: str) -> Location:
    """The location of the first segment holding a text, down to its column in a text file."""
    segment = next(s for s in report.document.segments if needle in s.text and not s.hidden)
    if isinstance(segment.location, TextLocation):
        return replace(segment.location, column=segment.text.index(needle) + 1)
    return segment.location


def _pdf_lines(locations: list[Location | None]) -> list[tuple[int, int]]:
    return [(loc.page, loc.line) for loc in locations if isinstance(loc, PdfLocation)]


# The persona's resume (text) against her LinkedIn export


def test_linkedin_exposes_the_copied_figure_and_client_names() -> None:
    comparison = _compare("resume.txt", "linkedin-export")
    assert _exposures(comparison) == [
        (MONEY, "$4.2M", DESCRIPTION, TextLocation(17, 13)),
        (TERM, "Northwind Logistics", DESCRIPTION, TextLocation(19, 48)),
        (TERM, "Brightline Foods", RECOMMENDATION, TextLocation(28, 73)),
    ]


def test_linkedin_reproduces_under_a_third_of_the_experience() -> None:
    comparison = _compare("resume.txt", "linkedin-export")
    # Content is the summary (line 11) and the 14 experience bullets; by normalised characters
    # (no bullet, punctuation or case) they weigh 246 + 77+29+92+81+72+63+83+68 + 122+102+96+71 + 85+32
    # = 1319. The profile copies line 17 ($4.2M, 77: reworded order), 19 (Northwind, 92: "$850K"
    # dropped), 22 (team of 8, 63), 23 (playbook, 83: in Projects.csv) and 31 (forecasting, 71):
    # 386 / 1319 = 0.2926. The paraphrased summary and "ranked among top performers" do not count.
    assert comparison.replacement_ratio == pytest.approx(386 / 1319)
    assert 0.292 < comparison.replacement_ratio < 0.293
    # Of the copied 386 characters, lines 17 and 19 (77 + 92) hold money or a client name.
    assert comparison.resume_only_share == pytest.approx(169 / 386)


def test_linkedin_lacks_these_skills_bullets_and_certificate() -> None:
    comparison = _compare("resume.txt", "linkedin-export")
    assert comparison.suggestions == (
        Suggestion(
            Section.EXPERIENCE,
            "Built a territory of small-business accounts in southern Wisconsin from cold outreach.",
            TextLocation(35),
        ),
        Suggestion(Section.EXPERIENCE, "Named Rookie of the Year in 2013.", TextLocation(36)),
        Suggestion(Section.SKILLS, "Solution selling", TextLocation(45, 26)),
        Suggestion(Section.SKILLS, "Forecasting", TextLocation(45, 57)),
        Suggestion(Section.SKILLS, "HubSpot", TextLocation(46, 20)),
        Suggestion(Section.SKILLS, "Gong", TextLocation(46, 29)),
        Suggestion(Section.SKILLS, "Excel", TextLocation(46, 35)),
        Suggestion(
            Section.CERTIFICATIONS,
            "Value Selling Practitioner – Varen Sales Institute, 2022",
            TextLocation(51),
        ),
    )


def test_linkedin_gives_halden_and_rowe_another_title() -> None:
    comparison = _compare("resume.txt", "linkedin-export")
    assert comparison.mismatches == (
        Mismatch(
            "title", "Senior Account Executive", "Senior Account Manager", TextLocation(26), HALDEN_TITLE
        ),
    )


def test_the_zipped_export_compares_like_the_folder() -> None:
    folder, zipped = _compare("resume.txt", "linkedin-export"), _compare("resume.txt", "linkedin-export.zip")
    assert replace(zipped, profile_path=folder.profile_path) == folder


# The same resume as PDF (wrapped lines, no columns) and as Word (table of skills, no bullet characters)


def test_pdf_resume_gives_the_same_comparison_located_by_page_and_line() -> None:
    comparison = _compare("resume.pdf", "linkedin-export")
    resume = _persona("resume.pdf")
    assert [(e.rule, e.text, e.profile) for e in comparison.exposures] == [
        (MONEY, "$4.2M", DESCRIPTION),
        (TERM, "Northwind Logistics", DESCRIPTION),
        (TERM, "Brightline Foods", RECOMMENDATION),
    ]
    assert _pdf_lines([e.resume for e in comparison.exposures]) == [(1, 15), (1, 17), (1, 25)]
    assert [e.resume for e in comparison.exposures] == [
        _where(resume, "$4.2M"),
        _where(resume, "Northwind"),
        _where(resume, "Brightline"),
    ]
    # The summary wraps over three lines, so its normalised characters split a little differently.
    assert comparison.replacement_ratio == pytest.approx(386 / 1319, abs=0.001)
    assert comparison.resume_only_share == pytest.approx(169 / 386)
    assert [(s.section, s.text) for s in comparison.suggestions] == [
        (s.section, s.text) for s in _compare("resume.txt", "linkedin-export").suggestions
    ]
    assert _pdf_lines([s.resume for s in comparison.suggestions]) == [
        (1, 32), (1, 33), (2, 6), (2, 6), (2, 7), (2, 7), (2, 7), (2, 11)
    ]  # fmt: skip
    assert comparison.mismatches == (
        Mismatch(
            "title",
            "Senior Account Executive",
            "Senior Account Manager",
            _where(resume, "Senior Account Executive"),
            HALDEN_TITLE,
        ),
    )
    assert _pdf_lines([m.resume for m in comparison.mismatches]) == [(1, 23)]


def test_docx_resume_gives_the_same_comparison_located_by_paragraph_and_cell() -> None:
    comparison = _compare("resume.docx", "linkedin-export")

    def body(paragraph: int) -> DocxLocation:
        return DocxLocation(DocxPart.BODY, paragraph)

    def cell(row: int) -> DocxLocation:
        return DocxLocation(DocxPart.TABLE, 1, table=1, row=row, cell=2)

    assert _exposures(comparison) == [
        (MONEY, "$4.2M", DESCRIPTION, body(13)),
        (TERM, "Northwind Logistics", DESCRIPTION, body(15)),
        (TERM, "Brightline Foods", RECOMMENDATION, body(23)),
    ]
    assert comparison.replacement_ratio == pytest.approx(386 / 1319)
    assert comparison.resume_only_share == pytest.approx(169 / 386)
    assert [(s.text, s.resume) for s in comparison.suggestions] == [
        ("Built a territory of small-business accounts in southern Wisconsin from cold outreach.", body(29)),
        ("Named Rookie of the Year in 2013.", body(30)),
        ("Solution selling", cell(1)),
        ("Forecasting", cell(1)),
        ("HubSpot", cell(2)),
        ("Gong", cell(2)),
        ("Excel", cell(2)),
        ("Value Selling Practitioner – Varen Sales Institute, 2022", body(38)),
    ]
    assert comparison.mismatches == (
        Mismatch("title", "Senior Account Executive", "Senior Account Manager", body(21), HALDEN_TITLE),
    )


def test_markdown_resume_reads_past_list_marks_emphasis_and_heading_marks() -> None:
    comparison = _compare("resume.md", "linkedin-export")
    assert [(s.text, s.resume) for s in comparison.suggestions[2:7]] == [
        ("Solution selling", TextLocation(60, 32)),  # - **Sales:** Enterprise sales, Solution selling, …
        ("Forecasting", TextLocation(60, 63)),
        ("HubSpot", TextLocation(61, 26)),
        ("Gong", TextLocation(61, 35)),
        ("Excel", TextLocation(61, 41)),
    ]
    assert comparison.replacement_ratio == pytest.approx(386 / 1319)
    assert comparison.mismatches == (
        Mismatch(
            "title", "Senior Account Executive", "Senior Account Manager", TextLocation(34, 5), HALDEN_TITLE
        ),
    )


def test_json_resume_as_resume_compares_its_work_entries_field_by_field() -> None:
    report = _persona("resume.json")
    resume = replace(report, document=replace(report.document, kind=DocumentKind.RESUME))
    comparison = compare(resume, _persona("linkedin-export"))
    assert comparison.replacement_ratio == pytest.approx(386 / 1319)
    assert [s.text for s in comparison.suggestions] == [
        "Built a territory of small-business accounts in southern Wisconsin from cold outreach.",
        "Named Rookie of the Year in 2013.",
        "Value Selling Practitioner",
        "Solution selling",
        "Forecasting",
        "HubSpot",
        "Gong",
        "Excel",
    ]
    assert comparison.mismatches == (
        Mismatch(
            "title",
            "Senior Account Executive",
            "Senior Account Manager",
            JsonLocation("/work/1/position"),
            HALDEN_TITLE,
        ),
    )


# The JSON Resume published as the profile: a full copy of the resume


def test_json_resume_profile_replaces_the_resume_and_exposes_everything_resume_only() -> None:
    comparison = _compare("resume.txt", "resume.json")

    def at(pointer: str) -> JsonLocation:
        return JsonLocation(pointer)

    assert _exposures(comparison) == [
        ("personal.email", "dana.whitfield@example.com", at("/basics/email"), TextLocation(6, 8)),
        ("personal.phone", "(312) 555-0147", at("/basics/phone"), TextLocation(5, 8)),
        (MONEY, "$4.2M", at("/work/0/highlights/0"), TextLocation(17, 13)),
        (MONEY, "$850K", at("/work/0/highlights/2"), TextLocation(19, 13)),
        (TERM, "Northwind Logistics", at("/work/0/highlights/2"), TextLocation(19, 48)),
        (TERM, "Project Falcon", at("/work/0/highlights/3"), TextLocation(20, 7)),
        (MONEY, "$1.2M", at("/work/0/highlights/4"), TextLocation(21, 13)),
        (MONEY, "$1.1M", at("/work/1/highlights/0"), TextLocation(28, 31)),
        (MONEY, "$2.6M", at("/work/1/highlights/0"), TextLocation(28, 40)),
        (TERM, "Brightline Foods", at("/work/1/highlights/0"), TextLocation(28, 73)),
        (TERM, "Pellmark Analytics", at("/work/1/highlights/1"), TextLocation(29, 63)),
        ("personal.phone", "(312) 555-0183", at("/references/0/reference"), TextLocation(59, 8)),
        ("personal.email", "marcus.okafor@example.org", at("/references/0/reference"), TextLocation(60, 8)),
    ]
    # Every summary and experience line is copied: 1319 of 1319 characters. Resume-only among them:
    # lines 17, 19, 20, 21, 28 and 29 (77 + 92 + 81 + 72 + 122 + 102 = 546).
    assert comparison.replacement_ratio == 1.0
    assert comparison.resume_only_share == pytest.approx(546 / 1319)
    assert comparison.suggestions == ()
    assert comparison.mismatches == ()


@pytest.mark.parametrize("resume", ["resume.pdf", "resume.docx"])
def test_json_resume_profile_copies_all_of_the_pdf_and_docx_resume(resume: str) -> None:
    # In the PDF the summary wraps over three lines and one bullet over two: each piece still counts.
    comparison = _compare(resume, "resume.json")
    assert comparison.replacement_ratio == 1.0
    assert comparison.resume_only_share == pytest.approx(546 / 1319, abs=0.001)
    assert [e.text for e in comparison.exposures] == [
        e.text for e in _compare("resume.txt", "resume.json").exposures
    ]
    assert comparison.suggestions == ()
    assert comparison.mismatches == ()


# Exposures built from hand-made findings


def _document(kind: DocumentKind, lines: list[tuple[Section, str]], location: str = "text") -> Document:
    """A document of one segment per line, located by line or, for "export", in one description cell."""
    segments = [
        Segment(text, DESCRIPTION if location == "export" else TextLocation(number), section)
        for number, (section, text) in enumerate(lines, start=1)
    ]
    fmt = Format.LINKEDIN_EXPORT if location == "export" else Format.TEXT
    return build_document(f"<{kind.value}>", kind, fmt, segments)


def _report(document: Document, flagged: dict[str, tuple[str, Verdict]] | None = None) -> DocumentReport:
    """Audit by hand: every occurrence of a flagged value becomes a finding of its rule and verdict."""
    findings = []
    for segment in document.segments:
        for value, (rule, verdict) in (flagged or {}).items():
            at = segment.text.find(value)
            if at >= 0:
                start = segment.start + at
                finding = Finding(rule, Category.FINANCIAL, Severity.MEDIUM, start, start + len(value), value)
                location = segment.location
                if isinstance(location, TextLocation):
                    location = TextLocation(location.line, at + 1)
                findings.append(
                    LocatedFinding(
                        finding, location, segment.section, False, segment.text, segment.start, verdict, None
                    )
                )
    findings.sort(key=lambda f: f.finding.start)
    return DocumentReport(document, tuple(findings))


EXPERIENCE = Section.EXPERIENCE
COPIED_RESUME = [
    (EXPERIENCE, "EXPERIENCE"),
    (EXPERIENCE, "• Generated $4.2M in new annual recurring revenue for Northwind Logistics in FY2024."),
    (EXPERIENCE, "• Closed an $850K multi-year platform deal after a six-month evaluation."),
    (EXPERIENCE, "• Coached five new account executives through their first enterprise deals."),
]
RESUME_FLAGS = {
    "$4.2M": (MONEY, Verdict.REPLACEMENT),
    "$850K": (MONEY, Verdict.REPLACEMENT),
    "Northwind Logistics": (TERM, Verdict.REPLACEMENT),
}


def test_a_near_copy_exposes_the_values_that_survive_even_without_a_finding_of_its_own() -> None:
    resume = _report(_document(DocumentKind.RESUME, COPIED_RESUME), RESUME_FLAGS)
    profile = _report(
        _document(
            DocumentKind.PROFILE,
            [
                (
                    EXPERIENCE,
                    "Generated $4.2 million in new annual recurring revenue for Northwind Logistics"
                    " in FY2024.",
                ),
                (EXPERIENCE, "Closed a multi-year platform deal after a six-month evaluation."),
            ],
            location="export",
        )
    )
    comparison = compare(resume, profile)
    # "$850K" was dropped from the second copy, so that copy exposes nothing.
    assert _exposures(comparison) == [
        (MONEY, "$4.2 million", DESCRIPTION, TextLocation(2, 13)),
        (TERM, "Northwind Logistics", DESCRIPTION, TextLocation(2, 55)),
    ]
    # Both copied lines carry resume-only values; the third, not copied, does not count.
    assert comparison.resume_only_share == 1.0


def test_a_profile_finding_and_a_surviving_value_on_the_same_span_are_one_exposure() -> None:
    resume = _report(_document(DocumentKind.RESUME, COPIED_RESUME), RESUME_FLAGS)
    lines = [
        (EXPERIENCE, "Generated $4.2M in new annual recurring revenue for Northwind Logistics in FY2024.")
    ]
    profile = _report(_document(DocumentKind.PROFILE, lines), {"Northwind Logistics": (TERM, Verdict.NEVER)})
    assert _exposures(compare(resume, profile)) == [
        (MONEY, "$4.2M", TextLocation(1, 11), TextLocation(2, 13)),
        (TERM, "Northwind Logistics", TextLocation(1, 53), TextLocation(2, 55)),
    ]


def test_public_safe_profile_findings_and_unknown_values_are_placed_or_left_out() -> None:
    resume = _report(_document(DocumentKind.RESUME, COPIED_RESUME), RESUME_FLAGS)
    lines = [
        (EXPERIENCE, "Spoke at the Logistics Summit 2024."),
        (EXPERIENCE, "Raised $3.1M for the food bank."),
    ]
    profile = _report(
        _document(DocumentKind.PROFILE, lines),
        {"Logistics Summit": ("note.event", Verdict.COMPLEMENT), "$3.1M": (MONEY, Verdict.REPLACEMENT)},
    )
    # A complement finding is no exposure; a value the resume does not hold has no resume place.
    assert _exposures(compare(resume, profile)) == [(MONEY, "$3.1M", TextLocation(2, 8), None)]


# Mismatches: dates in any common form, titles and employers, conservatively


MISMATCH_RESUME = [
    (EXPERIENCE, "EXPERIENCE"),
    (EXPERIENCE, "Senior Account Executive, Halden & Rowe Software"),
    (EXPERIENCE, "Milwaukee, WI | Mar 2019 – Feb 2021"),
    (EXPERIENCE, "• Sold to Northwind Logistics and Corvane Systems."),
    (EXPERIENCE, "Sales Representative, Tessaly Office Supply"),
    (EXPERIENCE, "Milwaukee, WI | Aug 2012 – May 2016"),
]


def _position(company: str, title: str, start: str, end: str = "") -> Document:
    fields = [("name", company), ("position", title), ("startDate", start), ("endDate", end)]
    segments = [Segment(v, JsonLocation(f"/work/0/{k}"), Section.EXPERIENCE) for k, v in fields if v]
    return build_document("<profile>", DocumentKind.PROFILE, Format.JSON_RESUME, segments)


def _mismatches(profile: Document) -> tuple[Mismatch, ...]:
    return compare(_report(_document(DocumentKind.RESUME, MISMATCH_RESUME)), _report(profile)).mismatches


@pytest.mark.parametrize(
    "start", ["Mar 2019", "March 2019", "mar. 2019", "2019-03", "2019-03-15", "03/2019", "3/2019", "2019"]
)
def test_the_same_start_written_any_common_way_is_no_mismatch(start: str) -> None:
    assert (
        _mismatches(_position("Halden & Rowe Software", "Senior Account Executive", start, "2021-02")) == ()
    )


@pytest.mark.parametrize(
    ("start", "end", "cell"),
    [
        ("Apr 2019", "Feb 2021", "startDate"),
        ("2018-03", "2021-02", "startDate"),
        ("Mar 2019", "Mar 2021", "endDate"),
        # Still going on according to the profile: only the start cell can be pointed at.
        ("03/2019", "", "startDate"),
    ],
)
def test_a_different_start_or_end_is_a_dates_mismatch(start: str, end: str, cell: str) -> None:
    profile = _position("Halden & Rowe Software", "Senior Account Executive", start, end)
    shown = f"{start} – {end or 'Present'}"
    assert _mismatches(profile) == (
        Mismatch("dates", "Mar 2019 – Feb 2021", shown, TextLocation(3, 17), JsonLocation(f"/work/0/{cell}")),
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Senior Account Executive", ()),
        ("Sr. Account Exec", ()),
        ("Senior Account Executive II", ()),
        ("Senior Account Executive (Midwest)", ()),
        ("Senior Account Manager", ("Senior Account Executive", "Senior Account Manager")),
        ("Account Executive", ("Senior Account Executive", "Account Executive")),
        # Nothing in common with the resume's title: maybe another role there, so nothing is claimed.
        ("Regional Director", None),
    ],
)
def test_titles_differ_only_when_clearly_the_same_role_written_differently(
    title: str, expected: tuple[str, str] | None
) -> None:
    found = _mismatches(_position("Halden & Rowe Software", title, "Mar 2019", "Feb 2021"))
    if expected:
        assert found == (Mismatch("title", *expected, TextLocation(2), JsonLocation("/work/0/position")),)
    else:
        assert found == ()


def test_a_misspelt_employer_with_the_same_title_is_an_employer_mismatch() -> None:
    profile = _position("Halden & Rowe Softworks", "Senior Account Executive", "Jan 2010")
    assert _mismatches(profile) == (
        Mismatch(
            "employer",
            "Halden & Rowe Software",
            "Halden & Rowe Softworks",
            TextLocation(2, 27),
            JsonLocation("/work/0/name"),
        ),
    )


@pytest.mark.parametrize(
    "profile",
    [
        _position("Halden & Rowe Softworks", "Buyer", "Jan 2010"),  # similar name, nothing else agrees
        _position("Acme Analytics", "Senior Account Manager", "Mar 2019"),  # not on the resume at all
        _position("Northwind Logistics", "Account Manager", "Jan 2015"),  # named only inside a bullet
        _position(
            "Halden & Rowe Software", "Senior Account Executive", "Jan 2005", "Dec 2007"
        ),  # other stint
    ],
)
def test_uncertain_positions_give_no_mismatch(profile: Document) -> None:
    assert _mismatches(profile) == ()


def _pdf_roles(company: str, *roles: tuple[str, str]) -> Document:
    """A LinkedIn PDF's company line over (title, date line) roles, tagged as its reader tags them."""
    entries = [("Experience", n) for n in range(len(roles))]
    segments = [
        Segment(company, PdfLocation(1, 1, job=JobField(entries[0], JobPart.COMPANY, tuple(entries[1:]))))
    ]
    for n, (title, dates) in enumerate(roles):
        for offset, (text, part) in enumerate([(title, JobPart.TITLE), (dates, JobPart.DATES)]):
            location = PdfLocation(1, 2 + 2 * n + offset, job=JobField(entries[n], part))
            segments.append(Segment(text, location, Section.EXPERIENCE))
    return build_document("<profile>", DocumentKind.PROFILE, Format.LINKEDIN_PDF, segments)


@pytest.mark.parametrize(
    ("dates", "shown", "line"),
    [
        ("March 2019 - February 2021 (2 years)", None, 0),
        ("2019 - 2021 (3 years)", None, 0),
        ("April 2019 - February 2021 (1 year 11 months)", "April 2019 – February 2021", 3),
        ("March 2019 - Present (5 years 9 months)", "March 2019 – Present", 3),
    ],
)
def test_a_pdf_date_line_is_compared_as_a_start_and_an_end(dates: str, shown: str | None, line: int) -> None:
    found = _mismatches(_pdf_roles("Halden & Rowe Software", ("Senior Account Executive", dates)))
    if shown is None:
        assert found == ()
    else:
        [mismatch] = found
        assert (mismatch.field, mismatch.resume_value, mismatch.profile_value) == (
            "dates",
            "Mar 2019 – Feb 2021",
            shown,
        )
        assert (mismatch.resume, mismatch.profile) == (
            TextLocation(3, 17),
            PdfLocation(1, line, job=JobField(("Experience", 0), JobPart.DATES)),
        )


def test_each_role_under_a_shared_company_line_is_compared_with_that_company() -> None:
    profile = _pdf_roles(
        "Halden & Rowe Software",
        ("Regional Director", "March 2021 - Present (1 year)"),
        ("Senior Account Manager", "March 2019 - February 2021 (2 years)"),
    )
    title = PdfLocation(1, 4, job=JobField(("Experience", 1), JobPart.TITLE))
    assert _mismatches(profile) == (
        Mismatch("title", "Senior Account Executive", "Senior Account Manager", TextLocation(2), title),
    )


# Properties: a copy replaces, a stranger's profile neither replaces nor exposes


WORDS = st.text(alphabet="abcdefghij", min_size=2, max_size=9)
OTHER_WORDS = st.text(alphabet="qrstuvwxyz", min_size=2, max_size=9)


def _bullets(words: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    line = st.lists(words, min_size=3, max_size=14).map(lambda ws: "• " + " ".join(ws).capitalize() + ".")
    return st.lists(line, min_size=1, max_size=12)


def _resume_lines(bullets: list[str], skills: list[str]) -> list[tuple[Section, str]]:
    return [
        (Section.SUMMARY, "SUMMARY"),
        (Section.SUMMARY, bullets[0].lstrip("• ")),
        (EXPERIENCE, "EXPERIENCE"),
        *((EXPERIENCE, b) for b in bullets),
        (Section.SKILLS, "SKILLS"),
        (Section.SKILLS, "Tools: " + ", ".join(skills)),
    ]


@settings(max_examples=60, deadline=None)
@given(bullets=_bullets(WORDS), skills=st.lists(WORDS, min_size=1, max_size=6), data=st.data())
def test_a_profile_identical_to_the_resume_replaces_it_entirely(
    bullets: list[str], skills: list[str], data: st.DataObject
) -> None:
    lines = _resume_lines(bullets, skills)
    flags = {bullets[0].split()[1]: (MONEY, Verdict.REPLACEMENT)}
    resume = _report(_document(DocumentKind.RESUME, lines), flags)
    shuffled = data.draw(st.permutations(lines))
    for profile_lines in (lines, shuffled):
        comparison = compare(resume, _report(_document(DocumentKind.PROFILE, profile_lines)))
        assert comparison.replacement_ratio == 1.0
        assert comparison.suggestions == ()
        assert comparison.mismatches == ()
        assert 0.0 < comparison.resume_only_share <= 1.0


@settings(max_examples=60, deadline=None)
@given(bullets=_bullets(WORDS), other=_bullets(OTHER_WORDS), skills=st.lists(WORDS, min_size=1, max_size=6))
def test_an_empty_or_unrelated_profile_copies_and_exposes_nothing(
    bullets: list[str], other: list[str], skills: list[str]
) -> None:
    lines = _resume_lines(bullets, skills)
    flags = {b.split()[1]: (MONEY, Verdict.REPLACEMENT) for b in bullets}
    resume = _report(_document(DocumentKind.RESUME, lines), flags)
    for profile_lines in ([], _resume_lines(other, ["zz"])):
        comparison = compare(resume, _report(_document(DocumentKind.PROFILE, profile_lines)))
        assert comparison.replacement_ratio == 0.0
        assert comparison.resume_only_share == 0.0
        assert comparison.exposures == ()
        assert comparison.mismatches == ()


@settings(max_examples=100, deadline=None)
@given(
    resume_lines=st.lists(st.tuples(st.sampled_from(list(Section)), st.text(min_size=1)), max_size=12),
    profile_lines=st.lists(st.tuples(st.sampled_from(list(Section)), st.text(min_size=1)), max_size=12),
)
def test_any_text_compares_to_shares_between_zero_and_one(
    resume_lines: list[tuple[Section, str]], profile_lines: list[tuple[Section, str]]
) -> None:
    comparison = compare(
        _report(_document(DocumentKind.RESUME, resume_lines)),
        _report(_document(DocumentKind.PROFILE, profile_lines, location="export")),
    )
    assert 0.0 <= comparison.replacement_ratio <= 1.0
    assert 0.0 <= comparison.resume_only_share <= 1.0


# Real exports beside the repository


def _count_scoring(monkeypatch: pytest.MonkeyPatch) -> tuple[list[int], Counter[str]]:
    """Count the candidates each rapidfuzz scorer is given, and the (resume, profile) unit pairs."""
    pairs, scored = [0], Counter[str]()
    real_match, real_extract = matching.match_units, matching.process.extract

    def match(resume_units: Sequence[Unit], profile_units: Sequence[Unit]) -> tuple[Match, ...]:
        pairs[0] = len(resume_units) * len(profile_units)
        return real_match(resume_units, profile_units)

    def extract(key: str, choices: Sequence[str], **options: Any) -> list[Any]:
        scored[options["scorer"].__name__] += len(choices)
        return real_extract(key, choices, **options)

    monkeypatch.setattr(compare_package, "match_units", match)
    monkeypatch.setattr(matching.process, "extract", extract)
    return pairs, scored


def _exports(shared: Path) -> list[Path]:
    folders = sorted(p for p in (shared / "corpus/profiles/linkedin-export").iterdir() if p.is_dir())
    found = []
    for folder in folders:
        try:
            if sniff(folder, Limits()) is Format.LINKEDIN_EXPORT:
                found.append(folder)
        except InputError:
            continue  # the 2015 API JSON kept beside the exports is not an export
    return found


def test_every_real_export_compares_with_a_real_resume_in_at_most_two_looks_per_pair(
    shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Work is counted, not timed: a scorer sees a pair of units at most twice (alone, and joined)."""
    resumes = sorted((shared / "corpus/resumes/text").glob("*.txt"))
    exports = _exports(shared)
    assert len(exports) >= 6 and resumes
    rules = all_rules(load_packs([builtin_rules_dir()]))
    for export, resume_path in zip(exports, itertools.cycle(resumes), strict=False):
        profile = audit_document(read(export, Limits()), rules)
        resume = audit_document(read(resume_path, Limits()), rules)
        pairs, scored = _count_scoring(monkeypatch)
        comparison = compare(resume, profile)
        assert sum(scored.values()) > 0 and all(n <= 2 * pairs[0] for n in scored.values()), export.name
        # Strangers: no copied experience and no contradicted job.
        assert comparison.replacement_ratio < 0.05, export.name
        assert comparison.mismatches == (), export.name
        exposed = {(e.rule, e.text) for e in comparison.exposures}
        assert exposed == {
            (f.finding.rule, f.finding.text) for f in profile.findings if f.verdict is not Verdict.COMPLEMENT
        }


def test_a_real_resume_and_its_owners_linkedin_positions_disagree_only_where_they_do(
    shared: Path, tmp_path: Path
) -> None:
    other = shared / "corpus/resumes/other"
    (tmp_path / "Positions.csv").write_bytes((other / "bsdpunk_linkedin_Positions.csv").read_bytes())
    (tmp_path / "Skills.csv").write_text("Name\n", encoding="utf-8")
    rules = all_rules(load_packs([builtin_rules_dir()]))
    resume = audit_document(read(shared / "corpus/resumes/pdf/bsdpunk_FullResume.pdf", Limits()), rules)
    comparison = compare(resume, audit_document(read(tmp_path, Limits()), rules))
    # Each was checked by hand against the PDF: the resume and Positions.csv really differ there.
    found = [(m.field, m.resume_value, m.profile_value, m.profile) for m in comparison.mismatches]

    def row(number: int, column: str) -> ExportLocation:
        return ExportLocation("Positions.csv", number, column)

    assert found == [
        ("dates", "September 2013 – August 2014", "Sep 2013 – Sep 2014", row(4, "Finished On")),
        ("title", "Developer/Unix Admin", "Linux Administrator", row(5, "Title")),
        ("dates", "January 2012 – October 2012", "Jan 2012 – Apr 2012", row(6, "Finished On")),
        ("dates", "December 2007 - September 2008", "Dec 2007 – Oct 2008", row(12, "Finished On")),
    ]
