"""Outputs of geo/render.py: events.csv, events.geojson and the HTML map (offline, fast).

The articles are built by hand (`make_parsed`), so these tests need neither the
gazetteer nor the event extractor. tests/test_browser.py opens the same maps in
a real browser.
"""
from __future__ import annotations

import csv
import io
import json
import math
import random
import re
import time
from datetime import date

import pandas as pd
import pytest
from shapely.geometry import Point, box, shape

from geo.model import Article, Event, EventDate, Mention, ParsedArticle, Place, ResolvedMention
from geo.render import (ASSET_DIR, ASSETS, EVENT_COLUMNS, MENTION_COLUMNS, _date_key, _sentence_parts,
                        esc, events_geojson, render_map, safe_url, script_json, world_outlines,
                        write_outputs)
from geo.sources import FORMULA_START

# Payloads that must never run: in a title, a sentence, an actor, a place name.
XSS_TITLE = 'Talks <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> ${window.__pwned=3} `x`'
XSS_ACTOR = "</script><script>window.__pwned=4</script>"
FORMULA_SENTENCE = "=HYPERLINK(\"http://evil.example\",\"click\") Paris protest"

# Well-separated places, so that at the fitted zoom no two of them cluster.
PLACES = {
    "Vientiane": (17.9757, 102.6331),
    "Paris": (48.8566, 2.3522),
    "Nairobi": (-1.2864, 36.8172),
    "Lima": (-12.0464, -77.0428),
    "Ladakh": (34.2, 77.6),
    "Sydney": (-33.8688, 151.2093),
}


def _place(name: str, geometry=None) -> Place:
    lat, lon = PLACES[name]
    return Place(id=f"test:{name}", name=name, lat=lat, lon=lon, feature_class="P", feature_code="PPL",
                 country_code="XX", source="test", geometry=geometry)


