"""Counts over a caseload or a class, with no document text and no file names: safe to share."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace

from discreet.formatters.options import RenderOptions
from discreet.formatters.view import ReportView, prepare
from discreet.report import Report

AGGREGATE_VERSION = 1


def render(report: Report, options: RenderOptions) -> str:
    """Render the report's totals as JSON; no matched text, path or location ever appears."""
    # Nothing is masked: an aggregate never carries matched text, so hiding it would only cost time.
    return layout(prepare(report, replace(options, mask=False)))


def layout(view: ReportView) -> str:
    """The prepared report's counts; --quiet changes nothing, since they are a summary already."""
    totals = view.totals
    per_document = sorted(len(d.findings) for d in view.documents)
    kinds = Counter(d.format.value for d in view.documents)
    data = {
        "version": AGGREGATE_VERSION,
        "documents": totals.documents,
        "resumes": totals.resumes,
        "profiles": totals.profiles,
        "formats": dict(sorted(kinds.items())),
        "unreadable": totals.failures,
        "documents_with_findings": sum(1 for n in per_document if n),
        "findings": totals.findings,
        "findings_per_document": {
            "min": per_document[0] if per_document else 0,
            "median": per_document[len(per_document) // 2] if per_document else 0,
            "max": per_document[-1] if per_document else 0,
        },
        "comparisons": len(view.comparisons),
        "exposures": totals.exposures,
        "by_verdict": {k.value: v for k, v in totals.by_verdict.items()},
        "by_severity": {k.value: v for k, v in totals.by_severity.items()},
        "by_category": {k.value: v for k, v in totals.by_category.items()},
        "by_rule": totals.by_rule,
    }
    return json.dumps(data, indent=2) + "\n"
