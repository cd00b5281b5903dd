"""Events, coreference, dates (attached and derived) and orderings with who asserts them.

Short texts written for these tests (fiction). Quotes are built by hand where the test is about
`asserted_by`, so these tests do not depend on the quote stage.
"""
from __future__ import annotations

from nonpaper.text import parse as nlp
from nonpaper.actors import ActorRegistry
from nonpaper.events import extract_events
from nonpaper.ingest import article_from_string
from nonpaper.model import Quote
from nonpaper.time.extract import extract_timexes

HEAD = "Ministers fall out over the river treaty\n\n"


def run(body: str, published: str | None = "2025-10-28", quotes=()):
    article = article_from_string(HEAD + body, published=published)
    parsed = nlp.parse(article)
    timexes = extract_timexes(parsed)
    events, relations = extract_events(parsed, ActorRegistry(), list(quotes), timexes)
    return article, events, relations


def quote_over(article, text: str, speaker: str, qid: str) -> Quote:
    start = article.text.index(text)
    return Quote(id=qid, kind="indirect", text=text, start=start, end=start + len(text), speaker=speaker)


def event_with(events, word: str):
    return next(e for e in events if any(word in m.text for m in e.mentions))


def test_attached_date_and_coreference():
    _, events, _ = run("The two leaders held a phone conversation on Monday. Aides said the October 20 call "
                       "was tense. During the call, the leaders argued. Their phone call lasted an hour.",
                       published="2025-10-21")
    call = event_with(events, "phone conversation")
    assert call.type == "call"
    assert call.date == "2025-10-20" and call.date_precision == "day"  # Monday = October 20
    assert len(call.mentions) == 4
    assert [e.id for e in events if e.type == "call"] == [call.id]


def test_follow_up_is_a_different_event():
    _, events, _ = run("The two leaders held a phone call on October 16. A follow-up conversation with the envoy "
                       "came later. The talks were called off a week after the phone call.")
    calls = [e for e in events if e.type == "call"]
    assert len(calls) == 2
    main, follow = calls
    assert main.date == "2025-10-16" and len(main.mentions) == 2
    assert follow.date is None


def test_event_relative_date_from_an_offset():
    _, events, relations = run("The two leaders held a phone call on October 16. "
                               "The planned talks were called off a week after the phone call.")
    call, cancel = event_with(events, "phone call"), event_with(events, "called off")
    assert cancel.type == "cancel" and cancel.date == "2025-10-23"
    rel = next(r for r in relations if {r.source, r.target} == {call.id, cancel.id})
    assert (rel.source, rel.relation, rel.target, rel.offset) == (cancel.id, "AFTER", call.id, "P1W")
    assert rel.asserted_by is None and "a week after the phone call" in rel.evidence


def test_later_is_relative_to_the_event_told_before():
    _, events, relations = run("Inspectors examined the bridge on October 20. Three days later, the council voted "
                               "to close it.")
    inspection, vote = event_with(events, "examined"), event_with(events, "voted")
    assert inspection.date == "2025-10-20"
    assert vote.date == "2025-10-23"
    assert any(r.source == vote.id and r.relation == "AFTER" and r.target == inspection.id and r.offset == "P3D"
               for r in relations)


def test_two_sources_give_opposite_orderings_and_both_are_kept():
    body = ("Minister Ana Berg said the memo had been sent several days before the October 16 call. "
            "The Meridian Post reported that the memo was delivered several days after the call.")
    article, _, _ = run(body)
    quotes = [quote_over(article, "the memo had been sent several days before the October 16 call", "ana-berg", "q1"),
              quote_over(article, "the memo was delivered several days after the call", "meridian-post", "q2")]
    _, events, relations = run(body, quotes=quotes)
    memo, call = event_with(events, "sent"), event_with(events, "call")
    assert memo.type == "send" and len(memo.mentions) == 2
    assert call.date == "2025-10-16"
    assert memo.date is None  # disputed
    got = {(r.source, r.relation, r.target, r.asserted_by, r.quote, r.offset) for r in relations
           if {r.source, r.target} == {memo.id, call.id}}
    assert got == {(memo.id, "BEFORE", call.id, "ana-berg", "q1", "PXD"),
                   (memo.id, "AFTER", call.id, "meridian-post", "q2", "PXD")}


def test_ahead_of_and_conjoined_verbs():
    _, events, relations = run("The ministry sent a note ahead of the summit. The firm learned about the leak after "
                               "the inspection and stopped work straight away.")
    note, summit = event_with(events, "sent"), event_with(events, "summit")
    learned, stopped, inspection = (event_with(events, w) for w in ("learned", "stopped", "inspection"))
    triples = {(r.source, r.relation, r.target) for r in relations}
    assert (note.id, "BEFORE", summit.id) in triples
    assert (learned.id, "AFTER", inspection.id) in triples
    assert (stopped.id, "AFTER", inspection.id) in triples


def test_response_follows_what_it_answers():
    _, events, relations = run("Researchers at the institute reported on Tuesday that the drug failed. "
                               "The maker responded in a statement on Tuesday.")
    report, response = event_with(events, "reported"), event_with(events, "responded")
    assert report.date == response.date == "2025-10-28"
    assert any(r.source == response.id and r.relation == "AFTER" and r.target == report.id for r in relations)


def test_events_ordered_by_their_dates():
    _, events, relations = run("The book is published on Thursday. Its author will sign copies at 9 a.m. on Friday.",
                               published="2026-09-15")
    book, signing = event_with(events, "published"), event_with(events, "sign")
    assert (book.date, signing.date) == ("2026-09-17", "2026-09-18")
    assert any(r.source == book.id and r.relation == "BEFORE" and r.target == signing.id for r in relations)


def test_no_events_in_plain_text():
    _, events, relations = run("The river is wide and the water is cold.")
    assert events == [] and relations == []


def test_without_a_year_done_comes_before_to_come():
    _, events, relations = run("The fishing ban was imposed on January 14. The ban will end on May 14.", published=None)
    imposed, end = event_with(events, "imposed"), event_with(events, "end")
    assert imposed.date is None and end.date is None  # no year, no day
    assert any(r.source == imposed.id and r.relation == "BEFORE" and r.target == end.id for r in relations)


def test_status_of_what_was_called_off():
    _, events, _ = run("The planned talks were called off on Monday. The summit was postponed.")
    by_type = {e.type: e for e in events}
    assert (by_type["talks"].status, by_type["summit"].status) == ("called_off", "postponed")
    assert by_type["cancel"].status == "happened"


def test_one_status_vocabulary_for_every_stage():
    from nonpaper.events.status import (HAPPENED, PLANNED, bounded, claim_patterns, incompatible, label,
                                        not_with_aux, vocabulary)

    names = set(vocabulary())
    assert {HAPPENED, PLANNED, "called_off", "postponed", "held"} <= names
    assert all(pair <= names for pair in incompatible()) and bounded().statuses <= names
    assert {status for status, _ in claim_patterns()[0]} == names - {HAPPENED}  # "held" is the claims' word
    assert "will" in not_with_aux("held") and not not_with_aux("called_off")
    assert (label(PLANNED), label("called_off"), label("not held")) == ("going ahead", "called off", "not held")
