"""Scoring for `geo evaluate`: compare predicted mentions with gold toponyms.

Pure functions, independent of the rest of the pipeline. Metrics follow
Gritta et al. (2018), "What's missing in geographical parsing?" and
"A pragmatic guide to geoparsing evaluation":

* Recognition precision / recall / F1, with exact spans (same start and end)
  and with overlapping spans.
* Resolution on overlap-matched toponyms where gold and prediction both have
  coordinates: Accuracy@161 km (error <= 161 km), median and mean error, and
  the AUC of the error curve, mean(log(1 + error_km)) / log(20039) (lower is
  better).
* End-to-end Accuracy@161 over every gold toponym with coordinates; a missed
  toponym, or a matched one without predicted coordinates, counts as wrong.

Inputs
------
gold
    Articles ``{"id", "text", "toponyms": [{"start", "end", "name", "lat", "lon"}]}``
    (the evaluation corpus format); ``lat``/``lon`` may be null.
predicted
    ``{article_id: [mention, ...]}`` where each mention is a dict as written by
    ``geo parse``: ``{"start", "end", "text", "name", "lat", "lon", ...}``;
    ``lat``/``lon`` may be null. Articles missing here predicted nothing;
    predictions for ids not in the gold are ignored (and counted).

Matching
--------
Both matchings are one-to-one within an article: each gold toponym matches at
most one prediction and each prediction at most one gold toponym.

* Exact: same ``(start, end)``; duplicate spans pair off one by one.
* Overlap: spans sharing at least one character. Matching is greedy: all
  overlapping (gold, prediction) pairs are taken in order of largest overlap
  in characters, then smallest boundary difference
  ``|start_g - start_p| + |end_g - end_p|``, then gold list order, then
  prediction list order; a pair is accepted when neither side is matched yet.
  Greedy is not guaranteed to maximise the number of matches, but it always
  keeps exact pairs, so exact TPs are a subset of overlap TPs.
"""
from __future__ import annotations

import json
import math
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

EARTH_RADIUS_KM = 6371.0088
ACCURACY_KM = 161.0
# Gritta et al. normalise log errors by the log of half the Earth's circumference.
AUC_MAX_KM = 20039.0
CONTEXT_CHARS = 80


# ---------------------------------------------------------------- geometry


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two WGS84 points (spherical Earth)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def auc_of_errors(errors_km: Iterable[float]) -> float | None:
    """Mean of log(1 + error_km) / log(20039); 0 is perfect, None when empty."""
    values = [math.log1p(e) / math.log(AUC_MAX_KM) for e in errors_km]
    return sum(values) / len(values) if values else None


def _coords(item: Mapping[str, Any]) -> tuple[float, float] | None:
    """(lat, lon) of a gold toponym or predicted mention, or None if missing."""
    lat, lon = item.get("lat"), item.get("lon")
    if lat is None or lon is None:
        return None
    return float(lat), float(lon)


# ---------------------------------------------------------------- matching


@dataclass
class _ArticleMatch:
    """How one article's predictions line up with its gold toponyms."""

    exact_tp: int
    pairs: list[tuple[int, int]]  # (gold index, prediction index), overlap matching
    missed: list[int]  # gold indexes with no overlapping match
    spurious: list[int]  # prediction indexes with no overlapping match


def _exact_matches(gold: list[dict], pred: list[dict]) -> int:
    """Number of one-to-one pairs with identical (start, end)."""
    gold_spans = Counter((int(g["start"]), int(g["end"])) for g in gold)
    pred_spans = Counter((int(p["start"]), int(p["end"])) for p in pred)
    return sum((gold_spans & pred_spans).values())


