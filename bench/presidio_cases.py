"""Identifier cases from Microsoft Presidio's recognizer tests, as discreet's Presidio benchmark reads them.

The texts, values and expected spans below are reproduced from the test files of
https://github.com/microsoft/presidio (presidio-analyzer/tests/test_*_recognizer.py),
Copyright (c) Microsoft Corporation, released under the MIT License:

    Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
    associated documentation files (the "Software"), to deal in the Software without restriction,
    including without limitation the rights to use, copy, modify, merge, publish, distribute,
    sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
    furnished to do so, subject to the following conditions: The above copyright notice and this
    permission notice shall be included in all copies or substantial portions of the Software.
    THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.

Changes from Presidio's tables: a text holding two values of a kind that needs a label is split
into one case per value; a positive whose value alone is ambiguous gets a `label` in front (say
"SSN: "), the way a resume writes it; a positive Presidio itself scores below 0.3 (or accepts
although its check digit is wrong) is marked `weak` and reported apart.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Case:
    """One Presidio test text: the identifier spans it holds (none for a negative case)."""

    kind: str
    text: str
    spans: tuple[tuple[int, int], ...] = ()
    label: str = ""
    weak: bool = False
    # Rules that rightly fire on other personal data a negative text holds (an address, a phone).
    others: tuple[str, ...] = ()

    @property
    def positive(self) -> bool:
        """Whether the text holds an identifier of its kind."""
        return bool(self.spans)


def pos(kind: str, text: str, *values: str, label: str = "", weak: bool = False) -> Case:
    """A positive case whose identifiers are the values, found in the text in order."""
    spans, start = [], 0
    for value in values or (text,):
        begin = text.index(value, start)
        spans.append((begin, begin + len(value)))
        start = begin + len(value)
    return Case(kind, text, tuple(spans), label, weak)


def at(kind: str, text: str, *spans: tuple[int, int], weak: bool = False) -> Case:
    """A positive case with Presidio's own expected offsets."""
    return Case(kind, text, spans or ((0, len(text)),), "", weak)


def neg(kind: str, text: str, *, others: tuple[str, ...] = ()) -> Case:
    """A negative case: nothing of its kind is in the text."""
    return Case(kind, text, (), "", False, others)


# The rules that report each kind; a positive counts as found when one of them overlaps its span.
RULES_BY_KIND: dict[str, tuple[str, ...]] = {
    "PHONE_NUMBER": ("personal.phone",),
    "EMAIL_ADDRESS": ("personal.email",),
    "US_SSN": ("personal.ssn",),
    "US_ITIN": ("personal.us-itin",),
    "CREDIT_CARD": ("personal.credit-card",),
    "IBAN_CODE": ("personal.iban",),
    "US_PASSPORT": ("personal.passport",),
    "IN_PASSPORT": ("personal.passport",),
    "US_DRIVER_LICENSE": ("personal.driver-licence",),
    "UK_NHS": ("personal.uk-nhs",),
    "UK_NINO": ("personal.uk-ni-number",),
    "SG_NRIC_FIN": ("personal.sg-nric", "personal.national-id"),
    "AU_TFN": ("personal.au-tfn",),
    "AU_ABN": ("personal.au-abn",),
    "IN_AADHAAR": ("personal.aadhaar",),
    "IN_PAN": ("personal.pan",),
    "CA_SIN": ("personal.canada-sin",),
    "IP_ADDRESS": ("confidential.ip-address",),
}

# The label a resume puts before a value that is ambiguous alone; negatives are also run with it.
LABELS: dict[str, str] = {
    "US_SSN": "SSN: ",
    "US_ITIN": "ITIN: ",
    "US_PASSPORT": "Passport: ",
    "IN_PASSPORT": "Passport: ",
    "US_DRIVER_LICENSE": "Driver's license: ",
    "UK_NHS": "NHS number: ",
    "UK_NINO": "NI number: ",
    "SG_NRIC_FIN": "NRIC: ",
    "AU_TFN": "TFN: ",
    "AU_ABN": "ABN: ",
    "IN_AADHAAR": "Aadhaar: ",
    "CA_SIN": "SIN: ",
}


def labelled(kind: str, text: str, *values: str, weak: bool = False) -> Case:
    """A positive case given with its kind's label in front."""
    label = LABELS[kind]
    case = pos(kind, label + text, *values, weak=weak)
    return Case(case.kind, case.text, case.spans, label, weak)


# test_phone_recognizer.py
PHONE = [
    pos(
        "PHONE_NUMBER",
        "My US number is (415) 555-0132, and my international one is +1 415 555 0132",
        "(415) 555-0132",
        "+1 415 555 0132",
    ),
    pos("PHONE_NUMBER", "My Israeli number is 09-7625400", "09-7625400"),
    pos("PHONE_NUMBER", "_: (415)555-0132", "(415)555-0132"),
    pos("PHONE_NUMBER", "United States: (415)555-0132", "(415)555-0132"),
    pos("PHONE_NUMBER", "US: 415-555-0132", "415-555-0132"),
    pos("PHONE_NUMBER", "_: +55 11 98456 5666", "+55 11 98456 5666"),
    pos("PHONE_NUMBER", "Brazil: +55 11 98456 5666", "+55 11 98456 5666"),
    pos("PHONE_NUMBER", "BR: +55 11 98456 5666", "+55 11 98456 5666"),
]

