"""The supported Python surface: audit a path or a string, compare, fix (a safe copy), load rules."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Literal

from discreet.detect import Terms
from discreet.errors import InputError, NoTextError, UsageError
from discreet.model import CopyFormat, Destination, Document, DocumentKind, Format, Limits
from discreet.packs import Rule, all_rules, builtin_rules_dir, load_packs
from discreet.parsers.text import document_from_text, normalise_newlines
from discreet.report import Comparison, DocumentReport, FixedCopy, Report

StrPath = str | os.PathLike[str]
Kind = Literal["resume", "profile"] | DocumentKind
PrivateTerms = Iterable[str] | Mapping[str, str]


def load_rules(
    dirs: Iterable[StrPath] = (), *, builtin: bool = True, disable: Iterable[str] = ()
) -> tuple[Rule, ...]:
    """The rules of the built-in packs and of every *.toml pack in dirs, less the disabled ids.

    Raises RulePackError for a pack that cannot be loaded and UsageError for an unknown disabled id.
    """
    directories = [*([builtin_rules_dir()] if builtin else []), *(Path(d) for d in dirs)]
    rules = all_rules(load_packs(directories))
    disabled = set(_strings(disable, "disable"))
    unknown = disabled - {rule.id for rule in rules}
    if unknown:
        raise UsageError(
            f"disable: no rule has the id {', '.join(sorted(unknown))}; see `discreet rules list`"
        )
    return tuple(rule for rule in rules if rule.id not in disabled)


@cache
def _builtin_rules() -> tuple[Rule, ...]:
    # Loading the packs costs a quarter of a second; callers auditing many documents pay it once.
    return load_rules()


def audit_path(
    path: StrPath,
    *,
    profile: StrPath | None = None,
    private_terms: PrivateTerms = (),
    public_terms: Iterable[str] = (),
    rules: Sequence[Rule] | None = None,
    limits: Limits | None = None,
) -> Report:
    """Audit a document, or every document in a folder, and compare each resume with profile when given.

    The report is the one `discreet audit PATH --profile PROFILE` prints. A document that cannot be
    read is listed in Report.failures with its reason, so one bad file never loses the others.
    Raises InputError when path or profile does not exist.
    """
    # Imported here: the audit pipeline loads every parser, which `import discreet` must not pay for.
    from discreet.audit import Settings, audit

    paths = [Path(path)]
    profiles = [Path(profile)] if profile is not None else []
    for named in (*paths, *profiles):
        if not named.exists():
            raise InputError(named, "does not exist", "check the path")
    settings = Settings(_rules(rules), _terms(private_terms, public_terms), limits or Limits())
    return audit(paths, settings, profiles=profiles)


def audit_text(
    text: str,
    kind: Kind = "resume",
    *,
    markdown: bool = False,
    name: str = "<text>",
    private_terms: PrivateTerms = (),
    public_terms: Iterable[str] = (),
    rules: Sequence[Rule] | None = None,
) -> DocumentReport:
    """Audit the text of one document, read as a plain-text (or Markdown) file with this content would be.

    kind says where the text goes: "resume" (sent privately) or "profile" (shown publicly); name is
    the path the report gives the document. Raises NoTextError when text is blank, and
    RuleTimeoutError when a rule runs past its limit (the document is never half-audited).
    """
    from discreet.audit import audit_document

    document = _text_document(text, _kind(kind), Format.MARKDOWN if markdown else Format.TEXT, name)
    return audit_document(document, _rules(rules), _terms(private_terms, public_terms))


def fix_path(
    path: StrPath,
    *,
    destination: Literal["public", "resume"] | Destination = "public",
    tracked: bool = False,
    to: Literal["docx", "markdown"] | CopyFormat | None = None,
    private_terms: PrivateTerms = (),
    public_terms: Iterable[str] = (),
    rules: Sequence[Rule] | None = None,
    limits: Limits | None = None,
) -> FixedCopy:
    """The safe copy `discreet fix PATH` writes, as bytes, with what its own audit still flags.

    Nothing is written: the caller saves FixedCopy.data. Raises an InputError subclass for a file
    that cannot be read (or a PDF that cannot be redacted honestly) and UsageError for a format
    discreet cannot write a copy of.
    """
    from discreet.audit import audit_document
    from discreet.read import read_once
    from discreet.safecopy import fix, recheck

    source = Path(path)
    chosen, terms = _rules(rules), _terms(private_terms, public_terms)
    document, original = read_once(source, limits or Limits())
    report = audit_document(document, chosen, terms)
    where = Destination(destination)
    fixed = fix(report, original, where, tracked=tracked, to=_copy(to))
    remaining = recheck(fixed, str(source), where, chosen, terms)
    return FixedCopy(fixed.data, fixed.summary, remaining, fixed.needs_person or bool(remaining))


def _copy(to: Literal["docx", "markdown"] | CopyFormat | None) -> CopyFormat | None:
    return None if to is None else CopyFormat(to)


def compare_reports(resume: DocumentReport, profile: DocumentReport) -> Comparison:
    """Relate an audited profile to the audited resume: what it exposes, copies, lacks and contradicts.

    Raises UsageError unless resume was audited as a resume and profile as a profile.
    """
    from discreet.compare import compare

    if resume.document.kind is not DocumentKind.RESUME or profile.document.kind is not DocumentKind.PROFILE:
        raise UsageError(
            f"compare_reports takes a resume and a profile, not a {resume.document.kind.value} and a "
            f"{profile.document.kind.value}; audit the profile with kind='profile'"
        )
    return compare(resume, profile)


def _rules(rules: Sequence[Rule] | None) -> tuple[Rule, ...]:
    return _builtin_rules() if rules is None else tuple(rules)


def _terms(private: PrivateTerms, public: Iterable[str]) -> Terms:
    """The user's terms as the CLI reads them from files: a mapping gives each private term its stand-in."""
    stand_ins = private if isinstance(private, Mapping) else {}
    return Terms(
        private=tuple(term.strip() for term in _strings(private, "private_terms") if term.strip()),
        public=tuple(term.strip() for term in _strings(public, "public_terms") if term.strip()),
        stand_ins=tuple((term.strip(), s.strip()) for term, s in stand_ins.items() if s.strip()),
    )


def _strings(values: Iterable[str], option: str) -> list[str]:
    # A bare string is iterable too, and would turn "Falcon" into six one-letter terms.
    if isinstance(values, str):
        raise UsageError(f"{option} takes a list of strings, not one string: write [{values!r}]")
    return list(values)


def _kind(kind: Kind) -> DocumentKind:
    try:
        return DocumentKind(kind)
    except ValueError:
        raise UsageError(f"kind must be 'resume' or 'profile', not {kind!r}") from None


def _text_document(text: str, kind: DocumentKind, fmt: Format, name: str) -> Document:
    """One segment per non-blank line with its section, as parsers.text builds it from a file."""
    text = normalise_newlines(text)
    if not text.strip():
        raise NoTextError(name, "holds no text", "pass the document's text")
    return document_from_text(text, name, fmt, kind)
