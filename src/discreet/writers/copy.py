"""What a writer returns: the copy's bytes, what it removed beside the edits, and what it could not do."""

from __future__ import annotations

from dataclasses import dataclass

from discreet.fixplan import Edit, left_out
from discreet.model import Destination, Document


@dataclass(frozen=True, slots=True)
class Skipped:
    """An edit a writer could not make, where it is and why, so that a person makes it."""

    edit: Edit
    where: str
    reason: str


@dataclass(frozen=True, slots=True)
class Copy:
    """The bytes of a safe copy; scrubbed says what it removed that no edit named ("2 comments removed").

    tracked counts the edits written as tracked changes for a person to review in Word; until they
    are accepted the copy still holds the text they delete.
    """

    data: bytes
    scrubbed: tuple[str, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    tracked: int = 0


def summary(
    copy: Copy, edits: tuple[Edit, ...], document: Document, kept: int, destination: Destination
) -> list[str]:
    """The lines fix prints: how many spans each action took, what was scrubbed, what it could not do."""
    skipped = {item.edit for item in copy.skipped}
    made = [edit for edit in edits if edit not in skipped]
    removed = sum(1 for edit in made if left_out(edit))
    lines = [
        f"{len(made) - removed} rewritten, {removed} left out, {kept} findings kept "
        f"(fine for {destination.value})"
    ]
    if copy.scrubbed:
        lines.append("  scrubbed as Word's Inspect Document does: " + ", ".join(copy.scrubbed))
    if copy.tracked:
        lines.append(
            f"  {copy.tracked} edits are tracked changes: the copy holds the old text until you accept them "
            "in Word (Review > Accept All)"
        )
    lines += [f"  not fixed at {item.where}: {item.reason}" for item in copy.skipped]
    return lines


def needs_person(copy: Copy) -> bool:
    """Whether a person must act on the copy before it is safe: edits left undone or changes to accept."""
    return bool(copy.skipped or copy.tracked)
