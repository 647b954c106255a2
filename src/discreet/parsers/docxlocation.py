"""Where in a Word file a piece of text lives: its part, paragraph and table cell."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from discreet.model import Location, Place, Unstructured


class DocxPart(StrEnum):
    """Where in a Word file a piece of text lives."""

    BODY = "body"
    TABLE = "table"
    HEADER = "header"
    FOOTER = "footer"
    TEXT_BOX = "text box"
    COMMENT = "comment"
    FOOTNOTE = "footnote"
    ENDNOTE = "endnote"
    PROPERTIES = "properties"


@dataclass(frozen=True, slots=True)
class DocxLocation(Unstructured):
    """A paragraph of a Word file; table cells add table, row and cell (all from 1)."""

    part: DocxPart
    paragraph: int
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    detail: str = ""

    def describe(self) -> str:
        if self.part is DocxPart.TABLE:
            where = f"table {self.table} row {self.row} cell {self.cell} paragraph {self.paragraph}"
        elif self.part is DocxPart.PROPERTIES:
            where = f"document properties, {self.detail}"
        else:
            where = f"{self.part.value} paragraph {self.paragraph}"
            if self.part is DocxPart.BODY:
                where = f"paragraph {self.paragraph}"
        if self.detail and self.part is not DocxPart.PROPERTIES:
            where += f" ({self.detail})"
        return where

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": "docx", "part": self.part.value, "paragraph": self.paragraph}
        for key in ("table", "row", "cell"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        if self.detail:
            data["detail"] = self.detail
        return data

    def place(self) -> Place:
        part = {key: value for key, value in self.to_dict().items() if key != "type"}
        return Place(extracted=True, properties=part, kind="element", name=self.part.value)

    def labels_row_of(self, following: Location) -> bool:
        """Whether this is a row's first table cell and following lies further along the same row."""
        return (
            self.part is DocxPart.TABLE
            and self.cell == 1
            and isinstance(following, DocxLocation)
            and (following.table, following.row) == (self.table, self.row)
        )
