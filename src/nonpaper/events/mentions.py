"""Event mentions: triggers from the lexicon (`data/event_triggers.txt`), their text, participants and
the time expressions attached to them; then coreference into events within one article.

A mention is a verb or a noun whose lemma is in the lexicon. Coreference, without a model:
- an indefinite noun phrase ("a follow-up conversation", "a planned meeting") starts a new event;
- a definite one ("the call", "their phone call", "the October 16 call") is the latest event of its type,
  skipping events marked as distinct ("a follow-up conversation", "the second semi-final") unless the
  mention repeats that word;
- a verb joins the latest event of its type;
- never when their days differ or their participants are disjoint.
"""
from __future__ import annotations

from bisect import bisect_left

import bisect
import functools
from dataclasses import dataclass, field

from ..actors import ActorRegistry
from ..model import Timex
from ..text.parse import Parsed
from .timewords import (clashes, containing, describes, holds_the_day, is_dateline, names_a_thing, period_of,
                        starts_a_stretch, vague, when_time)
from ..time.ranges import value_range
from ..lexicon import wordlist, wordset

_DEFINITE = {"the", "this", "that", "these", "those", "their", "his", "her", "its", "our", "my", "your"}
_INDEFINITE = {"a", "an", "another", "any", "some", "no"}
# Nouns that are the setting of a verb event rather than another happening ("responded in a statement",
# "voted at a session"); "meet in the final" keeps the final as its own event.
_SETTING_TYPES = {"statement", "interview", "meeting", "announce", "hearing"}
_CLAUSE_BREAK = {"that", "which", "who", "whom", "whose", "before", "after", "while", "when", "because",
                 "but", "although", "though", "since", "until", "ahead", "said", "says", ";", "how"}


@functools.lru_cache(maxsize=1)
def lexicon() -> tuple[dict, dict]:
    """(single-lemma triggers, multi-word triggers): lemma → (type, pos)."""
    single, multi = {}, {}
    for line in wordlist("event_triggers.txt"):
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        lemma, etype, pos = parts[0].lower(), parts[1], (parts[2] if len(parts) > 2 else "any")
        (multi if " " in lemma else single)[lemma] = (etype, pos)
    return single, multi


@functools.lru_cache(maxsize=1)
def _multi_by_first() -> dict[str, list[tuple[list[str], str, str]]]:
    """The multi-word triggers grouped by their first lemma (in lexicon order), so a token is only
    tried against the phrases it can start."""
    index: dict[str, list[tuple[list[str], str, str]]] = {}
    for phrase, (etype, pos) in lexicon()[1].items():
        words = phrase.split()
        index.setdefault(words[0], []).append((words, etype, pos))
    return index


