"""Claim finders on short parsed texts with hand-built quotes and actors (issue 5).

The quote stage is not run here: each test places its quotes and actors itself, so these tests pin
the claim rules alone.
"""
from __future__ import annotations

import re

import pytest

from nonpaper.text import parse as nlp
from nonpaper.claims import extract_claims
from nonpaper.ingest import article_from_string
from nonpaper.model import Actor, Analysis, Mention, Quote


def build(body: str, speakers: dict[str, str] | None = None, quotes: list[tuple[str, str]] = ()):
    """Parse `body` (after a headline); `speakers` maps names to kinds; `quotes` are (text, speaker name)."""
    art = article_from_string("A headline for the test\n\n" + body, published="2026-05-11", id="t")
    parsed = nlp.parse(art)
    text = parsed.text
    actors = []
    for name, kind in (speakers or {}).items():
        surname = name.split()[-1]
        mentions = [Mention(m.group(0), m.start(), m.end())
                    for m in re.finditer(re.escape(surname), text, flags=re.IGNORECASE)]
        actors.append(Actor(id=name.lower().replace(" ", "-"), name=name, kind=kind, aliases=[name, surname],
                            mentions=mentions))
    found = []
    for i, (q, who) in enumerate(quotes, 1):
        start = text.index(q)
        found.append(Quote(id=f"q{i}", kind="indirect", text=q, start=start, end=start + len(q),
                           speaker=who.lower().replace(" ", "-") if who else None))
    analysis = Analysis(article=art, actors=actors, quotes=found)
    analysis.claims = extract_claims(parsed, analysis)
    return analysis


def of_kind(analysis, kind):
    return [c for c in analysis.claims if c.kind == kind]


@pytest.fixture(scope="module", autouse=True)
def _model():
    nlp.load()


# ---------------------------------------------------------------- status

def test_a_narrated_status_is_the_narrator_s_claim_about_its_event():
    [c] = of_kind(build("The summit in Varne was postponed on Friday."), "status")
    assert (c.actor, c.value["status"], c.value["topic"], c.polarity) == (None, "postponed", "meeting", True)


def test_a_status_inside_a_quote_belongs_to_its_speaker():
    a = build("Greta Lund said the strike had been called off.", {"Greta Lund": "person"},
              [("the strike had been called off", "Greta Lund")])
    [c] = of_kind(a, "status")
    assert (c.actor, c.value["status"], c.value["topic"], c.quote) == ("greta-lund", "called_off", "strike", "q1")


def test_rather_than_rejects_the_other_status():
    a = build("Elsa Strand said the festival had been postponed to September rather than cancelled.",
              {"Elsa Strand": "person"}, [("the festival had been postponed to September rather than cancelled",
                                           "Elsa Strand")])
    got = {(c.value["status"], c.polarity) for c in of_kind(a, "status")}
    assert got == {("postponed", True), ("called_off", False)}


def test_a_reading_of_another_s_remarks_gives_that_source_the_rejected_status():
    a = build('"We will not get where we need to go," Trump said of the meeting.\n\n'
              "However, Putin interpreted Trump's remarks as referring to a postponement rather than a cancellation.",
              {"Donald Trump": "person", "Vladimir Putin": "person"},
              [("We will not get where we need to go,", "Donald Trump")])
    holders = {(c.actor, c.value["status"], c.polarity) for c in of_kind(a, "status")}
    assert ("donald-trump", "called_off", True) in holders
    assert ("vladimir-putin", "postponed", True) in holders


def test_nobody_talking_about_closing_for_good_is_a_negated_status():
    a = build('"Nobody is talking about shutting the hall for good," Ottilie Marsh said.', {"Ottilie Marsh": "person"},
              [("Nobody is talking about shutting the hall for good,", "Ottilie Marsh")])
    [c] = of_kind(a, "status")
    assert (c.value["status"], c.value["topic"], c.polarity) == ("permanent", "closure", False)


