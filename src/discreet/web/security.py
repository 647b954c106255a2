"""The guard in front of the page: strict headers on every answer, the Host check and the per-start token."""

from __future__ import annotations

import hmac
import json
import logging
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
}
TOKEN_HEADER = "x-discreet-token"
# How much of a refused body is still read, so that the browser sees the answer (see drain).
MAX_DRAINED_BYTES = 2**30
# Reading never changes anything; every other method must carry the token.
_SAFE_METHODS = frozenset({"GET", "HEAD"})
_LOG = logging.getLogger("discreet.web")


@dataclass(frozen=True, slots=True)
class Guard:
    """ASGI middleware: refuse foreign hosts and origins (403) and untokened writes, add the headers.

    hosts are the Host headers the page answers to, the one its URL names first.
    """

    app: ASGIApp
    token: str
    hosts: tuple[str, ...]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send)
        refusal = self.refusal(scope)
        if refusal:
            await drain(receive)
            await send_error(send, 403, refusal)
            return
        try:
            await self.app(scope, receive, send)
        # NOTE: the one place an unexpected error stops: the app has already answered 500, and the
        # server's log would print the traceback, whose messages may quote the document.
        except Exception as error:
            _LOG.error("internal error while answering a request: %s", type(error).__name__)

    def refusal(self, scope: Scope) -> str:
        """Why a request is refused, '' when it is not."""
        headers = _headers(scope)
        page = f"http://{self.hosts[0]}/"
        if headers.get("host") not in self.hosts:
            return f"this page answers only at {page}; open it there"
        origin = headers.get("origin")
        if origin is not None and origin.removeprefix("http://") not in self.hosts:
            return f"requests from {origin} are refused; use the page at {page}"
        if scope["method"] in _SAFE_METHODS:
            return ""
        given = headers.get(TOKEN_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            return (
                "missing or wrong X-Discreet-Token: reload the page "
                "(the token changes each time discreet serve starts)"
            )
        return ""


async def drain(receive: Receive) -> None:
    """Read what remains of a refused request's body (up to MAX_DRAINED_BYTES) before answering.

    A browser still sending a large upload reads no answer, and after the answer the body is gone.
    """
    drained = 0
    while drained <= MAX_DRAINED_BYTES:
        message = await receive()
        drained += len(message.get("body", b""))
        if message["type"] != "http.request" or not message.get("more_body", False):
            return


def _headers(scope: Scope) -> dict[str, str]:
    return {name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]}


def _with_headers(send: Send) -> Send:
    """send, with the security headers put on the start of every response in place of any others."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            kept = [
                (k, v) for k, v in message.get("headers", []) if k.decode("latin-1").lower() not in HEADERS
            ]
            added = [(k.encode(), v.encode()) for k, v in HEADERS.items()]
            message = {**message, "headers": [*kept, *added]}
        await send(message)

    return sending


async def send_error(send: Send, status: int, message: str) -> None:
    """Answer with the page's error JSON: {"error": message}."""
    body = json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
