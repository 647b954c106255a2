"""The ladders that turn an exact figure into a phrase that is true of it and never overstates it."""

from __future__ import annotations

import math
from collections.abc import Sequence

from discreet.rewrite.figures import Figure, FigureKind

# The ladders: (floor, phrase) from the top down; the first floor at or below the value wins.
MONEY_ADJECTIVES: tuple[tuple[float, str], ...] = (
    (1e12, "trillion-{}"),
    (2e9, "multi-billion-{}"),
    (1e9, "billion-{}"),
    (1e8, "nine-figure"),
    (1e7, "eight-figure"),
    (2e6, "multi-million-{}"),
    (1e6, "seven-figure"),
    (1e5, "six-figure"),
    (1e4, "five-figure"),
    (1e3, "four-figure"),
    (1e2, "three-figure"),
    (0, "modest"),
)
MONEY_NOUNS: tuple[tuple[float, str], ...] = (
    (1e12, "trillions"),
    (2e9, "billions"),
    (1e9, "ten figures"),
    (1e8, "hundreds of millions"),
    (1e7, "tens of millions"),
    (2e6, "millions"),
    (1e6, "seven figures"),
    (1e5, "hundreds of thousands"),
    (1e4, "tens of thousands"),
    (2e3, "thousands"),
    (1e3, "four figures"),
    (1e2, "hundreds"),
    (0, "a modest sum"),
)
# Indian amounts read in lakhs and crores; below a lakh the general ladders apply.
RUPEE_ADJECTIVES: tuple[tuple[float, str], ...] = (
    (2e7, "multi-crore"),
    (1e7, "crore-plus"),
    (2e5, "multi-lakh"),
    (1e5, "lakh-plus"),
)
RUPEE_NOUNS: tuple[tuple[float, str], ...] = (
    (1e9, "hundreds of crores"),
    (1e8, "tens of crores"),
    (2e7, "crores"),
    (1e7, "a crore-plus"),
    (2e5, "lakhs"),
    (1e5, "a lakh-plus"),
)
FIGURE_WORDS = {3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}
PERCENT_AMOUNTS: tuple[tuple[float, str], ...] = (
    (50, "more than half"),
    (100 / 3, "more than a third"),
    (25, "more than a quarter"),
    (10, "double digits"),
    (1, "a single-digit percentage"),
    (0, "a fraction of a percent"),
)
# A percentage of something is a share of it: "73% of customers" is "more than half of customers".
PERCENT_SHARES: tuple[tuple[float, str], ...] = (
    (100, "all"),
    (50, "more than half"),
    (100 / 3, "more than a third"),
    (25, "more than a quarter"),
    (20, "more than a fifth"),
    (10, "more than a tenth"),
    (1, "a single-digit percentage"),
    (0, "a fraction of a percent"),
)
PERCENT_ADJECTIVES: tuple[tuple[float, str], ...] = (
    (100, "triple-digit"),
    (10, "double-digit"),
    (1, "single-digit"),
    (0, "fractional"),
)
POINTS: tuple[tuple[float, str], ...] = (
    (10, "by more than ten points"),
    (2, "by several points"),
    (1, "by more than a point"),
    (0, "by a fraction of a point"),
)
FOLDS: tuple[tuple[float, str], ...] = (
    (10, "more than tenfold"),
    (5, "several-fold"),
    (4, "more than fourfold"),
    (3, "more than threefold"),
    (2, "more than twofold"),
)
FOLD_VERBS: tuple[tuple[float, str], ...] = (
    (4, "more than quadrupled"),
    (3, "more than tripled"),
    (2, "more than doubled"),
)
COMPARISONS: tuple[tuple[float, str], ...] = ((10, "many times"), (3, "several times"), (0, "markedly"))
COUNTS: tuple[tuple[float, str], ...] = (
    (2e9, "billions"),
    (1e9, "a billion-plus"),
    (2e6, "millions"),
    (1e6, "a million-plus"),
    (2e3, "thousands"),
    (1e3, "a thousand-plus"),
    (200, "hundreds"),
    (100, "a hundred-plus"),
    (24, "dozens"),
    (11, "more than ten"),
    (0, "several"),
)
# A value exactly on a floor reads better without "more than".
EXACT = {
    "more than half": "half",
    "more than a quarter": "a quarter",
    "more than a fifth": "a fifth",
    "more than a tenth": "a tenth",
    "by more than ten points": "by ten points",
    "by more than a point": "by a point",
    "more than tenfold": "tenfold",
    "more than fourfold": "fourfold",
    "more than threefold": "threefold",
    "more than twofold": "twofold",
    "more than quadrupled": "quadrupled",
    "more than tripled": "tripled",
    "more than doubled": "doubled",
}
PERIODS = {
    **dict.fromkeys(("month", "mo"), ("monthly", "a month")),
    **dict.fromkeys(("year", "yr", "annum", "p.a."), ("annual", "a year")),
    **dict.fromkeys(("quarter", "qtr"), ("quarterly", "a quarter")),
    **dict.fromkeys(("week", "wk"), ("weekly", "a week")),
}


