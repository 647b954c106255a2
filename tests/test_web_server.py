"""The server of `discreet serve`: guard, limits, private uploads, findings JSON, downloads, the process."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

import anyio
import pytest

pytest.importorskip("starlette", reason="the web extra is not installed: pip install -e '.[test]'")

from starlette.testclient import TestClient

from conftest import FIXTURES, REPO, run
from discreet.audit import Settings, audit_input
from discreet.commands.options import chosen_rules
from discreet.detect import Terms
from discreet.errors import UsageError
from discreet.report import Failure
from discreet.termsfile import read_terms
from discreet.web import run as web_run
from discreet.web import server
from discreet.web.app import Config, create_app
from discreet.web.form import UploadTooLargeError, read_form
from discreet.web.security import CONTENT_SECURITY_POLICY, Guard
from discreet.web.uploads import private_folder
from discreet.zygote import AGAIN, Zygote, started
from hostile_inputs import flate_bomb_pdf
from test_formatters import check_golden
from test_zygote import exit_in_a_replacement, replaced, running

PERSONA = FIXTURES / "persona"
TOKEN = "per-start-token"
HOST = "127.0.0.1:8765"
HOSTS = (HOST, "localhost:8765")
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
}
PAGE = '<meta name="discreet-token" content="{{TOKEN}}"><meta name="limit" content="{{MAX_UPLOAD_MB}}">'


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings(tuple(chosen_rules([], [])), time_limit=60.0)


@pytest.fixture
def static(tmp_path: Path) -> Path:
    """A page of our own, so that these tests do not depend on the real page's markup."""
    folder = tmp_path / "static"
    folder.mkdir()
    (folder / "index.html").write_text(PAGE, encoding="utf-8")
    (folder / "app.css").write_text("body { margin: 0 }\n", encoding="utf-8")
    return folder


MakeClient = Callable[..., TestClient]


@pytest.fixture
def notices() -> list[str]:
    """The lines the server logs about its zygote: one per replacement."""
    return []


@pytest.fixture
def zygote(settings: Settings, notices: list[str]) -> Iterator[Zygote | None]:
    """The workers' zygote, as discreet serve starts it; functions patched later reach it by name."""
    with server.forking(settings, notices.append) as forking:
        yield forking


@pytest.fixture
def make_client(settings: Settings, static: Path, zygote: Zygote | None) -> MakeClient:
    def make(**changes: Any) -> TestClient:
        config = replace(Config(settings, TOKEN, HOSTS, static=static, zygote=zygote), **changes)
        return TestClient(create_app(config), base_url=f"http://{HOST}")

    return make


@pytest.fixture
def client(make_client: MakeClient) -> TestClient:
    return make_client()


def persona(name: str) -> tuple[str, bytes]:
    return name, (PERSONA / name).read_bytes()


def post(client: TestClient, path: str, token: str = TOKEN, **form: Any) -> Any:
    files = {key: value for key, value in form.items() if isinstance(value, tuple)}
    data = {key: value for key, value in form.items() if not isinstance(value, tuple)}
    return client.post(path, headers={"X-Discreet-Token": token}, files=files, data=data)


def terms(name: str) -> str:
    return (PERSONA / name).read_text(encoding="utf-8")


# ---------- the guard: headers, Host, Origin, token ----------


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("GET", "/", 200), ("GET", "/static/app.css", 200), ("GET", "/static/none.js", 404), ("POST", "/", 405)],
)
def test_every_response_carries_the_security_headers(
    client: TestClient, method: str, path: str, status: int
) -> None:
    response = client.request(method, path, headers={"X-Discreet-Token": TOKEN})
    assert response.status_code == status
    assert {name: response.headers.get(name) for name in SECURITY_HEADERS} == SECURITY_HEADERS


def test_the_page_carries_the_token_and_the_upload_limit(make_client: MakeClient) -> None:
    response = make_client(max_upload_bytes=3 * 2**20).get("/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert (
        response.text
        == '<meta name="discreet-token" content="per-start-token"><meta name="limit" content="3">'
    )


@pytest.mark.parametrize("host", ["evil.example:8765", "127.0.0.1:8766", "localhost", "127.0.0.1"])
def test_a_foreign_host_header_is_refused(client: TestClient, host: str) -> None:
    response = client.get("/", headers={"Host": host})
    assert response.status_code == 403
    assert response.json() == {"error": "this page answers only at http://127.0.0.1:8765/; open it there"}
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_localhost_is_the_same_page(client: TestClient) -> None:
    assert client.get("/", headers={"Host": "localhost:8765"}).status_code == 200


