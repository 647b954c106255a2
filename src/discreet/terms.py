"""Find many terms in a text at once, ignoring case, spacing and line breaks, in time linear in the text."""

from __future__ import annotations

import bisect
import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

import regex
from ahocorasick_rs import AhoCorasick

# The same whitespace and word characters as the regex module's \s and \w: the rules terms always had.
_SPACE_RUN = regex.compile(r"\S+", regex.VERSION1)
_WORD = regex.compile(r"\w", regex.VERSION1)
# How many candidate matches are checked between two looks at the clock.
_CLOCK_EVERY = 4096


def term_key(text: str) -> str:
    """A term as private-term matching sees it: case, spacing and line breaks do not count."""
    return "".join(text.split()).casefold()


@dataclass(frozen=True, slots=True)
class TermMatcher:
    """Terms compiled into one automaton over their keys, with where each term's words meet."""

    automaton: AhoCorasick
    keys: tuple[str, ...]
    # For each key, the places (in folded characters) where a term with that key may have spacing.
    joints: dict[str, tuple[frozenset[int], ...]]


@dataclass(frozen=True, slots=True)
class _Folded:
    """A text without its spacing, case-folded, and where each folded character came from."""

    text: str
    origin: tuple[int, ...]  # folded index -> index in the original text
    whole: tuple[bool, ...]  # whether a folded character starts the folding of its original character
    runs: tuple[int, ...]  # folded indexes where a run of non-space characters begins


def compile_terms(terms: Iterable[str]) -> TermMatcher | None:
    """One matcher for terms; None when there are none."""
    return _compile(tuple(terms))


@lru_cache(maxsize=8)
def _compile(terms: tuple[str, ...]) -> TermMatcher | None:
    # NOTE: cached so a 100,000-term list is compiled once per process, not once per document.
    joints: dict[str, set[frozenset[int]]] = {}
    for term in terms:
        words = [word.casefold() for word in term.split()]
        key = "".join(words)
        if key:
            cuts = frozenset(accumulate(len(word) for word in words[:-1]))
            joints.setdefault(key, set()).add(cuts)
    if not joints:
        return None
    keys = tuple(joints)
    return TermMatcher(AhoCorasick(keys), keys, {key: tuple(cuts) for key, cuts in joints.items()})


def find_terms(matcher: TermMatcher, text: str, timeout: float) -> list[tuple[int, int]]:
    """Where the terms occur, leftmost first and the longest at one place, never overlapping.

    Raises TimeoutError once checking the matches runs past the timeout, in seconds.
    """
    deadline = time.monotonic() + timeout
    folded = _fold(text)
    candidates = matcher.automaton.find_matches_as_indexes(folded.text, overlapping=True)
    candidates.sort(key=lambda c: (c[1], -c[2]))
    spans: list[tuple[int, int]] = []
    reach = 0
    for count, (pattern, start, end) in enumerate(candidates):
        if count % _CLOCK_EVERY == 0 and time.monotonic() > deadline:
            raise TimeoutError
        if start >= reach and _stands_alone(matcher, folded, text, matcher.keys[pattern], start, end):
            spans.append((folded.origin[start], folded.origin[end - 1] + 1))
            reach = end
    if time.monotonic() > deadline:
        raise TimeoutError
    return spans


def is_term(matcher: TermMatcher, text: str) -> bool:
    """Whether a whole text is one of the terms."""
    if not text or text[0].isspace() or text[-1].isspace():
        return False
    folded = _fold(text)
    key = folded.text
    return key in matcher.joints and _spaced_as_term(matcher, folded, key, 0, len(key))


def _stands_alone(matcher: TermMatcher, folded: _Folded, text: str, key: str, start: int, end: int) -> bool:
    """A candidate covers whole characters, is no part of a longer word, and is spaced as its term."""
    if not folded.whole[start] or (end < len(folded.whole) and not folded.whole[end]):
        return False
    first, last = folded.origin[start], folded.origin[end - 1]
    if first > 0 and _WORD.match(text, first - 1):
        return False
    if last + 1 < len(text) and _WORD.match(text, last + 1):
        return False
    return _spaced_as_term(matcher, folded, key, start, end)


def _spaced_as_term(matcher: TermMatcher, folded: _Folded, key: str, start: int, end: int) -> bool:
    """Spacing inside a match falls only where the words of a term with that key meet."""
    low, high = bisect.bisect_right(folded.runs, start), bisect.bisect_left(folded.runs, end)
    gaps = frozenset(run - start for run in folded.runs[low:high])
    return any(gaps <= cuts for cuts in matcher.joints[key])


def _fold(text: str) -> _Folded:
    folded: list[str] = []
    origin: list[int] = []
    whole: list[bool] = []
    runs: list[int] = []
    for run in _SPACE_RUN.finditer(text):
        runs.append(len(origin))
        piece = run.group().casefold()
        if len(piece) == run.end() - run.start():
            folded.append(piece)
            origin.extend(range(run.start(), run.end()))
            whole.extend([True] * len(piece))
            continue
        for offset, char in enumerate(run.group(), start=run.start()):
            fold = char.casefold()
            folded.append(fold)
            origin.extend([offset] * len(fold))
            whole.extend([True] + [False] * (len(fold) - 1))
    return _Folded("".join(folded), tuple(origin), tuple(whole), tuple(runs))
