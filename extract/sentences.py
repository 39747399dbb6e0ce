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
from extract.tokens import text_code_points, token_offsets, token_texts

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
    # Only line breaks and full stops (or !, ?, ...) can end a sentence.
    candidates = [
        i
        for i, (text, space) in enumerate(zip(texts, spaces, strict=True))
        if "\n" in space or text[-1:] in _END_CHARS or "\n" in text
    ]
    starts = [False] * len(texts)
    for k in _start_indices(texts, spaces, abbreviations, candidates):
        starts[k] = True
    return starts


# whether each ASCII code point may end a sentence (. ! ? and a line break), with
# False at 128 for all other characters ("…" is looked for on its own)
_CANDIDATE_ASCII = numpy.array([chr(p) in ".!?\n" for p in range(128)] + [False])
_ELLIPSIS = ord("…")
_LINE_BREAK = ord("\n")


def _candidates_in_text(points: numpy.ndarray, offsets: numpy.ndarray) -> list[int]:
    """The tokens that may end a sentence, found by searching the text.

    The same tokens as `sentence_starts` picks (a line break in the token or its
    trailing space, or a token ending in `.`, `!`, `?`, `…`), found in numpy from
    the text's code points (`points`) and the tokens' (IDX, SPACY) `offsets`: only
    the few places holding one of those characters are looked at, not every token.
    """
    # `take` clips the code points to 128 (any other character) as it looks them up
    found = _CANDIDATE_ASCII.take(points, mode="clip")
    found |= points == _ELLIPSIS
    at = numpy.flatnonzero(found)
    if not len(at):
        return []
    starts = offsets[:, 0]
    token = starts.searchsorted(at, side="right") - 1  # or whose trailing space
    # a token's text ends where the next one starts, less its trailing space (the
    # tokens and their spaces make up the text); written in place, as numpy's
    # `append` and `diff` are Python functions making several arrays each
    ends = offsets[:, 1] * -1
    ends[:-1] += starts[1:]
    ends[-1] += len(points)
    picked = (points[at] == _LINE_BREAK) | (at == ends[token] - 1)
    picked &= token >= 0  # (before the first token: spaCy's first starts at 0)
    # each token once, in order (a few, so deduplicated in Python)
    return list(dict.fromkeys(token[picked].tolist()))


def _start_indices(
    texts: list[str],
    spaces: list[str],
    abbreviations: frozenset[str],
    candidates: list[int],
) -> list[int]:
    """The tokens that start a sentence (possibly repeated), by the rules above.

    `candidates` are the tokens that may end one, in order; the loop visits those and
    skips the rest, which would each just move on.
    """
    n = len(texts)
    if n == 0:
        return []
    starts = [0]
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
                starts.append(i + 1)
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
                        starts.append(k)
                elif _starts_sentence(nxt) or nxt[:1] in "/(":
                    starts.append(k)
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
    candidates = _candidates_in_text(text_code_points(doc), token_offsets(doc))
    # 1 on sentence starts, -1 (as uint64, spaCy's "not a start") everywhere else
    values = numpy.full((len(texts), 1), -1, dtype="int64")
    values[_start_indices(texts, spaces, abbreviations, candidates)] = 1
    doc.from_array([SENT_START], values.astype("uint64"))
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
