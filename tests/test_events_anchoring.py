"""Issue 17 (anchoring): which time expression dates an event, and where an undated event stands against
the article's date. Short texts written for these tests (fiction)."""
from __future__ import annotations

from nonpaper.events.extract import event_mentions
from nonpaper.events.modality import future_in_past
from nonpaper.ingest import article_from_string
from nonpaper.text import parse as nlp
from nonpaper.time.extract import extract_timexes

from test_events import event_with, run

HEAD = "Ferry news\n\n"


def mentions(body: str, published: str | None = "2026-03-10"):
    parsed = nlp.parse(article_from_string(HEAD + body, published=published))
    return parsed, event_mentions(parsed, None, extract_timexes(parsed), broad=True)


def mention(found, word: str):
    parsed, ms = found
    return next(m for m in ms if parsed.doc[m.i].text == word)


def test_a_dateline_dates_the_report_not_the_first_sentence():
    m = mention(mentions("April 27, 2026 The new ferry was revealed in January 2026 at the yard.", None), "revealed")
    assert [t.text for t in m.timexes + m.clause_times] == ["January 2026"]  # not April 27, the dateline


def test_a_dateline_still_resolves_today():
    _, events, _ = run("September 01, 2026 A test sailing was delayed today after a minor collision.",
                       published=None)
    assert event_with(events, "delayed").date == "2026-09-01"


def test_a_calendar_date_says_when_before_now():
    m = mention(mentions("The operator will now receive the second ferry next month."), "receive")
    assert [t.text for t in m.timexes][:1] == ["next month"]


def test_a_day_that_is_the_subject_is_not_when():
    m = mention(mentions("Sunday was chosen because the date matches the hull number."), "chosen")
    assert m.timexes == [] and m.clause_times == []


def test_would_under_a_past_verb_is_the_future_of_that_past():
    parsed, _ = found = mentions("The minister announced on Monday that she would be on leave for a month. "
                                 "The 1998 accord was that the port would not sell the quay. "
                                 "The minister says she would resign if asked. The crews will strike.")
    words = {t.text: t for t in parsed.doc if t.lemma_ in ("be", "sell", "resign", "strike")}
    assert future_in_past(words["be"]) and future_in_past(words["sell"])
    assert not future_in_past(words["resign"]) and not future_in_past(words["strike"])
    assert found


def test_a_time_describing_the_subject_does_not_date_the_verb():
    m = mention(mentions("Ilse Marr, formerly a harbour pilot, is stepping down from the board."), "stepping")
    assert m.timexes == [] and m.clause_times == []


def test_a_when_clause_happens_at_the_time_of_the_verb_it_hangs_on():
    found = mentions("The fault only became public on Saturday, when a local paper printed the logs.")
    assert [t.text for t in mention(found, "printed").clause_times] == ["Saturday"]


def test_a_noun_event_takes_the_time_of_the_participle_describing_it():
    found = mentions("The union says the ferries break an agreement reached with the port in 1998.")
    m = mention(found, "agreement")
    assert [t.text for t in m.timexes + m.clause_times] == ["1998"]


def test_news_of_the_day_carries_over_to_undated_past_events():
    from nonpaper.events.narrative import news_of_the_day
    body = ("The ferry line launched its new timetable today. The fares have also been cut by a tenth. "
            "The operator said the change would help commuters. In 2019 the line closed for a year. "
            "Passengers complained.")
    parsed, ms = mentions(body)
    news = news_of_the_day(parsed, ms, extract_timexes(parsed))
    told = {parsed.doc[i].text: t.text for i, t in news.items()}
    assert told.get("cut") == "today" and told.get("said") == "today"
    assert "help" not in told and "complained" not in told  # the future of a past; after 2019
    assert "launched" not in told  # dated by its own time


def test_news_of_the_day_is_the_narration_not_a_reported_or_relative_clause():
    from nonpaper.events.narrative import news_of_the_day
    body = ("The ferry line launched its new timetable today. The union argued that the old one failed. "
            "Riders noted the third time that the line had changed its hours.")
    parsed, ms = mentions(body)
    told = {parsed.doc[i].text for i in news_of_the_day(parsed, ms, extract_timexes(parsed))}
    assert {"argued", "noted"} <= told and "failed" not in told and "changed" not in told


