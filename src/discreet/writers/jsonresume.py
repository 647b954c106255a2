"""The safe copy of a JSON Resume: each edited value replaced, or its key or list item left out."""

from __future__ import annotations

import json
from typing import Any

from discreet.fixplan import Edit
from discreet.model import Document
from discreet.parsers.jsonresume import JsonLocation
from discreet.parsers.text import decode
from discreet.writers.copy import Copy


def write(document: Document, original: bytes, edits: tuple[Edit, ...], tracked: bool) -> Copy:
    """The JSON Resume with each edit made in the value holding it, indented as the original was."""
    source = decode(original)
    data = json.loads(source)
    removals: list[tuple[Any, str | int]] = []
    for edit in edits:
        segment = document.segment_at(edit.start)
        location = segment.location
        assert isinstance(location, JsonLocation)  # a JSON Resume's segments are located by pointer
        parent, key = _parent(data, location.pointer)
        value = (
            segment.text[: edit.start - segment.start] + edit.text + segment.text[edit.end - segment.start :]
        )
        if value.strip():
            parent[key] = value
        else:
            removals.append((parent, key))
    # Later list items first, so that leaving one out does not move the others.
    for parent, key in sorted(removals, key=lambda r: r[1] if isinstance(r[1], int) else -1, reverse=True):
        del parent[key]
    indent = 2 if "\n" in source.strip() else None
    text = json.dumps(data, ensure_ascii=False, indent=indent) + ("\n" if source.endswith("\n") else "")
    return Copy(text.encode("utf-8"))


def _parent(data: Any, pointer: str) -> tuple[Any, str | int]:
    """The container holding the value a JSON pointer names, and its key or index there."""
    keys = [k.replace("~1", "/").replace("~0", "~") for k in pointer.split("/")[1:]]
    node = data
    for key in keys[:-1]:
        node = node[int(key)] if isinstance(node, list) else node[key]
    last = keys[-1]
    return node, int(last) if isinstance(node, list) else last
