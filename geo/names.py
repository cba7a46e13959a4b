"""How place names are compared: the lookup key of a name."""
from __future__ import annotations

import unicodedata


def fold(name: str) -> str:
    """The lookup key of a name: accents removed, case folded, spacing normalised."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("’", "'").replace("‘", "'").replace("-", " ").replace(".", " ")
    return " ".join(stripped.casefold().split())
