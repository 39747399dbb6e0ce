"""Per-Doc token views computed once and cached in `doc.user_data`.

Iterating a Doc in Python builds a Token object per token; at the scale of tens of
thousands of articles that cost more than the tokenizer. These read spaCy's arrays once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

import numpy
from spacy.attrs import IDX, IS_PUNCT, LIKE_NUM, ORTH, SENT_START, SPACY
from spacy.tokens import Doc, Span

T = TypeVar("T")


def lower_words(doc: Doc) -> list[str]:
    """Every token's lower-case form (`Token.lower_`), from the cached token texts.

    spaCy's English `LOWER` is `str.lower()` of the token's text; each distinct
    text is lower-cased once and shared (`_LowerByText`), as the texts are.
    """
    # (try/except: on the cached path, taken ~200 times an article, it is one lookup)
    try:
        return doc.user_data["lower_words"]
    except KeyError:
        words, _ = token_texts(doc)
        _, lowers = _orth_caches(doc)
        # looked up by the shared texts, which keep their hash: cheaper than by the
        # ORTH hashes, large ints hashed anew at every lookup
        lows = list(map(lowers.__getitem__, words))
        doc.user_data["lower_words"] = lows
        return lows


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indices of each sentence, from the sentence-start array.

    For readers that need only the bounds: no Span object is built per sentence.
    """
    try:
        return doc.user_data["sentence_bounds"]
    except KeyError:
        pass
    if not len(doc):
        bounds = []
    else:
        starts = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist() or [0]
        if starts[0] != 0:
            starts.insert(0, 0)
        bounds = list(zip(starts, starts[1:] + [len(doc)], strict=True))
    doc.user_data["sentence_bounds"] = bounds
    return bounds


def sentence_spans(doc: Doc) -> list:
    """The sentences as Spans, from the sentence-start array (faster than doc.sents).

    Built with `Span(doc, a, b)`, which is what `doc[a:b]` returns for in-range bounds
    without its slice normalising (a third of the cost).
    """
    try:
        return doc.user_data["sentence_spans"]
    except KeyError:
        pass
    spans = [Span(doc, a, b) for a, b in sentence_bounds(doc)]
    doc.user_data["sentence_spans"] = spans
    return spans


def is_name_slash(texts: list[str], spaces: list[str], k: int) -> bool:
    """Whether token k is a slash inside one name, unspaced between two capitalised
    words ("CDU/CSU", "Bosnia/Herzegovina", "Alliance 90/The Greens")."""
    if texts[k] != "/" or k == 0 or k + 1 >= len(texts):
        return False
    left = texts[k - 1]
    return (
        not spaces[k - 1]
        and not spaces[k]
        and _capitalised(texts[k + 1])
        and (
            _capitalised(left)
            # "Alliance 90/The Greens": a number after a name word
            or (left.isdigit() and k > 1 and _capitalised(texts[k - 2]))
        )
    )


def _capitalised(text: str) -> bool:
    """Token.is_title or is_upper, or a capital first character."""
    return text.istitle() or text.isupper() or text[:1].isupper()


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


class _TextsByOrth(dict):
    """Token text by ORTH hash, for the Docs of one StringStore.

    A token's text is its lexeme's string (`Token.text` is `strings[orth]`), so
    every Doc's tokens can share one str object per distinct text: a token list is
    then a dict lookup per token made in C, not a slice of the text each, and each
    str keeps its hash for the set tests that every stage makes of the words.
    """

    # the most entries kept, so memory stays flat however many articles a run
    # reads: past it the cache starts again (~5 MB for the two caches at most;
    # starting again costs about one article's worth of StringStore lookups)
    LIMIT = 20_000

    def __init__(self, strings) -> None:
        self.strings = strings

    def __missing__(self, orth: int) -> str:
        text = self.strings[orth]
        self[orth] = text
        return text

    def ready(self) -> _TextsByOrth:
        if len(self) > self.LIMIT:
            self.clear()
        return self


class _LowerByText(dict):
    """A token text's lower-case form (`str.lower`) by the text, each distinct one
    lower-cased once and shared; bounded as `_TextsByOrth` is."""

    def __missing__(self, text: str) -> str:
        lower = self[text] = text.lower()
        return lower

    def ready(self) -> _LowerByText:
        if len(self) > _TextsByOrth.LIMIT:
            self.clear()
        return self


# (StringStore, texts, lower-case texts) for the last few StringStores seen; held
# strongly, so a store's identity cannot pass to another while its entry is here
_BY_STORE: list[tuple[object, _TextsByOrth, _LowerByText]] = []


def _orth_caches(doc: Doc) -> tuple[_TextsByOrth, _LowerByText]:
    strings = doc.vocab.strings
    for store, texts, lowers in _BY_STORE:
        if store is strings:
            return texts.ready(), lowers.ready()
    entry = (strings, _TextsByOrth(strings), _LowerByText())
    _BY_STORE.insert(0, entry)
    del _BY_STORE[4:]
    return entry[1], entry[2]


def token_texts(doc: Doc) -> tuple[list[str], list[str]]:
    """Every token's text and trailing whitespace.

    The texts are looked up by each token's ORTH hash (`_TextsByOrth`), so equal
    texts are one shared str. A token's trailing whitespace is one space or nothing
    (`SPACY`; longer whitespace is a token of its own).
    """
    try:
        return doc.user_data["token_texts"]
    except KeyError:
        pass
    texts, _ = _orth_caches(doc)
    table = doc.to_array([ORTH, IDX, SPACY])
    orths = table[:, 0].tolist()
    words = list(map(texts.__getitem__, orths))
    offsets = table[:, 1:].astype("int64")
    # picked in numpy from an object array of the two strings: a Python-level lookup
    # per token cost four times as much
    spaces = _TRAILING[offsets[:, 1]].tolist()
    found = doc.user_data["token_texts"] = (words, spaces)
    doc.user_data["token_starts"] = offsets[:, 0].tolist()
    doc.user_data["token_offsets"] = offsets
    return found


