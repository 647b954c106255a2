"""discreet fix for Word: edits made in their runs or tracked, hidden content scrubbed, copies checked."""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from conftest import FIXTURES, REPO, SHARED, run
from discreet.api import load_rules
from discreet.audit import audit_document
from discreet.detect import Terms
from discreet.fixplan import Edit, plan, still_flagged
from discreet.model import Destination, Document, Limits
from discreet.parsers.docxlocation import DocxPart
from discreet.parsers.wordopen import load
from discreet.parsers.wordparagraphs import Piece
from discreet.parsers.wordwalk import placed_paragraphs
from discreet.read import Piped, read
from discreet.termsfile import read_terms
from discreet.textview import extract_view
from discreet.writers import accepted, write_copy
from discreet.writers.runs import AUTHOR, DATE, Revisions, replace_span
from fuzzing import LIMITS, TERMS, Target, fuzz, targets
from wordparts import word_with_notes

GOLDEN = REPO / "tests" / "golden" / "fix"
PERSONA = FIXTURES / "persona" / "resume.docx"
HIDDEN = FIXTURES / "word" / "hidden-content.docx"
PRIVATE_TERMS = FIXTURES / "persona" / "private-terms.txt"
CORPUS = sorted((SHARED / "corpus" / "resumes" / "docx").glob("*.docx"))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NOTE_PARTS = (DocxPart.FOOTNOTE, DocxPart.ENDNOTE)


