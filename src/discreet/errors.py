"""The one error hierarchy: every message names the file and says what to do."""

from __future__ import annotations


class DiscreetError(Exception):
    """A failure the user can act on; the CLI prints it as one line and exits 2."""


class InputError(DiscreetError):
    """A file that cannot be read as a resume or profile."""

    def __init__(self, path: object, problem: str, remedy: str = "") -> None:
        self.path = str(path)
        self.problem = problem
        self.remedy = remedy
        message = f"{self.path}: {problem}"
        if remedy:
            message += f"; {remedy}"
        super().__init__(message)


class UnsupportedFormatError(InputError):
    """A file type discreet does not read."""


class EncryptedError(InputError):
    """A password-protected file."""


class NoTextError(InputError):
    """A file without extractable text, such as a scanned PDF."""


class CorruptFileError(InputError):
    """A damaged or truncated file."""


class TooLargeError(InputError):
    """A file or archive past the size limits."""


class RulePackError(DiscreetError):
    """A rule pack that cannot be loaded."""


class UsageError(DiscreetError):
    """Options that do not fit together."""


class RuleTimeoutError(DiscreetError):
    """A rule that ran past its time limit on one document: the document fails, it is never half-audited."""

    def __init__(self, path: object, rule: str, seconds: float, remedy: str = "") -> None:
        self.path = str(path)
        self.rule = rule
        self.seconds = seconds
        remedy = remedy or "simplify the rule's patterns or raise its timeout (seconds, in its pack)"
        super().__init__(
            f"{self.path}: rule {rule} ran past its {seconds:g} s limit, so this document was not audited; "
            f"{remedy}"
        )


class CannotRedactError(InputError):
    """A PDF whose text cannot be cut out of its pages honestly: discreet refuses rather than cover it."""
