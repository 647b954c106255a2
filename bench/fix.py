"""Print what discreet fix costs on a two-page Word resume, as a ratio to discreet audit of the same file.

Each command runs as a whole process, as a person runs it; CPU seconds are given beside wall seconds
because they move less when the machine is busy. Usage: python bench/fix.py [DOCX] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from time import perf_counter, process_time

REPO = Path(__file__).resolve().parents[1]
# The persona resume: 45 paragraphs, a table, header, footer and a comment, two pages in Word.
DEFAULT = REPO / "fixtures" / "persona" / "resume.docx"


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of a command (any exit code but 2 is a result, not a failure)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    wall = perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode == 2:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.decode(errors='replace').strip()}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds over runs, after one warm-up run."""
    timed(command)
    samples = [timed(command) for _ in range(runs)]
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def in_process(path: Path, runs: int) -> dict[str, float]:
    """Median CPU seconds of audit's pipeline and of fix's (audit, plan, write, read back, audit again)."""
    from discreet.api import load_rules
    from discreet.audit import audit_document
    from discreet.fixplan import plan
    from discreet.model import Destination, Limits
    from discreet.read import Piped, read
    from discreet.writers import accepted, write_copy

    rules = load_rules()

    def audit() -> None:
        audit_document(read(path, Limits()), rules)

    def fix(tracked: bool) -> None:
        report = audit_document(read(path, Limits()), rules)
        copy = write_copy(report.document, path.read_bytes(), plan(report, Destination.PUBLIC), tracked)
        data = accepted(path, copy.data) if tracked else copy.data
        audit_document(read(Piped(str(path), data), Limits()), rules)

    steps = {"audit": audit, "fix": lambda: fix(False), "fix --tracked": lambda: fix(True)}
    return {name: statistics.median(_cpu(step) for _ in range(runs)) for name, step in steps.items()}


def _cpu(step: Callable[[], None]) -> float:
    start = process_time()
    step()
    return process_time() - start


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("docx", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args(argv)
    discreet = [sys.executable, "-m", "discreet"]
    with tempfile.TemporaryDirectory() as folder:
        copy = str(Path(folder) / "copy.docx")
        commands = {
            "audit": [*discreet, "audit", str(options.docx), "--quiet"],
            "fix": [*discreet, "fix", str(options.docx), "--output", copy],
            "fix --tracked": [*discreet, "fix", str(options.docx), "--output", copy, "--tracked"],
        }
        results = {name: measure(command, options.runs) for name, command in commands.items()}
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"{options.docx.name}: median of {options.runs} runs, load average {load}")
    audit_wall, audit_cpu = results["audit"]
    print("as commands (audit runs its document in a worker process; fix audits in its own):")
    for name, (wall, cpu) in results.items():
        print(
            f"  {name:<14} {wall:6.2f} s wall ({wall / audit_wall:4.2f}x audit)  "
            f"{cpu:6.2f} s CPU ({cpu / audit_cpu:4.2f}x audit)"
        )
    pipelines = in_process(options.docx, options.runs)
    print("in process, rules loaded once:")
    for name, cpu in pipelines.items():
        print(f"  {name:<14} {cpu * 1000:6.0f} ms CPU ({cpu / pipelines['audit']:4.2f}x audit)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
