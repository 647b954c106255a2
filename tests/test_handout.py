"""The training handout: golden files, the shipped copy, exact examples, the worked case and the CLI."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest

from conftest import FIXTURES, REPO
from discreet.cli import main
from discreet.formatters.markdown import escape
from discreet.handout import (
    CASE_LINES,
    EXAMPLES_PER_RULE,
    RENDERERS,
    case_lines,
    examples,
    finding_summaries,
    render_html,
    render_markdown,
    topics,
)
from discreet.model import Category
from discreet.packs import Pack, all_rules, builtin_rules_dir, load_packs
from discreet.persona import persona_case, persona_dir, private_terms
from discreet.report import DocumentReport
from test_formatters import GOLDEN_RULES, check_golden
from test_html_browser import CHROMIUM, SCREENSHOTS, chromium, console_lines

SHIPPED = REPO / "src" / "discreet" / "docs"
SUFFIX = {"markdown": "md", "html": "html"}
PACK = """
[pack]
id = "{id}"
title = "Tiny {id}"
description = "Rules made up for the handout tests."

[[rules]]
id = "{id}.amount"
category = "{category}"
title = "Amount <b>"
why = "Figures & names leak."
advice = "Say 'a lot'."
patterns = ['''\\$\\d+''']
flag = [
  "Paid [[$5]] and [[$6]] to <script>",
  {{ text = "Won [[$7]]", rewrite = "Won a lot" }},
  {{ text = "Lost [[$8]]", rewrite = "", section = "references" }},
]
allow = ["Paid nothing"]
"""


def tiny_pack(folder: Path, pack_id: str = "financial", category: str = "financial") -> tuple[Pack, ...]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{pack_id}.toml").write_text(PACK.format(id=pack_id, category=category), encoding="utf-8")
    return load_packs([folder])


@pytest.fixture(scope="module")
def golden_packs() -> tuple[Pack, ...]:
    return load_packs([REPO / GOLDEN_RULES])


@pytest.fixture(scope="module")
def golden_case(golden_packs: tuple[Pack, ...]) -> DocumentReport:
    return persona_case(all_rules(golden_packs))


@pytest.fixture(scope="module")
def builtin_packs() -> tuple[Pack, ...]:
    return load_packs([builtin_rules_dir()])


@pytest.fixture(scope="module")
def builtin_case(builtin_packs: tuple[Pack, ...]) -> DocumentReport:
    return persona_case(all_rules(builtin_packs))


# Golden files and the copy shipped in the wheel


@pytest.mark.parametrize("fmt", SUFFIX)
def test_golden_pack_handout_matches_golden(
    golden_packs: tuple[Pack, ...], golden_case: DocumentReport, fmt: str
) -> None:
    check_golden(f"handout.{SUFFIX[fmt]}", RENDERERS[fmt](golden_packs, golden_case, private_terms()))


@pytest.mark.parametrize("fmt", SUFFIX)
def test_shipped_handout_is_what_the_packs_give_now(
    builtin_packs: tuple[Pack, ...], builtin_case: DocumentReport, fmt: str
) -> None:
    text = RENDERERS[fmt](builtin_packs, builtin_case, private_terms())
    path = SHIPPED / f"handout.{SUFFIX[fmt]}"
    if os.environ.get("DISCREET_REGEN_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} is missing; run with DISCREET_REGEN_GOLDEN=1 to write it"
    assert text == path.read_text(encoding="utf-8"), f"{path} is stale; DISCREET_REGEN_GOLDEN=1 rewrites it"


# What a category, a rule and an example look like


def test_markdown_rule_shows_marked_before_after_actions_and_the_rest(tmp_path: Path) -> None:
    packs = tiny_pack(tmp_path)
    [rule] = all_rules(packs)
    assert [e.text for e in examples(rule)] == ["Won $7", "Lost $8"]
    text = render_markdown(packs, persona_case(all_rules(packs)), ["Project Falcon"])
    start = text.index("### Amount")
    assert text[start : text.index("<a id=", start)].splitlines() == [
        "### Amount \\<b\\>",
        "",
        "`financial.amount` · severity medium · public profile: **generalize** · resume: **keep**",
        "",
        "**Why it matters.** Figures & names leak.",
        "",
        "**Write instead.** Say 'a lot'.",
        "",
        "- Before: Won **\\$7**\\",
        "  After: Won a lot",
        "- Before (in the references section): Lost **\\$8**\\",
        "  After: (remove the sentence)",
        "- 1 more: `discreet rules explain financial.amount`",
        "",
    ]
    assert "\n\n\n" not in text


def test_html_example_marks_every_span_and_escapes_rule_text(tmp_path: Path) -> None:
    packs = tiny_pack(tmp_path)
    [rule] = all_rules(packs)
    packs = (Pack("financial", "Tiny", "", "", (replace(rule, flag=rule.flag[:1]),)),)
    page = render_html(packs, persona_case(all_rules(packs)), [])
    assert (
        '<div class="ex"><div class="before"><span class="l">Before</span>'
        "Paid <mark>$5</mark> and <mark>$6</mark> to &lt;script&gt;</div></div>"
    ) in page
    assert "<h3>Amount &lt;b&gt;</h3>" in page
    assert "<script" not in page


def test_examples_prefer_rewrites_and_stop_at_the_limit(builtin_packs: tuple[Pack, ...]) -> None:
    for rule in all_rules(builtin_packs):
        shown = examples(rule)
        assert len(shown) == min(EXAMPLES_PER_RULE, len(rule.flag))
        with_rewrite = [e for e in rule.flag if e.rewrite is not None]
        assert list(shown) == (with_rewrite + [e for e in rule.flag if e.rewrite is None])[: len(shown)]


def test_topics_follow_teaching_order_and_skip_empty_categories(tmp_path: Path) -> None:
    packs = (*tiny_pack(tmp_path / "a", "references", "references"), *tiny_pack(tmp_path / "b", "money"))
    assert [(t.category, t.title, [r.id for r in t.rules]) for t in topics(packs)] == [
        (Category.FINANCIAL, "Financial", ["money.amount"]),
        (Category.REFERENCES, "Tiny references", ["references.amount"]),
    ]


def test_every_builtin_rule_is_taught_with_its_title_why_and_actions(
    builtin_packs: tuple[Pack, ...], builtin_case: DocumentReport
) -> None:
    page = render_html(builtin_packs, builtin_case, private_terms())
    text = render_markdown(builtin_packs, builtin_case, private_terms())
    for category in ("financial", "confidential", "personal", "compensation", "references"):
        assert f'<section class="topic" id="{category}">' in page
        assert f"](#{category})" in text
    for rule in all_rules(builtin_packs):
        article = page[page.index(f'<article id="{rule.id}">') :]
        article = article[: article.index("</article>")]
        assert f"<h3>{html.escape(rule.title)}</h3>" in article
        assert html.escape(rule.why) in article
        assert f"public profile: <b>{rule.public.value}</b>" in article
        assert f"resume: <b>{rule.resume.value}</b>" in article
        assert f"**Why it matters.** {escape(rule.why)}" in text


def test_html_is_self_contained_and_printable(
    builtin_packs: tuple[Pack, ...], builtin_case: DocumentReport
) -> None:
    page = render_html(builtin_packs, builtin_case, private_terms())
    assert not re.search(r"https?:|<script|<link|<img|src=|@import|url\(", page)
    assert "Content-Security-Policy" in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@media print{" in page
    assert "section.topic{break-before:page}" in page


# The worked case


def test_worked_case_shows_the_first_line_of_each_category_then_rewritten_lines(
    golden_packs: tuple[Pack, ...], golden_case: DocumentReport
) -> None:
    shown = [
        (line.text, [line.text[a:b] for a, b in line.spans], line.rewrite) for line in case_lines(golden_case)
    ]
    assert len(shown) == CASE_LINES
    assert shown[:3] == [
        ("Phone: (312) 555-0147", ["(312) 555-0147"], ""),
        (
            "• Generated $4.2M in new annual recurring revenue in FY2024, up 37% year over year.",
            ["$4.2M"],
            "• Generated millions in new annual recurring revenue in FY2024, up 37% year over year.",
        ),
        (
            "• Closed an $850K multi-year platform deal for Northwind Logistics after a six-month "
            "evaluation.",
            ["$850K", "Northwind Logistics"],
            "• Closed a six-figure multi-year platform deal for a key client after a six-month evaluation.",
        ),
    ]
    assert shown[-1][:2] == ("Current salary: $128,000; expected $140K", ["$128,000", "$140K"])
    grew = next(line for line in case_lines(golden_case) if "$1.1M" in line.text)
    assert finding_summaries(grew, all_rules(golden_packs)) == (
        "Money amount: public profile generalize, resume keep",
        "A name you listed as private: public profile remove, resume generalize",
    )


def test_worked_case_holds_only_the_fictional_persona(builtin_case: DocumentReport) -> None:
    resume_lines = set((FIXTURES / "persona" / "resume.txt").read_text(encoding="utf-8").splitlines())
    lines = case_lines(builtin_case)
    assert lines
    assert all(line.text in resume_lines for line in lines)
    assert {f.finding.category for line in lines for f in line.findings} >= {
        Category.FINANCIAL,
        Category.CONFIDENTIAL,
        Category.PERSONAL,
        Category.COMPENSATION,
        Category.REFERENCES,
    }


def test_persona_files_are_found_in_the_checkout() -> None:
    assert persona_dir() == FIXTURES / "persona"
    assert private_terms() == (
        "Brightline Foods",
        "Northwind Logistics",
        "Pellmark Analytics",
        "Project Falcon",
    )


# The command


def test_rules_docs_prints_markdown_by_default(
    builtin_packs: tuple[Pack, ...], builtin_case: DocumentReport, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rules", "docs"]) == 0
    assert capsys.readouterr().out == render_markdown(builtin_packs, builtin_case, private_terms())


def test_rules_docs_writes_html_with_extra_packs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tiny_pack(tmp_path / "mine", "mine", "compensation")
    output = tmp_path / "handout.html"
    assert (
        main(
            ["rules", "docs", "--format", "html", "--output", str(output), "--rules", str(tmp_path / "mine")]
        )
        == 0
    )
    assert capsys.readouterr().out == ""
    page = output.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    compensation = page[page.index('<section class="topic" id="compensation">') :]
    assert '<article id="mine.amount">' in compensation[: compensation.index("</section>")]


def test_other_commands_do_not_import_the_handout() -> None:
    code = (
        "import sys, discreet.cli; print(sorted({'discreet.handout', 'discreet.persona'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


def test_rules_docs_rejects_an_unknown_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "docs", "--format", "pdf"]) == 2
    assert "'pdf' is not one of" in capsys.readouterr().err


def test_rules_docs_reports_an_unwritable_output_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rules", "docs", "--output", str(tmp_path / "missing" / "handout.md")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("discreet: ") and "cannot write the report" in err and err.count("\n") == 1


# In a browser: a phone's width and an A4 page

MEASURE = """<script>
let widest = 0;
for (const element of document.querySelectorAll("body *")) {
  widest = Math.max(widest, element.getBoundingClientRect().right);
}
const report = parent.document.body.dataset;
report.viewport = document.documentElement.clientWidth;
report.scroll = document.documentElement.scrollWidth;
report.widest = Math.ceil(widest);
</script>"""
PHONE = 420
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install -y chromium)"
)


@pytest.fixture(scope="module")
def shipped_page() -> str:
    return (SHIPPED / "handout.html").read_text(encoding="utf-8")


@needs_chromium
def test_nothing_overflows_at_phone_width(shipped_page: str, tmp_path: Path) -> None:
    # The page forbids scripts; the measuring copy drops that one line and adds its own. Headless
    # Chromium keeps windows at least 500 px wide, so the copy is shown in a frame a phone wide.
    measured = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', "", shipped_page)
    measured = measured.replace("</body>", MEASURE + "\n</body>")
    page = tmp_path / "measured.html"
    page.write_text(
        f'<!DOCTYPE html><body><iframe width="{PHONE}" height="900" style="border:0" '
        f'srcdoc="{html.escape(measured)}"></iframe></body>',
        encoding="utf-8",
    )
    done = chromium(tmp_path, page.as_uri(), "--dump-dom", "--window-size=1000,1000")
    assert console_lines(done.stderr) == []
    body = re.search(r'<body data-viewport="(\d+)" data-scroll="(\d+)" data-widest="(\d+)"', done.stdout)
    assert body is not None, done.stdout[:500]
    viewport, scroll, widest = map(int, body.groups())
    assert viewport == PHONE
    assert scroll <= PHONE
    assert widest <= PHONE
    shot = tmp_path / "phone.png"
    chromium(
        tmp_path, (SHIPPED / "handout.html").as_uri(), f"--screenshot={shot}", f"--window-size={PHONE},1400"
    )
    SCREENSHOTS.mkdir(exist_ok=True)
    shutil.copyfile(shot, SCREENSHOTS / "handout-phone.png")


@needs_chromium
def test_printed_on_a4_each_category_starts_a_page_and_no_text_is_clipped(
    builtin_packs: tuple[Pack, ...], tmp_path: Path
) -> None:
    pdf = tmp_path / "handout.pdf"
    chromium(tmp_path, (SHIPPED / "handout.html").as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    with pdfplumber.open(pdf) as document:
        firsts = []
        for page in document.pages:
            assert (round(page.width), round(page.height)) == (595, 842)  # A4 in points
            for char in page.chars:
                assert char["x0"] >= 0 and char["x1"] <= page.width, (page.page_number, char["text"])
                assert char["top"] >= 0 and char["bottom"] <= page.height, (page.page_number, char["text"])
            lines = page.extract_text().splitlines()
            firsts.append(lines[0] if lines else "")
        SCREENSHOTS.mkdir(exist_ok=True)
        case_page = document.pages[firsts.index("Worked case: Dana Whitfield")]
        case_page.to_image(resolution=90).save(SCREENSHOTS / "handout-print-case.png")
    titles = [topic.title for topic in topics(builtin_packs)]
    assert [first for first in firsts if first in {*titles, "Worked case: Dana Whitfield"}] == [
        *titles,
        "Worked case: Dana Whitfield",
    ]
