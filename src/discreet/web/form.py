"""Read the page's multipart form as it streams in: files kept in memory within the upload limit."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

from discreet.errors import DiscreetError, TooLargeError, UsageError
from discreet.web.security import MAX_DRAINED_BYTES
from discreet.web.uploads import Upload

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks

FILES = frozenset({"resume", "profile"})
FIELDS = frozenset({"private_terms", "public_terms", "for"})
# Terms lists and choices are short: a field past this is not one the page sends.
MAX_FIELD_BYTES = 2**20
# Past this many parts a form is not the page's, whatever the names.
MAX_PARTS = 16
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\]")


class FormError(UsageError):
    """A request that is not the page's form: the wrong content type, a missing resume, a bad field."""


class UploadTooLargeError(TooLargeError):
    """A file past the server's upload limit."""


@dataclass(frozen=True, slots=True)
class Form:
    """The files and text fields of one request, by field name."""

    files: dict[str, Upload]
    fields: dict[str, str]

    def file(self, name: str) -> Upload | None:
        """The uploaded file of a field, None when no file was chosen."""
        return self.files.get(name)

    def text(self, name: str, default: str = "") -> str:
        """A text field's value, default when absent."""
        return self.fields.get(name, default)


async def read_form(content_type: str | None, body: AsyncIterator[bytes], limit: int) -> Form:
    """Parse a multipart body chunk by chunk; a file past limit bytes stops it with UploadTooLargeError."""
    kind, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise FormError("send the page's form (multipart/form-data) with a resume file; see API.md")
    parts = _Parts(limit)
    parser = MultipartParser(boundary, parts.callbacks())
    try:
        async for chunk in body:
            parser.write(chunk)
        parser.finalize()
    except DiscreetError:
        await _drain(body)
        raise
    except FormParserError as error:
        await _drain(body)
        raise FormError("the form could not be read (broken multipart data); reload the page") from error
    return Form(parts.files, parts.fields)


async def _drain(body: AsyncIterator[bytes]) -> None:
    """Read what remains of a refused body: a browser still sending cannot read the answer."""
    drained = 0
    async for chunk in body:
        drained += len(chunk)
        if drained > MAX_DRAINED_BYTES:
            return


@dataclass(slots=True)
class _Part:
    """The part being read: its headers so far, then its name, file name and bytes."""

    header: bytearray = field(default_factory=bytearray)
    value: bytearray = field(default_factory=bytearray)
    disposition: bytes = b""
    name: str = ""
    filename: str | None = None


class _Parts:
    """The parser's callbacks: collect each part, refusing one that grows past its limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.files: dict[str, Upload] = {}
        self.fields: dict[str, str] = {}
        self.part = _Part()
        self.count = 0

    def callbacks(self) -> MultipartCallbacks:
        return {
            "on_part_begin": self.begin,
            "on_header_field": self.header_field,
            "on_header_value": self.header_value,
            "on_header_end": self.header_end,
            "on_headers_finished": self.headers_finished,
            "on_part_data": self.data,
            "on_part_end": self.end,
        }

    def begin(self) -> None:
        self.count += 1
        if self.count > MAX_PARTS:
            raise FormError(f"the form has more than {MAX_PARTS} parts; send the page's form")
        self.part = _Part()

    def header_field(self, data: bytes, start: int, end: int) -> None:
        self.part.header += data[start:end]

    def header_value(self, data: bytes, start: int, end: int) -> None:
        if bytes(self.part.header).lower() == b"content-disposition":
            self.part.disposition += data[start:end]

    def header_end(self) -> None:
        self.part.header = bytearray()

    def headers_finished(self) -> None:
        _kind, options = parse_options_header(self.part.disposition)
        self.part.name = options.get(b"name", b"").decode("utf-8", "replace")
        filename = options.get(b"filename")
        self.part.filename = None if filename is None else filename.decode("utf-8", "replace")

    def data(self, data: bytes, start: int, end: int) -> None:
        part = self.part
        part.value += data[start:end]
        if part.filename is not None and len(part.value) > self.limit:
            raise UploadTooLargeError(
                _file_name(part.filename, part.name),
                f"is over the {self.limit / 2**20:g} MB upload limit",
                "start discreet serve with a larger --max-upload-mb",
            )
        if part.filename is None and len(part.value) > MAX_FIELD_BYTES:
            raise FormError(f"the form field {part.name} is over {MAX_FIELD_BYTES // 2**20} MB")

    def end(self) -> None:
        part = self.part
        if part.filename is not None and part.name in FILES and (part.filename or part.value):
            self.files[part.name] = Upload(_file_name(part.filename, part.name), bytes(part.value))
        elif part.filename is None and part.name in FIELDS:
            self.fields[part.name] = _decoded(part)


def _decoded(part: _Part) -> str:
    try:
        return bytes(part.value).decode("utf-8")
    except UnicodeDecodeError as error:
        raise FormError(f"the form field {part.name} is not UTF-8 text") from error


def _file_name(raw: str, field_name: str) -> str:
    """The last component of the name the browser sent, with no separators or control characters."""
    # NOTE: browsers send a file name's quote and line breaks as %22, %0A and %0D (the HTML standard).
    raw = raw.replace("%22", '"').replace("%0A", "\n").replace("%0D", "\r")
    name = _UNSAFE_NAME.sub("", re.split(r"[/\\]", raw)[-1]).strip()[-120:]
    return name if name.strip(".") else field_name
