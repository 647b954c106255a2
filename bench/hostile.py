"""Print, for each hostile input of issue 10 beside a good resume: exit code, lines, time, peak memory."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from hostile_inputs import flate_bomb_pdf, long_field_export, lying_docx  # noqa: E402

CRASHES = REPO.parent / "shared" / "reliability" / "crashes"
# The CLI, then the parent's own peak and the largest worker's peak (KB) on two stderr lines.
MEASURED = (
    "import resource, sys\n"
    "from discreet.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def cases(folder: Path) -> dict[str, Callable[[], Path]]:
    """Each hostile case, made on demand in folder (the crash reproducers are read where they are)."""
    made: dict[str, Callable[[], Path]] = {
        "pdf: 400 MB Flate content stream": lambda: flate_bomb_pdf(folder / "flate.pdf", 400),
        "docx: directory declares 1 KB, inflates 2 GB": lambda: lying_docx(folder / "lying.docx", 2000),
        "linkedin: one 10 MB CSV field": lambda: long_field_export(folder / "long-field.zip", 10),
        "json: nested 100,000 deep": lambda: _write(folder / "deep.json", "[" * 100_000 + "]" * 100_000),
        "txt: JSON with a 5,000-digit int": lambda: _write(
            folder / "big-int.txt", '{"a": ' + "9" * 5000 + "}"
        ),
    }
    for path in sorted(CRASHES.glob("*.docx")) + sorted(CRASHES.glob("*.pdf")):
        made[f"crash reproducer {path.name}"] = lambda path=path: path  # type: ignore[misc]
    return made


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def main() -> int:
    """Run every case beside a good resume and print one row each."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        good = _write(folder / "good.txt", "Dana Whitfield\nPhone: (312) 555-0100\n")
        print("| case | exit | stderr lines | good one reported | wall s | parent peak MB | worker peak MB |")
        print("|---|---|---|---|---|---|---|")
        for name, make in cases(folder).items():
            path = make()
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", MEASURED, "audit", str(path), str(good), "--format", "json"],
                capture_output=True,
                text=True,
                check=False,
            )
            seconds = time.perf_counter() - start
            *lines, parent, worker = done.stderr.splitlines()
            good_reported = any(d["path"] == str(good) for d in json.loads(done.stdout)["documents"])
            print(
                f"| {name} | {done.returncode} | {len(lines)} | {'yes' if good_reported else 'NO'} | "
                f"{seconds:.1f} | {int(parent) / 1024:.0f} | {int(worker) / 1024:.0f} |"
            )
            for line in lines:
                print(f"|   {line.replace(str(folder), '…')[:150]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
