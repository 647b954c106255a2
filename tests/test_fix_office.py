"""discreet fix's Word copies opened by LibreOffice: they open, read as discreet reads them, hide what went.

LibreOffice is the independent reader. Every copy (the persona, the hidden-content fixture and each
corpus .docx --for public, the persona and the hidden-content fixture --for resume too, each in place
and --tracked; the persona PDF --to docx) and every original is opened through
LibreOffice's Word filter in a few soffice runs for the whole batch: one converts each to plain text,
one to flat ODF (.fodt), and two run LibreOffice's own Accept All and Reject All on each copy before
saving it as .fodt (a Basic macro in the session's throwaway profile; the text export would show a
deleted value beside its replacement).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from conftest import FIXTURES, SHARED
from discreet.api import load_rules
from discreet.audit import audit_document
from discreet.cli import main
from discreet.fixplan import must_change, plan
from discreet.model import Destination, Document, Limits, Location
from discreet.parsers.docxlocation import DocxLocation, DocxPart
from discreet.read import Piped, read
from discreet.termsfile import read_terms
from discreet.writers import accepted
from libreoffice import NS, SOFFICE, Conversion, Odf, Review, convert, review
from wordparts import word_with_notes

pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed (apt-get install -y --no-install-recommends "
    "libreoffice-writer-nogui); CI installs it",
)

PERSONA = FIXTURES / "persona" / "resume.docx"
HIDDEN = FIXTURES / "word" / "hidden-content.docx"
PERSONA_PDF = FIXTURES / "persona" / "resume.pdf"
PRIVATE_TERMS = FIXTURES / "persona" / "private-terms.txt"
CORPUS = sorted((SHARED / "corpus" / "resumes" / "docx").glob("*.docx"))
SOURCES = [
    pytest.param(PERSONA, None, id="persona"),
    pytest.param(HIDDEN, PRIVATE_TERMS, id="hidden-content"),
    *(pytest.param(path, None, id=path.stem) for path in CORPUS),
]
if not CORPUS:
    SOURCES.append(
        pytest.param(
            None,
            None,
            id="corpus",
            marks=pytest.mark.skip(
                reason=f"{SHARED}/corpus is absent: the corpus copies need the shared folder"
            ),
        )
    )
# Every source is copied for a public profile; the two fixtures also for a resume, which keeps more.
COPIES = [
    *(pytest.param(*p.values, Destination.PUBLIC, id=p.id, marks=p.marks) for p in SOURCES),
    pytest.param(PERSONA, None, Destination.RESUME, id="persona-for-resume"),
    pytest.param(HIDDEN, PRIVATE_TERMS, Destination.RESUME, id="hidden-content-for-resume"),
]
MODES = pytest.mark.parametrize("tracked", [False, True], ids=["in-place", "tracked"])
# Characters of a symbol font (Word's w:sym, bullets drawn as glyphs): LibreOffice shows them as
# private-use characters; discreet does not read them as text.
SYMBOLS = re.compile("[\ue000-\uf8ff]")
# A list item's label (bullet or number) that LibreOffice's text export writes after the indent.
LIST_LABEL = re.compile(r"^\s+(?:[^\w\s]{1,2}|\(?[0-9A-Za-z]{1,4}[.)])\s")
STORY = re.compile(r"word/(document|header\d*|footer\d*)\.xml")
# Page numbers and counts are fields LibreOffice computes from its own layout, Word's cached result aside.
DIGITS = re.compile(r"\d+")
# What LibreOffice's metadata may keep: dates, counts, the generator, the application's version.
IMPERSONAL = frozenset(
    {
        "generator",
        "editing-cycles",
        "editing-duration",
        "creation-date",
        "date",
        "print-date",
        "document-statistic",
        "AppVersion",
    }
)


@dataclass(frozen=True, slots=True)
class Opened:
    """A file as LibreOffice read it (flat ODF, plain text); a copy also after Accept All and Reject All."""

    path: Path
    fodt: Path | None
    txt: Path | None
    accepted: Path | None = None
    rejected: Path | None = None


@dataclass(frozen=True, slots=True)
class Batch:
    """Every copy and original LibreOffice opened, and what soffice complained of."""

    copies: dict[tuple[Path, Destination, bool], Opened]
    originals: dict[Path, Opened]
    from_pdf: Opened
    trouble: tuple[str, ...]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    """Make COPIES in place and tracked, and the persona PDF --to docx; open them all in four soffice runs."""
    folder = tmp_path_factory.mktemp("office")
    kinds = [param.values for param in COPIES if param.values[0] is not None]
    sources = sorted({source for source, _, _ in kinds})
    copies = {
        (source, destination, tracked): _fix(
            source, terms, destination, folder / f"{source.stem}-{destination}-{_mode(tracked)}.docx", tracked
        )
        for source, terms, destination in kinds
        for tracked in (False, True)
    }
    from_pdf = folder / "resume-from-pdf.docx"
    assert main(["fix", str(PERSONA_PDF), "--to", "docx", "--output", str(from_pdf)]) == 0
    files = [*copies.values(), from_pdf, *sources]
    profile = tmp_path_factory.mktemp("libreoffice-profile")
    fodt = convert(files, "fodt", folder / "fodt", profile)
    txt = convert(files, "txt:Text", folder / "txt", profile)
    accepted = review(list(copies.values()), Review.ACCEPT, folder / "accepted", profile)
    rejected = review(list(copies.values()), Review.REJECT, folder / "rejected", profile)
    return Batch(
        {
            key: replace(_opened(path, fodt, txt), accepted=accepted[path], rejected=rejected[path])
            for key, path in copies.items()
        },
        {source: _opened(source, fodt, txt) for source in sources},
        _opened(from_pdf, fodt, txt),
        fodt.trouble + txt.trouble,
    )


def _mode(tracked: bool) -> str:
    return "tracked" if tracked else "in-place"


def _fix(source: Path, terms: Path | None, destination: Destination, copy: Path, tracked: bool) -> Path:
    """Run discreet fix on source for the destination; the copy it wrote."""
    options = [*(["--tracked"] if tracked else []), *(["--private-terms", str(terms)] if terms else [])]
    code = main(["fix", str(source), "--output", str(copy), "--for", destination.value, *options])
    assert code in (0, 1), f"discreet fix {source} exited {code}"
    return copy


def _opened(path: Path, fodt: Conversion, txt: Conversion) -> Opened:
    return Opened(path, fodt.outputs[path], txt.outputs[path])


def _copy(batch: Batch, source: Path | None, destination: Destination, tracked: bool) -> Opened:
    assert source is not None
    return batch.copies[source, destination, tracked]


def _odf(path: Path | None) -> Odf:
    assert path is not None, "LibreOffice did not save this file"
    return Odf.read(path)


# --- reading as discreet and as LibreOffice ------------------------------------------------------


def _discreet(copy: Path, tracked: bool) -> Document:
    """The copy as discreet's parser reads it, every tracked change accepted."""
    data = accepted(copy, copy.read_bytes()) if tracked else copy.read_bytes()
    return read(Piped(str(copy), data), Limits())


