#!/usr/bin/env python3
"""Disputes benchmark (issue 5): found / missed / invented per article, in one table.

    .venv/bin/python bench/disputes.py [--shared ../shared] [--json] [--scale N]

Reads at run time: the founding article and the dev articles with their gold from ../shared, the
D1+D2 pair (cross-D1-D2.json), and the project's own dispute articles (tests/articles/disputes-*.txt
with tests/gold/*.json; `cross-*.json` there are pairs). Every case is scored with
../shared/eval/score.py. For a pair, only the corpus-level (cross-article) disputes are scored, so
`invented` counts cross disputes that fit no gold dispute; each article's own disputes are scored in
its own row. Last, every article is read as one corpus, and cross disputes between articles that
are no gold pair are counted as invented. A script, not a test.

`--scale N` adds a check at scale: the first N PolNeAR train articles (dated from its metadata.tsv), read
as one corpus. There is no dispute gold for them; it prints the count of cross-article disputes and
lists each one with its claims (article, date, source, words), for a reader to check by eye.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("nonpaper_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_CACHE: dict = {}


def analysis_of(path: Path, date: str | None):
    """One article's Analysis, analysed once per run."""
    from nonpaper.ingest import article_from_string
    from nonpaper.pipeline import analyze_article

    key = (str(path), date)
    if key not in _CACHE:
        _CACHE[key] = analyze_article(article_from_string(path.read_text(encoding="utf-8"), published=date, id=path.stem))
    return _CACHE[key]


def analyse(docs: list[tuple[Path, str | None]]):
    """One analysis (one article) or a corpus (several), as the CLI builds them."""
    import copy

    from nonpaper.pipeline import build_corpus

    analyses = [copy.deepcopy(analysis_of(path, date)) for path, date in docs]
    if len(analyses) == 1:
        return analyses[0].to_dict()
    corpus = build_corpus(analyses).to_dict()
    for art in corpus["articles"]:  # score the cross-article disputes alone (see the docstring)
        art["disputes"] = []
    return corpus


def cases(shared: Path):
    """(group, name, gold path, [(article path, published)])."""
    memo = shared / "gold" / "nonpaper-memo.json"
    yield "founding", "nonpaper-memo", memo, [(shared / "articles" / "nonpaper-memo.txt",
                                             json.loads(memo.read_text())["reference_date"])]
    dev = shared / "gold" / "dev"
    for gold in sorted(dev.glob("D*.json")):
        g = json.loads(gold.read_text())
        yield "dev", gold.stem, gold, [(shared / "articles" / "dev" / f"{gold.stem}.txt", g.get("reference_date"))]
    for gold in sorted(dev.glob("cross-*.json")):
        g = json.loads(gold.read_text())
        yield "dev pair", gold.stem, gold, [(shared / d, g["reference_dates"][d]) for d in g["documents"]]
    own = ROOT / "tests" / "gold"
    for gold in sorted(own.glob("*.json")):
        g = json.loads(gold.read_text())
        if "documents" in g:
            yield "own pair", gold.stem, gold, [(ROOT / d, g["reference_dates"][d]) for d in g["documents"]]
        elif g.get("document", "").startswith("tests/articles/disputes-"):
            yield "own", gold.stem, gold, [(ROOT / g["document"], g.get("reference_date"))]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared data folder")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    ap.add_argument("--scale", type=int, metavar="N",
                    help="also read the first N PolNeAR train articles as one corpus and count its cross disputes")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "eval" / "score.py").exists():
        print(f"bench/disputes.py: {shared} has no eval/score.py; pass --shared PATH", file=sys.stderr)
        return 2
    scorer = load_scorer(shared)
    rows, t0 = [], time.perf_counter()
    for group, name, gold_path, docs in cases(shared):
        out = analyse(docs)
        gold = scorer.load(str(gold_path))
        merged = _merged(out)
        result = scorer.score_disputes(gold, merged, scorer.Actors(gold, merged))
        pred = result["disputes_predicted"]
        invented = round(pred * (1 - result["dispute_precision"])) if pred else 0
        rows.append({"group": group, "case": name, "found": result["disputes_found"],
                     "missed": ",".join(result["disputes_missed"]) or "-", "invented": invented,
                     "predicted": pred, "kinds": ",".join(sorted(d["kind"] for d in merged["disputes"])) or "-"})
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    head = f"{'group':<9} {'case':<30} {'found':>6} {'invented':>8} {'pred':>4}  {'kinds':<24} missed"
    print(head)
    print("-" * len(head))
    for r in rows:
        print(f"{r['group']:<9} {r['case']:<30} {r['found']:>6} {r['invented']:>8} {r['predicted']:>4}  "
              f"{r['kinds']:<24} {r['missed']}")
    pairs = {frozenset(Path(p).stem for p, _ in docs) for group, _, _, docs in cases(shared) if "pair" in group}
    stray, n_articles = corpus_check(pairs)
    print("-" * len(head))
    print(f"all {n_articles} articles read as one corpus: {len(stray)} cross disputes outside the gold pairs"
          + (": " + "; ".join(stray) if stray else ""))
    found = sum(int(r["found"].split("/")[0]) for r in rows)
    total = sum(int(r["found"].split("/")[1]) for r in rows)
    print("-" * len(head))
    print(f"all: {found}/{total} gold disputes found, {sum(r['invented'] for r in rows)} invented, "
          f"{len(rows)} cases, {time.perf_counter() - t0:.1f} s")
    if args.scale:
        scale_check(shared, args.scale)
    return 0