def _overlap_matches(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of overlapping spans (see module docstring)."""
    candidates = []
    for gi, g in enumerate(gold):
        gs, ge = int(g["start"]), int(g["end"])
        for pi, p in enumerate(pred):
            ps, pe = int(p["start"]), int(p["end"])
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                boundary = abs(gs - ps) + abs(ge - pe)
                candidates.append((-overlap, boundary, gi, pi))
    candidates.sort()

    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _match_article(gold: list[dict], pred: list[dict]) -> _ArticleMatch:
    pairs = _overlap_matches(gold, pred)
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    return _ArticleMatch(
        exact_tp=_exact_matches(gold, pred),
        pairs=pairs,
        missed=[i for i in range(len(gold)) if i not in matched_gold],
        spurious=[i for i in range(len(pred)) if i not in matched_pred],
    )


def _articles(
    gold: Iterable[dict], predicted: Mapping[str, list[dict]]
) -> Iterable[tuple[dict, list[dict], list[dict], _ArticleMatch]]:
    """Yield (article, gold toponyms, predicted mentions, match) per gold article."""
    for article in gold:
        toponyms = list(article.get("toponyms") or [])
        mentions = list(predicted.get(str(article["id"])) or [])
        yield article, toponyms, mentions, _match_article(toponyms, mentions)


# ---------------------------------------------------------------- report


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class EvaluationReport:
    """Counts and metrics of one evaluation run; see the module docstring."""

    articles: int = 0
    gold_toponyms: int = 0
    gold_with_coords: int = 0
    predicted_mentions: int = 0
    tp_exact: int = 0
    tp_overlap: int = 0
    resolved_matches: int = 0  # overlap-matched, coordinates on both sides
    resolved_within_161: int = 0
    median_error_km: float | None = None
    mean_error_km: float | None = None
    auc: float | None = None
    extra_articles: int = 0  # predicted article ids absent from the gold (ignored)
    errors_km: list[float] = field(default_factory=list, repr=False)

    # Recognition -----------------------------------------------------
    @property
    def precision_exact(self) -> float:
        return _ratio(self.tp_exact, self.predicted_mentions)

    @property
    def recall_exact(self) -> float:
        return _ratio(self.tp_exact, self.gold_toponyms)

    @property
    def f1_exact(self) -> float:
        return _f1(self.precision_exact, self.recall_exact)

    @property
    def precision_overlap(self) -> float:
        return _ratio(self.tp_overlap, self.predicted_mentions)

    @property
    def recall_overlap(self) -> float:
        return _ratio(self.tp_overlap, self.gold_toponyms)

    @property
    def f1_overlap(self) -> float:
        return _f1(self.precision_overlap, self.recall_overlap)

    # Resolution ------------------------------------------------------
    @property
    def accuracy_161(self) -> float | None:
        """Share of resolved matches within 161 km; None when there are none."""
        if not self.resolved_matches:
            return None
        return self.resolved_within_161 / self.resolved_matches

    @property
    def end_to_end_accuracy_161(self) -> float | None:
        """Share of all gold toponyms with coordinates resolved within 161 km."""
        if not self.gold_with_coords:
            return None
        return self.resolved_within_161 / self.gold_with_coords

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready nested dict (the `--json` output; no per-toponym errors)."""
        return {
            "counts": {
                "articles": self.articles,
                "gold_toponyms": self.gold_toponyms,
                "gold_with_coords": self.gold_with_coords,
                "predicted_mentions": self.predicted_mentions,
                "tp_exact": self.tp_exact,
                "tp_overlap": self.tp_overlap,
                "resolved_matches": self.resolved_matches,
                "resolved_within_161": self.resolved_within_161,
                "extra_articles": self.extra_articles,
            },
            "recognition": {
                "exact": {
                    "precision": self.precision_exact,
                    "recall": self.recall_exact,
                    "f1": self.f1_exact,
                },
                "overlap": {
                    "precision": self.precision_overlap,
                    "recall": self.recall_overlap,
                    "f1": self.f1_overlap,
                },
            },
            "resolution": {
                "matched_with_coords": self.resolved_matches,
                "accuracy_161": self.accuracy_161,
                "median_error_km": self.median_error_km,
                "mean_error_km": self.mean_error_km,
                "auc": self.auc,
            },
            "end_to_end": {
                "gold_with_coords": self.gold_with_coords,
                "accuracy_161": self.end_to_end_accuracy_161,
            },
        }


def score(gold: Iterable[dict], predicted: Mapping[str, list[dict]]) -> EvaluationReport:
    """Score predicted mentions (by article id) against gold articles."""
    report = EvaluationReport()
    seen_ids: set[str] = set()
    for article, toponyms, mentions, match in _articles(gold, predicted):
        seen_ids.add(str(article["id"]))
        report.articles += 1
        report.gold_toponyms += len(toponyms)
        report.gold_with_coords += sum(1 for t in toponyms if _coords(t))
        report.predicted_mentions += len(mentions)
        report.tp_exact += match.exact_tp
        report.tp_overlap += len(match.pairs)
        for gi, pi in match.pairs:
            g, p = _coords(toponyms[gi]), _coords(mentions[pi])
            if g and p:
                report.errors_km.append(haversine_km(*g, *p))

    errs = report.errors_km
    report.extra_articles = sum(1 for pid in predicted if str(pid) not in seen_ids)
    report.resolved_matches = len(errs)
    report.resolved_within_161 = sum(1 for e in errs if e <= ACCURACY_KM)
    if errs:
        report.median_error_km = statistics.median(errs)
        report.mean_error_km = statistics.fmean(errs)
        report.auc = auc_of_errors(errs)
    return report


# ---------------------------------------------------------------- error listing


def _context(text: str, start: int, end: int) -> dict[str, str]:
    """Up to CONTEXT_CHARS characters either side of a span, newlines flattened."""
    left = text[max(0, start - CONTEXT_CHARS) : start]
    right = text[end : end + CONTEXT_CHARS]
    return {"left": left.replace("\n", " "), "right": right.replace("\n", " ")}


def _latlon(item: Mapping[str, Any]) -> tuple[float | None, float | None]:
    c = _coords(item)
    return (c[0], c[1]) if c else (None, None)


def errors(
    gold: Iterable[dict], predicted: Mapping[str, list[dict]], worst: int = 50
) -> dict[str, list[dict]]:
    """List what went wrong, using the overlap matching of `score`.

    Returns ``{"false_positives", "misses", "unresolved", "worst_resolutions"}``:
    every unmatched prediction, every unmatched gold toponym, every match whose
    gold has coordinates but whose prediction has none, and the `worst`
    resolved matches by error (largest first). Each item has the article id,
    span, surface text and ~80 characters of context either side.
    """
    false_positives: list[dict] = []
    misses: list[dict] = []
    unresolved: list[dict] = []
    resolutions: list[dict] = []
    for article, toponyms, mentions, match in _articles(gold, predicted):
        aid = str(article["id"])
        text = article.get("text") or ""
        for pi in match.spurious:
            p = mentions[pi]
            s, e = int(p["start"]), int(p["end"])
            lat, lon = _latlon(p)
            false_positives.append({
                "article_id": aid, "start": s, "end": e,
                "text": p.get("text") or text[s:e], "name": p.get("name", ""),
                **_context(text, s, e), "pred_lat": lat, "pred_lon": lon,
            })
        for gi in match.missed:
            g = toponyms[gi]
            s, e = int(g["start"]), int(g["end"])
            lat, lon = _latlon(g)
            misses.append({
                "article_id": aid, "start": s, "end": e,
                "text": g.get("name") or text[s:e],
                **_context(text, s, e), "gold_lat": lat, "gold_lon": lon,
            })
        for gi, pi in match.pairs:
            g, p = toponyms[gi], mentions[pi]
            gc, pc = _coords(g), _coords(p)
            s, e = int(g["start"]), int(g["end"])
            if gc and not pc:
                unresolved.append({
                    "article_id": aid, "start": s, "end": e,
                    "text": g.get("name") or text[s:e],
                    "pred_start": int(p["start"]), "pred_end": int(p["end"]),
                    "pred_name": p.get("name", ""),
                    **_context(text, s, e), "gold_lat": gc[0], "gold_lon": gc[1],
                })
            if not (gc and pc):
                continue
            resolutions.append({
                "article_id": aid, "start": s, "end": e,
                "text": g.get("name") or text[s:e],
                "pred_start": int(p["start"]), "pred_end": int(p["end"]),
                "pred_name": p.get("name", ""),
                **_context(text, s, e),
                "gold_lat": gc[0], "gold_lon": gc[1],
                "pred_lat": pc[0], "pred_lon": pc[1],
                "error_km": haversine_km(*gc, *pc),
            })
    resolutions.sort(key=lambda r: -r["error_km"])
    return {
        "false_positives": false_positives,
        "misses": misses,
        "unresolved": unresolved,
        "worst_resolutions": resolutions[: max(0, worst)],
    }


# ---------------------------------------------------------------- I/O helpers


def predictions_by_id(records: Iterable[dict]) -> dict[str, list[dict]]:
    """Turn `geo parse` output records ``{"id", "mentions"}`` into ``{id: mentions}``.

    Repeated ids have their mentions concatenated.
    """
    out: dict[str, list[dict]] = {}
    for rec in records:
        out.setdefault(str(rec["id"]), []).extend(rec.get("mentions") or [])
    return out


class GoldError(ValueError):
    """A gold corpus that cannot be scored; the message says where (`FILE:LINE`) and why."""


def read_gold(path: str | Path) -> list[dict]:
    """The articles of a gold corpus (JSON Lines), each checked to be scorable.

    An article without `id` gets the id `geo parse` gives it (`STEM:LINE`), so the two pair up.
    A line that is not a JSON object with a string `text` and a list of `toponyms` whose spans
    lie inside the text raises `GoldError`: scores of a corpus read in part would mislead.
    """
    path = Path(path)
    articles = []
    try:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if line.strip():
                    articles.append(_gold_article(line, f"{path.stem}:{number}", f"{path}:{number}"))
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}: cannot be read ({error})") from None
    return articles


