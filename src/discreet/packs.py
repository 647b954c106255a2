"""Load rule packs from TOML: validate once, compile every pattern once."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import regex

from discreet import precompiled
from discreet.errors import RulePackError
from discreet.model import Action, Category, Section, Severity
from discreet.needles import Needles, group_end, needles
from discreet.validators import VALIDATORS

FLAG_NAMES = {
    "IGNORECASE": regex.IGNORECASE,
    "MULTILINE": regex.MULTILINE,
    "DOTALL": regex.DOTALL,
    "VERBOSE": regex.VERBOSE,
    "ASCII": regex.ASCII,
    "WORD": regex.WORD,
}
RULE_KEYS = frozenset(
    {
        "id",
        "category",
        "severity",
        "title",
        "why",
        "advice",
        "patterns",
        "flags",
        "group",
        "context",
        "require_context",
        "window",
        "exclude",
        "validators",
        "sections",
        "not_sections",
        "priority",
        "flag",
        "allow",
        "public",
        "resume",
        "stand_in",
        "keywords",
        "timeout",
        "exclude_window",
        "echo",
        "not_employer",
    }
)
PACK_KEYS = frozenset({"pack", "lists", "fragments", "rules"})
# A pattern names a [fragments] entry as <<name>>; the fragment text is spliced in before compiling.
FRAGMENT = precompiled.compiled(r"<<(\w+)>>")
HEAD_KEYS = frozenset({"id", "title", "description"})
EXAMPLE_KEYS = frozenset({"text", "rewrite", "section"})
DEFAULT_TIMEOUT = 5.0
MAX_TIMEOUT = 30.0
E = TypeVar("E", bound=StrEnum)
MARK_OPEN, MARK_CLOSE = "[[", "]]"


DEFAULT_ACTIONS: dict[Category, tuple[Action, Action]] = {
    Category.FINANCIAL: (Action.GENERALIZE, Action.KEEP),
    Category.CONFIDENTIAL: (Action.REMOVE, Action.GENERALIZE),
    Category.PERSONAL: (Action.REMOVE, Action.KEEP),
    Category.COMPENSATION: (Action.REMOVE, Action.REMOVE),
    Category.REFERENCES: (Action.REMOVE, Action.REMOVE),
    Category.NOTE: (Action.KEEP, Action.KEEP),
}


def rule_actions(rule: Rule | None, category: Category) -> tuple[Action, Action]:
    """The public and resume actions of a rule, or its category's defaults for a finding without one."""
    return (rule.public, rule.resume) if rule else DEFAULT_ACTIONS[category]


CATEGORY_PRIORITY = {
    Category.REFERENCES: 50,
    Category.COMPENSATION: 40,
    Category.PERSONAL: 30,
    Category.CONFIDENTIAL: 20,
    Category.FINANCIAL: 10,
    Category.NOTE: 0,
}


@dataclass(frozen=True, slots=True)
class Example:
    """A rule example: [[marked]] spans the rule must flag, and the public rewrite if one is given."""

    text: str
    spans: tuple[tuple[int, int], ...]
    # The whole example as its public rewrite must read; "" when all of it goes, None when not given.
    rewrite: str | None = None
    section: Section | None = None


# A pack's named word lists a pattern uses, as (name, words) pairs.
NamedLists = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class Patterns:
    """A rule's pattern sources, each compiled on first use: most patterns never run on most documents."""

    where: str
    sources: tuple[str, ...]
    flags: int
    lists: NamedLists
    # What each pattern's matches must contain: a document without it skips that pattern's scan.
    needles: tuple[Needles, ...] = ()
    # Names what the patterns are compiled from, in the cache of compiled patterns.
    key: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        material = repr((self.where, self.sources, self.flags, self.lists)).encode()
        object.__setattr__(self, "key", hashlib.blake2b(material, digest_size=16).hexdigest())

    def get(self) -> tuple[regex.Pattern[str], ...]:
        """The compiled patterns; a bad one raises RulePackError naming the file and the rule."""
        return tuple(self.pattern(index) for index in range(len(self.sources)))

    def pattern(self, index: int) -> regex.Pattern[str]:
        """One compiled pattern, compiled the first time it is asked for in this process."""
        found = _COMPILED.get((self.key, index))
        if found is None:
            words = {name: list(items) for name, items in self.lists}
            found = _COMPILED[self.key, index] = _compile(self.where, self.sources[index], self.flags, words)
        return found


