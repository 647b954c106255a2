"""Advise on findings: what to do in public and in a resume, why, and the sentence rewritten for public."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import reduce

from discreet.model import Action, Advice, Category, Finding, Section
from discreet.packs import Rule, rule_actions

# The ladders: (floor, phrase) from the top down; the first floor at or below the value wins.
MONEY_ADJECTIVES: tuple[tuple[float, str], ...] = (
    (1e12, "trillion-{}"),
    (2e9, "multi-billion-{}"),
    (1e9, "billion-{}"),
    (1e8, "nine-figure"),
    (1e7, "eight-figure"),
    (2e6, "multi-million-{}"),
    (1e6, "seven-figure"),
    (1e5, "six-figure"),
    (1e4, "five-figure"),
    (1e3, "four-figure"),
    (1e2, "three-figure"),
    (0, "modest"),
)
MONEY_NOUNS: tuple[tuple[float, str], ...] = (
    (1e12, "trillions"),
    (2e9, "billions"),
    (1e9, "ten figures"),
    (1e8, "hundreds of millions"),
    (1e7, "tens of millions"),
    (2e6, "millions"),
    (1e6, "seven figures"),
    (1e5, "hundreds of thousands"),
    (1e4, "tens of thousands"),
    (2e3, "thousands"),
    (1e3, "four figures"),
    (1e2, "hundreds"),
    (0, "a modest sum"),
)
# Indian amounts read in lakhs and crores; below a lakh the general ladders apply.
RUPEE_ADJECTIVES: tuple[tuple[float, str], ...] = (
    (2e7, "multi-crore"),
    (1e7, "crore-plus"),
    (2e5, "multi-lakh"),
    (1e5, "lakh-plus"),
)
RUPEE_NOUNS: tuple[tuple[float, str], ...] = (
    (1e9, "hundreds of crores"),
    (1e8, "tens of crores"),
    (2e7, "crores"),
    (1e7, "a crore-plus"),
    (2e5, "lakhs"),
    (1e5, "a lakh-plus"),
)
FIGURE_WORDS = {3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}
PERCENT_AMOUNTS: tuple[tuple[float, str], ...] = (
    (50, "more than half"),
    (100 / 3, "more than a third"),
    (25, "more than a quarter"),
    (10, "double digits"),
    (1, "a single-digit percentage"),
    (0, "a fraction of a percent"),
)
# A percentage of something is a share of it: "73% of customers" is "more than half of customers".
PERCENT_SHARES: tuple[tuple[float, str], ...] = (
    (100, "all"),
    (50, "more than half"),
    (100 / 3, "more than a third"),
    (25, "more than a quarter"),
    (20, "more than a fifth"),
    (10, "more than a tenth"),
    (1, "a single-digit percentage"),
    (0, "a fraction of a percent"),
)
# A rate this high reads 'near-perfect' (98% retention), unless the noun after it is a change (98% growth).
NEAR_PERFECT = 95
CHANGE_NOUN = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:growth|increase|rise|gain|uplift|boost|jump|improvement|reduction|decrease|"
    r"drop|decline|cut|savings?|return|ROI|YoY|year-over-year|lift)\b",
    re.IGNORECASE,
)
PERCENT_ADJECTIVES: tuple[tuple[float, str], ...] = (
    (100, "triple-digit"),
    (10, "double-digit"),
    (1, "single-digit"),
    (0, "fractional"),
)
POINTS: tuple[tuple[float, str], ...] = (
    (10, "by more than ten points"),
    (2, "by several points"),
    (1, "by more than a point"),
    (0, "by a fraction of a point"),
)
FOLDS: tuple[tuple[float, str], ...] = (
    (10, "more than tenfold"),
    (5, "several-fold"),
    (4, "more than fourfold"),
    (3, "more than threefold"),
    (2, "more than twofold"),
)
FOLD_VERBS: tuple[tuple[float, str], ...] = (
    (4, "more than quadrupled"),
    (3, "more than tripled"),
    (2, "more than doubled"),
)
COMPARISONS: tuple[tuple[float, str], ...] = ((10, "many times"), (3, "several times"), (0, "markedly"))
COUNTS: tuple[tuple[float, str], ...] = (
    (2e9, "billions"),
    (1e9, "a billion-plus"),
    (2e6, "millions"),
    (1e6, "a million-plus"),
    (2e3, "thousands"),
    (1e3, "a thousand-plus"),
    (200, "hundreds"),
    (100, "a hundred-plus"),
    (24, "dozens"),
    (11, "more than ten"),
    (0, "several"),
)
# A value exactly on a floor reads better without "more than".
EXACT = {
    "more than half": "half",
    "more than a quarter": "a quarter",
    "more than a fifth": "a fifth",
    "more than a tenth": "a tenth",
    "by more than ten points": "by ten points",
    "by more than a point": "by a point",
    "more than tenfold": "tenfold",
    "more than fourfold": "fourfold",
    "more than threefold": "threefold",
    "more than twofold": "twofold",
    "more than quadrupled": "quadrupled",
    "more than tripled": "tripled",
    "more than doubled": "doubled",
}
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}
CURRENCIES = {
    **dict.fromkeys(("$", "us$", "c$", "ca$", "a$", "s$", "usd", "cad", "aud", "sgd"), "dollar"),
    **dict.fromkeys(("dollar", "dollars"), "dollar"),
    **dict.fromkeys(("€", "eur", "euro", "euros"), "euro"),
    **dict.fromkeys(("£", "gbp", "pound", "pounds"), "pound"),
    **dict.fromkeys(("₹", "inr", "rs", "rs.", "rupee", "rupees"), "rupee"),
    **dict.fromkeys(("¥", "jpy", "yen"), "yen"),
}
SCALES = {
    **dict.fromkeys(("k", "thousand"), 1e3),
    **dict.fromkeys(("m", "mm", "mn", "million"), 1e6),
    **dict.fromkeys(("b", "bn", "billion"), 1e9),
    **dict.fromkeys(("t", "tn", "trillion"), 1e12),
    **dict.fromkeys(("l", "lakh", "lakhs", "lac", "lacs", "lpa"), 1e5),
    **dict.fromkeys(("cr", "crore", "crores"), 1e7),
}
INDIAN_SCALES = frozenset({"l", "lakh", "lakhs", "lac", "lacs", "lpa", "cr", "crore", "crores"})
PERIODS = {
    **dict.fromkeys(("month", "mo"), ("monthly", "a month")),
    **dict.fromkeys(("year", "yr", "annum", "p.a."), ("annual", "a year")),
    **dict.fromkeys(("quarter", "qtr"), ("quarterly", "a quarter")),
    **dict.fromkeys(("week", "wk"), ("weekly", "a week")),
}
# Words after a figure that show it is not modifying a noun ("$4M in revenue", "37% year over year").
NOT_NOUN = re.compile(
    r"in|of|for|from|to|with|across|at|by|on|over|per|and|or|but|than|through|within|during|into|under|via"
    r"|annually|yearly|monthly|weekly|daily|quarterly|last|this|next|each|every|an?|the|while|when|after"
    r"|before|since|as|using|against|vs|versus|yoy|qoq|mom|ahead|above|below|up|down|total|overall|plus"
    r"|which|that|who|is|was|were|are|be|been|has|had|have|its?|their|our|my|his|her|so|because|including"
    r"|out|years?|quarters?|months?|weeks?|days?",
    re.I,
)
TITLES = {
    Category.FINANCIAL: "Business figure",
    Category.CONFIDENTIAL: "Confidential name",
    Category.PERSONAL: "Personal detail",
    Category.COMPENSATION: "Pay detail",
    Category.REFERENCES: "Referee detail",
    Category.NOTE: "Note",
}
PUBLIC_PHRASES = {
    Action.KEEP: "keep in public",
    Action.GENERALIZE: "generalize in public",
    Action.REMOVE: "remove from public",
}
RESUME_PHRASES = {
    Action.KEEP: "keep in the resume",
    Action.GENERALIZE: "generalize in the resume",
    Action.REMOVE: "remove from the resume",
}
CLIENT_STAND_IN = "a key client"
INITIATIVE_STAND_IN = "an internal initiative"
AMOUNT_STAND_IN = "an undisclosed amount"
# Last words of a stand-in that give way to the noun a name was modifying ("the ORCA engine").
GENERIC_HEADS = frozenset(
    {"initiative", "project", "program", "programme", "effort", "product", "platform", "system", "tool"}
)
# What a name's own last words say about the organisation, to describe it: "Northwind Logistics" is
# "a logistics client", "Crescent Real Estate Equities" "a real-estate client". The first match wins.
KINDS: tuple[tuple[str, str], ...] = (
    (
        r"bank|bancorp|banking|credit\s+union|capital|financial|securities|investments?|asset\s+management",
        "financial-services",
    ),
    (r"insurance|assurance|insurers?", "insurance"),
    (r"hospitals?|health(?:care)?|medical|clinics?|health\s+system", "healthcare"),
    (
        r"pharma(?:ceuticals?)?|therapeutics|biotech|biosciences?|bio|life\s+sciences|biologics|genomics",
        "life-sciences",
    ),
    (r"logistics|freight|shipping|transport(?:ation)?|trucking|express", "logistics"),
    (r"foods?|beverages?|brewing|bakery|dairy|farms?|grocers?|groceries", "food-industry"),
    (r"construction|builders?|building|contractors?|engineering", "construction"),
    (r"real\s+estate|realty|properties|property|equities|estates|homes", "real-estate"),
    (r"energy|power|oil|gas|petroleum|utilities|electric|solar", "energy"),
    (r"telecom(?:munications)?|communications|wireless|mobile|networks?", "telecom"),
    (r"motors?|automotive|auto", "automotive"),
    (r"airlines?|airways|aviation|aerospace|aero", "aerospace"),
    (r"stores?|retail(?:ers?)?|mart|depot|outlets?|supply", "retail"),
    (r"university|college|school|academy|institute", "education"),
    (
        r"software|systems|technolog(?:y|ies)|tech|labs?|analytics|digital|data|solutions|computing|cloud",
        "technology",
    ),
    (r"government|ministry|department|authority|county|council|agency|city\s+of|state\s+of", "public-sector"),
)
# A name that opens with what it is: "City of Chicago", "University of Kentucky".
KIND_OF = re.compile(
    r"(?P<head>city|state|county|government|ministry|department|province|commonwealth|town|university)\s+of\b",
    re.I,
)
# Stand-ins a trade can describe: a head noun below, and no description but size before it.
KIND_HEADS = frozenset(
    {"client", "customer", "company", "account", "partner", "firm", "organization", "business"}
)
SIZE_WORDS = frozenset({"major", "key", "large", "leading", "national", "global", "regional", "strategic"})
CORPORATE_SUFFIX = re.compile(
    r"(?:[\s,]+(?:&\s*co|and\s+(?:co|company|sons)|company|co|inc|corp|corporation|ltd|limited|llc|llp|plc"
    r"|gmbh|ag|sa|group|holdings|international|intl|pvt|private)\.?)+$",
    re.I,
)
ARTICLE = re.compile(r"an?|the", re.I)
ARTICLE_START = re.compile(r"(?:an?|the)\s", re.I)
KIND_PATTERNS = tuple((re.compile(rf"(?:^|\s)(?:{words})\.?$", re.I), kind) for words, kind in KINDS)
# Words that mark work as not for publication; the marked noun stays once they go.
_MARKER = (
    r"(?:confidential|undisclosed|unnamed|secret|stealth(?:[- ]mode)?|unreleased|unannounced|pre-release"
    r"|not\s+yet\s+(?:released|announced|public)|pending|upcoming|planned|proprietary)"
)
NDA = re.compile(
    r"(?:under|covered\s+by|bound\s+by|subject\s+to)\s+(?:an?\s+)?(?:NDA|non-disclosure(?:\s+agreement)?)",
    re.I,
)
MARKED = re.compile(rf"(?P<marker>{_MARKER}(?:\s+{_MARKER})*)\s+(?P<rest>\S.*)", re.I | re.S)
# A pending reorganisation is the secret itself, so its noun is described rather than kept.
REORGANIZATION = re.compile(
    r"(?:layoffs?|lay-offs?|restructurings?|reorgani[sz]ations?|reductions?\s+in\s+force|RIF)", re.I
)
COPULA_BEFORE = re.compile(r"\b(?:is|are|was|were|remains?|remained|be|been|being)\s+$", re.I)
# A name's ticker or abbreviation in brackets names it as well: "Churchill Ventures (CHV)".
ALIAS_AFTER = re.compile(r"\s*\((?:(?:NYSE|NASDAQ|LSE|NSE|BSE|TSX)\s*:\s*)?[A-Z][A-Z0-9.&-]{1,7}\)")
# A name's own aside saying it is secret: "Project Falcon (confidential)".
MARKER_AFTER = re.compile(
    r"\s*\((?:internal(?:\s+code[- ]?name)?|code[- ]?name|confidential|under\s+(?:an\s+)?NDA|NDA|stealth"
    r"|unreleased|unannounced|not\s+(?:yet\s+)?public|proprietary)\)",
    re.I,
)
_DEAL = r"(?P<deal>acquisition|merger|takeover|buyout|divestiture|divestment|spin-?off)"
# "the confidential acquisition of Pellmark" says no more than "an acquisition" once the name goes.
DEAL_BEFORE = re.compile(
    rf"\b(?:(?:the|a|an|its|our|their|this|that)\s+(?:{_MARKER}\s+|(?:proposed|potential|strategic)\s+)*"
    rf"|(?:{_MARKER}\s+)+){_DEAL}\s+(?:of|with)\s+(?:the\s+)?$",
    re.I,
)
# A name set beside its own description ("ORCA, our internal pricing engine") goes; the description stays.
_DESCRIBED = (
    r"(?:internal|in-house|proprietary|homegrown|home-grown)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:software|tools?|systems?|platforms?|engines?|applications?|apps?|portals?|databases?|frameworks?"
    r"|dashboards?)"
)
DESCRIBED_BEFORE = re.compile(rf"\b{_DESCRIBED}(?P<gap>[ \t]*(?:,[ \t]*)?(?:\([ \t]*)?[\"“']?)$", re.I)
DESCRIBED_AFTER = re.compile(
    rf"[\"”']?[ \t]*,[ \t]*(?P<description>(?:our|the|its|their|an?|the\s+(?:company|firm|bank)['’]?s)\s+"
    rf"{_DESCRIBED})",
    re.I,
)
# Stand-ins may name a place found in the flagged text: {city} of an address, {country} of a nationality.
PLACEHOLDER = re.compile(r"(?:\s+in)?\s*\{(?P<name>city|country)\}")
COUNTRIES: tuple[tuple[str, str], ...] = (
    (
        r"U\.?S\.?A?|United\s+States|American|H-?1B|H-?4|L-?1[AB]?|F-?1|J-?1|O-?1|OPT|EAD|TN|green\s+card",
        "the US",
    ),
    (r"U\.?K\.?|British|United\s+Kingdom|Tier\s*[1-5]|BRP|ILR", "the UK"),
    (r"Indian?", "India"),
    (r"Canad(?:a|ian)", "Canada"),
    (r"Australian?", "Australia"),
    (r"EU|European\s+Union", "the EU"),
    (r"Irish|Ireland", "Ireland"),
    (r"German[y]?", "Germany"),
    (r"French|France", "France"),
    (r"South\s+Africa[n]?", "South Africa"),
    (r"UAE|Emirati|United\s+Arab\s+Emirates|Dubai", "the UAE"),
    (r"Singapore(?:an)?", "Singapore"),
)
COUNTRY_PATTERNS = tuple(
    (re.compile(rf"\b(?:{words})(?![\w-])", re.I), country) for words, country in COUNTRIES
)
# The parts of an address below the town: numbers, units and street names.
STREET_PART = re.compile(
    r"\d|\b(?:apt|apartment|suite|ste|unit|flat|floor|no|#|street|st|avenue|ave|road|rd|lane|ln|drive|dr"
    r"|boulevard|blvd|court|ct|way|place|pl|terrace|parkway|pkwy|circle|cir|highway|hwy|trail|square|sq"
    r"|crescent|close|marg|building|bldg|block|tower|house|po\s+box)\b\.?",
    re.I,
)
PLACE = re.compile(r"[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]*){0,2}")
POSTCODE = re.compile(r"[\s,]*(?:\d{5}(?:-\d{4})?|\d{3}\s?\d{3}|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\s*$")
# Nouns a client's name can modify as it stands ("the Walmart account"); others take "'s" ("Walmart revenue").
COMPOUNDS = re.compile(
    r"(?:account|team|relationship|engagement|portfolio|project|program|partnership|contract|deal|rollout"
    r"|implementation|migration|site|office|work|base|business|service)s?",
    re.I,
)

_APPROX = (
    r"(?:(?:nearly|almost|approximately|approx\.|about|around|roughly|over|more\s+than|above"
    r"|in\s+excess\s+of|upwards\s+of|close\s+to)\s+|[~≈>]\s*)"
)
_NUMBER = r"(?:\d{1,3}(?:[ \u00a0]\d{3})+(?![\d]|[,.]\d)|\d[\d,]*(?:\.\d+)?|\.\d+)"
_SCALE = r"(?:thousand|million|billion|trillion|crores?|cr|lakhs?|lacs?|lpa|mm|mn|bn|tn|[kmbtl])"
# The currency codes the financial pack finds, before or after an amount.
_CODE = (
    r"(?:USD|EUR|GBP|INR|CAD|AUD|SGD|JPY|NZD|HKD|NTD|TWD|AED|SAR|QAR|KWD|CHF|CNY|RMB|MYR|THB|IDR|VND|KRW|ZAR"
    r"|BRL|MXN|SEK|NOK|DKK|PLN|PKR|BDT|LKR|NGN|KES|EGP|RM|Dhs?\.?|Rp\.?|PHP|Rs\.?)"
)
_PERIOD = r"(?:/\s*|per\s+|an?\s+|each\s+)(?P<period>month|mo|year|yr|annum|quarter|qtr|week|wk)\b"
_WORD = r"[^\W\d_][\w&'’-]*"
_GROWTH = r"(?:increased|grew|raised|boosted|improved|lifted|expanded|scaled|multiplied)"
_LABEL_WORD = (
    r"(?:(?:personal|home|work|office|direct|mobile|cell|primary|current|permanent|present|contact|employee"
    r"|staff|expected|desired|asking|last|previous|starting|ending|drawn|annual|monthly|hourly|daily|day"
    r"|contract|billing|base|gross|net|security|immigration|(?:father|mother|spouse|husband|wife|guardian"
    r"|parent)(?:'s|’s|s)?)\s+)*"
    r"(?:phone|mobile|cell|cellphone|tel|telephone|ph|mob|e-?mail|mail|whatsapp|fax|address|dob|d\.o\.b"
    r"|date\s+of\s+birth|birth\s*date|place\s+of\s+birth|birth\s*place|born|age|ssn|sin|passport"
    r"|aadhaa?r|pan|visa|id|badge|ext|extension|height|weight|nationality|citizenship|religion|caste"
    r"|community|gender|sex|marital\s+status|children|kids|dependents|health|salary|ctc|pay|package"
    r"|compensation|remuneration|wages?|stipend|rate|bonus|commission|comm|expected|clearance|permit"
    r"|authori[sz]ation|licen[cs]e|name|social\s+security|social\s+insurance|iban|bank|account|a/c|acct"
    r"|swift|ifsc)(?:\s*(?:no|number|#|details|status|name|level))?\.?"
)
# Labels run together in one field: "Age & Date of Birth: 29, 03-04-1985", "Bank: IBAN".
_LABEL_WORDS = rf"{_LABEL_WORD}(?:\s*(?:&|and|/|:)\s*{_LABEL_WORD})*"

PERCENT = re.compile(rf"(?P<num>{_NUMBER})\s*(?:%|percent|per\s+cent|pct)", re.I)
MULTIPLE = re.compile(rf"(?P<num>{_NUMBER})\s*(?:[x×]|-?fold)", re.I)
MONEY = re.compile(
    rf"(?P<pre>(?:US|CA?|AU?|S|SGD|HK|NZ|NT|R)\s?\$|[$£€₹¥]|{_CODE}(?=[\s\d.]))?\s*(?P<num>{_NUMBER})[\s-]*"
    rf"(?P<scale>{_SCALE}\b)?\.?\s*(?P<post>{_CODE}|dollars?|euros?|pounds?|rupees?)?(?:\s*{_PERIOD})?",
    re.I,
)
COUNT = re.compile(
    rf"(?P<num>{_NUMBER})\s*(?P<scale>(?:thousand|million|billion|mm|mn|bn|[kmb])\b)?\+?(?P<noun>(?:\s+{_WORD}){{0,2}})",
    re.I,
)
APPROX_BEFORE = re.compile(rf"{_APPROX}+$", re.I)
APPROX_START = re.compile(rf"^{_APPROX}+", re.I)
DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|our|their|its|his|her|my|your|this|that|each|every)\s+$", re.I)
FIGURES_BEFORE = re.compile(
    r"\b(?:to|of|at|past|exceeding|surpassing|topping|reaching|reached|hit|hitting|than|under|below)\s+$",
    re.I,
)
# "by12%" from exports that drop spaces is still "by 12%".
BY_BEFORE = re.compile(r"\bby\s*$", re.I)
# A saving takes its amount as an object: "saved 8% on supplies", not "saved by 8%".
SAVED_BEFORE = re.compile(r"\b(?:saved|saving|saves|save|trimmed|shaved|recovered|recouped)\s+$", re.I)
# A percentage against a plan says only how far: "15% under budget" is "well under budget".
AGAINST_AFTER = re.compile(r"\s+(?:under|over|below|above|ahead\s+of|behind)\b", re.I)
OF_AFTER = re.compile(r"\s+of\b(?:\s+all\b)?", re.I)
OVER = re.compile(r"(?:over|more\s+than|above|in\s+excess\s+of|upwards\s+of|>)\s*", re.I)
# A percentage after these is a level ("retention of 95%"), not a change.
LEVEL_BEFORE = re.compile(
    r"\b(?:to|of|at|from|than|under|reaching|reached|hit|hitting|is|was|were|are)\s+$", re.I
)
QUOTA_WORD = re.compile(r"\b(?P<goal>quota|target)s?\b", re.I)
# How far before an attainment its quota may be named: "carried a $1.4M quota; hit 113%".
QUOTA_REACH = 40
# An attainment's own goal after it: "achieved 100% of the FY15 goal".
QUOTA_OF = re.compile(
    r"\+?\s+of\s+(?:the\s+)?(?!all\b|every\b|each\b)(?P<words>(?:[\w&/'’-]+\s+){0,3}?)"
    r"(?P<goal>quota|target|plan|goal)s?\b",
    re.I,
)
NEXT_WORD = re.compile(rf"\s+(?P<word>{_WORD})")
PERIOD_AFTER = re.compile(rf"\s*{_PERIOD}|\s(?P<pa>p\.a\.)", re.I)
QUOTA_AFTER = re.compile(
    r"\s*(?:(?:of|to|against|on)\s+)?(?:(?:the|my|our|annual|quarterly|yearly|monthly|team|sales|individual"
    r"|assigned|revenue|bookings)\s+)*(?P<goal>quota|target|plan|goal)s?\b(?!\s+(?:market|audience))"
    r"(?:\s+attainment)?",
    re.I,
)
QUOTA_BEFORE = re.compile(r"\b(?P<goal>quota|target)\s+attainment(?:\s+(?:of|at|was|is)|\s*[:–-])?\s*$", re.I)
QUOTA_VERB_BEFORE = re.compile(
    r"\b(?:(?:consistently|regularly|repeatedly)\s+)?(?:achieved|achieving|attained|hit|hitting|reached"
    r"|delivered|delivering|finished\s+at|ended\s+at|closed\s+at|averaged)\s+$",
    re.I,
)
VERB_OBJECT_BEFORE = re.compile(
    rf"\b(?P<verb>{_GROWTH})\s+(?P<object>(?:(?!{_GROWTH}\b|by\b)[\w&'’/-]+\s+){{0,4}}?)(?:by\s+)?$", re.I
)
COMPARATIVE_AFTER = re.compile(
    r"\s+(?:faster|quicker|more|better|higher|larger|bigger|greater|lower|cheaper|less|fewer|smaller)\b", re.I
)
# A currency named again after its sign: "$8.5 billion dollar bank".
CURRENCY_AFTER = re.compile(r"[ \t]+(?:dollars?|euros?|pounds?|rupees?)\b", re.I)
FROM_BEFORE = re.compile(rf"\bfrom\s+{_APPROX}?$", re.I)
SPREAD_BEFORE = re.compile(r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|spanning)\s+$", re.I)
RANGE_GAP = re.compile(rf"(?:\s*{_PERIOD})?\s*(?:-|–|—|to|→|->)\s*{_APPROX}?", re.I)
PAREN_BEFORE = re.compile(r"\s*\(\s*(?:[A-Za-z/]+\s+){0,2}[+±-]?$")
PAREN_AFTER = re.compile(r"(?:\s+[A-Za-z/]+){0,2}\s*\)")
NAME_GAP = re.compile(r"\s*(?:,\s*(?:(?:and|or|&)\s+)?|(?:and|or|&)\s+)", re.I)
DROP_GAP = re.compile(r"\s*(?:,\s*(?:(?:and|or|&)\s+)?|[-–]\s*|(?:or|and|&|/)\s*)", re.I)
# A referee's name and number sit together, no words between but 'at': "Jane Roe (555) 010-0000".
REFEREE_GAP = re.compile(r"(?:[\s,;:()–-]|\b(?:at|on|via)\b)*", re.I)
CLIENT_CONTEXT = re.compile(r"\b(?:clients?|customers?|accounts?|engagements?|partners?)\b", re.I)
CODENAME_BEFORE = re.compile(
    r"\b(?:project|operation|program(?:me)?|code[- ]?name[sd]?|code-named|initiative)\s+[\"'“‘]?$", re.I
)
# "Code-named Falcon, the product ships" says no more without the name than "The product ships".
CODENAMED_BEFORE = re.compile(r"(?:^|(?<=[\s(]))code[- ]?named\s+[\"'“‘]?$", re.I)
QUOTES = {'"': '"', "'": "'", "“": "”", "‘": "’"}
GENERIC_LABEL = re.compile(r"\s*(?:[A-Za-z(][\w.'’()/&-]*\s+){0,3}[A-Za-z(][\w.'’()/&-]*\s*[:#–—-]\s*")
KNOWN_LABEL = re.compile(rf"(?:^|(?<=[\s(|;,•·*]))(?:{_LABEL_WORDS})[\s:#–—-]*$", re.I)
# Who a referee is to the writer, as a label or a request: "Supervisor: ", "Contact my manager ".
REFEREE_BEFORE = re.compile(
    r"(?:\b(?:references?|referees?|supervisor|manager|reporting\s+manager|reporting\s+to|superior"
    r"|contact\s+person)(?:'s|’s)?(?:\s+name)?\s*[:–-]\s*"
    r"|\b(?:contact|call|reach)\s+my\s+(?:former\s+|current\s+)?(?:manager|supervisor|reference|referee)\s+)$",
    re.I,
)
# What follows a referee's number: leave to call, or why to call.
REFEREE_AFTER = re.compile(
    r"[\s)]*(?:[;,.]?\s*(?:(?:it\s+is\s+)?(?:okay|ok|may|can|please)\s+(?:to\s+)?contact\b[^.;|•]*(?:\.|$)"
    r"|for\s+(?:verification|references?)\b))?",
    re.I,
)
# Words that can stand beside a referee's name without saying anything else: titles and companies.
REFEREE_FILLER = frozenset({"of", "and", "the", "at", "for", "in", "to", "with"})
PREP_BEFORE = re.compile(r"\b(?:at|on|via|in|from|to|of|for|with|by)\s+$", re.I)
# A request to get in touch means nothing once the number or address it points to is gone.
CONTACT_BEFORE = re.compile(
    r"\b(?:call|text|phone|e-?mail|contact|reach|message|whatsapp)(?:\s+(?:me|us))?(?:\s+(?:at|on|via))?\s+$",
    re.I,
)
CLAUSE_END = re.compile(r"\s*(?:[|;•·▪,]|[.!?]|\s[—–]\s|$)")
KIND_AFTER = re.compile(r"\s*\((?:mobile|cell|home|work|office|personal|[mhwc])\)", re.I)
# What only qualifies a value and goes with it: a rate's unit, an age's years, an expectation's floor.
VALUE_TAIL = re.compile(
    r"\s*(?:/\s*|per\s+|an?\s+)(?:hour|hr|h|day|d)\b|\s*(?:hourly|p/?h)\b|\s*(?:years|yrs)(?:\s+old)?\b"
    r"|\s+(?:or\s+(?:more|above|higher|so)|and\s+above)\b",
    re.I,
)
# Words that introduce a personal value or a pay figure and say nothing once it is gone.
VALUE_LEAD = re.compile(
    r"\b(?:born(?:\s+and\s+ra\w+)?\s+in|I\s+am|I'm|aged|looking\s+for|expecting|asking(?:\s+for)?|seeking"
    r"|paid|earning|drawing|charging|available\s+(?:at|for)|billed\s+at)\s+$",
    re.I,
)
# Kinship that introduces family details and goes with them: "father of two children".
KIN_BEFORE = re.compile(
    r"\b(?:(?:a\s+)?(?:proud\s+)?(?:father|mother|parent|mom|dad)\s+of|married\s+to)\s+$", re.I
)
# Words that leave a clause saying nothing once its value is gone: "Well, I am ... years old".
FILLER = re.compile(
    r"a|an|the|and|or|of|at|for|with|per|to|in|on|is|was|am|are|my|our|me|us|i|also|well|so|more|please"
    r"|find|kindly|see|below|above|attached|enclosed|herewith",
    re.I,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# When something happened says nothing once what happened is gone: "(having a baby) in April of 2019".
WHEN = re.compile(
    rf"\b(?:in|on|since|by|until|during|from)\s+(?:(?:early|late|mid)\s+)?(?:{_MONTH}(?:\s+(?:of\s+)?\d{{4}})?|\d{{4}})",
    re.I,
)
FROM_AFTER = re.compile(r"\s+from\s+", re.I)
# A labelled field runs to the next separator, the next label or a comma that starts something new.
FIELD_REST = re.compile(
    r"[^|;•·▪\n]*?(?=\s*(?:[|;•·▪\n]|,(?!\d)(?!\s*[a-z])|[.!?](?:\s|$)|\s[—–]\s|$)"
    r"|(?P<label>\s+[*•]?(?:[A-Za-z(][\w.'’()/&-]*\s+){0,2}[A-Za-z(][\w.'’()/&-]*\s*:))"
)
# More than this many words after a value is the next item of run-together text, not the field's rest.
FIELD_REST_WORDS = 4
PLUS_BEFORE = re.compile(r"\+\s?$")
CHUNK_BREAK = re.compile(r"[|;•·▪●\t]|,(?!\d)|[.!?](?=\s|$)|\s[—–-]\s")
CLAUSE_BREAK = re.compile(r"[|;•·▪●\t]|(?<=[.!?])\s+|\s[—–]\s")
ARTICLE_END = re.compile(r"(?:^|(?<=[\s(]))(?P<article>[Aa]n?)$")
VOWEL_SOUND = re.compile(r"(?i)(?!one\b|once\b|uni|use|usu|uti|eu|ur[aeiou])[aeiou]|hour|honest|heir|8")
# Bullets decoded as other characters ("\x9f", "§") separate fields as well as "|" does.
SEPARATORS = "|,;:•·▪●◦■♦➢►✓§*\x95\x9f—–/"
LEADING = re.compile(r"^[\s|,;:.!?•·▪●◦■♦➢►✓§*\x95\x9f—–-]+")
TRAILING = re.compile(r"[\s|,;:•·▪●◦■♦➢►✓§*\x95\x9f—–-]+(?P<end>[.!?]*)\s*$")
BULLET = re.compile(r"\s*[•●▪◦·*➢✓–-]\s+")
SPACES = re.compile(r"[ \t]{2,}")


class Treatment(StrEnum):
    """How a rewrite handles a flagged span, weakest first."""

    KEEP = "keep"
    FIGURE = "figure"
    MARKER = "marker"
    NAME = "name"
    DROP = "drop"

    @property
    def rank(self) -> int:
        return list(Treatment).index(self)


class Kind(StrEnum):
    """The kinds of figure the ladders generalize."""

    MONEY = "money"
    PERCENT = "percent"
    MULTIPLE = "multiple"
    COUNT = "count"


@dataclass(frozen=True, slots=True)
class Figure:
    """A parsed figure: its kind and value, with a money amount's currency and period, a count's noun."""

    kind: Kind
    value: float
    currency: str = ""
    period: str = ""
    noun: str = ""


@dataclass(frozen=True, slots=True)
class Span:
    """A finding's span in the sentence and how the rewrite handles it; line: its whole line goes with it."""

    start: int
    end: int
    treatment: Treatment
    category: Category
    stand_in: str = ""
    line: bool = False


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace sentence[start:end] with text; copied marks a stretch of the sentence the text repeats."""

    start: int
    end: int
    text: str
    copied: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True)
class Unit:
    """Spans rewritten together (a range, a list of names), with candidate edits best first."""

    spans: tuple[Span, ...]
    candidates: tuple[Edit, ...]


def advise(
    sentence: str,
    findings: Sequence[Finding],
    rules: Mapping[str, Rule],
    offset: int = 0,
    stand_in: Callable[[str], str] = lambda _matched: "",
) -> tuple[Advice, ...]:
    """Advise on each finding of a sentence, all sharing one rewrite; stand_in serves private terms."""
    spans = [_span(sentence, finding, rules.get(finding.rule), offset, stand_in) for finding in findings]
    rewrite = rewrite_sentence(sentence, [span for span in spans if span is not None])
    return tuple(_advice(finding, rules.get(finding.rule), rewrite) for finding in findings)


def _advice(finding: Finding, rule: Rule | None, rewrite: str) -> Advice:
    public, resume = _actions(finding, rule)
    title = " ".join((rule.title if rule else TITLES[finding.category]).split())
    return Advice(public, resume, f"{title}: {_action_phrase(public, resume)}", rewrite)


def _actions(finding: Finding, rule: Rule | None) -> tuple[Action, Action]:
    return rule_actions(rule, finding.category)


def _action_phrase(public: Action, resume: Action) -> str:
    if public is resume and public is not Action.GENERALIZE:
        return f"{public.value} everywhere"
    return f"{PUBLIC_PHRASES[public]}, {RESUME_PHRASES[resume]}"


def _span(
    sentence: str, finding: Finding, rule: Rule | None, offset: int, stand_ins: Callable[[str], str]
) -> Span | None:
    start, end = max(finding.start - offset, 0), min(finding.end - offset, len(sentence))
    if start >= end:
        return None
    category = rule.category if rule else finding.category
    public = _actions(finding, rule)[0]
    # The user's own stand-in for a private term comes first; a rule's is for the names it finds.
    stand_in = stand_ins(finding.text).strip() or (rule.stand_in.strip() if rule else "")
    treatment = _treatment(category, public, sentence[start:end], stand_in)
    if treatment is Treatment.DROP:
        start, end = _balanced(sentence, start, end)
    # A rule that looks only in the references section flags lines that are all about a referee.
    line = rule is not None and rule.sections == {Section.REFERENCES}
    return Span(start, end, treatment, category, stand_in, line)


def _treatment(category: Category, public: Action, text: str, stand_in: str) -> Treatment:
    if public is Action.KEEP:
        return Treatment.KEEP
    figure = category in (Category.FINANCIAL, Category.COMPENSATION)
    if public is Action.GENERALIZE and figure and parse_figure(text) is not None:
        return Treatment.FIGURE
    marker = MARKED.fullmatch(text.strip()) or NDA.fullmatch(text.strip())
    if category is Category.CONFIDENTIAL and not stand_in and marker:
        return Treatment.MARKER
    # A rule that says what to write for a name ('a major client') knows its names may hold digits: 3M, VH1.
    if category is Category.CONFIDENTIAL and _is_name(text, digits=bool(stand_in)):
        return Treatment.NAME
    if public is Action.GENERALIZE and category is Category.FINANCIAL:
        return Treatment.NAME
    return Treatment.DROP


def _balanced(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Widen a value to the bracket or plus sign it opened with: '(+82) 10-9030', '+ 1 (415) 582'."""
    text = sentence[start:end]
    if text.count(")") > text.count("(") and sentence[start - 1 : start] == "(":
        start -= 1
    if text.count("(") > text.count(")") and sentence[end : end + 1] == ")":
        end += 1
    if (plus := PLUS_BEFORE.search(sentence, 0, start)) and sentence[start : start + 1] in "0123456789(":
        start = plus.start()
    return start, end


