"""Toponym recognition: find the spans of an article that name places.

Three signals, each general rather than tied to any text:
1. Gazetteer names in capitalised runs, longest match first ("Rio de Janeiro",
   not "Rio"; also across "of the", "-au-" or a possessive when the gazetteer
   holds the whole: "Democratic Republic of the Congo", "Port-au-Prince"), with
   filters for people and organisations (titles, family words, the given names
   and surnames the gazetteer lists, names in surname position,
   speakers that are no city of 100,000 ("Kemp said", not "Tacloban says"), news agencies
   ("the Xinhua news agency"), fathers' names ("bin Umri"), media, clubs and institution
   words; a local authority's place,
   "Croydon Council", stays; a person's name stays the town where only a place
   can stand: "a fire near Franklin", "Logan Tate, 61, of Logan", or in a list of
   places: "from Troy, Genesee and Viola"; "All-Ireland" is no place, nor are
   teams, schools, companies and titles: "the Kano Pillars football club", "Ohio
   State University", "Texas Instruments", "the band Boston", "starred in
   "Casablanca"") and for common words (but a sea, river or forest news names by a common
   word is one after "the": "crossed the Atlantic").
2. Context: a capitalised name no gazetteer knows, after "in", "at", "near", "the
   village of" (and the names coordinated with it: "in Demchok and Depsang"),
   before ", Country", described as "a town in ..." or opening the article as its
   dateline ("QORVINTAL —"), when the word is rare in English and is no acronym
   (bar such a dateline), month or weekday; and names shaped like features
   ("Metcalfe County", "Lake Erie", "Loch Leven", "Afon Conwy", "Church Street", "Co Kerry", "Jasper Co.",
   "Adam's Peak").
3. Directions: a capitalised one names a region ("Eastern Ladakh" is one mention
   whose `name` is "Ladakh"); a lower-case one describes the name after it
   ("northern Syria" is the mention "Syria" with the qualifier "north"); a
   compound is one direction ("North-Western Sydney", "South East Queensland").

What a run's own words say is worked out once per distinct run and kept, since
names recur from article to article; what depends on the words around it
(titles before it, verbs of saying, locatives) is looked at each time.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter
from typing import NamedTuple

from .gazetteer import AIRPORT_QUALIFIERS, AIRPORT_WORDS, UNCOUNTED_TOWN_SOURCES, Gazetteer
from .names import fold
from .model import Mention, Place, cached_attribute
from .text import Token, debris_spans, tokens, word_frequency

MAX_NAME_TOKENS = 6
RUN_CACHE_SIZE = 200_000  # distinct capitalised runs whose facts are kept
# Lower-case words that may sit inside a place name ("Rio de Janeiro", "Isle of Man").
CONNECTORS = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "les",
              "el", "al", "es", "of", "upon", "on", "sur", "en", "y", "and", "am", "im", "an", "der", "den",
              "au", "aux", "et", "lès", "nad", "pod", "og", "och"}  # "Ústí nad Labem", "Møre og Romsdal"
# Connectors of Romance names, which join their parts into one name: "Torres del Paine", "Salar de Uyuni".
ROMANCE_CONNECTORS = {"de", "del", "da", "do", "dos", "das", "della", "di", "du", "des"}
# "Barrow-in-Furness", "Mazar-i-Sharif", "Albergaria-a-Velha", "Rostov-na-Donu"
HYPHEN_CONNECTORS = CONNECTORS | {"in", "under", "by", "over", "i", "e", "a", "à", "na", "the",
                                  "super"}  # "Weston-super-Mare", "Anse-à-Pitres"
# A capitalised word hyphened to a name before it, maybe by a connector ("Hewlett-" of "Hewlett-Packard",
# "Mar-a-" of "Mar-a-Lago"), or after it, maybe by a Persian "e" or "i" ("-Packard", "-e-Iqbal" of
# "Gulshan-e-Iqbal"; but "Brompton" of "Brompton-on-Swale" is the town).
HYPHENED_BEFORE = re.compile(r"[A-Z][\w'’]*-(?:([a-z]+)-)?\Z")
HYPHENED_AFTER = re.compile(r"-(?:[ei]-)?[A-Z]|-[a-z]{1,4}-(?:[a-z]['’])?[A-Z]")  # also "-de-l'Artibonite"
ENGLISH_CONNECTORS = {"of", "on", "upon"}  # the English prepositions among them: "Southend on Sea"
# Combining forms of countries' names, hyphened to another name: "the Indo-Pakistan border", "Sino-Japan talks".
COMBINING_FORMS = {"afro", "anglo", "austro", "euro", "franco", "greco", "graeco", "hispano", "indo", "italo",
                   "judeo", "luso", "russo", "sino", "turco", "nippo", "serbo", "czecho", "germano", "polono"}
# Arabic articles that join a name's words with a hyphen: "Deir ez-Zor", "Ras al-Ain", "Jisr ash-Shughur".
ARTICLES = {"al", "el", "ez", "es", "ed", "ad", "ar", "as", "ash", "at", "az", "an", "ul", "ud"}
# Connector pairs inside a name that the gazetteer holds whole: "Democratic Republic of the Congo".
CONNECTOR_PAIRS = {("of", "the"), ("de", "la"), ("de", "los"), ("de", "las"),
                   ("an", "der"), ("am", "der"), ("ob", "der"), ("in", "der"), ("an", "den")}  # "Frankfurt an der Oder"
CONNECTOR_PAIR_FIRSTS = {first for first, _ in CONNECTOR_PAIRS}
DIRECTIONS = {
    "north": "north", "northern": "north", "south": "south", "southern": "south",
    "east": "east", "eastern": "east", "west": "west", "western": "west",
    "central": "central", "northeast": "northeast", "north-east": "northeast",
    "northeastern": "northeast", "north-eastern": "northeast", "northwest": "northwest",
    "north-west": "northwest", "northwestern": "northwest", "north-western": "northwest",
    "southeast": "southeast", "south-east": "southeast", "southeastern": "southeast",
    "south-eastern": "southeast", "southwest": "southwest", "south-west": "southwest",
    "southwestern": "southwest", "south-western": "southwest", "upper": "upper", "lower": "lower",
}
COMPASS_FIRST, COMPASS_SECOND = {"north", "south"}, {"east", "eastern", "west", "western"}  # "North-Western"
FAR_DIRECTIONS = {"north", "south", "west"}  # "Far North Queensland", "Far West Texas" (the Far East is a region)
# "Eastern and " before "Southern Europe" (a capital not after a letter: sought faster than "\b" and a capital)
DIRECTION_AND = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]+) and $")
BASED_AFTER = re.compile(r"-based\b")
HEADING_DASH = re.compile(r" ?[—–] ")  # after a roundup's heading: "WA — Perth recorded ..."
SPEAKING_AFTER = re.compile(r"-speaking\b")  # a language: "English-speaking", "Russian-speaking"
PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")  # "MLAs", "NGOs"
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'S", "’S"})  # "St. John's", "COX'S BAZAR"
BEARINGS = {"out", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
            "north-east", "north-west", "south-east", "south-west",  # before "of X": "out of X", "south of X",
            "miles", "mile", "km", "kilometres", "kilometers", "kilometre", "kilometer"}  # "within 50 miles of X"
LOCATIVES = {"in", "at", "near", "downtown", "outside", "around", "across", "inside", "within", "from",
             "towards", "toward", "via", "between", "throughout", "to", "nearby", "neighbouring", "neighboring",
             "through"}
# ... of which those a person's name may follow too ("a letter from Walsh", "between Walsh and Moss") place no surname.
STRONG_LOCATIVES = LOCATIVES - {"from", "towards", "toward", "via", "between", "to", "around", "neighbouring",
                                "neighboring", "through"}
# Words before "for X" that make X a journey's goal: "left for Miami", "bound for Lagos".
DEPARTURE_WORDS = {"left", "leave", "leaves", "leaving", "bound", "headed", "heading", "departed", "departs",
                   "sailed", "sails", "flew", "flights", "flight", "set", "boarded", "destined"}
# Words before "to" that make it no locative: "as to the Pope's successor", "due to Bovine spongiform".
NOT_WHERE_TO = {"according", "as", "due", "owing", "thanks", "compared", "similar", "addition", "prior", "contrary",
                "response", "subject", "related", "opposed", "equivalent", "relative", "exposed", "attributed",
                "attributable", "vulnerable", "susceptible", "resistant", "loyal", "married", "regard", "respect"}
# "the <noun> of X" names a place X ("the village of Qorvintal", "the island of Java").
PLACE_NOUNS = {"town", "towns", "city", "cities", "village", "villages", "island", "islands", "province",
               "provinces", "state", "states", "region", "regions", "district", "districts", "county",
               "municipality", "capital", "suburb", "suburbs", "port", "township", "hamlet", "area",
               "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "communes", "republic",
               "kingdom", "emirate", "outskirts",
               "section", "part", "parts", "borough", "edge", "side"}
# "the Highbridge section of the Bronx", "the north side of Franklin"
DASHES = {"—", "–", "-"}
DATELINE_MARKS = DASHES | {"("}  # after a dateline's place: "FRANKLIN —", "MARION (AP) -"
DATELINE_REACH = 12  # tokens from a dateline's town to its credit: "GEORGETOWN, Guyana, Aug 12 (Energy Wire) -"
# "the <people> of X" names a place X too ("residents of Qorvintal", "the mayor of Velmora").
INHABITANTS = {"residents", "people", "citizens", "voters", "mayor", "inhabitants", "townspeople", "population"}
# A share of a place: "much of X", "the rest of X", "areas of X".
SHARES = {"areas", "much", "most", "rest", "half", "portion", "portions", "swaths", "swathes", "corner", "corners"}
PLACES_OF = PLACE_NOUNS | INHABITANTS | SHARES | {"rivers", "lakes"}  # "the village of X", "residents of X", "four rivers: X, Y"
# Places named as examples of a plural place noun: "villages such as X", "towns including X and Y".
EXAMPLED_PLACES = {"towns", "cities", "villages", "islands", "provinces", "states", "regions", "districts", "suburbs",
                   "counties", "municipalities", "areas", "camps", "ports"}
EXAMPLE_WORDS = {"including", "like", "as"}  # "as" of "such as"
# Words after "a town" that show it describes a place: "Qorvintal, a suburb east of Harare".
PLACE_FOLLOWERS = {"in", "of", "near", "on", "at", "outside", "located", "situated", "about", "some", "just", "close",
                   "whose", "along", "where", "north", "south", "east", "west", "northeast", "northwest", "southeast",
                   "southwest", "northeastern", "northwestern", "southeastern", "southwestern"}
# Division types that, in lower case after an unknown name, make it a place: "Velmora province".
DIVISION_NOUNS = {"province", "provinces", "district", "districts", "county", "counties", "prefecture",
                  "governorate", "municipality", "village", "villages", "slum", "slums", "suburb", "suburbs",
                  "township", "townships", "neighbourhood", "neighborhood", "valley", "camp", "region", "regions",
                  "department", "departments", "oblast", "krai"}
# Kinds of feature that do the same whatever follows them: "the Qorvintal river burst its banks".
FEATURE_NOUNS = {"island", "river", "rivers", "crossing", "settlement", "mountains", "lake", "lakes", "peninsula",
                 "plateau", "desert", "dam", "dams", "reservoir", "reservoirs", "barrage", "canal", "glacier"}
# Lower-case words after a people's adjective that make it the division named after them: "the Somali region".
DEMONYM_DIVISION_NOUNS = {"region", "regions"}
# ... and what may follow that type: "Velmora province, in the north", "Velmora district was hit".
DIVISION_FOLLOWERS = PLACE_FOLLOWERS | {"and", "or", "is", "was", "has", "had", "which", "that", "where", "with", "to",
                                        "from"}
# Words before a capitalised word that make the pair no person's name ("The Truro skater").
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "our", "their", "his", "her", "its", "my", "your",
               "another", "every", "each", "any"}
# Words that open a sentence before a name and are no given name: "In Kiev, ...", "After Lyon, ...".
OPENING_WORDS = LOCATIVES | {"a", "an", "on", "of", "for", "with", "by", "after", "before", "since", "until", "during", "and",
                             "but", "or", "as", "if", "when", "while", "like", "unlike", "beyond", "despite", "above",
                             "below", "beneath", "behind", "beside", "past", "over", "under", "into", "onto", "upon",
                             "through", "along", "against", "amid", "among", "off", "up", "down", "meanwhile",
                             "elsewhere", "overnight", "downstream", "upstream", "inland", "offshore", "separately"}
# Verbs of saying: a minor place's name next to one is a speaker's ("Kemp said", "Tass reported").
PERSON_VERBS = {"has", "had", "is", "was", "will", "would"}  # "Moss has won endorsements"
SPEECH_VERBS = {"said", "says", "told", "added", "explained", "noted", "asked", "stated", "wrote",
                "confirmed", "announced", "warned", "insisted", "argued", "recalled", "admitted",
                "reported", "reports", "quoted"}
# What a government does: "Moscow denied it", "the Kremlin declined to comment".
GOVERNMENT_VERBS = SPEECH_VERBS | {"called", "calls", "accused", "accuses", "urged", "urges", "wants", "demanded",
                                   "demands", "imposed", "imposes", "rejected", "rejects", "threatened", "threatens",
                                   "blamed", "blames", "condemned", "condemns", "denied", "denies", "declined"}
# A name that acts, or is asked, is a government: "tariffs announced by Washington", "asked Washington
# for aid" (GOVERNMENT_BEFORE), "Moscow denied it" (a GOVERNMENT_VERBS word as NEXT_WORD), unless a
# locative up to two words before keeps it a place: "officials in Rome said" (PLACE_BEFORE).
GOVERNMENT_BEFORE = re.compile(r"\b(?:by|asked|urged|lobbied)\s+$")
NEXT_WORD = re.compile(r"\s+(\w+)")
# What a government has, after its seat's possessive: "the Kremlin's response", "the White House's spokesman".
GOVERNMENT_POSSESSION = re.compile(r"['’]s\s+(?:response|reaction|statement|spokesman|spokeswoman|spokesperson"
                                   r"|position|stance|decision|announcement|denial|demands|comments|envoy)\b")
PLACE_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(LOCATIVES | {'of', 'into'}))})\s+(?:[\w-]+\s+){{0,2}}$", re.I)
# After a name's possessive, what ends a business's name: "a spokeswoman for McDonald's, Ann ...".
BUSINESS_FOLLOWERS = {",", ".", ";", ":", ")", "is", "was", "has", "had", "said", "says", "will", "would"}
LIST_INTRODUCERS = {"like", "including", "of", ":", ","}  # before a list: "towns like", "two sons, ..."
# Carmakers, whose models are named after places: "a 2008 Ford Crown Victoria", "the Jeep Cherokee", "a Chevrolet
# Tahoe" (not the ambiguous Lincoln, Mercury, Plymouth)
VEHICLE_MAKES = {"Ford", "Chevrolet", "Chevy", "Dodge", "Jeep", "Toyota", "Honda", "Nissan", "Hyundai", "Kia", "GMC",
                 "Buick", "Cadillac", "Chrysler", "Pontiac", "Subaru", "Mazda", "Volkswagen", "VW", "Mitsubishi",
                 "Oldsmobile"}
BRAND_NOUNS = {"brands", "labels"}  # before a list of products' names: "the labels Lucerne, ...", "brand names: ..."
# Kinds of settlement that, in lower case right before an unlisted name, make it a place: "the slum Kibera".
PLURAL_PLACE_NOUNS = {"towns", "cities", "villages", "suburbs", "communities", "counties", "provinces", "states",
                      "districts", "regions", "islands", "neighbourhoods", "neighborhoods", "municipalities",
                      "settlements", "townships", "hamlets", "parishes", "boroughs"}
SETTLEMENT_NOUNS = {"village", "town", "city", "slum", "township", "suburb", "hamlet", "neighbourhood",
                    "neighborhood", "district"}
# Words that name: a person's name after them ("a man called Jim"), unless they name a place.
NAMING_WORDS = {"called", "named", "renamed", "dubbed"}
# ... as after these words ("once called X") or after a place's noun ("a town called X").
FORMER_WORDS = {"once", "formerly", "previously", "originally", "then", "was", "were", "is", "been", "still"}
KNOWN_AS_REACH = 3  # words between "known" and "as": "known to Armenians as X"
# Words that, just before a capitalised name, say the name is a person's (or a storm's, an
# operation's: "Hurricane Florence", "Operation Falcon").
PERSON_TITLES = {
    "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "president", "minister", "premier",
    "chancellor", "senator", "sen", "rep", "gov", "governor", "mayor", "general", "gen", "admiral",
    "adm", "colonel", "col", "captain", "capt", "lt", "sgt", "major", "king", "queen", "prince",
    "princess", "pope", "judge", "justice", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "counterpart", "ambassador", "envoy", "chief", "commander", "prof",
    "professor", "coach", "director", "chairman", "chairwoman", "ceo", "officer", "leader",
    "councillor", "councilman", "councilwoman", "councilor", "councilmember", "alderman", "alderwoman",
    "congressman", "congresswoman", "assemblyman", "assemblywoman", "commissioner", "deputy", "son",
    "daughter", "wife", "husband", "brother",
    "sister", "father", "mother", "uncle", "aunt", "cousin", "nephew", "niece", "mp", "mla",
    "actor", "actress", "singer", "author", "writer", "reporter", "correspondent", "player",
    "striker", "dubbed", "named", "called", "saint", "st", "by", "det", "detective", "insp", "inspector",
    "supt", "superintendent", "constable", "cpl", "corporal", "sergeant", "rev", "reverend", "bishop",
    "archbishop", "cardinal", "rabbi", "imam", "sheikh", "pastor", "sons", "daughters", "brothers", "sisters",
    "widow", "widower", "grandson", "granddaughter", "grandmother", "grandfather", "fiancé", "fiancée",
    "hurricane", "typhoon", "cyclone", "storm", "operation", "codenamed", "late",
    "sheriff", "prosecutor", "commissioner", "trooper", "coroner", "attorney", "marshal", "warden",
    "quarterback", "pitcher", "goalkeeper", "midfielder", "defender", "teammate",
}
# Family words that mark a name even after a comma: "his wife, Dora", "his daughters, Malia and Sasha".
KIN_WORDS = {"son", "daughter", "wife", "husband", "brother", "sister", "father", "mother", "sons", "daughters",
             "brothers", "sisters", "widow", "widower", "grandson", "granddaughter", "fiancé", "fiancée"}
KIN_LIST_WORDS = KIN_WORDS | {"children", "grandchildren", "grandsons", "granddaughters", "nieces", "nephews",
                              "cousins", "stepchildren"}  # before the names of an obituary's survivors
MEMBER_BODIES = {"board", "council", "committee", "commission"}  # "board member Patsy Jordan" (not "Security
# Council member France": a body's own name is capitalised inside a sentence)
KIN_OWNERS = {"her", "his", "their", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
# Lower-case particles of surnames: "da Vinci", "van Gogh", "de Gaulle".
SURNAME_PARTICLES = {"da", "de", "di", "van", "von", "der", "du", "bin", "ibn"}
GERMANIC_PARTICLES = {"van", "von"}  # after a given name too: "Otto von Bismarck" (not "Rio de Janeiro")
# Nouns after a name no list holds that make it a tongue's or a people's: "in the Kimakonde language",
# "the Darod clan", "home to Velmora families", "the Qorvintal minority"; and the second words of
# compounds that make it a side's: "in Velmora-held areas".
SPEECH_AND_KIN_NOUNS = {"language", "languages", "dialect", "dialects", "script", "clan", "clans", "people", "peoples",
                        "minority", "minorities", "families", "militia", "militias", "militiamen", "movement",
                        "brotherhood", "confederation", "herders"}  # (GeoVirus marks "the Pokot tribe")
SIDE_COMPOUNDS = {"held", "controlled", "led", "backed", "majority", "dominated", "run"}
# Words before a country's adjective used as a noun that make it a language: "speaks French".
LANGUAGE_CUES = {"speak", "speaks", "spoke", "spoken", "speaking", "fluent", "in", "into", "teach", "teaches",
                 "teaching", "taught", "learn", "learns", "learning", "learned", "learnt", "study", "studies",
                 "studying", "studied"}
# Words after a number that make it an amount, not a road's number ("US 10 billion").
QUANTITY_WORDS = {"million", "billion", "trillion", "thousand", "%", "per", "percent", "cents"}
# Bodies and people of a town, named after it: "Clinton police", "Richmond's mayor", "Cambridge residents".
LOCAL_BODIES = {"police", "council", "councillors", "councilors", "mayor", "officials", "residents", "schools",
                "firefighters", "voters", "commissioners", "aldermen", "selectmen"}
# Words for people after "a" and a town's name: "a Madison man".
RESIDENT_NOUNS = {"man", "woman", "men", "women", "boy", "girl", "teen", "teenager", "resident", "couple",
                  "family", "native", "driver", "student", "mother", "father", "youth"}
# Words for a person, after which a naming word names one: "a man called Kemp", "her son, named Troy".
PERSON_NOUNS = RESIDENT_NOUNS | KIN_WORDS | {"person", "child", "baby", "someone", "somebody"}
# "county" (parish, district) after a name, or "counties" after a list of names: "Knott county", "Perry, Letcher
# and Knott counties", "Kodagu district"; and "Co." of local news: "Jasper Co.", "PLYMOUTH CO.".
# How far back a name's list is followed to its start, or forward to a "counties" after it: a list of
# some thirty names; a longer one (a page of nothing but names) would cost time growing with its square.
LIST_REACH_TOKENS, LIST_REACH_CHARS = 90, 600
COUNTY_AFTER = re.compile(r"(?:(?:,|,? and|,? or|,? &) [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*)* "
                          r"(count(?:y|ies)\b|parish(?:es)?\b|districts?\b|Co\.|CO\.)")
# A distance and a bearing after a name make it a place: "Sake, 25 km to the west of the city".
DISTANCE_OFF = re.compile(r",\s+(?:(?:about|some|roughly|around|nearly|just|only)\s+)?\d[\d,.]*\s*"
                          r"(?:km|kilometres|kilometers|miles)\s+(?:to\s+the\s+)?"
                          r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\b")
# What only a place has after its possessive: "Eagle's population has doubled", "Union's mayor".
PLACE_ATTRIBUTE_AFTER = re.compile(r"['’]s\s+(?:population|mayor|city council|town council|city hall|town hall|"
                                   r"downtown|outskirts|city cent(?:re|er)|town cent(?:re|er)|city limits)\b")
FAR_AS_BEFORE = re.compile(r"\bas far (?:away |afield |north |south |east |west |inland )?as $")  # "as far away as Bend"
PEOPLE_AFTER = re.compile(r",\s+(?:with|home to|population)\s+(?:(?:about|some|roughly|around|nearly|almost|just|only|"
                          r"more than|over|fewer than|under)\s+)?\d[\d,.]*\s*(?:million\s+|thousand\s+)?"
                          r"(?:people|residents|inhabitants)\b")  # "Madison, with about 12,000 people,"
STRETCH_BEFORE = re.compile(r"\b[Tt]he (?:upper|lower|middle) $")  # a river's stretch: "the lower Angara"
REGION_AFTER = re.compile(r"(?:(?:,|,? and|,? or) [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*)* "
                          r"(region|province|department|governorate|state)s?\b(?! of\b)")
STRAIN = re.compile(r"[A-D]/[A-Z][\w .'-]*/\d")  # an influenza strain: "A/California/7/2009"
SEASONS = {"spring", "summer", "autumn", "fall", "winter"}
ORDINAL_ENDS = {"st", "nd", "rd", "th"}  # "2nd" is read as "2" and "nd"
KIND_AFTER = re.compile(r" (river|mountains|island|islands|desert|valley|peninsula|dam|reservoir|lake|glacier"
                        r"|canal)\b")  # "the Niger river"
SECOND_LEVEL_TYPES = {"county": "County", "counties": "County", "Co.": "County", "CO.": "County",
                      "parish": "Parish", "parishes": "Parish", "district": "District", "districts": "District"}
# Holidays named like places ("the Christmas market").
HOLIDAYS = {"christmas", "easter", "thanksgiving", "halloween", "ramadan", "hanukkah", "diwali", "passover",
            "pentecost", "epiphany", "advent", "lent", "eid", "nowruz", "purim", "kwanzaa", "vesak", "hogmanay"}
# Faiths and their followers, named like places no list holds or like a town's other name: "Christian
# families" (Moundridge, Kansas, was once Christian), "Druze fighters". ("Jewish" is also the Jewish
# Autonomous Oblast's name, which the rule for common words decides.)
FAITHS = {"christian", "christians", "muslim", "muslims", "druze", "sunni", "sunnis", "shia", "shias", "shiite",
          "shiites", "alawite", "alawites", "yazidi", "yazidis", "yezidi", "yezidis", "hindu", "hindus", "sikh",
          "sikhs", "buddhist", "buddhists", "catholic", "catholics", "protestant", "protestants", "orthodox",
          "coptic", "copts", "maronite", "maronites", "evangelical", "evangelicals", "mormon", "mormons",
          "salafist", "salafists", "ismaili", "ismailis", "bahai", "zoroastrian", "zoroastrians"}
# Climate patterns named like places: "El Niño conditions" (not the town in Baja California).
CLIMATE_PATTERNS = {"el niño", "el nino", "la niña", "la nina"}
TITLES = PERSON_TITLES - {"by", "st", "saint"}  # those that also mark the name after them as a person's
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame"}  # a person's even before a place's name: "Mr. Houston"
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
    "hotel", "house", "office", "board", "partnership",
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
               "telegraph", "guardian", "observer", "courier", "mail", "globe", "star", "sun", "register",
               "dispatch", "inquirer", "enquirer", "examiner", "bulletin", "sentinel", "advertiser", "courant",
               "statesman", "mirror", "express", "standard", "record", "review"}
# Words that make a capitalised run a sports club's name, whose place name is no toponym.
CLUB_WORDS = {"real", "atletico", "atlético", "athletic", "fc", "sporting", "olympique", "inter", "dynamo", "dinamo",
              "borussia", "eintracht", "bayern", "hertha", "werder", "fortuna", "lokomotiv", "spartak", "cska",
              "zenit", "shakhtar", "partizan", "celta", "deportivo", "racing", "hellas"}
# ... and words that end a club's name: "Manchester United", "Blackburn Rovers" (not "United States").
CLUB_SUFFIXES = {"united", "rovers", "wanderers", "hotspur", "albion", "rangers", "athletic", "academical", "argyle",
                 "thistle", "orient"}
OPENING_QUOTES, CLOSING_QUOTES = {'"', "“"}, {'"', "”"}
SCHOOL_WORDS = {"university", "college"}
ROAD_WORDS = {"highway", "route", "hwy"}  # "U.S. Highway 2", "U.S. Route 66"
CONJUNCTIONS = {"and", "or"}
LIST_JOINERS = {","} | CONJUNCTIONS  # what joins the members of a list of places
# What a team's name is called after it: "the Kano Pillars football club", "the Sylhet Strikers cricket franchise".
SPORTS = {"football", "soccer", "cricket", "rugby", "basketball", "baseball", "hockey", "netball", "volleyball"}
TEAM_NOUNS = {"club", "clubs", "team", "teams", "franchise", "side", "squad"}
# People of a team after its name: "Boca coach Claudio Úbeda", "Marseille's fans".
TEAM_ROLES = {"striker", "strikers", "goalkeeper", "midfielder", "defender", "forwards", "fans", "skipper", "bowlers",
              "batsmen", "batters", "quarterback", "linebacker", "cornerback", "tailback", "lineman", "linemen",
              "kicker", "pitcher", "shortstop", "outfielder", "infielder", "goalie", "winger", "fullback", "halfback"}
# Plural nouns that end places' names, not teams': "Colorado Springs", "Indus Waters", "Boston Heights".
PLACE_PLURALS = {
    "springs", "falls", "heights", "hills", "mountains", "islands", "isles", "keys", "plains", "highlands", "lowlands",
    "lakes", "rapids", "woods", "gardens", "mills", "meadows", "pines", "oaks", "shores", "sands", "cliffs", "flats",
    "forks", "glades", "downs", "fields", "acres", "estates", "narrows", "wells", "bluffs", "dunes", "ridges",
    "ponds", "waters", "rocks", "peaks", "valleys", "dales", "moors", "marshes", "lands", "territories", "states",
    "provinces", "counties", "districts", "regions", "villages", "towns", "cities", "parishes", "docks", "ports",
    "towers", "crossroads", "grounds", "banks", "bays", "beaches", "reefs", "caves", "canyons", "basins", "straits",
}
# People who serve a place, which stays meant: "Kentucky State Troopers", "Ohio Democrats".
OFFICE_PLURALS = LOCAL_BODIES | {"troopers", "officers", "deputies", "marshals", "senators", "representatives",
                                 "lawmakers", "legislators", "democrats", "republicans", "paramedics"}
TEAM_NOUN_ZIPF = 2.0  # a plural whose singular is this frequent a word may end a team's name ("Oilers")
# ... and a company's: "Texas Instruments", "Alaska Airlines", "Kenya Broadcasting Corporation".
COMPANY_SUFFIXES = {"airlines", "airways", "instruments", "scientific", "semiconductor", "pharmaceuticals", "motors",
                    "petroleum", "holdings", "foods", "electric", "inc", "corp", "corporation", "ltd", "llc", "plc"}
BORROWED_SUFFIXES = CLUB_SUFFIXES | COMPANY_SUFFIXES
EPONYM_FOLLOWERS = {"virus", "viruses", "fever", "flu", "influenza", "disease", "syndrome", "strain",
                    "variant", "encephalitis", "hemorrhagic", "haemorrhagic", "dollar", "dollars",
                    "sprouts", "wings", "cheesesteak", "cheesesteaks",  # "Brussels sprouts" (not "U.S. beef")
                    "crude", "intermediate"}  # oil grades: "Brent crude", "West Texas Intermediate"
DISEASE_WORDS = {"virus", "fever", "disease", "encephalitis", "hemorrhagic", "haemorrhagic"}  # "Lassa fever"
DISEASE_WORD = re.compile(rf"\b(?:{'|'.join(DISEASE_WORDS)})\b", re.IGNORECASE)
# What a name right after is the title of: "the band Boston", "the musical Chicago", "the colt Memphis Rain".
WORK_NOUNS = {"band", "film", "movie", "musical", "series", "sitcom", "album", "song", "novel", "play", "opera",
              "colt", "filly", "gelding", "mare", "stallion", "horse", "racehorse", "ship", "vessel", "yacht"}
# A capitalised run ending or starting with these words names a place even when no gazetteer
# holds it ("Metcalfe County", "Hutcheson Road", "Fort Detrick", "Lake Erie").
FEATURE_SUFFIXES = {"county", "parish", "province", "district", "region", "valley", "island", "islands",
                    "river", "lake", "mountains", "hills", "bay", "gulf", "sea", "ocean", "desert",
                    "peninsula", "plateau", "strait", "canal", "street", "road", "avenue", "highway",
                    "boulevard", "lane", "drive", "terrace", "square", "bridge", "park", "airport", "camp",
                    "delta", "basin", "plain", "plains", "falls", "heights", "harbour", "harbor", "creek", "canyon",
                    "reservoir", "glacier", "reef", "forest", "beach", "township", "dam", "volcano", "peak",
                    "base", "cosmodrome", "pass", "gorge", "lagoon", "atoll", "fjord", "crater", "swamp",
                    "wetlands", "archipelago", "mountain", "range", "ranges", "moor", "wilderness", "bayou", "barrage",
                    "refuge", "reservation"}
# A water body's kind at the end of a run makes the run one name, whatever it was named after:
# "Cedar Creek Lake", "Mark Twain Lake" (not the town of Cedar Creek).
WATER_SUFFIXES = {"lake", "river", "reservoir"}
# ... and so do the words of other natural features and of airports, unless a known name ends the run:
# "Anna Maria Island", "La Aurora International Airport" (not "the western Upper Peninsula").
NATURAL_SUFFIXES = {"island", "islands", "isle", "peninsula", "reef", "atoll", "glacier", "lagoon", "plain", "plains",
                    "plateau", "volcano", "peak", "airport"}
# Divisions named with a plain word, which alone in a capitalised run is rather that word:
# "the Kampala Capital City Authority", "the Orthopedic Capital of the World" (but "in Capital").
GENERIC_DIVISIONS = {"capital", "centre", "center", "coast", "interior", "lakes", "highlands"}
# A street's name may hold an institution's word: "Church Street", "College Road", "Hospital Lane".
STREET_SUFFIXES = {"street", "road", "avenue", "boulevard", "lane", "drive", "terrace", "highway"}
ADMIN_PREFIXES = {"county", "co", "co."}  # Irish and British style: "County Kerry", "Co Tipperary", "Co. Durham"
FEATURE_PREFIXES = {"fort", "mount", "lake", "port", "cape", "isle", "camp", "river",
                    "loch", "lough", "llyn", "afon"} | ADMIN_PREFIXES  # Scots, Irish and Welsh lakes and rivers
# A feature's or a division's word alone is no place: "the Gulf", "Port officials", "the Capital".
LONE_FEATURE_WORDS = FEATURE_SUFFIXES | FEATURE_PREFIXES | GENERIC_DIVISIONS
# ... and words that start one before "of": "Gulf of Qorvintal", "Bay of Velmora", "Cape of Good Hope".
FEATURE_OF_PREFIXES = {"gulf", "bay", "sea", "strait", "straits", "cape", "isle", "isles", "lake", "mouth", "shire"}
ADMIN_SUFFIXES = {"county", "parish", "province", "district", "region"}
# Words after a place name that make the name a local authority's, and so still a place
# ("Croydon Council", "Boone County Sheriff's Office", "Denver Police").
LOCAL_AUTHORITY_WORDS = {"council", "borough", "police", "sheriff", "coroner", "fire", "township",
                         "municipality", "city", "county", "parish", "district", "mayor", "lga"}
# A country, state, continent or capital, or a town this big, is a significant place (see _Places).
SIGNIFICANT_CODES, SIGNIFICANT_PEOPLE = {"PCLI", "ADM1", "CONT", "PPLC"}, 100_000
AIRPORT_TYPES = {word.lower() for word in AIRPORT_WORDS if " " not in word}  # "airport", "airfield", ...
# Words after a name that frame the sentence rather than make a noun phrase with it.
FRAME_WORDS = {"in", "on", "at", "of", "for", "from", "by", "with", "to", "as", "and", "or", "but", "who", "which",
               "that", "is", "was", "were", "are", "has", "had", "have", "will", "would", "told", "says"}
FEATURE_SOURCES = {"curated", "airports"}  # features named so that no other name is theirs ("Noto Airport")
MAJOR_CODES = ("PCLI", "ADM1", "CONT")
STREAM_CODES = {"STM", "STMS"}
NOUN_PHRASE_ENDS = {"", " ", "\n", ",", ".", ";", ":", ")"}  # what may follow a name used as a noun
# What may follow a river's name after "the": "the Xingu basin", "the Murray valley".
RIVER_NOUNS = {"basin", "valley", "delta", "catchment", "floodplain", "floodplains", "banks", "estuary", "headwaters",
               "waters", "system"}
# What a river does, after its name and maybe "is", "was also": "The Teesta crossed its danger level",
# "the Jamuna was rising", "The Mahaweli rises near Adam's Peak".
RIVER_VERBS = {"rises", "rose", "rising", "flows", "flowed", "flowing", "crested", "crests", "cresting", "peaked",
               "peaks", "swelled", "swells", "swollen", "swelling", "burst", "bursts", "overflowed", "overflows",
               "overflowing", "breached", "crossed", "receded", "recedes", "receding", "drains", "empties", "joins",
               "falls", "enters", "meanders", "snakes", "winds"}
# Nouns after "the" and a name no list holds that make it a thing's: "at the Qorvintal stadium".
THING_NOUNS = {"bloc", "pipeline", "stadium", "arena", "mosquito", "mosquitoes", "virus", "fever", "fishery",
               "festival", "party"}
RIVER_ONLY_VERBS = RIVER_VERBS - {"rises", "rose", "rising", "falls", "joins", "enters", "crossed", "winds", "snakes"}
RIVER_VERB_AUXILIARIES = {"is", "was", "has", "had", "been", "also", "still", "now", "again", "already"}
MONTHS_AND_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
}
COMMON_WORD_ZIPF = 4.0  # at or above this, a capitalised word is more likely a word than a place
OPENING_WORD_ZIPF = 4.5  # a sentence's first word this common is no part of a name after it
LOCAL_NAME_ZIPF = 5.0  # a word this common before "residents" or "officials" is no town's name ("Many residents")
ENGLISH_WORD_ZIPF = 2.5  # a word this common is English; opening a sentence before "on" it is no name
VILLAGE = 5_000  # people: an alternate name of a place this small is a weak clue
CITY = 100_000  # people: a city the text may name in full and then in short
RIVER_WORD_ZIPF = 4.3  # a word this common after "the" is no river known only with "River" ("the Test"; "the Murray" is)
KNOWN_WORD_ZIPF = 3.5  # a word this frequent needs more than an alternate name to be a place
NATURAL_CLASSES = {"H", "T", "V"}  # GeoNames classes of waters, terrain and vegetation: seas, ranges, forests
PATRONYMIC_WORDS = {"bin", "ibn", "bint", "binti"}  # "Wasdi bin Umri": the name after is a person's
NAME_PARTICLES = GERMANIC_PARTICLES | PATRONYMIC_WORDS | CONNECTORS  # inside a person's name: "van", "bin", "de"
ADVERB_ZIPF = 2.0  # an English word in -ly this frequent is an adverb ("Worryingly"), however rare, not a name
FOREIGN_WORD_ZIPF = 3.0  # below this, a capitalised word no place has is rather a club's or a company's
RARE_WORD_ZIPF = 3.3  # below this, a capitalised word after "in" may be an unlisted place
SURNAME_ZIPF = 4.75  # a surname this rare is no common noun ("Taylor", "Morgan"; not "Power", "Park")


class _RunFacts(NamedTuple):
    """What a capitalised run's own words say, wherever it stands; token indexes count from its start."""

    known_whole: bool  # the gazetteer holds the run as one name
    opens_with_title: bool  # "President Georgia Brown"
    borrowed: bool  # a publication's, club's, company's or car's name: "China Daily", "Real Madrid",
    # "Texas Instruments", "Ford Crown Victoria"
    organisation: bool  # an organisation's, event's or building's word is in it
    team: bool  # a place's name before a plural noun, as a team's name is: "Denver Broncos", "Lucknow Super Giants"
    feature_name: str | None  # shaped like a feature's name ("Metcalfe County"): its lookup name ("" for the run)
    feature_known: bool  # ... and the gazetteer knows that name
    feature_segment: bool  # one of several segments is shaped like a feature's name ("Dampier and Cape Lambert")
    segments: tuple  # (first, last) of the parts "and" separates
    matches: tuple  # (first, last, places, word) of the greedy longest gazetteer matches
    unknown_names: tuple  # the segments no match touches whose words may all be names ("Depsang")
    barren: bool  # no match, unknown name, feature name, nor an "of" ("Sen. Jane Doe of Ohio"): never a mention


