"""Short fictional articles for the web tests, annotated by hand as nonpaper/1 analyses.

They are written for these tests (no real outlet, place or person). Annotations are made by hand so
the web tests do not depend on how well the analysis stages do: the web shows what the store holds.
The last one tries every way to smuggle script into a page (title, text, names, cues, outlet, URL).
"""
from __future__ import annotations

from nonpaper.model import (Actor, Analysis, Article, Block, Claim, Dispute, DisputeClaim, Event, Mention,
                            Quote, Relation)

XSS_MARK = "window.__xss"


def _blocks(text: str) -> list[Block]:
    out, pos = [], 0
    for part in text.split("\n\n"):
        heading = len(part) < 40 and part[-1] not in ".!?\"\u201d"
        out.append(Block("heading" if heading else "paragraph", pos, pos + len(part)))
        pos += len(part) + 2
    return out


def _span(text: str, piece: str, after: int = 0) -> tuple[int, int]:
    start = text.index(piece, after)
    return start, start + len(piece)


def _quote(text: str, qid: str, kind: str, piece: str, speaker: str | None, cue: str | None) -> Quote:
    s, e = _span(text, piece)
    return Quote(id=qid, kind=kind, text=piece, start=s, end=e, speaker=speaker, cue=cue,
                 cue_start=text.find(cue) if cue and cue in text else None,
                 cue_end=(text.find(cue) + len(cue)) if cue and cue in text else None)


def _event(text: str, eid: str, piece: str, date: str | None, etype: str, participants: list[str]) -> Event:
    s, e = _span(text, piece)
    return Event(id=eid, text=piece, start=s, end=e, date=date, type=etype, participants=participants,
                 mentions=[Mention(piece, s, e)])


def ferry_gazette() -> Analysis:
    """A ferry contract story: the minister and the operator disagree about what came first."""
    text = ("Transport minister Aleka Varn said on Tuesday that the ferry contract was signed on Monday, "
            "before the inspection of the fleet.\n\n"
            "\u201cWe signed first and inspected second, as the law allows,\u201d Varn told reporters. "
            "\u201cNothing was hidden.\u201d\n\n"
            "Harbour line\n\n"
            "The operator, Brisk Ferries, gave a different account. Its director, Odo Lemm, said the "
            "inspection had taken place on Friday, days before any signature.\n\n"
            "\u201cThe boats were inspected before a single page was signed,\u201d Lemm said.")
    art = Article(id="ferry-gazette", text=text, title="Ferry contract signed before inspection, minister says",
                  subtitle="Operator disputes the order of events", author="Pell Arrow", outlet="Tarn Gazette",
                  published="2026-02-04", url="https://example.org/ferry-gazette", blocks=_blocks(text))
    varn = Actor("aleka-varn", "Aleka Varn", "person", aliases=["Varn"], titles=["transport minister"],
                 mentions=[Mention("Aleka Varn", *_span(text, "Aleka Varn"))])
    lemm = Actor("odo-lemm", "Odo Lemm", "person", aliases=["Lemm"], titles=["director"],
                 mentions=[Mention("Odo Lemm", *_span(text, "Odo Lemm"))])
    brisk = Actor("brisk-ferries", "Brisk Ferries", "organization",
                  mentions=[Mention("Brisk Ferries", *_span(text, "Brisk Ferries"))])
    quotes = [
        _quote(text, "q1", "indirect", "the ferry contract was signed on Monday, before the inspection of the fleet",
               "aleka-varn", "said"),
        _quote(text, "q2", "direct", "We signed first and inspected second, as the law allows,", "aleka-varn",
               "told"),
        _quote(text, "q3", "direct", "Nothing was hidden.", "aleka-varn", "told"),
        _quote(text, "q4", "indirect", "the inspection had taken place on Friday, days before any signature",
               "odo-lemm", "said"),
        _quote(text, "q5", "direct", "The boats were inspected before a single page was signed,", "odo-lemm",
               "said"),
    ]
    events = [_event(text, "e1", "signed", "2026-02-02", "sign", ["aleka-varn"]),
              _event(text, "e2", "inspection", "2026-01-30", "inspect", ["brisk-ferries"])]
    relations = [
        Relation("e1", "BEFORE", "e2", "aleka-varn", "the ferry contract was signed on Monday, before the inspection",
                 quote="q1"),
        Relation("e2", "BEFORE", "e1", "odo-lemm", "The boats were inspected before a single page was signed",
                 quote="q5"),
    ]
    claims = [Claim("c1", "aleka-varn", quotes[0].text, "order", event="e1", value=["BEFORE", "e2"], quote="q1",
                    article=art.id),
              Claim("c2", "odo-lemm", quotes[3].text, "order", event="e2", value=["BEFORE", "e1"], quote="q4",
                    article=art.id)]
    disputes = [Dispute("d1", "timing", "Varn and Lemm disagree whether the signing came before the inspection",
                        claims=[DisputeClaim("aleka-varn", quotes[0].text, quote="q1", article=art.id, claim="c1"),
                                DisputeClaim("odo-lemm", quotes[3].text, quote="q4", article=art.id, claim="c2")],
                        event="e1", articles=[art.id])]
    return Analysis(article=art, actors=[varn, lemm, brisk], quotes=quotes, events=events, relations=relations,
                    claims=claims, disputes=disputes)


