"""The map in a real headless Chromium: markers, popups, filters, no script injection, offline.

Needs Debian's `chromium` (/usr/bin/chromium) and the Python `playwright`
package (no `playwright install`: we launch the system Chromium). .ci/run
installs both; without them these tests skip and say why.

The page is served from a local http.server on 127.0.0.1. Every other request
is intercepted: the CDN files the map asks for are answered from the vendored
copies in geo/assets (a CDN file without a copy fails the test), tiles are
aborted, and anything else is recorded and fails the test.
Screenshots go to tests/artifacts/ (git-ignored).
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from geo.render import ASSET_DIR, ASSETS, write_outputs
from test_render import XSS_TITLE, make_parsed

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip("no Chromium: apt-get install -y chromium", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="no playwright: pip install playwright")

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).parent / "artifacts"
TILE_HOSTS = ("tile.openstreetmap.org",)
MAP = ".folium-map"


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def serve():
    """Serve a folder on 127.0.0.1 (a free port) until the test ends."""
    servers = []

    def start(directory: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(directory))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


class Network:
    """Answers the page's requests: local server, vendored CDN assets, nothing else."""

    def __init__(self, base: str):
        self.base = base
        self.served: list[str] = []
        self.missing: list[str] = []
        self.tiles: list[str] = []
        self.unexpected: list[str] = []

    def handle(self, route):
        url = route.request.url
        if url.startswith(self.base):
            return route.continue_()
        if url in ASSETS:
            path = ASSET_DIR / ASSETS[url]
            if path.is_file():
                self.served.append(url)
                return route.fulfill(path=str(path))
            self.missing.append(url)
        elif any(host in url for host in TILE_HOSTS):
            self.tiles.append(url)
        else:
            self.unexpected.append(url)
        return route.abort()


def _open(browser, url: str, base: str, size=(1200, 800)):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    network = Network(base)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route("**/*", network.handle)
    page.goto(url)
    page.wait_for_function(f"document.querySelector('{MAP}') && "
                           f"document.querySelector('{MAP}').hasAttribute('data-events-shown')", timeout=20_000)
    page.wait_for_timeout(600)  # cluster animation
    return page, network, errors


def _marker_total(page) -> int:
    """Single markers on screen plus the markers counted inside cluster icons."""
    singles = page.locator(".leaflet-marker-icon.geo-dot").count()
    clustered = page.evaluate("""() => Array.from(document.querySelectorAll('.geo-cluster span'))
                                   .reduce((n, s) => n + parseInt(s.textContent, 10), 0)""")
    return singles + clustered


def _shown(page) -> int:
    return int(page.locator(MAP).get_attribute("data-events-shown"))


def _set_slider(page, value: int):
    page.evaluate("""(v) => { const r = document.querySelector('.geo-time input[type=range]');
                             r.value = v; r.dispatchEvent(new Event('input')); }""", value)


def _popup_of(page, title_prefix: str) -> str:
    page.locator(f'.leaflet-marker-icon[title^="{title_prefix}"]').first.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(state="visible")
    page.wait_for_timeout(400)  # the popup fades in
    return popup.inner_text()


