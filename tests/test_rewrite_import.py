"""Importing the rewriter compiles none of its patterns: an audit's start-up does not pay for them."""

from __future__ import annotations

import subprocess
import sys

# Counts the patterns each discreet.rewrite module compiles on import, then after one rewrite.
SPY = """
import re, sys
compiled = []
original = re.compile
def spy(pattern, flags=0):
    compiled.append(sys._getframe(1).f_globals.get("__name__", ""))
    return original(pattern, flags)
re.compile = spy
import discreet.rewrite
print(sum(name.startswith("discreet.rewrite") for name in compiled))
from discreet.model import Category
from discreet.rewrite.spans import Span, Treatment
span = Span(7, 12, Treatment.FIGURE, Category.FINANCIAL)
discreet.rewrite.rewrite_sentence("Closed $4.2M in deals.", [span])
print(sum(name.startswith("discreet.rewrite") for name in compiled))
"""


def test_importing_the_rewriter_compiles_no_pattern_until_one_is_used() -> None:
    done = subprocess.run([sys.executable, "-c", SPY], capture_output=True, text=True, check=True)
    on_import, after_use = (int(line) for line in done.stdout.split())
    assert on_import == 0 and after_use > 0
