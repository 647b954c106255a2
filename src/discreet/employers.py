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
_CLIENT = regex.compile(
    rf"\b(?i:client|customer|project[ \t]+(?:profile|summary|overview))[ \t]*[:\-–][ \t]*{_NAME}"
)


def employer_names(text: str) -> frozenset[str]:
    """The employers a document names in its own structure, casefolded with spacing made single.

    A name the document also gives as a client ("company - X" over "Client: X" or "Project Profile: X")
    is the client of an outsourcing employer, and stays a client.
    """
    employers = {_key(m.group("name")) for m in _EMPLOYER.finditer(text)}
    return frozenset(employers - {_key(m.group("name")) for m in _CLIENT.finditer(text)})


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()
