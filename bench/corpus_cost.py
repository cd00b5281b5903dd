"""What the cross-article step costs beside the per-article analysis, as a corpus grows (issue 15).

Reads N PolNeAR articles (train, then dev, then recombined halves past the 924 there are; each with its date and outlet from metadata.tsv,
as `ingest --metadata` would give them), analyses each one (the per-article work of an ingest, CPU
time in this process), then runs the corpus level as `nonpaper analyze` and the store's recompute do:
`pipeline.corpus_actors` (actors merged across articles) and `pipeline.corpus_disputes` (the disputes
visible only across articles). Prints, for each corpus size, the CPU of both and their ratio; the
target is a cross-article step of at most 10% of the per-article analysis at 1,000 articles.

    .venv/bin/python bench/corpus_cost.py [--shared ../shared] [--sizes 250,500,1000]

The denominator leaves out ingest's reading and store writes, so the ratio it prints is an upper bound
of the share in a real ingest.
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def articles(shared: Path, n: int):
    from nonpaper.ingest import article_from_string

    base = shared / "datasets" / "polnear"
    with open(base / "metadata.tsv", encoding="utf-8") as fh:
        meta = {r["filename"]: r for r in csv.DictReader(fh, delimiter="\t")}
    paths = sorted((base / "train" / "text").glob("*.txt")) + sorted((base / "dev" / "text").glob("*.txt"))
    for p in paths[:n]:
        m = meta.get(p.stem, {})
        yield article_from_string(p.read_text(encoding="utf-8"), published=m.get("publication_date") or None,
                                  id=p.stem, outlet=m.get("publisher") or None)
    # past the 924 PolNeAR articles: distinct articles made of the first half of one and the second half
    # of another (its date and outlet those of the first), as issue 19 suggests
    for i in range(max(0, n - len(paths))):
        a, b = paths[i % len(paths)], paths[(i * 7 + len(paths) // 2) % len(paths)]
        pa = a.read_text(encoding="utf-8").split("\n\n")
        pb = b.read_text(encoding="utf-8").split("\n\n")
        m = meta.get(a.stem, {})
        text = "\n\n".join(pa[:max(1, len(pa) // 2)] + pb[len(pb) // 2:])
        yield article_from_string(text, published=m.get("publication_date") or None, id=f"mix-{i}",
                                  outlet=m.get("publisher") or None)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--sizes", default="250,500,1000", help="corpus sizes, comma-separated")
    args = ap.parse_args(argv)
    from nonpaper.pipeline import analyze_article, corpus_actors, corpus_disputes

    sizes = sorted(int(s) for s in args.sizes.split(","))
    analyses, spent = [], 0.0
    head = f"{'articles':>8} {'analysis CPU s':>14} {'cross step CPU s':>16} {'actors s':>8} {'disputes s':>10} {'share':>6} {'cross disputes':>14}"
    print(head + "\n" + "-" * len(head))
    for article in articles(Path(args.shared), sizes[-1]):
        t = time.process_time()
        analyses.append(analyze_article(article))
        spent += time.process_time() - t
        if len(analyses) in sizes:
            t = time.process_time()
            merged = corpus_actors(analyses)
            t_actors = time.process_time() - t
            found = corpus_disputes(analyses, merged)
            step = time.process_time() - t
            print(f"{len(analyses):>8} {spent:>14.1f} {step:>16.2f} {t_actors:>8.2f} {step - t_actors:>10.2f} "
                  f"{step / spent:>6.1%} {len(found):>14}", flush=True)
    if len(analyses) < sizes[-1]:
        print(f"(only {len(analyses)} articles available)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
