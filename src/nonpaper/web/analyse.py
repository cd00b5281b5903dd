"""One pasted or uploaded article for the web, shared by the page and the API: the request limits, the
form, the analysis and storing it."""
from __future__ import annotations

import threading
import time
from contextvars import ContextVar
from pathlib import Path

from fastapi import HTTPException, Request

from ..model import Analysis
from ..ingest.readers import decode, FEED_EXT, InputError, JSONL_EXT, sniff, TooLarge
from ..text.parse import ModelMissing

MAX_UPLOAD = 5 * 1024 * 1024
MAX_BODY = MAX_UPLOAD + 64 * 1024  # the whole request: the upload plus form fields and boundaries
DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"  # YYYY, YYYY-MM or YYYY-MM-DD
# One analysis at a time: the spaCy pipeline is shared by the server's threads and is not
# documented as thread-safe; on a desk machine analyses are rare, so waiting is fine. At most
# MAX_WAITING more wait for it (each holds a server thread); the next is told the server is busy, so
# analyses can never take the threads that answer reads.
_ANALYSE = threading.Lock()
MAX_WAITING = 3
_SLOTS = threading.BoundedSemaphore(MAX_WAITING + 1)
WEB_TIMEOUT = 60.0  # seconds one web analysis may run (`nonpaper analyze` has --timeout for longer ones)
# Set for a request whose client has gone (app.BodyLimit watches for the disconnect).
CANCEL: ContextVar[threading.Event | None] = ContextVar("nonpaper_cancel", default=None)
_RUNNING: set[threading.Event] = set()
_RUNNING_LOCK = threading.RLock()  # also taken in a signal handler (SIGTERM)
BUSY = ("the server is busy with other analyses; try again in a minute, or run `nonpaper analyze` on the "
        "file yourself")


def cancel_all() -> None:
    """Give up every running or waiting analysis (the server is shutting down)."""
    with _RUNNING_LOCK:
        for event in _RUNNING:
            event.set()
    WORKER.stop()


class WorkerDied(RuntimeError):
    """The analysis process ended without an answer (killed, out of memory)."""


class Worker:
    """The process that analyses for the web server. spaCy holds the GIL for a second or more at a time
    on a long article, which would stall every other request (and a shutdown) in a thread; in its own
    process an analysis blocks no read, and giving it up is ending the process (started again, once,
    for the next analysis). Used by one analysis at a time (`_ANALYSE`)."""

    def __init__(self) -> None:
        self._process = None
        self._conn = None
        self._lock = threading.RLock()  # stop() also runs in a signal handler (SIGTERM)

    def run(self, kwargs: dict, stop: threading.Event, seconds: float) -> Analysis:
        from ..corpus import AnalysisCancelled, ArticleTimeout

        deadline = time.monotonic() + seconds
        try:
            conn = self._start()
            conn.send(kwargs)
            while not conn.poll(0.05):
                if stop.is_set():
                    raise AnalysisCancelled()
                if time.monotonic() > deadline:
                    raise ArticleTimeout()
                if not self._alive():
                    raise WorkerDied()
            kind, value = conn.recv()
        except (AnalysisCancelled, ArticleTimeout, WorkerDied, EOFError, OSError) as exc:
            self.stop()
            if stop.is_set():  # the process was ended for the cancel (maybe by another thread: shutdown)
                raise AnalysisCancelled() from None
            if isinstance(exc, (EOFError, OSError)):
                raise WorkerDied() from None
            raise
        if kind == "error":
            raise value
        return value

    def _alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def _start(self):
        with self._lock:
            if not self._alive():
                import multiprocessing

                ctx = multiprocessing.get_context("spawn")  # never fork a server's threads
                self._conn, child = ctx.Pipe()
                self._process = ctx.Process(target=_analyses, args=(child,), name="nonpaper-analyse", daemon=True)
                self._process.start()
                child.close()
            return self._conn

    def stop(self) -> None:
        with self._lock:
            process, conn, self._process, self._conn = self._process, self._conn, None, None
        if process is not None and process.is_alive():
            process.kill()
            process.join(1)
        if conn is not None:
            conn.close()


def _analyses(conn) -> None:
    """The worker process: analyse what comes down the pipe until it closes."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL: die with the server
    except (OSError, AttributeError):
        pass
    import nonpaper

    while True:
        try:
            kwargs = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", nonpaper.analyze(**kwargs)))
        except Exception as exc:
            try:
                conn.send(("error", exc))
            except Exception:  # an exception that does not pickle: its type and text will do
                conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))


WORKER = Worker()


def too_large_message(size: int | None) -> str:
    got = f"{size / 1e6:.1f} MB is" if size else "the upload is"
    return (f"{got} over the {MAX_UPLOAD // (1024 * 1024)} MB limit for one request: split the text into "
            "articles, or run `nonpaper ingest` on the file")


def upload_text(data: bytes, filename: str | None) -> tuple[str, list[str]]:
    """An uploaded file's text and any decoding warnings; 413 when too large, 400 when not an article."""

    name = filename or "upload"
    if len(data) > MAX_UPLOAD:
        raise HTTPException(413, too_large_message(len(data)))
    warnings: list[str] = []
    try:
        text = decode(data, name, lambda p: warnings.append(p.message))
    except InputError as exc:
        raise HTTPException(400, f"{name}: {exc}")
    ext = Path(name).suffix.lower()
    if ext in FEED_EXT | JSONL_EXT or sniff(text) in ("feed", "jsonl"):
        raise HTTPException(400, f"{name}: feeds and JSONL dumps hold many articles; this page takes one "
                                 "(text or HTML). Use `nonpaper ingest` for many.")
    return text, warnings


