"""Words every human-readable format uses for verdicts, so the reports agree with each other."""

from __future__ import annotations

from discreet.model import Verdict

VERDICT_ORDER = (Verdict.NEVER, Verdict.REPLACEMENT, Verdict.COMPLEMENT)
VERDICT_TITLE = {
    Verdict.NEVER: "Never public",
    Verdict.REPLACEMENT: "Resume only",
    Verdict.COMPLEMENT: "Safe to publish",
}
VERDICT_NOTE = {
    Verdict.NEVER: "remove these everywhere, the resume you send included",
    Verdict.REPLACEMENT: "keep these for the resume you send an employer, off any public profile",
    Verdict.COMPLEMENT: "these may stay on a public profile",
}


def plural(number: int, noun: str) -> str:
    """'1 finding', '2 findings'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def percent(share: float) -> str:
    """A share from 0 to 1 as a whole percentage."""
    return f"{round(share * 100)}%"
