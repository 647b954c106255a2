"""The pre-commit hook definition names a command that really gates a commit."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO
from discreet.cli import main


def hook_entry() -> list[str]:
    lines = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8").splitlines()
    [entry] = [line.split(":", 1)[1].strip() for line in lines if line.strip().startswith("entry:")]
    return shlex.split(entry)


def test_hook_runs_discreet_audit() -> None:
    assert hook_entry()[:2] == ["discreet", "audit"]


def test_hook_fails_a_leaking_markdown_resume(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*hook_entry()[1:], str(FIXTURES / "persona" / "resume.md")]) == 1
    capsys.readouterr()


def test_hook_passes_a_clean_resume(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = tmp_path / "resume.md"
    clean.write_text("# Dana Whitfield\n\n## Skills\n- Solution selling\n", encoding="utf-8")
    assert main([*hook_entry()[1:], str(clean)]) == 0
    capsys.readouterr()
