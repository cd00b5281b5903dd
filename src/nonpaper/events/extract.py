"""Events, their dates and the orderings between them.

Mentions and coreference: `events.mentions`; orderings, who asserts them and derived dates:
`events.relations`; an event's status (planned, happened, called off, postponed): `events.status`. An event has a `date` only when the article fixes its day and does not dispute it;
a month or a year known for it goes to `date_earliest` / `date_latest` with its `date_precision`.
"""
from __future__ import annotations

from ..actors import ActorRegistry
from .clauses import clause_mentions, join_light_and_aspectual
from .mentions import EventMention, attach_timexes, cluster, day_of, find_mentions, lexicon
from .modality import Modality, modality_of
from .narrative import news_of_the_day
from .relations import RawRelation, derive_dates, disputed_events, find_relations, ordered_mentions, quote_at
from .status import HAPPENED, NOT_HAPPENED, PLANNED, acted_on, event_status
from .timewords import the_day_first
from ..model import Event, Mention, Quote, Relation, Timex
from ..text.paragraphs import paragraph_spans
from ..time.ranges import value_range
from ..time.reference import article_reference
from ..text.parse import Parsed


def event_mentions(parsed: Parsed, registry: ActorRegistry | None, timexes: list[Timex],
                   broad: bool = False) -> list[EventMention]:
    """Every event mention with its time expressions: the trigger list's, then clauses and
    nominalisations (`events.clauses`). Unless `broad`, a clause or noun event stays only when the text
    dates it (a time expression on it) or orders it (a signal word): the timeline's events."""
    spans = paragraph_spans(parsed.article)
    found = find_mentions(parsed, registry, spans)
    taken = {m.i for m in found}
    words = lexicon()[0]
    taken |= {t.i for t in parsed.doc if t.lemma_.lower() in words  # the trigger list said no to these
              and words[t.lemma_.lower()][1] in ("any", "verb" if t.pos_ == "VERB" else "noun")}
    extra = clause_mentions(parsed, registry, spans, taken, broad)
    mentions = join_light_and_aspectual(parsed.doc, parsed.text, sorted(found + extra, key=lambda m: m.i))
    attach_timexes(parsed, mentions, timexes)
    if broad:
        return mentions
    ordered = ordered_mentions(parsed, mentions)
    kept = [m for m in mentions if not m.clause or m.i in ordered or m.since is not None
            or any(t.type in ("DATE", "TIME") for t in m.timexes)]
    ids = {m.i for m in kept}
    needed = {m.host for m in kept if m.host is not None}  # a kept mention's host ("talks" → "began")
    kept += [m for m in mentions if m.i not in ids and (m.i in needed or m.host in ids)]
    return sorted(kept, key=lambda m: m.i)


def mention_modality(parsed: Parsed, m: EventMention) -> Modality:
    """Polarity, certainty, modality and tense of one mention; a date still to come makes it planned."""
    published = parsed.article.published
    future = False
    if published:
        for t in m.timexes:
            r = value_range(t.value) if t.type == "DATE" else None
            if r and r[0].isoformat() > published[:10]:
                future = True
    return modality_of(parsed.doc[m.i], future)


