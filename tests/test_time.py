"""Time expressions: each kind of expression on short texts written for these tests (all fiction).

The conventions pinned here are the ones in `nonpaper/time/values.py`'s docstring.
"""
from __future__ import annotations

from datetime import date

import pytest

from nonpaper.text import parse as nlp
from nonpaper.ingest import article_from_string
from nonpaper.time.extract import extract_timexes

HEAD = "Harbour board meets again\n\n"


def timexes(body: str, published: str | None):
    article = article_from_string(HEAD + body, published=published)
    found = extract_timexes(nlp.parse(article))
    for t in found:  # offsets always point at the text
        assert article.text[t.start:t.end] == t.text
    return found


def values(body: str, published: str | None = "2026-11-02") -> dict[str, str]:
    return {t.text: t.value for t in timexes(body, published)}


# --- dates ---------------------------------------------------------------------------------------

def test_month_day_takes_the_year_nearest_the_anchor():
    got = values("The board said the ferry had run aground on October 19 and would sail again on January 8.")
    assert got == {"October 19": "2026-10-19", "January 8": "2027-01-08"}


def test_explicit_years_and_full_dates():
    got = values("The quay opened on 4 May 1931 and was rebuilt in 1968, and again in March 2004.")
    assert got == {"4 May 1931": "1931-05-04", "1968": "1968", "March 2004": "2004-03"}


def test_no_anchor_leaves_the_year_open():
    got = values("The harbour will reopen on May 14 after the dredging that began on January 14.", None)
    assert got == {"May 14": "XXXX-05-14", "January 14": "XXXX-01-14"}


def test_weekday_past_is_latest_not_after_anchor_and_the_anchor_itself_counts():
    # 2026-11-03 is a Tuesday
    got = values("The board said on Tuesday that pilots had struck on Friday.", "2026-11-03")
    assert got == {"Tuesday": "2026-11-03", "Friday": "2026-10-30"}


def test_weekday_future_is_the_next_one():
    got = values("The minister will open the new lock on Thursday.", "2026-09-15")
    assert got == {"Thursday": "2026-09-17"}


def test_last_monday_on_a_monday_is_a_week_earlier():
    got = values("Divers examined the hull last Monday.", "2026-11-02")
    assert got == {"last Monday": "2026-10-26"}


def test_bare_month_follows_the_tense():
    got = values("The board expects the quay to be ready by March. Cranes were removed in September.")
    assert got == {"March": "2027-03", "September": "2026-09"}


def test_perfect_tense_and_since_look_back():
    got = values("The terminal has been closed since March.")
    assert got == {"March": "2026-03"}


def test_relative_weeks_months_years():
    got = values("The report will be published next week. The pilots signed a deal last year and met last month.")
    assert got == {"next week": "2026-W46", "last year": "2025", "last month": "2026-10"}


def test_deictic_days():
    got = values("The crane failed yesterday and will be repaired tomorrow, the board said today.")
    assert got == {"yesterday": "2026-11-01", "tomorrow": "2026-11-03", "today": "2026-11-02"}


def test_quarters_decades_and_vague_references():
    got = values("Traffic fell in the third quarter of 2025, its lowest since the 1990s. The port recently hired staff.")
    assert got == {"the third quarter of 2025": "2025-Q3", "the 1990s": "199", "recently": "PAST_REF"}


def test_ago_is_a_date():
    got = values("The pier collapsed two weeks ago.")
    assert got == {"two weeks ago": "2026-10-19"}


# --- times ---------------------------------------------------------------------------------------

def test_time_with_a_date_is_one_time():
    got = timexes("The harbourmaster will sign the order at 9 a.m. on Friday.", "2026-09-15")
    assert [(t.text, t.type, t.value) for t in got] == [("9 a.m. on Friday", "TIME", "2026-09-18T09:00")]


def test_time_without_a_date():
    got = values("Boarding a tanker at 3 a.m. is the hardest part of the job.")
    assert got == {"3 a.m.": "T03:00"}


