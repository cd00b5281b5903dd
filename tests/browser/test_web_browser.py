"""The web UI in a real browser: Debian's chromium driven by Playwright, against a real uvicorn server
on a free 127.0.0.1 port over a SQLite store of the hand-annotated test articles (tests/web_samples.py).

Every page loads without console errors or requests elsewhere; clicking a quote (or Enter on it)
shows its speaker; the article full of script stays inert. Screenshots of every page go to
test-artifacts/screenshots/. Skipped when /usr/bin/chromium is missing, except in CI (env CI set).
"""
from __future__ import annotations

import os
import socket
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = TESTS.parent / "test-artifacts" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser

UNLABELLED = """() => Array.from(document.querySelectorAll('input:not([type=hidden]), textarea, select, button'))
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                && !(el.tagName === 'BUTTON' && el.textContent.trim()))
  .map(el => el.outerHTML)"""

PAGES = {
    "overview": "/",
    "articles": "/articles",
    "article": "/articles/ferry-gazette",
    "article-wire": "/articles/ferry-wire",
    "article-xss": "/articles/xss-%3Ci%3Etest",
    "actors": "/actors",
    "actor": "/actors/aleka-varn",
    "quotes": "/quotes",
    "timeline": "/timeline",
    "disputes": "/disputes",
    "search": "/search?q=inspected",
    "analyze": "/analyze",
    "docs": "/docs",
}


def _need_browser():
    problem = None
    if not CHROMIUM.exists():
        problem = f"{CHROMIUM} not found (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "playwright is not installed (pip install playwright)"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI: {problem}")
        pytest.skip(problem)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(path: Path, **options):
    """Run a real uvicorn server in a thread over the store at `path`; yields its base URL."""
    import uvicorn

    from nonpaper.web.app import create_app

    port = _free_port()
    app = create_app(str(path), allowed_hosts=["127.0.0.1", "localhost"], **options)
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The hand-annotated test articles (tests/web_samples.py) in SQLite; writes allowed with a token."""
    _need_browser()
    from nonpaper.store import open_store
    from web_samples import samples

    path = tmp_path_factory.mktemp("browser") / "web.db"
    store = open_store(str(path))
    for analysis in samples():
        store.add(analysis)
    store.recompute()
    store.close()
    yield from _serve(path, allow_write=True, token="browser-token")


@pytest.fixture(scope="module")
def examples_server(tmp_path_factory):
    """The README's sample articles (examples/) ingested by the full pipeline; read-only."""
    _need_browser()
    from nonpaper.corpus import ingest
    from nonpaper.store import open_store

    path = tmp_path_factory.mktemp("browser") / "examples.db"
    store = open_store(str(path))
    ingest([str(TESTS.parent / "examples")], store, progress=False, warn=lambda _: None)
    store.close()
    yield from _serve(path)


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


class Watch:
    """Console errors, uncaught exceptions, dialogs, failed requests and requests to other hosts."""

    def __init__(self, page, base: str):
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        host = urlparse(base).netloc
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        # ERR_ABORTED: a request cut short by the next navigation (e.g. the favicon), not a failure
        page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED"
                and self.problems.append(f"failed: {r.url} {r.failure}"))
        page.on("request", lambda r: urlparse(r.url).netloc not in ("", host) and not r.url.startswith("data:")
                and self.problems.append(f"request elsewhere: {r.url}"))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.watch = Watch(pg, server)
    yield pg
    context.close()


