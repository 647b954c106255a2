"""The rewrite benchmark: hand-written sentences, their careful rewrites, and the share discreet matches."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from discreet.api import audit_text
from discreet.model import Advice

BENCHMARK = Path(__file__).parent / "rewrite_benchmark.toml"
HEADINGS = {
    "experience": "Experience",
    "summary": "Summary",
    "contact": "Contact",
    "references": "References",
    "other": "Additional Information",
}
# The share of hand-written rewrites discreet gives word for word; raise it as rewrites improve.
MINIMUM_EXACT = 0.95
# The same share over the fresh sentences, whose rewrites were written before the rewriter ran on them.
MINIMUM_FRESH = 0.95


@dataclass(frozen=True, slots=True)
class Case:
    """One benchmark sentence, its section, the writer's private terms and the rewrite a person wrote."""

    text: str
    rewrite: str
    section: str = "experience"
    private: tuple[str, ...] = ()


def load_cases(table: str = "case") -> list[Case]:
    """The benchmark's cases of one table: 'case' (tuned as the rewriter grew) or 'fresh' (never tuned)."""
    data = tomllib.loads(BENCHMARK.read_text(encoding="utf-8"))
    return [
        Case(case["text"], case["rewrite"], case.get("section", "experience"), tuple(case.get("private", ())))
        for case in data[table]
    ]


CASES = load_cases()
FRESH = load_cases("fresh")


def rewritten(case: Case) -> tuple[str, list[str]]:
    """The case's text as discreet rewrites it for public, and the flagged texts it had to rewrite."""
    heading = HEADINGS[case.section]
    text = f"{heading}\n{case.text}"
    report = audit_text(text, private_terms=case.private)
    body = len(heading) + 1
    advice: dict[tuple[int, int], Advice] = {}
    flagged: list[str] = []
    for located in report.findings:
        if located.advice is not None and located.finding.start >= body:
            advice[located.advice.sentence] = located.advice
            flagged.append(located.finding.text)
    return _splice(text, body, sorted(advice.items())), flagged


def _splice(text: str, start: int, advice: Sequence[tuple[tuple[int, int], Advice]]) -> str:
    pieces, cursor = [], start
    for (first, last), one in advice:
        pieces += [text[cursor:first], one.rewrite]
        cursor = last
    pieces.append(text[cursor:])
    return re.sub(r"\s+", " ", "".join(pieces)).strip()


def test_the_benchmark_has_two_hundred_sentences_each_with_something_to_rewrite() -> None:
    assert len(CASES) >= 200 and len(FRESH) >= 40
    texts = [case.text for case in CASES + FRESH]
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize("case", CASES + FRESH, ids=lambda case: case.text[:60])
def test_every_flagged_value_is_gone_and_no_word_is_doubled(case: Case) -> None:
    rewrite, flagged = rewritten(case)
    assert flagged, "the benchmark sentence must have a finding"
    for text in flagged:
        assert not re.search(rf"(?<!\w){re.escape(text)}(?!\w)", rewrite) or text in case.rewrite
    assert not doubled(rewrite, case.text)


def doubled(rewrite: str, original: str) -> list[str]:
    """Word n-grams (n = 1..4) said twice in a row in the rewrite but not in the original."""
    found = []
    for n in range(1, 5):
        pattern = re.compile(rf"\b((?:[\w'’-]+\W+){{{n - 1}}}[\w'’-]+)\W+\1\b", re.I)
        found += [m.group(1) for m in pattern.finditer(rewrite) if m.group().lower() not in original.lower()]
    return found


@pytest.mark.parametrize(
    ("table", "cases", "minimum"), [("tuned", CASES, MINIMUM_EXACT), ("fresh", FRESH, MINIMUM_FRESH)]
)
def test_the_share_of_exact_rewrites(table: str, cases: list[Case], minimum: float) -> None:
    exact = [case for case in cases if rewritten(case)[0] == case.rewrite]
    share = len(exact) / len(cases)
    print(f"\nrewrite benchmark, {table}: {len(exact)} of {len(cases)} exact ({share:.0%})")
    assert share >= minimum
