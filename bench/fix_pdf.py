"""Print what fixing a 2-page PDF costs against auditing it, in process and as commands; tally the corpus."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from discreet.audit import audit_document
from discreet.detect import Terms
from discreet.errors import InputError
from discreet.model import Destination, Limits
from discreet.packs import Rule, all_rules, builtin_rules_dir, load_packs
from discreet.read import read
from discreet.writers.pdf import redact, removal_spans

REPO = Path(__file__).resolve().parents[1]
PERSONA = REPO / "fixtures" / "persona" / "resume.pdf"
CORPUS = REPO.parent / "shared" / "corpus"
RUNS = 7


def in_process(rules: tuple[Rule, ...]) -> tuple[float, float]:
    """Median seconds to audit the persona PDF, and to redact it once audited."""
    audits, redactions = [], []
    data = PERSONA.read_bytes()
    for _ in range(RUNS):
        start = time.perf_counter()
        report = audit_document(read(PERSONA, Limits()), rules, Terms())
        audited = time.perf_counter()
        redact(report.document, removal_spans(report, Destination.PUBLIC), data)
        audits.append(audited - start)
        redactions.append(time.perf_counter() - audited)
    return statistics.median(audits), statistics.median(redactions)


def commands() -> tuple[float, float]:
    """Median wall seconds of `discreet audit` and `discreet fix` on the persona PDF, as processes."""
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "public.pdf"
        audit = [sys.executable, "-m", "discreet", "audit", str(PERSONA), "--quiet"]
        fix = [sys.executable, "-m", "discreet", "fix", str(PERSONA), "--output", str(output)]
        return _median(audit), _median(fix)


def _median(args: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(args, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def corpus(rules: tuple[Rule, ...]) -> Counter[str]:
    """How many corpus PDFs are redacted, and why the others are refused."""
    tally: Counter[str] = Counter()
    for path in sorted(CORPUS.rglob("*.pdf")):
        try:
            report = audit_document(read(path, Limits()), rules, Terms())
            redact(report.document, removal_spans(report, Destination.PUBLIC), path.read_bytes())
        except InputError as error:
            tally[f"refused: {error.problem.split(',')[0]}"] += 1
            continue
        tally["redacted"] += 1
    return tally


def main() -> None:
    rules = tuple(all_rules(load_packs([builtin_rules_dir()])))
    print(f"load average {os.getloadavg()[0]:.1f}; medians of {RUNS} runs on {PERSONA.name} (2 pages)")
    audit_seconds, redact_seconds = in_process(rules)
    print(f"in process: audit {audit_seconds:.3f} s, redaction {redact_seconds:.3f} s", end="")
    print(f" -> fix = {(audit_seconds + redact_seconds) / audit_seconds:.2f} x audit")
    audit_wall, fix_wall = commands()
    ratio = fix_wall / audit_wall
    print(f"commands:   discreet audit {audit_wall:.2f} s, discreet fix {fix_wall:.2f} s -> {ratio:.2f} x")
    if CORPUS.is_dir():
        for outcome, count in sorted(corpus(rules).items()):
            print(f"corpus: {count:4d} {outcome}")


if __name__ == "__main__":
    main()
