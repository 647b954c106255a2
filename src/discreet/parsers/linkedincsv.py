"""Read one CSV file of a LinkedIn export: its encoding, LinkedIn's preamble, its rows and fields."""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass

from discreet.errors import (
    CorruptFileError,
    TooLargeError,
)

REDOWNLOAD = (
    "download the export again from LinkedIn (Settings & Privacy → Data privacy → Get a copy of your data)"
)
# LinkedIn caps its longest fields (summaries, posts, recommendations) at a few thousand
# characters; a million leaves room for any export and stops a 10 MB field before detection.
MAX_FIELD_CHARS = 2**20
_BLANK_LINES = re.compile(r"(?:[ \t,]*(?:\r\n|\r|\n))*")
_PREAMBLE_END = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)")
_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Table:
    """A decoded export CSV: header, data rows, and the encoding and delimiter it used."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    encoding: str
    delimiter: str


def read_table(data: bytes, source: str) -> Table:
    """Decode one export CSV: sniff BOM and delimiter, skip a `Notes:` preamble, parse RFC 4180."""
    text, encoding = _decode(data, source)
    start = _header_start(text)
    line_end = _LINE_END.search(text, start)
    header_line = text[start : line_end.start() if line_end else len(text)]
    delimiter = "\t" if header_line.count("\t") > header_line.count(",") else ","
    rows = split_rows(text[start:], delimiter)
    if rows is None:
        try:
            reader = csv.reader(io.StringIO(text[start:], newline=""), delimiter=delimiter)
            rows = [list(row) for row in reader]
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise _field_too_long(source) from exc
            raise CorruptFileError(source, f"is not a readable CSV file ({exc})", REDOWNLOAD) from exc
    if any(len(cell) > MAX_FIELD_CHARS for row in rows for cell in row):
        raise _field_too_long(source)
    header = tuple(name.strip() for name in rows[0]) if rows else ()
    return Table(header, tuple(tuple(row) for row in rows[1:]), encoding, delimiter)


def split_rows(text: str, delimiter: str) -> list[list[str]] | None:
    """Split well-formed RFC 4180 text into rows as csv.reader does; None for anything else.

    csv.reader refuses a field past csv.field_size_limit(), which is process-wide state: raising
    it for a long summary would change every other reader, so well-formed files (LinkedIn's are)
    are split here and bounded by MAX_FIELD_CHARS, and only malformed ones go to csv.reader.
    """
    field = _FIELDS[delimiter]
    rows: list[list[str]] = []
    position, end = 0, len(text)
    while position < end:
        row: list[str] = []
        if text[position] not in "\r\n":
            while (match := field.match(text, position)) is not None:
                quoted, plain = match.groups()
                row.append(plain if quoted is None else quoted.replace('""', '"'))
                position = match.end()
                if position == end or text[position] != delimiter:
                    break
                position += 1
            else:
                return None
        rows.append(row)
        position += 2 if text.startswith("\r\n", position) else 1
    return rows


def _field_pattern(delimiter: str) -> re.Pattern[str]:
    """A quoted field ("" for a quote) or a plain one, either ending at a delimiter or a line end."""
    ends = rf"(?={re.escape(delimiter)}|[\r\n]|\Z)"
    return re.compile(rf'"([^"]*(?:""[^"]*)*)"{ends}|([^{re.escape(delimiter)}"\r\n]*){ends}')


_FIELDS = {delimiter: _field_pattern(delimiter) for delimiter in (",", "\t")}


def _field_too_long(source: str) -> TooLargeError:
    return TooLargeError(
        source,
        f"has a field longer than {MAX_FIELD_CHARS:,} characters, far past any LinkedIn profile field",
        "check that this is LinkedIn's export, or remove that file from it",
    )


def _decode(data: bytes, source: str) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif data[1:2] == b"\x00":
        encoding = "utf-16-le"
    elif data[:1] == b"\x00":
        encoding = "utf-16-be"
    else:
        encoding = "utf-8"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        if encoding != "utf-8":
            raise CorruptFileError(
                source, f"is not valid {encoding.upper()} text ({exc.reason})", REDOWNLOAD
            ) from exc
    # A file re-saved by a spreadsheet on Windows; every byte decodes, unknown ones as U+FFFD.
    return data.decode("cp1252", errors="replace"), "cp1252"


def _header_start(text: str) -> int:
    """Return the offset of the header line, past a `Notes:` preamble and blank lines."""
    position = 0
    first_line = _LINE_END.split(text, maxsplit=1)[0]
    if first_line.strip().strip(',"').casefold() == "notes:":
        end = _PREAMBLE_END.search(text)
        position = end.end() if end else len(text)
    blank = _BLANK_LINES.match(text, position)
    return blank.end() if blank else position
