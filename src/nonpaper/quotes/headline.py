"""Stage 6: headline quotations (start/end null, field "title" or "subtitle").

It decides that a headline of the form `Name: claim`, `Name on topic: claim`, `Name says/urges/calls
for …` or `…, Name says` quotes Name, that a label ("Analysis:", "EXCLUSIVE –") names no one, and that a
speaker named only in the headline is a body (or a role) added to the registry.
"""
from __future__ import annotations

import functools
import re

from ..actors import org_kind, same_org
from ..lexicon import speech_verbs, wordset
from ..model import Quote
from ..text.names import is_title_word, strip_det
from .context import Context
from .cues import cue_lemma_of, cue_lemmas


TITLE_QUOTE = re.compile(r"^\s*([A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})\s*:\s+(\S.+)$")


TITLE_SAYS = re.compile(r"^\s*((?:[A-Z][\w’'.\-]*\s+){0,4}?[A-Z][\w’'.\-]*)\s+"
                        r"(says|say|said|warns|claims|insists|vows|admits|denies|predicts|tells\s+\w+(?:\s+\w+)?):?\s+(\S.+)$",
                        re.IGNORECASE)


def title_quotes(ctx: Context) -> list[Quote]:
    """Stage 6: the quotations of the title and subtitle, each part of a headline ("…; …") on its own."""
    out = []
    art = ctx.parsed.article
    for field_name, line in (("title", art.title), ("subtitle", art.subtitle)):
        # "Lawmaker urges retaliation on Russia; Member of House panel says …": two headlines in one line
        for part in (p.strip() for p in (line or "").split(";")):
            found = _headline_quote(part)
            if found is None:
                continue
            who, cue, content, confidence = found
            if re.search(r"\d{4}-\d\d-\d\d", who):
                continue  # "date 2025-09-23 Mysterious Object Found …": a date label opens no name
            if cue == ":" and ctx.registry.govs.get(who.strip()) == who.strip():
                continue  # "France: No-confidence vote passes": the country the news is from, a section label
            actor = ctx.registry.resolve(who) or _headline_actor(ctx, who)
            form = cue.lower().strip(",:")
            lemma = _headline_cue_forms().get(form) or cue_lemma_of(form) or form  # ("…, authorities said.")
            out.append(Quote(id="", kind="indirect", text=content, start=None, end=None, speaker=actor,
                             speaker_text=who, cue=cue, field=field_name, confidence=confidence,  # type: ignore[arg-type]
                             stance=cue != ":" and lemma not in speech_verbs("clause")))  # ("Hits Out At X": a stance)
    return out


TITLE_ON = re.compile(r"^\s*([A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,2})\s+(?:on|to)\s+[^:]{2,60}?:\s+(\S.+)$")


OPENING_PHRASE = re.compile(r"^[A-Z]\w+ing\b[^,:;]{0,60},\s+(?=[A-Z])")


def _headline_quote(line: str) -> tuple[str, str, str, float] | None:
    """(who, cue, content, confidence) of one headline, or None when it reports no one."""
    if not line:
        return None
    said = TITLE_SAYS.match(line)
    if said and said.group(1)[:1].isupper() and not TITLE_QUOTE.match(line) and not HEADLINE_TRAILING.match(line):
        # ("Sleep app claims fail in trial, researchers say": the trailing attribution names who speaks)
        return said.group(1).strip(), said.group(2), said.group(3).strip(), 0.6
    line = _strip_label(line)
    on = TITLE_ON.match(line)
    if on and not TITLE_QUOTE.match(line) and not _is_label(on.group(1)):
        return on.group(1), ":", on.group(2).strip(), 0.6  # "Obama on Climate Change: The Trends Are 'Terrifying.'"
    m = TITLE_QUOTE.match(line)
    if m and not _is_label(m.group(1)):
        return m.group(1), ":", m.group(2).strip(), 0.7
    if m is not None:
        line = m.group(2)  # a label before the colon: the claim after it
    elif ":" in line:
        line = line.split(":", 1)[1]  # "Ah, friends once more: Ted Cruz endorses Trump"
    line = OPENING_PHRASE.sub("", line.strip())  # "Railing Against Trump, Sanders Vows To …"
    found = _headline_report(line)
    if found is None:
        return None
    who, cue, content = found
    content = re.sub(r",\s+(?:who|which)\s.*$", "", content)  # "Trump, who says he is honored"
    return who, cue, content, 0.5


LABEL_DASH = re.compile(r"^\s*([A-Z][\w&]*(?:\s+[A-Z][\w&]*)?)\s+[–—-]\s+(?=\S)")


LABEL_VERBS = frozenset({"is", "are", "was", "were", "has", "have", "for"})


