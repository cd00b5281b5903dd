"""Claims: attributed propositions about events (issue 5).

A claim is what one source (a quote's speaker, or the narrator as None) says about one event or
topic: an ordering, a date, a status, a measured value, a duration, a denial of another claim, or a plain statement.
The finders live in `claims.find` (shared helpers, statements), `claims.time`, `claims.status`,
`claims.values`, `claims.durations`, `claims.causes` and `claims.denials`; this module runs them in order and numbers the claims.
"""
from __future__ import annotations

from .causes import cause_claims
from .denials import denial_claims
from .disagreements import disagreement_claims
from .durations import duration_claims
from .find import Context, statement_claims
from .knowledge import knowledge_claims
from .negations import negation_claims
from .nested import nested_claims, to_inner_accounts
from .text import overlap
from .rebuttals import rebuttal_claims
from .status import status_claims
from .time import date_claims, order_claims
from .values import value_claims
from ..model import Analysis, Claim
from ..text.parse import Parsed


def extract_claims(parsed: Parsed, analysis: Analysis) -> list[Claim]:
    ctx = Context(parsed, analysis)
    out: list[Claim] = ctx.found

    def add(claims) -> list[Claim]:
        added = []
        for c in claims:
            c.id = f"c{len(out) + 1}"
            out.append(c)
            added.append(c)
        return added

    statements = add(statement_claims(ctx))
    statements += add(nested_claims(ctx))  # a report told inside a quotation: the inner source's own
    add(order_claims(ctx))
    add(date_claims(ctx))
    add(status_claims(ctx))
    add(value_claims(ctx))
    add(duration_claims(ctx))
    add(cause_claims(ctx))
    add(knowledge_claims(ctx, statements))
    denials = add(denial_claims(ctx, statements))
    denials += add(negation_claims(ctx, statements, denials))
    denials += add(disagreement_claims(ctx, statements, {d.start for d in denials if d.start is not None}))
    denials += add(rebuttal_claims(ctx, statements, denials, out))
    to_inner_accounts(ctx, denials, statements)
    kept = [c for c in out if not _own_side(ctx, c)]
    voices = {a: ctx.sources.voice_of(a) for a in {c.actor for c in kept if c.actor}}
    for c in kept:
        c.voice_of = voices.get(c.actor)
    for d in kept:
        if d.kind == "denial" and isinstance(d.value, dict):
            _add_allies(ctx, d, statements)
    return kept


def _add_allies(ctx: Context, denial: Claim, statements: list[Claim]) -> None:
    """Who speaks for each side of a denial ("Qatar denied it" and its spokesman Majed al-Ansari's words;
    the White House's account and Karoline Leavitt's): their claims in the paragraph where the side is
    told, and elsewhere in the article those that speak of the disputed point (two words shared with
    the denial or the denied claim). They are shown with the side (value.target_allies, value.denier_allies)."""
    target = next((c for c in statements if c.id == denial.value.get("target")), None)
    point = set(denial.value.get("about") or []) | set((target.value or {}).get("about") or [] if target is not None else [])
    sides = (("target_allies", denial.value.get("target_actor"), target.start if target is not None else None),
             ("denier_allies", denial.actor, denial.start))
    for key, actor, offset in sides:
        if not actor:
            continue
        block = ctx.parsed.block_at(offset) if offset is not None else None
        allies = [c for c in statements if c.actor and c.actor != actor and c.start is not None
                  and ctx.sources.same_side(c.actor, actor)]
        near = [c for c in allies if block is not None and block.start <= c.start < block.end]
        on_point = [c for c in allies if c not in near and overlap(point, (c.value or {}).get("about") or []) >= 2]
        if near or on_point:
            denial.value[key] = [c.id for c in near + on_point[:2]]


def _own_side(ctx: Context, claim: Claim) -> bool:
    """A denial of an account by the denier's own side ("the spokesperson" and "the prime minister's
    spokesman", Johnson and his spokesman) is no denial: it is one side restating itself."""
    target = (claim.value or {}).get("target_actor") if claim.kind == "denial" else None
    return ctx.sources.same_side(claim.actor, target)
