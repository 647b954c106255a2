"""The command line: turn options into calls, pick a formatter, choose the exit code."""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from discreet import __version__
from discreet.errors import DiscreetError, UsageError
from discreet.formatters import ReportFormat, renderer
from discreet.model import CopyFormat, Destination, DraftFormat, Limits, Severity

if TYPE_CHECKING:
    from discreet.audit import OnDone
    from discreet.config import Effective
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
rules_app = typer.Typer(help="List, explain and test rule packs.", no_args_is_help=True)


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

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# Wide enough that no line of a report written to a file or a pipe is ever broken.
UNWRAPPED = 100_000
READABLE = "discreet reads PDF, Word .docx, text and Markdown, JSON Resume and LinkedIn exports"
# The path that stands for the document piped to stdin, and the name reports give that document.
STDIN, STDIN_NAME = Path("-"), "<stdin>"
# Where Linux names a process's open files: the way to give an unnamed file a name.
_PROC_FD = Path("/proc/self/fd")


OutputFormat = ReportFormat


class HandoutFormat(StrEnum):
    """The formats the training handout can be written in."""

    MARKDOWN = "markdown"
    HTML = "html"


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


def _limits(max_file_mb: int, max_pages: int, max_archive_mb: int) -> Limits:
    return Limits(
        max_file_bytes=max_file_mb * 2**20, max_pages=max_pages, max_archive_bytes=max_archive_mb * 2**20
    )


def _rules(extra: Sequence[Path], disabled: Sequence[str]) -> list[Rule]:
    from discreet.packs import all_rules, builtin_rules_dir, load_packs
    from discreet.privateterm import PRIVATE_TERM

    rules = (*all_rules(load_packs([builtin_rules_dir(), *extra])), PRIVATE_TERM)
    unknown = set(disabled) - {r.id for r in rules}
    if unknown:
        raise UsageError(
            f"--disable: no rule has the id {', '.join(sorted(unknown))}; see `discreet rules list`"
        )
    return [r for r in rules if r.id not in disabled]


def _write(text: str | bytes, output: Path | None, inputs: Sequence[Path]) -> None:
    if output is None:
        sys.stdout.write(text if isinstance(text, str) else text.decode("utf-8"))
        return
    _write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"), output, inputs)


def _write_bytes(data: bytes, output: Path, inputs: Sequence[Path]) -> None:
    if any(output.resolve() == p.resolve() for p in inputs):
        raise UsageError(f"{output}: --output names an input file; discreet never overwrites its inputs")
    try:
        _replace(output, data)
    except OSError as error:
        raise UsageError(
            f"{output}: cannot write the report ({error.strerror or error}); any report already there is "
            "unchanged: check that its folder exists, can be written to and has space"
        ) from error


def _replace(target: Path, data: bytes) -> None:
    """Put a file in place whole or not at all: written beside the target, then renamed over it."""
    mode = stat.S_IMODE(target.stat().st_mode) if target.is_file() else None
    fd, named = _new_file(target)
    try:
        named = _fill(fd, named, data, mode, target)
        named.replace(target)
    except BaseException:
        if named is not None:
            named.unlink(missing_ok=True)
        raise


def _fill(fd: int, named: Path | None, data: bytes, mode: int | None, target: Path) -> Path:
    """Write the data to the new file, durably, and name it when it has no name yet."""
    try:
        if named is None and mode is not None:
            os.fchmod(fd, mode)
        elif named is not None:
            named.chmod(_default_mode() if mode is None else mode)
        _write_all(fd, data)
        os.fsync(fd)
        if named is not None:
            return named
        # NOTE: an unnamed file leaves nothing behind if the process dies while writing it;
        # it gets a name only once complete, for the rename that puts it in place.
        named = target.with_name(f".{target.name}.{os.urandom(8).hex()}.tmp")
        # NOTE: a dir fd makes os.link call linkat, which follows the /proc link to the file itself
        # (plain link() would link the /proc entry, across devices); an absolute path ignores the fd.
        os.link(_PROC_FD / str(fd), named, src_dir_fd=fd, follow_symlinks=True)
        return named
    finally:
        os.close(fd)


def _new_file(target: Path) -> tuple[int, Path | None]:
    """An unnamed file in the target's folder where the system has them, else a hidden named one."""
    unnamed = getattr(os, "O_TMPFILE", 0)
    if unnamed and _PROC_FD.is_dir():
        try:
            return os.open(target.parent, unnamed | os.O_WRONLY, 0o666), None
        except OSError as error:
            if error.errno not in {errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL}:
                raise
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    return fd, Path(name)


