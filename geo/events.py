"""Events: what happened, who took part, when and where — at most one per clause.

`extract_events(article, mentions)` reads the article sentence by sentence,
skipping page furniture (`text.debris_spans`: credited photo captions, bylines),
as the recognizer does.

Clauses.  A sentence is split before "while", "whereas", "after", "during",
"before", after a semicolon and before ", but".  A piece with no trigger (see
below) is glued back onto its neighbour, and so is a piece whose event type
equals the previous piece's ("killed during fighting" stays one clash).  So a
sentence gives several events only when its clauses tell different kinds of
things: "Singh called for lessons from the clashes of 2020 | during talks with
Dong Jun in Vientiane" gives a clash and a meeting.

Triggers.  Case-insensitive stem patterns (TAXONOMY), close to the CAMEO/ACLED
top levels.  The trigger is the matched text ("disengagement", "called for").
Words inside an organisation name ("G20 Summit", "Defence Ministers Meeting")
are names, not triggers.  With several triggers in a clause the type earliest in
PRIORITY wins (the first such trigger in the text); the subtype of a
military movement (deploy, disengagement, patrol ...) is the trigger itself.

Actors (general patterns, no names listed anywhere):
* people: an optional role (up to three words before the title, stopping at
  determiners, prepositions and trigger words) + a title word (recognize.PERSON_TITLES)
  + a capitalised name run: "Defence minister Rajnath Singh", "Chinese
  counterpart Dong Jun".  A role with a demonym and no name counts too
  ("Chinese counterpart").  A bare "Singh" or "Rajnath Singh" elsewhere in the
  article stands for the titled person when the surname is unambiguous.
* countries: mentions whose place is a country (feature code PCL*) and is not
  where the event happened ("between India and China"), and demonyms
  ("Indian", "Chinese") mapped to the most populous country with that demonym
  in `countryinfo` (a project dependency).
* organisations: all-caps acronyms (ASEAN, G20) and capitalised runs of two or
  more words holding an organisation word ("ASEAN Defence Ministers Meeting-Plus").
* A subordinate clause ("during talks with X") with no person or country before
  its trigger borrows the subject (actors before the first trigger) of the
  clause before it.

Date.  The date attached to the chosen trigger ("clashes of 2020", "the 2020
clashes", "on Wednesday called for") if any, else the first date in the clause
(`find_dates` on the clause text), else the first date of the same sentence that
is not attached to another clause's trigger, else None.  Never from another
sentence.

Places.  A mention inside the clause is where the event happened when a
locative preposition (LOCATIVES: in, at, near, from, across, along, outside,
around, ...) comes right before it, possibly through "the" or "the (coastal) town of",
or when "the village of" (a settlement noun and "of") does,
or when it continues such a list ("in Demchok and Depsang").  In "X, Y" after
a locative, Y is dropped when it is an administrative container of X
("Rio de Janeiro, Brazil" keeps Rio de Janeiro).  Compound modifiers
("India-China relations") and names after other prepositions ("between India
and China") are not places.  Unresolved mentions (place None) are kept: the
text says where, even if no coordinates are known.  One event holds all its
places; writers emit one row per place.

Borrowed places.  A clash or military movement whose clause names no place
takes the places of the nearest clash/movement event (by sentence distance,
earlier on ties) that has its own, as copies with confidence multiplied by
INFERRED_PLACE_FACTOR; their `sentence` is the donor's, not the event's.
"""
from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from itertools import compress

from countryinfo import all_countries

from .dates import find_dates
from .model import Article, Event, EventDate, Place, ResolvedMention
from .recognize import ORGANISATION_WORDS, PERSON_TITLES
from .text import Token, debris_spans, sentences, tokens, word_frequency

# --- taxonomy -----------------------------------------------------------------