# test_email_recognizer.py
EMAIL = [
    pos("EMAIL_ADDRESS", "info@presidio.site"),
    pos("EMAIL_ADDRESS", "my email is info@presidio.site", "info@presidio.site"),
    pos(
        "EMAIL_ADDRESS",
        "try one of this emails: info@presidio.site or anotherinfo@presidio.site",
        "info@presidio.site",
        "anotherinfo@presidio.site",
    ),
    neg("EMAIL_ADDRESS", "the email is my email is info@presidio."),
]

# test_us_ssn_recognizer.py
SSN = [
    labelled("US_SSN", "078051121", "078051121"),
    pos("US_SSN", "078-05-1123"),
    pos("US_SSN", "078.05.1123"),
    pos("US_SSN", "078 05 1123"),
    neg("US_SSN", "0780511201"),
    neg("US_SSN", "078051120"),
    neg("US_SSN", "000000000"),
    neg("US_SSN", "666000000"),
    neg("US_SSN", "078-05-0000"),
    neg("US_SSN", "078 00 1123"),
    neg("US_SSN", "693-09.4444"),
]

# test_us_itin_recognizer.py
ITIN = [
    labelled("US_ITIN", "911-701234", "911-701234", weak=True),
    labelled("US_ITIN", "91170-1234", "91170-1234", weak=True),
    labelled("US_ITIN", "911701234", "911701234"),
    pos("US_ITIN", "911-70-1234"),
    neg("US_ITIN", "911-89-1234"),
    neg("US_ITIN", "my taxpayer id 911-89-1234"),
]

# test_credit_card_recognizer.py
CREDIT_CARD = [
    pos(
        "CREDIT_CARD",
        "4012888888881881 4012-8888-8888-1881 4012 8888 8888 1881",
        "4012888888881881",
        "4012-8888-8888-1881",
        "4012 8888 8888 1881",
    ),
    pos("CREDIT_CARD", "122000000000003"),
    pos("CREDIT_CARD", "my credit card: 122000000000003", "122000000000003"),
    pos("CREDIT_CARD", "371449635398431"),
    pos("CREDIT_CARD", "5555555555554444"),
    pos("CREDIT_CARD", "5019717010103742"),
    pos("CREDIT_CARD", "30569309025904"),
    pos("CREDIT_CARD", "6011000400000000"),
    pos("CREDIT_CARD", "3528000700000000"),
    pos("CREDIT_CARD", "6759649826438453"),
    pos("CREDIT_CARD", "5555555555554444"),
    pos("CREDIT_CARD", "4111111111111111"),
    pos("CREDIT_CARD", "4917300800000000"),
    pos("CREDIT_CARD", "4484070000000000"),
    neg("CREDIT_CARD", "4012-8888-8888-1882"),
    neg("CREDIT_CARD", "my credit card number is 4012-8888-8888-1882"),
    neg("CREDIT_CARD", "36168002586008"),
    neg("CREDIT_CARD", "my credit card number is 36168002586008"),
]

# test_us_passport_recognizer.py and test_in_passport_recognizer.py
PASSPORT = [
    labelled("US_PASSPORT", "912803456", "912803456", weak=True),
    labelled("IN_PASSPORT", "A3456781", "A3456781"),
    labelled("IN_PASSPORT", "B3097651", "B3097651"),
    labelled("IN_PASSPORT", "C3590543", "C3590543"),
    pos("IN_PASSPORT", "my passport number is T3569075", "T3569075"),
    pos("IN_PASSPORT", "passport number: J6932157", "J6932157"),
    neg("IN_PASSPORT", "A3456780"),
    neg("IN_PASSPORT", "b0097650"),
    neg("IN_PASSPORT", "my passport number is t3569075"),
]

# test_us_driver_license_recognizer.py (a text of two values is split, one label each)
DRIVER_LICENSE = [
    labelled("US_DRIVER_LICENSE", "AA1B2**9ABA7", "AA1B2**9ABA7"),
    labelled("US_DRIVER_LICENSE", "A*1234AB*CD9", "A*1234AB*CD9"),
    labelled("US_DRIVER_LICENSE", "H12234567", "H12234567"),
    *(
        labelled("US_DRIVER_LICENSE", number, number, weak=True)
        for number in ("123456789", "1234567890", "12345679012", "123456790123", "1234567901234")
    ),
    neg("US_DRIVER_LICENSE", "3A1B2**9ABA7"),
    neg("US_DRIVER_LICENSE", "C12T345672"),
    neg("US_DRIVER_LICENSE", "ABCDEFG ABCDEFGH ABCDEFGHI"),
    neg("US_DRIVER_LICENSE", "ABCD ABCDEFGHIJ"),
]

# test_uk_nhs_recognizer.py
NHS = [
    labelled("UK_NHS", "401-023-2137", "401-023-2137"),
    labelled("UK_NHS", "221 395 1837", "221 395 1837"),
    labelled("UK_NHS", "0032698674", "0032698674"),
    neg("UK_NHS", "401-023-2138"),
]

