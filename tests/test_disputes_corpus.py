"""Cross-article disputes in a corpus of several stories (issue 5): only articles that tell one story
are compared, and a word every story uses ties no two claims together. The articles are fiction
written for these tests: a water board meeting two outlets report differently (a real dispute), two
unrelated stories of one town that share a mayor and the word "meeting" (no dispute), and three
more stories with meetings of their own."""
from __future__ import annotations

import functools

DAM_COURIER = """The Linden Valley water board's meeting on the Harrow dam repairs has been postponed, board chair Marta Osei said on Monday.

"We postponed the meeting on the dam until April so that the engineers can study their survey of the spillway," Osei said.

"The engineers finished the spillway survey on February 20," Osei said.

Engineer Tobias Renn, who surveyed the Harrow dam spillway last autumn, said the repairs would take two summers.
"""

DAM_WIRE = """The Linden Valley water board's meeting on the Harrow dam repairs has been called off, engineer Tobias Renn said on Tuesday.

"The meeting on the dam was called off. Nobody will discuss the spillway repairs this spring," Renn said.

"We finished the spillway survey on February 27, a week later than the board says," Renn said.

Board chair Marta Osei said the water board would publish the spillway survey of the Harrow dam in April.
"""

SCHOOL = """Ostby's mayor, Ilse Varga, said on Thursday that the meeting of the school council had been postponed.

"The school council meeting is postponed because the teachers asked for more time to prepare the new timetable," Ilse Varga said.

Parents had asked the council to keep the library open in the evenings.
"""

ROWING = """Club captain Jonas Brek said on Friday that the meeting of the Ostby rowing club was called off after the boathouse flooded.

"The meeting was called off, and the regatta will move to the lake at Fenby," Jonas Brek said.

Ostby's mayor, Ilse Varga, who rowed for the club as a student, said the town would help repair the boathouse.
"""

BAKERS = """The Pellow bakers' guild held its annual meeting on Saturday and elected Ruth Amsel as its chair, the guild said.

"The meeting chose the rye loaf as the bread of the year," Amsel said.
"""

CHESS = """The Kessel chess society postponed its spring meeting to May, secretary Otto Wend said on Sunday.

"Half of our players are at the tournament in Brill, so the meeting is postponed," Wend said.
"""

ORCHESTRA = """The Morrow orchestra's board meeting was called off on Wednesday because the conductor, Lise Kahn, was ill, the orchestra said.

"We will meet when Lise Kahn is back," said the orchestra's manager, Paul Brandt.
"""

ARTICLES = {  # id: (text, published)
    "dam-courier": (DAM_COURIER, "2026-03-02"), "dam-wire": (DAM_WIRE, "2026-03-03"),
    "school": (SCHOOL, "2026-03-05"), "rowing": (ROWING, "2026-03-06"),
    "bakers": (BAKERS, "2026-03-07"), "chess": (CHESS, "2026-03-08"), "orchestra": (ORCHESTRA, "2026-03-04"),
}


@functools.lru_cache(maxsize=None)
def _analysis(key: str):
    from nonpaper.ingest import article_from_string
    from nonpaper.pipeline import analyze_article

    text, published = ARTICLES[key]
    return analyze_article(article_from_string(text, published=published, id=key))


def corpus(*keys: str):
    import copy

    from nonpaper.pipeline import build_corpus

    return build_corpus([copy.deepcopy(_analysis(k)) for k in keys or ARTICLES])


def test_unrelated_stories_sharing_a_mayor_and_the_word_meeting_give_no_cross_dispute():
    # the school council's meeting was postponed, the rowing club's called off: two meetings
    assert {c.actor for c in _analysis("school").claims if c.kind == "status"} == {"ilse-varga"}
    assert {c.actor for c in _analysis("rowing").claims if c.kind == "status"} == {"jonas-brek"}
    for c in (corpus("school", "rowing"), corpus()):
        assert not [d for d in c.disputes if {"school", "rowing"} & set(d.articles)]


def test_one_story_told_by_two_outlets_keeps_its_status_and_date_disputes_in_a_larger_corpus():
    for c in (corpus("dam-courier", "dam-wire"), corpus()):
        assert sorted(d.kind for d in c.disputes) == ["status", "timing"]
        for d in c.disputes:
            assert sorted(set(d.articles)) == ["dam-courier", "dam-wire"]
            assert "Osei" in d.summary and "Renn" in d.summary
        status = next(d for d in c.disputes if d.kind == "status")
        assert "postponed" in status.summary and "called off" in status.summary
        timing = next(d for d in c.disputes if d.kind == "timing")
        assert "2026-02-20" in timing.summary and "2026-02-27" in timing.summary
