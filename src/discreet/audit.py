"""The whole pipeline: read each input, detect, classify, advise; in parallel for a batch."""

from __future__ import annotations

import signal
import traceback
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from discreet.classify import classify, finding_verdict
from discreet.detect import Terms, detect
from discreet.errors import InputError, RuleTimeoutError, UsageError
from discreet.model import Advice, Document, DocumentKind, Finding, Limits, Verdict
from discreet.packs import Rule
from discreet.privateterm import rules_by_id
from discreet.read import Piped, expand, is_resume, read
from discreet.report import Comparison, DocumentReport, Failure, LocatedFinding, Report
from discreet.rewrite import advise
from discreet.rewrite.boundaries import sentence_at, sentence_spans
from discreet.suppress import suppress, without_directives
from discreet.workers import Loss, Lost, WorkerLimits, can_isolate, run_isolated

OnDone = Callable[[str, int], None]
OnResult = Callable[[DocumentReport | Failure], None]
Source = Path | Piped


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a worker needs to audit one input the same way as every other."""

    rules: tuple[Rule, ...]
    terms: Terms = Terms()
    limits: Limits = Limits()
    time_limit: float = 0.0
    memory_limit: int = 1024 * 2**20


def audit(
    paths: Sequence[Source],
    settings: Settings,
    *,
    profiles: Sequence[Path] = (),
    pair_by_name: bool = False,
    jobs: int = 1,
    on_done: OnDone | None = None,
    on_result: OnResult | None = None,
    only_resumes: bool = False,
) -> Report:
    """Audit every document named by paths and profiles, then compare each resume with its profile.

    on_done hears of each input as it finishes (its path and the total); on_result gets its result.
    With only_resumes, files of paths that cannot be resumes (see read.is_resume) are skipped and
    listed in Report.skipped.
    """
    if len(profiles) > 1 and len(profiles) != len(paths):
        raise UsageError(
            f"{len(profiles)} --profile options for {len(paths)} resumes: give one profile for all, "
            "or one per resume in the same order"
        )
    expanded = [(found, i) for i, path in enumerate(paths) for found in _expand(path, settings.limits)]
    unread = [path for path, _ in expanded if isinstance(path, Failure)]
    found = [(path, index) for path, index in expanded if not isinstance(path, Failure)]
    kept = [not only_resumes or isinstance(p, Piped) or is_resume(p, settings.limits) for p, _ in found]
    owners = [source for source, keep in zip(found, kept, strict=True) if keep]
    not_resumes = tuple(str(p) for (p, _), keep in zip(found, kept, strict=True) if not keep)
    inputs: list[tuple[Source, bool]] = [(path, False) for path, _ in owners] + [(p, True) for p in profiles]
    results = _run(inputs, settings, jobs, on_done, on_result) if inputs else []
    documents = tuple(r for r in results if isinstance(r, DocumentReport))
    failures = (*unread, *(r for r in results if isinstance(r, Failure)))
    by_path = {d.document.path: d for d in documents}
    pairs = _pairs_by_option(owners, profiles, by_path)
    if pair_by_name:
        named = [r for (_, is_profile), r in zip(inputs, results, strict=True) if not is_profile]
        pairs += _pairs_by_name([r for r in named if isinstance(r, DocumentReport)])
    comparisons = _compare_pairs(pairs)
    return Report(documents, failures, settings.rules, comparisons, skipped=not_resumes)


def _expand(source: Source, limits: Limits) -> Iterable[Source | Failure]:
    return [source] if isinstance(source, Piped) else expand([source], limits)


PROFILE_SUFFIXES = ("linkedin", "profile")


def _pairs_by_option(
    owners: Sequence[tuple[Source, int]], profiles: Sequence[Path], by_path: Mapping[str, DocumentReport]
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
    inputs: list[tuple[Source, bool]],
    settings: Settings,
    jobs: int,
    on_done: OnDone | None,
    on_result: OnResult | None,
) -> list[DocumentReport | Failure]:
    """Audit each input in a worker process bounded in time and memory, where the platform can fork."""

    def done(index: int, result: DocumentReport | Failure) -> None:
        if on_done:
            on_done(str(inputs[index][0]), len(inputs))
        if on_result:
            on_result(result)

    if not can_isolate():
        results: list[DocumentReport | Failure] = []
        for index, task in enumerate(inputs):
            results.append(audit_input(task, settings))
            done(index, results[-1])
        return results
    if len(inputs) > 1:
        _compile(settings.rules)

    return run_isolated(
        inputs,
        partial(audit_input, settings=settings),
        partial(_lost, settings=settings),
        jobs=jobs,
        limits=WorkerLimits(settings.time_limit, settings.memory_limit),
        on_done=done,
        cost=_size if jobs > 1 else None,
    )


def _size(task: tuple[Source, bool]) -> float:
    """A document's size on disk: the cheapest hint of how long it takes (folders count as 0)."""
    if isinstance(task[0], Piped):
        return len(task[0].data)
    try:
        return task[0].stat().st_size if task[0].is_file() else 0
    except OSError:
        return 0


