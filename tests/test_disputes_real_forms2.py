"""Forms real news gives a dispute, second part (issue 15), each on a short article written for this test:
a falsehood credited to its author, a question that asserts nothing, a lede that is not a headline."""
from __future__ import annotations

import re

import pytest

from conftest import analyze_text
from nonpaper.claims.find import asks_only
from nonpaper.ingest.layout import build_article


def _sides(analysis, kind: str | None = "denial") -> list[set[str]]:
    """The names of the actors on each dispute of an analysis (of one kind, or any with None)."""
    names = {x.id: x.name for x in analysis.actors}
    return [{names.get(c.actor, "") for c in d.claims} for d in analysis.disputes if kind is None or d.kind == kind]


def _set_against(analysis, one: str, other: str, kind: str | None = "denial") -> bool:
    """Is there a dispute with an actor named with `one` on one side and one named with `other`?"""
    return any(any(one in n for n in s) and any(other in n for n in s) for s in _sides(analysis, kind))


FICTION_BY = """Harbour levy row

Asked on Tuesday whether the port would double its levy, Mayor Ilse Varga said: "At no point did I say we would double the levy. That was a fiction made up by the Castrel Courier."

On Monday the Castrel Courier reported that the mayor planned to double the harbour levy next year.
"""


def test_a_falsehood_credited_to_its_author_answers_that_authors_account():
    a = analyze_text(FICTION_BY, published="2026-05-12")
    assert _set_against(a, "Varga", "Courier"), \
        [d.summary for d in a.disputes]


@pytest.mark.parametrize("text, only", [
    ("Are you still going to double the levy? Are you still donating $45 million?", True),
    ("Will the port close?”", True),
    ("Why would we? We never planned it.", False),  # an answer follows the question
    ("We never planned it.", False),
])
def test_a_question_asserts_nothing(text, only):
    assert asks_only(text) is only


def test_a_reporters_question_is_no_account_to_dispute():
    a = analyze_text("Levy questions\n\nA reporter asked Varga: \"Are you still going to double the levy?\"\n\n"
                     "Varga said the levy would stay as it is.\n", published="2026-05-12")
    assert not any("double the levy?" in c.text for c in a.claims if c.kind == "statement")


@pytest.mark.parametrize("first, title", [
    ("Mayor Ilse Varga on Monday denied reports that she plans to double the harbour levy on cargo ships next year.", None),
    ("Castrel mayor denies levy report", "Castrel mayor denies levy report"),
    ("Will Castrel double its harbour levy?", "Will Castrel double its harbour levy?"),
    # headlines some outlets end with a full stop: short, or capitalised
    ("Castrel mayor denies plan to double the harbour levy.", "Castrel mayor denies plan to double the harbour levy."),
    ("Varga: Castrel Will Not Double The Harbour Levy On Cargo Ships Next Year, Whatever The Courier Says.",
     "Varga: Castrel Will Not Double The Harbour Levy On Cargo Ships Next Year, Whatever The Courier Says."),
])
def test_a_first_paragraph_that_reads_as_a_sentence_is_the_lede(first, title):
    article = build_article(first + "\n\nThe Castrel Courier reported on Monday that the levy would double.\n")
    assert article.title == title
    assert (first in article.text) is (title is None)


RELAYED = """Chip report denied

"A Castrel Courier report on Monday cited four unnamed sources who claimed that spies had placed chips inside the servers of Norrvik Systems," Anna Brek reports. "Norrvik Systems denied the allegations made in the report," Brek reports.

The Castrel Courier said on Tuesday that it stood by its reporting.
"""

TOLD_ME = """Debt row

Tomas Feld said on Tuesday: "Martin Kessler told my lawyers that I paid off his debts. All of this has been a complete lie."

Martin Kessler, his former business partner, could not be reached for comment.
"""


def test_a_report_told_inside_a_quotation_is_its_own_source_s_account():
    a = analyze_text(RELAYED, published="2026-05-12")
    names = {x.id: x.name for x in a.actors}
    nested = [c for c in a.claims if c.kind == "statement" and (c.value or {}).get("quote_kind") == "nested"]
    assert any("Courier" in names.get(c.actor, "") and "spies had placed chips" in c.text for c in nested), \
        [(names.get(c.actor), c.text) for c in nested]
    relayer = next(i for i, n in names.items() if "Brek" in n)
    assert all(c.relays[:1] == [relayer] for c in nested)