def test_a_status_word_on_something_that_is_no_event_is_no_claim():
    assert of_kind(build("The crews removed temporary steel props from beneath the roof."), "status") == []


def test_future_going_ahead_is_planned_not_held():
    [c] = of_kind(build("The final vote will take place in March."), "status")
    assert c.value["status"] == "planned"


# ---------------------------------------------------------------- orderings

def test_before_and_after_clauses_give_orderings_with_their_source():
    a = build("Greta Lund said the company had made a written pay offer in April, before the strike began.",
              {"Greta Lund": "person"},
              [("the company had made a written pay offer in April, before the strike began", "Greta Lund")])
    [c] = of_kind(a, "order")
    assert (c.actor, c.value["relation"], c.polarity) == ("greta-lund", "BEFORE", True)
    assert {"offer", "pay"} <= set(c.value["about"])
    assert {"strike", "begin"} <= set(c.value["target_about"])


def test_nobody_did_it_before_is_a_negated_ordering():
    a = build('"Nobody saw a crack in the trusses before the inspectors did," Anselm Kade said.',
              {"Anselm Kade": "person"}, [("Nobody saw a crack in the trusses before the inspectors did,",
                                           "Anselm Kade")])
    [c] = of_kind(a, "order")
    assert (c.value["relation"], c.polarity) == ("BEFORE", False)


# ---------------------------------------------------------------- values

def test_measured_values_with_their_unit_and_source():
    a = build("Crews collected 12 tonnes of dead fish from the river, Mira Soltan said.", {"Mira Soltan": "person"},
              [("Crews collected 12 tonnes of dead fish from the river", "Mira Soltan")])
    [c] = of_kind(a, "value")
    assert (c.actor, c.value["value"], c.value["unit"]) == ("mira-soltan", 12, "tonne")
    assert {"collect", "fish"} <= set(c.value["about"])


def test_durations_and_years_are_not_values():
    assert of_kind(build("The volunteers took the capsules for six months in 2024."), "value") == []


# ---------------------------------------------------------------- denials

def test_a_denied_that_clause_links_to_the_claim_it_rejects():
    a = build("Jonas Reel said the brewery had withdrawn its funding in May.\n\n"
              "Hallmark Brewing denied that it had withdrawn any funding.",
              {"Jonas Reel": "person", "Hallmark Brewing": "organization"},
              [("the brewery had withdrawn its funding in May", "Jonas Reel")])
    [d] = of_kind(a, "denial")
    target = next(c for c in a.claims if c.id == d.value["target"])
    assert (d.actor, target.actor) == ("hallmark-brewing", "jonas-reel")


def test_dismissed_this_account_points_to_the_account_just_reported():
    a = build("The Daily Ledger reported that the memo was delivered after the call.\n\n"
              "Lavrov dismissed this account.",
              {"Daily Ledger": "outlet", "Sergey Lavrov": "person"},
              [("the memo was delivered after the call", "Daily Ledger")])
    [d] = of_kind(a, "denial")
    assert d.actor == "sergey-lavrov"
    assert next(c for c in a.claims if c.id == d.value["target"]).actor == "daily-ledger"


def test_not_denying_is_no_denial():
    a = build("Marta Lind said the plant would close. Its owner did not deny the report.",
              {"Marta Lind": "person"}, [("the plant would close", "Marta Lind")])
    assert of_kind(a, "denial") == []


def test_rejecting_someone_s_claim_that_gives_both_sides_in_one_sentence():
    a = build("Maria Holt rejected the ministry's claim that the bridge had been inspected in May.",
              {"Maria Holt": "person", "Transport Ministry": "government"})
    [d] = of_kind(a, "denial")
    target = next(c for c in a.claims if c.id == d.value["target"])
    assert (d.actor, target.actor) == ("maria-holt", "transport-ministry")
    assert "inspected" in target.text


