"""Readers of articles and writers of results.

Inputs (a file, or a folder read recursively in sorted order; hidden files and
folders, whose names start with ".", are left out, and so are files with other
suffixes):

- `.txt` (or any other suffix given by name): one article; an optional first
  line `date YYYY-MM-DD` gives the publication date; the id is the file name
  without its suffix, the title the first non-empty line. Line ends are
  normalised to "\\n".
- `.jsonl` / `.ndjson`: one JSON object a line with `text` and optional `id`,
  `title`, `url`, `date`. `text` is kept exactly as given, so offsets into it
  stay valid (the one change: a lone UTF-16 surrogate, which no file can encode,
  becomes U+FFFD, which keeps every offset).
- `.csv`: a header row and one article a row; the text column is found by name
  (`text`, else `body`, `content` or `article`), with optional `id`, `title`,
  `url`, `date` columns. Cells are kept as given, like JSONL. `,`, `;` and tab
  separators are recognised from the header line.
- `.html` / `.htm`: a saved web page; its main text, title, canonical URL and
  publication date are extracted with trafilatura (scripts, styles and page
  furniture never become text).

Bad input never stops a run and never raises: each reader yields the articles it
can and reports every problem as a `Problem` to a callback (`report`), one line
`FILE[:LINE]: reason`. A problem that loses input (a skipped file or record, a
truncated article) has `skipped=True`; a warning (an impossible date, an
undecodable id, a file that was not UTF-8) has `skipped=False`, and the article
is still read. Problems:

- missing path, unreadable file or folder, broken link: skipped;
- empty file, binary file (NUL bytes or mostly control characters), a page
  with no main text: skipped;
- JSONL: a line that is not JSON, not an object, or has no string `text`:
  that line is skipped, the rest of the file is read;
- CSV: no text column: the file is skipped; a row with no text cell: skipped;
- `id` that is not a string: an integer becomes its decimal string, anything
  else is replaced by `FILE-STEM:LINE` (a warning); `title`/`url` that are
  not strings are dropped (a warning);
- `date` that is not a real `YYYY-MM-DD` (e.g. 2024-02-30, or a number):
  a warning, and the publication date is unknown;
- an article longer than `MAX_ARTICLE_CHARS` (200,000) characters: only its
  first `MAX_ARTICLE_CHARS` (cut at a line or word end) are parsed, with a
  problem counted as a skip. Recognition, resolution and event extraction are
  not linear in the length of ONE article (about 25 s for 1 MB of news text,
  quadrupling with each doubling), so a 50 MB "article" would take days; the
  cap keeps the worst case near half a minute per article, and a 50 MB file
  reads in seconds. The longest real news features (~15,000 words, ~90,000
  characters) stay under it. `GEO_MAX_ARTICLE_CHARS` changes it.

Text encodings (files other than JSONL are read whole, JSONL line by line):
a byte-order mark decides (UTF-8, UTF-16, UTF-32); else strict UTF-8; else
charset-normalizer's best guess, except that Windows-1252 is taken whenever it
fits as well as the guess (charset-normalizer alone calls most French, Spanish
or German Latin-1 text "cp1250", which turns "à" into "ŕ"; Windows-1252 is a
superset of Latin-1's printable characters, so Latin-1 files decode right
too). Decoding as anything but UTF-8 is reported as a warning. JSONL, which is
UTF-8 by definition, falls back to Windows-1252 for a line that is not.
Mojibake (UTF-8 read as Windows-1252 and saved again, "ZÃ¼rich") is repaired
with ftfy in `.txt` and HTML text only, with its encoding fixes alone (quotes,
ligatures, widths and normalisation are left alone); never in JSONL or CSV,
whose text must stay as given.

Outputs are written to a hidden temporary file beside the target
(`.NAME.XXXX.tmp`) and renamed over it, so an interrupted run — even one killed
with SIGKILL — never leaves a half-written file, only possibly that hidden
temporary file. CSV cells that a spreadsheet would run as a formula are
neutralised (`safe_cell`).
"""
from __future__ import annotations

import codecs
import contextlib
import csv
import functools
import io
import json
import logging
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from dateutil import parser as dateutil_parser

from .model import Article

log = logging.getLogger(__name__)
DATE_LINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[^\n]*\n?")


