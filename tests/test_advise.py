"""Advice and public rewrites: exact sentences for every ladder, stand-in and removal, then properties."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discreet.model import Action, Category, Finding, Severity
from discreet.packs import Rule, load_pack
from discreet.privateterm import rules_by_id
from discreet.rewrite import advise

FIN, CONF, PERS, COMP, REF, NOTE = (
    Category.FINANCIAL,
    Category.CONFIDENTIAL,
    Category.PERSONAL,
    Category.COMPENSATION,
    Category.REFERENCES,
    Category.NOTE,
)
# Findings carry offsets into a whole document; the sentence starts this far into it.
OFFSET = 1000
PACKS = {
    "financial": """
[pack]
id = "financial"

[[rules]]
id = "financial.revenue"
category = "financial"
title = "Exact revenue figure"
why = "Exact figures are the employer's confidential data."
advice = "Describe the scale instead."
patterns = ['x']

[[rules]]
id = "financial.quota"
category = "financial"
title = "Quota attainment"
why = "Attainment figures belong in a resume sent privately."
advice = "Say you exceeded quota."
patterns = ['x']
""",
    "confidential": """
[pack]
id = "confidential"

[[rules]]
id = "confidential.client"
category = "confidential"
title = "Client name"
why = "Clients are named under NDA."
advice = "Describe the client."
patterns = ['x']
public = "generalize"
stand_in = "a major retail client"

[[rules]]
id = "confidential.codename"
category = "confidential"
title = "Internal code name"
why = "Code names are internal."
advice = "Describe the project."
patterns = ['x']
stand_in = "an internal platform initiative"

[[rules]]
id = "confidential.host"
category = "confidential"
title = "Internal identifier"
why = "Internal identifiers map the employer's systems."
advice = "Remove it."
patterns = ['x']

[[rules]]
id = "confidential.marker"
category = "confidential"
title = "Work marked confidential"
why = "What the text calls confidential is not for publication."
advice = "Drop the marker."
patterns = ['x']

[[rules]]
id = "confidential.deal"
category = "confidential"
title = "Party to a deal"
why = "Deals may not be public."
advice = "Describe the deal."
patterns = ['x']
stand_in = "a company"

[[rules]]
id = "confidential.system"
category = "confidential"
title = "Internal system name"
why = "System names are internal."
advice = "Describe the system."
patterns = ['x']
stand_in = "an internal tool"

[[rules]]
id = "confidential.clearance"
category = "confidential"
title = "Security clearance"
why = "Clearances are not advertised."
advice = "Say a clearance is available on request."
patterns = ['x']
public = "generalize"
resume = "keep"
stand_in = "a security clearance (details on request)"
""",
    "personal": """
[pack]
id = "personal"

[[rules]]
id = "personal.phone"
category = "personal"
title = "Phone number"
why = "Numbers are harvested."
advice = "Leave it to the resume."
patterns = ['x']

[[rules]]
id = "personal.email"
category = "personal"
title = "E-mail address"
why = "Addresses are harvested."
advice = "Use the platform's messages."
patterns = ['x']

[[rules]]
id = "personal.work-permit"
category = "personal"
title = "Visa or passport number"
why = "An identity number invites fraud."
advice = "Say you are authorized to work."
patterns = ['x']
resume = "remove"
stand_in = "Authorized to work in the US"

[[rules]]
id = "personal.nationality"
category = "personal"
title = "Nationality"
why = "Nationality invites bias."
advice = "Say where you may work."
patterns = ['x']
public = "generalize"
stand_in = "Authorized to work in {country}"

[[rules]]
id = "personal.address"
category = "personal"
title = "Street address"
why = "An address says where you live."
advice = "Give the town only."
patterns = ['x']
public = "generalize"
stand_in = "{city}"
""",
    "compensation": """
[pack]
id = "compensation"

[[rules]]
id = "compensation.salary"
category = "compensation"
title = "Salary or CTC"
why = "Pay belongs in a negotiation."
advice = "Remove it."
patterns = ['x']
""",
    "references": """
[pack]
id = "references"

[[rules]]
id = "references.referee"
category = "references"
title = "Referee contact"
why = "Referees did not agree to be published."
advice = "Give references on request."
patterns = ['x']

[[rules]]
id = "references.listed"
category = "references"
title = "Referee in a references section"
why = "Referees did not agree to be published."
advice = "Give references on request."
patterns = ['x']
sections = ["references"]
""",
    "note": """
[pack]
id = "note"