def test_a_denial_whose_subject_is_no_actor_has_no_source():
    a = build("Video shows that Ray Cole had his hands up, contradicting the police's earlier claim that he "
              "had refused to raise them.", {"Ray Cole": "person"})
    assert of_kind(a, "denial") == []


def test_comparison_pairs_and_forecasts_are_marked_or_left_out():
    a = build("Clinton leads Trump by 43 percent to 38 percent in the poll.")
    assert of_kind(a, "value") == []
    [c] = of_kind(build("Analysts had forecast losses of 6.7 billion dollars."), "value")
    assert c.value["forecast"] is True


def test_a_rate_keeps_its_denominator():
    [c] = of_kind(build("The company lost 9.66 dollars per share."), "value")
    assert c.value["unit"].endswith("/share")


def test_the_narrator_s_own_sentences_are_statements_of_the_narrator():
    a = build("The bridge reopened to traffic on Monday.\n\nKarin Voll said the repairs were finished.",
              {"Karin Voll": "person"}, [("the repairs were finished", "Karin Voll")])
    statements = of_kind(a, "statement")
    assert [(c.actor, c.quote) for c in statements] == [("karin-voll", "q1"), (None, None)]
    assert statements[1].text == "The bridge reopened to traffic on Monday."


def test_happened_and_did_not_happen_are_one_status_with_two_polarities():
    a = build("Anna Berg said the meeting never took place.\n\nBoris Kell said the meeting took place on Friday.",
              {"Anna Berg": "person", "Boris Kell": "person"},
              [("the meeting never took place", "Anna Berg"), ("the meeting took place on Friday", "Boris Kell")])
    got = {(c.actor, c.value["status"], c.polarity) for c in of_kind(a, "status")}
    assert got == {("anna-berg", "held", False), ("boris-kell", "held", True)}


# ---------------------------------------------------------------- event phases, denied orderings, bounded pauses

def test_an_ordering_against_the_start_or_the_end_of_an_event_keeps_which_end():
    a = build("Rhea Stone said the levy had been paid before the auction opened. "
              "Ivo Crane said the levy was received after the auction had closed.",
              {"Rhea Stone": "person", "Ivo Crane": "person"},
              [("the levy had been paid before the auction opened", "Rhea Stone"),
               ("the levy was received after the auction had closed", "Ivo Crane")])
    phases = {(c.actor, c.value["relation"], c.value["target_phase"]) for c in of_kind(a, "order")}
    assert phases == {("rhea-stone", "BEFORE", "start"), ("ivo-crane", "AFTER", "end")}
    plain = build("The levy was paid a week before the auction.")
    assert [c.value["target_phase"] for c in of_kind(plain, "order")] == [None]


def test_leaving_a_named_place_ends_the_event_held_there_and_keeps_the_place():
    a = build("Ivo Crane said the levy arrived after the bidders had left Sarnow.", {"Ivo Crane": "person"},
              [("the levy arrived after the bidders had left Sarnow", "Ivo Crane")])
    [c] = of_kind(a, "order")
    assert (c.value["relation"], c.value["target_phase"]) == ("AFTER", "end")
    assert "sarnow" in c.value["target_about"]


def test_a_denied_ordering_is_negated():
    a = build("The guild denied receiving any levy before the auction.", {"The guild": "organization"},
              [("receiving any levy before the auction", "The guild")])
    [c] = of_kind(a, "order")
    assert (c.value["relation"], c.polarity) == ("BEFORE", False)


def test_the_time_of_the_speech_is_no_ordering_of_what_was_said():
    a = build('"The auction is over," Rhea Stone said on Monday, a day after the bidders left Sarnow.',
              {"Rhea Stone": "person"}, [("The auction is over,", "Rhea Stone")])
    a.quotes[0].cue_start = a.article.text.index("said")
    a.quotes[0].cue_end = a.quotes[0].cue_start + 4
    from nonpaper.claims import extract_claims
    a.claims = extract_claims(nlp.parse(a.article), a)
    assert of_kind(a, "order") == []


