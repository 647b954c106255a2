"""Print the median time detection takes, all built-in packs, over typical two-page resume texts."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from discreet.detect import detect
from discreet.model import Limits
from discreet.packs import all_rules, builtin_rules_dir, load_packs
from discreet.parsers.text import parse

REPO = Path(__file__).resolve().parents[1]
SOURCES = (
    REPO.parent / "shared" / "eval" / "dev" / "docs",
    REPO.parent / "shared" / "corpus" / "resumes" / "text",
)
TWO_PAGES = range(3_000, 12_000)
ROUNDS = 20


def main() -> int:
    """Time detect() on every two-page text found and print the median in milliseconds."""
    rules = all_rules(load_packs([builtin_rules_dir()]))
    paths = sorted(p for d in SOURCES if d.is_dir() for p in d.iterdir() if p.is_file())
    documents = [parse(p, Limits()) for p in paths]
    documents = [d for d in documents if len(d.text) in TWO_PAGES]
    if not documents:
        print("no resume texts found beside the repository (../shared)", file=sys.stderr)
        return 1
    times = []
    for _round in range(ROUNDS):
        for document in documents:
            start = time.perf_counter()
            detect(document, rules)
            times.append(time.perf_counter() - start)
    median = statistics.median(times) * 1000
    print(f"{len(rules)} rules, {len(documents)} documents of 3-12k characters, {len(times)} runs")
    print(
        f"median detection time: {median:.2f} ms (p90 {statistics.quantiles(times, n=10)[-1] * 1000:.2f} ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
