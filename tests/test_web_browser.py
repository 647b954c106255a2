"""Drive the page of `discreet serve` in headless Chromium: upload, findings in place, filters, downloads."""

from __future__ import annotations

import base64
import json
import math
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, REPO
from hostile_inputs import flate_bomb_pdf

IN_CI = os.environ.get("CI") == "true"
try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.remote.webelement import WebElement
except ImportError:
    if IN_CI:
        raise
    pytest.skip("selenium is not installed: pip install -e '.[test]'", allow_module_level=True)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
# axe-core comes from the npm registry; .ci/run fetches it here (git-ignored), never into the package.
AXE = Path(os.environ.get("DISCREET_AXE_JS", REPO / ".ci" / "cache" / "axe-core" / "axe.min.js"))
MISSING = (
    "Chromium is not installed (apt-get install -y chromium)"
    if CHROMIUM is None
    else "chromedriver is not installed (apt-get install -y chromium-driver)"
    if CHROMEDRIVER is None
    else ""
)
# CI installs both: a skip there would hide a broken page behind a green run.
pytestmark = pytest.mark.skipif(bool(MISSING) and not IN_CI, reason=f"{MISSING}; CI installs it")

PERSONA = FIXTURES / "persona"
SCREENSHOTS = REPO / "docs" / "screenshots"
DESKTOP, PHONE = 1280, 420
WAIT = 90.0
UPLOAD_MB = 3
# Room for any real resume, not for a PDF that inflates to 100 MB of content stream.
FRUGAL_MB = 200


def private_terms() -> str:
    return (PERSONA / "private-terms.txt").read_text(encoding="utf-8")


# ---------- the server and the API, as the page's own requests would reach them ----------


@dataclass(frozen=True, slots=True)
class Server:
    """A running `discreet serve`: where it listens and the token its page carries."""

    url: str
    token: str

    def post(self, path: str, files: Mapping[str, Path], fields: Mapping[str, str]) -> tuple[int, bytes]:
        """POST a multipart form as the page does: the status and the body."""
        boundary = uuid.uuid4().hex
        body = multipart(boundary, files, fields)
        request = urllib.request.Request(
            self.url.rstrip("/") + path,
            data=body,
            method="POST",
            headers={
                "X-Discreet-Token": self.token,
                "Content-Type": f"multipart/form-data; boundary={boundary}",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=WAIT) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()


def multipart(boundary: str, files: Mapping[str, Path], fields: Mapping[str, str]) -> bytes:
    parts: list[bytes] = []
    for name, path in files.items():
        head = f'Content-Disposition: form-data; name="{name}"; filename="{path.name}"\r\n'
        parts.append(f"--{boundary}\r\n{head}Content-Type: application/octet-stream\r\n\r\n".encode())
        parts.append(path.read_bytes() + b"\r\n")
    for name, value in fields.items():
        head = f'Content-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"--{boundary}\r\n{head}".encode() + value.encode() + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    """`discreet serve --port 0` in a subprocess; the URL is the first thing it prints."""
    with serving("--max-upload-mb", str(UPLOAD_MB)) as started:
        yield started


@pytest.fixture(scope="module")
def frugal_server() -> Iterator[Server]:
    """`discreet serve` with a memory limit a PDF bomb goes past."""
    with serving("--max-memory-mb", str(FRUGAL_MB)) as started:
        yield started


@contextmanager
def serving(*options: str) -> Iterator[Server]:
    """`discreet serve --port 0 OPTIONS` in a subprocess, stopped on the way out."""
    process = subprocess.Popen(
        [sys.executable, "-m", "discreet", "serve", "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+", first)
        assert found, f"discreet serve printed {first!r} instead of its URL"
        url = found.group(0) + "/"
        with urllib.request.urlopen(url, timeout=WAIT) as response:
            page = response.read().decode()
        token = re.search(r'<meta name="discreet-token" content="([^"]+)">', page)
        assert token, "the page carries no token"
        yield Server(url, token.group(1))
    finally:
        process.terminate()
        process.wait(timeout=30)


# ---------- the browser ----------


@dataclass
class Browser:
    """One headless Chromium, with every URL it requested kept from its performance log."""

    driver: WebDriver
    requested: list[tuple[str, str]] = field(default_factory=list)

    def drain(self) -> list[tuple[str, str]]:
        """Move the performance log's requests into requested: (URL asked for, page that asked)."""
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                params = message["params"]
                self.requested.append((params["request"]["url"], params.get("documentURL", "")))
        return self.requested

    def width(self, width: int) -> None:
        """Lay the page out as a screen this many CSS pixels wide would."""
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600},
        )

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def find(self, css: str) -> WebElement:
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css: str) -> list[WebElement]:
        return self.driver.find_elements(By.CSS_SELECTOR, css)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    assert not MISSING, f"{MISSING}: CI must install it"
    assert CHROMIUM is not None and CHROMEDRIVER is not None
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path_factory.mktemp('profile')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield Browser(driver)
    finally:
        driver.quit()


