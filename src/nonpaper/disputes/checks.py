"""The four dispute checks over a pool of claims (issue 5), shared by one article and a corpus.

Every check pairs claims from two different named sources (the narrator is never a party, and a
source never disputes itself), about the same event or topic, that cannot both hold:
- timing: opposite orderings of the same two events (a negated ordering counts: "nobody saw a crack
  before the inspectors did" against "cracks were logged a week before the inspection");
- status: incompatible statuses of one topic ("called off" / "postponed"; "temporary" / "indefinite"),
  or one status asserted and rejected ("a postponement rather than a cancellation");
- fact: different values, in the same unit, for the same measured thing; and durations of one state
  that cannot meet ("held for two days" / "released within hours");
- denial: a denial linked to the claim it rejects.
`pair_ok` narrows the pairs (across articles: the two claims come from different articles of one story);
`across` (a corpus) weighs each word two claims of different articles share by how specific it is to
their story, where one article counts shared words.
"""
from __future__ import annotations

import re
from typing import Callable, Protocol

from .. import lexicon as resources
from ..claims.text import overlap, short, stems
from ..events.status import incompatible, label
from ..model import Claim
from .found import Found
from .repeats import denial_says_it, told_already

PairOk = Callable[[Claim, Claim], bool]
NameOf = Callable[[str | None], str]


class Across(Protocol):
    """What a corpus knows about claims of two different articles."""

    def weigh(self, a: Claim, b: Claim, word: str) -> float:
        """How much one shared word (a stem) says that the two claims speak of one thing (0 to 1)."""

    def one_story(self, a: Claim, b: Claim) -> bool:
        """Do the two claims' articles plainly tell one story?"""

    def same_news(self, a: Claim, b: Claim) -> bool:
        """Were the two claims' articles published days, not weeks, apart (or is a date unknown)?"""


def shared(c1: Claim, words1, c2: Claim, words2, across: Across | None = None) -> float:
    """The words two claims share, counted (one article), or weighed (two articles: a word the whole
    corpus uses says less than one only their story uses)."""
    common = stems(words1) & stems(words2)
    if across is None or c1.article == c2.article:
        return len(common)
    return sum(across.weigh(c1, c2, w) for w in common)


def _named(claims: list[Claim], kind: str) -> list[Claim]:
    return [c for c in claims if c.kind == kind and c.actor and isinstance(c.value, dict)]


def _strip_types(lemmas) -> set[str]:
    return {w for w in lemmas if ":" not in w}


def same_thing(c1: Claim, e1, about1, c2: Claim, e2, about2, minimum: int = 1) -> bool:
    """Do two claims speak of the same event? Same article: the event stage's id decides when both
    have one (different ids still match on two shared content words); otherwise shared content words."""
    if c1.article == c2.article and e1 and e2:
        return e1 == e2 or overlap(_strip_types(about1), _strip_types(about2)) >= 2
    return overlap(about1, about2) >= minimum


def _clusters(items: list[Claim], pairs: list[tuple[Claim, Claim]]) -> list[list[Claim]]:
    """Connected groups of claims joined by conflicting pairs, in text order."""
    parent = {id(c): id(c) for c in items}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(id(a))] = find(id(b))
    in_pair = {id(c) for p in pairs for c in p}
    groups: dict[int, list[Claim]] = {}
    for c in items:
        if id(c) in in_pair:
            groups.setdefault(find(id(c)), []).append(c)
    return list(groups.values())


def _names(claims: list[Claim], name_of: NameOf) -> str:
    names = []
    for c in claims:
        n = name_of(c.actor)
        if n not in names:
            names.append(n)
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]


def _says(claims: list[Claim], name_of: NameOf) -> str:
    names = {c.actor for c in claims}
    return _names(claims, name_of) + (" say" if len(names) > 1 else " says")


# ---------------------------------------------------------------- timing

def _stance(c: Claim) -> int:
    """+1: A before B; -1: A after B (a negated ordering leans the other way)."""
    before = c.value.get("relation") == "BEFORE"
    return 1 if before == bool(c.value.get("polarity", c.polarity)) else -1


def _overlap_allowed(a: Claim, b: Claim) -> bool:
    """Opposite orderings against two ends of one event can both hold: "after the talks began" and
    "before they ended" (during them). Before its start or the event itself, against after its end or
    the event itself, cannot ("before the round began" / "after the round had ended")."""
    before, after = (a, b) if _stance(a) > 0 else (b, a)
    return before.value.get("target_phase") == "end" and after.value.get("target_phase") == "start"


