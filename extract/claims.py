"""From figures in a sentence to claim drafts: kind, unit, subject, of_total.

One pure function per question, each over the Doc's tokens and the word lists in
`patterns/claims.json`:

- `counted_noun`   what the figure counts ("33 of the 68 seats" -> seats)
- `skip_reason`    why a figure is not a claim (threshold, progress, poll, comparison,
                   previous election, change such as "lost 20 seats", unit outside
                   the schema) or None
- `kind_and_unit`  seats / votes / turnout / seats_total / other_count, and the unit
- `find_subject`   who the figure belongs to
- `draft_claims`   all of the above for one sentence, with denominators shared across
                   the figures of a sentence that splits one total.

Sources, status and round are added later (`extract.attribution`, `extract.status`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress

from spacy.tokens import Doc

from extract.lexicon import PhraseSet, claim_lexicon
from extract.numbers import Figure, number_run_end, starts_number
from extract.phrases import (
    Span,
    find_phrase,
    has_phrase,
    is_numeral,
    key_words,
    np_backward,
    np_forward,
    number_in_name,
    subject_before,
    text_of,
)
from extract.resources import load_json
from extract.tokens import (
    lower_words,
    span_starts,
    token_facts,
    token_texts,
)

NOUN_CLASSES = (
    "vote_nouns",
    "voter_nouns",
    "seat_nouns",
    "member_nouns",
    "people_nouns",
    "skip_nouns",
)
_UNIT_OF_CLASS = {
    "vote_nouns": "votes",
    "voter_nouns": "voters",
    "seat_nouns": "seats",
    "people_nouns": "people",
}
_MODIFIER_SKIP = 3
_PARTITIVE_FILLERS = frozenset(
    {
        "the",
        "a",
        "total",
        "its",
        "their",
        "all",
        "his",
        "her",
        "overall",
        "combined",
        "some",
        "about",
        "around",
        "nearly",
        "roughly",
        "approximately",
    }
)


@dataclass
class Draft:
    """A claim before its sources, status and round are known."""

    figure: Figure
    kind: str
    unit: str
    value: float | int
    qualifier: str
    subject: Span | None = None
    subject_text: str | None = None
    of_total: float | int | None = None
    denominator: Figure | None = None  # the figure used as of_total, if any
    noun: tuple[str | None, int, int] = (None, 0, 0)
    notes: list[str] = field(default_factory=list)
    # set when the subject is a pronoun's antecedent (`extract.pronouns`): the id of
    # the alias matched there, used when the phrase as written resolves to none
    subject_id: str | None = None

    @classmethod
    def of(
        cls,
        doc: Doc,
        fig: Figure,
        kind: str,
        unit: str,
        subject,
        of_total: float | int | None = None,
        denominator: Figure | None = None,
        noun: tuple[str | None, int, int] = (None, 0, 0),
    ) -> Draft:
        """A draft whose value, qualifier and subject text come from its words."""
        # positional, in field order: a draft is made per figure, and keywords (or a
        # **more dict passed on) cost half of the construction
        return cls(
            fig,
            kind,
            unit,
            fig.value,
            fig.qualifier,
            subject,
            None if subject is None else text_of(doc, subject),
            of_total,
            denominator,
            noun,
        )


# the units a sentence hands on to the next one's bare figures
_CARRIED_UNITS = frozenset({"seats", "votes"})


@dataclass
class SentenceContext:
    """What one sentence hands to the next in the same paragraph."""

    unit: str | None = None
    kind: str | None = None
    declared: float | int | None = None  # "60 of the 68 seats declared" -> 60
    default_unit: str | None = None  # what the article mostly counts, for bare figures


# the claim word lists, built once (`claim_lexicon` is cached); asked for a hundred
# times an article, so without a wrapper call of its own
_lex: Callable[[], dict[str, PhraseSet]] = claim_lexicon


def _words(doc: Doc) -> list[str]:
    return lower_words(doc)


# a capitalised word with one of these endings is a demonym ("Iranians", "Pakistanis")
_DEMONYM_ENDINGS = ("ans", "ians", "ese", "is", "ers")


@lru_cache(maxsize=1)
def _plural_demonyms() -> frozenset[str]:
    """The plural demonyms of patterns/countries.json that the endings above miss
    ("Turks", "Poles", "Danes", "Britons", "Swedes"): the adjective list's nouns
    with an "s"."""
    out = set()
    for entry in load_json("countries.json")["countries"].values():
        for adjective in entry.get("adjectives", ()):
            if adjective.isalpha() and not adjective.endswith(("s", "sh", "ch")):
                out.add(adjective + "s")
    return frozenset(out)


@lru_cache(maxsize=1)
def _nouns_by_first_word() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word -> (noun words, class) of the nouns of NOUN_CLASSES and the generic
    subject nouns ("subject_nouns"), in the order they are tried: class by class in
    NOUN_CLASSES order, the generic subject nouns last, longest noun first."""
    lex = _lex()
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    classes = [(name, name) for name in NOUN_CLASSES]
    classes.append(("subject_nouns_generic", "subject_nouns"))
    for name, cls in classes:
        for first, nouns in lex[name].by_first.items():  # longest first
            table.setdefault(first, []).extend((noun, cls) for noun in nouns)
    return table


def counted_noun(
    doc: Doc, words: Sequence[str], i: int, end: int
) -> tuple[str | None, int, int]:
    """The noun class counted by a figure ending at token `i`: (class, start, end)."""
    return _counted_noun_in(
        words, token_texts(doc)[0], span_starts(doc, "subjects"), i, end
    )


def _counted_noun_in(
    words: Sequence[str],
    texts: Sequence[str],
    subject_starts: dict[int, int],
    i: int,
    end: int,
) -> tuple[str | None, int, int]:
    """`counted_noun` given the Doc's token texts and subject span starts, which
    drafting looks up once a sentence rather than for each noun it asks for (about
    two a figure)."""
    nouns_by_first = _nouns_by_first_word()
    plural_demonyms = _plural_demonyms()
    j = i
    skipped = 0
    while j < end and skipped <= _MODIFIER_SKIP:
        w = words[j]  # (read once for the tests below)
        for noun, cls in nouns_by_first.get(w, ()):
            n = len(noun)
            if n == 1:
                return cls, j, j + 1  # its one word is words[j], its key
            if (
                j + n <= end
                and words[j + 1] == noun[1]
                and tuple(words[j : j + n]) == noun
            ):
                return cls, j, j + n
        subject_end = subject_starts.get(j)
        if subject_end is not None:
            return "subject_nouns", j, subject_end
        text = texts[j]
        # a demonym ("Iranians", "Turks"); most words are not capitalised
        if (
            text[:1].isupper()
            and text.endswith(_DEMONYM_ENDINGS)
            and text.isalpha()
            and len(text) > 4
        ) or text in plural_demonyms:
            return "people_nouns", j, j + 1
        if (
            w == "of"
            and j == i
            and j + 1 < end
            and words[j + 1] in {"the", "its", "their", "his", "her"}
        ):
            # "all 30 of the capital's seats": a partitive with no number
            lex = _lex()
            j += 2
            while (
                j < end
                and (
                    texts[j].isalpha()
                    and words[j] not in _NOT_MODIFIERS
                    or words[j] in {"'s", "’s"}
                )
                and skipped < 4
            ):
                if lex["seat_nouns"].match_at(words, j, end) or lex[
                    "vote_nouns"
                ].match_at(words, j, end):
                    break
                j += 1
                skipped += 1
            continue
        if (
            w == "the"
            and j + 2 < end
            and words[j + 1] == "number"
            and words[j + 2] == "of"
        ):
            # "took to 17 the number of women elected"
            j += 3
            skipped += 1
            continue
        if (
            text.isalpha()
            and (text.islower() or text.istitle())
            and w not in _NOT_MODIFIERS
        ):
            skipped += 1
            j += 1
            continue
        if w == "-" and skipped:
            j += 1
            continue
        break
    return None, i, i


_NOT_MODIFIERS = frozenset(
    """of and or to for in on at by with from than as that which who were was is are
    have has had been be will would could may might said says more fewer less were
    while but went go goes each apiece respectively between out""".split()
)


def partitive_total(
    doc: Doc,
    words: Sequence[str],
    fig: Figure,
    figures: Sequence[Figure],
    end: int,
    at: int | None = None,
) -> Figure | None:
    """The denominator of "N of (the total) M", "N out of M", "N from (a total of)
    M", "N, out of a registered electorate of M"; the partitive word is at ``at``
    (default: right after the figure; see `_partitive_after_noun`)."""
    j = fig.end if at is None else at
    if j < end and words[j] == "out" and j + 1 < end and words[j + 1] == "of":
        j += 2
    elif j < end and words[j] in {"of", "from"}:
        j += 1
        if (
            j + 2 < end
            and words[j] == "a"
            and words[j + 1] == "total"
            and words[j + 2] == "of"
        ):
            j += 3
    else:
        return None
    # allow "the", "total", "Tehran's", "parliament's" between, and an electorate
    # ("a registered electorate of", "an electorate of")
    limit = min(end, j + 4)
    texts, _ = token_texts(doc)
    base = _lex()["partitive_base_words"].all_words
    for g in figures:
        if g.start >= j and g.qualifier_start < limit + 1 and g is not fig:
            between = range(j, g.qualifier_start)
            if all(
                words[t] in _PARTITIVE_FILLERS
                or words[t] in {"'s", "’s"}
                or (texts[t][:1].isupper() and texts[t].isalpha())
                or words[t] in _PARTITIVE_PLACES
                or words[t] in base
                or (words[t] == "of" and t > j and words[t - 1] in base)
                for t in between
            ):
                return g
    return None


# the nouns a partitive may follow ("412 seats out of 650", "3,118,902 citizens, out
# of ..."): those that give a count its unit
_PARTITIVE_NOUN_CLASSES = ("vote_nouns", "voter_nouns", "seat_nouns", "people_nouns")


@lru_cache(maxsize=1)
def _partitive_noun_firsts() -> frozenset[str]:
    """The first words of `_PARTITIVE_NOUN_CLASSES`' nouns, of the cast phrases
    ("voted", "cast ballots") and the comma: what the word after a count must be
    for `_partitive_after_noun` to read on, with the comma and opening bracket."""
    return (
        _partitive_class_firsts()
        | _lex()["partitive_cast_phrases"].by_first.keys()
        | {",", "("}
    )


@lru_cache(maxsize=1)
def _partitive_class_firsts() -> frozenset[str]:
    """The first words of `_PARTITIVE_NOUN_CLASSES`' nouns."""
    lex = _lex()
    return frozenset(w for name in _PARTITIVE_NOUN_CLASSES for w in lex[name].by_first)


def _partitive_after_noun(words: Sequence[str], fig: Figure, end: int) -> int | None:
    """Where the "of" or "out of" of a partitive after a count's noun and/or a comma
    is ("3,118,902 citizens, out of a registered electorate of 5.6 million", "1.2
    million people, of an electorate of 2.3 million", "412 seats out of 650", "412
    seats (of 650)"), or
    None. Not "from": after a noun or comma it compares ("75 seats, up from 61")."""
    j = fig.end
    # the first of the classes (in their order) with a noun here, its longest: the
    # nouns by first word list them so, class by class, longest first (one look
    # for the four lists; a figure followed by a comma or bracket asks none)
    if j < end and words[j] in _partitive_class_firsts():
        for noun, cls in _nouns_by_first_word()[words[j]]:
            n = len(noun)
            if cls in _PARTITIVE_NOUN_CLASSES and (
                n == 1 or (j + n <= end and tuple(words[j : j + n]) == noun)
            ):
                j += n
                break
    if j < end:
        # "25.6 million people had cast ballots out of 38.6 million eligible
        # voters", "Some 30.5 million voted out of 61 million eligible voters"
        j += _lex()["partitive_cast_phrases"].match_at(words, j, end)
    if j < end and words[j] in {",", "("}:
        j += 1  # ("412 seats (of 650)": the bracket gives the total too)
    if j == fig.end or j >= end:
        return None
    if words[j] == "of" or (words[j] == "out" and j + 1 < end and words[j + 1] == "of"):
        return j
    return None


_PARTITIVE_STARTS = frozenset({"of", "out", "from"})  # what partitive_total reads first
_PARTITIVE_PLACES = frozenset(
    {
        "parliament",
        "chamber",
        "assembly",
        "legislature",
        "house",
        "country",
        "province",
        "nation",
        "capital",
        "city",
    }
)


def figure_at(figures: Sequence[Figure], token: int) -> Figure | None:
    for f in figures:
        if f.start <= token < f.end:
            return f
    return None


def skip_reason(
    doc: Doc,
    words: Sequence[str],
    fig: Figure,
    sent: tuple[int, int],
    noun_cls: str | None,
    *,
    sentence: _SentenceWords | None = None,
) -> str | None:
    """Why a figure is not a claim, or None when it may be one.

    Apart from the counted noun, the answer depends on the figure's place in its
    sentence only, so it is kept per (figure, sentence) in `doc.user_data`: drafting
    and the status pass both ask it of percentages. Drafting passes the sentence's
    `_SentenceWords` it holds, which is otherwise built when needed.
    """
    if noun_cls == "skip_nouns":
        return "unit outside the schema"
    s, e = sent
    if not fig.percent:
        # (only percentages are asked twice: the others' answers are not kept)
        return _skip_reason_in_sentence(doc, words, fig, s, e, sentence)
    known = doc.user_data.get("claims:skip_reasons")
    if known is None:
        known = doc.user_data["claims:skip_reasons"] = {}
    key = (fig.start, fig.end, fig.qualifier_start, fig.percent, s, e)
    if key in known:
        return known[key]
    reason = known[key] = _skip_reason_in_sentence(doc, words, fig, s, e, sentence)
    return reason


