"""Stage 3: attributions — every reporting cue outside a quotation, with its speaker.

The cues come from the detectors (`detectors.py`: "according to X", "in X's view", a noun or an
adjective of stance, any verb right at a quotation, a verb of the lexicon with its subject, …). This
module decides who speaks at each: the actor its subject resolves to, in text order so that a pronoun
sees the speakers before it (`actors/speakers.py`), several named people as one mention, the owner of
"the union's statement"; and the cue-less layouts `"…" — Name` and `Name: "…"`.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..actors import Resolved, resolve_token
from ..lexicon import wordset
from ..text.names import ents_of
from .context import Attribution, Context, Direct
from .detectors import Cue, find_cues

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def find_attributions(ctx: Context) -> None:
    """Fill `ctx.attributions`, in text order: the cues the detectors find, then the cue-less layouts."""
    found = sorted(find_cues(ctx), key=lambda f: f.at)
    for cue in found:  # in text order: a pronoun resolves to the speakers before it
        resolved = _speaker(ctx, cue)
        if resolved.actor:
            # (one who "didn't respond" has not spoken: a pronoun after it looks past them)
            spoke = not any(c.dep_ == "neg" for c in cue.token.children)
            ctx.registry.note(resolved.actor, resolved.start, resolved.end, subject=True, speaker=spoke)
        ctx.attributions.append(Attribution(cue.text, cue.start, cue.end, resolved, cue.token, ctx.para_of(cue.at)))
    _cueless(ctx)
    ctx.attributions.sort(key=lambda a: a.cue_start)


def _speaker(ctx: Context, cue: Cue) -> Resolved:
    """The actor and the mention of who speaks at a cue."""
    subj = cue.subject
    resolved = resolve_token(ctx.registry, subj, in_quote_of=None)
    if _several_named(subj):
        # "Carson, Fiorina and Huckabee have all characterized …": several people speak, not the first
        # of them; the mention names them all and no one actor stands for it
        first, last = subj.left_edge, subj.right_edge
        resolved = Resolved(None, ctx.text[first.idx:last.idx + len(last.text)], first.idx, last.idx + len(last.text))
    owner = next((c for c in subj.children if c.dep_ == "poss"), None)
    if owner is not None and subj.pos_ == "NOUN" and owner.pos_ == "PROPN" and resolved.actor is not None \
            and ctx.registry.get(resolved.actor).kind != "person" and owner.text not in ctx.registry.get(resolved.actor).name \
            and not any(c.dep_ == "appos" and c.pos_ == "PROPN" and c.text in ctx.registry.get(resolved.actor).name
                        and c.left_edge.i == subj.i + 2 and subj.nbor(1).text == "," and c.left_edge.ent_iob_ == "B"
                        for c in subj.children):
        # "Huckabee's campaign said" is Huckabee's side, not the Campaign Legal Center named before (but
        # "Russia's civil aviation authority, Rosaviatsia, said" is the body its appositive names)
        resolved = Resolved(None, resolved.text, resolved.start, resolved.end)
    if resolved.actor is None and owner is not None and subj.pos_ == "NOUN":
        # "according to the port's own figures", "the union's statement said": the owner speaks
        by_owner = resolve_token(ctx.registry, owner)
        resolved = Resolved(by_owner.actor, resolved.text, resolved.start, resolved.end)
    return _tidy_mention(ctx, resolved, cue.start)


def _tidy_mention(ctx: Context, resolved: Resolved, cue_start: int) -> Resolved:
    """The mention without the cue's own clause and with its brackets closed."""
    if resolved.start < cue_start < resolved.end:  # a misparse hung the cue's own clause on its subject
        cut = ctx.text[resolved.start:cue_start].rstrip().rstrip(",").rstrip()
        resolved = Resolved(resolved.actor, cut, resolved.start, resolved.start + len(cut))
    if resolved.text and resolved.text.count("(") > resolved.text.count(")"):
        # "Sen. Elizabeth Warren (D-MA" when the parser left the closing bracket elsewhere
        close = ctx.text.find(")", resolved.end, resolved.end + 3)
        end = close + 1 if close >= 0 else resolved.start + resolved.text.rindex("(")
        text = ctx.text[resolved.start:end].rstrip()
        resolved = Resolved(resolved.actor, text, resolved.start, resolved.start + len(text))
    return resolved


def _several_named(subj: Token) -> bool:
    """The subject joins two or more named people or bodies with "and" ("Carson, Fiorina and Huckabee")."""
    return subj.pos_ == "PROPN" and any(c.dep_ == "cc" and c.lower_ == "and" for c in subj.subtree) \
        and any(c.dep_ == "conj" and c.pos_ == "PROPN" and c.head.i == subj.i for c in subj.children)


