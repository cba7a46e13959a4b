"""Recognition: which spans of a text name places."""
from __future__ import annotations

import pytest

from geo.recognize import Recognizer


@pytest.fixture(scope="module")
def recognise(gazetteer):
    return Recognizer(gazetteer)


def surfaces(recognise, text):
    return [m.text for m in recognise(text)]


def named(recognise, text):
    """Each mention's text and the name it is looked up by ("" for its own text)."""
    return [(m.text, m.name) for m in recognise(text)]


def test_longest_gazetteer_name_wins(recognise):
    assert surfaces(recognise, "The summit was held in Rio de Janeiro, Brazil.") == ["Rio de Janeiro", "Brazil"]


@pytest.mark.parametrize("text, places", [
    ("Shops burned in Vina del Mar on Friday.", ["Vina del Mar"]),  # "Mar" is a month only after "on"
    ("Talks in Kabul on Monday ended.", ["Kabul"]),
    ("The bridge at Frankfurt an der Oder reopened.", ["Frankfurt an der Oder"]),  # two connectors
    ("Floods reached Ústí nad Labem.", ["Ústí nad Labem"]),
    ("The road between Aix-en-Provence and Nice was closed.", ["Aix-en-Provence", "Nice"]),  # a list after "between"
    ("Traders in neighbouring Ciudad del Este said sales fell.", ["Ciudad del Este"]),  # no speaker after "in"
])
def test_a_name_joined_by_a_connector_is_one_name(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_offsets_point_into_the_text(recognise):
    text = "Floods hit Dhaka and Chittagong on Monday."
    for mention in recognise(text):
        assert text[mention.start:mention.end] == mention.text


def test_people_after_titles_are_not_places(recognise):
    text = "Foreign minister Paris Hilton met President Georgia Brown in Lagos."
    assert surfaces(recognise, text) == ["Lagos"]


def test_a_place_named_with_a_title_is_a_place(recognise):
    text = "Tuna boats unloaded in General Santos and Cagayan de Oro."
    assert surfaces(recognise, text) == ["General Santos", "Cagayan de Oro"]


@pytest.mark.parametrize("text, names", [
    ("Chan lives in Tung Chung on Lantau Island.", ["Tung Chung", "Lantau Island"]),  # two names "on" joins
    ("He moved to Newcastle upon Tyne.", ["Newcastle upon Tyne"]),  # one name the gazetteer holds whole
])
def test_on_joins_two_names_unless_the_gazetteer_holds_them_as_one(recognise, text, names):
    assert surfaces(recognise, text) == names


def test_surname_position_is_not_a_place(recognise):
    # Lincoln is a city of some 290,000, but here it is a surname.
    assert surfaces(recognise, "Abraham Lincoln crossed the river.") == []


@pytest.mark.parametrize("text", [
    "Police said Karen Dallas, 38, was held overnight.",  # a city of 1.2 million
    "The victim, Maria Lima, lived alone.",  # a capital
    "Judith Rivera spoke to reporters.",  # a division's name
    "Fans cheered as Michael Jordan walked onto the court.",  # a country's
])
def test_a_great_place_after_a_given_name_is_a_surname(recognise, text):
    assert surfaces(recognise, text) == []


@pytest.mark.parametrize("text, places", [
    ("Neighbours said Martin Hale and his wife, Dora, were found in Leeds.", ["Leeds"]),
    ("His daughters, Malia and Sasha, joined him in Chicago.", ["Chicago"]),
    ("Det. Sgt. Paul Moss said the man was arrested.", []),
    ("Officers from Operation Falcon searched homes in Croydon.", ["Croydon"]),
    ("The museum showed a newly found da Vinci drawing.", []),
    ("Otto von Bismarck was born in 1815.", []),  # a surname after a given name and "von"
    ("A bomb was found at the Christmas market in Dresden.", ["Dresden"]),
    ("El Niño conditions brought floods to Guayaquil.", ["Guayaquil"]),  # a climate pattern, not the Mexican town
    ("Sheriff Austin Lee said the driver fled toward Tyler.", ["Tyler"]),
    ("Dallas Fulton, 91, of Monroe died Tuesday.", ["Monroe"]),  # a name with an age is a person's
])
def test_family_words_titles_particles_and_holidays_mark_no_places(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_a_titled_persons_place_after_of_stays_a_place(recognise):
    assert surfaces(recognise, "Sen. Ann Dunmore of Grimsby said so.") == ["Grimsby"]


@pytest.mark.parametrize("text, places", [
    ("Estonia's Prime Minister Kaja Laane and Latvia's Andris Berg signed.", ["Estonia", "Latvia"]),
    ("President Ruth Amble and Kenya's envoy met.", ["Kenya"]),
    ("King Harald and Camilla waved.", []),  # after the title, only a great place's name is one
])
def test_a_great_place_after_a_titled_person_and_and_stays_a_place(recognise, text, places):
    assert surfaces(recognise, text) == places


@pytest.mark.parametrize("text, places", [
    ("Paris Hilton visited Dubai.", ["Dubai"]),
    ("Jordan Henderson and India Ashley scored.", []),
    ("Mr. Houston conceded the race in Harris County.", ["Harris County"]),
    ("Sheriff Dale Washington said the road near Tacoma was closed.", ["Tacoma"]),
    ("Georgia Power raised its rates.", ["Georgia"]),  # a common noun after it: no surname
])
def test_a_place_named_given_name_before_a_surname_is_a_persons(recognise, text, places):
    assert surfaces(recognise, text) == places


@pytest.mark.parametrize("text, places", [
    ("She was born in Paoli to Harold and Ruth Chester.", ["Paoli"]),
    ("She was preceded in death by the late Clarence.", []),
    ("The meet runs from Nov. 3 to 6 in Leeds.", ["Leeds"]),
])
def test_couples_the_late_and_abbreviated_months_are_no_places(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_a_name_after_a_spaced_comma_may_end_the_text(recognise):
    assert surfaces(recognise, "Flights left for Paris , New Delhi") == ["Paris", "New Delhi"]


def test_a_place_before_a_rare_word_is_no_given_name_unless_people_bear_it(recognise):
    text = ("Looe harbour was busy. Crowds lined the quay for the Looe Lugger regatta. "
            "Her family has fished from Looe since the war, and the cafes of Looe are full.")
    assert surfaces(recognise, text) == ["Looe", "Looe", "Looe"]
    # a known given name before a rare word still names a person, even one a place has
    assert surfaces(recognise, "Chelsea Pelham said the boats were late. Chelsea said so twice.") == []


@pytest.mark.parametrize("text, places", [
    ('"Fix the roads," said Victoria Lim, a shopkeeper in Kota Kinabalu.', ["Kota Kinabalu"]),
    ('"We are not against it," said Marcos Santos, who works in Santos.', ["Santos"]),
    ('"It is over," said Jordan Pike, whose shop in Denver closed.', ["Denver"]),
    ('"Then I sleep," said Chileshe Mwanza, who runs a workshop in Lusaka.', ["Lusaka"]),  # a great city's name
    ("Mayor Hiroshi Toyama said the port at Chiba reopened.", ["Chiba"]),  # vouched by a title
])
def test_a_speaker_the_text_introduces_is_a_person(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_a_surname_written_after_a_given_name_is_a_persons_alone_too(recognise):
    assert surfaces(recognise, "Deputies arrested Maria Denton. Denton was held in Gainesville.") == ["Gainesville"]


def test_a_surname_that_is_a_city_is_the_city_after_in(recognise):
    text = "A statue of David Livingstone was restored. Hotels in Livingstone expect more visitors."
    assert surfaces(recognise, text) == ["Livingstone"]


@pytest.mark.parametrize("text, places", [
    ("Crews fought a grass fire near Franklin overnight. No homes burned, Fire Marshal Tom Franklin said.",
     ["Franklin"]),
    ("Smoke rose over the west side of Franklin as Fire Marshal Tom Franklin called in more crews.", ["Franklin"]),
    ("Near Franklin a grass fire burned. No homes burned, Fire Marshal Tom Franklin said.", ["Franklin"]),
    ("Fire Marshal Tom Franklin wrote a letter. A copy from Franklin was kept in Franklin's office.", []),
    ("Gales cut power across Brittany overnight, and Brittany Ferries kept its ships in port.", ["Brittany"]),
    ("Deputies cited Logan Tate, 61, of Logan after a crash on the bypass.", ["Logan"]),  # the given name too
    ("Deputies cited Marion Logan, 61, of Logan after a crash on the bypass.", ["Logan"]),  # and the surname
])
def test_a_towns_name_that_a_person_bears_is_a_place_after_in_side_of_or_an_age_and_of(recognise, text, places):
    assert surfaces(recognise, text) == places


@pytest.mark.parametrize("text, places", [
    ("Council member Rita Dallas opened the meeting in Tyler. Dallas said the budget was tight.", ["Tyler"]),
    ("Fares rose in Dallas. Dallas said it would cut them in May.", ["Dallas", "Dallas"]),  # the city's council
])
def test_a_great_citys_name_that_a_person_of_the_story_bears_is_the_persons_next_to_said(recognise, text, places):
    assert surfaces(recognise, text) == places


@pytest.mark.parametrize("text, places", [
    ("Families moved to suburbs such as Madison, Ridgeland, Clinton and Brandon.",
     ["Madison", "Ridgeland", "Clinton", "Brandon"]),
    ("Floods cut off the towns of Hope and Liberty.", ["Hope", "Liberty"]),
    ("Residents such as Madison and Brandon said the water was unsafe.", []),  # people, not places
])
def test_names_listed_after_places_plural_noun_are_places_even_when_common_words(recognise, text, places):
    assert surfaces(recognise, text) == places


@pytest.mark.parametrize("text, places", [
    ("Fires spread in the Bolivian Amazon while snow closed passes in the Swiss Alps.", ["Amazon", "Alps"]),
    ("The Belgian Red Cross flew tents to the camps.", []),  # a town's name there: Red Cross, North Carolina
    ("Ships were rerouted to ports on the U.S. East Coast.", ["U.S.", "East Coast"]),  # or after its name
])
def test_a_features_name_after_a_countrys_adjective_or_name_is_the_feature(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_a_place_after_all_or_pan_is_an_adjective_of_the_whole(recognise):
    text = "Galway won the All-Ireland final, and Kenya's runners left the All-Africa Games for Ireland."
    assert surfaces(recognise, text) == ["Galway", "Kenya", "Ireland"]


def test_a_country_after_a_given_name_stays_a_country(recognise):
    assert surfaces(recognise, "Flights from Sydney Australia resumed.") == ["Sydney", "Australia"]


def test_a_country_before_an_ordinal_or_an_amount_stays(recognise):
    assert surfaces(recognise, "The U.S. 5th Fleet sailed; exports to the US 10 billion.") == ["U.S.", "US"]


def test_a_major_place_may_follow_another_word(recognise):
    assert surfaces(recognise, "The skater was named to Team Canada.") == ["Canada"]


def test_organisations_and_acronyms_are_not_places(recognise):
    text = "The Asian Development Bank and ASEAN officials met, the Hindustan Times said."
    assert surfaces(recognise, text) == []


def test_unlisted_names_in_locative_context(recognise):
    mentions = recognise("Troops withdrew from Xyzabad and Qorvintal after talks.")
    assert [(m.text, m.signal) for m in mentions] == [("Xyzabad", "context"), ("Qorvintal", "context")]


@pytest.mark.parametrize("text, places", [
    ("QORVINTAL, Kenya — Police reopened the market on Monday.", ["QORVINTAL", "Kenya"]),
    ("QORVINTAL (AP) — Police reopened the market on Monday.", ["QORVINTAL"]),
    ("UNICEF said on Monday that it had flown in vaccines.", []),  # an acronym opening the text is no dateline
])
def test_an_unlisted_datelines_upper_case_name_is_a_place(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_common_words_after_in_are_not_unlisted_places(recognise):
    assert surfaces(recognise, "The bill passed in Parliament in October.") == []


def test_qualified_region_is_one_mention(recognise):
    (mention,) = recognise("Fighting continued in Northern Syria.")
    assert (mention.text, mention.name, mention.qualifier) == ("Northern Syria", "Syria", "north")


def test_a_lower_case_direction_qualifies_the_name_after_it(recognise):
    (mention,) = recognise("Fighting continued in northern Syria.")
    assert (mention.text, mention.qualifier, mention.names_a_part) == ("Syria", "north", False)


def test_a_lower_case_direction_before_a_features_name_qualifies_it(recognise):
    (mention,) = recognise("Barges moved slowly up the lower Snake River on Friday.")
    assert (mention.text, mention.qualifier, mention.names_a_part) == ("Snake River", "lower", False)
    (mention,) = recognise("Herders crossed northern Lake Turkana by boat.")
    assert (mention.text, mention.qualifier) == ("Lake Turkana", "north")


@pytest.mark.parametrize("text, mention, qualifier", [
    ("Floods hit North-Western Velmora and South East Queensland.", "South East Queensland", "southeast"),
    ("Floods hit North-West England on Monday.", "North-West England", "northwest"),
    ("Floods hit South West England on Monday.", "South West England", "southwest"),
])
def test_a_compound_direction_qualifies_the_name_after_it(recognise, text, mention, qualifier):
    (found,) = [m for m in recognise(text) if m.text == mention]
    assert (found.qualifier, found.name) == (qualifier, mention.split()[-1])
    assert [m.text for m in recognise(text)] == [mention]  # no "North West" province, no "West England"


def test_a_lower_case_compound_direction_describes_the_place(recognise):
    (mention,) = recognise("Bushfires spread in north-western Queensland.")
    assert (mention.text, mention.qualifier) == ("Queensland", "northwest")


@pytest.mark.parametrize("text, name", [
    ("Trawlers crossed the Gulf of Qorvintal at night.", "Gulf of Qorvintal"),  # not the Gulf province
    ("The yacht rounded the Cape of Good Hope at dawn.", "Cape of Good Hope"),  # not the town of Good Hope
    ("Whales gather in the Bay of Velmora each spring.", "Bay of Velmora"),
])
def test_a_feature_named_of_something_is_one_name(recognise, text, name):
    assert surfaces(recognise, text) == [name]


@pytest.mark.parametrize("text, places", [
    ("Gulf Air flew on to Bahrain.", ["Bahrain"]),  # no "Gulf" province
    ("Ferries crossed the Bay at dawn.", []),
    ("Gunmen attacked villages in Plateau and Delta.", ["Plateau", "Delta"]),  # Nigeria's states
    ("Clashes spread in Rivers, Delta and Bayelsa.", ["Rivers", "Delta", "Bayelsa"]),
    ("Cases rose in Eastern Visayas, Region 8, and in District 10.", ["Eastern Visayas"]),  # numbered areas
    ("The Kampala Capital City Authority shut a market.", ["Kampala"]),  # no "Capital" governorate
    ("Members of the Henry County Chamber of Commerce met.", ["Henry County"]),  # no town of Commerce
])
def test_a_features_word_alone_is_a_place_only_where_the_text_says_so(recognise, text, places):
    assert surfaces(recognise, text) == places


@pytest.mark.parametrize("text, places", [
    ("The plant in Hastings, Nebraska, closed. Mayor Paul Hastings spoke.", ["Hastings", "Nebraska"]),
    ("Paul Hastings spoke first. According to Hastings, Kenya will lead.", ["Kenya"]),
    ("Hastings is a city in Adams County. It is named for Thomas D. Hastings.", ["Hastings", "Adams County"]),
])
def test_a_place_the_text_puts_in_its_state_stays_though_a_person_shares_its_name(recognise, text, places):
    assert surfaces(recognise, text) == places


@pytest.mark.parametrize("text, places", [
    ("Questions as to the Bishop's health went unanswered in Rome.", ["Rome"]),
    ("Herds were culled due to Qorvintal fever in Kenya.", ["Kenya"]),
    ("Ferries sailed to Velmora at dawn.", ["Velmora"]),  # guard: a journey's "to"
])
def test_to_after_as_or_due_is_no_locative(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_a_common_word_ending_a_headline_is_no_unlisted_place(recognise):
    text = "Storms batter farms in the south\n\nDURBAN — Crews worked overnight."
    assert surfaces(recognise, text) == ["DURBAN"]


def test_a_given_name_before_a_particle_and_a_surname_is_a_persons(recognise):
    assert surfaces(recognise, "Dominique de Villepin toured Lyon on Monday.") == ["Lyon"]  # not Dominica


@pytest.mark.parametrize("text, places", [
    ("According to Yap, the samples tested negative in Manila.", ["Manila"]),  # a person, though a state's name
    ("According to Qorvintal, the herd was sold.", []),  # a name no list holds
    ("According to Beijing, the talks will resume.", ["Beijing"]),  # guard: a capital speaks for its government
])
def test_a_source_after_according_to_is_no_place(recognise, text, places):
    assert surfaces(recognise, text) == places


@pytest.mark.parametrize("text, name", [
    ("Walkers flocked to the Lake District at Easter.", ("Lake District", "")),  # not a place called "Lake"
    ("Police in Delhi Township said the road was closed.", ("Delhi Township", "")),  # not Delhi
    ("Floods hit the Shire of Velmora overnight.", ("Shire of Velmora", "")),
])
def test_a_feature_shaped_name_is_looked_up_whole_when_its_part_is_a_features_word(recognise, text, name):
    assert named(recognise, text) == [name]


@pytest.mark.parametrize("text, places", [
    ("A man from Clarks Summit was arrested in Scranton.", ["Clarks Summit", "Scranton"]),
    ("Masaya lies close to Granada Department in Nicaragua.", ["Masaya", "Granada Department", "Nicaragua"]),
    ("Traffic was heavy near Market Rasen; she has a sister in Council Grove.", ["Market Rasen", "Council Grove"]),
    ("Traffic was heavy in Market Rasen and Louth.", ["Market Rasen", "Louth"]),
    ("Schools in Brentwood and Thompson's Station closed.", ["Brentwood", "Thompson's Station"]),  # a town's "Station"
    ("The team travels to Union, Mo., next week.", ["Union", "Mo."]),  # one organisation's word before its state
    ("He joined the Union in 1861.", []),
    ("A bomb hit the Saint Peter and Saint Anne Church.", []),  # a church named after two saints
    ("Reporters waited at the White House. She was taken to Children's Hospital.", []),
])
def test_a_place_named_with_an_organisations_word_is_a_place_where_the_text_says_so(recognise, text, places):
    assert surfaces(recognise, text) == places


@pytest.mark.parametrize("text, places", [
    ("Orange is a town in New South Wales, west of Bathurst.", ["Orange", "New South Wales", "Bathurst"]),
    ("Buffalo, a city of 270,000, lies on Lake Erie.", ["Buffalo", "Lake Erie"]),
    ("Orange, with about 40,000 people, grows cherries.", ["Orange"]),  # its people counted
    ("Orange is a colour. As a school district, we care.", []),
    ("They flew home through Miami on Sunday.", ["Miami"]),  # a common word after "through" too
    ("The band left for Miami after the show.", ["Miami"]),  # a journey's goal
    ("The tour visited Akron, Youngstown and Cleveland.", ["Akron", "Youngstown", "Cleveland"]),  # a list of towns
    ("Smith, Jones and Baker signed the letter.", []),  # names that are common words list none
    ("From Mallaig, ferries sail to the islands.", ["Mallaig"]),  # not "From" (an old name of Frome)
    ("Neighbouring Mito also lost power.", ["Mito"]),  # a preposition opening the sentence is no given name
    ('"Another Bucha," officials feared. Investigators returned to Bucha in April.', ["Bucha", "Bucha"]),  # nor "Another"
    ("The Gurgaon-based carrier grew fast.", ["Gurgaon"]),  # "The Gurgaon" is no person's name
    ("The wave hit Java's southern coast.", ["Java"]),  # a curated feature's own name
    ("Cholera spread in the Highbridge section of the Bronx.", ["Highbridge", "Bronx"]),  # "the section of"
    ("Bend's population grew again last year.", ["Bend"]),  # what only a place has
    ("Buyers came from as far afield as Bend for the sale.", ["Bend"]),
    ("Farther north, Jackson, the Mississippi capital, lost power.", ["Jackson", "Mississippi"]),  # "the ... capital"
    ("Hope's mother said the girl was fine.", []),  # a possessive alone says nothing
])
def test_a_common_word_the_text_calls_a_place_is_one(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_a_countys_people_make_its_name_no_less_a_persons(recognise):
    assert surfaces(recognise, "Its producer, Kent Brown, said the show would move.") == []


@pytest.mark.parametrize("text, places", [
    ("Jordan Smith and Chelsea Brown were married in Lowell.", ["Lowell"]),  # the most common surnames
    ("Georgia Power raised its rates.", ["Georgia"]),  # a word, not a surname
    ("Mary Ellen Jones died on Friday. Paris Anne Hilton sang.", []),  # with a middle name
])
def test_a_place_named_given_name_before_a_common_surname_is_a_persons(recognise, text, places):
    assert surfaces(recognise, text) == places


@pytest.mark.parametrize("text, places", [
    ("In Kenya, Qorvintal is widely sold.", ["Kenya"]),  # the subject after an opening phrase
    ("Troops moved into Eldoret, Qorvintal and Thika.", ["Eldoret", "Qorvintal", "Thika"]),
])
def test_an_unknown_name_after_a_comma_is_a_place_only_on_a_list(recognise, text, places):
    assert surfaces(recognise, text) == places


@pytest.mark.parametrize("text, places", [
    ("FRANKLIN — The city council met on Monday.", ["FRANKLIN"]),  # a dateline, though a surname too
    ("Council votes on budget\nMarion — The city council met on Monday.", ["Marion"]),  # after a headline
    ("Council votes on budget. MARION — The city council met.", ["MARION"]),
    ("Residents of Franklin packed the meeting.", ["Franklin"]),
    ("Orange-scented candles sold out.", []),
    ("Flood plan goes out for comment\n\nReading, Berkshire — The council opened a consultation.",
     ["Reading", "Berkshire"]),  # a dateline opening a line, with its county
    ("Briefs\n\nSANDWICH — Two town councils clashed.\n\nDEAL — The pier reopens.", ["SANDWICH", "DEAL"]),
    ("Markets\n\nOil - Prices fell.\n\nCoal - Futures rose.", []),  # a market wrap's headings are words
])
def test_a_dateline_or_its_residents_make_a_common_name_a_place(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_a_name_hyphened_to_a_word_that_names_no_place_is_part_of_a_longer_name(recognise):
    text = "Cases rose in Petite-Île and Étang-Salé, Météo-France said, as lorries left the Trans-Canada."
    assert surfaces(recognise, text) == ["Petite-Île"]  # not Salé of Morocco, France nor Canada
    # a place, a country's combining form, an abbreviation or a qualifier before the hyphen leaves it a place
    text = "Delhi-Mumbai flights, India-Pakistan and Indo-Pakistan talks, U.S.-Mexico trade, Mid-Jutland floods."
    assert surfaces(recognise, text) == ["Delhi", "Mumbai", "India", "Pakistan", "Pakistan", "U.S.", "Mexico", "Jutland"]


def test_hyphenated_town_names_are_whole(recognise):
    text = "Fans came from Stoke-on-Trent and Henley-on-Thames, and from Barrow-in-Furness and Newcastle-under-Lyme."
    assert surfaces(recognise, text) == ["Stoke-on-Trent", "Henley-on-Thames", "Barrow-in-Furness",
                                         "Newcastle-under-Lyme"]
    assert surfaces(recognise, "Trucks left Mazar-i-Sharif at dawn.") == ["Mazar-i-Sharif"]  # a Persian "i" joins too
    assert surfaces(recognise, "Boats reached Port-à-Piment and Anse-à-Veau.") == ["Port-à-Piment", "Anse-à-Veau"]
    # two connectors, or a Latin one, join as well: not Stow of Massachusetts, Walton nor Weston
    assert surfaces(recognise, "Roads shut in Stow-on-the-Wold, Walton-on-the-Naze and Weston-super-Mare.") \
        == ["Stow-on-the-Wold", "Walton-on-the-Naze", "Weston-super-Mare"]
    # a name ending like a feature's ("-on-Sea") is not split at its hyphened "on"
    assert surfaces(recognise, "Piers at Stratford-upon-Avon and Clacton-on-Sea reopened.") \
        == ["Stratford-upon-Avon", "Clacton-on-Sea"]


@pytest.mark.parametrize("text, places", [
    ("LA Galaxy signed a striker from Bogota.", ["Bogota"]),  # no Louisiana
    ("A fire broke out in Paris, KY, on Monday.", ["Paris", "KY"]),
    ("Rain fell across NSW on Monday.", ["NSW"]),
    ("AUSTIN, TX — Storms hit Sudbury, ON, and Broome, WA.", ["AUSTIN", "TX", "Sudbury", "ON", "Broome", "WA"]),
    ("In Riyadh, Al Hilal won; in Iraq, Al-Shorta lost; in Fredericton, NB Power crews worked.",
     ["Riyadh", "Iraq", "Fredericton"]),  # a code that opens a longer name is none
    ("STORM HITS SMALL TOWN, IN PICTURES", []),  # a headline's capitals
])
def test_a_two_letter_state_code_is_a_place_only_after_its_town(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_a_common_word_listed_between_places_is_a_place(recognise):
    text = "The partnership includes Hamilton, Cambridge, Kitchener, Waterloo and Guelph."
    assert surfaces(recognise, text) == ["Hamilton", "Cambridge", "Kitchener", "Waterloo", "Guelph"]
    assert surfaces(recognise, "The Law and Justice party won.") == []  # two words are no list of places


def test_a_headlines_small_words_in_capitals_join_as_small_words_do(recognise):
    text = "Storms hit.\n\nDEVON, CORNWALL AND SOMERSET: Gusts reached 70 mph.\n\nCUMBRIA AND YORKSHIRE: Trains stopped."
    assert surfaces(recognise, text) == ["DEVON", "CORNWALL", "SOMERSET", "CUMBRIA", "YORKSHIRE"]
    assert surfaces(recognise, "BOSNIA AND HERZEGOVINA voted.") == ["BOSNIA AND HERZEGOVINA"]


def test_a_live_blogs_time_opens_a_sentence(recognise):
    assert surfaces(recognise, "8:40am — In Grafton, the river is rising.") == ["Grafton"]


def test_the_town_of_a_roundups_heading_is_a_place_though_a_word(recognise):
    text = ("AROUND THE NATION\n\nALABAMA — Mobile: Dredging resumed.\n\nARKANSAS — Hope: Crowds were up."
            "\n\nPENNSYLVANIA — Reading: A pagoda will reopen.")
    assert surfaces(recognise, text) == ["ALABAMA", "Mobile", "ARKANSAS", "Hope", "PENNSYLVANIA", "Reading"]
    text = ("Across the nation\n\nMississippi: Jackson — Water notices were lifted."
            "\n\nFISHERIES: Purse-seine boats sailed.")
    assert surfaces(recognise, text) == ["Mississippi", "Jackson"]  # the state and a colon first


def test_a_states_abbreviation_after_a_town_needs_no_period(recognise):
    assert surfaces(recognise, "EDMONTON, Ky (WKTV) -- Paris, Tenn, voted on Monday.") == \
        ["EDMONTON", "Ky", "Paris", "Tenn"]


@pytest.mark.parametrize("text, names", [
    ("Talks between North and South Korea resumed.", [("North", "North Korea"), ("South Korea", "")]),
    ("Frogs live in Central and South America.", [("Central", "Central America"), ("South America", "")]),
    ("Paris and South Africa signed.", [("Paris", ""), ("South Africa", "")]),
])
def test_a_direction_shares_the_place_after_the_next_one(recognise, text, names):
    assert named(recognise, text) == names


def test_directional_names_in_the_gazetteer_are_not_split(recognise):
    assert surfaces(recognise, "Talks between South Africa and North Korea.") == ["South Africa", "North Korea"]


def test_page_debris_creates_no_places(recognise):
    text = "Menu Explore\nBy Staff Reporter\nFloods hit Dhaka.\nA boat in Dhaka on Monday.(AFP)\n"
    assert surfaces(recognise, text) == ["Dhaka"]


@pytest.mark.parametrize("byline, places", [
    ("By a staff reporter in Mombasa, Kenya", ["Mombasa", "Kenya"]),
    ("By our correspondent, Kisumu", ["Kisumu"]),
    ("By Staff Reporter | MOMBASA", ["MOMBASA"]),
    ("By our Kenya correspondent", ["Kenya"]),
    ("By Jane Otieno, Staff Writer", []),  # guard: a byline that says nothing of where is page furniture
])
def test_a_byline_that_says_where_the_reporter_is_names_that_place(recognise, byline, places):
    text = f"Ferry crossings resume\n{byline}\nThe ferries sailed at dawn."
    assert surfaces(recognise, text) == places


def test_a_states_code_opening_a_roundups_line_before_a_dash_is_the_state(recognise):
    text = "Around the country\n\nWA — Albany had its wettest June.\n\nSA — Whyalla's steelworks reopened."
    assert surfaces(recognise, text) == ["WA", "Albany", "SA", "Whyalla"]
    assert surfaces(recognise, "Ticket prices at LA — the club — rose.") == []  # guard: not opening a line


def test_a_dateline_alone_on_its_line_is_no_photo_credit(recognise):
    assert surfaces(recognise, "Washington (CNN)\nThe talks will go on, officials said.") == ["Washington"]


def test_abbreviations(recognise):
    assert surfaces(recognise, "Officials in the U.S. and UK said Raleigh, N.C., was hit.") == \
        ["U.S.", "UK", "Raleigh", "N.C."]


def test_a_place_named_with_a_papers_word_is_a_place(recognise):
    assert surfaces(recognise, "Police in Sun Prairie and Star City said so; The Sun agreed.") == ["Sun Prairie", "Star City"]


def test_publications_named_after_places_are_not_places(recognise):
    text = "The New York Times and China Daily reported it, Agence France-Presse said, from Lagos."
    assert surfaces(recognise, text) == ["Lagos"]


def test_a_major_place_inside_an_institution_is_a_place(recognise):
    assert surfaces(recognise, "The U.S. Department of Agriculture said so.") == ["U.S."]


@pytest.mark.parametrize("text, name", [
    ("Aid reached the Democratic Republic of the Congo on Monday.", "Democratic Republic of the Congo"),
    ("Aid reached the Democratic Republic of Congo on Monday.", "Democratic Republic of Congo"),
    ("Officials of the People's Republic of China said so.", "People's Republic of China"),
    ("A forum met in Dar es Salaam, Tanzania.", "Dar es Salaam"),
])
def test_names_with_lower_case_words_inside_are_one_mention(recognise, text, name):
    assert name in [m.text for m in recognise(text)]


@pytest.mark.parametrize("text, places", [
    ("The Rose Festival in Thomasville ends Sunday.", ["Thomasville"]),  # Rose, a district of American Samoa
    ("The Jewish quarter was busy.", []),  # the Jewish Autonomous Oblast, as one source names it
    ("Police in Texas and Florida made arrests.", ["Texas", "Florida"]),
])
def test_a_very_common_word_needs_a_populous_division_to_be_one_alone(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_a_common_word_that_is_a_transliterated_name_without_its_mark_is_no_place(recognise):
    assert surfaces(recognise, "Hail fell on the farm near Tskhinvali.") == ["Tskhinvali"]


def test_an_arabic_article_joins_a_names_words(recognise):
    assert surfaces(recognise, "Shelling hit Deir ez-Zor and Ras al-Ain.") == ["Deir ez-Zor"]  # no "Ras", no "Ain"


@pytest.mark.parametrize("text, names", [
    ("Hikers camped in Torres del Paine last week.", ["Torres del Paine"]),  # one unlisted name, not Torres and Paine
    ("Fighting raged near Ras al-Qorvin on Monday.", ["Ras al-Qorvin"]),
    ("Students at the Universidad de Chile protested.", ["Chile"]),  # a country stays one
    ("He was arrested in Fuengirola on the Costa del Sol.", ["Fuengirola", "Costa del Sol"]),  # not "Sol", Seoul's
    # old name
])
def test_a_romance_connector_or_an_arabic_article_joins_a_names_words(recognise, text, names):
    assert surfaces(recognise, text) == names


def test_of_the_joins_no_person_to_the_place_after_it(recognise):
    text = "Dr. Jane Moss of the Texas Department of Health said so."
    assert surfaces(recognise, text) == ["Texas"]


def test_parts_of_hyphenated_names_are_not_places(recognise):
    assert surfaces(recognise, "Police were called to a Wal-Mart store in London.") == ["London"]
    assert surfaces(recognise, "The senator flew back to Mar-a-Lago on Friday.") == []  # no Lago of Portugal
    # a hyphened name the gazetteer lacks is one unlisted name, not Petite Rivière of Mauritius
    assert surfaces(recognise, "Residents of Petite-Rivière-de-l'Artibonite fled.") == ["Petite-Rivière-de-l'Artibonite"]


@pytest.mark.parametrize("text, name", [
    ("Both were lodged in the Pike County Detention Center.", "Pike County"),
    ("The Boone County Coroner's Office confirmed the death.", "Boone County"),
    ("Croydon Council said the road would reopen.", "Croydon"),
])
def test_a_local_authority_is_named_after_its_place(recognise, text, name):
    assert surfaces(recognise, text) == [name]


@pytest.mark.parametrize("text", [
    "Cases of West Nile virus rose this summer.",
    "Bats carried Sudan ebolavirus; Omsk hemorrhagic fever is rarer.",
    "The shot protects against an A/Texas/50/2012-like strain.",  # an influenza strain's name
    "Radio Havana said the storm had passed.",  # a broadcaster's name opening a sentence
    "Port officials said the tanker had docked.",  # a feature's word alone, though a French village is "Port"
    "Two cases followed in the Summer of 2009 and one in Spring 2010.",  # seasons, not Summer or Spring towns
    "He scored twice for Real Madrid on Sunday.",
    "She directs the Howard Trust Centre for Genetic Research.",
    "The crop is worth $US 2 billion a year.",
    "Manchester United beat Blackburn Rovers.",
    "The crash closed U.S. 84 for an hour.",
    "Rockfall closed U.S. Highway 14A for a day.",
    "The Des Moines Register and the Columbus Dispatch ran the story.",  # newspapers
    "Shares of Texas Instruments and Alaska Airlines rose.",  # companies
    "Portland General Electric and Tampa Electric restored power.",  # utilities
    "Georgia beat Texas 30-15, Oklahoma lost 27-10 to South Carolina and Napoli drew 2-2 with Lyon.",  # results
    "Sussex beat Kent by six wickets and Surrey lost to Essex by 45 runs.",  # margins
])
def test_names_that_only_borrow_a_place_name(recognise, text):
    assert surfaces(recognise, text) == []


def test_a_disease_named_after_a_place_stays_the_disease_where_the_text_names_it_so(recognise):
    text = ("It is the second Marburg outbreak this year, and there is no treatment for Marburg. "
            "The Marburg virus is named after Marburg in Germany. Sudan virus spread, Sudan said.")
    assert surfaces(recognise, text) == ["Marburg", "Germany", "Sudan"]  # the town, and the country (a great place)
    assert surfaces(recognise, "Lassa fever takes its name from Lassa, a town in Borno.") == ["Lassa", "Borno"]


def test_a_name_before_language_or_clan_is_no_place(recognise):
    assert surfaces(recognise, "The word comes from the Kimakonde language of Tanzania.") == ["Tanzania"]


def test_a_titled_persons_given_name_is_not_a_place(recognise):
    text = "Russian President Vladimir Putin spoke. Little happens in Moscow without Vladimir Putin."
    assert surfaces(recognise, text) == ["Moscow"]


@pytest.mark.parametrize("text, name", [
    ("Cholera reached Port-au-Prince last week.", "Port-au-Prince"),
    ("Elections were held in Côte d'Ivoire.", "Côte d'Ivoire"),
    ("Ducks were found in Prince George's County, Maryland.", "Prince George's County"),
    ("A bird was found in Prince Edward Island.", "Prince Edward Island"),
    ("Water was cut across eThekwini on Monday.", "eThekwini"),  # a Zulu name's prefix in lower case
])
def test_names_built_with_hyphens_elisions_and_titles(recognise, text, name):
    assert name in surfaces(recognise, text)


def test_the_village_of_marks_an_unlisted_place(recognise):
    assert "Qorvintal" in surfaces(recognise, "Birds died in the village of Qorvintal on Monday.")


@pytest.mark.parametrize("text, names", [
    ("Cases rose in the villages of Qorvintal and Dudescu.", ["Qorvintal", "Dudescu"]),
    ("Shops shut across the neighbourhoods of Qorvintal and Dudescu.", ["Qorvintal", "Dudescu"]),
    ("It reached three villages: Qorvintal, Velmora and Ostrakan.", ["Qorvintal", "Velmora", "Ostrakan"]),
    ("The delta is fed by three rivers: the Qorvintal, Velmora and Ostrakan.", ["Qorvintal", "Velmora", "Ostrakan"]),
    ("Outbreaks hit Qorvintal, Vietnam, last week.", ["Qorvintal", "Vietnam"]),
    ("A resident of Qorvintal, a suburb east of Harare, fell ill.", ["Qorvintal", "Harare"]),
    ("Qorvintal is a rural township in northern Taiwan.", ["Qorvintal", "Taiwan"]),
    ("Cholera struck Eldoret, Qorvintal, Thika and Garissa.", ["Eldoret", "Qorvintal", "Thika", "Garissa"]),
    ("Rebels took Kyaukme, Lashio and Qorvintal.", ["Kyaukme", "Lashio", "Qorvintal"]),  # closing a list of two
    ("Plague has struck Qorvintal province, in the north.", ["Qorvintal"]),
    ("They closed the Qorvintal and Velmora districts.", ["Qorvintal", "Velmora"]),
    ("Herders crossed the Qorvintal region at dawn.", ["Qorvintal"]),  # "region", "department", "oblast" too
    ("Rain fell in Kerala's Idukki and Velmora districts overnight.", ["Kerala", "Idukki", "Velmora"]),
    ("The riot began in Cairo's Velmora neighbourhood.", ["Cairo", "Velmora"]),
    ("Officials in Topeka and nearby Velmora said so.", ["Topeka", "Velmora"]),
    ("Rain made the Qorvintal river burst its banks.", ["Qorvintal"]),
    ("The Qorvintal river burst its banks.", ["Qorvintal"]),  # a feature's kind, whatever follows
    ("Aid trucks queued at the Velmora crossing.", ["Velmora"]),
    ("The storm hit Qorvintal island first.", ["Qorvintal"]),
    ("Sluice gates of the Qorvintal dam were opened.", ["Qorvintal"]),
    ("Officials said the Qorvintal and Velmora reservoirs are full.", ["Qorvintal", "Velmora"]),
    ("Many died in the Nairobi slum Qorvintal.", ["Nairobi", "Qorvintal"]),  # a kind of settlement before it
])
def test_the_text_says_an_unlisted_name_is_a_place(recognise, text, names):
    assert surfaces(recognise, text) == names


@pytest.mark.parametrize("text, names", [
    ("Velmora Qorvintal, Sudan's envoy, spoke.", ["Sudan"]),
    ("Jane Qorvintal, a state senator, said so.", []),
    ("Shells hit the Qorvintal villages overnight.", []),
    ("Google, Qorvintal and Amazon filed suits.", []),
    ("It began as a Qorvintal settlement.", []),  # a people's word before a feature's kind
    ("Rain fell. Worryingly, Vietnam had no stocks.", ["Vietnam"]),  # an adverb before a country is no place
])
def test_people_described_near_places_stay_people(recognise, text, names):
    assert surfaces(recognise, text) == names


@pytest.mark.parametrize("text, names", [
    ("In Oslo the Qorvintal ferry was held in port.", ["Oslo"]),  # "in" reaches no name after a place and "the"
    ("In the Qorvintal region, wells ran dry.", ["Qorvintal"]),  # guard: "in the X region"
])
def test_the_after_a_place_ends_what_in_reaches(recognise, text, names):
    assert surfaces(recognise, text) == names


def test_a_scandinavian_and_joins_a_divisions_name(recognise):
    assert surfaces(recognise, "Storms hit Møre og Romsdal and Vestland.") == ["Møre og Romsdal", "Vestland"]


@pytest.mark.parametrize("text, names", [
    ("Shimla, once called Simla, was a summer capital.", ["Shimla", "Simla"]),  # a former name
    ("They moved to a village called Kirkbymoor.", ["Kirkbymoor"]),  # a place's noun before "called"
    ("A man called Jordan Smith was arrested.", []),  # a person's name
    ("Khankendi was long known in Armenian as Stepanakert.", ["Khankendi", "Stepanakert"]),  # another name
    ("A drummer known as Burch toured Hamm.", ["Hamm"]),  # guard: a village's other name, no place the text names
])
def test_called_names_a_place_after_a_places_noun_or_a_former_name(recognise, text, names):
    assert surfaces(recognise, text) == names


@pytest.mark.parametrize("text, names", [
    ("Fighting closed Virunga National Park near Goma.", ["Virunga National Park", "Goma"]),  # not "National Park"
    ("Crews worked along the shore of Great Slave Lake.", ["Great Slave Lake"]),  # not the town of Slave Lake
    ("Canoeists paddled down the River Wye.", ["River Wye"]),  # not a person "River Wye"
    ("Snow fell in northern Williamson County.", ["Williamson County"]),
    ("Lava flowed down the Valle del Bove.", []),  # no "Valle" of its own
    ("Snow closed the Qorvintal Pass and the Bayaz Gorge road.", ["Qorvintal Pass", "Bayaz Gorge"]),
    ("Divers reached Qorvintal Atoll across the Bayaz Lagoon.", ["Qorvintal Atoll", "Bayaz Lagoon"]),
    ("Rain is expected over the Velmora Range and on Qorvintal Mountain.", ["Velmora Range", "Qorvintal Mountain"]),
    ("Fires burned on Bayaz Moor and in the Qorvintal Wilderness.", ["Bayaz Moor", "Qorvintal Wilderness"]),
])
def test_a_features_name_is_one_name_though_its_end_is_a_known_one(recognise, text, names):
    assert surfaces(recognise, text) == names


def test_a_numbered_district_is_no_place_of_its_own(recognise):
    assert surfaces(recognise, "Voters in Maine's 2nd Congressional District chose a Democrat.") == ["Maine"]


def test_a_features_name_names_no_person(recognise):
    text = "Belize guards the Belize Barrier Reef, including Lighthouse Reef."
    assert surfaces(recognise, text)[0] == "Belize"  # no given name of a "Belize Barrier Reef"


@pytest.mark.parametrize("text, places", [
    ("Ann Pike, 54, of Tyler said she was not worried.", ["Tyler"]),
    ("Medics found Jane Holt, of Tyler, unhurt.", ["Tyler"]),  # a comma before "of"
    ("Police say James Suver of Columbia had a wound.", ["Columbia"]),
    ("The Duke of Columbia arrived.", []),
])
def test_a_common_word_is_the_place_a_person_is_of(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_a_town_a_firm_is_based_in_is_a_place(recognise):
    assert surfaces(recognise, "Shares of the Reading-based brewer fell.") == ["Reading"]  # a common word otherwise
    assert surfaces(recognise, "Water-based paints sold well.") == []  # a word that only opens the sentence


@pytest.mark.parametrize("text, places", [
    ("Families fled villages such as Qorvintal and Velmora.", ["Qorvintal", "Velmora"]),
    ("Floods reached towns, including Velmora and Kisii.", ["Velmora", "Kisii"]),
    ("He admires writers such as Qorvintal and Velmora.", []),  # guard: no place noun
])
def test_examples_of_a_plural_place_noun_are_places(recognise, text, places):
    assert surfaces(recognise, text) == places


@pytest.mark.parametrize("text, places", [
    ("Aid reached the Bay and Lower Juba regions last week.", ["Bay", "Lower Juba"]),  # Somalia's Bay region
    ("Crews sailed across the Bay on Monday.", []),  # guard: a feature's word alone
    ("Voting was calm in the Central department on Sunday.", ["Central"]),  # Paraguay's
    ("The Plateau state government imposed a curfew.", ["Plateau"]),  # Nigeria's
    ("Cholera spread through the Centre department overnight.", ["Centre"]),  # an organisation's word too
    ("She runs the Centre for Rural Studies.", []),  # guard: an organisation's word alone
])
def test_a_division_named_by_a_common_word_is_a_place_before_its_kind(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_out_of_and_a_bearing_of_are_locatives(recognise):
    assert surfaces(recognise, "Supplies are flown out of Derby every day.") == ["Derby"]  # a common word otherwise
    assert surfaces(recognise, "The farm lies ten miles south of Cleveland.") == ["Cleveland"]  # a surname otherwise
    assert surfaces(recognise, "Convoys reached Sake, 25 km west of Goma, on Friday.") == ["Sake", "Goma"]


def test_a_lake_named_after_a_town_is_one_name(recognise):
    assert surfaces(recognise, "Homes near Cedar Creek Lake flooded.") == ["Cedar Creek Lake"]  # not Cedar Creek


@pytest.mark.parametrize("text, places", [
    ("Homes on Anna Maria Island flooded.", ["Anna Maria Island"]),  # not the town of Anna Maria alone
    ("La Aurora International Airport reopened on Sunday.", ["La Aurora International Airport"]),
    ("Ore carriers load at Dampier and Cape Lambert.", ["Dampier", "Cape Lambert"]),  # a list's member
    ("Tourism in Turks and Caicos Islands recovered.", ["Turks and Caicos Islands"]),  # guard: known whole
    ("Snow fell across the western Upper Peninsula.", ["Upper Peninsula"]),  # guard: a known name ends the run
])
def test_an_island_airport_or_cape_named_after_a_town_or_a_person_is_one_name(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_an_abbreviated_saint_keeps_a_name_whole(recognise):
    assert surfaces(recognise, "Workers in Sault Ste. Marie voted to strike.") == ["Sault Ste. Marie"]


def test_an_age_before_a_name_makes_it_a_persons(recognise):
    assert surfaces(recognise, "Medics found 82-year-old Geneva Holt, of Tyler, unhurt.") == ["Tyler"]


@pytest.mark.parametrize("text, mentions", [
    ("He was hurt near Nenagh, Co Tipperary, on Monday.", [("Nenagh", ""), ("Co Tipperary", "Tipperary")]),
    ("Roads in County Kerry and Co. Meath were shut.", [("County Kerry", "Kerry"), ("Co. Meath", "Meath")]),
    ("The County Council met County Commissioner Ann Hale.", []),
    ("Floods shut roads in County Down and Co Tyrone.", [("County Down", ""), ("Co Tyrone", "")]),  # Ulster's counties
])
def test_an_irish_county_is_named_after_county_or_co(recognise, text, mentions):
    assert named(recognise, text) == mentions


@pytest.mark.parametrize("text, mentions", [
    ("The Ohio crested at Paducah.", [("Ohio", "Ohio River"), ("Paducah", "")]),
    ("Barges wait at the meeting of the Missouri and the Mississippi.", [("Missouri", "Missouri River"),
                                                                         ("Mississippi", "Mississippi River")]),
    ("The Ohio delegation flew to Denver.", [("Ohio", ""), ("Denver", "")]),  # guard: an adjective
    ("Levees on the Sacramento-San Joaquin delta held.", [("Sacramento", "")]),  # guard: a compound
    ("Pirogues on the Niger carried rice to Mopti.", [("Niger", "Niger River"), ("Mopti", "")]),  # a country
    ("Ice closed the lower Angara to barges.", [("Angara", "Angara River")]),  # not Ankara
    ("Cargo boats on the Congo reached Mbandaka.", [("Congo", ""), ("Mbandaka", "")]),  # guard: "the Congo" is
    # the country's English name too
])
def test_a_states_or_countrys_name_after_the_as_a_noun_is_its_river(recognise, text, mentions):
    assert named(recognise, text) == mentions


@pytest.mark.parametrize("text, mentions", [
    ("Fishing boats on the Ravi near Lahore stayed moored.", [("Ravi", "Ravi River"), ("Lahore", "")]),  # a given name
    ("Boats on the Murray, near Mildura, were moored.", [("Murray", "Murray River"), ("Mildura", "")]),
    ("Loggers are moving into the Xingu basin.", [("Xingu", "Xingu River")]),  # known only as "Xingu River"
    ("He met the Murray family in Perth.", [("Perth", "")]),  # guard: a family's name
    ("The Hunter played well in Sydney.", [("Sydney", "")]),  # guard: a title, and no river's noun after it
    ("The Ravi was still rising near Lahore.", [("Ravi", "Ravi River"), ("Lahore", "")]),  # what a river does
    ("The Xingu flowed faster after the rains.", [("Xingu", "Xingu River")]),
    ("The Murray was arrested in Perth.", [("Perth", "")]),  # guard: what a person undergoes
    ("Fans queued for the Test in Perth on Friday.", [("Perth", "")]),  # a common word, though the River Test has a row
    ("Staff said the DA in Durban would decide.", [("Durban", "")]),  # an initialism: not the Da River
])
def test_a_rivers_name_after_the_is_the_river_though_it_is_a_persons_name(recognise, text, mentions):
    assert named(recognise, text) == mentions


@pytest.mark.parametrize("text, places", [
    ("Snow covered much of Buffalo, and power was out across the rest of Mobile.", ["Buffalo", "Mobile"]),
    ("Half of Madison was without power.", ["Madison"]),
    ("Floods hit low-lying areas of Qorvintal and Velmora.", ["Qorvintal", "Velmora"]),
    ("The rest of MLAs voted in Patna.", ["Patna"]),  # guard: a plural acronym is no name
])
def test_a_share_of_a_place_says_it_is_a_place(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_a_decade_ends_its_sentence(recognise):
    # the "s." of "1990s." is no initial: "In" opens the next sentence, and "In Split" is no name
    assert surfaces(recognise, "Crime fell sharply in the 1990s. In Split, the harbour reopened.") == ["Split"]


def test_a_distance_of_a_place_says_it_is_a_place(recognise):
    assert surfaces(recognise, "Police searched within 20 miles of Madison on Friday.") == ["Madison"]


def test_a_language_before_speaking_is_no_place(recognise):
    assert surfaces(recognise, "Teachers in English-speaking schools in Bamenda protested.") == ["Bamenda"]


@pytest.mark.parametrize("text, places", [
    ("A Madison man was arrested.", ["Madison"]),
    ("A Velmora teen was hurt.", ["Velmora"]),
    ("COLUMBIA, S.C. — A Lexington man drowned.", ["COLUMBIA", "S.C.", "Lexington"]),  # a sentence opens after a dateline
    ("08:15 — A Naga City man drowned.", ["Naga City"]),  # ... and after a live blog's time
    ("A Cameroonian woman was treated in Paris.", ["Paris"]),  # an adjective, without --demonyms no place
    ("Letters to Brazilians in Lisbon went unanswered.", ["Lisbon"]),  # nor are a country's people
])
def test_a_town_says_where_a_person_is_from(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_a_common_word_before_its_state_is_a_place(recognise):
    assert surfaces(recognise, "The court sits in Buffalo, New York.") == ["Buffalo", "New York"]
    assert surfaces(recognise, "Buffalo, New York, declared an emergency.") == ["Buffalo", "New York"]


@pytest.mark.parametrize("text, places", [
    ("Commuters on Outer Ring Road were stuck.", ["Outer Ring Road"]),
    ("Southend on Sea flooded.", ["Southend on Sea"]),
])
def test_a_sentences_first_word_joins_no_name_across_a_preposition(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_a_delta_is_one_feature_not_a_river_and_a_state(recognise):
    assert surfaces(recognise, "Fighting was reported in the Mekong Delta.") == ["Mekong Delta"]


@pytest.mark.parametrize("text, name", [
    ("A fire broke out on Church Street overnight.", "Church Street"),
    ("Police closed Hospital Lane after the crash.", "Hospital Lane"),
    ("The house on Sandpiper Drive was sold.", "Sandpiper Drive"),
])
def test_a_street_is_named_like_a_feature_even_after_an_institutions_word(recognise, text, name):
    assert surfaces(recognise, text) == [name]


@pytest.mark.parametrize("text, name", [
    ("It was answered by the Kern County Water District.", "Kern County"),
    ("Janesville, Mount Vernon Mayor Jane Doe and others met.", "Mount Vernon"),
    ("FRANKFORT, Ky. - A Boone County man was arrested.", "Boone County"),
])
def test_a_known_name_inside_a_longer_feature_name(recognise, text, name):
    assert name in surfaces(recognise, text)


@pytest.mark.parametrize("text, places", [
    ("In Kiev, police said the roads were shut. Kiev was calm.", ["Kiev", "Kiev"]),  # "In Kiev" is no person
    ("Below Chamonix, the valley widens. Trains into Chamonix ran late.", ["Chamonix", "Chamonix"]),  # no "Mr Chamonix"
    ("Elsewhere Lerwick had gales. Downstream Vicksburg braced for the crest.", ["Lerwick", "Vicksburg"]),
    ("Floods shut Porto Alegre's airport.", ["Porto Alegre"]),
    ("Traders on Lagos Island said prices rose.", ["Lagos Island"]),
    ("Katoomba and Blackheath told residents to leave.", ["Katoomba", "Blackheath"]),
])
def test_a_place_before_a_verb_of_saying_or_a_possessive_can_stay(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_a_minor_places_name_next_to_a_verb_of_saying_is_a_speaker(recognise):
    assert surfaces(recognise, '"Screening does not work," Kemp said in Geneva.') == ["Geneva"]
    assert surfaces(recognise, "A lab in Wageningen confirmed the result.") == ["Wageningen"]


def test_a_place_of_two_words_that_no_given_name_opens_is_no_speaker(recognise):
    assert surfaces(recognise, "Officials said New Delhi had shared the warning.") == ["New Delhi"]
    assert surfaces(recognise, "Aides said Glen Rose had left for Austin.") == ["Austin"]  # guard: Glen is a name


def test_a_naming_word_vouches_for_a_person_only_after_a_word_for_one(recognise):
    text = "Troops took Bakhmut. A channel called Bakhmut Forever posts photographs of Bakhmut."
    assert surfaces(recognise, text) == ["Bakhmut", "Bakhmut"]
    assert surfaces(recognise, "A man called Kemp said Kemp was tired.") == []  # guard


@pytest.mark.parametrize("text", [
    "Six miners died, according to Tass.",
    "Six miners died, the Tass news agency said.",
    "Six miners died, Tass reported.",
])
def test_a_minor_places_name_as_a_news_source_is_no_place(recognise, text):
    # Tass is a village in Hungary and a Russian news agency.
    assert surfaces(recognise, text) == []


@pytest.mark.parametrize("text", [
    "Roads were cut, the Xinhua news agency reported. Two bridges fell, Xinhua said.",
    "Two bridges fell, state media agency Xinhua said.",
    "District spokesman Wasdi bin Umri told reporters the roads were open.",
])
def test_an_agencys_name_and_a_fathers_name_are_no_places(recognise, text):
    # Xinhua and Umri are towns in China and India. A guard: it keeps the next test's rule from going too far.
    assert surfaces(recognise, text) == []


def test_a_city_that_speaks_is_a_place_where_no_person_bears_its_name(recognise):
    assert surfaces(recognise, "Tacloban says it sent rescuers and generators.") == ["Tacloban"]


def test_a_place_that_qualifies_a_source_is_a_place(recognise):
    # "Coahuila" is the short name of Coahuila de Zaragoza, no major place's own name.
    assert surfaces(recognise, "Nine people died, according to Coahuila state prosecutors.") == ["Coahuila"]
    assert surfaces(recognise, "Bees died, according to Dennis van Engelsdorp.") == []  # guard: a name's particle


def test_a_major_place_as_a_source_stays_a_place(recognise):
    assert surfaces(recognise, "Prices rose, according to China.") == ["China"]


def test_a_four_letter_dateline_or_capital_after_in_is_a_place_and_an_acronym_elsewhere_is_not(recognise):
    assert surfaces(recognise, "KYIV (Reuters) - Missiles struck Kharkiv.") == ["KYIV", "Kharkiv"]
    assert surfaces(recognise, "A NATO summit met in Oslo.") == ["Oslo"]
    assert surfaces(recognise, "Ministers met in BAKU, while envoys stayed in NATO offices.") == ["BAKU"]  # a capital


def test_a_word_opening_the_text_after_a_mixed_case_dateline_opens_a_sentence(recognise):
    assert surfaces(recognise, "DAVAO CITY, Mindanao — Marines patrolled the coast.") == ["DAVAO CITY", "Mindanao"]


def test_an_upper_case_possessive_stays_inside_a_name(recognise):
    assert surfaces(recognise, "ST. JOHN'S, Newfoundland — Snow fell overnight.") == ["ST. JOHN'S", "Newfoundland"]


def test_a_three_letter_dateline_before_its_country_is_a_place(recognise):
    assert surfaces(recognise, "QOM, Iran — Clerics gathered for Friday prayers.") == ["QOM", "Iran"]
    assert surfaces(recognise, "BBC, Reuters and AP reported the fire in Oslo.") == ["Oslo"]


def test_a_known_word_that_is_only_an_alternate_name_is_no_place(recognise):
    assert surfaces(recognise, "Israel and Hamas agreed to a truce on Sunday.") == ["Israel"]
    assert surfaces(recognise, "Ships crossed the Mediterranean to reach Crete.") == ["Mediterranean", "Crete"]


def test_continent_groups_and_historical_countries_are_curated(recognise):
    assert surfaces(recognise, "Measles returned to the Americas after the Soviet Union fell.") == ["Americas", "Soviet Union"]


def test_countries_after_by_and_a_titled_persons_place(recognise):
    assert surfaces(recognise, "The truce was brokered by Egypt and Qatar on Tuesday.") == ["Egypt", "Qatar"]
    assert surfaces(recognise, "On Sunday, Sen. Jane Doe of Ohio spoke.") == ["Ohio"]
    assert surfaces(recognise, "The column was written by Clifford Jones.") == []


def test_people_are_learned_from_names_not_from_the_place_or_the_connector(recognise):
    text = "The Truro skater came home to Truro. Nora Pelham of Brampton waits; later Pelham went home."
    assert surfaces(recognise, text) == ["Truro", "Truro", "Brampton"]


def test_a_given_name_in_a_family_the_article_names_twice_is_a_persons(recognise):
    text = ("Ten-year-old Chad Morrow won the race. Chad trained for years, said Alice Morrow, his mother. "
            "He will race in Chad next spring.")
    assert surfaces(recognise, text) == ["Chad"]
    assert recognise(text)[0].start == text.index("in Chad") + 3


def test_a_surname_in_a_family_the_article_names_twice_is_a_persons(recognise):
    # Lau is also a province of Fiji.
    assert surfaces(recognise, "Mei Lau was born early, Tom Lau recalled. Lau flew to Suva.") == ["Suva"]


def test_events_named_after_places_make_no_family(recognise):
    # "Prix" after "Monaco" and "Spanish" names no surname of two people, nor "Marathon" after two cities.
    text = ("MONACO — Norris won the Monaco Grand Prix. Next comes the Spanish Grand Prix. "
            "She ran the Boston Marathon, then the London Marathon, and went home to Boston.")
    assert surfaces(recognise, text) == ["MONACO", "Monaco", "Boston", "London", "Boston"]


def test_a_villages_other_name_alone_is_no_place(recognise):
    assert surfaces(recognise, "Burch was arrested in Denver and charged with burglary.") == ["Denver"]


def test_an_institutions_namesake_is_no_place(recognise):
    assert surfaces(recognise, "He was taken to St. Joseph's Hospital in Denver.") == ["Denver"]
    assert "Britain" in surfaces(recognise, "Britain's Foreign Office said so.")
    assert surfaces(recognise, "Parents said Pike County's school board met.") == ["Pike County"]  # the county's own
    text = "McDonald's is calling diners. A spokeswoman for McDonald's, Ann Reed, said Texas's rules apply."
    assert surfaces(recognise, text) == ["Texas"]  # a possessive that possesses nothing: a business


def test_with_demonyms_an_adjective_names_its_country_or_continent(gazetteer):
    recognise = Recognizer(gazetteer, demonyms=True)
    assert surfaces(recognise, "Syrian and European officials met.") == ["Syrian", "European"]
    assert surfaces(recognise, "East Asian markets fell.") == []
    assert surfaces(Recognizer(gazetteer), "Syrian and European officials met.") == []


def test_without_demonyms_an_adjective_is_no_place(recognise):
    assert surfaces(recognise, "Thai police and Argentine farmers met in Rosario.") == ["Rosario"]


def test_with_demonyms_a_language_is_no_mention(gazetteer):
    recognise = Recognizer(gazetteer, demonyms=True)
    assert surfaces(recognise, "She speaks French, and he shouted in Turkish.") == []
    assert surfaces(recognise, "Jets flew in Turkish airspace.") == ["Turkish"]


def test_a_state_abbreviation_that_is_also_a_word_needs_its_town(recognise):
    assert surfaces(recognise, "He lives in Boston, Mass., and works there.") == ["Boston", "Mass."]
    assert surfaces(recognise, "ATHENS, Ga. (AP) - A barn burned.") == ["ATHENS", "Ga."]
    assert surfaces(recognise, "The family attended Mass. Then they left.") == []


@pytest.mark.parametrize("text, places", [
    ("Clinton police arrested a man on Sunday.", ["Clinton"]),
    ("Richmond's mayor resigned on Friday.", ["Richmond"]),
    ("Princeton's council will meet on Monday.", ["Princeton"]),  # its own council, no institution named after it
    ("Dorchester County reported flooding on Monday.", ["Dorchester County"]),  # a county is no speaker
    ("Gunmen struck in Mangu LGA of Plateau State.", ["Mangu", "Plateau State"]),  # a local government area
    ("Many residents became sick.", []),
])
def test_a_towns_police_mayor_or_residents_name_the_town(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_a_peoples_adjective_before_region_names_the_region_called_so(recognise):
    assert [(m.text, m.signal) for m in recognise("Herders in Ethiopia's Somali region lost cattle.")] \
        == [("Ethiopia", "gazetteer"), ("Somali", "gazetteer")]


@pytest.mark.parametrize("text, places", [
    ("Cocoa prices rose sharply on Monday.", []),  # Cocoa, Florida, is a town of 18,000
    ("Cocoa is a city in Brevard County, Florida. Cocoa was founded in 1860.", ["Cocoa", "Brevard County", "Florida", "Cocoa"]),
    ("Lorry drivers queued for hours at the border.", []),  # a rarer word, but only a French village's name
])
def test_a_word_capitalised_only_to_open_a_sentence_is_no_town(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_a_clubs_name_is_no_persons_so_its_place_stays_a_place_elsewhere(recognise):
    assert surfaces(recognise, "Protesters gathered in Kiev. Dynamo Kiev won 2-0.") == ["Kiev"]


@pytest.mark.parametrize("text, places", [
    ("Police in Rio de Janeiro seized weapons. The governor of Rio said more would follow.", ["Rio de Janeiro", "Rio"]),
    ("Bengaluru (Bangalore) police booked a cab driver.", ["Bengaluru", "Bangalore"]),
    ("Bombay grew from seven islands. It was renamed Mumbai in 1995.", ["Bombay", "Mumbai"]),  # though it opens a sentence
])
def test_a_city_named_in_full_may_be_named_in_short_or_by_its_old_name(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_the_words_of_a_clubs_name_mark_the_place_in_it_as_the_clubs(recognise):
    text = "Hertha Berlin drew with Werder Bremen, and Partick Thistle beat Plymouth Argyle in Glasgow."
    assert surfaces(recognise, text) == ["Glasgow"]


@pytest.mark.parametrize("text, places", [
    ("The striker joined Horoya FC of Conakry last year.", ["Conakry"]),
    ("Kalev of Tallinn and Dinamo Tbilisi advanced.", ["Tallinn"]),  # a list with a club's word in it
    ("A columnist for The Times of India disagreed.", []),  # guard: a paper's name
])
def test_a_clubs_town_after_of_is_a_place(recognise, text, places):
    assert surfaces(recognise, text) == places


@pytest.mark.parametrize("text, places", [
    ("Shares in Entergy Louisiana slipped as crews worked in Baton Rouge.", ["Baton Rouge"]),  # a company's
    ("Yeferson Córdoba scored twice in Cali.", ["Cali"]),  # a person's
    ("Smugglers crossed at Ciudad Hidalgo overnight.", ["Ciudad Hidalgo"]),  # guard: a word places' names open with
    ("CTV Winnipeg reported the blaze.", ["Winnipeg"]),  # guard: an acronym, as TR-News marks it
    ("Hikers reached Maligne Lake by noon.", ["Maligne Lake"]),  # guard: a feature's name
])
def test_foreign_words_no_place_has_before_a_place_make_a_clubs_or_companys_name(recognise, text, places):
    assert surfaces(recognise, text) == places


@pytest.mark.parametrize("text, places", [
    ("Drowning at Greers Ferry Lake\n\nA Conway man, 27, drowned Sunday.", ["Greers Ferry Lake", "Conway"]),
    ("Quilt show results\n\nA Scranton woman took the blue ribbon.", ["Scranton"]),
])
def test_a_word_opening_a_line_opens_a_sentence(recognise, text, places):
    assert surfaces(recognise, text) == places  # "A" is an article, not an initial before a surname


def test_a_landmark_that_acts_is_a_government(recognise):
    assert surfaces(recognise, "The Kremlin declined to comment on the talks in Geneva.") == ["Geneva"]
    assert surfaces(recognise, "Crowds marched past the Kremlin.") == ["Kremlin"]  # guard: standing, it is a place
    assert surfaces(recognise, "The Kremlin's response came a day later, from Geneva.") == ["Geneva"]
    assert surfaces(recognise, "Pilots based at Heathrow said they would strike.") == ["Heathrow"]  # guard


def test_dams_and_volcanoes_are_places_no_list_holds(recognise):
    assert surfaces(recognise, "Spillways of the Qorvin Dam opened as ash rose from Velmora Volcano.") \
        == ["Qorvin Dam", "Velmora Volcano"]


def test_a_features_word_alone_is_a_place_only_as_the_sea_news_calls_by_it(recognise):
    assert surfaces(recognise, "Gulf Air cancelled flights, and the Gulf Cartel fought in Tamaulipas.") == ["Tamaulipas"]
    assert surfaces(recognise, "Tankers waited in the Gulf.") == ["Gulf"]


def test_bases_and_cosmodromes_are_places_no_list_holds(recognise):
    assert surfaces(recognise, "Supplies flew from Qorvin Naval Base to the Velmora Cosmodrome.") \
        == ["Qorvin Naval Base", "Velmora Cosmodrome"]


@pytest.mark.parametrize("text, places", [
    ("Supporters of the Kano Pillars football club marched in Kano.", ["Kano"]),
    ("The Sylhet Strikers cricket franchise gave rice to families in Sunamganj.", ["Sunamganj"]),
    ("The New Zealand cricket team landed in Colombo.", ["New Zealand", "Colombo"]),  # guard: a country's team
])
def test_a_teams_name_before_club_or_team_is_no_place(recognise, text, places):
    assert surfaces(recognise, text) == places




@pytest.mark.parametrize("text, places", [
    ("The Phoenix Suns lost to the Portland Trail Blazers in Seattle.", ["Seattle"]),
    ("Chennai Super Kings and Bengaluru Royals meet in Pune.", ["Pune"]),
    ("Fans of the Leeds Rhinos and Wigan Warriors packed the pubs of Salford.", ["Salford"]),
    ("Hikers reached Colorado Springs and Palm Beach Gardens.", ["Colorado Springs", "Palm Beach Gardens"]),  # guard
    ("Ohio State Troopers closed the road, and Nevada Democrats met in Reno.", ["Ohio", "Nevada", "Reno"]),  # guard
    ("U.S. Marines landed near Basra.", ["U.S.", "Basra"]),  # guard: a country's forces
    ("Work began at Port Edwards in May.", ["Port Edwards"]),  # guard: a surname made of a given name
])
def test_a_place_before_a_plural_noun_names_a_team(recognise, text, places):
    assert surfaces(recognise, text) == places


@pytest.mark.parametrize("text, places", [
    ("Rovers beat Carlow 3-1 in Athlone.", ["Athlone"]),
    ("Scores: Tipton 28, Kokomo 14.", []),
    ("Rain fell in Kokomo on Friday.", ["Kokomo"]),  # guard: the same town without a score
    ("Kwara United beat Shooting Stars of Ibadan 2-0.", ["Ibadan"]),  # guard: the club's town after "of"
    ("The quake struck off Peru 10-12 miles out.", ["Peru"]),  # guard: a range, not a score
])
def test_a_place_before_its_score_names_a_team(recognise, text, places):
    assert surfaces(recognise, text) == places
@pytest.mark.parametrize("text, places", [
    ("Board chair Troy Madsen said the meeting drew parents from Troy, Genesee and Viola.",
     ["Troy", "Genesee", "Viola"]),
    ("Fire chief Boyd Hooker said the blaze burned between Hooker and Tyrone.", ["Hooker", "Tyrone"]),
    ("Ann Keller spoke in Austin, Texas. Keller said the vote was close.", ["Austin", "Texas"]),  # guard: no list
    ("Board chair Troy Madsen met parents from Troy and", []),  # guard: a list cut off where the text ends
])
def test_a_town_a_person_is_named_like_is_a_town_in_a_list_of_places(recognise, text, places):
    assert surfaces(recognise, text) == places


@pytest.mark.parametrize("text, places", [
    ("Pilgrims climbed Adam's Peak at dawn.", ["Adam's Peak"]),  # not Adam, a town of Oman
    ("Smoke from California's Valley fire reached Reno.", ["California", "Reno"]),  # guard: a state keeps its name
])
def test_a_name_is_no_place_where_it_only_starts_a_features(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_the_head_of_a_persian_compound_is_no_place_of_its_own(recognise):
    assert "Gulshan" not in surfaces(recognise, "Power was cut in Gulshan-e-Iqbal, a district of Karachi.")


@pytest.mark.parametrize("text, places", [
    ("Researchers at Ohio State University tested ducks from Lake Erie.", ["Lake Erie"]),
    ("The land was given by Concord University.", []),
    ("She moved from College Station to Houston.", ["College Station", "Houston"]),  # guard: a town's own word
])
def test_a_place_naming_a_university_is_no_place(recognise, text, places):
    assert surfaces(recognise, text) == places


@pytest.mark.parametrize("text, places", [
    ("The band Boston played two nights in Denver.", ["Denver"]),
    ('She starred in "Casablanca" before she moved to Lyon.', ["Lyon"]),
    ("The colt Memphis Rain won by a length at Saratoga.", ["Saratoga"]),
    ("Diners ordered Brussels sprouts and Buffalo wings in Leeds.", ["Leeds"]),
    ("Brent crude rose and West Texas Intermediate fell as traders in Singapore bought.", ["Singapore"]),
    ("Cheese sold under the labels Geneva, Sunshine and Bayview was recalled in Iowa.", ["Iowa"]),  # brands
    ("Flooding hit towns such as Lund and Bayview. It names Russia as a threat.", ["Lund", "Bayview", "Russia"]),
    ("She leaves two sons, Austin and Tyler, and grandchildren Dakota and Cheyenne of Liberty, Texas.",
     ["Liberty", "Texas"]),  # an obituary's relatives
    ("Most were children, Samoa said, and the rest were in Brooklyn.", ["Samoa", "Brooklyn"]),
    ("Survivors include nine grandchildren, including Dallas, Sierra and Camden, all of Ames.", ["Ames"]),
    ('"Lyon is lovely," she said.', ["Lyon"]),  # guard: a quotation, not a title
])
def test_a_works_bands_or_dishs_name_is_no_place(recognise, text, places):
    assert surfaces(recognise, text) == places


@pytest.mark.parametrize("text, places", [
    ("Near Mosul, Christian and Yazidi farmers rebuilt their homes.", ["Mosul"]),  # Christian: Moundridge's old name
    ("Markets in Kano were crowded before the Eid prayers.", ["Kano"]),  # not Edd, Eritrea
    ("Clashes between Druze fighters and the army spread near Daraa.", ["Daraa"]),
])
def test_faiths_and_holidays_are_no_places(recognise, text, places):
    assert surfaces(recognise, text) == places


@pytest.mark.parametrize("text, places", [
    ("He leaves a son, Austin (Denise) Lindquist of Ames, and a brother.", ["Ames"]),  # his wife in brackets
    ("Her parents were Carl and Ruth (Hagen) Lindquist of Boone.", ["Boone"]),  # her maiden name
    ("A daughter was born to Jordan and Brianna Welch of Ames on May 2.", ["Ames"]),
    ("Talks between Jordan and Israel Tuesday ended without a deal.", ["Jordan", "Israel"]),  # guard: no one
    ("Board member Kip Jordan voted against the levy in Ames.", ["Ames"]),
    ('Rain ruined the stall again. "It came at night," said Nan, 64, who sells noodles in Chiang Mai.',
     ["Chiang Mai"]),  # a name with an age is a person's (Nan is also a Thai town and province)
    ("As a Security Council member, France can veto it.", ["France"]),  # guard: a body's own name
])
def test_obituaries_and_board_minutes_write_places_names_as_peoples(recognise, text, places):
    assert surfaces(recognise, text) == places


@pytest.mark.parametrize("text, places", [
    ("Two rowers crossed the Atlantic in 40 days.", ["Atlantic"]),
    ("Loggers threaten the Amazon, campaigners say.", ["Amazon"]),
])
def test_a_sea_or_forest_named_by_a_common_word_is_a_place_after_the(recognise, text, places):
    assert surfaces(recognise, text) == places


def test_scots_irish_and_welsh_lakes_and_rivers_are_features_by_their_first_word(recognise):
    text = "Anglers reported algae on Loch Qorvin, Lough Velmora, Llyn Ostrak and the Afon Dulas."
    assert surfaces(recognise, text) == ["Loch Qorvin", "Lough Velmora", "Llyn Ostrak", "Afon Dulas"]


@pytest.mark.parametrize("text, names", [
    ("Results from the Northern region gave the opposition Tamale.", [("Northern", "Northern Region"), ("Tamale", "")]),
    ("Mining fouled rivers in the Western and Ashanti regions.", [("Western", "Western Region"), ("Ashanti", "")]),
    ("Rain fell on farms in the Northern province of Alberta.", [("Alberta", "")]),
    ("The Northern team won.", []),  # a compass word alone names no place
])
def test_a_compass_word_before_region_names_the_division(recognise, text, names):
    assert named(recognise, text) == names


@pytest.mark.parametrize("text, names", [
    ("Ash fell near the Rio Velmora on Monday, and families in Velmora left.", ["Velmora"]),  # a river, no one
    ("Hikers fled along the Sierra Qorvintal. Crews in Qorvintal worked late.", ["Qorvintal"]),
    ("It was the Paris Hilton show. Hilton said so.", []),  # guard: a person's name modifying a noun
])
def test_a_two_word_name_after_the_and_before_no_noun_is_no_persons(recognise, text, names):
    assert surfaces(recognise, text) == names


@pytest.mark.parametrize("text, names", [
    ("TAMALE, Ghana (Volta Wire) — Floods cut the road to Bolgatanga.", ["TAMALE", "Ghana", "Bolgatanga"]),
    ("DARWIN, Aug 3 (Top End Weekly) - Ships left for Timor.", ["DARWIN", "Timor"]),
    ("Crowds gathered in Kano (northern Nigeria) — and in Abuja.", ["Kano", "Nigeria", "Abuja"]),  # no dateline
])
def test_a_datelines_credit_in_brackets_names_the_news_service(recognise, text, names):
    assert surfaces(recognise, text) == names


@pytest.mark.parametrize("text, names", [
    ("A 2009 Chevrolet Tahoe driven by a Topeka man hit a Hyundai Santa Fe.", ["Topeka"]),  # cars named after places
    ("The Jeep Cherokee was built there until 2017.", []),
    ("Crews from Dodge City and Garden City reached Ford County.", ["Dodge City", "Garden City", "Ford County"]),
])
def test_a_carmakers_model_is_no_place(recognise, text, names):
    assert surfaces(recognise, text) == names


@pytest.mark.parametrize("text, names", [
    ("Cattle stations in Far North Queensland flooded, graziers near Cooktown said.", ["North Queensland", "Cooktown"]),
    ("Ranchers in Far West Texas lost cattle.", ["West Texas"]),
    ("Cameroon's Far North region was hit.", ["Cameroon", "Far North"]),  # a division's own name stays
])
def test_far_before_a_direction_qualifies_the_place_after_it(recognise, text, names):
    assert surfaces(recognise, text) == names


@pytest.mark.parametrize("text, expected", [
    ("Convoys of grain passed through Qorvintal on their way north.", ["Qorvintal"]),
    ("Refugees crossed through the Qorvintal border post overnight.", ["Qorvintal"]),
    ("Exports flow through the Qorvintal pipeline to the coast.", []),  # a pipeline's name
    ("The virus spreads through the Velmora mosquito.", []),
])
def test_a_name_no_list_holds_after_through_is_a_place(recognise, text, expected):
    assert surfaces(recognise, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Rescuers searched Greens Bayou after the storm.", ["Greens Bayou"]),
    ("Farmers below the Qorvintal Barrage ran short of water.", ["Qorvintal Barrage"]),
    ("Hunters were barred from the Seney Refuge this winter.", ["Seney Refuge"]),
    ("Voters on the Qorvintal Indian Reservation waited for hours.", ["Qorvintal Indian Reservation"]),
])
def test_a_bayou_barrage_refuge_or_reservation_is_named_whole(recognise, text, expected):
    assert surfaces(recognise, text) == expected


def test_english_scottish_and_welsh_are_adjectives_not_towns(recognise, gazetteer):
    assert surfaces(recognise, "The notice was printed in English and Arabic.") == []  # not English, Indiana
    with_adjectives = Recognizer(gazetteer, demonyms=True)
    assert surfaces(with_adjectives, "Welsh hill farmers drove tractors to the square.") == ["Welsh"]  # Wales's
    assert surfaces(with_adjectives, "She taught English to adults near the harbour.") == []  # a language


@pytest.mark.parametrize("text, expected", [
    ("Quarter-finals on Saturday: Senegal v Morocco, then Egypt vs Algeria.", []),  # sides of fixtures
    ("The ruling in United States v. Halvorsk was appealed.", ["United States"]),  # a case names its state
])
def test_a_side_of_a_fixture_is_no_place(recognise, text, expected):
    assert surfaces(recognise, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Councilwoman Dana Austin led the count. Austin has promised a new library.", []),  # the councilwoman
    ("Councilwoman Dana Austin led the count. Austin, a former teacher, thanked voters.", []),
    ("Rents rose again this year. Austin has added more jobs than any other city.", ["Austin"]),  # no one so named
])
def test_a_titled_persons_surname_opening_a_sentence_is_that_person(recognise, text, expected):
    assert surfaces(recognise, text) == expected


@pytest.mark.parametrize("text", [
    "Qorvintal, a near-deserted mining town, lost its last school this year.",
    "Velmora, the river port at its northern edge, voted on Sunday.",
])
def test_a_name_described_as_a_town_after_a_comma_is_a_place(recognise, text):
    assert surfaces(recognise, text) == [text.split(",")[0]]


@pytest.mark.parametrize("text", [
    "The valley is home to Qorvintal families who farm the terraces.",
    "Gunmen from the Velmora movement blocked the road near the ford.",
    "Drones struck Qorvintal-held villages overnight.",
])
def test_a_name_no_list_holds_before_a_peoples_noun_names_no_place(recognise, text):
    assert surfaces(recognise, text) == []


@pytest.mark.parametrize("text, expected", [
    ("On Saturday Tyrone beat Armagh in a tight final.", []),  # two sides
    ("Galway drew with Clare, and Limerick host Cork next week.", []),
    ("It beat Leeds to host the games.", ["Leeds"]),  # a city, bidding
    ("The path follows the hills where Wales meets England.", ["Wales", "England"]),
    ("Thousands of factory jobs were lost to Mexico.", ["Mexico"]),
])
def test_sides_of_a_game_without_its_score_are_no_places(recognise, text, expected):
    assert surfaces(recognise, text) == expected


def test_a_name_no_list_holds_that_bursts_its_banks_is_a_river(recognise):
    assert named(recognise, "After a week of rain the Qorvintal burst its banks.") == [("Qorvintal", "Qorvintal River")]
    assert named(recognise, "After a week of rain the Qorvintal rose again.") == []  # a town's people may rise too


@pytest.mark.parametrize("text", [
    "Fans queued for hours at the Qorvintal stadium.",
    "Ministers from the Velmora bloc met in the capital.",
])
def test_a_name_no_list_holds_before_a_noun_of_things_names_no_place(recognise, text):
    assert surfaces(recognise, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Tyrone's fans lined the road home after the final.", []),  # a team's people
    ("Galway coach Niall Burke praised the defence.", []),
    ("Officials in Linz backed the coach limits for the old town.", ["Linz"]),  # a tour coach
    ("Fans in Rosario celebrated until dawn.", ["Rosario"]),
    ("Bastrop quarterback Luis Reyes threw for two scores.", []),
    ("Cuero (5-1, 2-0) plays at Yoakum on Friday night.", ["Yoakum"]),  # a season's record in brackets
])
def test_a_name_before_a_teams_people_is_the_team(recognise, text, expected):
    assert surfaces(recognise, text) == expected
