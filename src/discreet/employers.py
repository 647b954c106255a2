"""Names a document gives as the person's employer: the employer is never its own client."""

from __future__ import annotations

import regex

# "company - Acme Tech", "Employer: Acme", "worked at ACME, Pune": the structure of the document,
# not the wording of a duty, says whose staff the person was.
_NAME = r"(?P<name>[A-Z](?:[\w&'’-]|\.(?=\w))*(?:[ \t]+[A-Z](?:[\w&'’-]|\.(?=\w))*){0,4})"
_EMPLOYER = regex.compile(
    rf"\b(?i:company|employer|organi[sz]ation)[ \t]*[-–:][ \t]*{_NAME}"
    r"|\b(?i:worked|working|employed|completed|experience|joined)(?:[ \t]+\w+)?[ \t]+(?i:at|with)[ \t]+"
    rf"{_NAME}"
    r"(?=[ \t]*[,(]|[ \t]+(?i:as|in|from|since)\b)"
    rf"|\b(?i:joined)[ \t]+{_NAME}(?=[ \t]+(?i:as)\b)"
)


def employer_names(text: str) -> frozenset[str]:
    """The employers a document names in its own structure, casefolded with spacing made single."""
    return frozenset(" ".join(m.group("name").split()).casefold() for m in _EMPLOYER.finditer(text))
