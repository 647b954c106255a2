"""What each format's location says about its neighbours and fields, as the comparison asks it."""

from __future__ import annotations

import pytest

from discreet.model import JobField, JobPart, Location, Place
from discreet.parsers.docxlocation import DocxLocation, DocxPart
from discreet.parsers.jsonresume import JsonLocation
from discreet.parsers.linkedin import ExportLocation
from discreet.parsers.pdf import PdfLocation
from discreet.parsers.text import TextLocation


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
    ("location", "detail"),
    [
        (JsonLocation("/work/0/startDate"), True),
        (JsonLocation("/certificates/1/issuer"), True),
        (JsonLocation("/work/2/highlights/1"), False),
        (JsonLocation("/work/2/name"), False),
        (ExportLocation("Certifications.csv", 1, "Authority"), True),
        (ExportLocation("Positions.csv", 1, "Started On"), True),
        (ExportLocation("Certifications.csv", 1, "Name"), False),
        (TextLocation(4), False),
        (PdfLocation(1, 2), False),
        (DocxLocation(DocxPart.TABLE, 1, table=1, row=1, cell=2), False),
    ],
)
def test_a_location_knows_whether_it_qualifies_an_entry(location: Location, detail: bool) -> None:
    assert location.is_detail() is detail


@pytest.mark.parametrize(
    ("location", "job"),
    [
        (ExportLocation("Positions.csv", 3, "Company Name"), JobField(("Positions.csv", 3), JobPart.COMPANY)),
        (ExportLocation("positions.csv", 1, "finished on"), JobField(("positions.csv", 1), JobPart.END)),
        (ExportLocation("Positions.csv", 3, "Description"), None),
        (ExportLocation("Volunteering.csv", 1, "Company Name"), None),
        (JsonLocation("/work/2/name"), JobField(("work", 2), JobPart.COMPANY)),
        (JsonLocation("/work/0/position"), JobField(("work", 0), JobPart.TITLE)),
        (JsonLocation("/work/0/startDate"), JobField(("work", 0), JobPart.START)),
        (JsonLocation("/work/0/highlights/0"), None),
        (JsonLocation("/volunteer/0/startDate"), None),
        (TextLocation(2), None),
        (PdfLocation(1, 2), None),
        (
            PdfLocation(1, 2, job=JobField(("Experience", 0), JobPart.DATES)),
            JobField(("Experience", 0), JobPart.DATES),
        ),
    ],
)
def test_a_location_names_the_job_field_it_holds(location: Location, job: JobField | None) -> None:
    assert location.job_field() == job


@pytest.mark.parametrize(
    ("location", "offset", "narrowed"),
    [
        (TextLocation(3), 6, TextLocation(3, 7)),
        (TextLocation(3, 5), -1, TextLocation(3, 5)),
        (PdfLocation(1, 2), 6, PdfLocation(1, 2)),
        (JsonLocation("/basics/name"), 3, JsonLocation("/basics/name")),
    ],
)
def test_only_a_text_location_narrows_to_a_column(
    location: Location, offset: int, narrowed: Location
) -> None:
    assert location.at(offset) == narrowed


def test_a_first_table_cell_labels_the_rest_of_its_row() -> None:
    label = DocxLocation(DocxPart.TABLE, 1, table=2, row=3, cell=1)
    assert label.labels_row_of(DocxLocation(DocxPart.TABLE, 1, table=2, row=3, cell=2))
    assert not label.labels_row_of(DocxLocation(DocxPart.TABLE, 1, table=2, row=4, cell=2))
    assert not DocxLocation(DocxPart.TABLE, 1, table=2, row=3, cell=2).labels_row_of(
        DocxLocation(DocxPart.TABLE, 2, table=2, row=3, cell=2)
    )
    assert not TextLocation(1).labels_row_of(TextLocation(2))


@pytest.mark.parametrize(
    ("location", "place"),
    [
        (TextLocation(4, 9), Place(line=4, column=9)),
        (
            PdfLocation(2, 7),
            Place(extracted=True, properties={"page": 2, "line": 7}, kind="page", name="page 2"),
        ),
        (
            DocxLocation(DocxPart.TABLE, 1, table=2, row=3, cell=1),
            Place(
                extracted=True,
                properties={"part": "table", "paragraph": 1, "table": 2, "row": 3, "cell": 1},
                kind="element",
                name="table",
            ),
        ),
        (
            ExportLocation("Positions.csv", 3, "Title"),
            Place("Positions.csv", 4, properties={"row": 3, "column": "Title"}, kind="element", name="Title"),
        ),
        (JsonLocation("/work/0/highlights/2"), Place(kind="value", name="2")),
    ],
)
def test_a_location_says_where_a_viewer_finds_it_without_any_text(location: Location, place: Place) -> None:
    assert location.place() == place
