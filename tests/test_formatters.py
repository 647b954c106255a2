"""The SARIF, Markdown and HTML reports: golden files, exact locations, escaping and no leaked text."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from html import escape as escape_html
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from markdown_it import MarkdownIt
from rich.text import Text

from conftest import REPO
from discreet.audit import Settings, audit, locate
from discreet.classify import finding_verdict
from discreet.formatters import ReportFormat, aggregate, html, markdown, renderer, sarif, terminal
from discreet.formatters.options import MASK, RenderOptions
from discreet.formatters.view import Note, next_step, prepare
from discreet.model import (
    Action,
    Advice,
    Category,
    Document,
    DocumentKind,
    Finding,
    Format,
    Section,
    Segment,
    Severity,
    Verdict,
    build_document,
)
from discreet.packs import Rule, all_rules, load_packs
from discreet.parsers.docxlocation import DocxLocation, DocxPart
from discreet.parsers.jsonresume import JsonLocation
from discreet.parsers.linkedin import ExportLocation
from discreet.parsers.pdf import BBox, PdfLocation
from discreet.parsers.text import TextLocation
from discreet.report import (
    Comparison,
    DocumentReport,
    Exposure,
    Failure,
    LocatedFinding,
    Mismatch,
    Report,
    Suggestion,
)

GOLDEN = REPO / "tests" / "golden"
# Our own pack: the built-in packs are tuned often, and these goldens should move only with the formatters.
GOLDEN_RULES = Path("tests/golden/rules")
Render = Callable[[Report, RenderOptions], str]
# Each way of hiding, with the ending of its golden files' names.
VARIANTS = {"": RenderOptions(), "-masked": RenderOptions(mask=True), "-quiet": RenderOptions(quiet=True)}
# How golden files of a format end, when not with its name; aggregate's are kept apart from the json schema's.
SUFFIXES = {ReportFormat.TEXT: "txt", ReportFormat.MARKDOWN: "md", ReportFormat.AGGREGATE: "aggregate"}
# Formats that never show matched text: masking them changes nothing.
TEXTLESS = (ReportFormat.SARIF, ReportFormat.AGGREGATE)
HOSTILE = "<script>alert(1)</script> grew *sales* to $5M_[click](javascript:alert(2)) `x` ~~y~~ &amp; | #"
PRIVATE_TERM = "confidential.private-term"


def golden_rules() -> tuple[Rule, ...]:
    """The golden pack, read relative to the repository root."""
    return all_rules(load_packs([REPO / GOLDEN_RULES]))


@pytest.fixture(scope="module")
def persona() -> Report:
    """The fictional persona's text, Word and JSON resumes beside her LinkedIn export, plus one bad file."""
    return persona_report()


def persona_report() -> Report:
    """Audit the persona's files with paths relative to the repository; the browser test renders it too."""
    paths = ["resume.txt", "resume.docx", "resume.json"]
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        return audit(
            [Path("fixtures/persona", name) for name in paths] + [Path("fixtures/bad/empty.txt")],
            Settings(golden_rules()),
            profiles=[Path("fixtures/persona/linkedin-export")],
        )


@pytest.fixture(scope="module")
def handmade() -> Report:
    """A report with every location kind, advice, hidden text, hostile text and a comparison."""
    return handmade_report()


