"""Quotes: direct, mixed and indirect quotations with their speakers.

The flow (see docs/design.md, "Quotes"):
1. `quotes_marks.scan` pairs the quotation marks paragraph by paragraph.
2. Each outermost span is a *direct* quotation when it carries speech (it stands where a clause
   stands and is not a title, a term or a scare-quoted word); other spans are *fragments*, which make
   the reported clause around them a *mixed* quotation, or nothing.
3. Attributions: every reporting verb of `lexicon/data/speech_verbs.txt` outside a quotation, with its subject
   (through conjunctions and participles), "according to X", a clause ending in ":" before a quote,
   and the cue-less layouts `"…" — Name` and `Name: "…"`. They are resolved to actors in text order,
   so a pronoun sees the speakers before it (`speakers.py`).
4. Each direct quotation takes the attribution of its own sentence, else of its paragraph, else the
   attribution line that follows it ("Lavrov said."), else the colon paragraph before it, else the
   speaker of the quotation it continues, else the last speaker of the previous paragraph.
5. A reporting verb with a clausal complement outside a direct quotation gives an indirect (or mixed)
   quotation: the complement without "that"; a parenthetical cue ("The document, he explained, was …"),
   a trailing one ("…, Brask said.") or an "as" clause ("…, as police have said") takes the clause
   around it. Verbs and nouns of stance report their object ("praised Putin as a strong leader", "her
   criticism of the plan"); an unmarked paragraph after "The governor added:" is a block quotation.
6. A headline of the form `Name: claim`, `Name says/urges/calls for …` or `…, Name says` is a quotation
   of the title (start/end null).
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from ..actors.registry import ActorRegistry
from ..model import Quote
from ..text.paragraphs import blank_line_spans, block_spans
from ..text.parse import Parsed
from .marks import ALL_MARKS, MarkSpan, scan
from ..text.names import ents_of
from ..lexicon import speech_verbs, wordlist, wordset
from ..actors.speakers import Resolved, continues_clause, resolve_text, resolve_token, subject_of

TERM_CUES = {"so-called", "dubbed", "titled", "entitled", "nicknamed", "named", "called", "known", "as", "word", "term",
             "phrase", "slogan", "hashtag", "label", "book", "film", "movie", "song", "album", "memoir", "novel",
             "show", "play", "series", "column", "article", "headline", "plan", "operation", "program",
             "programme", "campaign", "policy", "act", "bill"}
LOWER_OK = {"of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "by", "with", "or", "from", "is", "&"}
CLAUSE_OPENERS = (":", ",", "—", "–", "-", ".", "?", "!", "(", ";", "…")
SENT_END = re.compile(r"[.!?…]")


@dataclass
class Attribution:
    """A reporting cue and who it points to."""
    cue: str
    cue_start: int
    cue_end: int
    resolved: Resolved | None
    token: object = None  # the cue token (None for cue-less layouts)
    paragraph: int = -1
    used: bool = False


@dataclass
class _Direct:
    span: MarkSpan
    paragraph: int
    attribution: Attribution | None = None
    inner: bool = False
    outer: "_Direct | None" = None


@dataclass
class _Context:
    parsed: Parsed
    registry: ActorRegistry
    paragraphs: list[tuple[int, int]]
    spans: list[MarkSpan]
    direct: list[_Direct] = field(default_factory=list)
    fragments: list[MarkSpan] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    _para_starts: list[int] | None = None
    _direct_iv: list[tuple[int, int]] | None = None
    _direct_starts: list[int] = field(default_factory=list)
    absorbed: list[_Direct] = field(default_factory=list)  # direct quotations read as part of a reported clause

    @property
    def text(self) -> str:
        return self.parsed.article.text

    def para_of(self, offset: int) -> int:
        i = bisect.bisect_right(self._starts(), offset) - 1
        if i >= 0:
            s, e = self.paragraphs[i]
            if s <= offset < e or (offset == e and s < e):
                return i
        return -1

    def _starts(self) -> list[int]:
        if self._para_starts is None:
            self._para_starts = [s for s, _ in self.paragraphs]
        return self._para_starts

    def in_direct(self, offset: int) -> bool:
        if self._direct_iv is None:
            self._direct_iv = sorted((d.span.open_at, d.span.close_at if d.span.close_at is not None else d.span.end)
                                     for d in self.direct if not d.inner)
            self._direct_starts = [a for a, _ in self._direct_iv]
        i = bisect.bisect_right(self._direct_starts, offset) - 1
        return i >= 0 and offset <= self._direct_iv[i][1]


def extract_quotes(parsed: Parsed, registry: ActorRegistry) -> list[Quote]:
    paragraphs = block_spans(parsed.article) or blank_line_spans(parsed.article.text)
    spans, _warnings = scan(parsed.article.text, paragraphs)
    ctx = _Context(parsed, registry, paragraphs, spans)
    _classify(ctx)
    _find_attributions(ctx)
    quotes = (_direct_quotes(ctx) + _block_quotes(ctx) + _signed_blocks(ctx) + _transcript_answers(ctx)
              + _indirect_quotes(ctx) + _title_quotes(ctx))
    quotes = [q for q in quotes if not (q.kind == "direct" and any(
        d.span.start <= q.start and q.end <= d.span.end for d in ctx.absorbed))]
    quotes = _dedupe(quotes)
    quotes.sort(key=lambda q: (q.field != "title", q.start if q.start is not None else -1))
    for i, q in enumerate(quotes, 1):
        q.id = f"q{i}"
    return quotes


# -- 2. direct quotation or fragment --------------------------------------------------------------

def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text)


def _is_term(content: str, before: str) -> bool:
    words = _words(content)
    prev = _words(before[-40:])
    ended = before.rstrip().endswith((".", "!", "?"))  # "… who proposed the plan. “We have …”": a new sentence
    if prev and prev[-1].lower() in TERM_CUES and not ended:
        return True
    if len(words) <= 6 and all(w[0].isupper() or w.lower() in LOWER_OK or w[0].isdigit() for w in words):
        return True  # "Slack Water", "Operation Sea Lion": a title or a name
    return False


DASH_SIGNED = re.compile(r"[”\"»]\s*[—–―]{1,2}\s*[^“”\"«»]{1,60}$")  # "…” ― Sonya Herridge" before the next one


BYLINE_AFTER = re.compile(r",?\s*by\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June"
                          r"|July|August|September|October|November|December)(?:[A-Z]|the\s+[A-Z])")


def _speech_like(ctx: _Context, span: MarkSpan) -> bool:
    text = ctx.text
    content = text[span.start:span.end]
    para = ctx.paragraphs[ctx.para_of(span.open_at)]
    before = text[para[0]:span.open_at].rstrip()
    after_end = span.close_at + 1 if span.close_at is not None else span.end
    after = text[after_end:para[1]].lstrip().lstrip("'").lstrip()
    words = _words(content)
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


def _noun_before(ctx: _Context, offset: int) -> bool:
    """The word before a quotation mark is a noun ("the IG's report “wasn't good.”"), not a cue verb."""
    doc = ctx.parsed.doc
    starts = ctx.__dict__.get("_tok_starts")
    if starts is None:  # (built once per article: setdefault would build the list on every call)
        starts = ctx.__dict__["_tok_starts"] = [t.idx for t in doc]
    i = bisect.bisect_left(starts, offset) - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_punct):
        i -= 1
    return i >= 0 and doc[i].pos_ in ("NOUN", "PROPN")


def _cue_then_conjunction(before: str) -> bool:
    """"“…,” he said, but “when it comes to …”": a quotation after a cue and a conjunction goes on speaking."""
    m = re.search(r"(\w+),\s+(?:but|and)$", before)
    return m is not None and m.group(1).lower() in _cue_forms()


def _ends_with_cue(before: str) -> bool:
    words = _words(before[-30:])
    if not words:
        return False
    last = words[-1].lower()
    if last in _strong_only_forms() and not before.rstrip().endswith((",", ":")):
        return False  # "talks could begin “as early as Friday”": "began, “…”" opens speech, "begin “…”" does not
    return last in _cue_forms()


@functools.lru_cache(maxsize=1)
def _strong_only_forms() -> frozenset[str]:
    """Forms of the verbs that report only beside a quotation ("began", "continued", "went"), not of
    the verbs of saying, which may run into a quotation without a comma ("called it “a mistake”")."""
    lemmas = speech_verbs("strong") - speech_verbs("clause") - speech_verbs("object")
    return frozenset(f for lemma in lemmas for f in _verb_forms(lemma))


def _starts_with_attribution(after: str) -> bool:
    words = _words(after[:40])
    return len(words) >= 2 and (words[0].lower() in _cue_forms() or words[1].lower() in _cue_forms())


def _cue_forms() -> set[str]:
    forms = {f for lemma in speech_verbs("strong") for f in _verb_forms(lemma)}
    return forms | {"said", "told", "wrote", "says", "tells", "writes", "went", "began", "answered", "replied"}


IRREGULAR_PAST = {"begin": "began", "go": "went"}


def _verb_forms(lemma: str) -> set[str]:
    """The forms a cue verb takes next to a quotation, guessed from its lemma ("add": adds, added, adding)."""
    return {lemma, lemma + "s", lemma + "ed", lemma + "d", lemma + "ing"} | (
        {IRREGULAR_PAST[lemma]} if lemma in IRREGULAR_PAST else set())


def _classify(ctx: _Context) -> None:
    outer: list[_Direct] = []
    for span in ctx.spans:
        if span.depth == 0:
            if _speech_like(ctx, span):
                d = _Direct(span, ctx.para_of(span.open_at))
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
            ctx.direct.append(_Direct(span, host.paragraph, inner=True, outer=host))


def _speech_like_inner(ctx: _Context, span: MarkSpan) -> bool:
    content = ctx.text[span.start:span.end]
    words = _words(content)
    before = ctx.text[max(0, span.open_at - 40):span.open_at].rstrip()
    return len(words) >= 2 and not _is_term(content, before) and (before.endswith(CLAUSE_OPENERS) or _ends_with_cue(before))


# -- 3. attributions ---------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)  # a union of cached lists, asked for per token and per quote
def _cue_lemmas() -> frozenset[str]:
    return (speech_verbs("clause") | speech_verbs("strong") | speech_verbs("object")
            | speech_verbs("attitude") | speech_verbs("about"))


@functools.lru_cache(maxsize=1)  # a union of cached lists, asked for per token and per quote
def _object_lemmas() -> frozenset[str]:
    """Verbs whose content may be their object ("called for new elections", "praised his patience")."""
    return speech_verbs("object") | speech_verbs("attitude") | speech_verbs("about")


def _attitude_only(lemma: str) -> bool:
    """A verb of stance, not of saying: it reports only with a person or body as its subject."""
    return lemma in speech_verbs("attitude") and lemma not in speech_verbs("clause") \
        and lemma not in speech_verbs("object") and lemma not in speech_verbs("strong")


def _indirect_lemmas() -> frozenset[str]:
    """Verbs that report a clause (the strong-only ones, like "ask" or "continue", need a quotation)."""
    return speech_verbs("clause")


def _find_attributions(ctx: _Context) -> None:
    doc = ctx.parsed.doc
    found: list[tuple[int, object, object, str, int, int]] = []  # (pos, cue token, subject token, cue, s, e)
    lemmas = _cue_lemmas()
    for tok in doc:
        if ctx.in_direct(tok.idx) or ctx.para_of(tok.idx) < 0:
            continue  # inside a quotation, or a heading
        if _in_idiom(tok):
            continue  # "That said, …", "needless to say": the writer's connective, not a report
        low = tok.lower_
        if low == "according" and any(c.lower_ == "to" for c in tok.children):
            to = next(c for c in tok.children if c.lower_ == "to")
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                found.append((tok.idx, tok, pobj, "according to", tok.idx, to.idx + len(to.text)))
            continue
        if _view_phrase(tok):  # "In Kellan's view, …", "By her account, …"
            owner = next(c for c in tok.children if c.dep_ == "poss")
            if not ctx.in_direct(owner.idx):
                prep = tok.head
                found.append((prep.idx, prep, owner, ctx.text[prep.idx:tok.idx + len(tok.text)], prep.idx,
                              tok.idx + len(tok.text)))
            continue
        if _made_point(tok):  # "Gorka made the point that …"
            subj = subject_of(tok.head)
            if subj is not None and not ctx.in_direct(subj.idx) and (_human(subj) or subj.pos_ == "PROPN"):
                found.append((tok.idx, tok, subj, ctx.text[tok.head.idx:tok.idx + len(tok.text)], tok.head.idx,
                              tok.idx + len(tok.text)))
            continue
        if _verb_tagged_noun(tok) and tok.lemma_.lower() in lemmas:  # "But Trump claims that he …"
            subj = next(c for c in tok.children if c.dep_ == "nsubj")
            if not ctx.in_direct(subj.idx) and (_human(subj) or subj.pos_ == "PROPN"):
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
            elif owner is not None and clause is None and _noun_object(tok) is not None \
                    and not ctx.in_direct(owner.idx) and (_human(owner) or owner.pos_ in ("PROPN", "PRON")):
                found.append((tok.idx, tok, owner, tok.text, tok.idx, tok.idx + len(tok.text)))
            continue
        if tok.pos_ in ("ADJ", "NOUN") and _stance_adjective(tok):  # "Ulvang is worried about the quay"
            subj = subject_of(tok.head)
            if subj is not None and not ctx.in_direct(subj.idx) and (_source_like(subj) or subj.pos_ == "PROPN"):
                found.append((tok.idx, tok, subj, _cue_text(tok), tok.idx, tok.idx + len(tok.text)))
            continue
        if tok.pos_ == "VERB" and tok.lemma_.lower() not in lemmas and (_labels_as_quoted(ctx, tok) or _sees_as(tok)):
            subj = subject_of(tok)  # "Reid has been pounding Trump as a “con artist”"
            if subj is not None and not ctx.in_direct(subj.idx) and (_human(subj) or subj.pos_ == "PROPN"):
                found.append((tok.idx, tok, subj, _cue_text(tok), tok.idx, tok.idx + len(tok.text)))
            continue
        if tok.pos_ == "VERB" and tok.lemma_.lower() not in lemmas and (_right_after_quote(ctx, tok)
                                                                         or _right_before_quote(ctx, tok)):
            # "“…,” Toomey fumed on Tuesday.": any verb right after a quotation, with a human subject
            subj = subject_of(tok)
            if subj is not None and not ctx.in_direct(subj.idx) and (_human(subj) or subj.pos_ == "PROPN"):
                found.append((tok.idx, tok, subj, _cue_text(tok), tok.idx, tok.idx + len(tok.text)))
            continue
        if tok.pos_ == "VERB" and tok.lemma_.lower() not in lemmas and _reports_a_clause(tok):
            subj = subject_of(tok)
            if subj is not None and not ctx.in_direct(subj.idx) and _human(subj):
                found.append((tok.idx, tok, subj, _cue_text(tok), tok.idx, tok.idx + len(tok.text)))
            continue
        if tok.pos_ in ("VERB", "AUX") and (tok.lemma_.lower() in lemmas or _before_colon(tok) or _as_put_it(tok)):
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
            if _attitude_only(tok.lemma_.lower()) and not (_human(subj) or subj.pos_ == "PROPN"):
                continue  # "the document was meant to remind Washington …"
            if tok.lemma_.lower() in wordset("belief_verbs.txt") and subj.lower_ in ("i", "we", "you"):
                continue  # "I think …": the speaker talking, not someone reported
            if tok.lemma_.lower() == "ask" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) \
                    and (tok.tag_ == "VBN" or tok.dep_ != "conj"):
                continue  # "Asked what she misses, she answers: …": the question, not a report
            found.append((tok.idx, tok, subj, _cue_text(tok), tok.idx, tok.idx + len(tok.text)))
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


@functools.lru_cache(maxsize=1)
def _idioms() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in wordlist("cue_idioms.txt"))


@functools.lru_cache(maxsize=1)
def _idiom_words() -> frozenset[str]:
    return frozenset(w for words in _idioms() for w in words)


def _in_idiom(tok) -> bool:
    """The token stands in one of the set phrases of `cue_idioms.txt`, at the place its word has there."""
    if tok.lower_ not in _idiom_words():
        return False
    doc = tok.doc
    for words in _idioms():
        for k, w in enumerate(words):
            if w != tok.lower_:
                continue
            a = tok.i - k
            if a >= 0 and a + len(words) <= len(doc) and all(doc[a + j].lower_ == words[j] for j in range(len(words))):
                return True
    return False


def _owner_from(tok):
    """"repeated warnings from his attorney that …": who gave the warning, named after "from"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if pobj is not None and (_human(pobj) or pobj.pos_ == "PROPN"):
                return pobj
    return None


