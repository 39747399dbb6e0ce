"""Which election an article reports on: its country and the body elected.

`detect_contest(text, title)` counts mentions of country names, adjectives and capitals
("Iran", "Iranian", "Tehran") and of body words ("parliamentary", "Majlis",
"presidential") from `patterns/countries.json`, weighting the title and the lede
above the rest, and returns `(country_id, body)`; either is None when the counts do
not single one out. The extraction stage calls it to fill `ArticleInfo.country` and
`ArticleInfo.body`; the reconciler uses them to keep contests apart.

Pure and fast: the patterns are compiled once into two regular expressions, each a
trie of the listed words (`extract.lexicon.trie_alternation`), and an article costs two
`finditer` passes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from extract.lexicon import trie_alternation
from extract.resources import load_json

#: Weight of a mention in the title, in the lede, and in the rest of the text.
TITLE_WEIGHT = 3.0
LEDE_WEIGHT = 2.0
BODY_WEIGHT = 1.0
#: The lede: the first this many characters of the text (headline, first paragraph).
LEDE_CHARS = 400
#: A capital counts less than a country's name: "Washington said" in an Iran story.
CAPITAL_WEIGHT = 0.5
#: Weight of the words listed under "weak" in the data ("general election", "MPs").
WEAK_WEIGHT = 0.5
#: The winner needs at least this score, and this many times the runner-up's score.
MIN_SCORE = 2.0
MIN_RATIO = 1.5


@dataclass(frozen=True)
class _Matcher:
    pattern: re.Pattern[str]
    # matched text (exact, or lower case for case-insensitive patterns) -> (id, weight)
    lookup: dict[str, tuple[str, float]]
    casefold: bool
    # for a case-insensitive pattern, the same words matched as written, to scan
    # lower-cased text with when that finds the same (see `_matches`); else None
    lower_scan: _LowerScan | None = None

    def scores(self, text: str, title: str | None) -> Counter[str]:
        scores: Counter[str] = Counter()
        if title:
            self._count(title, scores, TITLE_WEIGHT, 0, TITLE_WEIGHT)
        self._count(text, scores, LEDE_WEIGHT, LEDE_CHARS, BODY_WEIGHT)
        return scores

    def _matches(self, text: str) -> list[tuple[int, str]]:
        """(start, matched text) of each match in `text`, in order.

        Python's `re` ignores case at about half its speed: it lower-cases and
        compares each character in turn. When every character of the text is ASCII
        or has no case at all (’, —, a no-break space), lower-casing keeps every
        offset and makes each character equal to a (lower-case) pattern character
        exactly when `re.IGNORECASE` would match the two, so case-sensitive patterns
        run over `text.lower()` instead and find the same matches.
        """
        if self.lower_scan is not None:
            low = _lower_if_ascii_or_caseless(text)
            if low is not None:
                return self.lower_scan.matches(low)
        return [
            (match.start(), match.group(1)) for match in self.pattern.finditer(text)
        ]

    def _count(
        self,
        text: str,
        scores: Counter[str],
        lede_weight: float,
        lede_chars: int,
        body_weight: float,
    ) -> None:
        """Add each match's weight: `lede_weight` for one starting in the first
        `lede_chars` characters, else `body_weight` (as plain numbers, not a
        function called per match)."""
        for start, key in self._matches(text):
            key = key.lower() if self.casefold else key
            hit = self.lookup.get(key)
            if hit is None and key.endswith("s"):  # plural demonym: "Iraqis"
                hit = self.lookup.get(key[:-1])
            if hit is not None and hit[1] > 0:
                ident, weight = hit
                scores[ident] += weight * (
                    lede_weight if start < lede_chars else body_weight
                )


@dataclass(frozen=True)
class _LowerScan:
    r"""`(?<![\w-])(words)(?![\w-])` over lower-case text, as two faster passes.

    With a look-behind in front, Python's `re` tries the whole trie of words at every
    position of the text. Consuming the character before the word instead lets it
    jump ahead: `after_space` starts with a literal space (found as fast as
    `str.find`), and `after_other` with a small set of characters, neither a space
    nor a letter, digit, "_" or "-", that it checks a look-behind on. Between them
    they try every start the one pass tries. When their matches do not overlap
    they are exactly the one pass's (a match of either that the one pass skips
    would overlap the one-pass match covering it, which both find); else `whole`,
    the one pass, is run.
    """

    after_space: re.Pattern[str]
    after_other: re.Pattern[str]
    whole: re.Pattern[str]

    @classmethod
    def of(cls, words) -> _LowerScan:
        trie = "(" + trie_alternation(words) + r")(?![\w-])"
        # a word's start: one of the words' first letters, not after [\w-]
        firsts = "".join(sorted({re.escape(word[0]) for word in words}))
        return cls(
            re.compile(" " + trie),
            re.compile(r"[^ a-z0-9_-](?=[" + firsts + r"])(?<=[^\w-])" + trie),
            re.compile(r"(?<![\w-])" + trie),
        )

    def matches(self, low: str) -> list[tuple[int, str]]:
        padded = "\n" + low  # a word at the very start follows a character too
        found = [
            (m.start(1) - 1, m.group(1)) for m in self.after_space.finditer(padded)
        ]
        other = [
            (m.start(1) - 1, m.group(1)) for m in self.after_other.finditer(padded)
        ]
        if not other:
            return found
        found = sorted(found + other)
        for (start, key), (next_start, _) in zip(found, found[1:], strict=False):
            if next_start < start + len(key):
                return [(m.start(), m.group(1)) for m in self.whole.finditer(low)]
        return found


_ASCII_BYTES = bytes(range(128))


def _lower_if_ascii_or_caseless(text: str) -> str | None:
    """`text.lower()` when every character of `text` is ASCII or has no upper or
    lower case, else None.

    Text with any other character is read as UTF-8 bytes, where every such
    character is bytes 0x80-0xff: deleting the ASCII bytes leaves just them, and
    `bytes.lower()` changes only the ASCII letters, as `str.lower()` does to such
    text. Both cost a fraction of a regex search for the characters and of
    `str.lower()`, which goes character by character once the text is not ASCII.
    """
    if text.isascii():
        return text.lower()
    data = text.encode("utf-8", "surrogatepass")
    others = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    if not all(ch.lower() == ch == ch.upper() for ch in set(others)):
        return None
    return data.lower().decode("utf-8", "surrogatepass")


def _lower_scan_exact(words) -> bool:
    """Whether the lower-case `words` may be matched as written against lower-cased
    text of ASCII and caseless characters (`_Matcher._scan`): no non-ASCII letter of
    theirs matches an ASCII one ignoring case, as the dotless "ı" matches "I"."""
    ascii_chars = [chr(code) for code in range(128)]
    return all(
        ch == ch.lower()
        and not any(re.fullmatch(re.escape(ch), a, re.IGNORECASE) for a in ascii_chars)
        for ch in {ch for word in words for ch in word if not ch.isascii()}
    )


def _first_letter_alternation(words: set[str], not_after: str) -> str:
    """`(?<!not_after)` and then one of `words` (as `trie_alternation`), written so
    that the pattern starts with a word's first letter.

    Python's `re` jumps straight to the possible first characters of a match only
    when the pattern starts with a literal or a set of them; with the look-behind in
    front it tries the whole trie at every position of the text. Here each first
    letter comes first and the look-behind right after it, reaching back over that
    letter to the character before the word (`[\\s\\S]`: any character), so the
    engine skips from capital to capital (the country words all start with one) and
    the matches are the same.
    """
    rests: dict[str, set[str]] = {}
    for word in words:
        rests.setdefault(word[0], set()).add(word[1:])
    branches = []
    for first in sorted(rests):
        rest = trie_alternation(rests[first])  # "" (the letter alone) is left out
        if rest:
            rest = "(?:" + rest + ")" + ("?" if "" in rests[first] else "")
        branches.append(re.escape(first) + r"(?<!" + not_after + r"[\s\S])" + rest)
    return "(?:" + "|".join(branches) + ")"


@lru_cache(maxsize=1)
def _matchers() -> tuple[_Matcher, _Matcher]:
    data = load_json("countries.json")
    country_lookup: dict[str, tuple[str, float]] = {}
    plural_ok: list[str] = []
    for cid, entry in data["countries"].items():
        weights = (("names", 1.0), ("adjectives", 1.0), ("capitals", CAPITAL_WEIGHT))
        for kind, weight in weights:
            for word in entry.get(kind, []):
                for form in {word, word.upper()}:
                    country_lookup.setdefault(form, (cid, weight))
                    if kind == "adjectives":
                        plural_ok.append(form)
    plural = set(plural_ok)
    # a plural demonym ("Iraqis") is matched whole and looked up without its "s"
    forms = set(country_lookup) | {word + "s" for word in plural}
    country_re = re.compile(
        "(" + _first_letter_alternation(forms, r"[\w.]") + r")(?![\w-])"
    )

    weak = {w.lower() for w in data.get("weak", [])}
    body_lookup: dict[str, tuple[str, float]] = {}
    for phrase in data.get("ignore", []):
        # matched (longest first) so that their words are consumed, then weighted 0
        body_lookup[phrase.lower()] = ("", 0.0)
    for body, words in data["bodies"].items():
        for word in words:
            low = word.lower()
            body_lookup.setdefault(low, (body, WEAK_WEIGHT if low in weak else 1.0))
    body_source = r"(?<![\w-])(" + trie_alternation(body_lookup) + r")(?![\w-])"
    lower_scan = _LowerScan.of(body_lookup) if _lower_scan_exact(body_lookup) else None
    return (
        _Matcher(country_re, country_lookup, casefold=False),
        _Matcher(
            re.compile(body_source, re.IGNORECASE),
            body_lookup,
            casefold=True,
            lower_scan=lower_scan,
        ),
    )


def _decide(scores: Counter[str]) -> str | None:
    # `scores.most_common(2)`, which is documented as this sort (stable: a tie
    # keeps the order of first mention), without heapq's Python code
    ranked = sorted(scores.items(), key=itemgetter(1), reverse=True)[:2]
    if not ranked or ranked[0][1] < MIN_SCORE:
        return None
    if len(ranked) > 1 and ranked[0][1] < MIN_RATIO * ranked[1][1]:
        return None  # two candidates close together: refuse rather than guess
    return ranked[0][0]


def contest_scores(text: str, title: str | None = None) -> tuple[Counter, Counter]:
    """The weighted mention counts behind `detect_contest` (for debugging and tests)."""
    countries, bodies = _matchers()
    return countries.scores(text, title), bodies.scores(text, title)


def country_of(word: str) -> str | None:
    """The country id a single word names ("Iran", "iranian", "Iraqis"), or None."""
    countries, _ = _matchers()
    for form in (word, word.capitalize(), word.upper()):
        if countries.pattern.fullmatch(form):
            hit = countries.lookup.get(form) or countries.lookup.get(form[:-1])
            if hit:
                return hit[0]
    return None


def detect_contest(
    text: str, title: str | None = None
) -> tuple[str | None, str | None]:
    """(country id, body) of the election an article reports on, or None for either.

    >>> detect_contest("Iran's parliamentary runoff: reformists won 33 seats.")
    ('ir', 'parliament')
    """
    country_scores, body_scores = contest_scores(text, title)
    return _decide(country_scores), _decide(body_scores)
