"""Tests for the PDF parser: exact lines at exact places, errors, LinkedIn profiles, pdfplumber agreement."""

from __future__ import annotations

import gc
import json
import re
import warnings
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from fpdf import FPDF

from conftest import SHARED
from discreet.errors import CorruptFileError, EncryptedError, NoTextError, TooLargeError
from discreet.model import DocumentKind, Format, Limits, Section, Segment
from discreet.parsers import pdf as pdf_parser
from discreet.parsers.pdf import BBox, PdfLocation, parse, repair_mojibake
from discreet.parsers.pdfglyphs import page_words

CORPUS = SHARED / "corpus"
RESUMES = CORPUS / "resumes" / "pdf"
PROFILES = CORPUS / "profiles" / "linkedin-pdf"
needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"the shared corpus is not beside the repository ({CORPUS})"
)

SCANNED = frozenset(
    {
        "livecareer_BUSINESS-DEVELOPMENT_12632728.pdf",
        "r2w_Finance_Accounting_(1).pdf",
        "r2w_Marketing_Advertising_.pdf",
        "r2w_entry-level-project-manager-resume-example.pdf",
    }
)
LINKEDIN_CURRENT = sorted((PROFILES / "AlexanderPico-linkedin-profile-reader").glob("*/Profile.pdf"))
LINKEDIN_LEGACY = sorted(
    [
        *(PROFILES / "isaacmast-linkedin-pdf-to-json").glob("*.pdf"),
        *(PROFILES / "lesterchan-linkedin-pdf-resume-parser").glob("*.pdf"),
        RESUMES / "perminderklair_linkedin_profile.pdf",
    ]
)
FOOTER = re.compile(r"page\s*\d+(\s*of\s*\d+)?", re.IGNORECASE)


def lines(path: Path, limits: Limits = Limits()) -> list[tuple[int, int, str, Section]]:
    """Parse a PDF into (page, line, text, section) rows."""
    rows = []
    for segment in parse(path, limits).segments:
        assert isinstance(segment.location, PdfLocation)
        rows.append((segment.location.page, segment.location.line, segment.text, segment.section))
    return rows


def line_at(path: Path, page: int, line: int) -> tuple[str, Section]:
    """Return the text and section of one line of a parsed PDF."""
    found = [(text, section) for p, n, text, section in lines(path) if (p, n) == (page, line)]
    assert len(found) == 1, f"no single line {line} on page {page}"
    return found[0]


def where(segment: Segment) -> PdfLocation:
    """Return a segment's PDF location."""
    assert isinstance(segment.location, PdfLocation)
    return segment.location


def box(segment: Segment) -> BBox:
    """Return a segment's box on its page."""
    bbox = where(segment).bbox
    assert bbox is not None
    return bbox


def write_pdf(
    path: Path,
    pages: Sequence[Sequence[tuple[float, float, str]]],
    owner_password: str | None = None,
    user_password: str | None = None,
) -> Path:
    """Write a Letter PDF whose pages hold (x, y, text) runs in Helvetica 11 pt."""
    document = FPDF(unit="pt", format="letter")
    document.set_font("helvetica", size=11)
    for runs in pages:
        document.add_page()
        for x, y, text in runs:
            document.text(x, y, text)
    if owner_password is not None:
        document.set_encryption(owner_password=owner_password, user_password=user_password)
    document.output(str(path))
    return path


# Synthetic PDFs: no corpus needed.


def test_lines_are_numbered_per_page_with_their_boxes(tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "two.pdf",
        [
            [(72, 72, "Jane Doe"), (72, 100, "Experience"), (72, 120, "Analyst at Acme")],
            [(72, 72, "Education")],
        ],
    )
    document = parse(path, Limits())
    assert (document.kind, document.format) == (DocumentKind.RESUME, Format.PDF)
    assert [(where(s).page, where(s).line, s.text, s.section) for s in document.segments] == [
        (1, 1, "Jane Doe", Section.CONTACT),
        (1, 2, "Experience", Section.EXPERIENCE),
        (1, 3, "Analyst at Acme", Section.EXPERIENCE),
        (2, 1, "Education", Section.EDUCATION),
    ]
    assert document.text == "Jane Doe\nExperience\nAnalyst at Acme\nEducation"
    first = box(document.segments[0])
    assert 71 < first.x0 < 73 and 60 < first.top < 72 < first.bottom < 76 and first.x1 > first.x0 + 40


