"""Candidate rewrites that remove a value together with the label or words that only served it."""

from __future__ import annotations

import re
from collections.abc import Sequence

import regex

from discreet.language import RewriteReading, RewriteWords
from discreet.model import Category
from discreet.rewrite.figures import period_after
from discreet.rewrite.grammar import (
    CHUNK_BREAK,
    CLAUSE_BREAK,
    GENERIC_LABEL,
    after_comma,
    article_start,
    as_field,
    bounds,
    is_noun_after,
    mid_sentence,
)
from discreet.rewrite.patterns import alternation, built, compiled, ends_with, lazy
from discreet.rewrite.spans import Edit, Span

PLACE = lazy(r"[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]*){0,2}")
POSTCODE = lazy(r"[\s,]*(?:\d{5}(?:-\d{4})?|\d{3}\s?\d{3}|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\s*$")
CLAUSE_END = lazy(r"\s*(?:[|;•·▪,]|[.!?]|\s[—–]\s|$)")
# A short aside in brackets straight after a value: "(Canada)".
ASIDE_AFTER = lazy(r"[ \t]*\((?P<inside>[^()\n]{1,40})\)")
# A labelled field runs to the next separator, the next label or a comma that starts something new.
FIELD_REST = lazy(
    r"[^|;•·▪\n]*?(?=\s*(?:[|;•·▪\n]|,(?!\d)(?!\s*[a-z])|[.!?](?:\s|$)|\s[—–]\s|$)"
    r"|(?P<label>\s+[*•]?(?:[A-Za-z(][\w.'’()/&-]*\s+){0,2}[A-Za-z(][\w.'’()/&-]*\s*:))"
)
# More than this many words after a value is the next item of run-together text, not the field's rest.
FIELD_REST_WORDS = 4


@built
def _placeholder(reading: RewriteReading) -> regex.Pattern[str]:
    """A place a stand-in names from the flagged text: {city} of an address, {country} of a nationality."""
    return compiled(rf"(?:\s+{alternation(reading.place_leads)})?\s*\{{(?P<name>city|country)\}}")


@built
def _street_part(reading: RewriteReading) -> regex.Pattern[str]:
    """The parts of an address below the town: numbers, units and street names."""
    return compiled(rf"\d|\b{alternation((*reading.street_words, '#'))}\b\.?", re.I)


@built
def _value_tail(reading: RewriteReading) -> regex.Pattern[str]:
    """What only qualifies a value and goes with it: a rate's unit, an age's years, an expectation's floor."""
    rate = rf"\s*(?:/\s*|{alternation(reading.period_leads)}\s+){alternation(reading.rate_units)}\b"
    return compiled(
        rf"{rate}|\s*{alternation(reading.rate_words)}\b|\s*{alternation(reading.age_words)}\b"
        rf"|\s+{alternation(reading.floor_tails)}\b",
        re.I,
    )


@built
def _value_lead(reading: RewriteReading) -> regex.Pattern[str]:
    """Words that introduce a personal value or a pay figure and say nothing once it is gone."""
    return ends_with(reading.value_leads)


@built
def _known_label(reading: RewriteReading) -> regex.Pattern[str]:
    """A label we know at the end of the text: 'Phone: ', 'Father's Name ', 'Age & Date of Birth: '."""
    label = (
        rf"(?:{alternation(reading.label_modifiers)}\s+)*{alternation(reading.labels)}"
        rf"(?:\s*(?:\#|{alternation(reading.label_suffixes)}))?\.?"
    )
    # Labels run together in one field: "Age & Date of Birth: 29, 03-04-1985", "Bank: IBAN".
    labels = rf"{label}(?:\s*(?:&|/|:|{alternation(reading.label_joiners)})\s*{label})*"
    return compiled(rf"(?:^|(?<=[\s(|;,•·*])){labels}[\s:#–—-]*$", re.I)


@built
def drop_gap(reading: RewriteReading) -> regex.Pattern[str]:
    """What stands between two values that go together: a comma, a dash, 'and'."""
    joiner = alternation(reading.list_joiners)
    return compiled(rf"\s*(?:,\s*(?:(?:{joiner}|&)\s+)?|[-–]\s*|(?:{joiner}|&|/)\s*)", re.I)


