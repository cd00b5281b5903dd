"""The web UI and JSON API over a nonpaper store: `create_app(store_url)` gives an ASGI app.

Read-only unless `allow_write`; then storing an analysis needs the token. Request bodies over
5 MB are refused with HTTP 413 before they are read into the app. Pages are rendered with
Jinja2 autoescape on, and a Content-Security-Policy that allows only this server's own script
and styles, so article text can never run as code. The server never fetches a URL.

Every response, errors included, carries the security headers; an error body never carries an
exception's text (the server log has it). Writes accept only JSON or a multipart form, and a browser
must send them from this server's own pages (Origin / Sec-Fetch-Site), so no other site's form can
reach them. `serve` closes connections that send their headers too slowly and stops within two
seconds of SIGTERM, cancelling a running analysis.
"""
from __future__ import annotations

import asyncio
import hmac
import json
import logging
import secrets
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from . import views
from .analyse import CANCEL, MAX_BODY, cancel_all, too_large_message
from .routes_api import add_api_routes
from .routes_pages import add_page_routes
from ..store import StoreError, open_store

HERE = Path(__file__).resolve().parent
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; connect-src 'self'")
READ_ONLY = "this server is read-only: restart it with `nonpaper serve --allow-write` to store analyses"
INTERNAL = "internal error: the server could not answer this request; its log says why"
MAX_QUERY_VALUE = 1000  # characters in one query parameter: search words, names, dates are far shorter
MAX_QUERY_INT = 2**63 - 1  # the stores' integers; a larger offset or limit is a mistake, not a request
BODY_IDLE = 30.0  # seconds a request body may pause before the request is dropped (a slow-body attack)
HEADER_TIMEOUT = 10.0  # seconds a connection may take to send its request headers
log = logging.getLogger("nonpaper.web")
BAD_TOKEN = ("storing needs the server's token: it was printed when `nonpaper serve --allow-write` started "
             "(or is the NONPAPER_TOKEN it was started with)")


# ---------------------------------------------------------------- store access

class StoreAccess:
    """One store connection per thread (SQLite connections must stay in the thread that made them).

    `target` is a path/URL for `nonpaper.store.open_store`, or an object with the store's methods
    (used as is, e.g. an in-memory store in tests).
    """

    def __init__(self, target: Any):
        self._url = target if isinstance(target, (str, Path)) else None
        self._shared = None if self._url is not None else target
        self._local = threading.local()
        self._opened: list = []
        self._lock = threading.Lock()

    def get(self):
        if self._shared is not None:
            return self._shared
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(str(self._url))
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            try:
                store.close()
            except Exception:  # a connection made by a thread that is gone; nothing to do
                pass


# ---------------------------------------------------------------- middleware

class BodyLimit:
    """Refuse request bodies over `limit` bytes with 413, by Content-Length or while streaming."""

    def __init__(self, app, limit: int = MAX_BODY):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.limit:
            return await self._refuse(scope, send, int(length))
        chunks, size = [], 0
        while True:
            try:
                message = await asyncio.wait_for(receive(), BODY_IDLE)
            except asyncio.TimeoutError:
                return await plain(scope, send, 408, f"the request body stalled for {BODY_IDLE:g}s; send it again")
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.limit:
                return await self._refuse(scope, send, None)
            chunks.append(body)
            if not message.get("more_body"):
                break
        data, replayed = b"".join(chunks), False
        if _too_deep_json(scope, data):
            return await plain(scope, send, 400, "the JSON body is nested too deeply; send "
                                                 "{\"text\": \"...\"} as the API docs show")
        # The analysis is given up when its client leaves: a watcher waits for the disconnect, and the
        # analysis (web/analyse.py) reads the event through CANCEL.
        gone = threading.Event()
        watcher = asyncio.ensure_future(receive())
        watcher.add_done_callback(lambda f: f.cancelled() or f.exception() or
                                  (f.result().get("type") == "http.disconnect" and gone.set()))

        async def replay():
            nonlocal replayed
            if replayed:
                return await asyncio.shield(watcher)
            replayed = True
            return {"type": "http.request", "body": data, "more_body": False}

        token = CANCEL.set(gone)
        try:
            await self.app(scope, replay, send)
        finally:
            CANCEL.reset(token)
            watcher.cancel()

    async def _refuse(self, scope, send, size: int | None):
        await plain(scope, send, 413, too_large_message(size), title="Upload too large")