def test_words_drawn_without_spaces_are_spaced_by_their_gaps(tmp_path: Path) -> None:
    # Each word drawn on its own, as LiveCareer's PDFs do, with no space character between:
    # a space's width apart, then a fifth of one apart (kerning-sized gaps that join letters).
    measure = FPDF(unit="pt")
    measure.set_font("helvetica", size=11)
    space = measure.get_string_width(" ")
    runs, x = [], 72.0
    for word, gap in [("market", space), ("insight", space), ("and", space), ("acu", space / 5), ("men", 0)]:
        runs.append((x, 72.0, word))
        x += measure.get_string_width(word) + gap
    path = write_pdf(tmp_path / "gaps.pdf", [runs])
    assert lines(path) == [(1, 1, "market insight and acumen", Section.CONTACT)]


def test_side_by_side_columns_are_read_one_after_the_other(tmp_path: Path) -> None:
    left = [(40.0, 100.0 + 14 * i, f"left {i}") for i in range(4)]
    # Columns set apart drift out of line with each other, unlike dates at a tab stop.
    right = [(320.0, 106.0 + 17 * i, f"right {i}") for i in range(4)]
    path = write_pdf(tmp_path / "columns.pdf", [[(40, 60, "Jane Doe, Analyst"), *left, *right]])
    assert [text for _, _, text, _ in lines(path)] == [
        "Jane Doe, Analyst",
        *(f"left {i}" for i in range(4)),
        *(f"right {i}" for i in range(4)),
    ]


def test_a_single_column_row_with_a_date_at_the_right_stays_one_line(tmp_path: Path) -> None:
    runs = [(72, 72, "Analyst, Acme Corp"), (460, 72, "2019 - 2021"), (72, 86, "Built the ledger")]
    path = write_pdf(tmp_path / "dates.pdf", [runs])
    assert [text for _, _, text, _ in lines(path)] == ["Analyst, Acme Corp 2019 - 2021", "Built the ledger"]


def test_page_footers_are_dropped_and_lines_counted_without_them(tmp_path: Path) -> None:
    pages = [[(72, 72, "Jane Doe"), (380, 780, "Page 1 of 2")], [(72, 72, "Skills"), (540, 780, "Page2")]]
    path = write_pdf(tmp_path / "footers.pdf", pages)
    assert lines(path) == [(1, 1, "Jane Doe", Section.CONTACT), (2, 1, "Skills", Section.SKILLS)]


@pytest.mark.parametrize(
    ("garbled", "repaired"),
    [
        ("â€¢Led the audit", "•Led the audit"),
        ("Itâ€™s done", "It’s done"),
        ("2019 â€“ 2021", "2019 – 2021"),
        ("â€œquotedâ€ text", "“quoted” text"),
        ("Luis MuÃ±oz Marin", "Luis Muñoz Marin"),
        ("MÃ©chanique AvancÃ©e", "Méchanique Avancée"),
        ("AmbitiousÂHuman Resources", "Ambitious Human Resources"),
        ("SAP, ADP, and SAPÂ", "SAP, ADP, and SAP"),
        ("Company Name ï¼ City", "Company Name - City"),
        ("processÂ·", "process·"),
    ],
)
def test_known_mojibake_is_repaired(garbled: str, repaired: str) -> None:
    assert repair_mojibake(garbled) == repaired


@pytest.mark.parametrize(
    "text", ["naïve café", "CÂMARA MUNICIPAL", "Zürich – Genève", "plain ascii", "Â"[:0]]
)
def test_text_that_is_not_mojibake_is_left_alone(text: str) -> None:
    assert repair_mojibake(text) == text


def test_a_password_protected_pdf_says_to_remove_the_password(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "locked.pdf", [[(72, 72, "Jane Doe")]], owner_password="o", user_password="u")
    with pytest.raises(EncryptedError, match=r"locked\.pdf: .*password-protected; remove the password"):
        parse(path, Limits())


def test_a_pdf_restricted_only_by_an_owner_password_is_read(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "owner.pdf", [[(72, 72, "Jane Doe")]], owner_password="o")
    assert lines(path) == [(1, 1, "Jane Doe", Section.CONTACT)]


def test_a_truncated_pdf_is_reported_as_damaged(tmp_path: Path) -> None:
    whole = write_pdf(tmp_path / "whole.pdf", [[(72, 72, "Jane Doe")]] * 3).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(
        CorruptFileError, match=r"cut\.pdf: the PDF is damaged or truncated; download or export"
    ):
        parse(path, Limits())


def raw_pdf(path: Path, content: str) -> Path:
    """Write a one-page Letter PDF by hand around a content stream, in Helvetica as /F1."""
    stream = content.encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    data = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("x", "far_x0"), [("1", 28800.0), ("-1", -28800.0)])
