"""One pasted or uploaded article for the web, shared by the page and the API: the request limits, the
form, the analysis and storing it."""
from __future__ import annotations

import threading
from pathlib import Path

from fastapi import HTTPException, Request

from ..model import Analysis
from ..ingest.readers import decode, FEED_EXT, InputError, JSONL_EXT, sniff, TooLarge
from ..text.parse import ModelMissing

MAX_UPLOAD = 5 * 1024 * 1024
MAX_BODY = MAX_UPLOAD + 64 * 1024  # the whole request: the upload plus form fields and boundaries
DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"  # YYYY, YYYY-MM or YYYY-MM-DD
# One analysis at a time: the spaCy pipeline is shared by the server's threads and is not
# documented as thread-safe; on a desk machine analyses are rare, so waiting is fine.
_ANALYSE = threading.Lock()


def too_large_message(size: int | None) -> str:
    got = f"{size / 1e6:.1f} MB is" if size else "the upload is"
    return (f"{got} over the {MAX_UPLOAD // (1024 * 1024)} MB limit for one request: split the text into "
            "articles, or run `nonpaper ingest` on the file")


def upload_text(data: bytes, filename: str | None) -> tuple[str, list[str]]:
    """An uploaded file's text and any decoding warnings; 413 when too large, 400 when not an article."""

    name = filename or "upload"
    if len(data) > MAX_UPLOAD:
        raise HTTPException(413, too_large_message(len(data)))
    warnings: list[str] = []
    try:
        text = decode(data, name, lambda p: warnings.append(p.message))
    except InputError as exc:
        raise HTTPException(400, f"{name}: {exc}")
    ext = Path(name).suffix.lower()
    if ext in FEED_EXT | JSONL_EXT or sniff(text) in ("feed", "jsonl"):
        raise HTTPException(400, f"{name}: feeds and JSONL dumps hold many articles; this page takes one "
                                 "(text or HTML). Use `nonpaper ingest` for many.")
    return text, warnings


def analyse(text: str, published: str | None = None, title: str | None = None,
            article_id: str | None = None) -> Analysis:
    """`nonpaper.analyze` with input problems as HTTP 400 (one line saying how to fix the input)."""
    import nonpaper

    if len(text.encode("utf-8")) > MAX_UPLOAD:
        raise HTTPException(413, too_large_message(len(text.encode("utf-8"))))
    try:
        with _ANALYSE:
            return nonpaper.analyze(text, published=published or None, title=title or None,
                                    id=article_id or None)
    except TooLarge as exc:
        raise HTTPException(413, str(exc))
    except InputError as exc:
        raise HTTPException(400, str(exc))
    except ModelMissing as exc:
        raise HTTPException(503, str(exc))
    except ValueError as exc:
        if "[E088]" not in str(exc):  # spaCy's limit on one text (1,000,000 characters)
            raise
        raise HTTPException(413, f"the article is {len(text):,} characters, over the 1,000,000 the parser "
                                 "takes at once: split it into articles")


MAX_READ = 5 * 1024 * 1024 + 1  # one byte over the limit is enough to know it is too large


async def read_form(request: Request) -> dict:
    """The analyse form (multipart or urlencoded). Starlette caps each form field at 1 MB by default;
    a pasted article may be up to the 5 MB request limit (BodyLimit refuses bigger bodies)."""
    from starlette.formparsers import MultiPartException

    try:
        form = await request.form(max_files=1, max_fields=20, max_part_size=MAX_BODY)
    except MultiPartException as exc:
        raise HTTPException(400, f"cannot read the form: {exc.message}")
    upload = form.get("file")
    data, filename = b"", None
    if upload is not None and hasattr(upload, "read") and upload.filename:
        data, filename = await upload.read(MAX_READ), upload.filename

    def field(name: str) -> str:
        value = form.get(name)
        return value if isinstance(value, str) else ""

    return {"text": field("text"), "published": field("published"), "title": field("title"),
            "id": field("id"), "save": field("save").lower() in ("1", "true", "on", "yes"),
            "store": field("store").lower() in ("1", "true", "on", "yes"), "token": field("token"),
            "data": data, "filename": filename}


def store_analysis(s, analysis) -> tuple[str, bool]:
    """Add one analysis and bring corpus-level actors and disputes up to date, as ingest does."""
    stored = s.add(analysis)
    if stored[1] and hasattr(s, "recompute"):
        s.recompute()
    return stored
