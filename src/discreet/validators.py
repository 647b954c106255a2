"""Checks for what a pattern cannot express: checksums and plausibility."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import phonenumbers
import regex

# ASCII digits only: int() cannot read every digit the regex module knows (e.g. Kirat Rai).
_DIGITS = regex.compile(r"[0-9]")
_YEAR_RANGE = regex.compile(r"(?:19|20)[0-9][0-9]\s*[-–/]\s*(?:19|20)[0-9][0-9]")
_VERHOEFF_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
_VERHOEFF_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0),
    (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5),
    (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}


def digits(text: str) -> str:
    """Only the digits of a string."""
    return "".join(_DIGITS.findall(text))


def luhn(text: str) -> bool:
    """Luhn checksum (card numbers, Canadian SIN)."""
    numbers = [int(d) for d in digits(text)]
    total = 0
    for index, digit in enumerate(reversed(numbers)):
        if index % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return bool(numbers) and total % 10 == 0


def verhoeff(text: str) -> bool:
    """Verhoeff checksum (Aadhaar); Aadhaar never starts with 0 or 1."""
    number = digits(text)
    if len(number) != 12 or number[0] in "01":
        return False
    check = 0
    for index, digit in enumerate(reversed(number)):
        check = _VERHOEFF_D[check][_VERHOEFF_P[index % 8][int(digit)]]
    return check == 0


def ssn(text: str) -> bool:
    """US SSN area, group and serial rules (no 000, 666, 9xx area; no 00 group; no 0000 serial)."""
    number = digits(text)
    if len(number) != 9:
        return False
    area, group, serial = number[:3], number[3:5], number[5:]
    return area not in {"000", "666"} and area[0] != "9" and group != "00" and serial != "0000"


def iban(text: str) -> bool:
    """IBAN mod-97 check."""
    compact = regex.sub(r"\s", "", text).upper()
    if not regex.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}", compact) or not 2 <= int(compact[2:4]) <= 98:
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def sin(text: str) -> bool:
    """Canadian Social Insurance Number: nine digits, Luhn, never starting with 0 or 8."""
    number = digits(text)
    return len(number) == 9 and number[0] not in "08" and luhn(number)


def pan(text: str) -> bool:
    """Indian PAN: five letters (the fourth names the holder type), four digits, a letter."""
    return regex.fullmatch(r"[A-Z]{3}[ABCFGHJLPT][A-Z][0-9]{4}[A-Z]", text.strip().upper()) is not None


def uk_ni(text: str) -> bool:
    """UK National Insurance number: allowed prefix letters, six digits, suffix A to D."""
    compact = regex.sub(r"[\s-]", "", text).upper()
    match = regex.fullmatch(r"([A-CEGHJ-PR-TW-Z])([A-CEGHJ-NPR-TW-Z])[0-9]{6}[A-D]", compact)
    return match is not None and compact[:2] not in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def phone(text: str) -> bool:
    """A possible phone number for some region (libphonenumber's metadata)."""
    number = digits(text)
    if not 7 <= len(number) <= 15 or len(set(number)) < 3 or _YEAR_RANGE.fullmatch(text.strip()):
        return False
    region = None if text.lstrip().startswith("+") else "US"
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return False
    if phonenumbers.is_possible_number(parsed):
        return True
    try:
        return phonenumbers.is_possible_number(phonenumbers.parse("+" + number, None))
    except phonenumbers.NumberParseException:
        return False


def birth_date(text: str) -> bool:
    """A date that could be a living adult's birth date (year 1930 to 16 years ago)."""
    years = [int(y) for y in regex.findall(r"(?<![0-9])(19[0-9][0-9]|20[0-9][0-9])(?![0-9])", text)]
    if not years:
        short = regex.findall(r"(?<![0-9])([0-9][0-9])(?![0-9])\s*$", text)
        years = [1900 + int(short[0])] if short else []
    today = dt.date.today()
    return bool(years) and all(1930 <= y <= today.year - 16 for y in years)


def plausible_date(text: str) -> bool:
    """Day and month within range when both are written as numbers."""
    parts = [int(p) for p in regex.findall(r"[0-9]+", text)]
    month_word = regex.search(r"[A-Za-z]{3}", text)
    if month_word and month_word.group().lower() in _MONTHS:
        return all(p <= 31 or p >= 1900 for p in parts)
    numbers = [p for p in parts if p < 100] if len(parts) >= 2 else parts
    return len(numbers) < 2 or (min(numbers[:2]) <= 12 and max(numbers[:2]) <= 31 and min(numbers[:2]) >= 1)


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "luhn": luhn,
    "verhoeff": verhoeff,
    "ssn": ssn,
    "iban": iban,
    "phone": phone,
    "sin": sin,
    "pan": pan,
    "uk-ni": uk_ni,
    "birth-date": birth_date,
    "plausible-date": plausible_date,
}
