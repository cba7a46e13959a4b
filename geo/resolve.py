"""Toponym resolution: pick, for each mention, the place it names.

Each candidate place gets a score, prior plus context (the numbers are weights
in log-odds-like units; the best score wins and the confidence is its softmax
share among the candidates):

prior
  * feature type and admin level: continent or country 5.0, first-level
    division 2.0, second-level 0.5 (none where a town elsewhere has the name and more people:
    "Manchester"), capital +1.5 over a town, curated feature 2.5;
  * population: 0.6 log10(population + 1) (a city of a million: 3.6; a
    division counts the people of its towns);
  * the name is the place's main name rather than an alternate, or any name of
    a curated feature, or the English name of a great city ("Cologne" for Köln:
    a city of 100,000 or more, 30 times as big as any place so named, or 5 times where
    the name only doubles a letter of the city's: "Odessa" for Odesa): +2.0;
  * a town that shares its name (any of its names) with the division it lies in and holds
    a fifth of its people: +2.5 ("Rio de Janeiro" the city rather than the state; not
    Quebec City over the province of Quebec, nor Venezuela's Mérida over Mexico's, a
    namesake more than twice as big); a second-level division named after
    such a town: -2.5 ("Leeds" the city, not its metropolitan borough), and so is a
    province named after a capital that is a division of its own ("Buenos Aires") and a
    state named like its country's capital elsewhere ("Washington"); a first-level
    division named like a larger town elsewhere loses its 2.0 ("Santiago", "Trujillo").
context, pass 1 (explicit cues)
  * the text calls the name a state, province or county ("state of Victoria", "County
    Durham", "Co Kerry"): +3 to first- and second-level divisions;
  * the name's own words, or a lower-case word after it, say what feature it is ("Red Sea",
    "Long Island", "the Volga river"; a name after "the", or "the" and an adjective, is a river
    or a region, "the Rio Grande", and a plural one a range or an archipelago, "the Peruvian
    Andes"): +8 to places of that feature type, more than all agreement with the other names
    can give (a port on the Red Sea is on the sea);
  * the text writes the name with accents exactly as the candidate's name ("Münster", the
    German city rather than Ireland's Munster): +3;
  * the name says where a person is from ("a Lebanon man", "Ann Pike, 54, of Lebanon"): +3 to
    towns; the text calls it a town ("Santa Cruz, Bolivia's largest city") or opens the article
    with it as a dateline ("NEW YORK (Reuters) -"): +3 to towns and -3 to all else;
  * the candidate's country is named in the article: +1.5, +0.5 more for each
    further mention of it (at most +3 in all); its adjective before its authorities ("Spanish
    police") counts as a mention; but where the name's largest town lies in a state or province
    another name of the text names, the country gives nothing to its towns outside the named states
    ("Hobart" beside "Tasmania" stays Tasmania's when "the United States" comes up too);
  * "X, Y", "X in Y" (or "in northern Y"), "X is a city in Y" or "X, the capital of Y" where Y (or Z of "Y, Z"
    after "is a city in") is a country or division holding the candidate: +4 to X's
    candidate, and +4 to Y's candidate that holds one of X's (not inside a list
    that ends in "and"/"or": "Washington, Pennsylvania and California" are siblings); "the
    Peruvian city of Trujillo" puts Trujillo in Peru the same way; a country's possessive keeps
    the name to that country's places where it has any ("Iraq's Kurdistan region");
  * a county and a town of another name within 60 km of it: +1.5 to each ("Grady County" and
    "Cairo" in Georgia).
context, pass 2 (coherence with the other names' choices: first those of pass 1, then,
once more where that moved any, those of pass 2, so that a name settled by its neighbours
settles the next one: "Dayton" pulls "Toledo" to Ohio, and both then pull "Lima")
  * +2.0 times the share of the other places in the candidate's country;
  * +1.0 when another place lies in the same division, and +2.0 times the share of the
    other places in it (a Springfield among Ohio's towns is Ohio's);
  * +1.5 within 300 km of another place, +0.75 within 1,000 km, +2.5 within 30 km (the
    next town: local news names its neighbours);
  * in a list ("Georgia, Oklahoma, Pennsylvania and Wisconsin"): +2.0 times the
    share of the other members resolved to the candidate's kind (country,
    division or town), and +2.0 times the share of them within 1,000 km (a list's
    members lie together: "Dublin, Glasgow and Manchester" after "Seattle and Tacoma");
  * all of these halved for a place the name only names as an alternate where it is the main
    name of one ten times as populous ("Durban", not Durbanville), and for a town where it is
    a great city's that the text does not keep near the town ("a job in Boston"); quartered for
    a town named like a national capital of 500,000 ten times its size, unless the text puts it
    somewhere, names its state, or it lies within 30 km of one of the other places or 300 km of
    two ("Washington" beside London and Manchester is the US capital; beside Sunderland, the
    town; "London police in southwestern Ontario", Ontario's). A name's senses (below; and
    "Orange County" beside "Orange") do not count as agreement for each other.

One name keeps one meaning within an article, unless the text puts two of its mentions in
two places ("Portland, Maine" and "Portland, Oregon"; "Boston is a town in Lincolnshire" and
"Boston in Massachusetts"), or calls it a state once and writes it alone elsewhere
("Washington state", "officials in Washington"): each of those mentions then keeps to the
places of that name in its country or division (or to the divisions, for the one called a
state), and no small-town rule moves it abroad. A name written alone before "X, Country"
(or before "named after X in Y", "gave its name to X in Y") is another place than that one;
a headline's name before the same name opening the dateline under it is not. A capitalised directional
qualifier ("Eastern Ladakh", a region's name) gives that part of the region's shape
(shapely), or the region itself, less sure, where no shape is known. A lower-case one
("northern China") describes where in the place: the mention is "China", keeps the
qualifier, and is placed at China, as annotation guidelines for news corpora do. Names the
gazetteer does not know go to the geocoder fallback, biased to the article's countries, and
so do names whose every candidate is a small town abroad (or a town, short of a great city,
that the name is only another name of), in an article whose places lie
mostly in one country ("Muse" in a story from Myanmar), or a square far from it ("Tahrir
Square" in a Baghdad story); "X, Y" where Y holds no X the
gazetteer knows ("Swindon, Ontario"), or "X in Y" where Y is a city no X lies near ("Mirpur in
Dhaka"), is asked as such, and so is a name the word after it calls a feature none of its
namesakes is ("Tanna island"). A name neither answers is placed, less sure, at the place the
text puts it in or next to ("Qorvintal, Auckland", "Qorvintal in Fife", "Fife's Qorvintal",
"Qorvintal is a village in southern Fife", "Qorvintal, a village 40 km north of Kisumu"). The one
country a local story names may be a neighbouring town ("Lebanon" among Tennessee's towns),
but a capital every mention of which acts or is asked, as a government is ("tariffs announced
by Washington", "Moscow denied"), keeps the capital whatever the other places say. A division
drawn round its city, at the city's very point ("Paris" the department), is reported as the
city unless the text calls it a division.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from itertools import repeat
from operator import attrgetter
from typing import Iterable, NamedTuple

from shapely.geometry import Point, box
from shapely.prepared import prep

from .evaluate import EARTH_RADIUS_KM, haversine_km
from .gazetteer import UNCOUNTED_TOWN_SOURCES, Candidate, Gazetteer
from .geocode import Geocoder
from .model import Mention, Place, ResolvedMention, cached_attribute
from .names import fold, spelled_out
from .recognize import ADMIN_PREFIXES, NEXT_WORD, RESIDENT_NOUNS, STREAM_CODES, acts_as_government
from .text import phrase_frequency, sentences

TYPE_PRIOR = {"CONT": 5.0, "PCLI": 5.0, "ADM1": 2.0, "ADM2": 0.5, "PPLC": 1.5}
CURATED_PRIOR = 2.5
POPULATION_WEIGHT = 0.6
MAIN_NAME_BONUS = 2.0
EXONYM_RATIO, EXONYM_CITY = 30, 100_000  # see _exonym
EXONYM_ZIPF = 2.0  # ... and an English name that common ("Leghorn" 2.2, not "Sangay" 1.7)
RESPELLING_RATIO = 5  # see _exonym
SEAT_BONUS, SEAT_SHARE = 2.5, 0.2
SEAT_RIVAL = 2  # ... unless a namesake elsewhere has more than twice its people
DIVISION_CUE_BONUS = 3.0
TOWN_CUE_BONUS = 3.0
FEATURE_CUE_BONUS = 8.0
SPELLING_BONUS = 3.0  # the text writes the name with the place's own accents: "Münster", not Munster
COUNTRY_NAMED_BONUS, COUNTRY_REPEAT_BONUS, COUNTRY_BONUS_CAP = 1.5, 0.5, 3.0
COHERENCE_BONUS = 2.0
SAME_DIVISION_BONUS = 1.0
DIVISION_SHARE_BONUS = 2.0
CONTAINER_BONUS = 4.0
COUNTY_PAIR_BONUS = 1.5  # a county and a town of another name inside it: "Grady County" and "Cairo"
NEAR_KM, NEAR_BONUS, REGION_KM, REGION_BONUS = 300, 1.5, 1000, 0.75
LOCAL_KM, LOCAL_BONUS = 30, 1.0
SIBLING_BONUS = 2.0
COHERENCE_PASSES = 2  # agreement with pass 1's choices, then (if any moved) with pass 2's
# A place the name only names as an alternate, where the name is the main name of a place this many
# times as populous, gets this share of the agreement bonuses.
OVERSHADOWED, OVERSHADOWED_SHARE = 10, 0.5
# So does a town where the name is a great city's, state's or country's (GREAT_CITY people,
# OVERSHADOWED_TOWN times as many), unless the text puts the town somewhere or the article's other
# places lie next to it or in its state (two or more of them, the state aside).
GREAT_CITY, OVERSHADOWED_TOWN = 500_000, 50
# A town named like a national capital of GREAT_CITY people, OVERSHADOWED times as many, gets this share
# unless the text puts it somewhere or it lies next to one of the article's places or near two of them.
CAPITAL_NAMESAKE_SHARE = 0.25
LIST_JOINS = {",", "and", "or", ", and", ", or", "and the", "or the", ", and the", ", or the"}
CHORD_SLACK_KM = 0.001  # far above the rounding errors (< 1e-4 km) of chord and haversine distances
QUALIFIED_CONFIDENCE_FACTOR = 0.9
NO_SHAPE_CONFIDENCE_FACTOR = 0.5
# A part of what holds a place: "in northwest Pakistan", "in far northern Queensland"
_QUARTER = r"(?:\s+(?:far\s+)?(?:(?:north|south)-?(?:east|west)(?:ern)?|[a-z]+ern|central))?"
# What lies between a name and the place holding it: "X, Y", "X in Y", "X located in the Y", "X in northern Y".
CONTAINER_GAP = re.compile(
    rf"\s*(?:,|(?:,\s*)?(?:(?!and\b|or\b|but\b)[a-z]+\s+){{0,2}}?(?:in|near|outside|of)(?:\s+the)?{_QUARTER})\s*")
POSSESSIVE = {"'s", "’s", "'", "’"}  # "Y's X" puts X in Y
DISTRICT_AFTER = re.compile(r"\s+(?:neighbou?rhood|suburb|district|enclave|borough)\b")  # "X, the Nashville neighborhood"
CLOCK_ONLY = re.compile(r"\s*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[—–-]?\s*)?")  # nothing, or a time, before a line's name
ROUNDUP_HEADING = re.compile(r" ?[—–-] ")  # after a state opening a roundup's paragraph: "OHIO — Springfield:"
BLANK_LINE = re.compile(r"\n\s*\n")
HEADING_MARKS = {":", "—", "–", "-"}  # "Y: X" or "Y — X" opening a line puts X in Y (a roundup of states' news)
# "X, Y", "X in Y", "X in the Y" and "X in northwest Y" put X in Y when Y is a country or division holding an X
PUT_IN = re.compile(rf",|(?:,\s*)?in(?:\s+the)?{_QUARTER}")
HOLDER_CODES = {"PCLI", "ADM1", "ADM2", "PPL", "PPLA", "PPLA2", "PPLA3", "PPLC"}
OPTIONS_CACHE_SIZE = 200_000  # names whose candidates are kept
FOCUS_PLACES, ABROAD_TOWN = 3, 100_000  # an article with this many places has a country; a town abroad this small
STRAY_KM = 500  # a small town this far from all of a local story's places is likely another of its state
TOWN_REACH_KM = 100  # a place the text puts in a town lies this near it ...
OFF_REACH_KM = 300  # ... and one it puts north (south, ...) of a town, this near
OWN_CITY_SHARE = 10  # ... unless it is a city of its country a tenth as big or more
COURSE_REACH_KM = 50  # a town this near a river's course tells which stretch of it the text means
STRETCHES = {"upper": 1 / 6, "lower": 5 / 6}  # where along its course a river's upper or lower course lies
COUNTY_REACH_KM = 60  # ... and one it puts in a county this near the county's point
REGION_REACH_KM = 1000  # ... and one it puts in a region, valley or island this near its point, if in another country
CITY_DIVISION_KM, CITY_DIVISION_PEOPLE = 10, 100_000  # a division whose point lies this near its city of
# this many people is the city's outline ("Paris")
IN_TOWN = {"in", ", in"} | POSSESSIVE  # what puts a place in a town: "Mirpur in Dhaka", "Nairobi's Eastleigh"
DIVISION_SENSE = "(division)"  # the holder of a name's sense the text calls a state or province
HOLDER_AREAS = {"PCLI", "ADM1", "ADM2"}  # what Y of "X, Y" must be to put X in a place of its own
TOWNSHIP_SUFFIXES = (" township", " twp")  # folded: "Freedom Township", "Penn Twp."
SMALL_COUNTRY_KM = 300  # a country whose outline's corners all lie this near its point holds its villages
CONTAINER_CONFIDENCE = 0.3  # a name placed at the place holding it: right region, rough point
LISTED_CONFIDENCE = 0.2  # a name placed among the places it is listed with: near, not there
LISTED_SPREAD_KM = 200  # ... when those places lie this near one another
# A lake, river or township that bears a town's name lies near that town: "Lake Lugano", "Libby Dam" (_namesakes).
NAMESAKE_SUFFIXES = {"lake", "river", "creek", "harbour", "harbor", "bay", "dam", "reservoir", "glacier", "falls",
                     "canyon", "gorge", "valley", "township", "mountain", "hills", "beach", "lagoon", "forest",
                     "island", "peninsula", "volcano", "point", "barrage"}
NAMESAKE_PREFIXES = {"lake", "loch", "lough", "mount"}
NAMESAKE_KM = 100  # ... when it lies this near a town the article names ...
NAMESAKE_REACH = 400  # ... this many characters before or after the feature
NAMESAKE_CONFIDENCE = 0.3
SECOND_LEVEL_KINDS = ("district", "county", "territory", "municipality", "parish", "borough", "regency")  # "Masisi Territory"
PLACED_BY_NAME = {"PCLI", "ADM1", "PPLC", "PPLA"}  # never dropped for the country the text puts them in
OWN_SENSE_CODES = {"PCLI", "ADM1", "PPLC"}  # a name of these keeps its sense beside a longer name ("Mexico City")
# Y of "X, Y" speaks: "near Wonsan, South Korea's military said" puts Wonsan in no South Korea.
SPOKEN_AFTER = re.compile(r"(?:'s|’s)?(?:\s+[\w-]+){0,5}?\s+(?:said|says|told|reported|announced|confirmed|"
                          r"acknowledged|added|stated|claimed|denied|warned)\b")
DIVISION_OF = re.compile(r"(?:province|region|district|governorate|prefecture|oblast) of(?: the)?", re.IGNORECASE)
DIVISION_WORDS = ("state", "province", "region", "prefecture", "governorate", "oblast", "department")  # "Kerala state"
DIVISION_BEFORE = re.compile(rf"(?:{'|'.join(DIVISION_WORDS)}) of\s+$", re.IGNORECASE)
DATELINE_END = re.compile(r"\s*(?:\([^)\n]{1,40}\)|[—–-]|,)")
DIVISION_AFTER = re.compile(rf"^\s+(?:{'|'.join(DIVISION_WORDS)})\b")
# "the Peruvian city of Trujillo": a country's adjective and a kind of place before the name.
# (A capital not after a letter, rather than "\b" and a capital: a pattern opening with a capital
# is sought far faster.)
ADJECTIVE_PLACE_BEFORE = re.compile(
    r"([A-Z](?<!\w[A-Z])[a-z]+(?:[ -][A-Z][a-z]+)?) (?:city|town|village|port|island|capital|province|region|state|"
    r"resort|district|county|enclave|municipality|department|suburb|border town|port city)(?: of)? $")
# A country's adjective before its authorities: "Spanish police", "the Honduran navy".
AUTHORITY_ADJECTIVE = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]{3,}) (?:police|navy|army|coast guard|troops|forces|soldiers|"
                                 r"officials|authorities|government|ministry|military|border guards|customs)\b")
HOMETOWN_BEFORE = re.compile(r"\b[Aa]n?\s+$")  # "a" before "Lebanon man"
CAPITALISED_NEXT = re.compile(r" [A-Z]")  # "Dresden Zoo": the name is part of another
# Before a name that a place is named after: "named after Versailles in France".
NAMESAKE_BEFORE = re.compile(r"\b(?:named (?:it |them )?(?:after|for)|in hono(?:u)?r of|confused with"
                             r"|(?:gave|gives|lent|lends) (?:its|their) name to)\s+(?:the\s+)?$")
AGE_OF_BEFORE = re.compile(r",\s*\d{1,3},\s+of\s+$")  # "Ann Pike, 54, of Lebanon"
# After a name, a description as a town: ", Bolivia's largest city", ", the Tenerife capital", ", a port",
# ", the capital of Caithness" (not "Scotland, the small port of Wick": that names another place).
TOWN_DESCRIBED = re.compile(r",\s+(?:(?:a|an|the)\s+|[A-Z][\w-]*(?:'s|’s)\s+)(?:[\w-]+(?:'s|’s)?\s+){0,2}?"
                            r"(?:(?:city|town|village|port|hamlet|municipality)\b(?!\s+of\s+[A-Z])"
                            r"|(?:capital|suburb)\b)")
TOWN_OF_BEFORE = re.compile(r"\b(?:city|town|village|port)\s+of\s+$", re.I)  # "the city of Santa Cruz"
DOUBLED_LETTER = re.compile(r"(\w)\1")
DIVISION_WORD_END = re.compile(rf" (?:{'|'.join(DIVISION_WORDS)}|county|district)$")  # "niger state"
DIVISIONS_AFTER = re.compile(rf"^\s+(?:{'|'.join(w + 's' for w in DIVISION_WORDS)})\b")  # after a list
# ... and before one: "the provinces of Kandahar and Helmand"
DIVISIONS_BEFORE = re.compile(rf"\b(?:{'|'.join(w + 's' for w in DIVISION_WORDS)}) of\s+(?:the\s+)?$", re.IGNORECASE)
FOLLOWING_WORD = re.compile(r" ([a-z]+)\b")  # "the Volga river"
FEATURE_WORDS = {  # words that name a type of feature, and its GeoNames feature codes
    "sea": {"SEA", "LK"}, "ocean": {"OCN"}, "gulf": {"GULF"}, "bay": {"BAY"}, "strait": {"STRT"},
    "straits": {"STRT"}, "river": {"STM"}, "afon": {"STM"}, "lake": {"LK"}, "loch": {"LK"}, "lough": {"LK"},
    "llyn": {"LK"}, "lakes": {"LKS"}, "canal": {"CNL"}, "reservoir": {"RSV", "LK"}, "reservoirs": {"RSV", "LK"},
    "dam": {"DAM"}, "dams": {"DAM"}, "barrage": {"DAM"}, "glacier": {"GLCR"}, "cape": {"CAPE"},
    "island": {"ISL"}, "islands": {"ISLS"}, "isle": {"ISL"}, "mount": {"MT", "VLC"}, "mountain": {"MT"},
    "mountains": {"MTS"}, "desert": {"DSRT"}, "valley": {"VAL"}, "peninsula": {"PEN"}, "volcano": {"VLC"},
    "pass": {"PASS"}, "airport": {"AIRP"}, "plain": {"PLN"}, "plains": {"PLN"}, "plateau": {"PLAT"},
    "mine": {"MN", "MNAU", "MNC", "MNCU", "MNFE", "MNN", "MNQR"}, "field": {"OILF", "GASF"},
    "oilfield": {"OILF"}, "gasfield": {"GASF"},
    "neighbourhood": {"PPLX"}, "neighborhood": {"PPLX"}, "quarter": {"PPLX"}, "zone": {"ADM2"},
}
PLURAL_FEATURES = {"MTS", "ISLS"}
QUARTER_WORDS = {word for word, codes in FEATURE_WORDS.items() if codes == {"PPLX"}}  # "neighborhood"
CITY_PEOPLE = 100_000  # a place this big before "neighborhood" is the city the quarter lies in ...
QUARTER_OF = re.compile(r" \w+ of\b")  # ... unless the quarter is "of" another: "the Kurla neighbourhood of Mumbai"
ISLAND_WORDS = {"island", "isle"}
DAM_WORDS = {"dam", "dams", "barrage"}
ISLAND_OF = re.compile(r"\bthe (island|isle) of $")  # "the island of Flores"
# "the Andes", "the Peruvian Andes", "the southern Andes", "the upper Indus"
THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[A-Z][a-z]+\s+"
                        r"|(?:north|south|east|west|central|upper|lower|middle)[a-z-]*\s+)?$")
THE_FEATURES = {"STM", "RGN", "SEA", "OCN", "LK", "DSRT", "PEN", "VAL", "FRST"}
# "X is a city in Y", "X, the capital of Y", "X is a village and civil parish in Y", "X is a city
# in and the county seat of Y", "X is the largest inland city in the state of Y", "X is a city in
# the Indian state of Y"
_PLACE_NOUN = (r"(?:city|town|village|hamlet|suburb|capital|port|municipality|commune|community|settlement|borough"
               r"|township|county|district|region|province|island|seat|parish|neighbou?rhood|locality|resort)")
PLACE_DEFINED = re.compile(
    rf"\s*(?:,|\s(?:is|was))\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?{_PLACE_NOUN}"
    rf"(?:\s+and\s+(?:[\w-]+\s+)?{_PLACE_NOUN})?\s+(?:(?:located|situated)\s+)?(?:in|of|on)\s+"
    rf"(?:and\s+the\s+(?:[\w-]+\s+){{0,2}}?{_PLACE_NOUN}\s+of\s+)?(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:of\s+)?")
# "X lies in Y", "X is located in central Y", "X sits in the north of Y"
PLACE_LIES = re.compile(r"\s+(?:lies|lay|sits|stands|is located|was located|is situated|was situated)\s+"
                        r"(?:in|within)\s+(?:the\s+)?"
                        r"(?:(?:north|south|east|west|centre|center)\s+of\s+|[a-z-]+ern\s+|central\s+)?")
# "X, a suburb east of Y", "X, a village 40 km north of Y", "X, some 60 miles south-west of Y"
_BEARING = r"(?:north|south)(?:-?(?:east|west))?|east|west"
PLACE_OFF = re.compile(
    rf"\s*,?\s*(?:(?:a|an)\s+(?:[\w-]+\s+){{0,3}}?{_PLACE_NOUN}\s+)?(?:(?:located|situated|lying|just|about|some"
    rf"|roughly|around|nearly|almost)\s+)*(?:\d[\d,.]*\s*(?:km|kilometres|kilometers|miles)\s+)?"
    rf"(?:to\s+the\s+)?(?:{_BEARING})\s+of\s+(?:the\s+)?")
BORDER_AFTER = re.compile(r"\s+(?:state\s+)?(?:line|border|frontier|boundary)\b")  # "on the New Mexico line"
# What puts a name nothing else places at a place it lies in or next to (see _placed_by_container).
NEXT_TO_HOLDER = (CONTAINER_GAP, PLACE_DEFINED, PLACE_LIES, PLACE_OFF)
DIVISION_TYPES = {"province", "region", "state", "district", "county", "governorate", "prefecture", "oblast",
                  "department"}


@dataclass(frozen=True)
class _Sense(Mention):
    """A mention of a name the text puts in two places, with the place it puts this one in."""

    holder: str = ""  # the key of Y in "X, Y"
    namesake: bool = False  # the place another one is named after: "named after Versailles in France"

    @cached_attribute
    def key(self) -> str:
        return f"{self.base}, {self.holder}"

    @property
    def base(self) -> str:
        """The gazetteer key of the name."""
        return fold(self.lookup_name)


@dataclass
class _Context:
    """What the article tells about where it is: the evidence the scores use."""

    named_countries: Counter = field(default_factory=Counter)  # country code -> mentions
    crossed: dict = field(default_factory=dict)  # a feature no one country holds -> the countries it crosses
    named_divisions: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # (country, admin1) -> the
    # names whose first choice is that state or province
    chosen: dict[str, Place] = field(default_factory=dict)  # name -> first-pass choice
    chosen_countries: Counter = field(default_factory=Counter)  # country -> first-pass choices in it
    chosen_divisions: Counter = field(default_factory=Counter)  # (country, admin1) -> choices in it
    chosen_town_divisions: Counter = field(default_factory=Counter)  # the same, but of places within it
    chosen_points: _Points | None = None  # where the first-pass choices lie
    containers: dict[str, set[str]] = field(default_factory=dict)  # name -> country / division keys
    contained: dict[str, set[str]] = field(default_factory=dict)  # name -> ids of places holding a neighbour
    division_cue: set[str] = field(default_factory=set)  # names said to be a state or province
    town_cue: set[str] = field(default_factory=set)  # names the text makes towns: "a Lebanon man"
    described_town: set[str] = field(default_factory=set)  # names it calls towns: "Santa Cruz, Bolivia's largest
    # city", and a dateline's: "NEW YORK —" is the city, not the state
    feature_cue: dict[str, set[str]] = field(default_factory=dict)  # name -> feature codes its words name
    spelled: dict[str, str] = field(default_factory=dict)  # name -> how the text writes it, where it has accents
    own_country: dict[str, str] = field(default_factory=dict)  # name -> the country it names, if any
    mention_count: Counter = field(default_factory=Counter)  # name -> mentions
    siblings: dict[str, set[str]] = field(default_factory=dict)  # name -> other names listed with it
    county_pairs: set[str] = field(default_factory=set)  # ids of counties and of other names' towns near them
    kin: dict[str, list[str]] = field(default_factory=dict)  # name -> the other senses of its name
    governments: set[str] = field(default_factory=set)  # names that only act: "announced by Washington"
    text_neighbours: dict[str, set[str]] = field(default_factory=dict)  # name -> names written near it


class Resolver:
    """Links mentions to places: gazetteer first, geocoder fallback second."""

    def __init__(self, gazetteer: Gazetteer, geocoder: Geocoder | None = None):
        self.gazetteer = gazetteer
        self.geocoder = geocoder
        self._options: dict[tuple[str, bool], _Options] = {}
        self._crossings: dict[str, frozenset[str]] = {}
        self._outlines: list | None = None

    def __call__(self, text: str, mentions: list[Mention]) -> list[ResolvedMention]:
        lists, pairs, placements = self._layout(text, mentions)
        given, mentions = mentions, self._senses(text, mentions, placements)
        if mentions is not given:
            lists, pairs, placements = self._layout(text, mentions)
        last_mentions = {m.key: m for m in mentions}  # a name's last mention says if it is a demonym
        abbreviated = {m.key for m in mentions if _abbreviation_by_period(text, m)}
        candidates = {key: self._candidates(m, key in abbreviated) for key, m in last_mentions.items()}
        for sense in mentions:  # the town named after Versailles in France is not that one
            if isinstance(sense, _Sense) and sense.namesake and candidates.get(sense.base):
                named_after = self._held_by(sense, candidates[sense.key])
                others = _Options(c for c in candidates[sense.base] if c.place.id not in named_after)
                if any(c.place.population for c in others):  # a town of known people: not "Aleppo, Pa.",
                    candidates[sense.base] = others  # a post office, for "Aleppo ... Aleppo, Syria"
        for name, options in _shortened(candidates).items():
            candidates[name] = options  # "Boulogne" after "Boulogne-sur-Mer" is that town, not Boulogne-Billancourt
        for name, country in _possessed(text, placements, candidates).items():
            inside = _Options(c for c in candidates[name] if c.place.country_code == country)
            if inside:
                candidates[name] = inside  # "Iraq's Kurdistan region" is Iraq's, whatever else an Iranian story names
        containers, contained, outer_names = _containers(text, placements, candidates)
        described = self._described_countries(text, mentions)
        for name, country in described.items():
            containers.setdefault(name, set()).add(country)  # "the Peruvian city of Trujillo"
        for name, area in _roundup_areas(text, mentions, candidates).items():
            containers.setdefault(name, set()).add(area)  # "ILLINOIS — Springfield: ... near Peoria"
        siblings = _siblings(lists)
        partners = _partners(text, mentions, siblings)
        division_cue = _division_cues(text, mentions) | _listed_with_divisions(lists, candidates)
        context = _Context(named_countries=_named_countries(mentions, candidates) + self._adjectives(text, mentions),
                           containers=containers, contained=contained, division_cue=division_cue,
                           town_cue=_hometowns(text, mentions)
                           | _listed_with_towns(partners, candidates) - division_cue,
                           described_town=_described_towns(text, mentions) | _dateline(text, mentions),
                           feature_cue=_feature_cues(text, mentions),
                           spelled={m.key: m.lookup_name for m in mentions if not m.lookup_name.isascii()},
                           own_country=_own_countries(candidates),
                           mention_count=Counter(m.key for m in mentions),
                           siblings=siblings,
                           county_pairs=_county_pairs(candidates),
                           kin=_kin(mentions),
                           governments=_governments(text, mentions),
                           text_neighbours=_text_neighbours(text, mentions))
        context.crossed = {o.place.id: self._crossed(o.place.id) for options in candidates.values()
                           for o in options or () if not o.place.country_code}
        # Pass 1 uses priors and explicit cues; pass 2 adds agreement with the other names' choices.
        cue_scores = {name: _cue_scores(name, options, context) for name, options in candidates.items() if options}
        for name, scores in cue_scores.items():
            context.chosen[name] = _best(candidates[name], scores)[0]
        for name, place in context.chosen.items():
            if place.feature_code == "ADM1":
                context.named_divisions.setdefault(_division(place), set()).add(name)
        # A state the text names speaks for its towns over their country: rescore the names it holds.
        for name in [n for n in cue_scores if _named_states(n, candidates[n], context)[1]]:
            cue_scores[name] = _cue_scores(name, candidates[name], context)
            context.chosen[name] = _best(candidates[name], cue_scores[name])[0]
        districts = {first.key for first, second in pairs if _district_of(text, first, second)}
        elsewhere = _placed_elsewhere(candidates, outer_names, context.chosen, districts)
        elsewhere.update(_listed_elsewhere(candidates, lists, context.chosen))
        elsewhere.update(_placed_off(text, pairs, candidates, context.chosen))
        placed = outer_names.keys() | described.keys() | {m.key for m in mentions if isinstance(m, _Sense)}
        elsewhere.update(_abroad(candidates, placed, partners, context, self.gazetteer.neighbours))
        elsewhere.update(_astray(candidates, placed, partners, context))
        elsewhere.update(_other_features(text, mentions, candidates, context))
        for name in elsewhere:
            candidates[name] = ()  # "Swindon, Ontario": no Swindon the gazetteer knows is in Canada
            context.chosen.pop(name, None)
        for name in context.governments:  # "tariffs announced by Washington" in a story from England: the capital
            capital = context.chosen.get(name)
            if capital is not None and capital.feature_code == "PPLC":
                candidates[name] = _Options(c for c in candidates[name] if c.place is capital)
                cue_scores[name] = _cue_scores(name, candidates[name], context)
        for name, towns in _local_namesakes(candidates, context).items():
            candidates[name] = towns  # "Lebanon" among Tennessee's towns is Lebanon, Tennessee
            cue_scores[name] = _cue_scores(name, towns, context)
            context.chosen[name] = _best(towns, cue_scores[name])[0]
        for _ in range(COHERENCE_PASSES):
            context.chosen_countries = Counter(p.country_code for p in context.chosen.values())
            context.chosen_divisions = Counter(_division(p) for p in context.chosen.values())
            context.chosen_town_divisions = Counter(_division(p) for p in context.chosen.values()
                                                    if p.feature_code != "ADM1")
            context.chosen_points = _Points.of(context.chosen)
            agreed = {}
            for name, options in candidates.items():
                if options:
                    scores = cue_scores[name]
                    if len(options) > 1:
                        scores = [score + bonus for score, bonus in zip(scores, _coherence(name, options, context))]
                    agreed[name] = _best(options, scores)
            settled = {name: place for name, (place, _) in agreed.items()}
            if settled == context.chosen:
                break  # no choice moved: another round would score the same
            context.chosen = settled
        chosen: dict[str, tuple[Place | None, float, str]] = {}
        for name, options in candidates.items():
            if options:
                place, confidence = agreed[name]
                if name not in context.division_cue:
                    place = options.city_itself(place) or _great_city_alone(name, place, options, context) or place
                chosen[name] = (place, confidence, "curated" if place.source == "curated" else "gazetteer")
            else:
                surface = next(m.lookup_name for m in mentions if m.key == name)
                if name in elsewhere:  # ask for "Swindon, Ontario" in Canada, "Chira river" in Peru
                    countries, query = elsewhere[name]
                    chosen[name] = self._fallback(query.format(surface), countries)
                else:
                    chosen[name] = self._fallback(surface, context.named_countries)
        for name, place in _placed_by_container(text, pairs, chosen).items():
            if place.feature_code != "PCLI" or self._small_country(place):
                chosen[name] = (place, CONTAINER_CONFIDENCE, "container")
        for name, county in _townships_in_the_county(chosen).items():
            chosen[name] = (county, CONTAINER_CONFIDENCE, "container")
        rivers = {name: place for name, (place, _, _) in chosen.items()
                  if place is not None and place.feature_code in STREAM_CODES}
        for name, place in rivers.items():
            chosen[name] = (self._on_course(place, chosen), *chosen[name][1:])
        for name, place in self._namesakes(chosen, context.text_neighbours).items():
            chosen[name] = (place, NAMESAKE_CONFIDENCE, "namesake")
        for name, place in _placed_by_list(lists, chosen).items():
            chosen[name] = (place, LISTED_CONFIDENCE, "listed")
        paired = self._paired_senses(placements, chosen)
        spans = sentences(text)
        resolved = []
        for mention, sense in zip(given, mentions):
            place, confidence, how = paired.get(id(sense)) or chosen[sense.key]
            if place is not None and mention.qualifier in STRETCHES and sense.key in rivers:
                place = self._on_course(rivers[sense.key], chosen, mention.qualifier)  # "the upper Colorado River"
            elif place is not None and mention.names_a_part:
                place, confidence = self._part(place, mention, confidence)
            resolved.append(ResolvedMention(mention, place, round(confidence, 3), how if place else "",
                                            _sentence_of(text, spans, mention)))
        return resolved

    def _layout(self, text: str, mentions: list[Mention]) -> tuple[list, list, list]:
        """The lists, neighbours and placements of the mentions, where "Springfield, Illinois, and
        Columbus" lists no Springfield but puts it in Illinois (see `_town_state_lists`)."""
        lists, pairs, placements = _layout(text, mentions)
        candidates = {m.key: self._candidates(m) for members in lists for m in members}
        if (kept := _town_state_lists(text, lists, candidates)) != lists:
            lists = kept
            pairs = _neighbours(mentions, lists)
            placements = _placements(text, mentions, pairs)
        return lists, pairs, placements

    def _paired_senses(self, placements: list[tuple[Mention, Mention]], chosen: dict) -> dict[int, tuple]:
        """Choices for both mentions of an "X, Y" whose Y the article means otherwise, where X lies
        in no place of Y's article-wide sense but in another: "Atlanta, Georgia" in a story from
        Tbilisi is the state's, though "Georgia" alone is the country there. By mention id."""
        paired = {}
        for name, holder in placements:
            area, _, _ = chosen.get(holder.key, (None, 0.0, ""))
            place, _, how = chosen.get(name.key, (None, 0.0, ""))
            if area is None or area.feature_code not in ("PCLI", "ADM1") \
                    or place is not None and how != "container" and _lies_in(place, area):
                continue
            for other in self.gazetteer.candidates(holder.key):
                if other.place.feature_code not in ("PCLI", "ADM1") or other.place.id == area.id:
                    continue
                inside = [c.place for c in self._candidates(name) if _lies_in(c.place, other.place)]
                if inside:
                    paired[id(name)] = (inside[0], CONTAINER_CONFIDENCE, "gazetteer")
                    paired[id(holder)] = (other.place, CONTAINER_CONFIDENCE, "gazetteer")
                    break
        return paired

    def _adjectives(self, text: str, mentions: list[Mention]) -> Counter:
        """Countries whose authorities the article names with an adjective no mention covers
        ("Spanish police", "the Honduran navy"): evidence where demonyms are no mentions of their own."""
        covered = {m.start for m in mentions}
        named = Counter()
        for word in AUTHORITY_ADJECTIVE.finditer(text):
            if word.start() not in covered:
                named.update(self._adjective_countries(word.group(1)))
        return named

    def _described_countries(self, text: str, mentions: list[Mention]) -> dict[str, str]:
        """Names the text describes with a country's adjective, each with that country: "the
        Peruvian city of Trujillo", "the Colombian island of San Andrés"."""
        described = {}
        for mention in mentions:
            before = ADJECTIVE_PLACE_BEFORE.search(text, max(0, mention.start - 50), mention.start)
            countries = self._adjective_countries(before.group(1)) if before else []
            if countries:
                described[mention.key] = countries[0]
        return described

    def _adjective_countries(self, word: str) -> list[str]:
        """The countries a word is the adjective of ("Peruvian": Peru)."""
        return [c.place.country_code for c in self.gazetteer.candidates(fold(word))
                if c.kind == "demonym" and c.place.feature_code == "PCLI"]

    def _senses(self, text: str, mentions: list[Mention], placements: list[tuple[Mention, Mention]]) -> list[Mention]:
        """The mentions, where the text puts one name in two places ("Portland, Maine" and
        "Portland, Oregon"), or in one place as a namesake's ("named after Versailles in France";
        or in a country after writing the name alone, which a writer does for the name's other
        place: "Warsaw's mayor ... a choir from Warsaw, Poland"), each "X, Y" as a name of its own;
        likewise a name the text calls a state once and writes alone elsewhere ("Washington state");
        one name keeps one meaning otherwise."""
        holder_of: dict[int, tuple[Mention, Mention]] = {}  # a mention's first holder ("Latah County" of
        for name, holder in placements:  # "X is a city in Latah County, Idaho")
            if id(name) not in holder_of \
                    and any(c.place.feature_code in HOLDER_AREAS for c in self.gazetteer.candidates(holder.key)):
                holder_of[id(name)] = (name, holder)
        holders: dict[str, set[str]] = {}
        for name, holder in holder_of.values():
            holders.setdefault(name.key, set()).add(holder.key)
        first_bare: dict[str, int] = {}  # where each name is first written alone, without a holder
        for mention in mentions:
            if id(mention) not in holder_of and not CAPITALISED_NEXT.match(text, mention.end):
                first_bare.setdefault(mention.key, mention.start)
        first_placed: dict[str, int] = {}  # where each name is first put in a place ("CALAMA, Chile —")
        for name, _ in holder_of.values():
            first_placed[name.key] = min(name.start, first_placed.get(name.key, name.start))
        namesakes = {key for key, (name, holder) in holder_of.items()
                     if len(holders[name.key]) == 1 and not _opens_line_in_capitals(text, name) and (
                         NAMESAKE_BEFORE.search(text, 0, name.start)
                         or first_bare.get(name.key, len(text)) < first_placed[name.key] and not self._country(name)
                         and (self._country(holder) and self._named_in_another_country(name, holder, mentions)
                              or self._named_abroad(name, holder, mentions)))}
        twice = {key: holder.key for key, (name, holder) in holder_of.items()
                 if len(holders[name.key]) > 1 or key in namesakes}
        twice.update(self._division_senses(text, mentions))
        if not twice:
            return mentions
        return [_Sense(**{f.name: getattr(m, f.name) for f in fields(Mention)}, holder=twice[id(m)],
                       namesake=id(m) in namesakes) if id(m) in twice else m for m in mentions]

    def _division_senses(self, text: str, mentions: list[Mention]) -> dict[int, str]:
        """The mentions the text calls a state or province ("Washington state", "the province of
        Buenos Aires") where it also writes the name alone, which then names the name's town:
        each as a sense of its own, held by DIVISION_SENSE."""
        cued = {id(m) for m in mentions if _division_cued(text, m)}
        bare = {m.key for m in mentions if id(m) not in cued}
        return {id(m): DIVISION_SENSE for m in mentions if id(m) in cued and m.key in bare
                and _division_and_town(self.gazetteer.candidates(m.key))}

    def _named_abroad(self, name: Mention, holder: Mention, mentions: list[Mention]) -> bool:
        """Is the holder a state or province, and the name's first place outside it in a country
        whose places the article's other names first name ("PERTH — ..." among Australian places,
        then "a commentator from Perth, Scotland"; not "of Paris ... of Paris, Texas" in a Texan
        obituary, whose other Paris is in France), or in a state they name?"""
        states = {_division(c.place) for c in self.gazetteer.candidates(holder.key) if c.place.feature_code == "ADM1"}
        if not states:
            return False
        outside = _Options(c for c in self._candidates(name) if _division(c.place) not in states)
        top = _top(outside)
        if top is None:
            return False
        firsts = self._first_choices(mentions, name, holder)
        towns_there = sum(first.country_code == top.country_code and first.feature_code != "PCLI"
                          for first in firsts.values())
        if towns_there >= 2:  # two towns or regions there, not the country: "that's Delhi, Ont., not the one in India"
            return True
        in_division = Counter(_division(first) for first in firsts.values() if first.admin1)
        held = max(in_division[state] for state in states)  # "Canton ... Woodstock, Cherokee County" in Georgia,
        return any(in_division[_division(c.place)] >= max(2, held + 1)  # then "came from Canton, Ohio"
                   for c in outside if c.place.admin1)

    def _named_in_another_country(self, name: Mention, holder: Mention, mentions: list[Mention]) -> bool:
        """Does another name of the article first name a place in a country, not the holder's, that
        has a place of the name ("Warsaw's mayor ... Kosciusko County ... a choir from Warsaw, Poland";
        not "talks moved to Lagos ... near Lagos, Nigeria" among Hanoi and Vietnam)?"""
        holder_countries = {c.place.country_code for c in self.gazetteer.candidates(holder.key)
                            if c.place.feature_code == "PCLI"}
        countries = {c.place.country_code for c in self._candidates(name)} - holder_countries
        return any(first.country_code in countries for first in self._first_choices(mentions, name, holder).values())

    def _first_choices(self, mentions: list[Mention], *skipped: Mention) -> dict[str, Place]:
        """Each other name's first choice, before any context: what the article's names would be alone."""
        skipped_keys = {m.key for m in skipped}
        return {m.key: first for m in mentions if m.key not in skipped_keys
                if (first := _top(self._candidates(m))) is not None}

    def _country(self, mention: Mention) -> bool:
        """Does the mention name a country ("Ireland" of "Dublin, Ireland")?"""
        return any(c.place.feature_code == "PCLI" and c.kind != "demonym" for c in self.gazetteer.candidates(mention.key))

    def _candidates(self, mention: Mention, abbreviated: bool = False) -> _Options:
        """The places the mention may name: those its name denotes as an adjective, for a demonym;
        those it names, otherwise, and only those it abbreviates when written with a period; for one
        of a name's two senses, those in its place if any. Kept per name, as names recur from article
        to article."""
        key = (mention.base if isinstance(mention, _Sense) else mention.key, mention.signal == "demonym", abbreviated)
        options = self._options.get(key)
        if options is None:
            if len(self._options) >= OPTIONS_CACHE_SIZE:
                self._options.clear()
            name, demonym, _ = key
            options = _Options(c for c in self.gazetteer.candidates(name) if (c.kind == "demonym") == demonym)
            if abbreviated:  # written with its period, "Colo." is Colorado's abbreviation, not Colo, Iowa
                options = _Options(c for c in options if c.kind == "abbr") or options
            self._options[key] = options
        if isinstance(mention, _Sense) and mention.holder == DIVISION_SENSE:
            return _Options(c for c in options if c.place.feature_code in ("ADM1", "ADM2")) or options
        if isinstance(mention, _Sense):
            areas = {_area(c.place) for c in self.gazetteer.candidates(mention.holder)
                     if c.place.feature_code in HOLDER_AREAS}
            return _Options(c for c in options if {c.place.country_code, _area(c.place)} & areas) or options
        return options

    def _held_by(self, sense: "_Sense", options: "_Options") -> set[str]:
        """The ids of a sense's candidates that lie in its holder: in its country or division, or,
        for a town ("Richmond in south-west London"), near it rather than anywhere in its state."""
        holders = self.gazetteer.candidates(sense.holder)
        if any(h.place.feature_code in ("PCLI", "ADM1") for h in holders):
            return {c.place.id for c in options}
        towns = [h.place for h in holders if h.place.feature_code.startswith("PPL")]
        near = {c.place.id for c in options
                if any(haversine_km(c.place.lat, c.place.lon, t.lat, t.lon) <= TOWN_REACH_KM for t in towns)}
        return near or {c.place.id for c in options}

    def _namesakes(self, chosen: dict, text_neighbours: dict[str, set[str]]) -> dict[str, Place]:
        """Names nothing else placed, or placed only at the division holding them, each at a place
        named after them, or after which they are named: a feature at the town whose name it bears
        with its kind's word ("Lake Lugano" at Lugano), a town at the airport named after it
        ("Bradford, Ontario" at Bradford Airport). The place must be the town of that name the
        article names, or lie in the division holding the name, or within NAMESAKE_KM of a town of its
        country named in the name's paragraph, at most NAMESAKE_REACH characters away ("Detroit Lake"
        in a story from Oregon at Detroit, Oregon, not Michigan's): see `_text_neighbours`."""
        placed = {}
        for name, (place, _, how) in chosen.items():
            holder = place if how == "container" and place.feature_code in ("ADM1", "ADM2") else None
            if place is not None and holder is None:
                continue
            town, namesakes = self._named_after(name)
            named = chosen.get(town, (None,))[0] if town != name else None
            if named is not None and named.feature_class == "P":
                placed[name] = named
                continue
            if holder is not None:
                inside = [p for p in namesakes if _division(p) == _division(holder)]
                if len({p.name for p in inside}) == 1:
                    placed[name] = inside[0]  # one place of that name in the division (a district first)
                continue
            if not namesakes:
                continue
            towns = _towns_of(text_neighbours.get(name, ()), chosen)
            near = [(km, p.id, p) for p in namesakes
                    if p.country_code in towns and (km := _nearest_km(p, towns[p.country_code])) <= NAMESAKE_KM]
            if near:
                placed[name] = min(near)[2]
        return placed

    def _named_after(self, name: str) -> tuple[str, list[Place]]:
        """The town a feature's name bears and the towns of that name ("lake lugano": "lugano" and the
        Luganos), or, for any other name, the name and the second-level divisions and airports named
        after it ("Masisi Territory", "Bradford Airport")."""
        words = name.split()
        town = ""
        if len(words) > 1 and words[-1] in NAMESAKE_SUFFIXES:
            town = " ".join(words[:-1])
        elif len(words) > 1 and words[0] in NAMESAKE_PREFIXES:
            town = " ".join(words[1:])
        if town:  # (and an island's airport: "Lizard Island Airport")
            return town, [c.place for c in self.gazetteer.candidates(town) if c.place.feature_class == "P"
                          and c.kind == "name"] + list(self.gazetteer.airports_named_after(name))
        divisions = [c.place for kind in SECOND_LEVEL_KINDS for c in self.gazetteer.candidates(f"{name} {kind}")
                     if c.place.feature_code == "ADM2"]
        return name, divisions + list(self.gazetteer.airports_named_after(name))

    def _fallback(self, name: str, countries: Counter) -> tuple[Place | None, float, str]:
        if self.geocoder is None:
            return None, 0.0, ""
        place, how = self.geocoder.lookup(name, [code for code, _ in countries.most_common(3)])
        if place is None:
            return None, 0.0, ""
        return place, 0.6 if place.country_code in countries else 0.4, how

    def _crossed(self, place_id: str) -> frozenset[str]:
        """The countries whose outline the course or outline of a feature that no one country holds
        crosses (the Red River of the North: the US and Canada); none for a point."""
        crossed = self._crossings.get(place_id)
        if crossed is None:
            shape = self.gazetteer.geometry(place_id)
            crossed = self._crossings[place_id] = frozenset() if shape is None else frozenset(
                code for code, outline in self._country_outlines() if outline.intersects(shape))
        return crossed

    def _small_country(self, country: Place) -> bool:
        """Does the whole country lie within SMALL_COUNTRY_KM of its point, so that a village placed
        at it ("Qorvintal, Lebanon") is roughly right? Not Chile or Kenya."""
        outline = self.gazetteer.geometry(country.id)
        if outline is None:
            return False
        west, south, east, north = outline.bounds
        return all(haversine_km(country.lat, country.lon, lat, lon) <= SMALL_COUNTRY_KM
                   for lat in (south, north) for lon in (west, east))

    def _country_outlines(self) -> list[tuple[str, object]]:
        if self._outlines is None:
            self._outlines = [(country.country_code, prep(outline)) for country in self.gazetteer.countries()
                              if (outline := self.gazetteer.geometry(country.id)) is not None]
        return self._outlines

    def _on_course(self, place: Place, chosen: dict, stretch: str = "") -> Place:
        """A river at the stretch of its course that the article's towns lie on ("the Ohio crested at
        Cairo"): the middle, along the course, of the towns and sites within COURSE_REACH_KM of it; at
        its representative point where none is that near, or the gazetteer has no course for it. An
        upper or lower `stretch` counts only the towns on that half of the course, and lies at the
        middle of its first or last third where none is ("the upper Congo River")."""
        course = self.gazetteer.geometry(place.id)
        if course is None or course.geom_type != "LineString":
            return place
        half = {"upper": (0, course.length / 2), "lower": (course.length / 2, course.length)}.get(stretch)
        along = []  # where the towns near the course lie along it
        for town, _, _ in chosen.values():
            if town is not None and town.feature_class in ("P", "S"):
                distance, off_km = _along(course, town)
                if off_km <= COURSE_REACH_KM and (half is None or half[0] <= distance <= half[1]):
                    along.append(distance)
        if along:
            point = course.interpolate(sorted(along)[len(along) // 2])
        elif stretch:
            point = course.interpolate(STRETCHES[stretch], normalized=True)
        else:
            return place
        return replace(place, id=f"{place.id}@{point.y:.2f},{point.x:.2f}", lat=point.y, lon=point.x)

    def _part(self, place: Place, mention: Mention, confidence: float) -> tuple[Place, float]:
        """The part of a region a qualifier points to ("eastern" -> its eastern half)."""
        shape = self.gazetteer.geometry(place.id)
        part = directional_part(shape, mention.qualifier) if shape is not None else None
        if part is None or part.is_empty:
            return replace(place, name=mention.text), confidence * NO_SHAPE_CONFIDENCE_FACTOR
        point = part.representative_point()
        return (replace(place, id=f"{place.id}#{mention.qualifier}", name=mention.text,
                        lat=point.y, lon=point.x, geometry=part),
                confidence * QUALIFIED_CONFIDENCE_FACTOR)


def _towns_of(names: Iterable[str], chosen: dict) -> dict[str, "_Points"]:
    """The towns the names were resolved to, by country."""
    towns: dict[str, dict[str, Place]] = {}
    for name in names:
        place = chosen[name][0]
        if place is not None and place.feature_class == "P":
            towns.setdefault(place.country_code, {})[place.id] = place
    return {code: _Points.of(places) for code, places in towns.items()}


def _overshadowed_town(great_place: int, place: Place) -> bool:
    """Is the name a great city's, state's or country's (GREAT_CITY people), OVERSHADOWED_TOWN times
    the place's?"""
    return great_place >= GREAT_CITY and great_place >= OVERSHADOWED_TOWN * place.population


def _along(line, place: Place) -> tuple[float, float]:
    """Where along a line (a river's course) a place lies, in the line's units from its start, and how
    far off it, in km."""
    distance = line.project(Point(place.lon, place.lat))
    nearest = line.interpolate(distance)
    return distance, haversine_km(place.lat, place.lon, nearest.y, nearest.x)


def directional_part(shape, direction: str):
    """The part of `shape` in a direction: a half (or corner quarter, or middle) of its box ("upper"
    Manhattan is its north, "lower" its south)."""
    direction = {"upper": "north", "lower": "south"}.get(direction, direction)
    minx, miny, maxx, maxy = shape.bounds
    midx, midy = (minx + maxx) / 2, (miny + maxy) / 2
    dx, dy = (maxx - minx) / 4, (maxy - miny) / 4
    boxes = {
        "north": (minx, midy, maxx, maxy), "south": (minx, miny, maxx, midy),
        "east": (midx, miny, maxx, maxy), "west": (minx, miny, midx, maxy),
        "northeast": (midx, midy, maxx, maxy), "northwest": (minx, midy, midx, maxy),
        "southeast": (midx, miny, maxx, midy), "southwest": (minx, miny, midx, midy),
        "central": (midx - dx, midy - dy, midx + dx, midy + dy),
    }
    return shape.intersection(box(*boxes[direction])) if direction in boxes else None


class _Options(tuple):
    """A name's candidates, with their priors worked out once."""

    @cached_attribute
    def priors(self) -> list[float]:
        """Each candidate's prior: its type, people, and whether the name is its main one."""
        divisions: dict[tuple[str, str], int] = {}  # two divisions may share a GeoNames code (Moscow city and oblast)
        for o in self:
            if o.place.feature_code == "ADM1":
                key = (o.place.country_code, o.place.admin1)
                divisions[key] = max(divisions.get(key, 0), o.place.population)
        towns: dict[tuple[str, str], int] = {}  # the largest town of this main name in each division
        for o in self:
            if o.kind == "name" and o.place.feature_code.startswith("PPL"):
                key = (o.place.country_code, o.place.admin1)
                towns[key] = max(towns.get(key, 0), o.place.population)
        main_population = max((o.place.population for o in self if o.kind == "name"), default=0)
        main = next((o.place for o in self if o.kind == "name"), None)
        main_name = fold(main.name) if main else None
        city_name = f"{main_name} city" if main and main.feature_code != "PCLI" else None
        capitals = {o.place.country_code: o.place.admin1 for o in self
                    if o.kind == "name" and o.place.feature_code == "PPLC"}
        return [_prior(c, divisions, towns, main_population, main_name, city_name, capitals) for c in self]

    def city_itself(self, place: Place) -> Place | None:
        """The city of this name that a division is drawn round, where the division has the city's
        very point ("Paris" the department, "Rimini" the province): news means the city unless it
        says "province"."""
        if place.feature_code != "ADM1":
            return None
        return next((o.place for o in self if o.kind == "name" and o.place.feature_code.startswith("PPL")
                     and (o.place.country_code, o.place.admin1) == (place.country_code, place.admin1)
                     and o.place.population >= CITY_DIVISION_PEOPLE
                     and haversine_km(place.lat, place.lon, o.place.lat, o.place.lon) <= CITY_DIVISION_KM), None)

    @cached_attribute
    def greatest(self) -> int:
        """The most people of a place whose main name this is."""
        return max((o.place.population for o in self if o.kind == "name"), default=0)

    @cached_attribute
    def great_place(self) -> int:
        """The most people of a town, first-level division or country whose main name this is."""
        return max((o.place.population for o in self if o.kind == "name" and (
            o.place.feature_code.startswith("PPL") or o.place.feature_code in ("ADM1", "PCLI"))), default=0)

    @cached_attribute
    def great_capital(self) -> int:
        """The most people of a national capital whose main name this is."""
        return max((o.place.population for o in self if o.kind == "name" and o.place.feature_code == "PPLC"),
                   default=0)


def _prior(candidate: Candidate, divisions: dict, towns: dict, main_population: int,
           main_name: str | None, city_name: str | None, capitals: dict) -> float:
    """The candidate's prior; `divisions` and `towns` map a (country, admin1) to the population of
    the name's first-level division there and of its largest town so named there; `main_population`
    is the largest population of the places whose main name it is (`main_name`, folded);
    `city_name` is that name with "city" added, where its place is no country ("new york city");
    `capitals` maps a country to the division of its capital of that name."""
    place = candidate.place
    score = TYPE_PRIOR.get(place.feature_code, 0.0) + POPULATION_WEIGHT * math.log10(place.population + 1)
    if place.source == "curated":
        score += CURATED_PRIOR
    if candidate.kind == "name" or place.source == "curated" or _exonym(candidate, main_population, main_name) \
            or candidate.kind == "alt" and fold(place.name) == city_name and place.feature_code.startswith("PPL"):
        score += MAIN_NAME_BONUS  # curated names are all chosen ones
    if candidate.kind in ("name", "alt") and place.feature_code.startswith("PPL") \
            and place.population >= SEAT_SHARE * divisions.get((place.country_code, place.admin1), math.inf) \
            and SEAT_RIVAL * place.population >= max(towns.values(), default=0):
        score += SEAT_BONUS  # the city a division is named after, by its main name or another: "Rio de
        # Janeiro", "Santa Cruz" (de la Sierra); not Quebec City, nor Venezuela's Mérida over Mexico's,
        # four times as big
    if place.feature_code == "ADM2" and towns.get((place.country_code, place.admin1), -1) >= SEAT_SHARE * place.population:
        score -= SEAT_BONUS  # a district named after its city yields to the city: "Leeds", "Mombasa"
    elif place.feature_code == "ADM2" and max(towns.values(), default=0) > place.population:
        score -= TYPE_PRIOR["ADM2"]  # a district named like a larger town elsewhere: "Manchester", Jamaica's parish
    if place.feature_code == "ADM1" and any(
            country == place.country_code and admin1 != place.admin1 and people >= SEAT_SHARE * place.population
            for (country, admin1), people in towns.items()):
        score -= SEAT_BONUS  # a province named after a capital that is a division of its own: "Buenos Aires"
    elif place.feature_code == "ADM1" and max(towns.values(), default=0) > place.population:
        score -= TYPE_PRIOR["ADM1"]  # a state named like a larger city elsewhere: "Trujillo", "Santiago"
    if place.feature_code == "ADM1" and capitals.get(place.country_code, place.admin1) != place.admin1:
        score -= SEAT_BONUS  # a state named like its country's capital elsewhere yields to it: "Washington"
    return score


def _abbreviation_by_period(text: str, mention: Mention) -> bool:
    """Does the mention's period make it an abbreviation: one within a sentence ("Boulder, Colo., the
    council") or after a town and a comma ("in Salem, Ore. The")? Not a sentence's end ("around Vic.")."""
    if isinstance(mention, _Sense) or not mention.text.endswith("."):
        return False
    following = text[mention.end: mention.end + 3].lstrip()[:1]
    return following != "" and not following.isupper() and following not in "\"'“‘" \
        or text[max(0, mention.start - 2): mention.start] == ", "


def _cue_scores(name: str, options: _Options, context: _Context) -> list[float]:
    """Pass-1 scores of a name's candidates, prior plus cues (none needed for a name with one candidate)."""
    if len(options) == 1:
        return [0.0]
    division_cue, town_cue = name in context.division_cue, name in context.town_cue
    described_town = name in context.described_town
    feature_cue = context.feature_cue.get(name, ())
    spelled = context.spelled.get(name)
    own_country, own_mentions = context.own_country.get(name), context.mention_count.get(name, 0)
    containers, contained = context.containers.get(name, ()), context.contained.get(name, ())
    in_named_state, state_speaks = _named_states(name, options, context)
    great_place = options.great_place
    scores = []
    for candidate, score, in_state in zip(options, options.priors, in_named_state):
        place = candidate.place
        if division_cue and place.feature_code in ("ADM1", "ADM2"):
            score += DIVISION_CUE_BONUS
        if place.feature_code in feature_cue:
            score += FEATURE_CUE_BONUS
        if spelled and (place.name == spelled or spelled in place.name and _holds_words(place.name, spelled)):
            score += SPELLING_BONUS  # "Bolívar" of San Carlos de Bolívar too
        if described_town and not place.feature_code.startswith("PPL"):
            score -= TOWN_CUE_BONUS  # called a city, it is no division, as "a Lebanon man" may be
        if (town_cue or described_town) and place.feature_code.startswith("PPL"):
            score += TOWN_CUE_BONUS
        named = context.named_countries.get(place.country_code, 0) if place.country_code \
            else sum(context.named_countries.get(code, 0) for code in context.crossed.get(place.id, ()))
        if own_country == place.country_code:
            named -= own_mentions  # a name is no evidence for itself ("Mexico")
        if named and place.feature_code != "PCLI" \
                and not (state_speaks and not in_state and place.feature_code.startswith("PPL")):
            bonus = min(COUNTRY_NAMED_BONUS + COUNTRY_REPEAT_BONUS * (named - 1), COUNTRY_BONUS_CAP)
            if named == 1 and _overshadowed_town(great_place, place) and not containers:
                bonus *= OVERSHADOWED_SHARE  # "Brisbane" in a story naming the US once is still Australia's city
            score += bonus
        if containers and (place.country_code in containers or f"{place.country_code}.{place.admin1}" in containers):
            score += CONTAINER_BONUS
        if place.id in contained:
            score += CONTAINER_BONUS
        if place.id in context.county_pairs:
            score += COUNTY_PAIR_BONUS
        scores.append(score)
    return scores


def _named_states(name: str, options: _Options, context: _Context) -> tuple[list[bool], bool]:
    """Which candidates lie in a state another name of the text names, and does the name's largest
    town lie in one ("Hobart" beside "Tasmania")? Then that state, not the country, speaks for the name."""
    if not context.named_divisions:
        return [False] * len(options), False
    in_state = [bool(context.named_divisions.get(_division(c.place), {name}) - {name}) for c in options]
    largest_town = max((c.place.population for c in options if c.place.feature_code.startswith("PPL")), default=-1)
    return in_state, any(inside and c.place.feature_code.startswith("PPL") and c.place.population == largest_town
                         for c, inside in zip(options, in_state))


def _holds_words(name: str, words: str) -> bool:
    """Does a name hold the words whole ("San Carlos de Bolívar" holds "Bolívar")?"""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", name) is not None


def _coherence(name: str, options, context: _Context) -> list[float]:
    """Each candidate's agreement with the places the article's other names resolved to (pass 1)."""
    own_names = [n for n in (name, *context.kin.get(name, ())) if n in context.chosen]  # a name's senses
    others = len(context.chosen) - len(own_names)  # do not vote for each other
    if not others:
        return [0.0] * len(options)
    own_countries = _tally(context.chosen[n].country_code for n in own_names)
    own_divisions = _tally(_division(context.chosen[n]) for n in own_names)
    sibling_places = [context.chosen[s] for s in context.siblings.get(name, ()) if s in context.chosen]
    sibling_kinds = _tally(_kind(p) for p in sibling_places)
    siblings = len(sibling_places)
    points = context.chosen_points.without(own_names)
    greatest, great_place, great_capital = options.greatest, options.great_place, options.great_capital
    placed = bool(context.containers.get(name)) or bool(context.contained.get(name))
    named_divisions = {_division(p) for n, p in context.chosen.items()  # states the text names, for capital namesakes
                       if p.feature_code == "ADM1" and n not in own_names} if great_capital >= GREAT_CITY else set()
    nearby_points = None  # the points of the names written near this one, for a great city's small namesakes
    bonuses = []
    for option in options:
        place = option.place
        same_country = context.chosen_countries.get(place.country_code, 0) - own_countries.get(place.country_code, 0) \
            if place.country_code else sum(context.chosen_countries.get(code, 0) - own_countries.get(code, 0)
                                           for code in context.crossed.get(place.id, ()))
        bonus = COHERENCE_BONUS * same_country / others
        division = (place.country_code, place.admin1)
        in_division = context.chosen_divisions.get(division, 0) - own_divisions.get(division, 0) if place.admin1 else 0
        if in_division > 0:
            bonus += SAME_DIVISION_BONUS + DIVISION_SHARE_BONUS * in_division / others
        if siblings:
            near = sum(haversine_km(place.lat, place.lon, p.lat, p.lon) <= REGION_KM for p in sibling_places)
            bonus += SIBLING_BONUS * (sibling_kinds.get(_kind(place), 0) + near) / siblings
        # Only places written near a great city's small namesake vouch for it: "raised in Houston" is no
        # village near Glasgow, named two paragraphs up.
        if _overshadowed_town(great_place, place):
            if nearby_points is None:
                nearby_points = _Points.of({n: context.chosen[n] for n in context.text_neighbours.get(name, ())
                                            if n in context.chosen and n not in own_names})
            nearest = _nearest_km(place, nearby_points)
        else:
            nearest = _nearest_km(place, points)
        if nearest <= LOCAL_KM:
            bonus += NEAR_BONUS + LOCAL_BONUS
        elif nearest <= NEAR_KM:
            bonus += NEAR_BONUS
        elif nearest <= REGION_KM:
            bonus += REGION_BONUS
        if option.kind == "alt" and greatest >= OVERSHADOWED * place.population:
            bonus *= OVERSHADOWED_SHARE  # "Durban" near Stellenbosch is still Durban, not Durbanville
        elif great_capital >= GREAT_CITY and great_capital >= OVERSHADOWED * place.population and nearest > LOCAL_KM \
                and _within_km(place, points, NEAR_KM) <= 1 and not placed and place.id not in context.county_pairs \
                and division not in named_divisions:
            bonus *= CAPITAL_NAMESAKE_SHARE  # "Washington" beside London is the US capital, not a town near
            # Sunderland or in Sussex; but "London police in southwestern Ontario" are Ontario's
        elif _overshadowed_town(great_place, place) and nearest > LOCAL_KM \
                and context.chosen_town_divisions.get(division, 0) - own_divisions.get(division, 0) <= 1 \
                and not placed and place.id not in context.county_pairs:
            bonus *= OVERSHADOWED_SHARE  # "a job in Boston" after "Rome, New York" is no village near Buffalo,
            # "Oxford in England" after "Oxford, Miss." no town in Arkansas
        bonuses.append(bonus)
    return bonuses


def _text_neighbours(text: str, mentions: list[Mention]) -> dict[str, set[str]]:
    """Each name -> the other names with a mention in the same paragraph, at most NAMESAKE_REACH
    characters from one of its own."""
    gaps = [gap.end() for gap in BLANK_LINE.finditer(text)]
    placed = sorted((m.start, bisect_right(gaps, m.start), m.key) for m in mentions)
    neighbours: dict[str, set[str]] = {}
    for k, (start, paragraph, name) in enumerate(placed):
        for other_start, other_paragraph, other in placed[k + 1:]:
            if other_start - start > NAMESAKE_REACH or other_paragraph != paragraph:
                break
            if other != name:
                neighbours.setdefault(name, set()).add(other)
                neighbours.setdefault(other, set()).add(name)
    return neighbours


def _tally(values: Iterable) -> dict:
    """How many times each value comes: a Counter, without its constructor's Python-level calls
    (agreement tallies a name's own places, mostly one, for every name in every round)."""
    counts = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def _kind(place: Place) -> str:
    """The level of a place, as lists keep it: "country", "division" or "town"."""
    code = place.feature_code
    return "country" if code == "PCLI" else "division" if code.startswith("ADM") else "town"


def _lies_in(place: Place, area: Place) -> bool:
    """Does the place (not the area itself) lie in the country or first-level division `area`?"""
    return place.id != area.id and _lies_off(place, area)


def _area(place: Place) -> str:
    """A country's code, or "country.division" of any other place ("US.VA")."""
    return place.country_code if place.feature_code == "PCLI" else f"{place.country_code}.{place.admin1}"


def _division(place: Place) -> tuple[str, str] | None:
    return (place.country_code, place.admin1) if place.admin1 and place.feature_code != "PCLI" else None


class _Points(NamedTuple):
    """Names' places by latitude (then name), as parallel lists; `index` gives a name's position."""

    lats: list[float]
    vectors: list[tuple[float, float, float]]  # unit vectors
    coordinates: list[tuple[float, float]]
    index: dict[str, int]

    @classmethod
    def of(cls, places: dict[str, Place]) -> "_Points":
        points = sorted((p.lat, name, p.lon) for name, p in places.items())
        return cls([lat for lat, _, _ in points], [_unit_vector(lat, lon) for lat, _, lon in points],
                   [(lat, lon) for lat, _, lon in points], {name: k for k, (_, name, _) in enumerate(points)})

    def without(self, names: list[str]) -> "_Points":
        """The points of the other names (`index` left out)."""
        points = self
        for k in sorted((self.index[name] for name in names if name in self.index), reverse=True):
            points = _Points(*(values[:k] + values[k + 1:] for values in points[:3]), {})
        return points


def _nearest_km(place: Place, others: _Points) -> float:
    """Distance to the nearest of the other points (inf when none lies within a latitude reach of REGION_KM).

    Measured along the chord between unit vectors, which is cheap; where that comes within
    CHORD_SLACK_KM of LOCAL_KM, NEAR_KM or REGION_KM, the distances it is compared with, it is measured
    again with haversine_km, so that the comparisons come out exactly as with haversine_km.
    """
    first, last = _latitude_band(place, others, REGION_KM)
    if first == last:
        return math.inf
    chord = min(map(math.dist, repeat(_unit_vector(place.lat, place.lon)), others.vectors[first:last]))
    km = 2 * EARTH_RADIUS_KM * math.asin(min(1.0, chord / 2))
    if abs(km - LOCAL_KM) <= CHORD_SLACK_KM or abs(km - NEAR_KM) <= CHORD_SLACK_KM \
            or abs(km - REGION_KM) <= CHORD_SLACK_KM:
        return min(haversine_km(place.lat, place.lon, lat, lon) for lat, lon in others.coordinates[first:last])
    return km


def _within_km(place: Place, others: _Points, km: float) -> int:
    """How many of the other points lie within `km` of the place (along the chord, near enough)."""
    first, last = _latitude_band(place, others, km)
    chord = 2 * math.sin(km / (2 * EARTH_RADIUS_KM))
    here = _unit_vector(place.lat, place.lon)
    return sum(math.dist(here, vector) <= chord for vector in others.vectors[first:last])


def _latitude_band(place: Place, others: _Points, km: float) -> tuple[int, int]:
    """The slice of the other points (sorted by latitude) that may lie within `km` of the place."""
    reach = km / 111.0  # degrees of latitude
    return bisect_left(others.lats, place.lat - reach), bisect_left(others.lats, place.lat + reach)


@lru_cache(maxsize=100_000)  # candidates come back article after article
def _unit_vector(lat: float, lon: float) -> tuple[float, float, float]:
    phi, lamda = math.radians(lat), math.radians(lon)
    return math.cos(phi) * math.cos(lamda), math.cos(phi) * math.sin(lamda), math.sin(phi)


def _exonym(candidate: Candidate, main_population: int, main_name: str | None) -> bool:
    """Is the name another language's name of a great city ("Cologne" for Köln, "Seville" for
    Sevilla): a city of EXONYM_CITY people or more, EXONYM_RATIO times as many as the places
    whose main name it is, or RESPELLING_RATIO times as many if it only doubles a letter of the
    city's name ("Odessa" for Odesa) or shortens a word of it ("St. Petersburg" for Saint Petersburg)?
    Other alternate names are often nicknames or old names of lesser places ("Harlem" for Haarlem,
    "Pueblo" for Puebla)."""
    place = candidate.place
    if candidate.kind != "alt" or not place.feature_code.startswith("PPL") or place.population < EXONYM_CITY \
            or main_name is not None and phrase_frequency(main_name) < EXONYM_ZIPF:
        return False
    return place.population >= EXONYM_RATIO * main_population or (
        place.population >= RESPELLING_RATIO * main_population and main_name is not None
        and _single_letters(spelled_out(fold(place.name))) == _single_letters(spelled_out(main_name)))


def _single_letters(name: str) -> str:
    """The name with each doubled letter written once ("odessa" -> "odesa")."""
    return DOUBLED_LETTER.sub(r"\1", name)


def _best(options, scores: list[float]) -> tuple[Place, float]:
    """The best-scoring candidate, and its softmax share as the confidence."""
    if len(options) == 1:
        return options[0].place, 1.0
    top = max(range(len(options)), key=scores.__getitem__)
    total = sum(math.exp(s - scores[top]) for s in scores)
    return options[top].place, 1.0 / total


def _county_pairs(candidates: dict) -> set[str]:
    """The ids of the counties among the names' candidates that hold a town of another name (within
    COUNTY_REACH_KM of the county's point), and of those towns: "Grady County" and "Cairo" are the
    county of Georgia and its seat, not Oklahoma's county and Egypt's capital."""
    local = {name: options for name, options in candidates.items()  # not "Wyoming", a state first
             if options and _top(options).feature_code != "ADM1"}
    counties = [(name, o.place) for name, options in local.items() for o in options if o.place.feature_code == "ADM2"]
    if not counties:
        return set()
    towns = defaultdict(list)  # grid cell of one degree -> (name, town)
    for name, options in local.items():
        for option in options:
            if option.place.feature_code.startswith("PPL"):
                towns[(math.floor(option.place.lat), math.floor(option.place.lon))].append((name, option.place))
    pairs = set()
    for name, county in counties:
        lat, lon = math.floor(county.lat), math.floor(county.lon)
        for cell in ((lat + dy, lon + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)):
            for other, town in towns.get(cell, ()):
                if other != name and haversine_km(town.lat, town.lon, county.lat, county.lon) <= COUNTY_REACH_KM:
                    pairs.update((county.id, town.id))
    return pairs


def _own_countries(candidates: dict) -> dict[str, str]:
    """The country each name may itself denote ("Mexico" -> MX)."""
    own = {}
    for name, options in candidates.items():
        countries = [o.place.country_code for o in options if o.place.feature_code == "PCLI"]
        if countries:
            own[name] = countries[0]
    return own


def _named_countries(mentions: list[Mention], candidates: dict) -> Counter:
    """Countries the article names, counted per mention (from each name's top country)."""
    named = Counter()
    for mention in mentions:
        options = candidates.get(mention.key) or ()
        countries = [c.place for c in options if c.place.feature_code == "PCLI"]
        if countries:
            named[countries[0].country_code] += 1
    return named


def _lists(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Runs of three or more names joined by commas and ending in "and"/"or": "A, B and C"."""
    lists, run = [], mentions[:1]
    for first, second in zip(mentions, mentions[1:]):
        join = " ".join(text[first.end: second.start].split())
        if join in LIST_JOINS:
            run.append(second)
            if join != ",":  # "and"/"or" ends the list
                if len(run) >= 3:
                    lists.append(run)
                run = [second]
        else:
            run = [second]
    return lists


def _great_city_alone(name: str, place: Place, options: _Options, context: _Context) -> Place | None:
    """The great city a state is named after, where the text places nothing else in its country but
    places in others: "diplomats in New York" in a story from Turkey are in the city, not upstate;
    "lawmakers in New York" alone are the state's."""
    if place.feature_code != "ADM1" or name in context.containers or name in context.contained:
        return None
    city = max((o.place for o in options if o.place.feature_code.startswith("PPL")
                and _division(o.place) == _division(place) and o.place.population >= GREAT_CITY),
               key=lambda town: town.population, default=None)
    others = [other for key, other in context.chosen.items() if key != name]
    if city is None or any(other.country_code == place.country_code and other.feature_code != "PCLI" for other in others) \
            or not any(other.country_code not in ("", place.country_code) for other in others):
        return None
    return city


def _town_state_lists(text: str, lists: list[list[Mention]], candidates: dict) -> list[list[Mention]]:
    """The lists without each A of "A, B," where A, no state, names a town of the state or country
    B: AP style writes "Springfield, Illinois, and Columbus" for Springfield in Illinois ("Lebanon,
    Tennessee, and"; "Springfield, Illinois, Columbus, Ohio, and Dayton")."""
    def state(options) -> bool:
        return any(o.place.feature_code == "ADM1" for o in options or ())

    def holds_town(outer, inner) -> bool:
        return any(o.place.feature_code in ("ADM1", "PCLI") and i.place.feature_code.startswith("PPL")
                   and _area(o.place) == _area(i.place) for o in outer or () for i in inner or ())

    kept = []
    for members in lists:
        towns = {id(a) for a, b, c in zip(members, members[1:], members[2:])
                 if text[b.end: c.start].lstrip().startswith(",") and not state(candidates.get(a.key))
                 and holds_town(candidates.get(b.key), candidates.get(a.key))}
        kept.append([m for m in members if id(m) not in towns] if towns else members)
    return kept


def _siblings(lists: list[list[Mention]]) -> dict[str, set[str]]:
    siblings: dict[str, set[str]] = {}
    for members in lists:
        keys = {m.key for m in members}
        for key in keys:
            siblings.setdefault(key, set()).update(keys - {key})
    return siblings


def _partners(text: str, mentions: list[Mention], siblings: dict[str, set[str]]) -> dict[str, set[str]]:
    """The names each name is listed with (`siblings`) or joined to by "and" or "or": "Durban and
    Walvis Bay"."""
    partners = {key: set(others) for key, others in siblings.items()}
    for first, second in zip(mentions, mentions[1:]):
        if text[first.end: second.start].strip() in ("and", "or"):
            partners.setdefault(first.key, set()).add(second.key)
            partners.setdefault(second.key, set()).add(first.key)
    return partners


def _neighbours(mentions: list[Mention], lists: list[list[Mention]]) -> list[tuple[Mention, Mention]]:
    """Each mention and the next, except two members of lists: "Washington, Pennsylvania and
    California" are siblings, where "Paris, Texas" may be a place and what holds it."""
    listed = {id(m) for members in lists for m in members}
    return [(a, b) for a, b in zip(mentions, mentions[1:]) if not (id(a) in listed and id(b) in listed)]


def _layout(text: str, mentions: list[Mention]) -> tuple[list, list, list]:
    """How the text sets the mentions out: its lists, the `_neighbours` pairs, and the `_placements`."""
    lists = _lists(text, mentions)
    pairs = _neighbours(mentions, lists)
    return lists, pairs, _placements(text, mentions, pairs)


def _placements(text: str, mentions: list[Mention], pairs: list[tuple[Mention, Mention]]) -> list[tuple[Mention, Mention]]:
    """(X, Y) where the text puts X in Y, among the `_neighbours` pairs: "X, Y", "X in Y", "X, in Y"
    ("Paris, Texas", "Alexandria in Egypt"), a roundup's "Y: X —" or "Y — X:" opening a line
    ("Missouri: Springfield — City utilities said"), "X Province of Y", "X is a city in Y", "X lies in
    central Y", "X, the capital of Y", "Y's X" ("Sindh's Dadu district"); and Z of "Y County, Z"
    after any of them ("Paris is a city in Lamar County, Texas")."""
    placed = []
    following = dict(zip(map(id, mentions), mentions[1:]))
    for first, second in pairs:
        gap = text[first.end: second.start].strip()
        if gap in POSSESSIVE or gap in HEADING_MARKS and _opens_line(text, first):
            placed.append((second, first))  # "Fife's Qorvintal"; a roundup's "Ohio: Springfield —", "OHIO — Springfield:"
            continue
        if BORDER_AFTER.match(text, second.end):
            continue  # "Gaines County, a county on the New Mexico line" lies beside New Mexico, not in it
        if not (PUT_IN.fullmatch(gap) or PLACE_DEFINED.fullmatch(text, first.end, second.start)
                or PLACE_LIES.fullmatch(text, first.end, second.start)
                or gap in ("of", "of the") and first.text[first.text.rfind(" ") + 1:].lower() in DIVISION_TYPES
                or DIVISION_OF.fullmatch(gap)  # "the Kurdistan region of Iraq"
                or _district_of(text, first, second)):  # "Arlington, a Jacksonville neighborhood"
            continue
        placed.append((first, second))
        outer = second
        while outer.text[outer.text.rfind(" ") + 1:].lower() in DIVISION_TYPES \
                and (wider := following.get(id(outer))) is not None and text[outer.end: wider.start].strip() == ",":
            placed.append((first, wider))
            outer = wider
    return placed


def _shortened(candidates: dict) -> dict:
    """Names that open a longer name of the text, each with only the longer name's places among its
    candidates: "Boulogne" after "Boulogne-sur-Mer", "Newcastle" after "Newcastle upon Tyne" (not a
    name of a country, state or capital: "Mexico" beside "Mexico City" is the country)."""
    longer: dict[str, set[str]] = defaultdict(set)  # a key's opening words -> the places of the longer keys
    counties: dict[str, list[Place]] = defaultdict(list)  # ... and the counties among them
    for key, options in candidates.items():
        words = key.split()
        for n in range(1, len(words)):
            longer[" ".join(words[:n])].update(o.place.id for o in options or ())
            counties[" ".join(words[:n])].extend(o.place for o in options or () if o.place.feature_code == "ADM2")
    shortened = {}
    for short in longer.keys() & candidates.keys():
        options = candidates[short]
        if not options or any(o.place.feature_code in OWN_SENSE_CODES for o in options):
            continue
        if any(o.place.id in longer[short] for o in options):  # "Roscommon" after "Roscommon County" may be
            # a town of a county of that name too, the Irish or the Michigan one
            shortened[short] = _Options(
                o for o in options if o.place.id in longer[short] or o.place.feature_class == "P"
                and any(haversine_km(o.place.lat, o.place.lon, c.lat, c.lon) <= COUNTY_REACH_KM
                        for c in counties[short]))
    return shortened


def _possessed(text: str, placements: list[tuple[Mention, Mention]], candidates: dict) -> dict[str, str]:
    """The names a country's possessive puts in it ("Iraq's Kurdistan region"), with its code."""
    owned = {}
    for inner, outer in placements:
        if text[outer.end: inner.start].strip() in POSSESSIVE and inner.key in candidates:
            country = next((o.place.country_code for o in candidates.get(outer.key) or ()
                            if o.place.feature_code == "PCLI"), None)
            if country:
                owned[inner.key] = country
    return owned


def _containers(text: str, placements: list[tuple[Mention, Mention]], candidates: dict) -> tuple[dict, dict, dict]:
    """For each (X, Y) of `_placements` where Y is a country, a division or a region.

    Returns the country/division keys X may lie in, the ids of Y's candidates
    that hold one of X's candidates (and, for a county Y, the ids of X's candidates near it),
    and the names Y of each X (a town too, after "in" or before "'s").
    """
    within: dict[str, set[str]] = {}
    holders: dict[str, set[str]] = {}
    outer_names: dict[str, list[str]] = {}  # in the order the text gives them
    for first, second in placements:
        inner = candidates.get(first.key) or ()
        gap = text[min(first.end, second.end): max(first.start, second.start)].strip()
        if gap == "," and SPOKEN_AFTER.match(text, second.end) \
                and any(o.place.feature_code == "PCLI" for o in candidates.get(second.key) or ()):
            continue  # "near Wonsan, South Korea's military said": the country speaks (a state may hold
            # X: "near Winchester, Kentucky State Police said")
        if candidates.get(second.key) and (gap in IN_TOWN or _district_of(text, first, second)):
            outer_names.setdefault(first.key, []).append(second.key)  # "Mirpur in Dhaka", "Nairobi's Eastleigh",
            # "Germantown, the Nashville neighborhood"
        for option in candidates.get(second.key) or ():
            outer = option.place
            if outer.feature_code == "ADM2":  # "Richmond, North Yorkshire": the namesakes near the county
                near = {c.place.id for c in inner
                        if haversine_km(c.place.lat, c.place.lon, outer.lat, outer.lon) <= COUNTY_REACH_KM}
                if near:
                    holders.setdefault(first.key, set()).update(near)
                    holders.setdefault(second.key, set()).add(outer.id)
                continue
            if _region(outer):  # "Krasnoyarsk in Siberia": a region holds its country's towns (not Siberia, Mexico)
                if any(c.place.country_code == outer.country_code for c in inner):
                    holders.setdefault(second.key, set()).add(outer.id)
                outer_names.setdefault(first.key, []).append(second.key)
                continue
            if outer.feature_code == "PCLI":
                key = outer.country_code
                holds = any(c.place.country_code == key for c in inner)
            elif outer.feature_code == "ADM1":
                key = f"{outer.country_code}.{outer.admin1}"
                holds = any(f"{c.place.country_code}.{c.place.admin1}" == key for c in inner)
            else:
                continue
            if gap in HEADING_MARKS and _other_state(inner, key):
                continue  # "VICTORIA — British Columbia's cabinet": a dateline's city, no Australian state
            within.setdefault(first.key, set()).add(key)
            outer_names.setdefault(first.key, []).append(second.key)
            if holds:
                holders.setdefault(second.key, set()).add(outer.id)
    return within, holders, outer_names


def _placed_elsewhere(candidates: dict, outer_names: dict, chosen: dict,
                      districts: set[str]) -> dict[str, tuple[Counter, str]]:
    """Names X of "X, Y" whose Y (as first chosen) is a country, or a division whose towns the
    gazetteer places, holding none of X's candidates ("Swindon, Ontario", "LUBBOCK, Mo."), or a
    town none of them lies near (a neighbourhood: "Nairobi's Eastleigh", "Mirpur in Dhaka", and any
    of `districts`, which the text calls one: "Germantown, the Nashville neighborhood"), or a
    region, valley or island whose country holds none of them, and none near it; each
    with Y's country and name, to ask the geocoder. A country, division or capital keeps its
    candidates ("Hong Kong, China"), but not in another country's division ("Normandy, Tennessee"); a
    division before one of its own country's is a list ("polls closed in Pennsylvania, Florida")."""
    elsewhere = {}
    for name, outers in outer_names.items():
        holders = [chosen[o] for o in outers if o in chosen and (chosen[o].feature_code in HOLDER_CODES
                                                                 or _region(chosen[o]))]
        if not holders:
            continue
        holder = holders[0]
        foreign_division = holder.feature_code == "ADM1" and not any(
            c.place.feature_code == "ADM1" and c.place.country_code == holder.country_code for c in candidates[name])
        if _keeps_candidates(candidates[name], in_division=foreign_division):
            continue
        if holder.feature_code.startswith("PPL"):  # a city of its country is no neighbourhood: "near Mosul, Baghdad said",
            # nor is a great city anywhere: "Seoul, Shanghai, Mexico City"
            held = any(haversine_km(c.place.lat, c.place.lon, holder.lat, holder.lon) <= TOWN_REACH_KM
                       or name not in districts and (c.place.country_code == holder.country_code
                                                     and c.place.population * OWN_CITY_SHARE >= holder.population
                                                     or c.place.population >= GREAT_CITY)
                       for c in candidates[name])
        elif _region(holder):  # a region, valley or island: in its country or near its point ("Kalam in the
            # Swat Valley" is no Kallam of India; "Punta Arenas in Patagonia" may be Chile's)
            held = any(c.place.country_code == holder.country_code
                       or haversine_km(c.place.lat, c.place.lon, holder.lat, holder.lon) <= REGION_REACH_KM
                       for c in candidates[name])
        else:  # ... nor a great city by its own name before another country: "in Bouaké, Nigeria face Ghana"
            area = _division if holder.feature_code == "ADM1" and holder.population else attrgetter("country_code")
            held = any(area(c.place) == area(holder) or holder.feature_code == "PCLI" and c.kind == "name"
                       and c.place.feature_code.startswith("PPL") and c.place.population >= GREAT_CITY
                       for c in candidates[name])
        if not held:
            elsewhere[name] = (Counter([holder.country_code]), "{}, " + holder.name)
    return elsewhere


def _region(place: Place) -> bool:
    """Is the place a region, valley, range or island of one country ("Siberia", "the Swat Valley")?"""
    return place.feature_class in ("L", "T") and bool(place.country_code)


def _abroad(candidates: dict, placed: set[str], partners: dict[str, set[str]], context: _Context,
            neighbours) -> dict[str, tuple[Counter, str]]:
    """Names whose every candidate is a `_minor_abroad` place (or a town that the name only names by
    another of its names, short of a great city or no English exonym of one: "Trinidad" is La
    Trinidad's, "Sangay" one of Shanghai's) far from the country that
    two thirds of the article's places lie in (not in it, nor in a country bordering it or named
    in the article), and that the text puts in no place: an unlisted town there is likelier than
    a small namesake far away ("Muse" in a story from Myanmar is no village in Pennsylvania), so
    the geocoder is asked in that country; or, where no one country holds two thirds, far from the
    two that do together, asked in those two (a story from the Syrian-Iraqi border). The places
    named by their own names are counted first: "Richmond Park", which GeoNames lists as another
    name of a Washington neighbourhood, says nothing of where a London story is."""
    own_names = [place for name, place in context.chosen.items()
                 if any(o.place.id == place.id and o.kind != "alt" for o in candidates.get(name, ()))]
    tallies = [Counter(place.country_code for place in places if place.country_code)
               for places in (own_names, context.chosen.values())]
    focus = next(((country,) for tally in tallies if (country := _focus(tally))), ()) \
        or next((pair for tally in tallies if (pair := _focus_pair(tally))), ())
    if not focus:
        return {}
    near = set(context.named_countries).union(*({country} | neighbours(country) for country in focus))
    return {name: (Counter(focus), "{}") for name, options in candidates.items()
            if options and name not in placed
            and all(o.place.country_code not in near and (_minor_abroad(o.place) or _by_other_name(o, name))
                    for o in options)
            and not _listed_with_town_abroad(candidates, partners.get(name, ()), focus)}


def _listed_with_town_abroad(candidates: dict, partners: Iterable[str], countries: tuple[str, ...]) -> bool:
    """Is one of a name's list partners a town of ABROAD_TOWN people or more by that name, no
    candidate of which lies in the story's countries ("bound for the ports of Durban and Walvis Bay"
    in a Zambian story; "ferries to Dover, Portsmouth and Ireland" in a French one)? Then the name
    may well lie abroad too."""
    return any((options := candidates.get(key)) and all(o.place.country_code not in countries for o in options)
               and any(o.place.feature_code.startswith("PPL") and o.place.population >= ABROAD_TOWN and o.kind == "name"
                       for o in options)
               for key in partners)


def _by_other_name(candidate: Candidate, name: str) -> bool:
    """Does the name reach the candidate, a town, only as one of its other names, and one that is no
    English exonym of a great city ("Sangay" of Shanghai)?"""
    return candidate.kind == "alt" and candidate.place.feature_code.startswith("PPL") \
        and candidate.place.source != "curated" \
        and (candidate.place.population < GREAT_CITY or phrase_frequency(name) < EXONYM_ZIPF)


def _minor_abroad(place: Place) -> bool:
    """Is the place one that another country may well have one of: a town of under ABROAD_TOWN
    people (not a curated feature), or a square ("Tahrir Square" is Cairo's and Baghdad's)?"""
    return place.feature_code == "SQR" or place.population < ABROAD_TOWN and place.feature_code.startswith("PPL") \
        and place.source != "curated"


def _focus_pair(countries: Counter) -> tuple[str, ...]:
    """The two countries that two thirds of FOCUS_PLACES or more places lie in, neither alone, if any
    (a story from the Syrian-Iraqi border)."""
    if countries.total() < FOCUS_PLACES or len(countries) < 2:
        return ()
    (first, one), (second, other) = countries.most_common(2)
    return (first, second) if 3 * (one + other) >= 2 * countries.total() else ()


def _focus(countries: Counter) -> str | None:
    """The country two thirds of FOCUS_PLACES or more places lie in, if any."""
    if countries.total() < FOCUS_PLACES:
        return None
    focus, count = countries.most_common(1)[0]
    return focus if 3 * count >= 2 * countries.total() else None


def _astray(candidates: dict, placed: set[str], partners: dict[str, set[str]],
            context: _Context) -> dict[str, tuple[Counter, str]]:
    """Names whose every candidate is a town of under ABROAD_TOWN people in a first-level division
    none of the article's other places lie in, more than STRAY_KM from all of them (a post office
    town of another state, people unknown, at any distance), where most of them lie in one division,
    or near it (NEAR_KM) in its country as a metro area does across a state line, that holds
    FOCUS_PLACES or more of them, and that the text puts in no place nor lists with a town abroad:
    a town of that state the gazetteer lacks is likelier ("Danville" in a story from St. Johnsbury,
    Vermont, is no town in California), so the geocoder is asked there."""
    divisions = Counter(filter(None, (_division(p) for p in context.chosen.values()
                                      if p.feature_code not in STREAM_CODES)))  # a river lies in no one division
    if not divisions:
        return {}
    focus = divisions.most_common(1)[0][0]
    home = _Points.of({name: p for name, p in context.chosen.items() if _division(p) == focus})
    count = sum(1 for p in context.chosen.values()
                if _division(p) and p.country_code == focus[0] and _nearest_km(p, home) <= NEAR_KM)
    if divisions[focus] < FOCUS_PLACES or 2 * count <= sum(divisions.values()):
        return {}
    state = next((p for p in context.chosen.values() if p.feature_code == "ADM1" and _division(p) == focus), None)
    query = "{}, " + state.name if state else "{}"
    points = _Points.of(context.chosen)
    astray = {}
    for name, options in candidates.items():
        if not options or name in placed or _listed_with_town_abroad(candidates, partners.get(name, ()), focus[:1]):
            continue
        own = context.chosen.get(name)
        others, elsewhere = divisions - Counter([_division(own)] if own else []), points.without([name])
        if all(o.place.feature_code.startswith("PPL") and o.place.population < ABROAD_TOWN
               and o.place.source != "curated" and not others[_division(o.place)]
               and (o.place.source in UNCOUNTED_TOWN_SOURCES or _nearest_km(o.place, elsewhere) > STRAY_KM) for o in options):
            astray[name] = (Counter([focus[0]]), query)
    return astray


def _other_features(text: str, mentions: list[Mention], candidates: dict,
                    context: _Context) -> dict[str, tuple[Counter, str]]:
    """Names the word after them calls a feature of a type none of their candidates is, all of
    them abroad or farther than NEAR_KM from the article's other places: "the Chira river" in a
    story from Peru (the gazetteer knows a town Chira in China), "Tanna island" in Vanuatu (not
    Thane, once called Tanna), "the Karun river near Ahvaz" (not a village of Fars); each to be
    asked with that word, in the article's countries. An airport is named after its town ("Cairo
    airport"), and a dam after a town beside it: a namesake town within REGION_KM of the others keeps
    it ("the Aswan dam" beside Cairo; not "the Jawai dam" of Rajasthan, Jowai in Meghalaya)."""
    chosen_countries = Counter(p.country_code for p in context.chosen.values())
    others = {}
    for mention in mentions:
        kind = _feature_kind(text, mention)
        codes = FEATURE_WORDS.get(kind) if kind != "airport" else None
        options = candidates.get(mention.key)
        if not (codes and options) or any(o.place.feature_code in codes for o in options) \
                or kind in ISLAND_WORDS and any(o.place.feature_code in ("PCLI", "ADM1") for o in options) \
                or kind in QUARTER_WORDS and _city_of_quarter(text, mention, options, context.chosen.get(mention.key)):
            continue  # (a country or a division may be an island: "the island of Réunion"; a city's
            # name before "neighborhood" names the city the quarter is in: "a Jacksonville neighborhood")
        own = context.chosen.get(mention.key)
        others_countries = chosen_countries - Counter([own.country_code] if own else [])
        article = set(context.named_countries) | set(others_countries)
        points = _Points.of({name: place for name, place in context.chosen.items() if name != mention.key})
        reach = REGION_KM if kind in DAM_WORDS else NEAR_KM
        if not any(o.place.country_code in article and _nearest_km(o.place, points) <= reach for o in options):
            others[mention.key] = (context.named_countries or others_countries, "{} " + kind)
    return others


def _city_of_quarter(text: str, mention: Mention, options: _Options, place: Place | None) -> bool:
    """Is the name before "neighborhood" a city's own name, the city the quarter is in: "a Jacksonville
    neighborhood" (not "the Kurla neighbourhood of Mumbai", though Kurla is another name of Korla)?"""
    return place is not None and place.feature_class == "P" and place.population >= CITY_PEOPLE \
        and any(o.place is place and o.kind == "name" for o in options) \
        and not QUARTER_OF.match(text, mention.end)


def _feature_kind(text: str, mention: Mention) -> str:
    """The kind of feature the word after the name, or "the island of" before it, says it is:
    "the Chira river", "Tanna island", "the island of Flores"; else ""."""
    if after := FOLLOWING_WORD.match(text, mention.end):
        if after.group(1) in FEATURE_WORDS:
            return after.group(1)
    before = ISLAND_OF.search(text, max(0, mention.start - 20), mention.start)
    return before.group(1) if before else ""


def _local_namesakes(candidates: dict, context: _Context) -> dict[str, _Options]:
    """A country's name the text puts in a state of another country: that state's towns of the
    name ("Palestine, Texas", "Holland, Michigan"). And the one country an article names, and any
    capital it names, where its other places (FOCUS_PLACES or more, two thirds of them in one other
    country, none in that one) point to a town of that name within TOWN_REACH_KM of one of their
    towns (COUNTY_REACH_KM of a county) or in a state it names: those towns ("Lebanon" in a story
    from Murfreesboro, Smyrna and Nashville, Tennessee; "Tripoli" among Beirut, Sidon and Tyre; not
    "Israel struck Lebanon", nor "Colombia" among its towns)."""
    named = [name for name, place in context.chosen.items() if place.feature_code == "PCLI"]
    capitals = [name for name, place in context.chosen.items() if place.feature_code == "PPLC"]
    local = {}
    for name in named:  # "Palestine, Texas" wherever the article's other places lie
        states = {key for key in context.containers.get(name, ()) if "." in key}
        towns = _Options(o for o in candidates[name] if o.place.feature_code.startswith("PPL") and _area(o.place) in states)
        if towns:
            local[name] = towns
    for name in (named if len(named) == 1 else []) + capitals:
        towns = local.get(name) or _towns_among_others(name, candidates[name], context)
        if towns:
            local[name] = towns
    return local


def _towns_among_others(name: str, options: _Options, context: _Context) -> _Options:
    """The towns of the name in the country where the article's other places lie (see
    `_local_namesakes`), if its own choice lies in another."""
    others = Counter(p.country_code for other, p in context.chosen.items() if other != name)
    home = _focus(others)
    if home is None or context.chosen[name].country_code in others:
        return _Options()  # not where other places lie in that country ("Colombia" among Colombia's towns)
    anchors = [(p, COUNTY_REACH_KM if p.feature_code == "ADM2" else TOWN_REACH_KM)
               for other, p in context.chosen.items()
               if other != name and (p.feature_code == "ADM2" or p.feature_code.startswith("PPL"))]
    states = {_area(p) for other, p in context.chosen.items() if other != name and p.feature_code == "ADM1"}
    return _Options(o for o in options
                    if o.place.country_code == home and o.place.feature_code.startswith("PPL")
                    and (_area(o.place) in states  # or in a state the article names: "Ohio's ... Lima"
                         or any(haversine_km(o.place.lat, o.place.lon, p.lat, p.lon) <= km for p, km in anchors)))


def _keeps_candidates(options, in_division: bool = False) -> bool:
    """A country, division or capital keeps its candidates wherever the text puts it (but a division or
    capital not in a division: "Normandy, Tennessee" is a town's name; "made in Ireland, New Zealand,
    Wisconsin and ..." lists a country), and so does a feature no country holds."""
    return any(c.place.feature_code in PLACED_BY_NAME and not (in_division and c.place.feature_code != "PCLI")
               or not c.place.country_code for c in options)


def _placed_by_container(text: str, pairs: list[tuple[Mention, Mention]], chosen: dict) -> dict[str, Place]:
    """Names that neither the gazetteer nor the geocoder placed, each at the place the text
    puts them in or next to, when it holds places: "Qorvintal, Auckland", "Qorvintal in Fife",
    "Qorvintal located in the Akita Prefecture", "Fife's Qorvintal", "Qorvintal is a village in
    southern Fife", "Qorvintal, a suburb 20 km east of Harare", "Qorvintal, a Harare suburb" (among
    `_neighbours`: not a list's next member)."""
    unplaced = {name for name, (place, _, _) in chosen.items() if place is None}
    placed: dict[str, Place] = {}
    if not unplaced:
        return placed
    for mention, following in pairs:
        if text[mention.end: following.start].strip() in POSSESSIVE:
            inner, outer = following, mention
        elif _district_of(text, mention, following) or any(gap.fullmatch(text, mention.end, following.start)
                                                           for gap in NEXT_TO_HOLDER):
            inner, outer = mention, following
        else:
            continue
        place = chosen[outer.key][0]
        if inner.key in unplaced and inner.key not in placed and place is not None and place.feature_code in HOLDER_CODES:
            placed[inner.key] = place
    return placed


def _placed_by_list(lists: list[list[Mention]], chosen: dict) -> dict[str, Place]:
    """Names nothing placed, listed with two or more places that lie within LISTED_SPREAD_KM of one
    another ("curfews in Pusiga, Binduri, Qorvintal and Tempane"), each at the listed place nearest
    the others: such a list names places near each other, the villages of one district."""
    placed: dict[str, Place] = {}
    for members in lists:
        places = {m.key: chosen[m.key][0] for m in members if chosen[m.key][0] is not None}.values()
        unplaced = [m.key for m in members if chosen[m.key][0] is None]
        if len(places) < 2 or not unplaced \
                or max(haversine_km(a.lat, a.lon, b.lat, b.lon) for a in places for b in places) > LISTED_SPREAD_KM:
            continue
        middle = min(places, key=lambda p: sum(haversine_km(p.lat, p.lon, q.lat, q.lon) for q in places))
        for key in unplaced:
            placed.setdefault(key, middle)
    return placed


def _townships_in_the_county(chosen: dict) -> dict[str, Place]:
    """Townships nothing placed ("Freedom Township", "East Lampeter Township"), each at the county the
    text names, where it names just one: a township is a part of its county."""
    counties = {place.id: place for place, _, _ in chosen.values() if place is not None and place.feature_code == "ADM2"}
    if len(counties) != 1:
        return {}
    county = next(iter(counties.values()))
    return {name: county for name, (place, _, _) in chosen.items()
            if place is None and name.endswith(TOWNSHIP_SUFFIXES)}


def _placed_off(text: str, pairs: list[tuple[Mention, Mention]], candidates: dict,
                chosen: dict) -> dict[str, tuple[Counter, str]]:
    """Towns X of "X, north of Y" (or "X, a suburb 20 km east of Y") none of whose candidates lies
    within OFF_REACH_KM of a town Y may be, nor in a division or country Y may be; each with Y's
    country and name (as first chosen), to ask the geocoder: "Phoenix, north of Durban" is no city
    of Arizona, however great. A name that may be a country or a feature keeps its candidates
    ("Iran, west of Herat", "Flores, east of Bali")."""
    elsewhere = {}
    for mention, following in pairs:
        holder = chosen.get(following.key)
        options = candidates.get(mention.key) or ()
        if holder is None or not options \
                or any(c.place.feature_class not in ("P", "A") or c.place.feature_code == "PCLI" for c in options) \
                or not PLACE_OFF.fullmatch(text, mention.end, following.start):
            continue
        if not any(_lies_off(c.place, h.place) for c in options for h in candidates.get(following.key) or ()):
            elsewhere[mention.key] = (Counter([holder.country_code]), "{}, " + holder.name)
    return elsewhere


def _lies_off(town: Place, holder: Place) -> bool:
    """May the town lie off (north, south, ...) of the holder: near a town, in a division or a country?"""
    if holder.feature_code.startswith("PPL"):
        return haversine_km(town.lat, town.lon, holder.lat, holder.lon) <= OFF_REACH_KM
    if holder.feature_code == "ADM1":
        return _division(town) == _division(holder)
    return town.country_code == holder.country_code


def _listed_elsewhere(candidates: dict, lists: list[list[Mention]], chosen: dict) -> dict[str, tuple[Counter, str]]:
    """Names listed with places that all lie in one country (as first chosen) where none of
    their candidates lies ("Eldoret, Thika, Springfield and Garissa": no Springfield the gazetteer
    knows is in Kenya), each with that country. A country, division or capital keeps its candidates."""
    elsewhere = {}
    for members in lists:
        for member in members:
            options = candidates.get(member.key) or ()
            others = [chosen[m.key].country_code for m in members if m.key != member.key and m.key in chosen]
            if options and len(others) >= 2 and len(set(others)) == 1 and not _keeps_candidates(options) \
                    and not any(c.place.country_code == others[0] for c in options):
                elsewhere[member.key] = (Counter([others[0]]), "{}")
    return elsewhere


def _kin(mentions: list[Mention]) -> dict[str, list[str]]:
    """For each name the text puts in two places, or writes once with its division's word and
    once without ("Niger State", "Niger"), its senses' other keys."""
    senses: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        base = mention.base if isinstance(mention, _Sense) else mention.key
        senses[DIVISION_WORD_END.sub("", base)].add(mention.key)
    return {key: sorted(keys - {key}) for keys in senses.values() if len(keys) > 1 for key in keys}


def _division_cued(text: str, mention: Mention) -> bool:
    """Does the text call the mention a state or province ("Kerala state", "the state of Victoria")?"""
    before = text[max(0, mention.start - 30): mention.start]
    return bool(DIVISION_AFTER.match(text[mention.end: mention.end + 20])
                or " of" in before.lower() and DIVISION_BEFORE.search(before))


def _division_and_town(candidates: list[Candidate]) -> bool:
    """Does a name name both a division and a town?"""
    codes = {c.place.feature_code for c in candidates}
    return bool(codes & {"ADM1", "ADM2"}) and any(code.startswith("PPL") for code in codes)


def _division_cues(text: str, mentions: list[Mention]) -> set[str]:
    """Names the text calls a state, province or county ("the state of Victoria", "Kerala state",
    "County Durham", "Co Kerry", "Kano, Kaduna and Katsina states", "the departments of Cauca and
    Nariño")."""
    def joined(i: int) -> bool:
        return " ".join(text[mentions[i - 1].end: mentions[i].start].split()) in LIST_JOINS

    cued = set()
    for i, mention in enumerate(mentions):
        if _division_cued(text, mention) or mention.text.split(" ", 1)[0].lower() in ADMIN_PREFIXES:
            cued.add(mention.key)
        elif DIVISIONS_AFTER.match(text[mention.end: mention.end + 20]):
            cued.add(mention.key)
            while i > 0 and joined(i):
                i -= 1
                cued.add(mentions[i].key)
        elif DIVISIONS_BEFORE.search(text[max(0, mention.start - 30): mention.start]):
            cued.add(mention.key)
            while i + 1 < len(mentions) and joined(i + 1):
                i += 1
                cued.add(mentions[i].key)
    return cued


def _listed_with_divisions(lists: list[list[Mention]], candidates: dict) -> set[str]:
    """The names of lists most of whose members (two or more) are first a state or province:
    "Utah, Washington and Wisconsin" names the state of Washington."""
    cued = set()
    for members in lists:
        keys = {m.key for m in members}
        firsts = [_top(candidates.get(key)) for key in keys]
        divisions = sum(1 for first in firsts if first is not None and first.feature_code == "ADM1")
        if divisions >= 2 and 2 * divisions >= len(keys):
            cued |= keys
    return cued


def _listed_with_towns(partners: dict[str, set[str]], candidates: dict) -> set[str]:
    """The names first a state or province holding a town of the name, listed only with names first
    a town that name no state or province of its country ("Boston and New York", "Atlanta, New York
    and Toronto"): that town, not the state of New York; but "Tarija, Beni and Santa Cruz" are
    Bolivia's departments."""
    def town(place: Place | None) -> bool:
        return place is not None and place.feature_code.startswith("PPL")

    def town_only(key: str, country: str) -> bool:
        options = candidates.get(key) or ()
        return town(_top(options)) and not any(c.place.feature_code == "ADM1" and c.place.country_code == country
                                               for c in options)
    cued = set()
    for key, others in partners.items():
        state = _top(candidates.get(key))
        if state is not None and state.feature_code == "ADM1" and others \
                and all(town_only(other, state.country_code) for other in others) \
                and any(town(c.place) and _division(c.place) == _division(state) for c in candidates[key]):
            cued.add(key)
    return cued


def _top(options) -> Place | None:
    """The candidate with the highest prior, if any."""
    return options[options.priors.index(max(options.priors))].place if options else None


def _feature_cues(text: str, mentions: list[Mention]) -> dict[str, set[str]]:
    """The feature types a name's own words, or a lower-case word after it, say it is: "Red Sea"
    the sea rather than Sudan's Red Sea state, "Long Island" the island, "the Volga river", "the
    island of Flores"; a
    plural name after "the" (and maybe an adjective) is a range or an archipelago: "the Andes", "the
    Peruvian Andes" are no town in Chile."""
    cues: dict[str, set[str]] = {}
    for mention in mentions:
        codes = set(_named_features(mention.text))
        codes.update(FEATURE_WORDS.get(_feature_kind(text, mention), ()))
        if THE_BEFORE.search(text, max(0, mention.start - 24), mention.start):
            if mention.text.endswith("s"):
                codes |= PLURAL_FEATURES  # "the Andes", "the Outer Hebrides"
            else:
                codes |= THE_FEATURES  # a name after "the" is a river or a region: "the Elbe", "the Rio Grande"
        if codes:
            cues.setdefault(mention.key, set()).update(codes)
    return cues


@lru_cache(maxsize=100_000)  # names come back article after article
def _named_features(name: str) -> frozenset[str]:
    """The feature types a name's own words name: "Red Sea" a sea (or a lake), "Long Island" an island."""
    return frozenset().union(*(FEATURE_WORDS.get(word, ()) for word in name.lower().split()))


def _hometowns(text: str, mentions: list[Mention]) -> set[str]:
    """Names that say where a person is from, which local news writes as "a Lebanon man" or
    "Ann Pike, 54, of Lebanon": towns."""
    return {m.key for m in mentions if HOMETOWN_BEFORE.search(text, max(0, m.start - 4), m.start)
            and (after := NEXT_WORD.match(text, m.end)) and after.group(1).lower() in RESIDENT_NOUNS
            or AGE_OF_BEFORE.search(text, max(0, m.start - 12), m.start)}


def _governments(text: str, mentions: list[Mention]) -> set[str]:
    """Names every mention of which acts, as a government does: "announced by Washington",
    "Moscow denied it" (not "schools in Tripoli", "officials in Rome said", "growers in
    neighbouring San Juan warned")."""
    acting: dict[str, bool] = {}
    for m in mentions:
        acting[m.key] = acting.get(m.key, True) and acts_as_government(text, m.start, m.end)
    return {key for key, acts in acting.items() if acts}


def _described_towns(text: str, mentions: list[Mention]) -> set[str]:
    """Names the text describes as towns: "Santa Cruz, Bolivia's largest city", "the city of Santa
    Cruz" (not the department)."""
    return {m.key for m in mentions if TOWN_DESCRIBED.match(text, m.end)
            or TOWN_OF_BEFORE.search(text, max(0, m.start - 16), m.start)}


def _district_of(text: str, first: Mention, second: Mention) -> bool:
    """Does the text call the first name a district of the second: "Qorvintal, a Harare suburb",
    "Qorvintal, the Nashville neighborhood"?"""
    return text[first.end: second.start].strip() in (", a", ", an", ", the") \
        and DISTRICT_AFTER.match(text, second.end) is not None


def _roundup_areas(text: str, mentions: list[Mention], candidates: dict) -> dict[str, str]:
    """Names in a roundup's paragraph that opens with a state's or a country's name and a dash, each
    with that state or country (`_area`): "ILLINOIS — Springfield: Lawmakers funded locks on the
    Illinois River near Peoria." puts Peoria in Illinois too."""
    areas: dict[str, str] = {}
    area, paragraph_end = None, -1
    for mention in mentions:
        if mention.start > paragraph_end:
            area = None
        if _opens_line(text, mention) and ROUNDUP_HEADING.match(text, mention.end):
            holders = [o.place for o in candidates.get(mention.key) or () if o.place.feature_code in ("ADM1", "PCLI")]
            area = _area(holders[0]) if holders else None
            blank_line = BLANK_LINE.search(text, mention.end)
            paragraph_end = blank_line.start() if blank_line else len(text)
        elif area and not _other_state(candidates.get(mention.key) or (), area):
            areas.setdefault(mention.key, area)
    return areas


def _other_state(options, area: str) -> bool:
    """Are the options all states or countries, none of them in the area (`_area`)? No state
    holds another: "VICTORIA — British Columbia's cabinet" is a dateline, Victoria there a city and
    no Australian state (but "TENNESSEE — Lebanon" is Lebanon, Tennessee)."""
    return bool(options) and all(o.place.feature_code in ("ADM1", "PCLI") for o in options) \
        and not any(area in (o.place.country_code, _area(o.place)) for o in options)


def _opens_line(text: str, mention: Mention) -> bool:
    """Does the mention open its line (a heading, a dateline, a roundup's state), maybe after a live
    blog's time ("10:30 Veracruz — Coffee growers around Córdoba ...")?"""
    return CLOCK_ONLY.fullmatch(text, text.rfind("\n", 0, mention.start) + 1, mention.start) is not None


def _opens_line_in_capitals(text: str, mention: Mention) -> bool:
    """Does the mention open a line in capitals, as a dateline under a headline does ("GOMA, Congo
    (AFP) -")? Wire style, not a writer telling a namesake apart."""
    return mention.text.isupper() and len(mention.text) > 2 and _opens_line(text, mention)


def _dateline(text: str, mentions: list[Mention]) -> set[str]:
    """The name a dateline opens the article with ("WASHINGTON (Reuters) -", "PARIS, Mo. —",
    "WASHINGTON Barack Obama ..."): a town."""
    first = mentions[0] if mentions else None
    if first and not text[: first.start].strip() \
            and (DATELINE_END.match(text, first.end) or _opens_line_in_capitals(text, first)):
        return {first.key}
    return set()


def _sentence_of(text: str, spans: list[tuple[int, int]], mention: Mention) -> str:
    k = bisect_right(spans, (mention.start, len(text) + 1)) - 1
    if k >= 0 and spans[k][0] <= mention.start < spans[k][1]:
        return text[spans[k][0]: spans[k][1]]
    return ""