def _is_name(text: str, digits: bool = False) -> bool:
    """A name has letters; no @, path, host or brackets around it; digits only if allowed and outnumbered."""
    stripped = text.strip()
    letters = sum(c.isalpha() for c in stripped)
    numbers = sum(c.isdigit() for c in stripped)
    return (
        letters > 0
        and (numbers == 0 or (digits and numbers < letters))
        and "@" not in stripped
        and not re.search(r"/[a-z]|[a-z0-9-]\.[a-z]", stripped)
        and not (stripped.startswith("(") and stripped.endswith(")"))
    )


def parse_figure(text: str) -> Figure | None:
    """Read a flagged figure: a money amount, a percentage, a multiple or a count, with approximators."""
    core = re.sub(r"\s+plus$", "", APPROX_START.sub("", text.strip()), flags=re.I).rstrip("+ ").lstrip("+-−")
    if match := PERCENT.fullmatch(core):
        return Figure(Kind.PERCENT, _number(match["num"]))
    if match := MULTIPLE.fullmatch(core):
        return Figure(Kind.MULTIPLE, _number(match["num"]))
    money = MONEY.fullmatch(core)
    scale = (money["scale"] or "").lower() if money else ""
    if money and (money["pre"] or money["post"] or scale in INDIAN_SCALES):
        sign = (money["pre"] or money["post"] or "").strip().lower()
        currency = "rupee" if scale in INDIAN_SCALES else CURRENCIES.get(sign, "")
        period = "year" if scale == "lpa" else (money["period"] or "").lower()
        return Figure(Kind.MONEY, _number(money["num"]) * SCALES.get(scale, 1), currency, period)
    if match := COUNT.fullmatch(core):
        scale = SCALES.get((match["scale"] or "").lower(), 1)
        return Figure(Kind.COUNT, _number(match["num"]) * scale, noun=match["noun"].strip())
    return None


