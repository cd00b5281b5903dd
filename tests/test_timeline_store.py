"""Issue 17: the store keeps the timeline (date ranges, who asserts each date and ordering, polarity and
modality) and `timeline` finds events by the actors who date, report or order them, by words and by
dates; on SQLite and PostgreSQL. Analyses and articles written for these tests."""
from __future__ import annotations

import json

from click.testing import CliRunner

from nonpaper.cli.main import cli
from nonpaper.model import Actor, Event, Relation
from test_store_support import make_analysis, pg_url, store, store_url  # noqa: F401 (fixtures)


def harbour(n: int = 1):
    """Two events dated and ordered by a source who takes part in neither (the harbour chief)."""
    a = make_analysis(n)
    a.actors.append(Actor(id="margit-osk", name="Margit Osk", kind="person", aliases=["Osk"]))
    a.events = [
        Event(id="e1", text="made the offer", start=0, end=10, date="2026-03-06", date_precision="day",
              date_earliest="2026-03-06", date_latest="2026-03-06", date_asserted_by="margit-osk",
              reported_by="margit-osk", status="happened", tense="past"),
        Event(id="e2", text="talks resumed", start=11, end=20, status="happened"),
        Event(id="e3", text="no agreement had been signed", start=21, end=30, polarity="negative",
              status="not_happened", reported_by="margit-osk"),
        Event(id="e4", text="a ballot", start=31, end=39, date_precision="month", date_earliest="2026-04-01",
              date_latest="2026-04-30", modality="planned", tense="future", status="planned"),
    ]
    a.relations = [Relation(source="e1", relation="BEFORE", target="e2", asserted_by="margit-osk",
                            evidence="the offer on Friday, before the talks resumed")]
    return a


def test_the_timeline_survives_the_store_and_finds_who_asserts_it(store):
    store.add(harbour())
    store.recompute()
    rows = {r["text"]: r for r in store.timeline(actor="Osk")}
    assert set(rows) == {"made the offer", "no agreement had been signed"}  # dated, ordered or reported by Osk
    offer = rows["made the offer"]
    assert (offer["date"], offer["date_asserted_by_name"], offer["reported_by_name"]) == \
        ("2026-03-06", "Margit Osk", "Margit Osk")
    rel = offer["relations"][0]
    assert (rel["relation"], rel["target_text"], rel["asserted_by_name"]) == ("BEFORE", "talks resumed", "Margit Osk")
    signed = rows["no agreement had been signed"]
    assert (signed["polarity"], signed["status"]) == ("negative", "not_happened")
    ballot = store.timeline(event="ballot")[0]
    assert (ballot["date"], ballot["date_earliest"], ballot["modality"]) == (None, "2026-04-01", "planned")


def test_the_timeline_by_date_range(store):
    store.add(harbour())
    store.recompute()
    march = {r["text"] for r in store.timeline(since="2026-03-01", until="2026-03-31")}
    assert march == {"made the offer"}
    april = {r["text"] for r in store.timeline(since="2026-04-10")}
    assert april == {"a ballot"}  # a month overlaps the range
    ordered = [r["text"] for r in store.timeline()]
    assert ordered[:2] == ["made the offer", "a ballot"]  # by date or earliest date, undated last


def test_ingest_then_timeline_by_a_speaker(tmp_path):
    story = tmp_path / "quay.txt"
    story.write_text("Quay crews end walkout\n\nQuay crews returned to work on Monday, the union said.\n\n"
                     "Harbour chief Lena Brisk said the port had made the offer on Friday, before the talks "
                     "resumed.\n", encoding="utf-8")
    db = str(tmp_path / "news.db")
    runner = CliRunner()
    out = runner.invoke(cli, ["ingest", str(story), "--db", db, "--published", "2026-03-10", "--no-progress"])
    assert out.exit_code == 0, out.output
    out = runner.invoke(cli, ["timeline", "--db", db, "--actor", "Brisk", "--format", "json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.stdout)
    offer = next(r for r in rows if "offer" in r["text"])
    assert offer["date"] == "2026-03-06" and offer["date_asserted_by_name"] == "Lena Brisk"
    assert any(x["relation"] == "BEFORE" and "resumed" in (x["target_text"] or "") for x in offer["relations"])
    out = runner.invoke(cli, ["timeline", "--db", db, "--since", "2026-03-08", "--format", "json"])
    assert [r["text"] for r in json.loads(out.stdout)] == ["returned to work"]
