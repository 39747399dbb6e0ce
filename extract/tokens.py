"""Per-Doc token views computed once and cached in `doc.user_data`.

Iterating a Doc in Python builds a Token object per token; at the scale of tens of
thousands of articles that cost more than the tokenizer. These read spaCy's arrays once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import IDX, IS_PUNCT, LENGTH, LIKE_NUM, ORTH, SENT_START, SPACY
from spacy.tokens import Doc


def lower_words(doc: Doc) -> list[str]:
    """Every token's lower-case form (`Token.lower_`), from the cached token texts.

    spaCy's English `LOWER` is `str.lower()` of the token's text; lower-casing the
    sliced strings costs less than looking each hash up in the StringStore.
    """
    if "lower_words" not in doc.user_data:
        words, _ = token_texts(doc)
        doc.user_data["lower_words"] = [w.lower() for w in words]
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
            doc.user_data["sentence_spans"] = [
                doc[a:b] for a, b in zip(bounds, ends, strict=True)
            ]
    return doc.user_data["sentence_spans"]


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per Doc.

    Docs made by `TextKeepingTokenizer` (the pipeline's tokenizer) carry their text
    already. For any other Doc it is joined from the ORTH and SPACY arrays: a token's
    text and its one optional trailing space are all `doc.text` holds, and spaCy itself
    rebuilds `doc.text` from a Token object per token on every access.
    """
    if "text" not in doc.user_data:
        strings = doc.vocab.strings
        doc.user_data["text"] = "".join(
            [
                strings[orth] + " " if space else strings[orth]
                for orth, space in doc.to_array([ORTH, SPACY]).tolist()
            ]
        )
    return doc.user_data["text"]


class TextKeepingTokenizer:
    """A tokenizer that leaves the text it was given in `doc.user_data["text"]`.

    spaCy's tokenizer keeps the text exactly (`doc.text == text`), so the text needs
    no rebuilding. Everything else is the wrapped tokenizer's.
    """

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc.user_data["text"] = text
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)


def token_texts(doc: Doc) -> tuple[list[str], list[str]]:
    """Every token's text and trailing whitespace, sliced from the text by offsets."""
    if "token_texts" not in doc.user_data:
        text = doc_text(doc)
        # token ends summed in numpy: the slices then need no arithmetic per token
        offsets = doc.to_array([IDX, LENGTH])
        starts = offsets[:, 0].tolist()
        ends = (offsets[:, 0] + offsets[:, 1]).tolist()
        words = [text[a:b] for a, b in zip(starts, ends, strict=True)]
        nexts = starts[1:] + [len(text)] if starts else []
        spaces = [text[a:b] for a, b in zip(ends, nexts, strict=True)]
        doc.user_data["token_texts"] = (words, spaces)
        doc.user_data["token_starts"] = starts
    return doc.user_data["token_texts"]


def token_starts(doc: Doc) -> list[int]:
    """Every token's character offset in the text (`Token.idx`)."""
    if "token_starts" not in doc.user_data:
        token_texts(doc)
    return doc.user_data["token_starts"]


def span_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text` (no trailing whitespace) sliced from the cached text."""
    if start >= end:
        return ""
    words, _ = token_texts(doc)
    starts = token_starts(doc)
    return doc_text(doc)[starts[start] : starts[end - 1] + len(words[end - 1])]


def span_starts(doc: Doc, key: str) -> dict[int, int]:
    """Start -> end of the spans in `doc.spans[key]` (the first listed, per start).

    Iterating a SpanGroup builds a Span object per span; the rules ask "does a span
    start here?" at many tokens, so the answer is read once per Doc.
    """
    cache_key = "span_starts:" + key
    if cache_key not in doc.user_data:
        starts: dict[int, int] = {}
        if key in doc.spans:
            for span in doc.spans[key]:
                starts.setdefault(span.start, span.end)
        doc.user_data[cache_key] = starts
    return doc.user_data[cache_key]


@dataclass(frozen=True)
class TokenFacts:
    """The token attributes the rules read, as plain lists indexed by token.

    Asking `doc[k].is_punct` builds a Token object per question; these lists are read
    from the Doc once (`token_facts`). Attributes that are string methods of the text
    in spaCy's English (`is_alpha` == `isalpha()`, `is_space`, `is_lower`, `is_title`,
    `is_upper`, `is_digit`) are asked of `texts` directly.
    """

    texts: list[str]  # Token.text
    punct: list[bool]  # Token.is_punct
    like_num: list[bool]  # Token.like_num ("10", "10.9", "ten")


def token_facts(doc: Doc) -> TokenFacts:
    """The Doc's `TokenFacts`, built once and kept in `doc.user_data`."""
    facts = doc.user_data.get("token_facts")
    if facts is None:
        texts, _ = token_texts(doc)
        flags = doc.to_array([IS_PUNCT, LIKE_NUM]).astype(bool)
        facts = TokenFacts(texts, flags[:, 0].tolist(), flags[:, 1].tolist())
        doc.user_data["token_facts"] = facts
    return facts
