"""What counts as a reporting cue (stage 3's vocabulary): the lemmas and forms of the speech verbs of
`lexicon/data/speech_verbs.txt` by role, the idioms that only look like cues ("That said"), and the
token tests shared by finding attributions and reading their content: a noun, an adjective or a
phrase of stance ("her criticism of", "is worried about", "in X's view"), a human subject, a verb that
reports a clause, the text of a cue ("pointed out").
"""
from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..lexicon import speech_verbs, wordlist, wordset
from ..text.names import is_title_word
from .context import Attribution, Context

if TYPE_CHECKING:
    from spacy.tokens import Token


@functools.lru_cache(maxsize=1)
def strong_only_forms() -> frozenset[str]:
    """Forms of the verbs that report only beside a quotation ("began", "continued", "went"), not of
    the verbs of saying, which may run into a quotation without a comma ("called it “a mistake”")."""
    lemmas = speech_verbs("strong") - speech_verbs("clause") - speech_verbs("object")
    return frozenset(f for lemma in lemmas for f in _verb_forms(lemma))


def cue_forms() -> set[str]:
    """The forms of the cue verbs that open or close a direct quotation ("said", "tells", "went")."""
    return {f for lemma in speech_verbs("strong") for f in _verb_forms(lemma)}


@functools.lru_cache(maxsize=1)
def _irregular_forms() -> dict[str, frozenset[str]]:
    return {lemma: frozenset(forms) for lemma, *forms in (line.split() for line in wordlist("irregular_verb_forms.txt"))}


def _verb_forms(lemma: str) -> set[str]:
    """The forms a cue verb takes next to a quotation: guessed from its lemma ("add": adds, added,
    adding), and its irregular ones from the lexicon ("say": said)."""
    return {lemma, lemma + "s", lemma + "ed", lemma + "d", lemma + "ing"} | _irregular_forms().get(lemma, frozenset())


@functools.lru_cache(maxsize=1)
def _lemma_by_form() -> dict[str, str]:
    return {form: lemma for lemma in sorted(cue_lemmas(), reverse=True) for form in _verb_forms(lemma)}


def cue_lemma_of(form: str) -> str | None:
    """The cue verb a written form is of ("said" -> "say", "reported" -> "report"), or None."""
    return _lemma_by_form().get(form.lower())


@functools.lru_cache(maxsize=1)  # a union of cached lists, asked for per token and per quote
def cue_lemmas() -> frozenset[str]:
    """Every lemma that reports: a clause, a quotation, an object, a stance or a topic."""
    return (speech_verbs("clause") | speech_verbs("strong") | speech_verbs("object")
            | speech_verbs("attitude") | speech_verbs("about"))


@functools.lru_cache(maxsize=1)  # a union of cached lists, asked for per token and per quote
def object_lemmas() -> frozenset[str]:
    """Verbs whose content may be their object ("called for new elections", "praised his patience")."""
    return speech_verbs("object") | speech_verbs("attitude") | speech_verbs("about")


def attitude_only(lemma: str) -> bool:
    """A verb of stance, not of saying: it reports only with a person or body as its subject."""
    return lemma in speech_verbs("attitude") and lemma not in speech_verbs("clause") \
        and lemma not in speech_verbs("object") and lemma not in speech_verbs("strong")


def indirect_lemmas() -> frozenset[str]:
    """Verbs that report a clause (the strong-only ones, like "ask" or "continue", need a quotation)."""
    return speech_verbs("clause")


@functools.lru_cache(maxsize=1)
def _idioms() -> tuple[tuple[str, ...], ...]:
    """The set phrases of `cue_idioms.txt`, word by word."""
    return tuple(tuple(p.split()) for p in wordlist("cue_idioms.txt"))


@functools.lru_cache(maxsize=1)
def _idiom_words() -> frozenset[str]:
    """Every word of an idiom (a quick test before the phrases)."""
    return frozenset(w for words in _idioms() for w in words)


def in_idiom(tok: Token) -> bool:
    """The token stands in one of the set phrases of `cue_idioms.txt`, at the place its word has there."""
    if tok.lower_ not in _idiom_words():
        return False
    doc = tok.doc
    for words in _idioms():
        for k, w in enumerate(words):
            if w != tok.lower_:
                continue
            a = tok.i - k
            if a >= 0 and a + len(words) <= len(doc) and all(doc[a + j].lower_ == words[j] for j in range(len(words))):
                return True
    return False