def test_clock_with_zone_is_on_the_report_day():
    got = values("The lock gates closed at 14:30 UTC.")
    assert got == {"14:30 UTC": "2026-11-02T14:30Z"}


def test_a_verb_of_scheduling_told_as_done_looks_back():
    assert values("The ferry company set its fares in March.") == {"March": "2026-03"}
    assert values("A hearing has been scheduled for March 3.") == {"March 3": "2027-03-03"}


def test_a_clock_time_with_its_zone_in_brackets_is_on_the_day_told():
    got = values("The ferry docked at 6:40 p.m. (GMT +8) after a long crossing.")
    assert got == {"6:40 p.m. (GMT +8)": "2026-11-02T18:40"}


# --- durations and sets --------------------------------------------------------------------------

def test_durations():
    got = timexes("Crews worked for six months, then waited several days, then 10 minutes, "
                  "and had studied tides for two and a half years and a decade.", "2026-11-02")
    assert [(t.text, t.type, t.value) for t in got] == [
        ("six months", "DURATION", "P6M"), ("several days", "DURATION", "PXD"),
        ("10 minutes", "DURATION", "PT10M"), ("two and a half years", "DURATION", "P2.5Y"),
        ("a decade", "DURATION", "P10Y")]


def test_event_relative_offset_is_a_duration_without_the_connective():
    got = timexes("The ferry sank a week after the storm. Three days later, the board met.", "2026-11-02")
    assert [(t.text, t.type, t.value) for t in got] == [("a week", "DURATION", "P1W"),
                                                        ("Three days", "DURATION", "P3D")]


def test_sets():
    got = timexes("Pilots are tested every fortnight, sail every day, meet every Sunday and report weekly.",
                  "2026-11-02")
    assert [(t.text, t.type, t.value) for t in got] == [
        ("every fortnight", "SET", "P2W"), ("every day", "SET", "P1D"),
        ("every Sunday", "SET", "XXXX-WXX-7"), ("weekly", "SET", "P1W")]


# --- what is not a timex ---------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Harwick won 3-1 and the council voted 31-4 to close the lock.",
    "The visitors scored early in the second half, just before the break, and late on.",
    "A 45-year-old pilot and 2,000 customers were on board for the first time.",
    "See page 1994 and Chapters 3-7 of the report; they left for good, straight away.",
    "The firm may march on and will sun itself in Sun Valley.",
])
def test_not_timexes(body):
    assert timexes(body, "2026-11-02") == []


def test_headings_are_skipped():
    text = HEAD + "By Ana Berg\n\nThe board met on Monday.\n\nMonday in March\n\nIt sat again on Tuesday.\n"
    article = article_from_string(text, published="2026-11-04")
    assert [b.kind for b in article.blocks].count("heading") == 1
    got = extract_timexes(nlp.parse(article))
    assert [(t.text, t.value) for t in got] == [("Monday", "2026-11-02"), ("Tuesday", "2026-11-03")]


def test_ids_and_anchor():
    got = timexes("The board met on Monday and sat for a week.", "2026-11-04")
    assert [t.id for t in got] == ["t1", "t2"]
    assert got[0].anchor == "published" and got[1].anchor is None


def test_with_no_publication_date_the_articles_own_leading_date_anchors():
    got = timexes("March 3, 2009 The airline said on Monday it would cut routes next month.", None)
    assert [(t.text, t.value, t.anchor) for t in got] == [
        ("March 3, 2009", "2009-03-03", None), ("Monday", "2009-03-02", "article-date"),
        ("next month", "2009-04", "article-date")]


def test_the_reference_date_is_tried_in_one_order_of_named_sources():
    from nonpaper.time.reference import ORDER, article_reference

    assert ORDER == ("argument", "input", "dateline", "article-date", "speech")
    given = nlp.parse(article_from_string(HEAD + "2009-03-03 - The airline said on Monday.", published="2026-11-04"))
    own = nlp.parse(article_from_string(HEAD + "2009-03-03 - The airline said on Monday.", published=None))
    none = nlp.parse(article_from_string(HEAD + "The airline said on Monday.", published=None))
    assert [tuple(article_reference(p)) for p in (given, own, none)] == [
        (date(2026, 11, 4), "published"), (date(2009, 3, 3), "article-date"), (None, None)]


