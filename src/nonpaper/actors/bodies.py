"""Bodies: which organization, outlet and government entities are one actor ("Brackwater" and
"Brackwater Restoration", "Moscow" acting as Russia), and which are no actor (a place things happen
in, part of a title, a dateline)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import wordset
from ..text.names import clean_org, ents_of, is_title_word, norm_key, strip_det
from .clusters import Cluster, ClusterMention, is_subject
from .countries import governments_of
from .kinds import body_words, city_of_outlet, described_as_outlet, is_dateline, org_kind, same_org, without_place
from .untagged import untagged_bodies

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


LOCATIVE_PREPS = {"in", "at", "to", "from", "near", "outside", "inside", "around", "across", "into",
                  "through", "toward", "towards", "via", "over", "throughout", "within", "between"}


def _locative(span: Span) -> bool:
    """"in Budapest", "from Moscow": the place where something happens."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS


def org_clusters(doc: Doc, clusters: list[Cluster], outlet: str | None, taken: set[int]) -> None:
    """Organizations, outlets and governments, clustered by name; the entities whose start offsets are in
    `taken` went to people."""
    govs = governments_of(doc)
    for ent in sorted(list(ents_of(doc)) + untagged_bodies(doc), key=lambda e: e.start):
        if ent.start_char in taken or not _may_name_body(ent, govs):
            continue
        text = without_place(clean_org(ent.text))
        if not text:
            continue
        if ent.label_ in ("GPE", "NORP") or text in govs or strip_det(text) in govs:
            _join_government(ent, text, govs, clusters)
        else:
            _join_body(ent, text, outlet, clusters)


def _may_name_body(ent: Span, govs: dict[str, str]) -> bool:
    """Can the entity name a body at all? Not a dateline, a lower-case word, or part of a title."""
    doc = ent.doc
    if is_dateline(ent):
        return False
    if not any(ch.isupper() for ch in ent.text) and ent.root.lemma_.lower() not in \
            wordset("org_nouns.txt") | wordset("government_nouns.txt") | wordset("outlet_nouns.txt"):
        return False  # ("a 40,000-crown fee": a lower-case word tagged as a body names none; "the transport ministry" does)
    if ent.root.dep_ == "pobj" and ent.root.head.lower_ == "of" and is_title_word(ent.root.head.head.text):
        return False  # "Secretary of State": part of a title
    if ent.root.dep_ == "compound" and is_title_word(ent.root.head.text) and ent.root.head.text[:1].isupper() \
            and ent.end < len(doc) and doc[ent.end].i == ent.root.head.i and ent.root.head.i + 1 < len(doc) \
            and doc[ent.root.head.i + 1].pos_ == "PROPN":
        return False  # "Finance Minister Oskar Brenner": "Finance" is part of his title, not a body
    if ent.label_ == "PERSON" and ent[-1].lower_.strip(".") in body_words():
        return True  # "The Sorran Herald" tagged as a person: an outlet
    if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_ in wordset("non_person_words.txt") and is_subject(ent):
        return True  # "The Event Horizon Telescope released the image": the project acts as a body
    if ent.label_ == "PERSON" and (ent.text in govs or strip_det(ent.text) in govs):
        return True  # "Kyiv" tagged as a person: a government
    return ent.label_ in ("ORG", "GPE", "NORP")


def _join_government(ent: Span, text: str, govs: dict[str, str], clusters: list[Cluster]) -> None:
    """A country's name, capital or people acting ("Moscow said", "the Russians") joins the cluster of
    that country's government; an unknown place counts only as a subject, never where things happen."""
    country = govs.get(text) or govs.get(strip_det(text))
    if ent.label_ == "NORP" and not country:
        return
    is_country_name = country is not None and norm_key(country) == norm_key(strip_det(text))
    if country is None:
        if not is_subject(ent):
            return
        country = strip_det(text)
    elif not is_country_name and _locative(ent):
        return  # "a meeting in Budapest": a place, not an actor
    cluster = next((c for c in clusters if c.kind == "government" and c.names[0] == country), None)
    if cluster is None:
        cluster = Cluster("government", names=[country], aliases=[country])
        clusters.append(cluster)
    cluster.aliases.append(strip_det(text))
    cluster.mentions.append(ClusterMention.of(ent))


def _join_body(ent: Span, text: str, outlet: str | None, clusters: list[Cluster]) -> None:
    """An organization or outlet joins the latest body cluster whose name it fits, or starts one."""
    kind = "outlet" if described_as_outlet(ent) else org_kind(text, outlet)
    cluster = next((c for c in reversed(clusters) if c.kind in ("organization", "outlet", "government")
                    and _fits(c, text)), None)
    if cluster is None:
        cluster = Cluster(kind)
        clusters.append(cluster)
    elif kind == "outlet" and cluster.kind != "outlet":
        cluster.kind = "outlet"
    cluster.names.append(strip_det(text))
    cluster.aliases.append(text)
    described = _with_body_noun(ent)
    if described:
        cluster.aliases.append(described)
    cluster.mentions.append(ClusterMention.of(ent))


def _with_body_noun(ent: Span) -> str | None:
    """"the Sorran Harmonicare hospital" with only "Sorran Harmonicare" tagged: the body's common noun
    after its name says what it is, and "the hospital" said later is this body (an alias that ends in
    the noun, which `roster.latest_of_kind` reads)."""
    doc = ent.doc
    if ent.end >= len(doc) or ent.root.dep_ != "compound" or ent.root.head.i != ent.end:
        return None
    noun = doc[ent.end]
    if noun.pos_ != "NOUN" or not noun.text.islower() or noun.lemma_.lower() not in \
            wordset("org_nouns.txt") | wordset("government_nouns.txt"):
        return None
    return f"{strip_det(ent.text)} {noun.text}"


def _fits(cluster: Cluster, text: str) -> bool:
    """Is the body named `text` the cluster's? A name that shares only a place word with it ("Ostrava
    Herald" and "Ostrava Aviation Union", both matching a bare "Ostrava") is another body, and a paper
    named after a city is not that city's government ("Kessia" acting, then "The Kessia Tribune")."""
    if not any(same_org(n, text) for n in cluster.names):
        return False
    if cluster.kind == "government" and any(city_of_outlet(n, text) for n in cluster.names):
        return False
    if cluster.kind == "government" and len(norm_key(strip_det(text)).split()) > \
            max(len(norm_key(strip_det(n)).split()) for n in cluster.names):
        return False  # "The Velmar Transport Workers' Union" is not Velmar's government
    longer = [n for n in cluster.names if len(norm_key(strip_det(n)).split()) > 1]
    return len(norm_key(strip_det(text)).split()) < 2 or not longer or any(same_org(n, text) for n in longer)


def absorb_person_orgs(clusters: list[Cluster]) -> list[Cluster]:
    """spaCy sometimes tags a company's one-word name as a PERSON: fold it into the organization."""
    orgs = [c for c in clusters if c.kind in ("organization", "outlet")]
    keep = []
    for c in clusters:
        if c.kind == "person" and all(len(n.split()) == 1 for n in c.names):
            org = next((o for o in orgs if any(norm_key(o_n).split()[0] == norm_key(c.names[0])
                                               and not city_of_outlet(c.names[0], o_n) for o_n in o.names)), None)
            if org:
                org.mentions.extend(c.mentions)
                org.aliases.extend(c.aliases)
                continue
        keep.append(c)
    return keep
