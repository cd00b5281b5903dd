#!/usr/bin/env python3
"""Benchmark: nonpaper's quotes and speakers beside textacy 0.13 `direct_quotations`.

    .venv/bin/pip install -e '.[bench]'      # textacy==0.13.0, for this script only
    .venv/bin/python bench/quotes.py [--shared ../shared] [--limit N] [--polnear-split dev|train] [--sets real,polnear]
    .venv/bin/python bench/quotes.py --sets real --show tune   # the tune split's misses and false quotes
    .venv/bin/python bench/quotes.py --sets heldout            # the held-out split: measured once, never shown

One run, one table: on the founding article, the dev articles, the real-news set (bench/real/quotes:
recent articles from real outlets, its `tune`, `report` and `tune2` splits apart; texts in the gitignored
bench/real/cache/, see bench/real/README.md) and PolNeAR dev (gold made by
../shared/eval/polnear_to_gold.py), quote precision/recall/F1, attribution accuracy, quote+speaker F1
and, by kind, the gold quotes found with the right speaker, all computed by ../shared/eval/score.py.
Both systems read the same spaCy Doc of each article. The speed lines compare the spaCy parse alone
with what nonpaper's actors + quotes stages add on top of it (and with textacy's extraction).
A script, not a test: it reads ../shared at run time and copies nothing from it.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from nonpaper import actors, ingest, quotes

from nonpaper.text import parse as nlp  # noqa: E402
from nonpaper.model import Analysis  # noqa: E402

KINDS = ("direct", "mixed", "indirect")
SETS = ("founding", "dev", "real", "polnear", "heldout")
# the held-out real articles are left out unless named: they are measured once, never looked at
DEFAULT_SETS = ("founding", "dev", "real", "polnear")
# "np props": nonpaper's quotes without the stances (Quote.stance: only the object of a verb of stance,
# "opposed the legislation") and the denied cues (Quote.negated: "had not confirmed"), i.e. the
# propositions asserted, scored against the same gold
SYSTEMS = ("nonpaper", "np props", "textacy")


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("shared_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REAL = ROOT / "bench" / "real"


def real_sets(tmp: Path, splits: tuple[str, ...] = ("tune", "report", "tune2")) -> list[tuple[str, list[tuple[Path, Path]]]]:
    """The real-news set as (gold path, text path) pairs per split. Its gold names each quote by its first
    and last words (`from`, `to`), so no article text is committed; the full gold text is cut from the
    cached article here. A missing or changed cached text is named, with the query that finds it again."""
    by_split: dict[str, list[tuple[Path, Path]]] = {split: [] for split in splits}
    for path in sorted((REAL / "quotes").glob("*.json")):
        art = json.loads(path.read_text(encoding="utf-8"))
        if art["split"] not in by_split:
            continue
        cached = REAL / "cache" / f"{art['id']}.txt"
        text = cached.read_text(encoding="utf-8") if cached.exists() else None
        if text is None or hashlib.sha256(text.encode("utf-8")).hexdigest() != art["sha256"]:
            print(f"bench/quotes.py: {cached.name} is missing or changed; search pages for {art['query']!r} and "
                  f"save the excerpt of {art['url']} (see bench/real/README.md)", file=sys.stderr)
            continue
        quotes = [dict(q, text=cut(text, q["from"], q["to"])) for q in art["gold"]["quotes"]]
        gold = {"document": art["id"], "reference_date": art["published"], "actors": art["gold"]["actors"],
                "quotes": quotes}
        gold_path = tmp / "real" / f"{art['id']}.json"
        gold_path.parent.mkdir(parents=True, exist_ok=True)
        gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        by_split[art["split"]].append((gold_path, cached))
    return [(f"real {split}", pairs) for split, pairs in by_split.items()]


def cut(text: str, start: str, end: str) -> str:
    """The text from the first words `start` to the last words `end` after them."""
    i = text.index(start)
    return text[i:text.index(end, i) + len(end)]


def datasets(shared: Path, tmp: Path, limit: int | None, split: str = "dev", sets: tuple[str, ...] = DEFAULT_SETS):
    """(name, [(gold path, text path)]) for the chosen sets (PolNeAR: the `split` folder, dev by default)."""
    out = []
    if "founding" in sets:
        out.append(("founding article", [(shared / "gold" / "nonpaper-memo.json", shared / "articles" / "nonpaper-memo.txt")]))
    if "dev" in sets:
        out.append(("dev articles", [(g, shared / "articles" / "dev" / (g.stem + ".txt"))
                                     for g in sorted((shared / "gold" / "dev").glob("D*.json"))]))
    if "real" in sets:
        out.extend(real_sets(tmp))
    if "heldout" in sets:
        out.extend(real_sets(tmp, ("heldout",)))
    if "polnear" in sets:
        out.append((f"PolNeAR {split}", polnear(shared, tmp, limit, split)))
    return out


def polnear(shared: Path, tmp: Path, limit: int | None, split: str) -> list[tuple[Path, Path]]:
    polnear_gold = tmp / f"polnear-{split}"
    subprocess.run([sys.executable, str(shared / "eval" / "polnear_to_gold.py"),
                    str(shared / "datasets" / "polnear" / split), str(polnear_gold)], check=True,
                   stdout=subprocess.DEVNULL)
    polnear = [(g, shared / "datasets" / "polnear" / split / "text" / (g.stem + ".txt"))
               for g in sorted(polnear_gold.glob("*.json"))]
    return polnear[:limit] if limit else polnear


def textacy_output(doc) -> tuple[dict, bool]:
    """textacy's direct quotations in the nonpaper/1 shape; (output, crashed)."""
    from textacy.extract.triples import direct_quotations
    found, crashed = [], False
    try:
        for triple in direct_quotations(doc):
            speaker = " ".join(t.text for t in triple.speaker) or None
            found.append({"kind": "direct", "text": triple.content.text.strip("\"“”'‘’ "),
                          "speaker": speaker, "speaker_text": speaker})
    except ValueError:  # an odd number of quotation marks (an apostrophe counts)
        crashed = True
    names = sorted({q["speaker"] for q in found if q["speaker"]})
    return {"actors": [{"id": n, "name": n, "aliases": [n]} for n in names], "quotes": found}, crashed


