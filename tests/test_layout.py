"""Article layout: headline, subtitle, byline, dateline, sections, boilerplate (issue 2, item 4)."""
import json

import pytest

from conftest import SHARED, shared_path
from nonpaper.ingest.layout import build_article, outlet_from_footer, parse_dateline

NEWSPAPER = """Harbour board delays vote on new cranes

Dockers say the machines will cost jobs

By Mira Holt

The Kessel harbour board postponed its vote on two new container cranes on Tuesday.

“We need more time,” chair Ada Brenn said.

Money questions

The cranes would cost 40 million crowns, the board said.

Follow us on Telegram for harbour news.

© 2026 The Kessel Tribune. All rights reserved.
"""

WIRE = """Kessel cranes vote put off

KESSEL, Norland, Feb 3 (Brightwater Wire) - The Kessel harbour board put off a vote on new cranes, it said on Tuesday.

The board will meet again in March.

Reporting by Jon Alder; editing by Kit Marr
"""


def test_newspaper_layout():
    art = build_article(NEWSPAPER)
    assert art.title == "Harbour board delays vote on new cranes"
    assert art.subtitle == "Dockers say the machines will cost jobs"
    assert art.author == "Mira Holt"
    assert art.outlet == "The Kessel Tribune"
    assert art.sections == ["Money questions"]
    assert "Follow us on Telegram for harbour news." in art.boilerplate
    assert "©" not in art.text and "Follow us" not in art.text and "By Mira Holt" not in art.text
    assert art.text.startswith("The Kessel harbour board")


def test_blocks_are_spans_of_text():
    art = build_article(NEWSPAPER)
    kinds = [b.kind for b in art.blocks]
    assert kinds == ["paragraph", "paragraph", "heading", "paragraph"]
    heading = art.blocks[2]
    assert art.text[heading.start:heading.end] == "Money questions"
    for b in art.blocks:
        assert "\n" not in art.text[b.start:b.end]


def test_wire_dateline_and_credits():
    art = build_article(WIRE)
    assert art.title == "Kessel cranes vote put off"
    assert art.subtitle is None
    assert art.dateline == "KESSEL, Norland, Feb 3 (Brightwater Wire)"
    assert art.outlet == "Brightwater Wire"
    assert art.author == "Jon Alder"
    assert art.text.startswith("The Kessel harbour board put off")
    assert "Reporting by Jon Alder; editing by Kit Marr" in art.boilerplate


def test_city_only_dateline():
    dl = parse_dateline("HALMERE (Tessel Wire) - The ban will end in May.")
    assert dl is not None and dl[2] == "Tessel Wire" and dl[3] == "The ban will end in May."


def test_sentence_is_not_a_dateline():
    assert parse_dateline("The council - which met on Monday - voted.") is None


def test_footer_outlets():
    assert outlet_from_footer("Subscribe to Pravda.Ru Telegram channel, Facebook, RSS!") == "Pravda.Ru"
    assert outlet_from_footer("© 2026 Aldenport Herald. All rights reserved.") == "Aldenport Herald"
    assert outlet_from_footer("Follow us for breaking news.") is None


def test_one_paragraph_per_line_without_blank_lines():
    first = "The harbour board met on Monday and voted to keep the northern quay closed until the repairs are done."
    second = "“We will not reopen it before the inspectors sign off,” the board chair, Ines Varga, told reporters."
    art = build_article(f"Quay stays shut\n\n{first}\n{second}\nShort last line.")
    paras = [art.text[b.start:b.end] for b in art.blocks if b.kind == "paragraph"]
    assert paras == [first, second, "Short last line."]


def test_hard_wrapped_paragraphs_are_joined():
    art = build_article("Title here\n\nThe first line of a paragraph\nthat was wrapped by an editor.\n\nAnother one.")
    assert "paragraph that was wrapped" in art.text


def test_metadata_from_caller_wins():
    art = build_article("Body text only, no headline at all here.", title="Given title", outlet="Given Post",
                        has_title=False)
    assert art.title == "Given title" and art.outlet == "Given Post"
    assert art.text == "Body text only, no headline at all here."


@pytest.mark.parametrize("stem", ["nonpaper-memo", "D1-courier-aurel-hall", "D2-wire-aurel-hall",
                                  "D3-slimvera-study", "D4-cup-semifinal", "D5-pilot-profile",
                                  "D6-herring-brief"])
def test_shared_articles_metadata(stem):
    sub = "" if stem == "nonpaper-memo" else "dev"
    text = shared_path("articles", sub, f"{stem}.txt").read_text(encoding="utf-8")
    gold = json.loads((SHARED / "gold" / sub / f"{stem}.json").read_text(encoding="utf-8"))["metadata"]
    art = build_article(text)
    for key in ("title", "subtitle", "author", "outlet"):
        if key in gold:
            assert getattr(art, key) == gold[key], key
    assert set(gold.get("sections", [])) <= set(art.sections)
    for line in gold.get("boilerplate", []):
        assert line not in art.text


def test_a_quoted_promotion_line_at_the_end_is_boilerplate():
    article = build_article("Debate night\n\n\"Pence said the debate went well.\n\n\"Follow Ada Brenn on Twitter "
                            "@adabrenn.\"\n")
    assert "Follow" not in article.text


def test_an_editors_note_closing_the_article_is_boilerplate():
    article = build_article("Debate night\n\nVarga said the debate went well.\n\nEditor’s note: Varga has repeatedly "
                            "pledged to close the port.\n")
    assert "Editor" not in article.text and "pledged" not in article.text


def test_a_reporting_credit_after_a_dash_is_boilerplate_not_a_signed_quotation():
    article = build_article("Council row\n\nAsked whether he would resign, Fisk said no.\n\n— Additional reporting by "
                            "Mia Holt\n")
    assert "Mia Holt" not in article.text
