"""examples/dask_archive.py: an archive audited on a local Dask cluster gives the in-process aggregate."""

from __future__ import annotations

import importlib
import json
import pickle
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from conftest import FIXTURES, REPO, run

pytest.importorskip("distributed", reason="the Dask example needs the scale extra: pip install -e '.[scale]'")
from distributed import Client

TERMS = FIXTURES / "persona" / "private-terms.txt"


def _example() -> ModuleType:
    """The example as a module: a script under examples/, put on the path that spawned workers inherit."""
    sys.path.insert(0, str(REPO / "examples"))
    return importlib.import_module("dask_archive")


example = _example()


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive of the persona's documents (every format, a LinkedIn export folder) and unreadable files."""
    folder = tmp_path_factory.mktemp("archive")
    for source in [*(FIXTURES / "persona").iterdir(), *(FIXTURES / "bad").iterdir()]:
        if source.is_dir():
            shutil.copytree(source, folder / source.name)
        else:
            shutil.copy(source, folder / source.name)
    return folder


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    cluster = example.local_cluster(2)
    assert len(cluster.workers) == 2
    with Client(cluster) as connected:
        yield connected
    cluster.close()


def test_the_cluster_gives_the_in_process_aggregate_exactly(
    archive: Path, client: Client, capsys: pytest.CaptureFixture[str]
) -> None:
    code, expected, _ = run(
        ["audit", str(archive), "--format", "aggregate", "--private-terms", str(TERMS)], capsys
    )
    assert code == 2  # findings, and files that could not be read
    counts = example.audit_archive(client, archive, example._terms(TERMS))
    assert example.aggregate(counts) == expected
    totals = json.loads(expected)
    # Every reader took part: documents of seven formats, unreadable files, findings of several rules.
    assert (totals["documents"], totals["unreadable"], len(totals["formats"])) == (10, 9, 7)
    assert totals["findings"] > 20


def test_nothing_the_workers_return_holds_matched_text_or_a_path(archive: Path, client: Client) -> None:
    terms = example._terms(TERMS)
    tasks = example.entries(archive)
    sent = pickle.dumps(client.gather(client.map(example.audit_entry, tasks, private_terms=terms)))
    # Asked for, the reports do leave the workers, with every matched text (so the check can fail).
    reports = client.gather(client.map(example.audit_entry_reports, tasks, private_terms=terms))
    texts = {f.finding.text for report in reports for document in report.documents for f in document.findings}
    assert len(texts) > 10
    assert all(text.encode() in pickle.dumps(reports) for text in texts)
    assert [text for text in texts if text.encode() in sent] == []
    assert str(archive).encode() not in sent


def test_entries_are_the_documents_and_folders_discreet_takes_from_a_folder(archive: Path) -> None:
    (archive / "notes.xlsx").write_bytes(b"not a document discreet reads")
    (archive / ".hidden.pdf").write_bytes(b"%PDF-1.7")
    try:
        names = [Path(entry).name for entry in example.entries(archive)]
    finally:
        (archive / "notes.xlsx").unlink()
        (archive / ".hidden.pdf").unlink()
    assert names == [
        "corrupt.docx", "empty.txt", "encrypted.pdf", "legacy.doc", "linkedin-export", "linkedin-export.zip",
        "linkedin-profile.pdf", "notes.odt", "picture.png", "private-terms.txt", "public-terms.txt",
        "resume.docx", "resume.json", "resume.md", "resume.pdf", "resume.txt", "scanned.pdf", "truncated.pdf",
        "truncated.zip",
    ]  # fmt: skip