class _RunPeople(NamedTuple):
    """What a capitalised run's own words say of people."""

    titled: bool  # a title inside it: "Russian President Vladimir Putin"
    after_title: tuple  # its capitalised words after its last title (all of them without one)
    surname: str  # "Walsh" of "John Walsh", a two- or three-word name no gazetteer holds; else ""
    given: str  # "John", when the surname is a rare word; else ""
    family: str  # the given name, when the pair may name a family ("Alice Morrow"); else ""


@dataclass
class _Match:
    first: int  # token indexes, inclusive
    last: int
    places: _Places
    word: str  # its tokens, space-separated


class Recognizer:
    """Finds place mentions in text with the gazetteer and general cues."""

    def __init__(self, gazetteer: Gazetteer, demonyms: bool = False):
        """`demonyms=True` also marks adjectives of countries ("Turkish", "Syrian") as mentions
        of the country, as some annotation guidelines (TR-News) do; others (GeoVirus) do not."""
        self.gazetteer = gazetteer
        self.demonyms = demonyms
        self.given_names = gazetteer.given_names()
        self.surnames = gazetteer.surnames()
        self.common_surnames = gazetteer.common_surnames()
        self._runs: dict[tuple[str, bool], _RunFacts] = {}
        self._people: dict[tuple[str, ...], _RunPeople] = {}

    def __call__(self, text: str) -> list[Mention]:
        toks = tokens(text)
        blocked = _debris_tokens(text, toks)
        capitalised = list(compress(range(len(toks)), map(attrgetter("is_capitalised"), toks)))
        run_ends = _RunEnds(toks)
        people = self._person_names(toks, capitalised, run_ends)
        mentions: list[Mention] = []
        after_run = 0
        for i in _name_starts(toks, capitalised):
            if i < after_run or i in blocked or self._plain_opening_word(toks, i, run_ends):
                continue
            end = run_ends[i]
            while (joined := self._joined_run_end(text, toks, i, end)) != end:  # "Stoke-on-Trent and Henley-on-Thames"
                end = joined
            mentions.extend(self._mentions_in_run(text, toks, i, end, people))
            after_run = end + 1
        mentions.extend(self._shared_directions(text, mentions))
        if diseases := _disease_names(text, toks):
            mentions = [m for m in mentions if not self._names_disease(toks, m, diseases)]
        return sorted({self._as_county(text, m) for m in mentions}, key=lambda m: m.start)

    def _names_disease(self, toks: list[Token], mention: Mention, diseases: set[str]) -> bool:
        """Is the mention the disease the text names after a place ("the second Marburg outbreak",
        "imported Marburg" beside "Marburg virus"), being no great place, nor put somewhere
        ("named after Marburg in Germany", "from Lassa, a town in Borno")?"""
        if fold(mention.text) not in diseases or _Places(self.gazetteer.candidates(fold(mention.text))).significant:
            return False
        first = bisect_left(toks, mention.start, key=attrgetter("start"))
        last = bisect_left(toks, mention.end, key=attrgetter("end"))
        placed = last + 2 < len(toks) and toks[last + 1].lowered in (",", "in") and toks[last + 2].is_capitalised
        return not (placed or _after_locative(toks, first))

    def _shared_directions(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A direction that shares the place after the next one: "Eastern" of "Eastern and Southern
        Europe" names Eastern Europe, "North" of "North and South Korea" North Korea."""
        shared = []
        for mention in mentions:
            first, _, rest = mention.text.partition(" ")
            before = DIRECTION_AND.search(text, max(0, mention.start - 20), mention.start)
            if rest and first.lower() in DIRECTIONS and before and before.group(1).lower() in DIRECTIONS:
                name = f"{before.group(1)} {rest}"
                if self.gazetteer.candidates(fold(name)):
                    shared.append(Mention(before.start(1), before.end(1), before.group(1), name=name, signal="gazetteer"))
        return shared

    def _as_county(self, text: str, mention: Mention) -> Mention:
        """A name before "county" or after a list ending in "counties" is looked up as the county:
        "Perry, Letcher and Knott counties" names Knott County; one before a feature's kind as the
        feature: "the Niger river" names the Niger River."""
        name = None if mention.name else self._county_before(text, mention.text, mention.end) \
            or self._feature_before(text, mention.text, mention.end) \
            or self._river_after_the(text, mention.start, mention.end)
        if name is None:
            return mention
        return Mention(mention.start, mention.end, mention.text, name=name, signal=mention.signal)

    def _feature_before(self, text: str, name: str, end: int) -> str | None:
        """The feature the name at `end` is, before its kind in lower case, where the gazetteer
        names it with the kind: "Niger River" of "the Niger river"."""
        after = KIND_AFTER.match(text, end)
        feature = after and f"{name} {after.group(1).capitalize()}"
        return feature if feature and self.gazetteer.candidates(fold(feature)) else None

    def _river_after_the(self, text: str, start: int, end: int, strict: bool = False) -> str | None:
        """The river a name after "the" (or "the upper", "the lower") stands for, as a noun: "the Ohio
        crested at Cairo", "its meeting with the Mississippi", "traffic on the Niger" (not "the Ohio
        delegation", nor a country English names with "the": "the Congo", "the Gambia", nor a feature
        of that name: "the Amazon"). `strict`, for a name that is no place by itself (a person's, or
        one known only with "River"), asks for a lower-case "the" and no verb after, though a river's
        noun may follow: "the Murray", "the Xingu basin" (not "The Hunter played"), unless what
        follows is what a river does: "The Teesta crossed its danger level"."""
        stretch = STRETCH_BEFORE.search(text, max(0, start - 11), start)  # "the lower Angara"
        before = "the " if stretch else text[max(0, start - 4): start]
        if before not in ("the ", "The "):
            return None
        follower = NEXT_WORD.match(text, end)  # the next word, after a space
        word = follower.group(1) if follower and follower.start(1) == end + 1 else ""
        flows = bool(word) and _river_verb_after(text, end)
        if strict and before == "The " and not flows \
                or text[end: end + 1] not in NOUN_PHRASE_ENDS \
                or word and not flows and word not in DIVISION_FOLLOWERS and not (word in RIVER_NOUNS if strict else (
                    word.islower() and word.endswith("ed"))):
            return None  # (a past tense ends the noun: "the Ohio crested")
        name = text[start:end]
        if strict and (name.isupper() or word_frequency(name.lower()) >= RIVER_WORD_ZIPF):
            return None  # a word or an initialism, not a river's name: "the Test", "the Virgin", "the DA"
        river = f"{name} River"
        names = self.gazetteer.candidates(fold(name))
        if any(c.place.feature_code == "PCLI" and fold(c.place.name) != fold(name) or c.place.source == "curated"
               for c in names) or not any(
                c.place.feature_code in STREAM_CODES for c in self.gazetteer.candidates(fold(river))):
            return None
        return river

    def _county_before(self, text: str, name: str, end: int) -> str | None:
        """The county (parish, district) the name at `end` is, before "county" or in a list before
        "counties": "Knott County" of "Perry, Letcher and Knott counties", "Kodagu District" of
        "Kodagu district"; None if the gazetteer has no such division."""
        after = COUNTY_AFTER.match(text, end, end + LIST_REACH_CHARS)
        if after is None:
            return None
        kind = SECOND_LEVEL_TYPES[after.group(1)]
        if kind == "District" and any(c.place.feature_code in ("ADM1", "ADM2") for c in self.gazetteer.candidates(fold(name))):
            return None  # "the Adrar district" is the division called Adrar, not Algeria's Adrar District
        return self._division_named(f"{name} {kind}", "ADM2")

    def _region_before(self, text: str, name: str, end: int) -> str | None:
        """The first-level division the name at `end` is, before its kind (see `_in_region_list`) or in a
        list before "regions": "Northern Region" of "results from the Northern region", "Western Region" of
        "the Western and Ashanti regions" (not "the Northern province of Alberta"); None if the
        gazetteer has no such division."""
        after = REGION_AFTER.match(text, end, end + LIST_REACH_CHARS)
        return self._division_named(f"{name} {after.group(1).capitalize()}", "ADM1") if after else None

    def _division_named(self, name: str, code: str) -> str | None:
        """The name, if the gazetteer holds a division of that level (`code`) by it."""
        return name if any(c.place.feature_code == code for c in self.gazetteer.candidates(fold(name))) else None

    def _listed_with_places(self, toks: list[Token], match, people, uncommon: bool = False) -> bool:
        """Is the match in a list of places, next to a name a place has and no person of the story:
        "Troy" of "parents from Troy, Genesee and Viola", "between Hooker and Tyrone" (not "in Texas,
        Philmont said")? With `uncommon`, a name that is no common word too: "Cambridge" of "Hamilton,
        Cambridge, Kitchener" (not "Law and Justice")."""
        def word(k: int) -> str:
            return toks[k].lowered if 0 <= k < len(toks) else ""
        before, after = match.first - 1, match.last + 1
        if not (word(before) in CONJUNCTIONS or word(after) in CONJUNCTIONS
                or word(after) == "," and word(after + 2) in LIST_JOINERS):  # "X and", "X, Y and"
            return False
        neighbours = [k for k, joiner in ((before - 1, before), (after + 1, after))
                      if word(joiner) in LIST_JOINERS and 0 <= k < len(toks)]
        return any(toks[k].is_capitalised and toks[k].text not in people and self._named_place(toks[k].text)
                   and not (uncommon and word_frequency(toks[k].lowered) >= COMMON_WORD_ZIPF) for k in neighbours)

    def _plain_opening_word(self, toks: list[Token], i: int, run_ends: _RunEnds) -> bool:
        """A common word capitalised only because it opens a sentence ("Yesterday Paris ...")."""
        token = toks[i]
        if not (_opens_sentence(toks, i) and i + 1 < len(toks)) or token.lowered in MEDIA_WORDS:
            return False  # "Radio Pyongyang said" is a broadcaster's name
        # before a capital, a very common word; before an English connector that would join it to a
        # name ("Commuters on Outer Ring Road"), any English word
        threshold = OPENING_WORD_ZIPF if toks[i + 1].is_capitalised else ENGLISH_WORD_ZIPF
        if not (toks[i + 1].is_capitalised or toks[i + 1].text in ENGLISH_CONNECTORS) \
                or word_frequency(token.lowered) < threshold and token.lowered not in OPENING_WORDS:
            return False  # (a rarer preposition too: "Neighbouring Mito")
        alone = i + 1 if token.lowered in OPENING_WORDS else i  # "From" alone names no Frome here
        return not any(self.gazetteer.candidates(fold(self._surface(toks, i, j)))
                       for j in range(alone, min(run_ends[i], i + MAX_NAME_TOKENS) + 1))

    def _ends_unplaced_compound(self, toks: list[Token], match) -> bool:
        """Is the match hyphened to a capitalised word before it that names no place: "Salé" of "Étang-Salé",
        "France" of "Météo-France", "Canada" of "Trans-Canada" (not "Pakistan" of "India-Pakistan" or
        "Indo-Pakistan", "Jutland" of "Mid-Jutland", "Hasakah" of "Al-Hasakah")?"""
        k = match.first
        written_together = k >= 2 and toks[k - 2].end == toks[k - 1].start and toks[k - 1].end == toks[k].start
        if not written_together or toks[k - 1].text != "-":
            return False  # (not "LASSA FEVER - WEST AFRICA")
        word = toks[k - 2]
        if not (word.is_capitalised and word.is_word) or word.text.endswith(".") or word.lowered in DIRECTIONS \
                or word.lowered in ARTICLES or word.lowered in COMBINING_FORMS or word.lowered == "mid":
            return False  # (also "U.S.-Mexico")
        # a small place's other name is no place here ("Étang" of Étang-sur-Arroux), a great one's is ("Kiev" of Kyiv)
        return not any(c.kind != "alt" or c.place.feature_code in SIGNIFICANT_CODES
                       or _people(c.place) >= SIGNIFICANT_PEOPLE for c in self.gazetteer.candidates(fold(word.text)))

    def _joined_run_end(self, text: str, toks: list[Token], first: int, last: int) -> int:
        """Extend the run over "of the" or a possessive "'s" and the run after it when the
        gazetteer holds the whole name ("Democratic Republic of the Congo", "People's Republic of China")."""
        k = last + 1
        width = _joiner_width(toks, k)
        if width == 1 and not (k + 1 < len(toks) and toks[k + 1].is_capitalised) \
                and self._ends_with_possessive(text, toks, first, k):
            return k  # "St. John's, Newfoundland" (not "St. Paul's Hospital": see _namesake)
        if not width or k + width >= len(toks) or not (toks[k + width].is_capitalised and toks[k + width].is_word):
            return last
        following = _run_end(toks, k + width)
        for start in range(max(first, last - MAX_NAME_TOKENS), last + 1):
            for end in range(following, k + width - 1, -1):
                if self.gazetteer.candidates(fold(text[toks[start].start: toks[end].end])):
                    return following
        return last

    def _media_or_club_word(self, text: str, toks: list[Token], k: int, last: int) -> bool:
        """Is token k a publication's or club's word ("Times", "Real"), and not the start of a place's
        name ("Sun Prairie", "Star City")?"""
        word = toks[k].lowered
        if word not in MEDIA_WORDS and word not in CLUB_WORDS:
            return False
        end = min(_capitalised_end(toks, k), last, k + MAX_NAME_TOKENS - 1)
        return not any(self.gazetteer.candidates(fold(text[toks[k].start: toks[j].end])) for j in range(k + 1, end + 1))

    def _ends_with_possessive(self, text: str, toks: list[Token], first: int, k: int) -> bool:
        """Does the gazetteer hold the run up to the "'s" at k as a name written so ("St. John's")?"""
        for start in range(max(first, k - MAX_NAME_TOKENS), k):
            candidates = self.gazetteer.candidates(fold(text[toks[start].start: toks[k].end]))
            if any("'" in c.place.name or "’" in c.place.name for c in candidates):
                return True
        return False

    @staticmethod
    def _surface(toks: list[Token], i: int, j: int) -> str:
        return " ".join(t.text for t in toks[i: j + 1])

    # --- one capitalised run -------------------------------------------------

    def _mentions_in_run(self, text, toks, first, last, people) -> list[Mention]:
        run = self._run_facts(text, toks, first, last)
        if run.barren:
            return self._river_by_its_name(text, toks, first, last)
        before = toks[first - 1].lowered.rstrip(".") if first > 0 else ""
        named_with_title = any(a == 0 < b for a, b, _, _ in run.matches)  # "General Santos and Cagayan de Oro"
        titled = (before in PERSON_TITLES and not _names_a_place(toks, first)
                  or run.opens_with_title and not named_with_title) \
            and (not run.known_whole or before in HONORIFICS)
        if titled and not (before == "by" and any(places.significant for _, _, places, _ in run.matches)):
            # "minister Paris Hilton", "President Georgia Brown" (not "Prince Edward Island", nor "backed
            # by Russia"); the place of a titled person stays: "Sen. Jane Doe of Ohio"
            of = next((k for k in range(first + 1, last) if toks[k].text == "of"), None)
            if of is not None:
                return self._mentions_in_run(text, toks, of + 1, last, people)
            return [m for a, b in run.segments[1:]  # the title is the first name's: "President Ilham Aliyev and
                    if any(a <= c and d <= b and places.significant for c, d, places, _ in run.matches)  # Hungary's"
                    for m in self._mentions_in_run(text, toks, first + a, first + b, people)]
        if before in SURNAME_PARTICLES and first > 1 and (not toks[first - 2].is_capitalised
                                                         or before in GERMANIC_PARTICLES and toks[first - 2].text in self.given_names):
            return []  # a surname: "a da Vinci drawing", "van Gogh's letters" (not "Rio de Janeiro")
        if _dateline_credit(toks, first, last):
            return []  # a dateline's credit: "BAMAKO, Mali (Sahel Wire) —"
        if run.borrowed:
            # a publication's or club's name: "The New York Times", "China Daily", "Real Madrid"; a car: "Ford
            # Crown Victoria" (not "Dodge City"); but a club's town after "of" is a place: "Rahimo FC of
            # Bobo-Dioulasso", "Jokerit of Helsinki and Dinamo Riga" (not a paper's: "The Times of India")
            return [m for a, b in run.segments
                    for of in [next((k for k in range(first + a + 1, first + b) if toks[k].text == "of"), None)]
                    if of is not None and not any(t.lowered in MEDIA_WORDS for t in toks[first + a: of])
                    for m in self._mentions_in_run(text, toks, of + 1, first + b, people)]
        if run.team and len(run.segments) > 1:
            return [m for a, b in run.segments for m in self._mentions_in_run(text, toks, first + a, first + b, people)]
        if run.team and not run.matches[0][2].country:
            return []  # a team's name: "Denver Broncos", "Punjab Kings" (not "U.S. Marines")
        if first < last and not run.known_whole and _team_follows(toks, last + 1):
            return []  # a team's name: "the Uganda Cranes football team" (not "the New Zealand cricket team")
        if len(run.segments) > 1 and (run.feature_name is not None or run.organisation and not run.known_whole
                                      and (not _has_organisation_word(toks, last, last)
                                           or run.segments[-1] in {m[:2] for m in run.matches})
                                      or not run.known_whole and run.feature_segment):
            # each name of "Metcalfe County and Adair County", "Market Rasen and Louth", "Brentwood and
            # Thompson's Station" on its own (not of "Saint Peter and Saint Paul Church")
            return [m for a, b in run.segments for m in self._mentions_in_run(text, toks, first + a, first + b, people)]
        matches = [_Match(first + a, first + b, places, word) for a, b, places, word in run.matches]
        if run.feature_name is not None and not toks[first].is_capitalised:
            # a direction before a feature describes it: "the upper Congo River" is the Congo River, "northern
            # Lake Tana" Lake Tana, each with its qualifier, as "northern Syria" is Syria
            return self._mentions_in_run(text, toks, first + 1, last, people)
        if run.feature_name is not None and not run.organisation \
                and (run.feature_known or _feature_of(toks, first) or toks[last].lowered in WATER_SUFFIXES
                     or toks[last].lowered in NATURAL_SUFFIXES and not any(m.first < m.last == last for m in matches)
                     or not any(m.first < m.last and not _named_before(toks, m, first, last) for m in matches)):
            # unless a known name of two words inside says better: "Kern County Water District"
            # (not the name of "Cape of Good Hope", nor a known end: "National Park" of "Virunga National Park")
            start, end = toks[first].start, toks[last].end
            return [Mention(start, end, text[start:end], name=run.feature_name, signal="pattern")]
        # A place's name with an organisation's word, where the text says it is a place: "in Clarks Summit",
        # "near Market Rasen", "born in Media, Pennsylvania" (not "at the White House", nor a lone "Hospital").
        organisation = run.organisation and not (run.known_whole and self._placed_by_text(toks, first, last)
                                                 and (first < last or self._before_container(toks, last)))
        mentions = []
        for match in matches:
            # In an organisation's name only a major place counts ("U.S. Army", "Bank of Canada").
            if organisation and (not (match.places.significant or _local_authority(toks, match, last))
                                     or match.first == match.last and _has_organisation_word(toks, match.first, match.last)
                                     and not _in_region_list(text, toks, match)
                                     or _names_a_school(toks, match, last)):
                continue  # "Bank of Canada" keeps Canada; "Howard Trust Centre" has no "Centre" region; "Ohio
                # State University" no Ohio
            mention = self._accept(text, toks, match, first, last, people)
            if mention:
                mentions.append(mention)
        if not organisation:
            for a, b in run.unknown_names:  # also beside a known name: "in Qorvintal and Kisii"
                mention = self._unknown_place(text, toks, first + a, first + b, people)
                if mention:
                    mentions.append(mention)
            if not mentions and len(run.segments) == 1 and matches \
                    and all(_article_joined(toks, m, first, last) or _connector_joined(toks, m, first, last) for m in matches):
                mention = self._unknown_place(text, toks, first, last, people)  # "in Torres del Paine" as one name
                if mention:
                    mentions.append(mention)
        return mentions or self._river_by_its_name(text, toks, first, last)

    def _river_by_its_name(self, text, toks, first, last) -> list[Mention]:
        """A river after "the" by a name that is no place by itself: a person's name, or one the
        gazetteer knows only with "River" ("the Murray", "the Xingu basin", "The Teesta crossed")."""
        if toks[first].text == "The" and first < last:
            first += 1  # the run opens a sentence: "The Teesta"
        start, end = toks[first].start, toks[last].end
        river = self._river_after_the(text, start, end, strict=True)
        return [Mention(start, end, text[start:end], name=river, signal="pattern")] if river else []

    def _run_facts(self, text, toks, first, last) -> _RunFacts:
        """What the run's own words say, worked out once per distinct run (its text, and whether
        it opens a line): names recur across articles."""
        start = toks[first].start
        key = (text[start: toks[last].end], start == 0 or text[start - 1] == "\n")
        facts = self._runs.get(key)
        if facts is None:
            if len(self._runs) >= RUN_CACHE_SIZE:
                self._runs.clear()
            feature = self._feature_name(text, toks, first, last)
            known_whole = bool(self.gazetteer.candidates(fold(key[0])))
            segments = tuple((a - first, b - first) for a, b in _segments(toks, first, last, parts=not known_whole))
            matches = tuple((m.first - first, m.last - first, m.places, m.word) for m in self._match_run(text, toks, first, last))
            unknown_names = tuple((a, b) for a, b in segments
                                  if not any(a <= m[1] and m[0] <= b for m in matches)
                                  and not any(_not_a_name(t.text) and not (first + a == 0 and _dateline_word(t.text))
                                              for t in toks[first + a: first + b + 1] if t.is_capitalised))
            facts = self._runs[key] = _RunFacts(
                known_whole=known_whole,
                opens_with_title=first < last and _is_title(toks[first]),
                borrowed=not known_whole and (
                    any(self._media_or_club_word(text, toks, k, last) for k in range(first, last + 1))
                    or first < last and toks[last].lowered.rstrip(".") in BORROWED_SUFFIXES
                    or first < last and toks[first].text in VEHICLE_MAKES and len(segments) == 1
                    or feature is None and self._brand_before_place(toks, first, last, matches)),
                organisation=_has_organisation_word(toks, first, last) and toks[last].lowered not in STREET_SUFFIXES
                and toks[last].lowered not in AIRPORT_TYPES,
                team=not known_whole and any(
                    _team_shaped(toks, first + a, first + b, self.given_names,
                                 tuple((c - a, d - a, p, w) for c, d, p, w in matches if a <= c <= b))
                    for a, b in segments),
                feature_name=None if feature is None else feature.name,
                feature_known=feature is not None and bool(self.gazetteer.candidates(feature.key)),
                feature_segment=len(segments) > 1 and any(self._feature_name(text, toks, first + a, first + b)
                                                          is not None for a, b in segments),
                segments=segments, matches=matches, unknown_names=unknown_names,
                barren=not (matches or unknown_names) and feature is None and all(t.text != "of" for t in toks[first + 1: last]))
        return facts

    def _brand_before_place(self, toks: list[Token], first: int, last: int, matches: tuple) -> bool:
        """Do foreign words no place's name has or starts with come before a place's name that ends
        the run, as in a club's, company's or person's name: "Kairat Almaty", "Entergy Louisiana",
        "Hideki Matsuyama" (not "Ciudad Hidalgo", "Kampung Baru", "CTV Winnipeg")?"""
        if len(matches) != 1 or matches[0][0] == 0 or first + matches[0][1] != last \
                or toks[last].lowered in LONE_FEATURE_WORDS | STREET_SUFFIXES:
            return False
        return all(t.text.isalpha() and not t.text.isupper() and word_frequency(t.lowered) < FOREIGN_WORD_ZIPF
                   and not self.gazetteer.candidates(fold(t.text)) and not self.gazetteer.opens_a_name(fold(t.text))
                   for t in toks[first: first + matches[0][0]])

    def _match_run(self, text, toks, first, last) -> list[_Match]:
        """Greedy longest gazetteer matches inside the run [first, last]."""
        matches, i = [], first
        while i <= last:
            found = None
            if toks[i].is_capitalised:
                for j in range(min(last, i + 2 * MAX_NAME_TOKENS), i - 1, -1):
                    if not (toks[j].is_capitalised or toks[j].text in POSSESSIVE_MARKS):  # "St. John's"
                        continue
                    places = self._lookup(text, toks, i, j)
                    if places:
                        found = _Match(i, j, places, self._surface(toks, i, j))
                        break
            if found and _only_directions(toks, found.first, found.last) and _qualifies_next(toks, found.last, last):
                found = None  # "Eastern" before "Ladakh" is a qualifier, not the "Eastern" province
            if found:
                matches.append(found)
                i = found.last + 1
            else:
                i += 1
        return matches

    def _lookup(self, text, toks, i, j) -> _Places:
        surface = text[toks[i].start: toks[j].end]
        candidates = self.gazetteer.candidates(fold(surface))
        if not candidates:
            return _Places()
        opens_line = toks[i].start == 0 or text[toks[i].start - 1] == "\n"
        dateline = opens_line and len(surface) == 3 and j + 2 < len(toks) and toks[j + 1].text == "," \
            and toks[j + 2].is_capitalised  # "QOM, Iran —"
        if _is_acronym(surface) and (
                len(surface) < 4 and not dateline
                or len(surface) == 4 and not opens_line and not _capital_after_in(toks, i, candidates)):
            # "US", not "Us"; "LONDON" may be London, and so may "KYIV", "ROME" or "QOM, Iran" opening a dateline,
            # or a capital or town of 100,000 after "in" in a sentence's small letters ("in APIA", not "in NATO");
            # a state's two-letter postal code only after its town: "Paris, KY" (not "LA Galaxy"; "NSW" stays),
            # and not in a headline's capitals ("FLOODS HIT TOWN, IN PICTURES") nor before a name ("NB Power")
            postal = len(surface) == 2 and not (_after_name_and_comma(toks, i) and not (
                j + 1 < len(toks) and _is_acronym(toks[j + 1].text) or _opens_longer_name(text, toks, j))
                or opens_line and HEADING_DASH.match(text, toks[j].end))  # a roundup's state: "WA — Perth ..."
            return _Places(c for c in candidates if c.kind == "abbr" and not (postal and c.place.feature_code == "ADM1"))
        if any(c.kind == "demonym" for c in candidates):
            if j + 1 < len(toks) and toks[j + 1].text in DEMONYM_DIVISION_NOUNS:  # "the Somali region" of Ethiopia
                divisions = _Places(c for c in candidates if c.kind == "name" and c.place.feature_code == "ADM1")
                if divisions:
                    return divisions
            # "Canadian" is an adjective of Canada before it is a town in Texas.
            return _Places(c for c in candidates if c.kind == "demonym") if self.demonyms else _Places()
        abbreviated = "." in surface or _after_name_and_comma(toks, i) and not _opens_longer_name(text, toks, j)
        # "Ky." and, after a town, "Ky" (not "Al" of "In Riyadh, Al Hilal" or "In Iraq, Al-Shorta")
        return _Places(c for c in candidates if c.kind in ("name", "alt") or c.kind == "abbr" and abbreviated)

    def _accept(self, text, toks, match, first, last, people) -> Mention | None:
        """Keep a gazetteer match unless its position or the word says it is no place."""
        word = match.word
        significant = match.places.significant
        if _eponym(text, toks, match.first, match.last):
            return None  # "West Nile virus", "Ebola fever", "US$", "$US"
        if _route_number(toks, match):
            return None  # a highway: "U.S. 84", "US 101"
        if SPEAKING_AFTER.match(text, toks[match.last].end):
            return None  # a language: "English-speaking"
        if _scored(toks, match) or _result_side(toks, match) or _versus_side(toks, match) or _fixture_side(toks, match) \
                or _before_team_role(toks, match.last) and not _placed_by_locative(toks, match):
            return None  # a team: "beat Seymour 42-7", "Georgia beat Texas 30-15", "Ghana v Mali", "Kerry beat Mayo",
            # "Boca coach", "Marseille's fans"
        if _all_or_pan(toks, match.first):
            return None  # an adjective of the whole: "All-Ireland champions", "the All-Africa Games"
        if _titled_work(toks, match.first, first, last) or _listed_as_brands(toks, match.first) \
                or _listed_as_kin(toks, match.first) or self._bracketed_name_after(toks, match.last) \
                or self._bracketed_name(toks, match.first):
            return None  # a work's, band's or horse's name: "the band Boston", "starred in "Casablanca""; a
            # brand's: "sold under the labels Lucerne, Sunshine and Sun Valley"; a relative's, as obituaries
            # list them: "grandchildren Dakota, Cheyenne and Brooklyn", "her daughter, Savannah", "Warren (Linda)
            # Tollefson", "Ruth (Hagen) Lindquist"
        if match.places.landmark and acts_as_government(text, toks[match.first].start, toks[match.last].end):
            return None  # a seat of power that acts is a government: "the Kremlin denied it" (not "crew based
            # at Heathrow said")
        start, end = toks[match.first].start, toks[match.last].end
        county = self._county_before(text, text[start:end], end)
        if county or _opens_dateline(toks, match.first, match.last):  # "Jackson and Hill counties", "MARION —"
            return Mention(start, end, text[start:end], name=county or "", signal="gazetteer")
        demonym = match.places.demonyms
        direction = _direction(toks, match.first, first)
        if direction is not None and demonym:
            return None  # "East Asian", "southern European": an adjective of a part, not the place
        if demonym and _language(toks, match.first, match.last):
            return None  # "she speaks French", "he shouted in Turkish": a language
        if direction is not None:
            start_token = toks[direction]
            qualifier = DIRECTIONS["-".join(t.lowered for t in toks[direction: match.first] if t.text != "-")]
            if not start_token.is_capitalised:  # "northern China": China, described
                return Mention(start, end, text[start:end], qualifier=qualifier, signal="qualified")
            return Mention(start_token.start, end, text[start_token.start: end], name=text[start:end],
                           qualifier=qualifier, signal="qualified")
        local = _before_local_body(toks, match.last) and word_frequency(word.lower()) < LOCAL_NAME_ZIPF
        named_by_body = local or _local_authority(toks, match, last)  # no person's name: "Clinton police", "Mangu LGA"
        strongly_placed = _placed_by_locative(toks, match) or self._listed_with_places(toks, match, people)
        placed = strongly_placed or _after_locative(toks, match.first)
        if (word in people.given or word in people.surnames and not match.places.populous) and not named_by_body \
                and not placed and not self._before_container(toks, match.last):
            return None  # "Chad Morrow ... said Alice Morrow, Chad's mother"; "Mei Lau ... Tom Lau"
        speaker = (_speaker(toks, match) or people.get(word) and _person_subject(toks, match)) \
            and not _division_shaped(toks, match)
        if speaker and _according_to(toks, match.first) and not match.places.populous \
                and match.last + 1 < len(toks) and toks[match.last + 1].text == ",":
            return None  # a source: "According to Yap, the tests were negative" (not "according to Islamabad,")
        if not named_by_body and (word in people and (not significant and not strongly_placed
                                                      or word in people.after_given
                                                      and not match.places.major and not placed)
                and (speaker or not (self._before_container(toks, match.last) or _called_a_place(toks, match.last)))
                or speaker and (not match.places.major and (self._may_be_persons(word) or not significant)
                                or people.get(word)
                                or word in people.after_given)
                and not self._before_container(toks, match.last)):
            return None  # "John Walsh ... Walsh"; "Kemp said", "said Moss", "Mayor Ann Boston ... Boston said" (not
            # "in Hastings, Nebraska")
        if _hyphen_joined(text, toks, match, first, last) and not significant or self._ends_unplaced_compound(toks, match):
            return None  # part of a compound: "Wal-Mart", "Hewlett-Packard", "Étang-Salé", "Météo-France"
        if not significant and _named_after(toks, match.last):  # the feature named after it: "Adam's Peak",
            feature_end = toks[match.last + 2].end  # "St. Martin's Island", not Adam, Oman
            return Mention(start, feature_end, text[start:feature_end], name=text[start:feature_end], signal="pattern")
        if _article_joined(toks, match, first, last) \
                or _connector_joined(toks, match, first, last) and not match.places.populous:
            return None  # part of a longer name the gazetteer lacks: "Ras" and "Ain" of "Ras al-Ain", "Paine"
            # of "Torres del Paine" (but "Chile" of "Universidad de Chile")
        if _namesake(toks, match, significant) and not local and toks[match.last].lowered not in ADMIN_SUFFIXES \
                and not any(c.place.feature_code in MAJOR_CODES for c in match.places):
            return None  # "St. Joseph's Hospital", "McDonald's restaurant"; not "Britain's Foreign Office", "Lyon's
            # airport", "Pike County's school board"
        if _glued(text, toks, match.first - 1, match.first, first, last) \
                and not (any(c.place.source == "curated" for c in match.places)
                         and self._after_country(text, toks, match.first, first)) \
                and (not match.places.major or people.get(word) and not match.places.country
                     or (self._after_given_name(toks, match.first)
                         or people.get(word) and people.get(toks[match.first - 1].text))  # a titled name's words
                     and not (match.places.country and self._after_great_place(toks, match.first))) \
                and not _local_authority(toks, match, last):
            # surname position: "Rajnath Singh", "Dong Jun"; even a great city's after a given name: "Karen
            # Dallas", and a country's after one that is no great place, or after a name a title vouches for:
            # "Michael Jordan", "board member Patsy Jordan" (not "Sydney Australia",
            # nor a feature's after a country's adjective or name: "the Brazilian Amazon", "the U.S. East Coast",
            # not "the Belgian Red Cross")
            return None
        if _glued(text, toks, match.last, match.last + 1, first, last) and not _local_authority(toks, match, last):
            following = toks[match.last + 1]
            if not significant or word_frequency(following.lowered) < RARE_WORD_ZIPF and not match.places.major \
                    or people.get(following.text) and not match.places.country \
                    or self._opens_persons_name(toks, match, first, last):
                return None  # a first name ("Vladimir Putin", "Paris Hilton"); a major place may modify ("Kentucky State Police")
        if match.first == match.last and match.last + 2 < len(toks) and toks[match.last + 1].text in SURNAME_PARTICLES \
                and word in self.given_names and toks[match.last + 2].is_capitalised \
                and self._may_be_surname(toks[match.last + 2].text) \
                and not self.gazetteer.candidates(fold(toks[match.last + 2].text)):
            return None  # a given name before a particle and a surname: "Dominique de Villepin" (not Dominica,
            # nor "Trinidad de Cuba")
        lower = word.lower().rstrip(".")  # "Nov."
        if lower in DIRECTIONS:  # a compass word names a place only as a division's: "the Northern region"
            region = self._region_before(text, word, end)
            return Mention(start, end, text[start:end], name=region, signal="gazetteer") if region else None
        if lower in MONTHS_AND_DAYS or lower in HOLIDAYS or lower in CLIMATE_PATTERNS or lower in FAITHS:
            return None
        if lower in SEASONS and _dated(toks, match.first):
            return None  # "the Summer of 2008", "last Spring"
        if match.first == match.last and word in self.given_names and self._couple(toks, match.last) \
                and (not significant or self._full_name(toks, match.last + 2)):
            return None  # "born to Harold and Ruth Chester", "born to Jordan and Kayla Clay"
        if word.endswith(".") and word[:-1].isalpha() and all(c.kind == "abbr" for c in match.places) \
                and word_frequency(word[:-1].lower()) >= KNOWN_WORD_ZIPF and not _after_name_and_comma(toks, match.first):
            return None  # "attended Mass.": an abbreviation that is also a word needs "Boston, Mass."
        if match.first == match.last and lower in LONE_FEATURE_WORDS and (
                match.last + 1 < len(toks) and toks[match.last + 1].text[:1].isdigit()
                or not self._before_container(toks, match.last)
                and not (match.first > 0 and (toks[match.first - 1].lowered in LOCATIVES or toks[match.first - 1].text
                                              in (",", "and", "or") and _after_locative(toks, match.first)))
                and not (match.places.curated_feature and first == match.first > 0 and toks[first - 1].lowered == "the"
                         and first == last)
                and not _in_region_list(text, toks, match)):
            return None  # a feature's word alone is no place: "Gulf Air", "Region 8", "the Capital" (but "in Delta",
            # and the sea news calls by the word: "tankers sailing into the Gulf")
        if match.first == match.last and (frequency := word_frequency(word.lower())) >= COMMON_WORD_ZIPF:
            # A common word ("Centre", "Lakes", "Buffalo") is a place when it is a country, a place of
            # 500,000 or a division (one named by a very common word, "Rose", "Jewish", only if it is
            # that big), when the text puts it after "in", "at", "near", before ", New York",
            # calls it a place ("Orange is a town in New South Wales") or names it in full ("Rio"); and
            # a sea, river, range or forest news names by the word, after "the" ("crossed the Atlantic").
            if not (match.places.populous or match.places.major and frequency < OPENING_WORD_ZIPF
                    or match.places.curated or _after_locative(toks, match.first)
                    or self._listed_with_places(toks, match, people, uncommon=True)
                    or match.places.curated_feature and match.first > 0 and toks[match.first - 1].lowered == "the"
                    or self._before_container(toks, match.last)
                    or match.first > 0 and toks[match.first - 1].lowered in ("through", "into")  # "through Miami"
                    or _bound_for(toks, match.first) or self._listed_after_place(toks, match.first)
                    or _named_as_places(toks, match.first)
                    or self._after_origin(toks, match.first) or _resident_of(toks, match.first, match.last)
                    or _called_a_place(toks, match.last) or local or _named_in_full(text, match)
                    or BASED_AFTER.match(text, toks[match.last].end)  # "a Richmond-based bank"
                    or _in_region_list(text, toks, match)  # "the Bay and Bakool regions"
                    or DISTANCE_OFF.match(text, toks[match.last].end)  # "Sake, 25 km west of Goma"
                    or PEOPLE_AFTER.match(text, toks[match.last].end)
                    or _attributed_to_place(text, end) or FAR_AS_BEFORE.search(text, max(0, start - 30), start)):
                return None
        if match.first == match.last and _opens_sentence(toks, match.first) and not significant \
                and not word.isupper() and text.count(word) == 1 \
                and word_frequency(word.lower()) >= (ENGLISH_WORD_ZIPF if match.places.villages else KNOWN_WORD_ZIPF) \
                and not (self._before_container(toks, match.last) or _called_a_place(toks, match.last) or local
                         or _named_in_full(text, match) or _heading_town(toks, match.first)
                         or _attributed_to_place(text, end)):
            return None  # a word capitalised only as it opens a sentence, and nowhere else: "Cocoa prices rose"
            # (a rarer one if only villages bear it: "Lorry drivers say")
        if match.first == match.last and not match.places.denoted \
                and (word_frequency(word.lower()) >= KNOWN_WORD_ZIPF or match.places.villages) \
                and not (_after_locative(toks, match.first) or self._after_origin(toks, match.first)
                         or _resident_of(toks, match.first, match.last) or _named_in_full(text, match)
                         or _other_name_given(text, toks, match)):
            if all(c.place.source in UNCOUNTED_TOWN_SOURCES for c in match.places):
                # a town no source counts is a place where the text says so, as a name no list holds:
                # "the Mvurwi, Centenary and Guruve areas"
                return self._unknown_place(text, toks, match.first, match.last, people)
            return None  # a known word, or a village's other name, outside a locative: "Hamas" (Hamm), "Burch" (a village's)
        signal = "demonym" if demonym else "gazetteer"
        return Mention(start, end, text[start:end], signal=signal)

    def _placed_by_text(self, toks: list[Token], first: int, last: int) -> bool:
        """Does the text put the run where places go: after "in" (not "in the"), before its state, or
        where a person is from?"""
        return not (first > 0 and toks[first - 1].lowered == "the") and (
            _after_locative(toks, first) or self._before_container(toks, last) or self._after_origin(toks, first))

    def _after_origin(self, toks: list[Token], i: int) -> bool:
        """Does token i follow a person's "of", the place they are from: "Ann Pike, 54, of Tyler",
        "James Suver of Columbia", "Jane Holt, of Tyler" (a name that opens with a given name)?"""
        if i < 3 or toks[i - 1].text != "of":
            return False
        if i >= 5 and _aged(toks, i - 5):  # "Ann Pike, 54, of Tyler"
            return True
        end = i - 3 if toks[i - 2].text == "," else i - 2  # the name's last word
        start = end
        while start > 0 and toks[start - 1].is_capitalised and toks[start - 1].is_word and end - start < 2:
            start -= 1
        return 1 <= end - start <= 2 and (toks[start].text in self.given_names or _after_age(toks, start)) \
            and not (start > 0 and toks[start - 1].is_capitalised) \
            and not any(t.lowered in ADMIN_SUFFIXES for t in toks[start: end + 1]) \
            and not _has_organisation_word(toks, start, end)  # "Henry County Chamber of Commerce"

    def _couple(self, toks: list[Token], i: int) -> bool:
        """Is token i a given name joined to another before a surname: "Harold and Ruth Chester"?"""
        return i + 3 < len(toks) and toks[i + 1].text in ("and", "&") and toks[i + 2].text in self.given_names \
            and toks[i + 3].is_capitalised and toks[i + 3].is_word

    def _after_great_place(self, toks: list[Token], i: int) -> bool:
        """Is token i after a word naming a country, division, capital or city ("Sydney Australia")?"""
        return _Places(self.gazetteer.candidates(fold(toks[i - 1].text))).significant

    def _after_given_name(self, toks: list[Token], i: int) -> bool:
        """Is token i after a given name ("Karen Dallas", "Sheriff Dale Washington")?"""
        return toks[i - 1].text in self.given_names

    def _opens_persons_name(self, toks: list[Token], match: _Match, first: int, last: int) -> bool:
        """Is the match a given name before a surname (and maybe a middle name), the whole run: "Paris
        Hilton", "Jordan Henderson", "Jordan Smith", "Mary Ellen Jones" (not "Georgia Power": a surname
        that common a word may be a noun, unless it is one of the most common surnames)?"""
        i = match.first
        if match.last != i or i + 1 > last or i > first and toks[i - 1].is_capitalised \
                or toks[i].text not in self.given_names:
            return False
        if i + 2 <= last and toks[i + 2].is_capitalised:  # a middle name: "Mary Ellen Jones"
            if toks[i + 1].text not in self.given_names or i + 3 <= last and toks[i + 3].is_capitalised:
                return False
            i += 1
        return self._may_be_surname(toks[i + 1].text)

    def _may_be_surname(self, word: str) -> bool:
        """Is the capitalised word a surname, or a rare word no place has: "Hilton", "Villepin"?"""
        frequency = word_frequency(word.lower())
        return word.lower() not in DIRECTIONS and (
            word in self.surnames and frequency < SURNAME_ZIPF or word in self.common_surnames
            or frequency < RARE_WORD_ZIPF and not self.gazetteer.candidates(fold(word)))

    def _before_container(self, toks: list[Token], last: int, whole: bool = False) -> bool:
        """Is the name ending at `last` followed by ", State" or ", Country" ("Buffalo, New York")?
        With `whole`, that name must be all of the run after the comma, and no possessive ("Sudan's")."""
        k = last + 2
        if k >= len(toks) or toks[last + 1].text != "," or not toks[k].is_capitalised:
            return False
        run_end = _run_end(toks, k)
        if whole:
            possessive = run_end + 1 < len(toks) and toks[run_end + 1].text in POSSESSIVE_MARKS
            ends = [] if possessive or run_end - k >= MAX_NAME_TOKENS else [run_end]
        else:
            ends = range(min(run_end, k + MAX_NAME_TOKENS - 1), k - 1, -1)
        for end in ends:
            candidates = self.gazetteer.candidates(fold(self._surface(toks, k, end)))
            if any(c.place.feature_code in ("PCLI", "ADM1") for c in candidates):
                return True
        return False

    def _person_names(self, toks: list[Token], capitalised: list[int], run_ends: _RunEnds) -> _People:
        """Words this article uses as people's names, each mapped to whether a title vouches for it.

        After a title ("minister Rajnath Singh", "Russian President Vladimir Putin")
        every word of the name, vouched for; in a two- or three-word run that no
        gazetteer holds whole ("John Walsh"), the surname, and the given name too
        when the surname is a rare word and the given name a known one or no
        place's. The names of a family the article names
        twice ("Chad Morrow" and "Alice Morrow") are kept apart: such a given name
        is a person's even when it is a country's, and such a surname unless it is a
        populous place's.
        """
        names = _People()
        families: dict[str, set[str]] = defaultdict(set)  # surname: the given names seen with it
        after_run = 0
        for i in capitalised:  # a name starts at a capital
            if i < after_run:
                continue
            end = run_ends[i] if toks[i].is_word else i
            after_run = end + 1
            if toks[end].lowered in FEATURE_SUFFIXES:
                continue  # "the Belize Barrier Reef" names no one
            if end == i + 1 and toks[i].lowered in DETERMINERS and end + 1 < len(toks) \
                    and toks[end + 1].text in FEATURE_NOUNS | DIVISION_NOUNS | {"-"}:
                continue  # "The Gurgaon-based airline", "The Qorvintal river" name no one
            if i == end:  # one word: a person's only after a title ("minister Singh") or "bin" ("Wasdi bin
                # Umri"); an agency's name ("the Xinhua news agency") is no place either
                if _after_title(toks, i) or _after_patronymic(toks, i) or _names_an_agency(toks, i) \
                        or _aged(toks, i) and i + 4 < len(toks) and not toks[i + 4].is_capitalised:
                    names[toks[i].text] = True  # ... or with an age: "said Khalil, 38, who"
                continue
            run = self._run_people(toks, i, end)
            if _the_thing(toks, i, end) and not run.titled:
                continue  # "the Rio Ruidoso with her cat": no one (but "the Tony Blair government")
            if _after_title(toks, i) or run.titled or _after_age(toks, i):
                names.update((word, True) for word in run.after_title)
            elif run.surname:
                if _aged(toks, end) or _introduced_speaker(toks, i, end):  # "Dallas Fulton, 91, of Monroe",
                    names.update((word, True) for word in run.after_title)  # "said Victoria Lim, a shopkeeper"
                names.setdefault(run.surname, False)
                if toks[i].text in self.given_names:
                    names.after_given.add(run.surname)
                if run.given:
                    names.setdefault(run.given, False)
            if run.family and not run.titled:  # "the victim's sister, Alice Morrow" is of the family too
                families[run.surname].add(run.family)
        families = {surname: given_names for surname, given_names in families.items()
                    if given_names & self.given_names}  # not "the Monaco Grand Prix ... the Spanish Grand Prix"
        names.given.update(given for surname, given_names in families.items()
                           if len(given_names) > 1 or names[surname] for given in given_names)
        names.surnames.update(surname for surname, given_names in families.items() if len(given_names) > 1)
        return names

    def _bracketed_name_after(self, toks: list[Token], i: int) -> bool:
        """Is the word a given name with a spouse's or a maiden name in brackets before the surname, as
        obituaries list survivors: "Warren (Linda) Tollefson", "Ruth (Bakke) Halvorson"?"""
        return i + 4 < len(toks) and toks[i + 1].text == "(" and toks[i + 3].text == ")" \
            and (toks[i + 2].text in self.given_names or toks[i + 2].text in self.surnames) \
            and toks[i + 4].is_capitalised and toks[i + 4].is_word

    def _bracketed_name(self, toks: list[Token], i: int) -> bool:
        """Is the word that spouse's or maiden name in brackets: "Denise" of "Austin (Denise) Lindquist"?"""
        return i >= 2 and toks[i - 1].text == "(" and self._bracketed_name_after(toks, i - 2)

    def _full_name(self, toks: list[Token], i: int) -> bool:
        """Do tokens i and i + 1 alone make a person's full name: a given name no place has as its own,
        then a word no date ("Kayla Clay"; not "Israel Tuesday")?"""
        return _capitalised_end(toks, i) == i + 1 and not self._named_place(toks[i].text) \
            and toks[i + 1].lowered not in MONTHS_AND_DAYS

    def _run_people(self, toks: list[Token], first: int, last: int) -> _RunPeople:
        """What a capitalised run's own words say of people, worked out once per distinct run."""
        words = toks[first: last + 1]
        key = tuple(map(attrgetter("text"), words))
        facts = self._people.get(key)
        if facts is not None:
            return facts
        if len(self._people) >= RUN_CACHE_SIZE:
            self._people.clear()
        titled = [k for k, t in enumerate(words[:-1]) if _is_title(t)]
        after = titled[-1] + 1 if titled else 0
        of = next((k for k in range(after, len(words)) if words[k].text == "of"), len(words))  # "Sen. Jane Doe of Ohio"
        facts = _RunPeople(bool(titled), tuple(t.text for t in words[after: of] if t.is_capitalised), "", "", "")
        name = words[:min(_capitalised_end(toks, first), last) - first + 1]  # "Nora Pelham of Brampton": ends at "of"
        if 2 <= len(name) <= 3 and all(t.is_word and t.is_capitalised for t in name) \
                and not (len(name) == 2 and name[0].lowered in DETERMINERS and self._named_place(name[1].text)) \
                and name[0].lowered not in OPENING_WORDS \
                and not self.gazetteer.candidates(fold(self._surface(toks, first, first + len(name) - 1))) \
                and not _has_organisation_word(toks, first, last) \
                and not any(t.lowered in CLUB_WORDS or t.lowered in MEDIA_WORDS for t in name):
            # not "The Truro skater", nor "Dynamo Kiev"
            given, surname = name[0].text, name[-1].text
            family = not (_is_acronym(given) or _is_acronym(surname) or _is_title(name[-1]))
            facts = facts._replace(surname=surname, family=given if family else "",
                                   given=given if word_frequency(surname.lower()) < RARE_WORD_ZIPF
                                   and (given in self.given_names or not self.gazetteer.candidates(fold(given)))
                                   else "")  # not "Looe" of "the Looe Lugger regatta"
        self._people[key] = facts
        return facts

    def _may_be_persons(self, word: str) -> bool:
        """Could the word be a person's name ("Kemp said", "Glen Rose said"), or is it a place's alone
        ("Tacloban says", "New Delhi says")?"""
        first, _, rest = word.partition(" ")
        if rest:
            return first in self.given_names
        return word in self.surnames or word in self.given_names or word_frequency(word.lower()) >= RARE_WORD_ZIPF

    def _named_place(self, word: str) -> bool:
        """Is the word the main name of a gazetteer place?"""
        return any(c.kind == "name" for c in self.gazetteer.candidates(fold(word)))

    def _feature_name(self, text, toks, first, last) -> Mention | None:
        """A run shaped like a feature's name: "Metcalfe County", "Lake Erie", "Church Street"."""
        words = [t for t in toks[first: last + 1] if t.is_capitalised and t.is_word]
        if first > 1 and toks[first - 1].text in ORDINAL_ENDS and toks[first - 2].text.isdigit() \
                and _adjacent(toks[first - 2], toks[first - 1]):
            return None  # a numbered district: "the 2nd Congressional District"
        if len(words) < 2 or not (words[-1].lowered in FEATURE_SUFFIXES or words[0].lowered in FEATURE_PREFIXES
                                  or _feature_of(toks, first)):
            return None
        surface = text[toks[first].start: toks[last].end]
        if self.gazetteer.candidates(fold(surface)):
            return None  # the gazetteer knows it whole; the normal path takes it
        name = surface
        if words[-1].lowered in ADMIN_SUFFIXES and not (len(words) == 2 and _generic(words[0].text)):
            name = text[toks[first].start: words[-2].end]  # "Santa Clara County" is looked up as "Santa Clara"
        elif words[0].lowered in ADMIN_PREFIXES:  # "Co Tipperary" is looked up as "Tipperary" ...
            name = text[words[1].start: toks[last].end]
            own = name.split(" and ")[0]  # (the first of "County Kerry and Co. Meath": the segments are split later)
            if not any(c.place.feature_code.startswith("ADM") for c in self.gazetteer.candidates(fold(own))):
                return None  # ... if that is a division: not "County Council"
        elif words[-1].lowered in AIRPORT_TYPES:  # an airport the gazetteer lacks is looked up as the great town
            if all(w.lowered in AIRPORT_QUALIFIERS for w in words[:-1]):  # it opens with: "Halifax Stanfield
                return None  # International Airport" as Halifax (not "the new International Airport")
            name = next((text[words[0].start: w.end] for w in reversed(words[:2]) if words[0].lowered not in CONNECTORS
                         and _Places(self.gazetteer.candidates(fold(text[words[0].start: w.end]))).significant), surface)
        elif words[0].lowered == "river":  # "River Severn" is looked up as the Severn or the Severn River
            rest = text[words[1].start: toks[last].end]
            name = next((option for option in (rest, f"{rest} River")
                         if any(c.place.feature_class == "H" for c in self.gazetteer.candidates(fold(option)))), surface)
        return Mention(toks[first].start, toks[last].end, surface, name=name if name != surface else "",
                       signal="pattern")

    def _unknown_place(self, text, toks, first, last, people) -> Mention | None:
        """A name no gazetteer knows is a place only where the text says so: after a locative ("in
        Demchok and Depsang"), before its country ("Qorvintal, Vietnam"), described as one
        ("Qorvintal, a suburb east of Harare", "Velmora province", "a village called Qorvintal"),
        listed between places ("Eldoret, Qorvintal and Thika") or after two ("Eldoret, Thika and
        Qorvintal"), or opening the article as its dateline
        ("QORVINTAL —"); and not when the article uses it as a person's name, nor before "language" or
        "clan" ("in the Kimakonde language")."""
        river = _unknown_river(text, toks, first, last)
        if toks[first].text in people or last + 1 < len(toks) and toks[last + 1].lowered in SPEECH_AND_KIN_NOUNS \
                or _according_to(toks, first) and not _qualifies_a_noun(toks, last) \
                or first == last and word_frequency(toks[first].lowered) >= COMMON_WORD_ZIPF \
                or _side_compound(toks, last) or not (
                _after_locative(toks, first) and _listed_if_after_comma(toks, first, last)
                and not _names_a_thing(toks, first, last)
                or self._after_origin(toks, first) or _resident_of(toks, first, last)
                or _described_as_place(toks, last) or _named_as_division(toks, first, last)
                or self._before_container(toks, last, whole=True) or _names_a_place(toks, first)
                or first > 0 and toks[first - 1].text in SETTLEMENT_NOUNS or river
                or self._between_places(toks, first, last) or self._closes_list(toks, first)
                or _opens_dateline(toks, first, last)):
            return None
        start, end = toks[first].start, toks[last].end
        if self._demonym(text[start:end]):
            return None  # "a Cameroonian woman", without --demonyms
        return Mention(start, end, text[start:end], name=f"{text[start:end]} River" if river else "", signal="context")

    def _demonym(self, word: str) -> bool:
        """Is the word a country's adjective ("Brazilian", "Cameroonian"), or its people ("Armenians")?"""
        forms = (word, word[:-1]) if word.endswith("s") else (word,)
        return any(c.kind == "demonym" for form in forms for c in self.gazetteer.candidates(fold(form)))

    def _after_country(self, text: str, toks: list[Token], i: int, first: int) -> bool:
        """Do the words of the run before token i end in a country's adjective, name or abbreviation
        ("Brazilian", "South African", "U.S.")?"""
        return any(c.kind == "demonym" or c.place.feature_code == "PCLI"
                   for k in range(max(first, i - 3), i)
                   for c in self.gazetteer.candidates(fold(text[toks[k].start: toks[i - 1].end])))

    def _listed_after_place(self, toks: list[Token], first: int) -> bool:
        """Is the name a list's next member after a name that is no common word and that the
        gazetteer knows ("Akron, Youngstown and Cleveland"; not "Smith, Jones and Baker")?"""
        k = first - 1
        if k > 0 and toks[k].text in ("and", "or") and toks[k - 1].text == ",":
            k -= 1  # "Youngstown, and Cleveland"
        if k < 1 or toks[k].text not in (",", "and", "or") or not toks[k - 1].is_capitalised:
            return False
        before = self._surface(toks, _capitalised_start(toks, k - 1), k - 1)
        return word_frequency(before.lower()) < COMMON_WORD_ZIPF \
            and any(_denotes(c) for c in self.gazetteer.candidates(fold(before)))

    def _between_places(self, toks: list[Token], first: int, last: int) -> bool:
        """Is the name a list's member between two names the gazetteer knows ("Eldoret, Qorvintal, Thika")?"""
        if first < 2 or toks[first - 1].text != "," or last + 2 >= len(toks) \
                or toks[last + 1].text not in (",", "and", "or"):
            return False
        before_end, after_start = first - 2, last + 2
        if toks[after_start].text in ("and", "or"):  # "Qorvintal, and Thika"
            after_start += 1
        if after_start >= len(toks) or not (toks[before_end].is_capitalised and toks[after_start].is_capitalised):
            return False
        return self._known_place(toks, _capitalised_start(toks, before_end), before_end) \
            and self._known_place(toks, after_start, _capitalised_end(toks, after_start))

    def _closes_list(self, toks: list[Token], first: int) -> bool:
        """Does the name close a list after two names the gazetteer knows ("Kyaukme, Lashio and
        Qorvintal", "Kyaukme, Lashio, and Qorvintal")?"""
        k = first - 1
        if k < 1 or toks[k].text not in ("and", "or"):
            return False
        k -= 2 if toks[k - 1].text == "," else 1
        second = _capitalised_start(toks, k)
        if k < 0 or not toks[k].is_capitalised or second < 2 or toks[second - 1].text != ",":
            return False
        return self._known_place(toks, second, k) \
            and self._known_place(toks, _capitalised_start(toks, second - 2), second - 2)

    def _known_place(self, toks: list[Token], a: int, b: int) -> bool:
        """Does the gazetteer know the capitalised words [a, b] as a place's own name?"""
        return toks[b].is_capitalised \
            and any(_denotes(c) for c in self.gazetteer.candidates(fold(self._surface(toks, a, b))))


# --- helpers on token lists ---------------------------------------------------


def _segments(toks: list[Token], first: int, last: int, parts: bool = False) -> list[tuple[int, int]]:
    """Split a run on "and"/"&": "Demchok and Depsang" -> two names; and, with `parts` (a run
    the gazetteer lacks whole), on "on"/"upon": "Tung Chung on Lantau Island" -> two names (not
    "Southend-on-Sea", one name)."""
    splitters = ("and", "&", "on", "upon") if parts else ("and", "&")
    segments, start = [], first
    for k in range(first, last + 1):
        if toks[k].lowered in splitters and toks[k - 1].text != "-":
            segments.append((start, k - 1))
            start = k + 1
    segments.append((start, last))
    return [(a, b) for a, b in segments if a <= b]


def _name_starts(toks: list[Token], capitalised: list[int]) -> list[int]:
    """Where a name may start: a capitalised token, or a lower-case direction before one ("northern Syria")."""
    directions = [i - 1 for i in capitalised if i > 0 and toks[i - 1].lowered in DIRECTIONS]
    return sorted(set(capitalised).union(directions))


class _People(dict):
    """Words used as people's names, each mapped to whether a title vouches for it; `given` and
    `surnames` hold the names of families the article names more than once, `after_given` the
    surnames it writes after a given name ("Paris Denton")."""

    def __init__(self):
        super().__init__()
        self.given: set[str] = set()
        self.surnames: set[str] = set()
        self.after_given: set[str] = set()


class _RunEnds(dict):
    """The end of the capitalised run starting at each token, worked out once per article."""

    def __init__(self, toks: list[Token]):
        super().__init__()
        self.toks = toks

    def __missing__(self, i: int) -> int:
        end = self[i] = _run_end(self.toks, i)
        return end


def _run_end(toks: list[Token], i: int) -> int:
    """Last index of the capitalised run starting at i (connectors and hyphens join)."""
    j = i
    while j + 1 < len(toks):
        nxt = toks[j + 1]
        if nxt.is_capitalised and nxt.is_word and _adjacent(toks[j], nxt):
            j += 1
            continue
        word = nxt.lowered
        if (word in CONNECTORS or word in "-'’&") \
                and j + 2 < len(toks) and toks[j + 2].is_capitalised and toks[j + 2].is_word \
                and not (word in ENGLISH_CONNECTORS and toks[j + 2].lowered in MONTHS_AND_DAYS):
            # "Kabul on Monday" is no name ("Viña del Mar" is)
            j += 2
        elif word in ARTICLES and _article_joins(toks, j + 1) and _adjacent(toks[j], nxt):
            j += 3  # "Deir ez-Zor", "Ras al-Ain"
        elif word == "-" and _hyphened_connector(toks, j + 1):
            j += 4  # one hyphened name, whether the gazetteer holds it or not: "Petite-Rivière-de-l'Artibonite"
        else:
            break
    return j


def _hyphened_connector(toks: list[Token], k: int) -> bool:
    """Is token k a hyphen, then a connector, a hyphen and a capitalised word, all written together
    ("-de-l'Artibonite", "-en-Provence")?"""
    return _joiner_width(toks, k) == 3 and toks[k + 1].lowered in CONNECTORS \
        and toks[k + 3].is_capitalised and toks[k + 3].is_word


def _article_joins(toks: list[Token], k: int) -> bool:
    """Is token k an Arabic article hyphened to the capitalised word after it ("ez-Zor", "al-Ain")?"""
    return k + 2 < len(toks) and toks[k + 1].text == "-" and toks[k + 2].is_capitalised and toks[k + 2].is_word \
        and toks[k].end == toks[k + 1].start and toks[k + 1].end == toks[k + 2].start


def _article_joined(toks: list[Token], match, first: int, last: int) -> bool:
    """Is the match one part of a run joined by an Arabic article ("Ras" or "Ain" of "Ras al-Ain")?"""
    return match.last + 3 <= last and toks[match.last + 1].lowered in ARTICLES \
        or match.first - 3 >= first and toks[match.first - 2].lowered in ARTICLES and toks[match.first - 1].text == "-"


def _named_before(toks: list[Token], match, first: int, last: int) -> bool:
    """Is the match the run's end, after capitalised words that name it: "Virunga National Park"
    (not "northern Williamson County", nor "Andes of Mendoza Province")?"""
    return match.last == last and first < match.first and all(toks[k].is_capitalised for k in range(first, match.first))


def _the_thing(toks: list[Token], first: int, last: int) -> bool:
    """Is the two-word run after "the" and followed by no word it modifies, as a thing's or a place's
    name is and a person's is not: "the Rio Ruidoso with", "the Rio Ruidoso." (not "the Tony Blair
    government", nor a team's score: "the Saskatoon Blades 5-3")?"""
    after = toks[last + 1].lowered if last + 1 < len(toks) else "."
    return last == first + 1 and first > 0 and toks[first - 1].text == "the" \
        and (after in NOUN_PHRASE_ENDS or after in OPENING_WORDS)


def _connector_joined(toks: list[Token], match, first: int, last: int) -> bool:
    """Is the match one part of a run joined by a Romance connector ("Torres del Paine")?"""
    return match.last + 2 <= last and toks[match.last + 1].lowered in ROMANCE_CONNECTORS \
        or match.first - 2 >= first and toks[match.first - 1].lowered in ROMANCE_CONNECTORS \
        or match.last + 4 <= last and _hyphened_connector(toks, match.last + 1)  # "Petite-Rivière-de-l'Artibonite"


def _joiner_width(toks: list[Token], k: int) -> int:
    """Tokens at k that may join two runs into one name: 3 for "-au-" or "-in-", 5 for "-on-the-", 2 for "of the",
    1 for "'s", else 0."""
    if k >= len(toks):
        return 0
    word = toks[k].text
    if word == "-":  # "Port-au-Prince", "Stow-on-the-Wold": one or two connectors, all written together
        width = 1
        while width < 5 and k + width + 1 < len(toks) and toks[k + width].lowered in HYPHEN_CONNECTORS \
                and toks[k + width + 1].text == "-":
            width += 2
        return width if width > 1 and k + width < len(toks) \
            and all(toks[m].end == toks[m + 1].start for m in range(k - 1, k + width)) else 0
    if toks[k].lowered in CONNECTOR_PAIR_FIRSTS and k + 1 < len(toks) \
            and (toks[k].lowered, toks[k + 1].lowered) in CONNECTOR_PAIRS:
        return 2
    return 1 if word in POSSESSIVE_MARKS else 0


def _glued(text: str, toks: list[Token], left: int, right: int, first: int, last: int) -> bool:
    """Are tokens left and right capitalised words of the run [first, last], one space apart?"""
    if left < first or right > last:
        return False
    a, b = toks[left], toks[right]
    return (a.is_capitalised and a.is_word and b.is_capitalised and b.is_word
            and a.lowered not in DIRECTIONS and text[a.end: b.start] == " ")


def _local_authority(toks: list[Token], match, last: int) -> bool:
    """Is the match a division's name ("Pike County") or one before a local authority word?"""
    if toks[match.last].lowered in ADMIN_SUFFIXES:
        return True
    return match.last < last and toks[match.last + 1].lowered in LOCAL_AUTHORITY_WORDS


def _possessed_word(toks: list[Token], last: int) -> Token | None:
    """The word after the name ending at `last` and its possessive: "Hospital" of "St. Joseph's Hospital"."""
    return toks[last + 2] if last + 2 < len(toks) and toks[last + 1].text in POSSESSIVE_MARKS else None


def _namesake(toks: list[Token], match, significant: bool) -> bool:
    """Is the match followed by a possessive and an institution's word ("St. Joseph's Hospital")? In
    lower case the word may be the place's own ("Lyon's airport"), unless the place is minor. A minor
    place's possessive that possesses nothing is a business's name: "McDonald's is recalling"."""
    word = _possessed_word(toks, match.last)
    return word is not None and (word.lowered in ORGANISATION_WORDS and (word.is_capitalised or not significant)
                                 or not significant and word.lowered in BUSINESS_FOLLOWERS)


def _after_patronymic(toks: list[Token], i: int) -> bool:
    """Is the word a father's name after a given name: "Wasdi bin Umri", "Ahmad ibn Hanbal"?"""
    return i > 1 and toks[i - 1].lowered in PATRONYMIC_WORDS and toks[i - 2].is_capitalised


def _names_an_agency(toks: list[Token], i: int) -> bool:
    """Is the word a news agency's name: "the Xinhua news agency", "state media agency Xinhua"?"""
    after = [t.lowered for t in toks[i + 1: i + 3]]
    return (i > 0 and toks[i - 1].lowered == "agency") or after[:1] == ["agency"] or after == ["news", "agency"]


def _speaker(toks: list[Token], match) -> bool:
    """Is the match a speaker or a source: next to a verb of saying ("Kemp said", "said Moss in a
    statement"), after "according to", or a news agency's name ("the Tass news agency"); outside a
    locative ("a lab in Wageningen confirmed", "Jim, 39, of Denver told") and a list ("said Avon
    and Somerset police")?"""
    before = toks[match.first - 1].lowered if match.first > 0 else ""
    after = toks[match.last + 1].lowered if match.last + 1 < len(toks) else ""
    if _according_to(toks, match.first):
        return not _qualifies_a_noun(toks, match.last)  # "according to Kemp" (not "to Texas state officials")
    if after == "news" and match.last + 2 < len(toks) and toks[match.last + 2].lowered == "agency":
        return True
    if before not in SPEECH_VERBS and after not in SPEECH_VERBS:
        return False
    # not "a former resident of Denver told media", "traders on Lagos Island said", "Eldoret and Thika told"
    return not (_after_locative(toks, match.first) or before in ("of", "on", "and", "or") or after in ("and", "or"))


def _according_to(toks: list[Token], i: int) -> bool:
    """Does "according to" come before token i?"""
    return i > 1 and toks[i - 1].lowered == "to" and toks[i - 2].lowered == "according"


def _person_subject(toks: list[Token], match) -> bool:
    """Does the match open a sentence as a person would: before a verb of having or being ("Moss
    has won endorsements"), or before a description of someone ("Moss, a season-ticket holder")?"""
    if not _opens_sentence(toks, match.first) or match.last + 2 >= len(toks):
        return False
    after, then = toks[match.last + 1], toks[match.last + 2]
    return after.lowered in PERSON_VERBS or after.text == "," and then.lowered in ("a", "an", "who")


def _qualifies_a_noun(toks: list[Token], last: int) -> bool:
    """Is the name ending at `last` followed by a lower-case noun it qualifies: "Michoacán state
    prosecutors", "Texas officials" (not "in", "who", "said" or another word of a sentence's frame,
    nor a particle of a person's name)?"""
    after = toks[last + 1] if last + 1 < len(toks) else None
    return after is not None and after.is_word and after.text.islower() and after.lowered not in FRAME_WORDS \
        and after.lowered not in SPEECH_VERBS and after.lowered not in NAME_PARTICLES  # "Dennis van Engelsdorp"


def acts_as_government(text: str, start: int, end: int) -> bool:
    """Does the name at text[start:end] act, or is it asked, as a government is: "announced by
    Washington", "Moscow denied it", "the Kremlin declined to comment", "the Kremlin's response"
    (not "officials in Rome said", "growers in neighbouring San Juan warned")?"""
    if GOVERNMENT_BEFORE.search(text, max(0, start - 8), start) or GOVERNMENT_POSSESSION.match(text, end):
        return True
    after = NEXT_WORD.match(text, end)
    return after is not None and after.group(1).lower() in GOVERNMENT_VERBS \
        and not PLACE_BEFORE.search(text, max(0, start - 40), start)


def _names_a_school(toks: list[Token], match, last: int) -> bool:
    """Does the match name a university or college, right before the word: "Concord University",
    "Ohio State University" (not "University of Michigan", which news and corpora split on)?"""
    k = match.last + 1
    if k <= last and toks[k].lowered == "state":
        k += 1
    return k <= last and toks[k].lowered in SCHOOL_WORDS


def _named_after(toks: list[Token], last: int) -> bool:
    """Does a feature's kind follow the name at `last` and its possessive: "Adam" of "Adam's Peak"?"""
    word = _possessed_word(toks, last)
    return word is not None and word.is_capitalised and word.lowered in FEATURE_SUFFIXES


def _team_shaped(toks: list[Token], first: int, last: int, given_names: frozenset[str], matches: tuple) -> bool:
    """Is the run [first, last] (with its gazetteer `matches`, counted from `first`) a place's name
    and then words ending in a plural noun that is no place's kind and no people's office, as a
    team's name is: "Denver Broncos", "Kolkata Knight Riders" (not "Colorado Springs", "Indus
    Waters", "Kentucky State Troopers", "Port Stephens")?"""
    if not matches or matches[0][0] != 0 or first + matches[0][1] >= last or toks[first].lowered in LONE_FEATURE_WORDS \
            or any(places.significant for _, _, places, _ in matches[1:]):
        return False  # (a small town's name may be a team's word: "Kings" of "Karachi Kings")
    noun = toks[last].lowered
    if toks[last].text[:-1] in given_names or noun in OFFICE_PLURALS:
        return False  # a surname made of a given name ("Stephens"), people of the place's offices ("Troopers")
    place_end, words = toks[first + matches[0][1]].end, toks[first + matches[0][1] + 1: last + 1]
    return all(t.is_capitalised and t.is_word and t.lowered not in ORGANISATION_WORDS for t in words) \
        and place_end < words[0].start \
        and noun.endswith("s") and not noun.endswith(("ss", "us", "is")) and noun not in PLACE_PLURALS \
        and word_frequency(noun[:-1]) >= TEAM_NOUN_ZIPF  # (a space, not a hyphen: "Rhône-Alpes")


def _team_follows(toks: list[Token], k: int) -> bool:
    """Does a word for a team start at token k: "club", "team", "football club", "cricket franchise"?"""
    if k < len(toks) and toks[k].lowered in SPORTS:
        k += 1
    return k < len(toks) and toks[k].lowered in TEAM_NOUNS


def _hyphen_joined(text: str, toks: list[Token], match, first: int, last: int) -> bool:
    """Is the match one part of a hyphenated compound of capitalised words, or the end of one
    with a connector: "Wal-Mart", "Hewlett-Packard", "Mar-a-Lago"?"""
    start, end = toks[match.first].start, toks[match.last].end
    before = HYPHENED_BEFORE.search(text, max(0, start - 40), start)
    if before and (before.group(1) is None or before.group(1) in HYPHEN_CONNECTORS):
        return True
    return HYPHENED_AFTER.match(text, end) is not None


def _qualifies_next(toks: list[Token], i: int, last: int) -> bool:
    return toks[i].lowered in DIRECTIONS and i < last and toks[i + 1].is_capitalised


def _after_name_and_comma(toks: list[Token], i: int) -> bool:
    """Does token i follow a capitalised name and a comma ("Boston, Mass.", "ATHENS, Ga.")?"""
    return i >= 2 and toks[i - 1].text == "," and toks[i - 2].is_capitalised


def _adjacent(a: Token, b: Token) -> bool:
    return b.start - a.end <= 1


def _in_region_list(text: str, toks: list[Token], match: _Match) -> bool:
    """Is the match a first-level division's name before its kind ("region", "province", "department",
    "governorate" or "state", or their plurals), alone or in a list: "the Bay and Bakool regions", "Bay
    region", "the Centre department", "Lakes state"?"""
    return REGION_AFTER.match(text, toks[match.last].end, toks[match.last].end + LIST_REACH_CHARS) is not None \
        and any(c.place.feature_code == "ADM1" for c in match.places)


def _placed_by_locative(toks: list[Token], match: _Match) -> bool:
    """Is the match where only a place stands, a person's surname though it is: "a fire in Franklin",
    "the north side of Franklin", "Troy Hamilton, 45, of Troy" (not "a letter from Franklin", "in
    Franklin's office")?"""
    before, after = match.first - 1, match.last + 1
    if before < 0 or after < len(toks) and toks[after].text in POSSESSIVE_MARKS:
        return False
    word, previous = toks[before].lowered, toks[before - 1].lowered if before else ""
    return word in STRONG_LOCATIVES or word == "of" and (previous in PLACES_OF or previous in BEARINGS
                                                         or previous == "," and before >= 4 and _aged(toks, before - 4))


def _after_locative(toks: list[Token], i: int) -> bool:
    """Is token i after "in"/"at"/"near", directly or in a list ("in A, B and C"), or the town of a
    roundup's heading ("ALABAMA — Mobile: ...")? (Not the end of a hyphened name: "Sone" of "towards
    Dehri-on-Sone".)"""
    k = i - 1
    if k >= 0 and toks[k].text == "-" and toks[k].end == toks[i].start:
        return False
    if _heading_town(toks, i):
        return True
    while k >= max(0, i - LIST_REACH_TOKENS):
        word = toks[k].lowered
        if word == "to" and k > 0 and toks[k - 1].lowered in NOT_WHERE_TO:
            return False  # "as to the Pope's successor", "due to Bovine spongiform encephalopathy"
        if word in LOCATIVES or word in ("of", ":") and k > 0 and toks[k - 1].lowered in PLACES_OF \
                or word == "of" and k > 0 and toks[k - 1].lowered in BEARINGS:
            return True  # "in X", "the village of X", "four villages: X, Y and Z", "residents of X", "out of X",
            # "south of X"
        if word in EXAMPLE_WORDS and _after_place_noun(toks, k - 2 if toks[k - 1].lowered == "such" else k - 1):
            return True  # "villages such as X", "towns, including X and Y"
        if word == "the" and k > 0 and toks[k - 1].is_capitalised and toks[k - 1].lowered not in LOCATIVES:
            return False  # "In Oslo the Hurtigruten ship"
        if word in {"and", "or", ",", "the", "-"} or word in POSSESSIVE_MARKS or toks[k].is_capitalised or word in DIRECTIONS \
                or word in CONNECTORS and word != "of" and k > 0 \
                and (toks[k - 1].is_capitalised or toks[k - 1].text == "-"):
            # "in Ciudad del Este, X", "between Aix-en-Provence and X"
            k -= 1
            continue
        return False
    return False


def _heading_town(toks: list[Token], i: int) -> bool:
    """Does token i open the town of a roundup's heading, after its state: "Mobile" of "ALABAMA —
    Mobile: Dredging resumed", "Jackson" of "Mississippi: Jackson — Boil-water notices"?"""
    k = i - 1
    if k < 1 or not toks[k - 1].is_capitalised or toks[k].text not in DASHES | {":"}:
        return False
    if toks[k].text == ":":  # the state, a colon, then the town and a dash
        ends_with = DASHES
    elif toks[k].start == toks[k - 1].end:  # "Winston-Salem" is no heading
        return False
    else:  # the state, a dash, then the town and a colon
        ends_with = {":"}
    state, end = _capitalised_start(toks, k - 1), _run_end(toks, i)
    return (toks[state].text.isupper() or _opens_sentence(toks, state)) and end + 1 < len(toks) \
        and toks[end + 1].text in ends_with and (ends_with == {":"} or toks[end + 1].start > toks[end].end)


def _dated(toks: list[Token], i: int) -> bool:
    """Is token i a time: before "of" and a year or before a year ("Summer of 2008", "Winter
    2010"), or after "this", "last", "next", "early" or "late"?"""
    after = [t.text for t in toks[i + 1: i + 3]]
    return bool(after) and (after[0].isdigit() or after[0] == "of" and len(after) > 1 and after[1].isdigit()) \
        or i > 0 and toks[i - 1].lowered in ("this", "last", "next", "early", "late")


def _bound_for(toks: list[Token], i: int) -> bool:
    """Is token i the goal of a journey: "left for Miami", "a ship bound for Lagos"?"""
    return i > 1 and toks[i - 1].text == "for" and toks[i - 2].lowered in DEPARTURE_WORDS


def _described_as_place(toks: list[Token], last: int) -> bool:
    """Is the name at `last` followed by a description as a place: ", a market town in",
    "is a small village near", ", a suburb east of"?"""
    k = last + 1
    if k < len(toks) and toks[k].text in (",", "is", "was"):
        k += 1
    if k >= len(toks) or toks[k].lowered not in ("a", "an", "the"):
        return False
    for j in range(k + 1, min(k + 6, len(toks) - 1)):
        word = toks[j].lowered
        if not toks[j].is_word and toks[j].text != "-":  # "a near-deserted town", "the Confederate capital"
            return False
        if word in PLACE_NOUNS and (toks[j + 1].lowered in PLACE_FOLLOWERS or not toks[j + 1].is_word):
            return True
    return False


def _opens_dateline(toks: list[Token], first: int, last: int) -> bool:
    """Does the name open the article as a dateline, "FRANKLIN —", "MARION (AP) -", or a line,
    "SANDWICH —", also with its county or state: "Reading, Berkshire —"?"""
    if first > 0 and not toks[first].opens_line:
        return False
    k = last + 1
    if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].is_capitalised:
        k = _run_end(toks, k + 1) + 1
    marks = DATELINE_MARKS if first == 0 else DASHES  # (not "Houston (pictured) said" opening a line)
    if first > 0 and k == last + 1 and not toks[first].text.isupper() \
            and word_frequency(toks[first].lowered) >= COMMON_WORD_ZIPF:
        return False  # a heading: "Oil - Brent crude settled", "Coal - futures fell" (a town opens "SANDWICH —")
    return k < len(toks) and toks[k].text in marks and toks[k].start > toks[k - 1].end  # not "Orange-scented"


