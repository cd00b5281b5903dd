"""Batch ingest into a corpus store, and the Python API over it.

Workers analyse, one writer stores: articles are read and deduplicated (content hash) in this
process, analysed in chunks by local processes (`workers=N`) or a Dask cluster (`dask="tcp://…"`),
and every result comes back here to be written, one transaction per article. Killing the run loses
only the chunks in flight; re-running skips what is stored and retries what failed.

    >>> from nonpaper.corpus import Corpus
    >>> with Corpus("nonpaper.db") as corpus:
    ...     corpus.ingest("articles/", workers=2)
    ...     corpus.quotes(speaker="Lavrov", since="2025-10-01")
"""
from __future__ import annotations

import csv
import functools
import io
import itertools
import json
import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from . import pipeline
from .ingest.metadata import read_metadata, with_metadata
from .ingest.readers import InputError, read_sources
from .model import Article
from .store import Store, StoreError, open_store
from .text import parse as nlp

CHUNK = 4  # articles per task: amortises the task round trip, keeps little in flight
DASK_TIMEOUT = "15s"  # how long to wait for the scheduler before saying it cannot be reached


class CorpusError(RuntimeError):
    """A batch cannot run (e.g. the Dask scheduler is unreachable); one line for the user."""


# ---------------------------------------------------------------- worker side

TIMEOUT = 120.0  # seconds one article may take before it is stopped and stored as failed


class ArticleTimeout(Exception):
    """An article took longer than the time limit (a stage stuck on it)."""


class AnalysisCancelled(Exception):
    """The analysis was given up by its caller (a web client that left, a server shutting down)."""


def _timeout_message(seconds: float) -> str:
    return (f"stopped after {seconds:g}s (an analysis stage got stuck on this article); split the article, "
            "or allow more time with --timeout")


@contextmanager
def time_limit(seconds: float | None, cancel: threading.Event | None = None) -> Iterator[None]:
    """Raise ArticleTimeout after `seconds` (and AnalysisCancelled once `cancel` is set). In the main
    thread by SIGALRM; in any other thread (Dask workers, the web server's) by a watchdog that raises
    the exception in this thread, which takes effect at its next Python instruction."""
    if not seconds and cancel is None:
        yield
        return
    main = threading.current_thread() is threading.main_thread()
    limit = _alarm(seconds) if main and cancel is None and hasattr(signal, "setitimer") else _watchdog(seconds, cancel)
    try:
        with limit:
            yield
    except ArticleTimeout as exc:
        if exc.args:
            raise
        raise ArticleTimeout(_timeout_message(seconds or 0)) from None


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expire(signum, frame):
        raise ArticleTimeout(_timeout_message(seconds))

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _watchdog(seconds: float | None, cancel: threading.Event | None) -> Iterator[None]:
    import ctypes

    target, done, lock = threading.get_ident(), threading.Event(), threading.Lock()
    deadline = time.monotonic() + seconds if seconds else None
    fired: list[type] = []

    def watch() -> None:
        while not done.wait(0.05):
            late = deadline is not None and time.monotonic() >= deadline
            if late or (cancel is not None and cancel.is_set()):
                with lock:
                    if not done.is_set():
                        fired.append(ArticleTimeout if late else AnalysisCancelled)
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(fired[0]))
                return

    threading.Thread(target=watch, name="nonpaper-time-limit", daemon=True).start()
    try:
        yield
    finally:
        with lock:
            done.set()
            if fired:  # raised too late to matter: make sure it never lands after this block
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)


BATCH_CHARS = 50_000  # a longer article is parsed on its own: a slow one never costs the batch's time twice


