"""Stage 4: direct quotations and the attribution each takes.

The attribution of a direct quotation is decided by an ordered list of named strategies
(`STRATEGIES`), the first that finds one wins: a transcript label, the cue in its own sentence (before
or after it), in its paragraph, the speaker of the quotation it continues, an attribution line after
it, a colon paragraph before it, the last speaker of the previous paragraph. A quotation inside a
quotation takes the cue inside the outer one.
"""
from __future__ import annotations

import re
from typing import Callable, NamedTuple

from ..actors import Resolved, resolve_text, resolve_token, subject_of
from ..lexicon import wordset
from ..model import Quote
from .marks import ALL_MARKS, MarkSpan
from .context import Attribution, Context, Direct, close_by, sentence_end, sentence_start, usable, words_of
from .cues import cue_lemmas, cue_text, says


def direct_quotes(ctx: Context) -> list[Quote]:
    """Stage 4: the outer direct quotations in text order, each with the attribution the strategies give
    it (after the one before it, which a split quotation follows), then the inner ones (confidence 0.6)."""
    quotes = []
    previous: Direct | None = None
    outer = sorted((d for d in ctx.direct if not d.inner), key=lambda d: d.span.open_at)
    for d in outer:
        att = _attribution_for(ctx, d, previous)
        d.attribution = att
        quotes.append(_make_direct(ctx, d, att))
        previous = d
    for i in range(len(outer) - 2, -1, -1):
        d, after = outer[i], outer[i + 1]
        if d.attribution is None and d.span.continues and after.span.continuation and after.attribution is not None:
            # "“A lot of issues were discussed …" (no closing mark), then "“We made presentations …,” he said.":
            # a quotation over two paragraphs is attributed where it ends
            d.attribution = after.attribution
            quotes[i] = _make_direct(ctx, d, d.attribution)
    for d in (d for d in ctx.direct if d.inner):
        att = _inner_attribution(ctx, d)
        d.attribution = att
        q = _make_direct(ctx, d, att)
        q.confidence = 0.6
        quotes.append(q)
    return quotes


def _make_direct(ctx: Context, d: Direct, att: Attribution | None) -> Quote:
    """The Quote of a direct quotation: its words without the space around them or a transcript label;
    confidence 1.0 with an attribution, 0.3 without."""
    s, e = d.span.start, d.span.end
    text = ctx.text
    if att is not None and att.token is None and s <= att.cue_start < e:
        s = att.cue_end  # a transcript label ("PENCE:") names the speaker; it is not their words
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    res = att.resolved if att else None
    return Quote(id="", kind="direct", text=text[s:e], start=s, end=e,
                 speaker=res.actor if res else None, speaker_text=res.text if res else None,
                 speaker_start=res.start if res else None, speaker_end=res.end if res else None,
                 cue=att.cue if att else None, cue_start=att.cue_start if att else None,
                 cue_end=att.cue_end if att else None, confidence=1.0 if att else 0.3)


TRANSCRIPT_LABEL = re.compile(r"\s*([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,2}"
                              r"|[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){0,2}|A):\s")  # "OKAFOR: …", "Ulvang: …", "A: …"


def _transcript_label(ctx: Context, d: Direct) -> Attribution | None:
    """“PENCE: Well, look, …” — a transcript excerpt names its speaker in capitals before a colon."""
    m = TRANSCRIPT_LABEL.match(ctx.text, d.span.open_at + 1)
    if m is None or len(m.group(1)) < 3 or m.group(1).lower() in wordset("headline_labels.txt"):
        return None
    s, e = m.start(1), m.end(1)
    name = m.group(1).title()
    actor = resolve_text(ctx.registry, name, s) or ctx.registry.add(name, "person")
    return Attribution(":", e, e + 1, Resolved(actor, m.group(1), s, e), None, d.paragraph)


class _Place(NamedTuple):
    """Where a direct quotation stands: its paragraph and the usable cues around it."""
    d: Direct
    previous: Direct | None  # the outer direct quotation before it
    p: int  # its paragraph
    para: tuple[int, int]
    close: int  # the offset after its closing mark (or its end)
    same_para: list[Attribution]  # the cues of its paragraph outside it (of speech, when there are)
    after: list[Attribution]  # those in its sentence after it
    before: list[Attribution]  # those in its sentence before it


