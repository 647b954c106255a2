"""Words every human-readable format uses for verdicts, so the reports agree with each other."""

from __future__ import annotations

from discreet.languages.en import VERDICT_NOTE, VERDICT_TITLE
from discreet.model import Verdict

__all__ = ["VERDICT_NOTE", "VERDICT_ORDER", "VERDICT_TITLE", "percent", "plural"]

VERDICT_ORDER = (Verdict.NEVER, Verdict.REPLACEMENT, Verdict.COMPLEMENT)


def plural(number: int, noun: str) -> str:
    """'1 finding', '2 findings'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def percent(share: float) -> str:
    """A share from 0 to 1 as a whole percentage."""
    return f"{round(share * 100)}%"
