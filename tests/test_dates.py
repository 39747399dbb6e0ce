"""Article dates: one row per form that news pages use."""

from __future__ import annotations

import pytest

from extract.dates import DATEPARSER_SETTINGS, article_date, parse_date
from extract.models import Article


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (None, "Tehran, April 29, 2016. Getty Images/AFP", ("2016-04-29", "text")),
        (
            None,
            "Staff Reporter | 30 April 2016\n\nReformist politicians",
            ("2016-04-30", "text"),
        ),
        (
            None,
            "Print | Share\n\nSunday, February 23, 2020 - 17:00\nBy Staff",
            ("2020-02-23", "text"),
        ),
        (
            None,
            "Staff Reporter | Posted 04 March 2024, 10:58 PM",
            ("2024-03-04", "text"),
        ),
        (
            None,
            "Tehran, (APP - 4th Mar, 2024) On Monday, Iran put turnout",
            ("2024-03-04", "text"),
        ),
        (
            None,
            " date 2024-07 Masoud Pezeshkian, a 69-year-old",
            ("2024-07-01", "text"),
        ),
        (
            None,
            "Iran held a presidential election on June 18, 2021.",
            ("2021-06-18", "text"),
        ),
        (None, "ANKARA, May 15. /TASS/. Turkey's incumbent President", (None, None)),
        (None, "Updated: Jan. 5, 2021 at 9 a.m.", ("2021-01-05", "text")),
        (None, "Published 2024-02-09 14:05 by the desk", ("2024-02-09", "text")),
        (None, "The vote in March 2024 drew 41 percent.", ("2024-03-01", "text")),
        (None, "The 2024-25 budget and 2,000 polling stations", (None, None)),
        (None, "On 31 February 2020 nothing happened.", (None, None)),
        (None, "No date here at all; 33 of 68 seats.", (None, None)),
        ("Results, 8 February 2024", "Counting goes on.", ("2024-02-08", "text")),
        # the caption date of a photo loses to the byline date after it
        (
            None,
            "in Shiraz on April 29, 2016. (Photo)\nStaff Reporter | 30 April 2016",
            ("2016-04-30", "text"),
        ),
    ],
)
def test_dates_from_text(title, text, expected):
    assert article_date(Article(id="a", title=title, text=text)) == expected


def test_only_the_opening_text_is_searched():
    text = "x " * 500 + "Posted 04 March 2024"
    assert article_date(Article(id="a", text=text)) == (None, None)


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        ("2016-04-30", "2016-04-30"),
        ("2016-04-30T08:00:00+04:30", "2016-04-30"),
        ("Sat, 30 Apr 2016 10:00:00 GMT", "2016-04-30"),
        ("30 April 2016", "2016-04-30"),
        ("2016-04", "2016-04-01"),
    ],
)
def test_metadata_date_comes_first(metadata, expected):
    article = Article(id="a", text="Posted 04 March 2024", date=metadata)
    assert article_date(article) == (expected, "metadata")


@pytest.mark.parametrize(
    "metadata", ["May 15", "yesterday", "not a date", "1066-10-14"]
)
def test_unusable_metadata_falls_back_to_the_text(metadata):
    article = Article(id="a", text="Posted 04 March 2024", date=metadata)
    assert article_date(article) == ("2024-03-04", "text")


def test_no_year_means_no_date():
    assert parse_date("May 15") is None
    assert parse_date("Sunday") is None


def test_settings_fix_the_relative_base():
    # Never the machine's today: results must not change with the day a test runs.
    assert DATEPARSER_SETTINGS["RELATIVE_BASE"].year == 2000
    assert DATEPARSER_SETTINGS["PREFER_DAY_OF_MONTH"] == "first"
    assert list(DATEPARSER_SETTINGS)[0] == "PREFER_DAY_OF_MONTH"


def _candidate_forms() -> list[str]:
    """Every shape of date string `date_candidates` finds, over awkward values."""
    months = [
        "Jan",
        "January",
        "feb.",
        "SEPT",
        "Sep",
        "September",
        "May",
        "june",
        "Jul",
    ]
    days = ["1", "01", "9", "4th", "22nd", "29", "30", "31", "0", "00", "3rd", "1st"]
    years = ["1999", "2016", "2024"]
    forms = []
    for month in months:
        for day in days:
            for year in years[:2] if day not in {"1", "31"} else years:
                forms += [
                    f"{month} {day}, {year}",
                    f"{month} {day} {year}",
                    f"{day} {month} {year}",
                    f"{day} of {month}, {year}",
                ]
        forms += [
            f"{month} 2024",
            f"Sunday, {month} 5, 2020",
            f"Friday {month} 5, 2020",
        ]
    for year in years:
        for month in ["1", "01", "07", "12", "13", "00"]:
            forms.append(f"{year}-{month}")
            for day in ["1", "01", "29", "30", "31", "32"]:
                forms.append(f"{year}-{month}-{day}")
    return forms


def test_candidate_dates_read_as_dateparser_reads_them():
    """`candidate_date` skips dateparser for the forms our regexes find: it must give
    what dateparser (through `parse_date`) gives for each of them, whenever it gives
    an answer at all."""
    from extract.dates import candidate_date, date_candidates

    forms = _candidate_forms()
    checked = 0
    for form in forms:
        found = date_candidates(form)
        if not found or found[0][1] != form:
            continue  # not a whole candidate on its own
        read = candidate_date(form)
        if read is not None:  # None sends the string on to dateparser
            assert read == parse_date(form), form
            checked += 1
    assert checked > 300
