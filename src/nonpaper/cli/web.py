"""`nonpaper serve`: the web UI and JSON API over a store."""
from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import Path

import click

from .common import Failure, warn
from ..store import open_store, StoreError

LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]
# One server process per core, up to four: pages are rendered in Python, one core per process; each
# process holds its own connections and, once it analyses, its own spaCy.
DEFAULT_WORKERS = max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                             else (os.cpu_count() or 1)))


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def register(cli: click.Group) -> None:
    """Add the `serve` command to the `nonpaper` group."""

    @cli.command()
    @click.option("--db", "db", envvar="NONPAPER_DB", default="nonpaper.db", show_default=True, metavar="PATH|URL",
                  help="The store: an SQLite file, or postgresql://user@host:port/db. Also $NONPAPER_DB.")
    @click.option("--host", default="127.0.0.1", show_default=True,
                  help="Address to listen on. Only this machine can connect to 127.0.0.1; any other address "
                       "exposes the corpus to the network.")
    @click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
    @click.option("--allow-write", is_flag=True,
                  help="Let the Analyse page and POST /api/analyze store analyses. Writes need the token "
                       "printed at start (or set NONPAPER_TOKEN).")
    @click.option("--workers", type=click.IntRange(1, 64), default=DEFAULT_WORKERS, show_default=True,
                  help="Server processes sharing the port: one per core answers many readers at once. Each "
                       "analyses one article at a time, in its own analysis process.")
    def serve(db: str, host: str, port: int, allow_write: bool, workers: int) -> None:
        """Browse a store in a web browser: articles with quotes coloured by speaker, actors,
        timelines, disputes, search, and a JSON API (docs at /docs).

        Read-only unless --allow-write. Nothing is fetched from the network; everything the pages
        need ships with nonpaper.

        \b
        Example:
          nonpaper ingest examples/ --db corpus.db
          nonpaper serve --db corpus.db
          nonpaper serve --db corpus.db --port 8080 --allow-write
          nonpaper serve --db corpus.db --workers 1
        """
        try:
            import uvicorn  # noqa: F401  (the web extra is installed)

            from ..web.app import create_app, serve as run_server
        except ImportError as exc:
            raise Failure(f"the web UI needs its extra packages ({exc.name} is missing): "
                          "pip install 'nonpaper[web]'")
        if "://" not in db and not Path(db).exists() and not allow_write:
            raise Failure(f"no store at {db}: make one with `nonpaper ingest FILES --db {db}`, or give --db")
        _check_store(db)
        token = (os.environ.get("NONPAPER_TOKEN") or "").strip() or None
        _check_port(host, port)
        loopback = _is_loopback(host)
        app = create_app(db, allow_write=allow_write, token=token,
                         allowed_hosts=LOOPBACK_NAMES if loopback else None)
        url_host = f"[{host}]" if ":" in host and not host.startswith("[") else host
        mode = "read-only" if not allow_write else "writes allowed with the token"
        click.echo(f"nonpaper: serving {db} at http://{url_host}:{port}/ ({mode}; Ctrl+C to stop)", err=True)
        if allow_write:  # a token the user chose is never echoed (logs keep stderr)
            shown = "the one in NONPAPER_TOKEN" if token else f"{app.state.token} (for this run)"
            click.echo(f"nonpaper: token: {shown}", err=True)
        if not loopback:
            warn(f"warning: listening on {host}: anyone who can reach this machine can read the corpus")
        if workers > 1:
            click.echo(f"nonpaper: {workers} worker processes", err=True)
        status = run_server(app, host.strip("[]"), port, workers=workers)
        if status:
            raise Failure("the server's worker processes could not start; run with --workers 1 to see why")


def _check_store(db: str) -> None:
    """Open the store once now, so a wrong path or URL is one line at start, not an error page later."""

    try:
        open_store(db).close()
    except StoreError as exc:
        raise Failure(str(exc))
    except Exception as exc:  # e.g. PostgreSQL unreachable
        raise Failure(f"cannot open the store {db}: {exc}")


def _check_port(host: str, port: int) -> None:
    """Say at once, in one line, when the port is taken (uvicorn would log a traceback-like error)."""

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn: a restart right after a stop works
        try:
            sock.bind((host.strip("[]"), port))
        except OSError as exc:
            raise Failure(f"cannot listen on {host}:{port} ({exc.strerror or exc}): choose another --port")