TITLES = {400: "Bad request", 403: "Refused", 408: "Too slow", 413: "Too large", 415: "Unsupported body",
          500: "Internal error", 503: "Busy"}


async def plain(scope, send, status: int, message: str, title: str | None = None) -> None:
    """An error answered by a middleware, before the app: an HTML page for browsers, else JSON."""
    accept = dict(scope.get("headers") or []).get(b"accept", b"").decode("latin-1")
    if "text/html" in accept:
        from markupsafe import escape
        heading = title or TITLES.get(status, "Error")
        back = ("Your browser's Back button returns to the form with your text still in it. "  # issue 20
                if status == 413 else "")
        body = (f"<!doctype html><html lang=en><meta charset=utf-8><meta name=viewport content='width=device-width, "
                f"initial-scale=1'><title>{escape(heading)} · nonpaper</title><link rel=stylesheet "
                f"href=/static/style.css><header class=top><a class=brand href=/>nonpaper</a></header><main id=main>"
                f"<h1>{escape(heading)} ({status})</h1><p class=error role=alert>{escape(message)}</p>"
                f"<p>{back}<a href=/>Back to the overview</a></p></main>")
        ctype = b"text/html; charset=utf-8"
    else:
        body, ctype = json.dumps({"detail": message}), b"application/json"
    data = body.encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", ctype), (b"content-length", str(len(data)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": data})


def _too_deep_json(scope, data: bytes) -> bool:
    """A JSON body Python's parser cannot read for its depth (a 500 otherwise, in the route)."""
    ctype = dict(scope["headers"]).get(b"content-type", b"")
    if not ctype.startswith(b"application/json") or data.count(b"[") + data.count(b"{") < 500:
        return False
    try:
        json.loads(data)
    except RecursionError:
        return True
    except ValueError:  # not JSON at all: the route says so
        return False
    return False


class RequestGuard:
    """Refuses, before the app: a write that is not JSON or multipart, or that a browser sends from
    another site; query values no page or client needs (over MAX_QUERY_VALUE characters, integers over
    the stores' range)."""

    WRITES = ("POST", "PUT", "PATCH", "DELETE")

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        problem = _query_problem(scope) or (_write_problem(scope) if scope["method"] in self.WRITES else None)
        if problem:
            return await plain(scope, send, *problem)
        await self.app(scope, receive, send)


INT_PARAMS = ("offset", "limit", "page")


def _query_problem(scope) -> tuple[int, str] | None:
    from urllib.parse import parse_qsl

    query = scope.get("query_string", b"").decode("latin-1")
    for name, value in parse_qsl(query, keep_blank_values=True):
        if len(value) > MAX_QUERY_VALUE or len(name) > MAX_QUERY_VALUE:
            return 400, f"{name[:40]}: over {MAX_QUERY_VALUE:,} characters; search for fewer words"
        if name in INT_PARAMS and value.strip().lstrip("+-").isdigit() and abs(int(value)) > MAX_QUERY_INT:
            return 400, f"{name}: {value[:30]} is too large a number"
    return None


