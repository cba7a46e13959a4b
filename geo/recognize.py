"""Toponym recognition: find the spans of an article that name places.

Three signals, each general rather than tied to any text:
1. Gazetteer names in capitalised runs, longest match first ("Rio de Janeiro",
   not "Rio"), with filters for people and organisations (titles before a name,
   names in surname position, media and institution words) and for common words.
2. Locative context: a capitalised name no gazetteer knows, after "in", "at",
   "near" (and the names coordinated with it: "in Demchok and Depsang"), when
   the word is rare in English and is no acronym, month or weekday.
3. Qualified regions: a direction before a region ("Eastern Ladakh",
   "northern Syria") is one mention whose `name` is the region.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import attrgetter

from .gazetteer import Gazetteer
from .names import fold
from .model import Mention
from .text import Token, debris_spans, tokens, word_frequency

MAX_NAME_TOKENS = 6
# Lower-case words that may sit inside a place name ("Rio de Janeiro", "Isle of Man").
CONNECTORS = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "les",
              "el", "al", "of", "upon", "on", "sur", "en", "y", "and", "am", "im", "an", "der", "den"}
DIRECTIONS = {
    "north": "north", "northern": "north", "south": "south", "southern": "south",
    "east": "east", "eastern": "east", "west": "west", "western": "west",
    "central": "central", "northeast": "northeast", "north-east": "northeast",
    "northeastern": "northeast", "north-eastern": "northeast", "northwest": "northwest",
    "north-west": "northwest", "northwestern": "northwest", "north-western": "northwest",
    "southeast": "southeast", "south-east": "southeast", "southeastern": "southeast",
    "south-eastern": "southeast", "southwest": "southwest", "south-west": "southwest",
    "southwestern": "southwest", "south-western": "southwest", "upper": "north", "lower": "south",
}
LOCATIVES = {"in", "at", "near", "outside", "around", "across", "inside", "within", "from",
             "towards", "toward", "via", "between", "across", "throughout", "to"}
# Words that, just before a capitalised name, say the name is a person's.
PERSON_TITLES = {
    "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "president", "minister", "premier",
    "chancellor", "senator", "sen", "rep", "gov", "governor", "mayor", "general", "gen", "admiral",
    "adm", "colonel", "col", "captain", "capt", "lt", "sgt", "major", "king", "queen", "prince",
    "princess", "pope", "judge", "justice", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "counterpart", "ambassador", "envoy", "chief", "commander", "prof",
    "professor", "coach", "director", "chairman", "chairwoman", "ceo", "officer", "leader",
    "councillor", "councilman", "deputy", "son", "daughter", "wife", "husband", "brother",
    "sister", "father", "mother", "uncle", "aunt", "cousin", "nephew", "niece", "mp", "mla",
    "actor", "actress", "singer", "author", "writer", "reporter", "correspondent", "player",
    "striker", "dubbed", "named", "called", "saint", "st", "by",
}
TITLES = PERSON_TITLES - {"by", "st", "saint"}  # those that also mark the name after them as a person's
# Words that make a capitalised run an organisation, event or publication.
ORGANISATION_WORDS = {
    "ministry", "department", "university", "college", "school", "institute", "council",
    "committee", "commission", "organization", "organisation", "association", "party", "bank",
    "company", "corporation", "corp", "inc", "ltd", "llc", "group", "news", "desk", "times",
    "post", "herald", "journal", "tribune", "gazette", "daily", "press", "agency", "summit",
    "meeting", "meetings", "forum", "conference", "army", "navy", "force", "forces", "police",
    "court", "hospital", "clinic", "centre", "center", "foundation", "airlines", "airways",
    "club", "fc", "league", "cup", "games", "olympics", "championship", "festival", "award",
    "prize", "church", "cathedral", "mosque", "temple", "museum", "stadium", "airport", "station",
    "hotel", "house", "office", "board",
    "authority", "service", "services", "union", "federation", "alliance", "front", "movement",
    "times", "channel", "tv", "radio", "network", "magazine", "review", "show", "act", "treaty",
    "accord", "declaration", "plus", "ministers", "representatives", "parliament", "assembly",
    "senate", "congress", "cabinet", "government", "administration", "state's", "fund",
    "programme", "program", "project", "initiative", "society", "institution", "laboratory",
    "lab", "labs", "technologies", "systems", "industries", "holdings", "partners", "media",
    "elementary", "high", "academy", "mall", "restaurant", "bar", "cafe", "store", "market",
}
# Words that make a capitalised run a publication or broadcaster, whose place name is no toponym.
MEDIA_WORDS = {"times", "daily", "post", "herald", "journal", "tribune", "gazette", "press", "presse",
               "news", "broadcasting", "radio", "tv", "television", "channel", "magazine", "chronicle",
               "telegraph", "guardian", "observer", "courier", "mail", "globe", "star", "sun"}
EPONYM_FOLLOWERS = {"virus", "viruses", "fever", "flu", "influenza", "disease", "syndrome", "strain",
                    "variant", "encephalitis", "dollar", "dollars"}
# A capitalised run ending or starting with these words names a place even when no gazetteer
# holds it ("Metcalfe County", "Hutcheson Road", "Fort Detrick", "Lake Erie").
FEATURE_SUFFIXES = {"county", "parish", "province", "district", "region", "valley", "island", "islands",
                    "river", "lake", "mountains", "hills", "bay", "gulf", "sea", "ocean", "desert",
                    "peninsula", "plateau", "strait", "canal", "street", "road", "avenue", "highway",
                    "boulevard", "square", "bridge", "park", "airport", "camp"}
FEATURE_PREFIXES = {"fort", "mount", "lake", "port", "cape", "isle", "camp"}
ADMIN_SUFFIXES = {"county", "parish", "province", "district", "region"}
SIGNIFICANT_CODES = {"PCLI", "ADM1", "CONT", "PPLC"}
MONTHS_AND_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
}
COMMON_WORD_ZIPF = 4.0  # at or above this, a capitalised word is more likely a word than a place
OPENING_WORD_ZIPF = 4.5  # a sentence's first word this common is no part of a name after it
RARE_WORD_ZIPF = 3.3  # below this, a capitalised word after "in" may be an unlisted place


@dataclass(frozen=True)
class _Match:
    first: int  # token indexes, inclusive
    last: int
    places: tuple


@dataclass(frozen=True)
class _MatchWords:
    """A gazetteer match in a run, and what the run's own words say about it."""

    match: _Match
    word: str  # its tokens joined by spaces
    significant: bool  # see _significant()
    demonym: bool  # every place it names, it names with an adjective ("Turkish")
    rejected: bool  # no place: a surname ("Rajnath Singh"), a first name ("Vladimir Putin"), a direction, a month
    needs_locative: bool  # a common word ("Centre") that is a place only after "in", "at", "near"


