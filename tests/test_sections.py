"""Section headings are recognised in their common spellings and carried over the lines below."""

from __future__ import annotations

import pytest

from discreet.model import Section
from discreet.sections import heading_section, sections_for


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("EXPERIENCE", Section.EXPERIENCE),
        ("## Work Experience", Section.EXPERIENCE),
        ("Professional Summary:", Section.SUMMARY),
        ("Skills & Abilities", Section.SKILLS),
        ("Skills and Abilities", Section.SKILLS),
        ("Top Skills", Section.SKILLS),
        ("Licenses & Certifications", Section.CERTIFICATIONS),
        ("REFERENCES", Section.REFERENCES),
        ("Referances", Section.REFERENCES),
        ("Honors-Awards", Section.AWARDS),
        ("Work\u200b \u200bExperience", Section.EXPERIENCE),
        ("Grew sales 37% in the West region", None),
        ("Experience with Python and SQL across three teams", None),
    ],
)
def test_heading_section(line: str, section: Section | None) -> None:
    assert heading_section(line) is section


def test_sections_carry_forward_from_contact() -> None:
    lines = ["Dana Whitfield", "555-0100", "Experience", "Sold things", "References", "Jo Park"]
    assert sections_for(lines) == [
        Section.CONTACT,
        Section.CONTACT,
        Section.EXPERIENCE,
        Section.EXPERIENCE,
        Section.REFERENCES,
        Section.REFERENCES,
    ]
