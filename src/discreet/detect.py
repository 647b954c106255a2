"""Run rules over a document's text: pure, deterministic, bounded in time."""

from __future__ import annotations

import bisect
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from discreet import precompiled
from discreet.echoes import echo_findings
from discreet.employers import without_employers
from discreet.errors import RuleTimeoutError
from discreet.model import (
    Document,
    DocumentKind,
    Finding,
    Format,
    Section,
    Segment,
    build_document,
)
from discreet.packs import DEFAULT_TIMEOUT, Rule
from discreet.parsers.text import TextLocation
from discreet.prefilter import Sightings, prefilter
from discreet.privateterm import PRIVATE_TERM
from discreet.terms import TermMatcher, compile_terms, find_terms, is_term, term_key
from discreet.validators import VALIDATORS

# The private and public terms get the same safety limit as a rule; running past it fails the document.
TERMS_TIMEOUT = DEFAULT_TIMEOUT
PRIVATE_TERM_RULE = PRIVATE_TERM.id
# Public terms flag nothing; the name only tells the user which matcher ran out of time.
PUBLIC_TERM_RULE = "public-terms"
# A blank line, a bullet (mis-decoded ones too) or a sentence end bounds the text that confirms a match.
_BREAK = precompiled.compiled(r"\n\s*\n|\n\s*[•●▪◦·*\-–➢✓�]|\s[•●▪◦➢✓�]\s|\sâ\S{1,3}\s|[.!?](?=\s+[A-Z])")
# Anonymisation placeholders stand for a value without being one.
_PLACEHOLDER = precompiled.compiled(
    r"(?i)(?:(?:company|client|customer|employer|organi[sz]ation|school|university|your|full)\s+name"
    r"|city\s*,?\s*state(?:\s*,?\s*(?:zip|country))?|[x*#•_.]{3,}|\[[^\]\n]*\]|<[^>\n]*>|n/?a|none)"
)


@dataclass(frozen=True, slots=True)
class Terms:
    """What the user knows: names that are always private, facts that are already public."""

    private: tuple[str, ...] = ()
    public: tuple[str, ...] = ()
    stand_ins: tuple[tuple[str, str], ...] = ()

    def joined(self, more: Terms) -> Terms:
        """These terms and more, in that order (a stand-in given here first wins)."""
        return Terms(self.private + more.private, self.public + more.public, self.stand_ins + more.stand_ins)

    def stand_in(self, matched: str) -> str:
        """What the user asked to write instead of a private term, matched as the term is."""
        key = term_key(matched)
        return next((stand_in for term, stand_in in self.stand_ins if term_key(term) == key), "")


@dataclass(frozen=True, slots=True)
class Detection:
    """Findings in text order."""

    findings: tuple[Finding, ...]


def detect(document: Document, rules: Sequence[Rule], terms: Terms = Terms()) -> Detection:
    """Find what the rules flag in a document, resolve overlaps and drop public facts.

    Raises RuleTimeoutError when a rule, or the terms, run past their time limit: a document is
    audited whole or not at all, so its findings never depend on how busy the machine is.
    """
    sightings = prefilter(tuple(rules)).sight(document.text)
    candidates: list[tuple[int, Finding]] = []
    for rule in rules:
        if sightings.rule_may_match(rule):
            candidates.extend((rule.priority, f) for f in _named_findings(document, rule, sightings))
    private = compile_terms(terms.private)
    for start, end in _term_spans(document, private, PRIVATE_TERM_RULE, "--private-terms"):
        rule = PRIVATE_TERM
        finding = Finding(rule.id, rule.category, rule.severity, start, end, document.text[start:end])
        candidates.append((rule.priority, finding))
    public = compile_terms(terms.public)
    spans = _term_spans(document, public, PUBLIC_TERM_RULE, "--public-terms")
    kept = [f for f in _resolve_overlaps(candidates) if not (public and _is_public(f, public, spans))]
    return Detection(tuple(kept))


def find_in_text(text: str, rule: Rule, section: Section = Section.OTHER) -> list[Finding]:
    """Run one rule over a bare piece of text, as in a rule's examples."""
    segment = Segment(text, TextLocation(1), section)
    document = build_document("<example>", DocumentKind.RESUME, Format.TEXT, [segment])
    sightings = prefilter((rule,)).sight(text)
    return _resolve_overlaps((rule.priority, f) for f in _named_findings(document, rule, sightings))


def _is_placeholder(finding: Finding) -> bool:
    return _PLACEHOLDER.fullmatch(finding.text.strip(" \t\n,;|")) is not None


def _named_findings(document: Document, rule: Rule, sightings: Sightings) -> list[Finding]:
    """A rule's findings, with the other mentions of the names it found, less the person's employers."""
    found = [f for f in _rule_findings(document, rule, sightings) if not _is_placeholder(f)]
    if rule.echo and found:
        found.extend(echo_findings(document.text, found, lambda f: _in_sections(document, rule, f.start)))
    if rule.not_employer and found:
        found = without_employers(document.text, found)
    return found


