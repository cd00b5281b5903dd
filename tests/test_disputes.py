"""Dispute checks on hand-built claims (issue 5): no parser, no other stage; both sides of each rule."""
from __future__ import annotations

from nonpaper.disputes import find_cross_disputes, find_disputes
from nonpaper.model import Actor, Analysis, Article, Claim


def actor(name: str, kind: str = "person") -> Actor:
    return Actor(id=name.lower().replace(" ", "-"), name=name, kind=kind, aliases=[name, name.split()[-1]])


ANNA, BORIS, CLEO, DAILY = actor("Anna Berg"), actor("Boris Kell"), actor("Cleo Moss"), actor("The Daily", "outlet")


def analysis(claims: list[Claim], art: str = "a1", actors=(ANNA, BORIS, CLEO, DAILY)) -> Analysis:
    for c in claims:
        c.article = art
    return Analysis(article=Article(id=art, text=""), actors=list(actors), claims=claims)


def order(cid, who, rel, event="e1", target="e2", polarity=True, about=("send", "memo"), target_about=("call",)):
    return Claim(id=cid, actor=who, text=f"{who} orders {event} {rel} {target}", kind="order", event=event,
                 polarity=polarity, value={"relation": rel, "target": target, "polarity": polarity,
                                           "about": list(about), "target_about": list(target_about)})


def status(cid, who, value, topic="meeting", polarity=True, event=None, hedged=False):
    return Claim(id=cid, actor=who, text=f"{who}: {topic} {value}", kind="status", event=event, polarity=polarity,
                 value={"status": value, "topic": topic, "hedged": hedged, "about": [topic]})


def amount(cid, who, number, unit="tonne", about=("collect", "fish"), qualifiers=(), count=False):
    return Claim(id=cid, actor=who, text=f"{who}: {number} {unit}", kind="value",
                 value={"value": number, "unit": unit, "number_text": f"{number} {unit}s", "about": list(about),
                        "qualifiers": list(qualifiers), "count": count})


def statement(cid, who, text, about):
    return Claim(id=cid, actor=who, text=text, kind="statement", value={"about": list(about)}, start=0)


def denial(cid, who, target=None, about=()):
    return Claim(id=cid, actor=who, text=f"{who} denied it", kind="denial", polarity=False,
                 value={"target": target, "object": "the report", "about": list(about)})


# ---------------------------------------------------------------- timing

def test_opposite_orderings_of_one_event_pair_are_a_timing_dispute():
    [d] = find_disputes(analysis([order("c1", "anna-berg", "BEFORE"), order("c2", "boris-kell", "AFTER")]))
    assert d.kind == "timing"
    assert {c.actor for c in d.claims} == {"anna-berg", "boris-kell"}
    assert "Anna Berg" in d.summary and "Boris Kell" in d.summary


def test_a_swapped_ordering_with_the_same_relation_conflicts_too():
    a = order("c1", "anna-berg", "BEFORE")
    b = order("c2", "boris-kell", "BEFORE", event="e2", target="e1", about=("call",), target_about=("send", "memo"))
    assert [d.kind for d in find_disputes(analysis([a, b]))] == ["timing"]


def test_a_negated_ordering_disputes_the_plain_one_and_agrees_with_the_opposite():
    plain = order("c1", "anna-berg", "BEFORE")
    never_before = order("c2", "boris-kell", "BEFORE", polarity=False)
    after = order("c3", "cleo-moss", "AFTER")
    kinds = find_disputes(analysis([plain, never_before]))
    assert [d.kind for d in kinds] == ["timing"]
    assert find_disputes(analysis([never_before, after])) == []


def test_no_timing_dispute_for_one_source_the_narrator_or_different_events():
    assert find_disputes(analysis([order("c1", "anna-berg", "BEFORE"), order("c2", "anna-berg", "AFTER")])) == []
    assert find_disputes(analysis([order("c1", "anna-berg", "BEFORE"), order("c2", None, "AFTER")])) == []
    other = order("c2", "boris-kell", "AFTER", event="e3", target="e4", about=("vote",), target_about=("debate",))
    assert find_disputes(analysis([order("c1", "anna-berg", "BEFORE"), other])) == []