def test_a_denial_of_a_relayed_report_answers_its_source_not_the_relay():
    a = analyze_text(RELAYED, published="2026-05-12")
    assert _set_against(a, "Norrvik", "Courier"), \
        [d.summary for d in a.disputes]
    assert not any(any("Brek" in n for n in s) for s in _sides(a))


def test_a_pronoun_or_an_unnamed_source_inside_a_quotation_makes_no_account():
    a = analyze_text("Levy row\n\n\"Officials told me that the levy would double,\" Ilse Varga said. "
                     "\"He told me that it would not,\" she added.\n", published="2026-05-12")
    assert not [c for c in a.claims if (c.value or {}).get("quote_kind") == "nested"]


def test_a_named_source_inside_a_quotation_is_set_against_the_speaker_who_calls_it_a_lie():
    a = analyze_text(TOLD_ME, published="2026-05-12")
    names = {x.id: x.name for x in a.actors}
    nested = [c for c in a.claims if (c.value or {}).get("quote_kind") == "nested"]
    assert any("Kessler" in names.get(c.actor, "") and "paid off his debts" in c.text for c in nested), \
        [(names.get(c.actor), c.text) for c in a.claims]


def test_the_allegations_denied_with_no_word_in_common_are_those_just_told():
    a = analyze_text("Minister accused\n\nThe Castrel Courier reported on Sunday that in 2018 Minister Lars Eide made "
                     "unwanted advances towards a young aide. The newspaper said the minister had pushed the aide against "
                     "a wall in 2017. He did not respond to the radio but denied the allegations to newspapers.\n",
                     published="2026-05-12")
    assert _set_against(a, "Eide", "Courier"), \
        [d.summary for d in a.disputes]


@pytest.mark.parametrize("body", [
    # the people counted hang from a verb of reporting: what they underwent is further down the chain
    "The Varland ambassador said about 6,000 people were confirmed to have died. But the Red Cross said 11,300 people died.",
    # "that number" points back at the figure before it
    "The Varland ambassador said about 6,000 people died in the floods. But the Red Cross put that number higher, at 11,300.",
])
def test_two_death_tolls_worded_apart_are_set_against_each_other(body):
    a = analyze_text("Flood toll\n\n" + body + "\n", published="2026-05-12")
    facts = [d for d in a.disputes if d.kind == "fact"]
    assert any("6,000" in d.summary and "11,300" in d.summary for d in facts), [d.summary for d in a.disputes]


@pytest.mark.parametrize("sentence", [
    "The Varland Red Cross disagrees with the Varland Health Ministry on the cause of death.",
    "The Varland Red Cross contradicted the Varland Health Ministry on the cause of death.",
])
def test_a_source_said_to_disagree_with_another_rejects_its_account(sentence):
    body = ("The Varland Health Ministry's report states that the patient died of heart failure.\n\n"
            + sentence + ' "He was choked," a Varland Red Cross doctor said.\n')
    a = analyze_text("Autopsy row\n\n" + body, published="2026-05-12")
    names = {x.id: x.name for x in a.actors}
    found = [d for d in a.disputes if d.kind == "denial"]
    assert any({"Varland Red Cross", "Varland Health Ministry"} <= {names.get(c.actor) for c in d.claims} for d in found), \
        [d.summary for d in a.disputes]
    assert any("heart failure" in c.text for d in found for c in d.claims)  # the ministry's own account, from its report


@pytest.mark.parametrize("denier, other, found", [
    # a quality said not to hold, against the same root in another form, in the next paragraph
    ('Coach Lena Varga says the handshake was not consensual.',
     '"What we had was a friendly act that both of us consented to," Tomas Feld said.', True),
    ('"At no time did I consent to the handshake," Coach Lena Varga said.',
     'Tomas Feld said the handshake was "mutual and consensual".', True),
    # the same verb alone, said of different things, is no dispute
    ('"The league has not been contacted by the police," Lena Varga said.',
     'Tomas Feld said his lawyers have contacted the tax office.', False),
])
def test_a_quality_denied_against_its_root_in_another_form(denier, other, found):
    a = analyze_text(f"Handshake row\n\n{denier}\n\n{other}\n", published="2026-05-12")
    assert _set_against(a, "Varga", "Feld") is found, [d.summary for d in a.disputes]


