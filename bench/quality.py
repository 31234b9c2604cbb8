"""Extraction quality with the evaluation scorer's strict rules, on every set there is a gold for,
as the Markdown table README.md shows (with the date and commit it was measured at).

    .venv/bin/python bench/quality.py            # needs ../shared (articles, gold, scorer) beside the repository

Sets: the seed articles (../shared/corpus/seeds, gold-seeds.jsonl), the seeds and the development
articles together (../shared/corpus/dev, gold-dev.jsonl), and the project's own articles
(tests/data/articles and samples/, gold in tests/data/articles-gold.jsonl). A set whose files are
missing is left out.
"""
from __future__ import annotations

import datetime
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "kgscore.py"

SEEDS, DEV = SHARED / "corpus" / "seeds", SHARED / "corpus" / "dev"
SETS = [  # (name in the table, what to extract, gold files); of ../shared only its articles (.txt)
    ("seeds", sorted(SEEDS.glob("*.txt")), [SHARED / "eval" / "gold-seeds.jsonl"]),
    ("seeds + dev", sorted(SEEDS.glob("*.txt")) + sorted(DEV.glob("*.txt")),
     [SHARED / "eval" / "gold-seeds.jsonl", SHARED / "eval" / "gold-dev.jsonl"]),
    ("own articles (tests/data/articles + samples)", [ROOT / "tests" / "data" / "articles", ROOT / "samples"],
     [ROOT / "tests" / "data" / "articles-gold.jsonl"]),
]


def score(folders: list[Path], golds: list[Path], work: Path) -> dict:
    """The scorer's JSON for `kg extract` of the folders against the concatenated gold files."""
    gold, pred = work / "gold.jsonl", work / "pred.jsonl"
    gold.write_text("".join(g.read_text("utf-8") for g in golds), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "kg", "extract", *map(str, folders), "-o", str(pred)],
                   cwd=ROOT, check=True, capture_output=True)
    out = subprocess.run([sys.executable, str(SCORER), str(gold), str(pred), "--json"],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main() -> None:
    if not SCORER.is_file():
        raise SystemExit(f"the scorer is not beside the repository ({SCORER})")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip() or "unknown"
    print(f"Measured on {datetime.date.today().isoformat()} at commit {commit} with "
          f"`.venv/bin/python bench/quality.py` (strict rules):\n")
    print("| set | documents | entity F1 | relation F1 | Meeting F1 |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="kg-quality-") as folder:
        for name, folders, golds in SETS:
            if not folders or not all(p.exists() for p in folders + golds):
                continue
            s = score(folders, golds, Path(folder))
            meeting = s["entity"]["by_type"].get("Meeting", {}).get("f1", 0.0)
            print(f"| {name} | {s['documents']} | {s['entity']['micro']['f1']:.3f} | "
                  f"{s['relation']['micro']['f1']:.3f} | {meeting:.3f} |", flush=True)


if __name__ == "__main__":
    main()