def _place(ctx: Context, d: Direct, previous: Direct | None) -> _Place:
    """Where the quotation stands, and the cues of its paragraph and sentence."""
    text = ctx.text
    p = d.paragraph
    para = ctx.paragraphs[p]
    span = d.span
    close = span.close_at + 1 if span.close_at is not None else span.end
    # (a dash signature, "“…” — Ilse Marren", signs the quotation before it, never the next one)
    # (nor does a cue inside other quoted words: “Boeing had said about mid-summer.” is Jordan's)
    quoted = [(o.span.open_at, o.span.close_at or o.span.end) for o in ctx.direct if o is not d and not o.inner] \
        + [(f.open_at, f.close_at or f.end) for f in ctx.fragments]
    same_para = [a for a in ctx.attributions if a.paragraph == p and usable(a)
                 and not (span.open_at <= a.cue_start < close) and not (a.cue == "—" and a.cue_start < span.open_at)
                 and not any(o <= a.cue_start < c for o, c in quoted)]
    if any(says(a) for a in same_para):  # "…, he said" over "his son had planned to enlist"
        same_para = [a for a in same_para if says(a)]
    others = [o for o in ctx.direct if not o.inner and o.paragraph == p and o is not d]
    next_open = min((o.span.open_at for o in others if o.span.open_at > span.open_at), default=para[1])
    prev_close = max(((o.span.close_at or o.span.end) for o in others if o.span.open_at < span.open_at), default=para[0])
    # the attribution right after it, in its sentence: “…,” Lavrov said.
    after_end = sentence_end(text, close, next_open)
    after = [a for a in same_para if close <= a.cue_start < after_end]
    if text[span.open_at:close].rstrip("”’\"'» \n").endswith(".") and after:
        # “… everywhere.” Greene added that …: a quotation that ends its sentence is not the
        # content of a cue that reports a clause or object of its own after it
        after = [a for a in after if a.token is None or not any(
            c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > a.token.i for c in a.token.children)]
    # the attribution right before it, in its sentence: Lavrov said: “…”
    before_start = sentence_start(text, prev_close, span.open_at)
    before = [a for a in same_para if before_start <= a.cue_start < span.open_at]
    return _Place(d, previous, p, para, close, same_para, after, before)


def _label(ctx: Context, q: _Place) -> Attribution | None:
    """“PENCE: Well, look, …”: the transcript label inside the marks."""
    return _transcript_label(ctx, q.d)


def _colon_before(ctx: Context, q: _Place) -> Attribution | None:
    """"Lavrov said: “…”": the cue of the sentence that opens it with a colon."""
    colon_before = ctx.text[q.para[0]:q.d.span.open_at].rstrip().endswith(":")
    return q.before[-1] if q.before and colon_before else None


def _at_the_mark(ctx: Context, q: _Place) -> Attribution | None:
    """"Trump barked, “Go back …,” the reporter recalled": the verb at the mark."""
    adjacent = [a for a in q.before if close_by(ctx.text[a.cue_end:q.d.span.open_at])]
    return adjacent[-1] if adjacent else None


def _before_a_full_quote(ctx: Context, q: _Place) -> Attribution | None:
    """"said that when …, “it cut the heart out of the quay.” Feld disagreed.": a quotation that ends
    its sentence belongs to the cue before it, not to the next sentence's."""
    if q.before and q.after and _new_sentence_after(ctx.text, q.d.span, q.close):
        return q.before[-1]
    return None


def _after_in_sentence(ctx: Context, q: _Place) -> Attribution | None:
    """"“…,” Lavrov said.": the first cue after it in its sentence."""
    return q.after[0] if q.after else None


def _before_in_sentence(ctx: Context, q: _Place) -> Attribution | None:
    """"Lavrov said that “…”": the last cue before it in its sentence."""
    return q.before[-1] if q.before else None


def _split_quotation(ctx: Context, q: _Place) -> Attribution | None:
    """A split or follow-up quotation in the same paragraph takes the earlier one's speaker."""
    previous = q.previous
    if previous is not None and previous.paragraph == q.p and previous.attribution is not None:
        return previous.attribution
    return None


def _earlier_in_paragraph(ctx: Context, q: _Place) -> Attribution | None:
    """The last cue before it in its paragraph."""
    earlier = [a for a in q.same_para if a.cue_start < q.d.span.open_at]
    return earlier[-1] if earlier else None


def _later_in_paragraph(ctx: Context, q: _Place) -> Attribution | None:
    """The first cue after it in its paragraph."""
    later = [a for a in q.same_para if a.cue_start >= q.close]
    return later[0] if later else None


def _continued_paragraph(ctx: Context, q: _Place) -> Attribution | None:
    """A continuation paragraph: the speaker of the quotation it continues."""
    previous = q.previous
    if q.d.span.continuation and previous is not None and previous.attribution is not None:
        return previous.attribution
    return None


