"""Mutational fuzzing of every parser and of detection with formatting (tests/test_fuzz.py, bench/fuzz.py).

The contract under test: every input either parses (and audits, and renders) or raises a
DiscreetError; any other exception is a crash. Input `index` of a run with `seed` is made by
its own RNG, so one number pair regenerates any input without replaying the run before it.
"""

from __future__ import annotations

import copy
import io
import json
import re
import traceback
import warnings
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from random import Random
from typing import Any, TypeGuard

from lxml import etree

from discreet.audit import audit_document
from discreet.detect import Terms
from discreet.errors import DiscreetError
from discreet.formatters import ReportFormat, renderer
from discreet.formatters.options import RenderOptions
from discreet.model import Destination, Limits
from discreet.packs import Rule, all_rules, builtin_rules_dir, load_packs
from discreet.parsers import text
from discreet.read import read
from discreet.report import Report
from discreet.safecopy import fix

REPO = Path(__file__).resolve().parents[1]
PERSONA = REPO / "fixtures" / "persona"
BAD = REPO / "fixtures" / "bad"
CORPUS = REPO.parent / "shared" / "corpus"
CRASHES = REPO.parent / "shared" / "reliability" / "crashes"
# Small seeds mutate into more inputs a second; a big corpus file adds little a tiny one lacks.
MAX_SEED_BYTES = 160_000
MAX_INPUT_BYTES = 400_000
LIMITS = Limits(max_pages=8)

Mutator = Callable[[Random, bytes, Sequence[bytes]], bytes]

INTERESTING_NUMBERS = (
    b"0",
    b"-1",
    b"1e308",
    b"-0.0",
    b"4294967296",
    b"99999999999999999999",
    b"1" * 120,
    b"NaN",
    b"2147483647",
    b"0.000001",
)
PDF_TOKENS = (
    *(b"obj", b"endobj", b"stream\n", b"\nendstream", b"xref", b"trailer", b"startxref", b"%%EOF"),
    *(b"<<", b">>", b"[", b"]", b"(", b")", b"<", b">", b"/", b"R", b" 0 R", b"\\"),
    *(b"/Length 999999999", b"/Type /Page", b"/Type /Pages", b"/Kids [", b"/Count 99999", b"/Parent"),
    *(b"/MediaBox [0 0 1e38 1e38]", b"/MediaBox [0 0 0 0]", b"/CropBox [5 5 -5 -5]", b"/Rotate 270"),
    *(b"/Filter /FlateDecode", b"/Font", b"/Resources", b"/ToUnicode", b"/Encrypt", b"/Annots [", b"/URI"),
    *(b"BT", b"ET", b"Tj", b"TJ", b"Tf", b"Td", b"TD", b"Tm", b"T*", b"cm", b"q", b"Q", b"re", b"Do"),
    b"1e38 0 0 1e38 0 0 cm",
    b"/F1 0 Tf",
    b"/F1 1e30 Tf",
)
XML_TOKENS = (
    *(b"<", b">", b"/>", b"</", b'"', b"'", b"=", b"&amp;", b"&#0;", b"&#xD800;", b"&lt;", b"&bogus;"),
    *(b"<w:p>", b"</w:p>", b"<w:r>", b"</w:r>", b"<w:t>", b"</w:t>", b"<w:tbl>", b"<w:tr>", b"<w:tc>"),
    b'<w:fldChar w:fldCharType="begin"/>',
    b'<w:fldChar w:fldCharType="end"/>',
    b'<w:instrText> HYPERLINK "mailto:a@b.c" </w:instrText>',
    b"<w:vanish/>",
    b"<w:del>",
    b"<w:ins>",
    b'<w:hyperlink r:id="rId999">',
    b'<w:commentReference w:id="7"/>',
    b"<mc:AlternateContent>",
    b"<w:txbxContent>",
    b'<w:rStyle w:val="Hidden"/>',
    b'<w:basedOn w:val="Normal"/>',
    b"<![CDATA[x]]>",
    b"<!-- -->",
    b"<?pi x?>",
)
CSV_TOKENS = (
    *(b'"', b'""', b",", b";", b"\t", b"\r\n", b"\n", b"\r", b"\x00", b"\xef\xbb\xbf", b"\xff\xfe"),
    *(b"Notes:", b"First Name", b"Company Name", b"Description", b"Started On", b"Finished On"),
    b"Jan 2020",
    b"13/45/2020",
    b"=cmd|'/C calc'!A0",
)
JSON_TOKENS = (
    *(
        b"{",
        b"}",
        b"[",
        b"]",
        b'"',
        b":",
        b",",
        b"null",
        b"true",
        b"false",
        b"\\",
        b'"\\ud800"',
        b'"\\u0000"',
    ),
    *(b'"basics"', b'"work"', b'"highlights"', b'"profiles"', b"[" * 40, b"{}" * 20, b"1e400", b"-"),
)
TEXT_TOKENS = (
    *(
        b"\r",
        b"\r\n",
        b"\n\n",
        b"\t",
        b"\x00",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xe2\x80\x8b",
        b"\xe2\x80\xae",
    ),
    *(b"\xcc\x81", b"\xf0\x9f\x91\x8d", b"\xc3", b"\xed\xa0\x80", b"PK\x03\x04", b"%PDF-1.7\n", b"{", b"#"),
    *("Salary: $140K", "(555) 555-0147", "dana@example.com", "SSN 078-05-1120", "DOB 04/12/1981"),
    *("EXPERIENCE", "References", "Confidential: Project Falcon", "4111 1111 1111 1111", "İstanbul ǅ ß"),
    *("\u0663\u0664\u0665", "５５５-０１４７", "$1,000,000,000", "UK NI QQ 12 34 56 C", "  •  "),
)


