"""The engines (geo/engines.py): a process pool and Dask give what one process gives, in order."""
from __future__ import annotations

import functools
import json
import random
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from nominatim_server import FakeNominatim, _result

from geo.cli import main
from geo.engines import PipelineRecipe, parse_stream, resume_ids
from geo.geocode import Geocoder
from geo.model import Article, ParsedArticle
from geo.pipeline import Pipeline, article_record

CITIES = [("Kabul", "Afghanistan"), ("Lagos", "Nigeria"), ("Lyon", "France"), ("Karachi", "Pakistan"),
          ("Mombasa", "Kenya"), ("Cusco", "Peru"), ("Osaka", "Japan"), ("Gdansk", "Poland"),
          ("Kharkiv", "Ukraine"), ("Mosul", "Iraq"), ("Hanoi", "Vietnam"), ("Porto", "Portugal")]
TEMPLATES = [
    "{a} met officials in {c1} on {day}, {n1} said, before talks moved to {c2}.",
    "Troops were deployed from {c1} to {c2} on {day}, according to the ministry of {n2}.",
    "Thousands protested in {c1}, {n1}, on {day}. Police in {c2} reported no arrests.",
    "An earthquake struck near {c2}, {n2}, on {day}. Aid arrived from {c1} within hours.",
    "The governments of {n1} and {n2} signed an agreement in {c1} on {day}.",
]
PEOPLE = ["The minister", "A spokesman", "Delegates", "The envoy", "Officials", "The French minister"]
FILLER = ["Markets were calm.", "The talks are expected to continue next week.",
          "Analysts said the decision was long overdue.", "No further details were given."]


def make_corpus(n: int = 50, seed: int = 7, extra: str = "") -> list[Article]:
    """`n` short news-like articles from templates with real place names (deterministic)."""
    rng = random.Random(seed)
    articles = []
    for i in range(n):
        (c1, n1), (c2, n2) = rng.sample(CITIES, 2)
        published = date(2024, 1, 1) + timedelta(days=rng.randrange(300))
        sentences = [rng.choice(TEMPLATES).format(a=rng.choice(PEOPLE), c1=c1, c2=c2, n1=n1, n2=n2,
                                                  day=rng.choice(["Monday", "Tuesday", "Friday"]))
                     for _ in range(rng.randint(2, 4))]
        sentences += rng.sample(FILLER, 2)
        if extra and i % 4 == 0:
            sentences.insert(1, extra)
        rng.shuffle(sentences)
        articles.append(Article(id=f"a{i:03d}", text=" ".join(sentences), title=sentences[0], date=published))
    return articles


def full_record(parsed: ParsedArticle) -> dict:
    """Everything the pipeline found, events included, as plain data."""
    record = article_record(parsed)
    record["sentences"] = [m.sentence for m in parsed.mentions]
    record["events"] = [(e.id, e.type, e.trigger, e.date and e.date.value,
                         [(p.mention.start, p.place and p.place.id) for p in e.places])
                        for e in parsed.events]
    return record


@pytest.fixture(scope="module")
def corpus() -> list[Article]:
    return make_corpus(50)


@pytest.fixture(scope="module")
def serial(gazetteer, corpus) -> list[dict]:
    return [full_record(p) for p in parse_stream(corpus, workers=1, gazetteer_path=gazetteer.path)]


def test_the_corpus_has_places_and_events(serial):
    assert sum(len(r["mentions"]) for r in serial) > 150
    assert sum(len(r["events"]) for r in serial) > 20
    assert all(m["place_id"] for r in serial for m in r["mentions"])


def test_two_local_workers_give_what_one_gives_in_order(gazetteer, corpus, serial):
    stream = parse_stream(iter(corpus), workers=2, gazetteer_path=gazetteer.path, chunk_size=4)
    assert [full_record(p) for p in stream] == serial


def test_workers_can_return_records_only(gazetteer, corpus, serial):
    records = list(parse_stream(corpus, workers=2, gazetteer_path=gazetteer.path, chunk_size=8,
                                transform=article_record, events=False))
    assert records == [{"id": r["id"], "mentions": r["mentions"]} for r in serial]


def test_an_input_error_midway_comes_after_the_articles_before_it(gazetteer, corpus, serial):
    def articles():
        yield from corpus[:21]
        raise ValueError("line 22 is broken")

    seen = []
    with pytest.raises(ValueError, match="line 22"):
        for parsed in parse_stream(articles(), workers=2, gazetteer_path=gazetteer.path, chunk_size=4):
            seen.append(full_record(parsed))
    assert seen == serial[:21]


def _slow_to_start(gazetteer_path: Path) -> Pipeline:
    """A worker's pipeline that takes a second to build (a cold machine, a remote cluster)."""
    time.sleep(1.0)
    return Pipeline.default(gazetteer_path)


def test_this_process_parses_while_the_workers_start(gazetteer, corpus, serial):
    pipeline = Pipeline.default(gazetteer.path)
    parsed_here = []
    recognise = pipeline.recognise
    pipeline.recognise = lambda text: parsed_here.append(text) or recognise(text)
    stream = parse_stream(corpus, workers=2, pipeline=pipeline, chunk_size=4,
                          worker_pipeline=functools.partial(_slow_to_start, gazetteer.path))
    assert [full_record(p) for p in stream] == serial
    # the workers got the first six chunks; this process took the next six while they slept
    assert len(parsed_here) == 24
    assert parsed_here[0] == corpus[24].text