# test_uk_nino_recognizer.py (in lower case a NI number is given with its label)
NINO = [
    pos("UK_NINO", "AA 12 34 56 B"),
    labelled("UK_NINO", "hh 01 02 03 d", "hh 01 02 03 d"),
    labelled("UK_NINO", "tw987654a", "tw987654a"),
    pos("UK_NINO", "nino: PR 123612C", "PR 123612C"),
    pos("UK_NINO", "Here is my National Insurance Number YZ 61 48 68 B", "YZ 61 48 68 B"),
    neg("UK_NINO", "AA 12 34 56 H"),
    neg("UK_NINO", "FQ 00 00 00 C"),
    neg("UK_NINO", "BG123612A"),
    neg("UK_NINO", "nino: nt 99 88 77 a"),
    neg("UK_NINO", "This isn't a valid national insurance number UV 98 76 54 B"),
]

# test_sg_fin_recognizer.py (T1234567Z and G1122144L carry a wrong check letter: given with a label)
SG_NRIC = [
    pos("SG_NRIC_FIN", "S2740116C"),
    labelled("SG_NRIC_FIN", "T1234567Z", "T1234567Z"),
    pos("SG_NRIC_FIN", "F2346401L"),
    labelled("SG_NRIC_FIN", "G1122144L", "G1122144L"),
    pos("SG_NRIC_FIN", "M4332674T"),
    pos("SG_NRIC_FIN", "S9108268C T7572225C", "S9108268C", "T7572225C"),
    pos("SG_NRIC_FIN", "NRIC S2740116C was processed", "S2740116C"),
    pos("SG_NRIC_FIN", "A1234567Z", weak=True),
    pos("SG_NRIC_FIN", "B1234567Z", weak=True),
    neg("SG_NRIC_FIN", "PA12348L"),
]

# test_au_tfn_recognizer.py and test_au_abn_recognizer.py
AU = [
    labelled("AU_TFN", "876 543 210", "876 543 210"),
    labelled("AU_TFN", "876543210", "876543210"),
    neg("AU_TFN", "824 753 557"),
    neg("AU_TFN", "824753557"),
    neg("AU_TFN", "5282475355632"),
    neg("AU_TFN", "52824753556AF"),
    neg("AU_TFN", "51 824 753 5564"),
    neg("AU_TFN", "123 456\n789"),
    pos("AU_ABN", "51 824 753 556"),
    labelled("AU_ABN", "51824753556", "51824753556"),
    neg("AU_ABN", "52 824 753 556"),
    neg("AU_ABN", "52824753556"),
    neg("AU_ABN", "5282475355632"),
    neg("AU_ABN", "52824753556AF"),
    neg("AU_ABN", "51 824 753 5564"),
    neg("AU_ABN", "123 456\n789"),
]

# test_in_aadhaar_recognizer.py and test_in_pan_recognizer.py
INDIA = [
    neg("IN_AADHAAR", "123456789012"),
    labelled("IN_AADHAAR", "312345678909", "312345678909"),
    labelled("IN_AADHAAR", "399876543211", "399876543211"),
    neg("IN_AADHAAR", "1234 5678 9012"),
    pos("IN_AADHAAR", "3123 4567 8909"),
    pos("IN_AADHAAR", "3998 7654 3211"),
    neg("IN_AADHAAR", "1234-5678-9012"),
    pos("IN_AADHAAR", "3123-4567-8909"),
    pos("IN_AADHAAR", "3998-7654-3211"),
    neg("IN_AADHAAR", "1234:5678:9012"),
    pos("IN_AADHAAR", "3123:4567:8909"),
    pos("IN_AADHAAR", "3998:7654:3211"),
    pos("IN_AADHAAR", "My Aadhaar number is 400123456787 with a lot of text beyond it", "400123456787"),
    pos("IN_PAN", "AAASA1111R", weak=True),
    pos("IN_PAN", "ABCPD1234Z"),
    pos("IN_PAN", "ABCND1234Z", weak=True),
    pos("IN_PAN", "A1111DFSFS", weak=True),
    neg("IN_PAN", "ABCD1234"),
    pos("IN_PAN", "My PAN number is ABBPM4567S with a lot of text beyond it", "ABBPM4567S"),
]

# test_ca_sin_recognizer.py
CA_SIN = [
    *(
        labelled("CA_SIN", n, n)
        for n in ("130 692 544", "435 418 165", "948 584 792", "347-677-452", "731-530-150")
    ),
    labelled("CA_SIN", "130692544", "130692544", weak=True),
    labelled("CA_SIN", "550090112", "550090112", weak=True),
    pos("CA_SIN", "my SIN is 130-692-544", "130-692-544"),
    pos("CA_SIN", "mon NAS: 258 933 688", "258 933 688"),
    *(
        neg("CA_SIN", n)
        for n in (
            "130 692 545",
            "130692545",
            "435-418-166",
            "046 454 286",
            "812 345 678",
            "111 111 111",
            "999 999 999",
            "046-454 286",
            "046 454-286",
            "13069254",
            "1306925440",
        )
    ),
]

