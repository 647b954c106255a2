"""The config file: discovery upward from the working folder, precedence under the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run
from discreet.config import COMMAND_LINE, DEFAULT, Options, effective, find_config
from discreet.formatters import ReportFormat
from discreet.model import Severity

RESUME = "EXPERIENCE\n- Grew revenue to $4.2M at Acme.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository root (in tmp_path) with a nested working folder, the current directory."""
    root = tmp_path / "repo"
    work = root / "cv" / "drafts"
    work.mkdir(parents=True)
    (root / ".git").mkdir()
    monkeypatch.chdir(work)
    return root


def test_no_config_gives_the_defaults(project: Path) -> None:
    settings = effective(Path.cwd(), {})
    assert (settings.options, settings.file, settings.source("fail_on")) == (Options(), None, DEFAULT)


def test_pyproject_table_is_found_upward_and_paths_are_relative_to_it(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.discreet]\nprivate-terms = "terms/private.txt"\nrules = ["packs"]\n'
        'disable = ["personal.email"]\nfail-on = "high"\nformat = "json"\nbaseline = "b.json"\n',
        encoding="utf-8",
    )
    settings = effective(Path.cwd(), {})
    assert settings.options == Options(
        private_terms=project / "terms/private.txt",
        rules=(project / "packs",),
        disable=("personal.email",),
        fail_on=Severity.HIGH,
        format=ReportFormat.JSON,
        baseline=project / "b.json",
    )
    assert (settings.file, settings.source("fail_on"), settings.source("public_terms")) == (
        project / "pyproject.toml",
        str(project / "pyproject.toml"),
        DEFAULT,
    )


def test_the_nearest_file_wins_and_discreet_toml_before_pyproject(project: Path) -> None:
    (project / ".discreet.toml").write_text('fail-on = "critical"\n', encoding="utf-8")
    (project / "cv" / "pyproject.toml").write_text('[tool.discreet]\nfail-on = "medium"\n', encoding="utf-8")
    assert find_config(Path.cwd()) == (project / "cv" / "pyproject.toml", {"fail-on": "medium"})
    (project / "cv" / ".discreet.toml").write_text('fail-on = "high"\n', encoding="utf-8")
    assert find_config(Path.cwd()) == (project / "cv" / ".discreet.toml", {"fail-on": "high"})


def test_a_pyproject_without_the_table_is_passed_over(project: Path) -> None:
    (project / "cv" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (project / "pyproject.toml").write_text('[tool.discreet]\nformat = "sarif"\n', encoding="utf-8")
    assert effective(Path.cwd(), {}).options.format is ReportFormat.SARIF


def test_the_search_stops_at_the_repository_root(project: Path) -> None:
    (project.parent / ".discreet.toml").write_text('fail-on = "high"\n', encoding="utf-8")
    assert find_config(Path.cwd()) is None
    (project / ".git").rmdir()
    assert find_config(Path.cwd()) == (project.parent / ".discreet.toml", {"fail-on": "high"})


def test_the_command_line_overrides_the_file(project: Path) -> None:
    (project / ".discreet.toml").write_text(
        'fail-on = "high"\ndisable = ["personal.email"]\n', encoding="utf-8"
    )
    settings = effective(
        Path.cwd(), {"fail_on": Severity.INFO, "disable": ("personal.phone",), "format": None}
    )
    assert (settings.options.fail_on, settings.options.disable, settings.options.format) == (
        Severity.INFO,
        ("personal.phone",),
        ReportFormat.TEXT,
    )
    assert [settings.source(name) for name in ("fail_on", "disable", "format")] == [
        COMMAND_LINE,
        COMMAND_LINE,
        DEFAULT,
    ]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('fail_on = "high"\n', "unknown discreet setting fail_on; the settings are private-terms, "),
        ('fail-on = "severe"\n', "fail-on = 'severe' is not one of info, low, medium, high, critical"),
        ('disable = "personal.email"\n', 'disable must be a list of strings, such as disable = ["..."]'),
        ("baseline = 3\n", "baseline must be a non-empty string, a path relative to this file"),
        ("fail-on = \n", "cannot read the discreet settings (Invalid value (at line 1, column 11))"),
    ],
)
def test_a_bad_setting_is_one_line_naming_the_file(
    project: Path, capsys: pytest.CaptureFixture[str], content: str, problem: str
) -> None:
    config = project / ".discreet.toml"
    config.write_text(content, encoding="utf-8")
    code, out, err = run(["config"], capsys)
    assert (code, out, err.count("\n")) == (2, "", 1)
    assert err.startswith(f"discreet: {config}: {problem}")


