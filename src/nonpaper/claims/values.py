"""Value claims (issue 5): measured or counted figures ("0.4 kilograms", "61 percent", "eleven concerts")
with what they measure, for fact disputes."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from .. import lexicon as resources
from .find import TIME_UNITS, Context, child, denying_cue, hedged
from .sources import Source
from .text import content_lemmas, parse_number, short
from ..model import Claim

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# ---------------------------------------------------------------- values

def value_claims(ctx: Context) -> Iterator[Claim]:
    last: tuple[Span, str, str | None] | None = None  # the latest counted figure, its unit and measure
    for ent in ctx.doc.ents:
        if ent.label_ not in ("QUANTITY", "MONEY", "PERCENT", "CARDINAL") and not _bare_count(ent):
            continue
        number = parse_number(ent.text)
        if number is None or _paired(ent) or _counts_the_speakers(ctx, ent) or _said_not(ent):
            continue
        unit = _unit(ent)
        measure = _measure(ent, unit) if unit is not None else None
        same_as = None
        if unit is None and last is not None and _elided(ent, last[0]):
            # "Organizers say there were one million people. Police say there were 240,000.": the
            # second counts what the first did
            same_as, unit, measure = last[0].start_char, last[1], last[2]
        if unit is None:
            continue
        last = (ent, unit, measure)
        context = _value_context(ent) - set(unit.split('/')[0].split()) - {t.lemma_.lower() for t in _per_tokens(ent)}
        covering = ctx.sources.quote_covering(ent.start_char, ent.end_char)
        if covering is not None and denying_cue(ctx, covering):
            continue  # "denied that the floods had killed 4,200": the denier gives no figure
        giver = _figure_giver(ctx, ent) if covering is None else _nested_giver(ctx, ent, covering)
        src = giver or ctx.sources.at(ent.start_char, ent.end_char)
        if src.actor is None:
            src = _continued_source(ctx, ent.sent) or src
        events = ctx.events_at(ent.start_char, ent.end_char)
        yield ctx.claim(actor=src.actor, text=short(ent.sent.text, 300), kind="value",
                        event=events[0] if events else None, quote=src.quote,
                        value={"value": number, "unit": unit, "number_text": ent.text, "about": sorted(context),
                               "qualifiers": sorted(_qualifiers(ent)), "population": sorted(_population(ent)), "period": sorted(_period(ctx, ent)),
                               "forecast": _forecast(ent), **({"measure": measure} if measure else {}),
                               **({"bound": bound} if (bound := _bound(ent)) else {}),
                               **({"counts_as": same_as} if same_as is not None else {}),
                               "count": ent.label_ == "CARDINAL", "hedged": hedged(ent.sent)},
                        start=ent.start_char, end=ent.end_char)


def _elided(ent: Span, previous: Span) -> bool:
    """A bare number that counts what the figure just before it counted: "there were 240,000 (at its
    peak)" in the sentence after "there were one million people", in one paragraph; a number that
    counts nothing else (no noun after it, the subject or complement of its clause)."""
    root = ent.root
    if ent.label_ == "CARDINAL" and _puts_that_number(ent):  # "a representative put that number at 11,300"
        return ent.sent.start in (previous.sent.start, previous.sent.end)
    if ent.label_ != "CARDINAL" or root.dep_ not in ("attr", "nsubj") or root.head.lemma_ != "be":
        return False  # only "there were 240,000" / "240,000 were there": "361 injured" counts its own
    if any(c.dep_ in ("acl", "amod", "relcl") for c in root.children):
        return False
    if ent.end < len(ent.doc) and ent.doc[ent.end].pos_ in ("NOUN", "PROPN"):
        return False
    near = ent.sent.start in (previous.sent.start, previous.sent.end)  # its sentence or the next
    return near and "\n" not in ent.doc[previous.end:ent.start].text


def _puts_that_number(ent: Span) -> bool:
    """'put that number higher, at 11,300', 'put the figure at 500': a count noun with nothing counted
    after it, which points back at the figure before."""
    obj = _put_object(ent)
    return obj is not None and obj.lemma_.lower() in COUNT_NOUNS and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in obj.children)


def _said_not(ent: Span) -> bool:
    """'3,000 people did not die': a figure its verb denies is no figure the source gives (the negated
    restatement, claims/negations.py, answers the account that gave it)."""
    verb = next((t for t in ent.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(c.dep_ == "neg" for c in verb.children)


def _counts_the_speakers(ctx: Context, ent: Span) -> bool:
    """"three sources familiar with the situation said": a number inside the mention of who speaks counts
    the speakers; it is no figure they give (two such counts are no fact dispute)."""
    return any(q.speaker_start is not None and q.speaker_end is not None
               and q.speaker_start <= ent.start_char and ent.end_char <= q.speaker_end for q in ctx.analysis.quotes)


def _unit(ent) -> str | None:
    return _base_unit(ent) and _base_unit(ent) + _per(ent)


def _paired(ent) -> bool:
    """'43 percent to 38 percent', '3-1': one figure of a comparison, not a value of its own."""
    if re.search(r"\d.*\b(?:to|versus|vs)\b.*\d|\d-\d", ent.text):
        return True
    doc = ent.doc
    nums = ("CARDINAL", "PERCENT", "QUANTITY", "MONEY")
    if ent[-1].lower_ in ("to", "versus", "vs", "against") and ent.end < len(doc) and doc[ent.end].ent_type_ in nums:
        return True  # the tagger ran the connector into the first figure: "43 percent to" | "38 percent"
    after = doc[ent.end:ent.end + 2]
    before = doc[max(0, ent.start - 2):ent.start]
    if len(after) == 2 and after[0].lower_ in ("to", "versus", "vs", "against") and after[1].ent_type_ in nums:
        return True
    return len(before) == 2 and before[1].lower_ in ("to", "versus", "vs", "against") and before[0].ent_type_ in nums


def _per(ent) -> str:
    """'$9.66 per share', '40 km an hour': the rate's denominator belongs to the unit."""
    doc = ent.doc
    i = ent.end
    if i + 1 < len(doc) and doc[i].lower_ in ("per", "a", "an", "each") and doc[i + 1].pos_ == "NOUN":
        return "/" + doc[i + 1].lemma_.lower()
    return ""


