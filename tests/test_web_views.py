"""The pure view helpers of the web UI: highlighting, labels, orderings in conflict, the time axis."""
from __future__ import annotations

from nonpaper.model import Actor, Analysis, Article, Block, Quote
from nonpaper.web import views


def _analysis(text: str, quotes: list[Quote], blocks=None, actors=None) -> Analysis:
    return Analysis(article=Article(id="a", text=text, blocks=blocks or []), quotes=quotes, actors=actors or [])


def _q(qid, start, end, speaker=None, kind="direct", text=""):
    return Quote(id=qid, kind=kind, text=text, start=start, end=end, speaker=speaker)


def _html(analysis) -> str:
    return "|".join(f"{kind}:{html}" for kind, html in views.highlighted(analysis))


def test_text_is_escaped_and_quotes_marked():
    text = 'He said <b>"no"</b> & left.'
    html = _html(_analysis(text, [_q("q1", 8, 19, "x")], actors=[Actor("x", "Xan Ro", "person")]))
    assert "&lt;b&gt;&#34;no&#34;&lt;/b&gt;" in html and "&amp; left." in html
    assert html.count("<mark ") == 1 and html.count("</mark>") == 1
    assert '<span class="who" aria-hidden="true">XR</span>' in html


def test_multi_paragraph_quote_split_per_paragraph_label_once():
    text = "First part of it\n\nsecond part here."
    blocks = [Block("paragraph", 0, 16), Block("paragraph", 18, 35)]
    out = views.highlighted(_analysis(text, [_q("q1", 6, 30, "x")], blocks, [Actor("x", "Ana", "person")]))
    assert len(out) == 2
    assert all('data-quote="quote-q1"' in str(h) for _, h in out)
    assert sum(str(h).count('class="who"') for _, h in out) == 1  # the label sits on the first piece


def test_nested_and_overlapping_quotes_make_valid_nesting():
    text = "abcdefghijklmnopqrstuvwxyz"
    quotes = [_q("outer", 2, 20), _q("inner", 5, 9), _q("cross", 15, 25)]
    html = _html(_analysis(text, quotes))
    depth = 0
    for tag in __import__("re").findall(r"</?mark", html):
        depth += 1 if tag == "<mark" else -1
        assert depth >= 0
    assert depth == 0
    plain = __import__("re").sub(r"<[^>]+>", "", html.split(":", 1)[1])
    assert "abcdefghijklmnopqrstuvwxyz" in plain.replace("?", "").replace("quote by unattributed: ", "")


def test_bad_offsets_are_ignored_not_fatal():
    text = "short text"
    html = _html(_analysis(text, [_q("q1", 5, 99), _q("q2", None, None), _q("q3", 4, 2)]))
    assert "<mark" not in html and "short text" in html


def test_no_blocks_splits_on_blank_lines():
    out = views.highlighted(_analysis("One.\n\nTwo\nlines.", []))
    assert [str(h) for _, h in out] == ["One.", "Two<br>lines."]


def test_initials_and_unique_labels():
    assert views.initials("Aleka Varn") == "AV"
    assert views.initials("the Ministry of Transport") == "MT"
    assert views.initials(None) == "?"
    a = Analysis(article=Article(id="a", text="x" * 40),
                 actors=[Actor("a1", "Ana Rho", "person"), Actor("a2", "Abel Ruiz", "person")],
                 quotes=[_q("q1", 0, 5, "a1"), _q("q2", 10, 15, "a2")])
    who = views.speakers(a)
    assert (who["a1"].label, who["a2"].label) == ("AR", "AR2")
    assert who["a1"].colour != who["a2"].colour


