"""Outputs: the HTML map (folium), mentions.csv, events.csv and GeoJSON files.

Article text is untrusted: everything that lands in HTML is escaped with
`html.escape` (and the three characters that are live inside a JavaScript
template literal, `` ` `` `$` `\\`, are turned into entities as well, since
folium puts some strings into such literals); only http(s) links are linked;
data embedded in a `<script>` is JSON with every `<` written as `\\u003c`.
CSV cells that a spreadsheet would run as a formula are neutralised
(`sources.safe_cell`).

Files written by `write_outputs`:

- `mentions.csv`: one row per place mention (resolved or not).
- `places.geojson`: one point per distinct resolved place.
- `events.csv`: one row per (event, distinct resolved place); an event with no
  resolved place still has ONE row, with empty lat/lon/place_id/confidence and
  the unresolved mention texts (if any) in `place_name`. Lat/lon are WGS84
  decimal degrees, so QGIS reads it as points (X=lon, Y=lat, EPSG:4326).
- `events.geojson`: RFC 7946 FeatureCollection, one Point per (event, place)
  with the CSV columns as properties. Events without a place cannot be drawn
  and are left out; the top-level foreign member `unplaced_events` counts them.
- `map.html`: see `render_map`.

Map design (one code path at every size):

- The events are embedded ONCE as compact JSON and turned into Leaflet markers
  in the browser by a small script (`_EventLayer`), instead of one folium
  object per marker: 10,000 events render in about a second into a few MB.
- One `MarkerCluster` (hidden from the layer control) clusters everything;
  one `FeatureGroupSubGroup` of it per event type is an overlay in the layer
  control (with the type's colour), plus one for places mentioned without an
  event (grey, smaller). So clustering spans types, and types toggle.
- Articles with something on the map are a second set of overlays (up to
  `MAX_ARTICLE_LAYERS`): empty placeholder groups whose checkbox hides/shows
  that article's markers in every type group. A marker shows when its type AND its article are on (and it
  passes the time filter).
- Time: a slider control (our own, ~40 lines of JS) over the distinct event
  dates shows the events up to the chosen date, with a play button and an
  "undated" checkbox. folium's TimestampedGeoJson was not used: it pulls in
  jQuery, jQuery UI, moment, iso8601 and leaflet.timedimension from five CDNs
  (all of which offline mode would have to inline), draws a second copy of the
  markers that ignores clustering and the type/article toggles, and knows no
  month/year precision.
- Events at regions (a place whose geometry is a Polygon/MultiPolygon) are
  drawn as the region's polygon (one per region and type, shown while any of
  its events is shown) under a marker at the place's point.
- Popups (type, place, date, actors, trigger, the evidence sentence with the
  place in `<mark>`, article title and link) are assembled in the browser from
  fragments escaped here; the view is fitted to the events (`fit_bounds`).
- `offline=True`: Leaflet and plugins are inlined from `geo/assets/` (vendored,
  see its README), and a country-outline base layer (Natural Earth 1:110m from
  the world-atlas package, simplified) is the default base, so the map reads
  without tiles; OpenStreetMap tiles stay available as the other base layer.
"""
from __future__ import annotations

import base64
import html
import json
import math
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import folium
import folium.plugins
from branca.element import Element, MacroElement
from jinja2 import Template
from shapely.geometry import MultiPolygon, Polygon, mapping

from .model import Event, ParsedArticle, ResolvedMention
from .sources import write_csv, write_json

ATTRIBUTION = ("Places: <a href='https://www.geonames.org/'>GeoNames</a> (CC BY 4.0), "
               "curated gazetteer; tiles &copy; <a href='https://www.openstreetmap.org/copyright'>"
               "OpenStreetMap</a> contributors")
OUTLINE_ATTRIBUTION = ("Places: <a href='https://www.geonames.org/'>GeoNames</a> (CC BY 4.0); "
                       "outlines: Natural Earth (public domain) via world-atlas")
MENTION_COLUMNS = ["article_id", "start", "end", "text", "qualifier", "name", "lat", "lon", "feature_code",
                   "country_code", "place_id", "source", "confidence", "sentence"]
EVENT_COLUMNS = ["event_id", "article_id", "date", "date_precision", "date_text", "event_type",
                 "trigger", "actors", "place_name", "lat", "lon", "place_id", "resolution_source",
                 "confidence", "sentence"]

# Event types and their colours (Okabe-Ito, readable by colour-blind people; dots have a dark rim).
EVENT_TYPES = ("meeting", "statement", "agreement", "military_movement", "clash", "protest",
               "disaster", "other")
TYPE_COLOURS = {
    "meeting": "#0072B2", "statement": "#56B4E9", "agreement": "#009E73",
    "military_movement": "#E69F00", "clash": "#D55E00", "protest": "#CC79A7",
    "disaster": "#F0E442", "other": "#000000",
}
PLACE_COLOUR = "#9E9E9E"  # places mentioned without an event
MAX_ARTICLE_LAYERS = 100  # more articles than this: no per-article overlays (the list would be unusable)
COORD_DIGITS = 5