def _number(digits: str) -> float:
    try:
        value = float(re.sub(r"[,\s]", "", digits))
    except ValueError:
        return 0.0
    return value if math.isfinite(value) else 1e300


def _step(ladder: Sequence[tuple[float, str]], value: float) -> str:
    """The phrase of the highest floor the value reaches; exactly on a floor drops 'more than'."""
    for floor, phrase in ladder:
        if value >= floor:
            return EXACT.get(phrase, phrase) if value == floor else phrase
    return ladder[-1][1]


def money_adjective(figure: Figure) -> str:
    """'six-figure', 'multi-million-dollar', 'multi-crore'."""
    if figure.currency == "rupee" and figure.value >= RUPEE_ADJECTIVES[-1][0]:
        return _step(RUPEE_ADJECTIVES, figure.value)
    phrase = _step(MONEY_ADJECTIVES, figure.value)
    if figure.currency:
        return phrase.format(figure.currency)
    return phrase.replace("-{}", "") if phrase.startswith("multi") else phrase.replace("{}", "plus")


def money_noun(figure: Figure) -> str:
    """'millions', 'tens of thousands', 'crores'."""
    if figure.currency == "rupee" and figure.value >= RUPEE_NOUNS[-1][0]:
        return _step(RUPEE_NOUNS, figure.value)
    return _step(MONEY_NOUNS, figure.value)