def test_dask_local_cluster_gives_what_the_local_engine_gives(gazetteer, corpus, serial):
    pytest.importorskip("distributed")
    stream = parse_stream(corpus, engine="dask", workers=2, gazetteer_path=gazetteer.path, chunk_size=8)
    assert [full_record(p) for p in stream] == serial


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:9", "not-an-address"])
def test_a_scheduler_out_of_reach_is_one_line_and_exit_2(gazetteer, tmp_path, monkeypatch, address):
    dask = pytest.importorskip("dask")
    monkeypatch.setenv("GEO_GAZETTEER", str(gazetteer.path))
    source = tmp_path / "in.jsonl"
    _write_jsonl(source, make_corpus(3))
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        result = CliRunner().invoke(main, ["parse", str(source), "--scheduler", address, "--no-geocoder", "--quiet"])
    assert result.exit_code == 2
    assert result.output.startswith(f"geo: no Dask scheduler at {address} (")
    assert "Traceback" not in result.output


# --- resume -----------------------------------------------------------------------


def _write_jsonl(path: Path, articles: list[Article]) -> None:
    path.write_text("".join(json.dumps({"id": a.id, "text": a.text, "date": a.date.isoformat()}) + "\n"
                            for a in articles), encoding="utf-8")


def _geo_parse(*args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["parse", *args, "--no-geocoder", "--quiet"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_resume_skips_done_ids_and_drops_a_cut_line(gazetteer, tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_GAZETTEER", str(gazetteer.path))
    corpus = make_corpus(200)  # more than one chunk of 64 after resuming, so the pool runs
    source, fresh, out = tmp_path / "in.jsonl", tmp_path / "fresh.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(source, corpus)
    _geo_parse(str(source), "-o", str(fresh), "--workers", "1")
    expected = fresh.read_text(encoding="utf-8").splitlines()
    assert len(expected) == len(corpus)

    # An interrupted run: 17 complete lines and half of the 18th.
    out.write_text("\n".join(expected[:17]) + "\n" + expected[17][:25], encoding="utf-8")
    _geo_parse(str(source), "-o", str(out), "--resume", "--workers", "2")
    assert out.read_text(encoding="utf-8").splitlines() == expected

    # Resuming a finished run changes nothing and is not an error.
    _geo_parse(str(source), "-o", str(out), "--resume", "--workers", "2")
    assert out.read_text(encoding="utf-8").splitlines() == expected


def test_geo_parse_with_workers_keeps_the_options_of_one_process(gazetteer, tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_GAZETTEER", str(gazetteer.path))
    corpus = make_corpus(200)
    source = tmp_path / "in.jsonl"
    _write_jsonl(source, corpus)
    one = _geo_parse(str(source), "--workers", "1", "--demonyms").output
    two = _geo_parse(str(source), "--workers", "2", "--demonyms").output
    assert two == one
    assert '"signal": "demonym"' in one  # so the option did reach the workers


def test_the_worker_recipe_copies_the_parent_pipeline(gazetteer, corpus):
    pipeline = Pipeline.default(gazetteer.path, events=False, demonyms=True)
    recipe = PipelineRecipe.like(pipeline)
    assert recipe == PipelineRecipe(gazetteer.path, events=False, demonyms=True)
    assert [article_record(recipe().parse(a)) for a in corpus[:5]] == \
        [article_record(pipeline.parse(a)) for a in corpus[:5]]


def test_resume_ids_truncates_only_a_partial_last_line(tmp_path):
    path = tmp_path / "out.jsonl"
    assert resume_ids(path) == set()
    path.write_bytes(b'{"id": "a", "mentions": []}\n{"id": "b", "mentions": []}\n{"id": "c", "men')
    assert resume_ids(path) == {"a", "b"}
    assert path.read_bytes() == b'{"id": "a", "mentions": []}\n{"id": "b", "mentions": []}\n'
    assert resume_ids(path) == {"a", "b"}


def test_resume_needs_an_output_file(tmp_path):
    source = tmp_path / "in.jsonl"
    _write_jsonl(source, make_corpus(2))
    result = CliRunner().invoke(main, ["parse", str(source), "--resume", "--no-geocoder"])
    assert result.exit_code == 2


# --- the geocoder stays in the parent ----------------------------------------------


ZARNOVIA = "Officials travelled to Zarnovia, Poland, on Monday."


def _geocoding_run(tmp_path: Path, name: str, gazetteer, articles, workers: int):
    zarnovia = _result(9001, "node", 9001, 50.1, 19.9, "Zarnovia, Poland", "place", "town", 0.3, "pl", "Poland")
    server = FakeNominatim(places={"zarnovia, poland": [zarnovia]}).start()
    try:
        geocoder = Geocoder(tmp_path / f"{name}.sqlite", base_url=server.url, timeout=2,
                            min_delay_seconds=0.0, max_retries=0)
        pipeline = Pipeline.default(gazetteer.path, geocoder)
        records = [full_record(p) for p in parse_stream(articles, workers=workers, pipeline=pipeline,
                                                        chunk_size=3)]
        return records, len(server.requests)
    finally:
        server.stop()


def test_workers_leave_the_geocoder_to_the_parent(gazetteer, tmp_path):
    articles = make_corpus(24, seed=3, extra=ZARNOVIA)
    for i in (5, 11, 17):
        articles.insert(i, Article(id=f"z{i}", text=ZARNOVIA + " Talks went on in Warsaw."))
    serial, serial_requests = _geocoding_run(tmp_path, "serial", gazetteer, articles, workers=1)
    pooled, pooled_requests = _geocoding_run(tmp_path, "pooled", gazetteer, articles, workers=2)
    sources = [m["source"] for r in serial for m in r["mentions"] if m["text"] == "Zarnovia"]
    # "Zarnovia, Poland" is one question wherever it stands: asked once, then answered by the cache
    assert len(sources) > 3 and sources[0] == "geocoder" and set(sources[1:]) == {"cache"}
    assert serial_requests == 1
    assert pooled == serial
    assert pooled_requests == serial_requests
