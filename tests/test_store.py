"""The store's behaviour, run on SQLite and (marked `postgres`) on PostgreSQL with the same tests."""
from __future__ import annotations

import json

import pytest

from nonpaper.model import Dispute, DisputeClaim
from nonpaper.store import StoreError, open_store
from nonpaper.store.migrations import LATEST, MIGRATIONS
from test_store_support import make_analysis, pg_url, store, store_url  # noqa: F401 (fixtures)


def test_add_is_idempotent_on_content_hash(store):
    first = make_analysis(1)
    assert store.add(first) == ("story-1", True)
    assert store.has(first.article.content_hash)
    assert store.add(make_analysis(1)) == ("story-1", False)
    assert store.counts()["articles"] == 1
    assert store.counts()["quotes"] == 1


def test_analysis_round_trip(store):
    original = make_analysis(2)
    article_id, _ = store.add(original)
    back = store.analysis(article_id)
    assert back.to_dict() == original.to_dict()
    assert store.analysis("no-such-article") is None


def test_hash_is_computed_when_missing_and_ids_made_unique(store):
    a = make_analysis(1, text="One text about the \u201charbour strike\u201d. We were never shown the text of "
                              "the agreement, Okafor said.", article_id="same")
    b = make_analysis(2, text="Another text entirely. We were never shown the text of the agreement, "
                              "Okafor said.", article_id="same")
    id_a, _ = store.add(a)
    id_b, inserted = store.add(b)
    assert inserted and id_a == "same" and id_b != "same" and id_b.startswith("same-")
    stored = store.analysis(id_b)
    assert stored.article.id == id_b and stored.article.content_hash
    assert {d["articles"][0] for d in store.disputes()} == {id_a, id_b}


def test_failures_are_kept_with_their_error_and_replaced_on_success(store):
    ok = make_analysis(3)
    fid = store.record_failure("story-3.txt", ok.article.content_hash, "analysis failed: ValueError: boom")
    store.record_failure("broken.bin", None, "binary file, not an article")
    store.record_failure("broken.bin", None, "binary file, not an article (again)")
    assert store.counts()["failures"] == 2
    assert not store.has(ok.article.content_hash)
    failed = {r["source"]: r for r in store.articles(status="failed")}
    assert failed["broken.bin"]["error"].endswith("(again)") and failed["broken.bin"]["status"] == "failed"
    assert failed["story-3.txt"]["id"] == fid
    assert store.add(ok) == ("story-3", True)
    assert store.counts()["failures"] == 1
    assert [r["source"] for r in store.articles(status="failed")] == ["broken.bin"]


def test_articles_filters(store):
    for n in (1, 2, 3):
        store.add(make_analysis(n, outlet="Kestrel Wire" if n < 3 else "Velmar Gazette"))
    rows = store.articles()
    assert [r["id"] for r in rows] == ["story-3", "story-2", "story-1"]  # newest first
    assert set(rows[0]) >= {"id", "title", "subtitle", "outlet", "author", "published", "url", "n_quotes",
                            "n_disputes", "status", "error"}
    assert rows[0]["n_quotes"] == 1 and rows[0]["n_disputes"] == 1
    assert [r["id"] for r in store.articles(since="2026-03-12")] == ["story-3", "story-2"]
    assert [r["id"] for r in store.articles(until="2026-03-11")] == ["story-1"]
    assert [r["id"] for r in store.articles(outlet="velmar gazette")] == ["story-3"]
    assert [r["id"] for r in store.articles(limit=1, offset=1)] == ["story-2"]


def test_actors_are_merged_across_articles(store):
    store.add(make_analysis(1))
    store.add(make_analysis(2))
    store.add(make_analysis(3, speaker="Tomas Feld", alias="Feld"))
    store.recompute()
    actors = {a["name"]: a for a in store.actors()}
    assert actors["Dana Okafor"]["n_articles"] == 2 and actors["Dana Okafor"]["n_quotes"] == 2
    assert actors["Port Authority"]["n_articles"] == 3
    assert "Okafor" in actors["Dana Okafor"]["aliases"]
    assert store.actors()[0]["n_quotes"] >= store.actors()[-1]["n_quotes"]
    assert [a["name"] for a in store.actors(search="feld")] == ["Tomas Feld"]
    one = store.actor(actors["Dana Okafor"]["id"])
    assert {q["article_id"] for q in one["quotes"]} == {"story-1", "story-2"}
    assert {a["id"] for a in one["articles"]} == {"story-1", "story-2"}
    assert store.actor("nobody") is None
    assert store.counts()["actors"] == 3


