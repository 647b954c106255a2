"""Print how fast discreet starts: --help and a one-page text audit, against a bare Python start.

The commands run in an empty folder, as a job seeker's do: no config file is found or parsed.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import regex

from discreet import precompiled

REPO = Path(__file__).resolve().parents[1]
RUNS = 9
COMMANDS = {
    "python -c pass (reference)": [sys.executable, "-c", "pass"],
    "discreet --help": [sys.executable, "-m", "discreet", "--help"],
    "discreet audit resume.txt (one page)": [
        sys.executable,
        "-m",
        "discreet",
        "audit",
        str(REPO / "fixtures" / "persona" / "resume.txt"),
    ],
}
TARGETS = {"discreet --help": 0.3, "discreet audit resume.txt (one page)": 0.5}


# As an installed user runs it: pip writes bytecode at install, so no module is compiled at start-up
# (some sandboxes set PYTHONDONTWRITEBYTECODE, which would time the compiler instead).
ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def median_seconds(command: list[str]) -> tuple[float, float]:
    """Median wall and CPU seconds of a command over RUNS runs after one warm-up, children included."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(command, cwd=folder, capture_output=True, check=False, env=ENVIRONMENT)
        walls, cpus = [], []
        for _ in range(RUNS):
            before = os.times()
            start = time.perf_counter()
            subprocess.run(command, cwd=folder, capture_output=True, check=False, env=ENVIRONMENT)
            walls.append(time.perf_counter() - start)
            after = os.times()
            cpu = after.children_user + after.children_system
            cpus.append(cpu - before.children_user - before.children_system)
    return statistics.median(walls), statistics.median(cpus)


def main() -> int:
    """Time each command and print it with its ratio to a bare Python start and its target."""
    used = "used" if precompiled.usable() else f"not used (made for another regex than {regex.__version__})"
    print(f"load average {os.getloadavg()[0]:.2f}; shipped compiled patterns {used}")
    reference = 0.0
    for name, command in COMMANDS.items():
        wall, cpu = median_seconds(command)
        reference = reference or wall
        target = f"  target {TARGETS[name]:.1f} s" if name in TARGETS else ""
        times = f"wall {wall * 1000:6.0f} ms  cpu {cpu * 1000:6.0f} ms  {wall / reference:4.1f}× python"
        print(f"{name:40} {times}{target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