def test_news_of_the_day_dates_the_event_last():
    _, events, _ = run("The ferry line launched its new timetable today. Later the mayor resigned.",
                       published="2026-03-10")
    assert event_with(events, "resigned").date == "2026-03-10"
    _, events, _ = run("The ferry line launched its new timetable on Monday. Later the mayor resigned.",
                       published="2026-03-10")
    assert event_with(events, "resigned").date is None  # an earlier day: the tense already says past


def modality(body: str, word: str):
    from nonpaper.events.extract import mention_modality
    parsed, ms = found = mentions(body)
    return mention_modality(parsed, mention(found, word))


def test_a_cancelled_or_ceased_event_did_not_happen():
    assert modality("The council attacked the now-cancelled deal with the port.", "deal").polarity == "negative"
    assert modality("The crews said the line would cease sailing to the island.", "sailing").polarity == "negative"
    assert modality("The council attacked the new deal with the port.", "deal").polarity == "positive"


def test_what_is_expected_is_probable():
    assert modality("The operator expects to cut forty jobs in the spring.", "cut").certainty == "probable"
    assert modality("It is expected that the ferry will dock on Friday.", "dock").certainty == "probable"
    assert modality("The operator said it will cut forty jobs.", "cut").certainty == "certain"


def test_a_stretch_counted_from_now_holds_the_event():
    found = mentions("The change will take effect within the next six months. The crews rested for six months.")
    assert [t.text for t in mention(found, "take").timexes] == ["the next six months"]
    assert mention(found, "rested").timexes == []  # "for six months" is how long, not when


def test_a_time_phrase_on_the_subject_still_dates_the_verb():
    found = mentions("The island ferry service in February overtook the bridge as the busiest crossing.")
    m = mention(found, "overtook")
    assert [t.text for t in m.timexes + m.clause_times] == ["February"]


def test_a_stretch_on_a_noun_is_the_noun_s():
    found = mentions("The strike marked the third time in the past decade that the crews walked out.")
    assert [t.text for t in mention(found, "marked").timexes] == []


def test_a_year_naming_a_thing_does_not_date_the_clause():
    m = mention(mentions("The new ferries are scheduled to be ready in time for the 2028 summer timetable."),
                "scheduled")
    assert m.timexes == [] and m.clause_times == []
    m = mention(mentions("The new ferries were delivered in 2025."), "delivered")
    assert [t.text for t in m.timexes] == ["2025"]


def test_a_participle_after_the_copula_takes_its_tense():
    assert modality("We are fully committed to the new crossing, the operator said.", "committed").tense == "present"
    assert modality("The crews were committed to the strike.", "committed").tense == "past"


def test_what_is_tried_or_seems_so_is_possible():
    assert modality("The captain attempted to reach the harbour before dark.", "reach").certainty == "possible"
    assert modality("The captain reached the harbour before dark.", "reached").certainty == "certain"


def test_an_announced_or_negotiated_happening_is_still_to_come():
    assert modality("The operator has announced forty job cuts at the yard.", "cuts").modality == "planned"
    assert modality("The operator has made forty job cuts at the yard.", "cuts").modality == "asserted"


def test_what_runs_since_a_time_spans_from_it_to_the_report():
    _, events, _ = run("The hall has been under renovation since March. Orlay beat Rovers on Saturday and reached "
                       "the final for the first time since 2011.", published="2026-03-10")
    works = event_with(events, "under renovation")
    assert (works.date, works.date_earliest, works.date_latest, works.date_precision) == (
        None, "2026-03-01", "2026-03-10", "range")
    assert event_with(events, "the final").date_earliest is None  # 2011 is when it last happened


def test_a_time_after_since_starts_a_stretch_and_holds_no_event():
    found = mentions("The ferry has been running late since 2024. Fares fell to their lowest level since March.")
    for word in ("running", "fell"):
        m = mention(found, word)
        assert m.timexes == [] and m.clause_times == []


def test_a_time_to_come_does_not_date_what_is_told_as_done():
    found = mentions("The operator has announced 300 job cuts over the next four years. "
                     "The council agreed a new timetable next month.")
    assert mention(found, "announced").timexes == [] and mention(found, "announced").clause_times == []
    assert [t.text for t in mention(found, "cuts").timexes] == ["the next four years"]
    assert mention(found, "agreed").timexes == [] and mention(found, "agreed").clause_times == []


def test_a_change_runs_to_a_time_to_come():
    found = mentions("The sailing was delayed until October 2026. The minister said the line would open in May.")
    assert [t.text for t in mention(found, "delayed").timexes] == ["October 2026"]
    assert [t.text for t in mention(found, "open").timexes] == ["May"]


