"""Run discreet over Microsoft Presidio's own recognizer test cases for the identifiers a resume can carry.

Prints, per identifier type, the positives found (a finding of that type's rule overlapping the
expected span), Presidio's weak positives apart, and the negatives flagged (any finding at all).
Negatives are run as Presidio wrote them, and again behind the type's label ("SSN: 078-05-0000"),
since a label is what lets a rule accept a bare value. The cases and their changes from Presidio's
tables are in bench/presidio_cases.py.

    python bench/presidio.py            # the table
    python bench/presidio.py --show     # and every miss and false alarm
    python bench/presidio.py --rules DIR   # DIR's rules replace the built-in rules of the same id
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from discreet.detect import detect
from discreet.model import DocumentKind, Finding, Format, Section, Segment, build_document
from discreet.packs import Rule, all_rules, builtin_rules_dir, load_packs
from discreet.parsers.text import TextLocation

sys.path.insert(0, str(Path(__file__).resolve().parent))
from presidio_cases import CASES, LABELS, RULES_BY_KIND, Case

TARGET_FOUND, TARGET_FLAGGED = 0.90, 0.02


def findings(text: str, rules: Sequence[Rule]) -> tuple[Finding, ...]:
    """Every finding of every built-in rule on one text, as one line of a resume."""
    segment = Segment(text, TextLocation(1), Section.OTHER)
    document = build_document("<presidio>", DocumentKind.RESUME, Format.TEXT, [segment])
    return detect(document, rules).findings


def found(case: Case, span: tuple[int, int], found_: Sequence[Finding]) -> bool:
    """Whether a rule of the case's type reports a span overlapping the expected one."""
    start, end = span
    wanted = RULES_BY_KIND[case.kind]
    return any(f.rule in wanted and f.start < end and start < f.end for f in found_)


def flagged(case: Case, text: str, rules: Sequence[Rule]) -> list[Finding]:
    """The findings on a negative text, other than those its other personal data rightly draws."""
    return [f for f in findings(text, rules) if f.rule not in case.others]


def main() -> int:
    """Print found/total and flagged/total per identifier type; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list every miss and false alarm")
    parser.add_argument("--rules", type=Path, action="append", default=[], help="packs to try in place")
    args = parser.parse_args()
    trial = all_rules(load_packs(args.rules))
    replaced = {rule.id for rule in trial}
    rules = [r for r in all_rules(load_packs([builtin_rules_dir()])) if r.id not in replaced] + list(trial)
    counts: dict[str, Counter[str]] = {}
    for case in CASES:
        count = counts.setdefault(case.kind, Counter())
        if case.positive:
            result = findings(case.text, rules)
            for span in case.spans:
                hit = found(case, span, result)
                key = "weak" if case.weak else "pos"
                count[key] += 1
                count[key + "_found"] += hit
                if args.show and not hit:
                    before, value, after = (
                        case.text[: span[0]],
                        case.text[span[0] : span[1]],
                        case.text[span[1] :],
                    )
                    print(f"MISS  {case.kind:<18} {before}[{value}]{after}")
            continue
        count["neg"] += 1
        bare = flagged(case, case.text, rules)
        count["neg_flagged"] += bool(bare)
        if args.show and bare:
            print(f"FLAG  {case.kind:<18} {case.text!r}: {', '.join(f'{f.rule} {f.text!r}' for f in bare)}")
        if case.kind in LABELS:
            text = LABELS[case.kind] + case.text
            behind = flagged(case, text, rules)
            count["lneg"] += 1
            count["lneg_flagged"] += bool(behind)
            if args.show and behind:
                print(f"FLAG  {case.kind:<18} {text!r}: {', '.join(f'{f.rule} {f.text!r}' for f in behind)}")
    return report(counts)


def report(counts: dict[str, Counter[str]]) -> int:
    """Print the table and the totals; 0 when both targets are met."""
    print(f"{'type':<18}{'found':>10}{'weak found':>12}{'negatives flagged':>19}{'behind label':>14}")
    total: Counter[str] = Counter()
    for kind, count in counts.items():
        total.update(count)
        print(
            f"{kind:<18}{_ratio(count, 'pos'):>10}{_ratio(count, 'weak'):>12}"
            f"{_ratio(count, 'neg', 'neg_flagged'):>19}{_ratio(count, 'lneg', 'lneg_flagged'):>14}"
        )
    print(
        f"{'all':<18}{_ratio(total, 'pos'):>10}{_ratio(total, 'weak'):>12}"
        f"{_ratio(total, 'neg', 'neg_flagged'):>19}{_ratio(total, 'lneg', 'lneg_flagged'):>14}"
    )
    share_found = total["pos_found"] / total["pos"]
    share_flagged = total["neg_flagged"] / total["neg"]
    print(
        f"positives found {share_found:.1%} (target {TARGET_FOUND:.0%}), "
        f"negatives flagged {share_flagged:.1%} (target at most {TARGET_FLAGGED:.0%})"
    )
    return 0 if share_found >= TARGET_FOUND and share_flagged <= TARGET_FLAGGED else 1


def _ratio(count: Counter[str], key: str, hit: str = "") -> str:
    return f"{count[hit or key + '_found']}/{count[key]}" if count[key] else "-"


if __name__ == "__main__":
    raise SystemExit(main())
