"""Corpus-level rows from per-article analyses: merged actors, merged events, cross-article disputes.

The merging itself belongs to the pipeline's corpus level (`nonpaper.pipeline.corpus_actors`,
`nonpaper.pipeline.corpus_disputes`, which `nonpaper analyze` also runs); this module calls them, maps each article's own actors onto
the merged ones, merges by name whatever they leave out (so every actor has a corpus id even when a
stage fails), and links the same happening reported by several articles.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .. import pipeline
from ..ingest.layout import content_hash
from ..model import Actor, Analysis, Article, Dispute
from ..text.names import slug as actor_slug


def text_hash(text: str) -> str:
    return content_hash(text)


def norm(name: str | None) -> str:
    """A name for comparison: case, accents and punctuation ignored."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def slug(name: str | None) -> str:
    """The slug the actor stage gives ids ("Sergey Lavrov" -> "sergey-lavrov"), so a provisional corpus
    id is the article-level id of the same name."""
    return actor_slug(name or "")


def rename_article(data: dict, new_id: str) -> None:
    """Give a stored analysis (the JSON dict) a new article id everywhere it is referred to."""
    old = data["article"].get("id")
    data["article"]["id"] = new_id
    for claim in data.get("claims") or []:
        if claim.get("article") in (old, None):
            claim["article"] = new_id
    for dispute in data.get("disputes") or []:
        dispute["articles"] = [new_id if a == old else a for a in dispute.get("articles") or []]
        for claim in dispute.get("claims") or []:
            if claim.get("article") in (old, None):
                claim["article"] = new_id


@dataclass
class CorpusLevel:
    actors: list[Actor] = field(default_factory=list)
    actor_map: dict[tuple[str, str], str] = field(default_factory=dict)  # (article, local id) -> corpus id
    events: list[dict] = field(default_factory=list)
    event_map: dict[tuple[str, str], str] = field(default_factory=dict)
    disputes: list[Dispute] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def corpus_level(analyses: list[Analysis]) -> CorpusLevel:
    out = CorpusLevel()
    merged: list[Actor] = []
    try:
        merged = list(pipeline.corpus_actors(analyses) or [])
    except Exception as exc:  # a stage bug must not lose the ingest; say so and merge by name
        out.warnings.append(f"merging actors failed ({type(exc).__name__}: {exc}); merged by name instead")
    out.actor_map = map_actors(analyses, merged)
    out.actors = merged + by_name(analyses, out.actor_map, {a.id for a in merged})
    out.events, out.event_map = link_events(analyses, out.actor_map)
    try:
        found = list(pipeline.corpus_disputes(analyses, out.actors) or [])
    except Exception as exc:
        out.warnings.append(f"cross-article disputes failed ({type(exc).__name__}: {exc}); none stored")
        found = []
    out.disputes = cross_only(found)
    return out


def map_actors(analyses: list[Analysis], merged: list[Actor]) -> dict[tuple[str, str], str]:
    """Each article's actors onto the merged actors that list the article, by id, name or alias."""
    by_article = {a.article.id: a for a in analyses}
    named: dict[str, dict[str, list[str]]] = {}  # article -> a normalised name or alias -> its local ids

    def names_in(article_id: str) -> dict[str, list[str]]:
        if article_id not in named:  # once per article, not once per corpus actor listing it
            table: dict[str, list[str]] = defaultdict(list)
            for local in by_article[article_id].actors:
                for key in {norm(local.name)} | {norm(x) for x in local.aliases}:
                    table[key].append(local.id)
                table[("id", local.id)].append(local.id)
            named[article_id] = table
        return named[article_id]

    mapping: dict[tuple[str, str], str] = {}
    for corpus_actor in merged:
        keys = {norm(corpus_actor.name)} | {norm(x) for x in corpus_actor.aliases}
        keys.discard("")
        for article_id in corpus_actor.articles or list(by_article):
            if article_id not in by_article:
                continue
            table = names_in(article_id)
            for key in [("id", corpus_actor.id), *keys]:
                for local_id in table.get(key, ()):
                    mapping.setdefault((article_id, local_id), corpus_actor.id)
    return mapping


def by_name(analyses: list[Analysis], mapping: dict[tuple[str, str], str], taken: set[str]) -> list[Actor]:
    """Corpus actors for the local actors no merged actor claimed: one per normalised name.
    Fills `mapping` for them."""
    groups: dict[str, list[tuple[str, Actor]]] = defaultdict(list)
    for analysis in analyses:
        for local in analysis.actors:
            if (analysis.article.id, local.id) not in mapping:
                groups[norm(local.name) or local.id].append((analysis.article.id, local))
    made: list[Actor] = []
    for key, members in groups.items():
        first = members[0][1]
        ident = slug(first.name) or first.id
        n = 1
        while ident in taken:
            n += 1
            ident = f"{slug(first.name) or first.id}-{n}"
        taken.add(ident)
        kind = Counter(m.kind for _, m in members).most_common(1)[0][0]
        aliases = sorted({x for _, m in members for x in m.aliases} - {first.name})
        titles = sorted({x for _, m in members for x in m.titles})
        made.append(Actor(id=ident, name=first.name, kind=kind, aliases=aliases, titles=titles,
                          articles=sorted({art for art, _ in members})))
        for art, m in members:
            mapping[(art, m.id)] = ident
    return made


