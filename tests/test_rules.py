"""Every built-in rule documents itself and its examples behave."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from discreet.model import Category
from discreet.packs import Rule, all_rules, builtin_rules_dir, load_packs
from discreet.rulecheck import check_rules

PACKS = load_packs([builtin_rules_dir()])
RULES = all_rules(PACKS)
FIVE = {
    Category.FINANCIAL,
    Category.CONFIDENTIAL,
    Category.PERSONAL,
    Category.COMPENSATION,
    Category.REFERENCES,
}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_examples_behave(rule: Rule) -> None:
    assert check_rules([rule]) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_documents_itself(rule: Rule) -> None:
    assert rule.flag and rule.allow, "every rule needs flag and allow examples"
    assert all(example.spans for example in rule.flag), "flag examples mark their spans with [[ ]]"
    assert rule.title and "\n" not in rule.title and not rule.title.endswith(".")
    assert rule.why.endswith(".") and rule.advice
    assert rule.id.startswith(rule.pack + ".")
    assert rule.id == rule.id.lower() and " " not in rule.id


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_shows_its_rewrite(rule: Rule) -> None:
    assert any(example.rewrite is not None for example in rule.flag), "a flag example needs a rewrite"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_stand_in_is_a_phrase(rule: Rule) -> None:
    assert rule.stand_in == rule.stand_in.strip() and not rule.stand_in.endswith(".")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_category_is_known(rule: Rule) -> None:
    assert rule.category in FIVE or rule.severity.value == "info"


def test_one_toml_per_pack() -> None:
    files = sorted(builtin_rules_dir().glob("*.toml"))
    assert [Path(p.path).stem for p in PACKS] == [f.stem for f in files]
    for file in files:
        assert tomllib.loads(file.read_text(encoding="utf-8"))["pack"]["id"] == file.stem
    assert {p.id for p in PACKS} == {c.value for c in FIVE}


def test_each_pack_holds_its_own_category() -> None:
    for pack in PACKS:
        assert {rule.category.value for rule in pack.rules} == {pack.id}
