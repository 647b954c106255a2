"""Compare a resume with the public profile: what the profile exposes, copies, lacks and contradicts.

Both documents are cut into units (a line; a bullet with the lines it wraps onto; a profile cell, which
LinkedIn descriptions fill with several lines) and compared by a key: case folded, bullets, Markdown and
punctuation dropped, ``&`` read as ``and``. A resume unit is reproduced by a profile unit when the keys
are equal; when both have MIN_FUZZY characters or more and RapidFuzz's token_sort_ratio reaches
NEAR_VERBATIM (reordered clauses, small edits), the resume unit alone or joined with the next one; or
when the resume unit has MIN_CONTAINED characters or more and a longer profile unit holds it with a
partial_ratio of CONTAINED or more. A profile unit held that way by a longer resume unit reproduces
that unit in part, by its own length.

Exposures are the profile's replacement and never findings, then resume findings of that kind whose
value survives in a profile copy of their line. Suggestions are public-safe skills, certificates,
awards, projects, publications and unquantified experience lines that nothing on the profile
resembles. Mismatches compare each profile position with the header lines (short, neither bullets
nor sentences) around the resume line naming the same employer, and claim only clear differences.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from discreet.dates import DateRange, date_reader, overlaps, same_date, same_range
from discreet.languages.en import ENGLISH
from discreet.model import (
    Document,
    ExportLocation,
    JsonLocation,
    Location,
    Section,
    Segment,
    Verdict,
)
from discreet.report import Comparison, DocumentReport, Exposure, LocatedFinding, Mismatch, Suggestion
from discreet.sections import heading_section

NEAR_VERBATIM = 85.0
CONTAINED = 90.0
MIN_FUZZY = 24
MIN_CONTAINED = 30
# Looser than NEAR_VERBATIM: before suggesting a line, even a lightly reworded copy counts as present.
PRESENT = 70.0
# A resume title this close to the profile's (token_sort_ratio) is the same role written differently.
TITLE_SIMILAR = 60.0
SAME_TITLE = 95.0
# A different employer name this close (ratio) is the same employer misspelt or renamed, when the title
# or the dates beside it agree with the profile's.
EMPLOYER_SIMILAR = 80.0

_CONTENT_SECTIONS = frozenset({Section.EXPERIENCE, Section.SUMMARY})
_NAMED_SECTIONS = frozenset({Section.CERTIFICATIONS, Section.PROJECTS, Section.AWARDS, Section.PUBLICATIONS})
_DETAIL_FIELDS = frozenset(
    {"issuer", "awarder", "publisher", "fluency", "level", "date", "startdate", "enddate", "releasedate",
     "url", "website", "location", "authority", "started on", "finished on", "start date", "end date",
     "proficiency", "license number", "issued on", "issue date", "published on"}
)  # fmt: skip

_BULLET = re.compile(r"^\s*(?:[-*+•▪●◦‣·➢✓–—]|\d{1,2}[.)])\s+|^\s*[•▪●◦‣➢✓]")
_MARKUP = re.compile(r"\*\*|__|`|^\s*#+\s*")
_STRAY_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")
_NON_WORD = re.compile(r"[^\w.+#]+")
_STOPS = (".", "!", "?", ":", ";")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CURRENCY = "$€£¥₹"
_SCALE = re.compile(r"\s?(?:%|(?:k|m|mm|bn|b|thousand|million|billion)\b)", re.IGNORECASE)
_QUANTITY = re.compile(
    r"[%$€£¥₹]|\d(?:[.,]?\d)*\s?(?:k|m|mm|bn|b|x|thousand|million|billion|percent)\b", re.IGNORECASE
)
_LABEL = re.compile(r"([^:,;|()]{1,40}):\s*")
_TITLE_SEPARATOR = re.compile(r"\s*(?:[,|•·–—]|\s-\s|\s@\s|\sat\s)\s*")
_NAME_END = re.compile(r"\s+[-–—|]\s+|,\s|\s\(|:\s")
_PARENTHESES = re.compile(r"\([^)]*\)")
_LEGAL_SUFFIXES = frozenset(
    {"inc", "llc", "ltd", "limited", "corp", "corporation", "co", "company", "gmbh", "plc", "pvt", "llp",
     "ag"}
)  # fmt: skip
_TITLE_WORDS = ENGLISH.title_words
_STOPWORDS = frozenset(ENGLISH.stopwords)
_LEVELS = frozenset(ENGLISH.levels)
_DATES = date_reader(ENGLISH)


_POSITION_COLUMNS = {"company name": "company", "title": "title", "started on": "start", "finished on": "end"}
_WORK_FIELDS = {
    "name": "company",
    "company": "company",
    "position": "title",
    "startDate": "start",
    "endDate": "end",
}
_WORK_POINTER = re.compile(r"/work/(\d+)/(\w+)")


@dataclass(frozen=True, slots=True)
class _Unit:
    """Consecutive segments of one document read as one piece of content."""

    segments: tuple[int, ...]
    text: str
    key: str
    section: Section

    @property
    def sorted_key(self) -> str:
        """The key's words in sorted order: their plain ratio is RapidFuzz's token_sort_ratio."""
        return " ".join(sorted(self.key.split()))


@dataclass(frozen=True, slots=True)
class _Match:
    """A resume unit reproduced by a profile unit, wholly or in part."""

    resume: int
    profile: int
    score: float
    whole: bool


@dataclass(frozen=True, slots=True)
class _Position:
    """One job as a profile or a structured resume lists it; missing fields are None."""

    company: Segment
    title: Segment | None
    start: Segment | None
    end: Segment | None


def compare(resume: DocumentReport, profile: DocumentReport) -> Comparison:
    """Relate an audited profile to the audited resume it should complement, not replace."""
    resume_units = _resume_units(resume.document)
    profile_units = _profile_units(profile.document)
    matches = _matches(resume_units, profile_units)
    ratio, share = _ratios(resume, resume_units, profile_units, matches)
    return Comparison(
        resume_path=resume.document.path,
        profile_path=profile.document.path,
        exposures=_exposures(resume, profile, resume_units, profile_units, matches),
        replacement_ratio=ratio,
        resume_only_share=share,
        suggestions=_suggestions(resume, profile, resume_units, profile_units, matches),
        mismatches=_mismatches(resume.document, profile.document),
    )


def _normalise(text: str) -> str:
    """The key two texts are compared by: folded case, no bullets, markup or punctuation."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _MARKUP.sub(" ", _BULLET.sub(" ", text)).replace("&", " and ")
    return " ".join(_NON_WORD.sub(" ", _STRAY_DOT.sub(" ", text)).split())


