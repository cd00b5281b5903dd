"""Corpus commands: ingest, articles, actors, quotes, timeline, disputes, export.

Each command is a thin shell over one library call (`nonpaper.corpus.ingest` or a `Store` query);
every query command prints `--format table|json|csv`.
"""
from __future__ import annotations

import json
import os
import signal
import sys
from typing import Callable

import click

from .common import Failure, date_option, warn, write_atomic
from ..store import open_store, StoreError
from ..corpus import CorpusError, export_rows, ingest as run, write_rows

QUERY_FORMATS = ("table", "json", "csv")

# What the table view shows (json and csv give every field).
TABLE_COLUMNS = {
    "articles": ["id", "published", "outlet", "title", "n_quotes", "n_disputes", "status", "error"],
    "actors": ["id", "name", "kind", "titles", "n_quotes", "n_articles"],
    "quotes": ["published", "speaker_name", "kind", "text", "article_id"],
    "timeline": ["date", "type", "text", "participant_names", "date_asserted_by_name", "status", "article_id",
                 "relations"],
    "disputes": ["kind", "scope", "summary", "claims", "articles"],
}


def db_option(f):
    return click.option("--db", metavar="PATH|URL", envvar="NONPAPER_DB", default="nonpaper.db", show_default=True,
                        help="The store: an SQLite file, or postgresql://user@host:port/db. Also $NONPAPER_DB.")(f)


def format_option(f):
    return click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True,
                        help="table: for reading; json: a list of objects; csv: one row per line.")(f)


def _open(db: str, must_exist: bool = True):

    if must_exist and "://" not in db and not os.path.exists(db):
        raise Failure(f"no store at {db}; create one with: nonpaper ingest ARTICLES... --db {db}")
    try:
        return open_store(db)
    except StoreError as exc:
        raise Failure(str(exc))


def _cell(value, column: str) -> str:
    if value is None:
        return ""
    if column == "relations":
        return "; ".join(f"{r['relation']} {r.get('target_text') or r['target']}" + (f" (per {r['asserted_by_name']})"
                                                             if r.get("asserted_by_name") else "") for r in value)
    if column == "claims":
        return "\n".join(f"{_side(c)}: {c.get('text')}" for c in value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _side(claim: dict) -> str:
    """Who says it, whom they cite, the outlets that carry it: "Financial Times, citing …; relayed by Reuters"."""
    who = claim.get("actor_name") or claim.get("actor") or "narrator"
    if claim.get("origin_text"):
        who += f", citing {claim['origin_text']}"
    if claim.get("relays"):
        who += "; relayed by " + ", ".join(claim["relays"])
    return who


def print_rows(rows: list[dict], fmt: str, verb: str) -> None:
    """Rows to stdout as a table, JSON or CSV."""

    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        write_rows(rows, "csv", sys.stdout)
        return
    if not rows:
        warn(f"no {verb} match")
        return
    from rich.console import Console
    from rich.table import Table

    columns = [c for c in TABLE_COLUMNS[verb] if c in rows[0]]
    if verb == "articles" and not any(r.get("error") for r in rows):
        columns.remove("error")
    table = Table(show_lines=verb in ("quotes", "disputes", "timeline"), header_style="bold")
    for c in columns:
        table.add_column(c.replace("_", " "), overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c), c) for c in columns))
    Console(highlight=False, soft_wrap=False).print(table)


def query(db: str, fmt: str, verb: str, call: Callable) -> None:
    """Open the store, run one query, print its rows."""

    store = _open(db)
    try:
        rows = call(store)
    except StoreError as exc:
        raise Failure(str(exc))
    finally:
        store.close()
    print_rows(rows, fmt, verb)


def _terminated(signum, frame) -> None:
    raise KeyboardInterrupt


def _main_thread() -> bool:
    import threading
    return threading.current_thread() is threading.main_thread()


