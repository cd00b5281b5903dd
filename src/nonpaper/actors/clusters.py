"""A cluster: the entities that name one actor, gathered before the actor enters the registry (its
kind, names, aliases, titles, mentions and gender), and whether a mention is its clause's subject."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from spacy.tokens import Span


class ClusterMention(NamedTuple):
    """Where an entity of the cluster is (character offsets), its text, and whether it is the subject of
    its clause (salience). Sorted as a tuple: by position."""
    start: int
    end: int
    text: str
    subject: bool

    @classmethod
    def of(cls, ent: Span) -> ClusterMention:
        return cls(ent.start_char, ent.end_char, ent.text, is_subject(ent))


@dataclass
class Cluster:
    """The entities that name one actor, gathered before the actor enters the registry."""
    kind: str
    names: list[str] = field(default_factory=list)  # cleaned names, in order seen
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    mentions: list[ClusterMention] = field(default_factory=list)
    gender: str | None = None  # from an honorific ("Ms Brill")
    voted: str | None = None  # from the pronouns of the person's own clauses ("Anna Brill said she …")

    @property
    def last(self) -> int:
        return self.mentions[-1].start if self.mentions else -1

    def canonical(self) -> str:
        if self.kind == "person":
            return max(self.names, key=lambda n: (len(n.split()), len(n)))
        if self.kind == "government":
            return self.names[0]
        return max(self.names, key=lambda n: (len(n.split()), len(n)))


def is_subject(span: Span) -> bool:
    """Is the mention the subject of its clause? The owner of a subject is ("the union's statement
    said"), unless the subject is named beside it ("Ostrava's prime minister, Hana Kovar, was blunter":
    the subject is Kovar, named in apposition)."""
    subj_deps = ("nsubj", "nsubjpass")
    return any(t.dep_ in subj_deps + ("agent",)
               or (t.dep_ == "appos" and t.head.dep_ in subj_deps)
               or (t.dep_ == "poss" and t.head.dep_ in subj_deps and not any(c.dep_ == "appos" for c in t.head.children))
               for t in span)
