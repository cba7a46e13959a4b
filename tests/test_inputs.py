"""Hostile and broken input: every problem is one line, nothing stops the run, nothing is lost silently.

Readers (`geo.sources`) are tested directly with a list as the `report`
callback; the command (`python -m geo parse`) is run on the same inputs to
check the one-line messages and the exit codes (0 all done, 1 some input
skipped, 2 nothing done).
"""
from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo import sources
from geo.cli import EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL
from geo.sources import Problem, decode_bytes, read_articles

ROOT = Path(__file__).resolve().parent.parent
NEWS = ("Defence minister Rajnath Singh on Wednesday called for drawing lessons from the border "
        "clashes of 2020 during talks with his Chinese counterpart Dong Jun in Vientiane. "
        "Troops completed disengagement in Eastern Ladakh, officials said in New Delhi.\n")


def read(*paths, **kwargs) -> tuple[list, list[Problem]]:
    problems: list[Problem] = []
    return list(read_articles(paths, problems.append, **kwargs)), problems


def geo(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """`python -m geo ARGS` as a user runs it (local gazetteer, no geocoder, one process)."""
    command = [sys.executable, "-m", "geo", *args]
    if args and args[0] in ("parse", "map"):
        command += ["--no-geocoder"]
        if "--workers" not in args:
            command += ["--workers", "1"]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def assert_one_line_reasons(result, expected: int | None = None) -> list[str]:
    """Every stderr line is `geo: ...`, no traceback."""
    lines = stderr_lines(result)
    assert "Traceback" not in result.stderr, result.stderr
    assert all(line.startswith("geo: ") for line in lines), lines
    if expected is not None:
        assert len(lines) == expected, lines
    return lines


# --- encodings -----------------------------------------------------------------------


FRENCH = "Le ministre s'est rendu à Genève et à Zürich, où il a rencontré des élus. Façade naïve."
WINDOWS = "“Talks in Genève” — the minister said… €5 bn for Zürich; Œuvre."


@pytest.mark.parametrize("text, encoding, warned", [
    (FRENCH, "latin-1", True),
    (WINDOWS, "cp1252", True),
    ("Café in Málaga", "latin-1", True),
    ("Die Ministerin besuchte Köln und München; Straße.", "cp1252", True),
    ("Министр обороны посетил Москву и Киев на прошлой неделе.", "cp1251", True),
    (FRENCH, "utf-8", False),
    (FRENCH, "utf-8-sig", False),
    (WINDOWS, "utf-16", False),  # Python writes a BOM (little-endian here)
    (WINDOWS, "utf-16-be-bom", False),
    (WINDOWS, "utf-32", False),
])
def test_text_files_are_decoded(tmp_path, text, encoding, warned):
    if encoding == "utf-16-be-bom":
        data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    else:
        data = text.encode(encoding)
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    articles, problems = read(path)
    assert [a.text for a in articles] == [text]
    assert [p.skipped for p in problems] == ([False] if warned else [])
    if warned:
        assert "not UTF-8; decoded as" in problems[0].reason


def test_decode_bytes_names_the_encoding():
    assert decode_bytes(FRENCH.encode("latin-1")) == (FRENCH, "not UTF-8; decoded as Windows-1252")
    assert decode_bytes("plain ascii".encode()) == ("plain ascii", None)


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20, "binary file (NUL bytes)"),
    (bytes(range(1, 9)) * 500, "binary file (control characters)"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + os.urandom(2000), "binary file"),
])
def test_binary_files_are_skipped_with_a_reason(tmp_path, data, reason):
    path = tmp_path / "photo.txt"
    path.write_bytes(data)
    articles, problems = read(path)
    assert articles == []
    assert len(problems) == 1 and problems[0].skipped and reason in problems[0].reason


