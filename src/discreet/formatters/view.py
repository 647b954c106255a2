"""The one prepared view every format lays out: texts masked or not, words, actions and rewrites resolved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from discreet.formatters.options import RenderOptions, hidden, hiding, scrubbed, shown
from discreet.languages.en import NOTE_STEP, NOTE_STEPS
from discreet.model import (
    Action,
    Advice,
    Category,
    Document,
    DocumentKind,
    Format,
    Location,
    Section,
    Segment,
    Severity,
    Verdict,
)
from discreet.packs import Rule
from discreet.report import Comparison, DocumentReport, LocatedFinding, Mismatch, Report, Suggestion, Totals


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A finding's line split around its match, every matched text in it masked when hiding."""

    before: str
    match: str
    after: str


@dataclass(frozen=True, slots=True)
class FindingView:
    """One finding with everything a format says about it."""

    # "2-3": the document's number and the finding's, both from 1; links inside a page use it.
    key: str
    # Positions only (SARIF regions and fingerprints); its text is never shown.
    source: LocatedFinding
    rule: str
    title: str
    category: Category
    severity: Severity
    verdict: Verdict
    location: Location
    where: str
    section: Section
    hidden: bool
    start: int
    end: int
    text: str
    why: str
    instead: str
    public: Action
    resume: Action
    # The reason and rewrite as they may be shown; None when the finding got no advice.
    advice: Advice | None
    excerpt: Excerpt
    # How many findings share this finding's rewrite when it is the first of its sentence to show it; else 0.
    rewrite_for: int


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of a segment's text as it may be shown, and the finding it marks, if any."""

    text: str
    finding: FindingView | None = None


@dataclass(frozen=True, slots=True)
class SegmentView:
    """A segment's text in pieces, with the findings that start in it."""

    where: str
    section: Section
    hidden: bool
    pieces: tuple[Piece, ...]
    findings: tuple[FindingView, ...]


@dataclass(frozen=True, slots=True)
class Note:
    """A parser's note or an audit warning, and what the person can do about it."""

    text: str
    step: str


@dataclass(frozen=True, slots=True)
class DocumentView:
    """One audited document as every format shows it."""

    number: int
    # For SARIF artifacts and locations, which carry paths and positions only.
    source: Document
    path: str
    kind: DocumentKind
    format: Format
    findings: tuple[FindingView, ...]
    # How many lines (segments) the document has.
    lines: int
    notes: tuple[Note, ...]
    warnings: tuple[Note, ...]
    verdicts: dict[Verdict, int]
    suppressed: int
    # How the document's text is hidden, for the segments a page lays out in full.
    options: RenderOptions

    def count(self, verdict: Verdict) -> int:
        """How many of the document's findings got a verdict."""
        return sum(1 for f in self.findings if f.verdict is verdict)

    def segments(self) -> tuple[SegmentView, ...]:
        """Every segment in pieces, masked as the findings are; built on demand, as only HTML needs them."""
        return _segments(self.source, self.findings, self.options)


@dataclass(frozen=True, slots=True)
class ExposureView:
    """Material a public profile shows that should stay in the resume, as it may be shown."""

    rule: str
    title: str
    category: Category
    severity: Severity
    text: str
    profile: Location
    resume: Location | None


@dataclass(frozen=True, slots=True)
class ComparisonView:
    """A resume compared with its profile, free text masked when hiding."""

    resume_path: str
    profile_path: str
    replacement_ratio: float
    resume_only_share: float
    exposures: tuple[ExposureView, ...]
    suggestions: tuple[Suggestion, ...]
    mismatches: tuple[Mismatch, ...]


@dataclass(frozen=True, slots=True)
class FailureView:
    """An input that could not be audited."""

    path: str
    message: str
    # The message without the path a line that names the file already starts with.
    reason: str


@dataclass(frozen=True, slots=True)
class ReportView:
    """A whole report, prepared once for whichever format lays it out."""

    totals: Totals
    documents: tuple[DocumentView, ...]
    comparisons: tuple[ComparisonView, ...]
    failures: tuple[FailureView, ...]
    rules: tuple[Rule, ...]
    quiet: bool
    width: int
    color: bool


def prepare(report: Report, options: RenderOptions) -> ReportView:
    """The report as every format lays it out; with --mask no matched text is left in it."""
    options = hiding(report, options)
    return ReportView(
        totals=report.totals(),
        documents=tuple(_document(d, n, report, options) for n, d in enumerate(report.documents, 1)),
        comparisons=tuple(_comparison(c, report, options) for c in report.comparisons),
        failures=tuple(
            FailureView(f.path, f.message, f.message.removeprefix(f"{f.path}: ")) for f in report.failures
        ),
        rules=report.rules,
        quiet=options.quiet,
        width=options.width,
        color=options.color,
    )


def prepare_comparisons(report: Report, options: RenderOptions) -> tuple[ComparisonView, ...]:
    """Only the comparisons of a report, hiding every text the whole report matched."""
    options = hiding(report, options)
    return tuple(_comparison(c, report, options) for c in report.comparisons)


def next_step(note: str) -> Note:
    """A note with what the person can do about it."""
    step = next((step for words, step in NOTE_STEPS if words in note), NOTE_STEP)
    return Note(note, step)


