"""Splice edits into a sentence and tidy each seam: spaces, separators, brackets, articles, capitals."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial, reduce

import regex

from discreet.language import RewriteReading
from discreet.rewrite.grammar import capitalize, vowel_sound
from discreet.rewrite.patterns import alternation, built, compiled, lazy
from discreet.rewrite.spans import Edit

# Bullets decoded as other characters ("\x9f", "§") separate fields as well as "|" does.
SEPARATORS = "|,;:•·▪●◦■♦➢►✓§*\x95\x9f—–/"
LEADING = lazy(r"^[\s|,;:.!?•·▪●◦■♦➢►✓§*\x95\x9f—–-]+")
TRAILING = lazy(r"[\s|/,;:•·▪●◦■♦➢►✓§*\x95\x9f—–-]+(?P<end>[.!?]*)\s*$")
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
    if tail[0] in ",.;:!?)%" or tail.startswith(reading.possessive_endings) or head.endswith("("):
        space = ""
    return head + space + tail


def _ends_with_separator(text: str) -> bool:
    return text[-1] in SEPARATORS or text.endswith((" -", " –"))


def _starts_with_separator(text: str) -> bool:
    return text[0] in SEPARATORS.replace(":", "") or text.startswith(("- ", "– "))


@built
def _article_end(reading: RewriteReading) -> regex.Pattern[str]:
    """'a' or 'an' (or capitalised) at the end of a text, which the next word must agree with."""
    articles = alternation(form for word in reading.sound_articles for form in (word, word.capitalize()))
    return compiled(rf"(?:^|(?<=[\s(]))(?P<article>{articles})$")


def _fix_article(head: str, tail: str, reading: RewriteReading) -> str:
    """Make 'a'/'an' at the end of head agree with the word that now follows it."""
    match = _article_end(reading).search(head)
    word = re.match(r"[\w'’-]+", tail)
    if not match or not word:
        return head
    article = match["article"]
    if article[0].isupper() and not re.search(r"(?:^|[.!?:]\s*)$", head[: match.start()]):
        return head
    consonant, vowel = reading.sound_articles
    wanted = vowel if vowel_sound(reading).match(word[0]) else consonant
    wanted = wanted.capitalize() if article[0].isupper() else wanted
    return head[: match.start()] + wanted
