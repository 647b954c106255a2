"""Read a JSON Resume (jsonresume.org schema 1.x, and the older key names) into a profile document.

Every non-empty string (or number) under a known top-level section gives one segment located by
its RFC 6901 JSON pointer, in the order of the file. Sub-fields are not filtered, so the older
names (``company``, ``website``, ``gpa``) and a theme's extra fields are read like the current
ones; only photo URLs (``image``, ``picture``) are left out. A segment's text is its value with
surrounding whitespace removed and line breaks turned into LF.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from discreet.errors import CorruptFileError, InputError, NoTextError, TooLargeError, UnsupportedFormatError
from discreet.model import (
    Document,
    DocumentKind,
    Format,
    JobField,
    JobPart,
    Limits,
    Place,
    Section,
    Segment,
    Unstructured,
    build_document,
)
from discreet.parsers import Parser
from discreet.parsers.text import decode, normalise_newlines

_SECTIONS: dict[str, Section] = {
    "basics": Section.CONTACT,
    "bio": Section.CONTACT,
    "work": Section.EXPERIENCE,
    "volunteer": Section.EXPERIENCE,
    "education": Section.EDUCATION,
    "awards": Section.AWARDS,
    "certificates": Section.CERTIFICATIONS,
    "publications": Section.PUBLICATIONS,
    "skills": Section.SKILLS,
    "languages": Section.SKILLS,
    "interests": Section.SKILLS,
    "hobbies": Section.SKILLS,
    "references": Section.REFERENCES,
    "projects": Section.PROJECTS,
}
_BASICS_SECTIONS = {"label": Section.SUMMARY, "summary": Section.SUMMARY}
_LIST_SECTIONS = frozenset(_SECTIONS) - {"basics", "bio"}
_NOT_TEXT = frozenset({"image", "picture"})
_NOT_CONTENT = frozenset({"$schema", "meta"})
# Real resumes nest three or four levels; anything far deeper is not a resume worth walking.
_MAX_DEPTH = 32
# Fields that qualify an entry (its issuer, date, level) rather than name or describe it.
_DETAIL_FIELDS = frozenset(
    {"issuer", "awarder", "publisher", "fluency", "level", "date", "startdate", "enddate", "releasedate",
     "url", "website", "location"}
)  # fmt: skip
_WORK_POINTER = re.compile(r"/work/(\d+)/(\w+)")
_WORK_FIELDS = {
    "name": JobPart.COMPANY,
    "company": JobPart.COMPANY,
    "position": JobPart.TITLE,
    "startDate": JobPart.START,
    "endDate": JobPart.END,
}


@dataclass(frozen=True, slots=True)
class JsonLocation(Unstructured):
    """A value of a JSON document, addressed by JSON pointer."""

    pointer: str

    def describe(self) -> str:
        return self.pointer

    def to_dict(self) -> dict[str, Any]:
        return {"type": "json", "pointer": self.pointer}

    def place(self) -> Place:
        # A JSON file is text a viewer opens, so offsets into the extracted text would mislead it.
        return Place(kind="value", name=self.pointer.rsplit("/", 1)[-1])

    def is_detail(self) -> bool:
        """Whether the value's last key that is not an index qualifies its entry: '/work/0/startDate'."""
        key = next((key for key in reversed(self.pointer.split("/")) if not key.isdigit()), "")
        return key.casefold() in _DETAIL_FIELDS

    def job_field(self) -> JobField | None:
        """A field of a work entry: '/work/2/position' is the title of job 2."""
        parts = _WORK_POINTER.fullmatch(self.pointer)
        part = _WORK_FIELDS.get(parts.group(2)) if parts else None
        return JobField(("work", int(parts.group(1))), part) if parts and part else None


# The longest card or account number is 19 digits; an integer beyond this is no resume's.
_MAX_DIGITS = 100


def looks_like_resume(data: object) -> bool:
    """Tell whether decoded JSON is a JSON Resume: a `basics` object or two resume sections."""
    if not isinstance(data, dict):
        return False
    if isinstance(data.get("basics"), dict) or isinstance(data.get("bio"), dict):
        return True
    return sum(isinstance(data.get(key), list) for key in _LIST_SECTIONS) >= 2


def parse(path: Path, limits: Limits, data: bytes | None = None) -> Document:
    """Read a JSON Resume file (or data, its bytes) into one segment per text value, located by pointer."""
    loaded = read_json(path, limits, data)
    if not isinstance(loaded, dict) or not looks_like_resume(loaded):
        found = ", ".join(list(loaded)[:6]) if isinstance(loaded, dict) else _kind(loaded)
        raise UnsupportedFormatError(
            path,
            "is JSON but neither a JSON Resume nor a profile draft discreet wrote: expected an object "
            "with sections such as basics, work, education and skills, or a draft's format, version "
            f"and blocks, found {found or 'an empty object'}",
            "give a resume.json that follows jsonresume.org, or a draft written by discreet fix",
        )
    segments: list[Segment] = []
    notes: list[str] = []
    for key, value in loaded.items():
        if key in _SECTIONS:
            segments += _segments(key, value, notes)
        elif key not in _NOT_CONTENT:
            notes.append(f"{pointer([key])}: not a JSON Resume section — not read")
    if not segments:
        raise NoTextError(
            path, "holds no text in its JSON Resume sections", "fill in basics, work or education"
        )
    return build_document(path, DocumentKind.PROFILE, Format.JSON_RESUME, segments, notes)


