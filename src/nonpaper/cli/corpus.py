"""Corpus commands: ingest, articles, actors, quotes, timeline, disputes, export.

Each command is a thin shell over one library call (`nonpaper.corpus.ingest` or a `Store` query);
every query command prints `--format table|json|csv`.
"""
from __future__ import annotations

import json
import os
import signal
import sys
from typing import Callable, get_args

import click

from ..model import ActorKind, DisputeKind, QuoteKind
from .common import Failure, atomic_stream, date_option, warn
from ..store import open_store, StoreError
from ..corpus import CorpusError, export_rows, ingest as run, write_rows

QUERY_FORMATS = ("table", "json", "csv")
ACTOR_KINDS, QUOTE_KINDS, DISPUTE_KINDS = get_args(ActorKind), get_args(QuoteKind), get_args(DisputeKind)
TABLE_PAGE = 50  # rows a table shows when --limit is not given (json and csv give every row)

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


def page_options(f):
    f = click.option("--offset", type=click.IntRange(0, 10 ** 9), default=0, help="Skip this many rows first.")(f)
    return click.option("--limit", type=click.IntRange(1, 10 ** 9), default=None,
                        help=f"At most this many rows (default: all for json and csv, {TABLE_PAGE} for a table; "
                             "stderr says when rows are left out).")(f)


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
    if claim.get("via"):  # a body's side, told by its spokesperson
        who += f" (through {claim.get('via_name') or claim['via']})"
    if claim.get("origin_text"):
        who += f", citing {claim['origin_text']}"
    if claim.get("relays"):
        who += "; relayed by " + ", ".join(claim["relays"])
    return who


# Table columns in order of importance with the width each needs at least (ids and titles fold to it
# beyond; dates and numbers never wrap). Columns that do not fit the terminal are left out, and a line
# on stderr says which (json and csv always have every field).
FIT = {
    "id": 24, "published": 10, "date": 10, "title": 20, "text": 24, "summary": 24, "name": 16, "speaker_name": 12,
    "claims": 24, "kind": 8, "type": 8, "n_quotes": 6, "n_articles": 8, "n_disputes": 8, "outlet": 10,
    "participant_names": 12, "status": 6, "error": 16, "titles": 12, "article_id": 12, "scope": 7,
    "articles": 12, "relations": 16, "date_asserted_by_name": 12,
}
PRIORITY = {
    "articles": ["id", "published", "title", "n_quotes", "outlet", "n_disputes", "status", "error"],
    "actors": ["id", "name", "n_quotes", "kind", "n_articles", "titles"],
    "quotes": ["speaker_name", "text", "published", "article_id", "kind"],
    "timeline": ["date", "text", "participant_names", "date_asserted_by_name", "type", "article_id", "status",
                 "relations"],
    "disputes": ["summary", "claims", "kind", "scope", "articles"],
}
NO_WRAP = {"published", "date", "n_quotes", "n_articles", "n_disputes", "kind", "status", "scope"}


def fit_columns(columns: list[str], rows: list[dict], verb: str, width: int) -> list[str]:
    """The columns that fit `width`, most important first kept, in table order."""
    def need(c: str) -> int:
        longest = max([len(_cell(r.get(c), c)) for r in rows] + [len(_header(c))])
        return min(longest, FIT.get(c, 12)) + 3  # a border and a space each side

    keep = list(columns)
    order = [c for c in PRIORITY.get(verb, []) if c in keep] + [c for c in keep if c not in PRIORITY.get(verb, [])]
    while len(keep) > 2 and sum(need(c) for c in keep) + 1 > width:
        keep.remove(order.pop())
    return keep


def _header(column: str) -> str:
    return column.removeprefix("n_").replace("_", " ")


