"""The date of an article: from its metadata, else from its title and first lines.

    >>> article_date(Article(id="a", text="Posted 04 March 2024, 10:58 PM\\nTehran"))
    ('2024-03-04', 'text')

Dates are only looked for in a few places and parsed only where a regex has found a
date-like candidate: `dateparser.search_dates` over a whole article costs ~30 ms and
returns junk ("on Saturday by the"), while one cached English-only `DateDataParser`
costs well under a millisecond a candidate (PERFORMANCE.md). A date needs a year:
"ANKARA, May 15." gives no date rather than a guessed year. A year and a month alone
("date 2024-07", "March 2024") give the first of the month.

Which candidate wins: one introduced by a cue ("Posted", "Published", "Updated",
"date", a byline bar "Staff Reporter | 30 April 2016", an agency dateline
"(APP - 4th Mar, 2024)", or a date at the start of a line), else the first full date,
else the first year-month. The caption date of a photo ("in Shiraz on April 29, 2016")
loses to the byline date beside it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Literal

from extract.models import Article

DateSource = Literal["metadata", "text"]

# All dateparser settings, in one place, checked when the parser is built.
DATEPARSER_SETTINGS: dict[str, object] = {
    # "March 2024" and "2024-07" give the first of the month.
    "PREFER_DAY_OF_MONTH": "first",
    # Never today's date: relative expressions resolve against a fixed base, and a
    # date without a year is refused by REQUIRE_PARTS rather than given this year.
    "RELATIVE_BASE": datetime(2000, 1, 1),
    "REQUIRE_PARTS": ["year", "month"],
    "PREFER_DATES_FROM": "past",
    "DATE_ORDER": "DMY",
    "RETURN_AS_TIMEZONE_AWARE": False,
}
LANGUAGES = ["en"]
TEXT_WINDOW = 800
"""How many characters of the text (after the title) are searched for a date."""

MIN_YEAR, MAX_YEAR = 1900, 2100

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"

# Full dates (a day, a month and a year), then a year and month alone.
_FULL_DATE = re.compile(
    rf"\b{_WEEKDAY}(?:"
    rf"(?P<mdy>{_MONTH}\s+{_DAY},?\s+{_YEAR})"  # April 29, 2016
    # 30 April 2016, 4th Mar, 2024
    rf"|(?P<dmy>{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR})"
    rf"|(?P<iso>{_YEAR}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01]))"  # 2024-03-04
    r")(?![\d-])",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(
    rf"\b(?:(?P<my>{_MONTH}\s+{_YEAR})|(?P<ym>{_YEAR}-(?:0[1-9]|1[0-2])))(?![\d-])",
    re.IGNORECASE,
)
# What, just before a candidate, marks it as the article's own date.
_CUE = re.compile(
    r"(?:\b(?:posted|published|updated|last\s+updated|date|dated|released)\b"
    r"(?:\s+on)?\s*:?"
    r"|\||\(\s*[A-Z][A-Za-z]{1,10}\s*[-\u2013\u2014]"  # byline bar; "(APP - "
    r"|^)\s*$",
    re.IGNORECASE,
)
_ISO_PREFIX = re.compile(rf"^\s*(?P<y>{_YEAR})-(?P<m>\d\d)-(?P<d>\d\d)(?:[T\s]|$)")
_HAS_YEAR = re.compile(rf"\b{_YEAR}\b|\b{_YEAR}-")
# The year's digits alone: what _HAS_YEAR needs first, found several times faster
# (no word boundary to test at every position); most texts do not hold them.
_YEAR_DIGITS = re.compile(_YEAR)


@lru_cache(maxsize=1)
def _parser():
    """One English-only DateDataParser for the process (dateparser imported lazily)."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=LANGUAGES, settings=DATEPARSER_SETTINGS)


