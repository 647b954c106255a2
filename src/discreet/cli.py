"""The command line: turn options into calls, pick a formatter, choose the exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from discreet import __version__
from discreet.commands.fix import fix_command
from discreet.commands.options import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    READABLE,
    BaselineOption,
    DisableOption,
    FailOnOption,
    FormatOption,
    MaxArchiveOption,
    MaxFileOption,
    MaxPagesOption,
    PrivateTermsOption,
    PublicTermsOption,
    RulesOption,
    chosen_rules,
    in_force,
    limits_from,
)
from discreet.commands.output import write_output
from discreet.commands.rules import rules_app
from discreet.commands.serve import serve_command
from discreet.errors import DiscreetError, UsageError
from discreet.formatters import ReportFormat, renderer
from discreet.model import Limits

if TYPE_CHECKING:
    from discreet.audit import OnDone
    from discreet.formatters.jsonl import Stream
    from discreet.formatters.options import RenderOptions
    from discreet.packs import Rule
    from discreet.read import Piped
    from discreet.report import Report


# NOTE: every command pays for what this module imports, `--help` included: the pipeline, the packs
# and the formatters are imported inside the commands that use them.

app = typer.Typer(
    name="discreet",
    help="Audit resumes and public profiles for material that must not be public.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


def _print_version(wanted: bool) -> None:
    if wanted:
        typer.echo(f"discreet {__version__}")
        raise typer.Exit(EXIT_CLEAN)


@app.callback()
def _options(
    _version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Audit resumes and public profiles for material that must not be public."""


app.add_typer(rules_app, name="rules")
# Wide enough that no line of a report written to a file or a pipe is ever broken.
UNWRAPPED = 100_000
# The path that stands for the document piped to stdin, and the name reports give that document.
STDIN, STDIN_NAME = Path("-"), "<stdin>"


OutputFormat = ReportFormat


@app.command("audit")
def audit_command(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Resumes, profiles or folders of them; - reads one document from stdin."),
    ],
    profile: Annotated[
        list[Path] | None,
        typer.Option(help="The person's public profile; once for all resumes, or once per resume in order."),
    ] = None,
    pair_by_name: Annotated[
        bool,
        typer.Option(
            "--pair-by-name", help="Pair resumes and profiles by file name: dana.pdf with dana-linkedin.zip."
        ),
    ] = False,
    output_format: FormatOption = None,
    output: Annotated[
        Path | None, typer.Option(help="Write the report to this file instead of stdout.")
    ] = None,
    fail_on: FailOnOption = None,
    rules: RulesOption = None,
    disable: DisableOption = None,
    private_terms: PrivateTermsOption = None,
    public_terms: PublicTermsOption = None,
    baseline: BaselineOption = None,
    update_baseline: Annotated[
        bool,
        typer.Option(
            "--update-baseline", help="Accept every finding of this run: write them to the baseline."
        ),
    ] = False,
    mask: Annotated[bool, typer.Option("--mask", help="Hide matched text in the report.")] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", help="Print the summary only, in any format (--mask hides text).")
    ] = False,
    max_file_mb: MaxFileOption = 50,
    max_pages: MaxPagesOption = 100,
    max_archive_mb: MaxArchiveOption = 200,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Parallel workers (0: one per core).")] = 0,
    timeout: Annotated[float, typer.Option(min=0, help="Seconds allowed per document (0: no limit).")] = 60.0,
    max_memory_mb: Annotated[
        int, typer.Option("--max-memory-mb", min=0, help="Memory allowed per document, in MB (0: no limit).")
    ] = 1024,
    debug: Annotated[bool, typer.Option("--debug", help="Print the traceback of an internal error.")] = False,
    only_resumes: Annotated[
        bool,
        typer.Option(
            "--only-resumes",
            help="Skip files that are not resumes (JSON that is not a JSON Resume); for hooks.",
        ),
    ] = False,
) -> None:
    """Audit documents and report what must not be public."""
    from discreet.audit import Settings, audit
    from discreet.formatters.options import RenderOptions
    from discreet.termsfile import read_terms

    chosen = in_force(output_format, fail_on, rules, disable, private_terms, public_terms, baseline).options
    if update_baseline and chosen.baseline is None:
        raise UsageError("--update-baseline needs --baseline FILE (or baseline in the config file)")
    inputs = [*paths, *(profile or [])]
    if chosen.baseline is not None and any(chosen.baseline.resolve() == p.resolve() for p in inputs):
        raise UsageError(
            f"{chosen.baseline}: --baseline names an input file; discreet never overwrites its inputs"
        )
    terms = read_terms(chosen.private_terms, chosen.public_terms, chosen.disable)
    limits = limits_from(max_file_mb, max_pages, max_archive_mb)
    settings = Settings(
        tuple(chosen_rules(chosen.rules, chosen.disable)), terms, limits, timeout, max_memory_mb * 2**20
    )
    sources = _with_stdin(paths, limits)
    options = RenderOptions(mask=mask, quiet=quiet, width=_width(output), color=_color(output))
    # A baseline is applied to the whole report, and --quiet is its summary, so neither run is streamed.
    whole = chosen.baseline is not None or quiet
    stream = None if whole else _stream(chosen.format, output, settings.rules, options)
    with _progress_bar(enabled=sys.stderr.isatty() and not quiet) as progress:
        report = audit(
            sources,
            settings,
            profiles=profile or [],
            pair_by_name=pair_by_name,
            jobs=jobs or os.cpu_count() or 1,
            on_done=progress,
            on_result=(lambda result: _flush(stream.line(result))) if stream else None,
            only_resumes=only_resumes,
        )
    for failure in report.failures:
        typer.echo(f"discreet: {failure.message}", err=True)
        if debug and failure.debug:
            typer.echo(failure.debug, err=True, nl=False)
    if report.skipped and not quiet:
        typer.echo(f"discreet: {_not_resumes(report.skipped)}", err=True)
    if not report.documents and not report.failures and not report.skipped:
        raise UsageError(f"no documents found in {', '.join(map(str, paths))}; {READABLE}")
    if chosen.baseline is not None:
        report = _apply_baseline(report, chosen.baseline, inputs, update=update_baseline)
    if stream:
        _flush(stream.rest(report))
    elif report.documents or chosen.format is not OutputFormat.TEXT or output is not None:
        write_output(renderer(chosen.format)(report, options), output, inputs)
    worst = report.worst()
    if report.failures:
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_FINDINGS if worst is not None and worst.rank >= chosen.fail_on.rank else EXIT_CLEAN)


