"""The whole pipeline: read each input, detect, classify, advise; in parallel for a batch."""

from __future__ import annotations

import signal
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from itertools import repeat
from pathlib import Path
from types import FrameType

from discreet.advise import advise
from discreet.classify import classify, finding_verdict
from discreet.compare import compare
from discreet.detect import Terms, detect
from discreet.errors import InputError, RuleTimeoutError, UsageError
from discreet.model import Document, DocumentKind, Finding, Limits, Location, TextLocation
from discreet.packs import Rule
from discreet.privateterm import rules_by_id
from discreet.read import expand, read
from discreet.report import Advice, DocumentReport, Failure, LocatedFinding, Report

OnDone = Callable[[str, int], None]


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a worker needs to audit one input the same way as every other."""

    rules: tuple[Rule, ...]
    terms: Terms = Terms()
    limits: Limits = Limits()
    time_limit: float = 0.0


class DocumentTimeout(Exception):
    """One document took longer than the per-document time limit."""


def audit(
    paths: Sequence[Path],
    settings: Settings,
    *,
    profiles: Sequence[Path] = (),
    pair_by_name: bool = False,
    jobs: int = 1,
    on_done: OnDone | None = None,
) -> Report:
    """Audit every document named by paths and profiles, then compare each resume with its profile."""
    if len(profiles) > 1 and len(profiles) != len(paths):
        raise UsageError(
            f"{len(profiles)} --profile options for {len(paths)} resumes: give one profile for all, "
            "or one per resume in the same order"
        )
    owners = [(path, index) for index, path in enumerate(paths) for path in expand([path], settings.limits)]
    inputs = [(path, False) for path, _ in owners] + [(path, True) for path in profiles]
    results = list(_run(inputs, settings, jobs, on_done))
    documents = tuple(r for r in results if isinstance(r, DocumentReport))
    failures = tuple(r for r in results if isinstance(r, Failure))
    by_path = {d.document.path: d for d in documents}
    pairs = _pairs_by_option(owners, profiles, by_path)
    if pair_by_name:
        named = [r for (_, is_profile), r in zip(inputs, results, strict=True) if not is_profile]
        pairs += _pairs_by_name([r for r in named if isinstance(r, DocumentReport)])
    comparisons = tuple(compare(resume, profile) for resume, profile in pairs)
    return Report(documents, failures, settings.rules, comparisons)


PROFILE_SUFFIXES = ("linkedin", "profile")


def _pairs_by_option(
    owners: Sequence[tuple[Path, int]], profiles: Sequence[Path], by_path: Mapping[str, DocumentReport]
) -> list[tuple[DocumentReport, DocumentReport]]:
    """One --profile pairs with every resume; several pair with the resume arguments in order."""
    pairs = []
    for path, index in owners:
        profile_path = profiles[0] if len(profiles) == 1 else profiles[index] if profiles else None
        resume, profile = by_path.get(str(path)), by_path.get(str(profile_path))
        if resume is not None and profile is not None and resume.document.kind is DocumentKind.RESUME:
            pairs.append((resume, profile))
    return pairs


def pairing_key(path: Path) -> str:
    """The name a resume and its profile share: 'dana.pdf' and 'dana-linkedin.zip' both give 'dana'."""
    stem = _stem(path)
    for suffix in PROFILE_SUFFIXES:
        for joint in (".", "-", "_", " "):
            if stem.endswith(joint + suffix):
                return stem[: -len(joint + suffix)]
    return stem


def _stem(path: Path) -> str:
    return path.name.split(".")[0].casefold()


def _pairs_by_name(documents: Sequence[DocumentReport]) -> list[tuple[DocumentReport, DocumentReport]]:
    """Pair each resume with the profile whose file name carries the same key (see pairing_key)."""
    profiles: dict[str, DocumentReport] = {}
    for report in documents:
        path = Path(report.document.path)
        key = pairing_key(path)
        if report.document.kind is DocumentKind.PROFILE or key != _stem(path):
            profiles.setdefault(key, report)
    pairs = []
    for report in documents:
        path = Path(report.document.path)
        profile = profiles.get(pairing_key(path))
        if report.document.kind is DocumentKind.RESUME and profile is not None and profile is not report:
            pairs.append((report, profile))
    return pairs


def _run(
    inputs: list[tuple[Path, bool]], settings: Settings, jobs: int, on_done: OnDone | None
) -> Iterator[DocumentReport | Failure]:
    paths, flags = [path for path, _ in inputs], [is_profile for _, is_profile in inputs]
    with ExitStack() as stack:
        if jobs > 1 and len(inputs) > 1:
            pool = stack.enter_context(ProcessPoolExecutor(max_workers=min(jobs, len(inputs))))
            results = pool.map(audit_path, paths, flags, repeat(settings))
        else:
            results = map(audit_path, paths, flags, repeat(settings))
        for path, result in zip(paths, results, strict=True):
            if on_done:
                on_done(str(path), len(inputs))
            yield result


def audit_path(path: Path, is_profile: bool, settings: Settings) -> DocumentReport | Failure:
    """Read and audit one input; an unreadable or overlong one, or a rule past its limit, is a Failure."""
    try:
        with _time_limit(settings.time_limit):
            document = read(path, settings.limits)
            if is_profile:
                document = replace(document, kind=DocumentKind.PROFILE)
            return audit_document(document, settings.rules, settings.terms)
    except (InputError, RuleTimeoutError) as error:
        return Failure(str(path), str(error))
    except DocumentTimeout:
        return Failure(
            str(path),
            f"{path}: took longer than {settings.time_limit:g} s and was skipped; raise it with --timeout",
        )


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    # SIGALRM interrupts pure-Python work and returns between PDFium calls; only the main
    # thread of a process may set it, which holds for the CLI and for each pool worker.
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def audit_document(document: Document, rules: Sequence[Rule], terms: Terms = Terms()) -> DocumentReport:
    """Detect, locate and classify the findings of one parsed document."""
    detection = detect(document, rules, terms)
    by_id = rules_by_id(rules)
    advice = _advice_by_finding(document, detection.findings, by_id, terms)
    located = tuple(
        replace(locate(document, f), verdict=finding_verdict(f, by_id), advice=advice[i])
        for i, f in enumerate(detection.findings)
    )
    return DocumentReport(document, located, verdicts=classify(document, detection.findings, by_id))


def _advice_by_finding(
    document: Document, findings: Sequence[Finding], rules: Mapping[str, Rule], terms: Terms
) -> list[Advice]:
    """Advise on each finding, rewriting every segment once with all of its findings."""
    by_segment: dict[int, list[int]] = defaultdict(list)
    for index, finding in enumerate(findings):
        by_segment[document.segment_at(finding.start).start].append(index)
    advice: dict[int, Advice] = {}
    for start, indexes in by_segment.items():
        segment = document.segment_at(start)
        advice.update(
            zip(
                indexes,
                advise(segment.text, [findings[i] for i in indexes], rules, start, terms.stand_in),
                strict=True,
            )
        )
    return [advice[index] for index in range(len(findings))]


def locate(document: Document, finding: Finding) -> LocatedFinding:
    """Place a finding in the segment that holds its start, down to the column for text files."""
    segment = document.segment_at(finding.start)
    location: Location = segment.location
    if isinstance(location, TextLocation):
        location = replace(location, column=finding.start - segment.start + 1)
    return LocatedFinding(finding, location, segment.section, segment.hidden, segment.text, segment.start)