def _dateline_credit(toks: list[Token], first: int, last: int) -> bool:
    """Is the run the credit in brackets of a dateline, the news service's name: "Sahel Wire" of
    "BAMAKO, Mali (Sahel Wire) —", "PERTH (West Coast Resources Weekly) -"? The line opens with
    the dateline's town in capitals, a few words before."""
    if not (0 < first and toks[first - 1].text == "(" and last + 2 < len(toks) and toks[last + 1].text == ")"
            and toks[last + 2].text in DASHES):
        return False
    k = first - 1
    while k > max(0, first - DATELINE_REACH) and not toks[k].opens_line:
        k -= 1
    return (k == 0 or toks[k].opens_line) and toks[k].text.isupper() and toks[k].is_word


def _after_place_noun(toks: list[Token], k: int) -> bool:
    """Is token k (or the one before a comma there) a plural place noun ("villages", "towns,")?"""
    if k >= 1 and toks[k].text == ",":
        k -= 1
    return k >= 0 and toks[k].lowered in EXAMPLED_PLACES


def _river_verb_after(text: str, end: int, verbs: frozenset[str] | set[str] = RIVER_VERBS) -> bool:
    """Does a river's verb follow the name ending at `end`, maybe after "is", "was also"?"""
    for _ in range(4):
        follower = NEXT_WORD.match(text, end)
        if not follower or follower.start(1) != end + 1:
            return False
        word, end = follower.group(1), follower.end(1)
        if word not in RIVER_VERB_AUXILIARIES:
            return word in verbs
    return False


