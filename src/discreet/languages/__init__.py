"""The languages discreet reads, by code: adding one is a module of words and a line here."""

from __future__ import annotations

from discreet.language import Language
from discreet.languages.en import ENGLISH

LANGUAGES: dict[str, Language] = {ENGLISH.code: ENGLISH}