def _write_problem(scope) -> tuple[int, str] | None:
    headers = dict(scope["headers"])
    ctype = headers.get(b"content-type", b"").decode("latin-1").lower()
    if not ctype.startswith(("application/json", "multipart/form-data")):
        return 415, ("send JSON (Content-Type: application/json) or a multipart form "
                     "(multipart/form-data); other bodies are refused")
    # Sec-Fetch-Site decides when the browser sends it (all current ones do): with this server's
    # `Referrer-Policy: no-referrer`, a browser sends `Origin: null` even for its own forms. Older
    # browsers send only Origin, which must then name this host; clients without either (curl, scripts)
    # are no cross-site form.
    site = headers.get(b"sec-fetch-site", b"").decode("latin-1").lower()
    if site:
        if site in ("same-origin", "none"):
            return None
        return 403, "refused: this request came from another site; use this server's own pages or the API"
    origin = headers.get(b"origin")
    if origin is not None:
        from urllib.parse import urlsplit
        host = headers.get(b"host", b"").decode("latin-1").lower()
        if urlsplit(origin.decode("latin-1")).netloc.lower() != host:
            return 403, "refused: this request came from another site (Origin); use this server's own pages"
    return None


class Internal:
    """Any exception in a route: a 500 that says what to do, never the exception's text (which the
    server log keeps). A StoreError is a message for the user (the store is closed, unreachable): 503."""

    def __init__(self, app, page):
        self.app, self.page = app, page

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def watch(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            if started:
                raise
            status, message = (503, str(exc)) if isinstance(exc, StoreError) else (500, INTERNAL)
            if status == 500:
                log.error("%s %s failed", scope.get("method"), scope.get("path"), exc_info=exc)
            request = Request(scope)
            if wants_json(request):
                response = JSONResponse({"detail": message}, status_code=status)
            else:
                response = self.page(request, "error.html", status_code=status, status=status, message=message,
                                     active=None)
            await response(scope, receive, send)


class SecurityHeaders:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


# ---------------------------------------------------------------- the app

def _templates() -> Jinja2Templates:
    # auto_reload off: the templates ship with the package; checking each file's time on every render is waste
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), auto_reload=False,
                      autoescape=select_autoescape(["html", "xml"], default=True), trim_blocks=True,
                      lstrip_blocks=True, extensions=["jinja2.ext.do"])
    env.filters["ticks"] = views.backticks
    env.globals.update(dom_id=views.dom_id, initials=views.initials, version=__version__,
                       safe_url=_safe_url, actor_href=views.actor_href, local_id=views.local_id)
    return Jinja2Templates(env=env)


