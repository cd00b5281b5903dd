"""Issue 20 ("what a newcomer hit in a day's use") over HTTP on a real SQLite store of 60 short
articles written for these tests: lists that say their totals and page, filters that match what they
say, wildcards that stay literal, bad parameters that are named (never a 500 or a regular expression),
HEAD, CSV, permalinks, and an Analyse result whose links stay on the page."""
from __future__ import annotations

import html
import re
import warnings

import pytest

warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from nonpaper.web.app import create_app  # noqa: E402
from test_store_support import make_analysis, pg_url  # noqa: E402,F401

N = 60


def build_store(path) -> str:
    """Trump, Mike Pence (whose alias mentions Trump) and 58 articles quoting Dana Okafor."""
    from nonpaper.store import open_store

    with open_store(str(path)) as store:
        store.add(make_analysis(1, speaker="Trump", alias="Trump", quote="We will build the harbour wall"))
        store.add(make_analysis(2, speaker="Mike Pence", alias="Trump's running mate",
                                quote="The harbour wall is a fine idea", outlet="Tern Courier"))
        for n in range(3, N + 1):
            store.add(make_analysis(n, published=f"2026-04-{n % 28 + 1:02d}",
                                    quote=f"Harbour statement number {n} was never shown"))
        store.recompute()
    return str(path)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with TestClient(create_app(build_store(tmp_path_factory.mktemp("lists") / "lists.db"))) as c:
        yield c


# ---------------------------------------------------------------- bug 1: the speaker filter, wildcards

def test_an_actor_id_as_speaker_matches_that_actor_only(client):
    trump = [a for a in client.get("/api/actors?search=trump").json() if a["name"] == "Trump"][0]
    quotes = client.get("/api/quotes", params={"speaker": trump["id"]}).json()
    assert [q["speaker_name"] for q in quotes] == ["Trump"]  # not Mike Pence, "Trump's running mate"
    events = client.get("/api/timeline", params={"actor": trump["id"], "limit": 5})
    assert [e["id"] for e in events.json()] == ["story-1:e1"] and events.headers["x-total-count"] == "1"
    page = client.get("/quotes", params={"speaker": trump["id"]}).text
    assert "build the harbour wall" in page and "fine idea" not in page
    # a name that is not an id is still a search: part of a name or alias is enough
    assert {q["speaker_name"] for q in client.get("/api/quotes?speaker=trum").json()} == {"Trump", "Mike Pence"}


@pytest.mark.parametrize("url", ["/api/actors?search=%25", "/api/actors?search=_", "/api/quotes?speaker=%25",
                                 "/api/quotes?speaker=_", "/api/timeline?event=%25", "/api/timeline?event=_",
                                 "/api/timeline?actor=%25", "/api/disputes?actor=%25"])
def test_like_wildcards_are_literal_text(client, url):
    r = client.get(url)
    assert r.status_code == 200 and r.json() == [] and r.headers["x-total-count"] == "0"


# ---------------------------------------------------------------- bugs 4 and 7: bad parameters

@pytest.mark.parametrize("url", ["/api/articles?offset=99999999999999999999", "/api/quotes?offset=-1",
                                 "/api/articles?limit=0", "/api/timeline?limit=99999999999999999999"])
def test_out_of_range_numbers_are_client_errors(client, url):
    r = client.get(url)
    assert r.status_code in (400, 422) and "Overflow" not in r.text  # 400 when the request guard refuses it first
    assert re.search(r"offset|limit", r.json()["detail"])


@pytest.mark.parametrize("url", ["/articles?offset=99999999999999999999", "/quotes?offset=abc",
                                 "/timeline?offset=-5", "/disputes?offset=1e9"])
def test_pages_name_a_bad_offset(client, url):
    r = client.get(url, headers={"accept": "text/html"})
    assert r.status_code == 400 and "text/html" in r.headers["content-type"]
    assert "offset:" in r.text and ("whole number" in r.text or "out of range" in r.text or "too large" in r.text)
    assert "dates are" not in r.text and "Overflow" not in r.text


