"""Forms real news uses for figures, agreements and rebuttals (issue 15), on short articles written
for these tests: each row is one form, and what the claims or disputes stage must make of it."""
from __future__ import annotations

import pytest

from conftest import analyze_text
from nonpaper.claims.text import parse_number


@pytest.mark.parametrize("text, value", [
    ("a million", 1_000_000),
    ("More than a million", 1_000_000),
    ("22 million", 22_000_000),
    ("a hundred", 100),
    ("around 1.03 million", 1_030_000),
])
def test_numbers_as_news_writes_them(text, value):
    assert parse_number(text) == value


def _figures(analysis, measure=None):
    names = {a.id: a.name for a in analysis.actors}
    return {names.get(c.actor, c.actor): c.value for c in analysis.claims
            if c.kind == "value" and (measure is None or c.value.get("measure") == measure)}


# two sources counting one crowd, each worded its own way: the turnout is one measure
CROWDS = [
    # a bare number after a counted one counts the same thing
    ("Organisers of the Brenton march said there were 90,000 people. Police said there were 30,000 at its peak.", True),
    # "pegged the number of X at N": X is what is counted, the subject gives the figure
    ("The Brenton Civic Alliance said 90,000 people joined the march on Sunday.\n\n"
     "The Brenton Police Service said it had pegged the number of marchers at around 30,000.", True),
    # people on the march and marchers are one turnout
    ("The Brenton Civic Alliance said more than 90,000 people were on the march.\n\n"
     "The Brenton Police Service said 30,000 marchers took part.", True),
    # a bound the other figure meets is no dispute
    ("The Brenton Civic Alliance said more than 30,000 people joined the march.\n\n"
     "The Brenton Police Service said 90,000 marchers took part.", False),
]


@pytest.mark.parametrize("body, clash", CROWDS)
def test_two_counts_of_one_crowd(body, clash):
    analysis = analyze_text("Brenton march draws crowds\n\n" + body, "2026-04-12")
    disputes = [d for d in analysis.disputes if d.kind == "fact"]
    assert bool(disputes) == clash, [d.summary for d in analysis.disputes]


def test_an_injured_count_after_a_death_toll_is_not_read_as_more_deaths():
    analysis = analyze_text("Storm toll rises\n\n\"Our records show that 12 people have died and 40 injured,\" "
                            "the Brenton Red Cross said in a statement.", "2026-04-12")
    assert [v["value"] for v in _figures(analysis, "deaths").values()] == [12]


def test_what_a_relative_clause_adds_does_not_make_a_figure_a_forecast():
    analysis = analyze_text("Brenton march\n\nOrganisers said there were 90,000 people, which would make it the "
                            "largest march in a decade.", "2026-04-12")
    assert not any(v["forecast"] for v in _figures(analysis).values())


@pytest.mark.parametrize("sentence, agreed", [
    ("Kessia and Lorvan have agreed to a complete ceasefire, Foreign Minister Dana Holt said.", True),
    ("Foreign Minister Dana Holt said the two sides had reached a binding deal.", True),
    ("Foreign Minister Dana Holt said no binding deal had been reached.", False),
    ("\"There is no agreement on any truce,\" Foreign Minister Dana Holt said.", False),
])
def test_an_agreement_reached_or_not(sentence, agreed):
    analysis = analyze_text("Truce talks\n\n" + sentence, "2026-04-12")
    statuses = [c for c in analysis.claims if c.kind == "status" and c.value["status"] == "agreed"]
    assert statuses and statuses[0].polarity is agreed


def test_agreement_claimed_and_denied_is_a_status_dispute():
    analysis = analyze_text(
        "Truce talks\n\nPresident Aron Vell said on Monday that Kessia and Lorvan had agreed to a complete ceasefire.\n\n"
        "Foreign Minister Dana Holt said no ceasefire agreement had been reached.", "2026-04-12")
    assert any(d.kind == "status" for d in analysis.disputes), [d.summary for d in analysis.disputes]


def test_the_statement_that_contradicts_an_account_is_its_speakers():
    """'The statement directly contradicts X's announcement': the statement is the one just quoted."""
    analysis = analyze_text(
        "Truce talks\n\nPresident Aron Vell announced that the two armies would stop firing at dawn.\n\n"
        "\"There is no agreement on any truce,\" Foreign Minister Dana Holt wrote on Tuesday.\n\n"
        "The statement directly contradicts Vell's announcement.", "2026-04-12")
    names = {a.id: a.name for a in analysis.actors}
    denials = [d for d in analysis.disputes if d.kind == "denial"]
    assert denials and names.get(denials[0].claims[-1].actor) == "Dana Holt" or any(
        names.get(c.actor) == "Dana Holt" for d in denials for c in d.claims)
    assert any(names.get(c.actor) == "Aron Vell" for d in denials for c in d.claims)


