"""The cached token views read from spaCy's arrays agree with spaCy's own objects."""

from __future__ import annotations

from functools import cache

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import tokens
from extract.tokens import (
    doc_text,
    keep_span_starts,
    lower_words,
    span_starts,
    span_text,
    token_facts,
    token_starts,
    token_texts,
)

_NLP = spacy.blank("en")
_TEXT = st.lists(
    st.sampled_from(list("ab Z1.,'’\n\t-é€") + ["  ", "Fars", "U.S.", "30%"]),
    max_size=25,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(text=_TEXT)
def test_views_match_spacy(text):
    doc = _NLP(text)
    assert doc_text(doc) == doc.text == text
    words, spaces = token_texts(doc)
    assert words == [t.text for t in doc]
    assert spaces == [t.whitespace_ for t in doc]
    assert token_starts(doc) == [t.idx for t in doc]
    assert lower_words(doc) == [t.lower_ for t in doc]
    facts = token_facts(doc)
    assert facts.punct == [t.is_punct for t in doc]
    assert facts.like_num == [t.like_num for t in doc]
    for a in range(len(doc) + 1):
        for b in range(a, len(doc) + 1):
            assert span_text(doc, a, b) == doc[a:b].text


def test_token_texts_are_shared_per_store_and_the_cache_stays_bounded(monkeypatch):
    # token texts are looked up by ORTH hash in a cache per StringStore; a small
    # limit makes it start again between (and within) these Docs
    monkeypatch.setattr(tokens._TextsByOrth, "LIMIT", 6)
    german = spacy.blank("de")
    texts = ["Fars said 33 seats.", "TASNIM gave 41 Seats to Fars, Fars said."]
    for nlp in (_NLP, german, _NLP):
        for text in texts:
            doc = nlp(text)
            words, _ = token_texts(doc)
            assert words == [t.text for t in doc]
            assert lower_words(doc) == [t.lower_ for t in doc]
            cached, lowers = tokens._orth_caches(doc)
            assert len(cached) <= 6 + len(doc) and len(lowers) <= 6 + len(doc)
    doc = _NLP("Fars and Fars")
    first, _, last = token_texts(doc)[0]
    assert first is last  # one str for both tokens


def test_pipeline_docs_keep_their_text():
    from extract.nlp import build_pipeline

    nlp = build_pipeline()
    texts = ["Fars said reformists won 33 seats.\n\n  Turnout: 62%. ", ""]
    for doc in [nlp(texts[0]), *nlp.pipe(texts)]:
        assert doc.user_data["text"] == doc.text
        assert doc_text(doc) == doc.text
        assert lower_words(doc) == [t.lower_ for t in doc]
    # the tokenizer's own settings (the missing-space split) still apply
    assert [t.text for t in nlp("the list.No conservatives")][:4] == [
        "the",
        "list",
        ".",
        "No",
    ]


def test_span_starts_kept_by_a_component_hold_only_for_its_group():
    from spacy.tokens import Span

    def tagged():
        doc = _NLP("Reformists and the Principlists won seats in Tehran")
        doc.spans["subjects"] = [Span(doc, 0, 1), Span(doc, 2, 4), Span(doc, 2, 3)]
        keep_span_starts(doc, "subjects", [(0, 1), (2, 4), (2, 3)])
        return doc

    assert span_starts(tagged(), "subjects") == {0: 1, 2: 4}  # first listed per start
    # a later component replaces or extends the group: read from the group instead
    doc = tagged()
    doc.spans["subjects"] = [Span(doc, 7, 8)]
    assert span_starts(doc, "subjects") == {7: 8}
    doc = tagged()
    doc.spans["subjects"].append(Span(doc, 5, 6))
    assert span_starts(doc, "subjects") == {0: 1, 2: 4, 5: 6}
    assert span_starts(doc, "no such group") == {}


def test_subject_component_leaves_the_starts_its_group_gives():
    from extract.nlp import build_pipeline

    doc = build_pipeline()(
        "Reformists won 30 seats and the Principlists 12, IRNA said."
    )
    kept = span_starts(doc, "subjects")
    doc.user_data.pop("span_starts:subjects")
    doc.user_data.pop("kept span_starts:subjects")
    assert kept and kept == span_starts(doc, "subjects")


_SENTENCE_TEXT = st.lists(
    st.sampled_from(
        ["Fars", "said", "U.S.", "Oct.", "a.m.", "J.", "33", "seats", ".", "!", "?"]
        + ["…", "...", '"', "”", ")", "(", " ", "  ", "\n", "\n\n", " \n", "list.No"]
        + ["The", "the", "/TASS/.", "ANKARA,", "won", "42%", "x.", "é."]
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=_SENTENCE_TEXT)
def test_sentence_splitter_finds_the_same_starts_from_the_text(text):
    """The component finds the tokens that may end a sentence by searching the text;
    `sentence_starts` tests every token. Both must mark the same sentence starts."""
    from extract.sentences import _abbreviations, sentence_starts

    nlp = _pipeline()
    doc = nlp.get_pipe("news_sentences")(nlp.make_doc(text))
    texts = [t.text for t in doc]
    spaces = [t.whitespace_ for t in doc]
    expected = sentence_starts(texts, spaces, _abbreviations())
    assert [bool(t.is_sent_start) for t in doc] == expected


@cache
def _pipeline():
    from extract.nlp import build_pipeline

    return build_pipeline()
