"""JSON Lines: one object a line (each document, each failed input, then each comparison) for big batches."""

from __future__ import annotations

import json
from typing import Any

from discreet.formatters.json import comparison_data, document_data, failure_data, summary_data
from discreet.formatters.options import RenderOptions
from discreet.formatters.view import prepare, prepare_comparisons
from discreet.packs import Rule
from discreet.report import REPORT_VERSION, DocumentReport, Failure, Report


def render(report: Report, options: RenderOptions) -> str:
    """Render a report as JSON Lines: documents, then inputs that failed, then comparisons.

    With --quiet it is one line, the summary.
    """
    if options.quiet:
        return _line("summary", summary_data(report.totals()))
    results: list[DocumentReport | Failure] = [*report.documents, *report.failures]
    return "".join(result_line(r, report.rules, options) for r in results) + tail(report, options)


class Stream:
    """The lines of a report as its inputs finish, then the rest once the report is complete."""

    def __init__(self, rules: tuple[Rule, ...], options: RenderOptions) -> None:
        self.rules, self.options = rules, options
        # The failures already written, by identity: equal failures of two inputs are two lines.
        self.written: set[int] = set()

    def line(self, result: DocumentReport | Failure) -> str:
        """The line of an input that just finished."""
        if isinstance(result, Failure):
            self.written.add(id(result))
        return result_line(result, self.rules, self.options)

    def rest(self, report: Report) -> str:
        """The lines not streamed yet: inputs that failed before any worker saw them, then comparisons."""
        failed = [f for f in report.failures if id(f) not in self.written]
        return "".join(result_line(f, self.rules, self.options) for f in failed) + tail(report, self.options)


def result_line(result: DocumentReport | Failure, rules: tuple[Rule, ...], options: RenderOptions) -> str:
    """The line of one finished input, the same whether streamed or rendered from the final report.

    With --mask a document's line hides the matches of that document, since later ones are not known yet.
    """
    if isinstance(result, Failure):
        alone = Report((), (result,), rules)
        return _line("error", failure_data(prepare(alone, options).failures[0]))
    alone = Report((result,), (), rules)
    return _line("document", document_data(prepare(alone, options).documents[0]))


def tail(report: Report, options: RenderOptions) -> str:
    """The lines written once every input is done: one per comparison."""
    return "".join(_line("comparison", comparison_data(c)) for c in prepare_comparisons(report, options))


def _line(kind: str, data: dict[str, Any]) -> str:
    return json.dumps({"version": REPORT_VERSION, "type": kind, **data}, ensure_ascii=False) + "\n"