def test_a_glyph_placed_absurdly_far_away_is_clamped_and_the_page_still_read(
    tmp_path: Path, x: str, far_x0: float
) -> None:
    # Four 10^6 scalings put the glyph 10^24 pt off the page; the column search once
    # allocated one slot per point there and died with OverflowError.
    rows = "".join(
        f"BT /F1 10 Tf 1 0 0 1 {column} {700 - 14 * i} Tm ({side} line {i}) Tj ET "
        for i in range(4)
        for column, side in ((50, "Left"), (300, "Right"))
    )
    far = "q " + "1000000 0 0 1 0 0 cm " * 4 + f"BT /F1 10 Tf 1 0 0 1 {x} 600 Tm (Far) Tj ET Q"
    document = parse(raw_pdf(tmp_path / "far.pdf", rows + far), Limits())
    assert [segment.text for segment in document.segments] == [
        *(f"Left line {i} Right line {i}" for i in range(4)),
        "Far",
    ]
    assert box(document.segments[-1]).x0 == far_x0
    assert box(document.segments[-1]).x1 == 28800.0


def test_a_file_that_is_not_a_pdf_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_text("Jane Doe, analyst\n")
    with pytest.raises(CorruptFileError, match=r"notes\.pdf"):
        parse(path, Limits())


def test_a_pdf_without_text_looks_scanned(tmp_path: Path) -> None:
    document = FPDF(unit="pt", format="letter")
    document.add_page()
    document.rect(72, 72, 200, 100, style="F")  # a drawing, as a scanned page holds an image
    document.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(NoTextError) as raised:
        parse(tmp_path / "scan.pdf", Limits())
    assert str(raised.value) == (
        f"{tmp_path / 'scan.pdf'}: the PDF looks scanned: it has no text layer; OCR is not supported; "
        "export the resume from its source as a text PDF or DOCX"
    )


def test_more_pages_than_the_limit_names_the_flag(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "long.pdf", [[(72, 72, "Jane Doe")]] * 3)
    with pytest.raises(
        TooLargeError, match=r"long\.pdf: the PDF has 3 pages, more than the limit of 2; .*--max-pages"
    ):
        parse(path, Limits(max_pages=2))
    assert len(lines(path, Limits(max_pages=3))) == 3


