"""Stage 2: is a quoted span a direct quotation or a fragment?

A span is direct when it carries speech: it stands where a clause stands (after nothing, a clause
opener, a cue or a previous quotation) and ends where a clause ends, and it is not a title, a term or a
scare-quoted word or two. Other outermost spans are fragments (they make the clause around them a mixed
quotation, or nothing). A span inside a direct quotation is an inner direct quotation when it is
speech in its turn.
"""
from __future__ import annotations

import bisect
import re

from .marks import MarkSpan
from .context import Context, Direct, words_of
from .cues import cue_forms, strong_only_forms


TERM_CUES = {"so-called", "dubbed", "titled", "entitled", "nicknamed", "named", "called", "known", "as", "word", "term",
             "phrase", "slogan", "hashtag", "label", "book", "film", "movie", "song", "album", "memoir", "novel",
             "show", "play", "series", "column", "article", "headline", "plan", "operation", "program",
             "programme", "campaign", "policy", "act", "bill"}


LOWER_OK = {"of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "by", "with", "or", "from", "is", "&"}


CLAUSE_OPENERS = (":", ",", "—", "–", "-", ".", "?", "!", "(", ";", "…")


def _is_term(content: str, before: str) -> bool:
    """A quoted title, name or term ("the so-called “…”", "Operation Sea Lion"), not speech."""
    words = words_of(content)
    prev = words_of(before[-40:])
    ended = before.rstrip().endswith((".", "!", "?"))  # "… who proposed the plan. “We have …”": a new sentence
    if prev and prev[-1].lower() in TERM_CUES and not ended:
        return True
    if len(words) <= 6 and all(w[0].isupper() or w.lower() in LOWER_OK or w[0].isdigit() for w in words):
        return True  # "Slack Water", "Operation Sea Lion": a title or a name
    return False


DASH_SIGNED = re.compile(r"[”\"»]\s*[—–―]{1,2}\s*[^“”\"«»]{1,60}$")  # "…” ― Sonya Herridge" before the next one


BYLINE_AFTER = re.compile(r",?\s*by\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June"
                          r"|July|August|September|October|November|December)(?:[A-Z]|the\s+[A-Z])")


def _speech_like(ctx: Context, span: MarkSpan) -> bool:
    """An outermost span carries speech: it starts and ends where a clause does, and is no title,
    term or word or two the sentence runs into."""
    text = ctx.text
    content = text[span.start:span.end]
    para = ctx.paragraphs[ctx.para_of(span.open_at)]
    before = text[para[0]:span.open_at].rstrip()
    after_end = span.close_at + 1 if span.close_at is not None else span.end
    after = text[after_end:para[1]].lstrip().lstrip("'").lstrip()
    words = words_of(content)
    if not words or _is_term(content, before):
        return False
    if BYLINE_AFTER.match(text, after_end):
        return False  # "“An NYPD sketch artist gets a gallery show,” by Hyperallergic's Carey Dunne": a work's title
    starts = (not before or before.endswith(CLAUSE_OPENERS) or (_ends_with_cue(before) and not _noun_before(ctx, span.open_at))
              or _cue_then_conjunction(before)
              or span.continuation or DASH_SIGNED.search(before) is not None
              or before.rstrip("”’\"'»").endswith((".", "!", "?")))  # right after a quotation that ended its sentence
    stripped = content.rstrip()
    ends = (span.close_at is None or stripped.endswith((",", ".", "!", "?", "…", "—", "–", "-", ":", ";"))
            or not after or after[0] in ",.!?;:—–―)" or _starts_with_attribution(after))
    if not (starts and ends):
        return False
    if len(words) < 3 and not stripped.endswith((".", "!", "?")):
        return False
    if len(words) < 3 and before and not before.endswith(CLAUSE_OPENERS) and not stripped.endswith(("!", "?")):
        return False  # "said it would answer “in kind.”": a word or two the sentence runs into ("shouted “You lie!”" is speech)
    return True


def _noun_before(ctx: Context, offset: int) -> bool:
    """The word before a quotation mark is a noun ("the IG's report “wasn't good.”"), not a cue verb."""
    doc = ctx.parsed.doc
    starts = ctx.token_starts
    i = bisect.bisect_left(starts, offset) - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_punct):
        i -= 1
    return i >= 0 and doc[i].pos_ in ("NOUN", "PROPN")


def _cue_then_conjunction(before: str) -> bool:
    """"“…,” he said, but “when it comes to …”": a quotation after a cue and a conjunction goes on speaking."""
    m = re.search(r"(\w+),\s+(?:but|and)$", before)
    return m is not None and m.group(1).lower() in cue_forms()


def _ends_with_cue(before: str) -> bool:
    """The text before a quotation ends with a cue verb that opens speech there."""
    words = words_of(before[-30:])
    if not words:
        return False
    last = words[-1].lower()
    if last in strong_only_forms() and not before.rstrip().endswith((",", ":")):
        return False  # "talks could begin “as early as Friday”": "began, “…”" opens speech, "begin “…”" does not
    return last in cue_forms()


def _starts_with_attribution(after: str) -> bool:
    """One of the first two words after a quotation is a cue ("…,” said Kall")."""
    words = words_of(after[:40])
    return len(words) >= 2 and (words[0].lower() in cue_forms() or words[1].lower() in cue_forms())


def classify_spans(ctx: Context) -> None:
    """Stage 2: the outermost spans into `ctx.direct` or `ctx.fragments`, then the spans inside a direct
    quotation that are speech in their turn into `ctx.direct` as inner ones."""
    outer: list[Direct] = []
    for span in ctx.spans:
        if span.depth == 0:
            if _speech_like(ctx, span):
                d = Direct(span, ctx.para_of(span.open_at))
                ctx.direct.append(d)
                outer.append(d)
            else:
                ctx.fragments.append(span)
    for span in ctx.spans:
        if span.depth == 0:
            continue
        host = next((d for d in outer if d.span.open_at < span.open_at and
                     (d.span.close_at is None or span.open_at < d.span.close_at)), None)
        if host is None:
            continue
        if _speech_like_inner(ctx, span):
            ctx.direct.append(Direct(span, host.paragraph, inner=True, outer=host))


def _speech_like_inner(ctx: Context, span: MarkSpan) -> bool:
    """A span inside a direct quotation is a quotation in its turn ("he told me, ‘If you …’")."""
    content = ctx.text[span.start:span.end]
    words = words_of(content)
    before = ctx.text[max(0, span.open_at - 40):span.open_at].rstrip()
    return len(words) >= 2 and not _is_term(content, before) and (before.endswith(CLAUSE_OPENERS) or _ends_with_cue(before))
