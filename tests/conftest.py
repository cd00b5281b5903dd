"""Shared test helpers. Data from ../shared is read in place, never copied into the project."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NONPAPER_SHARED", ROOT.parent / "shared"))
EXAMPLES = ROOT / "examples"


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip the test when the folder is not beside the checkout."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found (../shared is not beside this checkout)")
    return path


@pytest.fixture
def cli_run():
    """Run `nonpaper ARGS...` in-process; returns the click Result (stdout, stderr, exit_code)."""
    from nonpaper.cli import cli

    def run(*args: str, input: str | bytes | None = None):
        return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)

    return run


def analyze_text(text: str, published: str | None = None):
    """The analysis of a short article written for a test (first line = headline)."""
    import nonpaper

    return nonpaper.analyze(text, published=published)


def scorer():
    """../shared/eval/score.py as a module (standard library only), or skip when it is absent."""
    import importlib.util

    path = shared_path("eval", "score.py")
    spec = importlib.util.spec_from_file_location("nonpaper_shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_json(path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def speaker(registry, quote) -> str | None:
    """The name of a quote's speaker in an actor registry (tests of the quotes stage)."""
    actor = registry.get(quote.speaker)
    return actor.name if actor else None


def having(found, fragment: str):
    """The one quote whose text holds `fragment` (asserting there is exactly one)."""
    hits = [q for q in found if fragment in q.text]
    assert len(hits) == 1, [q.text for q in found]
    return hits[0]
