"""Quotes: direct, mixed and indirect quotations with their speakers. This module decides the order of
the stages and which of their quotations survive (a quotation counted twice, a direct quotation read as
part of a reported clause, an indirect one inside a direct one).

The flow (see docs/design.md, "Quotes"), one module a stage:
1. `marks.scan` pairs the quotation marks paragraph by paragraph.
2. `classify`: each outermost span is a *direct* quotation when it carries speech (it stands where a
   clause stands and is not a title, a term or a scare-quoted word); other spans are *fragments*, which
   make the reported clause around them a *mixed* quotation, or nothing.
3. `detectors` and `attribution` (with the vocabulary of `cues`): every reporting verb of
   `lexicon/data/speech_verbs.txt` outside a quotation, with its subject (through conjunctions and
   participles), "according to X", a clause ending in ":" before a quote, and the cue-less layouts
   `"…" — Name` and `Name: "…"`. They are resolved to actors in text order, so a pronoun sees the
   speakers before it (`actors/speakers.py`).
4. `direct`: each direct quotation takes the attribution of its own sentence, else of its paragraph,
   else the attribution line that follows it ("Lavrov said."), else the colon paragraph before it, else
   the speaker of the quotation it continues, else the last speaker of the previous paragraph.
   `blocks`: an unmarked paragraph after "The governor added:", signed by the next line, or after a
   transcript label is a block quotation.
5. `indirect` (with `content`, `clauses`, `objects` and `bounds`): a reporting verb with a clausal complement
   outside a direct quotation gives an indirect (or mixed) quotation: the complement without "that"; a
   parenthetical cue ("The document, he explained, was …"), a trailing one ("…, Brask said.") or an
   "as" clause ("…, as police have said") takes the clause around it. Verbs and nouns of stance report
   their object ("praised Putin as a strong leader", "her criticism of the plan").
6. `headline`: a headline of the form `Name: claim`, `Name says/urges/calls for …` or `…, Name says` is
   a quotation of the title (start/end null).
"""
from __future__ import annotations

from ..actors import ActorRegistry
from ..model import Quote
from ..text.paragraphs import blank_line_spans, block_spans
from ..text.parse import Parsed
from .marks import scan
from .context import Context
from .classify import classify_spans
from .attribution import find_attributions
from .direct import direct_quotes
from .blocks import block_quotes, signed_blocks, transcript_answers
from .indirect import indirect_quotes
from .headline import title_quotes


def extract_quotes(parsed: Parsed, registry: ActorRegistry) -> list[Quote]:
    """Every quotation of the article (direct, mixed, indirect, and of its headline) with its cue and
    speaker: the title's first, then in text order; numbered q1, q2, …"""
    paragraphs = block_spans(parsed.article) or blank_line_spans(parsed.article.text)
    spans, _warnings = scan(parsed.article.text, paragraphs)
    ctx = Context(parsed, registry, paragraphs, spans)
    classify_spans(ctx)
    find_attributions(ctx)
    quotes = (direct_quotes(ctx) + block_quotes(ctx) + signed_blocks(ctx) + transcript_answers(ctx)
              + indirect_quotes(ctx) + title_quotes(ctx))
    quotes = [q for q in quotes if not (q.kind == "direct" and any(
        d.span.start <= q.start and q.end <= d.span.end for d in ctx.absorbed))]
    quotes = _dedupe(quotes)
    quotes.sort(key=lambda q: (q.field != "title", q.start if q.start is not None else -1))
    for i, q in enumerate(quotes, 1):
        q.id = f"q{i}"
    return quotes


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """One quotation per span and field, the direct one kept; an indirect one inside a direct one goes."""
    from ..text.offsets import Spans  # here, not at the top: this function alone uses it

    # by a set of the spans kept and an index of the direct ones (the direct quotations come first and
    # only exact repeats are dropped, so the kept ones are all of them), not a scan of those kept so far
    out: list[Quote] = []
    kept: set[tuple] = set()
    direct = Spans((q.start, q.end) for q in quotes if q.kind == "direct" and q.start is not None and q.end is not None)
    for q in sorted(quotes, key=lambda q: (q.kind != "direct", q.start if q.start is not None else -1)):
        if q.start is not None and (q.field, q.start, q.end) in kept:
            continue
        if q.kind != "direct" and q.start is not None and direct.covers(q.start, q.end):
            continue
        if q.start is not None:
            kept.add((q.field, q.start, q.end))
        out.append(q)
    return out
