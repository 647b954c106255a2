"""Find many terms in a text at once, ignoring case, spacing and line breaks, in time linear in the text."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

import regex
from ahocorasick_rs import AhoCorasick

from discreet import precompiled

# Word characters as the regex module's \w reads them: the boundary terms always had. Spacing is what
# str.split() splits on (as in term_key), which is what the regex module's \s matches but for \x1c-\x1f.
_WORD = precompiled.compiled(r"\w", regex.VERSION1)
_SPACE = re.compile(r"\s+")
_NOT_SPACE = re.compile(r"\S")
# Every character str.isspace() accepts (a test checks), for str.translate: 25 times faster than re.sub.
SPACING = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_UNSPACED = dict.fromkeys(map(ord, SPACING))
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
    candidates = matcher.automaton.find_matches_as_indexes(_folded(text), overlapping=True)
    candidates.sort(key=lambda c: (c[1], -c[2]))
    walk = _Walk(text)
    spans: list[tuple[int, int]] = []
    reach = 0
    for count, (pattern, start, end) in enumerate(candidates):
        if count % _CLOCK_EVERY == 0 and time.monotonic() > deadline:
            raise TimeoutError
        if start < reach:
            continue
        span = _placed(matcher, walk, matcher.keys[pattern], start, end)
        if span is not None:
            spans.append(span)
            reach = end
    if time.monotonic() > deadline:
        raise TimeoutError
    return spans


def is_term(matcher: TermMatcher, text: str) -> bool:
    """Whether a whole text is one of the terms."""
    if not text or text[0].isspace() or text[-1].isspace():
        return False
    key = _folded(text)
    return key in matcher.joints and _spaced_as_term(matcher, key, text, 0, len(text))


@dataclass(slots=True)
class _Walk:
    """A cursor from folded indexes, asked in rising order, to the original text; it walks it once."""

    text: str
    original: int = 0  # an index in the original text...
    folded: int = 0  # ...and the folded index where that character's folding begins

    def locate(self, index: int) -> int:
        """Move to the original character whose folding holds a folded index, and return its index."""
        text = self.text
        while True:
            need = index - self.folded
            if need == 0:
                # the index begins the next character that is not spacing
                found = _NOT_SPACE.search(text, self.original)
                if found is None:
                    raise IndexError(f"folded index {index} is past the end of the text")
                self.original = found.start()
                return self.original
            chunk = text[self.original : self.original + need]
            width = len(_folded(chunk))
            if width <= need:
                # NOTE: the whole chunk folds to characters before the index: skip it in C, not per character.
                self.original += len(chunk)
                self.folded += width
                continue
            for char in chunk:  # a character in the chunk folds to several (ß -> ss)
                width = 0 if char.isspace() else len(char.casefold())
                if self.folded + width > index:
                    return self.original
                self.original += 1
                self.folded += width


def _placed(matcher: TermMatcher, walk: _Walk, key: str, start: int, end: int) -> tuple[int, int] | None:
    """A candidate's span in the original text; None if it splits a character or a word, or is misspaced."""
    first = walk.locate(start)
    if walk.folded != start:
        return None
    probe = _Walk(walk.text, walk.original, walk.folded)
    last = probe.locate(end - 1)
    if probe.folded + len(walk.text[last].casefold()) != end:
        return None
    text = walk.text
    if first > 0 and _WORD.match(text, first - 1):
        return None
    if last + 1 < len(text) and _WORD.match(text, last + 1):
        return None
    return (first, last + 1) if _spaced_as_term(matcher, key, text, first, last + 1) else None


def _spaced_as_term(matcher: TermMatcher, key: str, text: str, first: int, end: int) -> bool:
    """Spacing inside a match (text[first:end]) falls only where the words of a term with its key meet."""
    places = frozenset(len(_folded(text[first : gap.start()])) for gap in _SPACE.finditer(text, first, end))
    return not places or any(places <= cuts for cuts in matcher.joints[key])


def _folded(text: str) -> str:
    """A text as terms are matched against it: case-folded, without spacing."""
    return text.casefold().translate(_UNSPACED)