def test_a_pause_until_a_time_is_temporary_and_until_further_notice_indefinite():
    a = build("Rhea Stone said the auction talks were on hold until autumn.", {"Rhea Stone": "person"},
              [("the auction talks were on hold until autumn", "Rhea Stone")])
    assert {c.value["status"] for c in of_kind(a, "status")} == {"suspended", "temporary"}
    b = build("Ivo Crane said the auction talks were suspended until further notice.", {"Ivo Crane": "person"},
              [("the auction talks were suspended until further notice", "Ivo Crane")])
    assert {c.value["status"] for c in of_kind(b, "status")} == {"suspended", "indefinite"}


def test_paused_not_cancelled_asserts_the_pause_and_rejects_the_cancellation():
    a = build('The talks were "paused, not cancelled," Ivo Crane said.', {"Ivo Crane": "person"},
              [('The talks were "paused, not cancelled,"', "Ivo Crane")])
    got = {(c.value["status"], c.polarity) for c in of_kind(a, "status")}
    assert got == {("suspended", True), ("called_off", False)}


def test_once_the_event_was_over_is_after_its_end():
    a = build("Wren Ashby said the plans only arrived once the vote was over.", {"Wren Ashby": "person"},
              [("the plans only arrived once the vote was over", "Wren Ashby")])
    [c] = of_kind(a, "order")
    assert (c.value["relation"], c.value["target_phase"], c.polarity) == ("AFTER", "end", True)
    assert of_kind(build("The council meets once a week, before the market opens."), "order")[0].value["relation"] == "BEFORE"


# ---------------------------------------------------------------- denials pointing back, durations

def test_disputes_that_denies_the_claims_of_the_sentence_before_and_takes_the_next_as_evidence():
    a = build("\"The mill dumped dye in the river twice,\" said Ilse Varga. \"Twice in one week.\"\n\n"
              "Korr Textiles disputes that. Korr Textiles said its filters had been checked in May.",
              {"Ilse Varga": "person", "Korr Textiles": "organization"},
              [("The mill dumped dye in the river twice,", "Ilse Varga"), ("Twice in one week.", "Ilse Varga"),
               ("its filters had been checked in May", "Korr Textiles")])
    [d] = of_kind(a, "denial")
    by_id = {c.id: c for c in a.claims}
    assert d.actor == "korr-textiles" and by_id[d.value["target"]].text.startswith("The mill dumped")
    assert [by_id[i].text for i in d.value["targets"]][-1] == "Twice in one week."
    assert [by_id[i].text for i in d.value["support"]] == ["its filters had been checked in May"]


def test_disputing_that_after_the_narrator_or_rejecting_a_proposal_is_no_denial():
    narrator = build("The mill closed in May.\n\nKorr Textiles disputes that.", {"Korr Textiles": "organization"})
    assert of_kind(narrator, "denial") == []
    proposal = build("Ilse Varga proposed a toll on the bridge. Korr Textiles rejected that.",
                     {"Ilse Varga": "person", "Korr Textiles": "organization"},
                     [("a toll on the bridge", "Ilse Varga")])
    assert of_kind(proposal, "denial") == []
    own_clause = build("\"The mill is ours,\" said Ilse Varga.\n\n"
                       "The land was sold in 1990, although Korr Textiles disputes this.",
                       {"Ilse Varga": "person", "Korr Textiles": "organization"},
                       [("The mill is ours,", "Ilse Varga")])
    assert of_kind(own_clause, "denial") == []  # 'this' is the sentence's own clause, not Varga's words


def test_durations_with_their_bounds_and_what_they_measure():
    a = build("The ferry had been held for two days, Ilse Varga said. The owners said the vessel was released "
              "within hours. The search lasted no more than six hours.",
              {"Ilse Varga": "person"}, [("The ferry had been held for two days", "Ilse Varga")])
    held, released, search = of_kind(a, "duration")
    assert held.actor == "ilse-varga" and held.value["measure"] == "custody" and held.value["thing"] == "=vessel"
    assert held.value["low"] < 2 * 86400 < held.value["high"]
    assert released.value["thing"] == "=vessel" and released.value["low"] == 0 and released.value["high"] == 86400
    assert search.value["high"] < 7 * 3600 and search.value["measure"].startswith("last:")


