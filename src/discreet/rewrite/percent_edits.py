"""Candidate rewrites of percentages: changes, shares, levels, and results against a quota."""

from __future__ import annotations

import re

import regex

from discreet.language import RewriteReading, RewriteWords
from discreet.rewrite.grammar import determiner_before, is_noun_after
from discreet.rewrite.ladders import percent_amount, percent_level, step, tens_below, times
from discreet.rewrite.patterns import alternation, built, compiled, ends_with
from discreet.rewrite.spans import Edit

# A rate this high reads 'near-perfect' (98% retention), unless the noun after it is a change (98% growth).
NEAR_PERFECT = 95
# From here up a rate before a noun reads as its tens: a "90%-plus retention rate".
HIGH_RATE = 50
# How far before an attainment its quota may be named: "carried a $1.4M quota; hit 113%".
QUOTA_REACH = 40


@built
def by_before(reading: RewriteReading) -> regex.Pattern[str]:
    """'by' before a change: 'by12%' from exports that drop spaces is still 'by 12%'."""
    return compiled(rf"\b{alternation(reading.by_words)}\s*$", re.I)


@built
def _markedby_before(reading: RewriteReading) -> regex.Pattern[str]:
    """'by **18 %**' in Markdown keeps its 'by' outside the emphasis."""
    return compiled(rf"\b{alternation(reading.by_words)}\s*[*_]+\s*$", re.I)


@built
def _up_before(reading: RewriteReading) -> regex.Pattern[str]:
    """'up 41%' takes its amount without 'by'."""
    return ends_with(reading.change_adverbs)


@built
def _against_after(reading: RewriteReading) -> regex.Pattern[str]:
    """A percentage against a plan says only how far: '15% under budget' is 'well under budget'."""
    against, plan = alternation(reading.against_words), alternation(reading.plans)
    owner = alternation((*reading.definite_articles, *reading.possessives))
    return compiled(rf"\s+{against}\s+(?:{owner}\s+)?(?:[\w-]+\s+)?{plan}\b", re.I)


@built
def _of_after(reading: RewriteReading) -> regex.Pattern[str]:
    """A share of something: '73% of customers', '100% of all'."""
    of, every = alternation(reading.part_of), alternation(reading.all_words)
    return compiled(rf"\s+{of}\b(?:\s+(?P<all>{every})\b)?", re.I)


@built
def at_least(reading: RewriteReading) -> regex.Pattern[str]:
    """What says a figure is a floor: 'over', 'in excess of', '>'."""
    return compiled(rf"(?:{alternation(reading.at_least_words)}|>)", re.I)


@built
def _over(reading: RewriteReading) -> regex.Pattern[str]:
    """What says a percentage is a floor, with the space after it: 'over 100%'."""
    return compiled(rf"{at_least(reading).pattern}\s*", re.I)


@built
def _level_before(reading: RewriteReading) -> regex.Pattern[str]:
    """A percentage after these is a level ('retention of 95%'), not a change."""
    return compiled(rf"(?:\b{alternation(reading.level_leads)}\s+|:\s*)$", re.I)


@built
def _quota_word(reading: RewriteReading) -> regex.Pattern[str]:
    """A goal a result is measured against, named nearby: 'carried a $1.4M quota'."""
    return compiled(rf"\b(?P<goal>{alternation(reading.attainment_goals)})s?\b", re.I)


@built
def _at_before(reading: RewriteReading) -> regex.Pattern[str]:
    """'at' before a result: 'finished the year at 121% of quota'."""
    return ends_with(reading.at_words)


@built
def _determiner_after(reading: RewriteReading) -> regex.Pattern[str]:
    """'100% of account goals' is 'all account goals': 'all of' wants a determiner after it."""
    return compiled(rf"\s*{alternation((*reading.determiners, *reading.demonstratives))}\b", re.I)


@built
def _quota_before(reading: RewriteReading) -> regex.Pattern[str]:
    """An attainment named before its percentage: 'quota attainment of 112%'."""
    goal, attainment = alternation(reading.attainment_goals), alternation(reading.attainment_words)
    joiner = alternation(reading.attainment_joiners)
    return compiled(rf"\b(?P<goal>{goal})\s+{attainment}(?:\s+{joiner}|\s*[:–-])?\s*$", re.I)


@built
def change_noun(reading: RewriteReading) -> regex.Pattern[str]:
    """A noun of change after a percentage, up to two words on: '37% year-over-year growth'."""
    return compiled(rf"\s*(?:[\w-]+\s+){{0,2}}?{alternation(reading.change_nouns)}\b", re.I)


