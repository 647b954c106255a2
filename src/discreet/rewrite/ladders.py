"""The ladders that turn an exact figure into a phrase that is true of it and never overstates it."""

from __future__ import annotations

import math

from discreet.language import Ladder, RewriteWords
from discreet.rewrite.figures import Figure, FigureKind


def step(ladder: Ladder, value: float, words: RewriteWords) -> str:
    """The phrase of the highest floor the value reaches; exactly on a floor drops 'more than'."""
    for floor, phrase in ladder:
        if value >= floor:
            return words.exact.get(phrase, phrase) if value == floor else phrase
    return ladder[-1][1]


def money_adjective(figure: Figure, words: RewriteWords) -> str:
    """'six-figure', 'multi-million-dollar', 'multi-crore'."""
    if figure.currency == "rupee" and figure.value >= words.rupee_adjectives[-1][0]:
        return step(words.rupee_adjectives, figure.value, words)
    phrase = step(words.money_adjectives, figure.value, words)
    if figure.currency:
        return phrase.format(words.writing.currencies[figure.currency][0])
    return words.writing.without_currency.get(phrase, phrase)


def money_noun(figure: Figure, words: RewriteWords) -> str:
    """'millions', 'tens of thousands', 'crores'."""
    if figure.currency == "rupee" and figure.value >= words.rupee_nouns[-1][0]:
        return step(words.rupee_nouns, figure.value, words)
    return step(words.money_nouns, figure.value, words)


def money_figures(figure: Figure, words: RewriteWords) -> str:
    """'eight figures', for after 'to' or 'of'; rupees and extremes fall back to the noun form."""
    digits = len(str(int(figure.value))) if 100 <= figure.value < 1e10 else 0
    if figure.currency == "rupee" or digits not in words.figure_words:
        return money_noun(figure, words)
    return words.writing.figures.format(words.figure_words[digits])


def percent_level(percent: float, words: RewriteWords) -> str:
    """A level as the ten below it: 95% and 100% read 'over 90%'; under 10%, 'a single-digit percentage'."""
    if percent <= 10:
        return words.writing.level_single_digit if percent < 10 else words.writing.level_tenth
    return words.writing.level_over.format(min(tens_below(percent), 100))


def tens_below(percent: float) -> int:
    """The tens below a percentage, never the value itself: 92% and 100% are past 90%, 90% past 80%."""
    return math.ceil(percent / 10) * 10 - 10


def percent_amount(percent: float, words: RewriteWords) -> str:
    """'more than a third', 'double digits'; from 100% up, a fold: 'more than twofold'."""
    if percent >= 100:
        return fold(1 + percent / 100, words)
    return step(words.percent_amounts, percent, words)


def times(percent: float, words: RewriteWords) -> str:
    """A level of 100% or more as a ratio: 150% is 'one and a half times', 210% 'more than twice'."""
    return step(words.times, percent / 100, words)


def fold(ratio: float, words: RewriteWords) -> str:
    """'tripled' as an adverb: 'threefold', 'several-fold'; under 2, a 'by' phrase."""
    if ratio >= 2:
        return step(words.folds, ratio, words)
    return words.writing.by.format(step(words.percent_amounts, abs(ratio - 1) * 100, words))


def count_phrase(value: float, words: RewriteWords, noun: str = "") -> str:
    """'thousands of units', 'several accounts', 'hundreds'."""
    amount = step(words.counts, value, words)
    if not noun:
        return amount
    return words.writing.of.format(amount, noun) if amount in words.writing.counts_of else f"{amount} {noun}"


def change_phrase(first: Figure, second: Figure, words: RewriteWords) -> str:
    """A change from one figure to another: 'several-fold', 'by more than half', 'by several points'."""
    if first.kind is FigureKind.PERCENT:
        return step(words.points, abs(second.value - first.value), words)
    return fold(second.value / first.value, words)


def plain_phrase(figure: Figure, words: RewriteWords) -> str:
    """The phrase that stands in for a figure wherever it sits."""
    match figure.kind:
        case FigureKind.MONEY:
            period = f" {words.periods[figure.period][1]}" if figure.period else ""
            return money_noun(figure, words) + period
        case FigureKind.PERCENT:
            return percent_amount(figure.value, words)
        case FigureKind.MULTIPLE:
            return fold(figure.value, words)
        case FigureKind.COUNT:
            return count_phrase(figure.value, words, figure.noun)
