"""What each format's location says about its neighbours and fields, as the comparison asks it."""

from __future__ import annotations

import pytest

from discreet.model import (
    DocxLocation,
    DocxPart,
    ExportLocation,
    JsonLocation,
    Location,
    PdfLocation,
    TextLocation,
)


@pytest.mark.parametrize(
    ("previous", "current", "follows"),
    [
        (TextLocation(3), TextLocation(4, 7), True),
        (TextLocation(3), TextLocation(5), False),
        (PdfLocation(1, 9), PdfLocation(1, 10), True),
        (PdfLocation(1, 40), PdfLocation(2, 1), True),
        (PdfLocation(1, 40), PdfLocation(2, 2), False),
        (TextLocation(1), PdfLocation(1, 2), False),
        (DocxLocation(DocxPart.BODY, 1), DocxLocation(DocxPart.BODY, 2), False),
        (ExportLocation("Positions.csv", 1, "Title"), ExportLocation("Positions.csv", 2, "Title"), False),
    ],
)
def test_a_location_knows_whether_it_continues_the_previous_line(
    previous: Location, current: Location, follows: bool
) -> None:
    assert current.follows(previous) is follows


@pytest.mark.parametrize(
    ("location", "field"),
    [
        (JsonLocation("/work/0/startDate"), "startDate"),
        (JsonLocation("/work/2/highlights/1"), "highlights"),
        (ExportLocation("Certifications.csv", 1, "Authority"), "Authority"),
        (TextLocation(4), ""),
        (PdfLocation(1, 2), ""),
    ],
)
def test_a_location_names_its_structured_field(location: Location, field: str) -> None:
    assert location.field() == field


def test_a_first_table_cell_labels_the_rest_of_its_row() -> None:
    label = DocxLocation(DocxPart.TABLE, 1, table=2, row=3, cell=1)
    assert label.labels_row_of(DocxLocation(DocxPart.TABLE, 1, table=2, row=3, cell=2))
    assert not label.labels_row_of(DocxLocation(DocxPart.TABLE, 1, table=2, row=4, cell=2))
    assert not DocxLocation(DocxPart.TABLE, 1, table=2, row=3, cell=2).labels_row_of(
        DocxLocation(DocxPart.TABLE, 2, table=2, row=3, cell=2)
    )
    assert not TextLocation(1).labels_row_of(TextLocation(2))
