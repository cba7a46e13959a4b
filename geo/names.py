"""How place names are compared: the lookup key of a name."""
from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """The lookup key of a name: accents removed, case folded, spacing normalised."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.translate(_PUNCTUATION)
    return " ".join(stripped.casefold().split())


def spelled_out(key: str) -> str:
    """A folded key with the short words of names written in full: "st petersburg" -> "saint petersburg"."""
    return " ".join(SHORT_WORDS.get(word, word) for word in key.split())


def without_apostrophes(key: str) -> str:
    """A folded key as news often writes it, without transliteration marks: "tskhinvali" for "ts'khinvali"."""
    return key.replace("'", "")


SHORT_WORDS = {"mt": "mount", "st": "saint", "ste": "sainte", "ft": "fort"}  # "Mt. Juliet", "St. Petersburg"
# Curly apostrophes and transliteration marks are one apostrophe; hyphens and dots part words.
_PUNCTUATION = str.maketrans({"’": "'", "‘": "'", "ʻ": "'", "ʼ": "'", "`": "'", "-": " ", ".": " "})