def _encoded(tokens: Sequence[bytes | str]) -> tuple[bytes, ...]:
    return tuple(t.encode() if isinstance(t, str) else t for t in tokens)


# --- byte-level mutation -------------------------------------------------------------------------


def mutate_bytes(rng: Random, data: bytes, others: Sequence[bytes], tokens: Sequence[bytes]) -> bytes:
    """Apply one to eight random edits: flips, interesting values, cuts, copies, tokens, splices."""
    buffer = bytearray(data)
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 4, 8))):
        _edit(rng, buffer, others, tokens)
    return bytes(buffer[:MAX_INPUT_BYTES])


def _edit(rng: Random, buffer: bytearray, others: Sequence[bytes], tokens: Sequence[bytes]) -> None:
    at = rng.randrange(len(buffer) + 1)
    span = rng.choice((1, 2, 4, 8, 32, 256, 4096))
    match rng.randrange(10):
        case 0 if buffer:
            buffer[min(at, len(buffer) - 1)] ^= 1 << rng.randrange(8)
        case 1 if buffer:
            buffer[min(at, len(buffer) - 1)] = rng.choice((0, 1, 0x7F, 0x80, 0xFF, 0x3C, 0x22, 0x0A, 0x25))
        case 2:
            del buffer[at : at + span]
        case 3:
            start = rng.randrange(len(buffer) + 1)
            buffer[at:at] = buffer[start : start + span] * rng.choice((1, 2, 16))
        case 4 | 5:
            buffer[at:at] = rng.choice(tokens)
        case 6:
            del buffer[at:]
        case 7 if others:
            other = rng.choice(others)
            buffer[at:] = other[rng.randrange(len(other) + 1) :]
        case 8:
            _renumber(rng, buffer)
        case _:
            buffer[at:at] = rng.randbytes(rng.randrange(1, 17))


def _renumber(rng: Random, buffer: bytearray) -> None:
    """Replace one number in the data with an extreme one: sizes, counts and offsets live there."""
    numbers = [m.span() for m in re.finditer(rb"-?\d+(?:\.\d+)?", buffer[:65536])]
    if numbers:
        start, end = rng.choice(numbers)
        buffer[start:end] = rng.choice(INTERESTING_NUMBERS)


# --- format-aware mutation -----------------------------------------------------------------------


