"""The pre-commit hook gates a commit on its resumes, and leaves a repository's other files alone."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import FIXTURES, REPO
from discreet.cli import main
from discreet.model import Limits
from discreet.read import is_resume

LEAKING_RESUME = "# Dana Whitfield\n\n## Experience\n- Grew revenue to $4.2M in two years.\n"
CLEAN_RESUME = "# Dana Whitfield\n\n## Skills\n- Solution selling\n"
JSON_RESUME = {"basics": {"name": "Dana Whitfield", "phone": "(312) 555-0147"}, "work": []}
PACKAGE_JSON = {"name": "site", "version": "1.0.0", "dependencies": {"left-pad": "1.3.0"}}
# tsconfig.json and VS Code settings allow comments: JSON that does not parse.
TSCONFIG_JSON = '{\n  // strict mode\n  "compilerOptions": {"strict": true}\n}\n'
README = "# Site\n\nOur revenue grew to $4.2M, see the press release.\n"
CHANGELOG = "# Changelog\n\n## 1.1 - 2024-03-01\n- Invoice for $12,500 rendered correctly.\n"


def hook() -> dict[str, Any]:
    [definition] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(definition, dict)
    return definition


def hook_entry() -> list[str]:
    return shlex.split(hook()["entry"])


def selected(names: list[str]) -> list[str]:
    """The files pre-commit passes to the hook: those its `files` pattern finds (re.search, as pre-commit)."""
    pattern = re.compile(hook()["files"])
    return [name for name in names if pattern.search(name)]


def test_hook_runs_discreet_audit_on_resumes_only() -> None:
    assert hook_entry() == ["discreet", "audit", "--only-resumes", "--fail-on", "medium", "--jobs", "1"]
    assert hook()["types"] == ["file"]


@pytest.mark.parametrize(
    ("name", "passed"),
    [
        ("resume.md", True),
        ("docs/Dana-Resume.pdf", True),
        ("cv_2024.docx", True),
        ("Curriculum Vitae.txt", True),
        ("résumé.markdown", True),
        ("resumes/dana.md", True),
        ("cv/dana.pdf", True),
        ("resume.json", True),
        ("package.json", True),  # every .json is passed; --only-resumes reads it and skips it
        ("README.md", False),
        ("CHANGELOG.md", False),
        ("docs/opencv-notes.md", False),
        ("recv.txt", False),
        ("src/cv.py", False),
        ("resume.tex", False),
    ],
)
def test_hook_passes_resumes_by_name_and_json_for_its_content(name: str, passed: bool) -> None:
    assert selected([name]) == ([name] if passed else [])


@pytest.mark.parametrize(
    ("name", "content", "resume"),
    [
        ("resume.json", json.dumps(JSON_RESUME), True),
        ("dana.json", json.dumps(JSON_RESUME), True),
        ("package.json", json.dumps(PACKAGE_JSON), False),
        ("tsconfig.json", TSCONFIG_JSON, False),
        ("composer.json", "[]", False),
        ("resume.json", '{"basics": {"name": "Dana"', True),  # broken, but named like a resume: reported
        ("dana-cv.json", "{", True),
        ("resume.md", README, True),
        ("notes.txt", "{}", True),
    ],
)
def test_only_json_that_is_not_a_json_resume_is_not_a_resume(
    tmp_path: Path, name: str, content: str, resume: bool
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert is_resume(path, Limits()) is resume


def test_json_past_the_size_limit_is_a_resume_only_when_named_like_one(tmp_path: Path) -> None:
    for name in ("package-lock.json", "resume.json"):
        (tmp_path / name).write_text(json.dumps(PACKAGE_JSON) + " " * 2048, encoding="utf-8")
    limits = Limits(max_file_bytes=1024)
    assert is_resume(tmp_path / "package-lock.json", limits) is False
    assert is_resume(tmp_path / "resume.json", limits) is True


def test_hook_fails_a_leaking_markdown_resume(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*hook_entry()[1:], str(FIXTURES / "persona" / "resume.md")]) == 1
    capsys.readouterr()


def test_hook_passes_a_clean_resume(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = tmp_path / "resume.md"
    clean.write_text(CLEAN_RESUME, encoding="utf-8")
    assert main([*hook_entry()[1:], str(clean)]) == 0
    capsys.readouterr()


def git_repository(folder: Path, resume: str) -> list[str]:
    """A web project's repository that also keeps a resume; returns its files as git lists them."""
    files = {
        "package.json": json.dumps(PACKAGE_JSON),
        "tsconfig.json": TSCONFIG_JSON,
        "README.md": README,
        "CHANGELOG.md": CHANGELOG,
        "docs/resume.md": resume,
        "resume.json": json.dumps(JSON_RESUME),
    }
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(content, encoding="utf-8")
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "site"]):
        subprocess.run([*git, *command], cwd=folder, check=True, capture_output=True)
    listed = subprocess.run(["git", "ls-files"], cwd=folder, check=True, capture_output=True, text=True)
    return listed.stdout.splitlines()


