"""Choices that shape every output format."""

from __future__ import annotations

from dataclasses import dataclass

MASK = "█"


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How to render: whether to hide matched text, and how wide a terminal is."""

    mask: bool = False
    width: int = 100
    color: bool = False
    quiet: bool = False


def shown(text: str, options: RenderOptions) -> str:
    """The matched text as a report may show it."""
    return MASK * min(len(text), 8) if options.mask else text