def mutate_xml(rng: Random, data: bytes, others: Sequence[bytes]) -> bytes:
    """Edit markup as a tree half the time, so the result stays well-formed and reaches the reader."""
    if rng.random() < 0.5:
        try:
            root = etree.fromstring(data, _XML_PARSER)
        except etree.XMLSyntaxError:
            root = None
        if root is not None:
            for _ in range(rng.choice((1, 1, 2, 4))):
                _edit_tree(rng, root)
            return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
    return _mutate_markup(rng, data, others)


_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WRAPPERS = tuple(f"{{{_W_NS}}}{tag}" for tag in ("ins", "del", "hyperlink", "sdt", "sdtContent", "smartTag"))
_FIELD_TEXTS = (
    ' HYPERLINK "mailto:dana@example.com" ',
    " HYPERLINK \\l bookmark ",
    ' MERGEFIELD "Salary" ',
    " PAGE ",
    "",
    "Salary: $140K",
    "\u202e(555) 555-0147",
)


def _edit_tree(rng: Random, root: Any) -> None:
    """One element-level edit: drop, copy, move, rename, wrap, or change an attribute or text."""
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    element = rng.choice(elements)
    parent = element.getparent()
    match rng.randrange(7):
        case 0 if parent is not None:
            parent.remove(element)
        case 1 if parent is not None:
            parent.insert(parent.index(element), copy.deepcopy(element))
        case 2:
            target = rng.choice(elements)
            if parent is not None and element not in set(target.iterancestors()) and target is not element:
                target.append(element)
        case 3:
            element.tag = rng.choice(elements).tag
        case 4 if parent is not None:
            wrapper = etree.Element(rng.choice(_WRAPPERS))
            parent.replace(element, wrapper)
            wrapper.append(element)
        case 5 if element.attrib:
            name = rng.choice(list(element.attrib))
            element.set(name, rng.choice(("", "-1", "99999999", "rId999", "true", "0", "default", "a" * 300)))
        case _:
            element.text = rng.choice(_FIELD_TEXTS)


def _mutate_markup(rng: Random, data: bytes, others: Sequence[bytes]) -> bytes:
    """Edit markup as text: drop, copy, move or add tags and change attribute values."""
    tags = [m.span() for m in re.finditer(rb"<[^<>]{1,400}>", data)]
    if not tags or rng.random() < 0.3:
        return mutate_bytes(rng, data, others, XML_TOKENS)
    start, end = rng.choice(tags)
    match rng.randrange(5):
        case 0:
            return data[:start] + data[end:]
        case 1:
            return data[:start] + data[start:end] * rng.choice((2, 3, 50)) + data[end:]
        case 2:
            other_start, other_end = rng.choice(tags)
            return data[:start] + data[other_start:other_end] + data[start:]
        case 3:
            return data[:start] + rng.choice(XML_TOKENS) + data[start:]
        case _:
            values = [m.span(1) for m in re.finditer(rb'="([^"]*)"', data[start:end])]
            if not values:
                return data[:end] + rng.choice(XML_TOKENS) + data[end:]
            value_start, value_end = rng.choice(values)
            value = rng.choice((b"", b"-1", b"99999999", b"rId999", b"../../../x", b"true", b"0", b"a" * 300))
            return data[: start + value_start] + value + data[start + value_end :]


def mutate_json(rng: Random, data: bytes, others: Sequence[bytes]) -> bytes:
    """Edit JSON as a tree mostly (swap, nest, stretch values), as bytes otherwise."""
    tree = _json_tree(data)
    if tree is None or rng.random() < 0.3:
        return mutate_bytes(rng, data, others, JSON_TOKENS)
    for _ in range(rng.randrange(1, 4)):
        tree = _mutate_tree(rng, tree, depth=0)
    return json.dumps(tree, ensure_ascii=rng.random() < 0.5).encode()[:MAX_INPUT_BYTES]


@cache
def _json_tree(data: bytes) -> object:
    try:
        return json.loads(data)
    except (ValueError, RecursionError):
        return None