ASSET_DIR = Path(__file__).with_name("assets")
CDN = "https://cdn.jsdelivr.net/npm/"
LEAFLET = "leaflet@1.9.4"
MARKERCLUSTER = "leaflet.markercluster@1.5.3"
SUBGROUP = "leaflet.featuregroup.subgroup@1.0.2"
# Every external file the map loads: CDN URL -> vendored copy under geo/assets.
ASSETS = {
    f"{CDN}{LEAFLET}/dist/leaflet.js": f"{LEAFLET}/leaflet.js",
    f"{CDN}{LEAFLET}/dist/leaflet.css": f"{LEAFLET}/leaflet.css",
    f"{CDN}{MARKERCLUSTER}/dist/leaflet.markercluster.js": f"{MARKERCLUSTER}/leaflet.markercluster.js",
    f"{CDN}{MARKERCLUSTER}/dist/MarkerCluster.css": f"{MARKERCLUSTER}/MarkerCluster.css",
    f"{CDN}{MARKERCLUSTER}/dist/MarkerCluster.Default.css": f"{MARKERCLUSTER}/MarkerCluster.Default.css",
    f"{CDN}{SUBGROUP}/dist/leaflet.featuregroup.subgroup.js": f"{SUBGROUP}/leaflet.featuregroup.subgroup.js",
}
for _image in ("layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png"):
    ASSETS[f"{CDN}{LEAFLET}/dist/images/{_image}"] = f"{LEAFLET}/images/{_image}"
WORLD_OUTLINES = ASSET_DIR / "world-atlas@2.0.2" / "countries-110m.json"

_MAP_JS = [("leaflet", f"{CDN}{LEAFLET}/dist/leaflet.js")]
_MAP_CSS = [("leaflet_css", f"{CDN}{LEAFLET}/dist/leaflet.css")]
_CLUSTER_JS = [("markerclusterjs", f"{CDN}{MARKERCLUSTER}/dist/leaflet.markercluster.js")]
_CLUSTER_CSS = [("markerclustercss", f"{CDN}{MARKERCLUSTER}/dist/MarkerCluster.css"),
                ("markerclusterdefaultcss", f"{CDN}{MARKERCLUSTER}/dist/MarkerCluster.Default.css")]
_SUBGROUP_JS = [("featuregroupsubgroupjs", f"{CDN}{SUBGROUP}/dist/leaflet.featuregroup.subgroup.js")]


# --- files ----------------------------------------------------------------------


def write_outputs(parsed: Iterable[ParsedArticle], directory: str | Path,
                  offline: bool = False) -> dict[str, Path]:
    """Write map.html, mentions.csv, events.csv, places.geojson and events.geojson into `directory`."""
    parsed = list(parsed)
    directory = Path(directory)
    paths = {"map": directory / "map.html", "mentions": directory / "mentions.csv",
             "events": directory / "events.csv", "places": directory / "places.geojson",
             "events_geojson": directory / "events.geojson"}
    write_csv(paths["mentions"], MENTION_COLUMNS, mention_rows(parsed))
    write_csv(paths["events"], EVENT_COLUMNS, event_rows(parsed))
    write_json(paths["places"], places_geojson(parsed))
    write_json(paths["events_geojson"], events_geojson(parsed))
    save_map(render_map(parsed, offline=offline), paths["map"])
    return paths


def save_map(fmap: folium.Map, path: str | Path) -> None:
    """Write the map's HTML atomically (a reader never sees half a file)."""
    from .sources import atomic_writer

    with atomic_writer(path) as handle:
        handle.write(fmap.get_root().render())


def mention_rows(parsed: Iterable[ParsedArticle]) -> Iterable[dict]:
    for item in parsed:
        for resolved in item.mentions:
            place, mention = resolved.place, resolved.mention
            yield {
                "article_id": item.article.id, "start": mention.start, "end": mention.end,
                "text": mention.text, "qualifier": mention.qualifier, "name": place.name if place else "",
                "lat": place.lat if place else "", "lon": place.lon if place else "",
                "feature_code": place.feature_code if place else "",
                "country_code": place.country_code if place else "",
                "place_id": place.id if place else "", "source": resolved.resolved_by,
                "confidence": resolved.confidence, "sentence": resolved.sentence,
            }


def _valid_point(place) -> bool:
    try:
        return (place is not None and math.isfinite(place.lat) and math.isfinite(place.lon)
                and -90 <= place.lat <= 90 and -180 <= place.lon <= 180)
    except TypeError:
        return False


def _event_places(event: Event) -> list[ResolvedMention]:
    """The event's resolved places, one per distinct place, in order of mention."""
    seen, places = set(), []
    for resolved in event.places:
        if _valid_point(resolved.place) and resolved.place.id not in seen:
            seen.add(resolved.place.id)
            places.append(resolved)
    return places


def _event_base(event: Event) -> dict:
    date = event.date
    return {
        "event_id": event.id, "article_id": event.article_id,
        "date": date.value if date else "", "date_precision": date.precision if date else "",
        "date_text": date.text if date else "", "event_type": event.type, "trigger": event.trigger,
        "actors": "; ".join(event.actors), "sentence": event.sentence,
    }


