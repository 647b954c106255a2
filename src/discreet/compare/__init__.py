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

The comparison never asks a document's format: what is adjacent, what is a detail field and which
field of a job a value is are questions each location answers (see discreet.model.Location).
"""

from __future__ import annotations

from discreet.compare.exposures import exposures
from discreet.compare.matching import match_units, ratios
from discreet.compare.mismatches import mismatches
from discreet.compare.suggestions import suggestions
from discreet.compare.units import profile_units, resume_units
from discreet.report import Comparison, DocumentReport


def compare(resume: DocumentReport, profile: DocumentReport) -> Comparison:
    """Relate an audited profile to the audited resume it should complement, not replace."""
    resumes = resume_units(resume.document)
    profiles = profile_units(profile.document)
    matches = match_units(resumes, profiles)
    ratio, share = ratios(resume, resumes, profiles, matches)
    return Comparison(
        resume_path=resume.document.path,
        profile_path=profile.document.path,
        exposures=exposures(resume, profile, resumes, profiles, matches),
        replacement_ratio=ratio,
        resume_only_share=share,
        suggestions=suggestions(resume, profile, resumes, profiles, matches),
        mismatches=mismatches(resume.document, profile.document),
    )