def _several_named(subj) -> bool:
    """The subject joins two or more named people or bodies with "and" ("Carson, Fiorina and Huckabee")."""
    return subj.pos_ == "PROPN" and any(c.dep_ == "cc" and c.lower_ == "and" for c in subj.subtree) \
        and any(c.dep_ == "conj" and c.pos_ == "PROPN" and c.head.i == subj.i for c in subj.children)


def _verb_tagged_noun(tok) -> bool:
    """"Trump claims that he should be the exception": the tagger took the verb for a plural noun, but
    the parse still gives it a subject and a clause, as a verb has."""
    return tok.tag_ == "NNS" and tok.dep_ in ("ROOT", "conj") \
        and any(c.dep_ == "nsubj" for c in tok.children) and any(c.dep_ == "ccomp" for c in tok.children)


def _made_point(tok) -> bool:
    """"made the point that …", "is making the case to black leaders that …": a noun of report as the
    object of "make", with a "that" clause."""
    if tok.pos_ != "NOUN" or tok.dep_ != "dobj" or tok.head.lemma_.lower() != "make":
        return False
    if tok.lemma_.lower() not in wordset("cue_nouns_made.txt") and tok.lemma_.lower() not in wordset("cue_nouns.txt"):
        return False
    return _that_clause_of_noun(tok) is not None


def _made_clear(tok) -> bool:
    """"Mr. Obama made clear over the weekend that …" reports, though "make" alone does not."""
    return tok.lemma_.lower() == "make" and any(c.dep_ == "oprd" and c.lower_ in ("clear", "plain") for c in tok.children)


def _that_clause_of_noun(tok):
    # (a "relcl" with "that" as its mark, not its subject or object, is a misparsed "that" clause)
    return next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl")
                 and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)), None)


NOUN_OBJECT_PREPS = frozenset({"of", "for", "on", "about", "against"})


def _noun_object(tok):
    """The object of a stance noun: "his support for the bill", "her criticism of the plan"."""
    if tok.lemma_.lower() not in wordset("cue_nouns_object.txt"):
        return None
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in NOUN_OBJECT_PREPS:
            return next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
    return None


def _as_put_it(tok) -> bool:
    """"As Kellan put it, “…”": a phrase that hands the words to a speaker."""
    return (tok.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children))


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


def _view_phrase(tok) -> bool:
    """The noun of "in X's view" / "by X's account": a view noun owned by someone, in an opening PP."""
    return ((tok.lemma_.lower() in wordset("view_nouns.txt") or tok.lower_ in wordset("view_nouns.txt")) and tok.dep_ == "pobj"
            and tok.head.lower_ in ("in", "by") and tok.head.dep_ == "prep" and tok.head.head.i != tok.head.i
            and any(c.dep_ == "poss" for c in tok.children))


def _sentence_pp_cue(att: Attribution) -> bool:
    """A cue that is a phrase set off in the sentence ("according to X", "in X's view"): the rest of
    the sentence is the content."""
    return att.cue == "according to" or (att.token is not None and att.token.dep_ == "prep"
                                          and att.token.lower_ in ("in", "by"))


NOT_REPORTING = {"be", "make", "ensure", "mean", "seem", "appear", "have", "do", "let", "help", "see", "hear",
                 "watch", "look", "sound", "get", "go", "come", "take", "give", "keep", "find", "prove", "matter"}


def _right_after_quote(ctx: _Context, tok) -> bool:
    """The verb is one of the first three words after a closing mark of a direct quotation."""
    close_ends = ctx.__dict__.setdefault("_close_ends", sorted(
        (d.span.close_at + 1) for d in ctx.direct if not d.inner and d.span.close_at is not None))
    i = bisect.bisect_right(close_ends, tok.idx) - 1
    if i < 0:
        return False
    between = ctx.text[close_ends[i]:tok.idx]
    return _close_by(between) and "\n" not in between


def _close_by(between: str) -> bool:
    """A cue and a quotation mark are next to each other: at most two words between ("shot back",
    "said matter-of-factly"), in one sentence."""
    return len(_words(between)) <= 2 and not SENT_END.search(between)


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


