"""The trie-shaped alternation matches exactly what the plain longest-first one does."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.lexicon import PhraseSet, trie_alternation, words_of

_ALPHABET = "SudanothIri .-(s"


def _plain(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@pytest.mark.parametrize(
    "words, text, expected",
    [
        (["Sudan", "South Sudan"], "South Sudan and Sudan", ["South Sudan", "Sudan"]),
        (["Iran", "Iranian", "Iranians"], "Iranians in Iran", ["Iranians", "Iran"]),
        # the longer name fails its boundary, the shorter one is taken
        (["Niger", "Nigeria"], "Nigerian Niger", ["Niger"]),
        (["a.b", "x(y"], "a.b x(y", ["a.b", "x(y"]),
    ],
)
def test_matches_whole_words(words, text, expected):
    pattern = re.compile(r"(?<![\w.])(" + trie_alternation(words) + r")(?![\w-])")
    assert [m.group(1) for m in pattern.finditer(text)] == expected


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.text(_ALPHABET, min_size=1, max_size=8), min_size=1, max_size=12),
    text=st.text(_ALPHABET, max_size=60),
)
def test_same_matches_as_longest_first_alternation(words, text):
    for wrap in (r"(?<![\w.])({})(?![\w-])", r"({})"):
        plain = re.compile(wrap.format(_plain(words)))
        trie = re.compile(wrap.format(trie_alternation(words)))
        assert [(m.start(), m.group(1)) for m in trie.finditer(text)] == [
            (m.start(), m.group(1)) for m in plain.finditer(text)
        ]


_WORDS = ["the", "last", "election", "to", "be", "elected", "majority", "a", "for"]


@settings(max_examples=300, deadline=None)
@given(
    phrases=st.lists(
        st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(" ".join),
        min_size=1,
        max_size=6,
    ),
    words=st.lists(st.sampled_from(_WORDS), max_size=12),
)
def test_may_occur_among_never_rules_out_a_phrase_that_is_there(phrases, words):
    """`may_occur_among` is a filter for `find`: False only where find finds none,
    asked with a range's words or with only those of them in `all_words`."""
    phrase_set = PhraseSet(phrases)
    if phrase_set.find(words) >= 0:
        assert phrase_set.may_occur_among(set(words))
        assert phrase_set.may_occur_among(phrase_set.all_words.intersection(words))
    assert phrase_set.may_occur_among(set(words)) == any(
        set(words_of(p)) <= set(words) for p in phrases
    )
