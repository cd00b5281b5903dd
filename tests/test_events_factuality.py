"""Issue 17 (factuality): the tense, certainty and polarity of an event read off the construction it sits
in, and where that puts it against the article's date. Short texts written for these tests (fiction)."""
from __future__ import annotations

from nonpaper.events.modality import modality_of
from nonpaper.events.narrative import against_publication
from nonpaper.ingest import article_from_string
from nonpaper.text import parse as nlp

HEAD = "Ferry news\n\n"


def token(body: str, word: str, published: str = "2026-03-10"):
    parsed = nlp.parse(article_from_string(HEAD + body, published=published))
    return next(t for t in parsed.doc if t.text == word)


def mod(body: str, word: str):
    return modality_of(token(body, word))


def test_a_participle_complement_is_when_its_verb_is():
    assert mod("The deal will see the new ferries delivered to the island.", "delivered").tense == "future"
    assert against_publication(token("The deal will see the new ferries delivered to the island.", "delivered")) \
        == "future"
    assert mod("The crew had the old ferry repainted.", "repainted").tense == "past"


def test_an_infinitive_on_a_ranked_noun_is_of_its_clauses_time():
    assert mod("The Aurora will be the first ferry to be built of steel.", "built").tense == "future"
    assert mod("The Aurora was the first ferry to be built of steel.", "built").tense == "past"
    assert mod("The Aurora is the largest ferry to sail from the port.", "sail").tense == "present"
    assert mod("The yard has a plan to build a ferry.", "build").tense == "future"  # no rank: still to come


def test_what_one_claims_or_seems_to_be_is_now():
    assert mod("The operator claims to own the quay.", "own").tense == "present"
    assert mod("The operator plans to own the quay.", "own").tense == "future"


def test_the_future_of_a_past_and_what_it_is_timed_by_stay_to_come():
    body = "The yard announced that two of the engines would be replaced before the season began."
    assert mod(body, "replaced").tense == "future"
    assert mod(body, "began").tense == "future"
    assert mod("The yard said the season began in May.", "began").tense == "past"


def test_a_part_of_an_event_noun_shares_its_clause():
    assert mod("Half of those cuts will be made at the yard.", "cuts").tense == "future"
    assert mod("The report on those cuts will be ready soon.", "cuts").tense is None  # not what is to come


def test_a_fall_is_no_delay():
    assert mod("Fares rose after a drop in sales at the yard.", "sales").polarity == "positive"
    assert mod("A delay in delivery hit the yard.", "delivery").polarity == "negative"
    assert mod("The suspension of sailings hit the island.", "sailings").polarity == "negative"


def test_a_modal_hedges_what_its_subject_does_not_the_subject():
    assert mod("The repairs could push the cost of the ferry up.", "repairs").certainty == "certain"
    assert mod("The repairs could push the cost of the ferry up.", "push").certainty == "possible"
    assert mod("The repairs could push the cost of the ferry up.", "repairs").tense == "future"  # still to come


def test_a_verb_of_intention_is_told_now_whatever_its_form():
    assert mod("Some operators are reported to want a higher fare.", "want").tense == "present"
    assert mod("Some operators are reported to have wanted a higher fare.", "wanted").tense == "past"


def test_what_a_plan_waits_for_is_still_to_come():
    from test_events import event_with, run
    _, events, _ = run("The yard said it would not resume work until an engineer had reviewed the findings.",
                       published="2026-03-10")
    review = event_with(events, "reviewed")
    assert (review.tense, review.status) == ("future", "planned")


def test_a_hedge_on_a_verb_of_occurrence_hedges_its_subject():
    assert mod("We expect the vote to take place in April.", "vote").certainty == "probable"
    assert mod("The talks could resume on Friday.", "talks").certainty == "possible"
