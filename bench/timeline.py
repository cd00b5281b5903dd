#!/usr/bin/env python3
"""Events on MEANTIME: mentions, polarity, factuality and event-time anchoring, nonpaper beside a baseline.

    .venv/bin/python bench/timeline.py [--shared ../shared] [--part tune|test|all] [--limit N]

MEANTIME (English Wikinews, ../shared/datasets/meantime_english/intra-doc_annotation) annotates the
headline and the first body sentences of each document with event mentions (polarity, certainty, time)
and TLINKs. The events stage reads body paragraphs only, so the body sentences are scored (the
headline's events are left out on both sides). Parts: `tune` = corpus_airbus + corpus_apple (the rules
were looked at against these), `test` = corpus_gm + corpus_stock (reported, not looked at while tuning).

- event mentions: a predicted mention is right when its trigger token overlaps a gold event mention's
  tokens (one prediction per gold event, the gold mention of fewest tokens first: some events are also
  marked on a discontinuous span); P/R/F1 over the annotated body sentences.
- polarity: POS/NEG on matched events (gold UNDERSPECIFIED or empty left out).
- factuality: (certainty, polarity, time) all equal on matched events, gold values all specified.
  nonpaper maps certain/probable/possible to CERTAIN/PROBABLE/POSSIBLE and a future tense or a planned
  event to FUTURE.
- anchoring: matched events with a gold TLINK to a time: the gold anchor is the time expression that
  includes the event (IS_INCLUDED / INCLUDES / SIMULTANEOUS with a timex in the text), else the event's
  relation to the document creation time (BEFORE -> past, AFTER -> future, overlap -> the day itself).
  nonpaper's anchor is the time expression it dates the event by (its own, the one governing its
  clause, else the one that fixed the publication day for an undated past event after it:
  `events.narrative`), else where its tense puts it against the publication date
  (`events.narrative.against_publication`: "would" under a past verb is before it; a gerund or a noun
  with no tense of its own stands where the verb governing it stands); the baseline's is the nearest
  time expression in the sentence (else none). An anchor on a time of the creation day (a clock time
  that day too) is right for an event on that day; one on "now" (PRESENT_REF), "recently" (PAST_REF) or
  "soon" (FUTURE_REF) is right for an event on that day, before it or after it.

Then, to read the figures: the baseline's factuality rules applied to nonpaper's own events (the rules
compared on the same events, by attribute); the negatives each system finds beside what an answer of
"positive" for every event scores (rows "all-positive": its accuracy on each system's events, and a NEG
precision, recall and F1 of 0, which is where a system's polarity shows), with the errors left, all that
a perfect system could gain; anchoring by how each system placed the event; and anchoring by
corpus beside what that corpus's gold anchors its events to (its annotators' share of "before" and "on
the creation day" for events told in the past differs from corpus to corpus).

The baseline is what one writes first: every verb (spaCy VERB) an event, dated by the nearest time
expression in its sentence, negative when it has a `neg` dependent, CERTAIN, FUTURE with will/shall.
Both read the same parse and the same time expressions (nonpaper's time stage).
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from nonpaper.events.extract import event_mentions, mention_modality  # noqa: E402
from nonpaper.events.narrative import against_publication, news_of_the_day  # noqa: E402
from nonpaper.events.timewords import the_day_first  # noqa: E402
from nonpaper.ingest import article_from_string  # noqa: E402
from nonpaper.text import parse as nlp  # noqa: E402
from nonpaper.time.extract import extract_timexes  # noqa: E402

PARTS = {"tune": ("corpus_airbus", "corpus_apple"), "test": ("corpus_gm", "corpus_stock")}
PARTS["all"] = PARTS["tune"] + PARTS["test"]
CONTAIN = {"IS_INCLUDED", "INCLUDES", "SIMULTANEOUS"}
INVERSE = {"BEFORE": "AFTER", "AFTER": "BEFORE", "INCLUDES": "IS_INCLUDED", "IS_INCLUDED": "INCLUDES"}
# TIMEX3 reference values: "now" is the creation time, "recently" before it, "soon" after it.
REF_RELATION = {"PRESENT_REF": "dct", "PAST_REF": "past", "FUTURE_REF": "future"}
NO_SPACE_BEFORE = re.compile(r"^([,.;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't|')$", re.I)  # as meantime_to_gold.py

# Published figures to set beside ours, found with the search tool; none is on the same split or task
# definition, so they say what is reachable, not who wins.
PUBLISHED = [
    ("TempEval-3 event extraction (TimeML events, TempEval-3 platinum news test set), best system ATT-1",
     "P 0.814, R 0.806, F1 0.81",
     "UzZaman et al., SemEval-2013 Task 1 (TempEval-3); table reproduced in github.com/tommasoc80/TimeMLEventTrigger"),
    ("the same, CRF over Stanford CoreNLP + NewsReader features (Caselli)", "P 0.817, R 0.820, F1 0.817",
     "github.com/tommasoc80/TimeMLEventTrigger (README, TempEval-3 platinum)"),
    ("SemEval-2015 Task 4 TimeLine (MEANTIME Wikinews, cross-document timelines from raw text), best run",
     "F1 0.0785 (events anchored and ordered per entity, a harder task)",
     "Minard et al., SemEval-2015 Task 4: TimeLine: Cross-Document Event Ordering"),
]


def detok(tokens: list[str]) -> str:
    out = ""
    for tok in tokens:
        if out and not NO_SPACE_BEFORE.match(tok) and not out.endswith(("(", "[", "$")):
            out += " "
        out += tok
    return out


class Doc:
    """One MEANTIME document: its text as the converter writes it, gold events, timexes and TLINKs."""

    def __init__(self, path: Path) -> None:
        root = ET.parse(path).getroot()
        self.name = path.stem
        self.tokens = {t.get("t_id"): (int(t.get("sentence")), t.text or "") for t in root.iter("token")}
        marks = root.find("Markables")
        self.dct, dct_tokens = None, set()
        self.timex = {}
        for tx in marks.iter("TIMEX3"):
            ids = [a.get("t_id") for a in tx.findall("token_anchor")]
            if tx.get("functionInDocument") == "CREATION_TIME":
                self.dct, dct_tokens = tx.get("value"), set(ids)
                self.dct_id = tx.get("m_id")
            self.timex[tx.get("m_id")] = ids
        self.events = {}
        for e in marks.iter("EVENT_MENTION"):
            ids = [a.get("t_id") for a in e.findall("token_anchor")]
            if ids:
                self.events[e.get("m_id")] = {"tokens": ids, "polarity": e.get("polarity") or "",
                                              "certainty": e.get("certainty") or "", "time": e.get("time") or ""}
        self.anchor = {}
        for r in root.iter("TLINK"):
            s, t, rel = r.find("source").get("m_id"), r.find("target").get("m_id"), r.get("reltype")
            if s in self.events and t in self.timex:
                ev, tx = s, t
            elif t in self.events and s in self.timex:
                ev, tx, rel = t, s, INVERSE.get(rel, rel)
            else:
                continue
            if tx == getattr(self, "dct_id", None):
                kind = {"BEFORE": "past", "AFTER": "future"}.get(rel, "dct" if rel in CONTAIN else None)
                if kind and ev not in self.anchor:
                    self.anchor[ev] = ("rel", kind)
            elif rel in CONTAIN and self.timex[tx]:
                self.anchor[ev] = ("timex", tuple(self.timex[tx]))  # a time in the text wins over the DCT
        sentences: dict[int, list[str]] = {}
        for tid, (sent, text) in self.tokens.items():
            if tid not in dct_tokens:
                sentences.setdefault(sent, []).append(tid)
        order = sorted(sentences)
        self.body_sentences = order[1:]
        self.text = detok([self.tokens[t][1] for t in sentences[order[0]]]) + "\n\n" + " ".join(
            detok([self.tokens[t][1] for t in sentences[s]]) for s in order[1:]) + "\n"
        self.body_ids = [t for s in order[1:] for t in sentences[s]]
        # events are annotated in the first sentences only: the tokens of sentences that hold one
        annotated = {self.tokens[t][0] for e in self.events.values() for t in e["tokens"]}
        self.annotated_ids = {t for t in self.body_ids if self.tokens[t][0] in annotated}

    def offsets(self, body: str) -> dict[str, tuple[int, int]]:
        """Character span of every body token in the article's body text (found in order)."""
        out, cur = {}, 0
        for tid in self.body_ids:
            word = self.tokens[tid][1]
            at = body.find(word, cur)
            if at < 0 or at - cur > 40:
                continue
            out[tid] = (at, at + len(word))
            cur = at + len(word)
        return out


