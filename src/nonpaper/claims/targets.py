"""Which account a denial answers when its own words do not name it (issue 15), tried in this order by
`claims.denials._denial_of`: an earlier claim told in other words or a later one giving the same figure
(`answered_account`); for "a report", an outlet's account (`reported_account`); the accuser its sentence names
(`named_accuser`, "..., after NBC News reported that ..."); last, the other side's statement sharing most words
with the denial's sentence (`nearest_account`)."""
from __future__ import annotations

import re

from .find import Context, child
from .text import content_lemmas, overlap, parse_number, stems
from ..model import Claim

REPORT_NOUNS = {"report", "story", "article", "reporting"}  # what an outlet publishes
BLAME_NOUNS = {"responsibility", "involvement", "role", "blame", "wrongdoing", "culpability", "part"}


def answered_account(ctx: Context, about: frozenset[str], text: str, actor: str, statements: list[Claim],
              before: int) -> Claim | None:
    """The account a denied clause answers when no earlier claim shares its verb. Told in other words:
    an earlier claim of another side sharing three words. Told after the denial, as news often does ("The
    Red Crescent denied that the floods killed 11,300 ... The UN had said the flooding resulted in 11,300
    deaths"): only a claim giving the same figure, since a later claim sharing words
    alone is more often another source's own story ("Dahl's campaign said he had not accepted any")."""
    figures = figures_in(text)

    def score(c: Claim) -> tuple[int, int]:
        common = len(stems(about) & stems(c.value.get("about", [])))
        same_figure = bool(figures & figures_in(c.text))
        ok = same_figure or (common >= 3 and c.start is not None and c.start < before)
        return (common + 2 * same_figure if ok else 0), -(c.start or 0)
    cands = [c for c in statements if c.actor and c.value and not ctx.sources.same_side(c.actor, actor)]
    best = max(cands, key=score, default=None)
    return best if best is not None and score(best)[0] else None


AFTER = {"after", "following", "amid", "when"}
REPORTING = {"report", "say", "claim", "allege", "write", "reveal", "publish", "suggest"}


def named_accuser(ctx: Context, tok, actor: str) -> tuple[str, object] | None:
    """Whom a denial answers when its sentence names them: "denied that he had considered resigning,
    after NBC News reported that he had", "following a report by the Ledger that ...". The accuser and
    the clause of theirs, which `_owned_denial` matches to their claim or makes one of."""
    for t in tok.sent:
        if t.lemma_.lower() in REPORTING and t.dep_ == "advcl" and \
                any(c.dep_ == "mark" and c.lower_ in AFTER for c in t.children):
            who, content = child(t, "nsubj"), child(t, "ccomp")
        elif t.lemma_.lower() in REPORT_NOUNS and t.dep_ == "pobj" and t.head.lower_ in AFTER:
            by = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            who = child(by, "pobj") if by is not None else child(t, "poss")
            content = next((c for c in t.children if c.dep_ in ("acl", "relcl", "ccomp")), None)
        else:
            continue
        owner = ctx.sources.actor_of_token(who) if who is not None else None
        if owner and content is not None and not ctx.sources.same_side(owner, actor):
            return owner, content
    return None


def owners_account(owner: str, about, offset: int, claims: list[Claim], skip=lambda c: False) -> Claim | None:
    """The account of a source a denial names ("a fiction made up by the Journal", "disagrees with the
    ministry on the toll"): of the owner's claims, the one sharing most words with `about`, on a tie one
    told before `offset` (the account answered is more often told first), the nearest one first."""
    theirs = [c for c in claims if c.actor == owner and c.start is not None and not skip(c)]
    return max(theirs, key=lambda c: (overlap(about, c.value.get("about", [])), c.start < offset,
                                      -abs(c.start - offset)), default=None)


LAST_RESORT = 2  # content words a denial's sentence must share with an account it names no other way


