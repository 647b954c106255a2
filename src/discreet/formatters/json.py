"""The versioned JSON contract that scripts and the benchmark read."""

from __future__ import annotations

import json
from typing import Any

from discreet.formatters.options import RenderOptions, hiding, scrubbed, shown
from discreet.model import Location
from discreet.report import REPORT_VERSION, Comparison, DocumentReport, Failure, LocatedFinding, Report


def render(report: Report, options: RenderOptions) -> str:
    """Render a report as JSON: documents with their findings, comparisons, and inputs that failed."""
    options = hiding(report, options)
    comparisons = [comparison_data(c, options) for c in report.comparisons]
    data = {
        "version": REPORT_VERSION,
        "documents": [document_data(d, report, options) for d in report.documents],
        "comparison": comparisons[0] if len(comparisons) == 1 else None,
        "comparisons": comparisons,
        "errors": [failure_data(f) for f in report.failures],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def failure_data(failure: Failure) -> dict[str, Any]:
    """An input that could not be audited, as the contract shows it."""
    return {"path": failure.path, "message": failure.message}


def document_data(document_report: DocumentReport, report: Report, options: RenderOptions) -> dict[str, Any]:
    """One audited document as the contract shows it; options must come from hiding()."""
    document = document_report.document
    # Only when some were: reports without ignore directives or a baseline keep their exact shape.
    accepted = {"suppressed": document_report.suppressed} if document_report.suppressed else {}
    return {
        "path": document.path,
        "kind": document.kind.value,
        "format": document.format.value,
        "findings": [_finding(f, report, options) for f in document_report.findings],
        "verdicts": {v.value: n for v, n in document_report.verdict_counts().items()},
        "notes": list(document.notes),
        "warnings": list(document_report.warnings),
        **accepted,
    }


def _finding(located: LocatedFinding, report: Report, options: RenderOptions) -> dict[str, Any]:
    finding = located.finding
    data: dict[str, Any] = {
        "rule": finding.rule,
        "category": finding.category.value,
        "severity": finding.severity.value,
        "title": report.title(finding.rule),
        "start": finding.start,
        "end": finding.end,
        "text": shown(finding.text, options),
        "location": located.location.to_dict(),
        "section": located.section.value,
        "hidden": located.hidden,
        "verdict": located.verdict.value,
    }
    rule = report.rule(finding.rule)
    public, resume = report.actions(located)
    advice = located.advice
    data["why"] = rule.why if rule is not None else ""
    data["public"] = public.value
    data["resume"] = resume.value
    data["advice"] = (
        {"reason": scrubbed(advice.reason, options), "rewrite": scrubbed(advice.rewrite, options)}
        if advice is not None
        else None
    )
    return data


def _location(location: Location | None) -> dict[str, Any] | None:
    return location.to_dict() if location is not None else None


def comparison_data(comparison: Comparison, options: RenderOptions) -> dict[str, Any]:
    """A resume compared with its profile, as the contract shows it; options must come from hiding()."""
    return {
        "resume": comparison.resume_path,
        "profile": comparison.profile_path,
        "exposures": [
            {
                "rule": e.rule,
                "category": e.category.value,
                "severity": e.severity.value,
                "text": shown(e.text, options),
                "resume": _location(e.resume),
                "profile": e.profile.to_dict(),
            }
            for e in comparison.exposures
        ],
        "replacement_ratio": round(comparison.replacement_ratio, 3),
        "resume_only_share": round(comparison.resume_only_share, 3),
        "suggestions": [
            {"section": s.section.value, "text": scrubbed(s.text, options), "resume": s.resume.to_dict()}
            for s in comparison.suggestions
        ],
        "mismatches": [
            {
                "field": m.field,
                "resume_value": scrubbed(m.resume_value, options),
                "profile_value": scrubbed(m.profile_value, options),
                "resume": _location(m.resume),
                "profile": m.profile.to_dict(),
            }
            for m in comparison.mismatches
        ],
    }
