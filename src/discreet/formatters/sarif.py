"""SARIF 2.1.0 for code-scanning tools: rule ids and locations only, never the matched text."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from discreet import __version__
from discreet.formatters.json import summary_data
from discreet.formatters.options import RenderOptions
from discreet.formatters.view import FailureView, ReportView, prepare
from discreet.model import (
    Action,
    Category,
    Document,
    Severity,
    Verdict,
)
from discreet.packs import Rule, rule_actions
from discreet.privateterm import rules_by_id
from discreet.report import LocatedFinding, Report

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT = "discreetLocation/v1"
LEVEL = {
    Severity.CRITICAL: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
    Severity.INFO: "note",
}
# GitHub code scanning ranks results by this score (0.1 to 10) when the rule is tagged "security".
SECURITY_SEVERITY = {
    Severity.CRITICAL: "9.5",
    Severity.HIGH: "8.0",
    Severity.MEDIUM: "5.5",
    Severity.LOW: "3.0",
    Severity.INFO: "1.0",
}
VERDICT_PHRASE = {
    Verdict.NEVER: "never public (remove it everywhere)",
    Verdict.REPLACEMENT: "resume only (keep it off public profiles)",
    Verdict.COMPLEMENT: "safe on a public profile",
}
OFFSETS_NOTE = (
    "For PDF and DOCX files, region charOffset and charLength count characters of the text discreet "
    "extracts (see `discreet extract`), not bytes of the file; region properties give page and line, "
    "or part, paragraph and table cell."
)


def render(report: Report, options: RenderOptions) -> str:
    """Render a report as one SARIF run; masking changes nothing, since SARIF never carries text."""
    # Nothing is masked: SARIF never carries matched text, so hiding it would only cost time.
    return layout(prepare(report, replace(options, mask=False)))


def layout(view: ReportView) -> str:
    """The prepared report as one SARIF run; with --quiet, no results but the summary in its properties."""
    rules = _descriptors(view)
    index = {descriptor["id"]: i for i, descriptor in enumerate(rules)}
    known = rules_by_id(view.rules)
    results = [
        _result(f.source, document.source, index[f.rule], known.get(f.rule))
        for document in view.documents
        for f in document.findings
    ]
    properties: dict[str, Any] = {"offsets": OFFSETS_NOTE}
    if view.totals.suppressed:
        properties["suppressed"] = view.totals.suppressed
    if view.quiet:
        properties["summary"] = summary_data(view.totals)
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "discreet", "version": __version__, "rules": rules}},
        "invocations": [_invocation(view)],
        "artifacts": [_artifact(d.source) for d in view.documents],
        "columnKind": "unicodeCodePoints",
        "results": [] if view.quiet else results,
        "properties": properties,
    }
    sarif = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"


def _descriptors(view: ReportView) -> list[dict[str, Any]]:
    """Every rule that ran, then any rule id a finding names that no pack declared."""
    descriptors = [_rule(rule) for rule in view.rules]
    declared = {rule.id for rule in view.rules}
    for document in view.documents:
        for finding in document.findings:
            if finding.rule not in declared:
                declared.add(finding.rule)
                descriptors.append(_undeclared(finding.rule, finding.category, finding.severity))
    return descriptors


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": _pascal(rule.id),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.why},
        "help": {"text": rule.advice},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {
            "category": rule.category.value,
            "severity": rule.severity.value,
            "pack": rule.pack,
            "public": rule.public.value,
            "resume": rule.resume.value,
            "tags": ["privacy", "security", rule.category.value],
            "security-severity": SECURITY_SEVERITY[rule.severity],
        },
    }


def _undeclared(rule_id: str, category: Category, severity: Severity) -> dict[str, Any]:
    public, resume = rule_actions(None, category)
    return {
        "id": rule_id,
        "name": _pascal(rule_id),
        "shortDescription": {"text": rule_id},
        "defaultConfiguration": {"level": LEVEL[severity]},
        "properties": {
            "category": category.value,
            "severity": severity.value,
            "public": public.value,
            "resume": resume.value,
            "tags": ["privacy", "security", category.value],
            "security-severity": SECURITY_SEVERITY[severity],
        },
    }


def _pascal(rule_id: str) -> str:
    """personal.street-address -> PersonalStreetAddress."""
    return "".join(word.capitalize() for word in re.split(r"[^A-Za-z0-9]+", rule_id) if word)


def _result(
    located: LocatedFinding, document: Document, rule_index: int, rule: Rule | None
) -> dict[str, Any]:
    finding = located.finding
    public, resume = _actions(located, rule)
    title = rule.title if rule else finding.rule
    message = (
        f"{title} at {located.location.describe()}: {VERDICT_PHRASE[located.verdict]}. "
        f"Public profile: {public.value}; resume: {resume.value}."
    )
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVEL[finding.severity],
        "message": {"text": message},
        "locations": [_location(located, document)],
        "partialFingerprints": {FINGERPRINT: _fingerprint(located, document)},
        "properties": {
            "category": finding.category.value,
            "severity": finding.severity.value,
            "verdict": located.verdict.value,
            "section": located.section.value,
            "hidden": located.hidden,
            "documentKind": document.kind.value,
        },
    }


def _actions(located: LocatedFinding, rule: Rule | None) -> tuple[Action, Action]:
    if located.advice is not None:
        return located.advice.public, located.advice.resume
    return rule_actions(rule, located.finding.category)


def _location(located: LocatedFinding, document: Document) -> dict[str, Any]:
    """A physical place a viewer can open, plus a logical name when lines alone cannot say where."""
    place = located.location.place()
    if place.column is not None and place.line is not None:
        region = _text_region(place.line, place.column, located.finding.text)
        return {"physicalLocation": {"artifactLocation": _artifact_location(document.path), "region": region}}
    path = f"{document.path}/{place.member}" if place.member else document.path
    physical: dict[str, Any] = {"artifactLocation": _artifact_location(path)}
    region = {}
    if place.extracted:
        region["charOffset"] = located.finding.start
        region["charLength"] = located.finding.end - located.finding.start
    if place.line is not None:
        region["startLine"] = place.line
    if place.properties:
        region["properties"] = dict(place.properties)
    if region:
        physical["region"] = region
    logical = {"kind": place.kind, "name": place.name, "fullyQualifiedName": located.location.describe()}
    return {"physicalLocation": physical, "logicalLocations": [logical]}


def _text_region(line: int, column: int, text: str) -> dict[str, Any]:
    """Start and end line and column; the end is worked out from the match's length and line breaks."""
    lines = text.split("\n")
    return {
        "startLine": line,
        "startColumn": column,
        "endLine": line + len(lines) - 1,
        "endColumn": (column if len(lines) == 1 else 1) + len(lines[-1]),
    }


