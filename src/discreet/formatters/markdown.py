"""A Markdown report to send a client: summary, exposures, then each document's findings by verdict."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from discreet.formatters.labels import VERDICT_NOTE, VERDICT_ORDER, VERDICT_TITLE, percent, plural
from discreet.formatters.options import RenderOptions, hiding, scrubbed, shown
from discreet.model import Location
from discreet.report import (
    Comparison,
    DocumentReport,
    Exposure,
    LocatedFinding,
    Mismatch,
    Report,
    Suggestion,
)

# Characters that start inline Markdown (emphasis, code, links, HTML, strikethrough, maths).
_SPECIAL = re.compile(r"([\\`*_\[\]<>~$|#!])|&(?=#?\w+;)")
_SPACE = re.compile(r"\s+")


def render(report: Report, options: RenderOptions) -> str:
    """Render a report as Markdown; matched text is shown only as options allow."""
    options = hiding(report, options)
    lines = ["# discreet report", "", *_summary(report)]
    if report.comparisons:
        lines += ["", "## Exposures on the public profile"]
        for comparison in report.comparisons:
            lines += ["", *_exposures(comparison, report, options)]
    if not options.quiet:
        for document in report.documents:
            lines += ["", *_document(document, report, options)]
    for comparison in report.comparisons:
        lines += ["", *_comparison(comparison, options)]
    if report.failures:
        lines += ["", "## Files that could not be read", ""]
        lines += [f"- {_code(f.path)}: {escape(_reason(f.path, f.message))}" for f in report.failures]
    return "\n".join(lines).rstrip() + "\n"


def escape(text: str) -> str:
    """Document text as literal Markdown: one line, every inline marker backslash-escaped."""
    return _SPECIAL.sub(lambda m: "\\" + m.group(0), _SPACE.sub(" ", text))


def _summary(report: Report) -> list[str]:
    totals = report.totals()
    lines = [
        "## Summary",
        "",
        f"- **Documents audited:** {totals.documents} "
        f"({plural(totals.resumes, 'resume')}, {plural(totals.profiles, 'public profile')})",
        f"- **Findings:** {totals.findings} — "
        + ", ".join(f"{totals.by_verdict[v]} {VERDICT_TITLE[v].lower()}" for v in VERDICT_ORDER),
    ]
    if totals.findings:
        severities = [f"{n} {s.value}" for s, n in totals.by_severity.items() if n]
        lines.append(f"- **By severity:** {', '.join(severities)}")
    if report.comparisons:
        lines.append(
            f"- **Exposures:** {plural(totals.exposures, 'item')} the public profile shows but should not"
        )
    if totals.failures:
        lines.append(f"- **Could not be read:** {plural(totals.failures, 'file')}")
    return lines


def _exposures(comparison: Comparison, report: Report, options: RenderOptions) -> list[str]:
    lines = [f"### {_code(comparison.profile_path)} ↔ {_code(comparison.resume_path)}", ""]
    if not comparison.exposures:
        return [*lines, "The profile shows nothing that must stay in the resume."]
    return [*lines, *(_exposure(e, report, options) for e in comparison.exposures)]


def _exposure(exposure: Exposure, report: Report, options: RenderOptions) -> str:
    title = report.title(exposure.rule)
    resume = _where(exposure.resume) if exposure.resume else "not in the resume"
    return (
        f"- **{escape(title)}** ({exposure.severity.value}, {exposure.category.value}): "
        f"“{escape(shown(exposure.text, options))}” — profile: {_where(exposure.profile)} ↔ resume: {resume}"
    )


def _document(document: DocumentReport, report: Report, options: RenderOptions) -> list[str]:
    doc = document.document
    counts = Counter(f.verdict for f in document.findings)
    tally = ", ".join(f"{counts[v]} {VERDICT_TITLE[v].lower()}" for v in VERDICT_ORDER if counts[v])
    lines = [
        f"## {_code(doc.path)}",
        "",
        f"*{doc.kind.value}, {doc.format.value} — {plural(len(document.findings), 'finding')}"
        + (f": {tally}*" if tally else "*"),
    ]
    notes = [*doc.notes, *document.warnings]
    if notes:
        lines += ["", *(f"> Note: {escape(note)}" for note in notes)]
    for verdict in VERDICT_ORDER:
        group = [f for f in document.findings if f.verdict is verdict]
        if group:
            lines += [
                "",
                f"### {VERDICT_TITLE[verdict]} ({len(group)})",
                "",
                f"*{VERDICT_NOTE[verdict]}*",
                "",
            ]
            lines += [line for f in group for line in _finding(f, document.findings, report, options)]
    return lines


def _finding(
    located: LocatedFinding, others: Sequence[LocatedFinding], report: Report, options: RenderOptions
) -> Iterator[str]:
    finding = located.finding
    rule = report.rule(finding.rule)
    hidden = ", hidden in the file" if located.hidden else ""
    yield (
        f"- **{escape(report.title(finding.rule))}** — {_where(located.location)} "
        f"({located.section.value} section{hidden}) · {finding.severity.value} · "
        f"{finding.category.value} · {_code(finding.rule)}"
    )
    yield f"  - Line: {_line(located, others, options)}"
    advice = located.advice
    if rule:
        yield f"  - Why: {escape(rule.why)}"
        yield f"  - Instead: {escape(rule.advice)}"
    public, resume = report.actions(located)
    reason = f" — {escape(scrubbed(advice.reason, options))}" if advice and advice.reason else ""
    yield f"  - Public profile: {public.value} · resume: {resume.value}{reason}"
    if advice and advice.rewrite:
        yield f"  - Rewritten: “{escape(scrubbed(advice.rewrite, options))}”"


def _line(located: LocatedFinding, others: Sequence[LocatedFinding], options: RenderOptions) -> str:
    """The finding's line with its match in bold; with --mask every match on the line is hidden."""
    line, offset = located.line_text, located.line_start
    spans = sorted(
        (max(f.finding.start - offset, 0), min(f.finding.end - offset, len(line)), f is located)
        for f in others
        if f is located or (options.hides and f.finding.start < offset + len(line) and f.finding.end > offset)
    )
    pieces: list[str] = []
    cursor = 0
    for start, end, own in spans:
        start = max(start, cursor)
        if start >= end:
            continue
        pieces.append(escape(scrubbed(line[cursor:start], options)))
        pieces.append(_bold(line[start:end], options) if own else escape(shown(line[start:end], options)))
        cursor = end
    pieces.append(escape(scrubbed(line[cursor:], options)))
    return "".join(pieces).strip()


