"""The numbers layer: find the figures in a stretch of a Doc and parse number phrases.

`find_figures(doc, start, end)` makes one linear pass over the tokens with set lookups
(no spaCy Matcher): it reads digits ("24,512,404", "49.35", "1.2m"), number words
("twenty-one", "one hundred and five", "a dozen"), scales ("11 million", "2.5bn"),
percentages ("40%", "40 per cent", "40pc"), fractions in words ("two thirds of" -> 66.67
percent) and "all 30", with the qualifier written before them ("more than", "nearly",
"fell short of") or right after them ("or more"). It skips what is not a count: years,
dates, clock times, ages, ordinals, ranks and labels ("No. 12"), IDs and ranges ("5-4",
"COVID-19"), money, spans and distances ("four years", "40 kms"), "one" used as a
pronoun, and a number cut off by a truncated text ("nearly 9 mi" at the very end).

Every word list is data in `patterns/numbers.json`, loaded once.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from itertools import compress
from typing import Any, NamedTuple

import numpy

from extract.resources import load_json
from extract.tokens import (
    doc_text,
    first_code_points,
    lower_words,
    token_starts,
    token_texts,
)

QUALIFIERS = ("exact", "approx", "at_least", "at_most")


class Figure(NamedTuple):
    """One number as written in the Doc; indices are Doc token indices.

    A NamedTuple rather than a frozen dataclass: as immutable, and built four times
    as fast (a frozen dataclass sets each field through `object.__setattr__`), which
    counts at ~30 figures an article.
    """

    start: int
    end: int
    value: int | float
    qualifier: str
    qualifier_start: int
    percent: bool
    fraction: bool
    all_: bool
    attributive: bool
    text: str


# --------------------------------------------------------------------------------
# word lists


def _phrases(items) -> dict[tuple[str, ...], str]:
    return {tuple(p.split()): p for p in items}


class _Lex:
    """The word lists of numbers.json as sets and dicts, built once."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.units: dict[str, int] = data["units"]
        self.tens: dict[str, int] = data["tens"]
        self.hundred = frozenset(data["hundred"])
        self.scales = {k: int(v) for k, v in data["scales"].items()}
        self.scale_abbrevs = {k: int(v) for k, v in data["scale_abbrevs"].items()}
        self.dozen = frozenset(data["dozen"])
        self.articles = frozenset(data["articles"])
        self.den_singular: dict[str, int] = data["fraction_denominators"]
        self.den_plural: dict[str, int] = data["fraction_denominators_plural"]
        self.half_followers = frozenset(data["half_followers"])
        self.half_of_followers = frozenset(data["half_of_followers"])
        self.percent_words = frozenset(data["percent_words"])
        self.percent_phrases = {tuple(p.split()) for p in data["percent_phrases"]}
        self.percent_phrase_firsts = frozenset(p[0] for p in self.percent_phrases)
        # every word _percent_end can find a percent at ("-percent" after a hyphen)
        self.percent_starts = self.percent_words | self.percent_phrase_firsts | {"-"}
        self.glued_percent = frozenset(data["glued_percent_suffixes"])
        self.qualifiers: dict[tuple[str, ...], str] = {}
        for qual, phrases in data["qualifiers"].items():
            for p in phrases:
                self.qualifiers[tuple(p.split())] = qual
        self.qual_max = max(len(k) for k in self.qualifiers)
        # last word -> the lengths of the qualifiers ending in it, longest first: the
        # word before a figure rules out most lengths, and usually all of them
        lengths: dict[str, set[int]] = {}
        for words in self.qualifiers:
            lengths.setdefault(words[-1], set()).add(len(words))
        self.qualifier_lengths = {
            w: tuple(sorted(ks, reverse=True)) for w, ks in lengths.items()
        }
        self.post_qualifiers: dict[tuple[str, ...], str] = {}
        for qual, phrases in data["post_qualifiers"].items():
            for p in phrases:
                words = tuple(p.split())
                if words[0].startswith("-"):  # "-odd": the hyphen is its own token
                    words = ("-", words[0][1:], *words[1:])
                self.post_qualifiers[words] = qual
        self.post_qualifier_firsts = frozenset(w[0] for w in self.post_qualifiers)
        self.months = frozenset(data["months"])
        self.time_suffixes = {tuple(p.split()) for p in data["time_suffixes"]}
        self.time_suffix_firsts = frozenset(p[0] for p in self.time_suffixes if p)
        self.age_prefixes = frozenset(data["age_prefixes"])
        self.age_suffixes = {tuple(p.split()) for p in data["age_suffixes"]}
        self.age_suffix_firsts = frozenset(p[0] for p in self.age_suffixes if p)
        self.skip_units = frozenset(data["skip_units"])
        self.currency_prefixes = frozenset(data["currency_prefixes"])
        self.currency_words = frozenset(data["currency_words"])
        self.id_prefixes = frozenset(data["id_prefixes"])
        self.count_nouns = frozenset(data["count_nouns"])
        self.year_count_nouns = frozenset(data["year_count_nouns"])
        self.connectors = frozenset(data["coordination_connectors"])
        self.max_gap = int(data["coordination_max_gap"])
        self.blockers = frozenset(data["coordination_blockers"])
        self.partitive_pronouns = frozenset(data["partitive_pronouns"])
        self.range_openers = frozenset(data["range_openers"])
        self.range_joiners = frozenset(data["range_joiners"])
        self.joiners = [[w] for w in self.range_joiners]
        self.negators = frozenset(data["negators"])
        self.negator_window = int(data["negator_window"])
        self.negator_exceptions = frozenset(data["negator_exceptions"])
        self.one_of_determiners = frozenset(data["one_of_determiners"])

        self.number_words = frozenset(self.units) | frozenset(self.tens)
        self.word_starts = self.number_words | self.hundred | self.articles
        self.after_article = self.hundred | frozenset(self.scales) | self.dozen
        # the words an article must come before to start a figure: "a million",
        # "a dozen", "a third", "a-third"; most articles in a text start none
        self.article_followers = (
            self.after_article
            | frozenset(self.den_singular)
            | frozenset(self.den_plural)
            | {"-"}
        )
        # suffixes glued to digits in one token: "1.2m", "2.5bn", "40pc", "11.2million"
        self.glued_scales = {**self.scales, **self.scale_abbrevs}
        self.starts = self.word_starts | frozenset(self.den_singular) | {"all"}
        words = (
            set(self.units)
            | set(self.tens)
            | set(self.hundred)
            | set(self.scales)
            | set(self.dozen)
            | set(self.den_singular)
            | set(self.den_plural)
        )
        # quick test: a token whose first character is a digit, or one of these words,
        # must be in a stretch of text for it to hold a figure ("a", "all" and "half"
        # need one of them after them anyway, except "half the")
        words.add("half")
        self.candidate_words = frozenset(words)
        self.digit_chars = frozenset("0123456789")
        # every word either test above looks for, for one pass over a Doc's tokens
        self.scan_words = self.starts | self.candidate_words
        # words that a truncated text may have cut short ("9 mi" for "9 million")
        self.completions = (
            set(self.scales)
            | self.percent_words
            | {p[0] for p in self.percent_phrases}
            | set(self.count_nouns)
        )
        self.complete_words = (
            set(self.scales)
            | self.percent_words
            | set(self.count_nouns)
            | set(self.scale_abbrevs)
        )

    def starts_number(self, word: str) -> bool:
        """Whether a (lower-case) token can start a figure's number: a digit first,
        or a number word ("nine", "twelve")."""
        return word[:1].isdigit() or word in self.number_words


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    data = load_json("numbers.json")
    if not isinstance(data, dict):  # pragma: no cover
        raise ValueError("numbers.json: expected a JSON object")
    return _Lex(data)


