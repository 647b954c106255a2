"""Candidate rewrites of figures, from the widest phrase they read in to the figure alone."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import regex

from discreet.language import RewriteReading, RewriteWords
from discreet.rewrite.figure_lists import list_edits
from discreet.rewrite.figures import (
    Figure,
    FigureKind,
    approximately,
    parse_figure,
    per_period,
    period_after,
)
from discreet.rewrite.grammar import (
    NEXT_WORD,
    article_for,
    determiner_before,
    is_noun,
    is_noun_after,
    is_plural,
    noun_before,
)
from discreet.rewrite.ladders import (
    change_phrase,
    count_phrase,
    fold,
    money_adjective,
    money_figures,
    money_noun,
    percent_level,
    plain_phrase,
    step,
)
from discreet.rewrite.patterns import alternation, built, compiled, ends_with, lazy
from discreet.rewrite.percent_edits import at_least, by_before, percent_edits
from discreet.rewrite.spans import Edit, Span

NOUN_WORD = lazy(r"\s+(?P<word>[A-Za-z][\w&'’-]*)")
PAREN_BEFORE = lazy(r"\s*\(\s*(?:[A-Za-z/]+\s+){0,2}[+±-]?$")
PAREN_AFTER = lazy(r"(?:\s+[A-Za-z/]+){0,2}\s*\)")


@built
def _figures_before(reading: RewriteReading) -> regex.Pattern[str]:
    """Words after which a figure is an amount reached, not a thing's size: 'to', 'exceeding'."""
    return ends_with(reading.amount_leads)


def _determiner(reading: RewriteReading) -> str:
    """A determiner that a noun phrase opens with: 'the', 'our', 'these'."""
    return alternation((*reading.articles, *reading.possessives, *reading.demonstratives))


@built
def _of_things(reading: RewriteReading) -> regex.Pattern[str]:
    """'$2,500 of grants' is an amount in grants, not a number of them."""
    of = alternation(reading.part_of)
    return compiled(rf"\s+{of}\s+(?!{_determiner(reading)}\b)(?=[a-z])")


@built
def _period_adjective(reading: RewriteReading) -> regex.Pattern[str]:
    """A period before the noun a figure describes: '$50,000 monthly sales goal'."""
    return compiled(rf"\s+{alternation(reading.period_adjectives)}(?=\s+[A-Za-z])", re.I)


@built
def _article_slot(reading: RewriteReading) -> regex.Pattern[str]:
    """Where a sentence may take an article that the figure stood for: after a verb or a preposition."""
    endings, words = alternation(reading.verb_endings), alternation(reading.article_slot_words)
    return compiled(rf"(?:^|\b(?:\w+{endings}|{words})\s+)$", re.I)


@built
def _sized_before(reading: RewriteReading) -> regex.Pattern[str]:
    """Things sized by the amount after them: 'deals >$100K' are 'deals of six figures or more'."""
    things, joiners = alternation(reading.sized_things), alternation(reading.size_joiners)
    return compiled(rf"\b(?P<things>{things})\s+(?:{joiners}\s+)?$")


@built
def _in_after(reading: RewriteReading) -> regex.Pattern[str]:
    """What an amount is in or of, after it: '$2M in revenue'."""
    return compiled(rf"\s+{alternation(reading.amount_joiners)}\b", re.I)


@built
def _from_number_before(reading: RewriteReading) -> regex.Pattern[str]:
    """A count's change from a number: 'from 19 to'."""
    start, end = alternation(reading.range_starts), alternation(reading.range_ends)
    return compiled(rf"\b{start}\s+(?P<number>\d[\d,]*)\s+{end}\s+$", re.I)


@built
def _from_zero_before(reading: RewriteReading) -> regex.Pattern[str]:
    """A change from nothing: 'from scratch to'."""
    start, end = alternation(reading.range_starts), alternation(reading.range_ends)
    return compiled(rf"\b{start}\s+{alternation(reading.zero_words)}\s+{end}\s+$", re.I)