def _in_any(spans: list[tuple[int, int]]):
    """A test `offset -> bool`: does the offset fall in one of `spans` (start inclusive, end exclusive)?
    A bisect over the starts with the running maximum of the ends, not a scan of every span per token."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach, top = [], -1
    for _, e in ordered:
        top = max(top, e)
        reach.append(top)

    def inside(offset: int) -> bool:
        k = bisect.bisect_right(starts, offset)  # spans [0, k) start at or before the offset
        return k > 0 and offset < reach[k - 1]
    return inside


@dataclass
class EventMention:
    i: int  # token index of the trigger
    start: int
    end: int
    text: str  # the trigger with its object, or the noun phrase
    type: str
    kind: str  # noun | verb
    sent_start: int
    definite: bool = False
    distinct: str | None = None  # "follow-up", "second"...: marks a different event of the type
    participants: list[str] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    cluster: int = -1
    host: int | None = None  # token of the verb event this noun is the setting of ("voted at a session")
    background: bool = False  # told in a relative clause ("Rovers, who had beaten Orlay in February")
    clause: bool = False  # found as a clause or a nominalisation (events.clauses), not from the trigger list
    aliases: list[int] = field(default_factory=list)  # light verbs that stand for it ("made" the offer)
    clause_times: list[Timex] = field(default_factory=list)  # the time governing its clause, when it has none
    since: Timex | None = None  # where the event runs from ("has been sold since 2019"), not when it is

    @property
    def day(self) -> str | None:
        for t in self.timexes:
            d = day_of(t)
            if d:
                return d
        return None


def day_of(t: Timex) -> str | None:
    """The YYYY-MM-DD a DATE or TIME timex fixes, else None."""
    v = t.value or ""
    if t.type in ("DATE", "TIME") and len(v) >= 10 and v[:4].isdigit() and v[4] == "-" and v[5:7].isdigit() \
            and v[7] == "-" and v[8:10].isdigit():
        return v[:10]
    return None


def _nominal_adj(tok) -> bool:
    """ "the final", "the Caldor Cup final": the tagger often calls these nouns adjectives."""
    if tok.pos_ != "ADJ":
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "PUNCT") or nxt.text == "-" or nxt.is_punct


def _trigger(tok, single, multi) -> tuple[str, int] | None:
    """(type, last token index) when `tok` starts a lexicon trigger."""
    doc = tok.doc
    lemma = tok.lemma_.lower()
    if lemma not in single and lemma not in multi:
        return None  # most tokens: nothing below can match them
    kind = "verb" if tok.pos_ in ("VERB", "AUX") else "noun" if tok.pos_ in ("NOUN", "PROPN") or _nominal_adj(tok) else None
    if kind is None or (kind == "noun" and tok.dep_ == "compound"):
        return None  # "phone" in "phone call": the head noun is the trigger
    for words, etype, pos in multi.get(lemma, ()):
        if pos not in (kind, "any"):
            continue
        seq = [t.lemma_.lower() for t in doc[tok.i:tok.i + len(words)]]
        if seq == words:
            last = tok.i + len(words) - 1
            if kind == "noun" and doc[last].text.lower().endswith("s") and not doc[last].text.lower().endswith("talks"):
                return None  # plural: generic ("wins you semi-finals")
            return etype, last
        if kind == "verb" and len(words) == 2 and any(c.dep_ in ("prt", "prep") and c.lower_ == words[1]
                                                      for c in tok.children):
            return etype, tok.i
    if kind == "verb" and any(c.dep_ == "prt" for c in tok.children):
        return None  # "called off" is matched above; any other particle changes the meaning
    if lemma in single:
        etype, pos = single[lemma]
        if pos not in (kind, "any"):
            return None
        if kind == "noun" and tok.tag_ in ("NNS", "NNPS") and not tok.lower_.endswith(("talks", "negotiations")):
            return None  # plural nouns are generic ("wins you semi-finals")
        if kind == "noun" and tok.tag_ == "NNP" and not tok.lower_ == lemma:
            return None
        return etype, tok.i
    return None


def _np_text(tok) -> tuple[int, int]:
    """Character span of a noun event's phrase: its left dependents, and right ones up to a comma."""
    left = min((t.idx for t in tok.subtree if t.i <= tok.i), default=tok.idx)
    right_tokens = [tok]
    for t in tok.subtree:
        if t.i <= tok.i:
            continue
        if t.is_punct or t.lower_ in ("which", "who", "that") or t.i - tok.i > 8:
            break
        right_tokens.append(t)
    end = max(t.idx + len(t.text) for t in right_tokens)
    first = tok.doc.char_span(left, end, alignment_mode="expand")
    if first is not None and first[0].pos_ == "ADP":  # never a leading preposition
        left = first[1].idx if len(first) > 1 else tok.idx
    return left, end


def _left_run(tok, last: int) -> tuple[int, int]:
    """A noun phrase read off the words before the trigger: "Wednesday’s second semi-final"."""
    doc = tok.doc
    i = tok.i
    while i > 0 and tok.i - i < 6 and (doc[i - 1].pos_ in ("DET", "ADJ", "PROPN", "NOUN", "NUM") or doc[i - 1].tag_ == "POS"):
        i -= 1
    return doc[i].idx, doc[last].idx + len(doc[last].text)


