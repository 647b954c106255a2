"""A process forked before any thread exists, which forks a single-threaded supervisor per batch of tasks."""

from __future__ import annotations

import io
import multiprocessing
import os
import pickle
import signal
import socket
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, Pipe
from multiprocessing.process import BaseProcess
from typing import Any, Generic, NoReturn, TypeVar

from discreet.workers import Lost, WorkerLimits, die_with, run_isolated

Task = TypeVar("Task")
Result = TypeVar("Result")

_ASK = b"s"
LOST = "the zygote, or the supervisor of this batch, stopped before it answered"


class SupervisorLostError(RuntimeError):
    """A batch's supervisor, or the zygote, that stopped before it answered: its workers take every blow."""


@dataclass(frozen=True, slots=True)
class Batch(Generic[Task, Result]):
    """run_isolated's arguments, as the supervisor of one batch receives them."""

    tasks: Sequence[Task]
    work: Callable[[Task], Result]
    lost: Callable[[Task, Lost], Result]
    jobs: int
    limits: WorkerLimits


@dataclass(frozen=True, slots=True)
class Zygote:
    """The forking process and the socket that asks it for a supervisor, shared by every thread."""

    process: BaseProcess
    control: socket.socket = field(repr=False)
    # Held here too, so that no other object takes the id of one of them while the zygote lives.
    shared: tuple[object, ...] = field(default=(), repr=False)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    # Each shared object's index, by its id here: it is sent as that index.
    indexes: Mapping[int, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "indexes", {id(thing): index for index, thing in enumerate(self.shared)})

    def run_isolated(
        self,
        tasks: Sequence[Task],
        work: Callable[[Task], Result],
        lost: Callable[[Task, Lost], Result],
        *,
        jobs: int,
        limits: WorkerLimits,
    ) -> list[Result]:
        """workers.run_isolated, run by a supervisor the zygote forks: no worker is forked from this process.

        work, lost and tasks travel pickled: functions by their module and name, as pickle sends them,
        and the objects shared when the zygote started by their index, as the zygote already holds them.
        """
        mine, theirs = Pipe()
        try:
            with self.lock:
                socket.send_fds(self.control, [_ASK], [theirs.fileno()])
            theirs.close()
            mine.send_bytes(_dumps(Batch(tasks, work, lost, jobs, limits), self.indexes))
            results: list[Result] = mine.recv()
        except (EOFError, ConnectionError):
            raise SupervisorLostError(LOST) from None
        finally:
            theirs.close()
            mine.close()
        return results


@contextmanager
def started(shared: Sequence[object] = ()) -> Iterator[Zygote]:
    """Fork the zygote from this process, which must not run other threads yet; kill it on the way out.

    shared are objects every batch may refer to (the rules): sent by reference, never copied, they stay
    the very objects the zygote inherited, with whatever they had compiled and cached.
    """
    ours, its = socket.socketpair()
    context = multiprocessing.get_context("fork")
    kept = tuple(shared)
    # Not a daemon: multiprocessing lets no daemon have children, and the supervisors it forks need them.
    # It never outlives this block, which kills it.
    process = context.Process(target=_zygote, args=(its, ours, os.getpid(), kept))
    process.start()
    its.close()
    try:
        yield Zygote(process, ours, kept)
    finally:
        ours.close()
        # Its supervisors and their workers die with it (PDEATHSIG), mid-batch or not.
        process.kill()
        process.join()


def _zygote(control: socket.socket, server_end: socket.socket, parent: int, shared: Sequence[object]) -> None:
    """The zygote's loop: fork a supervisor for each socket sent, until the server's end closes."""
    # Holding the server's end too, the zygote would never see it close.
    server_end.close()
    die_with(parent)
    # Ctrl-C is the server's to handle; when it exits, the zygote sees its end close.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Supervisors are reaped by the kernel: the zygote never waits for one.
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    zygote = os.getpid()
    while True:
        try:
            asked, fds, _flags, _address = socket.recv_fds(control, len(_ASK), 1)
        except OSError:
            return
        if not asked:
            return
        if fds and os.fork() == 0:
            control.close()
            _supervise(fds[0], zygote, shared)
        for fd in fds:
            os.close(fd)


def _supervise(fd: int, zygote: int, shared: Sequence[object]) -> NoReturn:
    """A supervisor's life: receive one batch on fd, run it in workers forked from here, send the results."""
    # A worker's exit code says why it stopped, so this process waits for its own children.
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    code = 1
    try:
        die_with(zygote)
        conn = Connection(fd)
        batch: Batch[object, object] = _Unpickler(io.BytesIO(conn.recv_bytes()), shared).load()
        results = run_isolated(batch.tasks, batch.work, batch.lost, jobs=batch.jobs, limits=batch.limits)
        conn.send(results)
        code = 0
    finally:
        # Never back into the zygote's loop; whatever went wrong, the server sees the pipe close.
        os._exit(code)


def _dumps(batch: Batch[Any, Any], shared: Mapping[int, int]) -> bytes:
    """The batch pickled, each shared object as its index."""
    buffer = io.BytesIO()
    _Pickler(buffer, shared).dump(batch)
    return buffer.getvalue()


class _Pickler(pickle.Pickler):
    """A pickler that sends each shared object as its index."""

    def __init__(self, file: io.BytesIO, shared: Mapping[int, int]) -> None:
        super().__init__(file, pickle.HIGHEST_PROTOCOL)
        self.shared = shared

    def persistent_id(self, obj: object) -> int | None:
        return self.shared.get(id(obj))


class _Unpickler(pickle.Unpickler):
    """An unpickler that turns each index back into the shared object the zygote inherited."""

    def __init__(self, file: io.BytesIO, shared: Sequence[object]) -> None:
        super().__init__(file)
        self.shared = shared

    def persistent_load(self, pid: object) -> object:
        assert isinstance(pid, int)
        return self.shared[pid]