def _unknown_river(text: str, toks: list[Token], first: int, last: int) -> bool:
    """Is a name no list holds a river's, after a lower-case "the" and before what only a river
    does: "the Qorvintal burst its banks", "the Velmora crested at 9 metres"?"""
    return first > 0 and toks[first - 1].text == "the" and _river_verb_after(text, toks[last].end, RIVER_ONLY_VERBS)


def _dateline_word(word: str) -> bool:
    """Could an upper-case word opening the article be a dateline's town rather than an acronym
    ("KAMITUGA, South Kivu —"; not "UN", "NATO")? A long word that is no common one."""
    return len(word) > 4 and word.isalpha() and word_frequency(word.lower()) < RARE_WORD_ZIPF


def _side_compound(toks: list[Token], last: int) -> bool:
    """Does the name open a compound naming a side: "Velmora-held", "Qorvintal-majority"?"""
    return last + 2 < len(toks) and toks[last + 1].text == "-" and toks[last + 1].start == toks[last].end \
        and toks[last + 2].lowered in SIDE_COMPOUNDS


def _names_a_thing(toks: list[Token], first: int, last: int) -> bool:
    """Is the name a thing's: after "the" and before a noun of things ("at the Qorvintal stadium", "in
    the Velmora bloc"), or after "through the" and before any lower-case noun of no place ("through
    the Qorvintal tunnel"; not "through the Qorvintal border post")?"""
    if first < 1 or toks[first - 1].lowered != "the" or last + 1 >= len(toks) or not toks[last + 1].is_word \
            or toks[last + 1].is_capitalised:
        return False
    noun = toks[last + 1].lowered
    return noun in THING_NOUNS or first > 1 and toks[first - 2].lowered == "through" \
        and noun not in FEATURE_NOUNS | PLACE_NOUNS | {"border"}


