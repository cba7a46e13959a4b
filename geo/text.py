"""Text helpers shared by the stages: tokens, sentences and web-page debris.

Everything works on character offsets into the article text, never on copies.
The stages read one article after another, so `tokens`, `sentences` and
`debris_spans` remember their answer for the last text they were given: the
recognizer, the resolver and the event extractor share it.  The lists they
return are shared, so callers must not change them.
"""
from __future__ import annotations

import math
import os
import re
import sqlite3
from bisect import bisect_left
from functools import lru_cache, partial
from importlib.util import find_spec
from itertools import accumulate, repeat
from operator import itemgetter
from pathlib import Path
from typing import Iterable, NamedTuple

from .gazetteer import aliases, default_path

# A break between sentences: after an end mark (which belongs to the sentence before it; matched,
# not looked behind for, as that is faster), closing quotes and space before a capital or a digit;
# a blank line; a line break before a capital.
SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z“\"])")
ABBREVIATIONS = {"mr.", "mrs.", "ms.", "dr.", "st.", "gen.", "sen.", "rep.", "gov.", "lt.", "col.", "det.", "insp.",
                 "supt.", "cpl.", "rev.",
                 "capt.", "maj.", "sgt.", "prof.", "jr.", "sr.", "inc.", "co.", "corp.", "ltd.",
                 "vs.", "no.", "mt.", "ft.", "ste.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
                 "sep.", "sept.", "oct.", "nov.", "dec.", "u.s.", "u.k.", "u.n.", "e.g.", "i.e."}
ABBREVIATIONS |= {row["alias"].lower() for row in aliases() if row["alias"].endswith(".")}


KELVIN_SIGN = "\u212a"  # the one non-ASCII character whose lower case is an ASCII letter ("k")


def _any_case(word: str) -> str:
    """A pattern for the strings whose lower case is the ASCII `word`: "dr" -> "[dD][rR]"."""
    return "".join(f"[{ch}{ch.upper()}{KELVIN_SIGN if ch == 'k' else ''}]" for ch in word)


# A word keeps a trailing period when it is a known abbreviation ("Dr.") or a single letter
# ("D.", and "U." "S." in "U.S."; not the "s" of "the 1990s."); any other period is a token of its
# own. (A lone numeric character such as "½" counts as a letter here, as it does in \w.)
_WORD_ABBREVIATIONS = [a[:-1] for a in sorted(ABBREVIATIONS, key=len, reverse=True) if re.fullmatch(r"[a-z]+\.", a)]
# The lookahead spares most words the trial of every abbreviation.
_ABBREVIATION = (rf"(?=[a-zA-Z{KELVIN_SIGN}]{{2,{len(_WORD_ABBREVIATIONS[0])}}}\.)"
                 rf"(?:{'|'.join(map(_any_case, _WORD_ABBREVIATIONS))})")
_WORD = r"[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)*"  # letters, with inner apostrophes ("rock'n'roll")
_WHOLE_WORD = r"[^\W\d_]++(?:['’](?![sS]\b)[^\W\d_]++)*+"  # the same, possessive: never a shorter match
# In order: a possessive 's; a word (the common case first: a whole word with no period after
# it; then one keeping its period; then one before a period of its own); a number; a mark.
TOKEN = re.compile(rf"['’][sS]\b|(?=[^\W\d_])(?:{_WHOLE_WORD}(?!\.)|(?:{_ABBREVIATION}|(?<!\d)[^\W\d_])\.|{_WORD})"
                   r"|\d+(?:[.,]\d+)*|[^\w\s]")
# Tokens and the text between them: split() gives gap, token, gap, ..., token, gap.
_TOKENS_AND_GAPS = re.compile(f"({TOKEN.pattern})")


class Token(NamedTuple):
    """A token's span and text; `is_capitalised`, `is_word` and `lowered` are worked out once."""

    start: int
    end: int
    text: str
    is_capitalised: bool
    is_word: bool
    lowered: str  # the text in lower case
    opens_line: bool  # a line break comes between it and the token before


_new_token = partial(tuple.__new__, Token)  # Token from one tuple, without a Python-level call
# "d'Ivoire", "l'Aquila": a word opening with an elided article before a capital is a name's word.
_ELIDED = re.compile(r"(?<![\w'’])[^\W\d_]['’](?=[^\W\d_])")
_CAPITAL_JOINER = re.compile(r"\b(?:AND|OF|THE)\b")  # a headline's small words, in capitals
_APOSTROPHE = re.compile(r"['’](?=[^\W\d_])")  # where _ELIDED may end: much faster to find
# "eThekwini", "uMngeni", "iSimangaliso": a Nguni name's class prefix in lower case before its capital.
_PREFIXED_NAME = re.compile(r"[eiuo][A-Z][a-z]{3,}")  # (found without a look-behind: far faster)
_WORD_BEFORE = re.compile(r"[\w'’]")  # ... and no word's letter or apostrophe before it