def _vp_text(tok, last: int) -> tuple[int, int]:
    """Character span of a verb event: the verb (and particle) with its direct object, kept short."""
    doc = tok.doc
    end_tok = doc[last]
    for c in tok.children:
        if c.dep_ in ("prt",):
            end_tok = max(end_tok, c, key=lambda t: t.i)
        if c.dep_ in ("dobj", "dative") and c.i > tok.i:
            sub = [t for t in c.subtree if t.i - tok.i <= 8 and not t.is_punct]
            if sub:
                end_tok = max(end_tok, max(sub, key=lambda t: t.i), key=lambda t: t.i)
    if end_tok.i == last and not any(c.dep_ in ("dobj", "dative", "prt") for c in tok.children):
        # no object in the parse (it may be misattached): take the words that follow, up to a break
        for t in doc[last + 1:last + 9]:
            if t.text in ("-", "–") and t.i + 1 < len(doc) and doc[t.i + 1].like_num and doc[t.i - 1].like_num:
                end_tok = t
                continue  # a score: "beaten Orlay 4-0"
            if t.is_punct or t.pos_ in ("ADP", "SCONJ", "CCONJ", "AUX", "VERB", "PART") \
                    or t.lower_ in _CLAUSE_BREAK or t.ent_type_ in ("DATE", "TIME"):
                break
            end_tok = t
    while end_tok.i + 2 < len(doc) and end_tok.like_num and doc[end_tok.i + 1].text in ("-", "–") \
            and doc[end_tok.i + 2].like_num:
        end_tok = doc[end_tok.i + 2]  # a score or a tally: "beaten Orlay 4-0", "voted 31-4"
    if end_tok.ent_iob_ in ("B", "I"):  # never stop inside a name ("the United States")
        last_i = end_tok.i
        while last_i + 1 < len(doc) and doc[last_i + 1].ent_iob_ == "I" and last_i + 1 - tok.i <= 12:
            last_i += 1
        end_tok = doc[last_i]
    start_tok = tok
    subject = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i), None)
    if subject is not None:  # a passive reads better with what it happened to: "the meeting had been canceled"
        left = min(t.i for t in subject.subtree if t.i <= subject.i)
        if tok.i - left <= 12 and not any(t.is_punct and t.text in (";", ":") for t in doc[left:tok.i]):
            start_tok = doc[left]
    return start_tok.idx, end_tok.idx + len(end_tok.text)


def _participant_tokens(tok, kind: str):
    deps = ("nsubj", "nsubjpass", "dobj", "dative", "poss", "compound", "nmod")
    for c in tok.children:
        if c.dep_ in deps and c.pos_ in ("PROPN", "NOUN"):  # pronouns: too unsure to keep events apart
            yield c
            yield from (cc for cc in c.conjuncts)
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("with", "between", "by")):
            for g in c.children:
                if g.dep_ == "pobj":
                    yield g
                    yield from g.conjuncts


def _entity_text(tok) -> tuple[str, int]:
    """The whole named entity a token belongs to, or the token itself."""
    doc = tok.doc
    if tok.ent_iob_ in ("B", "I"):
        start = tok.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = tok.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return doc[start:end].text, doc[start].idx
    if tok.pos_ == "NOUN":
        left = min(t.i for t in tok.subtree if t.i <= tok.i and t.dep_ in ("det", "compound", "amod", "poss")
                   or t.i == tok.i)
        return doc[left:tok.i + 1].text, doc[left].idx
    return tok.text, tok.idx


def _participants(tok, kind: str, registry) -> list[str]:
    ids: list[str] = []
    for p in _participant_tokens(tok, kind):
        text, start = _entity_text(p)
        # "Putin–Trump meeting": a hyphenated compound of two names
        for piece, off in _split_names(text, start):
            actor = registry.resolve(piece, off) if registry is not None else None
            if actor and actor not in ids:
                ids.append(actor)
    return ids


def _split_names(text: str, start: int):
    for sep in ("–", "—", "-"):
        if sep in text and all(p[:1].isupper() for p in text.split(sep) if p):
            pos = start
            for piece in text.split(sep):
                yield piece, pos
                pos += len(piece) + len(sep)
            return
    yield text, start