def verb_tagged_noun(tok: Token) -> bool:
    """"Trump claims that he should be the exception": the tagger took the verb for a plural noun, but
    the parse still gives it a subject and a clause, as a verb has."""
    return tok.tag_ == "NNS" and tok.dep_ in ("ROOT", "conj") \
        and any(c.dep_ == "nsubj" for c in tok.children) and any(c.dep_ == "ccomp" for c in tok.children)


def made_point(tok: Token) -> bool:
    """"made the point that …", "is making the case to black leaders that …": a noun of report as the
    object of "make", with a "that" clause."""
    if tok.pos_ != "NOUN" or tok.dep_ != "dobj" or tok.head.lemma_.lower() != "make":
        return False
    if tok.lemma_.lower() not in wordset("cue_nouns_made.txt") and tok.lemma_.lower() not in wordset("cue_nouns.txt"):
        return False
    return _that_clause_of_noun(tok) is not None


def _made_clear(tok: Token) -> bool:
    """"Mr. Obama made clear over the weekend that …" reports, though "make" alone does not."""
    return tok.lemma_.lower() == "make" and any(c.dep_ == "oprd" and c.lower_ in ("clear", "plain") for c in tok.children)


def _that_clause_of_noun(tok: Token) -> Token | None:
    """The "that" clause of a noun ("the point that …")."""
    # (a "relcl" with "that" as its mark, not its subject or object, is a misparsed "that" clause)
    return next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl")
                 and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)), None)


NOUN_OBJECT_PREPS = frozenset({"of", "for", "on", "about", "against"})


def noun_object(tok: Token) -> Token | None:
    """The object of a stance noun: "his support for the bill", "her criticism of the plan"."""
    if tok.lemma_.lower() not in wordset("cue_nouns_object.txt"):
        return None
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in NOUN_OBJECT_PREPS:
            return next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
    return None


def as_put_it(tok: Token) -> bool:
    """"As Kellan put it, “…”": a phrase that hands the words to a speaker."""
    return (tok.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children))


def view_phrase(tok: Token) -> bool:
    """The noun of "in X's view" / "by X's account": a view noun owned by someone, in an opening PP."""
    return ((tok.lemma_.lower() in wordset("view_nouns.txt") or tok.lower_ in wordset("view_nouns.txt")) and tok.dep_ == "pobj"
            and tok.head.lower_ in ("in", "by") and tok.head.dep_ == "prep" and tok.head.head.i != tok.head.i
            and any(c.dep_ == "poss" for c in tok.children))


def sentence_pp_cue(att: Attribution) -> bool:
    """A cue that is a phrase set off in the sentence ("according to X", "in X's view"): the rest of
    the sentence is the content."""
    return att.cue == "according to" or (att.token is not None and att.token.dep_ == "prep"
                                          and att.token.lower_ in ("in", "by"))


NOT_REPORTING = {"be", "make", "ensure", "mean", "seem", "appear", "have", "do", "let", "help", "see", "hear",
                 "watch", "look", "sound", "get", "go", "come", "take", "give", "keep", "find", "prove", "matter"}


def reports_a_clause(tok: Token) -> bool:
    """A verb outside the lexicon with a "that" clause ("Kade stressed that …", "she wagered that …"):
    a clausal complement after a human subject reports speech or thought."""
    if tok.lemma_.lower() in NOT_REPORTING and not _made_clear(tok):
        return False
    for c in tok.children:
        if c.dep_ == "ccomp" and c.i > tok.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return True
    return False


def human(subj: Token) -> bool:
    """A subject that can speak: a pronoun of people, a named person, body, place or people, a title or
    an anonymous source ("officials")."""
    if subj.lower_ in ("he", "she", "they", "who"):
        return True
    if subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if subj.lemma_.lower() in QUANTITY_HEADS:  # "64 percent of voters", "a majority of Democrats"
        return any(h.lower_ == "of" and any(o.dep_ == "pobj" and human(o) for o in h.children)
                   for h in subj.children if h.dep_ == "prep")
    return subj.pos_ == "NOUN" and (is_title_word(subj.text) or subj.lemma_.lower() in wordset("anonymous_heads.txt"))


