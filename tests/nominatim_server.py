"""A small local server that answers like Nominatim's /search, for tests.

It runs on 127.0.0.1 on a free port, in a thread, and can be told to misbehave:

    server.mode = "slow"          # sleep `slow_seconds` before answering
    server.set_mode("429", times=1)  # one 429 with Retry-After, then normal

Modes: normal, slow, 429, 500, malformed, empty, drip (send the body one byte
every `drip_interval` seconds).  Every request is recorded in `server.requests`.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MODES = ("normal", "slow", "429", "500", "malformed", "empty", "drip")


def _result(place_id, osm_type, osm_id, lat, lon, display_name, cls, typ, importance, country_code, country):
    return {
        "place_id": place_id,
        "licence": "Data (c) OpenStreetMap contributors, ODbL 1.0. test fixture",
        "osm_type": osm_type,
        "osm_id": osm_id,
        "lat": str(lat),
        "lon": str(lon),
        "class": cls,
        "type": typ,
        "place_rank": 16,
        "importance": importance,
        "addresstype": typ,
        "name": display_name.split(",")[0],
        "display_name": display_name,
        "address": {"country": country, "country_code": country_code},
        "boundingbox": [str(lat - 0.1), str(lat + 0.1), str(lon - 0.1), str(lon + 0.1)],
    }


# name (lower case) -> results, in Nominatim's order (most important first)
PLACES: dict[str, list[dict]] = {
    "galwan valley": [
        _result(1001, "way", 4242001, 34.7431, 78.6583, "Galwan Valley, Leh, Ladakh, India",
                "natural", "valley", 0.41, "in", "India"),
    ],
    "pangong tso": [
        _result(1002, "relation", 4242002, 33.7570, 78.6730, "Pangong Tso, Leh, Ladakh, India",
                "natural", "water", 0.48, "in", "India"),
        _result(1003, "relation", 4242003, 33.6300, 79.2500, "Pangong Tso, Rutog, Ngari, China",
                "natural", "water", 0.35, "cn", "China"),
    ],
    "paris": [
        _result(1004, "relation", 7444, 48.8589, 2.3200, "Paris, Ile-de-France, France",
                "boundary", "administrative", 0.88, "fr", "France"),
    ],
    "springfield": [
        _result(1005, "node", 151, 39.7990, -89.6440, "Springfield, Sangamon County, Illinois, United States",
                "place", "city", 0.55, "us", "United States"),
    ],
}


@dataclass
class Request:
    path: str
    params: dict[str, str]
    user_agent: str
    at: float = field(default_factory=time.monotonic)


class FakeNominatim:
    """A Nominatim look-alike with switchable faults; use `url` as base_url."""

    def __init__(self, places: dict[str, list[dict]] | None = None):
        self.places = PLACES if places is None else places
        self.mode = "normal"
        self.times: int | None = None  # how many requests get `mode` before going normal
        self.retry_after = "1"
        self.slow_seconds = 1.0
        self.drip_interval = 0.05
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def set_mode(self, mode: str, times: int | None = None) -> None:
        """Answer the next `times` requests (all, if None) in `mode`."""
        assert mode in MODES, mode
        self.mode, self.times = mode, times

    @property
    def url(self) -> str:
        assert self._httpd is not None, "server not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "FakeNominatim":
        handler = type("Handler", (_Handler,), {"fake": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._thread.join(timeout=5)
            self._httpd = None

    def _next_mode(self, request: Request) -> str:
        with self._lock:
            self.requests.append(request)
            mode = self.mode
            if self.times is not None:
                self.times -= 1
                if self.times <= 0:
                    self.mode, self.times = "normal", None
            return mode

    def answer(self, params: dict[str, str]) -> list[dict]:
        """What a real Nominatim would return: matches, restricted to countrycodes."""
        results = self.places.get(params.get("q", "").strip().lower(), [])
        if params.get("countrycodes"):
            allowed = set(params["countrycodes"].lower().split(","))
            results = [r for r in results if r["address"]["country_code"] in allowed]
        return results[: int(params.get("limit", 10))]


class _Handler(BaseHTTPRequestHandler):
    fake: FakeNominatim
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # keep test output quiet
        pass

    def do_GET(self):
        url = urlsplit(self.path)
        params = {k: v[-1] for k, v in parse_qs(url.query).items()}
        mode = self.fake._next_mode(Request(url.path, params, self.headers.get("User-Agent", "")))
        try:
            if url.path != "/search":
                return self._send(404, b'{"error": "not found"}')
            if mode == "slow":
                time.sleep(self.fake.slow_seconds)
            if mode == "429":
                return self._send(429, b'{"error": "rate limited"}', {"Retry-After": self.fake.retry_after})
            if mode == "500":
                return self._send(500, b"<html>Internal Server Error</html>", content_type="text/html")
            if mode == "malformed":
                return self._send(200, b'[{"place_id": 1, "lat": "34.7", "lon')
            results = [] if mode == "empty" else self.fake.answer(params)
            body = json.dumps(results).encode()
            if mode == "drip":
                return self._drip(body)
            self._send(200, body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should

    def _send(self, status, body, headers=None, content_type="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _drip(self, body):
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.flush()
        for i in range(len(body)):
            self.wfile.write(body[i : i + 1])
            self.wfile.flush()
            time.sleep(self.fake.drip_interval)
