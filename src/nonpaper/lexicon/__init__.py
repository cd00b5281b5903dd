"""Word lists shipped as data files under `nonpaper/lexicon/data/`, loaded once per process.

Every data file opens with a comment that says what its entries are and how a stage reads them;
`tests/test_lexicon.py` checks that, and that no list repeats an entry. The speech verbs are one
file, `speech_verbs.txt`, where each lemma carries its roles (`SPEECH_ROLES`).
"""
from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Iterable


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


SPEECH_ROLES = ("clause", "strong", "object", "attitude", "about", "with", "as", "told")


def parse_speech_verbs(lines: Iterable[str]) -> dict[str, frozenset[str]]:
    """`lemma role role …` lines -> {lemma: roles}; a repeated lemma or an unknown role is an error."""
    table: dict[str, frozenset[str]] = {}
    for line in lines:
        lemma, *roles = line.lower().split()
        unknown = set(roles) - set(SPEECH_ROLES)
        if not roles or unknown or lemma in table:
            raise ValueError(f"speech_verbs.txt: bad line {line!r} (one lemma, once, then roles from {SPEECH_ROLES})")
        table[lemma] = frozenset(roles)
    return table


@functools.lru_cache(maxsize=None)
def speech_verb_roles() -> dict[str, frozenset[str]]:
    """Each lemma of `speech_verbs.txt` with its roles."""
    return parse_speech_verbs(wordlist("speech_verbs.txt"))


@functools.lru_cache(maxsize=None)
def speech_verbs(role: str) -> frozenset[str]:
    """The lemmas that have `role` (one of `SPEECH_ROLES`)."""
    if role not in SPEECH_ROLES:
        raise KeyError(f"no speech-verb role {role!r}; roles are {SPEECH_ROLES}")
    return frozenset(lemma for lemma, roles in speech_verb_roles().items() if role in roles)