def _apply_baseline(report: Report, path: Path, inputs: Sequence[Path], *, update: bool) -> Report:
    """Drop the findings the baseline accepts; with update, first make it accept all of this run's."""
    from discreet.baseline import accept, dumps, new_baseline, read_baseline, updated

    if not update:
        return accept(report, read_baseline(path))
    current = read_baseline(path) if path.exists() else new_baseline(path.parent)
    fresh = updated(report, current)
    write_output(dumps(fresh), path, inputs)
    return accept(report, fresh)


@app.command("config")
def config_command(
    output_format: FormatOption = None,
    fail_on: FailOnOption = None,
    rules: RulesOption = None,
    disable: DisableOption = None,
    private_terms: PrivateTermsOption = None,
    public_terms: PublicTermsOption = None,
    baseline: BaselineOption = None,
) -> None:
    """Print the settings audit would use and where each came from: default, config file, command line."""
    from discreet.config import describe

    settings = in_force(output_format, fail_on, rules, disable, private_terms, public_terms, baseline)
    typer.echo("\n".join(describe(settings)))


def _not_resumes(skipped: Sequence[str]) -> str:
    """The line that names the files --only-resumes left out."""
    if len(skipped) == 1:
        return f"1 file is not a resume and was skipped (--only-resumes): {skipped[0]}"
    return f"{len(skipped)} files are not resumes and were skipped (--only-resumes): {', '.join(skipped)}"


def _with_stdin(paths: Sequence[Path], limits: Limits) -> list[Path | Piped]:
    """The inputs, with `-` standing for the document piped to stdin, held in memory and never written."""
    from discreet.read import Piped

    if paths.count(STDIN) > 1:
        raise UsageError("`-` is given more than once; stdin holds one document")
    if STDIN not in paths:
        return list(paths)
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError(
            "`-` reads a document from stdin, but none is piped in: discreet audit - < resume.pdf"
        )
    # One byte past the limit is enough to tell the document is too large; the rest is never read.
    piped = Piped(STDIN_NAME, sys.stdin.buffer.read(limits.max_file_bytes + 1))
    return [piped if path == STDIN else path for path in paths]


# Registered here so that --help lists the commands in the order a person meets them.
app.command("fix")(fix_command)
app.command("serve")(serve_command)


@app.command("extract")
def extract_command(
    path: Annotated[Path, typer.Argument(help="A resume or profile.")],
    locations: Annotated[bool, typer.Option("--locations", help="Show each segment's location.")] = False,
    max_file_mb: MaxFileOption = 50,
    max_pages: MaxPagesOption = 100,
    max_archive_mb: MaxArchiveOption = 200,
) -> None:
    """Print the text exactly as the rules see it, with section markers."""
    from discreet.read import read
    from discreet.textview import extract_view

    document = read(path, limits_from(max_file_mb, max_pages, max_archive_mb))
    sys.stdout.write(extract_view(document, locations=locations))


def _stream(
    output_format: ReportFormat, output: Path | None, rules: Sequence[Rule], options: RenderOptions
) -> Stream | None:
    """JSON Lines to stdout are written as each document finishes; a file is still written whole."""
    if output_format is not ReportFormat.JSONL or output is not None:
        return None
    from discreet.formatters.jsonl import Stream

    return Stream(tuple(rules), options)


def _flush(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


@contextmanager
def _progress_bar(*, enabled: bool) -> Iterator[OnDone | None]:
    """A progress bar on stderr for runs a person watches; nothing otherwise."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task("auditing", total=None)

        def advance(_path: str, total: int) -> None:
            bar.update(task, total=total, advance=1)

        yield advance


def _width(output: Path | None) -> int:
    """The terminal's width for a person reading; no wrapping for a file or a pipe (grep reads lines)."""
    if output is not None or not sys.stdout.isatty():
        return UNWRAPPED
    try:
        return max(60, min(os.get_terminal_size().columns, 140))
    except OSError:
        return 100


def _color(output: Path | None) -> bool:
    """Colour for a terminal, unless the NO_COLOR convention (no-color.org) asks for none."""
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code; DiscreetError becomes one line and exit 2."""
    try:
        app(args=list(argv) if argv is not None else None, prog_name="discreet")
    except DiscreetError as error:
        typer.echo(f"discreet: {error}", err=True)
        return EXIT_ERROR
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else EXIT_ERROR
    return EXIT_CLEAN
