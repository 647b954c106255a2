"""Candidate rewrites of names: stand-ins that describe a client or a project without naming it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import regex

from discreet.language import RewriteReading, RewriteWords
from discreet.model import Category
from discreet.rewrite.grammar import (
    CHUNK_BREAK,
    GENERIC_LABEL,
    NEXT_WORD,
    article_for,
    article_word,
    as_field,
    bounds,
    capitalize,
    determiner_before,
    is_noun,
    is_plural,
    noun_before,
    plural,
    split_aside,
    without_article,
)
from discreet.rewrite.markers import secret_marker
from discreet.rewrite.patterns import alternation, built, compiled, ends_with, lazy
from discreet.rewrite.spans import Edit, Span

# A name's ticker or abbreviation in brackets names it as well: "Churchill Ventures (CHV)".
ALIAS_AFTER = lazy(r"\s*\((?:(?:NYSE|NASDAQ|LSE|NSE|BSE|TSX)\s*:\s*)?[A-Z][A-Z0-9.&-]{1,7}\)")
QUOTES = {'"': '"', "'": "'", "“": "”", "‘": "’"}


def stand_in_for(sentence: str, span: Span, words: RewriteWords) -> str:
    if span.stand_in:
        return span.stand_in
    if span.category is Category.FINANCIAL:
        return words.amount
    name = sentence[span.start : span.end]
    # The name itself says more than its sentence: "Project Falcon" is an initiative even
    # beside "accounts", and "Northwind Logistics" a client even with no client word near.
    if _codename_before(words.reading).search(name.split(" ")[0] + " "):
        return words.initiative
    if corporate_suffix(words.reading).search(name) or trade_of(name, words):
        return words.client
    return words.client if _client_context(words.reading).search(sentence) else words.initiative


def _described(stand_in: str, names: Sequence[str], words: RewriteWords) -> str:
    """'a major client' as 'a major logistics client' when every name says its trade."""
    core, aside = split_aside(stand_in)
    head, _, last = core.rpartition(" ")
    kinds, reading = {trade_of(name, words) for name in names}, words.reading
    kind = kinds.pop() if len(kinds) == 1 else ""
    article, _, middle = (
        head.partition(" ") if article_word(reading).fullmatch(head.split(" ")[0]) else ("", "", head)
    )
    if (
        not kind
        or last.lower() not in reading.kind_heads
        or not set(middle.lower().split()) <= reading.size_words
    ):
        return stand_in
    described = " ".join(word for word in (middle, kind, last) if word)
    return f"{article_for(described, reading) if article else ''}{described}{aside}"


def trade_of(name: str, words: RewriteWords) -> str:
    """What a name's own words say about the organisation: 'Northwind Logistics' is 'logistics'."""
    core = corporate_suffix(words.reading).sub("", " ".join(name.split()))
    if (of := _body(words.reading).match(core)) is not None:
        return dict(words.reading.bodies)[" ".join(of["head"].lower().split())]
    return next(
        (kind for trade, kind in words.trades if re.search(rf"(?:^|\s)(?:{trade})\.?$", core, re.I)), ""
    )