def _listed_if_after_comma(toks: list[Token], first: int, last: int) -> bool:
    """A name after a comma goes on a list only if the list goes on after it: "in Eldoret,
    Qorvintal and Thika", not "In Kenya, Qorvintal is widely sold"."""
    return not (first > 0 and toks[first - 1].text == ",") \
        or last + 1 < len(toks) and toks[last + 1].text in (",", "and", "or")


def _attributed_to_place(text: str, end: int) -> bool:
    """Does what follows the name at `end` belong only to a place: "Eagle's population", "Union's mayor"?"""
    return PLACE_ATTRIBUTE_AFTER.match(text, end) is not None


def _called_a_place(toks: list[Token], last: int) -> bool:
    """Does the text say the name at `last` is a place: "Orange is a town in", "Buffalo, a city of"?"""
    return _described_as_place(toks, last) and toks[last + 1].text in (",", "is", "was")


def _named_as_division(toks: list[Token], first: int, last: int) -> bool:
    """Is the name followed by a feature's kind in lower case ("the Qorvintal river"), or by a
    division's type and that by no other noun: "Velmora province", "the Qorvintal and Velmora
    districts" (a plural only for a list's members)? Not after "a": "a Maori settlement"."""
    if first > 0 and toks[first - 1].lowered in ("a", "an"):
        return False
    k, followed = last + 1, False
    while k + 1 < len(toks) and toks[k].text in (",", "and", "or") and toks[k + 1].is_capitalised:
        k, followed = _capitalised_end(toks, k + 1) + 1, True  # over the list's next member
    if k < len(toks) and toks[k].text in FEATURE_NOUNS:
        return True
    if k >= len(toks) or toks[k].text not in DIVISION_NOUNS:
        return False
    preceded = first > 0 and toks[first - 1].text in (",", "and", "or")
    if toks[k].text.endswith("s") and not (followed or preceded) or not toks[k].text.endswith("s") and followed:
        return False
    return k + 1 == len(toks) or not toks[k + 1].is_word or toks[k + 1].text in DIVISION_FOLLOWERS


