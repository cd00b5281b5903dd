"""Issue 20, left over: the sides of disputes marked in the article text (a wavy underline, a ⚠ link
to the dispute card, words for screen readers), within the article and across articles; quotes in the
headline and the subtitle highlighted like those of the body. On the fake store and on SQLite, with a
short article written for these tests."""
from __future__ import annotations

import json
import re
import sys
import warnings
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nonpaper.model import (Actor, Analysis, Article, Claim, Dispute, DisputeClaim, Quote)  # noqa: E402
from nonpaper.web.app import create_app  # noqa: E402
from web_fake_store import FakeStore  # noqa: E402
from web_samples import samples  # noqa: E402

TITLE = "\u201cWe never signed the lease,\u201d harbour chief says"
SUBTITLE = "Port board calls the lease \u201ca done deal\u201d"
TEXT = ("Harbour chief Ines Vale said the lease for the north quay was never signed.\n\n"
        "The port board said the lease was signed in May. It also said the quay would reopen in June.\n\n"
        "Dredging of the channel continues.")
# the cross-article dispute: a claim of this article (no quote; found by its claim's offsets, its words
# being the claim's own, not the text's) against one elsewhere
CROSS = {"id": "corpus:d9", "kind": "timing", "summary": "The board and the Tarn Gazette disagree on the reopening",
         "scope": "corpus", "event": None, "articles": ["lease-story", "ferry-gazette"],
         "claims": [{"actor": "port-board", "text": "quay reopens in June", "quote": None, "article": "lease-story"},
                    {"actor": "aleka-varn", "text": "the ferry contract was signed on Monday", "quote": "q1",
                     "article": "ferry-gazette"}]}


def _span(text: str, piece: str) -> tuple[int, int]:
    at = text.index(piece)
    return at, at + len(piece)


def lease_story() -> Analysis:
    art = Article(id="lease-story", text=TEXT, title=TITLE, subtitle=SUBTITLE, outlet="Quay Herald",
                  published="2026-05-20")
    vale = Actor("ines-vale", "Ines Vale", "person", titles=["harbour chief"])
    board = Actor("port-board", "port board", "organization")
    quotes = [Quote("q1", "indirect", "the lease for the north quay was never signed",
                    *_span(TEXT, "the lease for the north quay was never signed"), "ines-vale", cue="said"),
              Quote("q2", "indirect", "the lease was signed in May", *_span(TEXT, "the lease was signed in May"),
                    "port-board", cue="said"),
              Quote("q3", "direct", "We never signed the lease,", *_span(TITLE, "We never signed the lease,"),
                    "ines-vale", cue="says", field="title"),
              Quote("q4", "direct", "a done deal", *_span(SUBTITLE, "a done deal"), "port-board", cue="calls",
                    field="subtitle")]
    june = _span(TEXT, "the quay would reopen in June")
    claims = [Claim("c1", "ines-vale", quotes[0].text, "status", quote="q1"),
              Claim("c2", "port-board", quotes[1].text, "status", quote="q2"),
              Claim("c3", "port-board", "quay reopens in June", "date", start=june[0], end=june[1])]
    disputes = [Dispute("d1", "status", "Vale and the port board disagree whether the lease was signed",
                        claims=[DisputeClaim("ines-vale", quotes[0].text, quote="q1", claim="c1"),
                                DisputeClaim("port-board", quotes[1].text, quote="q2", claim="c2")],
                        articles=["lease-story"])]
    return Analysis(article=art, actors=[vale, board], quotes=quotes, claims=claims, disputes=disputes)


def sqlite_store(path) -> str:
    import sqlite3

    from nonpaper.store import open_store

    with open_store(str(path)) as store:
        for analysis in samples() + [lease_story()]:
            store.add(analysis)
        store.recompute()
    # a cross-article dispute as recompute stores them (which ones it finds is the disputes stage's business)
    with sqlite3.connect(str(path)) as db:
        db.execute("INSERT INTO disputes (id, scope, article_id, kind, summary, event, articles, claims) "
                   "VALUES (?, 'corpus', NULL, ?, ?, NULL, ?, ?)",
                   (CROSS["id"], CROSS["kind"], CROSS["summary"], json.dumps(CROSS["articles"]),
                    json.dumps(CROSS["claims"])))
    return str(path)