def _line_after(ctx: Context, q: _Place) -> Attribution | None:
    """An attribution line after it ("Lavrov said." / "he emphasized."), when it ends its paragraph and
    the run of quotations."""
    line = _attribution_line(ctx, q.p + 1)
    if line is not None and ctx.text[q.close:q.para[1]].strip() == "" and _ends_quote_run(ctx, q.d):
        return line
    return None


def _colon_paragraph(ctx: Context, q: _Place) -> Attribution | None:
    """A colon paragraph before it ("Caddell continued:"): its last cue."""
    p = q.p
    if p > 0 and ctx.text[ctx.paragraphs[p - 1][0]:ctx.paragraphs[p - 1][1]].rstrip().endswith(":"):
        prev = [a for a in ctx.attributions if a.paragraph == p - 1 and usable(a)]
        if prev:
            return prev[-1]
    return None


def _runs_on(ctx: Context, q: _Place) -> Attribution | None:
    """The quotation before runs on into this one (continued over a paragraph break)."""
    previous = q.previous
    if previous is not None and previous.paragraph == q.p - 1 and previous.span.continues and previous.attribution:
        return previous.attribution
    return None


def _previous_speaker(ctx: Context, q: _Place) -> Attribution | None:
    """The last speaker of the previous paragraph ("Halloran said the trial …" then the quotation), when
    that paragraph quotes no one directly."""
    p = q.p
    if p > 0:
        prev = _outermost([a for a in ctx.attributions if a.paragraph == p - 1 and usable(a)])
        quote_para = any(o.paragraph == p - 1 for o in ctx.direct if not o.inner)
        if prev and not quote_para:
            return prev[-1]
    return None


def _same_voice(ctx: Context, q: _Place) -> Attribution | None:
    """A paragraph that is only a quotation, after a paragraph quoting someone: the same voice."""
    text, para, previous = ctx.text, q.para, q.previous
    if q.p > 0:
        alone = not text[para[0]:q.d.span.open_at].strip() and not text[q.close:para[1]].strip()
        if alone and previous is not None and previous.paragraph == q.p - 1 and previous.attribution is not None:
            return previous.attribution
    return None


def _interview_answer(ctx: Context, q: _Place) -> Attribution | None:
    """An interview: a paragraph that is only a quotation, after a paragraph that asks a question
    unquoted, is the answer of the person the article says it interviews ("Interview with X", "X told us
    in an interview")."""
    text, para = ctx.text, q.para
    alone = not text[para[0]:q.d.span.open_at].strip(" \n•*-–—") and not text[q.close:para[1]].strip()
    if not alone or q.p == 0:
        return None
    before = ctx.paragraphs[q.p - 1]
    asked = text[before[0]:before[1]].strip()
    if not asked.endswith("?") or any(ch in asked for ch in ALL_MARKS - {"’", "'"}):
        return None
    return _interviewee(ctx)


INTERVIEW = re.compile(r"\binterview", re.IGNORECASE)


INTERVIEW_WITH = re.compile(r"\b[Ii]nterview(?:ed)? with\s+((?:[A-Z][\w.'’\-]+\s){1,3}[A-Z][\w'’\-]+)")


def _interviewee(ctx: Context) -> Attribution | None:
    """The first person named in a paragraph that speaks of an interview, before the first question
    (or named after "Interview with" in a heading, where no entity is looked for)."""
    for seen in ctx.registry.seen():
        actor = ctx.registry.get(seen.actor)
        if actor is None or actor.kind != "person":
            continue
        ps, pe = ctx.paragraphs[ctx.para_of(seen.start)]
        para = ctx.text[ps:pe].strip()
        if para.endswith("?"):
            break  # the questions have begun
        if INTERVIEW.search(para):
            res = Resolved(actor.id, ctx.text[seen.start:seen.end], seen.start, seen.end)
            return Attribution("interview", seen.start, seen.end, res, None, ctx.para_of(seen.start))
    art = ctx.parsed.article
    for line in (art.title, art.subtitle):
        m = INTERVIEW_WITH.search(line or "")
        if m:  # (the headline is not in the text: the mention has no offsets)
            actor = ctx.registry.resolve(m.group(1)) or ctx.registry.add(m.group(1), "person")
            return Attribution("interview", 0, 0, Resolved(actor, m.group(1), None, None), None, 0)  # type: ignore[arg-type]
    for ps, pe in ctx.paragraphs:
        if ctx.text[ps:pe].strip().endswith("?"):
            return None
        m = INTERVIEW_WITH.search(ctx.text, ps, pe)
        if m:
            s, e = m.start(1), m.end(1)
            actor = ctx.registry.resolve(m.group(1), s) or ctx.registry.add(m.group(1), "person")
            return Attribution("interview", s, e, Resolved(actor, m.group(1), s, e), None, ctx.para_of(s))
    return None


