"""Read a flagged figure: a money amount, a percentage, a multiple or a count."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum

import regex

from discreet.language import RewriteReading
from discreet.languages.en import READING_WORDS
from discreet.rewrite.grammar import WORD
from discreet.rewrite.patterns import alternation, built, compiled

# Currency signs and codes; currencies written as words come from the language.
CURRENCIES = {
    **dict.fromkeys(("$", "us$", "c$", "ca$", "a$", "s$", "usd", "cad", "aud", "sgd"), "dollar"),
    **dict.fromkeys(("€", "eur"), "euro"),
    **dict.fromkeys(("£", "gbp"), "pound"),
    **dict.fromkeys(("₹", "inr", "rs", "rs."), "rupee"),
    **dict.fromkeys(("¥", "jpy", "yen"), "yen"),
}
_NUMBER = r"(?:\d{1,3}(?:[ \u00a0]\d{3})+(?![\d]|[,.]\d)|\d[\d,]*(?:\.\d+)?|\.\d+)"
# The currency codes the financial pack finds, before or after an amount.
_CODE = (
    r"(?:USD|EUR|GBP|INR|CAD|AUD|SGD|JPY|NZD|HKD|NTD|TWD|AED|SAR|QAR|KWD|CHF|CNY|RMB|MYR|THB|IDR|VND|KRW|ZAR"
    r"|BRL|MXN|SEK|NOK|DKK|PLN|PKR|BDT|LKR|NGN|KES|EGP|RM|Dhs?\.?|Rp\.?|PHP|Rs\.?)"
)
# The values a count may be scaled by: "12k users", "2 million subscribers".
COUNT_SCALES = (1e3, 1e6, 1e9)


def approximately(reading: RewriteReading) -> str:
    """An approximation before a figure: 'nearly ', '~'."""
    return rf"(?:{alternation(reading.approximators)}\s+|[~≈>]\s*)"


def per_period(reading: RewriteReading) -> str:
    """A period after an amount: '/month', ' per year', ' a quarter'."""
    periods = alternation(reading.period_words)
    return rf"(?:/\s*|{alternation(reading.period_leads)}\s+)(?P<period>{periods})\b"


@built
def _percent(reading: RewriteReading) -> regex.Pattern[str]:
    return compiled(rf"(?P<num>{_NUMBER})\s*(?:%|{alternation(reading.percent_words)})", re.I)


@built
def _multiple(reading: RewriteReading) -> regex.Pattern[str]:
    return compiled(rf"(?P<num>{_NUMBER})\s*(?:[x×]|-?{alternation(reading.fold_words)})", re.I)


@built
def _money(reading: RewriteReading) -> regex.Pattern[str]:
    scale = alternation(word for word, _ in reading.scales)
    named = alternation(word for word, _ in reading.currency_words)
    return compiled(
        rf"(?P<pre>(?:US|CA?|AU?|S|SGD|HK|NZ|NT|R)\s?\$|[$£€₹¥]|{_CODE}(?=[\s\d.]))?\s*(?P<num>{_NUMBER})[\s-]*"
        rf"(?P<scale>{scale}\b)?\.?\s*(?P<post>{_CODE}|{named})?(?:\s*{per_period(reading)})?",
        re.I,
    )


@built
def _count(reading: RewriteReading) -> regex.Pattern[str]:
    scale = alternation(word for word, value in reading.scales if value in COUNT_SCALES)
    return compiled(
        rf"(?P<num>{_NUMBER})\s*(?P<scale>{scale}\b)?\+?(?P<noun>(?:\s+{WORD}){{0,2}})",
        re.I,
    )


@built
def _around(reading: RewriteReading) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """What may stand around a figure and say nothing of its value: approximations before, 'plus' after."""
    before = compiled(rf"^{approximately(reading)}+", re.I)
    after = compiled(rf"\s+{alternation(reading.plus_words)}$", re.I)
    return before, after


@built
def period_after(reading: RewriteReading) -> regex.Pattern[str]:
    """A period right after an amount, or 'p.a.'."""
    return compiled(rf"\s*{per_period(reading)}|\s(?P<pa>p\.a\.)", re.I)


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


def parse_figure(text: str, reading: RewriteReading = READING_WORDS) -> Figure | None:
    """Read a flagged figure: a money amount, a percentage, a multiple or a count, with approximators."""
    before, after = _around(reading)
    core = after.sub("", before.sub("", text.strip())).rstrip("+ ").lstrip("+-−")
    if match := _percent(reading).fullmatch(core):
        return Figure(FigureKind.PERCENT, _number(match["num"]))
    if match := _multiple(reading).fullmatch(core):
        return Figure(FigureKind.MULTIPLE, _number(match["num"]))
    scales = dict(reading.scales)
    money = _money(reading).fullmatch(core)
    scale = (money["scale"] or "").lower() if money else ""
    if money and (money["pre"] or money["post"] or scale in reading.rupee_scales):
        sign = (money["pre"] or money["post"] or "").strip().lower()
        named = CURRENCIES.get(sign) or dict(reading.currency_words).get(sign, "")
        currency = "rupee" if scale in reading.rupee_scales else named
        period = "year" if scale in reading.yearly_scales else (money["period"] or "").lower()
        return Figure(FigureKind.MONEY, _number(money["num"]) * scales.get(scale, 1), currency, period)
    if match := _count(reading).fullmatch(core):
        scale_value = scales.get((match["scale"] or "").lower(), 1)
        return Figure(FigureKind.COUNT, _number(match["num"]) * scale_value, noun=match["noun"].strip())
    return None


def _number(digits: str) -> float:
    try:
        value = float(re.sub(r"[,\s]", "", digits))
    except ValueError:
        return 0.0
    return value if math.isfinite(value) else 1e300