@built
def _spread_before(reading: RewriteReading) -> regex.Pattern[str]:
    """Verbs that give a spread, not a change: 'ranging from'."""
    return ends_with(reading.spread_verbs)


@built
def _change_before(reading: RewriteReading) -> regex.Pattern[str]:
    """A change already given as a figure: 'penetration 25% from 19 to 25 states' needs no second change."""
    percent, fold = alternation(reading.percent_words), alternation(reading.fold_words)
    return compiled(rf"\d\s*(?:%|{percent}|[x×]|-?{fold})\s*$", re.I)


@built
def approx_before(reading: RewriteReading) -> regex.Pattern[str]:
    return compiled(rf"{approximately(reading)}+$", re.I)


@built
def from_before(reading: RewriteReading) -> regex.Pattern[str]:
    return compiled(rf"\b{alternation(reading.range_starts)}\s+{approximately(reading)}?$", re.I)


@built
def range_gap(reading: RewriteReading) -> regex.Pattern[str]:
    """What joins the two ends of a range: '-', 'to', an approximation, a period after the first."""
    to = alternation(reading.range_ends)
    return compiled(rf"(?:\s*{per_period(reading)})?\s*(?:-|–|—|{to}|→|->)\s*{approximately(reading)}?", re.I)


@built
def between_before(reading: RewriteReading) -> regex.Pattern[str]:
    return ends_with(reading.between)


@built
def verb_object_before(reading: RewriteReading) -> regex.Pattern[str]:
    """A verb of growth and up to four words of its object before a multiple: 'grew revenue by'."""
    growth = alternation(reading.growth_verbs)
    return compiled(
        rf"\b(?P<verb>{growth})\s+(?P<object>(?:(?!{growth}\b|by\b)[\w&'’/-]+\s+){{0,4}}?)(?:by\s+)?$", re.I
    )


@built
def comparative_after(reading: RewriteReading) -> regex.Pattern[str]:
    return compiled(rf"\s+{alternation(reading.comparatives)}\b", re.I)


@built
def currency_after(reading: RewriteReading) -> regex.Pattern[str]:
    """A currency named again after its sign: '$8.5 billion dollar bank'."""
    return compiled(rf"[ \t]+{alternation(word for word, _ in reading.currency_words)}\b", re.I)


# Figures that size a thing, so that "between" two of them is a spread: "campaigns of six to seven figures".
SIZES = (FigureKind.MONEY, FigureKind.COUNT)


def figure_group_edits(sentence: str, group: Sequence[Span], words: RewriteWords) -> list[Edit]:
    """Candidate rewrites of one figure, or of a range of two: a change, a spread, or its lower end."""
    figures = [parse_figure(sentence[s.start : s.end], words.reading) for s in group]
    first = figures[0]
    if first is None:
        return []
    if len(group) == 1:
        return _figure_edits(sentence, group[0].start, group[0].end, first, words)
    start, end = group[0].start, group[-1].end
    if not is_range(sentence, group, words):
        return _list_group_edits(sentence, start, end, [f for f in figures if f is not None], words)
    second = figures[1]
    assert second is not None  # _group pairs only figures that parse
    edits: list[Edit] = []
    between = _between(sentence, start, first.kind, words)
    if between is not None and first.kind in SIZES:
        # "between $5M - $20M" is a spread of sizes, as "between $5M and $20M" is.
        spread = Edit(between[0], end, between[1].format(_spread(first, second, words)))
        return [spread, *_figure_edits(sentence, start, end, first, words)]
    came_from = from_before(words.reading).search(sentence, 0, start)
    if came_from and _spread_before(words.reading).search(sentence, 0, came_from.start()):
        # "deals ranging from £10K to £100K" is a spread of sizes, not a change from one to the other.
        spread = Edit(start, end, _spread(first, second, words))
        return [spread, *_figure_edits(sentence, start, end, first, words)]
    if came_from and first.value == 0 and first.kind is second.kind:
        # "from 0 to over 500 members" is a level reached, not a change by a ratio.
        stop, named = _after_range(sentence, end, first, second, words)
        edits.append(
            Edit(came_from.start(), stop, words.writing.reached.format(_level(second, named, words)))
        )
    elif came_from and first.value > 0:
        stop, named = _after_range(sentence, end, first, second, words)
        if _change_before(words.reading).search(sentence, 0, came_from.start()):
            edits.append(
                Edit(came_from.start(), stop, words.writing.reached.format(_level(second, named, words)))
            )
        else:
            edits.append(Edit(came_from.start(), stop, change_phrase(first, second, words)))
    lower = first if first.value <= second.value else second
    lower_edits = _figure_edits(sentence, start, end, lower, words)
    if not edits and between is not None:
        # "between 10% - 15%" reads by its lower end, which says what "between" said.
        lower_edits = [replace(e, start=between[0]) if e.start == start else e for e in lower_edits]
    return edits + lower_edits


