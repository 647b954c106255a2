"""Employers, titles and dates of the profile's positions that the resume gives differently."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from discreet.compare.units import DATES, MARKUP, is_header, normalise, unbracketed
from discreet.dates import DateRange, overlaps, same_date, same_range
from discreet.languages.en import ENGLISH
from discreet.model import Document, JobPart, Location, Section, Segment
from discreet.report import Mismatch

# A resume title this close to the profile's (token_sort_ratio) is the same role written differently.
TITLE_SIMILAR = 60.0
SAME_TITLE = 95.0
# A different employer name this close (ratio) is the same employer misspelt or renamed, when the title
# or the dates beside it agree with the profile's.
EMPLOYER_SIMILAR = 80.0
_TITLE_SEPARATOR = re.compile(r"\s*(?:[,|•·–—]|\s-\s|\s@\s|\sat\s)\s*")
_LEGAL_SUFFIXES = frozenset(
    {"inc", "llc", "ltd", "limited", "corp", "corporation", "co", "company", "gmbh", "plc", "pvt", "llp",
     "ag"}
)  # fmt: skip
_TITLE_WORDS = ENGLISH.title_words
_STOPWORDS = frozenset(ENGLISH.stopwords)
_LEVELS = frozenset(ENGLISH.levels)


@dataclass(frozen=True, slots=True)
class _Position:
    """One job as a profile or a structured resume lists it; missing fields are None."""

    company: Segment
    title: Segment | None
    start: Segment | None
    end: Segment | None


def mismatches(resume: Document, profile: Document) -> tuple[Mismatch, ...]:
    """Employers, titles and dates of the profile's positions that the resume gives differently."""
    structured = _positions(resume)
    found: list[Mismatch] = []
    for position in _positions(profile):
        if structured:
            found += _structured_mismatches(position, structured)
        else:
            found += _text_mismatches(position, resume)
    return tuple(found)


def _positions(document: Document) -> list[_Position]:
    """Jobs the document lists field by field: a profile's positions, a JSON Resume's work entries."""
    groups: dict[tuple[str, int], dict[JobPart, Segment]] = {}
    for segment in document.segments:
        job = segment.location.job_field()
        if job is None:
            continue
        fields = _date_fields(segment) if job.part is JobPart.DATES else {job.part: segment}
        for entry in (job.entry, *job.also):
            group = groups.setdefault(entry, {})
            for part, value in fields.items():
                group.setdefault(part, value)
    return [
        _Position(g[JobPart.COMPANY], g.get(JobPart.TITLE), g.get(JobPart.START), g.get(JobPart.END))
        for g in groups.values()
        if JobPart.COMPANY in g
    ]


def _date_fields(segment: Segment) -> dict[JobPart, Segment]:
    """A line holding a job's start and end, as the two fields a profile export gives apart."""
    found = DATES.range.search(segment.text)
    if found is None:
        return {}
    return {
        part: replace(segment, text=found[group], start=segment.start + found.start(group))
        for part, group in ((JobPart.START, "start"), (JobPart.END, "end"))
    }


def _structured_mismatches(position: _Position, resume: Sequence[_Position]) -> list[Mismatch]:
    """Compare with the resume's jobs at the same employer, or report a near-identical employer name."""
    company = _company_key(position.company.text)
    same = [p for p in resume if company and _company_key(p.company.text) == company]
    if not same:
        similar = [
            p
            for p in resume
            if company
            and fuzz.ratio(_company_key(p.company.text), company) >= EMPLOYER_SIMILAR
            and (_titles_match(p.title, position.title) or _starts_agree(p.start, position.start))
        ]
        return [_mismatch("employer", similar[0].company, position.company)] if similar else []
    wanted = _profile_range(position)
    # Another stint at the same employer (dates that never overlap) is not this position.
    overlapping = [p for p in same if wanted is None or overlaps(_profile_range(p), wanted)]
    found = []
    if position.title and not any(_titles_agree(p.title, position.title) for p in overlapping):
        titled = [p.title for p in overlapping if p.title]
        if titled:
            found.append(_mismatch("title", titled[0], position.title))
    ranges = [(p, r) for p in overlapping if (r := _profile_range(p))]
    if wanted and ranges and not any(same_range(r, wanted) for _, r in ranges):
        found.append(_range_mismatch(ranges[0][0], wanted, position))
    return found