def pointer(keys: list[str]) -> str:
    """Build an RFC 6901 JSON pointer, escaping `~` as `~0` and `/` as `~1`."""
    return "".join("/" + key.replace("~", "~0").replace("/", "~1") for key in keys)


def _kind(data: object) -> str:
    return "an array" if isinstance(data, list) else "a single value"


def read_json(path: Path, limits: Limits, data: bytes | None = None) -> object:
    """The decoded JSON of a file (or data, its bytes) within the size limit; each failure names the file."""
    return _load(path, limits) if data is None else _decode(path, data, limits)


def _load(path: Path, limits: Limits) -> object:
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise InputError(path, "does not exist", "check the path") from error
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror})", "check its permissions") from error
    return _decode(path, data, limits)


def _decode(path: Path, data: bytes, limits: Limits) -> object:
    if len(data) > limits.max_file_bytes:
        raise TooLargeError(path, "is larger than the file size limit", "raise it with --max-file-mb")
    return load(path, decode(data))


def load(path: Path, text: str) -> object:
    """Decode JSON text; bad syntax, deep nesting or a huge number is a CorruptFileError naming the file."""
    try:
        return json.loads(text, parse_int=_integer)
    except json.JSONDecodeError as error:
        raise CorruptFileError(
            path,
            f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})",
            "fix the JSON at that place and try again",
        ) from error
    except RecursionError as error:
        raise CorruptFileError(
            path, "nests JSON too deeply to be a resume", "check that it is the right file"
        ) from error
    except _HugeNumberError as error:
        raise CorruptFileError(
            path,
            f"holds a number {error.digits} digits long, too long to be resume data",
            "check that it is the right file",
        ) from error


class _HugeNumberError(ValueError):
    """A JSON integer too long to be resume data (Python refuses past 4,300 digits anyway)."""

    def __init__(self, digits: int) -> None:
        super().__init__(digits)
        self.digits = digits


def _integer(literal: str) -> int:
    """Parse a JSON integer, refusing one longer than any phone, ID or amount a resume holds."""
    if len(literal.lstrip("-")) > _MAX_DIGITS:
        raise _HugeNumberError(len(literal.lstrip("-")))
    return int(literal)


def _segments(key: str, value: object, notes: list[str]) -> list[Segment]:
    segments = []
    for keys, text in _leaves(value, [key], notes):
        section = _SECTIONS[key]
        if key in ("basics", "bio") and len(keys) > 1:
            section = _BASICS_SECTIONS.get(keys[1], section)
        segments.append(Segment(text, JsonLocation(pointer(keys)), section))
    return segments


def _leaves(value: object, keys: list[str], notes: list[str]) -> Iterator[tuple[list[str], str]]:
    """Yield the path and text of every non-empty string or number below a value."""
    if len(keys) > _MAX_DEPTH:
        notes.append(f"{pointer(keys)}: nested deeper than {_MAX_DEPTH} levels — not read")
    elif isinstance(value, str):
        text = normalise_newlines(value).strip()
        if text:
            yield keys, text
    elif isinstance(value, int | float) and not isinstance(value, bool):
        yield keys, str(value)
    elif isinstance(value, dict):
        for name, item in value.items():
            if name not in _NOT_TEXT:
                yield from _leaves(item, [*keys, name], notes)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, [*keys, str(index)], notes)


# What may come before the opening brace: a UTF-8 BOM and whitespace.
_LEADING = b"\xef\xbb\xbf \t\r\n\x0c"


def claim(path: Path, head: bytes, data: bytes | None) -> Format | None:
    """A .json file (parse names what is wrong with it), or any JSON that parses to a JSON Resume."""
    if path.suffix.lower() == ".json":
        return Format.JSON_RESUME
    if not head.lstrip(_LEADING).startswith(b"{"):
        return None
    try:
        loaded = load(path, decode(path.read_bytes() if data is None else data))
    except CorruptFileError:
        return None
    return Format.JSON_RESUME if looks_like_resume(loaded) else None


# A file name that says resume or CV as a word of its own: dana-resume.json, CV_2024.json, not opencv.json.
RESUME_NAME = re.compile(r"(?i)(?:^|[-_. ])(?:resume|résumé|cv|curriculum[-_ ]?vitae)(?:[-_. ]|$)")


def may_be_resume(path: Path, limits: Limits) -> bool:
    """Whether a .json file may be a resume: a JSON Resume, not package.json.

    JSON that does not parse (tsconfig.json with comments) or is past the size limit is a resume only
    when named like one, so that a broken resume.json is still reported rather than skipped.
    """
    named_like_one = bool(RESUME_NAME.search(path.stem))
    try:
        if path.stat().st_size > limits.max_file_bytes:
            return named_like_one
        data = load(path, decode(path.read_bytes()))
    except OSError:
        return True
    except CorruptFileError:
        return named_like_one
    return looks_like_resume(data)


PARSER = Parser(
    (Format.JSON_RESUME,),
    parse,
    parse,
    suffixes=frozenset({".json"}),
    text=claim,
    may_be_resume=may_be_resume,
)
