"""Audit the page's uploads as `discreet audit` does: each document in a worker bounded in time and memory."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TypeVar

from discreet.api import audit_text
from discreet.audit import Settings, audit_input
from discreet.compare import compare
from discreet.errors import DiscreetError, NoTextError
from discreet.model import Destination, DocumentKind
from discreet.packs import Rule
from discreet.read import Piped
from discreet.report import DocumentReport, Failure, Report
from discreet.safecopy import Fixed, fix
from discreet.web.uploads import Upload, in_memory, needs_folder, private_folder, written
from discreet.workers import Loss, Lost, WorkerLimits, can_isolate, run_isolated
from discreet.zygote import Zygote

Task = tuple[Path | Piped, bool]
Outcome = DocumentReport | Failure | Lost
Job = TypeVar("Job")
Result = TypeVar("Result")
# A sample that wakes every part of the pipeline before the first upload, so workers fork ready.
_SAMPLE = "Revenue grew 12% to $4.2M for Acme Corp; call 555-0100."


class DocumentError(DiscreetError):
    """A document that could not be audited; the message is the line `discreet audit` prints for it."""


class TimeLimitError(DiscreetError):
    """A document that took longer than the server's --timeout."""


class MemoryLimitError(DiscreetError):
    """A document that needed more memory than the server's --max-memory-mb: its limit, not bad input."""


@dataclass(frozen=True, slots=True)
class Audited:
    """The report of one request, and its resume's and profile's parts of it."""

    report: Report
    resume: DocumentReport
    profile: DocumentReport | None


def prepare(rules: Sequence[Rule]) -> None:
    """Compile every pattern and build the detectors' indexes here, so workers forked after start ready."""
    for rule in rules:
        _ = rule.patterns
        for words in (rule.context, rule.exclude):
            if words is not None:
                words.search("")
    audit_text(_SAMPLE, rules=rules)


def audit_uploads(
    resume: Upload,
    profile: Upload | None,
    settings: Settings,
    scratch: Path | None = None,
    zygote: Zygote | None = None,
) -> Audited:
    """Audit the resume and the profile side by side, then compare them; raise on the first that fails.

    Files are read from memory, but for a LinkedIn export, which is written to a private folder
    under scratch (the system's temporary folder when None) and deleted before this returns.
    Workers are forked by zygote; without one, from this process, which must then run no other thread.
    """
    uploads = [resume, *([profile] if profile is not None else [])]
    for upload in uploads:
        if not upload.data:
            raise NoTextError(upload.name, "is empty", "choose the file again")
    on_disk = [needs_folder(upload) for upload in uploads]
    with ExitStack() as stack:
        folder = stack.enter_context(private_folder(scratch)) if any(on_disk) else None
        tasks: list[Task] = [
            (written(upload, folder) if folder and disk else in_memory(upload), index > 0)
            for index, (upload, disk) in enumerate(zip(uploads, on_disk, strict=True))
        ]
        outcomes = _run(tasks, settings, zygote)
    reports = [_checked(outcome, task, settings) for outcome, task in zip(outcomes, tasks, strict=True)]
    audited = [_named(report, upload.name) for report, upload in zip(reports, uploads, strict=True)]
    first, second = audited[0], (audited[1] if len(audited) > 1 else None)
    paired = second is not None and first.document.kind is DocumentKind.RESUME
    comparisons = (compare(first, second),) if second is not None and paired else ()
    report = Report(tuple(audited), (), settings.rules, comparisons)
    return Audited(report, first, second)


def _run(tasks: Sequence[Task], settings: Settings, zygote: Zygote | None) -> list[Outcome]:
    """Each task in its own forked worker, killed past the time limit; in this process where none can fork."""
    work = partial(audit_input, settings=settings)
    if not can_isolate():
        return [work(task) for task in tasks]
    return _isolated(zygote, tasks, work, _lost, settings)