@built
def _saved_before(reading: RewriteReading) -> regex.Pattern[str]:
    """A saving takes its amount as an object: 'saved 8% on supplies', not 'saved by 8%'."""
    return ends_with(reading.savings_verbs)


@built
def _list_after_quota(reading: RewriteReading) -> regex.Pattern[str]:
    """An attainment again in a list, its quota already named: '108% of quota in FY19 and 117% in FY20'."""
    joiners = alternation(reading.list_joiners)
    return compiled(rf"\b{alternation(reading.goals)}s?\b.*(?:,|\b{joiners})\s+$", re.I)


@built
def _quota_of(reading: RewriteReading) -> regex.Pattern[str]:
    """An attainment's own goal after it: 'achieved 100% of the FY15 goal'."""
    of, the = alternation(reading.part_of), alternation(reading.definite_articles)
    return compiled(
        rf"\+?\s+{of}\s+(?:{the}\s+)?(?!{alternation(reading.quantifiers)}\b)(?P<words>(?:[\w&/'’-]+\s+){{0,3}}?)"
        rf"(?P<goal>{alternation(reading.goals)})s?\b",
        re.I,
    )


@built
def _quota_after(reading: RewriteReading) -> regex.Pattern[str]:
    """A goal named after a percentage: '120% of the annual sales quota'."""
    lead, modifier = alternation(reading.goal_leads), alternation(reading.goal_modifiers)
    other, attainment = alternation(reading.not_goals_before), alternation(reading.attainment_words)
    return compiled(
        rf"\s*(?:{lead}\s+)?(?P<phrase>(?:{modifier}\s+)*(?P<goal>{alternation(reading.goals)})s?)\b"
        rf"(?!\s+{other})(?:\s+{attainment})?",
        re.I,
    )


@built
def _margin_before(reading: RewriteReading) -> regex.Pattern[str]:
    """A margin's value as a label's or a verb's: 'EBITDA margin: 18%'; 'a margin of 31%' stays a level."""
    return compiled(rf"\b{alternation(reading.margins)}\s*(?::|{alternation(reading.copulas)})\s*$", re.I)


@built
def _quota_verb_before(reading: RewriteReading) -> regex.Pattern[str]:
    """A verb that reaches a goal before a percentage: 'consistently achieved', 'finished at'."""
    return compiled(
        rf"\b(?P<often>{alternation(reading.often)}\s+)?{alternation(reading.quota_verbs)}\s+$", re.I
    )


def percent_edits(sentence: str, start: int, end: int, percent: float, words: RewriteWords) -> list[Edit]:
    """Candidate rewrites of a percentage, best first: against a quota, then as a change, share or level."""
    over = _over(words.reading).match(sentence, start) is not None or sentence[start:end].endswith("+")
    exceeded = percent > 100 or (percent == 100 and over)
    return [
        *_quota_edits(sentence, start, end, percent, exceeded, words),
        _plain_edit(sentence, start, end, percent, words, exceeded),
    ]


def _quota_edits(
    sentence: str, start: int, end: int, percent: float, exceeded: bool, words: RewriteWords
) -> list[Edit]:
    reading, writing = words.reading, words.writing
    before = sentence[:start]
    edits: list[Edit] = []
    if quota := _quota_after(reading).match(sentence, end):
        edits.append(_quota_edit(sentence, start, quota, percent, exceeded, words))
    if percent >= 100 and (quota_before := _quota_before(reading).search(before)):
        edits.append(Edit(quota_before.start(), end, _against(quota_before["goal"].lower(), exceeded, words)))
    if (
        percent >= 100
        and _list_after_quota(reading).search(before)
        and not _of_after(reading).match(sentence, end)
    ):
        edits.append(Edit(start, end, ""))
    verb = _quota_verb_before(reading).search(before)
    if percent >= 100 and verb and (own := _quota_of(reading).match(sentence, end)):
        named_goal = f"{own['words'].strip()} {own['goal'].lower()}"
        goal = writing.the_goal.format(named_goal) if own["words"].strip() else own["goal"]
        edits.append(Edit(verb.start(), own.end(), _against(goal, exceeded, words, verb)))
    elif (
        percent >= 100
        and verb
        and (named := _quota_word(reading).search(sentence, max(0, start - QUOTA_REACH), start))
    ):
        edits.append(Edit(verb.start(), end, _against(named["goal"].lower(), exceeded, words, verb)))
    return edits