def event_rows(parsed: Iterable[ParsedArticle]) -> Iterable[dict]:
    """One row per (event, distinct resolved place); an event without one gets one row, no lat/lon."""
    for item in parsed:
        for event in item.events:
            base = _event_base(event)
            places = _event_places(event)
            for resolved in places:
                place = resolved.place
                yield {**base, "place_name": place.name, "lat": round(place.lat, 6),
                       "lon": round(place.lon, 6), "place_id": place.id,
                       "resolution_source": resolved.resolved_by, "confidence": resolved.confidence}
            if not places:
                unresolved = dict.fromkeys(r.mention.text for r in event.places)
                yield {**base, "place_name": "; ".join(unresolved), "lat": "", "lon": "",
                       "place_id": "", "resolution_source": "", "confidence": ""}


def events_geojson(parsed: Iterable[ParsedArticle]) -> dict:
    """RFC 7946: a Point (lon, lat) per (event, place); `unplaced_events` counts events left out."""
    features, unplaced = [], 0
    for item in parsed:
        for event in item.events:
            places = _event_places(event)
            unplaced += not places
            base = _event_base(event)
            for resolved in places:
                place = resolved.place
                lat, lon = round(place.lat, 6), round(place.lon, 6)
                features.append({
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": {**base, "place_name": place.name, "lat": lat, "lon": lon,
                                   "place_id": place.id, "resolution_source": resolved.resolved_by,
                                   "confidence": resolved.confidence},
                })
    return {"type": "FeatureCollection", "unplaced_events": unplaced, "features": features}


def _by_place(parsed: Iterable[ParsedArticle]) -> dict[str, list[tuple[ParsedArticle, ResolvedMention]]]:
    groups: dict[str, list] = defaultdict(list)
    for item in parsed:
        for resolved in item.mentions:
            if _valid_point(resolved.place):
                groups[resolved.place.id].append((item, resolved))
    return groups


def places_geojson(parsed: list[ParsedArticle]) -> dict:
    """One RFC 7946 point feature per distinct place, with its mention count."""
    features = []
    for place_id, group in _by_place(parsed).items():
        place = group[0][1].place
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(place.lon, 6), round(place.lat, 6)]},
            "properties": {**place.to_dict(), "mentions": len(group),
                           "resolved_by": group[0][1].resolved_by,
                           "articles": sorted({item.article.id for item, _ in group})},
        })
    return {"type": "FeatureCollection", "features": features}


# --- escaping -------------------------------------------------------------------


def esc(value) -> str:
    """HTML-escape untrusted text, also making it inert inside a JS template literal."""
    return (html.escape(str(value if value is not None else ""), quote=True)
            .replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;"))


def safe_url(url: str) -> str:
    """The escaped URL if it is http(s), else '' (javascript:, data: and the like are not linked)."""
    url = (url or "").strip()
    if re.match(r"(?i)https?://[^\s]+$", url):
        return esc(url)
    return ""


def script_json(data) -> str:
    """JSON to embed in a <script>: no '<' can close the script or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _sentence_parts(article_text: str, sentence: str, mention) -> list[str]:
    """The sentence split around the mention: [before, mention, after], each escaped."""
    sentence = sentence or ""
    offset = -1
    if mention is not None and sentence:
        # The sentence is a slice of the article: find the copy that holds the mention.
        position = article_text.find(sentence, max(0, mention.start - len(sentence)))
        while position != -1 and position <= mention.start:
            if mention.end <= position + len(sentence):
                offset = mention.start - position
                break
            position = article_text.find(sentence, position + 1)
        if offset < 0 and mention.text:
            offset = sentence.find(mention.text)
    if offset < 0:
        return [esc(sentence), "", ""]
    end = offset + len(mention.text)
    return [esc(sentence[:offset]), esc(sentence[offset:end]), esc(sentence[end:])]


# --- map data -------------------------------------------------------------------


def _date_key(value: str) -> str | None:
    """'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' -> the first day it covers, for ordering; else None."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", (value or "").strip())
    if not match:
        return None
    return f"{match.group(1)}-{match.group(2) or '01'}-{match.group(3) or '01'}"


def _type_key(event_type: str) -> str:
    return event_type if event_type in TYPE_COLOURS else "other"


def _type_label(key: str) -> str:
    return key.replace("_", " ")


