"""The wheel ships the packs, licence, typing marker, handout and persona; a checkout finds them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import REPO
from discreet.packs import builtin_rules_dir


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "--target", "wheel", "--directory", str(folder)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    [built] = folder.glob("discreet-*.whl")
    return built


def test_editable_checkout_finds_rules_beside_src() -> None:
    assert builtin_rules_dir() == REPO / "rules"


def test_wheel_ships_every_rule_pack(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    packs = {f"discreet/rules/{p.name}" for p in (REPO / "rules").glob("*.toml")}
    assert packs <= names
    assert "discreet/cli.py" in names
    schemas = {f"discreet/schemas/{p.name}" for p in (REPO / "src" / "discreet" / "schemas").glob("*.json")}
    assert len(schemas) == 3
    assert schemas <= names
    assert any(name.endswith("entry_points.txt") for name in names)


def test_wheel_ships_the_built_handout_and_writes_it_without_a_checkout(wheel: Path, tmp_path: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"discreet/docs/handout.md", "discreet/docs/handout.html"} <= names
    assert {"discreet/persona/resume.txt", "discreet/persona/private-terms.txt"} <= names
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    # Run the unpacked wheel from a folder with no fixtures/ or rules/ near it: only the wheel's own files.
    done = subprocess.run(
        [sys.executable, "-m", "discreet", "rules", "docs"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(unpacked)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == (unpacked / "discreet" / "docs" / "handout.md").read_text(encoding="utf-8")


def test_wheel_ships_the_licence_and_declares_it(wheel: Path) -> None:
    built = zipfile.ZipFile(wheel)
    dist_info = "discreet-0.1.0.dist-info"
    licence = built.read(f"{dist_info}/licenses/LICENSE").decode()
    assert licence == (REPO / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n")
    metadata = built.read(f"{dist_info}/METADATA").decode().split("\n\n")[0].splitlines()
    assert "License-Expression: MIT" in metadata
    assert "License-File: LICENSE" in metadata
    assert "Classifier: Typing :: Typed" in metadata


def test_wheel_ships_the_typed_public_api(wheel: Path) -> None:
    built = zipfile.ZipFile(wheel)
    assert {"discreet/py.typed", "discreet/api.py", "discreet/__init__.py"} <= set(built.namelist())
    assert built.read("discreet/py.typed") == b""
