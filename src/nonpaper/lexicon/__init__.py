"""Word lists shipped as data files under `nonpaper/lexicon/data/`, loaded once per process."""
from __future__ import annotations

import functools
import json
import re
from importlib import resources


def _read(name: str) -> str:
    return resources.files("nonpaper.lexicon").joinpath("data").joinpath(name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=None)
def wordlist(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of `data/NAME`, stripped."""
    lines = (line.strip() for line in _read(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@functools.lru_cache(maxsize=None)
def wordset(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in wordlist(name))


@functools.lru_cache(maxsize=None)
def patterns(name: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in wordlist(name))


@functools.lru_cache(maxsize=None)
def mapping(name: str) -> dict:
    """A JSON data file."""
    return json.loads(_read(name))
