"""Print documents per second over the corpus: the Python API one document at a time, `discreet audit`
with 1 and 2 jobs, and examples/dask_archive.py on a local Dask cluster of 2 workers, with ratios.

    python bench/scale.py [FOLDER]      (default ../shared/corpus/resumes; needs the scale extra)

Each document of FOLDER's subfolders is one task. The machine's load is printed first: on a machine
others are using, the figures say little.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "resumes"
sys.path.insert(0, str(REPO / "examples"))  # the example is a script; spawned workers inherit the path

import dask_archive  # noqa: E402  (found only once examples/ is on the path)
from distributed import Client  # noqa: E402


def documents(folder: Path) -> list[str]:
    """The documents of the folder and of its subfolders, as discreet picks them in a folder."""
    subfolders = [p for p in sorted(folder.iterdir()) if p.is_dir()]
    return [
        entry for sub in [folder, *subfolders] for entry in dask_archive.entries(sub) if Path(entry).is_file()
    ]


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def one_at_a_time(paths: list[str]) -> dask_archive.Counts:
    """The Python API in this process, one document after another, rules compiled once."""
    total = dask_archive.Counts()
    for path in paths:
        total += dask_archive.audit_entry(path)
    return total


def cli(paths: list[str], jobs: int) -> None:
    """`discreet audit` over the same documents with this many worker processes, start-up included."""
    with tempfile.TemporaryDirectory() as scratch:
        command = [
            sys.executable,
            "-m",
            "discreet",
            "audit",
            *paths,
            "--jobs",
            str(jobs),
            "--format",
            "aggregate",
        ]
        command += ["--output", str(Path(scratch) / "aggregate.json")]
        subprocess.run(command, capture_output=True, check=False)


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    if not folder.is_dir():
        sys.exit(f"{folder}: no such folder; pass a folder of resumes")
    paths = documents(folder)
    load = os.getloadavg()[0]
    print(f"{len(paths)} documents under {folder}; load average {load:.2f} on {os.cpu_count()} cores")
    dask_archive.worker_rules()  # compiled before timing, as each Dask worker does before its first task
    inline = timed(lambda: one_at_a_time(paths))
    cli_one = timed(lambda: cli(paths, 1))
    cli_two = timed(lambda: cli(paths, 2))
    started = time.perf_counter()
    cluster = dask_archive.local_cluster(2)
    with Client(cluster) as client:
        startup = time.perf_counter() - started
        client.run(dask_archive.worker_rules)  # the workers' one-time cost, paid before timing
        futures = lambda: client.gather(client.map(dask_archive.audit_entry, paths, pure=False))  # noqa: E731
        dask = timed(futures)
    cluster.close()
    rows = [
        ("API, one at a time", inline),
        ("discreet audit --jobs 1", cli_one),
        ("discreet audit --jobs 2", cli_two),
        ("Dask, 2 local workers", dask),
    ]
    for name, seconds in rows:
        print(f"{name:<26} {len(paths) / seconds:7.2f} docs/s  ({seconds:6.1f} s, x{inline / seconds:.2f})")
    print(f"{'Dask cluster start-up':<26} {startup:7.1f} s (not counted above)")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