def test_a_request_from_another_origin_is_refused(client: TestClient) -> None:
    response = client.get("/", headers={"Origin": "http://evil.example"})
    assert response.status_code == 403
    assert response.json() == {
        "error": "requests from http://evil.example are refused; use the page at http://127.0.0.1:8765/"
    }
    assert client.get("/", headers={"Origin": "http://localhost:8765"}).status_code == 200


@pytest.mark.parametrize("token", ["", "wrong", TOKEN + "x"])
def test_a_post_without_the_token_is_refused_before_reading_it(client: TestClient, token: str) -> None:
    response = post(client, "/api/audit", token=token, resume=persona("resume.md"))
    assert response.status_code == 403
    assert response.json() == {
        "error": "missing or wrong X-Discreet-Token: reload the page (the token changes each time discreet "
        "serve starts)"
    }


def test_a_refused_request_is_read_to_its_end_before_the_answer() -> None:
    # A browser still sending a large upload reads no answer; after the answer the body can't be read.
    events: list[str] = []
    messages = [{"type": "http.request", "body": b"x" * 10, "more_body": True}] * 3
    messages.append({"type": "http.request", "body": b"", "more_body": False})

    async def receive() -> dict[str, Any]:
        events.append("read")
        return messages.pop(0)

    async def send(message: dict[str, Any]) -> None:
        events.append(message["type"])

    async def never(*_args: object) -> None:
        raise AssertionError("a refused request reaches no endpoint")

    scope = {"type": "http", "method": "POST", "headers": [(b"host", HOST.encode())]}
    anyio.run(Guard(never, TOKEN, HOSTS), scope, receive, send)
    assert events == ["read"] * 4 + ["http.response.start", "http.response.body"]


# ---------- limits: upload size, time ----------


def test_a_file_over_the_upload_limit_is_refused_with_413(make_client: MakeClient) -> None:
    client = make_client(max_upload_bytes=2**20)
    response = post(client, "/api/audit", resume=("big.pdf", b"x" * (2**20 + 1)))
    assert response.status_code == 413
    assert response.json() == {
        "error": "big.pdf: is over the 1 MB upload limit; start discreet serve with a larger --max-upload-mb"
    }
    # One byte less passes the limit and is read: this one is simply not a PDF.
    response = post(client, "/api/audit", resume=("big.pdf", b"x" * 2**20))
    assert response.status_code == 400
    assert response.json()["error"].startswith("big.pdf: does not look like a PDF")


def test_a_form_past_the_limit_is_read_to_its_end_before_the_refusal() -> None:
    boundary = "b0undary"
    head = f'--{boundary}\r\nContent-Disposition: form-data; name="resume"; filename="cv.txt"\r\n\r\n'
    chunks = [head.encode(), *[b"x" * 1000] * 5, f"\r\n--{boundary}--\r\n".encode()]
    read: list[int] = []

    async def body() -> AsyncIterator[bytes]:
        for number, chunk in enumerate(chunks):
            read.append(number)
            yield chunk

    async def parse() -> None:
        await read_form(f"multipart/form-data; boundary={boundary}", body(), limit=2500)

    with pytest.raises(UploadTooLargeError, match=r"cv\.txt: is over the "):
        anyio.run(parse)
    assert read == list(range(len(chunks)))


def test_a_profile_over_the_upload_limit_is_refused_too(make_client: MakeClient) -> None:
    client = make_client(max_upload_bytes=2**20)
    response = post(
        client, "/api/audit", resume=persona("resume.md"), profile=("profile.json", b" " * (2**20 + 1))
    )
    assert response.status_code == 413
    assert response.json()["error"].startswith("profile.json: is over the 1 MB upload limit")


def _hang(_task: object, settings: Settings) -> None:
    time.sleep(60)


