"""Actors across articles: `merge_actors(analyses)` merges the actors of several articles. The same
canonical name, or the same surname with compatible first names, is one corpus actor; ids stay slugs
so article ids still resolve."""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from ..lexicon import mapping, wordset
from ..model import Actor, Analysis
from ..text.names import first_compatible, honorific, initials, is_title_word, norm_key, strip_det
from .kinds import city_of_outlet, content_initials, full_body_name, same_org


def merge_actors(analyses: Iterable[Analysis], members: dict | None = None) -> list[Actor]:
    """Corpus-level actors: the same person or body across articles, merged.

    Same canonical name (case-insensitive) → one actor; a person whose surname matches another
    person's and whose first name is compatible (or missing) → the same actor. The corpus actor keeps
    the slug of its longest name, so article-level ids of the same name still resolve. `members`, when
    given, is filled with (article id, article-level actor id) -> the corpus actor it went into."""
    merged: list[Actor] = []
    index = _MergeIndex()
    votes: dict[int, Counter] = {}  # id(corpus actor) -> its article-level kinds, weighted by mentions
    for analysis in analyses:
        article_id = analysis.article.id
        for actor in analysis.actors:
            # (a bare surname that fits several people goes to the one most articles name: "Clinton" in a
            # corpus about Hillary Clinton, not her husband named first)
            fits = [merged[i] for i in index.candidates(actor) if _same_actor(merged[i], actor)]
            target = max(fits, key=lambda m: len(m.articles)) if fits else None
            if target is None:
                target = Actor(id=actor.id, name=actor.name, kind=actor.kind, aliases=list(actor.aliases),
                               titles=list(actor.titles), articles=[])
                merged.append(target)
                index.add(target, len(merged) - 1)
            else:
                if actor.kind == target.kind == "government" and actor.name == country_of(actor.name) != target.name:
                    target.aliases.append(target.name)  # "United States" names the country, "U.S" is an alias
                    target.name, target.id = actor.name, actor.id
                    index.add(target, merged.index(target))
                elif actor.kind == target.kind == "person" and (len(bare_name(actor.name)), -len(actor.name.split())) \
                        > (len(bare_name(target.name)), -len(target.name.split())):
                    # the fullest name without a title: "Chris Christie" over "Christie" and "Gov. Chris Christie"
                    target.aliases.append(target.name)
                    target.name, target.id = actor.name, actor.id
                    index.add(target, merged.index(target))
                for a in actor.aliases + [actor.name]:
                    if a.lower() not in {x.lower() for x in target.aliases}:
                        target.aliases.append(a)
                for t in actor.titles:
                    if t.lower() not in {x.lower() for x in target.titles}:
                        target.titles.append(t)
            if article_id not in target.articles:
                target.articles.append(article_id)
            votes.setdefault(id(target), Counter())[actor.kind] += max(1, len(actor.mentions))
            if members is not None:
                members[(article_id, actor.id)] = target
    for actor in merged:
        actor.kind = _voted_kind(votes.get(id(actor)), actor.kind)
        actor.aliases = [a for a in dict.fromkeys(actor.aliases) if is_alias(actor, a)]
    return _unique_ids(merged)


def _voted_kind(votes: Counter | None, kind: str) -> str:
    """The kind most of the actor's mentions across the corpus give it (a person on a tie with a body)."""
    if not votes:
        return kind
    best = max(votes.values())
    tied = [k for k, n in votes.items() if n == best]
    return "person" if "person" in tied else (kind if kind in tied else tied[0])


DETERMINERS = ("the", "a", "an", "his", "her", "its", "their", "our")


def is_alias(actor: Actor, alias: str) -> bool:
    """An alias names the actor, gives its title or describes it: it shares a word of the name (or is
    its initials), or is a phrase of a title or body noun ("the senator", "the space agency"). Not a
    pair ("Trump and Clinton"), a phrase of the story ("the words", "events"), nor another body named
    after the person ("Trump Foundation")."""
    if actor.kind == "government" and country_of(alias) and country_of(alias) == country_of(actor.name):
        return True  # "the U.S." for the United States
    words = alias.replace("’", "'").split()
    if not words or " and " in f" {alias.lower()} " and " and " not in f" {actor.name.lower()} ":
        return False
    name_words = {norm_key(w) for w in actor.name.split()}
    foreign = [w for w in words[1:] + words[:1] if w[:1].isupper() and norm_key(w) not in name_words and not honorific(w)
               and not is_title_word(w) and not (len(w.rstrip(".")) == 1) and w.lower() not in DETERMINERS]
    if actor.kind == "person" and any(norm_key(w) in name_words for w in words):
        if foreign or norm_key(words[-1]) not in name_words:
            return False  # "Trump Foundation", "Universe Alicia Machado", "the Christie supporter", "Trump avoids"
    if actor.kind != "person" and words[0].lower() in DETERMINERS and foreign:
        return False  # "The Trump campaign" is no alias of the Associated Press
    if any(norm_key(w) in name_words for w in words if len(w) > 2 or w.isupper()):
        return True
    if actor.kind != "person" and full_body_name(alias) == full_body_name(actor.name):
        return True  # "GOP" beside "Republican Party" (body_nicknames.json)
    if alias.replace(".", "").isupper() and alias.replace(".", "") in (initials(strip_det(actor.name)).upper(),
                                                                      content_initials(strip_det(actor.name))):
        return True  # "NASA" beside "National Aeronautics and Space Administration"
    nouns = wordset("org_nouns.txt") | wordset("outlet_nouns.txt") | wordset("government_nouns.txt")
    described = words[0].lower() in DETERMINERS and len(words) > 1
    return described and any(is_title_word(w) or w.lower().strip(".,") in nouns for w in words[1:])