REBUTTALS = [
    # a report opened by "However" answers the account before it on the same topic
    ("The Daily Courant reported that the mayor was told about the cracked beam in March.\n\n"
     "However, the mayor's chief of staff, Ines Varo, said the mayor was never told about the beam.", True),
    # "also" sides with the account before it
    ("The Daily Courant reported that the mayor was told about the cracked beam in March.\n\n"
     "The Evening Post also said the mayor was told about the beam in March.", False),
    # "But" before an account on another topic answers nothing
    ("The Daily Courant reported that the mayor was told about the cracked beam in March.\n\n"
     "But the engineer Ines Varo said the new stadium would open in June.", False),
    # a "But" inside the quotation is the speaker's own turn, not the writer setting one account against another
    ("The Daily Courant reported that the beam was cracked in March.\n\n"
     "\"But the beam was repaired in April,\" said Ines Varo, the engineer who first reported the crack.", False),
    # the second source calls the first's account lies
    ("The Daily Courant reported that the mayor hid the report on the cracked beam.\n\n"
     "\"There are numerous lies here about the beam report,\" the mayor's spokeswoman Ines Varo said.", True),
]


@pytest.mark.parametrize("body, disputed", REBUTTALS)
def test_a_rebuttal_framed_by_the_report(body, disputed):
    analysis = analyze_text("Beam row\n\n" + body, "2026-04-12")
    assert bool([d for d in analysis.disputes if d.kind == "denial"]) == disputed, [d.summary for d in analysis.disputes]


@pytest.mark.parametrize("body", [
    # "the prime minister's spokesman" and "the spokesperson" are one side
    "Prime Minister Ora Lind's spokesman said she was not told of the complaint.\n\n"
    "\"That account is wrong,\" the spokesperson said later.",
    # a lawyer speaks for the client
    "Ora Lind said she had never seen the contract.\n\n"
    "But Ora Lind's lawyer insisted that she had never seen the contract before the vote.",
])
def test_a_side_restating_itself_is_no_denial(body):
    analysis = analyze_text("Lind row\n\n" + body, "2026-04-12")
    assert not [d for d in analysis.disputes if d.kind == "denial"], [d.summary for d in analysis.disputes]


def test_what_struck_a_place_is_a_cause_set_against_a_blame_worded_otherwise():
    """'blamed X for the bombing' and 'a failed rocket hit the clinic', three paragraphs apart in one
    article: one happening, two causes."""
    analysis = analyze_text(
        "Clinic blast\n\nThe Vell health ministry blamed the bombing on a Kessian air raid.\n\n"
        "Rescue teams searched the rubble on Tuesday.\n\n"
        "A failed rocket launched by the Ardan Front hit the clinic, army spokesman Tal Orren said.", "2026-04-12")
    causes = [d for d in analysis.disputes if d.kind == "cause"]
    assert causes and "rocket" in causes[0].summary and "air raid" in causes[0].summary


def test_a_claim_carries_its_proposition_participants_predicate_and_hedging():
    analysis = analyze_text("Truce talks\n\nPresident Aron Vell said on Monday that Kessia and Dana Holt had "
                            "allegedly agreed to a complete ceasefire.", "2026-04-12")
    names = {a.id: a.name for a in analysis.actors}
    [statement] = [c for c in analysis.claims if c.kind == "statement"]
    assert names[statement.actor] == "Aron Vell"
    assert "Dana Holt" in {names.get(p) for p in statement.participants}
    assert statement.actor not in statement.participants
    assert statement.predicate == "agree" and statement.hedged
    data = analysis.to_dict()["claims"][0]
    assert {"participants", "predicate", "hedged"} <= set(data)


