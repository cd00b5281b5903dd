"""Who says: the token that is the subject of a cue verb, through conjunctions, participles, passives
("it was reported by the Gazette"), "quoted X as saying" and the parser's misreadings ("“…,” said
Skelly" with the name taken for an object)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import wordset
from ..text.names import ents_within, is_title_word
from .mentions import cue_lemmas

if TYPE_CHECKING:
    from spacy.tokens import Token


SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
NOT_SPEAKER_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"}
QUOTING_AS = frozenset({"quote", "cite", "describe", "report"})  # "quoted X as saying": X says
CLOSERS = {",", "”", "’", "''", "'", '"', "—", "–"}


def subject_of(verb: Token) -> Token | None:
    """The token that says: the verb's subject, inherited through conjunctions and participles
    ("… and insisted", "…, saying"), the agent of a passive, or the noun a participle modifies
    ("a Financial Times publication claiming that …")."""
    seen = 0
    tok = verb
    if verb.lemma_.lower() == "quote":
        quoted = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if quoted is not None:
            return quoted  # "he was quoted by the Guardian as saying": he speaks; the paper relays
    while tok is not None and seen < 5:
        seen += 1
        for child in tok.children:
            if child.dep_ == "agent":  # "it was reported by the Gazette": the Gazette reports
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            # two subjects is a misparse (a word of the quotation taken for one): the nearer one says
            subj = min(subjects, key=lambda c: tok.i - c.right_edge.i if c.i < tok.i else c.left_edge.i - tok.i)
            if tok is not verb and expletive(subj):
                # "It was a blow, as Varga conceded, saying …": the one in the clause before the participle
                inner = [c for c in tok.children if c.dep_ == "advcl" and c.i < verb.i
                         and any(g.dep_ in SUBJECT_DEPS and _person_like(g) for g in c.children)]
                if inner:
                    return next(g for g in inner[-1].children if g.dep_ in SUBJECT_DEPS)
            return subj
        missed = _misparsed_subject(tok)
        if missed is not None:
            return missed
        if _comma_participle(tok):
            outer = _clause_owner(tok.head, tok.i)
            if outer is not None:  # "Bennett denied the notion that a shakeup is coming, explaining …"
                tok = outer
                continue
        if tok.dep_ == "xcomp" and any(c.dep_ == "dobj" and c.i < tok.i for c in tok.head.children):
            return None  # "asked the crowd to welcome the governor": the crowd would welcome, not the asker
        if tok.dep_ in ("conj", "advcl", "xcomp", "acomp") and tok.head.i != tok.i:
            head = tok.head
            # "said the closure was … and insisted that …": the conjunct hangs off the reported
            # clause, but shares the subject of the reporting verb above it
            if tok.dep_ == "conj" and head.dep_ == "ccomp" and head.head.lemma_.lower() in cue_lemmas() \
                    and not continues_clause(tok):
                head = head.head
            tok = head
            continue
        if tok.dep_ == "pcomp" and tok.head.lower_ == "as" and tok.head.head.lemma_.lower() in QUOTING_AS:
            quoted = next((c for c in tok.head.head.children if c.dep_ == "dobj"), None)
            if quoted is not None:  # "The agency quoted a diplomat as saying …": the diplomat says
                return quoted
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX") \
                and tok.tag_ == "VBG":
            tok = tok.head.head  # "… before saying, “…”", "… by saying he would …": the verb's subject
            continue
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head
        named = _name_before_mistagged_verb(tok)
        if named is not None:
            return named
        break
    return None


def _name_before_mistagged_verb(tok: Token) -> Token | None:
    """"Aldous disagreed, saying …": the tagger took the verb for a noun and the name for its adjective;
    the capitalised word right before a root "noun" in -ed is who acted."""
    if tok.dep_ != "ROOT" or tok.pos_ != "NOUN" or not tok.lower_.endswith("ed") or tok.i == 0:
        return None
    left = tok.doc[tok.i - 1]
    if left.head.i == tok.i and left.dep_ in ("amod", "compound", "nsubj") and left.text[:1].isupper():
        return left
    return None


def continues_clause(conj: Token) -> bool:
    """"argued that his client had repaid the money and had shown remorse": a conjunct with its own
    auxiliary goes on with the reported clause; "… and insisted that …" is a new report."""
    return any(c.dep_ in ("aux", "auxpass") for c in conj.children)


def expletive(tok: Token) -> bool:
    """"It was …", "There is …": a subject that stands for nobody."""
    if tok.lower_ == "there":
        return True
    # sentence-initial only: in "the ministry said it was unaware", "it" is the ministry
    return tok.lower_ == "it" and tok.head.lemma_.lower() in ("be", "seem", "appear") and tok.i == tok.sent.start


def _comma_participle(tok: Token) -> bool:
    """"…, explaining that …": a participle set off by a comma, which speaks for the main clause."""
    return tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl") and tok.i > 0 and tok.doc[tok.i - 1].text == ","


def _clause_owner(head: Token, before: int) -> Token | None:
    """The verb of the main clause when a comma participle was hung inside a reported clause ("denied
    the notion that a shakeup is coming, explaining …") or on an object noun ("made a third attempt to
    deflect the criticism, writing …"); None when it hangs on the main clause already."""
    if not _embedded(head):
        return None
    node = head
    for _ in range(6):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS for c in node.children):
            return node if node.i < before else None  # the main clause comes first
    return None


