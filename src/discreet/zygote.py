"""A process forked before any thread exists, which forks a single-threaded supervisor per batch of tasks."""

from __future__ import annotations

import io
import multiprocessing
import os
import pickle
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, Pipe
from multiprocessing.process import BaseProcess
from typing import Any, Generic, NoReturn, TypeVar, cast

from discreet.errors import DiscreetError
from discreet.workers import Lost, WorkerLimits, die_with, run_isolated

Task = TypeVar("Task")
Result = TypeVar("Result")

_ASK = b"s"
LOST = "the zygote, or the supervisor of this batch, stopped before it answered"
AGAIN = (
    "the process that starts discreet serve's workers stopped, and so did the one started in its place; "
    "send the request again (if this keeps happening, restart discreet serve)"
)
# What a replacement zygote runs: sys.path first, so that everything after imports as in the server.
_REBORN = (
    "import pickle, sys; sys.path[:] = pickle.load(sys.stdin.buffer); "
    "from discreet.zygote import reborn; reborn(int(sys.argv[1]))"
)
Notify = Callable[[str], None]


class SupervisorLostError(RuntimeError):
    """A batch's supervisor, or the zygote, that stopped before it answered: its workers take every blow."""


class ZygoteLostError(DiscreetError):
    """A zygote that died, and whose replacement died too (or could not start), before the batch ran."""


@dataclass(frozen=True, slots=True)
class Batch(Generic[Task, Result]):
    """run_isolated's arguments, as the supervisor of one batch receives them."""

    tasks: Sequence[Task]
    work: Callable[[Task], Result]
    lost: Callable[[Task, Lost], Result]
    jobs: int
    limits: WorkerLimits


class Zygote:
    """The forking process and the socket that asks it for a supervisor, shared by every thread.

    Not frozen: when its process dies, the next batch starts another in its place.
    """

    def __init__(self, forker: _Forker, seed: bytes, shared: Sequence[object], notify: Notify) -> None:
        self._forker = forker
        # What a replacement is started with: this process's sys.path, the shared objects and the warm-up.
        self._seed = seed
        # Held here too, so that no other object takes the id of one of them while the zygote lives.
        self._shared = tuple(shared)
        # Each shared object's index, by its id here: it is sent as that index.
        self._indexes = {id(thing): index for index, thing in enumerate(self._shared)}
        self._notify = notify
        # Guards the forker: asking it, replacing it, stopping it.
        self._lock = threading.Lock()
        self._closed = False

    @property
    def pid(self) -> int:
        """The process id of the zygote in service now."""
        pid = self._forker.process.pid
        assert pid is not None
        return pid

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
        A batch that finds the zygote dead is run once more, on the zygote started in its place.
        """
        batch = _dumps(Batch(tasks, work, lost, jobs, limits), self._indexes)
        dead: _Forker | None = None
        for _attempt in range(2):
            forker, results = self._run(batch, dead)
            if forker is None:
                return cast(list[Result], results)
            if not forker.gone():
                raise SupervisorLostError(LOST)
            dead = forker
        raise ZygoteLostError(AGAIN)

    def close(self) -> None:
        """Kill the zygote in service; its supervisors and their workers die with it, mid-batch or not."""
        with self._lock:
            self._closed = True
            self._forker.stop()

    def _run(self, batch: bytes, dead: _Forker | None) -> tuple[_Forker | None, object]:
        """The batch's results from a supervisor; or, with no results, the forker that did not answer."""
        mine, theirs = Pipe()
        try:
            with self._lock:
                forker = self._living(dead)
                socket.send_fds(forker.control, [_ASK], [theirs.fileno()])
            theirs.close()
            mine.send_bytes(batch)
            return None, mine.recv()
        except (EOFError, ConnectionError):
            return forker, None
        finally:
            theirs.close()
            mine.close()

    def _living(self, dead: _Forker | None) -> _Forker:
        """The forker in service, replacing it first if it is the one found dead (called under the lock)."""
        if self._closed:
            raise SupervisorLostError(LOST)
        if dead is None or self._forker is not dead:
            # Another thread may have replaced it already: one replacement for all who found it dead.
            return self._forker
        code = dead.stop()
        try:
            fresh = _exec(self._seed)
        except OSError as error:
            self._notify(f"{_ended(dead, code)}; another could not be started ({error.strerror or error})")
            raise ZygoteLostError(AGAIN) from None
        self._forker = fresh
        self._notify(f"{_ended(dead, code)}; process {fresh.process.pid} takes its place")
        return fresh


