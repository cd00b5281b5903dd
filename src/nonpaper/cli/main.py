"""The `nonpaper` command: each subcommand a thin shell over one library call.

Exit codes: 0 all read; 1 some inputs could not be read (the rest was analysed and written);
2 nothing usable was read, or the command line is wrong. Errors are one line on stderr; set
NONPAPER_DEBUG=1 to see tracebacks of internal errors.
"""
from __future__ import annotations

import os
import sys

import click

from .. import __version__
from . import analyze, corpus, web
from .common import Failure
from ..text.parse import ModelMissing


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


# Each command module adds its own commands; none imports this one back.
for _module in (analyze, corpus, web):
    _module.register(cli)


def main() -> None:
    try:
        cli(prog_name="nonpaper")
    except KeyboardInterrupt:
        click.echo("nonpaper: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