def handmade_report() -> Report:
    """Build the hand-made report; the browser test renders it too."""
    rules = {rule.id: rule for rule in golden_rules()}
    pdf = build_document(
        "cv/Dana Whitfield CV.pdf",
        DocumentKind.RESUME,
        Format.PDF,
        [
            Segment("Dana Whitfield", PdfLocation(1, 1), Section.CONTACT),
            Segment(
                "Phone: (312) 555-0147 · dana@example.com",
                PdfLocation(1, 2, BBox(72.0, 90.25, 310.5, 102.0)),
                Section.CONTACT,
            ),
            Segment(
                "Generated $4.2M in new revenue with Project Falcon.", PdfLocation(1, 9), Section.EXPERIENCE
            ),
            Segment("Current salary: $128,000", PdfLocation(2, 3), Section.OTHER),
            Segment("Call me on (312) 555-0199", PdfLocation(2, 40), Section.OTHER, hidden=True),
        ],
    )
    docx = build_document(
        "cv/resume.docx",
        DocumentKind.RESUME,
        Format.DOCX,
        [
            Segment("Contact me: jane@example.com", DocxLocation(DocxPart.HEADER, 1), Section.CONTACT),
            Segment(HOSTILE, DocxLocation(DocxPart.TABLE, 1, table=1, row=2, cell=3), Section.SKILLS),
            Segment("Tools: Salesforce, Excel", DocxLocation(DocxPart.BODY, 7), Section.SKILLS),
            Segment(
                "Agreed $95,000",
                DocxLocation(DocxPart.COMMENT, 1, detail="comment"),
                Section.OTHER,
                hidden=True,
            ),
        ],
        notes=["the charts hold text that discreet does not read yet"],
    )
    export = build_document(
        "export",
        DocumentKind.PROFILE,
        Format.LINKEDIN_EXPORT,
        [
            Segment(
                "Enterprise Sales Manager", ExportLocation("Positions.csv", 3, "Title"), Section.EXPERIENCE
            ),
            Segment(
                "Closed a $850K deal with Northwind.",
                ExportLocation("Positions.csv", 3, "Description"),
                Section.EXPERIENCE,
            ),
            Segment(
                "dana.whitfield@example.com",
                ExportLocation("Email Addresses.csv", 1, "Email Address"),
                Section.CONTACT,
            ),
        ],
    )
    json_resume = build_document(
        "resume.json",
        DocumentKind.PROFILE,
        Format.JSON_RESUME,
        [Segment("(312) 555-0147", JsonLocation("/basics/phone"), Section.CONTACT)],
    )
    text = build_document(
        "notes.txt",
        DocumentKind.RESUME,
        Format.TEXT,
        [Segment("Email: dana@example.com", TextLocation(3), Section.CONTACT)],
    )
    revenue = Advice(
        Action.GENERALIZE,
        Action.KEEP,
        "Exact revenue is the employer's to publish.",
        "Generated seven-figure new revenue with a confidential pricing pilot.",
    )
    falcon = Advice(
        Action.REMOVE,
        Action.GENERALIZE,
        "Project Falcon is confidential.",
        "Led a confidential pricing pilot.",
    )
    documents = (
        DocumentReport(
            pdf,
            (
                _found(pdf, "(312) 555-0147", rules),
                _found(pdf, "dana@example.com", rules),
                _found(pdf, "$4.2M", rules, advice=revenue),
                _found(pdf, "Project Falcon", rules, PRIVATE_TERM, falcon),
                _found(pdf, "$128,000", rules, "golden.salary"),
                _found(pdf, "(312) 555-0199", rules),
            ),
            warnings=("rule golden.money took too long on this document and was stopped",),
        ),
        DocumentReport(
            docx,
            (
                _found(docx, "jane@example.com", rules),
                _found(docx, "$5M", rules),
                _found(docx, "Salesforce", rules),
                _found(docx, "$95,000", rules),
            ),
        ),
        DocumentReport(
            export, (_found(export, "$850K", rules), _found(export, "dana.whitfield@example.com", rules))
        ),
        DocumentReport(json_resume, (_found(json_resume, "(312) 555-0147", rules),)),
        DocumentReport(text, (_found(text, "dana@example.com", rules),)),
    )
    comparison = Comparison(
        resume_path=pdf.path,
        profile_path=export.path,
        exposures=(
            Exposure(
                "golden.money",
                Category.FINANCIAL,
                Severity.LOW,
                "$850K",
                ExportLocation("Positions.csv", 3, "Description"),
                PdfLocation(1, 11),
            ),
            Exposure(
                "golden.email",
                Category.PERSONAL,
                Severity.MEDIUM,
                "dana.whitfield@example.com",
                ExportLocation("Email Addresses.csv", 1, "Email Address"),
                None,
            ),
        ),
        replacement_ratio=5 / 12,
        resume_only_share=0.25,
        suggestions=(
            Suggestion(Section.SKILLS, "Negotiation, Forecasting & *Account planning*", PdfLocation(2, 7)),
        ),
        mismatches=(
            Mismatch(
                "title",
                "Senior Account Executive",
                "Senior Account Manager",
                PdfLocation(1, 14),
                ExportLocation("Positions.csv", 2, "Title"),
            ),
            Mismatch(
                "start date", "Jun 2016", "Jul 2016", None, ExportLocation("Positions.csv", 2, "Started On")
            ),
        ),
    )
    failures = (Failure("cv/old.doc", "cv/old.doc: is a Word 97-2003 file; save it as DOCX"),)
    return Report(documents, failures, tuple(rules.values()), (comparison,))


def _found(
    document: Document,
    text: str,
    rules: dict[str, Rule],
    rule_id: str = "",
    advice: Advice | None = None,
) -> LocatedFinding:
    """Locate the first occurrence of text as a finding of rule_id, or of the rule matching it."""
    start = document.text.index(text)
    rule = rules.get(rule_id) if rule_id else next(r for r in rules.values() if r.patterns[0].fullmatch(text))
    if rule is None:
        finding = Finding(rule_id, Category.CONFIDENTIAL, Severity.HIGH, start, start + len(text), text)
    else:
        finding = Finding(rule.id, rule.category, rule.severity, start, start + len(text), text)
    return locate(document, finding, finding_verdict(finding, rules), advice)


