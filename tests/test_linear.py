"""Issue 19: per-item lookups by offset go through sorted arrays or dicts, not a scan of every item so far.

Not timed: each test compares a lookup with the scan it replaced (same answer, same order) and, where it
can, counts the work (iterations of a list, regex searches, normalisations) so that a scan coming back fails.
"""
from __future__ import annotations

import random

import pytest

from nonpaper.actors import people, roles, roster
from nonpaper.actors.clusters import Cluster
from nonpaper.claims import sources as claim_sources
from nonpaper.claims import time as claim_time
from nonpaper.claims.find import Context, statement_claims
from nonpaper.ingest.layout import build_article
from nonpaper.pipeline import analyze_parsed
from nonpaper.text import parse as nlp
from nonpaper.text.names import ents_of, norm_key
from nonpaper.text.offsets import Points, Spans, entity_holding


class Counted(list):
    """A list that counts how often it is iterated."""
    iterations = 0

    def __iter__(self):
        type(self).iterations += 1
        return super().__iter__()


def _random_spans(rng: random.Random, n: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        start = rng.randrange(0, 500)
        out.append((start, start + rng.choice([0, 1, 3, 10, 40, 200])))
    return out


def test_points_and_spans_answer_as_a_scan_would():
    rng = random.Random(19)
    for _ in range(50):
        spans = _random_spans(rng, rng.randrange(0, 30))
        starts = [s if rng.random() > 0.2 else None for s, _ in spans]
        points, index = Points(starts), Spans(spans)
        for _ in range(40):
            lo = rng.randrange(-5, 520)
            hi = lo + rng.randrange(0, 60)
            assert points.between(lo, hi) == [i for i, s in enumerate(starts) if s is not None and lo <= s < hi]
            assert index.overlapping(lo, hi) == [i for i, (s, e) in enumerate(spans) if s < hi and e > lo]
            assert index.overlaps(lo, hi) == any(s < hi and e > lo for s, e in spans)
            assert index.holds(lo) == any(s <= lo < e for s, e in spans)


ARTICLE = ("Harbour Talks Resume\n\n"
           "The harbour workers' union said on Monday that talks with the port authority had resumed. "
           "“We are back at the table,” said Petra Lunde, the union's head.\n\n"
           "The port authority's director, Anton Wiik, said the strike cost 2 million euros a day. "
           "Lunde disputed the figure. “It is nowhere near that,” she said on Tuesday.\n\n"
           "Talks had collapsed on March 3, 2024, before the strike began on March 10, 2024. "
           "The union's spokeswoman said the vote would be held on Friday. Wiik told reporters the "
           "authority expected an agreement before April 1, 2024. The director added that "
           "“nobody wants another week of this.”\n\n"
           "Mr. Wiik, the director, said he was hopeful. Anton said the strike would end soon. "
           "The union's head said she agreed.\n\n"
           "Inspectors found the crane unsafe on March 3, 2024. Engineers logged cracks in its arm on "
           "March 3, 2024, the report said.")


@pytest.fixture(scope="module")
def analysed():
    art = build_article(ARTICLE, published="2024-03-15")
    parsed = nlp.parse(art)
    return parsed, analyze_parsed(parsed)


def test_entity_holding_is_the_entity_a_scan_finds(analysed):
    parsed, _ = analysed
    doc = parsed.doc
    assert ents_of(doc)
    for tok in doc:
        scan = next((e for e in ents_of(doc) if e.start <= tok.i < e.end), None)
        assert entity_holding(doc, tok.i) == scan


def test_quotes_in_sentence_as_the_scan_and_without_one(analysed):
    parsed, analysis = analysed
    ctx = Context(parsed, analysis)
    quotes = ctx.sources.quotes
    assert len(quotes) >= 3

    def scan(sent):
        return [q for q in quotes if (q.cue_start is not None and sent.start_char <= q.cue_start < sent.end_char)
                or sent.start_char <= q.start < sent.end_char]
    for sent in ctx.sents:
        assert ctx.sources.quotes_in_sentence(sent) == scan(sent)
    Counted.iterations = 0
    ctx.sources.quotes = Counted(quotes)
    for sent in ctx.sents:
        ctx.sources.quotes_in_sentence(sent)
    assert Counted.iterations <= 2  # indexed once (cues and starts), not read per sentence


def test_statement_claims_reads_the_quotes_once_not_per_sentence(analysed):
    parsed, analysis = analysed
    ctx = Context(parsed, analysis)
    before = [(c.actor, c.start, c.end, c.text) for c in statement_claims(ctx)]
    ctx = Context(parsed, analysis)
    Counted.iterations = 0
    ctx.sources.quotes = Counted(ctx.sources.quotes)
    after = [(c.actor, c.start, c.end, c.text) for c in statement_claims(ctx)]
    assert after == before and len(ctx.sents) > 8
    # the quote claims' own loop, the sentences' overlap index, the per-sentence index, claim()'s id index
    assert Counted.iterations <= 6


def test_statement_claims_finds_bulleted_lines_without_reading_the_blocks_per_sentence(analysed):
    parsed, analysis = analysed
    before = [(c.actor, c.start, c.text) for c in statement_claims(Context(parsed, analysis))]
    blocks = parsed.article.blocks
    Counted.iterations = 0
    parsed.article.blocks = Counted(blocks)
    try:
        after = [(c.actor, c.start, c.text) for c in statement_claims(Context(parsed, analysis))]
    finally:
        parsed.article.blocks = blocks
    assert after == before
    assert Counted.iterations <= 2  # the paragraphs once, not a scan of the blocks for every sentence


def test_events_at_as_the_scan(analysed):
    parsed, analysis = analysed
    ctx = Context(parsed, analysis)
    assert analysis.events

    def scan(start, end):
        out = []
        for e in analysis.events:
            spans = [(m.start, m.end) for m in e.mentions] or [(e.start, e.end)]
            if any(s < end and start < t for s, t in spans) and e.id not in out:
                out.append(e.id)
        return out
    for lo in range(0, len(parsed.text), 7):
        for width in (1, 30, 400):
            assert ctx.events_at(lo, lo + width) == scan(lo, lo + width)


def test_dates_in_as_the_scan_and_indexed_once(analysed):
    parsed, analysis = analysed
    ctx = Context(parsed, analysis)

    def scan(tokens):
        lo, hi = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
        found = {t.value for t in analysis.timexes if t.type == "DATE" and lo <= t.start < hi and len(t.value) == 10}
        return found or {text.lower() for start, text in ctx.date_ents if lo <= start < hi
                         and any(ch.isdigit() for ch in text)}
    found = [claim_time.dates_in(ctx, list(sent)) for sent in ctx.sents]
    assert found == [scan(list(sent)) for sent in ctx.sents] and any(found)
    Counted.iterations = 0
    ctx = Context(parsed, analysis)
    analysis.timexes = Counted(analysis.timexes)
    try:
        for sent in ctx.sents:
            claim_time.dates_in(ctx, list(sent))
        assert Counted.iterations == 1
    finally:
        analysis.timexes = list(analysis.timexes)


def _registry(n_notes: int, seed: int = 7) -> roster.ActorRegistry:
    rng = random.Random(seed)
    reg = roster.ActorRegistry()
    ids = [reg.add(name, "person", title=title) for name, title in
           (("Anna Brill", "transport minister"), ("Olaf Sand", "harbour master"), ("Ida Kern", "union head"))]
    ids.append(reg.add("Port Authority", "organization"))
    for _ in range(n_notes):
        start = rng.randrange(0, 5000)
        reg.note(rng.choice(ids), start, start + 5, text="x" if rng.random() < 0.5 else None,
                 subject=rng.random() < 0.3)
        if rng.random() < 0.2:
            reg.seen()
    return reg


def test_note_keeps_every_mention_once_and_seen_sorted_as_the_stable_sort():
    reg = _registry(600)
    assert reg.seen() == sorted(reg._seen, key=lambda s: s.start)
    assert len({(s.actor, s.start) for s in reg.seen()}) == len(reg.seen())
    for actor in reg.actors():
        assert len({m.start for m in actor.mentions}) == len(actor.mentions)
    Counted.iterations = 0
    reg._seen = Counted(reg._seen)
    for start in range(0, 5000, 50):
        reg.note("anna-brill", start, start + 5, text="Brill", speaker=True)
    assert Counted.iterations == 0  # found by (actor, place), not by a scan of every mention so far


def test_note_does_not_change_a_list_a_caller_is_reading():
    reg = _registry(50)
    listed = reg.seen()
    copy = list(listed)
    reg.note("olaf-sand", 10_000, 10_005, text="Sand")
    assert listed == copy and reg.seen()[-1].start == 10_000


def _by_title_words_scan(registry, span_start, head_word, words):
    import re
    best, best_pos = None, -1
    for s in registry.seen():
        if s.start >= span_start:
            break
        actor = registry.get(s.actor)
        if actor.kind != "person":
            continue
        titles = " ".join(actor.titles + actor.aliases).lower()
        if re.search(rf"\b{re.escape(head_word)}\b", titles) and all(
                re.search(rf"\b{re.escape(w)}\b", titles) for w in words if w != head_word and not w.endswith("'s")):
            if s.start > best_pos:
                best, best_pos = s.actor, s.start
    return best


class _Head:
    def __init__(self, word: str) -> None:
        self.lower_ = word


class _Span:
    def __init__(self, start: int) -> None:
        self.start_char = start


def test_by_title_words_as_the_scan_trying_each_actor_once(monkeypatch):
    reg = _registry(800)
    for pos in range(0, 5200, 37):
        for head, words in (("minister", {"transport"}), ("master", set()), ("head", {"union"}),
                            ("director", set()), ("minister", {"finance"})):
            assert roles._by_title_words(reg, _Span(pos), _Head(head), words) == \
                _by_title_words_scan(reg, pos, head, words), (pos, head)
    calls = []
    real = roles.re.search
    monkeypatch.setattr(roles.re, "search", lambda *a, **k: calls.append(1) or real(*a, **k))
    roles._by_title_words(reg, _Span(5000), _Head("director"), {"port"})
    assert len(calls) <= 3  # three people, each tried once: not once per mention (800)


def test_by_first_name_as_the_scan_and_each_name_read_once(monkeypatch):
    rng = random.Random(3)
    firsts, lasts = ["Rena", "Olaf", "Ida", "Anna"], ["Brill", "Sand", "Kern", "Moe", "Dahl"]
    clusters = []
    for _ in range(40):
        c = Cluster(rng.choice(["person", "person", "organization"]))
        c.names = [rng.choice([f"{rng.choice(firsts)} {rng.choice(lasts)}", rng.choice(lasts)]) for _ in range(3)]
        clusters.append(c)

    def scan(key):
        found = [c for c in clusters if c.kind == "person"
                 and any(len(n.split()) > 1 and norm_key(n.split()[0]) == key for n in c.names)]
        return found if len(found) == 1 else []
    for step in range(60):  # names keep being added between lookups, as clustering does
        clusters[rng.randrange(len(clusters))].names.append(f"{rng.choice(firsts + ['Zed' + str(step)])} Moe")
        key = norm_key(rng.choice(firsts + [f"Zed{step}"]))
        assert people._by_first_name(clusters, key) == scan(key)
    calls = []
    real = people.norm_key
    monkeypatch.setattr(people, "norm_key", lambda t: calls.append(t) or real(t))
    for key in ("rena", "olaf", "ida"):
        people._by_first_name(clusters, key)
    assert calls == []  # every name was read before: none is normalised again


def test_by_first_name_reads_names_added_since():
    c = Cluster("person")
    c.names = ["Brill"]
    assert people._by_first_name([c], "anna") == []
    c.names.append("Anna Brill")
    assert people._by_first_name([c], "anna") == [c]


def test_sources_quotes_in_sentence_is_reindexed_for_a_new_quote_list(analysed):
    parsed, analysis = analysed
    src = claim_sources.Sources(parsed, analysis)
    sent = next(s for s in parsed.doc.sents if src.quotes_in_sentence(s))
    src.quotes = []
    assert src.quotes_in_sentence(sent) == []


def test_entity_holding_after_the_entities_change(analysed):
    parsed, _ = analysed
    ent = ents_of(parsed.doc)[0]
    assert entity_holding(parsed.doc, ent.start) == ent
    doc = nlp.load()("Nobody here.")
    assert entity_holding(doc, 0) is None



def test_resolve_pronoun_reads_only_the_window_before_it(monkeypatch):
    reg = _registry(900, seed=11)
    reg.gender.update({"anna-brill": "f", "olaf-sand": "m"})
    found = {(pos, p): roster.resolve_pronoun(reg, p, pos, sentence_start=pos - 40, paragraph_start=pos - 400)
             for pos in range(0, 5200, 23) for p in ("he", "she", "they", "it")}
    assert any(found.values())
    bounds = iter([])

    def whole(seq, x, key=None):  # the scan it replaced: every mention, filtered by the window
        nonlocal bounds
        return next(bounds)
    monkeypatch.setattr(roster, "bisect_left", whole)
    for (pos, p), actor in found.items():
        bounds = iter([0, len(reg.seen())])
        assert roster.resolve_pronoun(reg, p, pos, sentence_start=pos - 40, paragraph_start=pos - 400) == actor
    monkeypatch.undo()
    Counted.iterations = 0
    reg._sorted = Counted(reg.seen())
    roster.resolve_pronoun(reg, "he", 2500)
    assert Counted.iterations == 0  # sliced by bisect, never read whole


def test_trigger_events_and_event_lookups_as_the_scan(analysed):
    parsed, analysis = analysed
    ctx = Context(parsed, analysis)

    def scan(token):
        out = []
        for e in analysis.events:
            for m in e.mentions or [e]:
                if m.start <= token.idx < m.end:
                    before = parsed.doc.char_span(m.start, token.idx, alignment_mode="expand") if m.start < token.idx else []
                    if all(t.pos_ in ("DET", "ADJ", "PROPN", "NUM", "PUNCT", "PART") or t.dep_ in ("compound", "poss")
                           for t in before or []) and e.id not in out:
                        out.append(e.id)
        return out
    found = [ctx.trigger_events(tok) for tok in parsed.doc]
    assert found == [scan(tok) for tok in parsed.doc] and any(found)
    for e in analysis.events:
        assert ctx.event_text(e.id) == e.text and ctx.event_date(e.id) == e.date
    assert ctx.event_text("nope") is None and ctx.event_lemmas(None) == frozenset()


def test_quote_covering_as_the_scan(analysed):
    parsed, analysis = analysed
    src = claim_sources.Sources(parsed, analysis)

    def scan(start, end):
        inside = [q for q in src.quotes if q.start <= start and end <= q.end]
        spoken = [q for q in inside if q.speaker] or inside
        return min(spoken, key=lambda q: q.end - q.start) if spoken else None
    ends = sorted({q.end for q in src.quotes} | {q.start for q in src.quotes})
    cases = [(lo, lo + w) for lo in range(0, len(parsed.text), 3) for w in (0, 1, 25)] + [(e, e) for e in ends]
    assert any(scan(*c) for c in cases)
    assert all(src.quote_covering(*c) is scan(*c) for c in cases)


def test_typed_claims_inside_a_statement_as_the_scan():
    from nonpaper.claims import rebuttals
    from nonpaper.model import Claim

    rng = random.Random(5)
    kinds = list(rebuttals.TYPED) + ["statement", "denial"]
    typed = [Claim(id=f"c{i}", actor=rng.choice(["a", "b", None]), kind=rng.choice(kinds), text="x",
                   start=rng.choice([None] + list(range(0, 300, 7)))) for i in range(120)]
    index = rebuttals._typed_starts(typed)
    for i in range(200):
        start = rng.randrange(0, 300)
        claim = Claim(id="s", actor=rng.choice(["a", "b", None, "c"]), kind="statement", text="y", start=start,
                      end=rng.choice([None, start + rng.randrange(0, 40)]))
        scan = any(t.actor == claim.actor and t.kind in rebuttals.TYPED and t.start is not None
                   and claim.start <= t.start < (claim.end or claim.start + 1) for t in typed)
        assert rebuttals._typed_inside(claim, index) == scan


def test_nearest_mention_as_the_scan():
    reg = _registry(700, seed=13)

    def scan(ids, pos):
        best, best_pos = ids[0], -1
        for s in reg.seen():
            if s.actor in ids and s.start <= pos and s.start > best_pos:
                best, best_pos = s.actor, s.start
        return best
    ids = [a.id for a in reg.actors()]
    for pos in range(-10, 5200, 13):
        for pick in (ids, ids[:2], ids[2:], [ids[3], ids[0]], ["nobody", ids[1]]):
            assert roster._nearest(reg, pick, pos) == scan(pick, pos)


def test_actor_by_name_as_the_scan(analysed):
    parsed, analysis = analysed
    src = claim_sources.Sources(parsed, analysis)
    norm = claim_sources._norm

    def scan(text):
        n = norm(text)
        if not n:
            return None
        for a in src.actors.values():
            if n in {norm(x) for x in [a.name, *a.aliases]}:
                return a.id
        for a in src.actors.values():
            if a.kind == "person" and a.name.split() and n.split()[-1] == norm(a.name).split()[-1]:
                return a.id
        return next((a.id for a in src.actors.values() if a.kind != "person" and norm(a.name) and norm(a.name) in n), None)
    names = [x for a in analysis.actors for x in [a.name, *a.aliases]]
    texts = names + [f"the {n}'s" for n in names] + [n.split()[-1] for n in names] + ["", "the", "Nobody Here",
                                                                                   "a union of the harbour workers"]
    assert any(scan(t) for t in texts)
    assert [src.actor_by_name(t) for t in texts] == [scan(t) for t in texts]


def test_same_date_lemmas_reads_each_sentence_once(analysed, monkeypatch):
    parsed, analysis = analysed
    ctx = Context(parsed, analysis)
    dated = [list(s) for s in ctx.sents if claim_time.dates_in(ctx, list(s))]
    assert len(dated) >= 2
    expected = []
    for tokens in dated:  # the scan it replaced: each sentence's dates read again for every call
        dates = claim_time.dates_in(ctx, tokens)
        own, out = tokens[0].sent.start, set()
        for sent in ctx.sents:
            if sent.start == own or not (claim_time.dates_in(ctx, list(sent)) & dates):
                continue
            verbs = [t for t in sent if t.pos_ == "VERB" and t.dep_ in claim_time.CLAUSE_DEPS]
            for v in verbs[-1:]:
                out |= claim_time.content_lemmas([x for x in v.subtree if x.dep_ != "relcl"], names=False)
        expected.append(frozenset(out))
    assert [claim_time._same_date_lemmas(ctx, t) for t in dated] == expected and any(expected)
    calls = []
    real = claim_time.dates_in
    monkeypatch.setattr(claim_time, "dates_in", lambda c, t: calls.append(1) or real(c, t))
    for tokens in dated:
        claim_time._same_date_lemmas(ctx, tokens)
    assert len(calls) <= 2 * len(dated)  # its own tokens and the excluded ones: no sentence read again


class CountedTuple(tuple):
    """A tuple that counts how often it is iterated."""
    iterations = 0

    def __iter__(self):
        type(self).iterations += 1
        return super().__iter__()


def test_entity_at_as_the_scan_and_the_entities_read_once(analysed):
    from nonpaper.text.names import ENTS_KEY, entity_at

    parsed, _ = analysed
    doc = parsed.doc
    ents = ents_of(doc)
    assert [entity_at(tok) for tok in doc] == [next((e for e in ents if e.start <= tok.i < e.end), None)
                                               for tok in doc]
    CountedTuple.iterations = 0
    doc.user_data[ENTS_KEY] = CountedTuple(ents)
    try:
        found = [entity_at(tok) for tok in doc]
        assert CountedTuple.iterations <= 1  # indexed once for the new entities, not scanned per token
        assert found == [next((e for e in ents if e.start <= tok.i < e.end), None) for tok in doc] and any(found)
    finally:
        doc.user_data[ENTS_KEY] = ents


def test_synonyms_built_once(monkeypatch):
    from nonpaper.claims import text as claim_text

    claim_text._synonyms.cache_clear()
    calls = []
    real = claim_text.resources.mapping
    monkeypatch.setattr(claim_text.resources, "mapping", lambda name: calls.append(name) or real(name))
    first = claim_text.stems(["draft", "memo", "quayside", "type:call"])
    for _ in range(50):
        assert claim_text.stems(["draft", "memo", "quayside", "type:call"]) == first
    assert len(calls) <= 1
    table = real("claim_topics.json").get("synonyms", {})  # the table as it was rebuilt on every call
    classes = {w: "=" + cls for cls, words in table.items() for w in words}
    words = ["draft", "memo", "inspection", "quayside", "type:call"]
    assert claim_text.stems(words) == frozenset(w if ":" in w else classes.get(w, claim_text.stem(w)) for w in words)


def _dedupe_scan(quotes):
    """quotes/extract.py's `_dedupe` as it was: each quotation compared with every one kept so far."""
    out = []
    for q in sorted(quotes, key=lambda q: (q.kind != "direct", q.start if q.start is not None else -1)):
        if q.start is not None and any(o.start is not None and o.field == q.field and o.start == q.start
                                       and o.end == q.end for o in out):
            continue
        if q.kind != "direct" and q.start is not None and any(
                o.kind == "direct" and o.start is not None and o.start <= q.start and q.end <= o.end for o in out):
            continue
        out.append(q)
    return out


def test_dedupe_quotes_as_the_scan():
    from nonpaper.model import Quote
    from nonpaper.quotes import extract as quote_extract

    rng = random.Random(18)
    for _ in range(200):
        quotes = []
        for i in range(rng.randrange(0, 40)):
            start = rng.choice([None] + list(range(0, 200, 9)))
            end = None if start is None else start + rng.choice([1, 5, 20, 60])
            quotes.append(Quote(id=f"q{i}", kind=rng.choice(["direct", "indirect", "mixed"]), text="x",
                                start=start, end=end, speaker=None, field=rng.choice(["text", "text", "title"])))
        assert [id(q) for q in quote_extract._dedupe(quotes)] == [id(q) for q in _dedupe_scan(quotes)]


def test_dedupe_quotes_reads_each_quotation_a_bounded_number_of_times():
    from nonpaper.model import Quote
    from nonpaper.quotes import extract as quote_extract

    reads = [0]

    class CountedQuote(Quote):
        def __getattribute__(self, name):
            if name == "start":
                reads[0] += 1
            return super().__getattribute__(name)

    quotes = [CountedQuote(id=f"q{i}", kind="direct" if i % 3 else "indirect", text="x", start=i * 10,
                           end=i * 10 + (25 if i % 3 else 5), speaker=None) for i in range(600)]
    expected = [id(q) for q in _dedupe_scan(quotes)]
    reads[0] = 0
    assert [id(q) for q in quote_extract._dedupe(quotes)] == expected
    assert reads[0] <= 12 * len(quotes)  # a few reads of its own, not one per quotation kept (~180,000)


def _date_orderings_scan(events, rels, nearest=3):
    """events/extract.py's `_date_orderings` as it was: every dated event compared with every other."""
    from nonpaper.events.extract import RawRelation, _when

    related = {(r.source, r.target) for r in rels} | {(r.target, r.source) for r in rels}
    out = []
    dated = sorted(((i, e) for i, e in enumerate(events)
                    if e.date_earliest and e.date_latest and e.date_precision != "disputed"
                    and e.polarity != "negative" and e.modality != "hypothetical"),
                   key=lambda ie: (ie[1].date_earliest, ie[1].date_latest))
    for a, ea in dated:
        later = [(b, eb) for b, eb in dated if ea.date_latest < eb.date_earliest
                 and ea.date_asserted_by == eb.date_asserted_by]
        periods = list(dict.fromkeys((eb.date_earliest, eb.date_latest) for _, eb in later))[:nearest]
        for b, eb in (x for x in later if (x[1].date_earliest, x[1].date_latest) in periods):
            if (a, b) in related:
                continue
            related |= {(a, b), (b, a)}
            out.append(RawRelation(a, "BEFORE", b, ea.date_asserted_by, None,
                                   f"by date: {ea.text} ({_when(ea)}) before {eb.text} ({_when(eb)})", None,
                                   min(ea.start, eb.start), max(ea.end, eb.end)))
    return out


def _dated_events(rng: random.Random, n: int):
    from nonpaper.model import Event

    events = []
    for i in range(n):
        day = rng.randrange(1, 20)
        span = rng.choice([0, 0, 0, 2, 9])
        events.append(Event(id=f"e{i}", text=f"event{i}", start=i * 10, end=i * 10 + 5,
                            date_earliest=None if rng.random() < 0.1 else f"2024-03-{day:02d}",
                            date_latest=f"2024-03-{min(day + span, 28):02d}",
                            date_precision=rng.choice(["day", "range", "day", "disputed"]),
                            date_asserted_by=rng.choice([None, None, "anna", "olaf"]),
                            polarity=rng.choice(["positive"] * 5 + ["negative"]),
                            modality=rng.choice(["asserted"] * 5 + ["hypothetical"])))
    return events


def test_date_orderings_as_the_scan():
    from nonpaper.events import extract as event_extract
    from nonpaper.events.relations import RawRelation

    rng = random.Random(9)
    for _ in range(60):
        events = _dated_events(rng, rng.randrange(0, 60))
        rels = [RawRelation(rng.randrange(len(events)), "BEFORE", rng.randrange(len(events)), None, None, "", None, 0, 0)
                for _ in range(rng.randrange(0, 5))] if events else []
        for nearest in (1, 3):
            assert event_extract._date_orderings(events, rels, nearest) == _date_orderings_scan(events, rels, nearest)


class CountedDate(str):
    """A date string that counts how often it is compared by <."""
    compared = 0

    def __lt__(self, other):
        type(self).compared += 1
        return str.__lt__(self, other)


def test_date_orderings_compares_each_event_with_its_nearest_periods_only():
    from nonpaper.events import extract as event_extract

    events = _dated_events(random.Random(4), 400)
    for e in events:  # one asserter, none left out: the scan compares 400 x 400 dates
        e.date_asserted_by, e.polarity, e.modality, e.date_precision = None, "positive", "asserted", "day"
        e.date_earliest, e.date_latest = CountedDate(e.date_earliest or "2024-03-01"), CountedDate(e.date_latest)
    expected = _date_orderings_scan(events, [])
    CountedDate.compared = 0
    assert event_extract._date_orderings(events, []) == expected
    # the sort (n log n) and a bisect per event (log n): not one comparison per pair (160,000)
    assert CountedDate.compared <= 20 * len(events)


def test_ents_within_as_the_scan_and_the_entities_read_once(analysed):
    from nonpaper.text.names import ENTS_KEY, ents_within

    parsed, _ = analysed
    doc = parsed.doc
    ents = ents_of(doc)
    cases = [(lo, lo + w) for lo in range(-2, len(doc) + 2) for w in (0, 1, 3, 12, 60)]
    scan = [[e for e in ents if lo <= e.start and e.end <= hi] for lo, hi in cases]
    assert [ents_within(doc, lo, hi) for lo, hi in cases] == scan and any(scan)
    CountedTuple.iterations = 0
    doc.user_data[ENTS_KEY] = CountedTuple(ents)
    try:
        assert [ents_within(doc, lo, hi) for lo, hi in cases] == scan
        assert CountedTuple.iterations <= 1
    finally:
        doc.user_data[ENTS_KEY] = ents


def test_actor_at_as_the_scan_while_mentions_are_added():
    rng = random.Random(21)
    reg = _registry(700, seed=17)

    def scan(start, end):
        return next((s.actor for s in reg.seen() if s.start < end and start < s.end), None)
    for step in range(400):
        if step % 7 == 0:  # mentions keep being added between lookups, some longer than any before
            at = rng.randrange(0, 5000)
            reg.note(rng.choice([a.id for a in reg.actors()]), at, at + rng.choice([3, 30, 90]))
        lo = rng.randrange(-5, 5100)
        hi = lo + rng.randrange(0, 20)
        assert roster.actor_at(reg, lo, hi) == scan(lo, hi), (lo, hi)
    Counted.iterations = 0
    reg._sorted = Counted(reg.seen())
    for lo in range(0, 5000, 10):
        roster.actor_at(reg, lo, lo + 4)
    assert Counted.iterations == 0  # sliced by bisect, never read whole


def _same_org_ref(a, b):
    """actors/kinds.py's `same_org` as it was: both names normalised on every call."""
    from nonpaper.actors import kinds
    from nonpaper.lexicon import wordset
    from nonpaper.text.names import initials, strip_det

    ka, kb = norm_key(strip_det(a)), norm_key(strip_det(b))
    if ka == kb or kinds.full_body_name(ka) == kinds.full_body_name(kb):
        return True
    wa, wb = ka.split(), kb.split()
    if not wa or not wb:
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(long_) > len(short) and long_[:len(short)] == short and long_[-1] in wordset("member_body_nouns.txt"):
        return False
    if long_[:len(short)] == short or long_[-len(short):] == short:
        return True
    return len(short) == 1 and len(short[0]) > 1 and short[0].upper() in (
        initials(" ".join(long_)).upper(), kinds.content_initials(" ".join(long_)))


def test_same_org_as_before_and_each_name_normalised_once(monkeypatch):
    from nonpaper.actors import kinds

    names = ["the GOP", "Republican Party", "FT", "Financial Times", "The Financial Times", "NASA",
             "National Aeronautics and Space Administration", "Brackwater", "Brackwater Restoration",
             "Harwick Savings", "Harwick Savings Depositors' Association", "Castrel Philharmonic",
             "Philharmonic", "the Port Authority", "Port Authority's", "THE PORT AUTHORITY", "", "the",
             "Port 's Authority", "PA", "PSA", "Port of Skagen Authority", "Bank of the North", "BN", "BOTN"]
    pairs = [(a, b) for a in names for b in names]
    assert [kinds.same_org(a, b) for a, b in pairs] == [_same_org_ref(a, b) for a, b in pairs]
    assert any(kinds.same_org(a, b) for a, b in pairs if a != b)
    kinds._org_key.cache_clear()
    calls = []
    real = kinds.norm_key
    monkeypatch.setattr(kinds, "norm_key", lambda t: calls.append(t) or real(t))
    for _ in range(20):
        for a, b in pairs:
            kinds.same_org(a, b)
    assert len(calls) <= 3 * len(names)  # each name's keys once, not twice per pair (6,480 calls)


def test_quotes_around_as_the_scan():
    from nonpaper.model import Quote
    from nonpaper.quotes.indirect import _Quotes

    rng = random.Random(12)
    for _ in range(100):
        kept = _Quotes()
        for i in range(rng.randrange(0, 50)):
            start = rng.randrange(0, 400)
            kept.append(Quote(id=f"q{i}", kind="indirect", text="x", start=start,
                              end=start + rng.choice([0, 1, 8, 40, 150]), speaker=None))
            x = rng.randrange(-5, 600)
            assert sorted(map(id, kept.around(x))) == sorted(id(o) for o in kept if o.start < x < o.end)


def _quote_context(parsed):
    from nonpaper.actors import find_actors
    from nonpaper.quotes.attribution import find_attributions
    from nonpaper.quotes.classify import classify_spans
    from nonpaper.quotes.context import Context as QuoteContext
    from nonpaper.quotes.direct import direct_quotes
    from nonpaper.quotes.marks import scan
    from nonpaper.text.paragraphs import blank_line_spans, block_spans

    paragraphs = block_spans(parsed.article) or blank_line_spans(parsed.article.text)
    ctx = QuoteContext(parsed, find_actors(parsed), paragraphs, scan(parsed.article.text, paragraphs)[0])
    classify_spans(ctx)
    find_attributions(ctx)
    direct_quotes(ctx)
    return ctx


def test_indirect_quotes_read_the_cues_and_direct_quotations_a_bounded_number_of_times(analysed):
    from nonpaper.quotes.indirect import indirect_quotes

    parsed, analysis = analysed
    expected = [(q.start, q.end, q.kind, q.speaker, q.cue_start) for q in indirect_quotes(_quote_context(parsed))]
    assert expected and set(expected) <= {(q.start, q.end, q.kind, q.speaker, q.cue_start) for q in analysis.quotes}
    ctx = _quote_context(parsed)
    ctx.attributions, ctx.direct = Counted(ctx.attributions), Counted(ctx.direct)
    Counted.iterations = 0
    found = [(q.start, q.end, q.kind, q.speaker, q.cue_start) for q in indirect_quotes(ctx)]
    assert found == expected and len(ctx.attributions) >= 8
    # the stage's own loop over the cues, the used cues, one index of each: not one read per cue
    assert Counted.iterations <= 6


def test_block_spans_read_once_per_article_and_never_shared(analysed):
    from nonpaper.model import Block
    from nonpaper.text.paragraphs import block_spans, paragraph_spans

    parsed, _ = analysed
    art = parsed.article
    expected = [(b.start, b.end) for b in art.blocks if b.kind == "paragraph"]
    assert block_spans(art) == expected and paragraph_spans(art) == expected
    got = block_spans(art)
    got.append((0, 1))  # a caller's own list
    assert block_spans(art) == expected
    blocks = art.blocks
    art.blocks = Counted(blocks)
    try:
        Counted.iterations = 0
        for _ in range(50):
            assert block_spans(art) == expected
        assert Counted.iterations == 1
        art.blocks.append(Block(kind="paragraph", start=10_000, end=10_010))  # blocks added: read again
        assert block_spans(art) == expected + [(10_000, 10_010)]
    finally:
        art.blocks = blocks
    other = build_article("Two paragraphs\n\nOne here.\n\nAnd one more.")
    assert block_spans(other) == [(b.start, b.end) for b in other.blocks if b.kind == "paragraph"]
    assert block_spans(art) == expected


def test_people_by_last_word_as_the_scan_while_actors_are_added_and_change_kind():
    rng = random.Random(8)
    reg = roster.ActorRegistry()
    firsts, lasts = ["Anna", "Olaf", "Ida", "Per"], ["Brill", "Sand", "Kern", "Moe"]
    for step in range(120):
        kind = rng.choice(["person", "person", "organization", "government"])
        reg.add(f"{rng.choice(firsts)} {rng.choice(lasts)} {step % 3 or ''}".strip(), kind)
        if step % 9 == 0:  # a kind can change after the fact (quotes/headline.py does)
            actor = rng.choice(reg.actors())
            actor.kind = "organization" if actor.kind == "person" else "person"
        for last in [norm_key(x) for x in lasts] + ["1", "2", "nobody"]:
            scan = [a.id for a in reg.actors() if a.kind == "person" and roster._last_word(a.name) == last]
            assert [a.id for a in roster._by_last_word(reg).get(last, ()) if a.kind == "person"] == scan


def test_resolve_text_by_surname_reads_no_list_of_every_actor(monkeypatch):
    reg = _registry(300)
    before = [roster.resolve_text(reg, text, pos) for text in ("Brill", "Sand", "Mr. Kern", "Ms. Nobody")
              for pos in range(0, 5000, 250)]
    assert any(before)
    calls = []
    real = reg.actors
    monkeypatch.setattr(reg, "actors", lambda: calls.append(1) or real())
    after = [roster.resolve_text(reg, text, pos) for text in ("Brill", "Sand", "Mr. Kern", "Ms. Nobody")
             for pos in range(0, 5000, 250)]
    assert after == before and calls == []


def test_preceding_event_as_the_scan(analysed):
    """events/mentions._preceding: the mentions just before a time, by bisect, as the scan of all found them."""
    from types import SimpleNamespace

    from nonpaper.events import mentions as ev

    def scan(span, mentions, doc):  # the scan it replaced, kept here as the reference
        sent = span.sent
        verbs = {m.i for m in mentions if m.kind == "verb"}
        before = [m for m in mentions if sent.start <= m.i < span.start and span.start - m.i <= 14]
        for m in sorted(before, key=lambda m: -m.i):
            between = doc[m.i + 1:span.start]
            if any(t.lower_ in ev._CLAUSE_BREAK for t in between):
                return None
            if any(t.i in verbs for t in between):
                continue
            return m
        return None

    parsed, _ = analysed
    doc = parsed.doc
    # every verb and noun a mention, some twice (two mentions on one token keep their order)
    mentions = [SimpleNamespace(i=t.i, kind="verb" if t.pos_ == "VERB" else "noun")
                for t in doc if t.pos_ in ("VERB", "NOUN") for _ in range(1 + (t.i % 5 == 0))]
    random.Random(3).shuffle(mentions)
    index = ev.ByToken(mentions)
    spans = [doc[t.i:t.i + 1] for t in doc if t.ent_type_ in ("DATE", "TIME")]
    assert len(spans) > 3
    for span in spans:
        assert ev._preceding(span, index, doc) is scan(span, mentions, doc)