def test_parsing_closes_pdfium_documents_without_warnings(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "one.pdf", [[(72, 72, "Jane Doe")]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for _ in range(3):
            parse(path, Limits())
        with pytest.raises(TooLargeError):
            parse(path, Limits(max_pages=0))
        gc.collect()


# The shared corpus of real resumes and LinkedIn profiles.


@needs_corpus
def test_livecareer_words_drawn_without_spaces_are_spaced_like_pdfplumber() -> None:
    path = RESUMES / "livecareer_SALES_13178604.pdf"
    first = "[Job Title] equipped with the excellent negotiation skills, market insight and business acumen"
    assert line_at(path, 1, 3) == (
        f"{first} necessary to guide struggling and newly-formed",
        Section.SUMMARY,
    )
    assert line_at(path, 1, 4) == ("companies to financial success.", Section.SUMMARY)
    with pdfplumber.open(path) as reference:
        expected = reference.pages[0].extract_text().splitlines()[2:4]
    assert [line_at(path, 1, 3)[0], line_at(path, 1, 4)[0]] == expected


MOJIBAKE_LINES = [
    (
        "livecareer_BANKING_11266906.pdf",
        (1, 11),
        "•Building solid relationships with referral partners, the Wells Fargo Advisors (team members) "
        "by developing and presenting a value proposition,",
        Section.EXPERIENCE,
    ),
    (
        "livecareer_BANKING_11266906.pdf",
        (2, 3),
        "Key Accomplishments :§ Completion of Wells Fargo Wealth Advisor/The Private Bank Foundation.",
        Section.EXPERIENCE,
    ),
    ("livecareer_ACCOUNTANT_17306905.pdf", (1, 4), "Company Name – City , State", Section.EXPERIENCE),
    (
        "livecareer_HR_26048718.pdf",
        (1, 3),
        "Ambitious Human Resources professional who creates strategic alliances with organization leaders "
        "to effectively align with and support key",
        Section.SUMMARY,
    ),
    (
        "livecareer_ENGINEERING_23438227.pdf",
        (2, 8),
        "Food Handler Certificate : Food Services , 1981 Keystone Job Corps - City , State",
        Section.EDUCATION,
    ),
]


@needs_corpus
@pytest.mark.parametrize(("name", "place", "text", "section"), MOJIBAKE_LINES)
def test_mojibake_in_corpus_lines_is_repaired(
    name: str, place: tuple[int, int], text: str, section: Section
) -> None:
    assert line_at(RESUMES / name, *place) == (text, section)


@needs_corpus
def test_two_column_resume_reads_the_main_column_then_the_sidebar() -> None:
    rows = [(n, text, section) for _, n, text, section in lines(RESUMES / "resumematcher_tpl_two-column.pdf")]
    assert rows[3:5] == [
        (4, "SUMMARY", Section.SUMMARY),
        (5, "Senior Software Engineer with 5+ years of proven expertise designing and", Section.SUMMARY),
    ]
    assert rows[12] == (13, "that scale.", Section.SUMMARY)
    assert rows[14] == (15, "Senior Software Engineer Jan 2023 - Present", Section.EXPERIENCE)
    assert rows[55:60] == [
        (56, "EDUCATION", Section.EDUCATION),
        (57, "UC Berkeley | 2019", Section.EDUCATION),
        (58, "Bachelor of Science, Computer Science", Section.EDUCATION),
        (59, "SKILLS", Section.SKILLS),
        (60, "Go Python Node.js TypeScript", Section.SKILLS),
    ]


@needs_corpus
def test_letter_spaced_headings_read_as_words() -> None:
    path = RESUMES / "r2w_Madrid-Resume-Template-Modern.pdf"
    assert line_at(path, 1, 4) == ("DETAILS", Section.CONTACT)
    assert line_at(path, 1, 16) == ("EMPLOYMENT HISTORY", Section.EXPERIENCE)
    assert line_at(path, 1, 18) == ("JANUARY 2016 — JUNE 2021", Section.EXPERIENCE)
    assert line_at(path, 1, 37) == ("EDUCATION", Section.EDUCATION)


@needs_corpus
@pytest.mark.parametrize("path", sorted(CORPUS.rglob("*.pdf")), ids=lambda p: p.name)
def test_every_corpus_pdf_has_text_unless_it_is_one_of_the_four_scans(path: Path) -> None:
    if path.name in SCANNED:
        with pytest.raises(NoTextError, match="looks scanned"):
            parse(path, Limits())
        return
    document = parse(path, Limits())
    assert document.text.strip()
    assert all(segment.text == segment.text.strip() and segment.text for segment in document.segments)
    assert not [s.text for s in document.segments if FOOTER.fullmatch(s.text)]
    assert not re.search("â€|Ã[\u0080-\u00bf]", document.text)
    expected = (DocumentKind.RESUME, Format.PDF)
    if path in LINKEDIN_CURRENT + LINKEDIN_LEGACY:
        expected = (DocumentKind.PROFILE, Format.LINKEDIN_PDF)
    assert (document.kind, document.format) == expected


@needs_corpus
def test_current_linkedin_profile_keeps_the_sidebar_apart_with_its_sections() -> None:
    path = PROFILES / "AlexanderPico-linkedin-profile-reader" / "alex" / "Profile.pdf"
    got = {(page, line): (text, section) for page, line, text, section in lines(path)}
    assert [got[1, n] for n in (1, 2, 3, 10, 11, 14, 19)] == [
        ("Contact", Section.CONTACT),
        ("alex.pico@gladstone.ucsf.ed", Section.CONTACT),
        ("u", Section.CONTACT),
        ("Top Skills", Section.SKILLS),
        ("MySQL", Section.SKILLS),
        ("Certifications", Section.CERTIFICATIONS),
        ("Publications", Section.PUBLICATIONS),
    ]
    assert [got[1, n] for n in (32, 33, 36, 43, 46, 47, 62)] == [
        ("Alexander Pico", Section.CONTACT),
        ("Research Investigator and Core Director of Bioinformatics at", Section.CONTACT),
        ("Summary", Section.SUMMARY),
        ("Experience", Section.EXPERIENCE),
        ("Bioinformatics Core Director, Research Investigator", Section.EXPERIENCE),
        ("January 2020 - Present (5 years 6 months)", Section.EXPERIENCE),
        ("National Resource for Network Biology", Section.EXPERIENCE),
    ]
    assert (got[2, 1], got[2, 8], got[2, 9]) == (
        ("18 years 5 months", Section.EXPERIENCE),
        ("Education", Section.EDUCATION),
        ("The Rockefeller University", Section.EDUCATION),
    )


@needs_corpus
@pytest.mark.parametrize("path", LINKEDIN_CURRENT, ids=lambda p: p.parent.name)
def test_current_linkedin_profiles_match_their_expected_json(path: Path) -> None:
    expected = json.loads(path.with_name("Profile.expected.json").read_text())
    document = parse(path, Limits())
    assert (document.kind, document.format) == (DocumentKind.PROFILE, Format.LINKEDIN_PDF)
    segments = document.segments
    sidebar_edge = pdf_parser._LINKEDIN_SIDEBAR
    for page in {where(s).page for s in segments}:
        xs = [box(s).x1 <= sidebar_edge for s in segments if where(s).page == page]
        assert xs == sorted(xs, reverse=True), f"page {page}: sidebar and main column interleave"
    main = [s for s in segments if box(s).x0 > sidebar_edge]
    assert main[0].text.startswith(expected["basics"]["name"])  # some add ", PhD" or "- SHRM-CP"
    assert main[0].section is Section.CONTACT
    assert where(main[0]).line == 1 + sum(where(s).page == 1 for s in segments if s not in main)
    sections = {(s.text, s.section) for s in segments}
    for work in expected.get("work", []):
        assert (work["name"], Section.EXPERIENCE) in sections or len(work["name"]) > 60
    for school in expected.get("education", []):
        assert (school["institution"], Section.EDUCATION) in sections or len(school["institution"]) > 60
    contact = "".join(s.text for s in segments if s.section is Section.CONTACT and s not in main)
    if "email" in expected["basics"]:
        assert expected["basics"]["email"] in contact


@needs_corpus
def test_legacy_linkedin_profile_is_one_column_with_recommendations_as_references() -> None:
    path = PROFILES / "isaacmast-linkedin-pdf-to-json" / "IanLee.pdf"
    got = {(page, line): (text, section) for page, line, text, section in lines(path)}
    assert [got[1, n] for n in (1, 2, 3, 8, 9, 10)] == [
        ("Ian Lee", Section.CONTACT),
        ("Product Marketing, Carbon Black", Section.CONTACT),
        ("Summary", Section.SUMMARY),
        ("Experience", Section.EXPERIENCE),
        ("Product Marketing Manager at Carbon Black", Section.EXPERIENCE),
        ("May 2014 - Present (2 years 3 months)", Section.EXPERIENCE),
    ]
    assert got[2, 1] == ("June 2011 - December 2011 (7 months)", Section.EXPERIENCE)
    assert got[2, 20] == ("Honors and Awards", Section.AWARDS)
    assert got[5, 3] == ("10 people have recommended Ian", Section.REFERENCES)


@needs_corpus
@pytest.mark.parametrize("path", LINKEDIN_LEGACY, ids=lambda p: p.name)
def test_legacy_linkedin_profiles_open_with_the_name(path: Path) -> None:
    document = parse(path, Limits())
    assert (document.kind, document.format) == (DocumentKind.PROFILE, Format.LINKEDIN_PDF)
    expected = next(path.parent.glob(f"{path.stem}.*.json"), None)
    if expected is not None:
        name = json.loads(expected.read_text())["name"]
        assert (document.segments[0].text, document.segments[0].section) == (name, Section.CONTACT)
    jobs = [s for s in document.segments if " at " in s.text and s.section is Section.EXPERIENCE]
    assert jobs or path.name == "JunXiuChan.pdf"


AGREEMENT_FILES = [
    "resumes/pdf/livecareer_SALES_13178604.pdf",
    "resumes/pdf/livecareer_HR_26048718.pdf",
    "resumes/pdf/soupboss_01-Accountant.pdf",
    "resumes/pdf/resumematcher_tpl_two-column.pdf",
    "resumes/pdf/openresume_openresume-resume.pdf",
    "resumes/pdf/bjherger_john_smith.pdf",
    "profiles/linkedin-pdf/AlexanderPico-linkedin-profile-reader/alex/Profile.pdf",
    "profiles/linkedin-pdf/isaacmast-linkedin-pdf-to-json/IanLee.pdf",
]


@needs_corpus
@pytest.mark.parametrize("name", AGREEMENT_FILES, ids=lambda n: Path(n).parent.name + "/" + Path(n).name)
def test_words_agree_with_pdfplumber(name: str) -> None:
    path = CORPUS / name
    ours: Counter[str] = Counter()
    theirs: Counter[str] = Counter()
    with pdfplumber.open(path) as reference:
        pages = reference.pages[:2]
        for page in pages:
            # Zero-width spaces alone make no word of ours.
            theirs.update(w["text"] for w in page.extract_words() if w["text"].strip("\u200b"))
    document = pdfium.PdfDocument(path)
    try:
        for index in range(len(pages)):
            ours.update(word.text for word in page_words(document, index, path))
    finally:
        document.close()
    shared = sum((ours & theirs).values())
    assert shared / sum(theirs.values()) >= 0.97
    assert shared / sum(ours.values()) >= 0.97
