"""Splice edits into a sentence and tidy each seam: spaces, separators, brackets, articles, capitals."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial, reduce

from discreet.language import RewriteReading
from discreet.rewrite.grammar import capitalize, vowel_sound
from discreet.rewrite.patterns import lazy
from discreet.rewrite.spans import Edit

ARTICLE_END = lazy(r"(?:^|(?<=[\s(]))(?P<article>[Aa]n?)$")
# Bullets decoded as other characters ("\x9f", "§") separate fields as well as "|" does.
SEPARATORS = "|,;:•·▪●◦■♦➢►✓§*\x95\x9f—–/"
LEADING = lazy(r"^[\s|,;:.!?•·▪●◦■♦➢►✓§*\x95\x9f—–-]+")
TRAILING = lazy(r"[\s|,;:•·▪●◦■♦➢►✓§*\x95\x9f—–-]+(?P<end>[.!?]*)\s*$")
BULLET = lazy(r"\s*[•●▪◦·*➢✓–-]\s+")
SPACES = lazy(r"[ \t]{2,}")


def assemble(sentence: str, edits: Sequence[Edit], reading: RewriteReading) -> str:
    """Splice the edits in, tidying each seam: spaces, separators, parentheses, articles, capitals."""
    pieces: list[str] = []
    cursor = 0
    for edit in edits:
        pieces += [sentence[cursor : edit.start], edit.text]
        cursor = edit.end
    pieces.append(sentence[cursor:])
    text = reduce(partial(_join, reading=reading), (piece for piece in pieces if piece), "")
    if not sentence[edits[-1].end :].strip(" \t.!?"):
        text = TRAILING().sub(lambda m: m["end"], text)
    prefix = sentence[: edits[0].start]
    if not prefix.strip():
        text = capitalize(LEADING().sub("", text))
    elif (bullet := BULLET().match(text)) and BULLET().fullmatch(prefix):
        text = text[: bullet.end()] + capitalize(text[bullet.end() :])
    text = SPACES().sub(" ", text)
    text = text if sentence[-1:].isspace() else text.rstrip()
    return text if any(c.isalnum() for c in text) else ""


def _join(left: str, right: str, reading: RewriteReading) -> str:
    """Join two pieces at an edit, as if the text between had never been there."""
    if not left:
        return right
    head, tail = left.rstrip(), right.lstrip()
    if not head or not tail:
        return left + right
    spaced = head != left or tail != right
    space = " " if spaced else ""
    if head.endswith("(") and tail.startswith(")"):
        return _join(head[:-1], tail[1:], reading)
    if _ends_with_separator(head) and (tail[0] in ".!?)" or _starts_with_separator(tail)):
        if tail[0] in ".!?)":
            return _join(head.rstrip(SEPARATORS + "-").rstrip(), tail, reading)
        return _join(head + space, tail[1:].lstrip(), reading)
    head = _fix_article(head, tail, reading)
    if head[-1] in ".!?" and tail[0].islower():
        tail = capitalize(tail)
    if tail[0] in ",.;:!?)%" or tail.startswith(("'s", "’s")) or head.endswith("("):
        space = ""
    return head + space + tail


def _ends_with_separator(text: str) -> bool:
    return text[-1] in SEPARATORS or text.endswith((" -", " –"))


def _starts_with_separator(text: str) -> bool:
    return text[0] in SEPARATORS.replace(":", "") or text.startswith(("- ", "– "))


def _fix_article(head: str, tail: str, reading: RewriteReading) -> str:
    """Make 'a'/'an' at the end of head agree with the word that now follows it."""
    match = ARTICLE_END().search(head)
    word = re.match(r"[\w'’-]+", tail)
    if not match or not word:
        return head
    article = match["article"]
    if article[0] == "A" and not re.search(r"(?:^|[.!?:]\s*)$", head[: match.start()]):
        return head
    wanted = "an" if vowel_sound(reading).match(word[0]) else "a"
    wanted = wanted.capitalize() if article[0] == "A" else wanted
    return head[: match.start()] + wanted