def _max_article_chars(default: int = 200_000) -> int:
    try:
        return max(1000, int(os.environ.get("GEO_MAX_ARTICLE_CHARS") or default))
    except ValueError:
        return default


MAX_ARTICLE_CHARS = _max_article_chars()
TEXT_COLUMNS = ("text", "body", "content", "article")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm")
READABLE_SUFFIXES = (".txt", ".csv", *JSONL_SUFFIXES, *HTML_SUFFIXES)


class InputError(Exception):
    """An input that cannot be read as articles; the message says why.

    The readers report problems through a callback instead of raising this; it
    stays for callers that want to raise one themselves."""


# --- problems ---------------------------------------------------------------------

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
MAX_MESSAGE_PART = 300


def one_line(text: str, limit: int = MAX_MESSAGE_PART) -> str:
    """`text` made safe for one terminal line: control characters (newlines, escape
    sequences, bidi overrides) shown as escapes, and cut to `limit` characters."""
    text = _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input: where (`FILE` or `FILE:LINE`), why, and whether input was lost."""

    where: str
    reason: str
    skipped: bool = True  # False: a warning; the article was still read

    def __str__(self) -> str:
        return f"{one_line(self.where)}: {one_line(self.reason)}"


Report = Callable[[Problem], None]


def log_problem(problem: Problem) -> None:
    """The default `report`: a logging warning."""
    log.warning("%s", problem)


class Problems:
    """A `report` callback that prints each problem as one line and counts them."""

    def __init__(self, echo: Callable[[str], None] | None = None, prefix: str = "geo: "):
        self.echo = echo or (lambda line: print(line, file=sys.stderr, flush=True))
        self.prefix = prefix
        self.skipped = 0
        self.warnings = 0

    def __call__(self, problem: Problem) -> None:
        if problem.skipped:
            self.skipped += 1
        else:
            self.warnings += 1
        self.echo(f"{self.prefix}{problem}")


# --- decoding -----------------------------------------------------------------------


class NotText(Exception):
    """Bytes that are not text in any encoding we read; the message says why."""


_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_ENCODING_NAMES = {"cp1252": "Windows-1252", "cp1250": "Windows-1250", "cp1251": "Windows-1251",
                   "latin_1": "Latin-1", "utf_16": "UTF-16", "utf_32": "UTF-32"}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
DETECT_SAMPLE = 1 << 20
CONTROL_SAMPLE = 1 << 16


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of `data` announces, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """(text, warning or None) for the bytes of a text file; raises NotText for binary data.

    See the module docstring for the order: BOM, UTF-8, then charset-normalizer
    preferring Windows-1252."""
    encoding = bom_encoding(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text = data.decode(encoding, errors="replace")
            return _check_text(text), f"invalid {encoding.upper()} bytes replaced by U+FFFD"
        return _check_text(text), None
    if b"\x00" in data:
        guess = _guess_encoding(data)
        if guess in ("utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"):
            text = data.decode(guess, errors="replace")
            return _check_text(text), f"no byte-order mark; decoded as {_ENCODING_NAMES.get(guess, guess)}"
        raise NotText("binary file (NUL bytes), not text")
    try:
        return _check_text(data.decode("utf-8")), None
    except UnicodeDecodeError:
        pass
    guess = _guess_encoding(data)
    if guess is None:
        raise NotText("not text: no known encoding fits")
    try:
        text, note = data.decode(guess), None
    except (UnicodeDecodeError, LookupError):
        text, note = data.decode("cp1252", errors="replace"), "; undecodable bytes replaced by U+FFFD"
        guess = "cp1252"
    return _check_text(text), f"not UTF-8; decoded as {_ENCODING_NAMES.get(guess, guess)}{note or ''}"


def _guess_encoding(data: bytes) -> str | None:
    """charset-normalizer's guess for `data`, but Windows-1252 when that fits as well."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:DETECT_SAMPLE]))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if match.chaos > best.chaos or match.coherence < best.coherence - 0.02:
            continue
        if "cp1252" in match.could_be_from_charset or match.encoding == "cp1252":
            return "cp1252"
    return best.encoding