# Each pattern starts at a word's start (TRIGGER_PATTERNS puts one word boundary before them all)
# and is written in lower case: it is matched against the text with its ASCII letters lowered,
# which is faster than matching without regard to case.
TAXONOMY: dict[str, tuple[str, ...]] = {
    "clash": (
        r"clash\w*", r"attack\w*", r"fighting\b", r"fought\b", r"shell(?:ing|ed)\b",
        r"kill(?:ed|ing|s)?\b", r"bomb(?:ing|ings|ed|s)?\b", r"shot\b", r"shooting\b",
        r"skirmish\w*", r"(?:air|drone|missile)[\s-]?strikes?\b", r"opened\s+fire\b",
        r"gunfire\b",
    ),
    "military_movement": (
        r"(?:re-?)?deploy\w*", r"disengag\w*", r"withdr[ae]w\w*", r"patrol\w*",
        r"troops?\s+(?:were\s+|have\s+been\s+)?(?:moved|massed|mobili[sz]ed|pulled\s+back)\b",
    ),
    "agreement": (
        r"reached\s+an?\s+(?:agreement|deal|accord|understanding)\b", r"agree(?:s|d|ments?)?\b",
        r"deals?\b(?!\s+with)", r"sign(?:ed|ing)\b", r"accords?\b", r"treat(?:y|ies)\b",
        r"pacts?\b",
    ),
    "meeting": (
        r"h(?:old|olds|eld|olding)\s+talks\b", r"meet(?:s|ing|ings)?\b", r"met\b",
        r"talks\b", r"summits?\b", r"visit(?:s|ed|ing)?\b", r"discussions?\b",
        r"interactions?\b", r"negotiations?\b",
    ),
    "protest": (
        r"protest\w*", r"rall(?:y|ies|ied)\b", r"demonstrat(?:ion|ions|ors?)\b",
        r"strikes?\b", r"striking\b",
    ),
    "disaster": (
        r"earthquakes?\b", r"quakes?\b", r"flood(?:s|ing|ed)?\b", r"outbreaks?\b",
        r"(?:epi|pan)demics?\b", r"cases\s+of\b", r"storms?\b", r"cyclones?\b",
        r"hurricanes?\b", r"typhoons?\b", r"(?<!cease-)(?<!cease\s)\b(?:wild|bush|forest)?fires?\b",
        r"droughts?\b", r"landslides?\b", r"tsunamis?\b",
    ),
    "other": (
        r"arrest(?:ed|s)?\b", r"detained\b", r"elections?\b", r"inaugurated\b",
    ),
    "statement": (
        # Plain reporting verbs ("said", "told", "added") attribute quotes in nearly every
        # news sentence; they make a statement event only "in a statement".
        r"call(?:s|ed|ing)?\s+for\b", r"(?:said|says)\s+in\s+a\s+statement\b", r"stated\b",
        r"urg(?:e|es|ed|ing)\b", r"warn(?:s|ed|ing)?\b", r"announc(?:e|es|ed|ing)\b",
        r"stress(?:es|ed)\b", r"emphasi[sz](?:e|es|ed)\b", r"declared\b",
    ),
}
# Which trigger names a clause's event when it holds several (first wins).
PRIORITY = ("clash", "military_movement", "agreement", "meeting", "protest", "disaster", "other",
            "statement")
TRIGGER_PATTERNS = {kind: re.compile(r"\b(?:%s)" % "|".join(patterns)) for kind, patterns in TAXONOMY.items()}
# Triggers matched as written, on the text itself: "march" the verb, not the month "March".
CASE_SENSITIVE_TRIGGERS = {"protest": re.compile(r"\bmarch(?:ed|es|ing)?\b")}
LOWER_ASCII = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
# Event types whose missing place may be borrowed from a nearby event of these types.
MOVEMENT_TYPES = {"clash", "military_movement"}
INFERRED_PLACE_FACTOR = 0.5

# --- clauses, places, dates ---------------------------------------------------

CLAUSE_BREAK = re.compile(r";\s+|,\s+(?=but\b)|,?\s+(?=(?:while|whereas|after|during|before)\b)", re.I)
SUBORDINATORS = {"while", "whereas", "after", "during", "before"}
LOCATIVES = ("in", "at", "near", "from", "across", "along", "outside", "around", "inside", "within",
             "throughout", "into", "off")
SETTLEMENT_OF = (r"(?:[a-z-]+\s+){0,2}?(?:city|town|village|region|province|district|state|capital|outskirts"
                 r"|area|suburb|port|county)s?\s+of\s+(?:the\s+)?")
# "in Vientiane", "in the coastal town of Izmir", "the village of Xinmo" (no preposition needed there).
LOCATIVE_BEFORE = re.compile(
    rf"(?:\b(?:{'|'.join(LOCATIVES)})\s+(?:the\s+)?(?:{SETTLEMENT_OF})?|\bthe\s+{SETTLEMENT_OF})$", re.I)
