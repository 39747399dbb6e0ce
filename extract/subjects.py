"""Who a figure is about: parties, coalitions, candidates, groups, and their ids.

The alias data is `patterns/subjects.jsonl`, one row per alias:

    {"id": "reformists", "label": "COALITION", "country": "ir",
     "pattern": "List of Hope"}

* `pattern` is a phrase, matched case-insensitively (on LOWER); a phrase with no
  lower-case letter ("PT", "DA") is an acronym and matched as written (on ORTH).
  Sparingly, it may be a spaCy token pattern (a list of token dicts).
* `country` (optional): ISO 3166 alpha-2 code of the alias's country. Rows without
  it are generic ("independents") and apply everywhere.
* `strict` (optional, true): the alias is only safe when the article's country is
  known to be the row's: "conservatives" means Iran's principlists in an Iranian
  article and nothing in particular elsewhere; "Congress" is the INC in India only.
* `camp` (optional, on CANDIDATE rows): the id of the person's party or bloc, used
  for what reports write around a leader's name: "Rouhani's allies",
  "pro-Rouhani", "allies of Rouhani", "the coalition formed by President Hassan
  Rouhani", "Rouhani and his moderate allies", "Khan-backed independents". These
  are recognised in code around name matches (cheap), so they need no token
  patterns. "anti-<Name>" never resolves to the camp. The same constructions work
  around party names ("independents backed by the PTI" -> the PTI).

`election_subjects` (a spaCy component) writes `doc.spans["subjects"]`:
non-overlapping matches, `span.id_` = subject id, `span.label_` one of PARTY,
COALITION, CANDIDATE, GROUP. The article's country is guessed from the matches
and from country names in the text (`doc.spans["subjects"].attrs["country"]`, also
`infer_country(doc)`) and picks the reading of an alias shared by several
countries.

`resolve_subject(text, country)` maps one subject phrase as written to an id.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, SpanGroup

from extract.resources import load_json, load_jsonl
from extract.tokens import (
    keep_beside_group,
    keep_span_starts,
    kept_beside_group,
    lower_words,
    token_texts,
)

log = logging.getLogger(__name__)

DATA_FILE = "subjects.jsonl"
SPANS_KEY = "subjects"
LABELS = ("PARTY", "COALITION", "CANDIDATE", "GROUP")

# Nouns that name a leader's (or a party's) following: "Rouhani's allies", "allies of
# Rouhani".
_GROUP_NOUNS = frozenset(
    """allies ally camp backers supporters bloc coalition alliance party movement list
    slate faction loyalists followers front candidates independents lawmakers members
    wing grouping legislators mps nominees""".split()
)
# "the coalition formed by ...", "independents loyal to ...": a participle, then
# by/to/with.
_LINK_PARTICIPLES = frozenset(
    """formed led headed founded backed supported endorsed fielded loyal close allied
    aligned affiliated linked belonging tied sponsored nominated built assembled
    put""".split()
)
_LINK_AFTER_PARTICIPLE = frozenset(("by", "to", "with", "together"))
# "allies of Rouhani", "the camp behind Rouhani", "the bloc around Sadr", "candidates
# from the PTI"
_LINK_PREPOSITIONS = frozenset(("of", "behind", "around", "from"))
# "PTI-backed independents", "Khan-aligned candidates"
_HYPHEN_PARTICIPLES = frozenset(
    """backed led aligned allied affiliated supported linked endorsed leaning sponsored
    loyal""".split()
)
_POSSESSIVES = frozenset(("'s", "’s", "'", "’"))
_PRONOUNS = frozenset(("his", "her", "their"))
_MAX_TITLE_TOKENS = (
    6  # "jailed former prime minister Imran Khan", "Iranian President Hassan Rouhani"
)
_MAX_ADJECTIVES = 3  # "Rouhani's moderate reformist allies"
# the tokens right before and after a name that `_construct` looks for ("pro-", "anti-",
# "-backed", "'s", "and his"); without one, only a group noun before it can start one
_CUES_BEFORE = frozenset(("-", "anti-"))
_CUES_AFTER = frozenset(("-", "and")) | _POSSESSIVES
# how far before a name "<group noun> [participle] by/of/to <title words>" can start
_GROUP_REACH = _MAX_TITLE_TOKENS + 3


@lru_cache(maxsize=1)
def _country_words() -> dict[str, tuple[str, ...]]:
    """Country names, demonyms (and their plurals) and capitals -> ISO code, from the
    same `patterns/countries.json` that contest detection reads; used to guess the
    country of an article or of a subject phrase ("Iran's conservatives")."""
    out: dict[str, tuple[str, ...]] = {}
    for code, entry in load_json("countries.json")["countries"].items():
        words = list(entry.get("names", ())) + list(entry.get("capitals", ()))
        for adjective in entry.get("adjectives", ()):
            words.append(adjective)
            if adjective[-1:].isalpha() and not adjective.endswith("s"):
                words.append(adjective + "s")  # "Iranians", "Iraqis"
        out[code] = tuple(dict.fromkeys(words))
    return out


_FOLD_EXTRA = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "’": "'",
        "‘": "'",
        "`": "'",
        "‐": "-",
        "‑": "-",
        "–": "-",
        "—": "-",
    }
)


def _fold(text: str) -> str:
    """ASCII-ish spelling: "Kılıçdaroğlu’s" -> "Kilicdaroglu's"."""
    text = text.translate(_FOLD_EXTRA)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _variants(pattern: str) -> list[str]:
    out = [pattern]
    for variant in (
        _fold(pattern),
        pattern.replace("'", "’"),
        _fold(pattern).replace("'", "’"),
    ):
        if variant not in out:
            out.append(variant)
    return out


def _is_acronym(pattern: str) -> bool:
    return any(ch.isalpha() for ch in pattern) and not any(
        ch.islower() for ch in pattern
    )


@dataclass(frozen=True)
class SubjectRow:
    index: int
    id: str
    label: str
    country: str | None
    strict: bool
    camp: str | None
    pattern: str | list


class _Match(NamedTuple):
    """One subject match (a tuple: built many times an article, cheaper than a frozen
    dataclass)."""

    start: int
    end: int
    id: str
    label: str
    country: str | None = None
    person: bool = False  # a name match (its camp, not itself, is the group)
    camp: str | None = None


@lru_cache(maxsize=8)
def _rows(patterns_dir=None) -> tuple[SubjectRow, ...]:
    rows = []
    for index, raw in enumerate(load_jsonl(DATA_FILE, patterns_dir)):
        try:
            country = raw.get("country") or None
            rows.append(
                SubjectRow(
                    index=index,
                    id=str(raw["id"]),
                    label=str(raw.get("label") or "PARTY"),
                    country=country.lower() if isinstance(country, str) else None,
                    strict=bool(raw.get("strict", False)),
                    camp=raw.get("camp") or None,
                    pattern=raw["pattern"],
                )
            )
        except (KeyError, TypeError, AttributeError):
            log.warning(
                "%s: row %d skipped (needs id and pattern): %r", DATA_FILE, index, raw
            )
    return tuple(rows)


@lru_cache(maxsize=8)
def _id_info(patterns_dir=None) -> dict[str, tuple[str, str | None, str | None]]:
    """id -> (label, country, camp) taken from the first row that says it."""
    info: dict[str, list] = {}
    for row in _rows(patterns_dir):
        entry = info.setdefault(row.id, [row.label, row.country, row.camp])
        if entry[1] is None and row.country:
            entry[1] = row.country
        if entry[2] is None and row.camp:
            entry[2] = row.camp
    return {key: tuple(value) for key, value in info.items()}


def _id_field(subject_id: str, field: int) -> str | None:
    """Field `field` of `_id_info` for an id (0 label, 1 country, 2 camp), or None
    when the data does not say."""
    try:
        info = _id_info().get(subject_id)
    except Exception:  # noqa: BLE001 - a lookup must not break a run
        return None
    return info[field] if info else None


def subject_country(subject_id: str) -> str | None:
    """The country of an id, when the data says."""
    return _id_field(subject_id, 1)


def subject_camp(subject_id: str) -> str | None:
    """The camp (party or bloc id) of a person's id, when the data says."""
    return _id_field(subject_id, 2)


