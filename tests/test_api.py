"""The public Python API: what `import discreet` offers, and that it reports what the CLI reports."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from importlib import import_module
from pathlib import Path

import pytest

import discreet
from conftest import FIXTURES, REPO, run
from discreet.cli import main
from discreet.formatters import json as json_format
from discreet.formatters.options import RenderOptions

PERSONA = FIXTURES / "persona"
RESUME = PERSONA / "resume.txt"
PROFILE = PERSONA / "linkedin-export.zip"

PACK = """
[pack]
id = "acme"
title = "Acme secrets"

[[rules]]
id = "acme.code-name"
category = "confidential"
title = "Acme code name"
why = "Code names are secret."
advice = "Say 'a new product'."
patterns = ['''Project (?P<v>Osprey)''']
group = "v"
flag = ["Led Project [[Osprey]]"]
allow = ["Led Project Sparrow"]
"""


def spans(report: discreet.DocumentReport) -> list[tuple[str, int, int, str]]:
    return [(f.finding.rule, f.finding.start, f.finding.end, f.finding.text) for f in report.findings]


# The surface


def test_import_discreet_loads_neither_the_engine_nor_the_parsers() -> None:
    code = "import discreet, sys; print(' '.join(sorted(sys.modules)))"
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.split())
    assert "discreet" in loaded
    heavy = {"discreet.api", "discreet.report", "regex", "pdfplumber", "pypdfium2", "docx", "rapidfuzz"}
    assert not loaded & heavy
    assert not {m for m in loaded if m.startswith("discreet.")}


def test_every_public_name_is_the_internal_object_not_a_copy() -> None:
    homes = discreet._HOMES
    assert set(discreet.__all__) == {*homes, "__version__"}
    for name, home in homes.items():
        assert getattr(discreet, name) is getattr(import_module(home), name), name
    assert set(discreet.__all__) <= set(dir(discreet))


def test_unknown_names_are_attribute_errors() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Settings'"):
        discreet.Settings  # noqa: B018


# fix_path


def test_fix_path_returns_the_copy_discreet_fix_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = FIXTURES / "persona" / "resume.docx"
    terms = (FIXTURES / "persona" / "private-terms.txt").read_text(encoding="utf-8").splitlines()
    written = tmp_path / "public.docx"
    code, out, _ = run(
        [
            "fix",
            str(source),
            "--output",
            str(written),
            "--private-terms",
            str(FIXTURES / "persona" / "private-terms.txt"),
        ],
        capsys,
    )
    fixed = discreet.fix_path(source, private_terms=[term for term in terms if term])
    assert fixed.data == written.read_bytes()
    assert out == f"{written}: " + "\n".join(fixed.summary) + "\n"
    assert (code, fixed.remaining, fixed.needs_person) == (0, (), False)


def test_fix_path_of_a_linkedin_export_is_its_profile_draft() -> None:
    fixed = discreet.fix_path(FIXTURES / "persona" / "linkedin-export.zip")
    assert fixed.data.decode("utf-8").startswith("# LinkedIn profile draft\n")
    assert fixed.summary[0].startswith("a draft of 9 profile fields")


def test_the_package_is_marked_typed() -> None:
    assert (Path(discreet.__file__).parent / "py.typed").is_file()


# audit_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Generated $4.2M in new annual recurring revenue in FY2024, up 37% year over year.",
            [("financial.money-amount", 10, 15, "$4.2M"), ("financial.business-percentage", 62, 65, "37%")],
        ),
        (
            "Led Project Falcon (confidential), a new pricing pilot with three strategic accounts.",
            [("confidential.code-name", 12, 18, "Falcon")],
        ),
        ("Rebuilt the enterprise onboarding playbook, now the standard for all new sales hires.", []),
        (
            "SUMMARY\nSales lead.\n\nEXPERIENCE\r\nClosed an $850K deal.",
            [("financial.money-amount", 42, 47, "$850K")],
        ),
    ],
)
def test_audit_text_finds_exact_spans(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert spans(discreet.audit_text(text)) == expected


def test_audit_text_gives_the_advice_and_the_rewrite() -> None:
    text = "Closed an $850K multi-year platform deal for Northwind Logistics."
    (located,) = discreet.audit_text(text).findings
    assert located.advice == discreet.Advice(
        public=discreet.Action.GENERALIZE,
        resume=discreet.Action.KEEP,
        reason="Money amount: generalize in public, keep in the resume",
        rewrite="Closed a six-figure multi-year platform deal for Northwind Logistics.",
        sentence=(0, len(text)),
    )
    assert located.location == discreet.TextLocation(line=1, column=11)


def test_audit_text_takes_the_declared_kind_and_format() -> None:
    report = discreet.audit_text("Senior engineer.", "profile", markdown=True, name="dana.md")
    document = report.document
    assert (document.path, document.kind, document.format) == (
        "dana.md",
        discreet.DocumentKind.PROFILE,
        discreet.Format.MARKDOWN,
    )
    assert discreet.audit_text("Senior engineer.").document.kind is discreet.DocumentKind.RESUME


def test_private_terms_with_stand_ins_and_public_terms() -> None:
    text = "Led Project Falcon for Northwind."
    report = discreet.audit_text(
        text, private_terms={"Northwind": "a national distributor"}, public_terms=["Falcon"]
    )
    assert spans(report) == [("confidential.private-term", 23, 32, "Northwind")]
    assert report.findings[0].advice is not None
    assert report.findings[0].advice.rewrite == "Led Project Falcon for a national distributor."
    assert spans(discreet.audit_text(text, private_terms=["Northwind"], public_terms=[])) == [
        ("confidential.code-name", 12, 18, "Falcon"),
        ("confidential.private-term", 23, 32, "Northwind"),
    ]


@pytest.mark.parametrize(("name", "markdown"), [("resume.txt", False), ("resume.md", True)])
def test_audit_text_reads_a_string_as_the_file_reader_reads_the_file(name: str, markdown: bool) -> None:
    path = PERSONA / name
    from_file = discreet.audit_path(path).documents
    from_text = discreet.audit_text(path.read_text(encoding="utf-8"), markdown=markdown, name=str(path))
    assert from_file == (from_text,)


# audit_path and the comparison


PERSONA_FINDINGS = [
    ("personal.phone", 56, 70, "(312) 555-0147"),
    ("personal.email", 78, 104, "dana.whitfield@example.com"),
    ("personal.street-address", 114, 164, "4127 Quillfeather Lane, Apt 3B, Evanston, IL 60201"),
    ("personal.birth-date", 180, 194, "March 14, 1986"),
    ("financial.money-amount", 555, 560, "$4.2M"),
    ("financial.business-percentage", 607, 610, "37%"),
    ("financial.business-percentage", 638, 642, "142%"),
    ("financial.money-amount", 673, 678, "$850K"),
    ("confidential.code-name", 772, 778, "Falcon"),
    ("financial.money-amount", 858, 863, "$1.2M"),
    ("financial.money-amount", 1267, 1272, "$1.1M"),
    ("financial.money-amount", 1276, 1281, "$2.6M"),
    ("confidential.marker", 1400, 1424, "confidential acquisition"),
    ("confidential.deal-party", 1428, 1446, "Pellmark Analytics"),
    ("compensation.pay-field", 2403, 2411, "$128,000"),
    ("compensation.salary-figure", 2422, 2427, "$140K"),
    ("references.referee-name", 2493, 2506, "Marcus Okafor"),
    ("references.referee-contact", 2545, 2559, "(312) 555-0183"),
    ("references.referee-contact", 2567, 2592, "marcus.okafor@example.org"),
]


def cli_json(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    code = main(["audit", *args, "--format", "json", "--jobs", "1"])
    assert code == 1
    return capsys.readouterr().out


def test_audit_path_reports_what_the_cli_reports(capsys: pytest.CaptureFixture[str]) -> None:
    report = discreet.audit_path(RESUME)
    assert [spans(d) for d in report.documents] == [PERSONA_FINDINGS]
    assert report.failures == ()
    assert json_format.render(report, RenderOptions()) == cli_json(capsys, str(RESUME))


def test_audit_path_with_a_profile_compares_as_the_cli_does(capsys: pytest.CaptureFixture[str]) -> None:
    report = discreet.audit_path(str(RESUME), profile=str(PROFILE))
    (comparison,) = report.comparisons
    assert (comparison.resume_path, comparison.profile_path) == (str(RESUME), str(PROFILE))
    assert [(e.rule, e.text) for e in comparison.exposures] == [
        ("financial.money-amount", "$4.2M"),
        ("financial.business-percentage", "37%"),
        ("confidential.client-name", "Northwind Logistics"),
    ]
    assert json_format.render(report, RenderOptions()) == cli_json(
        capsys, str(RESUME), "--profile", str(PROFILE)
    )


def test_compare_reports_relates_two_audited_documents() -> None:
    report = discreet.audit_path(RESUME, profile=PROFILE)
    resume, profile = report.documents
    assert discreet.compare_reports(resume, profile) == report.comparisons[0]
    with pytest.raises(discreet.UsageError, match="not a resume and a resume; audit the profile with kind"):
        discreet.compare_reports(resume, resume)


def test_a_folder_lists_unreadable_documents_as_failures_and_audits_the_rest(tmp_path: Path) -> None:
    (tmp_path / "resume.txt").write_bytes(RESUME.read_bytes())
    (tmp_path / "scan.pdf").write_bytes((FIXTURES / "bad" / "truncated.pdf").read_bytes())
    report = discreet.audit_path(tmp_path)
    assert [spans(d) for d in report.documents] == [PERSONA_FINDINGS]
    (failure,) = report.failures
    assert failure.path == str(tmp_path / "scan.pdf")
    assert failure.message.startswith(f"{tmp_path / 'scan.pdf'}: ")


def test_the_calls_run_outside_the_main_thread() -> None:
    # The CLI's per-document time limit uses SIGALRM, which only the main thread may set.
    with ThreadPoolExecutor(max_workers=2) as pool:
        from_path = pool.submit(discreet.audit_path, RESUME, profile=PROFILE)
        from_text = pool.submit(discreet.audit_text, RESUME.read_text(encoding="utf-8"), name=str(RESUME))
        path_report, text_report = from_path.result(), from_text.result()
    assert path_report == discreet.audit_path(RESUME, profile=PROFILE)
    assert text_report == path_report.documents[0]


# Errors


def test_a_missing_path_or_profile_raises_input_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.pdf"
    with pytest.raises(discreet.InputError, match=r"nowhere\.pdf: does not exist; check the path") as raised:
        discreet.audit_path(missing)
    assert raised.value.path == str(missing)
    with pytest.raises(discreet.InputError, match="does not exist"):
        discreet.audit_path(RESUME, profile=missing)


def test_bad_arguments_raise_discreet_errors() -> None:
    with pytest.raises(discreet.NoTextError, match="<text>: holds no text"):
        discreet.audit_text(" \n\t\n")
    with pytest.raises(discreet.UsageError, match="kind must be 'resume' or 'profile', not 'cv'"):
        discreet.audit_text("Sales lead.", "cv")
    with pytest.raises(discreet.UsageError, match=r"private_terms takes a list of strings.*\['Falcon'\]"):
        discreet.audit_text("Led Project Falcon.", private_terms="Falcon")
    with pytest.raises(discreet.UsageError, match=r"no rule has the id nope\.rule"):
        discreet.load_rules(disable=["nope.rule"])
    assert issubclass(discreet.NoTextError, discreet.InputError)
    assert issubclass(discreet.UsageError, discreet.DiscreetError)


# Rules


def test_load_rules_adds_packs_and_disables_rules(tmp_path: Path) -> None:
    (tmp_path / "acme.toml").write_text(PACK, encoding="utf-8")
    builtin = discreet.load_rules()
    assert "financial.money-amount" in {r.id for r in builtin}
    assert [r.id for r in discreet.load_rules([tmp_path], builtin=False)] == ["acme.code-name"]
    rules = discreet.load_rules([str(tmp_path)], disable=["financial.money-amount"])
    assert [r.id for r in rules] == [r.id for r in builtin if r.id != "financial.money-amount"] + [
        "acme.code-name"
    ]
    report = discreet.audit_text("Led Project Osprey, worth $2M.", rules=rules)
    assert spans(report) == [("acme.code-name", 12, 18, "Osprey")]
    with pytest.raises(discreet.RulePackError, match="rule directory not found"):
        discreet.load_rules([tmp_path / "missing"])


# Typing


CLIENT = """\
from pathlib import Path