def _list_start(toks: list[Token], first: int) -> int:
    """The first token of the list of capitalised names, joined by commas and a last "and" or
    "or", that ends with the name at `first` ("Madison" of "Madison, Ridgeland, Clinton and Brandon")."""
    k, start, conjunction_allowed = first - 1, first, True
    while k > max(0, first - LIST_REACH_TOKENS) and toks[k].text in LIST_JOINERS:
        if toks[k].text in CONJUNCTIONS:
            if not conjunction_allowed:
                break
            if toks[k - 1].text == ",":
                k -= 1  # "Youngstown, and Cleveland"
        conjunction_allowed = False
        if not (toks[k - 1].is_capitalised and toks[k - 1].is_word):
            break
        start = _capitalised_start(toks, k - 1)
        k = start - 1
    return start


def _before_list(toks: list[Token], first: int) -> tuple[int, str]:
    """Read back from the list the name at `first` belongs to over the word that introduces it: the
    index of the word before ("suburbs" of "suburbs such as Madison, Ridgeland and Brandon"), and the
    introducer ("such as", "like", "including", "of", ":" or ","; "" for none)."""
    k = _list_start(toks, first) - 1
    if k >= 1 and toks[k].lowered == "as" and toks[k - 1].lowered == "such":
        return k - 2, "such as"
    if k >= 0 and toks[k].lowered in LIST_INTRODUCERS:
        return k - 1, toks[k].lowered
    return k, ""