def _is_label(prefix: str) -> bool:
    """A headline prefix that labels the piece ("Analysis", "The Latest", "Delegate Update", "FIX IS IN")
    rather than naming who speaks."""
    words = prefix.lower().split()
    labels = wordset("headline_labels.txt")
    return prefix.lower() in labels or (words[-1] in labels) or any(w in LABEL_VERBS for w in words)


def _strip_label(line: str) -> str:
    """"EXCLUSIVE – Roger Stone: Don't trust …" is Roger Stone's headline under a label."""
    m = LABEL_DASH.match(line)
    return line[m.end():] if m and _is_label(m.group(1)) else line


HEADLINE_TRAILING = re.compile(r"^(?P<content>.{12,}?),\s+(?P<who>(?:[\w’'.\-]+\s+){0,5}?[\w’'.\-]+)\s+"
                               r"(?P<cue>says|say|said|warns|claims|insists|argues|reports|reported|finds|found|suggests|writes|wrote|told)\.?$",
                               re.IGNORECASE)


HEADLINE_AUX = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may"})


HEADLINE_NOT_WHO = frozenset({"a", "an", "the", "one", "two", "three", "new", "this", "that", "every", "no", "my", "our",
                              "his", "her", "their", "your"})


@functools.lru_cache(maxsize=1)
def _headline_cue_forms() -> dict[str, str]:
    """Third-person and plural forms of the cue verbs ("calls", "urges", "questions") -> lemma."""
    forms = {}
    for lemma in sorted((cue_lemmas() | wordset("headline_cue_verbs.txt")) - wordset("headline_not_cues.txt")):
        for form in (lemma, lemma + "s", lemma + "es", lemma[:-1] + "ies" if lemma.endswith("y") else None):
            if form:
                forms.setdefault(form, lemma)
    return forms


def _headline_report(line: str) -> tuple[str, str, str] | None:
    """(who, cue, content) of a headline that reports someone: "Lawmaker urges retaliation on Russia",
    "Clinton Hid Health Problems, Former Doctor Says"."""
    line = line.strip().rstrip(".;")
    m = HEADLINE_TRAILING.match(line)
    if m:
        return m.group("who"), m.group("cue"), m.group("content").strip()
    words = line.split()
    forms = _headline_cue_forms()
    for i, word in enumerate(words[1:6], 1):
        w = word.lower().strip(",:")
        if w in forms and not word.endswith((",", ":")) and i + 1 < len(words):
            who = " ".join(words[:i]).strip(",")
            if not who or who.lower() in wordset("headline_labels.txt") or who.split()[0].lower() in ("how", "why", "what", "when"):
                return None
            if len(who.split()) == 1 and who.lower() in HEADLINE_NOT_WHO:
                continue  # "One Tweet Sums Up …": "Tweet" is the noun after a number, not a cue
            if words[i + 1].lower() in HEADLINE_AUX:
                continue  # "The harbour vote was held …": a noun before the verb, not a cue
            if words[i - 1].lower() in wordset("headline_noun_verbs.txt"):
                return None  # "Ostrava and Velm trade blame over …": the cue word is a noun
            if "-" in words[i - 1].strip("-") and words[i - 1].islower():
                continue  # "Le Pen leads no-confidence charge against …": a compound's noun, not a cue
            rest = words[i + 1:]
            if len(rest) > 1 and rest[0].lower() in ("out", "back") and rest[1].lower() in ("at", "against"):
                rest = rest[1:]  # "Hits Out At US Chip Export Controls", "Fires Back At …"
            if rest and rest[0].lower() in ("for", "on", "about", "against", "at") and forms[w] != "say":
                # "calls for", "worries about": the cue takes its preposition, and what follows is an
                # object, a stance ("Sen. Cassidy worries about RFK's rhetoric"), not a proposition
                return who, f"{word} {rest[0]}", " ".join(rest[1:])
            return who, word, " ".join(rest)
        if word.endswith((",", ":")):
            return None
    return None


def _headline_actor(ctx: Context, name: str) -> str:
    """A speaker named only in the headline ("Poll: …", "NY Post: …"): a body, by its words."""
    name = strip_det(name)
    for known in ctx.registry.actors():
        if known.kind != "person" and same_org(known.name, name):
            return known.id  # "Council" in the headline, "Castrel City Council" in the body
    if is_title_word(name.split()[-1]) or name.split()[-1].lower() in wordset("anonymous_heads.txt"):
        return ctx.registry.add(name, "unnamed")  # "Culture committee chair", "sources": a role or a source, not a body
    actor = ctx.registry.add(name, "organization")
    ctx.registry.get(actor).kind = org_kind(name, None)  # type: ignore[assignment]
    return actor
