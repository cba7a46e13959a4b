"""Text helpers shared by the stages: tokens, sentences and web-page debris.

Everything works on character offsets into the article text, never on copies.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from wordfreq import zipf_frequency

from .gazetteer import aliases

TOKEN = re.compile(r"['’][sS]\b|[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)*\.?|\d+(?:[.,]\d+)*|[^\w\s]")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z“\"])")
ABBREVIATIONS = {"mr.", "mrs.", "ms.", "dr.", "st.", "gen.", "sen.", "rep.", "gov.", "lt.", "col.",
                 "capt.", "maj.", "sgt.", "prof.", "jr.", "sr.", "inc.", "co.", "corp.", "ltd.",
                 "vs.", "no.", "mt.", "ft.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
                 "sep.", "sept.", "oct.", "nov.", "dec.", "u.s.", "u.k.", "u.n.", "e.g.", "i.e."}
ABBREVIATIONS |= {row["alias"].lower() for row in aliases() if row["alias"].endswith(".")}


class Token(NamedTuple):
    """A token's span and text; `is_capitalised` and `is_word` are worked out once."""

    start: int
    end: int
    text: str
    is_capitalised: bool
    is_word: bool


def _token(start: int, end: int, text: str) -> Token:
    # "d'Ivoire", "l'Aquila": an elided article before a capital still makes a name's word
    capitalised = text[:1].isupper() or text[1:2] in ("'", "’") and text[2:3].isupper()
    return Token(start, end, text, capitalised, text[:1].isalpha())


def tokens(text: str) -> list[Token]:
    """Words (with inner apostrophes and a trailing period), numbers and punctuation.

    A possessive "'s" is a token of its own, so "Russia's" yields "Russia".
    A trailing period stays on a word only when the word is a known abbreviation
    ("Dr.", "U.S.") or a single capital ("D."); otherwise it is its own token.
    """
    result = []
    for match in TOKEN.finditer(text):
        start, end, word = match.start(), match.end(), match.group()
        if word.endswith(".") and len(word) > 1 and not _keeps_period(text, start, end):
            result.append(_token(start, end - 1, word[:-1]))
            result.append(_token(end - 1, end, "."))
        else:
            result.append(_token(start, end, word))
    return result


def _keeps_period(text: str, start: int, end: int) -> bool:
    word = text[start:end].lower()
    if word in ABBREVIATIONS or (len(word) == 2 and word[0].isalpha()):
        return True
    # "U.S." is matched as "U." "S."; keep the period when letters and periods alternate.
    return start >= 2 and text[start - 1] == "." and text[start - 2].isalpha() and len(word) == 2


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end); a split needs an end mark then a capital, or a line break."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        before = text[max(start, match.start() - 6): match.start()].split()
        if before and before[-1].lower() in ABBREVIATIONS:
            continue
        if text[start: match.start()].strip():
            spans.append(_trim(text, start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
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
TIMESTAMP = re.compile(
    r"^\s*(?:updated|published|posted|last updated)?\s*:?\s*(?:on\s+)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:[\s,|]+\d{1,2}[:.]\d{2}\s*(?:[AP]\.?M\.?)?\s*(?:[A-Z]{2,4})?)?\s*$",
    re.IGNORECASE,
)
PHOTO_CREDIT = re.compile(r"(?:\(\s*(?:[A-Z]{2,}|AP|AFP|Reuters|Getty Images|File|Photo)[^()]{0,40}\)\s*$"
                          r"|^\s*(?:photo|image|file photo|picture)\s*(?::|credit|courtesy)"
                          r"|(?:photo|image|picture)\s*:\s*[A-Z][^.]{0,60}$)")


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
    words = re.findall(r"[\w-]+", stripped.lower())
    if words and all(word in NAVIGATION_WORDS for word in words):
        return True
    return bool(BYLINE.match(stripped) and len(words) <= 8 or TIMESTAMP.match(stripped)
                or PHOTO_CREDIT.search(stripped))


@lru_cache(maxsize=100_000)
def word_frequency(word: str) -> float:
    """Zipf frequency of a word in English (0 = unseen, 7 = "the")."""
    return zipf_frequency(word, "en")