def check_golden(name: str, text: str) -> None:
    """Compare with tests/golden/name, rewriting the file when DISCREET_REGEN_GOLDEN=1."""
    path = GOLDEN / name
    if os.environ.get("DISCREET_REGEN_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} is missing; run with DISCREET_REGEN_GOLDEN=1 to write it"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs; DISCREET_REGEN_GOLDEN=1 rewrites it"


def texts(report: Report) -> Iterator[str]:
    """Every piece of document text a report holds: matches, their lines, rewrites, comparison text."""
    for document in report.documents:
        for located in document.findings:
            yield located.finding.text
            yield located.line_text
            if located.advice and located.advice.rewrite:
                yield located.advice.rewrite
    for comparison in report.comparisons:
        yield from (e.text for e in comparison.exposures)
        yield from (s.text for s in comparison.suggestions)


# Golden files


def golden_name(report: str, fmt: ReportFormat) -> str:
    """The golden file of a report in a format: persona.txt, handmade-quiet.md."""
    return f"{report}.{SUFFIXES.get(fmt, fmt.value)}"


def accepted(report: Report) -> Report:
    """The report with two findings of its first document accepted, so summaries show the count."""
    first, *rest = report.documents
    return replace(report, documents=(replace(first, suppressed=2), *rest))


@pytest.mark.parametrize("fmt", list(ReportFormat))
def test_persona_matches_golden(persona: Report, fmt: ReportFormat) -> None:
    check_golden(golden_name("persona", fmt), renderer(fmt)(persona, RenderOptions()))


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("fmt", list(ReportFormat))
def test_handmade_matches_golden(handmade: Report, fmt: ReportFormat, variant: str) -> None:
    """Every registered format, plain, masked and quiet; the quiet report has accepted findings too."""
    report = accepted(handmade) if variant == "-quiet" else handmade
    output = renderer(fmt)(report, VARIANTS[variant])
    if variant == "-masked" and fmt in TEXTLESS:
        assert output == renderer(fmt)(handmade, RenderOptions())
    else:
        check_golden(golden_name(f"handmade{variant}", fmt), output)


@pytest.mark.parametrize("width", [40, 100, 100_000])
@pytest.mark.parametrize("name", ["persona", "handmade"])
def test_text_printed_plain_is_what_rich_prints(
    name: str, width: int, request: pytest.FixtureRequest
) -> None:
    """Without colour the text report skips rich when every line fits: the output must not change."""
    view = prepare(request.getfixturevalue(name), RenderOptions(width=width))
    assert terminal.layout(view) == terminal.through_rich(terminal.styled_lines(view), view)


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("fits in 10", True),
        ("\ta tab", False),
        ("two\nlines", False),
        ("eleven wide", False),
        ("全角全角全", True),
        ("全角全角全角", False),
    ],
)
def test_a_line_that_rich_would_change_is_left_to_rich(text: str, plain: bool) -> None:
    assert terminal.fits(Text(text), 10) is plain


def test_goldens_do_not_depend_on_the_checkout() -> None:
    for path in GOLDEN.glob("*.*"):
        assert str(REPO) not in path.read_text(encoding="utf-8"), path


# SARIF


def sarif_run(report: Report) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(sarif.render(report, RenderOptions()))
    run: dict[str, Any] = data["runs"][0]
    return run


@pytest.mark.parametrize("name", ["persona", "handmade"])
def test_sarif_validates_against_the_schema(name: str, request: pytest.FixtureRequest, shared: Path) -> None:
    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    document = json.loads(sarif.render(request.getfixturevalue(name), RenderOptions()))
    validator = jsonschema.validators.validator_for(schema)
    validator(schema, format_checker=validator.FORMAT_CHECKER).validate(document)


@pytest.mark.parametrize("name", ["persona", "handmade"])
@pytest.mark.parametrize("mask", [False, True])
def test_sarif_carries_no_document_text(name: str, mask: bool, request: pytest.FixtureRequest) -> None:
    report: Report = request.getfixturevalue(name)
    output = sarif.render(report, RenderOptions(mask=mask))
    assert output == sarif.render(report, RenderOptions(mask=not mask))
    leaked = [text for text in texts(report) if text in output or json.dumps(text)[1:-1] in output]
    assert leaked == []
    assert '"snippet"' not in output


def test_sarif_declares_each_rule_once_with_its_documentation(handmade: Report) -> None:
    driver = sarif_run(handmade)["tool"]["driver"]
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == [*(rule.id for rule in handmade.rules), PRIVATE_TERM]
    assert driver["name"] == "discreet"
    email = driver["rules"][0]
    assert email == {
        "id": "golden.email",
        "name": "GoldenEmail",
        "shortDescription": {"text": "E-mail address"},
        "fullDescription": {"text": "A public e-mail address invites spam and phishing."},
        "help": {"text": "Use the platform's own messaging, or a separate address made for job searching."},
        "defaultConfiguration": {"level": "warning"},
        "properties": {
            "category": "personal",
            "severity": "medium",
            "pack": "golden",
            "public": "remove",
            "resume": "keep",
            "tags": ["privacy", "security", "personal"],
            "security-severity": "5.5",
        },
    }