def until(check: Callable[[], Any], what: str) -> Any:
    """Wait for check() to return something true; the clock only bounds the wait."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def upload(browser: Browser, server: Server, resume: Path, profile: Path | None, terms: str) -> None:
    """Open the page, choose the files, type the terms, press the button and wait for the answer."""
    browser.driver.get(server.url)
    until(lambda: browser.find("body").get_attribute("data-ready") == "1", "the page's script")
    browser.find("#resume").send_keys(str(resume))
    if profile is not None:
        browser.find("#profile").send_keys(str(profile))
    browser.js("document.getElementById('private-terms').value = arguments[0];", terms)
    browser.find("#check").click()
    until(lambda: browser.find("body").get_attribute("data-state") in {"done", "error"}, "the audit")


# ---------- the persona audited through the page ----------


@dataclass(frozen=True, slots=True)
class Audited:
    """What the API answered for the persona, beside the page showing it."""

    api: dict[str, Any]


@pytest.fixture(scope="module")
def persona_api(server: Server) -> dict[str, Any]:
    """What /api/audit answers for the persona's PDF resume, LinkedIn export and private terms."""
    files = {"resume": PERSONA / "resume.pdf", "profile": PERSONA / "linkedin-export.zip"}
    status, body = server.post("/api/audit", files, {"private_terms": private_terms()})
    assert status == 200, body
    answer: dict[str, Any] = json.loads(body)
    return answer


@pytest.fixture
def persona(browser: Browser, server: Server, persona_api: dict[str, Any]) -> Audited:
    """A fresh page with the same persona uploaded through its form."""
    upload(browser, server, PERSONA / "resume.pdf", PERSONA / "linkedin-export.zip", private_terms())
    assert browser.find("body").get_attribute("data-state") == "done", browser.find("#error").text
    return Audited(persona_api)


def shown_marks(browser: Browser, kind: str) -> list[tuple[str, str, str]]:
    """(highlighted text, verdict, category) of each mark in one document that the filters leave on."""
    marks = browser.js(
        "return Array.from(document.querySelectorAll(arguments[0]), m => [m.querySelector('.hit-text')"
        ".textContent, m.dataset.verdict, m.dataset.category]);",
        f"#doc-{kind}-text mark.hit:not(.off)",
    )
    return [tuple(m) for m in marks]


def expected_marks(doc: dict[str, Any], keep: Callable[[dict[str, Any]], bool]) -> list[tuple[str, str, str]]:
    """What the page should highlight: the API's findings, cut from the text by their UTF-16 offsets."""
    units = doc["text"].encode("utf-16-le")
    return [
        (units[f["start16"] * 2 : f["end16"] * 2].decode("utf-16-le"), f["verdict"], f["category"])
        for f in doc["findings"]
        if keep(f)
    ]


def documents(api: dict[str, Any]) -> list[dict[str, Any]]:
    return [doc for doc in (api["resume"], api["profile"]) if doc is not None]


# The document's text as the page holds it, without the verdict symbols and screen-reader labels it adds.
TEXT_AS_READ = """
const copy = document.querySelector(arguments[0]).cloneNode(true);
copy.querySelectorAll('.tag, .sr-only').forEach(e => e.remove());
return copy.textContent;
"""