def _region_shape(geometry) -> dict | None:
    """A Polygon/MultiPolygon as small GeoJSON (simplified, rounded), or None."""
    if geometry is None:
        return None
    if geometry.geom_type == "GeometryCollection":
        polygons = [g for g in geometry.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
        parts = [p for g in polygons for p in (g.geoms if g.geom_type == "MultiPolygon" else [g])]
        geometry = MultiPolygon(parts) if parts else None
    if geometry is None or geometry.geom_type not in ("Polygon", "MultiPolygon") or geometry.is_empty:
        return None
    tolerance = max(0.001, math.sqrt(geometry.area) / 300)
    simple = geometry.simplify(tolerance, preserve_topology=True)
    if simple.is_empty:
        return None
    return _round_coords(mapping(simple), 4)


def _round_coords(geometry: dict, digits: int) -> dict:
    def walk(value):
        if isinstance(value, (list, tuple)):
            if value and isinstance(value[0], (int, float)):
                return [round(value[0], digits), round(value[1], digits)]
            return [walk(v) for v in value]
        return value
    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def _date_html(event: Event) -> str:
    date = event.date
    if date is None or not date.value:
        return ""
    text = f"{esc(date.value)} <span class='geo-dim'>({esc(date.precision)}"
    if date.text and date.text != date.value:
        text += f"; “{esc(date.text)}”"
    return text + ")</span>"


class MapData:
    """Everything the map shows, as compact lists of escaped fragments (see `_EventLayer`)."""

    def __init__(self, parsed: list[ParsedArticle]):
        placed = {_type_key(e.type) for item in parsed for e in item.events if _event_places(e)}
        self.types = [k for k in EVENT_TYPES if k in placed]
        type_index = {k: i for i, k in enumerate(self.types)}
        self.articles: list[list] = []
        self.article_names: list[str] = []
        self.events: list[list] = []
        self.points: list[list] = []
        self.places: list[list] = []
        self.shapes: list[dict] = []
        self.type_counts = [0] * len(self.types)
        self.unplaced = 0
        shape_index: dict[str, int] = {}
        event_place_ids: set[str] = set()
        dates: set[str] = set()
        for article_index, item in enumerate(parsed):
            article = item.article
            title = article.title or article.id
            self.articles.append([esc(title), safe_url(article.url)])
            self.article_names.append(title)
            for event in item.events:
                places = _event_places(event)
                if not places:
                    self.unplaced += 1
                    continue
                key = _type_key(event.type)
                date_key = _date_key(event.date.value) if event.date else None
                if date_key:
                    dates.add(date_key)
                event_index = len(self.events)
                self.events.append([type_index[key], article_index, date_key, _date_html(event),
                                    esc("; ".join(event.actors)), esc(event.trigger)])
                self.type_counts[type_index[key]] += 1
                for resolved in places:
                    place = resolved.place
                    event_place_ids.add(place.id)
                    self.points.append([
                        round(place.lat, COORD_DIGITS), round(place.lon, COORD_DIGITS), event_index,
                        esc(place.name), *_sentence_parts(article.text, event.sentence, resolved.mention),
                        self._shape(place, shape_index)])
        self.dates = sorted(dates)
        index_of = {id(item): i for i, item in enumerate(parsed)}
        for place_id, group in _by_place(parsed).items():
            if place_id in event_place_ids:
                continue
            place = group[0][1].place
            self.places.append([round(place.lat, COORD_DIGITS), round(place.lon, COORD_DIGITS),
                                self._place_popup(group), sorted({index_of[id(item)] for item, _ in group}),
                                self._shape(place, shape_index), esc(place.name)])

    def _shape(self, place, shape_index: dict[str, int]) -> int:
        if place.id in shape_index:
            return shape_index[place.id]
        shape = _region_shape(place.geometry)
        if shape is None:
            shape_index[place.id] = -1
        else:
            shape_index[place.id] = len(self.shapes)
            self.shapes.append(shape)
        return shape_index[place.id]

    @staticmethod
    def _place_popup(group: list[tuple[ParsedArticle, ResolvedMention]]) -> str:
        place = group[0][1].place
        details = ", ".join(esc(v) for v in (place.feature_code, place.country_code) if v)
        lines = [f"<div class='geo-head' style='border-color:{PLACE_COLOUR}'>place mentioned — "
                 f"<b>{esc(place.name)}</b> <span class='geo-dim'>{details}</span></div>",
                 f"<div class='geo-dim'>{len(group)} mention(s), no event found; resolved by "
                 f"{esc(group[0][1].resolved_by)}</div>"]
        for item, resolved in group[:3]:
            before, mark, after = _sentence_parts(item.article.text, resolved.sentence, resolved.mention)
            title = esc(item.article.title or item.article.id)
            link = safe_url(item.article.url)
            title_html = (f"<a href='{link}' target='_blank' rel='noopener noreferrer'>{title}</a>"
                          if link else title)
            lines.append(f"<blockquote class='geo-sentence'>{before}<mark>{mark}</mark>{after}"
                         f"</blockquote><div class='geo-article'>{title_html}</div>")
        if len(group) > 3:
            lines.append(f"<div class='geo-dim'>and {len(group) - 3} more</div>")
        return "<div class='geo-popup'>" + "".join(lines) + "</div>"

    def to_json(self) -> str:
        return script_json({
            "types": [[esc(_type_label(k)), TYPE_COLOURS[k]] for k in self.types],
            "articles": self.articles, "events": self.events, "points": self.points,
            "places": self.places, "shapes": self.shapes, "dates": self.dates,
        })

    def bounds(self) -> list[list[float]] | None:
        rows = self.points or self.places
        if not rows:
            return None
        lats, lons = [r[0] for r in rows], [r[1] for r in rows]
        return [[min(lats), min(lons)], [max(lats), max(lons)]]


# --- map ------------------------------------------------------------------------


def render_map(parsed: Iterable[ParsedArticle], offline: bool = False) -> folium.Map:
    """A Leaflet map of the events (coloured by type) and of places mentioned without an event."""
    parsed = list(parsed)
    data = MapData(parsed)
    fmap = folium.Map(location=[20, 0], zoom_start=2, tiles=None, control_scale=True,
                      maxZoom=18, world_copy_jump=True, font_size="0.75rem")
    fmap.default_js, fmap.default_css = ([], []) if offline else (list(_MAP_JS), list(_MAP_CSS))
    root = fmap.get_root()
    if offline:
        _inline_assets(root)
    root.header.add_child(Element(f"<style>{_CSS}{_OFFLINE_CSS if offline else ''}</style>"), name="geo_css")

    tiles = folium.TileLayer("OpenStreetMap", name="OpenStreetMap tiles", attr=ATTRIBUTION,
                             show=not offline, overlay=False)
    if offline:
        _CountryOutlines(name="Country outlines (offline)").add_to(fmap)
    tiles.add_to(fmap)

    cluster = folium.plugins.MarkerCluster(
        control=False, icon_create_function=_CLUSTER_ICON,
        options={"chunkedLoading": True, "showCoverageOnHover": False, "maxClusterRadius": 45,
                 "spiderfyOnMaxZoom": True})
    cluster.default_js, cluster.default_css = ([], []) if offline else (list(_CLUSTER_JS), list(_CLUSTER_CSS))
    cluster.add_to(fmap)
    type_groups = []
    for index, key in enumerate(data.types):
        group = _subgroup(cluster, f"<span class='geo-swatch' style='background:{TYPE_COLOURS[key]}'></span>"
                                   f"{esc(_type_label(key))} ({data.type_counts[index]})", offline)
        group.add_to(fmap)
        type_groups.append(group)
    place_group = None
    if data.places:
        place_group = _subgroup(cluster, f"<span class='geo-swatch geo-swatch-place'></span>places mentioned, "
                                         f"no event ({len(data.places)})", offline)
        place_group.add_to(fmap)
    article_layers: list = []  # by article index; None for an article with nothing on the map
    on_map = {data.events[p[2]][1] for p in data.points} | {a for p in data.places for a in p[3]}
    if 1 < len(on_map) <= MAX_ARTICLE_LAYERS:
        for index, name in enumerate(data.article_names):
            if index not in on_map:
                article_layers.append(None)
                continue
            short = name if len(name) <= 60 else name[:57] + "…"
            layer = folium.FeatureGroup(name=f"<span class='geo-article-toggle'>{esc(short)}</span>")
            layer.add_to(fmap)
            article_layers.append(layer)

    _EventLayer(data, type_groups, place_group, article_layers).add_to(fmap)
    _Legend(data).add_to(fmap)
    entries = len(type_groups) + len(on_map if article_layers else ()) + (place_group is not None) + offline
    folium.LayerControl(collapsed=entries > 8).add_to(fmap)
    bounds = data.bounds()
    if bounds:
        # Room for the controls: zoom/layers at the top, time slider and legend at the bottom.
        fmap.fit_bounds(bounds, padding_top_left=(50, 40), padding_bottom_right=(50, 170), max_zoom=7)
    return fmap


def _subgroup(cluster, name: str, offline: bool):
    group = folium.plugins.FeatureGroupSubGroup(cluster, name=name)
    group.default_js = [] if offline else list(_SUBGROUP_JS)
    return group


def _inline_assets(root) -> None:
    """Put Leaflet and the plugins into the page itself, from geo/assets (offline maps)."""
    for url, relative in ASSETS.items():
        if "/images/" in relative:
            continue
        text = (ASSET_DIR / relative).read_text(encoding="utf-8")
        if relative.endswith(".css"):
            text = re.sub(r"url\((images/[^)]+)\)", lambda m: f"url({_data_uri(m.group(1))})", text)
            element = f"<style>/* {relative} */\n{text}</style>"
        else:
            text = re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE)
            text = re.sub(r"^//# sourceMappingURL=.*$", "", text, flags=re.MULTILINE)
            element = f"<script>/* {relative}, see geo/assets/README.md for licence */\n{text}</script>"
        root.header.add_child(Element(element), name=f"inline_{relative}")


