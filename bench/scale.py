"""Scale of a corpus (issue 19, parts b to d): ingest of N distinct articles, the incremental corpus
step, query verbs and API routes at 1k and 10k, PostgreSQL and Dask.

Part (a), one long article, is `bench/scale_article.py`. This bench runs in steps, each storing its
figures in OUT (default bench/out/scale/, gitignored), so that the long one runs once:

    .venv/bin/python bench/scale_build.py --n 10000            # the articles (bench/scale_build.py)
    nice .venv/bin/python bench/scale.py analyse --workers 2   # every article analysed once, CPU each
    .venv/bin/python bench/scale.py ingest --sizes 1000,10000  # store writes + corpus step, from the cache
    .venv/bin/python bench/scale.py queries                    # verbs and routes on the 1k and 10k stores
    .venv/bin/python bench/scale.py postgres --n 1000          # (d) the same ingest into PostgreSQL
    .venv/bin/python bench/scale.py dask --n 500               # (d) through a Dask LocalCluster, 2 workers
    .venv/bin/python bench/scale.py report                     # every table, from the stored figures

`analyse` is the analysis half of `nonpaper ingest` (the same `corpus.analyze_batch`, in the same
process pool, chunks of 4) and keeps each article's nonpaper/1 dict and its CPU time in
OUT/analyses.jsonl; `ingest` then replays those dicts into a store exactly as the ingest's writer does
(`Store.add`, then the corpus step), in batches, timing the writer. The analysis of an article does not
depend on what is stored, so splitting the two measures the same thing and lets the writer's side be
run on several stores and backends.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
OUT = ROOT / "bench" / "out" / "scale"


# ---------------------------------------------------------------- analyse (the workers' side)

def timed_batch(articles: list) -> tuple[float, list]:
    """`corpus.analyze_batch` on one chunk, with the CPU it took in this worker."""
    from nonpaper.corpus import analyze_batch

    t = time.process_time()
    out = analyze_batch(articles)
    return time.process_time() - t, [(a.id, *r) for a, r in zip(articles, out)]


def read_articles(folder: Path, start: int = 0):
    """The built articles with their metadata, read as `nonpaper ingest --metadata` reads them."""
    from nonpaper.ingest.metadata import read_metadata, with_metadata
    from nonpaper.ingest.readers import read_sources

    def report(problem):
        print(f"scale: {problem}", file=sys.stderr)

    table = read_metadata(str(folder / "metadata.tsv"), report)
    files = sorted(str(p) for p in folder.glob("*.txt"))[start:]
    yield from with_metadata(read_sources(files, report=report), table, report)


def analyse(args) -> None:
    from nonpaper.corpus import chunked, run_local

    out = Path(args.out)
    cache = out / "analyses.jsonl"
    done = 0
    if cache.exists():
        with open(cache, encoding="utf-8") as fh:
            done = sum(1 for _ in fh)
    t0, cpu = time.monotonic(), 0.0
    with open(cache, "a", encoding="utf-8") as fh:
        articles = read_articles(Path(args.articles), start=done)
        for spent, batch in run_local(timed_batch, chunked(articles, 4), args.workers):
            cpu += spent
            for ident, digest, data, error in batch:
                fh.write(json.dumps({"id": ident, "cpu": spent / len(batch), "error": error, "analysis": data},
                                    ensure_ascii=False) + "\n")
                done += 1
            fh.flush()
            if done % 200 < 4:
                print(f"scale: analysed {done} ({time.monotonic() - t0:.0f}s, {cpu:.0f}s CPU in workers)",
                      file=sys.stderr, flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="step", required=True)
    p = sub.add_parser("analyse", help="analyse every built article once, keeping dicts and CPU")
    p.add_argument("--articles", default=str(OUT / "articles"))
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    {"analyse": analyse}[args.step](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
