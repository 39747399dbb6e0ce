"""Sentence boundaries for news text.

Wire copy breaks the usual rules: headlines and one-line headings without a full stop,
datelines ("ANKARA, May 15. /TASS/."), abbreviations ("a.m.", "U.S.", "Oct. 10"),
quotes that close after the full stop, em-dash asides, and a missing space after a
full stop ("the list.No conservatives"). The splitter marks `is_sent_start` on tokens;
the tokenizer tweak in `extract.nlp` splits "list.No" so the boundary can be seen.

Rules, in order:
- a line break ends a sentence (headlines, headings, paragraphs are lines);
- `.`, `!`, `?` (with any closing quotes or brackets after them) end a sentence when the
  next token starts with a capital letter, a digit or an opening quote, unless the full
  stop belongs to a known abbreviation or an initial ("U.S.", "J. Smith", "Oct. 10");
- a dateline prefix closed by its own full stop ("PORT CALDER, June 9. /VESTA/.") is
  split off, so the sentence after it starts at its first word.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from extract.resources import load_json
from extract.tokens import token_texts

_CLOSERS = {'"', "”", "’", "'", ")", "]", "»"}
_OPENERS = {'"', "“", "‘", "'", "(", "[", "«"}
_ENDERS = {".", "!", "?", "...", "…"}
_END_CHARS = {".", "!", "?", "…"}  # the last character of every ender


def _abbreviations() -> frozenset[str]:
    data = load_json("sentences.json")
    return frozenset(a.lower() for a in data["abbreviations"])


def _starts_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or first in _OPENERS


def sentence_starts(
    texts: list[str], spaces: list[str], abbreviations: frozenset[str]
) -> list[bool]:
    """Whether each token starts a sentence, from token texts and trailing spaces."""
    n = len(texts)
    starts = [False] * n
    if n == 0:
        return starts
    starts[0] = True
    # Only line breaks and full stops (or !, ?, ...) can end a sentence: the loop
    # visits those tokens and skips the rest, which would each just move on.
    candidates = [
        i
        for i, (text, space) in enumerate(zip(texts, spaces, strict=True))
        if "\n" in space or text[-1:] in _END_CHARS or "\n" in text
    ]
    i = 0
    for c in candidates:
        if c < i:
            continue  # inside the closers after the previous sentence end
        i = c
        text = texts[i]
        # A line break: whitespace tokens holding "\n", or a token whose trailing
        # whitespace holds one.
        if "\n" in spaces[i] or ("\n" in text and not text.strip()):
            if i + 1 < n:
                starts[i + 1] = True
            i += 1
            continue
        if text in _ENDERS or (text.endswith(".") and text[:-1].isalpha()):
            lower = text.lower()
            is_abbrev = text != "." and (
                lower in abbreviations
                or (len(text) == 2 and text[0].isupper())  # an initial: "J."
                or text.count(".") > 1  # "U.S.", "a.m."
            )
            if text == "." and i > 0 and not spaces[i - 1]:
                if (texts[i - 1].lower() + ".") in abbreviations:
                    is_abbrev = True
            j = i + 1
            while j < n and texts[j] in _CLOSERS and not spaces[j - 1]:
                j += 1
            # skip pure spaces between sentences
            k = j
            while k < n and not texts[k].strip() and "\n" not in texts[k]:
                k += 1
            if k < n and j < n:
                nxt = texts[k]
                if is_abbrev:
                    # "a.m. EDT", "Oct. 10": an abbreviation ends a sentence only when
                    # the next word is a clear sentence opener.
                    if (
                        lower in {"a.m.", "p.m."}
                        and nxt.istitle()
                        and nxt.lower() in _SENTENCE_OPENERS
                    ):
                        starts[k] = True
                elif _starts_sentence(nxt) or nxt[:1] in "/(":
                    starts[k] = True
            i = max(j, i + 1)
            continue
        i += 1
    return starts


def mark_sentences(doc: Doc, abbreviations: frozenset[str]) -> Doc:
    """Set sentence starts on every token of `doc` by the rules above.

    Written in one `Doc.from_array` call: setting `is_sent_start` token by token
    re-checks the Doc's annotation each time and cost more than the tokenizer.
    """
    if len(doc) == 0:
        return doc
    texts, spaces = token_texts(doc)
    starts = sentence_starts(texts, spaces, abbreviations)
    values = numpy.where(numpy.array(starts, dtype=bool), 1, -1).astype("int32")
    doc.from_array([SENT_START], values.reshape(-1, 1).astype("uint64"))
    return doc


_SENTENCE_OPENERS = frozenset(
    "the a an in on at it its this that these those he she they we but and however "
    "officials results turnout voters".split()
)


@Language.factory("news_sentences")
def create_news_sentences(nlp: Language, name: str):
    abbreviations = _abbreviations()

    def news_sentences(doc: Doc) -> Doc:
        return mark_sentences(doc, abbreviations)

    return news_sentences
