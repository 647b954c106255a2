"""The rule behind a private-term finding: synthesised like a pack's rule, so every lookup finds one."""

from __future__ import annotations

from collections.abc import Iterable

from discreet.model import Action, Category, Severity
from discreet.packs import Patterns, Rule

PRIVATE_TERM = Rule(
    id="confidential.private-term",
    pack="terms",
    category=Category.CONFIDENTIAL,
    severity=Severity.HIGH,
    title="A name you listed as private",
    why=(
        "You listed this name as private (a client, a project, a code name, an internal tool): "
        "naming it in public discloses what your employer keeps confidential."
    ),
    advice=(
        "Describe it instead of naming it ('a national retail client', 'an internal pricing tool'); "
        "in the terms file, 'Name => what to write' sets the words to use."
    ),
    compiled=Patterns("--private-terms", (), 0, ()),
    group="",
    context=None,
    require_context=False,
    window=0,
    exclude=None,
    validators=(),
    sections=frozenset(),
    not_sections=frozenset(),
    # Above every pack rule: the user's own word on a name settles any overlap.
    priority=100,
    flag=(),
    allow=(),
    public=Action.REMOVE,
    resume=Action.GENERALIZE,
    stand_in="",
)


def rules_by_id(rules: Iterable[Rule]) -> dict[str, Rule]:
    """The rules a run's findings can come from, by id: the given ones and the private-term rule."""
    return {PRIVATE_TERM.id: PRIVATE_TERM, **{rule.id: rule for rule in rules}}
