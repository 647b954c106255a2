"""LinkedIn exports: exact cells from every corpus export, ZIP equals folder, hostile archives refused."""

from __future__ import annotations

import codecs
import shutil
import zipfile
from pathlib import Path

import pytest

from discreet.errors import (
    CorruptFileError,
    EncryptedError,
    InputError,
    NoTextError,
    TooLargeError,
    UnsupportedFormatError,
)
from discreet.model import Document, DocumentKind, Format, Limits, Section
from discreet.parsers import linkedin, linkedincsv
from discreet.parsers.linkedin import ExportLocation

EXPORTS = Path("corpus/profiles/linkedin-export")
Y2018 = "abhishekwebcode-Complete_LinkedInDataExport_11-04-2018"
Y2023 = "mohamedeways-Basic_LinkedInDataExport_07-11-2023"
Y2023_WEST = "robertdavidwest-2023"
Y2024 = "Feynman10-Proile-2024"
Y2026 = "theshreyansh-2026"
Y2026_AHAAN = "ahaan0712-2026"
CSV_EXPORTS = [Y2018, Y2023, Y2023_WEST, Y2024, Y2026, Y2026_AHAAN]
PROFILE_FILES = {
    "Profile.csv", "Profile Summary.csv", "Positions.csv", "Education.csv", "Courses.csv", "Skills.csv",
    "Languages.csv", "Projects.csv", "Honors.csv", "Publications.csv", "Certifications.csv",
    "Organizations.csv", "Causes You Care About.csv", "Recommendations_Received.csv",
    "Recommendations_Given.csv",
}  # fmt: skip
ACCOUNT = "account data, not shown on the profile — skipped"
ACTIVITY = "activity, media or endorsements, not a profile section — skipped"