# Units


def _resume_units(document: Document) -> tuple[_Unit, ...]:
    groups: list[list[int]] = []
    segments = document.segments
    for index, segment in enumerate(segments):
        if segment.hidden:
            continue
        if groups and _continues(segments[groups[-1][-1]], segment):
            groups[-1].append(index)
        else:
            groups.append([index])
    return tuple(_unit(document, group) for group in groups)


def _profile_units(document: Document) -> tuple[_Unit, ...]:
    """Every visible segment, and every cell or wrapped paragraph that spans several segments."""
    visible = [i for i, s in enumerate(document.segments) if not s.hidden]
    groups: list[list[int]] = []
    for index in visible:
        previous = document.segments[groups[-1][-1]] if groups else None
        current = document.segments[index]
        if previous and (previous.location == current.location or _continues(previous, current)):
            groups[-1].append(index)
        else:
            groups.append([index])
    joined = [group for group in groups if len(group) > 1]
    return tuple(_unit(document, group) for group in [*([i] for i in visible), *joined])


def _unit(document: Document, group: Sequence[int]) -> _Unit:
    text = " ".join(document.segments[i].text.strip() for i in group)
    return _Unit(tuple(group), text, _normalise(text), document.segments[group[0]].section)


def _continues(previous: Segment, current: Segment) -> bool:
    """Whether a line is the wrapped rest of the one above: adjacent, lower-case start, no bullet."""
    if previous.section is not current.section or not current.location.follows(previous.location):
        return False
    if heading_section(previous.text.strip()) or _BULLET.match(current.text):
        return False
    start = current.text.lstrip()[:1]
    return start.islower() and not previous.text.rstrip().endswith(_STOPS)