def _bold(match: str, options: RenderOptions) -> str:
    # Emphasis must not open or close on a space, so the match's own spaces go outside the asterisks.
    core = match.strip()
    if not core:
        return escape(match)
    lead, trail = match[: len(match) - len(match.lstrip())], match[len(match.rstrip()) :]
    return f"{escape(lead)}**{escape(shown(core, options))}**{escape(trail)}"


def _comparison(comparison: Comparison, options: RenderOptions) -> list[str]:
    lines = [
        f"## Resume and profile compared: {_code(comparison.resume_path)} ↔ {_code(comparison.profile_path)}",
        "",
        f"- **Replacement ratio:** {percent(comparison.replacement_ratio)} "
        "(how much of the resume's summary and experience the profile reproduces)",
        f"- **Resume-only share:** {percent(comparison.resume_only_share)} "
        "(how much of what the profile reproduces belongs only in the resume)",
    ]
    if comparison.suggestions:
        lines += ["", f"### Worth adding to the profile ({len(comparison.suggestions)})", ""]
        lines += [_suggestion(s, options) for s in comparison.suggestions]
    if comparison.mismatches:
        lines += ["", f"### Differences between resume and profile ({len(comparison.mismatches)})", ""]
        lines += [_mismatch(m, options) for m in comparison.mismatches]
    return lines


def _suggestion(suggestion: Suggestion, options: RenderOptions) -> str:
    return (
        f"- {suggestion.section.value.capitalize()}: “{escape(scrubbed(suggestion.text, options))}” "
        f"(resume: {_where(suggestion.resume)})"
    )


def _mismatch(mismatch: Mismatch, options: RenderOptions) -> str:
    resume = f" ({_where(mismatch.resume)})" if mismatch.resume else ""
    said = escape(scrubbed(mismatch.resume_value, options))
    shows = escape(scrubbed(mismatch.profile_value, options))
    return (
        f"- **{escape(mismatch.field)}**: the resume says “{said}”{resume}; "
        f"the profile says “{shows}” ({_where(mismatch.profile)})"
    )


def _where(location: Location) -> str:
    return escape(location.describe())


def _reason(path: str, message: str) -> str:
    """A failure's message without the path the line already starts with."""
    return message.removeprefix(f"{path}: ")


def _code(text: str) -> str:
    """An inline code span that holds any text, backticks included."""
    text = _SPACE.sub(" ", text)
    fence = "`" * (1 + max((len(run) for run in re.findall(r"`+", text)), default=0))
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
