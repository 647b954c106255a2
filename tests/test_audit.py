"""The pipeline as a library: batches in parallel, time limits, profiles, verdicts."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from discreet import audit as audit_module
from discreet.audit import Settings, audit, pairing_key
from discreet.cli import main
from discreet.errors import UsageError
from discreet.model import Document, DocumentKind, Limits
from discreet.packs import all_rules, builtin_rules_dir, load_packs
from discreet.report import DocumentReport, Failure

RULES = all_rules(load_packs([builtin_rules_dir()]))


def write_batch(folder: Path) -> list[Path]:
    paths = []
    for index in range(4):
        path = folder / f"client-{index}.txt"
        path.write_text(f"Client {index}\nPhone: (312) 555-01{index:02d}\n", encoding="utf-8")
        paths.append(path)
    (folder / "broken.pdf").write_bytes(b"not a pdf")
    return paths


def summary(report_documents: tuple[DocumentReport, ...]) -> list[tuple[str, list[tuple[int, int, str]]]]:
    return [
        (Path(d.document.path).name, [(f.finding.start, f.finding.end, f.finding.rule) for f in d.findings])
        for d in report_documents
    ]


def test_parallel_batch_equals_serial_batch(tmp_path: Path) -> None:
    write_batch(tmp_path)
    serial = audit([tmp_path], Settings(RULES), jobs=1)
    parallel = audit([tmp_path], Settings(RULES), jobs=2)
    assert summary(parallel.documents) == summary(serial.documents)
    assert [d.document.path for d in serial.documents] == [
        str(tmp_path / f"client-{i}.txt") for i in range(4)
    ]
    assert serial.failures == parallel.failures
    assert [f.path for f in serial.failures] == [str(tmp_path / "broken.pdf")]


def test_progress_is_reported_once_per_input(tmp_path: Path) -> None:
    write_batch(tmp_path)
    seen: list[tuple[str, int]] = []
    audit(
        [tmp_path], Settings(RULES), jobs=1, on_done=lambda path, total: seen.append((Path(path).name, total))
    )
    assert seen == [("broken.pdf", 5), *((f"client-{i}.txt", 5) for i in range(4))]


@pytest.mark.parametrize("jobs", [1, 2])
def test_each_result_is_handed_over_once_as_its_input_finishes(tmp_path: Path, jobs: int) -> None:
    write_batch(tmp_path)
    results: list[DocumentReport | Failure] = []
    report = audit([tmp_path], Settings(RULES), jobs=jobs, on_result=results.append)
    assert sorted(map(id, results)) == sorted(map(id, (*report.documents, *report.failures)))


def test_a_slow_document_is_stopped_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = write_batch(tmp_path)
    real_read = audit_module.read

    def slow_read(path: Path, limits: Limits) -> Document:
        if path.name == "client-1.txt":
            time.sleep(5)
        return real_read(path, limits)

    monkeypatch.setattr(audit_module, "read", slow_read)
    started = time.monotonic()
    report = audit(paths, Settings(RULES, time_limit=0.3), jobs=1)
    assert time.monotonic() - started < 3
    assert [Path(d.document.path).name for d in report.documents] == [
        "client-0.txt",
        "client-2.txt",
        "client-3.txt",
    ]
    assert report.failures == (
        Failure(
            str(paths[1]), f"{paths[1]}: took longer than 0.3 s and was skipped; raise it with --timeout"
        ),
    )


SLOW_PACK = (
    '[pack]\nid = "slow"\n[[rules]]\nid = "slow.backtrack"\ncategory = "confidential"\n'
    'title = "Backtracks"\nwhy = "A test."\nadvice = "None."\ntimeout = 0.2\n'
    "patterns = ['''(a|aa)+$''']\n"
)


def test_a_rule_past_its_limit_fails_its_document_and_the_batch_goes_on(tmp_path: Path) -> None:
    paths = write_batch(tmp_path)
    paths[2].write_text("Client 2\n" + "a" * 40 + "!", encoding="utf-8")
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "slow.toml").write_text(SLOW_PACK, encoding="utf-8")
    report = audit(paths, Settings((*RULES, *all_rules(load_packs([packs])))), jobs=1)
    assert [Path(d.document.path).name for d in report.documents] == [
        "client-0.txt",
        "client-1.txt",
        "client-3.txt",
    ]
    assert all(d.warnings == () for d in report.documents)
    assert report.failures == (
        Failure(
            str(paths[2]),
            f"{paths[2]}: rule slow.backtrack ran past its 0.2 s limit, so this document was not audited; "
            "simplify the rule's patterns or raise its timeout (seconds, in its pack)",
        ),
    )


def test_a_rule_past_its_limit_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    resume = tmp_path / "resume.txt"
    resume.write_text("a" * 40 + "!", encoding="utf-8")
    (tmp_path / "slow.toml").write_text(SLOW_PACK, encoding="utf-8")
    code = main(["audit", str(resume), "--rules", str(tmp_path), "--format", "json"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines() == [
        f"discreet: {resume}: rule slow.backtrack ran past its 0.2 s limit, so this document was not "
        "audited; simplify the rule's patterns or raise its timeout (seconds, in its pack)"
    ]


def test_profile_option_marks_the_document_as_profile(tmp_path: Path) -> None:
    resume, profile = write_batch(tmp_path)[:2]
    report = audit([resume], Settings(RULES), profiles=[profile])
    assert [d.document.kind for d in report.documents] == [DocumentKind.RESUME, DocumentKind.PROFILE]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("dana.pdf", "dana"),
        ("Dana-LinkedIn.zip", "dana"),
        ("dana_profile.json", "dana"),
        ("dana.linkedin.pdf", "dana"),
        ("dana-linkedin", "dana"),
        ("linkedin.pdf", "linkedin"),
        ("dana.resume.docx", "dana"),
    ],
)
def test_pairing_key(name: str, key: str) -> None:
    assert pairing_key(Path(name)) == key


def test_pairs_by_name_in_a_caseload_folder(tmp_path: Path) -> None:
    for name in ("ann.txt", "ann-linkedin.txt", "bo.txt", "cy.txt", "cy_profile.txt"):
        (tmp_path / name).write_text("Grew revenue to $4.2M\n", encoding="utf-8")
    report = audit([tmp_path], Settings(RULES), pair_by_name=True)
    assert [(Path(c.resume_path).name, Path(c.profile_path).name) for c in report.comparisons] == [
        ("ann.txt", "ann-linkedin.txt"),
        ("cy.txt", "cy_profile.txt"),
    ]


def test_one_profile_per_resume_in_order(tmp_path: Path) -> None:
    paths = write_batch(tmp_path)
    report = audit(paths[:2], Settings(RULES), profiles=paths[2:4])
    assert [(Path(c.resume_path).name, Path(c.profile_path).name) for c in report.comparisons] == [
        ("client-0.txt", "client-2.txt"),
        ("client-1.txt", "client-3.txt"),
    ]


def test_profile_count_must_fit_the_resumes(tmp_path: Path) -> None:
    paths = write_batch(tmp_path)
    with pytest.raises(UsageError, match="3 --profile options for 1 resumes"):
        audit(paths[:1], Settings(RULES), profiles=paths[1:4])
