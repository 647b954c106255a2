"""The jobs of a LinkedIn PDF's Experience section, found from line sizes, order and date lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from discreet.model import JobField, JobPart, Limits, Section
from discreet.parsers.pdf import PdfLocation
from discreet.parsers.pdfjobs import is_date_line, job_fields
from discreet.read import read

# Line heights PDFium gives LinkedIn's 12 pt company, 11.5 pt title and 10.5 pt text, and its headings.
COMPANY, TITLE, TEXT, HEADING = 16.88, 16.18, 14.77, 22.16
EXPERIENCE, EDUCATION = Section.EXPERIENCE, Section.EDUCATION


def job(entry: int, part: JobPart, *also: int) -> JobField:
    return JobField(("Experience", entry), part, tuple(("Experience", n) for n in also))


@pytest.mark.parametrize(
    "text",
    [
        "March 2021 - Present (3 years 10 months)",
        "2019 - 2021",
        "2017\u00a0-\u00a02020\u00a0(3 years)",
        "2011 - 2011 (less than a year)",
        "April 2022 - April 2022 (1 month)",
        "January 2013 - Present",
    ],
)
def test_a_roles_date_line_is_known_by_its_pattern(text: str) -> None:
    assert is_date_line(text)


@pytest.mark.parametrize(
    "text",
    [
        "Marketing Manager",
        "7 years 10 months",
        "In 2019 - 2021 I led the team.",
        "March 2021 - Present (3 years 10 months) in Chicago",
        "Bachelor of Arts · (2008 - 2012)",
    ],
)
def test_other_lines_are_not_date_lines(text: str) -> None:
    assert not is_date_line(text)


def test_roles_at_one_company_share_its_line_under_a_total_duration() -> None:
    lines = [
        ("Experience", HEADING, EXPERIENCE),
        ("Gladstone Institutes", COMPANY, EXPERIENCE),
        ("21 years 3 months", TEXT, EXPERIENCE),
        ("Core Director", TITLE, EXPERIENCE),
        ("January 2020 - Present (5 years 6 months)", TEXT, EXPERIENCE),
        ("San Francisco, California, United States", TEXT, EXPERIENCE),
        ("Led the core.", TEXT, EXPERIENCE),
        ("Associate Director", TITLE, EXPERIENCE),
        ("January 2013 - January 2020 (7 years 1 month)", TEXT, EXPERIENCE),
        ("Cytoscape Consortium", COMPANY, EXPERIENCE),
        ("Vice President", TITLE, EXPERIENCE),
        ("2013 - 2020 (7 years)", TEXT, EXPERIENCE),
        ("Ran the board.", TEXT, EXPERIENCE),
        ("Education", HEADING, EDUCATION),
    ]
    assert job_fields(lines) == [
        None,
        job(0, JobPart.COMPANY, 1),
        None,
        job(0, JobPart.TITLE),
        job(0, JobPart.DATES),
        None,
        None,
        job(1, JobPart.TITLE),
        job(1, JobPart.DATES),
        job(2, JobPart.COMPANY),
        job(2, JobPart.TITLE),
        job(2, JobPart.DATES),
        None,
        None,
    ]


def test_a_title_after_another_companys_role_is_not_given_that_company() -> None:
    lines = [
        ("Acme", COMPANY, EXPERIENCE),
        ("Engineer", TITLE, EXPERIENCE),
        ("2015 - 2019", TEXT, EXPERIENCE),
        ("Built things.", TEXT, EXPERIENCE),
        # No company line and no total duration above: LinkedIn never lists a role like this alone.
        ("Lead Engineer", TITLE, EXPERIENCE),
        ("2019 - 2021", TEXT, EXPERIENCE),
    ]
    assert job_fields(lines) == [
        job(0, JobPart.COMPANY),
        job(0, JobPart.TITLE),
        job(0, JobPart.DATES),
        None,
        None,
        None,
    ]


def test_a_wrapped_title_is_left_untagged_and_a_wrapped_company_leaves_its_roles_untagged() -> None:
    lines = [
        ("Genentech", COMPANY, EXPERIENCE),
        ("Senior Content Design and Execution Lead, Medical Information &", TITLE, EXPERIENCE),
        ("Communication, Medical Affairs", TITLE, EXPERIENCE),
        ("July 2024 - November 2024 (5 months)", TEXT, EXPERIENCE),
        ("Department of Anesthesiology, School of Medicine, University of", COMPANY, EXPERIENCE),
        ("North Carolina at Chapel Hill", COMPANY, EXPERIENCE),
        ("9 years", TEXT, EXPERIENCE),
        ("Assistant Professor", TITLE, EXPERIENCE),
        ("January 2004 - June 2010 (6 years 6 months)", TEXT, EXPERIENCE),
        ("Instructor", TITLE, EXPERIENCE),
        ("2001 - 2004 (3 years)", TEXT, EXPERIENCE),
    ]
    assert job_fields(lines) == [job(0, JobPart.COMPANY), None, None, job(0, JobPart.DATES), *[None] * 7]


def test_lines_outside_experience_and_a_layout_of_one_size_hold_no_jobs() -> None:
    education = [("Lakeshore State University", COMPANY, EDUCATION), ("BBA", TITLE, EDUCATION)]
    education.append(("2008 - 2012", TEXT, EDUCATION))
    # The 2016-2018 layout: "Title at Company" and its dates in one size; splitting at "at" would guess.
    legacy = [("Engineer at Acme", 13.52, EXPERIENCE), ("May 2014 - Present (2 years)", 13.52, EXPERIENCE)]
    assert job_fields(education) == [None, None, None]
    assert job_fields(legacy) == [None, None]


# --- real LinkedIn PDFs -----------------------------------------------------------------------


def corpus_jobs(shared: Path, layout: str) -> dict[str, list[tuple[str, JobField]]]:
    """Each corpus PDF of a layout's (name, [(text, job)]) for its tagged lines."""
    folder = shared / "corpus" / "profiles" / "linkedin-pdf"
    pdfs = sorted(folder.glob("*/*/Profile.pdf" if layout == "current" else "*/*.pdf"))
    found = {}
    for pdf in pdfs:
        segments = read(pdf, Limits()).segments
        found[pdf.parent.name if layout == "current" else pdf.stem] = [
            (s.text, j)
            for s in segments
            if isinstance(s.location, PdfLocation) and (j := s.location.job_field()) is not None
        ]
    return found


