"""The wheel ships the rule packs, and an editable checkout finds them beside src/."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO
from discreet.packs import builtin_rules_dir


def test_editable_checkout_finds_rules_beside_src() -> None:
    assert builtin_rules_dir() == REPO / "rules"


def test_wheel_ships_every_rule_pack(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "--target", "wheel", "--directory", str(tmp_path)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("discreet-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    packs = {f"discreet/rules/{p.name}" for p in (REPO / "rules").glob("*.toml")}
    assert packs <= names
    assert "discreet/cli.py" in names
    assert any(name.endswith("entry_points.txt") for name in names)
