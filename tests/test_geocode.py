"""The geocoder fallback, against a local Nominatim look-alike (never a live service)."""
from __future__ import annotations

import multiprocessing
import sqlite3
import time
from pathlib import Path

from geo.geocode import GeocodeCache, Geocoder, GeocoderBadResponse, GeocoderUnavailable
from geo.model import Place


def make_geocoder(tmp_path: Path, server, **options) -> Geocoder:
    """A Geocoder with test-sized timings, pointed at the fake server."""
    settings = dict(
        base_url=server.url,
        timeout=0.3,
        min_delay_seconds=0.0,
        max_retries=1,
        backoff_seconds=0.01,
    )
    settings.update(options)
    return Geocoder(tmp_path / "geocode.sqlite", **settings)


def test_a_name_is_answered_by_nominatim_through_geopy(tmp_path, nominatim):
    geocoder = make_geocoder(tmp_path, nominatim)

    place, how = geocoder.lookup("Galwan Valley", country_codes=["IN"])

    assert how == "geocoder"
    assert place == Place(
        id="nominatim:way/4242001",
        name="Galwan Valley",
        lat=34.7431,
        lon=78.6583,
        feature_class="natural",
        feature_code="valley",
        country_code="IN",
        source="geocoder:nominatim",
    )
    [request] = nominatim.requests
    assert request.path == "/search"
    assert request.params["q"] == "Galwan Valley"
    assert request.params["countrycodes"] == "in"  # biased to the article's countries
    assert request.params["addressdetails"] == "1"
    assert request.params["limit"] == "5"
    assert request.user_agent.startswith("geo-news-geoparser/")
    assert not geocoder.unavailable


def test_a_rerun_is_answered_from_the_cache_with_the_server_gone(tmp_path, nominatim):
    first = make_geocoder(tmp_path, nominatim)
    place, _ = first.lookup("Galwan Valley", ["IN"])
    first.close()
    url = nominatim.url
    nominatim.stop()

    again = Geocoder(tmp_path / "geocode.sqlite", base_url=url, timeout=0.3)
    assert again.lookup("Galwan Valley", ["in"]) == (place, "cache")  # case of codes does not matter
    assert again.requests_made == 0
    assert len(nominatim.requests) == 1


def test_no_result_is_cached_so_a_rerun_asks_nothing(tmp_path, nominatim):
    geocoder = make_geocoder(tmp_path, nominatim)

    assert geocoder.lookup("Atlantis", ["IN"]) == (None, "")
    asked = [r.params.get("countrycodes") for r in nominatim.requests]
    assert asked == ["in", None]  # once biased, once without

    assert geocoder.lookup("Atlantis", ["IN"]) == (None, "")
    assert len(nominatim.requests) == 2
    assert geocoder.cache.get("nominatim", "Atlantis", ["IN"]) == (True, None)
    assert not geocoder.unavailable  # a real "no result" is not a fault


def test_results_outside_the_articles_countries_need_high_importance(tmp_path, nominatim):
    geocoder = make_geocoder(tmp_path, nominatim)

    paris, _ = geocoder.lookup("Paris", ["IN"])  # importance 0.88: accepted
    springfield, _ = geocoder.lookup("Springfield", ["IN"])  # importance 0.55: refused
    pangong, _ = geocoder.lookup("Pangong Tso", ["CN"])  # the Chinese side of the lake

    assert paris.country_code == "FR"
    assert springfield is None
    assert pangong.id == "nominatim:relation/4242003"


def test_a_slow_server_times_out_and_nothing_is_cached(tmp_path, nominatim):
    nominatim.set_mode("slow")
    geocoder = make_geocoder(tmp_path, nominatim)

    started = time.monotonic()
    assert geocoder.lookup("Galwan Valley", ["IN"]) == (None, "")
    assert time.monotonic() - started < 1.5

    assert len(nominatim.requests) == 2  # one try, one retry
    assert geocoder.unresolved == {"Galwan Valley"}
    assert geocoder.unavailable
    assert isinstance(geocoder.last_error, GeocoderUnavailable)
    assert len(geocoder.cache) == 0

    nominatim.set_mode("normal")  # the service recovers: the name is asked again
    assert geocoder.lookup("Galwan Valley", ["IN"])[1] == "geocoder"
    assert geocoder.unresolved == set()


def test_a_server_that_drips_bytes_is_given_up_on(tmp_path, nominatim):
    nominatim.set_mode("drip")
    geocoder = make_geocoder(tmp_path, nominatim, max_retries=0)

    started = time.monotonic()
    assert geocoder.lookup("Galwan Valley") == (None, "")
    assert time.monotonic() - started < 1.5  # the whole body would take ~20 s
    assert geocoder.unresolved == {"Galwan Valley"}
    assert len(geocoder.cache) == 0


