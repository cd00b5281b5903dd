"""The web UI and JSON API over a nonpaper store: `create_app(store_url)` gives an ASGI app.

Read-only unless `allow_write`; then storing an analysis needs the token. Request bodies over
5 MB are refused with HTTP 413 before they are read into the app. Pages are rendered with
Jinja2 autoescape on, and a Content-Security-Policy that allows only this server's own script
and styles, so article text can never run as code. The server never fetches a URL.
"""
from __future__ import annotations

import hmac
import json
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
from .analyse import MAX_BODY, too_large_message
from .routes_api import add_api_routes
from .routes_pages import add_page_routes
from ..store import open_store

HERE = Path(__file__).resolve().parent
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; connect-src 'self'")
READ_ONLY = "this server is read-only: restart it with `nonpaper serve --allow-write` to store analyses"
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
            message = await receive()
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

        async def replay():
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": data, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, scope, send, size: int | None):
        message = too_large_message(size)
        accept = dict(scope["headers"]).get(b"accept", b"").decode("latin-1")
        if "text/html" in accept:
            from markupsafe import escape
            body = (f"<!doctype html><html lang=en><meta charset=utf-8><meta name=viewport "
                    f"content='width=device-width, initial-scale=1'><title>Too large · nonpaper</title>"
                    f"<link rel=stylesheet href=/static/style.css><header class=top><a class=brand href=/>nonpaper"
                    f"</a></header><main id=main><h1>Too large (413)</h1><p class=error role=alert>{escape(message)}"
                    f"</p><p>Your browser's Back button returns to the form with your text still in it. "
                    f"<a href=/analyze>Analyse another article</a></p></main>")
            ctype = b"text/html; charset=utf-8"
        else:
            body, ctype = json.dumps({"detail": message}), b"application/json"
        data = body.encode("utf-8")
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", ctype), (b"content-length", str(len(data)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": data})


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
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
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

    if allowed_hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)  # outermost: the 413 and the bad-Host 400 carry the headers too
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

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception):
        message = f"internal error: {type(exc).__name__}: {exc}"
        if wants_json(request):
            return JSONResponse({"detail": message}, status_code=500)
        return page(request, "error.html", status_code=500, status=500, message=message, active=None)