def _in_relative_clause(tok) -> bool:
    for _ in range(3):
        if tok.dep_ in ("relcl", "acl"):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def find_mentions(parsed: Parsed, registry: ActorRegistry, paragraphs: list[tuple[int, int]]) -> list[EventMention]:
    single, multi = lexicon()[0], _multi_by_first()
    distinct_words = wordset("event_distinct_modifiers.txt")
    doc = parsed.doc
    text = parsed.text  # Doc.text rebuilds the string on every call
    out: list[EventMention] = []
    covered: set[int] = set()
    sent_start = {}
    for sent in doc.sents:  # token.sent walks the document each time: look sentences up once
        for t in sent:
            sent_start[t.i] = sent.start_char
    in_paragraph = _in_any(paragraphs)
    for tok in doc:
        if not in_paragraph(tok.idx):
            continue
        hit = _trigger(tok, single, multi)
        if hit is None:
            continue
        etype, last = hit
        if last in covered or tok.i in covered:
            continue
        covered.update(range(tok.i, last + 1))
        kind = "verb" if tok.pos_ in ("VERB", "AUX") else "noun"
        if kind == "verb" and (tok.dep_ in ("amod", "compound", "nmod") or tok.i > 0 and doc[tok.i - 1].pos_ == "DET"):
            continue  # "the planned talks", "the phone conversation": a modifier, not a happening
        if kind == "noun" and (tok.pos_ == "ADJ" or last > tok.i):
            start, end = _left_run(tok, last)
        else:
            start, end = _np_text(tok) if kind == "noun" else _vp_text(tok, last)
        dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
        distinct = next((c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nummod", "advmod")
                         and c.lower_ in distinct_words), None)
        if distinct is None:
            distinct = next((w for w in distinct_words if "-" in w and w in text[start:tok.idx].lower()), None)
        out.append(EventMention(
            i=tok.i, start=start, end=end, text=text[start:end], type=etype, kind=kind,
            sent_start=sent_start[tok.i],
            definite=bool(kind == "noun" and (any(d in _DEFINITE for d in dets) or any(
                c.dep_ == "poss" for c in tok.children))),
            distinct=distinct, participants=_participants(tok, kind, registry),
            background=_in_relative_clause(tok)))
    by_token = {m.i: m for m in out}
    for m in out:  # "at an emergency session on Thursday, councillors voted": one happening
        tok = doc[m.i]
        setting = ("at", "during", "in") if m.type in _SETTING_TYPES else ("at", "during")
        if m.kind == "noun" and tok.dep_ == "pobj" and tok.head.lower_ in setting \
                and tok.head.head.i in by_token and by_token[tok.head.head.i].kind == "verb":
            m.host = tok.head.head.i
    return out


def index(mentions: list[EventMention]) -> dict[int, EventMention]:
    """Mentions by token: their trigger, and the light verbs that stand for them."""
    out = {a: m for m in mentions for a in m.aliases}
    out.update({m.i: m for m in mentions})
    return out


def attach_timexes(parsed: Parsed, mentions: list[EventMention], timexes: list[Timex]) -> None:
    """A DATE/TIME timex belongs to the event noun it sits in ("the October 16 call"), else to the
    nearest event before it in the same clause ("examined the roof last Monday"), else to the event
    verb it depends on ("On Tuesday, the council voted")."""
    doc = parsed.doc
    by_token = index(mentions)
    sorted_mentions = ByToken(mentions)
    starts = [t for t in timexes if t.type == "DATE" and t.field == "text" and starts_a_stretch(parsed, t)]
    timexes = [t for t in timexes if not is_dateline(parsed, t) and not starts_a_stretch(parsed, t)
               and (t.type != "DURATION" or containing(parsed, t))]
    for t in timexes:
        if t.type not in ("DATE", "TIME", "DURATION"):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or span.root.dep_ in _NOT_WHEN_DEPS or names_a_thing(span, by_token):
            continue  # "Sunday was chosen because ...": the day is what is talked about, not when
        target = _inside_np(span, by_token) or _preceding(span, sorted_mentions, doc) or _governing(span, by_token)
        target = _dated(parsed, t, span, target, by_token)
        if target is not None:
            target.timexes.append(t)
    for m in mentions:  # "will now receive the aircraft next month": the date, not "now", says when
        m.timexes.sort(key=vague)
    _clause_times(parsed, mentions, timexes)
    for t in starts:  # "has been under renovation since March": the event runs from March on
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        prep = span.root.head if span is not None else None  # "since", on the event itself; not on a
        target = by_token.get(prep.head.i) if prep is not None else None  # noun ("the first time since 2011")
        if target is not None and not any(x.type in ("DATE", "TIME") for x in target.timexes):
            target.since = t


def _dated(parsed: Parsed, t: Timex, span, target, by_token):
    """The mention a time found next to `target` dates: the verb of a nominalised object ("rejected the
    proposal in October"), the verb that hosts it, else the mention itself; never one the time clashes
    with (`timewords.clashes`): "has announced job cuts over the next four years" dates the cuts, which
    are then a happening of their own."""
    if target is None:
        return None
    if target.kind == "noun" and t.type == "DATE" and period_of(parsed, t):
        target.host = None  # "reported a loss for the second quarter on Friday": the loss is the quarter's
        return target
    tries = [target]
    if target.clause and target.kind == "noun":
        tries.insert(0, _verb_of_object(span, target, by_token))
    for m in filter(None, tries):
        host = by_token.get(m.host) if m.host is not None else None
        for cand in filter(None, (host, m)):
            if not clashes(parsed, t, parsed.doc[cand.i]):
                if cand is m and host is not None:
                    m.host = None
                return cand
    return None


