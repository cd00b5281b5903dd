"""Stage 4, quotations without marks: whole paragraphs quoted as blocks.

It decides that a paragraph after "The governor added:", a paragraph signed by the next line ("— Name,
in a statement") and a transcript answer after a label naming a person ("OKAFOR: …", "A: …") are
direct quotations of the speaker named there.
"""
from __future__ import annotations

import re

from ..actors import Resolved, resolve_text
from ..lexicon import wordset
from ..model import Quote
from .marks import ALL_MARKS
from .context import Context, sentence_start, usable, words_of
from .cues import speech_verb
from .attribution import resolve_name_span
from .direct import TRANSCRIPT_LABEL


def block_quotes(ctx: Context) -> list[Quote]:
    """"The governor added:" then a paragraph without quotation marks: a block quotation, its
    attribution on its own line before it."""
    out = []
    text = ctx.text
    for p, (ps, pe) in enumerate(ctx.paragraphs[:-1]):
        if not text[ps:pe].rstrip().endswith(":"):
            continue
        colon = ps + len(text[ps:pe].rstrip()) - 1
        start = sentence_start(text, ps, colon)
        att = next((a for a in reversed(ctx.attributions) if a.paragraph == p and usable(a) and speech_verb(a)
                    and start <= a.cue_start < colon and len(words_of(text[a.cue_end:colon])) <= 4), None)
        ns, ne = ctx.paragraphs[p + 1]
        body = text[ns:ne].strip()
        if att is None or not body[:1].isalpha() or any(ns <= d.span.open_at < ne for d in ctx.direct) \
                or len(words_of(body)) < 4:
            continue
        att.used = True
        out.append(_paragraph_quote(text, ns, ne, att.resolved, att.cue, att.cue_start, att.cue_end))
    return out


def _paragraph_quote(text: str, a: int, b: int, res: Resolved, cue: str, cue_start: int, cue_end: int) -> Quote:
    """A whole paragraph (text[a:b], without the space around it) quoted without marks: a block quotation."""
    s = a + (len(text[a:b]) - len(text[a:b].lstrip()))
    e = a + len(text[a:b].rstrip())
    return Quote(id="", kind="direct", text=text[s:e], start=s, end=e, speaker=res.actor, speaker_text=res.text,
                 speaker_start=res.start, speaker_end=res.end, cue=cue, cue_start=cue_start, cue_end=cue_end,
                 confidence=0.7)


SIGNATURE = re.compile(r"\s*[—–―]{1,2}\s*(\S.{0,100}?)\s*$")


def transcript_answers(ctx: Context) -> list[Quote]:
    """An interview's answers without quotation marks ("OKAFOR: The contractor found more rock …"): the
    paragraph after a label in capitals that names a person of the article."""
    out = []
    text = ctx.text
    for p, (ps, pe) in enumerate(ctx.paragraphs):
        m = TRANSCRIPT_LABEL.match(text, ps)
        if m is None or m.end() > pe or (len(m.group(1)) < 3 and m.group(1) != "A") \
                or m.group(1).lower() in wordset("headline_labels.txt"):
            continue
        body = text[m.end():pe].strip()
        if len(words_of(body)) < 3 or any(ps <= d.span.open_at < pe for d in ctx.direct):
            continue  # (a quotation in marks after a label is a direct quotation already)
        s_, e_ = m.start(1), m.end(1)
        if m.group(1) == "A":  # "A: They are worried, …" in a Q-and-A: the person the interview is with
            actor = _interviewee(ctx)
        else:
            actor = resolve_text(ctx.registry, m.group(1).title(), s_)
        if actor is None or ctx.registry.get(actor).kind != "person":
            continue  # "WASHINGTON:" or a label naming no one the article introduced
        res = Resolved(actor, m.group(1), s_, e_)
        out.append(_paragraph_quote(text, m.end(), pe, res, ":", e_, e_ + 1))
        out.extend(_paragraph_quote(text, a, b, res, ":", e_, e_ + 1) for a, b in _answer_goes_on(ctx, p))
    return out


def _answer_goes_on(ctx: Context, p: int) -> list[tuple[int, int]]:
    """The paragraphs an answer runs on into ("A: One of the soldiers called me …" then "I made seven trips
    there …"): each one up to the next label or question, none with quotation marks or of a word or two,
    each a sentence (not "Posted by Ann Kalb at 6:00 AM" after the interview)."""
    out = []
    for a, b in ctx.paragraphs[p + 1:]:
        body = ctx.text[a:b]
        if TRANSCRIPT_LABEL.match(body) or QUESTION_LABEL.match(body) or len(words_of(body)) < 4 \
                or not body.rstrip().endswith((".", "!", "?", "…", "”", "’", "\"", ")")) \
                or any(a <= d.span.open_at < b for d in ctx.direct) or any(a <= f.open_at < b for f in ctx.fragments):
            break
        out.append((a, b))
    return out


QUESTION_LABEL = re.compile(r"\s*Q\s*[:.]\s")


def _interviewee(ctx: Context) -> str | None:
    """In a question-and-answer interview, the person the introduction before the first "Q:" is most about
    ("Fisheries Minister Corin Vale has been in the job for six months. She spoke to the Gazette …")."""
    first_q = next((ps for ps, _ in ctx.paragraphs if QUESTION_LABEL.match(ctx.text, ps)), None)
    if first_q is None:
        return None
    counts: dict[str, int] = {}
    for seen in ctx.registry.seen():
        actor = ctx.registry.get(seen.actor)
        if seen.start < first_q and actor is not None and actor.kind == "person":
            counts[seen.actor] = counts.get(seen.actor, 0) + 1
    return max(counts, key=lambda a: counts[a]) if counts else None


def signed_blocks(ctx: Context) -> list[Quote]:
    """A paragraph without quotation marks, then a line that signs it ("— Holm Ferries chief executive
    Arne Vik, in a statement"): a block quotation (an HTML <blockquote> comes out this way)."""
    out = []
    text, doc = ctx.text, ctx.parsed.doc
    for p, (ps, pe) in enumerate(ctx.paragraphs[:-1]):
        ns, ne = ctx.paragraphs[p + 1]
        m = SIGNATURE.match(text[ns:ne])
        body = text[ps:pe].strip()
        if m is None or len(words_of(m.group(1))) > 15 or not body[:1].isalpha() or len(words_of(body)) < 4 \
                or any(ch in body for ch in ALL_MARKS - {"’", "'"}):
            continue
        span = doc.char_span(ns + m.start(1), ns + m.end(1), alignment_mode="expand")
        res = resolve_name_span(ctx, span) if span is not None else None
        if res is None:
            continue
        out.append(_paragraph_quote(text, ps, pe, res, "—", ns + m.start(), ns + m.start(1)))
    return out
