"""discreet rules: list, explain and test rule packs, and write the training handout."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from discreet.commands.options import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    RulesOption,
    chosen_rules,
    in_force,
)
from discreet.commands.output import write_output
from discreet.errors import UsageError

rules_app = typer.Typer(help="List, explain and test rule packs.", no_args_is_help=True)


class HandoutFormat(StrEnum):
    """The formats the training handout can be written in."""

    MARKDOWN = "markdown"
    HTML = "html"


@rules_app.command("list")
def rules_list(rules: RulesOption = None) -> None:
    """List every rule with its category, severity and title."""
    for rule in chosen_rules(_rule_folders(rules), []):
        typer.echo(f"{rule.id:<40} {rule.category.value:<13} {rule.severity.value:<9} {rule.title}")


@rules_app.command("explain")
def rules_explain(
    rule_id: Annotated[str, typer.Argument(help="A rule id.")], rules: RulesOption = None
) -> None:
    """Explain one rule: why it matters, what to write instead, and its examples."""
    from discreet.privateterm import PRIVATE_TERM

    rule = next((r for r in chosen_rules(_rule_folders(rules), []) if r.id == rule_id), None)
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
    return in_force(None, None, given, None, None, None, None).options.rules


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
    write_output(RENDERERS[output_format](packs, case, private_terms()), output, [])
