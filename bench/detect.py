"""Print the median time detection takes, all built-in packs, over typical two-page resume texts.

Then the rules that cost the most, so that a slow pattern shows up by name, and the slowest single
run of one rule on one document beside the safety limit that would fail that document.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from discreet.detect import detect
from discreet.model import Document, Limits
from discreet.packs import Rule, all_rules, builtin_rules_dir, load_packs
from discreet.parsers.text import parse

REPO = Path(__file__).resolve().parents[1]
SOURCES = (
    REPO.parent / "shared" / "eval" / "dev" / "docs",
    REPO.parent / "shared" / "corpus" / "resumes" / "text",
)
TWO_PAGES = range(3_000, 12_000)
ROUNDS = 20
RULE_ROUNDS = 3
SHOWN = 12


def main() -> int:
    """Time detect() on every two-page text found and print the median in milliseconds."""
    rules = all_rules(load_packs([builtin_rules_dir()]))
    paths = sorted(p for d in SOURCES if d.is_dir() for p in d.iterdir() if p.is_file())
    documents = [parse(p, Limits()) for p in paths]
    documents = [d for d in documents if len(d.text) in TWO_PAGES]
    if not documents:
        print("no resume texts found beside the repository (../shared)", file=sys.stderr)
        return 1
    detect(documents[0], rules)  # compile every pattern before the clock starts
    times, cpu = [], []
    for _round in range(ROUNDS):
        for document in documents:
            start, start_cpu = time.perf_counter(), time.thread_time()
            detect(document, rules)
            times.append(time.perf_counter() - start)
            cpu.append(time.thread_time() - start_cpu)
    median = statistics.median(times) * 1000
    print(f"{len(rules)} rules, {len(documents)} documents of 3-12k characters, {len(times)} runs")
    print(
        f"median detection time: {median:.2f} ms (p90 {statistics.quantiles(times, n=10)[-1] * 1000:.2f} ms)"
    )
    # NOTE: on a busy machine wall-clock time stretches; CPU time much less so. Quote the first when idle.
    print(f"median CPU time: {statistics.median(cpu) * 1000:.2f} ms")
    print_rule_costs(rules, documents)
    return 0


def print_rule_costs(rules: tuple[Rule, ...], documents: list[Document]) -> None:
    """Each rule alone, keyword filter included: mean ms per document for the costliest, and the worst run."""
    total: dict[str, float] = defaultdict(float)
    worst = (0.0, "", "")
    for _round in range(RULE_ROUNDS):
        for document in documents:
            for rule in rules:
                start = time.perf_counter()
                detect(document, [rule])
                spent = time.perf_counter() - start
                total[rule.id] += spent
                worst = max(worst, (spent, rule.id, Path(document.path).name))
    runs = RULE_ROUNDS * len(documents)
    everything = sum(total.values())
    print(f"costliest rules (mean ms per document, share of all rules run one by one, {RULE_ROUNDS} rounds):")
    for rule_id, spent in sorted(total.items(), key=lambda item: -item[1])[:SHOWN]:
        print(f"  {spent / runs * 1000:7.2f} ms  {spent / everything:4.0%}  {rule_id}")
    limit = min(rule.timeout for rule in rules)
    spent, rule_id, name = worst
    print(
        f"slowest single run: {rule_id} on {name}, {spent * 1000:.1f} ms "
        f"({spent / limit:.2%} of the {limit:g} s limit that fails a document)"
    )


if __name__ == "__main__":
    sys.exit(main())
