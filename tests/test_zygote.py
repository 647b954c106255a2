"""The zygote: workers forked from a single-threaded process, never from the threaded one that asks."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import pytest

from discreet.workers import Loss, Lost, WorkerLimits, can_isolate
from discreet.zygote import AGAIN, LOST, SupervisorLostError, Zygote, ZygoteLostError, started

pytestmark = pytest.mark.skipif(not can_isolate(), reason="workers need fork")
LINUX = Path("/proc/self/task").is_dir()
SHARED = ["an object the zygote holds"]
FOREVER = 60


@pytest.fixture
def notices() -> list[str]:
    """The lines the zygote's owner is told: one per replacement."""
    return []


@pytest.fixture
def zygote(notices: list[str]) -> Iterator[Zygote]:
    with started(shared=(SHARED,), notify=notices.append) as forking:
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
@contextmanager
def forks_among_threads() -> Iterator[list[int]]:
    """The forks this process makes while three other threads run, each by the thread that forked."""
    forks: list[int] = []
    stop = threading.Event()
    # A hook cannot be removed: once the block is done, it records nothing.
    os.register_at_fork(
        after_in_parent=lambda: None if stop.is_set() else forks.append(threading.get_ident())
    )
    busy = [threading.Thread(target=stop.wait) for _ in range(3)]
    for thread in busy:
        thread.start()
    try:
        yield forks
    finally:
        stop.set()
        for thread in busy:
            thread.join()


def test_workers_are_forked_by_a_single_threaded_supervisor_the_zygote_forked(zygote: Zygote) -> None:
    with forks_among_threads() as forks:
        [(supervisor, grandparent, threads, worker)] = zygote.run_isolated(
            [None], family, lost, jobs=1, limits=WorkerLimits()
        )
    assert forks == []
    assert (grandparent, threads) == (zygote.pid, 1)
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


def replaced(old: int, new: int, how: str = "was killed by SIGKILL") -> str:
    return f"the zygote that forks the workers (process {old}) {how}; process {new} takes its place"


def kill(zygote: Zygote) -> int:
    """SIGKILL the zygote in service, as the OOM killer would; its pid."""
    pid = zygote.pid
    os.kill(pid, signal.SIGKILL)
    return pid


def test_a_batch_asked_of_a_killed_zygote_runs_on_its_replacement(zygote: Zygote, notices: list[str]) -> None:
    assert zygote.run_isolated([1], double, lost, jobs=1, limits=WorkerLimits()) == [2]
    first = kill(zygote)
    assert zygote.run_isolated([1, 2], double, lost, jobs=2, limits=WorkerLimits()) == [2, 4]
    second = zygote.pid
    assert second != first
    assert notices == [replaced(first, second)]
    # Until it dies too, the replacement serves every batch.
    assert zygote.run_isolated([3], double, lost, jobs=1, limits=WorkerLimits()) == [6]
    assert notices == [replaced(first, second)]


def test_a_zygote_killed_twice_is_replaced_twice(zygote: Zygote, notices: list[str]) -> None:
    first = kill(zygote)
    assert zygote.run_isolated([1], double, lost, jobs=1, limits=WorkerLimits()) == [2]
    second = kill(zygote)
    assert zygote.run_isolated([2], double, lost, jobs=1, limits=WorkerLimits()) == [4]
    assert notices == [replaced(first, second), replaced(second, zygote.pid)]
    assert len({first, second, zygote.pid}) == 3


def warm(cache: dict[str, int]) -> None:
    """A warm-up that notes which process warmed the cache up."""
    cache["warmed by"] = os.getpid()


def warmed_by(cache: dict[str, int], _task: object) -> int:
    return cache["warmed by"]


def test_a_replacement_warms_up_the_very_objects_its_batches_refer_to() -> None:
    cache: dict[str, int] = {}
    with started(shared=(cache,), prepare=partial(warm, cache)) as zygote:
        work = partial(warmed_by, cache)
        # The first zygote inherits what this process warmed up; a replacement warms up its own copy.
        assert zygote.run_isolated([None], work, lost, jobs=1, limits=WorkerLimits()) == [os.getpid()]
        kill(zygote)
        assert zygote.run_isolated([None], work, lost, jobs=1, limits=WorkerLimits()) == [zygote.pid]
    assert cache == {"warmed by": os.getpid()}


@pytest.mark.skipif(not LINUX, reason="reads /proc")
def test_the_replacement_is_a_fresh_interpreter_never_a_fork_of_this_threaded_process(zygote: Zygote) -> None:
    with forks_among_threads() as forks:
        kill(zygote)
        [(supervisor, grandparent, threads, worker)] = zygote.run_isolated(
            [None], family, lost, jobs=1, limits=WorkerLimits()
        )
    assert forks == []
    assert (grandparent, threads) == (zygote.pid, 1)
    assert os.getpid() not in {supervisor, worker}
    # This process started it, by exec: its command line is a new interpreter's, running discreet.zygote.
    assert parent_of(zygote.pid) == os.getpid()
    command = Path(f"/proc/{zygote.pid}/cmdline").read_bytes().split(b"\0")
    assert command[0] == os.fsencode(sys.executable)
    assert command[1] == b"-c" and b"from discreet.zygote import reborn" in command[2]


def test_batches_that_find_the_zygote_dead_at_once_share_one_replacement(
    zygote: Zygote, notices: list[str]
) -> None:
    first = kill(zygote)
    batches = [[n, n + 1] for n in range(0, 16, 2)]
    with ThreadPoolExecutor(max_workers=len(batches)) as pool:
        answers = list(
            pool.map(lambda b: zygote.run_isolated(b, lineage, lost, jobs=2, limits=WorkerLimits()), batches)
        )
    assert answers == [[(n, zygote.pid) for n in batch] for batch in batches]
    assert notices == [replaced(first, zygote.pid)]