def subject_label(subject_id: str) -> str | None:
    """The label (PARTY, COALITION, CANDIDATE, GROUP) of an id, when the data says."""
    return _id_field(subject_id, 0)


class SubjectMatcher:
    """Alias, construction and country-word matching for one vocab and tokenizer."""

    def __init__(self, nlp: Language, patterns_dir=None):
        self.rows = _rows(patterns_dir)
        self.info = _id_info(patterns_dir)
        vocab = nlp.vocab
        # One PhraseMatcher pass over LOWER finds every phrase. Acronyms and country
        # words count only as written (ORTH); they are added here lower-cased too and
        # a match of theirs is kept when the tokens are one of their spellings, which
        # finds what a second matcher over ORTH finds, without a second walk over
        # the Doc's tokens (~15 us an article of a matcher's cost, whatever it holds).
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        # key of a phrase matched as written -> the token texts of its spellings
        self.as_written: dict[int, frozenset[str | tuple[str, ...]]] = {}
        self.any_case: dict[int, SubjectRow] = {}  # key -> row of the other phrases
        self.tokens = Matcher(vocab)
        self.row_of_key: dict[int, SubjectRow] = {}
        self.country_of_key: dict[int, str] = {}
        lower_phrases: dict[str, list] = {}
        orth_phrases: dict[str, list] = {}
        for row in self.rows:
            key = f"subject_row_{row.index}"
            self.row_of_key[vocab.strings.add(key)] = row
            if isinstance(row.pattern, str):
                target = orth_phrases if _is_acronym(row.pattern) else lower_phrases
                target[key] = [nlp.make_doc(v) for v in _variants(row.pattern)]
                if target is lower_phrases:
                    self.any_case[vocab.strings[key]] = row
            elif isinstance(row.pattern, list):
                try:
                    self.tokens.add(key, [row.pattern])
                except Exception as exc:  # noqa: BLE001 - one bad row must not stop the rest
                    log.warning(
                        "%s: token pattern of %s skipped: %s", DATA_FILE, row.id, exc
                    )
        for code, words in _country_words().items():
            key = f"subject_country_{code}"
            self.country_of_key[vocab.strings.add(key)] = code
            forms = {w for word in words for w in (word, word.upper(), _fold(word))}
            orth_phrases[key] = [nlp.make_doc(w) for w in sorted(forms)]
        for key, docs in lower_phrases.items():
            self.phrases.add(key, docs)
        for key, docs in orth_phrases.items():
            self.phrases.add(key, docs)
            # a one-token spelling as its text, a longer one as the tuple of texts
            self.as_written[vocab.strings[key]] = frozenset(
                doc[0].text if len(doc) == 1 else tuple(token.text for token in doc)
                for doc in docs
            )
        # which ids a country-tagged, non-strict alias can mean: used for
        # country guessing
        self._ambiguous_rows = self._find_ambiguous()
        # rows whose match is a vote for their country in `guess_country`
        self._voting_rows = frozenset(
            row.index
            for row in self.rows
            if not row.strict and row.index not in self._ambiguous_rows
        )
        # row index -> the fields of its `_Match` after start and end, worked out once
        self._match_fields = {row.index: self._match_tail(row) for row in self.rows}

    def _match_tail(self, row: SubjectRow) -> tuple:
        person = row.label == "CANDIDATE"
        camp = (
            (row.camp or self.info.get(row.id, (None, None, None))[2])
            if person
            else row.id
        )
        return (row.id, row.label, row.country, person, camp)

    def _find_ambiguous(self) -> frozenset[int]:
        by_alias: dict[str, set[str | None]] = {}
        for row in self.rows:
            if isinstance(row.pattern, str):
                by_alias.setdefault(_fold(row.pattern).lower(), set()).add(row.country)
        return frozenset(
            row.index
            for row in self.rows
            if isinstance(row.pattern, str)
            and len(by_alias[_fold(row.pattern).lower()]) > 1
        )

    # -- raw matching

    def scan(
        self, doc: Doc
    ) -> tuple[dict[tuple[int, int], list[SubjectRow]], list[tuple[int, str]]]:
        """`raw_matches(doc)` and `country_mentions(doc)`, from one pass of the
        phrase matcher (and of the token-pattern matcher, when it has patterns)."""
        found: dict[tuple[int, int], list[SubjectRow]] = {}
        mentions: list[tuple[int, str]] = []
        row_of_key, country_of_key = self.row_of_key, self.country_of_key
        # the token texts, read when a match is first checked as written (a phrase
        # given to `resolve_subject` often has none, and reading them costs more
        # than the matching)
        texts = None
        any_case, as_written = self.any_case, self.as_written
        # the acronyms matched as written (and token-pattern matches), taken after
        # the others as when they had a matcher of their own: `guess_country` reads
        # the matches in this order
        written: list[tuple[int, int, int]] = []
        for key, start, end in self.phrases(doc):
            row = any_case.get(key)
            if row is None:
                if texts is None:
                    texts, _ = token_texts(doc)
                spelled = texts[start] if end == start + 1 else tuple(texts[start:end])
                if spelled in as_written[key]:
                    code = country_of_key.get(key)
                    if code is None:
                        written.append((key, start, end))
                    else:
                        mentions.append((start, code))
                continue
            _add_row(found, row, start, end)
        if len(self.tokens):
            written += self.tokens(doc)
        for key, start, end in written:
            _add_row(found, row_of_key[key], start, end)
        for bucket in found.values():
            if len(bucket) > 1:
                bucket.sort(key=lambda r: r.index)
        return found, mentions

    def raw_matches(self, doc: Doc) -> dict[tuple[int, int], list[SubjectRow]]:
        return self.scan(doc)[0]

    def country_mentions(self, doc: Doc) -> list[tuple[int, str]]:
        return self.scan(doc)[1]

    def guess_country(self, doc: Doc, raw=None, mentions=None) -> str | None:
        """The country an article (or phrase) is most about, from names and aliases.

        `raw` and `mentions` are `scan(doc)` when the caller has it already."""
        # (a plain dict: a Counter's first count of a code calls its Python
        # __missing__, and making one calls its Python __init__ and update)
        votes: dict[str, int] = {}
        first: dict[str, int] = {}
        if mentions is None:
            mentions = self.country_mentions(doc)
        for start, code in mentions:
            votes[code] = votes.get(code, 0) + 1
            first.setdefault(code, start)
        voting = self._voting_rows
        for (start, _), rows in (
            raw if raw is not None else self.raw_matches(doc)
        ).items():
            if len(rows) == 1:  # most matches: one reading, no set needed
                r = rows[0]
                if r.country and r.index in voting:
                    votes[r.country] = votes.get(r.country, 0) + 1
                    first.setdefault(r.country, start)
                continue
            codes = {r.country for r in rows if r.index in voting}
            if len(codes) == 1:
                (code,) = codes
                if code:
                    votes[code] = votes.get(code, 0) + 1
                    first.setdefault(code, start)
        if not votes:
            return None
        return max(votes, key=lambda c: (votes[c], -first[c]))

    # -- choosing a reading and finding constructions

    @staticmethod
    def pick(
        rows: list[SubjectRow], country: str | None, keep_foreign: bool
    ) -> SubjectRow | None:
        if country:
            for row in rows:
                if row.country == country:
                    return row
            for row in rows:
                if row.country is None:
                    return row
            if not keep_foreign or any(row.id != rows[0].id for row in rows):
                # a foreign reading only when it is the alias's only one: "the
                # Iran-backed Fatah Alliance" is Iraq's; "Greek conservatives" are
                # nobody's we know
                return None
        for row in rows:
            if not row.strict:
                return row
        return None

    def matches(
        self, doc: Doc, country: str | None, keep_foreign: bool, raw=None
    ) -> list[_Match]:
        """Non-overlapping subject matches (longest first), constructions included.

        `raw` is `raw_matches(doc)` when the caller has it already."""
        raw = self.raw_matches(doc) if raw is None else raw
        if not raw:
            return []
        base: list[_Match] = []
        fields = self._match_fields
        for (start, end), rows in raw.items():
            if len(rows) == 1:  # most matches: `pick` of one row, written out
                row = rows[0]
                if country and (row.country == country or row.country is None):
                    pass
                elif (country and not keep_foreign) or row.strict:
                    continue
            else:
                row = self.pick(rows, country, keep_foreign)
                if row is None:
                    continue
            # tuple.__new__ with the row's fields: the same _Match as
            # _Match(start, end, ...) without its generated __new__
            base.append(tuple.__new__(_Match, (start, end) + fields[row.index]))
        if not base:
            return base  # (no reading kept: the words need not be read)
        base = _longest_first(base)
        found = list(base)
        lows = lower_words(doc)
        dropped: set[_Match] = set()
        # the base matches do not overlap, so each start is one name's
        all_starts = {x.start for x in base}
        starts_of: dict[str, set[int]] = {}  # id -> starts of its names
        blocking: dict[str | None, set[int]] = {}  # camp -> starts of other names

        def blocking_starts(camp: str | None) -> set[int]:
            """Starts of the names that block a construction around a name of `camp`:
            every other name, except names of the same camp ("Rouhani and his
            moderate allies"). Worked out only when a construction is looked at."""
            starts = blocking.get(camp)
            if starts is None:
                if not starts_of:
                    for x in base:
                        starts_of.setdefault(x.id, set()).add(x.start)
                own = starts_of.get(camp)
                starts = all_starts - own if own else all_starts
                blocking[camp] = starts
            return starts

        n = len(lows)
        for m in base:
            s, e = m.start, m.end
            if (
                (s == 0 or lows[s - 1] not in _CUES_BEFORE)
                and (e == n or lows[e] not in _CUES_AFTER)
                and _GROUP_NOUNS.isdisjoint(lows[max(0, s - _GROUP_REACH) : s])
            ):
                continue  # (most names) none of `_construct`'s cues is around it
            built = self._construct(doc, lows, m, blocking_starts)
            if built is None:
                continue
            if built == "drop":
                dropped.add(m)
                continue
            found.append(built)
        if len(found) == len(base) and not dropped:
            return base  # no constructions: already non-overlapping, by start
        found = [m for m in found if m not in dropped]
        return _longest_first(found)

    def _camp_match(self, start: int, end: int, m: _Match) -> _Match | str:
        if not m.camp:
            return (
                "drop"  # "Khan's party" with no camp known: not the person, not known
            )
        label, country, _ = self.info.get(m.camp, (m.label, m.country, None))
        return _Match(start, end, m.camp, label, country, False, m.camp)

    def _construct(self, doc: Doc, lows: list[str], m: _Match, blocking_starts):
        """The construction around `m` (a `_Match`), "drop", or None.

        `blocking_starts(camp)` gives the starts of the names that stop one."""
        n = len(lows)
        s, e = m.start, m.end
        # anti-<Name>: the opposite camp, never the name's own
        if s >= 2 and lows[s - 1] == "-" and lows[s - 2] == "anti":
            return "drop"
        if s >= 1 and lows[s - 1] == "anti-":
            return "drop"
        # pro-<Name> (optionally followed by a group noun: "pro-Rouhani candidates")
        if s >= 2 and lows[s - 1] == "-" and lows[s - 2] == "pro":
            end = _extend_to_group_noun(lows, e, blocking_starts(m.camp))
            return self._camp_match(s - 2, end, m)
        # <Name>-backed independents
        if e + 1 < n and lows[e] == "-" and lows[e + 1] in _HYPHEN_PARTICIPLES:
            starts = blocking_starts(m.camp)
            end = _extend_to_group_noun(lows, e + 2, starts, allow_match=True)
            return self._camp_match(s, max(end, e + 2), m)
        # <Name>'s (moderate) allies
        if e < n and lows[e] in _POSSESSIVES:
            j = _find_group_noun(doc, lows, e + 1, blocking_starts(m.camp))
            if j is not None:
                return self._camp_match(s, j + 1, m)
            return None
        # <Name> and his moderate allies
        if e + 1 < n and lows[e] == "and" and lows[e + 1] in _PRONOUNS:
            j = _find_group_noun(doc, lows, e + 2, blocking_starts(m.camp))
            if j is not None:
                return self._camp_match(s, j + 1, m)
        # allies of <Name>; the coalition formed by Iranian President <Name>
        if _GROUP_NOUNS.isdisjoint(lows[max(0, s - _GROUP_REACH) : s]):
            return None  # (the usual case) it can only start at a group noun
        k = _find_group_before(doc, lows, s, blocking_starts(m.camp))
        if k is not None:
            return self._camp_match(k, e, m)
        return None


