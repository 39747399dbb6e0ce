"""The numbers layer: figures, their values and qualifiers, and what is not a figure."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.nlp import build_pipeline
from extract.numbers import Figure, find_figures, number_run_end, parse_number


@pytest.fixture(scope="session")
def nlp():
    return build_pipeline()


def _summary(figures: list[Figure]) -> list[tuple]:
    return [(f.text, f.value, f.qualifier, f.percent) for f in figures]


E, A, L, M = "exact", "approx", "at_least", "at_most"

FIGURE_CASES = [
    # digits, commas, decimals
    ("The board counted 3,118,902 ballots.", [("3,118,902", 3118902, E, False)]),
    ("Vellin took 52.61 percent.", [("52.61 percent", 52.61, E, True)]),
    ("A minor list polled 0.38%.", [("0.38%", 0.38, E, True)]),
    # number words
    ("The Greens won eight seats.", [("eight", 8, E, False)]),
    ("Twenty-three women were elected.", [("Twenty-three", 23, E, False)]),
    ("They took forty four seats.", [("forty four", 44, E, False)]),
    (
        "The list won one hundred and seven seats.",
        [("one hundred and seven", 107, E, False)],
    ),
    ("A dozen independents were returned.", [("A dozen", 12, E, False)]),
    ("Some two dozen seats changed hands.", [("two dozen", 24, A, False)]),
    ("Over seven thousand candidates applied.", [("seven thousand", 7000, L, False)]),
    ("Nearly one million ballots were spoiled.", [("one million", 1000000, A, False)]),
    ("A million voters stayed home.", [("A million", 1000000, E, False)]),
    (
        "About two and a half million people voted.",
        [("two and a half million", 2500000, A, False)],
    ),
    # scales
    ("Turnout reached 6.8 million.", [("6.8 million", 6800000, E, False)]),
    ("The winner drew 11.2 million votes.", [("11.2 million", 11200000, E, False)]),
    ("Roughly 1.2m ballots were cast.", [("1.2m", 1200000, A, False)]),
    ("The roll lists 2.5bn entries.", [("2.5bn", 2500000000, E, False)]),
    ("Some 3.4-million voters took part.", [("3.4-million", 3400000, A, False)]),
    ("Officials counted 4 lakh votes.", [("4 lakh", 400000, E, False)]),
    ("The party polled 1.5 crore votes.", [("1.5 crore", 15000000, E, False)]),
    ("The roll grew by 40k names.", [("40k", 40000, E, False)]),
    # percentages
    ("Her party won 38 per cent.", [("38 per cent", 38, E, True)]),
    ("Turnout was 61 pct.", [("61 pct", 61, E, True)]),
    ("The Left got 12pc.", [("12pc", 12, E, True)]),
    ("Turnout was forty percent.", [("forty percent", 40, E, True)]),
    ("He led by 3.5 percentage points.", [("3.5 percentage points", 3.5, E, True)]),
    # fractions
    (
        "The bloc took two thirds of the seats.",
        [("two thirds", 66.67, E, True)],
    ),
    # "N in M" is a ratio, a share as a fraction in words is, not a count of M
    (
        "An estimated 1 in 3 voters backed the Greens.",
        [("1 in 3", 33.33, A, True)],
    ),
    ("Nearly one in five votes went to Kessler.", [("one in five", 20, A, True)]),
    # near misses: a year or a place after "in" is no ratio
    ("The Greens won 12 in 2019.", [("12", 12, E, False)]),
    ("Labour won 3 in London.", [("3", 3, E, False)]),
    ("Almost a third of voters abstained.", [("a third", 33.33, A, True)]),
    ("The Farmers won one-fifth of the seats.", [("one-fifth", 20, E, True)]),
    ("Three quarters of the ballots were counted.", [("Three quarters", 75, E, True)]),
    ("More than half the votes went to her.", [("half", 50, L, True)]),
    ("Nearly half of the seats went to the left.", [("half", 50, A, True)]),
    (
        "A quarter of a million people signed.",
        [("A quarter of a million", 250000, E, False)],
    ),
    ("They won a third term.", []),
    ("Half an hour later the count resumed.", []),
    ("The chairman served for a quarter of a century.", []),
    # all N
    ("The alliance swept all 12 seats.", [("12", 12, E, False)]),
    ("They won all thirty seats in the capital.", [("thirty", 30, E, False)]),
    # qualifiers
    ("About 400 observers were deployed.", [("400", 400, A, False)]),
    ("Around 45 percent voted.", [("45 percent", 45, A, True)]),
    ("The list polled approximately 9,800 votes.", [("9,800", 9800, A, False)]),
    ("An estimated 5 million people voted.", [("5 million", 5000000, A, False)]),
    ("Close to 70 percent turned out.", [("70 percent", 70, A, True)]),
    ("At least 41 lawmakers backed him.", [("41", 41, L, False)]),
    ("Upwards of 2,700,000 ballots were tallied.", [("2,700,000", 2700000, L, False)]),
    ("Turnout topped 80 percent.", [("80 percent", 80, L, True)]),
    ("The Coastal Party cleared the 6.5% hurdle.", [("6.5%", 6.5, L, True)]),
    ("The count surpassed 30,000 votes.", [("30,000", 30000, L, False)]),
    ("In excess of 900 candidates applied.", [("900", 900, L, False)]),
    ("Well over 60 seats changed hands.", [("60", 60, L, False)]),
    ("Fewer than 20 women stood.", [("20", 20, M, False)]),
    ("The party won less than 5 percent.", [("5 percent", 5, M, True)]),
    ("Support never rose above 9 percent.", [("9 percent", 9, M, True)]),
    ("Both fell short of 40%.", [("40%", 40, M, True)]),
    ("It could win up to 12 seats.", [("12", 12, M, False)]),
    ("It could win at most 12%.", [("12%", 12, M, True)]),
    ("Just under 3,000 ballots were void.", [("3,000", 3000, M, False)]),
    (
        "The reformists did not manage more than 10 percent.",
        [("10 percent", 10, M, True)],
    ),
    ("They won 30 seats or more.", [("30", 30, L, False)]),
    ("There were 40-odd contenders.", [("40", 40, A, False)]),
    ("Quick counts put her near 58%.", [("58%", 58, A, True)]),
    # "between A and B" is a range: A is a lower, B an upper bound
    (
        "Turnout was between 60 and 61 percent.",
        [("60", 60, L, True), ("61 percent", 61, M, True)],
    ),
    (
        "She took between 58.3 percent and 60.7 percent.",
        [("58.3 percent", 58.3, L, True), ("60.7 percent", 60.7, M, True)],
    ),
    (
        "The seats were split between 40 Greens and 26 Liberals.",
        [("40", 40, E, False), ("26", 26, E, False)],
    ),
    # coordination carries the qualifier through a list, not across a clause
    (
        "Over 40 Greens and 26 Liberals were elected.",
        [("40", 40, L, False), ("26", 26, L, False)],
    ),
    (
        "Nearly 30% in the north and 20% in the south backed him.",
        [("30%", 30, A, True), ("20%", 20, E, True)],
    ),
    (
        "About 11 million, 9 million and 2 million votes went to the leaders.",
        [
            ("11 million", 11000000, A, False),
            ("9 million", 9000000, A, False),
            ("2 million", 2000000, A, False),
        ],
    ),
    (
        "The Greens won at least 41 of the 95 seats, while the League took 29.",
        [("41", 41, L, False), ("95", 95, E, False), ("29", 29, E, False)],
    ),
    (
        "More than 30 seats went to the left, but 12 went to the right.",
        [("30", 30, L, False), ("12", 12, E, False)],
    ),
    (
        "Around 200 candidates, 40 of whom were women, ran.",
        [("200", 200, A, False), ("40", 40, E, False)],
    ),
    (
        "Greens 41, Liberals 26 and Reds 12.",
        [("41", 41, E, False), ("26", 26, E, False), ("12", 12, E, False)],
    ),
    # years: excluded unless they count something
    ("In 2024 the Greens won 40 seats.", [("40", 40, E, False)]),
    ("The 2020 vote saw 42.6 percent turnout.", [("42.6 percent", 42.6, E, True)]),
    ("The party won 1999 votes in the ward.", [("1999", 1999, E, False)]),
    # dates
    ("The vote on April 29 drew 51% turnout.", [("51%", 51, E, True)]),
    ("Counting ended on 29 April with 14 seats undecided.", [("14", 14, E, False)]),
    ("Results came on Oct. 10 for 83 seats.", [("83", 83, E, False)]),
    ("On June 18, 2021, Raisi won 62 percent.", [("62 percent", 62, E, True)]),
    ("Polls reopened on the 4th Mar in 12 districts.", [("12", 12, E, False)]),
    # clock times
    (
        "The commission spoke at 5:53 a.m. about 300 complaints.",
        [("300", 300, A, False)],
    ),
    ("At 6:45 am the count reached 2,000 votes.", [("2,000", 2000, E, False)]),
    ("Polls closed at 8 pm after 70 percent voted.", [("70 percent", 70, E, True)]),
    ("A bulletin at 10:58 PM gave the Reds 19 seats.", [("19", 19, E, False)]),
    ("Results were due at 1500 GMT.", []),
    # ages
    ("The 69-year-old incumbent took 55 percent.", [("55 percent", 55, E, True)]),
    ("Marek Hal, 58, won 4,100 votes.", [("4,100", 4100, E, False)]),
    ("The winner, aged 64, polled 48%.", [("48%", 48, E, True)]),
    ("She is 47 years old.", []),
    # ordinals, ranks and labels
    ("The party finished 13th and the Greens 2nd.", []),
    ("He was No. 12 on the list.", []),
    ("The nationalists finished ninth.", []),
    ("Under Article 5 the count was annulled.", []),
    # IDs, ranges, codes, money, spans, distances
    ("COVID-19 rules and the G7 observers.", []),
    ("The court ruled 5-4 in the case.", []),
    ("The 2019-20 budget passed.", []),
    ("Call +98 21 555 for results.", []),
    ("Campaigns spent $5 million.", []),
    ("The term is four years.", []),
    ("They waited two-and-a-half years for results.", []),
    ("Voters walked 40 kms to the polls.", []),
    ("A 30-day campaign ended.", []),
    # attributive numbers stay, marked
    ("The 290-member parliament met.", [("290", 290, E, False)]),
    ("A four-man contest began.", [("four", 4, E, False)]),
    # "one" and "a"
    ("One of his ministers resigned one day before the vote.", []),
    ("The Reds won one seat.", [("one", 1, E, False)]),
    (
        "One of the 30 seats went to a Green.",
        [("One", 1, E, False), ("30", 30, E, False)],
    ),
    (
        "They won 12, the Blues 5 and the Reds one.",
        [("12", 12, E, False), ("5", 5, E, False)],
    ),
    (
        "They won 12, 5 and one.",
        [("12", 12, E, False), ("5", 5, E, False), ("one", 1, E, False)],
    ),
    ("A new party emerged.", []),
    # a line break inside the sentence does not split a qualifier from its number
    ("The bloc won more than\n40 seats.", [("40", 40, L, False)]),
]


@pytest.mark.parametrize(("sentence", "expected"), FIGURE_CASES)
def test_find_figures(nlp, sentence, expected):
    assert _summary(find_figures(nlp(sentence))) == expected


def test_value_types(nlp):
    figs = find_figures(
        nlp("He won 11.2 million votes, 40 percent, or 49.35% of the total.")
    )
    assert [type(f.value) for f in figs] == [int, int, float]
    assert figs[0].value == 11200000


def test_figure_fields(nlp):
    doc = nlp("The bloc won more than two thirds of the seats in the 290-member house.")
    frac, attr = find_figures(doc)
    assert doc[frac.qualifier_start : frac.start].text == "more than"
    assert (frac.qualifier, frac.percent, frac.fraction, frac.value) == (
        L,
        True,
        True,
        66.67,
    )
    assert doc[frac.start : frac.end].text == frac.text == "two thirds"
    assert attr.attributive and not attr.fraction and attr.value == 290
    assert attr.qualifier_start == attr.start


def test_all_flag(nlp):
    (fig,) = find_figures(nlp("Reformists took all 30 seats in Tehran."))
    assert fig.all_ and fig.value == 30 and fig.text == "30"


def test_percent_span_includes_percent_words(nlp):
    doc = nlp("Turnout was 41 per cent on Friday.")
    (fig,) = find_figures(doc)
    assert doc[fig.start : fig.end].text == "41 per cent"


def test_truncated_text(nlp):
    assert find_figures(nlp("The count showed nearly 9 mi")) == []
    assert find_figures(nlp("The count showed nearly 40 per")) == []
    figs = find_figures(nlp("some 900 candidates ran for the 120 seat"))
    assert [f.value for f in figs] == [900, 120]


def test_slice_and_span(nlp):
    doc = nlp("Greens 41 seats. About 26 for the Liberals.")
    sents = list(doc.sents)
    second = sents[-1]
    figs = find_figures(doc, second.start, second.end)
    assert [(f.value, f.qualifier) for f in figs] == [(26, A)]
    assert find_figures(second) == figs
    assert [f.value for f in find_figures(doc, 0, 2)] == [41]
    assert find_figures(doc, 0, 1) == []
    assert find_figures(doc, 5, 2) == []


def test_qualifier_does_not_reach_into_previous_figure(nlp):
    figs = find_figures(nlp("The Reds won 40 over 30 rivals."))
    assert [(f.value, f.qualifier) for f in figs] == [(40, E), (30, L)]


PARSE_CASES = [
    ("11 million", 11000000),
    ("1.2m", 1200000),
    ("2.5 billion", 2500000000),
    ("2.5bn", 2500000000),
    ("24,512,404", 24512404),
    ("49.35", 49.35),
    ("0.43", 0.43),
    ("twenty-one", 21),
    ("twenty one", 21),
    ("seven thousand", 7000),
    ("a dozen", 12),
    ("one hundred and five", 105),
    ("one million", 1000000),
    ("40 per cent", 40),
    ("40 percent", 40),
    ("40%", 40),
    ("40 pct", 40),
    ("two thirds", 66.67),
    ("two-thirds", 66.67),
    ("a quarter", 25),
    ("half", 50),
    ("Eight", 8),
    ("  12  ", 12),
    ("12.", 12),
    ("3 lakh", 300000),
    ("11.2 million", 11200000),
    ("zero", 0),
    ("", None),
    ("seats", None),
    ("one of", None),
    ("1,2", None),
    ("13th", None),
    ("40 seats", None),
    ("1.2 m", None),
    ("twenty twenty", None),
    ("a", None),
    ("million", None),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_CASES)
def test_parse_number(text, expected):
    result = parse_number(text)
    assert result == expected
    if expected is not None:
        assert type(result) is type(expected)


def test_parse_number_rejects_non_strings():
    assert parse_number(None) is None  # type: ignore[arg-type]
    assert parse_number(12) is None  # type: ignore[arg-type]


@given(st.text())
@settings(max_examples=300)
def test_parse_number_never_raises(text):
    result = parse_number(text)
    assert result is None or isinstance(result, int | float)


@given(st.integers(min_value=0, max_value=10**15))
def test_thousands_separators_round_trip(n):
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=0, max_value=9999), st.integers(min_value=0, max_value=9))
def test_millions_round_trip(whole, tenth):
    text = f"{whole}.{tenth} million" if tenth else f"{whole} million"
    assert parse_number(text) == whole * 1_000_000 + tenth * 100_000


_NEWSY = st.lists(
    st.sampled_from(
        [
            "more",
            "than",
            "about",
            "all",
            "the",
            "one",
            "a",
            "half",
            "of",
            "two",
            "thirds",
            "40",
            "1.2",
            "m",
            "million",
            "per",
            "cent",
            "%",
            "-",
            ",",
            "and",
            "seats",
            "2024",
            "April",
            "29",
            "No.",
            "aged",
            "year",
            "old",
            "5:53",
            "a.m.",
            "twenty",
            "hundred",
            "dozen",
            "\n",
            ".",
            "over",
            "not",
            "or",
            "$",
            "quarter",
            "mi",
        ]
    ),
    max_size=25,
).map(" ".join)


@given(st.one_of(st.text(), _NEWSY), st.integers(-30, 30), st.integers(-30, 30))
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_find_figures_never_raises(nlp, text, start, end):
    doc = nlp(text)
    for figs in (
        find_figures(doc),
        find_figures(doc, start, end),
        find_figures(doc[0:]),
    ):
        for f in figs:
            assert 0 <= f.qualifier_start <= f.start < f.end <= len(doc)
            assert f.qualifier in (E, A, L, M)
            assert f.text == doc[f.start : f.end].text


def test_ranges_of_a_doc_and_spans(nlp):
    doc = nlp("Turnout was about 40\n\n percent. The Greens won 33 of 68 seats.")
    whole = find_figures(doc)
    assert [(f.value, f.qualifier, f.percent) for f in whole] == [
        (40, "approx", True),
        (33, "exact", False),
        (68, "exact", False),
    ]
    # a line break inside a figure does not split it; ranges are Doc token indices
    (first,) = find_figures(doc, 0, whole[0].end)
    assert (first.start, first.end, first.percent) == (3, whole[0].end, True)
    second = find_figures(doc[whole[0].end :])
    assert [f.start for f in second] == [f.start for f in whole[1:]]
    assert find_figures(doc, -4) == find_figures(doc, len(doc) - 4)
    # the range stops before "percent": the figure is a bare 40
    (cut,) = find_figures(doc, 0, whole[0].end - 1)
    assert (cut.value, cut.percent) == (40, False)


# the end of a count opening a phrase, past its leading words: "the 1.7 million Turks"
# (turnout subjects) and "claimed more than 40 percent" (attribution)
@pytest.mark.parametrize(
    "text, leading, expected",
    [
        ("the 1.7 million Turks abroad", {"the"}, 3),
        ("some 3,000 voters", {"some"}, 2),
        ("more than 40 percent", {"more", "than"}, 3),
        ("the Turks abroad", {"the"}, None),
        ("more than half", {"more", "than"}, None),
        ("the", {"the"}, None),
    ],
)
def test_number_run_end(nlp, text, leading, expected):
    doc = nlp.make_doc(text)
    words = [t.lower_ for t in doc]
    like_num = [t.like_num for t in doc]
    assert number_run_end(words, like_num, 0, len(doc), leading) == expected
