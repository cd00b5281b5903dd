"""Disputes that say again what another dispute of the same pool says (issue 15), dropped by `checks.run_all`:
a rebuttal read from the report's framing between two sources another dispute already sets against each
other, and a status dispute that a denial between the same sources tells from the same sentences."""
from __future__ import annotations

from ..model import Claim
from .found import Found


def told_already(f: Found, found: list[Found]) -> bool:
    """A rebuttal read from the report's framing ("However, X said ...", claims/rebuttals.py) between two
    sources that another dispute already sets against each other says that disagreement once more."""
    framed = [c for c in f.claims if c.kind == "denial" and (c.value or {}).get("how") == "framed"]
    if f.kind != "denial" or not framed:
        return False
    parties = {framed[0].actor, framed[0].value.get("target_actor")}
    return any(g is not f and not _framed(g) and parties <= {c.actor for c in g.claims} for g in found)


def denial_says_it(f: Found, found: list[Found]) -> bool:
    """A status dispute that a denial between the same sources already tells, in the denial's own sentence
    ("the Kremlin denied that the summit had been called off" is both): the denial says who rejects whom.
    A status told in the words the denier offers after it ("I resigned") stays its own dispute."""
    if f.kind != "status":
        return False
    parties = {c.actor for c in f.claims}

    def inside(c: Claim, g: Found) -> bool:
        return c.start is not None and any(d.kind == "denial" and d.article == c.article and d.start is not None
                                           and d.end is not None and d.start <= c.start < d.end for d in g.claims)
    return any(g.kind == "denial" and parties <= {c.actor for c in g.claims} and any(inside(c, g) for c in f.claims)
               for g in found)


def _framed(f: Found) -> bool:
    return any(c.kind == "denial" and (c.value or {}).get("how") == "framed" for c in f.claims)