def _side_score(c1: Claim, e1, about1, c2: Claim, e2, about2, across: Across | None = None) -> float:
    """How surely two claims' events are one: the event stage's id (same article), else shared words."""
    if c1.article == c2.article and e1 and e2 and e1 == e2:
        return 3
    t1, t2 = _types(about1), _types(about2)
    if t1 and t2 and not t1 & t2:  # an agreement to meet and the meeting's cancellation: two events
        return 0
    return shared(c1, about1, c2, about2, across)


def _types(about) -> set[str]:
    """The event types among a claim's words ("type:call"), which the event stage gives; not the types
    of an event's start or end ("the ballot opened" / "had closed" are ends of one ballot)."""
    return {w for w in about or () if w.startswith("type:") and w not in PHASE_TYPES}


PHASE_TYPES = {"type:open", "type:closure", "type:start", "type:end", "type:begin", "type:finish"}


def _order_match(c1: Claim, c2: Claim, across: Across | None = None) -> int:
    """+1 when both order the same A and B, -1 when one orders B and A, 0 when unrelated. Each side
    must share a word (across articles: words that weigh one), and both sides together at least three
    (or one event id)."""
    v1, v2 = c1.value, c2.value
    a1, b1 = (c1.event, v1.get("about", [])), (v1.get("target"), v1.get("target_about", []))
    a2, b2 = (c2.event, v2.get("about", [])), (v2.get("target"), v2.get("target_about", []))
    for sign, (x, y) in ((1, (a2, b2)), (-1, (b2, a2))):
        s1, s2 = _side_score(c1, *a1, c2, *x, across), _side_score(c1, *b1, c2, *y, across)
        if s1 >= 1 and s2 >= 1 and s1 + s2 >= 3:
            return sign
    return 0


def timing(claims: list[Claim], name_of: NameOf, pair_ok: PairOk, across: Across | None = None) -> list[Found]:
    """Opposite orderings of one pair of events; and an ordering against another source's date for
    the first event when the second one's date is known ("sent before the October 16 call" against
    "delivered on October 20")."""
    orders = _named(claims, "order")
    dated = [c for c in _named(claims, "date") if len(c.value.get("date", "")) == 10]
    pairs = []
    for i, a in enumerate(orders):
        for b in orders[i + 1:]:
            if a.actor == b.actor or not pair_ok(a, b):
                continue
            m = _order_match(a, b, across)
            if m and _stance(a) * m != _stance(b) and not (m > 0 and _overlap_allowed(a, b)):
                pairs.append((a, b))
        for d in dated:
            if d.actor != a.actor and pair_ok(a, d) and _date_breaks_order(a, d, across):
                pairs.append((a, d))
    out = []
    for group in _clusters(orders + dated, pairs):
        side = _two_sides(group, pairs)
        ref = next(c for c in group if c.kind == "order")
        if side[id(ref)] != 0:
            side = {k: 1 - v for k, v in side.items()}
        first = [c for c in group if side[id(c)] == 0]
        second = [c for c in group if side[id(c)] == 1]
        what = ref.value.get("a_text") or _about_text(ref.value.get("about"))
        target = ref.value.get("b_text") or _about_text(ref.value.get("target_about"))
        word = "before" if _stance(ref) > 0 else "after"
        other = "after" if word == "before" else "before"
        orders_2 = [c for c in second if c.kind == "order"]
        dates_2 = [f"{name_of(c.actor)} dates it {c.value.get('timex')} ({c.value['date']})"
                   for c in second if c.kind == "date"]
        against = ([f"{_says(orders_2, name_of)} {other}"] if orders_2 else []) + dates_2
        summary = (f"Whether “{what}” came before or after “{target}”: {_says(first, name_of)} {word}; "
                   + "; ".join(against) + ".")
        out.append(Found("timing", summary, first + second, ref.event))
    return out


def _date_breaks_order(order: Claim, dated: Claim, across: Across | None = None) -> bool:
    """Does a source's date for event A contradict another's 'A before/after B' given B's date?"""
    b_date = order.value.get("target_date")
    if not b_date or len(b_date) != 10:
        return False
    if order.article != dated.article and across is not None and not across.same_news(order, dated):
        return False
    v = order.value
    if v.get("a_head") and v["a_head"] != dated.value.get("head"):
        return False  # "sent before the call" against "delivered on October 20": one verb class
    need = 2 if order.article == dated.article else 3  # across articles, more words must say it is one happening
    if _side_score(order, order.event, v.get("about", []), dated, dated.event, dated.value.get("about", []), across) < need:
        return False
    a_date = dated.value["date"]
    return a_date > b_date if _stance(order) > 0 else a_date < b_date


