"""Who asserts what sits at a place in the text: the source side of claims (issue 5).

The quote stage attributes speech; this module answers, for any character span, which actor's
statement it belongs to (a quote's speaker), falling back on the sentence's subject when no quote
covers it, and on the narrator (None) otherwise. Pure functions of the parse and the analysis.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from .. import lexicon as resources
from ..model import Actor, Analysis, Quote
from ..text.offsets import Points, Spans
from ..text.parse import Parsed

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PRONOUNS = {"he", "she", "him", "her", "they", "it", "we", "i"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "i"}
MAX_MENTION = 300  # characters: a mention is a name or a noun phrase, never this long
OUTLET_HEADS = {"paper", "newspaper", "daily", "outlet", "agency", "wire", "broadcaster", "publication"}


class Source(NamedTuple):
    actor: str | None  # Actor.id; None for the narrator
    quote: str | None  # Quote.id the span sits in


@dataclass
class Sources:
    """Attribution lookups over one analysed article."""
    parsed: Parsed
    analysis: Analysis

    def __post_init__(self) -> None:
        self.quotes = [q for q in self.analysis.quotes
                       if q.field == "text" and q.start is not None and q.end is not None]
        self.actors = {a.id: a for a in self.analysis.actors}
        # every actor mention by offset, sorted once: lookups by place bisect instead of scanning
        self._mentions = sorted((m.start, m.end, a.id) for a in self.analysis.actors for m in a.mentions)
        self._starts = [m[0] for m in self._mentions]
        self._speaks: dict[str, frozenset[str]] = {}  # actor id -> whom it speaks for directly
        self._reach: dict[str, frozenset[str]] = {}  # actor id -> whom it speaks for, directly or through one body
        self._heads: dict[str, frozenset[str]] = {}  # body id -> the head words of its names
        self._words: dict[str, frozenset[str]] = {}  # actor id -> the words of its current names and titles

    # ---------------------------------------------------------------- quotes
    def quote_covering(self, start: int, end: int) -> Quote | None:
        """The narrowest quote whose span holds [start, end)."""
        # the quotes reaching `start` by bisect (indexed on first use), then the same test (issue 19)
        if getattr(self, "_quote_spans", (None,))[0] is not self.quotes:
            self._quote_spans = (self.quotes, Spans((q.start, q.end) for q in self.quotes))
        near = [self.quotes[i] for i in self._quote_spans[1].overlapping(start - 1, start + 1)]
        inside = [q for q in near if q.start <= start and end <= q.end]
        spoken = [q for q in inside if q.speaker] or inside  # an unattributed inner span defers to its report
        return min(spoken, key=lambda q: q.end - q.start) if spoken else None

    def quotes_in_sentence(self, sent: Span) -> list[Quote]:
        """Quotes whose content or cue lies in the sentence."""
        # by bisect over the quotes' offsets, indexed on first use: asked for every sentence (issue 19)
        if getattr(self, "_quote_points", (None,))[0] is not self.quotes:
            self._quote_points = (self.quotes, Points(q.cue_start for q in self.quotes),
                                  Points(q.start for q in self.quotes))
        _, cues, starts = self._quote_points
        lo, hi = sent.start_char, sent.end_char
        return [self.quotes[i] for i in sorted(set(cues.between(lo, hi)) | set(starts.between(lo, hi)))]

    def at(self, start: int, end: int) -> Source:
        """The source of a proposition at [start, end): the covering quote's speaker, else the
        speaker of a quote cued in the same sentence, else the sentence subject, else the narrator."""
        q = self.quote_covering(start, end)
        if q is not None:
            return Source(q.speaker, q.id)
        n = len(self.parsed.text)
        if not 0 <= start < n:
            return Source(None, None)
        sent = self.parsed.doc.char_span(start, max(start + 1, min(end, n)), alignment_mode="expand")
        if sent is None:
            return Source(None, None)
        sent = sent.sent
        return self.sentence_source(sent)

    def sentence_source(self, sent: Span) -> Source:
        cued = [q for q in self.quotes_in_sentence(sent) if q.speaker]
        if cued:
            return Source(cued[0].speaker, cued[0].id)
        stance = resources.wordset("claim_stance_verbs.txt")
        subj = next((t for t in sent.root.children if t.dep_ == "nsubj"), None)
        if subj is not None and sent.root.lemma_.lower() in stance:
            actor = self.actor_of_token(subj)
            if actor:
                return Source(actor, None)
        return Source(self.trailing_attribution(sent, stance), None)

    def trailing_attribution(self, sent: Span, stance: frozenset[str]) -> str | None:
        """'…, the chairwoman of the commission, Vera Lask, said on Monday.': a stance verb late in the
        sentence with no subject of its own takes the actor named just before it."""
        for verb in sent:
            if verb.lemma_.lower() not in stance or verb.pos_ != "VERB" or verb.i < sent.start + 4:
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                continue
            for tok in reversed(sent.doc[max(sent.start, verb.i - 10):verb.i]):
                if tok.pos_ in ("PROPN", "NOUN"):
                    actor = self.actor_of_token(tok)
                    if actor:
                        return actor
        return None

    # ---------------------------------------------------------------- actors
    def actor_of_span(self, start: int, end: int) -> str | None:
        """The actor a mention at [start, end) points to: an actor mention there, a quote's speaker
        mention there, or a name/alias match on the text."""
        for q in self.quotes:
            if q.speaker and q.speaker_start is not None and q.speaker_start <= start < (q.speaker_end or 0):
                return q.speaker
        for a in self.actors.values():
            for m in a.mentions:
                if m.start <= start < m.end or start <= m.start < end:
                    return a.id
        text = self.parsed.text[start:end]
        return self.actor_by_name(text)

    def _mention_at(self, offset: int) -> str | None:
        """The actor with a mention covering `offset` (the one starting nearest before it)."""
        i = bisect_right(self._starts, offset)
        while i > 0 and offset - self._starts[i - 1] < MAX_MENTION:
            i -= 1
            start, end, ident = self._mentions[i]
            if offset < end:
                return ident
        return None

    def actors_in(self, start: int, end: int) -> list[str]:
        """Actor ids with a mention inside [start, end), in text order."""
        out: list[str] = []
        for s, e, ident in self._mentions[bisect_left(self._starts, start):]:
            if s >= end:
                break
            if e <= end and ident not in out:
                out.append(ident)
        return out

    def actor_by_name(self, text: str) -> str | None:
        norm = _norm(text)
        if not norm:
            return None
        by_name, by_surname, bodies = self._names()
        if norm in by_name:
            return by_name[norm]
        if norm.split()[-1] in by_surname:  # a surname alone, or a name inside a longer phrase
            return by_surname[norm.split()[-1]]
        return next((ident for name, ident in bodies if name in norm), None)

    def _names(self) -> tuple[dict[str, str], dict[str, str], list[tuple[str, str]]]:
        """For `actor_by_name`, normalised once (issue 19: every name and alias was normalised at every
        lookup): each name or alias -> the first actor with it; a person's last name -> the first person
        with it; the names of the other actors, in order."""
        if getattr(self, "_names_of", (None,))[0] is not self.actors:
            by_name: dict[str, str] = {}
            by_surname: dict[str, str] = {}
            for a in self.actors.values():
                for n in [a.name, *a.aliases]:
                    by_name.setdefault(_norm(n), a.id)
                words = _norm(a.name).split()
                if a.kind == "person" and words:
                    by_surname.setdefault(words[-1], a.id)
            bodies = [(_norm(a.name), a.id) for a in self.actors.values() if a.kind != "person" and _norm(a.name)]
            self._names_of = (self.actors, by_name, by_surname, bodies)
        return self._names_of[1:]

    def actor_by_head(self, token: Token) -> str | None:
        """'the union' → the one organization or government whose name ends in that noun ("The pilots'
        union"); None when no actor or several do."""
        if token.pos_ != "NOUN":
            return None
        head = token.lemma_.lower()
        found = {a.id for a in self.actors.values() if a.kind in ("organization", "government")
                 and any(_norm(n).split()[-1:] == [head] for n in [a.name, *a.aliases] if _norm(n))}
        return found.pop() if len(found) == 1 else None

    def speaks_for(self, actor_id: str | None, org_id: str | None, quote: Quote | None = None) -> bool:
        """Does the actor speak for the other: the same actor; someone named by the body's word ("a
        council spokesman" for the council, "union chair Olu Bakare" for the pilots' union); or, right
        after the body was named, "its spokesman"."""
        if not actor_id or not org_id:
            return False
        if actor_id == org_id:
            return True
        if quote is None:  # through a body between them: a ministry's spokesperson speaks for its state
            reach = self._reach.get(actor_id)
            if reach is None:  # once per actor (issue 19: asked for every pair of claims in a long article)
                direct = self._direct(actor_id)
                reach = self._reach[actor_id] = direct.union(*(self._direct(m) for m in direct))
            return org_id in reach
        return self._speaks_directly(actor_id, org_id, quote)

    def _direct(self, actor_id: str) -> frozenset[str]:
        """The actors `actor_id` speaks for directly, worked out once per actor (a long article has
        thousands of claims and asks about the same pairs again and again)."""
        found = self._speaks.get(actor_id)
        if found is None:
            found = self._speaks[actor_id] = frozenset(
                m for m in self.actors if m != actor_id and self._speaks_directly(actor_id, m))
        return found

    def _speaks_directly(self, actor_id: str, org_id: str, quote: Quote | None = None) -> bool:
        actor, org = self.actors.get(actor_id), self.actors.get(org_id)
        if actor is not None and org is not None and (_agent_of(actor, org) or _same_agent(actor, org)
                                                      or _state_office(actor, org)):
            return True
        if actor is None or org is None or org.kind == "person" or actor.kind not in ("person", "unnamed"):
            return False
        heads, own = self._heads_of(org), self._own_words(actor)
        if heads & own:
            return True
        if actor.kind == "unnamed":  # "a company spokeswoman" for the company just named
            bodies = resources.wordset("org_nouns.txt") | resources.wordset("government_nouns.txt")
            if own & bodies and quote is not None and (quote.speaker_text or "").lower().split()[:1] in (["a"], ["an"], ["the"]):
                return True
        said_by = (quote.speaker_text or "") if quote is not None else ""
        return said_by.lower().split()[:1] in (["its"], ["their"])

    def _heads_of(self, org: Actor) -> frozenset[str]:
        """The head words of a body's names, once per body (asked for every pair of actors)."""
        found = self._heads.get(org.id)
        if found is None:
            found = self._heads[org.id] = frozenset(h for n in [org.name, *org.aliases] if _norm(n) and len(_norm(n)) > 3
                                                    for h in (_norm(n).split()[-1], _head_word(n)))
        return found

    def _own_words(self, actor: Actor) -> frozenset[str]:
        """The words of an actor's current names and titles, once per actor."""
        found = self._words.get(actor.id)
        if found is None:
            found = self._words[actor.id] = frozenset(w for n in _current(actor) for w in _norm(n).split())
        return found

    def voice_of(self, actor_id: str | None) -> str | None:
        """The body a person or unnamed source speaks for by its title or name ("State Department
        spokeswoman Heather Nauert", "a Qatari foreign ministry spokesman"), the most specific one: a
        ministry before its state; and the state a state's body speaks for. None for outlets and for
        those who speak for no body here."""
        actor = self.actors.get(actor_id) if actor_id else None
        if actor is None or actor.kind == "outlet":
            return None
        if actor.kind in ("person", "unnamed"):
            bodies = [b for b in self.actors.values() if b.kind in ("organization", "government")
                      and b.id in self._direct(actor_id)]
        else:  # a state's body speaks for its state: "the Israeli Defence Force" for Israel
            bodies = [b for b in self.actors.values() if b.kind == "government" and b.id != actor_id
                      and _state_office(actor, b)]
        states = set(resources.mapping("governments.json")["names"].values())
        bodies.sort(key=lambda b: b.name in states)  # stable: the article's order among the rest
        return bodies[0].id if bodies else None

    def same_side(self, a: str | None, b: str | None) -> bool:
        """One side of a disagreement: the same actor, or one speaking for the other either way."""
        return bool(a and b) and (a == b or self.speaks_for(a, b) or self.speaks_for(b, a))

    def actor_of_token(self, token: Token) -> str | None:
        """A subject or possessor token to an actor id; pronouns to the latest compatible actor."""
        low = token.lower_
        if low in PRONOUNS:
            return self.latest_actor_before(token.idx, person=low in PERSON_PRONOUNS)
        span = _noun_phrase(token)
        # the mention at the head word first: "Norvik chief executive Ola Brenn" is Brenn, not Norvik
        actor = self._mention_at(token.idx) or self.actor_of_span(span.start_char, span.end_char)
        if actor:
            return actor
        if token.lemma_.lower() in OUTLET_HEADS:
            return self.latest_actor_before(token.idx, kinds={"outlet"})
        return None

    def latest_actor_before(self, offset: int, person: bool = False, kinds: set[str] | None = None) -> str | None:
        """The actor mentioned (or quoted) last before `offset`."""
        best: tuple[int, str] | None = None
        for a in self.actors.values():
            if person and a.kind != "person":
                continue
            if kinds and a.kind not in kinds:
                continue
            for m in a.mentions:
                if m.end <= offset and (best is None or m.start > best[0]):
                    best = (m.start, a.id)
        for q in self.quotes:
            a = self.actors.get(q.speaker or "")
            if a is None or (person and a.kind != "person") or (kinds and a.kind not in kinds):
                continue
            pos = q.speaker_start if q.speaker_start is not None else q.start
            if pos < offset and (best is None or pos > best[0]):
                best = (pos, a.id)
        if best is None and not person and not kinds:
            return None
        return best[1] if best else None


def _agent_nouns() -> tuple[str, ...]:
    return tuple(sorted(resources.wordset("claim_agent_nouns.txt"), key=len, reverse=True))


def _agent_of(actor: Actor, org: Actor) -> bool:
    """"the prime minister's official spokesman" speaks for the actor called the prime minister;
    "Trump's lawyer" for Trump."""
    return bool(_principals((actor.name, *actor.aliases)) & _bare_names((org.name, *org.aliases, *org.titles)))


@functools.lru_cache(maxsize=4096)
def _principals(names: tuple[str, ...]) -> frozenset[str]:
    """Whom names of the form "X's spokesman", "X's lawyer" name as X (read once per actor)."""
    agent = re.compile(r"(?:the |a |an )?(.+?)['’]s? (?:[\w-]+ )?(" + "|".join(map(re.escape, _agent_nouns())) + r")$")
    return frozenset(_bare(m.group(1)) for n in names if (m := agent.match(_norm(n))))


@functools.lru_cache(maxsize=4096)
def _bare_names(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(b for n in names if (b := _bare(n)))


def _current(actor: Actor) -> list[str]:
    """The actor's names and titles that say what it is now: "the former Foreign Office permanent
    secretary" speaks for the Foreign Office no longer."""
    return [n for n in [actor.name, *actor.aliases, *actor.titles]
            if not re.search(r"\b(former|ex|retired|onetime|one-time)\b", _norm(n))]


def _head_word(name: str) -> str:
    """The head of a body's name: its last word, before an "of" ("Ministry of Foreign Affairs": ministry)."""
    words = _norm(name).split()
    cut = next((i for i, w in enumerate(words) if w in ("of", "for") and i > 0), len(words))
    return words[cut - 1]


def _state_office(actor: Actor, state: Actor) -> bool:
    """"Qatari foreign ministry spokesman Majed al-Ansari" speaks for Qatar: a title holding the country's
    adjective (or name) and a word of a state office; "American journalist" holds no office."""
    table = resources.mapping("governments.json")
    country = next((table["names"].get(n) for n in [state.name, *state.aliases] if n in table["names"]), None)
    if country is None or actor.kind in ("outlet", "place") or actor.id == state.id:
        return False
    marks = _marks_of(country)
    offices = _state_words()
    for title in _current(actor):
        if _office_of_a_named_body(title):
            continue  # "The president of the Federation of Indian Pilots": the federation's office, not India's
        low = _norm(title).replace("’s", "").replace("'s", "")
        words = set(low.split())
        if words & offices and any(re.search(rf"\b{re.escape(m)}\b", low) for m in marks):
            return True
    return False


def _office_of_a_named_body(title: str) -> bool:
    """'president of the Federation of Indian Pilots': an office 'of' a capitalised name that is no state
    body ('Minister of Foreign Affairs of Qatar' holds a state office)."""
    m = re.search(r"\bof (the )?([A-Z][\w-]+(?: [A-Z][\w-]+| of| for| and)* [A-Z][\w-]+)", title)
    return m is not None and not set(_norm(m.group(2)).split()) & _state_words()


@functools.lru_cache(maxsize=None)
def _marks_of(country: str) -> frozenset[str]:
    """A country's name and adjectives, lower-case ("qatar", "qatari")."""
    table = resources.mapping("governments.json")
    return frozenset({d.lower() for d, c in table["demonyms"].items() if c == country} | {country.lower()})


@functools.lru_cache(maxsize=1)
def _state_words() -> frozenset[str]:
    """Words of a state office: ministries, armies, envoys, spokespeople of a government."""
    return frozenset({"minister", "ministry", "ambassador", "envoy", "embassy", "army", "military", "spokesman",
                      "spokeswoman", "spokesperson", "official", "government", "president", "diplomat", "foreign",
                      "defence", "defense", "interior", "cabinet"}) | resources.wordset("government_nouns.txt")


def _same_agent(actor: Actor, other: Actor) -> bool:
    """A bare "the spokesperson" is the spokesperson already named ("the prime minister's spokesman")."""
    spokes = {"spokesman", "spokeswoman", "spokesperson"}
    bare = {n.lower().strip() for n in [actor.name, *actor.aliases]}  # "the", not "a": one already named
    return actor.kind == "unnamed" and bool(bare & {f"the {w}" for w in spokes}) and \
        any(_norm(n).split()[-1:] and _norm(n).split()[-1] in spokes for n in [other.name, *other.aliases])


def _bare(name: str) -> str:
    words = _norm(name).split()
    return " ".join(words[1:] if words[:1] in (["the"], ["a"], ["an"]) else words)


def _noun_phrase(token: Token) -> Span:
    """The token's phrase without relative clauses or appositions (names stay whole)."""
    left = min((t for t in token.subtree if t.i <= token.i and t.dep_ in ("compound", "amod", "det", "poss",
                                                                          "nmod", "flat")),
               key=lambda t: t.i, default=token)
    doc = token.doc
    right = token.i
    while right + 1 < len(doc) and doc[right + 1].dep_ in ("flat", "compound") and doc[right + 1].head == token:
        right += 1
    return doc[left.i:right + 1]


@functools.lru_cache(maxsize=1 << 16)
def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").lower()
    text = text[:-2] if text.endswith("'s") else text
    return " ".join(w for w in text.replace(",", " ").split() if w not in ("the", "a", "an"))


def actor_name(actors: dict[str, Actor] | list[Actor], actor_id: str | None, outlet: str | None = None) -> str:
    """How a summary names a source."""
    if actor_id is None:
        return outlet or "the article"
    table = actors if isinstance(actors, dict) else {a.id: a for a in actors}
    actor = table.get(actor_id)
    return actor.name if actor else actor_id.replace("-", " ").title()
