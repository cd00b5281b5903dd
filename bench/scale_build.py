"""The articles of the scale benchmark (issue 19, part b): N distinct articles built from real news.

The texts we may use are few (PolNeAR's 924 and MEANTIME's 120 articles, plus the sample articles of
`../shared/articles`), so article i is made of paragraphs of several of them: the first half of a
"lead" article (its headline and opening, its outlet), then paragraphs drawn from two others. Its date
is the lead's, moved on by 3 days per round through the sources, so that the corpus spans years as a
real archive does and stories recur. Every article is distinct (content hash); the build is
deterministic (seeded), so a run can be repeated and compared.

The texts are third-party: they are written under bench/out/ (gitignored), never into git.

    .venv/bin/python bench/scale_build.py --n 10000 --out bench/out/scale/articles
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def sources(shared: Path) -> list[tuple[str, list[str], str | None, str | None]]:
    """(name, paragraphs, date, outlet) of every real article available."""
    out = []
    base = shared / "datasets" / "polnear"
    with open(base / "metadata.tsv", encoding="utf-8") as fh:
        meta = {r["filename"]: r for r in csv.DictReader(fh, delimiter="\t")}
    for split in ("train", "dev"):
        for p in sorted((base / split / "text").glob("*.txt")):
            m = meta.get(p.stem, {})
            out.append((p.stem, _paragraphs(p.read_text(encoding="utf-8")), m.get("publication_date") or None,
                        m.get("publisher") or None))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(shared / "eval" / "meantime_to_gold.py"),
                        str(shared / "datasets" / "meantime_english" / "intra-doc_annotation"), tmp],
                       check=True, capture_output=True)
        for p in sorted(Path(tmp).glob("*.txt")):
            gold = p.with_suffix(".json")
            ref = json.loads(gold.read_text(encoding="utf-8")).get("reference_date") if gold.exists() else None
            out.append((f"meantime-{p.stem}", _paragraphs(p.read_text(encoding="utf-8")), (ref or "")[:10] or None,
                        "Wikinews"))
    for p in sorted((shared / "articles").rglob("*.txt")):
        out.append((f"sample-{p.stem}", _paragraphs(p.read_text(encoding="utf-8", errors="replace")), None, None))
    return [s for s in out if len(s[1]) >= 2]


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _shift(day: str | None, days: int) -> str | None:
    try:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat() if day else None
    except ValueError:
        return None


def build(n: int, out: Path, shared: Path = SHARED, seed: int = 19) -> int:
    """Write N articles (ID.txt) and metadata.tsv (file, date, outlet) into `out`; returns N."""
    out.mkdir(parents=True, exist_ok=True)
    pool = sources(shared)
    rng = random.Random(seed)
    seen: set[str] = set()
    rows = []
    i = 0
    while len(rows) < n:
        lead = pool[i % len(pool)]
        rnd = i // len(pool)
        i += 1
        paras = lead[1][:max(1, (len(lead[1]) + 1) // 2)]
        for other in rng.sample(pool, 2):
            k = max(1, len(other[1]) // 4)
            start = rng.randrange(0, max(1, len(other[1]) - k))
            paras += other[1][max(1, start):max(1, start) + k] or other[1][-1:]
        text = "\n\n".join(paras) + "\n"
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        name = f"scale-{len(rows):05d}"
        (out / f"{name}.txt").write_text(text, encoding="utf-8")
        rows.append((name, _shift(lead[2], 3 * rnd) or "", lead[3] or ""))
    with open(out / "metadata.tsv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["file", "published", "outlet"])
        w.writerows(rows)
    return len(rows)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "scale" / "articles"))
    ap.add_argument("--shared", default=str(SHARED))
    args = ap.parse_args(argv)
    n = build(args.n, Path(args.out), Path(args.shared))
    print(f"{n} articles in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
