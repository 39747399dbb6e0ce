"""Noun phrases found without a parser: who a figure belongs to.

Small pure functions over a Doc's tokens. A subject is looked for where news copy puts
it: before the verb that gives the figure ("the conservatives won 21 seats"), after a
preposition that hands it over ("33 went to the List of Hope", "11 million ballots for
Pezeshkian", "32 were won by moderate candidates"), or right before a gapped figure
("and the KDP 31", "Kilicdaroglu 45%"). Relative clauses and appositions between the
subject and its verb ("The Taqaddum Party, whose support comes from ..., took 37") are
stepped over. When no phrase is found the answer is None: refuse rather than guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc

from extract.lexicon import PhraseSet
from extract.resources import load_json
from extract.tokens import (
    TokenFacts,
    is_name_slash,
    span_text,
    token_facts,
    token_texts,
)

Span = tuple[int, int]

# Words that end a noun phrase when walking over tokens.
_NP_STOP = frozenset(
    """said says say told tell reported reports report announced announces according
    while whereas but although though that which who whom whose as after before when
    since because if so then meanwhile however with to in on at for from than or nor
    where is are was were be been being am has have had having will would could might
    may can shall should must do does did not won win wins winning took take takes
    taking secured securing captured capturing received receiving got gets getting
    garnered gained grabbed swept sweeping claimed obtained collected polled scored
    earned holding holds held leading leads led picked picking made making show shows
    showed showing indicate indicated indicates suggest suggested gave give gives giving
    leave leaves leaving left put puts putting went go goes going came come comes
    finished finish ended end took stood stands stand remain remained reach reached
    reaching expected expect count counted received respectively also still now just
    only even already reportedly unexpectedly comfortably narrowly clearly easily
    eventually ultimately both all each every either neither among them those these
    did not against over versus vs vs. beat beats beating defeated defeats defeating
    topped tops edged ousted unseated trounced routed ahead behind into during
    claims secures captures grabs sweeps retains keeps trails trailed trailing
    loses lost rejected approved endorsed flipped flips contested joined
    joins""".split()
) | frozenset(
    # and the lists of claims.json: past change verbs ("fell short"), speech
    # participles ("saying his party ...")
    load_json("claims.json")["subject_ending_verbs"]
    + load_json("claims.json")["speech_participles"]
)
_NP_JOINERS = frozenset({"of", "and", "&", "by", "de", "al", "el", "du", "van", "von"})
# what may join a phrase opened by a determiner to one before it ("the Party of the
# Regions", "the Social Democrats and/or the Greens")
_DETERMINER_JOINERS = _NP_JOINERS | {"or", "/", "and/or"}
_PARTICIPLES_BEFORE_BY = frozenset(
    """led headed formed backed supported founded run fronted allied aligned
    chaired""".split()
)
_PUNCT_INSIDE = frozenset({"-", "’s", "'s", "'", "’", "(", ")", ".", "&"})
_RELATIVE = frozenset({"who", "whose", "which", "whom", "that", "where"})
# the relative pronouns that are their clause's subject after a comma
_RELATIVE_SUBJECTS = frozenset({"who", "which"})
# what opens a relative clause whose pronoun stands for the phrase before it (a
# spaced hyphen too: `_spaced_dash`)
_RELATIVE_OPENERS = frozenset({",", "—", "–", "--", "("})
_APPOSITIVE_OPENERS = frozenset(
    """a an most many some all none several among including one two three half
    up down""".split()
)
_AUX_ADV = frozenset(
    """has have had having was were is are be been being will would could might may
    can should must also still now just only already reportedly unexpectedly
    comfortably narrowly clearly easily eventually ultimately again then so thus
    respectively jointly together each both all in turn did not does do""".split()
)
_CLAUSE_PUNCT = frozenset({",", ";", ":", "—", "–", "--", '"', "“", "”", "|"})
_DETERMINERS = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "this", "that"}
)
_MAX_NP = 14


def is_numeral(facts: TokenFacts, k: int) -> bool:
    """`Token.like_num` and not `is_alpha`: "33", "10.9", "1/2"; not "ten"."""
    return facts.like_num[k] and not facts.texts[k].isalpha()


def key_words(phrases: PhraseSet, min_words: int = 1) -> frozenset[str]:
    """`phrases.key_words(min_words)`: see `PhraseSet.key_words`."""
    return phrases.key_words(min_words)


def has_phrase(phrases: PhraseSet, words: Sequence[str], start: int, end: int) -> bool:
    """`phrases.contains(words, start, end)` (which skips ranges with no key word)."""
    return phrases.find(words, start, end) >= 0


def find_phrase(phrases: PhraseSet, words: Sequence[str], start: int, end: int) -> int:
    """`phrases.find(words, start, end)` (which skips ranges with no key word)."""
    return phrases.find(words, start, end)


def _is_name_like(text: str) -> bool:
    """Token.is_title or is_upper, or a capital first character."""
    return text.istitle() or text.isupper() or text[:1].isupper()


def _np_token_ok(doc: Doc, facts: TokenFacts, words: Sequence[str], k: int) -> bool:
    text = facts.texts[k]
    if facts.like_num[k] and not text.isalpha():
        return number_in_name(facts, words, k)
    if text.isspace():
        return False
    if facts.punct[k] and (
        text not in _PUNCT_INSIDE or (text == "-" and _spaced_dash(doc, words, k))
    ):
        return _name_slash(doc, facts, k)
    if words[k] in _NP_STOP and not (
        (_is_name_like(text) and k > 0 and not doc[k].is_sent_start)
        or (words[k - 1] == "-" and _compound_after_hyphen(doc, words, k))
        or _compound_before_hyphen(doc, words, k)
    ):
        return False
    return True


@lru_cache(maxsize=1)
def _name_number_nouns() -> frozenset[str]:
    return frozenset(load_json("claims.json")["name_number_nouns"])


def number_in_name(facts: TokenFacts, words: Sequence[str], k: int) -> bool:
    """Whether the number in digits at token k is part of a name: capitalised
    words follow it up to a name's noun ("the May 18 Movement", "the 5 Star
    Movement", "Agenda 2000 Party"), or a slash and a capitalised word do
    ("Alliance 90/The Greens"); not "on May 18 Labour won"."""
    texts = facts.texts
    if not texts[k].isdigit():
        return False
    if (
        k + 2 < len(texts)
        and texts[k + 1] == "/"
        and k > 0
        and texts[k - 1][:1].isupper()
        and texts[k + 2][:1].isupper()
    ):
        return True  # "Alliance 90/The Greens"
    nouns = _name_number_nouns()
    for t in range(k + 1, min(len(texts), k + 4)):
        if not texts[t][:1].isupper():
            return False
        if words[t] in nouns:
            return True
    return False


def _name_slash(doc: Doc, facts: TokenFacts, k: int) -> bool:
    """Whether token k is a slash inside one name, unspaced between two name
    words ("CDU/CSU", "Alliance 90/The Greens"): part of the phrase."""
    if facts.texts[k] != "/":
        return False
    return is_name_slash(facts.texts, token_texts(doc)[1], k)


def _ends_hyphenated_name(facts: TokenFacts, words: Sequence[str], k: int) -> bool:
    """Whether token k ends a hyphenated name ("Ching-te", "Yu-ih")."""
    return k >= 2 and words[k - 1] == "-" and _is_name_like(facts.texts[k - 2])


def _spaced_dash(doc: Doc, words: Sequence[str], k: int) -> bool:
    """Whether token k is a hyphen used as a dash, with space on both sides
    ("BRASILIA, Oct 30 (Reuters) - Lula won ..."): it breaks a clause."""
    if words[k] != "-" or k == 0:
        return False
    _, spaces = token_texts(doc)
    return bool(spaces[k - 1]) and bool(spaces[k])


def _compound_before_hyphen(doc: Doc, words: Sequence[str], k: int) -> bool:
    """Whether token k starts a hyphenated compound ("left-wing", "so-called"):
    there it is part of the phrase, not the verb or adverb it would be on its own."""
    if k + 2 >= len(words) or words[k + 1] != "-":
        return False
    _, spaces = token_texts(doc)
    return not spaces[k] and not spaces[k + 1] and words[k + 2].isalpha()


def _compound_after_hyphen(doc: Doc, words: Sequence[str], k: int) -> bool:
    """Whether token k ends a hyphenated compound ("BJP-led", "Kremlin-backed"):
    there it is part of the phrase, not the verb it would be on its own."""
    if k < 2 or words[k - 1] != "-":
        return False
    _, spaces = token_texts(doc)
    return not spaces[k - 2] and not spaces[k - 1]


@lru_cache(maxsize=1)
def _time_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(weekdays, months, parts of a day) from ``claims.json``."""
    data = load_json("claims.json")
    return (
        frozenset(data["subject_time_days"]),
        frozenset(data["subject_time_months"]),
        frozenset(data["subject_time_parts"]),
    )


