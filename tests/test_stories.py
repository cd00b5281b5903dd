"""One happening across outlets (issue 15): the store's corpus event with what each article's sources
say of it and the disputes over it, on the web page and the API. Real components: the bundled harbour
pair analysed and ingested into an SQLite file, then served."""
from __future__ import annotations

import pytest

from nonpaper.store import open_store

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def harbour(tmp_path_factory):
    from nonpaper.corpus import ingest

    path = tmp_path_factory.mktemp("stories") / "harbour.db"
    sources = [str(ROOT / "examples" / "harbour-strike.txt"), str(ROOT / "examples" / "harbour-strike-wire.txt")]
    with open_store(path) as store:
        ingest(sources, store, published="2026-03-10", progress=False)
    return path


def _shared_events(store) -> list[dict]:
    rows = store._all("SELECT id FROM corpus_events")
    return [e for e in (store.corpus_event(r["id"]) for r in rows) if len(e["articles"]) > 1]


def test_a_corpus_event_gives_each_outlets_claims_and_marks_the_disputed_ones(harbour):
    with open_store(harbour) as store:
        events = _shared_events(store)
        assert events, "the harbour pair reports some happening in both articles"
        disputed = [e for e in events if e["disputes"]]
        assert disputed
        e = disputed[0]
        assert len({a["article"] for a in e["articles"]}) == 2
        marked = [c for a in e["articles"] for c in a["claims"] if c["dispute"]]
        assert marked and all(c["dispute"] in {d["id"] for d in e["disputes"]} for c in marked)
        assert all(c.get("actor_name") for d in e["disputes"] for c in d["claims"] if c.get("actor"))
        assert store.corpus_event("no-such-event") is None


def test_the_event_page_and_its_api(harbour):
    from fastapi.testclient import TestClient

    from nonpaper.web.app import create_app

    with open_store(harbour) as store:
        ident = [e for e in _shared_events(store) if e["disputes"]][0]["id"]
    client = TestClient(create_app(str(harbour)), base_url="http://127.0.0.1")
    page = client.get(f"/events/{ident}")
    assert page.status_code == 200 and "Across outlets" in page.text and "⚠ disputed" in page.text
    outlets = page.text.split('class="sides outlets"')[1].split("<h2>")[0]
    assert outlets.count('<section class="side"') == 2  # one column per article
    api = client.get(f"/api/events/{ident}")
    assert api.status_code == 200 and len(api.json()["articles"]) == 2
    assert client.get("/events/no-such-event").status_code == 404
    assert f"/events/{ident}" in client.get("/timeline").text  # the timeline links to it


def test_quote_stance_and_negation_are_stored_and_listed(tmp_path):
    """Issue 16's Quote.stance and Quote.negated survive ingest (migration 5) and come back in lists."""
    from nonpaper.corpus import ingest

    article = tmp_path / "vote.txt"
    article.write_text("Levy vote nears\n\nMayor Ada Lind opposed the harbour levy on Monday.\n\n"
                       "The Harwick Gazette had not confirmed the account.\n\n"
                       "\"The levy will pass,\" said council leader Oren Vask.\n", encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        ingest([str(article)], store, published="2026-03-10", progress=False)
        rows = {r["text"]: r for r in store.quotes()}
    assert any(r["stance"] for r in rows.values())
    assert any(r["negated"] for r in rows.values())
    assert all(isinstance(r["stance"], bool) and isinstance(r["negated"], bool) for r in rows.values())