def token_offsets(doc: Doc) -> numpy.ndarray:
    """Every token's (IDX, SPACY) as an n x 2 numpy array: its character offset and
    whether one space follows it (the array `token_texts` is read from)."""
    try:
        return doc.user_data["token_offsets"]
    except KeyError:
        token_texts(doc)
        return doc.user_data["token_offsets"]


def text_code_points(doc: Doc) -> numpy.ndarray:
    """The code point of every character of the Doc's text, as a numpy array.

    For tests of characters that numpy can make on the whole text at once. Lone
    surrogates are passed through, so each character is one code point and the
    array's indices are the text's (and the token offsets').
    """
    try:
        return doc.user_data["text_code_points"]
    except KeyError:
        pass
    points = numpy.frombuffer(
        doc_text(doc).encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32
    )
    doc.user_data["text_code_points"] = points
    return points


def first_code_points(doc: Doc) -> numpy.ndarray:
    """The code point of every token's first character, as a numpy array.

    Read from the text's code points at the token offsets in one step, for tests of
    the first character that numpy can make on all tokens at once (spaCy tokens are
    never empty).
    """
    try:
        return doc.user_data["first_code_points"]
    except KeyError:
        pass
    points = text_code_points(doc)[token_offsets(doc)[:, 0]]
    doc.user_data["first_code_points"] = points
    return points


# a token's trailing whitespace by its SPACY flag
_TRAILING = numpy.array(["", " "], dtype=object)


def token_starts(doc: Doc) -> list[int]:
    """Every token's character offset in the text (`Token.idx`)."""
    try:
        return doc.user_data["token_starts"]
    except KeyError:
        token_texts(doc)
        return doc.user_data["token_starts"]


def sentence_note(doc: Doc, key: str, s: int, e: int, make: Callable[[], T]) -> T:
    """What `make()` finds about sentence tokens s:e, found once per Doc and kept in
    `doc.user_data[key]` for the other figures of the sentence to ask."""
    notes = doc.user_data.get(key)
    if notes is None:
        notes = doc.user_data[key] = {}
    note = notes.get((s, e))
    if note is None:
        note = notes[(s, e)] = make()
    return note


def span_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text` (no trailing whitespace) sliced from the cached text."""
    if start >= end:
        return ""
    views = doc.user_data  # read directly: this is asked ~50 times an article
    try:
        words = views["token_texts"][0]
    except KeyError:
        words = token_texts(doc)[0]
    starts = views["token_starts"]
    return views["text"][starts[start] : starts[end - 1] + len(words[end - 1])]


def keep_beside_group(doc: Doc, key: str, what: str, value: object) -> None:
    """Leave `value` (what a component found about the spans it just set in
    `doc.spans[key]`, as plain data) beside that group, for `kept_beside_group`."""
    group = doc.spans[key]
    doc.user_data[f"kept {what}:{key}"] = (group, len(group), value)


def kept_beside_group(doc: Doc, key: str, what: str):
    """The value `keep_beside_group` left for `doc.spans[key]`, or None once a later
    component has replaced or extended that group (or none was left)."""
    kept = doc.user_data.get(f"kept {what}:{key}")
    if kept is None or key not in doc.spans:
        return None
    group = doc.spans[key]
    return kept[2] if kept[0] is group and kept[1] == len(group) else None


def span_starts(doc: Doc, key: str) -> dict[int, int]:
    """Start -> end of the spans in `doc.spans[key]` (the first listed, per start).

    Iterating a SpanGroup builds a Span object per span; the rules ask "does a span
    start here?" at many tokens, so the answer is read once per Doc: taken from what
    the component that made the group left (`keep_span_starts`) while the group is
    still the one it made, else read from the group.
    """
    cache_key = "span_starts:" + key
    try:
        return doc.user_data[cache_key]
    except KeyError:
        pass
    starts = kept_beside_group(doc, key, "span_starts")
    if starts is None:
        group = doc.spans[key] if key in doc.spans else ()
        starts = _first_end_per_start((span.start, span.end) for span in group)
    doc.user_data[cache_key] = starts
    return starts


def keep_span_starts(doc: Doc, key: str, offsets: Iterable[tuple[int, int]]) -> None:
    """Leave `span_starts(doc, key)` for the group just set in `doc.spans[key]`, from
    the (start, end) offsets of its spans in order: a component has them at hand."""
    keep_beside_group(doc, key, "span_starts", _first_end_per_start(offsets))


def _first_end_per_start(offsets: Iterable[tuple[int, int]]) -> dict[int, int]:
    starts: dict[int, int] = {}
    for start, end in offsets:
        starts.setdefault(start, end)
    return starts


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
    try:
        return doc.user_data["token_facts"]
    except KeyError:
        pass
    texts, _ = token_texts(doc)
    flags = doc.to_array([IS_PUNCT, LIKE_NUM]).astype(bool)
    facts = TokenFacts(texts, flags[:, 0].tolist(), flags[:, 1].tolist())
    doc.user_data["token_facts"] = facts
    return facts