def test_an_undated_event_stands_against_the_publication_date_as_its_clause_tells():
    from nonpaper.events.narrative import against_publication
    parsed, _ = mentions("The ferry company cut fares, ending a price war. The new ferry can carry 300 cars. "
                         "The operator will open a second line. The union has asked for talks. "
                         "The minister announced that the port would close.")
    word = {t.text: t for t in parsed.doc}
    assert against_publication(word["cut"]) == "past" and against_publication(word["ending"]) == "past"
    assert against_publication(word["carry"]) == "dct" and against_publication(word["open"]) == "future"
    assert against_publication(word["asked"]) == "past" and against_publication(word["close"]) == "past"
    parsed, _ = mentions("Record profits for the ferry line.")
    assert against_publication(next(t for t in parsed.doc if t.text == "profits")) == "dct"  # no tense at all


def test_what_a_negated_or_called_off_event_leads_to_did_not_happen():
    for body, word in (("The union did not manage to sell the building.", "sell"),
                       ("The port never bothered to buy new ferries.", "buy"),
                       ("The council scrapped its now-cancelled plan to lease ten ferries.", "lease"),
                       ("The crew could no longer meet its duties.", "meet")):
        assert modality(body, word).polarity == "negative", body
    assert modality("The council agreed to sell the quay.", "sell").polarity == "positive"


def test_a_negated_verb_that_is_not_implicative_says_nothing_of_its_complement():
    # not agreeing to a sale, not needing to buy, never intending to close: the sale, the buying and the
    # closing are neither done nor ruled out, and nothing is planned
    for body, word in (("The union did not agree to sell the building.", "sell"),
                       ("The port does not need to buy new ferries.", "buy"),
                       ("The council never intended to close the line.", "close")):
        mod = modality(body, word)
        assert (mod.polarity, mod.modality) == ("positive", "asserted"), body
    assert modality("The council intended to close the line.", "close").modality == "planned"


def test_what_is_brought_or_put_to_an_end_is_not_going_on():
    from nonpaper.events.modality import modality_of

    def polarity(body, word):
        parsed, _ = mentions(body)
        return modality_of(next(t for t in parsed.doc if t.text == word)).polarity
    assert polarity("The strike brought production to an end.", "production") == "negative"
    assert polarity("The strike brought production to an end.", "strike") == "positive"
    assert polarity("The deal put an end to the dispute.", "dispute") == "negative"
    assert polarity("Talks ground to a halt.", "Talks") == "negative"
    assert polarity("The ferry sailed to the end of the pier.", "ferry") == "positive"


def test_a_noun_under_a_preposition_takes_no_future_from_its_clause():
    from nonpaper.events.modality import modality_of

    def mod(body, word):
        parsed, _ = mentions(body)
        return modality_of(next(t for t in parsed.doc if t.text == word))
    assert mod("Under the new agreement, the port will own the quay.", "agreement").tense != "future"
    assert mod("The operator will be compensated for the delay.", "delay").modality == "asserted"
    assert mod("The mayor announced the timetable at a conference.", "conference").modality == "asserted"
    assert mod("The operator has announced job cuts.", "cuts").modality == "planned"  # its object is to come
    assert mod("Fares, tolls and inspections could rise.", "inspections").tense == "future"


def test_a_stretch_start_a_time_to_come_or_a_period_holding_the_day_does_not_move_the_news_of_the_day():
    from nonpaper.events.narrative import news_of_the_day
    body = ("Ferry fares fell sharply today, the third cut this year. The operator has lost riders since January. "
            "Tolls rose at the bridge. Planners said fares could fall again next week. Commuters complained. "
            "In 2019 the line closed for a year. Passengers protested.")
    parsed, ms = mentions(body)
    told = {parsed.doc[i].text for i in news_of_the_day(parsed, ms, extract_timexes(parsed))}
    assert {"rose", "said", "complained"} <= told
    assert "protested" not in told  # 2019 moved the story


def test_a_coordinated_verb_shares_its_first_conjuncts_tense():
    found = mentions("The operator will close two piers and cut 300 jobs by 2027. The ferry docked and unloaded.")
    assert modality("The operator will close two piers and cut 300 jobs by 2027.", "cut").tense == "future"
    assert [t.text for t in mention(found, "cut").timexes] == ["2027"]  # no clash with a time to come
    assert modality("The ferry docked and unloaded.", "unloaded").tense == "past"