# "61 percent of them/whom/those": a share of a group named before
_GROUP_PRONOUNS = frozenset({"them", "whom", "those"})
# "54 percent of which went to X": a share of a total named before
_SHARED_PRONOUNS = _GROUP_PRONOUNS | {"which"}


def _breakdown_group_at(words: Sequence[str], k: int, e: int) -> bool:
    """Whether a group a breakdown names starts at token k, after any "were"
    ("of them women", "of whom were first-time voters"); not a verb ("61 percent
    of them voted" is a turnout)."""
    while k < e and words[k] in {"were", "are", "was", "is", "being"}:
        k += 1
    return _lex()["breakdown_groups"].match_at(words, k, e) > 0


def _won_share(words: Sequence[str], fig: Figure, s: int) -> bool:
    """Whether the figure is the share a verb gives its subject ("Erdogan had 49.4%
    of the votes counted", "won 52% of the vote in the runoff"), not a count's
    progress: a win verb right before it that is not one of the words that open a
    progress phrase ("with 86% of the votes counted", "after 99% ...")."""
    q = fig.qualifier_start
    if q <= s:
        return False
    lex = _lex()
    return not lex["progress_openers"].match_ending(words, q, s) and bool(
        lex["win_verbs"].match_ending(words, q, s)
    )


def _seat_change(words: Sequence[str], fig: Figure, s: int, e: int) -> bool:
    """Whether the figure is a change, not a count: "lost 20 seats", "a net gain
    of 14", "up 12 seats", "gained 12 seats to hold 87" (the 87 is the count)."""
    lex = _lex()
    q = fig.qualifier_start
    changes = lex["change_cues"]
    # (the word before the figure ends no change cue for most figures: no match)
    if (
        q > s and words[q - 1] in changes.by_last and changes.match_ending(words, q, s)
    ) and (
        words[q - 1] not in {"up", "down"}
        or q - 1 == s
        or words[q - 2] in _BEFORE_UP_OR_DOWN
    ):
        # "up"/"down" only as a change ("Labour, up 12 seats", "was down 3%"),
        # not as part of a verb ("picked up 9 seats")
        return True
    if _gain_verb_start(words, q, s) < 0:
        return False
    k = fig.end
    while k < e and words[k] in _BETWEEN_GAIN_AND_TOTAL:
        k += 1
    # "gained 20 seats to 145": the level the gain reached, as with "to hold 145"
    return bool(lex["total_after_gain"].match_at(words, k, e)) or (
        k + 1 < e and words[k] == "to" and starts_number(words[k + 1])
    )


def _gain_verb_start(words: Sequence[str], q: int, s: int) -> int:
    """Where the gain verb before a figure starting at token q starts ("gained 12",
    "picked up another 4", "added a further 3"), or -1."""
    while q - 1 > s and words[q - 1] in _BETWEEN_GAIN_AND_FIGURE:
        q -= 1
    gains = _lex()["gain_verbs"]
    if q <= s or words[q - 1] not in gains.by_last:
        return -1  # (no gain verb ends there: no match asked)
    n = gains.match_ending(words, q, s)
    return q - n if n else -1


_SEAT_WORDS = frozenset({"seat", "seats"})
_BETWEEN_GAIN_AND_FIGURE = frozenset({"another", "a", "an", "further", "additional"})
# between a gain's figure and the total after it: "gained 12 more seats, to hold 87"
_BETWEEN_GAIN_AND_TOTAL = frozenset({"seats", "seat", "more", "additional", "new", ","})


@lru_cache(maxsize=1)
def _cue_ends_before_figure() -> frozenset[str]:
    """The words a comparison, change or gain cue can end with, "the" (which may
    stand between a comparison and its figure) and the words that may stand
    between a gain and its figure ("picked up another 4")."""
    lex = _lex()
    return frozenset(
        {"the"}
        # ("a further 3": the article is never the word right before the figure)
        | (_BETWEEN_GAIN_AND_FIGURE - {"a", "an"})
        | set(lex["comparison_cues"].by_last)
        | set(lex["change_cues"].by_last)
        | set(lex["gain_verbs"].by_last)
    )


_OPENING_BRACKETS = frozenset({"(", "["})


def _is_year(word: str) -> bool:
    """Whether a word is a year of modern elections ("2018")."""
    return len(word) == 4 and word.isdecimal() and 1900 <= int(word) <= 2100


def _bracket_label_is_past(words: Sequence[str], c: int, s: int) -> bool:
    """Whether the colon at c closes a label opening a bracket that names an
    earlier election: a year ("(2018:"), a year and a label word ("(2018
    election:"), or a label of the past ("(previous:", "(last election:")."""
    lex = claim_lexicon()
    if _is_year(words[c - 1]):
        return words[c - 2] in _OPENING_BRACKETS
    n = lex["bracket_year_labels"].match_ending(words, c, s)
    if n and c - n - 2 >= s and _is_year(words[c - n - 1]):
        return words[c - n - 2] in _OPENING_BRACKETS
    n = lex["bracket_previous_labels"].match_ending(words, c, s)
    return bool(n) and c - n - 1 >= s and words[c - n - 1] in _OPENING_BRACKETS


def _bracket_label_subject(
    doc: Doc, words: Sequence[str], q: int, s: int
) -> Span | None:
    """The name labelling a bracketed figure at q: "Labour won 33.7%
    (Conservatives: 23.7%)", "(Conservatives: 23.7%, Liberal Democrats: 12.2%)"
    give each figure to the name before its colon; a label of something else
    ("(Exit poll: 410)", "(Turnout: 60%)") names no one."""
    span = np_backward(doc, words, q - 1, s)
    if span is None or span[1] != q - 1 or span[0] - 1 < s:
        return None
    a, b = span
    before = words[a - 1]
    if before not in _OPENING_BRACKETS:
        if before not in {",", ";"}:
            return None
        # (a later label of the same bracket: an opening bracket before it, unclosed)
        for t in range(a - 2, s - 1, -1):
            if words[t] in _OPENING_BRACKETS:
                break
            if words[t] in {")", "]"}:
                return None
        else:
            return None
    facts = token_facts(doc)
    if (
        not facts.texts[a][:1].isupper()
        or any(is_numeral(facts, t) for t in range(a, b))
        or _lex()["bracket_other_labels"].contains(words, a, b)
        or _reporting_body(words, span)
        or a in span_starts(doc, "sources")  # "(Reuters: 34%)"
    ):
        return None
    return span


def _dated_by_year(words: Sequence[str], a: int, b: int) -> bool:
    """Whether words[a:b] hold "in" and a year ("in 2019") before a clause break."""
    for t in range(a, b - 1):
        if words[t] in _CLAUSE_BREAKS:
            return False
        if words[t] == "in" and len(words[t + 1]) == 4 and words[t + 1].isdigit():
            return True
    return False


_BEFORE_UP_OR_DOWN = frozenset(
    {",", "(", "—", "–", "was", "were", "is", "are", "been", "be", "and"}
)


def _progress_verb_in(words: Sequence[str], a: int, b: int, e: int) -> bool:
    """A progress verb in words[a:b] ("counted", "reporting"), or a particle that
    ends its clause in sentence words[:e] ("with 90% of the vote in, ..."): "in"
    followed by a word is a preposition ("52% of the vote in the runoff")."""
    lex = _lex()
    if has_phrase(lex["progress_verbs"], words, a, b):
        return True
    particles = lex["progress_particles"]
    for t in range(a, b):
        n = particles.match_at(words, t, e)
        if n and (t + n >= e or not words[t + n][:1].isalnum()):
            return True
    return False


_THRESHOLD_WORDS_AFTER = frozenset(
    {
        "needed",
        "required",
        "minimum",
        "threshold",
        "hurdle",
        "plus",
        "for",
        "to",
        "outright",
        "simple",
        "absolute",
    }
)
_NOBODY = frozenset({"no", "none", "neither", "nobody"})
# the words after a figure that can start a comparison
_COMPARISON_STARTS = frozenset(
    {
        "more",
        "fewer",
        "less",
        "shy",
        "seats",
        "votes",
        "points",
        "percentage",
        "times",
        "fold",
    }
)


def _margin_at(words: Sequence[str], fig: Figure, of: int, s: int, e: int) -> bool:
    """Whether the figure after "of" (token `of`) is a margin or the size of a
    majority: "by a margin of 30 points", "a lead of 1.8 million votes", "a
    majority of 174", "..., a majority of 174 seats" (not "won a majority of 176
    seats" nor "a majority of 52 percent")."""
    lex = _lex()
    if lex["margin_nouns"].match_ending(words, of, s):
        return True
    if fig.percent or not lex["majority_nouns"].match_ending(words, of, s):
        return False
    n = fig.end
    counted = n < e and (
        lex["seat_nouns"].match_at(words, n, e)
        or lex["vote_nouns"].match_at(words, n, e)
    )
    # an apposition: a comma before the majority's words ("a working majority")
    return not counted or "," in words[max(s, of - 4) : of - 1]


def _attributive_margin(words: Sequence[str], fig: Figure, e: int) -> bool:
    """Whether an attributive figure ("80-seat", "80 seat") measures a majority or
    margin: "Labour won an 80-seat majority", "a 12-point lead"."""
    t = fig.end + (fig.end < e and words[fig.end] == "-") + 1  # after its noun
    lex = _lex()
    return t < e and bool(
        lex["majority_nouns"].match_at(words, t, e)
        or lex["margin_nouns"].match_at(words, t, e)
    )


def _won_by(words: Sequence[str], fig: Figure, by: int, s: int, e: int) -> bool:
    """Whether a count after "by" (token `by`) is a winning margin: "Ruto beat
    Odinga by 233,211 votes", "won the seat by 1,200 votes", not "by 61 votes to
    40" (both tallies) nor a share ("rejected by 61.2 percent")."""
    if fig.percent:
        return False
    after = words[fig.end : min(e, fig.end + 3)]
    if "to" in after or "against" in after:
        return False
    lex = _lex()
    for t in range(by - 1, max(s, by - 6) - 1, -1):
        if words[t] in {",", ";", "and", "but", "while"}:
            return False
        if lex["defeat_verbs"].match_at(words, t, by) or lex["win_verbs"].match_at(
            words, t, by
        ):
            # "the seats were won by 12 independents": a passive's agent
            return t == s or words[t - 1] not in _PASSIVE_AUXILIARIES
    return False


_PASSIVE_AUXILIARIES = frozenset({"was", "were", "been", "is", "are", "being", "be"})


