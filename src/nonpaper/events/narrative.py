"""News of the day: where the narration stands when an event carries no time of its own.

"Apple launched the phone today. The price has also been reduced. Jobs said ...": a report that has
fixed the publication day goes on telling that day's news, so an undated event told in the past or the
present perfect after it happened that day too (the narrative's reference time). Only the narration's
own clauses move with it: a reported clause ("argued that the store was a breach") or a relative one
("the third time that he has taken leave") keeps its own time. It stops at the next
calendar time ("He fought cancer in 2004 ..." moves the story elsewhere), and only the publication day
carries over this way: an earlier day is already in the past the tense tells. "would" under a past verb
(the future of that past) is left alone. The events stage uses it last, after the times that govern an
event's clause and the dates its orderings derive (`events.extract`).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Timex
from ..text.parse import Parsed
from .mentions import day_of
from .modality import future_in_past, modality_of
from .timewords import holds_the_day, is_dateline, starts_a_stretch, to_come

if TYPE_CHECKING:
    from .mentions import EventMention


def _calendar(parsed: Parsed, t: Timex) -> bool:
    """A time expression in the text with a calendar value (not "now", "recently"), not the dateline, that
    moves the story: not where a stretch starts ("has lost 15 percent since January") nor a time still
    to come ("could fall further next week"), nor a period holding the publication day ("this year"),
    which leave the narration where it was."""
    return t.field == "text" and t.type in ("DATE", "TIME") and bool(re.match(r"\d", t.value or "")) \
        and not is_dateline(parsed, t) and not starts_a_stretch(parsed, t) and not to_come(parsed, t) \
        and not holds_the_day(parsed, t)


def _background(tok) -> bool:
    """ "argued that the store was a breach", "the third time that he has taken leave": what a relative
    clause or a reported clause tells is not the narration moving on; it keeps its own time."""
    for _ in range(6):
        if tok.dep_ in ("relcl", "ccomp"):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def news_of_the_day(parsed: Parsed, mentions: list[EventMention], timexes: list[Timex]) -> dict[int, Timex]:
    """Mention token → the time expression that fixed the publication day, for each undated mention told
    in the past or the perfect after it with no other calendar time between."""
    published = (parsed.article.published or "")[:10]
    if not published:
        return {}
    times = sorted((t for t in timexes if _calendar(parsed, t)), key=lambda t: t.start)
    out: dict[int, Timex] = {}
    for m in mentions:
        if any(t.type in ("DATE", "TIME") for t in m.timexes + m.clause_times):
            continue
        before = [t for t in times if t.end <= m.start]
        if not before or day_of(before[-1]) != published:
            continue
        tok = parsed.doc[m.i]
        if future_in_past(tok) or _background(tok):
            continue
        mod = modality_of(tok)  # a noun with no tense of its own: its verb's ("said in a statement")
        if mod.tense in ("past", "perfect") or (mod.tense is None and against_publication(tok, mod) == "past"):
            out[m.i] = before[-1]
    return out


def against_publication(tok, mod=None, depth: int = 0) -> str:
    """Where an undated event stands against the publication date, from how the text tells it: "past"
    (a past or perfect tense; "announced he would be on leave", the future of a past moment), "future"
    (a future tense or a plan), "dct" (the present; a bare modal, "can fly"; no tense at all). An event
    with no tense of its own (a noun outside the clause's arguments, a gerund, a participle) stands
    where the verb governing it stands ("closed higher, ending a losing streak")."""
    mod = mod or modality_of(tok)
    if future_in_past(tok):
        return "past"
    if mod.modality == "planned" or mod.tense == "future":
        return "future"
    if mod.tense in ("past", "perfect"):
        return "past"
    if mod.tense == "present" or (tok.pos_ == "VERB" and any(c.tag_ == "MD" for c in tok.children)):
        return "dct"
    head = tok.head
    while head.i != tok.i and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i and depth < 4:
        head, depth = head.head, depth + 1
    if head.i != tok.i and head.pos_ in ("VERB", "AUX") and depth < 4:
        return against_publication(head, None, depth + 1)
    return "dct"  # no tense anywhere ("Record profits for the yard."): told as of the report's day
