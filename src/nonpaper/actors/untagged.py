"""Names the entity recognizer missed or cut short, found from their marks: a title or honorific
("Minister Petra Ulvang"), a first name left outside ("Mayor Ana Brill" with only "Brill" tagged), a
lone surname of a known person ("Rask met the envoy"), a body its appositive names ("Brackwater
Restoration, the firm renovating the hall")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import wordset
from ..text.names import ents_of, honorific, is_title_word, norm_key
from .clusters import Cluster, ClusterMention
from .kinds import age_after, body_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def untagged_surnames(doc: Doc, clusters: list[Cluster], taken: set[int]) -> None:
    """A lone surname spaCy left untagged ("Rask met the envoy"), or tagged as a product or a work
    ("Wendt and Amadi clashed"), joins the person with that surname."""
    tagged = {t.i for e in ents_of(doc) if e.label_ in ("PERSON", "ORG", "GPE", "LOC", "NORP") for t in e}
    people = {}
    for c in clusters:
        if c.kind == "person":
            for n in c.names:
                people.setdefault(norm_key(n.split()[-1]), c)
    if not people:
        return
    for tok in doc:
        # (a capitalised surname tagged as a common noun inside a sentence, "…, Cassidy interrupted him",
        # too; at a sentence's start the capital proves nothing: "Price rises …")
        name_like = tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.text[:1].isupper() and not tok.is_sent_start)
        if not name_like or tok.i in tagged or tok.dep_ in ("compound", "flat"):
            continue
        if any(t.dep_ in ("compound", "flat") for t in tok.lefts):
            continue
        cluster = people.get(norm_key(tok.text))
        if cluster is None or any(m.start == tok.idx for m in cluster.mentions):
            continue
        cluster.aliases.append(tok.text)
        cluster.mentions.append(ClusterMention(tok.idx, tok.idx + len(tok.text), tok.text, tok.dep_ in ("nsubj", "nsubjpass")))
        cluster.mentions.sort()


def untagged_people(doc: Doc) -> list[Span]:
    """Names spaCy left untagged but a title or an honorific marks as people: "Minister Petra Ulvang",
    "Ms. Varg". Returned as PERSON spans over the name (the title stays outside)."""
    from spacy.tokens import Span
    tagged = {t.i for e in ents_of(doc) for t in e}
    marked = _marked_people(doc)
    out = []
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.dep_ in ("compound", "flat") or tok.i in tagged:
            continue
        chain = [t for t in tok.lefts if t.dep_ in ("compound", "flat") and t.i not in tagged] + [tok]
        chain = [t for t in chain if t.i >= tok.i - 4]
        if len(chain) < 2 or any(chain[k + 1].i != chain[k].i + 1 for k in range(len(chain) - 1)):
            continue
        k = 0
        while k < len(chain) and (is_title_word(chain[k].text) or honorific(chain[k].text)):
            k += 1
        name = chain[k:]
        if not name or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name):
            continue
        described = _appos_of_title(tok)
        if k == 0 and not (len(name) in (2, 3) and (tok.text in marked or described) and all(t.is_alpha for t in name)):
            continue  # ("Emeka Storrow scored twice" untagged, but "Storrow, who missed three weeks …")
        out.append(Span(doc, name[0].i, tok.i + 1, label="PERSON"))
    return out


def _appos_of_title(tok: Token) -> bool:
    """"The harbour board's chair, Vera Lund" / "The chair of the Kessary Harbour Board, Vera Lund" (the
    parser hanging the name on the board): a name set beside a title noun."""
    if tok.dep_ != "appos":
        return False
    head = tok.head
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.i < tok.i:
        head = head.head.head
    return head.pos_ == "NOUN" and is_title_word(head.text)


def _marked_people(doc: Doc) -> set[str]:
    """Capitalised words that somewhere carry a person's mark of their own: a "who" clause ("Storrow,
    who missed three weeks …") or a bare age ("Mbeki, 19, …")."""
    out = set()
    for tok in doc:
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.lower_ in body_words():
            continue
        who = any(c.dep_ == "relcl" and any(g.lower_ == "who" for g in c.children) for c in tok.children)
        if who or age_after(doc[tok.i:tok.i + 1]):
            out.add(tok.text)
    return out


def with_first_names(ent: Span, tagged: set[int], places: frozenset[str] | set[str] = frozenset()) -> Span:
    """"Mayor Ana Brill" where spaCy tagged only "Brill": the untagged capitalized words of the same
    name in front of the entity belong to it (a title before them stays outside). `tagged`: the token
    indices inside entities. A name no gazetteer knows (not in `places`) that the tagger cut into two
    places ("Ippei" and "Mizuhara" as two GPEs) is one name too; whether it is a person's, the marks
    of a person decide later ("his former interpreter, Ippei Mizuhara")."""
    from spacy.tokens import Span
    doc = ent.doc
    if ent.label_ not in ("PERSON", "ORG", "GPE", "LOC"):
        return ent
    lone_place = ent.label_ in ("GPE", "LOC") and len(ent) == 1 and ent.text not in places
    i = ent.start
    while i > 0:
        t = doc[i - 1]
        split_place = lone_place and i == ent.start and t.ent_type_ == ent.label_ and t.ent_iob_ == "B" \
            and t.text not in places
        # ("He Jiankui said": a capitalised pronoun hung on the name as its compound is the name's first word)
        name_word = t.pos_ == "PROPN" or (t.tag_ == "PRP" and t.dep_ == "compound" and t.text.istitle())
        if (t.i in tagged and not split_place) or not name_word or t.dep_ not in ("compound", "flat") \
                or not t.text[:1].isupper() or not ent.start <= t.head.i < ent.end or is_title_word(t.text) \
                or honorific(t.text) or _capitals_before_name(t, ent):
            break
        i -= 1
    return ent if i == ent.start else Span(doc, i, ent.end, label=ent.label_)


def _capitals_before_name(t: Token, ent: Span) -> bool:
    """"… BUT IT WILL TAKE TIMES Zachert stated": a word in capitals before a person's name in ordinary case
    ends a line in capitals; it is no first name, nor is the word of a body ("the Presidency")."""
    if t.lower_ in body_words():
        return True  # ("Minister in the Presidency Khumbudzo Ntshaveni": the body is no first name)
    return ent.label_ == "PERSON" and len(t.text) > 1 and t.text.isupper() and not ent[0].text.isupper()


def untagged_bodies(doc: Doc) -> list[Span]:
    """Names the tagger missed that their appositive calls a body: "Brackwater Restoration, the firm
    renovating the hall, said" (ORG spans, so that "Brackwater" alone, tagged as a person, folds in)."""
    from spacy.tokens import Span
    tagged = {t.i for e in ents_of(doc) for t in e}
    nouns = wordset("org_nouns.txt") | wordset("outlet_nouns.txt")
    out = []
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.i in tagged or tok.dep_ in ("compound", "flat") or not tok.text[:1].isupper():
            continue
        if not any(c.dep_ == "appos" and c.lemma_.lower() in nouns and any(g.dep_ == "det" for g in c.children)
                   for c in tok.children):
            continue
        chain = [t for t in tok.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN" and t.text[:1].isupper()
                 and t.i not in tagged] + [tok]
        if any(chain[k + 1].i != chain[k].i + 1 for k in range(len(chain) - 1)):
            continue
        out.append(Span(doc, chain[0].i, tok.i + 1, label="ORG"))
    return out