@dataclass(frozen=True, slots=True)
class Words:
    """Context or exclusion words, matched whole and ignoring case; compiled on first use."""

    words: tuple[str, ...]

    def search(self, text: str) -> bool:
        """Whether any of the words occurs in text as a whole word, ignoring case and spacing."""
        # Matching casefolded words against casefolded text is full case-insensitive matching, which
        # a FULLCASE pattern compiles several times more slowly to do.
        return _words_pattern(self.words).search(text.casefold()) is not None


@dataclass(frozen=True, slots=True)
class Rule:
    """One detector: patterns, the context that confirms or vetoes them, and its documentation."""

    id: str
    pack: str
    category: Category
    severity: Severity
    title: str
    why: str
    advice: str
    compiled: Patterns
    group: str
    context: Words | None
    require_context: bool
    window: int
    exclude: Words | None
    validators: tuple[str, ...]
    sections: frozenset[Section]
    not_sections: frozenset[Section]
    priority: int
    flag: tuple[Example, ...]
    allow: tuple[Example, ...]
    public: Action
    resume: Action
    stand_in: str
    keywords: tuple[str, ...] = ()
    timeout: float = DEFAULT_TIMEOUT
    window_after: int = -1
    exclude_window: tuple[int, int] | None = None
    # A name found once is flagged at its other mentions too; names the document gives as the
    # person's employer are never flagged.
    echo: bool = False
    not_employer: bool = False

    def __hash__(self) -> int:
        # Rules are keys of the prefilter cache; hashing every field of a rule costs more than detection.
        return hash(self.id)

    @property
    def patterns(self) -> tuple[regex.Pattern[str], ...]:
        """The rule's compiled patterns."""
        return self.compiled.get()

    @property
    def after(self) -> int:
        """Characters after a match searched for context (window when not set apart)."""
        return self.window if self.window_after < 0 else self.window_after


@dataclass(frozen=True, slots=True)
class Pack:
    """A named set of rules from one TOML file."""

    id: str
    title: str
    description: str
    path: str
    rules: tuple[Rule, ...]


def builtin_rules_dir() -> Path:
    """The packs shipped with discreet: inside the wheel, or rules/ beside src/ in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parents[1] / "rules"):
        if candidate.is_dir():
            return candidate
    raise RulePackError("the built-in rule packs are missing; reinstall discreet")


def load_packs(directories: Iterable[Path]) -> tuple[Pack, ...]:
    """Load every *.toml pack in the directories, in name order, checking ids are unique."""
    packs: list[Pack] = []
    seen: dict[str, str] = {}
    for directory in directories:
        if not directory.is_dir():
            raise RulePackError(f"{directory}: rule directory not found; check the --rules path")
        # The built-in patterns are compiled by the tests; a user's are compiled now, so that a bad
        # one is reported before any document is read.
        lazy = _is_builtin(directory)
        for path in sorted(directory.glob("*.toml")):
            pack = load_pack(path, compile_now=not lazy)
            for rule in pack.rules:
                if rule.id in seen:
                    raise RulePackError(f"{path}: rule id {rule.id} is already defined in {seen[rule.id]}")
                seen[rule.id] = str(path)
            packs.append(pack)
    return tuple(packs)


def _is_builtin(directory: Path) -> bool:
    try:
        return directory.resolve() == builtin_rules_dir()
    except RulePackError:
        return False


def load_pack(path: Path, *, compile_now: bool = True) -> Pack:
    """Read and validate one TOML pack; compile_now=False leaves each rule's patterns to its first use."""
    try:
        text = path.read_text(encoding="utf-8")
        data = precompiled.load_table(text) or _parsed(text)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise RulePackError(f"{path}: cannot read rule pack ({error})") from error
    head = data.get("pack")
    if not isinstance(head, dict) or not isinstance(head.get("id"), str):
        raise RulePackError(f"{path}: a pack needs a [pack] table with an id")
    _no_unknown(f"{path}", data, PACK_KEYS, "top-level tables")
    _no_unknown(f"{path}: [pack]", head, HEAD_KEYS, "keys")
    raw_lists = data.get("lists", {})
    raw_rules = data.get("rules", [])
    if not isinstance(raw_lists, dict) or not isinstance(raw_rules, list):
        raise RulePackError(f"{path}: [lists] must be a table and [[rules]] an array of tables")
    lists = {name: _strings(path, f"lists.{name}", words) for name, words in raw_lists.items()}
    fragments = _fragments(path, data.get("fragments", {}))
    if not all(isinstance(raw, dict) for raw in raw_rules):
        raise RulePackError(f"{path}: every [[rules]] entry must be a table")
    rules = tuple(_rule(path, head["id"], raw, lists, fragments, compile_now) for raw in raw_rules)
    return Pack(
        head["id"], str(head.get("title", head["id"])), str(head.get("description", "")), str(path), rules
    )