def _gold_article(line: str, fallback_id: str, where: str) -> dict:
    try:
        article = json.loads(line)
    except (ValueError, RecursionError) as error:
        raise GoldError(f"{where}: not JSON ({error})") from None
    if not isinstance(article, dict) or not isinstance(article.get("text"), str):
        raise GoldError(f"{where}: not a JSON object with a string 'text'")
    toponyms = article.get("toponyms") or []
    if not isinstance(toponyms, list):
        raise GoldError(f"{where}: 'toponyms' is not a list")
    for number, toponym in enumerate(toponyms, 1):
        problem = _toponym_problem(toponym, len(article["text"]))
        if problem:
            raise GoldError(f"{where}: toponym {number}: {problem}")
    article_id = article.get("id")
    if isinstance(article_id, bool) or not isinstance(article_id, (int, str)) or not str(article_id).strip():
        article_id = fallback_id
    return {**article, "id": str(article_id), "toponyms": toponyms}


def _toponym_problem(toponym: Any, text_length: int) -> str | None:
    """Why a gold toponym cannot be scored, or None."""
    if not isinstance(toponym, dict):
        return "not a JSON object"
    start, end = toponym.get("start"), toponym.get("end")
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
        return "'start' and 'end' must be integers"
    if not 0 <= start < end <= text_length:
        return f"span {start}-{end} is not inside the text ({text_length} characters)"
    lat, lon = toponym.get("lat"), toponym.get("lon")
    if (lat is None) != (lon is None):
        return "has only one of 'lat' and 'lon'"
    if lat is not None:
        if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (lat, lon)):
            return "'lat' and 'lon' must be numbers"
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return f"({lat}, {lon}) is not a point on Earth"
    return None