def _is_heading(unit: _Unit) -> bool:
    return heading_section(unit.text.strip()) is not None


def _is_content(unit: _Unit, document: Document) -> bool:
    """Prose of the experience or summary: a bullet, a sentence, or a line of eight words or more."""
    if unit.section not in _CONTENT_SECTIONS or not unit.key or _is_heading(unit):
        return False
    if _DATES.has_range(unit.text):
        return False
    first = document.segments[unit.segments[0]].text
    return (
        bool(_BULLET.match(first))
        or unit.text.rstrip().endswith(_STOPS)
        or len(_clean(unit.text).split()) >= 8
    )


# Matching


def _matches(resume_units: Sequence[_Unit], profile_units: Sequence[_Unit]) -> tuple[_Match, ...]:
    found: dict[tuple[int, int], _Match] = {}

    def add(match: _Match) -> None:
        old = found.get((match.resume, match.profile))
        if old is None or (match.whole, match.score) > (old.whole, old.score):
            found[(match.resume, match.profile)] = match

    profile_sorted = [u.sorted_key for u in profile_units]
    profile_longest = _pool([u.key for u in profile_units])
    resume_longest = _pool([u.key for u in resume_units])
    for i, unit in enumerate(resume_units):
        for j, score in [
            *_whole_matches(unit.sorted_key, profile_sorted),
            *_inside(unit.key, profile_longest),
        ]:
            add(_Match(i, j, score, whole=True))
    for j, unit in enumerate(profile_units):
        for i, score in _inside(unit.key, resume_longest):
            add(_Match(i, j, score, whole=False))
    for i in range(len(resume_units) - 1):
        first, second = resume_units[i], resume_units[i + 1]
        if first.section is second.section and second.key and not _is_header(first.text):
            joined = " ".join(sorted(f"{first.key} {second.key}".split()))
            for j, score in _whole_matches(joined, profile_sorted):
                add(_Match(i, j, score, whole=True))
                add(_Match(i + 1, j, score, whole=True))
    return tuple(sorted(found.values(), key=lambda m: (m.resume, m.profile)))


def _whole_matches(key: str, choices: Sequence[str]) -> list[tuple[int, float]]:
    """Choices equal to a sorted key, or near-verbatim when both are long enough to judge."""
    if not key:
        return []
    if len(key) < MIN_FUZZY:
        return [(j, 100.0) for j, choice in enumerate(choices) if choice == key]
    found = process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=NEAR_VERBATIM, limit=None)
    return [(j, score) for _, score, j in found if len(choices[j]) >= MIN_FUZZY or choices[j] == key]


@dataclass(frozen=True, slots=True)
class _Pool:
    """Keys sorted by length, with an index of their words, to find the longer keys that may hold a key."""

    keys: tuple[str, ...]
    lengths: tuple[int, ...]
    indexes: tuple[int, ...]
    postings: Mapping[str, tuple[int, ...]]
    common: frozenset[str]