def _parsed(text: str) -> dict[str, Any]:
    """A pack's TOML parsed here, when the store does not ship it (a user's pack, or an edited one)."""
    import tomllib

    return tomllib.loads(text)


def _fragments(path: Path, raw: object) -> dict[str, str]:
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise RulePackError(f"{path}: [fragments] must map names to pattern text")
    return {str(name): value for name, value in raw.items()}


def _splice(where: str, pattern: str, fragments: Mapping[str, str]) -> str:
    """Replace <<name>> with its fragment, fragments inside fragments included."""
    for _depth in range(5):
        if not FRAGMENT.search(pattern):
            return pattern
        missing = [name for name in FRAGMENT.findall(pattern) if name not in fragments]
        if missing:
            raise RulePackError(f"{where}: <<{missing[0]}>> names no entry in [fragments]")
        pattern = FRAGMENT.sub(lambda m: fragments[m.group(1)], pattern)
    raise RulePackError(f"{where}: fragments nest more than 5 deep")


def _rule(
    path: Path,
    pack_id: str,
    raw: Mapping[str, Any],
    lists: Mapping[str, list[str]],
    fragments: Mapping[str, str],
    compile_now: bool,
) -> Rule:
    rule_id = raw.get("id")
    where = f"{path}: rule {rule_id}"
    if not isinstance(rule_id, str) or not rule_id.startswith(pack_id + "."):
        raise RulePackError(f"{where}: ids must be strings that start with the pack id '{pack_id}.'")
    _no_unknown(where, raw, RULE_KEYS, "keys")
    for key in ("title", "why", "advice", "patterns"):
        if not raw.get(key):
            raise RulePackError(f"{where}: '{key}' is required")
    category = _enum(Category, raw.get("category"), f"{where}: category")
    severity = _enum(Severity, raw.get("severity", "medium"), f"{where}: severity")
    default_public, default_resume = DEFAULT_ACTIONS[category]
    before, after = _window(where, raw.get("window", 60))
    veto = _window(where, raw["exclude_window"]) if "exclude_window" in raw else None
    flags = 0
    for name in raw.get("flags", []):
        if name not in FLAG_NAMES:
            raise RulePackError(f"{where}: unknown flag {name}; use {', '.join(FLAG_NAMES)}")
        flags |= FLAG_NAMES[name]
    validators = tuple(_strings(path, f"{rule_id}.validators", raw.get("validators", [])))
    for name in validators:
        if name not in VALIDATORS:
            raise RulePackError(f"{where}: unknown validator {name}; known: {', '.join(sorted(VALIDATORS))}")
    sources = tuple(
        _splice(where, p, fragments) for p in _strings(path, f"{rule_id}.patterns", raw["patterns"])
    )
    used = {name: tuple(words) for source in sources for name, words in _used_lists(source, lists).items()}
    verbose = bool(flags & regex.VERBOSE)
    found = tuple(_needles(source, used, verbose) for source in sources)
    compiled = Patterns(where, sources, flags, tuple(sorted(used.items())), found)
    if compile_now:
        compiled.get()
    group = str(raw.get("group", ""))
    if group and not any(f"(?P<{group}>" in source or f"(?<{group}>" in source for source in sources):
        raise RulePackError(f"{where}: group {group!r} is not a named group of any pattern")
    return Rule(
        id=rule_id,
        pack=pack_id,
        category=category,
        severity=severity,
        title=str(raw["title"]),
        why=str(raw["why"]).strip(),
        advice=str(raw["advice"]).strip(),
        compiled=compiled,
        group=group,
        context=_word_pattern(where, raw.get("context", []), lists),
        require_context=_flag(where, "require_context", raw.get("require_context", False)),
        echo=_flag(where, "echo", raw.get("echo", False)),
        not_employer=_flag(where, "not_employer", raw.get("not_employer", False)),
        window=before,
        exclude=_word_pattern(where, raw.get("exclude", []), lists),
        validators=validators,
        sections=frozenset(_enum(Section, s, f"{where}: section") for s in raw.get("sections", [])),
        not_sections=frozenset(_enum(Section, s, f"{where}: section") for s in raw.get("not_sections", [])),
        priority=_int(where, "priority", raw.get("priority", CATEGORY_PRIORITY[category])),
        flag=tuple(_example(where, e) for e in raw.get("flag", [])),
        allow=tuple(_example(where, e) for e in raw.get("allow", [])),
        public=_enum(Action, raw.get("public", default_public), f"{where}: public"),
        resume=_enum(Action, raw.get("resume", default_resume), f"{where}: resume"),
        stand_in=str(raw.get("stand_in", "")),
        keywords=tuple(k.casefold() for k in _strings(path, f"{rule_id}.keywords", raw.get("keywords", []))),
        timeout=_timeout(where, raw.get("timeout", DEFAULT_TIMEOUT)),
        window_after=after,
        exclude_window=(veto[0], veto[0] if veto[1] < 0 else veto[1]) if veto else None,
    )