def _visible(document: Document, parts: Iterable[DocxPart]) -> list[str]:
    """The text of the visible paragraphs of some parts of a Word document."""
    chosen = set(parts)
    return [s.text for s in document.segments if not s.hidden and _part(s.location) in chosen]


def _part(location: Location) -> DocxPart:
    assert isinstance(location, DocxLocation)  # a Word document's segments are located by paragraph
    return location.part


def _words(paragraphs: Iterable[str]) -> list[str]:
    """The words of some paragraphs, symbol-font characters left out."""
    return SYMBOLS.sub(" ", " ".join(paragraphs)).split()


def _paragraphs(paragraphs: Iterable[str]) -> list[str]:
    """The non-empty paragraphs in order, whitespace normalised: word for word, paragraph by paragraph."""
    return [" ".join(words) for words in map(_words, ([p] for p in paragraphs)) if words]


def _stories(odf: Odf) -> list[list[str]]:
    """Body, headers and footers paragraph by paragraph, empty ones too; page numbers masked."""
    body = [" ".join(_words([p])) for p in odf.body()]
    return [
        body,
        *(
            [DIGITS.sub("#", " ".join(_words([p]))) for p in story]
            for story in (odf.headers(), odf.footers())
        ),
    ]


def _lines(paragraphs: Iterable[str]) -> set[str]:
    """Non-empty paragraphs, whitespace normalised and numbers masked: a header's or footer's lines."""
    return {DIGITS.sub("#", " ".join(_words([p]))) for p in paragraphs if _words([p])}


