"""Status (final, preliminary, partial, conditional) and round of each figure.

Cues are data (`patterns/status.json`). The rules follow the corpus guidelines:

- conditional wording in the figure's own clause ("would give", "if confirmed",
  "could expect", "may still") wins over everything else;
- a cue in the sentence applies to all its figures, except a cue fused to one figure
  ("its preliminary figure of 43 percent"), which applies to that figure only;
- counting progress sets the status: "with 86% counted" is partial, "100% of ballot
  boxes counted" final, and so do results for only N of M seats (`pipeline`);
- a cue naming the update a sentence compares with ("consistent with the preliminary
  results") sets nothing, and "results from/for" is a partial cue only before a
  number ("results from 412 of 430 constituencies", not "from the commission");
- a sentence with no cue takes the cue of the last sentence that had one (the same
  update continues), unless the round changes (a return to a round takes up the
  status it had) or the sentence only states structural facts (chamber size,
  eligible voters, candidates); a cue set by a sentence whose figures are all seats
  ("leading in 240 so far") does not reach a turnout sentence (`pipeline`);
- the article's first results sentence may take the cue of the sentence right after
  it (the lede and its update), or of the one after that when the two sentences
  after it repeat one of its figures (a headline and the lede that restates it);
- a sentence that only looks ahead ("final results are expected later") sets nothing.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress

from spacy.tokens import Doc

from extract.lexicon import status_lexicon
from extract.numbers import starts_number
from extract.phrases import has_phrase, key_words
from extract.resources import load_json
from extract.tokens import sentence_note, token_texts

_MODALS = frozenset({"would", "could", "might", "may"})
_CLAUSE_BREAKS = frozenset({";", "while", "whereas"})
_FUSED_NOUNS = frozenset(
    {
        "figure",
        "figures",
        "estimate",
        "tally",
        "count",
        "result",
        "results",
        "total",
        "number",
    }
)
_PRECEDENCE = ("partial", "preliminary", "final")
ROUND_KEYS = ("round_1", "round_2", "round_3")


@dataclass
class StatusContext:
    """The status and round carried from sentence to sentence within an article."""

    status: str | None = None
    round: int | None = None
    first_results_sentence: bool = True
    # the status carried was set by a sentence whose figures are all seats ("the BJP
    # had won or was leading in 240 so far"): it is the state of the seat count,
    # not of the turnout
    from_seats: bool = False
    # the status each round had when the article left it ("... in the runoff, with
    # 99.9% counted. In the first round ... Turnout in the runoff was 79.4%")
    by_round: dict[int, tuple[str | None, bool]] = field(default_factory=dict)


class _SentenceClauses:
    """Where one sentence's clauses break, and which of them are conditional (filled
    in as figures ask)."""

    def __init__(self, words: Sequence[str], texts: Sequence[str], s: int, e: int):
        self.start = s
        self.end = e
        sentence = words[s:e]
        # most sentences hold no modal, "if" or key word of a conditional cue: none of
        # their clauses is conditional, and their breaks are never asked for
        self.may_be_conditional = not (
            _MODALS.isdisjoint(texts[s:e])
            and _if_or_conditional_key_words().isdisjoint(sentence)
        )
        # the break words are rare: one look in C rules them out in most sentences
        self.breaks = (
            []
            if not self.may_be_conditional or _CLAUSE_BREAKS.isdisjoint(sentence)
            else [t for t, w in enumerate(sentence, s) if w in _CLAUSE_BREAKS]
        )
        self.conditional: dict[tuple[int, int], bool] = {}
        # comma-fenced relative clauses ", who won 16 seats,": clauses of their own
        self.relatives: list[tuple[int, int]] = []
        openers = _relative_openers()
        if self.may_be_conditional and not openers.isdisjoint(sentence):
            count_openers = _count_phrase_openers()
            for t in range(s + 1, e):
                if words[t] in openers and words[t - 1] == ",":
                    close = next((c for c in range(t + 1, e) if words[c] == ","), e)
                    if words[t] in count_openers and not cue_positions(words, t, close):
                        continue  # (a "with" phrase naming no count)
                    self.relatives.append((t, close))

    def clause_of(self, i: int) -> tuple[int, int]:
        """The clause of token i: a relative clause it stands in, else after the
        last break before i, up to the first break from i on."""
        for a, b in self.relatives:  # (most sentences have none)
            if a <= i < b:
                return a, b
        breaks = self.breaks
        before = bisect_left(breaks, i)  # breaks[:before] come before i
        a = breaks[before - 1] + 1 if before else self.start
        b = breaks[before] if before < len(breaks) else self.end
        for ra, rb in self.relatives:
            # the main clause on the figure's side of a relative clause in it ("won
            # 16 seats, which would give them ...")
            if a < ra and rb <= b:
                if i < ra:
                    b = ra - 1
                else:
                    a = rb
        return a, b


def is_conditional(doc: Doc, words: Sequence[str], s: int, e: int, i: int) -> bool:
    """Conditional wording in the clause of the figure at token i.

    A sentence's clauses are found once, and the figures of a clause share the
    answer (both kept in `doc.user_data`).
    """
    sentence = sentence_note(
        doc,
        "status:sentence_clauses",
        s,
        e,
        lambda: _SentenceClauses(words, token_texts(doc)[0], s, e),
    )
    return _in_conditional_clause(doc, words, sentence, i)


def _in_conditional_clause(
    doc: Doc, words: Sequence[str], sentence: _SentenceClauses, i: int
) -> bool:
    """`is_conditional` for token i of a sentence whose clauses are `sentence`."""
    if not sentence.may_be_conditional:
        return False
    clause = sentence.clause_of(i)
    known = sentence.conditional.get(clause)
    if known is None:
        known = sentence.conditional[clause] = _conditional_clause(doc, words, *clause)
    return known


def _conditional_clause(doc: Doc, words: Sequence[str], a: int, b: int) -> bool:
    """A modal, "if", or a conditional cue of two words or more in words[a:b]."""
    texts, _ = token_texts(doc)
    if not _MODALS.isdisjoint(texts[a:b]):  # lower case only: "May 19" is a month
        return True
    clause = words[a:b]
    if _if_or_conditional_key_words().isdisjoint(clause):
        return False  # no "if", and no cue of two words or more (most clauses)
    if "if" in clause:
        return True
    conditional = status_lexicon()["conditional"]
    return any(
        words[t] in conditional.by_first and conditional.match_at(words, t, b) > 1
        for t in range(a, b)
    )


@lru_cache(maxsize=1)
def _relative_openers() -> frozenset[str]:
    """The relative openers, and the openers of a phrase naming its count."""
    data = load_json("status.json")
    return frozenset(data["relative_openers"]) | _count_phrase_openers()


@lru_cache(maxsize=1)
def _count_phrase_openers() -> frozenset[str]:
    return frozenset(load_json("status.json")["count_phrase_openers"])


@lru_cache(maxsize=1)
def _if_or_conditional_key_words() -> frozenset[str]:
    """ "if" and the key words of the conditional cues of two words or more: one
    look at a clause rules both out."""
    return key_words(status_lexicon()["conditional"], 2) | {"if"}


def looks_ahead(words: Sequence[str], s: int, e: int) -> bool:
    return has_phrase(status_lexicon()["future"], words, s, e)


def _key_words(names: tuple[str, ...]) -> frozenset[str]:
    """The key words (`phrases.key_words`) of the named lists: a range holding none
    of them holds none of their cues."""
    lex = status_lexicon()
    return frozenset(w for name in names for w in key_words(lex[name]))


@lru_cache(maxsize=1)
def _status_key_words() -> frozenset[str]:
    """`_key_words(_PRECEDENCE)`, built once (asked of every sentence)."""
    return _key_words(_PRECEDENCE)


@lru_cache(maxsize=1)
def _round_key_words() -> frozenset[str]:
    """`_key_words(ROUND_KEYS)`, built once (asked of every sentence and figure)."""
    return _key_words(ROUND_KEYS)


@lru_cache(maxsize=1)
def _status_cues_by_first_word() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word -> (cue words, status) of every status cue, longest cue first; cues
    of one length in _PRECEDENCE order (a tie goes to the earlier status)."""
    lex = status_lexicon()
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name in _PRECEDENCE:
        for first, cues in lex[name].by_first.items():
            table.setdefault(first, []).extend((cue, name) for cue in cues)
    for cues in table.values():
        cues.sort(key=lambda item: -len(item[0]))  # stable: keeps the precedence
    return table