_DIGITS = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([a-z%]*)")


# --------------------------------------------------------------------------------
# the core parser, shared by find_figures and parse_number


@dataclass(slots=True)
class _Parsed:
    end: int  # compact index, exclusive
    # an int when whole (ints add and compare faster); else exact as a Fraction, or
    # a float for a decimal in digits (no arithmetic follows its parse: see there)
    value: int | Fraction | float
    percent: bool = False
    fraction: bool = False
    digits: bool = False  # written in digits
    plain_int: bool = False  # digits only, no comma, decimal, scale or percent
    lone_one: bool = False  # the single word "one"


def _percent_end(lex: _Lex, low: list[str], ws: list[bool], j: int, n: int) -> int:
    """Index after a percent word starting at j, or j when there is none."""
    if j >= n:
        return j
    w = low[j]
    if w in lex.percent_words:
        return j + 1
    if (
        j + 1 < n
        and w in lex.percent_phrase_firsts  # before building the pair: most fail
        and (w, low[j + 1]) in lex.percent_phrases
    ):
        return j + 2
    if (
        w == "-"
        and j + 1 < n
        and j > 0
        and not ws[j - 1]
        and not ws[j]
        and low[j + 1] in lex.percent_words
    ):
        return j + 2
    return j


def _parse_fraction(
    lex: _Lex, low: list[str], ws: list[bool], i: int, n: int, strict: bool
) -> _Parsed | None:
    w = low[i]
    if w == "half":
        if strict:
            nxt = low[i + 1] if i + 1 < n else ""
            ok = nxt in lex.half_followers or (
                nxt == "of" and i + 2 < n and low[i + 2] in lex.half_of_followers
            )
            if not ok:
                return None
        return _Parsed(i + 1, Fraction(50), percent=True, fraction=True)
    if w in lex.articles:
        num = 1
    elif w in lex.units and 1 <= lex.units[w] <= 19:
        num = lex.units[w]
    else:
        return None
    k = i + 1
    if k + 1 < n and low[k] == "-" and not ws[i] and not ws[k]:
        k += 1
    if k >= n:
        return None
    d = low[k]
    if d in lex.den_plural:
        den = lex.den_plural[d]
        if num == 1 and strict:
            return None
    elif d in lex.den_singular:
        den = lex.den_singular[d]
        if strict and (k + 1 >= n or low[k + 1] != "of"):
            return None  # "a third term", "one fifth round"
    else:
        return None
    if num >= den:
        return None
    e = k + 1
    share = Fraction(num, den)
    # "a quarter of a million votes" is a count; "a quarter of a century" a span
    if e + 2 < n and low[e] == "of" and low[e + 1] in lex.articles:
        third = low[e + 2]
        if third in lex.scales:
            return _Parsed(e + 3, share * lex.scales[third])
        if third in lex.skip_units:
            return None
    value = Fraction(round(share * 100, 2))
    return _Parsed(e, value, percent=True, fraction=True)