CORPUS_ARTICLE = "\0corpus"  # the stand-in article that carries stored corpus actors into a merge


def extend_actors(new: list[Analysis], stored: list[Actor]
                  ) -> tuple[dict[tuple[str, str], str], list[Actor], list[str]]:
    """The incremental step's actors (store/update.py): the new articles' actors merged among
    themselves and with the stored corpus actors sharing a name, surname or alias with them, by the
    rules of `pipeline.corpus_actors`. Returns (article, local id) -> corpus id for the new articles,
    the corpus actors to add or update (a stored one keeps its id, name and kind), and warnings."""
    index: dict[str, list[Actor]] = defaultdict(list)
    for actor in stored:
        for key in _name_keys([actor.name, *actor.aliases]):
            index[key].append(actor)
    wanted = {key for a in new for x in a.actors for key in _name_keys([x.name, *x.aliases])}
    candidates = list({id(c): c for key in sorted(wanted) for c in index.get(key, ())}.values())
    carrier = Analysis(article=Article(id=CORPUS_ARTICLE, text=""),
                       actors=[Actor(id=c.id, name=c.name, kind=c.kind, aliases=list(c.aliases),
                                     titles=list(c.titles)) for c in candidates])
    warnings: list[str] = []
    merged: list[Actor] = []
    try:
        merged = list(pipeline.corpus_actors([carrier, *new]) or [])
    except Exception as exc:  # a stage bug must not lose the ingest; say so and merge by name
        warnings.append(f"merging actors failed ({type(exc).__name__}: {exc}); merged by name instead")
    mapping = map_actors([carrier, *new], merged)
    existing = {a.id for a in stored}
    holds: dict[str, str] = {}  # merged id -> the stored corpus actor it continues
    for (art, local), mid in mapping.items():
        if art == CORPUS_ARTICLE:
            holds.setdefault(mid, local)
    taken = existing | {m.id for m in merged}
    added, renamed = [], {}
    by_id = {a.id: a for a in stored}
    for m in merged:
        if m.id in holds:  # a stored actor, with what the new articles add to its aliases and titles
            was = by_id[holds[m.id]]
            if (m.aliases, m.titles) != (was.aliases, was.titles):
                added.append(Actor(id=was.id, name=was.name, kind=was.kind, aliases=m.aliases, titles=m.titles))
            continue
        if m.id in existing:  # another stored actor has this slug: number this one
            n, base = 2, m.id
            while f"{base}-{n}" in taken:
                n += 1
            renamed[m.id] = m.id = f"{base}-{n}"
            taken.add(m.id)
        m.articles = [x for x in m.articles if x != CORPUS_ARTICLE]
        added.append(m)
    added += by_name(new, mapping, taken)
    out = {(art, local): holds.get(cid, renamed.get(cid, cid)) for (art, local), cid in mapping.items()
           if art != CORPUS_ARTICLE}
    return out, added, warnings


def _name_keys(names: list[str]) -> set[str]:
    """A name's keys for finding who it may be: the whole name and its last word, normalised."""
    keys = set()
    for name in names:
        key = norm(name)
        if key:
            keys |= {key, key.split()[-1]}
    return keys


def actors_of(analyses: list[Analysis], actor_map: dict[tuple[str, str], str], *known: list[Actor]) -> list[Actor]:
    """The corpus actors the articles' actors map to, each listing its articles and, as aliases, the
    names the articles give it (so the dispute step names each side by its corpus actor)."""
    table = {a.id: a for group in known for a in group}
    out: dict[str, Actor] = {}
    for analysis in analyses:
        art = analysis.article.id
        for local in analysis.actors:
            cid = actor_map.get((art, local.id), local.id)
            base = table.get(cid, local)
            actor = out.setdefault(cid, Actor(id=cid, name=base.name, kind=base.kind, aliases=list(base.aliases),
                                              titles=list(base.titles), articles=[]))
            if art not in actor.articles:
                actor.articles.append(art)
            if local.name != actor.name and local.name not in actor.aliases:
                actor.aliases.append(local.name)
    return list(out.values())


