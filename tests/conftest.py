"""Shared pytest fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest

from nominatim_server import FakeNominatim

from geo.gazetteer import Gazetteer
from geo.model import Article
from geo.sources import read_articles

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def nominatim():
    """A local Nominatim look-alike (see tests/nominatim_server.py); stopped after the test."""
    server = FakeNominatim().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The real local gazetteer, built on first use (into $GEO_HOME in CI)."""
    return Gazetteer()


@pytest.fixture(scope="session")
def seed_article() -> Article:
    return next(read_articles([SEEDS]))
