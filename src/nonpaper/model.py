"""The one data model every stage shares: the nonpaper/1 contract as dataclasses.

Offsets (`start`, `end`) are character offsets into `Article.text`, end exclusive.
The JSON form is `dataclasses.asdict` of these classes; fields may be added, never renamed
or removed (the contract is read by the scorer, the store, the web UI and users' scripts).
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA = "nonpaper/1"

ActorKind = Literal["person", "organization", "government", "outlet", "unnamed"]
QuoteKind = Literal["direct", "mixed", "indirect"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
RelationType = Literal["BEFORE", "AFTER", "SIMULTANEOUS", "INCLUDES", "IS_INCLUDED"]
DisputeKind = Literal["timing", "status", "denial", "fact", "cause"]


@dataclass
class Block:
    """A paragraph or a section heading of the body, as a span of `Article.text`."""
    kind: Literal["paragraph", "heading"]
    start: int
    end: int


@dataclass
class Article:
    id: str
    text: str
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) the analysis is anchored to
    url: str | None = None
    sections: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    dateline: str | None = None  # "CASTREL, Estrovia, Nov 3 (Norrick Wire)", removed from text
    blocks: list[Block] = field(default_factory=list)
    source: str | None = None  # path, "-", or "file.jsonl:12"
    content_hash: str | None = None  # sha256 of the raw input text (dedup in the store)
    published_source: str | None = None  # "argument" | "input" | "dateline" | None


@dataclass
class Mention:
    text: str
    start: int
    end: int


@dataclass
class Actor:
    id: str  # a slug of the canonical name ("sergey-lavrov"), unique within one analysis
    name: str
    kind: ActorKind
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)  # filled on corpus-level actors


@dataclass
class Quote:
    id: str  # "q1", unique within the article
    kind: QuoteKind
    text: str
    start: int | None
    end: int | None
    speaker: str | None  # Actor.id
    speaker_text: str | None = None  # the mention the attribution rests on ("he", "the paper")
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None  # "said", "according to", ":" ...
    cue_start: int | None = None
    cue_end: int | None = None
    field: Literal["text", "title", "subtitle"] = "text"  # where start/end point
    confidence: float = 1.0
    # added for issue 16: True when what is reported is only the object of a verb, noun or adjective of
    # stance ("opposed the legislation", "announced a breakthrough", "her criticism of the plan"), not a
    # reported proposition; such quotes are kept, and views and benches can count them apart
    stance: bool = False
    # added for issue 16: True when the cue is denied or empty ("had not confirmed the account", "offered no
    # comment"): the speaker is not asserting the text
    negated: bool = False


@dataclass
class Timex:
    id: str  # "t1"
    text: str
    start: int
    end: int
    type: TimexType
    value: str  # TIMEX3 value: 2025-10-16, 2026-W46, P1W, PXD, XXXX-10-16, PAST_REF ...
    anchor: str | None = None  # what it was resolved against: "published", "speech", an event id
    mod: str | None = None  # TIMEX3 mod: BEFORE, AFTER, APPROX, START, END ...
    field: Literal["text", "title", "subtitle"] = "text"  # where start/end point


@dataclass
class Event:
    id: str  # "e1"
    text: str  # the trigger or the noun phrase of the first mention
    start: int
    end: int
    date: str | None = None  # ISO date, or a coarser TIMEX3 value; null when unknown or disputed
    participants: list[str] = field(default_factory=list)  # Actor ids
    type: str | None = None  # "call", "meeting", "send", "cancel" ...
    mentions: list[Mention] = field(default_factory=list)  # coreferent mentions, first one included
    date_precision: str | None = None  # "day", "month", "year", "range"
    date_earliest: str | None = None
    date_latest: str | None = None
    date_asserted_by: str | None = None
    status: str | None = None  # happened | planned | called_off | postponed | denied | not_happened
    # how the text tells it (events/modality.py): negated or not, how sure, asserted / planned /
    # hypothetical, the clause's tense, and the source whose quote or claim reports it (None: narrator)
    polarity: str = "positive"  # positive | negative
    certainty: str = "certain"  # certain | probable | possible
    modality: str = "asserted"  # asserted | planned | hypothetical
    tense: str | None = None  # past | perfect | present | future
    reported_by: str | None = None  # Actor.id


@dataclass
class Relation:
    source: str  # Event.id
    relation: RelationType
    target: str  # Event.id
    asserted_by: str | None  # Actor.id, or None for the narrator
    evidence: str  # the sentence or clause that gives it
    offset: str | None = None  # a TIMEX3 duration ("P1W") between the two, when stated
    quote: str | None = None  # Quote.id the relation sits in
    start: int | None = None
    end: int | None = None


@dataclass
class Claim:
    """An attributed proposition: what one source says about one event."""
    id: str  # "c1"
    actor: str | None  # Actor.id; None for the narrator
    text: str
    kind: str  # "date" | "order" | "status" | "value" | "duration" | "denial" | "cause" | "statement"
    event: str | None = None  # Event.id
    value: Any = None  # a date, ("BEFORE", "e2"), a status word, {"attribute":..., "value":...}
    polarity: bool = True
    quote: str | None = None  # Quote.id
    article: str | None = None  # Article.id
    start: int | None = None
    end: int | None = None
    # provenance: who the asserting source cites ("the FT reported, citing three people familiar with the
    # matter": origin_text "three people familiar with the matter", origin its actor id when it is one),
    # and the outlets that carry the claim without being its source (the article's own outlet)
    origin: str | None = None
    origin_text: str | None = None
    relays: list[str] = field(default_factory=list)
    # the proposition: the actors it speaks of (ids, the asserting source and whom it cites left out),
    # its main verb's lemma, and whether the sentence hedges it ("allegedly", "reportedly")
    participants: list[str] = field(default_factory=list)
    predicate: str | None = None
    hedged: bool = False
    # the body the source speaks for, when its title or name says so ("State Department spokeswoman
    # Heather Nauert": the State Department): a dispute shows the body as a side beside its voice
    voice_of: str | None = None


@dataclass
class DisputeClaim:
    actor: str | None
    text: str
    quote: str | None = None
    article: str | None = None
    claim: str | None = None
    origin: str | None = None  # as Claim: whom the source cites, and the outlets that carry the claim
    origin_text: str | None = None
    relays: list[str] = field(default_factory=list)
    via: str | None = None  # for a body's side: the actor who spoke for it (its spokesperson's id)


@dataclass
class Dispute:
    id: str
    kind: DisputeKind
    summary: str
    claims: list[DisputeClaim] = field(default_factory=list)
    event: str | None = None
    articles: list[str] = field(default_factory=list)


@dataclass
class Analysis:
    article: Article
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    schema: str = SCHEMA

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def to_dict(self) -> dict:
        return to_dict(self)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


@dataclass
class Corpus:
    """Several analyses read together: cross-article actors and disputes."""
    articles: list[Analysis] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    schema: str = SCHEMA

    def to_dict(self) -> dict:
        return to_dict(self)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def to_dict(obj: Analysis | Corpus) -> dict:
    """JSON-ready dict with `schema` first, as readers expect."""
    data = asdict(obj)
    return {"schema": data.pop("schema"), **data}


def _build(cls, data: dict):
    names = {f for f in cls.__dataclass_fields__}
    return cls(**{k: v for k, v in data.items() if k in names})


def analysis_from_dict(data: dict) -> Analysis:
    """The inverse of `Analysis.to_dict` (unknown keys ignored: newer writers may add fields)."""
    art = dict(data["article"])
    art["blocks"] = [_build(Block, b) for b in art.get("blocks") or []]
    actors = []
    for a in data.get("actors") or []:
        a = dict(a)
        a["mentions"] = [_build(Mention, m) for m in a.get("mentions") or []]
        actors.append(_build(Actor, a))
    events = []
    for e in data.get("events") or []:
        e = dict(e)
        e["mentions"] = [_build(Mention, m) for m in e.get("mentions") or []]
        events.append(_build(Event, e))
    disputes = []
    for d in data.get("disputes") or []:
        d = dict(d)
        d["claims"] = [_build(DisputeClaim, c) for c in d.get("claims") or []]
        disputes.append(_build(Dispute, d))
    return Analysis(
        article=_build(Article, art),
        actors=actors,
        quotes=[_build(Quote, q) for q in data.get("quotes") or []],
        timexes=[_build(Timex, t) for t in data.get("timexes") or []],
        events=events,
        relations=[_build(Relation, r) for r in data.get("relations") or []],
        claims=[_build(Claim, c) for c in data.get("claims") or []],
        disputes=disputes,
        warnings=list(data.get("warnings") or []),
    )
