"""The literal strings a pattern cannot match without, so a document lacking all of them skips its scan.

The regex module tries every position of a text for a pattern that does not open with one fixed
string; a substring test for the few words every match must contain costs a fraction of that.
The reading is conservative: anything it does not understand gives no needles, never wrong ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum, auto

from discreet import precompiled

# Beyond this many alternatives the test costs more than the scan it saves; shorter strings occur
# in nearly every resume and would only add work.
MAX_NEEDLES = 64
MIN_LENGTH = 2
RARE_SYMBOLS = frozenset("$£€₹¥@%#")
_QUANTIFIER = precompiled.compiled(r"\{(\d*)(,?)(\d*)\}")
_VERBOSE = precompiled.compiled(r"\(\?[a-zA-Z]*x[a-zA-Z-]*[:)]")
_GROUP_CALL = precompiled.compiled(r"\(\?(?:&|P>|R\)|[+-]?\d)")
_LOOKBEHIND = precompiled.compiled(r"\(\?<[=!]")
_GROUP_HEAD = precompiled.compiled(r"\(\?(?:[a-zA-Z]*-?[a-zA-Z]*:|P<\w+>|<\w+>|>)|\((?!\?)")
_INLINE_FLAGS = precompiled.compiled(r"\(\?[a-zA-Z]*-?[a-zA-Z]+\)")
_NAMED_LIST = precompiled.compiled(r"\\L<(\w+)>")
_ZERO_WIDTH_ESCAPES = frozenset("bBAZGmMK")
_BRACED_ESCAPES = frozenset("pPNxuUg")
_SKIPPED = ("(?!", "(?<!", "(?#", "(?(DEFINE)")


class _Unreadable(Exception):
    """The pattern uses syntax this reader does not follow."""


class _Kind(Enum):
    ZERO_WIDTH = auto()
    LOOKAHEAD = auto()
    LITERAL = auto()
    ANYTHING = auto()


@dataclass(frozen=True, slots=True)
class _Reading:
    """What a piece of pattern says about the text it matches."""

    kind: _Kind
    # Strings one of which starts every match ("" in it: no such set).
    starts: frozenset[str] = frozenset({""})
    # The piece matches exactly one of its start strings and nothing else.
    whole: bool = False
    # Strings one of which occurs in every match (or, for a lookaround, around it); empty: none known.
    required: frozenset[str] = frozenset()


ANYTHING = _Reading(_Kind.ANYTHING)
ZERO_WIDTH = _Reading(_Kind.ZERO_WIDTH)


@dataclass(frozen=True, slots=True)
class Needles:
    """Casefolded strings a pattern's matches contain: one of `anywhere` in every match, and when
    known, one of `starts` at the start of every match. Empty when there is no such set."""

    anywhere: tuple[str, ...] = ()
    starts: tuple[str, ...] = ()


def needles(pattern: str, lists: Mapping[str, Sequence[str]], *, verbose: bool = False) -> Needles:
    """What every match of pattern must contain, read from its source."""
    if verbose or _VERBOSE.search(pattern):
        return Needles()
    try:
        reading, end = _Reader(pattern, lists).alternatives(0)
    except _Unreadable:
        return Needles()
    if end != len(pattern):
        return Needles()
    # NOTE: the regex module runs a group call inside a lookbehind without the text before the
    # position a match is tried at, so such a pattern matches only when scanned from the start.
    starts = frozenset() if _calls_in_lookbehind(pattern, lists) else reading.starts
    return Needles(_selective(reading.required), _selective(starts))


def _calls_in_lookbehind(pattern: str, lists: Mapping[str, Sequence[str]]) -> bool:
    """Whether a lookbehind of the pattern calls a group ((?&name), (?1), (?R)); when unsure, yes."""
    reader = _Reader(pattern, lists)
    for lookbehind in _LOOKBEHIND.finditer(pattern):
        try:
            end = reader.group_end(lookbehind.start())
        except _Unreadable:
            return True
        if _GROUP_CALL.search(pattern, lookbehind.start(), end):
            return True
    return False


def _selective(strings: frozenset[str]) -> tuple[str, ...]:
    folded = {s.casefold() for s in strings}
    if not folded or len(folded) > MAX_NEEDLES or not all(map(_is_selective, folded)):
        return ()
    return tuple(sorted(folded))


def _is_selective(string: str) -> bool:
    """Long enough to be rare in a resume, or made of symbols that are ($, €, %, @)."""
    return len(string) >= MIN_LENGTH or (bool(string) and all(c in RARE_SYMBOLS for c in string))


def _class_members(inside: str) -> frozenset[str] | None:
    """The characters a plain class such as [$€£] stands for; None for ranges, escapes, negation."""
    if not inside or len(inside) > MAX_NEEDLES or inside.startswith("^"):
        return None
    if (
        any(c in inside for c in "\\[")
        or "-" in inside[1:-1]
        or any(op in inside for op in ("&&", "||", "~~"))
    ):
        return None
    return frozenset(inside)


def _better(first: frozenset[str], second: frozenset[str]) -> frozenset[str]:
    """The more selective of two needle sets: longer shortest string, then fewer strings."""
    if not first or not second:
        return first or second

    def score(strings: frozenset[str]) -> tuple[int, int]:
        return min(map(len, strings)), -len(strings)

    return first if score(first) >= score(second) else second


class _Reader:
    """A recursive reading of the literal strings a pattern requires."""

    def __init__(self, pattern: str, lists: Mapping[str, Sequence[str]]) -> None:
        self.pattern = pattern
        self.lists = lists

    def alternatives(self, index: int) -> tuple[_Reading, int]:
        """What 'a|b|c' requires, up to the closing parenthesis or the end."""
        readings = []
        while True:
            reading, index = self._sequence(index)
            readings.append(reading)
            if not self.pattern.startswith("|", index):
                break
            index += 1
        starts = frozenset().union(*(r.starts for r in readings))
        required: frozenset[str] = frozenset()
        if all(r.required for r in readings):
            required = frozenset().union(*(r.required for r in readings))
        if "" in required or len(required) > MAX_NEEDLES:
            required = frozenset()
        whole = all(r.whole for r in readings) and "" not in starts
        return _Reading(_Kind.LITERAL, starts, whole, required), index

    def _sequence(self, index: int) -> tuple[_Reading, int]:
        starts, at_start = frozenset({""}), True
        run: frozenset[str] = frozenset({""})
        best: frozenset[str] = frozenset()
        while index < len(self.pattern) and self.pattern[index] not in "|)":
            item, index = self._item(index)
            least, more, index = self._quantifier(index)
            if item.kind is _Kind.ZERO_WIDTH:
                continue
            if item.kind is _Kind.LOOKAHEAD:
                best = _better(best, item.required)
                continue
            if least > 0:
                best = _better(best, item.required)
            joined = frozenset(p + s for p in run for s in item.starts)
            if item.kind is _Kind.ANYTHING or least == 0 or "" in item.starts or len(joined) > MAX_NEEDLES:
                best, run = _better(best, _kept(run)), frozenset({""})
                at_start = False
                continue
            run = joined
            if at_start:
                starts = run
            if more or not item.whole:
                best, run = _better(best, _kept(run)), frozenset({""})
                at_start = False
        best = _better(best, _kept(run))
        whole = at_start and "" not in starts
        return _Reading(_Kind.LITERAL, starts, whole, best), index

    def _item(self, index: int) -> tuple[_Reading, int]:
        char = self.pattern[index]
        if char == "(":
            return self._group(index)
        if char == "[":
            end = self._class_end(index)
            members = _class_members(self.pattern[index + 1 : end - 1])
            return (ANYTHING if members is None else _literal(members)), end
        if char in "^$":
            return ZERO_WIDTH, index + 1
        if char == ".":
            return ANYTHING, index + 1
        if char == "\\":
            return self._escape(index)
        if char in "*+?{":
            raise _Unreadable
        return _literal(frozenset({char})), index + 1

    def _group(self, index: int) -> tuple[_Reading, int]:
        pattern = self.pattern
        if pattern.startswith(("(?=", "(?<="), index):
            inner, end = self.alternatives(pattern.index("=", index) + 1)
            if not pattern.startswith(")", end):
                raise _Unreadable
            return _Reading(_Kind.LOOKAHEAD, required=inner.required), end + 1
        if pattern.startswith(_SKIPPED, index):
            return ZERO_WIDTH, self.group_end(index)
        head = _GROUP_HEAD.match(pattern, index)
        if head is None:
            inline_flags = _INLINE_FLAGS.match(pattern, index)
            if inline_flags:
                return ZERO_WIDTH, inline_flags.end()
            return ANYTHING, self.group_end(index)
        inner, end = self.alternatives(head.end())
        if not self.pattern.startswith(")", end):
            raise _Unreadable
        return inner, end + 1

    def _escape(self, index: int) -> tuple[_Reading, int]:
        if index + 1 >= len(self.pattern):
            raise _Unreadable
        char = self.pattern[index + 1]
        if char in _ZERO_WIDTH_ESCAPES:
            return ZERO_WIDTH, index + 2
        if char == "L":
            named = _NAMED_LIST.match(self.pattern, index)
            if named is None or named.group(1) not in self.lists:
                raise _Unreadable
            return _literal(frozenset(self.lists[named.group(1)])), named.end()
        if char in _BRACED_ESCAPES and self.pattern.startswith("{", index + 2):
            close = self.pattern.find("}", index)
            if close < 0:
                raise _Unreadable
            return ANYTHING, close + 1
        if char.isalnum() or char == "_":
            # \d \s \w, \x41, \u0041, back-references: one character of a kind, not a fixed string.
            fixed = {"x": 2, "u": 4, "U": 8}.get(char, 0)
            return ANYTHING, index + 2 + fixed
        return _literal(frozenset({char})), index + 2

    def _quantifier(self, index: int) -> tuple[int, bool, int]:
        """The least count of the quantifier at index (1 when none), whether more may follow, and its end."""
        char = self.pattern[index : index + 1]
        if char in ("?", "*"):
            least, more, index = 0, char == "*", index + 1
        elif char == "+":
            least, more, index = 1, True, index + 1
        elif char == "{":
            counted = _QUANTIFIER.match(self.pattern, index)
            if counted is None:
                raise _Unreadable
            low, comma, high = counted.groups()
            least = int(low or 0)
            most = int(high) if high else None if comma else least
            more, index = most is None or most > 1, counted.end()
        else:
            return 1, False, index
        if self.pattern[index : index + 1] in ("?", "+"):
            index += 1
        return least, more, index

    def group_end(self, index: int) -> int:
        """The index after the group opening at index."""
        end = group_end(self.pattern, index)
        if end < 0:
            raise _Unreadable
        return end

    def _class_end(self, index: int) -> int:
        end = class_end(self.pattern, index)
        if end < 0:
            raise _Unreadable
        return end


def group_end(pattern: str, index: int) -> int:
    """The index after the group opening at index (-1 if it never closes), over escapes and classes."""
    depth = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = class_end(pattern, index)
            if index < 0:
                return -1
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        index += 1
        if depth == 0:
            return index
    return -1


def class_end(pattern: str, index: int) -> int:
    """The index after the character class opening at index (-1 if it never closes); VERSION1 classes nest."""
    index, depth = index + 1, 1
    # A ']' straight after '[' or '[^' is a literal.
    index += pattern.startswith("^", index)
    index += pattern.startswith("]", index)
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        depth += {"[": 1, "]": -1}.get(char, 0)
        index += 1
        if depth == 0:
            return index
    return -1


def _literal(strings: frozenset[str]) -> _Reading:
    return _Reading(_Kind.LITERAL, strings, True, _kept(strings))


def _kept(strings: frozenset[str]) -> frozenset[str]:
    """A needle set worth testing: no empty string, and few enough strings."""
    return frozenset() if "" in strings or len(strings) > MAX_NEEDLES else strings
