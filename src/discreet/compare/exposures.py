"""What the profile shows that must not be public: its own findings, and resume values its copies keep."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz import fuzz

from discreet.compare.matching import CONTAINED, Match
from discreet.compare.units import Unit, findings_by_segment, normalise
from discreet.model import Document, Location, Verdict
from discreet.report import DocumentReport, Exposure

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CURRENCY = "$€£¥₹"
_SCALE = re.compile(r"\s?(?:%|(?:k|m|mm|bn|b|thousand|million|billion)\b)", re.IGNORECASE)


def exposures(
    resume: DocumentReport,
    profile: DocumentReport,
    resume_units: Sequence[Unit],
    profile_units: Sequence[Unit],
    matches: Sequence[Match],
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
    resume_units: Sequence[Unit], profile_units: Sequence[Unit], matches: Sequence[Match]
) -> dict[int, list[Match]]:
    """The resume units each profile segment copies, best first."""
    copies: dict[int, list[Match]] = defaultdict(list)
    for match in matches:
        for segment in profile_units[match.profile].segments:
            copies[segment].append(match)
    for found in copies.values():
        found.sort(key=lambda m: (not m.whole, -m.score, m.resume))
    return copies


def _surviving(
    resume: DocumentReport,
    profile: Document,
    resume_units: Sequence[Unit],
    copies: Mapping[int, Sequence[Match]],
) -> Iterable[tuple[tuple[int, int], Exposure]]:
    """Resume-only values of copied resume lines that the profile copy still shows, by profile span."""
    findings = findings_by_segment(resume)
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
    resume: DocumentReport, value: str, copies: Sequence[Match], units: Sequence[Unit]
) -> Location | None:
    """The resume place of a value: its own finding, a line holding it, else the line the profile copies."""
    key = normalise(value)
    copied = {i for match in copies for i in units[match.resume].segments}
    same = [f for f in resume.findings if normalise(f.finding.text) == key]
    if same:
        same.sort(key=lambda f: resume.document.segment_index(f.finding.start) not in copied)
        return same[0].location
    for segment in resume.document.segments:
        if len(key) >= 5 and not segment.hidden and f" {key} " in f" {normalise(segment.text)} ":
            return segment.location_at(segment.text.casefold().find(value.casefold()))
    if copies:
        return resume.document.segments[units[copies[0].resume].segments[0]].location
    return None