def link_events(analyses: list[Analysis], actor_map: dict[tuple[str, str], str],
                taken: set[str] | None = None) -> tuple[list[dict], dict]:
    """The same happening reported by several articles: events of one type from different articles
    whose dates agree (the same date, or one undated) and whose participants overlap; two events on
    the same date also link when one side names no participants. Events with different dates are
    never linked (that is for the dispute stage to weigh). Only groups spanning two or more articles
    become corpus events; a lone event keeps no corpus id."""
    buckets: dict[str, list[tuple[str, str, set[str], str, str | None]]] = defaultdict(list)
    story = _stories(analyses, actor_map)
    for analysis in analyses:
        art = analysis.article.id
        for e in analysis.events:
            if e.type:
                people = {actor_map.get((art, p), p) for p in e.participants}
                buckets[e.type].append((art, e.id, people, e.text, e.date))
    events: list[dict] = []
    event_map: dict[tuple[str, str], str] = {}
    taken = set() if taken is None else taken  # ids already in use (an incremental step's store)
    for etype, members in sorted(buckets.items()):
        parent = list(range(len(members)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for group in _candidates(members, story).values():
            for x in range(len(group)):
                for y in range(x + 1, len(group)):
                    i, j = group[x], group[y]
                    if find(i) != find(j) and _same_event(members[i], members[j], story):
                        parent[find(j)] = find(i)
        groups: dict[int, list] = defaultdict(list)
        for i, m in enumerate(members):
            groups[find(i)].append(m)
        for group in groups.values():
            articles = sorted({m[0] for m in group})
            if len(articles) < 2:
                continue
            date = next((m[4] for m in group if m[4]), None)
            base = f"{slug(etype)}-{date or 'undated'}"
            ident, n = base, 1
            while ident in taken:
                n += 1
                ident = f"{base}-{n}"
            taken.add(ident)
            events.append({"id": ident, "type": etype, "date": date,
                           "text": Counter(m[3] for m in group).most_common(1)[0][0],
                           "participants": sorted(set().union(*(m[2] for m in group))), "articles": articles})
            for m in group:
                event_map[(m[0], m[1])] = ident
    return events, event_map


STORY_DAYS = 7  # articles this close in publication, naming the same people and bodies, tell one story
STORY_ACTORS = 2


def _stories(analyses: list[Analysis], actor_map: dict[tuple[str, str], str]):
    """A test for "these two articles report the same story": published within STORY_DAYS of each other
    (or undated) and naming at least STORY_ACTORS of the same people or bodies (not outlets)."""
    from datetime import date

    named: dict[str, set[str]] = {}
    when: dict[str, date | None] = {}
    for analysis in analyses:
        art = analysis.article.id
        named[art] = {actor_map.get((art, a.id), a.id) for a in analysis.actors
                      if a.kind in ("person", "organization", "government")}
        try:
            when[art] = date.fromisoformat(analysis.article.published or "")
        except ValueError:
            when[art] = None

    class Story:
        def __call__(self, a: str, b: str) -> bool:
            da, db = when.get(a), when.get(b)
            if da and db and abs((da - db).days) > STORY_DAYS:
                return False
            return len(named.get(a, set()) & named.get(b, set())) >= STORY_ACTORS

        def named(self, art: str) -> set[str]:
            return named.get(art, set())

        def week(self, art: str) -> int:
            d = when.get(art)
            return d.toordinal() // 7 if d else 0

    return Story()


CANDIDATES = 300  # a key shared by more events than this (a ubiquitous actor) says nothing


def _candidates(members: list[tuple], story) -> dict[tuple, list[int]]:
    """Groups of events (indexes) that may be the same: sharing a participant, a date, or a named actor
    of their articles in the same or the next week. Only pairs within a group are compared, so linking
    stays near linear in the corpus."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, (art, _, people, _, date) in enumerate(members):
        keys = [("p", p) for p in people]
        if date:
            keys.append(("d", date))
        week = story.week(art)  # the story rule can link any event to one lacking date or participants
        keys += [("a", a, w) for a in story.named(art) for w in (week, week - 1)]
        for key in keys:
            groups[key].append(i)
    return {k: v for k, v in groups.items() if 1 < len(v) <= CANDIDATES}


def _same_event(a: tuple, b: tuple, story) -> bool:
    (art_a, _, people_a, _, date_a), (art_b, _, people_b, _, date_b) = a, b
    if art_a == art_b:
        return False  # within an article, the event stage already decided
    if date_a and date_b and date_a != date_b:
        return False
    if people_a and people_b:
        return bool(people_a & people_b)
    if date_a and date_b:
        return True  # same type, same day, one side names no participants
    return story(art_a, art_b)  # undated, participants unknown: the same type in the same story


def dispute_id(d: Dispute) -> str:
    """A cross-article dispute's id from what it is (kind, summary, its sides), not from its place in
    one run's output: an incremental step and a full recompute give one dispute the same id."""
    sides = sorted(f"{c.article}|{c.claim or ''}|{c.actor or ''}|{c.text}" for c in d.claims)
    return "x" + hashlib.sha1("\n".join([d.kind, d.summary, *sides]).encode("utf-8")).hexdigest()[:10]


def cross_only(found: list[Dispute]) -> list[Dispute]:
    """Disputes that span two or more articles (those within one are stored with their article),
    with ids unique in the corpus."""
    out, seen = [], set()
    for d in found:
        arts = set(d.articles) | {c.article for c in d.claims if c.article}
        if len(arts) < 2:
            continue
        if not d.articles:
            d.articles = sorted(arts)
        ident = dispute_id(d)
        while ident in seen:
            ident += "'"
        seen.add(ident)
        d.id = ident
        out.append(d)
    return out