def _parse_digits(
    lex: _Lex, low: list[str], ws: list[bool], i: int, n: int
) -> _Parsed | None:
    w = low[i]
    if len(w) > 40:
        return None  # no count is this long; also keeps int() within its digit limit
    if w.isdecimal():  # "40": all digits (`\d`), as _DIGITS would read it, but faster
        intpart, decimals, suffix = w, None, ""
        value = int(w)
    else:
        intpart, _, decimals = w.partition(".")
        if intpart.isdecimal() and decimals.isdecimal():
            # "49.35", most of the others: read as _DIGITS reads it, without a match
            suffix = ""
            value = int(intpart)
        else:
            m = _DIGITS.fullmatch(w)
            if m is None:
                return None
            intpart, decimals, suffix = m.groups()
            value = int(intpart.replace(",", ""))
    # The value is kept as a whole number over a power of ten ("1.25" is 125 / 100)
    # while a scale (always an int) multiplies it, and divided out at the end: "1.5
    # million" is the int 1500000, "49.35" the float 49.35. Int true division is
    # correctly rounded, so that float is the one `float(Fraction(4935, 100))` gave
    # (the same rational), without a Fraction's gcd and properties (microseconds).
    if decimals:
        den = 10 ** len(decimals)
        value = value * den + int(decimals)
    else:
        den = 1
    percent = scaled = False
    j = i + 1
    if suffix:
        if suffix in lex.glued_scales:
            value *= lex.glued_scales[suffix]
            scaled = True
        elif suffix in lex.glued_percent:
            percent = True
        else:
            return None  # "13th", "1990s", "6am", "10km"
    if not scaled and not percent and j < n:
        w = low[j]
        if not ws[i] and w in lex.scale_abbrevs:
            value *= lex.scale_abbrevs[w]
            scaled, j = True, j + 1
        elif w in lex.scales:
            value *= lex.scales[w]
            scaled, j = True, j + 1
        elif (
            w == "-"
            and j + 1 < n
            and not ws[i]
            and not ws[j]
            and low[j + 1] in lex.scales
        ):
            value *= lex.scales[low[j + 1]]
            scaled, j = True, j + 2
    if den != 1:
        whole, rest = divmod(value, den)
        value = value / den if rest else whole
    if not percent and j < n and low[j] in lex.percent_starts:  # else none is there
        k = _percent_end(lex, low, ws, j, n)
        percent, j = k > j, k
    plain = not (scaled or percent or decimals or "," in intpart)
    # by position (the most common parse; keywords cost twice as much to bind):
    # end, value, percent, fraction, digits, plain_int
    return _Parsed(j, value, percent, False, True, plain)


def _parse_words(
    lex: _Lex, low: list[str], ws: list[bool], i: int, n: int
) -> _Parsed | None:
    units, tens, scales = lex.units, lex.tens, lex.scales
    total: int | Fraction = 0
    cur: int | Fraction = 0
    last = ""  # "", A(rticle), U(nit), T(ens), H(undred), S(cale), AND
    last_scale = None
    valid_end = i
    j = i
    if low[i] in lex.articles:
        if i + 1 < n and low[i + 1] in lex.after_article:
            cur, last, j = 1, "A", i + 1
        else:
            return None
    while j < n:
        w = low[j]
        if w in units:
            if last in ("", "H", "S", "AND") or (last == "T" and 1 <= units[w] <= 9):
                cur += units[w]
                last = "U"
            else:
                break
        elif w in tens:
            if last in ("", "H", "S", "AND"):
                cur += tens[w]
                last = "T"
            else:
                break
        elif w in lex.hundred:
            if last in ("U", "A") and cur < 100:
                cur *= 100
                last = "H"
            else:
                break
        elif w in scales:
            s = scales[w]
            if last in ("U", "T", "H", "A") and (last_scale is None or s < last_scale):
                total += cur * s
                cur = 0
                last, last_scale = "S", s
            else:
                break
        elif w in lex.dozen:
            if last in ("U", "A") and total == 0:
                cur *= 12
                valid_end = j + 1
            break
        elif w == "and":
            if (
                last in ("U", "T")
                and j + 3 < n
                and low[j + 1] in lex.articles
                and low[j + 2] == "half"
                and low[j + 3] in scales
                and (last_scale is None or scales[low[j + 3]] < last_scale)
            ):
                # "two and a half million"
                cur += Fraction(1, 2)
                j += 3
                continue
            if (
                last in ("H", "S")
                and j + 1 < n
                and (low[j + 1] in units or low[j + 1] in tens)
            ):
                last = "AND"
                j += 1
                continue
            break
        elif w == "-":
            if (
                last == "T"
                and j + 1 < n
                and not ws[j - 1]
                and not ws[j]
                and 1 <= units.get(low[j + 1], 0) <= 9
            ):
                j += 1
                continue
            break
        else:
            break
        j += 1
        valid_end = j
    if valid_end == i or last == "A" and valid_end == i + 1:
        return None
    value = total + cur
    lone_one = valid_end == i + 1 and low[i] == "one"
    k = _percent_end(lex, low, ws, valid_end, n)
    return _Parsed(k, value, percent=k > valid_end, lone_one=lone_one)