@pytest.mark.parametrize("content", [b"", b"   \n\n\t", b"\xef\xbb\xbf"])
def test_empty_files_are_skipped(tmp_path, content):
    for name in ("a.txt", "b.jsonl", "c.csv", "d.html"):
        (tmp_path / name).write_bytes(content)
    articles, problems = read(tmp_path)
    assert articles == []
    assert [(Path(p.where).name, p.reason) for p in problems] == [
        ("a.txt", "empty file"), ("b.jsonl", "empty file"), ("c.csv", "empty file"), ("d.html", "empty file")]
    assert all(p.skipped for p in problems)


def test_mojibake_is_repaired_in_text_files_only(tmp_path):
    clean = "The minister visited Zürich and Genève on Monday. “We agree,” he said — ﬁne."
    import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252", as browsers decode it)

    broken = clean.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8")  # read as cp1252, saved again
    (tmp_path / "a.txt").write_bytes(broken)
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "b", "text": broken.decode("utf-8")}) + "\n")
    articles, problems = read(tmp_path / "a.txt", tmp_path / "b.jsonl")
    assert articles[0].text == clean  # quotes, dash and ligature untouched
    assert articles[1].text == broken.decode("utf-8")  # JSONL text as given: offsets stay valid
    assert [p.reason for p in problems] == ["repaired mis-decoded characters (mojibake)"]


def test_text_that_only_looks_odd_is_left_alone(tmp_path):
    text = "Prices rose 5°C… in Zürich — “naïve” café; Ã is a letter in Portuguese: São Tomé. ½ of it."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    articles, problems = read(tmp_path / "a.txt")
    assert articles[0].text == text and problems == []


def test_line_ends_and_date_line_of_text_files(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"date 2024-11-20 Menu\r\nTalks in Vientiane.\r\nMore.\r\n")
    (tmp_path / "b.txt").write_bytes(b"date 2024-02-30\nTalks in Vientiane.\n")
    (tmp_path / "c.txt").write_bytes(b"date palms grow in Basra.\n")
    articles, problems = read(tmp_path)
    assert [(a.id, a.text, str(a.date)) for a in articles] == [
        ("a", "Talks in Vientiane.\nMore.\n", "2024-11-20"),
        ("b", "Talks in Vientiane.\n", "None"),
        ("c", "date palms grow in Basra.\n", "None")]
    assert [(Path(p.where).name, p.skipped) for p in problems] == [("b.txt", False)]
    assert "2024-02-30" in problems[0].reason and "unknown" in problems[0].reason


# --- folders and unreadable files ------------------------------------------------------------


def test_folder_with_unreadable_entries(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(NEWS)
    (tmp_path / "dir.txt").mkdir()  # a folder named like an article: walked into, not read
    (tmp_path / "dir.txt" / "inner.txt").write_text(NEWS)
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "locked.txt").write_text(NEWS)
    (tmp_path / "locked-dir").mkdir()
    (tmp_path / "locked-dir" / "x.txt").write_text(NEWS)
    (tmp_path / ".hidden.txt").write_bytes(b"\x00\x01 AppleDouble junk")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\x00")
    (tmp_path / "z.jsonl").write_text(json.dumps({"id": "z", "text": NEWS}) + "\n")

    real_read_bytes, real_scandir = Path.read_bytes, os.scandir

    def read_bytes(self):  # tests run as root in CI, where chmod 000 changes nothing
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    def scandir(path="."):
        if Path(path).name == "locked-dir":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(os, "scandir", scandir)
    articles, problems = read(tmp_path, tmp_path / "missing")
    assert [a.id for a in articles] == ["a", "inner", "z"]
    assert [(Path(p.where).name, p.reason) for p in problems] == [
        ("locked-dir", "cannot read folder (Permission denied)"),
        ("broken.txt", "cannot read (broken symbolic link)"),
        ("locked.txt", "cannot read (Permission denied)"),
        ("missing", "no such file or folder"),
    ]
    assert all(p.skipped for p in problems)


