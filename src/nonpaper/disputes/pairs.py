"""Candidate pairs of articles from an inverted index, never from all pairs (issue 19).

Two articles can tell one story (`find._related_articles`) only when they share a named actor or
proper words; so the pairs worth testing are those sharing at least one key, found through an index
from each key to the articles holding it. The cost is the sum over keys of (articles holding it)²,
which the corpus's ubiquitous names do not inflate: `find._drop_common` has already removed them.
`stories` groups linked articles into connected components, the unit the cross-article checks run on
(a pair of claims from two components never passes the link test).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Hashable, Iterable, Iterator


def sharing(*keyed: dict[str, set], only: set[str] | None = None) -> Iterator[tuple[str, str]]:
    """Each pair of article ids (in the order they were first given, ids as in `keyed`) sharing a key
    of any of the `keyed` maps (article id -> its keys), once. `only`: just the pairs with an article
    of this set (an incremental step's new articles), at a cost linear in the others."""
    order: dict[str, int] = {}
    for table in keyed:
        for art in table:
            order.setdefault(art, len(order))
    seen: set[tuple[int, int]] = set()
    for n, table in enumerate(keyed):
        index: dict[Hashable, list[int]] = defaultdict(list)
        for art, keys in table.items():
            for key in keys:
                index[key].append(order[art])
        wanted = None if only is None else {order[a] for a in only if a in order}
        for holders in index.values():
            holders.sort()
            if wanted is not None:
                for x in [h for h in holders if h in wanted]:
                    seen.update((min(x, y), max(x, y)) for y in holders if y != x)
                continue
            for i, x in enumerate(holders):
                for y in holders[i + 1:]:
                    if (x, y) not in seen:
                        seen.add((x, y))
    ids = list(order)
    for x, y in sorted(seen):
        yield ids[x], ids[y]


def stories(pairs: Iterable[frozenset[str]], articles: Iterable[str]) -> list[list[str]]:
    """The connected components of the link graph over `articles`, each in the given order; the
    components in the order of their first article."""
    ids = list(articles)
    parent = {a: a for a in ids}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for pair in pairs:
        x, y = tuple(pair)
        if x in parent and y in parent:
            rx, ry = find(x), find(y)
            if rx != ry:
                parent[ry] = rx
    groups: dict[str, list[str]] = {}
    for a in ids:
        groups.setdefault(find(a), []).append(a)
    return list(groups.values())


def stars(pairs: Iterable[frozenset[str]], centres: set[str], articles: Iterable[str]) -> list[list[str]]:
    """For each centre (in the order of `articles`), it and the articles linked to it, in that order:
    the groups an incremental step checks, where only pairs with a new article (a centre) count."""
    ids = list(articles)
    place = {a: i for i, a in enumerate(ids)}
    linked: dict[str, set[str]] = {a: set() for a in centres}
    for pair in pairs:
        x, y = tuple(pair)
        if x in linked:
            linked[x].add(y)
        if y in linked:
            linked[y].add(x)
    return [sorted({a} | linked[a], key=lambda v: place.get(v, len(ids))) for a in ids if a in linked]
