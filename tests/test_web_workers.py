"""`nonpaper serve --workers N` (issue 20's load target): several real server processes on one port.
Readers are spread over them, a worker that dies is replaced, SIGTERM stops them all within two seconds,
and killing the parent leaves no worker behind."""
from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("uvicorn")

from conftest import ROOT  # noqa: E402
from test_web import sqlite_store  # noqa: E402


def children(pid: int) -> list[int]:
    """The live (not zombie) processes whose parent is `pid`."""
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            out.append(int(entry))
    return sorted(out)


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def cpu_ticks(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def wait_for(check, seconds: float = 30, what: str = "") -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


@pytest.fixture
def served(tmp_path):
    """`nonpaper serve --workers 2` on a free port; yields (process, base URL)."""
    db = sqlite_store(tmp_path / "serve.db")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "nonpaper", "serve", "--db", db, "--port", str(port),
                             "--workers", "2"], env=env, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"

    def answers() -> bool:
        assert proc.poll() is None, "the server ended"
        try:
            return httpx.get(base + "/api/counts", timeout=2).status_code == 200
        except httpx.TransportError:
            return False

    wait_for(answers, what="the server")
    wait_for(lambda: len(children(proc.pid)) == 2, what="two workers")
    yield proc, base
    if proc.poll() is None:
        proc.kill()
    proc.communicate(timeout=10)


def load(base: str, clients: int = 8, each: int = 6) -> list[int]:
    async def run() -> list[int]:
        async with httpx.AsyncClient(base_url=base, timeout=30) as c:
            async def client() -> list[int]:
                return [(await c.get("/actors")).status_code for _ in range(each)]
            return [s for part in await asyncio.gather(*(client() for _ in range(clients))) for s in part]
    return asyncio.run(run())


def test_readers_are_spread_over_the_workers(served):
    proc, base = served
    workers = children(proc.pid)
    before = {w: cpu_ticks(w) for w in workers}
    assert set(load(base, clients=12, each=8)) == {200}
    used = [cpu_ticks(w) - before[w] for w in workers]
    assert all(u > 0 for u in used), used  # both answered (on one shared socket, one worker took them all)


def test_a_worker_that_dies_is_replaced(served):
    proc, base = served
    first, second = children(proc.pid)
    os.kill(first, signal.SIGKILL)
    wait_for(lambda: len(children(proc.pid)) == 2 and first not in children(proc.pid), what="a new worker")
    assert second in children(proc.pid)
    assert set(load(base, clients=4, each=3)) == {200}


def test_sigterm_stops_every_worker_within_2s(served):
    proc, base = served
    workers = children(proc.pid)
    assert set(load(base, clients=4, each=2)) == {200}
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=10)
    assert time.monotonic() - started < 2.0
    assert not any(alive(w) for w in workers)
    _, err = proc.communicate(timeout=5)
    assert "Traceback" not in err, err


def test_workers_end_with_a_killed_parent(served):
    proc, base = served
    workers = children(proc.pid)
    proc.kill()
    proc.wait(timeout=10)
    wait_for(lambda: not any(alive(w) for w in workers), seconds=5, what="the workers to end")


def test_a_worker_that_cannot_start_stops_the_server(tmp_path):
    """A port another program takes between the check and the workers' bind: one line, exit status 1,
    not workers forked again and again."""
    db = sqlite_store(tmp_path / "serve.db")
    from nonpaper.web.workers import Supervisor

    forks = []

    def run() -> None:
        raise SystemExit(3)  # what a worker that cannot bind does

    supervisor = Supervisor(run, 2)
    original = supervisor._fork

    def counted() -> None:
        forks.append(1)
        original()

    supervisor._fork = counted
    assert db and supervisor.serve() == 1
    assert len(forks) == 2
