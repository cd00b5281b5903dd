"""The `nonpaper` command: each subcommand a thin shell over one library call.

Exit codes: 0 all read; 1 some inputs could not be read (the rest was analysed and written);
2 nothing usable was read, or the command line is wrong. Errors are one line on stderr; set
NONPAPER_DEBUG=1 to see tracebacks of internal errors.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import click

from .. import __version__

FORMATS = ("brief", "json", "markdown")


class Failure(click.ClickException):
    """A one-line error with exit code 2."""
    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"nonpaper: error: {self.format_message()}", err=True)


def warn(message: str) -> None:
    click.echo(f"nonpaper: {message}", err=True)


def write_atomic(path: str, data: str) -> None:
    """Write via a temp file in the same folder and rename: readers never see half a file."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise Failure(f"cannot write {path}: folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def emit(text: str, output: str | None) -> None:
    if output and output != "-":
        try:
            write_atomic(output, text)
        except OSError as exc:
            raise Failure(f"cannot write {output}: {exc.strerror or exc}")
    else:
        click.echo(text, nl=not text.endswith("\n"))


def render(obj, fmt: str, output: str | None) -> None:
    from . import render as views

    if fmt == "json":
        emit(obj.to_json() + "\n", output)
    elif fmt == "markdown":
        emit(views.markdown(obj), output)
    else:
        from rich.console import Console
        if output and output != "-":
            console = Console(record=True, file=open(os.devnull, "w"), width=100)
            views.brief(obj, console)
            emit(console.export_text(), output)
        else:
            views.brief(obj, Console(highlight=False))


class Group(click.Group):
    """Turns every unexpected exception into one line (never a traceback for the user)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            sys.exit(0)
        except Exception as exc:
            if os.environ.get("NONPAPER_DEBUG"):
                raise
            from ..text.parse import ModelMissing
            if isinstance(exc, ModelMissing):
                raise Failure(str(exc))
            raise Failure(f"internal error: {type(exc).__name__}: {exc} (set NONPAPER_DEBUG=1 for details)")


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="nonpaper")
def cli() -> None:
    """nonpaper: who said what, when things happened, and which accounts contradict each other.

    \b
    Start with:
      nonpaper analyze article.txt --published 2025-10-28
      nonpaper analyze a.txt b.html feed.xml dump.jsonl --format json -o out.json
    """


def date_option(value: str | None, name: str) -> str | None:
    """A date given on the command line as an ISO date, or a one-line error naming the option."""
    from ..ingest.readers import InputError, parse_date

    if not value:
        return None
    try:
        return parse_date(value)
    except InputError as exc:
        raise Failure(f"{name}: {exc}")


@cli.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--published", metavar="DATE",
              help="Publication date that relative dates are resolved against (YYYY-MM-DD). "
                   "Overrides dates found in the inputs.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="brief", show_default=True,
              help="brief: for reading in a terminal; json: the nonpaper/1 contract; markdown: a document.")
@click.option("-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of stdout.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Parse with this many processes (worth it from a few dozen articles).")
def analyze(sources: tuple[str, ...], published: str | None, fmt: str, output: str | None, workers: int) -> None:
    """Analyse articles: quotes and speakers, time, events, disputes.

    SOURCE is a .txt file, an .html page, an RSS/Atom feed (.xml/.rss/.atom), a .jsonl dump (one
    article per line: "text" or "html", optional "title", "url", "published", "outlet", "author"),
    a directory of those (read recursively), or - for stdin. One article gives the article object;
    several give {"schema": "nonpaper/1", "articles": [...], "actors": [...], "disputes": [...]}.

    \b
    Example:
      nonpaper analyze examples/harbour-strike.txt --published 2026-03-12
      nonpaper analyze a.txt b.txt --format json -o corpus.json
    """
    from ..ingest.readers import read_sources
    from ..pipeline import analyze_articles, build_corpus

    when = date_option(published, "--published")
    problems: list = []

    def report(problem) -> None:
        problems.append(problem)
        warn(("warning: " if not problem.fatal else "error: ") + str(problem))

    articles = _unique_ids(list(read_sources(sources, report=report, published=when)))
    if not articles:
        if problems:  # each already said in one line
            sys.exit(2)
        raise Failure("nothing to analyse: no articles found in the input")
    analyses = list(_progress(analyze_articles(articles, n_process=workers), len(articles), "analysing"))
    result = analyses[0] if len(analyses) == 1 else build_corpus(analyses)
    render(result, fmt, output)
    if any(p.fatal for p in problems):
        sys.exit(1)


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


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the nonpaper/1 output contract.

    \b
    Example:
      nonpaper schema > nonpaper-1.schema.json
    """
    from ..schema import schema_text
    click.echo(schema_text())


def _register_commands() -> None:
    # Corpus and web commands live beside their libraries; each module adds its own commands.
    from .corpus import register as corpus_commands
    from .web import register as web_commands

    corpus_commands(cli)
    web_commands(cli)


_register_commands()


def main() -> None:
    try:
        cli(prog_name="nonpaper")
    except KeyboardInterrupt:
        click.echo("nonpaper: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
