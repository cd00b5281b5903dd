"""Throughput of nonpaper on real news: one run, one table.

    .venv/bin/python bench/throughput.py [--n 500] [--texts ../shared/datasets/polnear/train/text]

For 1 and 2 workers, articles/s and peak RSS of
  (a) the spaCy parse alone,
  (b) the full analysis (parse + every stage, results returned as nonpaper/1 dicts),
  (c) `nonpaper ingest` into a fresh SQLite store, end to end: reading files, starting the workers and
      loading spaCy, analysing, writing (one transaction per article) and the corpus-level recompute,
and the ratios (b)/(a) and 2 workers / 1 worker. (a) and (b) are steady state: the workers are started
and spaCy loaded before the clock starts. CPU seconds per article (all processes, spaCy loading
included) do not depend on what else the machine runs; articles/s does, so the load average is shown. Each measurement runs in a fresh process, so peak RSS is
its own; "worker RSS" is the largest worker process (the writer itself with 1 worker), "writer RSS"
the process that stores.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TEXTS = ROOT.parent / "shared" / "datasets" / "polnear" / "train" / "text"


def parse_only(articles) -> list:
    """(a): the spaCy parse of a chunk, nothing else (runs in a worker)."""
    from nonpaper.text import parse as nlp

    docs = [p.doc for p in nlp.parse_many(articles)]
    return [(a.content_hash, None, None) for a, _ in zip(articles, docs)]


def _warm_task(_: int) -> int:
    from nonpaper.text import parse as nlp

    nlp.load()
    time.sleep(0.5)  # long enough that each worker takes one warm-up task
    return os.getpid()


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: kilobytes


def files(texts: Path, n: int) -> list[Path]:
    found = sorted(p for p in texts.glob("*.txt"))
    if len(found) < n:
        sys.exit(f"throughput: only {len(found)} articles in {texts}; need {n}")
    return found[:n]


def measure(stage: str, workers: int, paths: list[Path]) -> dict:
    """One measurement in this (fresh) process."""
    from nonpaper import corpus
    from nonpaper.text import parse as nlp
    from nonpaper.ingest import read_sources

    if stage == "ingest":
        from nonpaper.store import open_store

        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(os.path.join(tmp, "bench.db"))
            start = time.perf_counter()
            summary = corpus.ingest([str(p) for p in paths], store, workers=workers, progress=False)
            seconds = time.perf_counter() - start
            counts = store.counts()
            store.close()
        done = summary.ingested
        extra = {"quotes": counts["quotes"], "failed": summary.failed, "merge_seconds": summary.merge_seconds}
    else:
        articles = list(read_sources([str(p) for p in paths], report=lambda p: None))
        fn = parse_only if stage == "parse" else corpus.analyze_batch
        chunks = list(corpus.chunked(articles, corpus.CHUNK))
        pool = None
        if workers > 1:
            pool = corpus.process_pool(workers)
            list(pool.map(_warm_task, range(workers)))
        else:
            nlp.load()
        start = time.perf_counter()
        done = sum(len(batch) for batch in corpus.run_local(fn, chunks, workers, pool=pool))
        seconds = time.perf_counter() - start
        if pool is not None:
            pool.shutdown(wait=True)
        extra = {}
    writer = _rss_mb(resource.RUSAGE_SELF)
    children = _rss_mb(resource.RUSAGE_CHILDREN)
    cpu = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for f in ("ru_utime", "ru_stime"))
    return {"stage": stage, "workers": workers, "articles": done, "seconds": seconds, "rate": done / seconds,
            "cpu_per_article": cpu / max(done, 1), "load": os.getloadavg()[0],
            "writer_rss": writer, "worker_rss": children if workers > 1 else writer, **extra}


def run_child(stage: str, workers: int, n: int, texts: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--measure", stage, "--workers", str(workers), "--n", str(n),
                          "--texts", str(texts)], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"throughput: {stage} with {workers} worker(s) failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def table(results: dict, n: int) -> str:
    label = {"parse": "(a) spaCy parse alone", "analyze": "(b) full analysis", "ingest": "(c) ingest into SQLite"}
    lines = [f"nonpaper throughput on {n} PolNeAR train articles, {os.cpu_count()} cores",
             "",
             "| stage | workers | articles/s | 2w/1w | CPU s/article | worker peak RSS MB | writer peak RSS MB "
             "| load avg at end |",
             "|---|---|---|---|---|---|---|---|"]
    for stage in ("parse", "analyze", "ingest"):
        one, two = results[(stage, 1)], results[(stage, 2)]
        for r in (one, two):
            ratio = f"{two['rate'] / one['rate']:.2f}" if r is two else ""
            lines.append(f"| {label[stage]} | {r['workers']} | {r['rate']:.1f} | {ratio} | "
                         f"{r.get('cpu_per_article', 0):.2f} | {r['worker_rss']:.0f} | {r['writer_rss']:.0f} | "
                         f"{r.get('load', 0):.1f} |")
    for w in (1, 2):
        ratio = results[("analyze", w)]["rate"] / results[("parse", w)]["rate"]
        lines.append(f"\n(b)/(a) with {w} worker{'s' if w > 1 else ''}: {ratio:.2f}")
    ingest = results[("ingest", 1)]
    lines.append(f"ingest stored {ingest['articles']} articles, {ingest.get('quotes', 0)} quotes, "
                 f"{ingest.get('failed', 0)} failed; (c) includes the corpus-level merge: "
                 f"{ingest.get('merge_seconds', 0):.1f}s of {ingest['seconds']:.1f}s with 1 worker, "
                 f"{results[('ingest', 2)].get('merge_seconds', 0):.1f}s of {results[('ingest', 2)]['seconds']:.1f}s "
                 "with 2")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=500, help="how many articles (default 500)")
    ap.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="a folder of .txt articles")
    ap.add_argument("--measure", choices=("parse", "analyze", "ingest"), help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not args.texts.is_dir():
        sys.exit(f"throughput: {args.texts} not found (../shared beside the checkout, or give --texts)")
    paths = files(args.texts, args.n)
    if args.measure:
        print(json.dumps(measure(args.measure, args.workers, paths)))
        return
    results = {}
    for stage in ("parse", "analyze", "ingest"):
        for workers in (1, 2):
            results[(stage, workers)] = run_child(stage, workers, args.n, args.texts)
            r = results[(stage, workers)]
            print(f"  {stage} x{workers}: {r['rate']:.1f} articles/s ({r['seconds']:.1f}s)", file=sys.stderr)
    print(table(results, args.n))


if __name__ == "__main__":
    main()
