"""Stage 3: attributions — every reporting cue outside a quotation, with its speaker.

It decides which tokens are cues (an ordered tuple of detectors, one per kind of cue: "according to X",
"in X's view", "made the point that", a noun or an adjective of stance, any verb right at a quotation, a
verb of the lexicon with its subject, …), who the subject of each is (through conjunctions, participles
and misparses), and the cue-less layouts `"…" — Name` and `Name: "…"`. Speakers are resolved to actors
in text order, so that a pronoun sees the speakers before it (`actors/speakers.py`).
"""
from __future__ import annotations

import bisect
import re

from ..actors.speakers import Resolved, resolve_token, subject_of
from ..lexicon import wordset
from ..text.names import ents_of
from .context import Attribution, Context, close_by
from .cues import (as_put_it, attitude_only, before_colon, cue_lemmas, cue_text, human, in_idiom, labels_as_quoted,
    made_point, noun_object, reports_a_clause, sees_as, source_like, stance_adjective, verb_tagged_noun, view_phrase)


def find_attributions(ctx: Context) -> None:
    doc = ctx.parsed.doc
    found: list[tuple[int, object, object, str, int, int]] = []  # (pos, cue token, subject token, cue, s, e)
    lemmas = cue_lemmas()
    for tok in doc:
        if ctx.in_direct(tok.idx) or ctx.para_of(tok.idx) < 0:
            continue  # inside a quotation, or a heading
        if in_idiom(tok):
            continue  # "That said, …", "needless to say": the writer's connective, not a report
        low = tok.lower_
        if low == "according" and any(c.lower_ == "to" for c in tok.children):
            to = next(c for c in tok.children if c.lower_ == "to")
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                found.append((tok.idx, tok, pobj, "according to", tok.idx, to.idx + len(to.text)))
            continue
        if view_phrase(tok):  # "In Kellan's view, …", "By her account, …"
            owner = next(c for c in tok.children if c.dep_ == "poss")
            if not ctx.in_direct(owner.idx):
                prep = tok.head
                found.append((prep.idx, prep, owner, ctx.text[prep.idx:tok.idx + len(tok.text)], prep.idx,
                              tok.idx + len(tok.text)))
            continue
        if made_point(tok):  # "Gorka made the point that …"
            subj = subject_of(tok.head)
            if subj is not None and not ctx.in_direct(subj.idx) and (human(subj) or subj.pos_ == "PROPN"):
                found.append((tok.idx, tok, subj, ctx.text[tok.head.idx:tok.idx + len(tok.text)], tok.head.idx,
                              tok.idx + len(tok.text)))
            continue
        if verb_tagged_noun(tok) and tok.lemma_.lower() in lemmas:  # "But Trump claims that he …"
            subj = next(c for c in tok.children if c.dep_ == "nsubj")
            if not ctx.in_direct(subj.idx) and (human(subj) or subj.pos_ == "PROPN"):
                found.append((tok.idx, tok, subj, tok.text, tok.idx, tok.idx + len(tok.text)))
            continue
        if tok.pos_ == "NOUN" and (tok.lemma_.lower() in wordset("cue_nouns.txt")
                                   or tok.lemma_.lower() in wordset("cue_nouns_object.txt")):
            owner = next((c for c in tok.children if c.dep_ == "poss"), None) or _owner_from(tok)
            clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl")
                           and any(m.lower_ in ("that", "to") and m.dep_ in ("mark", "aux") for m in c.children)), None)
            if owner is not None and clause is not None and not ctx.in_direct(owner.idx) \
                    and not any(m.lower_ in ("who", "which") for m in clause.children):
                found.append((tok.idx, tok, owner, tok.text, tok.idx, tok.idx + len(tok.text)))
            elif owner is not None and clause is None and noun_object(tok) is not None \
                    and not ctx.in_direct(owner.idx) and (human(owner) or owner.pos_ in ("PROPN", "PRON")):
                found.append((tok.idx, tok, owner, tok.text, tok.idx, tok.idx + len(tok.text)))
            continue
        if tok.pos_ in ("ADJ", "NOUN") and stance_adjective(tok):  # "Ulvang is worried about the quay"
            subj = subject_of(tok.head)
            if subj is not None and not ctx.in_direct(subj.idx) and (source_like(subj) or subj.pos_ == "PROPN"):
                found.append((tok.idx, tok, subj, cue_text(tok), tok.idx, tok.idx + len(tok.text)))
            continue
        if tok.pos_ == "VERB" and tok.lemma_.lower() not in lemmas and (labels_as_quoted(ctx, tok) or sees_as(tok)):
            subj = subject_of(tok)  # "Reid has been pounding Trump as a “con artist”"
            if subj is not None and not ctx.in_direct(subj.idx) and (human(subj) or subj.pos_ == "PROPN"):
                found.append((tok.idx, tok, subj, cue_text(tok), tok.idx, tok.idx + len(tok.text)))
            continue
        if tok.pos_ == "VERB" and tok.lemma_.lower() not in lemmas and (_right_after_quote(ctx, tok)
                                                                         or _right_before_quote(ctx, tok)):
            # "“…,” Toomey fumed on Tuesday.": any verb right after a quotation, with a human subject
            subj = subject_of(tok)
            if subj is not None and not ctx.in_direct(subj.idx) and (human(subj) or subj.pos_ == "PROPN"):
                found.append((tok.idx, tok, subj, cue_text(tok), tok.idx, tok.idx + len(tok.text)))
            continue
        if tok.pos_ == "VERB" and tok.lemma_.lower() not in lemmas and reports_a_clause(tok):
            subj = subject_of(tok)
            if subj is not None and not ctx.in_direct(subj.idx) and human(subj):
                found.append((tok.idx, tok, subj, cue_text(tok), tok.idx, tok.idx + len(tok.text)))
            continue
        if tok.pos_ in ("VERB", "AUX") and (tok.lemma_.lower() in lemmas or before_colon(tok) or as_put_it(tok)):
            verbless = _verbless_subject(tok)
            if verbless is None and tok.tag_ == "VBN" and tok.dep_ in ("amod", "acl") \
                    and not any(c.dep_ == "agent" for c in tok.children):
                continue  # "the agreements reached", "a report published"
            subj = verbless or subject_of(tok)
            if subj is None and tok.dep_ == "ROOT":
                subj = _name_before(tok)  # "… convention Sen. Elizabeth Warren (D-MA) said …" hung on a noun
            if subj is not None and ctx.in_direct(subj.idx):
                subj = _inverted_subject(tok) or _name_before(tok)  # “… Full panic mode,” said Leslie Wimes: not "mode"
            if subj is None or ctx.in_direct(subj.idx):
                continue
            if subj.dep_ == "nsubjpass" and subj.head.i == tok.i and tok.lemma_.lower() in wordset("passive_content_verbs.txt") \
                    and not any(c.dep_ == "agent" for c in tok.children):
                continue  # "as the verdict was read": what was read, not who read it
            if attitude_only(tok.lemma_.lower()) and not (human(subj) or subj.pos_ == "PROPN"):
                continue  # "the document was meant to remind Washington …"
            if tok.lemma_.lower() in wordset("belief_verbs.txt") and subj.lower_ in ("i", "we", "you"):
                continue  # "I think …": the speaker talking, not someone reported
            if tok.lemma_.lower() == "ask" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) \
                    and (tok.tag_ == "VBN" or tok.dep_ != "conj"):
                continue  # "Asked what she misses, she answers: …": the question, not a report
            found.append((tok.idx, tok, subj, cue_text(tok), tok.idx, tok.idx + len(tok.text)))
    found.sort(key=lambda f: f[0])
    para_of = ctx.para_of
    for pos, tok, subj, cue, s, e in found:
        speaker_of_quote = None
        resolved = resolve_token(ctx.registry, subj, in_quote_of=speaker_of_quote)
        if _several_named(subj):
            # "Carson, Fiorina and Huckabee have all characterized …": several people speak, not the first
            # of them; the mention names them all and no one actor stands for it
            first, last = subj.left_edge, subj.right_edge
            resolved = Resolved(None, ctx.text[first.idx:last.idx + len(last.text)], first.idx, last.idx + len(last.text))
        owner = next((c for c in subj.children if c.dep_ == "poss"), None)
        if owner is not None and subj.pos_ == "NOUN" and owner.pos_ == "PROPN" and resolved.actor is not None \
                and ctx.registry.get(resolved.actor).kind != "person" and owner.text not in ctx.registry.get(resolved.actor).name:
            # "Huckabee's campaign said" is Huckabee's side, not the Campaign Legal Center named before
            resolved = Resolved(None, resolved.text, resolved.start, resolved.end)
        if resolved.actor is None and owner is not None and subj.pos_ == "NOUN":
            # "according to the port's own figures", "the union's statement said": the owner speaks
            by_owner = resolve_token(ctx.registry, owner)
            resolved = Resolved(by_owner.actor, resolved.text, resolved.start, resolved.end)
        if resolved.start < s < resolved.end:  # a misparse hung the cue's own clause on its subject
            cut = ctx.text[resolved.start:s].rstrip().rstrip(",").rstrip()
            resolved = Resolved(resolved.actor, cut, resolved.start, resolved.start + len(cut))
        if resolved.text and resolved.text.count("(") > resolved.text.count(")"):
            # "Sen. Elizabeth Warren (D-MA" when the parser left the closing bracket elsewhere
            close = ctx.text.find(")", resolved.end, resolved.end + 3)
            end = close + 1 if close >= 0 else resolved.start + resolved.text.rindex("(")
            text = ctx.text[resolved.start:end].rstrip()
            resolved = Resolved(resolved.actor, text, resolved.start, resolved.start + len(text))
        if resolved.actor:
            ctx.registry.note(resolved.actor, resolved.start, resolved.end, subject=True, speaker=True)
        ctx.attributions.append(Attribution(cue, s, e, resolved, tok, para_of(pos)))
    _cueless(ctx)
    ctx.attributions.sort(key=lambda a: a.cue_start)


