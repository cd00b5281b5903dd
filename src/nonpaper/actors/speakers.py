"""Speakers without a coreference model: a mention (a name, a pronoun, a role noun, "the paper",
"Moscow", "a senior official") resolved to an actor of the registry.

The rules follow docs/design.md: names by alias and surname; pronouns to the most salient compatible
person before them (speakers outrank other people, subjects outrank objects, recent outranks old;
gender only from honorifics, gendered role nouns and possessives); role nouns against the actors'
titles; "the paper" to the latest outlet; "the company" to the latest organization; capitals to the
country's government; anonymous sources to an `unnamed` actor named by their own words.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .registry import ActorRegistry
from ..text.names import gender_of_words, norm_key, strip_det, is_title_word
from ..text.names import ents_of
from ..lexicon import mapping, speech_verbs, wordlist, wordset

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
RELATIVE = {"who", "which", "that", "whom"}
PERSONAL = {"he": "m", "him": "m", "she": "f", "her": "f"}
POSSESSIVE = {"his": "m", "her": "f"}  # ("her" is both)
PLURAL = {"they", "them"}
NEUTER = {"it"}
FIRST_SECOND = {"i", "we", "you", "me", "us"}
NOT_SPEAKER_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"}
INDEFINITE = {"a", "an", "some", "several", "many", "one", "two", "three", "few", "other", "another"}
DASHES = {"—", "–", "-", "--"}
FOCUS_WORDS = {"even", "just", "virtually"}  # "Even the mayor said": the writer's word, not the mention's
POSSESSIVE_MARKS = {"’", "'", "’s", "'s"}


@dataclass
class Resolved:
    actor: str | None
    text: str
    start: int
    end: int


@functools.lru_cache(maxsize=1)
def _cues() -> frozenset[str]:
    return speech_verbs("clause") | speech_verbs("strong")


@functools.lru_cache(maxsize=1)
def _pronoun_table() -> dict[str, str]:
    return dict(l.split("\t") for l in wordlist("pronouns.txt") if "\t" in l)


# -- noun phrases -------------------------------------------------------------------------------

def mention_span(head):
    """The noun phrase a subject token heads, without relative clauses, appositives and what follows
    a comma: "An engineer familiar with the inspection" from "An engineer …, who spoke …,"."""
    doc = head.doc
    if head.ent_type_ and head.ent_iob_ != "O":
        ent = next((e for e in ents_of(doc) if e.start <= head.i < e.end), None)
    else:
        ent = None
    cut = {head.i}
    for tok in head.subtree:
        cut.add(tok.i)
    right = head.i
    for child in head.rights:
        if child.dep_ in ("relcl", "appos", "punct", "cc", "conj", "acl") and child.dep_ != "acl":
            break
        if child.dep_ == "acl" and child.tag_ in ("VBG", "VBN"):
            break
        right = max(right, max(t.i for t in child.subtree))
    left = min(t.i for t in head.subtree if t.i <= head.i)
    # drop a leading conjunction/punctuation and trailing punctuation
    while left < head.i and (doc[left].is_punct or doc[left].dep_ in ("cc", "preconj")
                             or (doc[left].lower_ in FOCUS_WORDS and doc[left].dep_ in ("advmod", "predet", "quantmod"))):
        left += 1
    while right > head.i and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    # a comma inside the span ends it (appositive parsed as a modifier)
    for i in range(head.i + 1, right + 1):
        if doc[i].text in (",", "—", "–", "(", ";"):
            right = i - 1
            break
    span = doc[left:right + 1]
    if ent is not None and (ent.start < span.start or ent.end > span.end):
        span = doc[min(ent.start, span.start):max(ent.end, span.end)]
    return span


def appositive_pairs(doc):
    """(name span, description span, description head) for "Name, a description" and
    "The description, Name"."""
    for tok in doc:
        if tok.dep_ != "appos":
            continue
        head = tok.head
        if head.ent_type_ in ("PERSON", "ORG") and tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in ("PERSON",):
            name = _ent_of(head)
            desc = _desc_span(tok)
            if name is not None and desc is not None and not _overlaps(name, desc):
                yield name, desc, tok
        elif _named_person(tok, head) and head.pos_ == "NOUN" and not head.ent_type_:
            if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "NOUN" \
                    and is_title_word(head.head.head.text) and tok.i > 0 and tok.doc[tok.left_edge.i - 1].text == ",":
                head = head.head.head  # "A spokeswoman for the mayor, Ruth Glas": the spokeswoman, not the mayor
            name = _ent_of(tok)
            desc = _desc_span(head, stop=tok)
            if name is not None and desc is not None and not _overlaps(name, desc):
                yield name, desc, head


def _named_person(tok, head) -> bool:
    """A person's name in apposition: tagged as a person, or a two-word name tagged as a place or body
    after a title ("her deputy, Ines Vogt" with "Ines Vogt" taken for a place)."""
    if tok.ent_type_ == "PERSON":
        return True
    ent = _ent_of(tok) if tok.ent_type_ in ("GPE", "LOC", "ORG") else None
    return ent is not None and len(ent) > 1 and is_title_word(head.text)


def _overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def _ent_of(tok):
    return next((e for e in ents_of(tok.doc) if e.start <= tok.i < e.end), None)


def _desc_span(head, stop=None):
    doc = head.doc
    clauses = {t.i for c in head.children if c.dep_ == "relcl" and c.i > head.i for t in c.subtree}
    # ("a farmer whose house was flooded": the relative clause is no part of the description)
    toks = [t for t in head.subtree if (stop is None or not (stop.left_edge.i <= t.i <= stop.right_edge.i))
            and t.i not in clauses]
    toks = [t for t in toks if t.i <= head.i or t.dep_ in ("prep", "pobj", "compound", "amod", "poss", "det", "case")
            or t.head.i > head.i and t.head.dep_ in ("prep", "pobj", "poss", "compound")]
    if not toks:
        return None
    left, right = min(t.i for t in toks), max(t.i for t in toks)
    for i in range(left, right + 1):
        if doc[i].text in (",", "(", ";", "—") or doc[i].dep_ == "relcl":
            if i > head.i:
                right = i - 1
                break
            left = i + 1
    while right > left and doc[right].is_punct:
        right -= 1
    if right < left:
        return None
    return doc[left:right + 1]


# -- subjects of cues ---------------------------------------------------------------------------

QUOTING_AS = frozenset({"quote", "cite", "describe", "report"})  # "quoted X as saying": X says


def subject_of(verb):
    """The token that says: the verb's subject, inherited through conjunctions and participles
    ("… and insisted", "…, saying"), the agent of a passive, or the noun a participle modifies
    ("a Financial Times publication claiming that …")."""
    seen = 0
    tok = verb
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
            if tok is not verb and _expletive(subj):
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
            if tok.dep_ == "conj" and head.dep_ == "ccomp" and head.head.lemma_.lower() in _cues() \
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


def _name_before_mistagged_verb(tok):
    """"Aldous disagreed, saying …": the tagger took the verb for a noun and the name for its adjective;
    the capitalised word right before a root "noun" in -ed is who acted."""
    if tok.dep_ != "ROOT" or tok.pos_ != "NOUN" or not tok.lower_.endswith("ed") or tok.i == 0:
        return None
    left = tok.doc[tok.i - 1]
    if left.head.i == tok.i and left.dep_ in ("amod", "compound", "nsubj") and left.text[:1].isupper():
        return left
    return None


def continues_clause(conj) -> bool:
    """"argued that his client had repaid the money and had shown remorse": a conjunct with its own
    auxiliary goes on with the reported clause; "… and insisted that …" is a new report."""
    return any(c.dep_ in ("aux", "auxpass") for c in conj.children)


def _expletive(tok) -> bool:
    """"It was …", "There is …": a subject that stands for nobody."""
    if tok.lower_ == "there":
        return True
    # sentence-initial only: in "the ministry said it was unaware", "it" is the ministry
    return tok.lower_ == "it" and tok.head.lemma_.lower() in ("be", "seem", "appear") and tok.i == tok.sent.start


def _comma_participle(tok) -> bool:
    """"…, explaining that …": a participle set off by a comma, which speaks for the main clause."""
    return tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl") and tok.i > 0 and tok.doc[tok.i - 1].text == ","


def _clause_owner(head, before: int):
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


def _embedded(node) -> bool:
    if node.pos_ in ("NOUN", "PROPN"):
        return node.dep_ in ("dobj", "pobj", "attr")
    if node.dep_ in ("acl", "relcl"):
        return True
    return node.dep_ == "ccomp" and (node.head.lemma_.lower() in _cues()
                                     or any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children))


CLOSERS = {",", "”", "’", "''", "'", '"', "—", "–"}


def _person_like(tok) -> bool:
    """A token that can head a speaker's noun phrase: a name, or a role or people noun."""
    if tok.ent_type_ in NOT_SPEAKER_ENTS or tok.ent_type_ in ("GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART"):
        return False  # "said Tuesday", "said in Kessia"
    if tok.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    if tok.pos_ == "PROPN" or (tok.text[:1].isupper() and tok.pos_ in ("ADV", "NOUN", "X")):
        return tok.is_alpha or "-" in tok.text or "." in tok.text
    heads = wordset("anonymous_heads.txt")
    return tok.pos_ == "NOUN" and (is_title_word(tok.text) or tok.lemma_.lower() in heads or tok.lower_ in heads)


