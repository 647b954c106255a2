"""The built-in packs' patterns compiled and read ahead of time: loaded at start-up instead of redone."""

from __future__ import annotations

import copyreg
import hashlib
import io
import pickle
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol, cast

import regex


class Shipped(Protocol):
    """What the store keeps of a pattern's needles (discreet.needles.Needles has them)."""

    @property
    def anywhere(self) -> tuple[str, ...]: ...

    @property
    def starts(self) -> tuple[str, ...]: ...


# The regex module parses a pattern in Python: the packs' patterns take about a second to compile, more
# than the rest of a one-page audit. A compiled pattern pickles as regex's own compiled code, which
# loads in microseconds, so the built-in packs ship theirs. The code is only valid for the regex
# release that made it; any other release compiles as usual. Reading each pattern for its needles
# costs about as much again and depends on nothing but the pattern, so the needles ship too. Parsing
# the packs' TOML costs a tenth of a one-page audit, so their tables ship as plain data, by content.
STORE = Path(__file__).with_name("precompiled.pickle.zlib")


def pattern_key(source: str, flags: int, lists: Mapping[str, Sequence[str]]) -> str:
    """Name a pattern by everything it is compiled from, not by the file or rule it came from."""
    material = repr((source, int(flags), sorted((name, tuple(words)) for name, words in lists.items())))
    return hashlib.blake2b(material.encode(), digest_size=16).hexdigest()


def load(key: str) -> regex.Pattern[str] | None:
    """The shipped compiled pattern for a key, or None when there is none for this regex release."""
    blob = _patterns().get(key)
    if blob is None:
        return None
    try:
        found = _PatternUnpickler(io.BytesIO(blob)).load()
    except (pickle.UnpicklingError, EOFError, TypeError, ValueError):
        return None
    return found if isinstance(found, regex.Pattern) else None


def compiled(source: str, flags: int = 0) -> regex.Pattern[str]:
    """regex.compile(source, flags) for a module's own pattern, loaded from the store when it is there."""
    key = pattern_key(source, flags, {})
    ASKED[key] = (source, int(flags))
    return load(key) or regex.compile(source, flags)


# The modules' own patterns asked for in this process, by key: the store is made to hold them all.
ASKED: dict[str, tuple[str, int]] = {}


def load_needles(key: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The shipped needles of a pattern (anywhere, starts), or None when it is not a built-in one."""
    found = _store().get("needles", {}).get(key)
    return None if found is None else (tuple(found[0]), tuple(found[1]))


def table_key(text: str) -> str:
    """Name a pack's TOML by its text alone, so an edited pack is parsed afresh."""
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def load_table(text: str) -> dict[str, Any] | None:
    """The parsed table of a built-in pack's TOML text, or None when the text is not a shipped one."""
    blob = _store().get("tables", {}).get(table_key(text))
    if blob is None:
        return None
    try:
        found = _DataUnpickler(io.BytesIO(blob)).load()
    except (pickle.UnpicklingError, EOFError, TypeError, ValueError):
        return None
    return found if isinstance(found, dict) else None


def dump(
    patterns: Iterable[tuple[str, regex.Pattern[str]]],
    needles: Iterable[tuple[str, Shipped]],
    tables: Iterable[tuple[str, Mapping[str, Any]]] = (),
) -> bytes:
    """The store's bytes: (key, pattern), (key, needles) and (key, table) pairs, for this regex release."""
    data = {
        "regex": regex.__version__,
        "patterns": {key: _pattern_bytes(pattern) for key, pattern in sorted(patterns, key=_first)},
        "needles": {key: (found.anywhere, found.starts) for key, found in sorted(needles, key=_first)},
        # Each table is pickled on its own and read afresh, so no caller shares another's dictionaries.
        "tables": {key: pickle.dumps(dict(table), protocol=5) for key, table in sorted(tables, key=_first)},
    }
    return zlib.compress(pickle.dumps(data, protocol=5), 9)


def _pattern_bytes(pattern: regex.Pattern[str]) -> bytes:
    """A pattern pickled as regex pickles it, but with its named lists' words in sorted order."""
    reduce = copyreg.dispatch_table[type(pattern)]
    compile_function, arguments = cast(tuple[Any, tuple[Any, ...]], reduce(pattern))
    return pickle.dumps(_Pickled(compile_function, _sorted_sets(arguments, {})), protocol=5)


def _sorted_sets(value: Any, made: dict[int, _SortedSet]) -> Any:
    """The value with each frozenset in it replaced by one that pickles sorted; a shared one stays shared."""
    match value:
        case frozenset():
            return made.setdefault(id(value), _SortedSet(value))
        case dict():
            return {key: _sorted_sets(item, made) for key, item in value.items()}
        case list():
            return [_sorted_sets(item, made) for item in value]
        case tuple():
            return tuple(_sorted_sets(item, made) for item in value)
        case _:
            return value


# pickle writes a frozenset in its iteration order, which follows the process's string hash seed: a
# named list's words would be written in a different order by every process that makes the store.
@dataclass(frozen=True, slots=True)
class _SortedSet:
    """A frozenset that pickles as frozenset(sorted words)."""

    words: frozenset[str]

    def __reduce__(self) -> tuple[type[frozenset[str]], tuple[tuple[str, ...]]]:
        return frozenset, (tuple(sorted(self.words)),)


@dataclass(frozen=True, slots=True)
class _Pickled:
    """A pattern as regex reduces it: its compile function called with its compiled data."""

    compile_function: Any
    arguments: tuple[Any, ...]

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return self.compile_function, self.arguments


def usable() -> bool:
    """Whether the shipped compiled patterns fit this regex release."""
    return bool(_patterns())


def _first(pair: tuple[str, object]) -> str:
    return pair[0]


def _patterns() -> dict[str, bytes]:
    """The compiled patterns, when the store was made with this regex release."""
    store = _store()
    return store.get("patterns", {}) if store.get("regex") == regex.__version__ else {}


@cache
def _store() -> dict[str, Any]:
    try:
        data = _DataUnpickler(io.BytesIO(zlib.decompress(STORE.read_bytes()))).load()
    except (OSError, zlib.error, pickle.UnpicklingError, EOFError):
        return {}
    return data if isinstance(data, dict) else {}


class _DataUnpickler(pickle.Unpickler):
    """Reads plain data only: the store's outer dictionary, and each pack's table."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{STORE.name} holds {module}.{name}, which is not plain data")


class _PatternUnpickler(pickle.Unpickler):
    """Reads one pickled pattern: regex's compile function, frozensets and plain data, nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in {("regex._regex", "compile"), ("builtins", "frozenset")}:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{STORE.name} holds {module}.{name}, which is not a pattern")
