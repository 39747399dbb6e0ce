"""Per-Doc token views computed once and cached in `doc.user_data`.

Iterating a Doc in Python builds a Token object per token; at the scale of tens of
thousands of articles that cost more than the tokenizer. These read spaCy's arrays once.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LOWER, SENT_START
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
