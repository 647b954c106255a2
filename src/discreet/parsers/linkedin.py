"""Read a LinkedIn data export (the ZIP or its extracted folder) into a profile document.

Only files that LinkedIn shows on the profile are read (see ``_SPECS``); account data such as
connections, messages and logins is never opened and is listed in the document's notes instead.
Each non-empty cell gives segments located by file, data row (from 1) and column. Free-text cells
(descriptions, summaries, recommendation texts) give one segment per line or bullet: LinkedIn
flattens line breaks into runs of two or more spaces, so those runs, real line breaks and bullet
characters all start a new segment, and every such segment keeps the location of its cell.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from discreet.errors import (
    NoTextError,
    UnsupportedFormatError,
)
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
from discreet.parsers.linkedincsv import Table, read_table
from discreet.parsers.linkedinfiles import PASS_EXPORT, Member, basename, export_members

# CSV row 1 is the first record; the header takes the file's first line.
_HEADER_LINES = 1
# Columns that qualify an entry (its issuer, dates, level) rather than name or describe it.
_DETAIL_COLUMNS = frozenset(
    {"issuer", "publisher", "url", "website", "location", "authority", "started on", "finished on",
     "start date", "end date", "proficiency", "license number", "issued on", "issue date", "published on"}
)  # fmt: skip
_POSITION_COLUMNS = {
    "company name": JobPart.COMPANY,
    "title": JobPart.TITLE,
    "started on": JobPart.START,
    "finished on": JobPart.END,
}


@dataclass(frozen=True, slots=True)
class ExportLocation(Unstructured):
    """A cell of a LinkedIn export CSV; row 1 is the first data row."""

    file: str
    row: int
    column: str

    def describe(self) -> str:
        return f"{self.file} row {self.row}, {self.column}"

    def to_dict(self) -> dict[str, Any]:
        return {"type": "export", "file": self.file, "row": self.row, "column": self.column}

    def place(self) -> Place:
        cell = {"row": self.row, "column": self.column}
        return Place(self.file, self.row + _HEADER_LINES, properties=cell, kind="element", name=self.column)

    def is_detail(self) -> bool:
        """Whether the cell's column qualifies its entry, like a certificate's Authority."""
        return self.column.casefold() in _DETAIL_COLUMNS

    def job_field(self) -> JobField | None:
        """A cell of Positions.csv naming the company, title, start or end of the job on its row."""
        part = _POSITION_COLUMNS.get(self.column.casefold())
        if self.file.casefold() != "positions.csv" or part is None:
            return None
        return JobField((self.file, self.row), part)


@dataclass(frozen=True, slots=True)
class Column:
    """How a known column is read: the section it feeds and whether it is free text."""

    section: Section
    prose: bool = False


@dataclass(frozen=True, slots=True)
class FileSpec:
    """A profile file of the export: its names and how each column is read (None: not on the profile)."""

    name: str
    aliases: tuple[str, ...]
    columns: Mapping[str, Column | None]
    unknown: Column | None
    status: str = ""


def _spec(
    name: str,
    section: Section,
    plain: Iterable[str] = (),
    prose: Iterable[str] = (),
    aliases: Iterable[str] = (),
    status: str = "",
) -> FileSpec:
    columns: dict[str, Column | None] = {c.casefold(): Column(section) for c in plain}
    columns |= {c.casefold(): Column(section, prose=True) for c in prose}
    return FileSpec(name, (name, *aliases), columns, Column(section, prose=True), status)


_CONTACT, _SUMMARY, _OTHER = Section.CONTACT, Section.SUMMARY, Section.OTHER
_PROFILE = FileSpec(
    "Profile.csv",
    ("Profile.csv",),
    {
        "first name": Column(_CONTACT),
        "last name": Column(_CONTACT),
        "maiden name": Column(_CONTACT),
        "headline": Column(_SUMMARY),
        "summary": Column(_SUMMARY, prose=True),
        "industry": Column(_OTHER),
        "geo location": Column(_CONTACT),
        "country": Column(_CONTACT),
        "twitter handles": Column(_CONTACT),
        "websites": Column(_CONTACT),
        "instant messengers": Column(_CONTACT),
        "address": None,
        "birth date": None,
        "zip code": None,
        "contact instructions": None,
    },
    unknown=None,
)
_DATES = ("Started On", "Finished On")
_RECOMMENDATION = ("First Name", "Last Name", "Company", "Job Title", "Creation Date")

# Reading order of the document, roughly the order of a profile page.
_SPECS: tuple[FileSpec, ...] = (
    _PROFILE,
    _spec("Profile Summary.csv", _SUMMARY, prose=["Profile Summary"]),
    _spec(
        "Positions.csv", Section.EXPERIENCE, ["Company Name", "Title", "Location", *_DATES], ["Description"]
    ),
    _spec(
        "Volunteering.csv",
        Section.EXPERIENCE,
        ["Company Name", "Role", "Cause", *_DATES],
        ["Description"],
        aliases=["Volunteer Experiences.csv"],
    ),
    _spec(
        "Education.csv",
        Section.EDUCATION,
        ["School Name", "Start Date", "End Date", "Degree Name"],
        ["Notes", "Activities"],
    ),
    _spec("Courses.csv", Section.EDUCATION, ["Name", "Number"]),
    _spec("Skills.csv", Section.SKILLS, ["Name"]),
    _spec("Languages.csv", Section.SKILLS, ["Name", "Proficiency"]),
    _spec(
        "Projects.csv",
        Section.PROJECTS,
        ["Title", "Url", *_DATES, "Start Date", "End Date"],
        ["Description"],
    ),
    _spec("Honors.csv", Section.AWARDS, ["Title", "Issuer", "Issued On", "Issue Date"], ["Description"]),
    _spec(
        "Publications.csv",
        Section.PUBLICATIONS,
        ["Name", "Published On", "Publisher", "Url"],
        ["Description"],
    ),
    _spec("Patents.csv", Section.PUBLICATIONS),
    _spec(
        "Certifications.csv",
        Section.CERTIFICATIONS,
        ["Name", "Url", "Authority", *_DATES, "License Number"],
    ),
    _spec(
        "Test Scores.csv",
        _OTHER,
        ["Name", "Score", "Tested On"],
        ["Description"],
        aliases=["TestScores.csv"],
    ),
    _spec("Organizations.csv", _OTHER, ["Name", "Position", *_DATES], ["Description"]),
    _spec("Causes You Care About.csv", _OTHER, ["Supported Cause"]),
    _spec("Interests.csv", _OTHER),
    # Recommendations are endorsements the profile shows by design, not referees' contact
    # details, so they do not take the never-public References section.
    _spec(
        "Recommendations_Received.csv",
        _OTHER,
        _RECOMMENDATION,
        ["Text"],
        aliases=["Recommendations Received.csv", "Recommendations.csv"],
        status="Status",
    ),
    _spec(
        "Recommendations_Given.csv",
        _OTHER,
        _RECOMMENDATION,
        ["Text"],
        aliases=["Recommendations Given.csv"],
        status="Status",
    ),
)
_BY_KEY = {alias.casefold(): spec for spec in _SPECS for alias in spec.aliases}

_ACCOUNT_FILES = frozenset(
    name.casefold()
    for name in (
        "Connections.csv", "messages.csv", "coach_messages.csv", "learning_coach_messages.csv",
        "learning_role_play_messages.csv", "LearningCoachMessages.csv", "Email Addresses.csv",
        "PhoneNumbers.csv", "Phone Numbers.csv", "Whatsapp Phone Numbers.csv", "Invitations.csv",
        "Contacts.csv", "Imported Contacts.csv", "ImportedContacts.csv", "Registration.csv",
        "Receipts.csv", "Receipts_v2.csv", "Verifications.csv", "Private_identity_asset.csv",
        "Logins.csv", "Security Challenges.csv", "Account Status History.csv", "Ad Targeting.csv",
        "Ad_Targeting.csv", "Ads Clicked.csv", "LAN Ads Engagement.csv", "Inferences_about_you.csv",
        "Search Queries.csv", "SearchQueries.csv", "Saved_Items.csv", "Learning.csv", "Saved Jobs.csv",
        "Job Applications.csv", "Job Seeker Preferences.csv", "SavedJobAlerts.csv", "Events.csv",
        "Job Applicant Saved Screening Question Responses.csv", "Job Applicant Saved Answers.csv",
        "Online Job Postings.csv",
    )
)  # fmt: skip
_ACTIVITY_FILES = frozenset(
    name.casefold()
    for name in (
        "Shares.csv", "Comments.csv", "Reactions.csv", "Votes.csv", "InstantReposts.csv",
        "Member_Follows.csv", "Company Follows.csv", "Member Hashtags.csv", "Rich Media.csv",
        "Rich_Media.csv", "Videos.csv", "Endorsement_Received_Info.csv", "Endorsement_Given_Info.csv",
    )
)  # fmt: skip
_ACCOUNT_REASON = "account data, not shown on the profile — skipped"
_ACTIVITY_REASON = "activity, media or endorsements, not a profile section — skipped"
_UNKNOWN_REASON = "not a LinkedIn profile file — skipped"
# 2025-26 activity files carry the member id (Comments_1158443584.csv); 2024 numbers copies (_1).
_ID_SUFFIX = re.compile(r"_\d+(?=\.csv$)")
_BULLETS = "•▪●◦‣"
_PIECE = re.compile(rf"(?:[{_BULLETS}][ \t]*)?(?:(?![{_BULLETS}]|[ \t]{{2,}}|[\r\n]).)+")


def looks_like_export(names: Iterable[str]) -> bool:
    """Tell whether member or file names hold a LinkedIn export: Profile or Positions plus another."""
    files = [name.replace("\\", "/") for name in names if not name.endswith(("/", "\\"))]
    keys = {_key(name) for name in files}
    known = keys & (_BY_KEY.keys() | _ACCOUNT_FILES | _ACTIVITY_FILES)
    # Profile.csv sits at the top, or in one wrapping folder; deeper down (beside other
    # documents) it is an export inside a folder of resumes, not the export itself.
    depth = 0 if any("/" not in name for name in files) else 1
    anchors = {_key(name) for name in files if name.count("/") <= depth} & {"profile.csv", "positions.csv"}
    return bool(anchors) and len(known) >= 2


def parse(path: Path, limits: Limits) -> Document:
    """Read the public profile files of a LinkedIn export ZIP or folder."""
    segments: list[Segment] = []
    with export_members(path, limits) as members:
        chosen, notes = _choose(members)
        if not chosen and not _any_known(members):
            raise UnsupportedFormatError(
                path,
                "holds no LinkedIn export files (expected Profile.csv, Positions.csv, Education.csv, …)",
                PASS_EXPORT,
            )
        for spec, member in chosen:
            table = read_table(member.read(), f"{path}/{member.path}")
            found, remarks = _table_segments(spec, member, table)
            segments += found
            notes += remarks
    if not segments:
        raise NoTextError(
            path,
            "the LinkedIn export holds no profile text (Profile.csv, Positions.csv and the other "
            "profile files are missing or empty)",
            "request the export again with your profile data included, or pass the complete archive",
        )
    return build_document(path, DocumentKind.PROFILE, Format.LINKEDIN_EXPORT, segments, notes)


def _table_segments(spec: FileSpec, member: Member, table: Table) -> tuple[list[Segment], list[str]]:
    notes = (
        [f"{member.path}: not UTF-8 or UTF-16, read as Windows-1252"] if table.encoding == "cp1252" else []
    )
    known = [name for name in table.header if spec.columns.get(name.casefold())]
    if spec.columns and not known and any(table.rows):
        return [], [*notes, f"{member.path}: columns do not match LinkedIn's {spec.name} — skipped"]
    columns = _columns(spec, table.header)
    status = _index(table.header, spec.status)
    hidden: Counter[str] = Counter()
    segments: list[Segment] = []
    for number, row in enumerate(table.rows, start=1):
        state = row[status].strip().upper() if status is not None and status < len(row) else ""
        if state not in ("", "VISIBLE"):
            hidden[state] += 1
            continue
        for index, name, column in columns:
            for text in _texts(row[index] if index < len(row) else "", column.prose):
                segments.append(Segment(text, ExportLocation(member.name, number, name), column.section))
    notes += [
        f"{member.path}: {count} rows with status {state}, not shown on the profile — skipped"
        for state, count in sorted(hidden.items())
    ]
    unread = [name for i, name in enumerate(table.header) if _has_values(table, i)]
    private = [name for name in unread if _unread(spec, name) == "private"]
    unknown = [name for name in unread if _unread(spec, name) == "unknown"]
    if private:
        notes.append(f"{member.path} columns {', '.join(private)}: not shown on the profile — not read")
    if unknown:
        notes.append(f"{member.path} columns {', '.join(unknown)}: not known LinkedIn columns — not read")
    return segments, notes


def _columns(spec: FileSpec, header: tuple[str, ...]) -> list[tuple[int, str, Column]]:
    chosen = []
    for index, name in enumerate(header):
        column = spec.columns.get(name.casefold(), spec.unknown) if name else None
        if column is not None and name.casefold() != spec.status.casefold():
            chosen.append((index, name, column))
    return chosen


def _unread(spec: FileSpec, name: str) -> str:
    """Say why a column is not read: "private", "unknown", or "" when it is read."""
    key = name.casefold()
    if not key or key == spec.status.casefold():
        return ""
    if key in spec.columns:
        return "private" if spec.columns[key] is None else ""
    return "unknown" if spec.unknown is None else ""


def _index(header: tuple[str, ...], name: str) -> int | None:
    keys = [column.casefold() for column in header]
    return keys.index(name.casefold()) if name and name.casefold() in keys else None


def _has_values(table: Table, index: int) -> bool:
    return any(index < len(row) and row[index].strip() for row in table.rows)


def _texts(value: str, prose: bool) -> list[str]:
    """Split a cell into segment texts: one for a plain cell, one per line or bullet for prose."""
    value = html.unescape(value)
    if not prose:
        text = " ".join(value.split())
        return [text] if text else []
    pieces = (match.group().strip() for match in _PIECE.finditer(value))
    return [piece for piece in pieces if any(char.isalnum() for char in piece)]


def _key(name: str) -> str:
    return _ID_SUFFIX.sub("", basename(name).casefold())


def _any_known(members: list[Member]) -> bool:
    return any(_key(m.path) in _ACCOUNT_FILES | _ACTIVITY_FILES for m in members)


def _choose(members: list[Member]) -> tuple[list[tuple[FileSpec, Member]], list[str]]:
    """Pick the member to read for each profile file; give a note for every other file."""
    first: dict[str, Member] = {}
    notes: list[str] = []
    for member in sorted(members, key=lambda m: (m.path.count("/"), m.path)):
        spec = _BY_KEY.get(_key(member.path))
        if spec is not None and spec.name not in first:
            first[spec.name] = member
        elif spec is not None:
            notes.append(f"{member.path}: another copy of {first[spec.name].path} — skipped")
        elif not _is_junk(member.path):
            notes.append(f"{member.path}: {_skip_reason(member.path)}")
    notes.sort()
    return [(spec, first[spec.name]) for spec in _SPECS if spec.name in first], notes


def _skip_reason(path: str) -> str:
    key = _key(path)
    if key in _ACCOUNT_FILES:
        return _ACCOUNT_REASON
    if key in _ACTIVITY_FILES or "articles" in path.casefold().split("/")[:-1]:
        return _ACTIVITY_REASON
    return _UNKNOWN_REASON


def _is_junk(path: str) -> bool:
    parts = path.split("/")
    return parts[0] == "__MACOSX" or parts[-1].startswith("._") or parts[-1] == ".DS_Store"


PARSER = Parser(
    (Format.LINKEDIN_EXPORT,),
    parse,
    suffixes=frozenset({".zip"}),
    misnamed=(".zip", "is not a ZIP archive (no ZIP header)", "download or save it again"),
    members=looks_like_export,
    folders=True,
)