def step(ladder: Sequence[tuple[float, str]], value: float) -> str:
    """The phrase of the highest floor the value reaches; exactly on a floor drops 'more than'."""
    for floor, phrase in ladder:
        if value >= floor:
            return EXACT.get(phrase, phrase) if value == floor else phrase
    return ladder[-1][1]


def money_adjective(figure: Figure) -> str:
    """'six-figure', 'multi-million-dollar', 'multi-crore'."""
    if figure.currency == "rupee" and figure.value >= RUPEE_ADJECTIVES[-1][0]:
        return step(RUPEE_ADJECTIVES, figure.value)
    phrase = step(MONEY_ADJECTIVES, figure.value)
    if figure.currency:
        return phrase.format(figure.currency)
    return phrase.replace("-{}", "") if phrase.startswith("multi") else phrase.replace("{}", "plus")


def money_noun(figure: Figure) -> str:
    """'millions', 'tens of thousands', 'crores'."""
    if figure.currency == "rupee" and figure.value >= RUPEE_NOUNS[-1][0]:
        return step(RUPEE_NOUNS, figure.value)
    return step(MONEY_NOUNS, figure.value)


def money_figures(figure: Figure) -> str:
    """'eight figures', for after 'to' or 'of'; rupees and extremes fall back to the noun form."""
    digits = len(str(int(figure.value))) if 100 <= figure.value < 1e10 else 0
    if figure.currency == "rupee" or digits not in FIGURE_WORDS:
        return money_noun(figure)
    return f"{FIGURE_WORDS[digits]} figures"


def percent_level(percent: float) -> str:
    """A level as the ten below it: 95% and 100% read 'over 90%'; under 10%, 'a single-digit percentage'."""
    if percent <= 10:
        return "a single-digit percentage" if percent < 10 else "around a tenth"
    return f"over {min(math.ceil(percent / 10) * 10 - 10, 100)}%"


def percent_amount(percent: float) -> str:
    """'more than a third', 'double digits'; from 100% up, a fold: 'more than twofold'."""
    return fold(1 + percent / 100) if percent >= 100 else step(PERCENT_AMOUNTS, percent)


def fold(ratio: float) -> str:
    """'tripled' as an adverb: 'threefold', 'several-fold'; under 2, a 'by' phrase."""
    return step(FOLDS, ratio) if ratio >= 2 else "by " + step(PERCENT_AMOUNTS, abs(ratio - 1) * 100)


def count_phrase(value: float, noun: str = "") -> str:
    """'thousands of units', 'several accounts', 'hundreds'."""
    amount = step(COUNTS, value)
    if not noun:
        return amount
    return (
        f"{amount} of {noun}" if amount.endswith("s") and not amount.endswith("plus") else f"{amount} {noun}"
    )


def change_phrase(first: Figure, second: Figure) -> str:
    """A change from one figure to another: 'several-fold', 'by more than half', 'by several points'."""
    if first.kind is FigureKind.PERCENT:
        return step(POINTS, abs(second.value - first.value))
    ratio = second.value / first.value
    if ratio >= 2:
        return step(FOLDS, ratio)
    return "by " + step(PERCENT_AMOUNTS, abs(ratio - 1) * 100)


def plain_phrase(figure: Figure) -> str:
    """The phrase that stands in for a figure wherever it sits."""
    match figure.kind:
        case FigureKind.MONEY:
            return money_noun(figure) + (f" {PERIODS[figure.period][1]}" if figure.period else "")
        case FigureKind.PERCENT:
            return percent_amount(figure.value)
        case FigureKind.MULTIPLE:
            return fold(figure.value)
        case FigureKind.COUNT:
            return count_phrase(figure.value, figure.noun)
