"""The knowledge check (issue 15): who knew what, and since when. Two sources on one knower's knowledge of
one thing (claims/knowledge.py), one saying the knower did not know, or first knew at a date, and the
other that they knew, earlier: "he hadn't known anything about the manipulations" against "Winterkorn
knew about it as early as May 2014"."""
from __future__ import annotations

from ..claims.text import short
from ..model import Claim
from .checks import Across, NameOf, PairOk, _bare, _named
from .found import Found


def knowledge(claims: list[Claim], name_of: NameOf, pair_ok: PairOk, across: Across | None = None) -> list[Found]:
    """Who knew what, and since when (claims/knowledge.py): two sources on one knower's knowledge of one
    thing, one saying the knower did not know (or first knew at a date) and the other that they knew
    (earlier). Across articles only in two articles that plainly tell one story."""
    by_knower: dict[str, list[Claim]] = {}  # only the knowings of one knower are compared
    for c in _named(claims, "knowledge"):
        by_knower.setdefault(c.value.get("knower"), []).append(c)
    out = []
    for items in by_knower.values():
        out += _clashes(items, name_of, pair_ok, across)
    return out


def _clashes(items: list[Claim], name_of: NameOf, pair_ok: PairOk, across: Across | None) -> list[Found]:
    out = []
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if not _two_voices(a, b) or not pair_ok(a, b):
                continue
            if a.article != b.article and (across is None or not across.one_story(a, b)):
                continue
            first, second = (a, b) if _knowing_clash(a.value, b.value) else (b, a)
            if not _knowing_clash(first.value, second.value):
                continue
            who = name_of(a.value["knower"])
            summary = (f"When {who} knew: {name_of(first.actor)} says “{short(_bare(first.text), 140)}”; "
                       f"{name_of(second.actor)} says “{short(_bare(second.text), 140)}”.")
            out.append(Found("timing", summary, [first, second], second.event or first.event))
    return out


def _two_voices(a: Claim, b: Claim) -> bool:
    """Two sources, neither speaking for the other nor both for one body."""
    return a.actor != b.actor and a.voice_of != b.actor and b.voice_of != a.actor and \
        (a.voice_of is None or a.voice_of != b.voice_of)


def _knowing_clash(a: dict, b: dict) -> bool:
    """Does knowing `a` deny knowing `b`? Of one thing: "not aware of specific allegations" does not deny
    "aware of media reports"."""
    if not b.get("knows") or (a.get("of") and b.get("of") and not set(a["of"]) & set(b["of"])):
        return False
    da, db = a.get("date"), b.get("date")
    if not a.get("knows"):  # "did not know (until December)" against "knew (in September)"
        return da is None or db is None or db < da
    if not a.get("first") or db is None:
        return False
    # "only learned just prior to the admission" against "knew in May 2014"; a first date against an earlier one
    return da is None or db[:len(da)] < da[:len(db)]
