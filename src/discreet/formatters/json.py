"""The versioned JSON contract that scripts and the benchmark read."""

from __future__ import annotations

import json
from typing import Any

from discreet.formatters.options import RenderOptions
from discreet.formatters.view import (
    ComparisonView,
    DocumentView,
    FailureView,
    FindingView,
    ReportView,
    prepare,
)
from discreet.model import Location
from discreet.report import REPORT_VERSION, Report, Totals


def render(report: Report, options: RenderOptions) -> str:
    """Render a report as JSON: documents with their findings, comparisons, and inputs that failed."""
    return layout(prepare(report, options))


def layout(view: ReportView) -> str:
    """The prepared report as one JSON document; with --quiet, its summary only."""
    if view.quiet:
        data: dict[str, Any] = {"version": REPORT_VERSION, "summary": summary_data(view.totals)}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    comparisons = [comparison_data(c) for c in view.comparisons]
    data = {
        "version": REPORT_VERSION,
        "documents": [document_data(d) for d in view.documents],
        "comparison": comparisons[0] if len(comparisons) == 1 else None,
        "comparisons": comparisons,
        "errors": [failure_data(f) for f in view.failures],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def summary_data(totals: Totals) -> dict[str, Any]:
    """The counts of a whole report, with no text and no path: what --quiet keeps."""
    return {
        "documents": totals.documents,
        "resumes": totals.resumes,
        "profiles": totals.profiles,
        "unreadable": totals.failures,
        "findings": totals.findings,
        "suppressed": totals.suppressed,
        "exposures": totals.exposures,
        "by_verdict": {k.value: v for k, v in totals.by_verdict.items()},
        "by_severity": {k.value: v for k, v in totals.by_severity.items()},
        "by_category": {k.value: v for k, v in totals.by_category.items()},
        "by_rule": totals.by_rule,
    }


def failure_data(failure: FailureView) -> dict[str, Any]:
    """An input that could not be audited, as the contract shows it."""
    return {"path": failure.path, "message": failure.message}


def document_data(document: DocumentView) -> dict[str, Any]:
    """One audited document as the contract shows it."""
    # Only when some were: reports without ignore directives or a baseline keep their exact shape.
    accepted = {"suppressed": document.suppressed} if document.suppressed else {}
    return {
        "path": document.path,
        "kind": document.kind.value,
        "format": document.format.value,
        "findings": [_finding(f) for f in document.findings],
        "verdicts": {v.value: n for v, n in document.verdicts.items()},
        "notes": [note.text for note in document.notes],
        "warnings": [warning.text for warning in document.warnings],
        **accepted,
    }


def _finding(finding: FindingView) -> dict[str, Any]:
    advice = finding.advice
    return {
        "rule": finding.rule,
        "category": finding.category.value,
        "severity": finding.severity.value,
        "title": finding.title,
        "start": finding.start,
        "end": finding.end,
        "text": finding.text,
        "location": finding.location.to_dict(),
        "section": finding.section.value,
        "hidden": finding.hidden,
        "verdict": finding.verdict.value,
        "why": finding.why,
        "public": finding.public.value,
        "resume": finding.resume.value,
        "advice": {"reason": advice.reason, "rewrite": advice.rewrite} if advice is not None else None,
    }


def _location(location: Location | None) -> dict[str, Any] | None:
    return location.to_dict() if location is not None else None


def comparison_data(comparison: ComparisonView) -> dict[str, Any]:
    """A resume compared with its profile, as the contract shows it."""
    return {
        "resume": comparison.resume_path,
        "profile": comparison.profile_path,
        "exposures": [
            {
                "rule": e.rule,
                "category": e.category.value,
                "severity": e.severity.value,
                "text": e.text,
                "resume": _location(e.resume),
                "profile": e.profile.to_dict(),
            }
            for e in comparison.exposures
        ],
        "replacement_ratio": round(comparison.replacement_ratio, 3),
        "resume_only_share": round(comparison.resume_only_share, 3),
        "suggestions": [
            {"section": s.section.value, "text": s.text, "resume": s.resume.to_dict()}
            for s in comparison.suggestions
        ],
        "mismatches": [
            {
                "field": m.field,
                "resume_value": m.resume_value,
                "profile_value": m.profile_value,
                "resume": _location(m.resume),
                "profile": m.profile.to_dict(),
            }
            for m in comparison.mismatches
        ],
    }
