#!/usr/bin/env python3
"""Write nonpaper's outputs on every article set we have into one folder, for a before/after diff.

    .venv/bin/python scripts/snapshot.py OUT_DIR [--shared ../shared] [--only NAME ...]
    diff -r BEFORE_DIR AFTER_DIR        # a change that should change no output leaves no diff

A refactor (issue 14 moved every module) proves it changed nothing by running this before and after.
It drives the command line only (`python -m nonpaper …`), the interface every layout keeps, one
process per set so the model loads once: each set is a corpus JSON (articles, cross-article actors and
disputes), the bundled samples are also rendered as brief and markdown, and the dev articles,
tests/articles and PolNeAR dev are ingested into an SQLite store and exported (articles, quotes, actors,
events, disputes, timeline), which covers the store's corpus-level recompute.
Sets: examples/, the founding article (with and without its publication date), the six dev articles,
tests/articles/, PolNeAR dev (84) and MEANTIME English (120, each with its own creation date, read as
JSONL). Third-party texts are read from ../shared at run time; OUT_DIR should be outside the repository.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def meantime_jsonl(shared: Path, tmp: Path) -> Path:
    """MEANTIME as one JSONL, each article with its creation date as `published`."""
    folder = tmp / "meantime"
    subprocess.run([sys.executable, str(shared / "eval" / "meantime_to_gold.py"),
                    str(shared / "datasets" / "meantime_english" / "intra-doc_annotation"), str(folder)],
                   check=True, stdout=subprocess.DEVNULL)
    out = tmp / "meantime.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for text in sorted(folder.rglob("*.txt")):
            gold = json.loads(text.with_suffix(".json").read_text(encoding="utf-8"))
            fh.write(json.dumps({"id": text.stem, "text": text.read_text(encoding="utf-8"),
                                 "published": gold.get("reference_date")}) + "\n")
    return out


def runs(shared: Path, tmp: Path) -> list[tuple[str, list[str]]]:
    """(output name, `nonpaper` arguments) for every set, in order (the store is filled before it is read)."""
    examples = sorted(str(p) for p in (ROOT / "examples").iterdir())
    harbour = [str(ROOT / "examples" / "harbour-strike.txt"), str(ROOT / "examples" / "harbour-strike-wire.txt")]
    founding = str(shared / "articles" / "nonpaper-memo.txt")
    polnear = str(shared / "datasets" / "polnear" / "dev" / "text")
    analyze = [
        ("examples.json", examples + ["--format", "json"]),
        ("harbour.brief.txt", harbour + ["--published", "2026-03-10", "--format", "brief"]),
        ("harbour.md", harbour + ["--published", "2026-03-10", "--format", "markdown"]),
        ("founding.json", [founding, "--published", "2025-10-28", "--format", "json"]),
        ("founding-undated.json", [founding, "--format", "json"]),
        ("founding.md", [founding, "--published", "2025-10-28", "--format", "markdown"]),
        ("dev.json", [str(shared / "articles" / "dev"), "--format", "json"]),
        ("tests-articles.json", [str(ROOT / "tests" / "articles"), "--published", "2026-03-10", "--format", "json"]),
        ("polnear-dev.json", [polnear, "--format", "json"]),
        ("meantime.json", [meantime_jsonl(shared, tmp).name, "--format", "json"]),  # relative: runs in tmp
    ]
    # the store path: ingest (per-article analyses, then the corpus-level recompute) and every export
    db = ["--db", "store.db"]
    store = [("store.ingest.txt", ["ingest", str(shared / "articles" / "dev"), str(ROOT / "tests" / "articles"),
                                   polnear, *db])]
    store += [(f"store.{what}.jsonl", ["export", "--what", what, *db])
              for what in ("articles", "quotes", "actors", "events", "disputes")]
    store += [("store.timeline.json", ["timeline", "--format", "json", *db])]
    return [(name, ["analyze", *argv]) for name, argv in analyze] + store


def steady(text: str) -> str:
    """The ingest's report without what varies from run to run of the same code: its timings and speed,
    and its progress lines (printed every few seconds)."""
    text = re.sub(r"(?m)^nonpaper: ingesting \d+/\d+ articles.*\n", "", text)
    return re.sub(r"\d+(?:\.\d+)?s\b|[\d.]+ articles/s", "…", text)


def environment(seed: int = 0) -> dict[str, str]:
    """A fixed environment (terminal width, hash seed) so two runs differ only by the code; PYTHONPATH
    passes through, so `PYTHONPATH=/tmp/before/src` snapshots another checkout on the same inputs."""
    env = {"COLUMNS": "100", "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": str(seed), "LC_ALL": "C.UTF-8"}
    if os.environ.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--only", nargs="*", help="output names to write (default: all)")
    parser.add_argument("--seed", type=int, default=0,
                        help="PYTHONHASHSEED of the runs: two seeds giving one output show the output is stable")
    args = parser.parse_args()
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, argv in runs(args.shared.resolve(), Path(tmp)):
            if args.only and name not in args.only:
                continue
            start = time.monotonic()
            done = subprocess.run([sys.executable, "-m", "nonpaper", *argv], capture_output=True, text=True,
                                  env=environment(args.seed), cwd=tmp)
            clean = steady if argv[0] == "ingest" else str
            (args.out / name).write_text(clean(done.stdout), encoding="utf-8")
            (args.out / (name + ".stderr")).write_text(clean(done.stderr), encoding="utf-8")
            print(f"{name:24} exit {done.returncode}  {time.monotonic() - start:6.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