def _compile(rules: Sequence[Rule]) -> None:
    """Compile every rule's patterns once, before forking, so no worker of a batch repeats it on its clock."""
    for rule in rules:
        _ = rule.patterns
        for words in (rule.context, rule.exclude):
            if words is not None:
                words.search("")


def _compare_pairs(pairs: Sequence[tuple[DocumentReport, DocumentReport]]) -> tuple[Comparison, ...]:
    """Compare each resume with its profile; the comparison is imported only when there is a pair."""
    if not pairs:
        return ()
    from discreet.compare import compare

    return tuple(compare(resume, profile) for resume, profile in pairs)


def audit_input(task: tuple[Source, bool], settings: Settings) -> DocumentReport | Failure:
    """Audit one (path, is_profile) input; see audit_path."""
    path, is_profile = task
    return audit_path(path, is_profile, settings)


def audit_path(path: Source, is_profile: bool, settings: Settings) -> DocumentReport | Failure:
    """Read and audit one input; an unreadable one, a rule past its limit or a crash is a Failure."""
    try:
        document = read(path, settings.limits)
        if is_profile:
            document = replace(document, kind=DocumentKind.PROFILE)
        return audit_document(document, settings.rules, settings.terms)
    except (InputError, RuleTimeoutError) as error:
        return Failure(str(path), str(error))
    except MemoryError:
        return Failure(str(path), _memory_message(path, settings), out_of_memory=True)
    # The one per-document isolation point: whatever a parser or a rule raises on one input
    # costs that input one line, never the batch. The traceback travels for --debug only.
    except Exception as error:
        return Failure(
            str(path),
            f"internal error while reading {path}: {type(error).__name__}; "
            "please report it with `--debug` output",
            traceback.format_exc(),
        )


def _lost(task: tuple[Source, bool], lost: Lost, settings: Settings) -> Failure:
    """The Failure of an input whose worker was killed past the time limit or died."""
    path = task[0]
    if lost.loss is Loss.TIMEOUT:
        return Failure(
            str(path),
            f"{path}: took longer than {settings.time_limit:g} s and was skipped; raise it with --timeout",
        )
    code = lost.exit_code or 0
    if code < 0 and settings.memory_limit > 0:
        # Native code (PDFium, lxml) that cannot allocate under the ceiling aborts instead of raising.
        return Failure(
            str(path),
            f"{path}: stopped its reader ({_signal_name(-code)}), most likely past the "
            f"{settings.memory_limit // 2**20} MB memory limit, and was skipped; "
            "raise it with --max-memory-mb if you trust this file",
        )
    how = _signal_name(-code) if code < 0 else f"exit code {code}"
    return Failure(
        str(path),
        f"internal error while reading {path}: its worker process stopped ({how}); "
        "please report it with `--debug` output",
    )


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _memory_message(path: Source, settings: Settings) -> str:
    if settings.memory_limit <= 0:
        return f"{path}: needed more memory than this machine has and was skipped; check what the file holds"
    return (
        f"{path}: needed more than {settings.memory_limit // 2**20} MB of memory and was skipped; "
        "raise it with --max-memory-mb if you trust this file"
    )


def audit_document(document: Document, rules: Sequence[Rule], terms: Terms = Terms()) -> DocumentReport:
    """Detect, locate and classify the findings of one parsed document."""
    detection = detect(without_directives(document), rules, terms)
    by_id = rules_by_id(rules)
    inline = suppress(document, detection.findings, by_id)
    advice = _advice_by_finding(document, inline.kept, by_id, terms)
    located = tuple(
        locate(document, f, finding_verdict(f, by_id), advice[i]) for i, f in enumerate(inline.kept)
    )
    return DocumentReport(
        document,
        located,
        warnings=inline.warnings,
        verdicts=classify(document, inline.kept, by_id),
        suppressed=len(inline.suppressed),
    )


def _advice_by_finding(
    document: Document, findings: Sequence[Finding], rules: Mapping[str, Rule], terms: Terms
) -> list[Advice]:
    """Advise on each finding, rewriting every sentence once with all of its findings."""
    spans = sentence_spans(document)
    by_sentence: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index, finding in enumerate(findings):
        by_sentence[sentence_at(spans, finding.start)].append(index)
    advice: dict[int, Advice] = {}
    for (start, end), indexes in by_sentence.items():
        sentence = document.text[start:end]
        chosen = [findings[i] for i in indexes]
        advice.update(zip(indexes, advise(sentence, chosen, rules, start, terms.stand_in), strict=True))
    return [advice[index] for index in range(len(findings))]


def locate(document: Document, finding: Finding, verdict: Verdict, advice: Advice | None) -> LocatedFinding:
    """Place a classified, advised finding in the segment that holds its start (the column, for text)."""
    segment = document.segment_at(finding.start)
    location = segment.location_at(finding.start - segment.start)
    return LocatedFinding(
        finding, location, segment.section, segment.hidden, segment.text, segment.start, verdict, advice
    )
