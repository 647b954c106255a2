"""Read a flagged figure: a money amount, a percentage, a multiple or a count."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum

from discreet.rewrite.grammar import WORD

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
APPROXIMATELY = (
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
PER_PERIOD = r"(?:/\s*|per\s+|an?\s+|each\s+)(?P<period>month|mo|year|yr|annum|quarter|qtr|week|wk)\b"
PERCENT = re.compile(rf"(?P<num>{_NUMBER})\s*(?:%|percent|per\s+cent|pct)", re.I)
MULTIPLE = re.compile(rf"(?P<num>{_NUMBER})\s*(?:[x×]|-?fold)", re.I)
MONEY = re.compile(
    rf"(?P<pre>(?:US|CA?|AU?|S|SGD|HK|NZ|NT|R)\s?\$|[$£€₹¥]|{_CODE}(?=[\s\d.]))?\s*(?P<num>{_NUMBER})[\s-]*"
    rf"(?P<scale>{_SCALE}\b)?\.?\s*(?P<post>{_CODE}|dollars?|euros?|pounds?|rupees?)?(?:\s*{PER_PERIOD})?",
    re.I,
)
COUNT = re.compile(
    rf"(?P<num>{_NUMBER})\s*(?P<scale>(?:thousand|million|billion|mm|mn|bn|[kmb])\b)?\+?(?P<noun>(?:\s+{WORD}){{0,2}})",
    re.I,
)
APPROX_START = re.compile(rf"^{APPROXIMATELY}+", re.I)
PERIOD_AFTER = re.compile(rf"\s*{PER_PERIOD}|\s(?P<pa>p\.a\.)", re.I)


class FigureKind(StrEnum):
    """The kinds of figure the ladders generalize."""

    MONEY = "money"
    PERCENT = "percent"
    MULTIPLE = "multiple"
    COUNT = "count"


@dataclass(frozen=True, slots=True)
class Figure:
    """A parsed figure: its kind and value, with a money amount's currency and period, a count's noun."""

    kind: FigureKind
    value: float
    currency: str = ""
    period: str = ""
    noun: str = ""


def parse_figure(text: str) -> Figure | None:
    """Read a flagged figure: a money amount, a percentage, a multiple or a count, with approximators."""
    core = re.sub(r"\s+plus$", "", APPROX_START.sub("", text.strip()), flags=re.I).rstrip("+ ").lstrip("+-−")
    if match := PERCENT.fullmatch(core):
        return Figure(FigureKind.PERCENT, _number(match["num"]))
    if match := MULTIPLE.fullmatch(core):
        return Figure(FigureKind.MULTIPLE, _number(match["num"]))
    money = MONEY.fullmatch(core)
    scale = (money["scale"] or "").lower() if money else ""
    if money and (money["pre"] or money["post"] or scale in INDIAN_SCALES):
        sign = (money["pre"] or money["post"] or "").strip().lower()
        currency = "rupee" if scale in INDIAN_SCALES else CURRENCIES.get(sign, "")
        period = "year" if scale == "lpa" else (money["period"] or "").lower()
        return Figure(FigureKind.MONEY, _number(money["num"]) * SCALES.get(scale, 1), currency, period)
    if match := COUNT.fullmatch(core):
        scale = SCALES.get((match["scale"] or "").lower(), 1)
        return Figure(FigureKind.COUNT, _number(match["num"]) * scale, noun=match["noun"].strip())
    return None


def _number(digits: str) -> float:
    try:
        value = float(re.sub(r"[,\s]", "", digits))
    except ValueError:
        return 0.0
    return value if math.isfinite(value) else 1e300
