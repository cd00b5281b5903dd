"""Which time expressions can say when an event happens, read off the expression and its place:
a calendar value before a reference word, a stretch counted from now, never the dateline.
`events.mentions` (`attach_timexes`) and `events.narrative` use them."""
from __future__ import annotations

import re

from ..lexicon import speech_verbs
from ..model import Timex
from ..text.paragraphs import paragraph_spans
from ..text.parse import Parsed
from ..time.ranges import value_range
from ..time.tense import verb_tense


def vague(t: Timex) -> bool:
    """A reference word ("now", "recently", "formerly": PRESENT_REF, PAST_REF) says less about when than
    a calendar value; sorted after them (False first)."""
    return not (t.value or "")[:1].isdigit()


def containing(parsed: Parsed, t: Timex) -> bool:
    """ "will occur within the next six months", "over the past year", "in the coming weeks": a stretch of
    time counted from now that holds the event, so it places it as a date does (a bare "for six months"
    does not)."""
    span = parsed.doc.char_span(t.start, t.end, alignment_mode="expand")
    if t.type != "DURATION" or span is None or span.start == 0 or \
            not t.text.lower().startswith(("the next", "the past", "the last", "the coming")):
        return False
    prep = parsed.doc[span.start - 1].lower_  # "the third time in the past decade" counts, it does not date
    return prep in ("within", "over", "during") or (prep == "in" and t.text.lower().startswith(("the next", "the coming")))


def is_dateline(parsed: Parsed, t: Timex) -> bool:
    """A full date opening the body with no preposition or punctuation after it ("September 01, 2007 A
    test flight was delayed today") is the article's dateline: it dates the report (`time.reference`),
    not the events of the sentence it stands before."""
    spans = paragraph_spans(parsed.article)
    if not spans or t.start != spans[0][0] or t.field != "text":
        return False
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", t.value or "") or not re.search(r"\d{4}", t.text):
        return False
    rest = parsed.text[t.end:spans[0][1]].lstrip(" ")
    return bool(rest) and rest[0].isupper()


def _word_before(parsed: Parsed, t: Timex) -> str:
    span = parsed.doc.char_span(t.start, t.end, alignment_mode="expand")
    return parsed.doc[span.start - 1].lower_ if span is not None and span.start > 0 else ""


def starts_a_stretch(parsed: Parsed, t: Timex) -> bool:
    """ "has been fighting cancer since 2004", "the lowest level since 2003": the time a stretch runs
    from, not one that holds the event (it stays a boundary for the orderings)."""
    return _word_before(parsed, t) == "since"


def period_of(parsed: Parsed, t: Timex) -> bool:
    """ "a loss for the second quarter", "the budget for 2027": the period a figure or a plan covers, which
    dates that noun, not the verb that reports it."""
    return _word_before(parsed, t) == "for"


def to_come(parsed: Parsed, t: Timex) -> bool:
    """A time wholly after the publication day: a date, or a stretch counted forward ("over the next
    four years")."""
    if t.type == "DURATION":
        return t.text.lower().startswith(("the next", "the coming"))
    published = (parsed.article.published or "")[:10]
    r = value_range(t.value or "") if t.type == "DATE" and published else None
    return bool(r) and r[0].isoformat() > published


def clashes(parsed: Parsed, t: Timex, verb) -> bool:
    """ "has announced 10,000 job cuts over the next four years": a time still to come cannot hold what
    a verb tells as done (it belongs to a word the verb governs), except a time a change runs to
    ("was delayed until October") and the future of a past moment ("said it would open in May")."""
    if verb.pos_ not in ("VERB", "AUX") or not to_come(parsed, t) or _word_before(parsed, t) in ("until", "till", "to"):
        return False
    if any(c.lower_ in ("would", "'d") for c in verb.children):
        return False
    return verb_tense(verb) in ("past", "perfect")


def names_a_thing(span, by_token) -> bool:
    """ "in time for the 2008 Olympic Games", "the 2011 version of the suite": a time inside the name of
    a thing (not of an event) tells which thing, not when the clause happens."""
    root = span.root
    return root.dep_ in ("compound", "nummod", "amod", "nmod") and root.head.pos_ in ("NOUN", "PROPN") \
        and root.head.i not in by_token and root.head.i >= span.end


def describes(prev, tok) -> bool:
    """Climbing from a time expression stops at an apposition, and at a subject the time hangs on as a
    word of its own ("Papermaster, formerly an executive"): it describes them, not the verb. A time
    phrase on the subject ("the service in February passed Wal-Mart") is the parse's, and goes on."""
    return tok.dep_ == "appos" or (tok.dep_ in ("nsubj", "nsubjpass") and prev.dep_ != "prep")


# Subordinators of a clause that happens at the time of the clause it hangs on.
_AT_ONCE = ("when", "as", "while")


def when_time(verb, governing, in_time):
    """ "became public on Saturday, when a paper printed the logs": a when-clause hung on a time
    expression, or on a verb it dates, happens at that time (not the other way round: "was not reported
    when the plane flew on 11 December" keeps the report undated); so does an as- or while-clause told in
    its verb's tense ("shares fell on Tuesday as the firm warned of losses")."""
    if verb.dep_ == "ccomp" and verb.head.i in governing and verb.head.lemma_ in speech_verbs("told") \
            and (verb_tense(verb) == "present" or _going_on(verb)):
        return governing[verb.head.i]  # "said on Monday it is cutting jobs": what is so as it is said
    mark = next((c.lower_ for c in verb.children if c.dep_ in ("advmod", "mark") and c.lower_ in _AT_ONCE), None)
    if mark is None:
        return None
    if mark != "when" and (verb.dep_ != "advcl" or verb_tense(verb) != verb_tense(verb.head)):
        return None  # "fell on Tuesday as investors sold": told in one tense, at one time; not "as it will"
    if verb.dep_ in ("relcl", "acl", "advcl") and verb.head.i in in_time:
        return in_time[verb.head.i]
    if verb.dep_ == "advcl" and verb.head.i in governing:
        return governing[verb.head.i]
    return None


def _going_on(verb) -> bool:
    """ "is cutting jobs": told as going on (a present progressive, which `time.tense` reads as a plan
    when a date to come goes with it)."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'s", "'re", "'m")
                                      for c in verb.children)


def holds_the_day(parsed: Parsed, t: Timex) -> bool:
    """ "its third cut this year", "the worst week this month": a period holding the publication day
    (longer than it) leaves the narration on that day."""
    published = (parsed.article.published or "")[:10]
    r = value_range(t.value or "") if t.type == "DATE" and published else None
    return bool(r) and r[2] != "day" and r[0].isoformat() <= published <= r[1].isoformat()


def the_day_first(parsed: Parsed, own: list[Timex], governing: list[Timex]) -> list[Timex]:
    """The times that date an event, its own first, then the one governing its clause; but "Yesterday, at
    this year's conference, the firm unveiled ...": a period holding the publication day is less than
    the day its clause names, which comes first."""
    if own and governing and all(holds_the_day(parsed, t) for t in own) and any(
            re.fullmatch(r"\d{4}-\d\d-\d\d", (t.value or "")[:10]) for t in governing):
        return governing + own
    return own + governing