def _parse_at(
    lex: _Lex, low: list[str], ws: list[bool], i: int, n: int, strict: bool
) -> _Parsed | None:
    w = low[i]
    if w[:1].isdigit():
        return _parse_digits(lex, low, ws, i, n)
    if w in lex.den_singular or w in lex.units or w in lex.articles:
        r = _parse_fraction(lex, low, ws, i, n, strict)
        if r is not None:
            return r
    if w in lex.word_starts:
        return _parse_words(lex, low, ws, i, n)
    return None


def _ratio(
    lex: _Lex, low: list[str], ws: list[bool], r: _Parsed, n: int
) -> _Parsed | None:
    """ "1 in 3 voters", "one in five votes": a share, as a fraction in words is
    (33.33), not a count of 3. Small whole numbers only, the first below the second
    (at most 100), and a word after them ("won 12 in 2019" is no ratio)."""
    if r.percent or r.fraction or type(r.value) is not int or r.value < 1:
        return None
    if r.digits and not r.plain_int:
        return None  # "1.5 million in 3 ..."
    r2 = _parse_at(lex, low, ws, r.end + 1, n, strict=True)
    if (
        r2 is None
        or r2.percent
        or r2.fraction
        or type(r2.value) is not int
        or (r2.digits and not r2.plain_int)
        or not r.value < r2.value <= 100
        or r2.end >= n
        or not low[r2.end].isalpha()
    ):
        return None
    share = Fraction(round(Fraction(r.value, r2.value) * 100, 2))
    return _Parsed(r2.end, share, percent=True, fraction=True)


def _to_number(value: int | Fraction | float) -> int | float:
    if type(value) is int:  # most figures: no attribute to read
        return value
    if isinstance(value, float):
        return value  # a decimal in digits, never whole (see _parse_digits)
    if value.denominator == 1:
        return int(value)
    return float(value)


# --------------------------------------------------------------------------------
# parse_number

_PHRASE_TOKENS = re.compile(r"\d[\d,]*(?:\.\d+)?[a-z%]*|[a-z]+\.?|[^\sa-z\d]")


def starts_number(word: str) -> bool:
    """Whether a (lower-case) token can start a figure's number: a digit first, or
    a number word ("nine", "twelve")."""
    return _lex().starts_number(word)


def number_run_end(
    words: Sequence[str],
    like_num: Sequence[bool],
    k: int,
    e: int,
    leading: AbstractSet[str],
) -> int | None:
    """The token after the run of numbers at k, once any words of `leading` are
    passed ("some 3,000", "more than 40" with qualifiers), or None when no number
    follows them in words[:e]. `like_num` is `Token.like_num` of each token."""
    while k < e and words[k] in leading:
        k += 1
    if k >= e or not like_num[k]:
        return None
    while k < e and like_num[k]:
        k += 1
    return k


def parse_number(text: str) -> int | float | None:
    """The value of one number phrase, or None when the text is not (only) a number.

    "11 million", "1.2m", "twenty-one", "40 per cent" -> 40, "two thirds" -> 66.67.
    Never raises.
    """
    try:
        return _parse_number(text)
    except Exception:  # noqa: BLE001 - a parse helper must not take a batch down
        return None


def _parse_number(text: str) -> int | float | None:
    if not isinstance(text, str):
        return None
    lex = _lex()
    low: list[str] = []
    ws: list[bool] = []
    lowered = text.strip().lower()
    for m in _PHRASE_TOKENS.finditer(lowered):
        tok = m.group()
        # "per cent." / "pct." keep their full stop; any other one is punctuation
        if (
            tok.endswith(".")
            and tok[:-1].isalpha()
            and tok not in lex.percent_words
            and tok not in {p[-1] for p in lex.percent_phrases}
        ):
            low.append(tok[:-1])
            ws.append(False)
            low.append(".")
            ws.append(m.end() >= len(lowered) or lowered[m.end()].isspace())
            continue
        if low:
            ws[-1] = m.start() > 0 and lowered[m.start() - 1].isspace()
        low.append(tok)
        ws.append(True)
    while low and low[-1] == ".":
        low.pop()
        ws.pop()
    n = len(low)
    if n == 0:
        return None
    r = _parse_at(lex, low, ws, 0, n, strict=False)
    if r is None or r.end != n:
        return None
    return _to_number(r.value)


# --------------------------------------------------------------------------------
# find_figures