def test_agreeing_orderings_are_no_dispute():
    assert find_disputes(analysis([order("c1", "anna-berg", "AFTER"), order("c2", "boris-kell", "AFTER")])) == []


# ---------------------------------------------------------------- status

def test_called_off_against_postponed_is_a_status_dispute():
    [d] = find_disputes(analysis([status("c1", "anna-berg", "called_off"), status("c2", "boris-kell", "postponed")]))
    assert d.kind == "status"
    assert "called off" in d.summary and "postponed" in d.summary
    assert "Anna Berg" in d.summary and "Boris Kell" in d.summary


def test_a_rejected_status_disputes_whoever_asserts_it():
    rejected = status("c2", "boris-kell", "called_off", polarity=False)
    [d] = find_disputes(analysis([status("c1", "anna-berg", "called_off"), rejected]))
    assert {c.actor for c in d.claims} == {"anna-berg", "boris-kell"}


def test_a_hedge_and_a_firm_claim_that_agree_are_no_dispute():
    hedge = status("c2", "boris-kell", "postponed", hedged=True)
    assert find_disputes(analysis([status("c1", "anna-berg", "postponed"), hedge])) == []


def test_statuses_of_different_topics_or_compatible_statuses_are_no_dispute():
    assert find_disputes(analysis([status("c1", "anna-berg", "called_off", topic="concert"),
                                   status("c2", "boris-kell", "postponed", topic="match")])) == []
    assert find_disputes(analysis([status("c1", "anna-berg", "postponed"),
                                   status("c2", "boris-kell", "planned")])) == []


def test_one_event_word_dated_apart_is_two_events():
    june = status("c1", "anna-berg", "called_off", event="e1")
    july = status("c2", "boris-kell", "postponed", event="e2")
    june.value["date"], july.value["date"] = "2026-06-01", "2026-07-01"
    assert find_disputes(analysis([june, july])) == []
    july.value["date"] = "2026-06-01"
    assert len(find_disputes(analysis([june, july]))) == 1


# ---------------------------------------------------------------- fact

def test_different_values_for_one_measure_are_a_fact_dispute():
    [d] = find_disputes(analysis([amount("c1", "anna-berg", 12), amount("c2", "boris-kell", 30)]))
    assert d.kind == "fact"
    assert "12" in d.summary and "30" in d.summary


def test_values_that_agree_or_measure_different_things_are_no_dispute():
    assert find_disputes(analysis([amount("c1", "anna-berg", 12), amount("c2", "boris-kell", 12.5)])) == []
    assert find_disputes(analysis([amount("c1", "anna-berg", 12), amount("c2", "boris-kell", 30, unit="site")])) == []
    library = amount("c1", "anna-berg", 2, unit="percent", about=("grow", "budget"), qualifiers=("library",))
    parks = amount("c2", "boris-kell", 5, unit="percent", about=("grow", "budget"), qualifiers=("park",))
    assert find_disputes(analysis([library, parks])) == []
    unrelated = amount("c2", "boris-kell", 30, about=("sell", "ticket"))
    assert find_disputes(analysis([amount("c1", "anna-berg", 12), unrelated])) == []


def test_a_source_never_disputes_its_own_figures():
    assert find_disputes(analysis([amount("c1", "anna-berg", 12), amount("c2", "anna-berg", 30)])) == []


# ---------------------------------------------------------------- denial

def test_a_denial_linked_to_another_source_claim_is_a_denial_dispute():
    said = statement("c1", "anna-berg", "the crews removed the props", ("crew", "remove", "prop"))
    [d] = find_disputes(analysis([said, denial("c2", "boris-kell", target="c1")]))
    assert d.kind == "denial"
    assert [c.actor for c in d.claims] == ["anna-berg", "boris-kell"]


def test_a_denial_without_a_target_or_of_oneself_is_no_dispute():
    said = statement("c1", "anna-berg", "the crews removed the props", ("crew", "remove", "prop"))
    assert find_disputes(analysis([said, denial("c2", "boris-kell")])) == []
    assert find_disputes(analysis([said, denial("c2", "anna-berg", target="c1")])) == []


# ---------------------------------------------------------------- across articles