def test_impossible_dates_are_refused_with_a_readable_message(client):
    r = client.get("/api/articles?since=2026-02-30")
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert "since" in detail and "February 2026 has 28 days" in detail and "\\d" not in detail and "^" not in detail
    assert "no such month" in client.get("/api/quotes?until=2026-13").json()["detail"]
    page = client.get("/quotes?until=2026-02-30")
    assert page.status_code == 400 and "28 days" in page.text
    assert client.get("/api/articles?since=2024-02-29").status_code == 200  # a leap day is a day


# ---------------------------------------------------------------- bug 5: search text bounded

def test_search_words_are_deduplicated_and_capped(client):
    from nonpaper.store.queries import MAX_TERMS, search_words
    from nonpaper.store.sqlite import fts_query

    assert fts_query("harbour " * 4000) == '"harbour"'  # one term, however often it is repeated
    assert len(search_words(" ".join(f"w{i}" for i in range(500)))) == MAX_TERMS
    long = " ".join(["harbour"] * 100)  # 799 characters
    assert client.get("/api/search", params={"q": long}).status_code == 422
    page = client.get("/search", params={"q": long})
    assert page.status_code == 400 and "over the 200" in page.text
    assert client.get("/api/search", params={"q": "harbour " * 20}).json()["total_quotes"] == N


# ---------------------------------------------------------------- bug 8: HEAD

@pytest.mark.parametrize("url", ["/", "/articles", "/articles/story-1", "/quotes", "/api/articles", "/api/counts",
                                 "/api/articles/story-1", "/timeline/events/story-1:e1", "/openapi.json"])
def test_head_is_allowed_where_get_is(client, url):
    r = client.head(url)
    assert r.status_code == 200, url
    assert r.headers["content-type"] == client.get(url).headers["content-type"]


def test_head_routes_stay_out_of_the_api_description(client):
    spec = client.get("/openapi.json").json()
    assert not any("head" in methods for methods in spec["paths"].values())


# ---------------------------------------------------------------- bug 9 and paging: totals everywhere

@pytest.mark.parametrize("path, total", [("/api/articles", N), ("/api/quotes", N), ("/api/timeline", 2 * N),
                                         ("/api/disputes", N)])
def test_every_list_pages_with_its_total(client, path, total):
    first = client.get(path, params={"limit": 7})
    assert first.status_code == 200 and len(first.json()) == 7
    assert first.headers["x-total-count"] == str(total)
    assert 'rel="next"' in first.headers["link"] and "offset=7" in first.headers["link"]
    second = client.get(path, params={"limit": 7, "offset": 7}).json()
    assert len(second) == 7 and not {r["id"] for r in second} & {r["id"] for r in first.json()}
    last = client.get(path, params={"limit": 7, "offset": total - 3})
    assert len(last.json()) == 3 and 'rel="next"' not in last.headers.get("link", "")
    every = client.get(path, params={"limit": 100000}).json()
    assert len(every) == total


def test_actors_honour_offset(client):
    every = client.get("/api/actors").json()
    assert [a["id"] for a in client.get("/api/actors?offset=1&limit=2").json()] == [a["id"] for a in every[1:3]]
    assert client.get("/api/actors?limit=1").headers["x-total-count"] == str(len(every))


def test_quotes_page_says_how_many_and_has_a_next_page(client):
    html = client.get("/quotes").text
    assert "Quotes 1–50 of 60" in html
    nxt = re.search(r'<a href="([^"]+)" rel="next"', html).group(1)
    html2 = client.get(nxt.replace("&amp;", "&")).text
    assert "Quotes 51–60 of 60" in html2 and 'rel="next"' not in html2 and 'rel="prev"' in html2
    past = client.get("/quotes?kind=direct&offset=500").text
    assert 'Past the last of 60 quotes: <a href="/quotes?kind=direct">the first page</a>' in past


def test_search_page_counts_every_match(client):
    html = client.get("/search?q=harbour").text
    assert "Quotes (60, the first 20 shown)" in html and "Articles (60, the first 20 shown)" in html
    assert 'href="/quotes?search=harbour">All 60 quotes' in html
    api = client.get("/api/search?q=harbour&limit=5").json()
    assert api["total_quotes"] == N and len(api["quotes"]) == 5


