"""The web UI and JSON API over HTTP (FastAPI's TestClient): every page and route, status codes,
escaping, the upload limit, read-only refusal and the token. Runs against the in-memory fake
store and the real SQLite store, both filled with the hand-annotated articles of web_samples."""
from __future__ import annotations

import json
import re
import warnings
from html.parser import HTMLParser

import pytest

warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from nonpaper.web.app import create_app  # noqa: E402
from web_fake_store import FakeStore  # noqa: E402
from web_samples import samples  # noqa: E402
from test_store_support import pg_url  # noqa: E402,F401  (a fresh PostgreSQL schema per test)

XSS_ID = "xss-%3Ci%3Etest"
PAGES = ["/", "/articles", "/articles/ferry-gazette", f"/articles/{XSS_ID}", "/actors", "/actors/aleka-varn",
         "/actors/mallory-tag", "/quotes", "/quotes?speaker=Varn", "/timeline", "/timeline?actor=odo-lemm",
         "/disputes", "/search?q=ferry", "/search?q=%3Cscript%3E", "/analyze", "/docs"]
API = ["/api/articles", "/api/articles/ferry-gazette", "/api/actors", "/api/actors/aleka-varn", "/api/quotes",
       "/api/timeline", "/api/disputes", "/api/search?q=ferry", "/api/counts"]


def sqlite_store(path) -> str:
    from nonpaper.store import open_store

    store = open_store(str(path))
    for analysis in samples():
        store.add(analysis)
    store.recompute()
    store.close()
    return str(path)


@pytest.fixture(scope="module", params=["fake", "sqlite"])
def client(request, tmp_path_factory):
    if request.param == "fake":
        target = FakeStore(samples())
    else:
        pytest.importorskip("nonpaper.store")
        target = sqlite_store(tmp_path_factory.mktemp("web") / "web.db")
    with TestClient(create_app(target)) as c:
        yield c


# Forms go as multipart, as the Analyse page sends them: writes take only JSON or multipart (issue 18).
NO_FILE = {"file": ("", b"")}


@pytest.fixture
def writable(tmp_path):
    with TestClient(create_app(FakeStore(samples()), allow_write=True, token="s3cret-token")) as c:
        yield c


# ---------------------------------------------------------------- every page and route

