"""Audit an HR archive or a job board's uploads on a Dask cluster; only counts come back from the workers.

Each top-level entry of the archive (a resume, a candidate's folder, a LinkedIn export) is one task:
a worker audits it with discreet's Python API and returns the counts the aggregate report is made of
(documents, formats, findings by verdict, severity, category and rule), never a path, a location or
matched text. The client adds them up and prints the same JSON as `discreet audit ARCHIVE --format
aggregate`. Ask for the reports themselves with --reports (they hold matched text: keep them private).

    python examples/dask_archive.py ARCHIVE                      # a local cluster of 2 workers
    python examples/dask_archive.py ARCHIVE --scheduler tcp://scheduler:8786
    python examples/dask_archive.py ARCHIVE --private-terms terms.txt

Needs `pip install 'discreet[scale]'` (dask[distributed]) on the client and on every worker, and the
archive at the same path on every worker (a shared volume).
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import dask
from distributed import Client, LocalCluster

import discreet

AGGREGATE_VERSION = 1  # the version of `discreet audit --format aggregate` this output matches


@dataclass(frozen=True, slots=True)
class Counts:
    """What one task sends back: counts only, with no path, location or document text."""

    resumes: int = 0
    profiles: int = 0
    unreadable: int = 0
    formats: Counter[str] = field(default_factory=Counter)
    findings_per_document: tuple[int, ...] = ()
    by_verdict: Counter[str] = field(default_factory=Counter)
    by_severity: Counter[str] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.resumes + other.resumes,
            self.profiles + other.profiles,
            self.unreadable + other.unreadable,
            self.formats + other.formats,
            (*self.findings_per_document, *other.findings_per_document),
            self.by_verdict + other.by_verdict,
            self.by_severity + other.by_severity,
            self.by_category + other.by_category,
            self.by_rule + other.by_rule,
        )


def counts_of(report: discreet.Report) -> Counts:
    """The counts of one report: its totals, its documents' formats and how many findings each has."""
    totals = report.totals()
    return Counts(
        resumes=totals.resumes,
        profiles=totals.profiles,
        unreadable=totals.failures,
        formats=Counter(d.document.format.value for d in report.documents),
        findings_per_document=tuple(len(d.findings) for d in report.documents),
        by_verdict=Counter({k.value: v for k, v in totals.by_verdict.items()}),
        by_severity=Counter({k.value: v for k, v in totals.by_severity.items()}),
        by_category=Counter({k.value: v for k, v in totals.by_category.items()}),
        by_rule=Counter(totals.by_rule),
    )


Terms = Sequence[str] | Mapping[str, str]


@functools.cache
def worker_rules() -> tuple[discreet.Rule, ...]:
    """The built-in rules, loaded and compiled once per worker process, then kept for its next tasks."""
    rules = discreet.load_rules()
    for rule in rules:
        # NOTE: compiled here: discreet audits each document in a child process it forks, and rules
        # not yet compiled would be compiled again in every child (seconds, for 0.2 s of auditing).
        _ = rule.patterns
        for words in (rule.context, rule.exclude):
            if words is not None:
                words.search("")
    return rules


def audit_entry(path: str, private_terms: Terms = ()) -> Counts:
    """Run on a worker: audit one archive entry and keep only its counts."""
    return counts_of(discreet.audit_path(path, private_terms=private_terms, rules=worker_rules()))


def audit_entry_reports(path: str, private_terms: Terms = ()) -> discreet.Report:
    """Run on a worker when asked: the whole report of one entry, matched text included."""
    return discreet.audit_path(path, private_terms=private_terms, rules=worker_rules())