@lru_cache(maxsize=1)
def _round_cues_by_first_word() -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """First word -> (cue words, round) of every round cue, in ROUND_KEYS order."""
    lex = status_lexicon()
    table: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for key in ROUND_KEYS:
        for first, cues in lex[key].by_first.items():
            table.setdefault(first, []).extend((cue, int(key[-1])) for cue in cues)
    return table


# A cue as found in a sentence: (start token, rank among the cues of its first word
# in the first-word table, length, label)
_Found = tuple[int, int, int, "str | int"]


class _CuesByKeyWord:
    """The cues of a first-word table, found from their key words.

    A sentence holds few key words (the first of each cue's words in `keys`, which
    holds one of each), picked out in C (`_positions_of`); the scan this replaces
    took a Python step at every token that can start a cue ("in", "with", "had").
    Under its key word, a one-word cue is listed as such, a longer one by the word
    after the key word (before it, if the key word ends the cue): most key words
    are ruled out by a dict lookup or two, however many cues share them ("final").
    """

    def __init__(
        self,
        table: dict[str, list[tuple[tuple[str, ...], str | int]]],
        keys: frozenset[str],
    ):
        # key word -> ((rank, label) of the one-word cue or None, next word ->
        # cues, previous word -> cues), each cue as (offset of the key word in the
        # cue, cue words, label, rank of the cue in the table)
        self.by_key: dict[str, tuple] = {}
        single: dict[str, tuple[int, str | int]] = {}
        after: dict[str, dict[str, list]] = {}
        before: dict[str, dict[str, list]] = {}
        for cues in table.values():
            for rank, (cue, label) in enumerate(cues):
                i = next(i for i, w in enumerate(cue) if w in keys)
                key = cue[i]
                entry = (i, cue, label, rank)
                if len(cue) == 1:
                    single[key] = (rank, label)
                elif i + 1 < len(cue):
                    after.setdefault(key, {}).setdefault(cue[i + 1], []).append(entry)
                else:
                    before.setdefault(key, {}).setdefault(cue[i - 1], []).append(entry)
        for key in single.keys() | after.keys() | before.keys():
            self.by_key[key] = (single.get(key), after.get(key), before.get(key))

    def find(
        self, words: Sequence[str], s: int, e: int, at: Sequence[int]
    ) -> list[_Found]:
        """Every cue in words[s:e], in (start, rank) order, looked for around the
        sentence's key words, which are at the token indices `at` (with, maybe,
        key words of other cues)."""
        found: list[_Found] = []
        by_key = self.by_key
        for k in at:
            key = words[k]
            listed = by_key.get(key)
            if listed is None:
                continue  # (a key word of other cues)
            one, after, before = listed
            if one is not None:
                found.append((k, one[0], 1, one[1]))
            # the cues by the word after the key word, then by the one before (no
            # tuple of the two made: most key words have neither)
            cues = after.get(words[k + 1]) if after and k + 1 < e else None
            if before and k > s:
                if cues:
                    cues = cues + before.get(words[k - 1], [])
                else:
                    cues = before.get(words[k - 1])
            for offset, cue, label, rank in cues or ():
                t = k - offset
                n = len(cue)
                if t >= s and t + n <= e and tuple(words[t : t + n]) == cue:
                    found.append((t, rank, n, label))
        found.sort()  # at one start, the first cue of the table comes first
        return found