def _document(document: DocumentReport, number: int, report: Report, options: RenderOptions) -> DocumentView:
    doc = document.document
    sharing = _sharing(document.findings)
    findings = tuple(
        _finding(located, f"{number}-{i}", document.findings, sharing.get(id(located), 0), report, options)
        for i, located in enumerate(document.findings, 1)
    )
    return DocumentView(
        number=number,
        source=doc,
        path=doc.path,
        kind=doc.kind,
        format=doc.format,
        findings=findings,
        lines=len(doc.segments),
        notes=tuple(next_step(note) for note in doc.notes),
        warnings=tuple(next_step(warning) for warning in document.warnings),
        verdicts=document.verdict_counts(),
        suppressed=document.suppressed,
        options=options,
    )


def _sharing(findings: Sequence[LocatedFinding]) -> dict[int, int]:
    """For the first finding of each sentence and rewrite, how many findings share that rewrite."""
    first: dict[tuple[int, int, str], LocatedFinding] = {}
    counts: dict[int, int] = {}
    for located in findings:
        if located.advice is None or not located.advice.rewrite:
            continue
        # A sentence may run over several lines; without its span, the line stands for it.
        sentence = located.advice.sentence
        start, end = sentence if sentence != (0, 0) else (located.line_start, -1)
        head = first.setdefault((start, end, located.advice.rewrite), located)
        counts[id(head)] = counts.get(id(head), 0) + 1
    return counts


def _finding(
    located: LocatedFinding,
    key: str,
    others: Sequence[LocatedFinding],
    rewrite_for: int,
    report: Report,
    options: RenderOptions,
) -> FindingView:
    finding = located.finding
    rule = report.rule(finding.rule)
    public, resume = report.actions(located)
    advice = located.advice
    if advice is not None:
        advice = replace(
            advice, reason=scrubbed(advice.reason, options), rewrite=scrubbed(advice.rewrite, options)
        )
    return FindingView(
        key=key,
        source=located,
        rule=finding.rule,
        title=report.title(finding.rule),
        category=finding.category,
        severity=finding.severity,
        verdict=located.verdict,
        location=located.location,
        where=located.location.describe(),
        section=located.section,
        hidden=located.hidden,
        start=finding.start,
        end=finding.end,
        text=shown(finding.text, options),
        why=rule.why if rule is not None else "",
        instead=rule.advice if rule is not None else "",
        public=public,
        resume=resume,
        advice=advice,
        excerpt=_excerpt(located, others, options),
        rewrite_for=rewrite_for,
    )


def _excerpt(located: LocatedFinding, others: Sequence[LocatedFinding], options: RenderOptions) -> Excerpt:
    """The finding's line around its match; when hiding, every other finding on the line is masked too."""
    line, offset = located.line_text, located.line_start
    start = max(0, located.finding.start - offset)
    end = min(len(line), max(start + 1, located.finding.end - offset))
    spans = [(f.finding.start, f.finding.end) for f in others if f is not located]
    return Excerpt(
        hidden(line[:start], offset, spans, options),
        shown(line[start:end], options),
        hidden(line[end:], offset + end, spans, options),
    )


def _segments(
    document: Document, findings: Sequence[FindingView], options: RenderOptions
) -> tuple[SegmentView, ...]:
    """Each segment in pieces; a finding is listed with the segment it starts in, its mark may run on."""
    homes: dict[int, list[FindingView]] = {}
    for view in findings:
        homes.setdefault(document.segment_index(view.start), []).append(view)
    return tuple(
        SegmentView(
            segment.location.describe(),
            segment.section,
            segment.hidden,
            _pieces(segment, findings, options),
            tuple(homes.get(index, ())),
        )
        for index, segment in enumerate(document.segments)
    )


def _pieces(segment: Segment, findings: Sequence[FindingView], options: RenderOptions) -> tuple[Piece, ...]:
    """The segment's text with each finding over it as its own piece (overlaps trimmed to the first)."""
    over = [f for f in findings if f.start < segment.end and f.end > segment.start]
    pieces: list[Piece] = []
    cursor = segment.start
    for view in sorted(over, key=lambda f: (f.start, f.end)):
        start, end = max(view.start, cursor), min(view.end, segment.end)
        if start >= end:
            continue
        pieces.append(Piece(scrubbed(segment.text[cursor - segment.start : start - segment.start], options)))
        pieces.append(Piece(shown(segment.text[start - segment.start : end - segment.start], options), view))
        cursor = end
    pieces.append(Piece(scrubbed(segment.text[cursor - segment.start :], options)))
    return tuple(pieces)


def _comparison(comparison: Comparison, report: Report, options: RenderOptions) -> ComparisonView:
    return ComparisonView(
        resume_path=comparison.resume_path,
        profile_path=comparison.profile_path,
        replacement_ratio=comparison.replacement_ratio,
        resume_only_share=comparison.resume_only_share,
        exposures=tuple(
            ExposureView(
                e.rule,
                report.title(e.rule),
                e.category,
                e.severity,
                shown(e.text, options),
                e.profile,
                e.resume,
            )
            for e in comparison.exposures
        ),
        suggestions=tuple(replace(s, text=scrubbed(s.text, options)) for s in comparison.suggestions),
        mismatches=tuple(
            replace(
                m,
                resume_value=scrubbed(m.resume_value, options),
                profile_value=scrubbed(m.profile_value, options),
            )
            for m in comparison.mismatches
        ),
    )
