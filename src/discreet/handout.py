"""The training handout: each category's rules with examples and actions, and a worked case."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from discreet.formatters.markdown import escape
from discreet.model import Action, Category, Section
from discreet.packs import Example, Pack, Rule
from discreet.privateterm import rules_by_id
from discreet.report import DocumentReport, LocatedFinding

# Enough to teach a rule on paper; `discreet rules explain` lists the rest.
EXAMPLES_PER_RULE = 2
CASE_LINES = 8
CATEGORY_ORDER = (
    Category.FINANCIAL,
    Category.CONFIDENTIAL,
    Category.PERSONAL,
    Category.COMPENSATION,
    Category.REFERENCES,
    Category.NOTE,
)
TITLE = "What must not be public: a training handout"
INTRO = (
    "A resume you send to one employer and a profile anyone can read are different documents. "
    "This handout goes through what discreet flags, one kind of material at a time: what it flags, "
    "why it matters, and how a flagged sentence reads once rewritten. It ends with a worked case: "
    "the resume of Dana Whitfield, a fictional sales manager."
)
SESSION = (
    "Take one category at a time. Read what it flags and why, show a before sentence, ask the group "
    "to rewrite it, then compare with the after. Finish with the worked case, line by line."
)
ACTIONS = {
    Action.KEEP: "leave it as it is",
    Action.GENERALIZE: "keep the achievement, drop the detail: a scale instead of a figure, "
    "a description instead of a name",
    Action.REMOVE: "take it out",
}
REMOVED = "(remove the sentence)"
LEFT_OUT = "(leave the line out)"


@dataclass(frozen=True, slots=True)
class Topic:
    """One category of the handout: its rules, under the title of the pack that defines it."""

    category: Category
    title: str
    description: str
    rules: tuple[Rule, ...]


@dataclass(frozen=True, slots=True)
class CaseLine:
    """A line of the worked case: its flagged spans, the rules behind them and its public rewrite."""

    text: str
    spans: tuple[tuple[int, int], ...]
    findings: tuple[LocatedFinding, ...]
    rewrite: str


def topics(packs: Sequence[Pack]) -> tuple[Topic, ...]:
    """The categories that have rules, in teaching order, each with its rules in pack order."""
    rules = [rule for pack in packs for rule in pack.rules]
    heads = {pack.id: pack for pack in packs}
    found = []
    for category in CATEGORY_ORDER:
        chosen = tuple(rule for rule in rules if rule.category is category)
        if chosen:
            head = heads.get(category.value)
            title = head.title if head else category.value.capitalize()
            found.append(Topic(category, title, head.description if head else "", chosen))
    return tuple(found)


def examples(rule: Rule) -> tuple[Example, ...]:
    """The flag examples a handout shows: those with a rewrite first, in pack order."""
    ordered = sorted(rule.flag, key=lambda example: example.rewrite is None)
    return tuple(ordered[:EXAMPLES_PER_RULE])


def case_lines(case: DocumentReport) -> tuple[CaseLine, ...]:
    """A handful of flagged lines: the first of each category, then lines with a rewrite, in text order."""
    by_line: dict[int, list[LocatedFinding]] = {}
    for located in case.findings:
        by_line.setdefault(located.line_start, []).append(located)
    chosen: list[int] = []
    for category in CATEGORY_ORDER:
        first = next(
            (s for s, fs in by_line.items() if any(f.finding.category is category for f in fs)), None
        )
        if first is not None and first not in chosen:
            chosen.append(first)
    chosen += [s for s, fs in by_line.items() if _rewrite(fs) and s not in chosen]
    return tuple(_case_line(by_line[start]) for start in sorted(chosen[:CASE_LINES]))


def _case_line(findings: Sequence[LocatedFinding]) -> CaseLine:
    line, start = findings[0].line_text, findings[0].line_start
    spans = tuple(
        (f.finding.start - start, min(f.finding.end - start, len(line)))
        for f in findings
        if f.finding.start >= start
    )
    return CaseLine(line, _merged(spans), tuple(findings), _rewrite(findings))


def _rewrite(findings: Sequence[LocatedFinding]) -> str:
    # Every finding on a line carries the same rewrite: the whole sentence with all of them treated.
    return next((f.advice.rewrite for f in findings if f.advice is not None), "")


def _merged(spans: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def rule_title(rule_id: str, rules: Sequence[Rule]) -> str:
    """A rule's title, the private-term rule's too."""
    rule = rules_by_id(rules).get(rule_id)
    return rule.title if rule else rule_id


def _pieces(text: str, spans: Sequence[tuple[int, int]]) -> Iterator[tuple[str, bool]]:
    """The text cut at the spans: (piece, flagged) in order."""
    at = 0
    for start, end in spans:
        if start > at:
            yield text[at:start], False
        yield text[start:end], True
        at = end
    if at < len(text):
        yield text[at:], False


def _section_note(example: Example) -> str:
    section = example.section
    return "" if section is None or section is Section.OTHER else f" (in the {section.value} section)"


# Markdown


def render_markdown(packs: Sequence[Pack], case: DocumentReport, private: Sequence[str]) -> str:
    """The handout as Markdown: print it, or read it on any Git host."""
    found = topics(packs)
    lines = [f"# {TITLE}", "", INTRO, "", f"**Running a session.** {SESSION}", "", *_md_legend(), ""]
    lines += ["## Contents", ""]
    lines += [f"{n}. [{escape(t.title)}](#{t.category.value})" for n, t in enumerate(found, 1)]
    lines += [f"{len(found) + 1}. [Worked case: Dana Whitfield](#worked-case)"]
    for topic in found:
        lines += ["", *_md_topic(topic)]
    rules = [rule for pack in packs for rule in pack.rules]
    lines += ["", *_md_case(case, private, rules)]
    return "\n".join(lines).rstrip() + "\n"


def _md_legend() -> list[str]:
    return [
        "Each rule says what to do in two places: on a **public profile** anyone can read, "
        "and in the **resume** you send one employer.",
        "",
        *(f"- **{action.value}**: {meaning}" for action, meaning in ACTIONS.items()),
    ]


def _md_topic(topic: Topic) -> list[str]:
    lines = [f'<a id="{topic.category.value}"></a>', "", f"## {escape(topic.title)}", ""]
    if topic.description:
        lines += [f"**What it covers.** {escape(topic.description)}", ""]
    for rule in topic.rules:
        lines += [*_md_rule(rule), ""]
    return lines[:-1]


def _md_rule(rule: Rule) -> list[str]:
    lines = [
        f"### {escape(rule.title)}",
        "",
        f"`{rule.id}` · severity {rule.severity.value} · public profile: **{rule.public.value}** · "
        f"resume: **{rule.resume.value}**",
        "",
        f"**Why it matters.** {escape(rule.why)}",
        "",
        f"**Write instead.** {escape(rule.advice)}",
        "",
    ]
    for example in examples(rule):
        before = f"- Before{_section_note(example)}: {_md_marked(example.text, example.spans)}"
        # A backslash ends the line in the rendered Markdown too, so the after sits under its before.
        lines.append(before + ("\\" if example.rewrite is not None else ""))
        if example.rewrite is not None:
            lines.append(f"  After: {escape(example.rewrite) if example.rewrite else REMOVED}")
    more = len(rule.flag) - len(examples(rule))
    if more > 0:
        lines.append(f"- {more} more: `discreet rules explain {rule.id}`")
    return lines


def _md_marked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    return "".join(
        f"**{escape(piece)}**" if flagged else escape(piece) for piece, flagged in _pieces(text, spans)
    )


def _md_case(case: DocumentReport, private: Sequence[str], rules: Sequence[Rule]) -> list[str]:
    lines = ['<a id="worked-case"></a>', "", "## Worked case: Dana Whitfield", ""]
    lines += [escape(line) if line else "" for line in _case_intro(case, private)] + [""]
    for line in case_lines(case):
        lines += [f"- Before: {_md_marked(line.text, line.spans)}\\"]
        lines += [f"  After, in public: {escape(line.rewrite) if line.rewrite else LEFT_OUT}"]
        lines += [f"  - {escape(summary)}" for summary in finding_summaries(line, rules)]
        lines.append("")
    return lines


def _case_intro(case: DocumentReport, private: Sequence[str]) -> list[str]:
    counts = {c: sum(f.finding.category is c for f in case.findings) for c in CATEGORY_ORDER}
    found = ", ".join(f"{n} {c.value}" for c, n in counts.items() if n)
    return [
        "Dana is a fictional enterprise sales manager; every name, number and address below is made up. "
        f"She listed these names as private (with --private-terms): {', '.join(private)}.",
        "",
        f"discreet made {len(case.findings)} findings in her resume ({found}). "
        "Here are some of her lines before, and after the rewrite discreet suggests for a public profile.",
    ]


def finding_summaries(line: CaseLine, rules: Sequence[Rule]) -> tuple[str, ...]:
    """What was found on a case line and what to do with it, once per rule."""
    summaries = []
    for located in line.findings:
        advice = located.advice
        actions = f": public profile {advice.public.value}, resume {advice.resume.value}" if advice else ""
        summaries.append(rule_title(located.finding.rule, rules) + actions)
    return tuple(dict.fromkeys(summaries))


# HTML

CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
CSS = """
:root{--ink:#1d2433;--muted:#5b6578;--line:#dfe3ea;--accent:#2f4b7c;--mark:#fdefc8;--mark-edge:#a15c07;
--after:#f0f5ff;--after-edge:#7a98cc;--remove:#b42318;--generalize:#a15c07;--keep:#067647}
*{box-sizing:border-box}
body{margin:0;background:#f4f6f9;color:var(--ink);overflow-wrap:break-word;
font:15px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header.top{background:#1d2433;color:#fff;padding:22px 24px}
header.top h1{margin:0 auto;max-width:860px;font-size:24px;line-height:1.25}
main{max-width:860px;margin:0 auto;padding:16px 24px 48px}
section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:4px 22px 14px;margin:0 0 20px}
h2{font-size:20px;margin:16px 0 6px;color:var(--accent)}
h3{font-size:16px;margin:0 0 2px}
p{margin:6px 0}
ol,ul{padding-left:22px}
code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.what{color:var(--muted)}
article{border-top:1px solid var(--line);padding:12px 0 6px}
.meta{font-size:13px;color:var(--muted);display:flex;flex-wrap:wrap;gap:4px 12px;align-items:center}
.act{border:1px solid var(--line);border-radius:4px;padding:0 6px;white-space:nowrap;color:var(--ink)}
.act.remove b{color:var(--remove)}.act.generalize b{color:var(--generalize)}.act.keep b{color:var(--keep)}
.ex{margin:8px 0;display:grid;gap:4px;grid-template-columns:minmax(0,1fr)}
.ex>.before:last-child,.ex>.found{grid-column:1/-1}
.before,.after{padding:6px 10px;border-radius:6px;overflow-wrap:anywhere;white-space:pre-line}
.before{background:#fafbfc;border-left:3px solid var(--line)}
.after{background:var(--after);border-left:3px solid var(--after-edge)}
.ex span.l{display:block;font-size:11px;text-transform:uppercase;letter-spacing:.5px;color:var(--muted)}
mark{background:var(--mark);color:inherit;border-radius:3px;padding:0 2px;font-weight:600;
text-decoration:underline 2px var(--mark-edge);text-underline-offset:3px}
.more,.found{font-size:13px;color:var(--muted)}
.found{margin:2px 0 0;padding-left:18px}
@media (max-width:600px){main{padding:10px}section{padding:2px 12px 10px}header.top{padding:16px 12px}
header.top h1{font-size:20px}}
@media (min-width:640px){.ex{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}}
@page{size:A4;margin:16mm 15mm}
@media print{body{background:#fff;font-size:11pt}header.top{background:none;color:var(--ink);padding:0 0 8px}
main{max-width:none;padding:0}section{border:0;border-radius:0;padding:0;margin:0}
.ex{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}section.topic{break-before:page}
.ex,p{break-inside:avoid}h2,h3,.meta{break-after:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""


def render_html(packs: Sequence[Pack], case: DocumentReport, private: Sequence[str]) -> str:
    """The handout as one self-contained HTML page that prints a category per page."""
    found = topics(packs)
    rules = [rule for pack in packs for rule in pack.rules]
    contents = "".join(f'<li><a href="#{t.category.value}">{_h(t.title)}</a></li>' for t in found)
    legend = "".join(f"<li><b>{a.value}</b>: {_h(meaning)}</li>" for a, meaning in ACTIONS.items())
    parts = [
        _html_head(),
        f'<body>\n<header class="top"><h1>{_h(TITLE)}</h1></header>\n<main>',
        f'<section class="intro"><p>{_h(INTRO)}</p><p><b>Running a session.</b> {_h(SESSION)}</p>'
        "<p>Each rule says what to do in two places: on a <b>public profile</b> anyone can read, "
        f"and in the <b>resume</b> you send one employer.</p><ul>{legend}</ul>"
        f'<h2>Contents</h2><ol>{contents}<li><a href="#worked-case">Worked case: Dana Whitfield</a></li></ol>'
        "</section>",
        *(_html_topic(topic) for topic in found),
        _html_case(case, private, rules),
        "</main>\n</body>\n</html>",
    ]
    return "\n".join(parts) + "\n"


def _html_head() -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_h(TITLE)}</title>\n<style>{CSS}</style>\n</head>"
    )


def _html_topic(topic: Topic) -> str:
    what = f'<p class="what"><b>What it covers.</b> {_h(topic.description)}</p>' if topic.description else ""
    rules = "\n".join(_html_rule(rule) for rule in topic.rules)
    head = f'<section class="topic" id="{topic.category.value}">\n<h2>{_h(topic.title)}</h2>'
    return f"{head}{what}\n{rules}\n</section>"


def _html_rule(rule: Rule) -> str:
    shown = examples(rule)
    more = len(rule.flag) - len(shown)
    extra = (
        f'<p class="more">{more} more: <code>discreet rules explain {rule.id}</code></p>' if more > 0 else ""
    )
    return (
        f'<article id="{rule.id}"><h3>{_h(rule.title)}</h3>'
        f'<p class="meta"><code>{rule.id}</code><span>severity {rule.severity.value}</span>'
        f"{_act('public profile', rule.public)}{_act('resume', rule.resume)}</p>"
        f"<p><b>Why it matters.</b> {_h(rule.why)}</p><p><b>Write instead.</b> {_h(rule.advice)}</p>"
        + "".join(
            _html_example(e.text, e.spans, _after(e.rewrite), f"Before{_section_note(e)}", "After")
            for e in shown
        )
        + f"{extra}</article>"
    )


def _after(rewrite: str | None) -> str | None:
    return None if rewrite is None else rewrite or REMOVED


def _act(where: str, action: Action) -> str:
    return f'<span class="act {action.value}">{where}: <b>{action.value}</b></span>'


def _html_example(
    text: str, spans: Sequence[tuple[int, int]], rewrite: str | None, before: str, after: str, notes: str = ""
) -> str:
    marked = "".join(f"<mark>{_h(p)}</mark>" if flagged else _h(p) for p, flagged in _pieces(text, spans))
    parts = [f'<div class="ex"><div class="before"><span class="l">{_h(before)}</span>{marked}</div>']
    if rewrite is not None:
        parts.append(f'<div class="after"><span class="l">{after}</span>{_h(rewrite)}</div>')
    return "".join(parts) + notes + "</div>"


def _html_case(case: DocumentReport, private: Sequence[str], rules: Sequence[Rule]) -> str:
    intro = "".join(f"<p>{_h(line)}</p>" for line in _case_intro(case, private) if line)
    examples_html = "\n".join(
        _html_example(
            line.text,
            line.spans,
            line.rewrite or LEFT_OUT,
            "Before",
            "After, in public",
            '<ul class="found">'
            + "".join(f"<li>{_h(summary)}</li>" for summary in finding_summaries(line, rules))
            + "</ul>",
        )
        for line in case_lines(case)
    )
    head = '<section class="topic" id="worked-case">\n<h2>Worked case: Dana Whitfield</h2>'
    return f"{head}{intro}\n{examples_html}\n</section>"


def _h(text: str) -> str:
    return html.escape(text, quote=True)


RENDERERS: dict[str, Callable[[Sequence[Pack], DocumentReport, Sequence[str]], str]] = {
    "markdown": render_markdown,
    "html": render_html,
}
