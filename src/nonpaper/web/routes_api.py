"""The JSON API: the CLI's query verbs over HTTP, plus POST /api/analyze."""
from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from pydantic import BaseModel, Field

from .analyse import DATE, analyse, read_form, store_analysis, upload_text


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

    @app.get("/api/articles", tags=["corpus"], summary="Articles, newest first (`nonpaper articles`)")
    def api_articles(limit: int = Query(50, ge=1, le=1000), offset: int = Query(0, ge=0),
                     since: str | None = Query(None, pattern=DATE, description="Published on or after (YYYY-MM-DD)"),
                     until: str | None = Query(None, pattern=DATE, description="Published on or before"),
                     search: str | None = Query(None, description="Words in the title or text"),
                     outlet: str | None = None) -> list[dict]:
        return store().articles(limit=limit, offset=offset, since=since, until=until, search=search, outlet=outlet)

    @app.get("/api/articles/{article_id:path}", tags=["corpus"],
             summary="One article's full nonpaper/1 analysis (`nonpaper analyze --format json`)")
    def api_article(article_id: str) -> dict:
        analysis = store().analysis(article_id)
        if analysis is None:
            raise HTTPException(404, f"no article with id {article_id!r}: list them at /api/articles")
        return analysis.to_dict()

    @app.get("/api/actors", tags=["corpus"], summary="Actors, merged across articles (`nonpaper actors`)")
    def api_actors(limit: int | None = Query(None, ge=1, le=10000),
                   search: str | None = Query(None, description="Part of a name or alias")) -> list[dict]:
        return store().actors(limit=limit, search=search)

    @app.get("/api/actors/{actor_id:path}", tags=["corpus"], summary="One actor with their quotes and articles")
    def api_actor(actor_id: str) -> dict:
        actor = store().actor(actor_id)
        if actor is None:
            raise HTTPException(404, f"no actor with id {actor_id!r}: list them at /api/actors")
        return actor

    @app.get("/api/quotes", tags=["corpus"], summary="Quotes (`nonpaper quotes`)")
    def api_quotes(speaker: str | None = Query(None, description="Actor id or name"),
                   since: str | None = Query(None, pattern=DATE), until: str | None = Query(None, pattern=DATE),
                   search: str | None = Query(None, description="Words in the quote"),
                   article: str | None = Query(None, description="Only this article's quotes"),
                   limit: int | None = Query(None, ge=1, le=10000)) -> list[dict]:
        return store().quotes(speaker=speaker, since=since, until=until, search=search, article=article,
                              limit=limit)

    @app.get("/api/timeline", tags=["corpus"], summary="Events with dates and orderings (`nonpaper timeline`)")
    def api_timeline(actor: str | None = Query(None, description="Events this actor takes part in"),
                     event: str | None = Query(None, description="Words in the event")) -> list[dict]:
        return store().timeline(actor=actor, event=event)

    @app.get("/api/disputes", tags=["corpus"], summary="Contradicting accounts (`nonpaper disputes`)")
    def api_disputes() -> list[dict]:
        return store().disputes()

    @app.get("/api/search", tags=["corpus"], summary="Full-text search over articles and quotes")
    def api_search(q: str = Query(..., min_length=1, description="Words to find"),
                   limit: int = Query(20, ge=1, le=1000)) -> dict:
        return store().search(q, limit=limit)

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