def _name_head(tok):
    """The last word of the name that starts at `tok` ("Ana" in "Ana Holm" → "Holm")."""
    steps = 0
    while tok.dep_ in ("compound", "flat") and tok.head.i == tok.i + 1 and steps < 4:
        tok, steps = tok.head, steps + 1
    return tok if tok.pos_ == "PROPN" else None


def _misparsed_subject(verb):
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
    # "Bozell answers": the name is a compound of the verb
    left = doc[prev]
    if verb.dep_ == "ROOT" and left.ent_type_ == "PERSON" and left.pos_ == "PROPN" \
            and left.dep_ in ("pobj", "appos", "npadvmod", "dobj") and left.head.i < left.i:
        return left  # "…, former president Bill Clinton said …": the name the parser hung on a phrase before
    if left.dep_ == "compound" and left.head.i == verb.i and left.pos_ == "PROPN" and left.text[:1].isupper():
        return left
    # "Name, a description, said": the nearest name before a comma-enclosed appositive
    if left.text == ",":
        sent = verb.sent
        for ent in reversed([e for e in ents_of(doc) if sent.start <= e.start and e.end <= prev]):
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            between = doc[ent.end:prev]
            if ent.end < len(doc) and doc[ent.end].text == "," and len(between) <= 25 \
                    and not any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") for t in between):
                return ent.root
            break
    return None


# -- resolution ---------------------------------------------------------------------------------