def _build_events(parsed: Parsed, clusters: list[list[EventMention]], quotes: list[Quote],
                  rels: list[RawRelation], news: dict[int, Timex]) -> list[Event]:
    days: dict[int, str] = {}
    day_by: dict[int, str | None] = {}
    ranges: dict[int, tuple] = {}
    for ci, c in enumerate(clusters):
        for m in c:
            own = [t for t in m.timexes if t.type in ("DATE", "TIME")]  # not a stretch ("within the next year")
            for t in the_day_first(parsed, own, m.clause_times):  # its own time, else the one governing its clause
                d = day_of(t)
                if d and ci not in days:
                    days[ci] = d
                    q = quote_at(quotes, t.start)
                    day_by[ci] = q.speaker if q else None
                r = value_range(t.value) if t.type == "DATE" else None
                if r and ci not in ranges:
                    ranges[ci] = r
    derived, derived_by = derive_dates(days, rels)
    report_day = article_reference(parsed).day  # its date, else a date the body opens with
    for ci, c in enumerate(clusters):  # "sold since 2019": from the start of 2019 to the report's day
        since = next((m.since for m in c if m.since is not None), None)
        r = value_range(since.value) if since is not None and report_day else None
        if r and ci not in days and ci not in ranges and r[0] <= report_day:
            ranges[ci] = (r[0], report_day, "range")
    for ci, c in enumerate(clusters):  # last: the day the report's news is of (`events.narrative`)
        t = next((news[m.i] for m in c if m.i in news), None)
        if t is not None and ci not in days and ci not in derived and ci not in ranges:
            days[ci] = day_of(t)
            q = quote_at(quotes, t.start)
            day_by[ci] = q.speaker if q else None
    acted = acted_on(parsed, clusters)
    disputed = disputed_events(rels)
    events = []
    for ci, c in enumerate(clusters):
        first = next((m for m in c if m.host is None), c[0])
        # a trigger's type is the list's ("call", "meeting"); a clause or noun event's is its lemma
        # ("return", "offer"): what kind of happening it is, for the timeline's search and the store's links
        ev = Event(id=f"e{ci + 1}", text=first.text, start=first.start, end=first.end, type=first.type,
                   mentions=[Mention(m.text, m.start, m.end) for m in c])
        ev.participants = list(dict.fromkeys(p for m in c for p in m.participants))
        mod = mention_modality(parsed, first)
        ev.polarity, ev.certainty, ev.modality, ev.tense = mod
        q = quote_at(quotes, first.start)
        ev.reported_by = q.speaker if q else None
        ev.status = acted.get(ci) or next((s for s in (event_status(m, parsed) for m in c) if s), None)
        if ev.status is None and first.aliases:  # "had made the offer": the light verb tells it
            ev.status = event_status(first, parsed, first.aliases[0])
        if mod.polarity == "negative" and ev.status in (None, HAPPENED, PLANNED):
            ev.status = NOT_HAPPENED  # "no agreement had been signed", "will not meet"
        elif mod.modality == "hypothetical" and ev.status == HAPPENED:
            ev.status = None  # "would have signed": told, not done
        elif mod.modality == "planned" and (ev.status is None or (ev.status == HAPPENED and mod.tense == "future")):
            ev.status = PLANNED  # "a ballot next month"; "won't resume until the engineer had reviewed it"
        day = days.get(ci) or derived.get(ci)
        if day:
            ev.date_precision = "day"
            ev.date_earliest = ev.date_latest = day
            ev.date_asserted_by = day_by.get(ci) if ci in days else derived_by.get(ci)
            if ci in disputed and ci not in days:  # a day stated outright stays, with who states it
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


def _date_orderings(events: list[Event], rels: list[RawRelation], nearest: int = 3) -> list[RawRelation]:
    """Events whose known days or ranges do not overlap are ordered by them (narrator's dates): each
    event before the events of the `nearest` dates that follow its own (events told for one date count
    once), which keeps the list short and the rest implied."""
    related = {(r.source, r.target) for r in rels} | {(r.target, r.source) for r in rels}
    out = []
    dated = sorted(((i, e) for i, e in enumerate(events)  # what did not or may not happen is off the timeline
                    if e.date_earliest and e.date_latest and e.date_precision != "disputed"
                    and e.polarity != "negative" and e.modality != "hypothetical"),
                   key=lambda ie: (ie[1].date_earliest, ie[1].date_latest))
    # `dated` is sorted by (earliest, latest): the events after a day are a suffix of their asserter's
    # list, found by bisect on its earliest days, and the nearest periods a prefix of that suffix (a scan
    # of every dated event per event was quadratic in a long article, issue 19)
    from bisect import bisect_right  # here, not at the top: this function alone uses it

    by_asserter: dict[str | None, list[tuple[int, Event]]] = {}
    for item in dated:
        by_asserter.setdefault(item[1].date_asserted_by, []).append(item)
    earliest = {who: [e.date_earliest for _, e in items] for who, items in by_asserter.items()}
    for a, ea in dated:
        own = by_asserter[ea.date_asserted_by]
        periods: list[tuple] = []
        for b, eb in (own[k] for k in range(bisect_right(earliest[ea.date_asserted_by], ea.date_latest), len(own))):
            if (eb.date_earliest, eb.date_latest) not in periods:
                if len(periods) == nearest:
                    break
                periods.append((eb.date_earliest, eb.date_latest))
            if (a, b) in related:
                continue
            related |= {(a, b), (b, a)}
            out.append(RawRelation(a, "BEFORE", b, ea.date_asserted_by, None,
                                   f"by date: {ea.text} ({_when(ea)}) before {eb.text} ({_when(eb)})", None,
                                   min(ea.start, eb.start), max(ea.end, eb.end)))
    return out


def extract_events(parsed: Parsed, registry: ActorRegistry, quotes: list[Quote],
                   timexes: list[Timex]) -> tuple[list[Event], list[Relation]]:
    mentions = event_mentions(parsed, registry, timexes)
    clusters = cluster(mentions)
    rels = find_relations(parsed, mentions, quotes, timexes)
    events = _build_events(parsed, clusters, quotes, rels, news_of_the_day(parsed, mentions, timexes))
    rels += _date_orderings(events, rels)
    rels += _tense_orderings(events, clusters, quotes, rels)
    relations = [Relation(source=events[r.source].id, relation=r.relation, target=events[r.target].id,
                          asserted_by=r.asserted_by, evidence=r.evidence, offset=r.offset, quote=r.quote,
                          start=r.start, end=r.end) for r in rels]
    return events, relations