def _embedded(node: Token) -> bool:
    if node.pos_ in ("NOUN", "PROPN"):
        return node.dep_ in ("dobj", "pobj", "attr")
    if node.dep_ in ("acl", "relcl"):
        return True
    if node.dep_ == "pcomp" and any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in node.children):
        return True  # "had no insight into whether regulators would approve them, remarking …"
    return node.dep_ == "ccomp" and (node.head.lemma_.lower() in cue_lemmas()
                                     or any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children))


def _person_like(tok: Token) -> bool:
    """A token that can head a speaker's noun phrase: a name, or a role or people noun."""
    if tok.ent_type_ in NOT_SPEAKER_ENTS or tok.ent_type_ in ("GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART"):
        return False  # "said Tuesday", "said in Kessia"
    if tok.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    if tok.pos_ == "PROPN" or (tok.text[:1].isupper() and tok.pos_ in ("ADV", "NOUN", "X")):
        return tok.is_alpha or "-" in tok.text or "." in tok.text
    heads = wordset("anonymous_heads.txt")
    return tok.pos_ == "NOUN" and (is_title_word(tok.text) or tok.lemma_.lower() in heads or tok.lower_ in heads)


def _name_head(tok: Token) -> Token | None:
    """The last word of the name that starts at `tok` ("Ana" in "Ana Holm" → "Holm")."""
    steps = 0
    while tok.dep_ in ("compound", "flat") and tok.head.i == tok.i + 1 and steps < 4:
        tok, steps = tok.head, steps + 1
    return tok if tok.pos_ == "PROPN" else None


PARTICIPLE_FORMS = frozenset({"made", "sent", "brought", "found", "held", "put", "set", "paid", "built", "read",
                              "heard", "kept", "shown", "seen", "given", "taken", "written", "done"})


def _reduced_relative(verb: Token, left: Token) -> Token | None:
    """"A court filing from the attorney general made public this week said that …": the participle of
    a reduced relative read as a finite verb, whose "subject" is the cue's, and the cue left with none.
    The clause opens the sentence, its verb has a participle's form, and it runs into the cue without
    a comma (unlike a trailing report, "Prices rose, the agency said")."""
    if verb.dep_ != "ROOT" or left.is_punct:
        return None
    for c in verb.lefts:
        if c.dep_ != "ccomp" or c.right_edge.i != left.i or c.tag_ not in ("VBD", "VBN") \
                or not (c.lower_.endswith("ed") or c.lower_ in PARTICIPLE_FORMS) \
                or any(g.dep_ in ("mark", "aux", "auxpass") for g in c.children):
            continue
        subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass") and g.i < c.i), None)
        if subj is not None and subj.left_edge.i == verb.sent.start and subj.pos_ in ("NOUN", "PROPN"):
            return subj
    return None


def _misparsed_subject(verb: Token) -> Token | None:
    """The speaker of a reporting verb the parser left without a subject:
    `“…,” said Skelly` / `“…,” added a party official` (the name taken for an object or adverb),
    `“…,” Bozell answers` (name and verb read as one noun phrase), and
    `Col. Ana Ruiz, a military spokeswoman in Kert, said` (the name hung on an earlier word)."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ in ("conj", "advcl", "xcomp", "acl", "relcl", "amod"):
        return None  # participles and conjuncts take the subject of the verb they hang on
    prev = verb.i - 1
    while prev >= 0 and doc[prev].is_space:
        prev -= 1
    if prev < 0:
        return None
    # inverted: right after a closing mark or comma, the noun phrase right after the verb
    if doc[prev].text in CLOSERS and verb.i + 1 < len(doc):
        for child in verb.rights:
            if child.dep_ in ("dobj", "attr", "npadvmod", "dep", "oprd", "advmod", "appos") \
                    and child.left_edge.i == verb.i + 1 and _person_like(child):
                return child
            break
        name = _name_head(doc[verb.i + 1])  # "said Ana Holm, half joking": the name hung on "joking"
        if name is not None and name.ent_type_ == "PERSON":
            return name
    left = doc[prev]
    reduced = _reduced_relative(verb, left)
    if reduced is not None:
        return reduced
    # "Bozell answers": the name is a compound of the verb
    if verb.dep_ == "ROOT" and left.ent_type_ == "PERSON" and left.pos_ == "PROPN" \
            and left.dep_ in ("pobj", "appos", "npadvmod", "dobj") and left.head.i < left.i:
        return left  # "…, former president Bill Clinton said …": the name the parser hung on a phrase before
    if left.dep_ == "compound" and left.head.i == verb.i and left.pos_ == "PROPN" and left.text[:1].isupper():
        return left
    # "Name, a description, said": the nearest name before a comma-enclosed appositive
    if left.text == ",":
        sent = verb.sent
        for ent in reversed(ents_within(doc, sent.start, prev)):  # by bisect, not every entity (issue 19)
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            between = doc[ent.end:prev]
            if ent.end < len(doc) and doc[ent.end].text == "," and len(between) <= 25 \
                    and not any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") for t in between):
                return ent.root
            break
    return None