def resolve_token(registry: ActorRegistry, head, *, para_start: int = 0, in_quote_of: str | None = None) -> Resolved:
    """The actor a subject token stands for, with the mention span it rests on."""
    doc = head.doc
    head = _past_dateline(head)
    low = head.lower_
    if low in RELATIVE and head.head.dep_ == "relcl":
        antecedent = head.head.head
        if antecedent.dep_ == "appos" and antecedent.pos_ == "NOUN" and antecedent.head.pos_ in ("NOUN", "PROPN"):
            antecedent = antecedent.head  # "The customer, a mother of two who asked not to be named": the customer
        inner = resolve_token(registry, antecedent, para_start=para_start)
        return Resolved(inner.actor, head.text, head.idx, head.idx + len(head.text))
    if head.pos_ == "PRON" and low not in _pronoun_table() and low not in RELATIVE:
        # "some of his rivals", "those who voted": a quantity or a demonstrative heads a phrase
        whole = full_mention(head)
        span = mention_span(head)
        actor = None
        if len(span) > 2 and len(span.text) < 90 and any(t.pos_ in ("NOUN", "PROPN") for t in span):
            actor = registry.add(span.text, "unnamed")  # "some of her rivals", not "all of them"
        return Resolved(actor, whole.text, whole.start_char, whole.end_char)
    if head.pos_ == "PRON" or low in PERSONAL or low in PLURAL or low in NEUTER or low in FIRST_SECOND:
        actor = None
        if low in FIRST_SECOND:
            actor = in_quote_of
        elif _expletive(head):
            actor = None  # "It was a potent punch, …": an empty subject stands for nobody
        else:
            actor = resolve_pronoun(registry, low, head.idx, sentence_start=head.sent.start_char,
                                    paragraph_start=_line_start(head), quoted=_quoted_before(head))
            if actor and low in PERSONAL:
                registry.pronouns.append((head.idx, actor, PERSONAL[low]))
        if any(c.dep_ == "conj" for c in head.children):  # "She and her aides": the whole pair says it
            whole = full_mention(head)
            return Resolved(actor, whole.text, whole.start_char, whole.end_char)
        return Resolved(actor, head.text, head.idx, head.idx + len(head.text))
    span = mention_span(head)
    actor = _resolve_span(registry, span, head)
    if actor is None:
        group = _one_of(head)
        if group is not None and group.lower_ in ("them", "those"):
            actor = _group_before(registry, head.idx)  # "One of them said", after "two diplomats familiar with …"
        elif group is not None:  # "one of the people said": one of the people named before
            actor = resolve_token(registry, group, para_start=para_start).actor
    whole = full_mention(head)
    return Resolved(actor, whole.text, whole.start_char, whole.end_char)


OPENERS = {"“": "”", "\"": "\"", "''": "''", "``": "''"}
SYMMETRIC = {"\"", "''"}  # marks that open and close alike


def _quoted_before(tok) -> list[tuple[int, int]]:
    """Character ranges quoted in the token's sentence before it: in "“Jonas did nothing wrong,” he
    said", Jonas is a name inside the quotation, not the subject "he" picks up."""
    out, open_at, closer = [], None, None
    for t in tok.doc[tok.sent.start:tok.i]:
        if open_at is None and t.text in OPENERS:
            open_at, closer = t.idx, OPENERS[t.text]
        elif open_at is not None and t.text == closer or (closer == "”" and t.text == "\"" and open_at is not None):
            out.append((open_at, t.idx))
            open_at = None
    if open_at is not None and closer in SYMMETRIC and not out:
        out.append((tok.sent.start_char, open_at))  # a straight mark left open closes a quotation begun before
    elif open_at is None and not out:
        # a quotation that opened in an earlier sentence: everything before the closing mark is quoted
        close = next((t for t in reversed(tok.doc[tok.sent.start:tok.i]) if t.text == "”"), None)
        if close is not None:
            out.append((tok.sent.start_char, close.idx))
    return out


def _line_start(tok) -> int:
    """Where the token's line (its paragraph) starts; walks the tokens, since `doc.text` is rebuilt on
    every call."""
    doc = tok.doc
    for i in range(tok.i - 1, -1, -1):
        if "\n" in doc[i].text_with_ws:
            return doc[i + 1].idx
    return 0


def _one_of(head):
    """The group in "one of the people", "two of the officials"."""
    if head.pos_ != "NUM" and head.lower_ not in ("one", "some", "several", "many", "most", "each"):
        return None
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is not None and pobj.lower_ in ("them", "those"):
        return pobj
    return pobj if pobj is not None and pobj.pos_ == "NOUN" else None


def _group_before(registry: ActorRegistry, before: int, window: int = 1500) -> str | None:
    """The latest unnamed group of people before a position ("two people familiar with the talks")."""
    for seen in reversed(registry.seen()):
        actor = registry.get(seen.actor)
        if seen.start < before and before - seen.start <= window and seen.actor in registry.groups:
            return actor.id
    return None


def _past_dateline(head):
    """"WASHINGTON -- President Ilse Varga said": the parser may take the dateline for the subject and
    hang the name on it; the speaker is the name after the dash."""
    doc = head.doc
    dash = head.i + 1
    if dash < len(doc) and doc[dash].text == "(":  # "KERT (Reuters) –": the agency's name first
        close = next((t.i for t in doc[dash:dash + 5] if t.text == ")"), None)
        dash = close + 1 if close is not None else dash
    if dash + 1 < len(doc) and doc[dash].text in DASHES and head.i - head.sent.start <= 3 \
            and (head.text.isupper() or head.ent_type_ in ("GPE", "LOC")):
        for child in head.rights:
            if child.dep_ == "appos" and child.i > dash:
                return child
    return head