@lru_cache(maxsize=1)
def _status_cues_by_key_word() -> _CuesByKeyWord:
    """The status cues found from their key words, built once."""
    return _CuesByKeyWord(_status_cues_by_first_word(), _status_key_words())


@lru_cache(maxsize=1)
def _round_cues_by_key_word() -> _CuesByKeyWord:
    """The round cues found from their key words, built once."""
    return _CuesByKeyWord(_round_cues_by_first_word(), _round_key_words())


def _positions_of(
    held: AbstractSet[str], s: int, e: int, sentence: Sequence[str]
) -> list[int]:
    """The token indices of the words in `held` in words[s:e] (`sentence`), picked
    out in C in one pass (the sentence is scanned once for all its key words)."""
    return list(compress(range(s, e), map(held.__contains__, sentence)))


def cue_positions(words: Sequence[str], s: int, e: int) -> list[tuple[int, str]]:
    """(token index, status) of each status cue in words[s:e]; where cues overlap,
    the longest (then the one of the higher status) from the leftmost start."""
    sentence = words[s:e]
    held = _status_key_words().intersection(sentence)
    if not held:
        return []  # no cue in the sentence (most sentences)
    return _cue_positions(words, s, e, _positions_of(held, s, e, sentence))


def _cue_positions(
    words: Sequence[str], s: int, e: int, at: Sequence[int]
) -> list[tuple[int, str]]:
    """`cue_positions`, for a sentence whose status key words (and maybe other
    words) are at the token indices `at`."""
    out: list[tuple[int, str]] = []
    found = _status_cues_by_key_word().find(words, s, e, at)
    next_free = s  # where the cue found last ends
    tried = s - 1  # the last start whose first cue was tried
    for t, _, n, status in found:
        if t < next_free or t == tried:
            continue
        tried = t
        if status_lexicon()["before_a_number"].match_at(words, t, e) == n and not (
            t + n < e and starts_number(words[t + n])
        ):
            # "results from 412 of 430 constituencies" is a partial count;
            # "results from the electoral commission" names a source
            continue
        if _compared_to(words, s, t) and not fused_cue(words, t, e):
            # "the final figures were consistent with the preliminary
            # results": an earlier update the sentence compares with
            continue
        out.append((t, status))
        next_free = t + n
    return out


