"""The rewriter's patterns, compiled on first use and built from a language's reading words."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache


# Importing the rewriter is on every audit's start-up path; compiling its patterns there cost ~40 ms.
def lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A pattern compiled the first time it is asked for."""
    return cache(lambda: re.compile(pattern, flags))


def alternation(words: Iterable[str]) -> str:
    """Words as one regex group, longest first; a space in a word matches any run of spaces."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return "(?:" + "|".join(r"\s+".join(map(re.escape, word.split())) for word in ordered) + ")"
