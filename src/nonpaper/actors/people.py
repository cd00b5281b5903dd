"""People: which person entities are one person. Clustered by surname, with a first name that fits
("Anna Brill" and "Ms Brill", not "Thomas Brill" when Anna is known to be a woman), a lone first name
or surname joining the full name, and a title or honorific kept as an alias."""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..lexicon import wordset
from ..text.names import (PersonParts, clean_org, ents_of, first_compatible, honorific, honorific_gender,
                          is_title_word, norm_key, person_parts, strip_det, title_before)
from .clusters import Cluster, ClusterMention
from .countries import governments_of
from .genders import name_genders
from .kinds import body_words, is_dateline, looks_like_person
from .untagged import untagged_people, with_first_names

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


class Choice(NamedTuple):
    """The cluster a person's name joins (None: a new one), and whether that is a guess (`unsure`), when
    the name's honorific must not lend the cluster its gender."""
    cluster: Cluster | None
    unsure: bool


class Fit(NamedTuple):
    """The clusters a surname with an honorific can be, and whether choosing among them is a guess."""
    clusters: list[Cluster]
    unsure: bool


def person_clusters(doc: Doc, clusters: list[Cluster], taken: set[int]) -> None:
    """People, clustered by surname; `taken` collects the start offsets of the entities used."""
    by_surname: dict[str, list[Cluster]] = {}
    tagged = {t.i for e in ents_of(doc) for t in e}
    ents = sorted(list(ents_of(doc)) + untagged_people(doc), key=lambda e: e.start)
    govs = governments_of(doc)
    surnames = {norm_key(e[-1].text) for e in ents if e.label_ in ("PERSON", "ORG", "GPE", "LOC")
                and e.text not in govs and looks_like_person(e)}
    genders = name_genders(doc)
    for ent in ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "LOC", "NORP") or is_dateline(ent):
            continue
        if ent.text in govs or strip_det(ent.text) in govs:
            continue  # "Kyiv called the seizure …" tagged as a person: a seat of government
        longer = with_first_names(ent, tagged, govs.keys())
        if longer is not ent:
            taken.update({ent.start_char, longer.start_char})  # the entity spaCy found is used, under its longer name
            ent = longer
        if not looks_like_person(ent) and not _family_name(ent, surnames) and not _named_person(ent, surnames, by_surname, govs):
            if ent.label_ in ("ORG", "GPE", "NORP") and len(ent) == 1 and ent.text not in govs:
                _join_lone_surname(ent, clusters, by_surname, taken)
            continue
        parts = person_parts(ent)
        if parts is None:
            continue
        taken.add(ent.start_char)
        _add_person(ent, parts, clusters, by_surname, genders)


def _join_lone_surname(ent: Span, clusters: list[Cluster], by_surname: dict[str, list[Cluster]],
                       taken: set[int]) -> None:
    """"Marsh said", "Sokol, 58, embraced his wife": a lone surname spaCy tagged as a body, a place or a
    nationality joins the person with that surname."""
    doc = ent.doc
    key = norm_key(clean_org(ent.text))
    cands = by_surname.get(key) or (_by_first_name(clusters, key) if ent.label_ != "NORP" else [])
    g = honorific_gender(doc[ent.start - 1].text) if ent.start > 0 and honorific(doc[ent.start - 1].text) else None
    cands, unsure = _fit_honorific(cands, g)  # "Mr Brill" (only "Brill" tagged) after "Ms Brill"
    if cands:
        cand = max(cands, key=lambda c: c.last)
        if not unsure:
            cand.gender = cand.gender or g
        cand.names.append(clean_org(ent.text))
        cand.mentions.append(ClusterMention.of(ent))
        taken.add(ent.start_char)


def _add_person(ent: Span, parts: PersonParts, clusters: list[Cluster], by_surname: dict[str, list[Cluster]],
                genders: dict[str, str]) -> None:
    """A person entity joins the cluster of the same person (`_cluster_for`), or starts one; its
    honorific and title become aliases."""
    doc = ent.doc
    name, honor, lead_title = parts
    name = _shared_surname(ent, name)
    if honor is None and ent.start > 0 and honorific(doc[ent.start - 1].text):
        honor = doc[ent.start - 1].text  # "Mr. Trump" with only "Trump" tagged
    tokens = name.split()
    surname = norm_key(tokens[-1])
    title = title_before(ent) or lead_title
    cluster, unsure = _cluster_for(tokens, honor, by_surname.get(surname, []), clusters)
    if cluster is None:
        cluster = Cluster("person")
        clusters.append(cluster)
        by_surname.setdefault(surname, []).append(cluster)
    cluster.names.append(name)
    cluster.aliases.append(name)
    cluster.voted = cluster.voted or genders.get(norm_key(name))
    if honor and not unsure:
        cluster.aliases.append(f"{honor} {tokens[-1]}")
        cluster.gender = cluster.gender or honorific_gender(honor)
    if title:
        cluster.titles.append(title)
        cluster.aliases.append(f"{title} {name}")
    cluster.mentions.append(ClusterMention.of(ent))


