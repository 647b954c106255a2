"""Show a document's text as the rules see it, marked with sections and locations."""

from __future__ import annotations

from discreet.model import Document, Section


def extract_view(document: Document, *, locations: bool = False) -> str:
    """The document's text segment by segment, with a marker where a section starts."""
    lines = [f"# {document.path} ({document.kind.value}, {document.format.value})"]
    lines.extend(f"# note: {note}" for note in document.notes)
    current: Section | None = None
    for segment in document.segments:
        if segment.section is not current:
            current = segment.section
            lines.append(f"=== {current.value} ===")
        prefix = f"[{segment.location.describe()}] " if locations else ""
        hidden = "(hidden) " if segment.hidden else ""
        lines.append(f"{prefix}{hidden}{segment.text}")
    return "\n".join(lines) + "\n"
