"""A command loads only what its input needs: the imports that dominate start-up stay behind their formats."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PERSONA = Path(__file__).resolve().parents[1] / "fixtures" / "persona"
# Run in process (no worker), so that what the audit itself imports is seen in this interpreter.
AUDIT = """
import sys
import discreet.audit
from discreet.cli import app
discreet.audit.can_isolate = lambda: False
sys.argv = ["discreet", "audit", "--format", "json", sys.argv[1]]
try:
    app()
except SystemExit:
    pass
sys.stderr.write(" ".join(sorted(sys.modules)))
"""
# Each costs tens of milliseconds to import and serves only some inputs or commands.
HEAVY = {
    "docx": "python-docx, for Word files",
    "lxml": "lxml, for Word files",
    "pypdfium2": "PDFium, for PDF files",
    "pdfplumber": "pdfplumber, the tests' PDF reference",
    "phonenumbers": "phonenumbers, for numbers written with a country code",
    "discreet.parsers.wordopen": "the Word reader",
    "discreet.parsers.pdfglyphs": "the PDF reader",
    "discreet.compare": "the comparison, for a resume with a profile",
    "discreet.writers": "the writers of public-safe copies, for fix",
    "discreet.safecopy": "fix",
    "starlette": "the web page, for serve",
    "tomllib": "the TOML reader, for a config file or a user's own pack",
}


def loaded_by_audit(name: str, folder: Path) -> set[str]:
    """The modules an audit of the persona's file loads, run from a folder with no config file."""
    done = subprocess.run(
        [sys.executable, "-c", AUDIT, str(PERSONA / name)],
        capture_output=True,
        text=True,
        check=False,
        cwd=folder,
    )
    return set(done.stderr.split())


def test_a_text_audit_loads_no_reader_of_another_format_and_nothing_fix_or_serve_need(tmp_path: Path) -> None:
    loaded = loaded_by_audit("resume.txt", tmp_path)
    assert "discreet.rewrite" in loaded, "the audit did not run"
    assert {name: why for name, why in HEAVY.items() if name in loaded} == {}


@pytest.mark.parametrize(
    ("name", "needed"),
    [
        ("resume.docx", {"docx", "discreet.parsers.wordopen"}),
        ("resume.pdf", {"pypdfium2", "discreet.parsers.pdfglyphs"}),
    ],
)
def test_a_document_loads_the_reader_of_its_own_format(name: str, needed: set[str], tmp_path: Path) -> None:
    loaded = loaded_by_audit(name, tmp_path)
    assert needed <= loaded
    assert "discreet.compare" not in loaded
