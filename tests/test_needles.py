"""The strings a pattern's matches must contain, and the prefilter that skips scans without them."""

from __future__ import annotations

import time

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from discreet.detect import _matches
from discreet.needles import Needles, needles
from discreet.packs import Rule, all_rules, builtin_rules_dir, load_packs
from discreet.prefilter import prefilter

RULES = all_rules(load_packs([builtin_rules_dir()]))
LISTS = {"units": ("million", "billion")}


@pytest.mark.parametrize(
    ("pattern", "anywhere", "starts"),
    [
        # A fixed word, case folded: it is both what a match starts with and what it contains.
        (r"\bSalary\b", ("salary",), ("salary",)),
        (r"(?i)\b(?:hourly|daily)\s+rate", ("daily", "hourly"), ("daily", "hourly")),
        # Consecutive literals join into one string; a quantified or optional piece ends it.
        (r"social\s+security", ("security",), ("social",)),
        (r"emp\.?\s*id", ("emp",), ("emp",)),
        (r"cells?\b", ("cell",), ("cell",)),
        (r"(?:Mr|Mrs)\.? Smith", (" smith",), ("mr", "mrs")),
        # A required word after a variable start still gates the pattern; the start stays unknown.
        (r"\d{1,3}\s+(?:RSUs?|stock\s+options)", ("options", "rsu"), ()),
        (r"\d+(?=\s*percent)", ("percent",), ()),
        (r"(?<=\b(?:salary|wage)\s)\d+", ("salary", "wage"), ()),
        # Named lists and plain classes are sets of literals; [Ss]pear reads as 'spear'.
        (r"\L<units>\b", ("billion", "million"), ("billion", "million")),
        (r"[Ss]pearheaded", ("spearheaded",), ("spearheaded",)),
        (r"[$€£]\d", ("$", "£", "€"), ("$", "£", "€")),
        # Nothing required: an optional word, a negative lookaround, a class range, a bare digit run.
        (r"(?:total\s+)?\d{4}", (), ()),
        (r"(?<!salary\s)\d{4}", (), ()),
        (r"[A-Z]{2}\d{6}", (), ()),
        # One alternative without a literal leaves the whole pattern without needles.
        (r"salary|\d{5}", (), ()),
        (r"salary|wages", ("salary", "wages"), ("salary", "wages")),
        # Single letters are in every resume: testing for them would cost more than it saves.
        (r"\b(?:a|I)\s+\w+", (), ()),
        (r"\b(?:an|on)\s+\w+", ("an", "on"), ("an", "on")),
        # Syntax the reader does not follow gives no needles rather than wrong ones.
        (r"(?x) salary \d+", (), ()),
        (r"(?(1)salary|wage)", (), ()),
        (r"\L<unknown>", (), ()),
        # A group call inside a lookbehind sees no text before where a match is tried: start anywhere.
        (r"phone(?<=(?&d) phone)(?(DEFINE)(?P<d>\d{3}))", (" phone",), ()),
        # A group call outside every lookbehind is fine, lookbehinds elsewhere or not.
        (r"phone (?&d)(?<=\d)(?(DEFINE)(?P<d>\d{3}))", ("phone ",), ("phone ",)),
    ],
)
def test_needles_read_from_a_pattern(
    pattern: str, anywhere: tuple[str, ...], starts: tuple[str, ...]
) -> None:
    assert needles(pattern, LISTS) == Needles(anywhere, starts)


def test_a_verbose_pattern_has_no_needles() -> None:
    assert needles("salary", {}, verbose=True) == Needles()


BUILTIN = [
    (rule, index, pattern, found)
    for rule in RULES
    for index, (pattern, found) in enumerate(zip(rule.patterns, rule.compiled.needles, strict=True))
]


def _examples(rule: Rule) -> list[str]:
    return [example.text for example in (*rule.flag, *rule.allow)]


ALL_EXAMPLES = [text for rule in RULES for text in _examples(rule)]


@pytest.mark.parametrize(("rule", "index", "pattern", "found"), BUILTIN, ids=lambda v: getattr(v, "id", None))
def test_builtin_needles_occur_in_every_match(
    rule: Rule, index: int, pattern: regex.Pattern[str], found: Needles
) -> None:
    for text in ALL_EXAMPLES:
        folded = text.casefold()
        for match in pattern.finditer(text):
            if found.anywhere:
                assert any(n in folded for n in found.anywhere), (rule.id, index, match.group())
            if found.starts:
                head = text[match.start() :].casefold()
                assert any(head.startswith(n) for n in found.starts), (rule.id, index, match.group())


@pytest.mark.parametrize(("rule", "index", "pattern", "found"), BUILTIN, ids=lambda v: getattr(v, "id", None))
def test_trying_only_the_sighted_starts_finds_what_a_full_scan_finds(
    rule: Rule, index: int, pattern: regex.Pattern[str], found: Needles
) -> None:
    for text in ALL_EXAMPLES:
        sightings = prefilter(RULES).sight(text)
        if not sightings.pattern_may_match(found):
            assert list(pattern.finditer(text)) == []
            continue
        starts = sightings.candidates(found)
        deadline = time.monotonic() + 60
        anchored = [m.span() for m in _matches(pattern, text, 0, len(text), starts, deadline)]
        assert anchored == [m.span() for m in pattern.finditer(text)]


WORDS = st.sampled_from(["salary", "Salary", "SALARY", "wages", "ß", "İ", "$", "5", " ", "\n", "x", "sal"])


@given(st.lists(WORDS, max_size=30).map("".join))
def test_candidates_match_a_full_scan_on_any_text(text: str) -> None:
    pattern = regex.compile(r"(?i)(?:salary|wages)\s*\$?\d*", regex.VERSION1)
    starts = _starts(needles(pattern.pattern, {}), text)
    anchored = _matches(pattern, text, 0, len(text), starts, time.monotonic() + 60)
    assert [m.span() for m in anchored] == [m.span() for m in pattern.finditer(text)]


def _starts(found: Needles, text: str) -> list[int] | None:
    """The candidate starts the prefilter of a rule set holding these needles would give."""
    folded = text.casefold()
    if len(folded) != len(text):
        return None
    return sorted({i for n in found.starts for i in range(len(folded)) if folded.startswith(n, i)})


def test_a_document_without_a_rules_keywords_skips_the_rule() -> None:
    salary = next(rule for rule in RULES if rule.keywords and "salary" in rule.keywords)
    sightings = prefilter(RULES).sight("Led a team of five engineers.")
    assert not sightings.rule_may_match(salary)
    assert prefilter(RULES).sight("Salary: 90,000").rule_may_match(salary)


def test_casefolding_that_changes_lengths_disables_start_offsets() -> None:
    # 'ß' folds to 'ss': offsets in the folded text no longer point into the text.
    found = Needles(("salary",), ("salary",))
    padding = " and more" * 30
    assert prefilter(RULES).sight("Straße salary" + padding).candidates(found) is None
    assert prefilter(RULES).sight("Strasse salary" + padding).candidates(found) == [8]


def test_a_start_string_seen_too_often_gives_way_to_a_full_scan() -> None:
    found = Needles(("salary",), ("salary",))
    assert prefilter(RULES).sight("salary " * 5).candidates(found) is None
    assert prefilter(RULES).sight("salary " * 5 + "x" * 500).candidates(found) == [0, 7, 14, 21, 28]


def test_the_builtin_prefilter_is_built_once_per_rule_set() -> None:
    assert prefilter(RULES) is prefilter(tuple(RULES))