def _listed_as_brands(toks: list[Token], first: int) -> bool:
    """Does the list the name belongs to follow "brands" or "labels" ("sold under the labels Lucerne,
    Sunshine and Lund", "brand names including Dole")?"""
    k, introducer = _before_list(toks, first)
    return introducer in ("", "such as", "like", "including", ":") and k >= 0 \
        and (toks[k].lowered in BRAND_NOUNS or toks[k].lowered == "names" and k > 0 and toks[k - 1].lowered == "brand")


def _listed_as_kin(toks: list[Token], first: int) -> bool:
    """Does the list the name belongs to follow a family word, with or without a comma
    ("grandchildren Dakota, Cheyenne and Brooklyn", "two sons, Austin and Tyler")?"""
    k, introducer = _before_list(toks, first)
    if introducer == ",":  # whose relatives: "her daughter, Savannah" (not "mostly children, Samoa")
        return k >= 1 and toks[k].lowered in KIN_LIST_WORDS and (toks[k - 1].lowered in KIN_OWNERS
                                                                 or toks[k - 1].text.isdigit())
    if introducer in ("including", "such as") and k >= 0 and toks[k].text == ",":
        k -= 1  # "11 grandchildren, including Austin, Savannah and Jordan"
    return introducer in ("", "including", "such as") and k >= 0 and toks[k].lowered in KIN_LIST_WORDS


def _named_as_places(toks: list[Token], first: int) -> bool:
    """Does the list the name belongs to follow places' plural noun ("suburbs such as Madison, Ridgeland,
    Clinton and Brandon", "the towns of Hope and Liberty", "counties including Clay")?"""
    k, introducer = _before_list(toks, first)
    return introducer in ("such as", "like", "including", "of") and k >= 0 and toks[k].lowered in PLURAL_PLACE_NOUNS


def _capitalised_end(toks: list[Token], i: int) -> int:
    """Last index of the capitalised words from i on (no connectors)."""
    while i + 1 < len(toks) and toks[i + 1].is_capitalised and toks[i + 1].is_word:
        i += 1
    return i


def _capitalised_start(toks: list[Token], i: int) -> int:
    """First index of the capitalised words up to i (no connectors)."""
    while i > 0 and toks[i - 1].is_capitalised and toks[i - 1].is_word:
        i -= 1
    return i


def _direction(toks: list[Token], match_first: int, run_first: int) -> int | None:
    """The first token of the direction before a match: "northern", "Eastern", "North-Western", "South East"."""
    k = match_first - 1
    if k < 0 or toks[k].lowered not in DIRECTIONS:
        return None
    if toks[k].lowered in COMPASS_SECOND and k >= 1:  # the first half of a compound
        joined = k - 1 if toks[k - 1].text == "-" and _adjacent(toks[k - 1], toks[k]) else k
        if joined >= 1 and toks[joined - 1].lowered in COMPASS_FIRST and _adjacent(toks[joined - 1], toks[joined]) \
                and toks[joined - 1].is_capitalised == toks[k].is_capitalised:
            k = joined - 1
    return k if k >= run_first or not toks[k].is_capitalised else None


def _generic(word: str) -> bool:
    """Is the word a feature's type ("Lake", "Bay"), which names no place alone ("the Lake District")?"""
    return word.lower() in FEATURE_SUFFIXES or word.lower() in FEATURE_PREFIXES


def _feature_of(toks: list[Token], first: int) -> bool:
    """Does a feature's name start at token first: "Gulf of ...", "Cape of ..."?"""
    return first + 1 < len(toks) and toks[first].lowered in FEATURE_OF_PREFIXES and toks[first + 1].text == "of"


def _only_directions(toks: list[Token], first: int, last: int) -> bool:
    """Are tokens first..last a direction ("Eastern", "North-West", "South East"), maybe a far one ("Far
    North" of "Far North Queensland": no region of Cameroon)?"""
    if first < last and toks[first].lowered == "far" and toks[first + 1].lowered in FAR_DIRECTIONS:
        first += 1
    return all(t.text == "-" or t.lowered in DIRECTIONS for t in toks[first: last + 1])


def _is_title(token: Token) -> bool:
    return token.lowered.rstrip(".") in TITLES


def _after_title(toks: list[Token], i: int) -> bool:
    """Does token i follow a title ("minister Singh"), a family word and a comma ("his wife, Dora"), or
    a naming word after a word for a person ("a man called Kemp"; not "a channel called Bakhmut Forever")?"""
    if i == 0:
        return False
    before = toks[i - 1]
    title = before.lowered.rstrip(".")
    if title in NAMING_WORDS:
        return any(t.lowered in PERSON_NOUNS for t in toks[max(0, i - 4): i - 1])
    return before.text == "," and i > 1 and toks[i - 2].lowered in KIN_WORDS or title in TITLES \
        or title == "member" and i > 1 and toks[i - 2].lowered in MEMBER_BODIES \
        and (not toks[i - 2].is_capitalised or _opens_sentence(toks, i - 2))


def _after_age(toks: list[Token], i: int) -> bool:
    """Does token i follow an age: "82-year-old Geneva Morgan"?"""
    return i > 2 and toks[i - 1].text == "old" and toks[i - 2].text == "-" and toks[i - 3].text in ("year", "years")


def _names_a_place(toks: list[Token], i: int) -> bool:
    """Does the naming word before token i name a place: "a town called X", "once called X", "was
    renamed X"?"""
    if i < 2 or toks[i - 1].lowered not in NAMING_WORDS:
        return False
    words = [t.lowered for t in toks[max(0, i - 4): i - 1]]
    return words[-1] in FORMER_WORDS or any(word in PLACE_NOUNS for word in words)