def _data_uri(relative: str) -> str:
    data = (ASSET_DIR / LEAFLET / relative).read_bytes()
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


@lru_cache(maxsize=1)
def world_outlines() -> dict:
    """Country outlines (Natural Earth 1:110m, from world-atlas TopoJSON) as a GeoJSON FeatureCollection."""
    topology = json.loads(WORLD_OUTLINES.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * sx + tx, 2), round(y * sy + ty, 2)])
        arcs.append(points)

    def ring(indexes):
        coords = []
        for index in indexes:
            points = arcs[index] if index >= 0 else arcs[~index][::-1]
            coords.extend(points if not coords else points[1:])
        deduped = [p for i, p in enumerate(coords) if i == 0 or p != coords[i - 1]]
        return deduped if len(deduped) >= 4 else None

    def polygon(rings):
        built = [r for r in (ring(r) for r in rings) if r]
        return built if built else None

    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [polygon(geometry["arcs"])]
        elif geometry["type"] == "MultiPolygon":
            polygons = [polygon(rings) for rings in geometry["arcs"]]
        else:
            polygons = []
        coords = [part for p in polygons if p for part in _split_at_antimeridian(p)]
        if coords:
            features.append({"type": "Feature", "properties": {},
                             "geometry": {"type": "MultiPolygon", "coordinates": coords}})
    return {"type": "FeatureCollection", "features": features}


