"""Actors: the people and bodies an article names, and who a mention of them is.

The modules, lowest first (each imports only those before it):
  kinds, countries   what kind of actor a name is; which names stand for a country
  roster             ActorRegistry: one article's actors, their mentions, lookup by text and pronoun
  mentions, subjects the words a mention covers; the subject of a cue verb
  genders            a person's gender from the pronouns of their own clauses
  clusters, untagged, people, bodies   entities gathered into one cluster per actor
  roles, unnamed     "the minister" by title; anonymous sources
  speakers           a subject token resolved to an actor (resolve_token)
  find               find_actors: the registry of one article
  merge              merge_actors: the same actors across articles
"""
from ..text.names import slug
from .find import find_actors
from .kinds import org_kind, same_org
from .mentions import full_mention
from .merge import merge_actors
from .roster import ActorRegistry, resolve_text
from .speakers import Resolved, resolve_token
from .subjects import continues_clause, subject_of

# What the other stages use of this one; they import it from the package, never from its modules.
__all__ = ["ActorRegistry", "Resolved", "continues_clause", "find_actors", "full_mention", "merge_actors",
           "org_kind", "resolve_text", "resolve_token", "same_org", "slug", "subject_of"]
