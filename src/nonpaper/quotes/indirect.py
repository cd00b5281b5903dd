"""Stage 5: indirect and mixed quotations.

A cue with a content outside a direct quotation gives an indirect quotation of that content, or a
mixed one when a quoted fragment (or a direct quotation the reported clause runs into) stands in it.
It decides which contents are not quotations: a direct quotation already counted, the terms of
anonymity, a lone pronoun, a report inside another's reported clause.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort

from ..lexicon import wordset
from ..model import Quote
from ..text.offsets import Points, Spans
from .context import Attribution, Context, Direct, SENT_END, words_of
from .cues import cue_lemmas, noun_object, sentence_pp_cue
from .content import content_span, reported


MIXED_MIN_WORDS = 8  # words of the writer's own around a quotation that make a reported clause of it


LEAD_MIN_WORDS = 4  # words of a "that" clause before a quotation that make the quotation a fragment of it


def indirect_quotes(ctx: Context) -> list[Quote]:
    """Stage 5: an indirect (or mixed) quotation for every cue with a content that is not a direct
    quotation already, nor the terms of anonymity, a lone pronoun or a report inside another's."""
    quotes: _Quotes = _Quotes()
    used_cues = {id(d.attribution) for d in ctx.direct if d.attribution is not None}
    for att in ctx.attributions:
        if att.token is None or att.resolved is None:
            continue
        q = _indirect_quote(ctx, att, id(att) in used_cues, quotes)
        if q is not None:
            quotes.append(q)
    # each quotation against the ones holding its cue, and the ones whose speaker opens it: by index, not
    # every pair (issue 19)
    holding = Spans((q.start, q.end) for q in quotes)
    speakers = Points(o.speaker_start if o.speaker is not None else None for o in quotes)
    return [q for q in quotes
            if not _reported_inside(q, [quotes[i] for i in holding.overlapping(q.cue_start, q.cue_start + 1)])
            and not any(_relays_nobody(q, quotes[i]) for i in speakers.between(q.start, q.start + 6))]


class _Quotes(list):
    """The quotations found so far, with their starts kept sorted: which of them strictly hold an offset
    is a bisect from the longest one's reach, not a scan of them all (issue 19)."""

    def __init__(self) -> None:
        super().__init__()
        self._starts: list[tuple[int, int]] = []  # (start, index)
        self._longest = 0

    def append(self, q: Quote) -> None:
        insort(self._starts, (q.start, len(self)))
        self._longest = max(self._longest, q.end - q.start)
        super().append(q)

    def around(self, x: int) -> list[Quote]:
        """The quotations with start < x < end (in no set order)."""
        lo = bisect_right(self._starts, (x - self._longest, len(self)))
        hi = bisect_left(self._starts, (x, -1))
        return [self[i] for _, i in self._starts[lo:hi] if self[i].end > x]


def _indirect_quote(ctx: Context, att: Attribution, used: bool, quotes: _Quotes) -> Quote | None:
    """The quotation of a cue's content, or None (`used`: the cue is a direct quotation's attribution;
    `quotes`: the quotations of the cues before it)."""
    tok = att.token
    if _asks(tok):
        return None  # "Why did you decide to join the party?": the writer's question reports nothing
    found = reported(ctx, att)
    if found is None:
        return None
    s, e = _from_fragment(ctx, att, *_through_fragment(ctx, *found[:2]))
    if _mostly_direct(ctx, s, e, att):
        return None  # the complement is a direct quotation, already counted
    text = ctx.text[s:e]
    if used and _relayed_by(ctx, s, e):
        return None  # "“…,” Monds said Wednesday, ABC News reported.": who relays the quotation, not a content
    if _anonymity_terms(text):
        return None  # "who asked not to be named": the terms of the interview
    clausal = any(c.dep_ == "ccomp" for c in tok.children) or sentence_pp_cue(att) \
        or (tok.pos_ == "NOUN" and noun_object(tok) is None) \
        or ctx.text[att.cue_end:s].strip().lower() == "that"  # ("confirmed that the Front would “of course” file …")
    if len(words_of(text)) < (3 if clausal else 1):
        return None
    if text.strip().lower() in LONE_PRONOUNS:
        return None  # "The council disputes that.": what is meant is the claim before, not a quotation
    if not clausal and used and len(words_of(text)) <= 2:
        return None  # "“I haven't seen it yet,” she joked of the museum": the quotation is what was said
    if not clausal and _clause_reported_inside(ctx, att, s, e):
        return None
    if any((o.start, o.end) != (s, e) for o in quotes.around(att.cue_start)):
        return None  # a report inside a reported clause: the outer one is the quotation
    if found[2] and not clausal and _holds_its_cue(text, att.cue_start - s):
        return None
    kind = "mixed" if any(s <= f.open_at < e for f in ctx.fragments) \
        or any(s <= d.span.open_at < e for d in ctx.absorbed) else "indirect"
    res = att.resolved
    return Quote(id="", kind=kind, text=text, start=s, end=e, speaker=res.actor,
                 speaker_text=res.text, speaker_start=res.start, speaker_end=res.end,
                 cue=att.cue, cue_start=att.cue_start, cue_end=att.cue_end,
                 confidence=(0.8 if clausal else 0.5) if not used else 0.6,
                 stance=found[2] and not clausal and not _quotes_words(ctx, att, s, e),
                 negated=_negated(tok, text))


