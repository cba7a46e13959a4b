"""English word frequencies: wordfreq's answers, looked up in a table made once beside the gazetteer."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from wordfreq import zipf_frequency

from geo import text

# Plain words (listed and not), a final full stop wordfreq drops, apostrophes it keeps ("o'brien") and
# splits at ("xi'an"), letters it folds ("straße"), several words, digits, nothing at all.
WORDS = ["the", "kabul", "qzxqzx", "mr.", "o'brien", "xi'an", "zaïre", "toruń", "straße", "new zealand",
         "cop30", "don’t", ""]


@pytest.fixture
def fresh_home(tmp_path, monkeypatch):
    """An empty $GEO_HOME, and no table or answer remembered from before."""
    monkeypatch.setenv("GEO_HOME", str(tmp_path))
    monkeypatch.setattr(text, "_word_tables", {})
    text.word_frequency.cache_clear()
    yield tmp_path
    text.word_frequency.cache_clear()


def test_every_word_gets_wordfreqs_own_answer(fresh_home):
    assert [text.word_frequency(word) for word in WORDS] == [zipf_frequency(word, "en") for word in WORDS]
    table = text.word_table()
    assert (fresh_home / "english-words.sqlite").is_file()
    assert table.execute("SELECT zipf FROM words WHERE word = 'kabul'").fetchone() == (zipf_frequency("kabul", "en"),)


def test_a_new_process_answers_plain_words_without_loading_wordfreq(fresh_home):
    text.word_table()  # made here, once
    code = ("import sys; from geo.text import word_frequency; "
            "print(word_frequency('kabul'), word_frequency('mr.'), 'wordfreq' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "GEO_HOME": str(fresh_home)}).stdout.split()
    assert out == [str(zipf_frequency("kabul", "en")), str(zipf_frequency("mr.", "en")), "False"]


def test_where_no_table_can_be_written_wordfreq_answers(fresh_home, monkeypatch):
    blocked = fresh_home / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("GEO_HOME", str(blocked / "home"))
    assert text.word_table() is None
    assert [text.word_frequency(word) for word in WORDS] == [zipf_frequency(word, "en") for word in WORDS]