@dataclass(frozen=True, slots=True)
class _Forker:
    """One zygote process and this process's end of the socket that asks it for supervisors."""

    process: BaseProcess | subprocess.Popen[bytes]
    control: socket.socket = field(repr=False)

    def gone(self) -> bool:
        """Whether the zygote's end of the socket has closed: it died, or is dying."""
        try:
            return self.control.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
        except BlockingIOError:
            return False
        except OSError:
            return True

    def stop(self) -> int | None:
        """Kill the zygote if it still runs, wait for it, close the socket; its exit code."""
        self.process.kill()
        self.control.close()
        if isinstance(self.process, subprocess.Popen):
            return self.process.wait()
        self.process.join()
        return self.process.exitcode


@contextmanager
def started(
    shared: Sequence[object] = (),
    prepare: Callable[[], None] | None = None,
    notify: Notify | None = None,
) -> Iterator[Zygote]:
    """Fork the zygote from this process, which must not run other threads yet; kill it on the way out.

    shared are objects every batch may refer to (the rules): sent by reference, never copied, they stay
    the very objects the zygote inherited, with whatever they had compiled and cached. prepare warms them
    up (in this process before the fork, and in any replacement); both must pickle, as a replacement
    receives them so. notify is told, in one line without document text, when a dead zygote is replaced.
    """
    kept = tuple(shared)
    # Pickled now, while no request runs: a replacement gets the very rules this start was given.
    seed = pickle.dumps((kept, prepare), pickle.HIGHEST_PROTOCOL)
    if prepare is not None:
        prepare()
    ours, its = socket.socketpair()
    context = multiprocessing.get_context("fork")
    # Not a daemon: multiprocessing lets no daemon have children, and the supervisors it forks need them.
    # It never outlives this block, which kills it.
    process = context.Process(target=_zygote, args=(its, ours, os.getpid(), kept))
    process.start()
    its.close()
    zygote = Zygote(_Forker(process, ours), _seeded(seed), kept, notify or _quiet)
    try:
        yield zygote
    finally:
        zygote.close()


def reborn(control_fd: int) -> None:
    """A replacement zygote's life, in a fresh interpreter: load the seed from stdin, warm up, then fork."""
    # Ctrl-C is the server's to handle; when it exits, the zygote sees its end close.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    shared, prepare = pickle.load(sys.stdin.buffer)
    if prepare is not None:
        prepare()
    # No PDEATHSIG here: the kernel sends it when the *thread* that started this process ends, and that
    # is one of the server's pool threads, which come and go. The control socket closing is the sign.
    _serve(socket.socket(fileno=control_fd), shared)


def _exec(seed: bytes) -> _Forker:
    """A replacement zygote: a fresh interpreter, by fork and exec, which is safe in a threaded process."""
    ours, its = socket.socketpair()
    try:
        process = subprocess.Popen(
            [sys.executable, "-c", _REBORN, str(its.fileno())],
            stdin=subprocess.PIPE,
            pass_fds=[its.fileno()],
            # Out of the terminal's process group: a Ctrl-C meant for the server must not reach it mid-start.
            process_group=0,
        )
    except OSError:
        ours.close()
        raise
    finally:
        its.close()
    assert process.stdin is not None
    # One that dies before it has read its seed is found dead by the batch sent to it next, like any other.
    with suppress(BrokenPipeError), process.stdin:
        process.stdin.write(seed)
    return _Forker(process, ours)


def _seeded(seed: bytes) -> bytes:
    """The bytes a replacement reads on its stdin: this process's sys.path, then the seed."""
    return pickle.dumps(list(sys.path), pickle.HIGHEST_PROTOCOL) + seed


def _ended(dead: _Forker, code: int | None) -> str:
    """How a dead zygote ended, in words for the server's log."""
    which = f"the zygote that forks the workers (process {dead.process.pid})"
    if code is not None and code < 0:
        return f"{which} was killed by {signal.Signals(-code).name}"
    return f"{which} exited ({code})"


def _quiet(_line: str) -> None:
    """A notice nobody reads."""


def _zygote(control: socket.socket, server_end: socket.socket, parent: int, shared: Sequence[object]) -> None:
    """The first zygote's life, forked from the server: close the server's end, then serve as _serve says."""
    # Holding the server's end too, the zygote would never see it close.
    server_end.close()
    die_with(parent)
    # Ctrl-C is the server's to handle; when it exits, the zygote sees its end close.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _serve(control, shared)


def _serve(control: socket.socket, shared: Sequence[object]) -> None:
    """The zygote's loop: fork a supervisor for each socket sent, until the server's end closes."""
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
