"""Candidate rewrites of figures, from the widest phrase they read in to the figure alone."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from discreet.rewrite.figures import (
    APPROXIMATELY,
    PER_PERIOD,
    PERIOD_AFTER,
    Figure,
    FigureKind,
    parse_figure,
)
from discreet.rewrite.grammar import DETERMINER_BEFORE, NEXT_WORD, is_noun, is_noun_after
from discreet.rewrite.ladders import (
    COMPARISONS,
    FOLD_VERBS,
    FOLDS,
    PERCENT_ADJECTIVES,
    PERCENT_SHARES,
    PERIODS,
    change_phrase,
    count_phrase,
    fold,
    money_adjective,
    money_figures,
    money_noun,
    percent_amount,
    percent_level,
    plain_phrase,
    step,
)
from discreet.rewrite.spans import Edit, Span

# A rate this high reads 'near-perfect' (98% retention), unless the noun after it is a change (98% growth).
NEAR_PERFECT = 95
CHANGE_NOUN = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:growth|increase|rise|gain|uplift|boost|jump|improvement|reduction|decrease|"
    r"drop|decline|cut|savings?|return|ROI|YoY|year-over-year|lift)\b",
    re.IGNORECASE,
)
_GROWTH = r"(?:increased|grew|raised|boosted|improved|lifted|expanded|scaled|multiplied)"
APPROX_BEFORE = re.compile(rf"{APPROXIMATELY}+$", re.I)
FIGURES_BEFORE = re.compile(
    r"\b(?:to|of|at|past|exceeding|surpassing|topping|reaching|reached|hit|hitting|than|under|below)\s+$",
    re.I,
)
# "by12%" from exports that drop spaces is still "by 12%".
BY_BEFORE = re.compile(r"\bby\s*$", re.I)
# A saving takes its amount as an object: "saved 8% on supplies", not "saved by 8%".
SAVED_BEFORE = re.compile(r"\b(?:saved|saving|saves|save|trimmed|shaved|recovered|recouped)\s+$", re.I)
# A percentage against a plan says only how far: "15% under budget" is "well under budget".
AGAINST_AFTER = re.compile(r"\s+(?:under|over|below|above|ahead\s+of|behind)\b", re.I)
OF_AFTER = re.compile(r"\s+of\b(?:\s+all\b)?", re.I)
OVER = re.compile(r"(?:over|more\s+than|above|in\s+excess\s+of|upwards\s+of|>)\s*", re.I)
# A percentage after these is a level ("retention of 95%"), not a change.
LEVEL_BEFORE = re.compile(
    r"\b(?:to|of|at|from|than|under|reaching|reached|hit|hitting|is|was|were|are)\s+$", re.I
)
QUOTA_WORD = re.compile(r"\b(?P<goal>quota|target)s?\b", re.I)
# How far before an attainment its quota may be named: "carried a $1.4M quota; hit 113%".
QUOTA_REACH = 40
# An attainment's own goal after it: "achieved 100% of the FY15 goal".
QUOTA_OF = re.compile(
    r"\+?\s+of\s+(?:the\s+)?(?!all\b|every\b|each\b)(?P<words>(?:[\w&/'’-]+\s+){0,3}?)"
    r"(?P<goal>quota|target|plan|goal)s?\b",
    re.I,
)
QUOTA_AFTER = re.compile(
    r"\s*(?:(?:of|to|against|on)\s+)?(?:(?:the|my|our|annual|quarterly|yearly|monthly|team|sales|individual"
    r"|assigned|revenue|bookings)\s+)*(?P<goal>quota|target|plan|goal)s?\b(?!\s+(?:market|audience))"
    r"(?:\s+attainment)?",
    re.I,
)
QUOTA_BEFORE = re.compile(r"\b(?P<goal>quota|target)\s+attainment(?:\s+(?:of|at|was|is)|\s*[:–-])?\s*$", re.I)
QUOTA_VERB_BEFORE = re.compile(
    r"\b(?:(?:consistently|regularly|repeatedly)\s+)?(?:achieved|achieving|attained|hit|hitting|reached"
    r"|delivered|delivering|finished\s+at|ended\s+at|closed\s+at|averaged)\s+$",
    re.I,
)
VERB_OBJECT_BEFORE = re.compile(
    rf"\b(?P<verb>{_GROWTH})\s+(?P<object>(?:(?!{_GROWTH}\b|by\b)[\w&'’/-]+\s+){{0,4}}?)(?:by\s+)?$", re.I
)
COMPARATIVE_AFTER = re.compile(
    r"\s+(?:faster|quicker|more|better|higher|larger|bigger|greater|lower|cheaper|less|fewer|smaller)\b", re.I
)
# A currency named again after its sign: "$8.5 billion dollar bank".
CURRENCY_AFTER = re.compile(r"[ \t]+(?:dollars?|euros?|pounds?|rupees?)\b", re.I)
FROM_BEFORE = re.compile(rf"\bfrom\s+{APPROXIMATELY}?$", re.I)
SPREAD_BEFORE = re.compile(r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|spanning)\s+$", re.I)
RANGE_GAP = re.compile(rf"(?:\s*{PER_PERIOD})?\s*(?:-|–|—|to|→|->)\s*{APPROXIMATELY}?", re.I)
PAREN_BEFORE = re.compile(r"\s*\(\s*(?:[A-Za-z/]+\s+){0,2}[+±-]?$")
PAREN_AFTER = re.compile(r"(?:\s+[A-Za-z/]+){0,2}\s*\)")


def figure_group_edits(sentence: str, group: Sequence[Span]) -> list[Edit]:
    figures = [parse_figure(sentence[s.start : s.end]) for s in group]
    first = figures[0]
    if first is None:
        return []
    if len(group) == 1:
        return _figure_edits(sentence, group[0].start, group[0].end, first)
    second = figures[1]
    assert second is not None  # _group pairs only figures that parse
    start, end = group[0].start, group[1].end
    edits: list[Edit] = []
    came_from = FROM_BEFORE.search(sentence, 0, start)
    if came_from and SPREAD_BEFORE.search(sentence, 0, came_from.start()):
        # "deals ranging from £10K to £100K" is a spread of sizes, not a change from one to the other.
        return [Edit(start, end, _spread(first, second)), *_figure_edits(sentence, start, end, first)]
    if came_from and first.value > 0:
        period = PERIOD_AFTER.match(sentence, end)
        stop = period.end() if period else end
        noun = NEXT_WORD.match(sentence, stop) if first.kind is FigureKind.COUNT and not second.noun else None
        stop = noun.end() if noun and is_noun(noun["word"]) else stop
        edits.append(Edit(came_from.start(), stop, change_phrase(first, second)))
    lower = first if first.value <= second.value else second
    return edits + _figure_edits(sentence, start, end, lower)


def _spread(first: Figure, second: Figure) -> str:
    """Both ends of a range of sizes: 'five to six figures', 'dozens to hundreds'."""
    low, high = (_size(first), _size(second))
    if low == high:
        return low
    shared = " figures"
    if low.endswith(shared) and high.endswith(shared):
        return f"{low.removesuffix(shared)} to {high}"
    return f"{low} to {high}"


def _size(figure: Figure) -> str:
    match figure.kind:
        case FigureKind.MONEY:
            return money_figures(figure)
        case FigureKind.PERCENT:
            return percent_level(figure.value)
        case _:
            return plain_phrase(figure)


def _figure_edits(sentence: str, start: int, end: int, figure: Figure) -> list[Edit]:
    """Candidate rewrites of one figure, best first; the last replaces the figure alone."""
    approx = APPROX_BEFORE.search(sentence, 0, start)
    wide_start = approx.start() if approx else start
    wide_end = end + 1 if sentence[end : end + 1] == "+" else end
    edits: list[Edit] = []
    if (before := PAREN_BEFORE.search(sentence, 0, wide_start)) and (
        after := PAREN_AFTER.match(sentence, wide_end)
    ):
        outside = sentence[: before.start()] + sentence[after.end() :]
        if any(c.isalnum() for c in outside):
            edits.append(Edit(before.start(), after.end(), ""))
    match figure.kind:
        case FigureKind.MONEY:
            edits += _money_edits(sentence, wide_start, wide_end, figure)
        case FigureKind.PERCENT:
            edits += _percent_edits(sentence, wide_start, wide_end, figure.value)
        case FigureKind.MULTIPLE:
            edits += _multiple_edits(sentence, wide_start, wide_end, figure.value)
        case FigureKind.COUNT:
            edits += _count_edits(sentence, wide_start, wide_end, figure)
    return [*edits, Edit(start, end, plain_phrase(figure))]


def _money_edits(sentence: str, start: int, end: int, figure: Figure) -> list[Edit]:
    if figure.currency and (unit := CURRENCY_AFTER.match(sentence, end)):
        end = unit.end()
    period = figure.period
    if not period and (match := PERIOD_AFTER.match(sentence, end)):
        period, end = (match["period"] or match["pa"]).lower(), match.end()
    adjective, noun = (f" {PERIODS[period][0]}", f" {PERIODS[period][1]}") if period else ("", "")
    before = sentence[:start]
    noun_follows = is_noun_after(sentence, end)
    if noun_follows or DETERMINER_BEFORE.search(before):
        text = f"{money_adjective(figure)}{adjective}" + ("" if noun_follows else " sum")
    elif FIGURES_BEFORE.search(before):
        text = money_figures(figure) + noun
    else:
        text = money_noun(figure) + noun
    return [Edit(start, end, text)]


def _percent_edits(sentence: str, start: int, end: int, percent: float) -> list[Edit]:
    before = sentence[:start]
    edits: list[Edit] = []
    over = OVER.match(sentence, start) is not None or sentence[start:end].endswith("+")
    exceeded = percent > 100 or (percent == 100 and over)
    if quota := QUOTA_AFTER.match(sentence, end):
        edits.append(_quota_edit(sentence, start, quota.end(), quota["goal"].lower(), percent, exceeded))
    if percent >= 100 and (quota_before := QUOTA_BEFORE.search(before)):
        edits.append(Edit(quota_before.start(), end, _against(quota_before["goal"], exceeded)))
    verb = QUOTA_VERB_BEFORE.search(before)
    if percent >= 100 and verb and (own := QUOTA_OF.match(sentence, end)):
        edits.append(Edit(verb.start(), own.end(), _against(own["goal"], exceeded, own["words"])))
    elif (
        percent >= 100 and verb and (goal := QUOTA_WORD.search(sentence, max(0, start - QUOTA_REACH), start))
    ):
        edits.append(Edit(verb.start(), end, _against(goal["goal"], exceeded)))
    if percent >= 100:
        edits += _verb_edits(sentence, start, end, 1 + percent / 100)
    by = BY_BEFORE.search(before)
    if by:
        edits.append(Edit(by.start(), end, ("" if percent >= 100 else "by ") + percent_amount(percent)))
    elif percent <= 100 and (of := OF_AFTER.match(sentence, end)):
        # "over 100% of the goal" is more than the goal; "100% of all goals", all of them.
        if exceeded:
            edits.append(Edit(start, of.end(), "more than"))
        elif of.group().endswith("all"):
            edits.append(Edit(start, of.end(), step(PERCENT_SHARES, percent)))
        else:
            edits.append(Edit(start, end, step(PERCENT_SHARES, percent)))
    elif AGAINST_AFTER.match(sentence, end):
        edits.append(Edit(start, end, "well" if percent >= 10 else "slightly"))
    elif percent < 100 and SAVED_BEFORE.search(before):
        edits.append(Edit(start, end, percent_amount(percent)))
    elif is_noun_after(sentence, end):
        edits.append(Edit(start, end, _percent_adjective(sentence, end, percent)))
    elif DETERMINER_BEFORE.search(before):
        edits.append(Edit(start, end, f"{step(PERCENT_ADJECTIVES, percent)} percentage"))
    elif LEVEL_BEFORE.search(before):
        edits.append(Edit(start, end, percent_level(percent)))
    else:
        edits.append(Edit(start, end, ("" if percent >= 100 else "by ") + percent_amount(percent)))
    return edits


def _quota_edit(sentence: str, start: int, end: int, goal: str, percent: float, exceeded: bool) -> Edit:
    verb = QUOTA_VERB_BEFORE.search(sentence, 0, start)
    if percent < 100:
        return Edit(start, end, f"{'most' if percent >= 50 else 'part'} of {goal}")
    if verb or _clause_start(sentence, start):
        return Edit(verb.start() if verb else start, end, _against(goal, exceeded))
    return Edit(start, end, f"above-{goal} results" if exceeded else f"on-{goal} results")


def _against(goal: str, exceeded: bool, words: str = "") -> str:
    """A result against a goal: 100% met it, more exceeded it; 'the FY15 goal' was met once."""
    verb = "exceeded" if exceeded else "met"
    if words.strip():
        return f"{verb} the {words.strip()} {goal.lower()}"
    return f"consistently {verb} {goal.lower()}"


def _clause_start(sentence: str, start: int) -> bool:
    return not sentence[:start].strip() or bool(re.search(r"[.!?:;|•]\s*$", sentence[:start]))


def _verb_edits(sentence: str, start: int, end: int, ratio: float) -> list[Edit]:
    """'grew revenue 3x' -> 'tripled revenue', for ratios under 5 where a verb says it."""
    match = VERB_OBJECT_BEFORE.search(sentence, 0, start)
    if not match or not 2 <= ratio < 5 or is_noun_after(sentence, end):
        return []
    obj = match["object"].rstrip()
    copied = (match.start("object"), match.start("object") + len(obj))
    return [Edit(match.start(), end, f"{step(FOLD_VERBS, ratio)} {obj}".rstrip(), copied)]


def _multiple_edits(sentence: str, start: int, end: int, ratio: float) -> list[Edit]:
    edits = _verb_edits(sentence, start, end, ratio)
    if COMPARATIVE_AFTER.match(sentence, end):
        return [*edits, Edit(start, end, step(COMPARISONS, ratio))]
    by = BY_BEFORE.search(sentence, 0, start)
    if by:
        return [*edits, Edit(by.start(), end, fold(ratio))]
    if is_noun_after(sentence, end):
        adjective = step(FOLDS, ratio) if ratio >= 2 else step(PERCENT_ADJECTIVES, abs(ratio - 1) * 100)
        return [*edits, Edit(start, end, adjective)]
    return [*edits, Edit(start, end, fold(ratio))]


def _count_edits(sentence: str, start: int, end: int, figure: Figure) -> list[Edit]:
    noun = NEXT_WORD.match(sentence, end)
    # "a 4 billion global organization": a bare scaled figure after an article describes a size in money.
    if not figure.noun and figure.value >= 1e6 and DETERMINER_BEFORE.search(sentence, 0, start):
        return [Edit(start, end, money_adjective(replace(figure, kind=FigureKind.MONEY)))]
    if not figure.noun and noun and is_noun(noun["word"]):
        return [Edit(start, noun.end(), count_phrase(figure.value, noun["word"]))]
    return [Edit(start, end, count_phrase(figure.value, figure.noun))]


def _percent_adjective(sentence: str, end: int, percent: float) -> str:
    """'double-digit growth'; a rate near the top of its scale is 'near-perfect': 98% retention."""
    if percent >= NEAR_PERFECT and not CHANGE_NOUN.match(sentence, end):
        return "perfect" if percent == 100 else "near-perfect"
    return step(PERCENT_ADJECTIVES, percent)