def register(cli: click.Group) -> None:
    """Add the corpus commands to the `nonpaper` group."""

    @cli.command()
    @click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
    @db_option
    @click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
                  help="Analyse with this many local processes (each loads spaCy once).")
    @click.option("--dask", "dask_address", metavar="ADDRESS",
                  help="Analyse on a Dask cluster, e.g. tcp://scheduler:8786; this process stays the one writer.")
    @click.option("--published", metavar="DATE", help="Publication date for every article (YYYY-MM-DD), "
                                                      "overriding dates found in the inputs.")
    @click.option("--progress/--no-progress", default=True, show_default=True,
                  help="Progress with rate and ETA on stderr (a bar in a terminal, a line every 10 s in a log).")
    @click.option("--timeout", type=click.FloatRange(min=0), default=120, show_default=True, metavar="SECONDS",
                  help="Stop an article that takes longer and store it as failed (0: no limit; local workers only).")
    @click.option("--merge/--no-merge", default=True, show_default=True,
                  help="Merge actors and events and recompute cross-article disputes over the whole corpus at "
                       "the end. --no-merge defers it (many small batches): the next ingest with --merge does it.")
    @click.option("--metadata", metavar="FILE", help="A CSV, TSV or JSONL table giving each file its published, "
                                                     "outlet, url, title and author (rows matched by file name).")
    def ingest(sources, db, workers, dask_address, published, progress, timeout, merge, metadata=None) -> None:
        """Analyse articles and store them in a corpus.

        SOURCE is a file (.txt, .html, RSS/Atom feed, .jsonl), a directory (read recursively) or -
        for stdin. Articles already stored (same text) are skipped, so re-running after an
        interruption resumes where it stopped. An article that fails is stored with its error and
        the run goes on. Ends with a summary: ingested, skipped as duplicates, failed.

        \b
        Example:
          nonpaper ingest articles/ feeds/world.xml --db news.db --workers 2
          nonpaper ingest dump.jsonl --db postgresql://me@dbhost/news --dask tcp://scheduler:8786
          nonpaper ingest polnear/dev/text --metadata polnear/metadata.tsv --db polnear.db
        """

        if dask_address and workers > 1:
            raise Failure("give --workers (local processes) or --dask (a cluster), not both")
        when = date_option(published, "--published")
        store = _open(db, must_exist=False)
        # `kill` (SIGTERM) unwinds like Ctrl-C: the workers are stopped, the store stays sound.
        previous = signal.signal(signal.SIGTERM, _terminated) if _main_thread() else None
        try:
            summary = run(sources, store, workers=workers, dask=dask_address, published=when, progress=progress,
                          warn=warn, timeout=timeout or None, merge=merge, metadata=metadata)
            counts = store.counts()
        except (StoreError, CorpusError) as exc:
            raise Failure(str(exc))
        except KeyboardInterrupt:
            warn(f"interrupted; what was stored stays in {store.display}: run the same command again to resume")
            sys.exit(130)
        finally:
            store.close()
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
        click.echo(f"{summary.line()}\n{db}: {counts['articles']} articles, {counts['quotes']} quotes, "
                   f"{counts['actors']} actors, {counts['events']} events, {counts['disputes']} disputes, "
                   f"{counts['failures']} failures" + ("; corpus-level merge deferred (--no-merge)"
                                                       if not merge and summary.ingested else ""))
        if summary.read == 0 and summary.failed:
            sys.exit(2)
        if summary.failed:
            sys.exit(1)

    @cli.command()
    @db_option
    @format_option
    @click.option("--since", metavar="DATE", help="Published on or after DATE.")
    @click.option("--until", metavar="DATE", help="Published on or before DATE.")
    @click.option("--search", metavar="TEXT", help="Full-text search in titles and texts.")
    @click.option("--outlet", metavar="NAME", help="Only this outlet.")
    @click.option("--failed", is_flag=True, help="Only articles that could not be read or analysed, with the error.")
    @click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
    @click.option("--offset", type=click.IntRange(0), default=0)
    def articles(db, fmt, since, until, search, outlet, failed, limit, offset) -> None:
        """List stored articles, newest first (failed ones show their error).

        \b
        Example:
          nonpaper articles --since 2025-10-01 --search "Budapest summit"
          nonpaper articles --failed --format csv > failures.csv
        """
        since, until = date_option(since, "--since"), date_option(until, "--until")
        query(db, fmt, "articles", lambda s: s.articles(limit=limit, offset=offset, since=since, until=until,
                                                         search=search, outlet=outlet,
                                                         status="failed" if failed else None))

    @cli.command()
    @db_option
    @format_option
    @click.option("--search", metavar="NAME", help="Actors whose name or an alias contains NAME.")
    @click.option("--limit", type=click.IntRange(1), default=None, help="At most this many, most quoted first.")
    def actors(db, fmt, search, limit) -> None:
        """People and bodies across the corpus, merged over articles, most quoted first.

        \b
        Example:
          nonpaper actors --limit 20
          nonpaper actors --search lavrov --format json
        """
        query(db, fmt, "actors", lambda s: s.actors(limit=limit, search=search))

    @cli.command()
    @db_option
    @format_option
    @click.option("--speaker", metavar="NAME", help="Said by the actor with this name, alias or id (part is enough).")
    @click.option("--since", metavar="DATE", help="In articles published on or after DATE.")
    @click.option("--until", metavar="DATE", help="In articles published on or before DATE.")
    @click.option("--search", metavar="TEXT", help="Full-text search in the quoted words.")
    @click.option("--article", metavar="ID", help="Only this article.")
    @click.option("--limit", type=click.IntRange(1), default=None)
    def quotes(db, fmt, speaker, since, until, search, article, limit) -> None:
        """Who said what: quotes with their speakers, newest articles first.

        \b
        Example:
          nonpaper quotes --speaker Lavrov --since 2025-10-01
          nonpaper quotes --search "no further steps" --format csv
        """
        since, until = date_option(since, "--since"), date_option(until, "--until")
        query(db, fmt, "quotes", lambda s: s.quotes(speaker=speaker, since=since, until=until, search=search,
                                                     article=article, limit=limit))

    @cli.command()
    @db_option
    @format_option
    @click.option("--actor", metavar="NAME", help="Events this actor takes part in.")
    @click.option("--event", metavar="TEXT", help="Events whose words or type contain TEXT (call, summit...).")
    @click.option("--since", metavar="DATE", help="Events that may fall on or after DATE.")
    @click.option("--until", metavar="DATE", help="Events that may fall on or before DATE.")
    def timeline(db, fmt, actor, event, since=None, until=None) -> None:
        """Events by date, with their orderings and who asserts each one.

        --actor finds the events an actor takes part in, dates, reports or orders.

        \b
        Example:
          nonpaper timeline --actor Putin
          nonpaper timeline --event summit --format json
          nonpaper timeline --since 2026-03-01 --until 2026-03-31
        """
        since, until = date_option(since, "--since"), date_option(until, "--until")
        query(db, fmt, "timeline", lambda s: s.timeline(actor=actor, event=event, since=since, until=until))

    @cli.command()
    @db_option
    @format_option
    def disputes(db, fmt) -> None:
        """Accounts that cannot all be true: within articles and across them.

        \b
        Example:
          nonpaper disputes
          nonpaper disputes --format json > disputes.json
        """
        query(db, fmt, "disputes", lambda s: s.disputes())

    @cli.command()
    @db_option
    @click.option("--format", "fmt", type=click.Choice(("jsonl", "csv")), default="jsonl", show_default=True,
                  help="jsonl: one JSON object per line; csv: one row per line, lists joined with '; '.")
    @click.option("--what", type=click.Choice(("articles", "quotes", "actors", "events", "disputes")),
                  default="articles", show_default=True,
                  help="articles: the full nonpaper/1 analysis of each; or the rows of a query verb.")
    @click.option("-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of stdout.")
    def export(db, fmt, what, output) -> None:
        """Export the corpus: full analyses, or quotes, actors, events or disputes.

        \b
        Example:
          nonpaper export --what quotes --format csv -o quotes.csv
          nonpaper export --format jsonl > corpus.jsonl
        """
        import io


        store = _open(db)
        try:
            if output and output != "-":
                buffer = io.StringIO()
                n = write_rows(export_rows(store, what), fmt, buffer)
                try:
                    write_atomic(output, buffer.getvalue())
                except OSError as exc:
                    raise Failure(f"cannot write {output}: {exc.strerror or exc}")
                warn(f"{n} {what} written to {output}")
            else:
                write_rows(export_rows(store, what), fmt, sys.stdout)
        finally:
            store.close()