# (export, file, data row, column, section, exact segment texts of that cell)
CELLS = [
    (Y2018, "Profile.csv", 1, "Headline", Section.SUMMARY,
     ["An all-star programmed shipped with testing, code reviews and debugging"]),
    (Y2018, "Profile.csv", 1, "Country", Section.CONTACT, ["India"]),
    (Y2018, "Profile.csv", 1, "Websites", Section.CONTACT,
     ["PORTFOLIO:http://allsocial.gear.host, PORTFOLIO:https://codefights.com/profile/abhishekwebcode/"]),
    (Y2018, "Profile.csv", 1, "Birth Date", Section.CONTACT, []),
    (Y2018, "Positions.csv", 2, "Location", Section.EXPERIENCE, ["Ghāziābād Area, India"]),
    (Y2018, "Projects.csv", 1, "Start Date", Section.PROJECTS, ["Aug 2016"]),
    (Y2018, "Honors.csv", 1, "Issue Date", Section.AWARDS, ["Aug 2018"]),
    (Y2018, "Honors.csv", 3, "Description", Section.AWARDS, [
        "I was a part of Margdarshak that aims to assist people with navigation by making their shoes "
        "and cap - device aware",
        "It is clubbed with an app to help them navigate efficiently",
    ]),
    (Y2018, "Honors.csv", 3, "Issuer", Section.AWARDS,
     ["Ministry of Micro, Small & Medium Enterprises,Govt of India"]),
    (Y2018, "Skills.csv", 38, "Name", Section.SKILLS, ["Website Creation"]),
    (Y2018, "Causes You Care About.csv", 1, "Supported Cause", Section.OTHER, ["Economic Empowerment"]),
    (Y2023, "Profile.csv", 1, "Websites", Section.CONTACT, ["[PERSONAL:https://trailblazer.me/id/meways]"]),
    (Y2023, "Profile.csv", 1, "Geo Location", Section.CONTACT, ["Cairo, Egypt"]),
    (Y2023, "Positions.csv", 1, "Company Name", Section.EXPERIENCE, ["Hmto - همتو"]),
    (Y2023, "Positions.csv", 1, "Finished On", Section.EXPERIENCE, []),
    (Y2023, "Positions.csv", 4, "Location", Section.EXPERIENCE,
     ["6 El-Sahaba Mosque, Ad Doqi, Giza Governorate"]),
    (Y2023, "Education.csv", 2, "Start Date", Section.EDUCATION, ["Nov 2021"]),
    (Y2023, "Courses.csv", 1, "Number", Section.EDUCATION, ["101"]),
    (Y2023, "Certifications.csv", 1, "Authority", Section.CERTIFICATIONS,
     ["Salesforce Trailhead Superbadges"]),
    (Y2023_WEST, "Recommendations_Received.csv", 1, "Text", Section.OTHER, [
        "Rob and I have worked together in different capacities over the last 5+ years. He is the master of "
        "'getting it done'. He takes pride in the things he does and he tends to do them very well. Rob was "
        "instrumental in helping Signify Health achieve over $1B in shared savings over the course of the "
        "BPCI and BPCI-A program by leading the team that was responsible for end to end data delivery.",
        "He has turned into a great engineering leader and will certainly make a positive impact wherever "
        "he goes. I hope to work together again soon!",
    ]),
    (Y2023_WEST, "Recommendations_Received.csv", 1, "Job Title", Section.OTHER,
     ["Senior Director, Product Management, Data Products"]),
    (Y2023_WEST, "Positions.csv", 2, "Title", Section.EXPERIENCE, ["Lead Analytics Engineer, Analytics"]),
    (Y2024, "Positions.csv", 1, "Description", Section.EXPERIENCE, [
        "• Implemented strategies to ensure deniability in operations, enhancing security and "
        "confidentiality.",
        "• Analyzed and interpreted intelligence data to provide actionable insights for decision-makers.",
        "- NATO Initiative & Plausible deniability option exists.",
    ]),
    (Y2024, "Profile.csv", 1, "Maiden Name", Section.CONTACT, ["历史学生 — DS.c"]),
    (Y2024, "Profile.csv", 1, "Zip Code", Section.CONTACT, []),
    (Y2024, "Organizations.csv", 2, "Position", Section.OTHER, ["Stockholm, Sweden."]),
    (Y2024, "Languages.csv", 4, "Proficiency", Section.SKILLS, ["Full professional proficiency"]),
    (Y2024, "Courses.csv", 1, "Name", Section.EDUCATION, ["Russian, Basic Course."]),
    (Y2024, "Recommendations_Given.csv", 7, "First Name", Section.OTHER, ["Hanan"]),
    (Y2024, "Causes You Care About.csv", 1, "Supported Cause", Section.OTHER,
     ["Disaster and Humanitarian Relief"]),
    (Y2026, "Projects.csv", 36, "Description", Section.PROJECTS, [
        "Facilitated the distribution of INR 200 crores in unclaimed insurance funds within three months, "
        "enhancing customer traceability using PCA and machine learning.",
    ]),
    (Y2026, "Recommendations_Received.csv", 13, "Text", Section.OTHER, []),
    (Y2026, "Recommendations_Received.csv", 14, "First Name", Section.OTHER, ["Krushnakant"]),
    (Y2026, "Certifications.csv", 1, "License Number", Section.CERTIFICATIONS, ["5482020.20449742"]),
    (Y2026_AHAAN, "Profile.csv", 1, "Summary", Section.SUMMARY, [
        "I'm a Rising Junior pursuing a B.S. in Computational Modeling & Data Analytics and Economics at "
        "Virginia Tech. I enjoy working at the intersection of data, research, and problem-solving, and have "
        "explored these interests through research and internships across India and the U.S. I’ve published "
        "research on machine learning and economics, and gained professional experience through internships "
        "in data analytics, consumer behavior, and product development, including my current role as a Data "
        "Science Intern at ALSAC/St. Jude Children’s Research Hospital.Always happy to connect with people "
        "interested in data, economics, or tech so, feel free to reach out!",
    ]),
    (Y2026_AHAAN, "Honors.csv", 3, "Description", Section.AWARDS, [
        "Managed a Portfolio with a fictional $100,000 and ended with a top 10 position amongst 150 "
        "participants",
    ]),
    (Y2026_AHAAN, "Publications.csv", 1, "Published On", Section.PUBLICATIONS, ["Nov 12, 2023"]),
]  # fmt: skip

