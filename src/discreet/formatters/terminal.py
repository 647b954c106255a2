"""The human report: a summary first, then each finding with where, why and what to write."""

from __future__ import annotations

import io
from collections import Counter

from rich.console import Console
from rich.text import Text

from discreet.formatters.options import RenderOptions, shown
from discreet.model import Severity
from discreet.report import DocumentReport, LocatedFinding, Report

SEVERITY_STYLE = {
    Severity.CRITICAL: "bold white on red",
    Severity.HIGH: "bold red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
    Severity.INFO: "dim",
}


def render(report: Report, options: RenderOptions) -> str:
    """Render a report for a person reading a terminal (colour only when asked)."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=options.width,
        force_terminal=options.color,
        no_color=not options.color,
        highlight=False,
        emoji=False,
        markup=False,
    )
    console.print(_summary(report))
    if not options.quiet:
        for document in report.documents:
            _print_document(console, document, report, options)
    return buffer.getvalue()


def _summary(report: Report) -> Text:
    findings = [f.finding for d in report.documents for f in d.findings]
    by_severity = Counter(f.severity for f in findings)
    summary = Text(
        f"discreet: {len(report.documents)} document(s) audited, {len(findings)} finding(s)", style="bold"
    )
    parts = [f"{by_severity[s]} {s.value}" for s in reversed(Severity) if by_severity[s]]
    if parts:
        summary.append(" — " + ", ".join(parts))
    if report.failures:
        summary.append(
            f"; {len(report.failures)} file(s) could not be read (see the errors above)", style="red"
        )
    return summary


def _print_document(
    console: Console, document: DocumentReport, report: Report, options: RenderOptions
) -> None:
    doc = document.document
    console.print()
    console.print(
        Text(
            f"{doc.path}  ({doc.kind.value}, {doc.format.value}): {len(document.findings)} finding(s)",
            style="bold underline",
        )
    )
    for note in (*doc.notes, *document.warnings):
        console.print(Text(f"  note: {note}", style="dim"))
    for located in document.findings:
        _print_finding(console, located, report, options)


def _print_finding(console: Console, located: LocatedFinding, report: Report, options: RenderOptions) -> None:
    finding = located.finding
    rule = report.rule(finding.rule)
    head = Text("  ")
    head.append(f"{finding.severity.value.upper():<8}", style=SEVERITY_STYLE[finding.severity])
    head.append(f" {located.location.describe()}  ")
    head.append(finding.rule, style="bold")
    if located.hidden:
        head.append("  (hidden in the file)", style="magenta")
    console.print(head)
    console.print(_highlighted_line(located, options))
    if rule is not None:
        console.print(Text(f"      {rule.title}. {rule.why}", style="dim"))
        console.print(Text(f"      Instead: {rule.advice}", style="green"))


def _highlighted_line(located: LocatedFinding, options: RenderOptions) -> Text:
    line = located.line_text
    start = max(0, located.finding.start - located.line_start)
    end = min(len(line), located.finding.end - located.line_start)
    text = Text("      ")
    text.append(line[:start].lstrip())
    text.append(shown(line[start:end], options), style="reverse bold")
    text.append(line[end:].rstrip())
    return text
