"""Loading rule packs: what a good pack becomes and how a bad one is reported."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from discreet.errors import RulePackError
from discreet.model import Action, Category, Section
from discreet.packs import DEFAULT_ACTIONS, Words, builtin_rules_dir, load_pack, load_packs, parse_example
from discreet.rulecheck import check_rules

GOOD = """
[pack]
id = "acme"
title = "Acme secrets"

[lists]
codes = ["Falcon", "Osprey"]

[fragments]
code = '''\\L<codes>'''

[[rules]]
id = "acme.code-name"
category = "confidential"
title = "Acme code name"
why = "Code names are secret."
advice = "Say 'a new product'."
patterns = ['''Project (?P<v><<code>>)''']
group = "v"
window = [10, 0]
keywords = ["Project"]
flag = [{ text = "Led Project [[Falcon]]", section = "experience" }]
allow = ["Led Project Sparrow"]
"""


def write(tmp_path: Path, text: str, name: str = "acme.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_pack_loads_with_defaults(tmp_path: Path) -> None:
    (rule,) = load_pack(write(tmp_path, GOOD)).rules
    assert rule.category is Category.CONFIDENTIAL
    assert (rule.public, rule.resume) == DEFAULT_ACTIONS[Category.CONFIDENTIAL]
    assert (rule.window, rule.after, rule.keywords) == (10, 0, ("project",))
    assert rule.patterns[0].search("Project Osprey") is not None
    assert rule.flag[0].section is Section.EXPERIENCE


def test_actions_can_be_set_per_rule(tmp_path: Path) -> None:
    text = GOOD.replace('group = "v"', 'group = "v"\npublic = "remove"\nresume = "generalize"')
    (rule,) = load_pack(write(tmp_path, text)).rules
    assert (rule.public, rule.resume) == (Action.REMOVE, Action.GENERALIZE)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('category = "confidential"', 'category = "secret"'), "category 'secret' is not one of"),
        (('group = "v"', 'group = "v"\ncolour = "red"'), "unknown keys colour"),
        (('title = "Acme code name"\n', ""), "'title' is required"),
        (("'''Project (?P<v><<code>>)'''", "'''Project ('''"), "bad pattern"),
        (("<<code>>)'''", "<<nope>>)'''"), "<<nope>> names no entry in [fragments]"),
        (('group = "v"', 'group = "w"'), "group 'w' is not a named group"),
        (("window = [10, 0]", 'window = "wide"'), "window must be a character count"),
        (('keywords = ["Project"]', "timeout = 60"), "timeout must be seconds"),
        (
            ('id = "acme.code-name"', 'id = "other.code-name"'),
            "ids must be strings that start with the pack id",
        ),
        (("flag = [{ text", "flag = [{ txt"), "unknown keys txt"),
        (('title = "Acme secrets"', 'title = "Acme secrets"\nauthor = "me"'), "unknown keys author"),
        (('group = "v"', 'group = "v"\nvalidators = ["crc"]'), "unknown validator crc"),
        (('group = "v"', 'group = "v"\nexclude = ["@nowhere"]'), "@nowhere names no list"),
    ],
)
def test_errors_name_the_file_the_rule_and_the_problem(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(RulePackError) as caught:
        load_pack(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)


def test_broken_toml_is_a_pack_error(tmp_path: Path) -> None:
    with pytest.raises(RulePackError, match="cannot read rule pack"):
        load_pack(write(tmp_path, "[pack\nid = 1"))


def test_a_pack_needs_an_id(tmp_path: Path) -> None:
    with pytest.raises(RulePackError, match=r"\[pack\] table with an id"):
        load_pack(write(tmp_path, "[[rules]]\nid = 'x'"))


def test_duplicate_ids_across_packs_are_refused(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.toml")
    write(tmp_path, GOOD, "b.toml")
    with pytest.raises(RulePackError, match="already defined"):
        load_packs([tmp_path])


def test_a_missing_rules_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(RulePackError, match="rule directory not found"):
        load_packs([tmp_path / "nowhere"])


def test_examples_mark_exact_spans() -> None:
    example = parse_example("Grew [[$4.2M]] and [[37%]]")
    assert example.text == "Grew $4.2M and 37%"
    assert example.spans == ((5, 10), (15, 18))


COUNT_COMPILED = """
import sys
from pathlib import Path
from discreet import packs
loaded = packs.load_packs([Path(sys.argv[1])])
def compiled_rules():
    return len({key for key, _index in packs._COMPILED})
before = compiled_rules()
loaded[0].rules[0].patterns
print(before, compiled_rules())
"""


def _compiled_before_and_after_first_use(directory: Path) -> list[int]:
    """How many rules' patterns a fresh process holds compiled after loading, then after one use."""
    run = subprocess.run(
        [sys.executable, "-c", COUNT_COMPILED, str(directory)], capture_output=True, text=True, check=True
    )
    return [int(n) for n in run.stdout.split()]


def test_built_in_patterns_compile_on_first_use() -> None:
    assert _compiled_before_and_after_first_use(builtin_rules_dir()) == [0, 1]


def test_a_users_pack_is_compiled_at_once(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    assert _compiled_before_and_after_first_use(tmp_path) == [1, 1]


def test_rules_survive_pickling_for_worker_processes(tmp_path: Path) -> None:
    (rule,) = load_pack(write(tmp_path, GOOD), compile_now=False).rules
    copy = pickle.loads(pickle.dumps(rule))
    assert copy == rule
    assert copy.patterns[0].search("Project Osprey") is not None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Grew PROFITS", True),
        ("Grew proﬁts", True),
        ("Won market\nshare", True),
        ("A profiteer", False),
        ("Marketshare", False),
    ],
)
def test_words_match_whole_ignoring_case_and_spacing(text: str, found: bool) -> None:
    assert Words(("profits", "Market share")).search(text) is found


FALCON = 'flag = [{ text = "Led Project [[Falcon]]", section = "experience" }]'


def test_examples_may_give_the_public_rewrite(tmp_path: Path) -> None:
    examples = 'flag = [{ text = "Led Project [[Falcon]]", rewrite = "" }, "Ran Project [[Osprey]]"]'
    (rule,) = load_pack(write(tmp_path, GOOD.replace(FALCON, examples))).rules
    assert [example.rewrite for example in rule.flag] == ["", None]


@pytest.mark.parametrize(
    ("rewrite", "problem"),
    [
        ("Led an internal platform initiative", ""),
        (
            "Led Project Falcon",
            "acme.code-name: flag example rewritten 'Led an internal platform initiative'",
        ),
    ],
)
def test_rule_checks_compare_rewrites_exactly(tmp_path: Path, rewrite: str, problem: str) -> None:
    stand_in = 'stand_in = "an internal platform initiative"'
    examples = f'flag = [{{ text = "Led Project [[Falcon]]", rewrite = "{rewrite}" }}]'
    (rule,) = load_pack(write(tmp_path, GOOD.replace(FALCON, f"{stand_in}\n{examples}"))).rules
    problems = check_rules([rule])
    assert [p.split(",")[0] for p in problems] == ([problem] if problem else [])
