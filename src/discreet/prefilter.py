"""Which rules and patterns can match a document, from one pass over its casefolded text.

A rule's keywords and a pattern's needles are all looked for at once by an Aho-Corasick automaton:
a rule or pattern whose strings are absent is skipped, and a pattern known to start with one of its
strings is tried only where one occurs, instead of at every position of the text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick_rs

from discreet.needles import Needles
from discreet.packs import Rule

SCAN_COST_PER_TRY = 100


@dataclass(frozen=True, slots=True)
class Sightings:
    """Where each keyword and needle occurs in one document; starts are offsets into its text."""

    starts: dict[str, list[int]]
    # Offsets in the casefolded text are offsets in the text only when casefolding kept every length.
    aligned: bool
    length: int

    def any_of(self, strings: Sequence[str]) -> bool:
        """Whether one of the strings occurs (nothing to look for counts as yes)."""
        return not strings or any(s in self.starts for s in strings)

    def rule_may_match(self, rule: Rule) -> bool:
        """Whether the rule's keywords, if it has any, let it run on this document."""
        return self.any_of(rule.keywords)

    def pattern_may_match(self, needles: Needles) -> bool:
        """Whether every match's required strings occur at all."""
        return self.any_of(needles.anywhere)

    def candidates(self, needles: Needles) -> list[int] | None:
        """The offsets where a match can start, in order; None when it may start anywhere."""
        if not needles.starts or not self.aligned:
            return None
        offsets = sorted({offset for s in needles.starts for offset in self.starts.get(s, ())})
        # Trying a pattern at one place costs what scanning some hundred characters does.
        return offsets if len(offsets) * SCAN_COST_PER_TRY <= self.length else None


@dataclass(frozen=True, slots=True)
class Prefilter:
    """One automaton over every keyword and needle of a set of rules."""

    strings: tuple[str, ...]
    automaton: ahocorasick_rs.AhoCorasick | None

    def sight(self, text: str) -> Sightings:
        """Find every keyword and needle in the text, ignoring case."""
        folded = text.casefold()
        starts: dict[str, list[int]] = defaultdict(list)
        if self.automaton is not None:
            for index, start, _end in self.automaton.find_matches_as_indexes(folded, overlapping=True):
                starts[self.strings[index]].append(start)
        return Sightings(dict(starts), len(folded) == len(text), len(text))


@lru_cache(maxsize=128)
def prefilter(rules: tuple[Rule, ...]) -> Prefilter:
    """The prefilter of a set of rules, built once per set."""
    strings = sorted(
        {k for rule in rules for k in rule.keywords}
        | {s for rule in rules for n in rule.compiled.needles for s in (*n.anywhere, *n.starts)}
    )
    automaton = ahocorasick_rs.AhoCorasick(strings) if strings else None
    return Prefilter(tuple(strings), automaton)
