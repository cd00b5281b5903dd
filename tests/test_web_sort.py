"""Issue 20, left over: sorting the lists by a column (`sort=title`, `sort=-title`), on the pages and
the API alike; a value that is not a column is a readable 400 (a 422 on the API, as its other bad
parameters); the order is kept across pages and filters; column headers are links that reverse it.
On the fake store and on SQLite, over the hand-annotated test articles (tests/web_samples.py)."""
from __future__ import annotations

import html
import re
import warnings

import pytest

warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from nonpaper.web.app import create_app  # noqa: E402
from test_web import sqlite_store  # noqa: E402
from web_fake_store import FakeStore  # noqa: E402
from web_samples import samples  # noqa: E402


@pytest.fixture(scope="module", params=["fake", "sqlite"])
def client(request, tmp_path_factory):
    target = FakeStore(samples()) if request.param == "fake" else \
        sqlite_store(tmp_path_factory.mktemp("sort") / "sort.db")
    with TestClient(create_app(target)) as c:
        yield c


def ids(client, url: str) -> list[str]:
    r = client.get(url)
    assert r.status_code == 200, r.text[:300]
    return [row["id"] for row in r.json()]


def test_articles_sort_by_each_column_both_ways(client):
    assert ids(client, "/api/articles") == ["ferry-wire", "xss-<i>test", "ferry-gazette"]  # newest first, as before
    assert ids(client, "/api/articles?sort=published") == ["ferry-gazette", "xss-<i>test", "ferry-wire"]
    assert ids(client, "/api/articles?sort=title") == ["ferry-gazette", "ferry-wire", "xss-<i>test"]
    assert ids(client, "/api/articles?sort=-title") == ["xss-<i>test", "ferry-wire", "ferry-gazette"]
    assert ids(client, "/api/articles?sort=-quotes") == ["ferry-gazette", "ferry-wire", "xss-<i>test"]  # 5, 3, 2
    assert ids(client, "/api/articles?sort=outlet") == ["xss-<i>test", "ferry-wire", "ferry-gazette"]  # <i…, N…, T…
    assert ids(client, "/api/articles?sort=title&limit=1&offset=1") == ["ferry-wire"]
    link = client.get("/api/articles?sort=title&limit=1").headers["link"]
    assert "sort=title" in link and "offset=1" in link  # the next page keeps the order


@pytest.mark.parametrize("what, column, field", [("actors", "name", "name"), ("actors", "-quotes", "n_quotes"),
                                                 ("actors", "-articles", "n_articles"),
                                                 ("quotes", "speaker", "speaker_name"), ("quotes", "kind", "kind"),
                                                 ("quotes", "-published", "published"),
                                                 ("disputes", "kind", "kind"), ("disputes", "-sides", None)])
def test_every_list_sorts_on_the_api(client, what, column, field):
    rows = client.get(f"/api/{what}", params={"sort": column}).json()
    assert len(rows) >= 2

    def value(r):
        v = len(r["claims"]) if field is None else r[field]
        return v.lower() if isinstance(v, str) else v

    values = [value(r) for r in rows if value(r) is not None]
    assert values == sorted(values, reverse=column.startswith("-")), values
    back = client.get(f"/api/{what}", params={"sort": column.lstrip("-") if column[0] == "-" else "-" + column}).json()
    assert [value(r) for r in back if value(r) is not None] == values[::-1]


@pytest.mark.parametrize("path", ["/api/articles", "/api/actors", "/api/quotes", "/api/disputes"])
def test_a_bad_sort_is_named_on_the_api(client, path):
    r = client.get(path, params={"sort": "colour"})
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert detail.startswith("sort: 'colour' is not a column of the") and "a leading - reverses" in detail
    assert client.get(path, params={"sort": "--title"}).status_code == 422


@pytest.mark.parametrize("path", ["/articles", "/actors", "/quotes", "/disputes"])
def test_a_bad_sort_is_a_readable_400_page(client, path):
    r = client.get(path, params={"sort": "colour"}, headers={"accept": "text/html"})
    assert r.status_code == 400 and "text/html" in r.headers["content-type"]
    assert "sort: &#39;colour&#39; is not a column" in r.text and "Traceback" not in r.text


def _th(page: str, label: str) -> str:
    return re.search(r"<th[^>]*><a class=\"sort\"[^>]*>" + label + r".*?</th>", page).group(0)


def test_column_headers_are_links_that_reverse_the_order(client):
    page = client.get("/articles").text
    published, title = _th(page, "Published"), _th(page, "Title")
    assert 'aria-sort="descending"' in published and 'href="/articles?sort=published"' in published
    assert "aria-sort" not in title and 'href="/articles?sort=title"' in title
    page = client.get("/articles?sort=title&outlet=Tarn+Gazette&offset=50").text
    title = _th(page, "Title")
    # the filters kept, the offset dropped (back to the first page), the order reversed
    assert 'aria-sort="ascending"' in title and 'href="/articles?outlet=Tarn+Gazette&amp;sort=-title"' in title
    assert '<input type="hidden" name="sort" value="title">' in page  # the filter form keeps the order
    quotes_th = _th(page, "Quotes")
    assert 'href="/articles?outlet=Tarn+Gazette&amp;sort=-quotes"' in quotes_th  # numbers: the most first
    actors = client.get("/actors?sort=-quotes").text
    assert 'aria-sort="descending"' in _th(actors, "Quotes") and 'href="/actors?sort=quotes"' in _th(actors, "Quotes")


def test_lists_without_columns_have_a_sort_bar(client):
    page = client.get("/quotes?sort=speaker&kind=direct").text
    bar = re.search(r'<nav class="sort-by" aria-label="Sort the list">.*?</nav>', page, flags=re.S).group(0)
    assert 'href="/quotes?kind=direct&amp;sort=-speaker" aria-current="true">Speaker' in bar
    assert 'href="/quotes?kind=direct&amp;sort=-published">Date' in bar
    speakers = re.findall(r'<a href="/actors/[^"]+">([^<]+)</a> ·', page)
    assert speakers == sorted(speakers, key=str.lower) and len(speakers) >= 2
    disputes = client.get("/disputes?sort=-sides").text
    assert re.search(r'<nav class="sort-by"[^>]*>.*aria-current="true">Sides', disputes, flags=re.S)
    # the export links carry the order too
    csv_link = html.unescape(re.search(r'<a href="([^"]+)" type="text/csv"', page).group(1))
    assert "sort=speaker" in csv_link and client.get(csv_link).status_code == 200


def test_the_actor_lists_page_with_totals(client):
    """`/api/actors/{id}` pages its quotes and articles (newest first) and counts them all; its page
    pages the articles (issue 20, left over)."""
    varn = client.get("/api/actors/aleka-varn").json()
    assert varn["total_quotes"] == 4 and varn["total_articles"] == 2
    assert [a["id"] for a in varn["articles"]] == ["ferry-wire", "ferry-gazette"]
    second = client.get("/api/actors/aleka-varn?limit=1&offset=1").json()
    assert [a["id"] for a in second["articles"]] == ["ferry-gazette"] and len(second["quotes"]) == 1
    assert second["total_quotes"] == 4 and second["total_articles"] == 2
    page = client.get("/actors/aleka-varn").text
    assert "Articles 1–2 of 2" in page and "4 times in 2 articles" in page
    assert "Past the last of 2 articles" in client.get("/actors/aleka-varn?offset=50").text
