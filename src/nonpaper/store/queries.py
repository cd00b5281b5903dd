"""The store's reading side: articles, actors, quotes and disputes as plain dicts, each list with a
`count_*` twin that gives the total the same filters match (so a page can say "50 of 1,341").

`Queries` is a mixin of `Store` (store/base.py): it needs only `_all`, `_sql` and the backend's
full-text hooks. Every list takes `limit` and `offset`; `None` as limit means all rows. Names typed by
a user are matched with LIKE, their `%` and `_` escaped, so they are always literal text.
"""
from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, NamedTuple

ARTICLE_COLUMNS = ("id, title, subtitle, outlet, author, published, url, n_quotes, n_disputes, status, error, "
                   "source, content_hash")
ALL = 2 ** 62  # "no limit" as a number both SQLite and PostgreSQL take
LIKE = "LIKE ? ESCAPE '\\'"


MAX_TERMS = 32  # terms a full-text search uses: more narrow nothing down and cost time
HIT = ("\u27e6", "\u27e7")  # ⟦ ⟧ around the matched words of a snippet (rows carry them as text)
_TERM = re.compile(r"(?P<neg>(?<![\w\"])-)?(?:\"(?P<phrase>[^\"]*)\"?|(?P<word>\w[\w'’-]*)(?P<star>\*)?)")


class Term(NamedTuple):
    """One term of a search: a word or a "phrase" (its words), `clin*` a prefix, `-word` left out."""
    words: tuple[str, ...]
    prefix: bool = False
    negated: bool = False


def parse_search(text: str) -> list[Term]:
    """A search as terms: words (each required), "phrases", prefix* and -excluded words. Anything
    else is never syntax. Each term once (case-insensitive), at most MAX_TERMS (FTS5's cost grew with
    the square of their number: 1,000 repeated words took 26 s)."""
    terms: dict[tuple, Term] = {}
    for m in _TERM.finditer(text):
        words = tuple(re.findall(r"\w[\w'’-]*", m.group("phrase") or "")) if m.group("phrase") is not None \
            else (m.group("word"),)
        if not words:
            continue
        term = Term(words, bool(m.group("star")) and len(words) == 1, bool(m.group("neg")))
        terms.setdefault((tuple(w.lower() for w in words), term.prefix, term.negated), term)
        if len(terms) == MAX_TERMS:
            break
    return list(terms.values())


def search_words(text: str) -> list[str]:
    """The words of a search's terms, in order (each term once, at most MAX_TERMS terms)."""
    return [w for t in parse_search(text) for w in t.words]


# The columns each list sorts on (`sort=title`, `sort=-title` for the other order), as SQL; disputes are
# sorted in Python (their sides are JSON). The first direction a column offers: A to Z for words,
# the most or newest first for numbers and dates.
SORTS: dict[str, dict[str, str]] = {
    "articles": {"published": "a.published", "title": "lower(a.title)", "outlet": "lower(a.outlet)",
                 "quotes": "a.n_quotes", "disputes": "a.n_disputes"},
    "actors": {"name": "lower(name)", "kind": "kind", "quotes": "n_quotes", "articles": "n_articles"},
    "quotes": {"published": "a.published", "speaker": "lower(COALESCE(ca.name, x.name))", "article": "lower(a.title)",
               "kind": "q.kind"},
    "disputes": {"published": "", "kind": "", "summary": "", "articles": "", "sides": ""},
}
DESCENDING_FIRST = {"published", "quotes", "disputes", "articles", "sides"}
DEFAULT_SORT = {"articles": "-published", "actors": "-quotes", "quotes": "-published", "disputes": None}


def sort_choices(what: str) -> list[str]:
    """Every `sort` value a list takes, each column in its first direction, then reversed."""
    first = [c if c not in DESCENDING_FIRST else f"-{c}" for c in SORTS[what]]
    return first + [c[1:] if c.startswith("-") else f"-{c}" for c in first]


