"""Print how the pipeline performs: cost against parsing, batch scaling, peak memory, start-up."""

from __future__ import annotations

import os
import resource
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
peaks = (resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(before, max(peaks))
"""


def per_document(paths: list[Path], settings: Settings) -> tuple[list[float], list[float], list[float]]:
    """Seconds to parse, and to parse and audit, each readable document; and CPU seconds of each input."""
    parse_times, audit_times, cpu_times = [], [], []
    for path in paths:
        cpu = time.process_time()
        try:
            start = time.perf_counter()
            document = read(path, settings.limits)
            parsed = time.perf_counter()
            audit_document(document, settings.rules, settings.terms)
            done = time.perf_counter()
        except InputError:
            continue
        finally:
            cpu_times.append(time.process_time() - cpu)
        parse_times.append(parsed - start)
        audit_times.append(done - start)
    return parse_times, audit_times, cpu_times


def batch(settings: Settings, jobs: int) -> tuple[float, float, float]:
    """Wall seconds, the parent's CPU seconds and the workers' CPU seconds of one whole-corpus batch."""
    parent, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    audit([CORPUS], settings, jobs=jobs)
    wall = time.perf_counter() - start
    parent_after, workers_after = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return wall, _cpu(parent_after) - _cpu(parent), _cpu(workers_after) - _cpu(workers)


def _cpu(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def makespan(costs: list[float], workers: int) -> float:
    """When the last of workers finishes, each taking the next cost as soon as it is free."""
    free = [0.0] * workers
    for cost in costs:
        free[free.index(min(free))] += cost
    return max(free)


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
    paths = [path for path in expand([CORPUS], settings.limits) if isinstance(path, Path)]
    parse_times, audit_times, cpu_times = per_document(paths, settings)
    total_parse, total_audit = sum(parse_times), sum(audit_times)
    print(f"rule packs: {len(settings.rules)} rules loaded in {load * 1000:.0f} ms")
    print(f"corpus: {len(audit_times)} readable documents of {len(paths)}")
    print(
        f"whole-corpus audit: {total_audit:.2f} s (parse {total_parse:.2f} s); "
        f"median per document {statistics.median(audit_times) * 1000:.1f} ms; "
        f"audit/parse ratio {total_audit / total_parse:.2f}"
    )
    (one, _, one_cpu), (two, two_parent, two_cpu) = batch(settings, 1), batch(settings, 2)
    print(
        f"batch: 1 worker {one:.2f} s, 2 workers {two:.2f} s; speed-up {one / two:.2f}x "
        f"(load average {os.getloadavg()[0]:.1f}: wall ratios mean little when it is over 2)"
    )
    print(
        f"batch CPU: workers {one_cpu:.2f} s with 1, {two_cpu:.2f} s with 2; parent {two_parent:.2f} s with 2"
    )
    # The ratio 2 free cores would give: per-document CPU scheduled as the pool does (largest
    # file first), plus the parent's serial share, which no second core shortens.
    by_size = [
        cost for _, cost in sorted(zip(paths, cpu_times, strict=True), key=lambda p: -p[0].stat().st_size)
    ]
    ideal = (sum(cpu_times) + two_parent) / (makespan(by_size, 2) + two_parent)
    in_order = (sum(cpu_times) + two_parent) / (makespan(cpu_times, 2) + two_parent)
    print(f"CPU-bound 2-worker speed-up: {ideal:.2f}x largest first ({in_order:.2f}x in name order)")
    largest = max(paths, key=lambda p: p.stat().st_size)
    done = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY, str(largest)], capture_output=True, text=True, check=True
    )
    before, after = (int(n) for n in done.stdout.split())
    print(
        f"peak memory on the largest document ({largest.name}, {largest.stat().st_size // 1024} KB): "
        f"{after / 1024:.0f} MB resident in the largest process (parent or worker), "
        f"{(after - before) / 1024:.0f} MB above start-up"
    )
    print(f"demo audit (README's first command, process start included): {startup_seconds() * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