@pytest.fixture
def examples_page(browser, examples_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.watch = Watch(pg, examples_server)
    yield pg
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("name", list(PAGES))
def test_page_loads_clean(page, server, name):
    response = page.goto(server + PAGES[name])
    assert response.status == 200
    page.wait_for_load_state("load")
    assert page.locator("h1").first.is_visible()
    shot(page, name)
    assert page.watch.problems == []
    assert page.evaluate("window.__xss") is None
    assert page.evaluate(UNLABELLED) == []  # every control has a label
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("h1").count() == 1


def test_click_quote_shows_speaker(page, server):
    page.goto(server + "/articles/ferry-gazette")
    detail = page.locator("#quote-detail")
    assert "Select a quote" in detail.inner_text()
    page.locator('mark.q[data-quote="quote-q5"]').click()
    text = detail.inner_text()
    assert "Odo Lemm" in text and "said" in text and "direct" in text
    assert page.locator('mark.q[data-quote="quote-q5"]').get_attribute("aria-pressed") == "true"
    page.locator('mark.q[data-quote="quote-q1"]').click()
    assert "Aleka Varn" in detail.inner_text() and "indirect" in detail.inner_text()
    shot(page, "article-quote-clicked")
    assert page.watch.problems == []


def test_keyboard_reaches_quotes_and_enter_shows_them(page, server):
    page.goto(server + "/articles/ferry-gazette")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"  # the skip link comes first
    for _ in range(60):  # Tab on until a quote has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('mark.q')"):
            break
    else:
        pytest.fail("no quote is reachable with Tab")
    first = page.evaluate("document.activeElement.dataset.quote")
    page.keyboard.press("Enter")
    assert "Aleka Varn" in page.locator("#quote-detail").inner_text()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.quote") != first
    assert page.watch.problems == []


def test_link_to_a_quote_opens_it(page, server):
    page.goto(server + "/articles/ferry-gazette#quote-q4")
    assert "Odo Lemm" in page.locator("#quote-detail").inner_text()
    page.goto(server + "/disputes")
    page.get_by_role("link", name="Read the sentence").first.click()
    page.wait_for_url("**/articles/ferry-gazette#quote-*")
    assert "Select a quote" not in page.locator("#quote-detail").inner_text()


def test_xss_article_stays_inert(page, server):
    page.goto(server + "/articles/xss-%3Ci%3Etest")
    page.wait_for_load_state("load")
    for mark in page.locator("mark.q").all():
        mark.click()
        mark.hover()
    page.locator(".art-head").hover()
    assert page.evaluate("window.__xss") is None
    for url in ("/actors/mallory-tag", "/disputes", "/timeline", "/quotes", "/",
                "/search?q=%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E"):
        page.goto(server + url)
        page.wait_for_load_state("load")
        page.mouse.move(300, 300)
        assert page.evaluate("window.__xss") is None, url
    assert page.watch.dialogs == []
    assert page.watch.problems == []
    # the markup is there as text for the reader to see
    page.goto(server + "/articles/xss-%3Ci%3Etest")
    assert "<script>window.__xss=1;alert(1)</script>" in page.locator(".art-text").inner_text()
    assert page.locator(".art-text img, .art-text script, .art-text svg").count() == 0


def test_analyse_and_store_with_token(page, server):
    page.goto(server + "/analyze")
    page.get_by_label("Article text").fill("Quay reopens after storm\n\n"
                                           "\u201cThe quay is safe again,\u201d said harbour master Ines Vale.")
    page.get_by_label("Published").fill("2026-03-02")
    page.get_by_role("button", name="Analyse").click()
    page.wait_for_load_state("load")
    assert page.locator("h1", has_text="Quay reopens after storm").is_visible()
    shot(page, "analyze-result")
    page.get_by_label("Store the analysis").check()
    page.get_by_label("Token").fill("browser-token")
    page.get_by_role("button", name="Analyse").click()
    page.wait_for_load_state("load")
    assert page.get_by_role("status").inner_text().startswith("Stored as")
    page.get_by_role("status").get_by_role("link").click()
    assert page.locator("h1", has_text="Quay reopens after storm").is_visible()
    assert page.watch.problems == []


def test_sample_articles_every_page(examples_page, examples_server):
    """`nonpaper serve` on a store of the README's sample articles: every page, every article."""
    pg, base = examples_page, examples_server
    pg.goto(base + "/articles")
    hrefs = pg.eval_on_selector_all("table.list a[href^='/articles/']", "els => els.map(e => e.getAttribute('href'))")
    assert len(hrefs) >= 5
    pg.goto(base + "/actors")
    actor = pg.eval_on_selector("table.list a[href^='/actors/']", "e => e.getAttribute('href')")
    names = {"overview": "/", "articles": "/articles", "actors": "/actors", "actor": actor, "quotes": "/quotes",
             "timeline": "/timeline", "disputes": "/disputes", "search": "/search?q=harbour"}
    names.update({f"article-{i + 1}": h for i, h in enumerate(hrefs)})
    for name, url in names.items():
        assert pg.goto(base + url).status == 200, url
        shot(pg, f"examples-{name}")
    assert pg.watch.problems == []
    # a quote on a sample article opens with its speaker
    for href in hrefs:
        pg.goto(base + href)
        marks = pg.locator("mark.q")
        if marks.count():
            marks.first.click()
            speaker = pg.locator("#quote-detail dd").first.inner_text().strip()
            assert speaker and "Select a quote" not in pg.locator("#quote-detail").inner_text()
            break
    else:
        pytest.fail("no sample article shows a highlighted quote")


# ---------------------------------------------------------------- issue 20: phones, the axis, dark mode, paging

WIDTHS = {"phone": (390, 844), "desktop": (1366, 900)}

TOO_WIDE = """() => {
  const w = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || el.closest('.sr-only, .skip')) continue;
    if (r.right > w + 1 || r.width > w + 1) wide.push(`${el.tagName}.${el.className} right=${Math.round(r.right)}`);
  }
  return {scrollWidth: document.documentElement.scrollWidth, width: w, wide: wide.slice(0, 8)};
}"""

LABEL_BOXES = """() => {
  const svg = Array.from(document.querySelectorAll('svg.axis-svg')).find(s => s.getBoundingClientRect().width > 0);
  if (!svg) return null;
  return Array.from(svg.querySelectorAll('text.axis-label, text.pt-num')).map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, x: r.left, y: r.top, r: r.right, b: r.bottom, h: r.height};
  });
}"""


@pytest.fixture(scope="module")
def busy_server(tmp_path_factory):
    """60 short stories (tests/test_store_support.make_analysis) whose events fall on close dates,
    the case where axis labels were drawn over each other."""
    _need_browser()
    from nonpaper.store import open_store
    from test_store_support import make_analysis

    days = ["2026-03-12", "2026-03-16", "2026-09-07", "2026-03-13", "2026-09-08", "2026-01-02", "2026-12-30",
            "2026-06-01", "2026-06-03", "2026-03-14"]
    path = tmp_path_factory.mktemp("browser") / "busy.db"
    with open_store(str(path)) as store:
        for n in range(1, 61):
            store.add(make_analysis(n, article_id=f"a-rather-long-article-identifier-number-{n}",
                                    published=f"2026-04-{n % 28 + 1:02d}", event_date=days[n % len(days)],
                                    quote=f"Statement {n}: the harbour extension-and-refurbishment-programme stalls"))
        store.recompute()
    yield from _serve(path)


def _context(browser, size: str, **options):
    width, height = WIDTHS[size]
    return browser.new_context(viewport={"width": width, "height": height}, **options)


@pytest.mark.parametrize("size", list(WIDTHS))
def test_no_element_is_wider_than_the_screen(browser, server, busy_server, size):
    context = _context(browser, size)
    pg = context.new_page()
    urls = [server + u for u in PAGES.values()] + [busy_server + u for u in (
        "/", "/articles", "/quotes", "/actors", "/timeline", "/disputes", "/search?q=harbour",
        "/articles/a-rather-long-article-identifier-number-7", "/timeline/events/a-rather-long-article-identifier-number-7:e1")]
    for url in urls:
        assert pg.goto(url).status == 200, url
        found = pg.evaluate(TOO_WIDE)
        assert found["scrollWidth"] <= found["width"] and found["wide"] == [], (url, found)
    shot(pg, f"quotes-{size}")
    context.close()


@pytest.mark.parametrize("size", list(WIDTHS))
def test_timeline_labels_never_overlap_and_stay_readable(browser, busy_server, server, size):
    context = _context(browser, size)
    pg = context.new_page()
    for url in (busy_server + "/timeline", server + "/timeline", server + "/articles/ferry-gazette"):
        pg.goto(url)
        boxes = pg.evaluate(LABEL_BOXES)
        assert boxes, url
        for i, a in enumerate(boxes):
            assert a["h"] >= 10, (url, a)  # about 4 px on a phone before
            for b in boxes[i + 1:]:
                overlap = a["x"] < b["r"] and b["x"] < a["r"] and a["y"] < b["b"] and b["y"] < a["b"]
                assert not overlap, (url, a, b)
    shot(pg, f"timeline-{size}")
    context.close()


def test_dark_mode_follows_the_system(browser, server):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, color_scheme="dark")
    pg = context.new_page()
    pg.goto(server + "/articles/ferry-gazette")
    colours = pg.evaluate("""() => {
      const lum = c => { const [r, g, b] = c.match(/\\d+/g).map(Number); return (0.2126*r + 0.7152*g + 0.0722*b) / 255; };
      const cs = getComputedStyle(document.documentElement);
      const text = getComputedStyle(document.querySelector('.art-text'));
      return {bg: lum(cs.backgroundColor), ink: lum(cs.color), panel: lum(text.backgroundColor), panelInk: lum(text.color)};
    }""")
    assert colours["bg"] < 0.2 and colours["ink"] > 0.7 and colours["panel"] < 0.2 and colours["panelInk"] > 0.7
    shot(pg, "article-dark")
    light = browser.new_context(viewport={"width": 1366, "height": 900}, color_scheme="light").new_page()
    light.goto(server + "/articles/ferry-gazette")
    assert light.evaluate("getComputedStyle(document.documentElement).backgroundColor") == "rgb(251, 251, 250)"
    context.close()