def test_sarif_levels_rise_with_severity(handmade: Report) -> None:
    severity = {rule.id: rule.severity for rule in golden_rules()} | {PRIVATE_TERM: Severity.HIGH}
    rank = {"note": 0, "warning": 1, "error": 2}
    seen = sorted(
        (list(Severity).index(severity[result["ruleId"]]), rank[result["level"]])
        for result in sarif_run(handmade)["results"]
    )
    levels = [level for _severity, level in seen]
    # Higher severity never gets a lower level, and a high finding fails a code-scanning check.
    assert levels == sorted(levels)
    assert len(set(levels)) >= 2
    assert all(level == rank["error"] for sev, level in seen if sev >= list(Severity).index(Severity.HIGH))
    assert set(sarif.SECURITY_SEVERITY) == set(Severity)
    assert set(sarif.VERDICT_PHRASE) == set(Verdict)


def test_sarif_results_point_at_their_rules(handmade: Report) -> None:
    run = sarif_run(handmade)
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert [r["level"] for r in run["results"][:6]] == ["error", "warning", "note", "error", "error", "error"]


def location_of(report: Report, document: int, finding: int) -> dict[str, Any]:
    """The SARIF location of the finding-th finding of the document-th document, both from 0."""
    index = sum(len(d.findings) for d in report.documents[:document]) + finding
    location: dict[str, Any] = sarif_run(report)["results"][index]["locations"][0]
    return location


LOCATIONS = [
    pytest.param(
        0,
        0,
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "cv/Dana%20Whitfield%20CV.pdf"},
                "region": {
                    "charOffset": 22,
                    "charLength": 14,
                    "properties": {"page": 1, "line": 2, "bbox": [72.0, 90.2, 310.5, 102.0]},
                },
            },
            "logicalLocations": [{"kind": "page", "name": "page 1", "fullyQualifiedName": "page 1 line 2"}],
        },
        id="pdf",
    ),
    pytest.param(
        1,
        1,
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "cv/resume.docx"},
                "region": {
                    "charOffset": 71,
                    "charLength": 3,
                    "properties": {"part": "table", "paragraph": 1, "table": 1, "row": 2, "cell": 3},
                },
            },
            "logicalLocations": [
                {"kind": "element", "name": "table", "fullyQualifiedName": "table 1 row 2 cell 3 paragraph 1"}
            ],
        },
        id="docx-table-cell",
    ),
    pytest.param(
        2,
        0,
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "export/Positions.csv"},
                "region": {"startLine": 4, "properties": {"row": 3, "column": "Description"}},
            },
            "logicalLocations": [
                {
                    "kind": "element",
                    "name": "Description",
                    "fullyQualifiedName": "Positions.csv row 3, Description",
                }
            ],
        },
        id="export-row",
    ),
    pytest.param(
        2,
        1,
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "export/Email%20Addresses.csv"},
                "region": {"startLine": 2, "properties": {"row": 1, "column": "Email Address"}},
            },
            "logicalLocations": [
                {
                    "kind": "element",
                    "name": "Email Address",
                    "fullyQualifiedName": "Email Addresses.csv row 1, Email Address",
                }
            ],
        },
        id="export-file-with-space",
    ),
    pytest.param(
        3,
        0,
        {
            "physicalLocation": {"artifactLocation": {"uri": "resume.json"}},
            "logicalLocations": [{"kind": "value", "name": "phone", "fullyQualifiedName": "/basics/phone"}],
        },
        id="json-pointer",
    ),
    pytest.param(
        4,
        0,
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "notes.txt"},
                "region": {"startLine": 3, "startColumn": 8, "endLine": 3, "endColumn": 24},
            }
        },
        id="text",
    ),
]


@pytest.mark.parametrize(("document", "finding", "expected"), LOCATIONS)
def test_sarif_location_of_each_kind(
    handmade: Report, document: int, finding: int, expected: dict[str, Any]
) -> None:
    assert location_of(handmade, document, finding) == expected


def test_sarif_message_says_what_where_and_what_to_do(handmade: Report) -> None:
    messages = [r["message"]["text"] for r in sarif_run(handmade)["results"]]
    assert messages[2] == (
        "Money amount at page 1 line 9: resume only (keep it off public profiles). "
        "Public profile: generalize; resume: keep."
    )
    assert messages[4] == (
        "Salary at page 2 line 3: never public (remove it everywhere). "
        "Public profile: remove; resume: remove."
    )
    assert messages[3].startswith("A name you listed as private at page 1 line 9: ")