def _compared_to(words: Sequence[str], s: int, t: int) -> bool:
    """Whether the cue at token t names what the sentence compares with ("in line
    with the provisional results", "higher than the preliminary figure")."""
    k = t
    if k - 1 >= s and words[k - 1] in _COMPARED_DETERMINERS:
        k -= 1
    return bool(status_lexicon()["compared_before"].match_ending(words, k, s))


_COMPARED_DETERMINERS = frozenset({"the", "its", "their", "an", "a", "those"})


def fused_cue(words: Sequence[str], cue_at: int, e: int) -> bool:
    """A cue glued to one figure: "its preliminary figure of 43 percent" (and not
    "the final results of last month's election", a cue for the sentence)."""
    t = cue_at + 1
    return (
        t + 1 < e
        and words[t] in _FUSED_NOUNS
        and words[t + 1] == "of"
        and any(starts_number(w) for w in words[t + 2 : min(e, t + 4)])
    )


def sentence_status(
    words: Sequence[str], s: int, e: int, progress: Sequence[float]
) -> tuple[str | None, list[tuple[int, str]]]:
    """The sentence-wide cue, and the cues fused to single figures."""
    return _status_from(words, e, cue_positions(words, s, e), progress)


def _status_from(
    words: Sequence[str],
    e: int,
    cues: list[tuple[int, str]],
    progress: Sequence[float],
) -> tuple[str | None, list[tuple[int, str]]]:
    """`sentence_status` of a sentence ending at e whose status cues are `cues`."""
    fused: list[tuple[int, str]] = []
    general: list[str] = []
    for t, st in cues:
        if fused_cue(words, t, e):
            fused.append((t, st))
        else:
            general.append(st)
    for value in progress:
        general.append("final" if value >= 100 else "partial")
    for name in _PRECEDENCE:
        if name in general:
            return name, fused
    return None, fused


def explicit_round(words: Sequence[str], s: int, e: int, i: int) -> int | None:
    """The round named in words[s:e], nearest to token i (the earlier on a tie)."""
    sentence = words[s:e]
    held = _round_key_words().intersection(sentence)
    if not held:
        return None  # no round named (most sentences)
    at = _positions_of(held, s, e, sentence)
    return _nearest_round(_round_positions(words, s, e, at), i)