# Notes beyond the one-per-skipped-file notes that every export gets.
READING_NOTES = {
    Y2018: ["Profile.csv columns Birth Date: not shown on the profile — not read"],
    Y2023: ["Profile.csv columns Birth Date: not shown on the profile — not read"],
    Y2023_WEST: [],
    Y2024: ["Profile.csv columns Birth Date, Zip Code: not shown on the profile — not read"],
    Y2026: ["Recommendations_Received.csv: 3 rows with status HIDDEN, not shown on the profile — skipped"],
    Y2026_AHAAN: ["Profile.csv columns Zip Code: not shown on the profile — not read"],
}


def cell(document: Document, file: str, row: int, column: str) -> list[str]:
    """The texts of the segments read from one cell, in order."""
    return [s.text for s in document.segments if s.location == ExportLocation(file, row, column)]


def zip_folder(folder: Path, target: Path, rename: dict[str, str] | None = None) -> Path:
    """Zip a folder's files under their relative paths, optionally renamed."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = file.relative_to(folder).as_posix()
            archive.write(file, (rename or {}).get(name, name))
    return target


def make_export(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write an export folder from file names and contents (text is written as UTF-8)."""
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)
    return folder


PROFILE_CSV = "First Name,Last Name,Headline,Summary\nDana,Whitfield,Sales lead,Grew revenue\n"
POSITIONS_CSV = "Company Name,Title,Description,Location,Started On,Finished On\nAcme,Rep,,Remote,2020,\n"


@pytest.mark.parametrize(("export", "file", "row", "column", "section", "texts"), CELLS)
def test_corpus_cells_give_exact_segments(
    shared: Path, export: str, file: str, row: int, column: str, section: Section, texts: list[str]
) -> None:
    document = linkedin.parse(shared / EXPORTS / export, Limits())
    assert cell(document, file, row, column) == texts
    location = ExportLocation(file, row, column)
    assert {s.section for s in document.segments if s.location == location} <= {section}


@pytest.mark.parametrize("export", CSV_EXPORTS)
def test_corpus_export_reads_profile_files_and_notes_every_other_file(shared: Path, export: str) -> None:
    folder = shared / EXPORTS / export
    document = linkedin.parse(folder, Limits())
    assert document.kind is DocumentKind.PROFILE
    assert document.format is Format.LINKEDIN_EXPORT
    locations = [s.location for s in document.segments]
    assert all(isinstance(location, ExportLocation) for location in locations)
    assert {location.file for location in locations if isinstance(location, ExportLocation)} <= PROFILE_FILES
    others = sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.name not in PROFILE_FILES
    )
    skipped = [note for note in document.notes if note.endswith("— skipped") and " rows " not in note]
    assert [note.split(": ")[0] for note in skipped] == others
    assert [note for note in document.notes if note not in skipped] == READING_NOTES[export]


@pytest.mark.parametrize(
    ("export", "note"),
    [
        (Y2018, f"Logins.csv: {ACCOUNT}"),
        (Y2018, f"Shares.csv: {ACTIVITY}"),
        (Y2018, f"Jobs/Job Seeker Preferences.csv: {ACCOUNT}"),
        (Y2018, f"Imported Contacts.csv: {ACCOUNT}"),
        (Y2023, f"Connections.csv: {ACCOUNT}"),
        (Y2023, f"Learning.csv: {ACCOUNT}"),
        (Y2023, f"Rich Media.csv: {ACTIVITY}"),
        (Y2023, "_zip_listing.json: not a LinkedIn profile file — skipped"),
        (Y2024, f"Verifications.csv: {ACCOUNT}"),
        (Y2024, f"Endorsement_Received_Info.csv: {ACTIVITY}"),
        (Y2026, f"Connections.csv: {ACCOUNT}"),
    ],
)
def test_corpus_account_files_are_skipped_with_a_reason(shared: Path, export: str, note: str) -> None:
    assert note in linkedin.parse(shared / EXPORTS / export, Limits()).notes


