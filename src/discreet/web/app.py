"""The web app of `discreet serve`: the page, its files, and the audit, fix and report requests (API.md)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path, PurePath
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

from discreet.audit import Settings
from discreet.errors import DiscreetError
from discreet.formatters import ReportFormat, renderer
from discreet.formatters.options import RenderOptions
from discreet.model import Destination, DraftFormat, Format
from discreet.safecopy import unfixable
from discreet.termsfile import parse_terms
from discreet.web.form import Form, FormError, UploadTooLargeError, read_form
from discreet.web.payload import audit_payload
from discreet.web.run import Audited, MemoryLimitError, TimeLimitError, audit_uploads, fix_upload
from discreet.web.security import Guard
from discreet.web.uploads import Upload
from discreet.zygote import Zygote, ZygoteLostError

STATIC = Path(__file__).with_name("static")
DEFAULT_MAX_UPLOAD = 10 * 2**20
# The report formats the page offers as downloads, each with its file suffix and media type.
REPORTS = {
    "html": (ReportFormat.HTML, "html", "text/html; charset=utf-8"),
    "json": (ReportFormat.JSON, "json", "application/json"),
    "markdown": (ReportFormat.MARKDOWN, "md", "text/markdown; charset=utf-8"),
}
FIXED_MEDIA = {
    Format.TEXT: "text/plain; charset=utf-8",
    Format.MARKDOWN: "text/markdown; charset=utf-8",
    Format.JSON_RESUME: "application/json",
    Format.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Format.PDF: "application/pdf",
    Format.LINKEDIN_PDF: "application/pdf",
}
# A LinkedIn profile's copy is a draft to paste from: its file suffix and media type.
DRAFT_FILES = {
    DraftFormat.MARKDOWN: ("md", "text/markdown; charset=utf-8"),
    DraftFormat.JSON: ("json", "application/json"),
}


class FixUnavailableError(DiscreetError):
    """A fixed copy asked for a format that discreet cannot write yet."""


# The status of each error the page is told about; any other DiscreetError is bad input (400).
STATUS: dict[type[DiscreetError], int] = {
    UploadTooLargeError: 413,
    FixUnavailableError: 422,
    TimeLimitError: 504,
    # The file may be fine: the server's own --max-memory-mb stopped it, so a 5xx, not a 400; of those,
    # 507 says the server lacked the room to finish, as 504 says it lacked the time.
    MemoryLimitError: 507,
    # The process that starts the workers died, and its replacement too, before answering: the file may
    # well be fine, and the next request starts yet another, so the page says to send it again.
    ZygoteLostError: 503,
}


@dataclass(frozen=True, slots=True)
class Config:
    """What one start of the server serves with: the audit settings, token, hosts and limits."""

    settings: Settings
    token: str
    hosts: tuple[str, ...]
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD
    # Where the private folder of a LinkedIn export goes; None is the system's temporary folder.
    scratch: Path | None = None
    static: Path = STATIC
    # What forks the workers; None forks them from this process, safe only while it runs no other thread.
    zygote: Zygote | None = None


def create_app(config: Config) -> ASGIApp:
    """The app behind the guard: every route of API.md."""
    pages = _Pages(config)
    app = Starlette(
        routes=[
            Route("/", pages.page, methods=["GET"]),
            Route("/api/audit", pages.audit, methods=["POST"]),
            Route("/api/fix", pages.fix, methods=["POST"]),
            Route("/api/report", pages.report, methods=["POST"]),
            Mount("/static", StaticFiles(directory=config.static, check_dir=False)),
        ],
        exception_handlers={DiscreetError: _explained, Exception: _internal},
    )
    return Guard(app, config.token, config.hosts)


def status_of(error: DiscreetError) -> int:
    """The HTTP status that tells the page what kind of failure an error is."""
    return next((code for kind, code in STATUS.items() if isinstance(error, kind)), 400)


async def _explained(_request: Request, error: Exception) -> Response:
    assert isinstance(error, DiscreetError)
    status = status_of(error)
    # A 503 is the server's own passing trouble: a client may send the same request again at once.
    headers = {"Retry-After": "1"} if status == 503 else None
    return JSONResponse({"error": str(error)}, status_code=status, headers=headers)


async def _internal(_request: Request, error: Exception) -> Response:
    return JSONResponse(
        {"error": f"internal error ({type(error).__name__}); please report it with the steps that led to it"},
        status_code=500,
    )


@dataclass(frozen=True, slots=True)
class _Pages:
    """The endpoints, sharing the server's configuration."""

    config: Config

    async def page(self, _request: Request) -> Response:
        index = self.config.static / "index.html"
        if not index.is_file():
            return JSONResponse({"error": f"{index} is missing; reinstall discreet"}, status_code=404)
        limit = f"{self.config.max_upload_bytes / 2**20:g}"
        html = index.read_text("utf-8").replace("{{TOKEN}}", self.config.token)
        return HTMLResponse(html.replace("{{MAX_UPLOAD_MB}}", limit))

    async def audit(self, request: Request) -> Response:
        audited = await run_in_threadpool(self._audited, await self._form(request))
        return JSONResponse(audit_payload(audited.report, audited.resume, audited.profile))

    async def fix(self, request: Request) -> Response:
        form = await self._form(request)
        destination = _destination(form.text("for", Destination.PUBLIC.value))
        audited = await run_in_threadpool(self._audited, form)
        reason = unfixable(audited.resume)
        if reason:
            raise FixUnavailableError(reason)
        resume = _resume(form)
        copy = await run_in_threadpool(
            fix_upload, audited.resume, resume.data, destination, self.config.settings, self.config.zygote
        )
        name = PurePath(resume.name)
        if copy.draft is not None:
            suffix, media = DRAFT_FILES[copy.draft]
            return _download(copy.data, f"{name.stem}.{destination.value}-draft.{suffix}", media)
        fixed = f"{name.stem}.{destination.value}{name.suffix}"
        return _download(copy.data, fixed, FIXED_MEDIA[audited.resume.document.format])

    async def report(self, request: Request) -> Response:
        # The form is read first, even for a bad format: the answer must wait for the whole body.
        form = await self._form(request)
        chosen = REPORTS.get(request.query_params.get("format", "html"))
        if chosen is None:
            raise FormError(f"format must be one of {', '.join(REPORTS)}")
        report_format, suffix, media = chosen
        audited = await run_in_threadpool(self._audited, form)
        options = RenderOptions(mask=request.query_params.get("mask") == "1")
        text = renderer(report_format)(audited.report, options)
        return _download(text, f"discreet-report.{suffix}", media)

    async def _form(self, request: Request) -> Form:
        return await read_form(
            request.headers.get("content-type"), request.stream(), self.config.max_upload_bytes
        )

    def _audited(self, form: Form) -> Audited:
        page = parse_terms(form.text("private_terms").splitlines(), form.text("public_terms").splitlines())
        # The terms discreet serve was started with (its options or config file) apply to every upload.
        settings = replace(self.config.settings, terms=self.config.settings.terms.joined(page))
        return audit_uploads(
            _resume(form), form.file("profile"), settings, self.config.scratch, self.config.zygote
        )


def _resume(form: Form) -> Upload:
    resume = form.file("resume")
    if resume is None:
        raise FormError("choose a resume file: the form's resume field is empty")
    return resume


def _destination(value: str) -> Destination:
    try:
        return Destination(value)
    except ValueError:
        raise FormError(f"for must be public or resume, not {value!r}") from None


def _download(text: str | bytes, filename: str, media_type: str) -> Response:
    """text as a file the browser saves under filename (any name, thanks to RFC 6266's filename*)."""
    fallback = filename.encode("ascii", "replace").decode("ascii").replace('"', "_").replace("?", "_")
    disposition = f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"
    return Response(text, media_type=media_type, headers={"content-disposition": disposition})