@dataclass(frozen=True)
class _RunWords:
    """What a capitalised run's own words say, wherever it stands; token indexes count from the run's start."""

    media: bool  # a publication's or broadcaster's name: "China Daily", "Agence France-Presse"
    organisation: bool  # an organisation's, event's or building's name
    feature_name: str | None  # shaped like a feature's name: the name to look up ("" for the run itself)
    matches: tuple[_MatchWords, ...]  # greedy longest gazetteer matches
    person_names: tuple[str, ...]  # people's names it shows without a title before it ("John Walsh")


class Recognizer:
    """Finds place mentions in text with the gazetteer and general cues."""

    def __init__(self, gazetteer: Gazetteer, demonyms: bool = False):
        """`demonyms=True` also marks adjectives of countries ("Turkish", "Syrian") as mentions
        of the country, as some annotation guidelines (TR-News) do; others (GeoVirus) do not."""
        self.gazetteer = gazetteer
        self.demonyms = demonyms
        # A run's words ("The", "United States", "Li Wei") come back article after article.
        self._run_words = lru_cache(maxsize=100_000)(self._words_of_run)

    def __call__(self, text: str) -> list[Mention]:
        toks = tokens(text)
        capitalised = _capitalised(toks)
        run_ends = _RunEnds(toks)
        blocked = _debris_tokens(text, toks)
        people = self._person_names(text, toks, capitalised, run_ends)
        mentions: list[Mention] = []
        after_run = 0
        for i in _name_starts(toks, capitalised):
            if i < after_run or i in blocked or self._plain_opening_word(toks, i, run_ends):
                continue
            end = run_ends[i]
            mentions.extend(self._mentions_in_run(text, toks, i, end, people))
            after_run = end + 1
        return sorted(set(mentions), key=lambda m: m.start)

    def _plain_opening_word(self, toks: list[Token], i: int, run_ends: _RunEnds) -> bool:
        """A common word capitalised only because it opens a sentence ("Yesterday Paris ...")."""
        token = toks[i]
        opens = i == 0 or toks[i - 1].text in ".!?\"“‘:;" or "\n" in toks[i - 1].text
        if not (opens and i + 1 < len(toks) and toks[i + 1].is_capitalised
                and word_frequency(token.text.lower()) >= OPENING_WORD_ZIPF):
            return False
        return not any(self.gazetteer.candidates(fold(self._surface(toks, i, j)))
                       for j in range(i, min(run_ends[i], i + MAX_NAME_TOKENS) + 1))

    @staticmethod
    def _surface(toks: list[Token], i: int, j: int) -> str:
        return " ".join(t.text for t in toks[i: j + 1])

    # --- one capitalised run -------------------------------------------------

    def _mentions_in_run(self, text, toks, first, last, people) -> list[Mention]:
        before = toks[first - 1].text.lower().rstrip(".") if first > 0 else ""
        if before in PERSON_TITLES or first < last and _is_title(toks[first]):
            return []  # "minister Paris Hilton", "President Georgia Brown"
        start, end = toks[first].start, toks[last].end
        run = self._run_words(text[start:end])
        if run.media:
            return []  # a publication's name: "The New York Times", "China Daily", "Agence France-Presse"
        if run.feature_name is not None and not run.organisation:
            return [Mention(start, end, text[start:end], name=run.feature_name, signal="pattern")]
        mentions = []
        for found in run.matches:
            # In an organisation's name only a major place counts ("U.S. Army", "Bank of Canada").
            if run.organisation and not found.significant:
                continue
            mention = self._accept(text, toks, found, first, people)
            if mention:
                mentions.append(mention)
        if not run.matches and not run.organisation:
            mentions.extend(self._locative_only(text, toks, first, last, people))
        return mentions

    def _words_of_run(self, surface: str) -> _RunWords:
        """Tokenised on its own, a run has the tokens it has in the article (it starts and ends at a word)."""
        toks = tokens(surface)
        last = len(toks) - 1
        organisation = _has_organisation_word(toks, 0, last)
        return _RunWords(media=any(t.text.lower() in MEDIA_WORDS for t in toks),
                         organisation=organisation,
                         feature_name=self._feature_name(surface, toks),
                         matches=tuple(_match_words(surface, toks, match)
                                       for match in self._gazetteer_matches(surface, toks, 0, last)),
                         person_names=self._names_in_run(toks) if not organisation else ())

    def _gazetteer_matches(self, text, toks, first, last) -> list[_Match]:
        """Greedy longest gazetteer matches inside the run [first, last]."""
        matches, i = [], first
        while i <= last:
            found = None
            if toks[i].is_capitalised:
                for j in range(min(last, i + 2 * MAX_NAME_TOKENS), i - 1, -1):
                    if not toks[j].is_capitalised:
                        continue
                    places = self._lookup(text, toks, i, j)
                    if places:
                        found = _Match(i, j, places)
                        break
            if found and found.first == found.last and _qualifies_next(toks, i, last):
                found = None  # "Eastern" before "Ladakh" is a qualifier, not the "Eastern" province
            if found:
                matches.append(found)
                i = found.last + 1
            else:
                i += 1
        return matches

    def _lookup(self, text, toks, i, j) -> tuple:
        surface = text[toks[i].start: toks[j].end]
        candidates = self.gazetteer.candidates(fold(surface))
        if _is_acronym(surface) and len(surface) < 5:
            return tuple(c for c in candidates if c.kind == "abbr")  # "US", not "Us"; "LONDON" may be London
        if any(c.kind == "demonym" for c in candidates):
            # "Canadian" is an adjective of Canada before it is a town in Texas.
            return tuple(c for c in candidates if c.kind == "demonym") if self.demonyms else ()
        abbreviated = "." in surface
        return tuple(c for c in candidates if c.kind in ("name", "alt") or c.kind == "abbr" and abbreviated)

    def _accept(self, text, toks, found: _MatchWords, first, people) -> Mention | None:
        """Keep a gazetteer match of the run starting at token `first` unless its position or
        its words say it is no place."""
        match_first, match_last = first + found.match.first, first + found.match.last
        direction = _direction(toks, match_first, first)
        if direction is not None:
            start_token = toks[direction]
            region = text[toks[match_first].start: toks[match_last].end]
            return Mention(start_token.start, toks[match_last].end,
                           text[start_token.start: toks[match_last].end], name=region,
                           qualifier=DIRECTIONS[start_token.text.lower()], signal="qualified")
        if found.rejected or found.word in people and not found.significant or _eponym(text, toks, match_last):
            return None
        if found.needs_locative and not _after_locative(toks, match_first):
            return None
        start, end = toks[match_first].start, toks[match_last].end
        return Mention(start, end, text[start:end], signal="demonym" if found.demonym else "gazetteer")

    def _person_names(self, text: str, toks: list[Token], capitalised: list[int], run_ends: _RunEnds) -> set[str]:
        """Words this article uses as people's names.

        After a title ("minister Rajnath Singh") every word of the name; else
        those the run's words show (see _names_in_run).
        `capitalised` are the indexes of the capitalised tokens, where names start.
        """
        names, after_run = set(), 0
        for i in capitalised:
            if i < after_run:
                continue
            end = run_ends[i] if toks[i].is_word else i
            if i > 0 and _is_title(toks[i - 1]):
                names.update(t.text for t in toks[i: end + 1] if t.is_capitalised)
            else:
                names.update(self._run_words(text[toks[i].start: toks[end].end]).person_names)
            after_run = end + 1
        return names

    def _names_in_run(self, toks: list[Token]) -> tuple[str, ...]:
        """In a two- or three-word run that no gazetteer holds whole ("John Walsh"), the surname,
        and the given name too when the surname is a rare word."""
        if not (2 <= len(toks) <= 3 and all(t.is_word and t.is_capitalised for t in toks)) \
                or self.gazetteer.candidates(fold(" ".join(t.text for t in toks))):
            return ()
        surname = toks[-1].text
        return (surname, toks[0].text) if word_frequency(surname.lower()) < RARE_WORD_ZIPF else (surname,)

    def _feature_name(self, surface: str, toks: list[Token]) -> str | None:
        """For a run shaped like a feature's name ("Metcalfe County", "Lake Erie", "Church Street"),
        the name to look up: "" for the run itself, or the shorter name; None for other runs."""
        words = [t for t in toks if t.is_capitalised and t.is_word]
        if len(words) < 2 or not (words[-1].text.lower() in FEATURE_SUFFIXES or words[0].text.lower() in FEATURE_PREFIXES):
            return None
        if self.gazetteer.candidates(fold(surface)):
            return None  # the gazetteer knows it whole; the normal path takes it
        if words[-1].text.lower() in ADMIN_SUFFIXES:
            name = surface[: words[-2].end]  # "Santa Clara County" is looked up as "Santa Clara"
            return name if name != surface else ""
        return ""

    def _locative_only(self, text, toks, first, last, people) -> list[Mention]:
        """A run no gazetteer knows is a place only in a locative context ("in Demchok and Depsang")."""
        if not _after_locative(toks, first):
            return []
        mentions = []
        for seg_first, seg_last in _segments(toks, first, last):
            words = [t for t in toks[seg_first: seg_last + 1] if t.is_capitalised]
            if any(_not_a_name(t.text) for t in words) or toks[seg_first].text in people:
                continue
            start, end = toks[seg_first].start, toks[seg_last].end
            mentions.append(Mention(start, end, text[start:end], signal="context"))
        return mentions