@lru_cache(maxsize=1)
def tokens(text: str) -> list[Token]:
    """Words (with inner apostrophes and a trailing period), numbers and punctuation.

    A possessive "'s" is a token of its own, so "Russia's" yields "Russia".
    A trailing period stays on a word only when the word is a known abbreviation
    ("Dr.", "U.S.") or a single capital ("D."); otherwise it is its own token.
    Built with C-level list operations only: an article has hundreds of tokens.
    """
    parts = _TOKENS_AND_GAPS.split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    words = parts[1::2]
    firsts = list(map(itemgetter(0), words))
    starts = offsets[1::2]
    capitalised = list(map(str.isupper, firsts))
    _mark(capitalised, starts, True, (apostrophe.start() - 1 for apostrophe in _APOSTROPHE.finditer(text)
                                      if apostrophe.start() >= 1 and _ELIDED.match(text, apostrophe.start() - 1)
                                      and text[apostrophe.end()].isupper()))
    _mark(capitalised, starts, True, (prefixed.start() for prefixed in _PREFIXED_NAME.finditer(text)
                                      if not (prefixed.start() and _WORD_BEFORE.match(text, prefixed.start() - 1))))
    # "AND" of "CORNWALL AND SOMERSET" joins, as "and" does
    _mark(capitalised, starts, False, (joiner.start() for joiner in _CAPITAL_JOINER.finditer(text)))
    line_breaks = map(str.__contains__, parts[0:-1:2], repeat("\n"))  # in the gap before each token
    return list(map(_new_token, zip(starts, offsets[2::2], words, capitalised, map(str.isalpha, firsts),
                                    map(str.lower, words), line_breaks)))


def _mark(flags: list[bool], starts: list[int], value: bool, positions: Iterable[int]) -> None:
    """Set the flag of each token that starts at one of the positions."""
    for position in positions:
        k = bisect_left(starts, position)
        if k < len(starts) and starts[k] == position:
            flags[k] = value


@lru_cache(maxsize=1)
def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end); a split needs an end mark then a capital, or a line break."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        end = match.start() + (text[match.start()] in ".!?")  # keep the end mark
        before = text[max(start, end - 6): end].split()
        if before and before[-1].lower() in ABBREVIATIONS:
            continue
        span = _trim(text, start, end)
        if span[0] < span[1]:
            spans.append(span)
        start = match.end()
    span = _trim(text, start, len(text))
    if span[0] < span[1]:
        spans.append(span)
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# Page furniture that scrapers keep: navigation words, share buttons, bylines,
# timestamps and photo credits. Lines made of these carry no places.
NAVIGATION_WORDS = {
    "menu", "explore", "home", "search", "subscribe", "sign", "in", "up", "log", "login", "share",
    "follow", "us", "advertisement", "skip", "to", "content", "newsletter", "newsletters",
    "trending", "more", "read", "close", "latest", "news", "sections", "e-paper", "epaper",
    "premium", "video", "videos", "photos", "comments", "print", "email", "whatsapp", "facebook",
    "twitter", "x", "linkedin", "telegram", "copy", "link", "and", "the", "of",
}
BYLINE = re.compile(r"^\s*(?:by\s*[A-Z]|written by|reported by|edited by|posted by)", re.IGNORECASE)
# ... where a byline says where: "By a staff reporter in Sfax, Tunisia", "By our Connacht correspondent",
# "By our correspondent, Hoima", "By Staff Reporter | BHOPAL"
BYLINE_PLACE = re.compile(r"\b(?:in|from) [A-Z]|\b[Oo]ur [A-Z]\w* correspondent"
                          r"|\b(?i:correspondent|reporter|writer)\s*[,|]?\s+[A-Z]")
TIMESTAMP = re.compile(
    r"^\s*(?:updated|published|posted|last updated)?\s*:?\s*(?:on\s+)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:[\s,|]+\d{1,2}[:.]\d{2}\s*(?:[AP]\.?M\.?)?\s*(?:[A-Z]{2,4})?)?\s*$",
    re.IGNORECASE,
)
PHOTO_CREDIT = re.compile(r"(?:\(\s*(?:[A-Z]{2,}|AP|AFP|Reuters|Getty Images|File|Photo)[^()]{0,40}\)\s*$"
                          r"|^\s*(?:photo|image|file photo|picture)\s*(?::|credit|courtesy)"
                          r"|(?:photo|image|picture)\s*:\s*[A-Z][^.]{0,60}$)")
PHOTO_CREDIT_CLUES = ("(", "photo", "image", "picture")  # a photo credit has one of these
# A dateline alone on its line looks like a credit: "Washington (CNN)", "NEW YORK, N.Y. (AP)".
DATELINE_LINE = re.compile(r"^[A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){0,3},?\s*\([A-Za-z]{2,12}\)\s*$")
LINE_WORD = re.compile(r"[\w-]+")  # the words of a line, as the debris tests count them