def _mismatch(field: str, resume: Segment, profile: Segment) -> Mismatch:
    return Mismatch(field, resume.text, profile.text, resume.location, profile.location)


def _range_mismatch(resume: _Position, wanted: DateRange, position: _Position) -> Mismatch:
    value = _range_text(resume.start, resume.end)
    where = resume.start or resume.end
    return Mismatch(
        "dates",
        value,
        _range_text(position.start, position.end),
        where.location if where else None,
        _range_location(position, wanted, _profile_range(resume)),
    )


def _text_mismatches(position: _Position, document: Document) -> list[Mismatch]:
    headers = _header_lines(document)
    company = _company_key(position.company.text)
    hits = [i for i in headers if company and f" {company} " in f" {normalise(document.segments[i].text)} "]
    if not hits:
        return _text_employer_mismatch(position, document, headers, company)
    blocks = [_block(hit, headers) for hit in hits]
    return _text_title_mismatch(position, document, blocks, company) + _text_date_mismatch(
        position, document, blocks
    )


def _header_lines(document: Document) -> list[int]:
    """Short lines that are neither bullets nor sentences: where a resume names employers, titles, dates."""
    visible = [
        i for i, s in enumerate(document.segments) if not s.hidden and s.section is not Section.REFERENCES
    ]
    experience = [i for i in visible if document.segments[i].section is Section.EXPERIENCE] or visible
    return [i for i in experience if is_header(document.segments[i].text)]


def _block(hit: int, headers: Sequence[int]) -> list[int]:
    """The header lines next to a company line, up to two each side, nearest first (below before above)."""
    present = set(headers)
    block = [hit]
    for step in (1, -1):
        for distance in (1, 2):
            if hit + step * distance not in present:
                break
            block.append(hit + step * distance)
    return sorted(block, key=lambda k: (abs(k - hit), k < hit))


def _text_title_mismatch(
    position: _Position, document: Document, blocks: Sequence[Sequence[int]], company: str
) -> list[Mismatch]:
    """The resume's title beside the company when it shares words with, but is not, the profile's title."""
    if position.title is None:
        return []
    wanted = _title_key(position.title.text)
    candidates: list[tuple[float, int, int, int, str]] = []
    for block in blocks:
        for rank, index in enumerate(block):
            for offset, piece in _pieces(document.segments[index].text):
                title = _title_key(piece, company)
                if not title or len(title.split()) > 8:
                    continue
                if _same_title(title, wanted):
                    return []
                if _shared_words(title, wanted):
                    candidates.append((fuzz.token_sort_ratio(title, wanted), -rank, index, offset, piece))
    close = [c for c in candidates if c[0] >= TITLE_SIMILAR]
    if not close:
        return []
    _, _, index, offset, piece = max(close, key=lambda c: (c[0], c[1]))
    where = document.segments[index].location_at(offset)
    return [Mismatch("title", piece, position.title.text, where, position.title.location)]


def _text_date_mismatch(
    position: _Position, document: Document, blocks: Sequence[Sequence[int]]
) -> list[Mismatch]:
    """The nearest date range beside the company when no range there agrees with the profile."""
    wanted = _profile_range(position)
    if wanted is None:
        return []
    # Ranges that never overlap the profile's belong to another stint, or to another person's job.
    ranges = [
        (index, found)
        for block in blocks
        for index in block
        for found in DATES.ranges(document.segments[index].text)
        if overlaps(found[2], wanted)
    ]
    if not ranges or any(same_range(parsed, wanted) for _, (_, _, parsed) in ranges):
        return []
    index, (offset, text, parsed) = ranges[0]
    return [
        Mismatch(
            "dates",
            text,
            _range_text(position.start, position.end),
            document.segments[index].location_at(offset),
            _range_location(position, wanted, parsed),
        )
    ]