def money_figures(figure: Figure) -> str:
    """'eight figures', for after 'to' or 'of'; rupees and extremes fall back to the noun form."""
    digits = len(str(int(figure.value))) if 100 <= figure.value < 1e10 else 0
    if figure.currency == "rupee" or digits not in FIGURE_WORDS:
        return money_noun(figure)
    return f"{FIGURE_WORDS[digits]} figures"


def percent_level(percent: float) -> str:
    """A level as the ten below it: 95% and 100% read 'over 90%'; under 10%, 'a single-digit percentage'."""
    if percent <= 10:
        return "a single-digit percentage" if percent < 10 else "around a tenth"
    return f"over {min(math.ceil(percent / 10) * 10 - 10, 100)}%"


def percent_amount(percent: float) -> str:
    """'more than a third', 'double digits'; from 100% up, a fold: 'more than twofold'."""
    return fold(1 + percent / 100) if percent >= 100 else _step(PERCENT_AMOUNTS, percent)


def fold(ratio: float) -> str:
    """'tripled' as an adverb: 'threefold', 'several-fold'; under 2, a 'by' phrase."""
    return _step(FOLDS, ratio) if ratio >= 2 else "by " + _step(PERCENT_AMOUNTS, abs(ratio - 1) * 100)


def count_phrase(value: float, noun: str = "") -> str:
    """'thousands of units', 'several accounts', 'hundreds'."""
    amount = _step(COUNTS, value)
    if not noun:
        return amount
    return (
        f"{amount} of {noun}" if amount.endswith("s") and not amount.endswith("plus") else f"{amount} {noun}"
    )