def test_every_finding_is_highlighted_in_place_with_its_verdict(browser: Browser, persona: Audited) -> None:
    for doc in documents(persona.api):
        expected = expected_marks(doc, lambda f: True)
        assert [text for text, _, _ in expected] == [f["text"] for f in doc["findings"]]
        assert shown_marks(browser, doc["kind"]) == expected
        assert browser.js(TEXT_AS_READ, f"#doc-{doc['kind']}-text") == doc["text"]
    private = [t for t in private_terms().splitlines() if t and t in persona.api["resume"]["text"]]
    highlighted = {text for text, _, _ in shown_marks(browser, "resume")}
    assert private and set(private) <= highlighted
    counts = [browser.find(f".stat.v-{verdict} b").text for verdict in ("never", "replacement", "complement")]
    assert counts == [
        str(sum(d["counts"][verdict] for d in documents(persona.api)))
        for verdict in ("never", "replacement", "complement")
    ]


@pytest.mark.parametrize("name", ["resume.docx", "resume.json", "resume.txt"])
def test_every_format_audit_reads_is_shown_the_same_way(browser: Browser, server: Server, name: str) -> None:
    resume = PERSONA / name
    status, body = server.post("/api/audit", {"resume": resume}, {"private_terms": private_terms()})
    assert status == 200, body
    doc = json.loads(body)["resume"]
    upload(browser, server, resume, None, private_terms())
    assert browser.js(TEXT_AS_READ, "#doc-resume-text") == doc["text"]
    assert shown_marks(browser, "resume") == expected_marks(doc, lambda f: True)
    read_as = (
        [] if doc["kind"] == "resume" else ["Read as a public profile: this format is meant to be published."]
    )
    assert [e.text for e in browser.find_all("#documents .read-as")] == read_as
    fixable = json.loads(body)["fix"]["available"]
    assert (browser.find("#download-fix").get_attribute("disabled") is None) is fixable
    assert (browser.find("#download-resume-copy").get_attribute("disabled") is None) is fixable


def test_choosing_a_passage_shows_its_why_actions_and_rewrite(browser: Browser, persona: Audited) -> None:
    finding = next(f for f in persona.api["resume"]["findings"] if f["rewrite"])
    mark = browser.find(f"#hit-resume-{finding['id']}")
    mark.send_keys("\n")
    detail = browser.find("#detail-body")
    assert mark.get_attribute("aria-pressed") == "true"
    assert detail.find_element(By.CSS_SELECTOR, "h3").text == finding["title"]
    assert detail.find_element(By.CSS_SELECTOR, ".quoted").text == finding["text"]
    assert detail.find_element(By.CSS_SELECTOR, ".rewrite").text == finding["rewrite"]
    assert finding["why"] in detail.text
    actions = [dd.text.lower() for dd in detail.find_elements(By.CSS_SELECTOR, "dd")]
    assert actions == [finding["public_action"], finding["resume_action"]]
    assert browser.js("return document.activeElement.className;") == "detail-title"
    browser.driver.switch_to.active_element.send_keys(Keys.ESCAPE)  # closes the panel, focus goes back
    assert browser.find("#detail-body").get_attribute("hidden") is not None
    assert browser.js("return document.activeElement.id;") == f"hit-resume-{finding['id']}"


def test_after_the_audit_the_keyboard_reaches_each_passage_with_a_visible_focus(
    browser: Browser, persona: Audited
) -> None:
    assert browser.js("return document.activeElement.id;") == "results-title"
    assert browser.find("#status").text == summary_line(persona.api)
    assert browser.find("#status").get_attribute("aria-live") == "polite"
    first = persona.api["resume"]["findings"][0]
    for _ in range(40):
        browser.driver.switch_to.active_element.send_keys(Keys.TAB)
        if browser.js("return document.activeElement.id;") == f"hit-resume-{first['id']}":
            break
    focused = browser.driver.switch_to.active_element
    assert focused.get_attribute("id") == f"hit-resume-{first['id']}"
    outline = browser.js(
        "const s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth];", focused
    )
    assert outline == ["solid", "3px"]
    focused.send_keys(Keys.SPACE)
    assert browser.driver.switch_to.active_element.text == first["title"]


