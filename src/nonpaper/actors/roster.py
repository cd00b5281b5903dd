"""The actors of one article (`ActorRegistry`), where each is mentioned, and which of them a piece
of text names without its parse: a name, alias or surname, a title, a country, "the paper" or "the
company" (the latest body of that kind), or a pronoun (the most salient compatible person before it).

The pronoun rules follow docs/design.md: speakers outrank other people, subjects outrank objects,
recent outranks old; gender only from honorifics, gendered role nouns and possessives.
"""
from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from typing import NamedTuple

from ..lexicon import mapping, wordlist, wordset
from ..model import Actor, Mention
from ..text.names import gender_of_words, honorific, is_title_word, norm_key, slug, strip_det


@dataclass
class Seen:
    """One mention of an actor, with what salience needs (position, role in the clause)."""
    actor: str
    start: int
    end: int
    subject: bool = False
    speaker: bool = False


class PronounUse(NamedTuple):
    """A he/she resolved to an actor: where it was, whom it was taken for, and its gender ("m"|"f")."""
    position: int
    actor: str
    gender: str


class ActorRegistry:
    """The actors of one article and the mentions that point to them."""

    def __init__(self) -> None:
        self._actors: dict[str, Actor] = {}
        self._seen: list[Seen] = []
        self._sorted: list[Seen] | None = None
        self._at: dict[tuple[str, int], Seen] = {}  # (actor, start) -> its Seen: `note` finds it at once
        self._mentioned: set[tuple[str, int]] = set()  # (actor, start) of each Mention `note` added
        self._index: dict[str, set[str]] = {}
        self.gender: dict[str, str] = {}  # actor id -> "m" | "f"
        self.govs: dict[str, str] = {}  # surface form -> country, with the article's invented countries
        self.singular: set[str] = set()  # unnamed actors that are one person ("a local doctor"): he/she can be them
        self.groups: set[str] = set()  # unnamed actors that are several people ("officials at the union"): "they"
        self.pronouns: list[PronounUse] = []  # resolved he/she, in the order resolved

    # -- reading ---------------------------------------------------------------------------
    def actors(self) -> list[Actor]:
        return list(self._actors.values())

    def get(self, actor_id: str | None) -> Actor | None:
        return self._actors.get(actor_id) if actor_id else None

    def seen(self) -> list[Seen]:
        if self._sorted is None:
            self._sorted = sorted(self._seen, key=lambda s: s.start)
        return self._sorted

    def resolve(self, text: str, start: int | None = None) -> str | None:
        """The actor id a surface mention stands for ("Putin", "Moscow", "the paper", "he"), or None."""
        return resolve_text(self, text, start)

    # -- building --------------------------------------------------------------------------
    def add(self, name: str, kind: str, *, alias: str | None = None, title: str | None = None) -> str:
        """The id of the actor called `name` (created if new); `alias`/`title` are merged in."""
        name = name.lstrip("-–—― ") or name  # ("-Police in Montenegro": the dash of a dateline glued to it)
        actor_id = slug(name)
        actor = self._actors.get(actor_id)
        if actor is None:
            actor = Actor(id=actor_id, name=name, kind=kind)  # type: ignore[arg-type]
            self._actors[actor_id] = actor
            self.add_alias(actor_id, name)
        if alias:
            self.add_alias(actor_id, alias)
        if title:
            self.add_title(actor_id, title)
        return actor_id

    def add_alias(self, actor_id: str, alias: str) -> None:
        actor = self._actors.get(actor_id)
        alias = " ".join((alias or "").split()).strip(" ,;:").lstrip("-–—― ")
        if not actor or not any(ch.isalpha() for ch in alias) or alias.lower() in wordset("pronouns.txt"):
            return  # ("-" left of "Kall -- co-editor of …" is no name)
        if alias.lower() not in {a.lower() for a in actor.aliases}:
            actor.aliases.append(alias)
        for key in (norm_key(alias), norm_key(strip_det(alias))):
            self._index.setdefault(key, set()).add(actor_id)

    def ids_by_alias(self, key: str) -> set[str]:
        """Actors with a name or alias whose normalised form (`norm_key`) is `key`."""
        return self._index.get(key, set())

    def add_title(self, actor_id: str, title: str) -> None:
        actor = self._actors.get(actor_id)
        title = " ".join((title or "").split()).strip(" ,;:")
        if actor and title and title.lower() not in {t.lower() for t in actor.titles}:
            actor.titles.append(title)
        if actor and actor_id not in self.gender:
            g = gender_of_words(title.lower().split())
            if g:
                self.gender[actor_id] = g

    def note(self, actor_id: str, start: int, end: int, text: str | None = None, *,
             subject: bool = False, speaker: bool = False) -> None:
        """Record a mention of an actor at [start, end) (salience for pronouns and role nouns)."""
        if actor_id not in self._actors:
            return
        # by dict and a sorted insert, not a scan and a re-sort of every mention so far (issue 19)
        s = self._at.get((actor_id, start))
        if s is not None:
            s.subject |= subject
            s.speaker |= speaker
            return
        s = self._at[(actor_id, start)] = Seen(actor_id, start, end, subject, speaker)
        self._seen.append(s)
        if self._sorted is not None:  # a copy: a caller may be iterating the list `seen` gave it
            self._sorted = self._sorted.copy()
            insort(self._sorted, s, key=_start)  # after equal starts, as the stable sort
        if text is not None and (actor_id, start) not in self._mentioned:
            self._mentioned.add((actor_id, start))
            self._actors[actor_id].mentions.append(Mention(text=text, start=start, end=end))


