"""Build the pattern store from its sources: the same bytes in every process, whatever its hash seed."""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import regex
from regex import _regex_core

import discreet
from discreet import precompiled
from discreet.languages.en import ENGLISH
from discreet.needles import Needles, needles
from discreet.packs import (
    Rule,
    all_rules,
    builtin_rules_dir,
    compile_arguments,
    load_packs,
    needles_key,
    words_source,
)
from discreet.rewrite.patterns import every_pattern

Arguments = tuple[str, int, dict[str, list[str]]]


def build() -> bytes:
    """The store's bytes for the built-in packs and discreet's own patterns; call it in a fresh process."""
    patterns = {**pack_patterns(), **module_patterns()}
    with _content_hashes():
        compiled = [
            (key, regex.compile(source, flags, cache_pattern=False, **lists))
            for key, (source, flags, lists) in patterns.items()
        ]
    return precompiled.dump(compiled, pack_needles().items(), pack_tables().items())


def pack_patterns() -> dict[str, Arguments]:
    """Every built-in pattern and word list's compile arguments, by the key the store names them with."""
    found: dict[str, Arguments] = {}
    for rule in _builtin_rules():
        lists = {name: list(words) for name, words in rule.compiled.lists}
        for source in rule.compiled.sources:
            arguments = compile_arguments(source, rule.compiled.flags, lists)
            found[precompiled.pattern_key(*arguments)] = arguments
        for words in (rule.context, rule.exclude):
            if words is not None:
                arguments = (words_source(words.words), int(regex.VERSION1), {})
                found[precompiled.pattern_key(*arguments)] = arguments
    return found


def module_patterns() -> dict[str, Arguments]:
    """Every pattern a discreet module makes for itself, and the rewriter's for English."""
    # Importing every module makes their patterns; a process that made patterns of its own (a test's
    # language) would ask for those too, which the store does not ship.
    for module in pkgutil.walk_packages(discreet.__path__, "discreet."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    every_pattern(ENGLISH.rewrite.reading)
    asked = sorted(precompiled.ASKED.values())
    return {precompiled.pattern_key(source, flags, {}): (source, flags, {}) for source, flags in asked}


def pack_needles() -> dict[str, Needles]:
    """Every built-in pattern's needles, read afresh, by the key the store names them with."""
    found = {}
    for rule in _builtin_rules():
        used = dict(rule.compiled.lists)
        verbose = bool(rule.compiled.flags & regex.VERBOSE)
        for source in rule.compiled.sources:
            found[needles_key(source, used, verbose)] = needles(source, used, verbose=verbose)
    return found


def pack_tables() -> dict[str, dict[str, Any]]:
    """Every built-in pack's TOML parsed afresh, by the key the store names it with."""
    texts = (path.read_text(encoding="utf-8") for path in sorted(builtin_rules_dir().glob("*.toml")))
    return {precompiled.table_key(text): tomllib.loads(text) for text in texts}


def _builtin_rules() -> tuple[Rule, ...]:
    return all_rules(load_packs([builtin_rules_dir()]))


# regex's compiler gathers a pattern's first characters and set members in Python sets of its parse
# nodes, and writes them into the compiled code in the sets' order. A node hashes by its class, whose
# hash is its address, and by its strings, whose hash is seeded per process: so the same pattern
# compiles to differently ordered (equally correct) code in each process. Hashing nodes by content
# while the store is compiled gives every process the same order.
@contextmanager
def _content_hashes() -> Iterator[None]:
    """Hash regex's parse nodes by their content, not by addresses or seeded string hashes."""
    node = _regex_core.RegexBase
    by_address = node.__hash__
    node.__hash__ = _content_hash
    try:
        yield
    finally:
        node.__hash__ = by_address


def _content_hash(node: Any) -> int:
    digest = hashlib.blake2b(repr(_content(node._key)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def _content(value: object) -> object:
    """A value with classes, parse nodes and sets spelled out, so its repr is the same in every process."""
    match value:
        case type():
            return f"{value.__module__}.{value.__qualname__}"
        case _regex_core.RegexBase():
            return _content(value._key)
        case tuple() | list():
            return tuple(_content(item) for item in value)
        case frozenset() | set():
            return tuple(sorted(repr(_content(item)) for item in value))
        case _:
            return value
