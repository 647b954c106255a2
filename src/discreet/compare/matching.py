"""Which resume units the profile reproduces, wholly or in part, and how much of the resume that is."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from discreet.compare.units import Unit, is_content, is_header, unit_verdicts
from discreet.model import Verdict
from discreet.report import DocumentReport

NEAR_VERBATIM = 85.0
CONTAINED = 90.0
MIN_FUZZY = 24
MIN_CONTAINED = 30


@dataclass(frozen=True, slots=True)
class Match:
    """A resume unit reproduced by a profile unit, wholly or in part."""

    resume: int
    profile: int
    score: float
    whole: bool


def match_units(resume_units: Sequence[Unit], profile_units: Sequence[Unit]) -> tuple[Match, ...]:
    """Every resume unit a profile unit reproduces: whole, near-verbatim, joined with the next, or inside."""
    found: dict[tuple[int, int], Match] = {}

    def add(match: Match) -> None:
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
            add(Match(i, j, score, whole=True))
    for j, unit in enumerate(profile_units):
        for i, score in _inside(unit.key, resume_longest):
            add(Match(i, j, score, whole=False))
    for i in range(len(resume_units) - 1):
        first, second = resume_units[i], resume_units[i + 1]
        if first.section is second.section and second.key and not is_header(first.text):
            joined = " ".join(sorted(f"{first.key} {second.key}".split()))
            for j, score in _whole_matches(joined, profile_sorted):
                add(Match(i, j, score, whole=True))
                add(Match(i + 1, j, score, whole=True))
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


def ratios(
    resume: DocumentReport,
    units: Sequence[Unit],
    profile_units: Sequence[Unit],
    matches: Sequence[Match],
) -> tuple[float, float]:
    """Share of experience and summary reproduced, and the resume-only share of what is reproduced."""
    covered = _covered(units, profile_units, matches)
    verdicts = unit_verdicts(resume, units)
    content = [i for i, unit in enumerate(units) if is_content(unit, resume.document)]
    total = sum(len(units[i].key) for i in content)
    reproduced = sum(covered[i] for i in content)
    resume_only = sum(covered[i] for i in content if verdicts[i] is not Verdict.COMPLEMENT)
    return (reproduced / total if total else 0.0, resume_only / reproduced if reproduced else 0.0)


def _covered(units: Sequence[Unit], profile_units: Sequence[Unit], matches: Sequence[Match]) -> list[int]:
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
