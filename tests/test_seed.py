"""The seed article end to end, through the command line as a user runs it."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner

from conftest import SEEDS
from geo.cli import main
from geo.evaluate import haversine_km

PEOPLE_AND_ORGANISATIONS = ["Rajnath Singh", "Singh", "Dong Jun", "Wang Yi", "Subrahmanyam Jaishankar",
                            "Jaishankar", "ASEAN", "ADMM", "G20", "ANI", "HT News Desk", "Menu", "Explore"]


@pytest.fixture(scope="module")
def mentions(gazetteer, tmp_path_factory):
    out = tmp_path_factory.mktemp("parse") / "out.jsonl"
    result = CliRunner().invoke(main, ["parse", str(SEEDS), "-o", str(out), "--offline"])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    return record["mentions"]


def first(mentions, text):
    return next(m for m in mentions if m["text"] == text)


@pytest.mark.parametrize("name, lat, lon, km", [
    ("Vientiane", 17.967, 102.600, 10),
    ("Rio de Janeiro", -22.906, -43.182, 15),
    ("Demchok", 32.70, 79.45, 15),
    ("Depsang", 35.3, 78.0, 40),
])
def test_seed_places_are_where_they_are(mentions, name, lat, lon, km):
    mention = first(mentions, name)
    assert haversine_km(mention["lat"], mention["lon"], lat, lon) <= km


def test_eastern_ladakh_is_one_mention_in_the_east_of_ladakh(mentions):
    mention = first(mentions, "Eastern Ladakh")
    assert mention["lon"] >= 77.6 and 32.3 <= mention["lat"] <= 35.8


def test_people_organisations_and_page_furniture_are_not_places(mentions):
    texts = {m["text"] for m in mentions}
    assert not texts & set(PEOPLE_AND_ORGANISATIONS)


def test_map_writes_html_csv_and_geojson(gazetteer, tmp_path):
    result = CliRunner().invoke(main, ["map", str(SEEDS), "-o", str(tmp_path), "--offline"])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "map.html").read_text()
    assert "leaflet" in html.lower() and "102.6" in html
    frame = pd.read_csv(tmp_path / "mentions.csv")
    assert list(frame.columns) == ["article_id", "start", "end", "text", "qualifier", "name", "lat", "lon",
                                   "feature_code", "country_code", "place_id", "source", "confidence", "sentence"]
    assert "Vientiane" in set(frame["name"])
    places = json.loads((tmp_path / "places.geojson").read_text())
    assert places["type"] == "FeatureCollection" and places["features"]


@pytest.fixture(scope="module")
def seed_events(gazetteer, tmp_path_factory):
    out = tmp_path_factory.mktemp("map")
    result = CliRunner().invoke(main, ["map", str(SEEDS), "-o", str(out), "--offline", "--workers", "1"])
    assert result.exit_code == 0, result.output
    return pd.read_csv(out / "events.csv", dtype={"date": str})


def events_at(events, kind, place, date):
    return events[(events.event_type == kind) & (events.place_name == place) & (events.date == date)]


def test_the_defence_ministers_met_in_vientiane_on_wednesday(seed_events):
    rows = events_at(seed_events, "meeting", "Vientiane", "2024-11-20")
    assert any("Rajnath Singh" in actors and "Dong Jun" in actors for actors in rows.actors)


def test_the_foreign_ministers_met_in_rio_on_monday(seed_events):
    rows = events_at(seed_events, "meeting", "Rio de Janeiro", "2024-11-18")
    assert any("Jaishankar" in actors and "Wang Yi" in actors for actors in rows.actors)


@pytest.mark.parametrize("place", ["Demchok", "Depsang Plains"])
def test_troops_disengaged_late_last_month(seed_events, place):
    rows = events_at(seed_events, "military_movement", place, "2024-10")
    assert set(rows.date_precision) == {"month"}


def test_the_2020_clashes_were_in_eastern_ladakh(seed_events):
    rows = events_at(seed_events, "clash", "Eastern Ladakh", "2020")
    assert not rows.empty and set(rows.date_precision) == {"year"}