@pytest.fixture(scope="module", params=["fake", "sqlite"])
def client(request, tmp_path_factory):
    if request.param == "fake":
        target = FakeStore(samples() + [lease_story()], corpus_disputes=[CROSS])
    else:
        target = sqlite_store(tmp_path_factory.mktemp("marks") / "marks.db")
    with TestClient(create_app(target)) as c:
        yield c


def _text_of(page: str) -> str:
    return page[page.index('class="art-text"'):page.index('class="art-side"')]


def test_the_sides_of_a_dispute_within_the_article_are_marked_and_link_to_its_card(client):
    page = client.get("/articles/lease-story").text
    body = _text_of(page)
    card = re.search(r'<article class="dispute" id="(dispute-[^"]*d1)"', page).group(1)
    for words in ("the lease for the north quay was never signed", "the lease was signed in May"):
        marked = re.search(r'<span class="disputed" id="([^"]+)" title="Disputed: Vale and the port board disagree[^"]*">'
                           r'<span class="sr-only">disputed: </span><mark[^>]*>.*?' + re.escape(words)
                           + r'</mark></span><a class="dispute-ref" href="#' + card + r'"', body)
        assert marked, words
        assert f'href="#{marked.group(1)}">marked in the text' in page  # the card links back
    assert body.count('aria-hidden="true">\u26a0</span><span class="sr-only">see the status dispute') == 2
    # text that is no side of a dispute stays unmarked
    assert "Dredging" not in "".join(re.findall(r'<span class="disputed".*?</span><a', body, flags=re.S))


def test_a_cross_article_side_is_marked_by_its_claim_offsets(client):
    body = _text_of(client.get("/articles/lease-story").text)
    assert re.search(r'<span class="disputed" id="disputed-corpus_d9-0"[^>]*><span class="sr-only">disputed: </span>'
                     r'the quay would reopen in June</span><a class="dispute-ref" href="#dispute-corpus_d9"', body)
    other = _text_of(client.get("/articles/ferry-gazette").text)  # the other side, in the other article
    assert 'id="disputed-corpus_d9-1"' in other and 'href="#dispute-corpus_d9"' in other


def test_an_article_without_disputes_has_no_marks(client):
    body = _text_of(client.get("/articles/ferry-wire").text)
    assert 'class="disputed"' not in body and "dispute-ref" not in body


def test_headline_and_subtitle_quotes_are_highlighted(client):
    page = client.get("/articles/lease-story").text
    head = page[page.index('<header class="art-head">'):page.index("</header>", page.index('class="art-head"'))]
    h1 = re.search(r"<h1>(.*?)</h1>", head, flags=re.S).group(1)
    assert re.search(r'\u201c<mark class="q q-direct spk-0" data-quote="quote-q3" tabindex="0" role="button"[^>]*>'
                     r'<span class="who" aria-hidden="true">IV</span><span class="sr-only">quote by Ines Vale: </span>'
                     r'We never signed the lease,</mark>\u201d harbour chief says', h1)
    sub = re.search(r'<p class="subtitle">(.*?)</p>', head, flags=re.S).group(1)
    assert 'data-quote="quote-q4"' in sub and "a done deal</mark>\u201d" in sub
    assert 'id="quote-q3"' in page  # the quote's details below, where a click on the mark leads
    # a headline without quotes is plain text, escaped
    xss = client.get("/articles/xss-%3Ci%3Etest").text
    assert "<h1>Tricky &lt;script&gt;" in xss


def test_analyse_result_marks_its_own_disputes(client):
    from nonpaper.web.routes_pages import article_context
    from nonpaper.web import views

    analysis = lease_story()
    ctx = article_context(analysis, [], {})
    html = "".join(h for _, h in ctx["blocks"])
    assert html.count('class="disputed"') == 2 and 'href="#dispute-d1"' in html
    assert set(ctx["marks"]) == {("d1", 0), ("d1", 1)}
    # a side found by neither quote nor offsets is found by its words; short words are not looked for
    assert views.disputed_spans(analysis, [{"id": "x", "claims": [{"text": "Dredging of the channel"}]}])[0][:2] \
        == _span(TEXT, "Dredging of the channel")
    assert views.disputed_spans(analysis, [{"id": "x", "claims": [{"text": "lease"}]}]) == []