def _quotes_words(ctx: Context, att: Attribution, s: int, e: int) -> bool:
    """"called the champions “the best team in the history of the league”", "attacked the board as having
    “badly underperformed”": quoted words (two or more, not a scare-quoted word) said of the object, after
    a verb of calling or "as", report what was said of it, a proposition, not only a stance ("stressed the
    need to avoid “chaos or worse”" stays one)."""
    calling = att.token is not None and att.token.lemma_.lower() in wordset("claim_calling_verbs.txt")
    return any(s <= f.open_at < e and len(words_of(ctx.text[f.start:f.end])) >= 2
               and (calling or re.search(r"\bas\b", ctx.text[s:f.open_at])) for f in ctx.fragments)


def _holds_its_cue(text: str, cue_at: int) -> bool:
    """A noun phrase reported that opens with a relative or question word and holds its own cue (at
    `cue_at` in it) is the phrase the cue describes, not what was said ("the budget, which the prime
    minister decided to ram through", "what Timpson wanted to achieve")."""
    first = text.split(maxsplit=1)[0].lower() if text.split() else ""
    return 0 <= cue_at < len(text) and first in ("which", "what", "whom", "who", "that")


def _relayed_by(ctx: Context, s: int, e: int) -> bool:
    """The content of a quotation's own cue is only another cue with its subject ("Wednesday, ABC News
    reported"): a chain of attribution, whose outer link says who relays what was said."""
    span = ctx.parsed.doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return False
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in cue_lemmas()]
    return len(verbs) == 1 and span.root.i == verbs[0].i and len(span) <= 8 \
        and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verbs[0].children)


def _negated(tok, text: str) -> bool:
    """The cue is denied ("CBS News had not confirmed the account", "did not say whether") or reports
    nothing ("offered no comment"): the source is not asserting the content."""
    return any(c.dep_ == "neg" for c in tok.children) or text.lower().startswith(("no ", "none "))


def _asks(tok) -> bool:
    """The cue stands in a question put to "you" outside quotation marks: an interviewer asking ("Why did
    you decide to run?", "What would you say to those who have not decided which party to support?"). (Questions about a third person, "Did the mayor say that …?", can report, and
    PolNeAR annotates them.)"""
    sent = tok.sent.text.rstrip()
    return sent.endswith("?") and not any(ch in sent for ch in "\"“”«»") \
        and any(t.lower_ == "you" for t in tok.sent)


def _clause_reported_inside(ctx: Context, att: Attribution, s: int, e: int) -> bool:
    """"addressed a publication claiming that …": the clause reported inside an object is the quotation
    (but "describing as “unhinged” a tweet attacking her" keeps the description)."""
    # the cues that could be such a clause, indexed by offset once per article (not all read per cue, issue 19)
    cached = getattr(ctx, "_acl_cues", None)
    if cached is None or cached[0] is not ctx.attributions or cached[1] != len(ctx.attributions):
        acl = [o for o in ctx.attributions if o.token is not None and o.token.dep_ == "acl"
               and any(c.dep_ == "ccomp" for c in o.token.children)]
        cached = (ctx.attributions, len(ctx.attributions), acl, Points(o.cue_start for o in acl))
        ctx._acl_cues = cached  # type: ignore[attr-defined]
    acl, points = cached[2], cached[3]
    return any(acl[i] is not att and content_span(ctx, acl[i]) is not None for i in points.between(s, e))


def _reported_inside(q: Quote, quotes: list[Quote]) -> bool:
    """"Germany told Poland that …, the minister said": a report inside another's reported clause
    belongs to that clause; the outer report is the quotation (whichever cue comes first), unless the
    outer one only relays it for nobody in particular (`_relays_nobody`)."""
    return any(o is not q and o.start <= q.cue_start < o.end and not (q.start <= o.cue_start < q.end)
               and (o.start, o.end) != (q.start, q.end) and not _relays_nobody(o, q) for o in quotes)


