"""The human report: a summary first, then exposures, then findings by verdict with advice."""

from __future__ import annotations

import io
from collections.abc import Iterable

from rich.cells import cell_len
from rich.text import Text

from discreet.formatters.labels import VERDICT_NOTE, VERDICT_ORDER, VERDICT_TITLE, percent, plural
from discreet.formatters.options import RenderOptions
from discreet.formatters.view import ComparisonView, DocumentView, Excerpt, FindingView, ReportView, prepare
from discreet.languages.en import SUPPRESSED
from discreet.model import Action, Severity, Verdict
from discreet.report import Report

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
    return layout(prepare(report, options))


def layout(view: ReportView) -> str:
    """The prepared report as terminal text; with --quiet, its summary only."""
    lines = styled_lines(view)
    if not view.color and all(fits(line, view.width) for line in lines):
        return "".join(f"{line.plain}\n" for line in lines)
    return through_rich(lines, view)


def styled_lines(view: ReportView) -> list[Text]:
    """The report's lines, each a styled Text, before anything is printed."""
    console = _Lines()
    for line in _summary(view):
        console.print(line)
    if not view.quiet:
        for comparison in view.comparisons:
            _print_comparison(console, comparison)
        for document in view.documents:
            _print_document(console, document, view)
    return console.lines


class _Lines:
    """The report's lines as they are made, each a styled Text."""

    def __init__(self) -> None:
        self.lines: list[Text] = []

    def print(self, line: Text | None = None) -> None:
        self.lines.append(Text() if line is None else line)


def fits(line: Text, width: int) -> bool:
    """Whether rich would print a line as its plain text: nothing to wrap, no tab to expand."""
    return "\t" not in line.plain and "\n" not in line.plain and cell_len(line.plain) <= width


def through_rich(lines: Iterable[Text], view: ReportView) -> str:
    """Lines that need colour, tabs expanded or wrapping at the terminal's width, as rich prints them."""
    # Imported here: a report piped to a file or another program is plain text and never needs it.
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=view.width,
        force_terminal=view.color,
        no_color=not view.color,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )
    for line in lines:
        console.print(line)
    return buffer.getvalue()


def _summary(view: ReportView) -> list[Text]:
    totals = view.totals
    head = Text("discreet: ", style="bold")
    head.append(f"{plural(totals.documents, 'document')} audited, {plural(totals.findings, 'finding')}")
    if totals.suppressed:
        head.append(f" ({totals.suppressed} {SUPPRESSED})", style="dim")
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
    if len(view.documents) > 1:
        lines.extend(_document_line(d) for d in view.documents)
    return lines


def _document_line(document: DocumentView) -> Text:
    """One line per file, as a coach scanning a caseload wants it."""
    line = Text(f"  {document.path}: {plural(len(document.findings), 'finding')}")
    tally = [f"{document.count(v)} {VERDICT_TITLE[v].lower()}" for v in VERDICT_ORDER if document.count(v)]
    if tally:
        line.append(" (" + ", ".join(tally) + ")")
    safe = document.verdicts[Verdict.COMPLEMENT]
    line.append(f"; {safe}/{document.lines} lines public-safe", "dim")
    return line


def _print_comparison(console: _Lines, comparison: ComparisonView) -> None:
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
        line.append(f"“{exposure.text}”", style="bold")
        line.append(f"  {exposure.title}")
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
        values = f"resume “{mismatch.resume_value}” vs profile “{mismatch.profile_value}”"
        console.print(Text(f"{INDENT}{mismatch.field}: {values} ({mismatch.profile.describe()})"))
    if comparison.suggestions:
        console.print(Text(f"  Safe to add to the profile ({len(comparison.suggestions)}):", "bold green"))
    for suggestion in comparison.suggestions:
        console.print(
            Text(f"{INDENT}+ {suggestion.text}  ({suggestion.section.value}, {suggestion.resume.describe()})")
        )


def _print_document(console: _Lines, document: DocumentView, view: ReportView) -> None:
    console.print()
    title = Text(f"{document.path}", style="bold underline")
    title.append(
        f"  ({document.kind.value}, {document.format.value}): {plural(len(document.findings), 'finding')}"
    )
    console.print(title)
    for note in (*document.notes, *document.warnings):
        console.print(Text(f"  note: {note.text}", style="dim"))
        console.print(Text(f"        {note.step}", style="dim"))
    for verdict in VERDICT_ORDER:
        group = [f for f in document.findings if f.verdict is verdict]
        if group:
            console.print(
                Text(f"  {VERDICT_TITLE[verdict]} — {VERDICT_NOTE[verdict]}", VERDICT_STYLE[verdict])
            )
            for finding in group:
                _print_finding(console, finding, view)


def _print_finding(console: _Lines, finding: FindingView, view: ReportView) -> None:
    head = Text(INDENT)
    head.append(f"{finding.severity.value.upper():<8}", style=SEVERITY_STYLE[finding.severity])
    head.append(f" {finding.where}  ")
    head.append(finding.rule, style="bold")
    if finding.hidden:
        head.append("  (hidden in the file: comments, tracked changes or properties)", style="magenta")
    console.print(head)
    for line in _excerpt(finding.excerpt, view):
        console.print(line)
    width = view.width - len(INDENT) * 2
    if finding.why:
        _print_wrapped(console, finding.why, width, "dim")
    advice = finding.advice
    if advice is not None:
        _print_wrapped(console, advice.reason, width, "bold")
    if advice is not None and advice.rewrite and advice.public is not Action.KEEP:
        _print_wrapped(console, f"Public version: {advice.rewrite}", width, "green")
    elif finding.instead:
        _print_wrapped(console, f"Instead: {finding.instead}", width, "green")


def _excerpt(excerpt: Excerpt, view: ReportView) -> list[Text]:
    """The finding's line, cut to the width around the match, highlighted or underlined with carets."""
    before, match, after = (_flat(excerpt.before), _flat(excerpt.match), _flat(excerpt.after))
    room = max(20, view.width - len(INDENT) * 2 - len(match))
    if len(before) + len(after) > room:
        keep_before = min(len(before), room // 2)
        keep_after = room - keep_before
        before = ("…" + before[-keep_before + 1 :]) if len(before) > keep_before else before
        after = (after[: keep_after - 1] + "…") if len(after) > keep_after else after
    text = Text(INDENT * 2)
    text.append(before)
    text.append(match, style="reverse bold")
    text.append(after)
    if view.color:
        return [text]
    return [text, Text(INDENT * 2 + " " * len(before) + "^" * len(match))]


def _flat(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ")


def _print_wrapped(console: _Lines, text: str, width: int, style: str) -> None:
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