BODY_KINDS = ("organization", "outlet", "government")


@functools.lru_cache(maxsize=1)
def pronoun_table() -> dict[str, str]:
    return dict(l.split("\t") for l in wordlist("pronouns.txt") if "\t" in l)


def add_mention_alias(registry: ActorRegistry, actor_id: str, text: str) -> None:
    text = text.strip()
    if text and text.lower() not in pronoun_table() and len(text) < 100:
        registry.add_alias(actor_id, text)


def actor_at(registry: ActorRegistry, start: int, end: int) -> str | None:
    """The actor of the first mention (by start) overlapping [start, end): by bisect over the mentions,
    from the first that could reach `start` (the longest mention so far bounds how far back that is,
    kept up from the mentions added since), not a scan of every one (issue 19)."""
    seen = registry.seen()
    done, longest = getattr(registry, "_longest_seen", (0, 0))
    if done < len(registry._seen):
        longest = max([longest] + [s.end - s.start for s in registry._seen[done:]])
        registry._longest_seen = (len(registry._seen), longest)  # type: ignore[attr-defined]
    for k in range(bisect_right(seen, start - longest, key=_start), bisect_left(seen, end, key=_start)):
        if seen[k].end > start:
            return seen[k].actor
    return None


def resolve_text(registry: ActorRegistry, text: str, start: int | None = None) -> str | None:
    """Text-only resolution (for other stages): names, aliases, surnames, governments, pronouns,
    role nouns and "the paper"."""
    raw = " ".join((text or "").split()).strip(" ,.;:\"“”")
    if not raw:
        return None
    low = norm_key(raw)
    low_nodet = norm_key(strip_det(raw))
    pos = start if start is not None else 10 ** 9
    if low in pronoun_table():
        return resolve_pronoun(registry, low, pos) if start is not None else None
    matches = registry.ids_by_alias(low) | registry.ids_by_alias(low_nodet)
    if matches:
        return _nearest(registry, sorted(matches), pos)
    govs = registry.govs or mapping("governments.json")["names"]
    country = govs.get(raw) or govs.get(strip_det(raw))
    if country:
        if registry.get(slug(country)):
            return slug(country)
        return registry.add(country, "government", alias=strip_det(raw))
    words = low_nodet.split()
    if not words:
        return None
    # surname or a person's name without its title ("President Trump"), not a phrase that merely ends
    # in a name ("One pastor supporting Mr. Cruz" is the pastor, not Cruz)
    last = words[-1]
    hits = [a.id for a in _by_last_word(registry).get(last, ()) if a.kind == "person"]
    if hits and _name_like(strip_det(raw).split()[:-1]):
        return _nearest(registry, hits, pos)
    head = words[-1]
    if is_title_word(head) and _name_like(strip_det(raw).split()[:-1]):  # ("a person close to the mayor": not her)
        persons = [a for a in registry.actors() if a.kind == "person"]
        hits = [a.id for a in persons if any(re.search(rf"\b{re.escape(head)}\b", t.lower()) for t in a.titles)]
        if hits:
            return _nearest(registry, hits, pos)
    kind = ("outlet" if head in wordset("outlet_nouns.txt") else
            "organization" if head in wordset("org_nouns.txt") else
            "government" if head in wordset("government_nouns.txt") else None)
    if kind and raw.lower().startswith(("the ", "this ")):
        return latest_of_kind(registry, pos, kind, head_word=head)
    return None