def _skip_reason_in_sentence(
    doc: Doc,
    words: Sequence[str],
    fig: Figure,
    s: int,
    e: int,
    sentence: _SentenceWords | None,
) -> str | None:
    """`skip_reason` for a figure in sentence words[s:e], whatever it counts."""
    lex = _lex()
    # the words right after and right before the figure ("" at the sentence's
    # edges), read once for the tests below
    n = fig.end
    nxt = words[n] if n < e else ""
    q = fig.qualifier_start
    prev = words[q - 1] if q > s else ""
    # comparisons: "eight more than", "18 shy of a majority", "eight fewer seats than"
    if nxt in _COMPARISON_STARTS:
        if nxt in {"more", "fewer", "less"} and n + 1 < e and words[n + 1] == "than":
            return "comparison"
        if nxt in {"fewer", "more", "less"} and n + 2 < e and words[n + 2] == "than":
            return "comparison"
        if n + 1 < e and nxt == "shy" and words[n + 1] == "of":
            return "comparison"
        if (
            n + 2 < e
            and nxt in {"seats", "votes", "points"}
            and words[n + 1] in {"more", "fewer", "ahead", "behind", "short"}
        ):
            return "comparison"
        if nxt in {"points", "percentage", "times", "fold"}:
            return "comparison"
        if fig.percent and nxt == "points":
            return "comparison"
    if nxt in {"majority", "supermajority"}:
        # "a two-thirds majority", "a 60 percent majority": the size of a majority,
        # not a share of the vote
        return "threshold"
    if fig.percent and words[n - 1] in {"point", "points"}:
        # "won by 30 percentage points", "fell 17 points": a difference of shares
        return "comparison"
    if prev == "of" and q - 2 >= s and _margin_at(words, fig, q - 1, s, e):
        return "margin"
    if prev == "by" and q - 2 >= s and _won_by(words, fig, q - 1, s, e):
        return "margin"
    if nxt in {"seat", "vote", "point"} and _attributive_margin(words, fig, e):
        return "margin"  # "an 80 seat majority", "a 1,200 vote majority"
    if (
        fig.percent
        and nxt == "of"
        and n + 2 < e
        and words[n + 1] in _GROUP_PRONOUNS
        and _breakdown_group_at(words, n + 2, e)
    ):
        # "2.1 million people, 61 percent of them women": a share of a group
        return "breakdown"
    if (
        prev in {"from", "previous"}
        and q - 1 > s
        and lex["previous_value_cues"].match_ending(words, q, s)
    ):
        # "206 seats, up from 153", "fell to 11.2% from 14.8%": the earlier value
        # ("up from its preliminary figure of 43 percent" is not directly after)
        return "previous election"
    if prev == ":" and q - 3 >= s and _bracket_label_is_past(words, q - 1, s):
        # "Erdogan took 49.5% (2018: 52.6%)", "(previous: 57.5%)", "(2018
        # election: 52.6%)": the figure of the earlier election labelled
        return "previous election"
    # (one set test rules out both checks below for most figures)
    if prev in _cue_ends_before_figure():
        c = q - 1 if q - 1 > s and prev == "the" else q
        if (
            c - 1 > s
            and words[c - 1] in lex["comparison_cues"].by_last
            and lex["comparison_cues"].match_ending(words, c, s)
            and _dated_by_year(words, fig.end, min(e, fig.end + 6))
        ):
            # "61.2%, compared with 73.1 percent in 2019": an earlier election's
            # figure
            return "previous election"
        if _seat_change(words, fig, s, e):
            return "change"
    if sentence is None:
        # (asked for a figure drafting did not judge: rare, see `draft_claims`)
        sentence = _SentenceWords(words, token_texts(doc)[0], s, e)
    # the figure's clause is found only for a sentence that holds a cue looked for
    # in it (fewer than half do)
    clause = None
    if sentence.poll_cue or sentence.past_election_cue or sentence.year_after_in:
        clause = ca, cb = _clause_of(sentence, fig, s, e)
        # polls: an opinion poll in the figure's own clause (quick counts are
        # results)
        if sentence.poll_cue and _opinion_poll_in(words, ca, cb):
            return "opinion poll"
        # previous elections
        pe = -1
        if sentence.past_election_cue:
            pe = find_phrase(
                lex["past_election_cues"],
                words,
                max(ca, fig.start - 8),
                min(cb, fig.end + 8),
            )
        if pe < 0 and sentence.year_after_in and _past_year_in(doc, words, ca, cb):
            pe = ca  # "the 53 percent won by her mentor in 2018"
        if pe >= 0:
            return "previous election"
    # counting progress: "99.99% of ballots had been counted", "with 86% of precincts
    # reporting"
    if fig.percent:
        k = fig.end
        if k < e and words[k] == "of":
            k += 1
            while k < e and words[k] in {
                "the",
                "all",
                "its",
                "electronic",
                "voting",
                "polling",
                "counted",
            }:
                if lex["progress_nouns"].match_at(words, k, e):
                    break
                k += 1
            pn = lex["progress_nouns"].match_at(words, k, e)
            if pn and words[k] not in {
                "ballots",
                "votes",
                "vote",
                "the",
                "results",
                "returns",
            }:
                return "counting progress"  # "86 percent of voting districts"
            if pn and not _won_share(words, fig, s):
                window_end = min(e, k + pn + 5)
                if _progress_verb_in(words, k + pn, window_end, e):
                    return "counting progress"
                # the count's verb before the share: "after counting 99.9 percent of
                # ballots", "officials have counted 95 percent of ballots"
                if lex["progress_lead_verbs"].match_ending(
                    words, fig.qualifier_start, s
                ):
                    return "counting progress"
        # "with 86% reporting", "86% counted"
        if k < e and words[k] in {"counted", "reporting", "tallied", "processed"}:
            return "counting progress"
    # thresholds: cue in the stretch of clause before the figure, unless a named
    # subject "cleared"/"fell short of" it (those are bounds on that subject's share)
    if not sentence.threshold_cue:
        return None  # no threshold cue in the sentence
    ca, _ = clause or _clause_of(sentence, fig, s, e)
    qs = fig.qualifier_start
    window_start = max(s, ca, qs - 6)
    for t in range(qs - 1, window_start - 1, -1):
        if words[t] in {"as", "and", "after", "but", "while"}:
            window_start = t + 1
            break
        # "set for a majority with 293 seats": "with" gives the subject its own
        # figure, unless a requirement governs it ("needs to win with over 50%")
        if words[t] == "with" and not has_phrase(
            lex["threshold_needs"], words, window_start, t
        ):
            window_start = t + 1
            break
    # a crossing verb ending at the qualifier or starting anywhere before it
    crossing = lex["crossing_verbs"].match_ending(
        words, qs, window_start
    ) or has_phrase(lex["crossing_verbs"], words, window_start, qs)
    th = find_phrase(lex["threshold_cues"], words, window_start, qs)
    if th >= 0 and not crossing:
        return "threshold"
    after_end = min(e, fig.end + 8)
    for t in range(fig.end, after_end):
        if words[t] in _ENDS_THRESHOLD_LOOK_AHEAD:
            # "won with 48.4 percent but fell short of the majority needed"
            break
        # a threshold cue starting with one of these words ("mark" is not one)
        if words[t] in _THRESHOLD_WORDS_AFTER and lex["threshold_cues"].match_at(
            words, t, after_end
        ):
            if words[t] == "for" and not (
                t + 2 < e and words[t + 1] == "a" and words[t + 2] == "majority"
            ):
                continue
            if words[t] == "to" and not (
                t + 1 < e and words[t + 1] in {"win", "govern", "form", "be", "pass"}
            ):
                continue
            return "threshold"
    if crossing and th >= 0:
        # generic threshold statements: "no contender reached the 40 per cent line"
        if not _NOBODY.isdisjoint(words[window_start:qs]):
            return "threshold"
    return None


_ENDS_THRESHOLD_LOOK_AHEAD = frozenset(
    {",", ";", "—", "but", "while", "whereas", "although", "though"}
)


_SEATISH = frozenset(
    {
        "seat",
        "seats",
        "places",
        "elected",
        "won",
        "win",
        "secured",
        "took",
        "captured",
        "returned",
        "mps",
        "lawmakers",
    }
)


def _seat_context(words: Sequence[str], s: int, e: int) -> bool:
    return not _SEATISH.isdisjoint(words[s:e])


def _has_turnout_word(words: Sequence[str], s: int, e: int) -> bool:
    return has_phrase(_lex()["turnout_words"], words, s, e)


def _turnout_complement(words: Sequence[str], fig: Figure, s: int) -> bool:
    """Whether the figure is what a turnout word states: "turnout was 3,118,902",
    "voter turnout stood at about 3.1 million", "a turnout of 2.4 million". Such a
    figure is a turnout whatever noun it or its total has ("Turnout was 3.1 million
    voters, of an electorate of 5.6 million"). Asked only of a sentence holding a
    turnout word."""
    lex = _lex()
    q = fig.qualifier_start
    n = lex["turnout_copulas"].match_ending(words, q, s)
    return n > 0 and lex["turnout_words"].match_ending(words, q - n, s) > 0


# what keeps a turnout verb right after a count from stating a turnout: "12 voted
# against", "voted for the president", "voted to approve", "in favour"
_VOTED_ON = frozenset({"for", "against", "to"})


def _votes_directly(words: Sequence[str], fig: Figure, e: int) -> bool:
    """Whether a turnout verb follows the count directly, as its predicate: "Some
    30.5 million voted", "2.1 million turned out", "25.6 million had cast their
    ballots". Not "voted for X" or "voted against" (how they voted), nor the noun
    of "a 30,000 vote margin"."""
    t = fig.end
    if t >= e or words[t] == "vote":
        return False
    n = _lex()["turnout_verbs"].match_at(words, t, e) or _lex()[
        "partitive_cast_phrases"
    ].match_at(words, t, e)
    if not n:
        return False
    t += n
    if t < e and words[t] in _VOTED_ON:
        return False
    return not (t + 1 < e and words[t] == "in" and words[t + 1] in _FAVOUR)


# the nouns whose count a level verb gives a bare figure after it (a count of seats
# is what a bare figure is read as anyway in most articles)
_LEVEL_NOUN_CLASSES = ("vote_nouns", "voter_nouns")


def _noun_before_level_verb(
    words: Sequence[str], fig: Figure, s: int
) -> tuple[str, int, int] | None:
    """The noun a count gives the level of from before its verb: "Blank and null
    votes totalled 5.7 million", "Registered voters numbered 61 million", "the
    number of valid ballots was 28.9 million": (class, start, end), or None."""
    lex = _lex()
    q = fig.qualifier_start
    n = lex["count_level_verbs"].match_ending(words, q, s)
    if not n:
        return None
    for cls in _LEVEL_NOUN_CLASSES:
        m = lex[cls].match_ending(words, q - n, s)
        if m:
            start = q - n - m
            if start > s and words[start - 1] in _OWNERS:
                return None  # "His votes totalled 60.3 million": a party's votes
            return cls, start, q - n
    return None


_OWNERS = frozenset({"his", "her", "their", "its", "'s", "’s"})


# "N percent of the seats" unless the stretch after "of" speaks of votes
_SHARE_OF_SEATS = frozenset(
    {"seats", "seat", "parliament", "chamber", "assembly", "legislature"}
)
_SHARE_OF_VOTES = frozenset({"vote", "votes", "ballots"})


def _voted_share(words: Sequence[str], t: int, s: int, q: int, e: int) -> bool:
    """Whether "N percent of them/whom" (the pronoun ending at token t) is
    followed by a turnout verb ("voted", "turned out", "cast their ballots", not
    "voted for X") and an electorate was named before the figure (token q):
    registered or eligible people, voters, the electorate."""
    lex = _lex()
    while t < e and words[t] in {"had", "have", "actually", "did", "then"}:
        t += 1
    n = lex["turnout_verbs"].match_at(words, t, e)
    if not n or (t + n < e and words[t + n] in {"for", "against", "in", "to"}):
        return False
    return has_phrase(lex["eligible_cues"], words, s, q) or has_phrase(
        lex["voter_nouns"], words, s, q
    )


def kind_and_unit(
    doc: Doc,
    words: Sequence[str],
    fig: Figure,
    sent: tuple[int, int],
    noun: tuple[str | None, int, int],
    has_subject: bool,
    context_unit: str | None,
    *,
    sentence: _SentenceWords | None = None,
) -> tuple[str, str] | None:
    """The claim kind and unit of a figure, or None when it cannot be told.

    Drafting passes the sentence's `_SentenceWords`: a sentence with no turnout word
    is not searched for one."""
    lex = _lex()
    s, e = sent
    cls, ns, ne = noun
    turnout_word = sentence is None or sentence.turnout_word
    if fig.percent:
        # "turnout ... 41 percent", "40 percent of eligible voters cast their ballots"
        if turnout_word and _has_turnout_word(words, s, fig.start):
            return "turnout", "percent"
        k = fig.end
        if k < e and words[k] == "of":
            # set tests of the stretch's words, not any() of generators: most
            # percentages are followed by "of"
            look = words[k : min(e, k + 7)]
            if not _SHARE_OF_SEATS.isdisjoint(look) and _SHARE_OF_VOTES.isdisjoint(
                look
            ):
                return "seats", "percent"
            if has_phrase(lex["voter_nouns"], words, k, min(e, k + 8)) or has_phrase(
                lex["eligible_cues"], words, k, min(e, k + 8)
            ):
                if has_phrase(lex["turnout_verbs"], words, k, e):
                    return "turnout", "percent"
            if (
                k + 2 < e
                and words[k + 1] in _GROUP_PRONOUNS
                and _voted_share(words, k + 2, s, fig.start, e)
            ):
                # "5.6 million people were registered, and 61 percent of them
                # voted": a turnout of the electorate named before
                return "turnout", "percent"
        if fig.fraction and k < e and words[k] != "of":
            # a ratio's own noun: "1 in 3 seats", "one in three eligible voters
            # cast a ballot"
            if words[k] in _SHARE_OF_SEATS:
                return "seats", "percent"
            n = lex["voter_nouns"].match_at(words, k, e) or lex[
                "people_nouns"
            ].match_at(words, k, e)
            t = k + n
            m = lex["turnout_verbs"].match_at(words, t, e) if n else 0
            after = tuple(words[t + m : t + m + 2]) if m else ()
            if m and not (
                after[:1] in {("for",), ("against",)}
                or after in {("in", "favour"), ("in", "favor")}
            ):
                return "turnout", "percent"
        if turnout_word and _has_turnout_word(words, fig.end, min(e, fig.end + 4)):
            return "turnout", "percent"
        return "votes", "percent"
    unit = _UNIT_OF_CLASS.get(cls)  # (None for no class)
    if cls in {"subject_nouns", "member_nouns"}:
        if _seat_context(words, s, e) or cls == "member_nouns":
            return "seats", "seats"
        return None
    if fig.attributive:
        # "the 290-member parliament", "the 329-seat chamber"
        nxt = (
            words[fig.end + 1]
            if fig.end + 1 < e
            else (words[fig.end] if fig.end < e else "")
        )
        if nxt in {"seat", "member", "seats", "members", "strong"} or (
            fig.end < e and words[fig.end] in {"seat", "member"}
        ):
            return "seats_total", "seats"
        return None
    if unit is None:
        if cls is None and _votes_directly(words, fig, e):
            # "Some 30.5 million voted": those who voted, counted as people
            return "turnout", "people"
        unit = context_unit
        if unit is None:
            return None
    if unit == "seats":
        if has_subject:
            return "seats", "seats"
        return "seats_total", "seats"
    if unit == "votes":
        # (the stretch around the figure is bounded only here, its one use)
        window_start = max(s, fig.start - 6)
        window_end = min(e, (ne or fig.end) + 8)
        if has_phrase(lex["invalid_cues"], words, window_start, window_end):
            return "other_count", "votes"
        if has_subject and _cast_count(words, fig, noun, s, e):
            return "turnout", "votes"
        if has_subject:
            return "votes", "votes"
        return "turnout", "votes"
    if unit in {"voters", "people"}:
        if cls == "people_nouns" and lex["candidate_nouns"].match_at(words, ns, e):
            # "5,121 candidates registered to run": those standing, not voters
            return "other_count", "people"
        if turnout_word and _turnout_complement(words, fig, s):
            return "turnout", unit  # "turnout was 3.1 million voters, of an electorate"
        if _votes_directly(words, fig, e):
            # "Some 30.5 million voted out of 61 million eligible voters": the noun
            # is the total's (guidelines), the figure those who voted
            return "turnout", unit
        # (an eligibility cue in an apposition right after the figure's noun is
        # the apposition's: "8.5 million people, or 71 percent of registered
        # voters, cast ballots")
        # (a noun before the figure and its comma is its opening total's: "Of the
        # 38.6 million registered voters, 25.6 million voted" reads on after the
        # figure; not "an electorate of 5.6 million")
        before = cls is not None and ne < fig.start and words[ne] == ","
        end = fig.end if before else (ne or fig.end)
        eligible_end = min(e, end + 6)
        for t in range(end, eligible_end - 1):
            if (words[t] == "out" and words[t + 1] == "of") or (
                words[t] == "of" and is_numeral(token_facts(doc), t + 1)
            ):
                # "3.1 million people voted out of 5.2 million registered": the
                # cue after a total is the total's
                eligible_end = t
                break
        predicate = end
        if end < e and words[end] == ",":
            eligible_end = end
            predicate = _after_apposition(words, end, e)
        eligible = has_phrase(
            lex["eligible_cues"], words, max(s, fig.start - 3), eligible_end
        ) or has_phrase(lex["eligible_cues"], words, predicate, min(e, predicate + 4))
        turnout_verb = has_phrase(
            lex["turnout_verbs"], words, end, min(e, end + 10)
        ) or has_phrase(lex["turnout_verbs"], words, predicate, min(e, predicate + 4))
        if eligible and not (
            turnout_verb
            and cls is not None
            and (before or _partitive_subject(words, fig, e))
        ):
            return "other_count", "voters"
        if turnout_word and _turnout_electorate(words, fig, s):
            return "other_count", unit  # "turnout among the 1.7 million Turks abroad"
        if turnout_verb:
            return "turnout", unit
        if turnout_word and _has_turnout_word(words, s, e) and unit == "voters":
            return "turnout", unit
        return "other_count", unit
    return None


