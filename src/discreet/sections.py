"""Recognise resume section headings and name the section they open."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from discreet.model import Section

_HEADINGS: dict[Section, tuple[str, ...]] = {
    Section.CONTACT: (
        "contact",
        "contact information",
        "contact info",
        "contact details",
        "personal details",
        "personal information",
        "personal info",
        "personal data",
        "personal profile",
    ),
    Section.SUMMARY: (
        "summary",
        "professional summary",
        "executive summary",
        "career summary",
        "profile",
        "professional profile",
        "about",
        "about me",
        "objective",
        "career objective",
        "career overview",
        "overview",
        "highlights",
        "summary of qualifications",
        "qualifications summary",
        "career highlights",
        "executive profile",
    ),
    Section.EXPERIENCE: (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "relevant experience",
        "experience details",
        "company details",
        "positions",
        "professional background",
        "volunteer experience",
        "volunteering",
        "internships",
        "internship",
    ),
    Section.EDUCATION: (
        "education",
        "education and training",
        "education details",
        "academic background",
        "academic qualifications",
        "educational qualifications",
        "academics",
        "qualifications",
        "education & training",
        "courses",
        "coursework",
    ),
    Section.SKILLS: (
        "skills",
        "technical skills",
        "key skills",
        "core skills",
        "skill highlights",
        "core competencies",
        "competencies",
        "areas of expertise",
        "expertise",
        "top skills",
        "languages",
        "tools",
        "technologies",
        "skills & abilities",
        "skills and abilities",
        "interests",
    ),
    Section.PROJECTS: ("projects", "key projects", "project details", "personal projects", "project"),
    Section.AWARDS: (
        "awards",
        "honors",
        "honours",
        "honors-awards",
        "achievements",
        "accomplishments",
        "awards and honors",
        "honors and awards",
        "recognition",
    ),
    Section.PUBLICATIONS: ("publications", "papers", "presentations", "patents"),
    Section.CERTIFICATIONS: (
        "certifications",
        "certificates",
        "licenses",
        "licenses & certifications",
        "certifications and licenses",
        "certification",
    ),
    Section.REFERENCES: (
        "references",
        "referees",
        "professional references",
        "reference",
        # A misspelling common enough in real resumes to be a heading of its own.
        "referances",
    ),
    Section.OTHER: (
        "additional information",
        "activities",
        "affiliations",
        "organizations",
        "memberships",
        "other",
        "hobbies",
        "declaration",
    ),
}

_DECORATION = regex.compile(r"^[\s#*_=\-•:|]+|[\s#*_=\-•:|]+$")
_SPACES = regex.compile(r"\s+")
# Zero-width spaces and joiners, which some exported resumes put between every word.
_INVISIBLE = regex.compile(r"\p{Cf}+")


def _key(name: str) -> str:
    name = _SPACES.sub(" ", _DECORATION.sub("", _INVISIBLE.sub("", name)))
    return str(name).casefold().replace("&", "and")


_BY_NAME = {_key(name): section for section, names in _HEADINGS.items() for name in names}


def heading_section(line: str) -> Section | None:
    """Return the section a heading line opens, or None when the line is not a heading."""
    if len(line) > 48:
        return None
    return _BY_NAME.get(_key(line))


def sections_for(lines: Sequence[str], first: Section = Section.CONTACT) -> list[Section]:
    """Give each line the section opened by the nearest heading above it (or itself)."""
    current = first
    result = []
    for line in lines:
        current = heading_section(line.strip()) or current
        result.append(current)
    return result
