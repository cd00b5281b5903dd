"""Counts the writer stores so that readers do not count on every request (issue 19): each corpus
actor's quotes and articles (`corpus_actors.n_quotes`, `n_articles`, migration 6), and SQLite's
planner statistics.

`Store.add` refreshes the actors an article names; `Store.recompute`, which rewrites the corpus
actors, refreshes them all. Both run inside the writer's transaction, so a reader never sees an actor
without its counts.
"""
from __future__ import annotations

# One statement for both backends; `{where}` limits it to some actors. The correlated subqueries read
# the `actors_corpus` and `quotes_speaker` indexes: one lookup per actor, not a scan.
_COUNTS = ("UPDATE corpus_actors SET "
           "n_quotes = (SELECT COUNT(*) FROM actors a JOIN quotes q ON q.article_id = a.article_id "
           "AND q.speaker = a.id WHERE a.corpus_id = corpus_actors.id), "
           "n_articles = (SELECT COUNT(DISTINCT a.article_id) FROM actors a WHERE a.corpus_id = corpus_actors.id)")
ACTOR_COUNTS = _COUNTS  # every actor (the migration, a recompute)
CHUNK = 500  # ids per statement (SQLite's default limit on parameters is far above)
# Rows of each index ANALYZE samples: enough for the planner to tell a selective index from one that
# matches nearly every row, and quick at any size (a full ANALYZE reads every index of the store).
ANALYSIS_LIMIT = 1000


def refresh_actor_counts(store, cur, ids: list[str] | set[str] | None = None) -> None:
    """Recount the quotes and articles of the corpus actors `ids` (None: of every actor), in the
    writer's transaction `cur`."""
    if ids is None:
        store._x(cur, ACTOR_COUNTS)
        return
    ordered = sorted({i for i in ids if i})
    for n in range(0, len(ordered), CHUNK):
        chunk = ordered[n:n + CHUNK]
        store._x(cur, f"{_COUNTS} WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
