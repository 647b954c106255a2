"""discreet fix's Word copies opened by LibreOffice: they open, read as discreet reads them, hide what went.

LibreOffice is the independent reader: every copy (the persona, the hidden-content fixture and each
corpus .docx, in place and --tracked) is converted in one soffice run to plain text and in another to
flat ODF (.fodt). The text export shows a tracked deletion beside its insertion, so the accepted
reading comes from the .fodt, where LibreOffice marks each change's span with text:change-start and
text:change-end and says in text:tracked-changes whether it is an insertion or a deletion: leaving
out the deletions' spans accepts every change, leaving out the insertions' rejects every change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import FIXTURES, SHARED
from discreet.api import load_rules
from discreet.audit import audit_document
from discreet.cli import main
from discreet.fixplan import must_change, plan
from discreet.model import Destination, Document, Limits, Location
from discreet.parsers.docx import DocxLocation, DocxPart
from discreet.read import Piped, read
from discreet.termsfile import read_terms
from discreet.writers import accepted
from libreoffice import SOFFICE, Changes, Conversion, Odf, convert

pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed (apt-get install -y --no-install-recommends "
    "libreoffice-writer-nogui); CI installs it",
)

PERSONA = FIXTURES / "persona" / "resume.docx"
HIDDEN = FIXTURES / "word" / "hidden-content.docx"
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
MODES = pytest.mark.parametrize("tracked", [False, True], ids=["in-place", "tracked"])
# Characters of a symbol font (Word's w:sym, bullets drawn as glyphs): LibreOffice shows them as
# private-use characters; discreet does not read them as text.
SYMBOLS = re.compile("[\ue000-\uf8ff]")
# A list item's label (bullet or number) that LibreOffice's text export writes after the indent.
LIST_LABEL = re.compile(r"^\s+(?:[^\w\s]{1,2}|\(?[0-9A-Za-z]{1,4}[.)])\s")
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
    """One file as LibreOffice read it: its flat ODF and its plain text."""

    path: Path
    fodt: Path | None
    txt: Path | None


@dataclass(frozen=True, slots=True)
class Batch:
    """Every copy and original LibreOffice opened, and what soffice complained of."""

    copies: dict[tuple[Path, bool], Opened]
    originals: dict[Path, Opened]
    trouble: tuple[str, ...]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    """Fix every source in place and tracked, then open copies and originals in two soffice runs."""
    folder = tmp_path_factory.mktemp("office")
    sources = [(PERSONA, None), (HIDDEN, PRIVATE_TERMS), *((path, None) for path in CORPUS)]
    copies = {
        (source, tracked): _fix(source, terms, folder / f"{source.stem}-{_mode(tracked)}.docx", tracked)
        for source, terms in sources
        for tracked in (False, True)
    }
    files = [*copies.values(), *(source for source, _ in sources)]
    profile = tmp_path_factory.mktemp("libreoffice-profile")
    fodt = convert(files, "fodt", folder / "fodt", profile)
    txt = convert(files, "txt:Text", folder / "txt", profile)
    return Batch(
        {key: _opened(path, fodt, txt) for key, path in copies.items()},
        {source: _opened(source, fodt, txt) for source, _ in sources},
        fodt.trouble + txt.trouble,
    )


def _mode(tracked: bool) -> str:
    return "tracked" if tracked else "in-place"


def _fix(source: Path, terms: Path | None, copy: Path, tracked: bool) -> Path:
    """Run discreet fix on source for public use; the copy it wrote."""
    options = [*(["--tracked"] if tracked else []), *(["--private-terms", str(terms)] if terms else [])]
    code = main(["fix", str(source), "--output", str(copy), *options])
    assert code in (0, 1), f"discreet fix {source} exited {code}"
    return copy


def _opened(path: Path, fodt: Conversion, txt: Conversion) -> Opened:
    return Opened(path, fodt.outputs[path], txt.outputs[path])


def _copy(batch: Batch, source: Path | None, tracked: bool) -> Opened:
    assert source is not None
    return batch.copies[source, tracked]


def _odf(opened: Opened) -> Odf:
    assert opened.fodt is not None, f"LibreOffice made no .fodt of {opened.path.name}"
    return Odf.read(opened.fodt)


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
@pytest.mark.parametrize(("source", "terms"), SOURCES)
def test_libreoffice_opens_the_copy_as_word(
    batch: Batch, source: Path, terms: Path | None, tracked: bool
) -> None:
    opened = _copy(batch, source, tracked)
    assert (opened.fodt is not None, opened.txt is not None) == (True, True)
    # Opened through the Word filter: a file it had to read as something else would have no styles.
    assert _odf(opened).root.find("{urn:oasis:names:tc:opendocument:xmlns:office:1.0}styles") is not None


# --- LibreOffice reads what discreet reads ------------------------------------------------------------


@MODES
@pytest.mark.parametrize(("source", "terms"), SOURCES)
def test_libreoffice_reads_the_words_discreet_reads(
    batch: Batch, source: Path, terms: Path | None, tracked: bool
) -> None:
    opened = _copy(batch, source, tracked)
    ours, theirs = _discreet(opened.path, tracked), _odf(opened)
    assert _paragraphs(theirs.body(Changes.ACCEPTED)) == _paragraphs(_visible(ours, BODY))
    assert _lines(theirs.headers(Changes.ACCEPTED)) == _lines(_visible(ours, [DocxPart.HEADER]))
    assert _lines(theirs.footers(Changes.ACCEPTED)) == _lines(_visible(ours, [DocxPart.FOOTER]))


@pytest.mark.parametrize(("source", "terms"), SOURCES)
def test_libreoffice_exports_as_text_the_words_discreet_reads_in_the_body(
    batch: Batch, source: Path, terms: Path | None
) -> None:
    # The text export leaves out headers, footers and text boxes, and shows tracked deletions: in place only.
    opened = _copy(batch, source, False)
    ours = _discreet(opened.path, False)
    expected = _words(_visible(ours, (DocxPart.BODY, DocxPart.TABLE)))
    assert _exported(opened, expected) == expected


@pytest.mark.parametrize(("source", "terms"), SOURCES)
def test_rejecting_every_tracked_change_in_libreoffice_gives_back_the_scrubbed_original(
    batch: Batch, source: Path, terms: Path | None
) -> None:
    # The scrub accepted the earlier changes (joining paragraphs whose mark was deleted) before any edit.
    assert source is not None
    theirs = _odf(_copy(batch, source, True))
    original = _discreet(source, True)
    assert _paragraphs(theirs.body(Changes.REJECTED)) == _paragraphs(_visible(original, BODY))
    assert _lines(theirs.headers(Changes.REJECTED)) == _lines(_visible(original, [DocxPart.HEADER]))
    assert _lines(theirs.footers(Changes.REJECTED)) == _lines(_visible(original, [DocxPart.FOOTER]))


# --- what went stays gone ---------------------------------------------------------------------------


def removed_values(source: Path, terms: Path | None) -> list[str]:
    """The text of each finding a public copy may not show and that the copy's kept text does not hold."""
    report = audit_document(read(source, Limits()), load_rules(), read_terms(terms, None, ()))
    document = report.document
    kept = list(document.text)
    for edit in plan(report, Destination.PUBLIC):
        kept[edit.start : edit.end] = " " * (edit.end - edit.start)
    shown = " ".join(
        " ".join("".join(kept[s.start : s.end]).split()) for s in document.segments if not s.hidden
    )
    values = (" ".join(f.finding.text.split()) for f in report.findings if must_change(f, Destination.PUBLIC))
    return sorted({value for value in values if value not in shown})


