"""Bounded reads from any input: a file, a pipe, a FIFO, a device or stdin.

The size of a file says nothing about a device (`/dev/zero`), a FIFO or stdin, so every read here is
counted and stops one chunk past the limit. A FIFO or device named on the command line is waited on
for at most `READ_IDLE` seconds between chunks: a FIFO nobody writes to ends with a message instead of
hanging. stdin is never timed (a user may be typing into it), only bounded.
"""
from __future__ import annotations

import os
import select
import stat
from typing import BinaryIO, Iterator

CHUNK = 1 << 16
READ_IDLE = 60.0  # seconds a FIFO or device named as an input may stay silent before it is given up


class Stalled(OSError):
    """Nothing came from a FIFO or device for READ_IDLE seconds."""


class OverLimit(Exception):
    """More than `limit` bytes: the caller words the message (it knows which limit)."""

    def __init__(self, limit: int):
        super().__init__(limit)
        self.limit = limit


class Stream:
    """One input opened for bounded reading. `size` is known for regular files only."""

    def __init__(self, *, fd: int | None = None, fh: BinaryIO | None = None, idle: float | None = None,
                 size: int | None = None) -> None:
        self.fd, self.fh, self.idle, self.size = fd, fh, idle, size
        self._pushed = b""

    @classmethod
    def open(cls, path: str | os.PathLike) -> "Stream":
        # O_NONBLOCK: opening a FIFO without a writer would otherwise block before any timer could run.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        try:
            st = os.fstat(fd)
            if stat.S_ISDIR(st.st_mode):
                raise IsADirectoryError(21, "Is a directory")
            if stat.S_ISREG(st.st_mode):
                os.set_blocking(fd, True)
                return cls(fd=fd, size=st.st_size)
            return cls(fd=fd, idle=READ_IDLE)  # a FIFO, device or socket: wait with a limit
        except BaseException:
            os.close(fd)
            raise

    @classmethod
    def stdin(cls, fh) -> "Stream":
        """stdin (a text stream with .buffer, or a binary one); None when it is closed."""
        buffer = getattr(fh, "buffer", fh)
        if buffer is None or getattr(buffer, "closed", False):
            raise ClosedStdin()
        return cls(fh=buffer)

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> "Stream":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def read(self, n: int = CHUNK) -> bytes:
        """Up to `n` bytes; b"" at the end."""
        if self._pushed:
            data, self._pushed = self._pushed[:n], self._pushed[n:]
            return data
        if self.fh is not None:
            reader = getattr(self.fh, "read1", None) or self.fh.read
            try:
                return reader(n)
            except ValueError:  # "I/O operation on closed file"
                raise ClosedStdin() from None
        if self.idle is None:
            return os.read(self.fd, n)
        poller = select.poll()
        poller.register(self.fd, select.POLLIN | select.POLLHUP | select.POLLERR)
        while True:
            if not poller.poll(int(self.idle * 1000)):
                raise Stalled(f"nothing to read for {self.idle:g}s")
            try:
                return os.read(self.fd, n)
            except BlockingIOError:
                continue

    def unread(self, data: bytes) -> None:
        self._pushed = data + self._pushed

    def head(self, n: int) -> bytes:
        """The first `n` bytes (fewer at the end), left to be read again."""
        parts, got = [], 0
        while got < n:
            chunk = self.read(n - got)
            if not chunk:
                break
            parts.append(chunk)
            got += len(chunk)
        data = b"".join(parts)
        self.unread(data)
        return data

    def read_upto(self, limit: int) -> bytes:
        """Everything, or OverLimit as soon as more than `limit` bytes have come."""
        parts, got = [], 0
        while True:
            chunk = self.read(CHUNK)
            if not chunk:
                return b"".join(parts)
            got += len(chunk)
            if got > limit:
                raise OverLimit(limit)
            parts.append(chunk)

    def lines(self, limit: int) -> Iterator[bytes | OverLimit]:
        """Lines (without the newline), each at most `limit` bytes; a longer line is skipped unread and
        given as an OverLimit in its place, so line numbers stay true. Memory: one line."""
        pending: list[bytes] = []
        size = 0
        skipping = False
        while True:
            chunk = self.read(CHUNK)
            if not chunk:
                break
            start = 0
            while True:
                end = chunk.find(b"\n", start)
                piece = chunk[start:] if end < 0 else chunk[start:end]
                if not skipping:
                    size += len(piece)
                    if size > limit:
                        skipping, pending = True, []
                    else:
                        pending.append(piece)
                if end < 0:
                    break
                yield OverLimit(limit) if skipping else b"".join(pending)
                pending, size, skipping = [], 0, False
                start = end + 1
        if skipping:
            yield OverLimit(limit)
        elif pending and any(pending):
            yield b"".join(pending)


class ClosedStdin(OSError):
    """stdin is closed (`<&-`), so `-` has nothing to read."""