def test_the_setting_of_an_event_to_come_is_to_come_and_a_statement_is_the_days_news():
    assert modality("Her lawyer said she would plead not guilty at the hearing.", "hearing").modality == "planned"
    from nonpaper.events.narrative import news_of_the_day
    parsed, ms = mentions("The strike ended today. The port said in a statement that work had resumed.")
    told = {parsed.doc[i].text for i in news_of_the_day(parsed, ms, extract_timexes(parsed))}
    assert "statement" in told


def test_a_period_after_for_dates_the_figure_not_the_report():
    found = mentions("The ferry company reported a loss for the second quarter on Friday.", "2026-08-01")
    assert [t.text for t in mention(found, "reported").timexes] == ["Friday"]
    assert [t.text for t in mention(found, "loss").timexes] == ["the second quarter"]


def test_likely_unlikely_considered_and_counterfactual_events():
    from nonpaper.events.modality import modality_of

    def mod(body, word):
        parsed, _ = mentions(body)
        return modality_of(next(t for t in parsed.doc if t.text == word))
    assert mod("Planners said the port is likely to raise fares.", "raise").certainty == "probable"
    unlikely = mod("The old pier is unlikely to reopen.", "reopen")
    assert (unlikely.certainty, unlikely.polarity) == ("probable", "negative")
    assert mod("The union is considering a strike.", "strike").certainty == "possible"
    assert mod("The board is considering selling the ferry.", "selling").certainty == "possible"
    fell = mod("Fares would have fallen further without the subsidy.", "fallen")
    assert (fell.modality, fell.tense) == ("hypothetical", "past")


def test_a_negated_verb_that_tells_of_or_rules_out_its_object_leaves_it_alone():
    from nonpaper.events.modality import modality_of

    def polarity(body, word):
        parsed, _ = mentions(body)
        return modality_of(next(t for t in parsed.doc if t.text == word)).polarity
    assert polarity("The operator never disclosed the loss.", "loss") == "positive"
    assert polarity("The union did not rule out a strike.", "strike") == "positive"
    assert polarity("The port did not sign the deal.", "deal") == "negative"
    assert polarity("The pier will not reopen until May.", "reopen") == "positive"  # it will, in May


def test_a_gerund_complement_goes_with_its_verbs_tense():
    from nonpaper.events.modality import modality_of

    def mod(body, word):
        parsed, _ = mentions(body)
        return modality_of(next(t for t in parsed.doc if t.text == word))
    assert mod("The yard will stop building ferries.", "building").tense == "future"
    assert mod("The yard stopped building ferries.", "building").tense == "past"


def test_would_like_is_a_wish_told_now():
    like = modality("The crew would like a new ferry.", "like")
    assert (like.tense, like.modality) == ("present", "asserted")


def test_what_runs_since_a_time_ends_on_a_date_the_body_opens_with():
    _, events, _ = run("March 10, 2026 The hall has been under renovation since January.", published=None)
    works = event_with(events, "under renovation")
    assert (works.date_earliest, works.date_latest) == ("2026-01-01", "2026-03-10")


def test_a_clause_at_the_time_of_its_dated_verb_takes_its_date():
    found = mentions("Fares rose on Tuesday as the operator warned of losses.")
    assert [t.text for t in mention(found, "warned").clause_times] == ["Tuesday"]
    found = mentions("Fares rose on Tuesday as the operator will cut sailings.")
    assert mention(found, "cut").clause_times == []  # told as still to come: not at that time
    found = mentions("The operator said on Monday that it is cutting sailings.")
    assert [t.text for t in mention(found, "cutting").clause_times] == ["Monday"]
    found = mentions("The operator said on Monday that it had cut sailings.")
    assert mention(found, "cut").clause_times == []  # before the saying, not at it


def test_a_day_its_clause_names_dates_an_event_better_than_this_years():
    from nonpaper.events.timewords import the_day_first
    parsed, ms = found = mentions("Yesterday, at this year's ferry conference, the yard unveiled a new ferry.")
    m = mention(found, "conference")
    assert [t.text for t in the_day_first(parsed, m.timexes, m.clause_times)][:1] == ["Yesterday"]
    _, events, _ = run("Yesterday, at this year's ferry conference, the yard unveiled a new ferry.",
                       published="2026-03-10")
    assert event_with(events, "conference").date == "2026-03-09"
    _, events, _ = run("The yard unveiled a new ferry at this year's ferry conference.", published="2026-03-10")
    assert event_with(events, "conference").date is None  # only the year is known