def _by_last_word(registry: ActorRegistry) -> dict[str, list[Actor]]:
    """Every actor (of any kind: a kind can change, a name cannot) by the last word of its name, in the
    registry's order, kept up from the actors added since: a lookup per mention read every person
    (issue 19)."""
    done, index = getattr(registry, "_last_words", (0, {}))
    if done < len(registry._actors):
        for actor in itertools.islice(registry._actors.values(), done, None):
            words = norm_key(actor.name).split()
            if words:
                index.setdefault(words[-1], []).append(actor)
        registry._last_words = (len(registry._actors), index)  # type: ignore[attr-defined]
    return index


@functools.lru_cache(maxsize=4096)
def _last_word(name: str) -> str:
    """The normalised last word of a name: asked of every person at every lookup, computed once."""
    return norm_key(name).split()[-1]


NAME_PREMODIFIERS = {"former", "foreign", "deputy", "vice", "acting", "interim", "then", "late", "of", "the"}


def _name_like(words: list[str]) -> bool:
    """Are the words before a surname part of a name or its title ("Deputy Mayor Ana", "former
    president")?"""
    return all(w[:1].isupper() or is_title_word(w) or honorific(w) or w.lower() in NAME_PREMODIFIERS
               or not any(ch.isalpha() for ch in w) for w in words)


def _nearest(registry: ActorRegistry, ids: list[str], pos: int) -> str:
    """Of several candidate actors, the one mentioned last before `pos` (else the first)."""
    if len(ids) == 1:
        return ids[0]
    # backwards from `pos`: the latest mention of one of them (the first noted at that place), not a
    # scan of every mention (issue 19)
    seen, wanted = registry.seen(), set(ids)
    best, best_pos = ids[0], -1
    for k in range(bisect_right(seen, pos, key=_start) - 1, -1, -1):
        s = seen[k]
        if s.start < best_pos:
            break
        if s.actor in wanted:
            best, best_pos = s.actor, s.start
    return best


NEWCOMER_WINDOW = 300  # characters: about two sentences
RECENT_PRONOUN = 300  # characters within which a person called "she" cannot also be "he"


def resolve_pronoun(registry: ActorRegistry, pronoun: str, position: int, *, sentence_start: int | None = None,
                    paragraph_start: int | None = None, quoted: list[tuple[int, int]] = (),
                    window: int = 1500, unnamed: bool = True) -> str | None:
    """he/she → a person (or an unnamed source who is one person: "a local doctor"); they/it → an
    organization or government, and "they" also a group of unnamed people ("Officials at the union said
    …. They said …"); named people in the plural are left open. `quoted`: ranges inside quotation
    marks, whose names are the quoted speaker's words, not antecedents."""
    table = pronoun_table()
    gender = table.get(pronoun.lower()) if pronoun else "x"  # "x": a person of either gender (an epithet)
    if gender in ("m", "f", "x"):
        kinds = ("person",)
    elif gender in ("p", "n"):
        kinds = ("organization", "government", "outlet")
    else:
        return None
    # the mentions in the window before the pronoun, by bisect: not a scan of every mention (issue 19)
    seen = registry.seen()
    near = seen[bisect_left(seen, position - window, key=_start):bisect_left(seen, position, key=_start)]
    cands = [s for s in near if s.start < position and position - s.start <= window
             and (registry.get(s.actor).kind in kinds or (gender in ("m", "f") and unnamed and s.actor in registry.singular)
                  or (gender == "p" and s.actor in registry.groups))
             and not any(a <= s.start < b for a, b in quoted)]
    if gender in ("m", "f"):
        # "She accused him of …. He replied …": whom a reader has just taken for "she" is not "he"
        just = {a for p, a, g in registry.pronouns if g != gender and 0 < position - p <= RECENT_PRONOUN}
        cands = [s for s in cands if registry.gender.get(s.actor, gender) == gender and s.actor not in just]
    if not cands:
        return None
    if sentence_start is not None:  # "Devereaux … said he was proud": the subject of the same sentence
        same = [s for s in cands if s.start >= sentence_start and s.subject]
        if same:
            return same[-1].actor
    speakers = [s for s in cands if s.speaker]
    if speakers and paragraph_start is not None:
        # "Kovar was blunter. “…,” she said": a person brought in after the last speaker, in the same paragraph
        newer = [s for s in cands if s.subject and s.start > speakers[-1].start and s.start >= paragraph_start
                 and position - s.start <= NEWCOMER_WINDOW]
        if newer:
            return newer[-1].actor
        subjects = [s for s in cands if s.subject]
        if subjects and subjects[-1].actor == speakers[-1].actor and subjects[-1].start > speakers[-1].start:
            # "Cassidy asked …. When Kennedy didn't answer, Cassidy interrupted him. “…,” he said": the last
            # speaker, the subject again just before, is still the one speaking
            return speakers[-1].actor
        if gender in ("m", "f") and registry.gender.get(speakers[-1].actor) != gender:
            # "Mbeki, 19, was making her second start. / “I just closed my eyes,” she said": a person
            # known to be a woman, brought in after the last speaker (whose gender is open), is "she"
            known = [s for s in cands if s.subject and s.start > speakers[-1].start
                     and registry.gender.get(s.actor) == gender and position - s.start <= 2 * NEWCOMER_WINDOW]
            if known:
                return known[-1].actor
    if speakers:
        return speakers[-1].actor
    subjects = [s for s in cands if s.subject]
    if subjects:
        return subjects[-1].actor
    return cands[-1].actor


