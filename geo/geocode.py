"""Geocoder fallback for names the local gazetteer cannot answer.

Every answer (a place, or "no result") is kept in a SQLite cache, so a re-run
asks the service nothing.  The service is asked politely: one request per
`min_delay_seconds`, a deadline per request, a few retries with exponential
backoff, and a circuit breaker that stops asking once the service keeps failing.
`Geocoder.lookup` never raises for service faults: the name goes to
`Geocoder.unresolved` and the pipeline can say so once.
"""
from __future__ import annotations

import functools
import json
import logging
import sqlite3
import time
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from geo.model import Place

log = logging.getLogger(__name__)

DEFAULT_USER_AGENT = "geo-news-geoparser/0.1 (+https://pypi.org/project/geo-news)"
HIGH_IMPORTANCE = 0.6  # accept a result outside the article's countries only from here


class GeocoderError(Exception):
    """Base of every geocoder fault."""


class GeocoderUnavailable(GeocoderError):
    """The service cannot be reached, timed out every time, or the circuit is open."""


class GeocoderRateLimited(GeocoderError):
    """The service said 429 Too Many Requests (`retry_after` in seconds, or None)."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class GeocoderBadResponse(GeocoderError):
    """The service answered, but with a server error or something unreadable."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


# --------------------------------------------------------------------- cache

def _countries_key(countries: Sequence[str]) -> str:
    return ",".join(sorted({c.strip().upper() for c in countries if c.strip()}))