def lineage(task: int) -> tuple[int, int]:
    """The task, and the zygote that forked this worker's supervisor."""
    return task, parent_of(os.getppid())


@pytest.mark.skipif(not LINUX, reason="reads /proc")
def test_a_batch_whose_zygote_is_killed_mid_way_is_run_again_on_the_replacement(
    zygote: Zygote, notices: list[str], tmp_path: Path
) -> None:
    first = zygote.pid
    started_file = tmp_path / "started"
    work = partial(hang_under, first, started_file)
    done: list[list[str]] = []
    asker = threading.Thread(
        target=lambda: done.append(zygote.run_isolated([None], work, lost, jobs=1, limits=WorkerLimits()))
    )
    asker.start()
    deadline = time.monotonic() + FOREVER / 2
    while not started_file.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert started_file.exists(), "the first worker never started"
    os.kill(first, signal.SIGKILL)
    asker.join(timeout=FOREVER / 2)
    assert done == [["finished"]]
    assert notices == [replaced(first, zygote.pid)]


def hang_under(first: int, started_file: Path, _task: object) -> str:
    """Hang in a worker of the first zygote (once it says so in started_file); finish in a replacement's."""
    if parent_of(os.getppid()) == first:
        started_file.touch()
        hang(_task)
    return "finished"


def exit_in_a_replacement(server: int) -> None:
    """A warm-up that works in the server and kills any replacement, as a broken installation would."""
    if os.getpid() != server:
        os._exit(3)


def test_a_replacement_that_dies_too_is_an_error_that_says_to_send_again() -> None:
    notices: list[str] = []
    with started(notify=notices.append, prepare=partial(exit_in_a_replacement, os.getpid())) as zygote:
        first = kill(zygote)
        with pytest.raises(ZygoteLostError, match=f"^{re.escape(AGAIN)}$"):
            zygote.run_isolated([1], double, lost, jobs=1, limits=WorkerLimits())
        second = zygote.pid
        # The next batch starts yet another, once: no request loops on a replacement that cannot live.
        with pytest.raises(ZygoteLostError, match=f"^{re.escape(AGAIN)}$"):
            zygote.run_isolated([1], double, lost, jobs=1, limits=WorkerLimits())
        assert notices == [replaced(first, second), replaced(second, zygote.pid, "exited (3)")]


def test_a_closed_zygote_is_not_replaced(notices: list[str]) -> None:
    with started(notify=notices.append) as zygote:
        pass
    with pytest.raises(SupervisorLostError, match=f"^{re.escape(LOST)}$"):
        zygote.run_isolated([1], double, lost, jobs=1, limits=WorkerLimits())
    assert notices == []


@pytest.mark.parametrize("replaced_first", [False, True])
def test_the_zygote_leaves_when_its_asker_closes_its_end(replaced_first: bool) -> None:
    with started() as zygote:
        if replaced_first:
            kill(zygote)
            assert zygote.run_isolated([1], double, lost, jobs=1, limits=WorkerLimits()) == [2]
        # A replacement has no PDEATHSIG (see reborn): this end closing is how it learns the server is gone.
        forker = zygote._forker
        forker.control.close()
        if isinstance(forker.process, subprocess.Popen):
            assert forker.process.wait(timeout=FOREVER / 2) == 0
        else:
            forker.process.join(timeout=FOREVER / 2)
            assert forker.process.exitcode == 0


# Starts a zygote (and, if told, replaces it from a thread that then ends), runs a batch that hangs from
# a thread; prints the zygote's pid, then the worker's parent and pid, then waits to be killed.
ORPHAN_SCRIPT = """
import os, signal, sys, threading, time
sys.path.insert(0, sys.argv[1])
from discreet.workers import WorkerLimits
from discreet.zygote import started
from test_zygote import double, lost, print_and_hang

options = {"jobs": 1, "limits": WorkerLimits()}
with started() as zygote:
    if sys.argv[2] == "replaced":
        os.kill(zygote.pid, signal.SIGKILL)
        replacing = threading.Thread(target=zygote.run_isolated, args=([1], double, lost), kwargs=options)
        replacing.start()
        replacing.join()
    print(zygote.pid, flush=True)
    threading.Thread(target=zygote.run_isolated, args=([None], print_and_hang, lost), kwargs=options).start()
    time.sleep(600)
"""


def print_and_hang(_task: object) -> None:
    print(os.getppid(), os.getpid(), flush=True)
    hang(_task)


def parent_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in {"Z", "X"}
    except OSError:
        return False


@pytest.mark.skipif(not LINUX, reason="needs Linux /proc and PDEATHSIG")
@pytest.mark.parametrize("zygote_kind", ["forked", "replaced"])
def test_zygote_supervisor_and_worker_die_with_a_killed_server(zygote_kind: str) -> None:
    tests = str(Path(__file__).parent)
    server = subprocess.Popen(
        [sys.executable, "-c", ORPHAN_SCRIPT, tests, zygote_kind], stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        zygote = int(server.stdout.readline())
        supervisor, worker = map(int, server.stdout.readline().split())
        assert (parent_of(supervisor), parent_of(zygote)) == (zygote, server.pid)
        exec_d = b"from discreet.zygote import reborn" in Path(f"/proc/{zygote}/cmdline").read_bytes()
        assert exec_d == (zygote_kind == "replaced")
        # The replacement outlived the thread that started it: no PDEATHSIG tied it to that thread.
        assert running(zygote) and running(supervisor) and running(worker)
    finally:
        server.kill()
        server.wait()
    deadline = time.monotonic() + FOREVER / 3
    while any(map(running, (zygote, supervisor, worker))) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in (zygote, supervisor, worker) if running(pid)] == []