def _add_row(found: dict, row: SubjectRow, start: int, end: int) -> None:
    """Add `row` to the readings of tokens start:end, once."""
    bucket = found.get((start, end))
    if bucket is None:
        found[(start, end)] = [row]
    elif row not in bucket:
        bucket.append(row)


def _is_word(text: str, low: str) -> bool:
    """A word of a name or title: letters, a hyphen or a possessive ("Iran's")."""
    return text.isalpha() or text == "-" or low in _POSSESSIVES


def _extend_to_group_noun(lows, i, starts, allow_match=False) -> int:
    """End after a group noun up to two words later, else `i`."""
    for j in range(i, min(i + 2, len(lows))):
        if lows[j] in _GROUP_NOUNS:
            return j + 1
        if (j in starts and not allow_match) or not lows[j].isalpha():
            break
    return i


def _find_group_noun(doc, lows, i, starts) -> int | None:
    """Index of a group noun at i or within a few adjectives after it."""
    texts, _ = token_texts(doc)
    for j in range(i, min(i + _MAX_ADJECTIVES + 1, len(lows))):
        if lows[j] in _GROUP_NOUNS:
            return j
        if j in starts or not (texts[j].isalpha() or lows[j] == "-"):
            return None
    return None


def _find_group_before(doc, lows, s, starts) -> int | None:
    """Start of "<group noun> [participle] by/of/to <title words>" ending at s."""
    lo = max(0, s - _GROUP_REACH)
    if _GROUP_NOUNS.isdisjoint(lows[lo:s]):
        return None  # (the usual case) it can only start at a group noun
    texts, _ = token_texts(doc)
    for k in range(s - 1, lo - 1, -1):
        low = lows[k]
        if low in _GROUP_NOUNS:
            nxt = lows[k + 1] if k + 1 < s else None
            after = lows[k + 2] if k + 2 < s else None
            if nxt in _LINK_PREPOSITIONS:
                gap_start = k + 2
            elif nxt in _LINK_PARTICIPLES and after in _LINK_AFTER_PARTICIPLE:
                gap_start = k + 3
            else:
                return None
            if s - gap_start > _MAX_TITLE_TOKENS:
                return None
            if any(j in starts for j in range(gap_start, s)):
                return None
            return k
        if k < s - 1 and k in starts:
            return None
        if not _is_word(texts[k], low) and low not in (".",):
            return None
    return None


