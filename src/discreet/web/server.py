"""Start the page's server: bind the address, prepare the rules, fork the zygote, run uvicorn quietly."""

from __future__ import annotations

import ipaddress
import logging
import secrets
import socket
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import partial

import uvicorn
from starlette.types import ASGIApp

from discreet.audit import Settings
from discreet.errors import UsageError
from discreet.web.app import Config, create_app
from discreet.web.run import prepare
from discreet.workers import can_isolate
from discreet.zygote import Notify, Zygote, started

LOOPBACK = "127.0.0.1"


@dataclass(frozen=True, slots=True)
class Listener:
    """A bound, listening socket, the page's URL, and the Host headers that name it."""

    socket: socket.socket = field(repr=False)
    url: str
    hosts: tuple[str, ...]


def listen(host: str, port: int) -> Listener:
    """Bind host and port (0: any free port) before anything is served, so the URL names the real port."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    bound = socket.socket(family, socket.SOCK_STREAM)
    try:
        bound.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        bound.bind((host, port))
        bound.listen(128)
    except OSError as error:
        bound.close()
        raise UsageError(
            f"cannot serve on {host} port {port} ({error.strerror or error}); choose another --port, "
            "or --port 0 for any free one"
        ) from None
    number = bound.getsockname()[1]
    shown = f"[{host}]" if family == socket.AF_INET6 else host
    hosts = tuple(dict.fromkeys((f"{shown}:{number}", f"{LOOPBACK}:{number}", f"localhost:{number}")))
    return Listener(bound, f"http://{shown}:{number}/", hosts)


def is_loopback(host: str) -> bool:
    """Whether an address is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@contextmanager
def forking(settings: Settings, notify: Notify | None = None) -> Iterator[Zygote | None]:
    """Compile the rules, then fork the zygote that forks every worker; None where workers cannot fork.

    Enter it before anything starts a thread: forking a process that runs threads can leave a worker
    waiting forever on a lock that another thread held at the fork. A zygote that dies is replaced by
    a fresh interpreter that warms the same rules up itself; notify gets one line about it.
    """
    warm_up = partial(prepare, settings.rules)
    if not can_isolate():
        warm_up()
        yield None
        return
    # Every request's settings hold these very rules: sent by reference, they arrive compiled.
    with started((settings.rules, *settings.rules), warm_up, notify) as zygote:
        yield zygote


def create(listener: Listener, settings: Settings, max_upload_bytes: int, zygote: Zygote | None) -> ASGIApp:
    """The app for this start: a fresh token, the given settings, workers forked by zygote."""
    token = secrets.token_urlsafe(32)
    return create_app(Config(settings, token, listener.hosts, max_upload_bytes, zygote=zygote))


def run(app: ASGIApp, listener: Listener) -> None:
    """Serve until Ctrl-C, logging nothing about requests: no access log, no file names, no text."""
    # The form parser's own warnings say nothing a person can act on.
    logging.getLogger("python_multipart").setLevel(logging.ERROR)
    config = uvicorn.Config(app, access_log=False, log_level="warning", lifespan="off", server_header=False)
    # Ctrl-C is how the server is meant to stop: uvicorn shuts down, then raises it again for the caller.
    with suppress(KeyboardInterrupt):
        uvicorn.Server(config).run(sockets=[listener.socket])