_CLOCK_WORDS = frozenset(load_json("claims.json")["subject_time_clock"])


def _day_names_time(
    words: Sequence[str], facts: TokenFacts, k: int, start: int
) -> bool:
    """Whether token k is a weekday or month that names a time here (`_names_time`)."""
    days, months, _ = _time_words()
    return (words[k] in days or words[k] in months) and _names_time(
        words, facts, k, start
    )


def _names_time(words: Sequence[str], facts: TokenFacts, k: int, start: int) -> bool:
    """Whether the weekday or month at ``k``, with a phrase after it, names a time:
    "(said on) Sunday Labour", "(on) 3 March Fidesz"; not "the Sunday Times" or
    "Monday's vote"."""
    days, months, _ = _time_words()
    w = words[k]
    if k + 1 < len(words) and words[k + 1] in {"'s", "’s"}:
        return False
    if w in days:
        return k == start or words[k - 1] not in _DETERMINERS
    return w in months and k > start and is_numeral(facts, k - 1)


def np_backward(doc: Doc, words: Sequence[str], j: int, start: int) -> Span | None:
    """The noun phrase ending just before token `j`, not reaching before `start`."""
    facts = token_facts(doc)
    texts, punct, like_num = facts.texts, facts.punct, facts.like_num
    time_words, walk_words = _np_time_words()
    k = j - 1
    first = None
    depth = 0  # inside brackets, walking left
    # (the walk's two bounds as one, compared once a word)
    low = j - _MAX_NP if j - _MAX_NP > start else start
    while k >= low:
        w = words[k]
        if depth or w in walk_words:  # (most words: none of the tests below)
            if (
                first is not None
                # (one set test rules out both time tests for most words)
                and w in time_words
                and (
                    # "said on Sunday Labour won": the day is a time, the name after
                    # it the subject ("on Sunday night the Greens took": and its part)
                    (texts[k][:1].isupper() and _day_names_time(words, facts, k, start))
                    # "By 9 PM Fidesz had": so is a clock ("at 10 pm local time the
                    # ANC")
                    or (w in _CLOCK_WORDS and k > start and is_numeral(facts, k - 1))
                )
            ):
                parts = _time_words()[2]
                first = k + 1
                while first < j and words[first] in parts:
                    first += 1
                if first >= j:
                    return None
                break
            if w == ")":
                depth += 1
                first = k
                k -= 1
                continue
            if w == "(":
                if depth == 0:
                    break
                depth -= 1
                first = k
                k -= 1
                continue
            if depth > 0:
                first = k
                k -= 1
                continue
            if w in _NP_JOINERS and first is not None:
                # "State of Law", "Justice and Development Party", "led by X":
                # keep walking only when a name or a phrase continues on the left.
                if k - 1 >= start:
                    if w == "by" and words[k - 1] in _PARTICIPLES_BEFORE_BY:
                        first = k - 1
                        k -= 2
                        continue
                    if (
                        w in {"of", "and", "&", "de", "al", "el", "du", "van", "von"}
                        and (
                            _is_name_like(texts[k - 1])
                            or _ends_hyphenated_name(facts, words, k - 1)
                            or words[k - 1]
                            in {
                                "bloc",
                                "alliance",
                                "coalition",
                                "party",
                                "movement",
                                "list",
                                "front",
                                "camp",
                                "slate",
                                "allies",
                                "supporters",
                            }
                        )
                        and _np_token_ok(doc, facts, words, k - 1)
                    ):
                        first = k
                        k -= 1
                        continue
                break
        # (most words are none of number, punctuation, stop word or space, which
        # `_np_token_ok` takes: asked only of the others)
        if (
            like_num[k] or punct[k] or w in _NP_STOP or texts[k].isspace()
        ) and not _np_token_ok(doc, facts, words, k):
            break
        first = k
        k -= 1
        if w in _DETERMINERS and not (k >= start and words[k] in _DETERMINER_JOINERS):
            # a determiner opens its phrase ("telling supporters his AK Party":
            # the listeners are no part of it), unless a joiner goes on ("the
            # Party of the Regions")
            break
    if first is None:
        return None
    if not _round_phrases()[1].isdisjoint(words[first : j - 1]):
        first = _after_round_phrase(facts, words, first, j)
    return _trim(doc, words, first, j, punct)


