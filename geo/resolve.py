"""Toponym resolution: pick, for each mention, the place it names.

Each candidate place gets a score, prior plus context (the numbers are weights
in log-odds-like units; the best score wins and the confidence is its softmax
share among the candidates):

prior
  * feature type and admin level: continent or country 3.0, first-level
    division 2.0, capital +1.5 over a town, curated feature 2.5;
  * population: log10(population + 1) / 2 (a city of a million: 3.0);
  * the name is the place's main name rather than an alternate: +0.5.
context
  * the candidate's country is named in the article: +1.5, +0.5 more for each
    further mention of it (at most +3 in all);
  * "X, Y" where Y is a country or division containing the candidate: +4;
  * distance to the article's unambiguous places: +1.5 within 300 km,
    +0.75 within 1,000 km of the nearest one.

One name keeps one meaning within an article. A directional qualifier
("Eastern Ladakh") gives that part of the region's shape (shapely), or the
region itself, less sure, where no shape is known. Names the gazetteer does not
know go to the geocoder fallback, biased to the article's countries.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

from shapely.geometry import box

from .evaluate import haversine_km
from .gazetteer import Candidate, Gazetteer, fold
from .geocode import Geocoder
from .model import Mention, Place, ResolvedMention
from .text import sentences

TYPE_PRIOR = {"CONT": 3.0, "PCLI": 3.0, "ADM1": 2.0, "PPLC": 1.5}
CURATED_PRIOR = 2.5
MAIN_NAME_BONUS = 0.5
COUNTRY_NAMED_BONUS, COUNTRY_REPEAT_BONUS, COUNTRY_BONUS_CAP = 1.5, 0.5, 3.0
CONTAINER_BONUS = 4.0
NEAR_KM, NEAR_BONUS, REGION_KM, REGION_BONUS = 300, 1.5, 1000, 0.75
QUALIFIED_CONFIDENCE_FACTOR = 0.9
NO_SHAPE_CONFIDENCE_FACTOR = 0.5


class Resolver:
    """Links mentions to places: gazetteer first, geocoder fallback second."""

    def __init__(self, gazetteer: Gazetteer, geocoder: Geocoder | None = None):
        self.gazetteer = gazetteer
        self.geocoder = geocoder

    def __call__(self, text: str, mentions: list[Mention]) -> list[ResolvedMention]:
        candidates = {m.lookup_name: self._candidates(m) for m in mentions}
        countries = _named_countries(mentions, candidates)
        anchors = _anchors(candidates)
        containers = _containers(text, mentions, candidates)
        chosen: dict[str, tuple[Place | None, float, str]] = {}
        for name, options in candidates.items():
            if options:
                place, confidence = _best(options, countries, anchors, containers.get(name, set()))
                chosen[name] = (place, confidence, "curated" if place.source == "curated" else "gazetteer")
            else:
                chosen[name] = self._fallback(name, countries)
        spans = sentences(text)
        resolved = []
        for mention in mentions:
            place, confidence, how = chosen[mention.lookup_name]
            if place is not None and mention.qualifier:
                place, confidence = self._part(place, mention, confidence)
            resolved.append(ResolvedMention(mention, place, round(confidence, 3), how if place else "",
                                            _sentence_of(text, spans, mention)))
        return resolved

    def _candidates(self, mention: Mention) -> tuple[Candidate, ...]:
        options = self.gazetteer.candidates(fold(mention.lookup_name))
        return tuple(c for c in options if c.kind != "demonym")

    def _fallback(self, name: str, countries: Counter) -> tuple[Place | None, float, str]:
        if self.geocoder is None:
            return None, 0.0, ""
        place, how = self.geocoder.lookup(name, [code for code, _ in countries.most_common(3)])
        if place is None:
            return None, 0.0, ""
        return place, 0.6 if place.country_code in countries else 0.4, how

    def _part(self, place: Place, mention: Mention, confidence: float) -> tuple[Place, float]:
        """The part of a region a qualifier points to ("eastern" -> its eastern half)."""
        shape = self.gazetteer.geometry(place.id)
        part = directional_part(shape, mention.qualifier) if shape is not None else None
        if part is None or part.is_empty:
            return replace(place, name=mention.text), confidence * NO_SHAPE_CONFIDENCE_FACTOR
        point = part.representative_point()
        return (replace(place, id=f"{place.id}#{mention.qualifier}", name=mention.text,
                        lat=point.y, lon=point.x, geometry=part),
                confidence * QUALIFIED_CONFIDENCE_FACTOR)


def directional_part(shape, direction: str):
    """The part of `shape` in a direction: a half (or corner quarter, or middle) of its box."""
    minx, miny, maxx, maxy = shape.bounds
    midx, midy = (minx + maxx) / 2, (miny + maxy) / 2
    dx, dy = (maxx - minx) / 4, (maxy - miny) / 4
    boxes = {
        "north": (minx, midy, maxx, maxy), "south": (minx, miny, maxx, midy),
        "east": (midx, miny, maxx, maxy), "west": (minx, miny, midx, maxy),
        "northeast": (midx, midy, maxx, maxy), "northwest": (minx, midy, midx, maxy),
        "southeast": (midx, miny, maxx, midy), "southwest": (minx, miny, midx, midy),
        "central": (midx - dx, midy - dy, midx + dx, midy + dy),
    }
    return shape.intersection(box(*boxes[direction])) if direction in boxes else None


def _score(candidate: Candidate, countries: Counter, anchors: list[Place], containers: set[str]) -> float:
    place = candidate.place
    score = TYPE_PRIOR.get(place.feature_code, 0.0) + math.log10(place.population + 1) / 2
    if place.source == "curated":
        score += CURATED_PRIOR
    if candidate.kind == "name":
        score += MAIN_NAME_BONUS
    named = countries.get(place.country_code, 0)
    if named and place.feature_code != "PCLI":
        score += min(COUNTRY_NAMED_BONUS + COUNTRY_REPEAT_BONUS * (named - 1), COUNTRY_BONUS_CAP)
    if containers & {place.country_code, f"{place.country_code}.{place.admin1}"}:
        score += CONTAINER_BONUS
    nearest = min((haversine_km(place.lat, place.lon, a.lat, a.lon) for a in anchors if a.id != place.id),
                  default=math.inf)
    if nearest <= NEAR_KM:
        score += NEAR_BONUS
    elif nearest <= REGION_KM:
        score += REGION_BONUS
    return score


def _best(options, countries, anchors, containers) -> tuple[Place, float]:
    scores = [_score(c, countries, anchors, containers) for c in options]
    top = max(range(len(options)), key=scores.__getitem__)
    total = sum(math.exp(s - scores[top]) for s in scores)
    return options[top].place, 1.0 / total


def _named_countries(mentions: list[Mention], candidates: dict) -> Counter:
    """Countries the article names, counted per mention (from each name's top country)."""
    named = Counter()
    for mention in mentions:
        options = candidates.get(mention.lookup_name) or ()
        countries = [c.place for c in options if c.place.feature_code == "PCLI"]
        if countries:
            named[countries[0].country_code] += 1
    return named


def _anchors(candidates: dict) -> list[Place]:
    """Places whose name is (nearly) unambiguous: one candidate, or a country or division."""
    anchors = []
    for options in candidates.values():
        if len(options) == 1 or options and options[0].place.feature_code in ("PCLI", "ADM1"):
            anchors.append(options[0].place)
    return anchors


def _containers(text: str, mentions: list[Mention], candidates: dict) -> dict[str, set[str]]:
    """For "X, Y" patterns, the countries and divisions Y may be, keyed by X."""
    found: dict[str, set[str]] = {}
    for first, second in zip(mentions, mentions[1:]):
        between = text[first.end: second.start]
        if between.strip() != ",":
            continue
        keys = set()
        for option in candidates.get(second.lookup_name) or ():
            place = option.place
            if place.feature_code == "PCLI":
                keys.add(place.country_code)
            elif place.feature_code == "ADM1":
                keys.add(f"{place.country_code}.{place.admin1}")
        if keys:
            found.setdefault(first.lookup_name, set()).update(keys)
    return found


def _sentence_of(text: str, spans: list[tuple[int, int]], mention: Mention) -> str:
    for start, end in spans:
        if start <= mention.start < end:
            return text[start:end]
    return ""
