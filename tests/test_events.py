"""Events from clauses: type, trigger, actors, date and places (geo/events.py).

Mentions are built by hand, the way the recognizer and resolver would hand them
over; the short articles are invented, the last tests use the seed article.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from geo.events import INFERRED_PLACE_FACTOR, extract_events
from geo.model import Article, Event, Mention, Place, ResolvedMention

ROOT = Path(__file__).resolve().parents[1]
WED = date(2024, 11, 20)  # a Wednesday

# Real coordinates, rounded; codes as the gazetteer gives them.
PLACES = {
    "Vientiane": Place("geonames:1651944", "Vientiane", 17.97, 102.60, "P", "PPLC", "LA"),
    "Rio de Janeiro": Place("geonames:3451190", "Rio de Janeiro", -22.91, -43.18, "P", "PPLA", "BR"),
    "Brazil": Place("geonames:3469034", "Brazil", -10.0, -55.0, "A", "PCLI", "BR"),
    "Demchok": Place("geonames:9999001", "Demchok", 32.70, 79.45, "P", "PPL", "IN"),
    "Depsang": Place("geonames:9999002", "Depsang Plains", 35.30, 78.00, "T", "PLN", "IN"),
    "Eastern Ladakh": Place("geonames:1269320", "Ladakh", 34.2, 77.6, "A", "ADM1", "IN"),
    "India": Place("geonames:1269750", "India", 22.0, 79.0, "A", "PCLI", "IN"),
    "China": Place("geonames:1814991", "China", 35.0, 105.0, "A", "PCLI", "CN"),
    "Paris": Place("geonames:2988507", "Paris", 48.86, 2.35, "P", "PPLC", "FR"),
    "France": Place("geonames:3017382", "France", 46.0, 2.0, "A", "PCLI", "FR"),
    "Lyon": Place("geonames:2996944", "Lyon", 45.75, 4.85, "P", "PPLA", "FR"),
    "Bangladesh": Place("geonames:1210997", "Bangladesh", 24.0, 90.0, "A", "PCLI", "BD"),
    "Sylhet": Place("geonames:1185099", "Sylhet", 24.90, 91.87, "P", "PPLA", "BD"),
}


def mentions_in(text: str, names: list[str], unresolved: tuple[str, ...] = ()) -> list[ResolvedMention]:
    """A resolved mention for every occurrence of each name; `unresolved` ones get no place."""
    found = []
    for name in names:
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            place = None if name in unresolved else PLACES[name]
            found.append(ResolvedMention(Mention(m.start(), m.end(), name), place, 0.9,
                                         "gazetteer" if place else ""))
    return sorted(found, key=lambda r: r.mention.start)


def events(text: str, *names: str, published: date | None = WED, unresolved: tuple[str, ...] = ()) -> list[Event]:
    article = Article(id="a1", text=text, date=published)
    return extract_events(article, mentions_in(text, list(names), unresolved))


def where(event: Event) -> list[str]:
    return [p.mention.text for p in event.places]


def when(event: Event) -> tuple[str, str] | None:
    return (event.date.value, event.date.precision) if event.date else None


def named(event: Event, name: str) -> bool:
    return any(name in actor for actor in event.actors)


# --- types and triggers -------------------------------------------------------

@pytest.mark.parametrize("sentence, kind, trigger", [
    ("The two ministers met on Monday.", "meeting", "met"),
    ("Both sides held talks for three hours.", "meeting", "held talks"),
    ("The president will visit the region.", "meeting", "visit"),
    ("The opposition called for calm.", "statement", "called for"),
    ("Officials warned of further unrest.", "statement", "warned"),
    ("The two countries signed a trade pact.", "agreement", "signed"),
    ("The sides reached an agreement on grazing rights.", "agreement", "reached an agreement"),
    ("The army deployed two brigades.", "military_movement", "deployed"),
    ("Troops completed disengagement from the ridge.", "military_movement", "disengagement"),
    ("Soldiers resumed patrolling the valley.", "military_movement", "patrolling"),
    ("Five soldiers were killed overnight.", "clash", "killed"),
    ("Heavy shelling hit the town.", "clash", "shelling"),
    ("Thousands joined the protest.", "protest", "protest"),
    ("Dock workers went on strike.", "protest", "strike"),
    ("Farmers march to the capital.", "protest", "march"),
    ("An earthquake struck the coast.", "disaster", "earthquake"),
    ("Officials reported 40 cases of cholera.", "disaster", "cases of"),
    ("Police arrested two suspects.", "other", "arrested"),
    ("FLOODS swept the valley.", "disaster", "FLOODS"),  # any case; the trigger as written
])
def test_trigger_types(sentence, kind, trigger):
    [event] = events(sentence)
    assert (event.type, event.trigger) == (kind, trigger)


@pytest.mark.parametrize("sentence", [
    "In March, the weather turned.",  # the month, not a march
    "A ceasefire has held since the summer.",  # no fire
    "The minister has a busy week.",
])
def test_sentences_without_events(sentence):
    assert events(sentence) == []


def test_priority_picks_the_strongest_trigger_in_a_clause():
    [event] = events("Police said protesters clashed with troops at the border.")
    assert (event.type, event.trigger) == ("clash", "clashed")


def test_words_in_organisation_names_are_no_triggers():
    [event] = events("Singh met Dong Jun at the ASEAN Defence Ministers Meeting in Vientiane.", "Vientiane")
    assert (event.type, event.trigger) == ("meeting", "met")
    assert "ASEAN Defence Ministers Meeting" in event.actors
    assert events("The G20 Summit opened in Rio de Janeiro.", "Rio de Janeiro") == []


# --- clauses ------------------------------------------------------------------

def test_one_sentence_two_kinds_of_things_two_events():
    text = ("Defence minister Rajnath Singh on Wednesday called for lessons from the border clashes "
            "of 2020 during talks with his Chinese counterpart Dong Jun in Vientiane.")
    clash, meeting = events(text, "Vientiane")
    assert (clash.type, when(clash), where(clash)) == ("clash", ("2020", "year"), [])
    assert (meeting.type, when(meeting), where(meeting)) == ("meeting", ("2024-11-20", "day"), ["Vientiane"])
    # "during talks with ..." has no subject of its own: it borrows the first clause's.
    assert meeting.actors[:2] == ["Defence minister Rajnath Singh", "Chinese counterpart Dong Jun"]
    assert clash.sentence == meeting.sentence == text


def test_clause_after_semicolon_is_its_own_event():
    text = "Troops withdrew from Demchok; an earthquake struck Sylhet the next day."
    withdrawal, quake = events(text, "Demchok", "Sylhet")
    assert (withdrawal.type, where(withdrawal)) == ("military_movement", ["Demchok"])
    assert (quake.type, where(quake)) == ("disaster", [])  # "struck Sylhet": no locative


def test_clauses_of_the_same_kind_stay_one_event():
    [event] = events("Two soldiers were killed during fighting near Demchok.", "Demchok")
    assert (event.type, event.trigger, where(event)) == ("clash", "killed", ["Demchok"])


def test_a_clause_without_trigger_joins_its_neighbour():
    [event] = events("Ministers met during the annual gathering of the bloc in Vientiane on Monday.",
                     "Vientiane")
    assert (event.type, where(event), when(event)) == ("meeting", ["Vientiane"], ("2024-11-18", "day"))


# --- places -------------------------------------------------------------------

def test_locative_places_and_lists():
    [event] = events("Both forces completed disengagement in Demchok and Depsang late last month.",
                     "Demchok", "Depsang")
    assert where(event) == ["Demchok", "Depsang"]
    assert when(event) == ("2024-10", "month")


def test_city_comma_country_keeps_the_city_and_the_country_is_no_actor():
    text = "Jaishankar met Wang Yi on the sidelines of the G20 Summit in Rio de Janeiro, Brazil."
    [event] = events(text, "Rio de Janeiro", "Brazil")
    assert where(event) == ["Rio de Janeiro"]
    assert "Brazil" not in event.actors
    assert "G20 Summit" in event.actors


def test_comma_list_of_cities_keeps_all():
    [event] = events("Thousands joined protests in Paris, Lyon and Sylhet.", "Paris", "Lyon", "Sylhet")
    assert where(event) == ["Paris", "Lyon", "Sylhet"]


def test_places_used_as_modifiers_are_no_event_places():
    text = "The talks in India-China relations were held between India and China."
    [event] = events(text, "India", "China")
    assert where(event) == []
    assert event.actors == ["India", "China"]


def test_a_country_where_it_happened_is_a_place_not_an_actor():
    [event] = events("Floods swept through villages in Bangladesh on Monday.", "Bangladesh")
    assert where(event) == ["Bangladesh"]
    assert event.actors == []


def test_unresolved_mentions_still_say_where():
    [event] = events("Troops patrolled near Depsang.", "Depsang", unresolved=("Depsang",))
    assert where(event) == ["Depsang"]
    assert event.places[0].place is None


def test_only_mentions_inside_the_clause_count():
    text = "Officials in Paris said a storm is coming; troops were deployed."
    statement, deployment = events(text, "Paris")
    assert where(statement) == ["Paris"]
    assert where(deployment) == []  # no clash/movement elsewhere has a place to lend


def test_clash_without_a_place_borrows_the_nearest_movement_place_less_surely():
    text = ("Troops withdrew from Demchok on Monday. Leaders met later. "
            "Officials said the clashes of 2020 must not recur.")
    withdrawal, meeting, clash = events(text, "Demchok")
    assert where(clash) == ["Demchok"] and when(clash) == ("2020", "year")
    assert clash.places[0].confidence == pytest.approx(0.9 * INFERRED_PLACE_FACTOR)
    assert withdrawal.places[0].confidence == 0.9
    assert where(meeting) == []  # meetings do not borrow


# --- dates --------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("The border clashes of 2020 left scars.", ("2020", "year")),
    ("The 2020 clashes left scars.", ("2020", "year")),
    ("On Monday the ministers met.", ("2024-11-18", "day")),
    ("The sides reached an agreement on October 21.", ("2024-10-21", "day")),
    ("The sides reached an agreement.", None),
])
def test_dates(sentence, expected):
    [event] = events(sentence)
    assert when(event) == expected


def test_the_trigger_date_beats_the_first_date_of_the_clause():
    [event] = events("Singh on Wednesday recalled the unfortunate border clashes of 2020.")
    assert when(event) == ("2020", "year")


def test_a_date_is_bound_to_a_trigger_only_across_a_modifier_word():
    # "2020 during talks": "during" is no modifier, so the talks keep the clause's first date.
    [event] = events("On Monday, ministers reviewed progress since 2020 during talks.")
    assert (event.type, when(event)) == ("meeting", ("2024-11-18", "day"))

def test_no_date_from_another_sentence():
    first, second = events("The ministers met on Monday. They signed a pact.")
    assert when(first) == ("2024-11-18", "day")
    assert second.date is None


def test_relative_dates_need_a_publication_date():
    [event] = events("The ministers met on Monday.", published=None)
    assert event.date is None


# --- actors -------------------------------------------------------------------

def test_people_keep_the_role_the_text_gives_them():
    text = ("On Monday, external affairs minister Subrahmanyam Jaishankar met his Chinese "
            "counterpart Wang Yi.")
    [event] = events(text)
    assert event.actors == ["external affairs minister Subrahmanyam Jaishankar",
                            "Chinese counterpart Wang Yi", "China"]


def test_a_surname_later_stands_for_the_titled_person():
    text = "Prime Minister Jane Okafor arrived on Monday. Okafor warned of delays."
    [statement] = events(text)  # "arrived" is no trigger
    assert statement.actors == ["Prime Minister Jane Okafor"]


def test_a_demonym_role_without_a_name_is_an_actor():
    [event] = events("The minister urged his Chinese counterpart to ease tensions.")
    assert event.actors == ["Chinese counterpart", "China"]


def test_acronyms_are_organisations_but_credits_and_times_are_not():
    [event] = events("NATO and ASEAN officials met at 10 PM (AFP).")
    assert event.actors == ["NATO", "ASEAN"]


# --- ids ----------------------------------------------------------------------

def test_ids_number_events_in_text_order():
    found = events("Ministers met. Troops withdrew. Nothing else happened.")
    assert [e.id for e in found] == ["a1:e1", "a1:e2"]
    assert all(e.article_id == "a1" for e in found)


def test_an_empty_article_has_no_events():
    assert extract_events(Article(id="x", text=""), []) == []


# --- the seed article ---------------------------------------------------------

SEED_NAMES = ["Vientiane", "Rio de Janeiro", "Brazil", "Demchok", "Depsang", "Eastern Ladakh",
              "India", "China"]


@pytest.fixture(scope="module")
def seed_events() -> list[Event]:
    [path] = [p for p in sorted((ROOT / "seeds").glob("*.txt")) if "Demchok" in p.read_text(encoding="utf-8")]
    raw = path.read_text(encoding="utf-8")
    first, text = raw.split("\n", 1)
    published = date.fromisoformat(first.split()[1])  # first line: "date YYYY-MM-DD ..."
    article = Article(id=path.stem, text=text, date=published)
    return extract_events(article, mentions_in(text, SEED_NAMES))


def find(found: list[Event], kind: str, place: str, value: str) -> list[Event]:
    return [e for e in found if e.type == kind and place in where(e) and e.date and e.date.value == value]


def test_seed_meeting_in_vientiane(seed_events):
    [meeting] = find(seed_events, "meeting", "Vientiane", "2024-11-20")
    assert meeting.date.precision == "day"
    assert named(meeting, "Rajnath Singh") and named(meeting, "Dong Jun")


def test_seed_meeting_in_rio_de_janeiro(seed_events):
    [meeting] = find(seed_events, "meeting", "Rio de Janeiro", "2024-11-18")
    assert where(meeting) == ["Rio de Janeiro"]  # not Brazil as well
    assert named(meeting, "Jaishankar") and named(meeting, "Wang Yi")


def test_seed_disengagement_in_demchok_and_depsang(seed_events):
    [movement] = [e for e in find(seed_events, "military_movement", "Demchok", "2024-10")
                  if e.places[0].confidence == 0.9]
    assert where(movement) == ["Demchok", "Depsang"]
    assert movement.date.precision == "month"
    assert movement.trigger == "disengagement"


def test_seed_clashes_of_2020_in_eastern_ladakh(seed_events):
    clashes = find(seed_events, "clash", "Eastern Ladakh", "2020")
    assert clashes and all(e.date.precision == "year" for e in clashes)
    # The clash sentence names no place: Eastern Ladakh is borrowed, less surely.
    assert all(p.confidence < 0.9 for e in clashes for p in e.places)


def test_seed_agreement_of_october_21(seed_events):
    [agreement] = [e for e in seed_events if e.type == "agreement" and when(e) == ("2024-10-21", "day")]
    assert agreement.trigger == "reached an agreement"


def test_seed_events_are_numbered_and_keep_their_sentence(seed_events):
    assert [e.id for e in seed_events] == [f"{e.article_id}:e{n}" for n, e in enumerate(seed_events, start=1)]
    assert all(e.sentence and e.trigger.lower() in e.sentence.lower() for e in seed_events)
    assert not any("Brazil" in where(e) or "India" in where(e) or "China" in where(e) for e in seed_events)



def test_the_town_of_a_place_locates_the_event():
    detained, landslide = events("Police detained him in the coastal town of Lyon. "
                                 "A landslide hit the village of Sylhet.", "Lyon", "Sylhet")
    assert (where(detained), where(landslide)) == (["Lyon"], ["Sylhet"])