def _start(seen: Seen) -> int:
    return seen.start


def latest_of_kind(registry: ActorRegistry, before: int, kind: str, head_word: str = "") -> str | None:
    """The most salient actor of a kind before a position: an earlier speaker first, then the latest."""
    kinds = {"outlet": ("outlet",), "organization": ("organization", "government"),
             "government": ("government", "organization")}[kind]
    seen = [s for s in registry.seen() if s.start < before and registry.get(s.actor).kind in kinds]
    if head_word and kind != "outlet":
        # "the ministry", "the agency", "the board": the latest body whose name has the word, of any kind
        named = [s for s in registry.seen() if s.start < before and registry.get(s.actor).kind in BODY_KINDS
                 and (head_word in registry.get(s.actor).name.lower().split()
                      or _named_with(registry.get(s.actor), head_word))]
        if named:
            return named[-1].actor
        if kind == "government" and not any(registry.get(s.actor).kind == "government" for s in seen):
            return None  # "the ministry" with no government named: not the company of the story
        if head_word in wordset("named_body_nouns.txt"):
            return None  # "the board" when only the teachers' union was named: a body of its own
    if kind == "outlet" and not seen:
        outlets = [a for a in registry.actors() if a.kind == "outlet"]
        return outlets[0].id if len(outlets) == 1 else None
    if kind == "outlet" and any(s.speaker for s in seen):
        # "the newspaper reported" is the outlet already reporting ("the Financial Times reported"), not
        # the wire that names it in passing ("Reuters could not immediately verify the FT report")
        return [s for s in seen if s.speaker][-1].actor
    if not seen:
        return None
    if kind == "organization" and head_word != "statement":
        speakers = [s for s in seen if s.speaker and registry.get(s.actor).kind == "organization"]
        if speakers:
            return speakers[-1].actor
        orgs = [s for s in seen if registry.get(s.actor).kind == "organization"]
        if orgs:
            return orgs[-1].actor
    if head_word == "statement":
        orgs = [s for s in seen if registry.get(s.actor).kind == "organization"]
        if orgs:
            return orgs[-1].actor
    if kind == "government":  # "the government" after Velmar and then its transport workers' union: Velmar
        govs = [s for s in seen if registry.get(s.actor).kind == "government"]
        if govs:
            return govs[-1].actor
    return seen[-1].actor


def _named_with(actor, noun: str) -> bool:
    """An alias that is the body's own name followed by the noun ("Sorran Harmonicare hospital", from
    "the Sorran Harmonicare hospital" with only the name tagged): "the hospital" later is this body."""
    names = {n.lower() for n in [actor.name] + actor.aliases}
    return any(a.lower().endswith(" " + noun) and a.lower()[:-len(noun) - 1] in names for a in actor.aliases)