def test_sarif_fingerprints_are_distinct_hashes(persona: Report) -> None:
    prints = [r["partialFingerprints"][sarif.FINGERPRINT] for r in sarif_run(persona)["results"]]
    assert len(set(prints)) == len(prints)
    assert all(re.fullmatch(r"[0-9a-f]{32}", p) for p in prints)


def test_sarif_failures_are_notifications(handmade: Report) -> None:
    invocation = sarif_run(handmade)["invocations"][0]
    assert invocation["executionSuccessful"] is False
    errors = [n for n in invocation["toolExecutionNotifications"] if n["level"] == "error"]
    assert errors == [
        {
            "level": "error",
            "message": {"text": "cv/old.doc: is a Word 97-2003 file; save it as DOCX"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": "cv/old.doc"}}}],
        }
    ]
    others = [(n["level"], n["message"]["text"]) for n in invocation["toolExecutionNotifications"][1:]]
    assert others == [
        ("warning", "rule golden.money took too long on this document and was stopped"),
        ("note", "the charts hold text that discreet does not read yet"),
    ]


def test_sarif_run_without_failures_succeeds(handmade: Report) -> None:
    invocation = sarif_run(replace(handmade, failures=()))["invocations"][0]
    assert invocation["executionSuccessful"] is True


def test_sarif_absolute_paths_become_file_uris(tmp_path: Path) -> None:
    document = build_document(
        tmp_path / "my cv.txt", DocumentKind.RESUME, Format.TEXT, [Segment("x", TextLocation(1))]
    )
    run = sarif_run(Report((DocumentReport(document, ()),), (), ()))
    uri = run["artifacts"][0]["location"]["uri"]
    assert uri == (tmp_path / "my cv.txt").as_uri()
    assert uri.startswith("file:///") and "%20" in uri


# Markdown


def rendered(markdown_text: str) -> str:
    """Markdown to HTML as a CommonMark renderer would show it."""
    return str(MarkdownIt("commonmark").enable("strikethrough").render(markdown_text))


def test_markdown_escapes_document_text(handmade: Report) -> None:
    output = markdown.render(handmade, RenderOptions())
    line = next(line for line in output.splitlines() if "alert(1)" in line)
    assert line == (
        r"  - Line: \<script\>alert(1)\</script\> grew \*sales\* to **\$5M**\_\[click\](javascript:alert(2)) "
        r"\`x\` \~\~y\~\~ \&amp; \| \#"
    )
    item = next(line for line in rendered(output).splitlines() if "alert(1)" in line)
    assert item == (
        "<li>Line: &lt;script&gt;alert(1)&lt;/script&gt; grew *sales* to <strong>$5M</strong>"
        "_[click](javascript:alert(2)) `x` ~~y~~ &amp;amp; | #</li>"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words, commas. and dots", "plain words, commas. and dots"),
        ("a*b_c", r"a\*b\_c"),
        ("[x](y)", r"\[x\](y)"),
        ("<b>", r"\<b\>"),
        ("AT&T", "AT&T"),
        ("&copy;", r"\&copy;"),
        ("$1 and $2", r"\$1 and \$2"),
        ("two\nlines\t tabbed", "two lines tabbed"),
        ("back\\slash", "back\\\\slash"),
    ],
)
def test_markdown_escape(text: str, expected: str) -> None:
    assert markdown.escape(text) == expected


def test_markdown_groups_findings_by_verdict(persona: Report) -> None:
    output = markdown.render(persona, RenderOptions())
    docx = output[
        output.index("## `fixtures/persona/resume.docx`") : output.index("## `fixtures/persona/resume.json`")
    ]
    headings = re.findall(r"^### (.+) \(\d+\)$", docx, flags=re.MULTILINE)
    assert headings == ["Never public", "Resume only", "Safe to publish"]


def test_markdown_puts_summary_and_exposures_first(handmade: Report) -> None:
    output = markdown.render(handmade, RenderOptions())
    order = [
        output.index("## Summary"),
        output.index("## Exposures on the public profile"),
        output.index("## `cv/Dana Whitfield CV.pdf`"),
        output.index("## Resume and profile compared"),
        output.index("## Files that could not be read"),
    ]
    assert order == sorted(order)
    assert "- **Replacement ratio:** 42%" in output
    assert "- **Resume-only share:** 25%" in output


def test_markdown_shows_advice_and_rewrite(handmade: Report) -> None:
    output = markdown.render(handmade, RenderOptions())
    assert (
        "  - Why: Exact revenue and deal figures can be confidential to the employer.\n"
        "  - Instead: Give a rounded figure or a percentage: 'grew revenue by a third'.\n"
        "  - Public profile: generalize · resume: keep — Exact revenue is the employer's to publish.\n"
        "  - Rewritten: “Generated seven-figure new revenue with a confidential pricing pilot.”\n"
    ) in output


