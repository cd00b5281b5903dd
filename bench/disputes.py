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

Then the real-news dev set (`bench/real/disputes/`, texts in the gitignored `bench/real/cache/`, see
bench/real/README.md): each story read as one corpus through the command line's path (its JSONL), scored
with `score.py --story`: within- and cross-article disputes found, precision, the disputes reported on
control stories (which have none), and for each miss its cause: a party that is no actor of the output,
a party with no claim carrying the dispute's words (a speaker or claim missed upstream), or both sides
claimed but never set against each other. Tune and held-out stories are totalled apart; a held-out
row shows its figures but not its misses (`--show-heldout` shows them), so that a session tuning the
rules does not read what it is measured on.

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
    ap.add_argument("--show-heldout", action="store_true", help="also print the misses of held-out real-news stories")
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
    real_news(scorer, args.show_heldout)
    if args.scale:
        scale_check(shared, args.scale)
    return 0


def real_news(scorer, show_heldout: bool = False) -> None:
    """The real-news dev set, one row per story, totals per split (see the docstring)."""
    import tempfile

    spec = importlib.util.spec_from_file_location("real_build", ROOT / "bench" / "real" / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    stories = build.stories("disputes")
    if not stories:
        return
    head = f"{'real news':<9} {'story':<30} {'split':<6} {'within':>6} {'cross':>6} {'pred':>4} {'right':>5}  misses (cause)"
    print("\n" + head + "\n" + "-" * len(head))
    totals: dict[str, list[int]] = {}
    why: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for slug, story in stories:
            if build.problems(story):
                print(f"{'':<9} {slug:<30} texts missing: rebuild the cache (bench/real/build.py)")
                continue
            build.write_jsonl(slug, story, Path(tmp))
            out = _story_output(Path(tmp) / f"{slug}.jsonl")
            gold = story["gold"]
            result = scorer.score_story(gold, out)
            right = round(result["disputes_predicted"] * result["dispute_precision"])
            actors = scorer.Actors(gold, {"actors": scorer.merged_actors(out)})
            causes = [f"{key} ({_miss_cause(g, out, actors)})" for key in result["disputes_missed"]
                      for g in gold["disputes"] if g["key"] == key]
            for c in causes:  # counted by kind of cause for every split: the held-out rows show no names
                kinds = why.setdefault(story.get("split", "?"), {})
                kind = c.split("(", 1)[1].split(": ")[-1].rstrip(")")
                kinds[kind] = kinds.get(kind, 0) + 1
            if str(story.get("split", "")).startswith("heldout") and not show_heldout:
                causes = ["(held out: misses not shown)"] if causes else []
            print(f"{'':<9} {slug:<30} {story.get('split', '?'):<6} {result['within_found']:>6} "
                  f"{result['cross_found']:>6} {result['disputes_predicted']:>4} {right:>5}  {'; '.join(causes) or '-'}")
            t = totals.setdefault(story.get("split", "?"), [0] * 7)
            for i, (a, b) in enumerate((result["within_found"].split("/"), result["cross_found"].split("/"))):
                t[2 * i] += int(a)
                t[2 * i + 1] += int(b)
            t[4] += result["disputes_predicted"]
            t[5] += right
            t[6] += result["disputes_predicted"] if not gold.get("disputes") else 0
    print("-" * len(head))
    for split, (w, wn, c, cn, pred, right, control) in sorted(totals.items()):
        print(f"real news, {split} stories: within recall {_ratio(w, wn)} ({w}/{wn}), cross recall {_ratio(c, cn)} "
              f"({c}/{cn}), precision {_ratio(right, pred)} ({right}/{pred}), {control} disputes on control stories")
        print(f"  {split} misses by cause: " + ", ".join(f"{k} {n}" for k, n in sorted(why.get(split, {}).items())))


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "-"


def _story_output(jsonl: Path) -> dict:
    """What `nonpaper analyze STORY.jsonl --format json` prints, computed in this process."""
    from nonpaper.ingest import read_sources
    from nonpaper.pipeline import analyze_articles, build_corpus

    articles = list(read_sources([str(jsonl)], report=lambda problem: None))
    analyses = list(analyze_articles(articles))
    return analyses[0].to_dict() if len(analyses) == 1 else build_corpus(analyses).to_dict()


def _miss_cause(gold: dict, out: dict, actors) -> str:
    """Why a gold dispute was not found, from the output: the first missing link from actor to dispute."""
    names = [a.get("id") for a in actors.out.values()]
    claims = [c for art in out.get("articles") or [out] for c in art.get("claims") or []]
    words = [w.lower() for w in gold.get("words", [])]
    for party in gold.get("parties", []):
        if not any(actors.same(n, party) for n in names):
            return f"{party}: no such actor"
        if not any(actors.same(c.get("actor"), party) and any(w in (c.get("text") or "").lower() for w in words)
                   for c in claims):
            return f"{party}: no claim with its words"
    return "both sides claimed, not set against each other"


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