def _right_before_quote(ctx: _Context, tok) -> bool:
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
    return _close_by(between) and "\n" not in between


def _reports_a_clause(tok) -> bool:
    """A verb outside the lexicon with a "that" clause ("Kade stressed that …", "she wagered that …"):
    a clausal complement after a human subject reports speech or thought."""
    if tok.lemma_.lower() in NOT_REPORTING and not _made_clear(tok):
        return False
    for c in tok.children:
        if c.dep_ == "ccomp" and c.i > tok.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return True
    return False


def _human(subj) -> bool:
    if subj.lower_ in ("he", "she", "they", "who"):
        return True
    if subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    from ..text.names import is_title_word
    return subj.pos_ == "NOUN" and (is_title_word(subj.text) or subj.lemma_.lower() in wordset("anonymous_heads.txt"))


COPULAS = frozenset({"be", "seem", "feel", "remain", "become", "appear", "sound"})
STANCE_PREPS = frozenset({"about", "of", "with", "by", "on", "to", "over", "at", "in"})


def _stance_adjective(tok) -> bool:
    """An adjective ("is worried about …") or a role noun ("is a staunch opponent of …") of stance after a
    copula, with what it is about."""
    lemma = tok.lemma_.lower()
    stance = (tok.dep_ == "acomp" and lemma in wordset("cue_adjectives.txt")) or \
        (tok.dep_ == "attr" and tok.pos_ == "NOUN" and lemma in wordset("stance_role_nouns.txt"))
    return stance and tok.head.lemma_.lower() in COPULAS and _adjective_content(tok) is not None


def _adjective_content(tok):
    """What a stance adjective is about: "worried [about the quay]", "confident [that …]", "eager [to sign]"."""
    for c in tok.rights:
        if c.dep_ in ("ccomp", "xcomp"):
            return c.left_edge.i + (1 if c.left_edge.lower_ in ("that", "to") else 0), c.right_edge.i
        if c.dep_ == "prep" and c.lower_ in STANCE_PREPS:
            pobj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return pobj.left_edge.i, pobj.right_edge.i
    return None