def run_hook(folder: Path, names: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the hook's entry on the files, as pre-commit runs it: the command, then the file names."""
    command = hook_entry()
    installed = Path(sys.executable).with_name(command[0])
    program = [str(installed)] if installed.exists() else [sys.executable, "-m", "discreet"]
    return subprocess.run(
        [*program, *command[1:], *names],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )


def test_hook_in_a_web_project_audits_its_resumes_and_skips_the_rest(tmp_path: Path) -> None:
    names = selected(git_repository(tmp_path, LEAKING_RESUME))
    assert names == ["docs/resume.md", "package.json", "resume.json", "tsconfig.json"]
    result = run_hook(tmp_path, names)
    assert result.returncode == 1
    assert result.stderr == (
        "discreet: 2 files are not resumes and were skipped (--only-resumes): package.json, tsconfig.json\n"
    )
    assert result.stdout.splitlines()[0] == "discreet: 2 documents audited, 2 findings"
    assert "docs/resume.md  (resume, markdown): 1 finding" in result.stdout
    assert "resume.json  (profile, json-resume): 1 finding" in result.stdout
    for other in ("package.json", "tsconfig.json", "README.md", "CHANGELOG.md"):
        assert other not in result.stdout


def test_hook_passes_a_web_project_whose_resume_is_clean(tmp_path: Path) -> None:
    names = [name for name in selected(git_repository(tmp_path, CLEAN_RESUME)) if name != "resume.json"]
    result = run_hook(tmp_path, names)
    assert result.returncode == 0
    assert (
        result.stdout
        == "discreet: 1 document audited, 0 findings\n\ndocs/resume.md  (resume, markdown): 0 findings\n"
    )


def test_hook_passes_a_commit_that_touches_no_resume(tmp_path: Path) -> None:
    git_repository(tmp_path, CLEAN_RESUME)
    result = run_hook(tmp_path, ["package.json"])
    assert (result.returncode, result.stdout) == (0, "")
    assert (
        result.stderr == "discreet: 1 file is not a resume and was skipped (--only-resumes): package.json\n"
    )


@pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed")
@pytest.mark.skipif(
    not (REPO / ".git").exists() or shutil.which("git") is None, reason="needs a git checkout"
)
def test_pre_commit_try_repo_in_a_web_project(tmp_path: Path) -> None:
    """The real thing: pre-commit installs this repository's hook in its own environment and runs it."""
    project = tmp_path / "project"
    project.mkdir()
    git_repository(project, LEAKING_RESUME)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(REPO),
            "discreet",
            "--all-files",
            "--color",
            "never",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"},
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "- exit code: 1" in result.stdout
    assert "package.json, tsconfig.json" in result.stdout
    assert "docs/resume.md  (resume, markdown): 1 finding" in result.stdout
    assert "resume.json  (profile, json-resume): 1 finding" in result.stdout
    assert "README.md" not in result.stdout
    assert "CHANGELOG.md" not in result.stdout


def test_only_resumes_also_skips_what_a_folder_holds(tmp_path: Path) -> None:
    git_repository(tmp_path, LEAKING_RESUME)
    result = run_hook(tmp_path, ["."])
    assert result.returncode == 1
    assert result.stderr == (
        "discreet: 2 files are not resumes and were skipped (--only-resumes): package.json, tsconfig.json\n"
    )
    # Named by a folder, every Markdown file is read: only the hook's files pattern picks by name.
    audited = [line for line in result.stdout.splitlines() if "  (" in line and not line.startswith(" ")]
    assert audited == [
        "CHANGELOG.md  (resume, markdown): 1 finding",
        "README.md  (resume, markdown): 1 finding",
        "docs/resume.md  (resume, markdown): 1 finding",
        "resume.json  (profile, json-resume): 1 finding",
    ]
