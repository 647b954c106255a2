"""The data of a rewrite: flagged spans, how each is treated, and candidate edits."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from discreet.model import Category


class Treatment(StrEnum):
    """How a rewrite handles a flagged span, weakest first."""

    KEEP = "keep"
    FIGURE = "figure"
    MARKER = "marker"
    NAME = "name"
    DROP = "drop"

    @property
    def rank(self) -> int:
        return list(Treatment).index(self)


@dataclass(frozen=True, slots=True)
class Span:
    """A finding's span in the sentence and how the rewrite handles it; line: its whole line goes with it."""

    start: int
    end: int
    treatment: Treatment
    category: Category
    stand_in: str = ""
    line: bool = False


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace sentence[start:end] with text; copied marks a stretch of the sentence the text repeats."""

    start: int
    end: int
    text: str
    copied: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True)
class EditGroup:
    """Spans rewritten together (a range, a list of names), with candidate edits best first."""

    spans: tuple[Span, ...]
    candidates: tuple[Edit, ...]