Strategy = Callable[[Context, _Place], "Attribution | None"]

# The attribution of a direct quotation: the first of these that finds one (dateparser's ordered
# PARSERS are the model). In its sentence first, then its paragraph, then the paragraphs around it.
STRATEGIES: tuple[tuple[str, Strategy], ...] = (
    ("transcript label", _label),
    ("cue before a colon", _colon_before),
    ("cue at the opening mark", _at_the_mark),
    ("cue before a quotation that ends its sentence", _before_a_full_quote),
    ("cue after, in its sentence", _after_in_sentence),
    ("cue before, in its sentence", _before_in_sentence),
    ("speaker of the split quotation", _split_quotation),
    ("earlier cue in the paragraph", _earlier_in_paragraph),
    ("later cue in the paragraph", _later_in_paragraph),
    ("speaker of the continued paragraph", _continued_paragraph),
    ("attribution line after", _line_after),
    ("colon paragraph before", _colon_paragraph),
    ("answer to an interview question", _interview_answer),
    ("quotation running on", _runs_on),
    ("last speaker of the previous paragraph", _previous_speaker),
    ("same voice as the previous paragraph", _same_voice),
)


def _attribution_for(ctx: Context, d: Direct, previous: Direct | None) -> Attribution | None:
    """The attribution of an outer direct quotation: the first that a strategy finds."""
    place = _place(ctx, d, previous)
    for _name, strategy in STRATEGIES:
        found = strategy(ctx, place)
        if found is not None:
            return found
    return None


def _new_sentence_after(text: str, span: MarkSpan, close: int) -> bool:
    """"said that when …, “it cut the heart out of the quay.” Feld disagreed.": a quotation closed by a
    full stop inside its marks, and a capital after them, ends its sentence."""
    inside = text[span.open_at:close].rstrip("”’\"'» \n")
    rest = text[close:close + 40].lstrip()
    return inside.endswith((".", "!", "?")) and rest[:1].isupper()


def _outermost(atts: list[Attribution]) -> list[Attribution]:
    """"Brand said he was sorry to see her go.": "go" reports nothing of its own inside what "said"
    reports; the cues not hung under another cue of the list."""
    tokens = {a.token.i for a in atts if a.token is not None}
    return [a for a in atts if a.token is None or not any(t.i in tokens for t in a.token.ancestors)]


def _ends_quote_run(ctx: Context, d: Direct) -> bool:
    """No other direct quotation follows it in its paragraph."""
    later = [o for o in ctx.direct if not o.inner and o.paragraph == d.paragraph and o.span.open_at > d.span.open_at]
    return not later


def _attribution_line(ctx: Context, p: int) -> Attribution | None:
    """A paragraph that is only an attribution: "Lavrov said." / "he emphasized."."""
    if p >= len(ctx.paragraphs):
        return None
    s, e = ctx.paragraphs[p]
    line = ctx.text[s:e].strip()
    if any(ch in line for ch in ALL_MARKS - {"’"}) or len(words_of(line)) > 12 or line.endswith("?"):
        return None  # (a question, "Why did you decide to run?", asks; it attributes nothing)
    atts = [a for a in ctx.attributions if a.paragraph == p and usable(a)]
    if not atts:
        return None
    tok = atts[0].token
    if tok is not None and any(c.dep_ == "ccomp" for c in tok.children):
        return None
    return atts[0]


def _inner_attribution(ctx: Context, d: Direct) -> Attribution | None:
    """A quotation inside a quotation: the cue inside the outer one, before the inner span
    ("he told me, ‘If you …’"), with "I"/"we" standing for the outer speaker."""
    doc = ctx.parsed.doc
    outer = d.outer
    lo = outer.span.start
    best = None
    for tok in doc.char_span(lo, d.span.open_at, alignment_mode="expand") or []:
        if tok.pos_ in ("VERB",) and tok.lemma_.lower() in cue_lemmas():
            subj = subject_of(tok)
            if subj is not None and subj.idx >= lo:
                best = (tok, subj)
    if best is None:
        return None
    tok, subj = best
    in_quote_of = outer.attribution.resolved.actor if outer.attribution and outer.attribution.resolved else None
    res = resolve_token(ctx.registry, subj, in_quote_of=in_quote_of)
    if subj.lower_ in ("he", "she") and outer.attribution and res.actor == in_quote_of:
        others = [s for s in ctx.registry.seen() if s.start < subj.idx and s.actor != in_quote_of
                  and ctx.registry.get(s.actor).kind == "person"]
        res = Resolved(others[-1].actor if others else None, res.text, res.start, res.end)
    return Attribution(cue_text(tok), tok.idx, tok.idx + len(tok.text), res, tok, d.paragraph)