def full_mention(head):
    """The whole noun phrase a subject heads, appositives and relative clauses included ("Jeff
    Weaver, Sanders' campaign manager,"): the mention an attribution rests on, as annotators mark it."""
    doc = head.doc
    a, b = head.left_edge.i, head.right_edge.i
    for i in range(a, head.i):  # "WASHINGTON — Sen. Ilse Marr": a dateline is not part of the name
        if doc[i].text in DASHES and doc[i].whitespace_ and i > 0 and doc[i - 1].whitespace_:
            a = i + 1
    while a < head.i and (doc[a].is_punct or doc[a].is_space or doc[a].dep_ == "cc"):
        a += 1
    while b > head.i and (doc[b].is_punct or doc[b].is_space):
        b -= 1
    while b > a and doc[b].dep_ == "case":  # "Kade's claim": the owner, not the possessive mark
        b -= 1
    a = _stray_premodifiers(head, a, b)
    b = _before_participle(head, b)
    b = _before_date(head, b)
    while a < head.i and doc[a].lower_ in FOCUS_WORDS and doc[a].dep_ in ("advmod", "preconj", "det", "predet", "quantmod"):
        a += 1  # "Even the mayor said": the focus word is the writer's, not part of the mention
    span = doc[a:b + 1]
    if len(span.text) > 200:
        return mention_span(head)
    return span


def _before_date(head, b: int) -> int:
    """"a group of doctors in 2015 called for …": a date the parser hung on the noun says when, not who."""
    doc = head.doc
    for child in head.rights:
        if child.dep_ == "prep" and child.i <= b and child.right_edge.i >= b - 1 \
                and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in child.children):
            b = min(b, child.i - 1)
    while b > head.i and (doc[b].is_punct or doc[b].is_space):
        b -= 1
    return b


def _before_participle(head, b: int) -> int:
    """"by a group backing the mayor", "“…,” said a panel led by …": when the speaker is not the
    verb's own subject (an agent, an inverted or misparsed subject) a participle after its noun is the
    sentence's business, not the mention's. Subjects and "according to" sources keep theirs ("a poll
    released Thursday found …", as annotators mark it)."""
    if head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "pobj" and head.head.lower_ == "to"):
        return b
    doc = head.doc
    for child in head.rights:
        if child.dep_ == "acl" and child.tag_ in ("VBG", "VBN") and child.i <= b \
                and doc[child.left_edge.i - 1].text not in (",", "(", "—", "–"):
            return min(b, child.left_edge.i - 1)
    return b


def _stray_premodifiers(head, a: int, b: int) -> int:
    """Words of a name's title that the parser hung on the verb instead of the name ("Tennis great
    Ana Holm said", "Presumptive nominee Ana Holm told", "co-host Ana Holm asked", "Kert Radio's
    Ana Holm"): extend the mention's start over them."""
    doc = head.doc
    start = head.sent.start
    verb = head.head.i
    while a > start:
        t = doc[a - 1]
        if t.text == "-" and not t.whitespace_ and a - 2 >= start and not doc[a - 2].whitespace_:
            a -= 1  # "co-host": the hyphen, then the word before it
            continue
        if t.text in POSSESSIVE_MARKS and a - 2 >= start and not doc[a - 2].whitespace_ \
                and doc[a - 2].text[:1].isupper() and doc[a - 2].pos_ in ("PROPN", "NOUN"):
            a -= 2  # "Kert Radio's Ana Holm": the owner too
            continue
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb and t.pos_ in ("NOUN", "PROPN") \
                and head.dep_ in ("nsubj", "nsubjpass") and t.left_edge.i >= start:
            a = t.left_edge.i  # "Former envoy and frontrunner Ana Holm is": a second subject is the name's title
            continue
        if t.tag_ in ("PRP$", "DT") and a <= t.head.i <= b:
            a -= 1  # "His ex-wife": the determiner of a word already taken
            break
        if t.is_punct or t.is_space or t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") \
                or t.pos_ not in ("PROPN", "NOUN", "ADJ", "VERB"):
            break
        if t.i == verb or (t.head.i != verb and not a <= t.head.i <= b) or t.lemma_.lower() in _cues():
            break  # "Said Ana Holm, …": the verb itself
        if not (t.text[:1].isupper() or is_title_word(t.text) or (doc[a].text == "-" and not t.whitespace_)):
            break
        a -= 1
    return a


