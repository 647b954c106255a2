"""A Markdown report to send a client: summary, exposures, then each document's findings by verdict."""

from __future__ import annotations

import re
from collections.abc import Iterator

from discreet.formatters.labels import VERDICT_NOTE, VERDICT_ORDER, VERDICT_TITLE, percent, plural
from discreet.formatters.options import RenderOptions
from discreet.formatters.view import (
    ComparisonView,
    DocumentView,
    Excerpt,
    ExposureView,
    FindingView,
    ReportView,
    prepare,
)
from discreet.languages.en import SUPPRESSED
from discreet.model import Location
from discreet.report import Mismatch, Report, Suggestion

# Characters that start inline Markdown (emphasis, code, links, HTML, strikethrough, maths).
_SPECIAL = re.compile(r"([\\`*_\[\]<>~$|#!])|&(?=#?\w+;)")
_SPACE = re.compile(r"\s+")


def render(report: Report, options: RenderOptions) -> str:
    """Render a report as Markdown; matched text is shown only as options allow."""
    return layout(prepare(report, options))


def layout(view: ReportView) -> str:
    """The prepared report as Markdown; with --quiet, its summary only."""
    lines = ["# discreet report", "", *_summary(view)]
    if view.quiet:
        return "\n".join(lines).rstrip() + "\n"
    if view.comparisons:
        lines += ["", "## Exposures on the public profile"]
        for comparison in view.comparisons:
            lines += ["", *_exposures(comparison)]
    for document in view.documents:
        lines += ["", *_document(document)]
    for comparison in view.comparisons:
        lines += ["", *_comparison(comparison)]
    if view.failures:
        lines += ["", "## Files that could not be read", ""]
        lines += [f"- {_code(f.path)}: {escape(f.reason)}" for f in view.failures]
    return "\n".join(lines).rstrip() + "\n"


def escape(text: str) -> str:
    """Document text as literal Markdown: one line, every inline marker backslash-escaped."""
    return _SPECIAL.sub(lambda m: "\\" + m.group(0), _SPACE.sub(" ", text))


def _summary(view: ReportView) -> list[str]:
    totals = view.totals
    lines = [
        "## Summary",
        "",
        f"- **Documents audited:** {totals.documents} "
        f"({plural(totals.resumes, 'resume')}, {plural(totals.profiles, 'public profile')})",
        f"- **Findings:** {totals.findings} — "
        + ", ".join(f"{totals.by_verdict[v]} {VERDICT_TITLE[v].lower()}" for v in VERDICT_ORDER),
    ]
    if totals.suppressed:
        lines.append(f"- **Accepted:** {totals.suppressed} {SUPPRESSED}")
    if totals.findings:
        severities = [f"{n} {s.value}" for s, n in totals.by_severity.items() if n]
        lines.append(f"- **By severity:** {', '.join(severities)}")
    if view.comparisons:
        lines.append(
            f"- **Exposures:** {plural(totals.exposures, 'item')} the public profile shows but should not"
        )
    if totals.failures:
        lines.append(f"- **Could not be read:** {plural(totals.failures, 'file')}")
    return lines


def _exposures(comparison: ComparisonView) -> list[str]:
    lines = [f"### {_code(comparison.profile_path)} ↔ {_code(comparison.resume_path)}", ""]
    if not comparison.exposures:
        return [*lines, "The profile shows nothing that must stay in the resume."]
    return [*lines, *(_exposure(e) for e in comparison.exposures)]


def _exposure(exposure: ExposureView) -> str:
    resume = _where(exposure.resume) if exposure.resume else "not in the resume"
    return (
        f"- **{escape(exposure.title)}** ({exposure.severity.value}, {exposure.category.value}): "
        f"“{escape(exposure.text)}” — profile: {_where(exposure.profile)} ↔ resume: {resume}"
    )


def _document(document: DocumentView) -> list[str]:
    tally = ", ".join(
        f"{document.count(v)} {VERDICT_TITLE[v].lower()}" for v in VERDICT_ORDER if document.count(v)
    )
    lines = [
        f"## {_code(document.path)}",
        "",
        f"*{document.kind.value}, {document.format.value} — {plural(len(document.findings), 'finding')}"
        + (f": {tally}*" if tally else "*"),
    ]
    notes = [*document.notes, *document.warnings]
    if notes:
        lines += ["", *(f"> Note: {escape(note.text)}. {escape(note.step)}" for note in notes)]
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
            lines += [line for f in group for line in _finding(f)]
    return lines


def _finding(finding: FindingView) -> Iterator[str]:
    hidden = ", hidden in the file" if finding.hidden else ""
    yield (
        f"- **{escape(finding.title)}** — {escape(finding.where)} "
        f"({finding.section.value} section{hidden}) · {finding.severity.value} · "
        f"{finding.category.value} · {_code(finding.rule)}"
    )
    yield f"  - Line: {_line(finding.excerpt)}"
    advice = finding.advice
    if finding.why:
        yield f"  - Why: {escape(finding.why)}"
        yield f"  - Instead: {escape(finding.instead)}"
    reason = f" — {escape(advice.reason)}" if advice and advice.reason else ""
    yield f"  - Public profile: {finding.public.value} · resume: {finding.resume.value}{reason}"
    if advice and advice.rewrite:
        yield f"  - Rewritten: “{escape(advice.rewrite)}”"


def _line(excerpt: Excerpt) -> str:
    """The finding's line with its match in bold."""
    return f"{escape(excerpt.before)}{_bold(excerpt.match)}{escape(excerpt.after)}".strip()


def _bold(match: str) -> str:
    # Emphasis must not open or close on a space, so the match's own spaces go outside the asterisks.
    core = match.strip()
    if not core:
        return escape(match)
    lead, trail = match[: len(match) - len(match.lstrip())], match[len(match.rstrip()) :]
    return f"{escape(lead)}**{escape(core)}**{escape(trail)}"


def _comparison(comparison: ComparisonView) -> list[str]:
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
        lines += [_suggestion(s) for s in comparison.suggestions]
    if comparison.mismatches:
        lines += ["", f"### Differences between resume and profile ({len(comparison.mismatches)})", ""]
        lines += [_mismatch(m) for m in comparison.mismatches]
    return lines


def _suggestion(suggestion: Suggestion) -> str:
    return (
        f"- {suggestion.section.value.capitalize()}: “{escape(suggestion.text)}” "
        f"(resume: {_where(suggestion.resume)})"
    )


def _mismatch(mismatch: Mismatch) -> str:
    resume = f" ({_where(mismatch.resume)})" if mismatch.resume else ""
    return (
        f"- **{escape(mismatch.field)}**: the resume says “{escape(mismatch.resume_value)}”{resume}; "
        f"the profile says “{escape(mismatch.profile_value)}” ({_where(mismatch.profile)})"
    )


def _where(location: Location) -> str:
    return escape(location.describe())


def _code(text: str) -> str:
    """An inline code span that holds any text, backticks included."""
    text = _SPACE.sub(" ", text)
    fence = "`" * (1 + max((len(run) for run in re.findall(r"`+", text)), default=0))
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
