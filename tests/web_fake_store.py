"""An in-memory store with the query API of `nonpaper.store` (issue 6), for testing the web alone.

It answers from a list of `Analysis` objects the way the real store's API is specified; the web
tests run against both this and the real SQLite store when it is importable.
"""
from __future__ import annotations

from nonpaper.model import Analysis
from nonpaper.store.queries import check_sort

# each sort column of store/queries.py SORTS as a row's value (None: sorted last either way)
COLUMNS = {
    "articles": {"published": "published", "title": "title", "outlet": "outlet", "quotes": "n_quotes",
                 "disputes": "n_disputes"},
    "actors": {"name": "name", "kind": "kind", "quotes": "n_quotes", "articles": "n_articles"},
    "quotes": {"published": "published", "speaker": "speaker_name", "article": "article_title", "kind": "kind"},
    "disputes": {"kind": "kind", "summary": "summary", "articles": lambda r: len(r["articles"]),
                 "sides": lambda r: len(r["claims"])},
}


def _hit(needle: str | None, *hay: str | None) -> bool:
    return not needle or any(needle.lower() in (h or "").lower() for h in hay)


def _in_range(day: str | None, since: str | None, until: str | None) -> bool:
    if since and (not day or day < since):
        return False
    if until and (not day or day[:len(until)] > until):
        return False
    return True


def _sort(rows: list[dict], what: str, sort: str | None, extra: dict | None = None) -> list[dict]:
    sort = check_sort(what, sort)
    if not sort:
        return rows
    get = {**COLUMNS[what], **(extra or {})}[sort.lstrip("-")]
    value = get if callable(get) else (lambda r: r.get(get))
    key = lambda r: value(r).lower() if isinstance(value(r), str) else value(r)  # noqa: E731
    known = [r for r in rows if value(r) is not None]
    return sorted(known, key=key, reverse=sort.startswith("-")) + [r for r in rows if value(r) is None]


def _page(rows: list, limit, offset: int) -> list:
    return rows[offset:offset + limit] if limit else rows[offset:]


