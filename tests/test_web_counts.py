"""Issue 19: the counts the overview and the actor lists show are stored by the writer (migration 6,
store/counts.py), not counted on every request. They must always equal what counting the rows gives:
after each article is added, after the corpus step merges actors, and in a store made before the
migration, which the migration fills."""
from __future__ import annotations

import sqlite3

from nonpaper.store import open_store
from test_store_support import make_analysis, pg_url, store, store_url  # noqa: F401 (fixtures)

# What the lists counted on every request before migration 6: the reference the stored counts must equal.
COUNTED = ("SELECT ca.id, "
           "(SELECT COUNT(*) FROM quotes q JOIN actors a ON a.article_id = q.article_id AND a.id = q.speaker "
           " WHERE a.corpus_id = ca.id) AS n_quotes, "
           "(SELECT COUNT(DISTINCT a.article_id) FROM actors a WHERE a.corpus_id = ca.id) AS n_articles "
           "FROM corpus_actors ca")


def counted(store) -> dict[str, tuple[int, int]]:
    return {r["id"]: (r["n_quotes"], r["n_articles"]) for r in store._all(COUNTED) if r["n_articles"]}


def listed(store) -> dict[str, tuple[int, int]]:
    return {r["id"]: (r["n_quotes"], r["n_articles"]) for r in store.actors()}


def test_stored_counts_follow_every_add_and_the_corpus_step(store):
    store.add(make_analysis(1))
    assert listed(store) == counted(store) == {"dana-okafor": (1, 1), "port-authority": (0, 1)}
    store.add(make_analysis(2))
    store.add(make_analysis(3, speaker="Tomas Feld", alias="Feld"))
    assert listed(store) == counted(store)
    assert listed(store)["dana-okafor"] == (2, 2)
    store.recompute()  # the corpus step rewrites the corpus actors and which of them each local actor is
    assert listed(store) == counted(store)
    assert listed(store)["port-authority"] == (0, 3)
    assert store.counts()["actors"] == len(counted(store)) == store.count_actors() == 3
    assert store.count_actors(search="okafor") == 1 and store.count_actors(kind="organization") == 1


def test_lists_keep_their_order_and_sorts_with_stored_counts(store):
    for n in (1, 2, 3):
        store.add(make_analysis(n))
    store.add(make_analysis(4, speaker="Tomas Feld", alias="Feld"))
    store.recompute()
    assert [r["name"] for r in store.actors()] == ["Dana Okafor", "Tomas Feld", "Port Authority"]  # most quoted
    assert [r["name"] for r in store.actors(sort="-articles", limit=1)] == ["Port Authority"]
    assert [r["name"] for r in store.actors(sort="name")] == ["Dana Okafor", "Port Authority", "Tomas Feld"]
    assert [r["name"] for r in store.actors(offset=1, limit=1)] == ["Tomas Feld"]


def test_the_migration_fills_the_counts_of_an_older_store(tmp_path):
    path = str(tmp_path / "old.db")
    with open_store(path) as s:
        for n in (1, 2):
            s.add(make_analysis(n))
        s.recompute()
        expected = counted(s)
    # the store as nonpaper left it before migration 6: no count columns, no record of the migration
    # (nor of migration 7's corpus event counts, which come after it)
    conn = sqlite3.connect(path)
    conn.executescript("DROP INDEX events_corpus; ALTER TABLE corpus_events DROP COLUMN n_articles; "
                       "DROP INDEX corpus_actors_rank; DROP INDEX articles_order; DROP INDEX quotes_order; DROP INDEX actors_article_corpus; "
                       "ALTER TABLE corpus_actors DROP COLUMN n_quotes; "
                       "ALTER TABLE corpus_actors DROP COLUMN n_articles; "
                       "DELETE FROM schema_migrations WHERE version >= 6; DELETE FROM sqlite_stat1; "
                       + " ".join(f"DROP TRIGGER {index}_{op};" for index in ("actor_names", "corpus_actor_names")
                                  for op in ("insert", "delete", "update"))
                       + "DROP TABLE actor_names; DROP TABLE corpus_actor_names;")
    conn.close()
    with open_store(path) as s:
        assert s.schema_version() >= 6
        assert listed(s) == expected == {"dana-okafor": (2, 2), "port-authority": (0, 2)}
        assert [r["id"] for r in s.actors(search="OKAF")] == ["dana-okafor"]  # the names index, filled


def test_the_corpus_step_gives_the_planner_statistics(tmp_path):
    """Without them SQLite drove a search's count from every article (50-80 ms at 1,000 articles)."""
    with open_store(str(tmp_path / "c.db")) as s:
        for n in (1, 2, 3):
            s.add(make_analysis(n))
        s.recompute()
        tables = {r["tbl"] for r in s._all("SELECT tbl FROM sqlite_stat1")}
        assert {"articles", "quotes", "actors", "corpus_actors"} <= tables
        plan = " ".join(r["detail"] for r in s._all(
            "EXPLAIN QUERY PLAN SELECT id FROM corpus_actors WHERE n_articles > 0 "
            "ORDER BY n_quotes DESC, n_articles DESC, name, id LIMIT 10"))
        assert "corpus_actors_rank" in plan and "TEMP B-TREE" not in plan  # the first page read in order


def test_part_of_a_name_is_found_in_any_case_and_stays_literal(store):
    store.add(make_analysis(1, speaker="Trump", alias="Trump", quote="We will build the harbour wall"))
    store.add(make_analysis(2, speaker="Mike Pence", alias="Trump's running mate", quote="A fine wall"))
    store.add(make_analysis(3, speaker="Ana 100% Sure", alias="Ana", quote="A fine idea"))
    store.recompute()

    def ids(text):
        return sorted(r["id"] for r in store.actors(search=text))

    assert ids("RUNNING MA") == ["mike-pence"]  # an alias, part of it, in another case
    assert ids("trump") == ["mike-pence", "trump"]
    assert ids("0% s") == ids("100%") == ["ana-100%-sure"] and ids("%") == ["ana-100%-sure"]
    assert ids("p_nce") == ids('a "b') == []
    assert [q["speaker"] for q in store.quotes(speaker="trump")] == ["trump"]  # an id is that actor alone
    assert store.count_actors(search="ence") == 1


def test_an_actors_totals_are_its_stored_counts_and_what_its_lists_hold(store):
    for n in (1, 2, 3):
        store.add(make_analysis(n))
    store.add(make_analysis(4, speaker="Tomas Feld", alias="Feld"))
    store.recompute()
    for actor_id in ("dana-okafor", "port-authority", "tomas-feld"):
        row = store.actor(actor_id)
        assert row["total_quotes"] == len(row["quotes"]) == len(store.quotes(speaker=actor_id))
        assert row["total_articles"] == len(row["articles"])
        assert (row["total_quotes"], row["total_articles"]) == counted(store)[actor_id]


def test_a_speakers_quote_count_is_the_stored_one_and_what_the_list_holds(store):
    for n in (1, 2, 3):
        store.add(make_analysis(n))
    store.add(make_analysis(4, speaker="Tomas Feld", alias="Feld"))
    for who in ("okafor", "dana-okafor", "feld", "o", "nobody"):
        assert store.count_quotes(speaker=who) == len(store.quotes(speaker=who)), who
    store.recompute()
    for who in ("okafor", "dana-okafor", "feld", "o", "nobody"):
        assert store.count_quotes(speaker=who) == len(store.quotes(speaker=who)), who