_CAST_AUXILIARIES = frozenset(
    {"were", "was", "had", "have", "has", "been", "being", "so", "far", "already"}
)
_CAST_FOR = frozenset({"for", "against", "to", "by"})
_FAVOUR = frozenset({"favour", "favor"})
_CLAUSE_BACK_STOPS = frozenset({",", ";", "—", "and", "while", "but", "("})


@lru_cache(maxsize=1)
def _single_win_verbs() -> frozenset[str]:
    """The one-word win verbs, less the prepositions ("with 3.2 million ballots
    cast" is no win)."""
    listed = load_json("claims.json")["win_verbs"]
    return frozenset(v for v in listed if " " not in v) - _PREPOSITION_WIN_VERBS


def _cast_count(
    words: Sequence[str],
    fig: Figure,
    noun: tuple[str | None, int, int],
    s: int,
    e: int,
) -> bool:
    """Whether a count of votes is the ballots cast or counted, a turnout
    (guidelines), though a phrase before it looks like a subject: "Turnout was 72
    percent, with 3.2 million ballots cast", "with 8.4 million votes counted".
    Votes cast for someone ("7.1 million votes cast in his favour") and a count a
    verb of winning gives ("Ruto received 7.1 million votes cast") stay votes."""
    cls, ns, ne = noun
    if cls != "vote_nouns" or ns != fig.end:
        return False
    t = ne
    while t < e and t < ne + 4 and words[t] in _CAST_AUXILIARIES:
        t += 1
    if t >= e or words[t] not in _turnout_data()[4]:
        return False
    t += 1
    if t < e and (
        words[t] in _CAST_FOR
        or (words[t] == "in" and not _FAVOUR.isdisjoint(words[t + 1 : t + 4]))
    ):
        return False
    wins = _single_win_verbs()
    for b in range(fig.qualifier_start - 1, max(s, fig.qualifier_start - 8) - 1, -1):
        if words[b] in _CLAUSE_BACK_STOPS:
            break
        if words[b] in wins:
            return False
    return True


def _after_apposition(words: Sequence[str], k: int, e: int) -> int:
    """Where the clause goes on after an apposition opening with the comma at token
    k ("8.5 million people, or 71 percent of registered voters, cast ballots"): the
    token after its closing comma, or k when none closes it within 12 tokens."""
    for t in range(k + 1, min(e, k + 13)):
        if words[t] == ",":
            return t + 1
    return k


def _partitive_subject(words: Sequence[str], fig: Figure, e: int) -> bool:
    return fig.end < e and words[fig.end] in {"of", "out"}


_GIVE_TO = (
    "went to",
    "go to",
    "goes to",
    "going to",
    "fell to",
    "falls to",
    "to",
    "for",
    "won by",
    "taken by",
    "grabbed by",
    "secured by",
    "captured by",
    "held by",
    "claimed by",
    "cast for",
    "were won by",
    "was won by",
    "were taken by",
    "were captured by",
    "by",
)


def _backed(
    doc: Doc, words: Sequence[str], cls: str | None, k: int, e: int
) -> Span | None:
    """The phrase after a backing verb that follows a share's voters ("1 in 3
    voters backed the Greens", "33 percent of voters backed X", "41 percent of
    them voted for X"), or None."""
    lex = _lex()
    if cls not in {"voter_nouns", "people_nouns"}:
        if words[k] != "of" or k + 1 >= e:
            return None
        n = lex["voter_nouns"].match_at(words, k + 1, e)
        if not n and words[k + 1] in {"those", "respondents"}:
            n = 1
        if not n:
            return None
        k += 1 + n
    n = lex["backing_verbs"].match_at(words, k, e)
    if not n:
        return None
    span = np_forward(doc, words, k + n, e)
    facts = token_facts(doc)
    if span and not any(
        is_numeral(facts, t) and not number_in_name(facts, words, t)
        for t in range(*span)
    ):
        return span
    return None


# ("of" after a member noun opening no group: "12 MPs of its own", "of whom")
_MEMBER_OF_STOPS = frozenset(
    {"its", "their", "his", "her", "whom", "them", "those", "these", "which", "all"}
)


def find_subject(
    doc: Doc,
    words: Sequence[str],
    fig: Figure,
    sent: tuple[int, int],
    noun: tuple[str | None, int, int],
    kind: str,
    figures: Sequence[Figure],
    *,
    sentence: _SentenceWords | None = None,
) -> Span | None:
    """Who a seats or votes figure belongs to (token span), or None.

    Drafting passes the sentence's `_SentenceWords`: a sentence with no give-verb
    is not searched for one."""
    lex = _lex()
    facts = token_facts(doc)
    s, e = sent
    cls, ns, ne = noun
    after = ne if cls and ne > fig.end else fig.end
    # the figure's own noun is the subject: "83 reformists", "92 of the 102
    # independents"
    if cls == "subject_nouns":
        span = np_forward(doc, words, ns, e)
        return span
    if (
        cls == "member_nouns"
        and ne + 1 < e
        and words[ne] == "of"
        and lex["member_list_joiners"].match_ending(words, fig.qualifier_start, s)
    ):
        # "83 reformists ..., along with five representatives of religious
        # minorities": in a list of counts, the members of a group named after
        # them are the figure's own (not "12 deputies of the 290", "of its own")
        rest = np_forward(doc, words, ne + 1, e)
        if (
            rest is not None
            and words[ne + 1] not in _MEMBER_OF_STOPS
            and not any(is_numeral(facts, t) for t in range(*rest))
        ):
            return (ns, rest[1])
    # handed over after the figure: "33 went to X", "11 million ballots for X",
    # "32 were won by X", "the 124 seats grabbed by the rivals", "55 percent of
    # them went to X"
    k = after
    if k + 1 < e and words[k] == "of" and words[k + 1] in _SHARED_PRONOUNS:
        k += 2
        if k + 1 < e and words[k] == "voted" and words[k + 1] == "for":
            k += 1  # "61 percent of them voted for X"
    while k < e and words[k] in {
        "were",
        "was",
        "have",
        "has",
        "been",
        "had",
        "are",
        "is",
        "being",
        "also",
        "then",
    }:
        k += 1
    passive_by = lex["passive_by"]
    # (a word that opens no passive phrase asks no match)
    n = (
        passive_by.match_at(words, k, e)
        if k < e and words[k] in passive_by.by_first
        else 0
    )
    if not n and k < e and words[k] in {"to", "for", "by"}:
        n = 1
        if words[k] == "by" and k == after:
            n = 0  # "grew by 5": not an agent
        if words[k] == "to" and not _sentence_hands_over(words, s, e):
            n = 0
    if n:
        span = np_forward(doc, words, k + n, e)
        if span and not any(
            is_numeral(facts, t) and not number_in_name(facts, words, t)
            for t in range(*span)
        ):
            return span
    # "1 in 3 voters backed X", "33 percent of voters backed X": a share of the
    # voters backing X is X's
    if fig.percent and kind == "votes" and after < e:
        span = _backed(doc, words, cls, after, e)
        if span:
            return span
    # "the 124 their rivals would have": a phrase after the figure with its own verb
    if (
        after < e
        and words[fig.qualifier_start - 1 if fig.qualifier_start > s else s] == "the"
    ):
        span = np_forward(doc, words, after, e)
        if (
            span
            and span[1] < e
            and words[span[1]]
            in {
                "would",
                "will",
                "could",
                "have",
                "had",
                "has",
                "hold",
                "held",
                "won",
                "took",
            }
        ):
            return span
    # before the figure
    q = fig.qualifier_start
    k = q
    if q - 3 >= s and words[q - 1] == ":":
        # "Labour won 33.7% (Conservatives: 23.7%)": the label's
        span = _bracket_label_subject(doc, words, q, s)
        if span:
            return span
    # "X gained 12 seats, bringing its total to 87", "added four seats to reach 19"
    if q - 1 > s and words[q - 1] in lex["total_after_gain"].by_last:
        span = _gainer(doc, words, q, s, figures)
        if span:
            return span
    # "X and Y both fell short of 50%": the crossing verb is the qualifier itself
    if q < fig.start and lex["crossing_verbs"].match_at(words, q, fig.start):
        span = subject_before(doc, words, q, s)
        if span:
            return span
    # "the 30 top winners": a determiner belongs to the figure
    while (
        k - 1 >= s
        and words[k - 1]
        in {
            "the",
            "a",
            "an",
            "all",
            "only",
            "just",
            "its",
            "their",
            "record",
            "total",
            "of",
            "respectively",
        }
        and not (words[k - 1] == "of" and k - 2 >= s and facts.like_num[k - 2])
    ):
        if words[k - 1] == "of":
            break
        k -= 1
    # "X with N", "X on N" (gapped), "X at N"
    if k - 1 >= s and words[k - 1] in {"with", "on", "at"}:
        w = k - 1
        # "X has been elected president of Iran with 53.3%", "X's election ... with N"
        for t in range(w - 1, max(s, w - 16) - 1, -1):
            if words[t] not in _WITH_LOOK_WORDS:
                continue  # (most words: none of the tests below)
            if (
                words[t] in {",", ";", "—"}
                and t < w - 1
                and words[t + 1] not in {"the", "a"}
            ):
                break
            if words[t] in {"declared", "proclaimed", "named"}:
                # "the commission declared Ruto the winner with 50.49%": the
                # verb's object is the winner
                span = _declared_winner(doc, words, t, w)
                if span:
                    return span
            if words[t] in {"elected", "re-elected", "reelected", "declared", "sworn"}:
                span = subject_before(doc, words, t, s)
                if span:
                    return span
            if (
                words[t] in {"election", "re-election", "victory", "win"}
                and t - 1 >= s
                and words[t - 1] in {"'s", "’s"}
            ):
                span = np_backward(doc, words, t - 1, s)
                if span:
                    return span
        # "was third with", "came second with", "finished fourth with"
        j = w
        while j - 1 >= s and words[j - 1] in {
            "third",
            "second",
            "first",
            "fourth",
            "fifth",
            "last",
            "place",
            "runner-up",
            "was",
            "came",
            "finished",
            "ended",
            "is",
            "up",
            "elected",
            "been",
            "had",
            "has",
            "have",
            "winner",
            "the",
            "president",
            "re",
            "-",
            "declared",
            "in",  # "came in second at 24%"
            "trailed",
            "trails",
            "trailing",
            "stood",
        }:
            j -= 1
        # "The Greens left with 16 seats", "came away with"
        j -= lex["with_result_verbs"].match_ending(words, j, s)
        span = subject_before(doc, words, j, s)
        if span:
            # "Labour won a landslide with 412 seats", "Lula beat Bolsonaro with
            # 50.9%": the phrase is the object of a verb whose subject has the figure
            obj = span[0]
            if obj - 1 > s and words[obj - 1] in {"in", "across", "on"}:
                # "topped the poll in Berlin with 21%", "won in Berlin with 21%":
                # the place is not the object
                before = np_backward(doc, words, obj - 1, s)
                obj = before[0] if before else obj - 1
            if obj - 1 > s and words[obj - 1] == "for":
                # "is set for a majority with 293 seats", "headed for victory
                # with": the phrase is a goal; the clause's subject has the figure
                v = obj - 1
                while v - 1 > s and words[v - 1] in _GOAL_PREDICATE:
                    v -= 1
                subject = subject_before(doc, words, v, s)
                if subject:
                    return subject
            if (
                obj - 1 > s
                and words[obj - 1] in {"had", "has", "have"}
                and facts.texts[obj][:1].isupper()
            ):
                # "A quick count had Prabowo on 58.1%": the name is the figure's
                return span
            return _object_verb_subject(doc, words, obj, s) or span
    # give-verbs put the subject between verb and figure: "would give reformists 128"
    give_verbs = lex["give_verbs"]
    if (sentence is None or sentence.give_verb) and has_phrase(
        give_verbs, words, max(s, k - 6), k
    ):
        for t in range(max(s, k - 6), k):
            gv = give_verbs.match_at(words, t, k)
            if gv:
                span = np_backward(doc, words, k, t + gv)
                if span and span[0] >= t + gv:
                    return span
    # a win-verb just before the figure: "the conservatives won 21 seats"
    j = k
    verb_end = None
    win_verbs = lex["win_verbs"]
    verb_last_words = win_verbs.by_last
    like_num = facts.like_num
    for t in range(k - 1, max(s, k - 5) - 1, -1):
        w = words[t]  # (read once for the tests below)
        n = win_verbs.match_ending(words, t + 1, s) if w in verb_last_words else 0
        if n and not (n == 1 and w in {"on", "at", "with"}):
            verb_end = t + 1
            j = t + 1 - n
            break
        # "Pezeshkian received 10.4 million and Jalili 9.4 million": the verb of
        # an earlier figure does not reach past the coordination (or its number:
        # `is_numeral` written out, asked of every word of the look)
        if w in {",", ";", ".", "and", "while", "but"} or (
            like_num[t] and not facts.texts[t].isalpha()
        ):
            break
    if verb_end is not None:
        span = subject_before(doc, words, j, s)
        if span:
            return span
    # "Labour's total reached 412 seats": a possessor's tally states its level
    levels = lex["share_level_verbs"]
    n = (
        levels.match_ending(words, k, s)
        if k > s and words[k - 1] in levels.by_last
        else 0
    )
    if n:
        span = subject_before(doc, words, k - n, s)
        owner = _share_owner(doc, words, span, s) if span else None
        if owner is not None and owner != span and not _reporting_body(words, owner):
            return span
    # in apposition to the object of a win verb: "Fidesz won a two-thirds
    # majority, 135 of 199 seats", "won a landslide, 52% of the vote"
    if k - 2 >= s and words[k - 1] == ",":
        span = np_backward(doc, words, k - 1, s)
        if span and not _RESULT_OBJECTS.isdisjoint(words[span[0] : span[1]]):
            subject = _object_verb_subject(doc, words, span[0], s)
            if subject:
                return subject
    # gapping: "..., and the KDP 31", "Kilicdaroglu 45%", "Jalili 9.4 million"
    possessive = k - 1 >= s and words[k - 1] in {"'", "’", "'s", "’s"}
    if (
        k - 1 >= s
        and not facts.punct[k - 1]
        or (k - 1 >= s and words[k - 1] in {")", "'", "’"})
    ):
        span = np_backward(doc, words, k, s)
        if span and words[span[0]] in _OPENING_BRACKETS:
            # "25.7% (2017: 20.5%) and 206 seats": a bracketed aside is no name
            span = None
        if span and (
            possessive
            or span[0] == s
            or words[span[0] - 1] in {",", "and", "while", ";", "but", "—", ":"}
            or facts.punct[span[0] - 1]
        ):
            if not facts.punct[span[1] - 1] or words[span[1] - 1] in {")", "'", "’"}:
                return span
    return None