def _before_colon(tok) -> bool:
    """"Caddell continued:" / "The harbour master was brief:" — the main verb of a sentence that
    ends in a colon opening a quotation."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.text == ":":
        return True
    if tok.dep_ == "ROOT":
        last = [t for t in tok.sent if not t.is_space]
        return bool(last) and last[-1].text == ":"
    return False


def _cue_text(tok) -> str:
    parts = [tok]
    for child in tok.children:
        if child.i == tok.i + 1 and (child.dep_ == "prt" or child.dep_ == "oprd" and _made_clear(tok)):
            parts.append(child)  # "pointed out", "made clear"
    return " ".join(t.text for t in parts)


def _cueless(ctx: _Context) -> None:
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
                res = _resolve_name_span(ctx, span)
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
                res = Resolved(known, span.text, start, end) if known else _resolve_name_span(ctx, span)
                if res:
                    ctx.attributions.append(Attribution(cue, end, end + 1, res, None, d.paragraph))


def _resolve_name_span(ctx: _Context, span) -> Resolved | None:
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


# -- 4. direct quotations ---------------------------------------------------------------------

def _direct_quotes(ctx: _Context) -> list[Quote]:
    quotes = []
    previous: _Direct | None = None
    for d in sorted((d for d in ctx.direct if not d.inner), key=lambda d: d.span.open_at):
        att = _attribution_for(ctx, d, previous)
        d.attribution = att
        quotes.append(_make_direct(ctx, d, att))
        previous = d
    for d in (d for d in ctx.direct if d.inner):
        att = _inner_attribution(ctx, d)
        d.attribution = att
        q = _make_direct(ctx, d, att)
        q.confidence = 0.6
        quotes.append(q)
    return quotes


def _make_direct(ctx: _Context, d: _Direct, att: Attribution | None) -> Quote:
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


def _block_quotes(ctx: _Context) -> list[Quote]:
    """"The governor added:" then a paragraph without quotation marks: a block quotation, its
    attribution on its own line before it."""
    out = []
    text = ctx.text
    for p, (ps, pe) in enumerate(ctx.paragraphs[:-1]):
        if not text[ps:pe].rstrip().endswith(":"):
            continue
        colon = ps + len(text[ps:pe].rstrip()) - 1
        start = _sentence_start(text, ps, colon)
        att = next((a for a in reversed(ctx.attributions) if a.paragraph == p and _usable(a) and _speech_verb(a)
                    and start <= a.cue_start < colon and len(_words(text[a.cue_end:colon])) <= 4), None)
        ns, ne = ctx.paragraphs[p + 1]
        body = text[ns:ne].strip()
        if att is None or not body[:1].isalpha() or any(ns <= d.span.open_at < ne for d in ctx.direct) \
                or len(_words(body)) < 4:
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


def _transcript_answers(ctx: _Context) -> list[Quote]:
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
        if len(_words(body)) < 3 or any(ps <= d.span.open_at < pe for d in ctx.direct):
            continue  # (a quotation in marks after a label is a direct quotation already)
        s_, e_ = m.start(1), m.end(1)
        if m.group(1) == "A":  # "A: They are worried, …" in a Q-and-A: the person the interview is with
            actor = _interviewee(ctx)
        else:
            actor = resolve_text(ctx.registry, m.group(1).title(), s_)
        if actor is None or ctx.registry.get(actor).kind != "person":
            continue  # "WASHINGTON:" or a label naming no one the article introduced
        out.append(_paragraph_quote(text, m.end(), pe, Resolved(actor, m.group(1), s_, e_), ":", e_, e_ + 1))
    return out


QUESTION_LABEL = re.compile(r"\s*Q\s*[:.]\s")


def _interviewee(ctx: _Context) -> str | None:
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


def _signed_blocks(ctx: _Context) -> list[Quote]:
    """A paragraph without quotation marks, then a line that signs it ("— Holm Ferries chief executive
    Arne Vik, in a statement"): a block quotation (an HTML <blockquote> comes out this way)."""
    out = []
    text, doc = ctx.text, ctx.parsed.doc
    for p, (ps, pe) in enumerate(ctx.paragraphs[:-1]):
        ns, ne = ctx.paragraphs[p + 1]
        m = SIGNATURE.match(text[ns:ne])
        body = text[ps:pe].strip()
        if m is None or len(_words(m.group(1))) > 15 or not body[:1].isalpha() or len(_words(body)) < 4 \
                or any(ch in body for ch in ALL_MARKS - {"’", "'"}):
            continue
        span = doc.char_span(ns + m.start(1), ns + m.end(1), alignment_mode="expand")
        res = _resolve_name_span(ctx, span) if span is not None else None
        if res is None:
            continue
        out.append(_paragraph_quote(text, ps, pe, res, "—", ns + m.start(), ns + m.start(1)))
    return out


def _speech_verb(a: Attribution) -> bool:
    """A verb of saying ("added", "wrote", "told"), not just any verb before a colon."""
    lemma = a.token.lemma_.lower() if a.token is not None else ""
    return lemma in speech_verbs("clause") or lemma in speech_verbs("strong")


def _usable(a: Attribution) -> bool:
    return a.resolved is not None


def _says(a: Attribution) -> bool:
    """A cue of speech, not of stance or intent: a quotation's words belong to a speaker ("said",
    "wrote", "— Name"), not to whoever "planned" or "praised" something in the same sentence."""
    if a.token is None or a.token.pos_ not in ("VERB", "AUX") or _speech_verb(a):
        return True
    return a.token.lemma_.lower() not in _object_lemmas()


TRANSCRIPT_LABEL = re.compile(r"\s*([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,2}"
                              r"|[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){0,2}|A):\s")  # "OKAFOR: …", "Ulvang: …", "A: …"


def _transcript_label(ctx: _Context, d: _Direct) -> Attribution | None:
    """“PENCE: Well, look, …” — a transcript excerpt names its speaker in capitals before a colon."""
    m = TRANSCRIPT_LABEL.match(ctx.text, d.span.open_at + 1)
    if m is None or len(m.group(1)) < 3 or m.group(1).lower() in wordset("headline_labels.txt"):
        return None
    s, e = m.start(1), m.end(1)
    name = m.group(1).title()
    actor = resolve_text(ctx.registry, name, s) or ctx.registry.add(name, "person")
    return Attribution(":", e, e + 1, Resolved(actor, m.group(1), s, e), None, d.paragraph)


def _attribution_for(ctx: _Context, d: _Direct, previous: _Direct | None) -> Attribution | None:
    label = _transcript_label(ctx, d)
    if label is not None:
        return label
    text = ctx.text
    p = d.paragraph
    para = ctx.paragraphs[p]
    span = d.span
    close = span.close_at + 1 if span.close_at is not None else span.end
    same_para = [a for a in ctx.attributions if a.paragraph == p and _usable(a)
                 and not (span.open_at <= a.cue_start < close)]
    if any(_says(a) for a in same_para):  # "…, he said" over "his son had planned to enlist"
        same_para = [a for a in same_para if _says(a)]
    others = [o for o in ctx.direct if not o.inner and o.paragraph == p and o is not d]
    next_open = min((o.span.open_at for o in others if o.span.open_at > span.open_at), default=para[1])
    prev_close = max(((o.span.close_at or o.span.end) for o in others if o.span.open_at < span.open_at), default=para[0])
    # a. the attribution right after it, in its sentence: “…,” Lavrov said.
    after_end = _sentence_end(text, close, next_open)
    after = [a for a in same_para if close <= a.cue_start < after_end]
    if text[span.open_at:close].rstrip("”’\"'» \n").endswith(".") and after:
        # “… everywhere.” Greene added that …: a quotation that ends its sentence is not the
        # content of a cue that reports a clause or object of its own after it
        after = [a for a in after if a.token is None or not any(
            c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > a.token.i for c in a.token.children)]
    # b. the attribution right before it, in its sentence: Lavrov said: “…”
    before_start = _sentence_start(text, prev_close, span.open_at)
    before = [a for a in same_para if before_start <= a.cue_start < span.open_at]
    colon_before = text[para[0]:span.open_at].rstrip().endswith(":")
    if before and colon_before:
        return before[-1]
    adjacent = [a for a in before if _close_by(text[a.cue_end:span.open_at])]
    if adjacent:
        return adjacent[-1]  # "Trump barked, “Go back …,” the reporter recalled": the verb at the mark
    if before and after and _new_sentence_after(text, span, close):
        return before[-1]
    if after:
        return after[0]
    if before:
        return before[-1]
    # c. a split or follow-up quotation in the same paragraph takes the earlier one's speaker
    if previous is not None and previous.paragraph == p and previous.attribution is not None:
        return previous.attribution
    earlier = [a for a in same_para if a.cue_start < span.open_at]
    if earlier:
        return earlier[-1]
    later = [a for a in same_para if a.cue_start >= close]
    if later:
        return later[0]
    # d. a continuation paragraph: the speaker of the quotation it continues
    if span.continuation and previous is not None and previous.attribution is not None:
        return previous.attribution
    # e. an attribution line after it ("Lavrov said." / "he emphasized.")
    line = _attribution_line(ctx, p + 1)
    if line is not None and text[close:para[1]].strip() == "" and _ends_quote_run(ctx, d):
        return line
    # f. a colon paragraph before it ("Caddell continued:")
    if p > 0 and text[ctx.paragraphs[p - 1][0]:ctx.paragraphs[p - 1][1]].rstrip().endswith(":"):
        prev = [a for a in ctx.attributions if a.paragraph == p - 1 and _usable(a)]
        if prev:
            return prev[-1]
    # g. the quotation before runs on into this one (continued over a paragraph break)
    if previous is not None and previous.paragraph == p - 1 and previous.span.continues and previous.attribution:
        return previous.attribution
    # h. the last speaker of the previous paragraph ("Halloran said the trial …" then the quotation)
    if p > 0:
        prev = _outermost([a for a in ctx.attributions if a.paragraph == p - 1 and _usable(a)])
        quote_para = any(o.paragraph == p - 1 for o in ctx.direct if not o.inner)
        if prev and not quote_para:
            return prev[-1]
        # i. a paragraph that is only a quotation, after a paragraph quoting someone: the same voice
        alone = not text[para[0]:span.open_at].strip() and not text[close:para[1]].strip()
        if alone and previous is not None and previous.paragraph == p - 1 and previous.attribution is not None:
            return previous.attribution
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


def _ends_quote_run(ctx: _Context, d: _Direct) -> bool:
    later = [o for o in ctx.direct if not o.inner and o.paragraph == d.paragraph and o.span.open_at > d.span.open_at]
    return not later


def _attribution_line(ctx: _Context, p: int) -> Attribution | None:
    """A paragraph that is only an attribution: "Lavrov said." / "he emphasized."."""
    if p >= len(ctx.paragraphs):
        return None
    s, e = ctx.paragraphs[p]
    line = ctx.text[s:e].strip()
    if any(ch in line for ch in ALL_MARKS - {"’"}) or len(_words(line)) > 12:
        return None
    atts = [a for a in ctx.attributions if a.paragraph == p and _usable(a)]
    if not atts:
        return None
    tok = atts[0].token
    if tok is not None and any(c.dep_ == "ccomp" for c in tok.children):
        return None
    return atts[0]


def _sentence_end(text: str, start: int, limit: int) -> int:
    m = SENT_END.search(text, start, limit)
    return m.end() if m else limit


def _sentence_start(text: str, limit: int, end: int) -> int:
    last = limit
    for m in SENT_END.finditer(text, limit, end):
        nxt = text[m.end():m.end() + 2]
        if nxt[:1].isspace():
            last = m.end()
    return last


def _inner_attribution(ctx: _Context, d: _Direct) -> Attribution | None:
    """A quotation inside a quotation: the cue inside the outer one, before the inner span
    ("he told me, ‘If you …’"), with "I"/"we" standing for the outer speaker."""
    doc = ctx.parsed.doc
    outer = d.outer
    lo = outer.span.start
    best = None
    for tok in doc.char_span(lo, d.span.open_at, alignment_mode="expand") or []:
        if tok.pos_ in ("VERB",) and tok.lemma_.lower() in _cue_lemmas():
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
    return Attribution(_cue_text(tok), tok.idx, tok.idx + len(tok.text), res, tok, d.paragraph)


# -- 5. indirect and mixed quotations ------------------------------------------------------------

MIXED_MIN_WORDS = 8  # words of the writer's own around a quotation that make a reported clause of it
LEAD_MIN_WORDS = 4  # words of a "that" clause before a quotation that make the quotation a fragment of it


def _indirect_quotes(ctx: _Context) -> list[Quote]:
    quotes = []
    doc = ctx.parsed.doc
    used_cues = {id(d.attribution) for d in ctx.direct if d.attribution is not None}
    for att in ctx.attributions:
        tok = att.token
        if tok is None or att.resolved is None:
            continue
        span = _content_span(ctx, att)
        if span is None:
            continue
        s, e = _through_fragment(ctx, *span)
        if _mostly_direct(ctx, s, e, att):
            continue  # the complement is a direct quotation, already counted
        text = ctx.text[s:e]
        if _anonymity_terms(text):
            continue  # "who asked not to be named": the terms of the interview
        clausal = any(c.dep_ == "ccomp" for c in tok.children) or _sentence_pp_cue(att) \
            or (tok.pos_ == "NOUN" and _noun_object(tok) is None)
        if len(_words(text)) < (3 if clausal else 1):
            continue
        if text.strip().lower() in LONE_PRONOUNS:
            continue  # "The council disputes that.": what is meant is the claim before, not a quotation
        if not clausal and id(att) in used_cues and len(_words(text)) <= 2:
            continue  # "“I haven't seen it yet,” she joked of the museum": the quotation is what was said
        if not clausal and any(o is not att and o.token is not None and o.token.dep_ == "acl" and s <= o.cue_start < e
                               and any(c.dep_ == "ccomp" for c in o.token.children)
                               and _content_span(ctx, o) is not None for o in ctx.attributions):
            continue  # "addressed a publication claiming that …": the clause reported inside is the quotation
            # (but "describing as “unhinged” a tweet attacking her" keeps the description)
        if any(o.start < att.cue_start < o.end and (o.start, o.end) != (s, e) for o in quotes):
            continue  # a report inside a reported clause: the outer one is the quotation
        kind = "mixed" if any(s <= f.open_at < e for f in ctx.fragments) \
            or any(s <= d.span.open_at < e for d in ctx.absorbed) else "indirect"
        res = att.resolved
        quotes.append(Quote(id="", kind=kind, text=text, start=s, end=e, speaker=res.actor,
                            speaker_text=res.text, speaker_start=res.start, speaker_end=res.end,
                            cue=att.cue, cue_start=att.cue_start, cue_end=att.cue_end,
                            confidence=(0.8 if clausal else 0.5) if id(att) not in used_cues else 0.6))
    return [q for q in quotes if not _reported_inside(q, quotes)]


def _reported_inside(q: Quote, quotes: list[Quote]) -> bool:
    """"Germany told Poland that …, the minister said": a report inside another's reported clause
    belongs to that clause; the outer report is the quotation (whichever cue comes first)."""
    return any(o is not q and o.start <= q.cue_start < o.end and not (q.start <= o.cue_start < q.end)
               and (o.start, o.end) != (q.start, q.end) for o in quotes)


LONE_PRONOUNS = frozenset({"that", "this", "it", "so", "what", "which", "these", "those", "them"})


def _anonymity_terms(text: str) -> bool:
    low = " ".join(_words(text.lower()))
    return len(low.split()) <= 12 and any(p in low for p in wordset("anonymity_phrases.txt"))


def _through_fragment(ctx: _Context, s: int, e: int) -> tuple[int, int]:
    """"telling CBS that the laws “are set… And I think we have to leave it that way.”": a quoted fragment
    opened inside the reported clause runs to its closing mark, past a sentence break the parser saw in it."""
    for f in ctx.fragments:
        if s <= f.open_at < e and f.close_at is not None and f.close_at >= e and f.depth == 0 \
                and ctx.para_of(f.open_at) == ctx.para_of(f.close_at):
            e = f.close_at + 1
    if ctx.text[e - 1:e + 1] == "''":
        e += 1  # a closing mark typed as two apostrophes ends after the second
    return s, e


def _mostly_direct(ctx: _Context, s: int, e: int, att: Attribution) -> bool:
    """Is a reported clause a direct quotation already counted? It is when the quotation is this cue's
    own, or when little else is left; "said the process could be “messy,” adding, “Democracy is messy.”"
    reports more than the quotation "adding" introduces."""
    rest = ctx.text[s:e]
    inside = [d for d in ctx.direct if not d.inner and d.span.open_at < e and s < (d.span.close_at or d.span.end)]
    own = [d for d in inside if d.attribution is att]
    if own:
        if len(inside) == 1 and _leads_into(ctx, s, own[0]):
            ctx.absorbed.append(own[0])
            return False
        return True
    for d in sorted(inside, key=lambda d: -d.span.open_at):
        a, b = max(s, d.span.open_at), min(e, d.span.close_at or d.span.end)
        rest = rest[:a - s] + " " + rest[b - s:]
    return bool(inside) and len(_words(rest)) < MIXED_MIN_WORDS


def _leads_into(ctx: _Context, s: int, d: _Direct) -> bool:
    """"said that when Ms. Warren railed against Wall Street …, “she is speaking for all of us.”": a
    reported clause that runs on into the quotation holds it as a fragment."""
    lead = ctx.text[s:d.span.open_at].rstrip()
    return not lead.endswith(":") and len(_words(lead)) >= LEAD_MIN_WORDS and not SENT_END.search(lead[:-1])


def _content_span(ctx: _Context, att: Attribution) -> tuple[int, int] | None:
    tok = att.token
    doc = ctx.parsed.doc
    if any(c.dep_ == "mark" and c.lower_ == "than" for c in tok.children):
        return None  # "three days later than the town has said": a comparison, however the parser hung it
    if _sentence_pp_cue(att):
        sent = tok.sent
        pp = _pp_extent(tok)
        if tok.head.i == tok.i and pp[1] >= sent.end - 2:
            return None
        lo, hi = sent.start, sent.end - 1
        left = (lo, pp[0] - 1)
        right = (pp[1] + 1, hi)
        left_n = left[1] - left[0] + 1
        right_n = right[1] - right[0] + 1
        a, b = left if left_n >= right_n else right
        if min(left_n, right_n) >= 4 and doc[pp[0] - 1].text == "," and pp[1] + 1 < len(doc) \
                and doc[pp[1] + 1].text == "," and doc[lo].is_sent_start and not doc[lo].is_punct:
            return _trim(doc, lo, hi, cut=False)  # "The top 1 percent, according to X, would see …"
        return _trim(doc, a, b)
    if tok.pos_ == "ADJ" or (tok.dep_ == "attr" and tok.lemma_.lower() in wordset("stance_role_nouns.txt")):
        span = _adjective_content(tok)
        return None if span is None else _trim(doc, *span)
    if tok.pos_ == "NOUN":  # "Kade's claim that …": the clause after the noun
        clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl")), None)
        if clause is None:
            pobj = _noun_object(tok)  # "her criticism of the plan": what the noun is about
            return None if pobj is None else _trim(doc, pobj.left_edge.i, pobj.right_edge.i)
        a, b = clause.left_edge.i, clause.right_edge.i
        if doc[a].lower_ == "to":
            a += 1
        return _trim(doc, a, b)
    # a clause after the cue is what was said; one before it only in "…, he said" (a misparse can hang
    # an opening "While he acknowledged …" on the cue as well)
    comps = [c for c in tok.children if c.dep_ == "ccomp"]
    comp = next((c for c in comps if c.i > tok.i), comps[0] if comps else None)
    if comp is not None and comp.i < tok.i and any(c.dep_ in ("xcomp", "dobj") and c.i > tok.i and not _addressee(tok, c)
                                                   and not _after_comma(tok, c) for c in tok.children):
        comp = None  # "In his book, “Make Your Kid a Millionaire,” he suggested looking at …": what follows
    if comp is None and (tok.lemma_.lower() in _indirect_lemmas() or tok.lemma_.lower() in _object_lemmas()):
        comp = _misparsed_clause(tok)
    if comp is None and tok.lemma_.lower() in _indirect_lemmas():
        comp = _that_clause_in_phrase(tok)
    if comp is None:
        comp = next((c for c in tok.children if c.dep_ in ("xcomp",) and c.lemma_ in ("be",)), None)
    if comp is not None and tok.lemma_.lower() not in _indirect_lemmas() and not _reports_a_clause(tok) \
            and not (tok.lemma_.lower() in _object_lemmas() and comp.i > tok.i and comp.pos_ in ("VERB", "AUX")):
        # ("called for X to be clawed back" reports; "refers to it with the marks audible" does not)
        return None
    if comp is not None:
        a, b = comp.left_edge.i, comp.right_edge.i
        # "discovered that attempts … | were made by …": a misparse cuts one clause into two, side by side
        b = max([b] + [c.right_edge.i for c in comps if c.i > comp.i and c.left_edge.i == b + 1
                       and c.lemma_.lower() not in _cue_lemmas()])  # (not "…, and three-quarters said the same")
        mark = next((m for m in comp.children if m.dep_ == "mark" and m.lower_ == "that" and m.i > a), None)
        if mark is not None and any(t.text == "," for t in doc[a:mark.i]):
            a = mark.i  # "reported, citing an internal memo, that the repairs …": what was reported follows "that"
        if comp.dep_ == "advcl":  # the misparsed clause: from its subject on, not the phrase before it
            a = next(x for x in comp.children if x.dep_ in ("nsubj", "nsubjpass")).left_edge.i
        # "… was likely to be “indefinite” and insisted that …": a reporting conjunct ends the clause
        for c in comp.children:
            if c.dep_ == "conj" and c.i > comp.i and _reports_on_its_own(c) and subject_of(c) is not None \
                    and not any(m.dep_ == "mark" for m in c.children) and not continues_clause(c):
                # ("… but that it would add …", "… and had shown remorse" go on)
                cc = [x.i for x in comp.children if x.dep_ == "cc" and comp.i < x.i < c.i]
                b = (cc[-1] if cc else c.left_edge.i) - 1
                break
        b = _through_colon(doc, _through_advcl(tok, _through_reported_modal(tok, b)))
        b = _second_that_clause(tok, b)
        if a < tok.i < comp.i and doc[a].lower_ in ("which", "that", "what", "who"):
            a = tok.i + 1  # "donations, which he said were tied to favours": what he said follows the cue
        subj = subject_of(tok)
        if subj is not None and a <= subj.i <= b:
            return None
        if comp.i < tok.i:  # "…, the agency said in a report, and the bottom fifth paid …"
            b = _content_after_aside(tok, b)
            a = _first_conjunct(tok, a)
        else:  # "said he had offers, but “the offers were …”"
            b = _quoted_conjunct(tok, b)
        return _trim(doc, a, b)
    if (tok.lemma_.lower() in _object_lemmas() or _tells_to(tok) or _tells_story(tok) or _labels_as_quoted(ctx, tok)
            or _sees_as(tok)) \
            and not any(c.dep_ == "prt" and not _calls_on(tok, c) for c in tok.children):
        span = _object_content(tok)  # ("called off" is no report)
        if span is not None:
            return span
    if _as_clause(tok):
        # "…, as police have said." / "As the Courier reported, …": the clause the cue is hung on
        a, b, inside = _clause_around(tok)
        return None if inside else _trim(doc, a, b)
    trailing = _trailing_report(tok)
    if trailing is not None:
        return trailing
    other = _passive_or_gerund(tok)
    if other is not None:
        return other
    if tok.dep_ in ("parataxis", "ccomp") and tok.head.i != tok.i:
        # "The informal document, he explained, was meant …" / "…, the newspaper reported."
        head = tok.head
        if tok.dep_ == "ccomp" and head.lemma_.lower() in _cue_lemmas() and head.i > tok.i:
            return None  # "He may add to his leadership, he said.": what was said, not a cue
        if head.pos_ not in ("VERB", "AUX") and not (head.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in head.children)) \
                and not (head.dep_ == "ROOT" and _set_off(tok)):
            return None  # ("…, he added, amount to …" with the verb tagged as a noun still has its subject)
        if tok.lemma_.lower() not in _indirect_lemmas():
            return None  # "how long her brand of magic can continue": a cue only next to a quotation
        goes_on = [c for c in tok.children if c.dep_ == "conj" and c.i > tok.i and c.lemma_.lower() not in _cue_lemmas()
                   and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)]
        own_end = max([tok.i] + [c.right_edge.i for c in tok.children if c.dep_ not in ("conj", "cc", "punct")])
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
        own_start = subj.left_edge.i if subj is not None else tok.left_edge.i  # (not "At times last year, …")
        if any(c.dep_ in ("dobj", "ccomp", "xcomp") and not _addressee(tok, c) for c in tok.children) \
                or own_end - own_start > 10:
            return None
        if goes_on and tok.left_edge.i > head.left_edge.i:
            # "He had no known affiliations, the airline added, and had passed all checks": the parser hung
            # the rest of the clause on the cue; it goes on with what was said
            return _trim(doc, head.left_edge.i, goes_on[-1].right_edge.i)
        a, b, inside = _clause_around(tok)  # a cue inside the clause stays in it
        if inside and _cut_tail(doc, a, b) <= tok.right_edge.i + 1 and tok.left_edge.i > a:
            return _trim(doc, a, tok.left_edge.i - 1)  # "…, one of the people said, asking not to be named."
        return _trim(doc, a, b)
    return None


