"""Word files: exact segments, locations, sections and hidden content; hostile files refused."""

from __future__ import annotations

import io
import random
import socket
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

from conftest import SHARED
from discreet.errors import (
    CorruptFileError,
    EncryptedError,
    NoTextError,
    TooLargeError,
    UnsupportedFormatError,
)
from discreet.model import Document, DocumentKind, Format, Limits, Section
from discreet.parsers.docx import parse
from discreet.parsers.docxlocation import DocxLocation, DocxPart
from wordparts import NS, add_part, notes_xml

CORPUS = SHARED / "corpus" / "resumes"
CORPUS_DOCX = sorted(p.name for p in (CORPUS / "docx").glob("*.docx")) if CORPUS.is_dir() else []

BODY, TABLE, TEXT_BOX = DocxPart.BODY, DocxPart.TABLE, DocxPart.TEXT_BOX
HEADER, FOOTER, COMMENT, PROPERTIES = DocxPart.HEADER, DocxPart.FOOTER, DocxPart.COMMENT, DocxPart.PROPERTIES
FOOTNOTE, ENDNOTE = DocxPart.FOOTNOTE, DocxPart.ENDNOTE
CONTACT, EXPERIENCE, SKILLS, OTHER = Section.CONTACT, Section.EXPERIENCE, Section.SKILLS, Section.OTHER


Row = tuple[str, DocxLocation, Section, bool]


def new_document() -> Any:
    """A python-docx document without the template's own author and comment properties."""
    word = docx.Document()
    word.core_properties.author = ""
    word.core_properties.comments = ""
    return word


def save(word: Any, tmp_path: Path, name: str = "resume.docx") -> Path:
    path = tmp_path / name
    word.save(str(path))
    return path


def append_xml(container: Any, xml: str) -> None:
    """Add raw WordprocessingML before the container's section properties, if it has any."""
    element = parse_xml(xml.replace("<w:p>", f"<w:p {NS}>", 1) if xml.startswith("<w:p>") else xml)
    last = container[-1] if len(container) else None
    if last is not None and last.tag.endswith("}sectPr"):
        last.addprevious(element)
    else:
        container.append(element)


def rows(document: Document) -> list[Row]:
    found = []
    for segment in document.segments:
        assert isinstance(segment.location, DocxLocation)
        found.append((segment.text, segment.location, segment.section, segment.hidden))
    return found


def body(paragraph: int, detail: str = "") -> DocxLocation:
    return DocxLocation(BODY, paragraph, detail=detail)


def read(path: Path, limits: Limits | None = None) -> Document:
    return parse(path, limits or Limits())


