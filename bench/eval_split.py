"""Split the labelled eval set into a design part and a held-out part, by a stable hash of each name."""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_EVAL = HERE.parents[1] / "shared" / "eval" / "dev"


def held_out(doc: str, share: int) -> bool:
    """Whether a document belongs to the held-out part: share in 100 of them, the same on any machine."""
    return int(hashlib.sha256(doc.encode()).hexdigest(), 16) % 100 < share


def main() -> int:
    """Write design/ and holdout/ beside each other under the folder given, each as score.py reads a split."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, help="folder for design/ and holdout/ (outside the project)")
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="labelled split to divide")
    parser.add_argument("--share", type=int, default=30, help="percent of documents held out")
    args = parser.parse_args()
    lines = (args.eval / "labels.jsonl").read_text().splitlines()
    labels = [json.loads(line) for line in lines if line.strip()]
    for part in ("design", "holdout"):
        (args.out / part / "docs").mkdir(parents=True, exist_ok=True)
    counts = {"design": 0, "holdout": 0}
    for doc in sorted((args.eval / "docs").iterdir()):
        part = "holdout" if held_out(doc.name, args.share) else "design"
        shutil.copyfile(doc, args.out / part / "docs" / doc.name)
        counts[part] += 1
    for part in ("design", "holdout"):
        rows = [row for row in labels if held_out(Path(row["doc"]).name, args.share) == (part == "holdout")]
        (args.out / part / "labels.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
    print(f"design {counts['design']} documents, holdout {counts['holdout']} documents under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