def test_a_document_past_the_time_limit_answers_504(
    make_client: MakeClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The patched reader reaches the zygote's workers by name (work travels pickled) and hangs there.
    monkeypatch.setattr(web_run, "audit_input", _hang)
    client = make_client(settings=replace(settings, time_limit=0.5))
    started = time.monotonic()
    response = post(client, "/api/audit", resume=persona("resume.md"))
    assert response.status_code == 504
    assert response.json() == {
        "error": "resume.md: took longer than 0.5 s and was not audited; if you trust this file, "
        "start discreet serve with a larger --timeout"
    }
    assert time.monotonic() - started < 30


MEMORY_LIMIT = 64 * 2**20


def _allocate(task: tuple[object, bool], settings: Settings) -> object:
    """Past any small memory limit for the resume; the profile is audited as usual."""
    if task[1]:
        return audit_input(task, settings)  # type: ignore[arg-type]
    return bytes(2**30)


def test_a_document_past_the_memory_limit_answers_507(
    make_client: MakeClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web_run, "audit_input", _allocate)
    client = make_client(settings=replace(settings, memory_limit=MEMORY_LIMIT))
    response = post(client, "/api/audit", resume=persona("resume.md"), profile=persona("resume.json"))
    # The answer is the first upload that failed, as for any other failure: the profile's report is not sent.
    assert response.status_code == 507
    assert response.json() == {
        "error": "resume.md: stopped its reader (exit code 1), most likely past the 64 MB memory limit; "
        "if you trust this file, start discreet serve with a larger --max-memory-mb"
    }


def _short_of_memory(task: tuple[object, bool], settings: Settings) -> Failure:
    return Failure(str(task[0]), "what discreet audit prints", out_of_memory=True)


def test_a_document_that_ran_out_of_memory_in_its_reader_answers_507(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web_run, "audit_input", _short_of_memory)
    response = post(client, "/api/audit", resume=persona("resume.md"))
    assert response.status_code == 507
    assert response.json() == {
        "error": "resume.md: was not audited, as it went past the 1024 MB memory limit; "
        "if you trust this file, start discreet serve with a larger --max-memory-mb"
    }


def test_a_pdf_that_inflates_past_the_memory_limit_answers_507(
    make_client: MakeClient, settings: Settings, tmp_path: Path
) -> None:
    bomb = flate_bomb_pdf(tmp_path / "bomb.pdf", 100)
    client = make_client(settings=replace(settings, memory_limit=200 * 2**20))
    response = post(client, "/api/audit", resume=("bomb.pdf", bomb.read_bytes()))
    assert response.status_code == 507
    # Python's MemoryError, or PDFium's abort when it cannot allocate.
    assert response.json()["error"] in {
        "bomb.pdf: was not audited, as it went past the 200 MB memory limit; "
        "if you trust this file, start discreet serve with a larger --max-memory-mb",
        "bomb.pdf: stopped its reader (exit code -6), most likely past the 200 MB memory limit; "
        "if you trust this file, start discreet serve with a larger --max-memory-mb",
    }


def _exit_hard(_task: object, settings: Settings) -> None:
    os._exit(3)


def test_a_worker_that_dies_without_a_memory_limit_is_not_blamed_on_one(
    make_client: MakeClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web_run, "audit_input", _exit_hard)
    response = post(
        make_client(settings=replace(settings, memory_limit=0)), "/api/audit", resume=persona("resume.md")
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": "resume.md: stopped its reader (exit code 3); please report it with the steps that led to it"
    }


def _lineage(task: tuple[Any, bool], settings: Settings) -> Failure:
    """Where this worker was forked from: its parent, that one's parent and thread count, as a failure."""
    supervisor = os.getppid()
    status = Path(f"/proc/{supervisor}/status").read_text("ascii")
    fields = dict(line.split(":\t", 1) for line in status.splitlines() if ":\t" in line)
    return Failure(str(task[0]), f"{supervisor} {fields['PPid']} {fields['Threads']}")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc")
@pytest.mark.parametrize("replaced", [False, True])
def test_the_threaded_server_forks_no_worker_the_zygote_does(
    make_client: MakeClient, zygote: Zygote | None, monkeypatch: pytest.MonkeyPatch, replaced: bool
) -> None:
    assert zygote is not None
    if replaced:
        os.kill(zygote.pid, signal.SIGKILL)
    real_audit = web_run.audit_uploads
    threads: list[int] = []

    def audit_counting_threads(*args: Any) -> web_run.Audited:
        threads.append(threading.active_count())
        return real_audit(*args)

    monkeypatch.setattr(web_run, "audit_input", _lineage)
    monkeypatch.setattr("discreet.web.app.audit_uploads", audit_counting_threads)
    forks: list[int] = []
    done = threading.Event()
    # A hook cannot be removed: once the test is done, it records nothing.
    os.register_at_fork(after_in_parent=lambda: done.is_set() or forks.append(threading.get_ident()))
    try:
        response = post(make_client(), "/api/audit", resume=persona("resume.md"))
    finally:
        done.set()
    supervisor, grandparent, supervisor_threads = map(int, response.json()["error"].split())
    assert threads[0] > 1, "the request ran with no other thread alive"
    assert forks == []
    assert (grandparent, supervisor_threads) == (zygote.pid, 1)
    assert supervisor != os.getpid()
    exec_d = b"from discreet.zygote import reborn" in Path(f"/proc/{zygote.pid}/cmdline").read_bytes()
    assert exec_d == replaced


# ---------- a zygote that dies ----------


def kill_zygote(zygote: Zygote | None) -> int:
    """SIGKILL the zygote in service, as the OOM killer would; its pid."""
    assert zygote is not None
    pid = zygote.pid
    os.kill(pid, signal.SIGKILL)
    return pid


def test_a_killed_zygote_is_replaced_and_the_next_uploads_get_the_same_answers(
    client: TestClient, zygote: Zygote | None, notices: list[str]
) -> None:
    assert zygote is not None
    form = {"resume": persona("resume.md"), "private_terms": terms("private-terms.txt")}
    before = post(client, "/api/audit", **form)
    copy = post(client, "/api/fix", **form)
    assert (before.status_code, copy.status_code) == (200, 200)
    pids = [zygote.pid]
    for _ in range(2):
        kill_zygote(zygote)
        after = post(client, "/api/audit", **form)
        assert (after.status_code, after.json()) == (200, before.json())
        pids.append(zygote.pid)
        again = post(client, "/api/fix", **form)
        assert (again.status_code, again.content) == (200, copy.content)
    assert notices == [replaced(pids[0], pids[1]), replaced(pids[1], pids[2])]


def test_uploads_that_find_the_zygote_dead_at_once_share_one_replacement(
    client: TestClient, zygote: Zygote | None, notices: list[str]
) -> None:
    names = ["resume.md", "resume.pdf", "resume.json", "resume.txt", "resume.docx", "resume.md"]
    alone = {name: post(client, "/api/audit", resume=persona(name)).json() for name in set(names)}
    first = kill_zygote(zygote)
    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        answers = list(pool.map(lambda name: post(client, "/api/audit", resume=persona(name)), names))
    assert [answer.status_code for answer in answers] == [200] * len(names)
    assert [answer.json() for answer in answers] == [alone[name] for name in names]
    assert zygote is not None and notices == [replaced(first, zygote.pid)]


def test_a_replacement_that_dies_too_answers_503_and_says_to_send_again(
    make_client: MakeClient, settings: Settings
) -> None:
    # A warm-up that kills every replacement, as a broken installation would.
    warm_up = partial(exit_in_a_replacement, os.getpid())
    with started((settings.rules, *settings.rules), warm_up) as dying:
        client = make_client(zygote=dying)
        assert post(client, "/api/audit", resume=persona("resume.md")).status_code == 200
        kill_zygote(dying)
        for _ in range(2):
            response = post(client, "/api/audit", resume=persona("resume.md"))
            assert (response.status_code, response.json()) == (503, {"error": AGAIN})
            assert response.headers["Retry-After"] == "1"


# ---------- private uploads ----------


Seen = list[tuple[Path, int, dict[str, int]]]


@pytest.fixture
def folders(monkeypatch: pytest.MonkeyPatch) -> Seen:
    """Each private folder the server makes: its parent, its mode and its files' modes while in use."""
    seen: Seen = []

    @contextmanager
    def spy(parent: Path | None = None) -> Iterator[Path]:
        with private_folder(parent) as folder:
            yield folder
            files = {p.name: p.stat().st_mode & 0o777 for p in folder.iterdir()}
            seen.append((folder.parent, folder.stat().st_mode & 0o777, files))

    monkeypatch.setattr(web_run, "private_folder", spy)
    return seen


def test_an_export_is_read_from_a_private_folder_deleted_before_the_answer(
    make_client: MakeClient, tmp_path: Path, folders: Seen
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    response = post(
        make_client(scratch=scratch),
        "/api/audit",
        resume=persona("resume.pdf"),
        profile=persona("linkedin-export.zip"),
    )
    assert response.status_code == 200
    assert folders == [(scratch, 0o700, {"linkedin-export.zip": 0o600})]
    assert list(scratch.iterdir()) == []
    # The report names the upload, never the folder the server put it in.
    assert response.json()["profile"]["name"] == "linkedin-export.zip"
    assert str(scratch) not in response.text


def test_the_private_folder_is_deleted_when_the_audit_fails(
    make_client: MakeClient, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(web_run, "audit_input", _hang)
    client = make_client(settings=replace(settings, time_limit=0.5), scratch=scratch)
    response = post(client, "/api/audit", resume=persona("resume.md"), profile=persona("linkedin-export.zip"))
    assert response.status_code == 504
    assert list(scratch.iterdir()) == []


def test_files_read_in_memory_write_nothing(make_client: MakeClient, tmp_path: Path, folders: Seen) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    for name in ("resume.pdf", "resume.docx", "resume.json", "resume.md", "resume.txt"):
        response = post(make_client(scratch=scratch), "/api/audit", resume=persona(name))
        assert response.status_code == 200, response.text
    assert folders == []
    assert list(scratch.iterdir()) == []


def test_a_private_folder_is_private_and_goes_away() -> None:
    with private_folder() as folder:
        (folder / "inside").write_text("x", encoding="utf-8")
        assert folder.stat().st_mode & 0o777 == 0o700
    assert not folder.exists()


# ---------- bad input: the CLI's own line ----------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("resume.pdf", b"not a pdf at all"),
        ("resume.doc", bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 64),
        ("resume.png", bytes.fromhex("89504e470d0a1a0a0000000d49484452")),
        ("resume.zip", b"PK\x03\x04broken"),
    ],
)
def test_bad_input_gets_the_line_the_cli_prints(
    client: TestClient,
    name: str,
    data: bytes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / name).write_bytes(data)
    monkeypatch.chdir(tmp_path)
    code, _out, err = run(["audit", name], capsys)
    assert code == 2
    response = post(client, "/api/audit", resume=(name, data))
    assert response.status_code == 400
    assert f"discreet: {response.json()['error']}\n" == err


@pytest.mark.parametrize(
    ("form", "error"),
    [
        ({"resume": ("resume.md", b"")}, "resume.md: is empty; choose the file again"),
        ({"resume": ("", b"")}, "choose a resume file: the form's resume field is empty"),
        (
            {"private_terms": "Falcon", "cv": ("cv.md", b"x")},
            "choose a resume file: the form's resume field is empty",
        ),
        (
            {"resume": ("resume.md", b"x"), "profile": ("p.zip", b"PK\x03\x04")},
            "p.zip: is a damaged or truncated ZIP/DOCX file; download or save it again",
        ),
    ],
)
def test_a_form_without_a_readable_resume_is_explained(
    client: TestClient, form: dict[str, Any], error: str
) -> None:
    response = post(client, "/api/audit", **form)
    assert (response.status_code, response.json()) == (400, {"error": error})


def test_a_body_that_is_not_the_form_is_explained(client: TestClient) -> None:
    response = client.post("/api/audit", headers={"X-Discreet-Token": TOKEN}, content=b"resume")
    assert response.status_code == 400
    assert response.json() == {
        "error": "send the page's form (multipart/form-data) with a resume file; see API.md"
    }


@pytest.mark.parametrize(
    ("sent", "named"),
    [
        ("../../etc/cv.md", "cv.md"),
        ("C:\\Users\\dana\\cv.md", "cv.md"),
        ("..", "resume"),
        ("a\nb.md", "ab.md"),
        ('"cv".md', '"cv".md'),
    ],
)
def test_an_upload_is_called_by_its_own_file_name_only(client: TestClient, sent: str, named: str) -> None:
    response = post(client, "/api/audit", resume=(sent, b"Revenue of $4.2M in 2023.\n"))
    assert response.status_code == 200
    assert response.json()["resume"]["name"] == named


def test_an_unexpected_error_is_a_500_that_logs_no_text(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_args: object) -> None:
        raise KeyError("Dana Whitfield earns $180,000")

    monkeypatch.setattr("discreet.web.app.audit_payload", broken)
    response = post(client, "/api/audit", resume=persona("resume.md"))
    assert response.status_code == 500
    assert response.json() == {
        "error": "internal error (KeyError); please report it with the steps that led to it"
    }
    assert "Whitfield" not in caplog.text
    assert "internal error while answering a request: KeyError" in caplog.text


# ---------- the findings JSON ----------


@pytest.mark.parametrize(
    ("golden", "form"),
    [
        ("web/persona.json", {"public_terms": terms("public-terms.txt")}),
        ("web/persona-profile.json", {"profile": persona("linkedin-export.zip")}),
    ],
)
def test_the_findings_json_of_the_persona(client: TestClient, golden: str, form: dict[str, Any]) -> None:
    response = post(
        client, "/api/audit", resume=persona("resume.md"), private_terms=terms("private-terms.txt"), **form
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    check_golden(golden, json.dumps(response.json(), indent=1, ensure_ascii=False) + "\n")


def test_the_terms_serve_started_with_apply_beside_the_page_s_own(
    make_client: MakeClient, settings: Settings
) -> None:
    started = replace(
        settings, terms=Terms(private=("Falcon",), stand_ins=(("Falcon", "an internal pilot"),))
    )
    client = make_client(settings=started)
    text = b"Led Project Falcon for Brightline Foods.\n"
    for page, found in [("", ["Falcon"]), ("Brightline Foods", ["Falcon", "Brightline Foods"])]:
        response = post(client, "/api/audit", resume=("cv.txt", text), private_terms=page)
        findings = response.json()["resume"]["findings"]
        private = [f["text"] for f in findings if f["rule"] == "confidential.private-term"]
        assert private == found


def test_every_finding_points_at_its_text_in_code_points_and_utf16(client: TestClient) -> None:
    text = "Contact 😀 dana@example.com\n𝐁old: revenue of $4.2M in 2023.\n"
    response = post(client, "/api/audit", resume=("cv.txt", text.encode()))
    document = response.json()["resume"]
    assert document["text"] == text
    spans = [(f["start"], f["end"], f["start16"], f["end16"], f["text"]) for f in document["findings"]]
    assert spans == [(10, 26, 11, 27, "dana@example.com"), (44, 49, 46, 51, "$4.2M")]
    for start, end, start16, end16, found in spans:
        assert document["text"][start:end] == found
        assert text.encode("utf-16-le")[2 * start16 : 2 * end16].decode("utf-16-le") == found


def test_every_format_gets_a_copy(client: TestClient) -> None:
    for name in ("resume.md", "resume.pdf", "resume.docx", "resume.json", "linkedin-export.zip"):
        assert post(client, "/api/audit", resume=persona(name)).json()["fix"] == {
            "available": True,
            "reason": "",
        }


# ---------- downloads: the fixed copy and the report, as the CLI writes them ----------


@pytest.mark.parametrize(
    ("name", "destination"),
    [("resume.md", "public"), ("resume.json", "resume"), ("resume.docx", "public"), ("resume.pdf", "public")],
)
def test_the_fixed_copy_is_the_one_discreet_fix_writes(
    client: TestClient,
    name: str,
    destination: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stem, suffix = name.split(".")
    output = tmp_path / f"copy.{suffix}"
    args = ["fix", str(PERSONA / name), "--output", str(output), "--for", destination]
    run([*args, "--private-terms", str(PERSONA / "private-terms.txt")], capsys)
    response = post(
        client,
        "/api/fix",
        resume=persona(name),
        private_terms=terms("private-terms.txt"),
        **{"for": destination},
    )
    assert response.status_code == 200
    fixed = f"{stem}.{destination}.{suffix}"
    assert (
        response.headers["content-disposition"]
        == f"attachment; filename=\"{fixed}\"; filename*=UTF-8''{fixed}"
    )
    assert response.content == output.read_bytes()


def test_a_linkedin_export_downloads_as_its_draft_and_a_bad_destination_is_400(client: TestClient) -> None:
    response = post(client, "/api/fix", resume=persona("linkedin-export.zip"))
    assert response.status_code == 200
    assert response.headers["content-disposition"].startswith(
        'attachment; filename="linkedin-export.public-draft.md"'
    )
    assert response.text.startswith("# LinkedIn profile draft\n")
    response = post(client, "/api/fix", resume=persona("resume.md"), **{"for": "linkedin"})
    assert (response.status_code, response.json()) == (
        400,
        {"error": "for must be public or resume, not 'linkedin'"},
    )


def test_a_json_draft_is_audited_as_a_profile_and_fixed_into_a_json_draft(
    client: TestClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.json"
    args = ["fix", str(PERSONA / "linkedin-export.zip"), "--output", str(draft), "--format", "json"]
    run([*args, "--private-terms", str(PERSONA / "private-terms.txt")], capsys)
    text = draft.read_text(encoding="utf-8").replace("generated millions in", "generated $4.2M in")
    upload = ("draft.json", text.encode("utf-8"))
    audited = post(client, "/api/audit", resume=upload).json()["resume"]
    assert (audited["kind"], audited["format"]) == ("profile", "profile-draft")
    assert [(f["rule"], f["location"]) for f in audited["findings"]] == [
        ("financial.money-amount", "block 3, Experience")
    ]
    response = post(client, "/api/fix", resume=upload)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers["content-disposition"].startswith(
        'attachment; filename="draft.public-draft.json"'
    )
    assert response.json() == json.loads(draft.read_text(encoding="utf-8")) | {"source": "draft.json"}


def test_a_download_name_outside_ascii_survives(client: TestClient) -> None:
    response = post(client, "/api/fix", resume=("résumé.md", (PERSONA / "resume.md").read_bytes()))
    assert response.headers["content-disposition"] == (
        "attachment; filename=\"r_sum_.public.md\"; filename*=UTF-8''r%C3%A9sum%C3%A9.public.md"
    )


@pytest.mark.parametrize(
    ("query", "args", "filename"),
    [
        ("format=html", ["--format", "html"], "discreet-report.html"),
        ("format=json", ["--format", "json"], "discreet-report.json"),
        ("format=markdown&mask=1", ["--format", "markdown", "--mask"], "discreet-report.md"),
    ],
)
def test_the_report_is_the_one_discreet_audit_writes(
    client: TestClient,
    query: str,
    args: list[str],
    filename: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name in ("resume.md", "linkedin-export.zip"):
        (tmp_path / name).write_bytes((PERSONA / name).read_bytes())
    monkeypatch.chdir(tmp_path)
    _code, expected, _err = run(["audit", "resume.md", "--profile", "linkedin-export.zip", *args], capsys)
    response = post(
        client, f"/api/report?{query}", resume=persona("resume.md"), profile=persona("linkedin-export.zip")
    )
    assert response.status_code == 200
    assert (
        response.headers["content-disposition"]
        == f"attachment; filename=\"{filename}\"; filename*=UTF-8''{filename}"
    )
    assert response.text == expected


def test_an_unknown_report_format_is_explained(client: TestClient) -> None:
    response = post(client, "/api/report?format=sarif", resume=persona("resume.md"))
    assert (response.status_code, response.json()) == (
        400,
        {"error": "format must be one of html, json, markdown"},
    )


# ---------- several tabs at once ----------


def test_concurrent_uploads_each_get_their_own_answer(client: TestClient) -> None:
    names = ["resume.md", "resume.pdf", "resume.json", "resume.txt", "resume.docx", "resume.md"]
    alone = {name: post(client, "/api/audit", resume=persona(name)).json() for name in set(names)}
    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        answers = list(pool.map(lambda name: post(client, "/api/audit", resume=persona(name)), names))
    assert [answer.status_code for answer in answers] == [200] * len(names)
    assert [answer.json() for answer in answers] == [alone[name] for name in names]


# ---------- the command ----------


def test_listen_binds_a_free_port_and_names_its_hosts() -> None:
    listener = server.listen("127.0.0.1", 0)
    try:
        port = listener.socket.getsockname()[1]
        assert port > 0
        assert listener.url == f"http://127.0.0.1:{port}/"
        assert listener.hosts == (f"127.0.0.1:{port}", f"localhost:{port}")
    finally:
        listener.socket.close()


def test_a_port_in_use_is_explained() -> None:
    taken = server.listen("127.0.0.1", 0)
    port = taken.socket.getsockname()[1]
    try:
        with pytest.raises(
            UsageError, match=rf"cannot serve on 127\.0\.0\.1 port {port} \(.+\); choose another"
        ):
            server.listen("127.0.0.1", port)
    finally:
        taken.socket.close()


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.0.1", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("my-laptop.lan", False),
    ],
)
def test_only_loopback_addresses_are_private(host: str, loopback: bool) -> None:
    assert server.is_loopback(host) is loopback


def test_serve_prints_its_url_warns_for_another_interface_and_opens_the_browser(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    served: list[str] = []
    opened: list[str] = []
    monkeypatch.setattr(server, "run", lambda _app, listener: served.append(listener.url))
    monkeypatch.setattr("webbrowser.open", opened.append)
    code, out, err = run(["serve", "--host", "0.0.0.0", "--port", "0", "--open"], capsys)
    assert code == 0
    [url] = served
    assert re.fullmatch(r"http://0\.0\.0\.0:\d+/", url)
    assert out == f"discreet serves its page at {url} (Ctrl-C stops it)\n"
    assert (
        err == "discreet: warning: 0.0.0.0 may let other machines reach the page; only its token guards it\n"
    )
    assert opened == [url]


def test_serve_takes_the_rules_and_terms_of_the_config_file_and_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / ".discreet.toml").write_text(
        f'private-terms = "{PERSONA / "private-terms.txt"}"\ndisable = ["financial.money-amount"]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    started: list[Settings] = []
    real_create = server.create
    monkeypatch.setattr(
        server,
        "create",
        lambda listener, chosen, limit, zygote: (
            started.append(chosen) or real_create(listener, chosen, limit, zygote)
        ),
    )
    monkeypatch.setattr(server, "run", lambda _app, _listener: None)
    code, _out, _err = run(
        ["serve", "--port", "0", "--public-terms", str(PERSONA / "public-terms.txt")], capsys
    )
    assert code == 0
    [chosen] = started
    assert chosen.terms == read_terms(PERSONA / "private-terms.txt", PERSONA / "public-terms.txt")
    ids = {rule.id for rule in chosen.rules}
    assert "financial.money-amount" not in ids and "confidential.private-term" in ids


def test_serve_forks_its_zygote_before_it_serves_and_stops_it_after(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[object] = []
    real_started = server.started

    @contextmanager
    def watched(*args: Any) -> Iterator[Zygote]:
        with real_started(*args) as zygote:
            seen.append(("forked", running(zygote.pid)))
            yield zygote
        seen.append(("stopped", running(zygote.pid)))

    monkeypatch.setattr(server, "started", watched)
    monkeypatch.setattr(server, "run", lambda _app, _listener: seen.append("served"))
    code, _out, _err = run(["serve", "--port", "0"], capsys)
    assert code == 0
    assert seen == [("forked", True), "served", ("stopped", False)]


def test_serve_without_the_web_extra_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # As if starlette were not installed: its modules, and ours that hold them, are forgotten.
    for name in [m for m in sys.modules if m.split(".")[0] == "starlette" or m.startswith("discreet.web")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "starlette", None)
    code, out, err = run(["serve"], capsys)
    assert (code, out) == (2, "")
    assert err == (
        "discreet: discreet serve needs the optional web packages (starlette is missing): "
        "pip install 'discreet[web]'\n"
    )


def test_the_cli_does_not_import_the_web_packages() -> None:
    probe = (
        "import sys, discreet.cli; print(sorted({'starlette', 'uvicorn', 'discreet.web'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


def real_server() -> tuple[subprocess.Popen[str], str]:
    """A `discreet serve` process on a free port, and the address it says it serves its page at."""
    process = subprocess.Popen(
        [sys.executable, "-m", "discreet", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    said = r"discreet serves its page at (http://127\.0\.0\.1:\d+/) \(Ctrl-C stops it\)\n"
    found = re.fullmatch(said, line)
    assert found, line
    return process, found[1]


def test_the_real_server_answers_and_stops(tmp_path: Path) -> None:
    import httpx2

    process, url = real_server()
    try:
        page = httpx2.get(url, timeout=30)
        assert page.status_code == 200
        assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        token = re.search(r'<meta name="discreet-token" content="([^"]+)">', page.text)
        assert token is not None and token[1] != "{{TOKEN}}"
        audited = httpx2.post(
            f"{url}api/audit",
            headers={"X-Discreet-Token": token[1]},
            files={"resume": persona("resume.md")},
            timeout=60,
        )
        assert audited.status_code == 200
        assert audited.json()["resume"]["name"] == "resume.md"
        # Refused uploads get their explanation over a real connection too.
        large = {"resume": ("large.pdf", b"%PDF-1.7\n" + b" " * (10 * 2**20))}
        for token_sent, status in ((token[1], 413), ("stale", 403)):
            refused = httpx2.post(
                f"{url}api/audit", headers={"X-Discreet-Token": token_sent}, files=large, timeout=60
            )
            assert (refused.status_code, list(refused.json())) == (status, ["error"])
    finally:
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=30)
    assert process.returncode == 0
    # Nothing is logged about requests: no access log, no file names, no text.
    assert err == ""


def children_of(pid: int) -> list[int]:
    """The processes whose parent is pid, zombies left out."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc")
def test_the_real_server_replaces_a_killed_zygote_and_logs_one_line() -> None:
    import httpx2

    process, url = real_server()
    try:
        page = httpx2.get(url, timeout=30)
        token = re.search(r'<meta name="discreet-token" content="([^"]+)">', page.text)
        assert token is not None

        def audit() -> Any:
            return httpx2.post(
                f"{url}api/audit",
                headers={"X-Discreet-Token": token[1]},
                files={"resume": persona("resume.pdf")},
                timeout=60,
            )

        before = audit()
        assert before.status_code == 200
        [first] = children_of(process.pid)
        os.kill(first, signal.SIGKILL)
        after = audit()
        assert (after.status_code, after.json()) == (200, before.json())
        [second] = children_of(process.pid)
        assert b"from discreet.zygote import reborn" in Path(f"/proc/{second}/cmdline").read_bytes()
    finally:
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=30)
    assert process.returncode == 0
    # One line, and no text of the document.
    assert err == f"discreet: {replaced(first, second)}\n"
    assert not running(second)


def test_the_wheel_ships_the_page(tmp_path: Path) -> None:
    build = [sys.executable, "-m", "hatchling", "build", "--target", "wheel", "--directory", str(tmp_path)]
    subprocess.run(build, cwd=REPO, check=True, capture_output=True)
    [wheel] = tmp_path.glob("discreet-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    static = REPO / "src" / "discreet" / "web" / "static"
    assert {f"discreet/web/static/{p.name}" for p in static.iterdir()} <= names
    assert {"discreet/web/app.py", "discreet/web/API.md"} <= names


def _hang_copy(_task: object) -> None:
    time.sleep(60)


def test_a_copy_past_the_time_limit_answers_504(
    make_client: MakeClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The patched writer reaches the zygote's worker by name (work travels pickled) and hangs there.
    monkeypatch.setattr(web_run, "_fixed", _hang_copy)
    client = make_client(settings=replace(settings, time_limit=0.5))
    response = post(client, "/api/fix", resume=persona("resume.md"))
    assert response.status_code == 504
    assert response.json() == {
        "error": "resume.md: its copy took longer than 0.5 s and was not made; if you trust this file, "
        "start discreet serve with a larger --timeout"
    }


def _allocate_copy(_task: object) -> None:
    bytes(2**30)


def test_a_copy_past_the_memory_limit_answers_507(
    make_client: MakeClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web_run, "_fixed", _allocate_copy)
    client = make_client(settings=replace(settings, memory_limit=MEMORY_LIMIT))
    response = post(client, "/api/fix", resume=persona("resume.md"))
    assert response.status_code == 507
    assert response.json() == {
        "error": "resume.md: stopped while making its copy (exit code 1), most likely past the 64 MB memory "
        "limit; if you trust this file, start discreet serve with a larger --max-memory-mb"
    }