@built
def referee_gap(reading: RewriteReading) -> regex.Pattern[str]:
    """A referee's name and number sit together, no words between but 'at': 'Jane Roe (555) 010-0000'."""
    return compiled(rf"(?:[\s,;:()–-]|\b{alternation(reading.contact_ways)}\b)*", re.I)


@built
def _referee_before(reading: RewriteReading) -> regex.Pattern[str]:
    """Who a referee is to the writer, as a label or a request: 'Supervisor: ', 'Contact my manager '."""
    labels, requests = alternation(reading.referee_labels), alternation(reading.referee_requests)
    return compiled(rf"(?:\b{labels}\s*[:–-]\s*|\b{requests}\s+)$", re.I)


@built
def _referee_after(reading: RewriteReading) -> regex.Pattern[str]:
    """What follows a referee's number: leave to call, or why to call."""
    leave, reasons = alternation(reading.leave_to_call), alternation(reading.call_reasons)
    return compiled(rf"[\s)]*(?:[;,.]?\s*(?:{leave}\b[^.;|•]*(?:\.|$)|{reasons}\b))?", re.I)


@built
def _prep_before(reading: RewriteReading) -> regex.Pattern[str]:
    """A preposition that only led to a value, with its article or owner: 'at', 'via', 'as a', 'on my'."""
    preposition = alternation(reading.prepositions)
    article = alternation((*reading.articles, *reading.possessives))
    return compiled(rf"\b{preposition}\s+(?:{article}\s+)?$", re.I)


@built
def _kin(reading: RewriteReading) -> regex.Pattern[str]:
    """A noun that makes a value family: 'two sons', 'my wife'."""
    return compiled(rf"\b{alternation(reading.kin_nouns)}\b", re.I)


@built
def _owner_before(reading: RewriteReading) -> regex.Pattern[str]:
    """A possessive the value belongs to: 'my' of 'raise my two sons'."""
    return ends_with(reading.possessives)


@built
def _contact_before(reading: RewriteReading) -> regex.Pattern[str]:
    """A request to get in touch, which means nothing once the number or address it points to is gone."""
    verb, whom, way = (
        alternation(w) for w in (reading.contact_verbs, reading.contact_objects, reading.contact_ways)
    )
    return compiled(rf"\b{verb}(?:\s+{whom})?(?:\s+{way})?\s+$", re.I)


@built
def _source_after(reading: RewriteReading) -> regex.Pattern[str]:
    """A second preposition after a value: 'based on disability from service'."""
    return compiled(rf"\s+{alternation(reading.source_leads)}\s+", re.I)


@built
def _kind_after(reading: RewriteReading) -> regex.Pattern[str]:
    """The kind of a number in brackets after it: '(mobile)'."""
    return compiled(rf"\s*\({alternation(reading.phone_kinds)}\)", re.I)


@built
def _kin_before(reading: RewriteReading) -> regex.Pattern[str]:
    """Kinship that introduces family details and goes with them: 'father of two children'."""
    return ends_with(reading.kin_phrases)


@built
def _filler(reading: RewriteReading) -> regex.Pattern[str]:
    """Words that leave a clause saying nothing once its value is gone: 'Well, I am ... years old'."""
    return compiled(alternation(reading.filler_words), re.I)


@built
def _when(reading: RewriteReading) -> regex.Pattern[str]:
    """When something happened, which says nothing once what happened is gone: 'in April of 2019'."""
    month = rf"{alternation(reading.month_stems)}[a-z]*\.?"
    year = rf"(?:\s+(?:{alternation(reading.month_year_joiners)}\s+)?\d{{4}})?"
    part = rf"(?:{alternation(reading.month_parts)}\s+)?"
    return compiled(rf"\b{alternation(reading.time_leads)}\s+{part}(?:{month}{year}|\d{{4}})", re.I)


