"""The rewriter's patterns, built from a language's reading words and loaded from the shipped store."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING, TypeVar

import regex

from discreet import precompiled

if TYPE_CHECKING:
    from discreet.language import RewriteReading

Built = TypeVar("Built")
# Every pattern of the rewriter, so that the store can be made to hold them all: the fixed ones,
# and the builders that make one (or a few) from a language's reading words.
_FIXED: list[Callable[[], regex.Pattern[str]]] = []
_BUILDERS: list[Callable[[RewriteReading], object]] = []


# Compiling the rewriter's hundred patterns took ~45 ms of a one-page audit: they are compiled ahead
# of time into the store the packs' patterns ship in, and loaded from there on first use.
def lazy(pattern: str, flags: int = 0) -> Callable[[], regex.Pattern[str]]:
    """A fixed pattern, loaded (or compiled) the first time it is asked for."""
    thunk = cache(lambda: precompiled.compiled(pattern, flags))
    _FIXED.append(thunk)
    return thunk


def built(build: Callable[[RewriteReading], Built]) -> Callable[[RewriteReading], Built]:
    """A builder of patterns from a language's reading words, run once per language."""
    cached = cache(build)
    _BUILDERS.append(cached)
    return cached


def compiled(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """A builder's pattern: loaded from the store when it ships there, compiled otherwise."""
    return precompiled.compiled(pattern, flags)


def ends_with(words: Iterable[str]) -> regex.Pattern[str]:
    """One of the words, then spaces, at the very end of the text before a figure or a name: 'our '."""
    return compiled(rf"\b{alternation(words)}\s+$", re.I)


def every_pattern(reading: RewriteReading) -> None:
    """Make every pattern of the rewriter for a language, so that the store can ship them."""
    for thunk in _FIXED:
        thunk()
    for build in _BUILDERS:
        build(reading)


def alternation(words: Iterable[str]) -> str:
    """Words as one regex group, longest first; a space in a word matches any run of spaces."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return "(?:" + "|".join(r"\s+".join(map(re.escape, word.split())) for word in ordered) + ")"
