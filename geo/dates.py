"""Find date expressions in news English and normalise them against the publication date.

`find_dates(text, published)` returns `DateMention`s whose `date` is an
`EventDate(value, precision, text)`: value is ISO `YYYY-MM-DD`, `YYYY-MM` or
`YYYY`; precision is `day`, `month`, `year` or `approximate`.

Choices (news conventions):

* A bare weekday ("on Monday", "Monday's") is the most recent such day on or
  before publication (the same day if it matches).  If the clause is in the
  future tense ("will meet on Friday", "is due ... on Friday") it is the next
  such day on or after publication.  The nearest tense cue before the date
  decides; if there is none, the first one after it.  "last X" is strictly
  before publication, "next X" / "this coming X" strictly after, "this X" is
  that day in the publication's Monday-Sunday week.
* A month-day without a year ("October 21") is the latest such date not later
  than publication + GRACE (7 days); in a future-tense clause, the earliest
  not before publication.  Bare months ("in March") work the same way with
  month precision; they need a preposition or modifier ("in", "since",
  "early", "last" ...), so "Theresa May" or "March organisers" do not match.
* A bare year needs year-like context: a preceding word such as "in", "of",
  "since", "the", or trailing punctuation / "'s".  "2020 troops", "$2020",
  "4,2020" and "20/11/2024" do not match; only ISO (2024-11-20) and
  written-month full dates are accepted.
* Relative phrases: today/tonight/this morning -> day; yesterday, last night
  -> the day before; "last/this/next week" -> approximate, a day in that week;
  "last/this/next month" (also early/late/earlier/later ...) -> month;
  "last/this/next year" -> year; "N days ago" -> day, "N weeks ago" ->
  approximate, "N months ago" -> month, "N years ago" -> year; vague counts
  ("days ago", "a few weeks ago") count as 3 and are approximate.
* "weeks after", "days later" are anchored to another event, not to the
  publication date, so they produce no mention.
* Spans exclude a leading preposition ("on", "in", "of") but include date
  modifiers ("last Friday", "late last month", "early 2020").
* With `published=None`, only absolute dates resolve (ISO, day-month-year,
  month-year, year); everything relative produces nothing.
* Weekday abbreviations ("Wed", "Sun") are not recognised at all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterator

from geo.model import EventDate


@dataclass(frozen=True)
class DateMention:
    """A date expression found at `text[start:end]`, normalised."""

    start: int
    end: int
    date: EventDate


GRACE = timedelta(days=7)  # how far after publication an undated "November 25" may lie
VAGUE_COUNT = 3  # "a few days ago", "weeks ago"

# (start, end, (value, precision) or None when it is a date we cannot pin down)
Resolved = tuple[str, str] | None
_Span = tuple[int, int, Resolved]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")
_MONTH_NUM = {name[:3]: i for i, name in enumerate(MONTHS, start=1)}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
            "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
            "twelve": 12, "a couple of": 2}

_WEEKDAY = "|".join(WEEKDAYS)
_FULL_MONTH = "|".join(MONTHS)
_MONTH = (rf"\b(?P<month>(?:{_FULL_MONTH})\b"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)")
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?!\d)"

# Every pattern names the reported span `date`.
ISO_RE = re.compile(r"(?<![\d/-])(?P<date>(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d))(?!\d)")
MONTH_DAY_RE = re.compile(
    rf"(?P<date>(?:\b(?:{_WEEKDAY}),?\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?)")
DAY_MONTH_RE = re.compile(
    rf"(?<![\d.,/$£€])(?P<date>(?:\b(?:{_WEEKDAY}),?\s+)?\b{_DAY}\s+(?:of\s+)?{_MONTH}"
    rf"(?:,?\s+{_YEAR})?)")
MONTH_YEAR_RE = re.compile(rf"(?P<date>{_MONTH}\s+{_YEAR})")
BARE_MONTH_RE = re.compile(
    r"(?:\b(?P<prep>(?i:in|since|until|till|through|throughout|during|by|from"
    r"|before|after|of|to|between|and))\s+)?"
    rf"(?P<date>(?:\b(?P<mod>(?i:early|mid|late|last|next|this))[\s-]+)?\b(?P<month>{_FULL_MONTH})\b)")
YEAR_RE = re.compile(
    r"(?<![\w$£€¥#.,/'’])(?<!\d-)"
    rf"(?P<date>(?:\b(?P<mod>(?i:early|mid|late))[\s-]+)?{_YEAR})"
    r"(?![.,]\d|%|-\w|\s*(?:per\s*cent|percent)\b)")
WEEKDAY_RE = re.compile(
    r"(?P<date>(?:\b(?P<mod>(?i:last|next|this\s+coming|this\s+past|this|coming))\s+)?"
    rf"\b(?P<weekday>{_WEEKDAY})\b)")
RELATIVE_DAY_RE = re.compile(
    r"\b(?P<date>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today"
    r"|tonight|tomorrow|last\s+night|(?:this|earlier|later)\s+(?:morning|afternoon|evening|today))\b",
    re.I)
RELATIVE_UNIT_RE = re.compile(
    r"\b(?P<date>(?:(?P<mod>early|earlier|late|later|mid)[\s-]+)?"
    r"(?P<rel>last|this|next|over\s+the|at\s+the)\s+(?P<unit>weekend|week|month|year))\b",
    re.I)
AGO_RE = re.compile(
    r"\b(?P<date>(?:(?P<count>\d{1,3}|a\s+couple\s+of|a\s+few|few|several|some|an?|one|two|three"
    r"|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?"
    r"(?P<unit>day|week|month|year)s?\s+ago)\b",
    re.I)

# A bare "May" (also a name and a modal) only counts after one of these or a modifier.
_MAY_SAFE_PREPS = {"in", "since", "until", "till", "through", "throughout", "during"}
# Words that make a following four-digit number a year.
_YEAR_CONTEXT = {"in", "of", "since", "by", "until", "till", "from", "during", "before", "after",
                 "through", "throughout", "to", "between", "and", "or", "around", "circa", "the",
                 "a", "its", "his", "her", "their", "our", "year", "spring", "summer", "autumn",
                 "fall", "winter", "early", "mid", "late", "for", "as"}
_YEAR_END = re.compile(r"['’]s\b|\s*[.,;:!?)\]”\"]|\s*$")

_TENSE = re.compile(
    r"(?P<future>\b(?:will|shall|won't|is\s+due|are\s+due|scheduled|slated|set\s+to|expected\s+to"
    r"|plans?\s+to|planned|going\s+to|to\s+be\s+held|upcoming)\b|['’]ll\b)"
    r"|(?P<past>(?<!\bbe\s)(?<!\bbeen\s)"  # "will be held" is not past
    r"\b(?:said|was|were|had|did|told|met|held|began|came|went|left|fell|took|struck|saw|made"
    r"|\w{3,}ed)\b)",
    re.I)
_CLAUSE_END = re.compile(r"[.;!?](?:\s|$)")


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Date expressions in `text`, normalised against `published`, in text order.

    Overlapping candidates are settled longest-first; a candidate that is a date
    but cannot be resolved (e.g. "Monday" with no publication date) still claims
    its span, so no shorter reading of the same words is reported.
    """
    candidates: list[_Span] = []
    for cue, scan in _SCANNERS:
        if cue.search(text):
            candidates.extend(scan(text, published))
    taken: list[_Span] = []
    for span in sorted(candidates, key=lambda s: (s[0] - s[1], s[0])):
        if all(span[1] <= t[0] or span[0] >= t[1] for t in taken):
            taken.append(span)
    return [DateMention(start, end, EventDate(*resolved, text=text[start:end]))
            for start, end, resolved in sorted(taken) if resolved]


