"""Shared pytest fixtures."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # let tests import `geo` without installing it
    sys.path.insert(0, str(ROOT))

from nominatim_server import FakeNominatim  # noqa: E402


@pytest.fixture
def nominatim():
    """A local Nominatim look-alike (see tests/nominatim_server.py); stopped after the test."""
    server = FakeNominatim().start()
    yield server
    server.stop()