def _list_group_edits(
    sentence: str, start: int, end: int, figures: Sequence[Figure], words: RewriteWords
) -> list[Edit]:
    """A list of figures as one phrase, in the frame the list stands in."""
    edits = list_edits(figures, lambda one, w: _figure_edits(sentence, start, end, one, w), words)
    # "between $500K and $1M" reads "six to seven figures": the spread says what "between" said.
    if (between := _between(sentence, start, figures[0].kind, words)) is not None:
        at, frame = between
        edits = [replace(e, start=at, text=frame.format(e.text)) if e.start == start else e for e in edits]
    return edits


def _between(sentence: str, start: int, kind: FigureKind, words: RewriteWords) -> tuple[int, str] | None:
    """Where a 'between' before figures starts, and their phrase's frame: 'of {}' for sizes after a noun."""
    between = between_before(words.reading).search(sentence, 0, start)
    if between is None:
        return None
    noun = noun_before(sentence, between.start(), words.reading) if kind in SIZES else None
    sized = noun is not None and noun.lower() not in words.reading.copulas
    return between.start(), words.writing.sized if sized else "{}"


def is_range(sentence: str, group: Sequence[Span], words: RewriteWords) -> bool:
    """Whether a group of figures is a range of two ('$2M to $5M') rather than a list."""
    gap = sentence[group[0].end : group[1].start] if len(group) == 2 else ""
    return bool(gap) and range_gap(words.reading).fullmatch(gap) is not None


def _after_range(
    sentence: str, end: int, first: Figure, second: Figure, words: RewriteWords
) -> tuple[int, str]:
    """Where a range's phrase ends, past its period or the noun its counts count, and that noun."""
    period = period_after(words.reading).match(sentence, end)
    stop = period.end() if period else end
    noun = NEXT_WORD().match(sentence, stop) if first.kind is FigureKind.COUNT and not second.noun else None
    named = noun["word"] if noun and is_noun(noun["word"], words.reading) else ""
    return (noun.end() if noun and named else stop), named


def _level(figure: Figure, noun: str, words: RewriteWords) -> str:
    """Where a change ended: 'dozens of states', 'millions'."""
    if figure.kind is FigureKind.COUNT:
        return count_phrase(figure.value, words, figure.noun or noun)
    return _size(figure, words)


def _spread(first: Figure, second: Figure, words: RewriteWords) -> str:
    """Both ends of a range of sizes: 'five to six figures', 'dozens to hundreds'."""
    low, high = (_size(first, words), _size(second, words))
    if low == high:
        return low
    shared = words.writing.figures.format("")
    if low.endswith(shared) and high.endswith(shared):
        return words.spread.format(low.removesuffix(shared), high)
    return words.spread.format(low, high)


def _size(figure: Figure, words: RewriteWords) -> str:
    match figure.kind:
        case FigureKind.MONEY:
            return money_figures(figure, words)
        case FigureKind.PERCENT:
            return percent_level(figure.value, words)
        case _:
            return plain_phrase(figure, words)


