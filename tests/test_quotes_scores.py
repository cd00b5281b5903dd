"""The founding article and the dev articles through the shared scorer, at the issue's thresholds.

Skips when ../shared is not beside the checkout. Only the quote stages run (actors, quotes), so the
figures measure this stage alone.
"""
from __future__ import annotations

import json

from conftest import scorer, shared_path

from nonpaper import actors, ingest, quotes

from nonpaper.text import parse as nlp
from nonpaper.model import Analysis


def _analyse(path, published):
    art = next(ingest.read_sources([str(path)], report=lambda p: None, published=published))
    parsed = nlp.parse(art)
    registry = actors.find_actors(parsed)
    found = quotes.extract_quotes(parsed, registry)
    return json.loads(Analysis(article=art, actors=registry.actors(), quotes=found).to_json())


def test_founding_article_quotes():
    score = scorer()
    gold = score.load(shared_path("gold", "nonpaper-memo.json"))
    out = _analyse(shared_path("articles", "nonpaper-memo.txt"), "2025-10-28")
    result = score.score_quotes(gold, out, score.Actors(gold, out))
    assert result["quote_f1"] >= 0.95, result
    assert result["attribution_accuracy"] == 1.0, result
    assert result["found_with_right_speaker_by_kind"]["direct"] == "4/4"


def test_dev_articles_quotes():
    score = scorer()
    gold_dir = shared_path("gold", "dev")
    totals = {"quotes_gold": 0, "quotes_pred": 0, "quotes_found": 0, "quotes_found_right_speaker": 0}
    for gold_path in sorted(gold_dir.glob("D*.json")):
        gold = score.load(gold_path)
        text = shared_path("articles", "dev", gold_path.stem + ".txt")
        out = _analyse(text, gold.get("reference_date"))
        counts = score.score_quotes(gold, out, score.Actors(gold, out))["_counts"]
        for key in totals:
            totals[key] += counts[key]
    _, _, f1 = score.prf(totals["quotes_found"], totals["quotes_pred"], totals["quotes_gold"])
    attribution = totals["quotes_found_right_speaker"] / totals["quotes_found"]
    assert f1 >= 0.90, totals
    assert attribution >= 0.90, totals
