"""The registry of report formats: one module each, laying out the prepared view, imported on demand."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, assert_never

if TYPE_CHECKING:
    from discreet.formatters.options import RenderOptions
    from discreet.report import Report

Render = Callable[["Report", "RenderOptions"], str]


class ReportFormat(StrEnum):
    """The report formats audit can write."""

    TEXT = "text"
    JSON = "json"
    JSONL = "jsonl"
    SARIF = "sarif"
    MARKDOWN = "markdown"
    HTML = "html"
    AGGREGATE = "aggregate"


def renderer(report_format: ReportFormat) -> Render:
    """The render function of a format; only its module is imported, since each costs start-up time."""
    match report_format:
        case ReportFormat.TEXT:
            from discreet.formatters import terminal

            return terminal.render
        case ReportFormat.JSON:
            from discreet.formatters import json

            return json.render
        case ReportFormat.JSONL:
            from discreet.formatters import jsonl

            return jsonl.render
        case ReportFormat.SARIF:
            from discreet.formatters import sarif

            return sarif.render
        case ReportFormat.MARKDOWN:
            from discreet.formatters import markdown

            return markdown.render
        case ReportFormat.HTML:
            from discreet.formatters import html

            return html.render
        case ReportFormat.AGGREGATE:
            from discreet.formatters import aggregate

            return aggregate.render
        case _:
            assert_never(report_format)
