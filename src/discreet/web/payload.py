"""The findings JSON the page reads: documents, findings and comparison as plain data (see API.md)."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from typing import Any

from discreet.model import Verdict
from discreet.report import Comparison, DocumentReport, LocatedFinding, Report
from discreet.safecopy import unfixable

Json = dict[str, Any]


def audit_payload(report: Report, resume: DocumentReport, profile: DocumentReport | None) -> Json:
    """The answer of POST /api/audit for an audited resume and, when given, its profile."""
    comparison = report.comparisons[0] if report.comparisons else None
    return {
        "resume": document_payload(report, resume),
        "profile": document_payload(report, profile) if profile is not None else None,
        "comparison": comparison_payload(report, comparison) if comparison is not None else None,
        "fix": {"available": not unfixable(resume), "reason": unfixable(resume)},
    }


def document_payload(report: Report, audited: DocumentReport) -> Json:
    """One document: its name, format, kind, whole text, notes, findings and counts by verdict."""
    document = audited.document
    utf16 = _Utf16(document.text)
    verdicts = Counter(located.verdict for located in audited.findings)
    return {
        "name": document.path,
        "format": document.format.value,
        "kind": document.kind.value,
        "text": document.text,
        "notes": [*document.notes, *audited.warnings],
        "findings": [
            _finding(report, located, f"f{number}", utf16) for number, located in enumerate(audited.findings)
        ],
        "counts": {verdict.value: verdicts[verdict] for verdict in _VERDICTS},
    }


# The order the page lists verdicts in: the most urgent first.
_VERDICTS = (Verdict.NEVER, Verdict.REPLACEMENT, Verdict.COMPLEMENT)


def _finding(report: Report, located: LocatedFinding, key: str, utf16: _Utf16) -> Json:
    finding, advice = located.finding, located.advice
    rule = report.rule(finding.rule)
    public, resume = report.actions(located)
    return {
        "id": key,
        "start": finding.start,
        "end": finding.end,
        "start16": utf16.offset(finding.start),
        "end16": utf16.offset(finding.end),
        "rule": finding.rule,
        "category": finding.category.value,
        "severity": finding.severity.value,
        "title": report.title(finding.rule),
        "why": rule.why if rule is not None else "",
        "verdict": located.verdict.value,
        "public_action": public.value,
        "resume_action": resume.value,
        "reason": advice.reason if advice is not None else "",
        "rewrite": advice.rewrite if advice is not None else "",
        "location": located.location.describe(),
        "section": located.section.value,
        "text": finding.text,
    }


def comparison_payload(report: Report, comparison: Comparison) -> Json:
    """What the profile exposes, where it contradicts the resume, and what it could add."""
    return {
        "reproduced": round(comparison.replacement_ratio, 3),
        "resume_only_share": round(comparison.resume_only_share, 3),
        "exposures": [
            {
                "rule": exposure.rule,
                "title": report.title(exposure.rule),
                "text": exposure.text,
                "resume_location": exposure.resume.describe() if exposure.resume else None,
                "profile_location": exposure.profile.describe(),
            }
            for exposure in comparison.exposures
        ],
        "mismatches": [
            {
                "what": f"{m.field}: resume “{m.resume_value}” vs profile “{m.profile_value}”",
                "field": m.field,
                "resume_value": m.resume_value,
                "profile_value": m.profile_value,
                "resume_location": m.resume.describe() if m.resume else None,
                "profile_location": m.profile.describe(),
            }
            for m in comparison.mismatches
        ],
        "suggestions": [
            {"what": s.text, "section": s.section.value, "resume_location": s.resume.describe()}
            for s in comparison.suggestions
        ],
    }


class _Utf16:
    """Turns code-point offsets into UTF-16 offsets: each character past U+FFFF counts twice in JavaScript."""

    def __init__(self, text: str) -> None:
        self.astral = [index for index, char in enumerate(text) if ord(char) > 0xFFFF]

    def offset(self, index: int) -> int:
        return index + bisect_left(self.astral, index)
