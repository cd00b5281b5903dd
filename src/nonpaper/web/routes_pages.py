"""The HTML pages: overview, articles, article, actors, actor, quotes, timeline, disputes, search,
analyse and the API docs. Each route gathers store rows; templates only lay them out."""
from __future__ import annotations

import re

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from . import views
from .analyse import DATE, analyse, read_form, store_analysis, upload_text

PAGE = 50
MAX_EVENTS = 1000


def add_page_routes(app: FastAPI, access, page, check_token) -> None:
    def store():
        return access.get()

    def corpus_ids(analysis, disputes: list[dict]) -> dict[str, str]:
        """The article's local actor ids -> the store's corpus actor ids (read off its quotes), plus
        the corpus ids the disputes already use."""
        local = {q.id: q.speaker for q in analysis.quotes}
        out = {}
        for row in store().quotes(article=analysis.article.id):
            speaker = local.get(views.local_id(analysis.article.id, str(row.get("id"))))
            if speaker and row.get("speaker"):
                out[speaker] = row["speaker"]
        for d in disputes:
            out.update({c["actor"]: c["actor"] for c in d.get("claims") or [] if c.get("actor")})
        return out

    def actor_names() -> dict[str, str]:
        return {a["id"]: a["name"] for a in store().actors(limit=1000)}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request):
        s = store()
        actors = sorted(s.actors(limit=10), key=lambda a: (-(a.get("n_quotes") or 0), a.get("name") or ""))
        return page(request, "index.html", counts=s.counts(), latest=s.articles(limit=10),
                    actors=actors[:10], disputes=s.disputes()[:8], titles=_titles(s))

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles(request: Request, offset: int = Query(0, ge=0), since: str = "", until: str = "",
                 search: str | None = None, outlet: str | None = None):
        since, until = _date(since, "since"), _date(until, "until")
        rows = store().articles(limit=PAGE + 1, offset=offset, since=since or None, until=until or None,
                                search=search or None, outlet=outlet or None)
        return page(request, "articles.html", rows=rows[:PAGE], more=len(rows) > PAGE, offset=offset, page_size=PAGE,
                    filters={"since": since or "", "until": until or "", "search": search or "",
                             "outlet": outlet or ""})

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article(request: Request, article_id: str):
        analysis = store().analysis(article_id)
        if analysis is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        corpus = [d for d in store().disputes() if analysis.article.id in (d.get("articles") or [])]
        return page(request, "article.html", **article_context(analysis, corpus, corpus_ids(analysis, corpus)))

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors(request: Request, search: str | None = None):
        rows = sorted(store().actors(search=search or None),
                      key=lambda a: (-(a.get("n_quotes") or 0), a.get("name") or ""))
        return page(request, "actors.html", rows=rows, search=search or "")

    @app.get("/actors/{actor_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def actor(request: Request, actor_id: str):
        row = store().actor(actor_id)
        if row is None:
            raise HTTPException(404, f"no actor with id {actor_id!r}")
        quotes = sorted(row.get("quotes") or [], key=lambda q: (q.get("published") or "", q.get("article_id") or ""))
        return page(request, "actor.html", actor=row, quotes=quotes, per_month=views.quotes_per_month(quotes),
                    articles=row.get("articles") or [], active="actors")

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes(request: Request, speaker: str | None = None, since: str = "", until: str = "",
               search: str | None = None):
        since, until = _date(since, "since"), _date(until, "until")
        rows = store().quotes(speaker=speaker or None, since=since or None, until=until or None,
                              search=search or None, limit=500)
        return page(request, "quotes.html", rows=rows, filters={"speaker": speaker or "", "since": since or "",
                                                               "until": until or "", "search": search or ""})

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline(request: Request, actor: str | None = None, event: str | None = None):
        items = store().timeline(actor=actor or None, event=event or None)
        shown = items[:MAX_EVENTS]  # a page, not a dump: filter to see the rest
        return page(request, "timeline.html", tl=views.timeline_view(shown, store().disputes()),
                    names=actor_names(), filters={"actor": actor or "", "event": event or ""},
                    titles=_titles(store()), total=len(items), shown=len(shown))

    @app.get("/disputes", response_class=HTMLResponse, include_in_schema=False)
    def disputes(request: Request):
        return page(request, "disputes.html", disputes=store().disputes(), titles=_titles(store()))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(request: Request, q: str = ""):
        found = store().search(q.strip(), limit=50) if q.strip() else {"articles": [], "quotes": []}
        people = store().actors(search=q.strip(), limit=20) if q.strip() else []
        return page(request, "search.html", q=q, found=found, people=people)

    @app.get("/analyze", response_class=HTMLResponse, include_in_schema=False)
    def analyze_form(request: Request):
        return page(request, "analyze.html", form={}, result=None)

    @app.post("/analyze", response_class=HTMLResponse, include_in_schema=False)
    async def analyze_page(request: Request):
        try:
            fields = await read_form(request)
        except HTTPException as exc:
            return page(request, "analyze.html", status_code=exc.status_code, form={}, result=None,
                        error=exc.detail)
        return await run_in_threadpool(analyze_sync, request, fields)

    def analyze_sync(request: Request, fields: dict):
        text = fields["text"]
        form = {"text": text, "published": fields["published"], "title": fields["title"], "save": fields["save"]}
        warnings: list[str] = []
        try:
            if fields["data"]:
                text, warnings = upload_text(fields["data"], fields["filename"])
            if not text.strip():
                raise HTTPException(400, "nothing to analyse: paste an article or choose a file")
            if fields["save"]:
                check_token(request, fields["token"])
            analysis = analyse(text, published=fields["published"].strip() or None,
                               title=fields["title"].strip() or None)
            stored = store_analysis(store(), analysis) if fields["save"] else None
        except HTTPException as exc:
            return page(request, "analyze.html", status_code=exc.status_code, form=form, result=None,
                        error=exc.detail)
        return page(request, "analyze.html", form=form, warnings=warnings + list(analysis.warnings),
                    result=article_context(analysis, [], {}), stored=stored)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request):
        return page(request, "docs.html", ops=_operations(app.openapi()), active="docs")