def test_corpus_2026_summary_has_html_entities_unescaped(shared: Path) -> None:
    raw = (shared / EXPORTS / Y2026_AHAAN / "Profile.csv").read_text(encoding="utf-8")
    document = linkedin.parse(shared / EXPORTS / Y2026_AHAAN, Limits())
    assert "Modeling &amp; Data" in raw
    assert "&amp;" not in document.text
    assert "Computational Modeling & Data Analytics" in document.text


def test_corpus_2018_utf16_tab_file_is_decoded(shared: Path) -> None:
    data = (shared / EXPORTS / Y2018 / "Shares.csv").read_bytes()
    table = linkedincsv.read_table(data, "Shares.csv")
    assert data.startswith(codecs.BOM_UTF16_LE)
    assert (table.encoding, table.delimiter, table.rows) == ("utf-16", "\t", ())
    assert table.header == (
        "Date", "Share Title", "Share Description", "Share Link", "Share Commentary", "Shared URL",
        "Media URL", "Type", "Visibility",
    )  # fmt: skip


def test_corpus_connections_preamble_is_skipped_to_the_header(shared: Path) -> None:
    data = (shared / EXPORTS / Y2026 / "Connections.csv").read_bytes()
    table = linkedincsv.read_table(data, "Connections.csv")
    assert data.startswith(b"Notes:\n")
    assert table.header == (
        "First Name",
        "Last Name",
        "URL",
        "Email Address",
        "Company",
        "Position",
        "Connected On",
    )
    assert table.rows == ()


@pytest.mark.parametrize("export", CSV_EXPORTS)
def test_corpus_export_zipped_gives_the_same_document(shared: Path, tmp_path: Path, export: str) -> None:
    folder = shared / EXPORTS / export
    from_folder = linkedin.parse(folder, Limits())
    from_zip = linkedin.parse(zip_folder(folder, tmp_path / "export.zip"), Limits())
    assert from_zip.segments == from_folder.segments
    assert from_zip.notes == from_folder.notes
    assert from_zip.text == from_folder.text


def test_corpus_file_names_match_in_any_case(shared: Path, tmp_path: Path) -> None:
    folder = shared / EXPORTS / Y2023
    original = linkedin.parse(folder, Limits())
    upper = {
        p.relative_to(folder).as_posix(): p.relative_to(folder).as_posix().upper() for p in folder.rglob("*")
    }
    shouted = linkedin.parse(zip_folder(folder, tmp_path / "export.zip", upper), Limits())
    assert [s.text for s in shouted.segments] == [s.text for s in original.segments]
    assert shouted.segments[0].location == ExportLocation("PROFILE.CSV", 1, "First Name")
    assert f"CONNECTIONS.CSV: {ACCOUNT}" in shouted.notes


@pytest.mark.parametrize("export", [*CSV_EXPORTS, "JMPerez-linkedin-api-v1-2015"])
def test_corpus_folders_are_recognised_by_their_file_names(shared: Path, export: str) -> None:
    folder = shared / EXPORTS / export
    names = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
    assert linkedin.looks_like_export(names) is (export != "JMPerez-linkedin-api-v1-2015")


def test_corpus_api_json_folder_is_not_an_export(shared: Path) -> None:
    with pytest.raises(UnsupportedFormatError, match="holds no LinkedIn export files"):
        linkedin.parse(shared / EXPORTS / "JMPerez-linkedin-api-v1-2015", Limits())


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Profile.csv", "Connections.csv"], True),
        (
            [
                "Basic_LinkedInDataExport_07-11-2023/POSITIONS.CSV",
                "Basic_LinkedInDataExport_07-11-2023/skills.csv",
            ],
            True,
        ),
        (["Positions.csv", "Comments_1158443584.csv"], True),
        (["Jobs\\Saved Jobs.csv", "positions.csv"], True),
        (["Export/", "Export/Profile.csv", "Export/Jobs/", "Export/Jobs/Saved Jobs.csv"], True),
        (["Positions.csv"], False),
        (["resume.pdf", "linkedin-export/Profile.csv", "linkedin-export/Skills.csv"], False),
        (["Profile.csv", "notes.txt"], False),
        (["Skills.csv", "Education.csv"], False),
        (["word/document.xml", "[Content_Types].xml"], False),
    ],
)
def test_looks_like_export(names: list[str], expected: bool) -> None:
    assert linkedin.looks_like_export(names) is expected


