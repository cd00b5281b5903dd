"""Several server processes on one listening socket (`nonpaper serve --workers N`).

Pages are rendered and JSON is written in Python, which runs one thread at a time per process: one
process used one core, and under load its requests queued behind each other (issue 20: p99 2.7 s at
concurrency 20 on 1,000 articles). Here the parent binds the socket once and forks N workers that
accept on it, each a whole server (its own store connections and, when asked to analyse, its own
analysis process). The parent only watches: a worker that dies is replaced; SIGTERM or Ctrl+C stops
them all within two seconds (`STOP_WITHIN`), and a worker still running then is killed.
"""
from __future__ import annotations

import os
import signal
import socket
import sys
import time
from typing import Callable

STOP_WITHIN = 1.5  # seconds from SIGTERM until the last worker is killed (the promise is two; the parent
# itself then takes a few tenths of a second to exit on a busy machine: 2.1 s in all with 1.8)
QUICK_DEATH = 2.0  # a worker that exits with an error this soon after starting cannot start
MAX_QUICK_DEATHS = 5  # killed just after starting this many times in a row: something kills every worker
POLL = 0.05


def listen(host: str, port: int, backlog: int = 2048) -> socket.socket:
    """A worker's own listening socket on the shared port (SO_REUSEPORT): the kernel spreads new
    connections over the workers. On one shared socket, the first worker to wake accepted every
    connection waiting (asyncio accepts up to the backlog at once): 10 of 12 keep-alive connections
    went to one worker and the other idled."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(backlog)
    return sock


def _die_with_parent() -> None:
    """A worker ends when the parent does, even killed with SIGKILL (it could not pass the signal on)."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class Supervisor:
    """Fork `n` processes running `run()`; replace the ones that die; stop them all on SIGTERM/SIGINT."""

    def __init__(self, run: Callable[[], None], n: int):
        self.run, self.n = run, n
        self.children: dict[int, float] = {}  # pid -> when it started
        self.stop_at: float | None = None
        self.status = 0
        self.quick_deaths = 0  # workers in a row that died just after starting

    def _fork(self) -> None:
        pid = os.fork()
        if pid == 0:  # the worker: default signal handling until its server installs its own
            code = 1
            try:
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                _die_with_parent()
                self.run()
                code = 0
            except BaseException as exc:  # one line for the user; the parent says what to do
                print(f"nonpaper: a worker process stopped: {type(exc).__name__}: {exc}", file=sys.stderr)
            finally:
                os._exit(code)
        self.children[pid] = time.monotonic()

    def _stop(self, signum, frame) -> None:
        if self.stop_at is None:
            self.stop_at = time.monotonic() + STOP_WITHIN
        for pid in list(self.children):
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass

    def serve(self) -> int:
        """Run until stopped; the exit status (1 when the workers kept failing to start)."""
        for _ in range(self.n):
            self._fork()
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        while self.children:
            self._reap()
            if self.stop_at is not None and time.monotonic() > self.stop_at:
                for pid in list(self.children):  # past the promise: no more waiting
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                self.stop_at = float("inf")  # killed once; reaped below
            time.sleep(POLL)
        return self.status

    def _reap(self) -> None:
        while True:
            try:
                pid, how = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                self.children.clear()
                return
            if pid == 0:
                return
            started = self.children.pop(pid, None)
            if started is None or self.stop_at is not None:
                continue
            quick = time.monotonic() - started < QUICK_DEATH
            self.quick_deaths = self.quick_deaths + 1 if quick else 0
            failed = os.WIFEXITED(how) and os.WEXITSTATUS(how) != 0
            if quick and (failed or self.quick_deaths > MAX_QUICK_DEATHS):  # it cannot start: never fork it again
                self.status = 1
                self._stop(signal.SIGTERM, None)
            else:
                self._fork()  # a worker died (killed, out of memory): its place is taken again