def _exported(opened: Opened, expected: Sequence[str]) -> list[str]:
    """The words of LibreOffice's plain-text export, list labels left out where expected has none.

    A list item's line starts with its indent and its label (a bullet or number discreet does not
    read as text); the same characters typed into the paragraph are kept, as expected has them.
    """
    assert opened.txt is not None, f"LibreOffice made no .txt of {opened.path.name}"
    words: list[str] = []
    for line in opened.txt.read_text(encoding="utf-8-sig").splitlines():
        label = LIST_LABEL.match(line)
        head = _words([line])[:1]
        if label and head and (len(words) >= len(expected) or expected[len(words)] != head[0]):
            line = line[label.end() :]
        words += _words([line])
    return words


BODY = (DocxPart.BODY, DocxPart.TABLE, DocxPart.TEXT_BOX)


# --- the copy opens -------------------------------------------------------------------------------


def test_soffice_complains_of_no_file(batch: Batch) -> None:
    assert batch.trouble == ()


@MODES
@pytest.mark.parametrize(("source", "terms", "destination"), COPIES)
def test_libreoffice_opens_the_copy_as_word_and_saves_it_with_every_change_accepted_or_rejected(
    batch: Batch, source: Path, terms: Path | None, destination: Destination, tracked: bool
) -> None:
    opened = _copy(batch, source, destination, tracked)
    made = (opened.fodt, opened.txt, opened.accepted, opened.rejected)
    assert [path is not None for path in made] == [True] * 4
    with zipfile.ZipFile(opened.path) as archive:
        assert archive.testzip() is None  # a damaged member LibreOffice would repair in silence
    # Opened through the Word filter: a file it had to read as something else would have no styles.
    assert _odf(opened.fodt).root.find("office:styles", NS) is not None


# --- LibreOffice reads what discreet reads ------------------------------------------------------------


@MODES
@pytest.mark.parametrize(("source", "terms", "destination"), COPIES)
def test_libreoffice_reads_paragraph_for_paragraph_what_discreet_reads(
    batch: Batch, source: Path, terms: Path | None, destination: Destination, tracked: bool
) -> None:
    opened = _copy(batch, source, destination, tracked)
    ours, theirs = _discreet(opened.path, tracked), _odf(opened.accepted)
    assert _paragraphs(theirs.body()) == _paragraphs(_visible(ours, BODY))
    assert _lines(theirs.headers()) == _lines(_visible(ours, [DocxPart.HEADER]))
    assert _lines(theirs.footers()) == _lines(_visible(ours, [DocxPart.FOOTER]))


@pytest.mark.parametrize(("source", "terms", "destination"), COPIES)
def test_libreoffice_exports_as_text_the_words_discreet_reads_in_the_body(
    batch: Batch, source: Path, terms: Path | None, destination: Destination
) -> None:
    # The text export leaves out headers, footers and text boxes, and shows tracked deletions: in place only.
    opened = _copy(batch, source, destination, False)
    ours = _discreet(opened.path, False)
    expected = _words(_visible(ours, (DocxPart.BODY, DocxPart.TABLE)))
    assert _exported(opened, expected) == expected