def two_articles(first: list[Claim], second: list[Claim], shared=(ANNA, BORIS, CLEO)):
    return [analysis(first, "x"), analysis(second, "y", actors=shared)]


def test_cross_article_dispute_needs_a_party_from_each_article():
    analyses = two_articles([status("c1", "anna-berg", "temporary", topic="closure")],
                            [status("c1", "boris-kell", "indefinite", topic="closure")])
    [d] = find_cross_disputes(analyses, [])
    assert d.kind == "status" and sorted(d.articles) == ["x", "y"]
    assert {(c.actor, c.article) for c in d.claims} == {("anna-berg", "x"), ("boris-kell", "y")}


def test_cross_timing_matches_events_by_their_words():
    a = order("c1", "anna-berg", "BEFORE", event="e4", target="e2", about=("crack", "find"), target_about=("inspect",))
    b = order("c7", "boris-kell", "AFTER", event="e1", target="e9", about=("crack", "learn"), target_about=("inspection",))
    [d] = find_cross_disputes(two_articles([a], [b]), [])
    assert d.kind == "timing"


def test_two_outlets_reporting_one_source_same_claim_is_no_dispute():
    analyses = two_articles([amount("c1", "anna-berg", 40000, unit="kettle", count=True, about=("recall", "sell"))],
                            [amount("c3", "anna-berg", 40000, unit="kettle", count=True, about=("recall", "sell"))])
    assert find_cross_disputes(analyses, []) == []
    same_source = two_articles([status("c1", "anna-berg", "called_off")], [status("c1", "anna-berg", "postponed")])
    assert find_cross_disputes(same_source, []) == []


def test_unrelated_articles_are_not_compared():
    analyses = [analysis([status("c1", "anna-berg", "temporary", topic="closure")], "x", actors=(ANNA,)),
                analysis([status("c1", "boris-kell", "indefinite", topic="closure")], "y", actors=(BORIS,))]
    assert find_cross_disputes(analyses, []) == []


def test_a_dispute_inside_one_article_is_told_once_across_with_every_outlet_carrying_it():
    """The corpus view of a disagreement one article already holds: one dispute, with the other
    article that carries a side (a reader follows it through every outlet), not one per pair."""
    first = analysis([status("c1", "anna-berg", "called_off"), status("c2", "boris-kell", "postponed")], "x")
    first.disputes = find_disputes(first)
    second = analysis([status("c1", "anna-berg", "called_off")], "y")
    assert len(first.disputes) == 1
    [across] = find_cross_disputes([first, second], [])
    assert set(across.articles) == {"x", "y"}


# ---------------------------------------------------------------- timing by dates

def dated(cid, who, day, head="=arrest", names=(), event=None):
    return Claim(id=cid, actor=who, text=f"{who}: {day}", kind="date", event=event,
                 value={"date": day, "head": head, "timex": day, "about": ["arrest"], "names": list(names)})


def test_one_happening_dated_apart_by_two_sources_is_a_timing_dispute():
    [d] = find_disputes(analysis([dated("c1", "anna-berg", "2026-03-06"), dated("c2", "boris-kell", "2026-03-04")]))
    assert d.kind == "timing" and "2026-03-06" in d.summary and "2026-03-04" in d.summary


def test_dates_that_agree_at_their_precision_or_belong_to_other_happenings_are_no_dispute():
    assert find_disputes(analysis([dated("c1", "anna-berg", "2026-03-06"), dated("c2", "boris-kell", "2026-03")])) == []
    assert find_disputes(analysis([dated("c1", "anna-berg", "2026-03-06"),
                                   dated("c2", "boris-kell", "2026-03-10", head="=hearin")])) == []
    assert find_disputes(analysis([dated("c1", "anna-berg", "2026-03-06", names=("smith",)),
                                   dated("c2", "boris-kell", "2026-03-04", names=("jones",))])) == []
    assert find_disputes(analysis([dated("c1", "anna-berg", "2026-03-06"), dated("c2", "anna-berg", "2026-03-04")])) == []