def _split_at_antimeridian(rings: list) -> list:
    """A polygon whose outline jumps across ±180° (Fiji, Chukotka) cut into pieces on each side.

    Drawn as is, such a ring would streak across the whole map. A ring that crosses
    once (Antarctica, round the pole) is left alone: its jump is its edge at the bottom.
    """
    exterior = rings[0]
    jumps = sum(abs(b[0] - a[0]) > 180 for a, b in zip(exterior, exterior[1:]))
    if jumps == 0 or jumps % 2:
        return [rings]
    from shapely import affinity
    from shapely.geometry import box

    unwrapped, shift = [exterior[0]], 0.0
    for a, b in zip(exterior, exterior[1:]):
        if b[0] - a[0] > 180:
            shift -= 360
        elif b[0] - a[0] < -180:
            shift += 360
        unwrapped.append([b[0] + shift, b[1]])
    shape = Polygon(unwrapped).buffer(0)
    world = box(-180, -90, 180, 90)
    pieces = []
    for offset in (-360, 0, 360):
        part = affinity.translate(shape, xoff=offset).intersection(world)
        for piece in getattr(part, "geoms", [part]):
            if piece.geom_type == "Polygon" and not piece.is_empty:
                pieces.append([[[round(x, 2), round(y, 2)] for x, y in piece.exterior.coords]])
    return pieces


class _CountryOutlines(folium.map.Layer):
    """A base layer of country outlines drawn from local data, for maps read without tiles."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            if (!{{ this._parent.get_name() }}.getPane('geoOutline')) {
                {{ this._parent.get_name() }}.createPane('geoOutline').style.zIndex = 150;
            }
            var {{ this.get_name() }} = L.geoJSON({{ this.data }}, {
                pane: 'geoOutline', interactive: false, attribution: {{ this.attribution }},
                style: {color: '#8a8a8a', weight: 0.7, fillColor: '#f4f1ea', fillOpacity: 1}
            });
        {% endmacro %}
    """)

    def __init__(self, name: str):
        super().__init__(name=name, overlay=False, control=True, show=True)
        self._name = "CountryOutlines"
        self.data = script_json(world_outlines())
        self.attribution = script_json(OUTLINE_ATTRIBUTION)


