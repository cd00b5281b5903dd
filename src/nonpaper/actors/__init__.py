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
  registry           the names other stages import, gathered
"""
from ..text.names import slug
from .find import find_actors
from .merge import merge_actors
from .roster import ActorRegistry

__all__ = ["ActorRegistry", "find_actors", "merge_actors", "slug"]
