#!/usr/bin/env python3
"""Independent geoparsing scorer, to cross-check `geo evaluate`.

Usage: python benchmarks/score_jsonl.py GOLD.jsonl PRED.jsonl

GOLD.jsonl: articles {"id", "text", "toponyms": [{"start", "end", "name", "lat", "lon"}]}.
PRED.jsonl: `geo parse` output, {"id", "mentions": [{"start", "end", "lat", "lon", ...}]}.

Standard library only and deliberately written apart from geo/evaluate.py
(different loops and formulas) so that the two can check each other. The
matching rules are the same ones:

* exact match: same (start, end), one-to-one;
* overlap match: one-to-one, repeatedly take the still-free (gold, prediction)
  pair with the largest character overlap; ties go to the smaller boundary
  difference |start_g - start_p| + |end_g - end_p|, then the earlier gold
  toponym, then the earlier prediction (file order);
* resolution metrics over overlap matches with coordinates on both sides,
  Acc@161 counts errors <= 161 km, AUC = mean(log(1 + km)) / log(20039);
* end-to-end Acc@161 over all gold toponyms with coordinates.

Prints the same nested JSON as `EvaluationReport.to_dict()`.
"""
import json
import math
import sys

RADIUS_KM = 6371.0088


def load(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                rows.append(json.loads(line))
    return rows


def latlon(d):
    if d.get("lat") is None or d.get("lon") is None:
        return None
    return (float(d["lat"]), float(d["lon"]))


def great_circle_km(a, b):
    """Haversine distance written with atan2."""
    lat1, lon1 = math.radians(a[0]), math.radians(a[1])
    lat2, lon2 = math.radians(b[0]), math.radians(b[1])
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    h = min(max(h, 0.0), 1.0)
    return 2 * RADIUS_KM * math.atan2(math.sqrt(h), math.sqrt(1 - h))


def count_exact(gold, pred):
    taken = [False] * len(pred)
    n = 0
    for g in gold:
        for j, p in enumerate(pred):
            if not taken[j] and p["start"] == g["start"] and p["end"] == g["end"]:
                taken[j] = True
                n += 1
                break
    return n


def match_overlap(gold, pred):
    """Return {gold index: prediction index} by repeated best-pair selection."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            lo = max(g["start"], p["start"])
            hi = min(g["end"], p["end"])
            if hi > lo:
                slack = abs(g["start"] - p["start"]) + abs(g["end"] - p["end"])
                pairs.append((hi - lo, slack, i, j))
    matched = {}
    used_pred = set()
    while True:
        best = None
        for overlap, slack, i, j in pairs:
            if i in matched or j in used_pred:
                continue
            if (best is None or overlap > best[0]
                    or (overlap == best[0] and (slack, i, j) < (best[1], best[2], best[3]))):
                best = (overlap, slack, i, j)
        if best is None:
            return matched
        matched[best[2]] = best[3]
        used_pred.add(best[3])


def middle(values):
    s = sorted(values)
    n = len(s)
    if n % 2:
        return s[n // 2]
    return (s[n // 2 - 1] + s[n // 2]) / 2


def main(gold_path, pred_path):
    gold_articles = load(gold_path)
    predictions = {}
    for rec in load(pred_path):
        predictions.setdefault(str(rec["id"]), []).extend(rec.get("mentions") or [])

    n_gold = n_coords = n_pred = tp_exact = tp_overlap = 0
    distances = []
    e2e_correct = 0
    gold_ids = set()
    for art in gold_articles:
        aid = str(art["id"])
        gold_ids.add(aid)
        gold = [dict(t, start=int(t["start"]), end=int(t["end"])) for t in art.get("toponyms") or []]
        pred = [dict(m, start=int(m["start"]), end=int(m["end"])) for m in predictions.get(aid, [])]
        n_gold += len(gold)
        n_pred += len(pred)
        tp_exact += count_exact(gold, pred)
        link = match_overlap(gold, pred)
        tp_overlap += len(link)
        for i, g in enumerate(gold):
            gc = latlon(g)
            if gc is None:
                continue
            n_coords += 1
            if i not in link:
                continue
            pc = latlon(pred[link[i]])
            if pc is None:
                continue
            km = great_circle_km(gc, pc)
            distances.append(km)
            if km <= 161:
                e2e_correct += 1

    def prf(tp):
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * tp / (n_pred + n_gold) if tp else 0.0
        return {"precision": p, "recall": r, "f1": f}

    k = len(distances)
    within = sum(km <= 161 for km in distances)
    return {
        "counts": {
            "articles": len(gold_articles),
            "gold_toponyms": n_gold,
            "gold_with_coords": n_coords,
            "predicted_mentions": n_pred,
            "tp_exact": tp_exact,
            "tp_overlap": tp_overlap,
            "resolved_matches": k,
            "resolved_within_161": within,
            "extra_articles": len(set(predictions) - gold_ids),
        },
        "recognition": {"exact": prf(tp_exact), "overlap": prf(tp_overlap)},
        "resolution": {
            "matched_with_coords": k,
            "accuracy_161": within / k if k else None,
            "median_error_km": middle(distances) if k else None,
            "mean_error_km": sum(distances) / k if k else None,
            "auc": (sum(math.log(1 + km) for km in distances) / math.log(20039) / k) if k else None,
        },
        "end_to_end": {
            "gold_with_coords": n_coords,
            "accuracy_161": e2e_correct / n_coords if n_coords else None,
        },
    }


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    print(json.dumps(main(sys.argv[1], sys.argv[2]), indent=2, sort_keys=True))