_POSSESSIVE_WORDS = frozenset({"'s", "’s", "'", "’"})
# the words find_subject's look back from a "with" before a figure stops at
_WITH_LOOK_WORDS = frozenset(
    {",", ";", "—", "declared", "proclaimed", "named", "elected", "re-elected"}
    | {"reelected", "sworn", "election", "re-election", "victory", "win"}
)


@lru_cache(maxsize=1)
def _body_and_media_heads() -> frozenset[str]:
    data = load_json("attribution.json")
    return frozenset(data["body_heads"]) | frozenset(data["media_heads"])


def _reporting_body(words: Sequence[str], span: Span) -> bool:
    """Whether the phrase ends in the head of an official body or outlet (the
    attribution lists): "the commission's total" is a count it gives, not its
    own."""
    return words[span[1] - 1] in _body_and_media_heads()


def _changer(doc: Doc, words: Sequence[str], change: Figure, s: int) -> Span | None:
    """The subject of the verb right before a change's size: "The ANC fell 17
    percentage points to ...", "Support for the AfD rose 5.2 points to ..."; None
    when no change verb stands there."""
    q = change.qualifier_start
    if q > s and words[q - 1] == "by":
        q -= 1  # "rose by 3 points to 41 percent"
    n = _lex()["level_change_verbs"].match_ending(words, q, s) if q > s else 0
    return subject_before(doc, words, q - n, s) if n else None


def _share_owner(doc: Doc, words: Sequence[str], span: Span, s: int) -> Span:
    """The possessor when a subject phrase names a party's share rather than the
    party: "The ruling party's share", "Labour's vote share" -> the possessor; "the
    vote" of "the ANC's share of the vote" -> the ANC. Else the phrase itself."""
    a, b = span
    shares = _lex()["share_nouns"]
    for p in range(b - 2, a, -1):  # (a phrase mostly has no possessive)
        # (the share noun may run past a phrase cut before its last word:
        # "Fidesz's seat tally rose to 135" gives the phrase "Fidesz's seat")
        if words[p] in _POSSESSIVE_WORDS and shares.match_at(words, p + 1) >= b - (
            p + 1
        ):
            return (a, p)
    if a - 3 >= s and words[a - 1] == "of":
        n = shares.match_ending(words, a - 1, s)
        if n and a - 2 - n > s and words[a - 2 - n] in _POSSESSIVE_WORDS:
            owner = np_backward(doc, words, a - 2 - n, s)
            if owner is not None:
                return owner
    return span


def _gainer(
    doc: Doc, words: Sequence[str], q: int, s: int, figures: Sequence[Figure]
) -> Span | None:
    """Who has the total that a gain brought them to: the subject of the gain verb
    in "X gained 12 seats, bringing its total to 87" when the total's figure starts
    at token q, or None."""
    lex = _lex()
    n = lex["total_after_gain"].match_ending(words, q, s)
    if not n:
        return None
    c = q - n
    while c - 1 > s and words[c - 1] in _BETWEEN_GAIN_AND_TOTAL:
        c -= 1
    gain = next((f for f in figures if f.end == c), None)
    if gain is None:
        return None
    g = _gain_verb_start(words, gain.qualifier_start, s)
    return subject_before(doc, words, g, s) if g >= 0 else None


def _declared_winner(doc: Doc, words: Sequence[str], t: int, w: int) -> Span | None:
    """The object of "declared" at token t when a winner noun follows it before
    token w: "declared Ruto (the) winner", "named X president-elect"; else None."""
    nouns = [m for m in range(t + 2, w) if words[m] in _WINNER_NOUNS]
    # "declared Deputy President William Ruto the winner": the noun after "the"
    # or "as" is the winner noun; one without is part of the name
    m = next((m for m in nouns if words[m - 1] in {"the", "as"}), None)
    if m is not None:
        return np_forward(doc, words, t + 1, m - 1) if m - 1 > t + 1 else None
    if nouns:
        m = nouns[0]
        return np_forward(doc, words, t + 1, m)
    return None


_WINNER_NOUNS = frozenset(
    {"winner", "victor", "president", "president-elect", "mayor", "governor"}
)


def _object_verb_subject(
    doc: Doc, words: Sequence[str], obj: int, s: int
) -> Span | None:
    """The subject of the verb whose object starts at token `obj` ("Labour won a
    landslide", "Lula beat Bolsonaro"), or None when no such verb ends there."""
    verb = _object_verb_ending(words, obj, s)
    return subject_before(doc, words, obj - verb, s) if verb else None


def _object_verb_ending(words: Sequence[str], j: int, s: int) -> int:
    """The length of a verb ending just before token j that takes an object and
    gives its subject the figure after the object ("won a second term with 55%",
    "beat Bolsonaro with 50.9%"), or 0: a win verb that is not a preposition, or a
    defeat verb."""
    lex = _lex()
    if j - 1 < s or words[j - 1] in _PREPOSITION_WIN_VERBS:
        return 0
    # (each list asked only when the word ends one of its verbs)
    last = words[j - 1]
    wins, defeats = lex["win_verbs"], lex["defeat_verbs"]
    if last in wins.by_last:
        n = wins.match_ending(words, j, s)
        if n:
            return n
    if last in defeats.by_last:
        return defeats.match_ending(words, j, s)
    return 0


# what a win verb's object is when a figure stands in apposition to it
_RESULT_OBJECTS = frozenset(
    {"majority", "supermajority", "landslide", "victory", "win", "plurality", "term"}
)


# the words between a subject and "for" + its goal: "is set for", "was on course
# for", "appears headed for" (a majority, victory)
_GOAL_PREDICATE = frozenset(
    """set headed heading poised bound on course track en route looks looked
    appears appeared seems seemed""".split()
)


# the win verbs that are prepositions ("with 33%", "on 24 percent", "ahead")
_PREPOSITION_WIN_VERBS = frozenset({"with", "on", "at", "ahead"})


_HANDING_OVER = frozenset(
    {
        "went",
        "go",
        "goes",
        "going",
        "fell",
        "falls",
        "split",
        "divided",
        "distributed",
        "allocated",
    }
)


def _sentence_hands_over(words: Sequence[str], s: int, e: int) -> bool:
    """ "N to X" gives N to X only in a sentence that hands seats over ("went to")."""
    return not _HANDING_OVER.isdisjoint(words[s:e])


@lru_cache(maxsize=1)
def _turnout_data() -> tuple[frozenset[str], ...]:
    """(subject prepositions, comparison starts, election words after "of",
    election modifiers, cast verbs, electorate prepositions) of
    patterns/turnout.json."""
    data = load_json("turnout.json")
    return (
        frozenset(data["subject_prepositions"]),
        frozenset(data["comparison_starts"]),
        frozenset(data["of_election_words"]),
        frozenset(data["election_modifiers"]),
        frozenset(data["cast_verbs"]),
        frozenset(data["electorate_prepositions"]),
    )


_TURNOUT_HEADS = frozenset({"turnout", "participation", "turn-out"})
_ELECTORATE_DETERMINERS = frozenset({"the", "its", "their", "some", "an", "estimated"})


def _turnout_electorate(words: Sequence[str], fig: Figure, s: int) -> bool:
    """Whether the figure counts the electorate a turnout word is of: "Turnout
    among the 1.7 million Turks abroad was 49.4 percent" (the 1.7 million did not
    all vote)."""
    j = fig.qualifier_start - 1
    while j > s and words[j] in _ELECTORATE_DETERMINERS:
        j -= 1
    return j > s and words[j] in _turnout_data()[5] and words[j - 1] in _TURNOUT_HEADS


def turnout_subject(
    doc: Doc,
    words: Sequence[str],
    fig: Figure,
    sent: tuple[int, int],
    *,
    sentence: _SentenceWords | None = None,
) -> Span | None:
    """The election a turnout figure is about: "turnout in the parliamentary
    elections", "turnout across the seven phases of voting", "Parliamentary Election
    Turnout At 41%", "41 percent in the runoff". A phrase that compares ("the lowest
    turnout in any presidential election since 1979", "turnout at a record 88%")
    names no election. Drafting passes the sentence's `_SentenceWords`: the sentence
    is walked for the turnout words only when it holds one."""
    s, e = sent
    prepositions, comparisons, of_elections, modifiers, _, electorate = _turnout_data()
    # (a sentence with no turnout word has no "turnout in": not walked)
    for t in range(s, e) if sentence is None or sentence.turnout_word else ():
        if words[t] not in {"turnout", "participation"}:
            continue
        if t + 1 < e and words[t + 1] in prepositions:
            if t + 2 < e and words[t + 2] in comparisons:
                continue
            k = t + 2
            if words[t + 1] in electorate:
                # "turnout among the 1.7 million Turks abroad": the electorate,
                # without its count
                k = _past_count(doc, words, k, e)
            span = np_forward(doc, words, k, e)
            if span:
                b = span[1]
                if b + 1 < e and words[b] == "of" and words[b + 1] in of_elections:
                    span = (span[0], b + 2)  # "the seven phases of voting"
                return span
        # "Parliamentary Election Turnout", "the presidential runoff turnout"
        if t - 1 >= s and words[t - 1] in _ELECTION_NOUNS:
            a = t - 1
            while a - 1 >= s and words[a - 1] in modifiers:
                a -= 1
            return (a, t)
    return None


_BEFORE_COUNT = _ELECTORATE_DETERMINERS | {
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "over",
    "more",
    "than",
    "some",
}


def _past_count(doc: Doc, words: Sequence[str], k: int, e: int) -> int:
    """The token after a count opening a noun phrase at k ("the 1.7 million",
    "some 3,000"), or k when no number follows its determiners."""
    j = number_run_end(words, token_facts(doc).like_num, k, e, _BEFORE_COUNT)
    return k if j is None else j


def _turnout_subject_of(
    doc: Doc,
    words: Sequence[str],
    fig: Figure,
    sent: tuple[int, int],
    noun: tuple[str | None, int, int],
    denom: Figure | None,
    sentence: _SentenceWords | None,
) -> Span | None:
    """A turnout's subject, the election or the electorate (guidelines), in this
    order: a group's own turnout ("312 million women cast their ballots"); the
    election the turnout word names ("turnout in the runoff was 79.4% of the 156.4
    million Brazilians"); the electorate it is a share of ("turnout was 65.4 percent
    of the 22.1 million registered voters"); an election named after the figure
    ("40 percent ... cast their ballots in the first round"); what the figure
    counts ("642 million people voted", "16.2 million ballots were cast"). With
    none, the claim maker names the article's election."""
    cls, ns, _ = noun
    from_total = cls is not None and denom is not None and ns >= denom.end
    if cls == "people_nouns" and not from_total and words[ns] not in _WHOLE_ELECTORATE:
        # a group's turnout, not the total
        return noun_subject(doc, words, noun, sent)
    subject = turnout_subject(doc, words, fig, sent, sentence=sentence)
    if subject is None and from_total:
        subject = _named_electorate(doc, words, noun, sent)
    if subject is None:
        subject = election_after(doc, words, fig, sent)
    if subject is None and cls is not None and not from_total:
        subject = _named_electorate(doc, words, noun, sent)
    return subject