def _analyse_all(articles: list[Article], timeout: float | None) -> list:
    """Each article's Analysis, or its error as one line. One article failing, or taking over
    `timeout` seconds (its parse and every stage together), never loses the others."""
    nlp.load()  # loading the model (seconds, once per worker) is not the article's time
    small = [i for i, art in enumerate(articles) if len(art.text) <= BATCH_CHARS]
    parsed: dict[int, object] = {}
    if len(small) > 1:  # short articles parse faster together (spaCy batches them)
        try:
            with time_limit(timeout * len(small) if timeout else None):
                parsed = dict(zip(small, nlp.parse_many([articles[i] for i in small])))
        except nlp.ModelMissing:
            raise
        except Exception:  # one text broke (or stalled) the batched parse: each is parsed on its own below
            parsed = {}
    out: list = []
    for i, art in enumerate(articles):
        try:
            with time_limit(timeout):
                item = parsed[i] if i in parsed else nlp.parse(art)
                out.append(pipeline.analyze_parsed(item))
        except nlp.ModelMissing:
            raise
        except Exception as exc:
            out.append(_error(exc))
    return out


def analyze_batch(articles: list[Article], timeout: float | None = TIMEOUT
                  ) -> list[tuple[str | None, dict | None, str | None]]:
    """Analyse a chunk (runs in a worker): (content hash, nonpaper/1 dict or None, error or None) each."""
    out = []
    for art, result in zip(articles, _analyse_all(articles, timeout)):
        if isinstance(result, str):
            out.append((art.content_hash, None, result))
            continue
        try:
            out.append((art.content_hash, result.to_dict(), None))
        except Exception as exc:
            out.append((art.content_hash, None, _error(exc)))
    return out


def analyze_numbered(numbered: tuple[int, list[Article]], timeout: float | None = TIMEOUT
                     ) -> tuple[int, list[tuple[str | None, dict | None, str | None]]]:
    """`analyze_batch` on the n-th chunk (runs in a worker): (n, its results)."""
    n, articles = numbered
    return n, analyze_batch(articles, timeout)


def in_order(results: Iterable[tuple[int, list]]) -> Iterator[list]:
    """Numbered chunks' results, put back in the order of the input: the store then holds the articles
    in the same order however many workers (or a Dask cluster) analysed them, so the corpus step, which
    reads them in that order, gives the same result. Holds only the chunks that finished early."""
    waiting: dict[int, list] = {}
    expected = 0
    for n, batch in results:
        waiting[n] = batch
        while expected in waiting:
            yield waiting.pop(expected)
            expected += 1
    for n in sorted(waiting):  # a gap only if the run stopped early; keep what came back
        yield waiting[n]


def analyze_indexed(items: list[tuple[int, Article]], timeout: float | None = TIMEOUT
                    ) -> list[tuple[int, object, str | None]]:
    """Analyse numbered articles (runs in a worker): (number, Analysis or None, error or None) each."""
    results = _analyse_all([art for _, art in items], timeout)
    return [(n, None, r) if isinstance(r, str) else (n, r, None) for (n, _), r in zip(items, results)]


def analyze_each(articles: list[Article], *, workers: int = 1, timeout: float | None = TIMEOUT,
                 chunk: int = CHUNK) -> Iterator[tuple[int, object, str | None]]:
    """`nonpaper analyze`'s work: every article analysed on its own (in `workers` processes), each under
    the time limit, as (index, Analysis or None, error or None) in completion order."""
    numbered = list(enumerate(articles))
    work = functools.partial(analyze_indexed, timeout=timeout)
    for batch in run_local(work, chunked(numbered, max(1, chunk)), workers):
        yield from batch


def _error(exc: BaseException) -> str:
    if isinstance(exc, ArticleTimeout):
        return f"analysis {exc}"
    text = " ".join(str(exc).split())[:200]
    return f"analysis failed: {type(exc).__name__}: {text}"


def _warm() -> None:
    """Process-pool initializer: die with the writer (no orphans burning CPU after a kill), and load
    spaCy once per worker, before the first chunk."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass
    nlp.load()


# ---------------------------------------------------------------- runners

Batch = list[Article]
Results = Iterator[list[tuple[str | None, dict | None, str | None]]]


def process_pool(workers: int):
    """A pool of `workers` spawned processes, each loading spaCy once when it starts."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn, not fork: the writer's threads (progress bar, database) must not be copied mid-lock.
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_warm)