# ---------------------------------------------------------------- table


def _num(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def format_table(report: EvaluationReport) -> str:
    """Fixed-width, human-readable summary of a report."""
    r = report
    lines = [
        f"Articles {r.articles}   gold toponyms {r.gold_toponyms} "
        f"({r.gold_with_coords} with coordinates)   predicted mentions {r.predicted_mentions}",
        "",
        f"{'Recognition':<24}{'TP':>6}{'Precision':>11}{'Recall':>9}{'F1':>8}",
        f"{'  exact spans':<24}{r.tp_exact:>6}{_num(r.precision_exact):>11}"
        f"{_num(r.recall_exact):>9}{_num(r.f1_exact):>8}",
        f"{'  overlapping spans':<24}{r.tp_overlap:>6}{_num(r.precision_overlap):>11}"
        f"{_num(r.recall_overlap):>9}{_num(r.f1_overlap):>8}",
        "",
        f"Resolution ({r.resolved_matches} overlap matches with coordinates on both sides)",
        f"{'  Acc@161 km':<24}{_num(r.accuracy_161):>12}",
        f"{'  median error km':<24}{_num(r.median_error_km, 1):>12}",
        f"{'  mean error km':<24}{_num(r.mean_error_km, 1):>12}",
        f"{'  AUC (lower is better)':<24}{_num(r.auc):>12}",
        "",
        f"End to end ({r.gold_with_coords} gold toponyms with coordinates)",
        f"{'  Acc@161 km':<24}{_num(r.end_to_end_accuracy_161):>12}",
    ]
    if r.extra_articles:
        lines += ["", f"Ignored predictions for {r.extra_articles} article ids not in the gold."]
    return "\n".join(lines)
