"""Lists of figures read as one phrase true of every member; no edit sets a word beside itself."""

from __future__ import annotations

import re

import pytest

from discreet.languages.en import ENGLISH
from discreet.model import Category
from discreet.rewrite import rewrite_sentence
from discreet.rewrite.figure_lists import coarse, one_phrase
from discreet.rewrite.spans import Span, Treatment

WORDS = ENGLISH.rewrite
# The figures a test sentence flags: amounts, percentages and multiples, never a year.
FIGURE = re.compile(r"[$£€]?\d(?:[\d,.]*\d)?(?:\s?(?:bn|mm|[kKmMbB])\b)?%?(?:x\b)?")


def figure_spans(sentence: str) -> list[Span]:
    return [
        Span(m.start(), m.end(), Treatment.FIGURE, Category.FINANCIAL)
        for m in FIGURE.finditer(sentence)
        if not re.fullmatch(r"(?:19|20)\d\d", m.group())
    ]


@pytest.mark.parametrize(
    ("sentence", "rewrite"),
    [
        # Different sizes: the lowest to the highest, each read as the frame reads one figure.
        (
            "Closed $14.1 bn, $3.1 bn and $428 mm in deals.",
            "Closed hundreds of millions to billions in deals.",
        ),
        (
            "Approved budgets of $250K or $1.5M per project.",
            "Approved six- to seven-figure budgets per project.",
        ),
        ("Grew sales 3x and 5x in two markets.", "Grew sales threefold to fivefold in two markets."),
        (
            "Grew sales 3x, 4x and 12x in three markets.",
            "Grew sales threefold to more than tenfold in three markets.",
        ),
        (
            "Cut costs by 8% / 11% in two plants.",
            "Cut costs by a single-digit percentage to double digits in two plants.",
        ),
        # One phrase fits all: the same rung, or the same number of digits.
        ("Managed budgets of $2M and $3M.", "Managed multi-million-dollar budgets."),
        ("Closed deals worth $40K, $65K and $90K.", "Closed five-figure deals."),
        ("Closed $1.2M, $2.8M and $4.5M in deals.", "Closed seven figures in deals."),
        (
            "Grew revenue by 12%, 15% and 25% in 2019, 2020 and 2021.",
            "Grew revenue by double digits in 2019, 2020 and 2021.",
        ),
        (
            "Achieved 112%, 125% and 131% of quota in 2017, 2018 and 2019.",
            "Exceeded quota in 2017, 2018 and 2019.",
        ),
        # A lowest phrase that already says "or more" is true of every member.
        ("Reached 85% and 71% market penetration.", "Reached 70%-plus market penetration."),
        ("Grew revenue by 35% and 60% in two years.", "Grew revenue by more than a third in two years."),
        # "between" goes with the list it opened; amounts of different currencies stay apart.
        ("Projects were between $400K and $2M in size.", "Projects were six to seven figures in size."),
        ("Raised $1.2M and €3M in seed rounds.", "Raised seven figures and millions in seed rounds."),
    ],
)
def test_a_list_of_figures_reads_as_one_phrase(sentence: str, rewrite: str) -> None:
    assert rewrite_sentence(sentence, figure_spans(sentence)) == rewrite


@pytest.mark.parametrize(
    ("texts", "rough", "phrase"),
    [
        (["millions", "millions"], ["seven figures", "seven figures"], "millions"),
        (["seven figures", "millions"], ["seven figures", "seven figures"], "seven figures"),
        (["six figures", "eight figures"], ["six figures", "eight figures"], "six to eight figures"),
        (
            ["by double digits", "by a quarter"],
            ["by double digits", "by double digits"],
            "by double digits",
        ),
        (
            ["by more than a third", "by more than half"],
            ["by double digits", "by triple digits"],
            "by more than a third",
        ),
        (
            ["a six-figure sum", "an eight-figure sum"],
            ["a six-figure sum", "an eight-figure sum"],
            "a six-figure to an eight-figure sum",
        ),
        (
            ["six-figure deals", "eight-figure deals"],
            ["six-figure deals", "eight-figure deals"],
            "six- to eight-figure deals",
        ),
    ],
)
def test_one_phrase_for_texts_ordered_by_value(texts: list[str], rough: list[str], phrase: str) -> None:
    assert one_phrase(texts, rough, WORDS) == phrase


def test_the_coarse_word_set_reads_figures_by_their_digits() -> None:
    rough = coarse(WORDS)
    assert (rough.money_nouns, rough.money_adjectives) == (
        WORDS.money_digit_nouns,
        WORDS.money_digit_adjectives,
    )
    assert rough.percent_amounts == WORDS.margins and rough.counts == WORDS.counts


@pytest.mark.parametrize(
    ("sentence", "name", "rewrite"),
    [
        # Without its aside "project (NORTHWIND) Project" reads "project Project": the name is replaced.
        (
            "Engineer for Delta project (NORTHWIND) Project Engineer for Cove",
            "NORTHWIND",
            "Engineer for Delta project (a major client) Project Engineer for Cove",
        ),
        (
            "Managed the Delta project (NORTHWIND) for two years",
            "NORTHWIND",
            "Managed the Delta project for two years",
        ),
    ],
)
def test_no_edit_sets_a_word_beside_itself(sentence: str, name: str, rewrite: str) -> None:
    start = sentence.index(name)
    span = Span(start, start + len(name), Treatment.NAME, Category.CONFIDENTIAL, "a major client")
    assert rewrite_sentence(sentence, [span]) == rewrite