def _check_text(text: str) -> str:
    """`text`, unless it is mostly control characters (a binary file that happened to decode)."""
    sample = text[:CONTROL_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise NotText("binary file (control characters), not text")
    return text


def repair_mojibake(text: str) -> str:
    """Text with clear mojibake undone ("ZÃ¼rich" -> "Zürich"); nothing else is changed."""
    import ftfy

    return ftfy.fix_text(text, _ftfy_config())


@functools.lru_cache(maxsize=1)
def _ftfy_config():
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_encoding=True, restore_byte_a0=True,
        replace_lossy_sequences=True, decode_inconsistent_utf8=True, fix_c1_controls=True,
        fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False,
        fix_line_breaks=False, fix_surrogates=True, remove_control_chars=False,
        normalization=None, explain=False)


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _stem(path: Path) -> str:
    """The file name without its suffix, as an id: bytes of a non-UTF-8 file name become U+FFFD."""
    stem = path.stem
    if _SURROGATE.search(stem):
        stem = os.fsencode(stem).decode("utf-8", errors="replace")
    return stem


def _no_surrogates(text: str) -> str:
    """Lone surrogates (valid in JSON, unencodable in any file) as U+FFFD: same length, same offsets."""
    return _SURROGATE.sub("\ufffd", text)


# --- readers ------------------------------------------------------------------------


def read_articles(paths: Iterable[str | Path], report: Report | None = None,
                  max_chars: int | None = None) -> Iterator[Article]:
    """Articles from files and folders (folders recursively, in sorted order).

    Never raises for bad input: each problem goes to `report` (default: a
    logging warning) and reading goes on with the next record or file."""
    report = report or log_problem
    max_chars = max_chars or MAX_ARTICLE_CHARS
    for path in map(Path, paths):
        if path.is_dir():
            children = _walk(path, report)
            if not children:
                report(Problem(str(path), f"no {', '.join(READABLE_SUFFIXES)} file in the folder"))
            for child in children:
                yield from _read_guarded(child, report, max_chars)
        elif path.exists() or path.is_symlink():
            yield from _read_guarded(path, report, max_chars)
        else:
            report(Problem(str(path), "no such file or folder"))


def _walk(folder: Path, report: Report) -> list[Path]:
    """The readable files under `folder`, sorted by path; unreadable subfolders are reported
    (first, as the folder is listed before any file is read)."""
    def failed(error: OSError) -> None:
        report(Problem(str(error.filename or folder), f"cannot read folder ({error.strerror or error})"))

    found = []
    for root, dirs, files in os.walk(folder, onerror=failed):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(root) / name for name in files
                  if not name.startswith(".") and Path(name).suffix.lower() in READABLE_SUFFIXES]
    return sorted(found, key=lambda p: p.parts)


def _read_guarded(path: Path, report: Report, max_chars: int) -> Iterator[Article]:
    """The articles of one file; an error reading it is reported, never raised."""
    try:
        yield from _read_file(path, report, max_chars)
    except OSError as error:
        reason = error.strerror or str(error)
        if path.is_symlink() and not path.exists():
            reason = "broken symbolic link"
        report(Problem(str(path), f"cannot read ({reason})"))
    except Exception as error:  # a bug in a reader or a library must not end the run
        report(Problem(str(path), f"cannot read ({type(error).__name__}: {error})"))


def _read_file(path: Path, report: Report, max_chars: int) -> Iterator[Article]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, report, max_chars)
    elif suffix == ".csv":
        yield from read_csv(path, report, max_chars)
    elif suffix in HTML_SUFFIXES:
        article = read_html(path, report, max_chars)
        if article is not None:
            yield article
    else:
        article = read_text_article(path, report, max_chars)
        if article is not None:
            yield article


def _read_text(path: Path, report: Report) -> str | None:
    """The decoded text of a whole file, or None (reported) when it is empty or binary."""
    data = path.read_bytes()
    if not data.strip():
        report(Problem(str(path), "empty file"))
        return None
    try:
        text, note = decode_bytes(data)
    except NotText as error:
        report(Problem(str(path), str(error)))
        return None
    if not text.strip():  # a byte-order mark alone, say
        report(Problem(str(path), "empty file"))
        return None
    if note:
        report(Problem(str(path), note, skipped=False))
    return text


