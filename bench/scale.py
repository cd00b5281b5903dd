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
import itertools
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


# ---------------------------------------------------------------- ingest (the writer's side)

def cached(out: Path, start: int = 0, stop: int | None = None):
    """(id, analysis CPU s, nonpaper/1 dict) of the analysed articles in [start, stop), read lazily."""
    with open(out / "analyses.jsonl", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if stop is not None and n >= stop:
                return
            if n >= start:
                row = json.loads(line)
                if row["analysis"] is not None:
                    yield row["id"], row["cpu"], row["analysis"]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def replay(store, rows, batch: int, log: list, full: bool | None = None) -> None:
    """Store the cached analyses as `nonpaper ingest` runs of `batch` articles would: `Store.add` each,
    then the corpus step (`Store.recompute`, incremental or full as `update.full_needed` decides).
    Appends one record per batch to `log`."""
    from nonpaper.store import update

    def step(chunk):
        t = time.process_time()
        for _, _, data in chunk:
            store.add(data)
        added = time.process_time() - t
        stored = int(store._one("SELECT COUNT(*) AS n FROM articles WHERE status = 'ok'")["n"])
        at_full = store._meta_int("corpus_full_n")
        is_full = full if full is not None else update.full_needed(stored, at_full, len(chunk))
        t0, t = time.monotonic(), time.process_time()
        store.recompute(full=full)
        log.append({"stored": stored, "n": len(chunk), "analysis_cpu": sum(c for _, c, _ in chunk),
                    "add_cpu": added, "corpus_cpu": time.process_time() - t, "corpus_wall": time.monotonic() - t0,
                    "full": bool(is_full), "rss_mb": rss_mb()})
        print(f"scale: {stored} stored, batch of {len(chunk)}: add {added:.1f}s, corpus step "
              f"{log[-1]['corpus_cpu']:.1f}s CPU ({'full' if is_full else 'incremental'}), peak RSS {rss_mb():.0f} MB",
              file=sys.stderr, flush=True)

    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == batch:
            step(chunk)
            chunk = []
    if chunk:
        step(chunk)


def ingest_step(args) -> None:
    """(b): the 1k and N stores built batch by batch from the cache, then 100 more articles (the last
    100 of the cache) added to each."""
    import shutil
    from nonpaper.store import open_store

    out = Path(args.out)
    results = load_results(out)
    available = sum(1 for _ in open(out / "analyses.jsonl", encoding="utf-8"))
    extra, start = 100, args.plus_from  # the same 100 articles are added to every store
    sizes = [s for s in (int(x) for x in args.sizes.split(",")) if s + extra <= available] or [available - extra]
    for size in sizes:
        db = out / f"store-{size}.db"
        for f in out.glob(f"store-{size}.db*"):
            f.unlink()
        log: list = []
        with open_store(db) as store:  # the first `size` articles, leaving out the 100 kept aside
            rows = itertools.chain(cached(out, 0, min(size, start)), cached(out, start + extra, size + extra))
            replay(store, rows, args.batch, log)
        shutil.copy(db, out / f"plus-{size}.db")
        plus: list = []
        with open_store(out / f"plus-{size}.db") as store:
            replay(store, cached(out, start, start + extra), extra, plus)
        (out / f"plus-{size}.db").unlink()
        results.setdefault("ingest", {})[str(size)] = {"batches": log, "plus100": plus[0], "batch": args.batch}
        save_results(out, results, "ingest")


# ---------------------------------------------------------------- queries (c)

def _timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def queries_step(args) -> None:
    """(c): each query verb's first page (as the CLI asks for it: a page and its total) and each main
    API route, on every store `ingest` built; wall time, best of 3 for verbs, p50/p99 of 20 requests."""
    from fastapi.testclient import TestClient
    from nonpaper.store import open_store
    from nonpaper.web.app import create_app

    out = Path(args.out)
    results = load_results(out)
    for db in sorted(out.glob("store-*.db"), key=lambda p: int(p.stem.split("-")[1])):
        size = db.stem.split("-")[1]
        with open_store(db) as s:
            art = s.articles(limit=1)[0]["id"]
            who = s.actors(limit=1)[0]
            event = s._one("SELECT id FROM corpus_events ORDER BY n_articles DESC LIMIT 1")
            verbs = {
                "articles": lambda: (s.articles(limit=20), s.count_articles()),
                "actors": lambda: (s.actors(limit=20), s.count_actors()),
                "actor (most quoted)": lambda: s.actor(who["id"]),
                "quotes": lambda: (s.quotes(limit=20), s.count_quotes()),
                "quotes --speaker (most quoted)": lambda: (s.quotes(speaker=who["id"], limit=20),
                                                           s.count_quotes(speaker=who["id"])),
                "timeline": lambda: (s.timeline(limit=20), s.count_timeline()),
                "timeline --actor (most quoted)": lambda: (s.timeline(actor=who["id"], limit=20),
                                                           s.count_timeline(actor=who["id"])),
                "disputes": lambda: (s.disputes(limit=20), s.count_disputes()),
                "search": lambda: s.search("election", limit=20),
                "counts": lambda: s.counts(),
                "export --what events (first 2,000 rows)": lambda: next(iter([s.timeline(limit=2000)])),
            }
            verb_times = {}
            for name, fn in verbs.items():
                verb_times[name] = min(_timed(fn, 3))
                print(f"scale: {size} {name}: {verb_times[name]:.3f}s", file=sys.stderr, flush=True)
        client = TestClient(create_app(str(db)))
        routes = {"/api/counts": "/api/counts", "/api/articles": "/api/articles?limit=50",
                  "/api/articles/ID": f"/api/articles/{art}", "/api/actors": "/api/actors?limit=50",
                  "/api/actors/ID": f"/api/actors/{who['id']}", "/api/quotes": "/api/quotes?limit=100",
                  "/api/timeline": "/api/timeline?limit=100", "/api/disputes": "/api/disputes?limit=50",
                  "/api/search": "/api/search?q=election",
                  "/api/events/ID": f"/api/events/{event['id']}" if event else "/api/counts",
                  "/timeline (page)": "/timeline", "/ (overview page)": "/"}
        route_times = {}
        for name, url in routes.items():
            assert client.get(url).status_code == 200, url
            times = sorted(_timed(lambda: client.get(url), 20))
            route_times[name] = {"p50": times[len(times) // 2], "p99": times[-1]}
            print(f"scale: {size} {name}: p99 {times[-1]:.3f}s", file=sys.stderr, flush=True)
        results.setdefault("queries", {})[size] = {"verbs": verb_times, "routes": route_times}
        save_results(out, results, "queries")


# ---------------------------------------------------------------- corpus step alone, old and new

def corpus_step(args) -> None:
    """The full corpus step (`pipeline.corpus_actors` + `corpus_disputes`, what `nonpaper analyze` on
    several articles and a full recompute run) on the first N cached analyses, with this tree's code
    and, given --base, another tree's (run in a child process with that tree's src first on the path)."""
    import subprocess

    out = Path(args.out)
    results = load_results(out)
    for tree in [("this", str(ROOT / "src"))] + ([("base", args.base)] if args.base else []):
        for size in (int(x) for x in args.sizes.split(",")):
            code = ("import json,sys,time,itertools,resource;sys.path.insert(0,sys.argv[1]);"
                    "from nonpaper.model import analysis_from_dict as f;from nonpaper import pipeline as p;"
                    "a=[f(json.loads(l)['analysis']) for l in itertools.islice(open(sys.argv[2]),int(sys.argv[3]))];"
                    "t=time.process_time();m=p.corpus_actors(a);ta=time.process_time()-t;d=p.corpus_disputes(a,m);"
                    "print(json.dumps({'n':len(a),'actors':ta,'disputes':time.process_time()-t-ta,'found':len(d),"
                    "'rss_mb':resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024}))")
            done = subprocess.run([sys.executable, "-c", code, tree[1], str(out / "analyses.jsonl"), str(size)],
                                  capture_output=True, text=True)
            if done.returncode:
                print(done.stderr[-2000:], file=sys.stderr)
                continue
            row = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"scale: corpus step, {tree[0]} code, {row}", file=sys.stderr, flush=True)
            results.setdefault("corpus_step", {}).setdefault(tree[0], {})[str(size)] = row
            save_results(out, results, "corpus_step")


# ---------------------------------------------------------------- PostgreSQL and Dask (d)

def postgres_step(args) -> None:
    """(d): the replay of `ingest` into PostgreSQL (a real server, `--url`), N articles in batches."""
    from nonpaper.store import open_store

    out = Path(args.out)
    results = load_results(out)
    log: list = []
    with open_store(args.url) as store:
        with store._tx() as cur:
            for table in ("articles", "actors", "quotes", "timexes", "events", "relations", "claims", "disputes",
                          "corpus_actors", "corpus_events", "meta"):
                store._x(cur, f"DELETE FROM {table}")
        replay(store, cached(out, 0, args.n), args.batch, log)
        t = time.perf_counter()
        first = {"timeline": store.timeline(limit=20), "quotes": store.quotes(limit=20), "actors": store.actors(limit=20)}
        wall = time.perf_counter() - t
    results["postgres"] = {"n": args.n, "batches": log, "three_first_pages_s": wall, "rows": len(first)}
    save_results(out, results, "postgres")


def dask_step(args) -> None:
    """(d): `corpus.ingest` of the first N built articles through a Dask LocalCluster (2 worker
    processes), and through 2 local worker processes, side by side: CPU per article of every process."""
    import tempfile

    import psutil
    from nonpaper.corpus import ingest
    from nonpaper.store import open_store

    out = Path(args.out)
    results = load_results(out)
    folder = Path(tempfile.mkdtemp(prefix="scale-dask-"))
    src = Path(args.articles)
    for p in sorted(src.glob("*.txt"))[:args.n]:
        (folder / p.name).symlink_to(p)
    (folder / "metadata.tsv").symlink_to(src / "metadata.tsv")
    row = {}
    for how in ("local", "dask"):
        db = folder / f"{how}.db"
        me = psutil.Process()
        before = _cpu_tree(me)
        t = time.monotonic()
        with open_store(db) as store:
            if how == "dask":
                import distributed
                with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                              dashboard_address=None, memory_limit="2GB") as cluster:
                    workers = _cluster_cpu(cluster)
                    summary = ingest([str(folder)], store, dask=cluster.scheduler_address, progress=False,
                                     metadata=str(folder / "metadata.tsv"))
                    workers = _cluster_cpu(cluster) - workers  # the workers' own, for the table
            else:
                summary = ingest([str(folder)], store, workers=2, progress=False, metadata=str(folder / "metadata.tsv"))
                workers = None
        wall = time.monotonic() - t
        # this process and every child it reaped (the pool's workers; the cluster's nannies and workers,
        # closed above): spaCy loading included, as a user pays it
        cpu = _cpu_tree(me) - before
        row[how] = {"n": summary.ingested, "wall": wall, "cpu": cpu, "merge_s": summary.merge_seconds,
                    "workers_cpu": workers}
        print(f"scale: {how}: {row[how]}", file=sys.stderr, flush=True)
    results["dask"] = row
    save_results(out, results, "dask")


def _cpu_tree(proc) -> float:
    """CPU seconds of a process and its children that have ended (getrusage) and are alive."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _cluster_cpu(cluster) -> float:
    import psutil

    total = 0.0
    for w in cluster.workers.values():
        try:
            pid = w.process.process.pid
            t = psutil.Process(pid).cpu_times()
            total += t.user + t.system
        except Exception:
            pass
    return total


# ---------------------------------------------------------------- report

def _per_article(batches: list, first: int, last: int) -> dict:
    """CPU per article of articles in (first, last]: their analysis and writes, and the corpus steps
    of the batches they came in (spread over the batch)."""
    a = w = c = n = 0.0
    for b in batches:
        lo = b["stored"] - b["n"]
        share = max(0, min(b["stored"], last) - max(lo, first)) / b["n"]
        a, w, c, n = a + share * b["analysis_cpu"], w + share * b["add_cpu"], c + share * b["corpus_cpu"], n + share * b["n"]
    return {"analysis": a / n, "write": w / n, "corpus": c / n} if n else {}


def report(args) -> None:
    r = load_results(Path(args.out))
    if "ingest" in r:
        print("(b) ingest, batch by batch (a corpus step after each), CPU seconds per article")
        head = f"{'store':>7} {'articles':>14} {'analysis':>8} {'write':>6} {'corpus step':>11} {'corpus share':>12} {'full steps':>10} {'peak RSS MB':>11}"
        print(head + "\n" + "-" * len(head))
        for size, x in sorted(r["ingest"].items(), key=lambda kv: int(kv[0])):
            b = x["batches"]
            n = b[-1]["stored"]
            for label, lo, hi in (("first 1,000", 0, 1000), (f"last 1,000", n - 1000, n)):
                p = _per_article(b, lo, hi)
                if p:
                    share = p["corpus"] / (p["analysis"] + p["write"] + p["corpus"])
                    print(f"{size:>7} {label:>14} {p['analysis']:>8.3f} {p['write']:>6.3f} {p['corpus']:>11.4f} {share:>12.1%} "
                          f"{sum(1 for y in b if y['full']):>10} {max(y['rss_mb'] for y in b):>11.0f}")
            tot = sum(y["corpus_cpu"] for y in b)
            alls = sum(y["analysis_cpu"] + y["add_cpu"] + y["corpus_cpu"] for y in b)
            print(f"{size:>7} {'all':>14} {'':>8} {'':>6} {tot / n:>11.4f} {tot / alls:>12.1%}")
        print("\nadding 100 articles (one ingest run) to a store of N, CPU seconds")
        head = f"{'N':>7} {'analysis':>8} {'write':>6} {'corpus step':>11} {'kind':>11} {'total':>6} {'vs smallest':>11}"
        print(head + "\n" + "-" * len(head))
        base = None
        for size, x in sorted(r["ingest"].items(), key=lambda kv: int(kv[0])):
            p = x["plus100"]
            total = p["analysis_cpu"] + p["add_cpu"] + p["corpus_cpu"]
            base = base or total
            print(f"{size:>7} {p['analysis_cpu']:>8.1f} {p['add_cpu']:>6.1f} {p['corpus_cpu']:>11.2f} "
                  f"{'full' if p['full'] else 'incremental':>11} {total:>6.1f} {total / base:>10.2f}x")
    if "corpus_step" in r:
        print("\nthe full corpus step alone (actors merged + cross-article disputes), CPU seconds, this tree vs before issue 19")
        head = f"{'articles':>8} {'before':>8} {'now':>8} {'now/article ms':>14} {'disputes before':>15} {'now':>5} {'RSS MB now':>10}"
        print(head + "\n" + "-" * len(head))
        now, old = r["corpus_step"].get("this", {}), r["corpus_step"].get("base", {})
        for size in sorted(set(now) | set(old), key=int):
            a, b = now.get(size), old.get(size)
            cost = lambda x: x["actors"] + x["disputes"] if x else float("nan")
            print(f"{size:>8} {cost(b):>8.2f} {cost(a):>8.2f} {1000 * cost(a) / int(size):>14.2f} "
                  f"{b['found'] if b else '-':>15} {a['found'] if a else '-':>5} {a['rss_mb'] if a else 0:>10.0f}")
    if "queries" in r:
        sizes = sorted(r["queries"], key=int)
        print("\n(c) query verbs, first page and its total, wall seconds (best of 3)")
        head = f"{'verb':<42}" + "".join(f"{s + ' articles':>16}" for s in sizes)
        print(head + "\n" + "-" * len(head))
        for verb in r["queries"][sizes[0]]["verbs"]:
            print(f"{verb:<42}" + "".join(f"{r['queries'][s]['verbs'].get(verb, float('nan')):>16.3f}" for s in sizes))
        print("\nAPI routes and pages, 20 requests each, p50 / p99 milliseconds")
        print(head.replace("verb", "route") + "\n" + "-" * len(head))
        for route in r["queries"][sizes[0]]["routes"]:
            cells = []
            for s in sizes:
                t = r["queries"][s]["routes"].get(route)
                cells.append(f"{1000 * t['p50']:.0f} / {1000 * t['p99']:.0f}" if t else "-")
            print(f"{route:<42}" + "".join(f"{c:>16}" for c in cells))
    if "postgres" in r:
        x = r["postgres"]
        b = x["batches"]
        print(f"\n(d) PostgreSQL: {x['n']} articles in batches of {b[0]['n']}: write {sum(y['add_cpu'] for y in b) / x['n']:.3f} "
              f"s CPU per article, corpus steps {sum(y['corpus_cpu'] for y in b):.1f} s CPU "
              f"({sum(y['corpus_wall'] for y in b):.1f} s wall), three first pages {x['three_first_pages_s']:.2f} s")
        if "ingest" in r and str(x["n"]) in r["ingest"]:
            s = r["ingest"][str(x["n"])]["batches"]
            print(f"    SQLite, the same: write {sum(y['add_cpu'] for y in s) / x['n']:.3f} s CPU per article, corpus "
                  f"steps {sum(y['corpus_cpu'] for y in s):.1f} s CPU ({sum(y['corpus_wall'] for y in s):.1f} s wall)")
    if "dask" in r:
        print("\n(d) ingest of the same articles, 2 local worker processes vs a Dask LocalCluster of 2 workers")
        head = f"{'how':<8} {'articles':>8} {'wall s':>7} {'CPU s/article':>13} {'corpus step s':>13}"
        print(head + "\n" + "-" * len(head))
        for how, x in r["dask"].items():
            print(f"{how:<8} {x['n']:>8} {x['wall']:>7.1f} {x['cpu'] / max(1, x['n']):>13.3f} {x['merge_s']:>13.1f}")


def load_results(out: Path) -> dict:
    """Every step's figures (one file per step: steps may run at the same time)."""
    results: dict = {}
    for path in sorted(out.glob("results*.json")):
        for key, value in json.loads(path.read_text(encoding="utf-8")).items():
            if isinstance(value, dict) and isinstance(results.get(key), dict):
                results[key].update(value)  # e.g. two ingest runs, one size each
            else:
                results[key] = value
    return results


def save_results(out: Path, results: dict, key: str) -> None:
    (out / f"results-{key}.json").write_text(json.dumps({key: results[key]}, indent=1), encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="step", required=True)
    p = sub.add_parser("analyse", help="analyse every built article once, keeping dicts and CPU")
    p.add_argument("--articles", default=str(OUT / "articles"))
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--out", default=str(OUT))
    p = sub.add_parser("ingest", help="build stores of each size from the cache; add 100 more to each")
    p.add_argument("--sizes", default="1000,10000")
    p.add_argument("--batch", type=int, default=500, help="articles per ingest run (then a corpus step)")
    p.add_argument("--plus-from", type=int, default=900, help="the 100 articles added to each store: from this one")
    p.add_argument("--out", default=str(OUT))
    p = sub.add_parser("queries", help="time query verbs and API routes on the stores `ingest` built")
    p.add_argument("--out", default=str(OUT))
    p = sub.add_parser("corpus", help="the full corpus step alone on the first N cached analyses")
    p.add_argument("--sizes", default="500,1000,2000")
    p.add_argument("--base", help="another tree's src folder to compare (e.g. the commit before issue 19)")
    p.add_argument("--out", default=str(OUT))
    p = sub.add_parser("postgres", help="the ingest replay into PostgreSQL")
    p.add_argument("--url", required=True, help="postgresql://user@host:port/db (its tables are emptied)")
    p.add_argument("--n", type=int, default=1000)
    p.add_argument("--batch", type=int, default=500)
    p.add_argument("--out", default=str(OUT))
    p = sub.add_parser("dask", help="ingest of N built articles on a Dask LocalCluster and on 2 local workers")
    p.add_argument("--n", type=int, default=200)
    p.add_argument("--articles", default=str(OUT / "articles"))
    p.add_argument("--out", default=str(OUT))
    p = sub.add_parser("report", help="print every table from the stored figures")
    p.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    {"analyse": analyse, "ingest": ingest_step, "queries": queries_step, "corpus": corpus_step,
     "postgres": postgres_step, "dask": dask_step, "report": report}[args.step](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
