#!/usr/bin/env python3
"""Time expressions: nonpaper beside the anchor, on the dev articles and on MEANTIME, in one table.

    .venv/bin/python bench/time.py [--shared ../shared] [--limit N]

The anchor is what one would do with the usual tools: spaCy's DATE/TIME entities in the body,
normalised by dateparser with the publication date as RELATIVE_BASE. Both systems read the same
parsed articles (body paragraphs only, headings skipped); each file is scored by ../shared/eval/score.py
(timex F1, value accuracy = right values / gold timexes), micro-averaged per corpus.
MEANTIME is converted on the fly with ../shared/eval/meantime_to_gold.py into a temporary folder.
Note: MEANTIME annotates the headline too; nonpaper reads it (Timex.field "title"), the anchor does not.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time as clock
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from nonpaper.text import parse as nlp  # noqa: E402
from nonpaper.ingest import article_from_string  # noqa: E402
from nonpaper.model import Timex  # noqa: E402
from nonpaper.time.extract import extract_timexes, extract_title_timexes  # noqa: E402


def load_module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def anchor_timexes(parsed) -> list[Timex]:
    """spaCy DATE/TIME entities in body paragraphs, values from dateparser against the publication date."""
    import dateparser

    published = parsed.article.published
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(published[:10])
    body = [(b.start, b.end) for b in parsed.article.blocks if b.kind == "paragraph"] or [(0, len(parsed.text))]
    out = []
    for ent in parsed.doc.ents:
        if ent.label_ not in ("DATE", "TIME") or not any(s <= ent.start_char < e for s, e in body):
            continue
        got = dateparser.parse(ent.text, settings=settings)
        if got is None:
            value = ""
        elif ent.label_ == "TIME":
            value = got.strftime("%Y-%m-%dT%H:%M")
        else:
            value = got.date().isoformat()
        out.append(Timex(id=f"t{len(out) + 1}", text=ent.text, start=ent.start_char, end=ent.end_char,
                         type=ent.label_, value=value))
    return out


def nonpaper_timexes(parsed) -> list[Timex]:
    """The time stage as the pipeline runs it (without the quotes it gets there): body, then headline."""
    body = extract_timexes(parsed)
    return body + extract_title_timexes(parsed, len(body) + 1)


def pairs_dev(shared: Path):
    for gold_path in sorted((shared / "gold" / "dev").glob("D*.json")):
        text_path = shared / "articles" / "dev" / (gold_path.stem + ".txt")
        if text_path.exists():
            yield gold_path, text_path, None, 0


def annotated_body_chars(xml_path: Path, converter) -> int:
    """MEANTIME annotates the headline and the first sentences only (numbers 0-5): the length of the
    body text (as the converter writes it, headline removed) that those sentences cover."""
    import xml.etree.ElementTree as ET

    root = ET.parse(xml_path).getroot()
    dct = {a.get("t_id") for tx in root.iter("TIMEX3") if tx.get("functionInDocument") == "CREATION_TIME"
           for a in tx.findall("token_anchor")}
    sentences: dict[int, list[str]] = {}
    for tok in root.iter("token"):
        if tok.get("t_id") not in dct:
            sentences.setdefault(int(tok.get("sentence")), []).append(tok.text or "")
    numbers = sorted(sentences)[1:]  # the first is the headline
    covered = [converter.detokenize(sentences[n]) for n in numbers if n <= 5]
    return len(" ".join(covered)) + 1


def headline_gold(xml_path: Path) -> int:
    """Gold time expressions of a MEANTIME document that sit in its headline (sentence 0)."""
    import xml.etree.ElementTree as ET

    root = ET.parse(xml_path).getroot()
    sentence = {t.get("t_id"): t.get("sentence") for t in root.iter("token")}
    return sum(1 for tx in root.iter("TIMEX3") if tx.get("functionInDocument") != "CREATION_TIME"
               and [a for a in tx.findall("token_anchor")]
               and sentence.get(tx.find("token_anchor").get("t_id")) == "0")


def pairs_meantime(shared: Path, tmp: Path):
    source = shared / "datasets" / "meantime_english" / "intra-doc_annotation"
    converter_path = shared / "eval" / "meantime_to_gold.py"
    subprocess.run([sys.executable, str(converter_path), str(source), str(tmp)], check=True,
                   stdout=subprocess.DEVNULL)
    converter = load_module(converter_path, "shared_meantime")
    xml_by_stem = {converter.re.sub(r"[^\w.-]", "_", p.stem): p for p in source.rglob("*.xml")}
    for gold_path in sorted(tmp.glob("*.json")):
        xml = xml_by_stem.get(gold_path.stem)
        yield (gold_path, gold_path.with_suffix(".txt"), annotated_body_chars(xml, converter) if xml else None,
               headline_gold(xml) if xml else 0)


def run_corpus(pairs, score, limit: int | None) -> dict[str, Counter]:
    totals = {"nonpaper": Counter(), "anchor": Counter()}
    for n, (gold_path, text_path, region, in_headline) in enumerate(pairs):
        if limit and n >= limit:
            break
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = text_path.read_text(encoding="utf-8")
        parsed = nlp.parse(article_from_string(text, published=gold.get("reference_date")))
        for name, system in (("nonpaper", nonpaper_timexes), ("anchor", anchor_timexes)):
            t0 = clock.perf_counter()
            found = system(parsed)
            totals[name]["seconds_ms"] += int((clock.perf_counter() - t0) * 1000)
            out = {"timexes": [{"text": t.text, "type": t.type, "value": t.value} for t in found]}
            totals[name].update(score.score_timexes(gold, out)["_timex_counts"])
            if region is not None:  # predictions past the annotated sentences cannot be right or wrong
                found = [t for t in found if t.field != "text" or t.start < region]
            scored = {"timexes": [{"text": t.text, "type": t.type, "value": t.value} for t in found]}
            counts = score.score_timexes(gold, scored)["_timex_counts"]
            totals[name]["region_pred"] += counts["timex_pred"]
            totals[name]["region_found"] += counts["timex_found"]
            totals[name]["docs"] += 1
            totals[name]["headline_gold"] += in_headline if name == "nonpaper" else 0
    return totals


def row(corpus: str, system: str, c: Counter) -> str:
    p = c["timex_found"] / c["timex_pred"] if c["timex_pred"] else 0.0
    r = c["timex_found"] / c["timex_gold"] if c["timex_gold"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = c["timex_value_right"] / c["timex_gold"] if c["timex_gold"] else 0.0
    rp = c["region_found"] / c["region_pred"] if c["region_pred"] else 0.0
    rr = c["region_found"] / c["timex_gold"] if c["timex_gold"] else 0.0
    rf1 = 2 * rp * rr / (rp + rr) if rp + rr else 0.0
    return (f"| {corpus:<9} | {system:<8} | {c['docs']:>4} | {c['timex_gold']:>4} | {c['timex_pred']:>4} | "
            f"{c['timex_found']:>5} | {c['timex_value_right']:>5} | {f1:6.3f} | {rf1:11.3f} | {acc:9.3f} | "
            f"{c['seconds_ms']:>7} |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.environ.get("NONPAPER_SHARED", str(ROOT.parent / "shared")))
    ap.add_argument("--limit", type=int, default=None, help="at most N documents per corpus")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "eval" / "score.py").exists():
        print(f"bench/time.py: {shared} has no eval/score.py; pass --shared PATH", file=sys.stderr)
        return 2
    score = load_module(shared / "eval" / "score.py", "shared_score")
    nlp.load()
    results = {"dev": run_corpus(pairs_dev(shared), score, args.limit)}
    with tempfile.TemporaryDirectory() as tmp:
        results["MEANTIME"] = run_corpus(pairs_meantime(shared, Path(tmp)), score, args.limit)
    print("| corpus    | system   | docs | gold | pred | found | right | F1     | F1 scored¹  | value acc | time ms |")
    print("|-----------|----------|------|------|------|-------|-------|--------|-------------|-----------|---------|")
    for corpus, systems in results.items():
        for system, counts in systems.items():
            print(row(corpus, system, counts))
    print("¹ F1 counting only predictions in the annotated part (MEANTIME annotates its first sentences; "
          "dev: the whole body). value acc = right values / gold timexes.")
    for corpus, systems in results.items():
        head = systems["nonpaper"]["headline_gold"]
        if head:
            print(f"{corpus}: {head} of {systems['nonpaper']['timex_gold']} gold timexes are in headlines, "
                  f"which the anchor skips (body only).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