def replace_member(path: Path, name: str, data: bytes) -> None:
    """Rewrite one member of a ZIP file, keeping the others as they are."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, data if info.filename == name else source.read(info))


def text_box(text: str, *, fallback: bool = True) -> str:
    """A run holding a DrawingML text box and, like Word writes it, its VML fallback copy."""
    paragraph = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    choice = (
        "<w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>"
        f"<w:txbxContent>{paragraph}</w:txbxContent>"
        "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )
    vml = (
        f"<w:pict><v:shape><v:textbox><w:txbxContent>{paragraph}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict>"
    )
    if not fallback:
        return f"<w:r>{vml}</w:r>"
    return (
        f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{choice}</mc:Choice>'
        f"<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_body_paragraphs_count_empty_ones_and_headings_open_sections(tmp_path: Path) -> None:
    word = new_document()
    word.add_paragraph("Jane Doe")
    word.add_paragraph("")
    word.add_paragraph("Work Experience", style="Heading 1")
    word.add_paragraph("Built a billing platform")
    word.add_paragraph("Personal projects and side work", style="Heading 2")
    word.add_paragraph("Wrote a compiler")
    document = read(save(word, tmp_path))
    assert rows(document) == [
        ("Jane Doe", body(1), CONTACT, False),
        ("Work Experience", body(3), EXPERIENCE, False),
        ("Built a billing platform", body(4), EXPERIENCE, False),
        ("Personal projects and side work", body(5), EXPERIENCE, False),
        ("Wrote a compiler", body(6), EXPERIENCE, False),
    ]
    assert document.kind is DocumentKind.RESUME
    assert document.format is Format.DOCX
    assert document.text == (
        "Jane Doe\nWork Experience\nBuilt a billing platform\n"
        "Personal projects and side work\nWrote a compiler"
    )
    assert document.segment_at(document.text.index("billing")).location == body(4)


def test_line_breaks_tabs_and_field_codes_read_as_a_reader_sees_them(tmp_path: Path) -> None:
    word = new_document()
    append_xml(
        word.element.body,
        "<w:p><w:r><w:t>Engineer</w:t><w:tab/><w:t>2019</w:t><w:br/><w:t>Acme</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t> p.2</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    )
    assert rows(read(save(word, tmp_path))) == [("Engineer\t2019\nAcme p.2", body(1), CONTACT, False)]


def test_tables_sit_between_paragraphs_in_document_order_nested_ones_included(tmp_path: Path) -> None:
    word = new_document()
    word.add_paragraph("Skills")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).paragraphs[0].text = "Python"
    table.cell(0, 0).add_paragraph("Go")
    table.cell(0, 1).paragraphs[0].text = "Ten years"
    table.cell(1, 1).paragraphs[0].text = "Cloud"
    table.cell(1, 1).add_table(rows=1, cols=2).cell(0, 1).paragraphs[0].text = "Kubernetes"
    word.add_paragraph("Experience")
    word.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].text = "Acme Corp"
    document = read(save(word, tmp_path))
    assert rows(document) == [
        ("Skills", body(1), SKILLS, False),
        ("Python", DocxLocation(TABLE, 1, 1, 1, 1), SKILLS, False),
        ("Go", DocxLocation(TABLE, 2, 1, 1, 1), SKILLS, False),
        ("Ten years", DocxLocation(TABLE, 1, 1, 1, 2), SKILLS, False),
        ("Cloud", DocxLocation(TABLE, 1, 1, 2, 2), SKILLS, False),
        ("Kubernetes", DocxLocation(TABLE, 1, 2, 1, 2), SKILLS, False),
        ("Experience", body(2), EXPERIENCE, False),
        ("Acme Corp", DocxLocation(TABLE, 1, 3, 1, 1), EXPERIENCE, False),
    ]
    assert document.segments[5].location.describe() == "table 2 row 1 cell 2 paragraph 1"


def test_content_controls_are_looked_through(tmp_path: Path) -> None:
    word = new_document()
    append_xml(
        word.element.body,
        f"<w:sdt {NS}><w:sdtPr><w:alias w:val='Name'/></w:sdtPr><w:sdtContent>"
        "<w:p><w:sdt><w:sdtContent><w:r><w:t>Jane Doe</w:t></w:r></w:sdtContent></w:sdt></w:p>"
        "</w:sdtContent></w:sdt>",
    )
    word.add_paragraph("Summary")
    assert rows(read(save(word, tmp_path))) == [
        ("Jane Doe", body(1), CONTACT, False),
        ("Summary", body(2), Section.SUMMARY, False),
    ]


def test_hyperlink_text_is_visible_and_a_hidden_target_follows_it(tmp_path: Path) -> None:
    word = new_document()
    portfolio = word.part.relate_to("https://jane.example.com/work", RT.HYPERLINK, is_external=True)
    mail = word.part.relate_to("mailto:jane@example.com", RT.HYPERLINK, is_external=True)
    append_xml(
        word.element.body,
        f'<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink r:id="{portfolio}">'
        "<w:r><w:t>my portfolio</w:t></w:r></w:hyperlink>"
        f'<w:r><w:t xml:space="preserve"> or write to </w:t></w:r><w:hyperlink r:id="{mail}">'
        "<w:r><w:t>Jane@Example.com</w:t></w:r></w:hyperlink></w:p>",
    )
    append_xml(
        word.element.body,
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK </w:instrText></w:r>'
        '<w:r><w:instrText xml:space="preserve">"https://www.linkedin.com/in/jdoe" </w:instrText></w:r>'
        '<w:r><w:instrText xml:space="preserve">\\o "tip" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>LinkedIn</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:fldSimple w:instr=" HYPERLINK &quot;https://github.com/jdoe&quot; ">'
        '<w:r><w:t xml:space="preserve"> and github.com/jdoe</w:t></w:r></w:fldSimple></w:p>',
    )
    assert rows(read(save(word, tmp_path))) == [
        ("See my portfolio or write to Jane@Example.com", body(1), CONTACT, False),
        ("https://jane.example.com/work", body(1, "hyperlink target"), CONTACT, True),
        ("LinkedIn and github.com/jdoe", body(2), CONTACT, False),
        ("https://www.linkedin.com/in/jdoe", body(2, "hyperlink target"), CONTACT, True),
    ]


def test_tracked_deletions_stay_out_of_visible_text_and_insertions_are_flagged(tmp_path: Path) -> None:
    word = new_document()
    word.add_paragraph("Experience")
    append_xml(
        word.element.body,
        '<w:p><w:r><w:t xml:space="preserve">Led the </w:t></w:r>'
        '<w:del w:id="1" w:author="Sam"><w:r><w:delText xml:space="preserve">Acme </w:delText></w:r>'
        '<w:r><w:delText xml:space="preserve">$4M </w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="Sam"><w:r><w:t xml:space="preserve">client </w:t></w:r></w:ins>'
        '<w:r><w:t>migration</w:t></w:r><w:moveFrom w:id="3" w:author="Sam"><w:r><w:t> early</w:t></w:r>'
        "</w:moveFrom></w:p>",
    )
    append_xml(
        word.element.body,
        '<w:p><w:del w:id="4" w:author="Sam"><w:r><w:delText>References</w:delText></w:r></w:del></w:p>',
    )
    word.add_paragraph("Led a team of eight")
    assert rows(read(save(word, tmp_path))) == [
        ("Experience", body(1), EXPERIENCE, False),
        ("Led the client migration", body(2), EXPERIENCE, False),
        ("Acme $4M ", body(2, "tracked deletion"), EXPERIENCE, True),
        ("client ", body(2, "tracked insertion"), EXPERIENCE, True),
        (" early", body(2, "tracked deletion"), EXPERIENCE, True),
        ("References", body(3, "tracked deletion"), EXPERIENCE, True),
        ("Led a team of eight", body(4), EXPERIENCE, False),
    ]


def test_hidden_runs_direct_or_by_style_become_hidden_segments(tmp_path: Path) -> None:
    word = new_document()
    secret = word.styles.add_style("Secret", WD_STYLE_TYPE.CHARACTER)
    secret.font.hidden = True
    hidden_paragraphs = word.styles.add_style("Hidden Notes", WD_STYLE_TYPE.PARAGRAPH)
    hidden_paragraphs.font.hidden = True
    paragraph = word.add_paragraph("Salary ")
    paragraph.add_run("was $140K ").font.hidden = True
    paragraph.add_run("negotiable").style = secret
    notes = word.add_paragraph("Reason for leaving: layoffs", style=hidden_paragraphs)
    notes.add_run(" (shown)").font.hidden = False
    assert rows(read(save(word, tmp_path))) == [
        ("Salary ", body(1), CONTACT, False),
        ("was $140K negotiable", body(1, "hidden text"), CONTACT, True),
        (" (shown)", body(2), CONTACT, False),
        ("Reason for leaving: layoffs", body(2, "hidden text"), CONTACT, True),
    ]


def test_comments_follow_the_paragraph_they_annotate_and_orphans_end_the_body(tmp_path: Path) -> None:
    word = new_document()
    word.add_paragraph("Experience")
    anchored = word.add_paragraph("Led Project Falcon")
    comment = word.add_comment(anchored.runs[0], text="Falcon is under NDA", author="Pat Lee")
    comment.add_paragraph("Remove before sending")
    orphan_anchor = word.add_paragraph("Skills").add_run(" and tools")
    word.add_comment(orphan_anchor, text="Ask about the merger", author="")
    for marker in word.element.body.iter():
        is_marker = marker.tag.endswith(("}commentRangeStart", "}commentRangeEnd", "}commentReference"))
        if is_marker and marker.get(marker.tag.split("}")[0] + "}id") == "1":
            marker.getparent().remove(marker)
    assert rows(read(save(word, tmp_path))) == [
        ("Experience", body(1), EXPERIENCE, False),
        ("Led Project Falcon", body(2), EXPERIENCE, False),
        ("Falcon is under NDA", DocxLocation(COMMENT, 1, detail="comment by Pat Lee"), EXPERIENCE, True),
        ("Remove before sending", DocxLocation(COMMENT, 2, detail="comment by Pat Lee"), EXPERIENCE, True),
        ("Skills and tools", body(3), EXPERIENCE, False),
        ("Ask about the merger", DocxLocation(COMMENT, 3, detail="comment"), EXPERIENCE, True),
    ]


def test_text_boxes_are_read_once_where_anchored_and_their_headings_open_sections(tmp_path: Path) -> None:
    word = new_document()
    word.add_paragraph("Jane Doe")
    append_xml(word.element.body, f"<w:p>{text_box('WORK EXPERIENCE')}</w:p>")
    word.add_paragraph("Acme Corp, 2019 – 2024")
    append_xml(
        word.element.body, f"<w:p><w:r><w:t>Stack: </w:t></w:r>{text_box('SKILLS', fallback=False)}</w:p>"
    )
    word.add_paragraph("Python")
    assert rows(read(save(word, tmp_path))) == [
        ("Jane Doe", body(1), CONTACT, False),
        ("WORK EXPERIENCE", DocxLocation(TEXT_BOX, 1), EXPERIENCE, False),
        ("Acme Corp, 2019 – 2024", body(3), EXPERIENCE, False),
        ("Stack: ", body(4), EXPERIENCE, False),
        ("SKILLS", DocxLocation(TEXT_BOX, 2), SKILLS, False),
        ("Python", body(5), SKILLS, False),
    ]


def test_headers_and_footers_of_every_section_come_once_around_the_body(tmp_path: Path) -> None:
    word = new_document()
    first = word.sections[0]
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = "Jane Doe – Confidential draft"
    first.header.paragraphs[0].text = "Jane Doe"
    append_xml(first.header._element, f"<w:p>{text_box('Page 2')}</w:p>")
    first.footer.paragraphs[0].text = "jane@example.com"
    word.add_paragraph("References")
    word.add_paragraph("Available on request")
    second = word.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "Jane Doe"
    append_xml(second.header._element, f"<w:p>{text_box('Page 2')}</w:p>")
    second.footer.is_linked_to_previous = False
    second.footer.paragraphs[0].text = "Acme Corp internal"
    assert rows(read(save(word, tmp_path))) == [
        ("Jane Doe – Confidential draft", DocxLocation(HEADER, 1), CONTACT, False),
        ("Jane Doe", DocxLocation(HEADER, 2), CONTACT, False),
        ("Page 2", DocxLocation(HEADER, 4, detail="text box"), CONTACT, False),
        ("References", body(1), Section.REFERENCES, False),
        ("Available on request", body(2), Section.REFERENCES, False),
        ("jane@example.com", DocxLocation(FOOTER, 1), CONTACT, False),
        ("Acme Corp internal", DocxLocation(FOOTER, 2), CONTACT, False),
    ]


def test_hidden_content_in_cells_boxes_and_footers_points_at_its_own_paragraph(tmp_path: Path) -> None:
    word = new_document()
    cell = word.add_table(rows=1, cols=2).cell(0, 1)
    append_xml(
        cell._tc,
        '<w:p><w:r><w:t xml:space="preserve">Budget </w:t></w:r>'
        '<w:del w:id="1" w:author="Sam"><w:r><w:delText>$2M</w:delText></w:r></w:del></w:p>',
    )
    box = text_box("Acme Corp").replace(
        "<w:r><w:t>Acme Corp</w:t></w:r>",
        '<w:r><w:t xml:space="preserve">Acme Corp </w:t></w:r>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>(acquired by Globex)</w:t></w:r>",
    )
    append_xml(word.element.body, f"<w:p>{box}</w:p>")
    footer = word.sections[0].footer
    link = footer.part.relate_to("https://linkedin.com/in/jdoe", RT.HYPERLINK, is_external=True)
    append_xml(
        footer._element,
        f'<w:p><w:hyperlink r:id="{link}"><w:r><w:t>My profile</w:t></w:r></w:hyperlink></w:p>',
    )
    assert rows(read(save(word, tmp_path))) == [
        ("Budget ", DocxLocation(TABLE, 2, 1, 1, 2), CONTACT, False),
        ("$2M", DocxLocation(TABLE, 2, 1, 1, 2, "tracked deletion"), CONTACT, True),
        ("Acme Corp ", DocxLocation(TEXT_BOX, 1), CONTACT, False),
        ("(acquired by Globex)", DocxLocation(TEXT_BOX, 1, detail="hidden text"), CONTACT, True),
        ("My profile", DocxLocation(FOOTER, 2), CONTACT, False),
        ("https://linkedin.com/in/jdoe", DocxLocation(FOOTER, 2, detail="hyperlink target"), CONTACT, True),
    ]


def test_properties_come_last_as_hidden_segments_naming_the_property(tmp_path: Path) -> None:
    word = new_document()
    word.add_paragraph("Jane Doe")
    properties = word.core_properties
    properties.author = "Jane Doe"
    properties.last_modified_by = "HR Laptop 7"
    properties.title = "Resume"
    properties.subject = "Application for Globex"
    properties.keywords = "resume; sales"
    properties.comments = "Tailored after the Globex call"
    properties.category = "Job search"
    path = save(word, tmp_path)
    app = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>Microsoft Office Word</Application><Manager>Pat Lee</Manager>"
        "<Company>Acme Corp</Company></Properties>"
    )
    replace_member(path, "docProps/app.xml", app.encode())
    assert rows(read(path)) == [
        ("Jane Doe", body(1), CONTACT, False),
        ("Jane Doe", DocxLocation(PROPERTIES, 1, detail="author"), OTHER, True),
        ("HR Laptop 7", DocxLocation(PROPERTIES, 2, detail="last modified by"), OTHER, True),
        ("Resume", DocxLocation(PROPERTIES, 3, detail="title"), OTHER, True),
        ("Application for Globex", DocxLocation(PROPERTIES, 4, detail="subject"), OTHER, True),
        ("resume; sales", DocxLocation(PROPERTIES, 5, detail="keywords"), OTHER, True),
        ("Tailored after the Globex call", DocxLocation(PROPERTIES, 6, detail="comments"), OTHER, True),
        ("Job search", DocxLocation(PROPERTIES, 7, detail="category"), OTHER, True),
        ("Acme Corp", DocxLocation(PROPERTIES, 8, detail="company"), OTHER, True),
        ("Pat Lee", DocxLocation(PROPERTIES, 9, detail="manager"), OTHER, True),
    ]
    assert read(path).segments[-2].location.describe() == "document properties, company"


def test_footnotes_and_endnotes_are_read_after_the_body_and_before_the_footer(tmp_path: Path) -> None:
    word = new_document()
    word.add_paragraph("Jane Doe")
    word.add_paragraph("Experience", style="Heading 1")
    word.add_paragraph("Grew the region")
    word.sections[0].footer.paragraphs[0].text = "Page footer"
    path = save(word, tmp_path)
    add_part(
        path,
        "word/footnotes.xml",
        notes_xml("footnote", "Left Acme under NDA", "Revenue $4.2M"),
        RT.FOOTNOTES,
        "footnotes",
    )
    add_part(
        path, "word/endnotes.xml", notes_xml("endnote", "Referee: Pat Lee"), RT.ENDNOTES, "endnotes", "rIdEnd"
    )
    document = read(path)
    assert rows(document) == [
        ("Jane Doe", body(1), CONTACT, False),
        ("Experience", body(2), EXPERIENCE, False),
        ("Grew the region", body(3), EXPERIENCE, False),
        ("Left Acme under NDA", DocxLocation(FOOTNOTE, 1), OTHER, False),
        ("Revenue $4.2M", DocxLocation(FOOTNOTE, 2), OTHER, False),
        ("Referee: Pat Lee", DocxLocation(ENDNOTE, 1), OTHER, False),
        ("Page footer", DocxLocation(FOOTER, 1), CONTACT, False),
    ]
    assert document.notes == ()
    assert document.segments[4].location.describe() == "footnote paragraph 2"


def test_a_damaged_footnotes_part_is_skipped_with_a_note(tmp_path: Path) -> None:
    word = new_document()
    word.add_paragraph("Jane Doe")
    path = save(word, tmp_path)
    broken = f"<w:footnotes {NS}><w:footnote w:id='1'><w:p><w:r><w:t>Left Acme under NDA"
    add_part(path, "word/footnotes.xml", broken, RT.FOOTNOTES, "footnotes")
    document = read(path)
    assert [segment.text for segment in document.segments if not segment.hidden] == ["Jane Doe"]
    assert document.notes == (
        "word/footnotes.xml is damaged and was not read; "
        "re-save it from Word (File > Save As > Word Document) and try again",
    )


# --- refused files -------------------------------------------------------------------------------


def minimal_docx(tmp_path: Path, name: str = "resume.docx") -> Path:
    word = new_document()
    word.add_paragraph("Jane Doe")
    return save(word, tmp_path, name)


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(4096))


def plain_zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")


@pytest.mark.parametrize(
    "damage",
    [truncate, random_bytes, plain_zip, lambda p: p.write_bytes(b"")],
    ids=["truncated", "random-bytes", "zip-without-word", "zero-bytes"],
)
def test_damaged_files_raise_corrupt_file_error_naming_file_and_remedy(
    tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    path = minimal_docx(tmp_path)
    damage(path)
    with pytest.raises(CorruptFileError) as caught:
        read(path)
    assert str(caught.value) == (
        f"{path}: is damaged or is not a Word document; "
        "re-save it from Word (File > Save As > Word Document) and try again"
    )


def test_a_document_with_no_text_raises_no_text_error(tmp_path: Path) -> None:
    path = save(docx.Document(), tmp_path)
    with pytest.raises(NoTextError, match=r"resume\.docx: has no text; if the resume is a picture"):
        read(path)


def test_a_member_that_expands_like_a_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = minimal_docx(tmp_path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/padding.bin", bytes(8 * 2**20))
    with pytest.raises(TooLargeError) as caught:
        read(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: word/media/padding.bin expands ")
    assert message.endswith(
        " times (limit 200), as a ZIP bomb does; unzip it yourself and check what it holds"
    )


def test_a_member_declaring_a_huge_size_is_refused_from_the_zip_directory(tmp_path: Path) -> None:
    path = minimal_docx(tmp_path)
    data = bytearray(path.read_bytes())
    directory_entry = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, directory_entry + 24, 0xF000_0000)
    path.write_bytes(bytes(data))
    with pytest.raises(TooLargeError) as caught:
        read(path)
    problem = "unpacks to 3840.8 MB, over the 200.0 MB limit"
    assert str(caught.value) == f"{path}: {problem}; raise --max-archive-mb if you trust this file"


@pytest.mark.parametrize(
    ("limits", "problem"),
    [
        (Limits(max_archive_members=5), "holds 17 files, more than the 5 a resume or export needs; pass the"),
        (Limits(max_archive_bytes=10_000), "unpacks to 826,166 bytes, over the 10,000 bytes limit; raise"),
    ],
)
def test_archive_limits_apply_to_ordinary_files(tmp_path: Path, limits: Limits, problem: str) -> None:
    path = minimal_docx(tmp_path)
    with pytest.raises(TooLargeError) as caught:
        read(path, limits)
    assert str(caught.value).startswith(f"{path}: {problem}")


def test_a_password_protected_docx_raises_encrypted_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    stream_name = "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(70_000) + stream_name + bytes(64))
    with pytest.raises(EncryptedError) as caught:
        read(path)
    assert str(caught.value) == (
        f"{path}: is password-protected; "
        "remove the password in Word (File > Info > Protect Document), save, and try again"
    )


def test_a_legacy_compound_file_raises_unsupported_format_error(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(1024))
    with pytest.raises(UnsupportedFormatError, match=r"legacy Word 97-2003 \(\.doc\)"):
        read(path)


# --- the real resumes in the shared corpus -------------------------------------------------------


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"{SHARED} is absent: corpus tests need the shared folder beside the repository")
    return CORPUS


@pytest.mark.parametrize("name", CORPUS_DOCX or ["(corpus absent)"])
def test_every_corpus_docx_parses_into_located_non_empty_segments(corpus: Path, name: str) -> None:
    document = read(corpus / "docx" / name)
    visible = [s for s in document.segments if not s.hidden]
    assert visible
    assert all(s.text.strip() and isinstance(s.location, DocxLocation) for s in document.segments)
    assert document.text == "\n".join(s.text for s in document.segments)


def test_mickey_headings_in_text_boxes_and_header_are_found_once(corpus: Path) -> None:
    document = read(corpus / "docx" / "soupboss_Mickey01_docx.docx")
    found = rows(document)
    assert found[:4] == [
        ("Mickey Mouse", DocxLocation(HEADER, 2, detail="text box"), CONTACT, False),
        ("Page 2 of 3", DocxLocation(HEADER, 3, detail="text box"), CONTACT, False),
        ("Mickey Mouse", body(1), CONTACT, False),
        ("Oak Park, CA 91377 ▪ ▪ 123-456-7890", body(2), CONTACT, False),
    ]
    boxes = [(text, location, section) for text, location, section, _ in found if location.part is TEXT_BOX]
    assert boxes == [
        ("PROFESSIONAL SUMMARY", DocxLocation(TEXT_BOX, 1), Section.SUMMARY),
        ("AREAS OF EXPERTISE", DocxLocation(TEXT_BOX, 2), SKILLS),
        ("WORK EXPERIENCE", DocxLocation(TEXT_BOX, 3), EXPERIENCE),
    ]
    by_text = {text: (location, section) for text, location, section, _ in found}
    assert by_text["Staff Infrastructure Engineer\tNovember 2021 – Present"] == (body(14), EXPERIENCE)
    assert by_text["\tEDUCATION\t"] == (body(50), Section.EDUCATION)
    assert by_text["\tCERTIFICATIONS\t"] == (body(52), Section.CERTIFICATIONS)
    assert found[-3:] == [
        ("None", DocxLocation(PROPERTIES, 1, detail="author"), OTHER, True),
        ("Tobey Gossen", DocxLocation(PROPERTIES, 2, detail="last modified by"), OTHER, True),
        ("Mickey01_docx", DocxLocation(PROPERTIES, 3, detail="title"), OTHER, True),
    ]


@pytest.mark.parametrize(
    ("name", "properties"),
    [
        ("adamnathanielwhite_Resume.docx", [("last modified by", "White, Adam (white2a3)"),
                                            ("company", "Siemens PLM Software")]),
        ("bjherger_john_smith.docx", [("author", "Krakowski, Kelly"), ("last modified by", "Brendan Herger"),
                                      ("company", "Kent State University")]),
        ("akranig_Resume.docx", [("author", "Kranig, Alec"), ("last modified by", "Kranig, Alec")]),
    ],
)  # fmt: skip
def test_corpus_properties_leak_employers_and_names(
    corpus: Path, name: str, properties: list[tuple[str, str]]
) -> None:
    document = read(corpus / "docx" / name)
    found = [
        (location.detail, text) for text, location, _, _ in rows(document) if location.part is PROPERTIES
    ]
    assert found == properties


def test_corpus_lines_keep_their_place_and_section(corpus: Path) -> None:
    adam = rows(read(corpus / "docx" / "adamnathanielwhite_Resume.docx"))
    assert adam[:4] == [
        ("ADAM NATHANIEL WHITE", body(2), CONTACT, False),
        ("513.502.9288 (cell)", body(3), CONTACT, False),
        ("adam.nathaniel.white@gmail.com", body(4), CONTACT, False),
        ("EDUCATION", body(6), Section.EDUCATION, False),
    ]
    kranig = rows(read(corpus / "docx" / "akranig_Resume.docx"))
    assert kranig[1] == (
        "Andover, MN, (763)-226-6497, alecpk57@gmail.com, https://github.com/AKranig",
        body(2),
        CONTACT,
        False,
    )
    assert not [row for row in kranig if row[1].detail == "hyperlink target"]


def test_the_small_corpus_resume_reads_exactly(corpus: Path) -> None:
    assert rows(read(corpus / "docx" / "theresumeparser_sample_resume.docx")) == [
        ("Jane Smith", body(1), CONTACT, False),
        ("Software Engineer", body(2), CONTACT, False),
        ("jane@example.com", body(3), CONTACT, False),
        ("Experience", body(4), EXPERIENCE, False),
        ("Senior Engineer at Acme Corp 2020-2023", body(5), EXPERIENCE, False),
        ("Education", body(6), Section.EDUCATION, False),
        ("BS Computer Science, State University 2016", body(7), Section.EDUCATION, False),
        ("Skills", body(8), SKILLS, False),
        ("Python, FastAPI, PostgreSQL, Docker, Kubernetes", body(9), SKILLS, False),
        ("python-docx", DocxLocation(PROPERTIES, 1, detail="author"), OTHER, True),
        ("generated by python-docx", DocxLocation(PROPERTIES, 2, detail="comments"), OTHER, True),
    ]


def test_the_legacy_corpus_doc_is_refused_with_a_remedy(corpus: Path) -> None:
    path = corpus / "other" / "perminderklair_resume.doc"
    with pytest.raises(UnsupportedFormatError) as caught:
        read(path)
    assert str(caught.value) == (
        f"{path}: is a legacy Word 97-2003 (.doc) or other old Office file, not a .docx; "
        "open it in Word and save it as a Word Document (.docx), then try again"
    )


# --- DTDs ----------------------------------------------------------------------------------------


def body_with_dtd(tmp_path: Path, doctype: str, text: str) -> Path:
    """A .docx whose document.xml declares the given DOCTYPE and holds one paragraph of text."""
    path = minimal_docx(tmp_path)
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
        f"<w:document {NS}><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
    )
    replace_member(path, "word/document.xml", xml.encode())
    return path


def dtd_refusal(path: Path, member: str = "word/document.xml") -> str:
    return (
        f"{path}: declares a DTD (<!DOCTYPE>) in {member}, which Word never writes; "
        "re-save it from Word (File > Save As > Word Document) and try again"
    )


def test_a_dtd_with_an_internal_entity_is_refused_never_truncated(tmp_path: Path) -> None:
    path = body_with_dtd(tmp_path, '<!DOCTYPE w:document [<!ENTITY xxe "Hidden">]>', "Before &xxe; After")
    with pytest.raises(CorruptFileError) as caught:
        read(path)
    assert str(caught.value) == dtd_refusal(path)


def test_a_dtd_in_a_header_part_is_refused_too(tmp_path: Path) -> None:
    path = minimal_docx(tmp_path)
    header = f'<!DOCTYPE w:hdr [<!ENTITY x "y">]><w:hdr {NS}><w:p><w:r><w:t>A &x; B</w:t></w:r></w:p></w:hdr>'
    add_part(path, "word/header9.xml", header, RT.HEADER, "header")
    with pytest.raises(CorruptFileError) as caught:
        read(path)
    assert str(caught.value) == dtd_refusal(path, "word/header9.xml")


def test_external_entities_and_dtds_are_never_read_or_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-FILE-CONTENT", encoding="utf-8")
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.setblocking(False)
        url = f"http://127.0.0.1:{server.getsockname()[1]}/evil.dtd"
        doctype = f'<!DOCTYPE w:document SYSTEM "{url}" [<!ENTITY ext SYSTEM "{secret.as_uri()}">]>'
        path = body_with_dtd(tmp_path, doctype, "Before &ext; After")
        with pytest.raises(CorruptFileError) as caught:
            read(path)
        with pytest.raises(BlockingIOError):
            server.accept()
    assert str(caught.value) == dtd_refusal(path)
    assert "SECRET" not in repr(caught.value.__cause__) + repr(caught.value.__context__)
