"""Run the flag and allow examples of rules, the packs' own tests of detection and of rewrites."""

from __future__ import annotations

from collections.abc import Sequence

from discreet.detect import find_in_text
from discreet.model import Finding, Section
from discreet.packs import Example, Rule
from discreet.rewrite import advise


def check_rules(rules: Sequence[Rule]) -> list[str]:
    """Return one line per example that a rule gets wrong; empty when all behave."""
    problems: list[str] = []
    for rule in rules:
        for example in rule.flag:
            problem = _check_flag(rule, example)
            if problem:
                problems.append(problem)
        for example in rule.allow:
            found = _run(rule, example)
            if found:
                spans = ", ".join(repr(f.text) for f in found)
                problems.append(f"{rule.id}: allow example flagged {spans}: {example.text!r}")
    return problems


def _check_flag(rule: Rule, example: Example) -> str:
    findings = _run(rule, example)
    found = {(f.start, f.end) for f in findings}
    if not found:
        return f"{rule.id}: flag example not flagged: {example.text!r}"
    if example.spans and found != set(example.spans):
        got = ", ".join(repr(example.text[s:e]) for s, e in sorted(found))
        want = ", ".join(repr(example.text[s:e]) for s, e in example.spans)
        return f"{rule.id}: flag example flagged {got}, expected {want}: {example.text!r}"
    if example.rewrite is not None:
        rewrite = advise(example.text, findings, {rule.id: rule})[0].rewrite
        if rewrite != example.rewrite:
            want = example.rewrite
            return f"{rule.id}: flag example rewritten {rewrite!r}, expected {want!r}: {example.text!r}"
    return ""


def _run(rule: Rule, example: Example) -> list[Finding]:
    """Run an example in its own section, else in the first section the rule is limited to."""
    section = example.section or (sorted(rule.sections)[0] if rule.sections else Section.OTHER)
    return find_in_text(example.text, rule, section)