def test_utf16_tab_separated_file_reads_like_utf8(tmp_path: Path) -> None:
    rows = [["Company Name", "Title", "Description"], ["Acme", "Rep", "Sold widgets, mostly"]]
    utf16 = "".join("\t".join(f'"{c}"' for c in row) + "\n" for row in rows).encode("utf-16")
    folder = make_export(tmp_path / "export", {"Profile.csv": PROFILE_CSV, "Positions.csv": utf16})
    document = linkedin.parse(folder, Limits())
    assert cell(document, "Positions.csv", 1, "Description") == ["Sold widgets, mostly"]
    assert cell(document, "Positions.csv", 1, "Company Name") == ["Acme"]


def test_utf8_bom_does_not_stick_to_the_first_column(tmp_path: Path) -> None:
    folder = make_export(tmp_path / "export", {"Profile.csv": codecs.BOM_UTF8 + PROFILE_CSV.encode()})
    document = linkedin.parse(folder, Limits())
    assert document.segments[0].location == ExportLocation("Profile.csv", 1, "First Name")
    assert document.segments[0].text == "Dana"


def test_windows_1252_file_is_read_and_noted(tmp_path: Path) -> None:
    data = "Company Name,Title\nCafé Noir,Barista\n".encode("cp1252")
    folder = make_export(tmp_path / "export", {"Positions.csv": data, "Skills.csv": "Name\nSQL\n"})
    document = linkedin.parse(folder, Limits())
    assert cell(document, "Positions.csv", 1, "Company Name") == ["Café Noir"]
    assert "Positions.csv: not UTF-8 or UTF-16, read as Windows-1252" in document.notes


def test_preamble_before_a_profile_header_is_skipped(tmp_path: Path) -> None:
    preamble = 'Notes:\n"Some e-mail addresses are missing, see https://www.linkedin.com/help"\n\n'
    folder = make_export(tmp_path / "export", {"Profile.csv": preamble + PROFILE_CSV})
    assert cell(linkedin.parse(folder, Limits()), "Profile.csv", 1, "Headline") == ["Sales lead"]


def test_prose_cells_give_one_segment_per_line_or_bullet_at_the_cell(tmp_path: Path) -> None:
    description = "Led the team.\r\n• Closed deals  • Hired 4 reps\n\n-  Kept books•Audited\n•\nTrained staff"
    positions = f'Company Name,Title,Description\nAcme,"Rep  (EMEA)","{description}"\nBeta,CTO,Built it\n'
    folder = make_export(tmp_path / "export", {"Positions.csv": positions, "Skills.csv": "Name\nSQL\n"})
    document = linkedin.parse(folder, Limits())
    assert cell(document, "Positions.csv", 1, "Description") == [
        "Led the team.",
        "• Closed deals",
        "• Hired 4 reps",
        "Kept books",
        "•Audited",
        "Trained staff",
    ]
    assert cell(document, "Positions.csv", 1, "Title") == ["Rep (EMEA)"]
    assert cell(document, "Positions.csv", 2, "Description") == ["Built it"]


def test_cell_larger_than_the_csv_module_default_limit_is_read(tmp_path: Path) -> None:
    summary = "word " * 60_000
    profile = f'First Name,Summary\nDana,"{summary}"\n'
    document = linkedin.parse(make_export(tmp_path / "export", {"Profile.csv": profile}), Limits())
    assert cell(document, "Profile.csv", 1, "Summary") == [summary.strip()]


