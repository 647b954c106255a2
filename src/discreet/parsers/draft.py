"""Read a profile draft that `discreet fix --format json` wrote, to audit it again before it is pasted.

A draft is an object marked ``"format": "discreet-profile-draft"`` with a ``version`` and a list of
``blocks``, each the text for one field of a LinkedIn profile. Drafts written before the mark are
told by their exact keys: version, source, destination and blocks. Each block gives a segment for
its heading (when it has one) and one for its text, located by the block's number and field.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from discreet.errors import CorruptFileError, NoTextError, UnsupportedFormatError
from discreet.model import (
    Document,
    DocumentKind,
    Format,
    Limits,
    Place,
    Section,
    Segment,
    Unstructured,
    build_document,
)
from discreet.parsers import Parser
from discreet.parsers.jsonresume import load, read_json
from discreet.parsers.text import decode, normalise_newlines

DRAFT_FORMAT = "discreet-profile-draft"
DRAFT_VERSION = 1
# The keys a draft had before it was marked with its format.
_UNMARKED_KEYS = frozenset({"version", "source", "destination", "blocks"})
# The section each field's text sits in, as the export or PDF it came from puts it.
FIELD_SECTIONS: dict[str, Section] = {
    "Headline": Section.SUMMARY,
    "Contact info": Section.CONTACT,
    "About": Section.SUMMARY,
    "Experience": Section.EXPERIENCE,
    "Volunteering": Section.EXPERIENCE,
    "Education": Section.EDUCATION,
    "Projects": Section.PROJECTS,
    "Honors & awards": Section.AWARDS,
    "Publications": Section.PUBLICATIONS,
    "Licenses & certifications": Section.CERTIFICATIONS,
    "Test scores": Section.OTHER,
    "Organizations": Section.OTHER,
    # An export's recommendations are endorsements the profile shows; a legacy PDF lists them as references.
    "Recommendation received": Section.OTHER,
    "Recommendation given": Section.OTHER,
    "Recommendations received": Section.REFERENCES,
}
_REWRITE = "fix it there, or write the draft again with discreet fix"


@dataclass(frozen=True, slots=True)
class Block:
    """One field to paste: LinkedIn's name for it, where it came from, what names it, its new text."""

    field: str
    source: str
    heading: str
    text: str
    changed: bool
    note: str = ""


@dataclass(frozen=True, slots=True)
class DraftLocation(Unstructured):
    """A block of a profile draft, numbered from 1, named by its field; part is its heading or its text."""

    block: int
    field: str
    part: str = "text"

    @property
    def pointer(self) -> str:
        """The RFC 6901 pointer to the value in the draft's JSON: '/blocks/2/text' for block 3."""
        return f"/blocks/{self.block - 1}/{self.part}"

    def describe(self) -> str:
        # Named by number and field, never by the heading: a heading is the person's text.
        where = f"block {self.block}, {self.field}"
        return f"{where} heading" if self.part == "heading" else where

    def to_dict(self) -> dict[str, Any]:
        return {"type": "json", "pointer": self.pointer}

    def place(self) -> Place:
        return Place(kind="value", name=self.part)


def looks_like_draft(data: object) -> bool:
    """Whether decoded JSON is a profile draft: marked as one, or with exactly an unmarked draft's keys."""
    return isinstance(data, dict) and (data.get("format") == DRAFT_FORMAT or set(data) == _UNMARKED_KEYS)


def parse(path: Path, limits: Limits, data: bytes | None = None) -> Document:
    """Read a profile draft (or data, its bytes): a segment for each block's heading and one for its text."""
    document = draft_document(path, draft_blocks(path, read_json(path, limits, data)))
    if not document.segments:
        raise NoTextError(
            path, "is a profile draft whose blocks hold no text", "write it again with discreet fix"
        )
    return document


def draft_document(path: Path, blocks: Sequence[Block]) -> Document:
    """A draft's blocks as the profile document they make, which may hold no text at all."""
    segments = [
        segment for number, block in enumerate(blocks, start=1) for segment in _segments(number, block)
    ]
    return build_document(path, DocumentKind.PROFILE, Format.PROFILE_DRAFT, segments)


def read_blocks(path: Path, data: bytes) -> tuple[Block, ...]:
    """The blocks of a draft's bytes, each checked; path only names the draft in errors."""
    return draft_blocks(path, load(path, decode(data)))


def draft_blocks(path: Path, loaded: object) -> tuple[Block, ...]:
    """The blocks of decoded draft JSON; a wrong type or a missing key is a CorruptFileError naming it."""
    if not isinstance(loaded, dict):
        raise CorruptFileError(path, "is not a profile draft: its JSON is not an object", _REWRITE)
    version = loaded.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > DRAFT_VERSION:
        raise UnsupportedFormatError(
            path,
            f"is a profile draft of version {version}, newer than this discreet reads ({DRAFT_VERSION})",
            "upgrade discreet",
        )
    if isinstance(version, bool) or version != DRAFT_VERSION:
        _damaged(
            path, "/version", "is missing" if version is None else f"is {version!r}, not {DRAFT_VERSION}"
        )
    blocks = loaded.get("blocks")
    if not isinstance(blocks, list):
        _damaged(path, "/blocks", "is missing" if blocks is None else "is not a list of blocks")
    return tuple(_block(path, index, block) for index, block in enumerate(blocks))


def _block(path: Path, index: int, value: object) -> Block:
    if not isinstance(value, dict):
        _damaged(path, f"/blocks/{index}", "is not an object with a field and a text")
    return Block(
        field=_text(path, value, index, "field", required=True),
        source=_text(path, value, index, "source"),
        heading=_text(path, value, index, "heading"),
        text=_text(path, value, index, "text", required=True),
        changed=_flag(path, value, index, "changed"),
        note=_text(path, value, index, "note"),
    )


def _text(path: Path, block: dict[str, object], index: int, key: str, *, required: bool = False) -> str:
    value = block.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        _damaged(path, f"/blocks/{index}/{key}", "is missing" if value is None else "is not text")
    return normalise_newlines(value)


def _flag(path: Path, block: dict[str, object], index: int, key: str) -> bool:
    value = block.get(key, False)
    if not isinstance(value, bool):
        _damaged(path, f"/blocks/{index}/{key}", "is not true or false")
    return value


def _damaged(path: Path, pointer: str, problem: str) -> NoReturn:
    raise CorruptFileError(path, f"is a profile draft, but {pointer} {problem}", _REWRITE)


def _segments(number: int, block: Block) -> Iterator[Segment]:
    section = FIELD_SECTIONS.get(block.field, Section.OTHER)
    for part, value in (("heading", block.heading), ("text", block.text)):
        if value.strip():
            yield Segment(value.strip(), DraftLocation(number, block.field, part), section)


def claim(path: Path, head: bytes, data: bytes | None) -> Format | None:
    """JSON that parses to a profile draft, whatever the file is called."""
    if not decode(head).lstrip().startswith("{"):
        return None
    try:
        loaded = load(path, decode(path.read_bytes() if data is None else data))
    except (CorruptFileError, OSError):
        return None
    return Format.PROFILE_DRAFT if looks_like_draft(loaded) else None


PARSER = Parser((Format.PROFILE_DRAFT,), parse, parse, text=claim)
