"""Contest detection: which country and body an article's election is about."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.contest import detect_contest
from extract.resources import load_json

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

ROWS = [
    # (title, text, expected (country, body))
    (
        None,
        "Iran's Fars news agency said reformists won 33 of 68 seats in the second "
        "round of parliamentary elections. Tehran's streets were quiet.",
        ("ir", "parliament"),
    ),
    (
        "Runoff looms in Iran's presidential race",
        "Masoud Pezeshkian and Saeed Jalili go to a runoff, the Iranian interior "
        "ministry said. Parliament speaker Mohammad Bagher Ghalibaf came third.",
        ("ir", "president"),
    ),
    (
        None,
        "BAGHDAD, Oct 17. Iraq's election commission published results for the "
        "329-seat Council of Representatives. Iraqi parties began talks.",
        ("iq", "parliament"),
    ),
    (
        None,
        "ANKARA, May 15. /TASS/. Erdogan won 49.35% in the presidential election, "
        "Turkey's election board said. Turkish voters return for a runoff.",
        ("tr", "president"),
    ),
    (
        None,
        "Pakistani independents lead in the National Assembly count, the Election "
        "Commission of Pakistan said in Islamabad.",
        ("pk", "parliament"),
    ),
    (
        None,
        "Iranians voted for the Assembly of Experts, the clerical body that picks the "
        "supreme leader, in Iran on Friday.",
        ("ir", "assembly_of_experts"),
    ),
    (
        None,
        "Kenyan voters elected senators; the Senate count in Kenya is slow.",
        ("ke", "senate"),
    ),
    # Nothing to go on.
    (None, "Turnout was 41 percent, officials said.", (None, None)),
    # Two countries equally prominent: refuse rather than guess.
    (None, "France and Germany voted. French and German results follow.", (None, None)),
    # "turkey" the bird and "chad" the name are not countries (case-sensitive).
    (None, "We ate turkey with chad, then a parliamentary poll.", (None, "parliament")),
]


@pytest.mark.parametrize(("title", "text", "expected"), ROWS)
def test_detect_contest(title, text, expected):
    assert detect_contest(text, title) == expected


def test_title_outweighs_a_passing_mention():
    text = "Officials in Iraq watched. " + "The count went on. " * 30 + "Iran voted."
    title = "Iran votes in presidential runoff"
    assert detect_contest(text, title) == ("ir", "president")


def test_plural_demonyms_and_upper_case_datelines():
    text = "Iraqis and Iraqis voted in the legislative elections."
    assert detect_contest(text)[0] == "iq"
    assert detect_contest("ANKARA. TURKEY votes in a presidential election.")[0] == "tr"


def test_country_ids_are_iso_alpha2_lowercase():
    data = load_json("countries.json")
    for cid, entry in data["countries"].items():
        assert len(cid) == 2 and cid.islower(), cid
        assert entry["names"], cid
        assert set(entry) <= {"names", "adjectives", "capitals"}, cid
    assert len(data["countries"]) >= 150
    assert {"ir", "iq", "pk", "tr"} <= set(data["countries"])


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("seeds/iran-2016-runoff-a.txt", ("ir", "parliament")),
        ("seeds/iran-2016-runoff-b.txt", ("ir", "parliament")),
        ("seeds/iran-2024-runoff.txt", ("ir", "president")),
    ],
)
def test_seed_articles(name, expected):
    assert detect_contest((CORPUS / name).read_text(encoding="utf-8")) == expected


def _body_words() -> list[str]:
    from extract.contest import _matchers

    return sorted(_matchers()[1].lookup)


@settings(max_examples=400, deadline=None)
@given(
    parts=st.lists(
        st.one_of(
            st.sampled_from(_body_words()),
            st.sampled_from([" ", "  ", "-", "_", "'", "’", "\n", ".", ",", "(", "é"]),
            st.sampled_from(["a", "x", "s", "1", "ı", "—", "ß"]),
        ),
        max_size=30,
    )
)
def test_body_word_fast_scan_matches_the_single_pattern(parts):
    """The body words are found in lower-cased text by two passes that start on the
    character before a word; they must find what the one look-behind pattern finds."""
    from extract.contest import _matchers

    scan = _matchers()[1].lower_scan
    assert scan is not None  # the data allows the lower-case scan
    low = "".join(parts).lower()
    expected = [(m.start(), m.group(1)) for m in scan.whole.finditer(low)]
    assert scan.matches(low) == expected