def _pool(keys: Sequence[str]) -> _Pool:
    order = sorted(range(len(keys)), key=lambda j: len(keys[j]))
    postings: dict[str, list[int]] = defaultdict(list)
    for position, j in enumerate(order):
        for word in set(keys[j].split()):
            postings[word].append(position)
    # Words in many keys ("and", "the") say nothing about which keys could hold a text.
    limit = max(20, len(keys) // 20)
    common = frozenset(word for word, found in postings.items() if len(found) > limit)
    return _Pool(
        tuple(keys[j] for j in order),
        tuple(len(keys[j]) for j in order),
        tuple(order),
        {word: tuple(found) for word, found in postings.items()},
        common,
    )


def _inside(key: str, pool: _Pool) -> list[tuple[int, float]]:
    """Longer keys of the pool that hold key nearly verbatim."""
    if len(key) < MIN_CONTAINED:
        return []
    first = bisect_right(pool.lengths, len(key))
    words = set(key.split()) - pool.common
    if words:
        # A copy close enough to pass CONTAINED keeps at least half of the distinctive words intact.
        counts = Counter(p for w in words for p in pool.postings.get(w, ()) if p >= first)
        positions = sorted(p for p, n in counts.items() if 2 * n >= len(words))
    else:
        positions = list(range(first, len(pool.keys)))
    found = process.extract(
        key, [pool.keys[p] for p in positions], scorer=fuzz.partial_ratio, score_cutoff=CONTAINED, limit=None
    )
    return [(pool.indexes[positions[k]], score) for _, score, k in found]


# Ratios


def _ratios(
    resume: DocumentReport,
    units: Sequence[_Unit],
    profile_units: Sequence[_Unit],
    matches: Sequence[_Match],
) -> tuple[float, float]:
    """Share of experience and summary reproduced, and the resume-only share of what is reproduced."""
    covered = _covered(units, profile_units, matches)
    verdicts = _unit_verdicts(resume, units)
    content = [i for i, unit in enumerate(units) if _is_content(unit, resume.document)]
    total = sum(len(units[i].key) for i in content)
    reproduced = sum(covered[i] for i in content)
    resume_only = sum(covered[i] for i in content if verdicts[i] is not Verdict.COMPLEMENT)
    return (reproduced / total if total else 0.0, resume_only / reproduced if reproduced else 0.0)


def _covered(units: Sequence[_Unit], profile_units: Sequence[_Unit], matches: Sequence[_Match]) -> list[int]:
    """Characters of each resume unit that the profile reproduces."""
    covered = [0] * len(units)
    parts: dict[int, dict[int, int]] = defaultdict(dict)
    for match in matches:
        if match.whole:
            covered[match.resume] = len(units[match.resume].key)
        else:
            # Keyed by profile unit's first segment so a cell and its own lines are not counted twice.
            profile = profile_units[match.profile]
            parts[match.resume][profile.segments[0]] = len(profile.key)
    for index, lengths in parts.items():
        if not covered[index]:
            covered[index] = min(len(units[index].key), sum(lengths.values()))
    return covered


def _segment_verdicts(report: DocumentReport) -> tuple[Verdict, ...]:
    """The report's verdict per segment, or the worst of each segment's findings when it has none."""
    segments = report.document.segments
    if len(report.verdicts) == len(segments):
        return report.verdicts
    worst = [Verdict.COMPLEMENT] * len(segments)
    for index, found in _findings_by_segment(report).items():
        worst[index] = max((f.verdict for f in found), key=_rank, default=Verdict.COMPLEMENT)
    return tuple(worst)


def _unit_verdicts(report: DocumentReport, units: Sequence[_Unit]) -> list[Verdict]:
    verdicts = _segment_verdicts(report)
    return [max((verdicts[i] for i in unit.segments), key=_rank) for unit in units]


def _rank(verdict: Verdict) -> int:
    return verdict.rank


def _findings_by_segment(report: DocumentReport) -> dict[int, list[LocatedFinding]]:
    grouped: dict[int, list[LocatedFinding]] = defaultdict(list)
    for located in report.findings:
        grouped[report.document.segment_index(located.finding.start)].append(located)
    return grouped


# Exposures


def _exposures(
    resume: DocumentReport,
    profile: DocumentReport,
    resume_units: Sequence[_Unit],
    profile_units: Sequence[_Unit],
    matches: Sequence[_Match],
) -> tuple[Exposure, ...]:
    """Profile findings that must not be public, then values that survive in near-copies of resume lines."""
    copies = _copies_by_profile_segment(resume_units, profile_units, matches)
    placed: dict[tuple[int, int], Exposure] = {}
    for located in profile.findings:
        if located.verdict is not Verdict.COMPLEMENT:
            finding = located.finding
            segment = profile.document.segment_index(finding.start)
            where = _anchor(resume, finding.text, copies.get(segment, []), resume_units)
            exposure = Exposure(
                finding.rule, finding.category, finding.severity, finding.text, located.location, where
            )
            placed[(finding.start, finding.end)] = exposure
    for (start, end), exposure in _surviving(resume, profile.document, resume_units, copies):
        if not any(s < end and start < e for s, e in placed):
            placed[(start, end)] = exposure
    return tuple(dict.fromkeys(placed[span] for span in sorted(placed)))


def _copies_by_profile_segment(
    resume_units: Sequence[_Unit], profile_units: Sequence[_Unit], matches: Sequence[_Match]
) -> dict[int, list[_Match]]:
    """The resume units each profile segment copies, best first."""
    copies: dict[int, list[_Match]] = defaultdict(list)
    for match in matches:
        for segment in profile_units[match.profile].segments:
            copies[segment].append(match)
    for found in copies.values():
        found.sort(key=lambda m: (not m.whole, -m.score, m.resume))
    return copies


def _surviving(
    resume: DocumentReport,
    profile: Document,
    resume_units: Sequence[_Unit],
    copies: Mapping[int, Sequence[_Match]],
) -> Iterable[tuple[tuple[int, int], Exposure]]:
    """Resume-only values of copied resume lines that the profile copy still shows, by profile span."""
    findings = _findings_by_segment(resume)
    for index in sorted(copies):
        segment = profile.segments[index]
        for match in copies[index]:
            for resume_segment in resume_units[match.resume].segments:
                for located in findings.get(resume_segment, []):
                    span = _survivor(located.finding.text, segment.text)
                    if located.verdict is Verdict.COMPLEMENT or span is None:
                        continue
                    finding = located.finding
                    text = segment.text[span[0] : span[1]]
                    exposure = Exposure(
                        finding.rule,
                        finding.category,
                        finding.severity,
                        text,
                        segment.location_at(span[0]),
                        located.location,
                    )
                    yield (segment.start + span[0], segment.start + span[1]), exposure


def _survivor(value: str, text: str) -> tuple[int, int] | None:
    """Where a flagged value still appears in a text: its figures, or its words nearly verbatim."""
    numbers = _NUMBER.findall(value)
    if numbers:
        spans = []
        for number in numbers:
            found = re.search(rf"(?<![\d.,]){re.escape(number)}(?!\d|[.,]\d)", text)
            if found is None:
                return None
            spans.append(found.span())
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        while start > 0 and text[start - 1] in _CURRENCY:
            start -= 1
        scale = _SCALE.match(text, end)
        end = scale.end() if scale else end
        return (start, end) if end - start <= 3 * len(value) else None
    if len(value.strip()) < 4 or len(text) < len(value):
        return None
    aligned = fuzz.partial_ratio_alignment(value.casefold(), text.casefold(), score_cutoff=CONTAINED)
    if aligned is None:
        return None
    start, end = aligned.dest_start, aligned.dest_end
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _anchor(
    resume: DocumentReport, value: str, copies: Sequence[_Match], units: Sequence[_Unit]
) -> Location | None:
    """The resume place of a value: its own finding, a line holding it, else the line the profile copies."""
    key = _normalise(value)
    copied = {i for match in copies for i in units[match.resume].segments}
    same = [f for f in resume.findings if _normalise(f.finding.text) == key]
    if same:
        same.sort(key=lambda f: resume.document.segment_index(f.finding.start) not in copied)
        return same[0].location
    for segment in resume.document.segments:
        if len(key) >= 5 and not segment.hidden and f" {key} " in f" {_normalise(segment.text)} ":
            return segment.location_at(segment.text.casefold().find(value.casefold()))
    if copies:
        return resume.document.segments[units[copies[0].resume].segments[0]].location
    return None


# Suggestions


def _suggestions(
    resume: DocumentReport,
    profile: DocumentReport,
    units: Sequence[_Unit],
    profile_units: Sequence[_Unit],
    matches: Sequence[_Match],
) -> tuple[Suggestion, ...]:
    """Public-safe resume content with no counterpart on the profile, in resume order."""
    findings = _findings_by_segment(resume)
    verdicts = _unit_verdicts(resume, units)
    reproduced = {m.resume for m in matches}
    listed = _visible(profile.document, Section.SKILLS)
    skills = _phrases(_normalise(_core(item)) for s in listed for _, item in _items(s.text))
    phrases, sorted_keys = _phrases(u.key for u in profile_units), [u.sorted_key for u in profile_units]
    document = resume.document
    found: list[Suggestion] = []
    for index, unit in enumerate(units):
        if verdicts[index] is not Verdict.COMPLEMENT or _is_heading(unit) or _is_detail(document, unit):
            continue
        flagged = [f for i in unit.segments for f in findings.get(i, [])]
        segment = document.segments[unit.segments[0]]
        if unit.section is Section.SKILLS:
            if not _is_label_cell(document, unit):
                found += _skill_suggestions(segment, unit, flagged, skills)
        elif not flagged and index not in reproduced and _missing(unit, document, phrases, sorted_keys):
            found.append(Suggestion(unit.section, _clean(unit.text), segment.location))
    return tuple(found)


def _missing(unit: _Unit, document: Document, phrases: _Phrases, sorted_keys: Sequence[str]) -> bool:
    """A named entry or a qualitative experience line that no profile unit resembles."""
    if _present(unit.sorted_key, sorted_keys):
        return False
    if unit.section in _NAMED_SECTIONS:
        return not _dates_only(unit.text) and not _item_present(_normalise(_name(unit.text)), phrases)
    quantified = _QUANTITY.search(unit.text)
    return unit.section is Section.EXPERIENCE and _is_content(unit, document) and not quantified


def _skill_suggestions(
    segment: Segment, unit: _Unit, flagged: Sequence[LocatedFinding], skills: _Phrases
) -> list[Suggestion]:
    """Each listed skill of a skills line that the profile's skills lack."""
    found = []
    for offset, item in _items(unit.text):
        start = segment.start + offset
        if any(f.finding.start < start + len(item) and start < f.finding.end for f in flagged):
            continue
        core = _normalise(_core(item))
        if core and len(core.split()) <= 6 and not _dates_only(item) and not _item_present(core, skills):
            location = segment.location_at(offset) if len(unit.segments) == 1 else segment.location
            found.append(Suggestion(Section.SKILLS, item, location))
    return found


def _items(text: str) -> list[tuple[int, str]]:
    """The listed items of a line and their offsets: split at commas, semicolons and bars outside brackets."""
    cleaned = _MARKUP.sub(lambda m: " " * len(m.group()), text)
    bullet = _BULLET.match(cleaned)
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


def _core(item: str) -> str:
    return _PARENTHESES.sub(" ", item)


def _name(text: str) -> str:
    """The name an entry starts with, before its issuer, date or description."""
    cleaned = _clean(text)
    return _NAME_END.split(cleaned, maxsplit=1)[0]


def _clean(text: str) -> str:
    return " ".join(_MARKUP.sub(" ", _BULLET.sub("", text)).split())


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


def _is_label_cell(document: Document, unit: _Unit) -> bool:
    """A Word table cell that only names the row, like "Tools" beside the list of tools."""
    index = unit.segments[-1]
    if index + 1 >= len(document.segments):
        return False
    following = document.segments[index + 1].location
    return document.segments[index].location.labels_row_of(following) and len(_items(unit.text)) == 1


def _is_detail(document: Document, unit: _Unit) -> bool:
    """An empty unit, or a structured field that qualifies an entry (its issuer, date, level)."""
    field = document.segments[unit.segments[0]].location.field()
    return not unit.key or field.casefold() in _DETAIL_FIELDS


def _visible(document: Document, section: Section) -> list[Segment]:
    return [s for s in document.segments if s.section is section and not s.hidden]


def _dates_only(text: str) -> bool:
    return not _DATES.date.sub(" ", text).strip(" -–—,.|()")


# Mismatches


def _mismatches(resume: Document, profile: Document) -> tuple[Mismatch, ...]:
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
    """Jobs from LinkedIn's Positions.csv rows or JSON Resume work entries."""
    groups: dict[tuple[str, int], dict[str, Segment]] = {}
    for segment in document.segments:
        location = segment.location
        if isinstance(location, ExportLocation) and location.file.casefold() == "positions.csv":
            field, key = _POSITION_COLUMNS.get(location.column.casefold()), (location.file, location.row)
        elif isinstance(location, JsonLocation) and (parts := _WORK_POINTER.fullmatch(location.pointer)):
            field, key = _WORK_FIELDS.get(parts.group(2)), ("work", int(parts.group(1)))
        else:
            continue
        if field:
            groups.setdefault(key, {}).setdefault(field, segment)
    return [
        _Position(g["company"], g.get("title"), g.get("start"), g.get("end"))
        for g in groups.values()
        if "company" in g
    ]


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
    hits = [i for i in headers if company and f" {company} " in f" {_normalise(document.segments[i].text)} "]
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
    return [i for i in experience if _is_header(document.segments[i].text)]


def _is_header(text: str) -> bool:
    stripped = text.strip()
    return not _BULLET.match(text) and len(stripped.split()) <= 12 and not stripped.endswith(".")


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
        for found in _DATES.ranges(document.segments[index].text)
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
                same_range(r, wanted) for t in near for _, _, r in _DATES.ranges(t)
            )
            if titled or dated:
                where = segment.location_at(offset)
                return [Mismatch("employer", piece, position.company.text, where, position.company.location)]
    return []


