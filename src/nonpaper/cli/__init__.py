"""The `nonpaper` command: `main` defines the group and the article commands; `corpus` and `web` plug
their commands into it."""
from .main import cli, main

__all__ = ["cli", "main"]