def test_a_folder_without_articles_says_so(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "page.pdf").write_bytes(b"%PDF-1.4")
    articles, problems = read(tmp_path / "empty", tmp_path / "scans")
    assert articles == []
    assert [(Path(p.where).name, p.reason) for p in problems] == [
        ("empty", "no .txt, .csv, .jsonl, .ndjson, .html, .htm file in the folder"),
        ("scans", "no .txt, .csv, .jsonl, .ndjson, .html, .htm file in the folder"),
    ]


def test_a_reader_crash_is_reported_and_the_next_file_read(tmp_path, monkeypatch):
    (tmp_path / "a.csv").write_text("text\nhello\n")
    (tmp_path / "b.txt").write_text(NEWS)

    def broken(*args, **kwargs):
        raise RuntimeError("bug in a reader")

    monkeypatch.setattr(sources, "read_csv", broken)
    articles, problems = read(tmp_path)
    assert [a.id for a in articles] == ["b"]
    assert [p.reason for p in problems] == ["cannot read (RuntimeError: bug in a reader)"]


# --- JSONL --------------------------------------------------------------------------------


def test_jsonl_bad_lines_are_reported_and_the_rest_read(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "Talks in Vientiane.", "date": "2024-11-20T10:04:00Z"}),
        "{not json",
        "",
        json.dumps({"id": "a2", "text": "Troops near Ladakh.", "date": "2024-02-30"}),
        json.dumps({"id": 5, "text": "Protest in Paris."}),
        json.dumps({"id": ["x"], "text": "Protest in Berlin.", "date": 20240101}),
        json.dumps({"id": "a6"}),
        json.dumps({"id": "a7", "text": 42}),
        json.dumps([1, 2]),
        json.dumps({"id": "", "text": "Flood in Dhaka.", "title": 3, "url": ["u"]}),
        json.dumps({"text": "Storm over Manila."}),
        json.dumps({"id": True, "text": "Fire in Athens.", "date": None}),
        "[" * 100_000,
        json.dumps({"id": "a14", "text": None}),
        json.dumps({"id": "last", "text": "Talks in Hanoi."}),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    articles, problems = read(path)
    assert [(a.id, a.text, str(a.date)) for a in articles] == [
        ("a1", "Talks in Vientiane.", "2024-11-20"),
        ("a2", "Troops near Ladakh.", "None"),
        ("5", "Protest in Paris.", "None"),
        ("mixed:6", "Protest in Berlin.", "None"),
        ("mixed:10", "Flood in Dhaka.", "None"),
        ("mixed:11", "Storm over Manila.", "None"),
        ("mixed:12", "Fire in Athens.", "None"),
        ("last", "Talks in Hanoi.", "None"),
    ]
    where = [(p.where.rsplit(":", 1)[1], p.skipped) for p in problems]
    assert where == [("2", True), ("4", False), ("6", False), ("6", False), ("7", True), ("8", True),
                     ("9", True), ("10", False), ("10", False), ("10", False), ("12", False),
                     ("13", True), ("14", True)]
    reasons = [p.reason for p in problems]
    assert reasons[0].startswith("not JSON (") and reasons[0].endswith("line skipped")
    assert "2024-02-30" in reasons[1]
    assert reasons[2] == "'id' is an array, not a string; using id 'mixed:6'"
    assert reasons[3] == "date is a number (20240101), not a YYYY-MM-DD string; publication date unknown"
    assert reasons[4] == "no 'text'; line skipped"
    assert reasons[5] == "'text' is a number, not a string; line skipped"
    assert reasons[6] == "an array, not a JSON object; line skipped"
    assert reasons[12] == "no 'text'; line skipped"
    assert all("\n" not in str(p) for p in problems)


def test_jsonl_text_is_kept_as_given(tmp_path):
    text = "  Tabs\tand\r\nCRLF in Zürich \u2028 ZÃ¼rich \x00 \U0001F600 Paris\u0301 "
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "text": text}) + "\r\n" + json.dumps({"id": "b", "text": ""}) + "\r\n")
    articles, problems = read(path)
    assert [a.text for a in articles] == [text, ""] and problems == []