def _repaired(text: str, where: str, report: Report) -> str:
    fixed = repair_mojibake(text)
    if fixed != text:
        report(Problem(where, "repaired mis-decoded characters (mojibake)", skipped=False))
    return fixed


def _capped(text: str, where: str, report: Report, max_chars: int) -> str:
    """`text`, or its first `max_chars` characters (at a line or word end) with a problem reported."""
    if len(text) <= max_chars:
        return text
    cut = text.rfind("\n", 0, max_chars + 1)
    if cut < max_chars // 2:
        cut = text.rfind(" ", 0, max_chars + 1)
    if cut < max_chars // 2:
        cut = max_chars
    report(Problem(where, f"article is {len(text):,} characters; only the first {cut:,} are parsed "
                          f"(limit {max_chars:,}, GEO_MAX_ARTICLE_CHARS)"))
    return text[:cut]


def read_text_article(path: Path, report: Report | None = None,
                      max_chars: int | None = None) -> Article | None:
    """One plain-text article, or None (reported) when the file is empty or not text."""
    report = report or log_problem
    text = _read_text(path, report)
    if text is None:
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    published = None
    match = DATE_LINE.match(text)
    if match:
        published = parse_date(match.group(1), str(path), report)
        text = text[match.end():]  # the rest of that line is page furniture
    text = _repaired(_capped(text, str(path), report, max_chars or MAX_ARTICLE_CHARS), str(path), report)
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return Article(id=_stem(path), text=text, title=title, date=published)


def read_jsonl(path: Path, report: Report | None = None, max_chars: int | None = None) -> Iterator[Article]:
    """Articles from JSON Lines; a bad line is reported with its line number and skipped."""
    report = report or log_problem
    max_chars = max_chars or MAX_ARTICLE_CHARS
    with open(path, "rb") as handle:
        head = handle.read(CONTROL_SAMPLE)
        handle.seek(0)
        if not head.strip():
            report(Problem(str(path), "empty file"))
            return
        encoding = bom_encoding(head)
        if encoding in ("utf-16", "utf-32"):
            lines: Iterable = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
        elif b"\x00" in head:
            report(Problem(str(path), "binary file (NUL bytes), not text"))
            return
        else:
            lines = handle
        blank = True
        for number, line in enumerate(lines, 1):
            where = f"{path}:{number}"
            if isinstance(line, bytes):
                line = _decode_line(line, number, where, report)
            if not line.strip("\ufeff \t\r\n"):
                continue
            blank = False
            article = _record_article(line, path, number, report)
            if article is not None:
                article.text = _capped(article.text, where, report, max_chars)
                yield article
        if blank:
            report(Problem(str(path), "empty file"))


def _decode_line(line: bytes, number: int, where: str, report: Report) -> str:
    try:
        return line.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError:
        report(Problem(where, "not UTF-8; decoded as Windows-1252", skipped=False))
        return line.decode("cp1252", errors="replace")


def _record_article(line: str, path: Path, number: int, report: Report) -> Article | None:
    where = f"{path}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        report(Problem(where, f"not JSON ({error.msg} at column {error.colno}); line skipped"))
        return None
    except (ValueError, RecursionError) as error:
        report(Problem(where, f"not JSON ({error}); line skipped"))
        return None
    if not isinstance(record, dict):
        report(Problem(where, f"{_kind(record)}, not a JSON object; line skipped"))
        return None
    return _article_from_fields(record, path, number, report)


def _kind(value) -> str:
    """'a number', 'an array', ...: what a JSON value is, for messages."""
    name = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number",
            float: "number", type(None): "null"}.get(type(value), type(value).__name__)
    return ("an " if name[0] in "aeiou" else "a ") + name


