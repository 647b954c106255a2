"""The human report: a summary first, then exposures, then findings by verdict with advice."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from rich.console import Console
from rich.text import Text

from discreet.formatters.labels import VERDICT_NOTE, VERDICT_ORDER, VERDICT_TITLE, percent, plural
from discreet.formatters.options import RenderOptions, hidden, hiding, scrubbed, shown
from discreet.model import Action, Severity, Verdict
from discreet.report import Comparison, DocumentReport, LocatedFinding, Report

SEVERITY_STYLE = {
    Severity.CRITICAL: "bold white on red",
    Severity.HIGH: "bold red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
    Severity.INFO: "dim",
}
VERDICT_STYLE = {
    Verdict.NEVER: "bold red",
    Verdict.REPLACEMENT: "bold yellow",
    Verdict.COMPLEMENT: "bold green",
}
INDENT = "    "


def render(report: Report, options: RenderOptions) -> str:
    """Render a report for a terminal: colour and highlight when asked, carets under matches otherwise."""
    options = hiding(report, options)
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=options.width,
        force_terminal=options.color,
        no_color=not options.color,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )
    for line in _summary(report):
        console.print(line)
    for comparison in report.comparisons:
        _print_comparison(console, comparison, report, options)
    if not options.quiet:
        for document in report.documents:
            _print_document(console, document, report, options)
    return buffer.getvalue()


def _summary(report: Report) -> list[Text]:
    totals = report.totals()
    head = Text("discreet: ", style="bold")
    head.append(f"{plural(totals.documents, 'document')} audited, {plural(totals.findings, 'finding')}")
    if totals.suppressed:
        head.append(f" ({totals.suppressed} suppressed by ignore directives or the baseline)", style="dim")
    if totals.exposures:
        head.append(f", {plural(totals.exposures, 'exposure')} on the public profile", style="bold red")
    if totals.failures:
        head.append(
            f"; {plural(totals.failures, 'file')} could not be read (see the errors above)", style="red"
        )
    lines = [head]
    if totals.findings:
        verdicts = Text("  ")
        for verdict in VERDICT_ORDER:
            verdicts.append(
                f"{totals.by_verdict[verdict]} {VERDICT_TITLE[verdict].lower()}", VERDICT_STYLE[verdict]
            )
            verdicts.append("  ")
        severities = [f"{n} {s.value}" for s, n in totals.by_severity.items() if n]
        verdicts.append("(" + ", ".join(severities) + ")", style="dim")
        lines.append(verdicts)
    if len(report.documents) > 1:
        lines.extend(_document_line(d) for d in report.documents)
    return lines


def _document_line(document: DocumentReport) -> Text:
    """One line per file, as a coach scanning a caseload wants it."""
    counts = document.verdict_counts()
    findings = [f.verdict for f in document.findings]
    line = Text(f"  {document.document.path}: {plural(len(findings), 'finding')}")
    tally = [f"{findings.count(v)} {VERDICT_TITLE[v].lower()}" for v in VERDICT_ORDER if findings.count(v)]
    if tally:
        line.append(" (" + ", ".join(tally) + ")")
    line.append(f"; {counts[Verdict.COMPLEMENT]}/{len(document.document.segments)} lines public-safe", "dim")
    return line


def _print_comparison(
    console: Console, comparison: Comparison, report: Report, options: RenderOptions
) -> None:
    console.print()
    console.print(
        Text(f"Profile {comparison.profile_path} ↔ resume {comparison.resume_path}", style="bold underline")
    )
    console.print(
        Text(
            f"  The profile reproduces {percent(comparison.replacement_ratio)} of the resume's summary and "
            f"experience; {percent(comparison.resume_only_share)} of that is resume-only material."
        )
    )
    if comparison.exposures:
        console.print(
            Text(
                f"  Exposures — resume-only material already public ({len(comparison.exposures)}):",
                "bold red",
            )
        )
    for exposure in comparison.exposures:
        line = Text(INDENT)
        line.append(f"{exposure.severity.value.upper():<8} ", style=SEVERITY_STYLE[exposure.severity])
        line.append(f"“{shown(exposure.text, options)}”", style="bold")
        line.append(f"  {report.title(exposure.rule)}")
        console.print(line)
        resume = exposure.resume.describe() if exposure.resume else "not in the resume"
        console.print(
            Text(f"{INDENT}         profile: {exposure.profile.describe()}  ↔  resume: {resume}", "dim")
        )
    if comparison.mismatches:
        console.print(
            Text(f"  Mismatches between resume and profile ({len(comparison.mismatches)}):", "bold")
        )
    for mismatch in comparison.mismatches:
        where = mismatch.profile.describe()
        said, shows = scrubbed(mismatch.resume_value, options), scrubbed(mismatch.profile_value, options)
        values = f"resume “{said}” vs profile “{shows}”"
        console.print(Text(f"{INDENT}{mismatch.field}: {values} ({where})"))
    if comparison.suggestions:
        console.print(Text(f"  Safe to add to the profile ({len(comparison.suggestions)}):", "bold green"))
    for suggestion in comparison.suggestions:
        console.print(
            Text(
                f"{INDENT}+ {scrubbed(suggestion.text, options)}  "
                f"({suggestion.section.value}, {suggestion.resume.describe()})"
            )
        )


def _print_document(
    console: Console, document: DocumentReport, report: Report, options: RenderOptions
) -> None:
    doc = document.document
    console.print()
    title = Text(f"{doc.path}", style="bold underline")
    title.append(f"  ({doc.kind.value}, {doc.format.value}): {plural(len(document.findings), 'finding')}")
    console.print(title)
    for note in (*doc.notes, *document.warnings):
        console.print(Text(f"  note: {note}", style="dim"))
    for verdict in VERDICT_ORDER:
        group = [f for f in document.findings if f.verdict is verdict]
        if group:
            console.print(
                Text(f"  {VERDICT_TITLE[verdict]} — {VERDICT_NOTE[verdict]}", VERDICT_STYLE[verdict])
            )
            for located in group:
                _print_finding(console, located, document, report, options)


def _print_finding(
    console: Console,
    located: LocatedFinding,
    document: DocumentReport,
    report: Report,
    options: RenderOptions,
) -> None:
    finding = located.finding
    rule = report.rule(finding.rule)
    head = Text(INDENT)
    head.append(f"{finding.severity.value.upper():<8}", style=SEVERITY_STYLE[finding.severity])
    head.append(f" {located.location.describe()}  ")
    head.append(finding.rule, style="bold")
    if located.hidden:
        head.append("  (hidden in the file: comments, tracked changes or properties)", style="magenta")
    console.print(head)
    for line in _excerpt(located, document.findings, options):
        console.print(line)
    width = options.width - len(INDENT) * 2
    if rule is not None:
        _print_wrapped(console, rule.why, width, "dim")
    advice = located.advice
    if advice is not None:
        _print_wrapped(console, scrubbed(advice.reason, options), width, "bold")
    if advice is not None and advice.rewrite and advice.public is not Action.KEEP:
        _print_wrapped(console, f"Public version: {scrubbed(advice.rewrite, options)}", width, "green")
    elif rule is not None:
        _print_wrapped(console, f"Instead: {rule.advice}", width, "green")


def _excerpt(located: LocatedFinding, others: Sequence[LocatedFinding], options: RenderOptions) -> list[Text]:
    """The finding's line, cut to the width around the match, highlighted or underlined with carets.

    When hiding, every other finding on the line, and any matched text, is masked too.
    """
    line = located.line_text.replace("\t", " ").replace("\n", " ")
    start = max(0, located.finding.start - located.line_start)
    end = min(len(line), max(start + 1, located.finding.end - located.line_start))
    match = shown(line[start:end], options)
    spans = [(f.finding.start, f.finding.end) for f in others if f is not located]
    before = hidden(line[:start], located.line_start, spans, options)
    after = hidden(line[end:], located.line_start + end, spans, options)
    room = max(20, options.width - len(INDENT) * 2 - len(match))
    if len(before) + len(after) > room:
        keep_before = min(len(before), room // 2)
        keep_after = room - keep_before
        before = ("…" + before[-keep_before + 1 :]) if len(before) > keep_before else before
        after = (after[: keep_after - 1] + "…") if len(after) > keep_after else after
    text = Text(INDENT * 2)
    text.append(before)
    text.append(match, style="reverse bold")
    text.append(after)
    if options.color:
        return [text]
    return [text, Text(INDENT * 2 + " " * len(before) + "^" * len(match))]


def _print_wrapped(console: Console, text: str, width: int, style: str) -> None:
    for line in _wrap(text, width):
        console.print(Text(INDENT * 2 + line, style=style))


def _wrap(text: str, width: int) -> Iterable[str]:
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            yield line
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        yield line