# test_ip_recognizer.py
IP = [
    at("IP_ADDRESS", "microsoft.com 192.168.0.1", (14, 25)),
    neg("IP_ADDRESS", "my ip: 192.168.0"),
    at("IP_ADDRESS", "microsoft.com 684D:1111:222:3333:4444:5555:6:77", (14, 47)),
    at("IP_ADDRESS", "my ip: 684D:1111:222:3333:4444:5555:6:77", (7, 40)),
    neg("IP_ADDRESS", "684D:1111:222:3333:4444:5555:77"),
    at("IP_ADDRESS", "2345:0425:2CA1:0000:0000:0567:5673:23b5"),
    at("IP_ADDRESS", "2345:0425:2CA1::0567:5673:23b5"),
    at("IP_ADDRESS", "2400:c401::5054:ff:fe1b:b031"),
    at("IP_ADDRESS", "Use local ipv6 ::", (15, 17), weak=True),
    at("IP_ADDRESS", "my ip: ::1", (7, 10)),
    at("IP_ADDRESS", "connecting from ::1", (16, 19)),
    at("IP_ADDRESS", "src=:: dst=::1", (4, 6), weak=True),
    at("IP_ADDRESS", "src=:: dst=::1", (11, 14)),
    at("IP_ADDRESS", "fe80::1"),
    at("IP_ADDRESS", "2001:db8::8a2e:370:7334"),
    at("IP_ADDRESS", "2001:db8:85a3::8a2e:370"),
    at("IP_ADDRESS", "2001:db8::1"),
    at("IP_ADDRESS", "fe80::1%eth0"),
    at("IP_ADDRESS", "Server IP: 2001:db8::1", (11, 22)),
    at("IP_ADDRESS", "Connect to [2001:db8::1]:8080", (12, 23)),
    at("IP_ADDRESS", "my ip is 2400:c401::5054:ff:fe1b:b031", (9, 37)),
    at("IP_ADDRESS", "Gateway: fe80::1 on interface", (9, 16)),
    at("IP_ADDRESS", "Visit http://[2001:db8::1]/path", (14, 25)),
    at("IP_ADDRESS", "SSH to user@2001:db8::1", (12, 23)),
    at("IP_ADDRESS", "::ffff:192.0.2.1"),
    at("IP_ADDRESS", "::ffff:10.0.0.1"),
    at("IP_ADDRESS", "::ffff:172.16.0.1"),
    at("IP_ADDRESS", "::ffff:127.0.0.1"),
    at("IP_ADDRESS", "::ffff:255.255.255.255"),
    at("IP_ADDRESS", "::ffff:0.0.0.0"),
    at("IP_ADDRESS", "::ffff:0:192.168.1.1"),
    at("IP_ADDRESS", "::ffff:0000:10.0.0.1"),
    at("IP_ADDRESS", "Mapped: ::ffff:192.168.1.1", (8, 26)),
    at("IP_ADDRESS", "Connect to ::ffff:10.0.0.1 now", (11, 26)),
    at("IP_ADDRESS", "[::ffff:192.168.1.1]:80", (1, 19)),
    at("IP_ADDRESS", "::192.168.1.1"),
    at("IP_ADDRESS", "::10.0.0.1"),
    neg("IP_ADDRESS", "::ffff:256.0.0.1"),
    neg("IP_ADDRESS", "::ffff:192.168.1"),
    at("IP_ADDRESS", "2001:db8::192.168.1.1"),
    at("IP_ADDRESS", "2001:db8:1::192.0.2.1"),
    at("IP_ADDRESS", "64:ff9b::192.0.2.1"),
    at("IP_ADDRESS", "2001:db8:85a3::8a2e:192.168.0.1"),
    at("IP_ADDRESS", "0:0:0:0:0:FFFF:129.144.52.38"),
    at("IP_ADDRESS", "2001:db8:0:0:0:0:192.168.1.1"),
    at("IP_ADDRESS", "NAT64: 64:ff9b::198.51.100.1", (7, 28)),
    at("IP_ADDRESS", "Tunnel to 2001:db8::10.0.0.1", (10, 28)),
    neg("IP_ADDRESS", "2001:db8::256.1.1.1"),
    at("IP_ADDRESS", "IPv4: 192.168.1.1, IPv6: 2001:db8::1", (6, 17), (25, 36)),
    at("IP_ADDRESS", "Primary: 10.0.0.1, Secondary: 172.16.0.1", (9, 17), (30, 40)),
    at("IP_ADDRESS", "IPs: 192.168.1.1, 10.0.0.1, 2001:db8::1", (5, 16), (18, 26), (28, 39)),
    neg("IP_ADDRESS", "MAC address aa:bb:cc:dd:ee:ff"),
    neg("IP_ADDRESS", "Time 12:34:56"),
    neg("IP_ADDRESS", "Ratio 1:2:3:4"),
    neg("IP_ADDRESS", "CSS color #ff00aa"),
    neg("IP_ADDRESS", "Version 1.2.3"),
    neg("IP_ADDRESS", "Port 80:443"),
    neg("IP_ADDRESS", "abc:def:ghi"),
    neg("IP_ADDRESS", "123:abc"),
    neg("IP_ADDRESS", "file:///path/to/file"),
    neg("IP_ADDRESS", "std::cout"),
    neg("IP_ADDRESS", "MyClass::toString"),
    neg("IP_ADDRESS", ":::"),
    neg("IP_ADDRESS", "IP192.168.1.1text"),
    neg("IP_ADDRESS", "text192.168.1.1"),
    at("IP_ADDRESS", "(192.168.1.1)", (1, 12)),
    at("IP_ADDRESS", "'2001:db8::1'", (1, 12)),
    at("IP_ADDRESS", "IP: 192.168.1.1.", (4, 15)),
    at("IP_ADDRESS", "192.168.1.1,", (0, 11)),
    at("IP_ADDRESS", "[2001:db8::1]", (1, 12)),
    at("IP_ADDRESS", "Server IP: 2400:c401::5054:ff:fe1b:b031.", (11, 39)),
    at("IP_ADDRESS", "2001:db8::1.", (0, 11)),
    neg("IP_ADDRESS", "fe80::1text"),
    neg("IP_ADDRESS", "text2001:db8::1"),
    at("IP_ADDRESS", "192.168.1.1.1", (0, 11)),
    neg("IP_ADDRESS", "256.256.256.256"),
    neg("IP_ADDRESS", "192.168.1.256"),
    neg("IP_ADDRESS", "gggg:hhhh::1234"),
    neg("IP_ADDRESS", "192.168.1"),
    neg("IP_ADDRESS", "300.168.1.1"),
    neg("IP_ADDRESS", "12345:db8::1"),
    neg("IP_ADDRESS", "2001::db8::1"),
    at("IP_ADDRESS", "192.168.2.1@eth0", (0, 11)),
    at("IP_ADDRESS", "text::ffff:192.0.2.1", (11, 20)),
    at("IP_ADDRESS", "foo2001:db8::10.0.0.1", (13, 21)),
    at("IP_ADDRESS", "localhost 127.0.0.1", (10, 19)),
    at("IP_ADDRESS", "Broadcast 255.255.255.255", (10, 25)),
    at("IP_ADDRESS", "Private 10.0.0.0", (8, 16)),
    at("IP_ADDRESS", "Link-local 169.254.1.1", (11, 22)),
    at("IP_ADDRESS", "Subnet 172.16.0.0", (7, 17)),
    at("IP_ADDRESS", "Default 0.0.0.0", (8, 15)),
    at("IP_ADDRESS", "Unspecified ::", (12, 14), weak=True),
    at("IP_ADDRESS", "Loopback ::1", (9, 12)),
    at("IP_ADDRESS", "Multicast ff02::1", (10, 17)),
    at("IP_ADDRESS", "192.168.1.0/24", (0, 14)),
    at("IP_ADDRESS", "10.0.0.0/8", (0, 10)),
    at("IP_ADDRESS", "0.0.0.0/0", (0, 9)),
    at("IP_ADDRESS", "192.168.1.1/32", (0, 14)),
    at("IP_ADDRESS", "2001:db8::/32", (0, 13)),
    at("IP_ADDRESS", "fe80::/10", (0, 9)),
    at("IP_ADDRESS", "::1/128", (0, 7)),
    at("IP_ADDRESS", "fe80::1%eth0/64", (0, 15)),
    at("IP_ADDRESS", "2001:db8::%eth0/128", (0, 19)),
    at("IP_ADDRESS", "::/0", (0, 4), weak=True),
    at("IP_ADDRESS", "::/128", (0, 6), weak=True),
    at("IP_ADDRESS", "::ffff:192.168.1.0/96", (0, 21)),
    at("IP_ADDRESS", "64:ff9b::192.0.2.0/96", (0, 21)),
    at("IP_ADDRESS", "Subnet: 192.168.1.0/24", (8, 22)),
    at("IP_ADDRESS", "Prefix: 2001:db8::/32", (8, 21)),
    at("IP_ADDRESS", "Route is 10.0.0.0/8.", (9, 19)),
    at("IP_ADDRESS", "Use 2001:db8::/32.", (4, 17)),
    at("IP_ADDRESS", "10.0.0.0/123", (0, 8)),
    at("IP_ADDRESS", "2001:db8::/9999", (0, 10)),
]