LIST_JOIN = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|&)\s+)(?:the\s+)?", re.I)
COMPOUND_AFTER = re.compile(r"[-–]\w")  # "India-China relations"
DATE_AFTER_TRIGGER = re.compile(r"[\s\"'“”‘’)]*(?:\b(?:of|in|on|since|during|from)\b\s*)?", re.I)
# "the 2020 border clashes", "Monday's talks", "on Wednesday called for" - at most one
# modifier word between, and no function word ("2020 during talks" is not bound).
DATE_BEFORE_TRIGGER = re.compile(
    r"(?:['’]s)?\s+(?:(?!(?:during|after|before|while|and|or|of|in|on|at|for|to|with|by|from"
    r"|the|a|an)\b)[a-z-]+\s+)?")

# --- actors -------------------------------------------------------------------

TITLES = PERSON_TITLES - {"by", "st", "saint", "named", "called", "dubbed"}
ROLE_WORDS_MAX = 3
ROLE_STOP = {
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
    "those", "and", "or", "but", "of", "to", "for", "with", "by", "on", "in", "at", "from", "as",
    "into", "who", "whom", "which", "is", "was", "were", "be", "been", "are", "has", "had", "have",
    "will", "would", "both", "while", "when", "after", "during", "before", "than", "said", "says",
}
NAME_PARTICLES = {"bin", "ibn", "al", "de", "van", "von", "der", "da", "di", "du", "le", "la"}
NAME_STOP = {"of", "the", "and", "on", "in", "at", "for", "to", "january", "february", "march",
             "april", "may", "june", "july", "august", "september", "october", "november",
             "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
             "sunday"}
