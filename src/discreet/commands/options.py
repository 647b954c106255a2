"""The options the commands share, and the settings they make: rules, limits, the config file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from discreet.errors import UsageError
from discreet.formatters import ReportFormat
from discreet.model import Limits, Severity

if TYPE_CHECKING:
    from discreet.config import Effective
    from discreet.packs import Rule


EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
READABLE = "discreet reads PDF, Word .docx, text and Markdown, JSON Resume and LinkedIn exports"


RulesOption = Annotated[
    list[Path] | None, typer.Option("--rules", help="Extra rule-pack folder (repeatable).")
]
DisableOption = Annotated[
    list[str] | None, typer.Option("--disable", help="Rule id to turn off (repeatable).")
]
FormatOption = Annotated[ReportFormat | None, typer.Option("--format", help="Report format (default: text).")]
FailOnOption = Annotated[
    Severity | None, typer.Option(help="Lowest severity that makes the exit code 1 (default: low).")
]
PrivateTermsOption = Annotated[Path | None, typer.Option(help="File of names that are always private.")]
PublicTermsOption = Annotated[Path | None, typer.Option(help="File of facts already public, never flagged.")]
BaselineOption = Annotated[
    Path | None, typer.Option(help="File of accepted findings (hashes only) to leave out of the report.")
]
MaxFileOption = Annotated[int, typer.Option("--max-file-mb", min=1, help="Largest file to read, in MB.")]
MaxPagesOption = Annotated[int, typer.Option("--max-pages", min=1, help="Most PDF pages to read.")]
MaxArchiveOption = Annotated[
    int, typer.Option("--max-archive-mb", min=1, help="Largest uncompressed ZIP/DOCX content, in MB.")
]


def limits_from(max_file_mb: int, max_pages: int, max_archive_mb: int) -> Limits:
    """The reading limits the size options give, in bytes and pages."""
    return Limits(
        max_file_bytes=max_file_mb * 2**20, max_pages=max_pages, max_archive_bytes=max_archive_mb * 2**20
    )


def chosen_rules(extra: Sequence[Path], disabled: Sequence[str]) -> list[Rule]:
    """The built-in and extra packs' rules and the private-term rule, less the disabled ids (all known)."""
    from discreet.packs import all_rules, builtin_rules_dir, load_packs
    from discreet.privateterm import PRIVATE_TERM

    rules = (*all_rules(load_packs([builtin_rules_dir(), *extra])), PRIVATE_TERM)
    unknown = set(disabled) - {r.id for r in rules}
    if unknown:
        raise UsageError(
            f"--disable: no rule has the id {', '.join(sorted(unknown))}; see `discreet rules list`"
        )
    return [r for r in rules if r.id not in disabled]


def in_force(
    output_format: ReportFormat | None,
    fail_on: Severity | None,
    rules: Sequence[Path] | None,
    disable: Sequence[str] | None,
    private_terms: Path | None,
    public_terms: Path | None,
    baseline: Path | None,
) -> Effective:
    """The settings in force: the command line's, else the nearest config file's, else the defaults."""
    from discreet.config import effective

    given = {
        "format": output_format,
        "fail_on": fail_on,
        "rules": tuple(rules) if rules else None,
        "disable": tuple(disable) if disable else None,
        "private_terms": private_terms,
        "public_terms": public_terms,
        "baseline": baseline,
    }
    return effective(Path.cwd(), given)