# --- helpers on token lists ---------------------------------------------------


def _match_words(surface: str, toks: list[Token], match: _Match) -> _MatchWords:
    """What the words of the run `surface` (tokens `toks`) say about one of its gazetteer matches."""
    last = len(toks) - 1
    word = " ".join(t.text for t in toks[match.first: match.last + 1])
    significant, major = _significant(match.places), _major(match.places)
    surname = _glued(surface, toks, match.first - 1, match.first, 0, last) and not major  # "Rajnath Singh"
    # A first name ("Vladimir Putin"); a major place may modify ("Kentucky State Police").
    first_name = _glued(surface, toks, match.last, match.last + 1, 0, last) and (
        not significant or word_frequency(toks[match.last + 1].text.lower()) < RARE_WORD_ZIPF and not major)
    # A common word ("Centre", "Lakes", "Buffalo") is a place when it is a country or a great
    # city, or when the text puts it after "in", "at", "near".
    common = match.first == match.last and word_frequency(word.lower()) >= COMMON_WORD_ZIPF
    return _MatchWords(match, word, significant,
                       demonym=all(c.kind == "demonym" for c in match.places),
                       rejected=surname or first_name or word.lower() in DIRECTIONS or word.lower() in MONTHS_AND_DAYS,
                       needs_locative=common and not major)