def _round_positions(
    words: Sequence[str], s: int, e: int, at: Sequence[int]
) -> list[tuple[int, int]]:
    """(token index, round) of each round cue starting in words[s:e], whose round
    key words (and maybe other words) are at the token indices `at`: the first cue
    of the table at each start."""
    out: list[tuple[int, int]] = []
    tried = s - 1
    found = _round_cues_by_key_word().find(words, s, e, at)
    prospects = status_lexicon()["round_prospect_before"]
    for t, _, _, rnd in found:
        if t != tried:
            tried = t
            if t > s and words[t - 1] in prospects.by_last:
                if prospects.match_ending(words, t, s):
                    # "the majority needed to avoid a runoff": a round the figures
                    # are measured against, not theirs
                    continue
            out.append((t, rnd))
    return out


def _nearest_round(
    rounds: Sequence[tuple[int, int]], i: int, j: int | None = None
) -> int | None:
    """The round of the cue in `rounds` nearest to token i (the earlier on a tie); a
    cue from token j on (the end of a figure at i) is as far as the words between:
    "who had 44.9 percent in the first round, won 47.8 percent in the runoff" puts
    the runoff nearer the 47.8 than the first round."""
    best: tuple[int, int] | None = None
    for t, rnd in rounds:
        distance = t - j if j is not None and t >= j else abs(t - i)
        if best is None or distance < best[0]:
            best = (distance, rnd)
    return best[1] if best else None


@lru_cache(maxsize=1)
def _round_clause_breaks() -> frozenset[str]:
    return status_lexicon()["round_clause_breaks"].all_words


def _rounds_in_clause(
    words: Sequence[str], rounds: Sequence[tuple[int, int]], i: int, j: int
) -> Sequence[tuple[int, int]]:
    """The round cues with no clause break between them and the figure at tokens
    i to j, when there are any and they name one round: "won 58.5% in the runoff
    and 27.8% in the first round" gives the 27.8 the first round of its own
    clause, not the runoff as near before it. Else all the cues."""
    breaks = _round_clause_breaks()
    own = [
        (t, rnd)
        for t, rnd in rounds
        if breaks.isdisjoint(words[j:t] if t >= j else words[t + 1 : i])
    ]
    if own and len({rnd for _, rnd in own}) == 1:
        return own
    return rounds


@lru_cache(maxsize=1)
def _future_key_words() -> frozenset[str]:
    """The key words of the look-ahead cues, built once (asked of many sentences)."""
    return key_words(status_lexicon()["future"])


@lru_cache(maxsize=1)
def _conditional_words() -> frozenset[str]:
    """The modals (in lower case), "if" and the key words of the conditional cues of
    two words or more: a sentence holding none of them has no conditional clause."""
    return _MODALS | _if_or_conditional_key_words()


@lru_cache(maxsize=1)
def _sentence_cue_key_words() -> tuple[frozenset[str], ...]:
    """The key words of the status, look-ahead and round cues together, and the
    words a conditional clause needs; then each of these four sets (one call per
    sentence fetches them all)."""
    each = (
        _status_key_words(),
        _future_key_words(),
        _round_key_words(),
        _conditional_words(),
    )
    return (frozenset().union(*each), *each)


# which cue lists a key word is a key word of (bits of `_cue_lists_of_key_words`)
_STATUS, _FUTURE, _ROUND, _CONDITIONAL = 1, 2, 4, 8


@lru_cache(maxsize=1)
def _cue_lists_of_key_words() -> dict[str, int]:
    """Each key word of `_sentence_cue_key_words` -> the bits of the lists it is a
    key word of: a sentence's lists are then the OR of its few key words' bits,
    with no set made for it."""
    every, status, future, rounds, conditional = _sentence_cue_key_words()
    bits = (
        (_STATUS, status),
        (_FUTURE, future),
        (_ROUND, rounds),
        (_CONDITIONAL, conditional),
    )
    return {word: sum(bit for bit, words in bits if word in words) for word in every}


def _cue_lists_held(key_words: Iterable[str]) -> int:
    """The bits of the cue lists that `key_words` (a sentence's) are key words of."""
    lists = _cue_lists_of_key_words()
    which = 0
    for word in key_words:
        which |= lists[word]
    return which