def _named_electorate(
    doc: Doc,
    words: Sequence[str],
    noun: tuple[str | None, int, int],
    sent: tuple[int, int],
) -> Span | None:
    """The counted noun phrase as a turnout's subject ("registered voters",
    "people voted"), unless it is a bare "people" or "voters": that names no
    electorate, and the article's election says more. A bare "ballots" or "votes"
    is the subject when a verb of casting or counting follows it ("16.2 million
    ballots were cast")."""
    span = noun_subject(doc, words, noun, sent)
    if span is None or span[1] - span[0] > 1:
        return span
    if words[span[0]] in _WHOLE_ELECTORATE:
        return None
    if noun[0] == "vote_nouns":
        b = span[1]
        cast = _turnout_data()[4]
        return span if not cast.isdisjoint(words[b : min(sent[1], b + 5)]) else None
    return span


def election_after(
    doc: Doc, words: Sequence[str], fig: Figure, sent: tuple[int, int]
) -> Span | None:
    """The election named after a turnout figure: "41 percent in the runoff",
    "cast their ballots in the first round"."""
    s, e = sent
    for t in range(fig.end, e):
        if (
            words[t] in {"in", "for"}
            and t + 1 < e
            and words[t + 1] in {"the", "last", "this", "sunday", "friday", "saturday"}
        ):
            span = np_forward(doc, words, t + 1, e)
            if span and not _ELECTION_NOUNS.isdisjoint(words[span[0] : span[1]]):
                return span
    return None


# (the word tests below and in drafting are set tests of a slice: one C-level pass,
# where any() of a generator costs a Python step a word)
_ELECTION_NOUNS = frozenset(
    {
        "election",
        "elections",
        "vote",
        "polls",
        "runoff",
        "round",
        "referendum",
        "ballot",
    }
)
_THRESHOLD_GAP_BREAKS = frozenset({"while", "but", ";", "won", "took"})
_NEGATIONS = frozenset({"not", "never", "n't", "failed"})
_COORDINATION_BREAKS = frozenset({"while", "but", ";"})


def noun_subject(
    doc: Doc,
    words: Sequence[str],
    noun: tuple[str | None, int, int],
    sent: tuple[int, int],
) -> Span | None:
    """For counts of people, voters or seats with no winner: the counted noun phrase."""
    cls, ns, ne = noun
    s, e = sent
    if not cls:
        return None
    facts = token_facts(doc)
    texts = facts.texts
    b = ne
    # "women elected", "candidates cleared", "people eligible to vote"; not a verb
    # that reads on ("voters turned out": the verb of the clause)
    if (
        b < e
        and texts[b].isalpha()
        and words[b].endswith("ed")
        and words[b] not in {"need", "needed"}
        and _lex()["turnout_verbs"].match_at(words, b, e) < 2
        # not the verb giving its count: "null votes totalled 5.7 million"
        and not _lex()["count_level_verbs"].match_at(words, b, e)
    ):
        b += 1
    if b < e and words[b] in _abroad_words():
        b += 1  # "Turks abroad", "Pakistanis overseas": a different electorate
    a = ns
    while (
        a - 1 >= s
        and texts[a - 1].isalpha()
        and texts[a - 1].islower()
        and words[a - 1] not in _NOT_MODIFIERS
        and not facts.like_num[a - 1]
        and words[a - 1]
        not in {
            "the",
            "a",
            "an",
            "some",
            "about",
            "around",
            "over",
            "than",
            "nearly",
            "least",
            "all",
        }
    ):
        a -= 1
    return (a, b)


@lru_cache(maxsize=1)
def _abroad_words() -> frozenset[str]:
    return frozenset(load_json("claims.json")["electorate_abroad"])


def chamber_subject(
    doc: Doc, words: Sequence[str], fig: Figure, sent: tuple[int, int]
) -> Span | None:
    """The chamber of a seats_total figure: "the 290-member parliament" ->
    parliament."""
    s, e = sent
    lex = _lex()
    start = fig.end
    if start < e and words[start] == "-":
        start += 2
    elif fig.attributive:
        start += 1
    chambers = lex["chamber_nouns"]
    for t in range(start, min(e, start + 6)):
        # (a word that opens no chamber noun asks no match)
        n = chambers.match_at(words, t, e) if words[t] in chambers.by_first else 0
        if n:
            # keep a name that follows: "Assembly of Experts", "National Assembly"
            span = np_forward(doc, words, t, e)
            return span or (t, t + n)
        if words[t] in {",", ";", "."}:
            break
    return None


def draft_claims(
    doc: Doc,
    words: Sequence[str],
    sent: tuple[int, int],
    figures: Sequence[Figure],
    context: SentenceContext,
) -> list[Draft]:
    """The claim drafts of one sentence, in figure order."""
    s, e = sent
    drafts: list[Draft] = []
    # "Of the 68 seats ..., 33 went to ..." : a sentence-initial denominator
    opening_total: Figure | None = None
    opening_noun: tuple[str | None, int, int] = (None, 0, 0)
    k = s
    texts, _ = token_texts(doc)
    subject_starts = span_starts(doc, "subjects")  # (for the counted nouns)
    while k < e and texts[k].isspace():
        k += 1
    # ("of" or "out of": one set test of the first word, most sentences no match)
    openers = _lex()["opening_partitives"]
    opener = (
        openers.match_at(words, k, e) if k < e and words[k] in openers.by_first else 0
    )
    if opener:
        k += opener - 1  # (at the opener's last word, "of")
        for f in figures:
            if f.start <= k + 4 and f.start > k:
                opening_total = f
                opening_noun = _counted_noun_in(words, texts, subject_starts, f.end, e)
                break
    declared_here: float | int | None = None
    # the sentence's cue words, found once for all its figures (skip reasons) and for
    # the tests below that rule out a search the sentence has no word for. Not kept
    # in the Doc: the status pass asks the skip reasons again, but those are kept
    # (`skip_reason`), and a figure drafting did not judge is rare (~1 in 4 articles)
    sentence = _SentenceWords(words, texts, s, e)
    respective = (
        respectively_subjects(doc, words, sent, figures)
        if sentence.respectively
        else None
    )
    last_skip: tuple[str, Figure] | None = None
    change: tuple[Figure, int] | None = None  # a change, where its "to" ends
    prev_unit = context.unit or context.default_unit
    prev_subject: Span | None = None
    # only a figure followed by "of", "out (of)" or "from" can have one: the others
    # (most) are not asked. (Plain loops here and below, not comprehensions: a
    # sentence has one or two figures and drafts, for which building the
    # comprehension's function costs more than its loop.)
    partitive_totals: list[Figure | None] = []
    used_as_denominator: set[int] | frozenset[int] = _NO_IDS  # (a set made if needed)
    attributives: list[Figure] = []  # (most sentences have none)
    noun_firsts = _partitive_noun_firsts()
    for fig in figures:
        denom = None
        if fig.end < e and words[fig.end] in _PARTITIVE_STARTS:
            denom = partitive_total(doc, words, fig, figures, e)
        elif fig.end < e and not fig.percent and words[fig.end] in noun_firsts:
            at = _partitive_after_noun(words, fig, e)
            if at is not None:
                denom = partitive_total(doc, words, fig, figures, e, at)
        if denom is not None:
            used_as_denominator = {*used_as_denominator, id(denom)}
        partitive_totals.append(denom)
        if fig.attributive:
            attributives.append(fig)
    for fig, denom in zip(figures, partitive_totals, strict=True):
        if fig is opening_total or (
            used_as_denominator and id(fig) in used_as_denominator
        ):
            # a denominator: a claim of its own only for votes and voters (below)
            continue
        # (after its total when the total follows the figure directly: "41 of the 95
        # seats"; "3,118,902 citizens, out of ..." counts citizens)
        noun_from = (
            denom.end if denom and words[fig.end] in _PARTITIVE_STARTS else fig.end
        )
        level_noun = None  # (a noun before a level verb, below)
        if fig.attributive:
            noun = (None, fig.end, fig.end)
        else:
            noun = _counted_noun_in(words, texts, subject_starts, noun_from, e)
            if noun[0] is None and not fig.percent:
                # "Blank and null votes totalled 5.7 million": its noun is before it
                level_noun = _noun_before_level_verb(words, fig, s)
                if level_noun is not None:
                    noun = level_noun
        if (
            opening_total is not None
            and not fig.percent
            and (
                noun[0] is None
                # "Of the 38.6 million registered voters, 25.6 million cast
                # ballots": those who cast them are some of the voters
                or (
                    opening_noun[0] is not None
                    and noun[1] > fig.end
                    and noun[2]
                    <= fig.end + _lex()["turnout_verbs"].match_at(words, fig.end, e)
                )
            )
        ):
            noun = opening_noun
        if noun[0] is None and respective and fig in respective:
            last = max(respective, key=lambda f: f.end)
            noun = _counted_noun_in(words, texts, subject_starts, last.end, e)
        if (
            noun[0] is None
            and denom is not None
            and not fig.percent
            and (
                (sentence.turnout_word and _turnout_complement(words, fig, s))
                or _votes_directly(words, fig, e)
            )
        ):
            # "turnout was 3,118,902, out of 5.6 million registered voters", "30.5
            # million voted out of 61 million eligible voters": a turnout with no
            # noun of its own takes its total's (guidelines)
            noun = _denominator_noun(words, texts, subject_starts, denom, s, e)
        if (
            noun[0] is None
            and denom is None
            and sentence.turnout_word
            and not fig.percent
            and _turnout_complement(words, fig, s)
        ):
            # "turnout was 2.1 million, or 61% of the 3.4 million registered
            # voters": the total of the share in apposition (guidelines)
            share_total = _apposed_share_total(words, fig, figures, partitive_totals)
            if share_total is not None:
                noun = _denominator_noun(
                    words, texts, subject_starts, share_total, s, e
                )
        if fig.attributive:
            # "an 80-seat majority", "a 12-point lead": a margin, not a chamber
            reason = "margin" if _attributive_margin(words, fig, e) else None
        else:
            reason = skip_reason(doc, words, fig, sent, noun[0], sentence=sentence)
        if reason is None and last_skip is not None and last_skip[0] == "threshold":
            gap = words[last_skip[1].end : fig.qualifier_start]
            if (
                len(gap) <= 6
                and ("and" in gap or gap[-1:] == ["in"])
                and _THRESHOLD_GAP_BREAKS.isdisjoint(gap)
            ):
                # "needs more than 50% of the vote and at least 20% in ...", "must
                # take at least a quarter of the votes in 24 of them": the
                # threshold's second part or where it must be met
                reason = "threshold"
        last_skip = (reason, fig) if reason else None
        if reason:
            points = fig.end < e and words[fig.end] == "points"
            if reason == "comparison" or points:
                # "X's share fell 17 (percentage) points to 40.2%" (a count of
                # points is also a unit outside the schema)
                t = fig.end + points
                change = (fig, t + 1) if t < e and words[t] == "to" else None
            elif reason == "change":
                # "lost 12 seats to 44", "up 3 to 202": the seat count reached
                t = fig.end + (fig.end < e and words[fig.end] in _SEAT_WORDS)
                t += t < e and words[t] == ","  # "lost 12 seats, to 44"
                change = (fig, t + 1) if t < e and words[t] == "to" else None
            continue
        # "N of whom/them": the total is the previous figure
        of_total = None
        if denom is not None:
            if not fig.percent:
                of_total = denom.value
        elif (
            fig.end + 1 < e
            and words[fig.end] == "of"
            and words[fig.end + 1] in {"whom", "them", "those", "which"}
            and drafts
        ):
            of_total = drafts[-1].value
            if noun[0] is None:
                noun = drafts[-1].noun
        elif fig.all_:
            of_total = fig.value
        elif (
            opening_total is not None
            and not fig.percent
            and (
                noun is opening_noun
                or _counted_noun_in(words, texts, subject_starts, fig.end, e)[0] is None
            )
        ):
            of_total = opening_total.value
        unit_hint = prev_unit
        if noun[0] is None and not fig.percent and not _bare(doc, words, fig, e):
            unit_hint = None  # "three conservative figures": it counts something else
        # provisional subject to decide between seats and seats_total, votes and
        # turnout:
        # the kind as if the figure had a subject, asked again if a seats or votes
        # figure has none (a share of the vote stays votes)
        provisional = None
        kind_unit = kind_and_unit(
            doc, words, fig, sent, noun, True, unit_hint, sentence=sentence
        )
        if kind_unit is not None and kind_unit[0] in {"seats", "votes"}:
            provisional = find_subject(
                doc, words, fig, sent, noun, kind_unit[0], figures, sentence=sentence
            )
            if (
                provisional is not None
                and level_noun is not None
                and provisional[0] <= level_noun[1] < provisional[1]
            ):
                provisional = None  # "Valid votes numbered 28.9 million": no winner
            if provisional is None and respective and fig in respective:
                provisional = respective[fig]
            if (
                provisional is None
                and change is not None
                and fig.qualifier_start == change[1]
            ):
                # "X's share fell 17 points to 40.2%": the change's subject has
                # the level it reached
                provisional = _changer(doc, words, change[0], s) or find_subject(
                    doc,
                    words,
                    change[0],
                    sent,
                    (None, change[0].end, change[0].end),
                    kind_unit[0],
                    figures,
                    sentence=sentence,
                )
            if (
                provisional is None
                and prev_subject is not None
                and _continues_previous(doc, words, fig, drafts, s)
            ):
                provisional = prev_subject
            if provisional is None and not (kind_unit[0] == "votes" and fig.percent):
                kind_unit = kind_and_unit(
                    doc, words, fig, sent, noun, False, unit_hint, sentence=sentence
                )
        if kind_unit is None:
            continue
        kind, unit = kind_unit
        subject: Span | None = None
        if kind == "seats" and _declares_seats(words, fig, noun, s, e):
            kind, provisional = "seats_total", None
        if provisional is not None and (
            words[provisional[0]] in {"none", "neither", "no", "nobody"}
            or (
                provisional[0] >= s + 2
                and words[provisional[0] - 1] == "of"
                and words[provisional[0] - 2] in {"none", "neither", "no"}
            )
        ):
            continue  # "none of the candidates secured more than 50 percent"
        if kind in {"seats", "votes"} or (
            kind == "seats_total" and provisional is None
        ):
            subject = provisional
            if subject is None and respective is not None and fig in respective:
                subject = respective[fig]
                kind = (
                    "votes" if unit == "votes" else "seats" if unit == "seats" else kind
                )
            if (
                subject is None
                and prev_subject is not None
                and _continues_previous(doc, words, fig, drafts, s)
            ):
                subject = prev_subject
                if kind == "seats_total":
                    kind = "seats"
            if kind == "seats_total":
                subject = None
            if (
                subject is None
                and prev_subject is not None
                and drafts
                and drafts[-1].kind == kind
            ):
                # "captured two thirds of the seats ..., and three seats in Tehran"
                subject = prev_subject
            if subject is None and kind == "seats" and unit == "seats":
                # a seat count with no winner is a count of seats (declared, open ...)
                lex = _lex()
                if (
                    lex["seats_total_cues"].contains(
                        words, max(s, fig.start - 6), min(e, fig.end + 8)
                    )
                    or of_total
                ):
                    kind = "seats_total"
                else:
                    continue
            if subject is None and kind == "votes" and not fig.percent:
                kind = "turnout"
        elif kind == "turnout":
            subject = _turnout_subject_of(doc, words, fig, sent, noun, denom, sentence)
        elif kind == "seats_total":
            subject = chamber_subject(doc, words, fig, sent) or noun_subject(
                doc, words, noun, sent
            )
        else:
            subject = noun_subject(doc, words, noun, sent)
        if kind == "seats_total" and subject is None:
            subject = chamber_subject(doc, words, fig, sent) or noun_subject(
                doc, words, noun, sent
            )
        if subject is not None and kind in {"seats", "votes"}:
            # "The ruling party's share fell to 36.6 percent": the party's
            subject = _share_owner(doc, words, subject, s)
        # percentages never carry a denominator (guidelines)
        if fig.percent:
            of_total = None
        draft = Draft.of(
            doc,
            fig,
            kind,
            unit,
            subject,
            of_total=of_total,
            denominator=denom,
            noun=noun,
        )
        # "the reformist camp did not manage more than 10 percent": negated bound
        if fig.qualifier == "at_least" and not _NEGATIONS.isdisjoint(
            words[max(s, fig.qualifier_start - 4) : fig.qualifier_start]
        ):
            draft.qualifier = "at_most"
        if (
            kind == "other_count"
            and unit == "people"
            and _definite_or_cut(doc, words, fig, s, e)
        ):
            # "the two leading candidates", "two candidates -- ... Ami" (cut off)
            continue
        # (split_pair is asked only of a subject followed by a word it reads on:
        # "both", "each" or a comma before them)
        if (
            subject
            and kind in {"seats", "votes"}
            and subject[1] < len(words)
            and words[subject[1]] in {"both", "each", ","}
        ):
            pair = split_pair(doc, words, subject)
        else:
            pair = ()
        if len(pair) == 2:
            for part in pair:
                drafts.append(
                    Draft(
                        **{
                            **draft.__dict__,
                            "subject": part,
                            "subject_text": text_of(doc, part),
                            "notes": [],
                        }
                    )
                )
        else:
            drafts.append(draft)
        if kind == "seats_total" and of_total:
            declared_here = fig.value
        prev_unit = unit if unit != "percent" else prev_unit
        if kind in {"seats", "votes"}:
            prev_subject = subject
    if sentence.all_word and (drafts or opening_total is not None):
        _won_them_all(doc, words, sent, drafts, opening_total, opening_noun)
    # a sentence that splits one total: "33 of the 68 seats ..., while the conservative
    # coalition took 21" gives 21 the 68 too (bare figures of the same unit only)
    for first in drafts:  # the first seat count with a total, if any
        if (
            first.of_total is not None
            and first.kind == "seats"
            and first.unit == "seats"
        ):
            break
    else:
        first = None
    if first is not None:
        total = first.of_total
        for d in drafts:
            if (
                d.of_total is None
                and d.kind == "seats"
                and d.unit == "seats"
                and d.noun[0] is None
                and total
                and d.value <= total
            ):
                d.of_total = total
    # results "from 258 of 266 seats ... show independents winning 102 seats": the
    # winners' share is of the declared count
    if declared_here is not None:
        for d in drafts:
            if d.kind == "seats" and d.unit == "seats" and d.of_total is None:
                d.of_total = declared_here
    # "Among those, 32 were won by ...": the declared count of the sentence before
    if context.declared is not None and _opens_with_among(words, s, e):
        for d in drafts:
            if d.kind == "seats" and d.of_total is None:
                d.of_total = context.declared
    # denominators: seat totals are not claims of their own; vote and voter totals are
    # (and those of figures that gave no claim: "turnout was 3,118,902, out of 5.6
    # million registered voters" still states the electorate)
    # (a set made only for a sentence with one: most have none)
    denominators: set[int] | frozenset[int] = used_as_denominator
    for d in drafts:
        if d.denominator is not None:
            denominators = {*denominators, id(d.denominator)}
    if opening_total is not None:
        denominators = {*denominators, id(opening_total)}
    extra: list[Draft] = []
    for fig in figures if denominators else ():  # (most sentences have none)
        if id(fig) in denominators:
            noun = _denominator_noun(words, texts, subject_starts, fig, s, e)
            eligible = _lex()["eligible_cues"]
            if noun[0] is None and eligible.match_at(words, fig.end, e):
                # "voted out of 5.2 million registered": an electorate with no
                # noun counts voters (guidelines: "roughly 8.3 million eligible")
                noun = ("voter_nouns", fig.end, fig.end)
            if noun[0] in {"vote_nouns", "voter_nouns"} or (
                noun[0] == "people_nouns"
                # ("61 million eligible Iranians": the cue before the noun too)
                and eligible.contains(words, min(noun[1], fig.end), min(e, noun[2] + 6))
            ):
                ku = kind_and_unit(doc, words, fig, sent, noun, False, None)
                if ku is None:
                    continue
                kind, unit = ku
                if kind == "turnout":
                    subj = turnout_subject(doc, words, fig, sent)
                else:
                    subj = noun_subject(doc, words, noun, sent)
                extra.append(Draft.of(doc, fig, kind, unit, subj, noun=noun))
    # attributive chamber sizes used as a denominator are not claims of their own
    attributive_used: set[int] | frozenset[int] = _NO_IDS
    # (listed with the partitive totals above)
    if attributives:
        attributive_used = set()
        for d in drafts:
            if d.of_total is None and d.kind in {"seats"}:
                end = d.figure.end
                for f in attributives:
                    if (
                        # "87 (seats) in the 150-seat house"
                        f.start > end
                        and f.start - end <= 6
                        and (
                            words[end] == "in"
                            or (
                                words[end] in {"seats", "seat", "mps"}
                                and end + 1 < e
                                and words[end + 1] == "in"
                            )
                        )
                    ) or (
                        # "In the 450-seat Sejm, Law and Justice won 194 seats"
                        words[s] == "in" and f.start <= s + 3 and f.end < d.figure.start
                    ):
                        d.of_total = f.value
                        attributive_used.add(id(f))
                        break
            elif d.kind == "seats":
                for f in attributives:
                    if f.value == d.of_total:
                        attributive_used.add(id(f))
    out = drafts + extra if extra else drafts
    if attributive_used:
        out = [d for d in out if id(d.figure) not in attributive_used]
    if len(out) > 1:  # (a sentence mostly has one draft)
        out.sort(key=lambda d: d.figure.start)
    # context for the next sentence: the last unit of seats or votes (a count of
    # people or voters is not what the next sentence's bare figures count: "Some
    # 30.5 million voted. Reformists won 72 and conservatives 40.")
    for d in reversed(out):
        if d.unit in _CARRIED_UNITS:
            context.unit = d.unit
            break
    context.declared = declared_here
    context.kind = out[-1].kind if out else context.kind
    return out