def _resolve_span(registry: ActorRegistry, span, head) -> str | None:
    doc = span.doc
    # 1. a named entity at the head (or the head's compound name)
    for ent in ents_of(doc):
        if ent.label_ in ("PERSON", "ORG", "GPE", "NORP") and ent.start <= head.i < ent.end:
            found = _actor_at(registry, ent.start_char, ent.end_char) or registry.resolve(ent.text, ent.start_char)
            if found:
                _alias(registry, found, span.text)
                return found
    # 2. "Her daughter, Marit Vance-Oduya": an appositive name
    for child in head.children:
        if child.dep_ == "appos":
            ent = _ent_of(child)
            if ent is not None and ent.label_ in ("PERSON", "ORG"):
                found = _actor_at(registry, ent.start_char, ent.end_char) or registry.resolve(ent.text, ent.start_char)
                if found:
                    _alias(registry, found, span.text)
                    return found
    # 2b. "A spokeswoman for Halvard, Greta Olsen, said": the parser hangs the name on the body
    if is_title_word(head.text):
        for prep in (c for c in head.children if c.dep_ == "prep"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for appos in (c for c in pobj.children if c.dep_ == "appos"):
                    ent = _ent_of(appos)
                    if ent is not None and ent.label_ == "PERSON":
                        found = _actor_at(registry, ent.start_char, ent.end_char) or registry.resolve(ent.text, ent.start_char)
                        if found:
                            _alias(registry, found, span.text)
                            return found
    words = [t for t in span if not t.is_punct]
    det = words[0].lower_ if words else ""
    lemma = head.lemma_.lower()
    # 3. role nouns: "the councillor", "the foreign minister", "Brackwater's managing director"
    if head.pos_ in ("NOUN", "PROPN") and is_title_word(head.text) and det not in INDEFINITE:
        found = _by_title(registry, span, head)
        if found:
            _alias(registry, found, span.text)
            return found
    # 3c. epithets: "The former Aldenport defender said", "the 24-year-old said", "The Swede said": the
    # person the story is about at that point, as a pronoun would be
    if det == "the" and _epithet(head):
        found = resolve_pronoun(registry, "", head.idx, sentence_start=head.sent.start_char,
                                paragraph_start=_line_start(head), quoted=_quoted_before(head))
        if found:
            _alias(registry, found, span.text)
            return found
    # 4a. "The Velmar Dockers' Union": a capitalised name the tagger missed is a body of its own,
    # not "the union" named before
    if head.pos_ == "PROPN" and head.text[:1].isupper() and det == "the" \
            and any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span if t.i < head.i):
        name = span.text[len(words[0].text):].strip()
        from .registry import org_kind
        return registry.resolve(name, span.start_char) or registry.add(name, org_kind(name, None))
    # 3b. "the letter said" after "In a letter to staff, he wrote …": the letter's writer
    if det in ("the", "this", "that") and lemma in wordset("document_nouns.txt"):
        found = _writer_of_earlier(registry, head)
        if found:
            return found
    # 4a. "her office", "his campaign": the person's own body speaks for them
    owner = next((t for t in head.children if t.dep_ == "poss" and t.lower_ in POSSESSIVE), None)
    if owner is not None and _noun_kind(span, lemma):
        found = resolve_pronoun(registry, "he" if POSSESSIVE[owner.lower_] == "m" else "she", owner.idx,
                                sentence_start=owner.sent.start_char, unnamed=False)  # (an anonymous source has no office)
        if found:
            return found
    # 4. "the paper" → the latest outlet; "the company"/"the statement" → the latest organization
    if det in ("the", "this", "that") or head.dep_ == "poss" or any(t.dep_ == "poss" for t in head.children):
        kind = _noun_kind(span, lemma)
        named_owner = next((t for t in head.children if t.dep_ == "poss" and t.pos_ in ("NOUN", "PROPN")), None)
        if kind and named_owner is not None:  # "the council's transport department": the council's body
            body = resolve_token(registry, named_owner).actor
            if body is not None and registry.get(body).kind in BODY_KINDS:
                return body
        own = _own_body(registry, span, head, kind) if kind == "government" else None
        if own:
            return own
        if kind:
            found = _latest(registry, span.start_char, kind, head_word=lemma)
            if found:
                _alias(registry, found, span.text)
                return found
    # 5. "researchers at the University of Aldenport", "officials in Moscow" → the body named inside
    inner = [e for e in ents_of(doc) if span.start <= e.start and e.end <= span.end and e.label_ in ("ORG", "GPE")]
    modifier = bool(inner) and inner[0].root.head.i == head.i and inner[0].root.dep_ in ("compound", "poss", "nmod")
    people_head = lemma in wordset("anonymous_heads.txt") or head.lower_ in wordset("anonymous_heads.txt") \
        or is_title_word(head.text)
    # ("a Financial Times publication" is the paper's; "an unnamed Ostravan diplomat" stays unnamed: one
    # of them, not the body)
    one_of_them = people_head and det in ("a", "an")
    # "A statement from the transport ministry said": the body the document comes from
    from_body = bool(inner) and lemma in wordset("issued_nouns.txt") and inner[0].root.head.lower_ in ("from", "by", "of") \
        and inner[0].root.head.head.i == head.i
    if inner and head.pos_ == "NOUN" and not one_of_them and (modifier or people_head or from_body):
        found = _actor_at(registry, inner[0].start_char, inner[0].end_char) or registry.resolve(inner[0].text, inner[0].start_char)
        if found:
            _alias(registry, found, span.text)
            return found
    # 6. capital-city and seat-of-power metonyms without an entity tag ("the White House")
    gov = registry.resolve(span.text, span.start_char)
    if gov:
        return gov
    if head.ent_type_ in NOT_SPEAKER_ENTS:
        return None  # "in July, which showed …": a date, a sum or a count says nothing
    # 7. a name spaCy did not tag ("Della Fenwick, a spokeswoman …"): a person if it carries a
    # person's marks, else an organization
    if head.pos_ == "PROPN":
        return _untagged_name(registry, head)
    # 8. anonymous sources and other unnamed speakers: an actor named by its own words
    if head.pos_ == "NOUN" and len(span.text) < 90:
        name = re.sub(r"[’']s?$", "", span.text)  # "the council's (department)": the council
        kind = "unnamed"
        if len(words) == 1 and not people_head and not _noun_kind(span, lemma) and head.tag_ == "NNS":
            return None  # "Ships began leaving": a bare plural that names no one
        if name.split()[0].lower() in ("the", "this") and is_title_word(head.text):
            mods = {t.lower_ for t in span if t.i != head.i and t.pos_ in ("NOUN", "PROPN", "ADJ")}
            group = _unnamed_group_before(registry, span.start_char, {lemma, head.lower_}, mods)
            if group:  # "the official" after "a senior official, who asked not to be named"
                _describe(registry, group, head)
                return group
        elif name.split()[0].lower() in ("the", "this"):
            if not (people_head or _noun_kind(span, lemma)):
                return None  # "The informal document": a thing, not a speaker
            group = _unnamed_group_before(registry, span.start_char, {lemma, head.lower_}) if people_head else None
            if group:  # "the people" after "two people familiar with the matter"
                _describe(registry, group, head)
                return group
            kind = "unnamed" if people_head and not _noun_kind(span, lemma) else "organization"  # ("The two men")
            name = name[0].upper() + name[1:]
        actor_id = registry.add(name, kind)
        if kind == "unnamed" and head.tag_ == "NNS" and people_head:
            registry.groups.add(actor_id)  # "Officials at the rail workers' union said …. They said …"
        if kind == "unnamed" and head.tag_ == "NN" and people_head and det in ("a", "an", "one") \
                and lemma not in wordset("asker_nouns.txt"):
            registry.singular.add(actor_id)  # "a local doctor … she said": one person, whom he/she can pick up
            g = gender_of_words([head.text]) or _gender_in_relative(head)
            if g:
                registry.gender.setdefault(actor_id, g)
        return actor_id
    return None


