"""Events, their dates and the orderings between them.

Mentions and coreference: `events.mentions`; orderings, who asserts them and derived dates:
`events.relations`; an event's status (planned, happened, called off, postponed): `events.status`. An event has a `date` only when the article fixes its day and does not dispute it;
a month or a year known for it goes to `date_earliest` / `date_latest` with its `date_precision`.
"""
from __future__ import annotations

from ..actors import ActorRegistry
from .mentions import EventMention, attach_timexes, cluster, day_of, find_mentions
from .relations import RawRelation, derive_dates, disputed_events, find_relations, quote_at
from .status import HAPPENED, PLANNED, acted_on, event_status
from ..model import Event, Mention, Quote, Relation, Timex
from ..text.paragraphs import paragraph_spans
from ..time.ranges import value_range
from ..text.parse import Parsed


def _build_events(parsed: Parsed, clusters: list[list[EventMention]], quotes: list[Quote],
                  rels: list[RawRelation]) -> list[Event]:
    days: dict[int, str] = {}
    day_by: dict[int, str | None] = {}
    ranges: dict[int, tuple] = {}
    for ci, c in enumerate(clusters):
        for m in c:
            for t in m.timexes:
                d = day_of(t)
                if d and ci not in days:
                    days[ci] = d
                    q = quote_at(quotes, t.start)
                    day_by[ci] = q.speaker if q else None
                r = value_range(t.value) if t.type == "DATE" else None
                if r and ci not in ranges:
                    ranges[ci] = r
    derived = derive_dates(days, rels)
    acted = acted_on(parsed, clusters)
    disputed = disputed_events(rels)
    events = []
    for ci, c in enumerate(clusters):
        first = next((m for m in c if m.host is None), c[0])
        ev = Event(id=f"e{ci + 1}", text=first.text, start=first.start, end=first.end, type=first.type,
                   mentions=[Mention(m.text, m.start, m.end) for m in c])
        ev.participants = list(dict.fromkeys(p for m in c for p in m.participants))
        ev.status = acted.get(ci) or next((s for s in (event_status(m, parsed) for m in c) if s), None)
        day = days.get(ci) or derived.get(ci)
        if day:
            ev.date_precision = "day"
            ev.date_earliest = ev.date_latest = day
            ev.date_asserted_by = day_by.get(ci)
            if ci in disputed:
                ev.date_precision = "disputed"
            else:
                ev.date = day
        elif ci in ranges:
            lo, hi, precision = ranges[ci]
            ev.date_earliest, ev.date_latest, ev.date_precision = lo.isoformat(), hi.isoformat(), precision
        events.append(ev)
    return events


def _tense_orderings(events: list[Event], clusters, quotes, rels) -> list[RawRelation]:
    """With no year to compare ("imposed on January 14", "will end on May 14"), what is told as done on a
    given date comes before what is told as still to come (asserted by the speaker when one speaker
    tells both, else by the narrator, whose present separates them)."""
    related = {(r.source, r.target) for r in rels} | {(r.target, r.source) for r in rels}
    told = [i for i, c in enumerate(clusters) if any(t.type == "DATE" for m in c for t in m.timexes)
            and events[i].date_earliest is None]

    def speaker(i):
        q = quote_at(quotes, clusters[i][0].start)
        return q.speaker if q else None

    out = []
    for a in told:
        for b in told:
            if events[a].status == HAPPENED and events[b].status == PLANNED and (a, b) not in related:
                related |= {(a, b), (b, a)}
                who = speaker(a) if speaker(a) == speaker(b) else None
                out.append(RawRelation(a, "BEFORE", b, who, None,
                                       f"{events[a].text} (done) before {events[b].text} (to come)", None,
                                       min(events[a].start, events[b].start), max(events[a].end, events[b].end)))
    return out


def _when(e: Event) -> str:
    """The date an event is known by, at its precision: 2026-04-18, 2026-02, 1994."""
    if e.date:
        return e.date
    return {"month": e.date_earliest[:7], "year": e.date_earliest[:4]}.get(
        e.date_precision or "", f"{e.date_earliest}..{e.date_latest}")


def _date_orderings(events: list[Event], rels: list[RawRelation], nearest: int = 2) -> list[RawRelation]:
    """Events whose known days or ranges do not overlap are ordered by them (narrator's dates): each
    event before the `nearest` events that follow it, which keeps the list short and the rest implied."""
    related = {(r.source, r.target) for r in rels} | {(r.target, r.source) for r in rels}
    out = []
    dated = sorted(((i, e) for i, e in enumerate(events)
                    if e.date_earliest and e.date_latest and e.date_precision != "disputed"),
                   key=lambda ie: (ie[1].date_earliest, ie[1].date_latest))
    for a, ea in dated:
        later = [(b, eb) for b, eb in dated if ea.date_latest < eb.date_earliest
                 and ea.date_asserted_by == eb.date_asserted_by]
        for b, eb in later[:nearest]:
            if (a, b) in related:
                continue
            related |= {(a, b), (b, a)}
            out.append(RawRelation(a, "BEFORE", b, ea.date_asserted_by, None,
                                   f"by date: {ea.text} ({_when(ea)}) before {eb.text} ({_when(eb)})", None,
                                   min(ea.start, eb.start), max(ea.end, eb.end)))
    return out


def extract_events(parsed: Parsed, registry: ActorRegistry, quotes: list[Quote],
                   timexes: list[Timex]) -> tuple[list[Event], list[Relation]]:
    mentions = find_mentions(parsed, registry, paragraph_spans(parsed.article))
    attach_timexes(parsed, mentions, timexes)
    clusters = cluster(mentions)
    rels = find_relations(parsed, mentions, quotes, timexes)
    events = _build_events(parsed, clusters, quotes, rels)
    rels += _date_orderings(events, rels)
    rels += _tense_orderings(events, clusters, quotes, rels)
    relations = [Relation(source=events[r.source].id, relation=r.relation, target=events[r.target].id,
                          asserted_by=r.asserted_by, evidence=r.evidence, offset=r.offset, quote=r.quote,
                          start=r.start, end=r.end) for r in rels]
    return events, relations