def _set_off(tok) -> bool:
    """The cue's own words stand between commas in the middle of the sentence ("The hashtag, Mr. Abboud said,
    accompanied …"), however the parser hung them."""
    doc = tok.doc
    own = [c for c in tok.children if c.dep_ != "punct"]
    a, b = min([tok.i] + [c.left_edge.i for c in own]), max([tok.i] + [c.right_edge.i for c in own])
    return a > tok.sent.start and doc[a - 1].text == "," and b + 1 < tok.sent.end - 1 and doc[b + 1].text == ","


REPORTED_MODALS = frozenset({"would", "could", "might", "should"})


def _through_reported_modal(tok, b: int) -> int:
    """"said she hoped to get her account back, and then would continue to …": a conjunct of the cue with no
    subject of its own and the "would" of reported speech goes on with what was said."""
    if tok.tag_ != "VBD":
        return b
    for c in tok.rights:
        if c.dep_ == "conj" and c.i > b and not any(x.dep_ == "ccomp" for x in c.children) \
                and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children) \
                and any(x.dep_ == "aux" and x.lower_ in REPORTED_MODALS for x in c.children):
            b = c.right_edge.i
    return b


def _reports_on_its_own(c) -> bool:
    """A verb joined to a reported clause that reports in its turn: a verb of saying, or a past-tense verb
    with an object ("said he'd battled pneumonia and called it a common ailment")."""
    return c.lemma_.lower() in _indirect_lemmas() or (c.lemma_.lower() in _object_lemmas() and c.tag_ in ("VBD", "VBZ"))


def _addressee(tok, c) -> bool:
    """"The solution, the partner told them, was simple": whom one tells is not what is told."""
    return tok.lemma_.lower() == "tell" and c.dep_ in ("dobj", "dative") and c.lemma_.lower() not in wordset("told_nouns.txt")


def _first_conjunct(tok, a: int) -> int:
    """"The mayor wanted the money, but the council refused, the source added.": a cue closing the
    sentence that the parser joined to the first clause reports both clauses, not just the last."""
    head = tok.head
    if tok.dep_ == "conj" and head.i < a and head.left_edge.i == tok.sent.start \
            and all(t.is_punct or t.dep_ in ("nsubj", "det", "compound", "amod", "poss", "case")
                    or t.i == tok.i for t in tok.doc[a:tok.sent.end] if t.i > tok.i):
        return head.left_edge.i
    return a


def _content_after_aside(tok, b: int) -> int:
    """"The middle fifth paid 8.9 percent, the agency said in a June report, and the bottom fifth paid
    0.8 percent": a clause joined to a cue set off by commas goes on with what was said."""
    subj = subject_of(tok)
    doc = tok.doc
    if subj is None or subj.i > tok.i or doc[subj.left_edge.i - 1].text != ",":
        return b
    for c in tok.rights:
        if c.dep_ != "conj" or c.pos_ not in ("VERB", "AUX") or c.lemma_.lower() in _indirect_lemmas():
            continue
        csubj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if csubj is None or csubj.pos_ == "PRON" and csubj.lower_ not in ("it", "they", "those", "this", "that"):
            continue
        if doc[c.left_edge.i - 1].text not in ("and", "but") or doc[c.left_edge.i - 2].text != ",":
            continue
        return c.right_edge.i
    return b