def _isolated(
    zygote: Zygote | None,
    tasks: Sequence[Job],
    work: Callable[[Job], Result],
    lost: Callable[[Job, Lost], Result],
    settings: Settings,
) -> list[Result]:
    """run_isolated with the settings' limits, one worker per task, forked by zygote when there is one."""
    limits = WorkerLimits(settings.time_limit, settings.memory_limit)
    run = zygote.run_isolated if zygote is not None else run_isolated
    return run(tasks, work, lost, jobs=len(tasks), limits=limits)


def _lost(_task: Task, lost: Lost) -> Outcome:
    return lost


def _checked(outcome: Outcome, task: Task, settings: Settings) -> DocumentReport:
    """The document's report, or the error that says why there is none."""
    source = task[0]
    if isinstance(outcome, DocumentReport):
        return outcome
    if isinstance(outcome, Failure) and outcome.out_of_memory and settings.memory_limit > 0:
        raise _memory_error(source.name, settings, "was not audited, as it went past")
    if isinstance(outcome, Failure):
        raise DocumentError(_unfolded(outcome.message, source))
    raise _lost_error(
        source.name, outcome, settings, ("took longer", "was not audited", "stopped its reader")
    )


def _lost_error(name: str, lost: Lost, settings: Settings, words: tuple[str, str, str]) -> DiscreetError:
    """The error for a worker stopped at a limit; words say what took long, what was lost, what stopped."""
    took, lost_what, stopped = words
    if lost.loss is Loss.TIMEOUT:
        return TimeLimitError(
            f"{name}: {took} than {settings.time_limit:g} s and {lost_what}; "
            "if you trust this file, start discreet serve with a larger --timeout"
        )
    if settings.memory_limit <= 0:
        return DocumentError(
            f"{name}: {stopped} (exit code {lost.exit_code}); please report it with the steps that led to it"
        )
    return _memory_error(name, settings, f"{stopped} (exit code {lost.exit_code}), most likely past")


def _memory_error(name: str, settings: Settings, how: str) -> MemoryLimitError:
    """The error for a document stopped at the memory limit; how says what happened up to the limit."""
    return MemoryLimitError(
        f"{name}: {how} the {settings.memory_limit // 2**20} MB memory limit; "
        "if you trust this file, start discreet serve with a larger --max-memory-mb"
    )


def _named(report: DocumentReport, name: str) -> DocumentReport:
    """The report calling its document by the upload's name, never by where the server put it."""
    document = report.document
    if document.path == name:
        return report
    notes = tuple(note.replace(document.path, name) for note in document.notes)
    return replace(report, document=replace(document, path=name, notes=notes))


def _unfolded(message: str, source: Path | Piped) -> str:
    """A message with the private folder's path cut down to the upload's own name."""
    return message if isinstance(source, Piped) else message.replace(str(source), source.name)


def fix_upload(
    report: DocumentReport,
    data: bytes,
    destination: Destination,
    settings: Settings,
    zygote: Zygote | None = None,
) -> Fixed:
    """The safe copy of an audited upload, made in a worker bounded in time and memory like its audit.

    A copy reads and rewrites the file again (a PDF's content streams, a Word file's parts), so a
    hostile file that passed its audit could still hang here. The worker is forked as audit_uploads says.
    """
    task = (report, data, destination)
    if not can_isolate():
        return _fixed(task)
    [outcome] = _isolated(zygote, [task], _fixed, _lost_copy, settings)
    if isinstance(outcome, Fixed):
        return outcome
    name = Path(report.document.path).name
    raise _lost_error(
        name, outcome, settings, ("its copy took longer", "was not made", "stopped while making its copy")
    )


def _fixed(task: tuple[DocumentReport, bytes, Destination]) -> Fixed:
    return fix(*task)


def _lost_copy(_task: tuple[DocumentReport, bytes, Destination], lost: Lost) -> Fixed | Lost:
    return lost