def test_jsonl_lone_surrogates_keep_offsets(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "a\\udc80", "text": "Flood in \\ud800 Dhaka today."}\n')
    articles, problems = read(path)
    assert articles[0].text == "Flood in \ufffd Dhaka today." and articles[0].id == "a\ufffd"
    assert len(articles[0].text) == len("Flood in ? Dhaka today.")
    assert [p.skipped for p in problems] == [False]


def test_jsonl_encodings(tmp_path):
    record = {"id": "a", "text": "Talks in Genève"}
    (tmp_path / "utf16.jsonl").write_bytes(json.dumps(record, ensure_ascii=False).encode("utf-16") + "\n".encode("utf-16-le"))
    (tmp_path / "bom.jsonl").write_bytes(codecs.BOM_UTF8 + json.dumps(record, ensure_ascii=False).encode() + b"\n")
    (tmp_path / "cp1252.jsonl").write_bytes(json.dumps(record, ensure_ascii=False).encode("cp1252") + b"\n")
    (tmp_path / "gzip.jsonl").write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(256)))
    articles, problems = read(*(tmp_path / n for n in ("utf16.jsonl", "bom.jsonl", "cp1252.jsonl", "gzip.jsonl")))
    assert [a.text for a in articles] == ["Talks in Genève"] * 3
    assert [(Path(p.where).name, p.reason, p.skipped) for p in problems] == [
        ("cp1252.jsonl:1", "not UTF-8; decoded as Windows-1252", False),
        ("gzip.jsonl", "binary file (NUL bytes), not text", True)]


def test_jsonl_is_streamed(tmp_path):
    """The first article arrives before a problem further down the file is even seen."""
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "x"}) + "\n" + "bad\n")
    problems: list[Problem] = []
    articles = read_articles([path], problems.append)
    assert next(articles).id == "a" and problems == []
    assert list(articles) == [] and len(problems) == 1


# --- CSV ------------------------------------------------------------------------------------


def test_csv_text_column_by_name(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text('Title,URL,Text,ID,Date\n'
                    'T1,https://x.org/1,"Talks in Vientiane, Laos.",c1,2024-11-20\n'
                    'T2,,"Two lines:\nflood in ""Dhaka""",c2,2024-13-01\n'
                    ',,,c3,\n'
                    'T4,,Fire in Athens.,,\n'
                    'short\n', newline="")
    articles, problems = read(path)
    assert [(a.id, a.title, a.url, a.text, str(a.date)) for a in articles] == [
        ("c1", "T1", "https://x.org/1", "Talks in Vientiane, Laos.", "2024-11-20"),
        ("c2", "T2", "", 'Two lines:\nflood in "Dhaka"', "None"),
        ("c3", "", "", "", "None"),
        ("news:6", "T4", "", "Fire in Athens.", "None"),
    ]
    assert [(p.where.rsplit(":", 1)[1], p.skipped) for p in problems] == [("3", False), ("7", True)]
    assert problems[1].reason == "no 'text'; row skipped"


def test_csv_other_separators_encodings_and_big_cells(tmp_path):
    (tmp_path / "a.csv").write_bytes("id;text\n1;Talks in Genève\n".encode("cp1252"))
    (tmp_path / "b.csv").write_text("body\tid\n" + "Paris " * 25_000 + "\tbig\n")  # > csv's 131,072 default
    (tmp_path / "c.csv").write_text("id,headline\n1,Talks in Paris\n")
    articles, problems = read(tmp_path)
    assert [(a.id, len(a.text)) for a in articles] == [("1", 15), ("big", 150_000)]
    assert [(Path(p.where).name, p.skipped) for p in problems] == [("a.csv", False), ("c.csv", True)]
    assert problems[1].reason.startswith("no text column (one of text, body, content, article); "
                                         "columns: 'id', 'headline'")


# --- HTML -------------------------------------------------------------------------------------


PAGE = """<!doctype html><html><head><meta charset="{charset}"><title>Talks in Vientiane | News</title>
<meta property="article:published_time" content="2024-11-20T10:04:00+05:30">
<link rel="canonical" href="https://example.com/news/talks">
<style>body {{ font-family: "Berlin Sans" }} .Madrid {{ color: red }}</style>
<script>var city = "Tokyo"; document.write("Moscow");</script></head>
<body><nav>Home | World | Sport | Lisbon edition</nav>
<article><h1>Talks in Vientiane</h1>
<p>Defence minister Rajnath Singh on Wednesday called for drawing lessons from the border clashes of 2020
during talks with his Chinese counterpart Dong Jun in Vientiane, the capital of Laos, in Genève style.</p>
<script>alert("Cairo")</script><noscript>Enable JavaScript in Nairobi</noscript>
<p>The interaction took place weeks after both the Indian and Chinese sides completed disengagement of
troops from two last face-off points in Eastern Ladakh, officials in New Delhi said.</p>
</article><footer>Copyright Oslo Media</footer></body></html>"""


@pytest.mark.parametrize("charset, encoding", [("utf-8", "utf-8"), ("iso-8859-1", "latin-1"),
                                               ("windows-1252", "cp1252")])
def test_html_main_text_and_date(tmp_path, charset, encoding):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset=charset).encode(encoding))
    articles, problems = read(path)
    assert problems == []
    (article,) = articles
    assert (article.id, article.title, article.url, str(article.date)) == (
        "page", "Talks in Vientiane", "https://example.com/news/talks", "2024-11-20")
    assert "Dong Jun in Vientiane" in article.text and "Eastern Ladakh" in article.text
    assert "in Genève style" in article.text
    for furniture in ("Tokyo", "Moscow", "Cairo", "Berlin Sans", "Madrid", "font-family", "alert",
                      "<", "Copyright", "Lisbon"):
        assert furniture not in article.text


