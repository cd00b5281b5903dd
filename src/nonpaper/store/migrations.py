"""Versioned schema migrations, shared by the SQLite and PostgreSQL stores.

Each migration runs once, in its own transaction, and is recorded in `schema_migrations`. Append new
migrations at the end; never edit one that has shipped (stores in the field have already run it).
`{pk}` in the shared SQL becomes each backend's auto-increment primary key.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .counts import ACTOR_COUNTS, ANALYSIS_LIMIT

PK = {"sqlite": "INTEGER PRIMARY KEY", "postgres": "BIGSERIAL PRIMARY KEY"}


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    common: list[str] = field(default_factory=list)  # run on both backends
    sqlite: list[str] = field(default_factory=list)
    postgres: list[str] = field(default_factory=list)

    def statements(self, backend: str) -> list[str]:
        own = self.sqlite if backend == "sqlite" else self.postgres
        return [s.replace("{pk}", PK[backend]) for s in self.common + own]


# JSON values (lists of aliases, participants, dispute claims) are TEXT holding JSON, so both backends
# keep the very same columns. Offsets are `start_char`/`end_char` (`end` is reserved in SQL).
TABLES = [
    """CREATE TABLE articles (
        pk {pk},
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT UNIQUE,
        status TEXT NOT NULL,
        error TEXT,
        source TEXT, url TEXT, outlet TEXT, title TEXT, subtitle TEXT, author TEXT, published TEXT,
        text TEXT,
        n_quotes INTEGER NOT NULL DEFAULT 0,
        n_disputes INTEGER NOT NULL DEFAULT 0,
        analysis TEXT,
        added_at TEXT NOT NULL)""",
    "CREATE INDEX articles_published ON articles (published)",
    "CREATE INDEX articles_status ON articles (status)",
    "CREATE INDEX articles_source ON articles (source)",
    """CREATE TABLE actors (
        article_id TEXT NOT NULL, id TEXT NOT NULL,
        name TEXT, kind TEXT, aliases TEXT, titles TEXT,
        corpus_id TEXT,
        PRIMARY KEY (article_id, id))""",
    "CREATE INDEX actors_corpus ON actors (corpus_id)",
    """CREATE TABLE quotes (
        pk {pk},
        article_id TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL,
        kind TEXT, text TEXT, speaker TEXT, speaker_text TEXT, cue TEXT,
        start_char INTEGER, end_char INTEGER, field TEXT, confidence REAL,
        UNIQUE (article_id, id))""",
    "CREATE INDEX quotes_speaker ON quotes (article_id, speaker)",
    """CREATE TABLE timexes (
        article_id TEXT NOT NULL, id TEXT NOT NULL,
        text TEXT, type TEXT, value TEXT, anchor TEXT, mod TEXT, start_char INTEGER, end_char INTEGER,
        PRIMARY KEY (article_id, id))""",
    """CREATE TABLE events (
        article_id TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL,
        text TEXT, type TEXT, date TEXT, status TEXT, participants TEXT,
        start_char INTEGER, end_char INTEGER, corpus_event TEXT,
        PRIMARY KEY (article_id, id))""",
    "CREATE INDEX events_date ON events (date)",
    """CREATE TABLE relations (
        pk {pk},
        article_id TEXT NOT NULL,
        source TEXT, relation TEXT, target TEXT, asserted_by TEXT, evidence TEXT, time_offset TEXT, quote TEXT)""",
    "CREATE INDEX relations_article ON relations (article_id)",
    """CREATE TABLE claims (
        article_id TEXT NOT NULL, id TEXT NOT NULL,
        actor TEXT, kind TEXT, text TEXT, event TEXT, value TEXT, polarity INTEGER, quote TEXT,
        PRIMARY KEY (article_id, id))""",
    """CREATE TABLE disputes (
        id TEXT PRIMARY KEY,
        scope TEXT NOT NULL, article_id TEXT, kind TEXT, summary TEXT, event TEXT, articles TEXT, claims TEXT)""",
    "CREATE INDEX disputes_article ON disputes (article_id)",
    """CREATE TABLE corpus_actors (
        id TEXT PRIMARY KEY, name TEXT, kind TEXT, aliases TEXT, titles TEXT)""",
    """CREATE TABLE corpus_events (
        id TEXT PRIMARY KEY, type TEXT, date TEXT, text TEXT, participants TEXT, articles TEXT)""",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
]

# Full-text search: FTS5 in SQLite (external-content tables kept in step by triggers; Porter stemming
# like PostgreSQL's english configuration, so "strikes" finds "strike" on both); generated tsvector
# columns with GIN indexes in PostgreSQL.
FTS_SQLITE = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='pk', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.pk, new.title, new.text); END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
        END""",
    "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='pk', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    """CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts (rowid, text) VALUES (new.pk, new.text); END""",
    """CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.pk, old.text); END""",
]
FTS_POSTGRES = [
    """ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS
        (to_tsvector('english', coalesce(title, '') || ' ' || coalesce(text, ''))) STORED""",
    "CREATE INDEX articles_tsv ON articles USING GIN (tsv)",
    """ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS
        (to_tsvector('english', coalesce(text, ''))) STORED""",
    "CREATE INDEX quotes_tsv ON quotes USING GIN (tsv)",
]

# Names as trigrams (SQLite's FTS5): "part of a name" found through an index, where LIKE read every actor
# of every article. External-content tables, kept in step by triggers like the full-text ones.
NAME_INDEXES = [statement for table, index in (("actors", "actor_names"), ("corpus_actors", "corpus_actor_names"))
                for statement in (
    f"CREATE VIRTUAL TABLE {index} USING fts5(name, aliases, content='{table}', content_rowid='rowid', "
    "tokenize='trigram')",
    f"INSERT INTO {index} ({index}) VALUES ('rebuild')",
    f"""CREATE TRIGGER {index}_insert AFTER INSERT ON {table} BEGIN
        INSERT INTO {index} (rowid, name, aliases) VALUES (new.rowid, new.name, new.aliases); END""",
    f"""CREATE TRIGGER {index}_delete AFTER DELETE ON {table} BEGIN
        INSERT INTO {index} ({index}, rowid, name, aliases) VALUES ('delete', old.rowid, old.name, old.aliases); END""",
    f"""CREATE TRIGGER {index}_update AFTER UPDATE OF name, aliases ON {table} BEGIN
        INSERT INTO {index} ({index}, rowid, name, aliases) VALUES ('delete', old.rowid, old.name, old.aliases);
        INSERT INTO {index} (rowid, name, aliases) VALUES (new.rowid, new.name, new.aliases); END""")]

MIGRATIONS: list[Migration] = [
    Migration(1, "tables", common=TABLES),
    Migration(2, "full-text search", sqlite=FTS_SQLITE, postgres=FTS_POSTGRES),
    # Headline and subtitle time expressions: their offsets point into that field, not article.text.
    Migration(3, "timex field", common=["ALTER TABLE timexes ADD COLUMN field TEXT NOT NULL DEFAULT 'text'"]),
    # The timeline: an event's date range and who asserts its date, and how the text tells it (negated,
    # planned, hypothetical; the source reporting it), so `timeline` can filter and show them.
    Migration(4, "event timeline", common=[
        f"ALTER TABLE events ADD COLUMN {column} TEXT" for column in (
            "date_earliest", "date_latest", "date_precision", "date_asserted_by", "polarity", "certainty",
            "modality", "tense", "reported_by")] + [
        "CREATE INDEX events_range ON events (date_earliest, date_latest)"]),
    # Issue 16's quote fields: a stance ("opposed the bill") rather than a reported proposition, and a
    # denied cue ("had not confirmed"), so lists and exports can tell them apart.
    Migration(5, "quote stance and negation", common=[
        "ALTER TABLE quotes ADD COLUMN stance INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE quotes ADD COLUMN negated INTEGER NOT NULL DEFAULT 0"]),
    # Issue 19/20: each corpus actor's quotes and articles counted once by the writer (store/counts.py),
    # not on every request of the overview and the actor lists; indexes in the lists' own orders, so a
    # first page reads its rows instead of sorting the whole table; and (SQLite) the planner's
    # statistics, without which it drove a search's count from every article instead of the matches.
    Migration(6, "stored counts and list indexes", common=[
        "ALTER TABLE corpus_actors ADD COLUMN n_quotes INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE corpus_actors ADD COLUMN n_articles INTEGER NOT NULL DEFAULT 0",
        ACTOR_COUNTS,
        "CREATE INDEX corpus_actors_rank ON corpus_actors (n_quotes DESC, n_articles DESC, name, id)",
        "CREATE INDEX articles_order ON articles (published, pk)",
        "CREATE INDEX quotes_order ON quotes (article_id, seq)",
        "CREATE INDEX actors_article_corpus ON actors (article_id, corpus_id)"],
        sqlite=[*NAME_INDEXES, f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}", "ANALYZE"]),
    # Issue 19: a timeline row names its corpus event and counts its articles rather than copying the
    # list into every member; the members of a corpus event are found through an index.
    Migration(7, "corpus event counts", common=[
        "CREATE INDEX events_corpus ON events (corpus_event)",
        "ALTER TABLE corpus_events ADD COLUMN n_articles INTEGER",
        "UPDATE corpus_events SET n_articles = (SELECT COUNT(DISTINCT e.article_id) FROM events e "
        "WHERE e.corpus_event = corpus_events.id)"]),
]

LATEST = MIGRATIONS[-1].version