def test_config_command_says_where_each_value_came_from(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = project / ".discreet.toml"
    config.write_text('fail-on = "high"\nrules = ["packs"]\n', encoding="utf-8")
    code, out, _ = run(["config", "--format", "json", "--disable", "personal.email"], capsys)
    assert code == 0
    assert out.splitlines() == [
        f"# config file: {config}",
        "# private-terms is not set  # default",
        "# public-terms is not set  # default",
        f'rules = ["{project / "packs"}"]  # {config}',
        'disable = ["personal.email"]  # command line',
        f'fail-on = "high"  # {config}',
        'format = "json"  # command line',
        "# baseline is not set  # default",
    ]


def test_audit_uses_the_config_file_under_the_command_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    resume = Path.cwd() / "cv.txt"
    resume.write_text(RESUME, encoding="utf-8")
    (project / "private.txt").write_text("Acme\n", encoding="utf-8")
    (project / ".discreet.toml").write_text(
        'fail-on = "high"\nformat = "markdown"\nprivate-terms = "private.txt"\n', encoding="utf-8"
    )
    code, out, _ = run(["audit", "cv.txt", "--quiet"], capsys)
    assert (code, out.splitlines()[0], out.splitlines()[-1]) == (
        1,
        "# discreet report",
        "- **By severity:** 1 high, 1 medium",
    )
    code, out, _ = run(["audit", "cv.txt", "--format", "json", "--fail-on", "critical"], capsys)
    [document] = json.loads(out)["documents"]
    assert code == 0
    assert sorted((f["rule"], f["text"]) for f in document["findings"]) == [
        ("confidential.private-term", "Acme"),
        ("financial.money-amount", "$4.2M"),
    ]
    # Without the high private-term finding, the file's fail-on = "high" leaves a medium one passing.
    assert run(["audit", "cv.txt", "--disable", "confidential.private-term"], capsys)[0] == 0


def test_rules_commands_read_the_config_files_rule_folders(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    packs = project / "packs"
    packs.mkdir()
    (packs / "house.toml").write_text(
        '[pack]\nid = "house"\ntitle = "House"\ndescription = "Our own names."\n\n'
        '[[rules]]\nid = "house.codename"\ncategory = "confidential"\ntitle = "Internal codename"\n'
        'why = "Codenames are internal."\nadvice = "Describe the project."\npatterns = [\'\\bBlueJay\\b\']\n'
        'flag = ["Led BlueJay."]\nallow = ["Led a launch."]\n',
        encoding="utf-8",
    )
    (project / ".discreet.toml").write_text('rules = ["packs"]\n', encoding="utf-8")
    code, out, _ = run(["rules", "list"], capsys)
    assert code == 0
    assert f"{'house.codename':<40} confidential  medium    Internal codename" in out.splitlines()
    code, out, _ = run(["rules", "explain", "house.codename"], capsys)
    assert (code, out.splitlines()[:2]) == (
        0,
        [
            "house.codename: Internal codename",
            "category: confidential   severity: medium   public: remove   resume: generalize",
        ],
    )


def test_fix_uses_the_config_files_terms_and_disabled_rules(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    resume = Path.cwd() / "cv.txt"
    resume.write_text("EXPERIENCE\n- Led the Acme rollout.\n- Grew revenue to $4.2M.\n", encoding="utf-8")
    (project / "private.txt").write_text("Acme => a retail client\n", encoding="utf-8")
    (project / ".discreet.toml").write_text(
        'private-terms = "private.txt"\ndisable = ["financial.money-amount"]\n', encoding="utf-8"
    )
    code, _, _ = run(["fix", "cv.txt", "--output", "public.txt"], capsys)
    assert code == 0
    assert (Path.cwd() / "public.txt").read_text(encoding="utf-8") == (
        "EXPERIENCE\n- Led a retail client rollout.\n- Grew revenue to $4.2M.\n"
    )