def _rule_findings(document: Document, rule: Rule, sightings: Sightings) -> Iterable[Finding]:
    """Every accepted match of a rule; raises RuleTimeoutError once the rule's time is spent."""
    text = document.text
    deadline = time.monotonic() + rule.timeout
    stretches = _stretches(document, rule.sections) if rule.sections else [(0, len(text))]
    for index, needles in enumerate(rule.compiled.needles):
        if not sightings.pattern_may_match(needles):
            continue
        # Compiled only now: a pattern the document cannot match is never compiled in this process.
        pattern = rule.compiled.pattern(index)
        starts = sightings.candidates(needles)
        reported = rule.group if rule.group in pattern.groupindex else None
        for pos, endpos in stretches:
            try:
                matches = _matches(pattern, text, pos, endpos, starts, deadline)
            except TimeoutError:
                raise RuleTimeoutError(document.path, rule.id, rule.timeout) from None
            for match in matches:
                # NOTE: a group repeated by a quantifier reports every capture: one finding per list item.
                spans = match.spans(reported) if reported else [match.span()]
                for start, end in spans:
                    if start < end and _accepts(document, rule, text, start, end):
                        yield Finding(rule.id, rule.category, rule.severity, start, end, text[start:end])


def _matches(
    pattern: regex.Pattern[str], text: str, pos: int, endpos: int, starts: list[int] | None, deadline: float
) -> list[regex.Match[str]]:
    """The matches finditer would give, tried only at the given starts when they are known."""
    if starts is None:
        return list(pattern.finditer(text, pos, endpos, timeout=_remaining(deadline)))
    found: list[regex.Match[str]] = []
    free = pos
    for start in starts[bisect.bisect_left(starts, pos) :]:
        if start >= endpos:
            break
        if start < free:
            continue
        match = pattern.match(text, start, endpos, timeout=_remaining(deadline))
        if match is not None:
            found.append(match)
            free = max(match.end(), start + 1)
    return found


def _remaining(deadline: float) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError
    return remaining


def _stretches(document: Document, sections: frozenset[Section]) -> list[tuple[int, int]]:
    """The runs of consecutive segments that lie in the given sections, as text offsets."""
    runs: list[tuple[int, int]] = []
    joined = False
    for segment in document.segments:
        if segment.section not in sections:
            joined = False
            continue
        if joined:
            runs[-1] = (runs[-1][0], segment.end)
        else:
            runs.append((segment.start, segment.end))
        joined = True
    return runs


def _in_sections(document: Document, rule: Rule, offset: int) -> bool:
    """Whether an offset lies where the rule looks: in its sections and outside its excluded ones."""
    if not (rule.sections or rule.not_sections):
        return True
    section = document.segment_at(offset).section
    return (not rule.sections or section in rule.sections) and section not in rule.not_sections


def _accepts(document: Document, rule: Rule, text: str, start: int, end: int) -> bool:
    if not _in_sections(document, rule, start):
        return False
    value = text[start:end]
    if not all(VALIDATORS[name](value) for name in rule.validators):
        return False
    if rule.exclude is None and (rule.context is None or not rule.require_context):
        return True
    before, after = _window(text, start, end, rule.window, rule.after)
    if rule.exclude is not None:
        if rule.exclude_window is not None:
            before, after = _window(text, start, end, *rule.exclude_window)
        if rule.exclude.search(before) or rule.exclude.search(after):
            return False
        before, after = _window(text, start, end, rule.window, rule.after)
    if rule.require_context and rule.context is not None:
        return bool(rule.context.search(before) or rule.context.search(after))
    return True


def _window(text: str, start: int, end: int, width: int, width_after: int) -> tuple[str, str]:
    """The text around a match, cut at the nearest blank line or bullet."""
    before = text[max(0, start - width) : start]
    after = text[end : end + width_after]
    cuts = list(_BREAK.finditer(before))
    if cuts:
        before = before[cuts[-1].end() :]
    cut = _BREAK.search(after)
    if cut:
        after = after[: cut.start()]
    return before, after


def _term_spans(
    document: Document, matcher: TermMatcher | None, rule: str, option: str
) -> list[tuple[int, int]]:
    """Where the terms occur; raises RuleTimeoutError when the matcher runs past its time limit."""
    if matcher is None:
        return []
    try:
        return find_terms(matcher, document.text, TERMS_TIMEOUT)
    except TimeoutError:
        remedy = f"use fewer or shorter terms in the {option} file"
        raise RuleTimeoutError(document.path, rule, TERMS_TIMEOUT, remedy) from None


def _is_public(finding: Finding, matcher: TermMatcher, spans: Sequence[tuple[int, int]]) -> bool:
    """A finding inside a public fact, or naming one, is already public (spans: in order, apart)."""
    index = bisect.bisect_right(spans, finding.start, key=lambda span: span[0])
    inside = index > 0 and spans[index - 1][1] >= finding.end
    return inside or is_term(matcher, finding.text)


def _resolve_overlaps(candidates: Iterable[tuple[int, Finding]]) -> list[Finding]:
    """Keep, of overlapping findings, the higher priority, then the longer, then the earlier."""
    ranked = sorted(candidates, key=lambda c: (-c[0], -(c[1].end - c[1].start), c[1].start, c[1].rule))
    # NOTE: kept findings never overlap, so in start order their ends rise too: the one kept finding
    # that starts last before a candidate ends is the only one that can overlap it (log time, not linear).
    starts: list[int] = []
    kept: list[Finding] = []
    for _priority, finding in ranked:
        index = bisect.bisect_left(starts, finding.end)
        if index and kept[index - 1].end > finding.start:
            continue
        starts.insert(index, finding.start)
        kept.insert(index, finding)
    return sorted(kept, key=lambda f: (f.start, f.end, f.rule))