DENIALS_OF_REPORTS = [
    ("The Wall Street Journal reported on Monday that Ola Brenn had pledged $40 million a month to the Civic "
     "Future PAC.\n\nBrenn called the report \"false\" in a post on Tuesday.", "Wall Street Journal"),
    ("Ola Brenn denied a report by the Wall Street Journal that he had pledged $40 million a month to the "
     "Civic Future PAC.", "Wall Street Journal"),
    ("The Harlow Gazette reported that the mine had flooded twice in May, a claim refuted by the Harlow "
     "Mining Board.", "Harlow Gazette"),
    ("The Harlow Gazette reported that the mine had flooded twice in May.\n\n\"The reports are not accurate,\" "
     "said Ana Brill, a spokeswoman for the Harlow Mining Board.", "Harlow Gazette"),
    ("The Harlow Gazette reported that the mine had flooded twice in May.\n\nThe Harlow Mining Board denied it.",
     "Harlow Gazette"),
    ("The Harlow Gazette reported that the mine had flooded twice in May.\n\nThe Harlow Mining Board called the "
     "report propaganda.", "Harlow Gazette"),
    ("The Harlow Gazette reported that the mine had flooded twice in May.\n\n\"There is no truth to the report,\" "
     "the Harlow Mining Board said.", "Harlow Gazette"),
    ("The Harlow Gazette reported that the mine owner had bribed two inspectors in May.\n\nThe owner, Ansel Brick, "
     "has denied the allegations.", "Harlow Gazette"),
    ("The Harlow Gazette reported that the mine had flooded twice in May.\n\nHarlow Mining Board chair Ola Brenn "
     "quickly cast doubt on the claims made by the report.", "Harlow Gazette"),
]


@pytest.mark.parametrize("body, owner", DENIALS_OF_REPORTS)
def test_a_report_denied_in_the_forms_news_uses(body, owner):
    analysis = analyze_text("Report denied\n\n" + body, "2026-04-12")
    names = {a.id: a.name for a in analysis.actors}
    denials = [d for d in analysis.disputes if d.kind == "denial"]
    assert denials and owner in {names.get(c.actor) for c in denials[0].claims}, [d.summary for d in analysis.disputes]


def test_accused_of_a_deed_against_another_agent_is_a_cause_dispute():
    analysis = analyze_text("Dam row\n\nThe Kessian government accused Lorvan of blowing up the Tarn dam on Tuesday.\n\n"
                            "Lorvan said Kessian forces destroyed the dam to slow the advance.", "2026-04-12")
    [d] = [d for d in analysis.disputes if d.kind == "cause"]
    assert d.summary.startswith("Who was behind blowing up the Tarn dam") and "Kessian forces" in d.summary


def test_a_phrase_taken_for_a_source_makes_no_side():
    """Only sources that can assert make a side: a named actor, or an unnamed one headed by a word for
    a source or a body ("a police spokesman", "Dalby police")."""
    from nonpaper.disputes.checks import Found
    from nonpaper.disputes.find import _credible_sides
    from nonpaper.model import Actor, Claim

    actors = {a.id: a for a in [Actor("ola", "Ola Brenn", "person"), Actor("phone", "phone", "unnamed"),
                                Actor("police", "Dalby police", "unnamed"),
                                Actor("that", "that clashes with the statement", "organization")]}

    def found(*who):
        return Found("denial", "", [Claim(id=f"c{i}", actor=w, text="", kind="statement") for i, w in enumerate(who)], None)
    assert _credible_sides(found("ola", "police"), actors) is not None
    assert _credible_sides(found("ola", "phone"), actors) is None
    assert _credible_sides(found("ola", "that"), actors) is None
    kept = _credible_sides(found("ola", "phone", "police"), actors)  # the phrase leaves, the two sides stay
    assert kept is not None and [c.actor for c in kept.claims] == ["ola", "police"]


def test_an_agreement_to_meet_and_the_meetings_cancellation_are_not_one_event_to_order_against():
    """'sent days after they agreed to meet' and 'the summit was cancelled after the memo was sent' do
    not disagree: the two orderings anchor on two events of different types."""
    from nonpaper.disputes.checks import _side_score
    from nonpaper.model import Claim

    a = Claim(id="c1", actor="x", text="", kind="order", article="a1")
    b = Claim(id="c2", actor="y", text="", kind="order", article="a2")
    assert _side_score(a, None, ["budapest", "meet", "type:agreement"], b, None, ["budapest", "summit", "type:cancel"]) == 0
    assert _side_score(a, None, ["budapest", "summit", "type:meeting"], b, None, ["budapest", "summit", "type:meeting"]) >= 2


def test_the_newspaper_is_the_outlet_already_reporting_not_the_wire_that_names_it():
    text = ("Harwick ferry deal off\n\n(Norrick Wire) - The Harwick ferry deal has collapsed, the Harwick Gazette "
            "reported on Friday.\n\nNorrick Wire could not immediately verify the Gazette report.\n\n"
            "The council sent a letter to Brack Lines days before the vote, the newspaper reported.")
    analysis = analyze_text(text, "2026-04-12")
    names = {a.id: a.name for a in analysis.actors}
    last = max((q for q in analysis.quotes if q.speaker), key=lambda q: q.start)
    assert names[last.speaker] == "Harwick Gazette"