def nearest_account(ctx: Context, tok, other: list[Claim]) -> Claim | None:
    """The account a denial answers when nothing else ties them: another side's claim anywhere in the
    article sharing most content words with the denial's sentence (two at least); on a tie, one told
    before the denial, the nearest one first."""
    said = content_lemmas(t for t in tok.sent if t.i != tok.i)
    # on a tie, one told before the denial: a later account sharing words is more often the denier's
    # own side's evidence than what it denies
    scored = [(overlap(said, c.value.get("about", [])), (c.start or 0) < tok.idx, -abs((c.start or 0) - tok.idx), c)
              for c in other if c.actor and isinstance(c.value, dict) and c.kind == "statement"
              and not (c.start is not None and tok.sent.start_char <= c.start < tok.sent.end_char)
              and not says_not(ctx, c)]  # "Dahl's campaign said he had not accepted any": a parallel denial
    best = max(scored, key=lambda s: (s[0], s[1], s[2]), default=None)
    return best[3] if best is not None and best[0] >= LAST_RESORT else None


def says_not(ctx: Context, claim: Claim) -> bool:
    """Is the claim's main verb negated? Such an account is a denial of its own, not one to deny."""
    span = ctx.doc.char_span(claim.start, claim.end, alignment_mode="expand") if claim.start is not None else None
    return span is not None and any(c.dep_ == "neg" for c in span.root.children)


def reported_account(ctx: Context, about: frozenset[str], other: list[Claim]) -> Claim | None:
    """What "a report" denied in the lede is: a news outlet's account in the article, before or after the
    denial, sharing a word with what the report is said to say ("Musk denied a report that Tesla is
    scrapping plans for a cheaper model" ... "Reuters reported Tesla is giving up its long-planned model")."""
    kinds = {a.id: a.kind for a in ctx.analysis.actors}
    cues = {"report", "reveal", "publish", "write"}
    reports = [c for c in other if c.actor and (kinds.get(c.actor) == "outlet" or cue_lemma(ctx, c) in cues)]
    scored = [(overlap(about, c.value.get("about", [])), -(c.start or 0), c) for c in reports if c.value]
    best = max(scored, key=lambda s: (s[0], s[1]), default=None)
    return best[2] if best is not None and best[0] >= 1 else None


def cue_lemma(ctx: Context, claim: Claim) -> str | None:
    q = next((q for q in ctx.sources.quotes if q.id == claim.quote), None) if claim.quote else None
    if q is None or q.cue_start is None or q.cue_end is None:
        return None
    span = ctx.doc.char_span(q.cue_start, q.cue_end, alignment_mode="expand")
    return span.root.lemma_.lower() if span is not None and len(span) else None


def figures_in(text: str) -> set[float]:
    """The figures of a text that name one count, as numbers: "11,300", "$45 million", "45m"; not a
    year, and not a small number, which too many things share."""
    found = set()
    for m in re.finditer(r"\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion|trillion|bn|m)\b)?", text or "", re.I):
        raw = m.group(0).replace(",", "")
        value = parse_number(re.sub(r"(?i)(?<=\d)\s*(bn)$", " billion", re.sub(r"(?i)(?<=\d)\s*m$", " million", raw)))
        year = raw.isdigit() and len(raw) == 4 and raw[:2] in ("19", "20")
        if value is not None and value >= 100 and not year:
            found.add(value)
    return found


def blaming(ctx: Context, actor: str, claims: list[Claim]) -> Claim | None:
    """The account a denial of responsibility answers ("Islamic Jihad denied responsibility for the
    attack"): another side's claim that gives the denier as the cause or agent, or names the denier."""
    who = ctx.sources.actors.get(actor)
    names = {n.lower() for n in ([who.name, *who.aliases] if who is not None else []) if len(n) > 3}
    blames = [c for c in claims if c.actor and not ctx.sources.same_side(c.actor, actor) and isinstance(c.value, dict)
              and (c.value.get("agent") == actor or any(n in c.text.lower() for n in names))]
    causes = [c for c in blames if c.kind == "cause"]
    return (causes or blames or [None])[0]