def scale_check(shared: Path, n: int) -> None:
    """Cross disputes in a corpus of N campaign stories from PolNeAR train (no dispute gold)."""
    import csv

    from nonpaper.ingest import article_from_string
    from nonpaper.pipeline import analyze_article, build_corpus

    split = shared / "datasets" / "polnear" / "train" / "text"
    with open(shared / "datasets" / "polnear" / "metadata.tsv", encoding="utf-8") as fh:
        dates = {r["filename"]: r.get("publication_date") for r in csv.DictReader(fh, delimiter="\t")}
    t0 = time.perf_counter()
    paths = sorted(split.glob("*.txt"))[:n]
    analyses = [analyze_article(article_from_string(p.read_text(encoding="utf-8"), published=dates.get(p.stem), id=p.stem))
                for p in paths]
    corpus = build_corpus(analyses)
    print(f"scale: {len(paths)} PolNeAR train articles as one corpus: {len(corpus.disputes)} cross disputes, "
          f"{time.perf_counter() - t0:.0f} s (no gold: check each by eye)")
    published = {a.article.id: a.article.published or "undated" for a in analyses}
    for i, d in enumerate(corpus.disputes, 1):
        print(f"  {i}. {d.kind}: {d.summary}")
        for c in d.claims:
            print(f"       [{c.article} {published.get(c.article, '')}] {c.actor}: {_short(c.text, 160)}")


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def corpus_check(pairs: set[frozenset[str]]) -> tuple[list[str], int]:
    """Every article analysed above, read together: cross disputes between articles that are no gold
    pair are invented (unrelated stories must not be compared)."""
    import copy

    from nonpaper.pipeline import build_corpus

    analyses = [copy.deepcopy(a) for a in _CACHE.values()]
    corpus = build_corpus(analyses)
    stray = [f"{d.kind} {'+'.join(d.articles)}" for d in corpus.disputes if frozenset(d.articles) not in pairs]
    return stray, len(analyses)


def _merged(out: dict) -> dict:
    """What score.py's `load` makes of an output: a corpus reads as its first article plus all
    actors and disputes."""
    if isinstance(out.get("articles"), list) and out["articles"]:
        merged = dict(out["articles"][0])
        for key in ("actors", "disputes"):
            merged[key] = list(out.get(key) or []) + [x for a in out["articles"] for x in (a.get(key) or [])]
        return merged
    return out


if __name__ == "__main__":
    sys.exit(main())
