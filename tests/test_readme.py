"""The README documents every command and option, and opens with the two commands CI runs."""

from __future__ import annotations

import re

import click
import typer

from conftest import REPO
from discreet.cli import app

README = (REPO / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group, prefix: str = "discreet") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += commands(command, f"{prefix} {name}")
        else:
            found.append((f"{prefix} {name}", command))
    return found


def test_readme_opens_with_the_demo_and_the_test_command() -> None:
    block = README.split("```")[1].splitlines()[1:]
    assert len([line for line in block if line.strip()]) == 2
    assert "discreet audit fixtures/" in block[0]
    assert "pytest" in block[1]


def test_every_command_and_option_is_documented() -> None:
    cli = typer.main.get_command(app)
    assert isinstance(cli, click.Group)
    for name, command in commands(cli):
        assert f"`{name}" in README, name
        for param in command.params:
            for option in param.opts:
                if option.startswith("--") and option != "--help":
                    assert re.search(rf"`[^`]*{re.escape(option)}\b[^`]*`", README), f"{name} {option}"
