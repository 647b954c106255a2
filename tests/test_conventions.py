"""The command-line habits users bring: --version, completion, NO_COLOR, unwrapped pipes, empty folders."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO, run
from discreet import __version__
from discreet.detect import Terms
from discreet.packs import all_rules, builtin_rules_dir, load_packs
from discreet.termsfile import parse_terms

RESUME = FIXTURES / "persona" / "resume.txt"
ESCAPE = "\x1b["


def in_terminal(args: list[str], **env: str) -> str:
    """What a person sees when the CLI runs in a terminal (a pseudo-terminal) with these variables."""
    leader, follower = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"COLUMNS": "100", **env}
    process = subprocess.Popen(
        [sys.executable, "-m", "discreet", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=environment,
        cwd=REPO,
    )
    os.close(follower)
    chunks: list[bytes] = []

    def drain() -> None:
        # The terminal's buffer is small: read while the process writes, until it closes its end.
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    process.wait(timeout=120)
    reader.join(timeout=30)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--version"], capsys) == (0, f"discreet {__version__}\n", "")


def test_shell_completion_is_offered(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--help"], capsys)
    assert code == 0
    assert "--install-completion" in out and "--show-completion" in out


def test_an_empty_folder_is_an_error_that_says_what_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["audit", str(tmp_path)], capsys)
    assert (code, out) == (2, "")
    assert err == (
        f"discreet: no documents found in {tmp_path}; discreet reads PDF, Word .docx, text and Markdown, "
        "JSON Resume and LinkedIn exports\n"
    )


def test_a_terminal_gets_colour_unless_no_color_is_set() -> None:
    args = ["audit", str(RESUME)]
    assert ESCAPE in in_terminal(args)
    assert ESCAPE not in in_terminal(args, NO_COLOR="1")


def test_a_report_into_a_pipe_keeps_each_line_whole() -> None:
    run_piped = subprocess.run(
        [sys.executable, "-m", "discreet", "audit", str(RESUME)], capture_output=True, text=True, cwd=REPO
    )
    assert ESCAPE not in run_piped.stdout
    lines = run_piped.stdout.splitlines()
    # The text report prints each rule's why; in a pipe a long one stays on one line for grep.
    whys = {rule.why for rule in all_rules(load_packs([builtin_rules_dir()])) if len(rule.why) > 100}
    printed = [line.strip() for line in lines]
    assert whys & set(printed)
    assert max(map(len, lines)) > 100


def test_the_private_term_rule_is_explained_like_any_other(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules", "explain", "confidential.private-term"], capsys)
    assert code == 0
    assert out.splitlines()[:2] == [
        "confidential.private-term: A name you listed as private",
        "category: confidential   severity: high   public: remove   resume: generalize",
    ]
    code, out, _ = run(["rules", "list"], capsys)
    assert "confidential.private-term" in out


def test_disabling_the_private_term_rule_stops_private_terms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    resume = tmp_path / "resume.txt"
    resume.write_text("Led the Orion Engine rollout.\n", encoding="utf-8")
    terms = tmp_path / "private.txt"
    terms.write_text("# clients and code names\nOrion Engine => an internal platform\n", encoding="utf-8")
    base = ["audit", str(resume), "--private-terms", str(terms), "--format", "json"]
    code, out, _ = run(base, capsys)
    assert code == 1
    [found] = json.loads(out)["documents"][0]["findings"]
    assert (found["rule"], found["start"], found["end"]) == ("confidential.private-term", 8, 20)
    assert "Orion" not in found["advice"]["rewrite"]
    code, out, _ = run([*base, "--disable", "confidential.private-term"], capsys)
    assert (code, json.loads(out)["documents"][0]["findings"]) == (0, [])


def test_terms_files_are_read_by_one_parser() -> None:
    terms = parse_terms(
        ["# comment", "  Project Falcon => a pricing pilot ", "", "Orion"], ["Q3 results", "#x"]
    )
    assert terms == Terms(
        private=("Project Falcon", "Orion"),
        public=("Q3 results",),
        stand_ins=(("Project Falcon", "a pricing pilot"),),
    )
