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

from spacy.language import Language
from spacy.tokens import Doc

from extract.resources import load_json

_CLOSERS = {'"', "”", "’", "'", ")", "]", "»"}
_OPENERS = {'"', "“", "‘", "'", "(", "[", "«"}
_ENDERS = {".", "!", "?", "...", "…"}


def _abbreviations() -> frozenset[str]:
    data = load_json("sentences.json")
    return frozenset(a.lower() for a in data["abbreviations"])


def _starts_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or first in _OPENERS


def mark_sentences(doc: Doc, abbreviations: frozenset[str]) -> Doc:
    """Set `is_sent_start` on every token of `doc` by the rules above."""
    n = len(doc)
    if n == 0:
        return doc
    starts = [False] * n
    starts[0] = True
    i = 0
    while i < n:
        tok = doc[i]
        # A line break: whitespace tokens holding "\n", or a token whose trailing
        # whitespace holds one.
        if "\n" in tok.text and tok.is_space:
            if i + 1 < n:
                starts[i + 1] = True
            i += 1
            continue
        if "\n" in tok.whitespace_:
            if i + 1 < n:
                starts[i + 1] = True
            i += 1
            continue
        if tok.text in _ENDERS or (tok.text.endswith(".") and tok.text[:-1].isalpha()):
            is_abbrev = tok.text != "." and (
                tok.lower_ in abbreviations
                or (len(tok.text) == 2 and tok.text[0].isupper())  # an initial: "J."
                or tok.text.count(".") > 1  # "U.S.", "a.m."
            )
            if tok.text == "." and i > 0:
                prev = doc[i - 1]
                if not prev.whitespace_ and (prev.lower_ + ".") in abbreviations:
                    is_abbrev = True
            j = i + 1
            while j < n and doc[j].text in _CLOSERS and not doc[j - 1].whitespace_:
                j += 1
            # skip pure spaces between sentences
            k = j
            while k < n and doc[k].is_space and "\n" not in doc[k].text:
                k += 1
            if k < n and j < n:
                nxt = doc[k]
                if is_abbrev:
                    # "a.m. EDT", "Oct. 10": an abbreviation ends a sentence only when
                    # the next word is a clear sentence opener (capitalised common word
                    # after a time such as "a.m." is still ambiguous; keep together).
                    if (
                        tok.lower_ in {"a.m.", "p.m."}
                        and nxt.text[:1].isupper()
                        and (nxt.is_title and nxt.lower_ in _SENTENCE_OPENERS)
                    ):
                        starts[k] = True
                elif _starts_sentence(nxt.text) or nxt.text[:1] in "/(":
                    starts[k] = True
            i = max(j, i + 1)
            continue
        i += 1
    for tok, start in zip(doc, starts, strict=True):
        tok.is_sent_start = start
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