def _everything(odf: Odf, changes: Changes) -> str:
    """All the text LibreOffice reads in a document: body, comments, text boxes, headers, footers."""
    return " ".join(_words([*odf.headers(changes), *odf.body(changes), *odf.footers(changes)]))


def _found(values: Sequence[str], text: str) -> list[str]:
    return [value for value in values if value in text]


@MODES
@pytest.mark.parametrize(("source", "terms"), SOURCES)
def test_libreoffice_reads_no_removed_value(
    batch: Batch, source: Path, terms: Path | None, tracked: bool
) -> None:
    assert source is not None
    values = removed_values(source, terms)
    opened = _copy(batch, source, tracked)
    assert _found(values, _everything(_odf(opened), Changes.ACCEPTED)) == []
    if not tracked:
        exported = _exported(opened, _words(_visible(_discreet(opened.path, False), BODY)))
        assert _found(values, " ".join(exported)) == []


@pytest.mark.parametrize(("source", "terms"), SOURCES)
def test_libreoffice_reads_each_removed_value_in_the_original(
    batch: Batch, source: Path, terms: Path | None
) -> None:
    # The check above means something only if LibreOffice's reading would show the values when present.
    assert source is not None
    values = removed_values(source, terms)
    odf = _odf(batch.originals[source])
    shown = " ".join(_everything(odf, changes) for changes in Changes)
    assert [value for value in values if value not in shown] == []


# --- tracked changes by discreet --------------------------------------------------------------------


@MODES
@pytest.mark.parametrize(("source", "terms"), SOURCES)
def test_libreoffice_sees_only_the_tracked_changes_discreet_made(
    batch: Batch, source: Path, terms: Path | None, tracked: bool
) -> None:
    assert source is not None
    changes = _odf(_copy(batch, source, tracked)).changes().values()
    # LibreOffice shows the fixed date's day; in place the earlier changes were accepted and none is left.
    assert {(c.author, c.date) for c in changes} <= ({("discreet", "2026-01-01")} if tracked else set())
    edited = bool(removed_values(source, terms)) or _words(_visible(read(source, Limits()), BODY)) != _words(
        _visible(_discreet(_copy(batch, source, False).path, False), BODY)
    )
    assert bool(changes) == (tracked and edited)


# --- properties -------------------------------------------------------------------------------------


@MODES
@pytest.mark.parametrize(("source", "terms"), SOURCES)
def test_libreoffice_reads_no_personal_property(
    batch: Batch, source: Path, terms: Path | None, tracked: bool
) -> None:
    assert source is not None
    copied = _odf(_copy(batch, source, tracked)).properties()
    original = _odf(batch.originals[source]).properties()
    assert sorted(set(copied) - IMPERSONAL) == []
    personal = [value for name, value in original.items() if name not in IMPERSONAL and value.strip()]
    assert [value for value in personal if value in " ".join(copied.values())] == []


def test_libreoffice_reads_the_hidden_content_fixtures_properties_before_the_scrub(batch: Batch) -> None:
    properties = _odf(batch.originals[HIDDEN]).properties()
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
