"""Run rules over a document's text: pure, deterministic, bounded in time."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from discreet.model import (
    Category,
    Document,
    DocumentKind,
    Finding,
    Format,
    Section,
    Segment,
    Severity,
    TextLocation,
    build_document,
)
from discreet.packs import Rule
from discreet.validators import VALIDATORS

PATTERN_TIMEOUT = 1.0
PRIVATE_TERM_RULE = "confidential.private-term"
# A blank line or a new bullet ends the stretch of text that can confirm a match.
_BREAK = regex.compile(r"\n\s*\n|\n\s*[•●▪◦·*\-–➢✓]\s")


@dataclass(frozen=True, slots=True)
class Terms:
    """What the user knows: names that are always private, facts that are already public."""

    private: tuple[str, ...] = ()
    public: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Detection:
    """Findings in text order, and rules that had to be stopped."""

    findings: tuple[Finding, ...]
    timeouts: tuple[str, ...] = ()


def detect(document: Document, rules: Sequence[Rule], terms: Terms = Terms()) -> Detection:
    """Find what the rules flag in a document, resolve overlaps and drop public facts."""
    candidates: list[tuple[int, Finding]] = []
    timeouts: list[str] = []
    for rule in rules:
        try:
            candidates.extend((rule.priority, f) for f in _rule_findings(document, rule))
        except TimeoutError:
            timeouts.append(rule.id)
    candidates.extend((100, f) for f in _term_findings(document.text, terms.private))
    public = _term_matcher(terms.public)
    kept = [f for f in _resolve_overlaps(candidates) if not (public and public.fullmatch(f.text))]
    return Detection(tuple(kept), tuple(timeouts))


def find_in_text(text: str, rule: Rule, section: Section = Section.OTHER) -> list[Finding]:
    """Run one rule over a bare piece of text, as in a rule's examples."""
    segment = Segment(text, TextLocation(1), section)
    document = build_document("<example>", DocumentKind.RESUME, Format.TEXT, [segment])
    return list(_rule_findings(document, rule))


def _rule_findings(document: Document, rule: Rule) -> Iterable[Finding]:
    text = document.text
    for pattern in rule.patterns:
        for match in pattern.finditer(text, timeout=PATTERN_TIMEOUT):
            group = rule.group if rule.group and rule.group in pattern.groupindex else 0
            start, end = match.span(group)
            if start >= end or not _accepts(document, rule, text, start, end):
                continue
            yield Finding(rule.id, rule.category, rule.severity, start, end, text[start:end])


def _accepts(document: Document, rule: Rule, text: str, start: int, end: int) -> bool:
    if rule.sections or rule.not_sections:
        section = document.segment_at(start).section
        if (rule.sections and section not in rule.sections) or section in rule.not_sections:
            return False
    value = text[start:end]
    if not all(VALIDATORS[name](value) for name in rule.validators):
        return False
    if rule.exclude is None and rule.context is None:
        return True
    before, after = _window(text, start, end, rule.window)
    if rule.exclude is not None and (rule.exclude.search(before) or rule.exclude.search(after)):
        return False
    if rule.require_context and rule.context is not None:
        return bool(rule.context.search(before) or rule.context.search(after))
    return True


def _window(text: str, start: int, end: int, width: int) -> tuple[str, str]:
    """The text around a match, cut at the nearest blank line or bullet."""
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    cuts = list(_BREAK.finditer(before))
    if cuts:
        before = before[cuts[-1].end() :]
    cut = _BREAK.search(after)
    if cut:
        after = after[: cut.start()]
    return before, after


def _term_matcher(terms: Sequence[str]) -> regex.Pattern[str] | None:
    words = [t.split() for t in terms if t.strip()]
    if not words:
        return None
    alternatives = sorted(
        (r"\s*".join(regex.escape(w) for w in term) for term in words), key=len, reverse=True
    )
    return regex.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", regex.IGNORECASE | regex.VERSION1)


def _term_findings(text: str, terms: Sequence[str]) -> Iterable[Finding]:
    matcher = _term_matcher(terms)
    if matcher is None:
        return
    for match in matcher.finditer(text, timeout=PATTERN_TIMEOUT):
        start, end = match.span()
        yield Finding(PRIVATE_TERM_RULE, Category.CONFIDENTIAL, Severity.HIGH, start, end, match.group())


def _resolve_overlaps(candidates: Iterable[tuple[int, Finding]]) -> list[Finding]:
    """Keep, of overlapping findings, the higher priority, then the longer, then the earlier."""
    ranked = sorted(candidates, key=lambda c: (-c[0], -(c[1].end - c[1].start), c[1].start, c[1].rule))
    kept: list[Finding] = []
    for _priority, finding in ranked:
        if not any(finding.start < k.end and k.start < finding.end for k in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: (f.start, f.end, f.rule))