def _matches(low: list[str], j: int, n: int, phrases, firsts) -> int:
    """Length of the longest phrase in `phrases` (tuples) starting at j, else 0.

    `firsts` holds the phrases' first words: most positions fail that one test."""
    if j >= n or low[j] not in firsts:
        return 0
    best = 0
    for p in phrases:
        k = len(p)
        if k > best and j + k <= n and tuple(low[j : j + k]) == p:
            best = k
    return best


# `_new_tuple(Figure, fields)`: a Figure built from all its fields in order, as a
# NamedTuple's generated __new__ builds it, less that Python-level call
_new_tuple = tuple.__new__


def find_figures(doc, start: int = 0, end: int | None = None) -> list[Figure]:
    """All figures in doc[start:end], in order.

    `doc` may also be a Span: `start`/`end` are then relative to it, while the Figures
    always carry Doc token indices.
    """
    if hasattr(doc, "doc") and doc.doc is not doc:  # a Span
        base = doc.start
        span_len = doc.end - doc.start
        doc = doc.doc
        lo = base + max(0, min(start, span_len) if start >= 0 else span_len + start)
        stop = span_len if end is None else end
        hi = base + max(0, min(stop, span_len) if stop >= 0 else span_len + stop)
        start, end = lo, hi
    n_doc = len(doc)
    if end is None or end > n_doc:
        end = n_doc
    elif end < 0:
        end = max(0, n_doc + end)
    if start < 0:
        start = max(0, n_doc + start)
    if start >= end:
        return []
    lex = _lex()
    whole = start == 0 and end == n_doc
    # kept in the Doc only for a call on a stretch of it (a caller may ask for
    # several): the pipeline's one whole-Doc call leaves its lists to be freed at
    # once, for the next Doc's to reuse, rather than held for a batch of Docs
    view = _doc_view(doc, lex, store=not whole)
    # compact view without whitespace tokens ("\n"), so a line break inside a sentence
    # does not separate "more than" from "40"
    idx = view.idx
    if whole:
        if not view.holds_candidate(lex, 0, len(view.low)):
            return []
        low, ws, heads = view.low, view.ws, view.heads
    else:
        cs, ce = bisect_left(idx, start), bisect_left(idx, end)
        if not view.holds_candidate(lex, cs, ce):
            return []
        low, ws, idx = view.low[cs:ce], view.ws[cs:ce], idx[cs:ce]
        if idx[-1] + 1 >= end:  # a space token after the range is not in it
            ws[-1] = token_texts(doc)[1][idx[-1]]
        heads = view.heads[bisect_left(view.heads, cs) : bisect_left(view.heads, ce)]
        heads = [h - cs for h in heads]
    n = len(low)
    at_doc_end = end == n_doc
    text, offsets = doc_text(doc), token_starts(doc)
    # the tokens' texts are read from the Doc's list, at idx[k] for compact k (a
    # few reads a figure: cheaper than a compact copy of the list for every Doc)
    words = token_texts(doc)[0]

    figures: list[Figure] = []
    spans: list[tuple[int, int]] = []  # compact (start, end) of each figure
    i = 0
    prev_end = 0
    range_open = False  # the last figure opened "between A and B"
    for h in heads:  # only tokens that can start a figure; the rest would be skipped
        if h < i:
            continue  # inside the previous figure
        i = h
        w = low[i]
        all_ = False
        s = i
        if w == "all":
            if i + 1 < n and lex.starts_number(low[i + 1]):
                all_, s = True, i + 1
            else:
                i += 1
                continue
        if low[s][:1].isdigit():  # most heads: _parse_at's first test, without its call
            r = _parse_digits(lex, low, ws, s, n)
        else:
            r = _parse_at(lex, low, ws, s, n, strict=True)
        if r is None:
            i += 1
            continue
        if r.end + 2 < n and low[r.end] == "in":  # (one test for most figures)
            r = _ratio(lex, low, ws, r, n) or r
        e = r.end
        verdict = _judge(lex, low, words, idx, ws, s, e, n, r, spans, at_doc_end)
        if verdict is None:
            i = e
            continue
        attributive, e_ctx = verdict
        # qualifier before the number (never reaching into the previous figure)
        qualifier, q_start = "exact", s
        closes_range = range_open and spans and low[spans[-1][1] : s] in lex.joiners
        range_open = False
        if closes_range:
            # "between 58.3 and 60.7 percent": the upper end, whose percent word
            # also covers the lower one
            qualifier = "at_most"
            if r.percent and not figures[-1].percent:
                figures[-1] = figures[-1]._replace(percent=True)
        elif (
            not all_
            and s > prev_end
            and low[s - 1] in lex.range_openers
            and e < n
            and low[e] in lex.range_joiners
            and e + 1 < n
            and lex.starts_number(low[e + 1])
        ):
            qualifier, q_start, range_open = "at_least", s - 1, True
        elif not all_ and s > prev_end:
            room = s - prev_end  # no qualifier is longer than lex.qual_max anyway
            for k in lex.qualifier_lengths.get(low[s - 1], ()):
                if k > room:
                    continue
                q = lex.qualifiers.get(tuple(low[s - k : s]))
                if q is not None:
                    qualifier, q_start = q, s - k
                    break
            if qualifier in _FLIP and _negated(lex, low, q_start, prev_end):
                qualifier = _FLIP[qualifier]
        # the calls below made only when their first test can pass (most figures:
        # no phrase can start after them, and the figure before had no qualifier)
        if (
            qualifier == "exact"
            and e_ctx < n
            and low[e_ctx] in lex.post_qualifier_firsts
        ):
            post = _post_qualifier(lex, low, e_ctx, n)
            if post:
                qualifier = post
        if (
            qualifier == "exact"
            and q_start == s
            and figures
            and not all_
            and figures[-1].qualifier != "exact"
        ):
            qualifier = _inherited(
                lex, low, words, idx, figures[-1], spans[-1], s, e, r, attributive
            )
        first, last = idx[s], idx[e - 1]  # the Doc indices of its tokens
        value = r.value
        if type(value) is not int:  # (most values are ints, kept with no call)
            value = _to_number(value)
        # the Figure's tuple made directly, as the NamedTuple's own __new__ does but
        # without its Python-level frame (half the cost of each Figure); the fields
        # are all given, in order
        figures.append(
            _new_tuple(
                Figure,
                (
                    first,  # start
                    last + 1,  # end
                    value,
                    qualifier,
                    idx[q_start],  # qualifier_start
                    r.percent,
                    r.fraction,
                    all_,
                    attributive,
                    # text: doc[start:end].text, as `span_text` slices it (a
                    # one-token figure's is the token's, the cheaper read)
                    words[first]
                    if first == last
                    else text[offsets[first] : offsets[last] + len(words[last])],
                ),
            )
        )
        spans.append((s, e))
        prev_end = e
        i = e
    return figures