def _two_sides(group: list[Claim], pairs: list[tuple[Claim, Claim]]) -> dict[int, int]:
    """Sides 0 and 1 by walking the conflicts from the group's first claim."""
    side = {id(group[0]): 0}
    changed = True
    while changed:
        changed = False
        for a, b in pairs:
            if id(a) in side and id(b) not in side:
                side[id(b)] = 1 - side[id(a)]
                changed = True
            elif id(b) in side and id(a) not in side:
                side[id(a)] = 1 - side[id(b)]
                changed = True
    return side


def _dates_clash(a: str, b: str) -> bool:
    """Two TIMEX3 dates that cannot name one day: they differ at the precision both have."""
    n = min(len(a), len(b))
    return a[:n] != b[:n]


def dates(claims: list[Claim], name_of: NameOf, pair_ok: PairOk, across: Across | None = None) -> list[Found]:
    """Timing by dates: one happening (same head word, no disjoint names) dated apart by two sources."""
    items = _named(claims, "date")
    pairs = []
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            va, vb = a.value, b.value
            if a.actor == b.actor or not pair_ok(a, b) or va["head"] != vb["head"]:
                continue
            if a.article == b.article and a.event and b.event and a.event != b.event:
                continue
            if a.article != b.article and across is not None and not across.same_news(a, b):
                continue  # "Monday" in two articles weeks apart: two Mondays, two happenings
            na, nb = set(va.get("names", [])), set(vb.get("names", []))
            if na and nb and not na & nb:
                continue
            ga, gb = set(va.get("agents", [])), set(vb.get("agents", []))
            if ga and gb and not ga & gb:
                continue  # Rothman tweeted on Friday, Hasen on Monday: two tweets
            if a.article != b.article and shared(a, _strip_types(va.get("about", [])), b,
                                                 _strip_types(vb.get("about", [])), across) < 2:
                continue  # across articles one head word ('released') is not yet one happening
            if _dates_clash(va["date"], vb["date"]):
                pairs.append((a, b))
    out = []
    for group in _clusters(items, pairs):
        parts = [f"{name_of(c.actor)} says {c.value.get('timex')} ({c.value['date']})" for c in group]
        what = group[0].value.get("what") or group[0].value["head"].strip("=")
        summary = f"When “{what}”: " + "; ".join(parts) + "."
        out.append(Found("timing", summary, group, group[0].event))
    return out


def _about_text(about) -> str:
    words = [w for w in (about or []) if ":" not in w][:3]
    return " ".join(words) or "the event"


# ---------------------------------------------------------------- status

TOPIC_WEIGHT = 0.5  # across articles, a topic used by more than about √n articles of other stories is common


def _same_topic(a: Claim, b: Claim, across: Across | None = None) -> bool:
    """One event (same id), or one topic word ('talks' = 'meeting') unless the two are dated apart;
    across articles, a topic word that other stories use commonly ("the vote" in a campaign corpus)
    names one event only in two articles that plainly tell one story."""
    ta, tb = a.value.get("topic"), b.value.get("topic")
    if a.article == b.article and a.event and b.event and a.event == b.event:
        return True
    da, db = a.value.get("date"), b.value.get("date")
    if da and db and da[:10] != db[:10]:
        return False
    if ta and tb and ta != tb and _process_of(a, b):
        return across is None or a.article == b.article or across.one_story(a, b)
    if not ta or ta != tb:
        return False
    return across is None or a.article == b.article or across.one_story(a, b) or \
        shared(a, [ta], b, [tb], across) >= TOPIC_WEIGHT


def _process_of(a: Claim, b: Claim) -> bool:
    """One claim ends or pauses a deal and the other the talks for it ("the agreement is effectively
    dead" / "the talks were paused, not cancelled"): see claim_topics.json, process_of."""
    spec = resources.mapping("claim_topics.json").get("process_of") or {}
    process, statuses = set(spec.get("process", ())), set(spec.get("statuses", ()))
    if a.value.get("status") not in statuses or b.value.get("status") not in statuses:
        return False

    def outcome(c: Claim) -> bool:
        return c.value.get("topic") == spec.get("outcome")

    def talks(c: Claim) -> bool:
        return bool(process & set(c.value.get("about") or ())) and not outcome(c)
    return (outcome(a) and talks(b)) or (outcome(b) and talks(a))


