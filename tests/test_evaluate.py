"""Tests for geo/evaluate.py and its independent twin benchmarks/score_jsonl.py.

All articles here are invented for the tests.
"""
from __future__ import annotations

import ast
import json
import math
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

from geo.evaluate import (
    EARTH_RADIUS_KM,
    GoldError,
    auc_of_errors,
    errors,
    format_table,
    haversine_km,
    predictions_by_id,
    read_gold,
    score,
)

SCRIPT = ROOT / "benchmarks" / "score_jsonl.py"
KM_PER_DEG_LAT = math.pi * EARTH_RADIUS_KM / 180  # ~111.2 km


def topo(text: str, name: str, lat: float | None, lon: float | None, nth: int = 0) -> dict:
    """Gold toponym for the nth occurrence of `name` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return {"start": start, "end": start + len(name), "name": name, "lat": lat, "lon": lon}


def pred(start: int, end: int, lat: float | None = None, lon: float | None = None, text: str = "") -> dict:
    return {"start": start, "end": end, "text": text, "name": text, "lat": lat, "lon": lon}


# ---------------------------------------------------------------- geometry


def test_haversine_paris_london():
    km = haversine_km(48.8566, 2.3522, 51.5074, -0.1278)
    assert km == pytest.approx(343.5, abs=1.0)
    assert haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(km)


def test_haversine_zero_and_antipodes():
    assert haversine_km(10.0, 20.0, 10.0, 20.0) == 0.0
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(math.pi * EARTH_RADIUS_KM)
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(KM_PER_DEG_LAT)


def test_auc_formula():
    errs = [0.0, 10.0, 1000.0]
    expected = sum(math.log(1 + e) for e in errs) / len(errs) / math.log(20039)
    assert auc_of_errors(errs) == pytest.approx(expected)
    assert auc_of_errors([0.0, 0.0]) == 0.0
    assert auc_of_errors([]) is None


# ---------------------------------------------------------------- recognition

TEXT = "Storms hit New Albany and Port Elm, then moved north to New Albany again."


def test_exact_vs_overlap_matching():
    gold = [{"id": "a", "text": TEXT, "toponyms": [
        topo(TEXT, "New Albany", 38.3, -85.8),
        topo(TEXT, "Port Elm", 10.0, 10.0),
    ]}]
    na, pe = gold[0]["toponyms"]
    predicted = {"a": [
        pred(na["start"] + 4, na["end"], text="Albany"),  # partial: overlap only
        pred(pe["start"], pe["end"], text="Port Elm"),  # exact
    ]}
    r = score(gold, predicted)
    assert (r.tp_exact, r.tp_overlap) == (1, 2)
    assert r.precision_exact == pytest.approx(0.5)
    assert r.recall_exact == pytest.approx(0.5)
    assert r.f1_exact == pytest.approx(0.5)
    assert r.precision_overlap == r.recall_overlap == r.f1_overlap == pytest.approx(1.0)


def test_overlap_is_one_to_one():
    text = "Visitors crowd Lake Marin City each summer."
    gold = [{"id": "a", "text": text, "toponyms": [topo(text, "Lake Marin City", 1.0, 1.0)]}]
    g = gold[0]["toponyms"][0]
    predicted = {"a": [
        pred(g["start"], g["start"] + len("Lake Marin"), text="Lake Marin"),
        pred(g["start"] + len("Lake "), g["end"], text="Marin City"),
    ]}
    r = score(gold, predicted)
    assert r.tp_overlap == 1 and r.tp_exact == 0
    assert r.precision_overlap == pytest.approx(0.5)
    assert r.recall_overlap == pytest.approx(1.0)
    fps = errors(gold, predicted)["false_positives"]
    assert len(fps) == 1


def test_duplicate_exact_predictions_count_once():
    gold = [{"id": "a", "text": TEXT, "toponyms": [topo(TEXT, "Port Elm", None, None)]}]
    g = gold[0]["toponyms"][0]
    predicted = {"a": [pred(g["start"], g["end"]), pred(g["start"], g["end"])]}
    r = score(gold, predicted)
    assert (r.tp_exact, r.tp_overlap, r.predicted_mentions) == (1, 1, 2)


def test_greedy_prefers_largest_overlap():
    text = "x" * 30
    gold = [{"id": "a", "text": text, "toponyms": [
        {"start": 0, "end": 10, "name": text[0:10], "lat": 0.0, "lon": 0.0},
        {"start": 12, "end": 20, "name": text[12:20], "lat": 0.0, "lon": 50.0},
    ]}]
    # Overlaps the first gold by 5 chars and the second by 3: goes to the first.
    predicted = {"a": [pred(5, 15, 0.0, 0.0)]}
    r = score(gold, predicted)
    assert r.tp_overlap == 1
    assert r.errors_km == [0.0]
    assert [m["start"] for m in errors(gold, predicted)["misses"]] == [12]


def test_missing_article_predicts_nothing():
    gold = [
        {"id": "a", "text": TEXT, "toponyms": [topo(TEXT, "Port Elm", 1.0, 1.0)]},
        {"id": "b", "text": TEXT, "toponyms": [topo(TEXT, "New Albany", 1.0, 1.0)]},
    ]
    g = gold[0]["toponyms"][0]
    predicted = {"a": [pred(g["start"], g["end"], 1.0, 1.0)], "zzz": [pred(0, 3)]}
    r = score(gold, predicted)
    assert r.articles == 2
    assert r.gold_toponyms == 2
    assert r.predicted_mentions == 1  # "zzz" is not in the gold: ignored
    assert r.extra_articles == 1
    assert r.recall_overlap == pytest.approx(0.5)
    assert r.precision_overlap == pytest.approx(1.0)


def test_empty_inputs():
    r = score([], {})
    assert r.precision_exact == r.recall_overlap == r.f1_overlap == 0.0
    assert r.accuracy_161 is None and r.end_to_end_accuracy_161 is None
    assert r.median_error_km is None and r.auc is None
    json.dumps(r.to_dict())
    assert "n/a" in format_table(r)


# ---------------------------------------------------------------- resolution


def _resolution_case() -> tuple[list[dict], dict[str, list[dict]]]:
    """Four gold toponyms with coordinates and one without:

    - "New Albany" (1st): predicted 1 degree of latitude off (~111 km, correct)
    - "Port Elm": predicted 3 degrees off (~334 km, wrong)
    - "New Albany" (2nd): matched but unresolved (wrong end to end)
    - "Dunmore": missed (wrong end to end)
    - "Greyfold": gold has no coordinates; predicted with coordinates
    """
    text = TEXT + " Later Dunmore and Greyfold."
    gold = [{"id": "r", "text": text, "toponyms": [
        topo(text, "New Albany", 40.0, -80.0),
        topo(text, "Port Elm", 20.0, 30.0),
        topo(text, "New Albany", 40.0, -80.0, nth=1),
        topo(text, "Dunmore", 50.0, 5.0),
        topo(text, "Greyfold", None, None),
    ]}]
    na1, pe, na2, _, gf = gold[0]["toponyms"]
    predicted = {"r": [
        pred(na1["start"], na1["end"], 41.0, -80.0, "New Albany"),
        pred(pe["start"], pe["end"], 23.0, 30.0, "Port Elm"),
        pred(na2["start"], na2["end"], None, None, "New Albany"),
        pred(gf["start"], gf["end"], 7.0, 7.0, "Greyfold"),
        pred(0, 6, 0.0, 0.0, "Storms"),  # false positive
    ]}
    return gold, predicted


def test_accuracy_161_and_errors():
    gold, predicted = _resolution_case()
    r = score(gold, predicted)
    assert r.gold_toponyms == 5 and r.gold_with_coords == 4
    assert r.tp_exact == r.tp_overlap == 4
    assert r.resolved_matches == 2
    assert r.resolved_within_161 == 1
    assert r.accuracy_161 == pytest.approx(0.5)
    e1, e3 = KM_PER_DEG_LAT, 3 * KM_PER_DEG_LAT
    assert sorted(r.errors_km) == pytest.approx([e1, e3])
    assert r.median_error_km == pytest.approx((e1 + e3) / 2)
    assert r.mean_error_km == pytest.approx((e1 + e3) / 2)
    assert r.auc == pytest.approx((math.log(1 + e1) + math.log(1 + e3)) / 2 / math.log(20039))


def test_end_to_end_counts_missed_and_unresolved_as_wrong():
    gold, predicted = _resolution_case()
    r = score(gold, predicted)
    # 1 correct out of 4 gold toponyms with coordinates.
    assert r.end_to_end_accuracy_161 == pytest.approx(0.25)
    d = r.to_dict()
    assert d["end_to_end"] == {"gold_with_coords": 4, "accuracy_161": pytest.approx(0.25)}
    assert d["resolution"]["matched_with_coords"] == 2


def test_errors_listing():
    gold, predicted = _resolution_case()
    out = errors(gold, predicted, worst=1)
    assert [fp["text"] for fp in out["false_positives"]] == ["Storms"]
    assert [m["text"] for m in out["misses"]] == ["Dunmore"]
    assert [u["text"] for u in out["unresolved"]] == ["New Albany"]
    (w,) = out["worst_resolutions"]
    assert w["text"] == "Port Elm" and w["article_id"] == "r"
    assert w["error_km"] == pytest.approx(3 * KM_PER_DEG_LAT)
    assert (w["gold_lat"], w["pred_lat"]) == (20.0, 23.0)
    assert w["left"].endswith("New Albany and ")
    assert w["right"].startswith(", then moved")
    miss = out["misses"][0]
    assert miss["left"] == gold[0]["text"][miss["start"] - 80 : miss["start"]]
    assert len(errors(gold, predicted)["worst_resolutions"]) == 2


def test_format_table_and_to_dict():
    gold, predicted = _resolution_case()
    r = score(gold, predicted)
    table = format_table(r)
    for needle in ("exact spans", "overlapping spans", "Acc@161", "AUC", "0.250", "0.500"):
        assert needle in table
    d = json.loads(json.dumps(r.to_dict()))
    assert d["counts"]["tp_overlap"] == 4
    assert d["recognition"]["overlap"]["precision"] == pytest.approx(4 / 5)


def test_predictions_by_id():
    records = [{"id": "a", "mentions": [pred(0, 1)]}, {"id": "b", "mentions": []},
               {"id": "a", "mentions": [pred(2, 3)]}]
    assert {k: len(v) for k, v in predictions_by_id(records).items()} == {"a": 2, "b": 0}


# ---------------------------------------------------------------- independent scorer


def test_script_uses_only_the_standard_library():
    tree = ast.parse(SCRIPT.read_text(encoding="utf-8"))
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            modules.add((node.module or "").split(".")[0])
    assert modules and modules <= set(sys.stdlib_module_names)


def _random_corpus(seed: int) -> tuple[list[dict], list[dict]]:
    """Random articles with crowded, overlapping spans to stress tie-breaking."""
    rng = random.Random(seed)
    gold, preds = [], []
    for k in range(25):
        text = "".join(rng.choice("abc ") for _ in range(120))
        toponyms = []
        for _ in range(rng.randint(0, 8)):
            s = rng.randint(0, 110)
            e = s + rng.randint(1, 10)
            coords = (None, None) if rng.random() < 0.15 else (rng.uniform(-60, 60), rng.uniform(-179, 179))
            toponyms.append({"start": s, "end": e, "name": text[s:e], "lat": coords[0], "lon": coords[1]})
        gold.append({"id": f"doc{k}", "text": text, "toponyms": toponyms})
        if rng.random() < 0.1:
            continue  # article absent from the predictions
        mentions = []
        for t in toponyms:
            if rng.random() < 0.7:
                s = max(0, t["start"] + rng.choice([0, 0, -1, 1, -2]))
                e = max(s + 1, t["end"] + rng.choice([0, 0, 1, -1, 2]))
                if rng.random() < 0.2:
                    lat = lon = None
                else:
                    lat = (t["lat"] if t["lat"] is not None else 0.0) + rng.choice([0.0, 0.5, 1.2, 4.0, 30.0])
                    lon = t["lon"] if t["lon"] is not None else 0.0
                mentions.append(pred(s, e, lat, lon, text[s:e]))
        for _ in range(rng.randint(0, 3)):
            s = rng.randint(0, 110)
            e = s + rng.randint(1, 8)
            mentions.append(pred(s, e, rng.uniform(-60, 60), rng.uniform(-179, 179), text[s:e]))
        rng.shuffle(mentions)
        preds.append({"id": f"doc{k}", "mentions": mentions})
    preds.append({"id": "not-in-gold", "mentions": [pred(0, 2)]})
    return gold, preds


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _assert_same(a, b, where: str = "") -> None:
    if isinstance(a, dict):
        assert isinstance(b, dict) and set(a) == set(b), where
        for key in a:
            _assert_same(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, float) or isinstance(b, float):
        assert a == pytest.approx(b, rel=1e-9, abs=1e-9), where
    else:
        assert a == b, where


@pytest.mark.parametrize("case", ["hand", "random1", "random2"])
def test_script_agrees_with_score(tmp_path, case):
    if case == "hand":
        gold, predicted = _resolution_case()
        preds = [{"id": k, "mentions": v} for k, v in predicted.items()]
    else:
        gold, preds = _random_corpus(int(case[-1]))
    _write_jsonl(tmp_path / "gold.jsonl", gold)
    _write_jsonl(tmp_path / "pred.jsonl", preds)
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "gold.jsonl"), str(tmp_path / "pred.jsonl")],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    )
    theirs = json.loads(done.stdout)
    ours = score(gold, predictions_by_id(preds)).to_dict()
    _assert_same(ours, theirs)
    if case != "hand":  # the random corpus really exercises the metrics
        assert 0 < ours["counts"]["tp_exact"] < ours["counts"]["tp_overlap"]
        assert ours["resolution"]["matched_with_coords"] > 10


# ---------------------------------------------------------------- reading a gold corpus


def test_read_gold_gives_missing_ids_the_ids_geo_parse_gives(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text('{"text": "Rain in Lyon.", "toponyms": [{"start": 8, "end": 12, "lat": 45.75, "lon": 4.85}]}\n'
                      "\n"
                      '{"id": 7, "text": "Nothing here."}\n', encoding="utf-8")
    first, second = read_gold(corpus)
    assert (first["id"], second["id"]) == ("news:1", "7")
    assert second["toponyms"] == []
    from geo.sources import read_articles
    assert [a.id for a in read_articles([corpus])] == ["news:1", "7"]


@pytest.mark.parametrize("line, reason", [
    ("{not json", "news.jsonl:2: not JSON"),
    ('["a list"]', "news.jsonl:2: not a JSON object with a string 'text'"),
    ('{"text": "In Paris.", "toponyms": {"start": 3}}', "'toponyms' is not a list"),
    ('{"text": "In Paris.", "toponyms": [{"start": 3, "end": 80}]}', "toponym 1: span 3-80 is not inside the text"),
    ('{"text": "In Paris.", "toponyms": [{"start": "3", "end": 8}]}', "'start' and 'end' must be integers"),
    ('{"text": "In Paris.", "toponyms": [{"start": 3, "end": 8, "lat": 48.9}]}', "only one of 'lat' and 'lon'"),
    ('{"text": "In Paris.", "toponyms": [{"start": 3, "end": 8, "lat": 148.9, "lon": 2}]}', "not a point on Earth"),
])
def test_a_gold_corpus_that_cannot_be_scored_says_where_and_why(tmp_path, line, reason):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text('{"text": "Fine."}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=re.escape(reason)):
        read_gold(corpus)


def test_geo_evaluate_on_a_broken_corpus_is_one_line_and_exit_2(tmp_path):
    from click.testing import CliRunner
    from geo.cli import main
    corpus = tmp_path / "news.jsonl"
    corpus.write_text('{"text": "In Paris.", "toponyms": [{"start": 3, "end": 80}]}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(corpus), "--no-geocoder"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"geo: {corpus}:1: toponym 1: span 3-80 is not inside the text (9 characters); nothing scored"]