def nonpaper_events(parsed, timexes):
    out = []
    mentions = event_mentions(parsed, None, timexes, broad=True)
    news = news_of_the_day(parsed, mentions, timexes)
    for m in mentions:
        tok = parsed.doc[m.i]
        mod = mention_modality(parsed, m)
        # a DURATION here is a stretch holding the event ("within the next six months", `mentions.containing`)
        own = [t for t in m.timexes if t.type in ("DATE", "TIME", "DURATION")]
        governing = [t for t in m.clause_times if t.type in ("DATE", "TIME", "DURATION")]
        time = next(iter(the_day_first(parsed, own, governing)), news.get(m.i))
        if time is not None:
            anchor = ("timex", (time.start, time.end), time.value)
            how = "its own time" if time in own else "the time governing its clause" if time in governing \
                else "news of the day"
        else:
            anchor = ("rel", against_publication(tok, mod))
            how = f"tense: {anchor[1] or 'none'}"
        out.append({"span": (tok.idx, tok.idx + len(tok)), "polarity": "NEG" if mod.polarity == "negative" else "POS",
                    "certainty": mod.certainty.upper(),
                    "time": "FUTURE" if mod.tense == "future" or mod.modality == "planned" else "NON_FUTURE",
                    "anchor": anchor, "how": how, "baseline_rules": baseline_factuality(tok)})
    return out


