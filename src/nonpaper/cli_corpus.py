"""Corpus commands (ingest, actors, quotes, timeline, disputes, articles, export): issue 6 fills this."""
from __future__ import annotations

import click


def register(cli: click.Group) -> None:
    """Add the corpus commands to the `nonpaper` group."""