def _other_name_given(text: str, toks: list[Token], match) -> bool:
    """Is the match another name of a place the text names by its main name, given as such: "the city
    once known to Armenians as Stepanakert is now officially Khankendi", "Bishkek, once called Frunze"
    (not "the rapper known as Burch")?"""
    i = match.first
    known_as = i >= 2 and toks[i - 1].lowered == "as" \
        and any(t.lowered == "known" for t in toks[max(0, i - KNOWN_AS_REACH - 1): i - 1])
    return (known_as or _names_a_place(toks, i)) and _named_in_full(text, match, min_people=0)


def _opens_longer_name(text: str, toks: list[Token], j: int) -> bool:
    """Does a capitalised word, or a hyphen and one, follow token j: "Al" of "Al Hilal" or "Al-Shorta"?"""
    k = j + 1
    if k < len(toks) and toks[k].text == "-" and toks[k].start == toks[j].end:
        k += 1
    return k < len(toks) and (_glued(text, toks, j, k, j, k) or k > j + 1 and toks[k].is_capitalised)


def _capital_after_in(toks: list[Token], i: int, candidates) -> bool:
    """Is the word at i, in capitals, a capital's or a great town's main name after a locative in
    small letters ("In APIA, meanwhile"; not "in NATO offices")?"""
    return i > 0 and toks[i - 1].lowered in LOCATIVES and not toks[i - 1].text.isupper() \
        and _Places(c for c in candidates if c.kind == "name").significant


def _is_acronym(surface: str) -> bool:
    letters = surface.replace(".", "").replace(" ", "")
    return len(letters) > 1 and letters.isupper()


def _has_organisation_word(toks: list[Token], first: int, last: int) -> bool:
    return any(toks[k].lowered in ORGANISATION_WORDS for k in range(first, last + 1))


class _Places(tuple):
    """A gazetteer match's candidates, with what they say of the place worked out once: the match
    is kept with its run's facts, and the run recurs from article to article."""

    @cached_attribute
    def significant(self) -> bool:
        """A country, division, continent, capital, curated feature, airport or a town of 100,000."""
        return any(_denotes(c) and (c.place.feature_code in SIGNIFICANT_CODES or c.place.source in FEATURE_SOURCES
                                    or _people(c.place) >= SIGNIFICANT_PEOPLE) for c in self)

    @cached_attribute
    def major(self) -> bool:
        """Major enough to be a place even right after another capitalised word ("Skate Canada")."""
        return any(_denotes(c) and (c.place.feature_code in MAJOR_CODES or _people(c.place) >= 500_000)
                   for c in self)

    @property
    def curated(self) -> bool:
        """Is one of them a curated feature of this very name ("Java" the island)?"""
        return any(c.kind == "name" and c.place.source == "curated" for c in self)

    @property
    def curated_feature(self) -> bool:
        """Is one of them a curated feature that news names by this word ("the Atlantic", "the Amazon")?"""
        return any(c.place.source == "curated" and c.place.feature_class in NATURAL_CLASSES for c in self)

    @property
    def populous(self) -> bool:
        """A country, continent or place of 500,000 people: too famous to be taken for a surname."""
        return any(_denotes(c) and (c.place.feature_code in ("PCLI", "CONT") or _people(c.place) >= 500_000)
                   for c in self)

    @property
    def country(self) -> bool:
        return any(c.place.feature_code == "PCLI" for c in self)

    @property
    def landmark(self) -> bool:
        """Is one of them a curated building, square or other spot ("Kremlin", "Camp David")?"""
        return any(c.place.source == "curated" and c.place.feature_class == "S" for c in self)

    @cached_attribute
    def denoted(self) -> bool:
        """Does the name properly denote one of them (see `_denotes`)?"""
        return any(_denotes(c) for c in self)

    @cached_attribute
    def villages(self) -> bool:
        """All of them places of under VILLAGE people?"""
        return all(c.place.population < VILLAGE for c in self)

    @cached_attribute
    def demonyms(self) -> bool:
        """All of them adjectives of countries ("Turkish")?"""
        return all(c.kind == "demonym" for c in self)


def _people(place: Place) -> int:
    """A place's people as fame goes: a second-level division's are its towns', which make no
    name famous ("Florence" the province, "Kent" the county are a surname's and a given name's too)."""
    return 0 if place.feature_code == "ADM2" else place.population


def _denotes(candidate) -> bool:
    """Does the name properly denote the place (main name, abbreviation or adjective, but not of a
    town whose people no source counts; any name of a country or of a curated feature)?"""
    return candidate.kind in ("name", "abbr", "demonym") and candidate.place.source not in UNCOUNTED_TOWN_SOURCES \
        or candidate.place.feature_code == "PCLI" or candidate.place.source == "curated"


def _disease_names(text: str, toks: list[Token]) -> set[str]:
    """The names the text gives a disease or virus, folded: "marburg" of "The Marburg virus", "west nile"
    and "nile" of "West Nile fever"."""
    if not DISEASE_WORD.search(text):
        return set()  # (most texts: found without a look at every token)
    return {fold(" ".join(t.text for t in toks[start: k]))
            for k in range(1, len(toks)) if toks[k].lowered in DISEASE_WORDS and toks[k - 1].is_capitalised
            for start in range(_capitalised_start(toks, k - 1), k)}


def _eponym(text: str, toks: list[Token], first: int, last: int) -> bool:
    """A place name lending its name to a disease, a virus strain, a currency or an oil grade: "Marburg
    virus", "Sudan ebolavirus", "A/California/7/2009", "US$", "$US", "Brent crude"."""
    following = toks[last + 1].lowered if last + 1 < len(toks) else ""
    return following in EPONYM_FOLLOWERS or following.endswith("virus") \
        or STRAIN.match(text, max(0, toks[first].start - 2)) is not None \
        or following == "$" and toks[last + 1].start == toks[last].end \
        or first > 0 and toks[first - 1].text == "$" and toks[first - 1].end == toks[first].start


def _titled_work(toks: list[Token], i: int, first: int, last: int) -> bool:
    """Does the run [first, last] holding token i name a work, band or horse: after such a word
    ("the band Boston") or alone in quotation marks ("starred in "Casablanca"")?"""
    before = toks[first - 1] if first > 0 else None
    after = toks[last + 1] if last + 1 < len(toks) else None
    if before is not None and before.lowered in WORK_NOUNS and i == first:
        return True
    return before is not None and after is not None and before.text in OPENING_QUOTES \
        and after.text in CLOSING_QUOTES and before.end == toks[first].start and toks[last].end == after.start


def _all_or_pan(toks: list[Token], i: int) -> bool:
    """Is token i glued to "All-" or "Pan-" before it ("All-Ireland", "Pan-Africa")?"""
    return i >= 2 and toks[i - 1].text == "-" and toks[i - 2].lowered in ("all", "pan") \
        and toks[i - 2].end == toks[i - 1].start and toks[i - 1].end == toks[i].start


SCORE_FOLLOWERS = {"in", "at", "on", "to", "for", "after", "with", "against", "and", "but", "win", "victory", "defeat",
                   "loss", "draw", "home", "away"}  # "beat Seymour 42-7 in the final" (not "Peru 10-12 miles")
# A result's verb after its first side, and the words before its other side: "Georgia beat Texas 30-15",
# "lost 27-10 to South Carolina".
WINNING_VERBS = {"beat", "defeated", "edged", "routed", "thrashed", "crushed", "downed", "topped", "blanked", "upset",
                 "stunned", "hammered", "trounced", "whipped", "outlasted"}
RESULT_VERBS = WINNING_VERBS | {"beats", "defeats", "drew", "lost", "won", "rallied", "survived", "held"}
FIXTURE_VERBS = WINNING_VERBS | {"beats", "defeats", "drew", "host", "hosts"}  # (not "meets": "where Wales meets England")
RESULT_LINKS = WINNING_VERBS | {"past", "over", "to", "with", "against", "by"}
VERSUS = {"v", "vs", "vs."}  # "Ghana v Mali", "Texas vs. Ohio" (a case's "v." names a state: "U.S. v. Smith")
MARGIN_UNITS = {"wickets", "wicket", "runs", "innings", "strokes", "lengths"}  # "beat Kent by six wickets"


def _season_record(toks: list[Token], k: int) -> bool:
    """Do the tokens from k to a closing bracket make a season's record: "3-3, 1-0" (wins and losses)?"""
    end = next((j for j in range(k, min(len(toks), k + 12)) if toks[j].text == ")"), None)
    inside = [t.text for t in toks[k: end]] if end is not None else []
    return bool(inside) and all(text.isdigit() or text in ("-", "–", ",") for text in inside) \
        and any(text in ("-", "–") for text in inside) and inside[0].isdigit()


def _scored(toks: list[Token], match: _Match) -> bool:
    """Is the match a team's name before its score: "beat Seymour 42-7", "Hauser 34, Edinburgh 12"
    (not "Shooting Stars of Ibadan 3-1", where the club's town stands after "of")?"""
    def word(k: int) -> str:
        return toks[k].text if k < len(toks) else ""
    k, first = match.last + 1, match.first
    if word(k) == "(" and _season_record(toks, k + 1):
        return True  # a team's record in brackets: "Brenham (3-3, 1-0) travels to Navasota"
    if not (word(k).isdigit() and len(word(k)) <= 3) or first > 0 and toks[first - 1].lowered == "of":
        return False
    after = word(k + 3)
    return word(k + 1) in ("-", "–") and word(k + 2).isdigit() \
        and not (after.islower() and after not in SCORE_FOLLOWERS) \
        or word(k + 1) == "," and k + 2 < len(toks) and toks[k + 2].is_capitalised and word(k + 3).isdigit() \
        or first > 1 and toks[first - 1].text == "," and toks[first - 2].text.isdigit()  # the second team of a line


def _result_side(toks: list[Token], match: _Match) -> bool:
    """Is the match a side in a result with its score or margin: "Georgia beat Texas 30-15", "Napoli
    drew 2-2 with Frosinone", "lost 27-10 to South Carolina", "a 28-13 win over Wisconsin", "Sussex
    beat Kent by six wickets"?"""
    after, before = match.last + 1, match.first - 1
    return after < len(toks) and toks[after].lowered in RESULT_VERBS and (
        _score_within(toks, after + 1, after + 6) or _margin_within(toks, after + 1, after + 6)) \
        or before >= 0 and toks[before].lowered in RESULT_LINKS and (
            _score_within(toks, before - 4, before) or _margin_within(toks, after, after + 4))


def _fixture_side(toks: list[Token], match: _Match) -> bool:
    """Is the match a side of a game between two named sides, without its score: "Kerry beat Mayo",
    "Kerry drew with Mayo", "Mayo lost to Kerry", "Kerry host Mayo"?"""
    def word(k: int) -> str:
        return toks[k].lowered if 0 <= k < len(toks) else ""

    def name(k: int) -> bool:  # a side's name, not "It" of "It beat Incheon and Jeju to host the summit"
        return 0 <= k < len(toks) and toks[k].is_capitalised and toks[k].is_word \
            and word_frequency(toks[k].lowered) < LOCAL_NAME_ZIPF
    after, before = match.last + 1, match.first - 1
    if word(after) in FIXTURE_VERBS:
        following = after + 2 if word(after + 1) in ("with", "out") else after + 1
        return name(following)
    # the other side, after a named one: not "jobs lost to Mexico"
    return word(before) in FIXTURE_VERBS - {"drew"} and name(before - 1) \
        or (word(before), word(before - 1)) in (("with", "drew"), ("to", "lost")) and name(before - 2)


def _before_team_role(toks: list[Token], last: int) -> bool:
    """Is the name a team's, before (its possessive and) a role in a team: "Marseille's fans", "Boca
    coach Claudio Úbeda", "Georgia's new defence coach" (not "the coach limits" of a town)?"""
    k = last + 1
    possessive = k < len(toks) and toks[k].text in POSSESSIVE_MARKS
    k += possessive
    for _ in range(3 if possessive else 1):  # not "the club from Barranquilla, whose fans"
        if k >= len(toks) or toks[k].is_capitalised or not toks[k].is_word:
            return False
        if toks[k].lowered in TEAM_ROLES or toks[k].lowered == "coach" and (
                possessive or k + 1 < len(toks) and toks[k + 1].is_capitalised and toks[k + 1].is_word):
            return True
        k += 1
    return False


def _versus_side(toks: list[Token], match: _Match) -> bool:
    """Is the match a side of a fixture, beside "v" or "vs": "Ghana v Mali", "Texas vs. Ohio"?"""
    after, before = match.last + 1, match.first - 1
    return after < len(toks) and toks[after].lowered in VERSUS or before >= 0 and toks[before].lowered in VERSUS


def _margin_within(toks: list[Token], start: int, end: int) -> bool:
    """Is there a winning margin ("by six wickets", "by 45 runs", "by an innings") among tokens [start, end)?"""
    return any(toks[k].lowered == "by" and any(t.lowered in MARGIN_UNITS for t in toks[k + 1: k + 4])
               for k in range(max(0, start), min(end, len(toks))))


def _score_within(toks: list[Token], start: int, end: int) -> bool:
    """Is there a score ("30-15") among tokens [start, end)?"""
    return any(toks[k].text.isdigit() and toks[k + 1].text in ("-", "–") and toks[k + 2].text.isdigit()
               for k in range(max(0, start), min(end, len(toks) - 2)))


def _route_number(toks: list[Token], match: _Match) -> bool:
    """Is the match an abbreviation before a road's number ("U.S. 84", "U.S. Highway 14A"; not "US 10
    billion", "U.S. 5th Fleet")?"""
    k = match.last + 1
    if k + 1 < len(toks) and toks[k].lowered in ROAD_WORDS and toks[k + 1].text[:1].isdigit():
        return all(c.kind == "abbr" for c in match.places)
    if k >= len(toks) or not (toks[k].text.isdigit() and len(toks[k].text) <= 3) \
            or not all(c.kind == "abbr" for c in match.places):
        return False
    after = toks[k + 1] if k + 1 < len(toks) else None
    return after is None or after.lowered not in QUANTITY_WORDS and not (after.is_word and after.start == toks[k].end)  # "5th"


def _resident_of(toks: list[Token], first: int, last: int) -> bool:
    """Is the name between "a" and a word for a person, as local news names where people are from:
    "a Madison man", "a Velmora woman"?"""
    return first > 0 and last + 1 < len(toks) and toks[first - 1].lowered in ("a", "an") \
        and toks[last + 1].lowered in RESIDENT_NOUNS


def _named_in_full(text: str, match, min_people: int = CITY) -> bool:
    """Does the text also give one of the match's places of `min_people` or more (cities) its main
    name: "Rio" after "Rio de Janeiro", "Bengaluru (Bangalore)"?"""
    return any(c.place.name != match.word and c.place.population >= min_people and c.place.name in text
               and re.search(rf"\b{re.escape(c.place.name)}\b", text) for c in match.places)


def _introduced_speaker(toks: list[Token], first: int, last: int) -> bool:
    """Is the run of two or three words a speaker the text goes on to introduce: "said Victoria Lim,
    a shopkeeper", "said Chileshe Mwanza, who runs a workshop"?"""
    return first > 0 and toks[first - 1].lowered in SPEECH_VERBS and 1 <= last - first <= 2 \
        and last + 2 < len(toks) and toks[last + 1].text == "," \
        and toks[last + 2].lowered in ("who", "whose", "a", "an")


def _aged(toks: list[Token], last: int) -> bool:
    """Is the name ending at `last` followed by an age between commas: "Dallas Fulton, 91, of Monroe"?"""
    return last + 3 < len(toks) and toks[last + 1].text == "," and toks[last + 3].text == "," \
        and toks[last + 2].text.isdigit() and 0 < int(toks[last + 2].text) < 120


def _opens_sentence(toks: list[Token], i: int) -> bool:
    """Does token i open a sentence or a line, or follow a dateline ("COLUMBIA, S.C. — A ...") or a
    live blog's time ("08:15 — In ...", "8:40am — In ...")?"""
    return i == 0 or toks[i - 1].text in ".!?\"“‘:;" or toks[i].opens_line \
        or toks[i - 1].text in DASHES and i > 1 \
        and (toks[i - 2].text == ")" or toks[i - 2].text.endswith(".") or toks[i - 2].text.isupper()
             or toks[i - 2].text[-1:].isdigit() or _dateline_before(toks, i - 2)
             or toks[i - 2].lowered in ("am", "pm") and toks[i - 3].text[-1:].isdigit())


def _dateline_before(toks: list[Token], k: int) -> bool:
    """Do tokens k and back to the line's start make a dateline: names and commas ("ISABELA CITY, Basilan")?"""
    while k >= 0 and (toks[k].is_capitalised or toks[k].text in (",", ".")):
        if toks[k].opens_line:
            return True
        k -= 1
    return k < 0


def _before_local_body(toks: list[Token], last: int) -> bool:
    """Is the name before a word for its town's bodies or people: "Clinton police", "Richmond's mayor"?"""
    k = last + 1
    if k < len(toks) and toks[k].text in POSSESSIVE_MARKS:
        k += 1
    return k < len(toks) and toks[k].text in LOCAL_BODIES


def _division_shaped(toks: list[Token], match) -> bool:
    """Does the match end in a division's or an airport's word, so that it names no person:
    "Dorchester County reported", "said Tampa International Airport"?"""
    return match.last > match.first and (toks[match.last].lowered in SECOND_LEVEL_TYPES
                                           or toks[match.last].lowered in AIRPORT_TYPES)


def _language(toks: list[Token], first: int, last: int) -> bool:
    """Is the adjective at [first, last] a language, a noun after "speaks", "fluent" or "teaching" (no
    noun after it: "teaching English to adults"), or after "in" and ending a phrase ("in French, and")?"""
    before = toks[first - 1].lowered if first > 0 else ""
    after = toks[last + 1] if last + 1 < len(toks) else None
    if after is None or not after.is_word or after.text in ("and", "or"):
        return before in LANGUAGE_CUES
    return before in LANGUAGE_CUES - {"in", "into"} and after.lowered in FRAME_WORDS


def _not_a_name(word: str) -> bool:
    lower = word.lower().rstrip(".")
    return (lower in MONTHS_AND_DAYS or lower in DIRECTIONS or lower in HOLIDAYS or lower in FAITHS or _is_acronym(word)
            or PLURAL_ACRONYM.fullmatch(word) is not None
            or word_frequency(lower) >= RARE_WORD_ZIPF
            or lower.endswith("ly") and len(lower) > 6 and word_frequency(lower) >= ADVERB_ZIPF)  # "Confusingly, Mali"


def _debris_tokens(text: str, toks: list[Token]) -> set[int]:
    spans = debris_spans(text)
    if not spans:
        return set()
    starts = [t.start for t in toks]
    return {i for s, e in spans for i in range(bisect_left(starts, s), bisect_left(starts, e))}