# ---- helpers -----------------------------------------------------------------

def _day(d: date, precision: str = "day") -> tuple[str, str]:
    return d.isoformat(), precision


def _month(year: int, month: int, precision: str = "month") -> tuple[str, str]:
    return f"{year:04d}-{month:02d}", precision


def _year(year: int, precision: str = "year") -> tuple[str, str]:
    return f"{year:04d}", precision


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    y, m = divmod(year * 12 + month - 1 + k, 12)
    return y, m + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_of(m: re.Match[str]) -> int:
    return _MONTH_NUM[m.group("month").rstrip(".")[:3]]


def _is_future(text: str, start: int, end: int) -> bool:
    """Does the clause around text[start:end] speak of the future?

    The nearest tense cue before the date decides ("will meet on Friday",
    "arrived on Monday"); without one, the first cue after it ("On Friday,
    leaders will meet").  No cue at all means past, the news default.
    """
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    after_end = _CLAUSE_END.search(text, end)
    clause_end = after_end.start() if after_end else len(text)
    before = list(_TENSE.finditer(text, clause_start, start))
    cue = before[-1] if before else _TENSE.search(text, end, clause_end)
    return bool(cue and cue.group("future"))


def _infer_day(month: int, day: int, published: date, future: bool) -> date | None:
    """The year-less `month day` nearest publication in the right direction."""
    options = [d for y in (published.year - 1, published.year, published.year + 1)
               if (d := _safe_date(y, month, day))]
    if future:
        return min((d for d in options if d >= published), default=None)
    return max((d for d in options if d <= published + GRACE), default=None)


