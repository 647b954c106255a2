"""A name found once is found at its other mentions; the document's own employer never is."""

from __future__ import annotations

import pytest

from discreet.echoes import echo_findings
from discreet.employers import employer_names
from discreet.model import Category, Finding, Severity

_BANK = "Granite Bank of Ruritania"


def _found(text: str, *names: str) -> list[Finding]:
    return [
        Finding("t.client", Category.CONFIDENTIAL, Severity.HIGH, text.index(n), text.index(n) + len(n), n)
        for n in names
    ]


@pytest.mark.parametrize(
    ("text", "names", "echoed"),
    [
        # As written, in capitals and in title case; never inside the first finding again.
        ("Clients: Orvane. ORVANE grew; Orvane renewed.", ["Orvane"], [(17, 23), (30, 36)]),
        ("Client: Kesta Labs. Kesta\nLabs renewed.", ["Kesta Labs"], []),
        ("Client: KESTA LABS. Kesta Labs renewed.", ["KESTA LABS"], [(20, 30)]),
        # A word the document also writes in lower case is an ordinary word.
        ("Clients: Total. Total cost fell; the total rose.", ["Total"], []),
        # The whole name only: not the first word of a longer name.
        ("Clients: Microsoft. Microsoft Office and Microsoft.", ["Microsoft"], [(41, 50)]),
        # Plurals of kinds of people, short names and punctuation are not echoed.
        ("Solutions for Marines. Marines trained.", ["Marines"], []),
        ("Client: HP. HP printers.", ["HP"], []),
        # An abbreviation in brackets that spells the name's capitals stands for it.
        (
            "Client: Granite Bank of Ruritania (GBR). Informed GBR.",
            ["Granite Bank of Ruritania"],
            [(35, 38), (50, 53)],
        ),
        ("Clients: Merck (PBM). PBM rules.", ["Merck"], []),
        # Three or more capitalised words are abbreviated by their initials, brackets or not.
        ("Client: Granite Bank of Ruritania. Informed GBR; gbr.", ["Granite Bank of Ruritania"], []),
        ("Client: Granite Bank of Ruritania. Informed GBR.", ["Granite Bank of Ruritania"], [(44, 47)]),
        ("Client: Kesta Labs. Informed KL.", ["Kesta Labs"], []),
    ],
)
def test_echoes(text: str, names: list[str], echoed: list[tuple[int, int]]) -> None:
    found = _found(text, *names)
    assert [(f.start, f.end) for f in echo_findings(text, found)] == echoed
    assert all(f.rule == "t.client" for f in echo_findings(text, found))


def test_echo_respects_the_callers_sections() -> None:
    text = "Clients: Orvane. Skills: Orvane"
    assert echo_findings(text, _found(text, "Orvane"), lambda f: f.start < 20) == []


@pytest.mark.parametrize(
    ("text", "employers"),
    [
        ("company - Brightwave Tech. Client: Osprey", {"brightwave tech"}),
        ("Employer: HALDEN CORP\nRole: analyst", {"halden corp"}),
        ("Projects completed at Norvale, India: refinery", {"norvale"}),
        ("Joined Acme Foods as an analyst in 2019", {"acme foods"}),
        ("Worked at a rapid pace to meet deadlines", set()),
        ("company - Sunridge Bank\nProject Profile: Sunridge Bank is a bank", set()),
        ("Sold to Acme Foods, Dixon and Costmart", set()),
        ("Closed deals with Orchard Bank (my current employer), Penrose Gym", {"orchard bank"}),
        ("Closed deals with Orchard Bank (an employer of 900), Penrose Gym", set()),
    ],
)
def test_employer_names(text: str, employers: set[str]) -> None:
    assert employer_names(text) == employers
