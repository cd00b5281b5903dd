"""Stage 3, which tokens are reporting cues: an ordered tuple of detectors, one per kind of cue.

Each detector claims the tokens of its kind (`claims`) and finds the cue of a claimed token (`find`):
a `Cue` with the subject that speaks, or None when the subject stands inside a quotation or cannot
speak. A token goes to the first detector that claims it and to no other, so the order of `DETECTORS`
is a precedence: the set phrases ("according to X", "in X's view", "made the point that") before the
nouns and adjectives of stance, those before verbs outside the lexicon (a quoted label, a verb at a
quotation, a "that" clause), and the verbs of the lexicon last (textacy's `DQTriple` detectors are
the model).
"""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Callable, Iterator, NamedTuple

from ..actors import subject_of
from ..lexicon import wordset
from .context import Context, close_by
from .cues import (as_put_it, attitude_only, before_colon, cue_lemmas, cue_text, human, in_idiom, labels_as_quoted,
                   made_point, noun_object, reports_a_clause, sees_as, source_like, stance_adjective, verb_tagged_noun,
                   view_phrase)

if TYPE_CHECKING:
    from spacy.tokens import Token


class Cue(NamedTuple):
    """A reporting cue found in the parse, before its speaker is resolved."""
    at: int  # where it sorts among the cues: the offset of its first token
    token: Token  # the cue token ("said", "view", "according", "worried")
    subject: Token  # who speaks, as the parse gives it
    text: str  # the cue as shown: "according to", "In Kellan's view", "pointed out"
    start: int
    end: int


class Detector(NamedTuple):
    """One kind of cue: whether a token is of this kind, and the cue it gives."""
    name: str
    claims: Callable[[Context, Token], bool]
    find: Callable[[Context, Token], Cue | None]


def _at_token(tok: Token, subj: Token, text: str) -> Cue:
    """A cue that is the token itself."""
    return Cue(tok.idx, tok, subj, text, tok.idx, tok.idx + len(tok.text))


def _can_speak(ctx: Context, subj: Token | None, like: Callable[[Token], bool] = human) -> bool:
    """The subject stands outside the quotations and is a speaker (`like`) or a name."""
    return subj is not None and not ctx.in_direct(subj.idx) and (like(subj) or subj.pos_ == "PROPN" or _known_name(ctx, subj))


def _known_name(ctx: Context, subj: Token) -> bool:
    """A capitalised word the tagger took for a common noun that is the name of an actor of the article
    ("Cassidy kicked it off, asking …" after "Sen. Bill Cassidy")."""
    return subj.pos_ == "NOUN" and subj.text[:1].isupper() \
        and ctx.registry.resolve(subj.text, subj.idx) is not None


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


# -- set phrases ------------------------------------------------------------------------------------

def _claims_according_to(ctx: Context, tok: Token) -> bool:
    return tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children)


def _according_to(ctx: Context, tok: Token) -> Cue | None:
    """"according to X": X speaks, whatever it is."""
    to = next(c for c in tok.children if c.lower_ == "to")
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    return Cue(tok.idx, tok, pobj, "according to", tok.idx, to.idx + len(to.text))


def _claims_view(ctx: Context, tok: Token) -> bool:
    return view_phrase(tok)


def _view(ctx: Context, tok: Token) -> Cue | None:
    """"In Kellan's view, …", "By her account, …": the owner of the view speaks; the cue is the phrase."""
    owner = next(c for c in tok.children if c.dep_ == "poss")
    if ctx.in_direct(owner.idx):
        return None
    prep = tok.head
    end = tok.idx + len(tok.text)
    return Cue(prep.idx, prep, owner, ctx.text[prep.idx:end], prep.idx, end)


def _claims_point(ctx: Context, tok: Token) -> bool:
    return made_point(tok)