class _EventLayer(MacroElement):
    """Builds the markers, popups, region polygons, article filter and time slider in the browser."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var D = {{ this.data.to_json() }};
            var typeGroups = [{{ this.type_groups|join(', ') }}];
            var placeGroup = {{ this.place_group }};
            var articleLayers = [{{ this.article_layers|join(', ') }}];
            var articleOn = D.articles.map(function () { return true; });
            var state = {maxDate: null, undated: true};
            var entries = [], shapeEntries = [];
            if (!map.getPane('geoRegions')) { map.createPane('geoRegions').style.zIndex = 390; }
            var typeIcons = D.types.map(function (t, i) {
                return L.divIcon({className: 'geo-dot geo-dot-event', iconSize: [14, 14],
                                  html: '<span style="background:' + t[1] + '"></span>'});
            });
            var scratch = document.createElement('textarea');
            function plain(escaped) { scratch.innerHTML = escaped; return scratch.value; }  // for title attributes
            var placeIcon = L.divIcon({className: 'geo-dot geo-dot-place', iconSize: [10, 10], html: '<span></span>'});

            function article(i) {
                var a = D.articles[i];
                return '<div class="geo-article">' + (a[1] ? '<a href="' + a[1] +
                    '" target="_blank" rel="noopener noreferrer">' + a[0] + '</a>' : a[0]) + '</div>';
            }
            function eventPopup(p) {
                var ev = D.events[p[2]], t = D.types[ev[0]];
                return '<div class="geo-popup"><div class="geo-head" style="border-color:' + t[1] + '">' +
                    t[0] + ' — <b>' + p[3] + '</b></div>' +
                    '<div><span class="geo-k">date</span> ' + (ev[3] || '<span class="geo-dim">unknown</span>') + '</div>' +
                    (ev[4] ? '<div><span class="geo-k">actors</span> ' + ev[4] + '</div>' : '') +
                    (ev[5] ? '<div><span class="geo-k">trigger</span> ' + ev[5] + '</div>' : '') +
                    '<blockquote class="geo-sentence">' + p[4] + (p[5] ? '<mark>' + p[5] + '</mark>' : '') +
                    p[6] + '</blockquote>' + article(ev[1]) + '</div>';
            }
            function regionFor(shapeIndex, colour, popup, key) {
                var s = shapeEntries[key];
                if (!s) {
                    var layer = L.geoJSON(D.shapes[shapeIndex], {pane: 'geoRegions',
                        style: {color: colour, weight: 2, fillColor: colour, fillOpacity: 0.15}}).getLayers()[0];
                    layer.bindPopup(popup, {maxWidth: 380});
                    s = shapeEntries[key] = {layer: layer, members: [], on: false, group: null};
                }
                return s;
            }
            D.points.forEach(function (p) {
                var ev = D.events[p[2]];
                var m = L.marker([p[0], p[1]], {icon: typeIcons[ev[0]], riseOnHover: true,
                                                 title: plain(p[3]) + ' — ' + plain(D.types[ev[0]][0]),
                                                 geoColour: D.types[ev[0]][1], geoOrder: ev[0]});
                m.bindPopup(function () { return eventPopup(p); }, {maxWidth: 380});
                var e = {layer: m, group: typeGroups[ev[0]], arts: [ev[1]], timed: true, date: ev[2], on: false};
                entries.push(e);
                if (p[7] >= 0) {
                    var s = regionFor(p[7], D.types[ev[0]][1], function () { return eventPopup(p); }, 't' + ev[0] + ':' + p[7]);
                    s.group = e.group;
                    s.members.push(e);
                }
            });
            D.places.forEach(function (p) {
                var m = L.marker([p[0], p[1]], {icon: placeIcon, title: plain(p[5]), geoColour: '{{ this.place_colour }}', geoOrder: 99});
                m.bindPopup(p[2], {maxWidth: 380});
                var e = {layer: m, group: placeGroup, arts: p[3], timed: false, date: null, on: false};
                entries.push(e);
                if (p[4] >= 0) {
                    var s = regionFor(p[4], '{{ this.place_colour }}', p[2], 'p:' + p[4]);
                    s.group = placeGroup;
                    s.members.push(e);
                }
            });
            shapeEntries = Object.keys(shapeEntries).map(function (k) { return shapeEntries[k]; });

            function wanted(e) {
                var ok = false;
                for (var i = 0; i < e.arts.length; i++) { if (articleOn[e.arts[i]]) { ok = true; break; } }
                if (!ok || !e.timed) { return ok; }
                if (e.date === null) { return state.undated; }
                return state.maxDate === null || e.date <= state.maxDate;
            }
            function refresh() {
                var changes = new Map();
                function note(e, want) {
                    if (want === e.on) { return; }
                    e.on = want;
                    var c = changes.get(e.group);
                    if (!c) { c = {add: [], remove: []}; changes.set(e.group, c); }
                    (want ? c.add : c.remove).push(e.layer);
                }
                entries.forEach(function (e) { note(e, wanted(e)); });
                shapeEntries.forEach(function (s) { note(s, s.members.some(function (e) { return e.on; })); });
                changes.forEach(function (c, group) {
                    var batch = map.hasLayer(group) && c.add.length + c.remove.length > 50;
                    if (batch) { map.removeLayer(group); }
                    c.remove.forEach(function (l) { group.removeLayer(l); });
                    c.add.forEach(function (l) { group.addLayer(l); });
                    if (batch) { map.addLayer(group); }
                });
                var shown = entries.filter(function (e) { return e.on && e.timed; }).length;
                map.getContainer().setAttribute('data-events-shown', shown);
            }
            map.on('overlayadd overlayremove', function (ev) {
                var i = articleLayers.indexOf(ev.layer);
                if (i >= 0) { articleOn[i] = ev.type === 'overlayadd'; refresh(); }
            });

            if (D.dates.length) {
                var slider = L.control({position: 'bottomleft'});
                slider.onAdd = function () {
                    var div = L.DomUtil.create('div', 'geo-time leaflet-bar');
                    var n = D.dates.length;
                    div.innerHTML = '<div><button type="button" title="play">▶</button> events up to <b></b></div>' +
                        '<input type="range" min="0" max="' + n + '" step="1" value="' + n + '">' +
                        '<label><input type="checkbox" checked> show undated events</label>';
                    var range = div.querySelector('input[type=range]'), label = div.querySelector('b');
                    var box = div.querySelector('input[type=checkbox]'), play = div.querySelector('button');
                    var timer = null;
                    function apply() {
                        var v = +range.value;
                        state.maxDate = v >= n ? null : D.dates[v];
                        label.textContent = v >= n ? 'all dates' : D.dates[v];
                        refresh();
                    }
                    range.addEventListener('input', apply);
                    box.addEventListener('change', function () { state.undated = box.checked; refresh(); });
                    play.addEventListener('click', function () {
                        if (timer) { clearInterval(timer); timer = null; play.textContent = '▶'; return; }
                        range.value = 0; apply(); play.textContent = '■';
                        timer = setInterval(function () {
                            if (+range.value >= n) { clearInterval(timer); timer = null; play.textContent = '▶'; return; }
                            range.value = +range.value + 1; apply();
                        }, 900);
                    });
                    label.textContent = 'all dates';
                    L.DomEvent.disableClickPropagation(div);
                    L.DomEvent.disableScrollPropagation(div);
                    return div;
                };
                slider.addTo(map);
            }
            refresh();
        })();
        {% endmacro %}
    """)

    def __init__(self, data: MapData, type_groups, place_group, article_layers):
        super().__init__()
        self._name = "EventLayer"
        self.data = data
        self.type_groups = [g.get_name() for g in type_groups]
        self.place_group = place_group.get_name() if place_group is not None else "null"
        self.article_layers = [a.get_name() if a is not None else "null" for a in article_layers]
        self.place_colour = PLACE_COLOUR