def joined_halves(score, gold: dict, out: dict) -> int:
    """Unmatched predicted quotes that are one part of a gold quote another prediction matched: a gold
    file that joins `"A," X said, "B."` into one quote (PolNeAR does) counts the second part as a
    false positive, where nonpaper's convention (the issue's, and the dev gold's) makes two quotes."""
    gq, pq = gold.get("quotes", []), out.get("quotes", [])
    pairs = score.match_greedy(gq, pq, lambda g, p: score.overlap_f1(g["text"], p.get("text", "")),
                               lambda g: 0.8 if g["kind"] == "direct" else 0.6)
    matched_gold, matched_pred = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    count = 0
    for pi, p in enumerate(pq):
        words = Counter(score.words(p.get("text", "")))
        if pi in matched_pred or not words:
            continue
        for gi in matched_gold:
            inside = sum((words & Counter(score.words(gq[gi]["text"]))).values()) / sum(words.values())
            if inside >= 0.9:
                count += 1
                break
    return count


def run(shared: Path, limit: int | None, split: str = "dev", sets: tuple[str, ...] = DEFAULT_SETS,
        show: str | None = None) -> None:
    score = load_scorer(shared)
    pipeline = nlp.load()
    times = Counter()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for set_name, pairs in datasets(shared, Path(tmp), limit, split, sets):
            totals = {system: Counter() for system in SYSTEMS}
            crashes = 0
            for gold_path, text_path in pairs:
                gold = score.load(gold_path)
                art = next(ingest.read_sources([str(text_path)], report=lambda p: None,
                                               published=gold.get("reference_date")))
                t0 = time.perf_counter()
                doc = pipeline(art.text)
                t1 = time.perf_counter()
                parsed = nlp.Parsed(art, doc)
                registry = actors.find_actors(parsed)
                found = quotes.extract_quotes(parsed, registry)
                t2 = time.perf_counter()
                out = json.loads(Analysis(article=art, actors=registry.actors(), quotes=found).to_json())
                t3 = time.perf_counter()
                tx, crashed = textacy_output(doc)
                t4 = time.perf_counter()
                crashes += crashed
                times.update({"parse": t1 - t0, "nonpaper": t2 - t1, "textacy": t4 - t3, "articles": 1})
                props = dict(out, quotes=[q for q in out["quotes"] if not q.get("stance") and not q.get("negated")])
                for system, output in (("nonpaper", out), ("np props", props), ("textacy", tx)):
                    result = score.score_quotes(gold, output, score.Actors(gold, output))
                    if system == "np props" and show and set_name.endswith(show):
                        print_errors(gold_path.stem, result, [q["text"] for q in out["quotes"] if q.get("stance")])
                    totals[system].update(result["_counts"])
                    totals[system]["joined_halves"] += joined_halves(score, gold, output)
                    for kind, frac in result["found_with_right_speaker_by_kind"].items():
                        hit, of = (int(x) for x in frac.split("/"))
                        totals[system].update({f"{kind}_hit": hit, f"{kind}_gold": of})
            for system in SYSTEMS:
                rows.append((set_name, len(pairs), system, totals[system], crashes if system == "textacy" else 0))
    print_table(score, rows, times)