def test_points_in_time_and_forecasts_are_no_durations():
    a = build("The ferry was released two days later. The port had been shut for the past two days. "
              "The repairs would take two weeks. The pickets lasted two hours a day.")
    assert of_kind(a, "duration") == []


def test_a_count_of_the_speakers_is_no_figure_they_give():
    """"three sources familiar with the plans said": the number counts who speaks, it is not what they
    say; a figure in what they say stays a value claim."""
    from conftest import analyze_text

    analysis = analyze_text("Harwick mill to shut, sources say\n\n"
                            "The Harwick textile mill will close in March, three sources familiar with the plans "
                            "said on Tuesday.\n\n"
                            "The mill employs 240 workers, one source familiar with the plans said.", "2026-02-10")
    values = [(c.value["value"], c.value["unit"]) for c in analysis.claims if c.kind == "value"]
    assert (240, "worker") in values
    assert not [v for v in values if v[1] == "source"]
    assert not [d for d in analysis.disputes if d.kind == "fact"]


def test_nothing_of_the_sort_happened_is_no_status_of_the_event_before_it():
    """A negative subject denies what was said ("Nothing of the sort happened"); it says nothing of
    whether the call before it was held, so it disputes no one who says it was."""
    from conftest import analyze_text

    analysis = analyze_text("Council denies talks row\n\n"
                            "The two mayors held a phone call on Monday, the Harwick Gazette reported, and the call "
                            "took place in a tense mood.\n\n"
                            "Mayor Ada Lind said the governor never raised the budget during the call. "
                            "\u201cNothing of the sort happened,\u201d Lind said.", "2026-02-10")
    statuses = [(c.actor, c.value["status"], c.polarity) for c in analysis.claims if c.kind == "status"]
    assert ("harwick-gazette", "held", True) in statuses
    assert not [s for s in statuses if s[0] == "ada-lind"]
    assert not [d for d in analysis.disputes if d.kind == "status"]


@pytest.mark.parametrize("fired, resigned", [
    ("\u201cI asked Tomas for his resignation, which was given to me this morning,\u201d Lind said.",
     "\u201cI offered to resign last night,\u201d Brenner told the Harwick Gazette. \u201cLet's be clear: I resigned.\u201d"),
    ("Lind said she had asked Tomas Brenner to resign.",
     "Brenner said he had quit of his own accord."),
])
def test_a_person_pushed_out_against_one_who_left_is_a_status_dispute(fired, resigned):
    """A person's exit is said of the person: "asked for his resignation" (pushed out) and "I offered to
    resign" (left of his own accord) by two sources are one dispute about Tomas Brenner."""
    from conftest import analyze_text

    analysis = analyze_text("Harwick port chief out after row with mayor\n\n"
                            "Mayor Ada Lind and the port director, Tomas Brenner, disagreed for months over the "
                            f"harbour budget.\n\n{fired}\n\nBrenner disputed that account. {resigned}", "2026-02-10")
    exits = {(c.actor, c.value["status"]) for c in analysis.claims
             if c.kind == "status" and c.value["topic"] == "exit:tomas-brenner"}
    assert ("ada-lind", "dismissed") in exits and ("tomas-brenner", "resigned") in exits
    dispute = next(d for d in analysis.disputes if d.kind == "status")
    assert dispute.summary.startswith("Whether Tomas Brenner was pushed out or left of their own accord")


