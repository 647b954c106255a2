"""Detection over whole documents: exact spans, overlap policy, terms and time limits."""

from __future__ import annotations

import time
from itertools import pairwise
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from discreet import detect as detect_module
from discreet.detect import PRIVATE_TERM_RULE, Terms, detect
from discreet.errors import RuleTimeoutError
from discreet.model import (
    Category,
    Document,
    DocumentKind,
    Finding,
    Format,
    Segment,
    Severity,
    build_document,
)
from discreet.packs import all_rules, builtin_rules_dir, define_last, load_packs, parse_example
from discreet.parsers.text import TextLocation
from discreet.sections import sections_for

RULES = all_rules(load_packs([builtin_rules_dir()]))


def document(text: str) -> Document:
    """A text document: one segment a line, sections from the headings."""
    lines = text.split("\n")
    segments = [
        Segment(line, TextLocation(n), section)
        for n, (line, section) in enumerate(zip(lines, sections_for(lines), strict=True), start=1)
    ]
    return build_document("<test>", DocumentKind.RESUME, Format.TEXT, segments)


def found(text: str, terms: Terms = Terms()) -> list[tuple[int, int, str]]:
    return [(f.start, f.end, f.rule) for f in detect(document(text), RULES, terms).findings]


def expected(marked: str, rules: list[str]) -> tuple[str, list[tuple[int, int, str]]]:
    example = parse_example(marked)
    assert len(example.spans) == len(rules)
    return example.text, [(s, e, r) for (s, e), r in zip(example.spans, rules, strict=True)]


CASES = [
    # financial, with the near-misses the guidelines name
    (
        "Grew revenue from [[$2.1M]] to [[$3.4M]] ([[62%]])",
        ["financial.money-amount"] * 2 + ["financial.business-percentage"],
    ),
    ("Achieved [[142%]] of quota", ["financial.business-percentage"]),
    ("Grew the customer base from [[40]] to [[310]] accounts", ["financial.growth-range"] * 2),
    ("Sold [[12,000]] units in 2019", ["financial.customer-count"]),
    ("Ranked in the top 5% of 200 reps", []),
    ("Reduced build time 40% and kept 99.9% uptime", []),
    ("Raised $3,000 for charity", []),
    ("Managed a team of 12 from 2015 to 2019; GPA 3.8", []),
    # compensation wins over financial for the same figure
    ("Current salary: [[$145,000]] base", ["compensation.pay-field"]),
    ("Current CTC: [[6.5 LPA]]", ["compensation.ctc"]),
    ("Hourly Rate [[$ 18.00]]", ["compensation.pay-rate"]),
    ("Salary negotiable", []),
    # confidential
    ("Key accounts: [[Walmart]], [[Target]], [[Kroger]]", ["confidential.client-name"] * 3),
    # a name badly cased counts beside a properly cased one, never in a description
    ("Clients like [[United nations]] and [[Kestrel & Kestrel]].", ["confidential.client-name"] * 2),
    ("Clients include Atlanta celebrity names and Regional banks.", []),
    ("Clients included National accounts and New business", []),
    # a number belongs to a name; a year does not
    (
        "Closed deals with [[Orchard Mutual]], [[USD 318]] and [[Fenwick County]].",
        ["confidential.client-name"] * 3,
    ),
    ("Client: [[Halden Foods]] 2019 to 2021", ["confidential.client-name"]),
    # a company with a legal suffix is the client a project summary describes
    (
        "Project Summary:\n[[Varnex LNG]] (Liquefied Natural Gas) ltd, the biggest importer.",
        ["confidential.client-name"],
    ),
    ("Project Summary: Online Banking System, a portal for retail users", []),
    # deals including named companies; not industries, functions or a field of work
    ("Closed deals including [[Brightmart]], [[P&Q]], [[Nestar]]", ["confidential.client-name"] * 3),
    ("Closed partnerships including Banking, Insurance and Retail", []),
    ("Built creative solutions for Human Capital Management", []),
    ("Strengths: Strategic SaaS Sales Go To Market Strategy", []),
    # a long client name is echoed by its initials
    (
        "Projects for [[Granite Bank of Ruritania]]; informed [[GBR]] weekly.",
        ["confidential.client-name"] * 2,
    ),
    ("Tech lead on Project [[Nightingale]]", ["confidential.code-name"]),
    ("Holds an [[active TS/SCI clearance]]", ["confidential.clearance"]),
    ("Senior Project Manager, Company Name, City, State", []),
    # personal
    ("Phone: [[(555) 555-0147]] | [[jane@example.com]]", ["personal.phone", "personal.email"]),
    (
        "DOB: [[21/03/1986]]\nPAN: [[AWVPB7123N]]\nPassport: [[J1409038]]",
        ["personal.birth-date", "personal.pan", "personal.passport"],
    ),
    ("Marital Status : [[Married]]", ["personal.marital-status"]),
    ("linkedin.com/in/jane-doe", []),
    # references: a referee's phone is references, not personal
    ("Supervisor: [[Hunter Reed]] [[(912)-414-1558]] may contact", ["references.supervisor-contact"] * 2),
    (
        "References\n[[John Smith]], Director, Acme, [[555-010-0100]]",
        ["references.referee-name", "references.referee-contact"],
    ),
    ("References\nAvailable upon request", []),
    # anonymisation placeholders are never values
    ("Phone: [phone] | Address: City, State | XXXXX", []),
]


@pytest.mark.parametrize(("marked", "rules"), CASES, ids=[c[0][:40] for c in CASES])
def test_exact_spans(marked: str, rules: list[str]) -> None:
    text, spans = expected(marked, rules)
    assert found(text) == spans


