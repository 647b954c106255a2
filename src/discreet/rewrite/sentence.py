"""Rewrite one sentence: group its spans, choose one edit per group, assemble the result."""

from __future__ import annotations

from collections.abc import Sequence

from discreet.language import RewriteWords
from discreet.languages.en import ENGLISH
from discreet.model import Category
from discreet.rewrite.figure_edits import figure_group_edits, is_range, range_gap
from discreet.rewrite.figure_lists import joins_list
from discreet.rewrite.figures import parse_figure
from discreet.rewrite.ladders import plain_phrase
from discreet.rewrite.markers import marker_edits, unmarked
from discreet.rewrite.names import name_edits, name_gap, stand_in_for
from discreet.rewrite.patterns import lazy
from discreet.rewrite.removals import drop_edits, drop_gap, filled_stand_in, referee_gap
from discreet.rewrite.seams import assemble
from discreet.rewrite.spans import Edit, EditGroup, Span, Treatment

LAST_WORD = lazy(r"(?P<word>[\w'’-]+)[^\w'’-]*$")
FIRST_WORD = lazy(r"[^\w'’-]*(?P<word>[\w'’-]+)")


# A rewrite groups spans that read as one phrase (a range, a list of names), lets each group offer edits
# from the widest (absorbing "achieved ... of quota", a label, a determiner) to the span alone, keeps the
# widest that neither overlaps another edit nor cuts or repeats a span, then tidies every seam.
def rewrite_sentence(sentence: str, spans: Sequence[Span], words: RewriteWords = ENGLISH.rewrite) -> str:
    """The sentence with every span handled at once: figures generalized, names replaced, values dropped."""
    active = _merge([span for span in spans if span.treatment is not Treatment.KEEP])
    if not active:
        return sentence
    edits = choose_edits(sentence, _units(sentence, active, words), active, words)
    return assemble(sentence, edits, words.reading)


def _merge(spans: Sequence[Span]) -> list[Span]:
    """Join overlapping spans; the strongest treatment of those joined wins."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start < merged[-1].end:
            last = merged.pop()
            strongest = max(last, span, key=lambda s: s.treatment.rank)
            span = Span(
                last.start,
                max(last.end, span.end),
                strongest.treatment,
                strongest.category,
                strongest.stand_in,
            )
        merged.append(span)
    return merged


def _units(sentence: str, spans: Sequence[Span], words: RewriteWords) -> list[EditGroup]:
    units: list[EditGroup] = []
    index = 0
    while index < len(spans):
        group = _group(sentence, spans, index, words)
        units.append(EditGroup(group, tuple(_candidates(sentence, group, words))))
        index += len(group)
    return units


def _group(sentence: str, spans: Sequence[Span], index: int, words: RewriteWords) -> tuple[Span, ...]:
    """The spans from index that read as one phrase: a range, a list of names, 'phone or e-mail'."""
    first = spans[index]
    group = [first]
    for span in spans[index + 1 :]:
        gap = sentence[group[-1].end : span.start]
        if span.treatment is not first.treatment:
            break
        if first.treatment is Treatment.FIGURE:
            a, b = (
                parse_figure(sentence[first.start : first.end], words.reading),
                parse_figure(sentence[span.start : span.end], words.reading),
            )
            if not a or not b:
                break
            if len(group) == 1 and a.kind is b.kind and range_gap(words.reading).fullmatch(gap):
                return (first, span)
            if is_range(sentence, group, words) or not joins_list(gap, a, b, words):
                break
            group.append(span)
            continue
        if first.treatment is Treatment.NAME:
            stand_ins = {stand_in_for(sentence, span, words), stand_in_for(sentence, first, words)}
            joins = name_gap(words.reading).fullmatch(gap) and len(stand_ins) == 1
        else:
            gaps = (
                referee_gap(words.reading)
                if first.category is Category.REFERENCES
                else drop_gap(words.reading)
            )
            joins = gaps.fullmatch(gap) and (span.category, span.stand_in) == (first.category, first.stand_in)
        if not joins:
            break
        group.append(span)
    return tuple(group)


def _candidates(sentence: str, group: Sequence[Span], words: RewriteWords) -> list[Edit]:
    match group[0].treatment:
        case Treatment.FIGURE:
            return figure_group_edits(sentence, group, words)
        case Treatment.MARKER:
            return marker_edits(sentence, group, words.reading)
        case Treatment.NAME:
            return name_edits(sentence, group, words)
        case _:
            return drop_edits(sentence, group, words)


def choose_edits(
    sentence: str, units: Sequence[EditGroup], spans: Sequence[Span], words: RewriteWords
) -> list[Edit]:
    """Take each unit's best edit that fits; a unit with none left falls back to its spans alone."""
    accepted: list[Edit] = []
    for unit in sorted(units, key=lambda u: (-u.spans[0].treatment.rank, u.spans[0].start)):
        pending = [s for s in unit.spans if not any(e.start <= s.start and s.end <= e.end for e in accepted)]
        if not pending:
            continue
        if len(pending) == len(unit.spans):
            edit = next((c for c in unit.candidates if _fits(sentence, c, accepted, spans)), None)
            if edit is not None:
                accepted.append(edit)
                continue
        accepted.extend(Edit(s.start, s.end, _fallback(sentence, s, words)) for s in pending)
    return sorted(accepted, key=lambda e: e.start)


def _fits(sentence: str, edit: Edit, accepted: Sequence[Edit], spans: Sequence[Span]) -> bool:
    """An edit may not touch another edit, cut or repeat a span, or set a word beside itself."""
    if any(edit.start < other.end and other.start < edit.end for other in accepted):
        return False
    if _joins_itself(sentence, edit):
        return False
    for span in spans:
        inside = edit.start <= span.start and span.end <= edit.end
        if not inside and edit.start < span.end and span.start < edit.end:
            return False
        if edit.copied[0] < span.end and span.start < edit.copied[1]:
            return False
    return True


def _joins_itself(sentence: str, edit: Edit) -> bool:
    """Whether the edit sets a word beside itself: 'project (EXXON) Project' without its aside."""
    text = edit.text.strip()
    seams = [(sentence[: edit.start] + text, sentence[edit.end :])]
    if text:
        seams.append((sentence[: edit.start], text))
    for left, right in seams:
        last, first = LAST_WORD().search(left), FIRST_WORD().match(right)
        if last and first and last["word"].casefold() == first["word"].casefold():
            return True
    return False


def _fallback(sentence: str, span: Span, words: RewriteWords) -> str:
    match span.treatment:
        case Treatment.FIGURE:
            figure = parse_figure(sentence[span.start : span.end], words.reading)
            return plain_phrase(figure, words) if figure else words.amount
        case Treatment.MARKER:
            return unmarked(sentence[span.start : span.end], words.reading)
        case Treatment.NAME:
            return stand_in_for(sentence, span, words)
        case _:
            return filled_stand_in(span.stand_in, sentence, span.start, span.end, words)