def _default_mode() -> int:
    """The mode a new file gets (mkstemp's is private to its owner)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _write_all(fd: int, data: bytes) -> None:
    """os.write until every byte is written: a short write is not an error, a full disk is."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


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

    chosen = _effective(output_format, fail_on, rules, disable, private_terms, public_terms, baseline).options
    if update_baseline and chosen.baseline is None:
        raise UsageError("--update-baseline needs --baseline FILE (or baseline in the config file)")
    inputs = [*paths, *(profile or [])]
    if chosen.baseline is not None and any(chosen.baseline.resolve() == p.resolve() for p in inputs):
        raise UsageError(
            f"{chosen.baseline}: --baseline names an input file; discreet never overwrites its inputs"
        )
    terms = read_terms(chosen.private_terms, chosen.public_terms, chosen.disable)
    limits = _limits(max_file_mb, max_pages, max_archive_mb)
    settings = Settings(
        tuple(_rules(chosen.rules, chosen.disable)), terms, limits, timeout, max_memory_mb * 2**20
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
        _write(renderer(chosen.format)(report, options), output, inputs)
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
    _write(dumps(fresh), path, inputs)
    return accept(report, fresh)


def _effective(
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

    settings = _effective(output_format, fail_on, rules, disable, private_terms, public_terms, baseline)
    typer.echo("\n".join(describe(settings)))


@app.command("fix")
def fix_command(
    path: Annotated[
        Path,
        typer.Argument(
            help="A Word, PDF, text, Markdown or JSON Resume resume, or a LinkedIn export or PDF."
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
        typer.Option("--format", help="A LinkedIn profile's draft: markdown (default) or json."),
    ] = None,
) -> None:
    """Write a public-safe copy of a resume, audit it again, and say what still needs a decision."""
    from discreet.audit import audit_document
    from discreet.read import read
    from discreet.safecopy import fix, recheck, suffixes
    from discreet.termsfile import read_terms

    # The config file's rules, disabled ids and terms apply as they do to audit, under the command line.
    settings = _effective(None, None, rules, disable, private_terms, public_terms, None).options
    terms = read_terms(settings.private_terms, settings.public_terms, settings.disable)
    chosen = tuple(_rules(settings.rules, settings.disable))
    report = audit_document(read(path, Limits()), chosen, terms)
    if path.is_dir() and output.resolve().is_relative_to(path.resolve()):
        raise UsageError(
            f"{output}: --output lies inside the export folder it reads; write the draft elsewhere"
        )
    original = path.read_bytes() if path.is_file() else b""
    allowed = suffixes(report, to)
    if allowed and output.suffix.lower() not in allowed:
        what = f"--to {to.value}" if to else "a redacted PDF"
        raise UsageError(f"{output}: {what} is written to a {' or '.join(allowed)} file")
    fixed = fix(report, original, destination, tracked=tracked, to=to, draft=draft_format)
    _write_bytes(fixed.data, output, [path])
    # The copy is audited as written: what a person would upload is what is checked.
    remaining = recheck(fixed, str(output), destination, chosen, terms)
    lines = list(fixed.summary)
    for located in remaining:
        where = located.location.describe()
        reason = located.advice.reason if located.advice else "check it by hand"
        lines.append(f"  still flagged at {where}: {located.finding.rule}; {reason}")
    typer.echo(f"{output}: " + "\n".join(lines))
    raise typer.Exit(EXIT_FINDINGS if remaining or fixed.needs_person else EXIT_CLEAN)


# The packages of the optional extra `web`, by the names they are imported under.
WEB_EXTRA = frozenset({"starlette", "uvicorn", "python_multipart", "anyio", "h11"})


@app.command("serve")
def serve_command(
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on (0: any free one).")] = 0,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the page in the web browser.")] = False,
    host: Annotated[
        str, typer.Option(help="Address to listen on; anything but 127.0.0.1 reaches other machines.")
    ] = "127.0.0.1",
    max_upload_mb: Annotated[int, typer.Option("--max-upload-mb", min=1, help="Largest upload, in MB.")] = 10,
    timeout: Annotated[float, typer.Option(min=0, help="Seconds allowed per document (0: no limit).")] = 60.0,
    max_memory_mb: Annotated[
        int, typer.Option("--max-memory-mb", min=0, help="Memory allowed per document, in MB (0: no limit).")
    ] = 1024,
    rules: RulesOption = None,
    disable: DisableOption = None,
    private_terms: PrivateTermsOption = None,
    public_terms: PublicTermsOption = None,
) -> None:
    """Start a local web page that audits and fixes a resume; nothing leaves this machine."""
    import webbrowser

    from discreet.audit import Settings
    from discreet.termsfile import read_terms

    try:
        from discreet.web import server
    except ModuleNotFoundError as missing:
        raise _without_web_extra(missing) from None
    listener = server.listen(host, port)
    if not server.is_loopback(host):
        typer.echo(
            f"discreet: warning: {host} may let other machines reach the page; only its token guards it",
            err=True,
        )
    # The config file's rules, disabled ids and terms apply as they do to audit; the page adds its own terms.
    chosen = _effective(None, None, rules, disable, private_terms, public_terms, None).options
    settings = Settings(
        tuple(_rules(chosen.rules, chosen.disable)),
        read_terms(chosen.private_terms, chosen.public_terms, chosen.disable),
        time_limit=timeout,
        memory_limit=max_memory_mb * 2**20,
    )
    web = server.create(listener, settings, max_upload_mb * 2**20)
    typer.echo(f"discreet serves its page at {listener.url} (Ctrl-C stops it)")
    if open_browser:
        webbrowser.open(listener.url)
    server.run(web, listener)


def _without_web_extra(missing: ModuleNotFoundError) -> Exception:
    """The UsageError that says how to install the optional extra `web`; missing itself for another module."""
    package = (missing.name or "").split(".")[0]
    if package not in WEB_EXTRA:
        return missing
    return UsageError(
        f"discreet serve needs the optional web packages ({package} is missing): pip install 'discreet[web]'"
    )


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

    document = read(path, _limits(max_file_mb, max_pages, max_archive_mb))
    sys.stdout.write(extract_view(document, locations=locations))


@rules_app.command("list")
def rules_list(rules: RulesOption = None) -> None:
    """List every rule with its category, severity and title."""
    for rule in _rules(_rule_folders(rules), []):
        typer.echo(f"{rule.id:<40} {rule.category.value:<13} {rule.severity.value:<9} {rule.title}")


@rules_app.command("explain")
def rules_explain(
    rule_id: Annotated[str, typer.Argument(help="A rule id.")], rules: RulesOption = None
) -> None:
    """Explain one rule: why it matters, what to write instead, and its examples."""
    from discreet.privateterm import PRIVATE_TERM

    rule = next((r for r in _rules(_rule_folders(rules), []) if r.id == rule_id), None)
    if rule is None:
        raise UsageError(f"no rule has the id {rule_id}; see `discreet rules list`")
    lines = [
        f"{rule.id}: {rule.title}",
        f"category: {rule.category.value}   severity: {rule.severity.value}   "
        f"public: {rule.public.value}   resume: {rule.resume.value}",
        "",
        f"Why: {rule.why}",
        f"Instead: {rule.advice}",
        "",
        *([f"Stand-in when rewriting: {rule.stand_in}"] if rule.stand_in else []),
        *(["Also flags the other mentions of every name it finds."] if rule.echo else []),
        *(["Never flags the employer the document itself names."] if rule.not_employer else []),
        *(["Flags the names of your --private-terms file."] if rule is PRIVATE_TERM else []),
        *(["", "Flagged:"] if rule.flag else []),
        *(line for e in rule.flag for line in _example_lines(e.text, e.rewrite)),
        *(["Allowed:"] if rule.allow else []),
        *(f"  {e.text}" for e in rule.allow),
    ]
    typer.echo("\n".join(lines))


def _rule_folders(given: Sequence[Path] | None) -> tuple[Path, ...]:
    """The extra rule folders in force: the command line's, else the nearest config file's."""
    return _effective(None, None, given, None, None, None, None).options.rules


def _example_lines(text: str, rewrite: str | None) -> list[str]:
    if rewrite is None:
        return [f"  {text}"]
    return [f"  {text}", f"    → in public: {rewrite or '(remove the sentence)'}"]


@rules_app.command("test")
def rules_test(
    directory: Annotated[Path | None, typer.Argument(help="A folder of packs (default: built-in).")] = None,
) -> None:
    """Run every rule's flag and allow examples; exit 1 when one misbehaves."""
    from discreet.packs import all_rules, builtin_rules_dir, load_packs
    from discreet.rulecheck import check_rules

    packs = load_packs([directory or builtin_rules_dir()])
    problems = check_rules(all_rules(packs))
    for problem in problems:
        typer.echo(problem)
    count = sum(len(r.flag) + len(r.allow) for r in all_rules(packs))
    typer.echo(f"{count - len(problems)} passed, {len(problems)} failed")
    raise typer.Exit(EXIT_FINDINGS if problems else EXIT_CLEAN)


@rules_app.command("docs")
def rules_docs(
    output_format: Annotated[
        HandoutFormat, typer.Option("--format", help="Handout format.")
    ] = HandoutFormat.MARKDOWN,
    output: Annotated[
        Path | None, typer.Option(help="Write the handout to this file instead of stdout.")
    ] = None,
    rules: RulesOption = None,
) -> None:
    """Write a training handout from the rule packs, with the fictional persona as a worked case."""
    # Imported here: no other command needs them, and every command pays for what cli.py imports.
    from discreet.handout import RENDERERS
    from discreet.packs import all_rules, builtin_rules_dir, load_packs
    from discreet.persona import persona_case, private_terms

    packs = load_packs([builtin_rules_dir(), *_rule_folders(rules)])
    case = persona_case(all_rules(packs))
    _write(RENDERERS[output_format](packs, case, private_terms()), output, [])


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
