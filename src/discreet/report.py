"""What an audit found, ready for any formatter: no engine, no files, no colours."""

from __future__ import annotations

from dataclasses import dataclass

from discreet.model import Document, Finding, Location, Section, Severity
from discreet.packs import Rule

REPORT_VERSION = 1


@dataclass(frozen=True, slots=True)
class LocatedFinding:
    """A finding with the place a person would look for it."""

    finding: Finding
    location: Location
    section: Section
    hidden: bool
    line_text: str
    line_start: int


@dataclass(frozen=True, slots=True)
class DocumentReport:
    """One audited document and its findings in text order."""

    document: Document
    findings: tuple[LocatedFinding, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be audited, with the one-line reason."""

    path: str
    message: str


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run of discreet found."""

    documents: tuple[DocumentReport, ...]
    failures: tuple[Failure, ...]
    rules: tuple[Rule, ...]

    def worst(self) -> Severity | None:
        """The highest severity of any finding, or None when nothing was found."""
        severities = [f.finding.severity for d in self.documents for f in d.findings]
        return max(severities, key=lambda s: s.rank) if severities else None

    def rule(self, rule_id: str) -> Rule | None:
        """The rule with this id, when it came from a pack."""
        return next((r for r in self.rules if r.id == rule_id), None)