def _infer_month(month: int, published: date, future: bool, mod: str = "") -> int:
    """The year of a bare month, given an optional last/next/this modifier."""
    now = (published.year, published.month)
    years = (published.year - 1, published.year, published.year + 1)
    if mod == "this":
        return published.year
    if mod == "last":
        return max(y for y in years if (y, month) < now)
    if mod == "next" or future:
        return min(y for y in years if (y, month) > now or (not mod and (y, month) == now))
    return max(y for y in years if date(y, month, 1) <= published + GRACE)


# ---- scanners: each yields candidate spans -----------------------------------

def _scan_absolute(text: str, published: date | None) -> Iterator[_Span]:
    """ISO dates, "October 21[, 2024]", "21 October[ 2024]", "November 2024"."""
    for m in ISO_RE.finditer(text):
        d = _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
        yield (*m.span("date"), _day(d) if d else None)
    for regex in (MONTH_DAY_RE, DAY_MONTH_RE):
        for m in regex.finditer(text):
            month, day = _month_of(m), int(m["day"])
            if m["year"]:
                d = _safe_date(int(m["year"]), month, day)
            elif published:
                d = _infer_day(month, day, published, _is_future(text, *m.span()))
            else:
                d = None
            yield (*m.span("date"), _day(d) if d else None)
    for m in MONTH_YEAR_RE.finditer(text):
        yield (*m.span("date"), _month(int(m["year"]), _month_of(m)))


def _scan_bare_months(text: str, published: date | None) -> Iterator[_Span]:
    """ "in March", "since May", "early October", "last March"."""
    for m in BARE_MONTH_RE.finditer(text):
        prep, mod = (m["prep"] or "").lower(), (m["mod"] or "").lower()
        if not (mod or prep) or (m["month"] == "May" and not mod and prep not in _MAY_SAFE_PREPS):
            continue
        if published is None:
            yield (*m.span("date"), None)
            continue
        month = _month_of(m)
        rel = mod if mod in ("last", "next", "this") else ""
        year = _infer_month(month, published, _is_future(text, *m.span("date")), rel)
        yield (*m.span("date"), _month(year, month))


def _scan_years(text: str, published: date | None) -> Iterator[_Span]:
    """ "in 2020", "of 2020", "the 2020 election", "mid-2020" — not "2020 troops"."""
    for m in YEAR_RE.finditer(text):
        previous = re.search(r"(\w+)[\s\"“”'‘’-]*$", text[max(0, m.start() - 40):m.start()])
        if (m["mod"] or (previous and previous[1].lower() in _YEAR_CONTEXT)
                or _YEAR_END.match(text, m.end())):
            yield (*m.span("date"), _year(int(m["year"])))