def _quota_edit(
    sentence: str,
    start: int,
    quota: regex.Match[str],
    percent: float,
    exceeded: bool,
    words: RewriteWords,
) -> Edit:
    """'120% of sales quota': 'exceeded sales quota' after a verb; again in a list, what follows it."""
    reading, writing = words.reading, words.writing
    verb = _quota_verb_before(reading).search(sentence, 0, start)
    goal = quota["goal"].lower()
    if at := _at_before(reading).search(sentence, 0, start):
        # "finished the year at 121% of quota" reads "finished the year above quota"; at 90%, "below".
        where = writing.above if exceeded else writing.at if percent >= 100 else writing.below
        return Edit(at.start(), quota.end(), where.format(quota["phrase"]))
    if percent < 100:
        return Edit(start, quota.end(), (writing.most_of if percent >= 50 else writing.part_of).format(goal))
    if verb or _clause_start(sentence, start):
        against = _against(quota["phrase"], exceeded, words, verb)
        return Edit(verb.start() if verb else start, quota.end(), against)
    if re.search(rf"\b{re.escape(quota['phrase'])}\b", sentence[:start], re.I):
        # "…quota in 1999, 160% of sales quota in 2000": the list already said it, once is enough.
        return Edit(start, quota.end(), "")
    return Edit(start, quota.end(), (writing.above_results if exceeded else writing.on_results).format(goal))


def _against(goal: str, exceeded: bool, words: RewriteWords, verb: regex.Match[str] | None = None) -> str:
    """A result against a goal in the verb's own form: 'achieving 120%' is 'exceeding', 100% 'meeting'."""
    continuous = verb is not None and verb.group().rstrip().endswith(words.reading.progressive_endings)
    said = (words.writing.exceeded if exceeded else words.writing.met)[continuous]
    often = verb["often"] if verb is not None and verb["often"] else ""
    return f"{often.lower()}{said} {goal}"


def _clause_start(sentence: str, start: int) -> bool:
    return not sentence[:start].strip() or bool(re.search(r"[.!?:;|•]\s*$", sentence[:start]))


def _plain_edit(
    sentence: str, start: int, end: int, percent: float, words: RewriteWords, exceeded: bool
) -> Edit:
    """The percentage alone, as the words around it read it."""
    before = sentence[:start]
    if _up_before(words.reading).search(before) or _markedby_before(words.reading).search(before):
        return Edit(start, end, percent_amount(percent, words))
    if by := by_before(words.reading).search(before):
        return Edit(by.start(), end, _by(percent, words))
    if of := _of_after(words.reading).match(sentence, end):
        return _share_edit(start, end, of, percent, words, exceeded)
    if _against_after(words.reading).match(sentence, end):
        return Edit(start, end, words.writing.well if percent >= 10 else words.writing.slightly)
    if percent < 100 and _saved_before(words.reading).search(before):
        return Edit(start, end, percent_amount(percent, words))
    if is_noun_after(sentence, end, words.reading) or change_noun(words.reading).match(sentence, end):
        return Edit(start, end, _percent_adjective(sentence, end, percent, words))
    if _margin_before(words.reading).search(before):
        return Edit(start, end, step(words.margins, percent, words))
    if determiner_before(words.reading).search(before):
        return Edit(
            start, end, words.writing.percentage.format(step(words.percent_adjectives, percent, words))
        )
    if _level_before(words.reading).search(before):
        return Edit(start, end, percent_level(percent, words))
    return Edit(start, end, _by(percent, words))


def _by(percent: float, words: RewriteWords) -> str:
    """A change's amount with its 'by'; from 100% up the amount is a fold, which needs none."""
    amount = percent_amount(percent, words)
    return amount if percent >= 100 else words.writing.by.format(amount)


def _share_edit(
    start: int, end: int, of: regex.Match[str], percent: float, words: RewriteWords, exceeded: bool
) -> Edit:
    """'73% of customers' is 'more than half of customers'; '150% of plan', 'one and a half times plan'."""
    if exceeded:
        return Edit(start, of.end(), times(percent, words))
    share = step(words.percent_shares, percent, words)
    determined = _determiner_after(words.reading).match(of.string, of.end())
    if of["all"] or (percent == 100 and not determined):
        return Edit(start, of.end(), share)
    return Edit(start, end, share)


def _percent_adjective(sentence: str, end: int, percent: float, words: RewriteWords) -> str:
    """'double-digit growth'; a rate is read by its tens ('90%-plus retention'), 98% as 'near-perfect'."""
    if change_noun(words.reading).match(sentence, end) or not HIGH_RATE <= percent <= 100:
        return step(words.percent_adjectives, percent, words)
    if percent >= NEAR_PERFECT:
        return words.writing.perfect if percent == 100 else words.writing.near_perfect
    return words.writing.tens_plus.format(tens_below(percent))