@lru_cache(maxsize=1)
def _np_time_words() -> tuple[frozenset[str], frozenset[str]]:
    """The weekdays, months and clock words: what `np_backward` asks the time
    tests of (a word that is none of them names no time); then these with the
    brackets and joiners, the words its walk tests before a word's own test
    (outside brackets, a word that is none of them takes none of those tests)."""
    days, months, _ = _time_words()
    time_words = days | months | _CLOCK_WORDS
    return time_words, time_words | _NP_JOINERS | {"(", ")"}


@lru_cache(maxsize=1)
def _round_phrases() -> tuple[PhraseSet, frozenset[str]]:
    """Every round cue of patterns/status.json round_words, and their last words."""
    rounds = load_json("status.json")["round_words"]
    phrases = PhraseSet(p for listed in rounds.values() for p in listed)
    return phrases, frozenset(phrases.by_last)


def _after_round_phrase(facts, words: Sequence[str], first: int, j: int) -> int:
    """Where a noun phrase words[first:j] starts once a round phrase opening it is
    left out: "In the first round Lula won" names Lula, the round is when."""
    phrases, last_words = _round_phrases()
    for k in range(j - 1, first, -1):
        if (
            words[k - 1] in last_words
            and facts.texts[k][:1].isupper()
            # ("The Second Round Party": a name of its own)
            and not facts.texts[k - 1][:1].isupper()
            and phrases.match_ending(words, k, first)
        ):
            return k
    return first