def _mutate_tree(rng: Random, value: object, depth: int) -> object:
    if isinstance(value, dict) and value and (depth == 0 or rng.random() < 0.8):
        key = rng.choice(list(value))
        return {**value, key: _mutate_tree(rng, value[key], depth + 1)}
    if isinstance(value, list) and value and rng.random() < 0.8:
        index = rng.randrange(len(value))
        return [*value[:index], _mutate_tree(rng, value[index], depth + 1), *value[index + 1 :]]
    choices: tuple[object, ...] = (
        None,
        True,
        -1,
        10**19,
        1e300,
        "",
        "x" * 5000,
        "\ud7ff\u202e\x00",
        [],
        {},
        [value] * 3,
        {"basics": value},
        {"": value, "~/": value},
        json.loads("[" * 40 + "]" * 40),
        str(value)[:200],
    )
    return rng.choice(choices)


def mutate_pdf(rng: Random, data: bytes, others: Sequence[bytes]) -> bytes:
    """Edit a PDF's bytes with PDF tokens, or one of its objects as a whole."""
    objects = [m.span() for m in re.finditer(rb"\d+ \d+ obj.{0,3000}?endobj", data[:MAX_SEED_BYTES], re.S)]
    if not objects or rng.random() < 0.7:
        return mutate_bytes(rng, data, others, PDF_TOKENS)
    start, end = rng.choice(objects)
    if rng.random() < 0.5:
        return data[:start] + data[end:]
    inner = mutate_bytes(rng, data[start:end], others, PDF_TOKENS)
    return data[:start] + inner + data[end:]


def mutate_text(rng: Random, data: bytes, others: Sequence[bytes]) -> bytes:
    """Edit text with line breaks, encodings marks, odd scripts and things detection looks for."""
    return mutate_bytes(rng, data, others, _encoded(TEXT_TOKENS))


def mutate_excerpt(rng: Random, data: bytes, others: Sequence[bytes]) -> bytes:
    """Edit an excerpt of a few lines: detection costs by the character, and findings cluster."""
    start = rng.randrange(len(data))
    return mutate_text(rng, data[start : start + rng.choice((200, 800, 3000))], others)