NAME_WORDS_MAX = 4
ACRONYM = re.compile(r"\b(?:[A-Z]{2,}[0-9]*|[A-Z][0-9]{1,2})\b")
NOT_ORGANISATIONS = {"AM", "PM", "IST", "GMT", "UTC", "BST", "EST", "EDT", "PST", "PDT", "CET", "TV"}
_CAP = r"[A-Z][\w’'&]*(?:-[\w’'&]+)*"
# "Ministry of Defence", "Bank of the South", "Ministry for Foreign Affairs": one connector (+ "the").
CAPITALISED_RUN = re.compile(rf"{_CAP}(?:\s+(?:(?:of|for|and|on|de)\s+)?(?:the\s+)?{_CAP})*")
LEADING_THE = re.compile(r"^The\s+")
RUN_WORD = re.compile(r"[\w’'&]+")  # the words of a capitalised run ("Coca-Cola" has two)
CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]+\b")  # a demonym's shape ("Chinese")
NAME_RUN = re.compile(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")  # "Singh", "Rajnath Singh"


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    type: str
    text: str


@dataclass(frozen=True)
class Clause:
    """A span of a sentence and the triggers in it; `opener` is its subordinator, if any."""

    start: int
    end: int
    triggers: tuple[Trigger, ...]
    opener: str = ""

    @property
    def main(self) -> Trigger:
        """The trigger naming the event: highest PRIORITY type, first in text."""
        return min(self.triggers, key=lambda t: (PRIORITY.index(t.type), t.start))

    def joined(self, other: "Clause") -> "Clause":
        return Clause(min(self.start, other.start), max(self.end, other.end),
                      tuple(sorted(self.triggers + other.triggers, key=lambda t: t.start)),
                      self.opener if self.start <= other.start else other.opener)


@dataclass(frozen=True)
class Person:
    start: int  # of the role, when there is one
    end: int
    actor: str  # "Defence minister Rajnath Singh"
    name: str  # "Rajnath Singh", or "" for a role alone ("Chinese counterpart")


@dataclass(frozen=True)
class Actor:
    start: int
    text: str
    kind: str  # person, country, organisation


@dataclass
class _Draft:
    """An event before numbering, with what the place fallback needs."""

    sentence_index: int
    event: Event
    own_places: bool


# --- public API ---------------------------------------------------------------

def extract_events(article: Article, mentions: list[ResolvedMention]) -> list[Event]:
    """The events the article tells of, in text order, with ids `{article.id}:e{n}`."""
    text = article.text
    context = _Context.of(text, mentions)
    debris = debris_spans(text)
    drafts: list[_Draft] = []
    for index, (start, end) in enumerate(sentences(text)):
        if any(s <= start and end <= e for s, e in debris) or not context.has_trigger(start, end):
            continue
        drafts.extend(_sentence_events(article, context.within(start, end), index, start, end))
    _borrow_places(drafts)
    events = [d.event for d in drafts]
    for n, event in enumerate(events, start=1):
        event.id = f"{article.id}:e{n}"
    return events


# --- per-article context ------------------------------------------------------

@dataclass
class _Context:
    """What every sentence needs to know about the whole article."""

    text: str
    mentions: list[ResolvedMention]
    organisations: list[tuple[int, int]]
    triggers: list[Trigger]
    people: list[Person]
    known_people: dict[str, str]  # full name or unambiguous surname -> actor text
    _start_cache: dict | None = None

    @classmethod
    def of(cls, text: str, mentions: list[ResolvedMention]) -> "_Context":
        toks = tokens(text)
        organisations = _organisation_spans(text)
        triggers = _find_triggers(text, organisations)
        people = sorted(_people(text, toks, {t.start for t in triggers}), key=lambda p: p.start)
        return cls(text, sorted(mentions, key=lambda m: m.mention.start), organisations,
                   triggers, people, _known_people(people))

    def within(self, start: int, end: int) -> "_Context":
        """The same context cut to one sentence, so that work per sentence stays small."""
        starts = self._starts()
        cut = {name: items[bisect_left(starts[name], start): bisect_left(starts[name], end)]
               for name, items in (("mentions", self.mentions), ("organisations", self.organisations),
                                   ("triggers", self.triggers), ("people", self.people))}
        return replace(self, **cut, _start_cache=None)

    def has_trigger(self, start: int, end: int) -> bool:
        """Does a trigger start in text[start:end]? (A sentence without one tells no event.)"""
        starts = self._starts()["triggers"]
        k = bisect_left(starts, start)
        return k < len(starts) and starts[k] < end

    def _starts(self) -> dict[str, list[int]]:
        if self._start_cache is None:
            self._start_cache = {"mentions": [m.mention.start for m in self.mentions],
                                 "organisations": [o[0] for o in self.organisations],
                                 "triggers": [t.start for t in self.triggers],
                                 "people": [p.start for p in self.people]}
        return self._start_cache


def _find_triggers(text: str, organisations: list[tuple[int, int]]) -> list[Trigger]:
    """Every trigger in the text, outside names: organisations, and capitalised words
    inside a sentence ("the Highway Patrol", "Summit")."""
    found = []
    lowered = text.translate(LOWER_ASCII)
    scans = [(kind, pattern, lowered) for kind, pattern in TRIGGER_PATTERNS.items()]
    scans += [(kind, pattern, text) for kind, pattern in CASE_SENSITIVE_TRIGGERS.items()]
    for kind, pattern, scanned in scans:
        for m in pattern.finditer(scanned):
            start, end = m.span()
            before = text[max(0, start - 20): start].rstrip()
            inside_a_name = text[start].isupper() and before[-1:] not in ("", ".", "!", "?", "“", '"')
            if not inside_a_name and not _inside_any(start, organisations):
                found.append(Trigger(start, end, kind, text[start:end]))
    return sorted(found, key=lambda t: (t.start, PRIORITY.index(t.type)))


def _inside_any(position: int, spans: list[tuple[int, int]]) -> bool:
    """Is `position` inside one of the sorted, non-overlapping `spans`?"""
    k = bisect_right(spans, (position, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= position < spans[k][1]


def _organisation_spans(text: str) -> list[tuple[int, int]]:
    """Capitalised runs of 2+ words holding an organisation word ("G20 Summit")."""
    spans = []
    for m in CAPITALISED_RUN.finditer(text):
        run = LEADING_THE.sub("", m.group())
        words = RUN_WORD.findall(run)
        if (len(words) >= 2 and any(w.lower() in ORGANISATION_WORDS for w in words)
                and sum(w[:1].isupper() for w in words) >= 2):
            spans.append((m.end() - len(run), m.end()))
    return spans


# --- people -------------------------------------------------------------------

def _people(text: str, toks: list[Token], trigger_starts: set[int]) -> list[Person]:
    """Titled people: [role words] title [title ...] Name Run, or a demonym role alone."""
    people = []
    titles = [token.text.lower().rstrip(".") in TITLES for token in toks]  # is each token a title?
    for i in compress(range(len(toks)), titles):
        if i > 0 and titles[i - 1] and _adjacent(toks[i - 1], toks[i]):
            continue
        last_title = i
        while last_title + 1 < len(toks) and titles[last_title + 1] \
                and _adjacent(toks[last_title], toks[last_title + 1]):
            last_title += 1
        first = _role_start(toks, i, trigger_starts)
        name_end = _name_end(toks, titles, last_title + 1)
        if name_end is not None:
            name_start = toks[last_title + 1].start
            people.append(Person(toks[first].start, toks[name_end].end,
                                 text[toks[first].start: toks[name_end].end],
                                 text[name_start: toks[name_end].end]))
        elif any(_demonym_country(t.text) for t in toks[first:i]):
            people.append(Person(toks[first].start, toks[last_title].end,
                                 text[toks[first].start: toks[last_title].end], ""))
    return people


def _adjacent(a: Token, b: Token) -> bool:
    return 0 <= b.start - a.end <= 1


def _role_start(toks: list[Token], title: int, trigger_starts: set[int]) -> int:
    """First token of the role before a title: "external affairs minister", "his Chinese counterpart" -> "Chinese"."""
    first = title
    while title - first < ROLE_WORDS_MAX and first > 0:
        previous = toks[first - 1]
        if (not previous.is_word or not _adjacent(previous, toks[first])
                or previous.text.lower() in ROLE_STOP or previous.start in trigger_starts):
            break
        first -= 1
    return first


def _name_end(toks: list[Token], titles: list[bool], i: int) -> int | None:
    """Index of the last token of a capitalised name starting at i (titles excluded), or None."""
    last, words = None, 0
    k = i
    while k < len(toks) and words < NAME_WORDS_MAX and _adjacent(toks[k - 1], toks[k]):
        token, low = toks[k], toks[k].text.lower()
        if token.is_word and token.is_capitalised and low not in NAME_STOP and not titles[k]:
            last, words = k, words + 1
            k += 1
        elif (low in NAME_PARTICLES or token.text in "-'’") and last is not None \
                and k + 1 < len(toks) and toks[k + 1].is_capitalised:
            k += 1
        else:
            break
    return last


def _known_people(people: list[Person]) -> dict[str, str]:
    """Full names and unambiguous surnames -> the first titled form in the article."""
    known: dict[str, str] = {}
    surnames: dict[str, set[str]] = {}
    for person in people:
        if person.name:
            known.setdefault(person.name, person.actor)
            surnames.setdefault(person.name.split()[-1], set()).add(person.name)
    for surname, names in surnames.items():
        if len(names) == 1 and surname not in known:
            known[surname] = known[next(iter(names))]
    return known


# --- countries ----------------------------------------------------------------

@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Demonym (lower case) -> name of the most populous country using it, from countryinfo."""
    best: dict[str, tuple[int, str]] = {}
    for country in all_countries():
        info = country.info()
        demonym, population = (info.get("demonym") or "").lower(), info.get("population") or 0
        if demonym and population >= best.get(demonym, (-1, ""))[0]:
            best[demonym] = (population, info["name"])
    return {demonym: name for demonym, (_, name) in best.items()}


def _demonym_country(word: str) -> str | None:
    """ "Chinese" -> "China"; capitalised words only, plural allowed ("Indians")."""
    if not word[:1].isupper():
        return None
    table, low = _demonyms(), word.lower()
    return table.get(low) or (table.get(low[:-1]) if low.endswith("s") else None)


def _is_country(place: Place | None) -> bool:
    return place is not None and place.feature_code.startswith("PCL")


# --- sentences and clauses ----------------------------------------------------

def _sentence_events(article: Article, context: _Context, index: int, start: int,
                     end: int) -> list[_Draft]:
    clauses = _clauses(context, start, end)
    claimed = [_attached_dates(article, c) for c in clauses]
    drafts, previous_subject = [], []
    for k, clause in enumerate(clauses):
        others = [span for j, spans in enumerate(claimed) if j != k for span in spans]
        places, containers = _event_places(context.text, clause, context.mentions)
        actors = _actors(context, clause, places + containers)
        if clause.opener in SUBORDINATORS and not any(
                a.kind != "organisation" and a.start < clause.triggers[0].start for a in actors):
            actors = previous_subject + actors
        previous_subject = [a for a in actors if a.start < clause.triggers[0].start]
        event = Event(
            id="", article_id=article.id, type=clause.main.type, trigger=clause.main.text,
            sentence=context.text[start:end], actors=_unique(a.text for a in actors),
            date=_event_date(article, clause, start, end, others), places=places)
        drafts.append(_Draft(index, event, bool(places)))
    return drafts


def _clauses(context: _Context, start: int, end: int) -> list[Clause]:
    """Clauses with triggers; trigger-less or same-type pieces join their neighbour."""
    text = context.text
    pieces, piece_start = [], start
    for m in CLAUSE_BREAK.finditer(text, start, end):
        if m.start() > piece_start:
            pieces.append((piece_start, m.start()))
        piece_start = m.end()
    pieces.append((piece_start, end))
    clauses: list[Clause] = []
    pending: Clause | None = None  # trigger-less text before the first clause
    for s, e in pieces:
        words = text[s:e].split(maxsplit=1)
        opener = words[0].lower() if words and s != start else ""  # a sentence has no opener
        clause = Clause(s, e, tuple(t for t in context.triggers if s <= t.start and t.end <= e),
                        opener if opener in SUBORDINATORS else "")
        if not clause.triggers:
            if clauses:
                clauses[-1] = clauses[-1].joined(clause)
            else:
                pending = clause if pending is None else pending.joined(clause)
            continue
        if pending is not None:
            clause, pending = pending.joined(clause), None
        if clauses and clauses[-1].main.type == clause.main.type:
            clauses[-1] = clauses[-1].joined(clause)
        else:
            clauses.append(clause)
    return clauses


# --- places -------------------------------------------------------------------

def _event_places(text: str, clause: Clause,
                  mentions: list[ResolvedMention]) -> tuple[list[ResolvedMention], list[ResolvedMention]]:
    """Mentions in the clause that say where the event happened (see module doc), and the
    containers dropped for a more specific place ("Brazil" in "Rio de Janeiro, Brazil")."""
    places: list[ResolvedMention] = []
    containers: list[ResolvedMention] = []
    previous: ResolvedMention | None = None  # the last locative place, for lists
    for resolved in mentions:
        m = resolved.mention
        if not (clause.start <= m.start and m.end <= clause.end):
            continue
        if _is_modifier(text, m.start, m.end):
            previous = None
            continue
        if previous is not None and LIST_JOIN.fullmatch(text, previous.mention.end, m.start):
            if text[previous.mention.end: m.start].strip() == "," and _contains(resolved.place, previous.place):
                containers.append(resolved)  # "Rio de Janeiro, Brazil": keep the more specific place
                continue
            places.append(resolved)
            previous = resolved
        elif LOCATIVE_BEFORE.search(text[clause.start: m.start]):
            places.append(resolved)
            previous = resolved
        else:
            previous = None
    return places, containers


def _is_modifier(text: str, start: int, end: int) -> bool:
    """ "India-China relations": a name hyphenated to another word describes, it does not locate."""
    return bool(COMPOUND_AFTER.match(text, end)) or (start > 0 and text[start - 1] in "-–")


def _contains(outer: Place | None, inner: Place | None) -> bool:
    """Is `outer` an administrative area (country, state) that holds `inner`?"""
    if outer is None or inner is None or outer.id == inner.id:
        return False
    administrative = outer.feature_class == "A" or outer.feature_code.startswith(("PCL", "ADM"))
    same_country = not outer.country_code or not inner.country_code or outer.country_code == inner.country_code
    return administrative and same_country


def _borrow_places(drafts: list[_Draft]) -> None:
    """Clashes and movements without a place take the nearest such event's places, less sure."""
    donors = [d for d in drafts if d.own_places and d.event.type in MOVEMENT_TYPES]
    for draft in drafts:
        if draft.own_places or draft.event.type not in MOVEMENT_TYPES or not donors:
            continue
        nearest = min(donors, key=lambda d: (abs(d.sentence_index - draft.sentence_index),
                                             d.sentence_index > draft.sentence_index))
        draft.event.places = [replace(p, confidence=round(p.confidence * INFERRED_PLACE_FACTOR, 3))
                              for p in nearest.event.places]


# --- dates --------------------------------------------------------------------

def _clause_dates(article: Article, start: int, end: int) -> list[tuple[int, int, EventDate]]:
    """Dates in text[start:end] (found in that text alone), as article offsets."""
    return [(start + d.start, start + d.end, d.date)
            for d in _dates_in(article.text[start:end], article.date)]


@lru_cache(maxsize=4096)
def _dates_in(text: str, published: date | None) -> tuple:
    """`find_dates` once per text: a one-clause sentence is read as its clause and as itself."""
    return tuple(find_dates(text, published))


def _attached(text: str, trigger: Trigger, start: int, end: int) -> bool:
    """Is the date at text[start:end] bound to the trigger ("clashes of 2020", "2020 clashes")?"""
    if start >= trigger.end:
        return bool(DATE_AFTER_TRIGGER.fullmatch(text, trigger.end, start))
    if end <= trigger.start:
        return bool(DATE_BEFORE_TRIGGER.fullmatch(text, end, trigger.start))
    return False


def _attached_dates(article: Article, clause: Clause) -> list[tuple[int, int]]:
    """Spans of the dates bound to the clause's main trigger."""
    return [(s, e) for s, e, _ in _clause_dates(article, clause.start, clause.end)
            if _attached(article.text, clause.main, s, e)]


def _event_date(article: Article, clause: Clause, sentence_start: int, sentence_end: int,
                claimed: list[tuple[int, int]]) -> EventDate | None:
    """The trigger's own date, else the clause's first, else the sentence's first unclaimed."""
    dates = _clause_dates(article, clause.start, clause.end)
    for s, e, value in dates:
        if _attached(article.text, clause.main, s, e):
            return value
    if dates:
        return dates[0][2]
    for s, e, value in _clause_dates(article, sentence_start, sentence_end):
        if not any(s < ce and cs < e for cs, ce in claimed):
            return value
    return None


# --- actors -------------------------------------------------------------------

def _actors(context: _Context, clause: Clause, located: list[ResolvedMention]) -> list[Actor]:
    """People, countries and organisations named in the clause, in text order.

    Countries in `located` say where the event happened, so they are no actors."""
    text, start, end = context.text, clause.start, clause.end
    people = [p for p in context.people if start <= p.start and p.end <= end]
    taken = [(p.start, p.end) for p in people]
    actors = [Actor(p.start, p.actor, "person") for p in people]
    actors += _named_again(context, start, end, taken)
    organisations = [(s, e) for s, e in context.organisations if start <= s and e <= end]
    actors += [Actor(s, text[s:e], "organisation") for s, e in organisations]
    mention_spans = [(m.mention.start, m.mention.end) for m in context.mentions]
    for m in ACRONYM.finditer(text, start, end):
        if _is_organisation_acronym(text, m, taken + organisations + mention_spans):
            actors.append(Actor(m.start(), m.group(), "organisation"))
    place_ids = {id(p) for p in located}
    for resolved in context.mentions:
        if start <= resolved.mention.start < end and id(resolved) not in place_ids \
                and _is_country(resolved.place):
            actors.append(Actor(resolved.mention.start, resolved.place.name, "country"))
    for m in CAPITALISED_WORD.finditer(text[start:end]):
        country = _demonym_country(m.group())
        if country and not _inside(start + m.start(), mention_spans):
            actors.append(Actor(start + m.start(), country, "country"))
    return sorted(actors, key=lambda a: a.start)


def _named_again(context: _Context, start: int, end: int, taken: list[tuple[int, int]]) -> list[Actor]:
    """ "Singh", "Rajnath Singh": a titled person from elsewhere in the article."""
    found = []
    for m in NAME_RUN.finditer(context.text[start:end]):
        s = start + m.start()
        if not _inside(s, taken) and m.group() in context.known_people:
            found.append(Actor(s, context.known_people[m.group()], "person"))
    return found


def _is_organisation_acronym(text: str, m: re.Match[str], taken: list[tuple[int, int]]) -> bool:
    word = m.group()
    credit = text[m.start() - 1: m.start()] == "(" and text[m.end(): m.end() + 1] == ")"  # "(AFP)"
    shouted = len(word) > 4 and word_frequency(word.lower()) >= 3.5  # "BREAKING"
    return not (word in NOT_ORGANISATIONS or credit or shouted or _inside(m.start(), taken))


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


def _unique(items) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
