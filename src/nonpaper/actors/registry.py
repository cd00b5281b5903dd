"""The actor registry as the other stages import it: `ActorRegistry` (roster.py), `find_actors`, which
fills one from an article's entities (find.py), `merge_actors` across articles (merge.py), and the
org-name tests `org_kind`/`same_org` (kinds.py). Nothing is decided here; this module only gathers
the names, and no module of the package imports it.
"""
from __future__ import annotations

from ..text.names import slug
from .find import find_actors
from .kinds import org_kind, same_org
from .merge import merge_actors
from .roster import ActorRegistry

__all__ = ["ActorRegistry", "find_actors", "merge_actors", "org_kind", "same_org", "slug"]