# test_iban_recognizer.py: each whole text is an IBAN (1) or is not (0).
_IBANS = """
1 AL47212110090000000235698741
1 AL47 2121 1009 0000 0002 3569 8741
0 AL47 212A 1009 0000 0002 3569 8741
0 AL47 212A 1009 0000 0002 3569 874
0 AL47 2121 1009 0000 0002 3569 8740
1 AD1200012030200359100100
1 AD12 0001 2030 2003 5910 0100
0 AD12000A2030200359100100
0 AD12000A203020035910010
0 AD12 0001 2030 2003 5910 0101
1 AT611904300234573201
1 AT61 1904 3002 3457 3201
0 AT61 1904 A002 3457 3201
0 AT61 1904 3002 3457 320
0 AT61 1904 3002 3457 3202
1 AZ21NABZ00000000137010001944
1 AZ21 NABZ 0000 0000 1370 1000 1944
0 AZ21NABZ000000001370100019
0 AZ21NABZ0000000013701000194
0 AZ21NABZ00000000137010001945
1 BH67BMAG00001299123456
1 BH67 BMAG 0000 1299 1234 56
0 BH67BMA100001299123456
0 BH67BMAG0000129912345
0 BH67BMAG00001299123457
1 BY13NBRB3600900000002Z00AB00
1 BY13 NBRB 3600 9000 0000 2Z00 AB00
0 BY13NBRBA600900000002Z00AB00
0 BY13 NBRB 3600 9000 0000 2Z00 AB0
0 BY13NBRB3600900000002Z00AB01
1 BE68539007547034
1 BE71 0961 2345 6769
0 BE71 A961 2345 6769
0 BE6853900754703
0 BE71 0961 2345 6760
1 BA391290079401028494
1 BA39 1290 0794 0102 8494
0 BA39 A290 0794 0102 8494
0 BA39129007940102849
0 BA39 1290 0794 0102 8495
1 BR9700360305000010009795493P1
1 BR97 0036 0305 0000 1000 9795 493P 1
0 BR97 0036 A305 0000 1000 9795 493P 1
0 BR9700360305000010009795493P
0 BR97 0036 0305 0000 1000 9795 493P 2
1 BG80BNBG96611020345678
1 BG80 BNBG 9661 1020 3456 78
0 BG80 BNBG 9661 A020 3456 78
0 BG80BNBG9661102034567
0 BG80 BNBG 9661 1020 3456 79
1 CR05015202001026284066
1 CR05 0152 0200 1026 2840 66
0 CR05 0152 0200 1026 2840 6A
0 CR05 0152 0200 1026 2840 6
0 CR05 0152 0200 1026 2840 67
1 HR1210010051863000160
1 HR12 1001 0051 8630 0016 0
0 HR12 001 0051 8630 0016 A
0 HR121001005186300016
0 HR12 1001 0051 8630 0016 1
1 CY17002001280000001200527600
1 CY17 0020 0128 0000 0012 0052 7600
0 CY17 0020 A128 0000 0012 0052 7600
0 CY17 0020 0128 0000 0012 0052 760
0 CY17 0020 0128 0000 0012 0052 7601
1 CZ6508000000192000145399
1 CZ65 0800 0000 1920 0014 5399
0 CZ65 0800 A000 1920 0014 5399
0 CZ65 0800 0000 1920 0014 539
0 CZ65 0800 0000 1920 0014 5390
1 DK5000400440116243
1 DK50 0040 0440 1162 43
0 DK50 0040 A440 1162 43
0 DK50 0040 0440 1162 4
0 DK50 0040 0440 1162 44
1 DO28BAGR00000001212453611324
1 DO28 BAGR 0000 0001 2124 5361 1324
0 DO28 BAGR A000 0001 2124 5361 1324
0 DO28 BAGR 0000 0001 2124 5361 132
0 DO28 BAGR 0000 0001 2124 5361 1325
1 TL380080012345678910157
1 TL38 0080 0123 4567 8910 157
0 TL38 A080 0123 4567 8910 157
0 TL38 0080 0123 4567 8910 158
1 EE382200221020145685
1 EE38 2200 2210 2014 5685
0 EE38 A200 2210 2014 5685
0 EE38 2200 2210  014 5686
1 FO6264600001631634
1 FO62 6460 0001 6316 34
0 FO62 A460 0001 6316 34
0 FO62 6460 0001 6316 35
1 FI2112345600000785
1 FI21 1234 5600 0007 85
0 FI21 A234 5600 0007 85
0 FI21 1234 5600 0007 86
1 FR1420041010050500013M02606
1 FR14 2004 1010 0505 0001 3M02 606
0 FR14 A004 1010 0505 0001 3M02 606
0 FR14 2004 1010 0505 0001 3M02 607
1 GE29NB0000000101904917
1 GE29 NB00 0000 0101 9049 17
0 GE29 NBA0 0000 0101 9049 17
0 GE29 NB00 0000 0101 9049 18
1 DE89370400440532013000
1 DE89 3704 0044 0532 0130 00
0 DE89 A704 0044 0532 0130 00
0 DE89 3704 0044 0532 0130 01
1 GI75NWBK000000007099453
1 GI75 NWBK 0000 0000 7099 453
0 GI75 aWBK 0000 0000 7099 453
0 GI75 NWBK 0000 0000 7099 454
1 GR1601101250000000012300695
1 GR16 0110 1250 0000 0001 2300 695
0 GR16 A110 1250 0000 0001 2300 695
0 GR16 0110 1250 0000 0001 2300 696
1 GL8964710001000206
1 GL89 6471 0001 0002 06
0 GL89 A471 0001 0002 06
0 GL89 6471 0001 0002 07
1 GT82TRAJ01020000001210029690
1 GT82 TRAJ 0102 0000 0012 1002 9690
0 G T82 TRAJ 0102 0000 0012 1002 9690
0 GT82 TRAJ 0102 0000 0012 1002 9691
1 HU42117730161111101800000000
1 HU42 1177 3016 1111 1018 0000 0000
0 HU42 A177 3016 1111 1018 0000 0000
0 HU42 1177 3016 1111 1018 0000 0001
1 IS140159260076545510730339
1 IS14 0159 2600 7654 5510 7303 39
0 IS14 A159 2600 7654 5510 7303 39
0 IS14 0159 2600 7654 5510 7303 30
1 IE29AIBK93115212345678
1 IE29 AIBK 9311 5212 3456 78
0 IE29 AIBK A311 5212 3456 78
0 IE29 AIBK 9311 5212 3456 79
1 IL620108000000099999999
1 IL62 0108 0000 0009 9999 999
0 IL62 A108 0000 0009 9999 999
0 IL62 0108 0000 0009 9999 990
1 IT60X0542811101000000123456
1 IT60 X054 2811 1010 0000 0123 456
0 IT60 XW54 2811 1010 0000 0123 456
0 IT60 X054 2811 1010 0000 0123 457
1 JO94CBJO0010000000000131000302
1 JO94 CBJO 0010 0000 0000 0131 0003 02
0 JO94 CBJO A010 0000 0000 0131 0003 02
0 JO94 CBJO 0010 0000 0000 0131 0003 03
1 KZ86125KZT5004100100
1 KZ86 125K ZT50 0410 0100
0 KZ86 A25K ZT50 0410 0100
0 KZ86 125K ZT50 0410 0101
1 XK051212012345678906
1 XK05 1212 0123 4567 8906
0 XK05 A212 0123 4567 8906
0 XK05 1212 0123 4567 8907
1 KW81CBKU0000000000001234560101
1 KW81 CBKU 0000 0000 0000 1234 5601 01
0 KW81 aBKU 0000 0000 0000 1234 5601 01
0 KW81 CBKU 0000 0000 0000 1234 5601 02
1 LV80BANK0000435195001
1 LV80 BANK 0000 4351 9500 1
0 LV80 bANK 0000 4351 9500 1
0 LV80 BANK 0000 4351 9500 2
1 LB62099900000001001901229114
1 LB62 0999 0000 0001 0019 0122 9114
0 LB62 A999 0000 0001 0019 0122 9114
0 LB62 0999 0000 0001 0019 0122 9115
1 LI21088100002324013AA
1 LI21 0881 0000 2324 013A A
0 LI21 A881 0000 2324 013A A
0 LI21 0881 0000 2324 013A B
1 LT121000011101001000
1 LT12 1000 0111 0100 1000
0 LT12 A000 0111 0100 1000
0 LT12 1000 0111 0100 1001
1 LU280019400644750000
1 LU28 0019 4006 4475 0000
0 LU28 A019 4006 4475 0000
0 LU28 0019 4006 4475 0001
1 MT84MALT011000012345MTLCAST001S
1 MT84 MALT 0110 0001 2345 MTLC AST0 01S
0 MT84 MALT A110 0001 2345 MTLC AST0 01S
0 MT84 MALT 0110 0001 2345 MTLC AST0 01T
1 MR1300020001010000123456753
1 MR13 0002 0001 0100 0012 3456 753
0 MR13 A002 0001 0100 0012 3456 753
0 MR13 0002 0001 0100 0012 3456 754
1 MU17BOMM0101101030300200000MUR
1 MU17 BOMM 0101 1010 3030 0200 000M UR
0 MU17 BOMM A101 1010 3030 0200 000M UR
0 MU17 BOMM 0101 1010 3030 0200 000M US
1 MD24AG000225100013104168
1 MD24 AG00 0225 1000 1310 4168
0 MD24 AG00 0225 1000 1310 416
0 MD24 AG00 0225 1000 1310 4169
1 MC5811222000010123456789030
1 MC58 1122 2000 0101 2345 6789 030
0 MC58 A122 2000 0101 2345 6789 030
0 MC58 1122 2000 0101 2345 6789 031
1 ME25505000012345678951
1 ME25 5050 0001 2345 6789 51
0 ME25 A050 0001 2345 6789 51
0 ME25 5050 0001 2345 6789 52
1 NL91ABNA0417164300
1 NL91 ABNA 0417 1643 00
0 NL91 1BNA 0417 1643 00
0 NL91 ABNA 0417 1643 01
1 MK07250120000058984
1 MK07 2501 2000 0058 984
0 MK07 A501 2000 0058 984
0 MK07 2501 2000 0058 985
1 NO9386011117947
1 NO93 8601 1117 947
0 NO93 A601 1117 947
0 NO93 8601 1117 948
1 PK36SCBL0000001123456702
1 PK36 SCBL 0000 0011 2345 6702
0 PK36 SCBL A000 0011 2345 6702
0 PK36 SCBL 0000 0011 2345 6703
1 PS92PALS000000000400123456702
1 PS92 PALS 0000 0000 0400 1234 5670 2
0 PS92 PALS A000 0000 0400 1234 5670 2
0 PS92 PALS 0000 0000 0400 1234 5670 3
1 PL61109010140000071219812874
1 PL61 1090 1014 0000 0712 1981 2874
0 PL61 A090 1014 0000 0712 1981 2874
0 PL61 1090 1014 0000 0712 1981 2875
1 PT50000201231234567890154
1 PT50 0002 0123 1234 5678 9015 4
0 PT50 A002 0123 1234 5678 9015 4
0 PT50 0002 0123 1234 5678 9015 5
1 QA58DOHB00001234567890ABCDEFG
1 QA58 DOHB 0000 1234 5678 90AB CDEF G
0 QA58 0OHB 0000 1234 5678 90AB CDEF G
0 QA58 DOHB 0000 1234 5678 90AB CDEF H
1 RO49AAAA1B31007593840000
1 RO49 AAAA 1B31 0075 9384 0000
0 RO49 0AAA 1B31 0075 9384 0000
0 RO49 AAAA 1B31 0075 9384 0001
1 SM86U0322509800000000270100
1 SM86 U032 2509 8000 0000 0270 100
0 SM86 0032 2509 8000 0000 0270 100
0 SM86 U032 2509 8000 0000 0270 101
1 SA0380000000608010167519
1 SA03 8000 0000 6080 1016 7519
0 SA03 A000 0000 6080 1016 7519
0 SA03 8000 0000 6080 1016 7510
1 RS35260005601001611379
1 RS35 2600 0560 1001 6113 79
0 RS35 A600 0560 1001 6113 79
0 RS35 2600 0560 1001 6113 70
1 SK3112000000198742637541
1 SK31 1200 0000 1987 4263 7541
0 SK31 A200 0000 1987 4263 7541
0 SK31 1200 0000 1987 4263 7542
1 SI56263300012039086
1 SI56 2633 0001 2039 086
0 SI56 A633 0001 2039 086
0 SI56 2633 0001 2039 087
1 ES9121000418450200051332
1 ES91 2100 0418 4502 0005 1332
0 ES91 A100 0418 4502 0005 1332
0 ES91 2100 0418 4502 0005 1333
1 SE4550000000058398257466
1 SE45 5000 0000 0583 9825 7466
0 SE45 A000 0000 0583 9825 7466
0 SE45 5000 0000 0583 9825 7467
1 CH9300762011623852957
1 CH93 0076 2011 6238 5295 7
0 CH93 A076 2011 6238 5295 7
0 CH93 0076 2011 6238 5295 8
1 TN5910006035183598478831
1 TN59 1000 6035 1835 9847 8831
0 TN59 A000 6035 1835 9847 8831
0 CH93 0076 2011 6238 5295 9
1 TR330006100519786457841326
1 TR33 0006 1005 1978 6457 8413 26
0 TR33 A006 1005 1978 6457 8413 26
0 TR33 0006 1005 1978 6457 8413 27
1 AE070331234567890123456
1 AE07 0331 2345 6789 0123 456
0 AE07 A331 2345 6789 0123 456
0 AE07 0331 2345 6789 0123 457
1 GB29NWBK60161331926819
1 GB29 NWBK 6016 1331 9268 19
0 GB29 1WBK 6016 1331 9268 19
0 GB29 NWBK 6016 1331 9268 10
1 VA59001123000012345678
1 VA59 0011 2300 0012 3456 78
0 VA59 A011 2300 0012 3456 78
0 VA59 0011 2300 0012 3456 79
1 VG96VPVG0000012345678901
1 VG96 VPVG 0000 0123 4567 8901
0 VG96 VPVG A000 0123 4567 8901
0 VG96 VPVG 0000 0123 4567 8902
0 AB150120690000003111141
0 IL15 0120 6900 0000
0 IL15 0120 6900 0000 3111 0120 6900 0000 3111 141
0 IL150120690000003111141
0 AM47212110090000000235698740
"""