class GeocodeCache:
    """SQLite cache of geocoder answers keyed by (provider, query, country_codes).

    `place_json` is NULL for a negative answer ("the service found nothing").
    WAL mode and a busy timeout let several processes read and write at once;
    each write is one `BEGIN IMMEDIATE` transaction.
    """

    def __init__(self, path: Path | str, busy_timeout_ms: int = 30_000):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(
            self.path, timeout=busy_timeout_ms / 1000, isolation_level=None
        )
        self._conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        self._set_up(deadline=time.monotonic() + busy_timeout_ms / 1000)

    def _set_up(self, deadline: float) -> None:
        """WAL mode and the table. Switching a new file to WAL ignores the busy timeout
        when another process does the same at that moment, so that step is retried."""
        while True:
            try:
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute(
                    """CREATE TABLE IF NOT EXISTS geocode (
                           provider      TEXT NOT NULL,
                           query         TEXT NOT NULL,
                           country_codes TEXT NOT NULL,
                           place_json    TEXT,
                           created_at    TEXT NOT NULL,
                           PRIMARY KEY (provider, query, country_codes))"""
                )
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def get(self, provider: str, query: str, countries: Sequence[str] = ()) -> tuple[bool, Place | None]:
        """Return (hit, place); `(True, None)` is a cached "no result"."""
        row = self._conn.execute(
            "SELECT place_json FROM geocode WHERE provider = ? AND query = ? AND country_codes = ?",
            (provider, query, _countries_key(countries)),
        ).fetchone()
        if row is None:
            return False, None
        return True, (Place(**json.loads(row[0])) if row[0] is not None else None)

    def put(self, provider: str, query: str, countries: Sequence[str], place: Place | None) -> None:
        """Store an answer (None = the service found nothing)."""
        data = json.dumps(place.to_dict(), ensure_ascii=False) if place is not None else None
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            self._conn.execute(
                "INSERT OR REPLACE INTO geocode VALUES (?, ?, ?, ?, ?)",
                (provider, query, _countries_key(countries), data, now),
            )
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def __len__(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM geocode").fetchone()[0]

    def close(self) -> None:
        self._conn.close()


# ------------------------------------------------------------------- adapter

def _adapter_factory():
    """geopy's requests adapter, with a deadline on the whole response.

    requests' timeout bounds each socket read, so a server that drips one byte
    at a time would hold us forever; here the body is read in small pieces and
    the request given up once `timeout` seconds have passed in all.  (The
    headers are still bounded per read only.)  urllib3's own retries are off:
    `Geocoder` does the retrying.  Without requests, geopy's default is used.
    """
    import geopy.exc
    try:
        import requests  # noqa: F401
        from geopy.adapters import RequestsAdapter
    except ImportError:  # pragma: no cover - requests is installed with geopy here
        return None

    class DeadlineRequestsAdapter(RequestsAdapter):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.session.get = functools.partial(self.session.get, stream=True)

        def get_text(self, url, *, timeout, headers):
            return self._fetch(url, timeout=timeout, headers=headers).decode("utf-8", "replace")

        def get_json(self, url, *, timeout, headers):
            body = self._fetch(url, timeout=timeout, headers=headers)
            try:
                return json.loads(body)
            except ValueError:
                raise geopy.exc.GeocoderParseError("Could not decode JSON: %r" % body[:200])

        def _fetch(self, url, *, timeout, headers) -> bytes:
            deadline = time.monotonic() + timeout
            resp = self._request(url, timeout=timeout, headers=headers)
            try:
                body = bytearray()
                read = getattr(resp.raw, "read1", None) or resp.raw.read
                while chunk := read(8192, decode_content=True):
                    body += chunk
                    if time.monotonic() > deadline:
                        raise geopy.exc.GeocoderTimedOut("Service too slow to answer")
                return bytes(body)
            except geopy.exc.GeopyError:
                raise
            except Exception as error:  # socket timeout while reading, reset, ...
                raise geopy.exc.GeocoderTimedOut(f"Reading the answer failed: {error}")
            finally:
                resp.close()

    def factory(proxies, ssl_context):
        return DeadlineRequestsAdapter(proxies=proxies, ssl_context=ssl_context, max_retries=0)

    return factory


# ------------------------------------------------------------------ geocoder

class Geocoder:
    """Cached, polite geocoder for names the gazetteer does not know.

    Country policy (Nominatim): when the article's countries are given, ask once
    restricted to them (`countrycodes=`); if that finds nothing, ask once more
    without the restriction.  A result whose address country is among the
    article's countries is preferred; a result elsewhere is accepted only when
    its `importance` is >= 0.6 (a famous place, e.g. "Paris" in an Indian
    story).  Otherwise the answer is "no result", and that is cached too.

    Faults: timeouts, connection errors, 429 and 5xx are retried `max_retries`
    times with exponential backoff (`backoff_seconds * 2**n`, or the server's
    Retry-After, both capped at `max_wait_seconds`).  Malformed answers and
    other 4xx are not retried.  After `max_consecutive_failures` failed
    *requests* in a row the circuit opens and this Geocoder asks nothing more.
    A failed lookup is never cached.

    `offline=True` answers from the cache alone.  Names left unanswered by a
    fault (or by a cache miss offline) are kept in `unresolved`; `unavailable`
    tells the pipeline to report them once.  Cache keys are the name with
    whitespace collapsed and the country codes (case-insensitive, any order).
    """

    def __init__(
        self,
        cache_path: Path,
        provider: str = "nominatim",
        user_agent: str = DEFAULT_USER_AGENT,
        base_url: str | None = None,
        timeout: float = 5.0,
        min_delay_seconds: float = 1.0,
        max_retries: int = 2,
        offline: bool = False,
        *,
        backoff_seconds: float = 1.0,
        max_wait_seconds: float = 30.0,
        max_consecutive_failures: int = 3,
    ):
        self.provider = provider
        self.offline = offline
        self.timeout = timeout
        self.min_delay_seconds = min_delay_seconds
        self.max_retries = max_retries
        self.backoff_seconds = backoff_seconds
        self.max_wait_seconds = max_wait_seconds
        self.max_consecutive_failures = max_consecutive_failures
        self.cache = GeocodeCache(cache_path)
        self.unresolved: set[str] = set()
        self.requests_made = 0
        self.last_error: GeocoderError | None = None
        self._failures = 0
        self._last_request = float("-inf")
        self._service: Any = None  # built on first use: offline runs never need it
        self._service_args: dict[str, Any] = {"user_agent": user_agent, "timeout": timeout}
        if base_url:
            parts = urlsplit(base_url)
            self._service_args.update(domain=parts.netloc + parts.path.rstrip("/"), scheme=parts.scheme or "https")
        if (factory := _adapter_factory()) is not None:
            self._service_args["adapter_factory"] = factory

    @property
    def circuit_open(self) -> bool:
        """True once the service failed too often: nothing more will be asked."""
        return self._failures >= self.max_consecutive_failures

    @property
    def unavailable(self) -> bool:
        """True when some name stayed unresolved because the service could not answer."""
        return bool(self.unresolved)

    def lookup(self, name: str, country_codes: Sequence[str] = ()) -> tuple[Place | None, str]:
        """Return (place, how): how is "cache", "geocoder", or "" when unresolved."""
        query = " ".join(name.split())
        if not query:
            return None, ""
        countries = [c.strip().lower() for c in country_codes if c.strip()]
        hit, place = self.cache.get(self.provider, query, countries)
        if hit:
            return place, ("cache" if place else "")
        if self.offline:
            self.unresolved.add(query)
            return None, ""
        try:
            place = self.search(query, countries)
        except GeocoderError as error:
            log.info("geocoder could not answer %r: %s", query, error)
            self.last_error = error
            self.unresolved.add(query)
            return None, ""
        self.unresolved.discard(query)
        self.cache.put(self.provider, query, countries, place)
        return place, ("geocoder" if place else "")

    def search(self, query: str, country_codes: Sequence[str] = ()) -> Place | None:
        """Ask the service now (no cache); raises GeocoderError on faults."""
        countries = {c.lower() for c in country_codes}
        results = self._ask(query, countries)
        if not results and countries:
            results = self._ask(query, set())
        return self._choose(results, countries)

    def close(self) -> None:
        self.cache.close()

    # -- choosing and converting

    def _choose(self, results: list[Any], countries: set[str]) -> Place | None:
        places = [(self._to_place(r), r.raw) for r in results]
        if not countries:
            return places[0][0] if places else None
        for place, _ in places:
            if place.country_code.lower() in countries:
                return place
        for place, raw in places:
            if _importance(raw) >= HIGH_IMPORTANCE:
                return place
        return None

    def _to_place(self, location: Any) -> Place:
        raw = location.raw if isinstance(location.raw, dict) else {}
        address = raw.get("address") or {}
        display = raw.get("display_name") or location.address or ""
        if "osm_type" in raw and "osm_id" in raw:
            pid = f"{self.provider}:{raw['osm_type']}/{raw['osm_id']}"
        else:
            pid = f"{self.provider}:{location.latitude:.5f},{location.longitude:.5f}"
        return Place(
            id=pid,
            name=display.split(",")[0].strip(),
            lat=float(location.latitude),
            lon=float(location.longitude),
            feature_class=str(raw.get("class", "")),
            feature_code=str(raw.get("type", "")),
            country_code=str(address.get("country_code", "")).upper(),
            source=f"geocoder:{self.provider}",
        )

    # -- asking politely

    def _ask(self, query: str, countries: set[str]) -> list[Any]:
        """One question, with rate limit, retries, backoff and circuit breaker."""
        attempt = 0
        while True:
            if self.circuit_open:
                raise GeocoderUnavailable(f"circuit open after {self._failures} failed requests")
            try:
                results = self._request(query, countries)
            except GeocoderError as error:
                self._failures += 1
                retryable = isinstance(error, (GeocoderUnavailable, GeocoderRateLimited)) or (
                    isinstance(error, GeocoderBadResponse) and (error.status or 0) >= 500
                )
                if not retryable or attempt >= self.max_retries or self.circuit_open:
                    raise
                wait = self.backoff_seconds * 2**attempt
                if isinstance(error, GeocoderRateLimited) and error.retry_after is not None:
                    wait = error.retry_after
                time.sleep(max(0.0, min(wait, self.max_wait_seconds)))
                attempt += 1
                continue
            self._failures = 0
            return results

    def _request(self, query: str, countries: set[str]) -> list[Any]:
        """Exactly one HTTP request; geopy's errors become ours."""
        import geopy.exc  # here, not at the top: a parse that never geocodes starts without geopy
        from geopy.adapters import AdapterHTTPError
        from geopy.geocoders import get_geocoder_for_service
        if self._service is None:
            self._service = get_geocoder_for_service(self.provider)(**self._service_args)
        kwargs: dict[str, Any] = {"exactly_one": False}
        if self.provider == "nominatim":
            kwargs.update(limit=5, addressdetails=True)
            if countries:
                kwargs["country_codes"] = sorted(countries)
        wait = self._last_request + self.min_delay_seconds - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last_request = time.monotonic()
        self.requests_made += 1
        try:
            return list(self._service.geocode(query, **kwargs) or [])
        except geopy.exc.GeocoderRateLimited as error:
            raise GeocoderRateLimited(str(error), error.retry_after) from error
        except (geopy.exc.GeocoderTimedOut, geopy.exc.GeocoderUnavailable) as error:
            raise GeocoderUnavailable(str(error) or type(error).__name__) from error
        except geopy.exc.GeocoderParseError as error:
            raise GeocoderBadResponse(f"malformed answer: {error}") from error
        except geopy.exc.GeopyError as error:
            cause = error.__cause__
            status = cause.status_code if isinstance(cause, AdapterHTTPError) else None
            raise GeocoderBadResponse(str(error), status) from error
        except (ValueError, KeyError, TypeError) as error:  # JSON of the wrong shape
            raise GeocoderBadResponse(f"unexpected answer: {error!r}") from error


def _importance(raw: Any) -> float:
    try:
        return float(raw.get("importance") or 0.0)
    except (AttributeError, TypeError, ValueError):
        return 0.0
