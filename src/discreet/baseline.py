"""Baselines: findings a person accepted, stored as keyed hashes so the file holds no matched text."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from discreet.errors import UsageError
from discreet.report import DocumentReport, LocatedFinding, Report

BASELINE_VERSION = 1


@dataclass(frozen=True, slots=True)
class Entry:
    """One accepted finding: where it was, its rule, and keyed hashes of its match and its sentence."""

    path: str
    rule: str
    match: str
    sentence: str
    section: str

    def identity(self) -> tuple[str, str, str, str]:
        """What must be equal for a finding to be this one; the section only helps a person find it."""
        return self.path, self.rule, self.match, self.sentence


@dataclass(frozen=True, slots=True)
class Baseline:
    """The key its hashes are made with and the entries it accepts; folder is where its paths start."""

    key: str
    entries: tuple[Entry, ...]
    folder: Path

    def entry(self, document: DocumentReport, located: LocatedFinding) -> Entry:
        """The entry a finding of a document would have in this baseline."""
        return Entry(
            path=_relative(Path(document.document.path), self.folder),
            rule=located.finding.rule,
            match=self._hash(located.finding.text),
            sentence=self._hash(located.line_text),
            section=located.section.value,
        )

    def _hash(self, text: str) -> str:
        return hmac.new(bytes.fromhex(self.key), normalise(text).encode("utf-8"), hashlib.sha256).hexdigest()


def normalise(text: str) -> str:
    """Text as compared: compatibility forms folded, case folded, runs of whitespace made one space."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def new_baseline(folder: Path) -> Baseline:
    """An empty baseline with a fresh random key."""
    return Baseline(secrets.token_hex(32), (), folder)


def read_baseline(path: Path) -> Baseline:
    """Load a baseline file; a missing, unreadable or malformed one is a UsageError saying what to do."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(
            f"{path}: no baseline there; create it with --update-baseline once you have accepted the findings"
        ) from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise UsageError(f"{path}: cannot read the baseline ({error}); fix it or write it anew") from error
    try:
        return _baseline(data, path.parent)
    except (KeyError, TypeError, ValueError) as error:
        raise UsageError(
            f"{path}: not a discreet baseline version {BASELINE_VERSION} ({error!r} is wrong); "
            "write it anew with --update-baseline"
        ) from error


def _baseline(data: Any, folder: Path) -> Baseline:
    if data["version"] != BASELINE_VERSION:
        raise ValueError(data["version"])
    key = str(data["key"])
    bytes.fromhex(key)
    entries = tuple(
        Entry(str(e["path"]), str(e["rule"]), str(e["match"]), str(e["sentence"]), str(e.get("section", "")))
        for e in data["findings"]
    )
    return Baseline(key, entries, folder)


def accept(report: Report, baseline: Baseline) -> Report:
    """The report without the findings the baseline accepts; each one is counted as suppressed."""
    remaining = Counter(entry.identity() for entry in baseline.entries)
    documents = []
    for document in report.documents:
        kept = []
        for located in document.findings:
            identity = baseline.entry(document, located).identity()
            if remaining[identity] > 0:
                remaining[identity] -= 1
            else:
                kept.append(located)
        accepted = len(document.findings) - len(kept)
        documents.append(replace(document, findings=tuple(kept), suppressed=document.suppressed + accepted))
    return replace(report, documents=tuple(documents))


def updated(report: Report, baseline: Baseline) -> Baseline:
    """The baseline accepting every finding of the report; entries of documents not audited now stay."""
    audited = {_relative(Path(d.document.path), baseline.folder) for d in report.documents}
    kept = [entry for entry in baseline.entries if entry.path not in audited]
    found = [baseline.entry(d, f) for d in report.documents for f in d.findings]
    return replace(baseline, entries=tuple(sorted([*kept, *found], key=_order)))


def _order(entry: Entry) -> tuple[str, str, str, str]:
    return entry.path, entry.rule, entry.section, entry.match


def dumps(baseline: Baseline) -> str:
    """The baseline as versioned JSON, its findings sorted so that a re-run changes only what changed."""
    data = {
        "version": BASELINE_VERSION,
        "tool": "discreet",
        "hash": "hmac-sha256 of normalised text (NFKC, casefold, whitespace collapsed), keyed by key",
        "key": baseline.key,
        "findings": [_entry(entry) for entry in baseline.entries],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _entry(entry: Entry) -> dict[str, str]:
    return {
        "path": entry.path,
        "rule": entry.rule,
        "section": entry.section,
        "match": entry.match,
        "sentence": entry.sentence,
    }


def _relative(path: Path, folder: Path) -> str:
    """A document's path from the baseline's folder, with forward slashes on every system."""
    return Path(os.path.relpath(path.resolve(), folder.resolve())).as_posix()
