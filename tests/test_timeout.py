"""Issue 18: `nonpaper analyze`'s default time limit grows with the text; an explicit --timeout wins.

Not timed: the budget is computed for given lengths, and the limit handed to the analysis is read.
"""
from __future__ import annotations

import pytest

import nonpaper.cli.analyze as cli_analyze
from nonpaper.corpus import TIMEOUT
from nonpaper.ingest import MAX_ARTICLE_CHARS

ARTICLE = ("Quay reopens after storm\n\nThe harbour master said on Friday that the quay would reopen on "
           "Monday.\n\n\"The repairs are done,\" harbour master Lena Ostrow said.\n")


def test_budget_is_a_base_plus_a_share_per_thousand_characters():
    assert cli_analyze.timeout_for(0) == TIMEOUT
    assert cli_analyze.timeout_for(4_000) == TIMEOUT + 4 * cli_analyze.PER_1000_CHARS
    assert cli_analyze.timeout_for(200_000) == TIMEOUT + 200 * cli_analyze.PER_1000_CHARS
    lengths = [0, 1, 999, 5_000, 100_000, 999_999, MAX_ARTICLE_CHARS]
    budgets = [cli_analyze.timeout_for(n) for n in lengths]
    assert budgets == sorted(budgets)  # never less for a longer text
    # the longest article accepted gets far more than the ~190 s of CPU it needs here (docs/scaling.md)
    assert cli_analyze.timeout_for(MAX_ARTICLE_CHARS) >= 500


@pytest.fixture
def limits(monkeypatch):
    """The time limit `analyze` hands to the analysis, per run (the analysis itself still runs)."""
    seen: list = []
    real = cli_analyze.analyze_each

    def spy(articles, *, timeout=None, **kw):
        seen.append(timeout)
        return real(articles, timeout=timeout, **kw)

    monkeypatch.setattr(cli_analyze, "analyze_each", spy)
    return seen


def test_default_limit_follows_the_longest_article(cli_run, tmp_path, limits):
    short, long = tmp_path / "short.txt", tmp_path / "long.txt"
    short.write_text(ARTICLE)
    long.write_text(ARTICLE + "\n" + "The quay was closed for a week.\n\n" * 300)
    assert cli_run("analyze", short, "--format", "json").exit_code == 0
    assert cli_run("analyze", short, long, "--format", "json").exit_code == 0
    near = cli_analyze.PER_1000_CHARS * 0.1  # the article's text is the file's, give or take its headline
    assert limits[0] == pytest.approx(cli_analyze.timeout_for(len(ARTICLE)), abs=near)
    assert limits[1] == pytest.approx(cli_analyze.timeout_for(len(long.read_text())), abs=near)
    assert limits[1] > limits[0] > TIMEOUT


@pytest.mark.parametrize("given, handed", [("30", 30.0), ("2.5", 2.5), ("0", None)])
def test_an_explicit_timeout_wins(cli_run, tmp_path, limits, given, handed):
    (tmp_path / "a.txt").write_text(ARTICLE + "\n" + "The quay was closed for a week.\n\n" * 300)
    result = cli_run("analyze", tmp_path / "a.txt", "--timeout", given, "--format", "json")
    assert result.exit_code == 0
    assert limits == [handed]  # 0 is no limit at all, not the default


def test_help_says_how_the_default_grows(cli_run):
    text = " ".join(cli_run("analyze", "--help").stdout.split())
    assert "per 1,000 characters" in text and "0: no limit" in text
    assert f"{cli_analyze.timeout_for(1_000_000):g} seconds" in text