def _no_unknown(where: str, table: Mapping[str, Any], known: frozenset[str], what: str) -> None:
    unknown = set(table) - known
    if unknown:
        raise RulePackError(
            f"{where}: unknown {what} {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}"
        )


def _window(where: str, value: object) -> tuple[int, int]:
    """A window is a number of characters each side, or [before, after]."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value, -1
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value)
    ):
        return value[0], value[1]
    raise RulePackError(f"{where}: window must be a character count or [before, after], not {value!r}")


def _flag(where: str, key: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise RulePackError(f"{where}: {key} must be true or false, not {value!r}")
    return value


def _int(where: str, key: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise RulePackError(f"{where}: {key} must be a whole number, not {value!r}")
    return value


def _timeout(where: str, value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= MAX_TIMEOUT:
        return float(value)
    raise RulePackError(f"{where}: timeout must be seconds between 0 and {MAX_TIMEOUT}, not {value!r}")


def _enum(kind: type[E], value: object, where: str) -> E:
    try:
        return kind(str(value))
    except ValueError:
        raise RulePackError(f"{where} {value!r} is not one of {', '.join(kind)}") from None


def _strings(path: Path, where: str, value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RulePackError(f"{path}: {where} must be a string or a list of strings")
    return list(value)


# Compiled patterns live here, once per process, keyed by what they are compiled from; the rules that
# name them stay immutable values that pickle to worker processes as text.
_COMPILED: dict[tuple[str, int], regex.Pattern[str]] = {}


def _compile(where: str, pattern: str, flags: int, lists: Mapping[str, list[str]]) -> regex.Pattern[str]:
    source, flags, used = compile_arguments(pattern, flags, lists)
    shipped = precompiled.load(precompiled.pattern_key(source, flags, used))
    if shipped is not None:
        return shipped
    try:
        return regex.compile(source, flags, **used)
    except (regex.error, TypeError, ValueError) as error:
        raise RulePackError(f"{where}: bad pattern {pattern!r}: {error}") from error


def compile_arguments(
    pattern: str, flags: int, lists: Mapping[str, list[str]]
) -> tuple[str, int, dict[str, list[str]]]:
    """What regex.compile is given for a pack's pattern: source, flags and the named lists it uses."""
    used = {name: list(words) for name, words in _used_lists(pattern, lists).items()}
    return SIMPLE_CASE + define_last(pattern, flags), int(flags | regex.VERSION1 | regex.UNICODE), used


# IGNORECASE folds case one character for one, as Python's re does: VERSION1's default full folding
# (which lets 'ss' match 'ß') makes long case-insensitive word lists compile about three times slower
# and match slower, and finds nothing more in resumes.
SIMPLE_CASE = "(?-f)"
DEFINE = "(?(DEFINE)"
# An inline flag for the rest of a pattern would reach a definition moved behind it.
INLINE_FLAGS = precompiled.compiled(r"\(\?[a-zA-Z]*-?[a-zA-Z]+\)")