def run_local(fn: Callable, chunks: Iterable[Batch], workers: int, pool=None) -> Results:
    """`fn` over the chunks: in this process for one worker, else in `workers` spawned processes
    (or the given `pool`, left open), with at most two chunks per worker in flight. Results come in
    completion order."""
    if workers <= 1 and pool is None:
        for chunk in chunks:
            yield fn(chunk)
        return
    from concurrent.futures import FIRST_COMPLETED, wait

    own = pool is None
    pool = pool or process_pool(workers)
    pending: set = set()
    source = iter(chunks)
    try:
        while True:
            while len(pending) < workers * 2:
                chunk = next(source, None)
                if chunk is None:
                    break
                pending.add(pool.submit(fn, chunk))
            if not pending:
                break
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
    except BaseException:
        # Interrupted or failed: stop the workers now rather than wait for their chunks.
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
        raise
    finally:
        for future in pending:
            future.cancel()
        if own:
            pool.shutdown(wait=True, cancel_futures=True)


def run_dask(fn: Callable, chunks: Iterable[Batch], address: str | object, in_flight: int | None = None) -> Results:
    """`fn` over the chunks on a dask.distributed cluster (`address` "tcp://host:8786", or a Client).
    Workers analyse; results come back here, to the one writer."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise CorpusError("--dask needs dask.distributed: pip install 'nonpaper[dask]'") from None
    own = not hasattr(address, "submit")
    if own:
        try:
            client = Client(address, timeout=DASK_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise CorpusError(f"cannot reach the Dask scheduler at {address}: {exc}; start it with "
                              "`dask scheduler` and check the address") from None
    else:
        client = address
    try:
        width = in_flight or max(2, 2 * sum(client.nthreads().values()))
        source = iter(chunks)
        queue = as_completed()
        for chunk in source:
            queue.add(client.submit(fn, chunk, pure=False))
            if queue.count() >= width:
                break
        for future in queue:
            yield future.result()
            future.release()
            chunk = next(source, None)
            if chunk is not None:
                queue.add(client.submit(fn, chunk, pure=False))
    finally:
        if own:
            client.close()


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Lists of `size` items, taken from `items` only as they are asked for."""
    source = iter(items)
    while chunk := list(itertools.islice(source, size)):
        yield chunk


def _write(method: Callable, store: Store, *args):
    """A store write; a failing disk or server is one line saying the run can be resumed."""
    try:
        return method(*args)
    except StoreError:
        raise
    except Exception as exc:
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise StoreError(f"cannot write to {store.display}: {reason}; what was stored stays: free space or "
                         "fix the store and run the same command again to resume") from None


# ---------------------------------------------------------------- progress

