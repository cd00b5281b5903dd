"""Load on the web UI and JSON API over loopback: a bounded run, one table.

    .venv/bin/python bench/web_load.py --db news.db [--requests 3000] [--concurrency 20] [--baseline ../main/src]

Starts `nonpaper serve` on a free 127.0.0.1 port over a copy of the store (read-only, as a desk user would),
sends a fixed mix of page and API requests (the articles, actors, quotes, timeline, disputes and search
pages and their API twins, with ids, names and words drawn from the store) from `--concurrency`
clients, and stops by itself after `--requests` requests or `--seconds`, whichever comes first.
Prints requests/s and p50/p95/p99 latency overall and per route, errors (status >= 500 or no
answer), and the CPU per request of the server (all its processes) and of this load generator, which
share the machine's cores (latency under load is mostly waiting for a core: read it with the load
average printed first). With `--baseline SRC` the same requests are sent, in the same order, to a server running
the nonpaper of another source tree (e.g. main before a change), and the two are printed side by side.

Build a store to load once, e.g. from PolNeAR and the samples (keep it out of git):
    .venv/bin/nonpaper ingest ../shared/datasets/polnear/train/text ../shared/datasets/polnear/dev/text \\
        examples tests/articles --db /tmp/web1000.db
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("president", "campaign", "tax", "election", "harbour", "debate", "police", "court", "economy", "clinton")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request_mix(db: str, n: int, seed: int = 20) -> list[tuple[str, str]]:
    """(route name, path) pairs: the pages a reader opens and the API a script calls, in a fixed order."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    articles = [r[0] for r in conn.execute("SELECT id FROM articles WHERE status = 'ok' ORDER BY pk")]
    actors = [r[0] for r in conn.execute(
        "SELECT corpus_id FROM actors GROUP BY corpus_id ORDER BY COUNT(*) DESC LIMIT 200")]
    conn.close()
    if not articles or not actors:
        sys.exit(f"{db}: no articles or actors to ask for; ingest some first")
    rnd = random.Random(seed)

    def a() -> str:
        return quote(rnd.choice(articles), safe="")

    def who() -> str:
        return quote(rnd.choice(actors), safe="")

    routes = [
        (6, "page /", lambda: "/"),
        (8, "page /articles", lambda: f"/articles?offset={rnd.choice([0, 0, 50, 500])}"),
        (14, "page /articles/ID", lambda: f"/articles/{a()}"),
        (6, "page /actors", lambda: f"/actors?offset={rnd.choice([0, 50])}"),
        (8, "page /actors/ID", lambda: f"/actors/{who()}"),
        (8, "page /quotes", lambda: rnd.choice(["/quotes", f"/quotes?speaker={who()}", "/quotes?kind=direct&offset=100"])),
        (5, "page /timeline", lambda: rnd.choice(["/timeline", f"/timeline?actor={who()}", "/timeline?offset=300"])),
        (4, "page /disputes", lambda: "/disputes"),
        (8, "page /search", lambda: f"/search?q={rnd.choice(WORDS)}"),
        (8, "api /api/articles", lambda: f"/api/articles?limit=50&offset={rnd.choice([0, 100, 900])}"),
        (8, "api /api/articles/ID", lambda: f"/api/articles/{a()}"),
        (6, "api /api/quotes", lambda: f"/api/quotes?limit=100&speaker={who()}"),
        (4, "api /api/timeline", lambda: "/api/timeline?limit=100"),
        (5, "api /api/search", lambda: f"/api/search?q={rnd.choice(WORDS)}"),
        (2, "api /api/counts", lambda: "/api/counts"),
    ]
    weights = [w for w, _, _ in routes]
    out = []
    for _ in range(n):
        _, name, make = rnd.choices(routes, weights)[0]
        out.append((name, make()))
    return out


