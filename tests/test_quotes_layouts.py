"""Quotes on more layouts of real news (issue 16, tune2 round), one mechanism per test, on short articles
written for these tests (fiction): pull quotes signed on a long line, quoted fragments inside a stance's
object, labels that are no quotes, datelines and date labels before a speaker, interview answers over
several paragraphs, and verbs that do not report speech."""
from __future__ import annotations

import pytest

from nonpaper import actors, quotes
from nonpaper.ingest import article_from_string
from conftest import having, speaker
from nonpaper.text import parse as nlp


def run(text: str):
    """(quotes, registry) of a short article; its first line is the headline."""
    art = article_from_string(text, published="2026-03-02")
    parsed = nlp.parse(art)
    registry = actors.find_actors(parsed)
    return quotes.extract_quotes(parsed, registry), registry


# -- pull quotes signed on a long line ------------------------------------------------------------

@pytest.mark.parametrize("signature,name", [
    ("— Ilse Marren, MD, of the Tovel University Medical Centre’s Institute for Harbour Health, on the "
     "risks of the new ferry schedule for night workers.", "Ilse Marren"),
    ("— Oskar Lind, PhD, of Calvessa College in Norrick, discussing the harbour survey.", "Oskar Lind"),
    ("— Ilse Marren", "Ilse Marren"),
])
def test_pull_quote_signed_on_a_long_line(signature, name):
    text = ("What we heard this week\n\n“The night ferries are a real risk.” " + signature
            + "\n“Nobody measured the noise.” — Pia Holm, of the Tovel Port Authority, on the new quay.")
    found, reg = run(text)
    assert speaker(reg, having(found, "night ferries")) == name
    assert speaker(reg, having(found, "Nobody measured")) == "Pia Holm"


# -- quoted words inside a stance's object ---------------------------------------------------------

@pytest.mark.parametrize("sentence,content,stance", [
    ("Coach Ivo Brann called the Rovers “the best side in the history of the league” after the final.",
     "the Rovers “the best side in the history of the league”", False),
    ("The Tovel Fund attacked the board as having “badly underperformed” its rivals.",
     "the board as having “badly underperformed” its rivals", False),
    ("Senator Ada Brell opposed the “reform” bill on Monday.", "the “reform” bill", True),
    ("Senator Ada Brell stressed the need to avoid “chaos or worse” in the port.", "the need to avoid", True),
    ("Senator Ada Brell opposed the harbour levy on Monday.", "the harbour levy", True),
])
def test_quoted_words_in_a_stance_object_make_a_proposition(sentence, content, stance):
    found, reg = run(f"Cup final\n\n{sentence}")
    q = having(found, content)
    assert q.stance is stance


# -- interview answers over several paragraphs -----------------------------------------------------

QA_RUN_ON = """Q&A with Corin Vale

Corin Vale is the author of the new book The Quays of Halmere. She lives in Tovel.

Q: What inspired you to write the book?

A: A harbour pilot wrote to me about the old quays. I said no at first.

I made nine trips there, from March 2019 to May 2021.

Later the archives opened and I read every ledger they had.

Q: What surprised you?

A: How much the ledgers left out.

Posted by Ann Kalb at 6:00 AM
"""


def test_an_answer_runs_on_into_the_paragraphs_before_the_next_question():
    found, reg = run(QA_RUN_ON)
    for fragment in ("A harbour pilot wrote", "I made nine trips", "Later the archives opened", "How much the ledgers"):
        q = having(found, fragment)
        assert q.kind == "direct" and speaker(reg, q) == "Corin Vale"
    assert not any("What inspired" in q.text or "What surprised" in q.text or "Posted by" in q.text for q in found)


def test_a_quotation_over_two_paragraphs_is_attributed_where_it_ends():
    text = ("Council backs the mayor\n\nThe council of Tovel met on Monday, and deputy mayor Ola Brandt chaired it.\n\n"
            "“A lot of issues were discussed at the meeting, and every councillor was there.\n\n"
            "“At the end, we all passed a vote of confidence in the mayor,” he said.")
    found, reg = run(text)
    assert speaker(reg, having(found, "A lot of issues")) == "Ola Brandt"
    assert speaker(reg, having(found, "At the end")) == "Ola Brandt"