def baseline_factuality(tok) -> tuple[str, str, str]:
    """The baseline's polarity, certainty and time for one token: negative with a `neg` dependent,
    always certain, future with will/shall."""
    future = any(c.lower_ in ("will", "shall", "'ll") for c in tok.children)
    return ("NEG" if any(c.dep_ == "neg" for c in tok.children) else "POS", "CERTAIN",
            "FUTURE" if future else "NON_FUTURE")


def baseline_events(parsed, timexes):
    out = []
    dated = [t for t in timexes if t.type in ("DATE", "TIME") and t.field == "text"]
    for tok in parsed.doc:
        if tok.pos_ != "VERB":
            continue
        sent = tok.sent
        near = [t for t in dated if sent.start_char <= t.start < sent.end_char]
        time = min(near, key=lambda t: abs(t.start - tok.idx)) if near else None
        polarity, certainty, when = baseline_factuality(tok)
        out.append({"span": (tok.idx, tok.idx + len(tok)), "polarity": polarity, "certainty": certainty, "time": when,
                    "anchor": ("timex", (time.start, time.end), time.value) if time else ("rel", None),
                    "how": "nearest time in its sentence" if time else "none"})
    return out


def score_doc(doc: Doc, found: list[dict], offsets: dict, dct: str | None, c: Counter) -> dict:
    """Counts into `c`; returns, per matched gold event, which of polarity, factuality, anchoring were
    right (None where the gold value is unspecified), to compare systems on the events both found."""
    per: dict = {}
    gold = {}
    for eid, e in doc.events.items():
        spans = [offsets[t] for t in e["tokens"] if t in offsets]
        if spans:
            gold[eid] = spans
    inside = [offsets[t] for t in doc.annotated_ids if t in offsets]
    region = (min((s for s, _ in inside), default=0), max((e for _, e in inside), default=0))
    preds = [p for p in found if region[0] <= p["span"][0] < region[1]]
    c["gold"] += len(gold)
    c["pred"] += len(preds)
    taken = set()
    for p in preds:
        # the tightest gold mention the trigger overlaps: MEANTIME also marks some events twice, once on a
        # discontinuous span ("obtained ... published"), which must not take the "obtained" of its own
        overlapping = [g for g, spans in gold.items() if g not in taken
                       and any(s < p["span"][1] and p["span"][0] < e for s, e in spans)]
        hit = min(overlapping, key=lambda g: len(gold[g])) if overlapping else None
        if hit is None:
            continue
        taken.add(hit)
        c["match"] += 1
        g = doc.events[hit]
        mine = per.setdefault(f"{doc.name}:{hit}", {"pol": None, "fact": None, "anc": None})
        if g["polarity"] in ("POS", "NEG"):
            c["pol_n"] += 1
            c["pol_ok"] += p["polarity"] == g["polarity"]
            c["neg_gold"] += g["polarity"] == "NEG"
            c["neg_pred"] += p["polarity"] == "NEG"
            c["neg_both"] += p["polarity"] == g["polarity"] == "NEG"
            mine["pol"] = p["polarity"] == g["polarity"]
        if g["polarity"] in ("POS", "NEG") and g["certainty"] in ("CERTAIN", "PROBABLE", "POSSIBLE") \
                and g["time"] in ("FUTURE", "NON_FUTURE"):
            c["fact_n"] += 1
            c["fact_ok"] += (p["polarity"], p["certainty"], p["time"]) == (g["polarity"], g["certainty"], g["time"])
            if "baseline_rules" in p:  # the baseline's rules on this system's events: the rules compared alone
                c["fact_rules_ok"] += p["baseline_rules"] == (g["polarity"], g["certainty"], g["time"])
                for k, key in enumerate(("polarity", "certainty", "time")):
                    c[("attr", key, "ours")] += p[key] == g[key]
                    c[("attr", key, "rules")] += p["baseline_rules"][k] == g[key]
            mine["fact"] = (p["polarity"], p["certainty"], p["time"]) == (g["polarity"], g["certainty"], g["time"])
        if hit in doc.anchor:
            kind, value = doc.anchor[hit]
            c["anc_n"] += 1
            c["anc_text_n"] += kind == "timex"
            ok = False
            if kind == "timex":
                spans = [offsets[t] for t in value if t in offsets]
                ok = p["anchor"][0] == "timex" and any(s < p["anchor"][1][1] and p["anchor"][1][0] < e
                                                       for s, e in spans)
                c["anc_text_ok"] += ok
            elif p["anchor"][0] == "rel":
                ok = p["anchor"][1] == value
            elif p["anchor"][2] in REF_RELATION:  # "now", "recently", "soon": the creation time, before it, after it
                ok = REF_RELATION[p["anchor"][2]] == value
            else:  # a time expression naming the creation day itself is the day
                ok = value == "dct" and dct is not None and (p["anchor"][2] or "")[:10] == dct  # a clock time that day too
            c["anc_ok"] += ok
            c[("how", p["how"], "n")] += 1
            c[("how", p["how"], "ok")] += bool(ok)
            mine["anc"] = bool(ok)
    return per


