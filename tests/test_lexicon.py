"""The word lists are data: each opens with a comment saying what it holds, none repeats an entry, every
one is read by some stage, and the speech-verb lexicon gives each lemma once with known roles."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from nonpaper import lexicon

DATA = Path(lexicon.__file__).parent / "data"
SRC = Path(lexicon.__file__).parents[1]
FILES = sorted(p.name for p in DATA.iterdir() if p.suffix in (".txt", ".json"))


def test_the_data_folder_is_found():
    assert "speech_verbs.txt" in FILES and len(FILES) > 40


@pytest.mark.parametrize("name", [n for n in FILES if n.endswith(".txt")])
def test_word_list_opens_with_its_header_and_repeats_nothing(name):
    text = (DATA / name).read_text(encoding="utf-8")
    assert text.startswith("# "), f"{name}: start with a '# ' comment saying what the entries are and who reads them"
    entries = [line.lower() for line in lexicon.wordlist(name)]
    repeated = sorted({e for e in entries if entries.count(e) > 1})
    assert repeated == [], f"{name} repeats {repeated}"


@pytest.mark.parametrize("name", [n for n in FILES if n.endswith(".json")])
def test_json_data_says_what_it_is(name):
    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("_doc"), str) and data["_doc"].strip(), \
        f"{name}: give it a '_doc' string saying what it holds and who reads it"


@pytest.mark.parametrize("name", FILES)
def test_every_data_file_is_read_by_the_code(name):
    code = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))
    assert re.search(rf"[\"']{re.escape(name)}[\"']", code), f"{name} is read by no module: remove it or use it"


def test_speech_verbs_have_known_roles_and_each_role_is_used():
    table = lexicon.speech_verb_roles()
    assert all(roles and roles <= set(lexicon.SPEECH_ROLES) for roles in table.values())
    for role in lexicon.SPEECH_ROLES:
        assert lexicon.speech_verbs(role), f"no lemma has the role {role}"
    assert {"say", "tell"} <= lexicon.speech_verbs("told")
    assert "say" in lexicon.speech_verbs("clause") & lexicon.speech_verbs("strong")
    assert "describe" in lexicon.speech_verbs("object") and "describe" not in lexicon.speech_verbs("clause")
    assert "praise" in lexicon.speech_verbs("attitude")


@pytest.mark.parametrize("lines, problem", [
    (["say clause", "say strong"], "a lemma twice"),
    (["say clause shout"], "an unknown role"),
    (["say"], "no role"),
])
def test_a_bad_speech_verb_line_is_an_error(lines, problem):
    with pytest.raises(ValueError, match="speech_verbs.txt"):
        lexicon.parse_speech_verbs(lines)


def test_an_unknown_role_asked_for_is_an_error():
    with pytest.raises(KeyError):
        lexicon.speech_verbs("shouted")


def test_every_status_named_in_a_data_file_is_one_of_the_vocabulary():
    """status.json is the one status vocabulary: another file may name its statuses, never add one."""
    known = set(json.loads((DATA / "status.json").read_text(encoding="utf-8"))["statuses"])
    process_of = json.loads((DATA / "claim_topics.json").read_text(encoding="utf-8"))["process_of"]
    assert set(process_of["statuses"]) <= known
    assert {"called_off", "postponed", "held", "planned"} <= known
