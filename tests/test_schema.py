"""The shipped JSON Schemas: valid, strict, in step with the enums, and met by every golden and CLI output."""

from __future__ import annotations

import io
import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest

from conftest import FIXTURES, REPO
from discreet import compare as compare_package
from discreet.cli import main
from discreet.formatters.aggregate import AGGREGATE_VERSION
from discreet.model import Category, DocumentKind, Format, Section, Severity
from discreet.packs import Action
from discreet.parsers.docxlocation import DocxPart
from discreet.report import REPORT_VERSION, Verdict

SCHEMAS = REPO / "src" / "discreet" / "schemas"
GOLDEN = REPO / "tests" / "golden"
PERSONA = FIXTURES / "persona"
# Each machine format, the schema it meets, and whether it is one JSON document or JSON Lines.
MACHINE_FORMATS = {"json": ("report", False), "jsonl": ("jsonl", True), "aggregate": ("aggregate", False)}


def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    return loaded


def validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(name), format_checker=jsonschema.FormatChecker())


def objects(text: str, lines: bool) -> list[Any]:
    """The JSON values of a report: one, or one a line."""
    return [json.loads(line) for line in text.splitlines()] if lines else [json.loads(text)]


def errors(name: str, value: Any) -> list[str]:
    return [error.message for error in validator(name).iter_errors(value)]


def test_schemas_are_draft_2020_12_and_valid() -> None:
    names = sorted(p.name for p in SCHEMAS.glob("*.json"))
    assert names == ["aggregate.schema.json", "jsonl.schema.json", "report.schema.json"]
    for name in ("report", "jsonl", "aggregate"):
        assert schema(name)["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(schema(name))


def test_schema_versions_are_the_formats_versions() -> None:
    assert schema("report")["properties"]["version"] == {"const": REPORT_VERSION}
    assert schema("aggregate")["properties"]["version"] == {"const": AGGREGATE_VERSION}
    assert {line["properties"]["version"]["const"] for line in schema("jsonl")["oneOf"]} == {REPORT_VERSION}


@pytest.mark.parametrize(
    ("definition", "enum"),
    [
        ("severity", Severity),
        ("category", Category),
        ("verdict", Verdict),
        ("action", Action),
        ("section", Section),
    ],
)
def test_schema_enums_follow_the_code(definition: str, enum: type[StrEnum]) -> None:
    for name in ("report", "jsonl"):
        assert schema(name)["$defs"][definition]["enum"] == [member.value for member in enum]


def test_schema_document_kinds_formats_and_parts_follow_the_code() -> None:
    document = schema("report")["$defs"]["document"]["properties"]
    assert document["kind"]["enum"] == [k.value for k in DocumentKind]
    assert document["format"]["enum"] == [f.value for f in Format]
    [docx] = [
        s
        for s in schema("report")["$defs"]["location"]["oneOf"]
        if s["properties"]["type"]["const"] == "docx"
    ]
    assert docx["properties"]["part"]["enum"] == [p.value for p in DocxPart]
    assert schema("aggregate")["properties"]["formats"]["propertyNames"]["enum"] == [f.value for f in Format]


@pytest.mark.parametrize(
    "golden",
    sorted(p.name for p in GOLDEN.glob("*") if p.suffix in {".json", ".jsonl"}),
)
def test_every_golden_machine_output_meets_its_schema(golden: str) -> None:
    lines = golden.endswith(".jsonl")
    values = objects((GOLDEN / golden).read_text(encoding="utf-8"), lines)
    assert values
    for value in values:
        assert errors("jsonl" if lines else "report", value) == []


def test_the_goldens_cover_every_line_type_and_location_kind() -> None:
    """So the golden validation above exercises each branch of the schemas."""
    lines = objects((GOLDEN / "handmade.jsonl").read_text(encoding="utf-8"), lines=True)
    assert {line["type"] for line in lines} == {"document", "error", "comparison"}
    report = json.loads((GOLDEN / "handmade.json").read_text(encoding="utf-8"))
    kinds = {f["location"]["type"] for d in report["documents"] for f in d["findings"]}
    assert kinds == {"pdf", "docx", "text", "export", "json"}
    assert {f["advice"] is None for d in report["documents"] for f in d["findings"]} == {True, False}


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (lambda r: r["documents"][0]["findings"][0].pop("why"), "'why' is a required property"),
        (lambda r: r["documents"][0]["findings"][0].update(public="hide"), "'hide' is not one of"),
        (lambda r: r["documents"][0].update(extra=1), "Additional properties are not allowed"),
        (lambda r: r.update(version=2), "3 was expected"),
    ],
    ids=["missing-why", "unknown-action", "extra-field", "old-version"],
)
def test_the_report_schema_rejects_what_the_contract_does_not_promise(broken: Any, message: str) -> None:
    report = json.loads((GOLDEN / "handmade.json").read_text(encoding="utf-8"))
    broken(report)
    found = errors("report", report)
    assert any(message in error for error in found), found


