"""Findings that do not depend on the machine: work in proportion to length, the same JSON when busy.

How work is measured. A finding must never depend on how long a rule took, so the built-in rules
are held to a bound on work that no wall clock enters: doubling a document's length may double
their work, never square it. The options weighed for counting that work:

- the `regex` module counts no steps, and its `timeout` is wall-clock time, which a busy machine
  stretches: it is the very thing that made findings differ between an idle and a loaded machine;
- hardware instruction counters (Linux perf_event_open) would give an exact count, but virtual
  machines and containers rarely expose them (the machine these tests were written on answers ENOENT);
- CPU time of the calling thread (`time.thread_time`) counts only the time this thread runs, not the
  time it waits for a core, so other processes do not inflate it the way they stretch wall-clock.

So work is thread CPU time, and only ever compared with itself: the same pattern on n and on 8n
copies of the same text, measured back to back in one process. A ratio cancels the machine's speed,
and a busy neighbour's effect on caches and shared cores, which slows the short and the long run
alike; the least of several runs drops interruptions (noise only ever adds time); linear work gives a ratio
near 8 and quadratic work near 64, and the bound, 20, sits well apart from both. A small absolute
allowance (NOISE) keeps microsecond-sized measurements from failing on timer jitter; it is far
below what even a mildly quadratic pattern costs at these sizes. A ratio over the bound is measured
again before it fails, and `test_the_measure_tells_linear_from_quadratic` proves on the machine at
hand that the measure separates the two.

The texts are adversarial runs of what resumes hold (capitalised names, comma lists, digits and
separators, 'Key: value', bullets), on one line and a line each, and each rule's own cue from its
flag examples followed by a list that never ends the way the pattern wants; then whole corpus
documents written out 8 times, which also covers the engine around the patterns.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
import regex

from conftest import FIXTURES, SHARED
from discreet.audit import Settings, audit
from discreet.detect import Terms, detect
from discreet.formatters.json import render
from discreet.formatters.options import RenderOptions
from discreet.model import Document, Limits
from discreet.packs import Rule, all_rules, builtin_rules_dir, load_packs
from discreet.parsers.text import parse

RULES = all_rules(load_packs([builtin_rules_dir()]))
GROWTH = 8  # the long text holds this many times the short one
BOUND = 20.0  # linear work grows about 8 times, quadratic about 64
NOISE = 0.0005  # seconds of CPU time allowed above the bound, for timer jitter on tiny measurements
REPEATS = 3
BLOCK = 400  # characters in each adversarial run of the short text
SAFETY = 10.0  # wall-clock seconds after which a pattern is plainly not linear
EVAL_DOCS = SHARED / "eval" / "dev" / "docs"
CORPUS_DIRS = (EVAL_DOCS, SHARED / "corpus" / "resumes" / "text")

# The kinds of text resumes hold, as units repeated into long runs: the runs that make a careless
# pattern retry at every position or backtrack over every way to split them.
SHAPES = {
    "capitalised words": "Northbridge Harlow Press Vexa Dixon Marlow ",
    "comma list": "Acme Media, Northbridge Press, Halden Sports and ",
    "capitals": "ACME MEDIA NORTHBRIDGE PRESS ",
    "digits and separators": "12,345.67 - 555-0147 / 2019-2020 (40%) $4.2M +65 6731 2290 ",
    "key: value": "Supervisor: Dana Reed Phone: 555 0147 Salary: 48,000 Email: dana@example.com ",
    "prose with cues": "managed the key accounts for clients and customers with sales of revenue ",
    "bullets": "• Led - the – team ",
}


def work(run: Callable[[], object], repeats: int = REPEATS) -> float:
    """CPU seconds this thread spends on one run: the least of several, since interruptions only add."""
    least = math.inf
    for _ in range(repeats):
        start = time.thread_time()
        run()
        least = min(least, time.thread_time() - start)
    return least


def growth(
    short: Callable[[], object], long: Callable[[], object], repeats: int = REPEATS
) -> tuple[float, float, float]:
    """Work on the short and the long input, and the excess of the long over the linear bound.

    Work over the bound is measured again, four times as often, before it counts.
    """
    for tries in (repeats, 4 * repeats):
        a, b = work(short, tries), work(long, tries)
        if b <= BOUND * a + NOISE:
            break
    return a, b, b - BOUND * a - NOISE


def scan(pattern: regex.Pattern[str], text: str) -> Callable[[], object]:
    return lambda: sum(1 for _ in pattern.finditer(text, timeout=SAFETY))


def blocks(rule: Rule) -> list[tuple[str, Callable[[int], str]]]:
    """Adversarial runs, each a function of its length: the shapes, and the rule's own cues."""
    found: list[tuple[str, Callable[[int], str]]] = []
    for name, unit in SHAPES.items():
        found.append((f"{name} on one line", run_of(unit)))
        found.append((f"{name}, a line each", run_of(unit.rstrip() + "\n")))
    flags = "".join(example.text + "\n" for example in rule.flag)
    if flags:
        found.append(("the flag examples, repeated", run_of(flags)))
    for number, example in enumerate(rule.flag):
        # The rule's cue, then a list that never ends the way the pattern wants.
        cue = example.text[: example.spans[0][0]] if example.spans else example.text
        for name in ("comma list", "capitalised words"):
            found.append((f"flag example {number}'s cue, then {name}", run_of(SHAPES[name], cue)))
    return found