def run(shared: Path, part: str, limit: int | None) -> dict[str, Counter]:
    base = shared / "datasets" / "meantime_english" / "intra-doc_annotation"
    paths = sorted(p for corpus in PARTS[part] for p in (base / corpus).glob("*.xml"))[:limit]
    totals = {"nonpaper": Counter(), "baseline": Counter()}
    results: dict[str, dict] = {"nonpaper": {}, "baseline": {}}
    for path in paths:
        doc = Doc(path)
        dct = doc.dct if doc.dct and re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.dct) else None
        art = article_from_string(doc.text, published=dct)
        parsed = nlp.parse(art)
        offsets = doc.offsets(art.text)
        timexes = extract_timexes(parsed)
        corpus = path.parent.name
        for kind, value in doc.anchor.values():  # what the gold anchors its events to, per corpus
            totals["nonpaper"][("gold", corpus, "time in the text" if kind == "timex" else value)] += 1
        for name, system in (("nonpaper", nonpaper_events), ("baseline", baseline_events)):
            before = totals[name]["anc_n"], totals[name]["anc_ok"]
            results[name].update(score_doc(doc, system(parsed, timexes), offsets, dct, totals[name]))
            totals[name]["docs"] += 1
            totals[name][("corpus", corpus, "n")] += totals[name]["anc_n"] - before[0]
            totals[name][("corpus", corpus, "ok")] += totals[name]["anc_ok"] - before[1]
    both = results["nonpaper"].keys() & results["baseline"].keys()
    for name in totals:  # the same gold events for both systems: those both found
        for key in ("pol", "fact", "anc"):
            scored = [results[name][g][key] for g in both if results[name][g][key] is not None
                      and results["baseline" if name == "nonpaper" else "nonpaper"][g][key] is not None]
            totals[name][f"both_{key}_n"] = len(scored)
            totals[name][f"both_{key}_ok"] = sum(scored)
    return totals


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.environ.get("NONPAPER_SHARED", str(ROOT.parent / "shared")))
    ap.add_argument("--part", choices=("tune", "test", "all"), default="test")
    ap.add_argument("--limit", type=int, default=None, help="at most N documents")
    args = ap.parse_args(argv)
    if not (Path(args.shared) / "datasets" / "meantime_english").exists():
        print(f"bench/timeline.py: no datasets/meantime_english under {args.shared}; pass --shared PATH",
              file=sys.stderr)
        return 2
    nlp.load()
    totals = run(Path(args.shared), args.part, args.limit)
    print(f"MEANTIME English, part '{args.part}' ({', '.join(PARTS[args.part])}), body sentences")
    print("| system   | docs | gold | pred | match | P     | R     | F1    | polarity acc | factuality acc "
          "| anchoring acc | anchoring to a text time |")
    print("|----------|------|------|------|-------|-------|-------|-------|--------------|----------------"
          "|---------------|--------------------------|")
    for name, c in totals.items():
        p, r = ratio(c["match"], c["pred"]), ratio(c["match"], c["gold"])
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"| {name:<8} | {c['docs']:>4} | {c['gold']:>4} | {c['pred']:>4} | {c['match']:>5} | {p:.3f} | {r:.3f} "
              f"| {f1:.3f} | {ratio(c['pol_ok'], c['pol_n']):.3f} ({c['pol_n']:>4}) "
              f"| {ratio(c['fact_ok'], c['fact_n']):.3f} ({c['fact_n']:>4}) "
              f"| {ratio(c['anc_ok'], c['anc_n']):.3f} ({c['anc_n']:>4}) "
              f"| {ratio(c['anc_text_ok'], c['anc_text_n']):.3f} ({c['anc_text_n']:>4}) |")
    print()
    print("The same gold events for both systems (those both found):")
    print("| system   | polarity acc | factuality acc | anchoring acc |")
    print("|----------|--------------|----------------|---------------|")
    for name, c in totals.items():
        print(f"| {name:<8} | " + " | ".join(f"{ratio(c[f'both_{k}_ok'], c[f'both_{k}_n']):.3f} ({c[f'both_{k}_n']:>4})"
                                          for k in ("pol", "fact", "anc")) + " |")
    c = totals["nonpaper"]
    print(f"On nonpaper's matched events, the baseline's rules (neg dependent, always certain, will/shall) score "
          f"factuality {ratio(c['fact_rules_ok'], c['fact_n']):.3f} ({c['fact_n']}) against nonpaper's "
          f"{ratio(c['fact_ok'], c['fact_n']):.3f}; by attribute, nonpaper / the baseline's rules: " + ", ".join(
              f"{key} {ratio(c[('attr', key, 'ours')], c['fact_n']):.3f} / {ratio(c[('attr', key, 'rules')], c['fact_n']):.3f}"
              for key in ("polarity", "certainty", "time")))
    print()
    print("Polarity: an answer of 'positive' for every event scores 1 - (gold negatives / scored events); "
          "what tells a system apart is the negatives it finds (NEG P/R/F1: 'negative' as the class to find, "
          "which the all-positive answer never finds):")
    print("| system                  | scored | gold NEG | polarity acc | errors | NEG predicted | NEG right | NEG P | NEG R | NEG F1 |")
    print("|-------------------------|--------|----------|--------------|--------|---------------|-----------|-------|-------|--------|")
    rows = [(name, c["pol_n"], c["neg_gold"], c["pol_ok"], c["neg_pred"], c["neg_both"]) for name, c in totals.items()]
    rows += [(f"all-positive ({name})", c["pol_n"], c["neg_gold"], c["pol_n"] - c["neg_gold"], 0, 0)
             for name, c in totals.items()]
    for name, n, gold_neg, ok, pred_neg, both in rows:
        p_, r_ = ratio(both, pred_neg), ratio(both, gold_neg)
        print(f"| {name:<23} | {n:>6} | {gold_neg:>8} | {ratio(ok, n):.3f}        | {n - ok:>6} | {pred_neg:>13} "
              f"| {both:>9} | {p_:.3f} | {r_:.3f} | {2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0:.3f}  |")
    c = totals["nonpaper"]
    print(f"Room left: nonpaper's {c['pol_n'] - c['pol_ok']} polarity errors are all a perfect system could gain "
          f"(+{ratio(c['pol_n'] - c['pol_ok'], c['pol_n']):.3f}); the all-positive answer is "
          f"{ratio(c['neg_gold'], c['pol_n']):.3f} below perfect on the same events.")
    print()
    print("Anchoring by how each system placed the event (matched events with a gold anchor):")
    print("| system   | placed by                     | anchoring acc |")
    print("|----------|-------------------------------|---------------|")
    for name, c in totals.items():
        for how in sorted({k[1] for k in c if isinstance(k, tuple) and k[0] == "how"}):
            print(f"| {name:<8} | {how:<29} | {ratio(c[('how', how, 'ok')], c[('how', how, 'n')]):.3f} "
                  f"({c[('how', how, 'n')]:>4}) |")
    print()
    print("Anchoring by corpus, beside what the gold anchors its events to (all gold anchors of the part): "
          "annotators of one corpus may place a past event on the creation day where another's place it before")
    print("| corpus        | nonpaper acc  | baseline acc  | gold: text time | before (past) | on the day (dct) | after (future) |")
    print("|---------------|---------------|---------------|-----------------|---------------|------------------|----------------|")
    c, b = totals["nonpaper"], totals["baseline"]
    for corpus in PARTS[args.part]:
        gold = [c[("gold", corpus, k)] for k in ("time in the text", "past", "dct", "future")]
        print(f"| {corpus:<13} | {ratio(c[('corpus', corpus, 'ok')], c[('corpus', corpus, 'n')]):.3f} "
              f"({c[('corpus', corpus, 'n')]:>4}) | {ratio(b[('corpus', corpus, 'ok')], b[('corpus', corpus, 'n')]):.3f} "
              f"({b[('corpus', corpus, 'n')]:>4}) | " + " | ".join(f"{g:>{w}}" for g, w in zip(gold, (15, 13, 16, 14))) + " |")
    print()
    print("Published figures (not the same split or task definition):")
    for what, figure, cite in PUBLISHED:
        print(f"- {what}: {figure} ({cite})")
    print("(n) = matched events scored for that column. anchoring acc: the gold anchor is the including time "
          "expression, else the relation to the creation date (past / future / that day).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