def _topic_words(group: list[Claim]) -> tuple[str, str]:
    """What the summary says the statuses are of, as the sources name it ("the talks were", "the accord
    and the talks were"), else the canonical topic ("the meeting was")."""
    words, plural = [], False
    for c in group:
        w = c.value.get("topic_text") or c.value.get("topic")
        if w and w not in words:
            words.append(w)
            plural = plural or bool(c.value.get("topic_plural"))
    if not words:
        return "it", "was"
    return " and the ".join(words[:2]), "were" if plural or len(words) > 1 else "was"


def status(claims: list[Claim], name_of: NameOf, pair_ok: PairOk, across: Across | None = None) -> list[Found]:
    items = _named(claims, "status")
    clash = incompatible()
    pairs = []
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if a.actor == b.actor or not pair_ok(a, b) or not _same_topic(a, b, across):
                continue
            sa, sb = a.value["status"], b.value["status"]
            if (a.polarity and b.polarity and frozenset((sa, sb)) in clash) or \
                    (sa == sb and a.polarity != b.polarity):
                pairs.append((a, b))
    out = []
    for group in _clusters(items, pairs):
        positive = [c for c in group if c.polarity]
        sides: dict[str, list[Claim]] = {}
        for c in positive:
            sides.setdefault(c.value["status"], []).append(c)
        for c in group:  # a rejected status puts its source on the other side
            if not c.polarity and not any(c in s for s in sides.values()):
                other = next((s for s in sides if s != c.value["status"]), None)
                sides.setdefault(other or "not " + c.value["status"], []).append(c)
        labels = list(sides)
        if len(labels) < 2:
            labels = labels + ["not " + labels[0]] if labels else []
        topic, verb = _topic_words(group)
        parts = [f"{_says(sides[s], name_of)} {label(s)}" for s in labels if s in sides]
        the = "" if any(c.value.get("topic_named") for c in group) else "the "  # a person: "Whether John Bolton was"
        summary = (f"Whether {the}{topic} {verb} {label(labels[0])} or {label(labels[1])}: " + "; ".join(parts) + ".")
        ordered = [c for s in labels if s in sides for c in sides[s]]
        out.append(Found("status", summary, ordered, group[0].event))
    return out


# ---------------------------------------------------------------- fact

def _values_differ(x: float, y: float) -> bool:
    return abs(x - y) > 0.1 * max(abs(x), abs(y))


def measure_label(measure: str) -> str:
    """How a summary names a measure ("the death toll"), from measures.json."""
    return resources.mapping("measures.json")["measures"].get(measure, {}).get("label", measure)


def _figures_clash(a: Claim, b: Claim) -> bool:
    """Two figures that cannot both hold: plain figures apart by more than a tenth; a bound against a
    figure or bound beyond it ("at least 500" / "19"); never two bounds the same way ("at least 500" /
    "at least six")."""
    x, y = a.value["value"], b.value["value"]
    ba, bb = a.value.get("bound"), b.value.get("bound")
    if not ba and not bb:
        return _values_differ(x, y)
    if ba == bb:
        return False
    low, high = (x, y) if ba == "min" or bb == "max" else (y, x)  # the lower bound and what must meet it
    return low > high and _values_differ(low, high)


def _one_measure(a: Claim, b: Claim, across: Across | None = None) -> bool:
    """Do two figures measure one thing (same unit, two shared words, no clashing kinds or periods)? A
    named measure (claims/values.py, measures.json) stands for the unit and the words: two death tolls
    are one measure however worded ('39 people have died' / 'the number of those killed was 19'); two
    counts of people still need two words in common, as plain figures do, whatever noun counts them."""
    same = {a.value.get("counts_as"), b.value.get("counts_as")} & {a.start, b.start} - {None}
    if a.article == b.article and same:
        return True  # the one counts what the other did ("… one million people. Police say 240,000.")
    measure = a.value.get("measure")
    words = shared(a, a.value.get("about", []), b, b.value.get("about", []), across)
    if measure and measure == b.value.get("measure"):
        if measure == "people" and words < 2:
            return False
    elif a.value["unit"] != b.value["unit"] or words < 2:
        return False  # one shared word ("increase") is not yet one measured thing
    qa, qb = set(a.value.get("qualifiers", [])), set(b.value.get("qualifiers", []))
    if qa and qb and not qa & qb:  # "the library budget" and "the parks budget" are two things
        return False
    pa, pb = set(a.value.get("period", [])), set(b.value.get("period", []))
    if pa and pb and not pa & pb:  # figures for different periods
        return False
    # a share of one population is no share of another ("81 percent of Democrats" / "49.5 percent")
    return set(a.value.get("population", [])) == set(b.value.get("population", []))