def change_phrase(first: Figure, second: Figure) -> str:
    """A change from one figure to another: 'several-fold', 'by more than half', 'by several points'."""
    if first.kind is Kind.PERCENT:
        return _step(POINTS, abs(second.value - first.value))
    ratio = second.value / first.value
    if ratio >= 2:
        return _step(FOLDS, ratio)
    return "by " + _step(PERCENT_AMOUNTS, abs(ratio - 1) * 100)


def plain_phrase(figure: Figure) -> str:
    """The phrase that stands in for a figure wherever it sits."""
    match figure.kind:
        case Kind.MONEY:
            return money_noun(figure) + (f" {PERIODS[figure.period][1]}" if figure.period else "")
        case Kind.PERCENT:
            return percent_amount(figure.value)
        case Kind.MULTIPLE:
            return fold(figure.value)
        case Kind.COUNT:
            return count_phrase(figure.value, figure.noun)


# A rewrite groups spans that read as one phrase (a range, a list of names), lets each group offer edits
# from the widest (absorbing "achieved ... of quota", a label, a determiner) to the span alone, keeps the
# widest that neither overlaps another edit nor cuts or repeats a span, then tidies every seam.
def rewrite_sentence(sentence: str, spans: Sequence[Span]) -> str:
    """The sentence with every span handled at once: figures generalized, names replaced, values dropped."""
    active = _merge([span for span in spans if span.treatment is not Treatment.KEEP])
    if not active:
        return sentence
    edits = _choose(sentence, _units(sentence, active), active)
    return _assemble(sentence, edits)


def _merge(spans: Sequence[Span]) -> list[Span]:
    """Join overlapping spans; the strongest treatment of those joined wins."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start < merged[-1].end:
            last = merged.pop()
            strongest = max(last, span, key=lambda s: s.treatment.rank)
            span = Span(
                last.start,
                max(last.end, span.end),
                strongest.treatment,
                strongest.category,
                strongest.stand_in,
            )
        merged.append(span)
    return merged


def _units(sentence: str, spans: Sequence[Span]) -> list[Unit]:
    units: list[Unit] = []
    index = 0
    while index < len(spans):
        group = _group(sentence, spans, index)
        units.append(Unit(group, tuple(_candidates(sentence, group))))
        index += len(group)
    return units


def _group(sentence: str, spans: Sequence[Span], index: int) -> tuple[Span, ...]:
    """The spans from index that read as one phrase: a range, a list of names, 'phone or e-mail'."""
    first = spans[index]
    group = [first]
    for span in spans[index + 1 :]:
        last, gap = group[-1], sentence[group[-1].end : span.start]
        if span.treatment is not first.treatment:
            break
        if first.treatment is Treatment.FIGURE:
            a, b = (
                parse_figure(sentence[last.start : last.end]),
                parse_figure(sentence[span.start : span.end]),
            )
            if len(group) == 1 and a and b and a.kind is b.kind and RANGE_GAP.fullmatch(gap):
                group.append(span)
            break
        if first.treatment is Treatment.NAME:
            joins = NAME_GAP.fullmatch(gap) and _stand_in(sentence, span) == _stand_in(sentence, first)
        else:
            gaps = REFEREE_GAP if first.category is Category.REFERENCES else DROP_GAP
            joins = gaps.fullmatch(gap) and (span.category, span.stand_in) == (first.category, first.stand_in)
        if not joins:
            break
        group.append(span)
    return tuple(group)


def _candidates(sentence: str, group: Sequence[Span]) -> list[Edit]:
    match group[0].treatment:
        case Treatment.FIGURE:
            return _figure_group_edits(sentence, group)
        case Treatment.MARKER:
            return _marker_edits(sentence, group)
        case Treatment.NAME:
            return _name_edits(sentence, group)
        case _:
            return _drop_edits(sentence, group)


def _choose(sentence: str, units: Sequence[Unit], spans: Sequence[Span]) -> list[Edit]:
    """Take each unit's best edit that fits; a unit with none left falls back to its spans alone."""
    accepted: list[Edit] = []
    for unit in sorted(units, key=lambda u: (-u.spans[0].treatment.rank, u.spans[0].start)):
        pending = [s for s in unit.spans if not any(e.start <= s.start and s.end <= e.end for e in accepted)]
        if not pending:
            continue
        if len(pending) == len(unit.spans):
            edit = next((c for c in unit.candidates if _fits(c, accepted, spans)), None)
            if edit is not None:
                accepted.append(edit)
                continue
        accepted.extend(Edit(s.start, s.end, _fallback(sentence, s)) for s in pending)
    return sorted(accepted, key=lambda e: e.start)


def _fits(edit: Edit, accepted: Sequence[Edit], spans: Sequence[Span]) -> bool:
    """An edit may not touch another edit, cut a span in two, or repeat any span's text."""
    if any(edit.start < other.end and other.start < edit.end for other in accepted):
        return False
    for span in spans:
        inside = edit.start <= span.start and span.end <= edit.end
        if not inside and edit.start < span.end and span.start < edit.end:
            return False
        if edit.copied[0] < span.end and span.start < edit.copied[1]:
            return False
    return True


def _fallback(sentence: str, span: Span) -> str:
    match span.treatment:
        case Treatment.FIGURE:
            figure = parse_figure(sentence[span.start : span.end])
            return plain_phrase(figure) if figure else AMOUNT_STAND_IN
        case Treatment.MARKER:
            return _unmarked(sentence[span.start : span.end])
        case Treatment.NAME:
            return _stand_in(sentence, span)
        case _:
            return _filled(span.stand_in, sentence[span.start : span.end], sentence)


def _figure_group_edits(sentence: str, group: Sequence[Span]) -> list[Edit]:
    figures = [parse_figure(sentence[s.start : s.end]) for s in group]
    first = figures[0]
    if first is None:
        return []
    if len(group) == 1:
        return _figure_edits(sentence, group[0].start, group[0].end, first)
    second = figures[1]
    assert second is not None  # _group pairs only figures that parse
    start, end = group[0].start, group[1].end
    edits: list[Edit] = []
    came_from = FROM_BEFORE.search(sentence, 0, start)
    if came_from and SPREAD_BEFORE.search(sentence, 0, came_from.start()):
        # "deals ranging from £10K to £100K" is a spread of sizes, not a change from one to the other.
        return [Edit(start, end, _spread(first, second)), *_figure_edits(sentence, start, end, first)]
    if came_from and first.value > 0:
        period = PERIOD_AFTER.match(sentence, end)
        stop = period.end() if period else end
        noun = NEXT_WORD.match(sentence, stop) if first.kind is Kind.COUNT and not second.noun else None
        stop = noun.end() if noun and _is_noun(noun["word"]) else stop
        edits.append(Edit(came_from.start(), stop, change_phrase(first, second)))
    lower = first if first.value <= second.value else second
    return edits + _figure_edits(sentence, start, end, lower)