def _per_tokens(ent) -> list:
    return list(ent.doc[ent.end:ent.end + 2]) if _per(ent) else []


def _measure(ent: Span, unit: str) -> str | None:
    """What a count measures (measures.json), one name however it is worded: '39 people have died',
    'a death toll of 19' and '24 deaths' are deaths; '1.03 million participants', 'a million people joined
    the march' and '240,000 people were on the march' are the turnout; other counts of people are people."""
    spec = resources.mapping("measures.json")
    base = unit.split("/")[0]
    for name, measure in spec["measures"].items():
        if base in measure["units"] or base.split()[-1] in measure["units"]:
            return name
    counted = _counted(ent)
    if base.split()[-1] not in spec["people"] and (counted is None or counted.ent_type_ != "NORP"):
        return None
    anchor = counted if counted is not None else ent.root
    # what the people did or underwent: "those killed", "people who died", "39 people have died"
    verbs = [c for c in anchor.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    verbs += [t for t in anchor.ancestors if t.pos_ in ("VERB", "AUX")][:1]
    # through the verbs of reporting or belief it hangs from: "6,000 people were confirmed to have died"
    verbs += [x for v in verbs for x in v.subtree if x.dep_ == "xcomp" and x.pos_ == "VERB" and x.head in verbs]
    # where they were: "240,000 people were on the march"
    at = {p.lemma_.lower() for t in [anchor, *verbs] for c in t.children if c.dep_ == "prep" for p in c.children
          if p.dep_ == "pobj"}
    for name, measure in spec["measures"].items():
        if any(v.lemma_.lower() in measure["people_with"] for v in verbs):
            return name  # "19 Kenyans died": a count of people who died is a death toll
        if at & set(measure["people_at"]):
            return name
    return "people"


def _counted(ent: Span) -> Token | None:
    """The noun a count counts: "39 people", "a crowd of 240,000", "the number of those killed was 19"."""
    root = ent.root
    if root.dep_ == "nummod" and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        return root.head.head  # "a crowd of 240,000", "a death toll of 19"
    put = _put_at(ent)
    if put is not None:
        return put
    if root.dep_ in ("attr", "acomp") and root.head.lemma_ == "be":  # "the casualties were 19"
        subj = child(root.head, "nsubj")
        if subj is not None and subj.lemma_.lower() in COUNT_NOUNS:  # "the number of those killed was 19"
            of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            subj = child(of, "pobj") if of is not None else None
        return subj
    return None


def _put_at(ent: Span) -> Token | None:
    """'pegged the number of protesters at around 240,000', 'put the death toll at 500': the verb's
    object is what is counted (through 'the number of')."""
    obj = _put_object(ent)
    if obj is None or obj.pos_ != "NOUN":
        return None
    if obj.lemma_.lower() in COUNT_NOUNS:
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        return child(of, "pobj") if of is not None else None
    return obj


def _put_object(ent: Span) -> Token | None:
    """The object of the verb a figure is put 'at': "put [the death toll] at 500"."""
    root = ent.root
    if root.dep_ != "pobj" or root.head.lower_ != "at" or root.head.head.pos_ != "VERB":
        return None
    return child(root.head.head, "dobj", "nsubjpass")


def _bound(ent: Span) -> str | None:
    """'min' for "at least 500", "more than one million"; 'max' for "up to 300"; None for a plain figure.
    The words may be inside the entity or just before it (measures.json, bounds)."""
    before = ent.doc[max(ent.sent.start, ent.start - 4):ent.start].text.lower()
    inside = ent.text.lower()
    for kind, phrases in resources.mapping("measures.json")["bounds"].items():
        if any(inside.startswith(p + " ") or before == p or before.endswith(" " + p) for p in phrases):
            return kind
    return None


def _bare_count(ent: Span) -> bool:
    """"the number of those killed was 19": a bare number the recognizer took for a date (a day), said
    to be what a count was."""
    return ent.label_ == "DATE" and re.fullmatch(r"\d[\d,]*", ent.text) is not None and _copular_unit(ent) is not None


COUNT_NOUNS = frozenset({"number", "total", "tally", "count", "figure"})


def _copular_unit(ent: Span) -> str | None:
    """The unit of a count given as what a number or a counted noun 'was': "the casualties were 19",
    "the number of those killed was 19" (those killed: people)."""
    counted = _counted(ent)
    if counted is None or ent.root.dep_ not in ("attr", "acomp"):
        return None
    if counted.pos_ == "PRON" and any(c.dep_ in ("acl", "relcl") for c in counted.children):
        return "people"  # "those killed", "those who died"
    return counted.lemma_.lower() if counted.pos_ == "NOUN" else None


def _base_unit(ent) -> str | None:
    if ent.label_ == "PERCENT":
        return "percent"
    if ent.label_ == "MONEY":
        words = [t.lemma_.lower() for t in ent if t.is_alpha and t.lower_ not in ("million", "billion", "thousand")]
        return "money:" + (words[-1] if words else "$")
    if ent.label_ == "QUANTITY":
        unit = ent[-1].lemma_.lower()
        return None if unit in TIME_UNITS else unit
    root = ent.root
    if root.dep_ == "nummod" and root.head.pos_ == "PROPN" and root.head.ent_type_ == "NORP":
        return "people"  # "19 Kenyans"
    put = _put_at(ent)
    if put is not None and put.pos_ == "NOUN":  # "put the toll at 500"
        return None if put.lemma_.lower() in TIME_UNITS else put.lemma_.lower()
    copular = _copular_unit(ent)
    if copular is not None:
        return None if copular in TIME_UNITS else copular
    if root.dep_ == "nummod" and root.head.pos_ == "NOUN":  # "eleven concerts", "six percentage points"
        unit = root.head.lemma_.lower()
        kind = [c.lemma_.lower() for c in root.head.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        return None if unit in TIME_UNITS else " ".join(kind + [unit])
    return None


def _period(ctx: Context, ent) -> frozenset[str]:
    """The dated periods in the value's sentence ('the first quarter of last year', 'in 2006'): two
    figures for different periods are two facts. Durations ('six months') are no period."""
    sent = ent.sent
    found = {t.value for t in ctx.analysis.timexes
             if t.type == "DATE" and sent.start_char <= t.start < sent.end_char and not t.value.endswith("_REF")
             and not _when_said(ctx, t.start, ent)}
    if not ctx.analysis.timexes:
        found = {e.text.lower() for e in sent.ents if e.label_ == "DATE" and re.search(r"\b(1[89]|20)\d\d\b|quarter", e.text)}
    return frozenset(found)


def _when_said(ctx: Context, offset: int, ent) -> bool:
    """Does the date at `offset` tell when the figure was given, not what it counts: "Iran said on
    Saturday that 4,700 had been killed" dates the saying; the deaths were earlier."""
    tok = next((t for t in ent.sent if t.idx == offset), None)
    verb = next((t for t in ([tok, *tok.ancestors] if tok is not None else []) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.lower() not in resources.speech_verbs("clause"):
        return False
    return any(c.dep_ in ("ccomp", "xcomp") and ent.root in c.subtree for c in verb.children)


def _forecast(ent) -> bool:
    """Is the figure a forecast, estimate or target rather than a reported fact? An estimate of what
    already happened ("police estimated 240,000 on the march") is a claim, not a forecast."""
    words = resources.wordset("claim_forecast_words.txt")
    head = next((t for t in ent.root.ancestors if t.pos_ in ("VERB", "AUX")), ent.root)
    # not what a relative clause adds about the figure ("one million people, which would make it the
    # biggest march"): that is the writer's comment, the figure itself is reported
    aside = {t.i for c in head.subtree if c.dep_ == "relcl" for t in c.subtree}
    clause = [t for t in head.subtree if t.i not in aside] + list(head.ancestors)[:2]
    hits = [t for t in clause if t.lemma_.lower() in words or t.lower_ in words]
    return any(not (t.lemma_.lower() == "estimate" and t.tag_ in ("VBD", "VBN")) for t in hits)


def _population(ent) -> frozenset[str]:
    """'81 percent of Democrats', '60 percent of Mrs. Clinton's contributions': what a share is of."""
    heads = [t for t in ent if t.lower_ in ("percent", "%", "per")] or [ent.root]
    for head in heads + [ent.root.head]:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:
            return content_lemmas(of.subtree)
    return frozenset()


def _qualifiers(ent) -> frozenset[str]:
    """What kind of thing is measured: the modifiers of the measured noun ("the library budget",
    "average weight loss"), or of the clause subject when the value hangs from the verb."""
    noun = None
    for t in ent.root.ancestors:
        if t.pos_ in ("VERB", "AUX"):
            noun = child(t, "nsubj", "nsubjpass")
            break
        if t.pos_ == "NOUN":
            noun = t
            break
    if noun is None:
        return frozenset()
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
    return content_lemmas(mods)


def _value_context(ent) -> frozenset[str]:
    """Lemmas along the path from the value to its clause verb, with each step's direct modifiers,
    and what the value is of ("12 tonnes of dead fish")."""
    tokens = [t for c in ent.root.children if c.dep_ == "prep" for t in c.subtree]
    t = ent.root
    for _ in range(5):
        if t.head.i == t.i:
            break
        t = t.head
        tokens.append(t)
        tokens.extend(c for c in t.children if c.dep_ not in ("relcl", "appos", "advcl", "ccomp", "conj", "punct")
                      and c not in ent)
        if t.pos_ == "NOUN" and t.i == ent.root.head.i:  # "30 tonnes of dead fish": what is counted
            tokens.extend(x for c in t.children if c.dep_ == "prep" for x in c.subtree)
        if t.pos_ in ("VERB", "AUX"):
            subj = child(t, "nsubj", "nsubjpass")  # what the figure is of: "turnout in the election"
            if subj is not None:
                tokens.extend(x for c in subj.children if c.dep_ in ("prep", "compound", "amod") for x in c.subtree)
            if t.lemma_ == "be":  # "240,000 people were on the march": where they were is what is counted
                tokens.extend(x for c in t.children if c.dep_ == "prep" for x in c.subtree)
            break
    return content_lemmas(tokens, names=False)  # who is named is no part of what is measured


def _figure_giver(ctx: Context, ent: Span):
    """'the police have pegged the number of protesters at around 240,000': the subject of a verb that
    gives figures (claim_figure_verbs.txt) gives this one, outside any quote; a subject that is no actor
    leaves the figure the writer's ("Police provided a 240,000 estimate, while the organiser said ...":
    not the organiser's, whose quote shares the sentence)."""
    verb = next((t for t in ent.root.ancestors if t.pos_ == "VERB"), None)
    if verb is None or verb.lemma_.lower() not in resources.wordset("claim_figure_verbs.txt"):
        return None
    subj = child(verb, "nsubj")
    if subj is None or subj.pos_ == "PRON":
        return None
    return Source(ctx.sources.actor_of_token(subj), None)


def _nested_giver(ctx: Context, ent: Span, covering):
    """A report inside the quote that holds the figure: "Civil Human Rights Front said 1.03 million people
    took to the streets, while police estimated 240,000, the reports said" — the front gives the first
    figure and the police the second, the reports relay both. The subject of the nearest verb of saying
    or of giving figures above the figure, when that subject is inside the quote and is an actor."""
    verbs = resources.speech_verbs("clause") | resources.wordset("claim_figure_verbs.txt")
    verb = next((t for t in ent.root.ancestors if t.pos_ == "VERB" and t.lemma_.lower() in verbs), None)
    subj = child(verb, "nsubj") if verb is not None else None
    if subj is None or subj.pos_ == "PRON" or not covering.start <= subj.idx < covering.end:
        return None
    if subj.i > ent.root.i:
        return None  # "..., attended the march, CNN reported": a relay after the figure; the quote's speaker gives it
    actor = ctx.sources.actor_of_token(subj)
    return Source(actor, covering.id) if actor else None


def _continued_source(ctx: Context, sent):
    """A narrator sentence right after an attributed one in the same paragraph continues its report."""
    block = ctx.parsed.block_at(sent.start_char)
    prev = ctx.doc[sent.start - 1].sent if sent.start > 0 else None
    if prev is None or block is None or prev.start_char < block.start:
        return None
    src = ctx.sources.at(prev.start_char, prev.end_char)
    if src.actor is None:
        src = next((ctx.sources.at(q.start, q.end) for q in ctx.sources.quotes_in_sentence(prev) if q.speaker), None)
    return src if src is not None and src.actor else None