IBAN = [
    *(
        pos("IBAN_CODE", line[2:]) if line[0] == "1" else neg("IBAN_CODE", line[2:])
        for line in _IBANS.strip("\n").splitlines()
    ),
    pos(
        "IBAN_CODE",
        "this is an iban VG96 VPVG 0000 0123 4567 8901 in a sentence",
        "VG96 VPVG 0000 0123 4567 8901",
    ),
    pos(
        "IBAN_CODE",
        "this is an iban VG96 VPVG 0000 0123 4567 8901 X in a sentence",
        "VG96 VPVG 0000 0123 4567 8901",
    ),
    pos(
        "IBAN_CODE",
        "list of ibans: AL47212110090000000235698741, AL47212110090000000235698741",
        "AL47212110090000000235698741",
        "AL47212110090000000235698741",
    ),
    neg(
        "IBAN_CODE",
        "Dalla's Pizza | 3843 Peartree Road, Bamblee, SD 20241 440-600-5124",
        others=("personal.street-address", "personal.phone"),
    ),
]

CASES: tuple[Case, ...] = (
    *PHONE,
    *EMAIL,
    *SSN,
    *ITIN,
    *CREDIT_CARD,
    *IBAN,
    *PASSPORT,
    *DRIVER_LICENSE,
    *NHS,
    *NINO,
    *SG_NRIC,
    *AU,
    *INDIA,
    *CA_SIN,
    *IP,
)
