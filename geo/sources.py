"""Readers of articles and writers of results.

Inputs: a `.txt` article (an optional first line `date YYYY-MM-DD` gives the
publication date), a folder of them, or JSONL with `id`, `text` and optional
`title`, `url`, `date`. Outputs are written to a temporary file and renamed,
so an interrupted run never leaves a half-written file.
"""
from __future__ import annotations

import contextlib
import csv
import json
import logging
import os
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import IO, Iterable, Iterator

from .model import Article

log = logging.getLogger(__name__)
DATE_LINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[^\n]*\n?")


class InputError(Exception):
    """An input that cannot be read as articles; the message says why."""


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article]:
    """Articles from files and folders, in sorted order within each folder."""
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.suffix.lower() in (".txt", ".jsonl")):
                yield from _read_file(child)
        elif path.exists():
            yield from _read_file(path)
        else:
            raise InputError(f"{path}: no such file or folder")


def _read_file(path: Path) -> Iterator[Article]:
    if path.suffix.lower() == ".jsonl":
        yield from read_jsonl(path)
    else:
        yield read_text_article(path)


def read_text_article(path: Path) -> Article:
    """One plain-text article; the id is the file name without its suffix."""
    raw = path.read_text(encoding="utf-8-sig")
    text, published = raw, None
    match = DATE_LINE.match(raw)
    if match:
        published = _parse_date(match.group(1), str(path))
        text = raw[match.end():]  # the rest of that line is page furniture
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return Article(id=path.stem, text=text, title=title, date=published)


def read_jsonl(path: Path) -> Iterator[Article]:
    """Articles from JSON Lines; `text` is kept exactly as given so offsets stay valid."""
    with open(path, encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{path}:{number}: not JSON ({error.msg})") from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise InputError(f"{path}:{number}: needs an object with a string 'text'")
            yield Article(
                id=str(record.get("id", f"{path.stem}:{number}")),
                text=record["text"],
                title=str(record.get("title") or ""),
                url=str(record.get("url") or ""),
                date=_parse_date(record["date"], f"{path}:{number}") if record.get("date") else None,
            )


def _parse_date(value: str, where: str) -> date | None:
    """An ISO publication date; anything else is reported and treated as unknown."""
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        log.warning("%s: date %r is not YYYY-MM-DD; publication date unknown", where, value)
        return None


@contextlib.contextmanager
def atomic_writer(path: str | Path, newline: str | None = None) -> Iterator[IO[str]]:
    """Open a temporary file beside `path`; rename it over `path` only on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline=newline, dir=path.parent,
                                         prefix=f".{path.name}.", delete=False)
    try:
        with handle:
            yield handle
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Neutralise a CSV cell a spreadsheet would run as a formula (OWASP: prefix a quote)."""
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
