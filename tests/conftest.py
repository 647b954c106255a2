"""Paths shared by the tests: the repository, its fixtures and the read-only corpus beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from discreet.cli import main

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared() -> Path:
    """The shared corpus folder, or a skip when this checkout has none beside it."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: corpus tests need the shared folder beside the repository")
    return SHARED


def write(path: Path, data: bytes | str) -> Path:
    """Write bytes, or text as UTF-8, to path and return it."""
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the CLI in-process: its exit code, stdout and stderr."""
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err
