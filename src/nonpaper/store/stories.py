"""One happening across a corpus (issue 15): what every outlet says of a corpus event, side by side.

The corpus step (`store/merge.py`, `link_events`) gives the events that several articles report one
corpus id; this reads, for one such id, each article's own events, the claims its sources make about
them, and the disputes those claims are part of, so a reader follows one event through every outlet
and sees which points are disputed. A mixin of `Store`, like `Queries`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .queries import from_json

if TYPE_CHECKING:
    class _Hooks:
        def _all(self, sql: str, params: tuple | list = ()) -> list[dict]: ...
else:
    _Hooks = object


class Stories(_Hooks):
    def corpus_event(self, event_id: str) -> dict[str, Any] | None:
        """The corpus event with one entry per article: its outlet, title, date, the article's events
        that are this one, and the claims about them (each with its source's name and, when a dispute
        holds it, that dispute's id and kind); and the disputes themselves."""
        found = self._all("SELECT id, type, date, text, participants, articles FROM corpus_events WHERE id = ?",
                          [event_id])
        if not found:
            return None
        event = found[0]
        members = self._all(
            "SELECT e.article_id, e.id, e.text, e.date, e.status, a.outlet, a.title, a.published FROM events e "
            "JOIN articles a ON a.id = e.article_id WHERE e.corpus_event = ? ORDER BY a.published, e.article_id, e.seq",
            [event_id])
        own = {(m["article_id"], m["id"]) for m in members}
        articles = sorted({m["article_id"] for m in members})
        claims = self._claims_of(articles, own)
        disputes = self._disputes_of({(c["article_id"], c["id"]) for c in claims}, own)
        held = {(c.get("article"), c.get("claim")): d for d in disputes for c in d["claims"]}
        by_article: dict[str, dict] = {}
        for m in members:
            entry = by_article.setdefault(m["article_id"], {
                "article": m["article_id"], "outlet": m["outlet"], "title": m["title"], "published": m["published"],
                "events": [], "claims": []})
            entry["events"].append({"id": m["id"], "text": m["text"], "date": m["date"], "status": m["status"]})
        for c in claims:
            d = held.get((c["article_id"], c["id"]))
            by_article[c["article_id"]]["claims"].append({
                "id": c["id"], "actor": c["actor"], "actor_name": c["actor_name"], "kind": c["kind"],
                "text": c["text"], "polarity": bool(c["polarity"]) if c["polarity"] is not None else True,
                "dispute": d["id"] if d else None, "dispute_kind": d["kind"] if d else None})
        # the fullest wording any article gives it ("sent a non-paper memorandum to the United States")
        text = max([m["text"] or "" for m in members] + [event["text"] or ""], key=len)
        return {"id": event["id"], "type": event["type"], "date": event["date"], "text": text,
                "participants": from_json(event["participants"], []), "articles": list(by_article.values()),
                "disputes": disputes}

    def _claims_of(self, articles: list[str], own: set[tuple[str, str]]) -> list[dict]:
        """Claims about the member events, with their sources' names (the article's actors; none for the
        outlet's own words)."""
        if not articles:
            return []
        marks = ", ".join("?" * len(articles))
        rows = self._all(
            f"SELECT c.article_id, c.id, c.actor, c.kind, c.text, c.event, c.polarity, x.name AS actor_name "
            f"FROM claims c LEFT JOIN actors x ON x.article_id = c.article_id AND x.id = c.actor "
            f"WHERE c.article_id IN ({marks}) ORDER BY c.article_id, c.id", articles)
        return [r for r in rows if (r["article_id"], r["event"]) in own]

    def _disputes_of(self, claims: set[tuple[str, str]], own: set[tuple[str, str]]) -> list[dict]:
        """Disputes over the event: one of its claims is a side, or the dispute is about a member event."""
        out = []
        articles = sorted({a for a, _ in own})
        # only the disputes that can hold them: those of the member articles, and the corpus-level ones
        within = f" OR article_id IN ({', '.join('?' * len(articles))})" if articles else ""
        rows = self._all("SELECT id, kind, summary, scope, article_id, event, articles, claims FROM disputes "
                         f"WHERE article_id IS NULL{within}", articles)
        for r in rows:
            sides = from_json(r["claims"], [])
            if (r["article_id"], r["event"]) in own or any((c.get("article"), c.get("claim")) in claims for c in sides):
                out.append({"id": r["id"], "kind": r["kind"], "summary": r["summary"], "scope": r["scope"],
                            "articles": from_json(r["articles"], []), "claims": sides})
        self._name_sides(out)
        return out

    def _name_sides(self, disputes: list[dict]) -> None:
        """Each side's source by name: the article's actor, else the corpus actor a cross dispute names."""
        ids = sorted({c.get("actor") for d in disputes for c in d["claims"] if c.get("actor")})
        if not ids:
            return
        marks = ", ".join("?" * len(ids))
        local = {(r["article_id"], r["id"]): r["name"] for r in self._all(
            f"SELECT article_id, id, name FROM actors WHERE id IN ({marks})", ids)}
        corpus = {r["id"]: r["name"] for r in self._all(f"SELECT id, name FROM corpus_actors WHERE id IN ({marks})", ids)}
        for d in disputes:
            for c in d["claims"]:
                c["actor_name"] = local.get((c.get("article"), c.get("actor"))) or corpus.get(c.get("actor"))