def test_map_in_chromium(browser, serve, tmp_path):
    write_outputs(make_parsed(), tmp_path)
    base = serve(tmp_path)
    page, network, errors = _open(browser, base + "map.html", base)

    # Leaflet and both plugins came from the vendored copies; nothing else left the machine.
    assert not network.missing, network.missing
    assert not network.unexpected, network.unexpected
    served = " ".join(network.served)
    for name in ("leaflet.js", "leaflet.css", "leaflet.markercluster.js", "leaflet.featuregroup.subgroup.js"):
        assert name in served, name
    assert not errors, errors

    # 6 event-place markers (Paris three times, at one spot) + 2 places without an event.
    assert _marker_total(page) == 8
    assert _shown(page) == 6
    assert page.locator(".geo-cluster").count() >= 1  # the three Paris events
    assert page.locator(".leaflet-geoRegions-pane path").count() == 1  # Ladakh as its polygon

    # A popup: type, place (marked in the sentence), date, actors, article title as text.
    text = _popup_of(page, "Vientiane")
    assert "meeting" in text and "Vientiane" in text
    assert "Rajnath Singh met Dong Jun in Vientiane on Wednesday." in text
    assert "2024-11-20" in text and "Rajnath Singh" in text
    assert page.locator(".leaflet-popup-content mark").inner_text() == "Vientiane"
    assert XSS_TITLE.split(" ")[1] in text  # the payload shows as text ("<img")...
    assert page.locator(".leaflet-popup-content img, .leaflet-popup-content script").count() == 0
    assert page.locator(".leaflet-popup-content a").count() == 0  # javascript: URL not linked
    assert page.evaluate("window.__pwned") is None  # ...and never ran

    # The region's popup and the clustered Paris events (spiderfied on click).
    page.keyboard.press("Escape")
    page.locator(".geo-cluster").first.click()
    page.wait_for_timeout(800)
    text = _popup_of(page, "Paris — clash")
    assert "Police and protesters clashed in Paris and Lima." in text
    link = page.locator(".leaflet-popup-content a")
    assert link.get_attribute("href") == "https://news.example/a2?x=1&y=<2>"
    assert link.inner_text() == "Protests spread"
    assert link.get_attribute("rel") == "noopener noreferrer"
    page.keyboard.press("Escape")

    # Time slider: dates 2024-01-01 (the "2024" protest), 2024-10-01, 2024-11-20, 2024-11-21.
    _set_slider(page, 0)
    assert page.locator(".geo-time b").inner_text() == "2024-01-01"
    assert _shown(page) == 2  # the 2024 protest + the undated agreement
    page.locator(".geo-time input[type=checkbox]").uncheck()
    assert _shown(page) == 1
    page.locator(".geo-time input[type=checkbox]").check()
    _set_slider(page, 4)
    assert page.locator(".geo-time b").inner_text() == "all dates"
    assert _shown(page) == 6

    # Layer control: an article's overlay hides its markers in every type; a type's overlay its type.
    page.locator(".leaflet-control-layers").hover()
    article = page.locator(".leaflet-control-layers-overlays label", has_text="Protests spread")
    article.locator("input").uncheck()
    assert _shown(page) == 2
    article.locator("input").check()
    assert _shown(page) == 6
    meeting = page.locator(".leaflet-control-layers-overlays label", has_text="meeting")
    meeting.locator("input").uncheck()
    page.wait_for_timeout(400)
    assert page.locator('.leaflet-marker-icon[title^="Vientiane"]').count() == 0
    meeting.locator("input").check()
    page.wait_for_timeout(400)
    assert page.locator('.leaflet-marker-icon[title^="Vientiane"]').count() == 1

    _popup_of(page, "Ladakh")
    assert page.evaluate("window.__pwned") is None
    assert not errors, errors
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map-online.png"))
    page.close()


def test_offline_map_needs_no_network(browser, serve, tmp_path):
    write_outputs(make_parsed(), tmp_path, offline=True)
    base = serve(tmp_path)
    page, network, errors = _open(browser, base + "map.html", base)
    # Not even a tile: the default base layer is the inlined country outlines.
    assert network.served == [] and network.tiles == [] and network.unexpected == [], vars(network)
    assert not errors, errors
    assert _marker_total(page) == 8
    assert page.locator(".leaflet-geoOutline-pane path").count() > 100
    assert page.evaluate("L.version") == "1.9.4"
    text = _popup_of(page, "Vientiane")
    assert "Rajnath Singh met Dong Jun in Vientiane on Wednesday." in text
    assert page.evaluate("window.__pwned") is None
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map.png"))
    page.close()


def test_seed_article_map(browser, serve, tmp_path):
    """The whole pipeline on seeds/ (gazetteer built on first use), then the map in Chromium."""
    pytest.importorskip("geo.events", reason="geo/events.py not there yet")
    from geo.pipeline import Pipeline
    from geo.sources import read_articles

    root = Path(__file__).resolve().parent.parent
    pipeline = Pipeline.default()
    parsed = [pipeline.parse(article) for article in read_articles([root / "seeds"])]
    write_outputs(parsed, tmp_path)
    base = serve(tmp_path)
    page, network, errors = _open(browser, base + "map.html", base)
    assert not network.missing and not network.unexpected, vars(network)
    assert not errors, errors
    points = {(e.id, r.place.id) for p in parsed for e in p.events for r in e.places if r.place is not None}
    event_place_ids = {place_id for _, place_id in points}
    others = {r.place.id for p in parsed for r in p.mentions if r.place is not None} - event_place_ids
    assert _marker_total(page) == len(points) + len(others)
    if page.locator(".leaflet-marker-icon.geo-dot").count():
        page.locator(".leaflet-marker-icon.geo-dot").first.click()
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for(state="visible")
        page.wait_for_timeout(400)
        assert popup.inner_text().strip()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map-seed.png"))
    page.close()