def _cluster_for(tokens: list[str], honor: str | None, cands: list[Cluster], clusters: list[Cluster]) -> Choice:
    """The cluster a name joins among those with its surname (`cands`): a surname alone joins the
    latest that its honorific fits, or a full name with that first name ("Hillary"); a full name the
    latest whose first names are compatible. None: a new person."""
    cluster = None
    unsure = False
    if len(tokens) == 1 or all(t.lower() in wordset("name_particles.txt") for t in tokens[:-1]):
        # ("Van der Berg said" after "Pieter van der Berg": the surname alone)
        cands, unsure = _fit_honorific(cands, honorific_gender(honor) if honor else None)
        cluster = max(cands, key=lambda c: c.last, default=None)
        if cluster is None:  # a first name alone ("Hillary") joins a full name with that first name
            first = norm_key(tokens[0])
            cluster = next((c for c in reversed(clusters) if c.kind == "person" and first in _first_names(c)), None)
    else:
        for c in reversed(cands):
            fulls = [n for n in c.names if len(n.split()) > 1]
            if not fulls or any(first_compatible(f.split()[0], tokens[0]) for f in fulls):
                cluster = c
                break
    return Choice(cluster, unsure)


def _named_person(ent: Span, surnames: set[str], by_surname: dict[str, list[Cluster]], govs: dict[str, str]) -> bool:
    """"Mizuhara was fired …" tagged as a place, where "Mizuhara was adamant that he …" is tagged as a
    person further on: one capitalised word no gazetteer knows, which a mention elsewhere in the article
    marks as a person's name, is that person from its first mention on (the kind by every mention)."""
    if len(ent) != 1 or ent.label_ not in ("GPE", "LOC", "ORG") or ent.text in govs:
        return False
    key = norm_key(clean_org(ent.text))
    return key in surnames and key not in by_surname and ent[0].pos_ == "PROPN" and ent.text.isalpha() \
        and ent.text.lower() not in body_words()


def _family_name(ent: Span, surnames: set[str]) -> bool:
    """"Petra Ulvang" tagged as a body while "Karl Ulvang" is a person: a two- or three-word name of
    capitalised words ending in a person's surname is a person of that family."""
    words = [t for t in ent if not t.is_punct]
    if not 2 <= len(words) <= 3 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words):
        return False
    low = {t.lower_.strip(".’'") for t in words}
    if low & (wordset("non_person_words.txt") | body_words()):
        return False
    return norm_key(words[-1].text) in surnames


def _shared_surname(ent: Span, name: str) -> str:
    """"Ove and Greta Lind": a lone first name joined by "and" to a full name shares its surname."""
    doc = ent.doc
    if len(name.split()) != 1 or ent.end + 2 >= len(doc) or doc[ent.end].lower_ != "and":
        return name
    other = next((e for e in ents_of(doc) if e.start == ent.end + 1 and e.label_ == "PERSON"), None)
    if other is None or len(other) != 2 or not all(t.pos_ == "PROPN" for t in other):
        return name
    surnames = {e[-1].text for e in ents_of(doc) if e.label_ == "PERSON" and len(e) > 1}
    if name in surnames or (ent.start > 0 and (honorific(doc[ent.start - 1].text) or is_title_word(doc[ent.start - 1].text))):
        return name  # "Trump and Hillary Clinton": a surname of its own, not "Trump Clinton"
    return f"{name} {other[-1].text}"


def _fit_honorific(cands: list[Cluster], g: str | None) -> Fit:
    """The people a surname with an honorific can be: "Mr Brill" after "Ms Brill" is the brother, not
    the sister named last. Also says whether the choice is a guess (two or more of unknown gender, as
    "Mr. Clinton" among Hillary and Bill Clinton), when the honorific must not lend its gender."""
    if not g or not cands:
        return Fit(cands, False)
    same = [c for c in cands if (c.gender or c.voted) == g]
    if same:
        return Fit(same, False)
    open_ = [c for c in cands if (c.gender or c.voted) is None]
    return Fit(open_ or cands, len(open_) > 1)


def _by_first_name(clusters: list[Cluster], key: str) -> list[Cluster]:
    """"Rena is one of the best coaches" (the name tagged ORG): the one person so far with that first name."""
    found = [c for c in clusters if c.kind == "person" and key in _first_names(c)]
    return found if len(found) == 1 else []


def _first_names(cluster: Cluster) -> set[str]:
    """The first names (`norm_key`) of the cluster's full names, kept on it and grown as names are added
    (they are only appended): each name read once, not at every lookup over every cluster (issue 19)."""
    done, keys = getattr(cluster, "_first_names", (0, set()))
    for name in cluster.names[done:]:
        words = name.split()
        if len(words) > 1:
            keys.add(norm_key(words[0]))
    cluster._first_names = (len(cluster.names), keys)  # type: ignore[attr-defined]
    return keys