class _Legend(MacroElement):
    """A legend control: one line per event type on the map, plus the neutral place colour."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            (function () {
                var legend = L.control({position: 'bottomright'});
                legend.onAdd = function () {
                    var div = L.DomUtil.create('div', 'geo-legend');
                    div.innerHTML = {{ this.html }};
                    L.DomEvent.disableClickPropagation(div);
                    L.DomEvent.disableScrollPropagation(div);
                    return div;
                };
                legend.addTo({{ this._parent.get_name() }});
            })();
        {% endmacro %}
    """)

    def __init__(self, data: MapData):
        super().__init__()
        self._name = "Legend"
        lines = ["<div class='geo-legend-title'>Events</div>"]
        for index, key in enumerate(data.types):
            lines.append(f"<div><span class='geo-swatch' style='background:{TYPE_COLOURS[key]}'></span>"
                         f"{esc(_type_label(key))} <span class='geo-dim'>{data.type_counts[index]}</span></div>")
        if not data.types:
            lines.append("<div class='geo-dim'>no placed events</div>")
        if data.places:
            lines.append(f"<div><span class='geo-swatch geo-swatch-place'></span>place mentioned, no event "
                         f"<span class='geo-dim'>{len(data.places)}</span></div>")
        if data.shapes:
            lines.append("<div><span class='geo-swatch geo-swatch-region'></span>region (its outline)</div>")
        if data.unplaced:
            lines.append(f"<div class='geo-dim'>{data.unplaced} event(s) without a place: see events.csv</div>")
        self.html = script_json("".join(lines))


_CLUSTER_ICON = """
    function (cluster) {
        // A ring split by the event types inside (colours are ours, not data).
        var n = cluster.getChildCount(), counts = {};
        cluster.getAllChildMarkers().forEach(function (m) {
            var key = m.options.geoOrder;
            if (!counts[key]) { counts[key] = {colour: m.options.geoColour, n: 0}; }
            counts[key].n++;
        });
        var stops = [], at = 0;
        Object.keys(counts).sort(function (a, b) { return a - b; }).forEach(function (key) {
            var next = at + counts[key].n / n * 100;
            stops.push(counts[key].colour + ' ' + at.toFixed(1) + '% ' + next.toFixed(1) + '%');
            at = next;
        });
        var size = n < 10 ? 32 : n < 100 ? 38 : n < 1000 ? 44 : 50;
        return L.divIcon({html: '<div style="background:conic-gradient(' + stops.join(',') + ')"><span>' + n +
                                '</span></div>', className: 'geo-cluster', iconSize: L.point(size, size)});
    }
"""

_CSS = f"""
.geo-dot span {{display:block;width:100%;height:100%;border-radius:50%;border:1.5px solid #222;
  box-sizing:border-box;box-shadow:0 0 2px rgba(255,255,255,.9);}}
.geo-dot-place span {{background:{PLACE_COLOUR};border-color:#555;opacity:.9;}}
.geo-cluster div {{width:100%;height:100%;border-radius:50%;display:flex;align-items:center;
  justify-content:center;box-shadow:0 0 3px rgba(0,0,0,.6);}}
.geo-cluster span {{background:#fff;border-radius:50%;width:calc(100% - 10px);height:calc(100% - 10px);
  display:flex;align-items:center;justify-content:center;font:bold 12px/1 sans-serif;color:#222;}}
.geo-popup {{font:13px/1.4 sans-serif;max-width:360px;}}
.geo-popup .geo-head {{border-left:5px solid;padding-left:6px;margin-bottom:4px;text-transform:none;}}
.geo-popup .geo-k {{color:#666;font-size:11px;text-transform:uppercase;margin-right:4px;}}
.geo-popup .geo-sentence {{margin:6px 0;padding:4px 8px;border-left:3px solid #ccc;background:#fafafa;}}
.geo-popup mark {{background:#ffe066;padding:0 1px;}}
.geo-popup .geo-article {{font-style:italic;}}
.geo-dim {{color:#777;}}
.geo-swatch {{display:inline-block;width:11px;height:11px;border-radius:50%;border:1px solid #222;
  margin-right:5px;vertical-align:-1px;}}
.geo-swatch-place {{background:{PLACE_COLOUR};border-color:#555;width:9px;height:9px;}}
.geo-swatch-region {{border-radius:2px;background:rgba(0,0,0,.12);border:2px solid #555;}}
.geo-legend, .geo-time {{background:rgba(255,255,255,.93);padding:6px 9px;font:12px/1.5 sans-serif;
  border-radius:5px;box-shadow:0 1px 4px rgba(0,0,0,.3);}}
.geo-legend-title {{font-weight:bold;margin-bottom:2px;}}
.geo-time input[type=range] {{width:220px;display:block;}}
.geo-time button {{cursor:pointer;border:1px solid #888;border-radius:3px;background:#fff;}}
.leaflet-control-layers-overlays label {{white-space:nowrap;}}
"""
_OFFLINE_CSS = ".leaflet-container{background:#cfe0ec;}"