# no figure ids: what a sentence with no denominator or attributive size holds (the
# sets are made only when one is found, for the few sentences that have one)
_NO_IDS: frozenset[int] = frozenset()

_ALL_OF = frozenset({"them", "those", "these"})


def _won_them_all(
    doc: Doc,
    words: Sequence[str],
    sent: tuple[int, int],
    drafts: list[Draft],
    opening_total: Figure | None,
    opening_noun: tuple[str | None, int, int],
) -> None:
    """A count of seats, then a winner of "all of them" after it: "In Tehran,
    where 30 seats were at stake, reformists won all of them", "Of the 30 seats
    in Tehran, reformists won all of them", "... swept them all". The count
    becomes the winner's seats, all of them (of_total the count, as "all 30
    seats" has). Changes `drafts`."""
    s, e = sent
    for t in range(s + 1, e - 1):
        if words[t] == "all" and t + 2 < e and words[t + 1] == "of":
            if words[t + 2] in _ALL_OF:
                break
        elif words[t] == "them" and words[t + 1] == "all":
            break  # "swept them all"
    else:
        return
    n = _lex()["win_verbs"].match_ending(words, t, s)
    if not n or words[t - 1] in _PREPOSITION_WIN_VERBS:
        return
    count: Draft | None = None
    for d in drafts:
        if d.kind == "seats_total" and d.unit == "seats":
            count = d  # (the last before the winner)
    if count is not None and count.figure.end >= t - n:
        return
    if count is None:
        if (
            drafts
            or opening_total is None
            or opening_noun[0] != "seat_nouns"
            or opening_total.percent
        ):
            return
        fig = opening_total
    else:
        fig = count.figure
    subject = subject_before(doc, words, t - n, s)
    if subject is None or subject[0] < fig.end:
        return
    if count is None:
        drafts.append(
            Draft.of(
                doc,
                fig,
                "seats",
                "seats",
                subject,
                of_total=fig.value,
                noun=opening_noun,
            )
        )
        return
    count.kind = "seats"
    count.subject = subject
    count.subject_text = text_of(doc, subject)
    count.of_total = count.of_total or fig.value  # ("12 of the 30 ... all of them")


def _apposed_share_total(
    words: Sequence[str],
    fig: Figure,
    figures: Sequence[Figure],
    totals: Sequence[Figure | None],
) -> Figure | None:
    """The total of a share set in apposition right after the figure: the 3.4
    million of "2.1 million, or 61% of the 3.4 million registered voters" (also
    "2.1 million (61% of ...)" and "2.1 million, 61% of ..."), else None."""
    for other, total in zip(figures, totals, strict=True):
        if other.start < fig.end:
            continue
        between = words[fig.end : other.qualifier_start]
        if other.percent and total is not None and between in _APPOSITION_OPENINGS:
            return total
        return None  # only the next figure
    return None


_APPOSITION_OPENINGS = ([","], [",", "or"], ["("], ["or"])


def _denominator_noun(
    words: Sequence[str],
    texts: Sequence[str],
    subject_starts: dict[int, int],
    fig: Figure,
    s: int,
    e: int,
) -> tuple[str | None, int, int]:
    """The noun a denominator counts: after it ("out of 5.6 million registered
    voters") or before its "of" ("out of a registered electorate of 5.6 million")."""
    noun = _counted_noun_in(words, texts, subject_starts, fig.end, e)
    q = fig.qualifier_start
    if (
        noun[0] is None
        and q - 2 >= s
        and words[q - 1] == "of"
        and (n := _lex()["voter_nouns"].match_ending(words, q - 1, s))
    ):
        noun = ("voter_nouns", q - 1 - n, q - 1)
    return noun


_DECLARE_BEFORE = (
    "declared for",
    "declared in",
    "called for",
    "covered",
    "covers",
    "cover",
    "contesting",
    "competed for the",
    "competing for the",
    "vying for the",
    "running for the",
    "in the running for the",
    "winners of",
    "results for",
    "results from",
    "results in",
    "results of",
    "outcome of",
    "outcomes of",
    "winners in",
)