@dataclass(slots=True)
class _DocView:
    """The Doc's tokens without whitespace tokens, as plain lists (compact indices)."""

    low: list[str]  # lower-case text
    # whitespace after the token: its own trailing space (" " or "", as token_texts
    # gives it), or " " for a whitespace token after it; read only for its truth, as
    # the parsers read parse_number's list of bools
    ws: list[str]
    idx: list[int]  # the token's index in the Doc
    # tokens that may start a figure: a digit first, or in `lex.starts` (an article
    # only before one of `lex.article_followers`)
    heads: list[int]
    digit_first: list[int]  # tokens with a digit first
    word_hits: list[int]  # tokens in `lex.scan_words`

    def holds_candidate(self, lex: _Lex, cs: int, ce: int) -> bool:
        """Whether tokens cs:ce include one without which no figure is there: an
        ASCII digit first, or one of `lex.candidate_words` (a quick test; asked of
        the tokens the view picked out, so the first digit usually answers)."""
        low = self.low
        return any(
            low[k][:1] in lex.digit_chars for k in _between(self.digit_first, cs, ce)
        ) or any(
            low[k] in lex.candidate_words for k in _between(self.word_hits, cs, ce)
        )


def _between(ks: list[int], lo: int, hi: int) -> list[int]:
    """The items of the sorted list `ks` in lo:hi."""
    return ks[bisect_left(ks, lo) : bisect_left(ks, hi)]