class FakeStore:
    def __init__(self, analyses: list[Analysis] | None = None, corpus_disputes: list[dict] | None = None):
        self._by_id: dict[str, Analysis] = {}
        self._corpus_disputes = list(corpus_disputes or [])  # rows as the store keeps cross-article ones
        for a in analyses or []:
            self.add(a)

    # ------------------------------------------------------------ writing
    def add(self, analysis: Analysis) -> tuple[str, bool]:
        aid = analysis.article.id
        new = aid not in self._by_id
        self._by_id[aid] = analysis
        return aid, new

    def close(self) -> None:
        pass

    # ------------------------------------------------------------ reading
    def _sorted(self) -> list[Analysis]:
        return sorted(self._by_id.values(), key=lambda a: (a.article.published or "", a.article.id), reverse=True)

    def articles(self, limit=50, offset=0, since=None, until=None, search=None, outlet=None, status=None,
                 sort=None) -> list[dict]:
        rows = []
        for a in self._sorted():
            art = a.article
            if not _in_range(art.published, since, until) or not _hit(search, art.title, art.text):
                continue
            if outlet and (art.outlet or "").lower() != outlet.lower():
                continue
            rows.append({"id": art.id, "title": art.title, "subtitle": art.subtitle, "outlet": art.outlet,
                         "author": art.author, "published": art.published, "url": art.url,
                         "n_quotes": len(a.quotes), "n_disputes": len(a.disputes), "status": "ok", "error": None})
        return _page(_sort(rows, "articles", sort), limit, offset)

    def analysis(self, article_id: str) -> Analysis | None:
        return self._by_id.get(article_id)

    def _actor_rows(self) -> dict[str, dict]:
        out: dict[str, dict] = {}
        for a in self._sorted():
            for actor in a.actors:
                row = out.setdefault(actor.id, {"id": actor.id, "name": actor.name, "kind": actor.kind,
                                                "aliases": [], "titles": [], "n_quotes": 0, "n_articles": 0})
                row["aliases"] += [x for x in actor.aliases if x not in row["aliases"]]
                row["titles"] += [x for x in actor.titles if x not in row["titles"]]
                row["n_articles"] += 1
                row["n_quotes"] += sum(q.speaker == actor.id for q in a.quotes)
        return out

    def count_articles(self, **filters) -> int:
        return len(self.articles(limit=None, **filters))

    def titles(self, ids) -> dict[str, str]:
        return {i: self._by_id[i].article.title or i for i in ids if i in self._by_id}

    def actors(self, limit=None, search=None, offset=0, kind=None, sort=None) -> list[dict]:
        rows = [r for r in self._actor_rows().values() if _hit(search, r["name"], *r["aliases"])
                and (not kind or r["kind"] == kind)]
        rows.sort(key=lambda r: (-r["n_quotes"], r["name"]))
        return _page(_sort(rows, "actors", sort), limit, offset)

    def count_actors(self, **filters) -> int:
        return len(self.actors(**filters))

    def quote_dates(self, actor_id: str) -> list[str | None]:
        return [q["published"] for q in self.quotes(speaker=actor_id)]

    def actor(self, actor_id: str, limit=None, offset=0, with_quotes=True) -> dict | None:
        row = self._actor_rows().get(actor_id)
        if row is None:
            return None
        row = dict(row)
        quotes = self.quotes(speaker=actor_id)[::-1]  # newest first
        articles = [r for r in self.articles(limit=None) if any(x.id == actor_id for x in self._by_id[r["id"]].actors)]
        row.update(quotes=_page(quotes, limit, offset), articles=_page(articles, limit, offset),
                   total_quotes=len(quotes), total_articles=len(articles))
        return row

    def quotes(self, speaker=None, since=None, until=None, search=None, article=None, limit=None, offset=0,
               kind=None, sort=None) -> list[dict]:
        rows = []
        for a in sorted(self._by_id.values(), key=lambda a: (a.article.published or "", a.article.id)):
            if article and a.article.id != article:
                continue
            if not _in_range(a.article.published, since, until):
                continue
            for q in a.quotes:
                who = a.actor(q.speaker)
                if speaker and q.speaker != speaker and not (who and who.name.lower() == speaker.lower()):
                    continue
                if not _hit(search, q.text) or (kind and q.kind != kind):
                    continue
                rows.append({"id": q.id, "article_id": a.article.id, "article_title": a.article.title,
                             "published": a.article.published, "kind": q.kind, "text": q.text,
                             "speaker": q.speaker, "speaker_name": who.name if who else None, "cue": q.cue,
                             "start": q.start, "end": q.end})
        return _page(_sort(rows, "quotes", sort), limit, offset)

    def count_quotes(self, **filters) -> int:
        return len(self.quotes(**filters))

    def timeline(self, actor=None, event=None, limit=None, offset=0, event_id=None, since=None, until=None) -> list[dict]:
        rows = []
        for a in self._by_id.values():
            for e in a.events:
                if actor and actor not in e.participants:
                    continue
                if not _hit(event, e.text, e.type) or (event_id and event_id != f"{a.article.id}:{e.id}"):
                    continue
                if (since or until) and not _in_range(e.date, since, until):
                    continue
                rels = [{"source": r.source, "relation": r.relation, "target": r.target,
                         "asserted_by": r.asserted_by,
                         "asserted_by_name": (a.actor(r.asserted_by).name if a.actor(r.asserted_by) else None),
                         "evidence": r.evidence, "article_id": a.article.id}
                        for r in a.relations if r.source == e.id]
                rows.append({"id": e.id, "article_id": a.article.id, "text": e.text, "type": e.type,
                             "date": e.date, "participants": list(e.participants), "relations": rels})
        rows.sort(key=lambda r: (r["date"] is None, r["date"] or ""))
        return _page(rows, limit, offset)

    def count_timeline(self, **filters) -> int:
        return len(self.timeline(**filters))

    def disputes(self, limit=None, offset=0, kind=None, outlet=None, actor=None, since=None, until=None,
                 sort=None, article=None) -> list[dict]:
        rows = []
        for a in self._sorted():
            if not _in_range(a.article.published, since, until):
                continue
            if outlet and (a.article.outlet or "").lower() != outlet.lower():
                continue
            for d in a.disputes:
                if (kind and d.kind != kind) or (actor and actor not in {c.actor for c in d.claims}):
                    continue
                rows.append({"id": f"{a.article.id}:{d.id}", "kind": d.kind, "summary": d.summary,
                             "scope": "article", "articles": list(d.articles or [a.article.id]),
                             "claims": [{"actor": c.actor,
                                         "actor_name": a.actor(c.actor).name if a.actor(c.actor) else None,
                                         "text": c.text, "quote": c.quote, "article": c.article or a.article.id}
                                        for c in d.claims]})
        rows += [d for d in self._corpus_disputes if not kind or d["kind"] == kind]
        rows = [r for r in rows if not article or article in r["articles"]]
        dates = {i: a.article.published for i, a in self._by_id.items()}
        newest = {"published": lambda r: max((dates.get(x) or "" for x in r["articles"]), default="") or None}
        return _page(_sort(rows, "disputes", sort, newest), limit, offset)

    def count_disputes(self, **filters) -> int:
        return len(self.disputes(**filters))

    def disputed_events(self) -> list[dict]:
        return [{"event": d["event"], "articles": d["articles"]} for d in self.disputes() if d.get("event")]

    def counts(self) -> dict:
        return {"articles": len(self._by_id), "actors": len(self._actor_rows()),
                "quotes": sum(len(a.quotes) for a in self._by_id.values()),
                "events": sum(len(a.events) for a in self._by_id.values()),
                "disputes": len(self.disputes())}

    def search(self, text: str, limit: int = 20, offset: int = 0) -> dict:
        return {"articles": self.articles(limit=limit, offset=offset, search=text),
                "quotes": self.quotes(search=text, limit=limit, offset=offset),
                "total_articles": self.count_articles(search=text), "total_quotes": self.count_quotes(search=text)}