# The files discreet takes from a folder (read.DOCUMENT_SUFFIXES): documents, and the formats it
# names as unreadable (.doc, images) so that they count; anything else in the archive is left out.
DOCUMENT_SUFFIXES = frozenset(
    {".pdf", ".docx", ".txt", ".text", ".md", ".markdown", ".json", ".zip", ".tex"}
    | {".doc", ".odt", ".pages", ".rtf", ".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".heic", ".webp"}
)


def entries(archive: Path) -> list[str]:
    """The archive's top-level folders and documents, one task each, as discreet picks them in a folder."""
    found = (p for p in archive.iterdir() if not p.name.startswith("."))
    return sorted(str(p) for p in found if p.is_dir() or p.suffix.lower() in DOCUMENT_SUFFIXES)


def aggregate(counts: Counts) -> str:
    """The JSON of `discreet audit --format aggregate`, from counts added up over every task."""
    per_document = sorted(counts.findings_per_document)
    severities = ("critical", "high", "medium", "low", "info")
    categories = ("financial", "confidential", "personal", "compensation", "references", "note")
    data = {
        "version": AGGREGATE_VERSION,
        "documents": len(per_document),
        "resumes": counts.resumes,
        "profiles": counts.profiles,
        "formats": dict(sorted(counts.formats.items())),
        "unreadable": counts.unreadable,
        "documents_with_findings": sum(1 for n in per_document if n),
        "findings": sum(per_document),
        "findings_per_document": {
            "min": per_document[0] if per_document else 0,
            "median": per_document[len(per_document) // 2] if per_document else 0,
            "max": per_document[-1] if per_document else 0,
        },
        # An archive audited entry by entry pairs no resume with a profile.
        "comparisons": 0,
        "exposures": 0,
        "by_verdict": {v: counts.by_verdict[v] for v in ("complement", "replacement", "never")},
        "by_severity": {s: counts.by_severity[s] for s in severities},
        "by_category": {c: counts.by_category[c] for c in categories if counts.by_category[c]},
        "by_rule": dict(sorted((rule, n) for rule, n in counts.by_rule.items() if n)),
    }
    return json.dumps(data, indent=2) + "\n"


def audit_archive(client: Client, archive: Path, private_terms: Terms = ()) -> Counts:
    """Map the audit over the cluster, one task per entry, and add up the counts."""
    futures = client.map(audit_entry, entries(archive), private_terms=private_terms, pure=False)
    total = Counts()
    for counts in client.gather(futures):
        total += counts
    return total


def local_cluster(workers: int) -> LocalCluster:
    """Worker processes of one thread each, allowed to fork: discreet audits each document in a child
    process of its own, bounded in time and memory, which daemonic processes may not start."""
    with dask.config.set({"distributed.worker.daemon": False}):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")


def _terms(path: Path | None) -> dict[str, str]:
    """A --private-terms file: a name a line, `Name => what a rewrite says instead` for a stand-in."""
    if path is None:
        return {}
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    pairs = (line.partition("=>") for line in lines if line and not line.startswith("#"))
    return {name.strip(): stand_in.strip() for name, _, stand_in in pairs}


def main(argv: Iterable[str] | None = None) -> int:
    """Audit the archive on a cluster and print the aggregate (or, with --reports, each entry's findings)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: a local cluster)")
    parser.add_argument("--workers", type=int, default=2, help="workers of the local cluster (default 2)")
    parser.add_argument("--private-terms", type=Path, help="file of names that are always private")
    parser.add_argument("--reports", action="store_true", help="bring back each finding (matched text!)")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not args.archive.is_dir():
        print(f"{args.archive}: not a folder; name the archive's folder", file=sys.stderr)
        return 2
    cluster = None if args.scheduler else local_cluster(args.workers)
    with Client(args.scheduler or cluster) as client:
        terms = _terms(args.private_terms)
        if args.reports:
            futures = client.map(audit_entry_reports, entries(args.archive), private_terms=terms)
            for entry in client.gather(futures):
                for document in entry.documents:
                    for located in document.findings:
                        print(
                            f"{document.document.path}\t{located.location.describe()}\t{located.finding.rule}"
                        )
        else:
            sys.stdout.write(aggregate(audit_archive(client, args.archive, terms)))
    if cluster is not None:
        cluster.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
