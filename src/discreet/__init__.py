"""discreet: find what a resume or public profile must not make public.

The supported Python API is exactly the names in ``discreet.__all__``: the functions of
discreet.api, the result types a caller reads, and the error hierarchy. Every module under
``discreet.`` (discreet.audit, discreet.detect, discreet.formatters, ...) is internal and may
change in any release. ``fix_path`` returns the safe copy ``discreet fix`` writes; the rewrite of
each finding is in ``LocatedFinding.advice.rewrite``.
"""

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing, which costs more than this module

__version__ = "0.1.0"

if TYPE_CHECKING:
    from discreet.api import audit_path, audit_text, compare_reports, fix_path, load_rules
    from discreet.errors import (
        CorruptFileError,
        DiscreetError,
        EncryptedError,
        InputError,
        NoTextError,
        RulePackError,
        RuleTimeoutError,
        TooLargeError,
        UnsupportedFormatError,
        UsageError,
    )
    from discreet.model import (
        Action,
        Advice,
        Category,
        Document,
        DocumentKind,
        Finding,
        Format,
        Limits,
        Location,
        Section,
        Segment,
        Severity,
        Verdict,
    )
    from discreet.packs import Example, Rule
    from discreet.parsers.docxlocation import DocxLocation, DocxPart
    from discreet.parsers.jsonresume import JsonLocation
    from discreet.parsers.linkedin import ExportLocation
    from discreet.parsers.pdf import BBox, PdfLocation
    from discreet.parsers.text import TextLocation
    from discreet.report import (
        Comparison,
        DocumentReport,
        Exposure,
        Failure,
        FixedCopy,
        LocatedFinding,
        Mismatch,
        Report,
        Suggestion,
        Totals,
    )

# Each public name is imported from its module on first use, so that `import discreet` (and with it
# `discreet --help`) does not load the rule engine, the parsers or the comparison.
_HOMES = {
    "audit_path": "discreet.api",
    "audit_text": "discreet.api",
    "compare_reports": "discreet.api",
    "fix_path": "discreet.api",
    "load_rules": "discreet.api",
    "CorruptFileError": "discreet.errors",
    "DiscreetError": "discreet.errors",
    "EncryptedError": "discreet.errors",
    "InputError": "discreet.errors",
    "NoTextError": "discreet.errors",
    "RulePackError": "discreet.errors",
    "RuleTimeoutError": "discreet.errors",
    "TooLargeError": "discreet.errors",
    "UnsupportedFormatError": "discreet.errors",
    "UsageError": "discreet.errors",
    "BBox": "discreet.parsers.pdf",
    "Category": "discreet.model",
    "Document": "discreet.model",
    "DocumentKind": "discreet.model",
    "DocxLocation": "discreet.parsers.docxlocation",
    "DocxPart": "discreet.parsers.docxlocation",
    "ExportLocation": "discreet.parsers.linkedin",
    "Finding": "discreet.model",
    "Format": "discreet.model",
    "JsonLocation": "discreet.parsers.jsonresume",
    "Limits": "discreet.model",
    "Location": "discreet.model",
    "PdfLocation": "discreet.parsers.pdf",
    "Section": "discreet.model",
    "Segment": "discreet.model",
    "Severity": "discreet.model",
    "TextLocation": "discreet.parsers.text",
    "Action": "discreet.model",
    "Example": "discreet.packs",
    "Rule": "discreet.packs",
    "Advice": "discreet.model",
    "Comparison": "discreet.report",
    "DocumentReport": "discreet.report",
    "Exposure": "discreet.report",
    "Failure": "discreet.report",
    "FixedCopy": "discreet.report",
    "LocatedFinding": "discreet.report",
    "Mismatch": "discreet.report",
    "Report": "discreet.report",
    "Suggestion": "discreet.report",
    "Totals": "discreet.report",
    "Verdict": "discreet.model",
}

__all__ = [
    "Action",
    "Advice",
    "BBox",
    "Category",
    "Comparison",
    "CorruptFileError",
    "DiscreetError",
    "Document",
    "DocumentKind",
    "DocumentReport",
    "DocxLocation",
    "DocxPart",
    "EncryptedError",
    "Example",
    "ExportLocation",
    "Exposure",
    "Failure",
    "Finding",
    "FixedCopy",
    "Format",
    "InputError",
    "JsonLocation",
    "Limits",
    "LocatedFinding",
    "Location",
    "Mismatch",
    "NoTextError",
    "PdfLocation",
    "Report",
    "Rule",
    "RulePackError",
    "RuleTimeoutError",
    "Section",
    "Segment",
    "Severity",
    "Suggestion",
    "TextLocation",
    "TooLargeError",
    "Totals",
    "UnsupportedFormatError",
    "UsageError",
    "Verdict",
    "__version__",
    "audit_path",
    "audit_text",
    "compare_reports",
    "fix_path",
    "load_rules",
]

if not TYPE_CHECKING:
    # Hidden from type checkers, which read the imports above: a misspelt name stays an error there.

    def __getattr__(name: str) -> object:
        """Import a public name from its module the first time it is used."""
        from importlib import import_module

        home = _HOMES.get(name)
        if home is None:
            raise AttributeError(f"module 'discreet' has no attribute {name!r}")
        value = getattr(import_module(home), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        """The public names, with the module's own attributes."""
        return sorted({*globals(), *__all__})