class SentenceCues:
    """The status, look-ahead and round cues of sentence words[s:e], found once for
    the sentence and all its figures.

    One pass over the sentence finds which of the cue lists' key words it holds
    (most sentences hold none of most lists'); each list is then looked for only
    if the sentence holds one of its key words, and only around them, rather than
    each check, and each figure's round, slicing and scanning the whole sentence
    again.
    """

    # a sentence holding no key word of a list keeps these answers of the class
    status_cues: Sequence[tuple[int, str]] = ()
    rounds: Sequence[tuple[int, int]] = ()
    # a lower-case modal, "if" or conditional key word is needed for any clause
    # to be conditional (`is_conditional`)
    may_be_conditional = False
    _may_look_ahead = False
    _clauses: _SentenceClauses | None = None  # (listed when a figure first asks)

    def __init__(self, words: Sequence[str], s: int, e: int):
        self.words = words
        self.start = s
        self.end = e
        sentence = words[s:e]
        held = _sentence_cue_key_words()[0].intersection(sentence)
        if held:
            self._find(_cue_lists_held(held), _positions_of(held, s, e, sentence))

    @classmethod
    def of_sentences(
        cls, words: Sequence[str], bounds: Sequence[tuple[int, int]]
    ) -> list[SentenceCues]:
        """`SentenceCues(words, s, e)` of each sentence (s, e) of `bounds` (in
        order, as `tokens.sentence_bounds` gives them), with the key words of the
        whole text picked out in one pass in C rather than a slice and a set per
        sentence; a sentence holding none (many) is only its bounds."""
        every = _sentence_cue_key_words()[0]
        found = _positions_of(every, 0, len(words), words)
        n = len(found)
        out = []
        new = cls.__new__
        i = 0  # found[:i] are before the sentence
        for s, e in bounds:
            cues = new(cls)
            cues.words = words
            cues.start = s
            cues.end = e
            if i < n and found[i] < e:
                if found[i] < s:  # (only if the sentences leave gaps)
                    i = bisect_left(found, s, i)
                j = bisect_left(found, e, i)
                if j > i:
                    at = found[i:j]
                    i = j
                    cues._find(_cue_lists_held(map(words.__getitem__, at)), at)
            out.append(cues)
        return out

    def _find(self, which: int, at: Sequence[int]) -> None:
        """Look for the cue lists the sentence holds key words of (`which`, bits of
        `_cue_lists_of_key_words`), around its key words, at the token indices
        `at`."""
        if which & _CONDITIONAL:
            self.may_be_conditional = True
        if which & _STATUS:
            self.status_cues = _cue_positions(self.words, self.start, self.end, at)
        if which & _ROUND:
            self.rounds = _round_positions(self.words, self.start, self.end, at)
        if which & _FUTURE:
            self._may_look_ahead = True

    @property
    def looks_ahead(self) -> bool:
        """Whether the sentence only looks ahead ("final results are expected
        later"): looked for when asked, which is only of sentences with a status
        cue."""
        return self._may_look_ahead and has_phrase(
            status_lexicon()["future"], self.words, self.start, self.end
        )

    def status(
        self, progress: Sequence[float]
    ) -> tuple[str | None, list[tuple[int, str]]]:
        """`sentence_status` of the sentence."""
        if not self.status_cues and not progress:
            return None, []  # (most sentences)
        return _status_from(self.words, self.end, self.status_cues, progress)

    def is_conditional(self, doc: Doc, i: int) -> bool:
        """`is_conditional` for the figure at token i of the sentence, with no look
        at the sentence's clauses when it holds none of the words they need."""
        if not self.may_be_conditional:
            return False
        # (kept here, not in the Doc as `is_conditional` keeps them: this object
        # is the sentence's note already)
        clauses = self._clauses
        if clauses is None:
            clauses = self._clauses = _SentenceClauses(
                self.words, token_texts(doc)[0], self.start, self.end
            )
        return _in_conditional_clause(doc, self.words, clauses, i)

    def round_near(self, i: int, j: int | None = None) -> int | None:
        """`explicit_round` of the sentence for token i, or for the figure at
        tokens i to j (`_nearest_round`)."""
        rounds = self.rounds
        if not rounds:
            return None
        if len(rounds) > 1 and j is not None:
            rounds = _rounds_in_clause(self.words, rounds, i, j)
        return _nearest_round(rounds, i, j)
