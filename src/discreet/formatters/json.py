"""The versioned JSON contract that scripts and the benchmark read."""

from __future__ import annotations

import json
from typing import Any

from discreet.formatters.options import RenderOptions, shown
from discreet.report import REPORT_VERSION, DocumentReport, LocatedFinding, Report


def render(report: Report, options: RenderOptions) -> str:
    """Render a report as JSON: documents with their findings, and inputs that failed."""
    data = {
        "version": REPORT_VERSION,
        "documents": [_document(d, options) for d in report.documents],
        "errors": [{"path": f.path, "message": f.message} for f in report.failures],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _document(report: DocumentReport, options: RenderOptions) -> dict[str, Any]:
    document = report.document
    return {
        "path": document.path,
        "kind": document.kind.value,
        "format": document.format.value,
        "findings": [_finding(f, options) for f in report.findings],
        "notes": list(document.notes),
        "warnings": list(report.warnings),
    }


def _finding(located: LocatedFinding, options: RenderOptions) -> dict[str, Any]:
    finding = located.finding
    return {
        "rule": finding.rule,
        "category": finding.category.value,
        "severity": finding.severity.value,
        "start": finding.start,
        "end": finding.end,
        "text": shown(finding.text, options),
        "location": located.location.to_dict(),
        "section": located.section.value,
        "hidden": located.hidden,
    }