def test_every_role_found_in_real_current_profiles_has_one_company_and_its_dates(shared: Path) -> None:
    found = corpus_jobs(shared, "current")
    entries: dict[tuple[str, tuple[str, int]], dict[JobPart, str]] = {}
    for name, tagged in found.items():
        for text, field in tagged:
            for entry in (field.entry, *field.also):
                entries.setdefault((name, entry), {})[field.part] = text
    assert len(found) == 18
    assert all(JobPart.COMPANY in e and JobPart.DATES in e for e in entries.values())
    assert all(is_date_line(e[JobPart.DATES]) for e in entries.values())
    assert not [e for e in entries.values() if JobPart.TITLE in e and is_date_line(e[JobPart.TITLE])]
    # Checked by eye: 133 date lines in their Experience sections; the 3 roles under a company name
    # that wraps (eric, karamarie, kyrsten) are left out; 6 titles wrap and stay untagged.
    assert len(entries) == 130
    assert sum(JobPart.TITLE in e for e in entries.values()) == 124
    # A few checked against the PDFs: a company of five roles, one of two, and a single role.
    assert {n: [t for t, j in jobs if j.part is JobPart.COMPANY and j.also] for n, jobs in found.items()}[
        "alex"
    ] == ["Gladstone Institutes", "National Resource for Network Biology"]
    assert found["benjamin"][:3] == [
        ("Gladstone Institutes", job(0, JobPart.COMPANY)),
        ("Bioinformatician", job(0, JobPart.TITLE)),
        ("May 2023 - September 2023 (5 months)", job(0, JobPart.DATES)),
    ]
    assert found["alex"][0] == ("Gladstone Institutes", job(0, JobPart.COMPANY, 1, 2, 3, 4))


def test_real_legacy_profiles_are_left_untagged(shared: Path) -> None:
    found = corpus_jobs(shared, "legacy")
    assert (len(found), [name for name, tagged in found.items() if tagged]) == (10, [])
