"""Print how long `discreet serve` takes from the upload of a 2-page PDF to its findings JSON, beside the CLI.

python bench/serve.py [--runs N] [--url URL]: without --url a server is started on a free port and
stopped at the end. The time is the median of N requests (POST /api/audit with fixtures/persona/resume.pdf,
until the JSON is parsed), printed beside the median of `discreet audit` on the same file in-process
(which loads the rule packs each time, as every run of the command does) and of the pipeline alone.

python bench/serve.py --healing [--runs N]: the median start-up of `discreet serve` (launch to its URL),
and of a request right after its zygote is killed (which starts a replacement) beside a plain request.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx2

from discreet.audit import audit_document
from discreet.cli import main
from discreet.model import Limits
from discreet.packs import all_rules, builtin_rules_dir, load_packs
from discreet.read import read

REPO = Path(__file__).resolve().parents[1]
RESUME = REPO / "fixtures" / "persona" / "resume.pdf"
TARGET = 1.0


@contextlib.contextmanager
def started_server() -> Iterator[tuple[str, int]]:
    """A `discreet serve --port 0` of its own, its URL and process id; stopped with Ctrl-C on leaving."""
    process = subprocess.Popen(
        [sys.executable, "-m", "discreet", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        found = re.search(r"http://\S+/", process.stdout.readline())
        if found is None:
            raise SystemExit("discreet serve printed no URL")
        yield found[0], process.pid
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


def launch_seconds() -> float:
    """The seconds from launching a server to reading its URL (stopping it is not counted)."""
    start = time.perf_counter()
    with started_server() as (url, _pid):
        seconds = time.perf_counter() - start
        # A Ctrl-C sent before uvicorn has taken over the signals can leave it hanging: wait for the page.
        token_of(url)
    return seconds


def zygote_of(server: int) -> int:
    """The server's one living child process: its zygote (Linux /proc)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == server and fields[0] != "Z":
                return int(stat.parent.name)
    raise SystemExit(f"process {server} has no child")


def healing(runs: int) -> None:
    started = statistics.median(launch_seconds() for _ in range(runs))
    with started_server() as (url, pid):
        request = upload(url, token_of(url))
        plain = median_seconds(request, runs)

        def replaced() -> None:
            os.kill(zygote_of(pid), signal.SIGKILL)
            request()

        healed = median_seconds(replaced, runs)
    print(f"median of {runs} runs, load average {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print(f"  discreet serve, launch to URL:              {started * 1000:6.0f} ms")
    print(f"  request (2-page PDF):                       {plain * 1000:6.0f} ms")
    print(f"  request just after its zygote was killed:   {healed * 1000:6.0f} ms")
    print(f"  ratio killed / plain request: {healed / plain:.2f}")


def token_of(url: str) -> str:
    """The per-start token the page carries."""
    found = re.search(r'name="discreet-token" content="([^"]+)"', httpx2.get(url, timeout=30).text)
    if found is None:
        raise SystemExit(f"{url} serves no page with a token")
    return found[1]


def upload(url: str, token: str) -> Callable[[], None]:
    """One request: the PDF posted, the findings JSON received and parsed."""
    data = RESUME.read_bytes()

    def request() -> None:
        response = httpx2.post(
            f"{url}api/audit",
            headers={"X-Discreet-Token": token},
            files={"resume": (RESUME.name, data)},
            timeout=120,
        )
        response.raise_for_status()
        response.json()

    return request


def cli_audit() -> None:
    """`discreet audit resume.pdf --format json` in this process, its report discarded."""
    with contextlib.redirect_stdout(io.StringIO()):
        main(["audit", str(RESUME), "--format", "json"])


def median_seconds(work: Callable[[], None], runs: int) -> float:
    """The median wall-clock seconds of runs calls, after one that warms caches up."""
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pipeline() -> Callable[[], None]:
    """Read and audit the PDF in this process with rules loaded and compiled once: the floor of both."""
    rules = tuple(all_rules(load_packs([builtin_rules_dir()])))

    def audited() -> None:
        audit_document(read(RESUME, Limits()), rules)

    return audited


def report(url: str, runs: int) -> None:
    served = median_seconds(upload(url, token_of(url)), runs)
    command = median_seconds(cli_audit, runs)
    floor = median_seconds(pipeline(), runs)
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"{RESUME.name} (2 pages), median of {runs} runs, load average {load}")
    verdict = f"{'within' if served <= TARGET else 'past'} the {TARGET:g} s target"
    print(f"  discreet serve, upload to findings JSON:   {served * 1000:6.0f} ms ({verdict})")
    print(f"  discreet audit --format json, in-process: {command * 1000:6.0f} ms")
    print(f"  read + audit_document, rules compiled:    {floor * 1000:6.0f} ms")
    print(f"  ratio serve / audit: {served / command:.2f}; serve / pipeline: {served / floor:.2f}")


def run() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="requests to take the median of")
    parser.add_argument("--url", help="a running server's URL (default: start one)")
    parser.add_argument("--healing", action="store_true", help="time start-up and a zygote's replacement")
    options = parser.parse_args()
    if options.healing:
        healing(options.runs)
    elif options.url:
        report(options.url, options.runs)
    else:
        with started_server() as (url, _pid):
            report(url, options.runs)


if __name__ == "__main__":
    run()