@pytest.mark.parametrize("sentence", [
    "Reports from the Harwick Gazette had suggested that the ferry deal collapsed in May.",
    "A report by the Harwick Gazette said the ferry deal collapsed in May.",
])
def test_a_report_by_an_outlet_is_the_outlets(sentence):
    analysis = analyze_text("Ferry deal\n\n" + sentence, "2026-04-12")
    names = {a.id: a.name for a in analysis.actors}
    assert [names[q.speaker] for q in analysis.quotes if q.speaker] == ["Harwick Gazette"]


def test_a_denial_of_an_account_is_set_across_against_that_account_in_another_outlet():
    from nonpaper.ingest import article_from_string
    from nonpaper.pipeline import analyze_article, build_corpus

    first = ("Gazette: ferry deal collapsed\n\nThe Harwick ferry deal with Brack Lines collapsed in May after the "
             "council missed a payment, the Harwick Gazette reported on Monday.")
    second = ("Mayor attacks Gazette over ferry report\n\nThe Harwick Gazette reported that the ferry deal with Brack "
              "Lines collapsed in May.\n\n\"The Gazette is lying,\" Mayor Ada Lind said on Tuesday.")
    corpus = build_corpus([
        analyze_article(article_from_string(first, published="2026-04-10", outlet="Harwick Gazette", id="gazette")),
        analyze_article(article_from_string(second, published="2026-04-11", outlet="Norrick Wire", id="wire"))])
    across = [d for d in corpus.disputes if d.kind == "denial"]
    assert across and set(across[0].articles) == {"gazette", "wire"}


def test_a_denied_cue_asserts_nothing():
    """'CBS News had not confirmed the account': no statement of CBS's, so no side for it."""
    analysis = analyze_text("Account unconfirmed\n\nThe Harwick Gazette reported that the mayor resigned on Friday.\n\n"
                            "CBS News had not confirmed the account.", "2026-04-12")
    names = {a.id: a.name for a in analysis.actors}
    assert "CBS News" not in {names.get(c.actor) for c in analysis.claims if c.kind == "statement"}


def test_a_named_persons_office_speaks_as_the_person():
    analysis = analyze_text("Data row\n\nAttorney General Ora Lind sued the company in May.\n\n"
                            "Lind's office has said the document proves the company knew in 2015.", "2026-04-12")
    names = {a.id: a.name for a in analysis.actors}
    assert [names.get(q.speaker) for q in analysis.quotes if q.speaker] == ["Ora Lind"]


def test_a_first_name_in_a_quote_is_the_person_the_article_names_most():
    analysis = analyze_text(
        "Adviser out\n\nPresident Ilse Varga said she had \"asked Pavel for his resignation\" on Monday night.\n\n"
        "Pavel Brenn, her adviser, said he resigned. \"Let's be clear: I resigned,\" Brenn wrote. Brenn added that "
        "he had offered to quit the day before.\n\nPavel Ostrov, a spokesman, declined to comment.", "2026-04-12")
    exits = [c for c in analysis.claims if c.kind == "status" and c.value.get("status") in ("dismissed", "resigned")]
    assert {c.value["topic"] for c in exits} == {"exit:pavel-brenn"}
    assert any(d.kind == "status" for d in analysis.disputes)


def test_the_subject_of_a_participle_that_contradicts_is_the_writer_of_the_quote():
    analysis = analyze_text(
        "Adviser out\n\nPresident Ilse Varga announced on Twitter that she had asked Pavel Brenn to resign.\n\n"
        "\"I offered to resign last night,\" Brenn wrote, slightly contradicting Varga's account that she had "
        "asked for his resignation.", "2026-04-12")
    names = {a.id: a.name for a in analysis.actors}
    denials = [c for c in analysis.claims if c.kind == "denial"]
    assert denials and names.get(denials[0].actor) == "Pavel Brenn"


def test_who_speaks_for_each_side_of_a_denial_is_shown_with_it():
    analysis = analyze_text(
        "Strike warning row\n\nThe Norrick White House said it had warned Kessia before the strike. White House "
        "press secretary Lina Hart said the warning was given an hour before the first missile.\n\n"
        "The Kessia foreign ministry denied it.", "2026-04-12")
    names = {a.id: a.name for a in analysis.actors}
    denials = [d for d in analysis.disputes if d.kind == "denial"]
    assert denials
    sides = {names.get(c.actor) for c in denials[0].claims}
    assert {"Norrick White House", "Lina Hart"} <= sides, sides