@pytest.mark.parametrize(
    ("render", "why"),
    [
        (markdown.render, lambda text: f"  - Why: {markdown.escape(text)}\n"),
        (html.render, lambda text: f'<p class="why"><b>Why:</b> {escape_html(text)}</p>'),
    ],
    ids=["markdown", "html"],
)
def test_every_finding_says_why_beside_its_own_reason(
    persona: Report, handmade: Report, render: Render, why: Callable[[str], str]
) -> None:
    for report in (persona, handmade):
        output = render(report, RenderOptions())
        findings = [f for d in report.documents for f in d.findings]
        rules = [report.rule(f.finding.rule) for f in findings]
        assert None not in rules
        for rule in {r.id: r for r in rules if r is not None}.values():
            count = sum(1 for f in findings if f.finding.rule == rule.id)
            assert output.count(why(rule.why)) == count, rule.id


@pytest.mark.parametrize("render", [markdown.render, html.render], ids=["markdown", "html"])
def test_mask_hides_every_match(handmade: Report, render: Render) -> None:
    output = render(handmade, RenderOptions(mask=True))
    matches = [f.finding.text for d in handmade.documents for f in d.findings]
    exposures = [e.text for c in handmade.comparisons for e in c.exposures]
    assert [t for t in matches + exposures if t in output] == []
    assert MASK * 5 in output


@pytest.mark.parametrize("fmt", list(ReportFormat))
def test_quiet_is_the_summary_only_and_shows_no_text(handmade: Report, fmt: ReportFormat) -> None:
    output = renderer(fmt)(handmade, RenderOptions(quiet=True))
    assert [text for text in texts(handmade) if text in output] == []
    assert MASK not in output
    for words in (
        "Why:",
        "Rewritten",
        "Profile exposures",
        "Exposures on",
        "Worth adding",
        "could not be read:",
    ):
        assert words not in output, words


def test_quiet_json_is_one_summary_object(handmade: Report) -> None:
    data = json.loads(renderer(ReportFormat.JSON)(accepted(handmade), RenderOptions(quiet=True)))
    assert list(data) == ["version", "summary"]
    summary = data["summary"]
    assert (summary["documents"], summary["findings"], summary["suppressed"]) == (5, 14, 2)
    assert (summary["exposures"], summary["unreadable"]) == (2, 1)
    assert summary["by_verdict"] == {"complement": 1, "replacement": 12, "never": 1}


def test_quiet_sarif_has_no_results_but_the_summary(handmade: Report) -> None:
    run = json.loads(sarif.render(accepted(handmade), RenderOptions(quiet=True)))["runs"][0]
    assert run["results"] == []
    assert run["properties"]["suppressed"] == 2
    assert run["properties"]["summary"]["findings"] == 14
    assert run["invocations"][0]["executionSuccessful"] is False


# Accepted findings


@pytest.mark.parametrize(
    ("fmt", "line"),
    [
        (ReportFormat.TEXT, "14 findings (2 suppressed by ignore directives or the baseline)"),
        (ReportFormat.MARKDOWN, "- **Accepted:** 2 suppressed by ignore directives or the baseline\n"),
        (
            ReportFormat.HTML,
            '<div class="stat "><b>2</b><span>accepted</span>'
            "<small>suppressed by ignore directives or the baseline</small></div>",
        ),
        (ReportFormat.SARIF, '"suppressed": 2\n'),
    ],
)
def test_every_summary_counts_accepted_findings(handmade: Report, fmt: ReportFormat, line: str) -> None:
    assert line in renderer(fmt)(accepted(handmade), RenderOptions())
    assert line not in renderer(fmt)(handmade, RenderOptions())


# HTML


