"""Which surface forms stand for a country's government: the known ones (governments.json) and the
countries an article invents ("Ostrava" beside "Ostravan officials")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import mapping
from ..text.names import clean_org, ents_of, honorific, is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Doc


STATE_HEADS = frozenset({"minister", "ambassador", "envoy", "embassy", "parliament", "ministry", "army",
                         "navy", "diplomat", "diplomats"})
DEMONYM_ENDINGS = ("n", "an", "ian", "i", "ese")


def governments_of(doc: Doc) -> dict[str, str]:
    """Surface form -> country: the known ones (governments.json) and the invented countries of the
    article, found as a one-word name with a demonym beside it ("Ostrava" and "Ostravan officials") or
    owning a state's office ("Velmar's foreign minister", "the ambassador of Velmar"). Without them
    "Ostrava" tagged as a person would be a person whom "she" could pick up."""
    cached = doc.user_data.get("nonpaper_govs")
    if cached is not None:
        return cached
    govs = dict(mapping("governments.json")["names"])
    words = {t.text for t in doc if t.text[:1].isupper() and t.is_alpha}
    surnames = {e[-1].text for e in ents_of(doc) if e.label_ == "PERSON" and len(e) > 1}
    surnames |= {t.text for t in doc if t.i > 0 and t.text[:1].isupper()
                 and (honorific(doc[t.i - 1].text) or is_title_word(doc[t.i - 1].text))}  # "President Obama"
    # (places the tagger knows, "Europe", "Yemen", act through the GPE path already; a person's name
    # owns governments too, "Merkel's government", and gives adjectives, "Trumpian")
    for ent in ents_of(doc):
        if len(ent) != 1 or ent.label_ not in ("PERSON", "ORG", "NORP") or ent.text in govs or ent.text in surnames:
            continue
        name = clean_org(ent.text)
        if not name.isalpha() or not name[:1].isupper() or name.isupper() or len(name) < 4:
            continue
        demonyms = {name + e for e in DEMONYM_ENDINGS} | {name[:-1] + e for e in ("an", "ian")}
        tok = ent.root
        owns = (tok.dep_ == "poss" and tok.head.lemma_.lower() in STATE_HEADS) or \
            (tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in STATE_HEADS)
        if owns or demonyms & words:
            govs[name] = name
            for d in demonyms & words:
                govs[d] = name
    doc.user_data["nonpaper_govs"] = govs
    return govs
