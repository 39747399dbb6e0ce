"""Per-Doc token views computed once and cached in `doc.user_data`.

Iterating a Doc in Python builds a Token object per token; at the scale of tens of
thousands of articles that cost more than the tokenizer. These read spaCy's arrays once.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IDX, LENGTH, LOWER, SENT_START
from spacy.tokens import Doc


def lower_words(doc: Doc) -> list[str]:
    """Every token's lower-case form, read in one array call (no Token objects)."""
    if "lower_words" not in doc.user_data:
        strings = doc.vocab.strings
        doc.user_data["lower_words"] = [
            strings[h] for h in doc.to_array(LOWER).tolist()
        ]
    return doc.user_data["lower_words"]


def sentence_spans(doc: Doc) -> list:
    """The sentences as Spans, from the sentence-start array (faster than doc.sents)."""
    if "sentence_spans" not in doc.user_data:
        if not len(doc):
            doc.user_data["sentence_spans"] = []
        else:
            starts = numpy.flatnonzero(doc.to_array(SENT_START).astype("int64") == 1)
            bounds = [int(x) for x in starts] or [0]
            if bounds[0] != 0:
                bounds.insert(0, 0)
            ends = bounds[1:] + [len(doc)]
            doc.user_data["sentence_spans"] = [doc[a:b] for a, b in zip(bounds, ends)]
    return doc.user_data["sentence_spans"]


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once: spaCy rebuilds it from every token on each access."""
    if "text" not in doc.user_data:
        doc.user_data["text"] = doc.text
    return doc.user_data["text"]


def token_texts(doc: Doc) -> tuple[list[str], list[str]]:
    """Every token's text and trailing whitespace, sliced from the text by offsets."""
    if "token_texts" not in doc.user_data:
        text = doc_text(doc)
        starts = doc.to_array(IDX).tolist()
        lengths = doc.to_array(LENGTH).tolist()
        words = [text[a : a + n] for a, n in zip(starts, lengths)]
        nexts = starts[1:] + [len(text)]
        spaces = [text[a + n : b] for a, n, b in zip(starts, lengths, nexts)]
        doc.user_data["token_texts"] = (words, spaces)
    return doc.user_data["token_texts"]
