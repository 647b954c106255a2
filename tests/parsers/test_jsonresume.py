"""JSON Resume: exact pointers and texts from every corpus resume, pointer escaping, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from discreet.errors import CorruptFileError, NoTextError, UnsupportedFormatError
from discreet.model import Document, DocumentKind, Format, Limits, Section
from discreet.parsers import jsonresume
from discreet.parsers.jsonresume import JsonLocation

RESUMES = Path("corpus/profiles/json-resume")
ADADA = "0xadada-resume/resume.json"
JMPEREZ = "JMPerez-linkedin-to-json-resume/sample-jsonresume.json"
DAVIS = "thomasdavis-resume/resume.json"
SAMPLE = "jsonresume-resume-schema/sample.resume.json"

# (resume, pointer, section, exact text); a None text means the value gives no segment.
VALUES = [
    (SAMPLE, "/basics/name", Section.CONTACT, "Richard Hendriks"),
    (SAMPLE, "/basics/label", Section.SUMMARY, "Programmer"),
    (SAMPLE, "/basics/phone", Section.CONTACT, "(912) 555-4321"),
    (SAMPLE, "/basics/location/address", Section.CONTACT, "2712 Broadway St"),
    (SAMPLE, "/basics/profiles/1/username", Section.CONTACT, "dandymusicnl"),
    (SAMPLE, "/work/0/highlights/1", Section.EXPERIENCE, "Successfully won Techcrunch Disrupt"),
    (SAMPLE, "/volunteer/0/highlights/0", Section.EXPERIENCE, "Awarded 'Teacher of the Month'"),
    (SAMPLE, "/education/0/score", Section.EDUCATION, "4.0"),
    (SAMPLE, "/education/0/courses/1", Section.EDUCATION, "CS2011 - Java Introduction"),
    (SAMPLE, "/awards/0/summary", Section.AWARDS, "There is no spoon."),
    (SAMPLE, "/publications/0/publisher", Section.PUBLICATIONS, "Hooli"),
    (SAMPLE, "/skills/1/keywords/0", Section.SKILLS, "Mpeg"),
    (SAMPLE, "/languages/0/fluency", Section.SKILLS, "Native speaker"),
    (SAMPLE, "/references/0/reference", Section.REFERENCES,
     "It is my pleasure to recommend Richard, his performance working as a consultant for Main St. Company "
     "proved that he will be a valuable addition to any company."),
    (SAMPLE, "/projects/0/roles/1", Section.PROJECTS, "Designer"),
    (SAMPLE, "/projects/0/entity", Section.PROJECTS, "Smoogle"),
    (SAMPLE, "/basics/image", Section.CONTACT, None),
    (SAMPLE, "/meta/version", Section.OTHER, None),
    (SAMPLE, "/$schema", Section.OTHER, None),
    (ADADA, "/basics/website", Section.CONTACT, "https://0xadada.pub/"),
    (ADADA, "/basics/phone", Section.CONTACT, "Upon request"),
    (ADADA, "/basics/location/postalCode", Section.CONTACT, "02143"),
    (ADADA, "/basics/picture", Section.CONTACT, None),
    (ADADA, "/work/0/company", Section.EXPERIENCE, "Cinch Financial"),
    (ADADA, "/work/0/website", Section.EXPERIENCE, "https://cinchfinancial.com/"),
    (ADADA, "/education/1/gpa", Section.EDUCATION, None),
    (ADADA, "/education/1/studyType", Section.EDUCATION, "Bachelor of Science"),
    (ADADA, "/interests/1/keywords/1", Section.SKILLS, "Backpacking"),
    (JMPEREZ, "/basics/email", Section.CONTACT, "jmperez1985@gmail.com"),
    (JMPEREZ, "/basics/phone", Section.CONTACT, None),
    (JMPEREZ, "/work/1/company", Section.EXPERIENCE, "Tuenti"),
    (JMPEREZ, "/education/1/institution", Section.EDUCATION, "Universitat d'Alacant"),
    (JMPEREZ, "/references/2/name", Section.REFERENCES, "Berto Ladrón de Guevara Ortiz de Zárate"),
    (JMPEREZ, "/references/2/reference", Section.REFERENCES,
     "José Manuel es un magnífico estudiante, además de tener experiencia laboral. Tiene capacidad de "
     "resolución, integración con el grupo y perseverancia ante los problemas.\nActualmente se encuentra "
     "estudiando en Noruega lo que demuestra que tiene una rápida adaptación al medio.\nNo he trabajado "
     "profesionalmente con él, pero estoy seguro que será un gran profesional y dará lo máximo en cada "
     "proyecto."),
    (DAVIS, "/basics/website", Section.CONTACT, "https://lordajax.com"),
    (DAVIS, "/work/1/website", Section.EXPERIENCE, "https://platform.blockbid.io"),
    (DAVIS, "/work/1/highlights/0", Section.EXPERIENCE, "React, Apollo, Styled Components"),
    (DAVIS, "/references/0/name", Section.REFERENCES, "Joey Flores, Co-founder and CEO of Earbits, Inc."),
    (DAVIS, "/awards/0/awarder", Section.AWARDS, "Fight For The Future"),
    (DAVIS, "/meta/theme", Section.OTHER, None),
]  # fmt: skip


def texts_at(document: Document, pointer: str) -> list[str]:
    """The texts of the segments located at one JSON pointer."""
    return [s.text for s in document.segments if s.location == JsonLocation(pointer)]


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("resume", "pointer", "section", "text"), VALUES)
def test_corpus_values_give_exact_segments(
    shared: Path, resume: str, pointer: str, section: Section, text: str | None
) -> None:
    document = jsonresume.parse(shared / RESUMES / resume, Limits())
    assert texts_at(document, pointer) == ([] if text is None else [text])
    assert {s.section for s in document.segments if s.location == JsonLocation(pointer)} <= {section}


@pytest.mark.parametrize("resume", [ADADA, JMPEREZ, DAVIS, SAMPLE])
def test_corpus_resume_gives_one_segment_per_text_value_in_file_order(shared: Path, resume: str) -> None:
    path = shared / RESUMES / resume
    document = jsonresume.parse(path, Limits())
    assert document.kind is DocumentKind.PROFILE
    assert document.format is Format.JSON_RESUME
    assert document.notes == ()
    expected = [pointer for pointer, _ in _string_leaves(json.loads(path.read_text(encoding="utf-8")), "")]
    assert [s.location for s in document.segments] == [JsonLocation(p) for p in expected]


def _string_leaves(value: object, pointer: str) -> list[tuple[str, str]]:
    """Every non-blank string under the resume sections, photos and meta left out (the spec)."""
    if isinstance(value, str):
        return [(pointer, value)] if value.strip() else []
    items: list[tuple[str, object]] = []
    if isinstance(value, dict):
        items = [(k, v) for k, v in value.items() if k not in ("image", "picture", "meta", "$schema")]
    elif isinstance(value, list):
        items = [(str(i), v) for i, v in enumerate(value)]
    return [leaf for key, item in items for leaf in _string_leaves(item, f"{pointer}/{key}")]


def test_corpus_davis_summary_is_one_segment(shared: Path) -> None:
    document = jsonresume.parse(shared / RESUMES / DAVIS, Limits())
    (summary,) = texts_at(document, "/basics/summary")
    assert summary.startswith("I'm a full stack web developer who can build apps from the ground up.")


def test_corpus_schema_is_not_a_resume(shared: Path) -> None:
    path = shared / RESUMES / "jsonresume-resume-schema/schema.json"
    with pytest.raises(UnsupportedFormatError) as caught:
        jsonresume.parse(path, Limits())
    assert str(caught.value) == (
        f"{path}: is JSON but neither a JSON Resume nor a profile draft discreet wrote: expected an object "
        "with sections such as basics, work, education and skills, or a draft's format, version and blocks, "
        "found $schema, $id, additionalProperties, definitions, properties, title; "
        "give a resume.json that follows jsonresume.org, or a draft written by discreet fix"
    )


def test_corpus_invalid_json_names_line_and_column(shared: Path) -> None:
    path = shared / "corpus/resumes/other/bsdpunk_res.json"
    with pytest.raises(CorruptFileError) as caught:
        jsonresume.parse(path, Limits())
    assert str(caught.value) == (
        f"{path}: is not valid JSON (line 23, column 1: Expecting property name enclosed in double quotes); "
        "fix the JSON at that place and try again"
    )


def test_corpus_copy_of_the_official_sample_reads_the_same(shared: Path) -> None:
    copy = jsonresume.parse(shared / "corpus/resumes/other/jsonresume_sample.resume.json", Limits())
    assert copy.segments == jsonresume.parse(shared / RESUMES / SAMPLE, Limits()).segments


@pytest.mark.parametrize(
    ("key", "pointer"),
    [
        ("notes/private", "/work/0/notes~1private"),
        ("a~b", "/work/0/a~0b"),
        ("~/", "/work/0/~0~1"),
        ("", "/work/0/"),
    ],
)
def test_pointer_escapes_tilde_and_slash(tmp_path: Path, key: str, pointer: str) -> None:
    path = write_json(tmp_path / "resume.json", {"basics": {"name": "Dana"}, "work": [{key: "Secret"}]})
    assert texts_at(jsonresume.parse(path, Limits()), pointer) == ["Secret"]


def test_pointer_function() -> None:
    assert jsonresume.pointer(["work", "2", "highlights", "1"]) == "/work/2/highlights/1"
    assert jsonresume.pointer(["m~n/o"]) == "/m~0n~1o"


def test_older_key_names_and_sections(tmp_path: Path) -> None:
    resume = {
        "bio": {"firstName": "Dana", "summary": "Seller", "picture": "https://x/p.png"},
        "work": [{"company": "Acme", "website": "https://acme.example", "highlights": ["Won $2M deal"]}],
        "education": [{"institution": "State U", "gpa": 3.9}],
        "hobbies": [{"name": "Chess"}],
        "certificates": [{"name": "CPA", "issuer": "AICPA"}],
        "custom": {"note": "not read"},
    }
    document = jsonresume.parse(write_json(tmp_path / "resume.json", resume), Limits())
    assert [(s.location, s.section, s.text) for s in document.segments] == [
        (JsonLocation("/bio/firstName"), Section.CONTACT, "Dana"),
        (JsonLocation("/bio/summary"), Section.SUMMARY, "Seller"),
        (JsonLocation("/work/0/company"), Section.EXPERIENCE, "Acme"),
        (JsonLocation("/work/0/website"), Section.EXPERIENCE, "https://acme.example"),
        (JsonLocation("/work/0/highlights/0"), Section.EXPERIENCE, "Won $2M deal"),
        (JsonLocation("/education/0/institution"), Section.EDUCATION, "State U"),
        (JsonLocation("/education/0/gpa"), Section.EDUCATION, "3.9"),
        (JsonLocation("/hobbies/0/name"), Section.SKILLS, "Chess"),
        (JsonLocation("/certificates/0/name"), Section.CERTIFICATIONS, "CPA"),
        (JsonLocation("/certificates/0/issuer"), Section.CERTIFICATIONS, "AICPA"),
    ]
    assert document.notes == ("/custom: not a JSON Resume section — not read",)


def test_line_breaks_become_lf_and_blank_values_are_skipped(tmp_path: Path) -> None:
    resume = {"basics": {"summary": "  One\r\nTwo\rThree  ", "phone": "   ", "email": None, "x": True}}
    document = jsonresume.parse(write_json(tmp_path / "resume.json", resume), Limits())
    assert [(s.location, s.text) for s in document.segments] == [
        (JsonLocation("/basics/summary"), "One\nTwo\nThree")
    ]
    assert document.text == "One\nTwo\nThree"


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "resume.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"basics": {"name": "Zoë"}}).encode())
    assert texts_at(jsonresume.parse(path, Limits()), "/basics/name") == ["Zoë"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"basics": {"name": "Dana"}}, True),
        ({"bio": {"firstName": "Dana"}}, True),
        ({"work": [], "education": []}, True),
        ({"work": []}, False),
        ({"basics": "Dana"}, False),
        ({"name": "discreet", "version": "1.0"}, False),
        ([{"basics": {}}], False),
        ("basics", False),
    ],
)
def test_looks_like_resume(data: object, expected: bool) -> None:
    assert jsonresume.looks_like_resume(data) is expected


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        ('{"basics": ', CorruptFileError, "is not valid JSON (line 1, column 12: Expecting value)"),
        ('{"basics": {"name": "Dana",}}', CorruptFileError, "(line 1, column 28: Expecting property name"),
        ("[1, 2]", UnsupportedFormatError, "is JSON but neither a JSON Resume nor a profile draft discreet"),
        ('{"author": "Dusty"}', UnsupportedFormatError, "found author; give a resume.json that follows"),
        ('{"basics": {"name": ""}, "meta": {"theme": "x"}}', NoTextError, "holds no text in its JSON Resume"),
        ("[" * 100_000 + "]" * 100_000, CorruptFileError, "nests JSON too deeply"),
    ],
)
def test_bad_files_raise_errors_that_name_the_file(
    tmp_path: Path, content: str, error: type[Exception], message: str
) -> None:
    path = tmp_path / "resume.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(error) as caught:
        jsonresume.parse(path, Limits())
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_deep_nesting_inside_a_section_is_noted(tmp_path: Path) -> None:
    deep: object = "hidden"
    for _ in range(40):
        deep = {"x": deep}
    resume = {"basics": {"name": "Dana"}, "work": [deep]}
    document = jsonresume.parse(write_json(tmp_path / "resume.json", resume), Limits())
    assert [s.text for s in document.segments] == ["Dana"]
    assert document.notes == ("/work/0" + "/x" * 31 + ": nested deeper than 32 levels — not read",)
