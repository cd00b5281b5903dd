"""Where a reported content ends and begins (stage 5's last step): the tokens a content span keeps.

It decides that an aside after a comma (", which …", ", according to …", ", a swipe at …") or after a
dash is the writer's and cuts it off; that punctuation, a leading "that" and a trailing conjunction are
dropped; and that a span keeps its quotation marks paired.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import wordset
from .marks import ALL_MARKS

if TYPE_CHECKING:
    from spacy.tokens import Doc


TAIL_BREAKS = frozenset({"--", "—", "―"})


CLOSING_MARKS = frozenset({"”", "''", '"', "»"})


def cut_tail(doc: Doc, a: int, b: int) -> int:
    """The reported content ends before an aside tacked on after a comma: ", which …", ", arguing …",
    ", according to …", ", although …", or after a dash (the writer's words, not the speaker's); an aside runs to the end."""
    quoted = 0
    last = b  # the last word: a full stop and a paragraph break after it end nothing
    while last > a and (doc[last].is_punct and doc[last].text not in ALL_MARKS or doc[last].is_space):
        last -= 1
    skip_to = -1
    for i in range(a + 1, b + 1):
        t = doc[i]
        if t.text in ALL_MARKS:
            quoted ^= 1
        if quoted or i <= skip_to:
            continue
        if t.text in TAIL_BREAKS and i - a >= 3:
            close = next((j for j in range(i + 1, min(b, i + 30) + 1) if doc[j].text == t.text), None)
            if close is not None and close < b:
                skip_to = close  # "BuzzFeed -- which is best known for … -- missed its targets": an aside, not the end
                continue
            return i - 1
        if t.lower_ == "even" and i < b and doc[i + 1].lower_ in ("as", "though", "if", "while") and i - a >= 4 \
                and doc[i + 1].dep_ == "mark":  # (not "Trump, even as a candidate, had …")
            return i - 1  # "… the party's nominee, even as he has taken shots at …": the writer's caveat
        # a comma inside the closing mark sets off what follows as well: "“… by Cleveland,” referring to …"
        comma = doc[i - 1].text == "," or doc[i - 1].text in CLOSING_MARKS and doc[i - 2].text == ","
        if comma and i - a >= 4 and _aside_after_comma(doc, i, b, last):
            return i - 2
    return b


def _aside_after_comma(doc: Doc, i: int, b: int, last: int) -> bool:
    """The words from token i, right after a comma, are the writer's aside (up to b; `last` is the last word)."""
    t = doc[i]
    if t.lower_ == "according" and i < b and doc[i + 1].lower_ == "to":
        return True
    if t.lower_ == "compared" and i < b and doc[i + 1].lower_ in ("with", "to") and b + 2 >= t.sent.end:
        return True  # "said X would be better, compared with 41 percent for …": the writer's comparison
        # (one inside a report closed by its cue, "X, compared with Y, the researchers wrote", is theirs)
    if _gloss_after(doc, i, b):
        return True  # ", the latter a reference to clubs that …", ", a swipe at …": the writer's gloss
    if t.lower_ in ("although", "though", "whereas", "while") and t.dep_ == "mark" and t.head.pos_ in ("VERB", "AUX"):  # (not "a crucial, although brief, opportunity")
        return True  # ", although it may take days to tell": the writer's caveat
    if t.lower_ == "which" and t.head.dep_ == "relcl" and t.head.right_edge.i >= min(b - 1, last) \
            and not any(x.text in ALL_MARKS for x in doc[i:b + 1]):
        return True  # (", which “will help elect Kloppenburg”": the speaker's words go on in the clause)
    if t.lower_ == "who" and t.head.dep_ == "relcl" and t.head.head.pos_ == "PROPN" \
            and t.head.right_edge.i >= min(b - 1, last):
        return True  # ", who has not been charged …" about a named person
    if t.lower_ in ("a", "an") and t.head.dep_ == "appos" and t.head.head.ent_type_ == "PERSON" \
            and t.head.right_edge.i >= min(b - 1, last) and t.head.head.i < i:
        return True  # "…, he would consider Don Beyer, a former lieutenant governor who …": the writer's gloss
    v = doc[i + 1] if t.tag_ == "RB" and i < b else t  # ", implicitly putting …"
    return v.tag_ == "VBG" and v.dep_ in ("advcl", "xcomp", "acl") and v.head.i < i and v.right_edge.i >= min(b - 1, last)


