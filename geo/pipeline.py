"""The pipeline: article -> mentions -> places -> events, as small swappable stages."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .events import extract_events
from .gazetteer import Gazetteer
from .geocode import Geocoder
from .model import Article, Event, Mention, ParsedArticle, ResolvedMention
from .recognize import Recognizer
from .resolve import Resolver

Recognise = Callable[[str], list[Mention]]
Resolve = Callable[[str, list[Mention]], list[ResolvedMention]]
ExtractEvents = Callable[[Article, list[ResolvedMention]], list[Event]]


@dataclass
class Pipeline:
    """Runs the stages over articles; each stage is a plain callable and can be swapped."""

    recognise: Recognise
    resolve: Resolve
    extract_events: ExtractEvents | None = extract_events
    geocoder: Geocoder | None = field(default=None, repr=False)

    @classmethod
    def default(cls, gazetteer_path: Path | None = None, geocoder: Geocoder | None = None,
                events: bool = True, demonyms: bool = False) -> "Pipeline":
        """The standard stages over the local gazetteer (built on first use)."""
        gazetteer = Gazetteer(gazetteer_path)
        return cls(Recognizer(gazetteer, demonyms=demonyms), Resolver(gazetteer, geocoder),
                   extract_events if events else None, geocoder)

    def parse(self, article: Article) -> ParsedArticle:
        mentions = self.resolve(article.text, self.recognise(article.text))
        events = self.extract_events(article, mentions) if self.extract_events else []
        return ParsedArticle(article, mentions, events)

    def unresolved_names(self) -> set[str]:
        """Names the geocoder fallback could not answer because the service failed."""
        return set(self.geocoder.unresolved) if self.geocoder else set()


def mention_record(resolved: ResolvedMention) -> dict:
    """One mention as `geo parse` writes it."""
    place, mention = resolved.place, resolved.mention
    return {
        "start": mention.start, "end": mention.end, "text": mention.text, "qualifier": mention.qualifier,
        "name": place.name if place else None,
        "lat": round(place.lat, 5) if place else None,
        "lon": round(place.lon, 5) if place else None,
        "feature_code": place.feature_code if place else None,
        "country_code": place.country_code if place else None,
        "place_id": place.id if place else None,
        "source": resolved.resolved_by or None,
        "confidence": resolved.confidence,
        "signal": mention.signal,
    }


def article_record(parsed: ParsedArticle) -> dict:
    """One article as `geo parse` writes it: its id and its mentions."""
    return {"id": parsed.article.id, "mentions": [mention_record(m) for m in parsed.mentions]}


def article_line(parsed: ParsedArticle) -> str:
    """`article_record` as a line of `geo parse` output (JSON, newline included).

    Workers return this line rather than the record: a string travels between
    processes at almost no cost, and the parent only writes it.
    """
    return json.dumps(article_record(parsed), ensure_ascii=False) + "\n"
