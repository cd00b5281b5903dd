#!/usr/bin/env python3
"""Benchmark: corpus actor identity (actors/merge.py) on PolNeAR articles, against a labelled sample.

    .venv/bin/python bench/actors.py [--shared ../shared] [--dev N] [--train N] [--dump]

The articles (the first N of PolNeAR dev and of train) go through the actors and quotes stages; their
actors are merged across articles by `actors.merge_actors`. The gold, bench/actors_gold.json, names
the people and bodies of a sample (the most frequent names of these articles, judged once by hand): for
each, the names an article-level actor may carry when it is that one, and its kind. Over the article-level
actors whose name is one of the gold's, it reports

- merge precision: of the pairs (from different articles) put in one corpus actor, the share that are one
  gold entity; merge recall: of the pairs that are one gold entity, the share put in one corpus actor;
- kind right: gold entities whose corpus actor(s) carry the gold kind;
- aliases kept: of the aliases of those corpus actors, the share that are one of the entity's names (with
  its titles and honorifics) or a description by a title ("the senator"), judged by the rule of
  `good_alias` against the gold names — "the words", "events", "Trump and Clinton" are not.

With --dump it prints the most frequent article-level names and kinds instead (what the gold was made from).
A script, not a test: it reads ../shared at run time and copies nothing from it.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from nonpaper import actors, ingest, quotes  # noqa: E402
from nonpaper.model import Analysis  # noqa: E402
from nonpaper.text import parse as nlp  # noqa: E402
from nonpaper.text.names import honorific, is_title_word, norm_key  # noqa: E402

GOLD = ROOT / "bench" / "actors_gold.json"


def analyses(shared: Path, n_dev: int, n_train: int) -> list[Analysis]:
    pipeline = nlp.load()
    out = []
    for split, n in (("dev", n_dev), ("train", n_train)):
        for path in sorted((shared / "datasets" / "polnear" / split / "text").glob("*.txt"))[:n]:
            art = next(ingest.read_sources([str(path)], report=lambda p: None))
            art.id = f"{split}/{path.stem}"
            parsed = nlp.Parsed(art, pipeline(art.text))
            registry = actors.find_actors(parsed)
            found = quotes.extract_quotes(parsed, registry)
            out.append(Analysis(article=art, actors=registry.actors(), quotes=found))
    return out


def dump(found: list[Analysis]) -> None:
    names = Counter()
    kinds: dict[str, Counter] = {}
    for a in found:
        for actor in a.actors:
            names[actor.name] += 1
            kinds.setdefault(actor.name, Counter())[actor.kind] += 1
    for name, n in names.most_common(150):
        print(f"{n:4}  {name:45} {dict(kinds[name])}")


DETERMINERS = ("the", "a", "an", "his", "her", "its", "their")


def good_alias(alias: str, names: set[str]) -> bool:
    """Judged by rule against the gold names: one of the entity's names; a form of it with titles and
    honorifics before a word of the names ("Sen. Bernie Sanders", "Mr. Obama", "presidential candidate
    Bernie Sanders"); or a description by title or body noun without another name in it ("the senator",
    "the Democratic nominee", "the agency"). Not "Trump avoids", "Trump and Clinton", "The Trump campaign"."""
    if norm_key(alias) in names:
        return True
    words = alias.replace("’", "'").split()
    name_words = {w for n in names for w in n.split()}
    if not words or " and " in f" {alias} ":
        return False
    other_caps = [w for w in words[1:] if w[:1].isupper() and norm_key(w) not in name_words
                  and not honorific(w) and not is_title_word(w) and len(w.rstrip(".")) > 1]
    if norm_key(words[-1]) in name_words:
        return not other_caps and not (words[0][:1].isupper() and norm_key(words[0]) not in name_words
                                       and not honorific(words[0]) and not is_title_word(words[0])
                                       and words[0].lower() not in DETERMINERS)
    return words[0].lower() in DETERMINERS and not other_caps \
        and any(is_title_word(w) for w in words[1:])


def score(found: list[Analysis], gold: dict) -> None:
    members: dict[tuple[str, str], object] = {}
    merged = actors.merge_actors(found, members=members)
    entity_of = {norm_key(n): key for key, e in gold["entities"].items() for n in e["names"] + [key]}
    rows = []  # (article id, gold entity, corpus actor)
    for a in found:
        for actor in a.actors:
            key = entity_of.get(norm_key(actor.name))
            if key is not None:
                rows.append((a.article.id, key, id(members[(a.article.id, actor.id)])))
    same_pred = same_gold = both = 0
    for (art1, g1, c1), (art2, g2, c2) in combinations(rows, 2):
        if art1 == art2:
            continue
        same_pred += c1 == c2
        same_gold += g1 == g2
        both += c1 == c2 and g1 == g2
    p = both / same_pred if same_pred else 0.0
    r = both / same_gold if same_gold else 0.0
    by_id = {id(m): m for m in merged}
    kind_right = aliases = good = 0
    seen_entities = sorted({g for _, g, _ in rows})
    bad: list[str] = []
    for key in seen_entities:
        corpus = {c for _, g, c in rows if g == key}
        want = gold["entities"][key]["kind"]
        kind_right += all(by_id[c].kind == want for c in corpus)
        names = {norm_key(n) for n in gold["entities"][key]["names"] + [key]}
        for c in corpus:
            for alias in by_id[c].aliases:
                aliases += 1
                if good_alias(alias, names):
                    good += 1
                else:
                    bad.append(f"{key}: {alias!r}")
    n_corpus = {key: len({c for _, g, c in rows if g == key}) for key in seen_entities}
    print(f"{len(found)} articles, {len(rows)} article-level actors of {len(seen_entities)} gold entities")
    print(f"merge precision {p:.3f}  recall {r:.3f}  (pairs across articles: {same_pred} merged, {same_gold} gold, {both} both)")
    print(f"kind right {kind_right}/{len(seen_entities)}; aliases kept that are names, titles or descriptions "
          f"{good}/{aliases} ({good / aliases if aliases else 0:.3f})")
    split = [f"{k} ({n})" for k, n in n_corpus.items() if n > 1]
    print("entities split over several corpus actors:", ", ".join(split) or "none")
    if bad:
        print("aliases that are no name, title or description:", "; ".join(bad[:40]))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared data folder (../shared)")
    ap.add_argument("--dev", type=int, default=84, help="the first N PolNeAR dev articles (default: all 84)")
    ap.add_argument("--train", type=int, default=60, help="the first N PolNeAR train articles (default: 60)")
    ap.add_argument("--dump", action="store_true", help="print the most frequent actor names instead of scoring")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "datasets" / "polnear").exists():
        print(f"bench/actors.py: {shared} has no datasets/polnear; pass --shared PATH", file=sys.stderr)
        return 2
    found = analyses(shared, args.dev, args.train)
    if args.dump:
        dump(found)
    else:
        score(found, json.loads(GOLD.read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