def analyse(text: str, published: str | None = None, title: str | None = None,
            article_id: str | None = None) -> Analysis:
    """`nonpaper.analyze` (in the worker process, under WEB_TIMEOUT, given up when the client leaves),
    with input problems as HTTP 400 (one line saying how to fix the input)."""
    size = len(text.encode("utf-8", errors="surrogatepass"))  # a lone surrogate in JSON is no reason for a 500
    if size > MAX_UPLOAD:
        raise HTTPException(413, too_large_message(size))
    from ..corpus import AnalysisCancelled, ArticleTimeout

    if not _SLOTS.acquire(blocking=False):
        raise HTTPException(503, BUSY, headers={"Retry-After": "30"})
    stop = CANCEL.get() or threading.Event()
    with _RUNNING_LOCK:
        _RUNNING.add(stop)
    try:
        _wait_turn(stop)
        try:
            return WORKER.run({"text_or_html": text, "published": published or None, "title": title or None,
                               "id": article_id or None}, stop, WEB_TIMEOUT)
        finally:
            _ANALYSE.release()
    except ArticleTimeout:
        raise HTTPException(503, f"the analysis stopped after {WEB_TIMEOUT:g}s: the article is too long or too "
                                 "dense for this server; split it, or run `nonpaper analyze` on it") from None
    except AnalysisCancelled:
        raise HTTPException(503, "the analysis was given up (the client left, or the server is stopping)") from None
    except WorkerDied:
        raise HTTPException(503, "the analysis process ended without an answer (out of memory?); try again, "
                                 "or run `nonpaper analyze` on the article") from None
    except TooLarge as exc:
        raise HTTPException(413, str(exc))
    except InputError as exc:
        raise HTTPException(400, str(exc))
    except ModelMissing as exc:
        raise HTTPException(503, str(exc))
    except ValueError as exc:
        if "[E088]" not in str(exc):  # spaCy's limit on one text (1,000,000 characters)
            raise
        raise HTTPException(413, f"the article is {len(text):,} characters, over the 1,000,000 the parser "
                                 "takes at once: split it into articles")
    finally:
        with _RUNNING_LOCK:
            _RUNNING.discard(stop)
        _SLOTS.release()


def _wait_turn(stop: threading.Event) -> None:
    """Take the analysis lock, giving up when the client leaves or the wait passes WEB_TIMEOUT."""
    deadline = time.monotonic() + WEB_TIMEOUT
    while not _ANALYSE.acquire(timeout=0.2):
        if stop.is_set():
            raise HTTPException(503, "the analysis was given up (the client left, or the server is stopping)")
        if time.monotonic() > deadline:
            raise HTTPException(503, BUSY, headers={"Retry-After": "30"})


MAX_READ = 5 * 1024 * 1024 + 1  # one byte over the limit is enough to know it is too large


async def read_form(request: Request) -> dict:
    """The analyse form (multipart or urlencoded). Starlette caps each form field at 1 MB by default;
    a pasted article may be up to the 5 MB request limit (BodyLimit refuses bigger bodies)."""
    from starlette.formparsers import MultiPartException

    try:
        form = await request.form(max_files=1, max_fields=20, max_part_size=MAX_BODY)
    except MultiPartException as exc:
        raise HTTPException(400, f"cannot read the form: {exc.message}")
    upload = form.get("file")
    data, filename = b"", None
    if upload is not None and hasattr(upload, "read") and upload.filename:
        data, filename = await upload.read(MAX_READ), upload.filename

    def field(name: str) -> str:
        value = form.get(name)
        return value if isinstance(value, str) else ""

    return {"text": field("text"), "published": field("published"), "title": field("title"),
            "id": field("id"), "save": field("save").lower() in ("1", "true", "on", "yes"),
            "store": field("store").lower() in ("1", "true", "on", "yes"), "token": field("token"),
            "data": data, "filename": filename}


def store_analysis(s, analysis) -> tuple[str, bool]:
    """Add one analysis and bring corpus-level actors and disputes up to date, as ingest does."""
    stored = s.add(analysis)
    if stored[1] and hasattr(s, "recompute"):
        s.recompute()
    return stored