def _mention(text: str, name: str, place: Place | None, occurrence: int = 0) -> ResolvedMention:
    """The `occurrence`-th mention of `name` in `text`, resolved to `place`, with its sentence."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(name, start + 1)
    end = start + len(name)
    sentence_start = max(text.rfind(". ", 0, start) + 2, 0) if text.rfind(". ", 0, start) >= 0 else 0
    sentence_end = text.find(".", end)
    sentence_end = len(text) if sentence_end < 0 else sentence_end + 1
    return ResolvedMention(Mention(start, end, name), place, 0.9 if place else 0.0,
                           "gazetteer" if place else "", text[sentence_start:sentence_end])


def make_parsed() -> list[ParsedArticle]:
    """Three articles: six events of five types, a region, an unplaced event, payloads and formulas."""
    text1 = ("Rajnath Singh met Dong Jun in Vientiane on Wednesday. "
             "Troops moved near Ladakh last month. Officials in Nairobi said nothing.")
    a1 = Article(id="a1", text=text1, title=XSS_TITLE, url="javascript:alert(document.domain)",
                 date=date(2024, 11, 20))
    vientiane = _mention(text1, "Vientiane", _place("Vientiane"))
    ladakh = _mention(text1, "Ladakh", _place("Ladakh", geometry=box(75.5, 32.5, 79.5, 36.0)))
    nairobi = _mention(text1, "Nairobi", _place("Nairobi"))
    events1 = [
        Event("a1-e1", "a1", "meeting", "met", vientiane.sentence, ["Rajnath Singh", XSS_ACTOR],
              EventDate("2024-11-20", "day", "on Wednesday"), [vientiane]),
        Event("a1-e2", "a1", "military_movement", "moved", ladakh.sentence, ["Troops"],
              EventDate("2024-10", "month", "last month"), [ladakh]),
    ]
    text2 = (f"{FORMULA_SENTENCE}. Police and protesters clashed in Paris and Lima. "
             "A storm hit somewhere unknown. Leaders agreed in Paris.")
    a2 = Article(id="a2", text=text2, title="Protests spread", url="https://news.example/a2?x=1&y=<2>",
                 date=date(2024, 11, 21))
    paris0 = _mention(text2, "Paris", _place("Paris"), 0)
    paris1 = _mention(text2, "Paris", _place("Paris"), 1)
    lima = _mention(text2, "Lima", _place("Lima"))
    unknown = ResolvedMention(Mention(text2.index("somewhere"), text2.index("somewhere") + 9, "somewhere"),
                              None, 0.0, "", "A storm hit somewhere unknown.")
    paris2 = _mention(text2, "Paris", _place("Paris"), 2)
    events2 = [
        Event("a2-e1", "a2", "protest", "protest", FORMULA_SENTENCE, ["-protesters", "@crowd"],
              EventDate("2024", "year", "this year"), [paris0]),
        # Two places (and Paris twice): one row per distinct place.
        Event("a2-e2", "a2", "clash", "clashed", paris1.sentence, ["Police", "protesters"],
              EventDate("2024-11-21", "day", "today"), [paris1, lima, paris1]),
        Event("a2-e3", "a2", "disaster", "hit", unknown.sentence, [], None, [unknown]),  # no place
        Event("a2-e4", "a2", "agreement", "agreed", paris2.sentence, ["Leaders"], None, [paris2]),
    ]
    text3 = "Sydney was mentioned in passing."
    a3 = Article(id="a3", text=text3, title="Weather notes", url="http://example.org/a3")
    sydney = _mention(text3, "Sydney", _place("Sydney"))
    return [
        ParsedArticle(a1, [vientiane, ladakh, nairobi], events1),
        ParsedArticle(a2, [paris0, paris1, lima, unknown, paris2], events2),
        ParsedArticle(a3, [sydney], []),
    ]


def synthetic(n_events: int, n_articles: int = 500, seed: int = 7) -> list[ParsedArticle]:
    """`n_events` events, one place each, over `n_articles` articles and 2,000 distinct places."""
    rng = random.Random(seed)
    types = ["meeting", "statement", "agreement", "military_movement", "clash", "protest", "disaster", "other"]
    places = [Place(id=f"syn:{i}", name=f"Town {i}", lat=rng.uniform(-55, 70), lon=rng.uniform(-170, 175),
                    feature_code="PPL", country_code="XX") for i in range(2000)]
    per_article = math.ceil(n_events / n_articles)
    parsed, made = [], 0
    for a in range(n_articles):
        sentences, events, mentions = [], [], []
        offset = 0
        for e in range(min(per_article, n_events - made)):
            place = rng.choice(places)
            sentence = (f"On day {e} officials from both sides met in {place.name} to discuss the border "
                        f"situation and said talks would continue.")
            start = offset + sentence.index(place.name)
            resolved = ResolvedMention(Mention(start, start + len(place.name), place.name), place, 0.8,
                                       "gazetteer", sentence)
            mentions.append(resolved)
            day = rng.randrange(1, 29)
            events.append(Event(f"s{a}-{e}", f"s{a}", rng.choice(types), "met", sentence,
                                ["Officials", "Ministers"],
                                EventDate(f"2024-{rng.randrange(1, 13):02d}-{day:02d}", "day", "on Monday"),
                                [resolved]))
            sentences.append(sentence)
            offset += len(sentence) + 1
            made += 1
        article = Article(id=f"s{a}", text=" ".join(sentences), title=f"Synthetic article {a}",
                          url=f"https://news.example/{a}")
        parsed.append(ParsedArticle(article, mentions, events))
    return parsed


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    directory = tmp_path_factory.mktemp("render")
    paths = write_outputs(make_parsed(), directory)
    return paths


# --- events.csv -----------------------------------------------------------------


def test_write_outputs_writes_every_file(outputs):
    assert set(outputs) == {"map", "mentions", "events", "places", "events_geojson"}
    for path in outputs.values():
        assert path.exists() and path.stat().st_size > 0
    mentions = pd.read_csv(outputs["mentions"])
    assert list(mentions.columns) == MENTION_COLUMNS
    assert len(mentions) == 9


def test_events_csv_one_row_per_event_place(outputs):
    frame = pd.read_csv(outputs["events"], dtype=str, keep_default_na=False)
    assert list(frame.columns) == EVENT_COLUMNS
    counts = frame.groupby("event_id").size().to_dict()
    # a2-e2 names Paris twice and Lima once: two rows; every other event one row.
    assert counts == {"a1-e1": 1, "a1-e2": 1, "a2-e1": 1, "a2-e2": 2, "a2-e3": 1, "a2-e4": 1}
    clash = frame[frame.event_id == "a2-e2"].set_index("place_name")
    assert set(clash.index) == {"Paris", "Lima"}
    assert float(clash.loc["Lima", "lat"]) == pytest.approx(PLACES["Lima"][0])
    assert float(clash.loc["Lima", "lon"]) == pytest.approx(PLACES["Lima"][1])
    assert clash.loc["Paris", "actors"] == "Police; protesters"
    assert clash.loc["Paris", "date"] == "2024-11-21" and clash.loc["Paris", "date_precision"] == "day"
    assert clash.loc["Paris", "resolution_source"] == "gazetteer"


def test_event_without_place_keeps_one_row_with_empty_coordinates(outputs):
    frame = pd.read_csv(outputs["events"])
    row = frame[frame.event_id == "a2-e3"]
    assert len(row) == 1
    assert row.lat.isna().all() and row.lon.isna().all() and row.place_id.isna().all()
    assert row.iloc[0].place_name == "somewhere"  # the unresolved mention's text
    assert row.iloc[0].event_type == "disaster"
    # Numeric columns stay numeric for QGIS/pandas: floats with NaN for the unplaced row.
    assert frame.lat.dtype == float and frame.lon.dtype == float
    placed = frame.dropna(subset=["lat"])
    assert placed.lat.between(-90, 90).all() and placed.lon.between(-180, 180).all()


def test_formula_cells_are_neutralised_and_round_trip(outputs):
    raw = outputs["events"].read_text(encoding="utf-8")
    for row in csv.reader(io.StringIO(raw)):
        for cell in row:
            if re.fullmatch(r"-?\d+(\.\d+)?", cell):
                continue  # a number (a negative longitude) is no formula
            assert not cell.startswith(FORMULA_START), cell
    frame = pd.read_csv(outputs["events"], dtype=str, keep_default_na=False)
    protest = frame[frame.event_id == "a2-e1"].iloc[0]
    assert protest.sentence == "'" + FORMULA_SENTENCE
    assert protest.sentence[1:] == FORMULA_SENTENCE  # nothing else changed: the quote is the only addition
    assert protest.actors == "'-protesters; @crowd"
    # Negative coordinates are numbers, not text: they are not prefixed.
    assert float(frame[frame.place_name == "Lima"].iloc[0].lon) < 0


# --- events.geojson -------------------------------------------------------------


def test_events_geojson_is_rfc7946(outputs):
    data = json.loads(outputs["events_geojson"].read_text(encoding="utf-8"),
                      parse_constant=lambda c: pytest.fail(f"non-JSON constant {c}"))
    assert data["type"] == "FeatureCollection" and "crs" not in data
    assert data["unplaced_events"] == 1
    csv_rows = pd.read_csv(outputs["events"]).dropna(subset=["lat"])
    assert len(data["features"]) == len(csv_rows) == 6
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        props = feature["properties"]
        assert (lat, lon) == (props["lat"], props["lon"])  # lon first, then lat
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert set(props) == set(EVENT_COLUMNS)
        assert shape(feature["geometry"]).is_valid
    lima = next(f for f in data["features"] if f["properties"]["place_name"] == "Lima")
    assert lima["geometry"]["coordinates"] == [PLACES["Lima"][1], PLACES["Lima"][0]]
    # JSON keeps the text as is (no spreadsheet quote).
    protest = next(f for f in data["features"] if f["properties"]["event_id"] == "a2-e1")
    assert protest["properties"]["sentence"] == FORMULA_SENTENCE


def test_events_geojson_without_events():
    assert events_geojson([]) == {"type": "FeatureCollection", "unplaced_events": 0, "features": []}


# --- the HTML map ---------------------------------------------------------------


def test_map_holds_coordinates_and_controls(outputs):
    page = outputs["map"].read_text(encoding="utf-8")
    for name in ("Vientiane", "Paris", "Lima", "Ladakh", "Sydney", "Nairobi"):
        lat, lon = PLACES[name]
        assert f"{round(lat, 5)},{round(lon, 5)}" in page, name
    assert "L.markerClusterGroup" in page and "L.featureGroup.subGroup" in page
    assert "L.control.layers" in page and "geo-legend" in page and "geo-time" in page
    assert "GeoNames" in page and "CC BY 4.0" in page
    assert "fitBounds" in page
    # Layer control: one entry per type on the map and per article.
    for label in ("meeting (1)", "military movement (1)", "protest (1)", "clash (1)", "agreement (1)",
                  "places mentioned, no event (2)", "Protests spread", "Weather notes"):
        assert label in page, label
    assert "disaster (" not in page  # its only event has no place
    # The Ladakh region is drawn as its polygon.
    assert '"type":"Polygon"' in page


def test_untrusted_text_is_escaped(outputs):
    page = outputs["map"].read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in page
    assert "</script><script>" not in page
    assert "<img src=x" not in page
    assert 'onerror="window' not in page
    assert "${window.__pwned" not in page  # would run inside a JS template literal
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in page
    assert "&#36;{window.__pwned=3}" in page
    # javascript: links are dropped, http(s) links kept (escaped).
    assert "javascript:alert" not in page
    assert "https://news.example/a2?x=1&amp;y=&lt;2&gt;" in page
    assert "http://example.org/a3" in page


def test_escape_helpers():
    assert esc('<a href="x">`${1}`\\</a>') == ("&lt;a href=&quot;x&quot;&gt;&#96;&#36;{1}&#96;&#92;"
                                              "&lt;/a&gt;")
    assert safe_url("javascript:alert(1)") == ""
    assert safe_url(" JavaScript:alert(1)") == ""
    assert safe_url("data:text/html,<script>") == ""
    assert safe_url("https://ok.example/?a=1&b='2'") == "https://ok.example/?a=1&amp;b=&#x27;2&#x27;"
    assert safe_url("http://has space.example") == ""
    assert "<" not in script_json({"a": "</script><!--"})
    assert json.loads(script_json({"a": "</script>\u2028"})) == {"a": "</script>\u2028"}


def test_sentence_parts_mark_the_right_occurrence():
    text = "Paris is big. In Paris, again Paris."
    second = Mention(text.index("Paris", 5), text.index("Paris", 5) + 5, "Paris")
    assert _sentence_parts(text, "In Paris, again Paris.", second) == ["In ", "Paris", ", again Paris."]
    third = Mention(text.rindex("Paris"), text.rindex("Paris") + 5, "Paris")
    assert _sentence_parts(text, "In Paris, again Paris.", third) == ["In Paris, again ", "Paris", "."]
    assert _sentence_parts(text, "<b>", None) == ["&lt;b&gt;", "", ""]


def test_date_keys():
    assert _date_key("2024-11-20") == "2024-11-20"
    assert _date_key("2024-11") == "2024-11-01"
    assert _date_key("2024") == "2024-01-01"
    assert _date_key("soon") is None and _date_key("") is None


def test_map_without_events_or_places(tmp_path):
    paths = write_outputs([ParsedArticle(Article(id="empty", text="Nothing here."))], tmp_path)
    page = paths["map"].read_text(encoding="utf-8")
    assert "no placed events" in page
    assert pd.read_csv(paths["events"]).empty


def test_offline_map_is_self_contained(tmp_path):
    paths = write_outputs(make_parsed(), tmp_path, offline=True)
    page = paths["map"].read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"<link[^>]+href=", page)
    assert "cdn.jsdelivr.net" not in page and "unpkg.com" not in page and "cdnjs" not in page
    assert 'url(images/' not in page  # Leaflet's CSS images are inlined as data: URIs
    assert "Country outlines (offline)" in page and "Natural Earth" in page
    assert 'L.version' in page or 't.version="1.9.4"' in page
    assert 0.3e6 < len(page.encode()) < 1.5e6


def test_world_outlines_cover_the_countries():
    outlines = world_outlines()
    assert len(outlines["features"]) > 150
    shapes = [shape(f["geometry"]) for f in outlines["features"]]
    # Countries that countryinfo has no shape for are here too: Hungary, Myanmar, Serbia.
    for lat, lon in [(47.2, 19.4), (21.0, 96.0), (44.0, 20.9), (48.9, 2.3), (-14.0, -75.0)]:
        assert any(s.buffer(0).contains(Point(lon, lat)) for s in shapes), (lat, lon)
    assert len(json.dumps(outlines)) < 400_000


def test_vendored_assets_exist():
    for url, relative in ASSETS.items():
        assert (ASSET_DIR / relative).is_file(), url
    for folder in ASSET_DIR.iterdir():
        if folder.is_dir():
            assert (folder / "LICENSE").is_file(), folder


def test_large_map_stays_small_and_fast(tmp_path):
    parsed = synthetic(10_000)
    assert sum(len(p.events) for p in parsed) == 10_000
    started = time.perf_counter()
    paths = write_outputs(parsed, tmp_path)
    elapsed = time.perf_counter() - started
    size = paths["map"].stat().st_size
    print(f"10,000 events: map.html {size / 1e6:.1f} MB, write_outputs {elapsed:.2f} s")
    assert size < 15e6
    assert elapsed < 10
    page = paths["map"].read_text(encoding="utf-8")
    # One embedded data layer, not a Python/JS object per marker.
    assert page.count("L.marker(") == 2
    assert page.count("L.featureGroup.subGroup(") == 8  # one per type (every place has an event)
    assert "geo-article-toggle" not in page  # 500 articles: too many for per-article overlays
    assert len(pd.read_csv(paths["events"])) == 10_000


def test_article_overlays_only_for_articles_on_the_map():
    parsed = make_parsed() + [ParsedArticle(Article(id="a4", text="No places.", title="Nothing to map"))]
    page = render_map(parsed).get_root().render()
    toggles = re.findall(r"geo-article-toggle\\u0027\\u003e([^\\]*)", page)
    assert len(toggles) == 3 and "Nothing to map" not in toggles and "Weather notes" in toggles
