"""The cause check (issue 15): two sources giving one event different causes or agents.

"The health ministry blamed an Israeli air strike" against "Israel said a failed rocket launch by
Islamic Jihad was responsible": one effect (the same event, or words of it in common; or, when neither
says what was caused, the same article), two causes that share no word, or two different agents.
"""
from __future__ import annotations

from ..model import Claim
from .checks import Across, Found, NameOf, PairOk, _clusters, _named, shared

NEAR = 3000  # characters: the top of a news story, where it tells its one happening


def cause(claims: list[Claim], name_of: NameOf, pair_ok: PairOk, across: Across | None = None) -> list[Found]:
    items = _named(claims, "cause")
    pairs = [(a, b) for i, a in enumerate(items) for b in items[i + 1:]
             if a.actor != b.actor and pair_ok(a, b) and _one_effect(a, b, across) and _causes_differ(a, b)]
    out = []
    for group in _clusters(items, pairs):
        effect = next((c.value.get("effect_text") for c in group if c.value.get("effect_text")), None) or "it"
        sides = "; ".join(f"{name_of(c.actor)} blames {c.value.get('cause_text')}" for c in group)
        verbal = effect.split(" ")[0].endswith("ing")  # "blowing up the dam": a deed, not a happening
        ask = "Who was behind" if verbal else "What caused"
        out.append(Found("cause", f"{ask} {effect}: {sides}.", group, group[0].event))
    return out


def _one_effect(a: Claim, b: Claim, across: Across | None) -> bool:
    if a.event and b.event and a.article == b.article:
        return a.event == b.event
    ea, eb = a.value.get("effect") or [], b.value.get("effect") or []
    if ea and eb and shared(a, ea, b, eb, across) >= 1:
        return True
    # neither or one says what was caused, or each words it its own way ("the hospital" / "the
    # bombing") a few paragraphs apart: the one happening the article tells
    near = a.start is not None and b.start is not None and abs(a.start - b.start) <= NEAR
    if a.article != b.article:  # two articles that plainly tell one story tell one happening
        return across is not None and across.one_story(a, b) and not (ea and eb)
    return not (ea and eb) or near


def _causes_differ(a: Claim, b: Claim) -> bool:
    ga, gb = _who(a), _who(b)
    if ga and gb:  # an actor or a nationality ("Kessian forces"); "russian" and the actor "russia" agree
        return ga[:4] != gb[:4]
    ca, cb = set(a.value.get("cause") or []), set(b.value.get("cause") or [])
    return bool(ca and cb and not ca & cb)


def _who(c: Claim) -> str | None:
    return c.value.get("agent") or c.value.get("agent_group")