LISTED = """Crash briefing

General Lars Eide told a news briefing in Ostrava that:

  \u2022 Varland fighter jets had flown within 3km of the airliner before it crashed.

  \u2022 Ostrava never supplied the rebels with missiles.

Watch the full briefing below.
"""


def test_the_bulleted_points_after_a_colon_are_the_speakers_claims():
    a = analyze_text(LISTED, published="2026-05-12")
    names = {x.id: x.name for x in a.actors}
    said = {c.text: names.get(c.actor) for c in a.claims if c.kind == "statement"}
    points = [t for t in said if "fighter jets" in t or "never supplied" in t]
    assert len(points) == 2 and all(said[t] == "Lars Eide" for t in points), said
    assert not any(t.strip() == "\u2022" for t in said)  # a bullet alone is no claim
    assert said.get("Watch the full briefing below.") is None  # the list ends with its bullets


@pytest.mark.parametrize("one, other, found", [
    # did not know, against knew at a date
    ('Lars Eide said he had not known anything about the faulty valves.',
     'The Castrel Courier reported that Lars Eide knew about the faulty valves as early as May 2014.', True),
    # a first time against an earlier one
    ('Norrvik Systems said it first became aware of the leak in December 2015.',
     'The Castrel Courier reported that an engineer warned Norrvik Systems about the leak in September 2015.', True),
    # knowledge of different things is no dispute
    ('Lars Eide said he was not aware of any specific complaints.',
     'The Castrel Courier reported that Lars Eide was aware of media reports about the valves.', False),
    # not knowing whether someone was told asserts nothing of their knowledge
    ('Lars Eide said he did not know if Anna Brek had been briefed about the valves.',
     'The Castrel Courier reported that Anna Brek was not aware of the valves.', False),
])
def test_who_knew_what_and_since_when(one, other, found):
    a = analyze_text(f"Valve row\n\n{one}\n\n{other}\n", published="2026-05-12")
    got = any(any("Courier" in n for n in s) and len(s) > 1 for s in _sides(a, None))
    assert got is found, [d.summary for d in a.disputes]


def test_a_named_report_dismissed_before_it_is_told_is_still_its_owners_account():
    a = analyze_text("Crash report row\n\nUnion leader Lars Eide dismissed the Castrel Courier report as misleading "
                     "and unfounded.\n\nThe Castrel Courier reported that investigators believe the captain shut off "
                     "the fuel supply.\n", published="2026-05-12")
    assert _set_against(a, "Eide", "Courier"), \
        [d.summary for d in a.disputes]


@pytest.mark.parametrize("sentence, found", [
    ("The pilots' union condemned the Castrel Courier report on Tuesday.", True),
    ("The Varland Air Safety Board slammed the Castrel Courier over its report on Tuesday.", True),
    ("The Varland Air Safety Board condemned the attack on Tuesday.", False),  # no account rebuked
])
def test_a_rebuke_of_a_report_rejects_its_owners_account(sentence, found):
    body = ("The Castrel Courier reported on Monday that the captain shut off the fuel supply of the Varland Air jet.\n\n"
            + sentence + ' "The investigation is not complete," the Varland Air Safety Board said.\n')
    a = analyze_text("Crash report row\n\n" + body, published="2026-05-12")
    got = any(any("Courier" in n for n in s) and len(s) > 1 for s in _sides(a))
    assert got is found, [d.summary for d in a.disputes]