def _text_employer_mismatch(
    position: _Position, document: Document, headers: Sequence[int], company: str
) -> list[Mismatch]:
    """A similar employer name whose title or dates beside it agree with the profile's position."""
    wanted = _profile_range(position)
    title = _title_key(position.title.text) if position.title else ""
    for index in headers:
        segment = document.segments[index]
        for offset, piece in _pieces(segment.text):
            if fuzz.ratio(_company_key(piece), company) < EMPLOYER_SIMILAR or not company:
                continue
            near = [document.segments[k].text for k in _block(index, headers)]
            titled = bool(title) and any(
                _same_title(_title_key(p), title) for t in near for _, p in _pieces(t)
            )
            dated = wanted is not None and any(
                same_range(r, wanted) for t in near for _, _, r in DATES.ranges(t)
            )
            if titled or dated:
                where = segment.location_at(offset)
                return [Mismatch("employer", piece, position.company.text, where, position.company.location)]
    return []


def _pieces(text: str) -> list[tuple[int, str]]:
    """The parts of a header line between commas, bars, dashes, "at" and dates, with their offsets."""
    cleaned = MARKUP.sub(lambda m: " " * len(m.group()), text)
    cleaned = DATES.blank(cleaned, lambda m: "|" * len(m.group()))
    pieces = []
    start = 0
    for separator in [*_TITLE_SEPARATOR.finditer(cleaned), None]:
        end = separator.start() if separator else len(cleaned)
        piece = cleaned[start:end]
        if piece.strip():
            pieces.append((start + len(piece) - len(piece.lstrip()), piece.strip()))
        start = separator.end() if separator else end
    return pieces


def _shared_words(a: str, b: str) -> bool:
    return bool((set(a.split()) & set(b.split())) - _STOPWORDS)


def _company_key(name: str) -> str:
    words = normalise(name).split()
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def _title_key(text: str, company: str = "") -> str:
    key = f" {normalise(unbracketed(text))} "
    if company:
        key = key.replace(f" {company} ", " ")
    return " ".join(_TITLE_WORDS.get(word, word) for word in key.split())


def _same_title(a: str, b: str) -> bool:
    if a == b or fuzz.ratio(a, b) >= SAME_TITLE:
        return True
    return [w for w in a.split() if w not in _LEVELS] == [w for w in b.split() if w not in _LEVELS]


def _titles_agree(a: Segment | None, b: Segment | None) -> bool:
    return a is None or b is None or _titles_match(a, b)


def _titles_match(a: Segment | None, b: Segment | None) -> bool:
    return a is not None and b is not None and _same_title(_title_key(a.text), _title_key(b.text))


def _starts_agree(a: Segment | None, b: Segment | None) -> bool:
    first, second = (DATES.parse_date(a.text) if a else None), (DATES.parse_date(b.text) if b else None)
    return first is not None and second is not None and same_date(first, second)


def _profile_range(position: _Position) -> DateRange | None:
    start = DATES.parse_date(position.start.text) if position.start else None
    if start is None:
        return None
    # NOTE: LinkedIn and JSON Resume leave the end empty for a job that is still going on.
    return start, DATES.parse_date(position.end.text) if position.end else None


def _range_text(start: Segment | None, end: Segment | None) -> str:
    return f"{start.text if start else '?'} – {end.text if end else 'Present'}"


def _range_location(position: _Position, wanted: DateRange, other: DateRange | None) -> Location:
    """The profile cell that differs: the start when the starts differ, else the end when there is one."""
    starts_differ = other is None or not same_date(other[0], wanted[0])
    cell = position.start if starts_differ or position.end is None else position.end
    return (cell or position.company).location
