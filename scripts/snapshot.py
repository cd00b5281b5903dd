#!/usr/bin/env python3
"""Write nonpaper's outputs on every article set we have into one folder, for a before/after diff.

    .venv/bin/python scripts/snapshot.py OUT_DIR [--shared ../shared] [--only NAME ...]
    diff -r BEFORE_DIR AFTER_DIR        # a change that should change no output leaves no diff

A refactor (issue 14 moved every module) proves it changed nothing by running this before and after.
It drives the command line only (`python -m nonpaper analyze`), the interface every layout keeps, one
process per set so the model loads once: each set is a corpus JSON (articles, cross-article actors and
disputes), and the bundled samples are also rendered as brief and markdown.
Sets: examples/, the founding article (with and without its publication date), the six dev articles,
tests/articles/, PolNeAR dev (84) and MEANTIME English (120, each with its own creation date, read as
JSONL). Third-party texts are read from ../shared at run time; OUT_DIR should be outside the repository.
"""
from __future__ import annotations

import argparse
import json
import os
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
    """(output name, arguments of `nonpaper analyze`) for every set."""
    examples = sorted(str(p) for p in (ROOT / "examples").iterdir())
    harbour = [str(ROOT / "examples" / "harbour-strike.txt"), str(ROOT / "examples" / "harbour-strike-wire.txt")]
    founding = str(shared / "articles" / "nonpaper-memo.txt")
    return [
        ("examples.json", examples + ["--format", "json"]),
        ("harbour.brief.txt", harbour + ["--published", "2026-03-10", "--format", "brief"]),
        ("harbour.md", harbour + ["--published", "2026-03-10", "--format", "markdown"]),
        ("founding.json", [founding, "--published", "2025-10-28", "--format", "json"]),
        ("founding-undated.json", [founding, "--format", "json"]),
        ("founding.md", [founding, "--published", "2025-10-28", "--format", "markdown"]),
        ("dev.json", [str(shared / "articles" / "dev"), "--format", "json"]),
        ("tests-articles.json", [str(ROOT / "tests" / "articles"), "--published", "2026-03-10", "--format", "json"]),
        ("polnear-dev.json", [str(shared / "datasets" / "polnear" / "dev" / "text"), "--format", "json"]),
        ("meantime.json", [meantime_jsonl(shared, tmp).name, "--format", "json"]),  # relative: runs in tmp
    ]


def environment() -> dict[str, str]:
    """A fixed environment (terminal width, hash seed) so two runs differ only by the code; PYTHONPATH
    passes through, so `PYTHONPATH=/tmp/before/src` snapshots another checkout on the same inputs."""
    env = {"COLUMNS": "100", "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8"}
    if os.environ.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--only", nargs="*", help="output names to write (default: all)")
    args = parser.parse_args()
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, argv in runs(args.shared.resolve(), Path(tmp)):
            if args.only and name not in args.only:
                continue
            start = time.monotonic()
            done = subprocess.run([sys.executable, "-m", "nonpaper", "analyze", *argv, "-o", str(args.out / name)],
                                  capture_output=True, text=True, env=environment(), cwd=tmp)
            (args.out / (name + ".stderr")).write_text(done.stderr, encoding="utf-8")
            print(f"{name:24} exit {done.returncode}  {time.monotonic() - start:6.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
