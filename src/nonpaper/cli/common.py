"""What every `nonpaper` command shares: one-line errors, atomic output files, the output formats,
dates given as options. Commands import this module; it imports none of them."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

import click

from . import render as views
from ..ingest.readers import InputError, parse_date

FORMATS = ("brief", "json", "markdown")


class Failure(click.ClickException):
    """A one-line error with exit code 2."""
    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"nonpaper: error: {self.format_message()}", err=True)


def warn(message: str) -> None:
    click.echo(f"nonpaper: {message}", err=True)


@contextmanager
def atomic_stream(path: str) -> Iterator:
    """A file to write into, in the target's folder, renamed to `path` when the block ends without an
    error (readers never see half a file); removed otherwise. Nothing is held in memory: an export of
    a large corpus, or a long analysis's JSON, streams."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise Failure(f"cannot write {path}: folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, _mode_for(target))  # mkstemp makes 0600; the output keeps the mode it would have had
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_atomic(path: str, data: str | Iterable[str]) -> None:
    """Write `data` (a string, or its pieces as they are made) through `atomic_stream`."""
    with atomic_stream(path) as fh:
        for piece in ([data] if isinstance(data, str) else data):
            fh.write(piece)


def _mode_for(target: Path) -> int:
    """The mode of the file being replaced, else what a new file gets under the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def emit(text: str | Iterable[str], output: str | None) -> None:
    if output and output != "-":
        try:
            write_atomic(output, text)
        except OSError as exc:
            raise Failure(f"cannot write {output}: {exc.strerror or exc}")
    elif isinstance(text, str):
        click.echo(text, nl=not text.endswith("\n"))
    else:
        out = sys.stdout  # what click.echo writes to (a test runner swaps it)
        for piece in text:
            out.write(piece)
        out.flush()


def json_pieces(obj) -> Iterator[str]:
    """The JSON document of an analysis or corpus, as `to_json` writes it, in pieces as it is encoded:
    a million-character article's output is never one string in memory (issue 18)."""
    yield from json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(obj.to_dict())
    yield "\n"


def render(obj, fmt: str, output: str | None) -> None:

    if fmt == "json":
        emit(json_pieces(obj), output)
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


def date_option(value: str | None, name: str) -> str | None:
    """A date given on the command line as an ISO date, or a one-line error naming the option."""

    if not value:
        return None
    try:
        return parse_date(value)
    except InputError as exc:
        raise Failure(f"{name}: {exc}")