@pytest.mark.parametrize(("source", "terms", "destination"), COPIES)
def test_accepting_every_tracked_change_in_libreoffice_gives_the_in_place_copy(
    batch: Batch, source: Path, terms: Path | None, destination: Destination
) -> None:
    # Paragraph for paragraph, empty ones included: an emptied paragraph goes with its deleted mark.
    tracked, in_place = _copy(batch, source, destination, True), _copy(batch, source, destination, False)
    assert _stories(_odf(tracked.accepted)) == _stories(_odf(in_place.fodt))


@pytest.mark.parametrize(("source", "terms", "destination"), COPIES)
def test_rejecting_every_tracked_change_in_libreoffice_gives_back_the_scrubbed_original(
    batch: Batch, source: Path, terms: Path | None, destination: Destination
) -> None:
    # The scrub accepted the earlier changes (joining paragraphs whose mark was deleted) before any edit.
    assert source is not None
    theirs = _odf(_copy(batch, source, destination, True).rejected)
    original = _discreet(source, True)
    assert _paragraphs(theirs.body()) == _paragraphs(_visible(original, BODY))
    assert _lines(theirs.headers()) == _lines(_visible(original, [DocxPart.HEADER]))
    assert _lines(theirs.footers()) == _lines(_visible(original, [DocxPart.FOOTER]))


# --- what went stays gone ---------------------------------------------------------------------------


def removed_values(source: Path, terms: Path | None, destination: Destination) -> list[str]:
    """The text of each finding a copy for the destination may not show and its kept text does not hold."""
    report = audit_document(read(source, Limits()), load_rules(), read_terms(terms, None, ()))
    document = report.document
    kept = list(document.text)
    for edit in plan(report, destination):
        kept[edit.start : edit.end] = " " * (edit.end - edit.start)
    shown = " ".join(
        " ".join("".join(kept[s.start : s.end]).split()) for s in document.segments if not s.hidden
    )
    values = (" ".join(f.finding.text.split()) for f in report.findings if must_change(f, destination))
    return sorted({value for value in values if value not in shown})


def _everything(odf: Odf) -> str:
    """All the text LibreOffice reads in a document: body, comments, text boxes, headers, footers."""
    return " ".join(_words([*odf.headers(), *odf.body(), *odf.footers()]))


def _found(values: Sequence[str], text: str) -> list[str]:
    return [value for value in values if value in text]


@MODES
@pytest.mark.parametrize(("source", "terms", "destination"), COPIES)
def test_libreoffice_reads_no_removed_value(
    batch: Batch, source: Path, terms: Path | None, destination: Destination, tracked: bool
) -> None:
    assert source is not None
    values = removed_values(source, terms, destination)
    opened = _copy(batch, source, destination, tracked)
    assert _found(values, _everything(_odf(opened.accepted))) == []
    if not tracked:
        exported = _exported(opened, _words(_visible(_discreet(opened.path, False), BODY)))
        assert _found(values, " ".join(exported)) == []


@pytest.mark.parametrize(("source", "terms", "destination"), COPIES)
def test_libreoffice_reads_each_removed_value_in_the_original(
    batch: Batch, source: Path, terms: Path | None, destination: Destination
) -> None:
    # The check above means something only if LibreOffice's reading would show the values when present
    # (the .fodt of a file with tracked changes holds the text of both insertions and deletions).
    assert source is not None
    values = removed_values(source, terms, destination)
    shown = _everything(_odf(batch.originals[source].fodt))
    assert [value for value in values if value not in shown] == []


# --- tracked changes by discreet --------------------------------------------------------------------