def _longest_first(items: list[_Match]) -> list[_Match]:
    """Non-overlapping matches (longest, then earliest first), sorted by start.

    Which of two matches is kept depends only on the matches overlapping them, so the
    choice is made within each run of overlapping matches; a match that overlaps no
    other (most of them) is kept without one.
    """
    chosen: list[_Match] = []
    run: list[_Match] = []  # overlapping matches, by start
    run_end = -1
    for m in sorted(items, key=_START):
        if m.start < run_end:
            run.append(m)
            if m.end > run_end:
                run_end = m.end
            continue
        if len(run) == 1:
            chosen.append(run[0])
        elif run:
            chosen += _longest_in_run(run)
        run = [m]
        run_end = m.end
    if len(run) == 1:
        chosen.append(run[0])
    elif run:
        chosen += _longest_in_run(run)
    return chosen


_START = itemgetter(0)  # _Match.start


def _longest_in_run(items: list[_Match]) -> list[_Match]:
    """`_longest_first` of one run of overlapping matches (by start)."""
    if len(items) == 2:
        # the usual run ("Hassan Rouhani" and "Rouhani"): the longer, or as long,
        # the earlier, without sorting
        first, second = items
        longer = second.end - second.start > first.end - first.start
        return [second if longer else first]
    chosen: list[_Match] = []
    taken: set[int] = set()
    for m in sorted(items, key=lambda x: (-(x.end - x.start), x.start)):
        if not taken.isdisjoint(range(m.start, m.end)):
            continue
        chosen.append(m)
        taken.update(range(m.start, m.end))
    return sorted(chosen, key=_START)