def run_of(unit: str, cue: str = "") -> Callable[[int], str]:
    return lambda length: cue + unit * (length // len(unit) + 1) + "\n"


def adversarial(rule: Rule, scale: int) -> str:
    return "".join(make(BLOCK * scale) for _name, make in blocks(rule))


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_builtin_patterns_work_in_proportion_to_length(rule: Rule) -> None:
    short, long = adversarial(rule, 1), adversarial(rule, GROWTH)
    failures = []
    for number, pattern in enumerate(rule.patterns):
        try:
            excess = growth(scan(pattern, short), scan(pattern, long))[2]
        except TimeoutError:
            excess = math.inf
        if excess > 0:
            failures.extend(f"pattern {number}: {culprit}" for culprit in culprits(rule, pattern))
    assert not failures, "\n".join(failures)


def culprits(rule: Rule, pattern: regex.Pattern[str]) -> list[str]:
    """Which runs make a pattern's work grow faster than their length, and by how much."""
    found = []
    for name, make in blocks(rule):
        try:
            a, b, excess = growth(scan(pattern, make(BLOCK)), scan(pattern, make(BLOCK * GROWTH)))
        except TimeoutError:
            found.append(f"on {name}: ran past {SAFETY:g} s")
            continue
        if excess > 0:
            cost = f"({a * 1000:.2f} -> {b * 1000:.2f} ms)"
            found.append(f"on {name}: {GROWTH}x the text cost {b / a:.0f}x the work {cost}")
    return found or ["the work grew faster than the text, though no single run shows it"]


def test_the_measure_tells_linear_from_quadratic() -> None:
    # A run of names that never ends in the lowercase word the pattern wants is retried from every name.
    quadratic = regex.compile(r"[A-Z]\w*(?:[ \t]+[A-Z]\w*)*[ \t]+[a-z]")
    linear = regex.compile(r"[A-Z]\w*(?:[ \t]+[A-Z]\w*){0,5}[ \t]+[a-z]")
    make = run_of(SHAPES["capitalised words"])
    short, long = make(BLOCK), make(BLOCK * GROWTH)
    assert work(scan(quadratic, long), 1) > BOUND * work(scan(quadratic, short)) + NOISE
    assert growth(scan(linear, short), scan(linear, long))[2] <= 0


def corpus(every: int) -> list[Path]:
    """Every so many of the shared corpus's text documents, in name order: a fixed sample."""
    if not SHARED.is_dir():
        return []
    paths = sorted(p for d in CORPUS_DIRS if d.is_dir() for p in d.iterdir() if p.is_file())
    return paths[::every]


def copies(document: Document, count: int) -> Document:
    """The document written out count times, one after another, with its sections."""
    step = len(document.text) + 1
    segments = tuple(
        replace(segment, start=segment.start + index * step)
        for index in range(count)
        for segment in document.segments
    )
    return replace(document, segments=segments, text="\n".join([document.text] * count))


@pytest.mark.parametrize("path", corpus(every=25), ids=lambda path: path.name)
def test_detection_works_in_proportion_to_a_documents_length(path: Path, shared: Path) -> None:
    document = parse(path, Limits())
    longer = copies(document, GROWTH)
    a, b, excess = growth(lambda: detect(document, RULES), lambda: detect(longer, RULES), repeats=2)
    assert excess <= 0, (
        f"{GROWTH}x the text cost {b / a:.0f}x the work ({a * 1000:.1f} -> {b * 1000:.1f} ms CPU)"
    )
    assert len(detect(longer, RULES).findings) == GROWTH * len(detect(document, RULES).findings)


def test_detection_with_terms_works_in_proportion_to_a_documents_length() -> None:
    persona = FIXTURES / "persona"
    lines = (persona / "private-terms.txt").read_text(encoding="utf-8").splitlines()
    terms = Terms(
        private=tuple(line.partition("=>")[0].strip() for line in lines if line.strip()),
        public=tuple((persona / "public-terms.txt").read_text(encoding="utf-8").split("\n")),
    )
    document = parse(persona / "resume.txt", Limits())
    longer = copies(document, GROWTH)
    a, b, excess = growth(lambda: detect(document, RULES, terms), lambda: detect(longer, RULES, terms))
    assert excess <= 0, f"{GROWTH}x the text cost {b / a:.0f}x the work ({a * 1000:.1f} -> {b * 1000:.1f} ms)"
    assert len(detect(longer, RULES, terms).findings) == GROWTH * len(detect(document, RULES, terms).findings)


BUSY_LOOP = "while True: pass"


def test_findings_are_the_same_on_a_busy_machine(shared: Path) -> None:
    """Audit a fixed sample of the labelled documents idle, then with every core kept busy: same JSON."""
    paths = sorted(EVAL_DOCS.iterdir())[::3]
    settings = Settings(RULES)
    idle = render(audit(paths, settings, jobs=1), RenderOptions())
    hogs = [subprocess.Popen([sys.executable, "-c", BUSY_LOOP]) for _ in range(2 * (os.cpu_count() or 1))]
    try:
        busy = render(audit(paths, settings, jobs=1), RenderOptions())
        assert all(hog.poll() is None for hog in hogs), "the busy loops ended before the audit did"
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()
    assert '"errors": []' in idle
    assert busy == idle
