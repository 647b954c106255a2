"""Run the flag and allow examples of rules, the packs' own tests."""

from __future__ import annotations

from collections.abc import Sequence

from discreet.detect import find_in_text
from discreet.packs import Example, Rule


def check_rules(rules: Sequence[Rule]) -> list[str]:
    """Return one line per example that a rule gets wrong; empty when all behave."""
    problems: list[str] = []
    for rule in rules:
        for example in rule.flag:
            problem = _check_flag(rule, example)
            if problem:
                problems.append(problem)
        for example in rule.allow:
            found = find_in_text(example.text, rule)
            if found:
                spans = ", ".join(repr(f.text) for f in found)
                problems.append(f"{rule.id}: allow example flagged {spans}: {example.text!r}")
    return problems


def _check_flag(rule: Rule, example: Example) -> str:
    found = {(f.start, f.end) for f in find_in_text(example.text, rule)}
    if not found:
        return f"{rule.id}: flag example not flagged: {example.text!r}"
    if example.spans and found != set(example.spans):
        got = ", ".join(repr(example.text[s:e]) for s, e in sorted(found))
        want = ", ".join(repr(example.text[s:e]) for s, e in example.spans)
        return f"{rule.id}: flag example flagged {got}, expected {want}: {example.text!r}"
    return ""