def print_rows(rows: list[dict], fmt: str, verb: str) -> None:
    """Rows to stdout as a table (fitted to the terminal), JSON or CSV."""

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

    console = Console(highlight=False, soft_wrap=False)
    columns = [c for c in TABLE_COLUMNS[verb] if c in rows[0]]
    if verb == "articles" and not any(r.get("error") for r in rows):
        columns.remove("error")
    shown = fit_columns(columns, rows, verb, console.width)
    table = Table(show_lines=verb in ("quotes", "disputes", "timeline"), header_style="bold")
    for c in shown:
        longest = max(len(_cell(r.get(c), c)) for r in rows)
        table.add_column(_header(c), overflow="fold", no_wrap=c in NO_WRAP,
                         min_width=min(longest, FIT.get(c, 12), len(_header(c)) if c in NO_WRAP else 99))
    for row in rows:
        table.add_row(*(_cell(row.get(c), c) for c in shown))
    console.print(table)
    left = [c for c in columns if c not in shown]
    if left:
        warn(f"left out to fit {console.width} columns: {', '.join(_header(c) for c in left)} "
             "(a wider terminal, or --format csv or json, shows every field)")


def query(db: str, fmt: str, verb: str, call: Callable, count: Callable | None = None, limit: int | None = None,
          offset: int = 0) -> None:
    """Open the store, run one query, print its rows. A table shows `TABLE_PAGE` rows unless --limit
    says otherwise; JSON and CSV give every row. Whenever rows are left out, stderr says how many
    and how to get them."""

    if limit is None and fmt == "table":
        limit = TABLE_PAGE
    store = _open(db)
    try:
        rows = call(store, limit, offset)
        total = count(store) if count is not None and (offset or (limit is not None and len(rows) >= limit)) \
            else offset + len(rows)
    except StoreError as exc:
        raise Failure(str(exc))
    finally:
        store.close()
    print_rows(rows, fmt, verb)
    if len(rows) < total:
        rest = f"--offset {offset + len(rows)}" if offset + len(rows) < total else "--offset 0"
        noun = "events" if verb == "timeline" else verb
        warn(f"{len(rows)} of {total} {noun} shown (from {offset + 1 if rows else offset}); the others: {rest}, "
             f"or --limit {total}" + (" (--format json and csv give all by default)" if fmt == "table" else ""))


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
                  help="Bring the merged actors, linked events and cross-article disputes up to date at the end: "
                       "only what the new articles touch, or the whole corpus the first time, when it has doubled "
                       "or when a quarter of it is new. --no-merge defers it: the next ingest with --merge does it.")
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
    @page_options
    def articles(db, fmt, since, until, search, outlet, failed, limit, offset) -> None:
        """List stored articles, newest first (failed ones show their error).

        \b
        Example:
          nonpaper articles --since 2025-10-01 --search "Budapest summit"
          nonpaper articles --failed --format csv > failures.csv
        """
        f = {"since": date_option(since, "--since"), "until": date_option(until, "--until"), "search": search,
             "outlet": outlet, "status": "failed" if failed else None}
        query(db, fmt, "articles", lambda s, n, o: s.articles(limit=n, offset=o, **f), lambda s: s.count_articles(**f),
              limit, offset)

    @cli.command()
    @db_option
    @format_option
    @click.option("--search", metavar="NAME", help="Actors whose name or an alias contains NAME.")
    @click.option("--kind", type=click.Choice(ACTOR_KINDS), help="Only people, organizations, ...")
    @page_options
    def actors(db, fmt, search, kind, limit, offset) -> None:
        """People and bodies across the corpus, merged over articles, most quoted first.

        \b
        Example:
          nonpaper actors --limit 20
          nonpaper actors --search lavrov --format json
        """
        f = {"search": search, "kind": kind}
        query(db, fmt, "actors", lambda s, n, o: s.actors(limit=n, offset=o, **f), lambda s: s.count_actors(**f),
              limit, offset)

    @cli.command()
    @db_option
    @format_option
    @click.option("--speaker", metavar="NAME", help="Said by this actor: an actor id (that actor only), or part of "
                                                     "a name or alias.")
    @click.option("--since", metavar="DATE", help="In articles published on or after DATE.")
    @click.option("--until", metavar="DATE", help="In articles published on or before DATE.")
    @click.option("--search", metavar="TEXT", help="Full-text search in the quoted words.")
    @click.option("--article", metavar="ID", help="Only this article.")
    @click.option("--kind", type=click.Choice(QUOTE_KINDS), help="Only quotes of this kind.")
    @page_options
    def quotes(db, fmt, speaker, since, until, search, article, kind, limit, offset) -> None:
        """Who said what: quotes with their speakers, newest articles first.

        \b
        Example:
          nonpaper quotes --speaker Lavrov --since 2025-10-01
          nonpaper quotes --search "no further steps" --format csv
        """
        f = {"speaker": speaker, "since": date_option(since, "--since"), "until": date_option(until, "--until"),
             "search": search, "article": article, "kind": kind}
        query(db, fmt, "quotes", lambda s, n, o: s.quotes(limit=n, offset=o, **f), lambda s: s.count_quotes(**f),
              limit, offset)

    @cli.command()
    @db_option
    @format_option
    @click.option("--actor", metavar="NAME", help="Events this actor takes part in, dates, reports or orders (an id: "
                                                  "that actor alone; else part of a name).")
    @click.option("--event", metavar="TEXT", help="Events whose words or type contain TEXT (call, summit...).")
    @click.option("--since", metavar="DATE", help="Events that may fall on or after DATE.")
    @click.option("--until", metavar="DATE", help="Events that may fall on or before DATE.")
    @page_options
    def timeline(db, fmt, actor, event, since, until, limit, offset) -> None:
        """Events by date, with their orderings and who asserts each one.

        --actor finds the events an actor takes part in, dates, reports or orders.

        \b
        Example:
          nonpaper timeline --actor Putin
          nonpaper timeline --event summit --format json
          nonpaper timeline --since 2026-03-01 --until 2026-03-31
        """
        f = {"actor": actor, "event": event, "since": date_option(since, "--since"),
             "until": date_option(until, "--until")}
        query(db, fmt, "timeline", lambda s, n, o: s.timeline(limit=n, offset=o, **f), lambda s: s.count_timeline(**f),
              limit, offset)

    @cli.command()
    @db_option
    @format_option
    @click.option("--kind", type=click.Choice(DISPUTE_KINDS),
                  help="Only disputes of this kind.")
    @click.option("--outlet", metavar="NAME", help="Disputes over an article of this outlet.")
    @click.option("--actor", metavar="NAME", help="Disputes with this actor on one side (an id, or part of a name).")
    @click.option("--since", metavar="DATE", help="Disputes over an article published on or after DATE.")
    @click.option("--until", metavar="DATE", help="... on or before DATE.")
    @page_options
    def disputes(db, fmt, kind, outlet, actor, since, until, limit, offset) -> None:
        """Accounts that cannot all be true: within articles and across them.

        \b
        Example:
          nonpaper disputes
          nonpaper disputes --actor Lavrov --kind status --format json > disputes.json
        """
        f = {"kind": kind, "outlet": outlet, "actor": actor, "since": date_option(since, "--since"),
             "until": date_option(until, "--until")}
        query(db, fmt, "disputes", lambda s, n, o: s.disputes(limit=n, offset=o, **f),
              lambda s: s.count_disputes(**f), limit, offset)

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
        store = _open(db)
        try:
            if output and output != "-":
                try:  # written as it is read (a page of rows at a time), renamed into place at the end
                    with atomic_stream(output) as fh:
                        n = write_rows(export_rows(store, what), fmt, fh)
                except OSError as exc:
                    raise Failure(f"cannot write {output}: {exc.strerror or exc}")
                warn(f"{n} {what} written to {output}")
            else:
                write_rows(export_rows(store, what), fmt, sys.stdout)
        finally:
            store.close()