def summary_line(api: dict[str, Any]) -> str:
    """The sentence the status line announces, from the API's counts."""
    counts = {v: sum(d["counts"][v] for d in documents(api)) for v in ("never", "replacement", "complement")}
    total = sum(counts.values())
    return (
        f"Done: {total} finding{'' if total == 1 else 's'} ({counts['never']} never public, "
        f"{counts['replacement']} resume only, {counts['complement']} fine in public)."
    )


DROP = """
const [zone, name, text] = arguments;
const transfer = new DataTransfer();
transfer.items.add(new File([text], name, {type: 'text/plain'}));
document.getElementById(zone).dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true}));
"""


def test_a_dropped_file_is_audited_and_its_markup_shown_as_text(browser: Browser, server: Server) -> None:
    hostile = (
        'Dana <img src=x onerror="document.title=1"> <script>document.title=2</script>\n'
        "Closed a $4.2M deal for Project Falcon.\n"
    )
    browser.driver.get(server.url)
    until(lambda: browser.find("body").get_attribute("data-ready") == "1", "the page's script")
    browser.js(DROP, "resume-drop", "notes.txt", hostile)
    assert browser.js("return document.getElementById('resume').files[0].name;") == "notes.txt"
    browser.js("document.getElementById('private-terms').value = 'Project Falcon';")
    browser.find("#check").click()
    until(lambda: browser.find("body").get_attribute("data-state") == "done", "the audit")
    assert browser.js(TEXT_AS_READ, "#doc-resume-text") == hostile
    assert browser.find_all("#doc-resume-text img, #doc-resume-text script") == []
    assert browser.driver.title.startswith("discreet")
    assert [text for text, _, _ in shown_marks(browser, "resume")] == ["$4.2M", "Project Falcon"]


def set_filter(browser: Browser, kind: str, value: str, on: bool) -> None:
    box = browser.find(f"#filter-{kind}-{value}")
    if box.is_selected() != on:
        browser.find(f"label[for=filter-{kind}-{value}]").click()
    assert box.is_selected() == on


def test_filters_leave_exactly_the_chosen_verdicts_and_categories(browser: Browser, persona: Audited) -> None:
    resume = persona.api["resume"]
    total = sum(len(d["findings"]) for d in documents(persona.api))
    set_filter(browser, "verdict", "replacement", on=False)
    assert shown_marks(browser, "resume") == expected_marks(resume, lambda f: f["verdict"] != "replacement")
    set_filter(browser, "category", "personal", on=False)
    assert shown_marks(browser, "resume") == expected_marks(
        resume, lambda f: f["verdict"] != "replacement" and f["category"] != "personal"
    )
    left = sum(
        1
        for d in documents(persona.api)
        for f in d["findings"]
        if f["verdict"] != "replacement" and f["category"] != "personal"
    )
    assert browser.find("#shown").text == f"{left} of {total} findings shown"
    assert all(m.get_attribute("tabindex") == "-1" for m in browser.find_all("mark.hit.off"))
    set_filter(browser, "verdict", "replacement", on=True)
    set_filter(browser, "category", "personal", on=True)
    assert shown_marks(browser, "resume") == expected_marks(resume, lambda f: True)


def test_the_comparison_lists_what_the_api_found(browser: Browser, persona: Audited) -> None:
    comparison = persona.api["comparison"]
    assert comparison is not None
    for name in ("exposures", "mismatches", "suggestions"):
        items = [li.text for li in browser.find_all(f"#{name} li")]
        assert len(items) == max(len(comparison[name]), 1)
    firsts = [browser.find(f"#{name} li .what").text for name in ("mismatches", "suggestions")]
    assert firsts == [comparison["mismatches"][0]["what"], comparison["suggestions"][0]["what"]]
    exposure = comparison["exposures"][0]
    assert browser.find("#exposures li").text.split("\n") == [
        f"{exposure['title']}: {exposure['text']}",
        f"On the profile: {exposure['profile_location']}",
        f"On the resume: {exposure['resume_location']}",
    ]
    # JavaScript's Math.round rounds halves up, Python's round() to even.
    reproduced, resume_only = (
        math.floor(comparison[k] * 100 + 0.5) for k in ("reproduced", "resume_only_share")
    )
    assert browser.find("#copied").text == (
        f"The profile repeats {reproduced}% of the resume's summary and experience; "
        f"{resume_only}% of what it repeats is meant for the resume only."
    )


