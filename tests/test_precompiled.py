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
from pathlib import Path

import pytest
import regex

from discreet import packs, precompiled, storebuild
from discreet.packs import Rule, all_rules, builtin_rules_dir, load_packs

Arguments = storebuild.Arguments
REGENERATE = "regenerate with DISCREET_REGEN_GOLDEN=1 pytest tests/test_precompiled.py"
# The store is built in a fresh interpreter: this process may have made patterns for a test's own
# language, which the store does not ship.
BUILD = "import sys, pathlib, discreet.storebuild as b; pathlib.Path(sys.argv[1]).write_bytes(b.build())"
ASKED_BY_MODULES = (
    "import json, discreet.storebuild as b; print(json.dumps(list(b.module_patterns().values())))"
)


def builtin_rules() -> tuple[Rule, ...]:
    return tuple(all_rules(load_packs([builtin_rules_dir()])))


@cache
def module_patterns() -> dict[str, Arguments]:
    """Every pattern a discreet module makes for itself, and the rewriter's for English."""
    done = subprocess.run(
        [sys.executable, "-c", ASKED_BY_MODULES], capture_output=True, text=True, check=True
    )
    return {
        precompiled.pattern_key(source, flags, {}): (source, flags, {})
        for source, flags, _lists in json.loads(done.stdout)
    }


def build(path: Path, hash_seed: str) -> subprocess.Popen[bytes]:
    """Start building the store into path in a fresh interpreter with the given string hash seed."""
    return subprocess.Popen(
        [sys.executable, "-c", BUILD, str(path)], env={**os.environ, "PYTHONHASHSEED": hash_seed}
    )


@pytest.fixture(scope="module")
def fresh_stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    """The store built afresh twice, at once, under two string hash seeds."""
    folder = tmp_path_factory.mktemp("stores")
    builds = [build(folder / f"seed-{seed}", seed) for seed in ("1", "2")]
    assert [process.wait() for process in builds] == [0, 0]
    return (folder / "seed-1").read_bytes(), (folder / "seed-2").read_bytes()


def stored() -> dict[str, object]:
    data = pickle.loads(zlib.decompress(precompiled.STORE.read_bytes()))
    assert isinstance(data, dict)
    return data


def test_the_store_holds_every_builtin_pattern_and_needles() -> None:
    patterns, readings, tables = (
        {**storebuild.pack_patterns(), **module_patterns()},
        storebuild.pack_needles(),
        storebuild.pack_tables(),
    )
    if os.environ.get("DISCREET_REGEN_GOLDEN"):
        assert build(precompiled.STORE, "0").wait() == 0
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
    for key, (source, flags, lists) in {**storebuild.pack_patterns(), **module_patterns()}.items():
        loaded, fresh = precompiled.load(key), regex.compile(source, flags, **lists)
        assert loaded is not None
        assert (loaded.pattern, loaded.flags) == (fresh.pattern, fresh.flags)
        assert loaded.groupindex == fresh.groupindex
        assert [m.span() for m in loaded.finditer(sample)] == [m.span() for m in fresh.finditer(sample)]


def test_building_the_store_gives_the_same_bytes_whatever_the_hash_seed(
    fresh_stores: tuple[bytes, bytes],
) -> None:
    first, second = fresh_stores
    assert first == second


def test_the_committed_store_is_what_its_sources_build(fresh_stores: tuple[bytes, bytes]) -> None:
    if stored()["regex"] != regex.__version__:
        pytest.skip(f"store made with regex {stored()['regex']}, this is {regex.__version__}")
    current = precompiled.STORE.read_bytes() == fresh_stores[0]
    assert current, f"{precompiled.STORE.name} does not match what it is built from: {REGENERATE}"


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
