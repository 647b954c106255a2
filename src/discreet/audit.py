"""The whole pipeline: read each input, detect, locate every finding."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from discreet.classify import classify, finding_verdict
from discreet.detect import Terms, detect
from discreet.errors import InputError
from discreet.model import Document, DocumentKind, Finding, Limits, Location, TextLocation
from discreet.packs import Rule
from discreet.read import expand, read
from discreet.report import DocumentReport, Failure, LocatedFinding, Report


def audit(
    paths: Sequence[Path],
    rules: Sequence[Rule],
    *,
    profile: Path | None = None,
    terms: Terms = Terms(),
    limits: Limits = Limits(),
) -> Report:
    """Audit every document named by paths (and the profile), collecting unreadable ones as failures."""
    documents: list[DocumentReport] = []
    failures: list[Failure] = []
    inputs = [(path, False) for path in expand(paths, limits)] + ([(profile, True)] if profile else [])
    for path, is_profile in inputs:
        try:
            document = read(path, limits)
        except InputError as error:
            failures.append(Failure(str(path), str(error)))
            continue
        if is_profile:
            document = replace(document, kind=DocumentKind.PROFILE)
        documents.append(audit_document(document, rules, terms))
    return Report(tuple(documents), tuple(failures), tuple(rules))


def audit_document(document: Document, rules: Sequence[Rule], terms: Terms = Terms()) -> DocumentReport:
    """Detect and locate the findings of one parsed document."""
    detection = detect(document, rules, terms)
    by_id = {rule.id: rule for rule in rules}
    located = tuple(
        replace(locate(document, f), verdict=finding_verdict(f, by_id)) for f in detection.findings
    )
    warnings = tuple(f"rule {r} took too long on this document and was stopped" for r in detection.timeouts)
    return DocumentReport(document, located, warnings, classify(document, detection.findings, by_id))


def locate(document: Document, finding: Finding) -> LocatedFinding:
    """Place a finding in the segment that holds its start, down to the column for text files."""
    segment = document.segment_at(finding.start)
    location: Location = segment.location
    if isinstance(location, TextLocation):
        location = replace(location, column=finding.start - segment.start + 1)
    return LocatedFinding(finding, location, segment.section, segment.hidden, segment.text, segment.start)