def test_a_full_date_in_the_dateline_dates_an_undated_article():
    article = article_from_string("Ferry sinks\n\nKESSEL, March 3, 2009 (Wire) - The ferry sank on Monday.")
    assert (article.published, article.published_source) == ("2009-03-03", "dateline")
    assert [(t.text, t.value, t.anchor) for t in extract_timexes(nlp.parse(article))] == [
        ("Monday", "2009-03-02", "published")]


def test_the_same_day_and_clock_times_take_the_day_being_told():
    got = timexes("The pier was damaged on Friday. Repairs began the same day. On Saturday the tide peaked "
                  "at 14:30 UTC.", "2026-11-04")
    assert [(t.text, t.value) for t in got] == [
        ("Friday", "2026-10-30"), ("the same day", "2026-10-30"), ("Saturday", "2026-10-31"),
        ("14:30 UTC", "2026-10-31T14:30Z")]


def test_ranges_give_both_ends():
    got = timexes("The festival ran on May 3-5 and the survey covered 2009-2011.", "2026-11-02")
    assert [(t.text, t.value) for t in got] == [("May 3", "2026-05-03"), ("5", "2026-05-05"),
                                                ("2009", "2009"), ("2011", "2011")]


def test_inside_a_dated_quote_words_resolve_against_when_they_were_said():
    from nonpaper.model import Quote

    body = "“The ferry sank yesterday and we will raise it on Friday,” the captain said on Monday."
    article = article_from_string(HEAD + body, published="2026-11-04")  # a Wednesday
    text = article.text
    said = text.index("said")
    quote = Quote(id="q1", kind="direct", text="The ferry sank yesterday and we will raise it on Friday,",
                  start=text.index("The ferry"), end=text.index("”"), speaker="captain", cue="said",
                  cue_start=said, cue_end=said + 4)
    parsed = nlp.parse(article)
    plain = {t.text: t.value for t in extract_timexes(parsed)}
    assert plain["yesterday"] == "2026-11-03"
    got = {t.text: (t.value, t.anchor) for t in extract_timexes(parsed, quotes=[quote])}
    assert got == {"yesterday": ("2026-11-01", "speech"), "Friday": ("2026-11-06", "speech"),
                   "Monday": ("2026-11-02", "published")}


def test_over_is_more_than_only_after_a_preposition():
    got = timexes("The index closed at its lowest level in over six years. The trial followed 400 people "
                  "over two years.", "2026-11-02")
    assert [(t.text, t.value, t.mod) for t in got] == [("over six years", "P6Y", "MORE_THAN"),
                                                       ("two years", "P2Y", None)]


# --- headlines -----------------------------------------------------------------------------------

def test_headline_time_expressions_point_into_the_title():
    from nonpaper.time.extract import extract_title_timexes

    article = article_from_string("Ferry fares at highest level since 1997\n\nThe harbour board raised fares again "
                                  "on Monday.", published="2026-11-04")
    parsed = nlp.parse(article)
    body = extract_timexes(parsed)
    head = extract_title_timexes(parsed, len(body) + 1)
    assert [(t.text, t.value, t.field) for t in body] == [("Monday", "2026-11-02", "text")]
    assert [(t.text, t.value, t.field, t.id) for t in head] == [("1997", "1997", "title", "t2")]
    assert article.title[head[0].start:head[0].end] == "1997"


def test_a_headline_without_time_words_adds_nothing():
    from conftest import analyze_text

    got = analyze_text("Council votes to reopen the quay\n\nThe council voted on Tuesday to reopen the quay.",
                       published="2026-11-04")
    assert [(t.text, t.field) for t in got.timexes] == [("Tuesday", "text")]


def test_plural_units_after_in_are_vague_durations():
    got = values("Fares rose to their highest level in years, and the ferry filled in minutes.")
    assert got == {"years": "PXY", "minutes": "PTXM"}


