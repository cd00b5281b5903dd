"""`nonpaper serve`: issue 7 fills this."""
from __future__ import annotations

import click


def register(cli: click.Group) -> None:
    """Add the `serve` command to the `nonpaper` group."""