def _epithet(head) -> bool:
    """A noun phrase that re-describes someone already in the story rather than naming a role: "the
    former defender", "the 52-year-old", "the Swede" (a nationality for one person)."""
    if head.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ == "former" for c in head.children):
        return True
    if head.lower_ == "old" and any(c.lower_ == "year" and any(g.like_num for g in c.children) for c in head.children):
        return True
    return head.ent_type_ == "NORP" and head.tag_ == "NNP" and not head.text.endswith("s")


def _own_body(registry: ActorRegistry, span, head, kind: str) -> str | None:
    """"The defence ministry said" after the emergency agency was named: a body with its own portfolio
    is the body named with those words, or a body of its own, never merely the latest one."""
    # (lower-case words only: "the Obama administration" is the government named, "the defence
    # ministry" a body of its own; the tagger reads some lower-case words as proper nouns)
    mods = [t for t in head.lefts if t.text.islower() and (
            (t.dep_ == "compound" and t.pos_ in ("NOUN", "PROPN"))
            or (t.dep_ in ("amod", "compound") and head.lower_ in ("ministry", "department")
                and t.pos_ in ("ADJ", "PROPN")))]
    if not mods:
        return None
    need = {t.lower_ for t in mods} | {head.lower_}
    for s in reversed(registry.seen()):
        actor = registry.get(s.actor)
        if s.start < span.start_char and actor.kind in BODY_KINDS and need <= set(norm_key(actor.name).split()):
            _alias(registry, actor.id, span.text)
            return actor.id
    words = [t for t in span if t.dep_ not in ("det", "poss", "case") and not t.is_punct]
    if not words:
        return None
    name = span.doc[words[0].i:span.end].text
    return registry.add(name[0].upper() + name[1:], kind, alias=span.text)


def _describe(registry: ActorRegistry, actor_id: str, head) -> None:
    """"The customer, a mother of two from Aldenport": the appositive describes the source named
    before (an alias, and its gender)."""
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            desc = _desc_span(child)
            if desc is not None:
                _alias(registry, actor_id, desc.text)
            g = gender_of_words([child.text]) or _gender_in_relative(child)
            if g:
                registry.gender.setdefault(actor_id, g)


def _gender_in_relative(head) -> str | None:
    """"A local doctor, who did not want to be named for fear of losing her job": the relative clause's
    pronouns give the source's gender (none, or both, gives nothing)."""
    found = set()
    for child in head.children:
        if child.dep_ in ("relcl", "acl"):
            for t in child.subtree:
                g = PERSONAL.get(t.lower_) or POSSESSIVE.get(t.lower_) or {"himself": "m", "herself": "f"}.get(t.lower_)
                if g:
                    found.add(g)
    return found.pop() if len(found) == 1 else None


