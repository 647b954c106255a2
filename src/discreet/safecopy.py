"""A safe copy of one audited document: its edits made in its own format, a PDF redacted or converted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from discreet.detect import Terms
from discreet.errors import UsageError
from discreet.fixplan import kept, plan, still_flagged
from discreet.model import CopyFormat, Destination, DraftFormat, Format, Limits
from discreet.packs import Rule
from discreet.report import DocumentReport, LocatedFinding

PDF_FORMATS = frozenset({Format.PDF, Format.LINKEDIN_PDF})
# A LinkedIn profile leaves LinkedIn as an export or a PDF; LinkedIn imports neither, so its copy is a
# draft to paste from, one block per field; a draft's copy is a draft of the same blocks.
DRAFTABLE = frozenset({Format.LINKEDIN_EXPORT, Format.LINKEDIN_PDF, Format.PROFILE_DRAFT})
# The formats a copy is written for: the writers', the PDFs and the drafts (tests hold this to WRITERS).
FIXABLE = frozenset({Format.TEXT, Format.MARKDOWN, Format.JSON_RESUME, Format.DOCX}) | PDF_FORMATS | DRAFTABLE
# The file suffixes each kind of copy is written under.
SUFFIXES = {CopyFormat.MARKDOWN: (".md", ".markdown"), CopyFormat.DOCX: (".docx",)}


@dataclass(frozen=True, slots=True)
class Fixed:
    """A copy's bytes, the summary lines fix prints, and whether a person must act before it is safe."""

    data: bytes
    summary: tuple[str, ...]
    needs_person: bool = False
    # The copy's text as a person reading it sees it: a Word copy's tracked changes accepted.
    accepted: bytes | None = None
    # A profile draft is read back as the draft it is, not as a file of its format.
    draft: DraftFormat | None = None


def fix(
    report: DocumentReport,
    original: bytes,
    destination: Destination,
    *,
    tracked: bool = False,
    to: CopyFormat | None = None,
    draft: DraftFormat | None = None,
) -> Fixed:
    """The copy of an audited document fit for the destination; original is the file's bytes.

    A LinkedIn export becomes a profile draft (draft: its format, Markdown by default), and so does a
    LinkedIn PDF unless `to` asks for another copy; a JSON draft becomes a draft, in JSON by default.
    Any other PDF is redacted, or with `to` converted.
    """
    document = report.document
    if document.format in DRAFTABLE and to is None:
        return _draft(report, original, destination, draft or _draft_format(document.format))
    if draft is not None:
        raise UsageError(
            f"{document.path}: --format chooses a LinkedIn profile draft's format; a "
            f"{document.format.value} file's copy keeps its own"
        )
    if to is not None or document.format in PDF_FORMATS:
        return _pdf(report, original, destination, to)
    if reason := unfixable(report):
        raise UsageError(reason)
    from discreet.writers import accepted, needs_person, summary, write_copy

    edits = plan(report, destination)
    copy = write_copy(report.document, original, edits, tracked)
    lines = summary(copy, edits, report.document, kept(report, destination), destination)
    shown = accepted(Path(report.document.path), copy.data) if tracked else None
    return Fixed(copy.data, tuple(lines), needs_person(copy), shown)


def unfixable(report: DocumentReport) -> str:
    """Why no copy of a document can be written; '' when one can."""
    document = report.document
    if document.format in FIXABLE:
        return ""
    return (
        f"{document.path}: discreet fix writes Word, PDF, text, Markdown and JSON Resume copies; for a "
        f"{document.format.value} file follow each finding's rewrite (discreet audit --format html)"
    )


def suffixes(report: DocumentReport, to: CopyFormat | None) -> tuple[str, ...]:
    """The file suffixes the copy of a document may be written under; () when any will do."""
    if to is not None:
        return SUFFIXES[to]
    if report.document.format in DRAFTABLE:
        return ()
    return (".pdf",) if report.document.format in PDF_FORMATS else ()


def _draft_format(read: Format) -> DraftFormat:
    """A draft keeps the format of the draft it is made from; a profile's is Markdown, to read and paste."""
    return DraftFormat.JSON if read is Format.PROFILE_DRAFT else DraftFormat.MARKDOWN


def _draft(report: DocumentReport, original: bytes, destination: Destination, form: DraftFormat) -> Fixed:
    """A LinkedIn profile's draft: one rewritten block per field to paste."""
    from discreet.writers.profile import DRAFT_RENDERERS, profile_draft

    made = profile_draft(report, destination, original)
    summary = (
        f"a draft of {len(made.blocks)} profile fields, {made.changed} rewritten "
        f"(fine for {destination.value}); paste each block into the field it names"
    )
    return Fixed(DRAFT_RENDERERS[form.value](made).encode("utf-8"), (summary,), draft=form)


def _pdf(report: DocumentReport, original: bytes, destination: Destination, to: CopyFormat | None) -> Fixed:
    """A PDF redacted in place, or with `to` its text rewritten into an editable document."""
    from discreet.writers.pdf import redact, removal_spans
    from discreet.writers.pdftext import text_copy

    document = report.document
    if document.format not in PDF_FORMATS:
        raise UsageError(
            f"{document.path}: --to converts a PDF; a {document.format.value} file is fixed in its own format"
        )
    fine = f"{kept(report, destination)} findings kept (fine for {destination.value})"
    if to is not None:
        copy = text_copy(report, destination, to)
        return Fixed(copy.data, (f"{copy.rewritten} rewritten, {copy.removed} left out, {fine}",))
    redaction = redact(document, removal_spans(report, destination), original)
    done = f"{redaction.spans} redacted ({redaction.glyphs} glyphs cut, {redaction.boxes} boxes drawn)"
    lines = [f"{done}, metadata cleared, {fine}"]
    if destination is Destination.PUBLIC:
        lines.append("  a PDF cannot be generalised in place: --to docx or --to markdown writes the rewrites")
    return Fixed(redaction.data, tuple(lines))


def recheck(
    fixed: Fixed, name: str, destination: Destination, rules: Sequence[Rule], terms: Terms
) -> tuple[LocatedFinding, ...]:
    """Audit a copy as a person would upload it (tracked changes accepted): what it still flags."""
    from discreet.audit import audit_document
    from discreet.read import Piped, read

    if fixed.draft is not None:
        from discreet.writers.profile import read_draft

        document = read_draft(name, fixed.data, fixed.draft.value)
    else:
        document = read(Piped(name, fixed.accepted if fixed.accepted is not None else fixed.data), Limits())
    return still_flagged(audit_document(document, rules, terms), destination)