def test_export_links_give_every_row_as_json_and_csv(client):
    html = client.get("/quotes?kind=direct").text
    csv_link = re.search(r'<a href="([^"]+)" type="text/csv"', html).group(1).replace("&amp;", "&")
    assert csv_link.startswith("/api/quotes?") and "kind=direct" in csv_link and "limit=60" in csv_link
    r = client.get(csv_link)
    assert r.headers["content-type"].startswith("text/csv") and "attachment" in r.headers["content-disposition"]
    assert len(r.text.strip().splitlines()) == N + 1  # a header and every quote, not the page of 50
    json_link = re.search(r'<a href="([^"]+)" type="application/json"', html).group(1).replace("&amp;", "&")
    assert len(client.get(json_link).json()) == N


# ---------------------------------------------------------------- filters

def test_filters_on_quotes_actors_and_disputes(client):
    assert client.get("/api/quotes?kind=indirect").json() == []
    assert client.get("/api/quotes?kind=direct").headers["x-total-count"] == str(N)
    assert [q["article_id"] for q in client.get("/api/quotes?article=story-2").json()] == ["story-2"]
    kinds = {a["kind"] for a in client.get("/api/actors?kind=organization").json()}
    assert kinds == {"organization"}
    assert client.get("/api/disputes?kind=timing").json() == []
    by_outlet = client.get("/api/disputes?outlet=Tern%20Courier").json()
    assert [d["articles"] for d in by_outlet] == [["story-2"]]
    pence = client.get("/api/disputes?actor=Pence").json()
    assert len(pence) == 1 and pence[0]["claims"][0]["actor_name"] == "Mike Pence"
    assert client.get("/api/disputes?since=2026-04-01").headers["x-total-count"] == str(N - 2)
    dated = client.get("/api/timeline?since=2026-03-10&until=2026-03-10")  # every story's walk-out is that day
    assert dated.headers["x-total-count"] == str(N) and {e["date"] for e in dated.json()} == {"2026-03-10"}
    assert "2026-03-10" in client.get("/timeline?since=2026-03-10&until=2026-03-10").text
    for url in ("/quotes?kind=direct&article=story-2", "/actors?kind=person", "/disputes?kind=status&actor=Pence"):
        assert client.get(url).status_code == 200, url
    assert client.get("/actors?kind=robot").status_code == 400


# ---------------------------------------------------------------- permalinks for events

def test_event_ids_stay_the_same_when_the_timeline_is_filtered_or_paged(client):
    full = client.get("/timeline").text
    filtered = client.get("/timeline?event=walked").text
    for page in (full, filtered):
        assert 'id="event-story-1_e1"' in page and 'href="/timeline/events/story-1%3Ae1"' in page
    one = client.get("/timeline/events/story-1:e1")
    assert one.status_code == 200 and "walked out" in one.text and "story-2" not in one.text
    assert "<em>the talks</em>" in one.text  # the event its ordering names, by its words
    assert client.get("/timeline/events/story-1:e99").status_code == 404


# ---------------------------------------------------------------- bug 2: the Analyse result's links

def test_analyse_result_links_stay_on_the_page_of_a_read_only_server(client):
    text = ("Ferry deal signed, minister says\n\n\u201cThe ferry deal was signed on Monday,\u201d said minister "
            "Aleka Varn. The operator said the deal was not signed.\n\nBrisk Ferries denied that the deal "
            "was signed.")
    r = client.post("/analyze", data={"text": text, "published": "2026-03-04"}, files={"file": ("", b"")})
    assert r.status_code == 200
    result = r.text[r.text.index('class="result"'):]
    hrefs = re.findall(r'href="([^"]*)"', result)
    assert hrefs and not [h for h in hrefs if h.startswith(("/articles/", "/api/articles/"))]
    assert 'href="#analysis-json"' in result and '"schema": "nonpaper/1"' in html.unescape(result)
    assert "/timeline/events/" not in result  # no permalink for events that were never stored


# ---------------------------------------------------------------- bug 6: text that begins with a tag