@pytest.mark.parametrize("rebuttal, called", [
    ("\u201cThe Gazette is lying (again),\u201d Quist wrote on Saturday.", "lying"),
    ("Quist said the Gazette was wrong.", "wrong"),
    ("Quist said the Gazette did not tell the truth.", "not truthful"),
])
def test_a_source_called_a_liar_is_a_denial_of_its_account(rebuttal, called):
    """The rebuttal's target is the account of the source it names: "Reuters is lying" rejects what
    Reuters reported."""
    from conftest import analyze_text

    analysis = analyze_text("Carmaker chief attacks report on cheap model\n\n"
                            "The Harwick Gazette reported on Friday that Voltan Motors had scrapped plans for a "
                            "low-cost car, citing three people familiar with the matter.\n\n"
                            f"Voltan chief executive Mara Quist rejected the story. {rebuttal}", "2026-02-10")
    denials = [c.value for c in analysis.claims if c.kind == "denial" and c.value.get("called") == called]
    assert denials and denials[0]["target_actor"] == "harwick-gazette"
    assert any(d.kind == "denial" and "Harwick Gazette" in d.summary for d in analysis.disputes)


@pytest.mark.parametrize("sentence", [
    "The draft plans were lying on the mayor's desk, Quist said.",
    "\u201cHe is lying,\u201d Quist said of a rival.",
])
def test_lying_that_names_no_source_denies_nothing(sentence):
    from conftest import analyze_text

    analysis = analyze_text("Carmaker chief attacks report on cheap model\n\n"
                            "The Harwick Gazette reported on Friday that Voltan Motors had scrapped plans for a "
                            f"low-cost car.\n\n{sentence}", "2026-02-10")
    assert not [c for c in analysis.claims if c.kind == "denial" and c.value.get("called") in ("lying", "wrong")]


def test_the_account_disputed_right_after_a_report_is_that_report():
    """"But the council disputed the account.": with nothing else in its sentence, "the account" is the
    one just given."""
    from conftest import analyze_text

    analysis = analyze_text("Mayor knew of complaint, paper says\n\n"
                            "According to the Harwick Gazette, Mayor Ada Lind was told of the complaint against "
                            "her deputy in March.\n\nBut the city council disputed the account.", "2026-02-10")
    denial = next(c for c in analysis.claims if c.kind == "denial")
    assert denial.value["target_actor"] == "harwick-gazette"
    assert any(d.kind == "denial" for d in analysis.disputes)


@pytest.mark.parametrize("one, other, clash", [
    ("The Harwick Human Rights Commission said on Monday that 39 people have died in the protests.",
     "President Ada Lind said the number of those killed in the protests was 19, and not more.", True),
    ("The health ministry said at least 500 people were killed in the blast.",
     "The governor said 19 people died in the blast.", True),
    ("The health ministry said at least 500 people were killed in the blast.",
     "The relief agency said at least six people were killed in the blast.", False),
    ("The health ministry said up to 300 people were killed in the blast.",
     "The governor said 120 people died in the blast.", False),
])
def test_death_tolls_worded_differently_are_one_measure_and_bounds_are_compared_as_bounds(one, other, clash):
    """'39 people have died' and 'the number of those killed was 19' are both the death toll; 'at least
    500' against 'at least six' is no dispute, against 19 it is."""
    from conftest import analyze_text

    analysis = analyze_text(f"Toll of Harwick riots disputed\n\n{one}\n\n{other}", "2026-02-10")
    tolls = [c for c in analysis.claims if c.kind == "value" and c.value.get("measure") == "deaths"]
    assert len(tolls) == 2
    disputes = [d for d in analysis.disputes if d.kind == "fact"]
    assert bool(disputes) == clash
    if clash:
        assert disputes[0].summary.startswith("Figures disagree on the death toll")


def test_an_estimate_of_what_happened_is_a_figure_not_a_forecast():
    from conftest import analyze_text

    analysis = analyze_text("Harwick march draws thousands\n\n"
                            "Police estimated that 24,000 people were at the pension rally at its peak.\n\n"
                            "The organisers said 103,000 people were at the pension rally.", "2026-02-10")
    counts = {c.actor: c.value for c in analysis.claims if c.kind == "value"}
    assert not counts["police"]["forecast"] and counts["police"]["measure"] == "turnout"
    assert any(d.kind == "fact" and "the turnout" in d.summary for d in analysis.disputes)