def _spread(first: Figure, second: Figure) -> str:
    """Both ends of a range of sizes: 'five to six figures', 'dozens to hundreds'."""
    low, high = (_size(first), _size(second))
    if low == high:
        return low
    shared = " figures"
    if low.endswith(shared) and high.endswith(shared):
        return f"{low.removesuffix(shared)} to {high}"
    return f"{low} to {high}"


def _size(figure: Figure) -> str:
    match figure.kind:
        case Kind.MONEY:
            return money_figures(figure)
        case Kind.PERCENT:
            return percent_level(figure.value)
        case _:
            return plain_phrase(figure)


def _figure_edits(sentence: str, start: int, end: int, figure: Figure) -> list[Edit]:
    """Candidate rewrites of one figure, best first; the last replaces the figure alone."""
    approx = APPROX_BEFORE.search(sentence, 0, start)
    wide_start = approx.start() if approx else start
    wide_end = end + 1 if sentence[end : end + 1] == "+" else end
    edits: list[Edit] = []
    if (before := PAREN_BEFORE.search(sentence, 0, wide_start)) and (
        after := PAREN_AFTER.match(sentence, wide_end)
    ):
        outside = sentence[: before.start()] + sentence[after.end() :]
        if any(c.isalnum() for c in outside):
            edits.append(Edit(before.start(), after.end(), ""))
    match figure.kind:
        case Kind.MONEY:
            edits += _money_edits(sentence, wide_start, wide_end, figure)
        case Kind.PERCENT:
            edits += _percent_edits(sentence, wide_start, wide_end, figure.value)
        case Kind.MULTIPLE:
            edits += _multiple_edits(sentence, wide_start, wide_end, figure.value)
        case Kind.COUNT:
            edits += _count_edits(sentence, wide_start, wide_end, figure)
    return [*edits, Edit(start, end, plain_phrase(figure))]


def _money_edits(sentence: str, start: int, end: int, figure: Figure) -> list[Edit]:
    if figure.currency and (unit := CURRENCY_AFTER.match(sentence, end)):
        end = unit.end()
    period = figure.period
    if not period and (match := PERIOD_AFTER.match(sentence, end)):
        period, end = (match["period"] or match["pa"]).lower(), match.end()
    adjective, noun = (f" {PERIODS[period][0]}", f" {PERIODS[period][1]}") if period else ("", "")
    before = sentence[:start]
    noun_follows = _noun_follows(sentence, end)
    if noun_follows or DETERMINER_BEFORE.search(before):
        text = f"{money_adjective(figure)}{adjective}" + ("" if noun_follows else " sum")
    elif FIGURES_BEFORE.search(before):
        text = money_figures(figure) + noun
    else:
        text = money_noun(figure) + noun
    return [Edit(start, end, text)]


def _percent_edits(sentence: str, start: int, end: int, percent: float) -> list[Edit]:
    before = sentence[:start]
    edits: list[Edit] = []
    over = OVER.match(sentence, start) is not None or sentence[start:end].endswith("+")
    exceeded = percent > 100 or (percent == 100 and over)
    if quota := QUOTA_AFTER.match(sentence, end):
        edits.append(_quota_edit(sentence, start, quota.end(), quota["goal"].lower(), percent, exceeded))
    if percent >= 100 and (quota_before := QUOTA_BEFORE.search(before)):
        edits.append(Edit(quota_before.start(), end, _against(quota_before["goal"], exceeded)))
    verb = QUOTA_VERB_BEFORE.search(before)
    if percent >= 100 and verb and (own := QUOTA_OF.match(sentence, end)):
        edits.append(Edit(verb.start(), own.end(), _against(own["goal"], exceeded, own["words"])))
    elif (
        percent >= 100 and verb and (goal := QUOTA_WORD.search(sentence, max(0, start - QUOTA_REACH), start))
    ):
        edits.append(Edit(verb.start(), end, _against(goal["goal"], exceeded)))
    if percent >= 100:
        edits += _verb_edits(sentence, start, end, 1 + percent / 100)
    by = BY_BEFORE.search(before)
    if by:
        edits.append(Edit(by.start(), end, ("" if percent >= 100 else "by ") + percent_amount(percent)))
    elif percent <= 100 and (of := OF_AFTER.match(sentence, end)):
        # "over 100% of the goal" is more than the goal; "100% of all goals", all of them.
        if exceeded:
            edits.append(Edit(start, of.end(), "more than"))
        elif of.group().endswith("all"):
            edits.append(Edit(start, of.end(), _step(PERCENT_SHARES, percent)))
        else:
            edits.append(Edit(start, end, _step(PERCENT_SHARES, percent)))
    elif AGAINST_AFTER.match(sentence, end):
        edits.append(Edit(start, end, "well" if percent >= 10 else "slightly"))
    elif percent < 100 and SAVED_BEFORE.search(before):
        edits.append(Edit(start, end, percent_amount(percent)))
    elif _noun_follows(sentence, end):
        edits.append(Edit(start, end, _percent_adjective(sentence, end, percent)))
    elif DETERMINER_BEFORE.search(before):
        edits.append(Edit(start, end, f"{_step(PERCENT_ADJECTIVES, percent)} percentage"))
    elif LEVEL_BEFORE.search(before):
        edits.append(Edit(start, end, percent_level(percent)))
    else:
        edits.append(Edit(start, end, ("" if percent >= 100 else "by ") + percent_amount(percent)))
    return edits


def _quota_edit(sentence: str, start: int, end: int, goal: str, percent: float, exceeded: bool) -> Edit:
    verb = QUOTA_VERB_BEFORE.search(sentence, 0, start)
    if percent < 100:
        return Edit(start, end, f"{'most' if percent >= 50 else 'part'} of {goal}")
    if verb or _clause_start(sentence, start):
        return Edit(verb.start() if verb else start, end, _against(goal, exceeded))
    return Edit(start, end, f"above-{goal} results" if exceeded else f"on-{goal} results")


def _against(goal: str, exceeded: bool, words: str = "") -> str:
    """A result against a goal: 100% met it, more exceeded it; 'the FY15 goal' was met once."""
    verb = "exceeded" if exceeded else "met"
    if words.strip():
        return f"{verb} the {words.strip()} {goal.lower()}"
    return f"consistently {verb} {goal.lower()}"


def _clause_start(sentence: str, start: int) -> bool:
    return not sentence[:start].strip() or bool(re.search(r"[.!?:;|•]\s*$", sentence[:start]))


def _verb_edits(sentence: str, start: int, end: int, ratio: float) -> list[Edit]:
    """'grew revenue 3x' -> 'tripled revenue', for ratios under 5 where a verb says it."""
    match = VERB_OBJECT_BEFORE.search(sentence, 0, start)
    if not match or not 2 <= ratio < 5 or _noun_follows(sentence, end):
        return []
    obj = match["object"].rstrip()
    copied = (match.start("object"), match.start("object") + len(obj))
    return [Edit(match.start(), end, f"{_step(FOLD_VERBS, ratio)} {obj}".rstrip(), copied)]


def _multiple_edits(sentence: str, start: int, end: int, ratio: float) -> list[Edit]:
    edits = _verb_edits(sentence, start, end, ratio)
    if COMPARATIVE_AFTER.match(sentence, end):
        return [*edits, Edit(start, end, _step(COMPARISONS, ratio))]
    by = BY_BEFORE.search(sentence, 0, start)
    if by:
        return [*edits, Edit(by.start(), end, fold(ratio))]
    if _noun_follows(sentence, end):
        adjective = _step(FOLDS, ratio) if ratio >= 2 else _step(PERCENT_ADJECTIVES, abs(ratio - 1) * 100)
        return [*edits, Edit(start, end, adjective)]
    return [*edits, Edit(start, end, fold(ratio))]


def _count_edits(sentence: str, start: int, end: int, figure: Figure) -> list[Edit]:
    noun = NEXT_WORD.match(sentence, end)
    # "a 4 billion global organization": a bare scaled figure after an article describes a size in money.
    if not figure.noun and figure.value >= 1e6 and DETERMINER_BEFORE.search(sentence, 0, start):
        return [Edit(start, end, money_adjective(replace(figure, kind=Kind.MONEY)))]
    if not figure.noun and noun and _is_noun(noun["word"]):
        return [Edit(start, noun.end(), count_phrase(figure.value, noun["word"]))]
    return [Edit(start, end, count_phrase(figure.value, figure.noun))]


def _percent_adjective(sentence: str, end: int, percent: float) -> str:
    """'double-digit growth'; a rate near the top of its scale is 'near-perfect': 98% retention."""
    if percent >= NEAR_PERFECT and not CHANGE_NOUN.match(sentence, end):
        return "perfect" if percent == 100 else "near-perfect"
    return _step(PERCENT_ADJECTIVES, percent)


def _noun_follows(sentence: str, end: int) -> bool:
    match = NEXT_WORD.match(sentence, end)
    # One letter after a figure is a stray character of a broken line, not a noun.
    return match is not None and len(match["word"]) > 1 and _is_noun(match["word"])


def _is_noun(word: str) -> bool:
    """Good enough for what follows a figure: an acronym, or not a function word nor a past participle."""
    if word.isupper() and len(word) > 1:
        return True
    lower = word.lower()
    return not NOT_NOUN.fullmatch(lower) and not (lower.endswith("ed") and not lower.endswith("eed"))


