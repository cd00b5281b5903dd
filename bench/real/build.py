#!/usr/bin/env python3
"""Check the real-news dev sets against their cached texts, and write each story as one JSONL.

    .venv/bin/python bench/real/build.py [--jsonl OUT_DIR] [--set disputes]

For every `bench/real/SET/STORY/story.json`: each article's text must be in `bench/real/cache/ID.txt`
with the manifest's sha256; a missing or changed one is listed with the query that finds it again
(see README.md). With --jsonl, each complete story is written as OUT_DIR/STORY.jsonl (id, text, url,
outlet, published), ready for `nonpaper analyze OUT_DIR/STORY.jsonl --format json`, and its gold as
OUT_DIR/STORY.gold.json for `score.py --story`. Standard library only.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / "cache"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stories(name: str) -> list[tuple[str, dict]]:
    return [(p.parent.name, json.loads(p.read_text(encoding="utf-8")))
            for p in sorted((HERE / name).glob("*/story.json"))]


def problems(story: dict) -> list[str]:
    """One line per article whose cached text is missing or not the one the manifest names."""
    out = []
    for art in story["articles"]:
        path = CACHE / f"{art['id']}.txt"
        if not path.exists():
            out.append(f"missing {path.name}: search pages for {art['query']!r}, save the excerpt of {art['url']}")
        elif sha256(path.read_text(encoding="utf-8")) != art["sha256"]:
            out.append(f"changed {path.name}: its sha256 is not the manifest's ({art['url']})")
    return out


def write_jsonl(slug: str, story: dict, out: Path) -> None:
    with (out / f"{slug}.jsonl").open("w", encoding="utf-8") as fh:
        for art in story["articles"]:
            text = (CACHE / f"{art['id']}.txt").read_text(encoding="utf-8")
            fh.write(json.dumps({"id": art["id"], "text": text, "url": art["url"], "outlet": art.get("outlet"),
                                 "published": art.get("published")}, ensure_ascii=False) + "\n")
    gold = dict(story["gold"], documents=[a["id"] for a in story["articles"]])
    (out / f"{slug}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", default="disputes", help="the dev set: a folder of bench/real/ (default: disputes)")
    ap.add_argument("--jsonl", type=Path, metavar="OUT_DIR", help="write each complete story as a JSONL and its gold")
    args = ap.parse_args()
    if args.jsonl:
        args.jsonl.mkdir(parents=True, exist_ok=True)
    incomplete = 0
    for slug, story in stories(args.set):
        lines = problems(story)
        n_disputes = len(story["gold"].get("disputes", []))
        print(f"{slug:40} {story.get('split', '?'):6} {len(story['articles'])} articles, {n_disputes} disputes"
              + (f", {len(lines)} texts missing or changed" if lines else ""))
        for line in lines:
            print("   ", line)
        incomplete += bool(lines)
        if args.jsonl and not lines:
            write_jsonl(slug, story, args.jsonl)
    return 1 if incomplete else 0


if __name__ == "__main__":
    sys.exit(main())
