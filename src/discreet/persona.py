"""The fictional persona shipped with discreet, and her resume audited as a worked case."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from discreet.audit import Settings, audit
from discreet.detect import Terms
from discreet.errors import InputError
from discreet.packs import Rule
from discreet.report import DocumentReport

RESUME, PRIVATE_TERMS = "resume.txt", "private-terms.txt"
REINSTALL = "reinstall discreet"


def persona_dir() -> Path:
    """The persona's files: inside the wheel, or fixtures/persona beside src/ in a checkout."""
    here = Path(__file__).resolve().parent
    candidates = (here / "persona", here.parents[1] / "fixtures" / "persona")
    for candidate in candidates:
        if (candidate / RESUME).is_file():
            return candidate
    raise InputError(candidates[0] / RESUME, "the fictional persona's resume is missing", REINSTALL)


def private_terms() -> tuple[str, ...]:
    """The names the persona lists as private, one a line in her private-terms file."""
    path = persona_dir() / PRIVATE_TERMS
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(
            path, f"cannot read the persona's private terms ({error.strerror})", REINSTALL
        ) from error
    return tuple(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))


def persona_case(rules: Sequence[Rule]) -> DocumentReport:
    """Audit the persona's text resume with her private terms, as any user's would be."""
    report = audit([persona_dir() / RESUME], Settings(tuple(rules), Terms(private=private_terms())))
    if report.failures:
        failure = report.failures[0]
        raise InputError(failure.path, f"the persona's resume could not be audited ({failure.message})")
    return report.documents[0]