def np_forward(doc: Doc, words: Sequence[str], i: int, end: int) -> Span | None:
    """The noun phrase starting at token `i`, not reaching past `end`."""
    facts = token_facts(doc)
    texts = facts.texts
    k = i
    depth = 0
    last = None
    while k < end and (k - i) < _MAX_NP:
        w = words[k]
        if w == "(":
            depth += 1
            k += 1
            continue
        if w == ")":
            if depth == 0:
                break
            depth -= 1
            last = k
            k += 1
            continue
        if depth > 0:
            last = k
            k += 1
            continue
        if w in _NP_JOINERS and last is not None and k + 1 < end:
            if w == "by" and words[k - 1] in _PARTICIPLES_BEFORE_BY:
                k += 1
                continue
            if (
                w in {"of", "and", "&", "de", "al", "el", "du", "van", "von"}
                and _is_name_like(texts[k + 1])
                and _is_name_like(texts[k - 1])
            ):
                k += 1
                continue
            break
        if (
            k > i
            and words[k - 1] not in _DETERMINERS
            and facts.punct[k]
            and texts[k] not in _PUNCT_INSIDE
            and not _name_slash(doc, facts, k)
        ):
            break
        if not _np_token_ok(doc, facts, words, k):
            break
        last = k
        k += 1
    if last is None:
        return None
    span = _trim(doc, words, i, last + 1, facts.punct)
    if span is None:
        return None
    # "the main opposition candidate, Kemal Kilicdaroglu": prefer the name in apposition
    a, b = span
    if b + 1 < end and words[b] == "," and _is_name_like(texts[b + 1]):
        c = b + 1
        while (
            c < end
            and (_is_name_like(texts[c]) or words[c] in {"-", "al", "'s", "’s"})
            and not facts.punct[c]
            or (c < end and words[c] == "-")
        ):
            c += 1
        if c > b + 1 and (c >= end or words[c] in {",", ".", ";", "—"}):
            return (b + 1, c)
    return span


def _trim(
    doc: Doc, words: Sequence[str], a: int, b: int, punct: list[bool] | None = None
) -> Span | None:
    """Drop stray punctuation, adverbs and dangling joiners at the phrase's ends
    (`punct`: the Doc's `TokenFacts.punct`, when the caller holds it)."""
    while a < b and words[a] in _TRIM_FIRST:
        a += 1
    while b > a and words[b - 1] in _TRIM_LAST:
        b -= 1
    if a >= b:
        return None
    if punct is None:
        punct = token_facts(doc).punct
    if punct[a] and all(punct[a:b]):  # (a first word that is no punctuation: not all)
        return None
    return (a, b)


# what `_trim` drops at a phrase's start and end
_TRIM_FIRST = _AUX_ADV | {"-", "'s", "’s", "'", "’", ")", "."} | _NP_JOINERS
_TRIM_LAST = (
    frozenset({"-", "'s", "’s", "'", "’", "(", ".", "the", "a", "an"}) | _NP_JOINERS
)


def previous_break(doc: Doc, words: Sequence[str], j: int, start: int) -> int:
    """Index of the clause punctuation nearest before `j` (or start - 1)."""
    depth = 0
    for k in range(j - 1, start - 1, -1):
        if words[k] == ")":
            depth += 1
        elif words[k] == "(":
            depth = max(0, depth - 1)
        elif depth == 0 and (
            words[k] in _CLAUSE_PUNCT
            or (words[k] == "-" and _spaced_dash(doc, words, k))
        ):
            return k
    return start - 1