# -- the spaCy component


@Language.factory("election_subjects")
def create_subject_ruler(nlp: Language, name: str):
    matcher = SubjectMatcher(nlp)
    # the StringStore keys of the ids and labels, added once: a Span given a string
    # adds it to the store again (hashing it) every time
    strings = nlp.vocab.strings
    keys = {text: strings.add(text) for text in {*matcher.info, *LABELS}}

    def key_of(text: str) -> int:
        key = keys.get(text)
        return strings.add(text) if key is None else key

    def election_subjects(doc: Doc) -> Doc:
        raw, mentions = matcher.scan(doc)
        country = matcher.guess_country(doc, raw, mentions)
        found = matcher.matches(doc, country, keep_foreign=True, raw=raw)
        if doc.vocab.strings is strings:
            spans = [
                Span(doc, m.start, m.end, label=key_of(m.label), span_id=key_of(m.id))
                for m in found
            ]
        else:
            spans = [
                Span(doc, m.start, m.end, label=m.label, span_id=m.id) for m in found
            ]
        # (what `doc.spans[SPANS_KEY] = spans` makes, with its attrs given at once)
        doc.spans[SPANS_KEY] = SpanGroup(
            doc, name=SPANS_KEY, attrs={"country": country}, spans=spans
        )
        # the rules' start -> end map of the group, from the offsets at hand:
        # read back from the group, it would take a Span object per span
        keep_span_starts(doc, SPANS_KEY, [(m.start, m.end) for m in found])
        # and the spans as plain (start, end, label, id) for `subject_mentions`
        keep_beside_group(
            doc, SPANS_KEY, "mentions", [(m.start, m.end, m.label, m.id) for m in found]
        )
        return doc

    return election_subjects


