"""Date expressions, normalised against the publication date (geo/dates.py)."""
from __future__ import annotations

from datetime import date

import pytest

from geo.dates import DateMention, find_dates
from geo.model import EventDate

WED = date(2024, 11, 20)  # a Wednesday


def found(text: str, published: date | None = WED) -> list[tuple[str, str, str]]:
    """(matched text, value, precision) for every date in `text`."""
    return [(m.date.text, m.date.value, m.date.precision) for m in find_dates(text, published)]


# --- weekdays -----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Singh on Wednesday called for talks", ("Wednesday", "2024-11-20", "day")),
    ("On Monday, Jaishankar met Wang Yi", ("Monday", "2024-11-18", "day")),
    ("Monday's meeting was cordial", ("Monday", "2024-11-18", "day")),
    ("troops pulled back Thursday", ("Thursday", "2024-11-14", "day")),
    ("the attack last Friday", ("last Friday", "2024-11-15", "day")),
    ("the attack last Wednesday", ("last Wednesday", "2024-11-13", "day")),
    ("talks resume next Tuesday", ("next Tuesday", "2024-11-26", "day")),
    ("talks resume next Wednesday", ("next Wednesday", "2024-11-27", "day")),
    ("a vote this Friday", ("this Friday", "2024-11-22", "day")),
    ("a vote this coming Monday", ("this coming Monday", "2024-11-25", "day")),
])
def test_weekdays(text, expected):
    assert found(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    # Future tense: the next such day on or after publication.
    ("The talks will resume on Friday.", "2024-11-22"),
    ("The ministers are scheduled to meet on Wednesday", "2024-11-20"),
    ("On Friday, the leaders will meet in Delhi.", "2024-11-22"),
    ("The bridge will be opened on Monday", "2024-11-25"),
    # Past (or no) tense cue: the most recent one.
    ("The talks were held on Friday.", "2024-11-15"),
    ("On Monday, police said protesters will march.", "2024-11-18"),
    ("He will meet the envoy, who arrived on Monday.", "2024-11-18"),
])
def test_weekday_tense(text, expected):
    assert [value for _, value, _ in found(text)] == [expected]


def test_each_weekday_in_the_week_before_publication():
    text = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
    assert [value for _, value, _ in found(text)] == [
        "2024-11-18", "2024-11-19", "2024-11-20", "2024-11-14",
        "2024-11-15", "2024-11-16", "2024-11-17"]


# --- relative words -----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("said today", ("today", "2024-11-20", "day")),
    ("Yesterday, troops moved", ("Yesterday", "2024-11-19", "day")),
    ("the vote tomorrow", ("tomorrow", "2024-11-21", "day")),
    ("clashes last night", ("last night", "2024-11-19", "day")),
    ("said earlier today", ("earlier today", "2024-11-20", "day")),
    ("the day before yesterday", ("the day before yesterday", "2024-11-18", "day")),
    ("met last week", ("last week", "2024-11-13", "approximate")),
    ("talks this week", ("this week", "2024-11-20", "approximate")),
    ("talks next week", ("next week", "2024-11-27", "approximate")),
    ("rallies over the weekend", ("over the weekend", "2024-11-16", "approximate")),
    ("rallies last weekend", ("last weekend", "2024-11-16", "approximate")),
    ("agreed last month", ("last month", "2024-10", "month")),
    ("completed late last month", ("late last month", "2024-10", "month")),
    ("began early last month", ("early last month", "2024-10", "month")),
    ("announced earlier this month", ("earlier this month", "2024-11", "month")),
    ("due next month", ("next month", "2024-12", "month")),
    ("elected last year", ("last year", "2023", "year")),
    ("later this year", ("later this year", "2024", "year")),
])
def test_relative_words(text, expected):
    assert found(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("three days ago", ("three days ago", "2024-11-17", "day")),
    ("3 days ago", ("3 days ago", "2024-11-17", "day")),
    ("a day ago", ("a day ago", "2024-11-19", "day")),
    ("two weeks ago", ("two weeks ago", "2024-11-06", "approximate")),
    ("days ago", ("days ago", "2024-11-17", "approximate")),
    ("a few weeks ago", ("a few weeks ago", "2024-10-30", "approximate")),
    ("two months ago", ("two months ago", "2024-09", "month")),
    ("five years ago", ("five years ago", "2019", "year")),
])
def test_ago(text, expected):
    assert found(text) == [expected]


@pytest.mark.parametrize("text", [
    "The interaction took place weeks after both sides completed disengagement",
    "Two days later, the talks collapsed",
])
def test_spans_anchored_to_another_event_give_nothing(text):
    assert found(text) == []


# --- month and day ------------------------------------------------------------