def check_sort(what: str, value: str | None) -> str | None:
    """A `sort` value for the list `what` ("title", "-published"), or None for its usual order; a
    ValueError that names the choices for any other value."""
    value = (value or "").strip()
    if value and value.lstrip("-") not in SORTS[what] or value.startswith("--"):
        raise ValueError(f"sort: {value[:40]!r} is not a column of the {what} list; sort by "
                         f"{', '.join(SORTS[what])} (a leading - reverses the order, e.g. -{next(iter(SORTS[what]))})")
    return value or None


def order_by(what: str, sort: str | None, then: str) -> str | None:
    """ORDER BY for a checked `sort` value, with `then` breaking ties; None: the list's usual order."""
    if not sort:
        return None
    column = SORTS[what][sort.lstrip("-")]
    return f"{column} {'DESC' if sort.startswith('-') else 'ASC'} NULLS LAST, {then}"


def from_json(value: str | None, default: Any = None) -> Any:
    if value is None or value == "":
        return default
    return json.loads(value)


def like(text: str) -> str:
    """A LIKE pattern for "contains `text`" (lower case), with the wildcards in `text` escaped."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def published_between(where: list[str], params: list, since: str | None, until: str | None) -> None:
    """Filter on articles published in [since, until]; ISO dates compare correctly as text."""
    for cond, value in (("a.published >= ?", since), ("a.published <= ?", until)):
        if value:
            where.append(cond)
            params.append(value)


def paged(rows: list, limit: int | None, offset: int = 0) -> list:
    """A page of rows already in memory (the Python-filtered lists: timeline, disputes)."""
    return rows[offset:] if limit is None else rows[offset:offset + limit]


class Queries:
    """The store's queries (mixed into `Store`, which gives the connection and the backend's hooks)."""

    if TYPE_CHECKING:
        def _all(self, sql: str, params: tuple | list = ()) -> list[dict]: ...
        def _fts_articles(self, text: str) -> tuple[str, str, list, str, list]: ...
        def _fts_quotes(self, text: str) -> tuple[str, str, list, str, list]: ...
        def _snippet_articles(self, text: str) -> tuple[str, list]: ...
        def _snippet_quotes(self, text: str) -> tuple[str, list]: ...

    # ---------------------------------------------------------------- helpers

    # True: a search's snippets are made after the page is cut (`_snippets`), where the backend would
    # make one for every match before sorting them (SQLite: 35-40 ms of a search page at 1,000 articles).
    LATE_SNIPPETS = False

    def _snippets(self, what: str, text: str, pks: list[int]) -> dict[int, str]:
        """Snippets of these rows (pk -> text with HIT marks) for a search: the LATE_SNIPPETS backends."""
        raise NotImplementedError

    def _with_snippets(self, what: str, search: str | None, rows: list[dict]) -> list[dict]:
        """The rows without their internal key, with their snippets when they were left for now."""
        pks = [r.pop("_pk") for r in rows]
        if search and self.LATE_SNIPPETS and rows:
            made = self._snippets(what, search, pks)
            for r, pk in zip(rows, pks):
                r["snippet"] = made.get(pk)
        return rows

    @staticmethod
    def _page(sql: str, params: list, limit: int | None, offset: int = 0) -> tuple[str, list]:
        if limit is None and not offset:
            return sql, params
        # SQLite needs a LIMIT before an OFFSET; both are bound as numbers the web checked.
        return sql + " LIMIT ? OFFSET ?", params + [ALL if limit is None else int(limit), int(offset)]

    def _count(self, sql: str, params: list) -> int:
        row = self._all(f"SELECT COUNT(*) AS n FROM ({sql}) t", params)
        return int(row[0]["n"]) if row else 0

    # ---------------------------------------------------------------- articles

    def _articles_sql(self, since=None, until=None, search=None, outlet=None, status=None,
                      counting: bool = False, sort: str | None = None) -> tuple[str, list]:
        """The articles query; `counting`: for a COUNT, without snippets or order (the sort alone
        was 4/5 of a count's time)."""
        join, where, params, order = "", ["1 = 1"], [], "a.published DESC NULLS LAST, a.pk DESC"
        order_params: list = []
        if search:
            join, cond, fts_params, order, order_params = self._fts_articles(search)
            where.append(cond)
            params += fts_params
        published_between(where, params, since, until)
        if outlet:
            where.append("lower(a.outlet) = lower(?)")
            params.append(outlet)
        if status:
            where.append("a.status = ?")
            params.append(status)
        cols = ", ".join(f"a.{c.strip()}" for c in ARTICLE_COLUMNS.split(","))
        snippet, snippet_params = self._snippet_articles(search) if search and not counting else ("NULL", [])
        if search and not counting and self.LATE_SNIPPETS:
            snippet, snippet_params = "NULL", []  # made for the page's rows alone (`_with_snippets`)
        sql = f"SELECT {cols}, a.pk AS _pk, {snippet} AS snippet FROM articles a {join} WHERE {' AND '.join(where)}"
        if counting:
            return sql, params
        if sort:  # a column chosen, instead of the newest (or the best matches) first
            order, order_params = order_by("articles", sort, "a.published DESC NULLS LAST, a.pk DESC"), []
        return f"{sql} ORDER BY {order}", snippet_params + params + order_params

    def articles(self, limit: int | None = 50, offset: int = 0, since: str | None = None, until: str | None = None,
                 search: str | None = None, outlet: str | None = None, status: str | None = None,
                 sort: str | None = None) -> list[dict]:
        """Articles, newest first (best matches first for a search; `sort`: a column of SORTS):
        id, title, subtitle, outlet, author, published, url, n_quotes, n_disputes, status ('ok' |
        'failed'), error, source, content_hash."""
        sql, params = self._articles_sql(since, until, search, outlet, status, sort=check_sort("articles", sort))
        return self._with_snippets("articles", search, self._all(*self._page(sql, params, limit, offset)))

    def count_articles(self, since: str | None = None, until: str | None = None, search: str | None = None,
                       outlet: str | None = None, status: str | None = None) -> int:
        return self._count(*self._articles_sql(since, until, search, outlet, status, counting=True))

    def titles(self, ids: list[str]) -> dict[str, str]:
        """Article id -> title (the id when untitled) for the given ids, for links to them."""
        out: dict[str, str] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            for r in self._all(f"SELECT id, title FROM articles WHERE id IN ({', '.join('?' * len(chunk))})",
                               chunk):
                out[r["id"]] = r["title"] or r["id"]
        return out

    # ---------------------------------------------------------------- actors

    def _actor_ids(self, name_or_id: str, exact_id: bool = False) -> list[str]:
        """Corpus actor ids whose id, name or an alias contains `name_or_id` (case-insensitive).
        With `exact_id`, an existing actor id means that actor alone (a link to "trump" is not a
        search for everyone whose alias mentions Trump)."""
        if exact_id and self._all("SELECT 1 AS x FROM corpus_actors WHERE id = ?", (name_or_id,)):
            return [name_or_id]
        corpus, corpus_params = self._names_match("corpus_actors", name_or_id)
        local, local_params = self._names_match("actors", name_or_id)
        # the corpus actors and the articles' own names (an actor merged under another name), in a UNION
        rows = self._all(f"SELECT id FROM corpus_actors WHERE id = ? OR {corpus} "
                         f"UNION SELECT corpus_id AS id FROM actors WHERE corpus_id IS NOT NULL AND {local} ORDER BY id",
                         [name_or_id, *corpus_params, *local_params])
        return [r["id"] for r in rows]

    def _names_match(self, table: str, text: str) -> tuple[str, list]:
        """(condition, params): a row of `table` (actors, corpus_actors) whose name or aliases contain
        `text`, case aside. Here a scan with LIKE; the SQLite store reads an index (sqlite.py)."""
        pattern = like(text)
        return f"(lower(name) {LIKE} OR lower(aliases) {LIKE})", [pattern, pattern]

    def _actors_sql(self, search=None, ids=None, kind=None, sort=None) -> tuple[str, list] | None:
        where, params = ["1 = 1"], []
        if search or ids is not None:
            ids = self._actor_ids(search) if search else ids
            if not ids:
                return None
            where.append(f"ca.id IN ({', '.join('?' * len(ids))})")
            params += list(ids)
        if kind:
            where.append("ca.kind = ?")
            params.append(kind)
        # the counts the writer stored (store/counts.py): counting each actor's quotes on every request
        # was most of the overview's and the actors page's time
        return ("SELECT ca.id, ca.name, ca.kind, ca.aliases, ca.titles, ca.n_quotes, ca.n_articles "
                f"FROM corpus_actors ca WHERE ca.n_articles > 0 AND {' AND '.join(where)} "
                f"ORDER BY {order_by('actors', sort, 'name, id') or 'n_quotes DESC, n_articles DESC, name, id'}", params)

    def actors(self, limit: int | None = None, search: str | None = None, ids: list[str] | None = None,
               offset: int = 0, kind: str | None = None, sort: str | None = None) -> list[dict]:
        """Corpus-level actors, most quoted first (or by `sort`): id, name, kind, aliases, titles,
        n_quotes, n_articles. `search` matches a name or alias (part of it is enough); `ids` picks
        actors by id; `kind`: person, organization, ..."""
        query = self._actors_sql(search, ids, kind, check_sort("actors", sort))
        if query is None:
            return []
        return [self._actor_row(r) for r in self._all(*self._page(*query, limit, offset))]

    def count_actors(self, search: str | None = None, kind: str | None = None) -> int:
        """How many actors `actors` lists with these filters (those in at least one article)."""
        where, params = ["1 = 1"], []
        if search:
            ids = self._actor_ids(search)
            if not ids:
                return 0
            where.append(f"ca.id IN ({', '.join('?' * len(ids))})")
            params += ids
        if kind:
            where.append("ca.kind = ?")
            params.append(kind)
        rows = self._all(f"SELECT COUNT(*) AS n FROM corpus_actors ca WHERE ca.n_articles > 0 AND {' AND '.join(where)}",
                         params)
        return int(rows[0]["n"])

    @staticmethod
    def _actor_row(r: dict) -> dict:
        r["aliases"] = from_json(r["aliases"], [])
        r["titles"] = from_json(r["titles"], [])
        return r

    def actor(self, actor_id: str, limit: int | None = None, offset: int = 0,
              with_quotes: bool = True) -> dict | None:
        """One corpus actor: its row plus "quotes" (what it said, newest first) and "articles" (where
        it appears, newest first), both paged by `limit` and `offset` (None: all), and their totals
        "total_quotes" and "total_articles". `with_quotes=False`: the articles alone."""
        rows = self.actors(ids=[actor_id])
        if not rows:
            return None
        row = rows[0]
        # the totals are the counts the writer stored (store/counts.py): counting them here cost as much
        # as the page (30-40 ms for a frequent actor at 10,000 articles)
        if with_quotes:
            row["quotes"] = self.quotes(speaker_id=actor_id, limit=limit, offset=offset)
            row["total_quotes"] = row["n_quotes"]
        # its articles by a subquery, not a join made DISTINCT (which sorted every joined row twice)
        sql = (f"SELECT {', '.join('a.' + c.strip() for c in ARTICLE_COLUMNS.split(','))}, a.pk FROM articles a "
               "WHERE a.id IN (SELECT x.article_id FROM actors x WHERE x.corpus_id = ?)")
        row["articles"] = self._all(*self._page(sql + " ORDER BY a.published DESC NULLS LAST, a.pk DESC",
                                                [actor_id], limit, offset))
        row["total_articles"] = row["n_articles"]
        for a in row["articles"]:
            a.pop("pk", None)
        return row

    def quote_dates(self, actor_id: str) -> list[str | None]:
        """The publication date of the article of each quote of this corpus actor (for a chart of
        them over time, without reading every quote)."""
        return [r["published"] for r in self._all(
            "SELECT a.published FROM quotes q JOIN articles a ON a.id = q.article_id "
            "JOIN actors x ON x.article_id = q.article_id AND x.id = q.speaker WHERE x.corpus_id = ?", [actor_id])]

    # ---------------------------------------------------------------- quotes

    def _quotes_sql(self, speaker=None, since=None, until=None, search=None, article=None, speaker_id=None,
                    kind=None, counting: bool = False, sort=None, page: tuple[int | None, int] | None = None
                    ) -> tuple[str, list] | None:
        join, where, params, order = "", ["1 = 1"], [], "a.published DESC NULLS LAST, a.pk DESC, q.seq"
        order = order_by("quotes", sort, order) or order
        if search:
            join, cond, fts_params, _, _ = self._fts_quotes(search)
            where.append(cond)
            params += fts_params
        speakers: list[str] = []
        if speaker_id is not None:
            where.append("x.corpus_id = ?")
            params.append(speaker_id)
            speakers.append(speaker_id)
        if speaker:
            ids = self._actor_ids(speaker, exact_id=True)
            if not ids:
                return None
            where.append(f"x.corpus_id IN ({', '.join('?' * len(ids))})")
            params += ids
            speakers += ids
        published_between(where, params, since, until)
        if article:
            where.append("q.article_id = ?")
            params.append(article)
        if kind:
            where.append("q.kind = ?")
            params.append(kind)
        by_speaker = speaker_id is not None or bool(speaker)
        if counting:  # only the joins a filter reads: the speaker's two (unique keys) changed no count
            return (f"SELECT q.pk FROM quotes q JOIN articles a ON a.id = q.article_id {join} "
                    + ("LEFT JOIN actors x ON x.article_id = q.article_id AND x.id = q.speaker " if by_speaker else "")
                    + f"WHERE {' AND '.join(where)}", params)
        snippet, snippet_params = self._snippet_quotes(search) if search else ("NULL", [])
        if search and self.LATE_SNIPPETS:
            snippet, snippet_params = "NULL", []  # made for the page's rows alone (`_with_snippets`)
        tables = ("FROM quotes q JOIN articles a ON a.id = q.article_id {join} "
                  "LEFT JOIN actors x ON x.article_id = q.article_id AND x.id = q.speaker "
                  "LEFT JOIN corpus_actors ca ON ca.id = x.corpus_id ")
        columns = ("SELECT q.article_id || ':' || q.id AS id, q.article_id, a.title AS article_title, a.published, "
                   "q.kind, q.text, x.corpus_id AS speaker, COALESCE(ca.name, x.name) AS speaker_name, q.cue, "
                   f"q.start_char AS start, q.end_char AS \"end\", q.stance, q.negated, q.pk AS _pk, {snippet} AS snippet ")
        if page is None:
            return (columns + tables.format(join=join) + f"WHERE {' AND '.join(where)} ORDER BY {order}",
                    snippet_params + params)
        # A page: its keys sorted and cut first, then its rows read (sorting whole rows, texts and titles
        # included, was half the time of a frequent speaker's page at 10,000 articles)
        keys = f"SELECT q.pk {tables.format(join=join)}WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ? OFFSET ?"
        if speakers and not search and not sort and self._newest_first(speakers, page):
            # newest articles first, each probed for the speaker, until the page is full
            keep = self.KEEP_ORDER or "JOIN"
            keys = (f"SELECT q.pk FROM articles a {keep} actors x ON x.article_id = a.id "
                    f"{keep} quotes q ON q.article_id = x.article_id AND q.speaker = x.id "
                    f"WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ? OFFSET ?")
        return (columns + tables.format(join="") + f"WHERE q.pk IN ({keys}) ORDER BY {order}",
                snippet_params + params + [ALL if page[0] is None else int(page[0]), int(page[1])])

    # A join the backend must do in the order written (SQLite: CROSS JOIN); None: the planner chooses.
    KEEP_ORDER: str | None = None

    def _newest_first(self, speakers: list[str], page: tuple[int | None, int]) -> bool:
        """Whether a page of these speakers' quotes is found sooner by reading articles newest first than
        by reading all their quotes and sorting them: the articles read to fill the page (about page end
        x articles / their quotes) against their quotes. The stored counts (store/counts.py) decide: a
        frequent speaker's page at 10,000 articles took 74 ms one way and 1 ms the other; a rare one's
        4 ms and 13 ms."""
        if self.KEEP_ORDER is None or page[0] is None:
            return False
        marks = ", ".join("?" * len(speakers))
        quoted = int(self._all(f"SELECT COALESCE(SUM(n_quotes), 0) AS n FROM corpus_actors WHERE id IN ({marks})",
                               speakers)[0]["n"])
        articles = int(self._all("SELECT COALESCE(MAX(pk), 0) AS n FROM articles")[0]["n"])
        return quoted * quoted > (int(page[0]) + int(page[1])) * max(articles, 1)

    def quotes(self, speaker: str | None = None, since: str | None = None, until: str | None = None,
               search: str | None = None, article: str | None = None, limit: int | None = None,
               speaker_id: str | None = None, offset: int = 0, kind: str | None = None,
               sort: str | None = None) -> list[dict]:
        """Quotes in reading order within articles, newest articles first: id, article_id, article_title,
        published, kind, text, speaker (corpus actor id), speaker_name, cue, start, end, stance and
        negated (issue 16: a stance, not a reported proposition; a denied cue).
        `speaker` is a corpus actor id (that actor only) or else part of a name or alias
        (case-insensitive); `kind`: direct, indirect or mixed; `sort`: a column of SORTS."""
        paged = (limit, offset) if limit is not None or offset else None
        query = self._quotes_sql(speaker, since, until, search, article, speaker_id, kind,
                                 sort=check_sort("quotes", sort), page=paged)
        if query is None:
            return []
        rows = self._with_snippets("quotes", search, self._all(*query))
        for r in rows:
            r["stance"], r["negated"] = bool(r.get("stance")), bool(r.get("negated"))
        return rows

    def count_quotes(self, speaker: str | None = None, since: str | None = None, until: str | None = None,
                     search: str | None = None, article: str | None = None, kind: str | None = None) -> int:
        if speaker and not (since or until or search or article or kind):  # the writer counted them (counts.py)
            ids = self._actor_ids(speaker, exact_id=True)
            if not ids:
                return 0
            return int(self._all(f"SELECT COALESCE(SUM(n_quotes), 0) AS n FROM corpus_actors WHERE id IN "
                                 f"({', '.join('?' * len(ids))})", ids)[0]["n"])
        query = self._quotes_sql(speaker, since, until, search, article, None, kind, counting=True)
        return 0 if query is None else self._count(*query)

    # ---------------------------------------------------------------- disputes

    def _local_actors(self, article_ids: set[str]) -> dict[tuple[str, str], tuple[str | None, str]]:
        """(article, local actor id) -> (corpus id, display name) for the given articles."""
        out: dict = {}
        ids = sorted(article_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            for r in self._all("SELECT x.article_id, x.id, x.corpus_id, COALESCE(ca.name, x.name) AS name "
                               "FROM actors x LEFT JOIN corpus_actors ca ON ca.id = x.corpus_id "
                               f"WHERE x.article_id IN ({', '.join('?' * len(chunk))})", chunk):
                out[(r["article_id"], r["id"])] = (r["corpus_id"], r["name"])
        return out

    def _actor_names(self, pairs: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[str | None, str]]:
        """(article, local actor id) -> (corpus id, display name) for these pairs only (the claims of a
        page of disputes name a few actors of their articles, which have hundreds)."""
        out: dict = {}
        by_article: dict[str, set[str]] = {}
        for art, local in pairs:
            by_article.setdefault(art, set()).add(local)
        articles = sorted(by_article)
        for i in range(0, len(articles), 200):
            chunk = articles[i:i + 200]
            ids = sorted({x for a in chunk for x in by_article[a]})
            # the primary key (article_id, id) answers both lists; the pairs are picked out below
            for r in self._all("SELECT x.article_id, x.id, x.corpus_id, COALESCE(ca.name, x.name) AS name "
                               "FROM actors x LEFT JOIN corpus_actors ca ON ca.id = x.corpus_id "
                               f"WHERE x.article_id IN ({', '.join('?' * len(chunk))}) "
                               f"AND x.id IN ({', '.join('?' * len(ids))})", chunk + ids):
                if r["id"] in by_article[r["article_id"]]:
                    out[(r["article_id"], r["id"])] = (r["corpus_id"], r["name"])
        return out

    def _raw_disputes(self, kind: str | None = None, article: str | None = None) -> list[dict]:
        """Dispute rows with their articles and claims read, the claims' actors not yet named."""
        sql, where, params = "SELECT id, kind, summary, scope, event, articles, claims FROM disputes", [], []
        if kind:
            where.append("kind = ?")
            params.append(kind)
        if article:  # the rows whose articles (JSON) hold its id; their list is checked below
            where.append(f"articles {LIKE}")
            params.append("%" + json.dumps(article, ensure_ascii=False).replace("\\", "\\\\").replace(
                "%", "\\%").replace("_", "\\_") + "%")
        rows = self._all(sql + (f" WHERE {' AND '.join(where)}" if where else "") + " ORDER BY scope DESC, id", params)
        for r in rows:
            r["articles"] = from_json(r["articles"], [])
            r["claims"] = from_json(r["claims"], [])
        return [r for r in rows if not article or article in r["articles"]]

    def _named_disputes(self, rows: list[dict]) -> list[dict]:
        """The rows with each claim's actor as a corpus actor id and a name (only for these rows: naming
        every dispute's actors for a page of them read every actor of their articles)."""
        names = self._actor_names({(c.get("article"), c.get(k)) for r in rows for c in r["claims"]
                                   for k in ("actor", "via") if c.get("article") and c.get(k)})
        # names of the corpus-level actors the claims name (not every actor in the corpus)
        wanted = sorted({c.get(k) for r in rows for c in r["claims"] for k in ("actor", "via")
                         if c.get(k) and (c.get("article"), c.get(k)) not in names})
        corpus = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i:i + 500]
            corpus.update({r["id"]: r["name"] for r in self._all(
                f"SELECT id, name FROM corpus_actors WHERE id IN ({', '.join('?' * len(chunk))})", chunk)})
        out = []
        for r in rows:
            claims = []
            for c in r["claims"]:
                actor, name = self._claim_actor(c.get("article"), c.get("actor"), names, corpus)
                via, via_name = self._claim_actor(c.get("article"), c.get("via"), names, corpus)
                claims.append({"actor": actor, "actor_name": name, "text": c.get("text"),
                               "quote": c.get("quote"), "article": c.get("article"),
                               "origin_text": c.get("origin_text"), "relays": c.get("relays") or [],
                               "via": via, "via_name": via_name})
            out.append({**r, "claims": claims})
        return out

    @staticmethod
    def _claim_actor(article, actor, names: dict, corpus: dict) -> tuple[str | None, str | None]:
        """A dispute claim's actor (or the spokesperson it speaks through) as a corpus id and a name."""
        if actor and (article, actor) in names:
            return names[(article, actor)]
        return actor, corpus.get(actor)

    def _filtered_disputes(self, kind=None, outlet=None, actor=None, since=None, until=None,
                           article=None) -> list[dict]:
        """The disputes these filters keep; named only when an actor filter needed the names."""
        rows = self._raw_disputes(kind, article)
        if outlet or since or until:
            where, params = ["a.status = 'ok'"], []
            published_between(where, params, since, until)
            if outlet:
                where.append("lower(a.outlet) = lower(?)")
                params.append(outlet)
            keep = {r["id"] for r in self._all(f"SELECT a.id FROM articles a WHERE {' AND '.join(where)}",
                                               params)}
            rows = [r for r in rows if keep & set(r["articles"])]
        if actor:
            wanted = set(self._actor_ids(actor, exact_id=True))
            rows = [r for r in self._named_disputes(rows) if wanted & {c["actor"] for c in r["claims"]}]
        return rows

    def _sorted_disputes(self, rows: list[dict], sort: str | None) -> list[dict]:
        """Disputes by a column: the newest of its articles' dates, kind, summary, how many articles
        or sides; ties keep the usual order (within articles first, then by id)."""
        if not sort:
            return rows
        name, reverse = sort.lstrip("-"), sort.startswith("-")
        if name == "published":
            dates = self._dates({a for r in rows for a in r["articles"]})
            key = lambda r: max((dates.get(a) or "" for a in r["articles"]), default="")  # noqa: E731
        elif name in ("articles", "sides"):
            key = lambda r: len(r["articles" if name == "articles" else "claims"])  # noqa: E731
        else:
            key = lambda r: (r.get(name) or "").lower()  # noqa: E731
        known = [r for r in rows if key(r) != ""]
        return sorted(known, key=key, reverse=reverse) + [r for r in rows if key(r) == ""]  # undated last

    def _dates(self, article_ids: set[str]) -> dict[str, str | None]:
        ids, out = sorted(article_ids), {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            out.update({r["id"]: r["published"] for r in self._all(
                f"SELECT id, published FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk)})
        return out

    def disputes(self, limit: int | None = None, offset: int = 0, kind: str | None = None,
                 outlet: str | None = None, actor: str | None = None, since: str | None = None,
                 until: str | None = None, sort: str | None = None, article: str | None = None) -> list[dict]:
        """Disputes within articles and across them: id, kind, summary, scope ('article' | 'corpus'),
        articles, claims [{actor, actor_name, text, quote, article, origin_text, relays}]. Filters: the
        dispute's kind; an outlet or publication dates of one of its articles; an actor on one side
        (an actor id, or part of a name); `article`: the disputes that name this article. `sort`: a
        column of SORTS."""
        rows = self._sorted_disputes(self._filtered_disputes(kind, outlet, actor, since, until, article),
                                     check_sort("disputes", sort))
        page = paged(rows, limit, offset)
        return page if actor else self._named_disputes(page)

    def disputed_events(self) -> list[dict]:
        """The event (a corpus event, or an article's own event id) and articles of each dispute that
        names one: what the timeline marks, without naming every side of every dispute."""
        rows = self._all("SELECT event, articles FROM disputes WHERE event IS NOT NULL AND event <> '' ORDER BY id")
        return [{"event": r["event"], "articles": from_json(r["articles"], [])} for r in rows]

    def count_disputes(self, kind: str | None = None, outlet: str | None = None, actor: str | None = None,
                       since: str | None = None, until: str | None = None) -> int:
        return len(self._filtered_disputes(kind, outlet, actor, since, until))

    # ---------------------------------------------------------------- counts and search

    def counts(self) -> dict:
        """How much is stored: articles, quotes, actors, events, disputes, failures."""
        def one(sql: str) -> int:
            return int(self._all(sql)[0]["n"])

        return {
            "articles": one("SELECT COUNT(*) AS n FROM articles WHERE status = 'ok'"),
            "quotes": one("SELECT COUNT(*) AS n FROM quotes"),
            "actors": one("SELECT COUNT(*) AS n FROM corpus_actors WHERE n_articles > 0"),
            "events": one("SELECT COUNT(*) AS n FROM events"),
            "disputes": one("SELECT COUNT(*) AS n FROM disputes"),
            "failures": one("SELECT COUNT(*) AS n FROM articles WHERE status = 'failed'"),
        }

    def search(self, text: str, limit: int = 20, offset: int = 0) -> dict:
        """Full-text search over article titles and texts and over quotes: {"articles": [...],
        "quotes": [...], "total_articles": n, "total_quotes": n} (the totals count every match)."""
        if not text or not text.strip():
            return {"articles": [], "quotes": [], "total_articles": 0, "total_quotes": 0}
        return {"articles": self.articles(limit=limit, offset=offset, search=text, status="ok"),
                "quotes": self.quotes(search=text, limit=limit, offset=offset),
                "total_articles": self.count_articles(search=text, status="ok"),
                "total_quotes": self.count_quotes(search=text)}
