"""Word lists from `patterns/` compiled into fast lookups over lower-cased tokens.

A `PhraseSet` answers "does a listed phrase start (or end) at token i?" with one dict
lookup on the first (or last) word, so the claim rules stay a linear pass over tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache

from extract.resources import load_json

_TOKEN_SPLIT = re.compile(r"[\w'’.%-]+|[^\w\s]")


def words_of(phrase: str) -> tuple[str, ...]:
    """A phrase as the lower-case tokens spaCy's English tokenizer gives for it."""
    out: list[str] = []
    for part in phrase.lower().split():
        # split the hyphen out as spaCy does for "run-off", "hard-liners"
        pieces = re.split(r"(-)", part)
        for piece in pieces:
            if piece:
                # "rival's" -> "rival", "'s"
                m = re.match(r"^(.*?)(['’]s)$", piece)
                if m and m.group(1):
                    out.extend([m.group(1), m.group(2)])
                elif piece.endswith("%") and len(piece) > 1:
                    out.extend([piece[:-1], "%"])
                else:
                    out.append(piece)
    return tuple(out)


def trie_alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, factored into a trie ("Sud(?:an)?" style).

    Python's `re` tries the branches of `a|b|c` one after another at every position, so
    an alternation of a thousand names costs a thousand tries per character. Factored by
    common prefixes, each position costs about one try per character of the longest
    match. At one position it matches what the longest-first alternation matches: the
    longer continuation is tried before the shorter, and the engine backtracks to the
    shorter one when what follows the longer one fails.
    """
    trie: dict = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    ends_here = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        branches.append(re.escape(ch) + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        if len(branches) == 1 and not branches[0].startswith("(?:"):
            body = "(?:" + body + ")"
        return body + "?"
    return body


# Words too common in election reports to tell listed phrases apart ("to" starts
# "to govern" and "to pass", "percent" is in "100 percent of").
_COMMON_WORDS = frozenset(
    """the a an to in at on of for by and or is are was were be been it its with
    from as that this than has have had will up so all their per cent percent
    result results vote votes ballot ballots""".split()
)


class PhraseSet:
    """Phrases as lower-case token tuples, indexed by their first and last word."""

    def __init__(self, phrases: Iterable[str]):
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        self.by_last: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            words = words_of(phrase)
            if not words:
                continue
            self.by_first.setdefault(words[0], []).append(words)
            self.by_last.setdefault(words[-1], []).append(words)
        for table in (self.by_first, self.by_last):
            for key in table:
                table[key].sort(key=len, reverse=True)
        # for match_at/match_ending: the phrases of each first (last) word also
        # indexed by their second (second-last) word, longest first, and whether the
        # word is a phrase of its own. A word can end a dozen phrases ("to", "by",
        # "a"): the word beside it rules out all but one or two with one lookup.
        self._starting = _by_neighbour(self.by_first, 1)
        self._ending = _by_neighbour(self.by_last, -2)
        self._key_words: dict[int, frozenset[str]] = {}
        # find/contains run a few hundred times an article: their key words are
        # kept in an attribute rather than asked of key_words() each time
        self._keys = self.key_words()
        # for `may_occur_among`: the one-word phrases, and the words of each longer one
        listed = [phrase for phrases in self.by_first.values() for phrase in phrases]
        self._one_words = frozenset(p[0] for p in listed if len(p) == 1)
        self._longer = tuple(dict.fromkeys(frozenset(p) for p in listed if len(p) > 1))
        self.all_words = frozenset(w for phrase in listed for w in phrase)

    def may_occur_among(self, present: AbstractSet[str]) -> bool:
        """Whether some phrase has all its words in `present`, the set of a range's
        words (or of those of them in `all_words`): a range for which this is False
        holds no phrase of the list. A stricter test than the key words', whose one
        word a phrase needs can be a common one in the texts ("election")."""
        if not self._one_words.isdisjoint(present):
            return True
        for words in self._longer:  # (a loop: any() of a generator costs more)
            if words <= present:
                return True
        return False

    def key_words(self, min_words: int = 1) -> frozenset[str]:
        """One word of each listed phrase of at least `min_words` words: its longest
        word that is not a common one. A phrase can only occur in a range holding its
        key word, so a range with none of them holds no phrase of the list."""
        keys = self._key_words.get(min_words)
        if keys is None:
            found = set()
            for listed in self.by_first.values():
                for phrase in listed:
                    if len(phrase) >= min_words:
                        rare = [w for w in phrase if w not in _COMMON_WORDS]
                        found.add(max(rare or phrase, key=len))
            keys = self._key_words[min_words] = frozenset(found)
        return keys

    def match_at(self, words: Sequence[str], i: int, end: int | None = None) -> int:
        """Length of the longest phrase starting at `words[i]` (0 if none)."""
        if end is None:
            end = len(words)
        if i < 0 or i >= end:
            return 0
        listed = self._starting.get(words[i])
        if listed is None:
            return 0
        one_word, by_second = listed
        if by_second and i + 1 < end:
            for phrase in by_second.get(words[i + 1], ()):
                n = len(phrase)
                if n == 2:
                    return 2  # its two words are the two looked up
                if i + n <= end and tuple(words[i : i + n]) == phrase:
                    return n
        return 1 if one_word else 0

    def match_ending(self, words: Sequence[str], j: int, start: int = 0) -> int:
        """Length of the longest phrase ending just before `words[j]` (0 if none)."""
        if j - 1 < start or j - 1 >= len(words):
            return 0
        listed = self._ending.get(words[j - 1])
        if listed is None:
            return 0
        one_word, by_second_last = listed
        if by_second_last and j - 2 >= start:
            for phrase in by_second_last.get(words[j - 2], ()):
                n = len(phrase)
                if n == 2:
                    return 2  # its two words are the two looked up
                if j - n >= start and tuple(words[j - n : j]) == phrase:
                    return n
        return 1 if one_word else 0

    def find(self, words: Sequence[str], start: int = 0, end: int | None = None) -> int:
        """Index of the first phrase in words[start:end], or -1."""
        if start < 0:
            start = 0
        if end is None:
            end = len(words)
        if self._keys.isdisjoint(words[start:end]):
            return -1  # most ranges: no token loop at all
        firsts = self.by_first
        match_at = self.match_at
        # only positions whose word starts some phrase are tried
        for i in range(start, end):
            if words[i] in firsts and match_at(words, i, end):
                return i
        return -1

    def contains(
        self, words: Sequence[str], start: int = 0, end: int | None = None
    ) -> bool:
        return self.find(words, start, end) >= 0


def _by_neighbour(
    table: dict[str, list[tuple[str, ...]]], at: int
) -> dict[str, tuple[bool, dict[str, list[tuple[str, ...]]]]]:
    """`table` (word -> phrases, longest first) as word -> (whether the word is a
    phrase of its own, the longer phrases by their word at index `at`, 1 or -2,
    longest first)."""
    out = {}
    for word, phrases in table.items():
        by_word: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            if len(phrase) > 1:
                by_word.setdefault(phrase[at], []).append(phrase)
        out[word] = (any(len(p) == 1 for p in phrases), by_word)
    return out


@lru_cache(maxsize=8)
def claim_lexicon() -> dict[str, PhraseSet]:
    """Every list in patterns/claims.json as a PhraseSet, built once."""
    data = load_json("claims.json")
    return {
        key: PhraseSet(values)
        for key, values in data.items()
        if not key.startswith("_") and isinstance(values, list)
    }


@lru_cache(maxsize=8)
def status_lexicon() -> dict[str, PhraseSet]:
    data = load_json("status.json")
    out = {
        key: PhraseSet(values)
        for key, values in data.items()
        if not key.startswith("_") and isinstance(values, list)
    }
    for number, phrases in data["round_words"].items():
        out[f"round_{number}"] = PhraseSet(phrases)
    return out
