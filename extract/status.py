"""Status (final, preliminary, partial, conditional) and round of each figure.

Cues are data (`patterns/status.json`). The rules follow the corpus guidelines:

- conditional wording in the figure's own clause ("would give", "if confirmed",
  "could expect", "may still") wins over everything else;
- a cue in the sentence applies to all its figures, except a cue fused to one figure
  ("its preliminary figure of 43 percent"), which applies to that figure only;
- counting progress sets the status: "with 86% counted" is partial, "100% of ballot
  boxes counted" final;
- a sentence with no cue takes the cue of the last sentence that had one (the same
  update continues), unless the round changes or the sentence only states structural
  facts (chamber size, eligible voters, candidates); the article's first results
  sentence may take the cue of the sentence right after it (the lede and its update);
- a sentence that only looks ahead ("final results are expected later") sets nothing.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from extract.lexicon import status_lexicon
from extract.phrases import has_phrase, key_words
from extract.tokens import token_texts

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


def _clause_breaks(doc: Doc, words: Sequence[str], s: int, e: int) -> list[int]:
    """Positions of the clause breaks in sentence words[s:e], found once a sentence."""
    per_sentence = doc.user_data.setdefault("status:clause_breaks", {})
    breaks = per_sentence.get((s, e))
    if breaks is None:
        breaks = [t for t in range(s, e) if words[t] in _CLAUSE_BREAKS]
        per_sentence[(s, e)] = breaks
    return breaks


def _clause_bounds(
    doc: Doc, words: Sequence[str], s: int, e: int, i: int
) -> tuple[int, int]:
    """The clause of token i: after the last break before i, up to the first from i."""
    breaks = _clause_breaks(doc, words, s, e)
    before = bisect_left(breaks, i)  # breaks[:before] come before i
    a = breaks[before - 1] + 1 if before else s
    b = breaks[before] if before < len(breaks) else e
    return a, b


def is_conditional(doc: Doc, words: Sequence[str], s: int, e: int, i: int) -> bool:
    """Conditional wording in the clause of the figure at token i.

    The figures of a clause share the answer, so it is kept per clause in
    `doc.user_data`.
    """
    a, b = _clause_bounds(doc, words, s, e, i)
    per_clause = doc.user_data.setdefault("status:conditional_clauses", {})
    if (a, b) not in per_clause:
        per_clause[(a, b)] = _conditional_clause(doc, words, a, b)
    return per_clause[(a, b)]


def _conditional_clause(doc: Doc, words: Sequence[str], a: int, b: int) -> bool:
    """A modal, "if", or a conditional cue of two words or more in words[a:b]."""
    texts, _ = token_texts(doc)
    if not _MODALS.isdisjoint(texts[a:b]):  # lower case only: "May 19" is a month
        return True
    if "if" in words[a:b]:
        return True
    conditional = status_lexicon()["conditional"]
    if key_words(conditional, 2).isdisjoint(words[a:b]):
        return False  # no cue of two words or more can be in the clause
    return any(
        words[t] in conditional.by_first and conditional.match_at(words, t, b) > 1
        for t in range(a, b)
    )


def looks_ahead(words: Sequence[str], s: int, e: int) -> bool:
    return has_phrase(status_lexicon()["future"], words, s, e)


@lru_cache(maxsize=8)
def _first_words(names: tuple[str, ...]) -> frozenset[str]:
    """Every word that starts a cue of the named lists."""
    lex = status_lexicon()
    return frozenset(w for name in names for w in lex[name].by_first)


@lru_cache(maxsize=8)
def _key_words(names: tuple[str, ...]) -> frozenset[str]:
    """The key words (`phrases.key_words`) of the named lists: a range holding none
    of them holds none of their cues."""
    lex = status_lexicon()
    return frozenset(w for name in names for w in key_words(lex[name]))


def cue_positions(words: Sequence[str], s: int, e: int) -> list[tuple[int, str]]:
    """(token index, status) of each status cue in words[s:e]."""
    lex = status_lexicon()
    firsts = _first_words(_PRECEDENCE)
    out: list[tuple[int, str]] = []
    if _key_words(_PRECEDENCE).isdisjoint(words[s:e]):
        return out  # no cue in the sentence (most sentences)
    t = s
    while t < e:
        if words[t] not in firsts:  # no cue starts here: skip the lookups
            t += 1
            continue
        best = 0
        which = None
        for name in _PRECEDENCE:
            n = lex[name].match_at(words, t, e)
            if n > best:
                best, which = n, name
        if which:
            out.append((t, which))
            t += best
        else:
            t += 1
    return out


def fused_cue(words: Sequence[str], cue_at: int, e: int) -> bool:
    """A cue glued to one figure: "its preliminary figure of 43 percent"."""
    t = cue_at + 1
    return t + 1 < e and words[t] in _FUSED_NOUNS and words[t + 1] == "of"


def sentence_status(
    words: Sequence[str], s: int, e: int, progress: Sequence[float]
) -> tuple[str | None, list[tuple[int, str]]]:
    """The sentence-wide cue, and the cues fused to single figures."""
    cues = cue_positions(words, s, e)
    fused = [(t, st) for t, st in cues if fused_cue(words, t, e)]
    general = [st for t, st in cues if not fused_cue(words, t, e)]
    for value in progress:
        general.append("final" if value >= 100 else "partial")
    for name in _PRECEDENCE:
        if name in general:
            return name, fused
    return None, fused


def explicit_round(words: Sequence[str], s: int, e: int, i: int) -> int | None:
    """The round named in words[s:e], nearest to token i."""
    lex = status_lexicon()
    best: tuple[int, int] | None = None
    firsts = _first_words(ROUND_KEYS)
    if _key_words(ROUND_KEYS).isdisjoint(words[s:e]):
        return None  # no round named (most sentences)
    for t in range(s, e):
        if words[t] not in firsts:
            continue
        for key in ROUND_KEYS:
            if lex[key].match_at(words, t, e):
                distance = abs(t - i)
                if best is None or distance < best[0]:
                    best = (distance, int(key[-1]))
    return best[1] if best else None