[[rules]]
id = "note.hint"
category = "note"
title = "Hint"
why = "Just a note."
advice = "Nothing to do."
patterns = ['x']
""",
}
Spans = list[tuple[int, int, str, Category]]
Row = tuple[str, Spans, str]


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rule]:
    """A small rule set written here, so these tests do not follow the built-in packs as they change."""
    folder = tmp_path_factory.mktemp("packs")
    loaded: list[Rule] = []
    for name, text in PACKS.items():
        path = folder / f"{name}.toml"
        path.write_text(text, encoding="utf-8")
        loaded.extend(load_pack(path).rules)
    return rules_by_id(loaded)


def findings(sentence: str, spans: Spans) -> list[Finding]:
    return [
        Finding(rule, category, Severity.MEDIUM, OFFSET + s, OFFSET + e, sentence[s:e])
        for s, e, rule, category in spans
    ]


def rewrite(sentence: str, spans: Spans, rules: dict[str, Rule]) -> str:
    """The one rewrite every advice of the sentence shares, checked to drop every flagged text."""
    advice = advise(sentence, findings(sentence, spans), rules, OFFSET)
    assert len(advice) == len(spans)
    assert len({a.rewrite for a in advice}) == 1
    for start, end, rule, _ in spans:
        if rule != "note.hint":
            assert sentence[start:end] not in advice[0].rewrite
    return advice[0].rewrite


def check(rows: list[Row]) -> pytest.MarkDecorator:
    return pytest.mark.parametrize(("sentence", "spans", "expected"), rows, ids=[r[0] for r in rows])


# Money: adjective before a noun, noun form elsewhere, figures after 'to'/'of'; currencies and periods.
MONEY: list[Row] = [
    (
        "Closed a $850K deal with a regional bank.",
        [(9, 14, "financial.revenue", FIN)],
        "Closed a six-figure deal with a regional bank.",
    ),
    (
        "Generated $4.2M in new revenue.",
        [(10, 15, "financial.revenue", FIN)],
        "Generated millions in new revenue.",
    ),
    (
        "Grew revenue to $12M in 2023.",
        [(16, 20, "financial.revenue", FIN)],
        "Grew revenue to eight figures in 2023.",
    ),
    ("Managed a $45,000 budget.", [(10, 17, "financial.revenue", FIN)], "Managed a five-figure budget."),
    ("Raised a $2.5B fund.", [(9, 14, "financial.revenue", FIN)], "Raised a multi-billion-dollar fund."),
    (
        "Signed a $1.2B outsourcing contract.",
        [(9, 14, "financial.revenue", FIN)],
        "Signed a billion-dollar outsourcing contract.",
    ),
    ("Won a €1.5m contract.", [(6, 11, "financial.revenue", FIN)], "Won a seven-figure contract."),
    ("Managed a £300k budget.", [(10, 15, "financial.revenue", FIN)], "Managed a six-figure budget."),
    ("Managed a USD 850,000 budget.", [(10, 21, "financial.revenue", FIN)], "Managed a six-figure budget."),
    ("Sold Rs. 2 crore of software.", [(5, 16, "financial.revenue", FIN)], "Sold crores of software."),
    ("Closed an INR 2500 Million deal.", [(10, 26, "financial.revenue", FIN)], "Closed a multi-crore deal."),
    ("Owned a P&L of $212,450,000.", [(15, 27, "financial.revenue", FIN)], "Owned a P&L of nine figures."),
    (
        "Delivered $6.84M ARR from the SMB segment.",
        [(10, 16, "financial.revenue", FIN)],
        "Delivered multi-million-dollar ARR from the SMB segment.",
    ),
    (
        "Managed a $380K/month cloud budget.",
        [(10, 21, "financial.revenue", FIN)],
        "Managed a six-figure monthly cloud budget.",
    ),
    (
        "Saved over $400K per year in licences.",
        [(11, 16, "financial.revenue", FIN)],
        "Saved hundreds of thousands a year in licences.",
    ),
    ("Cut costs by $45,000.", [(13, 20, "financial.revenue", FIN)], "Cut costs by tens of thousands."),
    (
        "An $8M deal closed in Q3.",
        [(3, 6, "financial.revenue", FIN)],
        "A multi-million-dollar deal closed in Q3.",
    ),
    (
        "$4.2M in revenue from new logos.",
        [(0, 5, "financial.revenue", FIN)],
        "Millions in revenue from new logos.",
    ),
    (
        "• $4.2M in revenue from new logos",
        [(2, 7, "financial.revenue", FIN)],
        "• Millions in revenue from new logos",
    ),
    (
        "Budgets of $4M–$6M a year.",
        [(11, 14, "financial.revenue", FIN), (15, 18, "financial.revenue", FIN)],
        "Budgets of seven figures a year.",
    ),
    ("Grew revenue to 4.2M.", [(16, 20, "financial.revenue", FIN)], "Grew revenue to millions."),
    (
        "Exceeded a goal of $75,000 to just under $100,000 in a year.",
        [(19, 26, "financial.revenue", FIN), (41, 49, "financial.revenue", FIN)],
        "Exceeded a goal of five figures to just under six figures in a year.",
    ),
    (
        "Supervised budgets up to €42 000 a year.",
        [(25, 32, "financial.revenue", FIN)],
        "Supervised budgets up to five figures a year.",
    ),
    (
        "Closed deals ranging from £10K to £100K.",
        [(26, 30, "financial.revenue", FIN), (34, 39, "financial.revenue", FIN)],
        "Closed deals ranging from five to six figures.",
    ),
    (
        "Controlled a $2MM IT budget.",
        [(13, 17, "financial.revenue", FIN)],
        "Controlled a multi-million-dollar IT budget.",
    ),
    (
        "Ran a $1.2 million dollar fundraising budget.",
        [(6, 18, "financial.revenue", FIN)],
        "Ran a seven-figure fundraising budget.",
    ),
    (
        "Supervised budgets up to $42 000, on par with plan.",
        [(25, 32, "financial.revenue", FIN)],
        "Supervised budgets up to five figures, on par with plan.",
    ),
]
# Percentages of change: 'by' phrases, adjectives before a noun, levels after 'to'/'at', folds from 100%.
PERCENTAGES: list[Row] = [
    ("Increased sales 37%.", [(16, 19, "financial.revenue", FIN)], "Increased sales by more than a third."),
    (
        "Increased sales by 37% year over year.",
        [(19, 22, "financial.revenue", FIN)],
        "Increased sales by more than a third year over year.",
    ),
    ("Grew bookings by 12%.", [(17, 20, "financial.revenue", FIN)], "Grew bookings by double digits."),
    ("Cut churn by 5%.", [(13, 15, "financial.revenue", FIN)], "Cut churn by a single-digit percentage."),
    ("Cut costs by 0.5%.", [(13, 17, "financial.revenue", FIN)], "Cut costs by a fraction of a percent."),
    ("Grew margin by 50%.", [(15, 18, "financial.revenue", FIN)], "Grew margin by half."),
    ("Grew margin by 30%.", [(15, 18, "financial.revenue", FIN)], "Grew margin by nearly a third."),
    ("Increased sales by 150%.", [(19, 23, "financial.revenue", FIN)], "More than doubled sales."),
    ("Increased sales by 100%.", [(19, 23, "financial.revenue", FIN)], "Doubled sales."),
    (
        "Increased bookings 200% in two years.",
        [(19, 23, "financial.revenue", FIN)],
        "Tripled bookings in two years.",
    ),
    ("Grew revenue by 400%.", [(16, 20, "financial.revenue", FIN)], "Grew revenue fivefold."),
    (
        "Achieved a 37% increase in sales.",
        [(11, 14, "financial.revenue", FIN)],
        "Achieved a double-digit increase in sales.",
    ),
    (
        "37% growth in recurring revenue.",
        [(0, 3, "financial.revenue", FIN)],
        "Double-digit growth in recurring revenue.",
    ),
    ("Improved retention to 95%.", [(22, 25, "financial.revenue", FIN)], "Improved retention to over 90%."),
    # A rate at the top of its scale before its noun is near-perfect; a change that high is not.
    (
        "Maintained 98% customer retention.",
        [(11, 14, "financial.revenue", FIN)],
        "Maintained near-perfect customer retention.",
    ),
    ("Kept 100% uptime.", [(5, 9, "financial.revenue", FIN)], "Kept perfect uptime."),
    ("Kept 94% uptime.", [(5, 8, "financial.revenue", FIN)], "Kept 90%-plus uptime."),
    ("Drove 98% revenue growth.", [(6, 9, "financial.revenue", FIN)], "Drove double-digit revenue growth."),
    ("Held gross margin at 40%.", [(21, 24, "financial.revenue", FIN)], "Held gross margin at over 30%."),
    ("Kept churn at 4%.", [(14, 16, "financial.revenue", FIN)], "Kept churn at a single-digit percentage."),
    (
        "Increased revenue by $4.2M (+37%).",
        [(21, 26, "financial.revenue", FIN), (29, 32, "financial.revenue", FIN)],
        "Increased revenue by millions.",
    ),
    (
        "73% of customers switched within two years.",
        [(0, 3, "financial.revenue", FIN)],
        "More than half of customers switched within two years.",
    ),
    (
        "Reduced support calls to 10% of the previous volume.",
        [(25, 28, "financial.revenue", FIN)],
        "Reduced support calls to a tenth of the previous volume.",
    ),
    (
        "Saved 8% on supply costs.",
        [(6, 8, "financial.revenue", FIN)],
        "Saved a single-digit percentage on supply costs.",
    ),
    (
        "Completed the build 15% under budget",
        [(20, 23, "financial.revenue", FIN)],
        "Completed the build well under budget",
    ),
    (
        "Kept benefit costs to only a 1%",
        [(29, 31, "financial.revenue", FIN)],
        "Kept benefit costs to only a single-digit percentage",
    ),
]
# Multiples: verbs where the sentence has one, folds, comparisons, parentheses dropped.
MULTIPLES: list[Row] = [
    ("Grew bookings 3x.", [(14, 16, "financial.revenue", FIN)], "Tripled bookings."),
    ("Grew bookings 2x in a year.", [(14, 16, "financial.revenue", FIN)], "Doubled bookings in a year."),
    ("Grew bookings 2.5x.", [(14, 18, "financial.revenue", FIN)], "More than doubled bookings."),
    ("Increased pipeline by 4x.", [(22, 24, "financial.revenue", FIN)], "Quadrupled pipeline."),
    ("Grew bookings 10x.", [(14, 17, "financial.revenue", FIN)], "Grew bookings tenfold."),
    (
        "Scaled ARR 6x in three years.",
        [(11, 13, "financial.revenue", FIN)],
        "Scaled ARR sixfold in three years.",
    ),
    ("Delivered 3x ROI.", [(10, 12, "financial.revenue", FIN)], "Delivered threefold ROI."),
    ("Made checkout 3x faster.", [(14, 16, "financial.revenue", FIN)], "Made checkout several times faster."),
    ("Tripled (3x) bookings.", [(9, 11, "financial.revenue", FIN)], "Tripled bookings."),
]
# Quota attainment reads as exceeding it.
QUOTA: list[Row] = [
    ("Achieved 142% of quota.", [(9, 13, "financial.quota", FIN)], "Exceeded quota."),
    ("achieved 142% of quota", [(9, 13, "financial.quota", FIN)], "Exceeded quota"),
    (
        "Consistently achieved 142% of annual quota.",
        [(22, 26, "financial.quota", FIN)],
        "Consistently exceeded annual quota.",
    ),
    ("142% of quota in FY23.", [(0, 4, "financial.quota", FIN)], "Exceeded quota in FY23."),
    ("Quota attainment: 142%", [(18, 22, "financial.quota", FIN)], "Exceeded quota"),
    (
        "Ranked #2 of 61 reps with 142% of quota.",
        [(26, 30, "financial.quota", FIN)],
        "Ranked #2 of 61 reps with above-quota results.",
    ),
    (
        "Carried a $1.4M quota; hit 113%.",
        [(10, 15, "financial.quota", FIN), (27, 31, "financial.quota", FIN)],
        "Carried a seven-figure quota; exceeded quota.",
    ),
    ("Reached 113% of plan.", [(8, 12, "financial.quota", FIN)], "Exceeded plan."),
    ("Achieved 85% of target.", [(9, 12, "financial.quota", FIN)], "Achieved most of target."),
    (
        "Achieved 100% of quota in 2019.",
        [(9, 13, "financial.quota", FIN)],
        "Met quota in 2019.",
    ),
    (
        "Achieved over 100% of initial goal.",
        [(14, 18, "financial.quota", FIN)],
        "Exceeded the initial goal.",
    ),
    (
        "Achieved 100% of all goals within budget.",
        [(9, 13, "financial.quota", FIN)],
        "Achieved all goals within budget.",
    ),
    (
        "Achieved 133% of the Annual Scholarship Dinner goal.",
        [(9, 13, "financial.quota", FIN)],
        "Exceeded the Annual Scholarship Dinner goal.",
    ),
    (
        "2011 Quota Attainment - 240%",
        [(24, 28, "financial.quota", FIN)],
        "2011 exceeded quota",
    ),
]
# Counts and volumes: a plural quantity of the noun.
COUNTS: list[Row] = [
    ("Sold 12,000 units in 2023.", [(5, 17, "financial.revenue", FIN)], "Sold thousands of units in 2023."),
    ("Sold 12,000 units in 2023.", [(5, 11, "financial.revenue", FIN)], "Sold thousands of units in 2023."),
    ("Sold over 12,000 units.", [(10, 16, "financial.revenue", FIN)], "Sold thousands of units."),
    ("Served 1.2M subscribers.", [(7, 11, "financial.revenue", FIN)], "Served a million-plus subscribers."),
    (
        "Added 15 enterprise logos.",
        [(6, 8, "financial.revenue", FIN)],
        "Added more than ten enterprise logos.",
    ),
    ("Signed 40 new accounts.", [(7, 9, "financial.revenue", FIN)], "Signed dozens of new accounts."),
    ("Added 6 resellers.", [(6, 7, "financial.revenue", FIN)], "Added several resellers."),
    (
        "Drive SLA calls with 80 plus customers",
        [(21, 28, "financial.revenue", FIN)],
        "Drive SLA calls with dozens of customers",
    ),
]
# From one figure to another: the ratio, or points between two percentages.
CHANGES: list[Row] = [
    (
        "Grew accounts from 40 to 310.",
        [(19, 21, "financial.revenue", FIN), (25, 28, "financial.revenue", FIN)],
        "Grew accounts more than sevenfold.",
    ),
    (
        "Grew the customer base from 40 to 310 accounts in two years.",
        [(28, 30, "financial.revenue", FIN), (34, 37, "financial.revenue", FIN)],
        "Grew the customer base more than sevenfold in two years.",
    ),
    (
        "Grew revenue from $2.1M to $3.4M (62%).",
        [
            (18, 23, "financial.revenue", FIN),
            (27, 32, "financial.revenue", FIN),
            (34, 37, "financial.revenue", FIN),
        ],
        "Grew revenue by more than half.",
    ),
    (
        "Raised gross margin from 31.2% to 36.8%.",
        [(25, 30, "financial.revenue", FIN), (34, 39, "financial.revenue", FIN)],
        "Raised gross margin by several points.",
    ),
    (
        "Cut AWS spend from $380K/month to $240K/month.",
        [(19, 24, "financial.revenue", FIN), (34, 39, "financial.revenue", FIN)],
        "Cut AWS spend by more than a third.",
    ),
    (
        "Grew ARR from $1M to $12M.",
        [(14, 17, "financial.revenue", FIN), (21, 25, "financial.revenue", FIN)],
        "Grew ARR more than tenfold.",
    ),
    (
        "Grew ARR from $1M to $2M.",
        [(14, 17, "financial.revenue", FIN), (21, 24, "financial.revenue", FIN)],
        "Grew ARR twofold.",
    ),
    (
        "Reduced churn from 4.7% to 2.1%.",
        [(19, 23, "financial.revenue", FIN), (27, 31, "financial.revenue", FIN)],
        "Reduced churn by more than a point.",
    ),
]
# Names: the rule's stand-in, its article agreed, lists counted, possessives and compounds kept.
NAMES: list[Row] = [
    (
        "Managed the Walmart account.",
        [(12, 19, "confidential.client", CONF)],
        "Managed a major retail client account.",
    ),
    (
        "Managed the Walmart and Target accounts.",
        [(12, 19, "confidential.client", CONF), (24, 30, "confidential.client", CONF)],
        "Managed the two major retail client accounts.",
    ),
    (
        "Grew Walmart and Target revenue.",
        [(5, 12, "confidential.client", CONF), (17, 23, "confidential.client", CONF)],
        "Grew two major retail clients' revenue.",
    ),
    (
        "Key accounts: Walmart, Target, Kroger.",
        [
            (14, 21, "confidential.client", CONF),
            (23, 29, "confidential.client", CONF),
            (31, 37, "confidential.client", CONF),
        ],
        "Key accounts: three major retail clients.",
    ),
    (
        "Managed Walmart stores in Ohio.",
        [(8, 15, "confidential.client", CONF)],
        "Managed a major retail client's stores in Ohio.",
    ),
    (
        "Led the data-lake migration for Pfizer's oncology unit.",
        [(32, 38, "confidential.client", CONF)],
        "Led the data-lake migration for a major retail client's oncology unit.",
    ),
    (
        "Walmart renewed for three years.",
        [(0, 7, "confidential.client", CONF)],
        "A major retail client renewed for three years.",
    ),
    (
        "Tech lead on Project Nightingale.",
        [(21, 32, "confidential.codename", CONF)],
        "Tech lead on an internal platform initiative.",
    ),
    (
        "Tech lead on Project Nightingale, a patient-data platform.",
        [(13, 32, "confidential.codename", CONF)],
        "Tech lead on an internal platform initiative, a patient-data platform.",
    ),
    (
        "Migrated 40 services to 'Hawkeye'.",
        [(25, 32, "confidential.codename", CONF)],
        "Migrated 40 services to an internal platform initiative.",
    ),
    (
        "Built pricing features in the ORCA engine.",
        [(30, 34, "confidential.codename", CONF)],
        "Built pricing features in an internal platform engine.",
    ),
]
# Findings from no rule: category defaults, stand-ins from context.
UNKNOWN: list[Row] = [
    (
        "Managed the Acme account for three years.",
        [(12, 16, "confidential.private-term", CONF)],
        "Managed a key client account for three years.",
    ),
    (
        "Shipped Bluebird to 3 regions.",
        [(8, 16, "confidential.private-term", CONF)],
        "Shipped an internal initiative to 3 regions.",
    ),
    (
        "Built dashboards in the Falcon tool.",
        [(24, 30, "confidential.private-term", CONF)],
        "Built dashboards in an internal tool.",
    ),
    (
        "Falcon launched in 2023.",
        [(0, 6, "confidential.private-term", CONF)],
        "An internal initiative launched in 2023.",
    ),
    (
        "Migrated Falcon and Hawk services.",
        [(9, 15, "confidential.private-term", CONF), (20, 24, "confidential.private-term", CONF)],
        "Migrated two internal services.",
    ),
    (
        "Moved from Springfield to Boston in 2015.",
        [(11, 22, "personal.unknown", PERS)],
        "Moved to Boston in 2015.",
    ),
    ("Having a baby in April of 2019.", [(0, 13, "personal.unknown", PERS)], ""),
    (
        "Preference based on disability from military service.",
        [(20, 30, "personal.unknown", PERS)],
        "Preference based on military service.",
    ),
]
# Identifiers, pay and referees: value and label dropped, separators tidied, stand-ins where needed.
REMOVALS: list[Row] = [
    ("Phone: (555) 555-0147", [(7, 21, "personal.phone", PERS)], ""),
    ("Mobile +91 98765 43210", [(7, 22, "personal.phone", PERS)], ""),
    ("Jane Roe | jane@x.com | Boston", [(11, 21, "personal.email", PERS)], "Jane Roe | Boston"),
    ("jane@x.com | Jane Roe | Boston", [(0, 10, "personal.email", PERS)], "Jane Roe | Boston"),
    ("Jane Roe | Boston | jane@x.com", [(20, 30, "personal.email", PERS)], "Jane Roe | Boston"),
    ("Jane Roe, jane@x.com, Boston, MA", [(10, 20, "personal.email", PERS)], "Jane Roe, Boston, MA"),
    ("Jane Roe — jane@x.com — Boston", [(11, 21, "personal.email", PERS)], "Jane Roe — Boston"),
    (
        "Contact: jane@x.com | 555-0147",
        [(9, 19, "personal.email", PERS), (22, 30, "personal.phone", PERS)],
        "",
    ),
    (
        "Reach me at jane@x.com or 555-0147 for details.",
        [(12, 22, "personal.email", PERS), (26, 34, "personal.phone", PERS)],
        "Reach me for details.",
    ),
    (
        "Phone: 555-0147 Email: jane@x.com",
        [(7, 15, "personal.phone", PERS), (23, 33, "personal.email", PERS)],
        "",
    ),
    ("Call 555-0147 (mobile) after 6pm.", [(5, 13, "personal.phone", PERS)], "Call after 6pm."),
    # What is left opens with a web or e-mail address, which keeps its lower case.
    (
        "(312) 555-0147 (Mobile) jane@x.com www.linkedin.com/in/jroe (LinkedIn)",
        [(0, 14, "personal.phone", PERS), (24, 34, "personal.email", PERS)],
        "www.linkedin.com/in/jroe (LinkedIn)",
    ),
    (
        "Passport No.: K1234567, valid until 2031.",
        [(14, 22, "personal.work-permit", PERS)],
        "Authorized to work in the US.",
    ),
    (
        "Jane Roe | Visa: H-1B | Boston",
        [(17, 21, "personal.work-permit", PERS)],
        "Jane Roe | Authorized to work in the US | Boston",
    ),
    ("Holds an H-1B visa.", [(9, 13, "personal.work-permit", PERS)], "Authorized to work in the US."),
    (
        "Software engineer, holds H-1B visa",
        [(25, 29, "personal.work-permit", PERS)],
        "Software engineer, authorized to work in the US",
    ),
    (
        "Admin console at 10.12.0.5 on VLAN 40.",
        [(17, 26, "confidential.host", CONF)],
        "Admin console on VLAN 40.",
    ),
    (
        "Current salary: $145,000 base + 20% bonus.",
        [(16, 24, "compensation.salary", COMP), (32, 35, "compensation.salary", COMP)],
        "",
    ),
    (
        "Current CTC: ₹24 LPA; Expected CTC: ₹32 LPA.",
        [(13, 20, "compensation.salary", COMP), (36, 43, "compensation.salary", COMP)],
        "",
    ),
    (
        "Promoted in 2022 with an 18% raise.",
        [(25, 28, "compensation.salary", COMP)],
        "Promoted in 2022 with a raise.",
    ),
    (
        "References: John Smith, VP Sales, Acme — john.smith@acme.com, +1 415 555 0199.",
        [
            (12, 22, "references.referee", REF),
            (41, 60, "references.referee", REF),
            (62, 77, "references.referee", REF),
        ],
        "",
    ),
    (
        "Contact my manager Priya Nair at 98450 12345 for verification. Led a team of 5.",
        [(19, 29, "references.referee", REF), (33, 44, "references.referee", REF)],
        "Led a team of 5.",
    ),
    (
        "Date of Birth: 14/03/1979, Nationality: Indian",
        [(15, 25, "personal.phone", PERS), (40, 46, "personal.phone", PERS)],
        "",
    ),
    ("Married, two children.", [(0, 7, "personal.phone", PERS)], "Two children."),
    ("Jane Roe (555-0147)", [(10, 18, "personal.phone", PERS)], "Jane Roe"),
]
# Names described: code names with their asides, deals by their kind, trades from names, names beside
# their own description, clearances by label.
DESCRIBED: list[Row] = [
    (
        "Led Project Falcon (confidential), a new pricing pilot.",
        [(12, 18, "confidential.codename", CONF)],
        "Led an internal platform initiative, a new pricing pilot.",
    ),
    (
        "Tech lead on Project Nightingale (internal codename).",
        [(21, 32, "confidential.codename", CONF)],
        "Tech lead on an internal platform initiative.",
    ),
    (
        "Supported due diligence for the confidential acquisition of Pellmark Analytics before it was"
        " announced.",
        [(32, 56, "confidential.marker", CONF), (60, 78, "confidential.deal", CONF)],
        "Supported due diligence for an acquisition before it was announced.",
    ),
    (
        "Led due diligence on the pending acquisition of Brightline Labs.",
        [(48, 63, "confidential.deal", CONF)],
        "Led due diligence on an acquisition.",
    ),
    (
        "Advised on the merger with Halden Foods.",
        [(27, 39, "confidential.deal", CONF)],
        "Advised on a merger.",
    ),
    (
        "Comcast acquisition of Fandango for a premium.",
        [(23, 31, "confidential.deal", CONF)],
        "Comcast acquisition of a company for a premium.",
    ),
    (
        "Sole Bookrunner / Churchill Ventures (CHV) IPO",
        [(18, 36, "confidential.deal", CONF)],
        "Sole Bookrunner / a company's IPO",
    ),
    (
        "Led due diligence on Northwind Logistics.",
        [(21, 40, "confidential.deal", CONF)],
        "Led due diligence on a logistics company.",
    ),
    (
        "Served Crescent Real Estate Equities, Cousins Properties and Trizec Properties.",
        [
            (7, 36, "confidential.deal", CONF),
            (38, 56, "confidential.deal", CONF),
            (61, 78, "confidential.deal", CONF),
        ],
        "Served three real-estate companies.",
    ),
    (
        "Clients: Pall Life Sciences, Baxter Healthcare and Quest Medical.",
        [
            (9, 27, "confidential.client", CONF),
            (29, 46, "confidential.client", CONF),
            (51, 64, "confidential.client", CONF),
        ],
        "Three major retail clients.",
    ),
    (
        "Built the pricing engine for a retailer (Walmart).",
        [(41, 48, "confidential.client", CONF)],
        "Built the pricing engine for a retailer.",
    ),
    (
        "Trained bankers on the bank's internal software (CIDAR) every quarter.",
        [(49, 54, "confidential.system", CONF)],
        "Trained bankers on the bank's internal software every quarter.",
    ),
    (
        "Built pricing features in ORCA, our internal pricing engine.",
        [(26, 30, "confidential.system", CONF)],
        "Built pricing features in our internal pricing engine.",
    ),
    (
        "Maintained our internal reporting tool HAWK for finance.",
        [(39, 43, "confidential.system", CONF)],
        "Maintained our internal reporting tool for finance.",
    ),
    (
        "Holds an Active TS/SCI clearance.",
        [(9, 32, "confidential.clearance", CONF)],
        "Holds a security clearance (details on request).",
    ),
    (
        "Clearance: Top Secret",
        [(11, 21, "confidential.clearance", CONF)],
        "Security clearance (details on request)",
    ),
    (
        "PLACEMENT AGENT / DORADO BEACH RESORT",
        [(18, 37, "confidential.deal", CONF)],
        "PLACEMENT AGENT / a company",
    ),
    (
        "Code-named Falcon, the product ships next year",
        [(11, 17, "confidential.codename", CONF)],
        "The product ships next year",
    ),
    (
        "Served agencies including the City of Chicago and Cook County.",
        [(30, 45, "confidential.deal", CONF), (50, 61, "confidential.deal", CONF)],
        "Served agencies including two public-sector companies.",
    ),
    (
        "Ran campaigns for partners including VH1, Bose and Ford.",
        [
            (37, 40, "confidential.deal", CONF),
            (42, 46, "confidential.deal", CONF),
            (51, 55, "confidential.deal", CONF),
        ],
        "Ran campaigns for partners.",
    ),
]
# Markers of secrecy go and what they marked stays; a pending reorganisation is described.
MARKERS: list[Row] = [
    (
        "Built the fraud model for a confidential client.",
        [(28, 47, "confidential.marker", CONF)],
        "Built the fraud model for a client.",
    ),
    (
        "Consultant to a battery maker (under NDA).",
        [(31, 40, "confidential.marker", CONF)],
        "Consultant to a battery maker.",
    ),
    (
        "The pricing terms are under NDA until the launch.",
        [(22, 31, "confidential.marker", CONF)],
        "The pricing terms are confidential until the launch.",
    ),
    (
        "Planning the upcoming restructuring of the EMEA sales org.",
        [(13, 35, "confidential.marker", CONF)],
        "Planning the organizational redesign of the EMEA sales org.",
    ),
    (
        "Using proprietary software interfaced with SAP.",
        [(6, 26, "confidential.marker", CONF)],
        "Using software interfaced with SAP.",
    ),
]
# Fields: stand-ins filled from the value, pay with its period, referees with their leave to call,
# labels run together, brackets and plus signs of a number.
FIELDS: list[Row] = [
    (
        "Nationality: Indian",
        [(13, 19, "personal.nationality", PERS)],
        "Authorized to work in India",
    ),
    (
        "US citizen since 2010",
        [(0, 10, "personal.nationality", PERS)],
        "Authorized to work in the US",
    ),
    (
        "Nationality: Martian",
        [(13, 20, "personal.nationality", PERS)],
        "",
    ),
    (
        "Address: 4127 Quillfeather Lane, Apt 3B, Evanston, IL 60201",
        [(9, 59, "personal.address", PERS)],
        "Evanston, IL",
    ),
    (
        "Volunteered at 3901 Calverton Blvd, Beltsville, MD",
        [(15, 46, "personal.address", PERS)],
        "Volunteered at Beltsville, MD",
    ),
    (
        "Current salary: $128,000; expected $140K",
        [(16, 24, "compensation.salary", COMP), (35, 40, "compensation.salary", COMP)],
        "",
    ),
    (
        "Materials Handler; $40,000 per Annum; last promoted 2006",
        [(19, 26, "compensation.salary", COMP)],
        "Materials Handler; last promoted 2006",
    ),
    (
        "Top earner (avg comm. $3,800) in 2019",
        [(22, 28, "compensation.salary", COMP)],
        "Top earner in 2019",
    ),
    (
        "Hourly Rate $ 18.00",
        [(12, 19, "compensation.salary", COMP)],
        "",
    ),
    (
        "Marcus Okafor – VP of Sales, Corvane Systems",
        [(0, 13, "references.listed", REF)],
        "",
    ),
    (
        "Supervisor: Hunter Reed (912)-414-1558 Completes training on new aircraft.",
        [(12, 23, "references.referee", REF), (24, 38, "references.referee", REF)],
        "Completes training on new aircraft.",
    ),
    (
        "Supervisor: Jonathan Hoesley (757-878-5350) Okay to contact this Supervisor: Yes.",
        [(12, 28, "references.referee", REF), (30, 42, "references.referee", REF)],
        "",
    ),
    (
        "tel:(+82) 10-9030-1843 | homepage: example.com",
        [(5, 22, "personal.phone", PERS)],
        "Homepage: example.com",
    ),
    (
        "Hergertarian.com | + 1 (415) 582-7457",
        [(21, 37, "personal.phone", PERS)],
        "Hergertarian.com",
    ),
    (
        "Age & Date of Birth : 29, 03-April-1985",
        [(22, 24, "personal.phone", PERS), (26, 39, "personal.phone", PERS)],
        "",
    ),
    (
        "Gender : Male Team player Nationality : Indian Honest",
        [(9, 13, "personal.phone", PERS), (40, 46, "personal.nationality", PERS)],
        "Team player Authorized to work in India",
    ),
    (
        "Looking for 12 LPA or more",
        [(12, 18, "compensation.salary", COMP)],
        "",
    ),
    (
        "Paid $22 per hour",
        [(5, 8, "compensation.salary", COMP)],
        "",
    ),
    (
        "Earned a $12,000 annual bonus",
        [(9, 16, "compensation.salary", COMP)],
        "Earned an annual bonus",
    ),
    (
        "Well, I am 37 years old.",
        [(11, 13, "personal.phone", PERS)],
        "",
    ),
    (
        "Married, father of two children",
        [(19, 31, "personal.phone", PERS)],
        "Married",
    ),
    (
        "Social Security No. 123 45 6789",
        [(20, 31, "personal.phone", PERS)],
        "",
    ),
    (
        "Bank: IBAN DE89 3704 0044 0532 0130 00",
        [(11, 38, "personal.phone", PERS)],
        "",
    ),
    (
        "Owner of go/bluebird and wiki.corp.acme.local/pricing",
        [(9, 20, "confidential.host", CONF), (25, 53, "confidential.host", CONF)],
        "Owner",
    ),
]
# Several findings in one sentence, handled at once.
SEVERAL: list[Row] = [
    (
        "Grew Walmart revenue by 37% to $12M and won Target.",
        [
            (5, 12, "confidential.client", CONF),
            (24, 27, "financial.revenue", FIN),
            (31, 35, "financial.revenue", FIN),
            (44, 50, "confidential.client", CONF),
        ],
        "Grew a major retail client's revenue by more than a third to eight figures"
        " and won a major retail client.",
    ),
    (
        "Closed $3,412,000 against a $2.4M quota (142%).",
        [
            (7, 17, "financial.revenue", FIN),
            (28, 33, "financial.revenue", FIN),
            (41, 45, "financial.quota", FIN),
        ],
        "Closed millions against a multi-million-dollar quota.",
    ),
    (
        "Walmart sales grew 3x to $12M under Project Falcon.",
        [
            (0, 7, "confidential.client", CONF),
            (19, 21, "financial.revenue", FIN),
            (25, 29, "financial.revenue", FIN),
            (44, 50, "confidential.codename", CONF),
        ],
        "A major retail client's sales tripled to eight figures under an internal platform initiative.",
    ),
    (
        "Jane Roe | jane@x.com | Grew ARR to $4.2M",
        [(11, 21, "personal.email", PERS), (36, 41, "financial.revenue", FIN)],
        "Jane Roe | Grew ARR to seven figures",
    ),
    (
        "Sold $850K of Falcon licences to Acme Bank.",
        [
            (5, 10, "financial.revenue", FIN),
            (14, 20, "confidential.private-term", CONF),
            (33, 42, "confidential.private-term", CONF),
        ],
        "Sold hundreds of thousands of internal licences to a key client.",
    ),
    (
        "Grew revenue quickly by 37%.",
        [(13, 20, "note.hint", NOTE), (24, 27, "financial.revenue", FIN)],
        "Grew revenue quickly by more than a third.",
    ),
    (
        "$4.2M deal with Walmart; call 555-0147.",
        [
            (0, 5, "financial.revenue", FIN),
            (16, 23, "confidential.client", CONF),
            (30, 38, "personal.phone", PERS),
        ],
        "A multi-million-dollar deal with a major retail client.",
    ),
    (
        "Grew market share by12%.",
        [(20, 23, "financial.revenue", FIN)],
        "Grew market share by double digits.",
    ),
    (
        "Led a 4 billion global organization.",
        [(6, 15, "financial.revenue", FIN)],
        "Led a multi-billion global organization.",
    ),
    # Currencies the financial pack finds besides dollars, euros, pounds and rupees.
    (
        "Sold a HK$250MM tower to investors.",
        [(7, 15, "financial.revenue", FIN)],
        "Sold a nine-figure tower to investors.",
    ),
    (
        "Led a MYR 90mn expansion.",
        [(6, 14, "financial.revenue", FIN)],
        "Led an eight-figure expansion.",
    ),
    (
        "Built the Dh600-million tower.",
        [(10, 23, "financial.revenue", FIN)],
        "Built the nine-figure tower.",
    ),
    (
        "Signed a EUR2.1bn deal.",
        [(9, 17, "financial.revenue", FIN)],
        "Signed a multi-billion-euro deal.",
    ),
]


@check(MONEY)
def test_money(sentence: str, spans: Spans, expected: str, rules: dict[str, Rule]) -> None:
    assert rewrite(sentence, spans, rules) == expected


@check(PERCENTAGES)
def test_percentages(sentence: str, spans: Spans, expected: str, rules: dict[str, Rule]) -> None:
    assert rewrite(sentence, spans, rules) == expected


@check(MULTIPLES)
def test_multiples(sentence: str, spans: Spans, expected: str, rules: dict[str, Rule]) -> None:
    assert rewrite(sentence, spans, rules) == expected


@check(QUOTA)
def test_quota(sentence: str, spans: Spans, expected: str, rules: dict[str, Rule]) -> None:
    assert rewrite(sentence, spans, rules) == expected


@check(COUNTS)
def test_counts(sentence: str, spans: Spans, expected: str, rules: dict[str, Rule]) -> None:
    assert rewrite(sentence, spans, rules) == expected


@check(CHANGES)
def test_changes(sentence: str, spans: Spans, expected: str, rules: dict[str, Rule]) -> None:
    assert rewrite(sentence, spans, rules) == expected


@check(NAMES)
def test_names(sentence: str, spans: Spans, expected: str, rules: dict[str, Rule]) -> None:
    assert rewrite(sentence, spans, rules) == expected


@check(UNKNOWN)
def test_unknown(sentence: str, spans: Spans, expected: str, rules: dict[str, Rule]) -> None:
    assert rewrite(sentence, spans, rules) == expected


@check(REMOVALS)
def test_removals(sentence: str, spans: Spans, expected: str, rules: dict[str, Rule]) -> None:
    assert rewrite(sentence, spans, rules) == expected


@check(SEVERAL)
def test_several(sentence: str, spans: Spans, expected: str, rules: dict[str, Rule]) -> None:
    assert rewrite(sentence, spans, rules) == expected


@check(DESCRIBED)
def test_described(sentence: str, spans: Spans, expected: str, rules: dict[str, Rule]) -> None:
    assert rewrite(sentence, spans, rules) == expected


@check(MARKERS)
def test_markers(sentence: str, spans: Spans, expected: str, rules: dict[str, Rule]) -> None:
    assert rewrite(sentence, spans, rules) == expected


@check(FIELDS)
def test_fields(sentence: str, spans: Spans, expected: str, rules: dict[str, Rule]) -> None:
    assert rewrite(sentence, spans, rules) == expected


# (rule, category, public, resume, reason): the rule's actions, or the category's for a rule not loaded.
ACTIONS = [
    (
        "financial.revenue",
        FIN,
        Action.GENERALIZE,
        Action.KEEP,
        "Exact revenue figure: generalize in public, keep in the resume",
    ),
    (
        "confidential.client",
        CONF,
        Action.GENERALIZE,
        Action.GENERALIZE,
        "Client name: generalize in public, generalize in the resume",
    ),
    (
        "confidential.codename",
        CONF,
        Action.REMOVE,
        Action.GENERALIZE,
        "Internal code name: remove from public, generalize in the resume",
    ),
    (
        "personal.work-permit",
        PERS,
        Action.REMOVE,
        Action.REMOVE,
        "Visa or passport number: remove everywhere",
    ),
    ("compensation.salary", COMP, Action.REMOVE, Action.REMOVE, "Salary or CTC: remove everywhere"),
    ("references.referee", REF, Action.REMOVE, Action.REMOVE, "Referee contact: remove everywhere"),
    ("note.hint", NOTE, Action.KEEP, Action.KEEP, "Hint: keep everywhere"),
    (
        "confidential.private-term",
        CONF,
        Action.REMOVE,
        Action.GENERALIZE,
        "A name you listed as private: remove from public, generalize in the resume",
    ),
    (
        "personal.unknown",
        PERS,
        Action.REMOVE,
        Action.KEEP,
        "Personal detail: remove from public, keep in the resume",
    ),
    (
        "financial.unknown",
        FIN,
        Action.GENERALIZE,
        Action.KEEP,
        "Business figure: generalize in public, keep in the resume",
    ),
]


@pytest.mark.parametrize(
    ("rule", "category", "public", "resume", "reason"), ACTIONS, ids=[a[0] for a in ACTIONS]
)
def test_actions_and_reason(
    rule: str, category: Category, public: Action, resume: Action, reason: str, rules: dict[str, Rule]
) -> None:
    [advice] = advise(
        "Worked on Zorblax.", findings("Worked on Zorblax.", [(10, 17, rule, category)]), rules, OFFSET
    )
    assert (advice.public, advice.resume, advice.reason) == (public, resume, reason)


def test_one_advice_per_finding_in_the_order_given(rules: dict[str, Rule]) -> None:
    sentence = "Managed the Walmart account; grew it 3x."
    spans: Spans = [(37, 39, "financial.revenue", FIN), (12, 19, "confidential.client", CONF)]
    advice = advise(sentence, findings(sentence, spans), rules, OFFSET)
    assert [a.reason.split(":")[0] for a in advice] == ["Exact revenue figure", "Client name"]
    assert {a.rewrite for a in advice} == {"Managed a major retail client account; tripled it."}


def test_no_findings_no_advice(rules: dict[str, Rule]) -> None:
    assert advise("Grew revenue by 37%.", [], rules) == ()


def test_a_kept_finding_leaves_the_sentence_as_it_is(rules: dict[str, Rule]) -> None:
    sentence = "Grew revenue quickly."
    assert rewrite(sentence, [(13, 20, "note.hint", NOTE)], rules) == sentence


def test_findings_outside_the_sentence_are_advised_but_not_rewritten(rules: dict[str, Rule]) -> None:
    sentence = "Grew revenue by 37%."
    outside = Finding("financial.revenue", FIN, Severity.MEDIUM, 10, 14, "$4M.")
    [advice] = advise(sentence, [outside], rules, OFFSET)
    assert (advice.public, advice.rewrite) == (Action.GENERALIZE, sentence)


def test_overlapping_findings_are_handled_as_one(rules: dict[str, Rule]) -> None:
    sentence = "Call 555-0147 today."
    spans: Spans = [(5, 13, "personal.phone", PERS), (5, 8, "financial.revenue", FIN)]
    assert rewrite(sentence, spans, rules) == "Call today."


# Tokens no filler word or stand-in contains, so finding one in a rewrite means it leaked.
TOKENS = (
    "$4,213,977",
    "37.4%",
    "3.7x",
    "12,345 units",
    "Zorblax",
    "Qwimbly Corp",
    "(555) 555-0147",
    "zq@example.com",
    "€9.9m",
    "Rs. 7 crore",
    "173%",
    "Project Vexil",
    "₹24 LPA",
    "K1234567",
)
FILLER = (
    "grew",
    "revenue",
    "from",
    "to",
    "by",
    "the",
    "a",
    "an",
    "account",
    "|",
    ",",
    "Phone:",
    "of",
    "quota",
    "achieved",
    "and",
    "or",
    "(",
    ")",
    "Email:",
    "References:",
    ".",
    ";",
    "—",
    "increased",
    "sales",
    "in",
    "deal",
    "for",
    "at",
    "'",
    "over",
    "/month",
    "+",
    "-",
    "Boston",
    "Project",
    "call",
    "units",
)
RULES = (
    ("financial.revenue", FIN),
    ("financial.quota", FIN),
    ("confidential.client", CONF),
    ("confidential.codename", CONF),
    ("confidential.host", CONF),
    ("personal.phone", PERS),
    ("personal.email", PERS),
    ("personal.work-permit", PERS),
    ("compensation.salary", COMP),
    ("references.referee", REF),
    ("confidential.private-term", CONF),
    ("financial.unknown", FIN),
    ("personal.unknown", PERS),
    ("references.unknown", REF),
)
WORDS = st.lists(
    st.one_of(st.sampled_from(FILLER), st.tuples(st.sampled_from(TOKENS), st.sampled_from(RULES))),
    min_size=1,
    max_size=14,
)


def sentence_of(parts: list[str | tuple[str, tuple[str, Category]]]) -> tuple[str, Spans]:
    """Join words into a sentence, flagging each token with its rule."""
    text, spans = "", []
    for part in parts:
        text += " " if text else ""
        if isinstance(part, tuple):
            token, (rule, category) = part
            spans.append((len(text), len(text) + len(token), rule, category))
            part = token
        text += part
    return text, spans


@settings(max_examples=400, deadline=None)
@given(WORDS)
def test_a_rewrite_never_repeats_what_was_flagged(
    rules: dict[str, Rule], parts: list[str | tuple[str, tuple[str, Category]]]
) -> None:
    sentence, spans = sentence_of(parts)
    rewritten = rewrite(sentence, spans, rules) if spans else sentence
    assert all(sentence[start:end] not in rewritten for start, end, _, _ in spans)
    assert "  " not in rewritten


SPANS_ANYWHERE = st.lists(
    st.tuples(st.integers(-5, 70), st.integers(-5, 70), st.sampled_from([*RULES, ("note.hint", NOTE)])),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), SPANS_ANYWHERE)
def test_any_spans_in_any_text_are_advised_without_error(
    rules: dict[str, Rule], text: str, raw: list[tuple[int, int, tuple[str, Category]]]
) -> None:
    found = [
        Finding(rule, category, Severity.LOW, OFFSET + s, OFFSET + e, "") for s, e, (rule, category) in raw
    ]
    advice = advise(text, found, rules, OFFSET)
    assert len(advice) == len(found)
    assert len({a.rewrite for a in advice}) <= 1
    rewritten = advice[0].rewrite if advice else text
    assert len(advise(rewritten, found, rules, OFFSET)) == len(found)
    assert advise(rewritten, [], rules) == ()
    assert rewritten == text or "  " not in rewritten


def test_a_sentence_whose_findings_cover_no_text_stands_as_written() -> None:
    empty = Finding("financial.revenue", Category.FINANCIAL, Severity.LOW, 0, 0, "")
    assert [a.rewrite for a in advise("Grew\nrevenue.", [empty], {})] == ["Grew\nrevenue."]


@pytest.mark.parametrize(
    ("sentence", "rewrite"),
    [
        ("EBITDA margin: 18%.", "EBITDA margin: double digits."),
        ("Gross margin was 7%.", "Gross margin was a single-digit percentage."),
        # After "of" a margin is a level, read by its tens.
        ("Held a gross margin of 34%.", "Held a gross margin of over 30%."),
    ],
)
def test_a_margin_is_read_by_its_digits(sentence: str, rewrite: str) -> None:
    start, end = re.search(r"\d+%", sentence).span()  # type: ignore[union-attr]
    found = [Finding("financial.revenue", Category.FINANCIAL, Severity.MEDIUM, start, end, "")]
    assert [a.rewrite for a in advise(sentence, found, {})] == [rewrite]