def drop_edits(sentence: str, group: Sequence[Span], words: RewriteWords) -> list[Edit]:
    """Candidate removals of a value, widest first: its label, its clause, the words that led to it."""
    start, end = group[0].start, group[-1].end
    stand_in = filled_stand_in(group[0].stand_in, sentence, start, end, words)
    stop, reading = _value_end(sentence, end, words), words.reading
    if stand_in and (echo := ASIDE_AFTER().match(sentence, stop)) and _says_no_more(echo["inside"], stand_in):
        # "Work permit holder (Canada)" is "Authorized to work in Canada": the aside said only that.
        stop = echo.end()
    edits = _referee_edits(sentence, group, stop, reading) if group[0].category is Category.REFERENCES else []
    if aside := bracketed(sentence, start, stop, 3):
        edits.append(Edit(*aside, stand_in))
    label = _label_start(sentence, start, reading)
    if label is not None:
        rest = FIELD_REST().match(sentence, stop)
        if rest and len(rest.group().split()) <= (0 if rest["label"] else FIELD_REST_WORDS):
            edits.append(Edit(label, rest.end(), _fitted(sentence, label, rest.end(), stand_in, reading)))
        edits.append(Edit(label, stop, _fitted(sentence, label, stop, stand_in, reading)))
    elif not stand_in and not edits and (bare := _bare_clause(sentence, start, stop, reading)):
        edits.append(Edit(*bare, ""))
    if not stand_in and (kin := _kin_before(reading).search(sentence, 0, start)):
        edits.append(Edit(kin.start(), stop, ""))
    # A statement ('Authorized to work in the US') may stand for its whole chunk; a thing or a place
    # ('a valid passport', '{city}') only for the value.
    if (
        stand_in
        and not article_start(reading).match(stand_in)
        and not _placeholder(reading).fullmatch(group[0].stand_in)
    ):
        left, right = bounds(sentence, start, end, CHUNK_BREAK())
        if len((sentence[left:start] + sentence[end:right]).split()) <= 3:
            text = mid_sentence(stand_in) if after_comma(sentence, left) else stand_in
            edits.append(Edit(left, right, text))
    if (
        not stand_in
        and _kin(reading).search(sentence, start, end)
        and _owner_before(reading).search(sentence, 0, start)
    ):
        # "to raise my two sons and achieve" keeps its verb's object: "to raise my family and achieve".
        edits.insert(0, Edit(start, stop, words.writing.family))
    if not stand_in:
        contact = (
            _contact_before(reading).search(sentence, 0, start)
            if CLAUSE_END().match(sentence, stop)
            else None
        )
        lead = contact or _prep_before(reading).search(sentence, 0, start)
        if lead and not contact and len(lead.group().split()) > 1 and is_noun_after(sentence, stop, reading):
            # "with an 18% raise": the article is the noun's, which stays.
            lead = None
        # "based on disability from service" reads "based on service": the second preposition goes.
        if lead and not contact and (source := _source_after(reading).match(sentence, stop)):
            edits.append(Edit(start, source.end(), ""))
        if lead:
            edits.append(Edit(lead.start(), stop, ""))
    return [*edits, Edit(start, stop, stand_in), Edit(start, end, stand_in)]


def _says_no_more(aside: str, stand_in: str) -> bool:
    """Whether every word of an aside is in the stand-in that replaces its value."""
    said = set(re.findall(r"[^\W_]+", stand_in.lower()))
    return set(re.findall(r"[^\W_]+", aside.lower())) <= said


def _value_end(sentence: str, end: int, words: RewriteWords) -> int:
    """Where a value ends with what only qualifies it: '(mobile)' after a number, 'per annum' after pay."""
    after = (
        _kind_after(words.reading).match(sentence, end)
        or period_after(words.reading).match(sentence, end)
        or _value_tail(words.reading).match(sentence, end)
    )
    return after.end() if after else end


def _bare_clause(sentence: str, start: int, stop: int, reading: RewriteReading) -> tuple[int, int] | None:
    """The clause around a value if nothing in it says more than the value: 'Looking for 12 LPA or more'."""
    lead = _value_lead(reading).search(sentence, 0, start)
    first = lead.start() if lead else start
    left, right = bounds(sentence, first, stop, CLAUSE_BREAK())
    rest = _when(reading).sub(" ", sentence[left:first] + " " + sentence[stop:right])
    said = [w for w in re.findall(r"[^\W_][\w'’-]*", rest) if not _filler(reading).fullmatch(w)]
    return None if said else (left, right)


