"""The wheel ships the rule packs, licence and typing marker; a checkout finds the packs beside src/."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

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


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    """The wheel built from this checkout."""
    directory = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "--target", "wheel", "--directory", str(directory)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    [path] = directory.glob("discreet-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_ships_the_licence_and_declares_it(wheel: zipfile.ZipFile) -> None:
    dist_info = "discreet-0.1.0.dist-info"
    licence = wheel.read(f"{dist_info}/licenses/LICENSE").decode()
    assert licence == (REPO / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n")
    metadata = wheel.read(f"{dist_info}/METADATA").decode().split("\n\n")[0].splitlines()
    assert "License-Expression: MIT" in metadata
    assert "License-File: LICENSE" in metadata
    assert "Classifier: Typing :: Typed" in metadata


def test_wheel_ships_the_typed_public_api(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert {"discreet/py.typed", "discreet/api.py", "discreet/__init__.py"} <= names
    assert wheel.read("discreet/py.typed") == b""