def _date(value: str, name: str) -> str | None:
    """A date filter from a form: empty is no filter; anything but YYYY[-MM[-DD]] is a 400."""
    value = (value or "").strip()
    if not value:
        return None
    if not re.match(DATE, value):
        raise HTTPException(400, f"{name}: cannot read {value!r} as a date; write it as YYYY-MM-DD")
    return value


def article_context(analysis, corpus_disputes: list[dict], idmap: dict[str, str]) -> dict:
    """What the article template shows for one analysis (stored, or just analysed). `idmap` maps
    its actor ids to the store's; actors not in it are linked to a search by name."""
    who = views.speakers(analysis)
    own = views.analysis_disputes(analysis)
    summaries = {d.get("summary") for d in corpus_disputes}
    disputes = corpus_disputes + [d for d in own if d.get("summary") not in summaries]
    quotes = sorted(analysis.quotes, key=lambda q: (q.start is None, q.start or 0))
    return {"a": analysis, "art": analysis.article, "who": who, "blocks": views.highlighted(analysis, who),
            "quotes": quotes, "tl": views.timeline_view(views.analysis_timeline(analysis), own),
            "names": {x.id: x.name for x in analysis.actors}, "disputes": disputes,
            "cast": sorted(who.values(), key=lambda s: (-s.n_quotes, s.name)),
            "titles": {analysis.article.id: analysis.article.title}, "idmap": idmap}


def _titles(s) -> dict[str, str]:
    return {r["id"]: r.get("title") or r["id"] for r in s.articles(limit=100000)}


def _operations(spec: dict) -> list[dict]:
    """The OpenAPI operations as rows for the docs page (the page needs no script or CDN)."""
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "type": _type(p.get("schema", {})), "description": p.get("description", "")}
                      for p in op.get("parameters", [])]
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "params": params,
                        "try": method == "get" and not any(p["in"] == "path" for p in params),
                        "body": list((op.get("requestBody") or {}).get("content", {}).keys())})
    return ops


def _type(schema: dict) -> str:
    if "anyOf" in schema:
        return " | ".join(_type(s) for s in schema["anyOf"])
    return schema.get("type", "")