def subject_mentions(doc: Doc) -> list[tuple[int, int, str, str]]:
    """(start, end, label, id) of each span of `doc.spans["subjects"]`: as the
    component left them while the group is its own, else read from the group (a
    Span object per span)."""
    mentions = kept_beside_group(doc, SPANS_KEY, "mentions")
    if mentions is None:
        group = doc.spans[SPANS_KEY] if SPANS_KEY in doc.spans else ()
        mentions = [(x.start, x.end, x.label_, x.id_) for x in group]
    return mentions


def infer_country(doc: Doc) -> str | None:
    """The article's country as guessed by the component (None when it has not run)."""
    group = doc.spans.get(SPANS_KEY) if SPANS_KEY in doc.spans else None
    if group is not None and "country" in group.attrs:
        return group.attrs["country"]
    return _phrase_matcher().guess_country(doc)


# -- one phrase at a time


@lru_cache(maxsize=1)
def _phrase_tools():
    import spacy

    nlp = spacy.blank("en")
    return nlp, SubjectMatcher(nlp)


def _phrase_matcher() -> SubjectMatcher:
    return _phrase_tools()[1]


_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=16384)
def _resolve(text: str, country: str | None) -> str | None:
    # cached: the same subjects ("Labour", "the ANC") come back in article after
    # article, and the alias data is loaded once per process
    nlp, matcher = _phrase_tools()
    doc = nlp.make_doc(text)
    keep_foreign = False
    raw, mentions = matcher.scan(doc)  # (one pass for both)
    if not country and mentions:
        country = mentions[0][1]
        keep_foreign = True
    found = matcher.matches(doc, country, keep_foreign=keep_foreign, raw=raw)
    if not found:
        return None
    if len(found) > 1:
        # "opposition leader Kemal Kilicdaroglu", "the opposition CHP": a
        # generic group word
        # yields to a specific name
        # ("independent candidates joining the PML-N" stays with the independents)
        found = [m for m in found if not _generic_modifier(doc, m, found)]
    if len(found) > 1:
        # "Kilicdaroglu's Republican People's Party": the possessor is a
        # modifier, not the head
        heads = [
            m
            for m in found
            if not (m.end < len(doc) and doc[m.end].lower_ in _POSSESSIVES)
        ]
        found = heads or found
    return found[0].id


