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


# Apostrophes and transliteration marks go ("Ts’khinvali" is "Tskhinvali"); hyphens and dots part words.
_PUNCTUATION = str.maketrans({"'": None, "’": None, "‘": None, "ʻ": None, "ʼ": None, "`": None, "-": " ", ".": " "})
