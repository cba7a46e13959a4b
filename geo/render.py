"""Outputs: the HTML map (folium), mentions.csv, events.csv and GeoJSON files.

Article text is untrusted: everything that lands in HTML is escaped, and CSV
cells that a spreadsheet would run as a formula are neutralised (sources.safe_cell).
"""
from __future__ import annotations

import html
from collections import defaultdict
from pathlib import Path
from typing import Iterable

import folium
from shapely.geometry import mapping

from .model import ParsedArticle, ResolvedMention
from .sources import write_csv, write_json

ATTRIBUTION = ("Places: <a href='https://www.geonames.org/'>GeoNames</a> (CC BY 4.0), "
               "curated gazetteer; tiles &copy; OpenStreetMap contributors")
MENTION_COLUMNS = ["article_id", "start", "end", "text", "name", "lat", "lon", "feature_code",
                   "country_code", "place_id", "source", "confidence", "sentence"]


def write_outputs(parsed: list[ParsedArticle], directory: str | Path) -> dict[str, Path]:
    """Write map.html, mentions.csv and places.geojson into `directory`."""
    directory = Path(directory)
    paths = {"map": directory / "map.html", "mentions": directory / "mentions.csv",
             "places": directory / "places.geojson"}
    write_csv(paths["mentions"], MENTION_COLUMNS, mention_rows(parsed))
    write_json(paths["places"], places_geojson(parsed))
    render_map(parsed).save(str(paths["map"]))
    return paths


def mention_rows(parsed: Iterable[ParsedArticle]) -> Iterable[dict]:
    for item in parsed:
        for resolved in item.mentions:
            place, mention = resolved.place, resolved.mention
            yield {
                "article_id": item.article.id, "start": mention.start, "end": mention.end,
                "text": mention.text, "name": place.name if place else "",
                "lat": place.lat if place else "", "lon": place.lon if place else "",
                "feature_code": place.feature_code if place else "",
                "country_code": place.country_code if place else "",
                "place_id": place.id if place else "", "source": resolved.resolved_by,
                "confidence": resolved.confidence, "sentence": resolved.sentence,
            }


def _by_place(parsed: Iterable[ParsedArticle]) -> dict[str, list[tuple[ParsedArticle, ResolvedMention]]]:
    groups: dict[str, list] = defaultdict(list)
    for item in parsed:
        for resolved in item.mentions:
            if resolved.place is not None:
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


def render_map(parsed: list[ParsedArticle]) -> folium.Map:
    """A Leaflet map: a marker per place with the sentences that mention it."""
    fmap = folium.Map(location=[20, 0], zoom_start=2, tiles=None)
    folium.TileLayer("OpenStreetMap", attr=ATTRIBUTION).add_to(fmap)
    points = []
    for place_id, group in _by_place(parsed).items():
        place = group[0][1].place
        if place.geometry is not None and place.geometry.geom_type in ("Polygon", "MultiPolygon"):
            folium.GeoJson(mapping(place.geometry), name=html.escape(place.name),
                           tooltip=html.escape(place.name)).add_to(fmap)
        folium.Marker([place.lat, place.lon], tooltip=html.escape(place.name),
                      popup=folium.Popup(_popup(group), max_width=400)).add_to(fmap)
        points.append([place.lat, place.lon])
    if points:
        fmap.fit_bounds([[min(p[0] for p in points), min(p[1] for p in points)],
                         [max(p[0] for p in points), max(p[1] for p in points)]], max_zoom=8)
    return fmap


def _popup(group: list[tuple[ParsedArticle, ResolvedMention]]) -> str:
    place = group[0][1].place
    lines = [f"<b>{html.escape(place.name)}</b> ({html.escape(place.feature_code)}, "
             f"{html.escape(place.country_code)})",
             f"resolved by {html.escape(group[0][1].resolved_by)}, confidence {group[0][1].confidence:.2f}"]
    for item, resolved in group[:5]:
        lines.append(f"<i>{html.escape(item.article.title or item.article.id)}</i>: "
                     f"{html.escape(resolved.sentence)}")
    return "<br>".join(lines)
