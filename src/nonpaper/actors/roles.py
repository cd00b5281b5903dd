"""Role nouns: which person "the transport minister" or "the Rovers coach" is (the person whose title
the noun repeats, named before it), role nouns as subjects noted as mentions of that person, and
epithets that re-describe a person rather than name a role ("the former defender")."""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from ..text.names import is_title_word
from .mentions import mention_span
from .roster import ActorRegistry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def by_title(registry: ActorRegistry, span: Span, head: Token) -> str | None:
    """The person whose title the role noun repeats; a name in the role ("the Rovers coach") must be
    in the title too when some person's title has it ("Rovers coach Ines Dahl", not "United coach …")."""
    named = {t.lower_ for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.ent_type_ and t.dep_ != "poss"
             and not any(c.dep_ == "case" for c in t.children) and t.i != head.i}
    if named:
        words = {t.lower_ for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ")}
        found = _by_title_words(registry, span, head, words)
        if found:
            return found
    return _by_title_words(registry, span, head, {t.lower_ for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.ent_type_})


def _by_title_words(registry: ActorRegistry, span: Span, head: Token, words: set[str]) -> str | None:
    head_word = head.lower_

    def fits(actor_id: str) -> bool:
        actor = registry.get(actor_id)
        if actor.kind not in ("person",):
            return False
        titles = " ".join(actor.titles + actor.aliases).lower()
        return bool(re.search(rf"\b{re.escape(head_word)}\b", titles)) and all(
            re.search(rf"\b{re.escape(w)}\b", titles) for w in words if w != head_word and not w.endswith("'s"))

    # the latest person mentioned before the span whose titles fit (the first noted at that place): from
    # the span backwards, each actor tried once, not every mention so far with its regexes (issue 19)
    seen = registry.seen()
    tried: dict[str, bool] = {}
    best, best_pos = None, -1
    for k in range(bisect_left(seen, span.start_char, key=lambda s: s.start) - 1, -1, -1):
        s = seen[k]
        if s.start < best_pos:
            break
        if s.actor not in tried:
            tried[s.actor] = fits(s.actor)
        if tried[s.actor]:
            best, best_pos = s.actor, s.start
    return best


def is_epithet(head: Token) -> bool:
    """A noun phrase that re-describes someone already in the story rather than naming a role: "the
    former defender", "the 52-year-old", "the Swede" (a nationality for one person)."""
    if head.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ == "former" for c in head.children):
        return True
    if head.lower_ == "old" and any(c.lower_ == "year" and any(g.like_num for g in c.children) for c in head.children):
        return True
    return head.ent_type_ == "NORP" and head.tag_ == "NNP" and not head.text.endswith("s")


def note_role_subjects(registry: ActorRegistry, doc: Doc) -> None:
    """"The transport minister appeared to soften her position": a role noun that is a clause's subject
    is a mention of the person with that title, for salience ("She told the Courier …" next) and for
    gender ("her position")."""
    for tok in doc:
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "NOUN" or not is_title_word(tok.text):
            continue
        det = next((c.lower_ for c in tok.children if c.dep_ == "det"), "")
        if det not in ("the", "this", "that"):
            continue
        span = mention_span(tok)
        found = by_title(registry, span, tok)
        if found:
            registry.note(found, span.start_char, span.end_char, span.text, subject=True)