def zip_mutator(member: Mutator, weight: Callable[[str], int]) -> Mutator:
    """Mutate a ZIP mostly through its members, so inputs get past the archive layer to the parser."""

    def mutate(rng: Random, data: bytes, others: Sequence[bytes]) -> bytes:
        members = zip_members(data)
        if not members or rng.random() < 0.08:
            return mutate_bytes(rng, data, others, (b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"))
        names = [name for name, _ in members]
        chosen = rng.choices(range(len(members)), weights=[weight(n) for n in names])[0]
        edited = list(members)
        match rng.randrange(24):
            case 0:
                del edited[chosen]
            case 1:
                edited.append(edited[chosen])
            case 2:
                edited[chosen] = (
                    rng.choice(("../" + names[chosen], names[chosen].upper(), "")),
                    members[chosen][1],
                )
            case _:
                name, content = members[chosen]
                edited[chosen] = (name, member(rng, content, [c for _, c in members]))
        return _zipped(edited, zipfile.ZIP_DEFLATED if rng.random() < 0.5 else zipfile.ZIP_STORED)

    return mutate


@cache
def zip_members(data: bytes) -> tuple[tuple[str, bytes], ...]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return tuple((info.filename, archive.read(info)) for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, zlib.error):
        return ()


def _zipped(members: Sequence[tuple[str, bytes]], method: int) -> bytes:
    buffer = io.BytesIO()
    with (
        warnings.catch_warnings(),
        zipfile.ZipFile(
            buffer, "w", method, compresslevel=1 if method == zipfile.ZIP_DEFLATED else None
        ) as out,
    ):
        for name, content in members:
            warnings.simplefilter("ignore")  # a duplicated member name is one of the mutations
            info = zipfile.ZipInfo(name or "_", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            out.writestr(info, content)
    return buffer.getvalue()


def _docx_weight(name: str) -> int:
    return 20 if name == "word/document.xml" else 4 if name.endswith((".xml", ".rels")) else 1


def _csv_weight(name: str) -> int:
    return 6 if name.lower().endswith(".csv") else 1


# --- seeds ---------------------------------------------------------------------------------------


def _files(*patterns: tuple[Path, str], largest: int = MAX_SEED_BYTES) -> tuple[bytes, ...]:
    """The bytes of every file matching the patterns under existing folders, small ones only."""
    found: list[bytes] = []
    for folder, pattern in patterns:
        if folder.is_dir():
            for path in sorted(folder.glob(pattern)):
                if path.is_file() and 0 < path.stat().st_size <= largest:
                    found.append(path.read_bytes())
    return tuple(found)


def _folder_zips(folder: Path) -> tuple[bytes, ...]:
    """Each LinkedIn export folder under folder, zipped the way LinkedIn delivers it."""
    zips = []
    if folder.is_dir():
        for export in sorted(p for p in folder.iterdir() if p.is_dir()):
            members = [
                (str(path.relative_to(export)), path.read_bytes())
                for path in sorted(export.rglob("*"))
                if path.is_file() and path.suffix.lower() == ".csv"
            ]
            if members and sum(len(c) for _, c in members) <= MAX_SEED_BYTES:
                zips.append(_zipped(members, zipfile.ZIP_DEFLATED))
    return tuple(zips)


def inflated(pdf: bytes) -> bytes:
    """A PDF with its Flate content streams stored plainly, so byte edits reach text operators."""
    pieces, done = [], 0
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        head_start = pdf.rfind(b"obj", done, match.start())
        try:
            raw = zlib.decompress(match.group(1))
        except zlib.error:
            continue
        if head_start < 0 or b"BT" not in raw:  # fonts and images would only slow parsing down
            continue
        head = re.sub(rb"/Filter\s*/FlateDecode", b"", pdf[head_start : match.start()])
        head = re.sub(rb"/Length\s+\d+(?!\s+\d+\s+R)", b"/Length %d" % len(raw), head)
        pieces += [pdf[done:head_start], head, b"stream\n", raw, b"\nendstream"]
        done = match.end()
    return b"".join([*pieces, pdf[done:]])


# --- targets -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Target:
    """One entry point to fuzz: the suffix its inputs get, its seeds, how to mutate and what to run."""

    name: str
    suffix: str
    seeds: tuple[bytes, ...]
    mutate: Mutator
    run: Callable[[Path], None]


@dataclass(frozen=True, slots=True)
class Crash:
    """An input that broke the contract, with what regenerates it."""

    target: str
    seed: int
    index: int
    error: str
    where: str


def _read(path: Path) -> None:
    read(path, LIMITS)


def _redraft(path: Path) -> None:
    """Read a profile draft, audit it and make its own draft, as discreet fix draft.json does."""
    report = audit_document(read(path, LIMITS), _rules(), TERMS)
    fix(report, path.read_bytes(), Destination.PUBLIC)


@cache
def _rules() -> tuple[Rule, ...]:
    return all_rules(load_packs([builtin_rules_dir()]))


TERMS = Terms(private=("Project Falcon", "Northwind Traders"), public=("Acme Corp",))
RENDERINGS = (RenderOptions(), RenderOptions(mask=True), RenderOptions(quiet=True, color=True, width=40))
JSON_FORMATS = frozenset({"json", "sarif", "aggregate"})


def _audit_and_render(path: Path) -> None:
    """Audit a text and render it in every format; a JSON-based format must stay valid JSON."""
    rules = _rules()
    # The text parser takes any bytes, so every input reaches detection (read() refuses binary).
    report = audit_document(text.parse(path, LIMITS), rules, TERMS)
    # The report names the rules that fired and a few that did not: SARIF describes every rule
    # in the report, and describing all of them would cost more than the audit.
    fired = {located.finding.rule for located in report.findings}
    named = tuple(rule for index, rule in enumerate(rules) if index < 3 or rule.id in fired)
    whole = Report((report,), (), named)
    for output in ReportFormat:
        for options in RENDERINGS:
            rendered = renderer(output)(whole, options)
            if output.value in JSON_FORMATS:
                json.loads(rendered)


@cache
def targets() -> dict[str, Target]:
    """Every fuzz target by name, seeded from fixtures and, when present, the shared corpus."""
    pdfs = _files((PERSONA, "*.pdf"), (BAD, "*.pdf"), (CORPUS / "resumes" / "pdf", "*.pdf"))
    pdfs += _files((CORPUS / "profiles" / "linkedin-pdf", "**/*.pdf"))
    pdfs += _files((CRASHES, "*.pdf"), largest=4 * MAX_SEED_BYTES)
    texts = _files((PERSONA, "*.txt"), (PERSONA, "*.md"), (CORPUS / "resumes" / "text", "*"))
    exports = _files((PERSONA, "*.zip"), (BAD, "*.zip")) + _folder_zips(PERSONA)
    exports += _folder_zips(CORPUS / "profiles" / "linkedin-export")
    return {
        "pdf": Target(
            "pdf", ".pdf", tuple(dict.fromkeys(pdfs + tuple(map(inflated, pdfs)))), mutate_pdf, _read
        ),
        "docx": Target(
            "docx",
            ".docx",
            _files((PERSONA, "*.docx"), (BAD, "*.docx"), (CORPUS / "resumes" / "docx", "*.docx"))
            + _files((CRASHES, "*.docx")),
            zip_mutator(mutate_xml, _docx_weight),
            _read,
        ),
        "text": Target("text", ".txt", texts, mutate_text, _read),
        "linkedin": Target("linkedin", ".zip", exports, zip_mutator(_mutate_csv, _csv_weight), _read),
        "jsonresume": Target(
            "jsonresume",
            ".json",
            _files((PERSONA, "*.json"), (CORPUS / "profiles" / "json-resume", "**/*.json"))
            + _files((CORPUS / "resumes" / "other", "*.json")),
            mutate_json,
            _read,
        ),
        "draft": Target(
            "draft",
            ".json",
            _files((REPO / "tests" / "golden" / "profile-draft", "*.json")),
            mutate_json,
            _redraft,
        ),
        "detect": Target("detect", ".txt", texts, mutate_excerpt, _audit_and_render),
    }


def _mutate_csv(rng: Random, data: bytes, others: Sequence[bytes]) -> bytes:
    return mutate_bytes(rng, data, others, CSV_TOKENS)


# --- running -------------------------------------------------------------------------------------


def generate(target: Target, seed: int, index: int) -> bytes:
    """Make input `index` of a run with `seed`: a mutation of one seed, chosen by its own RNG."""
    rng = Random(f"{target.name}:{seed}:{index}")
    chosen = rng.choice(target.seeds)
    return target.mutate(rng, chosen, target.seeds) or chosen[:1]


def attempt(target: Target, data: bytes, workdir: Path) -> Exception | None:
    """Run one input through the target: None if it parsed, the DiscreetError if refused, else the crash."""
    path = workdir / f"input{target.suffix}"
    path.write_bytes(data)
    try:
        target.run(path)
    except Exception as error:  # any exception but a DiscreetError is the crash this harness looks for
        return error
    return None


def is_crash(outcome: Exception | None) -> TypeGuard[Exception]:
    """Whether an outcome of attempt() broke the contract."""
    return outcome is not None and not isinstance(outcome, DiscreetError)


def where(error: BaseException) -> str:
    """The innermost frame of discreet's own code and the innermost frame overall: a crash's identity."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/discreet/" in f.filename]
    pick = [*ours[-1:], *frames[-1:]]
    return " <- ".join(f"{Path(f.filename).name}:{f.lineno}" for f in pick) or "?"


def describe(error: BaseException) -> str:
    """The exception's type and first line, short enough for a report."""
    first = (str(error).splitlines() or [""])[0][:160]
    return f"{type(error).__name__}: {first}"


def fuzz(target: Target, seed: int, count: int, workdir: Path) -> list[Crash]:
    """Run `count` inputs of one target and return the crashes, one per distinct place."""
    crashes: dict[str, Crash] = {}
    for index in range(count):
        error = attempt(target, generate(target, seed, index), workdir)
        if is_crash(error):
            place = where(error)
            crashes.setdefault(place, Crash(target.name, seed, index, describe(error), place))
    return list(crashes.values())