class Progress:
    """Progress on stderr with rate and ETA: a rich bar in a terminal, a line every `every` seconds
    in a log (pipes, cluster jobs); nothing when disabled."""

    def __init__(self, total: int | None, label: str = "ingesting", enabled: bool = True, every: float = 10.0,
                 stream=None) -> None:
        self.total, self.label, self.done = total, label, 0
        self.stream = stream or sys.stderr
        self.start = self.last = time.monotonic()
        self.every = every
        self.bar = None
        self.enabled = enabled and (total is None or total > 0)
        if self.enabled and self.stream.isatty():
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)
            self.bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                           TextColumn("{task.fields[rate]}"), TextColumn("ETA"), TimeRemainingColumn(),
                           TimeElapsedColumn(), console=Console(file=self.stream), transient=True)
            self.bar.start()
            self.task = self.bar.add_task(label, total=total, rate="")

    def rate(self) -> float:
        elapsed = time.monotonic() - self.start
        return self.done / elapsed if elapsed > 0 else 0.0

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.update(self.task, advance=n, rate=f"{self.rate():.1f} articles/s")
            return
        now = time.monotonic()
        if now - self.last >= self.every or self.done == self.total:
            self.last = now
            rate = self.rate()
            if self.total is None:  # read as it goes (a stream, a large dump): no ETA to give
                print(f"nonpaper: {self.label} {self.done} articles, {rate:.1f}/s", file=self.stream, flush=True)
                return
            eta = (self.total - self.done) / rate if rate else float("inf")
            eta_text = f"{eta:.0f}s" if eta != float("inf") else "?"
            print(f"nonpaper: {self.label} {self.done}/{self.total} articles, {rate:.1f}/s, ETA {eta_text}",
                  file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


# ---------------------------------------------------------------- ingest

@dataclass
class Summary:
    read: int = 0
    ingested: int = 0
    duplicates: int = 0
    failed: int = 0
    seconds: float = 0.0
    merge_seconds: float = 0.0  # of which the corpus-level recompute
    warnings: list[str] = field(default_factory=list)

    def line(self) -> str:
        rate = f", {self.ingested / self.seconds:.1f} articles/s" if self.seconds and self.ingested else ""
        merge = f", corpus-level merge {self.merge_seconds:.1f}s" if self.merge_seconds else ""
        return (f"{self.ingested} ingested, {self.duplicates} skipped as duplicates, {self.failed} failed "
                f"({self.seconds:.1f}s{rate}{merge})")

    def to_dict(self) -> dict:
        return {"read": self.read, "ingested": self.ingested, "duplicates": self.duplicates,
                "failed": self.failed, "seconds": round(self.seconds, 2),
                "merge_seconds": round(self.merge_seconds, 2), "warnings": self.warnings}


def ingest(sources: Iterable[str], store: Store, *, workers: int = 1, dask: str | object | None = None,
           published: str | None = None, chunk: int = CHUNK, progress: bool = True,
           warn: Callable[[str], None] | None = None, timeout: float | None = TIMEOUT,
           merge: bool = True, metadata: str | None = None) -> Summary:
    """Read, deduplicate, analyse and store every article in `sources` (files, directories, feeds,
    JSONL). Unreadable inputs and failed analyses are stored as failures with their error; the run
    goes on. Corpus-level actors, events and disputes are recomputed at the end when anything new
    was stored (or a previous run was interrupted before doing so); `merge=False` defers that to a
    later run (or `store.recompute()`), for many small batches into a large corpus. `metadata`: a CSV, TSV
    or JSONL file giving each file its date, outlet, URL, title and author (`ingest.metadata`)."""
    warn = warn or (lambda message: None)
    summary = Summary()
    started = time.monotonic()

    def report(problem) -> None:
        if problem.fatal:
            _write(store.record_failure, store, problem.source, None, problem.message)
            summary.failed += 1
        warn(("" if problem.fatal else "warning: ") + str(problem))

    stored = store.hashes()
    where: dict[str | None, str | None] = {}

    try:
        table = read_metadata(metadata, report) if metadata else None
    except InputError as exc:
        raise CorpusError(str(exc)) from None

    def fresh() -> Iterator[Article]:
        # Read lazily, as the workers ask for chunks: memory holds the chunks in flight, not the corpus.
        for art in with_metadata(read_sources(list(sources), report=report, published=published), table, report):
            summary.read += 1
            if art.content_hash in stored:
                summary.duplicates += 1
                continue
            stored.add(art.content_hash)
            where[art.content_hash] = art.source
            yield art

    bar = Progress(None, enabled=progress)
    chunks = enumerate(chunked(fresh(), max(1, chunk)))
    work = functools.partial(analyze_numbered, timeout=timeout)
    results = run_dask(work, chunks, dask) if dask else run_local(work, chunks, workers)
    try:
        for batch in in_order(results):
            for digest, data, error in batch:
                source = where.pop(digest, None)
                if error is not None:
                    _write(store.record_failure, store, source, digest, error)
                    summary.failed += 1
                    warn(f"{source}: {error}")
                else:
                    _, inserted = _write(store.add, store, data)
                    summary.ingested += inserted
                    summary.duplicates += not inserted
            bar.advance(len(batch))
    finally:
        # Close the workers here, in this thread: left to the garbage collector, the pool's shutdown
        # may run in its own manager thread and fail there with a traceback ("cannot join current thread").
        results.close()
        bar.close()
        summary.seconds = time.monotonic() - started
    if merge and (summary.ingested or store.stale()):
        merge_started = time.monotonic()
        summary.warnings += store.recompute()
        summary.merge_seconds = time.monotonic() - merge_started
        for message in summary.warnings:
            warn(f"warning: {message}")
    summary.seconds = time.monotonic() - started
    return summary


# ---------------------------------------------------------------- export

def flat(value) -> str | int | float | None:
    """A CSV cell: lists of plain values joined with "; ", anything nested as JSON."""
    if isinstance(value, list) and all(not isinstance(v, (list, dict)) for v in value):
        return "; ".join("" if v is None else str(v) for v in value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_rows(rows: Iterable[dict], fmt: str, out: io.TextIOBase) -> int:
    """Rows as JSON Lines or CSV (header from the first row); returns how many were written."""
    n = 0
    writer = None
    for row in rows:
        if fmt == "jsonl":
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row), extrasaction="ignore", lineterminator="\n")
                writer.writeheader()
            writer.writerow({k: flat(v) for k, v in row.items()})
        n += 1
    return n


