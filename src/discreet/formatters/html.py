"""One self-contained HTML page: each document's text with findings marked, advice beside, filters."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape

from discreet import __version__
from discreet.formatters.labels import VERDICT_NOTE, VERDICT_ORDER, VERDICT_TITLE, percent
from discreet.formatters.options import RenderOptions
from discreet.formatters.view import (
    ComparisonView,
    DocumentView,
    ExposureView,
    FindingView,
    ReportView,
    SegmentView,
    prepare,
)
from discreet.languages.en import SUPPRESSED
from discreet.model import Action, Location, Section, Verdict
from discreet.report import Mismatch, Report, Suggestion

# Nothing may load from anywhere: the page works offline and cannot send the resume out.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'"
)

CSS = """
:root{--ink:#1d2433;--muted:#5b6578;--line:#dfe3ea;--bg:#f4f6f9;--card:#fff;--accent:#2f4b7c;
--never:#b42318;--never-bg:#fee4e2;--repl:#a15c07;--repl-bg:#fdefc8;--comp:#067647;--comp-bg:#d3f8df}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);line-height:1.5;
font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header.top{background:#1d2433;color:#fff;padding:22px 32px}
header.top h1{margin:0;font-size:22px;font-weight:650;letter-spacing:.2px}
header.top p{margin:4px 0 0;color:#c3cad8;font-size:13px}
main{max-width:1320px;margin:0 auto;padding:20px 32px 48px}
h2{font-size:18px;margin:0}
h3{font-size:15px;margin:0}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted)}
.panel{background:var(--card);border:1px solid var(--line);border-radius:10px;margin:0 0 20px;
box-shadow:0 1px 2px rgba(16,24,40,.04)}
.panel>header{padding:14px 20px;border-bottom:1px solid var(--line)}
.panel>header p{margin:2px 0 0;color:var(--muted);font-size:13px}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;padding:16px 20px}
.stat{border:1px solid var(--line);border-radius:8px;padding:10px 14px;border-top:3px solid var(--accent)}
.stat b{display:block;font-size:24px;font-weight:650}
.stat span{color:var(--muted);font-size:13px}
.stat small{display:block;color:#8a93a5;font-size:12px}
.stat.never{border-top-color:var(--never)}.stat.replacement{border-top-color:var(--repl)}
.stat.complement{border-top-color:var(--comp)}
.severities{padding:0 20px 16px;display:flex;flex-wrap:wrap;gap:6px;align-items:center;font-size:13px}
.filters{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;gap:10px 22px;align-items:center;
padding:10px 20px;margin:0 0 20px;background:rgba(255,255,255,.97);border:1px solid var(--line);
border-radius:10px;box-shadow:0 2px 6px rgba(16,24,40,.06);font-size:13px}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px;align-items:center}
.filters legend{float:left;font-weight:600;margin-right:6px;color:var(--muted)}
.filters label{display:inline-flex;align-items:center;gap:5px;padding:3px 10px;border:1px solid var(--line);
border-radius:999px;cursor:pointer;user-select:none;background:#fff}
.filters label.chip:has(input:not(:checked)){opacity:.5;text-decoration:line-through}
.filters input{margin:0;accent-color:var(--accent)}
.filters .n{color:var(--muted)}
#shown{margin-left:auto;color:var(--muted)}
.badge{display:inline-block;font-size:11px;font-weight:600;letter-spacing:.3px;text-transform:uppercase;
padding:1px 7px;border-radius:4px;border:1px solid transparent;white-space:nowrap}
.sev-critical{background:#7a1a12;color:#fff}.sev-high{background:#d92d20;color:#fff}
.sev-medium{background:#f79009;color:#fff}.sev-low{background:#e0eaff;color:#2f4b7c}
.sev-info{background:#eef0f3;color:#5b6578}
.badge.never{background:var(--never-bg);color:var(--never)}
.badge.replacement{background:var(--repl-bg);color:var(--repl)}
.badge.complement{background:var(--comp-bg);color:var(--comp)}
.badge.cat{background:#fff;border-color:var(--line);color:var(--muted)}
.doc-body{padding:8px 20px 16px}
.sec-head{margin:16px 0 6px;font-size:12px;text-transform:uppercase;letter-spacing:.8px;color:var(--accent);
border-bottom:1px solid var(--line);padding-bottom:3px}
.row{display:grid;grid-template-columns:11rem minmax(0,1fr) minmax(0,380px);gap:0 16px;padding:2px 0}
.row.has{padding:6px 0}
.loc{color:#8a93a5;font-size:12px;text-align:right;padding-top:2px}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
.row.hidden-seg .text{border-left:3px dashed #9e77ed;padding-left:8px;align-self:start}
.hidden-note{display:block;color:#6941c6;font-size:12px}
mark{border-radius:3px;padding:0 2px;cursor:pointer;color:inherit}
mark.never{background:var(--never-bg);box-shadow:inset 0 -2px 0 var(--never)}
mark.replacement{background:var(--repl-bg);box-shadow:inset 0 -2px 0 var(--repl)}
mark.complement{background:var(--comp-bg);box-shadow:inset 0 -2px 0 var(--comp)}
mark.off{background:none;box-shadow:none;cursor:auto}
.cards{display:flex;flex-direction:column;gap:8px}
.card{border:1px solid var(--line);border-left:4px solid var(--accent);border-radius:8px;padding:9px 12px;
background:#fff;font-size:13px}
.card.never{border-left-color:var(--never)}.card.replacement{border-left-color:var(--repl)}
.card.complement{border-left-color:var(--comp)}
.card.off,.row.collapsed,.sec.collapsed{display:none}
.card.flash{outline:2px solid var(--accent);outline-offset:2px}
.card h4{margin:0 0 4px;font-size:14px;display:flex;flex-wrap:wrap;gap:6px;align-items:center}
.card h4 .t{margin-right:auto}
.card p{margin:4px 0}
.card .where{color:var(--muted);font-size:12px}
.acts{display:flex;gap:6px;flex-wrap:wrap;margin:6px 0}
.act{font-size:12px;border:1px solid var(--line);border-radius:4px;padding:0 6px}
.act b{font-weight:600}
.act.remove b{color:var(--never)}.act.generalize b{color:var(--repl)}.act.keep b{color:var(--comp)}
.rewrite{margin:6px 0 2px;padding:6px 10px;background:#f0f5ff;border-radius:6px;border-left:3px solid #7a98cc}
.rewrite span{display:block;font-size:11px;text-transform:uppercase;letter-spacing:.5px;color:var(--muted)}
.notes{margin:0;padding:8px 20px 0 38px;color:var(--muted);font-size:13px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;padding:7px 20px;border-top:1px solid var(--line);vertical-align:top}
th{font-size:12px;color:var(--muted);font-weight:600;background:#fafbfc}
.metrics{display:flex;gap:28px;padding:14px 20px;flex-wrap:wrap}
.metrics div b{font-size:20px;display:block}
.metrics div span{color:var(--muted);font-size:13px}
.sub-head{padding:12px 20px 6px;font-size:13px;color:var(--muted);text-transform:uppercase;
letter-spacing:.6px}
.empty{padding:12px 20px;color:var(--muted)}
ul.plain{margin:0;padding:6px 20px 14px 38px}
.fail{color:var(--never)}
footer{color:var(--muted);font-size:12px;text-align:center;padding:10px 0 30px}
.notes .step{display:block;color:var(--ink)}.notes .step::before{content:"→ "}
h2,td,code,.where,.loc,.text{overflow-wrap:anywhere}
.index a{color:var(--accent);font-weight:600}
@media (max-width:900px){.row{grid-template-columns:1fr}.loc{text-align:left}main{padding:12px}}
@media (max-width:600px){header.top{padding:16px 14px}main{padding:10px 8px 32px}
.filters{position:static;padding:10px 12px}#shown{margin-left:0}
.panel>header,.stats,.doc-body,.metrics,.sub-head,.empty{padding-left:12px;padding-right:12px}
.severities{padding:0 12px 14px}.notes{padding:8px 12px 0 30px}ul.plain{padding:6px 12px 14px 30px}
.stats{grid-template-columns:repeat(2,minmax(0,1fr))}
table.stack tr:first-child{display:none}
table.stack,table.stack tbody,table.stack tr,table.stack td{display:block}
table.stack tr{border-top:1px solid var(--line);padding:8px 0}
table.stack td{border:0;padding:2px 12px}
table.stack td::before{content:attr(data-label) ": ";color:var(--muted);font-size:12px}
table.index td{display:inline-block;padding:0 0 0 12px;font-size:13px}
table.index td:first-child{display:block}}
@media print{.filters{display:none}.panel{break-inside:auto;box-shadow:none}body{background:#fff}}
"""

INDEX_COLUMNS = ("File", "Kind", "Findings", "Never public", "Resume only", "Lines safe to publish")

JS = """
(function () {
  "use strict";
  var $ = function (s) { return Array.prototype.slice.call(document.querySelectorAll(s)); };
  var boxes = $("input[data-filter]");
  var only = document.getElementById("only");
  var counter = document.getElementById("shown");
  function chosen(kind) {
    var set = {};
    boxes.forEach(function (b) { if (b.dataset.filter === kind && b.checked) { set[b.value] = true; } });
    return set;
  }
  function apply() {
    var verdicts = chosen("verdict"), categories = chosen("category"), shown = 0, total = 0;
    $("[data-verdict][data-category]").forEach(function (el) {
      var on = verdicts[el.dataset.verdict] === true && categories[el.dataset.category] === true;
      el.classList.toggle("off", !on);
      if (el.classList.contains("card")) { total += 1; if (on) { shown += 1; } }
    });
    $(".row").forEach(function (row) {
      row.classList.toggle("collapsed", only.checked && !row.querySelector(".card:not(.off)"));
    });
    $(".sec").forEach(function (sec) {
      sec.classList.toggle("collapsed", only.checked && !sec.querySelector(".row:not(.collapsed)"));
    });
    counter.textContent = shown + " of " + total + " findings shown";
  }
  function reveal(id) {
    var target = document.getElementById(id);
    if (!target) { return; }
    target.scrollIntoView({block: "center"});
    target.classList.add("flash");
    window.setTimeout(function () { target.classList.remove("flash"); }, 1200);
  }
  /* A link ending in #hide=replacement,financial opens the page with those filters off. */
  var hide = (/^#hide=([\\w,-]*)$/.exec(window.location.hash) || ["", ""])[1].split(",");
  boxes.forEach(function (b) { if (hide.indexOf(b.value) >= 0) { b.checked = false; } });
  boxes.concat([only]).forEach(function (b) { b.addEventListener("change", apply); });
  $("mark[data-card]").forEach(function (m) {
    m.addEventListener("click", function () {
      if (!m.classList.contains("off")) { reveal(m.dataset.card); }
    });
  });
  apply();
  document.body.dataset.ready = "1";
})();
"""


def render(report: Report, options: RenderOptions) -> str:
    """Render a report as one HTML page that loads nothing and escapes every piece of document text."""
    return layout(prepare(report, options))


def layout(view: ReportView) -> str:
    """The prepared report as one self-contained page; with --quiet, its summary only."""
    parts = [
        _head(),
        '<body data-ready="0">',
        '<header class="top"><h1>discreet report</h1>',
        f"<p>Audit of resumes and public profiles · discreet {escape(__version__)}</p></header>",
        "<main>",
        _summary(view),
        _index(view) if len(view.documents) > 1 else "",
        *(() if view.quiet else _details(view)),
        "</main>",
        "<footer>Made offline by discreet: this page loads nothing from the network.</footer>",
        "" if view.quiet else f"<script>{JS}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def _details(view: ReportView) -> Iterator[str]:
    """Everything below the summary: filters, comparisons, each document, the files not read."""
    yield _filters(view)
    yield from (_comparison(c) for c in view.comparisons)
    yield from (_document(d) for d in view.documents)
    yield _failures(view)


def _head() -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>discreet report</title>\n<style>{CSS}</style>\n</head>"
    )


def _summary(view: ReportView) -> str:
    totals = view.totals
    lines = sum(d.lines for d in view.documents)
    safe = sum(d.verdicts[Verdict.COMPLEMENT] for d in view.documents)
    stats = [
        _stat("", totals.documents, "documents", f"{totals.resumes} resume · {totals.profiles} profile"),
        _stat("", totals.findings, "findings"),
        *(
            _stat(v.value, totals.by_verdict[v], VERDICT_TITLE[v].lower(), VERDICT_NOTE[v])
            for v in (Verdict.NEVER, Verdict.REPLACEMENT)
        ),
        _stat(
            "complement",
            safe,
            "lines safe to publish",
            f"of the {lines} lines read: {VERDICT_NOTE[Verdict.COMPLEMENT]}",
        ),
    ]
    if totals.suppressed:
        stats.append(_stat("", totals.suppressed, "accepted", SUPPRESSED))
    if view.comparisons:
        stats.append(_stat("never", totals.exposures, "profile exposures"))
    if totals.failures:
        stats.append(_stat("never", totals.failures, "files not read"))
    severities = "".join(
        f'<span class="badge sev-{s.value}">{n} {s.value}</span>' for s, n in totals.by_severity.items() if n
    )
    return (
        '<section class="panel" id="summary"><header><h2>Summary</h2></header>'
        f'<div class="stats">{"".join(stats)}</div>'
        + (f'<div class="severities">By severity: {severities}</div>' if severities else "")
        + "</section>"
    )


def _index(view: ReportView) -> str:
    """One row per file with its counts; each name links to the file's findings unless --quiet."""
    head = "".join(f"<th>{label}</th>" for label in INDEX_COLUMNS)
    rows = "".join(_index_row(d, link=not view.quiet) for d in view.documents)
    return (
        '<section class="panel" id="files"><header><h2>Files</h2>'
        "<p>Each file's findings and the lines that may go public as they stand.</p></header>"
        f'<table class="stack index"><tr>{head}</tr>{rows}</table></section>'
    )


def _index_row(document: DocumentView, *, link: bool) -> str:
    name = escape(document.path)
    cells = (
        f'<a href="#doc-{document.number}">{name}</a>' if link else name,
        f"{document.kind.value} · {document.format.value}",
        str(len(document.findings)),
        str(document.count(Verdict.NEVER)),
        str(document.count(Verdict.REPLACEMENT)),
        f"{document.verdicts[Verdict.COMPLEMENT]} of {document.lines}",
    )
    return (
        "<tr>"
        + "".join(_cell(label, cell) for label, cell in zip(INDEX_COLUMNS, cells, strict=True))
        + "</tr>"
    )


def _cell(label: str, content: str) -> str:
    """A table cell that names its column, for the narrow layout that stacks cells."""
    return f'<td data-label="{escape(label)}">{content}</td>'


def _stat(kind: str, number: int, label: str, detail: str = "") -> str:
    small = f"<small>{escape(detail)}</small>" if detail else ""
    return f'<div class="stat {kind}"><b>{number}</b><span>{escape(label)}</span>{small}</div>'


def _filters(view: ReportView) -> str:
    totals = view.totals
    verdict_boxes = "".join(
        _checkbox("verdict", v.value, VERDICT_TITLE[v], totals.by_verdict[v]) for v in VERDICT_ORDER
    )
    category_boxes = "".join(
        _checkbox("category", c.value, c.value.capitalize(), n) for c, n in totals.by_category.items()
    )
    return (
        '<nav class="filters" aria-label="Filters">'
        f"<fieldset><legend>Verdict</legend>{verdict_boxes}</fieldset>"
        f"<fieldset><legend>Category</legend>{category_boxes}</fieldset>"
        '<label><input type="checkbox" id="only"> Only lines with findings</label>'
        f'<span id="shown" aria-live="polite">{totals.findings} of {totals.findings} findings shown</span>'
        "</nav>"
    )


def _checkbox(kind: str, value: str, label: str, count: int) -> str:
    return (
        f'<label class="chip"><input type="checkbox" data-filter="{kind}" value="{escape(value)}" checked> '
        f'{escape(label)} <span class="n">{count}</span></label>'
    )


def _comparison(comparison: ComparisonView) -> str:
    rows = "".join(_exposure(e) for e in comparison.exposures)
    exposures = (
        '<table class="stack"><tr><th>Finding</th><th>Text</th><th>On the profile</th>'
        "<th>In the resume</th></tr>"
        f"{rows}</table>"
        if rows
        else '<p class="empty">The profile shows nothing that must stay in the resume.</p>'
    )
    return (
        '<section class="panel comparison">'
        f"<header><h2>Profile exposures: {escape(comparison.profile_path)} ↔ "
        f"{escape(comparison.resume_path)}</h2>"
        "<p>What the public profile shows that belongs only in the resume, or nowhere.</p></header>"
        f"{exposures}{_metrics(comparison)}{_suggestions(comparison.suggestions)}"
        f"{_mismatches(comparison.mismatches)}</section>"
    )


def _exposure(exposure: ExposureView) -> str:
    resume = _where(exposure.resume) if exposure.resume else "not in the resume"
    return (
        f'<tr data-category="{exposure.category.value}">'
        + _cell(
            "Finding",
            f"<b>{escape(exposure.title)}</b> "
            f'<span class="badge sev-{exposure.severity.value}">{exposure.severity.value}</span> '
            f'<span class="badge cat">{exposure.category.value}</span>',
        )
        + _cell("Text", f'<mark class="never">{escape(exposure.text)}</mark>')
        + _cell("On the profile", _where(exposure.profile))
        + _cell("In the resume", resume)
        + "</tr>"
    )


def _metrics(comparison: ComparisonView) -> str:
    return (
        '<div class="metrics">'
        f"<div><b>{percent(comparison.replacement_ratio)}</b>"
        "<span>replacement ratio: the resume's summary and experience the profile reproduces</span></div>"
        f"<div><b>{percent(comparison.resume_only_share)}</b>"
        "<span>resume-only share: what the profile reproduces that belongs in the resume only</span>"
        "</div></div>"
    )


def _suggestions(suggestions: Sequence[Suggestion]) -> str:
    if not suggestions:
        return ""
    items = "".join(
        f"<li><b>{escape(s.section.value.capitalize())}</b>: {escape(s.text)} "
        f'<span class="where">({_where(s.resume)})</span></li>'
        for s in suggestions
    )
    return f'<h3 class="sub-head">Worth adding to the profile</h3><ul class="plain">{items}</ul>'


def _mismatches(mismatches: Sequence[Mismatch]) -> str:
    if not mismatches:
        return ""
    rows = "".join(
        "<tr>"
        + _cell("Field", f"<b>{escape(m.field)}</b>")
        + _cell(
            "Resume",
            escape(m.resume_value)
            + (f' <span class="where">({_where(m.resume)})</span>' if m.resume else ""),
        )
        + _cell("Profile", f'{escape(m.profile_value)} <span class="where">({_where(m.profile)})</span>')
        + "</tr>"
        for m in mismatches
    )
    return (
        '<h3 class="sub-head">Resume and profile disagree</h3>'
        f'<table class="stack"><tr><th>Field</th><th>Resume</th><th>Profile</th></tr>{rows}</table>'
    )


def _document(document: DocumentView) -> str:
    tally = ", ".join(
        f"{document.count(v)} {VERDICT_TITLE[v].lower()}" for v in VERDICT_ORDER if document.count(v)
    )
    count = len(document.findings)
    notes = "".join(
        f'<li>{escape(note.text)}<span class="step">{escape(note.step)}</span></li>'
        for note in (*document.notes, *document.warnings)
    )
    return (
        f'<section class="panel doc" id="doc-{document.number}"><header><h2>{escape(document.path)}</h2>'
        f"<p>{document.kind.value} · {document.format.value} · {count} finding"
        f"{'' if count == 1 else 's'}{': ' + tally if tally else ''}</p></header>"
        + (f'<ul class="notes">{notes}</ul>' if notes else "")
        + f'<div class="doc-body">{"".join(_sections(document))}</div></section>'
    )


def _sections(document: DocumentView) -> Iterator[str]:
    """The document's segments in order, a heading wherever the section changes."""
    current: Section | None = None
    for segment in document.segments():
        if segment.section is not current:
            if current is not None:
                yield "</div>"
            current = segment.section
            yield f'<div class="sec"><h3 class="sec-head">{escape(current.value)}</h3>'
        yield _row(segment)
    if current is not None:
        yield "</div>"


def _row(segment: SegmentView) -> str:
    cards = "".join(_card(f) for f in segment.findings)
    classes = "row" + (" has" if cards else "") + (" hidden-seg" if segment.hidden else "")
    hidden = '<span class="hidden-note">hidden in the file</span>' if segment.hidden else ""
    marked = "".join(_mark(p.finding, p.text) if p.finding else escape(p.text) for p in segment.pieces)
    return (
        f'<div class="{classes}"><div class="loc">{escape(segment.where)}</div>'
        f'<div class="text">{hidden}{marked}</div><div class="cards">{cards}</div></div>'
    )


def _mark(finding: FindingView, text: str) -> str:
    return (
        f'<mark class="{finding.verdict.value}" data-verdict="{finding.verdict.value}" '
        f'data-category="{finding.category.value}" data-card="card-{finding.key}" tabindex="0">'
        f"{escape(text)}</mark>"
    )


def _card(finding: FindingView) -> str:
    verdict = finding.verdict
    hidden = " · hidden in the file" if finding.hidden else ""
    return (
        f'<article class="card {verdict.value}" id="card-{finding.key}" data-verdict="{verdict.value}" '
        f'data-category="{finding.category.value}">'
        f'<h4><span class="t">{escape(finding.title)}</span>'
        f'<span class="badge sev-{finding.severity.value}">{finding.severity.value}</span>'
        f'<span class="badge {verdict.value}" title="{VERDICT_NOTE[verdict]}">'
        f"{VERDICT_TITLE[verdict]}</span></h4>"
        f'<p class="where">{escape(finding.where)} · {finding.section.value}{hidden} · '
        f'<span class="badge cat">{finding.category.value}</span> <code>{escape(finding.rule)}</code></p>'
        f"{_advice(finding)}</article>"
    )


def _advice(finding: FindingView) -> str:
    """Why it matters, what to do in each destination, what to write instead, and the rewritten sentence."""
    advice = finding.advice
    reason = advice.reason if advice else ""
    rewrite = advice.rewrite if advice else ""
    return (
        (f'<p class="why"><b>Why:</b> {escape(finding.why)}</p>' if finding.why else "")
        + f'<div class="acts">{_act("Public profile", finding.public)}{_act("Resume", finding.resume)}</div>'
        + (f"<p>{escape(reason)}</p>" if reason else "")
        + (f"<p><b>Instead:</b> {escape(finding.instead)}</p>" if finding.instead else "")
        + (_rewrite(rewrite, finding.rewrite_for) if rewrite and finding.rewrite_for else "")
    )


def _rewrite(rewrite: str, findings: int) -> str:
    """The sentence rewritten, once for all the findings in it."""
    label = "Rewritten" if findings == 1 else f"Rewritten for the {findings} findings in this sentence"
    return f'<p class="rewrite"><span>{label}</span>{escape(rewrite)}</p>'


def _act(label: str, action: Action) -> str:
    return f'<span class="act {action.value}">{label}: <b>{action.value}</b></span>'


def _failures(view: ReportView) -> str:
    if not view.failures:
        return ""
    items = "".join(
        f'<li><b>{escape(f.path)}</b>: <span class="fail">{escape(f.reason)}</span></li>'
        for f in view.failures
    )
    return (
        '<section class="panel" id="failures"><header><h2>Files that could not be read</h2></header>'
        f'<ul class="plain">{items}</ul></section>'
    )


def _where(location: Location) -> str:
    return escape(location.describe())