def _pieces(text: str) -> list[tuple[int, str]]:
    """The parts of a header line between commas, bars, dashes, "at" and dates, with their offsets."""
    cleaned = _MARKUP.sub(lambda m: " " * len(m.group()), text)
    cleaned = _DATES.blank(cleaned, lambda m: "|" * len(m.group()))
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
    words = _normalise(name).split()
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def _title_key(text: str, company: str = "") -> str:
    key = f" {_normalise(_core(text))} "
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
    first, second = (_DATES.parse_date(a.text) if a else None), (_DATES.parse_date(b.text) if b else None)
    return first is not None and second is not None and same_date(first, second)


# Dates


def _profile_range(position: _Position) -> DateRange | None:
    start = _DATES.parse_date(position.start.text) if position.start else None
    if start is None:
        return None
    # NOTE: LinkedIn and JSON Resume leave the end empty for a job that is still going on.
    return start, _DATES.parse_date(position.end.text) if position.end else None


def _range_text(start: Segment | None, end: Segment | None) -> str:
    return f"{start.text if start else '?'} – {end.text if end else 'Present'}"


def _range_location(position: _Position, wanted: DateRange, other: DateRange | None) -> Location:
    """The profile cell that differs: the start when the starts differ, else the end when there is one."""
    starts_differ = other is None or not same_date(other[0], wanted[0])
    cell = position.start if starts_differ or position.end is None else position.end
    return (cell or position.company).location