def name_edits(sentence: str, group: Sequence[Span], words: RewriteWords) -> list[Edit]:
    start, end = group[0].start, _name_end(sentence, group[-1], words)
    # A lone name is read whole, suffix and trade included: "Northwind Logistics" is a client.
    stand_in = stand_in_for(sentence, replace(group[0], end=end) if len(group) == 1 else group[0], words)
    if group[0].stand_in:
        names = [sentence[s.start : s.end] for s in group[:-1]] + [sentence[group[-1].start : end]]
        stand_in = _described(stand_in, names, words)
    after = _marker_after(words.reading).match(sentence, end) or ALIAS_AFTER().match(sentence, end)
    following = NEXT_WORD().match(sentence, after.end() if after else end)
    noun = following["word"] if following and is_noun(following["word"], words.reading) else ""
    edits = _aside_edits(sentence, start, end)
    if len(group) > 1:
        text = _names_phrase(len(group), stand_in, noun, words)
        if not noun and (examples := _examples_before(words.reading).search(sentence, 0, start)):
            stop = etc.end() if (etc := _etc_after(words.reading).match(sentence, end)) else end
            said = sentence[max(0, examples.start() - 30) : examples.start()].lower().split()
            # A word already describing the noun ('grocery stores', '34 companies') takes no sizes.
            described = noun_before(sentence, examples.start(), words.reading) is not None
            sizes = [
                w
                for w in without_article(split_aside(stand_in)[0], words.reading).split()[:-1]
                if w.lower() not in said and not described
            ]
            edits.append(Edit(examples.start(), stop, " ".join([*sizes, examples["noun"]])))
        if not noun and (label := _own_label(sentence, start, stand_in)) is not None:
            edits.append(Edit(label, end, capitalize(text)))
        the = _the_before(words.reading).search(sentence, 0, start) if not noun else None
        return [*edits, Edit(the.start() if the else start, end, text)]
    edits += _described_edits(sentence, start, end, words.reading)
    text = _before_noun(stand_in, noun, words) if noun else stand_in
    wide_start, wide_end = start, end
    opening = sentence[start - 1 : start]
    if opening in QUOTES and sentence[end : end + 1] == QUOTES[opening]:
        wide_start, wide_end = start - 1, end + 1
    if aside := _marker_after(words.reading).match(sentence, wide_end) or ALIAS_AFTER().match(
        sentence, wide_end
    ):
        wide_end = aside.end()
    if (named := _codenamed_before(words.reading).search(sentence, 0, wide_start)) and (
        comma := re.match(r"\s*,\s*", sentence[wide_end:])
    ):
        edits.append(Edit(named.start(), wide_end + comma.end(), ""))
    if (called := _called_before(words.reading).search(sentence, 0, wide_start)) and noun_before(
        sentence, called.start(), words.reading
    ):
        # "a system called MINT for tracking" is "a system for tracking" without its name.
        edits.append(Edit(called.start(), wide_end, ""))
    if codename := _codename_before(words.reading).search(sentence, 0, start):
        wide_start = codename.start()
        if name_words := _name_words_before(words.reading).search(sentence, 0, wide_start):
            wide_start = name_words.start("words")
    if not noun and (deal := _deal_before(words.reading).search(sentence, 0, wide_start)):
        edits.append(
            Edit(deal.start(), wide_end, article_for(deal["deal"], words.reading) + deal["deal"].lower())
        )
    if not noun and (label := _own_label(sentence, wide_start, stand_in)) is not None:
        edits.append(Edit(label, wide_end, as_field(text, words.reading)))
    if text != without_article(text, words.reading) and (
        det := determiner_before(words.reading).search(sentence, 0, wide_start)
    ):
        wide_start = det.start()
    return [*edits, Edit(wide_start, wide_end, text), Edit(start, end, text)]


@built
def _client_context(reading: RewriteReading) -> regex.Pattern[str]:
    """Words that make a name in the sentence a client's: 'accounts', 'customers'."""
    return compiled(rf"\b{alternation(reading.client_words)}\b", re.I)


@built
def _codename_before(reading: RewriteReading) -> regex.Pattern[str]:
    """Words that make the name after them a code name: 'Project', 'code-named'."""
    return compiled(rf"\b{alternation(reading.codename_words)}\s+[\"'“‘]?$", re.I)


@built
def _examples_before(reading: RewriteReading) -> regex.Pattern[str]:
    """Names given as examples: 'companies like A, B and C' says 'major companies', not how many."""
    return compiled(rf"\b(?P<noun>[A-Za-z-]+)\s+{alternation(reading.example_leads)}\s+$", re.I)


@built
def _etc_after(reading: RewriteReading) -> regex.Pattern[str]:
    """What says a list of examples goes on: ', etc.', 'and others'."""
    return compiled(rf",?\s*{alternation(reading.etc)}\b", re.I)


@built
def _deal_before(reading: RewriteReading) -> regex.Pattern[str]:
    """'the confidential acquisition of Pellmark' says no more than 'an acquisition' once the name goes."""
    marker, deal = secret_marker(reading), alternation(reading.deals)
    determiner, qualifier = alternation(reading.determiners), alternation(reading.deal_qualifiers)
    joiner, the = alternation(reading.deal_joiners), alternation(reading.definite_articles)
    return compiled(
        rf"\b(?:{determiner}\s+(?:{marker}\s+|{qualifier}\s+)*|(?:{marker}\s+)+)"
        rf"(?P<deal>{deal})\s+{joiner}\s+(?:{the}\s+)?$",
        re.I,
    )