def test_articles_sharing_one_actor_are_compared_only_when_close_in_time():
    def pair(day_y: str):
        x = analysis([status("c1", "anna-berg", "temporary", topic="closure")], "x", actors=(ANNA, BORIS))
        y = analysis([status("c1", "boris-kell", "indefinite", topic="closure")], "y", actors=(BORIS,))
        x.article.published, y.article.published = "2026-05-01", day_y
        return [x, y]
    assert len(find_cross_disputes(pair("2026-05-03"), [])) == 1
    assert find_cross_disputes(pair("2026-09-03"), []) == []


def test_an_ordering_against_another_source_date_for_the_first_event():
    before = order("c1", "anna-berg", "BEFORE", about=("send", "memo"), target_about=("call",))
    before.value["target_date"] = "2025-10-16"
    late = dated("c2", "boris-kell", "2025-10-20", head="=send")
    late.value["about"] = ["deliver", "memo"]
    [d] = find_disputes(analysis([before, late]))
    assert d.kind == "timing" and {c.actor for c in d.claims} == {"anna-berg", "boris-kell"}
    late.value["date"] = "2025-10-12"  # a date that fits the ordering
    assert find_disputes(analysis([before, late])) == []


def test_a_source_giving_several_figures_for_one_measure_speaks_of_several_groups():
    white = amount("c1", "anna-berg", 33, unit="percent", about=("unemployment", "rate"))
    black = amount("c2", "anna-berg", 51, unit="percent", about=("unemployment", "rate"))
    other = amount("c3", "boris-kell", 59, unit="percent", about=("unemployment", "rate"))
    assert find_disputes(analysis([white, black, other])) == []
    assert len(find_disputes(analysis([white, other]))) == 1


def test_shares_of_different_populations_are_different_measures():
    all_voters = amount("c1", "anna-berg", 49.5, unit="percent", about=("approval", "obama", "average"))
    democrats = amount("c2", "boris-kell", 81, unit="percent", about=("approval", "approve", "average"))
    democrats.value["population"] = ["democrat"]
    assert find_disputes(analysis([all_voters, democrats])) == []


def test_names_in_every_story_of_a_large_corpus_do_not_tie_two_stories_together():
    # ten campaign stories that all name the two candidates are not one story; two that also share a
    # rarer name a few days apart are
    from nonpaper.disputes.find import _related_articles
    from nonpaper.model import Actor, Analysis, Article

    def story(i: int, extra: list[str]) -> Analysis:
        names = ["Ada Lind", "Bo Kerr", *extra]
        actors = [Actor(id=n.lower().replace(" ", "-"), name=n, kind="person") for n in names]
        return Analysis(article=Article(id=f"s{i}", text="A story.", published=f"2026-05-{10 + i:02d}"), actors=actors)

    stories = [story(i, ["Cy Moss"] if i in (1, 2) else []) for i in range(10)]
    related = _related_articles(stories, {})
    assert related == {frozenset(("s1", "s2"))}
    # in a small corpus (two articles) every shared name counts
    assert _related_articles(stories[3:5], {}) == {frozenset(("s3", "s4"))}


# ---------------------------------------------------------------- across articles, at corpus scale

def test_a_word_other_stories_use_weighs_little_and_a_word_of_one_story_alone_fully():
    from collections import Counter

    from nonpaper.disputes.find import Specificity

    bags = {"x": Counter({"meeting": 1, "dam": 2}), "y": Counter({"meeting": 1, "dam": 1}),
            **{f"o{i}": Counter({"meeting": 1, f"w{i}": 1}) for i in range(60)}}
    x, y = statement("c1", "anna-berg", "", ()), statement("c1", "boris-kell", "", ())
    x.article, y.article = "x", "y"
    sixty_stories = Specificity(bags, {frozenset(("x", "y")): 0.5})
    assert sixty_stories.weigh(x, y, "dam") == 1.0
    assert sixty_stories.weigh(x, y, "meeting") < 0.2
    one_story = Specificity(bags, {frozenset(("x", k)): 0.5 for k in bags if k != "x"})
    assert one_story.weigh(x, y, "meeting") == 1.0  # every article tells the story: no word is common


