"""discreet fix on a PDF: glyphs truly cut (never covered) and checked, or the file refused with a reason."""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import docx
import pdfplumber
import pikepdf
import pypdfium2 as pdfium
import pytest
from fpdf import FPDF

from conftest import FIXTURES, SHARED, run
from discreet.audit import audit_document
from discreet.commands.options import chosen_rules
from discreet.errors import CannotRedactError, InputError
from discreet.fixplan import Edit
from discreet.model import Destination, Limits
from discreet.packs import Rule
from discreet.read import read
from discreet.report import DocumentReport
from discreet.termsfile import read_terms
from discreet.writers.pdf import redact, removal_spans
from discreet.writers.pdfcontent import cut_glyphs, targets
from discreet.writers.pdffonts import Font, read_font
from discreet.writers.pdftext import edited_lines
from discreet.writers.pdfverify import kept_words
from test_formatters import check_golden

PERSONA = FIXTURES / "persona" / "resume.pdf"
TERMS = FIXTURES / "persona" / "private-terms.txt"
# The matched text of every finding a public copy of the persona may not show, in document order.
PUBLIC_GONE = [
    "(312) 555-0147",
    "dana.whitfield@example.com",
    "4127 Quillfeather Lane, Apt 3B, Evanston, IL 60201",
    "March 14, 1986",
    "$4.2M",
    "37%",
    "142%",
    "$850K",
    "Northwind Logistics",
    "Project Falcon",
    "$1.2M",
    "$1.1M",
    "$2.6M",
    "Brightline Foods",
    "confidential acquisition",
    "Pellmark Analytics",
    "$128,000",
    "$140K",
    "Marcus Okafor",
    "(312) 555-0183",
    "marcus.okafor@example.org",
]