def test_renamed_and_unknown_columns(tmp_path: Path) -> None:
    folder = make_export(
        tmp_path / "export",
        {
            "Projects.csv": "Title,Start Date,Started On,Budget Note\nAtlas,Jan 2019,Feb 2020,$2M budget\n",
            "Profile.csv": "First Name,Address,Favourite Colour\nDana,1 Main St,Blue\n",
        },
    )
    document = linkedin.parse(folder, Limits())
    assert cell(document, "Projects.csv", 1, "Start Date") == ["Jan 2019"]
    assert cell(document, "Projects.csv", 1, "Started On") == ["Feb 2020"]
    assert cell(document, "Projects.csv", 1, "Budget Note") == ["$2M budget"]
    assert "1 Main St" not in document.text
    assert "Blue" not in document.text
    assert document.notes == (
        "Profile.csv columns Address: not shown on the profile — not read",
        "Profile.csv columns Favourite Colour: not known LinkedIn columns — not read",
    )


def test_hidden_recommendations_are_left_out(tmp_path: Path) -> None:
    recommendations = (
        "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
        'Ann,Lee,Acme,CFO,Saved us $3M,"01/02/23, 10:00 AM",VISIBLE\n'
        'Bob,Ray,Beta,CEO,Secret praise,"01/02/23, 10:00 AM",HIDDEN\n'
    )
    folder = make_export(tmp_path / "export", {"Recommendations_Received.csv": recommendations})
    document = linkedin.parse(folder, Limits())
    assert cell(document, "Recommendations_Received.csv", 1, "Text") == ["Saved us $3M"]
    assert "Secret praise" not in document.text
    assert "Bob" not in document.text
    assert "Recommendations_Received.csv: 1 rows with status HIDDEN, not shown on the profile — skipped" in (
        document.notes
    )


def test_wrapping_folder_and_duplicate_copies(tmp_path: Path) -> None:
    folder = make_export(
        tmp_path / "export",
        {"Export/Profile.csv": PROFILE_CSV, "Export/old/profile.csv": "First Name\nOld\n"},
    )
    document = linkedin.parse(zip_folder(folder, tmp_path / "export.zip"), Limits())
    assert cell(document, "Profile.csv", 1, "First Name") == ["Dana"]
    assert document.notes == ("Export/old/profile.csv: another copy of Export/Profile.csv — skipped",)


def test_export_without_profile_text_is_no_text_error(tmp_path: Path) -> None:
    folder = make_export(
        tmp_path / "export",
        {"Connections.csv": "First Name,Last Name\nAnn,Lee\n", "Profile.csv": "First Name,Last Name\n"},
    )
    with pytest.raises(NoTextError) as caught:
        linkedin.parse(folder, Limits())
    assert str(caught.value).startswith(f"{folder}: the LinkedIn export holds no profile text")


def test_folder_of_other_files_is_unsupported(tmp_path: Path) -> None:
    folder = make_export(tmp_path / "export", {"resume.txt": "Dana"})
    with pytest.raises(UnsupportedFormatError, match="holds no LinkedIn export files"):
        linkedin.parse(folder, Limits())


def test_zip_bomb_member_is_refused_from_the_directory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Profile.csv", PROFILE_CSV)
        archive.writestr("Positions.csv", b"," * (30 * 2**20))
    with pytest.raises(TooLargeError) as caught:
        linkedin.parse(bomb, Limits())
    message = str(caught.value)
    assert message.startswith(f"{bomb}: Positions.csv expands ")
    assert message.endswith("as a ZIP bomb does; unzip it yourself and check what it holds")


def test_archive_over_the_total_size_limit_is_refused(tmp_path: Path) -> None:
    folder = make_export(tmp_path / "export", {"Profile.csv": PROFILE_CSV, "Positions.csv": POSITIONS_CSV})
    archive = zip_folder(folder, tmp_path / "export.zip")
    with pytest.raises(
        TooLargeError, match=r"unpacks to 1\d\d bytes, over the 100 bytes limit; raise --max-archive-mb"
    ):
        linkedin.parse(archive, Limits(max_archive_bytes=100))
    with pytest.raises(TooLargeError, match="over the 100 bytes limit"):
        linkedin.parse(folder, Limits(max_archive_bytes=100))


