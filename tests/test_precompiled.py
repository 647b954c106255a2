"""The shipped patterns and needles: current with the built-in packs, the same as redoing them, inert."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import tomllib
import zlib
from functools import cache

import pytest
import regex

from discreet import packs, precompiled
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

Arguments = tuple[str, int, dict[str, list[str]]]
REGENERATE = "regenerate with DISCREET_REGEN_GOLDEN=1 pytest tests/test_precompiled.py"


def builtin_rules() -> tuple[Rule, ...]:
    return tuple(all_rules(load_packs([builtin_rules_dir()])))


def builtin_patterns() -> dict[str, Arguments]:
    """Every built-in pattern and word list's compile arguments, by the key the store names them with."""
    found: dict[str, Arguments] = {}
    for rule in builtin_rules():
        lists = {name: list(words) for name, words in rule.compiled.lists}
        for source in rule.compiled.sources:
            arguments = compile_arguments(source, rule.compiled.flags, lists)
            found[precompiled.pattern_key(*arguments)] = arguments
        for words in (rule.context, rule.exclude):
            if words is not None:
                arguments = (words_source(words.words), int(regex.VERSION1), {})
                found[precompiled.pattern_key(*arguments)] = arguments
    return found


def builtin_needles() -> dict[str, Needles]:
    """Every built-in pattern's needles, read afresh, by the key the store names them with."""
    found = {}
    for rule in builtin_rules():
        used = dict(rule.compiled.lists)
        verbose = bool(rule.compiled.flags & regex.VERBOSE)
        for source in rule.compiled.sources:
            found[needles_key(source, used, verbose)] = needles(source, used, verbose=verbose)
    return found


# In a fresh interpreter: this process may have made patterns for a test's own language, which the
# store does not ship.
ASKED_BY_MODULES = """
import importlib, json, pkgutil
import discreet
from discreet import precompiled
from discreet.languages.en import ENGLISH
from discreet.rewrite.patterns import every_pattern
for module in pkgutil.walk_packages(discreet.__path__, "discreet."):
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)
every_pattern(ENGLISH.rewrite.reading)
print(json.dumps(sorted(precompiled.ASKED.values())))
"""


@cache
def module_patterns() -> dict[str, Arguments]:
    """Every pattern a discreet module makes for itself, and the rewriter's for English."""
    done = subprocess.run(
        [sys.executable, "-c", ASKED_BY_MODULES], capture_output=True, text=True, check=True
    )
    return {
        precompiled.pattern_key(source, flags, {}): (source, flags, {})
        for source, flags in json.loads(done.stdout)
    }


def builtin_tables() -> dict[str, dict[str, object]]:
    """Every built-in pack's TOML parsed afresh, by the key the store names it with."""
    texts = (path.read_text(encoding="utf-8") for path in sorted(builtin_rules_dir().glob("*.toml")))
    return {precompiled.table_key(text): tomllib.loads(text) for text in texts}


def stored() -> dict[str, object]:
    data = pickle.loads(zlib.decompress(precompiled.STORE.read_bytes()))
    assert isinstance(data, dict)
    return data


def test_the_store_holds_every_builtin_pattern_and_needles() -> None:
    patterns, readings, tables = (
        {**builtin_patterns(), **module_patterns()},
        builtin_needles(),
        builtin_tables(),
    )
    if os.environ.get("DISCREET_REGEN_GOLDEN"):
        compiled = ((k, regex.compile(text, flags, **kept)) for k, (text, flags, kept) in patterns.items())
        precompiled.STORE.write_bytes(precompiled.dump(compiled, readings.items(), tables.items()))
        precompiled._store.cache_clear()
    loaded = {key: precompiled.load_needles(key) for key in readings}
    assert loaded == {key: (found.anywhere, found.starts) for key, found in readings.items()}, REGENERATE
    assert stored()["tables"].keys() == tables.keys(), REGENERATE  # type: ignore[attr-defined]
    if stored()["regex"] != regex.__version__:
        pytest.skip(f"store made with regex {stored()['regex']}, this is {regex.__version__}: it compiles")
    assert [key for key in patterns if precompiled.load(key) is None] == [], REGENERATE


def test_a_loaded_pattern_is_the_pattern_compiled_here() -> None:
    if stored()["regex"] != regex.__version__:
        pytest.skip(f"store made with regex {stored()['regex']}, this is {regex.__version__}")
    sample = "Closed $4.2M with Acme Corp (NDA); 135% of quota. Referee: Jane Roe, +1 415 555 0100, manager."
    for key, (source, flags, lists) in {**builtin_patterns(), **module_patterns()}.items():
        loaded, fresh = precompiled.load(key), regex.compile(source, flags, **lists)
        assert loaded is not None
        assert (loaded.pattern, loaded.flags) == (fresh.pattern, fresh.flags)
        assert loaded.groupindex == fresh.groupindex
        assert [m.span() for m in loaded.finditer(sample)] == [m.span() for m in fresh.finditer(sample)]


def test_a_shipped_table_is_the_toml_parsed_here_and_a_fresh_copy_each_time() -> None:
    for text in (path.read_text(encoding="utf-8") for path in sorted(builtin_rules_dir().glob("*.toml"))):
        first, second = precompiled.load_table(text), precompiled.load_table(text)
        assert first == second == tomllib.loads(text)
        assert first is not second


def test_an_edited_pack_is_parsed_afresh() -> None:
    text = next(iter(sorted(builtin_rules_dir().glob("*.toml")))).read_text(encoding="utf-8")
    assert precompiled.load_table(text + "\n# edited\n") is None


def test_an_unknown_key_is_compiled_and_read_as_usual() -> None:
    key = precompiled.pattern_key(r"\bnot shipped\b", 0, {})
    assert (precompiled.load(key), precompiled.load_needles(key)) == (None, None)


def test_a_pickle_that_calls_anything_but_regex_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(precompiled, "_patterns", lambda: {"k": pickle.dumps(os.getcwd)})
    assert precompiled.load("k") is None


def test_a_table_that_holds_anything_but_plain_data_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    key = precompiled.table_key("x = 1")
    monkeypatch.setattr(precompiled, "_store", lambda: {"tables": {key: pickle.dumps({"x": os.getcwd})}})
    assert precompiled.load_table("x = 1") is None


def test_the_builtin_packs_compile_nothing_at_run_time(monkeypatch: pytest.MonkeyPatch) -> None:
    if stored()["regex"] != regex.__version__:
        pytest.skip(f"store made with regex {stored()['regex']}, this is {regex.__version__}")
    rules = builtin_rules()
    monkeypatch.setattr(packs, "_COMPILED", {})
    packs._words_pattern.cache_clear()

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("compiled at run time")

    monkeypatch.setattr(packs.regex, "compile", refuse)
    for rule in rules:
        assert len(rule.patterns) == len(rule.compiled.sources)
        for words in (rule.context, rule.exclude):
            assert words is None or not words.search("")
    packs._words_pattern.cache_clear()