_MODIFIER_GAP = frozenset(
    """leader leaders candidate chief head figure figures politician presidential main
    ruling party frontrunner front-runner challenger - 's ’s""".split()
)


def _generic_modifier(doc: Doc, m: _Match, found: list[_Match]) -> bool:
    """A generic group word in front of a specific name: "the opposition CHP"."""
    if not (m.country is None and m.label == "GROUP"):
        return False
    for other in found:
        if other is m or (other.country is None and other.label == "GROUP"):
            continue
        if other.start >= m.end and other.start - m.end <= 2:
            gap = doc[m.end : other.start]
            if all(t.lower_ in _MODIFIER_GAP or t.is_title for t in gap):
                return True
    return False


def resolve_subject(text: str, country: str | None = None) -> str | None:
    """The canonical id for a subject phrase as written, or None when none is known.

    With `country` (ISO alpha-2), aliases of other countries are ignored; without it, a
    country named in the phrase ("Iran's conservatives") is used, and an alias shared by
    several countries takes the reading listed first in the data.
    """
    try:
        if not text or not isinstance(text, str):
            return None
        return _resolve_as_written(text, country if isinstance(country, str) else None)
    except Exception:  # noqa: BLE001 - resolution is best effort and must not break a run
        log.exception("resolve_subject failed on %r", text)
        return None


@lru_cache(maxsize=16384)
def _resolve_as_written(text: str, country: str | None) -> str | None:
    # cached on the phrase and country as given, so a phrase seen before skips the
    # whitespace and country clean-up too, not only the matching (`_resolve`)
    text = _SPACES.sub(" ", text).strip()
    country = country.lower().strip() if country and country.strip() else None
    if country == "uk":
        country = "gb"
    return _resolve(text, country)


__all__ = [
    "LABELS",
    "SPANS_KEY",
    "SubjectMatcher",
    "create_subject_ruler",
    "infer_country",
    "resolve_subject",
    "subject_country",
    "subject_label",
]