def _segments(toks: list[Token], first: int, last: int) -> list[tuple[int, int]]:
    """Split a run on "and"/"&": "Demchok and Depsang" -> two names."""
    segments, start = [], first
    for k in range(first, last + 1):
        if toks[k].text.lower() in ("and", "&"):
            segments.append((start, k - 1))
            start = k + 1
    segments.append((start, last))
    return [(a, b) for a, b in segments if a <= b]


def _capitalised(toks: list[Token]) -> list[int]:
    """Indexes of the capitalised tokens (found at C speed: most tokens are not)."""
    return list(compress(range(len(toks)), map(attrgetter("is_capitalised"), toks)))


def _name_starts(toks: list[Token], capitalised: list[int]) -> list[int]:
    """Where a name may start: a capitalised token, or a lower-case direction before one ("northern Syria")."""
    directions = [i - 1 for i in capitalised if i > 0 and toks[i - 1].text.lower() in DIRECTIONS]
    return sorted(set(capitalised).union(directions))


class _RunEnds(dict):
    """Token index -> last index of the capitalised run starting there, each worked out once."""

    def __init__(self, toks: list[Token]):
        super().__init__()
        self.toks = toks

    def __missing__(self, i: int) -> int:
        self[i] = end = _run_end(self.toks, i)
        return end


