"""Sentences: where they start and end across wrapped lines, and one rewrite for each."""

from __future__ import annotations

import pytest

from discreet.api import audit_text
from discreet.model import DocumentKind, Format
from discreet.parsers.text import document_from_text
from discreet.rewrite.boundaries import sentence_at, sentence_spans


def sentences(text: str) -> list[str]:
    document = document_from_text(text, "<test>", Format.TEXT, DocumentKind.RESUME)
    return [text[start:end] for start, end in sentence_spans(document)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A line that goes on in lower case, or after a word no sentence ends on, is one sentence.
        (
            "Led a key client rollout across 14\nregions in two years.",
            ["Led a key client rollout across 14\nregions in two years."],
        ),
        (
            "Grew revenue for the\nWest region by 30%.",
            ["Grew revenue for the\nWest region by 30%."],
        ),
        # A line that ends in a stop, opens with a bullet or a capital after a full word is its own.
        ("Grew revenue by 30%.\nCut costs by 12%.", ["Grew revenue by 30%.", "Cut costs by 12%."]),
        ("Sales Manager\nAcme Corp", ["Sales Manager", "Acme Corp"]),
        ("Grew revenue for the West\n• Cut costs", ["Grew revenue for the West", "• Cut costs"]),
        ("Dana Okafor\n4127 Quillfeather Lane", ["Dana Okafor", "4127 Quillfeather Lane"]),
        # Headings stay apart from what follows them.
        ("Experience\nled the rollout.", ["Experience", "led the rollout."]),
        # A paragraph breaks at stops that end no abbreviation or initial.
        (
            "Grew revenue by 30%. Cut costs by 12%. Hired ten reps.",
            ["Grew revenue by 30%.", "Cut costs by 12%.", "Hired ten reps."],
        ),
        (
            "Joined Acme Inc. in 2019 with Dr. Roe and J. Smith. Sold Rs. 60 lakh of stock.",
            ["Joined Acme Inc. in 2019 with Dr. Roe and J. Smith.", "Sold Rs. 60 lakh of stock."],
        ),
        ("Worked in the U.S. Army for e.g. logistics.", ["Worked in the U.S. Army for e.g. logistics."]),
        ("Grew revenue by 3.5x. Then left.", ["Grew revenue by 3.5x.", "Then left."]),
    ],
)
def test_sentences_of_a_text(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_a_line_of_another_section_does_not_carry_on() -> None:
    assert sentences("Summary\nGrew sales for the\nExperience\nled teams") == [
        "Summary",
        "Grew sales for the",
        "Experience",
        "led teams",
    ]


def test_the_sentence_at_an_offset() -> None:
    spans = ((0, 10), (11, 20), (25, 30))
    assert [sentence_at(spans, offset) for offset in (0, 9, 10, 11, 24, 29)] == [
        (0, 10),
        (0, 10),
        (0, 10),
        (11, 20),
        (11, 20),
        (25, 30),
    ]


def test_findings_of_one_sentence_across_lines_share_one_rewrite_and_span() -> None:
    text = (
        "Experience\nManaged the Contoso account, growing revenue 37% to\n$4.2M in two years. Hired ten reps."
    )
    report = audit_text(text)
    start = text.index("Managed")
    end = text.index(" Hired")
    assert [(f.finding.text, f.advice.sentence if f.advice else None) for f in report.findings] == [
        ("Contoso", (start, end)),
        ("37%", (start, end)),
        ("$4.2M", (start, end)),
    ]
    assert {f.advice.rewrite for f in report.findings if f.advice} == {
        "Managed a major client account, growing revenue by more than a third to seven figures in two years."
    }