def _untagged_name(registry: ActorRegistry, head) -> str | None:
    from .registry import person_signals
    doc = head.doc
    toks = [t for t in head.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"] + [head]
    left = min(t.i for t in toks)
    while left < head.i and is_title_word(doc[left].text):
        left += 1
    name_span = doc[left:head.i + 1]
    name = name_span.text
    found = registry.resolve(name, name_span.start_char)
    if found:
        return found
    if person_signals(name_span):
        actor_id = registry.add(name, "person")
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                g = gender_of_words([child.text])
                if g:
                    registry.gender.setdefault(actor_id, g)
                if is_title_word(child.text):
                    mods = [t for t in child.lefts if t.dep_ in ("compound", "amod") and not t.ent_type_]
                    registry.add_title(actor_id, " ".join(t.text for t in mods + [child]))
                    desc = _desc_span(child)
                    if desc is not None:
                        registry.add_alias(actor_id, desc.text)  # "a spokeswoman for Brackwater"
        return actor_id
    from .registry import org_kind
    return registry.add(name, org_kind(name, None))


def _alias(registry: ActorRegistry, actor_id: str, text: str) -> None:
    text = text.strip()
    if text and text.lower() not in _pronoun_table() and len(text) < 100:
        registry.add_alias(actor_id, text)


def _actor_at(registry: ActorRegistry, start: int, end: int) -> str | None:
    for s in registry.seen():
        if s.start < end and start < s.end:
            return s.actor
    return None


def _noun_kind(span, lemma: str) -> str | None:
    words = " ".join(t.lower_ for t in span if not t.is_punct)
    if lemma in wordset("outlet_nouns.txt") or any(w in words for w in wordset("outlet_nouns.txt") if " " in w):
        return "outlet"
    if lemma in wordset("government_nouns.txt"):
        return "government"
    if lemma in wordset("org_nouns.txt"):
        return "organization"
    return None


def _unnamed_group_before(registry: ActorRegistry, before: int, heads: set[str],
                          mods: set[str] = frozenset()) -> str | None:
    """The latest unnamed source whose first words hold the noun ("two people familiar with …") and
    every modifier of the mention ("the Ohio governor" is not "a Florida governor")."""
    for seen in reversed(registry.seen()):
        actor = registry.get(seen.actor)
        words = norm_key(actor.name).split()
        if seen.start < before and actor.kind == "unnamed" and heads & set(words[:4]) and mods <= set(words):
            return actor.id
    return None


def _writer_of_earlier(registry: ActorRegistry, head) -> str | None:
    """Who wrote or sent the same document named earlier ("In a letter to staff seen by the Courier, he
    wrote that …" … "the letter said"): the subject of the verb the document hangs on."""
    doc = head.doc
    for t in reversed(doc[max(0, head.i - 200):head.i]):
        if t.lemma_.lower() == head.lemma_.lower() and t.sent.start != head.sent.start:
            verb = t.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            subj = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
            if subj is None or subj.i == t.i:
                return None
            actor = resolve_token(registry, subj).actor
            return actor if actor and registry.get(actor).kind in ("person", "organization", "government") else None
    return None


BODY_KINDS = ("organization", "outlet", "government")


def _latest(registry: ActorRegistry, before: int, kind: str, head_word: str = "") -> str | None:
    """The most salient actor of a kind before a position: an earlier speaker first, then the latest."""
    kinds = {"outlet": ("outlet",), "organization": ("organization", "government"),
             "government": ("government", "organization")}[kind]
    seen = [s for s in registry.seen() if s.start < before and registry.get(s.actor).kind in kinds]
    if head_word and kind != "outlet":
        # "the ministry", "the agency", "the board": the latest body whose name has the word, of any kind
        named = [s for s in registry.seen() if s.start < before and registry.get(s.actor).kind in BODY_KINDS
                 and head_word in registry.get(s.actor).name.lower().split()]
        if named:
            return named[-1].actor
        if kind == "government" and not any(registry.get(s.actor).kind == "government" for s in seen):
            return None  # "the ministry" with no government named: not the company of the story
        if head_word in wordset("named_body_nouns.txt"):
            return None  # "the board" when only the teachers' union was named: a body of its own
    if kind == "outlet" and not seen:
        outlets = [a for a in registry.actors() if a.kind == "outlet"]
        return outlets[0].id if len(outlets) == 1 else None
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


def _by_title(registry: ActorRegistry, span, head) -> str | None:
    """The person whose title the role noun repeats; a name in the role ("the Rovers coach") must be
    in the title too when some person's title has it ("Rovers coach Ines Dahl", not "United coach …")."""
    named = {t.lower_ for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.ent_type_ and t.dep_ != "poss"
             and not any(c.dep_ == "case" for c in t.children) and t.i != head.i}
    if named:
        words = {t.lower_ for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ")}
        found = _by_title_words(registry, span, head, words)
        if found:
            return found
    return _by_title_words(registry, span, head, {t.lower_ for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.ent_type_})


def _by_title_words(registry: ActorRegistry, span, head, words: set[str]) -> str | None:
    head_word = head.lower_
    best, best_pos = None, -1
    for s in registry.seen():
        if s.start >= span.start_char:
            break
        actor = registry.get(s.actor)
        if actor.kind not in ("person",):
            continue
        titles = " ".join(actor.titles + actor.aliases).lower()
        if re.search(rf"\b{re.escape(head_word)}\b", titles) and all(
                re.search(rf"\b{re.escape(w)}\b", titles) for w in words if w != head_word and not w.endswith("'s")):
            if s.start > best_pos:
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
    table = _pronoun_table()
    gender = table.get(pronoun.lower()) if pronoun else "x"  # "x": a person of either gender (an epithet)
    if gender in ("m", "f", "x"):
        kinds = ("person",)
    elif gender in ("p", "n"):
        kinds = ("organization", "government", "outlet")
    else:
        return None
    cands = [s for s in registry.seen() if s.start < position and position - s.start <= window
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


def resolve_text(registry: ActorRegistry, text: str, start: int | None = None) -> str | None:
    """Text-only resolution (for other stages): names, aliases, surnames, governments, pronouns,
    role nouns and "the paper"."""
    raw = " ".join((text or "").split()).strip(" ,.;:\"“”")
    if not raw:
        return None
    low = norm_key(raw)
    low_nodet = norm_key(strip_det(raw))
    pos = start if start is not None else 10 ** 9
    if low in _pronoun_table():
        return resolve_pronoun(registry, low, pos) if start is not None else None
    matches = registry.ids_by_alias(low) | registry.ids_by_alias(low_nodet)
    if matches:
        return _nearest(registry, sorted(matches), pos)
    govs = registry.govs or mapping("governments.json")["names"]
    country = govs.get(raw) or govs.get(strip_det(raw))
    if country:
        from ..text.names import slug
        if registry.get(slug(country)):
            return slug(country)
        return registry.add(country, "government", alias=strip_det(raw))
    words = low_nodet.split()
    if not words:
        return None
    # surname or a person's name without its title ("President Trump"), not a phrase that merely ends
    # in a name ("One pastor supporting Mr. Cruz" is the pastor, not Cruz)
    persons = [a for a in registry.actors() if a.kind == "person"]
    last = words[-1]
    hits = [a.id for a in persons if norm_key(a.name).split()[-1] == last]
    if hits and _name_like(strip_det(raw).split()[:-1]):
        return _nearest(registry, hits, pos)
    head = words[-1]
    if is_title_word(head) and _name_like(strip_det(raw).split()[:-1]):  # ("a person close to the mayor": not her)
        hits = [a.id for a in persons if any(re.search(rf"\b{re.escape(head)}\b", t.lower()) for t in a.titles)]
        if hits:
            return _nearest(registry, hits, pos)
    kind = ("outlet" if head in wordset("outlet_nouns.txt") else
            "organization" if head in wordset("org_nouns.txt") else
            "government" if head in wordset("government_nouns.txt") else None)
    if kind and raw.lower().startswith(("the ", "this ")):
        return _latest(registry, pos, kind, head_word=head)
    return None


NAME_PREMODIFIERS = {"former", "foreign", "deputy", "vice", "acting", "interim", "then", "late", "of", "the"}


def _name_like(words: list[str]) -> bool:
    """Are the words before a surname part of a name or its title ("Deputy Mayor Ana", "former
    president")?"""
    from ..text.names import honorific
    return all(w[:1].isupper() or is_title_word(w) or honorific(w) or w.lower() in NAME_PREMODIFIERS
               or not any(ch.isalpha() for ch in w) for w in words)


def _nearest(registry: ActorRegistry, ids: list[str], pos: int) -> str:
    """Of several candidate actors, the one mentioned last before `pos` (else the first)."""
    if len(ids) == 1:
        return ids[0]
    best, best_pos = ids[0], -1
    for s in registry.seen():
        if s.actor in ids and s.start <= pos and s.start > best_pos:
            best, best_pos = s.actor, s.start
    return best


def note_role_subjects(registry: ActorRegistry, doc) -> None:
    """"The transport minister appeared to soften her position": a role noun that is a clause's subject
    is a mention of the person with that title, for salience ("She told the Courier …" next) and for
    gender ("her position")."""
    for tok in doc:
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "NOUN" or not is_title_word(tok.text):
            continue
        det = next((c.lower_ for c in tok.children if c.dep_ == "det"), "")
        if det not in ("the", "this", "that"):
            continue
        span = mention_span(tok)
        found = _by_title(registry, span, tok)
        if found:
            registry.note(found, span.start_char, span.end_char, span.text, subject=True)


def learn_genders(registry: ActorRegistry, doc) -> None:
    """Gender from the pronouns a named person's own clause uses for them: a possessive or reflexive
    ("Teodora Vance guided her first ship", "Lindell praised his side's patience") or the subject of
    what they said ("Vance said she would stay"). Each use is a vote; an honorific or a gendered title
    set earlier stands, and a person whose votes tie stays open."""
    from collections import Counter
    votes: dict[str, Counter] = {}
    for subj, g in gender_votes(doc, lambda t: _person_at(registry, t)):
        actor = _actor_at(registry, subj.idx, subj.idx + len(subj.text))
        if actor and registry.get(actor).kind == "person":
            votes.setdefault(actor, Counter())[g] += 1
    for actor, count in votes.items():
        first = _majority(count)
        if first:
            registry.gender.setdefault(actor, first)


def _majority(count) -> str | None:
    (first, n1), *rest = count.most_common()
    return first if not rest or n1 > rest[0][1] else None


def name_genders(doc) -> dict[str, str]:
    """Genders of full names (norm_key of a two-word or longer PERSON entity) from the same votes,
    before the actors exist: "Anna Brill said she …" lets a later "Ms Brill" find Anna, not Thomas."""
    from collections import Counter
    votes: dict[str, Counter] = {}
    for subj, g in gender_votes(doc, lambda t: False):
        ent = _ent_of(subj)
        words = [t for t in ent if t.pos_ == "PROPN"] if ent is not None else []
        if ent is not None and ent.label_ == "PERSON" and len(words) >= 2:
            votes.setdefault(norm_key(" ".join(t.text for t in words)), Counter())[g] += 1
    return {name: g for name, count in votes.items() if (g := _majority(count))}


def gender_votes(doc, untagged_person=lambda tok: False):
    """(subject token, "m"|"f") for each pronoun that its own clause's named subject is referred by."""
    for tok in doc:
        g = _clause_pronoun_gender(tok)
        if not g:
            continue
        verb = tok.head
        while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb is None:
            continue
        in_subject = tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"))
        if in_subject and verb.dep_ == "ccomp":
            verb = verb.head  # "Vance said she would stay", "… said his government had …": the sayer of the clause
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.ent_type_ != "PERSON":  # "Velm's foreign minister, Karel Danek, said"
            subj = next((c for c in subj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), subj)
        if subj is None or subj.i > tok.i:
            continue
        if subj.ent_type_ != "PERSON" and not (subj.pos_ in ("PROPN", "NOUN") and untagged_person(subj)):
            continue  # ("Dahl, who took over in January, has won six of her matches": a surname left untagged)
        if any(t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME")) or t.lower_ in PERSONAL
               or (t.pos_ == "NOUN" and t.dep_ in ("dobj", "dative", "pobj") and is_title_word(t.text))
               for t in doc[subj.i + 1:tok.i] if t.head.i != subj.i and t.dep_ != "compound"):
            continue  # "Trump attacked Clinton for her support": another person stands between
        yield subj, g


def _person_at(registry: ActorRegistry, tok) -> bool:
    actor = _actor_at(registry, tok.idx, tok.idx + len(tok.text))
    return actor is not None and registry.get(actor).kind == "person"


def _clause_pronoun_gender(tok) -> str | None:
    low = tok.lower_
    if low in ("himself", "herself"):
        return "m" if low == "himself" else "f"
    if tok.dep_ == "poss" or (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ccomp"
                              and tok.head.head.lemma_.lower() in _cues()):
        return PERSONAL.get(low) or POSSESSIVE.get(low)
    return None