def _run_end(toks: list[Token], i: int) -> int:
    """Last index of the capitalised run starting at i (connectors and hyphens join)."""
    j = i
    while j + 1 < len(toks):
        nxt = toks[j + 1]
        if nxt.is_capitalised and nxt.is_word and _adjacent(toks[j], nxt):
            j += 1
        elif (nxt.text.lower() in CONNECTORS or nxt.text in "-'’&") \
                and j + 2 < len(toks) and toks[j + 2].is_capitalised and toks[j + 2].is_word:
            j += 2
        else:
            break
    return j


def _glued(text: str, toks: list[Token], left: int, right: int, first: int, last: int) -> bool:
    """Are tokens left and right capitalised words of the run [first, last], one space apart?"""
    if left < first or right > last:
        return False
    a, b = toks[left], toks[right]
    return (a.is_capitalised and a.is_word and b.is_capitalised and b.is_word
            and a.text.lower() not in DIRECTIONS and text[a.end: b.start] == " ")


def _qualifies_next(toks: list[Token], i: int, last: int) -> bool:
    return toks[i].text.lower() in DIRECTIONS and i < last and toks[i + 1].is_capitalised


def _adjacent(a: Token, b: Token) -> bool:
    return b.start - a.end <= 1


def _after_locative(toks: list[Token], i: int) -> bool:
    """Is token i after "in"/"at"/"near", directly or in a list ("in A, B and C")?"""
    k = i - 1
    while k >= 0:
        word = toks[k].text.lower()
        if word in LOCATIVES:
            return True
        if word in {"and", "or", ",", "the"} or toks[k].is_capitalised or word in DIRECTIONS:
            k -= 1
            continue
        return False
    return False


def _direction(toks: list[Token], match_first: int, run_first: int) -> int | None:
    k = match_first - 1
    if k >= 0 and toks[k].text.lower() in DIRECTIONS and (k >= run_first or not toks[k].is_capitalised):
        return k
    return None


def _is_title(token: Token) -> bool:
    return token.text.lower().rstrip(".") in TITLES


def _is_acronym(surface: str) -> bool:
    letters = surface.replace(".", "").replace(" ", "")
    return len(letters) > 1 and letters.isupper()


def _has_organisation_word(toks: list[Token], first: int, last: int) -> bool:
    return any(toks[k].text.lower() in ORGANISATION_WORDS for k in range(first, last + 1))


def _significant(candidates) -> bool:
    """A country, division, continent, capital, curated feature or a town of 100,000."""
    return any(_denotes(c) and (c.place.feature_code in SIGNIFICANT_CODES or c.place.source == "curated"
                                or c.place.population >= 100_000) for c in candidates)


def _major(candidates) -> bool:
    """Major enough to be a place even right after another capitalised word ("Skate Canada")."""
    return any(_denotes(c) and (c.place.feature_code in ("PCLI", "ADM1", "CONT") or c.place.population >= 500_000)
               for c in candidates)


def _denotes(candidate) -> bool:
    """Does the name properly denote the place (main name or abbreviation; any name of a country)?"""
    return candidate.kind in ("name", "abbr") or candidate.place.feature_code == "PCLI"


def _eponym(text: str, toks: list[Token], last: int) -> bool:
    """A place name lending its name to a disease or a currency: "Marburg virus", "US$"."""
    following = toks[last + 1].text.lower() if last + 1 < len(toks) else ""
    return following in EPONYM_FOLLOWERS or following == "$" and toks[last + 1].start == toks[last].end


def _not_a_name(word: str) -> bool:
    lower = word.lower().rstrip(".")
    return (lower in MONTHS_AND_DAYS or lower in DIRECTIONS or _is_acronym(word)
            or word_frequency(lower) >= RARE_WORD_ZIPF)


def _debris_tokens(text: str, toks: list[Token]) -> set[int]:
    spans = debris_spans(text)
    if not spans:
        return set()
    starts = [t.start for t in toks]
    return {i for s, e in spans for i in range(bisect_left(starts, s), bisect_left(starts, e))}