def _alike(first: list[str], second: list[str], topic_claims=True):
    """Two articles sharing Anna and Boris whose claims are about these words; with a status dispute
    on 'meeting' when `topic_claims`."""
    x = [statement("c1", "anna-berg", "x", first)]
    y = [statement("c1", "boris-kell", "y", second)]
    if topic_claims:
        x.append(status("c2", "anna-berg", "postponed"))
        y.append(status("c2", "boris-kell", "called_off"))
    return two_articles(x, y)


def test_articles_weeks_apart_must_read_much_alike_to_tell_one_story():
    from nonpaper.disputes.find import _related_articles, _story_links, _word_bags

    analyses = _alike(["dam", "spillway", "survey", "board", "engineer", "repair"],
                      ["dam", "spillway", "lake", "fish", "rain", "road"], topic_claims=False)
    related = _related_articles(analyses, {})
    analyses[0].article.published, analyses[1].article.published = "2026-03-02", "2026-03-04"
    [(pair, cosine)] = _story_links(analyses, related, _word_bags(analyses)).items()
    assert 0.15 <= cosine < 0.3
    analyses[1].article.published = "2026-05-04"
    assert _story_links(analyses, related, _word_bags(analyses)) == {}


def test_a_status_on_a_topic_every_other_story_uses_needs_articles_that_read_alike():
    def others(n: int):
        return [analysis([statement("c1", f"p{i}", "", ["meeting", f"w{i}"])], f"o{i}", actors=(actor(f"P{i} Q{i}"),))
                for i in range(n)]

    # one story's two articles: their status claims on "the meeting" are compared
    pair = _alike(["dam", "spillway", "survey", "board", "engineer", "repair"],
                  ["dam", "spillway", "lake", "fish", "rain", "road"])
    assert [d.kind for d in find_cross_disputes(pair, [])] == ["status"]
    # forty other stories with meetings: "the meeting" alone no longer names one event
    pair = _alike(["dam", "spillway", "survey", "board", "engineer", "repair"],
                  ["dam", "spillway", "lake", "fish", "rain", "road"])
    assert find_cross_disputes(pair + others(40), []) == []
    # unless the two articles plainly tell one story (they read alike)
    pair = _alike(["dam", "spillway", "survey", "board"], ["dam", "spillway", "survey", "board"])
    assert [d.kind for d in find_cross_disputes(pair + others(40), [])] == ["status"]


def test_two_articles_weeks_apart_date_two_happenings_not_one():
    # "Monday" in an article of May 1 and in one of May 25 names two Mondays: no date dispute,
    # though the two articles read alike enough to tell one story
    def pair(day_y: str):
        x = analysis([dated("c1", "anna-berg", "2026-04-27"), statement("c2", "anna-berg", "", ["arrest", "harbour"])], "x")
        y = analysis([dated("c1", "boris-kell", "2026-05-25"), statement("c2", "boris-kell", "", ["arrest", "harbour"])], "y")
        for c in (x.claims[0], y.claims[0]):
            c.value["about"] = ["arrest", "harbour", "guard"]
        x.article.published, y.article.published = "2026-05-01", day_y
        return [x, y]
    assert [d.kind for d in find_cross_disputes(pair("2026-05-03"), [])] == ["timing"]
    assert find_cross_disputes(pair("2026-05-29"), []) == []


# ---------------------------------------------------------------- event phases, talks and deals

def phased(claim: Claim, phase: str | None) -> Claim:
    claim.value["target_phase"] = phase
    return claim


def test_before_an_event_began_against_after_it_ended_is_a_timing_dispute():
    a = phased(order("c1", "anna-berg", "BEFORE", target_about=("vote", "begin")), "start")
    b = phased(order("c2", "boris-kell", "AFTER", target_about=("vote", "end")), "end")
    assert [d.kind for d in find_disputes(analysis([a, b]))] == ["timing"]
    plain = order("c3", "cleo-moss", "AFTER", target_about=("vote",))
    assert [d.kind for d in find_disputes(analysis([phased(order("c1", "anna-berg", "BEFORE", target_about=("vote",)), "end"),
                                                    plain]))] == ["timing"]