def _gloss_after(doc: Doc, i: int, b: int) -> bool:
    """Tokens from i open a noun phrase of the writer's gloss (`gloss_nouns.txt`): "a reference to …",
    "an apparent swipe at …", "the latter a reference to …"."""
    for j in range(i, min(b, i + 4) + 1):
        t = doc[j]
        if t.lemma_.lower() in wordset("gloss_nouns.txt") and t.pos_ == "NOUN":
            return all(x.pos_ in ("DET", "ADJ", "ADV", "NOUN") or x.lower_ == "latter" for x in doc[i:j])
    return False


def trim(doc: Doc, a: int, b: int, cut: bool = True) -> tuple[int, int] | None:
    """The character offsets of tokens a..b as a content: cut before an aside (unless `cut` is False),
    without punctuation, a leading "that" or a trailing conjunction, its quotation marks paired; None
    when nothing is left."""
    if cut:
        b = cut_tail(doc, a, b)
    a = _past_citing(doc, a, b)
    while a <= b and (doc[a].is_punct and doc[a].text not in ALL_MARKS or doc[a].is_space
                      or (doc[a].lower_ in ("that",) and doc[a].dep_ == "mark")):
        a += 1
    while b >= a and (doc[b].is_punct and doc[b].text not in ALL_MARKS or doc[b].is_space
                      or doc[b].dep_ == "cc" and b > a and doc[b - 1].is_punct):  # "…, and" before a second report
        b -= 1
    if b < a:
        return None
    b = _close_open_mark(doc, a, b)
    a = _open_closed_mark(doc, a, b)
    start, end = doc[a].idx, doc[b].idx + len(doc[b].text)
    return start, end


def _past_citing(doc: Doc, a: int, b: int) -> int:
    """"citing an internal memo, that the repairs would take until June": a participle phrase the parser
    left before the "that" of what was reported is how it was reported, not what."""
    if a > b or doc[a].tag_ != "VBG":
        return a
    for t in doc[a + 1:min(b, a + 15) + 1]:
        if t.lower_ == "that" and t.dep_ == "mark" and doc[t.i - 1].text == ",":
            return t.i
    return a


def _open_closed_mark(doc: Doc, a: int, b: int) -> int:
    """"reported “2,521 shooting incidents” in the city": the parser hung the opening mark on the verb;
    a content closing a quotation it never opened takes the mark right before it."""
    closed = sum(1 for t in doc[a:b + 1] if t.text in ("”", "»")) - sum(1 for t in doc[a:b + 1] if t.text in ("“", "«"))
    if closed > 0 and a > 0 and doc[a - 1].text in ("“", "«"):
        return a - 1
    return a


def _close_open_mark(doc: Doc, a: int, b: int) -> int:
    """A content ending inside a quoted fragment (“wasn't good.” hung on the main verb) takes the
    closing mark, and the full stop before it, so its marks stay paired."""
    opened = sum(1 for t in doc[a:b + 1] if t.text in ("“", "«")) - sum(1 for t in doc[a:b + 1] if t.text in ("”", "»"))
    closers = ("”", "»")
    if opened <= 0:
        if sum(1 for t in doc[a:b + 1] if t.text == '"') % 2 == 0:
            return b
        closers = ('"',)  # a straight mark opened inside: ', "less than inflation."'
    for j in (b + 1, b + 2):
        if j < len(doc) and doc[j].text in closers:
            return j if all(doc[k].is_punct for k in range(b + 1, j)) else b
    return b