@built
def _marker_after(reading: RewriteReading) -> regex.Pattern[str]:
    """A name's own aside saying it is secret: 'Project Falcon (confidential)'."""
    return compiled(rf"\s*\({alternation(reading.secret_asides)}\)", re.I)


@built
def _compound(reading: RewriteReading) -> regex.Pattern[str]:
    """Nouns a client's name can modify as it stands ('the Walmart account'); others take "'s"."""
    return compiled(rf"{alternation(reading.compound_nouns)}s?", re.I)


@built
def _name_words_before(reading: RewriteReading) -> regex.Pattern[str]:
    """Capitalised words between a determiner and a code name belong to the name: 'The BruCrew Project X'."""
    owner = alternation((*reading.definite_articles, *reading.possessives))
    return compiled(rf"\b(?i:{owner})\s+(?P<words>(?:[A-Z][\w&'’-]*\s+){{1,3}})$")


@built
def _body(reading: RewriteReading) -> regex.Pattern[str]:
    """A name that opens with what it is: 'City of Chicago', 'University of Kentucky'."""
    return compiled(rf"(?P<head>{alternation(word for word, _ in reading.bodies)})\b", re.I)


def _name_end(sentence: str, span: Span, words: RewriteWords) -> int:
    """Where a name ends, past a legal suffix or a trade word the finding left out: 'Northwind Logistics'."""
    if suffix := _suffix_after(words.reading).match(sentence, span.end):
        return int(suffix.end())
    name = sentence[span.start : span.end]
    following = NEXT_WORD().match(sentence, span.end)
    if (
        following is not None
        and following["word"][:1].isupper()
        and not trade_of(name, words)
        and trade_of(f"{name} {following['word']}", words)
    ):
        return int(following.end())
    return span.end


@built
def _suffix_after(reading: RewriteReading) -> regex.Pattern[str]:
    """A legal suffix set off after a name the finding left out: 'Contoso Health, Inc.' goes with the name.

    Its period goes too only where the sentence carries on; at the end it is also the full stop.
    """
    suffix = alternation(reading.corporate_suffixes)
    period = r"(?:\.(?=[ \t]*[,;:)]|[ \t]+[a-z]))?"
    return compiled(rf"(?:[ \t]*,[ \t]*(?=[A-Z&])(?i:{suffix}){period})+(?![\w&'’-])(?![ \t]+[A-Z])")


@built
def corporate_suffix(reading: RewriteReading) -> regex.Pattern[str]:
    """A company's legal suffix at the end of its name: 'Northwind, Inc.'."""
    return compiled(rf"(?:[\s,]+{alternation(reading.corporate_suffixes)}\.?)+$", re.I)


def _described_tool(reading: RewriteReading) -> str:
    """A tool described as the company's own: 'internal pricing engine'."""
    return rf"{alternation(reading.in_house)}\s+(?:[\w-]+\s+){{0,3}}?{alternation(reading.software_nouns)}"


@built
def _described_before(reading: RewriteReading) -> regex.Pattern[str]:
    """A description before a name: 'our internal engine ORCA' (the name goes, the description stays)."""
    gap = r"(?P<gap>[ \t]*(?:,[ \t]*)?(?:\([ \t]*)?[\"“']?)$"
    return compiled(rf"\b{_described_tool(reading)}{gap}", re.I)


@built
def _described_after(reading: RewriteReading) -> regex.Pattern[str]:
    """A description after a name: 'ORCA, our internal pricing engine'."""
    owner = rf"{alternation(reading.definite_articles)}\s+{alternation(reading.owner_nouns)}['’]?s"
    lead = rf"(?:{alternation((*reading.articles, *reading.possessives))}|{owner})"
    return compiled(rf"[\"”']?[ \t]*,[ \t]*(?P<description>{lead}\s+{_described_tool(reading)})", re.I)


@built
def name_gap(reading: RewriteReading) -> regex.Pattern[str]:
    """What joins names in a list: each may carry an aside ('A (PBM), B') or an article ('A, the B')."""
    joiner = alternation(reading.list_joiners)
    the = alternation(reading.definite_articles)
    separator = rf"(?:,\s*(?:(?:{joiner}|&)\s+)?|(?:{joiner}|&)\s+|/\s*)(?:{the}\s+)?"
    return compiled(rf"\s*(?:\([^()]{{1,40}}\)\s*(?:{separator})?|{separator})", re.I)