@MODES
@pytest.mark.parametrize(("source", "terms", "destination"), COPIES)
def test_libreoffice_sees_only_the_tracked_changes_discreet_made(
    batch: Batch, source: Path, terms: Path | None, destination: Destination, tracked: bool
) -> None:
    opened = _copy(batch, source, destination, tracked)
    changes = _odf(opened.fodt).changes().values()
    # LibreOffice shows the fixed date's day; in place the earlier changes were accepted and none is left.
    assert {(c.author, c.date) for c in changes} <= ({("discreet", "2026-01-01")} if tracked else set())
    assert bool(changes) == _revised(opened.path)
    assert _odf(opened.accepted).changes() == {} and _odf(opened.rejected).changes() == {}


def _revised(path: Path) -> bool:
    """Whether any story part of a .docx holds a w:ins or w:del."""
    with zipfile.ZipFile(path) as archive:
        names = [
            n for n in archive.namelist() if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n)
        ]
        return any(re.search(rb"<w:(ins|del) ", archive.read(name)) for name in names)


# --- a Word copy written from a PDF ---------------------------------------------------------------


def test_the_word_copy_written_from_a_pdf_opens_and_reads_as_discreet_reads_it(batch: Batch) -> None:
    opened = batch.from_pdf
    assert (opened.fodt is not None, opened.txt is not None) == (True, True)
    theirs, ours = _odf(opened.fodt), read(opened.path, Limits())
    assert _paragraphs(theirs.body()) == _paragraphs(_visible(ours, BODY))
    expected = _words(_visible(ours, BODY))
    assert _exported(opened, expected) == expected
    values = removed_values(PERSONA_PDF, None, Destination.PUBLIC)
    assert len(values) > 0 and _found(values, _everything(theirs)) == []


# --- properties -------------------------------------------------------------------------------------


@MODES
@pytest.mark.parametrize(("source", "terms", "destination"), COPIES)
def test_libreoffice_reads_no_personal_property(
    batch: Batch, source: Path, terms: Path | None, destination: Destination, tracked: bool
) -> None:
    assert source is not None
    copied = _odf(_copy(batch, source, destination, tracked).fodt).properties()
    original = _odf(batch.originals[source].fodt).properties()
    assert sorted(set(copied) - IMPERSONAL) == []
    personal = [value for name, value in original.items() if name not in IMPERSONAL and value.strip()]
    assert [value for value in personal if value in " ".join(copied.values())] == []


def test_libreoffice_reads_the_hidden_content_fixtures_properties_before_the_scrub(batch: Batch) -> None:
    properties = _odf(batch.originals[HIDDEN].fodt).properties()
    assert {
        name: properties.get(name)
        for name in ("title", "initial-creator", "creator", "Company", "Recruiter", "template")
    } == {
        "title": "Resume – Dana Whitfield",
        "initial-creator": "Dana Whitfield",
        "creator": "Dana Whitfield",
        "Company": "Corvane Systems",
        "Recruiter": "Marcus Okafor",
        "template": "Normal.dotm",
    }


def test_a_fixed_footnote_and_endnote_read_in_libreoffice_as_discreet_wrote_them(tmp_path: Path) -> None:
    source = word_with_notes(tmp_path / "notes.docx")
    copy = tmp_path / "copy.docx"
    assert main(["fix", str(source), "--output", str(copy), "--private-terms", str(PRIVATE_TERMS)]) == 0
    opened = convert([source, copy], "fodt", tmp_path / "fodt", tmp_path / "profile")
    assert opened.trouble == ()
    notes = {path: Odf.read(fodt).notes() for path, fodt in opened.outputs.items() if fodt is not None}
    assert notes[source] == [
        ("footnote", ["Closed a $4.2M deal with Northwind Logistics in 2021."]),
        ("endnote", ["Referee: Marcus Okafor, marcus.okafor@example.org"]),
    ]
    # The referee's endnote is left out; its citation stays, as Word keeps a note whose text is deleted.
    assert notes[copy] == [
        ("footnote", ["Closed a multi-million-dollar deal with a key client in 2021."]),
        ("endnote", [""]),
    ]