def is_inserted_clause(doc: Doc, words: Sequence[str], a: int, b: int) -> bool:
    """A comma-fenced relative clause or apposition ("who finished third", "a
    cleric")."""
    texts = token_facts(doc).texts
    while a < b and texts[a].isspace():
        a += 1
    if a >= b:
        return True
    w = words[a]
    if w in _RELATIVE:
        return True
    if w in {
        "also",
        "once",
        "formerly",
        "known",
        "better",
        "often",
        "sometimes",
        "previously",
    }:
        return (
            True  # "also called the Iranian Conservatives", "once labelled the Right"
        )
    if (
        w in _APPOSITIVE_OPENERS
        and not _is_name_like(texts[a])
        or (w in _APPOSITIVE_OPENERS and a + 1 < b and words[a + 1] in {"of", "the"})
    ):
        return True
    if w == "the" and a + 1 < b and not _is_name_like(texts[a + 1]) and b - a <= 6:
        # "the parliament speaker", "the body that screens candidates"
        return not any(
            words[t]
            in {"won", "took", "secured", "has", "had", "was", "were", "is", "are"}
            for t in range(a, b)
        )
    if w in {"most", "many", "some", "all"} and a + 1 < b and words[a + 1] == "of":
        return True
    if w in {"a", "an"}:
        return True
    if w.endswith("ed") and a + 1 < b and words[a + 1] == "by":  # "backed by the PTI"
        return True
    return False


def clause_subject(doc: Doc, words: Sequence[str], a: int, b: int) -> Span | None:
    """The subject at the start of clause words[a:b]: "X is the largest bloc" -> X."""
    # "confirming that X ...", "said that X ...": skip to after the complementiser
    for t in range(a, min(b, a + 4)):
        if words[t] == "that":
            a = t + 1
            break
    span = np_forward(doc, words, a, b)
    return span


def subject_before(doc: Doc, words: Sequence[str], j: int, start: int) -> Span | None:
    """The subject of the verb at `j`, stepping over inserted clauses and
    auxiliaries."""
    texts = token_facts(doc).texts
    k = j
    while k - 1 >= start and (
        words[k - 1] in _AUX_ADV
        or (words[k - 1].endswith("ly") and texts[k - 1].islower())
    ):
        k -= 1
    if (
        k - 2 > start
        and words[k - 1] in _RELATIVE_SUBJECTS
        and (
            words[k - 2] in _RELATIVE_OPENERS
            or (words[k - 2] == "-" and _spaced_dash(doc, words, k - 2))
        )
    ):
        # "The Greens, who won 16 seats, ...", "Labour - which won 412 seats -":
        # the relative pronoun stands for the phrase before its comma or dash
        return np_backward(doc, words, k - 2, start)
    guard = 0
    while k - 1 >= start and words[k - 1] == "," and guard < 4:
        guard += 1
        comma = k - 1
        prev = previous_break(doc, words, comma, start)
        seg_a = prev + 1
        if is_inserted_clause(doc, words, seg_a, comma):
            # step over ", who finished third," to the phrase before it
            if prev >= start and words[prev] == ",":
                k = prev
                span = np_backward(doc, words, k, start)
                if span:
                    return span
                continue
            return None
        # a participle after a comma ("..., taking 62 percent") takes the subject
        # of the clause before it
        return clause_subject(doc, words, seg_a, comma)
    if k - 2 >= start and words[k - 1] == "and":
        # "X lost 20 seats and now holds 45": a second verb of X's, not a phrase
        # "seats and ..."; the phrase before "and" ends a figure's noun
        span = np_backward(doc, words, k - 1, start)
        if span and span[0] - 1 >= start and is_numeral(token_facts(doc), span[0] - 1):
            return clause_subject(
                doc, words, previous_break(doc, words, k - 1, start) + 1, k - 1
            )
    if k - 2 >= start and words[k - 1] == "to":
        # an infinitive ("gained 12 seats to hold 87", "is expected to win 30")
        # takes the subject of the clause it belongs to
        end = k - 1
        if words[end - 1].endswith("ed") and texts[end - 1].islower():
            end -= 1  # "Bolsonaro failed to win": the verb is not the subject's
        return clause_subject(
            doc, words, previous_break(doc, words, k - 1, start) + 1, end
        )
    return np_backward(doc, words, k, start)


def text_of(doc: Doc, span: Span | None) -> str | None:
    """The span's text (`doc[a:b].text`) without surrounding whitespace, or None."""
    if span is None:
        return None
    a, b = span
    return span_text(doc, a, b).strip() or None