def _quoted_conjunct(tok, b: int) -> int:
    """"Zimmerman said he had offers for the gun, but “the offers were …”": a clause the parser joined
    to the cue rather than to what was said goes on with it when it carries the speaker's words."""
    doc = tok.doc
    for c in tok.rights:
        if c.dep_ == "prep" and c.i > b and doc[c.i - 1].dep_ == "cc" \
                and any(t.text in ALL_MARKS or t.text == "''" for t in doc[c.i:c.right_edge.i + 1]) \
                and all(t.is_punct or t.dep_ == "cc" for t in doc[b + 1:c.i]):
            return c.right_edge.i  # "said the event brought back memories of her father, and of “all the people …”"
        if c.dep_ != "conj" or c.i <= b or c.pos_ not in ("VERB", "AUX") or c.lemma_.lower() in _indirect_lemmas():
            continue
        if not any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in c.children):
            continue
        if not any(t.text in ALL_MARKS for t in doc[c.left_edge.i:c.right_edge.i + 1]):
            continue
        between = doc[b + 1:c.left_edge.i]
        if not all(t.is_punct or t.dep_ == "cc" for t in between):
            continue
        return c.right_edge.i
    return b


def _passive_or_gerund(tok) -> tuple[int, int] | None:
    """"Her death was confirmed by the Eagle Forum": what a passive cue with an agent reports is its
    subject; "Trump suggested boycotting Apple if …": a gerund after a clause verb is what was said."""
    doc = tok.doc
    if any(c.dep_ == "agent" for c in tok.children):
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if subj is not None and subj.pos_ != "PRON" and subj.i < tok.i:
            return _trim(doc, subj.left_edge.i, subj.right_edge.i)
    if tok.lemma_.lower() in _indirect_lemmas():
        gerund = next((c for c in tok.rights if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
        if gerund is not None:
            return _trim(doc, gerund.left_edge.i, gerund.right_edge.i)
    return None


def _trailing_report(tok) -> tuple[int, int] | None:
    """"Sanders remains committed to the race, his top aide, Tad Devine, told The Huffington Post.": a
    reporting verb closing the sentence after a comma, with at most its addressee and a time after it,
    reports everything before the comma however the parser hung the two together."""
    if tok.lemma_.lower() not in _indirect_lemmas() or any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
        return None
    subj = subject_of(tok)
    doc, sent = tok.doc, tok.sent
    if subj is None or subj.head.i != tok.i or tok.dep_ in ("relcl", "acl", "xcomp", "advcl") \
            or subj.lower_ in ("who", "which", "that"):
        return None
    if subj.i > tok.i:  # "…, said the company's chief executive, John J. Ferriola."
        first, rest = tok.i, []
    else:
        first = subj.left_edge.i
        rest = [t for t in doc[tok.i + 1:sent.end] if not t.is_punct and not t.is_space]
    if not rest and subj.i < tok.i and first - sent.start >= 3 and doc[first - 1].text == "," \
            and sent.text.rstrip().endswith(".") and not any(t.text in ALL_MARKS for t in doc[sent.start:sent.end]):
        return _trim(doc, sent.start, first - 1)  # "People like Scott, he said.": the words before are what was said
    if first - sent.start < 4 or doc[first - 1].text != "," or len(rest) > 6 \
            or not sent.text.rstrip().endswith((".", "!", "?")) \
            or any(t.text in (",", ";", ":") for t in doc[tok.i + 1:sent.end]) and subj.i < tok.i \
            or any(t.text in ALL_MARKS for t in doc[first:sent.end]):
        return None
    # what comes before must be a clause of its own, not an opening phrase ("In a 1963 speech, he declared …")
    tops = [t for t in doc[sent.start:first - 1] if not (sent.start <= t.head.i < first - 1) or t.head.i == t.i]
    if not any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("advcl", "prep", "pcomp")
               and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children) for t in tops):
        return None
    return _trim(doc, sent.start, first - 1)


def _clause_around(tok) -> tuple[int, int, bool]:
    """The clause a cue is hung on, without the cue's own clause when that opens or closes it;
    (start, end, whether the cue sits inside it)."""
    head = tok.head
    a, b = head.left_edge.i, head.right_edge.i
    ca, cb = tok.left_edge.i, tok.right_edge.i
    if cb >= b - 1:
        return a, ca - 1, False
    if ca <= a:
        return cb + 1, b, False
    return a, b, True


def _that_clause_in_phrase(tok):
    """"says in a statement that the race …", "said following a vote in 2001 that he had …": the parser
    hangs the "that" clause on a noun of the phrase between; it is what was said."""
    for c in tok.rights:
        if c.dep_ != "prep" and not (c.dep_ in ("dobj", "dative") and _addressee(tok, c)):
            continue  # ("told a meeting of island leaders that few people …": the clause hung on whom he told)
        for clause in c.subtree:
            if clause.dep_ in ("acl", "relcl", "ccomp") and clause.left_edge.lower_ == "that" \
                    and clause.left_edge.dep_ == "mark" and clause.head.pos_ in ("NOUN", "PROPN", "NUM") \
                    and clause.right_edge.i == clause.head.right_edge.i:  # the clause ends the noun's phrase
                return clause
    return None


def _misparsed_clause(tok):
    """"Trump said after the convention he would not accept …": with a phrase between the cue and
    the clause the parser may hang the clause on the cue as an adverbial; one with its own subject
    and no conjunction ("if", "when") is what was said, as is "called for the bonuses to be cut"."""
    for c in tok.rights:
        if c.dep_ == "advcl" and c.pos_ in ("VERB", "AUX") \
                and not any(m.dep_ == "mark" and m.lower_ != "for" or m.dep_ == "advmod" and m.lower_ in ("when", "while", "as")
                            for m in c.children) \
                and any(x.dep_ in ("nsubj", "nsubjpass") and x.i < c.i for x in c.children):
            return c
    return None


def _pp_extent(tok) -> tuple[int, int]:
    """The tokens of "according to X" / "in X's view": up to the end of X's own phrase. The parser
    sometimes takes "According" for the root and hangs the rest of the sentence on X as an
    appositive; a comma after X's phrase then ends the cue."""
    a, b = tok.left_edge.i, tok.right_edge.i
    doc = tok.doc
    if tok.head.i == tok.i or tok.dep_ == "ROOT":
        noun = next((c for c in tok.subtree if c.dep_ == "pobj"), None)
        if noun is not None:
            stop = next((c.i for c in noun.children if c.dep_ in ("appos", "relcl") and c.i > noun.i), None)
            if stop is not None and doc[stop - 1].text == ",":
                return a, stop - 2
            comma = next((c.i for c in noun.rights if c.text == ","), None)
            if comma is not None:
                return a, comma - 1
    return a, b


def _as_clause(tok) -> bool:
    """A reporting verb in an "as" clause of another verb ("…, as police have said")."""
    return (tok.dep_ == "advcl" and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX")
            and tok.lemma_.lower() in _indirect_lemmas()
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in tok.children))


def _second_that_clause(tok, b: int) -> int:
    """"telling CBS that the laws are set and that he had seen support": a second "that" clause the
    parser coordinated with the cue verb is more of what was said."""
    doc = tok.doc
    for c in tok.rights:
        if c.i > b and c.dep_ in ("conj", "ccomp") and c.left_edge.i > b \
                and any(x.lower_ == "that" and x.dep_ == "mark" for x in c.children) \
                and all(t.is_punct or t.dep_ == "cc" for t in doc[b + 1:c.left_edge.i]):
            b = c.right_edge.i
    return b


ADVCL_MARKS = frozenset({"when", "because", "if", "although", "though", "while", "since", "unless", "so"})


def _through_advcl(tok, b: int) -> int:
    """"Lynch said there remains a gap, when it comes to …": a subordinate clause the parser hung on
    the cue verb, right after the content, is still part of what was said."""
    doc = tok.doc
    for c in tok.rights:
        if c.dep_ != "advcl" or c.left_edge.i <= b:
            continue
        gap = [t for t in doc[b + 1:c.left_edge.i] if not t.is_punct]
        if not gap and doc[c.left_edge.i].lower_ in ADVCL_MARKS:
            b = c.right_edge.i
    return b


def _through_colon(doc, b: int) -> int:
    """"… three things are happening at once: home values are rising, …" — a colon right after the
    clause announces more of what was said; the content runs on to the end of the sentence."""
    if b + 2 >= len(doc) or doc[b + 1].text != ":" or doc[b + 2].text in ALL_MARKS:
        return b
    end = doc[b].sent.end - 1
    return end if end > b + 1 else b


OBJECT_DEPS = ("dobj", "xcomp", "oprd", "dative")
OBJECT_PREPS = ("for", "on", "as", "of", "about", "to", "against")
ABOUT_PREPS = ("about", "of", "against")


