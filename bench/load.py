"""Print how a 500-document mixed batch with --jobs 2 ends: every document reported or failed, none lost."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from hostile_inputs import flate_bomb_pdf, long_field_export, lying_docx  # noqa: E402

PERSONA = REPO / "fixtures" / "persona"
GOOD = ["resume.pdf", "resume.docx", "resume.md", "resume.txt", "resume.json", "linkedin-export.zip"]
TOTAL = 500


def make_batch(folder: Path) -> int:
    """Fill folder with TOTAL inputs: persona documents in every format and a few hostile ones."""
    hostile = [
        flate_bomb_pdf(folder / "h-flate-bomb.pdf", 100),
        lying_docx(folder / "h-lying.docx", 300),
        long_field_export(folder / "h-long-field.zip", 10),
    ]
    (folder / "h-empty.txt").write_bytes(b"")
    (folder / "h-truncated.pdf").write_bytes((PERSONA / "resume.pdf").read_bytes()[:900])
    os.mkfifo(folder / "h-pipe.pdf")
    count = len(hostile) + 3
    for index in range(TOTAL - count):
        name = GOOD[index % len(GOOD)]
        shutil.copyfile(PERSONA / name, folder / f"g-{index:03d}-{name}")
    return TOTAL


def main() -> int:
    """Run the batch through the CLI and account for every input."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        total = make_batch(folder)
        command = [sys.executable, "-m", "discreet", "audit", str(folder), "--format", "json", "--jobs", "2"]
        command += ["--max-memory-mb", "300", "--timeout", "30"]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        report = json.loads(done.stdout)
        reported = {Path(d["path"]).name for d in report["documents"]}
        failed = {Path(e["path"]).name for e in report["errors"]}
        names = {p.name for p in folder.iterdir()}
    missing = names - reported - failed
    print(f"inputs: {total}; reported {len(reported)}, failed with one line {len(failed)}, ", end="")
    print(f"lost {len(missing)}")
    print(f"exit code {done.returncode}; stderr lines {len(done.stderr.splitlines())}")
    print(f"wall {seconds:.1f} s, {total / seconds:.1f} documents/s on 2 workers")
    print(f"CPU (parent and workers) {children.ru_utime + children.ru_stime:.1f} s")
    for line in sorted(done.stderr.splitlines()):
        print(f"  {line}")
    return 0 if not missing and len(reported) + len(failed) == total else 1


if __name__ == "__main__":
    sys.exit(main())