def test_private_terms_match_any_case_spacing_and_line_break() -> None:
    text = "Built the ORION\n ENGINE and orion engine for ACME"
    assert found(text, Terms(private=("Orion Engine",))) == [
        (10, 23, PRIVATE_TERM_RULE),
        (28, 40, PRIVATE_TERM_RULE),
    ]


def test_private_terms_win_over_any_rule() -> None:
    text = "Key accounts: Walmart"
    assert found(text, Terms(private=("Walmart",))) == [(14, 21, PRIVATE_TERM_RULE)]


def test_public_terms_are_never_flagged() -> None:
    text = "Key accounts: Walmart, Target. Revenue of $4.2M in FY2023 was reported publicly."
    terms = Terms(public=("Walmart", "revenue of $4.2M"))
    assert found(text, terms) == [(23, 29, "confidential.client-name")]


SLOW_PACK = (
    '[pack]\nid = "slow"\n[[rules]]\nid = "slow.backtrack"\ncategory = "confidential"\n'
    'title = "Backtracks"\nwhy = "A test."\nadvice = "None."\ntimeout = 0.2\n'
    "patterns = ['''(a|aa)+$''']\n"
)


def test_a_catastrophic_user_pattern_fails_the_document_naming_the_rule(tmp_path: Path) -> None:
    (tmp_path / "slow.toml").write_text(SLOW_PACK, encoding="utf-8")
    rules = all_rules(load_packs([tmp_path]))
    started = time.monotonic()
    with pytest.raises(RuleTimeoutError) as raised:
        detect(document("Phone: (555) 555-0147\n" + "a" * 40 + "!"), [*RULES, *rules])
    assert time.monotonic() - started < 2.0
    assert raised.value.rule == "slow.backtrack"
    assert str(raised.value) == (
        "<test>: rule slow.backtrack ran past its 0.2 s limit, so this document was not audited; "
        "simplify the rule's patterns or raise its timeout (seconds, in its pack)"
    )


def test_terms_that_run_out_of_time_fail_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(detect_module, "TERMS_TIMEOUT", 1e-9)
    text = "Built the Orion Engine " * 2000
    with pytest.raises(RuleTimeoutError, match=r"rule confidential.private-term ran past .* --private-terms"):
        detect(document(text), [], Terms(private=("Orion Engine",)))
    with pytest.raises(RuleTimeoutError, match=r"rule public-terms ran past .* --public-terms file$"):
        detect(document(text), [], Terms(public=("Orion Engine",)))


def test_no_builtin_rule_has_a_limit_under_seconds() -> None:
    assert min(rule.timeout for rule in RULES) >= 5.0
    assert detect_module.TERMS_TIMEOUT >= 5.0


def test_findings_are_in_text_order_and_never_overlap() -> None:
    text = "Grew sales 37% to $4.2M; salary $90,000; call (555) 555-0147 or jane@example.com"
    findings = detect(document(text), RULES).findings
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    assert all(a.end <= b.start for a, b in pairwise(findings))


def naive_overlaps(candidates: list[tuple[int, Finding]]) -> list[Finding]:
    """The overlap policy written the obvious way, in quadratic time, to check the fast one against."""
    ranked = sorted(candidates, key=lambda c: (-c[0], -(c[1].end - c[1].start), c[1].start, c[1].rule))
    kept: list[Finding] = []
    for _priority, finding in ranked:
        if not any(finding.start < k.end and k.start < finding.end for k in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: (f.start, f.end, f.rule))


SPANS = st.tuples(st.integers(0, 60), st.integers(1, 12), st.integers(0, 3), st.sampled_from("abc"))


@given(st.lists(SPANS, max_size=40))
def test_overlap_policy_equals_the_naive_one(spans: list[tuple[int, int, int, str]]) -> None:
    candidates = [
        (priority, Finding(rule, Category.NOTE, Severity.LOW, start, start + length, ""))
        for start, length, priority, rule in spans
    ]
    assert detect_module._resolve_overlaps(candidates) == naive_overlaps(candidates)


@pytest.mark.parametrize(
    ("pattern", "flags", "moved"),
    [
        (r"(?(DEFINE)(?P<a>[A-Z]\w+))\bfor (?&a)", 0, r"\bfor (?&a)(?(DEFINE)(?P<a>[A-Z]\w+))"),
        (r"(?(DEFINE)(?P<a>[)(]\)))x(?&a)", 0, r"x(?&a)(?(DEFINE)(?P<a>[)(]\)))"),
        (r"(?(DEFINE)(?P<a>[]a]|[[a-z]--[(]]))x", 0, r"x(?(DEFINE)(?P<a>[]a]|[[a-z]--[(]]))"),
        # Left alone: no definitions in front, a flag for the rest of the pattern, comments.
        (r"x(?(DEFINE)(?P<a>y))", 0, r"x(?(DEFINE)(?P<a>y))"),
        (r"(?(DEFINE)(?P<a>y))(?i)x(?&a)", 0, r"(?(DEFINE)(?P<a>y))(?i)x(?&a)"),
        (r"(?(DEFINE)(?P<a>y))x  # a comment", regex.VERBOSE, r"(?(DEFINE)(?P<a>y))x  # a comment"),
        (r"(?(DEFINE)(?P<a>y)", 0, r"(?(DEFINE)(?P<a>y)"),
    ],
)
def test_definitions_go_behind_the_pattern_where_they_cost_nothing(
    pattern: str, flags: int, moved: str
) -> None:
    assert define_last(pattern, flags) == moved


def test_patterns_fold_case_one_character_for_one() -> None:
    # Full case folding compiles long case-insensitive lists several times more slowly.
    assert not any(pattern.flags & regex.FULLCASE for rule in RULES for pattern in rule.patterns)
