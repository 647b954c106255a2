"""Print how the pipeline performs: cost against parsing, batch scaling, peak memory, start-up."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from discreet.audit import Settings, audit, audit_document
from discreet.errors import InputError
from discreet.model import Limits
from discreet.packs import all_rules, builtin_rules_dir, load_packs
from discreet.read import expand, read

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "resumes"
DEMO = [
    *("audit", "fixtures/persona/resume.pdf"),
    *("--profile", "fixtures/persona/linkedin-export.zip"),
    *("--private-terms", "fixtures/persona/private-terms.txt", "--quiet"),
]
PEAK_MEMORY = """
import resource, sys
from pathlib import Path
from discreet.audit import Settings, audit
from discreet.packs import all_rules, builtin_rules_dir, load_packs
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
audit([Path(sys.argv[1])], Settings(all_rules(load_packs([builtin_rules_dir()]))))
print(before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def per_document(paths: list[Path], settings: Settings) -> tuple[list[float], list[float]]:
    """Seconds to parse, and to parse and audit, each readable document."""
    parse_times, audit_times = [], []
    for path in paths:
        try:
            start = time.perf_counter()
            document = read(path, settings.limits)
            parsed = time.perf_counter()
            audit_document(document, settings.rules, settings.terms)
            done = time.perf_counter()
        except InputError:
            continue
        parse_times.append(parsed - start)
        audit_times.append(done - start)
    return parse_times, audit_times


def batch_seconds(settings: Settings, jobs: int) -> float:
    """Wall time of one whole-corpus batch with this many workers."""
    start = time.perf_counter()
    audit([CORPUS], settings, jobs=jobs)
    return time.perf_counter() - start


def startup_seconds() -> float:
    """Median wall time of the README's demo audit, process start-up included."""
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "discreet", *DEMO], cwd=REPO, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    """Measure and print the figures with their ratios."""
    if not CORPUS.is_dir():
        print(f"{CORPUS} is absent: this benchmark needs the shared corpus", file=sys.stderr)
        return 1
    start = time.perf_counter()
    settings = Settings(all_rules(load_packs([builtin_rules_dir()])), limits=Limits())
    load = time.perf_counter() - start
    paths = list(expand([CORPUS], settings.limits))
    parse_times, audit_times = per_document(paths, settings)
    total_parse, total_audit = sum(parse_times), sum(audit_times)
    print(f"rule packs: {len(settings.rules)} rules loaded in {load * 1000:.0f} ms")
    print(f"corpus: {len(audit_times)} readable documents of {len(paths)}")
    print(
        f"whole-corpus audit: {total_audit:.2f} s (parse {total_parse:.2f} s); "
        f"median per document {statistics.median(audit_times) * 1000:.1f} ms; "
        f"audit/parse ratio {total_audit / total_parse:.2f}"
    )
    one, two = batch_seconds(settings, 1), batch_seconds(settings, 2)
    print(f"batch: 1 worker {one:.2f} s, 2 workers {two:.2f} s; speed-up {one / two:.2f}x")
    largest = max(paths, key=lambda p: p.stat().st_size)
    done = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY, str(largest)], capture_output=True, text=True, check=True
    )
    before, after = (int(n) for n in done.stdout.split())
    print(
        f"peak memory on the largest document ({largest.name}, {largest.stat().st_size // 1024} KB): "
        f"{after / 1024:.0f} MB resident, {(after - before) / 1024:.0f} MB above start-up"
    )
    print(f"demo audit (README's first command, process start included): {startup_seconds() * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