class Server:
    """`nonpaper serve` of a source tree over a copy of the store (another version may migrate the
    schema it opens: the user's store is never touched), on a free loopback port, stopped on exit."""

    def __init__(self, db: str, src: Path, extra: tuple[str, ...] = ()):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.folder = tempfile.TemporaryDirectory(prefix="web_load.")
        copy = os.path.join(self.folder.name, "store.db")
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as source, sqlite3.connect(copy) as target:
            source.backup(target)
        env = {**os.environ, "PYTHONPATH": str(src)}
        # the server's log in a file (a pipe nobody reads would fill up and stop the server)
        self.log = open(os.path.join(self.folder.name, "server.log"), "w+")
        self.proc = subprocess.Popen([sys.executable, "-m", "nonpaper", "serve", "--db", copy, "--port",
                                      str(self.port), *extra], env=env, stdout=subprocess.DEVNULL, stderr=self.log)

    def cpu_seconds(self) -> float:
        """CPU the server has used so far: its process and its workers (Linux /proc)."""
        pids, total = [self.proc.pid], 0.0
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as f:
                        if int(f.read().rsplit(")", 1)[1].split()[1]) == self.proc.pid:
                            pids.append(int(entry))
                except (OSError, ValueError, IndexError):
                    continue
        for pid in pids:
            try:
                with open(f"/proc/{pid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            except OSError:
                continue
        return total

    def log_tail(self, n: int = 2000) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()[-n:]

    def __enter__(self) -> "Server":
        import httpx

        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(self.base + "/api/counts", timeout=5)
                return self
            except httpx.TransportError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    sys.exit(f"the server did not start: {self.log_tail(500)}")
                time.sleep(0.2)

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()
        self.folder.cleanup()


async def load(base: str, mix: list[tuple[str, str]], concurrency: int, seconds: float) -> tuple[list, float]:
    """Send the requests from `concurrency` clients; (route, status, seconds) each, and the wall time."""
    import httpx

    results: list[tuple[str, int, float]] = []
    errors: list[str] = []
    queue = list(reversed(mix))
    stop_at = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        for name, path in mix[:20]:  # warm the server's connections and caches; not counted
            await client.get(path)

        async def worker() -> None:
            while queue and time.monotonic() < stop_at:
                name, path = queue.pop()
                t0 = time.perf_counter()
                try:
                    status = (await client.get(path)).status_code
                except httpx.HTTPError as exc:
                    status = 0
                    path = f"{path} ({type(exc).__name__})"
                results.append((name, status, time.perf_counter() - t0))
                if not status or status >= 500:
                    errors.append(f"{status or 'no answer'} {path}")

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - start
    for line in errors[:5]:
        print(f"error: {line}", file=sys.stderr)
    return results, wall


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000


def summary(results: list, wall: float) -> dict[str, dict]:
    """Per route and overall: n, errors, req/s, p50, p95, p99 (ms)."""
    out: dict[str, dict] = {}
    groups: dict[str, list] = {"ALL": results}
    for r in results:
        groups.setdefault(r[0], []).append(r)
    for name, rows in groups.items():
        times = [t for _, status, t in rows if status and status < 500]
        out[name] = {"n": len(rows), "errors": sum(1 for _, s, _ in rows if not s or s >= 500),
                     "rps": len(rows) / wall if name == "ALL" else None, "p50": pct(times, 50),
                     "p95": pct(times, 95), "p99": pct(times, 99),
                     "mean": statistics.fmean(times) * 1000 if times else float("nan")}
    return out


def table(runs: dict[str, dict[str, dict]]) -> str:
    labels = list(runs)
    head = f"{'route':<24}" + "".join(f"| {lab[:34]:<34}" for lab in labels)
    sub = f"{'':<24}" + "".join(f"| {'n':>5} {'err':>4} {'p50':>7} {'p95':>7} {'p99':>7} " for _ in labels)
    lines = [head, sub, "-" * len(sub)]
    names = ["ALL"] + sorted(n for n in next(iter(runs.values())) if n != "ALL")
    for name in names:
        row = f"{name:<24}"
        for lab in labels:
            s = runs[lab].get(name)
            row += (f"| {s['n']:>5} {s['errors']:>4} {s['p50']:>7.0f} {s['p95']:>7.0f} {s['p99']:>7.0f} " if s
                    else f"| {'':>34}")
        lines.append(row)
    lines.append("")
    for lab in labels:
        s = runs[lab]["ALL"]
        lines.append(f"{lab}: {s['n']} requests, {s['rps']:.1f} requests/s, p50 {s['p50']:.0f} ms, "
                     f"p95 {s['p95']:.0f} ms, p99 {s['p99']:.0f} ms, {s['errors']} errors; CPU per request: "
                     f"server {s.get('server_ms', float('nan')):.1f} ms, load generator {s.get('client_ms', float('nan')):.1f} ms")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="an SQLite store to serve (read-only)")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=300, help="stop sending after this long, whatever is left")
    parser.add_argument("--workers", type=int, help="`serve --workers` for this tree's server (default: its own)")
    parser.add_argument("--baseline", metavar="SRC", help="also load the nonpaper of this source tree (e.g. ../main/src)")
    args = parser.parse_args()
    if not Path(args.db).exists():
        sys.exit(f"no store at {args.db}: build one with `nonpaper ingest ... --db {args.db}` (see --help)")
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    n_articles = conn.execute("SELECT COUNT(*) FROM articles WHERE status = 'ok'").fetchone()[0]
    conn.close()
    mix = request_mix(args.db, args.requests)
    trees = {"this tree": ROOT / "src"}
    if args.baseline:
        trees = {f"baseline {args.baseline}": Path(args.baseline).resolve(), **trees}
    print(f"{args.db}: {n_articles} articles; {len(mix)} requests, concurrency {args.concurrency}, "
          f"at most {args.seconds:.0f} s per run; load average {os.getloadavg()[0]:.2f}; times in ms")
    runs = {}
    for label, src in trees.items():
        extra = ("--workers", str(args.workers)) if args.workers and label == "this tree" else ()
        with Server(args.db, src, extra) as server:
            server_cpu, client_cpu = server.cpu_seconds(), time.process_time()
            results, wall = asyncio.run(load(server.base, mix, args.concurrency, args.seconds))
            server_cpu, client_cpu = server.cpu_seconds() - server_cpu, time.process_time() - client_cpu
            if any(not status or status >= 500 for _, status, _ in results):
                print(f"{label}: the server's log ends with:\n{server.log_tail()}", file=sys.stderr)
        runs[label] = summary(results, wall)
        # where the time goes: the server's CPU per request, and this load generator's (on the same cores)
        runs[label]["ALL"].update(server_ms=1000 * server_cpu / len(results), client_ms=1000 * client_cpu / len(results))
    print(table(runs))


if __name__ == "__main__":
    main()
