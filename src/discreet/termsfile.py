"""Read the user's terms files: one term a line, '#' comments, and 'Name => stand-in' for private terms."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from discreet.detect import Terms
from discreet.errors import UsageError
from discreet.privateterm import PRIVATE_TERM

ARROW = "=>"


def read_terms(private: Path | None, public: Path | None, disabled: Collection[str] = ()) -> Terms:
    """The private and public terms of two files (either may be None); none private when the
    private-term rule is among the disabled rule ids."""
    if PRIVATE_TERM.id in disabled:
        private = None
    return parse_terms(_lines(private, "--private-terms"), _lines(public, "--public-terms"))


def parse_terms(private: list[str], public: list[str]) -> Terms:
    """Terms from the files' lines; a private line 'Falcon => an internal pilot' names its stand-in."""
    pairs = [line.partition(ARROW) for line in _meaningful(private)]
    return Terms(
        private=tuple(term.strip() for term, _, _ in pairs),
        public=tuple(_meaningful(public)),
        stand_ins=tuple((term.strip(), stand_in.strip()) for term, arrow, stand_in in pairs if arrow),
    )


def _lines(path: Path | None, option: str) -> list[str]:
    if path is None:
        return []
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(
            f"{path}: cannot read the {option} file ({error}); give a UTF-8 file, one term a line"
        ) from error


def _meaningful(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
