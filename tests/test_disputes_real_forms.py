"""More forms real news gives a dispute (issue 15), each on a short article written for this test: who
speaks for a state, a denial told before the account it rejects, and what a denial's clause is not."""
from __future__ import annotations

import pytest

from conftest import analyze_text
from nonpaper.claims.sources import _state_office
from nonpaper.model import Actor


def _person(title: str) -> Actor:
    return Actor(id="p", name="Lars Eide", kind="person", aliases=["Lars Eide"], titles=[title])


def _denial_sides(analysis) -> list[set[str]]:
    """The names of the actors on each denial dispute of an analysis."""
    names = {x.id: x.name for x in analysis.actors}
    return [{names.get(c.actor, "") for c in d.claims} for d in analysis.disputes if d.kind == "denial"]


QATAR = Actor(id="qatar", name="Qatar", kind="government", aliases=["Qatar", "Doha"])


@pytest.mark.parametrize("title, speaks", [
    ("Qatari foreign ministry spokesman", True),   # the country's adjective and a state office
    ("Qatar's foreign minister", True),            # the country's name
    ("Qatari prime minister", True),
    ("Qatari journalist", False),                  # the adjective, but no office of the state
    ("Norwegian foreign ministry spokesman", False),  # another state's office
])
def test_a_state_office_speaks_for_its_country(title, speaks):
    assert _state_office(_person(title), QATAR) is speaks


DENIAL_FIRST = """Tessin flood toll disputed

The Varland Red Cross on Sunday denied that the floods in Tessin had killed 4,200 people.

"We never gave such a number," its spokesman said.

The Ostrava Relief Office said on Saturday that the flooding had resulted in 4,200 deaths.
"""


def test_a_denial_told_before_the_account_it_rejects_finds_it_by_its_figure():
    a = analyze_text(DENIAL_FIRST, published="2026-05-12")
    sides = _denial_sides(a)
    assert any(any("Red Cross" in n for n in s) and any("Relief Office" in n for n in s) for s in sides), \
        [d.summary for d in a.disputes]


def test_what_a_source_denies_is_not_also_its_statement():
    a = analyze_text(DENIAL_FIRST, published="2026-05-12")
    names = {x.id: x.name for x in a.actors}
    said = [c.text for c in a.claims if c.kind == "statement" and "Red Cross" in names.get(c.actor, "")]
    assert not any("4,200" in t for t in said), said


@pytest.mark.parametrize("name, head", [
    ("Ministry of Foreign Affairs", "ministry"),  # the head comes before "of"
    ("Qatar's Ministry of Foreign Affairs", "ministry"),
    ("Brenton Police Service", "service"),
])
def test_the_head_of_a_body_name(name, head):
    from nonpaper.claims.sources import _head_word
    assert _head_word(name) == head


WARNED = """Strike warning disputed

The White House said on Tuesday that the president had told Qatari officials of the strike before it began.

Qatar's Ministry of Foreign Affairs rejected the claim, saying it was not told of the strike in advance. Ministry spokesperson Majed Salem wrote on X that the American call came during the sound of the explosions.
"""


def test_a_ministry_spokesperson_is_shown_with_the_state_that_denies():
    a = analyze_text(WARNED, published="2026-05-12")
    sides = _denial_sides(a)
    assert any({"Majed Salem", "United States"} <= s for s in sides), [d.summary for d in a.disputes]


# "not X" answering X, without a denial verb: the same verb and the same figure, or two more words
NEGATED = [
    ("The Harbour Ledger reported that Ola Brenn was planning to donate $45 million a month to the Civic Party.\n\n"
     "\"I am not donating $45 million a month to the Civic Party,\" Brenn said on Tuesday.", True),
    ("The Harbour Ledger reported that the port authority would close the north quay for the winter.\n\n"
     "\"We will not close the north quay this winter,\" port director Ola Brenn said.", True),
    # a different verb: no answer to the report
    ("The Harbour Ledger reported that Ola Brenn was planning to donate $45 million a month to the Civic Party.\n\n"
     "\"I am not worried about the Civic Party,\" Brenn said on Tuesday.", False),
    # a quotation inside another repeats it
    ("\"He told me, 'if you are not frightened of the fog, you have not understood it',\" pilot Ana Vell said "
     "of her mentor Ola Brenn.", False),
]


@pytest.mark.parametrize("body, answered", NEGATED)
def test_a_negated_restatement_answers_the_account(body, answered):
    a = analyze_text("Harbour news\n\n" + body, published="2026-05-12")
    negations = [c for c in a.claims if c.kind == "denial" and (c.value or {}).get("how") == "negated"
                 and c.value.get("target")]
    assert bool(negations) == answered, [(c.text, c.value) for c in negations]


def test_a_report_denied_in_the_lede_is_the_outlet_account_told_after_it():
    a = analyze_text("Ferry plan\n\nNorvik chief executive Ola Brenn denied a report that the company is scrapping "
                     "plans for a cheaper ferry.\n\nThe Harbour Ledger reported on Friday that Norvik was giving up "
                     "its long-planned cheaper ferry, citing three people familiar with the matter.",
                     published="2026-05-12")
    sides = _denial_sides(a)
    assert any({"Ola Brenn", "Harbour Ledger"} <= {n.replace("The ", "") for n in s} for s in sides), \
        [d.summary for d in a.disputes]


def test_state_television_is_a_side_of_a_cause_dispute():
    a = analyze_text("Plane crash\n\nState television blamed a bird strike for the crash. One source said the plane "
                     "was struck by an air defence system.", published="2026-05-12")
    assert [d.kind for d in a.disputes] == ["cause"], [d.summary for d in a.disputes]


