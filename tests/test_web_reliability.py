"""Issue 18, the web side: no request can hold the server, no error shows an exception's text, every
answer carries the security headers, and no other site's form can write.

The HTTP cases run through FastAPI's TestClient; the ones about time (a client that leaves, SIGTERM,
slow headers) against a real `nonpaper serve` process or a real uvicorn server on a socket."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import warnings

import pytest

warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
pytest.importorskip("fastapi")
httpx = pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from conftest import ROOT  # noqa: E402
from nonpaper.web.app import create_app  # noqa: E402
from test_web import NO_FILE, sqlite_store  # noqa: E402
from web_fake_store import FakeStore  # noqa: E402
from web_samples import samples  # noqa: E402

SECURITY = ("content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options")
SMALL = "Quay reopens\n\nThe harbour master said on Friday that the quay would reopen."
# Quote-dense text takes the analysis tens of seconds: long enough to leave, or stop the server, meanwhile.
PARA = '"We will not move from the quay until the council listens," union organiser Pol Garrick said on {}.'
LONG = "Strike goes on\n\n" + "\n\n".join(PARA.format(f"day {i}") for i in range(2000))


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = sqlite_store(tmp_path_factory.mktemp("webrel") / "w.db")
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def secure(response) -> bool:
    return all(h in response.headers for h in SECURITY)


# ---------------------------------------------------------------- errors: no exception text, headers

def test_a_500_carries_no_exception_text_and_the_security_headers():
    class Broken(FakeStore):
        def articles(self, **kw):
            raise ValueError("secret internals: /srv/db password=hunter2")

    with TestClient(create_app(Broken(samples())), raise_server_exceptions=False) as c:
        for url in ("/api/articles", "/articles"):
            r = c.get(url)
            assert r.status_code == 500 and secure(r), url
            assert "hunter2" not in r.text and "ValueError" not in r.text and "internal error" in r.text


def test_refusals_by_the_middlewares_carry_the_security_headers(client):
    big = client.post("/api/analyze", json={"text": "x" * (6 * 1024 * 1024)})
    assert big.status_code == 413 and secure(big)
    app = create_app(FakeStore(samples()), allowed_hosts=["127.0.0.1"])
    with TestClient(app, base_url="http://rebound.example") as c:
        host = c.get("/")
        assert host.status_code == 400 and secure(host)


@pytest.mark.parametrize("url", ["/api/articles?offset=9223372036854775808", "/articles?offset=9223372036854775808",
                                 "/api/articles?search=" + "a" * 50_001, "/api/quotes?speaker=" + "a" * 50_001,
                                 "/api/timeline?event=" + "a" * 50_001, "/quotes?speaker=" + "a" * 50_001])
def test_query_values_no_store_can_take_are_a_400(client, url):
    r = client.get(url)
    assert r.status_code == 400 and secure(r), (url, r.status_code, r.text[:200])


def test_hostile_bodies_are_answered_not_500(client):
    utf16 = client.post("/api/analyze", files={"file": ("odd.txt", "Quay news\n\nThe mayor said yes.".encode(
        "utf-16") + b"!")})
    assert utf16.status_code == 200, utf16.text
    lone = client.post("/api/analyze", content='{"text": "Quay news\\n\\nThe mayor \\ud800 said yes.", '
                                               '"title": "Q\\udfff"}', headers={"content-type": "application/json"})
    assert lone.status_code == 200, lone.text
    assert "\ufffd" in lone.json()["analysis"]["article"]["text"]
    deep = client.post("/api/analyze", content=b"[" * 100_000 + b"]" * 100_000,
                       headers={"content-type": "application/json"})
    assert deep.status_code == 400 and "nested" in deep.json()["detail"] and secure(deep)


# ---------------------------------------------------------------- writes: JSON or multipart, same origin

@pytest.mark.parametrize("ctype, body", [("text/plain", "text=" + SMALL),
                                         ("application/x-www-form-urlencoded", "text=Quay+news")])
def test_writes_take_only_json_or_multipart(client, ctype, body):
    r = client.post("/api/analyze", content=body.encode(), headers={"content-type": ctype})
    assert r.status_code == 415 and secure(r) and "multipart" in r.json()["detail"]
    page = client.post("/analyze", content=body.encode(), headers={"content-type": ctype})
    assert page.status_code == 415


@pytest.mark.parametrize("headers", [{"origin": "https://evil.example"}, {"sec-fetch-site": "cross-site"},
                                     {"origin": "null"}, {"sec-fetch-site": "same-site"}])
def test_a_cross_site_form_cannot_reach_a_write(client, headers):
    for url in ("/api/analyze", "/analyze"):
        r = client.post(url, data={"text": SMALL}, files=NO_FILE, headers=headers)
        assert r.status_code == 403 and secure(r), (url, headers, r.status_code)


@pytest.mark.parametrize("headers", [{"origin": "http://testserver", "sec-fetch-site": "same-origin"},
                                     # what Chromium sends from a page with Referrer-Policy: no-referrer
                                     {"origin": "null", "sec-fetch-site": "same-origin"},
                                     {"origin": "http://testserver"}, {}])
def test_this_servers_own_pages_and_scripts_can_write(client, headers):
    r = client.post("/analyze", data={"text": SMALL}, files=NO_FILE, headers=headers)
    assert r.status_code == 200 and "quay would reopen" in r.text


# ---------------------------------------------------------------- a real server: time

@pytest.fixture
def server(tmp_path):
    """`nonpaper serve` on a free port; yields (process, base URL)."""
    db = sqlite_store(tmp_path / "serve.db")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "nonpaper", "serve", "--db", db, "--port", str(port)],
                            env=env, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(base + "/api/counts", timeout=2)
            break
        except httpx.TransportError:
            assert proc.poll() is None and time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
    # warm the analysis process, so the timings below measure the analysis, not loading spaCy
    assert httpx.post(base + "/api/analyze", json={"text": SMALL}, timeout=120).status_code == 200
    yield proc, base
    if proc.poll() is None:
        proc.kill()
    proc.communicate(timeout=10)


def _long_analysis(base: str, timeout: float, out: dict) -> threading.Thread:
    def post():
        try:
            out["response"] = httpx.post(base + "/api/analyze", json={"text": LONG}, timeout=timeout)
        except httpx.HTTPError as exc:
            out["error"] = exc

    thread = threading.Thread(target=post)
    thread.start()
    return thread


def test_reads_answer_and_a_client_that_leaves_frees_the_analysis(server):
    proc, base = server
    out: dict = {}
    thread = _long_analysis(base, 3, out)  # the client gives up after 3 s
    time.sleep(1)
    started = time.monotonic()
    assert httpx.get(base + "/api/articles", timeout=10).status_code == 200
    assert time.monotonic() - started < 3.0  # a read is not held by the analysis (which takes 30 s and more)
    thread.join()
    assert isinstance(out.get("error"), httpx.TimeoutException)
    started = time.monotonic()
    r = httpx.post(base + "/api/analyze", json={"text": SMALL}, timeout=60)
    assert r.status_code == 200 and time.monotonic() - started < 5  # the abandoned analysis was given up


def test_sigterm_stops_the_server_within_2s_during_an_analysis(server):
    proc, base = server
    out: dict = {}
    thread = _long_analysis(base, 60, out)
    time.sleep(2)
    assert thread.is_alive()  # still analysing
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=10)
    assert time.monotonic() - started < 2.0
    thread.join()
    _, err = proc.communicate(timeout=5)
    assert "Traceback" not in err, err


def test_a_connection_slow_to_send_its_headers_is_closed():
    import uvicorn

    from nonpaper.web.app import protocol

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(FakeStore(samples())), host="127.0.0.1", port=port, log_level="warning",
                            http=protocol(1.0))
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        with socket.create_connection(("127.0.0.1", port)) as conn:
            conn.settimeout(5)
            started = time.monotonic()
            conn.sendall(b"GET /api/counts HTTP/1.1\r\n")
            closed = False
            for _ in range(20):  # a header byte every 0.2 s: it never completes
                try:
                    conn.sendall(b"X")
                    time.sleep(0.2)
                    if conn.recv(1, socket.MSG_DONTWAIT) == b"":
                        closed = True
                        break
                except BlockingIOError:
                    continue
                except OSError:
                    closed = True
                    break
            assert closed and time.monotonic() - started < 3
        # a normal client is served, twice on one connection
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as c:
            assert c.get("/api/counts").status_code == 200
            time.sleep(0.5)
            assert c.get("/api/counts").status_code == 200
    finally:
        server.should_exit = True
        thread.join(10)
