"""The trie-shaped alternation matches exactly what the plain longest-first one does."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.lexicon import trie_alternation

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