def _stand_in(sentence: str, span: Span) -> str:
    if span.stand_in:
        return span.stand_in
    if span.category is Category.FINANCIAL:
        return AMOUNT_STAND_IN
    name = sentence[span.start : span.end]
    # The name itself says more than its sentence: "Project Falcon" is an initiative even
    # beside "accounts", and "Northwind Logistics" a client even with no client word near.
    if CODENAME_BEFORE.search(name.split(" ")[0] + " "):
        return INITIATIVE_STAND_IN
    if CORPORATE_SUFFIX.search(name) or _kind(name):
        return CLIENT_STAND_IN
    return CLIENT_STAND_IN if CLIENT_CONTEXT.search(sentence) else INITIATIVE_STAND_IN


def _described(stand_in: str, names: Sequence[str]) -> str:
    """'a major client' as 'a major logistics client' when every name says its trade."""
    core, aside = _split_aside(stand_in)
    head, _, last = core.rpartition(" ")
    kinds = {_kind(name) for name in names}
    kind = kinds.pop() if len(kinds) == 1 else ""
    article, _, middle = head.partition(" ") if ARTICLE.fullmatch(head.split(" ")[0]) else ("", "", head)
    if not kind or last.lower() not in KIND_HEADS or not set(middle.lower().split()) <= SIZE_WORDS:
        return stand_in
    described = " ".join(word for word in (middle, kind, last) if word)
    return f"{_article(described) if article else ''}{described}{aside}"


def _kind(name: str) -> str:
    core = CORPORATE_SUFFIX.sub("", " ".join(name.split()))
    if (of := KIND_OF.match(core)) is not None:
        return "education" if of["head"].lower() == "university" else "public-sector"
    return next((kind for pattern, kind in KIND_PATTERNS if pattern.search(core)), "")


def _split_aside(phrase: str) -> tuple[str, str]:
    """'a security clearance (details on request)' as its phrase and its parenthesis."""
    core, paren, aside = phrase.partition(" (")
    return core, f"{paren}{aside}"


def _article(phrase: str) -> str:
    return "an " if VOWEL_SOUND.match(phrase) else "a "


def _alone(phrase: str) -> str:
    """A stand-in that makes up its whole field: no article, a capital ('Valid passport')."""
    return _capitalize(_without_article(phrase))


def _name_edits(sentence: str, group: Sequence[Span]) -> list[Edit]:
    start, end = group[0].start, group[-1].end
    stand_in = _stand_in(sentence, group[0])
    if group[0].stand_in:
        stand_in = _described(stand_in, [sentence[s.start : s.end] for s in group])
    after = MARKER_AFTER.match(sentence, end) or ALIAS_AFTER.match(sentence, end)
    following = NEXT_WORD.match(sentence, after.end() if after else end)
    noun = following["word"] if following and _is_noun(following["word"]) else ""
    edits = _aside_edits(sentence, start, end)
    if len(group) > 1:
        text = _names_phrase(len(group), stand_in, noun)
        if not noun and (label := _own_label(sentence, start, stand_in)) is not None:
            edits.append(Edit(label, end, _capitalize(text)))
        the = re.search(r"\bthe\s+$", sentence[:start], re.I) if not noun else None
        return [*edits, Edit(the.start() if the else start, end, text)]
    edits += _described_edits(sentence, start, end)
    text = _before_noun(stand_in, noun) if noun else stand_in
    wide_start, wide_end = start, end
    opening = sentence[start - 1 : start]
    if opening in QUOTES and sentence[end : end + 1] == QUOTES[opening]:
        wide_start, wide_end = start - 1, end + 1
    if aside := MARKER_AFTER.match(sentence, wide_end) or ALIAS_AFTER.match(sentence, wide_end):
        wide_end = aside.end()
    if (named := CODENAMED_BEFORE.search(sentence, 0, wide_start)) and (
        comma := re.match(r"\s*,\s*", sentence[wide_end:])
    ):
        edits.append(Edit(named.start(), wide_end + comma.end(), ""))
    if codename := CODENAME_BEFORE.search(sentence, 0, start):
        wide_start = codename.start()
    if not noun and (deal := DEAL_BEFORE.search(sentence, 0, wide_start)):
        edits.append(Edit(deal.start(), wide_end, _article(deal["deal"]) + deal["deal"].lower()))
    if not noun and (label := _own_label(sentence, wide_start, stand_in)) is not None:
        edits.append(Edit(label, wide_end, _alone(text)))
    if text != _without_article(text) and (det := DETERMINER_BEFORE.search(sentence, 0, wide_start)):
        wide_start = det.start()
    return [*edits, Edit(wide_start, wide_end, text), Edit(start, end, text)]


def _aside_edits(sentence: str, start: int, end: int) -> list[Edit]:
    """A name in brackets is an aside ('internal software (CIDAR)', 'a retailer (Walmart)'): drop it."""
    before = re.search(r"\s*\(\s*$", sentence[:start])
    after = re.match(r"\s*\)", sentence[end:])
    if not before or not after:
        return []
    outside = sentence[: before.start()] + sentence[end + after.end() :]
    return [Edit(before.start(), end + after.end(), "")] if any(c.isalnum() for c in outside) else []


def _described_edits(sentence: str, start: int, end: int) -> list[Edit]:
    """A name beside its own description goes: 'our internal engine ORCA', 'ORCA, our internal engine'."""
    if before := DESCRIBED_BEFORE.search(sentence, 0, start):
        gap = before["gap"]
        rest = sentence[end:]
        stop = end + len(rest) - len(rest.lstrip(" \t\"”')")) if gap.strip() else end
        return [Edit(before.start("gap"), stop, "")]
    if after := DESCRIBED_AFTER.match(sentence, end):
        return [Edit(start, after.start("description"), "")]
    return []


def _own_label(sentence: str, start: int, stand_in: str) -> int | None:
    """Where a label naming what the stand-in names starts ('Clearance: ', 'Clients: '), if one leads."""
    chunk = _bounds(sentence, start, start, CHUNK_BREAK)[0]
    text = sentence[chunk:start]
    head = _split_aside(stand_in)[0].rpartition(" ")[2].lower()
    if not text.strip() or not GENERIC_LABEL.fullmatch(text):
        return None
    words = {word.lower().rstrip("s") for word in re.findall(r"[A-Za-z]+", text)}
    return chunk + len(text) - len(text.lstrip()) if head.rstrip("s") in words else None


def _before_noun(stand_in: str, noun: str) -> str:
    """A stand-in where the name modified a noun: 'an internal' engine, 'a key client's' revenue."""
    head, _, last = stand_in.rpartition(" ")
    if last.lower() in GENERIC_HEADS and _without_article(head):
        phrase = head
        inner, _, word = head.rpartition(" ")
        if word.lower() in GENERIC_HEADS and noun.lower() in GENERIC_HEADS and _without_article(inner):
            phrase = inner
    elif not COMPOUNDS.fullmatch(noun):
        return f"{stand_in}'s"
    else:
        phrase = stand_in
    return _without_article(phrase) if _is_plural(noun) else phrase


def _names_phrase(count: int, stand_in: str, noun: str) -> str:
    """Several names in a row: 'three major retail clients', 'two key client accounts'."""
    number = NUMBER_WORDS.get(count, "several")
    bare = _without_article(stand_in)
    if not noun:
        return f"{number} {_plural(bare)}"
    head, _, last = bare.rpartition(" ")
    if last.lower() in GENERIC_HEADS and head:
        return f"{number} {head}"
    return f"{number} {bare}" if COMPOUNDS.fullmatch(noun) else f"{number} {_plural(bare)}'"


def _is_plural(noun: str) -> bool:
    return noun.lower().endswith("s") and not noun.lower().endswith(("ss", "us", "is"))


def _without_article(phrase: str) -> str:
    return re.sub(r"^(?:an?|the)\s+", "", phrase, flags=re.I)