def test_recent_and_now_are_vague_references():
    got = values("The ongoing strike and recent storms hurt trade. The quay is now closed, and more recently "
                 "the pier was shut too. Now that it is closed, nobody sails on the now-idle ferry.")
    assert got == {"recent": "PAST_REF", "now": "PRESENT_REF", "more recently": "PAST_REF"}


def test_month_of_next_year():
    got = values("The licences will not be renewed after October of next year.", "2026-05-15")
    assert got == {"October": "2027-10", "next year": "2027"}


def test_a_range_of_durations_gives_both_ends():
    got = values("The repairs would take between 60 and 90 days.")
    assert got == {"60": "P60D", "90 days": "P90D"}


def test_over_the_next_years_keeps_the_phrase():
    got = values("The board has announced 300 job cuts over the next four years.")
    assert got == {"the next four years": "P4Y"}


def test_the_same_month_and_day_twice_is_one_day():
    got = timexes("The ferry arrives on November 11. Its first stop, on November 11, was dropped from the plan.",
                  "2026-11-05")
    assert [t.value for t in got] == ["2026-11-11", "2026-11-11"]


def test_the_same_period_last_year_is_the_period_told_a_year_earlier():
    got = values("Ferry sales rose 43% in February compared to the same period last year. "
                 "Profit fell compared to the same quarter a year earlier.", "2026-03-03")
    assert got == {"February": "2026-02", "the same period last year": "2025-02"}


def test_plural_units_before_of_measure_what_follows():
    got = values("After years of talks, the pier was decades in the making. The early years of the port were calm.")
    assert got == {"years": "PXY", "decades": "PXY"}


def test_the_previous_year_is_the_year_before_the_one_told():
    got = values("The port lost money in 2019, less than the year previous. It made a profit for the entire year "
                 "in 2021. Trade grew from the previous year.", "2026-03-03")
    assert got == {"2019": "2019", "the year previous": "2018", "2021": "2021", "the previous year": "2025"}


def test_the_last_week_of_a_month_is_the_iso_week_of_its_last_thursday():
    got = values("Ferry bookings rebounded in the last week of March and fell in the first week of February 2025.",
                 "2026-04-01")
    assert got == {"the last week of March": "2026-W13", "the first week of February 2025": "2025-W06"}


def test_a_second_consecutive_day_is_the_day_told():
    got = values("Trading at the port was suspended for a second consecutive day. Fares rose for fourth week in a "
                 "row.", "2026-11-04")
    assert got == {"a second consecutive day": "2026-11-04", "fourth week": "2026-W45"}


def test_by_that_time_is_the_date_told_before():
    got = values("The sale must close by June 10. If no price is agreed by that time, the board will set one. "
                 "At that time of year the quay is busy.", "2026-05-29")
    assert got == {"June 10": "2026-06-10", "that time": "2026-06-10"}


def test_a_date_before_a_trailing_attribution_takes_the_reported_tense():
    got = values("Schools will start the autumn term a week later than usual, on September 7, the board "
                 "announced on Saturday. The talks collapsed on March 2, the union said.", "2026-03-15")
    assert got["September 7"] == "2026-09-07"  # "will start", not "announced"
    assert got["March 2"] == "2026-03-02"
    assert got["Saturday"] == "2026-03-14"


def test_a_holiday_is_its_day_in_the_year_the_tense_says():
    v = values("Sales fell over Christmas. The ferry will sail on Christmas Eve. The pier reopens on "
               "New Year's Day.", "2027-01-18")
    assert v["Christmas"] == "2026-12-25" and v["Christmas Eve"] == "2027-12-24"
    assert v["New Year's Day"] == "2027-01-01"
    assert "New Year" not in values("The New Year sales began.", "2027-01-18")  # a season of sales, no day


def test_a_later_or_an_earlier_date_is_a_reference_to_either_side_of_now():
    v = values("Riders were told to call back at a later time. The plan was drawn up at an earlier date.")
    assert v == {"a later time": "FUTURE_REF", "an earlier date": "PAST_REF"}
