"""The language seam: headings and dates read from a word set, so a second language is data."""

from __future__ import annotations

import pytest

from discreet.dates import date_reader
from discreet.language import Language
from discreet.languages import LANGUAGES
from discreet.languages.en import ENGLISH
from discreet.model import Section
from discreet.sections import heading_section, sections_for

# A tiny second word set, enough to read a German resume's structure and dates.
GERMAN = Language(
    code="de-test",
    headings={Section.EXPERIENCE: ("Berufserfahrung",), Section.EDUCATION: ("Ausbildung",)},
    months=(
        ("jan", "januar"),
        ("feb", "februar"),
        ("mär", "märz"),
        ("apr", "april"),
        ("mai",),
        ("jun", "juni"),
        ("jul", "juli"),
        ("aug", "august"),
        ("sep", "september"),
        ("okt", "oktober"),
        ("nov", "november"),
        ("dez", "dezember"),
    ),
    ongoing=("heute", "aktuell"),
    until=("bis",),
    title_words={"ltr": "leiter"},
    stopwords=("der", "die", "das"),
    levels=(),
    rewrite=ENGLISH.rewrite,
)


def test_a_second_word_set_reads_its_own_headings() -> None:
    lines = ["Max Muster", "BERUFSERFAHRUNG", "Vertriebsleiter", "Ausbildung:", "Universität", "Experience"]
    assert sections_for(lines, language=GERMAN) == [
        Section.CONTACT,
        Section.EXPERIENCE,
        Section.EXPERIENCE,
        Section.EDUCATION,
        Section.EDUCATION,
        Section.EDUCATION,
    ]
    assert heading_section("Experience") is Section.EXPERIENCE
    assert heading_section("Berufserfahrung") is None


def test_a_second_word_set_reads_its_own_dates() -> None:
    line = "Vertriebsleiter, März 2019 bis heute"
    assert date_reader(GERMAN).ranges(line) == [(17, "März 2019 bis heute", ((2019, 3), None))]
    assert date_reader(GERMAN).parse_range("Mai 2015", "Dez. 2018") == ((2015, 5), (2018, 12))
    assert date_reader(ENGLISH).ranges(line) == []


@pytest.mark.parametrize(
    ("text", "date"),
    [("Sept 2019", (2019, 9)), ("SEPTEMBER 2019", (2019, 9)), ("2019-03", (2019, 3)), ("2019", (2019, None))],
)
def test_english_dates(text: str, date: tuple[int, int | None]) -> None:
    assert date_reader(ENGLISH).parse_date(text) == date


def test_english_ranges_end_at_present() -> None:
    assert date_reader(ENGLISH).ranges("Sales Lead, Jan 2018 – Present") == [
        (12, "Jan 2018 – Present", ((2018, 1), None))
    ]


def test_a_language_needs_twelve_months() -> None:
    with pytest.raises(ValueError, match="twelve months"):
        Language("xx", {}, GERMAN.months[:11], (), (), {}, (), (), ENGLISH.rewrite)


def test_the_registry_names_each_language_by_its_code() -> None:
    assert LANGUAGES == {"en": ENGLISH}