# A time expression in these roles is what the clause is about, not when it happens ("Sunday was chosen").
_NOT_WHEN_DEPS = {"nsubj", "nsubjpass", "attr"}


_SIGNAL_WORDS = {"after", "before", "since", "until", "following", "ahead", "prior", "till", "by"}
_ARGUMENT_DEPS = {"dobj", "nsubjpass", "nsubj", "pobj", "prep", "xcomp", "conj", "attr", "oprd", "dative", "agent"}


def _clause_verb(tok, steps: int = 4):
    """The verb whose clause `tok` is an argument of, or None past a clause boundary or a signal word
    ("returned to work on Monday after a five-day strike": the strike is not dated by Monday)."""
    for step in range(steps):
        if (tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ in ("ROOT", "ccomp", "advcl", "conj"))) and not (
                step == 0 and tok.dep_ == "advcl" and tok.tag_ in ("VBG", "VBN")):
            return tok
        participle = tok.dep_ == "advcl" and tok.tag_ in ("VBG", "VBN") and not any(
            c.dep_ in ("mark", "advmod") for c in tok.children)  # "called for a re-run, citing ..."
        if tok.head.i == tok.i or (tok.dep_ not in _ARGUMENT_DEPS and not participle) \
                or tok.lower_ in _SIGNAL_WORDS:
            return None
        tok = tok.head
    return None


def _clause_times(parsed: Parsed, mentions: list[EventMention], timexes: list[Timex]) -> None:
    """An event with no time expression of its own takes the one that governs its clause: "On Tuesday,
    Boeing delivered the final jet, ending production" dates the delivery; "signed a contract to buy
    jets on June 15" dates the buying too. `EventMention.clause_times`."""
    doc = parsed.doc
    governing: dict[int, Timex] = {}
    in_time: dict[int, Timex] = {}  # the tokens of each time expression
    by_token = index(mentions)
    for t in timexes:
        if t.type not in ("DATE", "TIME", "DURATION") or t.field != "text":
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or span.root.dep_ in _NOT_WHEN_DEPS or names_a_thing(span, by_token):
            continue
        in_time.update((x.i, t) for x in span)
        tok = prev = span.root
        for _ in range(4):
            if tok.head.i == tok.i or tok.lower_ in _SIGNAL_WORDS:
                break  # "sent before the October 16 call": the date is the call's, not the sending's
            if describes(prev, tok):
                break  # "Papermaster, formerly an executive, is stepping down": the time is the subject's
            prev, tok = tok, tok.head
            if tok.pos_ in ("VERB", "AUX") and tok.tag_ != "MD":
                if not clashes(parsed, t, tok):
                    governing.setdefault(tok.i, t)
                break
            if tok.i in by_token or tok.lower_ in _SIGNAL_WORDS:
                break
    for m in mentions:
        if any(t.type in ("DATE", "TIME") and not holds_the_day(parsed, t) for t in m.timexes):
            continue  # its own time says when (not "this year's", which a day its clause names says better)
        verb = _clause_verb(doc[m.i])
        when = when_time(verb, governing, in_time) if verb is not None and verb.i not in governing else None
        if verb is not None and verb.i in governing:
            m.clause_times.append(governing[verb.i])
        elif when is not None:
            m.clause_times.append(when)
        elif m.kind == "noun":
            m.clause_times.extend(_participle_time(doc[m.i], by_token, governing))


def _participle_time(noun, by_token, governing) -> list[Timex]:
    """ "an agreement reached in 1991", "the deal signed on Monday": a noun event takes the time of the
    participle that describes it."""
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            own = [t for t in by_token[c.i].timexes if t.type in ("DATE", "TIME")] if c.i in by_token else []
            if own or c.i in governing:
                return own[:1] or [governing[c.i]]
    return []