@pytest.mark.parametrize("size", list(WIDTHS))
def test_lists_page_and_export(browser, busy_server, size):
    context = _context(browser, size)
    pg = context.new_page()
    pg.goto(busy_server + "/quotes?kind=direct")
    assert "Quotes 1–50 of 60" in pg.get_by_role("status").inner_text()
    pg.get_by_role("link", name="Next quotes →").click()
    pg.wait_for_url("**offset=50**")
    assert "Quotes 51–60 of 60" in pg.get_by_role("status").inner_text()
    assert pg.get_by_label("Kind").input_value() == "direct"  # the filter is kept across pages
    csv_url = pg.get_by_role("link", name="CSV").get_attribute("href")
    body = pg.request.get(busy_server + csv_url).text()
    assert len(body.strip().splitlines()) == 61
    # a permalink survives filtering: the event's own page
    pg.goto(busy_server + "/timeline?event=walked")
    pg.locator("a.permalink").first.click()
    pg.wait_for_url("**/timeline/events/**")
    assert pg.locator("h1").inner_text().startswith("Event: walked out")
    context.close()


def test_analyse_result_links_work_without_storing(browser, examples_server):
    """On a read-only server every link of a result leads somewhere (issue 20: JSON, the title and
    'Read the sentence' were 404s); the JSON can be downloaded."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    pg.goto(examples_server + "/analyze")
    pg.get_by_label("Article text").fill("Quay talks called off, union says\n\nThe union said on Monday that the "
                                         "quay talks had been called off. \u201cThe talks are postponed, not called "
                                         "off,\u201d said harbour master Ines Vale.")
    pg.get_by_role("button", name="Analyse").click()
    pg.wait_for_load_state("load")
    hrefs = pg.eval_on_selector_all(".result a[href]", "els => els.map(e => e.href)")
    assert hrefs
    for href in {h.split("#")[0] for h in hrefs}:
        assert pg.request.get(href).status == 200, href
    pg.locator(".result .meta a", has_text="JSON").click()
    with pg.expect_download() as download:
        pg.get_by_role("button", name="Download JSON").click()
    assert '"schema": "nonpaper/1"' in open(download.value.path(), encoding="utf-8").read()
    context.close()


# ---------------------------------------------------------------- issue 20: disputed sentences, headline quotes

@pytest.fixture(scope="module")
def marks_server(tmp_path_factory):
    """The test articles plus one with quotes in its headline and subtitle, a dispute within it and a
    side of a cross-article dispute (tests/test_web_marks.py)."""
    _need_browser()
    from test_web_marks import sqlite_store

    yield from _serve(Path(sqlite_store(tmp_path_factory.mktemp("browser") / "marks.db")))


@pytest.mark.parametrize("size", list(WIDTHS))
def test_disputed_sentences_and_headline_quotes(browser, marks_server, size):
    context = _context(browser, size)
    pg = context.new_page()
    pg.watch = Watch(pg, marks_server)
    pg.goto(marks_server + "/articles/lease-story")
    marks = pg.locator(".art-text span.disputed[id]")
    assert marks.count() == 3
    assert "underline" in pg.evaluate("getComputedStyle(document.querySelector('.art-text span.disputed[id]'))"
                                      ".textDecorationLine")
    refs = pg.locator(".art-text a.dispute-ref")
    assert refs.count() == 3 and refs.first.is_visible() and refs.first.inner_text().startswith("\u26a0")
    # its name for a screen reader says what it is (not the colour, not the sign alone)
    pg.get_by_role("link", name="see the status dispute: Vale and the port board disagree").first.click()
    pg.wait_for_url("**#dispute-*")
    card = pg.locator(pg.evaluate("location.hash"))
    assert card.is_visible() and "disagree whether the lease was signed" in card.inner_text()
    box = card.bounding_box()
    assert 0 <= box["y"] < WIDTHS[size][1]  # the card is scrolled into view
    card.get_by_role("link", name="marked in the text ↑").first.click()
    pg.wait_for_url("**#disputed-*")
    # the headline's quote is a quote like the body's: it opens its details
    pg.locator("h1 mark.q").click()
    assert "Ines Vale" in pg.locator("#quote-detail").inner_text()
    assert pg.locator(".subtitle mark.q").is_visible()
    found = pg.evaluate(TOO_WIDE)
    assert found["scrollWidth"] <= found["width"] and found["wide"] == [], found
    shot(pg, f"article-marks-{size}")
    assert pg.watch.problems == []
    context.close()


@pytest.mark.parametrize("size", list(WIDTHS))
def test_sorting_by_column(browser, busy_server, size):
    """A column header (on a phone, where the header row is hidden, the sort bar) sorts the list and
    reverses it on a second click; the next page and the filter form keep the order."""
    context = _context(browser, size)
    pg = context.new_page()
    pg.watch = Watch(pg, busy_server)
    pg.goto(busy_server + "/articles")
    where = "table.list th a.sort" if size == "desktop" else "nav.sort-by a.sort"
    assert pg.locator("nav.sort-by").is_visible() == (size == "phone")
    titles = lambda: pg.locator("table.list td[data-label=Title] a").all_inner_texts()  # noqa: E731
    pg.locator(where, has_text="Title").click()
    pg.wait_for_url("**sort=title**")
    assert titles()[:3] == ["Harbour story 1", "Harbour story 10", "Harbour story 11"]
    pg.locator(where, has_text="Title").click()
    pg.wait_for_url("**sort=-title**")
    assert titles()[:2] == ["Harbour story 9", "Harbour story 8"]
    if size == "desktop":
        assert pg.locator("th[aria-sort=descending]").inner_text().startswith("Title")
    pg.get_by_role("link", name="Next articles →").click()
    pg.wait_for_url("**offset=50**")
    every = [a["title"] for a in pg.request.get(busy_server + "/api/articles?sort=-title&limit=100").json()]
    assert "sort=-title" in pg.url and titles() == every[50:]
    pg.get_by_label("Words").fill("harbour")
    pg.get_by_role("button", name="Filter").click()
    pg.wait_for_url("**search=harbour**")
    assert "sort=-title" in pg.url and titles()[0] == "Harbour story 9"
    for url in ("/articles?sort=title", "/quotes?sort=speaker", "/actors?sort=name", "/disputes?sort=-sides"):
        assert pg.goto(busy_server + url).status == 200
        found = pg.evaluate(TOO_WIDE)
        assert found["scrollWidth"] <= found["width"] and found["wide"] == [], (url, found)
    shot(pg, f"disputes-sorted-{size}")
    assert pg.watch.problems == []
    context.close()