@pytest.mark.parametrize("url", PAGES)
def test_page_renders(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    assert "<h1" in r.text and '<main id="main"' in r.text


@pytest.mark.parametrize("url", API)
def test_api_route(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"] == "application/json"
    assert r.json() is not None


def test_api_shapes(client):
    arts = client.get("/api/articles").json()
    assert {"ferry-gazette", "ferry-wire"} <= {a["id"] for a in arts}
    assert {"id", "title", "outlet", "published", "n_quotes", "n_disputes"} <= set(arts[0])
    full = client.get("/api/articles/ferry-gazette").json()
    assert full["schema"] == "nonpaper/1" and full["article"]["title"].startswith("Ferry contract")
    assert len(full["quotes"]) == 5
    assert client.get("/api/articles?limit=1").json()[0]["id"] == "ferry-wire"  # newest first
    assert [a["id"] for a in client.get("/api/articles?outlet=Norrow%20Wire").json()] == ["ferry-wire"]
    assert {a["id"] for a in client.get("/api/articles?until=2026-02-04").json()} == {"ferry-gazette"}
    varn = client.get("/api/actors/aleka-varn").json()
    assert varn["name"] == "Aleka Varn" and len(varn["quotes"]) == 4 and len(varn["articles"]) == 2
    assert all(q["speaker_name"] == "Aleka Varn" for q in client.get("/api/quotes?speaker=aleka-varn").json())
    found = client.get("/api/search?q=inspected").json()
    assert any("inspected" in q["text"] for q in found["quotes"])
    assert client.get("/api/counts").json()["articles"] == 3
    assert any(d["kind"] == "timing" for d in client.get("/api/disputes").json())
    tl = client.get("/api/timeline").json()
    assert any(r["relation"] == "BEFORE" for e in tl for r in e["relations"])


def test_not_found(client):
    r = client.get("/api/articles/no-such-article")
    assert r.status_code == 404 and "no article" in r.json()["detail"]
    assert client.get("/api/actors/nobody").status_code == 404
    page = client.get("/articles/no-such-article")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert "no article with id" in page.text
    assert client.get("/nowhere").status_code == 404


def test_bad_dates(client):
    assert client.get("/api/articles?since=yesterday").status_code == 422
    assert client.get("/api/quotes?until=2026-13").status_code == 422
    r = client.get("/articles?since=yesterday")
    assert r.status_code == 400 and "YYYY-MM-DD" in r.text
    assert client.get("/articles?since=&until=").status_code == 200  # an empty form field is no filter
    assert client.get("/api/search").status_code == 422  # q is required


# ---------------------------------------------------------------- the article page

def test_article_highlights_quotes_by_speaker(client):
    html = client.get("/articles/ferry-gazette").text
    marks = re.findall(r'<mark class="q q-(\w+) spk-(\d+)" data-quote="([^"]+)"', html)
    assert len(marks) == 5
    colours = {q: c for _, c, q in marks}
    assert colours["quote-q2"] == colours["quote-q3"] != colours["quote-q5"]  # Varn twice, then Lemm
    # colour is never the only cue: each quote carries its speaker's initials and a spoken label
    assert html.count('<span class="who" aria-hidden="true">AV</span>') >= 3
    assert "quote by Odo Lemm" in html
    assert 'tabindex="0" role="button"' in html  # reachable by keyboard
    for qid in ("quote-q1", "quote-q5"):  # the details the script shows on click are on the page
        assert f'id="{qid}"' in html
    assert "Harbour line</h2>" in html  # headings stay headings
    assert "Cast" in html and "Brisk Ferries" in html
    assert "⚠ conflicting" in html  # Varn and Lemm order the signing and the inspection differently


def test_real_article_from_the_pipeline_renders(client, tmp_path):
    """An analysis made by nonpaper.analyze (whatever the stages find) renders too."""
    from nonpaper.web.routes_pages import article_context
    from conftest import analyze_text

    analysis = analyze_text("Harbour talks resume\n\n\u201cWe will sign,\u201d said Ana Brel, the mayor.\n\n"
                            "The council said on Monday that talks would resume.", published="2026-03-02")
    ctx = article_context(analysis, [], {})
    text = "".join(str(html) for _, html in ctx["blocks"])
    assert "We will sign" in text and "talks would resume" in text


# ---------------------------------------------------------------- escaping

class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def injected(html: str) -> list[str]:
    """Markup that did not come from our templates: script/img/iframe tags, on* handlers, js: links."""
    parser = TagCollector()
    parser.feed(html)
    bad = []
    for tag, attrs in parser.tags:
        if tag == "script" and attrs.get("src") != "/static/app.js":
            bad.append(f"<script {attrs}>")
        if tag in ("img", "iframe", "object", "embed", "i", "b"):  # never in our templates, all in payloads
            bad.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                bad.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                bad.append(f"<{tag} {name}=javascript:>")
    return bad


@pytest.mark.parametrize("url", PAGES)
def test_every_page_escapes_article_text(client, url):
    html = client.get(url).text
    assert injected(html) == []
    assert "<script>window.__xss" not in html and "onerror=\"window" not in html


def test_xss_article_text_shown_as_text(client):
    html = client.get(f"/articles/{XSS_ID}").text
    assert "&lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;window.__xss=1&#34;&gt;" in html
    assert 'href="javascript:' not in html  # the article's javascript: "URL" is not a link


def test_security_headers(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_no_external_assets(client):
    """Everything loads from this server: no CDN, no fonts or scripts from elsewhere (works offline)."""
    for url in PAGES:
        html = client.get(url).text
        assert not re.search(r'(src|href)="(https?:)?//', html.replace('href="https://example.org/ferry-gazette"', "")), url
    css = client.get("/static/style.css").text
    assert "url(" not in css and "@import" not in css
    assert client.get("/static/app.js").status_code == 200


def test_docs_and_openapi(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/actors", "/api/actors/{actor_id}",
                 "/api/quotes", "/api/timeline", "/api/disputes", "/api/search", "/api/analyze"):
        assert path in spec["paths"], path
    docs = client.get("/docs").text
    assert "swagger" not in docs.lower() and "cdn" not in docs.lower()
    assert "/api/quotes" in docs and 'action="/api/quotes"' in docs


# ---------------------------------------------------------------- writing: read-only, token, limits

def test_read_only_refuses_to_store(client):
    r = client.post("/api/analyze", json={"text": "A headline\n\nSome text.", "store": True})
    assert r.status_code == 403 and "--allow-write" in r.json()["detail"]
    page = client.post("/analyze", data={"text": "A headline\n\nSome text.", "save": "1"}, files=NO_FILE)
    assert page.status_code == 403 and "read-only" in page.text
    assert "Store the analysis" not in client.get("/analyze").text


def test_analyze_without_storing(client):
    r = client.post("/api/analyze", json={"text": "Ferry news\n\nThe port said ferries run.",
                                          "published": "2026-02-01"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["stored"] is False and body["analysis"]["schema"] == "nonpaper/1"
    assert body["analysis"]["article"]["published"] == "2026-02-01"
    page = client.post("/analyze", data={"text": "Ferry news\n\nThe port said <b>ferries</b> run."}, files=NO_FILE)
    assert page.status_code == 200 and "&lt;b&gt;ferries&lt;/b&gt;" in page.text
    up = client.post("/analyze", files={"file": ("note.txt", b"Upload news\n\nThe mayor said it works.")})
    assert up.status_code == 200 and "The mayor said it works." in up.text


def test_analyze_input_errors(client):
    assert client.post("/api/analyze", json={"text": "   "}).status_code == 400
    assert client.post("/api/analyze", content=b"not json", headers={"content-type": "application/json"}
                       ).status_code == 400
    r = client.post("/analyze", data={"text": ""}, files=NO_FILE)
    assert r.status_code == 400 and "nothing to analyse" in r.text
    feed = client.post("/analyze", files={"file": ("f.jsonl", b'{"text": "x"}\n')})
    assert feed.status_code == 400 and "nonpaper ingest" in feed.text
    binary = client.post("/analyze", files={"file": ("x.txt", b"\x00\x01\x02" * 10)})
    assert binary.status_code == 400 and "binary" in binary.text


def test_upload_over_5mb_is_413(client):
    big = b"word " * (5 * 1024 * 1024 // 5 + 1000)
    r = client.post("/api/analyze", files={"file": ("big.txt", big)})
    assert r.status_code == 413 and "5 MB limit" in r.json()["detail"]
    page = client.post("/analyze", files={"file": ("big.txt", big)}, headers={"accept": "text/html"})
    assert page.status_code == 413 and "5 MB limit" in page.text and "text/html" in page.headers["content-type"]
    js = client.post("/api/analyze", json={"text": "x" * (6 * 1024 * 1024)})
    assert js.status_code == 413


def test_long_pasted_text_gets_a_clear_answer(client):
    """A pasted text over 1 MB passes the form parser (its default is 1 MB per field) and is refused
    by the parser's own limit with a message that says what to do."""
    text = "Long headline\n\n" + "Word and more words. " * 60000
    r = client.post("/analyze", data={"text": text}, files={"file": ("", b"")})
    assert r.status_code == 413 and "split it into articles" in r.text and "Part exceeded" not in r.text
    api = client.post("/api/analyze", data={"text": text}, files={"file": ("", b"")})
    assert api.status_code == 413 and "1,000,000" in api.json()["detail"]


def test_streamed_body_over_5mb_is_413(client):
    """No Content-Length (chunked): the limit holds while the body streams in."""
    def chunks():
        for _ in range(7):
            yield b"x" * (1024 * 1024)

    r = client.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_upload_just_under_the_limit_is_read(client):
    """Exactly 5 MB passes the upload check; one byte more is refused."""
    from nonpaper.web.analyse import MAX_UPLOAD, upload_text

    text, _ = upload_text(b"a" * MAX_UPLOAD, "ok.txt")
    assert len(text) == MAX_UPLOAD
    with pytest.raises(Exception) as exc:
        upload_text(b"a" * (MAX_UPLOAD + 1), "big.txt")
    assert getattr(exc.value, "status_code", None) == 413


def test_token_needed_to_store(writable):
    body = {"text": "Token test headline\n\nThe ferry operator said boats sail at dawn.", "store": True}
    assert writable.post("/api/analyze", json=body).status_code == 401
    wrong = writable.post("/api/analyze", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and "token" in wrong.json()["detail"]
    ok = writable.post("/api/analyze", json=body, headers={"Authorization": "Bearer s3cret-token"})
    assert ok.status_code == 200, ok.text
    stored = ok.json()
    assert stored["stored"] is True and stored["new"] is True
    assert stored["article_id"] in {a["id"] for a in writable.get("/api/articles").json()}
    # without "store" nothing is written, token or not
    n = writable.get("/api/counts").json()["articles"]
    writable.post("/api/analyze", json={"text": "Other headline\n\nNothing stored."})
    assert writable.get("/api/counts").json()["articles"] == n


def test_token_form(writable):
    form = {"text": "Form store headline\n\nThe harbour master said the quay reopens.", "save": "1"}
    assert "Store the analysis" in writable.get("/analyze").text
    refused = writable.post("/analyze", data={**form, "token": "wrong"}, files=NO_FILE)
    assert refused.status_code == 401 and "token" in refused.text
    ok = writable.post("/analyze", data={**form, "token": "s3cret-token"}, files=NO_FILE)
    assert ok.status_code == 200 and "Stored as" in ok.text
    also = writable.post("/analyze", data=form, headers={"X-Nonpaper-Token": "s3cret-token"}, files=NO_FILE)
    assert also.status_code == 200 and "already in the store" in also.text


def test_generated_token():
    app = create_app(FakeStore([]), allow_write=True)
    assert len(app.state.token) >= 24
    assert create_app(FakeStore([])).state.token is None


def test_host_check_guards_loopback_server():
    app = create_app(FakeStore(samples()), allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert c.get("/").status_code == 200
    with TestClient(app, base_url="http://attacker.example") as c:
        assert c.get("/api/articles").status_code == 400


def test_empty_store_pages():
    with TestClient(create_app(FakeStore([]))) as c:
        for url in ("/", "/articles", "/actors", "/timeline", "/disputes", "/quotes", "/search?q=x"):
            r = c.get(url)
            assert r.status_code == 200 and injected(r.text) == [], url


def test_store_errors_are_one_line_pages():
    class Broken(FakeStore):
        def counts(self):
            raise RuntimeError("database is locked")

    with TestClient(create_app(Broken(samples())), raise_server_exceptions=False) as c:
        r = c.get("/")
        assert r.status_code == 500 and "internal error" in r.text and "Traceback" not in r.text
        assert "database is locked" not in r.text  # the exception's text stays in the server log
        assert c.get("/api/counts").json()["detail"].startswith("internal error")


# ---------------------------------------------------------------- the serve command

def test_serve_help_has_example(cli_run):
    r = cli_run("serve", "--help")
    assert r.exit_code == 0 and "Example:" in r.output and "--allow-write" in r.output
    assert "127.0.0.1" in r.output


def test_serve_refuses_missing_store(cli_run, tmp_path):
    r = cli_run("serve", "--db", str(tmp_path / "missing.db"))
    assert r.exit_code == 2 and "no store at" in r.output and "nonpaper ingest" in r.output


def test_serve_port_in_use(cli_run, tmp_path):
    import socket

    db = sqlite_store(tmp_path / "s.db")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = cli_run("serve", "--db", db, "--port", str(port))
    assert r.exit_code == 2 and "choose another --port" in r.output


def test_json_in_script_free_pages(client):
    """No page embeds data in inline scripts (the CSP would block them, and they are an XSS risk)."""
    html = client.get("/articles/ferry-gazette").text
    parser = TagCollector()
    parser.feed(html)
    assert [a for t, a in parser.tags if t == "script"] == [{"src": "/static/app.js", "defer": None}]
    assert json.loads(client.get("/api/articles/ferry-gazette").text)["article"]["id"] == "ferry-gazette"


# ---------------------------------------------------------------- the README's sample articles

@pytest.fixture(scope="module")
def examples_client(tmp_path_factory):
    """A store made by `ingest` from examples/ (the full pipeline, whatever it finds today)."""
    pytest.importorskip("nonpaper.store")
    from conftest import EXAMPLES
    from nonpaper.corpus import ingest
    from nonpaper.store import open_store

    path = tmp_path_factory.mktemp("examples") / "examples.db"
    store = open_store(str(path))
    ingest([str(EXAMPLES)], store, progress=False, warn=lambda _: None)
    store.close()
    with TestClient(create_app(str(path))) as c:
        yield c


def test_every_page_on_the_sample_articles(examples_client):
    c = examples_client
    articles = c.get("/api/articles?limit=100").json()
    assert len(articles) >= 5
    actors = c.get("/api/actors").json()
    urls = [u for u in PAGES if "xss" not in u and "/actors/" not in u and "ferry" not in u]
    urls += [f"/articles/{a['id']}" for a in articles] + [f"/actors/{a['id']}" for a in actors[:10]]
    for url in urls:
        r = c.get(url)
        assert r.status_code == 200, (url, r.text[:300])
        assert injected(r.text) == [], url
    for url in API[:1] + [f"/api/articles/{articles[0]['id']}", "/api/actors", "/api/timeline", "/api/disputes"]:
        assert c.get(url).status_code == 200, url
    marked = sum(c.get(f"/articles/{a['id']}").text.count('<mark class="q') for a in articles)
    assert marked > 0  # the pipeline finds quotes in the samples, and the pages highlight them


def test_serve_command_runs_a_server(tmp_path):
    """`nonpaper serve` for real: binds 127.0.0.1, prints where and the token, answers, refuses bad tokens."""
    import os
    import socket
    import subprocess
    import sys
    import time
    import httpx

    db = sqlite_store(tmp_path / "serve.db")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NONPAPER_TOKEN": "tok-from-env"}
    proc = subprocess.Popen([sys.executable, "-m", "nonpaper", "serve", "--db", db, "--port", str(port),
                             "--allow-write"], env=env, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(base + "/api/counts", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["articles"] == 3
        bad = httpx.post(base + "/api/analyze", json={"text": "T\n\nx", "store": True},
                         headers={"Authorization": "Bearer wrong"})
        assert bad.status_code == 401
        assert httpx.get(base + "/", headers={"Host": "rebound.example"}).status_code == 400
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert f"at http://127.0.0.1:{port}/" in err and "token: the one in NONPAPER_TOKEN" in err
    assert "tok-from-env" not in err  # the user's own token is never echoed


@pytest.mark.postgres
def test_pages_on_postgres(pg_url):
    """The same pages over PostgreSQL (one connection per server thread)."""
    from nonpaper.store import open_store

    store = open_store(pg_url)
    for analysis in samples():
        store.add(analysis)
    store.recompute()
    store.close()
    with TestClient(create_app(pg_url)) as c:
        for url in PAGES + API:
            r = c.get(url)
            assert r.status_code == 200, (url, r.text[:300])
            if not url.startswith("/api/"):
                assert injected(r.text) == [], url
        assert c.get("/api/counts").json()["articles"] == 3


def test_dispute_pages_show_whom_each_side_cites_and_who_relays_it(tmp_path):
    """Two outlets' stories ingested: the disputes page names each side's origin and relaying outlet."""
    pytest.importorskip("nonpaper.store")
    from nonpaper.corpus import ingest
    from nonpaper.store import open_store

    dump = tmp_path / "ferry.jsonl"
    dump.write_text("\n".join(json.dumps(row) for row in [
        {"id": "wire", "outlet": "Norrick Wire", "published": "2026-02-10",
         "text": "Harwick ferry talks with Brack Lines called off, paper says\n\nThe city council has called off the "
                 "Harwick ferry talks with Brack Lines, the Harwick Gazette said on Monday, citing two council "
                 "officials.\n\nMayor Ada Lind did not comment on the Brack Lines ferry contract."},
        {"id": "courier", "outlet": "Castrel Courier", "published": "2026-02-11",
         "text": "Mayor says Harwick ferry talks with Brack Lines postponed\n\nMayor Ada Lind said on Tuesday that the "
                 "Harwick ferry talks with Brack Lines had been postponed.\n\nBrack Lines runs the Harwick ferry."},
    ]) + "\n", encoding="utf-8")
    store = open_store(str(tmp_path / "ferry.db"))
    ingest([str(dump)], store, progress=False, warn=lambda _: None)
    store.close()
    with TestClient(create_app(str(tmp_path / "ferry.db"))) as c:
        page = c.get("/disputes").text
    assert "citing two council officials; relayed by Norrick Wire" in page
    assert "relayed by Castrel Courier" in page
