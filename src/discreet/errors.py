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
