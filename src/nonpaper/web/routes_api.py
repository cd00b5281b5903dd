"""The JSON API: the CLI's query verbs over HTTP, plus POST /api/analyze."""
from __future__ import annotations

import io
from typing import Any, Literal

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field

from .analyse import analyse, read_form, store_analysis, upload_text
from ..store.queries import SORTS, check_sort
from .params import MAX_LIMIT, MAX_OFFSET, MAX_TEXT, date_param

Format = Literal["json", "csv"]
QuoteKind = Literal["direct", "indirect", "mixed"]
PAGED = ("`limit` and `offset` page the list; the `X-Total-Count` header gives how many rows match in all and "
         "`Link` the next and previous pages. `format=csv` gives the same rows as CSV. `sort` orders the rows by a "
         "column (`sort=-name` the other way round).")


def sort_query(what: str):
    return Query(None, max_length=40, description=f"Order by {', '.join(SORTS[what])}; a leading - reverses it")


def sort_param(value: str | None, what: str, status: int = 422) -> str | None:
    """A checked `sort` value; a bad one is an HTTP error naming the columns it may be."""
    try:
        return check_sort(what, value)
    except ValueError as exc:
        raise HTTPException(status, str(exc))


class AnalyzeRequest(BaseModel):
    text: str = Field(description="The article: plain text (first line the headline) or an HTML page.")
    published: str | None = Field(None, description="Publication date relative dates are resolved against "
                                                     "(YYYY-MM-DD).")
    title: str | None = Field(None, description="Headline, overriding the one found in the text.")
    id: str | None = Field(None, description="Article id to use instead of the one derived from the text.")
    store: bool = Field(False, description="Also store the analysis (needs --allow-write and the token).")


class AnalyzeResponse(BaseModel):
    analysis: dict[str, Any] = Field(description="The nonpaper/1 analysis, as `nonpaper analyze --format json`.")
    stored: bool
    article_id: str | None = Field(None, description="Id in the store when stored.")
    new: bool | None = Field(None, description="False when the store already held this article.")