def test_html_without_text_is_skipped(tmp_path):
    (tmp_path / "a.htm").write_text("<html><head><script>alert(1)</script><style>p{}</style></head>"
                                    "<body></body></html>")
    (tmp_path / "b.html").write_bytes(b"\x00\x01\x02binary")
    articles, problems = read(tmp_path)
    assert articles == []
    assert [(Path(p.where).name, p.reason) for p in problems] == [
        ("a.htm", "no article text found in the page; skipped"),
        ("b.html", "binary file (NUL bytes), not text")]


# --- big articles ------------------------------------------------------------------------------


def test_over_long_article_is_capped_at_a_word_end(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Paris and Lyon. " * 100}) + "\n")
    articles, problems = read(path, max_chars=500)
    assert len(articles[0].text) <= 500 and articles[0].text.endswith("Lyon.")
    assert [p.skipped for p in problems] == [True]
    assert problems[0].reason.startswith("article is 1,600 characters; only the first 495 are parsed")


def test_fifty_megabyte_article(tmp_path):
    """A 50 MB article finishes in seconds: read whole, capped (MAX_ARTICLE_CHARS), parsed, one warning."""
    body = (ROOT / "seeds" / "000_7c22ec6678f18bc5.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    path = tmp_path / "big.txt"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("date 2024-11-20\n")
        for _ in range(50 * 1024 * 1024 // len(body.encode()) + 1):
            handle.write(body)
    assert path.stat().st_size > 50 * 1024 * 1024
    out = tmp_path / "out.jsonl"
    started = time.perf_counter()
    result = geo("parse", str(path), "-o", str(out))
    elapsed = time.perf_counter() - started
    assert result.returncode == EXIT_PARTIAL, result.stderr
    (line,) = assert_one_line_reasons(result, 1)
    assert "only the first" in line and "are parsed" in line
    (record,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert record["id"] == "big" and len(record["mentions"]) > 100
    assert max(m["end"] for m in record["mentions"]) <= sources.MAX_ARTICLE_CHARS
    assert elapsed < 120, elapsed


# --- the command: one line per problem, exit codes -------------------------------------------------


@pytest.fixture
def bad_folder(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\x00\x00" + bytes(range(256)))
    (folder / "latin1.txt").write_bytes("Talks in Genève and Vientiane.".encode("latin-1"))
    (folder / "broken.txt").symlink_to(folder / "nowhere.txt")
    (folder / "mixed.jsonl").write_text("\n".join([
        json.dumps({"id": "j1", "text": "Talks in Vientiane."}), "{oops",
        json.dumps({"id": "j3", "text": "Flood in Dhaka.", "date": "2024-02-30"}),
        json.dumps({"id": "j4"})]) + "\n")
    (folder / "table.csv").write_text("id,text\nc1,Protest in Paris.\n")
    (folder / "page.html").write_text(PAGE.format(charset="utf-8"))
    return folder


def test_command_reports_each_problem_on_one_line(bad_folder, tmp_path):
    out = tmp_path / "out.jsonl"
    result = geo("parse", str(bad_folder), "-o", str(out))
    assert result.returncode == EXIT_PARTIAL
    lines = assert_one_line_reasons(result, 7)
    expected = [
        f"geo: {bad_folder}/binary.txt: binary file (NUL bytes), not text",
        f"geo: {bad_folder}/broken.txt: cannot read (broken symbolic link)",
        f"geo: {bad_folder}/empty.txt: empty file",
        f"geo: {bad_folder}/latin1.txt: not UTF-8; decoded as Windows-1252",
        f"geo: {bad_folder}/mixed.jsonl:2: not JSON (",
        f"geo: {bad_folder}/mixed.jsonl:3: date '2024-02-30' is not a real YYYY-MM-DD date; publication date unknown",
        f"geo: {bad_folder}/mixed.jsonl:4: no 'text'; line skipped",
    ]
    for line, start in zip(lines, expected):
        assert line.startswith(start), (line, start)
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert ids == ["latin1", "j1", "j3", "page", "c1"]


def test_command_exit_codes(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(NEWS)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    bad_date = tmp_path / "date.jsonl"
    bad_date.write_text(json.dumps({"id": "d", "text": NEWS, "date": "2024-02-30"}) + "\n")
    only_bad = tmp_path / "bad.jsonl"
    only_bad.write_text("{oops\n[1]\n")

    ok = geo("parse", str(good))
    assert ok.returncode == EXIT_OK and ok.stderr == "" and json.loads(ok.stdout)["id"] == "good"
    warned = geo("parse", str(bad_date))
    assert warned.returncode == EXIT_OK  # a warning loses no input
    assert_one_line_reasons(warned, 1)
    partial = geo("parse", str(good), str(empty), str(tmp_path / "missing.txt"))
    assert partial.returncode == EXIT_PARTIAL
    assert assert_one_line_reasons(partial, 2)[1] == f"geo: {tmp_path}/missing.txt: no such file or folder"
    for inputs in ([empty], [only_bad], [tmp_path / "missing.txt"]):
        nothing = geo("parse", *map(str, inputs))
        assert nothing.returncode == EXIT_NOTHING and nothing.stdout == ""
        assert_one_line_reasons(nothing)
    usage = geo("parse")
    assert usage.returncode == EXIT_NOTHING and "Traceback" not in usage.stderr
    assert "Exit codes:" in geo("--help").stdout


def test_map_command_on_bad_input(tmp_path):
    out = tmp_path / "maps"
    nothing = geo("map", str(tmp_path / "missing"), "-o", str(out))
    assert nothing.returncode == EXIT_NOTHING and not out.exists()
    assert_one_line_reasons(nothing, 1)
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": NEWS}) + "\n{bad\n")
    partial = geo("map", str(tmp_path / "a.jsonl"), "-o", str(out))
    assert partial.returncode == EXIT_PARTIAL and (out / "map.html").exists()
    assert "Traceback" not in partial.stderr
    assert [line for line in stderr_lines(partial) if not line.startswith("wrote ")] == [
        f"geo: {tmp_path}/a.jsonl:2: not JSON (Expecting property name enclosed in double quotes at column 2); "
        "line skipped"]


def test_messages_cannot_break_the_terminal(tmp_path):
    """File names and ids with newlines or escape sequences stay on one escaped line."""
    name = tmp_path / "evil\n\x1b[31mname.jsonl"
    name.write_text("{bad\n")
    result = geo("parse", str(name))
    assert result.returncode == EXIT_NOTHING
    (line,) = assert_one_line_reasons(result, 1)
    assert "\x1b" not in result.stderr and "evil\\n\\x1b[31mname.jsonl:1: not JSON" in line


def test_output_that_cannot_be_written(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(NEWS)
    for command, output in (("parse", tmp_path), ("map", tmp_path / "good.txt" / "maps")):
        result = geo(command, str(good), "-o", str(output))
        assert result.returncode == EXIT_NOTHING
        (line,) = assert_one_line_reasons(result, 1)
        assert line.startswith(f"geo: {output}: cannot write (")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.txt"]  # no temporary file left


def test_closed_stdout_stops_quietly(tmp_path):
    source = tmp_path / "many.jsonl"
    source.write_text("".join(json.dumps({"id": str(i), "text": NEWS}) + "\n" for i in range(300)))
    child = subprocess.Popen([sys.executable, "-m", "geo", "parse", str(source), "--no-geocoder", "--workers", "1"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert json.loads(child.stdout.readline())["id"] == "0"
    child.stdout.close()  # as `geo parse ... | head -1` does
    stderr = child.stderr.read().decode()
    assert child.wait(timeout=120) == EXIT_PARTIAL and stderr == ""


def test_an_article_the_pipeline_fails_on_is_one_line(tmp_path, monkeypatch):
    """A bug in a stage (simulated) gives one line and exit code 1, never a traceback."""
    from click.testing import CliRunner

    from geo import cli
    from geo.pipeline import Pipeline

    real_parse = Pipeline.parse

    def parse(self, article):
        if "BOOM" in article.text:
            raise RuntimeError("boom\nsecond line")
        return real_parse(self, article)

    monkeypatch.setattr(Pipeline, "parse", parse)
    source = tmp_path / "a.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": text}) + "\n"
                              for i, text in enumerate([NEWS, "BOOM in Paris.", NEWS])))
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli.main, ["parse", str(source), "-o", str(out), "--no-geocoder", "--workers", "1"])
    assert result.exit_code == EXIT_PARTIAL, result.output
    lines = [line for line in result.stderr.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith("geo: ") and "RuntimeError: boom\\nsecond line" in lines[0]
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert json.loads(out.read_text().splitlines()[0])["id"] == "0"


def test_file_name_that_is_not_utf8(tmp_path):
    """A Latin-1 file name gives a usable id (U+FFFD for its odd bytes), and the outputs can be written."""
    with open(os.fsencode(tmp_path) + b"/caf\xe9.txt", "wb") as handle:
        handle.write(NEWS.encode())
    articles, problems = read(tmp_path)
    assert [a.id for a in articles] == ["caf\ufffd"] and problems == []
    result = geo("map", str(tmp_path), "-o", str(tmp_path / "maps"))
    assert result.returncode == EXIT_OK, result.stderr
    assert "caf\ufffd" in (tmp_path / "maps" / "mentions.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("value, expected", [
    ("2024-11-20", "2024-11-20"),
    ("Nov. 22, 2016", "2016-11-22"),
    ("9 Oct 2012", "2012-10-09"),
    ("May 2015", None),  # no day: unknown rather than invented
    ("7:58 AM ET", None),
    ("11/28/2016", "2016-11-28"),  # numbers: only where one order of day and month makes a date
    ("28.11.2016", "2016-11-28"),
    ("11/12/2016", None),  # November 12 or 11 December
    ("31/02/2016", None),
])
def test_publication_dates_written_with_a_month_name_or_in_one_order(value, expected):
    parsed = sources.parse_date(value, "test", report=lambda problem: None)
    assert (parsed.isoformat() if parsed else None) == expected
