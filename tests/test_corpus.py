"""Every real document in the shared corpus is either read or refused with one clear line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED
from discreet.errors import InputError, NoTextError, UnsupportedFormatError
from discreet.model import DocumentKind, Format, Limits
from discreet.read import expand, read

CORPUS = SHARED / "corpus"
SCANNED = {
    "livecareer_BUSINESS-DEVELOPMENT_12632728.pdf",
    "r2w_Finance_Accounting_(1).pdf",
    "r2w_Marketing_Advertising_.pdf",
    "r2w_entry-level-project-manager-resume-example.pdf",
}
# JSON files beside LinkedIn PDFs are other tools' parse results, and schema.json is a JSON schema.
NOT_PROFILES = {"schema.json"}


def corpus_inputs() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(expand([CORPUS / "resumes", CORPUS / "profiles"], Limits()))


@pytest.mark.parametrize("path", corpus_inputs(), ids=lambda p: str(p.relative_to(CORPUS)))
def test_corpus_document_is_read_or_refused_clearly(path: Path, shared: Path) -> None:
    try:
        document = read(path, Limits())
    except InputError as error:
        assert str(error).startswith(f"{path}: ")
        if path.name in SCANNED:
            assert isinstance(error, NoTextError)
            assert "looks scanned" in str(error)
        elif path.suffix == ".doc":
            assert isinstance(error, UnsupportedFormatError)
        else:
            assert path.suffix == ".json", f"only JSON that is not a resume may be refused: {error}"
        return
    assert path.name not in SCANNED and path.suffix != ".doc"
    assert document.text.strip()
    assert all(document.text[s.start : s.end] == s.text for s in document.segments)


def test_linkedin_exports_are_profiles(shared: Path) -> None:
    folders = sorted((shared / "corpus" / "profiles" / "linkedin-export").iterdir())
    documents = [
        read(folder, Limits()) for folder in folders if folder.name != "JMPerez-linkedin-api-v1-2015"
    ]
    assert {(d.kind, d.format) for d in documents} == {(DocumentKind.PROFILE, Format.LINKEDIN_EXPORT)}


def test_linkedin_pdfs_are_recognised_as_profiles(shared: Path) -> None:
    pdfs = sorted((shared / "corpus" / "profiles" / "linkedin-pdf").rglob("*.pdf"))
    assert {read(p, Limits()).format for p in pdfs} == {Format.LINKEDIN_PDF}


def test_whole_corpus_batch_runs_without_a_traceback(shared: Path, tmp_path: Path) -> None:
    report_path = tmp_path / "report.json"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "discreet",
            "audit",
            str(shared / "corpus" / "resumes"),
            "--format",
            "json",
            "--output",
            str(report_path),
            "--jobs",
            "2",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    refused = sorted(Path(line.split(": ")[1]).name for line in done.stderr.splitlines())
    # bsdpunk_res.json is hand-written JSON with a syntax error: refused with its line and column.
    assert refused == sorted([*SCANNED, "perminderklair_resume.doc", "bsdpunk_res.json"])
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert len(report["documents"]) == len(list(expand([shared / "corpus" / "resumes"], Limits()))) - 6