def _scan_weekdays(text: str, published: date | None) -> Iterator[_Span]:
    """ "on Wednesday", "last Friday", "next Tuesday", "Monday's"."""
    for m in WEEKDAY_RE.finditer(text):
        if published is None:
            yield (*m.span("date"), None)
            continue
        mod = " ".join((m["mod"] or "").lower().split())
        wanted, today = WEEKDAYS.index(m["weekday"]), published.weekday()
        if mod in ("last", "this past"):
            d = published - timedelta(days=(today - wanted - 1) % 7 + 1)
        elif mod in ("next", "this coming", "coming"):
            d = published + timedelta(days=(wanted - today - 1) % 7 + 1)
        elif mod == "this":
            d = published + timedelta(days=wanted - today)
        elif _is_future(text, *m.span("date")):
            d = published + timedelta(days=(wanted - today) % 7)
        else:
            d = published - timedelta(days=(today - wanted) % 7)
        yield (*m.span("date"), _day(d))


def _scan_relative(text: str, published: date | None) -> Iterator[_Span]:
    """today/yesterday/tomorrow, last/this/next week|weekend|month|year, N units ago."""
    for m in RELATIVE_DAY_RE.finditer(text):
        phrase = " ".join(m["date"].lower().split())
        offset = (-2 if "before yesterday" in phrase else 2 if "after tomorrow" in phrase
                  else -1 if phrase in ("yesterday", "last night")
                  else 1 if phrase == "tomorrow" else 0)
        yield (*m.span("date"), _day(published + timedelta(days=offset)) if published else None)
    for m in RELATIVE_UNIT_RE.finditer(text):
        yield (*m.span("date"), _relative_unit(m, published) if published else None)
    for m in AGO_RE.finditer(text):
        yield (*m.span("date"), _ago(m, published) if published else None)


def _relative_unit(m: re.Match[str], published: date) -> Resolved:
    """ "last week", "over the weekend", "late last month", "earlier this year"."""
    rel, unit = " ".join(m["rel"].lower().split()), m["unit"].lower()
    step = {"last": -1, "this": 0, "next": 1}.get(rel, 0)
    if unit == "week":
        return _day(published + timedelta(weeks=step), "approximate")
    if unit == "weekend":
        monday = published - timedelta(days=published.weekday())
        if rel in ("over the", "at the"):  # the most recent one
            saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        else:
            saturday = monday + timedelta(days=5 + 7 * step)
        return _day(saturday, "approximate")
    if unit == "month":
        return _month(*_add_months(published.year, published.month, step))
    return _year(published.year + step)


def _ago(m: re.Match[str], published: date) -> Resolved:
    """ "three days ago" -> day, "two weeks ago" -> approximate, "days ago" -> approximate."""
    raw = " ".join((m["count"] or "").lower().split())
    count = int(raw) if raw.isdigit() else _NUMBERS.get(raw)
    vague = count is None
    n = VAGUE_COUNT if vague else count
    unit = m["unit"].lower()
    if unit == "day":
        return _day(published - timedelta(days=n), "approximate" if vague else "day")
    if unit == "week":
        return _day(published - timedelta(weeks=n), "approximate")
    if unit == "month":
        return _month(*_add_months(published.year, published.month, -n),
                      "approximate" if vague else "month")
    return _year(published.year - n, "approximate" if vague else "year")


# Each scanner with a cue that every date it yields contains: most sentences hold no date, and a
# text without a scanner's cue is not scanned by it.
DIGIT = re.compile(r"\d")
MONTH_NAME = re.compile(_FULL_MONTH)
WEEKDAY_NAME = re.compile(_WEEKDAY)
# Every relative date has one of these words at a word's start ("3 days ago", "last weekend").
RELATIVE_WORD = re.compile(
    r"\b(?:day|yesterday|to(?:day|night|morrow)|night|morning|afternoon|evening|week|month|year)", re.I)
_SCANNERS = ((DIGIT, _scan_absolute), (MONTH_NAME, _scan_bare_months), (DIGIT, _scan_years),
             (WEEKDAY_NAME, _scan_weekdays), (RELATIVE_WORD, _scan_relative))
