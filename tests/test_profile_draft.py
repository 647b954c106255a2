"""discreet fix for a LinkedIn export, PDF or draft: a draft of every field to paste, audited again."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, REPO, run
from discreet.audit import audit_document
from discreet.cli import main
from discreet.commands.options import chosen_rules
from discreet.errors import CorruptFileError
from discreet.model import Destination, DocumentKind, Format, Limits
from discreet.parsers.linkedin import ExportLocation
from discreet.read import read
from discreet.report import DocumentReport, LocatedFinding
from discreet.safecopy import still_flagged
from discreet.termsfile import read_terms
from discreet.writers.profile import (
    EXPORT_FIELDS,
    Block,
    Draft,
    Edit,
    plan,
    profile_draft,
    read_draft,
    render_json,
    render_markdown,
    segment_texts,
)

GOLDEN = REPO / "tests" / "golden" / "profile-draft"
PERSONA = FIXTURES / "persona"
TERMS = PERSONA / "private-terms.txt"


def golden(name: str, text: str) -> None:
    """Compare with tests/golden/profile-draft/name, rewriting the file when DISCREET_REGEN_GOLDEN=1."""
    path = GOLDEN / name
    if os.environ.get("DISCREET_REGEN_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} is missing; run with DISCREET_REGEN_GOLDEN=1 to write it"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs; DISCREET_REGEN_GOLDEN=1 rewrites it"


def audited(path: Path, terms: Path | None = TERMS) -> DocumentReport:
    rules = tuple(chosen_rules([], []))
    return audit_document(read(path, Limits()), rules, read_terms(terms, None, ()))


@pytest.fixture(scope="module")
def persona() -> DocumentReport:
    return audited(PERSONA / "linkedin-export.zip")


def test_the_persona_draft_has_one_block_per_pasted_field(persona: DocumentReport) -> None:
    draft = profile_draft(persona, Destination.PUBLIC)
    assert [(b.field, b.source, b.heading, b.changed) for b in draft.blocks] == [
        ("Headline", "Profile.csv row 1, Headline", "", False),
        ("About", "Profile.csv row 1, Summary", "", False),
        (
            "Experience",
            "Positions.csv row 1, Description",
            "Enterprise Sales Manager · Corvane Systems · Mar 2021 – present",
            True,
        ),
        (
            "Experience",
            "Positions.csv row 2, Description",
            "Senior Account Manager · Halden & Rowe Software · Jun 2016 – Feb 2021",
            False,
        ),
        (
            "Education",
            "Education.csv row 1, Activities",
            "Lakeshore State University · Bachelor of Business Administration - BBA · 2008 – 2012",
            False,
        ),
        (
            "Projects",
            "Projects.csv row 1, Description",
            "Enterprise onboarding playbook · Jan 2022 – Jun 2022",
            False,
        ),
        ("Honors & awards", "Honors.csv row 1, Description", "President's Club · Jan 2024", False),
        (
            "Recommendation received",
            "Recommendations_Received.csv row 1, Text",
            "Marcus Okafor · VP of Sales · Corvane Systems",
            False,
        ),
        (
            "Recommendation received",
            "Recommendations_Received.csv row 2, Text",
            "Elena Marsh · Director of Customer Success · Halden & Rowe Software",
            True,
        ),
    ]


def test_rewritten_blocks_carry_each_findings_public_rewrite(persona: DocumentReport) -> None:
    blocks = profile_draft(persona, Destination.PUBLIC).blocks
    assert blocks[2].text == (
        "• In FY2024, generated millions in new annual recurring revenue, up more than a third year "
        "over year.\n"
        "• Closed a multi-year platform deal with a key client after a six-month evaluation.\n"
        "• Led a team of 8 account executives across the Midwest territory.\n"
        "• Consistently exceeded quota and ranked among the company's top performers."
    )
    assert blocks[8] == Block(
        "Recommendation received",
        "Recommendations_Received.csv row 2, Text",
        "Elena Marsh · Director of Customer Success · Halden & Rowe Software",
        "Dana turned a key client from a pilot into our largest food-distribution account.\n"
        "Customers trusted her forecasts because she never overpromised.",
        True,
        "written by someone else: LinkedIn lets only its author change it; ask them, or hide it",
    )
    # An unchanged block is the export's text, its flattened line breaks restored.
    assert blocks[1].text == (
        "Enterprise sales leader with twelve years in B2B software for logistics & food distribution. I have "
        "grown multi-million-dollar territories, coached new account executives and built forecasts that "
        "leadership can plan on.\n"
        "Open to conversations about enterprise sales leadership in the Chicago area."
    )


def test_the_persona_drafts_match_their_golden_files(persona: DocumentReport) -> None:
    draft = profile_draft(persona, Destination.PUBLIC)
    golden("persona.md", render_markdown(draft))
    golden("persona.json", render_json(draft))


def test_the_export_folder_gives_the_zips_draft() -> None:
    folder = profile_draft(audited(PERSONA / "linkedin-export"), Destination.PUBLIC)
    zipped = profile_draft(audited(PERSONA / "linkedin-export.zip"), Destination.PUBLIC)
    assert folder.blocks == zipped.blocks
    assert (folder.source, zipped.source) == ("linkedin-export", "linkedin-export.zip")


def test_a_resume_draft_keeps_what_a_resume_may_hold(persona: DocumentReport) -> None:
    # Figures and client names may stay in a resume: nothing in this profile belongs in no document.
    draft = profile_draft(persona, Destination.RESUME)
    assert draft.changed == 0
    assert "$4.2M" in draft.blocks[2].text


def test_an_edit_across_segments_lands_in_the_first_and_clips_the_rest(persona: DocumentReport) -> None:
    document = persona.document
    first, second = document.segments[3], document.segments[4]  # the two lines of the Summary
    edit = Edit(first.start + 10, second.start + 5, "[cut]")
    texts = segment_texts(document, [edit])
    assert texts[3].text == first.text[:10] + "[cut]"
    assert texts[4].text == second.text[5:].strip()
    assert (texts[3].changed, texts[4].changed, texts[5].changed) == (True, True, False)


def test_fix_writes_the_markdown_draft_and_audits_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.md"
    zipped = PERSONA / "linkedin-export.zip"
    code, out, err = run(["fix", str(zipped), "--output", str(draft), "--private-terms", str(TERMS)], capsys)
    assert (code, err) == (0, "")
    assert out == (
        f"{draft}: a draft of 9 profile fields, 2 rewritten (fine for public); paste each block into the "
        "field it names\n"
    )
    assert draft.read_text(encoding="utf-8") == (GOLDEN / "persona.md").read_text(encoding="utf-8")


def test_fix_writes_the_json_draft_from_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.json"
    folder = PERSONA / "linkedin-export"
    args = ["fix", str(folder), "--output", str(draft), "--format", "json", "--private-terms", str(TERMS)]
    code, _, err = run(args, capsys)
    assert (code, err) == (0, "")
    written = json.loads(draft.read_text(encoding="utf-8"))
    expected = json.loads((GOLDEN / "persona.json").read_text(encoding="utf-8"))
    assert written == expected | {"source": "linkedin-export"}


def test_what_the_draft_still_shows_is_listed_with_its_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A stand-in that names a figure survives into the draft: exit 1, located in the draft, with why.
    terms = tmp_path / "private.txt"
    terms.write_text("Northwind Logistics => our $2M account\n", encoding="utf-8")
    draft = tmp_path / "draft.json"
    zipped = PERSONA / "linkedin-export.zip"
    args = ["fix", str(zipped), "--output", str(draft), "--format", "json", "--private-terms", str(terms)]
    code, out, _ = run(args, capsys)
    assert code == 1
    assert out.splitlines()[1:] == [
        "  still flagged at block 3, Experience: financial.money-amount; Money amount: generalize in public, "
        "keep in the resume"
    ]


def test_format_is_refused_for_a_copy_that_keeps_its_inputs_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        ["fix", str(PERSONA / "resume.md"), "--output", str(tmp_path / "c.md"), "--format", "json"], capsys
    )
    assert code == 2
    assert err == (
        f"discreet: {PERSONA / 'resume.md'}: --format chooses a LinkedIn profile draft's format; "
        "a markdown file's copy keeps its own\n"
    )
    assert not (tmp_path / "c.md").exists()


def test_the_draft_is_never_written_into_the_export_folder_it_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "export"
    shutil.copytree(PERSONA / "linkedin-export", folder)
    inside = folder / "draft.md"
    code, _, err = run(["fix", str(folder), "--output", str(inside)], capsys)
    assert code == 2
    assert (
        err
        == f"discreet: {inside}: --output lies inside the export folder it reads; write the draft elsewhere\n"
    )
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        p.name for p in (PERSONA / "linkedin-export").iterdir()
    )


def test_a_missing_export_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "export.zip"
    code, _, err = run(["fix", str(missing), "--output", str(tmp_path / "draft.md")], capsys)
    assert code == 2
    assert err.startswith(f"discreet: {missing}: ")
    assert not (tmp_path / "draft.md").exists()


def test_a_damaged_json_draft_is_one_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "draft.json"
    broken.write_text('{"version": 1, "blocks": 3}', encoding="utf-8")
    with pytest.raises(CorruptFileError) as raised:
        read_draft(str(broken), broken.read_bytes(), "json")
    assert str(raised.value) == (
        f"{broken}: is a profile draft, but /blocks is not a list of blocks; fix it there, or write the "
        "draft again with discreet fix"
    )


def test_a_written_draft_with_no_text_is_checked_again_without_an_error(tmp_path: Path) -> None:
    # Audit refuses a draft file with no text (NoTextError); fix's own check of what it wrote must not.
    empty = Draft(
        "export.zip", Destination.PUBLIC, (Block("About", "Profile.csv row 1, Summary", "", "", False),)
    )
    document = read_draft(str(tmp_path / "draft.json"), render_json(empty).encode("utf-8"), "json")
    assert (document.kind, document.format, document.segments) == (
        DocumentKind.PROFILE,
        Format.PROFILE_DRAFT,
        (),
    )


def exports(shared: Path) -> Iterator[Path]:
    for folder in sorted((shared / "corpus" / "profiles" / "linkedin-export").iterdir()):
        if (folder / "Profile.csv").exists() or (folder / "Positions.csv").exists():
            yield folder


def test_every_pasted_field_of_the_corpus_exports_is_a_block(shared: Path, tmp_path: Path) -> None:
    found = 0
    for folder in exports(shared):
        report = audited(folder, None)
        draft = profile_draft(report, Destination.PUBLIC)
        sources = {block.source.split(",")[0] for block in draft.blocks}
        for segment in report.document.segments:
            location = segment.location
            assert isinstance(location, ExportLocation)
            if any(location.file in f.files and location.column in f.body for f in EXPORT_FIELDS):
                assert f"{location.file} row {location.row}" in sources, (folder.name, location)
                found += 1
        assert _still_flagged(report, tmp_path / f"{folder.name}.md") == (), folder
    assert found > 50


def test_every_corpus_linkedin_pdf_gives_its_about_and_positions(shared: Path, tmp_path: Path) -> None:
    pdfs = sorted((shared / "corpus" / "profiles" / "linkedin-pdf").rglob("*.pdf"))
    positions = 0
    for pdf in pdfs:
        report = audited(pdf, None)
        draft = profile_draft(report, Destination.PUBLIC)
        about = " ".join(block.text for block in draft.blocks if block.field == "About")
        summary = [s for s in report.document.segments if s.section.value == "summary"][
            1:
        ]  # past the heading
        texts = segment_texts(report.document, plan(report, Destination.PUBLIC))
        for segment in summary:
            edited = texts[report.document.segments.index(segment)]
            if not edited.changed:
                assert segment.text in about, (pdf, segment.text)
        lines = {segment.text.replace("\xa0", " ") for segment in report.document.segments}
        for block in (b for b in draft.blocks if b.field == "Experience"):
            assert block.heading.rsplit(" · ", 1)[-1] in lines, (pdf, block.heading)  # ends with its dates
            positions += 1
        remaining = _still_flagged(report, tmp_path / f"{pdf.parent.name}-{pdf.stem}.md")
        # Lines the PDF wrapped are rejoined in the draft, so a figure can read differently there; what
        # remains is listed with its reason, and is never more than the PDF itself had.
        assert all(located.advice and located.advice.reason for located in remaining), pdf
        assert len(remaining) <= len(still_flagged(report, Destination.PUBLIC)), pdf
    assert (len(pdfs), positions) == (28, 145)


def _still_flagged(report: DocumentReport, path: Path) -> tuple[LocatedFinding, ...]:
    """What the draft's own audit still flags for a public profile, the draft written as Markdown."""
    draft = profile_draft(report, Destination.PUBLIC)
    path.write_text(render_markdown(draft), encoding="utf-8")
    rules = tuple(chosen_rules([], []))
    return still_flagged(
        audit_document(read_draft(str(path), path.read_bytes(), "markdown"), rules), Destination.PUBLIC
    )


