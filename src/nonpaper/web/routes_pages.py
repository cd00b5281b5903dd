"""The HTML pages: overview, articles, article, actors, actor, quotes, timeline, disputes, search,
analyse and the API docs. Each route gathers store rows; templates only lay them out."""
from __future__ import annotations

from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from . import views
from ..store.queries import DEFAULT_SORT, DESCENDING_FIRST, SORTS, parse_search
from .analyse import analyse, read_form, store_analysis, upload_text
from .routes_api import allow_head, sort_param
from .params import (ACTOR_KINDS, DISPUTE_KINDS, MAX_LIMIT, MAX_OFFSET, QUOTE_KINDS, choice_param, date_param,
                     int_param, text_param)

PAGE = 50  # rows on a list page
EVENTS_PAGE = 100  # events on a timeline page (each with its orderings)
SEARCH_PAGE = 20  # hits of each kind on the search page, with a link to all of them


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

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request):
        s = store()
        disputes = s.disputes(limit=8)
        return page(request, "index.html", counts=s.counts(), latest=s.articles(limit=10), actors=s.actors(limit=10),
                    disputes=disputes, n_disputes=s.count_disputes(), titles=_titles(s, disputes))

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles(request: Request, offset: str = "", since: str = "", until: str = "", search: str = "",
                 outlet: str = "", sort: str = ""):
        f = {"since": date_param(since, "since"), "until": date_param(until, "until"),
             "search": text_param(search, "search"), "outlet": text_param(outlet, "outlet")}
        start, order = _offset(offset), sort_param(sort, "articles", 400)
        s = store()
        rows = views.with_hits(s.articles(limit=PAGE, offset=start, sort=order, **f))
        return page(request, "articles.html", rows=rows, filters=_shown(f), sorting=_sorting(request, "articles", order),
                    nav=_nav(request, s.count_articles(**f), start, len(rows), PAGE))

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article(request: Request, article_id: str):
        analysis = store().analysis(article_id)
        if analysis is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        corpus = store().disputes(article=analysis.article.id)
        context = article_context(analysis, corpus, corpus_ids(analysis, corpus))
        context["titles"].update(_titles(store(), corpus))
        return page(request, "article.html", stored=True, **context)

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors(request: Request, search: str = "", kind: str = "", offset: str = "", sort: str = ""):
        f = {"search": text_param(search, "search"), "kind": choice_param(kind, "kind", ACTOR_KINDS)}
        start, order = _offset(offset), sort_param(sort, "actors", 400)
        s = store()
        rows = s.actors(limit=PAGE, offset=start, sort=order, **f)
        return page(request, "actors.html", rows=rows, filters=_shown(f), kinds=ACTOR_KINDS,
                    sorting=_sorting(request, "actors", order),
                    nav=_nav(request, s.count_actors(**f), start, len(rows), PAGE))

    @app.get("/actors/{actor_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def actor(request: Request, actor_id: str, offset: str = ""):
        start, s = _offset(offset), store()
        row = s.actor(actor_id, limit=PAGE, offset=start, with_quotes=False)  # a page of its articles, their total
        if row is None:
            raise HTTPException(404, f"no actor with id {actor_id!r}")
        dates = s.quote_dates(actor_id)
        articles = row.get("articles") or []
        nav = _nav(request, row.get("total_articles", len(articles)), start, len(articles), PAGE)
        nav["csv"] = None  # the actor's JSON holds its articles; there is no CSV of one actor
        # The chart counts every quote (by its date alone); the list shows the latest PAGE, newest first,
        # with a link to all of them.
        return page(request, "actor.html", actor=row, quotes=s.quotes(speaker=actor_id, limit=PAGE),
                    n_quotes=len(dates), per_month=views.quotes_per_month([{"published": d} for d in dates]),
                    articles=articles, nav=nav, active="actors")

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes(request: Request, speaker: str = "", since: str = "", until: str = "", search: str = "",
               kind: str = "", article: str = "", offset: str = "", sort: str = ""):
        f = {"speaker": text_param(speaker, "speaker"), "since": date_param(since, "since"),
             "until": date_param(until, "until"), "search": text_param(search, "search"),
             "kind": choice_param(kind, "kind", QUOTE_KINDS), "article": (article or "").strip()[:1000] or None}
        start, order = _offset(offset), sort_param(sort, "quotes", 400)
        s = store()
        rows = views.with_hits(s.quotes(limit=PAGE, offset=start, sort=order, **f))
        return page(request, "quotes.html", rows=rows, filters=_shown(f), kinds=QUOTE_KINDS,
                    sorting=_sorting(request, "quotes", order),
                    nav=_nav(request, s.count_quotes(**f), start, len(rows), PAGE))

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline(request: Request, actor: str = "", event: str = "", since: str = "", until: str = "",
                 offset: str = ""):
        f = {"actor": text_param(actor, "actor"), "event": text_param(event, "event"),
             "since": date_param(since, "since"), "until": date_param(until, "until")}
        start = _offset(offset)
        s = store()
        items = s.timeline(limit=EVENTS_PAGE, offset=start, **f)
        # the filter suggests the actors of the events shown (ranking every actor took most of the page's time);
        # an event links to its own article, and counts the others that tell it (their titles are not shown)
        names = {pid: name for it in items for pid, name in zip(it.get("participants") or [],
                                                               it.get("participant_names") or []) if pid}
        return page(request, "timeline.html", tl=views.timeline_view(items, s.disputed_events()), names=names,
                    filters=_shown(f), titles=s.titles(sorted({it["article_id"] for it in items})),
                    nav=_nav(request, s.count_timeline(**f), start, len(items), EVENTS_PAGE))

    @app.get("/timeline/events/{event_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def timeline_event(request: Request, event_id: str):
        s = store()
        items = s.timeline(event_id=event_id)
        if not items:
            raise HTTPException(404, f"no event with id {event_id!r}: the timeline lists them at /timeline")
        # with the events its orderings name, so "signed BEFORE the inspection" reads as words
        for target in dict.fromkeys(r["target"] for r in items[0]["relations"] if r["target"] != event_id):
            items += s.timeline(event_id=target)
        return page(request, "timeline.html", tl=views.timeline_view(items, s.disputed_events()), names={}, filters={},
                    titles=s.titles(sorted({it["article_id"] for it in items})), nav=None, one=items[0],
                    active="timeline")

    @app.get("/events/{event_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def corpus_event(request: Request, event_id: str):
        """One happening across the corpus: what each outlet says of it, side by side, the disputed
        points marked (issue 15)."""
        found = store().corpus_event(text_param(event_id, "event"))
        if found is None:
            raise HTTPException(404, f"no corpus event with id {event_id!r}: events reported by several "
                                     "articles link to theirs from /timeline")
        return page(request, "event.html", ev=found, titles={}, active="timeline")

    @app.get("/disputes", response_class=HTMLResponse, include_in_schema=False)
    def disputes(request: Request, kind: str = "", outlet: str = "", actor: str = "", since: str = "",
                 until: str = "", offset: str = "", sort: str = ""):
        f = {"kind": choice_param(kind, "kind", DISPUTE_KINDS), "outlet": text_param(outlet, "outlet"),
             "actor": text_param(actor, "actor"), "since": date_param(since, "since"),
             "until": date_param(until, "until")}
        start, order = _offset(offset), sort_param(sort, "disputes", 400)
        s = store()
        rows = s.disputes(limit=PAGE, offset=start, sort=order, **f)
        return page(request, "disputes.html", disputes=rows, titles=_titles(s, rows), filters=_shown(f),
                    sorting=_sorting(request, "disputes", order),
                    kinds=DISPUTE_KINDS, nav=_nav(request, s.count_disputes(**f), start, len(rows), PAGE))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(request: Request, q: str = ""):
        text = text_param(q, "q")
        if not text:
            return page(request, "search.html", q="", found={}, people=[], n_people=0)
        s = store()
        found = s.search(text, limit=SEARCH_PAGE)
        found.update(articles=views.with_hits(found["articles"]), quotes=views.with_hits(found["quotes"]))
        people = s.actors(search=text)  # every match, ranked: their number is the total (one name lookup)
        nothing = not any(not t.negated for t in parse_search(text))  # only words to leave out
        return page(request, "search.html", q=text, found=found, nothing=nothing, people=people[:SEARCH_PAGE],
                    n_people=len(people))

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
                    result=article_context(analysis, [], {}), stored=stored, result_json=analysis.to_json())

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request):
        return page(request, "docs.html", ops=_operations(app.openapi()), active="docs")

    allow_head(app)


def _offset(value: str) -> int:
    return int_param(value, "offset", 0, 0, MAX_OFFSET)


def _shown(filters: dict) -> dict[str, str]:
    """The filters as the form shows them again (no filter: an empty field)."""
    return {k: v or "" for k, v in filters.items()}


def _sorting(request: Request, what: str, sort: str | None) -> dict:
    """The list's order and, per column, a link that sorts by it (or reverses it when it is the
    order already), keeping the filters and going back to the first page."""
    current = sort or DEFAULT_SORT[what]
    kept = [(k, v) for k, v in request.query_params.multi_items() if k not in ("offset", "sort") and v != ""]
    columns = {}
    for col in SORTS[what]:
        if current == col:
            target, state = f"-{col}", "ascending"
        elif current == f"-{col}":
            target, state = col, "descending"
        else:
            target, state = (f"-{col}" if col in DESCENDING_FIRST else col), None
        columns[col] = {"href": request.url.path + "?" + urlencode(kept + [("sort", target)]), "state": state}
    return {"sort": sort or "", "columns": columns}


def _nav(request: Request, total: int, offset: int, shown: int, size: int) -> dict:
    """What a list page says about its place in the whole: "51–100 of 1,341", the previous and next
    pages, and the same rows as JSON and CSV from the API (all of them, not only this page)."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "offset" and v != ""]

    def url(path: str, extra: list[tuple[str, str]]) -> str:
        query = urlencode(kept + extra)
        return path + ("?" + query if query else "")

    path = request.url.path
    api = "/api" + path
    everything = [("limit", str(min(max(total, 1), MAX_LIMIT)))]
    return {"total": total, "first": offset + 1 if shown else 0, "last": offset + shown,
            "prev": url(path, [("offset", str(max(0, offset - size)))] if offset > size else []) if offset else None,
            "next": url(path, [("offset", str(offset + size))]) if offset + shown < total else None,
            "start": url(path, []), "json": url(api, everything), "csv": url(api, everything + [("format", "csv")]),
            "capped": total > MAX_LIMIT}


def article_context(analysis, corpus_disputes: list[dict], idmap: dict[str, str]) -> dict:
    """What the article template shows for one analysis (stored, or just analysed). `idmap` maps
    its actor ids to the store's; actors not in it are linked to a search by name."""
    who = views.speakers(analysis)
    own = views.analysis_disputes(analysis)
    summaries = {d.get("summary") for d in corpus_disputes}
    disputes = corpus_disputes + [d for d in own if d.get("summary") not in summaries]
    quotes = sorted(analysis.quotes, key=lambda q: (q.start is None, q.start or 0))
    disputed = views.disputed_spans(analysis, disputes)  # the sides of the cards below, marked in the text
    marks = {m.mark for m in disputed}
    return {"a": analysis, "art": analysis.article, "who": who, "blocks": views.highlighted(analysis, who, disputed),
            "headline": views.highlighted_field(analysis, "title", who),
            "subline": views.highlighted_field(analysis, "subtitle", who),
            "marks": {(d.get("id"), i): views.side_mark(d, i) for d in disputes
                      for i in range(len(d.get("claims") or [])) if views.side_mark(d, i) in marks},
            "quotes": quotes, "tl": views.timeline_view(views.analysis_timeline(analysis), own),
            "names": {x.id: x.name for x in analysis.actors}, "disputes": disputes,
            "cast": sorted(who.values(), key=lambda s: (-s.n_quotes, s.name)),
            "titles": {analysis.article.id: analysis.article.title}, "idmap": idmap}


def _titles(s, rows: list[dict]) -> dict[str, str]:
    """Titles of the articles the rows (disputes, events) name, for their links."""
    ids = {a for r in rows for a in (r.get("articles") or [])} | {r["article_id"] for r in rows if r.get("article_id")}
    ids |= {c.get("article") for r in rows for c in r.get("claims") or [] if c.get("article")}
    return s.titles(sorted(ids)) if ids else {}


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