def fact(claims: list[Claim], name_of: NameOf, pair_ok: PairOk, across: Across | None = None) -> list[Found]:
    items = [c for c in _named(claims, "value") if isinstance(c.value.get("value"), (int, float))
             and not c.value.get("forecast")]
    # a source giving several figures for what reads as one measure is speaking of several groups
    # ("33 percent if white, 36 if Hispanic"): those figures dispute nobody's
    several = {id(a) for a in items for b in items if a is not b and a.actor == b.actor and a.article == b.article
               and _one_measure(a, b) and _values_differ(a.value["value"], b.value["value"])}
    items = [c for c in items if id(c) not in several]
    pairs = []
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if a.actor == b.actor or not pair_ok(a, b) or not _one_measure(a, b, across):
                continue
            if _figures_clash(a, b):
                pairs.append((a, b))
    out = []
    for group in _clusters(items, pairs):
        unit = group[0].value["unit"].replace("money:", "")
        parts = [f"{name_of(c.actor)} gives {c.value.get('number_text')}" for c in group]
        shared = set(group[0].value.get("about", [])) & set(group[1].value.get("about", []))
        words = [w for w in re.findall(r"[\w-]+", group[0].text.lower()) if w in shared]
        what = ", ".join(dict.fromkeys(words)) or _about_text(group[0].value.get("about"))
        measure = group[0].value.get("measure")
        if measure and all(c.value.get("measure") == measure for c in group):  # "the death toll"
            summary = f"Figures disagree on {measure_label(measure)}: " + "; ".join(parts) + "."
        else:
            summary = f"Figures disagree on {what} ({unit}): " + "; ".join(parts) + "."
        out.append(Found("fact", summary, group, group[0].event))
    return out


# ---------------------------------------------------------------- duration

def _apart(a: Claim, b: Claim) -> bool:
    """Two ranges of seconds that cannot both hold ('for two days' / 'within hours')."""
    return a.value["high"] < b.value["low"] or b.value["high"] < a.value["low"]


def _one_state(a: Claim, b: Claim) -> bool:
    """One holding, closure or strike: the same measure of the same thing ('the ship held' / 'the
    vessel released')."""
    return a.value.get("measure") == b.value.get("measure") and a.value.get("thing") == b.value.get("thing")


def _speaks_of(c: Claim, other: Claim) -> bool:
    """Does `c` measure what `other` speaks of ('the inspection lasted' / 'escorted for inspection')?"""
    word = c.value.get("thing_word")
    return bool(word) and (stems([word]) <= stems(other.value.get("about") or []) or
                           c.value.get("thing") == other.value.get("thing"))


def durations(claims: list[Claim], name_of: NameOf, pair_ok: PairOk, across: Across | None = None) -> list[Found]:
    """How long one state lasted, by two sources whose ranges cannot meet ("held for two days" /
    "released within hours"). A third source agreeing with one side about what it speaks of ("the
    inspection lasted no more than six hours", beside "escorted for inspection and released within
    hours") joins that side. Across articles only in two articles that plainly tell one story."""
    items = _named(claims, "duration")
    pairs = []
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if a.actor == b.actor or not pair_ok(a, b) or not _one_state(a, b) or not _apart(a, b):
                continue
            if a.article != b.article and (across is None or not across.one_story(a, b)):
                continue
            pairs.append((a, b))
    out = []
    for group in _clusters(items, pairs):
        side = _two_sides(group, pairs)
        what = min((c.value.get("what") or "it" for c in group), key=lambda w: len(w.split()))
        for c in items:
            if id(c) in side:
                continue
            for s in (0, 1):
                mine = [m for m in group if side[id(m)] == s]
                theirs = [m for m in group if side[id(m)] != s]
                if any(m.article == c.article and not _apart(c, m) and _speaks_of(c, m) for m in mine) and \
                        all(_apart(c, m) and m.actor != c.actor for m in theirs):
                    side[id(c)] = s
                    group.append(c)
                    break
        first = [c for c in group if side[id(c)] == 0]
        second = [c for c in group if side[id(c)] == 1]
        parts = [f"{name_of(c.actor)} says {c.value.get('duration_text')}" for c in first + second]
        summary = f"How long “{what}”: " + "; ".join(parts) + "."
        out.append(Found("fact", summary, first + second, first[0].event))
    return out