def test_the_aggregate_schema_rejects_a_file_name() -> None:
    args = ["audit", str(PERSONA / "resume.txt"), "--format", "aggregate"]
    value = json.loads(_run(args))
    assert errors("aggregate", value) == []
    value["paths"] = ["resume.txt"]
    assert errors("aggregate", value) == ["Additional properties are not allowed ('paths' was unexpected)"]


def _run(args: list[str]) -> str:
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "stdout", out)
        main(args)
    return out.getvalue()


@pytest.mark.parametrize("fmt", MACHINE_FORMATS)
@pytest.mark.parametrize("hiding", [[], ["--mask"], ["--quiet"]], ids=["plain", "mask", "quiet"])
def test_fresh_cli_output_meets_its_schema(fmt: str, hiding: list[str]) -> None:
    name, lines = MACHINE_FORMATS[fmt]
    args = ["audit", str(PERSONA), str(FIXTURES / "bad" / "empty.txt"), "--format", fmt, *hiding]
    args += [
        "--profile",
        str(PERSONA / "linkedin-export.zip"),
        "--private-terms",
        str(PERSONA / "private-terms.txt"),
    ]
    values = objects(_run(args), lines)
    assert values
    for value in values:
        assert errors(name, value) == []


def test_jsonl_streams_each_document_before_the_comparisons(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every document's line is on stdout before the audit compares anything, so it came as it finished."""
    out = io.StringIO()
    written_before_comparing: list[str] = []
    compare = compare_package.compare

    def recording_compare(*args: Any) -> Any:
        written_before_comparing.append(out.getvalue())
        return compare(*args)

    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(compare_package, "compare", recording_compare)
    args = [
        "audit",
        str(PERSONA / "resume.txt"),
        "--profile",
        str(PERSONA / "resume.json"),
        "--format",
        "jsonl",
    ]
    assert main(args) == 1
    [before] = written_before_comparing
    assert sorted(json.loads(line)["path"] for line in before.splitlines()) == sorted(
        [str(PERSONA / "resume.txt"), str(PERSONA / "resume.json")]
    )
    lines = out.getvalue().splitlines()
    assert out.getvalue().startswith(before)
    assert [json.loads(line)["type"] for line in lines] == ["document", "document", "comparison"]


def test_jsonl_to_a_file_is_the_rendered_report(tmp_path: Path) -> None:
    """A file is written whole; its lines are the streamed lines, documents in input order."""
    target = tmp_path / "report.jsonl"
    paths = [str(PERSONA / "resume.txt"), str(PERSONA / "resume.md"), str(FIXTURES / "bad" / "empty.txt")]
    assert main(["audit", *paths, "--format", "jsonl", "--output", str(target)]) == 2
    streamed = _run(["audit", *paths, "--format", "jsonl"])
    written = target.read_text(encoding="utf-8")
    assert sorted(written.splitlines()) == sorted(streamed.splitlines())
    assert [(v["type"], v["path"]) for v in objects(written, lines=True)] == [
        ("document", paths[0]),
        ("document", paths[1]),
        ("error", paths[2]),
    ]


def test_jsonl_writes_each_failure_once_whether_a_worker_or_the_folder_walk_found_it(tmp_path: Path) -> None:
    (tmp_path / "resume.txt").write_text(
        (PERSONA / "resume.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    os.mkfifo(tmp_path / "pipe.txt")
    values = objects(_run(["audit", str(tmp_path), "--format", "jsonl"]), lines=True)
    assert sorted((v["type"], Path(v["path"]).name) for v in values) == [
        ("document", "resume.txt"),
        ("error", "empty.txt"),
        ("error", "pipe.txt"),
    ]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_document_with_accepted_findings_meets_its_schema(fmt: str, tmp_path: Path) -> None:
    resume = tmp_path / "resume.md"
    resume.write_text(
        "Dana Whitfield\n\n## Experience\n<!-- discreet: ignore financial.money-amount -->\n"
        "- Closed a $850K deal.\n",
        encoding="utf-8",
    )
    name, lines = MACHINE_FORMATS[fmt]
    values = objects(_run(["audit", str(resume), "--format", fmt]), lines)
    documents = [v for v in values if fmt == "json" or v.get("type") == "document"]
    suppressed = [d["suppressed"] for v in documents for d in (v["documents"] if fmt == "json" else [v])]
    assert suppressed == [1]
    for value in values:
        assert errors(name, value) == []
