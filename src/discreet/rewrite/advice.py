"""Advise on findings: what to do in public and in a resume, why, and the sentence rewritten for public."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from discreet.language import RewriteReading, RewriteWords
from discreet.languages.en import ENGLISH
from discreet.model import Action, Advice, Category, Finding, Section
from discreet.packs import Rule, rule_actions
from discreet.rewrite.figures import parse_figure
from discreet.rewrite.markers import marked, nda
from discreet.rewrite.patterns import lazy
from discreet.rewrite.sentence import rewrite_sentence
from discreet.rewrite.spans import Span, Treatment

PLUS_BEFORE = lazy(r"\+\s?$")


def advise(
    sentence: str,
    findings: Sequence[Finding],
    rules: Mapping[str, Rule],
    offset: int = 0,
    stand_in: Callable[[str], str] = lambda _matched: "",
    words: RewriteWords = ENGLISH.rewrite,
) -> tuple[Advice, ...]:
    """Advise on each finding of a sentence, all sharing one rewrite; stand_in serves private terms.

    The sentence starts at offset in the document and may run over several lines: it is rewritten
    as one line.
    """
    flat = sentence.replace("\n", " ")
    spans = [_span(flat, finding, rules.get(finding.rule), offset, stand_in, words) for finding in findings]
    found = [span for span in spans if span is not None]
    # A sentence where no finding covers any text has nothing to rewrite: it stands as written.
    rewrite = rewrite_sentence(flat, found, words) if found else sentence
    where = (offset, offset + len(sentence))
    return tuple(_advice(finding, rules.get(finding.rule), rewrite, where, words) for finding in findings)


def _advice(
    finding: Finding, rule: Rule | None, rewrite: str, sentence: tuple[int, int], words: RewriteWords
) -> Advice:
    public, resume = _actions(finding, rule)
    title = " ".join((rule.title if rule else words.titles[finding.category]).split())
    return Advice(public, resume, f"{title}: {_action_phrase(public, resume, words)}", rewrite, sentence)


def _actions(finding: Finding, rule: Rule | None) -> tuple[Action, Action]:
    return rule_actions(rule, finding.category)


def _action_phrase(public: Action, resume: Action, words: RewriteWords) -> str:
    if public is resume and public is not Action.GENERALIZE:
        return words.writing.everywhere[public]
    return f"{words.public_phrases[public]}, {words.resume_phrases[resume]}"


def _span(
    sentence: str,
    finding: Finding,
    rule: Rule | None,
    offset: int,
    stand_ins: Callable[[str], str],
    words: RewriteWords,
) -> Span | None:
    start, end = max(finding.start - offset, 0), min(finding.end - offset, len(sentence))
    if start >= end:
        return None
    category = rule.category if rule else finding.category
    public = _actions(finding, rule)[0]
    # The user's own stand-in for a private term comes first; a rule's is for the names it finds.
    stand_in = stand_ins(finding.text).strip() or (rule.stand_in.strip() if rule else "")
    treatment = _treatment(category, public, sentence[start:end], stand_in, words.reading)
    if treatment is Treatment.DROP:
        start, end = _balanced(sentence, start, end)
    # A rule that looks only in the references section flags lines that are all about a referee.
    line = rule is not None and rule.sections == {Section.REFERENCES}
    return Span(start, end, treatment, category, stand_in, line)


def _treatment(
    category: Category, public: Action, text: str, stand_in: str, reading: RewriteReading
) -> Treatment:
    if public is Action.KEEP:
        return Treatment.KEEP
    figure = category in (Category.FINANCIAL, Category.COMPENSATION)
    if public is Action.GENERALIZE and figure and parse_figure(text, reading) is not None:
        return Treatment.FIGURE
    marker = marked(reading).fullmatch(text.strip()) or nda(reading).fullmatch(text.strip())
    if category is Category.CONFIDENTIAL and not stand_in and marker:
        return Treatment.MARKER
    # A rule that says what to write for a name ('a major client') knows its names may hold digits: 3M, VH1.
    if category is Category.CONFIDENTIAL and _is_name(text, digits=bool(stand_in)):
        return Treatment.NAME
    if public is Action.GENERALIZE and category is Category.FINANCIAL:
        return Treatment.NAME
    return Treatment.DROP


def _balanced(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Widen a value to the bracket or plus sign it opened with: '(+82) 10-9030', '+ 1 (415) 582'."""
    text = sentence[start:end]
    if text.count(")") > text.count("(") and sentence[start - 1 : start] == "(":
        start -= 1
    if text.count("(") > text.count(")") and sentence[end : end + 1] == ")":
        end += 1
    if (plus := PLUS_BEFORE().search(sentence, 0, start)) and sentence[start : start + 1] in "0123456789(":
        start = plus.start()
    return start, end


def _is_name(text: str, digits: bool = False) -> bool:
    """A name has letters; no @, path, host or brackets around it; digits only if allowed and outnumbered."""
    stripped = text.strip()
    letters = sum(c.isalpha() for c in stripped)
    numbers = sum(c.isdigit() for c in stripped)
    return (
        letters > 0
        and (numbers == 0 or (digits and numbers < letters))
        and "@" not in stripped
        and not re.search(r"/[a-z]|[a-z0-9-]\.[a-z]", stripped)
        and not (stripped.startswith("(") and stripped.endswith(")"))
    )