EXPORTS = ("articles", "quotes", "actors", "events", "disputes")


def export_rows(store: Store, what: str) -> Iterator[dict]:
    """What `nonpaper export` writes: full analyses (articles) or the rows of a query verb."""
    if what not in EXPORTS:
        raise CorpusError(f"cannot export {what!r}; choose one of {', '.join(EXPORTS)}")
    return store.export_rows(what)


# ---------------------------------------------------------------- Python API

class Corpus:
    """A corpus store with the CLI's verbs: ingest, articles, actors, actor, quotes, timeline,
    disputes, search, counts, analysis, export. Rows are plain dicts."""

    def __init__(self, db: str | os.PathLike | None = None) -> None:
        self.store = open_store(db)

    def ingest(self, *sources: str, workers: int = 1, dask: str | object | None = None,
               published: str | None = None, progress: bool = False, timeout: float | None = TIMEOUT,
               merge: bool = True) -> Summary:
        return ingest(sources, self.store, workers=workers, dask=dask, published=published, progress=progress,
                      timeout=timeout, merge=merge)

    def recompute(self, full: bool | None = None) -> list[str]:
        """Bring the corpus-level rows up to date: incrementally, in full (`full=True`), or as
        `store.update.full_needed` decides (None)."""
        return self.store.recompute(full=full)

    def articles(self, **filters) -> list[dict]:
        return self.store.articles(**filters)

    def analysis(self, article_id: str):
        return self.store.analysis(article_id)

    def actors(self, **filters) -> list[dict]:
        return self.store.actors(**filters)

    def actor(self, actor_id: str) -> dict | None:
        return self.store.actor(actor_id)

    def quotes(self, **filters) -> list[dict]:
        return self.store.quotes(**filters)

    def timeline(self, **filters) -> list[dict]:
        return self.store.timeline(**filters)

    def disputes(self) -> list[dict]:
        return self.store.disputes()

    def search(self, text: str, limit: int = 20) -> dict:
        return self.store.search(text, limit=limit)

    def counts(self) -> dict:
        return self.store.counts()

    def export(self, what: str = "quotes", fmt: str = "jsonl") -> str:
        buffer = io.StringIO()
        write_rows(export_rows(self.store, what), fmt, buffer)
        return buffer.getvalue()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


__all__ = ["Corpus", "CorpusError", "StoreError", "Summary", "ingest", "analyze_batch", "run_local", "run_dask",
           "write_rows", "export_rows"]
