"""Analyse one pasted or uploaded article for the web (shared by the page and the API)."""
from __future__ import annotations

import threading
from pathlib import Path

from fastapi import HTTPException

from ..model import Analysis

MAX_UPLOAD = 5 * 1024 * 1024
# One analysis at a time: the spaCy pipeline is shared by the server's threads and is not
# documented as thread-safe; on a desk machine analyses are rare, so waiting is fine.
_ANALYSE = threading.Lock()


def too_large_message(size: int | None) -> str:
    got = f"{size / 1e6:.1f} MB is" if size else "the upload is"
    return (f"{got} over the {MAX_UPLOAD // (1024 * 1024)} MB limit for one request: split the text into "
            "articles, or run `nonpaper ingest` on the file")


def upload_text(data: bytes, filename: str | None) -> tuple[str, list[str]]:
    """An uploaded file's text and any decoding warnings; 413 when too large, 400 when not an article."""
    from ..ingest.readers import FEED_EXT, JSONL_EXT, InputError, decode, sniff

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
    from ..ingest.readers import InputError, TooLarge
    from ..text.parse import ModelMissing

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
