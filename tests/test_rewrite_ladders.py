"""The ladders: each phrase on both sides of every floor, and no phrase saying more than its value."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discreet.language import Ladder
from discreet.languages.en import ENGLISH
from discreet.model import Action, Category
from discreet.rewrite.figures import Figure, FigureKind
from discreet.rewrite.ladders import (
    count_phrase,
    fold,
    money_adjective,
    money_figures,
    money_noun,
    percent_amount,
    percent_level,
    plain_phrase,
    step,
    times,
)

WORDS = ENGLISH.rewrite


@pytest.mark.parametrize(
    ("value", "adjective", "noun", "figures"),
    [
        (50, "modest", "a modest sum", "a modest sum"),
        (99, "modest", "a modest sum", "a modest sum"),
        (100, "three-figure", "three figures", "three figures"),
        (199, "three-figure", "three figures", "three figures"),
        (200, "three-figure", "hundreds", "three figures"),
        (999, "three-figure", "hundreds", "three figures"),
        (1_000, "four-figure", "four figures", "four figures"),
        (1_999, "four-figure", "four figures", "four figures"),
        (2_000, "four-figure", "four figures", "four figures"),
        (9_999, "four-figure", "four figures", "four figures"),
        (10_000, "five-figure", "five figures", "five figures"),
        (19_999, "five-figure", "five figures", "five figures"),
        (20_000, "five-figure", "tens of thousands", "five figures"),
        (99_999, "five-figure", "tens of thousands", "five figures"),
        (100_000, "six-figure", "six figures", "six figures"),
        (199_999, "six-figure", "six figures", "six figures"),
        (200_000, "six-figure", "hundreds of thousands", "six figures"),
        (999_999, "six-figure", "hundreds of thousands", "six figures"),
        (1_000_000, "seven-figure", "seven figures", "seven figures"),
        (1_999_999, "seven-figure", "seven figures", "seven figures"),
        (2_000_000, "multi-million-dollar", "millions", "seven figures"),
        (9_999_999, "multi-million-dollar", "millions", "seven figures"),
        (10_000_000, "eight-figure", "eight figures", "eight figures"),
        (19_999_999, "eight-figure", "eight figures", "eight figures"),
        (20_000_000, "eight-figure", "tens of millions", "eight figures"),
        (100_000_000, "nine-figure", "nine figures", "nine figures"),
        (200_000_000, "nine-figure", "hundreds of millions", "nine figures"),
        (1_000_000_000, "billion-dollar", "ten figures", "ten figures"),
        (1_999_999_999, "billion-dollar", "ten figures", "ten figures"),
        (2_000_000_000, "multi-billion-dollar", "billions", "ten figures"),
        (1e12, "trillion-dollar", "a trillion-plus", "a trillion-plus"),
        (2e12, "trillion-dollar", "trillions", "trillions"),
    ],
)
def test_money_ladder_on_its_floors(value: float, adjective: str, noun: str, figures: str) -> None:
    figure = Figure(FigureKind.MONEY, value, "dollar")
    said = (money_adjective(figure, WORDS), money_noun(figure, WORDS), money_figures(figure, WORDS))
    assert said == (adjective, noun, figures)


@pytest.mark.parametrize(
    ("value", "currency", "adjective", "noun"),
    [
        (4_200_000, "euro", "multi-million-euro", "millions"),
        (4_200_000, "pound", "multi-million-pound", "millions"),
        (4_200_000, "", "multi-million", "millions"),
        (1_200_000_000, "", "billion-plus", "ten figures"),
        (99_999, "rupee", "five-figure", "tens of thousands"),
        (100_000, "rupee", "lakh-plus", "a lakh-plus"),
        (199_999, "rupee", "lakh-plus", "a lakh-plus"),
        (200_000, "rupee", "multi-lakh", "lakhs"),
        (10_000_000, "rupee", "crore-plus", "a crore-plus"),
        (20_000_000, "rupee", "multi-crore", "crores"),
        (100_000_000, "rupee", "multi-crore", "ten crores"),
        (150_000_000, "rupee", "multi-crore", "more than ten crores"),
        (200_000_000, "rupee", "multi-crore", "tens of crores"),
        (2_500_000_000, "rupee", "multi-crore", "hundreds of crores"),
    ],
)
def test_money_ladder_by_currency(value: float, currency: str, adjective: str, noun: str) -> None:
    figure = Figure(FigureKind.MONEY, value, currency)
    assert (money_adjective(figure, WORDS), money_noun(figure, WORDS)) == (adjective, noun)


@pytest.mark.parametrize(
    ("percent", "amount", "level"),
    [
        (0.5, "a fraction of a percent", "a single-digit percentage"),
        (1, "a single-digit percentage", "a single-digit percentage"),
        (9.9, "a single-digit percentage", "a single-digit percentage"),
        (10, "double digits", "around a tenth"),
        (24.9, "double digits", "over 20%"),
        (25, "a quarter", "over 20%"),
        (29.9, "more than a quarter", "over 20%"),
        (30, "nearly a third", "over 20%"),
        (33.3, "nearly a third", "over 30%"),
        (33.4, "more than a third", "over 30%"),
        (49.9, "more than a third", "over 40%"),
        (50, "half", "over 40%"),
        (95, "more than half", "over 90%"),
        (100, "twofold", "over 90%"),
        (150, "more than twofold", "over 100%"),
        (900, "tenfold", "over 100%"),
    ],
)
def test_percent_ladder(percent: float, amount: str, level: str) -> None:
    assert (percent_amount(percent, WORDS), percent_level(percent, WORDS)) == (amount, level)


@pytest.mark.parametrize(
    ("percent", "phrase"),
    [
        (100, "more than"),
        (149, "more than"),
        (150, "one and a half times"),
        (180, "more than one and a half times"),
        (200, "twice"),
        (299, "more than twice"),
        (300, "three times"),
        (450, "more than four times"),
        (1000, "ten times"),
        (2500, "more than ten times"),
    ],
)
def test_times_ladder_reads_a_level_against_a_goal(percent: float, phrase: str) -> None:
    assert times(percent, WORDS) == phrase


@pytest.mark.parametrize(
    ("ratio", "phrase"),
    [
        (0.5, "by half"),
        (1.5, "by half"),
        (1.99, "by more than half"),
        (2, "twofold"),
        (2.5, "more than twofold"),
        (3, "threefold"),
        (4.9, "more than fourfold"),
        (4.99, "more than fourfold"),
        (5, "fivefold"),
        (5.9, "more than fivefold"),
        (6, "sixfold"),
        (6.99, "more than sixfold"),
        (7, "sevenfold"),
        (7.75, "more than sevenfold"),
        (8, "eightfold"),
        (8.5, "more than eightfold"),
        (9, "ninefold"),
        (9.9, "more than ninefold"),
        (10, "tenfold"),
        (40, "more than tenfold"),
        (99.9, "more than tenfold"),
        (100, "a hundredfold"),
        (250, "more than a hundredfold"),
    ],
)
def test_fold_ladder(ratio: float, phrase: str) -> None:
    assert fold(ratio, WORDS) == phrase


@pytest.mark.parametrize(
    ("percent", "phrase"),
    [
        (0.5, "a fraction of a percent"),
        (1, "a single-digit percentage"),
        (9.9, "a single-digit percentage"),
        (10, "double digits"),
        (18, "double digits"),
        (99.9, "double digits"),
        (100, "triple digits"),
    ],
)
def test_margin_ladder_reads_digits(percent: float, phrase: str) -> None:
    assert step(WORDS.margins, percent, WORDS) == phrase


@pytest.mark.parametrize(
    ("value", "noun", "phrase"),
    [
        (1, "resellers", "some resellers"),
        (2, "resellers", "some resellers"),
        (3, "resellers", "several resellers"),
        (10, "logos", "several logos"),
        (11, "logos", "more than ten logos"),
        (23, "", "more than ten"),
        (24, "", "dozens"),
        (99, "", "dozens"),
        (100, "", "a hundred-plus"),
        (199, "", "a hundred-plus"),
        (200, "accounts", "hundreds of accounts"),
        (1_000, "users", "a thousand-plus users"),
        (1_999, "users", "a thousand-plus users"),
        (2_000, "units", "thousands of units"),
        (1_200_000, "", "a million-plus"),
        (5e9, "", "billions"),
    ],
)
def test_count_ladder(value: float, noun: str, phrase: str) -> None:
    assert count_phrase(value, WORDS, noun) == phrase


LADDERS = {
    "money_adjectives": WORDS.money_adjectives,
    "money_nouns": WORDS.money_nouns,
    "rupee_adjectives": WORDS.rupee_adjectives,
    "rupee_nouns": WORDS.rupee_nouns,
    "percent_amounts": WORDS.percent_amounts,
    "percent_shares": WORDS.percent_shares,
    "percent_adjectives": WORDS.percent_adjectives,
    "points": WORDS.points,
    "times": WORDS.times,
    "folds": WORDS.folds,
    "margins": WORDS.margins,
    "fold_verbs": WORDS.fold_verbs,
    "comparisons": WORDS.comparisons,
    "counts": WORDS.counts,
}


@pytest.mark.parametrize("name", LADDERS)
def test_every_ladder_climbs_one_way(name: str) -> None:
    floors = [floor for floor, _ in LADDERS[name]]
    assert floors == sorted(floors, reverse=True) and len(set(floors)) == len(floors)


def rung(ladder: Ladder, phrase: str) -> int:
    """How high on the ladder a phrase stands; its exact form ('twofold') stands with it."""
    return next(
        len(ladder) - index
        for index, (_, own) in enumerate(ladder)
        if phrase in (own, WORDS.exact.get(own, own))
    )


@pytest.mark.parametrize("name", LADDERS)
@given(st.floats(0, 1e13), st.floats(0, 1e13))
def test_a_larger_value_never_reads_smaller(name: str, a: float, b: float) -> None:
    ladder = LADDERS[name]
    low, high = sorted((a, b))
    assert rung(ladder, step(ladder, high, WORDS)) >= rung(ladder, step(ladder, low, WORDS))


@pytest.mark.parametrize("name", LADDERS)
def test_each_phrase_starts_at_its_floor_and_not_before(name: str) -> None:
    ladder = LADDERS[name]
    for index, (floor, phrase) in enumerate(ladder):
        above = ladder[index - 1][0] if index else floor * 2 + 1
        assert step(ladder, floor, WORDS) == WORDS.exact.get(phrase, phrase)
        assert step(ladder, (floor + above) / 2, WORDS) == phrase
        if index < len(ladder) - 1:
            assert step(ladder, floor - (floor - ladder[index + 1][0]) / 1000, WORDS) != phrase


def test_every_kind_category_and_action_has_its_words() -> None:
    phrases = [plain_phrase(Figure(kind, 12_000.0, period="month"), WORDS) for kind in FigureKind]
    assert all(phrases) and not any("12" in phrase for phrase in phrases)
    assert set(WORDS.titles) == set(Category)
    assert set(WORDS.public_phrases) == set(WORDS.resume_phrases) == set(Action)
