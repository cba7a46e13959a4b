"""The one data model every stage reads and writes.

Article -> Mention (character span) -> Place (gazetteer or geocoder row)
-> ResolvedMention (mention + place + confidence + how) -> Event.
"""
from __future__ import annotations

from dataclasses import dataclass, field, asdict
from datetime import date as Date
from typing import Any

from .names import fold


class cached_attribute:
    """functools.cached_property without the lock Python 3.11's takes on every first read: a
    mention's key, a name's priors are each read first once per mention or name, thousands of
    times a second. Like it, the value is kept in the instance's __dict__."""

    def __init__(self, func):
        self.func = func
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name: str):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


@dataclass
class Article:
    """One news article; `text` is kept exactly as given so offsets stay valid."""

    id: str
    text: str
    title: str = ""
    url: str = ""
    date: Date | None = None


@dataclass(frozen=True)
class Mention:
    """A place name found in an article: `text == article.text[start:end]`.

    `qualifier` holds a directional word: either part of the mention, a region
    named "Eastern Ladakh" (`name` is then the bare region, "Ladakh"), or a
    description before it, "northern China" (the mention is "China").
    """

    start: int
    end: int
    text: str
    name: str = ""
    qualifier: str = ""
    signal: str = "gazetteer"  # what found it: gazetteer, context, qualified, demonym

    @property
    def lookup_name(self) -> str:
        return self.name or self.text

    @property
    def names_a_part(self) -> bool:
        """Does the mention name a part of a region ("Eastern Ladakh")?"""
        return bool(self.qualifier and self.name)

    @cached_attribute
    def key(self) -> str:
        """The gazetteer key of the name: one name keeps one meaning within an article."""
        return fold(self.lookup_name)


@dataclass
class Place:
    """A point (and optional shape) on Earth, from the gazetteer or a geocoder."""

    id: str
    name: str
    lat: float
    lon: float
    feature_class: str = ""
    feature_code: str = ""
    country_code: str = ""
    admin1: str = ""
    population: int = 0
    source: str = ""
    geometry: Any = None  # shapely geometry, when the source has one

    def to_dict(self) -> dict:
        data = asdict(self)
        data.pop("geometry")
        return data


# How a mention got its coordinates; "container": a name nothing else placed, put at the place
# the text puts it in ("Qorvintal, Auckland" at Auckland); "namesake": a name nothing else placed, put
# at a nearby place named after it or after which it is named ("Lake Lugano" at Lugano, a town at its airport);
# "listed": a name nothing else placed, put among the nearby places it is listed with.
RESOLVED_BY = ("gazetteer", "curated", "geocoder", "cache", "container", "namesake", "listed")


@dataclass
class ResolvedMention:
    """A mention linked to the place it names (or to none)."""

    mention: Mention
    place: Place | None
    confidence: float = 0.0
    resolved_by: str = ""  # one of RESOLVED_BY, or "" when unresolved
    sentence: str = ""


@dataclass
class EventDate:
    """A date normalised against the publication date, with its precision."""

    value: str  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day, month, year, approximate
    text: str


@dataclass
class Event:
    """Something that happened: type, trigger, actors, date and places."""

    id: str
    article_id: str
    type: str
    trigger: str
    sentence: str
    actors: list[str] = field(default_factory=list)
    date: EventDate | None = None
    places: list[ResolvedMention] = field(default_factory=list)


@dataclass
class ParsedArticle:
    """An article with everything the pipeline found in it."""

    article: Article
    mentions: list[ResolvedMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
