"""Print median ms per page of three ways to read PDF text, and their ratios: bench/pdf.py [DIR]."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from discreet.errors import NoTextError
from discreet.model import Limits
from discreet.parsers.pdf import parse

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIR = REPO.parent / "shared" / "corpus" / "resumes" / "pdf"
# pdfplumber costs about half a second a page: time only its first pages to keep the run short.
PLUMBER_PAGES = 2
ROUNDS = 3


def page_count(path: Path) -> int:
    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


def pdfium_raw(path: Path) -> None:
    """Read every page's raw text with PDFium."""
    pdf = pdfium.PdfDocument(path)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        pdf.close()


def ours(path: Path) -> None:
    """Parse with discreet."""
    parse(path, Limits())


def plumber(path: Path) -> None:
    """Extract the first pages' text with pdfplumber."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages[:PLUMBER_PAGES]:
            page.extract_text()


def per_page(read: Callable[[Path], None], path: Path, pages: int, rounds: int) -> float:
    """Return the best of a few runs, in ms per page."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        read(path)
        best = min(best, (time.perf_counter() - start) * 1000 / pages)
    return best


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR
    files = sorted(folder.glob("*.pdf"))
    if not files:
        print(f"no PDFs in {folder}", file=sys.stderr)
        return 2
    timings: dict[str, list[float]] = {
        "pdfplumber extract_text": [],
        "pypdfium2 get_text_range": [],
        "discreet parse": [],
    }
    for path in files:
        pages = page_count(path)
        try:
            ours_ms = per_page(ours, path, pages, ROUNDS)
        except NoTextError:
            continue  # scanned: no text for any route to read
        timings["discreet parse"].append(ours_ms)
        timings["pypdfium2 get_text_range"].append(per_page(pdfium_raw, path, pages, ROUNDS))
        timings["pdfplumber extract_text"].append(per_page(plumber, path, min(pages, PLUMBER_PAGES), 1))
    medians = {name: statistics.median(values) for name, values in timings.items()}
    print(f"{len(timings['discreet parse'])} PDFs with text in {folder}")
    for name, value in medians.items():
        print(f"  {name:<26} {value:8.2f} ms/page (median)")
    ours_ms = medians["discreet parse"]
    print(f"  ours / pdfium        {ours_ms / medians['pypdfium2 get_text_range']:6.2f}x")
    print(f"  pdfplumber / ours    {medians['pdfplumber extract_text'] / ours_ms:6.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