def _made_point(ctx: Context, tok: Token) -> Cue | None:
    """"Gorka made the point that …": the subject of "make"; the cue runs from "made" to the noun."""
    subj = subject_of(tok.head)
    if not _can_speak(ctx, subj):
        return None
    end = tok.idx + len(tok.text)
    return Cue(tok.idx, tok, subj, ctx.text[tok.head.idx:end], tok.head.idx, end)


# -- nouns and adjectives ---------------------------------------------------------------------------

def _claims_verb_tagged_noun(ctx: Context, tok: Token) -> bool:
    return verb_tagged_noun(tok) and _lemma(tok) in cue_lemmas()


def _verb_tagged_noun(ctx: Context, tok: Token) -> Cue | None:
    """"But Trump claims that he …": a cue verb the tagger took for a plural noun, with its subject."""
    subj = next(c for c in tok.children if c.dep_ == "nsubj")
    return _at_token(tok, subj, tok.text) if _can_speak(ctx, subj) else None


def _claims_cue_noun(ctx: Context, tok: Token) -> bool:
    return tok.pos_ == "NOUN" and (_lemma(tok) in wordset("cue_nouns.txt") or _lemma(tok) in wordset("cue_nouns_object.txt"))


def _cue_noun(ctx: Context, tok: Token) -> Cue | None:
    """"Kade's claim that …", "warnings from his attorney that …", "her criticism of the plan": the owner
    of a noun of report with a "that"/"to" clause, or of a noun of stance with its object."""
    owner = next((c for c in tok.children if c.dep_ == "poss"), None) or _owner_from(tok)
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl")
                   and any(m.lower_ in ("that", "to") and m.dep_ in ("mark", "aux") for m in c.children)), None)
    if owner is None or ctx.in_direct(owner.idx):
        return None
    if clause is not None:  # (a clause with "who" or "which" of its own is a relative clause, not the report)
        return None if any(m.lower_ in ("who", "which") for m in clause.children) else _at_token(tok, owner, tok.text)
    if noun_object(tok) is not None and (human(owner) or owner.pos_ in ("PROPN", "PRON")):
        return _at_token(tok, owner, tok.text)
    return None