@pytest.fixture
def downloads(browser: Browser, tmp_path: Path) -> Path:
    """An empty folder of this test's own that the browser saves downloads into."""
    browser.driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)}
    )
    return tmp_path


def arrived(downloads: Path, name: str) -> bytes:
    """The bytes of a finished download (Chromium writes NAME.crdownload until it is complete)."""
    path = downloads / name
    until(lambda: path.exists() and not list(downloads.glob("*.crdownload")), f"download {name}")
    assert [p.name for p in downloads.iterdir()] == [name]
    return path.read_bytes()


def test_the_public_safe_copy_downloads_as_the_api_writes_it(
    browser: Browser, server: Server, downloads: Path
) -> None:
    resume = PERSONA / "resume.md"
    status, expected = server.post("/api/fix", {"resume": resume}, {"private_terms": private_terms()})
    assert status == 200, expected
    upload(browser, server, resume, None, private_terms())
    button = browser.find("#download-fix")
    assert button.get_attribute("disabled") is None
    button.click()
    assert arrived(downloads, "resume.public.md") == expected
    assert browser.find("#status").text == "Downloaded resume.public.md."


def test_the_copy_for_applications_downloads_as_the_api_writes_it(
    browser: Browser, server: Server, downloads: Path
) -> None:
    resume = PERSONA / "resume.docx"
    form = {"private_terms": private_terms(), "for": "resume"}
    status, expected = server.post("/api/fix", {"resume": resume}, form)
    assert status == 200, expected
    public = server.post("/api/fix", {"resume": resume}, {"private_terms": private_terms()})[1]
    assert expected != public
    upload(browser, server, resume, None, private_terms())
    browser.find("#download-resume-copy").click()
    assert arrived(downloads, "resume.resume.docx") == expected


def test_a_pdf_downloads_as_its_redacted_copy(browser: Browser, server: Server, downloads: Path) -> None:
    resume = PERSONA / "resume.pdf"
    status, expected = server.post("/api/fix", {"resume": resume}, {"private_terms": private_terms()})
    assert (status, expected[:5]) == (200, b"%PDF-")
    upload(browser, server, resume, None, private_terms())
    browser.find("#download-fix").click()
    assert arrived(downloads, "resume.public.pdf") == expected


def test_the_masked_json_report_downloads_as_the_api_writes_it(
    browser: Browser, server: Server, downloads: Path
) -> None:
    status, expected = server.post(
        "/api/report?format=json&mask=1",
        {"resume": PERSONA / "resume.md"},
        {"private_terms": private_terms()},
    )
    assert status == 200, expected
    assert b"Project Falcon" not in expected
    upload(browser, server, PERSONA / "resume.md", None, private_terms())
    browser.find("label[for=mask]").click()
    browser.find("button[data-report=json]").click()
    assert arrived(downloads, "discreet-report.json") == expected


def test_a_refused_download_shows_the_servers_error_beside_the_buttons(
    browser: Browser, server: Server, downloads: Path
) -> None:
    resume = PERSONA / "resume.md"
    status, body = Server(server.url, "stale").post("/api/report?format=json", {"resume": resume}, {})
    assert status == 403
    upload(browser, server, resume, None, "")
    # A page left open across a restart of discreet serve holds a token the new server refuses.
    browser.js("document.querySelector('meta[name=discreet-token]').content = 'stale';")
    browser.find("button[data-report=json]").click()
    error = browser.find("#download-error")
    until(error.is_displayed, "the error")
    assert error.text == json.loads(body)["error"]
    assert list(downloads.iterdir()) == []


def test_the_form_names_the_servers_upload_limit(browser: Browser, server: Server) -> None:
    browser.driver.get(server.url)
    assert browser.find("#resume-hint").text.endswith(f" Up to {UPLOAD_MB} MB a file.")


