"""Checks for what a pattern cannot express: checksums and plausibility.

National identifiers are checked with python-stdnum where it has the number; its modules are imported
inside the validator that needs them, because importing stdnum costs tens of milliseconds and most
documents never hold a candidate.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from discreet import precompiled

# Fixed bounds rather than today's date: the same document gives the same findings in any year.
EARLIEST_BIRTH_YEAR = 1930
LATEST_BIRTH_YEAR = 2012
# ASCII digits only: int() cannot read every digit the regex module knows (e.g. Kirat Rai).
_DIGITS = precompiled.compiled(r"[0-9]")
_YEAR_RANGE = precompiled.compiled(r"(?:19|20)[0-9][0-9]\s*[-–/]\s*(?:19|20)[0-9][0-9]")
_YEAR_PAIR = precompiled.compiled(r"(?:19|20)[0-9][0-9]\s*[-–/. ]?\s*(?:19|20)[0-9][0-9]")
_AREA_LOCAL = precompiled.compiled(r"0[0-9][-\s][0-9]{7}")
_CN_MOBILE = precompiled.compiled(r"1[3-9][0-9]([ -])[0-9]{4}\1[0-9]{4}")
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
# Published in advertising and then used by thousands: the IRS voids them (stdnum's list).
_SSN_PUBLISHED = frozenset({"078051120", "219099999", "457555462"})
# Visa, Mastercard, Amex, Diners, Discover, JCB, Maestro, UnionPay and UATP (15 digits from 1).
_CARD_PREFIX = precompiled.compiled(r"4|5[0-9]|2[2-7]|3[0-9]|6[0-9]|1[0-9]{14}$")
# Offset added to the weighted sum, and the check letters by remainder, for each NRIC/FIN series.
_NRIC_SERIES = {
    "S": (0, "JZIHGFEDCBA"),
    "T": (4, "JZIHGFEDCBA"),
    "F": (0, "XWUTRQPNMLK"),
    "G": (4, "XWUTRQPNMLK"),
    "M": (3, "XWUTRQPNJLK"),
}
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
    if len(number) != 9 or number in _SSN_PUBLISHED:
        return False
    area, group, serial = number[:3], number[3:5], number[5:]
    return area not in {"000", "666"} and area[0] != "9" and group != "00" and serial != "0000"


def itin(text: str) -> bool:
    """US ITIN: nine digits starting with 9, the middle two in the ranges the IRS issues (stdnum)."""
    from stdnum.us import itin as stdnum_itin

    number = digits(text)
    return len(number) == 9 and bool(stdnum_itin.is_valid(number))


def credit_card(text: str) -> bool:
    """A payment card number: 13 to 19 digits, a card network's prefix, and the Luhn checksum."""
    number = digits(text)
    return 13 <= len(number) <= 19 and _CARD_PREFIX.match(number) is not None and luhn(number)


def sg_nric(text: str) -> bool:
    """Singapore NRIC or FIN: S, T, F, G or M, seven digits and the check letter of its series."""
    compact: str = regex.sub(r"\s", "", text).upper()
    if not regex.fullmatch(r"[STFGM][0-9]{7}[A-Z]", compact):
        return False
    offset, letters = _NRIC_SERIES[compact[0]]
    total = offset + sum(int(d) * w for d, w in zip(compact[1:8], (2, 7, 6, 5, 4, 3, 2), strict=True))
    return letters[total % 11] == compact[8]


def au_tfn(text: str) -> bool:
    """Australian Tax File Number: eight or nine digits with its weighted checksum (stdnum)."""
    from stdnum.au import tfn

    number = digits(text)
    return 8 <= len(number) <= 9 and bool(tfn.is_valid(number))


def au_abn(text: str) -> bool:
    """Australian Business Number: eleven digits with its mod-89 checksum (stdnum)."""
    from stdnum.au import abn

    number = digits(text)
    return len(number) == 11 and bool(abn.is_valid(number))


def uk_nhs(text: str) -> bool:
    """UK NHS number: ten digits with its mod-11 check digit (stdnum)."""
    from stdnum.gb import nhs

    number = digits(text)
    return len(number) == 10 and bool(nhs.is_valid(number))


def iban(text: str) -> bool:
    """IBAN: mod-97 and the country's own length and format (stdnum); not its bank registry, which ages."""
    from stdnum import iban as stdnum_iban

    compact = regex.sub(r"\s", "", text)
    return (
        compact.isascii() and compact.isalnum() and bool(stdnum_iban.is_valid(compact, check_country=False))
    )


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
    """A possible phone number: international, trunk-prefixed national, North American or Indian mobile."""
    number = digits(text)
    if not 7 <= len(number) <= 15 or len(set(number)) < 3 or _YEAR_RANGE.fullmatch(text.strip()):
        return False
    if text.lstrip().startswith("+"):
        return _possible("+" + number)
    if number[0] == "0":
        # A trunk prefix and a national number (UK, India, China...): ten to twelve digits in all, nine
        # only as an area code and a local number (Israel's 09-7625400); never 00, an exit code.
        nine = _AREA_LOCAL.fullmatch(text.strip()) is not None
        return number[1] != "0" and (10 <= len(number) <= 12 or (len(number) == 9 and nine))
    if len(number) == 10:
        # NANP area and exchange codes never start with 0 or 1; Indian mobiles start with 6 to 9.
        return (number[0] in "23456789" and number[3] in "23456789") or number[0] in "6789"
    if len(number) <= 8:
        # A local number, which only a phone label brings to this check: 6123 4567, 555-0147.
        return number[0] in "23456789" and not _YEAR_PAIR.fullmatch(text.strip())
    if _CN_MOBILE.fullmatch(text.strip()):
        return True
    if len(number) == 11 and number[0] == "1":
        return number[1] in "23456789" and number[4] in "23456789"
    # A country code written without its plus: 91 484 2514876, (65) 9123 4567, (86) 139 1234 5678.
    return len(number) >= 10 and _possible("+" + number)


def _possible(international: str) -> bool:
    # Imported here: loading its metadata costs a twentieth of a one-page audit, and most numbers
    # in a resume are settled by the rules above.
    import phonenumbers

    try:
        return bool(phonenumbers.is_possible_number(phonenumbers.parse(international, None)))
    except phonenumbers.NumberParseException:
        return False


def ip_address(text: str) -> bool:
    """An IPv4 or IPv6 address, with or without a zone and a prefix length; not the bare '::'."""
    import ipaddress

    core = text.split("/")[0].split("%")[0]
    try:
        ipaddress.ip_address(core)
    except ValueError:
        return False
    return core != "::"


def birth_date(text: str) -> bool:
    """A date that could be a working adult's birth date: a year from 1930 to 2012."""
    years = [int(y) for y in regex.findall(r"(?<![0-9])(19[0-9][0-9]|20[0-9][0-9])(?![0-9])", text)]
    if not years:
        short = regex.findall(r"(?<![0-9])([0-9][0-9])(?![0-9])\s*$", text)
        years = [1900 + int(short[0])] if short else []
    return bool(years) and all(EARLIEST_BIRTH_YEAR <= y <= LATEST_BIRTH_YEAR for y in years)


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
    "itin": itin,
    "credit-card": credit_card,
    "sg-nric": sg_nric,
    "au-tfn": au_tfn,
    "au-abn": au_abn,
    "uk-nhs": uk_nhs,
    "ip-address": ip_address,
    "sin": sin,
    "pan": pan,
    "uk-ni": uk_ni,
    "birth-date": birth_date,
    "plausible-date": plausible_date,
}