def test_a_source_said_to_mislead_is_answered():
    a = analyze_text("Strike row\n\nThe Castrel Dockers' Union said it represents nearly 10,000 port workers.\n\n"
                     '"The union has continued to mislead the public about how many workers it represents," '
                     "Norrvik Ports said.\n", published="2026-05-12")
    names = {x.id: x.name for x in a.actors}
    found = [d for d in a.disputes if d.kind == "denial"]
    assert any(any("Norrvik" in names.get(c.actor, "") for c in d.claims)
               and any("Union" in names.get(c.actor, "") for c in d.claims) for d in found), [d.summary for d in a.disputes]
    assert any("misleading" in d.summary for d in found)


def test_a_figure_its_verb_denies_is_no_figure_given():
    a = analyze_text('Storm toll\n\n"3,000 people did not die in the storm," Lars Eide wrote.\n', published="2026-05-12")
    assert not [c for c in a.claims if c.kind == "value" and (c.value or {}).get("value") == 3000]


@pytest.mark.parametrize("sentence, agent", [
    ("The Swedish government called the dam's destruction a deliberate act of sabotage by Norway.", "norway"),
    ('"This was deliberate sabotage by Norway," said Swedish government spokesman Lars Eide.', "norway"),
    ('"The dam\'s destruction was the work of Norway," said Swedish government spokesman Lars Eide.', "norway"),
    ("Norway's sabotage of the dam was condemned.", None),  # no 'by': nobody is named as the doer here
])
def test_an_act_said_to_be_done_by_someone_names_the_cause(sentence, agent):
    a = analyze_text("Dam row\n\nNorway and Sweden traded claims on Tuesday over the burst dam.\n\n"
                     + sentence + "\n", published="2026-05-12")
    causes = [c for c in a.claims if c.kind == "cause" and re.search("sabotage|work", (c.value or {}).get("cause_text", ""))]
    assert [c.value.get("agent") for c in causes][:1] == ([agent] if agent else []), [(c.text, c.value) for c in causes]


def test_who_knew_is_set_across_two_outlets_of_one_story():
    from nonpaper.ingest import article_from_string
    from nonpaper.pipeline import analyze_article, build_corpus

    first = ("Valve maker chief under fire\n\nNorrvik chief executive Lars Eide said on Monday he had not known "
             "anything about the faulty valves at the Castrel plant before the recall.")
    second = ("Courier: Eide was warned\n\nNorrvik chief executive Lars Eide knew about the faulty valves at the "
              "Castrel plant as early as May 2014, the Castrel Courier reported on Tuesday, citing internal emails.")
    corpus = build_corpus([
        analyze_article(article_from_string(first, published="2026-04-10", outlet="Norrick Wire", id="wire")),
        analyze_article(article_from_string(second, published="2026-04-11", outlet="Castrel Courier", id="courier"))])
    across = [d for d in corpus.disputes if set(d.articles) == {"wire", "courier"}]
    assert any(d.summary.startswith("When") for d in across), [d.summary for d in corpus.disputes]


def test_a_denial_in_reported_words_is_their_speakers():
    a = analyze_text("Crash row\n\nThe Castrel Courier reported that Varland jets had flown near the airliner.\n\n"
                     "Varland's prime minister Lars Eide swiftly responded by flatly denying the Courier's claims.\n",
                     published="2026-05-12")
    assert _set_against(a, "Eide", "Courier"), \
        [d.summary for d in a.disputes]


def test_a_relay_after_a_figure_does_not_give_it():
    a = analyze_text("March size\n\nCNN reported on Sunday that the march was the largest in years.\n\n"
                     '"Around 1.03 million people attended the march, CNN reported," organiser Jimmy Sham said on Monday.\n',
                     published="2026-05-12")
    names = {x.id: x.name for x in a.actors}
    givers = [names.get(c.actor) for c in a.claims if c.kind == "value" and (c.value or {}).get("value") == 1030000]
    assert givers == ["Jimmy Sham"], givers


@pytest.mark.parametrize("title, state_office", [
    ("The president of the Federation of Indian Pilots", False),  # the federation's office
    ("head of the Indian Pilots Guild", False),
    ("Minister of Foreign Affairs of India", True),
    ("Indian foreign ministry spokesman", True),
])
def test_an_office_of_a_named_body_is_no_state_office(title, state_office):
    from nonpaper.claims.sources import _state_office
    from nonpaper.model import Actor
    india = Actor(id="india", name="India", kind="government", aliases=["India"])
    person = Actor(id="p", name=title, kind="unnamed", aliases=[title], titles=[title])
    assert _state_office(person, india) is state_office