def _article_from_fields(record: dict, path: Path, number: int, report: Report,
                         what: str = "line") -> Article | None:
    """An Article from a JSONL object or a CSV row (`record`), or None when it has no text."""
    where = f"{path}:{number}"
    text = record.get("text")
    if text is None:
        report(Problem(where, f"no 'text'; {what} skipped"))
        return None
    if not isinstance(text, str):
        report(Problem(where, f"'text' is {_kind(text)}, not a string; {what} skipped"))
        return None
    fallback = f"{_stem(path)}:{number}"
    raw_id = record.get("id")
    if raw_id is None:
        article_id = fallback
    elif isinstance(raw_id, int) and not isinstance(raw_id, bool):
        article_id = str(raw_id)
    elif isinstance(raw_id, str) and raw_id.strip():
        article_id = raw_id
    else:
        shown = "empty" if isinstance(raw_id, str) else _kind(raw_id)
        report(Problem(where, f"'id' is {shown}, not a string; using id {fallback!r}", skipped=False))
        article_id = fallback
    fields = {}
    for name in ("title", "url"):
        value = record.get(name)
        if value is None or isinstance(value, str):
            fields[name] = value or ""
        else:
            report(Problem(where, f"'{name}' is {_kind(value)}, not a string; ignored", skipped=False))
            fields[name] = ""
    raw_date = record.get("date")
    published = parse_date(raw_date, where, report) if raw_date not in (None, "") else None
    strings = [text, article_id, fields["title"], fields["url"]]
    if any(_SURROGATE.search(s) for s in strings):
        report(Problem(where, "lone UTF-16 surrogates replaced by U+FFFD (offsets unchanged)", skipped=False))
        text, article_id, fields["title"], fields["url"] = map(_no_surrogates, strings)
    return Article(id=article_id, text=text, title=fields["title"], url=fields["url"], date=published)


def parse_date(value, where: str, report: Report | None = None) -> date | None:
    """An ISO publication date (`YYYY-MM-DD`, optionally followed by a time), a written one ("Nov.
    22, 2016") or a numeric one only one reading fits ("11/28/2016"); anything else is reported as a
    warning and treated as unknown."""
    report = report or log_problem
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            written = _written_date(value) or _numeric_date(value)
            if written:
                return written
            reason = f"date {value!r} is not a real YYYY-MM-DD date"
    else:
        reason = f"date is {_kind(value)} ({value!r}), not a YYYY-MM-DD string"
    report(Problem(where, f"{reason}; publication date unknown", skipped=False))
    return None


WRITTEN_DATE = re.compile(r"(?=.*\b(?:19|20)\d\d\b)(?=.*\b\d{1,2}(?:st|nd|rd|th)?\b)(?=.*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)",
                          re.IGNORECASE)


NUMERIC_DATE = re.compile(r"\s*(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b")


def _numeric_date(value: str) -> date | None:
    """A day and a month in either order before a full year, where only one order makes a date:
    "11/28/2016" and "28.11.2016" (not "11/12/2016", which could be either)."""
    match = NUMERIC_DATE.match(value)
    if not match:
        return None
    first, second, year = map(int, match.groups())
    orders = {(year, month, day) for month, day in ((first, second), (second, first)) if month <= 12}
    if len(orders) != 1:
        return None
    try:
        return date(*orders.pop())
    except ValueError:
        return None


def _written_date(value: str) -> date | None:
    """A date written with a day, a month name and a full year ("9 Oct 2012", "Nov. 22, 2016")."""
    if not WRITTEN_DATE.match(value):
        return None
    try:
        return dateutil_parser.parse(value, fuzzy=True).date()
    except (ValueError, OverflowError):
        return None


def read_csv(path: Path, report: Report | None = None, max_chars: int | None = None) -> Iterator[Article]:
    """Articles from a CSV file with a header row; the text column is found by name."""
    report = report or log_problem
    max_chars = max_chars or MAX_ARTICLE_CHARS
    text = _read_text(path, report)
    if text is None:
        return
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    header_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = ","
    if "," not in header_line:
        delimiter = ";" if ";" in header_line else "\t" if "\t" in header_line else ","
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as error:
        report(Problem(str(path), f"no CSV header row ({error or 'empty'})"))
        return
    columns = {}
    for index, name in enumerate(header):
        columns.setdefault(name.strip().lower(), index)
    text_column = next((columns[name] for name in TEXT_COLUMNS if name in columns), None)
    if text_column is None:
        shown = ", ".join(repr(h) for h in header[:10]) or "none"
        report(Problem(str(path), f"no text column (one of {', '.join(TEXT_COLUMNS)}); "
                                  f"columns: {shown}; file skipped"))
        return
    fields = {name: columns.get(name) for name in ("id", "title", "url", "date")}
    fields["text"] = text_column
    previous_end = reader.line_num
    while True:
        first_line = previous_end + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            report(Problem(f"{path}:{first_line}", f"not CSV ({error}); row skipped"))
            previous_end = reader.line_num
            continue
        previous_end = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        record = {name: row[index] if index is not None and index < len(row) else None
                  for name, index in fields.items()}
        record = {name: (value if value != "" or name == "text" else None) for name, value in record.items()}
        article = _article_from_fields(record, path, first_line, report, what="row")
        if article is not None:
            article.text = _capped(article.text, f"{path}:{first_line}", report, max_chars)
            yield article


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
MAX_HTML_BYTES = 20_000_000  # trafilatura's own limit


