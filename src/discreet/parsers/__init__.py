"""One module per input format, each exposing PARSER: how read.py tells its files and reads them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from discreet.model import Document, Format, Limits


@dataclass(frozen=True, slots=True)
class Parser:
    """What a format's module tells the reader: the files it claims, and how it reads them."""

    # The formats its documents come out as; the first is the one a claim names (a LinkedIn PDF is a PDF).
    formats: tuple[Format, ...]
    parse: Callable[[Path, Limits], Document]
    # Reads a document from bytes that were never a file (stdin); None when a document is many files.
    parse_bytes: Callable[[Path, Limits, bytes], Document] | None = None
    # The suffixes a folder is searched for.
    suffixes: frozenset[str] = frozenset()
    # For a file with this suffix whose content claims nothing: the suffix, the problem, the remedy.
    misnamed: tuple[str, str, str] | None = None
    # Claims a file by its first 2 KB and last 1 KB, before anything else is asked (a PDF header).
    signature: Callable[[bytes, bytes], bool] | None = None
    # Claims a ZIP by the names of its members.
    members: Callable[[Sequence[str]], bool] | None = None
    # Whether members also claims a folder by the names of the files under it.
    folders: bool = False
    # Claims a file that is not binary, by its name and content (data when it is not a file): the format.
    text: Callable[[Path, bytes, bytes | None], Format | None] | None = None
    # Whether a file with one of its suffixes may be a resume, for --only-resumes; None: every one may.
    may_be_resume: Callable[[Path, Limits], bool] | None = None
