"""Property-based tests over arbitrary text through the real pipeline (real gazetteer, events on).

For any text: no exception; every mention's span is the mention's surface
(`text[start:end] == surface`), for article mentions and event places alike;
sentences are slices of the text; the record is JSON; a second run gives the
same output. Two kinds of text: arbitrary Unicode, and a mixture of real place
names, capitalised words, news words, punctuation, newlines and odd Unicode
that reaches the recogniser's and event extractor's corner cases far more often.

Example counts: the "geo-ci" profile (chosen when CI=true, as .ci/run sets it)
runs about 10,000 examples over this file, derandomised so that a CI run is
reproducible; the default "geo-dev" profile runs a tenth of that. Set
GEO_HYPOTHESIS_PROFILE=geo-ci to run the CI counts locally. Show the counts
with `pytest tests/test_properties.py --hypothesis-show-statistics`.
"""
from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import event as note
from hypothesis import strategies as st

from geo.model import Article
from geo.pipeline import Pipeline, article_record
from geo.sources import Problem, read_articles

CI_COUNTS = {"arbitrary": 2500, "newsy": 3500, "twice": 1500, "jsonl": 1500, "files": 1000}  # 10,000 in all
COMMON = dict(deadline=None, print_blob=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                     HealthCheck.data_too_large])
settings.register_profile("geo-ci", derandomize=True, database=None, **COMMON)
settings.register_profile("geo-dev", **COMMON)
PROFILE = os.environ.get("GEO_HYPOTHESIS_PROFILE") or ("geo-ci" if os.environ.get("CI") == "true" else "geo-dev")


def examples(kind: str) -> settings:
    """Settings for one property: its share of the CI count, a tenth of it outside CI."""
    count = CI_COUNTS[kind] if PROFILE == "geo-ci" else max(30, CI_COUNTS[kind] // 10)
    return settings(settings.get_profile(PROFILE), max_examples=count)


@pytest.fixture(scope="session")
def pipeline(gazetteer) -> Pipeline:
    return Pipeline.default(gazetteer.path, events=True)


# --- strategies ---------------------------------------------------------------------------

PLACES = ["Paris", "New Delhi", "Eastern Ladakh", "Ladakh", "Vientiane", "Laos", "São Paulo",
          "Côte d'Ivoire", "Rio de Janeiro", "Washington", "Georgia", "Jordan", "Turkey", "Chad",
          "Nice", "Reading", "Mobile", "China", "India", "Galwan Valley", "Depsang Plains", "Demchok",
          "Gaza", "Kyiv", "Kiev", "Donetsk", "Hong Kong", "Bay of Bengal", "Sri Lanka", "Ürümqi",
          "Zürich", "Genève", "Москва", "北京", "القاهرة", "Springfield", "Victoria", "Lagos", "Lima",
          "US", "UK", "U.S.", "EU", "Asia", "Europe", "Middle East", "South China Sea", "Beijing's",
          "India’s", "Congo", "Niger", "Nigeria", "Guinea-Bissau", "Timor-Leste", "St. Louis"]
WORDS = ["in", "of", "near", "at", "from", "to", "the", "and", "on", "said", "minister", "President",
         "Mr", "Dr.", "General", "eastern", "Northern", "western", "southern", "border", "troops",
         "talks", "met", "clashes", "protest", "earthquake", "moved", "deployed", "agreed", "signed",
         "killed", "flood", "on Monday", "last week", "2024-11-20", "Nov 20, 2024", "in 2020",
         "yesterday", "University of", "Street", "Airport", "FC", "Ltd", "Inc.", "Ministry",
         "ASEAN", "NATO", "(AFP)", "BREAKING", "Rajnath Singh", "Dong Jun", "Xi", "Modi"]
PUNCT = [".", ",", "'s", "’s", "(", ")", '"', "“", "”", "‘", "'", "-", "—", "–", ":", ";", "!", "?",
         "...", "…", "/", "&", "#", "@", "<", ">", "[", "]", "*"]
SPACES = [" ", " ", " ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u2028", "\u200b", "  ", "\u3000"]
ODD = st.characters(codec="utf-8")  # any character a file can hold (no lone surrogates)

capitalised = st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True)
shouted = st.from_regex(r"[A-Z]{2,5}", fullmatch=True)
piece = st.one_of(
    st.sampled_from(PLACES), st.sampled_from(PLACES), st.sampled_from(WORDS), st.sampled_from(WORDS),
    capitalised, shouted, st.sampled_from(PUNCT), ODD, st.text(ODD, max_size=3),
    st.sampled_from(PLACES).map(str.upper), st.sampled_from(PLACES).map(str.lower),
)
newsy_text = st.lists(st.tuples(piece, st.sampled_from(SPACES + ["", ""])), max_size=60).map(
    lambda parts: "".join(word + space for word, space in parts))