def test_archive_with_too_many_members_is_refused(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {f"Article_{n}.html": "x" for n in range(5)}
    folder = make_export(tmp_path / "export", {"Profile.csv": PROFILE_CSV, **files})
    archive = zip_folder(folder, tmp_path / "export.zip")
    with pytest.raises(TooLargeError, match="holds 6 files, more than the 3 a resume or export needs"):
        linkedin.parse(archive, Limits(max_archive_members=3))
    with pytest.raises(TooLargeError, match="more than the 3 a resume or export needs"):
        linkedin.parse(folder, Limits(max_archive_members=3))


def test_truncated_zip_is_corrupt(tmp_path: Path) -> None:
    folder = make_export(tmp_path / "export", {"Profile.csv": PROFILE_CSV, "Positions.csv": POSITIONS_CSV})
    archive = zip_folder(folder, tmp_path / "export.zip")
    archive.write_bytes(archive.read_bytes()[:-60])
    with pytest.raises(CorruptFileError) as caught:
        linkedin.parse(archive, Limits())
    assert str(caught.value) == (
        f"{archive}: is not a readable ZIP archive (truncated or damaged); download the export again "
        "from LinkedIn (Settings & Privacy → Data privacy → Get a copy of your data)"
    )


def test_damaged_member_is_corrupt_and_named(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as handle:
        handle.writestr("Profile.csv", PROFILE_CSV)
    data = archive.read_bytes()
    archive.write_bytes(data.replace(b"Whitfield", b"Whitfielt", 1))
    with pytest.raises(CorruptFileError, match=r"Profile\.csv inside the ZIP archive is damaged"):
        linkedin.parse(archive, Limits())


def test_password_protected_member_is_encrypted_error(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("Profile.csv", PROFILE_CSV)
    data = bytearray(archive.read_bytes())
    # zipfile cannot write encrypted members: set the "encrypted" flag bit in both headers.
    data[6] |= 0x1
    data[data.index(b"PK\x01\x02") + 8] |= 0x1
    archive.write_bytes(bytes(data))
    with pytest.raises(EncryptedError, match=r"Profile\.csv inside the ZIP archive is password-protected"):
        linkedin.parse(archive, Limits())


def test_other_files_and_missing_paths(tmp_path: Path) -> None:
    text = tmp_path / "resume.txt"
    text.write_text("Dana Whitfield")
    with pytest.raises(UnsupportedFormatError, match="is neither a folder nor a ZIP archive"):
        linkedin.parse(text, Limits())
    with pytest.raises(InputError, match="no such file or folder"):
        linkedin.parse(tmp_path / "missing.zip", Limits())


def test_folder_and_zip_of_a_synthetic_export_agree(tmp_path: Path) -> None:
    folder = make_export(
        tmp_path / "export",
        {"Profile.csv": PROFILE_CSV, "Jobs/Saved Jobs.csv": "Saved Date\n", "Positions.csv": POSITIONS_CSV},
    )
    from_folder = linkedin.parse(folder, Limits())
    copy = shutil.copytree(folder, tmp_path / "copy")
    assert (
        linkedin.parse(zip_folder(copy, tmp_path / "export.zip"), Limits()).segments == from_folder.segments
    )
    assert from_folder.notes == (f"Jobs/Saved Jobs.csv: {ACCOUNT}",)
    assert [(s.text, s.section) for s in from_folder.segments] == [
        ("Dana", Section.CONTACT),
        ("Whitfield", Section.CONTACT),
        ("Sales lead", Section.SUMMARY),
        ("Grew revenue", Section.SUMMARY),
        ("Acme", Section.EXPERIENCE),
        ("Rep", Section.EXPERIENCE),
        ("Remote", Section.EXPERIENCE),
        ("2020", Section.EXPERIENCE),
    ]