def _figure_edits(sentence: str, start: int, end: int, figure: Figure, words: RewriteWords) -> list[Edit]:
    """Candidate rewrites of one figure, best first; the last replaces the figure alone."""
    approx = approx_before(words.reading).search(sentence, 0, start)
    wide_start = approx.start() if approx else start
    wide_end = end + 1 if sentence[end : end + 1] == "+" else end
    edits: list[Edit] = []
    if (before := PAREN_BEFORE().search(sentence, 0, wide_start)) and (
        after := PAREN_AFTER().match(sentence, wide_end)
    ):
        outside = sentence[: before.start()] + sentence[after.end() :]
        if any(c.isalnum() for c in outside):
            edits.append(Edit(before.start(), after.end(), ""))
    match figure.kind:
        case FigureKind.MONEY:
            edits += _money_edits(sentence, wide_start, wide_end, figure, words)
        case FigureKind.PERCENT:
            edits += percent_edits(sentence, wide_start, wide_end, figure.value, words)
            if figure.value >= 100:
                edits[-1:-1] = _verb_edits(sentence, wide_start, wide_end, 1 + figure.value / 100, words)
        case FigureKind.MULTIPLE:
            edits += _multiple_edits(sentence, wide_start, wide_end, figure.value, words)
        case FigureKind.COUNT:
            edits += _count_edits(sentence, wide_start, wide_end, figure, words)
    if figure.kind is FigureKind.COUNT and (
        ranged := _from_number_before(words.reading).search(sentence, 0, wide_start)
    ):
        # "from 4 to 22 accounts", only the second flagged, is still a change: "more than fivefold".
        first = Figure(FigureKind.COUNT, float(ranged["number"].replace(",", "")))
        stop = max(e.end for e in edits) if edits else end
        if first.value > 0:
            edits.insert(0, Edit(ranged.start(), stop, change_phrase(first, figure, words)))
    if zero := _from_zero_before(words.reading).search(sentence, 0, wide_start):
        # "from 0 to over 500 members" is where it got: "to hundreds of members".
        reached = words.writing.reached
        edits[:0] = [
            Edit(zero.start(), e.end, reached.format(e.text)) for e in edits if e.start == wide_start
        ]
    return [*edits, Edit(start, end, plain_phrase(figure, words))]


def _money_edits(sentence: str, start: int, end: int, figure: Figure, words: RewriteWords) -> list[Edit]:
    if figure.currency and (unit := currency_after(words.reading).match(sentence, end)):
        end = unit.end()
    period = figure.period
    if not period and (match := period_after(words.reading).match(sentence, end)):
        period, end = (match["period"] or match["pa"]).lower(), match.end()
    adjective, noun = (f" {words.periods[period][0]}", f" {words.periods[period][1]}") if period else ("", "")
    before = sentence[:start]
    described = _described_noun(sentence, end, words.reading)
    if (
        described is None
        and (sized := _sized_before(words.reading).search(before))
        and not _in_after(words.reading).match(sentence, end)
        and not range_gap(words.reading).match(sentence, end)
        and not period
    ):
        if at_least(words.reading).match(sentence, start):
            floor = words.writing.at_least_of.format(sized["things"], money_figures(figure, words))
            return [Edit(sized.start(), end, floor)]
        return [Edit(sized.start(), end, f"{money_adjective(figure, words)} {sized['things']}")]
    if described is not None:
        return [
            Edit(
                start,
                end,
                _with_article(before, described, money_adjective(figure, words) + adjective, words),
            )
        ]
    if determiner_before(words.reading).search(before):
        return [Edit(start, end, words.writing.sum.format(money_adjective(figure, words) + adjective))]
    if _figures_before(words.reading).search(before):
        return [Edit(start, end, money_figures(figure, words) + noun)]
    if (
        not noun
        and (things := _of_things(words.reading).match(sentence, end))
        and (amount := _amount_of(figure, words))
    ):
        return [Edit(start, things.end(), words.writing.amount_in.format(amount))]
    return [Edit(start, end, money_noun(figure, words) + noun)]