def check_golden(name: str, text: str) -> None:
    """Compare with tests/golden/fix/name, rewriting the file when DISCREET_REGEN_GOLDEN=1."""
    path = GOLDEN / name
    if os.environ.get("DISCREET_REGEN_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} is missing; run with DISCREET_REGEN_GOLDEN=1 to write it"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs; DISCREET_REGEN_GOLDEN=1 rewrites it"


def fix_cli(source: Path, copy: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str]:
    """Run discreet fix; its exit code and its output, with the copy's folder written <tmp>."""
    code, out, err = run(["fix", str(source), "--output", str(copy), *options], capsys)
    assert err == ""
    return code, out.replace(str(copy.parent), "<tmp>")


def shown(copy: Path) -> str:
    """The copy's text as discreet reads it, each segment with its location."""
    return extract_view(read(copy, Limits()), locations=True).replace(str(copy.parent), "<tmp>")


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


# --- offsets map back to runs ---------------------------------------------------------------------


def test_every_paragraph_maps_back_to_the_pieces_its_text_was_read_from() -> None:
    # The map behind every edit: each visible segment's text is its paragraph's pieces, joined.
    for path in (PERSONA, HIDDEN, *CORPUS):
        document = read(path, Limits())
        placed = placed_paragraphs(load(path, Limits()))
        for segment in (s for s in document.segments if not s.hidden):
            pieces = placed[segment.location].pieces
            assert "".join(piece.text for piece in pieces) == segment.text, (path, segment.location)


def test_a_paragraphs_pieces_name_the_run_children_that_hold_them() -> None:
    placed = placed_paragraphs(load(HIDDEN, Limits()))
    tabbed = next(p for p in placed.values() if any(piece.text == "\t" for piece in p.pieces))
    assert [(piece.node.tag.split("}")[1], piece.text) for piece in tabbed.pieces] == [
        ("t", "Chicago, IL"),
        ("tab", "\t"),
        ("t", "Mar 2021 – Present"),
    ]


# --- replacing a span inside runs -----------------------------------------------------------------

RUNS = (
    f'<w:p xmlns:w="{W}"><w:r><w:t xml:space="preserve">Closed an </w:t></w:r>'
    '<w:r><w:rPr><w:b/></w:rPr><w:t>$850K</w:t></w:r><w:r><w:t xml:space="preserve"> deal.</w:t></w:r></w:p>'
)


def paragraph_and_pieces() -> tuple[object, list[Piece]]:
    paragraph = parse_xml(RUNS)
    nodes = list(paragraph.iter(qn("w:t")))
    return paragraph, [Piece(node, node.text) for node in nodes]


def runs_of(paragraph: object) -> list[tuple[str, str, bool]]:
    """Each run as (wrapper tag or '', its text, bold)."""
    found = []
    for element in paragraph.iter(qn("w:r")):
        parent = element.getparent().tag.split("}")[1]
        text = "".join(node.text or "" for node in element.iter(qn("w:t"), qn("w:delText")))
        found.append(
            (
                parent if parent in ("ins", "del") else "",
                text,
                element.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None,
            )
        )
    return found


@pytest.mark.parametrize(
    ("start", "end", "text", "expected"),
    [
        # The span starts in a plain run: the new text is plain, the bold run goes.
        (7, 15, "a six-figure", [("", "Closed ", False), ("", "a six-figure", False), ("", " deal.", False)]),
        # The span is the bold run: the new text keeps its bold.
        (10, 15, "millions", [("", "Closed an ", False), ("", "millions", True), ("", " deal.", False)]),
        # Inside one run: the run is split around it.
        (
            11,
            14,
            "1",
            [
                ("", "Closed an ", False),
                ("", "$", True),
                ("", "1", True),
                ("", "K", True),
                ("", " deal.", False),
            ],
        ),
        # Left out: nothing stands in.
        (6, 15, "", [("", "Closed", False), ("", " deal.", False)]),
    ],
)
def test_a_span_is_replaced_inside_its_runs_the_first_runs_formatting_carrying_the_new_text(
    start: int, end: int, text: str, expected: list[tuple[str, str, bool]]
) -> None:
    paragraph, pieces = paragraph_and_pieces()
    replace_span(pieces, start, end, text, None)
    assert runs_of(paragraph) == expected


def test_a_tracked_replacement_deletes_the_old_runs_and_inserts_the_new_text_after_them() -> None:
    paragraph, pieces = paragraph_and_pieces()
    replace_span(pieces, 7, 15, "a six-figure", Revisions(40))
    assert runs_of(paragraph) == [
        ("", "Closed ", False),
        ("del", "an ", False),
        ("del", "$850K", True),
        ("ins", "a six-figure", False),
        ("", " deal.", False),
    ]
    revisions = [
        (e.tag.split("}")[1], e.get(qn("w:id")), e.get(qn("w:author")), e.get(qn("w:date")))
        for e in paragraph.iter(qn("w:ins"), qn("w:del"))
    ]
    assert revisions == [
        ("del", "40", AUTHOR, DATE),
        ("del", "41", AUTHOR, DATE),
        ("ins", "42", AUTHOR, DATE),
    ]
    assert [e.text for e in paragraph.iter(qn("w:delText"))] == ["an ", "$850K"]


def test_tabs_and_line_breaks_in_new_text_become_word_tabs_and_breaks() -> None:
    paragraph, pieces = paragraph_and_pieces()
    replace_span(pieces, 0, 6, "Won\tnew\nwork", None)
    first = next(paragraph.iter(qn("w:r")))
    assert [(child.tag.split("}")[1], child.text) for child in first] == [
        ("t", "Won"),
        ("tab", None),
        ("t", "new"),
        ("br", None),
        ("t", "work"),
    ]


# --- the persona and the hidden-content fixture -----------------------------------------------------


def test_a_public_copy_of_the_persona_resume(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "public.docx"
    before = PERSONA.read_bytes()
    code, out = fix_cli(PERSONA, copy, capsys)
    assert code == 0
    check_golden("persona-public.txt", out + shown(copy))
    assert PERSONA.read_bytes() == before


def test_a_public_copy_scrubs_everything_word_hides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "public.docx"
    code, out = fix_cli(HIDDEN, copy, capsys, "--private-terms", str(PRIVATE_TERMS))
    assert code == 0
    check_golden("hidden-public.txt", out + shown(copy))
    parts = members(copy)
    assert sorted(parts) == [
        "[Content_Types].xml",
        "_rels/.rels",
        "customXml/_rels/item1.xml.rels",
        "customXml/item1.xml",
        "customXml/itemProps1.xml",
        "docProps/app.xml",
        "docProps/core.xml",
        "word/_rels/document.xml.rels",
        "word/document.xml",
        "word/fontTable.xml",
        "word/footer1.xml",
        "word/header1.xml",
        "word/numbering.xml",
        "word/settings.xml",
        "word/styles.xml",
        "word/stylesWithEffects.xml",
        "word/theme/theme1.xml",
        "word/webSettings.xml",
    ]
    body = parts["word/document.xml"].decode()
    for mark in ("w:ins ", "w:del ", "w:delText", "w:vanish", "w:comment", "w:rPrChange", "w:hyperlink"):
        assert mark not in body, mark
    core = parts["docProps/core.xml"].decode()
    assert re.findall(r"<(?:dc|cp|dcterms):(\w+)", core) == [
        "coreProperties",
        "revision",
        "created",
        "modified",
    ]
    assert b"<Company>" not in parts["docProps/app.xml"] and b"<Template>" not in parts["docProps/app.xml"]
    assert b"attachedTemplate" not in parts["word/settings.xml"]
    assert b"mailto:" not in parts["word/_rels/document.xml.rels"]
    assert (
        b"comments" not in parts["[Content_Types].xml"]
        and b"custom-properties" not in parts["[Content_Types].xml"]
    )


def test_a_tracked_copy_shows_each_edit_as_a_revision_by_discreet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "tracked.docx"
    code, out = fix_cli(HIDDEN, copy, capsys, "--private-terms", str(PRIVATE_TERMS), "--tracked")
    assert code == 1  # a person accepts the changes before the copy is shared
    parts = members(copy)
    stories = [parse_xml(parts[f"word/{name}.xml"]) for name in ("header1", "document", "footer1")]
    check_golden("hidden-tracked.txt", out + "".join(_revisions(root) for root in stories))
    made = [r for root in stories for r in root.iter(qn("w:ins"), qn("w:del"))]
    assert {(r.get(qn("w:author")), r.get(qn("w:date"))) for r in made} == {(AUTHOR, DATE)}
    # Numbered from one past the largest id left once the scrub is done (none: the comment and the
    # earlier revisions are gone), in reading order within each part.
    ids = [[int(r.get(qn("w:id"))) for r in root.iter(qn("w:ins"), qn("w:del"))] for root in stories]
    assert ids == [[8], [1, 2, 3, 4, 5, 6, 7], [9]]


def _revisions(root: object) -> str:
    """Each tracked change of a document part, one a line: kind and text."""
    lines = []
    for revision in root.iter(qn("w:ins"), qn("w:del")):
        kind = revision.tag.split("}")[1]
        text = "".join(node.text or "" for node in revision.iter(qn("w:t"), qn("w:delText")))
        lines.append(f"{kind}: {text!r}" if text else f"{kind}: paragraph mark")
    return "\n".join(lines) + "\n"


def test_accepting_a_tracked_copy_gives_the_untracked_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain, tracked = tmp_path / "plain.docx", tmp_path / "tracked.docx"
    for copy, options in ((plain, ()), (tracked, ("--tracked",))):
        fix_cli(HIDDEN, copy, capsys, "--private-terms", str(PRIVATE_TERMS), *options)
    accepted_copy = read(Piped(str(tracked), accepted(tracked, tracked.read_bytes())), Limits())
    assert _visible(accepted_copy) == _visible(read(plain, Limits()))


def _visible(document: Document) -> list[str]:
    return [segment.text for segment in document.segments if not segment.hidden]


def test_a_resume_copy_leaves_out_only_what_belongs_nowhere_and_still_scrubs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "resume.docx"
    code, out = fix_cli(HIDDEN, copy, capsys, "--for", "resume")
    assert code == 0
    check_golden("hidden-resume.txt", out + shown(copy))


@pytest.mark.parametrize("tracked", [False, True])
def test_footnotes_and_endnotes_are_fixed_like_the_body(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tracked: bool
) -> None:
    source, copy = word_with_notes(tmp_path / "notes.docx"), tmp_path / "copy.docx"
    options = ("--private-terms", str(PRIVATE_TERMS), *(("--tracked",) if tracked else ()))
    code, _out = fix_cli(source, copy, capsys, *options)
    assert code == (1 if tracked else 0)
    data = copy.read_bytes() if not tracked else accepted(copy, copy.read_bytes())
    fixed = read(Piped(str(copy), data), Limits())
    notes = [(s.location.part.value, s.text) for s in fixed.segments if s.location.part in NOTE_PARTS]
    assert notes == [("footnote", "Closed a multi-million-dollar deal with a key client in 2021.")]
    assert audit_document(fixed, load_rules(), read_terms(PRIVATE_TERMS, None)).findings == ()


def test_the_same_input_gives_the_same_bytes_whenever_it_is_fixed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "first.docx", tmp_path / "second.docx"
    for copy in (first, second):
        fix_cli(HIDDEN, copy, capsys, "--tracked")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(io.BytesIO(first.read_bytes())) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_a_damaged_word_file_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.docx"
    source = FIXTURES / "bad" / "corrupt.docx"
    code, out, err = run(["fix", str(source), "--output", str(copy)], capsys)
    assert (code, out) == (2, "")
    assert err == (f"discreet: {source}: is not a valid Word document; re-save it from Word and try again\n")
    assert not copy.exists()


def test_a_word_file_that_reads_but_cannot_be_written_back_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A content type left out of [Content_Types].xml: python-docx reads the part, then cannot write it.
    source = tmp_path / "untyped.docx"
    font_table = (
        b' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"'
    )
    with zipfile.ZipFile(PERSONA) as original, zipfile.ZipFile(source, "w") as damaged:
        for info in original.infolist():
            data = original.read(info)
            damaged.writestr(
                info, data.replace(font_table, b"") if info.filename == "[Content_Types].xml" else data
            )
    copy = tmp_path / "copy.docx"
    code, out, err = run(["fix", str(source), "--output", str(copy)], capsys)
    assert (code, out) == (2, "")
    assert err == (
        f"discreet: {source}: cannot be written back: one of its parts is malformed; open it in Word, "
        "save it again and run discreet fix on the saved file\n"
    )
    assert not copy.exists()


def _fix_both_ways(path: Path) -> None:
    """Fix a document for public use in place and tracked, then read each copy back."""
    report = audit_document(read(path, LIMITS), load_rules(), TERMS)
    for tracked in (False, True):
        copy = write_copy(report.document, path.read_bytes(), plan(report, Destination.PUBLIC), tracked)
        read(Piped(f"{path.name}-copy.docx", accepted(path, copy.data) if tracked else copy.data), LIMITS)


def test_no_mutated_word_file_crashes_fix(tmp_path: Path) -> None:
    # The Word fuzz target's seeds and mutations, run through fix: a refusal is fine, a traceback is not.
    docx = targets()["docx"]
    seeds = (*docx.seeds, HIDDEN.read_bytes())
    crashes = fuzz(Target("fix-docx", ".docx", seeds, docx.mutate, _fix_both_ways), 20261202, 24, tmp_path)
    assert [f"{c.index}: {c.error} at {c.where}" for c in crashes] == []


# --- every fixable document: nothing flagged remains, nothing unflagged is lost -----------------


def _fixed(
    path: Path, terms: Terms, destination: Destination, tracked: bool
) -> tuple[Document, tuple[Edit, ...], Document, tuple[str, ...]]:
    """The document, its edits, its copy (tracked changes accepted) and what the copy still shows."""
    rules = load_rules()
    report = audit_document(read(path, Limits()), rules, terms)
    edits = plan(report, destination)
    copy = write_copy(report.document, path.read_bytes(), edits, tracked)
    assert copy.skipped == ()
    data = accepted(path, copy.data) if tracked else copy.data
    copied = read(Piped(f"copy-{path.name}", data), Limits())
    remaining = still_flagged(audit_document(copied, rules, terms), destination)
    return (
        report.document,
        edits,
        copied,
        tuple(f"{f.location.describe()}: {f.finding.rule}" for f in remaining),
    )


def _kept_words(document: Document, edits: Sequence[Edit]) -> list[str]:
    """The words of the visible text outside every edited span, in order."""
    text = list(document.text)
    for edit in edits:
        text[edit.start : edit.end] = " " * (edit.end - edit.start)
    masked = "".join(text)
    return [word for s in document.segments if not s.hidden for word in masked[s.start : s.end].split()]


def _missing(words: Sequence[str], copy: Document) -> list[str]:
    """The words not found, in order, in the copy's visible text: [] when none is lost."""
    found = iter(word for s in copy.segments if not s.hidden for word in s.text.split())
    return [word for word in words if not any(word == candidate for candidate in found)][:1]


FIXABLE = [
    pytest.param(PERSONA, (), id="persona"),
    pytest.param(HIDDEN, (PRIVATE_TERMS,), id="hidden-content"),
    *(pytest.param(path, (), id=path.stem) for path in CORPUS),
]
# The persona's other formats whose copies fix writes: the same checks, with no tracked changes.
OTHER_FORMATS = [
    pytest.param(FIXTURES / "persona" / name, (PRIVATE_TERMS,), id=name)
    for name in ("resume.txt", "resume.md", "resume.json")
]


@pytest.mark.parametrize("tracked", [False, True], ids=["in-place", "tracked"])
@pytest.mark.parametrize("destination", list(Destination))
@pytest.mark.parametrize(("path", "private"), FIXABLE)
def test_a_fixed_copy_shows_nothing_flagged_and_keeps_every_unflagged_word(
    path: Path, private: tuple[Path, ...], destination: Destination, tracked: bool
) -> None:
    if not path.exists():
        pytest.skip(f"{path} is absent: corpus tests need the shared folder beside the repository")
    terms = read_terms(private[0] if private else None, None, ())
    document, edits, copy, remaining = _fixed(path, terms, destination, tracked)
    assert remaining == ()
    assert _missing(_kept_words(document, edits), copy) == []


@pytest.mark.parametrize("destination", list(Destination))
@pytest.mark.parametrize(("path", "private"), OTHER_FORMATS)
def test_a_fixed_text_or_json_copy_shows_nothing_flagged_and_keeps_every_unflagged_word(
    path: Path, private: tuple[Path, ...], destination: Destination
) -> None:
    document, edits, copy, remaining = _fixed(path, read_terms(private[0], None, ()), destination, False)
    assert remaining == ()
    assert _missing(_kept_words(document, edits), copy) == []