def test_checking_without_a_resume_says_so_and_goes_to_the_file_box(browser: Browser, server: Server) -> None:
    browser.driver.get(server.url)
    until(lambda: browser.find("body").get_attribute("data-ready") == "1", "the page's script")
    browser.find("#check").click()
    assert browser.find("#error").text == (
        "Choose a resume first: a PDF, Word (.docx), text, Markdown or JSON Resume file."
    )
    assert browser.js("return document.activeElement.id;") == "resume"
    assert browser.find("#results").get_attribute("hidden") is not None


def test_bad_input_shows_the_servers_one_line_error(browser: Browser, server: Server) -> None:
    bad = FIXTURES / "bad" / "encrypted.pdf"
    status, body = server.post("/api/audit", {"resume": bad}, {})
    assert status == 400
    upload(browser, server, bad, None, "")
    error = browser.find("#error")
    assert error.is_displayed()
    assert error.text == json.loads(body)["error"]
    assert "\n" not in error.text
    assert browser.find("#results").get_attribute("hidden") is not None


def test_a_document_past_the_memory_limit_shows_the_servers_507_line(
    browser: Browser, frugal_server: Server, tmp_path: Path
) -> None:
    bomb = flate_bomb_pdf(tmp_path / "bomb.pdf", 100)
    status, body = frugal_server.post("/api/audit", {"resume": bomb}, {})
    assert status == 507
    assert "--max-memory-mb" in json.loads(body)["error"]
    try:
        upload(browser, frugal_server, bomb, None, "")
        error = browser.find("#error")
        assert error.is_displayed()
        assert error.text == json.loads(body)["error"]
        assert browser.find("#results").get_attribute("hidden") is not None
    finally:
        # The browser's log of requests serves a later test, which knows one server: this one's
        # requests leave it, any to a third origin stay for that test to catch.
        origin = frugal_server.url.rstrip("/")
        browser.requested[:] = [(url, page) for url, page in browser.drain() if not url.startswith(origin)]


def test_a_failed_audit_takes_the_earlier_results_off_the_screen(browser: Browser, server: Server) -> None:
    upload(browser, server, PERSONA / "resume.md", None, "")
    assert browser.find("#results").is_displayed()
    browser.find("#resume").send_keys(str(FIXTURES / "bad" / "empty.txt"))
    browser.find("#check").click()
    until(lambda: browser.find("body").get_attribute("data-state") == "error", "the error")
    assert browser.find("#error").is_displayed()
    assert not browser.find("#results").is_displayed()


def test_the_page_asks_no_other_origin_for_anything(
    browser: Browser, server: Server, downloads: Path
) -> None:
    upload(browser, server, PERSONA / "resume.pdf", PERSONA / "linkedin-export.zip", private_terms())
    browser.find("button[data-report=html]").click()
    arrived(downloads, "discreet-report.html")
    origin = server.url.rstrip("/")
    requested = browser.drain()
    ours = [url for url, page in requested if page.startswith(origin)]
    assert {"/", "/static/app.css", "/static/app.js", "/api/audit", "/api/report?format=html"} <= {
        url.removeprefix(origin) for url in ours
    }
    assert [url for url in ours if not url.startswith((origin + "/", f"blob:{origin}/"))] == []
    # Chromium's own pages (its new-tab page) load chrome:// resources; nothing may reach the network.
    assert [
        url for url, _ in requested if re.match(r"(https?|wss?)://", url) and not url.startswith(origin)
    ] == []


# ---------- how it looks, at a desktop's width and a phone's ----------


def screenshot(browser: Browser, name: str, width: int) -> bytes:
    """The whole page as a PNG; DISCREET_REGEN_SCREENSHOTS=1 also files it in docs/screenshots."""
    height = browser.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]["height"]
    shot = browser.driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        },
    )
    data = base64.b64decode(shot["data"])
    regenerate = os.environ.get("DISCREET_REGEN_SCREENSHOTS") == "1"
    folder = SCREENSHOTS if regenerate else REPO / "tests" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return data


OVERFLOW = """
const width = document.documentElement.clientWidth;
return [document.documentElement.scrollWidth - width].concat(
  Array.from(document.querySelectorAll('body *'))
    .filter(e => !e.closest('.sr-only, .skip') && e.getClientRects().length)
    .filter(e => e.getBoundingClientRect().right > width + 0.5)
    .map(e => e.tagName + '.' + e.className));
"""


