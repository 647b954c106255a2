"""Fuzz every parser and detection with formatting for a while; print inputs, inputs/s, crashes and hangs.

Usage: python bench/fuzz.py [--seconds 60] [--seed 1] [--target pdf ...] [--out DIR] [--hang 10]
       python bench/fuzz.py --replay docx:SEED:INDEX [--out DIR]   (write that input and run it once)

Crashing and hanging inputs, and texts on which a rule ran past its time limit, are saved under
--out (default /tmp/discreet-fuzz), each with its traceback or message.
"""

from __future__ import annotations

import argparse
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from types import FrameType

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from discreet.errors import RuleTimeoutError
from fuzzing import Target, attempt, describe, generate, is_crash, targets, where


class Hang(BaseException):
    """An input ran past the per-input limit (a BaseException, so no parser's handler swallows it)."""


def _expire(_signum: int, _frame: FrameType | None) -> None:
    raise Hang


def _save(out: Path, target: Target, seed: int, index: int, data: bytes, report: str) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{target.name}-{seed}-{index}{target.suffix}"
    path.write_bytes(data)
    path.with_name(path.name + ".txt").write_text(report, encoding="utf-8")
    return path


def run_target(target: Target, seed: int, seconds: float, hang: float, out: Path, work: Path) -> str:
    """Fuzz one target for a number of seconds and return its summary line."""
    outcomes: Counter[str] = Counter()
    places: set[str] = set()
    started = time.monotonic()
    index = 0
    while time.monotonic() - started < seconds:
        data = generate(target, seed, index)
        began = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, hang)
        try:
            error = attempt(target, data, work)
        except Hang:
            error = TimeoutError()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        took = time.monotonic() - began
        if took >= hang:
            outcomes["hang"] += 1
            _save(out, target, seed, index, data, f"hang: {took:.1f} s\n")
        elif is_crash(error):
            outcomes["crash"] += 1
            if where(error) not in places:
                places.add(where(error))
                saved = _save(out, target, seed, index, data, "".join(traceback.format_exception(error)))
                print(f"  crash {target.name}:{seed}:{index}: {describe(error)} at {where(error)} -> {saved}")
        elif isinstance(error, RuleTimeoutError):
            outcomes["rule timeout"] += 1
            _save(out, target, seed, index, data, f"{error}\n")
        else:
            outcomes["parsed" if error is None else "refused"] += 1
        index += 1
    elapsed = time.monotonic() - started
    return (
        f"{target.name:<11} {index:>7} inputs {index / elapsed:>7.1f}/s  parsed {outcomes['parsed']:>6}  "
        f"refused {outcomes['refused']:>6}  crashes {outcomes['crash']:>4} ({len(places)} distinct)  "
        f"hangs {outcomes['hang']:>3}  rule timeouts {outcomes['rule timeout']:>3}"
    )


def replay(spec: str, out: Path) -> int:
    """Write one input named target:seed:index under out and run it once, printing what it did."""
    name, seed, index = spec.split(":")
    target = targets()[name]
    data = generate(target, int(seed), int(index))
    with tempfile.TemporaryDirectory() as work:
        error = attempt(target, data, Path(work))
    trace = "parsed\n" if error is None else "".join(traceback.format_exception(error))
    saved = _save(out, target, int(seed), int(index), data, trace)
    print(f"{spec}: {'parsed' if error is None else describe(error)}; input saved to {saved}")
    return 1 if is_crash(error) else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="time per target")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--target", action="append", choices=sorted(targets()), help="repeatable; default all"
    )
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "discreet-fuzz")
    parser.add_argument("--hang", type=float, default=10.0, help="seconds one input may take")
    parser.add_argument("--memory-mb", type=int, default=3072, help="address-space cap for this process")
    parser.add_argument("--replay", help="target:seed:index of one input to regenerate and run")
    args = parser.parse_args()
    resource.setrlimit(resource.RLIMIT_AS, (args.memory_mb * 2**20, resource.RLIM_INFINITY))
    if args.replay:
        return replay(args.replay, args.out)
    signal.signal(signal.SIGALRM, _expire)
    chosen = [targets()[name] for name in args.target or targets()]
    print(f"seed {args.seed}, {args.seconds:g} s per target, inputs saved to {args.out}")
    with tempfile.TemporaryDirectory() as work:
        for target in chosen:
            print(run_target(target, args.seed, args.seconds, args.hang, args.out, Path(work)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