def test_a_cue_inside_quoted_words_attributes_no_other_quotation():
    text = ("Ferry certified next year\n\nHarbour Line chief executive Rune Falk said on Thursday that the new ferry "
            "would be certified in August. Falk said that \"the yard had said about mid-summer.\" "
            "\"I'd guess that it will be certified in August.\"")
    found, reg = run(text)
    assert speaker(reg, having(found, "I'd guess")) == "Rune Falk"


# -- who the subject is ----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,name", [
    # a dateline glued to the subject names neither the speaker nor the speaker's name
    ("PODGORICA (Reuters) -Police in Montenegro said on Monday they had detained dozens of people.",
     "Police in Montenegro"),
    ("TOVEL (Norrick Wire) -Harbour master Lena Okafor said on Monday the quay would reopen.", "Lena Okafor"),
])
def test_a_dateline_is_never_the_speaker(sentence, name):
    found, reg = run(f"Harbour news\n\n{sentence}")
    assert speaker(reg, found[-1]) == name


@pytest.mark.parametrize("label", ["Tag", "Category", "Topics", "Filed under"])
def test_a_section_label_is_no_speaker(label):
    found, reg = run(f"Harbour Wire\n\n{label}: European Union\n\n  • Ferry talks resume\n\n"
                     "    The ferry talks resumed on Monday, the port authority said.")
    assert not any("European Union" in q.text for q in found)


def test_a_line_in_capitals_glued_to_a_name_is_not_part_of_it():
    found, reg = run("Harbour news\n\nHarbour chief Ilse Marren said on Monday the quay would reopen in May. "
                     "CHIEF: HARBOUR FUNDS MAY BOOST THE PORT BUT IT WILL TAKE TIMES Marren stated that the funds would help in 2027.")
    assert speaker(reg, having(found, "the funds would help")) == "Ilse Marren"
    assert not any(a.name.startswith("TIMES") for a in reg.actors())


def test_a_relative_clause_that_reports_is_another_voice():
    found, reg = run("Proxy fight\n\nThe Tovel Fund said the chief executive had lowered the margins, which the "
                     "company called “falsehoods and misleading claims.”")
    assert having(found, "lowered the margins").text == "the chief executive had lowered the margins"
    answer = having(found, "falsehoods")
    assert answer.speaker_text == "the company" and answer.cue == "called"
    found, reg = run("Unrest\n\nDeputy mayor Ola Brandt said the council discussed the protest, which he said was an "
                     "attempt to force a change of government.")
    assert having(found, "the council discussed").text.endswith("a change of government")


def test_a_headline_opened_by_a_date_label_names_no_speaker():
    # (ingest now reads the label as the page's date and drops it; no speaker's name may hold it either way)
    found, reg = run(" date 2025-09-23 Tovel Astronomers Find Mysterious Object In Space\n\n"
                     "A team of astronomers in Tovel found the object on Tuesday.")
    assert not [q for q in found if "2025" in (q.speaker_text or "")]


def test_a_date_label_before_a_title_and_name_is_not_the_speaker():
    found, reg = run("Talks\n\n date 2023-06-22 Minister in the Presidency Khumbudzo Ntshaveni says the Presidency "
                     "should not be criticised.\n\nNtshaveni says all requirements were complied with.")
    first = having(found, "should not be criticised")
    assert speaker(reg, first) == "Khumbudzo Ntshaveni" == speaker(reg, having(found, "all requirements"))
    assert "date" not in first.speaker_text


PANOT = ("No-confidence vote\n\nMathilde Panot, head of the left-wing group La France Insoumise (LFI), criticised the use "
         "of Article 49.3, stating: \"We will no longer accept this authoritarianism from Emmanuel Macron, who "
         "continually forces through measures.\"\nPanot confirmed that the New Popular Front would \"of course\" "
         "file a motion, adding, \"It's not possible that in a democracy, the losers are the ones who govern.\"")


def test_that_clause_after_a_cue_is_a_proposition_and_a_tagged_name_before_the_cue_speaks():
    found, reg = run(PANOT)
    motion = having(found, "would \"of course\" file a motion")
    assert motion.stance is False and motion.speaker_text == "Panot"
    assert having(found, "It's not possible").speaker_text == "Panot"