def test_quotes_filters(store):
    store.add(make_analysis(1))
    store.add(make_analysis(2, speaker="Tomas Feld", alias="Feld", quote="The strike is over for now"))
    store.recompute()
    rows = store.quotes()
    assert set(rows[0]) >= {"id", "article_id", "article_title", "published", "kind", "text", "speaker",
                            "speaker_name", "cue", "start", "end"}
    assert [q["speaker_name"] for q in store.quotes(speaker="okafor")] == ["Dana Okafor"]
    assert [q["speaker_name"] for q in store.quotes(speaker="Feld")] == ["Tomas Feld"]
    assert store.quotes(speaker="Nobody Atall") == []
    assert [q["article_id"] for q in store.quotes(since="2026-03-12")] == ["story-2"]
    assert [q["article_id"] for q in store.quotes(until="2026-03-11")] == ["story-1"]
    assert [q["text"] for q in store.quotes(search="strike")] == ["The strike is over for now"]
    assert [q["article_id"] for q in store.quotes(article="story-1")] == ["story-1"]
    quote = store.quotes(article="story-1")[0]
    text = store.analysis("story-1").article.text
    assert text[quote["start"]:quote["end"]] == quote["text"]


def test_timeline_links_the_same_event_across_articles(store):
    store.add(make_analysis(1))
    store.add(make_analysis(2))
    store.add(make_analysis(3, speaker="Tomas Feld", alias="Feld", event_date="2026-03-01"))
    store.recompute()
    events = store.timeline()
    dated = [e["date"] for e in events if e["date"]]
    assert dated == sorted(dated) and events[-1]["date"] is None  # by date, undated last
    strikes = [e for e in events if e["type"] == "strike"]
    linked = [e for e in strikes if e["date"] == "2026-03-10"]
    assert len(linked) == 2 and linked[0]["corpus_event"] == linked[1]["corpus_event"] is not None
    assert linked[0]["articles_count"] == 2 and linked[0]["articles"] == [linked[0]["article_id"]]
    assert [a["article"] for a in store.corpus_event(linked[0]["corpus_event"])["articles"]] == ["story-1", "story-2"]
    lone = next(e for e in strikes if e["date"] == "2026-03-01")
    assert lone["corpus_event"] is None and lone["articles"] == ["story-3"] and lone["articles_count"] == 1
    rel = linked[0]["relations"][0]
    assert rel["relation"] == "BEFORE" and rel["asserted_by_name"] == "Dana Okafor"
    assert rel["evidence"].startswith("The dockers walked out")
    assert {e["article_id"] for e in store.timeline(actor="Feld")} == {"story-3"}
    assert {e["type"] for e in store.timeline(event="talks")} == {"talks"}
    assert linked[0]["participant_names"] == ["Dana Okafor"]


def test_undated_events_link_within_one_story_only(store):
    def undated(n, published):
        analysis = make_analysis(n, published=published)
        analysis.events[1].participants = []  # "the talks": no date, no participants
        return analysis

    store.add(undated(1, "2026-03-11"))
    store.add(undated(2, "2026-03-14"))  # same people, three days later: the same story
    store.add(undated(3, "2026-06-30"))  # same people, months later: another story
    store.recompute()
    talks = {e["article_id"]: e for e in store.timeline(event="talks")}
    assert talks["story-1"]["corpus_event"] == talks["story-2"]["corpus_event"] is not None
    assert talks["story-3"]["corpus_event"] is None


def test_disputes_within_and_across_articles(store, monkeypatch):
    import nonpaper.disputes

    store.add(make_analysis(1))
    store.add(make_analysis(2, speaker="Tomas Feld", alias="Feld"))

    def cross(analyses, actors):  # stands in for the dispute stage: one dispute spanning the two
        return [Dispute(id="x1", kind="timing", summary="Okafor and Feld date the walkout differently",
                        articles=["story-1", "story-2"],
                        claims=[DisputeClaim(actor="dana-okafor", text="on Tuesday", article="story-1"),
                                DisputeClaim(actor="tomas-feld", text="on Monday", article="story-2")]),
                Dispute(id="x2", kind="fact", summary="only one article", articles=["story-1"])]

    monkeypatch.setattr(nonpaper.disputes, "find_cross_disputes", cross)
    assert store.stale()
    store.recompute()
    assert not store.stale()
    store.recompute()  # recomputing replaces, never duplicates
    rows = store.disputes()
    corpus = [d for d in rows if d["scope"] == "corpus"]
    assert len(corpus) == 1 and corpus[0]["kind"] == "timing"
    assert corpus[0]["articles"] == ["story-1", "story-2"]
    assert [c["actor_name"] for c in corpus[0]["claims"]] == ["Dana Okafor", "Tomas Feld"]
    local = [d for d in rows if d["scope"] == "article"]
    assert len(local) == 2
    assert local[0]["claims"][0] == {"actor": "dana-okafor", "actor_name": "Dana Okafor",
                                     "text": "it was called off", "quote": "q1", "article": "story-1",
                                     "origin_text": None, "relays": [], "via": None, "via_name": None}
    assert store.counts()["disputes"] == 3


