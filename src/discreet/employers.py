"""Names a document gives as the person's employer: the employer is never its own client."""

from __future__ import annotations

from collections.abc import Sequence

from discreet import precompiled
from discreet.model import Finding

# "company - Acme Tech", "Employer: Acme", "worked at ACME, Pune", "Acme (my current employer)": the
# structure of the document, not the wording of a duty, says whose staff the person was.
_NAME = r"(?P<name>[A-Z](?:[\w&'’-]|\.(?=\w))*(?:[ \t]+[A-Z](?:[\w&'’-]|\.(?=\w))*){0,4})"
_EMPLOYER = precompiled.compiled(
    rf"\b(?i:company|employer|organi[sz]ation)[ \t]*[-–:][ \t]*{_NAME}"
    r"|\b(?i:worked|working|employed|completed|experience|joined)(?:[ \t]+\w+)?[ \t]+(?i:at|with)[ \t]+"
    rf"{_NAME}"
    r"(?=[ \t]*[,(]|[ \t]+(?i:as|in|from|since)\b)"
    rf"|\b(?i:joined)[ \t]+{_NAME}(?=[ \t]+(?i:as)\b)"
    rf"|{_NAME}(?=[ \t]*\((?i:(?:my|our)[ \t]+)?(?i:(?:current|then|former|previous)[ \t]+)?(?i:employer)\))"
)
_CLIENT = precompiled.compiled(
    rf"\b(?i:client|customer|project[ \t]+(?:profile|summary|overview))[ \t]*[:\-–][ \t]*{_NAME}"
)


def employer_names(text: str) -> frozenset[str]:
    """The employers a document names in its own structure, casefolded with spacing made single.

    A name the document also gives as a client ("company - X" over "Client: X" or "Project Profile: X")
    is the client of an outsourcing employer, and stays a client.
    """
    employers = {name_key(m.group("name")) for m in _EMPLOYER.finditer(text)}
    return frozenset(employers - {name_key(m.group("name")) for m in _CLIENT.finditer(text)})


def without_employers(text: str, found: Sequence[Finding]) -> list[Finding]:
    """The findings that do not name an employer the document gives."""
    employers = employer_names(text)
    return [f for f in found if name_key(f.text) not in employers]


def name_key(name: str) -> str:
    """A name as names are compared: case does not count, and any spacing is one space."""
    return " ".join(name.split()).casefold()