QUANTITY_HEADS = frozenset({"percent", "majority", "minority", "plurality", "half", "third", "quarter", "share",
                            "most", "many", "some", "all", "number", "two-thirds", "three-quarters"})


COPULAS = frozenset({"be", "seem", "feel", "remain", "become", "appear", "sound"})


STANCE_PREPS = frozenset({"about", "of", "with", "by", "on", "to", "over", "at", "in"})


def stance_adjective(tok: Token) -> bool:
    """An adjective ("is worried about …") or a role noun ("is a staunch opponent of …") of stance after a
    copula, with what it is about."""
    lemma = tok.lemma_.lower()
    stance = (tok.dep_ == "acomp" and lemma in wordset("cue_adjectives.txt")) or \
        (tok.dep_ == "attr" and tok.pos_ == "NOUN" and lemma in wordset("stance_role_nouns.txt"))
    return stance and tok.head.lemma_.lower() in COPULAS and adjective_content(tok) is not None


def adjective_content(tok: Token) -> tuple[int, int] | None:
    """What a stance adjective is about: "worried [about the quay]", "confident [that …]", "eager [to sign]"."""
    for c in tok.rights:
        if c.dep_ in ("ccomp", "xcomp"):
            return c.left_edge.i + (1 if c.left_edge.lower_ in ("that", "to") else 0), c.right_edge.i
        if c.dep_ == "prep" and c.lower_ in STANCE_PREPS:
            pobj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return pobj.left_edge.i, pobj.right_edge.i
    return None


def before_colon(tok: Token) -> bool:
    """"Caddell continued:" / "The harbour master was brief:" — the main verb of a sentence that
    ends in a colon opening a quotation."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.text == ":":
        return True
    if tok.dep_ == "ROOT":
        last = [t for t in tok.sent if not t.is_space]
        return bool(last) and last[-1].text == ":"
    return False


def cue_text(tok: Token) -> str:
    """The cue as shown: the verb with its particle ("pointed out") or "clear" ("made clear")."""
    parts = [tok]
    for child in tok.children:
        if child.i == tok.i + 1 and (child.dep_ == "prt" or child.dep_ == "oprd" and _made_clear(tok)):
            parts.append(child)  # "pointed out", "made clear"
    return " ".join(t.text for t in parts)


def speech_verb(a: Attribution) -> bool:
    """A verb of saying ("added", "wrote", "told"), not just any verb before a colon."""
    lemma = a.token.lemma_.lower() if a.token is not None else ""
    return lemma in speech_verbs("clause") or lemma in speech_verbs("strong")


def says(a: Attribution) -> bool:
    """A cue of speech, not of stance or intent: a quotation's words belong to a speaker ("said",
    "wrote", "— Name"), not to whoever "planned" or "praised" something in the same sentence."""
    if a.token is None or a.token.pos_ not in ("VERB", "AUX") or speech_verb(a):
        return True
    return a.token.lemma_.lower() not in object_lemmas()


def sees_as(tok: Token) -> bool:
    """"developers see golf courses as wasted space": a view of something, given with "as"."""
    return tok.lemma_.lower() in speech_verbs("as") and any(c.dep_ == "dobj" for c in tok.children) \
        and any(c.dep_ == "prep" and c.lower_ == "as" and c.i > tok.i
                and not any(x.dep_ == "pobj" and x.lemma_.lower() in wordset("life_stage_nouns.txt") for x in c.children)
                for c in tok.children)  # (not "saw the film as a child")


def labels_as_quoted(ctx: Context, tok: Token) -> bool:
    """"pounding Trump as a “con artist”", "rated the claim as “false”": a verb that puts a quoted label on
    its object passes on someone's words, whatever the verb."""
    if not any(c.dep_ == "dobj" for c in tok.children):
        return False
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "as":
            a, b = c.idx, c.right_edge.idx + len(c.right_edge.text)
            if any(a <= f.open_at < b for f in ctx.fragments):
                return True
    return False


def source_like(tok: Token) -> bool:
    """A noun that names who says something: a person, a body, an outlet, an official."""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    lemma = tok.lemma_.lower()
    return any(lemma in wordset(name) for name in ("org_nouns.txt", "government_nouns.txt", "outlet_nouns.txt",
                                                   "anonymous_heads.txt")) or human(tok)
