"""Issue 17: events from clauses and nominalisations, dated by the time that governs them, ordered by
signal words, with who asserts each date and ordering; polarity, certainty, modality and tense.

Short texts written for these tests (fiction), plus the bundled example the issue names.
"""
from __future__ import annotations

from pathlib import Path

import nonpaper
from test_events import event_with, quote_over, run

ROOT = Path(__file__).resolve().parents[1]


def test_a_clause_dated_by_its_time_and_ordered_by_after():
    _, events, relations = run("Ferry crews returned to work on Monday after a three-day stoppage.",
                               published="2026-03-10")
    back, stoppage = event_with(events, "returned to work"), event_with(events, "stoppage")
    assert back.date == "2026-03-09" and back.status == "happened" and back.type == "return"
    assert any((r.source, r.relation, r.target) == (back.id, "AFTER", stoppage.id) for r in relations)
    assert stoppage.date is None  # "after" keeps Monday off the stoppage


def test_undated_unordered_clauses_stay_off_the_timeline():
    _, events, relations = run("People walked along the river and the water looked cold.")
    assert events == [] and relations == []


def test_a_light_verb_gives_its_noun_the_date_and_the_ordering():
    _, events, relations = run("The board made the offer on Friday, before the talks resumed.",
                               published="2026-03-10")
    offer, resumed = event_with(events, "offer"), event_with(events, "resumed")
    assert offer.date == "2026-03-06" and offer.status == "happened" and offer.type == "offer"
    assert "talks resumed" in resumed.text  # the noun subject and its aspectual verb: one happening
    assert any((r.source, r.relation, r.target) == (offer.id, "BEFORE", resumed.id) for r in relations)


def test_a_derived_date_is_asserted_by_the_source_of_the_ordering():
    body = "Rina Vale said the port accepted a new rota on Sunday, two days after talks resumed."
    article, _, _ = run(body, published="2026-03-10")
    quotes = [quote_over(article, "the port accepted a new rota on Sunday, two days after talks resumed",
                         "rina-vale", "q1")]
    _, events, relations = run(body, published="2026-03-10", quotes=quotes)
    accepted, resumed = event_with(events, "accepted"), event_with(events, "resumed")
    assert accepted.date == "2026-03-08" and accepted.date_asserted_by == "rina-vale"
    assert resumed.date == "2026-03-06" and resumed.date_asserted_by == "rina-vale"
    rel = next(r for r in relations if r.source == accepted.id and r.target == resumed.id)
    assert (rel.relation, rel.offset, rel.asserted_by) == ("AFTER", "P2D", "rina-vale")
    assert accepted.reported_by == "rina-vale"


def test_then_orders_after_the_event_before_it():
    _, events, relations = run("The union voted on Monday. Then the crews walked out.")
    vote, walkout = event_with(events, "voted"), event_with(events, "walked out")
    assert any((r.source, r.relation, r.target) == (walkout.id, "AFTER", vote.id) for r in relations)


def test_negated_events_did_not_happen():
    _, events, _ = run("No agreement had been signed by Friday. The crews did not walk out on Monday.")
    signed, walk = event_with(events, "signed"), event_with(events, "walk out")
    assert (signed.polarity, signed.status) == ("negative", "not_happened")
    assert (walk.polarity, walk.status) == ("negative", "not_happened")


def test_planned_and_hypothetical_events():
    _, events, _ = run("The offer would only stand if members approved it in a ballot next month. "
                       "The crews will meet on Friday.", published="2026-03-10")
    ballot, meeting = event_with(events, "ballot"), event_with(events, "meet")
    assert (ballot.modality, ballot.tense, ballot.status) == ("planned", "future", "planned")
    assert (meeting.modality, meeting.tense, meeting.status) == ("planned", "future", "planned")
    _, events, _ = run("The union could strike on Friday if the talks fail.", published="2026-03-10")
    strike = event_with(events, "strike")
    assert strike.modality == "hypothetical" and strike.certainty == "possible" and strike.status != "happened"


def test_what_is_called_off_or_held_up_is_negative():
    _, events, _ = run("The delivery of the cranes was delayed on Monday.", published="2026-03-10")
    assert event_with(events, "delivery").polarity == "negative"


def test_the_bundled_harbour_strike_timeline():
    text = (ROOT / "examples" / "harbour-strike.txt").read_text(encoding="utf-8")
    out = nonpaper.analyze(text, published="2026-03-10")
    ev = {e.id: e for e in out.events}
    back = next(e for e in out.events if "returned to work" in e.text)
    offer = next(e for e in out.events if "offer" in e.text)
    rise = next(e for e in out.events if "rise" in " ".join(m.text for m in e.mentions))
    resumed = next(e for e in out.events if "talks resumed" in e.text)
    assert back.date == "2026-03-09"
    assert (offer.date, offer.date_asserted_by) == ("2026-03-06", "margit-osk")
    assert (rise.date, rise.date_asserted_by) == ("2026-03-08", "tomas-feld")
    said = {(r.source, r.relation, r.target, r.asserted_by) for r in out.relations}
    assert (rise.id, "AFTER", resumed.id, "tomas-feld") in said
    assert (offer.id, "BEFORE", resumed.id, "margit-osk") in said
    assert (offer.id, "AFTER", resumed.id, "tomas-feld") in said
    signed = next(e for e in out.events if "signed" in e.text)
    assert signed.status == "not_happened" and signed.polarity == "negative"
    assert all(e.id in ev for e in out.events)