def _owner_from(tok: Token) -> Token | None:
    """"repeated warnings from his attorney that …": who gave the warning, named after "from"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if pobj is not None and (human(pobj) or pobj.pos_ == "PROPN"):
                return pobj
    return None


def _claims_stance(ctx: Context, tok: Token) -> bool:
    return tok.pos_ in ("ADJ", "NOUN") and stance_adjective(tok)


def _stance(ctx: Context, tok: Token) -> Cue | None:
    """"Ulvang is worried about the quay", "is a staunch opponent of …": the subject of the copula, when
    it is a source (a person, a body, an outlet) or a name."""
    subj = subject_of(tok.head)
    return _at_token(tok, subj, cue_text(tok)) if _can_speak(ctx, subj, like=source_like) else None


# -- verbs outside the lexicon ----------------------------------------------------------------------

def _other_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" and _lemma(tok) not in cue_lemmas()


def _claims_quoted_label(ctx: Context, tok: Token) -> bool:
    return _other_verb(tok) and (labels_as_quoted(ctx, tok) or sees_as(tok))


def _claims_at_quote(ctx: Context, tok: Token) -> bool:
    # (not a relative clause: in "“…,” Cassidy, who chairs the committee, said." the cue is "said")
    return _other_verb(tok) and tok.dep_ != "relcl" and (_right_after_quote(ctx, tok) or _right_before_quote(ctx, tok))


def _human_subject(ctx: Context, tok: Token) -> Cue | None:
    """The verb's subject speaks when it can: "Reid has been pounding Trump as a “con artist”" (a quoted
    label), "“…,” Toomey fumed on Tuesday." (any verb right at a quotation)."""
    subj = subject_of(tok)
    return _at_token(tok, subj, cue_text(tok)) if _can_speak(ctx, subj) else None


def _right_after_quote(ctx: Context, tok: Token) -> bool:
    """The verb is one of the first three words after a closing mark of a direct quotation."""
    close_ends = ctx.close_ends
    i = bisect.bisect_right(close_ends, tok.idx) - 1
    if i < 0:
        return False
    between = ctx.text[close_ends[i]:tok.idx]
    return close_by(between) and "\n" not in between


def _right_before_quote(ctx: Context, tok: Token) -> bool:
    """"Trump barked, “Go back to Univision,”": the verb stands right before the opening mark of a direct
    quotation (at most two words between, as in "shot back" or "said matter-of-factly")."""
    main = tok.dep_ in ("ROOT", "conj", "parataxis") or (tok.dep_ == "ccomp" and tok.head.i > tok.i)
    if not main or any(c.dep_ == "mark" for c in tok.children):
        return False  # "if her son had planned to enlist, “I would …”": not the main verb
    opens = ctx.opens
    i = bisect.bisect_right(opens, tok.idx)
    if i >= len(opens):
        return False
    between = ctx.text[tok.idx + len(tok.text):opens[i]]
    return close_by(between) and "\n" not in between


def _claims_that_clause(ctx: Context, tok: Token) -> bool:
    return _other_verb(tok) and reports_a_clause(tok)


def _that_clause(ctx: Context, tok: Token) -> Cue | None:
    """"Kade stressed that …", "she wagered that …": a verb with a "that" clause reports only with a human
    subject (not with any name)."""
    subj = subject_of(tok)
    if subj is not None and not ctx.in_direct(subj.idx) and human(subj):
        return _at_token(tok, subj, cue_text(tok))
    return None


# -- verbs of the lexicon ---------------------------------------------------------------------------

def _claims_lexicon_verb(ctx: Context, tok: Token) -> bool:
    """A verb of `speech_verbs.txt`, the main verb of a line ending in a colon, or "as X put it"."""
    return tok.pos_ in ("VERB", "AUX") and (_lemma(tok) in cue_lemmas() or before_colon(tok) or as_put_it(tok))


def _lexicon_verb(ctx: Context, tok: Token) -> Cue | None:
    """The verb's subject, through a verbless sentence, a misparse and an inverted order ("said Leslie
    Wimes"), unless the verb does not report here."""
    verbless = _verbless_subject(tok)
    if verbless is None and tok.tag_ == "VBN" and tok.dep_ in ("amod", "acl") \
            and not any(c.dep_ == "agent" for c in tok.children):
        return None  # "the agreements reached", "a report published"
    subj = verbless or subject_of(tok)
    if subj is None and tok.dep_ == "ROOT":
        subj = _name_before(tok)  # "… convention Sen. Elizabeth Warren (D-MA) said …" hung on a noun
    if subj is not None and ctx.in_direct(subj.idx):
        subj = _inverted_subject(tok) or _name_before(tok)  # “… Full panic mode,” said Leslie Wimes: not "mode"
    if subj is None or ctx.in_direct(subj.idx) or not _reports_here(tok, subj):
        return None
    return _at_token(tok, subj, cue_text(tok))


def _reports_here(tok: Token, subj: Token) -> bool:
    """Whether a verb of the lexicon reports here, with this subject."""
    lemma = _lemma(tok)
    if subj.dep_ == "nsubjpass" and subj.head.i == tok.i and lemma in wordset("passive_content_verbs.txt") \
            and not any(c.dep_ == "agent" for c in tok.children):
        return False  # "as the verdict was read": what was read, not who read it
    if attitude_only(lemma) and not (human(subj) or subj.pos_ == "PROPN"):
        return False  # "the document was meant to remind Washington …"
    if lemma in wordset("belief_verbs.txt") and subj.lower_ in ("i", "we", "you"):
        return False  # "I think …": the speaker talking, not someone reported
    if lemma == "ask" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) \
            and (tok.tag_ == "VBN" or tok.dep_ != "conj") and not _comma_participle(tok):
        return False  # "Asked what she misses, she answers: …": the question, not a report
        # (but "Cassidy kicked it off, asking Kennedy, “Will you …?”" asks it himself)
    return True