import discreet


def high_findings(path: Path) -> list[tuple[str, int, int]]:
    report: discreet.Report = discreet.audit_path(path, private_terms=["Falcon"])
    return [
        (f.finding.rule, f.finding.start, f.finding.end)
        for d in report.documents
        for f in d.findings
        if f.finding.severity is discreet.Severity.HIGH
    ]


def comparison(resume: str, profile: str) -> discreet.Comparison:
    rules = discreet.load_rules(disable=["financial.money-amount"])
    return discreet.compare_reports(
        discreet.audit_text(resume, rules=rules), discreet.audit_text(profile, "profile", rules=rules)
    )


def describe(location: discreet.Location) -> str:
    if isinstance(location, discreet.TextLocation):
        return f"line {location.line}"
    return location.describe()


try:
    high_findings(Path("resume.pdf"))
except discreet.DiscreetError as error:
    print(error)
"""

MISUSE = """\
import discreet

discreet.audit_pth("resume.pdf")
count: int = discreet.audit_path("resume.pdf")
discreet.audit_text("text", kind="cv")
"""


def test_a_typed_client_checks_under_mypy_strict_and_misuse_is_caught(tmp_path: Path) -> None:
    (tmp_path / "client.py").write_text(CLIENT, encoding="utf-8")
    (tmp_path / "misuse.py").write_text(MISUSE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "client.py", "misuse.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    errors = [line.split(": error: ")[0] for line in result.stdout.splitlines() if ": error: " in line]
    assert errors == ["misuse.py:3", "misuse.py:4", "misuse.py:5"], result.stdout
    assert 'Module has no attribute "audit_pth"' in result.stdout


# The README


def test_the_readme_example_prints_what_the_readme_says(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    section = (REPO / "README.md").read_text(encoding="utf-8").split("## Python API\n")[1].split("\n## ")[0]
    code, output = (block.split("\n", 1)[1] for block in section.split("```")[1::2])
    monkeypatch.chdir(REPO)
    exec(compile(code, "README.md", "exec"), {})
    assert capsys.readouterr().out == output