# --- a draft audited again, and fixed again ----------------------------------------------------


@pytest.fixture(scope="module")
def json_draft(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The persona export's public draft in JSON, as discreet fix writes it."""
    draft = tmp_path_factory.mktemp("draft") / "draft.json"
    args = ["fix", str(PERSONA / "linkedin-export.zip"), "--output", str(draft), "--format", "json"]
    assert main([*args, "--private-terms", str(TERMS)]) == 0
    return draft


def edited(draft: Path, target: Path) -> Path:
    """The draft with a figure and a private name put back, as a person editing it might."""
    data = json.loads(draft.read_text(encoding="utf-8"))
    blocks = data["blocks"]
    blocks[2]["text"] = blocks[2]["text"].replace("generated millions in", "generated $4.2M in")
    blocks[8]["text"] = blocks[8]["text"].replace("a key client", "Brightline Foods")
    target.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return target


def audit_json(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    code, out, err = run(["audit", str(path), "--format", "json", "--private-terms", str(TERMS)], capsys)
    assert err == ""
    [document] = json.loads(out)["documents"]
    return code, document


def test_the_json_draft_audits_as_a_profile_with_nothing_left_to_flag(
    json_draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, document = audit_json(json_draft, capsys)
    assert (code, document["kind"], document["format"], document["findings"]) == (
        0,
        "profile",
        "profile-draft",
        [],
    )


def test_a_figure_put_back_in_the_json_draft_is_flagged_at_its_block(
    json_draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = edited(json_draft, tmp_path / "edited.json")
    code, document = audit_json(path, capsys)
    assert code == 1
    assert [(f["rule"], f["location"], f["section"], f["text"]) for f in document["findings"]] == [
        ("financial.money-amount", {"type": "json", "pointer": "/blocks/2/text"}, "experience", "$4.2M"),
        (
            "confidential.private-term",
            {"type": "json", "pointer": "/blocks/8/text"},
            "other",
            "Brightline Foods",
        ),
    ]
    code, out, _ = run(["audit", str(path), "--private-terms", str(TERMS)], capsys)
    assert [line.strip() for line in out.splitlines() if "block " in line] == [
        "MEDIUM   block 3, Experience  financial.money-amount",
        "HIGH     block 9, Recommendation received  confidential.private-term",
    ]


def test_the_markdown_draft_audits_as_a_profile_and_a_figure_put_back_is_flagged_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.md"
    args = [
        "fix",
        str(PERSONA / "linkedin-export.zip"),
        "--output",
        str(draft),
        "--private-terms",
        str(TERMS),
    ]
    assert run(args, capsys)[0] == 0
    code, document = audit_json(draft, capsys)
    assert (code, document["kind"], document["format"], document["findings"]) == (
        0,
        "profile",
        "markdown",
        [],
    )
    text = draft.read_text(encoding="utf-8").replace("generated millions in", "generated $4.2M in")
    draft.write_text(text, encoding="utf-8")
    code, document = audit_json(draft, capsys)
    assert code == 1
    assert [(f["rule"], f["location"]) for f in document["findings"]] == [
        ("financial.money-amount", {"type": "text", "line": 23, "column": 24})
    ]


def test_fix_of_a_json_draft_is_a_json_draft_of_the_same_blocks(
    json_draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The edited draft's figure and name are rewritten again: the blocks come back as the first draft's.
    path = edited(json_draft, tmp_path / "edited.json")
    again = tmp_path / "again.json"
    code, out, err = run(["fix", str(path), "--output", str(again), "--private-terms", str(TERMS)], capsys)
    assert (code, err) == (0, "")
    assert out == (
        f"{again}: a draft of 9 profile fields, 2 rewritten (fine for public); paste each block into the "
        "field it names\n"
    )
    first = json.loads(json_draft.read_text(encoding="utf-8"))
    assert json.loads(again.read_text(encoding="utf-8")) == first | {"source": "edited.json"}
    # A draft with nothing to rewrite comes back as it is, block for block.
    twice = tmp_path / "twice.json"
    assert (
        run(["fix", str(json_draft), "--output", str(twice), "--private-terms", str(TERMS)], capsys)[0] == 0
    )
    assert json.loads(twice.read_text(encoding="utf-8")) == first | {"source": "draft.json"}


def test_fix_of_a_json_draft_writes_markdown_on_request(
    json_draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "draft.md"
    args = ["fix", str(json_draft), "--output", str(output), "--format", "markdown"]
    assert run([*args, "--private-terms", str(TERMS)], capsys)[0] == 0
    golden = (GOLDEN / "persona.md").read_text(encoding="utf-8")
    assert output.read_text(encoding="utf-8") == golden.replace(
        "From linkedin-export.zip,", "From draft.json,"
    )


def test_a_block_newly_rewritten_in_someone_elses_text_says_whom_to_ask(tmp_path: Path) -> None:
    data = json.loads((GOLDEN / "persona.json").read_text(encoding="utf-8"))
    data["blocks"] = [
        data["blocks"][7] | {"text": "Dana grew revenue to $4.2M."},
        data["blocks"][2] | {"changed": False, "text": "Grew revenue to $4.2M."},
    ]
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    report = audit_document(read(path, Limits()), tuple(chosen_rules([], [])))
    blocks = profile_draft(report, Destination.PUBLIC, path.read_bytes()).blocks
    assert [(b.field, b.text, b.changed, b.note) for b in blocks] == [
        (
            "Recommendation received",
            "Dana grew revenue to seven figures.",
            True,
            "written by someone else: LinkedIn lets only its author change it; ask them, or hide it",
        ),
        ("Experience", "Grew revenue to seven figures.", True, ""),
    ]


def test_the_library_audits_and_fixes_a_json_draft(json_draft: Path, tmp_path: Path) -> None:
    import discreet

    terms = TERMS.read_text(encoding="utf-8").splitlines()
    path = edited(json_draft, tmp_path / "edited.json")
    [report] = discreet.audit_path(path, private_terms=terms).documents
    assert (report.document.kind, report.document.format) == (DocumentKind.PROFILE, Format.PROFILE_DRAFT)
    assert [(f.finding.rule, f.location.describe()) for f in report.findings] == [
        ("financial.money-amount", "block 3, Experience"),
        ("confidential.private-term", "block 9, Recommendation received"),
    ]
    fixed = discreet.fix_path(path, private_terms=terms)
    assert json.loads(fixed.data) == json.loads(json_draft.read_text(encoding="utf-8")) | {
        "source": "edited.json"
    }
    assert fixed.remaining == ()


def test_every_corpus_profiles_json_draft_reads_back_block_for_block(shared: Path, tmp_path: Path) -> None:
    profiles = [
        *exports(shared),
        *sorted((shared / "corpus" / "profiles" / "linkedin-pdf").rglob("*.pdf")),
    ]
    rules = tuple(chosen_rules([], []))
    for number, profile in enumerate(profiles):
        report = audited(profile, None)
        draft = profile_draft(report, Destination.PUBLIC)
        path = tmp_path / f"{number}.json"
        path.write_text(render_json(draft), encoding="utf-8")
        document = read(path, Limits())
        assert (document.kind, document.format) == (DocumentKind.PROFILE, Format.PROFILE_DRAFT), profile
        expected = [
            (f"block {index}, {block.field}", block.text.strip())
            for index, block in enumerate(draft.blocks, start=1)
            if block.text.strip()
        ]
        texts = [(s.location.describe(), s.text) for s in document.segments]
        assert [found for found in texts if not found[0].endswith(" heading")] == expected, profile
        remaining = still_flagged(audit_document(document, rules), Destination.PUBLIC)
        assert all(located.location.describe().startswith("block ") for located in remaining), profile
        assert len(remaining) <= len(still_flagged(report, Destination.PUBLIC)), profile