@lru_cache(maxsize=1)
def debris_spans(text: str) -> list[tuple[int, int]]:
    """Spans of lines that are page furniture rather than article prose."""
    spans, offset = [], 0
    for line in text.splitlines(keepends=True):
        if _is_debris(line):
            spans.append((offset, offset + len(line)))
        offset += len(line)
    return spans


def _is_debris(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    lowered = stripped.lower()
    if _navigation_only(lowered):
        return True
    return bool(BYLINE.match(stripped) and len(LINE_WORD.findall(lowered)) <= 8 and not BYLINE_PLACE.search(stripped)
                or TIMESTAMP.match(stripped)
                or any(clue in stripped for clue in PHOTO_CREDIT_CLUES) and PHOTO_CREDIT.search(stripped)
                and not DATELINE_LINE.match(stripped))


def _navigation_only(lowered: str) -> bool:
    """Has the line words, all of them navigation words? (Prose fails at its first other word.)"""
    words = LINE_WORD.finditer(lowered)
    first = next(words, None)
    return first is not None and first.group() in NAVIGATION_WORDS and all(
        word.group() in NAVIGATION_WORDS for word in words)


# Words that wordfreq takes as they are (one token, no folding), but for a final full stop it drops ("mr."):
# lower-case Latin letters that case folding leaves alone, with apostrophes inside ("o'leary").
LATIN_LOWER = "a-z" + "".join(ch for ch in map(chr, range(0xE0, 0x250)) if ch.islower() and ch.casefold() == ch)
PLAIN_WORD = re.compile(rf"([{LATIN_LOWER}]+(?:'[{LATIN_LOWER}]+)*)\.?")


@lru_cache(maxsize=100_000)
def word_frequency(word: str) -> float:
    """Zipf frequency of a word in English (0 = unseen, 7 = "the"), as wordfreq gives it.

    A plain lower-case word is looked up in a copy of wordfreq's English list kept in SQLite beside
    the gazetteer (`word_table`), so that a run need not load all 321,000 words (0.2 s) and wordfreq
    itself (0.2 s) before its first answer; wordfreq answers the rest."""
    plain = PLAIN_WORD.fullmatch(word)
    table = word_table() if plain else None
    if table is not None:
        row = table.execute("SELECT zipf FROM words WHERE word = ?", (plain[1],)).fetchone()
        if row:
            return row[0]
        if "'" not in word:  # wordfreq splits some words it does not list at an apostrophe ("xi'an")
            return 0.0
    from wordfreq import zipf_frequency
    return zipf_frequency(word, "en")


def phrase_frequency(phrase: str) -> float:
    """`word_frequency` of a name of several plain words ("hong kong", "beni suef"), worked out as
    wordfreq does (1/f the sum of its words' 1/f) from the words' own frequencies, so that a run
    need not load wordfreq for it."""
    words = phrase.replace("-", " ").split()
    if len(words) < 2 or not all(map(PLAIN_WORD.fullmatch, words)):
        return word_frequency(phrase)
    zipfs = [word_frequency(word) for word in words]
    if min(zipfs) <= 0:
        return 0.0
    return round(9 - math.log10(sum(10 ** (9 - zipf) for zipf in zipfs)), 2)


_word_tables: dict[int, sqlite3.Connection | None] = {}  # by process: a worker does not share its parent's


def word_table() -> sqlite3.Connection | None:
    """wordfreq's English list as a SQLite table `words(word, zipf)`, made on first use; None where
    it cannot be written (wordfreq then answers every word)."""
    if os.getpid() not in _word_tables:
        _word_tables[os.getpid()] = _open_word_table(default_path().with_name("english-words.sqlite"))
    return _word_tables[os.getpid()]


def _open_word_table(path: Path) -> sqlite3.Connection | None:
    source = Path(find_spec("wordfreq").origin).with_name("data") / "large_en.msgpack.gz"
    stamp = str(source.stat().st_mtime_ns)  # a new wordfreq brings a new list
    try:
        table = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        if table.execute("SELECT value FROM meta WHERE key = 'source'").fetchone() == (stamp,):
            return table
        table.close()
    except sqlite3.Error:
        pass
    try:
        _write_word_table(path, stamp)
    except (OSError, sqlite3.Error):
        return None
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


def _write_word_table(path: Path, stamp: str) -> None:
    from wordfreq import freq_to_zipf, get_frequency_dict, tokenize
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with sqlite3.connect(tmp) as db:
        db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, zipf REAL) WITHOUT ROWID")
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        db.executemany("INSERT INTO words VALUES (?, ?)",
                       ((word, round(freq_to_zipf(frequency), 2))  # as zipf_frequency rounds it
                        for word, frequency in get_frequency_dict("en").items()
                        if PLAIN_WORD.fullmatch(word) and (word.isascii() and word.isalpha() or tokenize(word, "en") == [word])))
        db.execute("INSERT INTO meta VALUES ('source', ?)", (stamp,))
    db.close()
    os.replace(tmp, path)