def _object_content(tok) -> tuple[int, int] | None:
    """"called for new elections" → "new elections"; "urged voters to stay home" → "voters to stay
    home"; "described the plan as a mistake" → "the plan as a mistake"."""
    about = tok.lemma_.lower() in speech_verbs("about")
    comps = [c for c in tok.rights if (c.dep_ in OBJECT_DEPS and not about)
             or (c.dep_ == "prep" and c.lower_ in (ABOUT_PREPS if about else OBJECT_PREPS)) or _calls_on(tok, c)
             or (c.dep_ == "prep" and c.lower_ == "by" and tok.lemma_.lower() in ("respond", "reply", "react"))
             or (c.dep_ == "advcl" and _tells_to(tok) and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children))]
    if not comps:
        return None
    first = comps[0]
    if first.dep_ == "dobj" and _after_comma(tok, first):
        return None  # "Mrs. Clinton said, a hint of frustration in her voice": the writer's description
    if tok.lemma_.lower() == "report" and first.dep_ == "prep" and first.lower_ == "to":
        return None  # "Mannix reported daily to Louis B. Mayer": whom he answered to, not what he reported
    if first.dep_ == "dobj" and first.pos_ == "PRON" and not _judgement(tok, first):
        return None  # "calls it her “retirement”": a name for something, not a report
    if tok.lemma_.lower() == "call" and first.dep_ == "dobj" and first.lemma_.lower() in wordset("called_events.txt") \
            and not any(c.dep_ in ("oprd", "xcomp") for c in tok.children):
        return None  # "called a strike", "called an emergency meeting": organised, not said
    if tok.lemma_.lower() == "call" and len(comps) == 1 and first.pos_ == "PROPN" and first.dep_ in ("dobj", "oprd"):
        return None  # "They called Ines Varga, who said …": phoned, not named
    if tok.lemma_.lower() in ("cite", "quote") and first.dep_ == "dobj" and _source_like(first):
        return None  # "citing the city council": the source of a report, not what it says
    a = first.left_edge.i
    if first.dep_ in ("prep", "prt") and first.i == a:
        pobj = [c for c in first.children if c.dep_ in ("pobj", "pcomp")]
        if not pobj:
            return None
        a = pobj[0].left_edge.i
        if pobj[0].ent_type_ in ("DATE", "TIME"):
            if len(comps) > 1 and comps[1].dep_ == "dobj":  # "announced on Friday the arrest of a man"
                first, a = comps[1], comps[1].left_edge.i
            else:
                return None  # "… on Tuesday": when, not what
    b = max(c.right_edge.i for c in comps if c is first or not _when_phrase(c))  # (not "support on Thursday")
    if first.dep_ == "xcomp" and first.pos_ not in ("VERB", "AUX") \
            and not (tok.lemma_.lower() == "call" and first.right_edge.i > first.i):
        return None  # (but "calling Trump a fascist", the label hung on the name, is what was called)
    for c in tok.rights:
        # "wants to triple the program, grow the corps and create a reserve"; "mentioned refinancing
        # loans and forcing universities to …" (a gerund the parser took for a second verb)
        gerund = c.tag_ == "VBG" and tok.tag_ != "VBG"
        if c.dep_ == "conj" and c.i > b and c.pos_ == "VERB" and (first.dep_ == "xcomp" or gerund) \
                and c.tag_ in ("VB", "VBG") \
                and c.lemma_.lower() not in _cue_lemmas() and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
            b = c.right_edge.i
    if tok.lemma_.lower() in ("show", "find", "put", "give", "have"):
        b = _result_tail(tok, b)
    b = _before_occasion(comps, a, b)
    b = _through_noun_infinitive(tok, first, b)
    return _trim(tok.doc, a, _before_circumstance(tok.doc, a, _before_second_cue(tok, a, b)))


CIRCUMSTANCE_PREPS = frozenset({"during", "while", "after", "before"})


def _through_noun_infinitive(tok, first, b: int) -> int:
    """"defended his call to raise the minimum wage": the infinitive the parser hung on the verb belongs
    to the object when the object is a noun of report (call, pledge, plan, …) and the infinitive follows it."""
    if first.dep_ != "dobj" or first.lemma_.lower() not in wordset("cue_nouns.txt"):
        return b
    for c in tok.rights:
        if c.dep_ in ("advcl", "xcomp") and c.left_edge.i == b + 1 and c.left_edge.lower_ == "to":
            return c.right_edge.i
    return b


OCCASION_MARKS = frozenset({"after", "before", "when", "because", "since", "while"})


def _before_occasion(comps, a: int, b: int) -> int:
    """"warned officials to boost their election security after hackers targeted two states": what the
    warning asked for ends before the clause saying what prompted it."""
    for c in comps:
        if c.dep_ != "xcomp":
            continue
        for x in c.children:
            if x.dep_ == "advcl" and x.i > c.i and x.left_edge.lower_ in OCCASION_MARKS and x.left_edge.i > a:
                b = min(b, x.left_edge.i - 1)
    return b


def _before_circumstance(doc, a: int, b: int) -> int:
    """"criticized the act as a “crazy system” during a campaign stop in Flint", "blasted her as a “disgrace”
    Wednesday on a radio show": when the label was put, after its closing mark, is the writer's (where is not
    told apart from what: "likened them to a “vicious snake” in a song about …")."""
    closes = [t.i for t in doc[a:b + 1] if t.text in CLOSING_MARKS or t.text == '"' and t.i > a]
    if not closes or closes[-1] >= b:
        return b
    nxt = doc[closes[-1] + 1]
    if nxt.ent_type_ in ("DATE", "TIME") or (nxt.dep_ == "prep" and nxt.lower_ in CIRCUMSTANCE_PREPS):
        return closes[-1]
    return b


def _when_phrase(prep) -> bool:
    """"on Thursday", "on multiple occasions": a phrase of time after the object (but "thanked the coach for
    five remarkable years" is what he was thanked for)."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return prep.dep_ == "prep" and prep.lower_ in ("on", "at", "in", "during", "over") and pobj is not None and (
        pobj.ent_type_ in ("DATE", "TIME") or pobj.lemma_.lower() in ("occasion", "time", "hour", "day", "week"))


def _before_second_cue(tok, a: int, b: int) -> int:
    """"called on police to release the videos and called on people to protest": a second reporting verb
    joined to the object's clause is a report of its own, not part of the first one's content."""
    for t in tok.doc[a:b + 1]:
        if t.dep_ == "conj" and t.pos_ == "VERB" and t.lemma_.lower() == tok.lemma_.lower() and a <= t.head.i < t.i:
            cc = [x.i for x in t.head.children if x.dep_ == "cc" and x.i < t.i]
            return (cc[-1] if cc else t.left_edge.i) - 1
    return b


def _sees_as(tok) -> bool:
    """"developers see golf courses as wasted space": a view of something, given with "as"."""
    return tok.lemma_.lower() in speech_verbs("as") and any(c.dep_ == "dobj" for c in tok.children) \
        and any(c.dep_ == "prep" and c.lower_ == "as" and c.i > tok.i
                and not any(x.dep_ == "pobj" and x.lemma_.lower() in wordset("life_stage_nouns.txt") for x in c.children)
                for c in tok.children)  # (not "saw the film as a child")


def _labels_as_quoted(ctx: _Context, tok) -> bool:
    """"pounding Trump as a “con artist”", "rated the claim as “false”": a verb that puts a quoted label on
    its object passes on someone's words, whatever the verb."""
    if not any(c.dep_ == "dobj" for c in tok.children):
        return False
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "as":
            a, b = c.idx, c.right_edge.idx + len(c.right_edge.text)
            if any(a <= f.open_at < b for f in ctx.fragments):
                return True
    return False


def _after_comma(tok, c) -> bool:
    """A comma stands between the cue and its complement's phrase ("said in his 2012 book, “An American
    Son”"): what follows is set off, not the object."""
    return any(t.text == "," for t in tok.doc[tok.i + 1:c.left_edge.i])


def _tells_story(tok) -> bool:
    """"told the story of how he wooed her": a story told is what was said."""
    return tok.lemma_.lower() == "tell" and any(c.dep_ == "dobj" and c.lemma_.lower() in wordset("told_nouns.txt")
                                                for c in tok.children)


def _tells_to(tok) -> bool:
    """"told residents to stay home": whom a speaker tells is no report, but what they tell them to do is."""
    return tok.lemma_.lower() in ("tell", "advise") and any(
        c.dep_ in ("xcomp", "advcl") and c.i > tok.i and c.pos_ == "VERB"
        and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children) for c in tok.children)


def _calls_on(tok, prt) -> bool:
    """"called on police to release the videos": the parser takes "on" for a particle, but whom the call
    is on and what they should do is what was said (unlike "called off")."""
    return prt.dep_ == "prt" and prt.lower_ == "on" and tok.lemma_.lower() == "call" \
        and any(c.dep_ == "xcomp" for c in tok.children)


def _result_tail(tok, b: int) -> int:
    """"a poll shows Clinton ahead by 3.7 points", "found Trump with a 16-point lead": what a poll or a
    study shows runs over the words after its object that say how things stand."""
    doc = tok.doc
    for c in tok.rights:
        if c.i <= b:
            continue
        if c.dep_ in ("advmod", "prep", "npadvmod", "acomp", "oprd", "xcomp", "ccomp") \
                and not any(t.text in (",", ";", ":") for t in doc[b + 1:c.left_edge.i]) \
                and c.ent_type_ not in ("DATE", "TIME") and not (c.dep_ == "prep" and c.lower_ in ("in", "on", "since")):
            b = c.right_edge.i
        else:
            break
    return b


def _judgement(tok, obj) -> bool:
    """"called him a political opportunist", "calling it a “fundamental mistake”", "accused him of lying":
    a pronoun object with a described complement or a charge is a verdict on someone, not a name for
    something ("calls it her retirement")."""
    return any(c.dep_ == "oprd" and c.i > obj.i and (
        _first_word(c).lower_ in ("a", "an") or any(m.dep_ == "amod" for m in c.children)) for c in tok.rights) \
        or any(c.dep_ == "prep" and c.i > obj.i and c.lower_ in ("of", "for")  # "accused him of lying"
               and any(x.dep_ in ("pobj", "pcomp") for x in c.children) for c in tok.rights)


def _first_word(tok):
    """The first word of a token's phrase, past an opening quotation mark (“a genius”)."""
    return next((t for t in tok.subtree if not t.is_punct), tok)


def _source_like(tok) -> bool:
    """A noun that names who says something: a person, a body, an outlet, an official."""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    lemma = tok.lemma_.lower()
    return any(lemma in wordset(name) for name in ("org_nouns.txt", "government_nouns.txt", "outlet_nouns.txt",
                                                   "anonymous_heads.txt")) or _human(tok)


TAIL_BREAKS = frozenset({"--", "—", "―"})
CLOSING_MARKS = frozenset({"”", "''", '"', "»"})


def _cut_tail(doc, a: int, b: int) -> int:
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
        if not comma or i - a < 4:
            continue
        if t.lower_ == "according" and i < b and doc[i + 1].lower_ == "to":
            return i - 2
        if t.lower_ == "compared" and i < b and doc[i + 1].lower_ in ("with", "to") and b + 2 >= t.sent.end:
            return i - 2  # "said X would be better, compared with 41 percent for …": the writer's comparison
            # (one inside a report closed by its cue, "X, compared with Y, the researchers wrote", is theirs)
        if _gloss_after(doc, i, b):
            return i - 2  # ", the latter a reference to clubs that …", ", a swipe at …": the writer's gloss
        if t.lower_ in ("although", "though", "whereas", "while") and t.dep_ == "mark" and t.head.pos_ in ("VERB", "AUX"):  # (not "a crucial, although brief, opportunity")
            return i - 2  # ", although it may take days to tell": the writer's caveat
        if t.lower_ == "which" and t.head.dep_ == "relcl" and t.head.right_edge.i >= min(b - 1, last):
            return i - 2
        if t.lower_ == "who" and t.head.dep_ == "relcl" and t.head.head.pos_ == "PROPN" \
                and t.head.right_edge.i >= min(b - 1, last):
            return i - 2  # ", who has not been charged …" about a named person
        if t.lower_ in ("a", "an") and t.head.dep_ == "appos" and t.head.head.ent_type_ == "PERSON" \
                and t.head.right_edge.i >= min(b - 1, last) and t.head.head.i < i:
            return i - 2  # "…, he would consider Don Beyer, a former lieutenant governor who …": the writer's gloss
        v = doc[i + 1] if t.tag_ == "RB" and i < b else t  # ", implicitly putting …"
        if v.tag_ == "VBG" and v.dep_ in ("advcl", "xcomp", "acl") and v.head.i < i and v.right_edge.i >= min(b - 1, last):
            return i - 2
    return b


