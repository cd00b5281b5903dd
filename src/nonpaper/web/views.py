"""What the pages show, computed from store rows and analyses: pure functions, no I/O, no framework.

Every string that came from an article goes through `markupsafe.escape` here or through Jinja's
autoescape in the templates; `Markup` is only ever built from escaped pieces and fixed tags.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, NamedTuple
from urllib.parse import quote

from markupsafe import Markup, escape

from ..model import Analysis, Quote

N_COLOURS = 10  # speaker colour classes spk-0 .. spk-9 in style.css


# ---------------------------------------------------------------- names and ids

def backticks(text: str | None) -> Markup:
    """`code` in API descriptions as <code>, everything else escaped."""
    parts = (text or "").split("`")
    return Markup("").join(Markup("<code>{}</code>").format(p) if i % 2 else escape(p) for i, p in enumerate(parts))


def dom_id(prefix: str, raw: str | None) -> str:
    """A safe HTML id from a data id ("q1" -> "quote-q1"); anything odd becomes "_"."""
    return f"{prefix}-{re.sub(r'[^A-Za-z0-9_-]', '_', raw or '')}"


def local_id(article_id: str | None, item_id: str | None) -> str | None:
    """A quote's or event's id within its article: the store prefixes them ("art-1:q3" -> "q3")."""
    prefix = f"{article_id}:"
    return item_id[len(prefix):] if item_id and article_id and item_id.startswith(prefix) else item_id


def actor_href(actor_id: str, name: str | None, idmap: dict | None = None) -> str:
    """The actor page, through `idmap` (an article's local ids -> corpus ids) when one is given;
    an actor the store does not know by id is looked up by name instead."""
    if idmap is not None:
        if actor_id not in idmap:
            return "/actors?search=" + quote(name or actor_id, safe="")
        actor_id = idmap[actor_id]
    return "/actors/" + quote(actor_id, safe="")


def initials(name: str | None) -> str:
    """Up to two letters for a name: the visible label beside a speaker's colour."""
    if not name:
        return "?"
    words = [w for w in re.findall(r"[^\W\d_]+", name) if w]
    if not words:
        return "?"
    caps = [w for w in words if w[0].isupper()] or words
    picked = caps[0][0] + (caps[-1][0] if len(caps) > 1 else "")
    return picked.upper()


@dataclass
class Speaker:
    id: str | None
    name: str
    label: str  # initials, unique within the article
    colour: int  # index of the spk-N class
    kind: str | None = None
    titles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    n_quotes: int = 0


def speakers(analysis: Analysis) -> dict[str | None, Speaker]:
    """Speakers in order of first quote, then the other actors: each a colour and a unique label."""
    order: list[str | None] = []
    for q in sorted(analysis.quotes, key=lambda q: (q.start is None, q.start or 0)):
        if q.speaker not in order:
            order.append(q.speaker)
    order += [a.id for a in analysis.actors if a.id not in order]
    out: dict[str | None, Speaker] = {}
    used: dict[str, int] = defaultdict(int)
    for i, sid in enumerate(order):
        actor = analysis.actor(sid)
        name = actor.name if actor else "unattributed"
        base = initials(actor.name) if actor else "?"
        used[base] += 1
        label = base if used[base] == 1 else f"{base}{used[base]}"
        out[sid] = Speaker(sid, name, label, i % N_COLOURS, actor.kind if actor else None,
                           list(actor.titles) if actor else [], list(actor.aliases) if actor else [],
                           sum(q.speaker == sid for q in analysis.quotes))
    return out


# ---------------------------------------------------------------- highlighted article text

class Span(NamedTuple):
    start: int
    end: int
    quote: Quote
    first: bool  # the first piece of this quote (carries the speaker label)


def _blocks(text: str, analysis: Analysis) -> list[tuple[str, int, int]]:
    """(kind, start, end) paragraphs: the article's blocks when they are sane, else blank-line splits."""
    blocks = sorted(analysis.article.blocks or [], key=lambda b: b.start)
    ok = blocks and all(0 <= b.start <= b.end <= len(text) for b in blocks) and all(
        a.end <= b.start for a, b in zip(blocks, blocks[1:]))
    if ok:
        return [(b.kind, b.start, b.end) for b in blocks]
    out = []
    for m in re.finditer(r"(?:(?!\n[ \t]*\n).)+", text, flags=re.S):
        part = m.group(0)
        if part.strip():
            lead = len(part) - len(part.lstrip())
            out.append(("paragraph", m.start() + lead, m.start() + len(part.rstrip())))
    return out


def _nest(spans: list[Span]) -> list[Span]:
    """Make spans properly nested: one that overlaps the end of an earlier one is cut at that end."""
    out, ends = [], []
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        while ends and ends[-1] <= s.start:
            ends.pop()
        end = min(s.end, ends[-1]) if ends else s.end
        if end <= s.start:
            continue
        out.append(s._replace(end=end))
        ends.append(end)
    return out


def _plain(text: str) -> Markup:
    return Markup("<br>").join(escape(part) for part in text.split("\n"))


def _render(text: str, lo: int, hi: int, spans: list[Span], who: dict[str | None, Speaker]) -> Markup:
    out, pos, i = [], lo, 0
    while i < len(spans):
        s = spans[i]
        j = i + 1
        while j < len(spans) and spans[j].start < s.end:
            j += 1
        out.append(_plain(text[pos:s.start]))
        out.append(_open_mark(s, who))
        out.append(_render(text, s.start, s.end, spans[i + 1:j], who))
        out.append(Markup("</mark>"))
        pos, i = s.end, j
    out.append(_plain(text[pos:hi]))
    return Markup("").join(out)


def _open_mark(s: Span, who: dict[str | None, Speaker]) -> Markup:
    q = s.quote
    spk = who.get(q.speaker) or Speaker(None, "unattributed", "?", 0)
    tag = Markup('<mark class="q q-{kind} spk-{colour}" data-quote="{qid}" tabindex="0" role="button" '
                 'title="{tip}">').format(kind=q.kind, colour=spk.colour, qid=dom_id("quote", q.id),
                                          tip=f"{spk.name}, {q.kind} quote: press Enter for details")
    if s.first:
        tag += Markup('<span class="who" aria-hidden="true">{}</span><span class="sr-only">{}: </span>').format(
            spk.label, f"quote by {spk.name}")
    return tag


def highlighted(analysis: Analysis, who: dict[str | None, Speaker] | None = None,
                disputed: list["Disputed"] | None = None) -> list[tuple[str, Markup]]:
    """The article text as (block kind, html) pairs, quotes wrapped in <mark>s coloured by speaker.

    Offsets are into `article.text`; a quote that runs over several paragraphs becomes one mark per
    paragraph (the first carries the speaker's label); nested quotes nest. `disputed` spans (the
    sides of disputes, `disputed_spans`) are wrapped around the quotes they touch, with a ⚠ link to
    their dispute after them.
    """
    text = analysis.article.text or ""
    who = who if who is not None else speakers(analysis)
    quotes = [q for q in analysis.quotes if q.field == "text" and q.start is not None and q.end is not None
              and 0 <= q.start < q.end <= len(text)]
    out = []
    seen: set[str] = set()
    marked_ids: set[str] = set()
    for kind, lo, hi in _blocks(text, analysis):
        spans = []
        for q in quotes:
            s, e = max(q.start, lo), min(q.end, hi)
            if s < e and text[s:e].strip():
                spans.append(Span(s, e, q, q.id not in seen))
        spans = _nest(spans)
        seen.update(s.quote.id for s in spans)
        regions = _regions([d for d in disputed or [] if d.start < hi and d.end > lo], spans, lo, hi)
        out.append((kind, _render_block(text, lo, hi, spans, regions, who, marked_ids)))
    return out


def highlighted_field(analysis: Analysis, name: str, who: dict[str | None, Speaker] | None = None) -> Markup | None:
    """The headline ("title") or subtitle with its quotes marked as in the body (their offsets are
    into that field); None when the article has no such field."""
    text = getattr(analysis.article, name, None)
    if not text:
        return None
    who = who if who is not None else speakers(analysis)
    spans = _nest([Span(q.start, q.end, q, True) for q in analysis.quotes
                   if q.field == name and q.start is not None and q.end is not None and 0 <= q.start < q.end <= len(text)])
    return _render(text, 0, len(text), spans, who)


# ---------------------------------------------------------------- disputed sentences

class Disputed(NamedTuple):
    """A side of a dispute in this article's text: its span, the dispute card's DOM id, its kind and
    summary, and the side's id on the page (the card links back to it)."""
    start: int
    end: int
    card: str
    kind: str
    summary: str
    mark: str


def _claim_span(analysis: Analysis, claim: dict) -> tuple[int, int] | None:
    """Where a dispute's side is in the text: its quote, else its claim's offsets, else its words
    (at least 12 characters of them, found as they are)."""
    text, aid = analysis.article.text or "", analysis.article.id
    qid = local_id(aid, claim.get("quote"))
    for q in analysis.quotes:
        if qid and q.id == qid and q.field == "text" and q.start is not None and q.end is not None:
            return q.start, q.end
    # its claim: by id when the row has one, else the article's claim with its words and source (the
    # store's dispute rows carry the claim's text, not its id)
    cid = local_id(aid, claim.get("claim"))
    for c in analysis.claims:
        same = c.id == cid if cid else (c.text == claim.get("text") and c.actor == claim.get("actor"))
        if same and c.start is not None and c.end is not None and 0 <= c.start < c.end <= len(text):
            return c.start, c.end
    words = (claim.get("text") or "").strip()
    at = text.find(words) if len(words) >= 12 else -1  # a few words could be anywhere
    return (at, at + len(words)) if at >= 0 else None


def disputed_spans(analysis: Analysis, disputes: list[dict]) -> list[Disputed]:
    """The sides of `disputes` (store or analysis rows) that are this article's, as spans of its text."""
    aid, out = analysis.article.id, []
    for d in disputes:
        for i, c in enumerate(d.get("claims") or []):
            if (c.get("article") or aid) != aid:
                continue
            span = _claim_span(analysis, c)
            if span:
                out.append(Disputed(*span, dom_id("dispute", str(d.get("id"))), str(d.get("kind") or ""),
                                    str(d.get("summary") or ""), side_mark(d, i)))
    return out


def side_mark(dispute: dict, index: int) -> str:
    """The DOM id of a dispute side's mark in the text."""
    return dom_id("disputed", f"{dispute.get('id')}-{index}")


class Region(NamedTuple):
    start: int
    end: int
    sides: tuple[Disputed, ...]


def _regions(disputed: list[Disputed], spans: list[Span], lo: int, hi: int) -> list[Region]:
    """Disputed spans within one block, grown over the quote marks they touch and merged when they
    meet, so that each region holds whole quote marks (and the ⚠ link after it is inside none)."""
    regions = [Region(max(d.start, lo), min(d.end, hi), (d,)) for d in disputed]
    regions = [r for r in regions if r.start < r.end]
    changed = True
    while changed:
        changed = False
        for i, r in enumerate(regions):
            s, e = r.start, r.end
            for sp in spans:
                if sp.start < e and sp.end > s:
                    s, e = min(s, sp.start), max(e, sp.end)
            if (s, e) != (r.start, r.end):
                regions[i], changed = r._replace(start=s, end=e), True
        merged: list[Region] = []
        for r in sorted(regions):
            if merged and r.start < merged[-1].end:
                last = merged[-1]
                merged[-1] = Region(last.start, max(last.end, r.end), last.sides + r.sides)
                changed = True
            else:
                merged.append(r)
        regions = merged
    return regions


def _render_block(text: str, lo: int, hi: int, spans: list[Span], regions: list[Region],
                  who: dict[str | None, Speaker], marked_ids: set[str]) -> Markup:
    out, pos = [], lo
    for r in regions:
        out.append(_render(text, pos, r.start, [s for s in spans if pos <= s.start and s.end <= r.start], who))
        sides = [d for d in dict.fromkeys(r.sides)]
        ids = [d.mark for d in sides if d.mark not in marked_ids]
        marked_ids.update(ids)
        summaries = "; ".join(dict.fromkeys(d.summary for d in sides))
        out.append(Markup('<span class="disputed"{} title="{}"><span class="sr-only">disputed: </span>').format(
            Markup(' id="{}"').format(ids[0]) if ids else "", f"Disputed: {summaries}"))
        out += [Markup('<span id="{}"></span>').format(i) for i in ids[1:]]  # every side's own anchor
        out.append(_render(text, r.start, r.end, [s for s in spans if r.start <= s.start and s.end <= r.end], who))
        out.append(Markup("</span>"))
        for card in dict.fromkeys(d.card for d in sides):
            d = next(x for x in sides if x.card == card)
            out.append(Markup('<a class="dispute-ref" href="#{}" title="Disputed ({}): {} - see the dispute">'
                              '<span aria-hidden="true">\u26a0</span><span class="sr-only">see the {} dispute: {}'
                              '</span></a>').format(card, d.kind, d.summary, d.kind, d.summary))
        pos = r.end
    out.append(_render(text, pos, hi, [s for s in spans if pos <= s.start], who))
    return Markup("").join(out)


# ---------------------------------------------------------------- search hits

_HITS = re.compile("\u27e6([^\u27e6\u27e7]*)\u27e7")  # ⟦hit⟧, as the store marks a search's words


def marked(snippet: str | None) -> Markup | None:
    """A snippet from a search with its hits as <mark class="hit">, everything else escaped."""
    if not snippet:
        return None
    out, pos = [], 0
    for m in _HITS.finditer(snippet):
        out += [escape(snippet[pos:m.start()]), Markup('<mark class="hit">{}</mark>').format(m.group(1))]
        pos = m.end()
    out.append(escape(snippet[pos:]))
    return Markup("").join(out)


def with_hits(rows: list[dict]) -> list[dict]:
    """Rows with "hit": their search snippet as safe HTML (for the templates; the API keeps "snippet")."""
    return [{**r, "hit": marked(r.get("snippet"))} for r in rows]


# ---------------------------------------------------------------- time

def parse_day(value: str | None) -> date | None:
    """A point for the time axis from an ISO date or a coarser TIMEX3 value (2026-03 -> March 1)."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


_INVERSE = {"AFTER": "BEFORE", "IS_INCLUDED": "INCLUDES"}


def oriented(source: str, relation: str, target: str) -> tuple[str, str, str]:
    """One spelling per ordering: AFTER(a, b) is BEFORE(b, a); SIMULTANEOUS is symmetric."""
    if relation in _INVERSE:
        return target, _INVERSE[relation], source
    if relation == "SIMULTANEOUS" and target < source:
        return target, relation, source
    return source, relation, target


def conflicting_relations(items: Iterable[dict]) -> set[tuple]:
    """Keys (article, source, relation, target, asserted_by) of relations another source contradicts.

    Two relations about the same pair of events conflict when they put the pair in different orders
    (a BEFORE b against b BEFORE a, or against SIMULTANEOUS).
    """
    by_pair: dict[tuple, set] = defaultdict(set)
    rels = [r for item in items for r in item.get("relations") or []]
    for r in rels:
        a, rel, b = oriented(str(r["source"]), r["relation"], str(r["target"]))
        by_pair[(r.get("article_id"), *sorted((a, b)))].add((a, rel, b))
    bad = set()
    for r in rels:
        a, rel, b = oriented(str(r["source"]), r["relation"], str(r["target"]))
        if len(by_pair[(r.get("article_id"), *sorted((a, b)))]) > 1:
            bad.add(relation_key(r))
    return bad


def relation_key(r: dict) -> tuple:
    return (r.get("article_id"), r["source"], r["relation"], r["target"], r.get("asserted_by"))


@dataclass
class AxisPoint:
    n: int  # the event's number in the list below the axis
    x: float  # position along the axis, in the layout's units (0..width)
    row: int  # stacked rows: events too close to another one's marker and number go below it
    day: date
    item: dict
    disputed: bool


@dataclass
class Axis:
    points: list[AxisPoint]
    ticks: list[tuple[float, float, str]]  # (tick x, label's left edge, label)
    rows: int
    width: int = 1000
    font: int = 12
    name: str = "wide"

    @property
    def height(self) -> int:
        return AXIS_TOP + self.rows * ROW


# One layout per screen width (style.css shows the one that fits): the SVG scales to its box, so a
# layout made for 1000 units would shrink its text to 4 px on a phone. Each lays out its labels so
# that none overlaps another: tick labels too close to the last one kept are left out, and a marker
# too close to another one's marker and number goes to the next row.
AXIS_LAYOUTS = (("wide", 1000, 12), ("mid", 640, 13), ("narrow", 360, 14))
PAD = 24  # units left and right of the axis line
AXIS_TOP = 52  # y of the first row of markers
ROW = 26
CHAR = 0.64  # average advance of a digit or a hyphen, in ems (DejaVu Sans; wider than most fonts)


def text_width(text: str, font: int) -> float:
    return len(text) * CHAR * font


def time_axis(items: list[dict], disputed: set[tuple], width: int = 1000, font: int = 12,
              name: str = "wide") -> Axis:
    """Dated events placed along one axis `width` units wide; labels and markers never overlap."""
    dated = [(parse_day(it.get("date")), i, it) for i, it in enumerate(items)]
    dated = [d for d in dated if d[0] is not None]
    if not dated:
        return Axis([], [], 0, width, font, name)
    lo = min(d[0] for d in dated)
    hi = max(d[0] for d in dated)
    span = max((hi - lo).days, 1)

    def at(day: date) -> float:
        return PAD + ((day - lo).days / span if hi != lo else 0.5) * (width - 2 * PAD)

    row_ends: list[float] = []  # the right edge of the last marker+number in each row
    points = []
    for day, i, it in sorted(dated, key=lambda d: (d[0], d[1])):
        x = at(day)
        left, right = x - 13, x + 14 + text_width(str(i + 1), font)
        row = next((r for r, end in enumerate(row_ends) if end + 3 <= left), len(row_ends))
        if row == len(row_ends):
            row_ends.append(right)
        row_ends[row] = right
        points.append(AxisPoint(i + 1, x, row, day, it, (it.get("article_id"), it.get("id")) in disputed))
    points.sort(key=lambda p: p.n)
    written: dict[date, str] = {}
    for p in sorted(points, key=lambda p: p.n):  # label a day as its events write it ("2026-03" stays a month)
        written.setdefault(p.day, str(p.item.get("date")))
    ticks, last_right = [], -1e9
    for day in sorted(written):
        label = written[day][:10]
        w = text_width(label, font)
        x = at(day)
        left = min(max(x - w / 2, 0), width - w)
        if left >= last_right + font:  # a gap of one em between two labels
            ticks.append((x, left, label))
            last_right = left + w
    return Axis(points, ticks, len(row_ends), width, font, name)


def timeline_view(items: list[dict], disputes: list[dict] | None = None) -> dict:
    """Everything the timeline template needs: events in date order, names for event ids, conflicts."""
    items = sorted(items, key=lambda it: (parse_day(it.get("date")) is None, parse_day(it.get("date")) or date.min))
    names: dict[tuple, str] = {}
    for it in items:
        names[(it.get("article_id"), it.get("id"))] = it.get("text") or str(it.get("id"))
    conflicts = conflicting_relations(items)
    disputed = {(r.get("article_id"), r.get("source")) for it in items for r in it.get("relations") or []
                if relation_key(r) in conflicts}
    disputed |= {(r.get("article_id"), r.get("target")) for it in items for r in it.get("relations") or []
                 if relation_key(r) in conflicts}
    # Events a dispute names: by article-local id ("e1", "art:e1" in the store) or by corpus event.
    corpus_events = set()
    for d in disputes or []:
        event = d.get("event")
        if event:
            corpus_events.add(event)
            for art in d.get("articles") or []:
                disputed |= {(art, event), (art, f"{art}:{event}")}
    disputed |= {(it.get("article_id"), it.get("id")) for it in items
                 if it.get("corpus_event") and it["corpus_event"] in corpus_events}
    axes = [time_axis(items, disputed, width, font, name) for name, width, font in AXIS_LAYOUTS]
    return {"items": items, "names": names, "conflicts": conflicts, "disputed": disputed,
            "axis": axes[0], "axes": axes}


def analysis_timeline(analysis: Analysis) -> list[dict]:
    """An analysis's events and relations in the shape of `store.timeline()` rows."""
    aid = analysis.article.id

    def name(actor_id):
        actor = analysis.actor(actor_id)
        return actor.name if actor else None

    return [{"id": e.id, "article_id": aid, "text": e.text, "type": e.type, "date": e.date,
             "participants": list(e.participants),
             "relations": [{"source": r.source, "relation": r.relation, "target": r.target,
                            "asserted_by": r.asserted_by, "asserted_by_name": name(r.asserted_by),
                            "evidence": r.evidence, "article_id": aid}
                           for r in analysis.relations if r.source == e.id]}
            for e in analysis.events]


def analysis_disputes(analysis: Analysis) -> list[dict]:
    """An analysis's own disputes in the shape of `store.disputes()` rows."""
    aid = analysis.article.id

    def name(actor_id):
        actor = analysis.actor(actor_id)
        return actor.name if actor else None

    return [{"id": d.id, "kind": d.kind, "summary": d.summary, "scope": "article", "event": d.event,
             "articles": list(d.articles or [aid]),
             "claims": [{"actor": c.actor, "actor_name": name(c.actor), "text": c.text, "quote": c.quote,
                         "article": c.article or aid, "origin_text": c.origin_text, "relays": list(c.relays),
                         "via": c.via, "via_name": name(c.via)}
                        for c in d.claims]}
            for d in analysis.disputes]


def quotes_per_month(quotes: list[dict]) -> list[tuple[str, int, float]]:
    """(YYYY-MM, count, share of the busiest month) for a small bar chart of quotes over time."""
    counts: dict[str, int] = defaultdict(int)
    for q in quotes:
        day = parse_day(q.get("published"))
        counts[day.strftime("%Y-%m") if day else "undated"] += 1
    if not counts:
        return []
    top = max(counts.values())
    keys = sorted(k for k in counts if k != "undated") + (["undated"] if "undated" in counts else [])
    return [(k, counts[k], counts[k] / top) for k in keys]
