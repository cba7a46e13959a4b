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


def without_apostrophes(key: str) -> str:
    """A folded key as news often writes it, without transliteration marks: "tskhinvali" for "ts'khinvali"."""
    return key.replace("'", "")


# Curly apostrophes and transliteration marks are one apostrophe; hyphens and dots part words.
_PUNCTUATION = str.maketrans({"’": "'", "‘": "'", "ʻ": "'", "ʼ": "'", "`": "'", "-": " ", ".": " "})