def _gloss_after(doc, i: int, b: int) -> bool:
    """Tokens from i open a noun phrase of the writer's gloss (`gloss_nouns.txt`): "a reference to …",
    "an apparent swipe at …", "the latter a reference to …"."""
    for j in range(i, min(b, i + 4) + 1):
        t = doc[j]
        if t.lemma_.lower() in wordset("gloss_nouns.txt") and t.pos_ == "NOUN":
            return all(x.pos_ in ("DET", "ADJ", "ADV", "NOUN") or x.lower_ == "latter" for x in doc[i:j])
    return False


def _trim(doc, a: int, b: int, cut: bool = True) -> tuple[int, int] | None:
    if cut:
        b = _cut_tail(doc, a, b)
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


def _past_citing(doc, a: int, b: int) -> int:
    """"citing an internal memo, that the repairs would take until June": a participle phrase the parser
    left before the "that" of what was reported is how it was reported, not what."""
    if a > b or doc[a].tag_ != "VBG":
        return a
    for t in doc[a + 1:min(b, a + 15) + 1]:
        if t.lower_ == "that" and t.dep_ == "mark" and doc[t.i - 1].text == ",":
            return t.i
    return a


def _open_closed_mark(doc, a: int, b: int) -> int:
    """"reported “2,521 shooting incidents” in the city": the parser hung the opening mark on the verb;
    a content closing a quotation it never opened takes the mark right before it."""
    closed = sum(1 for t in doc[a:b + 1] if t.text in ("”", "»")) - sum(1 for t in doc[a:b + 1] if t.text in ("“", "«"))
    if closed > 0 and a > 0 and doc[a - 1].text in ("“", "«"):
        return a - 1
    return a


def _close_open_mark(doc, a: int, b: int) -> int:
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


# -- 6. headline quotations ---------------------------------------------------------------------

TITLE_QUOTE = re.compile(r"^\s*([A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})\s*:\s+(\S.+)$")
TITLE_SAYS = re.compile(r"^\s*((?:[A-Z][\w’'.\-]*\s+){0,4}?[A-Z][\w’'.\-]*)\s+"
                        r"(says|say|said|warns|claims|insists|vows|admits|denies|predicts|tells\s+\w+(?:\s+\w+)?):?\s+(\S.+)$",
                        re.IGNORECASE)


def _title_quotes(ctx: _Context) -> list[Quote]:
    out = []
    art = ctx.parsed.article
    for field_name, line in (("title", art.title), ("subtitle", art.subtitle)):
        # "Lawmaker urges retaliation on Russia; Member of House panel says …": two headlines in one line
        for part in (p.strip() for p in (line or "").split(";")):
            found = _headline_quote(part)
            if found is None:
                continue
            who, cue, content, confidence = found
            actor = ctx.registry.resolve(who) or _headline_actor(ctx, who)
            out.append(Quote(id="", kind="indirect", text=content, start=None, end=None, speaker=actor,
                             speaker_text=who, cue=cue, field=field_name, confidence=confidence))  # type: ignore[arg-type]
    return out


TITLE_ON = re.compile(r"^\s*([A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,2})\s+(?:on|to)\s+[^:]{2,60}?:\s+(\S.+)$")
OPENING_PHRASE = re.compile(r"^[A-Z]\w+ing\b[^,:;]{0,60},\s+(?=[A-Z])")


def _headline_quote(line: str) -> tuple[str, str, str, float] | None:
    """(who, cue, content, confidence) of one headline, or None when it reports no one."""
    if not line:
        return None
    said = TITLE_SAYS.match(line)
    if said and said.group(1)[:1].isupper() and not TITLE_QUOTE.match(line) and not HEADLINE_TRAILING.match(line):
        # ("Sleep app claims fail in trial, researchers say": the trailing attribution names who speaks)
        return said.group(1).strip(), said.group(2), said.group(3).strip(), 0.6
    line = _strip_label(line)
    on = TITLE_ON.match(line)
    if on and not TITLE_QUOTE.match(line) and not _is_label(on.group(1)):
        return on.group(1), ":", on.group(2).strip(), 0.6  # "Obama on Climate Change: The Trends Are 'Terrifying.'"
    m = TITLE_QUOTE.match(line)
    if m and not _is_label(m.group(1)):
        return m.group(1), ":", m.group(2).strip(), 0.7
    if m is not None:
        line = m.group(2)  # a label before the colon: the claim after it
    elif ":" in line:
        line = line.split(":", 1)[1]  # "Ah, friends once more: Ted Cruz endorses Trump"
    line = OPENING_PHRASE.sub("", line.strip())  # "Railing Against Trump, Sanders Vows To …"
    found = _headline_report(line)
    if found is None:
        return None
    who, cue, content = found
    content = re.sub(r",\s+(?:who|which)\s.*$", "", content)  # "Trump, who says he is honored"
    return who, cue, content, 0.5


LABEL_DASH = re.compile(r"^\s*([A-Z][\w&]*(?:\s+[A-Z][\w&]*)?)\s+[–—-]\s+(?=\S)")
LABEL_VERBS = frozenset({"is", "are", "was", "were", "has", "have", "for"})


def _is_label(prefix: str) -> bool:
    """A headline prefix that labels the piece ("Analysis", "The Latest", "Delegate Update", "FIX IS IN")
    rather than naming who speaks."""
    words = prefix.lower().split()
    labels = wordset("headline_labels.txt")
    return prefix.lower() in labels or (words[-1] in labels) or any(w in LABEL_VERBS for w in words)


def _strip_label(line: str) -> str:
    """"EXCLUSIVE – Roger Stone: Don't trust …" is Roger Stone's headline under a label."""
    m = LABEL_DASH.match(line)
    return line[m.end():] if m and _is_label(m.group(1)) else line


HEADLINE_TRAILING = re.compile(r"^(?P<content>.{12,}?),\s+(?P<who>(?:[\w’'.\-]+\s+){0,5}?[\w’'.\-]+)\s+"
                               r"(?P<cue>says|say|said|warns|claims|insists|argues|reports|finds|suggests|writes)\.?$",
                               re.IGNORECASE)


HEADLINE_AUX = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may"})
HEADLINE_NOT_WHO = frozenset({"a", "an", "the", "one", "two", "three", "new", "this", "that", "every", "no", "my", "our",
                              "his", "her", "their", "your"})


@functools.lru_cache(maxsize=1)
def _headline_cue_forms() -> dict[str, str]:
    """Third-person and plural forms of the cue verbs ("calls", "urges", "questions") -> lemma."""
    forms = {}
    for lemma in sorted((_cue_lemmas() | wordset("headline_cue_verbs.txt")) - wordset("headline_not_cues.txt")):
        for form in (lemma, lemma + "s", lemma + "es", lemma[:-1] + "ies" if lemma.endswith("y") else None):
            if form:
                forms.setdefault(form, lemma)
    return forms


def _headline_report(line: str) -> tuple[str, str, str] | None:
    """(who, cue, content) of a headline that reports someone: "Lawmaker urges retaliation on Russia",
    "Clinton Hid Health Problems, Former Doctor Says"."""
    line = line.strip().rstrip(".;")
    m = HEADLINE_TRAILING.match(line)
    if m:
        return m.group("who"), m.group("cue"), m.group("content").strip()
    words = line.split()
    forms = _headline_cue_forms()
    for i, word in enumerate(words[1:6], 1):
        w = word.lower().strip(",:")
        if w in forms and not word.endswith((",", ":")) and i + 1 < len(words):
            who = " ".join(words[:i]).strip(",")
            if not who or who.lower() in wordset("headline_labels.txt") or who.split()[0].lower() in ("how", "why", "what", "when"):
                return None
            if len(who.split()) == 1 and who.lower() in HEADLINE_NOT_WHO:
                continue  # "One Tweet Sums Up …": "Tweet" is the noun after a number, not a cue
            if words[i + 1].lower() in HEADLINE_AUX:
                continue  # "The harbour vote was held …": a noun before the verb, not a cue
            if words[i - 1].lower() in wordset("headline_noun_verbs.txt"):
                return None  # "Ostrava and Velm trade blame over …": the cue word is a noun
            rest = words[i + 1:]
            if rest and rest[0].lower() in ("for", "on", "about", "against") and forms[w] != "say":
                rest = rest[1:]  # "calls for", "calls on"
            return who, word, " ".join(rest)
        if word.endswith((",", ":")):
            return None
    return None


def _headline_actor(ctx: _Context, name: str) -> str:
    """A speaker named only in the headline ("Poll: …", "NY Post: …"): a body, by its words."""
    from ..actors.registry import org_kind
    from ..text.names import strip_det
    from ..actors.registry import same_org
    from ..text.names import is_title_word
    name = strip_det(name)
    for known in ctx.registry.actors():
        if known.kind != "person" and same_org(known.name, name):
            return known.id  # "Council" in the headline, "Castrel City Council" in the body
    if is_title_word(name.split()[-1]) or name.split()[-1].lower() in wordset("anonymous_heads.txt"):
        return ctx.registry.add(name, "unnamed")  # "Culture committee chair", "sources": a role or a source, not a body
    actor = ctx.registry.add(name, "organization")
    ctx.registry.get(actor).kind = org_kind(name, None)  # type: ignore[assignment]
    return actor


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    out: list[Quote] = []
    for q in sorted(quotes, key=lambda q: (q.kind != "direct", q.start if q.start is not None else -1)):
        if q.start is not None and any(o.start is not None and o.field == q.field and o.start == q.start and o.end == q.end for o in out):
            continue
        if q.kind != "direct" and q.start is not None and any(
                o.kind == "direct" and o.start is not None and o.start <= q.start and q.end <= o.end for o in out):
            continue
        out.append(q)
    return out
