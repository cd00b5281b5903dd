"""The timeline targets of issue 4 on the founding article and the dev articles, scored by ../shared's
score.py (skipped when ../shared is not beside the checkout)."""
from __future__ import annotations

import json
from functools import lru_cache

import pytest

from conftest import scorer, shared_path

DEV = ["D1-courier-aurel-hall", "D2-wire-aurel-hall", "D3-slimvera-study", "D4-cup-semifinal",
       "D5-pilot-profile", "D6-herring-brief"]


@lru_cache(maxsize=None)
def analysed(article: str, gold: str) -> tuple[dict, dict]:
    import nonpaper

    gold_data = json.loads(shared_path(*gold.split("/")).read_text(encoding="utf-8"))
    text = shared_path(*article.split("/")).read_text(encoding="utf-8")
    out = nonpaper.analyze(text, published=gold_data.get("reference_date")).to_dict()
    return gold_data, out


def found(figure: str) -> tuple[int, int]:
    got, total = figure.split("/")
    return int(got), int(total)


def test_founding_article_timeline():
    gold, out = analysed("articles/nonpaper-memo.txt", "gold/nonpaper-memo.json")
    result = scorer().score(gold, out)
    assert result["timex_value_accuracy"] == 1.0
    assert result["dated_events_found"] == "2/2"
    assert result["relations_found"] == "3/3"  # two of them need the quote stage's speakers


@pytest.mark.parametrize("stem", ["D1-courier-aurel-hall", "D2-wire-aurel-hall", "D3-slimvera-study",
                                  "D4-cup-semifinal", "D5-pilot-profile", "D6-herring-brief"])
def test_dev_dated_events_and_relations(stem):
    gold, out = analysed(f"articles/dev/{stem}.txt", f"gold/dev/{stem}.json")
    result = scorer().score(gold, out)
    got, total = found(result["dated_events_found"])
    assert got == total
    got, total = found(result["relations_found"])
    assert got == total  # D2's orderings need the quote stage's speakers (the Courier, Brackwater, Kade)


def test_dev_timex_value_accuracy():
    s = scorer()
    right = total = 0
    for stem in DEV:
        gold, out = analysed(f"articles/dev/{stem}.txt", f"gold/dev/{stem}.json")
        counts = s.score_timexes(gold, out)["_timex_counts"]
        right, total = right + counts["timex_value_right"], total + counts["timex_gold"]
    assert right / total >= 0.90