def _unique_ids(actors: list[Actor]) -> list[Actor]:
    """A merged actor renamed to a longer name takes that name's slug, which another merged actor may
    already hold (two different "Smith"s): number the later ones, as ids must stay unique."""
    seen: set[str] = set()
    for actor in actors:
        base, n = actor.id, 2
        while actor.id in seen:
            actor.id, n = f"{base}-{n}", n + 1
        seen.add(actor.id)
    return actors


_ORG_KINDS = ("organization", "outlet", "government")


class _MergeIndex:
    """Merged actors by every key `_same_actor` can match on, so merging a corpus is linear rather
    than a scan of all merged actors per actor (500 articles took minutes)."""

    def __init__(self) -> None:
        self._keys: dict[tuple[str, str], list[int]] = {}

    @staticmethod
    def _keys_of(actor: Actor) -> list[tuple[str, str]]:
        keys = [("id", actor.id), ("name", norm_key(actor.name))]
        if actor.kind == "person" and actor.name.split():
            keys.append(("surname", norm_key(actor.name.split()[-1])))
        elif len(actor.name.split()) == 1:
            keys.append(("surname", norm_key(actor.name)))  # "Trump" typed as a body in one article
        if actor.kind in _ORG_KINDS and country_of(actor.name):
            keys.append(("country", country_of(actor.name)))
        if actor.kind in _ORG_KINDS:
            words = norm_key(strip_det(actor.name)).split()
            keys.append(("body", full_body_name(actor.name)))  # "GOP" and "Republican Party"
            if words:
                keys += [("first", words[0]), ("last", words[-1]),
                         ("initials", initials(" ".join(words)).upper()), ("initials", content_initials(" ".join(words)))]
                if len(words) == 1:
                    keys.append(("initials", words[0].upper()))
        return keys

    def add(self, actor: Actor, position: int) -> None:
        for key in self._keys_of(actor):
            bucket = self._keys.setdefault(key, [])
            if position not in bucket:
                bucket.append(position)

    def candidates(self, actor: Actor) -> list[int]:
        """Positions of merged actors that might be `actor`, in merge order (first match wins)."""
        found: set[int] = set()
        for key in self._keys_of(actor):
            found.update(self._keys.get(key, ()))
        return sorted(found)


def _same_actor(a: Actor, b: Actor) -> bool:
    if a.kind == "unnamed" or b.kind == "unnamed":
        return False  # "a senior official" in two stories is two people, whatever the words
    if a.id == b.id or norm_key(a.name) == norm_key(b.name):
        return True
    if {a.kind, b.kind} == {"person", "organization"}:
        person, body = (a, b) if a.kind == "person" else (b, a)
        # "Trump" taken for a body in one article is the person's surname when nothing marks a body
        return len(body.name.split()) == 1 and not body.name.isupper() \
            and norm_key(body.name) == norm_key(person.name.split()[-1])
    if a.kind == b.kind == "person":
        ta, tb = bare_name(a.name), bare_name(b.name)
        if not ta or not tb:
            return False
        if norm_key(ta[-1]) != norm_key(tb[-1]):
            return False
        if len(ta) == 1 or len(tb) == 1:
            return _titles_compatible(a, b)
        return first_compatible(ta[0], tb[0])
    if a.kind == b.kind == "government" and country_of(a.name) and country_of(a.name) == country_of(b.name):
        return True  # "U.S" and "United States"
    if a.kind in ("organization", "outlet", "government") and b.kind in ("organization", "outlet", "government"):
        if not same_org(a.name, b.name) or city_of_outlet(a.name, b.name) or city_of_outlet(b.name, a.name):
            return False  # ("Lindau" the city's government is not "Lindau Daily")
        if "government" in (a.kind, b.kind):  # "Velmar" is not "Velmar Transport Workers' Union"
            return len(norm_key(strip_det(a.name)).split()) == len(norm_key(strip_det(b.name)).split()) \
                or a.name.isupper() or b.name.isupper()  # ("EU" ~ "European Union")
        return True
    return False


def bare_name(name: str) -> list[str]:
    """A person's name without the titles and honorifics before it: "Gov. Chris Christie" → Chris Christie."""
    words = name.split()
    while len(words) > 1 and (honorific(words[0]) or is_title_word(words[0]) or words[0].islower()
                              or (words[0].endswith(".") and len(words[0]) <= 5 and len(words) > 2)):  # "Gov.", "Lt."
        words = words[1:]
    return words


def country_of(name: str) -> str | None:
    """The country a name is ("U.S", "U.S.", "US" and "United States" are one), by governments.json."""
    names = mapping("governments.json")["names"]
    bare = strip_det(name).strip()
    return names.get(bare) or names.get(bare.replace(".", "")) or names.get(bare + ".")


def _titles_compatible(a: Actor, b: Actor) -> bool:
    """A bare surname in one article and a full name in another: the same person unless their
    titles say otherwise (no title on one side is compatible)."""
    if not a.titles or not b.titles:
        return True
    heads_a = {t.lower().split()[-1] for t in a.titles}
    heads_b = {t.lower().split()[-1] for t in b.titles}
    return bool(heads_a & heads_b)
