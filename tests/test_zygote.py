"""The zygote: workers forked from a single-threaded process, never from the threaded one that asks."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

import pytest

from discreet.workers import Loss, Lost, WorkerLimits, can_isolate
from discreet.zygote import LOST, SupervisorLostError, Zygote, started

pytestmark = pytest.mark.skipif(not can_isolate(), reason="workers need fork")
LINUX = Path("/proc/self/task").is_dir()
SHARED = ["an object the zygote holds"]
FOREVER = 60


@pytest.fixture
def zygote() -> Iterator[Zygote]:
    with started(shared=(SHARED,)) as forking:
        yield forking


# Work and its results travel pickled, by name: these live at module level.


def double(task: int) -> int:
    return task * 2


def lost(_task: object, loss: Lost) -> Lost:
    return loss


def family(_task: object) -> tuple[int, int, int, int]:
    """This worker's parent (its supervisor), that one's parent and thread count, and this worker's pid."""
    supervisor = os.getppid()
    status = Path(f"/proc/{supervisor}/status").read_text("ascii")
    fields = dict(line.split(":\t", 1) for line in status.splitlines() if ":\t" in line)
    return supervisor, int(fields["PPid"]), int(fields["Threads"]), os.getpid()


def is_shared(held: object, _task: object) -> bool:
    return held is SHARED


def hang(_task: object) -> None:
    time.sleep(FOREVER)


def allocate(_task: object) -> bytes:
    return bytes(256 * 2**20)


class Unloadable:
    """A task that pickles but cannot be unpickled: its supervisor fails before any worker starts."""

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return (_refuse, ())


def _refuse() -> None:
    raise ValueError("not here")


def test_results_come_back_in_task_order(zygote: Zygote) -> None:
    results = zygote.run_isolated([1, 2, 3, 4, 5], double, lost, jobs=2, limits=WorkerLimits())
    assert results == [2, 4, 6, 8, 10]


@pytest.mark.skipif(not LINUX, reason="reads /proc")
def test_workers_are_forked_by_a_single_threaded_supervisor_the_zygote_forked(zygote: Zygote) -> None:
    forks: list[int] = []
    stop = threading.Event()
    # A hook cannot be removed: once the test is done, it records nothing.
    os.register_at_fork(
        after_in_parent=lambda: None if stop.is_set() else forks.append(threading.get_ident())
    )
    busy = [threading.Thread(target=stop.wait) for _ in range(3)]
    for thread in busy:
        thread.start()
    try:
        [(supervisor, grandparent, threads, worker)] = zygote.run_isolated(
            [None], family, lost, jobs=1, limits=WorkerLimits()
        )
    finally:
        stop.set()
        for thread in busy:
            thread.join()
    assert forks == []
    assert (grandparent, threads) == (zygote.process.pid, 1)
    assert os.getpid() not in {supervisor, worker}


def test_the_shared_objects_arrive_as_the_very_objects_the_zygote_holds(zygote: Zygote) -> None:
    # Work reaches its workers by fork, so they hold what their supervisor unpickled.
    for held, shared in ((SHARED, True), (list(SHARED), False)):
        work = partial(is_shared, held)
        assert zygote.run_isolated([None], work, lost, jobs=1, limits=WorkerLimits()) == [shared]


def test_a_worker_past_its_time_limit_is_lost_and_the_batch_goes_on(zygote: Zygote) -> None:
    started_at = time.monotonic()
    results = zygote.run_isolated([1, None, 3], _hang_on_none, lost, jobs=2, limits=WorkerLimits(seconds=0.5))
    assert results == [2, Lost(Loss.TIMEOUT), 6]
    assert time.monotonic() - started_at < FOREVER / 2


def _hang_on_none(task: int | None) -> int:
    if task is None:
        hang(task)
        return 0
    return double(task)


def test_a_worker_past_its_memory_limit_dies_alone(zygote: Zygote) -> None:
    results = zygote.run_isolated([None, 2], _allocate_on_none, lost, jobs=1, limits=WorkerLimits(0, 2**20))
    # The MemoryError leaves the worker's loop: Python exits with code 1.
    assert results == [Lost(Loss.DIED, 1), 4]


def _allocate_on_none(task: int | None) -> int:
    if task is None:
        allocate(task)
    return double(task or 0)


def test_batches_asked_from_several_threads_at_once_each_get_their_own(zygote: Zygote) -> None:
    batches = [list(range(n, n + 4)) for n in range(0, 40, 4)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(
            pool.map(lambda b: zygote.run_isolated(b, double, lost, jobs=2, limits=WorkerLimits()), batches)
        )
    assert answers == [[2 * n for n in batch] for batch in batches]


def test_a_supervisor_that_stops_before_answering_is_an_error(zygote: Zygote) -> None:
    with pytest.raises(SupervisorLostError, match=f"^{re.escape(LOST)}$"):
        zygote.run_isolated([Unloadable()], double, lost, jobs=1, limits=WorkerLimits())
    # The zygote is not hurt: the next batch runs.
    assert zygote.run_isolated([1], double, lost, jobs=1, limits=WorkerLimits()) == [2]


def test_a_batch_asked_of_a_dead_zygote_is_an_error(zygote: Zygote) -> None:
    zygote.process.kill()
    zygote.process.join()
    with pytest.raises(SupervisorLostError, match=f"^{re.escape(LOST)}$"):
        zygote.run_isolated([1], double, lost, jobs=1, limits=WorkerLimits())


def test_the_zygote_leaves_when_its_asker_closes_its_end() -> None:
    with started() as zygote:
        zygote.control.close()
        zygote.process.join(timeout=FOREVER / 2)
        assert zygote.process.exitcode == 0


# Starts a zygote, runs a batch that hangs from a thread, prints the worker's pid, then waits to be killed.
ORPHAN_SCRIPT = """
import os, sys, threading, time
from discreet.workers import WorkerLimits
from discreet.zygote import started

def hang(task):
    print(os.getppid(), os.getpid(), flush=True)
    time.sleep(600)

with started() as zygote:
    threading.Thread(
        target=zygote.run_isolated, args=([None], hang, None), kwargs={"jobs": 1, "limits": WorkerLimits()}
    ).start()
    time.sleep(600)
"""


def running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in {"Z", "X"}
    except OSError:
        return False


@pytest.mark.skipif(not LINUX, reason="needs Linux /proc and PDEATHSIG")
def test_zygote_supervisor_and_worker_die_with_a_killed_server() -> None:
    server = subprocess.Popen([sys.executable, "-c", ORPHAN_SCRIPT], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        supervisor, worker = map(int, server.stdout.readline().split())
        zygote = int(Path(f"/proc/{supervisor}/stat").read_text().rsplit(")", 1)[1].split()[1])
        assert running(zygote) and running(supervisor) and running(worker)
    finally:
        server.kill()
        server.wait()
    deadline = time.monotonic() + FOREVER / 3
    while any(map(running, (zygote, supervisor, worker))) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in (zygote, supervisor, worker) if running(pid)] == []