@lru_cache(maxsize=4096)
def parse_date(text: str) -> str | None:
    """An ISO date (YYYY-MM-DD) for a date string with a year, else None."""
    text = text.strip()
    if not text or len(text) > 100:
        return None
    match = _ISO_PREFIX.match(text)
    if match:  # the common metadata form needs no parser
        return _iso(int(match["y"]), int(match["m"]), int(match["d"]))
    if not _HAS_YEAR.search(text):
        return None  # "May 15": dateparser would read 15 as the year
    try:
        parsed = _parser().get_date_data(text).date_obj
    except (ValueError, OverflowError, TypeError):  # dateparser's odd corners
        return None
    if parsed is None:
        return None
    return _iso(parsed.year, parsed.month, parsed.day)


def _iso(year: int, month: int, day: int) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def date_candidates(text: str) -> list[tuple[int, str, bool, bool]]:
    """Date-like strings in `text`: (offset, string, is_full_date, has_cue)."""
    found: list[tuple[int, str, bool, bool]] = []
    if not _YEAR_DIGITS.search(text) or not _HAS_YEAR.search(text):
        return found  # every candidate has a year; most paragraphs have none
    taken: list[tuple[int, int]] = []
    for pattern, full in ((_FULL_DATE, True), (_MONTH_YEAR, False)):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue  # "April 2016" inside "30 April 2016"
            taken.append((start, end))
            line_start = text.rfind("\n", 0, start) + 1
            before = text[max(line_start, start - 40) : start]
            cue = _CUE.search(before) is not None
            found.append((start, match.group(0), full, cue))
    found.sort()
    return found


_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_PARTS = re.compile(r"\d+|[A-Za-z]+")


def candidate_date(candidate: str) -> str | None:
    """The ISO date of a string `date_candidates` found, read from its parts.

    The candidate regexes already say which part is which ("April 29, 2016",
    "30 April 2016", "2024-03-04", "March 2024", "2024-07"), so no parser is needed:
    this gives what `parse_date` gives (a test holds the two together) at a small
    fraction of the cost. None for a string of another form or an impossible date
    ("April 31, 2016"; dateparser reads "Jan 00, 2016" as the 1st, so `text_date`
    still asks it whenever this says None).
    """
    full = _FULL_DATE.fullmatch(candidate)
    month_year = None if full else _MONTH_YEAR.fullmatch(candidate)
    if full is None and month_year is None:
        return None
    numbers = []
    month = None
    for part in _PARTS.findall(candidate):
        if part.isdigit():
            numbers.append(int(part))
        elif part.lower() in _MONTH_NUMBERS and month is None:
            month = _MONTH_NUMBERS[part.lower()]
    if full is not None and full["iso"] or month_year is not None and month_year["ym"]:
        year, month, *rest = numbers  # 2024-03-04, 2024-07
        day = rest[0] if rest else 1
    elif full is not None:
        day, year = numbers  # April 29, 2016; 30 April 2016; 4th of Mar, 2024
    else:
        (year,) = numbers  # March 2024
        day = 1
    if month is None:
        return None
    return _iso(year, month, day)


def text_date(text: str) -> str | None:
    """The article's own date among the date-like strings in `text`, or None."""
    candidates = date_candidates(text)
    ranked = sorted(
        candidates, key=lambda c: (not c[3], not c[2], c[0])
    )  # cued first, then full dates, then in order of appearance
    for _, candidate, _, _ in ranked:
        parsed = candidate_date(candidate) or parse_date(candidate)
        if parsed:
            return parsed
    return None


def article_date(article: Article) -> tuple[str | None, DateSource | None]:
    """(ISO date, where it came from): metadata first, else title and opening text."""
    if article.date:
        parsed = parse_date(article.date)
        if parsed:
            return parsed, "metadata"
    head = "\n".join(
        part for part in (article.title, article.text[:TEXT_WINDOW]) if part
    )
    parsed = text_date(head)
    if parsed:
        return parsed, "text"
    return None, None


__all__ = [
    "DATEPARSER_SETTINGS",
    "article_date",
    "candidate_date",
    "date_candidates",
    "parse_date",
    "text_date",
]