def _first_char_classes(points: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Whether each token's first character (code points `points`) is whitespace,
    and whether it is a digit (`str.isspace`, `str.isdigit`): ASCII ones looked up
    in numpy, the few distinct others asked of Python."""
    # `take` clips the code points to 128 (any other character) as it looks them up:
    # half the cost of numpy.minimum and two fancy indexes
    space = _ASCII_SPACE.take(points, mode="clip")
    digit = _ASCII_DIGIT.take(points, mode="clip")
    # one comparison per distinct other character (a no-break space, say): there
    # are few, and numpy.isin costs several times as much to set up
    for p in set(points[points > 127].tolist()):
        c = chr(p)
        if c.isspace():
            space |= points == p
        elif c.isdigit():
            digit |= points == p
    return space, digit


# the two tests for ASCII code points, with False at 128 for all others
_ASCII_SPACE = numpy.array([chr(p).isspace() for p in range(128)] + [False])
_ASCII_DIGIT = numpy.array([chr(p).isdigit() for p in range(128)] + [False])


def _doc_view(doc, lex: _Lex, store: bool = True) -> _DocView:
    """The compact token lists of `doc`, made from the cached token views
    (`extract.tokens`), so no spaCy objects are touched here; kept in the Doc
    for later calls if `store`.

    The tests of every token's first character (whitespace, digit) are made in numpy
    on the first characters' code points; other passes over every token are a
    `map`/`compress` (run in C). Python-level work is left for the few tokens the
    passes pick out.
    """
    view = doc.user_data.get("figure_view")
    if view is not None:
        return view
    lows = lower_words(doc)
    words, spaces = token_texts(doc)
    space_first, digit_first_doc = _first_char_classes(first_code_points(doc))
    # A token is whitespace through and through or holds none (spaCy splits where
    # whitespace starts and ends), so its first character tells; checked anyway.
    gaps = [g for g in numpy.flatnonzero(space_first).tolist() if words[g].isspace()]
    # the token's own trailing space, or a whitespace token ("\n\n") after it (the
    # spaces copied, as true as bools would be, rather than flags made anew)
    low, ws, idx = lows[:], spaces[:], list(range(len(words)))
    # the ~20 whitespace tokens deleted from the lists (a memmove each) rather than
    # the lists picked out by a numpy mask: the mask and `tolist` cost more
    for g in reversed(gaps):  # last first, so the earlier indices hold
        if g > 0:
            ws[g - 1] = " "
        del low[g], ws[g], idx[g]
    keep = numpy.ones(len(words), dtype=bool)
    keep[gaps] = False
    # `low[k][:1].isdigit()`: lower-casing makes or unmakes no digit
    digit_first = numpy.flatnonzero(digit_first_doc[keep]).tolist()
    positions = range(len(low))
    word_hits = list(compress(positions, map(lex.scan_words.__contains__, low)))
    last = len(low) - 1
    heads = digit_first + [
        k
        for k in word_hits
        if low[k] in lex.starts
        and (
            low[k] not in lex.articles
            or (k < last and low[k + 1] in lex.article_followers)
        )
    ]
    heads.sort()
    view = _DocView(low, ws, idx, heads, digit_first, word_hits)
    if store:
        doc.user_data["figure_view"] = view
    return view


def _judge(
    lex: _Lex,
    low: list[str],
    words: list[str],
    idx: list[int],
    ws: list[bool],
    s: int,
    e: int,
    n: int,
    r: _Parsed,
    spans: list[tuple[int, int]],
    at_doc_end: bool,
) -> tuple[bool, int] | None:
    """(attributive, end of the figure's context) for a real figure; None to skip.

    `words` are the Doc's token texts, the text of compact token k at `idx[k]`."""
    prev = low[s - 1] if s > 0 else ""
    prev2 = low[s - 2] if s > 1 else ""
    nxt = low[e] if e < n else ""
    nxt2 = low[e + 1] if e + 1 < n else ""
    value = r.value
    # an int, most figures, tested first: no attribute to read
    whole = type(value) is int or (type(value) is Fraction and value.denominator == 1)
    small_int = whole and not r.percent and 1 <= r.value <= 31

    # glued to the token before by a hyphen or sign: "G-7", "2019-20", "+98"
    if (
        prev in ("-", "+", "/", ":")
        and s > 0
        and not ws[s - 1]
        and (s < 2 or not ws[s - 2])
    ):
        return None
    if prev in ("+", "-") and s > 0 and not ws[s - 1] and r.digits:
        return None  # a sign: "-5", "+98"

    if r.digits:
        if r.plain_int:
            digits = low[s]  # digits only: no comma, decimal point or suffix
            if len(digits) > 1 and digits.startswith("0"):
                return None  # "0098", "007": an ID
            if len(digits) > 10:
                return None  # phone- or ID-like
            if (
                len(digits) == 4
                and 1900 <= r.value <= 2100
                and nxt not in lex.year_count_nouns
            ):
                return None  # a year
        # "5-4", "20-25 seats", "555-1234": scores, ranges, phone numbers
        if (
            nxt in ("-", "/", ":")
            and not ws[e - 1]
            and e + 1 < n
            and not ws[e]
            and low[e + 1][:1].isdigit()
        ):
            return None
        # "Alliance 90/The Greens": a number inside a party name, a slash glued
        # after it and a capitalised word on each side
        if (
            nxt == "/"
            and not ws[e - 1]
            and e + 1 < n
            and not ws[e]
            and words[idx[e + 1]][:1].isupper()
            and s > 0
            and words[idx[s - 1]][:1].isupper()
        ):
            return None
        if prev in lex.currency_prefixes or nxt in lex.currency_words:
            return None
        if prev in lex.id_prefixes or (prev == "." and prev2 in ("no", "nos")):
            return None
        if prev == "covid" or prev2 == "covid":
            return None
        # digit groups in a row, "+98 21 555 0100": a phone number or code (the
        # group before tested here, not in a function: asked of most figures)
        if r.plain_int and (
            prev.isdigit()
            or (prev[:1] == "+" and prev[1:].isdigit())
            or (nxt.isdigit() and e == s + 1)
        ):
            return None

    # dates: "April 29", "Oct. 10", "29 April" (unless a count noun follows)
    if small_int and not r.fraction:
        if (
            prev in lex.months
            and words[idx[s - 1]][:1].isupper()
            and nxt not in lex.year_count_nouns
        ):
            return None
        if nxt in lex.months and words[idx[e]][:1].isupper():
            return None

    # clock times: "6 pm", "3 p.m.", "0600 GMT", "9 o'clock" (here and for ages,
    # _matches is called only when the next word can start a phrase: few can)
    if (
        not r.percent
        and nxt in lex.time_suffix_firsts
        and _matches(low, e, n, lex.time_suffixes, lex.time_suffix_firsts)
    ):
        return None

    # ages: "69-year-old", "aged 64", "Jalili, 58,"
    if not r.percent and whole:
        if nxt in lex.age_suffix_firsts and _matches(
            low, e, n, lex.age_suffixes, lex.age_suffix_firsts
        ):
            return None
        if prev in lex.age_prefixes or (
            prev2 in lex.age_prefixes and prev in ("under", "over")
        ):
            return None
        if (
            r.digits
            and r.plain_int
            and 18 <= r.value <= 110
            and prev == ","
            and s >= 2
            and words[idx[s - 2]][:1].isupper()
            and words[idx[s - 2]].isalpha()
            and nxt in (",", ")")
        ):
            return None

    # spans and distances: "four years", "40 kms", "a 30-day campaign", "two-and-a-half"
    attributive = False
    e_ctx = e
    if nxt == "-" and not ws[e - 1] and e + 1 < n and not ws[e]:
        if nxt2 in lex.skip_units or nxt2 == "and" or nxt2 in lex.currency_words:
            return None
        if (nxt, nxt2) in lex.post_qualifiers:
            pass  # "40-odd", "40-plus": handled as a qualifier
        elif nxt2[:1].isalpha():
            attributive = True
    elif not r.percent and nxt in lex.skip_units:
        return None

    # a number cut off at the very end of a truncated text: "nearly 9 mi"
    if at_doc_end and e == n - 1 and nxt.isalpha() and nxt not in lex.complete_words:
        if any(c != nxt and c.startswith(nxt) for c in lex.completions):
            return None

    # "one" as a pronoun or determiner: "one of his ministers", "one day before"
    if r.lone_one and not r.percent and not attributive:
        if not _one_is_count(lex, low, ws, e, n, spans, s):
            return None

    # a count noun right after the number belongs to its context ("40 seats or more")
    if e_ctx < n and low[e_ctx] in lex.count_nouns:
        e_ctx += 1
    return attributive, e_ctx


def _one_is_count(
    lex: _Lex,
    low: list[str],
    ws: list[bool],
    e: int,
    n: int,
    spans: list[tuple[int, int]],
    s: int,
) -> bool:
    nxt = low[e] if e < n else ""
    if nxt in lex.count_nouns:
        return True
    if nxt == "of" and e + 1 < n:
        k = e + 1
        if low[k] in lex.one_of_determiners:
            k += 1
        if k < n and lex.starts_number(low[k]):
            return True  # "one of the 30 seats", "one of 28"
    if spans and not nxt[:1].isalnum():
        # the last item of a list of figures: "won 12, 5 and one."
        p_end = spans[-1][1]
        gap = low[p_end:s]
        if 0 < len(gap) <= 3 and gap[-1] in lex.connectors:
            return not any(g in lex.blockers for g in gap)
    return False


_FLIP = {"at_least": "at_most", "at_most": "at_least"}


def _negated(lex: _Lex, low: list[str], q_start: int, floor: int) -> bool:
    """A negator shortly before the qualifier: "did not manage more than"."""
    for k in range(q_start - 1, max(floor, q_start - lex.negator_window) - 1, -1):
        w = low[k]
        if w in lex.negators:
            return k + 1 >= len(low) or low[k + 1] not in lex.negator_exceptions
        if not w[:1].isalpha():
            return False
    return False


def _post_qualifier(lex: _Lex, low: list[str], e: int, n: int) -> str | None:
    if e >= n or low[e] not in lex.post_qualifier_firsts:
        return None  # most figures: no phrase can start here
    for words, qual in lex.post_qualifiers.items():
        k = len(words)
        if e + k <= n and tuple(low[e : e + k]) == words:
            return qual
    return None


def _inherited(
    lex: _Lex,
    low: list[str],
    words: list[str],
    idx: list[int],
    prev: Figure,
    prev_span: tuple[int, int],
    s: int,
    e: int,
    r: _Parsed,
    attributive: bool,
) -> str:
    """The qualifier a coordinated figure takes from the one before ("over 40 Greens and
    26 Liberals"), or "exact". Conservative: parallel shape, a short gap that ends in a
    connector, no verb-like word or preposition in it, no partitive ("30 of which")."""
    if prev.qualifier == "exact" or prev.attributive or attributive or prev.all_:
        return "exact"
    if prev.percent != r.percent or prev.fraction != r.fraction:
        return "exact"
    gap = low[prev_span[1] : s]
    if not gap or len(gap) > lex.max_gap or gap[-1] not in lex.connectors:
        return "exact"
    for k, g in enumerate(gap):
        if g in lex.connectors:
            continue
        text = words[idx[prev_span[1] + k]]
        if g in lex.blockers or not text.replace("-", "").isalpha():
            return "exact"
        if g.endswith("ed") and g not in lex.count_nouns:
            return "exact"  # past-tense verbs: "counted", "declared"
    if e < len(low) and low[e] == "of" and e + 1 < len(low):
        nxt = low[e + 1]
        if nxt in lex.partitive_pronouns:
            return "exact"
    return prev.qualifier


__all__ = ["Figure", "QUALIFIERS", "find_figures", "parse_number"]
