"""Issue 20's load target made the pages' queries read less: the disputes of one article, the events
the timeline marks, a page of disputes named alone. Each must give what the whole list filtered in
Python gives."""
from __future__ import annotations

from nonpaper.model import Dispute, DisputeClaim
from test_store_support import make_analysis, pg_url, store, store_url  # noqa: F401 (fixtures)


def fill(store) -> list[str]:
    ids = []
    for n, article_id in enumerate(["plain", "under_score", "100%-sure", "quote\"d", "underXscore"], start=1):
        a = make_analysis(n, article_id=article_id, text=f"Story {n}. \u201cWe were never shown the text of the "
                                                         f"agreement,\u201d Okafor said. Number {n}.")
        a.disputes.append(Dispute(id="d2", kind="timing", summary="when", event="e1", articles=[article_id],
                                  claims=[DisputeClaim(actor="dana-okafor", text="on Tuesday")]))
        ids.append(store.add(a)[0])
    store.recompute()
    return ids


def test_the_disputes_of_one_article_are_those_that_name_it(store):
    for article_id in fill(store) + ["underscore", "%", "_", "no-such-article"]:
        expected = [d for d in store.disputes() if article_id in d["articles"]]
        assert store.disputes(article=article_id) == expected, article_id
    assert len(store.disputes()) == 10


def test_a_page_of_disputes_is_the_same_rows_named_as_in_the_whole_list(store):
    fill(store)
    whole = store.disputes()
    assert store.disputes(limit=3, offset=2) == whole[2:5]
    assert store.disputes(actor="okafor") == [d for d in whole if "dana-okafor" in {c["actor"] for c in d["claims"]}]
    assert all(c["actor_name"] == "Dana Okafor" for d in whole for c in d["claims"] if c["actor"] == "dana-okafor")
    assert store.count_disputes() == len(whole) and store.count_disputes(kind="timing") == 5


def test_the_disputed_events_are_the_events_of_the_disputes(store):
    fill(store)
    expected = sorted((d["event"], tuple(d["articles"])) for d in store.disputes() if d.get("event"))
    assert sorted((d["event"], tuple(d["articles"])) for d in store.disputed_events()) == expected
    assert len(expected) == 5


def test_snippets_made_for_the_page_are_those_of_every_match(store):
    """SQLite makes a search's snippets after the page is cut; they must be the ones it made before."""
    fill(store)
    texts = store.articles(search="agreement") + store.quotes(search="agreement")
    assert texts and all("\u27e6agreement\u27e7" in r["snippet"] for r in texts)
    paged = store.quotes(search="agreement", limit=2, offset=1)
    assert [(r["id"], r["snippet"]) for r in paged] == [(r["id"], r["snippet"]) for r in store.quotes(search="agreement")[1:3]]
    assert all("_pk" not in r for r in texts + store.articles() + store.quotes())


def test_the_timeline_of_an_actor_is_paged_and_counted_as_its_events(store):
    """The actor filter said in SQL (takes part, dates, reports or orders) keeps exactly the events the
    rows' own fields name it in, pages them in order and counts them, wildcards in ids included."""
    from nonpaper.model import Actor, Event, Relation

    def _involves(row: dict, wanted: set[str]) -> bool:  # the reference: the built row's own fields
        return bool(wanted & ({*row["participants"], row["date_asserted_by"], row["reported_by"]}
                              | {x["asserted_by"] for x in row["relations"]}))

    for n, odd in enumerate(["ana_b", "ana%b", 'ana"b', "anaxb"], start=1):
        a = make_analysis(n)
        a.actors.append(Actor(id=odd, name=f"Ana B {n}", kind="person"))
        a.events = [Event(id="e1", text="took part", start=0, end=4, date="2026-03-0" + str(n), participants=[odd]),
                    Event(id="e2", text="dated", start=0, end=4, date="2026-03-1" + str(n), date_asserted_by=odd),
                    Event(id="e3", text="reported", start=0, end=4, reported_by=odd),
                    Event(id="e4", text="ordered", start=0, end=4, participants=["dana-okafor"]),
                    Event(id="e5", text="not hers", start=0, end=4, participants=["port-authority"])]
        a.relations = [Relation(source="e4", relation="BEFORE", target="e5", asserted_by=odd, evidence="before")]
        store.add(a)
    store.recompute()
    everything = store.timeline()
    for who in ["ana", "ana_b", "ana%b", 'ana"b', "anaxb", "okafor", "port-authority", "nobody"]:
        wanted = set(store._actor_ids(who, exact_id=True))
        expected = [r["id"] for r in everything if _involves(r, wanted)]
        assert [r["id"] for r in store.timeline(actor=who)] == expected, who
        assert store.count_timeline(actor=who) == len(expected), who
        assert [r["id"] for r in store.timeline(actor=who, limit=2, offset=1)] == expected[1:3], who
    assert len([r for r in everything if _involves(r, set(store._actor_ids("ana_b", exact_id=True)))]) == 4


def test_a_page_of_quotes_is_the_same_slice_of_the_whole_list_in_every_order(store):
    """A page's keys are sorted and cut before its rows are read: the same rows, in the same order."""
    from nonpaper.store.queries import sort_choices

    fill(store)
    for n in range(6, 12):
        store.add(make_analysis(n, speaker="Tomas Feld" if n % 2 else "Dana Okafor", quote=f"Statement {n % 3}"))
    store.recompute()
    for sort in [None, *sort_choices("quotes")]:
        for filters in ({}, {"speaker": "okafor"}, {"search": "statement"}, {"kind": "direct"}):
            whole = [r["id"] for r in store.quotes(sort=sort, **filters)]
            for offset in (0, 2, 5):
                page = [r["id"] for r in store.quotes(sort=sort, limit=3, offset=offset, **filters)]
                assert page == whole[offset:offset + 3], (sort, filters, offset)


def test_a_speakers_page_read_newest_articles_first_is_the_same_page(store, monkeypatch):
    """Both ways of finding a speaker's page (their quotes sorted, or articles read newest first until
    the page is full, which the stored counts choose between) give the same rows."""
    fill(store)
    for n in range(6, 14):
        store.add(make_analysis(n, speaker="Tomas Feld" if n % 3 else "Dana Okafor", quote=f"Statement {n}",
                                published=f"2026-04-{n % 5 + 1:02d}"))
    store.recompute()
    pages = {}
    for forced in (False, True):
        monkeypatch.setattr(type(store), "_newest_first", lambda self, speakers, page, f=forced: f)
        pages[forced] = [[r["id"] for r in store.quotes(speaker=who, limit=2, offset=offset, since=since)]
                         for who in ("okafor", "tomas-feld", "dana-okafor") for offset in (0, 1, 4)
                         for since in (None, "2026-04-02")]
    assert pages[True] == pages[False] and any(pages[True])


def test_an_analysis_with_a_nan_confidence_is_served_as_json(tmp_path):
    """A quote whose confidence is not a number: the API answers (null), as it did (issue 20's load run
    found a 500 when the answer skipped FastAPI's encoder)."""
    import math

    from fastapi.testclient import TestClient

    from nonpaper.store import open_store
    from nonpaper.web.app import create_app

    a = make_analysis(1)
    a.quotes[0].confidence = math.nan
    with open_store(str(tmp_path / "nan.db")) as s:
        s.add(a)
    with TestClient(create_app(str(tmp_path / "nan.db"))) as c:
        r = c.get("/api/articles/story-1")
        assert r.status_code == 200 and r.json()["quotes"][0]["confidence"] is None