def _by_last_word(phrases: Sequence[str]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases as word tuples, indexed by their last word."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        phrase_words = tuple(phrase.split())
        table.setdefault(phrase_words[-1], []).append(phrase_words)
    return table


_DECLARE_BEFORE_BY_LAST = _by_last_word(_DECLARE_BEFORE)
_DECLARE_AFTER = frozenset(
    {
        "declared",
        "decided",
        "called",
        "announced",
        "contested",
        "undecided",
        "outstanding",
        "open",
        "filled",
        "vacant",
    }
)


def _declares_seats(words: Sequence[str], fig: Figure, noun, s: int, e: int) -> bool:
    """ "the winners of 60 of the 68 seats", "60 seats declared": seats counted, not
    won."""
    q = fig.qualifier_start
    if q > s:
        for phrase in _DECLARE_BEFORE_BY_LAST.get(words[q - 1], ()):
            n = len(phrase)
            if q - n >= s and tuple(words[q - n : q]) == phrase:
                return True
    cls, ns, ne = noun
    if cls == "seat_nouns" and ns == fig.end:
        k = ne
        while k < e and words[k] in {
            "have",
            "has",
            "had",
            "been",
            "were",
            "are",
            "so",
            "far",
            "now",
            "already",
            "being",
            "still",
        }:
            k += 1
        if k < e and words[k] in _DECLARE_AFTER:
            return True
    return False


def _continues_previous(
    doc: Doc, words: Sequence[str], fig: Figure, drafts: Sequence[Draft], s: int
) -> bool:
    """A figure coordinated with, or bracketed after, the sentence's previous claim."""
    if not drafts or drafts[-1].kind not in {"seats", "votes"}:
        return False
    q = fig.qualifier_start
    gap = words[drafts[-1].figure.end : q]
    if "(" in gap and ")" not in gap:
        return True  # "taking 62 percent of the vote (17.8 million of 28.6 million)"
    return len(gap) <= 8 and "and" in gap[-2:] and _COORDINATION_BREAKS.isdisjoint(gap)


def respectively_subjects(
    doc: Doc, words: Sequence[str], sent: tuple[int, int], figures: Sequence[Figure]
) -> dict | None:
    """ "A, B and C received, respectively, 3, 2 and 1 votes": pair names and
    figures."""
    s, e = sent
    if "respectively" not in words[s:e]:
        return None
    r = words.index("respectively", s, e)
    listed = [f for f in figures if f.start > r and f.start - r < 40] or [
        f for f in figures if f.end <= r
    ]
    if len(listed) < 2:
        return None
    verb = None
    for t in range(r - 1, s - 1, -1):
        if _lex()["win_verbs"].match_at(words, t, e) and words[t] not in {
            "on",
            "at",
            "with",
            "has",
            "had",
            "have",
        }:
            verb = t
            break
    if verb is None:
        return None
    a = s
    for t in range(verb - 1, s - 1, -1):
        if words[t] in {":", ";"}:
            a = t + 1
            break
    items: list[Span] = []
    start = a
    for t in range(a, verb + 1):
        if t == verb or words[t] in {",", "and"}:
            if t > start:
                items.append((start, t))
            start = t + 1
    texts, _ = token_texts(doc)
    items = [it for it in items if any(texts[x][:1].isupper() for x in range(*it))]
    if len(items) > len(listed):
        items = items[-len(listed) :]  # "The remaining candidates, A, B and C"
    if len(items) != len(listed):
        return None
    out = {}
    for fig, (x, y) in zip(listed, items, strict=True):
        while x < y and not texts[x][:1].isupper():
            x += 1  # "former central banker Abdolnaser Hemmati": keep the name
        out[fig] = (x, y)
    return out


def _definite_or_cut(
    doc: Doc, words: Sequence[str], fig: Figure, s: int, e: int
) -> bool:
    """A definite description ("the two leading candidates") or a cut-off aside."""
    q = fig.qualifier_start
    if q - 1 >= s and words[q - 1] in {"the", "these", "those", "both"}:
        # (the electorate of a turnout is a count of its own: "turnout among the
        # 1.7 million Turks abroad")
        return not (
            fig.end < e and words[fig.end] in {"of", "out"}
        ) and not _turnout_electorate(words, fig, s)
    texts, _ = token_texts(doc)
    last = texts[e - 1] if e > s else None
    truncated = (
        e == len(texts)
        and last is not None
        and last not in {".", "!", "?", '"', "”", ")"}
    )
    return truncated and any(words[t] in {"--", "—", "–"} for t in range(fig.end, e))


_WHOLE_ELECTORATE = frozenset(
    {"people", "persons", "citizens", "voters", "electors", "individuals", "adults"}
)
_BARE_FOLLOWERS = frozenset(
    """and or so in on at for while after with as to by from of against but than
    respectively apiece each between""".split()
)


# before a number word that stands for those just named ("the two", "these three")
_ANAPHORIC_BEFORE = frozenset({"the", "these", "those"})


def _bare(doc: Doc, words: Sequence[str], fig: Figure, e: int) -> bool:
    """A figure standing alone ("took 99, the SP 37"): its unit comes from context."""
    if (
        fig.start > 0
        and words[fig.start - 1] in _ANAPHORIC_BEFORE
        and not words[fig.start][:1].isdigit()
    ):
        return False  # "a runoff between the two": the two named before, no count
    k = fig.end
    if k >= e:
        return True
    facts = token_facts(doc)
    return (
        facts.punct[k]
        or facts.texts[k].isspace()
        or words[k] in _BARE_FOLLOWERS
        or words[k] in {"were", "was", "have", "had", "are", "is"}
    )


def _latest_year(doc: Doc) -> int | None:
    """The latest year written in the article: its own election's year, or close."""
    if "latest_year" not in doc.user_data:
        facts = token_facts(doc)
        # a year is all digits, so `like_num`: only those few tokens are looked at
        years = [
            int(w)
            # (the numbers in digits picked out in C)
            for w in filter(str.isdecimal, compress(facts.texts, facts.like_num))
            if len(w) == 4 and 1950 <= int(w) <= 2100
        ]
        doc.user_data["latest_year"] = max(years) if years else None
    return doc.user_data["latest_year"]


def _past_year_in(doc: Doc, words: Sequence[str], a: int, b: int) -> bool:
    """A clause dated to an earlier year than the article's: "won 303 seats in 2019"."""
    clause = words[a:b]
    ins = clause[:-1].count("in")  # each "in" with a word after it in the clause
    if not ins:
        return False  # no "in 2019"
    texts, _ = token_texts(doc)
    years = []
    t = a - 1
    for _ in range(ins):  # list.index finds each "in" without a loop over the clause
        t = words.index("in", t + 1, b - 1)
        text = texts[t + 1]
        if text.isdigit() and len(text) == 4:
            years.append(text)
    if not years:
        return False  # (the article's latest year is then not needed)
    latest = _latest_year(doc)
    if latest is None:
        return False
    if not _RECORD_WORDS.isdisjoint(clause):
        return False  # "the highest tally since the revolution in 1979": a record
    return any(1950 <= int(year) < latest for year in years)


_RECORD_WORDS = frozenset(
    {"since", "ever", "record", "highest", "lowest", "first", "best", "worst"}
)


_CLAUSE_BREAKS = frozenset(
    {",", ";", "but", "while", "whereas", "—", "–", "--", "(", ")"}
)


class _SentenceWords:
    """Where one sentence's clauses break, which cue lists it can hold any phrase
    of (it holds one of their key words), and whether it pairs figures with names
    "respectively": the figures of a sentence ask these of their clauses, which most
    sentences answer with no look at all."""

    def __init__(self, words: Sequence[str], texts: Sequence[str], s: int, e: int):
        self.words = words
        self.start = s
        self.end = e
        self._clause_breaks: list[int] | None = None
        sentence = words[s:e]
        every, poll, past_election, threshold, turnout, give = _skip_cue_key_words()
        # "in" is looked for in the same pass as the cue words
        present = every.intersection(sentence)
        # "won 303 seats in 2019": only a year after an "in" can date a clause
        # (`_past_year_in`), and few sentences have one
        self.year_after_in = False
        if "in" in present:
            t = s - 1
            for _ in range(sentence.count("in")):
                t = words.index("in", t + 1, e)
                if t + 1 == e:
                    break  # (the sentence's last token: no year after it)
                year = texts[t + 1]
                if year.isdigit() and len(year) == 4:
                    self.year_after_in = True
                    break
        self.poll_cue = not poll.isdisjoint(present)
        # "respectively" pairs a list of names with a list of figures
        self.respectively = "respectively" in present
        # "..., reformists won all of them": a winner of a seat count before
        self.all_word = "all" in present
        # what kind_and_unit, find_subject and turnout_subject search the sentence
        # or a stretch of it for: most sentences hold none
        self.turnout_word = not turnout.isdisjoint(present)
        self.give_verb = not give.isdisjoint(present)
        # a past-election or threshold cue needs all its words in the sentence, not
        # only its key word ("election", "elected", "government" are in many)
        self.past_election_cue = not past_election.isdisjoint(present) and _lex()[
            "past_election_cues"
        ].may_occur_among(present)
        self.threshold_cue = not threshold.isdisjoint(present) and _lex()[
            "threshold_cues"
        ].may_occur_among(present)

    @property
    def clause_breaks(self) -> list[int]:
        """The token indices of the sentence's clause breaks, listed when first
        asked (most sentences hold none of the cues whose clause is looked at)."""
        if self._clause_breaks is None:
            # (picked out in C: a comprehension runs a Python step per word)
            s, e = self.start, self.end
            is_break = map(_CLAUSE_BREAKS.__contains__, self.words[s:e])
            self._clause_breaks = list(compress(range(s, e), is_break))
        return self._clause_breaks


def _opinion_poll_in(words: list[str], a: int, b: int) -> bool:
    """Whether ``words[a:b]`` holds an opinion poll cue; an exit poll ("Exit polls
    showed the Greens with 33 percent") is an early result, as a quick count is."""
    lex = _lex()
    cues, results = lex["poll_cues"], lex["result_poll_words"]
    p = find_phrase(cues, words, a, b)
    while p >= 0:
        if not results.match_ending(words, p):
            return True
        p = find_phrase(cues, words, p + 1, b)
    return False


@lru_cache(maxsize=1)
def _skip_cue_key_words() -> tuple[frozenset[str], ...]:
    """The words `_SentenceWords` looks for in a sentence, then the key words of
    the poll, past-election, threshold, turnout-word and give-verb lists (a stretch
    holding a phrase of a list holds its key word): the first set holds all these
    key words, every word of the past-election and threshold cues (which
    `PhraseSet.may_occur_among` asks for), "in" and "respectively". The turnout
    key words include the two nouns `turnout_subject` walks a sentence for."""
    lex = _lex()
    names = ("poll_cues", "past_election_cues", "threshold_cues")
    each = [key_words(lex[name]) for name in names]
    each.append(key_words(lex["turnout_words"]) | {"turnout", "participation"})
    each.append(key_words(lex["give_verbs"]))
    looked_for = frozenset().union(
        *each,
        lex["past_election_cues"].all_words,
        lex["threshold_cues"].all_words,
        {"in", "respectively", "all"},
    )
    return (looked_for, *each)


def _clause_of(
    sentence: _SentenceWords, fig: Figure, s: int, e: int
) -> tuple[int, int]:
    """The comma-, 'but'- or 'while'-bounded stretch around a figure: from after the
    last break before its qualifier to the first break from its end on."""
    breaks = sentence.clause_breaks
    before = bisect_left(breaks, fig.qualifier_start)  # breaks[:before] come earlier
    a = breaks[before - 1] + 1 if before else s
    after = bisect_left(breaks, fig.end)
    b = breaks[after] if after < len(breaks) else e
    return a, b


def split_pair(doc: Doc, words: Sequence[str], span: Span) -> list[Span]:
    """ "Masoud Pezeshkian and Saeed Jalili both ...": two named subjects, one
    figure."""
    a, b = span
    if (
        b < len(words)
        and words[b] in {"both", "each"}
        or (b + 1 < len(words) and words[b] == "," and words[b + 1] in {"both", "each"})
    ):
        texts, _ = token_texts(doc)
        for t in range(a + 1, b - 1):
            if (
                words[t] == "and"
                and texts[t - 1][:1].isupper()
                and texts[t + 1][:1].isupper()
            ):
                return [(a, t), (t + 1, b)]
    return [span]


def _opens_with_among(words: Sequence[str], s: int, e: int) -> bool:
    k = s
    return (
        k + 1 < e
        and words[k] in {"among", "of"}
        and words[k + 1] in {"those", "them", "these"}
    )


_SEAT_OR_VOTE_WORDS = frozenset({"seat", "seats", "vote", "votes", "ballots"})


def dominant_unit(words: Sequence[str]) -> str | None:
    """Seats or votes: what an article mostly counts, for figures with no noun."""
    # one pass over the article picks out its few unit words (five counts of the
    # whole article cost twice as much), filtered in C: a comprehension runs a
    # Python step per word of the article
    found = list(filter(_SEAT_OR_VOTE_WORDS.__contains__, words))
    seats = found.count("seat") + found.count("seats")
    votes = len(found) - seats  # "vote", "votes", "ballots"
    if seats > votes:
        return "seats"
    if votes > seats:
        return "votes"
    return None


def zero_claims(
    doc: Doc, words: Sequence[str], sent: tuple[int, int]
) -> list[tuple[int, int, Span]]:
    """ "No conservatives won seats": zero seats for a named group.

    Returns (start, end, subject span) for each; the caller builds the claim."""
    s, e = sent
    out: list[tuple[int, int, Span]] = []
    if "no" not in words[s : e - 2]:
        return out  # most sentences
    lex = _lex()
    facts = token_facts(doc)
    subject_starts = span_starts(doc, "subjects")
    for t in range(s, e - 2):
        if words[t] == "no" and (
            t == s or facts.punct[t - 1] or facts.texts[t - 1].isspace()
        ):
            n = lex["subject_nouns_generic"].match_at(words, t + 1, e)
            if not n and t + 1 in subject_starts:
                n = subject_starts[t + 1] - (t + 1)
            if n:
                rest = words[t + 1 + n : min(e, t + 1 + n + 4)]
                if ("won" in rest or "secured" in rest or "were" in rest) and (
                    "seats" in rest or "seat" in rest or "elected" in rest
                ):
                    out.append((t, t + 1, (t + 1, t + 1 + n)))
    return out
