"""Settings from `.discreet.toml` or pyproject.toml's `[tool.discreet]`, found upward from a folder."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, TypeVar

from discreet.errors import UsageError
from discreet.formatters import ReportFormat
from discreet.model import Severity

CONFIG_FILE = ".discreet.toml"
PYPROJECT = "pyproject.toml"
DEFAULT = "default"
COMMAND_LINE = "command line"

Choice = TypeVar("Choice", Severity, ReportFormat)


@dataclass(frozen=True, slots=True)
class Options:
    """The audit options a config file may set; paths are absolute or relative to the working folder."""

    private_terms: Path | None = None
    public_terms: Path | None = None
    rules: tuple[Path, ...] = ()
    disable: tuple[str, ...] = ()
    fail_on: Severity = Severity.LOW
    format: ReportFormat = ReportFormat.TEXT
    baseline: Path | None = None


@dataclass(frozen=True, slots=True)
class Effective:
    """The options in force and where each came from: default, a config file's path or command line."""

    options: Options
    sources: Mapping[str, str] = field(default_factory=dict)
    file: Path | None = None

    def source(self, name: str) -> str:
        """Where one option's value came from."""
        return self.sources.get(name, DEFAULT)


def key(name: str) -> str:
    """An option's name as a config file and the command line spell it: fail_on is fail-on."""
    return name.replace("_", "-")


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest config at or above start: .discreet.toml, else a pyproject.toml with [tool.discreet].

    The search stops at the first folder holding `.git`, so no file outside the project applies.
    """
    for folder in (start, *start.parents):
        own = folder / CONFIG_FILE
        if own.is_file():
            return own, _load(own)
        pyproject = folder / PYPROJECT
        if pyproject.is_file():
            table = _load(pyproject).get("tool", {}).get("discreet")
            if table is not None:
                return pyproject, _table(pyproject, table)
        if (folder / ".git").exists():
            return None
    return None


def effective(start: Path, given: Mapping[str, Any]) -> Effective:
    """Defaults, overridden by the nearest config file, overridden by the options given (not None)."""
    options, sources, file = Options(), dict[str, str](), None
    found = find_config(start)
    if found is not None:
        file, table = found
        values = _options(file, table)
        options = replace(options, **values)
        sources.update(dict.fromkeys(values, str(file)))
    given = {name: value for name, value in given.items() if value is not None}
    options = replace(options, **given)
    sources.update(dict.fromkeys(given, COMMAND_LINE))
    return Effective(options, sources, file)


def describe(settings: Effective) -> list[str]:
    """One `key = value  # source` line per option, in TOML so it can be pasted into a config file."""
    lines = [f"# config file: {settings.file or 'none found'}"]
    for option in fields(Options):
        value = getattr(settings.options, option.name)
        if value is None:
            lines.append(f"# {key(option.name)} is not set  # {settings.source(option.name)}")
        else:
            lines.append(f"{key(option.name)} = {_toml(value)}  # {settings.source(option.name)}")
    return lines


def _toml(value: object) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _load(path: Path) -> dict[str, Any]:
    # Imported here: compiling tomllib's patterns costs more than the rest of finding no config file.
    import tomllib

    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise UsageError(f"{path}: cannot read the discreet settings ({error}); fix or remove it") from error


def _table(path: Path, table: object) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise UsageError(
            f"{path}: [tool.discreet] must be a table of settings; see the README's Configuration"
        )
    return table


def _options(path: Path, table: Mapping[str, Any]) -> dict[str, Any]:
    """The options a config table sets, checked and with its paths made relative to its folder."""
    names = {key(option.name): option.name for option in fields(Options)}
    unknown = sorted(set(table) - set(names))
    if unknown:
        raise UsageError(
            f"{path}: unknown discreet setting {', '.join(unknown)}; the settings are {', '.join(names)}"
        )
    return {names[name]: _value(path, name, value) for name, value in table.items()}


def _value(path: Path, name: str, value: object) -> object:
    folder = path.parent
    if name in ("private-terms", "public-terms", "baseline"):
        return folder / _string(path, name, value)
    if name == "rules":
        return tuple(folder / item for item in _strings(path, name, value))
    if name == "disable":
        return tuple(_strings(path, name, value))
    if name == "fail-on":
        return _choice(path, name, value, Severity)
    return _choice(path, name, value, ReportFormat)


def _string(path: Path, name: str, value: object) -> str:
    if not isinstance(value, str) or not value:
        raise UsageError(f"{path}: {name} must be a non-empty string, a path relative to this file")
    return value


def _strings(path: Path, name: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise UsageError(f'{path}: {name} must be a list of strings, such as {name} = ["..."]')
    return list(value)


def _choice(path: Path, name: str, value: object, choices: type[Choice]) -> Choice:
    try:
        return choices(str(value))
    except ValueError:
        allowed = ", ".join(choice.value for choice in choices)
        raise UsageError(f"{path}: {name} = {value!r} is not one of {allowed}") from None