def _verb_of_object(span, noun, by_token):
    """ "rejected the proposal in October": a time expression hung on the verb dates the verb's event,
    not the (nominalised) object before it."""
    head = span.root.doc[noun.i].head
    if span.root.doc[noun.i].dep_ != "dobj" or head.i not in by_token or by_token[head.i] is noun:
        return None
    tok = span.root
    for _ in range(3):
        if tok.head.i == tok.i or tok.head.i == noun.i:
            return None
        tok = tok.head
        if tok.i == head.i:
            return by_token[head.i]
    return None


def _inside_np(span, by_token):
    tok = span.root
    for _ in range(3):
        if tok.i in by_token and by_token[tok.i].kind == "noun" and tok.i >= span.end:
            return by_token[tok.i]
        if tok.dep_ not in ("compound", "nmod", "poss", "nummod", "amod", "npadvmod") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return by_token.get(tok.i) if tok.i in by_token and by_token[tok.i].kind == "noun" else None


class ByToken:
    """The mentions sorted by token once per article, with the verbs' tokens: `_preceding` reads the few
    mentions just before a time expression by bisect, not every mention for every time (issue 19)."""

    def __init__(self, mentions):
        order = sorted(range(len(mentions)), key=lambda k: (mentions[k].i, -k))  # ties: the first listed last
        self.items = [mentions[k] for k in order]
        self.keys = [m.i for m in self.items]
        self.verbs = {m.i for m in mentions if m.kind == "verb"}

    def before(self, lo: int, hi: int):
        """The mentions at tokens lo..hi-1, nearest first (as a stable sort by -token would give them)."""
        return reversed(self.items[bisect_left(self.keys, lo):bisect_left(self.keys, hi)])


def _preceding(span, mentions: ByToken, doc):
    for m in mentions.before(max(span.sent.start, span.start - 14), span.start):
        between = doc[m.i + 1:span.start]
        if any(t.lower_ in _CLAUSE_BREAK for t in between):
            return None
        if any(t.i in mentions.verbs for t in between):
            continue
        return m
    return None


def _governing(span, by_token):
    tok = prev = span.root
    for _ in range(4):
        if tok.head.i == tok.i or describes(prev, tok):
            return None
        prev, tok = tok, tok.head
        if tok.i in by_token:
            return by_token[tok.i]
        if tok.pos_ in ("VERB", "AUX"):
            return None
    return None


def cluster(mentions: list[EventMention]) -> list[list[EventMention]]:
    """Coreference inside the article (see the module docstring)."""
    clusters: list[list[EventMention]] = []
    hosted = [m for m in mentions if m.host is not None]
    for m in sorted((m for m in mentions if m.host is None), key=lambda m: m.start):
        target = None
        if m.clause and m.kind == "verb":
            pass  # a clause verb is its own happening: "trained" by one side and by the other are two
        elif not (m.kind == "noun" and not m.definite) and not m.distinct:
            fits = [ci for ci in range(len(clusters) - 1, -1, -1)
                    if clusters[ci][0].type == m.type and _compatible(clusters[ci], m)
                    and not (any(x.distinct for x in clusters[ci]) and not any(x.distinct == m.distinct for x in clusters[ci]))]
            # a definite description points at a foreground event, not one told in a relative clause
            foreground = [ci for ci in fits if not all(x.background for x in clusters[ci])]
            target = (foreground or fits or [None])[0] if m.kind == "noun" else (fits or [None])[0]
        elif m.distinct:
            for ci in range(len(clusters) - 1, -1, -1):
                c = clusters[ci]
                if c[0].type == m.type and any(x.distinct == m.distinct for x in c) and m.definite:
                    target = ci
                    break
        if target is None:
            clusters.append([m])
            m.cluster = len(clusters) - 1
        else:
            clusters[target].append(m)
            m.cluster = target
    by_token = {m.i: m for m in mentions}
    for m in hosted:
        host = by_token[m.host]
        m.cluster = host.cluster
        clusters[host.cluster].append(m)
    for c in clusters:
        c.sort(key=lambda m: m.start)
    return clusters


def _compatible(c: list[EventMention], m: EventMention) -> bool:
    """Same days, overlapping months or weeks, and not disjoint participants."""

    theirs = [r for x in c for r in (value_range(t.value) for t in x.timexes) if r]
    mine = [r for r in (value_range(t.value) for t in m.timexes) if r]
    if theirs and mine and not any(a[0] <= b[1] and b[0] <= a[1] for a in theirs for b in mine):
        return False
    people = {p for x in c for p in x.participants}
    if people and m.participants and not people & set(m.participants):
        return False
    return True
