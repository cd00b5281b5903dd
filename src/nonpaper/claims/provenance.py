"""Provenance of a claim: whom its source cites and which outlets carry it.

"The decision came after a tense call, the Financial Times said, citing people familiar with the matter"
in a Reuters story is the Financial Times's claim (the quote's speaker); its origin is whom the FT cites
("people familiar with the matter", and their actor id when the article makes one of them), and Reuters
relays it: the article's outlet carries every claim whose source is not the outlet itself. One account
relayed by seven outlets is one account: the disputes stage sets sources against each other, and lists
the relays beside each side.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..model import Article, Quote
from .sources import Sources
from .text import subtree_text

CITING = frozenset({"cite", "quote"})  # "citing officials", "quoting a source close to the talks"


class Provenance(NamedTuple):
    origin: str | None  # actor id of whom the source cites
    origin_text: str | None  # the words that name them
    relays: list[str]  # outlets that carry the claim without being its source


def provenance(sources: Sources, article: Article, actor: str | None, quote: Quote | None) -> Provenance:
    origin, origin_text = _cited(sources, quote) if quote is not None else (None, None)
    return Provenance(origin, origin_text, _relays(sources, article, actor))


def _cited(sources: Sources, quote: Quote) -> tuple[str | None, str | None]:
    """Whom the quote's source cites: the object of a "citing"/"quoting" that hangs from its cue verb."""
    if quote.cue_start is None:
        return None, None
    cue = sources.parsed.doc.char_span(quote.cue_start, quote.cue_end or quote.cue_start + 1,
                                       alignment_mode="expand")
    if cue is None:
        return None, None
    verb = cue.root
    for tok in list(verb.children) + list(verb.head.children):
        if tok.lemma_.lower() in CITING and tok.tag_ == "VBG":
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return sources.actor_of_token(obj), subtree_text(obj)
    return None, None


def _relays(sources: Sources, article: Article, actor: str | None) -> list[str]:
    """The article's outlet, for a claim whose source is someone else (the narrator's own claims have
    the outlet as their source, so no relay)."""
    if not article.outlet or actor is None:
        return []
    known = sources.actors.get(actor)
    names = {_key(n) for n in ([known.name, *known.aliases] if known is not None else [actor])}
    return [] if _key(article.outlet) in names else [article.outlet]


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", re.sub(r"^the\s+", "", name.lower())).strip()