def test_conflicting_orderings():
    items = [{"id": "e1", "article_id": "x", "relations": [
                 {"source": "e1", "relation": "BEFORE", "target": "e2", "asserted_by": "a", "article_id": "x"}]},
             {"id": "e2", "article_id": "x", "relations": [
                 {"source": "e2", "relation": "BEFORE", "target": "e1", "asserted_by": "b", "article_id": "x"},
                 {"source": "e2", "relation": "AFTER", "target": "e3", "asserted_by": "b", "article_id": "x"}]},
             {"id": "e3", "article_id": "x", "relations": [
                 {"source": "e3", "relation": "BEFORE", "target": "e2", "asserted_by": "c", "article_id": "x"}]}]
    bad = views.conflicting_relations(items)
    assert ("x", "e1", "BEFORE", "e2", "a") in bad and ("x", "e2", "BEFORE", "e1", "b") in bad
    # e2 AFTER e3 and e3 BEFORE e2 say the same thing: no conflict
    assert ("x", "e2", "AFTER", "e3", "b") not in bad and ("x", "e3", "BEFORE", "e2", "c") not in bad


def test_time_axis_places_dates_in_order():
    items = [{"id": "e1", "date": "2026-02-02"}, {"id": "e2", "date": "2026-01-30"}, {"id": "e3", "date": None},
             {"id": "e4", "date": "2026-02"}, {"id": "e5", "date": "2026-02-02"}]
    axis = views.time_axis(items, set())
    xs = {p.item["id"]: p.x for p in axis.points}
    assert set(xs) == {"e1", "e2", "e4", "e5"}  # undated events stay off the axis
    assert xs["e2"] == views.PAD and xs["e1"] == 1000 - views.PAD and xs["e2"] < xs["e4"] < xs["e1"]
    assert axis.rows == 2  # two events on 2026-02-02 are stacked


def _boxes_overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_time_axis_labels_and_markers_never_overlap():
    """Issue 20: 2026-03-12, 2026-03-16 and 2026-09-07 were drawn on top of each other, and two
    markers coincided. In every layout (wide, mid, phone), no two tick labels and no two markers with
    their numbers overlap, and every label stays inside the axis."""
    days = ["2026-03-12", "2026-03-16", "2026-09-07", "2026-09-08", "2026-01-01", "2026-03-13", "2026-12-31",
            "2026-03", "2026-06-30", "2026-07-01"]
    items = [{"id": f"e{i}", "date": d} for i, d in enumerate(days * 2)]
    for name, width, font in views.AXIS_LAYOUTS:
        axis = views.time_axis(items, set(), width, font, name)
        labels = [(left, 0, left + views.text_width(text, font), font) for _, left, text in axis.ticks]
        assert len(labels) >= 2 and all(0 <= b[0] and b[2] <= width for b in labels), name
        marks = [(p.x - 13, p.row * views.ROW, p.x + 14 + views.text_width(str(p.n), font), p.row * views.ROW + 20)
                 for p in axis.points]
        for group in (labels, marks):
            for i, a in enumerate(group):
                assert not any(_boxes_overlap(a, b) for b in group[i + 1:]), (name, a)


def test_quotes_per_month():
    rows = views.quotes_per_month([{"published": "2026-02-04"}, {"published": "2026-02-11"}, {"published": None},
                                   {"published": "2026-01-01"}])
    assert rows == [("2026-01", 1, 0.5), ("2026-02", 2, 1.0), ("undated", 1, 0.5)]


def test_ids_and_links():
    assert views.dom_id("quote", 'q2"><x') == "quote-q2___x"
    assert views.local_id("art", "art:q3") == "q3" and views.local_id("art", "q3") == "q3"
    assert views.actor_href("a b", None) == "/actors/a%20b"
    assert views.actor_href("loc", "Ana Rho", {"loc": "ana-rho"}) == "/actors/ana-rho"
    assert views.actor_href("other", "Bo Li", {}) == "/actors?search=Bo%20Li"


def test_disputed_events_from_disputes():
    items = [{"id": "art:e1", "article_id": "art", "date": "2026-01-02", "relations": []},
             {"id": "b:e4", "article_id": "b", "date": None, "corpus_event": "ce7", "relations": []},
             {"id": "art:e2", "article_id": "art", "date": None, "relations": []}]
    disputes = [{"event": "e1", "articles": ["art"]}, {"event": "ce7", "articles": ["x", "y"]}]
    disputed = views.timeline_view(items, disputes)["disputed"]
    assert ("art", "art:e1") in disputed and ("b", "b:e4") in disputed
    assert ("art", "art:e2") not in disputed