def test_429_is_retried_after_the_retry_after_delay(tmp_path, nominatim):
    nominatim.set_mode("429", times=1)
    nominatim.retry_after = "1"
    geocoder = make_geocoder(tmp_path, nominatim)

    place, how = geocoder.lookup("Galwan Valley", ["IN"])

    assert how == "geocoder" and place.name == "Galwan Valley"
    first, second = nominatim.requests
    assert second.at - first.at >= 0.95


def test_a_long_retry_after_is_capped(tmp_path, nominatim):
    nominatim.set_mode("429", times=1)
    nominatim.retry_after = "3600"
    geocoder = make_geocoder(tmp_path, nominatim, max_wait_seconds=0.1)

    assert geocoder.lookup("Galwan Valley", ["IN"])[1] == "geocoder"
    first, second = nominatim.requests
    assert second.at - first.at < 1.0


def test_500s_open_the_circuit_and_asking_stops(tmp_path, nominatim):
    nominatim.set_mode("500")
    geocoder = make_geocoder(tmp_path, nominatim, max_retries=1, max_consecutive_failures=3)

    for name in ("Galwan Valley", "Pangong Tso", "Depsang Plains", "Demchok"):
        assert geocoder.lookup(name, ["IN"]) == (None, "")

    # Galwan: try + retry; Pangong: one try, the third failure in a row; then nothing.
    assert len(nominatim.requests) == 3
    assert geocoder.circuit_open
    assert geocoder.unresolved == {"Galwan Valley", "Pangong Tso", "Depsang Plains", "Demchok"}
    assert isinstance(geocoder.last_error, GeocoderUnavailable)  # "circuit open"
    assert len(geocoder.cache) == 0


def test_malformed_json_is_not_retried_and_stays_unresolved(tmp_path, nominatim):
    nominatim.set_mode("malformed")
    geocoder = make_geocoder(tmp_path, nominatim, max_retries=2)

    assert geocoder.lookup("Galwan Valley", ["IN"]) == (None, "")
    assert len(nominatim.requests) == 1
    assert isinstance(geocoder.last_error, GeocoderBadResponse)
    assert geocoder.unresolved == {"Galwan Valley"}
    assert len(geocoder.cache) == 0


def test_an_unreachable_service_leaves_names_unresolved(tmp_path, nominatim):
    geocoder = make_geocoder(tmp_path, nominatim, max_retries=0)
    nominatim.stop()

    assert geocoder.lookup("Galwan Valley") == (None, "")
    assert isinstance(geocoder.last_error, GeocoderUnavailable)
    assert geocoder.unavailable


def test_offline_mode_answers_from_the_cache_alone(tmp_path, nominatim):
    cache = GeocodeCache(tmp_path / "geocode.sqlite")
    known = Place(id="nominatim:node/1", name="Leh", lat=34.16, lon=77.58, source="geocoder:nominatim")
    cache.put("nominatim", "Leh", ["IN"], known)
    cache.close()
    geocoder = make_geocoder(tmp_path, nominatim, offline=True)

    assert geocoder.lookup("Leh", ["IN"]) == (known, "cache")
    assert geocoder.lookup("Galwan Valley", ["IN"]) == (None, "")
    assert nominatim.requests == []
    assert geocoder.unresolved == {"Galwan Valley"}


def test_requests_are_spaced_by_min_delay(tmp_path, nominatim):
    geocoder = make_geocoder(tmp_path, nominatim, min_delay_seconds=0.2)

    started = time.monotonic()  # the first request goes out no earlier than this
    geocoder.lookup("Galwan Valley", ["IN"])
    geocoder.lookup("Pangong Tso", ["IN"])

    first, second = nominatim.requests
    assert second.at - started >= 0.2


def _write_entries(path: Path, worker: int, count: int, barrier) -> None:
    cache = GeocodeCache(path)
    barrier.wait()
    for i in range(count):
        place = None if i % 5 == 0 else Place(
            id=f"test:{i}", name=f"Place {i}", lat=i / 10, lon=-i / 10, source=f"worker{worker}"
        )
        cache.put("nominatim", f"name {i}", ["IN"], place)
    cache.close()


def test_two_processes_writing_at_once_leave_a_consistent_cache(tmp_path):
    path, count = tmp_path / "shared.sqlite", 200
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    workers = [context.Process(target=_write_entries, args=(path, w, count, barrier)) for w in (0, 1)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=60)
    assert [p.exitcode for p in workers] == [0, 0]

    cache = GeocodeCache(path)
    assert len(cache) == count
    for i in range(count):
        hit, place = cache.get("nominatim", f"name {i}", ["IN"])
        assert hit
        if i % 5 == 0:
            assert place is None
        else:
            assert (place.id, place.lat, place.lon) == (f"test:{i}", i / 10, -i / 10)
            assert place.source in ("worker0", "worker1")
    cache.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
