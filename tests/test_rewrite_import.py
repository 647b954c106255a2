"""The rewriter's patterns: none is made on import, and those an audit uses load from the shipped store."""

from __future__ import annotations

import subprocess
import sys

# Counts the rewriter's patterns made on import, then after one rewrite, and how many of those the
# store shipped (loaded) rather than compiled here; and the patterns stdlib re compiled for it.
SPY = """
import re, sys
from discreet import precompiled
made, compiled_by_re = [], []
original_made, original_load, original_re = precompiled.compiled, precompiled.load, re.compile
def spy_made(pattern, flags=0):
    name = sys._getframe(1).f_globals.get("__name__", "")
    found = original_made(pattern, flags)
    if name.startswith("discreet.rewrite"):
        made.append(original_load(precompiled.pattern_key(pattern, flags, {})) is not None)
    return found
def spy_re(pattern, flags=0):
    compiled_by_re.append(sys._getframe(1).f_globals.get("__name__", ""))
    return original_re(pattern, flags)
precompiled.compiled, re.compile = spy_made, spy_re
import discreet.rewrite
print(len(made))
from discreet.model import Category
from discreet.rewrite.spans import Span, Treatment
span = Span(7, 12, Treatment.FIGURE, Category.FINANCIAL)
discreet.rewrite.rewrite_sentence("Closed $4.2M in deals.", [span])
print(len(made), sum(made), sum(name.startswith("discreet.rewrite") for name in compiled_by_re))
"""


def test_the_rewriter_makes_no_pattern_on_import_and_loads_what_it_uses_from_the_store() -> None:
    done = subprocess.run([sys.executable, "-c", SPY], capture_output=True, text=True, check=True)
    on_import, after_use, shipped, by_re = (int(word) for word in done.stdout.split())
    assert on_import == 0
    assert after_use > 0 and shipped == after_use
    assert by_re == 0
