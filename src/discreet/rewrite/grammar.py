"""Small facts of English the rewrites lean on: nouns, articles, plurals, capitals, chunks."""

from __future__ import annotations

import re

import regex

from discreet.language import RewriteReading
from discreet.rewrite.patterns import alternation, built, compiled, ends_with, lazy

WORD = r"[^\W\d_][\w&'’-]*"
NEXT_WORD = lazy(rf"\s+(?P<word>{WORD})")
# The word before a place, figures and slashes included: "34", "biotech/medtech".
PREVIOUS_WORD = lazy(r"(?P<word>[\w&'’/-]+)\s+$")
GENERIC_LABEL = lazy(r"\s*(?:[A-Za-z(][\w.'’()/&-]*\s+){0,3}[A-Za-z(][\w.'’()/&-]*\s*[:#–—-]\s*")
CHUNK_BREAK = lazy(r"[|;•·▪●\t]|,(?!\d)|[.!?](?=\s|$)|\s[—–-]\s")
CLAUSE_BREAK = lazy(r"[|;•·▪●\t]|(?<=[.!?])\s+|\s[—–]\s")


@built
def article_word(reading: RewriteReading) -> regex.Pattern[str]:
    """An article: 'a', 'the'."""
    return compiled(alternation(reading.articles), re.I)


@built
def article_start(reading: RewriteReading) -> regex.Pattern[str]:
    """An article that opens a phrase: 'a valid passport'."""
    return compiled(rf"{alternation(reading.articles)}\s", re.I)


@built
def _leading_article(reading: RewriteReading) -> regex.Pattern[str]:
    """A phrase's article with the spaces after it, to take it off."""
    return compiled(rf"^{alternation(reading.articles)}\s+", re.I)


@built
def determiner_before(reading: RewriteReading) -> regex.Pattern[str]:
    """A determiner just before: 'our ', 'each '."""
    return ends_with(reading.determiners)


@built
def _function_word(reading: RewriteReading) -> regex.Pattern[str]:
    """Words after a figure that show it is not modifying a noun ('$4M in revenue', '37% year over year')."""
    return compiled(alternation(reading.function_words), re.I)


@built
def vowel_sound(reading: RewriteReading) -> regex.Pattern[str]:
    """A phrase that opens with a vowel's sound, and so takes 'an': 'an hour', but 'a unit'."""
    words, starts = alternation(reading.consonant_sound_words), alternation(reading.consonant_sound_starts)
    return compiled(rf"(?!{words}\b|{starts})[aeiou]|{alternation(reading.vowel_sound_starts)}", re.I)


def noun_before(sentence: str, start: int, reading: RewriteReading) -> str | None:
    """The word just before start if it reads as a noun's or a describing word: 'grocery', 'campaigns'."""
    before = PREVIOUS_WORD().search(sentence, 0, start)
    return before["word"] if before is not None and is_noun(before["word"], reading) else None


def is_noun_after(sentence: str, end: int, reading: RewriteReading) -> bool:
    match = NEXT_WORD().match(sentence, end)
    # One letter after a figure is a stray character of a broken line, not a noun.
    return match is not None and len(match["word"]) > 1 and is_noun(match["word"], reading)


def is_noun(word: str, reading: RewriteReading) -> bool:
    """Good enough for what follows a figure: an acronym, or not a function word nor a past participle."""
    if word.isupper() and len(word) > 1:
        return True
    lower = word.lower()
    return not _function_word(reading).fullmatch(lower) and not (
        lower.endswith("ed") and not lower.endswith("eed")
    )


def split_aside(phrase: str) -> tuple[str, str]:
    """'a security clearance (details on request)' as its phrase and its parenthesis."""
    core, paren, aside = phrase.partition(" (")
    return core, f"{paren}{aside}"


def article_for(phrase: str, reading: RewriteReading) -> str:
    consonant, vowel = reading.sound_articles
    return f"{vowel} " if vowel_sound(reading).match(phrase) else f"{consonant} "


def as_field(phrase: str, reading: RewriteReading) -> str:
    """A stand-in that makes up its whole field: no article, a capital ('Valid passport')."""
    return capitalize(without_article(phrase, reading))


def is_plural(noun: str) -> bool:
    return noun.lower().endswith("s") and not noun.lower().endswith(("ss", "us", "is"))


def without_article(phrase: str, reading: RewriteReading) -> str:
    return str(_leading_article(reading).sub("", phrase))


def plural(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(?:s|x|z|ch|sh)$", last):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}".strip()


def after_comma(sentence: str, start: int) -> bool:
    return sentence[:start].rstrip().endswith(",")


def mid_sentence(phrase: str) -> str:
    """'Authorized to work' after a comma reads 'authorized to work'; acronyms keep their case."""
    first = phrase.split(" ", 1)[0]
    return phrase[0].lower() + phrase[1:] if first.istitle() and len(first) > 1 else phrase


def bounds(sentence: str, start: int, end: int, breaks: regex.Pattern[str]) -> tuple[int, int]:
    """The stretch around start..end that no break interrupts, without its outer whitespace."""
    left = max((m.end() for m in breaks.finditer(sentence, 0, start)), default=0)
    right = next((m.start() for m in breaks.finditer(sentence, end)), len(sentence))
    while left < start and sentence[left].isspace():
        left += 1
    while right > end and sentence[right - 1].isspace():
        right -= 1
    return left, right


def capitalize(text: str) -> str:
    """Upper-case the first letter, unless the text opens with a web or e-mail address."""
    if not text[:1].islower() or _is_address(text.split(None, 1)[0]):
        return text
    return text[:1].upper() + text[1:]


def _is_address(word: str) -> bool:
    """'www.linkedin.com/in/dana', 'dana@example.com': written in lower case wherever they stand."""
    return word.startswith("www.") or "@" in word or ("/" in word and "." in word.rstrip("."))
