"""Give every segment a verdict: complement (public-safe), replacement (resume-only) or never."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from discreet.model import Action, Document, Finding, Section, Verdict
from discreet.packs import Rule, rule_actions

# Sections whose content belongs in a resume sent privately, never on a public profile.
NEVER_PUBLIC_SECTIONS = frozenset({Section.REFERENCES})


def finding_verdict(finding: Finding, rules: Mapping[str, Rule]) -> Verdict:
    """Never when the material must go everywhere, replacement when only the resume may keep it."""
    public, resume = actions(finding, rules)
    if resume is Action.REMOVE:
        return Verdict.NEVER
    if public is Action.KEEP:
        return Verdict.COMPLEMENT
    return Verdict.REPLACEMENT


def actions(finding: Finding, rules: Mapping[str, Rule]) -> tuple[Action, Action]:
    """The public and resume actions of a finding's rule, or its category's defaults."""
    return rule_actions(rules.get(finding.rule), finding.category)


def classify(
    document: Document, findings: Sequence[Finding], rules: Mapping[str, Rule]
) -> tuple[Verdict, ...]:
    """One verdict per segment: the worst of its findings' verdicts and its section's."""
    worst = [
        Verdict.NEVER if s.section in NEVER_PUBLIC_SECTIONS else Verdict.COMPLEMENT for s in document.segments
    ]
    index_of = {id(segment): i for i, segment in enumerate(document.segments)}
    for finding in findings:
        index = index_of[id(document.segment_at(finding.start))]
        verdict = finding_verdict(finding, rules)
        if verdict.rank > worst[index].rank:
            worst[index] = verdict
    return tuple(worst)