# ---------------------------------------------------------------- denial

def denial(claims: list[Claim], name_of: NameOf, pair_ok: PairOk, pool: list[Claim] | None = None,
           across: Across | None = None) -> list[Found]:
    """Denials linked to their target; `pool` (other articles' statements) for denials whose
    that-clause matches no claim in their own article."""
    by_id = {(c.article, c.id): c for c in claims}
    out = []
    for d in _named(claims, "denial"):
        target = by_id.get((d.article, d.value.get("target")))
        if target is None and pool and d.value.get("about"):
            def score(c: Claim) -> float:
                return shared(d, d.value["about"], c, c.value.get("about", []), across)
            cands = [c for c in pool if c.kind == "statement" and c.actor and c.actor != d.actor and pair_ok(c, d)
                     and score(c) >= 3]
            target = max(cands, key=score, default=None)
        elsewhere = False
        if target is not None and pool and not pair_ok(target, d):
            target = _told_elsewhere(d, target, pool, pair_ok, across)  # across: the same account in another outlet
            elsewhere = target is not None
        if target is None or not target.actor or target.actor == d.actor or not pair_ok(target, d):
            continue
        targets = [] if elsewhere else [by_id[(d.article, i)] for i in d.value.get("targets") or [] if (d.article, i) in by_id]
        targets = [c for c in targets if c.actor == target.actor] or [target]
        if not elsewhere:  # who speaks for the denied side, in its paragraph (claims/extract.py)
            targets += [by_id[(d.article, i)] for i in d.value.get("target_allies") or [] if (d.article, i) in by_id]
        support = [by_id[(d.article, i)] for i in (d.value.get("support") or []) + (d.value.get("denier_allies") or [])
                   if (d.article, i) in by_id]
        support = list({id(c): c for c in support if c.actor and c.actor != target.actor}.values())
        obj, called = d.value.get("object"), d.value.get("called")
        how = (f" ({obj})" if obj else "") + (f" as “{called}”" if called else "")
        said = " … ".join(_bare(c.text) for c in targets[:2])
        summary = f"{name_of(d.actor)} rejects {name_of(target.actor)}'s account{how}: {name_of(target.actor)} says “{short(said, 200)}”"
        if support:
            summary += "; against it, " + "; ".join(f"{name_of(c.actor)} says “{short(_bare(c.text), 140)}”"
                                                    for c in support[:2])
        out.append(Found("denial", summary, targets + [d] + support, target.event))
    return out


def _told_elsewhere(d: Claim, target: Claim, pool: list[Claim], pair_ok: PairOk, across: Across | None) -> Claim | None:
    """A denial answering an account in its own article ("Reuters is lying"), set across the corpus
    against that source's account in another article of the story: the same source saying what shares
    most words (at least two) with the denied claim."""
    def score(c: Claim) -> float:
        return shared(target, target.value.get("about", []), c, c.value.get("about", []), across)
    cands = [c for c in pool if c.kind == "statement" and c.actor == target.actor and c.article != d.article
             and pair_ok(c, d) and score(c) >= 2]
    return max(cands, key=score, default=None)


def _bare(text: str) -> str:
    """A claim's words without the marks around them or a trailing comma, to quote in a summary."""
    text = text.strip()
    marks = sum(text.count(m) for m in "\"“”")
    if marks == 2 and text[:1] in "\"“" and text[-1:] in "\"”":  # the quotation's own marks
        text = text[1:-1]
    return text.strip().rstrip(",").strip()


def run_all(claims: list[Claim], name_of: NameOf, pair_ok: PairOk, pool: list[Claim] | None = None,
            across: Across | None = None) -> list[Found]:
    """Every check; `across` (a corpus) says how much each word claims of two articles share counts."""
    found = (timing(claims, name_of, pair_ok, across) + dates(claims, name_of, pair_ok, across)
             + status(claims, name_of, pair_ok, across) + fact(claims, name_of, pair_ok, across)
             + durations(claims, name_of, pair_ok, across)
             + denial(claims, name_of, pair_ok, pool, across))
    return [f for f in found if not told_already(f, found) and not denial_says_it(f, found)]