def test_articles_added_during_a_recompute_keep_the_store_stale(store, monkeypatch):
    import nonpaper.actors

    store.add(make_analysis(1))
    real = nonpaper.actors.merge_actors

    def slow_merge(analyses):  # another writer stores an article while the merge runs
        from nonpaper.store import open_store
        with open_store(store.target) as other:
            other.add(make_analysis(2))
        return real(analyses)

    monkeypatch.setattr(nonpaper.actors, "merge_actors", slow_merge)
    store.recompute()
    assert store.stale()
    monkeypatch.setattr(nonpaper.actors, "merge_actors", real)
    store.recompute()
    assert not store.stale()


def test_a_failing_merge_stage_falls_back_to_names(store, monkeypatch):
    import nonpaper.actors

    def broken(analyses):
        raise RuntimeError("not ready")

    monkeypatch.setattr(nonpaper.actors, "merge_actors", broken)
    store.add(make_analysis(1))
    store.add(make_analysis(2))
    warnings = store.recompute()
    assert warnings and "merging actors failed" in warnings[0]
    assert {a["name"]: a["n_articles"] for a in store.actors()}["Dana Okafor"] == 2


def test_search_articles_and_quotes(store):
    store.add(make_analysis(1))
    store.add(make_analysis(2, quote="Salaries rise by four percent", text=None))
    found = store.search("salaries")
    assert [q["article_id"] for q in found["quotes"]] == ["story-2"]
    assert [a["id"] for a in found["articles"]] == ["story-2"]
    assert {a["id"] for a in store.search("harbour")["articles"]} == {"story-1", "story-2"}
    assert [q["article_id"] for q in store.search("salary rises")["quotes"]] == ["story-2"]  # stemmed alike
    for odd in ('"unbalanced', "a:b -c OR (", "NEAR(", "'; DROP TABLE articles; --", "100%", "what?"):
        found = store.search(odd)  # user text is words, never query syntax: no error
        assert {"articles", "quotes"} <= set(found)
    assert store.search("   ")["articles"] == store.search("   ")["quotes"] == []
    assert store.counts()["articles"] == 2


def test_rows_are_plain_json(store):
    store.add(make_analysis(1))
    store.recompute()
    for rows in (store.articles(), store.actors(), store.quotes(), store.timeline(), store.disputes(),
                 [store.counts()], [store.search("harbour")]):
        json.dumps(rows)


def test_migrations_run_once_and_reopen(store_url):
    s = open_store(store_url)
    assert s.schema_version() == LATEST
    s.add(make_analysis(1))
    s.close()
    again = open_store(store_url)
    assert again.schema_version() == LATEST and again.counts()["articles"] == 1
    assert again._one("SELECT COUNT(*) AS n FROM schema_migrations")["n"] == len(MIGRATIONS)  # each once
    again.close()


def test_a_newer_schema_is_refused(store_url):
    s = open_store(store_url)
    with s._tx() as cur:
        s._x(cur, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', 'now')",
             (LATEST + 1,))
    s.close()
    with pytest.raises(StoreError, match="newer than this nonpaper"):
        open_store(store_url)


# ---------------------------------------------------------------- backend specifics

def test_sqlite_is_wal_and_refuses_other_files(tmp_path):
    s = open_store(tmp_path / "c.db")
    assert s._one("PRAGMA journal_mode")["journal_mode"] == "wal"
    s.close()
    junk = tmp_path / "notes.txt"
    junk.write_text("just some notes, not a database " * 100)
    with pytest.raises(StoreError, match="not a nonpaper store"):
        open_store(junk)
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "missing" / "c.db")
    with pytest.raises(StoreError, match="unknown store"):
        open_store("mysql://host/db")


def test_a_read_only_store_can_be_queried(tmp_path):
    path = tmp_path / "c.db"
    with open_store(path) as s:
        s.add(make_analysis(1))
    with open_store(path) as s:
        s._conn.execute("PRAGMA query_only = ON")  # any write now fails
        s._migrate()  # nothing to do: no write attempted
        assert s.counts()["articles"] == 1


def test_open_store_reads_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("NONPAPER_DB", str(tmp_path / "env.db"))
    open_store().close()
    assert (tmp_path / "env.db").exists()


@pytest.mark.postgres
def test_postgres_errors_are_one_line_without_password():
    from test_store_support import require_postgres

    require_postgres()
    with pytest.raises(StoreError) as err:
        open_store("postgresql://someone:s3cret@127.0.0.1:1/none")
    message = str(err.value)
    assert "cannot connect" in message and "s3cret" not in message and "\n" not in message