def test_pasted_text_beginning_with_script_is_text(client):
    text = ("<script> tags in adverts slow the harbour site, council says\n\n"
            "The council said on Monday that adverts on the harbour site carried too many scripts.")
    body = client.post("/api/analyze", json={"text": text}).json()["analysis"]["article"]
    assert body["title"] == "<script> tags in adverts slow the harbour site, council says"
    assert "too many scripts" in body["text"]


# ---------------------------------------------------------------- bug 8: the 413 page

def test_too_large_is_a_styled_page_with_the_security_headers(client):
    big = b"word " * (6 * 1024 * 1024 // 5)  # over the whole request's limit: refused before it is read
    page = client.post("/analyze", files={"file": ("big.txt", big)}, headers={"accept": "text/html"})
    assert page.status_code == 413 and "content-security-policy" in page.headers
    assert page.headers["x-frame-options"] == "DENY"
    assert '<link rel=stylesheet href=/static/style.css>' in page.text and "Back button" in page.text
    api = client.post("/api/analyze", files={"file": ("big.txt", big)})
    assert api.status_code == 413 and "content-security-policy" in api.headers


@pytest.mark.postgres
def test_the_same_lists_on_postgres(pg_url):
    """Escaped wildcards, an exact speaker id, totals and paging over PostgreSQL too."""
    with TestClient(create_app(build_store(pg_url))) as c:
        assert c.get("/api/actors?search=%25").json() == [] and c.get("/api/timeline?event=_").json() == []
        trump = [a for a in c.get("/api/actors?search=trump").json() if a["name"] == "Trump"][0]
        assert [q["speaker_name"] for q in c.get("/api/quotes", params={"speaker": trump["id"]}).json()] == ["Trump"]
        first = c.get("/api/quotes?limit=7&offset=7")
        assert len(first.json()) == 7 and first.headers["x-total-count"] == str(N)
        assert c.get("/api/timeline?limit=5").headers["x-total-count"] == str(2 * N)
        assert [e["id"] for e in c.get("/api/timeline", params={"actor": trump["id"]}).json()] == ["story-1:e1"]
        assert c.get("/api/search", params={"q": "harbour " * 20}).json()["total_quotes"] == N
        assert "Quotes 1–50 of 60" in c.get("/quotes").text
        titles = [a["title"] for a in c.get("/api/articles?sort=title&limit=100").json()]
        assert titles == sorted(titles, key=str.lower) and len(titles) == N
        assert [q["speaker_name"] for q in c.get("/api/quotes?sort=-speaker&limit=3").json()] == \
            ["Trump", "Mike Pence", "Dana Okafor"]
        names = [a["name"] for a in c.get("/api/actors?sort=-name").json()]
        assert names == sorted(names, key=str.lower, reverse=True)
        okafor = c.get("/api/actors?search=okafor").json()[0]["id"]
        assert c.get(f"/api/actors/{okafor}?limit=5").json()["total_articles"] == N - 2


# ---------------------------------------------------------------- search operators and snippets

def test_search_prefixes_phrases_exclusions_and_highlighted_hits(client):
    from nonpaper.store.queries import parse_search

    assert [(t.words, t.prefix, t.negated) for t in parse_search('Clin* -Clinton "tax returns" al-Assad x:y')] == [
        (("Clin",), True, False), (("Clinton",), False, True), (("tax", "returns"), False, False),
        (("al-Assad",), False, False), (("x",), False, False), (("y",), False, False)]
    prefix = client.get("/api/search?q=statem*").json()
    assert prefix["total_quotes"] == N - 2  # "statement" in 58 quotes
    phrase = client.get("/api/search", params={"q": '"number 17 was"'}).json()
    assert [q["article_id"] for q in phrase["quotes"]] == ["story-17"]
    left_out = client.get("/api/search?q=harbour%20-wall").json()
    assert left_out["total_quotes"] == N - 2 and all("wall" not in q["text"] for q in left_out["quotes"])
    assert "\u27e6Harbour\u27e7" in left_out["quotes"][0]["snippet"]  # the API marks the hits as text
    page = client.get("/search?q=statem*").text
    assert '<mark class="hit">statement</mark>' in page
    only_out = client.get("/search?q=-wall")
    assert only_out.status_code == 200 and "Say what to find" in only_out.text


@pytest.mark.postgres
def test_search_operators_on_postgres(pg_url):
    with TestClient(create_app(build_store(pg_url))) as c:
        assert c.get("/api/search?q=statem*").json()["total_quotes"] == N - 2
        left_out = c.get("/api/search?q=harbour%20-wall").json()
        assert left_out["total_quotes"] == N - 2 and "\u27e6Harbour\u27e7" in left_out["quotes"][0]["snippet"]
        assert [q["article_id"] for q in c.get("/api/search", params={"q": '"number 17 was"'}).json()["quotes"]] \
            == ["story-17"]
        assert c.get("/api/search?q=-wall").json()["total_quotes"] == 0
        assert '<mark class="hit">' in c.get("/search?q=harbour").text


def test_actor_page_lists_the_latest_quotes_and_links_to_all(client):
    okafor = client.get("/api/actors?search=okafor").json()[0]
    html = client.get(f"/actors/{okafor['id']}").text
    assert "Quoted</dt><dd>58 times" in html and html.count('<blockquote class="q-direct">') == 50
    assert f'href="/quotes?speaker={okafor["id"]}">All 58 quotes by Dana Okafor' in html
    assert "Quotes 1–50 of 58" in client.get(f"/quotes?speaker={okafor['id']}").text


def test_a_sort_is_kept_across_pages(client):
    """Sorted by title, page 2 goes on where page 1 stopped ("Harbour story 1", "… 10", "… 11" …)."""
    titles = [a["title"] for a in client.get("/api/articles?sort=title&limit=100").json()]
    assert titles == sorted(titles, key=str.lower) and len(titles) == N
    first = client.get("/articles?sort=title").text
    nxt = re.search(r'<a href="([^"]+)" rel="next"', first).group(1).replace("&amp;", "&")
    assert "sort=title" in nxt and "offset=50" in nxt
    second = client.get(nxt).text
    shown = re.findall(r'<a href="/articles/story-\d+">(Harbour story \d+)</a>', second)
    assert shown == titles[50:]
    assert [q["speaker_name"] for q in client.get("/api/quotes?sort=-speaker&limit=3").json()] == \
        ["Trump", "Mike Pence", "Dana Okafor"]


def test_the_actor_page_pages_its_articles(client):
    okafor = client.get("/api/actors?search=okafor").json()[0]
    page = client.get(f"/actors/{okafor['id']}").text
    listed = page[page.index('id="arts-h"'):]
    assert listed.count('<td data-label="Title">') == 50 and "Articles 1–50 of 58" in listed
    assert "Quoted</dt><dd>58 times in 58 articles" in page
    nxt = re.search(r'<a href="([^"]+)" rel="next"', listed).group(1).replace("&amp;", "&")
    assert nxt == f"/actors/{okafor['id']}?offset=50"
    second = client.get(nxt).text
    rest = second[second.index('id="arts-h"'):]
    assert rest.count('<td data-label="Title">') == 8 and "Articles 51–58 of 58" in rest
    assert 'rel="prev"' in rest and 'rel="next"' not in rest
    assert second.count('<blockquote class="q-direct">') == 50  # the latest quotes, whatever the page
    json_link = re.search(r'<a href="([^"]+)" type="application/json"', listed).group(1)
    assert json_link == f"/api/actors/{okafor['id']}?limit=58" and 'type="text/csv"' not in listed
    assert client.get(f"/actors/{okafor['id']}?offset=x").status_code == 400


def test_the_actor_api_pages_its_lists_with_totals(client):
    okafor = client.get("/api/actors?search=okafor").json()[0]["id"]
    every = client.get(f"/api/actors/{okafor}").json()
    assert len(every["quotes"]) == len(every["articles"]) == 58  # all of them unless paged, as before
    assert every["total_quotes"] == every["total_articles"] == 58
    some = client.get(f"/api/actors/{okafor}?limit=5&offset=5").json()
    assert [a["id"] for a in some["articles"]] == [a["id"] for a in every["articles"][5:10]]
    assert [q["id"] for q in some["quotes"]] == [q["id"] for q in every["quotes"][5:10]]
    assert some["total_quotes"] == some["total_articles"] == 58
    assert client.get(f"/api/actors/{okafor}?offset=-1").status_code == 422
