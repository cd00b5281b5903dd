"""The actors of one article: `find_actors(parsed)` reads spaCy's PERSON, ORG and GPE entities and
builds one actor per person or body. "Russian Foreign Minister Sergey Lavrov" and "Lavrov" become one
actor "Sergey Lavrov" with the title "Russian Foreign Minister"; "the Financial Times" an outlet;
"Moscow" acting stands for the government of Russia. The quote stage resolves speakers through the
returned `ActorRegistry` and may add actors (role nouns, unnamed sources); `registry.actors()` gives
the final list.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..text.names import ents_of, gender_of_words, is_title_word, strip_det
from ..text.parse import Parsed
from .bodies import absorb_person_orgs, org_clusters
from .clusters import Cluster
from .countries import governments_of
from .genders import learn_genders
from .kinds import org_kind, same_org
from .mentions import appositive_pairs
from .people import person_clusters
from .roles import note_role_subjects
from .roster import ActorRegistry
from .untagged import untagged_surnames

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def find_actors(parsed: Parsed) -> ActorRegistry:
    """The registry of the article's actors: its entities clustered into people and bodies (plus the
    article's own outlet), each cluster one actor with its aliases, titles, mentions and gender; then
    appositives, role nouns as subjects and the pronouns of a person's own clauses add what they say."""
    doc = parsed.doc
    registry = ActorRegistry()
    registry.govs = governments_of(doc)
    voted = _register(registry, _clusters(doc, parsed.article.outlet))
    _appositives(doc, registry)
    note_role_subjects(registry, doc)
    for actor_id, g in voted.items():  # a gendered title ("a spokeswoman") outweighs "said he had stepped aside"
        registry.gender.setdefault(actor_id, g)
    learn_genders(registry, doc)
    return registry


def _clusters(doc: Doc, outlet: str | None) -> list[Cluster]:
    """People first (so that a person's name tagged as a body stays theirs), then bodies, then the
    surnames the tagger missed, and the article's outlet if its text never names it."""
    clusters: list[Cluster] = []
    taken: set[int] = set()
    person_clusters(doc, clusters, taken)
    org_clusters(doc, clusters, outlet, taken)
    clusters = absorb_person_orgs(clusters)
    untagged_surnames(doc, clusters, taken)
    _bodies_by_their_tags(doc, clusters)
    if outlet:
        name = strip_det(outlet)
        if not any(c.kind in ("outlet", "organization") and any(same_org(n, name) for n in c.names) for c in clusters):
            clusters.append(Cluster("outlet", names=[name], aliases=[outlet]))
    return clusters


def _register(registry: ActorRegistry, clusters: list[Cluster]) -> dict[str, str]:
    """Each cluster into the registry, in order of first mention. Returns the genders voted by
    pronouns, which are set only after role nouns have had their say."""
    voted: dict[str, str] = {}
    for cluster in sorted(clusters, key=lambda c: c.mentions[0].start if c.mentions else 10 ** 9):
        actor_id = registry.add(cluster.canonical(), cluster.kind)
        for alias in cluster.aliases:
            registry.add_alias(actor_id, alias)
        for title in cluster.titles:
            registry.add_title(actor_id, title)
        if cluster.gender:
            registry.gender[actor_id] = cluster.gender
        elif cluster.voted:
            voted[actor_id] = cluster.voted
        for start, end, text, subject in sorted(cluster.mentions):
            registry.note(actor_id, start, end, text, subject=subject)
    return voted


def _appositives(doc: Doc, registry: ActorRegistry) -> None:
    """"Della Fenwick, a spokeswoman for Brackwater" / "The council's spokesman, Piet Valcourt":
    the descriptive noun phrase becomes an alias, and its head noun a title."""
    for name_span, desc_span, head in appositive_pairs(doc):
        actor_id = registry.resolve(name_span.text, name_span.start_char)
        actor = registry.get(actor_id)
        if not actor or not _descriptive(desc_span):
            continue
        registry.add_alias(actor_id, desc_span.text)
        if actor.kind == "person" and head is not None and is_title_word(head.text):
            mods = [t for t in head.lefts if t.dep_ in ("compound", "amod") and not t.ent_type_]
            registry.add_title(actor_id, " ".join(t.text for t in mods + [head]))
        elif actor.kind == "person" and head is not None:
            g = gender_of_words([head.text])
            if g:
                registry.gender.setdefault(actor_id, g)


def _descriptive(span: Span) -> bool:
    """A description worth keeping as an alias: "a spokeswoman for Brackwater", not a party label in
    brackets ("(D-Mo.)", "R") or the piece of a split word ("co" of "co-editor")."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].text == "(" or span.end < len(doc) and doc[span.end].text == "-":
        return False
    return any(t.is_alpha and len(t.text) >= 3 and t.text.islower() for t in span)


def _bodies_by_their_tags(doc: Doc, clusters: list[Cluster]) -> None:
    """"Facebook's employees" tagged as a person once and as an organization as often: a one-word name
    with no mark of a person (no title, honorific or pronoun of its own) that the tagger calls a body at
    least as often as a person is a body (the kind by every mention's evidence)."""
    labels = {e.start_char: e.label_ for e in ents_of(doc)}
    for c in clusters:
        if c.kind != "person" or c.titles or c.gender or c.voted or any(len(n.split()) > 1 for n in c.names):
            continue
        tags = [labels.get(m.start) for m in c.mentions]
        if tags.count("ORG") >= max(1, tags.count("PERSON")):
            c.kind = org_kind(c.names[0], None)