def define_last(pattern: str, flags: int = 0) -> str:
    """A pattern that opens with (?(DEFINE)...) rewritten with the definitions at its end.

    The definitions match nothing either way, but in front they hide the pattern's first literal
    from the regex module's fast scan, so it tries every position of the text: several times slower.
    """
    if not pattern.startswith(DEFINE) or flags & regex.VERBOSE:
        return pattern
    end = group_end(pattern, 0)
    if end < 0 or INLINE_FLAGS.search(pattern, end):
        return pattern
    return pattern[end:] + pattern[:end]


def _used_lists(pattern: str, lists: Mapping[str, list[str]]) -> dict[str, list[str]]:
    return {name: words for name, words in lists.items() if f"\\L<{name}>" in pattern}


def _word_pattern(where: str, words: object, lists: Mapping[str, list[str]]) -> Words | None:
    """Read context or exclusion words ('@name' pulls in a named list) into one matcher."""
    if not words:
        return None
    if not isinstance(words, list):
        raise RulePackError(f"{where}: context and exclude must be lists of words")
    expanded: list[str] = []
    for word in words:
        if not isinstance(word, str) or not word.strip():
            raise RulePackError(f"{where}: context and exclude words must be non-empty strings")
        if word.startswith("@") and word[1:] not in lists:
            raise RulePackError(f"{where}: {word} names no list in [lists]")
        expanded.extend(lists[word[1:]] if word.startswith("@") else [word])
    return Words(tuple(expanded))


@cache
def _words_pattern(words: tuple[str, ...]) -> regex.Pattern[str]:
    """One matcher of the casefolded words, a space in a word standing for any run of whitespace."""
    source = words_source(words)
    return precompiled.load(precompiled.pattern_key(source, regex.VERSION1, {})) or regex.compile(
        source, regex.VERSION1
    )


def words_source(words: Sequence[str]) -> str:
    """The pattern that matches any of the casefolded words whole."""
    folded = sorted({w.casefold() for w in words}, key=lambda w: (-len(w), w))
    alternatives = "|".join(regex.escape(w).replace("\\ ", r"\s+") for w in folded)
    return rf"(?<!\w)(?:{alternatives})(?!\w)"


def needles_key(source: str, lists: Mapping[str, Sequence[str]], verbose: bool) -> str:
    """Name a pattern's reading for needles by what it is read from."""
    return precompiled.pattern_key(source, int(verbose), lists)


def _needles(source: str, lists: Mapping[str, Sequence[str]], verbose: bool) -> Needles:
    shipped = precompiled.load_needles(needles_key(source, lists, verbose))
    return Needles(*shipped) if shipped is not None else needles(source, lists, verbose=verbose)


def _example(where: str, value: object) -> Example:
    section: Section | None = None
    if isinstance(value, dict):
        _no_unknown(f"{where}: example", value, EXAMPLE_KEYS, "keys")
        text, rewrite = value.get("text"), value.get("rewrite")
        if "section" in value:
            section = _enum(Section, value["section"], f"{where}: example section")
    else:
        text, rewrite = value, None
    if not isinstance(text, str) or not isinstance(rewrite, str | None):
        raise RulePackError(f"{where}: an example is a string or a table with text, rewrite and section")
    example = parse_example(text, rewrite)
    return Example(example.text, example.spans, rewrite, section)


def parse_example(marked: str, rewrite: str | None = None) -> Example:
    """Strip [[ ]] markers from an example, remembering the spans they enclosed."""
    spans: list[tuple[int, int]] = []
    plain: list[str] = []
    rest = marked
    while (start := rest.find(MARK_OPEN)) >= 0 and (end := rest.find(MARK_CLOSE, start)) >= 0:
        plain.append(rest[:start])
        offset = sum(map(len, plain))
        inner = rest[start + len(MARK_OPEN) : end]
        plain.append(inner)
        spans.append((offset, offset + len(inner)))
        rest = rest[end + len(MARK_CLOSE) :]
    plain.append(rest)
    return Example("".join(plain), tuple(spans), rewrite)


def all_rules(packs: Sequence[Pack]) -> tuple[Rule, ...]:
    """Every rule of every pack, in pack order."""
    return tuple(rule for pack in packs for rule in pack.rules)