@pytest.mark.parametrize(("width", "name"), [(DESKTOP, "serve-desktop.png"), (PHONE, "serve-phone.png")])
def test_the_page_fits_the_screen(browser: Browser, server: Server, width: int, name: str) -> None:
    browser.width(width)
    upload(browser, server, PERSONA / "resume.pdf", PERSONA / "linkedin-export.zip", private_terms())
    if width == DESKTOP:
        browser.find("#doc-resume-text mark.v-never").click()
    overflow = browser.js(OVERFLOW)
    assert overflow == [0], f"wider than {width} px: {overflow[1:]}"
    # Fitting is not enough: the text a person reads must keep most of the screen's width.
    text_width = browser.js("return document.getElementById('doc-resume-text').clientWidth;")
    assert text_width >= (width - 380) * 0.6 if width == DESKTOP else text_width >= width * 0.85
    data = screenshot(browser, name, width)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert int.from_bytes(data[16:20], "big") == width
    browser.width(DESKTOP)


def test_on_a_phone_the_chosen_passage_stays_above_its_explanation(browser: Browser, server: Server) -> None:
    browser.width(PHONE)
    upload(browser, server, PERSONA / "resume.pdf", None, private_terms())
    passages = browser.find_all("#doc-resume-text mark.hit")
    # One tapped at the foot of the screen; one reached by keyboard while the sheet already covers it.
    for passage, tapped in ((passages[len(passages) // 2], True), (passages[-1], False)):
        browser.js("arguments[0].scrollIntoView({block: 'end'});", passage)
        if tapped:
            passage.click()
        else:
            browser.js("arguments[0].focus();", passage)
            passage.send_keys(Keys.ENTER)
        assert passage.get_attribute("aria-pressed") == "true"
        bottom, sheet_top, sheet_bottom = browser.js(
            "const d = document.getElementById('detail').getBoundingClientRect();"
            "return [arguments[0].getBoundingClientRect().bottom, d.top, d.bottom];",
            passage,
        )
        assert bottom <= sheet_top
        assert sheet_bottom <= browser.js("return window.innerHeight;")
    browser.width(DESKTOP)


# ---------- accessibility ----------


def axe(browser: Browser) -> dict[str, list[str]]:
    """Run axe-core on the page as it is: the rule ids violated, per impact, and the summary printed."""
    if not AXE.is_file():
        message = f"{AXE} is absent: .ci/run fetches axe-core from the npm registry (npm pack axe-core@4)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    browser.js(AXE.read_text(encoding="utf-8"))
    result = browser.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done("
        "{violations: r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
        " help: v.help})), passes: r.passes.length, incomplete: r.incomplete.map(v => v.id)}));"
    )
    by_impact: dict[str, list[str]] = {}
    for violation in result["violations"]:
        by_impact.setdefault(violation["impact"], []).append(violation["id"])
    print(f"axe-core: {result['passes']} rules pass; a person should check {result['incomplete']}")
    for impact in ("critical", "serious", "moderate", "minor"):
        print(f"axe-core {impact}: {len(by_impact.get(impact, []))} {by_impact.get(impact, [])}")
    for violation in result["violations"]:
        print(f"  {violation['impact']} {violation['id']} ({violation['nodes']} nodes): {violation['help']}")
    return by_impact


@pytest.mark.parametrize(("width", "audited"), [(DESKTOP, True), (PHONE, True), (DESKTOP, False)])
def test_no_serious_accessibility_violation(
    browser: Browser, server: Server, width: int, audited: bool
) -> None:
    browser.width(width)
    if audited:
        upload(browser, server, PERSONA / "resume.pdf", PERSONA / "linkedin-export.zip", private_terms())
        browser.find("#doc-resume-text mark.hit").click()
    else:
        browser.driver.get(server.url)
        browser.find("#public-terms").find_element(By.XPATH, "..").find_element(
            By.TAG_NAME, "summary"
        ).click()
    violations = axe(browser)
    browser.width(DESKTOP)
    assert violations.get("critical", []) == []
    assert violations.get("serious", []) == []
