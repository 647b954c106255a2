"""Open the HTML report in headless Chromium: it renders, its script runs without errors, filters work."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from discreet.formatters import html
from discreet.formatters.options import RenderOptions
from discreet.model import Verdict
from discreet.report import Report
from test_formatters import REPO, handmade_report, persona_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install -y chromium); CI installs it"
)
SCREENSHOTS = REPO / "tests" / "screenshots"
WIDTH, HEIGHT = 1280, 2000
PHONE = 420
# Appended to a copy of the page: lists every element reaching past the viewport's edges.
MEASURE = """<script>
(function () {
  var width = document.documentElement.clientWidth, wide = [];
  document.querySelectorAll("body *").forEach(function (el) {
    var box = el.getBoundingClientRect();
    if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) {
      wide.push(el.tagName.toLowerCase() + "." + el.className + " " + Math.round(box.right));
    }
  });
  document.body.dataset.viewport = String(width);
  document.body.dataset.scroll = String(document.documentElement.scrollWidth);
  document.body.dataset.overflow = wide.join(" | ") || "none";
})();
</script>"""
# Chromium logs each console message, errors and uncaught exceptions included, as "INFO:CONSOLE".
CONSOLE = re.compile(r":CONSOLE[:(]|Uncaught")


@pytest.fixture(scope="module")
def report() -> Report:
    return handmade_report()


@pytest.fixture
def page(report: Report, tmp_path: Path) -> Path:
    path = tmp_path / "report.html"
    path.write_text(html.render(report, RenderOptions()), encoding="utf-8")
    return path


def chromium(tmp_path: Path, url: str, *flags: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium once on a URL with its own throwaway profile and no network chatter."""
    assert CHROMIUM is not None
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        "--hide-scrollbars",
        "--enable-logging=stderr",
        "--v=0",
        f"--user-data-dir={profile}",
        *flags,
        url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if CONSOLE.search(line)]


def test_page_renders_every_mark_and_its_script_runs_cleanly(
    report: Report, page: Path, tmp_path: Path
) -> None:
    done = chromium(tmp_path, page.as_uri(), "--dump-dom")
    dom = done.stdout
    assert 'data-ready="1"' in dom, "the page's script did not finish wiring the filters"
    assert console_lines(done.stderr) == []
    findings = sum(len(d.findings) for d in report.documents)
    assert len(set(re.findall(r'<mark [^>]*data-card="(card-[\d-]+)"', dom))) == findings
    assert f"{findings} of {findings} findings shown" in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "<script>alert(1)" not in dom


def test_console_errors_would_be_caught(tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><body><script>missing();</script></body>", encoding="utf-8")
    done = chromium(tmp_path, broken.as_uri(), "--dump-dom")
    assert any("Uncaught ReferenceError" in line for line in console_lines(done.stderr))


def test_filters_hide_marks_and_cards(report: Report, page: Path, tmp_path: Path) -> None:
    dom = chromium(tmp_path, page.as_uri() + "#hide=replacement,note", "--dump-dom").stdout
    assert 'data-ready="1"' in dom
    for tag in ("mark", "article"):
        for attributes in re.findall(rf"<{tag} ([^>]*data-verdict[^>]*)>", dom):
            attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', attributes))
            hidden = attrs["data-verdict"] == Verdict.REPLACEMENT or attrs["data-category"] == "note"
            assert ("off" in attrs["class"].split()) is hidden, attributes
    shown = sum(
        1
        for d in report.documents
        for f in d.findings
        if f.verdict is not Verdict.REPLACEMENT and f.finding.category.value != "note"
    )
    total = sum(len(d.findings) for d in report.documents)
    assert f"{shown} of {total} findings shown" in dom


@pytest.mark.parametrize("name", ["handmade", "persona"])
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_screenshot_for_a_person_to_look_at(name: str, device: str, tmp_path: Path) -> None:
    report = handmade_report() if name == "handmade" else persona_report()
    page = html.render(report, RenderOptions())
    if device == "phone":
        path, flags = phone(tmp_path, page), ["--allow-file-access-from-files", f"--window-size=500,{HEIGHT}"]
    else:
        path, flags = tmp_path / "report.html", [f"--window-size={WIDTH},{HEIGHT}"]
        path.write_text(page, encoding="utf-8")
    shot = tmp_path / "report.png"
    done = chromium(tmp_path, path.as_uri(), f"--screenshot={shot}", *flags)
    assert console_lines(done.stderr) == []
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert struct.unpack(">II", data[16:24]) == (WIDTH if device == "desktop" else 500, HEIGHT)
    # A blank page compresses to a few kilobytes; a rendered report with text and colour does not.
    assert len(data) > 50_000
    SCREENSHOTS.mkdir(exist_ok=True)
    shutil.copyfile(shot, SCREENSHOTS / f"{name}-{device}.png")


def phone(tmp_path: Path, page: str) -> Path:
    """The page, measuring itself, inside a frame as wide as a phone: headless windows are 500 px at least."""
    inner = tmp_path / "inner.html"
    inner.write_text(page.replace("</body>", MEASURE + "\n</body>"), encoding="utf-8")
    outer = tmp_path / "phone.html"
    outer.write_text(
        '<!DOCTYPE html><html><body style="margin:0;background:#888">'
        f'<iframe id="phone" src="{inner.name}" style="border:0;width:{PHONE}px;height:{HEIGHT}px"></iframe>'
        '<script>window.addEventListener("load", function () {'
        ' var inner = document.getElementById("phone").contentDocument.body.dataset;'
        " Object.keys(inner).forEach(function (k) { document.body.dataset[k] = inner[k]; });"
        "});</script></body></html>",
        encoding="utf-8",
    )
    return outer


def measured(tmp_path: Path, page: str) -> dict[str, str]:
    """The page at a phone's width: the viewport, the scrolled width and the elements past the edges."""
    outer = phone(tmp_path, page)
    dom = chromium(tmp_path, outer.as_uri(), "--dump-dom", "--allow-file-access-from-files").stdout
    body = re.search(r"<body ([^>]*)>", dom)
    assert body is not None, dom[:500]
    return dict(re.findall(r'data-([\w-]+)="([^"]*)"', body.group(1)))


@pytest.mark.parametrize("name", ["handmade", "persona"])
@pytest.mark.parametrize("mask", [False, True], ids=["plain", "masked"])
def test_nothing_overflows_a_phone_screen(name: str, mask: bool, tmp_path: Path) -> None:
    report = handmade_report() if name == "handmade" else persona_report()
    seen = measured(tmp_path, html.render(report, RenderOptions(mask=mask)))
    assert seen["viewport"] == str(PHONE)
    assert (seen["overflow"], seen["scroll"]) == ("none", str(PHONE))


def test_the_overflow_check_would_catch_a_wide_element(tmp_path: Path) -> None:
    page = '<!DOCTYPE html><html><body><div style="width:900px">wide</div></body></html>'
    seen = measured(tmp_path, page)
    assert seen["overflow"] == "div. 908"