def _plural(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(?:s|x|z|ch|sh)$", last):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}".strip()


def _marker_edits(sentence: str, group: Sequence[Span]) -> list[Edit]:
    """A marker goes and what it marked stays: 'a confidential client' reads 'a client'."""
    start, end = group[0].start, group[-1].end
    text = sentence[start:end]
    edits: list[Edit] = []
    if aside := _aside(sentence, start, end, 0):
        edits.append(Edit(*aside, ""))
    if NDA.fullmatch(text.strip()) and COPULA_BEFORE.search(sentence, 0, start):
        edits.append(Edit(start, end, "confidential"))
    return [*edits, Edit(start, end, _unmarked(text))]


def _unmarked(text: str) -> str:
    marked = MARKED.fullmatch(text.strip())
    if not marked:
        return ""
    rest = marked["rest"]
    return "organizational redesign" if REORGANIZATION.fullmatch(rest) else rest


def _drop_edits(sentence: str, group: Sequence[Span]) -> list[Edit]:
    start, end = group[0].start, group[-1].end
    stand_in = _filled(group[0].stand_in, sentence[start:end], sentence)
    stop = _value_end(sentence, end)
    edits = _referee_edits(sentence, group, stop) if group[0].category is Category.REFERENCES else []
    if aside := _aside(sentence, start, stop, 3):
        edits.append(Edit(*aside, stand_in))
    label = _label_start(sentence, start)
    if label is not None:
        rest = FIELD_REST.match(sentence, stop)
        if rest and len(rest.group().split()) <= (0 if rest["label"] else FIELD_REST_WORDS):
            edits.append(Edit(label, rest.end(), _fitted(sentence, label, rest.end(), stand_in)))
        edits.append(Edit(label, stop, _fitted(sentence, label, stop, stand_in)))
    elif not stand_in and not edits and (bare := _bare_clause(sentence, start, stop)):
        edits.append(Edit(*bare, ""))
    if not stand_in and (kin := KIN_BEFORE.search(sentence, 0, start)):
        edits.append(Edit(kin.start(), stop, ""))
    # A statement ('Authorized to work in the US') may stand for its whole chunk; a thing or a place
    # ('a valid passport', '{city}') only for the value.
    if stand_in and not ARTICLE_START.match(stand_in) and not PLACEHOLDER.fullmatch(group[0].stand_in):
        left, right = _bounds(sentence, start, end, CHUNK_BREAK)
        if len((sentence[left:start] + sentence[end:right]).split()) <= 3:
            text = _mid_sentence(stand_in) if _after_comma(sentence, left) else stand_in
            edits.append(Edit(left, right, text))
    if not stand_in:
        contact = CONTACT_BEFORE.search(sentence, 0, start) if CLAUSE_END.match(sentence, stop) else None
        lead = contact or PREP_BEFORE.search(sentence, 0, start)
        # "based on disability from service" reads "based on service": the second preposition goes.
        if lead and not contact and (source := FROM_AFTER.match(sentence, stop)):
            edits.append(Edit(start, source.end(), ""))
        if lead:
            edits.append(Edit(lead.start(), stop, ""))
    return [*edits, Edit(start, stop, stand_in), Edit(start, end, stand_in)]


def _value_end(sentence: str, end: int) -> int:
    """Where a value ends with what only qualifies it: '(mobile)' after a number, 'per annum' after pay."""
    after = (
        KIND_AFTER.match(sentence, end)
        or PERIOD_AFTER.match(sentence, end)
        or VALUE_TAIL.match(sentence, end)
    )
    return after.end() if after else end


def _bare_clause(sentence: str, start: int, stop: int) -> tuple[int, int] | None:
    """The clause around a value if nothing in it says more than the value: 'Looking for 12 LPA or more'."""
    lead = VALUE_LEAD.search(sentence, 0, start)
    first = lead.start() if lead else start
    left, right = _bounds(sentence, first, stop, CLAUSE_BREAK)
    rest = WHEN.sub(" ", sentence[left:first] + " " + sentence[stop:right])
    said = [w for w in re.findall(r"[^\W_][\w'’-]*", rest) if not FILLER.fullmatch(w)]
    return None if said else (left, right)


def _fitted(sentence: str, start: int, end: int, stand_in: str) -> str:
    """A stand-in for a whole field reads as a field ('Valid passport'); within a sentence, as written."""
    left, right = _bounds(sentence, start, end, CHUNK_BREAK)
    return _alone(stand_in) if stand_in and (left, right) == (start, end) else stand_in


def _aside(sentence: str, start: int, end: int, words: int) -> tuple[int, int] | None:
    """The brackets around a value with at most this many other words inside: '(avg comm. $3,800)'."""
    opening = sentence.rfind("(", 0, start)
    closing = sentence.find(")", end)
    if opening < 0 or closing < 0 or ")" in sentence[opening:start] or "(" in sentence[end:closing]:
        return None
    inside = sentence[opening + 1 : start] + " " + sentence[end:closing]
    outside = sentence[:opening] + sentence[closing + 1 :]
    if len(inside.split()) > words or not any(c.isalnum() for c in outside):
        return None
    while opening > 0 and sentence[opening - 1] in " \t":
        opening -= 1
    return opening, closing + 1


def _referee_edits(sentence: str, group: Sequence[Span], stop: int) -> list[Edit]:
    """A referee goes with the label or request that introduced them and the leave to call them."""
    if group[0].line:
        return [Edit(0, len(sentence), "")]
    start = group[0].start
    lead = REFEREE_BEFORE.search(sentence, 0, start)
    first = lead.start() if lead else start
    last = after.end() if (after := REFEREE_AFTER.match(sentence, stop)) else stop
    left, right = _bounds(sentence, first, last, CLAUSE_BREAK)
    left, right = min(left, first), max(right, last)
    rest = sentence[left:first] + " " + sentence[last:right]
    said = [w for w in re.findall(r"\b[a-z][a-z'’-]+\b", rest) if w not in REFEREE_FILLER]
    edits = [] if said else [Edit(left, right, "")]
    return [*edits, Edit(first, last, "")]


def _filled(stand_in: str, text: str, sentence: str) -> str:
    """The stand-in with its {city} or {country} taken from the flagged text; without them, nothing."""

    values: list[str] = []

    def fill(match: re.Match[str]) -> str:
        value = _city(text) if match["name"] == "city" else _country(text, sentence)
        values.append(value)
        return match.group().replace("{" + match["name"] + "}", value)

    filled = PLACEHOLDER.sub(fill, stand_in).strip()
    return filled if all(values) else ""


def _country(text: str, sentence: str) -> str:
    for where in (text, sentence):
        for pattern, country in COUNTRY_PATTERNS:
            if pattern.search(where):
                return country
    return ""


def _city(address: str) -> str:
    """The town and region of an address, from its end: 'Evanston, IL' of '4127 Quillfeather Lane, ...'."""
    places: list[str] = []
    for part in reversed([p.strip() for p in address.split(",")]):
        part = POSTCODE.sub("", part).strip(" .")
        if not part:
            continue
        street = list(STREET_PART.finditer(part))
        place = part[street[-1].end() :].strip(" .,#-") if street else part
        if PLACE.fullmatch(place):
            places.insert(0, place)
        if street or not PLACE.fullmatch(place) or len(places) == 2:
            break
    return ", ".join(places)


def _after_comma(sentence: str, start: int) -> bool:
    return sentence[:start].rstrip().endswith(",")


def _mid_sentence(phrase: str) -> str:
    """'Authorized to work' after a comma reads 'authorized to work'; acronyms keep their case."""
    first = phrase.split(" ", 1)[0]
    return phrase[0].lower() + phrase[1:] if first.istitle() and len(first) > 1 else phrase


def _label_start(sentence: str, start: int) -> int | None:
    """Where the label of a value starts ('Phone: ', 'Mobile ', 'Date of Birth: '), if it has one."""
    chunk = _bounds(sentence, start, start, CHUNK_BREAK)[0]
    text = sentence[chunk:start]
    known = KNOWN_LABEL.search(sentence, 0, start)
    # Four words before a colon in run-together text are more likely the end of the last field and a
    # label than one long label; a label we know is the better guess.
    if text.strip() and GENERIC_LABEL.fullmatch(text) and not (known and len(text.split()) > 4):
        return chunk + len(text) - len(text.lstrip())
    return known.start() if known else None


def _bounds(sentence: str, start: int, end: int, breaks: re.Pattern[str]) -> tuple[int, int]:
    """The stretch around start..end that no break interrupts, without its outer whitespace."""
    left = max((m.end() for m in breaks.finditer(sentence, 0, start)), default=0)
    right = next((m.start() for m in breaks.finditer(sentence, end)), len(sentence))
    while left < start and sentence[left].isspace():
        left += 1
    while right > end and sentence[right - 1].isspace():
        right -= 1
    return left, right


def _assemble(sentence: str, edits: Sequence[Edit]) -> str:
    """Splice the edits in, tidying each seam: spaces, separators, parentheses, articles, capitals."""
    pieces: list[str] = []
    cursor = 0
    for edit in edits:
        pieces += [sentence[cursor : edit.start], edit.text]
        cursor = edit.end
    pieces.append(sentence[cursor:])
    text = reduce(_join, (piece for piece in pieces if piece), "")
    if not sentence[edits[-1].end :].strip(" \t.!?"):
        text = TRAILING.sub(lambda m: m["end"], text)
    prefix = sentence[: edits[0].start]
    if not prefix.strip():
        text = _capitalize(LEADING.sub("", text))
    elif (bullet := BULLET.match(text)) and BULLET.fullmatch(prefix):
        text = text[: bullet.end()] + _capitalize(text[bullet.end() :])
    text = SPACES.sub(" ", text)
    text = text if sentence[-1:].isspace() else text.rstrip()
    return text if any(c.isalnum() for c in text) else ""


def _join(left: str, right: str) -> str:
    """Join two pieces at an edit, as if the text between had never been there."""
    if not left:
        return right
    head, tail = left.rstrip(), right.lstrip()
    if not head or not tail:
        return left + right
    spaced = head != left or tail != right
    space = " " if spaced else ""
    if head.endswith("(") and tail.startswith(")"):
        return _join(head[:-1], tail[1:])
    if _ends_with_separator(head) and (tail[0] in ".!?)" or _starts_with_separator(tail)):
        if tail[0] in ".!?)":
            return _join(head.rstrip(SEPARATORS + "-").rstrip(), tail)
        return _join(head + space, tail[1:].lstrip())
    head = _fix_article(head, tail)
    if head[-1] in ".!?" and tail[0].islower():
        tail = _capitalize(tail)
    if tail[0] in ",.;:!?)%" or tail.startswith(("'s", "’s")) or head.endswith("("):
        space = ""
    return head + space + tail


def _ends_with_separator(text: str) -> bool:
    return text[-1] in SEPARATORS or text.endswith((" -", " –"))


def _starts_with_separator(text: str) -> bool:
    return text[0] in SEPARATORS.replace(":", "") or text.startswith(("- ", "– "))


def _fix_article(head: str, tail: str) -> str:
    """Make 'a'/'an' at the end of head agree with the word that now follows it."""
    match = ARTICLE_END.search(head)
    word = re.match(r"[\w'’-]+", tail)
    if not match or not word:
        return head
    article = match["article"]
    if article[0] == "A" and not re.search(r"(?:^|[.!?:]\s*)$", head[: match.start()]):
        return head
    wanted = "an" if VOWEL_SOUND.match(word[0]) else "a"
    wanted = wanted.capitalize() if article[0] == "A" else wanted
    return head[: match.start()] + wanted


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text