def test_a_relayed_claim_keeps_whom_its_source_cites_and_the_outlet_that_carries_it():
    """In a Norrick Wire story, "the Gazette said, citing two council officials" is the Gazette's claim,
    citing two council officials, relayed by Norrick Wire; the wire's own words are relayed by no one."""
    import nonpaper

    analysis = nonpaper.analyze("Harwick ferry contract scrapped, paper says\n\n"
                                "The city cancelled the ferry contract on Monday, the Harwick Gazette said, citing two "
                                "council officials.\n\nThe ferry has run since 1998.", published="2026-02-10",
                                outlet="Norrick Wire")
    gazette = next(c for c in analysis.claims if c.actor == "harwick-gazette")
    assert gazette.origin_text == "two council officials" and gazette.relays == ["Norrick Wire"]
    assert all(c.relays == [] for c in analysis.claims if c.actor is None)


def test_across_articles_each_side_names_the_outlets_that_carry_it():
    from nonpaper.cli import render
    from nonpaper.ingest import article_from_string
    from nonpaper.pipeline import analyze_article, build_corpus

    first = ("Harwick ferry talks with Brack Lines called off, paper says\n\n"
             "The city council has called off the Harwick ferry talks with Brack Lines, the Harwick Gazette said on "
             "Monday, citing two council officials.\n\nMayor Ada Lind did not comment on the Brack Lines ferry contract.")
    second = ("Mayor says Harwick ferry talks with Brack Lines postponed\n\n"
              "Mayor Ada Lind said on Tuesday that the Harwick ferry talks with Brack Lines had been postponed.\n\n"
              "Brack Lines runs the Harwick ferry.")
    corpus = build_corpus([
        analyze_article(article_from_string(first, published="2026-02-10", outlet="Norrick Wire", id="wire")),
        analyze_article(article_from_string(second, published="2026-02-11", outlet="Castrel Courier", id="courier"))])
    sides = {c.actor: (c.origin_text, c.relays) for d in corpus.disputes for c in d.claims}
    assert sides == {"harwick-gazette": ("two council officials", ["Norrick Wire"]),
                     "ada-lind": (None, ["Castrel Courier"])}
    text = render.markdown(corpus)
    assert "Harwick Gazette, citing two council officials; relayed by Norrick Wire" in text
    assert "Ada Lind; relayed by Castrel Courier" in text


@pytest.mark.parametrize("second, disputed", [
    ("Ostrava's army said a failed rocket launch by the Red Brigade was responsible for the blast.", True),
    ("Ostrava's army said the blast was caused by a faulty fuel pump.", True),
    ("Ostrava's army said its own air strike was responsible for the blast.", False),
    ("Ostrava's army blamed the blast on Tuesday's storm.", True),
])
def test_two_sources_giving_one_event_different_causes_are_a_cause_dispute(second, disputed):
    """The issue's own case, in invented names: the ministry blames an air strike, the army a failed
    rocket launch by a militia; the army owning the strike agrees (same agent, same words)."""
    from conftest import analyze_text

    analysis = analyze_text("Dozens killed in blast at Harwick depot\n\n"
                            "The regional health ministry blamed an Ostravan air strike for the blast at the Harwick "
                            f"fuel depot on Tuesday.\n\n{second}", "2026-02-10")
    causes = [c for c in analysis.claims if c.kind == "cause"]
    assert causes[0].value["cause"] == ["air", "strike"] and causes[0].value["effect"] == ["blast"]
    found = [d for d in analysis.disputes if d.kind == "cause"]
    assert bool(found) == disputed
    if disputed:
        assert found[0].summary.startswith("What caused the blast: Regional health ministry blames an Ostravan air strike")