def _owner_from(tok):
    """"repeated warnings from his attorney that …": who gave the warning, named after "from"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if pobj is not None and (human(pobj) or pobj.pos_ == "PROPN"):
                return pobj
    return None


def _several_named(subj) -> bool:
    """The subject joins two or more named people or bodies with "and" ("Carson, Fiorina and Huckabee")."""
    return subj.pos_ == "PROPN" and any(c.dep_ == "cc" and c.lower_ == "and" for c in subj.subtree) \
        and any(c.dep_ == "conj" and c.pos_ == "PROPN" and c.head.i == subj.i for c in subj.children)


def _inverted_subject(tok):
    """The speaker after the cue ("said Leslie Wimes, …") when the parser took a word of the
    quotation for the subject."""
    for c in tok.rights:
        if c.dep_ in ("nsubj", "dobj", "attr", "npadvmod", "appos", "dep", "oprd") and (
                c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or c.pos_ in ("PROPN", "PRON")) \
                and c.ent_type_ not in ("DATE", "TIME"):  # "said Monday": when, not who
            return c
    return None


def _name_before(tok):
    """“…,” Tulsa police Chief Chuck Jordan said Monday.: the parser hung the name somewhere else, but a
    name right before the cue is who speaks."""
    i = tok.i - 1
    if i > tok.sent.start and tok.doc[i].text == ")":  # "Sen. Elizabeth Warren (D-MA) said"
        while i > tok.sent.start and tok.doc[i].text != "(" and tok.i - i < 8:
            i -= 1
        i -= 1
    prev = tok.doc[i] if i >= tok.sent.start else None
    if prev is not None and prev.ent_type_ in ("PERSON", "ORG") and prev.pos_ == "PROPN":
        return prev
    return None


def _right_after_quote(ctx: Context, tok) -> bool:
    """The verb is one of the first three words after a closing mark of a direct quotation."""
    close_ends = ctx.__dict__.setdefault("_close_ends", sorted(
        (d.span.close_at + 1) for d in ctx.direct if not d.inner and d.span.close_at is not None))
    i = bisect.bisect_right(close_ends, tok.idx) - 1
    if i < 0:
        return False
    between = ctx.text[close_ends[i]:tok.idx]
    return close_by(between) and "\n" not in between


def _verbless_subject(tok):
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


def _right_before_quote(ctx: Context, tok) -> bool:
    """"Trump barked, “Go back to Univision,”": the verb stands right before the opening mark of a direct
    quotation (at most two words between, as in "shot back" or "said matter-of-factly")."""
    main = tok.dep_ in ("ROOT", "conj", "parataxis") or (tok.dep_ == "ccomp" and tok.head.i > tok.i)
    if not main or any(c.dep_ == "mark" for c in tok.children):
        return False  # "if her son had planned to enlist, “I would …”": not the main verb
    opens = ctx.__dict__.setdefault("_opens", sorted(d.span.open_at for d in ctx.direct if not d.inner))
    i = bisect.bisect_right(opens, tok.idx)
    if i >= len(opens):
        return False
    between = ctx.text[tok.idx + len(tok.text):opens[i]]
    return close_by(between) and "\n" not in between


def _cueless(ctx: Context) -> None:
    """`"…" — Name` after a quotation and `Name: "…"` before one."""
    text = ctx.text
    doc = ctx.parsed.doc
    for d in ctx.direct:
        if d.inner:
            continue
        para = ctx.paragraphs[d.paragraph]
        end = d.span.close_at + 1 if d.span.close_at is not None else d.span.end
        after = text[end:para[1]]
        # the name runs to the end of its line or to the next quotation ("“…”― Carla Sanchez. “…”")
        stop = re.search(r"\n|(?<=\s)[“\"«]|(?<=[.])[“\"«]", after)
        after = after[:stop.start()].rstrip() if stop else after
        m = re.match(r"\s*[—–―-]{1,2}\s*(\S.{0,80})$", after)
        if m:
            span = doc.char_span(end + m.start(1), end + m.end(1), alignment_mode="expand")
            if span is not None:
                res = resolve_name_span(ctx, span)
                if res:
                    ctx.attributions.append(Attribution("—", end + m.start(0), end + m.start(1), res, None, d.paragraph))
        before = text[para[0]:d.span.open_at]
        m = re.match(r"\s*([A-Z][^:\n]{0,60}):\s*$", before)
        if m and not any(a.paragraph == d.paragraph and a.cue_start < d.span.open_at for a in ctx.attributions):
            start, end = para[0] + m.start(1), para[0] + m.end(1)
            cue = ":"
            said = re.match(r"(said|says|added|asked|wrote|explained|replied)\s+", m.group(1), re.IGNORECASE)
            if said:  # "Said Ellis: “…”": the cue before the name
                cue, start = said.group(1), start + said.end()
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and any(t.ent_type_ in ("PERSON", "ORG", "GPE") for t in span):
                known = ctx.registry.resolve(span.text, start) if said else None  # the parser's entity may be "Said Ellis"
                res = Resolved(known, span.text, start, end) if known else resolve_name_span(ctx, span)
                if res:
                    ctx.attributions.append(Attribution(cue, end, end + 1, res, None, d.paragraph))


def resolve_name_span(ctx: Context, span) -> Resolved | None:
    ents = [e for e in ents_of(span.doc) if span.start <= e.start and e.end <= span.end
            and e.label_ in ("PERSON", "ORG", "GPE", "NORP") and not (len(e) == 1 and e[0].tag_ == "NNS")]
    # ("Supporters' trust chair Neve Amari:": a plural noun tagged as a name is not the speaker;
    # "Adeyemi's colleague, Ruth Kale, put it bluntly:": nor is the owner of the one who speaks)
    ents.sort(key=lambda e: (e.root.dep_ == "poss", e.label_ != "PERSON"))
    head = ents[0].root if ents else span.root
    res = resolve_token(ctx.registry, head)
    if res.start < span.start_char or res.end > span.end_char:
        # the name heads the parse of the whole line ("Ana Ellis: “…”"): the mention is the name alone
        s, e = span.start_char, span.end_char
        res = Resolved(res.actor, ctx.text[s:e], s, e)
    if res.actor:
        ctx.registry.note(res.actor, res.start, res.end, subject=True, speaker=True)
        return res
    return None
