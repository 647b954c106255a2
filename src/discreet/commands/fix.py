"""discreet fix: write a public-safe copy, audit it again, say what still needs a person."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from discreet.commands.options import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    DisableOption,
    PrivateTermsOption,
    PublicTermsOption,
    RulesOption,
    chosen_rules,
    in_force,
)
from discreet.commands.output import write_file
from discreet.errors import UsageError
from discreet.model import CopyFormat, Destination, DraftFormat, Limits


def fix_command(
    path: Annotated[
        Path,
        typer.Argument(
            help="A Word, PDF, text, Markdown or JSON Resume resume, a LinkedIn export or PDF, "
            "or a profile draft."
        ),
    ],
    output: Annotated[Path, typer.Option(help="Where to write the public-safe copy (never over the input).")],
    destination: Annotated[
        Destination,
        typer.Option("--for", help="public: a profile-safe copy; resume: only what must go anywhere."),
    ] = Destination.PUBLIC,
    tracked: Annotated[
        bool, typer.Option("--tracked", help="Word: write each edit as a tracked change to review in Word.")
    ] = False,
    rules: RulesOption = None,
    disable: DisableOption = None,
    private_terms: PrivateTermsOption = None,
    public_terms: PublicTermsOption = None,
    to: Annotated[
        CopyFormat | None,
        typer.Option("--to", help="For a PDF: an editable copy with the rewrites instead of a redacted PDF."),
    ] = None,
    draft_format: Annotated[
        DraftFormat | None,
        typer.Option(
            "--format",
            help="A LinkedIn profile's draft: markdown (default; json for a JSON draft's) or json.",
        ),
    ] = None,
) -> None:
    """Write a public-safe copy of a resume, audit it again, and say what still needs a decision."""
    from discreet.audit import audit_document
    from discreet.read import read_once
    from discreet.safecopy import fix, recheck, suffixes
    from discreet.termsfile import read_terms

    # The config file's rules, disabled ids and terms apply as they do to audit, under the command line.
    settings = in_force(None, None, rules, disable, private_terms, public_terms, None).options
    terms = read_terms(settings.private_terms, settings.public_terms, settings.disable)
    chosen = tuple(chosen_rules(settings.rules, settings.disable))
    document, original = read_once(path, Limits())
    report = audit_document(document, chosen, terms)
    if path.is_dir() and output.resolve().is_relative_to(path.resolve()):
        raise UsageError(
            f"{output}: --output lies inside the export folder it reads; write the draft elsewhere"
        )
    allowed = suffixes(report, to)
    if allowed and output.suffix.lower() not in allowed:
        what = f"--to {to.value}" if to else "a redacted PDF"
        raise UsageError(f"{output}: {what} is written to a {' or '.join(allowed)} file")
    fixed = fix(report, original, destination, tracked=tracked, to=to, draft=draft_format)
    write_file(fixed.data, output, [path])
    # The copy is audited as written: what a person would upload is what is checked.
    remaining = recheck(fixed, str(output), destination, chosen, terms)
    lines = list(fixed.summary)
    for located in remaining:
        where = located.location.describe()
        reason = located.advice.reason if located.advice else "check it by hand"
        lines.append(f"  still flagged at {where}: {located.finding.rule}; {reason}")
    typer.echo(f"{output}: " + "\n".join(lines))
    raise typer.Exit(EXIT_FINDINGS if remaining or fixed.needs_person else EXIT_CLEAN)