def test_before_an_event_ended_and_after_it_began_can_both_hold():
    a = phased(order("c1", "anna-berg", "BEFORE", target_about=("vote", "end")), "end")
    b = phased(order("c2", "boris-kell", "AFTER", target_about=("vote", "begin")), "start")
    assert find_disputes(analysis([a, b])) == []


def test_a_dead_deal_against_talks_only_paused_is_a_status_dispute():
    deal = status("c1", "anna-berg", "called_off", topic="deal")
    talks = status("c2", "boris-kell", "suspended")
    talks.value["about"] = ["meeting", "talk"]
    [d] = find_disputes(analysis([deal, talks]))
    assert d.kind == "status" and {c.actor for c in d.claims} == {"anna-berg", "boris-kell"}


def test_a_dead_deal_and_talks_that_were_held_or_a_meeting_paused_are_no_dispute():
    deal = status("c1", "anna-berg", "called_off", topic="deal")
    held = status("c2", "boris-kell", "held")
    held.value["about"] = ["meeting", "talk"]
    assert find_disputes(analysis([deal, held])) == []
    meeting = status("c3", "boris-kell", "suspended")  # a meeting, not the talks for the deal
    assert find_disputes(analysis([status("c1", "anna-berg", "called_off", topic="deal"), meeting])) == []


# ---------------------------------------------------------------- durations, denials with evidence

def lasted(cid, who, low, high, measure="custody", thing="=vessel", word="ship", about=("hold", "ship")):
    return Claim(id=cid, actor=who, text=f"{who}: held {low}-{high} s", kind="duration",
                 value={"low": low, "high": high, "duration_text": f"{low}-{high} s", "measure": measure,
                        "thing": thing, "thing_word": word, "what": "the ship was held", "about": list(about)})


DAY, HOUR = 86400, 3600


def test_durations_of_one_holding_that_cannot_meet_are_a_fact_dispute():
    [d] = find_disputes(analysis([lasted("c1", "anna-berg", 1.6 * DAY, 2.5 * DAY),
                                  lasted("c2", "boris-kell", 0, DAY, about=("release", "vessel", "inspection"))]))
    assert d.kind == "fact" and "Anna Berg" in d.summary and "Boris Kell" in d.summary


def test_a_third_source_agreeing_with_one_side_about_what_it_speaks_of_joins_it():
    third = lasted("c3", "cleo-moss", 0, 6.6 * HOUR, measure="last:inspec", thing="inspec", word="inspection",
                   about=("inspection", "last"))
    [d] = find_disputes(analysis([lasted("c1", "anna-berg", 1.6 * DAY, 2.5 * DAY),
                                  lasted("c2", "boris-kell", 0, DAY, about=("release", "vessel", "inspection")), third]))
    assert [c.actor for c in d.claims] == ["anna-berg", "boris-kell", "cleo-moss"]


def test_durations_that_meet_or_measure_other_things_are_no_dispute():
    held = lasted("c1", "anna-berg", 1.6 * DAY, 2.5 * DAY)
    assert find_disputes(analysis([held, lasted("c2", "boris-kell", 0, 2 * DAY)])) == []  # "within two days"
    assert find_disputes(analysis([held, lasted("c2", "boris-kell", 0, DAY, thing="skippe", word="skipper")])) == []
    assert find_disputes(analysis([held, lasted("c2", "boris-kell", 0, DAY, measure="closure")])) == []
    assert find_disputes(analysis([held, lasted("c2", "anna-berg", 0, DAY)])) == []  # one source


def test_a_denial_lists_the_whole_denied_account_and_the_denier_s_evidence():
    said = statement("c1", "anna-berg", "They never asked us", ("ask",))
    again = statement("c2", "anna-berg", "Not once", ())
    evidence = statement("c4", "cleo-moss", "officials met the traders twice", ("official", "meet", "trader"))
    deny = Claim(id="c3", actor="boris-kell", text="Boris Kell disputes that.", kind="denial", polarity=False,
                 value={"target": "c1", "targets": ["c1", "c2"], "support": ["c4"], "object": None, "about": []})
    [d] = find_disputes(analysis([said, again, deny, evidence]))
    assert [c.claim for c in d.claims] == ["c1", "c2", "c3", "c4"]
    assert "against it, Cleo Moss says" in d.summary and "(" not in d.summary