arbitrary_text = st.text(ODD, max_size=400)


# --- properties --------------------------------------------------------------------------


def check(pipeline: Pipeline, text: str) -> dict:
    """Parse `text` and check the invariants; return the output for comparison."""
    parsed = pipeline.parse(Article(id="a", text=text, date=None))
    for resolved in parsed.mentions:
        m = resolved.mention
        assert 0 <= m.start < m.end <= len(text), (m, text)
        assert text[m.start:m.end] == m.text, (m, text)
        assert resolved.sentence in text
        assert 0.0 <= resolved.confidence <= 1.0
    for event in parsed.events:
        assert event.sentence in text
        for resolved in event.places:
            m = resolved.mention
            assert text[m.start:m.end] == m.text, (m, text)
    note("mentions: " + ("none" if not parsed.mentions else "1-2" if len(parsed.mentions) < 3 else "3+"))
    note("events: " + ("none" if not parsed.events else "some"))
    record = article_record(parsed)
    events = [[e.type, e.trigger, e.sentence, e.actors, e.date and e.date.value,
               [(r.mention.start, r.mention.end, r.place and r.place.id) for r in e.places]]
              for e in parsed.events]
    output = {"record": record, "events": events}
    json.dumps(output, allow_nan=False, ensure_ascii=False).encode("utf-8")  # no NaN, no lone surrogate
    return output


@examples("arbitrary")
@given(text=arbitrary_text)
def test_arbitrary_unicode(pipeline, text):
    check(pipeline, text)


@examples("newsy")
@given(text=newsy_text)
def test_places_words_punctuation_and_unicode(pipeline, text):
    check(pipeline, text)


@examples("twice")
@given(text=st.one_of(newsy_text, arbitrary_text))
def test_same_output_when_run_twice(pipeline, text):
    assert check(pipeline, text) == check(pipeline, text)


@examples("jsonl")
@given(text=st.one_of(newsy_text, arbitrary_text), title=st.text(max_size=20))
def test_jsonl_keeps_text_and_offsets(pipeline, tmp_path_factory, text, title):
    """Through a JSONL file and the reader: the text comes back as written, so offsets stay valid."""
    path = tmp_path_factory.mktemp("jsonl") / "a.jsonl"
    path.write_text(json.dumps({"id": "x", "text": text, "title": title}) + "\n", encoding="utf-8")
    problems = []
    articles = list(read_articles([path], problems.append))
    assert problems == [] and len(articles) == 1
    assert articles[0].text == text and articles[0].title == title
    record = check(pipeline, articles[0].text)["record"]
    for mention in record["mentions"]:
        assert text[mention["start"]:mention["end"]] == mention["text"]


json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(ODD, max_size=30),
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                      max_size=3), max_leaves=8)
json_line = st.one_of(
    st.fixed_dictionaries({}, optional={"id": json_value, "text": st.one_of(newsy_text, json_value),
                                        "title": json_value, "url": json_value, "date": json_value}).map(json.dumps),
    json_value.map(json.dumps), st.text(ODD, max_size=40))
file_bytes = st.one_of(
    st.binary(max_size=600),
    st.tuples(st.one_of(newsy_text, arbitrary_text),
              st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1"])).map(
        lambda t: t[0].encode(t[1], errors="replace")),
    st.lists(json_line, max_size=6).map(lambda lines: "\n".join(lines).encode("utf-8", errors="surrogatepass")),
    st.lists(st.lists(st.one_of(st.sampled_from(["id", "text", "title", "date", "url"]), newsy_text), max_size=5),
             max_size=5).map(lambda rows: "\n".join(",".join(r) for r in rows).encode()),
    st.tuples(st.sampled_from(["<html><body><p>", "<script>", "<article><h1>", "<meta charset=\"latin-1\">"]),
              newsy_text).map(lambda t: (t[0] + t[1] + "</p></body></html>").encode("utf-8")),
)


@examples("files")
@given(data=file_bytes, suffix=st.sampled_from([".txt", ".jsonl", ".csv", ".html", ".md"]))
def test_any_file_is_read_or_reported(pipeline, tmp_path_factory, data, suffix):
    """Whatever the bytes: the readers never raise, each problem is one line, every article is text
    that any file can hold, and the pipeline takes it."""
    path = tmp_path_factory.mktemp("files") / f"input{suffix}"
    path.write_bytes(data)
    problems: list[Problem] = []
    for article in read_articles([path], problems.append):
        for value in (article.id, article.text, article.title, article.url):
            assert isinstance(value, str)
            value.encode("utf-8")  # no lone surrogates
        check(pipeline, article.text)
    for problem in problems:
        line = str(problem)
        assert "\n" not in line and "\r" not in line and "\x1b" not in line and len(line) < 1000