def _safe_url(url: str | None) -> str | None:
    """An article's own URL, as a link only when it is http(s) (never javascript: or data:)."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def create_app(store_url: Any, allow_write: bool = False, token: str | None = None,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """The ASGI app. `store_url`: a path or URL for `open_store`, or a store object.

    `allow_write`: storing analyses is possible (with `token`; one is generated when not given, see
    `app.state.token`). `allowed_hosts`: Host headers to accept (guards a 127.0.0.1 server against
    DNS rebinding); None accepts any.
    """
    access = StoreAccess(store_url)
    if allow_write and not token:
        token = secrets.token_urlsafe(24)

    @asynccontextmanager
    async def lifespan(_app):
        yield
        cancel_all()  # a server shutting down gives up running analyses (their threads would hold it)
        access.close()

    app = FastAPI(title="nonpaper", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Who said what, when things happened, and which accounts contradict each other: "
                              "the articles, actors, quotes, timelines and disputes of a nonpaper store.")
    app.state.token = token
    app.state.allow_write = allow_write
    app.state.store = access
    templates = _templates()
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def page(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
        context.setdefault("active", name.split(".")[0])
        return templates.TemplateResponse(request, name, {"allow_write": allow_write, **context},
                                          status_code=status_code)

    _error_handlers(app, page)
    checker = TokenCheck(allow_write, token)
    add_page_routes(app, access, page, checker)
    add_api_routes(app, access, checker)

    # Added innermost first: Internal wraps the routes, SecurityHeaders wraps every answer, the
    # middlewares' own refusals (400 bad Host, 413, 415, 403) included.
    app.add_middleware(Internal, page=page)
    app.add_middleware(BodyLimit)
    app.add_middleware(RequestGuard)
    if allowed_hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app


class TokenCheck:
    """Who may store: nobody on a read-only server; with --allow-write, whoever gives the token."""

    def __init__(self, allow_write: bool, token: str | None):
        self.allow_write, self.token = allow_write, token

    def __call__(self, request: Request, form_token: str | None = None) -> None:
        if not self.allow_write:
            raise HTTPException(403, READ_ONLY)
        auth = request.headers.get("authorization", "")
        given = (request.headers.get("x-nonpaper-token") or (auth[7:] if auth.lower().startswith("bearer ") else "")
                 or form_token or "")
        if not (self.token and hmac.compare_digest(given.encode(), self.token.encode())):
            raise HTTPException(401, BAD_TOKEN)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error_handlers(app: FastAPI, page) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        detail = exc.detail if exc.status_code != 404 or exc.detail != "Not Found" else \
            f"nothing at {request.url.path}"
        return page(request, "error.html", status_code=exc.status_code, status=exc.status_code, message=detail,
                    active=None)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', [])[1:])}: {e.get('msg')}"
                             for e in exc.errors())
        if wants_json(request):
            return JSONResponse({"detail": problems or "invalid request"}, status_code=422)
        return page(request, "error.html", status_code=400, status=400,
                    message=f"invalid request: {problems} (dates are YYYY-MM-DD)", active=None)

    # Other exceptions: the Internal middleware (inside the security headers, unlike Starlette's own).



# ---------------------------------------------------------------- serving

def serve(app, host: str, port: int, header_timeout: float = HEADER_TIMEOUT, workers: int = 1) -> int:
    """Run the app with uvicorn until SIGTERM or Ctrl+C, which stop it within two seconds (a running
    analysis is given up); connections too slow to send their headers are closed. With `workers` > 1,
    that many processes share the listening socket (web/workers.py). Returns the exit status."""
    import uvicorn

    class Server(uvicorn.Server):
        def handle_exit(self, sig, frame) -> None:
            cancel_all()  # at once: the analysis ends with a 503 and its request no longer holds the shutdown
            super().handle_exit(sig, frame)

    # An idle keep-alive connection is closed by the header timeout (below), not by uvicorn's own 5 s:
    # a client that reuses it just as the server closes it gets a reset (3 of 2,000 requests under load).
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", server_header=False,
                            http=protocol(header_timeout), timeout_graceful_shutdown=1,
                            timeout_keep_alive=max(5, int(header_timeout) + 1))
    if workers <= 1:
        Server(config).run()
        _exit_when_stuck()
        return 0
    from .workers import Supervisor, listen

    def run() -> None:
        Server(config).run(sockets=[listen(host, port)])
        _exit_when_stuck()

    return Supervisor(run, workers).serve()


def protocol(header_timeout: float):
    """uvicorn's HTTP protocol, closing a connection that has not sent a complete request's headers
    `header_timeout` seconds after it opened (or after its last response): uvicorn has no such limit,
    and a few clients sending a header byte now and then would hold the server."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class Protocol(H11Protocol):
        _timer = None
        _waiting_for = None  # the request cycle that was current when the timer started

        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            self._arm()

        def _arm(self) -> None:
            self._disarm()
            self._waiting_for = self.cycle
            self._timer = self.loop.call_later(header_timeout, self._too_slow)

        def _disarm(self) -> None:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

        def _too_slow(self) -> None:
            self._timer = None
            if self.cycle is self._waiting_for and not self.transport.is_closing():
                self.transport.close()  # no complete request in time: drop it

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.cycle is not self._waiting_for:  # a new request's headers are complete
                self._disarm()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm()  # the next request on this connection gets the same time

        def connection_lost(self, exc) -> None:
            self._disarm()
            super().connection_lost(exc)

    return Protocol


def _exit_when_stuck(grace: float = 0.5) -> None:
    """After the server stopped: threads still analysing get `grace` seconds to see their cancel,
    then the process exits anyway (the store's transactions keep it sound)."""
    import os
    import time

    deadline = time.monotonic() + grace
    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join(max(0.0, deadline - time.monotonic()))
    if any(t.is_alive() and not t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
        os._exit(0)