def _described_noun(sentence: str, end: int, reading: RewriteReading) -> str | None:
    """The noun a figure describes, past a period word: 'goal' of '$50,000 monthly sales goal'."""
    if not is_noun_after(sentence, end, reading):
        period = _period_adjective(reading).match(sentence, end)
        if not period or not is_noun_after(sentence, period.end(), reading):
            return None
        end = period.end()
    head = ""
    for word in NOUN_WORD().finditer(sentence, end):
        # A participle after the noun starts a clause of its own: "pipeline selling ads".
        if (
            word.start() != end
            or not is_noun(word["word"], reading)
            or (head and word["word"].endswith(reading.progressive_endings))
        ):
            break
        head, end = word["word"], word.end()
    return head


def _with_article(before: str, noun: str, adjective: str, words: RewriteWords) -> str:
    """'a six-figure budget' where the figure stood alone before a thing that is counted."""
    counted = (
        bool(noun) and not is_plural(noun) and not noun.isupper() and noun.lower() not in words.mass_nouns
    )
    if (
        counted
        and not determiner_before(words.reading).search(before)
        and _article_slot(words.reading).search(before)
    ):
        return article_for(adjective, words.reading) + adjective
    return adjective


def _amount_of(figure: Figure, words: RewriteWords) -> str | None:
    """An amount that was 'of' something: 'thousands of dollars', 'six figures in'; None if it reads so."""
    amount = money_noun(figure, words)
    if amount.endswith(words.writing.figures.format("")):
        return amount
    if not figure.currency or not amount.endswith(words.reading.scale_counts):
        return None
    return words.writing.of.format(amount, words.writing.currencies[figure.currency][1])


def _verb_edits(sentence: str, start: int, end: int, ratio: float, words: RewriteWords) -> list[Edit]:
    """'grew revenue 3x' -> 'tripled revenue', for ratios under 5 where a verb says it."""
    match = verb_object_before(words.reading).search(sentence, 0, start)
    if not match or not 2 <= ratio < 5 or is_noun_after(sentence, end, words.reading):
        return []
    obj = match["object"].rstrip()
    copied = (match.start("object"), match.start("object") + len(obj))
    return [Edit(match.start(), end, f"{step(words.fold_verbs, ratio, words)} {obj}".rstrip(), copied)]


def _multiple_edits(sentence: str, start: int, end: int, ratio: float, words: RewriteWords) -> list[Edit]:
    edits = _verb_edits(sentence, start, end, ratio, words)
    if comparative_after(words.reading).match(sentence, end):
        return [*edits, Edit(start, end, step(words.comparisons, ratio, words))]
    if by := by_before(words.reading).search(sentence, 0, start):
        return [*edits, Edit(by.start(), end, fold(ratio, words))]
    if is_noun_after(sentence, end, words.reading):
        ladder, value = (
            (words.folds, ratio) if ratio >= 2 else (words.percent_adjectives, abs(ratio - 1) * 100)
        )
        return [*edits, Edit(start, end, step(ladder, value, words))]
    return [*edits, Edit(start, end, fold(ratio, words))]


def _count_edits(sentence: str, start: int, end: int, figure: Figure, words: RewriteWords) -> list[Edit]:
    noun = NEXT_WORD().match(sentence, end)
    # "a 4 billion global organization": a bare scaled figure after an article describes a size in money.
    if (
        not figure.noun
        and figure.value >= 1e6
        and determiner_before(words.reading).search(sentence, 0, start)
    ):
        return [Edit(start, end, money_adjective(replace(figure, kind=FigureKind.MONEY), words))]
    if not figure.noun and noun and is_noun(noun["word"], words.reading):
        return [Edit(start, noun.end(), count_phrase(figure.value, words, noun["word"]))]
    return [Edit(start, end, count_phrase(figure.value, words, figure.noun))]