def ferry_wire() -> Analysis:
    """The same story from a wire service, a week later; the minister again, and a union voice."""
    text = ("The ferry contract will be reviewed by parliament next month, the transport ministry said.\n\n"
            "Minister Aleka Varn repeated that the paperwork was in order. \u201cEvery step was lawful,\u201d "
            "she said.\n\n"
            "Sailors' union leader Ruth Kessel said the crews had not been consulted.")
    art = Article(id="ferry-wire", text=text, title="Parliament to review ferry contract", author=None,
                  outlet="Norrow Wire", published="2026-02-11", blocks=_blocks(text))
    varn = Actor("aleka-varn", "Aleka Varn", "person", aliases=["Varn", "Minister Aleka Varn"],
                 titles=["minister"], mentions=[Mention("Aleka Varn", *_span(text, "Aleka Varn"))])
    kessel = Actor("ruth-kessel", "Ruth Kessel", "person", titles=["union leader"],
                   mentions=[Mention("Ruth Kessel", *_span(text, "Ruth Kessel"))])
    ministry = Actor("transport-ministry", "transport ministry", "government",
                     mentions=[Mention("transport ministry", *_span(text, "transport ministry"))])
    quotes = [
        _quote(text, "q1", "indirect", "The ferry contract will be reviewed by parliament next month",
               "transport-ministry", "said"),
        _quote(text, "q2", "direct", "Every step was lawful,", "aleka-varn", "said"),
        _quote(text, "q3", "indirect", "the crews had not been consulted", "ruth-kessel", "said"),
    ]
    events = [_event(text, "e1", "reviewed", "2026-03", "review", ["transport-ministry"])]
    return Analysis(article=art, actors=[varn, kessel, ministry], quotes=quotes, events=events)


def xss_article() -> Analysis:
    """Script everywhere a string can go; none of it may run or become markup."""
    payload_img = '<img src=x onerror="window.__xss=1">'
    payload_script = "<script>window.__xss=1;alert(1)</script>"
    text = (f"Hostile markup test {payload_script} opens this paragraph.\n\n"
            f"\u201cI will say {payload_img} out loud,\u201d said Mallory Tag.\n\n"
            f"Then <svg onload=\"window.__xss=1\"></svg> and a closing </p></div> with \"quotes\" & ampersands.")
    art = Article(id="xss-<i>test", text=text, title=f"Tricky {payload_script} headline",
                  subtitle=f'Sub {payload_img}', author='<a href="javascript:window.__xss=1">x</a>',
                  outlet="<i onmouseover=window.__xss=1>Outlet</i>", published="2026-02-05",
                  url="javascript:window.__xss=1", blocks=_blocks(text))
    mallory = Actor("mallory-tag", f"Mallory Tag {payload_img}", "person", aliases=[payload_script],
                    titles=['"><script>window.__xss=1</script>'],
                    mentions=[Mention("Mallory Tag", *_span(text, "Mallory Tag"))])
    quotes = [_quote(text, "q1", "direct", f"I will say {payload_img} out loud,", "mallory-tag", "said"),
              _quote(text, 'q2"><script>window.__xss=1</script>', "indirect",
                     "<svg onload=\"window.__xss=1\"></svg>", None, f"said {payload_img}")]
    events = [_event(text, "e1", "opens", "2026-02-05", f"open{payload_img}", ["mallory-tag"])]
    return Analysis(article=art, actors=[mallory], quotes=quotes, events=events,
                    disputes=[Dispute("d-x", "fact", f"Summary {payload_script}",
                                      claims=[DisputeClaim("mallory-tag", payload_img, quote="q1", article=art.id),
                                              DisputeClaim(None, payload_script, article=art.id)],
                                      articles=[art.id])])


def samples() -> list[Analysis]:
    return [ferry_gazette(), ferry_wire(), xss_article()]