def read_html(path: Path, report: Report | None = None, max_chars: int | None = None) -> Article | None:
    """The main text of a saved web page (trafilatura), with its title, URL and date."""
    report = report or log_problem
    data = path.read_bytes()
    if not data.strip():
        report(Problem(str(path), "empty file"))
        return None
    if len(data) > MAX_HTML_BYTES:
        report(Problem(str(path), f"page is {len(data) / 1e6:.0f} MB; HTML larger than "
                                  f"{MAX_HTML_BYTES / 1e6:.0f} MB is not read"))
        return None
    html = _decode_html(data, path, report)
    if html is None:
        return None
    import trafilatura

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    document = None
    for recall in (False, True):
        document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                               favor_recall=recall)
        if document is not None and (getattr(document, "text", None) or "").strip():
            break
    text = (getattr(document, "text", None) or "") if document is not None else ""
    if not text.strip():
        report(Problem(str(path), "no article text found in the page; skipped"))
        return None
    where = str(path)
    text = _repaired(_capped(text, where, report, max_chars or MAX_ARTICLE_CHARS), where, report)
    title = repair_mojibake(document.title or "").strip()
    url = (document.url or "").strip()
    published = parse_date(document.date, where, report) if document.date else None
    return Article(id=_stem(path), text=text, title=title, url=url, date=published)


def _decode_html(data: bytes, path: Path, report: Report) -> str | None:
    """A page's text: its BOM, else the charset its <meta> declares, else as any text file."""
    if not bom_encoding(data) and b"\x00" not in data[:CONTROL_SAMPLE]:
        match = _META_CHARSET.search(data[:4096])
        if match:
            declared = match.group(1).decode("ascii").lower()
            if declared in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
                declared = "cp1252"  # as browsers do (WHATWG Encoding)
            try:
                codecs.lookup(declared)
            except LookupError:
                declared = None
            if declared:
                try:
                    return data.decode(declared)
                except UnicodeDecodeError:
                    pass  # the declaration is wrong: detect
    try:
        text, note = decode_bytes(data)
    except NotText as error:
        report(Problem(str(path), str(error)))
        return None
    if not text.strip():
        report(Problem(str(path), "empty file"))
        return None
    if note:
        report(Problem(str(path), note, skipped=False))
    return text


# --- writers ------------------------------------------------------------------------


@contextlib.contextmanager
def atomic_writer(path: str | Path, newline: str | None = None) -> Iterator[IO[str]]:
    """Open a hidden temporary file beside `path`; rename it over `path` only on success.

    The new file gets the permissions a plain `open` would give it (the temporary
    file is created 0600), and is flushed to disk before the rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline=newline, dir=path.parent,
                                         prefix=f".{path.name}.", suffix=".tmp", delete=False)
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, _default_mode(path))
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _default_mode(path: Path) -> int:
    """The mode of the file being replaced, or 0666 less the umask for a new one."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read without changing it where /proc allows (os.umask sets it)."""
    with contextlib.suppress(OSError, ValueError, StopIteration):
        with open("/proc/self/status", encoding="ascii") as status:
            return int(next(line for line in status if line.startswith("Umask:")).split()[1], 8)
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Neutralise a CSV cell a spreadsheet would run as a formula (OWASP: prefix a quote).

    Only strings are touched: numbers (a longitude of -43.2) stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(path: str | Path, columns: list[str], rows: Iterable[dict]) -> None:
    with atomic_writer(path, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: safe_cell(value) for key, value in row.items()})


def write_json(path: str | Path, data) -> None:
    with atomic_writer(path) as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