def pdfium_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def plumber_text(data: bytes, pages: Sequence[int] | None = None) -> str:
    """The text pdfplumber reads, of the pages given (numbered from 1) or of all."""
    with pdfplumber.open(io.BytesIO(data), pages=pages) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def plumber_chars(data: bytes) -> Counter[tuple[int, str, float, float]]:
    """Every character pdfplumber reads, with its page and position."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return Counter(
            (number, char["text"], round(char["x0"], 2), round(char["top"], 2))
            for number, page in enumerate(pdf.pages, start=1)
            for char in page.chars
        )


@functools.cache
def builtin_rules() -> tuple[Rule, ...]:
    return tuple(chosen_rules([], []))


def audit(path: Path, terms: Path | None = TERMS) -> DocumentReport:
    return audit_document(read(path, Limits()), builtin_rules(), read_terms(terms, None, ()))


@pytest.fixture(scope="module")
def persona() -> DocumentReport:
    return audit(PERSONA)


@pytest.fixture(scope="module")
def public(persona: DocumentReport) -> bytes:
    return redact(persona.document, removal_spans(persona, Destination.PUBLIC), PERSONA.read_bytes()).data


def test_a_public_copy_removes_every_finding_the_public_may_not_see(persona: DocumentReport) -> None:
    spans = removal_spans(persona, Destination.PUBLIC)
    assert [persona.document.text[start:end] for start, end in spans] == PUBLIC_GONE


def test_a_resume_copy_removes_only_what_belongs_in_no_document(persona: DocumentReport) -> None:
    spans = removal_spans(persona, Destination.RESUME)
    assert [persona.document.text[start:end] for start, end in spans] == [
        "March 14, 1986",
        "$128,000",
        "$140K",
        "Marcus Okafor",
        "(312) 555-0183",
        "marcus.okafor@example.org",
    ]


@pytest.mark.parametrize("extract", [pdfium_text, plumber_text], ids=["pdfium", "pdfplumber"])
def test_no_removed_text_can_be_extracted(public: bytes, extract: object) -> None:
    assert callable(extract)
    original, copy = extract(PERSONA.read_bytes()), extract(public)
    for gone in PUBLIC_GONE:
        assert gone in original
        assert gone not in copy, gone
    # Pieces of a removed value are gone too: glyphs were cut, not covered.
    for piece in ("555-0147", "Quillfeather", "whitfield@", "Okafor", "Pellmark", "128,000"):
        assert piece not in copy


def test_no_stream_or_string_of_the_file_holds_a_removed_text(public: bytes) -> None:
    # The persona's fonts are one byte a character in WinAnsi, so shown text is plain in the streams.
    pieces = [b"555-0147", b"Quillfeather", b"whitfield@", b"Okafor", b"Pellmark", b"128,000", b"Northwind"]
    with pikepdf.open(PERSONA) as original:
        before = b"\n".join(o.read_bytes() for o in original.objects if isinstance(o, pikepdf.Stream))
    with pikepdf.open(io.BytesIO(public)) as pdf:
        streams = b"\n".join(o.read_bytes() for o in pdf.objects if isinstance(o, pikepdf.Stream))
        values = [str(v) for o in pdf.objects if isinstance(o, pikepdf.Dictionary) for v in o.values()]
    assert all(piece in before for piece in pieces)
    assert [piece for piece in pieces if piece in streams] == []
    assert b"Dana Whitfield" in streams
    assert not any("Whitfield" in value for value in values)


def test_every_other_word_stays_where_it_was(persona: DocumentReport, public: bytes) -> None:
    spans = removal_spans(persona, Destination.PUBLIC)
    assert kept_words(persona.document, spans, plumber_text(public)) >= 0.99
    before, after = plumber_chars(PERSONA.read_bytes()), plumber_chars(public)
    # Every character left is one of the original's, at the same place; only the removed ones are gone.
    assert after - before == Counter()
    gone = before - after
    assert sum(gone.values()) == sum(len(text.replace(" ", "")) for text in PUBLIC_GONE)


def test_the_metadata_is_cleared(public: bytes) -> None:
    with pikepdf.open(io.BytesIO(public)) as pdf:
        assert "/Info" not in pdf.trailer
        assert "/Metadata" not in pdf.Root
    with pikepdf.open(PERSONA) as original:
        assert str(original.docinfo["/Author"]) == "Dana Whitfield"


def test_a_solid_box_is_drawn_over_each_removed_value(public: bytes) -> None:
    with pikepdf.open(io.BytesIO(public)) as pdf:
        drawn = [
            [
                [round(float(n)) for n in instruction.operands]
                for instruction in pikepdf.parse_content_stream(page)
                if str(instruction.operator) == "re"
            ]
            for page in pdf.pages
        ]
    # The fixture draws no rectangles of its own, so every rectangle is a redaction box.
    assert [len(page) for page in drawn] == [16, 5]
    with pdfplumber.open(PERSONA) as original:
        phone = next(w for w in original.pages[0].extract_words() if w["text"] == "555-0147")
        height = original.pages[0].height
    # The bar over "(312) 555-0147" ends where the number did, on its line.
    bar = next(r for r in drawn[0] if abs(r[0] + r[2] - phone["x1"]) <= 1)
    assert bar[1] <= height - phone["bottom"] + 1 and bar[1] + bar[3] >= height - phone["top"] - 1


def test_fix_writes_the_redacted_pdf_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "public.pdf"
    before = PERSONA.read_bytes()
    code, out, err = run(
        ["fix", str(PERSONA), "--output", str(output), "--private-terms", str(TERMS)], capsys
    )
    assert (code, err) == (0, "")
    assert out == (
        f"{output}: 21 redacted (275 glyphs cut, 21 boxes drawn), metadata cleared, 0 findings kept "
        "(fine for public)\n"
        "  a PDF cannot be generalised in place: --to docx or --to markdown writes the rewrites\n"
    )
    assert PERSONA.read_bytes() == before
    assert "Marcus Okafor" not in pdfium_text(output.read_bytes())


def test_a_resume_copy_keeps_the_contacts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "resume.pdf"
    code, out, _ = run(["fix", str(PERSONA), "--output", str(output), "--for", "resume"], capsys)
    assert code == 0
    assert out.startswith(f"{output}: 6 redacted (")
    text = pdfium_text(output.read_bytes())
    assert "(312) 555-0147" in text and "(312) 555-0183" not in text and "$140K" not in text


def test_to_markdown_writes_the_rewrites_in_reading_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "public.md"
    code, out, err = run(
        ["fix", str(PERSONA), "--output", str(output), "--to", "markdown", "--private-terms", str(TERMS)],
        capsys,
    )
    assert (code, err) == (0, "")
    assert out == f"{output}: 8 rewritten, 7 left out, 0 findings kept (fine for public)\n"
    check_golden("fix-persona-pdf.md", output.read_text(encoding="utf-8"))


def test_to_docx_writes_headings_bullets_and_paragraphs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "public.docx"
    code, _, _ = run(["fix", str(PERSONA), "--output", str(output), "--to", "docx"], capsys)
    assert code == 0
    paragraphs = docx.Document(str(output)).paragraphs
    headings = [p.text for p in paragraphs if p.style is not None and p.style.name == "Heading 2"]
    assert headings[:4] == ["Contact", "Summary", "Experience", "Education"]
    bullets = [p.text for p in paragraphs if p.style is not None and p.style.name == "List Bullet"]
    assert bullets[0].startswith("Generated millions in new annual recurring revenue in FY2024, up more than")
    assert not any("555-01" in p.text for p in paragraphs)


def test_a_docx_copy_of_a_pdf_says_nothing_of_who_or_what_made_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = [tmp_path / "first.docx", tmp_path / "second.docx"]
    for output in outputs:
        assert run(["fix", str(PERSONA), "--output", str(output), "--to", "docx"], capsys)[0] == 0
    with zipfile.ZipFile(outputs[0]) as archive:
        assert not {"docProps/app.xml", "docProps/thumbnail.jpeg"} & set(archive.namelist())
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert re.findall(r"<(?:dc|cp):\w+>([^<]+)<", core) == ["1"]  # the revision alone has a value
    assert re.findall(r"<dcterms:(\w+)[^>]*>([^<]*)<", core) == [
        ("created", "2026-01-01T00:00:00Z"),
        ("modified", "2026-01-01T00:00:00Z"),
    ]
    # Its ZIP members are dated as the in-place Word copy's are, never by the clock.
    assert outputs[0].read_bytes() == outputs[1].read_bytes()


def test_edits_replace_their_span_and_leave_the_rest_of_the_line(persona: DocumentReport) -> None:
    document = persona.document
    start = document.text.index("$4.2M")
    lines = edited_lines(document, [Edit(start, start + 5, "millions of dollars")])
    assert lines[document.segment_index(start)] == (
        "• Generated millions of dollars in new annual recurring revenue in FY2024, up 37% year over year."
    )
    # An edit over two lines empties both (its text, here none, goes where it starts).
    index = document.segment_index(start)
    both = edited_lines(
        document, [Edit(document.segments[index].start, document.segments[index + 1].end, "")]
    )
    assert both[index] == both[index + 1] == ""
    assert both[index + 2] == document.segments[index + 2].text


def test_options_that_do_not_fit_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["fix", str(PERSONA), "--output", str(tmp_path / "copy.md")], capsys)
    assert (code, err) == (2, f"discreet: {tmp_path / 'copy.md'}: a redacted PDF is written to a .pdf file\n")
    text = tmp_path / "resume.txt"
    text.write_text("Dana Whitfield\n", encoding="utf-8")
    code, _, err = run(["fix", str(text), "--output", str(tmp_path / "c.md"), "--to", "markdown"], capsys)
    assert (code, err) == (
        2,
        f"discreet: {text}: --to converts a PDF; a text file is fixed in its own format\n",
    )
    assert not (tmp_path / "c.md").exists() and not (tmp_path / "copy.md").exists()


# --- files that cannot be redacted honestly ---------------------------------------------------------


def type3_resume(path: Path) -> Path:
    """A PDF whose contact line is drawn with a Type 3 font (glyphs as little drawings), with a ToUnicode."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(text="Phone: (312) 555-0147")
    plain = io.BytesIO(bytes(pdf.output()))
    with pikepdf.open(plain) as doc:
        codes = range(32, 127)
        procs = pikepdf.Dictionary(
            {f"/g{c}": doc.make_stream(b"500 0 0 0 450 700 d1 50 0 400 700 re f") for c in codes}
        )
        cmap = "\n".join(f"<{c:02X}> <{c:04X}>" for c in codes)
        to_unicode = doc.make_stream(
            (
                "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T3 def "
                "1 begincodespacerange <00> <FF> endcodespacerange "
                f"{len(codes)} beginbfchar\n{cmap}\nendbfchar endcmap "
                "CMapName currentdict /CMap defineresource pop end end"
            ).encode("ascii")
        )
        font = pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type3,
            FontBBox=[0, 0, 500, 700],
            FontMatrix=[0.001, 0, 0, 0.001, 0, 0],
            CharProcs=procs,
            Encoding=pikepdf.Dictionary(Differences=[32, *(pikepdf.Name(f"/g{c}") for c in codes)]),
            FirstChar=32,
            LastChar=126,
            Widths=[500] * len(codes),
            ToUnicode=to_unicode,
        )
        fonts = doc.pages[0].Resources.Font
        for name in list(fonts.keys()):
            fonts[name] = doc.make_indirect(font)
        doc.save(path)
    return path


