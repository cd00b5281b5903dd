"""One disagreement told by several outlets (issue 15).

Each article's own disputes say what that outlet reports; a reader of the corpus wants the
disagreement once, with every outlet that carries it. Two disputes of two articles that tell one story
(`find._story_links`) are one disagreement when they set at least two of the same (corpus) actors
against each other: Downing Street against Simon McDonald in the BBC's live page and in The National,
Peskov against Zelensky in two wire copies. Such a group becomes a corpus dispute with each outlet's
claims, unless a dispute the corpus checks found across articles already sets those parties against
each other in those articles.
"""
from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from ..model import Analysis, Dispute, DisputeClaim

SHARED_PARTIES = 2  # two disputes are one disagreement when they set this many actors against each other


class Told(NamedTuple):
    article: str
    dispute: Dispute
    parties: frozenset[str]  # corpus actor ids


def retold(analyses: list[Analysis], to_corpus: dict[tuple[str, str], str], related: set[frozenset[str]],
           found: list[Dispute]) -> list[Dispute]:
    told = [Told(a.article.id, d, frozenset(to_corpus.get((a.article.id, c.actor), c.actor)
                                            for c in d.claims if c.actor))
            for a in analyses for d in a.disputes]
    told = [t for t in told if len(t.parties) >= SHARED_PARTIES]
    out = []
    for group in _groups(told, related):
        if len({t.article for t in group}) < 2 or _covered(group, found):
            continue
        out.append(_merged(group, to_corpus))
    return out


def _groups(told: list[Told], related: set[frozenset[str]]) -> list[list[Told]]:
    """Disputes joined when their articles tell one story and they share two parties, in corpus order."""
    parent = list(range(len(told)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_party: dict[str, list[int]] = {}
    for i, t in enumerate(told):
        for p in t.parties:
            by_party.setdefault(p, []).append(i)
    for i, t in enumerate(told):  # candidates through a shared party, not every pair of disputes
        for j in {j for p in t.parties for j in by_party[p] if j > i}:
            u = told[j]
            if u.article != t.article and frozenset((t.article, u.article)) in related \
                    and len(t.parties & u.parties) >= SHARED_PARTIES:
                parent[find(i)] = find(j)
    groups: dict[int, list[Told]] = {}
    for i, t in enumerate(told):
        groups.setdefault(find(i), []).append(t)
    return [g for g in groups.values() if len(g) > 1]


def _covered(group: list[Told], found: list[Dispute]) -> bool:
    """Does a dispute found across articles already set these parties against each other there?"""
    parties = frozenset.intersection(*(t.parties for t in group))
    articles = {t.article for t in group}
    return any(len(parties & {c.actor for c in d.claims}) >= SHARED_PARTIES and articles <= set(d.articles)
               for d in found)


def _merged(group: list[Told], to_corpus: dict[tuple[str, str], str]) -> Dispute:
    kind = Counter(t.dispute.kind for t in group).most_common(1)[0][0]
    claims, seen = [], set()
    for t in group:
        for c in t.dispute.claims:
            actor = to_corpus.get((t.article, c.actor), c.actor)
            key = (actor, c.text, t.article)
            if key not in seen:
                seen.add(key)
                claims.append(DisputeClaim(actor=actor, text=c.text, quote=c.quote, article=c.article or t.article,
                                           claim=c.claim, origin=c.origin, origin_text=c.origin_text,
                                           relays=list(c.relays),
                                           via=to_corpus.get((t.article, c.via), c.via) if c.via else None))
    articles = list(dict.fromkeys(t.article for t in group))
    summary = f"Told in {len(articles)} articles. " + group[0].dispute.summary
    return Dispute(id="", kind=kind, summary=summary, claims=claims, event=None, articles=articles)
