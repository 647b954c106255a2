"""What an audit found, ready for any formatter: no engine, no files, no colours."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from discreet.model import Action, Advice, Category, Document, Finding, Location, Section, Severity, Verdict
from discreet.packs import Rule, rule_actions
from discreet.privateterm import rules_by_id

REPORT_VERSION = 3


@dataclass(frozen=True, slots=True)
class LocatedFinding:
    """A finding with the place a person would look for it."""

    finding: Finding
    location: Location
    section: Section
    hidden: bool
    line_text: str
    line_start: int
    verdict: Verdict
    advice: Advice | None


@dataclass(frozen=True, slots=True)
class DocumentReport:
    """One audited document and its findings in text order."""

    document: Document
    findings: tuple[LocatedFinding, ...]
    warnings: tuple[str, ...] = ()
    verdicts: tuple[Verdict, ...] = ()
    suppressed: int = 0

    def verdict_counts(self) -> dict[Verdict, int]:
        """How many segments received each verdict."""
        counts = Counter(self.verdicts)
        return {verdict: counts[verdict] for verdict in Verdict}


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be audited, with the one-line reason (and a traceback for --debug)."""

    path: str
    message: str
    debug: str = ""
    # Reading or auditing it ran out of memory: past --max-memory-mb, most likely, not a bad file.
    out_of_memory: bool = False


@dataclass(frozen=True, slots=True)
class Exposure:
    """Resume-only or never material that the public profile already shows."""

    rule: str
    category: Category
    severity: Severity
    text: str
    profile: Location
    resume: Location | None


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Resume content that is safe to add to the profile and is missing there."""

    section: Section
    text: str
    resume: Location


@dataclass(frozen=True, slots=True)
class Mismatch:
    """An employer, title or date that the resume and the profile give differently."""

    field: str
    resume_value: str
    profile_value: str
    resume: Location | None
    profile: Location


@dataclass(frozen=True, slots=True)
class Comparison:
    """How a public profile relates to the resume: what it exposes, copies, lacks and contradicts."""

    resume_path: str
    profile_path: str
    exposures: tuple[Exposure, ...]
    replacement_ratio: float
    resume_only_share: float
    suggestions: tuple[Suggestion, ...]
    mismatches: tuple[Mismatch, ...]


@dataclass(frozen=True, slots=True)
class Totals:
    """Counts over a whole report, with no document text: what a summary or an aggregate shows."""

    documents: int
    resumes: int
    profiles: int
    findings: int
    exposures: int
    failures: int
    by_verdict: dict[Verdict, int]
    by_severity: dict[Severity, int]
    by_category: dict[Category, int]
    by_rule: dict[str, int]
    suppressed: int = 0


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run of discreet found."""

    documents: tuple[DocumentReport, ...]
    failures: tuple[Failure, ...]
    rules: tuple[Rule, ...]
    comparisons: tuple[Comparison, ...] = ()
    # The files an --only-resumes run left out as not resumes (package.json): paths, never content.
    skipped: tuple[str, ...] = ()

    def worst(self) -> Severity | None:
        """The highest severity of any finding, or None when nothing was found."""
        severities = [f.finding.severity for d in self.documents for f in d.findings]
        return max(severities, key=lambda s: s.rank) if severities else None

    def totals(self) -> Totals:
        """Counts of documents, findings by verdict, severity, category and rule, exposures and failures."""
        findings = [f for d in self.documents for f in d.findings]
        kinds = Counter(d.document.kind.value for d in self.documents)
        verdicts = Counter(f.verdict for f in findings)
        severities = Counter(f.finding.severity for f in findings)
        categories = Counter(f.finding.category for f in findings)
        return Totals(
            documents=len(self.documents),
            resumes=kinds["resume"],
            profiles=kinds["profile"],
            findings=len(findings),
            exposures=sum(len(c.exposures) for c in self.comparisons),
            failures=len(self.failures),
            by_verdict={v: verdicts[v] for v in Verdict},
            by_severity={s: severities[s] for s in reversed(Severity)},
            by_category={c: categories[c] for c in Category if categories[c]},
            by_rule=dict(sorted(Counter(f.finding.rule for f in findings).items())),
            suppressed=sum(d.suppressed for d in self.documents),
        )

    def title(self, rule_id: str) -> str:
        """What a rule flags, in words."""
        rule = self.rule(rule_id)
        return rule.title if rule else rule_id

    def rule(self, rule_id: str) -> Rule | None:
        """The rule a finding came from: a pack's, or the private-term rule."""
        return rules_by_id(self.rules).get(rule_id)

    def actions(self, located: LocatedFinding) -> tuple[Action, Action]:
        """A finding's public and resume actions: its advice's, else its rule's, else its category's."""
        if located.advice is not None:
            return located.advice.public, located.advice.resume
        return rule_actions(self.rule(located.finding.rule), located.finding.category)


@dataclass(frozen=True, slots=True)
class FixedCopy:
    """A safe copy's bytes, the summary `discreet fix` prints, what its own audit still flags, and
    whether a person must decide something (a flag left, a tracked change to accept) before it is safe."""

    data: bytes
    summary: tuple[str, ...]
    remaining: tuple[LocatedFinding, ...]
    needs_person: bool
