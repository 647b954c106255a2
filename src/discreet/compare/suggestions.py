"""Public-safe resume content the profile lacks: skills, named entries, unquantified experience lines."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from discreet.compare.matching import CONTAINED, MIN_FUZZY, Match
from discreet.compare.units import (
    BULLET,
    DATES,
    MARKUP,
    Unit,
    clean,
    findings_by_segment,
    is_content,
    is_heading,
    normalise,
    unbracketed,
    unit_verdicts,
)
from discreet.model import Document, Section, Segment, Verdict
from discreet.report import DocumentReport, LocatedFinding, Suggestion

# Looser than NEAR_VERBATIM: before suggesting a line, even a lightly reworded copy counts as present.
PRESENT = 70.0
_NAMED_SECTIONS = frozenset({Section.CERTIFICATIONS, Section.PROJECTS, Section.AWARDS, Section.PUBLICATIONS})
_QUANTITY = re.compile(
    r"[%$€£¥₹]|\d(?:[.,]?\d)*\s?(?:k|m|mm|bn|b|x|thousand|million|billion|percent)\b", re.IGNORECASE
)
_LABEL = re.compile(r"([^:,;|()]{1,40}):\s*")
_NAME_END = re.compile(r"\s+[-–—|]\s+|,\s|\s\(|:\s")


def suggestions(
    resume: DocumentReport,
    profile: DocumentReport,
    units: Sequence[Unit],
    profile_units: Sequence[Unit],
    matches: Sequence[Match],
) -> tuple[Suggestion, ...]:
    """Public-safe resume content with no counterpart on the profile, in resume order."""
    findings = findings_by_segment(resume)
    verdicts = unit_verdicts(resume, units)
    reproduced = {m.resume for m in matches}
    listed = _visible(profile.document, Section.SKILLS)
    skills = _phrases(normalise(unbracketed(item)) for s in listed for _, item in _items(s.text))
    phrases, sorted_keys = _phrases(u.key for u in profile_units), [u.sorted_key for u in profile_units]
    document = resume.document
    found: list[Suggestion] = []
    for index, unit in enumerate(units):
        if verdicts[index] is not Verdict.COMPLEMENT or is_heading(unit) or _is_detail(document, unit):
            continue
        flagged = [f for i in unit.segments for f in findings.get(i, [])]
        segment = document.segments[unit.segments[0]]
        if unit.section is Section.SKILLS:
            if not _is_label_cell(document, unit):
                found += _skill_suggestions(segment, unit, flagged, skills)
        elif not flagged and index not in reproduced and _missing(unit, document, phrases, sorted_keys):
            found.append(Suggestion(unit.section, clean(unit.text), segment.location))
    return tuple(found)


def _missing(unit: Unit, document: Document, phrases: _Phrases, sorted_keys: Sequence[str]) -> bool:
    """A named entry or a qualitative experience line that no profile unit resembles."""
    if _present(unit.sorted_key, sorted_keys):
        return False
    if unit.section in _NAMED_SECTIONS:
        return not _dates_only(unit.text) and not _item_present(normalise(_name(unit.text)), phrases)
    quantified = _QUANTITY.search(unit.text)
    return unit.section is Section.EXPERIENCE and is_content(unit, document) and not quantified


def _skill_suggestions(
    segment: Segment, unit: Unit, flagged: Sequence[LocatedFinding], skills: _Phrases
) -> list[Suggestion]:
    """Each listed skill of a skills line that the profile's skills lack."""
    found = []
    for offset, item in _items(unit.text):
        start = segment.start + offset
        if any(f.finding.start < start + len(item) and start < f.finding.end for f in flagged):
            continue
        core = normalise(unbracketed(item))
        if core and len(core.split()) <= 6 and not _dates_only(item) and not _item_present(core, skills):
            location = segment.location_at(offset) if len(unit.segments) == 1 else segment.location
            found.append(Suggestion(Section.SKILLS, item, location))
    return found


def _items(text: str) -> list[tuple[int, str]]:
    """The listed items of a line and their offsets: split at commas, semicolons and bars outside brackets."""
    cleaned = MARKUP.sub(lambda m: " " * len(m.group()), text)
    bullet = BULLET.match(cleaned)
    begin = bullet.end() if bullet else 0
    label = _LABEL.match(cleaned, begin)
    if label and len(label.group(1).split()) <= 3 and cleaned[label.end() :].strip():
        begin = label.end()
    items: list[tuple[int, str]] = []
    depth, start = 0, begin
    for position, char in enumerate([*cleaned[begin:], ","], start=begin):
        depth += (char in "([") - (char in ")]")
        if depth <= 0 and char in ",;|•·":
            piece = cleaned[start:position]
            stripped = piece.strip().rstrip(".")
            if stripped:
                items.append((start + len(piece) - len(piece.lstrip()), stripped))
            depth, start = 0, position + 1
    return items


def _name(text: str) -> str:
    """The name an entry starts with, before its issuer, date or description."""
    cleaned = clean(text)
    return _NAME_END.split(cleaned, maxsplit=1)[0]


@dataclass(frozen=True, slots=True)
class _Phrases:
    """Normalised profile texts, laid out to ask quickly whether an item appears among them."""

    keys: tuple[str, ...]
    whole: frozenset[str]
    haystack: str


def _phrases(keys: Iterable[str]) -> _Phrases:
    kept = tuple(key for key in keys if key)
    return _Phrases(kept, frozenset(kept), "\n".join(f" {key} " for key in kept))


def _item_present(item: str, phrases: _Phrases) -> bool:
    """An item lies in a text, nearly equals one, or mostly consists of one, word for word."""
    if not item or f" {item} " in phrases.haystack:
        return True
    if len(item) >= 4 and process.extractOne(item, phrases.keys, scorer=fuzz.ratio, score_cutoff=CONTAINED):
        return True
    words = item.split()
    return any(
        " ".join(words[start : start + size]) in phrases.whole
        for size in range((len(words) + 1) // 2, len(words) + 1)
        for start in range(len(words) - size + 1)
    )


def _present(sorted_key: str, candidates: Sequence[str]) -> bool:
    """Whether a profile unit resembles a resume unit, both given as sorted keys."""
    if len(sorted_key) < MIN_FUZZY:
        return sorted_key in candidates
    best = process.extractOne(sorted_key, candidates, scorer=fuzz.ratio, score_cutoff=PRESENT)
    return best is not None


def _is_label_cell(document: Document, unit: Unit) -> bool:
    """A Word table cell that only names the row, like "Tools" beside the list of tools."""
    index = unit.segments[-1]
    if index + 1 >= len(document.segments):
        return False
    following = document.segments[index + 1].location
    return document.segments[index].location.labels_row_of(following) and len(_items(unit.text)) == 1


def _is_detail(document: Document, unit: Unit) -> bool:
    """An empty unit, or a structured field that qualifies an entry (its issuer, date, level)."""
    return not unit.key or document.segments[unit.segments[0]].location.is_detail()


def _visible(document: Document, section: Section) -> list[Segment]:
    return [s for s in document.segments if s.section is section and not s.hidden]


def _dates_only(text: str) -> bool:
    return not DATES.date.sub(" ", text).strip(" -–—,.|()")