def add_api_routes(app: FastAPI, access, check_token) -> None:
    def store():
        return access.get()

    @app.get("/api/counts", tags=["corpus"], summary="How many articles, actors, quotes... the store holds")
    def api_counts() -> dict:
        return store().counts()

    @app.get("/api/articles", tags=["corpus"], summary="Articles, newest first (`nonpaper articles`)",
             description=PAGED)
    def api_articles(request: Request, limit: int = Query(50, ge=1, le=MAX_LIMIT),
                     offset: int = Query(0, ge=0, le=MAX_OFFSET),
                     since: str | None = Query(None, description="Published on or after (YYYY-MM-DD)"),
                     until: str | None = Query(None, description="Published on or before (YYYY-MM-DD)"),
                     search: str | None = Query(None, max_length=MAX_TEXT, description="Words in the title or text"),
                     outlet: str | None = Query(None, max_length=MAX_TEXT),
                     format: Format = Query("json", description="json, or csv to download"),
                     sort: str | None = sort_query("articles")) -> Response:
        f = {"since": _date(since, "since"), "until": _date(until, "until"), "search": search or None,
             "outlet": outlet or None}
        s = store()
        rows = s.articles(limit=limit, offset=offset, sort=sort_param(sort, "articles"), **f)
        return listing(request, rows, s.count_articles(**f), offset, limit, format, "articles")

    @app.get("/api/articles/{article_id:path}", tags=["corpus"],
             summary="One article's full nonpaper/1 analysis (`nonpaper analyze --format json`)")
    def api_article(article_id: str) -> dict:
        analysis = store().analysis(article_id)
        if analysis is None:
            raise HTTPException(404, f"no article with id {article_id!r}: list them at /api/articles")
        return analysis.to_dict()

    @app.get("/api/actors", tags=["corpus"], summary="Actors, merged across articles (`nonpaper actors`)",
             description=PAGED)
    def api_actors(request: Request, limit: int | None = Query(None, ge=1, le=MAX_LIMIT),
                   offset: int = Query(0, ge=0, le=MAX_OFFSET),
                   search: str | None = Query(None, max_length=MAX_TEXT, description="Part of a name or alias"),
                   kind: str | None = Query(None, max_length=40, description="person, organization, ..."),
                   format: Format = "json", sort: str | None = sort_query("actors")) -> Response:
        f = {"search": search or None, "kind": kind or None}
        s = store()
        rows = s.actors(limit=limit, offset=offset, sort=sort_param(sort, "actors"), **f)
        return listing(request, rows, s.count_actors(**f), offset, limit, format, "actors")

    @app.get("/api/actors/{actor_id:path}", tags=["corpus"], summary="One actor with their quotes and articles",
             description="`quotes` and `articles` (newest first) hold every one unless `limit` and `offset` page "
                         "them (both lists alike); `total_quotes` and `total_articles` count them all.")
    def api_actor(actor_id: str, limit: int | None = Query(None, ge=1, le=MAX_LIMIT),
                  offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict:
        actor = store().actor(actor_id, limit=limit, offset=offset)
        if actor is None:
            raise HTTPException(404, f"no actor with id {actor_id!r}: list them at /api/actors")
        return actor

    @app.get("/api/quotes", tags=["corpus"], summary="Quotes (`nonpaper quotes`)", description=PAGED)
    def api_quotes(request: Request,
                   speaker: str | None = Query(None, max_length=MAX_TEXT,
                                               description="An actor id (that actor only), or part of a name"),
                   since: str | None = Query(None, description="YYYY-MM-DD"),
                   until: str | None = Query(None, description="YYYY-MM-DD"),
                   search: str | None = Query(None, max_length=MAX_TEXT, description="Words in the quote"),
                   article: str | None = Query(None, max_length=1000, description="Only this article's quotes"),
                   kind: QuoteKind | None = Query(None, description="direct, indirect or mixed"),
                   limit: int | None = Query(None, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=MAX_OFFSET),
                   format: Format = "json", sort: str | None = sort_query("quotes")) -> Response:
        f = {"speaker": speaker or None, "since": _date(since, "since"), "until": _date(until, "until"),
             "search": search or None, "article": article or None, "kind": kind}
        s = store()
        rows = s.quotes(limit=limit, offset=offset, sort=sort_param(sort, "quotes"), **f)
        return listing(request, rows, s.count_quotes(**f), offset, limit, format, "quotes")

    @app.get("/api/timeline", tags=["corpus"], summary="Events with dates and orderings (`nonpaper timeline`)",
             description=PAGED)
    def api_timeline(request: Request,
                     actor: str | None = Query(None, max_length=MAX_TEXT,
                                               description="Events this actor takes part in, dates, reports or "
                                                           "orders (an id, or part of a name)"),
                     event: str | None = Query(None, max_length=MAX_TEXT, description="Words in the event"),
                     since: str | None = Query(None, description="Events that may fall on or after (YYYY-MM-DD)"),
                     until: str | None = Query(None, description="Events that may fall on or before (YYYY-MM-DD)"),
                     limit: int | None = Query(None, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=MAX_OFFSET),
                     format: Format = "json") -> Response:
        f = {"actor": actor or None, "event": event or None, "since": _date(since, "since"),
             "until": _date(until, "until")}
        s = store()
        return listing(request, s.timeline(limit=limit, offset=offset, **f), s.count_timeline(**f), offset, limit,
                       format, "timeline")

    @app.get("/api/events/{event_id:path}", tags=["corpus"],
             summary="One happening across the corpus: what each article's sources say of it, and its disputes")
    def api_corpus_event(event_id: str) -> dict:
        found = store().corpus_event(event_id[:MAX_TEXT])
        if found is None:
            raise HTTPException(404, f"no corpus event with id {event_id!r}: timeline events carry it as corpus_event")
        return found

    @app.get("/api/disputes", tags=["corpus"], summary="Contradicting accounts (`nonpaper disputes`)",
             description=PAGED)
    def api_disputes(request: Request, kind: str | None = Query(None, max_length=40, description="timing, status, ..."),
                     outlet: str | None = Query(None, max_length=MAX_TEXT,
                                                description="An outlet of one of its articles"),
                     actor: str | None = Query(None, max_length=MAX_TEXT, description="An actor on one side"),
                     since: str | None = Query(None, description="One of its articles published on or after"),
                     until: str | None = Query(None, description="... on or before (YYYY-MM-DD)"),
                     limit: int | None = Query(None, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=MAX_OFFSET),
                     format: Format = "json", sort: str | None = sort_query("disputes")) -> Response:
        f = {"kind": kind or None, "outlet": outlet or None, "actor": actor or None,
             "since": _date(since, "since"), "until": _date(until, "until")}
        s = store()
        rows = s.disputes(limit=limit, offset=offset, sort=sort_param(sort, "disputes"), **f)
        return listing(request, rows, s.count_disputes(**f), offset, limit, format, "disputes")

    @app.get("/api/search", tags=["corpus"], summary="Full-text search over articles and quotes",
             description="Each word is required, case and word endings aside; `total_articles` and "
                         "`total_quotes` count every match, `limit` and `offset` page both lists.")
    def api_search(q: str = Query(..., min_length=1, max_length=MAX_TEXT, description="Words to find"),
                   limit: int = Query(20, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict:
        return store().search(q, limit=limit, offset=offset)

    @app.post("/api/analyze", tags=["analyse"], response_model=AnalyzeResponse,
              summary="Analyse one article; store it only when asked (`nonpaper analyze`)",
              description="Send JSON `{\"text\": ..., \"published\": \"2026-03-12\"}`, or a multipart form "
                          "with a `file` field. Storing (`store: true`) needs a server started with "
                          "--allow-write and its token in an `Authorization: Bearer TOKEN` or "
                          "`X-Nonpaper-Token` header. Bodies over 5 MB get HTTP 413.",
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": AnalyzeRequest.model_json_schema()},
                  "multipart/form-data": {"schema": {"type": "object", "properties": {
                      "file": {"type": "string", "format": "binary"}, "published": {"type": "string"},
                      "store": {"type": "boolean"}}}}}}})
    async def api_analyze(request: Request) -> AnalyzeResponse:
        body = await _analyze_request(request)
        if body.store:
            check_token(request)  # refuse before spending seconds on the analysis
        from starlette.concurrency import run_in_threadpool
        analysis = await run_in_threadpool(analyse, body.text, body.published, body.title, body.id)
        if not body.store:
            return AnalyzeResponse(analysis=analysis.to_dict(), stored=False)
        article_id, new = await run_in_threadpool(lambda: store_analysis(store(), analysis))
        return AnalyzeResponse(analysis=analysis.to_dict(), stored=True, article_id=article_id, new=new)

    allow_head(app)