def _comma_participle(tok: Token) -> bool:
    return tok.tag_ == "VBG" and tok.i > 0 and tok.doc[tok.i - 1].text == ","


def _verbless_subject(tok: Token) -> Token | None:
    """"One of the doctors who signed the letter called Oz a quack.": the parser found no main verb and
    hung the real one on a noun as a participle; the sentence's root noun is who speaks."""
    root = tok.sent.root
    if tok.tag_ == "VBN" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in ("of", "by"):
        return None  # "A harbour pilot accused of causing a collision …": a passive participle, not a verb of the root
    if tok.dep_ != "acl" or tok.tag_ not in ("VBN", "VBD") or root.pos_ not in ("NOUN", "PROPN", "NUM") \
            or not root.i < tok.i or any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in tok.sent):
        return None
    if tok.doc[tok.i - 1].text == "," and tok.head.i == root.i and tok.tag_ == "VBN" \
            and not any(c.dep_ in ("dobj", "oprd", "ccomp", "prep") for c in tok.children):
        return None  # "Kall, the director, compared …" keeps its object; "the plan, published Monday." does not
    return root


def _inverted_subject(tok: Token) -> Token | None:
    """The speaker after the cue ("said Leslie Wimes, …") when the parser took a word of the
    quotation for the subject."""
    for c in tok.rights:
        if c.dep_ in ("nsubj", "dobj", "attr", "npadvmod", "appos", "dep", "oprd") and (
                c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or c.pos_ in ("PROPN", "PRON")) \
                and c.ent_type_ not in ("DATE", "TIME"):  # "said Monday": when, not who
            return c
    return None


def _name_before(tok: Token) -> Token | None:
    """“…,” Tulsa police Chief Chuck Jordan said Monday.: the parser hung the name somewhere else, but a
    name right before the cue is who speaks."""
    i = tok.i - 1
    if i > tok.sent.start and tok.doc[i].text == ")":  # "Sen. Elizabeth Warren (D-MA) said"
        while i > tok.sent.start and tok.doc[i].text != "(" and tok.i - i < 8:
            i -= 1
        i -= 1
    prev = tok.doc[i] if i >= tok.sent.start else None
    # ("Panot confirmed that …" with the name tagged an interjection: a tagged name is a name still)
    if prev is not None and prev.ent_type_ in ("PERSON", "ORG") and (prev.pos_ == "PROPN" or prev.is_title):
        return prev
    return None


DETECTORS: tuple[Detector, ...] = (
    Detector("according to X", _claims_according_to, _according_to),
    Detector("in X's view", _claims_view, _view),
    Detector("made the point that", _claims_point, _made_point),
    Detector("cue verb tagged as a noun", _claims_verb_tagged_noun, _verb_tagged_noun),
    Detector("noun of report or stance", _claims_cue_noun, _cue_noun),
    Detector("adjective or role of stance", _claims_stance, _stance),
    Detector("verb giving a quoted label", _claims_quoted_label, _human_subject),
    Detector("verb at a quotation", _claims_at_quote, _human_subject),
    Detector("verb with a that clause", _claims_that_clause, _that_clause),
    Detector("verb of the lexicon", _claims_lexicon_verb, _lexicon_verb),
)


def detect(ctx: Context, tok: Token) -> Cue | None:
    """The cue a token gives: the first detector that claims the token decides (None: no cue)."""
    for detector in DETECTORS:
        if detector.claims(ctx, tok):
            return detector.find(ctx, tok)
    return None


def find_cues(ctx: Context) -> Iterator[Cue]:
    """The cues of the article, token by token, outside quotations, headings and idioms."""
    for tok in ctx.parsed.doc:
        if ctx.in_direct(tok.idx) or ctx.para_of(tok.idx) < 0:
            continue  # inside a quotation, or a heading
        if in_idiom(tok):
            continue  # "That said, …", "needless to say": the writer's connective, not a report
        cue = detect(ctx, tok)
        if cue is not None:
            yield cue
