"""The status pass's per-sentence shortcuts agree with the checks they stand for."""

from __future__ import annotations

import pytest

from extract.models import Article
from extract.readers import iter_articles
from extract.status import SentenceCues, is_conditional
from extract.tokens import lower_words, sentence_bounds

from .conftest import CORPUS, SHARED_CORPUS

# conditional wording of the forms real reports use, beside plain results
SENTENCES = [
    "If the trend holds, the reformists would win 30 seats.",
    "The party could take as many as 40 seats, analysts said.",
    "Should the count confirm it, turnout will reach 62 percent.",
    "Unless the runoff is annulled, Raisi may end up with 17.9 million votes.",
    "Were the opposition to unite, it might win 120 of the 290 seats.",
    "The conservatives won 191 seats, IRNA said.",
    "Turnout was 41.2 percent, the interior ministry said on Saturday.",
    "In the event of a second round, each candidate needs 50 percent plus one vote.",
]


def _texts():
    yield from SENTENCES
    for folder in (CORPUS, SHARED_CORPUS):
        if folder.is_dir():
            for item in iter_articles([folder]):
                if isinstance(item, Article):
                    yield item.text


@pytest.fixture(scope="module")
def docs(nlp):
    return [nlp(text) for text in _texts()]


def test_sentence_cues_answer_is_conditional_as_the_full_check_does(docs):
    asked = conditional = 0
    for doc in docs:
        words = lower_words(doc)
        for s, e in sentence_bounds(doc):
            cues = SentenceCues(words, s, e)
            for i in range(s, e):
                expected = is_conditional(doc, words, s, e, i)
                assert cues.is_conditional(doc, i) == expected, (doc[s:e].text, i)
                asked += 1
                conditional += expected
    assert asked > 1000 and conditional > 10  # both answers were exercised