def _artifact_location(path: str) -> dict[str, Any]:
    """A relative path stays relative (percent-encoded); an absolute one becomes a file:// URI."""
    pure = PurePath(path)
    uri = pure.as_uri() if pure.is_absolute() else quote(pure.as_posix(), safe="/")
    return {"uri": uri}


def _fingerprint(located: LocatedFinding, document: Document) -> str:
    """A hash of rule, path and position: stable across runs, and it cannot give the text back."""
    position = {
        "location": located.location.to_dict(),
        "offset": located.finding.start - located.line_start,
    }
    key = "\0".join((located.finding.rule, document.path, json.dumps(position, sort_keys=True)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _artifact(document: Document) -> dict[str, Any]:
    return {
        "location": _artifact_location(document.path),
        "roles": ["analysisTarget"],
        "properties": {"kind": document.kind.value, "format": document.format.value},
    }


def _invocation(view: ReportView) -> dict[str, Any]:
    notifications = [_failure(failure) for failure in view.failures]
    for document in view.documents:
        path = document.path
        notifications += [_notification("note", note.text, path) for note in document.notes]
        notifications += [_notification("warning", warning.text, path) for warning in document.warnings]
    return {"executionSuccessful": not view.failures, "toolExecutionNotifications": notifications}


def _failure(failure: FailureView) -> dict[str, Any]:
    message = failure.message if failure.path in failure.message else f"{failure.path}: {failure.message}"
    return _notification("error", message, failure.path)


def _notification(level: str, message: str, path: str) -> dict[str, Any]:
    return {
        "level": level,
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact_location(path)}}],
    }
