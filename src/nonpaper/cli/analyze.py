"""`nonpaper analyze` and `nonpaper schema`: articles in, the nonpaper/1 contract out (no store)."""
from __future__ import annotations

import os
import sys

import click

from .common import FORMATS, Failure, date_option, render, warn
from ..corpus import TIMEOUT, analyze_each
from ..ingest.metadata import with_metadata
from ..ingest.readers import InputError, Problem, read_sources
from ..model import Corpus
from ..pipeline import build_corpus
from ..schema import schema_text


# The default time limit grows with the text, since the analysis does. The limit is wall-clock time, and a
# 1,000,000-character article takes about 190 s of CPU here (docs/scaling.md), which a 2-core machine shared
# with other work can stretch threefold; a second per 1,000 characters (1,120 s at 1,000,000) never stops a
# long article for its length alone, while a stuck stage is still stopped.
PER_1000_CHARS = 1.0


def timeout_for(chars: int) -> float:
    """The default `--timeout` in seconds for articles of at most `chars` characters."""
    return TIMEOUT + PER_1000_CHARS * chars / 1000


def register(cli: click.Group) -> None:
    cli.add_command(analyze)
    cli.add_command(schema)


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--published", metavar="DATE",
              help="Publication date that relative dates are resolved against (YYYY-MM-DD). "
                   "Overrides dates found in the inputs.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="brief", show_default=True,
              help="brief: for reading in a terminal; json: the nonpaper/1 contract; markdown: a document.")
@click.option("-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of stdout.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Parse with this many processes (worth it from a few dozen articles).")
@click.option("--metadata", metavar="FILE", help="A CSV, TSV or JSONL table giving each file its published, "
                                                 "outlet, url, title and author (rows matched by file name).")
@click.option("--timeout", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              show_default=f"{TIMEOUT:g} s + {PER_1000_CHARS:g} s per 1,000 characters of the longest article",
              help="Stop analysing an article after this long (it is reported and the others go on); 0: no limit. "
                   "The default grows with the text: a 1,000,000-character article gets "
                   f"{timeout_for(1_000_000):g} seconds.")
def analyze(sources: tuple[str, ...], published: str | None, fmt: str, output: str | None, workers: int,
            metadata: str | None = None, timeout: float | None = None) -> None:
    """Analyse articles: quotes and speakers, time, events, disputes.

    SOURCE is a .txt file, an .html page, an RSS/Atom feed (.xml/.rss/.atom), a .jsonl dump (one
    article per line: "text" or "html", optional "title", "url", "published", "outlet", "author"),
    a directory of those (read recursively), or - for stdin. One article gives the article object;
    several give {"schema": "nonpaper/1", "articles": [...], "actors": [...], "disputes": [...]}.

    \b
    Example:
      nonpaper analyze examples/harbour-strike.txt --published 2026-03-12
      nonpaper analyze a.txt b.txt --format json -o corpus.json
      nonpaper analyze corpus/text --metadata corpus/metadata.tsv --format json
      nonpaper analyze long-report.txt --timeout 0   # no time limit at all
    """

    when = date_option(published, "--published")
    problems: list = []

    def report(problem) -> None:
        problems.append(problem)
        warn(("warning: " if not problem.fatal else "error: ") + str(problem))

    try:
        articles = _unique_ids(list(with_metadata(read_sources(sources, report=report, published=when),
                                                  metadata, report)))
    except InputError as exc:
        raise Failure(str(exc))
    if not articles:
        if problems:  # each already said in one line
            sys.exit(2)
        raise Failure("nothing to analyse: no articles found in the input")
    if timeout is None:
        timeout = timeout_for(max(len(art.text) for art in articles))
    done: dict[int, object] = {}
    for index, analysis, error in _progress(analyze_each(articles, workers=workers, timeout=timeout or None),
                                            len(articles), "analysing"):
        if error is None:
            done[index] = analysis
        else:  # one article that breaks a stage, or runs out of time, never stops the others
            report(Problem(articles[index].source or articles[index].id, error))
    analyses = [done[i] for i in sorted(done)]
    if not analyses:
        sys.exit(2)
    result = analyses[0] if len(analyses) == 1 else _corpus(analyses, report)
    render(result, fmt, output)
    if any(p.fatal for p in problems):
        sys.exit(1)


def _corpus(analyses: list, report) -> Corpus:
    """The corpus of several analyses; when the cross-article stages fail, the articles all the same."""
    try:
        return build_corpus(analyses)
    except Exception as exc:
        if os.environ.get("NONPAPER_DEBUG"):
            raise
        message = (f"cross-article actors and disputes left out: the merge failed ({type(exc).__name__}); "
                   "each article's own analysis is complete")
        report(Problem("corpus", message, fatal=False))
        return Corpus(articles=analyses, warnings=[message])


def _unique_ids(articles: list) -> list:
    """Article ids (file stems by default) made unique within one run."""
    seen: dict[str, int] = {}
    for art in articles:
        n = seen.get(art.id, 0)
        seen[art.id] = n + 1
        if n:
            art.id = f"{art.id}-{n + 1}"
    return articles


def _progress(items, total: int, label: str):
    """A progress bar on stderr for long runs in a terminal; silent for one article or in pipes."""
    if total < 5 or not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn
    from rich.console import Console
    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)


@click.command()
def schema() -> None:
    """Print the JSON Schema of the nonpaper/1 output contract.

    \b
    Example:
      nonpaper schema > nonpaper-1.schema.json
    """
    click.echo(schema_text())