@pytest.mark.parametrize("text, published, expected", [
    ("an agreement on October 21", WED, ("October 21", "2024-10-21", "day")),
    ("an agreement on 21 October", WED, ("21 October", "2024-10-21", "day")),
    ("an agreement on Oct. 21", WED, ("Oct. 21", "2024-10-21", "day")),
    ("an agreement on October 21st", WED, ("October 21st", "2024-10-21", "day")),
    ("the 21st of October", WED, ("21st of October", "2024-10-21", "day")),
    ("on Nov 20, 2024", WED, ("Nov 20, 2024", "2024-11-20", "day")),
    ("on 5 May 2019", WED, ("5 May 2019", "2019-05-05", "day")),
    ("Wednesday, November 20, 2024", WED, ("Wednesday, November 20, 2024", "2024-11-20", "day")),
    # A few days after publication is still this year ...
    ("the summit on November 25", WED, ("November 25", "2024-11-25", "day")),
    # ... but further ahead means last year, unless the clause is in the future tense.
    ("the summit on December 5", WED, ("December 5", "2023-12-05", "day")),
    ("the summit will open on December 5", WED, ("December 5", "2024-12-05", "day")),
    ("December 30", date(2024, 1, 5), ("December 30", "2023-12-30", "day")),
    ("on January 2", date(2024, 12, 30), ("January 2", "2025-01-02", "day")),
    ("on February 29", date(2025, 3, 1), ("February 29", "2024-02-29", "day")),
])
def test_month_day(text, published, expected):
    assert found(text, published) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("in November 2024", ("November 2024", "2024-11", "month")),
    ("the Sept. 2023 floods", ("Sept. 2023", "2023-09", "month")),
    ("elections in March", ("March", "2024-03", "month")),
    ("elections will be held in March", ("March", "2025-03", "month")),
    ("since May", ("May", "2024-05", "month")),
    ("unrest in December", ("December", "2023-12", "month")),
    ("fighting in early October", ("early October", "2024-10", "month")),
    ("fighting in mid-October", ("mid-October", "2024-10", "month")),
    ("fighting last November", ("last November", "2023-11", "month")),
    ("elections next March", ("next March", "2025-03", "month")),
])
def test_month(text, expected):
    assert found(text) == [expected]


# --- years and full dates -----------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("the border clashes of 2020", "2020"),
    ("the border clashes\u201d of 2020", "2020"),
    ("in 2020, troops clashed", "2020"),
    ("since 2019", "2019"),
    ("the 2019 report", "2019"),
    ("clashes (2020) and", "2020"),
    ("2020's clashes", "2020"),
])
def test_years(text, expected):
    assert found(text) == [(expected, expected, "year")]


def test_year_ranges_and_modifiers():
    assert found("between 2019 and 2021, and again in mid-2022 and early 2023") == [
        ("2019", "2019", "year"), ("2021", "2021", "year"),
        ("mid-2022", "2022", "year"), ("early 2023", "2023", "year")]


@pytest.mark.parametrize("text", [
    "sent 2020 troops to the border",
    "a fine of $2020",
    "the index fell to 4,2020",
    "inflation of 2020%",
    "a 2000-strong force",
    "on 20/11/2024",  # ambiguous day/month order: not accepted
    "11/20/2024",
])
def test_numbers_that_are_not_years(text):
    assert found(text) == []


def test_iso_date():
    assert found("Published 2024-11-20 10:04") == [("2024-11-20", "2024-11-20", "day")]


# --- words that are not dates -------------------------------------------------

@pytest.mark.parametrize("text", [
    "they may go home",
    "Theresa May said the talks had failed",
    "The talks were praised by May and Johnson",
    "protesters march to parliament",
    "March organisers said the route was blocked",
    "Wednesbury and Sunderland",
    "the Sun reported; they wed in secret",
    "Mayor Marching Decembrist Augustus",
    "an invalid February 30, 2024",
])
def test_non_dates(text):
    assert found(text) == []


# --- without a publication date -----------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("on Nov 20, 2024", [("Nov 20, 2024", "2024-11-20", "day")]),
    ("2024-11-20", [("2024-11-20", "2024-11-20", "day")]),
    ("in November 2024", [("November 2024", "2024-11", "month")]),
    ("the clashes of 2020", [("2020", "2020", "year")]),
    ("on October 21", []),  # no invented year
    ("in March", []),
    ("on Wednesday", []),
    ("yesterday", []),
    ("late last month", []),
    ("three days ago", []),
])
def test_without_publication_date(text, expected):
    assert found(text, None) == expected


# --- offsets and the required examples ----------------------------------------

SEED = (
    "Defence minister Rajnath Singh on Wednesday called for \u201cdrawing lessons from the "
    "unfortunate border clashes\u201d of 2020. On Monday, Jaishankar met Wang Yi. Forces "
    "completed disengagement late last month after an agreement on October 21."
)


def test_seed_paragraph():
    assert found(SEED) == [
        ("Wednesday", "2024-11-20", "day"),
        ("2020", "2020", "year"),
        ("Monday", "2024-11-18", "day"),
        ("late last month", "2024-10", "month"),
        ("October 21", "2024-10-21", "day"),
    ]


@pytest.mark.parametrize("text", [
    SEED,
    "Wednesday, November 20, 2024: two weeks ago, in early March and mid-2020, yesterday",
])
def test_offsets_point_at_the_matched_text(text):
    mentions = find_dates(text, WED)
    assert mentions
    for m in mentions:
        assert isinstance(m, DateMention) and isinstance(m.date, EventDate)
        assert text[m.start:m.end] == m.date.text
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