def _cueless(ctx: Context) -> None:
    """`"…" — Name` after a quotation and `Name: "…"` before one."""
    for d in ctx.direct:
        if d.inner:
            continue
        for layout in (_signed_after, _name_before_colon):  # (the second sees the first's attribution)
            att = layout(ctx, d)
            if att is not None:
                ctx.attributions.append(att)


def _signed_after(ctx: Context, d: Direct) -> Attribution | None:
    """"“…” — Carla Sanchez": a dash and a name after the closing mark."""
    text = ctx.text
    para = ctx.paragraphs[d.paragraph]
    end = d.span.close_at + 1 if d.span.close_at is not None else d.span.end
    after = text[end:para[1]]
    # the name runs to the end of its line or to the next quotation ("“…”― Carla Sanchez. “…”")
    stop = re.search(r"\n|(?<=\s)[“\"«]|(?<=[.])[“\"«]", after)
    after = after[:stop.start()].rstrip() if stop else after
    m = _signature_line(after) or re.match(r"\s*[—–―-]{1,2}\s*(\S.{0,80})$", after)
    if not m:
        return None
    span = ctx.parsed.doc.char_span(end + m.start(1), end + m.end(1), alignment_mode="expand")
    res = resolve_name_span(ctx, span) if span is not None else None
    return Attribution("—", end + m.start(0), end + m.start(1), res, None, d.paragraph) if res else None


def _signature_line(after: str) -> re.Match | None:
    """A long signature line, "— James Lawler, MD, MPH, of the University of Nebraska …, on viruses with …":
    the name is what comes before its first comma (a pull quote's list of who said what)."""
    return re.match(r"\s*[—–―-]{1,2}\s*([A-Z][^,\n]{0,60})(?=,[^\n]{0,400}$)", after)


def _name_before_colon(ctx: Context, d: Direct) -> Attribution | None:
    """"Ana Ellis: “…”", "Said Ellis: “…”": a name before a colon opening the paragraph's quotation, when
    no cue comes before it in the paragraph."""
    para = ctx.paragraphs[d.paragraph]
    lead = ctx.text[para[0]:d.span.open_at]
    # the last sentence before the quotation: "… put forward by the Left. Commentary by Marine Le Pen: “…”"
    after_stop = [m.end() for m in re.finditer(r"[.!?]\s+(?=[A-Z])", lead)]
    begin = para[0] + (after_stop[-1] if after_stop else 0)
    m = re.match(r"\s*([A-Z][^:\n]{0,90}):\s*$", ctx.text[begin:d.span.open_at])
    if not m or any(a.paragraph == d.paragraph and begin <= a.cue_start < d.span.open_at for a in ctx.attributions):
        return None
    start, end = begin + m.start(1), begin + m.end(1)
    cue = ":"
    said = re.match(r"(said|says|added|asked|wrote|explained|replied)\s+", m.group(1), re.IGNORECASE) \
        or re.match(LABEL_BY, m.group(1), re.IGNORECASE)
    if said:  # "Said Ellis: “…”", "Commentary by Ellis: “…”": the cue before the name
        cue, start = said.group(1), start + said.end()
    span = ctx.parsed.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    if not any(t.ent_type_ in ("PERSON", "ORG", "GPE") for t in span):
        # "Le Pen: “…”" on a line of its own, which the tagger leaves untagged: a name of an actor named before
        known = ctx.registry.resolve(span.text, start) if len(span) <= 4 and all(
            t.is_title or t.is_punct or t.lower_ in wordset("name_particles.txt") for t in span) else None
        if known is None:
            return None
        ctx.registry.note(known, start, end, subject=True, speaker=True)
        return Attribution(cue, end, end + 1, Resolved(known, span.text, start, end), None, d.paragraph)
    known = ctx.registry.resolve(span.text, start) if said else None  # the parser's entity may be "Said Ellis"
    res = Resolved(known, span.text, start, end) if known else resolve_name_span(ctx, span)
    return Attribution(cue, end, end + 1, res, None, d.paragraph) if res else None


# "Commentary by X:", "A statement from X:", "Reaction from X:": a label naming whose words follow
LABEL_BY = r"((?:an? |the )?(?:commentary|comments?|statement|reaction|remarks?|message|response|quote) (?:by|from))\s+"


def resolve_name_span(ctx: Context, span: Span) -> Resolved | None:
    """The actor a line naming a speaker names ("— Arne Vik, in a statement", "Ana Ellis:"), noted as a speaker."""
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