def print_errors(name: str, result: dict, stances: list[str]) -> None:
    """One article's misses, wrong speakers and false quotes among the propositions, then its stances
    (for the tune split while changing code)."""
    print(f"== {name}")
    for label in ("missed", "wrong_speaker", "spurious"):
        for item in result[label]:
            print(f"   {label}: {item}")
    for text in stances:
        print(f"   stance: {text[:70]}")


def print_table(score, rows, times) -> None:
    head = (f"{'set':<17}{'n':>4}  {'system':<9}{'P':>6}{'R':>6}{'F1':>6}{'attr':>6}{'Q+S F1':>8}"
            f"  {'direct':>9}{'mixed':>9}{'indirect':>10}  note")
    print(head)
    print("-" * len(head))
    for set_name, n, system, c, crashes in rows:
        p, r, f = score.prf(c["quotes_found"], c["quotes_pred"], c["quotes_gold"])
        _, _, sf = score.prf(c["quotes_found_right_speaker"], c["quotes_pred"], c["quotes_gold"])
        attr = c["quotes_found_right_speaker"] / c["quotes_found"] if c["quotes_found"] else 0.0
        kinds = "".join(f"{c[k + '_hit']:>{w}}/{c[k + '_gold']:<3}" for k, w in zip(KINDS, (5, 5, 6)))
        note = f"ValueError on {crashes} article(s)" if crashes else ""
        print(f"{set_name:<17}{n:>4}  {system:<9}{p:6.3f}{r:6.3f}{f:6.3f}{attr:6.3f}{sf:8.3f}  {kinds}  {note}")
    print()
    parse, ours, tx = times["parse"], times["nonpaper"], times["textacy"]
    print(f"speed over {times['articles']} articles: spaCy parse {parse:.2f} s; nonpaper actors+quotes "
          f"{ours:.2f} s (+{100 * ours / parse:.1f}% of the parse); textacy direct_quotations {tx:.2f} s "
          f"(+{100 * tx / parse:.1f}%)")
    print("by kind: gold quotes found with the right speaker / gold quotes of that kind")
    for set_name, n, system, c, _ in rows:
        if system == "nonpaper" and c["joined_halves"]:
            fp = c["quotes_pred"] - c["quotes_found"]
            p, r, f = score.prf(c["quotes_found"], c["quotes_pred"] - c["joined_halves"], c["quotes_gold"])
            print(f"{set_name}: {c['joined_halves']} of nonpaper's {fp} false positives are the other part of a gold "
                  f"quote that joins a split quote (nonpaper keeps the parts apart); without them P {p:.3f}, F1 {f:.3f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared data folder (../shared)")
    ap.add_argument("--limit", type=int, help="only the first N PolNeAR articles (a quick look)")
    ap.add_argument("--polnear-split", default="dev", choices=("dev", "train"),
                    help="the PolNeAR split to score (dev by default; train is what the rules were tuned on)")
    ap.add_argument("--sets", default=",".join(DEFAULT_SETS),
                    help=f"comma-separated sets to run, of {', '.join(SETS)} (default: all but heldout, which is "
                    "measured once and never shown)")
    ap.add_argument("--show", metavar="SET", help="print each article's errors in the set whose name ends with SET "
                    "(tune, report or tune2; never heldout)")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "eval" / "score.py").exists():
        print(f"bench/quotes.py: {shared} has no eval/score.py; pass --shared PATH", file=sys.stderr)
        return 2
    try:
        import textacy  # noqa: F401
    except ImportError:
        print("bench/quotes.py: textacy is not installed; run: .venv/bin/pip install textacy==0.13.0", file=sys.stderr)
        return 2
    sets = tuple(s.strip() for s in args.sets.split(",") if s.strip())
    unknown = [s for s in sets if s not in SETS]
    if unknown:
        print(f"bench/quotes.py: unknown set {unknown[0]!r}; choose from {', '.join(SETS)}", file=sys.stderr)
        return 2
    if args.show and "heldout".endswith(args.show):
        print("bench/quotes.py: the heldout split is only measured; --show tune or --show report", file=sys.stderr)
        return 2
    run(shared, args.limit, args.polnear_split, sets, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