def test_the_head_of_a_body_named_first_in_the_speaker_phrase_speaks_for_the_body():
    a = analyze_text('Report row\n\nThe president of the Federation of Indian Pilots condemned the Wall Street Journal '
                     'report, saying, "The preliminary report nowhere states that the pilots moved the switches."\n',
                     published="2026-05-12")
    names = {x.id: x.name for x in a.actors}
    assert "Federation of Indian Pilots" in names.values(), names
    assert {names.get(q.speaker) for q in a.quotes if q.speaker} == {"Federation of Indian Pilots"}


def test_a_study_conducted_by_a_body_speaks_for_it():
    a = analyze_text("Storm toll\n\nA study conducted by George Washington University found that an estimated 2,975 "
                     "people died in Puerto Rico.\n", published="2026-05-12")
    names = {x.id: x.name for x in a.actors}
    assert [names.get(q.speaker) for q in a.quotes] == ["George Washington University"]


@pytest.mark.parametrize("raw, published", [
    (" date 2023-10-10 Jenni Varga has once again insisted that the handshake was not agreed, in a long interview "
     "given to the Castrel Courier on Monday evening.\n\nShe said so twice.\n", "2023-10-10"),
    ("date 2023-10-10\n\nJenni Varga has once again insisted that the handshake was not agreed.\n\nMore.\n", "2023-10-10"),
])
def test_a_page_opening_with_its_date_field_is_dated_by_it(raw, published):
    article = build_article(raw)
    assert article.published == published
    assert "date 2023" not in (article.title or "") + article.text


def test_one_source_in_two_outlets_is_not_set_against_itself():
    from nonpaper.ingest import article_from_string
    from nonpaper.pipeline import analyze_article, build_corpus

    first = ('Storm toll row\n\n"3,000 people did not die in the storm," Lars Eide wrote on Thursday.')
    second = ("Toll questioned\n\nEide said the storm toll was inflated. Lars Eide has questioned the storm toll "
              "before, saying the deaths of 3,000 people in the storm were counted twice.")
    corpus = build_corpus([
        analyze_article(article_from_string(first, published="2026-04-10", outlet="Norrick Wire", id="wire")),
        analyze_article(article_from_string(second, published="2026-04-11", outlet="Castrel Courier", id="courier"))])
    for d in corpus.disputes:
        assert len({c.actor for c in d.claims if c.actor}) > 1, d.summary


@pytest.mark.parametrize("sentence, held", [
    ("The Varland government said Ostrava was refusing to reach an agreement.", False),
    ("The Varland government said the two sides failed to agree on a ceasefire.", False),
    ("The Varland government said the two sides reached an agreement.", True),
])
def test_a_status_kept_from_holding_is_said_not_to_hold(sentence, held):
    a = analyze_text("Truce talks\n\n" + sentence + "\n", published="2026-05-12")
    statuses = [c for c in a.claims if c.kind == "status" and (c.value or {}).get("status") == "agreed"]
    assert statuses and all(c.polarity is held for c in statuses), [(c.text, c.polarity) for c in statuses]


@pytest.mark.parametrize("police", [
    "Meanwhile, the Castrel police have pegged the number of protesters at around 240,000.",
    "The Castrel police estimated 240,000 protesters.",
])
def test_a_body_that_puts_a_figure_on_the_crowd_is_its_source(police):
    a = analyze_text("March size\n\nThe organisers said 1.03 million people marched.\n\n" + police + "\n",
                     published="2026-05-12")
    assert _set_against(a, "organisers", "police", kind="fact"), [d.summary for d in a.disputes]


def test_a_group_that_disagrees_is_a_source_of_its_own():
    a = analyze_text("Autopsy row\n\nThe Varland Health Ministry said the patient died of heart failure.\n\n"
                     "The Okafor family disagrees with the Varland Health Ministry on the cause of death.\n",
                     published="2026-05-12")
    assert _set_against(a, "Okafor family", "Health Ministry"), [d.summary for d in a.disputes]
