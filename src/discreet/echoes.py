"""Every other mention of a name a rule found: a client named once in a list is a client everywhere."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

import regex

from discreet import precompiled
from discreet.employers import name_key
from discreet.model import Finding

# A mention is the whole name: no name-like word straight after it on the same line, so "Microsoft"
# is not echoed inside "Microsoft Office". The word before is not checked: bullets open on a capital.
_BEFORE = r"(?<![\w&'’.-])"
_AFTER = r"(?![\w&-])(?![ \t]+[A-Z0-9])"
_SHORTEST = 3
# A name of three to six capitalised words is abbreviated by their initials; fewer would be ambiguous.
_LEAST_INITIALS, _MOST_INITIALS = 3, 6
# An abbreviation in brackets straight after a name stands for it: "Glaxo Smith Kline (GSK)".
_ALIAS = precompiled.compiled(r"[ \t]*\(([A-Z][A-Z0-9&]{1,9})\)")
# One capitalised word in the plural of a kind of person ("Marines", "Payers") names a group, not a company.
_PLURAL_NOUN = precompiled.compiled(r"[A-Z][a-z]+(?:ers|ors|ies|ants|ents|ines|ists|ians|ees)")


def echo_findings(
    text: str, found: Sequence[Finding], accepts: Callable[[Finding], bool] = lambda _: True
) -> list[Finding]:
    """Findings for the other mentions of names already found, written as found, in capitals or title case."""
    sources = {name_key(f.text): f for f in found if _echoable(text, f.text)}
    for finding in found:
        alias = _ALIAS.match(text, finding.end)
        if alias and _abbreviates(alias.group(1), finding.text) and _echoable(text, alias.group(1)):
            named = replace(finding, start=alias.start(1), end=alias.end(1), text=alias.group(1))
            sources.setdefault(name_key(named.text), named)
    if not sources:
        return []
    variants = {v: key for key in sources for v in _variants(sources[key].text)}
    for key in sources:
        initials = _initials(sources[key].text)
        if initials and _echoable(text, initials):
            variants.setdefault(initials, key)
    alternatives = "|".join(regex.escape(v) for v in sorted(variants, key=len, reverse=True))
    pattern = regex.compile(rf"{_BEFORE}(?:{alternatives}){_AFTER}")
    taken = [(f.start, f.end) for f in found]
    echoes = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        source = sources[variants[match.group()]]
        echo = Finding(source.rule, source.category, source.severity, start, end, match.group())
        if accepts(echo):
            echoes.append(echo)
    return echoes


def _flat(name: str) -> str:
    return " ".join(name.split())


def _variants(name: str) -> Iterable[str]:
    """The name as written and in the two other cases a resume writes company names in."""
    flat = _flat(name)
    return {flat, flat.upper(), flat.title()}


def _initials(name: str) -> str:
    """The abbreviation a long name goes by later without brackets: SBI for State Bank of India."""
    capitals = [word[0] for word in name.split() if word[0].isupper()]
    return "".join(capitals) if _LEAST_INITIALS <= len(capitals) <= _MOST_INITIALS else ""


def _echoable(text: str, name: str) -> bool:
    """Long enough to be a name, no plural of a common noun, not a word the text also writes in lower case."""
    flat = _flat(name)
    if len(flat) < _SHORTEST or not flat[0].isalnum() or _PLURAL_NOUN.fullmatch(flat):
        return False
    if flat == flat.lower():
        return True
    return regex.search(rf"(?<![\w&'’-]){regex.escape(flat.lower())}(?![\w&-])", text) is None


def _abbreviates(alias: str, name: str) -> bool:
    """Whether an abbreviation's letters are the name's capitals in order: SBI, State Bank of India."""
    capitals = iter(c for c in name if c.isupper())
    return all(letter in capitals for letter in alias if letter.isalpha())