def allow_head(app: FastAPI) -> None:
    """HEAD on every GET route added so far (FastAPI registers GET alone; HEAD got a 405); calling it
    again adds only what is new. The server sends the headers of the GET answer without its body."""
    routes = [r for r in app.router.routes if isinstance(r, APIRoute)]
    has_head = {r.path for r in routes if "HEAD" in r.methods}
    for route in routes:
        if "GET" in route.methods and route.path not in has_head:
            app.router.add_api_route(route.path, route.endpoint, methods=["HEAD"], include_in_schema=False,
                                     response_class=route.response_class, name=f"{route.name}_head")


def _date(value: str | None, name: str) -> str | None:
    return date_param(value, name, status=422)


def listing(request: Request, rows: list[dict], total: int, offset: int, limit: int | None, fmt: str,
            name: str) -> Response:
    """One page of a list as JSON (or CSV), with its total and the next and previous pages in headers."""
    headers = {"X-Total-Count": str(total)}
    links = []
    if offset + len(rows) < total and rows:
        links.append(f'<{request.url.include_query_params(offset=offset + len(rows))}>; rel="next"')
    if offset > 0:
        back = max(0, offset - (limit or offset))
        links.append(f'<{request.url.include_query_params(offset=back)}>; rel="prev"')
    if links:
        headers["Link"] = ", ".join(links)
    if fmt == "csv":
        headers["Content-Disposition"] = f'attachment; filename="nonpaper-{name}.csv"'
        return Response(csv_text(rows), media_type="text/csv; charset=utf-8", headers=headers)
    return JSONResponse(rows, headers=headers)


def csv_text(rows: list[dict]) -> str:
    """Rows as CSV, written as `nonpaper export --format csv` writes them."""
    from ..corpus import write_rows

    out = io.StringIO()
    write_rows(rows, "csv", out)
    return out.getvalue()


async def _analyze_request(request: Request) -> AnalyzeRequest:
    """The request as JSON or as a multipart/urlencoded form with `file` or `text`."""
    ctype = request.headers.get("content-type", "")
    if ctype.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):

        fields = await read_form(request)
        text = fields["text"]
        if fields["data"]:
            text, _ = upload_text(fields["data"], fields["filename"])
        return _validated({"text": text, "published": fields["published"] or None,
                           "title": fields["title"] or None, "id": fields["id"] or None,
                           "store": fields["store"]})
    try:
        data = await request.json()
    except ValueError:
        raise HTTPException(400, "send JSON {\"text\": \"...\"} or a multipart form with a file field")
    if not isinstance(data, dict):
        raise HTTPException(400, "send a JSON object: {\"text\": \"...\", \"published\": \"YYYY-MM-DD\"}")
    return _validated(data)


def _validated(data: dict) -> AnalyzeRequest:
    from pydantic import ValidationError

    try:
        body = AnalyzeRequest.model_validate(data)
    except ValidationError as exc:
        raise HTTPException(422, "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()))
    if not body.text.strip():
        raise HTTPException(400, "empty article text: send the article in `text` or as a `file`")
    return body