def _relays_nobody(outer: Quote, inner: Quote) -> bool:
    """"The Front said 1.03 million people took to the streets, the reports said": a report whose whole
    content is another's report (opening with its speaker), only relays it when it names no actor itself
    ("the reports", "media reports"); the inner report is the quotation, and its speaker the source."""
    return outer is not inner and outer.speaker is None and inner.speaker is not None \
        and inner.speaker_start is not None and outer.start <= inner.speaker_start <= outer.start + 5 \
        and inner.cue_start < outer.end \
        and outer.start <= inner.cue_start and not (inner.start <= outer.cue_start < inner.end)


LONE_PRONOUNS = frozenset({"that", "this", "it", "so", "what", "which", "these", "those", "them"})


def _anonymity_terms(text: str) -> bool:
    """The content is the terms of an interview ("who asked not to be named")."""
    low = " ".join(words_of(text.lower()))
    return len(low.split()) <= 12 and any(p in low for p in wordset("anonymity_phrases.txt"))


def _through_fragment(ctx: Context, s: int, e: int) -> tuple[int, int]:
    """"telling CBS that the laws “are set… And I think we have to leave it that way.”": a quoted fragment
    opened inside the reported clause runs to its closing mark, past a sentence break the parser saw in it."""
    for f in ctx.fragments:
        if s <= f.open_at < e and f.close_at is not None and f.close_at >= e and f.depth == 0 \
                and ctx.para_of(f.open_at) == ctx.para_of(f.close_at):
            e = f.close_at + 1
    if ctx.text[e - 1:e + 1] == "''":
        e += 1  # a closing mark typed as two apostrophes ends after the second
    return s, e


def _from_fragment(ctx: Context, att: Attribution, s: int, e: int) -> tuple[int, int]:
    """"Amazon cited “so many inaccuracies […] that they're hard to count.”": a quotation opened right
    after the cue and closed at the content's end is all of what was reported, though the parser, misled
    by an editor's cut, hung only its last clause on the cue."""
    for f in ctx.fragments:
        if att.cue_end <= f.open_at < s and f.close_at is not None and s <= f.close_at and e <= f.close_at + 2 \
                and f.depth == 0 and not ctx.text[att.cue_end:f.open_at].strip() \
                and ctx.para_of(f.open_at) == ctx.para_of(f.close_at) and len(words_of(ctx.text[f.open_at + 1:s])) >= 2:
            # (only when the parser cut words off its start: two at least, so a mark or a space is no cut)
            end = f.open_at + 1 + len(ctx.text[f.open_at + 1:f.close_at].rstrip(" .,;"))
            return f.open_at + 1, max(e, end)
        if f.open_at + 1 == s and f.close_at is not None and e < f.close_at and f.depth == 0 \
                and EDITORS_CUT.search(ctx.text[e:f.close_at]) and ctx.para_of(f.open_at) == ctx.para_of(f.close_at):
            # (the parser stopped at the cut: "cited “so many errors […] that they're hard to count”")
            return s, f.open_at + 1 + len(ctx.text[f.open_at + 1:f.close_at].rstrip(" .,;"))
    return s, e


EDITORS_CUT = re.compile(r"[\[(](?:\.\.\.|…)[\])]")


def _mostly_direct(ctx: Context, s: int, e: int, att: Attribution) -> bool:
    """Is a reported clause a direct quotation already counted? It is when the quotation is this cue's
    own, or when little else is left; "said the process could be “messy,” adding, “Democracy is messy.”"
    reports more than the quotation "adding" introduces."""
    rest = ctx.text[s:e]
    cached = getattr(ctx, "_outer_direct", None)  # indexed once per article, not read per cue (issue 19)
    if cached is None or cached[0] is not ctx.direct or cached[1] != len(ctx.direct):
        outer = [d for d in ctx.direct if not d.inner]
        cached = (ctx.direct, len(ctx.direct), outer, Spans((d.span.open_at, d.span.close_at or d.span.end) for d in outer))
        ctx._outer_direct = cached  # type: ignore[attr-defined]
    inside = [cached[2][i] for i in cached[3].overlapping(s, e)]
    own = [d for d in inside if d.attribution is att]
    if own:
        if len(inside) == 1 and _leads_into(ctx, s, own[0]):
            ctx.absorbed.append(own[0])
            return False
        return True
    for d in sorted(inside, key=lambda d: -d.span.open_at):
        a, b = max(s, d.span.open_at), min(e, d.span.close_at or d.span.end)
        rest = rest[:a - s] + " " + rest[b - s:]
    return bool(inside) and len(words_of(rest)) < MIXED_MIN_WORDS


def _leads_into(ctx: Context, s: int, d: Direct) -> bool:
    """"said that when Ms. Warren railed against Wall Street …, “she is speaking for all of us.”": a
    reported clause that runs on into the quotation holds it as a fragment."""
    lead = ctx.text[s:d.span.open_at].rstrip()
    return not lead.endswith(":") and len(words_of(lead)) >= LEAD_MIN_WORDS and not SENT_END.search(lead[:-1])