def _fitted(sentence: str, start: int, end: int, stand_in: str, reading: RewriteReading) -> str:
    """A stand-in for a whole field reads as a field ('Valid passport'); within a sentence, as written."""
    left, right = bounds(sentence, start, end, CHUNK_BREAK())
    return as_field(stand_in, reading) if stand_in and (left, right) == (start, end) else stand_in


def bracketed(sentence: str, start: int, end: int, words: int) -> tuple[int, int] | None:
    """The brackets around a value with at most this many other words inside: '(avg comm. $3,800)'."""
    opening = sentence.rfind("(", 0, start)
    closing = sentence.find(")", end)
    if opening < 0 or closing < 0 or ")" in sentence[opening:start] or "(" in sentence[end:closing]:
        return None
    inside = sentence[opening + 1 : start] + " " + sentence[end:closing]
    outside = sentence[:opening] + sentence[closing + 1 :]
    if len(inside.split()) > words or not any(c.isalnum() for c in outside):
        return None
    while opening > 0 and sentence[opening - 1] in " \t":
        opening -= 1
    return opening, closing + 1


def _referee_edits(sentence: str, group: Sequence[Span], stop: int, reading: RewriteReading) -> list[Edit]:
    """A referee goes with the label or request that introduced them and the leave to call them."""
    if group[0].line:
        return [Edit(0, len(sentence), "")]
    start = group[0].start
    lead = _referee_before(reading).search(sentence, 0, start)
    first = lead.start() if lead else start
    last = after.end() if (after := _referee_after(reading).match(sentence, stop)) else stop
    left, right = bounds(sentence, first, last, CLAUSE_BREAK())
    left, right = min(left, first), max(right, last)
    rest = sentence[left:first] + " " + sentence[last:right]
    said = [w for w in re.findall(r"\b[a-z][a-z'’-]+\b", rest) if w not in reading.referee_filler]
    edits = [] if said else [Edit(left, right, "")]
    return [*edits, Edit(first, last, "")]


def filled_stand_in(stand_in: str, sentence: str, start: int, end: int, words: RewriteWords) -> str:
    """The stand-in with its {city} or {country} taken from the flagged text; without them, nothing."""

    values: list[str] = []
    text = sentence[start:end]
    left, right = bounds(sentence, start, end, CHUNK_BREAK())

    def fill(match: regex.Match[str]) -> str:
        if match["name"] == "city":
            value = _city(text, words.reading)
        else:
            # Beyond the value's own chunk a country names something else: "Riyadh, Saudi Arabia Visa".
            value = _country(text, sentence[left:right], words)
        values.append(value)
        return str(match.group()).replace("{" + match["name"] + "}", value)

    filled = _placeholder(words.reading).sub(fill, stand_in).strip()
    return filled if all(values) else ""


def _country(text: str, chunk: str, words: RewriteWords) -> str:
    for where in (text, chunk):
        for named, country in words.countries:
            if re.search(rf"\b(?:{named})(?![\w-])", where, re.I):
                return country
    return ""


def _city(address: str, reading: RewriteReading) -> str:
    """The town and region of an address, from its end: 'Evanston, IL' of '4127 Quillfeather Lane, ...'."""
    places: list[str] = []
    for part in reversed([p.strip() for p in address.split(",")]):
        part = POSTCODE().sub("", part).strip(" .")
        if not part:
            continue
        street = list(_street_part(reading).finditer(part))
        place = part[street[-1].end() :].strip(" .,#-") if street else part
        if PLACE().fullmatch(place):
            places.insert(0, place)
        if street or not PLACE().fullmatch(place) or len(places) == 2:
            break
    return ", ".join(places)


def _label_start(sentence: str, start: int, reading: RewriteReading) -> int | None:
    """Where the label of a value starts ('Phone: ', 'Mobile ', 'Date of Birth: '), if it has one."""
    chunk = bounds(sentence, start, start, CHUNK_BREAK())[0]
    text = sentence[chunk:start]
    known = _known_label(reading).search(sentence, 0, start)
    # Four words before a colon in run-together text are more likely the end of the last field and a
    # label than one long label; a label we know is the better guess.
    if text.strip() and GENERIC_LABEL().fullmatch(text) and not (known and len(text.split()) > 4):
        return chunk + len(text) - len(text.lstrip())
    return known.start() if known else None