class TagChecker(HTMLParser):
    """Collect start tags and check every non-void element closes in order."""

    VOID = frozenset({"meta", "input", "br", "hr", "img", "link"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.starts: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(page: str) -> TagChecker:
    checker = TagChecker()
    checker.feed(page)
    checker.close()
    assert checker.stack == []
    return checker


@pytest.mark.parametrize("name", ["persona", "handmade"])
def test_html_is_well_formed_with_a_mark_per_finding(name: str, request: pytest.FixtureRequest) -> None:
    report: Report = request.getfixturevalue(name)
    page = parsed(html.render(report, RenderOptions()))
    marks = [attrs for tag, attrs in page.starts if tag == "mark" and "data-card" in attrs]
    findings = [f for d in report.documents for f in d.findings]
    assert len({m["data-card"] for m in marks}) == len(findings)
    cards = [attrs for tag, attrs in page.starts if tag == "article"]
    assert [c["id"] for c in cards] == sorted({m["data-card"] or "" for m in marks}, key=_card_order)
    assert {(m["data-category"], m["data-verdict"]) for m in marks} == {
        (f.finding.category.value, f.verdict.value) for f in findings
    }


def _card_order(key: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", key))


def test_html_escapes_document_text(handmade: Report) -> None:
    output = html.render(handmade, RenderOptions())
    assert "&lt;script&gt;alert(1)&lt;/script&gt; grew *sales* to <mark" in output
    assert "<script>alert(1)" not in output
    assert output.count("<script>") == 1
    page = parsed(output)
    assert any(HOSTILE.split("$5M")[0] in text for text in page.text)


def test_html_loads_nothing(handmade: Report) -> None:
    output = html.render(handmade, RenderOptions())
    head = output[: output.index("</head>")]
    assert (
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">"
    ) in head
    for needle in ("http:", "https:", "//", "src=", "url(", "@import", "<link", "<iframe", "<img"):
        assert needle not in output, needle
    # The only links are the file index's, to the documents on the page itself.
    assert re.findall(r'href="([^"]*)"', output) == [f"#doc-{n}" for n in range(1, 6)]


def test_html_offers_filters_for_present_categories_and_all_verdicts(handmade: Report) -> None:
    page = parsed(html.render(handmade, RenderOptions()))
    boxes = [
        (a["data-filter"], a["value"]) for tag, a in page.starts if tag == "input" and "data-filter" in a
    ]
    assert boxes == [
        ("verdict", "never"),
        ("verdict", "replacement"),
        ("verdict", "complement"),
        ("category", "financial"),
        ("category", "confidential"),
        ("category", "personal"),
        ("category", "compensation"),
        ("category", "note"),
    ]


def test_html_shows_exposures_before_documents(handmade: Report) -> None:
    output = html.render(handmade, RenderOptions())
    assert output.index('id="summary"') < output.index("Profile exposures") < output.index('id="doc-1"')
    assert "<b>42%</b>" in output
    assert "Generated seven-figure new revenue with a confidential pricing pilot." in output


def test_html_shows_section_headings_in_segment_order(handmade: Report) -> None:
    output = html.render(handmade, RenderOptions())
    pdf = output[output.index('id="doc-1"') : output.index('id="doc-2"')]
    assert re.findall(r'<h3 class="sec-head">(\w+)</h3>', pdf) == ["contact", "experience", "other"]
    assert pdf.count('class="row has hidden-seg"') == 1


def test_aggregate_holds_counts_only(persona: Report) -> None:
    output = aggregate.render(persona, RenderOptions())
    data = json.loads(output)
    # resume.json is a JSON Resume, itself a profile: only the text and Word resumes are compared.
    assert (data["documents"], data["unreadable"], data["comparisons"]) == (4, 1, 2)
    assert data["findings"] == sum(len(d.findings) for d in persona.documents)
    assert sum(data["by_rule"].values()) == data["findings"]
    leaked = [text for text in texts(persona) if text in output]
    assert leaked == []
    assert not any(d.document.path in output for d in persona.documents)
    assert "fixtures" not in output


# The HTML report for a coach


def test_html_batch_opens_with_an_index_of_files_and_their_counts(persona: Report) -> None:
    output = html.render(persona, RenderOptions())
    index = output[output.index('<section class="panel" id="files">') :]
    rows = re.findall(r"<tr>(<td .*?)</tr>", index[: index.index("</table>")])
    cells = [re.findall(r'<td data-label="[^"]+">(.*?)</td>', row) for row in rows]
    assert cells == [
        ['<a href="#doc-1">fixtures/persona/resume.txt</a>', "resume · text", "13", "1", "10", "37 of 48"],
        ['<a href="#doc-2">fixtures/persona/resume.docx</a>', "resume · docx", "14", "1", "11", "48 of 60"],
        [
            '<a href="#doc-3">fixtures/persona/resume.json</a>',
            "profile · json-resume",
            "11",
            "0",
            "9",
            "59 of 67",
        ],
        [
            '<a href="#doc-4">fixtures/persona/linkedin-export</a>',
            "profile · linkedin-export",
            "2",
            "0",
            "1",
            "64 of 65",
        ],
    ]
    ids = re.findall(r'<section class="panel doc" id="(doc-\d)">', output)
    assert ids == ["doc-1", "doc-2", "doc-3", "doc-4"]


def test_html_of_one_document_has_no_index(handmade: Report) -> None:
    one = replace(handmade, documents=handmade.documents[:1], comparisons=())
    assert 'id="files"' not in html.render(one, RenderOptions())


def test_html_counts_lines_safe_to_publish_not_findings(persona: Report) -> None:
    output = html.render(persona, RenderOptions())
    safe = sum(d.verdict_counts()[Verdict.COMPLEMENT] for d in persona.documents)
    lines = sum(len(d.document.segments) for d in persona.documents)
    assert (safe, lines) == (208, 240)
    assert (
        '<div class="stat complement"><b>208</b><span>lines safe to publish</span>'
        "<small>of the 240 lines read: these may stay on a public profile</small></div>"
    ) in output


def test_html_shows_a_sentence_rewrite_once_for_all_its_findings(handmade: Report) -> None:
    pdf = handmade.documents[0]
    money, falcon = pdf.findings[2], pdf.findings[3]
    assert money.line_start == falcon.line_start
    shared = replace(falcon, advice=money.advice)
    report = replace(
        handmade, documents=(replace(pdf, findings=(*pdf.findings[:3], shared, *pdf.findings[4:])),)
    )
    output = html.render(report, RenderOptions())
    assert re.findall(r'<p class="rewrite"><span>([^<]*)</span>([^<]*)</p>', output) == [
        (
            "Rewritten for the 2 findings in this sentence",
            "Generated seven-figure new revenue with a confidential pricing pilot.",
        )
    ]


def test_html_rewrites_appear_once_per_sentence(persona: Report) -> None:
    output = html.render(persona, RenderOptions())
    sentences = {
        (d.document.path, f.line_start, f.advice.rewrite)
        for d in persona.documents
        for f in d.findings
        if f.advice and f.advice.rewrite
    }
    findings = sum(1 for d in persona.documents for f in d.findings if f.advice and f.advice.rewrite)
    assert len(sentences) < findings
    assert output.count('<p class="rewrite">') == len(sentences)


@pytest.mark.parametrize(
    ("note", "step"),
    [
        (
            "the footnotes hold text that discreet does not read yet",
            "Read that part yourself for figures, client names and contact details.",
        ),
        (
            "word/footer1.xml is damaged and was not read; re-save it",
            "Re-save the file from Word and audit it again.",
        ),
        (
            "Positions.csv: not UTF-8 or UTF-16, read as Windows-1252",
            "If names look garbled, download the export from LinkedIn again.",
        ),
        (
            "Positions.csv: columns do not match LinkedIn's Positions — skipped",
            "Download the export from LinkedIn again; an edited file loses its columns.",
        ),
        (
            "Profile.csv columns Pronouns: not known LinkedIn columns — not read",
            "If the profile shows these columns, read them yourself.",
        ),
        (
            "Profile.csv columns Address: not shown on the profile — not read",
            "Nothing to do: the profile does not show it.",
        ),
        (
            "Recommendations_Received.csv: 1 rows with status HIDDEN, not shown on the profile — skipped",
            "Nothing to do: the profile does not show it.",
        ),
        (
            "copy/Profile.csv: another copy of Profile.csv — skipped",
            "Nothing to do: the first copy was audited.",
        ),
        (
            "Connections.csv: account data, not shown on the profile — skipped",
            "Nothing to do: the profile does not show it.",
        ),
        (
            "Articles/a.html: activity, media or endorsements, not a profile section — skipped",
            "Posts and articles are public too: read them yourself.",
        ),
        (
            "notes.txt: not a LinkedIn profile file — skipped",
            "Nothing to do, unless you added the file: then audit it on its own.",
        ),
        (
            "/meta: not a JSON Resume section — not read",
            "If a theme shows it, read it yourself or rename it to a JSON Resume section.",
        ),
        ("/work/0/x: nested deeper than 12 levels — not read", "Flatten that part, or read it yourself."),
        (
            "a discreet ignore directive names money, which no rule has; see `discreet rules list`",
            "Correct the rule id in the directive; `discreet rules list` shows them.",
        ),
        ("something new", "Read that part of the document yourself: discreet did not check it."),
    ],
)
def test_every_note_says_what_to_do(note: str, step: str) -> None:
    assert next_step(note) == Note(note, step)


@pytest.mark.parametrize(
    ("render", "shown"),
    [
        (markdown.render, lambda note, step: f"> Note: {markdown.escape(note)}. {markdown.escape(step)}\n"),
        (
            html.render,
            lambda note, step: f'<li>{escape_html(note)}<span class="step">{escape_html(step)}</span></li>',
        ),
    ],
    ids=["markdown", "html"],
)
def test_notes_are_shown_with_their_next_step(
    persona: Report, render: Render, shown: Callable[[str, str], str]
) -> None:
    output = render(persona, RenderOptions())
    notes = [note for d in persona.documents for note in (*d.document.notes, *d.warnings)]
    assert len(notes) >= 6
    for note in notes:
        assert shown(note, next_step(note).step) in output


@pytest.mark.parametrize("name", ["persona", "handmade", "handmade-quiet"])
def test_aggregate_goldens_meet_their_schema(name: str) -> None:
    schema = json.loads((REPO / "src/discreet/schemas/aggregate.schema.json").read_text(encoding="utf-8"))
    value = json.loads((GOLDEN / golden_name(name, ReportFormat.AGGREGATE)).read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(value)) == []
