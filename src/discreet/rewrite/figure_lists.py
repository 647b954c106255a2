"""Rewrite a list of figures of one kind as one phrase that is true of every member."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

import regex

from discreet.language import RewriteReading, RewriteWords
from discreet.rewrite.figures import Figure, approximately
from discreet.rewrite.patterns import alternation, built, compiled
from discreet.rewrite.spans import Edit

# The candidate edits of one figure standing where the whole list stands, in a given word set.
EditsOf = Callable[[Figure, RewriteWords], list[Edit]]


def joins_list(gap: str, first: Figure, figure: Figure, words: RewriteWords) -> bool:
    """Whether a figure carries on a list: the same kind and currency, after a comma, 'and', 'or' or '/'."""
    same = (first.kind, first.currency) == (figure.kind, figure.currency)
    return same and _list_gap(words.reading).fullmatch(gap) is not None


@built
def _list_gap(reading: RewriteReading) -> regex.Pattern[str]:
    joined = alternation(reading.list_joiners)
    return compiled(rf"\s*(?:,\s*(?:{joined}\s+)?|{joined}\s+|[/&]\s*){approximately(reading)}?", re.I)


def list_edits(figures: Sequence[Figure], edits_of: EditsOf, words: RewriteWords) -> list[Edit]:
    """Candidate rewrites of the whole list, best first: those every member offers, their texts joined."""
    members = sorted(figures, key=lambda figure: figure.value)
    fine = [edits_of(figure, words) for figure in members]
    coarse_words = coarse(words)
    coarse_edits = [edits_of(figure, coarse_words) for figure in members]
    edits: list[Edit] = []
    for edit in fine[0]:
        texts = _texts_at(edit, fine)
        rough = _texts_at(edit, coarse_edits)
        if texts is not None and rough is not None:
            edits.append(replace(edit, text=one_phrase(texts, rough, words)))
    return edits


def coarse(words: RewriteWords) -> RewriteWords:
    """The word set whose ladders read figures by their digits: 'six figures', 'double digits'."""
    return replace(
        words,
        money_nouns=words.money_digit_nouns,
        money_adjectives=words.money_digit_adjectives,
        percent_amounts=words.margins,
    )


def _texts_at(edit: Edit, members: Sequence[Sequence[Edit]]) -> list[str] | None:
    """Each member's text for the stretch the edit covers, or None if a member has no edit there."""
    texts: list[str] = []
    for edits in members:
        same = next((e for e in edits if (e.start, e.end) == (edit.start, edit.end)), None)
        if same is None:
            return None
        texts.append(same.text)
    return texts


def one_phrase(texts: Sequence[str], rough: Sequence[str], words: RewriteWords) -> str:
    """One phrase for texts ordered by value: shared, an open lowest, read by digits, or lowest to highest."""
    if len(set(texts)) == 1:
        return texts[0]
    # "70%-plus" or "more than a third" is already true of every larger member.
    if _says_at_least(texts[0], words):
        return texts[0]
    if len(set(rough)) == 1:
        return rough[0]
    before, low, high, after = _factor(texts[0], texts[-1])
    rough_parts = _factor(rough[0], rough[-1])
    if rough_parts[3]:
        before, low, high, after = rough_parts
    return " ".join(part for part in (before, _spread(low, high, words), after) if part)


def _says_at_least(text: str, words: RewriteWords) -> bool:
    """Whether a phrase is true of any larger value: 'by more than a third', '70%-plus retention'."""
    spaced = f" {text} "
    return any(f" {start}" in spaced for start in words.at_least_starts) or any(
        word.endswith(words.at_least_ends) for word in text.split()
    )


def _factor(low: str, high: str) -> tuple[str, str, str, str]:
    """Two phrases as the words they share before, their own middles, and the words they share after."""
    a, b = low.split(), high.split()
    head = 0
    while head < min(len(a), len(b)) - 1 and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head - 1 and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return (
        " ".join(a[:head]),
        " ".join(a[head : len(a) - tail]),
        " ".join(b[head : len(b) - tail]),
        " ".join(a[len(a) - tail :]),
    )


def _spread(low: str, high: str, words: RewriteWords) -> str:
    """'six-figure' and 'eight-figure' as 'six- to eight-figure'; otherwise 'low to high'."""
    low_head, dash, low_tail = low.rpartition("-")
    high_head, _, high_tail = high.rpartition("-")
    if dash and low_tail == high_tail and " " not in low + high and low_head and high_head:
        return words.spread.format(f"{low_head}-", high)
    return words.spread.format(low, high)
