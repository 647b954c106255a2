"""discreet serve: the local web page, with the settings audit would use."""

from __future__ import annotations

from typing import Annotated

import typer

from discreet.commands.options import (
    DisableOption,
    PrivateTermsOption,
    PublicTermsOption,
    RulesOption,
    chosen_rules,
    in_force,
)
from discreet.errors import UsageError

# The packages of the optional extra `web`, by the names they are imported under.
WEB_EXTRA = frozenset({"starlette", "uvicorn", "python_multipart", "anyio", "h11"})


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
        raise without_web_extra(missing) from None
    listener = server.listen(host, port)
    if not server.is_loopback(host):
        typer.echo(
            f"discreet: warning: {host} may let other machines reach the page; only its token guards it",
            err=True,
        )
    # The config file's rules, disabled ids and terms apply as they do to audit; the page adds its own terms.
    chosen = in_force(None, None, rules, disable, private_terms, public_terms, None).options
    settings = Settings(
        tuple(chosen_rules(chosen.rules, chosen.disable)),
        read_terms(chosen.private_terms, chosen.public_terms, chosen.disable),
        time_limit=timeout,
        memory_limit=max_memory_mb * 2**20,
    )
    with server.forking(settings, notify) as zygote:
        web = server.create(listener, settings, max_upload_mb * 2**20, zygote)
        typer.echo(f"discreet serves its page at {listener.url} (Ctrl-C stops it)")
        if open_browser:
            webbrowser.open(listener.url)
        server.run(web, listener)


def notify(line: str) -> None:
    """One line of the server's own on its stderr, such as a replaced zygote: never document text."""
    typer.echo(f"discreet: {line}", err=True)


def without_web_extra(missing: ModuleNotFoundError) -> Exception:
    """The UsageError that says how to install the optional extra `web`; missing itself for another module."""
    package = (missing.name or "").split(".")[0]
    if package not in WEB_EXTRA:
        return missing
    return UsageError(
        f"discreet serve needs the optional web packages ({package} is missing): pip install 'discreet[web]'"
    )