def outlined_resume(path: Path) -> Path:
    """A PDF whose only "text" is drawn as outlines: shapes, no characters."""
    pdf = FPDF()
    pdf.add_page()
    for x in range(10, 120, 12):
        pdf.rect(x, 20, 8, 10, style="F")
    pdf.output(str(path))
    return path


def test_a_type3_font_is_refused_with_the_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = type3_resume(tmp_path / "type3.pdf")
    assert "Phone: (312) 555-0147" in pdfium_text(source.read_bytes())
    output = tmp_path / "copy.pdf"
    code, out, err = run(["fix", str(source), "--output", str(output)], capsys)
    assert (code, out) == (2, "")
    assert err == (
        f"discreet: {source}: page 1 holds text drawn with a Type 3 font, whose glyphs are small drawings "
        "discreet cannot map; make an editable copy with discreet fix --to docx or --to markdown\n"
    )
    assert not output.exists()


def form_resume(path: Path) -> Path:
    """A PDF whose page draws its text through a form XObject."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(text="Phone: (312) 555-0147")
    with pikepdf.open(io.BytesIO(bytes(pdf.output()))) as doc:
        page = doc.pages[0]
        form = doc.make_stream(
            page.Contents.read_bytes(),
            Type=pikepdf.Name.XObject,
            Subtype=pikepdf.Name.Form,
            BBox=page.MediaBox,
            Resources=page.Resources,
        )
        page.Resources.XObject = pikepdf.Dictionary(Fm0=form)
        page.Contents = doc.make_stream(b"/Fm0 Do")
        doc.save(path)
    return path


def test_text_inside_a_form_xobject_is_refused_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = form_resume(tmp_path / "form.pdf")
    output = tmp_path / "copy.pdf"
    code, _, err = run(["fix", str(source), "--output", str(output)], capsys)
    assert code == 2
    assert err == (
        f"discreet: {source}: page 1 holds text drawn inside a form XObject, which discreet does not "
        "rewrite; make an editable copy with discreet fix --to docx or --to markdown\n"
    )
    assert not output.exists()


def test_outlined_text_is_refused_with_the_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = outlined_resume(tmp_path / "outlines.pdf")
    output = tmp_path / "copy.pdf"
    code, _, err = run(["fix", str(source), "--output", str(output)], capsys)
    assert code == 2
    assert err == (
        f"discreet: {source}: the PDF looks scanned: it has no text layer; OCR is not supported; "
        "export the resume from its source as a text PDF or DOCX\n"
    )
    assert not output.exists()


# --- the shared corpus ------------------------------------------------------------------------------

CORPUS = SHARED / "corpus"
# The corpus PDFs that must be refused, and why (the rest must be redacted without a leak).
REFUSED = {
    "awesomecv_cv.pdf": "ActualText",
    "awesomecv_resume.pdf": "ActualText",
    "r2w_comprehensive_all_components_cv.pdf": "widths the font does not give",
    "r2w_graphic-designer-resume-example.pdf": "Type 3 font",
    "resumematcher_tpl_single-column.pdf": "Type 3 font",
    "resumematcher_tpl_two-column.pdf": "Type 3 font",
    "theresumeparser_senior-backend-developer.pdf": "Type 3 font",
    "livecareer_BUSINESS-DEVELOPMENT_12632728.pdf": "looks scanned",
    "r2w_Finance_Accounting_(1).pdf": "looks scanned",
    "r2w_Marketing_Advertising_.pdf": "looks scanned",
    "r2w_entry-level-project-manager-resume-example.pdf": "looks scanned",
}


def corpus_pdfs() -> list[Path]:
    return sorted(CORPUS.rglob("*.pdf")) if CORPUS.is_dir() else []


@pytest.mark.parametrize("path", corpus_pdfs(), ids=lambda p: p.name)
def test_corpus_pdf_is_redacted_without_a_leak_or_refused_with_the_reason(path: Path, shared: Path) -> None:
    try:
        report = audit(path, None)
        spans = removal_spans(report, Destination.PUBLIC)
        redaction = redact(report.document, spans, path.read_bytes())
    except InputError as error:
        assert path.name in REFUSED, str(error)
        assert str(error).startswith(f"{path}: ") and REFUSED[path.name] in str(error)
        assert isinstance(error, CannotRedactError) or REFUSED[path.name] == "looks scanned"
        return
    assert path.name not in REFUSED
    removed = Counter(_bare(report.document.text[start:end]) for start, end in spans)
    original = _bare(report.document.text)
    # Never a leak: neither extractor reads a removed text more often than the original shows it elsewhere.
    # (pdfplumber, slow, reads the pages that changed; the others are the original's bytes.)
    for name, text in (
        ("pdfium", pdfium_text(redaction.data)),
        ("pdfplumber", plumber_text(redaction.data, redaction.pages) if redaction.pages else ""),
    ):
        after = _bare(text)
        for gone, times in removed.items():
            assert after.count(gone) <= max(original.count(gone) - times, 0), (name, gone)


def _bare(text: str) -> str:
    """Text without any white space: extractors space words differently."""
    return "".join(text.split())


# --- cutting glyphs out of a content stream ----------------------------------------------------------

MONO = Font(False, dict.fromkeys(range(256), 500.0), 0.0)  # every glyph half the font size wide


def cut(content: bytes, origins: list[tuple[float, float]]) -> tuple[bytes, int, int]:
    """The content after cutting the glyphs at these origins, the glyphs cut and the origins hit."""
    with pikepdf.new() as scratch:
        instructions = pikepdf.parse_content_stream(pikepdf.Stream(scratch, content))
    result = cut_glyphs(instructions, lambda name: MONO, targets(origins), frozenset())
    assert result.problem == ""
    return pikepdf.unparse_content_stream(result.instructions), result.cut, len(result.hit)


def test_a_cut_glyph_becomes_the_gap_it_took() -> None:
    # 10 pt glyphs 5 pt wide from x = 100: "World" starts at 130.
    world = [(130.0 + 5 * i, 700.0) for i in range(5)]
    out, glyphs, hit = cut(b"BT /F1 10 Tf 100 700 Td (Hello World) Tj ET", world)
    assert out == b"BT\n/F1 10 Tf\n100 700 Td\n[ (Hello ) -2500 ] TJ\nET"
    assert (glyphs, hit) == (5, 5)


def test_kerning_spacing_and_scaling_move_the_glyphs_as_a_reader_does() -> None:
    # Tc 1, Tw 2 (the space), 50% scaling: each glyph advances (5 + 1) * 0.5 = 3, the space 4, and the
    # -1000 kern 5: H at 0, i at 3, the space at 11, X at 15, Y at 18.
    content = b"BT /F1 10 Tf 1 Tc 2 Tw 50 Tz [(Hi) -1000 ( XY)] TJ ET"
    unchanged = b"BT\n/F1 10 Tf\n1 Tc\n2 Tw\n50 Tz\n[ (Hi) -1000 ( XY) ] TJ\nET"
    # Where X and Y would be without the kern and the word spacing: nothing is there.
    assert cut(content, [(10.0, 0.0), (13.0, 0.0)]) == (unchanged, 0, 0)
    out, glyphs, hit = cut(content, [(15.0, 0.0), (18.0, 0.0)])
    assert out == b"BT\n/F1 10 Tf\n1 Tc\n2 Tw\n50 Tz\n[ (Hi) -1000 ( ) -1200 ] TJ\nET"
    assert (glyphs, hit) == (2, 2)


def test_a_next_line_show_keeps_its_move_when_cut() -> None:
    content = b'BT /F1 10 Tf 12 TL 0 700 Td (ab) Tj 1 2 (cd) " ET'
    out, glyphs, _ = cut(content, [(0.0 + 1 * 0, 688.0)])
    assert out == b"BT\n/F1 10 Tf\n12 TL\n0 700 Td\n(ab) Tj\n1 Tw\n2 Tc\nT*\n[ -700 (d) ] TJ\nET"
    assert glyphs == 1


def test_glyphs_of_a_type3_font_are_refused_not_cut() -> None:
    with pikepdf.new() as scratch:
        instructions = pikepdf.parse_content_stream(pikepdf.Stream(scratch, b"BT /F1 10 Tf (a) Tj ET"))
    font = read_font(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type3))
    result = cut_glyphs(instructions, lambda name: font, targets([(0.0, 0.0)]), frozenset())
    assert result.problem.startswith("text drawn with a Type 3 font")
    assert result.instructions == ()