@built
def _the_before(reading: RewriteReading) -> regex.Pattern[str]:
    """The article before a list of names goes with them: "the A and B" reads "two key clients"."""
    return ends_with(reading.definite_articles)


@built
def _called_before(reading: RewriteReading) -> regex.Pattern[str]:
    """Words that give the name of the thing before them: 'a system called', 'a tool known as'."""
    return compiled(rf"\b{alternation(reading.naming_words)}\s+[\"'“‘]?$", re.I)


@built
def _codenamed_before(reading: RewriteReading) -> regex.Pattern[str]:
    """'Code-named Falcon, the product ships' says no more without the name than 'The product ships'."""
    return compiled(rf"(?:^|(?<=[\s(])){alternation(reading.codenamed)}\s+[\"'“‘]?$", re.I)


def _aside_edits(sentence: str, start: int, end: int) -> list[Edit]:
    """A name in brackets is an aside ('internal software (CIDAR)', 'a retailer (Walmart)'): drop it."""
    before = re.search(r"\s*\(\s*$", sentence[:start])
    after = re.match(r"\s*\)", sentence[end:])
    if not before or not after:
        return []
    outside = sentence[: before.start()] + sentence[end + after.end() :]
    return [Edit(before.start(), end + after.end(), "")] if any(c.isalnum() for c in outside) else []


def _described_edits(sentence: str, start: int, end: int, reading: RewriteReading) -> list[Edit]:
    """A name beside its own description goes: 'our internal engine ORCA', 'ORCA, our internal engine'."""
    if before := _described_before(reading).search(sentence, 0, start):
        gap = before["gap"]
        rest = sentence[end:]
        stop = end + len(rest) - len(rest.lstrip(" \t\"”')")) if gap.strip() else end
        return [Edit(before.start("gap"), stop, "")]
    if after := _described_after(reading).match(sentence, end):
        return [Edit(start, after.start("description"), "")]
    return []


def _own_label(sentence: str, start: int, stand_in: str) -> int | None:
    """Where a label naming what the stand-in names starts ('Clearance: ', 'Clients: '), if one leads."""
    chunk = bounds(sentence, start, start, CHUNK_BREAK())[0]
    text = sentence[chunk:start]
    head = split_aside(stand_in)[0].rpartition(" ")[2].lower()
    if not text.strip() or not GENERIC_LABEL().fullmatch(text):
        return None
    words = {word.lower().rstrip("s") for word in re.findall(r"[A-Za-z]+", text)}
    return chunk + len(text) - len(text.lstrip()) if head.rstrip("s") in words else None


def _before_noun(stand_in: str, noun: str, words: RewriteWords) -> str:
    """A stand-in where the name modified a noun: 'an internal' engine, 'a key client's' revenue."""
    reading = words.reading
    head, _, last = stand_in.rpartition(" ")
    heads = reading.generic_heads
    if last.lower() in heads and without_article(head, reading):
        phrase = head
        inner, _, word = head.rpartition(" ")
        if word.lower() in heads and noun.lower() in heads and without_article(inner, reading):
            phrase = inner
    elif not _compound(reading).fullmatch(noun):
        return words.writing.possessive.format(stand_in)
    else:
        phrase = stand_in
    return without_article(phrase, reading) if is_plural(noun) else phrase


def _names_phrase(count: int, stand_in: str, noun: str, words: RewriteWords) -> str:
    """Several names in a row: 'three major retail clients', 'two key client accounts'."""
    number = words.number_words.get(count, words.reading.several)
    bare, aside = split_aside(without_article(stand_in, words.reading))
    if not noun or aside:
        # An aside ends the phrase: "two security clearances (details on request)" owns nothing after it.
        return f"{number} {plural(bare)}{aside}"
    head, _, last = bare.rpartition(" ")
    if last.lower() in words.reading.generic_heads and head:
        return f"{number} {head}"
    if _compound(words.reading).fullmatch(noun):
        return f"{number} {bare}"
    return f"{number} {words.writing.plural_possessive.format(plural(bare))}"
