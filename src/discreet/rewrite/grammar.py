"""Small facts of English the rewrites lean on: nouns, articles, plurals, capitals, chunks."""

from __future__ import annotations

import re

import regex

from discreet.rewrite.patterns import lazy

# Words after a figure that show it is not modifying a noun ("$4M in revenue", "37% year over year").
NOT_NOUN = lazy(
    r"in|of|for|from|to|with|across|at|by|on|over|per|and|or|but|than|through|within|during|into|under|via"
    r"|annually|yearly|monthly|weekly|daily|quarterly|last|this|next|each|every|an?|the|while|when|after"
    r"|before|since|as|using|against|vs|versus|yoy|qoq|mom|ahead|above|below|up|down|total|overall|plus"
    r"|which|that|who|is|was|were|are|be|been|has|had|have|its?|their|our|my|his|her|so|because|including"
    r"|out|years?|quarters?|months?|weeks?|days?",
    re.I,
)
ARTICLE = lazy(r"an?|the", re.I)
ARTICLE_START = lazy(r"(?:an?|the)\s", re.I)
WORD = r"[^\W\d_][\w&'’-]*"
DETERMINER_BEFORE = lazy(r"\b(?:a|an|the|our|their|its|his|her|my|your|this|that|each|every)\s+$", re.I)
NEXT_WORD = lazy(rf"\s+(?P<word>{WORD})")
GENERIC_LABEL = lazy(r"\s*(?:[A-Za-z(][\w.'’()/&-]*\s+){0,3}[A-Za-z(][\w.'’()/&-]*\s*[:#–—-]\s*")
CHUNK_BREAK = lazy(r"[|;•·▪●\t]|,(?!\d)|[.!?](?=\s|$)|\s[—–-]\s")
CLAUSE_BREAK = lazy(r"[|;•·▪●\t]|(?<=[.!?])\s+|\s[—–]\s")
VOWEL_SOUND = lazy(r"(?i)(?!one\b|once\b|uni|use|usu|uti|eu|ur[aeiou])[aeiou]|hour|honest|heir|8")


def is_noun_after(sentence: str, end: int) -> bool:
    match = NEXT_WORD().match(sentence, end)
    # One letter after a figure is a stray character of a broken line, not a noun.
    return match is not None and len(match["word"]) > 1 and is_noun(match["word"])


def is_noun(word: str) -> bool:
    """Good enough for what follows a figure: an acronym, or not a function word nor a past participle."""
    if word.isupper() and len(word) > 1:
        return True
    lower = word.lower()
    return not NOT_NOUN().fullmatch(lower) and not (lower.endswith("ed") and not lower.endswith("eed"))


def split_aside(phrase: str) -> tuple[str, str]:
    """'a security clearance (details on request)' as its phrase and its parenthesis."""
    core, paren, aside = phrase.partition(" (")
    return core, f"{paren}{aside}"


def article_for(phrase: str) -> str:
    return "an " if VOWEL_SOUND().match(phrase) else "a "


def as_field(phrase: str) -> str:
    """A stand-in that makes up its whole field: no article, a capital ('Valid passport')."""
    return capitalize(without_article(phrase))


def is_plural(noun: str) -> bool:
    return noun.lower().endswith("s") and not noun.lower().endswith(("ss", "us", "is"))


def without_article(phrase: str) -> str:
    return re.sub(r"^(?:an?|the)\s+", "", phrase, flags=re.I)


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
    return text[:1].upper() + text[1:] if text[:1].islower() else text
