"""Ingest: files, feeds, JSONL and HTML read into `Article`s (`readers`), plain text laid out as news
(`layout`: headline, byline, dateline, paragraphs, boilerplate). The I/O edge on the way in."""
from .readers import (FEED_EXT, JSONL_EXT, MAX_ARTICLE_BYTES, MAX_ARTICLE_CHARS, InputError, Report, TooLarge,
                      article_from_string, decode, parse_date, read_sources, sniff)

__all__ = ["FEED_EXT", "JSONL_EXT", "MAX_ARTICLE_BYTES", "MAX_ARTICLE_CHARS", "InputError", "Report", "TooLarge",
           "article_from_string", "decode", "parse_date", "read_sources", "sniff"]
