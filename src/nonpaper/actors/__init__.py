"""Actors: the people and bodies an article names, and who a mention of them is.

`registry` finds the actors of one article and merges them across articles; `speakers` resolves a
mention (a name, a title such as "the foreign minister", a pronoun, an outlet, a metonym such as
"Moscow") to one of them.
"""
from .registry import ActorRegistry, find_actors, merge_actors, slug

__all__ = ["ActorRegistry", "find_actors", "merge_actors", "slug"]