def test_the_day_a_figure_is_given_is_not_the_day_it_counts():
    a = analyze_text("Crush toll disputed\n\nSaudi authorities said 769 pilgrims died in the crush near Mecca on "
                     "Thursday.\n\nIran's hajj organisation said on Saturday that at least 4,700 pilgrims had been "
                     "killed.", published="2026-05-12")
    assert [d.kind for d in a.disputes] == ["fact"], [d.summary for d in a.disputes]


def test_a_denial_answers_the_accuser_its_sentence_names():
    a = analyze_text("Minister denies plan to quit\n\nForeign Minister Ned Tollard on Wednesday denied that he had "
                     "ever considered resigning, after the Harbour Ledger reported that he had been on the verge of "
                     "quitting this summer.", published="2026-05-12")
    sides = _denial_sides(a)
    assert any("Ned Tollard" in s and any("Harbour Ledger" in n for n in s) for s in sides), \
        [d.summary for d in a.disputes]


def test_an_answer_after_the_account_needs_the_verb_and_one_more_word():
    a = analyze_text("Study questioned\n\nDr Lin Varga said the ethics committee of Brenton Hospital had approved "
                     "his study.\n\nThe hospital said it had never approved the study.", published="2026-05-12")
    assert [d.kind for d in a.disputes] == ["denial"], [d.summary for d in a.disputes]


@pytest.mark.parametrize("sentence, denied", [
    ("He did not respond to the Harbour Ledger but denied the allegations to other newspapers.", True),
    ("He did not confirm or deny the allegations.", False),  # "or" keeps the negation over both verbs
    ("He did not deny the allegations.", False),
])
def test_a_negation_stays_with_its_own_verb(sentence, denied):
    a = analyze_text("Minister under fire\n\nOla Brenn now faces six new claims of misconduct. " + sentence,
                     published="2026-05-12")
    assert any(c.kind == "denial" for c in a.claims) == denied, [c.text for c in a.claims if c.kind == "denial"]


@pytest.mark.parametrize("body, found", [
    # a denial in the lede, the account it answers told further down in other words
    ("Brenton Port denied on Monday that its cranes had failed safety checks.\n\n"
     "Inspectors from the Harbour Safety Board said three cranes at the port failed their safety checks in May.", True),
    # the account after it is a denial of its own, parallel to the first: nothing to answer
    ("Brenton Port denied on Monday that its cranes had failed safety checks.\n\n"
     "The Norvik terminal said its cranes had not failed any safety checks.", False),
])
def test_a_denial_with_no_other_tie_answers_the_account_sharing_its_words(body, found):
    a = analyze_text("Port safety\n\n" + body, published="2026-05-12")
    assert any(d.kind == "denial" for d in a.disputes) == found, [d.summary for d in a.disputes]


def test_two_figures_each_given_inside_a_relayed_report():
    a = analyze_text("March draws crowds\n\nThe Brenton Civic Alliance, the group that organised the march, said "
                     "90,000 people took to the streets, while police estimated 30,000 participants at its peak, "
                     "local media reported.", published="2026-05-12")
    names = {x.id: x.name for x in a.actors}
    givers = {names.get(c.actor, c.actor) for c in a.claims if c.kind == "value"}
    assert "Brenton Civic Alliance" in givers, givers
    assert [d.kind for d in a.disputes] == ["fact"], [d.summary for d in a.disputes]


@pytest.mark.parametrize("title, speaks", [
    ("Foreign Office permanent secretary", True),
    ("former Foreign Office permanent secretary", False),  # who held an office speaks for it no longer
    ("ex-Foreign Office spokesman", False),
])
def test_a_former_office_holder_does_not_speak_for_the_office(title, speaks):
    from nonpaper.claims.sources import _current
    person = Actor(id="p", name="Simon Ash", kind="person", aliases=["Simon Ash"], titles=[title])
    assert (title in _current(person)) is speaks


def test_a_source_disowning_the_figures_put_out_in_its_name():
    a = analyze_text("Flood toll\n\nThe Relief Office said at least 4,200 people had died in Tessin, citing the "
                     "Varland Red Cross.\n\nThe Varland Red Cross said it never released those figures to the "
                     "Relief Office.", published="2026-05-12")
    sides = _denial_sides(a)
    assert any(any("Red Cross" in n for n in s) and any("Relief Office" in n for n in s) for s in sides), \
        [d.summary for d in a.disputes]


def test_the_body_a_spokesperson_speaks_for_is_a_side_of_the_dispute():
    a = analyze_text("Ferry plan\n\nThe Harbour Ledger reported on Monday that Norvik Shipping would scrap its cheaper "
                     "ferry.\n\nNorvik Shipping spokeswoman Ana Loft denied the report, saying the ferry plan was "
                     "going ahead.", published="2026-05-12")
    names = {x.id: x.name for x in a.actors}
    bodies = [(names.get(c.actor), names.get(c.via)) for d in a.disputes for c in d.claims if c.via]
    assert ("Norvik Shipping", "Ana Loft") in bodies, [d.summary for d in a.disputes]


@pytest.mark.parametrize("sentence, status", [
    ("Prime Minister Ola Brenn said the Games would go ahead as planned in July.", "planned"),
    ("The council said it would go ahead with the plan.", None),  # the council acts; it is no happening
])
def test_what_goes_ahead_is_a_happening_however_it_is_tagged(sentence, status):
    a = analyze_text("Games in doubt\n\n" + sentence, published="2026-05-12")
    assert [c.value["status"] for c in a.claims if c.kind == "status"][:1] == ([status] if status else [])
