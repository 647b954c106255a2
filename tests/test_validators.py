"""Checksums and plausibility checks, with known-valid and known-invalid numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discreet.validators import (
    VALIDATORS,
    birth_date,
    credit_card,
    iban,
    luhn,
    pan,
    phone,
    sg_nric,
    sin,
    ssn,
    uk_ni,
    verhoeff,
)


@pytest.mark.parametrize(
    ("name", "value", "valid"),
    [
        ("luhn", "4539 1488 0343 6467", True),
        ("luhn", "4539 1488 0343 6468", False),
        ("sin", "130 692 544", True),
        ("sin", "130 692 545", False),
        ("sin", "046 454 286", False),  # Luhn-valid, but 0 marks a fictitious SIN
        ("verhoeff", "2341 2341 2346", True),
        ("verhoeff", "2341 2341 2345", False),
        ("verhoeff", "1341 2341 2346", False),
        ("ssn", "123-45-6789", True),
        ("ssn", "000-12-3456", False),
        ("ssn", "666-12-3456", False),
        ("ssn", "912-12-3456", False),
        ("ssn", "123-00-6789", False),
        ("ssn", "078-05-1123", True),
        ("ssn", "078.05.1123", True),
        ("ssn", "078-05-1120", False),  # printed on a wallet insert in 1938 and voided
        ("itin", "911-70-1234", True),
        ("itin", "911701234", True),
        ("itin", "911-89-1234", False),  # 89 is not a group the IRS issues
        ("itin", "811-70-1234", False),
        ("credit-card", "4012 8888 8888 1881", True),
        ("credit-card", "4012-8888-8888-1882", False),
        ("credit-card", "371449635398431", True),  # American Express, 15 digits
        ("credit-card", "30569309025904", True),  # Diners Club, 14 digits
        ("credit-card", "122000000000003", True),  # UATP, 15 digits from 1
        ("credit-card", "36168002586008", False),
        ("credit-card", "9999999999999995", False),  # Luhn-valid, no card network starts with 99
        ("sg-nric", "S2740116C", True),
        ("sg-nric", "T7572225C", True),
        ("sg-nric", "F2346401L", True),
        ("sg-nric", "M4332674T", True),  # M series: offset 3 and its own letters
        ("sg-nric", "S2740116D", False),
        ("sg-nric", "G1122144L", False),
        ("sg-nric", "A1234567Z", False),
        ("au-tfn", "876 543 210", True),
        ("au-tfn", "824 753 557", False),
        ("au-abn", "51 824 753 556", True),
        ("au-abn", "52 824 753 556", False),
        ("uk-nhs", "401-023-2137", True),
        ("uk-nhs", "0032698674", True),
        ("uk-nhs", "401-023-2138", False),
        ("ip-address", "192.168.1.1", True),
        ("ip-address", "192.168.1.0/24", True),
        ("ip-address", "2001:db8::8a2e:370:7334", True),
        ("ip-address", "fe80::1%eth0/64", True),
        ("ip-address", "::ffff:192.0.2.1", True),
        ("ip-address", "2001::db8::1", False),  # '::' may stand only once
        ("ip-address", "1:2:3:4:5:6:7:8:9", False),
        ("ip-address", "::", False),  # 'unspecified' alone reads as punctuation more often than as an address
        ("iban", "DE89 3704 0044 0532 0130 00", True),
        ("iban", "GB82WEST12345698765432", True),
        ("iban", "GB82WEST12345698765433", False),
        ("iban", "AL47 2121 1009 0000 0002 3569 8741", True),
        ("iban", "AL47 212A 1009 0000 0002 3569 8741", False),  # Albania's bank code is digits
        ("iban", "IL15 0120 6900 0000", False),  # too short for Israel
        ("pan", "AWVPB7123N", True),
        ("pan", "AWVXB7123N", False),
        ("uk-ni", "AB 12 34 56 C", True),
        ("uk-ni", "QQ 12 34 56 C", False),
        ("uk-ni", "GB 12 34 56 A", False),
        ("uk-ni", "AB 12 34 56 E", False),
        ("phone", "(555) 555-0147", True),
        ("phone", "+44 20 7946 0958", True),
        ("phone", "+91 98765 43210", True),
        ("phone", "2010-2015", False),
        ("phone", "111-111-1111", False),
        ("phone", "(65) 9123 4567", True),
        ("phone", "(86) 139 1234 5678", True),
        ("phone", "09876543210", True),  # trunk 0 and an Indian mobile
        ("phone", "91-484 2514876", True),  # country code without its plus
        ("phone", "6731 2290", True),  # a local number a label vouches for
        ("phone", "401-023-2138", False),  # NANP exchanges never start with 0
        ("phone", "2019 2020", False),
        ("phone", "139 1234 5678", True),  # a Chinese mobile, grouped 3-4-4
        ("phone", "0532 123 45 67", True),
        ("birth-date", "7th December 1977", True),
        ("birth-date", "21/03/1986", True),
        ("birth-date", "01/01/1890", False),
        ("plausible-date", "21/03/1986", True),
        ("plausible-date", "41/13/1986", False),
    ],
)
def test_known_numbers(name: str, value: str, valid: bool) -> None:
    assert VALIDATORS[name](value) is valid


def _luhn_digit(body: str) -> str:
    for check in "0123456789":
        if luhn(body + check):
            return check
    raise AssertionError("some digit always completes a Luhn number")


@given(st.text("0123456789", min_size=8, max_size=18))
def test_exactly_one_check_digit_completes_a_luhn_number(body: str) -> None:
    assert sum(luhn(body + d) for d in "0123456789") == 1
    assert luhn(body + _luhn_digit(body))


@given(st.text("0123456789", min_size=11, max_size=11).filter(lambda s: s[0] not in "01"))
def test_verhoeff_catches_every_single_digit_error(body: str) -> None:
    valid = next(body + d for d in "0123456789" if verhoeff(body + d))
    for index in range(12):
        for digit in "0123456789":
            if digit != valid[index] and not (index == 0 and digit in "01"):
                assert not verhoeff(valid[:index] + digit + valid[index + 1 :])


@given(st.text("0123456789", min_size=9, max_size=9))
def test_ssn_accepts_only_nine_digits_outside_the_reserved_ranges(number: str) -> None:
    reserved = number[:3] in {"000", "666"} or number[0] == "9" or number[3:5] == "00" or number[5:] == "0000"
    reserved = reserved or number in {"078051120", "219099999", "457555462"}
    assert ssn(f"{number[:3]}-{number[3:5]}-{number[5:]}") is not reserved


@given(st.text("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=12, max_size=20))
def test_iban_rejects_a_changed_character(body: str) -> None:
    candidates = [f"DE{check:02d}{body}" for check in range(100)]
    valid = [c for c in candidates if iban(c)]
    assert len(valid) <= 1


def test_birth_dates_are_of_working_adults_whatever_the_year_today() -> None:
    assert birth_date("01/01/1930") and birth_date("14 Feb 2012")
    assert not birth_date("01/01/1929") and not birth_date("01/01/2013")


@given(st.text(max_size=30))
def test_validators_never_raise(text: str) -> None:
    for check in VALIDATORS.values():
        assert check(text) in (True, False)


@given(st.text("0123456789", min_size=11, max_size=17))
def test_a_card_number_takes_exactly_one_check_digit(body: str) -> None:
    assert sum(credit_card("4" + body + d) for d in "0123456789") == 1


@given(st.text("0123456789", min_size=7, max_size=7))
def test_one_check_letter_completes_each_nric_series(body: str) -> None:
    for series in "STFGM":
        assert sum(sg_nric(f"{series}{body}{letter}") for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == 1


def test_pan_and_ni_ignore_case_and_spacing() -> None:
    assert pan(" awvpb7123n ") and uk_ni("ab123456c") and sin("130-692-544") and phone("+1 312 555 0149")
