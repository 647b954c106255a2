"""Run each task in a worker process that is killed past its time limit and capped in memory."""

from __future__ import annotations

import ctypes
import faulthandler
import gc
import multiprocessing
import os
import pickle
import resource
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from enum import StrEnum
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Generic, TypeVar

Task = TypeVar("Task")
Result = TypeVar("Result")

_UNSENDABLE = 70
_PR_SET_PDEATHSIG = 1


class Loss(StrEnum):
    """Why a worker returned no result for a task."""

    TIMEOUT = "timeout"
    DIED = "died"


@dataclass(frozen=True, slots=True)
class Lost:
    """A task whose worker was killed past its time limit, or died on its own."""

    loss: Loss
    exit_code: int | None = None


@dataclass(frozen=True, slots=True)
class WorkerLimits:
    """The time and address space each task may use; zero means no limit."""

    seconds: float = 0.0
    memory_bytes: int = 0


def can_isolate() -> bool:
    """Whether this platform can fork workers (Linux and macOS can; Windows cannot)."""
    return "fork" in multiprocessing.get_all_start_methods()


def run_isolated(
    tasks: Sequence[Task],
    work: Callable[[Task], Result],
    lost: Callable[[Task, Lost], Result],
    *,
    jobs: int,
    limits: WorkerLimits,
    on_done: Callable[[int, Result], None] | None = None,
    cost: Callable[[Task], float] | None = None,
) -> list[Result]:
    """Run work over tasks in up to jobs forked workers; results come back in task order.

    Costlier tasks (by cost, when given) start first, so no worker is left with a long one
    while the others sit idle at the end.
    """
    order = sorted(range(len(tasks)), key=lambda i: -cost(tasks[i])) if cost else range(len(tasks))
    pool = _Pool(work, lost, limits, on_done)
    try:
        return pool.run(tasks, order, max(1, min(jobs, len(tasks))))
    finally:
        pool.close()


@dataclass(slots=True)
class _Worker:
    """One forked process, its end of the pipe, and the task it is running, if any."""

    process: BaseProcess
    conn: Connection
    index: int | None = None
    deadline: float = float("inf")


class _Pool(Generic[Task, Result]):
    """A supervisor that hands one task at a time to each worker and replaces those it loses."""

    def __init__(
        self,
        work: Callable[[Task], Result],
        lost: Callable[[Task, Lost], Result],
        limits: WorkerLimits,
        on_done: Callable[[int, Result], None] | None,
    ) -> None:
        self.work, self.lost, self.limits, self.on_done = work, lost, limits, on_done
        self.workers: list[_Worker] = []

    def run(self, tasks: Sequence[Task], order: Iterable[int], jobs: int) -> list[Result]:
        results: dict[int, Result] = {}
        pending = deque(order)
        # Objects that exist now are never collected in a worker: without this, the worker's
        # collector writes to every one of them and copies all the pages fork shared.
        gc.freeze()
        for _ in range(jobs):
            self.workers.append(self._start())
        while len(results) < len(tasks):
            for worker in self.workers:
                if worker.index is None and pending:
                    self._assign(worker, pending.popleft(), tasks)
            busy = [w for w in self.workers if w.index is not None]
            deadline = min(w.deadline for w in busy)
            timeout = None if deadline == float("inf") else max(0.0, deadline - time.monotonic())
            ready = set(wait([s for w in busy for s in (w.conn, w.process.sentinel)], timeout))
            for worker in busy:
                finished = self._collect(worker, ready, tasks)
                if finished is not None:
                    results[finished[0]] = finished[1]
                    if self.on_done:
                        self.on_done(*finished)
        return [results[index] for index in range(len(tasks))]

    def _assign(self, worker: _Worker, index: int, tasks: Sequence[Task]) -> None:
        worker.index = index
        if self.limits.seconds > 0:
            worker.deadline = time.monotonic() + self.limits.seconds
        # A worker that died idle cannot take the task: its sentinel is ready and _collect reports it.
        with suppress(OSError):
            worker.conn.send(tasks[index])

    def _collect(
        self, worker: _Worker, ready: Collection[object], tasks: Sequence[Task]
    ) -> tuple[int, Result] | None:
        """The task index and result of a worker that finished, was killed or died; None otherwise."""
        index = worker.index
        assert index is not None
        if worker.conn in ready:
            try:
                result: Result = worker.conn.recv()
            except (EOFError, OSError):
                return index, self._replace(worker, tasks[index], Loss.DIED)
            worker.index, worker.deadline = None, float("inf")
            return index, result
        if worker.process.sentinel in ready:
            return index, self._replace(worker, tasks[index], Loss.DIED)
        if time.monotonic() >= worker.deadline:
            return index, self._replace(worker, tasks[index], Loss.TIMEOUT)
        return None

    def _replace(self, worker: _Worker, task: Task, loss: Loss) -> Result:
        """Kill a worker that timed out or reap one that died, start a fresh one in its place."""
        if loss is Loss.DIED:
            worker.process.join(timeout=5)  # let it finish dying, so its own exit code is reported
        worker.process.kill()
        worker.process.join()
        worker.conn.close()
        fresh = self._start()
        self.workers[self.workers.index(worker)] = fresh
        exit_code = worker.process.exitcode if loss is Loss.DIED else None
        return self.lost(task, Lost(loss, exit_code))

    def _start(self) -> _Worker:
        parent, child = multiprocessing.Pipe()
        context = multiprocessing.get_context("fork")
        inherited = [parent, *(worker.conn for worker in self.workers)]
        args = (child, inherited, self.work, self.limits.memory_bytes, os.getpid())
        process = context.Process(target=_serve, args=args, daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def close(self) -> None:
        """Stop every worker: idle ones are waiting for a task and hold nothing worth keeping."""
        gc.unfreeze()
        for worker in self.workers:
            worker.process.kill()
        for worker in self.workers:
            worker.process.join()
            worker.conn.close()


def _serve(
    conn: Connection,
    inherited: Sequence[Connection],
    work: Callable[[object], object],
    memory_bytes: int,
    parent: int,
) -> None:
    """The worker's loop: receive a task, send back its result, until the parent goes away."""
    # Fork copied the parent's ends of this pipe and of the other workers' pipes; held here,
    # they would keep those pipes open after the parent dies, and no worker would see EOF.
    for other in inherited:
        other.close()
    die_with(parent)
    # Ctrl-C is the parent's to handle: it kills the workers and reports nothing half-done.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A fatal signal is reported by the parent as one line; a stack dump here would be noise.
    faulthandler.disable()
    if memory_bytes > 0:
        _cap_memory(memory_bytes)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        result = work(task)
        try:
            conn.send(result)
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            # The parent went away, or the result is not plain data: the parent reports the
            # task as lost, and no traceback from the child (with document text) is printed.
            os._exit(_UNSENDABLE)


def die_with(parent: int) -> None:
    """Have the kernel kill this worker if the parent dies (Linux), even mid-document."""
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(0)


def _cap_memory(memory_bytes: int) -> None:
    """Let the worker map memory_bytes beyond what it inherited from the parent at fork."""
    ceiling = _mapped_bytes() + memory_bytes
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))


def _mapped_bytes() -> int:
    """The address space this process already maps (0 where /proc is absent)."""
    try:
        return int(Path("/proc/self/statm").read_text("ascii").split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0
