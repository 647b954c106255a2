"""Rewrite flagged sentences for public use; advise is the entry the pipeline calls."""

from __future__ import annotations

from discreet.rewrite.advice import advise
from discreet.rewrite.sentence import rewrite_sentence

__all__ = ["advise", "rewrite_sentence"]
