"""Who gives each figure: source mentions, attribution cues and chains.

Two parts:

* the ``election_sources`` component marks known source aliases
  (``patterns/sources.jsonl``) and generic media phrases ("state media", "state TV";
  ``patterns/attribution.json``) in ``doc.spans["sources"]`` with phrase matchers
  (multi-word aliases in any case, one-word aliases such as "AP" or "Fars" only as
  spelled), leaving out wire datelines ("(APP - 4th Mar)", "/TASS/") and photo
  credits ("Getty Images/AFP/...");
* :func:`attribute` reads the sentences a figure's chain can depend on for attribution
  cues with plain Python over the tokens -- "according to X",
  "X said/reported/announced", ", X said.", "a report by X", "X was quoted by Y as
  saying", "X told Y", "also cited by Y", "citing Y", "results released by X", a
  headline "... -- TV" -- and builds a chain (originator first, relays after) for each
  figure from the cues whose clause holds it. A chain carries over to later sentences
  of the same paragraph, back over two linked sentences ("The Greens took 62. The
  Liberals won 39, the board said."), and into the next paragraph when that paragraph
  continues the same list of results. A figure in a sentence whose attribution cannot
  be read (a speaker that is not a source, a pronoun with nothing to refer to) gets
  ``[]`` rather than a neighbour's source.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import NamedTuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from extract.models import Source
from extract.numbers import number_run_end, starts_number
from extract.resources import load_json, load_jsonl
from extract.tokens import (
    doc_text,
    is_name_slash,
    keep_beside_group,
    kept_beside_group,
    lower_words,
    sentence_bounds,
    span_text,
    token_facts,
    token_starts,
    token_texts,
)

SPANRULER_KEYS = ("label", "pattern", "id")
_RELAY_PARTICIPLES = frozenset(
    "cited quoted carried relayed reported broadcast aired".split()
)
_RESULT_WORDS = frozenset(
    "results result figures tally tallies count returns breakdown turnout seats "
    "ballots votes winners".split()
)
_RESULT_SETS = frozenset("results result figures tally count returns breakdown".split())
# "the statement said", "the report": a document whose source is the last one named
_DOC_HEADS = frozenset(
    "statement report reports announcement bulletin release update tally figures "
    "data results count".split()
)
MEDIA_KINDS = frozenset({"agency", "broadcaster", "newspaper", "media"})
_QUOTES = frozenset({'"', "“", "”", "‘", "’", "'", "«", "»"})
_DASHES = frozenset({"—", "–", "--", "―"})
_ENDERS = frozenset({".", "!", "?", "…", "..."})
_QUOTES_OR_CLOSE = _QUOTES | {")"}
_COMMA_OR_QUOTE = _QUOTES | {","}
_COMMA_QUOTE_OR_END = _COMMA_OR_QUOTE | _ENDERS
_NAME_JOINERS = frozenset({"-", "&", "'s"})  # punctuation a noun phrase runs through
_PASSIVE_AUX = frozenset({"was", "were", "is", "are", "been", "being", "be"})
# ", X said on Saturday in a statement to reporters": words a trailing cue runs over
_AFTER_VERB_WORDS = frozenset(
    "reporters journalists in at a an the news conference briefing statement press to "
    "from via its his her their website tehran capital city television tv radio agency "
    "interview with channel".split()
)
# how many `_Reader.earlier_atts` walks may each read a sentence whose own walk reads
# the one before it, before the sentences are read in text order instead (a long run
# of "he said" sentences would otherwise nest a walk per sentence)
_MAX_NESTED_WALKS = 16
# words a noun phrase read forward stops at, for `_Reader.np_forward`
_AS = frozenset({"as"})
_PLACE_IN = frozenset({"in", "across", "throughout"})  # "Voters in Germany"
_THAT = frozenset({"that"})
# "told Reuters the ruling party had won": a determiner opens the reported clause
_TOLD_STOPS = _THAT | {"the", "a", "an", "his", "her", "its", "their", "our"}
_AS_OR_THAT = _AS | _THAT
# the references `_Reader.classify_agent` resolves: by default a back-reference
# ("by the commission"); in a result set's own phrase, a pronoun too ("by it")
_BACKREF = frozenset({"backref"})
_PRONOUN_OR_BACKREF = frozenset({"pronoun", "backref"})
_REPORT_SUFFIX = re.compile(r"\s+(reports?|report's)$", flags=re.I)


# --------------------------------------------------------------------------- data


def source_patterns() -> list[dict]:
    """The alias lines of ``sources.jsonl`` reduced to the keys SpanRuler accepts."""
    return [
        {k: row[k] for k in SPANRULER_KEYS if k in row}
        for row in load_jsonl("sources.jsonl")
    ]


_PARTITIVE_WORDS = frozenset({"of", "out", "the", "a", "total"})


@lru_cache(maxsize=1)
def _cues() -> dict:
    raw = load_json("attribution.json")
    cues: dict = {}
    for key, value in raw.items():
        if key.startswith("_"):
            continue
        if isinstance(value, list) and value and isinstance(value[0], str):
            cues[key] = frozenset(v.lower() for v in value)
        else:
            cues[key] = value
    cues["told_not_relay_seq"] = frozenset(
        tuple(_words(v)) for v in raw.get("told_not_relay", [])
    )
    cues["told_not_relay_words"] = frozenset(
        w
        for v in raw.get("told_not_relay", [])
        for w in _words(v.lower())
        if w not in {"the", "a", "an", "his", "her", "their"}
    )
    cues["backref_seq"] = frozenset(tuple(_words(v)) for v in raw.get("backrefs", []))
    cues["according_to"] = [tuple(x) for x in raw.get("according_to", [])]
    cues["break_markers"] = [tuple(x) for x in raw.get("break_markers", [])]
    # the same sequences grouped by their first word, in their listed order
    cues["according_by_first"] = _by_first_word(cues["according_to"])
    cues["break_markers_by_first"] = _by_first_word(cues["break_markers"])
    # the words `_Reader.read` acts on: the first word of an "according to" phrase,
    # a reporting verb, or the "by" of "results released by X"
    cues["read_cue_words"] = (
        frozenset(cues["according_by_first"])
        | cues["reporting_verbs"]
        | cues["speech_participles"]
        | {"by"}
    )
    cues["pronouns"] = cues["pronouns_person"] | cues["pronouns_org"]
    # the words of the qualifiers of numbers.json ("more than", "at least"), which
    # may stand between "claimed" and its count
    cues["qualifier_words"] = frozenset(
        w
        for phrases in load_json("numbers.json")["qualifiers"].values()
        for phrase in phrases
        for w in phrase.lower().split()
    )
    # words a noun phrase may hold besides capitalised ones (forward, and backward)
    cues["np_vocab"] = (
        cues["np_words"]
        | cues["official_titles"]
        | cues["media_heads"]
        | cues["body_heads"]
    )
    cues["back_vocab"] = (
        cues["np_vocab"]
        | cues["not_speakers"]
        | cues["basis_nouns"]
        | cues["report_by_nouns"]
        | cues["relay_by_words"]
        | cues["pronouns"]
        | {"by", "from", "al", "bin", "de", "da", "van", "von", "der", "la", "le"}
    )
    return cues


def _by_first_word(
    seqs: list[tuple[str, ...]],
) -> dict[str, list[tuple[str, ...]]]:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for seq in seqs:
        grouped.setdefault(seq[0], []).append(seq)
    return grouped


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    kinds: dict[str, str] = {}
    for row in load_jsonl("sources.jsonl"):
        kinds.setdefault(row["id"], row.get("kind", "agency"))
    for gid in _cues()["generic_media"].values():
        kinds.setdefault(gid, "media")
    return kinds


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """The country each election body with a ``country`` in sources.jsonl serves."""
    return {
        row["id"]: row["country"]
        for row in load_jsonl("sources.jsonl")
        if row.get("country")
    }


# what an unnamed agent ("several monitors") can still tell of its result set
_AGENT_KINDS = frozenset({"body", "official"})


def _is_case_sensitive(n_tokens: int) -> bool:
    # One-token aliases ("AP", "Fars", "Dawn", "Reuters") match their exact spelling, so
    # "ap" in running text or "dawn" the word are not sources; longer ones any case.
    return n_tokens == 1


# --------------------------------------------------------------------------- component


class SourceMarker:
    """Marks source aliases and generic media phrases in ``doc.spans["sources"]``."""

    def __init__(self, nlp: Language):
        # One PhraseMatcher pass over LOWER finds every alias. Case-sensitive ones
        # (matched as written, ORTH) are added under a key of their own per id and a
        # match of theirs is kept when the tokens are one of that id's spellings:
        # what a second matcher over ORTH finds, without a second walk over the
        # Doc's tokens (a matcher costs ~15 us an article, whatever it holds).
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        strings = nlp.vocab.strings
        self.label_key: int = strings.add("SOURCE")
        # key of an id's case-sensitive aliases -> (the id's key, their token texts)
        self.as_written: dict[int, tuple[int, frozenset[tuple[str, ...]]]] = {}
        self.rules: dict[str, dict] = {}
        rows = list(load_jsonl("sources.jsonl"))
        phrases: list[tuple[str, Doc]] = []  # (id, pattern) of every alias
        written: dict[str, list[Doc]] = {}  # id -> its case-sensitive aliases
        for row in rows:
            doc = nlp.make_doc(row["pattern"])
            key = row["id"]
            if row.get("case_sensitive") or _is_case_sensitive(len(doc)):
                written.setdefault(key, []).append(doc)
            else:
                self.phrases.add(key, [doc])
            phrases.append((key, doc))
            if row.get("not_followed_by") or row.get("unless_doc_has"):
                self.rules[row["pattern"]] = row
        for phrase, gid in _cues()["generic_media"].items():
            doc = nlp.make_doc(phrase)
            self.phrases.add(gid, [doc])
            phrases.append((gid, doc))
        # The cue words `_Reader.read` starts from, found in the same pass for a
        # fraction of what a scan of the words costs it per sentence (all one word,
        # lower case, no apostrophe: a token's LOWER is one exactly when its
        # `_Reader.lows` word is)
        cue_words = sorted(_cues()["read_cue_words"])
        cue_docs = [nlp.make_doc(w) for w in cue_words]
        self.cue_key: int | None = None  # (None: cue words left to `_Reader.read`)
        if all(
            len(doc) == 1 and doc[0].lower_ == w and "'" not in w and "’" not in w
            for w, doc in zip(cue_words, cue_docs, strict=True)
        ):
            self.cue_key = strings.add("attribution cue word")
            self.phrases.add("attribution cue word", cue_docs)
        for key, docs in written.items():
            written_key = f"{key} (as written)"
            self.phrases.add(written_key, docs)
            self.as_written[strings[written_key]] = (
                strings.add(key),
                frozenset(tuple(t.text for t in doc) for doc in docs),
            )
        # The match ids whose span text can be a rule's pattern (their words are the
        # rule's in some case): only their matches need their text looked up.
        rule_words = {tuple(t.lower_ for t in nlp.make_doc(p)) for p in self.rules}
        self.rule_keys: set[int] = {
            strings[key]
            for key, doc in phrases
            if tuple(t.lower_ for t in doc) in rule_words
        }

    def _matches(self, doc: Doc) -> tuple[list[tuple[int, int, int]], list[int] | None]:
        """(start, end, id key) of every alias found: those matched as written
        first, then the others, each in the matcher's order (as when each kind
        had a matcher of its own; the longest-match choice keeps the first of
        equal spans); and the cue words' token indices, in order."""
        texts, _ = token_texts(doc)
        as_written, cue_key = self.as_written, self.cue_key
        written: list[tuple[int, int, int]] = []
        any_case: list[tuple[int, int, int]] = []
        cues: list[int] = []
        for match_id, start, end in self.phrases(doc):
            if match_id == cue_key:
                cues.append(start)
                continue
            spelled = as_written.get(match_id)
            if spelled is None:
                any_case.append((start, end, match_id))
            elif tuple(texts[start:end]) in spelled[1]:
                written.append((start, end, spelled[0]))
        return written + any_case, (cues if cue_key is not None else None)

    def __call__(self, doc: Doc) -> Doc:
        matches, cues = self._matches(doc)
        view = _TextView.of(doc)
        strings = doc.vocab.strings
        kept = [
            (start, end, match_id)
            for start, end, match_id in _longest_matches(matches)
            if not self._furniture(view, start, end, match_id)
        ]
        marks = [_Mark(start, end, strings[key]) for start, end, key in kept]
        # Spans only for the matches kept (a Span costs three Token lookups), given
        # their label and id as the keys they have in the StringStore (as strings,
        # each would be hashed again)
        label = self.label_key
        doc.spans["sources"] = [
            Span(doc, start, end, label=label, span_id=key) for start, end, key in kept
        ]
        # the same marks as plain tuples for `attribute`, which would otherwise
        # rebuild a Span per mark from the group, and the cue words' positions
        keep_beside_group(doc, "sources", "marks", (marks, cues))
        return doc

    def _furniture(self, view: _TextView, start: int, end: int, key: int) -> bool:
        # a rule's text is looked for only when its alias id matched
        rule = key in self.rule_keys and self.rules.get(view.span_text(start, end))
        if rule:
            words = view.words
            nxt = words[end] if end < len(words) else ""
            if nxt in rule.get("not_followed_by", ()):
                return True
            if any(w in view.text for w in rule.get("unless_doc_has", ())):
                return True
        return _is_furniture(view, start, end)


# words that open a clause of its own after a trailing cue (", X said as ...")
_CLAUSE_AFTER_TRAILING_CUE = frozenset(
    {"as", "when", "while", "after", "before", "adding", "because"}
)

# the words after "per" that make it part of a unit ("per cent"), not a source's cue
_PER_UNITS = frozenset({"cent", "centum", "capita", "annum", "head", "person"})


def _longest_matches(
    matches: list[tuple[int, int, int]],
) -> list[tuple[int, int, int]]:
    """`spacy.util.filter_spans` for (start, end, key) matches: the longest (then
    first) of overlapping ones, sorted by start."""
    # Most Docs' matches do not overlap: then all are kept, in order of start
    # (distinct starts, so the tuples' own order is that order).
    by_start = sorted(matches)
    prev_end = -1
    for start, end, _ in by_start:
        if start < prev_end:
            break
        prev_end = end
    else:
        return by_start
    ranked = sorted(matches, key=lambda m: (m[1] - m[0], -m[0]), reverse=True)
    kept = []
    taken: set[int] = set()
    for start, end, key in ranked:
        if start not in taken and end - 1 not in taken:
            kept.append((start, end, key))
            taken.update(range(start, end))
    kept.sort(key=lambda m: m[0])
    return kept


class _TextView(NamedTuple):
    """A Doc's cached text and token views (`extract.tokens`), fetched once."""

    doc: Doc
    text: str
    words: list[str]  # token texts
    spaces: list[str]  # each token's trailing whitespace
    starts: list[int]  # each token's character offset
    lows: list[str]  # lower-case token texts (`Token.lower_`)

    @classmethod
    def of(cls, doc: Doc) -> _TextView:
        words, spaces = token_texts(doc)
        return cls(
            doc, doc_text(doc), words, spaces, token_starts(doc), lower_words(doc)
        )

    def span_text(self, start: int, end: int) -> str:
        """`doc[start:end].text`."""
        return span_text(self.doc, start, end)


_CREDIT_WORDS_IN_PARENS = frozenset(
    {"photo", "photos", "image", "picture", "credit", "file"}
)
_CREDIT_LINE_STARTS = frozenset(
    {"source", "sources", "photo", "photos", "credit", "image"}
)


def is_furniture(doc: Doc, start: int, end: int) -> bool:
    """A dateline, photo credit or byline mention rather than an attribution."""
    return _is_furniture(_TextView.of(doc), start, end)


def _is_furniture(view: _TextView, start: int, end: int) -> bool:
    words, spaces = view.words, view.spaces
    nxt = words[end] if end < len(words) else None
    # "/TASS/", "Getty Images/AFP/Atta Kenare"
    if (start > 0 and words[start - 1].endswith("/") and not spaces[start - 1]) or (
        nxt is not None and nxt.startswith("/") and not spaces[end - 1]
    ):
        return True
    # the words before the mention on its line are lows[line:start]; read by index
    # rather than sliced (a paragraph is one line, often long)
    lows = view.lows
    line = _line_start(view, start)
    # "(APP - 4th Mar, 2024)" near the start of a line; "(Photo: TRT World and AFP)"
    opened = _last_open_paren(view, line, start)
    if opened >= 0:
        if opened == start - 1:  # nothing inside the parentheses yet
            if nxt is not None and nxt in {"-", "–", "—", ")", ","}:
                if opened - line <= 8:
                    return True
        elif lows[opened + 1] in _CREDIT_WORDS_IN_PARENS:
            return True
    # "Source: Agencies", "Photo: AFP", "Credit: Reuters", "Staff Reporter | AFP"
    if line < start and lows[line] in _CREDIT_LINE_STARTS:
        if line + 1 < start and lows[line + 1] in {":", "/", "|"}:
            return True
    return False


def _last_open_paren(view: _TextView, a: int, b: int) -> int:
    """The last token of ``a:b`` that is "(", or -1; found by searching the text
    for the character (then checking the token holding it) rather than the words."""
    text, words, starts = view.text, view.words, view.starts
    if a >= b:
        return -1
    lo = starts[a]
    limit = starts[b - 1] + len(words[b - 1])
    while True:
        at = text.rfind("(", lo, limit)
        if at < 0:
            return -1
        k = bisect.bisect_right(starts, at, a, b) - 1
        if k < a:
            return -1
        if words[k] == "(":
            return k
        limit = starts[k]  # a "(" inside another token ("(APP") is not one


def _line_start(view: _TextView, i: int) -> int:
    """The first token of the line token ``i`` is on.

    A line ends after a token whose trailing whitespace holds a newline, or at a
    whitespace token holding one. Rather than walk back token by token, look for the
    last newline in the text before token ``i`` and check the token it belongs to.
    """
    text, words, spaces, starts = view.text, view.words, view.spaces, view.starts
    limit = starts[i]
    while True:
        newline = text.rfind("\n", 0, limit)
        if newline < 0:
            return 0
        # the token whose text or trailing whitespace holds the newline
        k = bisect.bisect_right(starts, newline) - 1
        if k < 0:
            return 0
        if "\n" in spaces[k] or (words[k].isspace() and "\n" in words[k]):
            return k + 1
        limit = starts[k]  # a newline inside a word token does not end a line


@Language.factory("election_sources")
def create_source_ruler(nlp: Language, name: str):
    marker = SourceMarker(nlp)

    def election_sources(doc: Doc) -> Doc:
        return marker(doc)

    return election_sources


# --------------------------------------------------------------------------- resolve


_WORD_RE = re.compile(r"\w+|[^\w\s]")


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.replace("’", "'"))


@lru_cache(maxsize=1)
def _alias_index() -> tuple[
    dict[tuple[str, ...], str], dict[tuple[str, ...], str], int
]:
    exact: dict[tuple[str, ...], str] = {}
    folded: dict[tuple[str, ...], str] = {}
    longest = 1
    for row in load_jsonl("sources.jsonl"):
        words = tuple(_words(row["pattern"]))
        longest = max(longest, len(words))
        short = len(words) == 1 and (
            row["pattern"].isupper() or len(row["pattern"]) <= 4
        )
        if short or row.get("case_sensitive"):
            exact.setdefault(words, row["id"])
        else:
            folded.setdefault(tuple(w.lower() for w in words), row["id"])
    for phrase, gid in _cues()["generic_media"].items():
        words = tuple(w.lower() for w in _words(phrase))
        longest = max(longest, len(words))
        folded.setdefault(words, gid)
    return exact, folded, longest


@lru_cache(maxsize=4096)
def _source(name: str, id: str | None) -> Source:
    """``Source(name=name, id=id)``; equal ones are shared (the model is frozen), so
    the same few sources are not built and validated again for every article."""
    return Source(name=name, id=id)


@lru_cache(maxsize=4096)
def resolve_source(name: str) -> str | None:
    """The canonical id for a source name as written, or None.

    "the Fars news agency" -> "fars", "Agence France-Presse (AFP)" -> "afp",
    "state-run media" -> "state_media", "Interior Minister Ahmad Vahidi" ->
    "interior_ministry"; the longest known alias inside the name wins.
    """
    if not name:
        return None
    exact, folded, longest = _alias_index()
    words = _words(name)
    lower = [w.lower() for w in words]
    n = len(words)
    for size in range(min(longest, n), 0, -1):
        for i in range(0, n - size + 1):
            key = tuple(lower[i : i + size])
            if key in folded:
                return folded[key]
            if tuple(words[i : i + size]) in exact:
                return exact[tuple(words[i : i + size])]
    return None


# --------------------------------------------------------------------------- analysis


@dataclass(slots=True)
class _Att:
    """One attribution cue in a sentence."""

    cue: int  # token index of the cue word (verb, "according", "by", dash)
    seg: tuple[int, int]  # tokens the cue and its source phrase occupy
    chain: list[Source]
    kind: str  # agency/broadcaster/newspaper/media/official/body/proper/basis
    trailing: bool  # placed after the content it covers (covers the whole sentence)
    scope: tuple[int, int] = (0, 0)
    basis_only: bool = False  # "according to voting records": used only if nothing else
    person: str | None = None  # a person's bare name, for "he said" later
    cited_set: bool = False  # "citing Election Commission figures": a result set

    def holds(self, pos: int) -> bool:
        """Whether the cue covers token ``pos``: in its scope, not in its own words."""
        return self.scope[0] <= pos < self.scope[1] and not (
            self.seg[0] <= pos < self.seg[1]
        )


@dataclass(slots=True)
class _Sent:
    """One sentence. The empty tuples stand for "none" so that the many sentences
    without figures or cues need no lists of their own (fewer objects for the GC)."""

    start: int
    end: int
    para: int
    headline: bool
    figures: Sequence[int] = ()
    numbers: Sequence[int] = ()  # figures, else the first number token if any
    atts: Sequence[_Att] = ()
    fallback: list[Source] | None = None  # "unofficial results showed": weakest
    # the token that cue's clause starts at (", though the results ...")
    fallback_from: int = 0
    fallback_trailing: bool = False  # that cue closes the sentence ("..., the results
    # showed."): it may cover the sentence before too (`_inherit` step 2)
    unclear: bool = False
    chain: list[Source] | None = None  # the chain that carries over from this sentence
    done: bool = False  # read for cues yet (sentences are read only when needed)


class _Mark(NamedTuple):
    """A marked source mention: tokens ``start:end``, canonical ``id``."""

    start: int
    end: int
    id: str


def _source_marks(doc: Doc) -> tuple[list[_Mark], list[int] | None]:
    """The marked sources, as the component left them beside ``doc.spans["sources"]``
    while that group is still the one it made, with the cue words' positions it
    found; else the sources read from the group (a SpanGroup makes a new Span object
    per span each time) and None."""
    kept = kept_beside_group(doc, "sources", "marks")
    if kept is not None:
        return kept
    return [
        _Mark(span.start, span.end, span.id_) for span in doc.spans["sources"]
    ], None


class _Reader:
    """Reads a Doc's attribution cues from plain per-token lists.

    Token and Span objects are built only where spaCy alone knows the answer
    (`is_punct`); words, whitespace, number-likeness and the marked sources are read
    once per Doc into lists.
    """

    def __init__(self, doc: Doc, country: str | None = None):
        self.doc = doc
        self.country = country  # of the election the article reports on, if known
        self.c = c = _cues()
        self.kinds = _kinds()
        if "sources" not in doc.spans:
            _fallback_marker(doc)
        self.source_spans: list[_Mark]
        # the tokens that are cue words, when the source component found them
        self.cue_positions: list[int] | None
        self.source_spans, self.cue_positions = _source_marks(doc)
        self.mark_starts = [mark.start for mark in self.source_spans]
        self.marks_sorted = self.mark_starts == sorted(self.mark_starts)
        self.in_source: set[int] = {
            i for mark in self.source_spans for i in range(mark.start, mark.end)
        }
        self.consumed: set[int] = set()
        self.full_text = doc_text(doc)
        self.texts, self.spaces = token_texts(doc)
        self.starts = token_starts(doc)
        self.lows: list[str] = self._lows_with_straight_apostrophes(lower_words(doc))
        facts = token_facts(doc)
        self.like_num: list[bool] = facts.like_num
        self.punct: list[bool] = facts.punct
        self.cue_words: frozenset[str] = c["read_cue_words"]
        self.participles: frozenset[str] = c["speech_participles"]
        self.according_by_first = c["according_by_first"]
        # The sentences, read lazily (`ensure_read`): only those a figure's chain can
        # depend on, plus the earlier ones a pronoun or "the statement" looks back
        # through for what it refers to (`earlier_atts`).
        self.sents: list[_Sent] = []
        self.reading = 0  # the index of the sentence being read
        self.nested_walks = 0  # `earlier_atts` walks reading a sentence of their own
        # (sentence start, seg) -> `compose` of that attribution
        self.composed: dict[tuple[int, tuple[int, int]], list[Source]] = {}
        self.np_vocab = c["np_vocab"]
        self.back_vocab = c["back_vocab"]

    def _lows_with_straight_apostrophes(self, lows: list[str]) -> list[str]:
        """The lower-case words with "’" written "'" (a copy if any had one).

        Only the tokens whose text holds a "’" change (lower-casing neither makes nor
        removes one), and those are found from the text rather than word by word.
        """
        text, texts, starts = self.full_text, self.texts, self.starts
        at = text.find("’")
        if at < 0:
            return lows
        lows = list(lows)
        while at >= 0:
            k = bisect.bisect_right(starts, at) - 1
            if 0 <= k and at < starts[k] + len(texts[k]):
                lows[k] = lows[k].replace("’", "'")
                at = starts[k] + len(texts[k])  # the rest of this token is done
            else:
                at += 1
            at = text.find("’", at)
        return lows

    def ensure_read(self, n: int) -> None:
        """Read sentence ``n`` for cues, once."""
        s = self.sents[n]
        if s.done:
            return
        s.done = True
        outer = self.reading
        self.reading = n
        self.read(s)
        self.reading = outer

    def earlier_atts(self) -> Iterator[_Att]:
        """The usable attributions of the sentences before the one being read, last
        first, reading those sentences only as far back as the caller looks (what a
        pronoun refers to is mostly a sentence or two back)."""
        sents = self.sents
        for m in range(self.reading - 1, -1, -1):
            s = sents[m]
            if not s.done:
                if self.nested_walks >= _MAX_NESTED_WALKS:
                    # Sentence m's own walk could read the one before it, and so on:
                    # read the sentences before it first, in text order, each of
                    # whose walks then finds the sentences before it read.
                    for k in range(m):
                        self.ensure_read(k)
                self.nested_walks += 1
                self.ensure_read(m)
                self.nested_walks -= 1
            for att in reversed(s.atts):
                if att.kind not in {"basis", "citing"} and att.chain:
                    yield att

    # ------------------------------------------------------------ small helpers
    def marks_within(self, a: int, b: int) -> list[_Mark]:
        """The marked sources inside tokens ``a:b``, in their listed order."""
        marks = self.source_spans
        if self.marks_sorted:  # as the component leaves them: only look near a:b
            lo = bisect.bisect_left(self.mark_starts, a)
            hi = bisect.bisect_left(self.mark_starts, b, lo)
            if lo == hi:
                return []
            # (each of these starts at or after a)
            return [m for m in marks[lo:hi] if m.end <= b]
        return [m for m in marks if m.start >= a and m.end <= b]

    def raw_text(self, a: int, b: int) -> str:
        """`doc[a:b].text`."""
        return span_text(self.doc, a, b)

    def text(self, a: int, b: int) -> str:
        """`doc[a:b].text` without surrounding whitespace."""
        return span_text(self.doc, a, b).strip()

    def is_punct(self, i: int) -> bool:
        """`Token.is_punct`."""
        return self.punct[i]

    def seq_at(self, i: int, seq: Sequence[str], end: int) -> bool:
        n = len(seq)
        if i + n > end or self.lows[i] != seq[0]:
            return False
        return n == 1 or self.lows[i : i + n] == list(seq)

    def starts_with_any(self, s: _Sent, seqs_by_first: dict) -> bool:
        """Whether sentence ``s`` opens with one of the word sequences."""
        for seq in seqs_by_first.get(self.lows[s.start], ()):
            if self.seq_at(s.start, seq, s.end):
                return True
        return False

    def day_names_paper(self, i: int, hi: int) -> bool:
        """Whether the weekday at ``i`` begins a newspaper's name: capitalised, and
        followed (before ``hi``) by up to three capitalised words, the last a paper's
        head ("the Sunday Times", "Sunday Business Post", "Monday Herald"). Not "on
        Sunday that", "on Sunday, the board", "by Sunday" or "on Sunday State TV"."""
        texts = self.texts
        if not texts[i][:1].isupper():
            return False
        k = i + 1
        end = min(hi, i + 4)
        while k < end and texts[k][:1].isupper() and texts[k].isalpha():
            k += 1
        return k > i + 1 and self.lows[k - 1] in self.c["paper_heads_after_day"]

    def names_time(self, a: int, b: int) -> bool:
        """Whether the words ``a:b`` after a "by" name a time, not an agent: "by
        Sunday", "by midnight", "by 10 p.m.", "by the end of the day", "by late
        Sunday", "by Election Day" (but "by the Sunday Times" is a paper)."""
        lows, c = self.lows, self.c
        leads = c["by_time_leads"]
        i = a
        while i < b and lows[i] in leads:
            i += 1
        if i >= b or i in self.in_source:
            return False
        times = c["by_time_words"]
        first = lows[i]
        if not (
            first in c["weekdays_months"]
            or self.like_num[i]
            # "by midnight", "by the end": a time word in lower case ("by the
            # Morning Star" names a paper)
            or (first in times and not self.texts[i][:1].isupper())
            or (i + 1 < b and lows[i + 1] in times)  # "by Election Day"
        ):
            return False
        # "by Sunday Times", "by the Monday Herald": a paper or body named by a day
        last = lows[b - 1]
        return last not in c["media_heads"] and last not in c["body_heads"]

    # ------------------------------------------------------------ noun phrases
    def np_back(self, end: int, lo: int) -> tuple[int, int] | None:
        """The noun phrase ending just before ``end``, back to a boundary."""
        lows, texts, in_source = self.lows, self.texts, self.in_source
        like_num, punct, back_vocab = self.like_num, self.punct, self.back_vocab
        boundary_words = self.c["boundary_words"]
        weekdays = self.c["weekdays_months"]
        j = end - 1
        start = end
        while j >= lo:
            t = lows[j]
            word = texts[j]
            if word.isspace():
                break
            if (
                t == ")"
                and j - 2 >= lo
                and lows[j - 2] == "("
                and texts[j - 1].isupper()
            ):
                start = j - 2
                j -= 3
                continue
            if j in in_source or (
                t == "/" and j + 1 == start and is_name_slash(texts, self.spaces, j)
            ):
                start = j  # a marked source; the slash of "CDU/CSU"
                j -= 1
                continue
            if t in weekdays:
                if j + 1 == start and self.day_names_paper(j, end):
                    start = j  # "the Sunday Times": the day is part of the name
                    j -= 1
                    continue
                break
            if t in boundary_words or like_num[j]:
                break
            if not word[:1].isupper() and t not in back_vocab:
                break  # "Reuters contributed reporting": a verb, not part of a name
            if t not in _NAME_JOINERS and punct[j]:
                break
            start = j
            j -= 1
            if end - start > 12:
                return None
        return (start, end) if start < end else None

    def np_forward(
        self, start: int, hi: int, stop_words: frozenset[str] = frozenset()
    ) -> tuple[int, int] | None:
        """The noun phrase starting at ``start`` up to a boundary."""
        lows, texts = self.lows, self.texts
        boundary_words = self.c["boundary_words"]
        weekdays = self.c["weekdays_months"]
        j = start
        while j < hi:
            t = lows[j]
            word = texts[j]
            if word.isspace():
                break
            if (
                t == "("
                and j + 2 < hi
                and lows[j + 2] == ")"
                and texts[j + 1].isupper()
            ):
                j += 3
                continue
            if j > start and (
                j in self.in_source
                or (t == "/" and is_name_slash(texts, self.spaces, j))
            ):
                j += 1  # a marked source; the slash of "Bosnia/Herzegovina"
                continue
            if t not in _NAME_JOINERS and self.punct[j]:
                break
            if j > start and (
                t in boundary_words
                or t in stop_words
                or (t in weekdays and not self.day_names_paper(j, hi))
            ):
                break
            if t in {"by", "on", "in", "at"} and j > start:
                break
            if self.like_num[j] or (
                not word[:1].isupper() and j > start and t not in self.np_vocab
            ):
                break
            j += 1
            if j - start > 12:
                break
        return (start, j) if j > start else None

    def clause_forward(self, start: int, hi: int) -> tuple[int, int]:
        """Everything from ``start`` to the clause end (comma, semicolon, dash, end)."""
        texts = self.texts
        j = start
        while j < hi:
            t = texts[j]
            if t in {",", ";", ":"} or t in _DASHES or t in _ENDERS or t.isspace():
                break
            if t == "(":
                if j + 2 < hi and texts[j + 2] == ")" and texts[j + 1].isupper():
                    j += 3
                    continue
                break
            j += 1
        while (
            j > start
            and texts[j - 1] in _QUOTES_OR_CLOSE
            and "(" not in self.text(start, j)
        ):
            j -= 1
        return start, j

    # ------------------------------------------------------------ source phrases
    def classify(self, a: int, b: int) -> tuple[list[Source], str, str | None] | None:
        """(chain, kind, person name) for the phrase ``doc[a:b]``; None if no source."""
        if a >= b:
            return None
        c = self.c
        texts = self.texts
        words = self.lows[a:b]
        # "a report by X", "results released by X", "a statement from X"
        if "by" in words or "from" in words:
            for k in range(len(words) - 1, 0, -1):
                if words[k] in {"by", "from"} and (
                    words[k - 1] in c["report_by_nouns"]
                    or words[k - 1] in c["relay_by_words"]
                ):
                    if self.names_time(a + k + 1, b):
                        return None  # "the count by Sunday": no agent named
                    if words[k + 1 : k + 2] and words[k + 1] in c["unnamed_agents"]:
                        # "unofficial counts by several monitors": no originator
                        # named, so the result set as written (see `_passive_by`)
                        got = self.classify(a + k + 1, b)
                        kind = got[1] if got and got[1] in _AGENT_KINDS else "basis"
                        return [_source(self._trim(a, b), None)], kind, None
                    return self.classify_agent(a + k + 1, b, _PRONOUN_OR_BACKREF)
        if len(words) == 1 and words[0] in c["pronouns"]:
            return [], "pronoun", None
        is_backref = tuple(words) in c["backref_seq"]
        if is_backref and words[-1] in _DOC_HEADS:
            if next(self.earlier_atts(), None) is None:
                return [_source(self.text(a, b), None)], "basis", None
        if is_backref:
            return (
                [_source(self.text(a, b), resolve_source(self.text(a, b)))],
                "backref",
                None,
            )
        spans = self.marks_within(a, b)
        if spans:
            span = spans[-1]
            if len(spans) > 1 and span.start > a and texts[span.start - 1] == "(":
                span = spans[-2]  # "Agence France-Presse (AFP)"
            kind = self.kinds.get(span.id, "agency")
            rest = self.lows[span.end : b]
            tail_ok = all(
                w in c["media_heads"]
                or w in {"(", ")"}
                or texts[span.end + n].isupper()
                for n, w in enumerate(rest)
            )
            if kind in MEDIA_KINDS and kind != "media" and tail_ok:
                name = _REPORT_SUFFIX.sub("", self.text(span.start, b))
                return [_source(name, span.id)], kind, None
            if rest and rest[0] == "'s" and (set(rest[1:]) & c["basis_nouns"]):
                b = span.end  # "the Election Commission of India's website"
            name = self._trim(a, b)
            person = self._person_name(a, b) if kind not in MEDIA_KINDS else None
            return [_source(name, span.id)], kind, person
        last = words[-1]
        if (
            words[0] in c["not_speakers"]
            # "party spokesman Ali Karimi", "candidate spokeswoman": a title after
            # it makes the first word a modifier
            and not (len(words) > 1 and words[1] in c["official_titles"])
        ) or last in c["not_speakers"]:
            # "quick counts", "the official results", "an exit poll"
            first = (
                words[1] if words[0] in {"a", "an", "the"} and b - a > 1 else words[0]
            )
            if last in c["basis_nouns"] or first in c["basis_nouns"]:
                return [_source(self._trim(a, b), None)], "basis", None
            return None
        if not c["official_titles"].isdisjoint(words):
            name = self._trim(a, b)
            return (
                [_source(name, resolve_source(name))],
                "official",
                self._person_name(a, b),
            )
        if last in c["media_heads"]:
            name = self._trim(a, b)
            return [_source(name, resolve_source(name))], "media", None
        # the alphabetic words (`Token.is_alpha`): no "’" in them, so `lows` is lower_
        alpha = [i for i in range(a, b) if texts[i].isalpha()]
        if alpha and self.lows[alpha[0]] in {"the", "a", "an"} and len(alpha) > 1:
            alpha = alpha[1:]
        if (
            alpha
            and all(
                texts[i][:1].isupper()
                or self.lows[i]
                in {"of", "the", "for", "and", "de", "al", "el", "bin", "van", "von"}
                for i in alpha
            )
            and texts[alpha[0]][:1].isupper()
        ):
            if len(alpha) == 1 and self.lows[alpha[0]] in {"the", "a", "an"}:
                return None
            name = self._trim(a, b)
            person = (
                name
                if len(alpha) >= 2
                and not any(
                    w in c["media_heads"] or w in c["body_heads"] for w in words
                )
                else (name if len(alpha) == 1 else None)
            )
            return [_source(name, resolve_source(name))], "proper", person
        if not c["basis_nouns"].isdisjoint(words):
            return [_source(self._trim(a, b), None)], "basis", None
        return None

    def _trim(self, a: int, b: int) -> str:
        texts = self.texts
        punct = self.punct
        while a < b and texts[a] != "(" and (texts[a].isspace() or punct[a]):
            a += 1
        while (
            b > a and texts[b - 1] != ")" and (texts[b - 1].isspace() or punct[b - 1])
        ):
            b -= 1
        return span_text(self.doc, a, b).strip()  # (`text`, inline)

    def _person_name(self, a: int, b: int) -> str | None:
        """The capitalised name after any titles in ``doc[a:b]`` (up to a comma)."""
        texts, lows = self.texts, self.lows
        end = texts.index(",", a, b) if "," in texts[a:b] else b
        titles = self.c["person_title_words"]
        i = a
        while i < end and (
            lows[i] in titles
            or not texts[i][:1].isupper()
            or i + 1 < end
            and texts[i + 1] in {"'s", "’s"}
            or texts[i] in {"'s", "’s"}
        ):
            i += 1
        if (
            i < end
            and all(texts[t][:1].isupper() or texts[t] == "-" for t in range(i, end))
            and self.in_source.isdisjoint(range(i, end))
        ):
            return self.raw_text(i, end)
        return None

    # ------------------------------------------------------------ cue finders
    def read(self, s: _Sent) -> None:
        a, b = s.start, s.end
        # Only the cue tokens can start an attribution (besides a headline's dash);
        # half the sentences have none and keep their empty defaults. The source
        # component's phrase pass finds them for the whole Doc; without its list,
        # one set test tells whether a sentence has any (a third of the cost of
        # finding where they are), and `compress` finds them (the loop in C).
        cues: Sequence[int]
        positions = self.cue_positions
        if positions is not None:
            # (the cue positions in a:b; asked for every sentence read)
            lo = bisect.bisect_left(positions, a)
            hi = bisect.bisect_left(positions, b, lo)
            cues = positions[lo:hi] if lo < hi else ()
        else:
            words = self.lows[a:b]
            if self.cue_words.isdisjoint(words):
                cues = ()
            else:
                cues = list(
                    compress(range(a, b), map(self.cue_words.__contains__, words))
                )
        if not cues and not s.headline:
            s.atts = ()
            s.unclear = False
            return
        lows = self.lows
        reporting_verbs = self.c["reporting_verbs"]
        atts: list[_Att] = []
        unclear = False
        if s.headline:
            att = self._headline(a, b)
            if att:
                atts.append(att)
        # The words of an "according to" phrase that matched are not read again.
        next_unread = a
        for i in cues:
            if i < next_unread:
                continue
            matched = False
            for seq in self.according_by_first.get(lows[i], ()):
                if seq == ("per",) and i + 1 < b and lows[i + 1] in _PER_UNITS:
                    break  # "33.7 per cent of the vote": a unit, not "per X"
                if self.seq_at(i, seq, b):
                    att = self._according(i, len(seq), a, b)
                    if att:
                        atts.append(att)
                    next_unread = i + len(seq)
                    matched = True
                    break
            if matched:
                continue
            t = lows[i]
            if t in self.participles and i not in self.consumed:
                att = self._participle(i, a, b)
                if att:
                    atts.append(att)
                    continue
            if (
                t in reporting_verbs
                and i not in self.consumed
                and i not in self.in_source
            ):
                res = self._verb(i, a, b)
                if res == "unclear":
                    unclear = True
                elif isinstance(res, _Att):
                    if res.kind == "basis" and not res.basis_only:
                        s.fallback = res.chain
                        s.fallback_trailing = res.trailing
                        if not res.trailing:
                            s.fallback_from = self._contrast_start(res, a)
                    else:
                        atts.append(res)
            elif t == "by" and i not in self.consumed:
                att = self._passive_by(i, a, b)
                if att:
                    atts.append(att)
        if not atts:
            s.atts = ()
            s.unclear = unclear
            return
        if len(atts) > 1:  # (most sentences read have one cue: nothing to weigh)
            # a basis after another speaker ("Iran put turnout at 41%, according to
            # voting records") does not replace the announcer.
            # But a result set an outlet cites is what it relays ("..., Doordarshan
            # reported, citing Election Commission figures"); a body's or an
            # official's ("the council said, citing preliminary figures") is its own.
            if any(not x.basis_only for x in atts):
                relayed = any(x.kind in MEDIA_KINDS for x in atts)
                atts = [
                    x for x in atts if not x.basis_only or (relayed and x.cited_set)
                ]
            atts = self._dedupe(atts)
            # "A report by Mehr, also cited by AFP, said": the "by" phrase is part
            # of the speaker's, whose cue says more (the relay)
            atts = [
                x
                for x in atts
                if lows[x.cue] != "by"
                or not any(
                    o is not x and o.seg[0] <= x.seg[0] and x.seg[1] <= o.seg[1]
                    for o in atts
                )
            ]
        s.atts = atts
        s.unclear = unclear and not s.atts
        self._scopes(s)

    @staticmethod
    def _dedupe(atts: list[_Att]) -> list[_Att]:
        out: list[_Att] = []
        for att in atts:
            if any(o.seg == att.seg for o in out):
                continue
            out.append(att)
        return out

    def _headline(self, a: int, b: int) -> _Att | None:
        texts = self.texts
        for j in range(b - 1, max(a, b - 6), -1):
            if texts[j] in _DASHES or (texts[j] in {"-", "|"} and self.spaces[j - 1]):
                if j + 1 >= b:
                    return None
                res = self.classify(j + 1, b)
                if res and res[1] not in {"pronoun", "backref", "basis"}:
                    return _Att(j, (j, b), res[0], res[1], True)
                return None
        return None

    def _according(self, i: int, n: int, a: int, b: int) -> _Att | None:
        start = i + n
        ca, cb = self.clause_forward(start, b)
        # "according to Mohsen Eslami, spokesman for the elections authority."
        lows = self.lows
        if cb < b and self.texts[cb] == "," and cb + 1 < b:
            nxt = lows[cb + 1]
            nxt2 = lows[cb + 2] if cb + 2 < b else ""
            if nxt in self.c["official_titles"] or (
                nxt in {"the", "a", "an"}
                and nxt2 in self.c["official_titles"]
                and i > a + 3
            ):
                _, cb2 = self.clause_forward(cb + 1, b)
                if cb2 >= b - 1 and i > a:
                    cb = cb2
        res = None
        origin = relay = None
        for k in range(ca + 1, cb):
            if lows[k] not in {"by", "from"}:
                continue
            self.consumed.add(k)
            # "figures from the commission cited by Interfax", "results carried by
            # state media", "early results released on Monday by the ministry"
            agent = self.np_forward(k + 1, cb, _AS)
            if agent is None or self.names_time(*agent):
                continue  # "the count by Sunday", "figures released by midnight"
            got = self.classify_agent(*agent)
            if not got or got[1] in {"basis", "pronoun"} or not got[0]:
                continue
            if lows[k - 1] in _RELAY_PARTICIPLES and lows[k] == "by":
                relay = relay or got
            else:
                origin = origin or got
        if origin and relay:
            res = (origin[0] + relay[0], origin[1], origin[2])
        else:
            res = origin or relay
        if res is None:
            res = self.classify(ca, cb)
        if res is None:
            return None
        chain, kind, person = res
        if kind in {"pronoun", "backref"}:
            chain = self._resolve_ref(ca, cb, kind)
            if not chain:
                return None
        seq = tuple(lows[i : i + n])
        citing = seq in {("citing",), ("quoting",)}
        att = _Att(
            i,
            (i, cb),
            chain,
            "citing" if citing else kind,
            True,
            basis_only=(kind == "basis"),
            person=person,
            cited_set=citing and kind == "basis" and self.cited_set(ca, cb),
        )
        return att

    def cited_set(self, a: int, b: int) -> bool:
        """Whether ``doc[a:b]`` after "citing" names a result set ("Election
        Commission figures", "official preliminary results", "the board's tally"),
        not the outlet's own ("its own tally") or a complaint ("irregularities in
        the count")."""
        c, lows, texts = self.c, self.lows, self.texts
        if not 0 < b - a <= 7 or lows[b - 1] not in c["cited_result_sets"]:
            return False
        return all(
            texts[k][:1].isupper()
            or lows[k] in c["cited_set_words"]
            or lows[k] in c["basis_nouns"]
            for k in range(a, b - 1)
        )

    def _claims_outcome(self, k: int, b: int) -> bool:
        """Whether the words from ``k`` name an outcome claimed ("victory", "a
        landslide", "the presidency"), so the "claims" before them is no speech
        (unless a "saying" clause gives figures after it)."""
        lows, outcomes = self.lows, self.c["claimed_outcomes"]
        if k < b and lows[k] in {"a", "an", "the", "his", "her", "its", "their"}:
            k += 1
        # "Sharif claimed victory, saying his party won 75 seats": he gives them
        return k < b and lows[k] in outcomes and "saying" not in lows[k:b]

    def _claims_count(self, k: int, b: int) -> bool:
        """Whether the words from ``k`` are a count "claimed" as a result verb takes
        it ("claimed 54 seats", "claims more than 40 percent", "claimed 135 of the
        199 seats")."""
        lows, c, like_num = self.lows, self.c, self.like_num
        end = number_run_end(lows, like_num, k, b, c["qualifier_words"])
        if end is None:
            return False
        k = end
        if k < b and lows[k] in {"of", "out"}:  # "135 of the 199 seats"
            j = k
            while j < b and (lows[j] in _PARTITIVE_WORDS or like_num[j]):
                j += 1
            if j > k + 1 and like_num[j - 1]:
                k = j
        return k < b and lows[k] in c["claimed_counts"]

    def _skip_back(self, j: int, lo: int) -> int:
        """Skip auxiliaries and time adverbials before a verb; returns the new end."""
        lows, like_num = self.lows, self.like_num
        skip = self.c["skip_before_verb"]
        weekdays = self.c["weekdays_months"]
        while j > lo:
            t = lows[j - 1]
            if (
                t in skip
                or t in weekdays
                or (like_num[j - 1] and j - 2 >= lo and lows[j - 2] in weekdays)
            ):
                j -= 1
                continue
            break
        return j

    def _verb(self, v: int, a: int, b: int) -> _Att | str | None:
        lows, texts = self.lows, self.texts
        t = lows[v]
        c = self.c
        prev = lows[v - 1] if v > a else ""
        nxt = lows[v + 1] if v + 1 < b else ""
        # nouns: "a report", "the AFP report also noted", "media reports said",
        # "the 36 states"
        if t in {
            "report",
            "reports",
            "show",
            "shows",
            "say",
            "put",
            "puts",
            "estimate",
            "estimates",
            "claims",
            "states",
        }:
            if self.like_num[v - 1] if v > a else False:
                return None  # "two-thirds of Nigeria's 36 states": a count of them
            if prev in {
                "a",
                "an",
                "the",
                "this",
                "that",
                "its",
                "his",
                "her",
                "their",
                "in",
                "'s",
            }:
                return None
            for k in range(v + 1, min(b, v + 4)):
                if lows[k] in c["reporting_verbs"] and lows[k] not in {
                    "put",
                    "show",
                }:
                    return None
        if t == "saying" or (
            t == "put" and nxt in {"off", "forward", "up", "down", "out", "in"}
        ):
            return None
        if t in {"added", "adds"} and (nxt == "another" or starts_number(nxt)):
            return None  # "The Greens added four seats": a gain, not speech
        if t in {"claimed", "claims"} and (
            self._claims_outcome(v + 1, b) or self._claims_count(v + 1, b)
        ):
            # "Prabowo claims victory as ...", "The PPP claimed 54 seats": no
            # speech about figures
            return None
        weak = t in c["weak_verbs"] or t in {"claimed", "claims", "issued", "issues"}
        j = self._skip_back(v, a)
        passive = j < v and not _PASSIVE_AUX.isdisjoint(lows[j:v])
        if nxt == "by" and passive and t in {"quoted", "cited"}:
            return self._quoted_by(v, j, a, b)
        if nxt == "by" or passive:
            return None  # "results released by X": see _passive_by; "was reported to"
        relays: list[Source] = []
        obj_chain: list[Source] | None = None
        # "Y quoted X as saying"
        if t in {"quoted", "quotes", "cited", "cites"}:
            obj = self.np_forward(v + 1, b, _AS)
            if obj and obj[1] < b and lows[obj[1]] == "as":
                res = self.classify(*obj)
                if res and res[0]:
                    obj_chain = res[0]
        # "X told Y"
        if t in {"told", "tells"} and v + 1 < b:
            relays = self._told(v, b)
        # speaker before the verb
        end = j
        k = end
        speaker = None
        appos: list[Source] = []
        while k > a and texts[k - 1] == ",":
            # ", also cited by AFP," / ", spokesman for the board," / ", for his part,"
            seg_end = k - 1
            seg_start = seg_end
            while seg_start > a and texts[seg_start - 1] != ",":
                seg_start -= 1
            if seg_start <= a or seg_end - seg_start > 10:
                break
            words = [lows[x] for x in range(seg_start, seg_end)]
            if (
                len(words) >= 3
                and words[-1] != "by"
                and "by" in words[:3]
                and words[words.index("by") - 1] in c["relay_by_words"]
            ):
                byi = seg_start + words.index("by")
                self.consumed.add(byi)
                res = self.classify(byi + 1, seg_end)
                if res and res[0]:
                    appos = res[0] + appos
                k = seg_start
                continue
            if words and words[0] in c["adverbial_commas"]:
                k = seg_start
                continue
            if words and any(w in c["official_titles"] for w in words[:5]):
                # "Mohsen Eslami, spokesman for the authority, said"
                name_np = self.np_back(seg_start - 1, a)
                if name_np and texts[name_np[0]][:1].isupper():
                    speaker = (name_np[0], seg_end)
                    k = name_np[0]
                break
            if words and all(
                texts[x][:1].isupper() or texts[x] == "-"
                for x in range(seg_start, seg_end)
            ):
                # "The commission's spokesman, Ali Reza, said"
                title_np = self.np_back(seg_start - 1, a)
                if title_np and any(
                    lows[x] in c["official_titles"] for x in range(*title_np)
                ):
                    speaker = (title_np[0], seg_end)
                    k = title_np[0]
            break
        if speaker is None and k == end:
            speaker = self.np_back(end, a)
            if speaker and speaker[0] - 1 > a and lows[speaker[0] - 1] in _PLACE_IN:
                # "Voters in Germany gave": the place qualifies who speaks
                holder = self.np_back(speaker[0] - 1, a)
                # "Polling stations in Brazil gave": one not read as a name
                # (a result set) leaves no speaker, never the place
                speaker = (holder[0], speaker[1]) if holder else None
        elif speaker is None and k > a:
            speaker = self.np_back(k - 1, a)
        inverted = False
        if (
            speaker is None
            and not weak  # "..., showed Prabowo with 57%": the object, not a speaker
            and k == end
            and (v == a or texts[v - 1] in _COMMA_OR_QUOTE)
        ):
            # "..., said Interior Minister Ahmad Vahidi."
            fwd = self.np_forward(v + 1, b)
            if fwd:
                speaker = fwd
                inverted = True
        if speaker is None:
            return (
                None
                if weak or k != end
                else ("unclear" if k == end and j > a else None)
            )
        unnamed = self._unnamed_agent_set(speaker[0], a) if not inverted else None
        if unnamed is not None:
            # "Unofficial counts by several monitors showed": the whole result
            # set, which `classify` reads (`np_back` stops at "several")
            speaker = (unnamed, speaker[1])
        res = self.classify(*speaker)
        if res is None:
            return None if weak else "unclear"
        chain, kind, person = res
        if kind == "basis":
            if (
                t in c["counted_participles"]
                and speaker[0] > a
                and self.like_num[speaker[0] - 1]
            ):
                # "812,400 out of 1.9 million ballots issued": the participle
                # qualifies a count of things, no document giving figures
                return None
            if weak or t in {"said", "says"}:
                # trailing: ", the results showed." closes the sentence
                trailing = (
                    speaker[0] == a or texts[speaker[0] - 1] in _COMMA_OR_QUOTE
                ) and (v + 1 >= b or texts[v + 1] in _COMMA_QUOTE_OR_END)
                return _Att(v, (speaker[0], v + 1), chain, "basis", trailing)
            return None
        if kind in {"pronoun", "backref"}:
            chain = self._resolve_ref(*speaker, kind)
            if not chain:
                return "unclear"
            person = None
        if weak and kind not in MEDIA_KINDS | {
            "official",
            "body",
            "proper",
            "pronoun",
            "backref",
        }:
            return None
        if obj_chain:
            chain = obj_chain + chain
        if appos or relays:
            chain = chain + appos + relays
        seg_start = speaker[0] if not inverted else v
        seg_end = v + 1 if not inverted else speaker[1]
        before = texts[seg_start - 1] if seg_start > a else ""
        after_end = self._after_verb(v, b) if not inverted else seg_end
        trailing = (
            before in _COMMA_OR_QUOTE or seg_start == a and after_end >= b
        ) and (
            after_end >= b
            or texts[after_end] in _COMMA_QUOTE_OR_END
            # ", X said as he announced the results": a clause of its own follows
            or lows[after_end] in _CLAUSE_AFTER_TRAILING_CUE
        )
        if seg_start == a and after_end >= b:
            trailing = True
        return _Att(
            v,
            (seg_start, max(seg_end, after_end if trailing else seg_end)),
            chain,
            kind,
            trailing,
            person=person,
        )

    def _told(self, v: int, b: int) -> list[Source]:
        """The outlet a speaker "told" (relays it), none for "told reporters"."""
        c = self.c
        obj = self.np_forward(v + 1, b, _TOLD_STOPS)
        if obj:
            look = range(obj[0], min(b, obj[1] + 2))
            words = tuple(self.lows[k] for k in range(*obj))
            if words not in c["told_not_relay_seq"] and not any(
                self.lows[k] in c["told_not_relay_words"] for k in look
            ):
                res = self.classify(*obj)
                if res and res[1] in MEDIA_KINDS | {"proper"} and res[0]:
                    return res[0]
        return []

    def _participle(self, v: int, a: int, b: int) -> _Att | None:
        """ "Erdogan addressed crowds in Ankara, telling supporters ...": the
        speaker of the participle after a comma is the subject the sentence
        opens with. Only when no figure comes before it, which the journalist
        may give ("Lula won 48%, telling supporters ...")."""
        if v < a + 3 or self.texts[v - 1] != ",":
            return None
        # a figure after it, none before ("Anies and Ganjar did not concede,
        # saying they would wait": nothing for later sentences to inherit)
        if any(self.like_num[a:v]) or not any(self.like_num[v:b]):
            return None
        speaker = self.np_forward(a, v)
        # the whole subject, then its verb (no "In Ankara, ...", no "Anies" of
        # "Anies and Ganjar")
        if (
            not speaker
            or speaker[1] >= v - 1
            or self.punct[speaker[1]]
            or self.lows[speaker[1]] in self.c["boundary_words"]
        ):
            return None
        if self.lows[a] in self.c["subordinators"]:
            return None
        res = self.classify(*speaker)
        if res is None or not res[0]:
            return None
        chain, kind, person = res
        if kind in {"pronoun", "backref"}:
            chain = self._resolve_ref(*speaker, kind)
            if not chain:
                return None
            person = None
        elif kind not in MEDIA_KINDS | {"official", "body", "proper"}:
            return None
        relays = self._told(v, b) if self.lows[v] == "telling" else []
        return _Att(v, (v, v + 1), chain + relays, kind, False, person=person)

    def _unnamed_agent_set(self, start: int, a: int) -> int | None:
        """Where the result set starts when the phrase at ``start`` is an
        unnamed agent after its "by" ("counts by several monitors"), else None."""
        lows = self.lows
        if start > a and lows[start - 1] in self.c["unnamed_agents"]:
            start -= 1  # "several" ends the phrase `np_back` reads
        if (
            start - 2 < a
            or lows[start] not in self.c["unnamed_agents"]
            or lows[start - 1] != "by"
            or lows[start - 2] not in self.c["report_by_nouns"]
        ):
            return None
        whole = self.np_back(start - 1, a)
        return whole[0] if whole else None

    def _quoted_by(self, v: int, j: int, a: int, b: int) -> _Att | str:
        """ "X was quoted by Y as saying": X via Y."""
        self.consumed.add(v + 1)
        while j > a and self.lows[j - 1] in {
            "was",
            "were",
            "is",
            "are",
            "been",
            "being",
        }:
            j -= 1
        speaker = self.np_back(j, a)
        relay = self.np_forward(v + 2, b, _AS)
        if not speaker:
            return "unclear"
        res = self.classify(*speaker)
        if res is None or not res[0]:
            return "unclear"
        chain = list(res[0])
        if res[1] in {"pronoun", "backref"}:
            chain = self._resolve_ref(*speaker, res[1])
            if not chain:
                return "unclear"
        rel = self.classify(*relay) if relay else None
        if rel and rel[0]:
            chain += rel[0]
        before = self.texts[speaker[0] - 1] if speaker[0] > a else ""
        trailing = before in _COMMA_OR_QUOTE or speaker[0] == a
        end = relay[1] if relay else v + 2
        return _Att(v, (speaker[0], end), chain, res[1], trailing, person=res[2])

    def _after_verb(self, v: int, b: int) -> int:
        """Skip the adverbials after a trailing cue (", X said on Saturday.")."""
        lows, texts, like_num = self.lows, self.texts, self.like_num
        skip = self.c["skip_before_verb"]
        weekdays = self.c["weekdays_months"]
        j = v + 1
        while j < b:
            t = lows[j]
            if texts[j] in _COMMA_QUOTE_OR_END:
                return j
            if (
                t in skip
                or t in weekdays
                or like_num[j]
                or t in _AFTER_VERB_WORDS
                or (
                    texts[j][:1].isupper() and lows[j - 1] in {"in", "to", "at", "told"}
                )
            ):
                j += 1
                continue
            if j in self.in_source:
                j += 1
                continue
            return j
        return b

    def _passive_by(self, i: int, a: int, b: int) -> _Att | None:
        prev = self.lows[i - 1] if i > a else ""
        if prev == "also" and i - 2 >= a:
            prev = self.lows[i - 2]
        after_relay_word = prev in self.c["relay_by_words"]
        if after_relay_word and prev in {"quoted", "cited", "relayed"}:
            return None  # a relay in apposition: picked up with its speaker
        # "a tally by Reuters", "under the count by the commission": a result set
        # and who made it
        after_result_noun = not after_relay_word and prev in self.c["report_by_nouns"]
        body_heads = self.c["body_heads"]
        if (
            not after_relay_word
            and not after_result_noun
            and body_heads.isdisjoint(self.lows[i + 1 : b])
        ):
            return None  # no body named in the rest of the sentence (see below)
        fwd = self.np_forward(i + 1, b, _AS_OR_THAT)
        if not fwd or self.names_time(*fwd):
            return None  # "results published by Sunday": a time, not an agent
        # without a relay word or result noun only a body ("by the election
        # commission") counts
        if not after_relay_word and not after_result_noun:
            if body_heads.isdisjoint(self.lows[fwd[0] : fwd[1]]):
                return None
        res = self.classify_agent(*fwd)
        if res is None or not res[0]:
            return None
        chain, kind, _ = res
        if after_relay_word:
            if kind in {"pronoun", "basis"}:
                return None
            return _Att(i, (i, fwd[1]), chain, kind, True)
        # after a result noun, an outlet too ("a tally by Reuters"), but not a
        # party or person ("a strong count by the Greens")
        if kind in {"body", "official"} or (after_result_noun and kind in MEDIA_KINDS):
            if after_result_noun and self.lows[fwd[0]] in self.c["unnamed_agents"]:
                # "unofficial quick counts by several pollsters": no originator
                # named, so the result set as written
                whole = self.np_back(i, a)
                if whole:
                    name = self._trim(whole[0], fwd[1])
                    return _Att(
                        i, (whole[0], fwd[1]), [_source(name, None)], kind, True
                    )
            return _Att(i, (i, fwd[1]), chain, kind, True)
        return None

    def classify_agent(self, a: int, b: int, refs: AbstractSet[str] = _BACKREF):
        """`classify` of the agent named after a "by", a reference of a kind in
        `refs` resolved to the source it refers to, as "the commission said" is,
        and read as a body: "results published by the commission" gives the
        commission, not the whole phrase. None when it refers to none."""
        if "for" in self.lows[a + 1 : b - 1]:
            b = self._commissioned_end(a, b)
        got = self.classify(a, b)
        if got and got[1] in refs:
            chain = self._resolve_ref(a, b, got[1])
            return (chain, "body", None) if chain else None
        return got

    def _commissioned_end(self, a: int, b: int) -> int:
        """Where the agent ends in "a poll by Ipsos for state television": an
        outlet after "for" commissioned the poll and is no part of the name of
        who made it, nor a relay (it is not said to have reported it)."""
        for k in range(a + 1, b - 1):
            if self.lows[k] == "for" and k not in self.in_source:
                got = self.classify(k + 1, b)
                return k if got and got[1] in MEDIA_KINDS else b
        return b

    def _resolve_ref(self, a: int, b: int, kind: str) -> list[Source]:
        word = self.lows[a] if b - a == 1 else ""
        earlier = self.earlier_atts()
        if kind == "pronoun":
            for att in earlier:
                if word in self.c["pronouns_person"]:
                    if att.person:
                        return [_source(att.person, att.chain[0].id)] + att.chain[1:]
                    if att.kind in {"official"}:
                        return list(att.chain)
                else:
                    if (
                        att.kind
                        in {
                            "official",
                            "body",
                            "proper",
                            "agency",
                            "broadcaster",
                            "newspaper",
                            "media",
                        }
                        and not att.person
                    ):
                        return list(att.chain)
                    if att.kind in {"official", "body"}:
                        return list(att.chain)
            return []
        # "the statement said", "the commission said"
        name = self.text(a, b)
        words = [self.lows[k] for k in range(a, b)]
        head = words[-1]
        if head in _DOC_HEADS:
            last = next(earlier, None)
            return list(last.chain) if last else []
        for att in earlier:
            if head in att.chain[0].name.lower():
                if self._foreign(att.chain[0].id) and not self._gave_figures(att):
                    # "the commission" in an article on Nepal's election, after
                    # India's commission was last named: Nepal's, if named before
                    # (unless India's gave figures there: its results continue)
                    own = _countries()
                    att = next(
                        (
                            x
                            for x in earlier
                            if head in x.chain[0].name.lower()
                            and own.get(x.chain[0].id or "") == self.country
                        ),
                        att,
                    )
                return [
                    _source(name, att.chain[0].id or resolve_source(name))
                ] + att.chain[1:]
        return [_source(name, resolve_source(name))]

    def _gave_figures(self, att: _Att) -> bool:
        """Whether the sentence of ``att``'s cue holds figures."""
        n = bisect.bisect_right(self.sents, att.cue, key=lambda s: s.start) - 1
        return n >= 0 and bool(self.sents[n].figures)

    def _foreign(self, source_id: str | None) -> bool:
        """Whether ``source_id`` is a body of another country than the article's."""
        if self.country is None or source_id is None:
            return False
        other = _countries().get(source_id)
        return other is not None and other != self.country

    # ------------------------------------------------------------ scopes
    def _scopes(self, s: _Sent) -> None:
        a, b = s.start, s.end
        atts = sorted(s.atts, key=lambda x: x.seg[0]) if len(s.atts) > 1 else s.atts
        if len(atts) == 1 and not atts[0].trailing:
            att = atts[0]
            first = self.lows[a]
            if first in self.c["subordinators"] and att.seg[0] <= a + 2:
                stop = att.cue + 1
                while stop < b and self.texts[stop] not in {",", ";"}:
                    stop += 1
                att.scope = (a, stop)
            else:
                att.scope = (self._contrast_start(att, a), b)
            return
        for att in atts:
            if att.trailing:
                att.scope = (a, b)
                continue
            stop = b
            for other in atts:
                if other is att or other.kind == "citing" or other.seg[0] <= att.cue:
                    continue
                if other.seg[0] > att.cue + 2 or other.trailing:
                    stop = min(stop, other.seg[0])
            first = self.lows[a]
            if first in self.c["subordinators"] and att.seg[0] <= a + 2:
                k = att.cue + 1
                while k < stop and self.texts[k] not in {",", ";"}:
                    k += 1
                stop = k
            att.scope = (att.seg[0], stop)
        s.atts = atts

    def _contrast_start(self, att: _Att, a: int) -> int:
        """Where the clause of a cue in the middle of a sentence starts when a
        contrast opens it (", though official results give it 93": at "though"),
        else the sentence start ``a``."""
        k = att.seg[0] - 1
        if k - 1 > a and self.lows[k] in self.c["contrast_openers"]:
            if self.texts[k - 1] == ",":
                return k
        return a

    def chain_for(self, s: _Sent, pos: int) -> list[Source] | None:
        """The chain for a figure at token ``pos`` from the sentence's own cues."""
        if len(s.atts) == 1:  # nine in ten: the one cue holds the figure or not
            att = s.atts[0]
            return self.cue_chain(s, att) if att.holds(pos) else None
        holders = [x for x in s.atts if x.holds(pos)]
        if not holders:
            return None
        primary = [x for x in holders if x.kind != "citing"]
        if not primary:
            return list(holders[0].chain)
        # the cue with the narrowest scope; of two with the same scope, the first
        # after the figure ("51 seats, CNA said, according to AFP" is CNA's,
        # relayed by AFP; "According to IRNA, 24 million voted, Vahidi said" is
        # Vahidi's), else the nearest before it
        inner = min(
            primary,
            key=lambda x: (
                x.basis_only,
                x.scope[1] - x.scope[0],
                (0, x.seg[0]) if x.seg[0] > pos else (1, -x.seg[0]),
            ),
        )
        return self.compose(s, inner)

    def cue_chain(self, s: _Sent, att: _Att) -> list[Source]:
        """The chain sentence ``s``'s only cue ``att`` gives the figures it holds."""
        # `compose`, which alone in its sentence nothing wraps: its chain without
        # repeats (worked out here, with no key to build and look up)
        return list(att.chain) if att.kind == "citing" else _dedupe_chain(att.chain)

    def compose(self, s: _Sent, inner: _Att) -> list[Source]:
        """``inner``'s chain with the relays of the media cues wrapped around it.

        The same for every figure ``inner`` holds: worked out once (a sentence's
        attributions are final once it is read, and no two have the same seg)."""
        key = (s.start, inner.seg)
        chain = self.composed.get(key)
        if chain is None:
            chain = self.composed[key] = self._compose(s, inner)
        return list(chain)

    def _compose(self, s: _Sent, inner: _Att) -> list[Source]:
        chain = list(inner.chain)
        if len(s.atts) > 1:  # (``inner`` is one of them: alone, nothing wraps it)
            outers = [
                x
                for x in s.atts
                if x is not inner
                and x.kind in MEDIA_KINDS
                and not x.basis_only
                and x.holds(inner.cue)
            ]
            outers.sort(key=lambda x: x.scope[1] - x.scope[0])
            for outer in outers:
                chain = chain + outer.chain
        for cite in s.atts:
            if cite.kind == "citing":
                chain = cite.chain + chain
        return _dedupe_chain(chain)


def _dedupe_chain(chain: list[Source]) -> list[Source]:
    if len(chain) < 2:  # most: nothing to compare
        return list(chain)
    out: list[Source] = []
    for src in chain:
        if any(
            (src.id and o.id == src.id) or o.name.lower() == src.name.lower()
            for o in out
        ):
            continue
        out.append(src)
    return out


def _fallback_marker(doc: Doc) -> None:
    from extract.nlp import load_pipeline

    load_pipeline().get_pipe("election_sources")(doc)


# --------------------------------------------------------------------------- sentences


def _sentences(doc: Doc) -> list[_Sent]:
    out: list[_Sent] = []
    para = 0
    text = doc_text(doc)
    words, _ = token_texts(doc)
    offsets = token_starts(doc)
    # Whether a newline parts a sentence's words from the last one's: only whitespace
    # tokens (the ones stripped here) and a token's one trailing space lie between
    # them, so it is read from those tokens, not searched for in the text.
    newline_before = False
    for a, b in sentence_bounds(doc):
        while a < b and words[a].isspace():
            if "\n" in words[a]:
                newline_before = True
            a += 1
        if a == b:
            continue  # all whitespace
        last = words[b - 1]
        newline_after = False
        if last.isspace():  # (most end in a word or a full stop: one test)
            b -= 1
            newline_after = "\n" in last
            while words[b - 1].isspace():  # (stops at a, which is no space)
                b -= 1
                if "\n" in words[b]:
                    newline_after = True
            last = words[b - 1]
        if newline_before and out:
            para += 1
        headline = (
            last not in _ENDERS
            and last not in _QUOTES
            and (b - a) <= 30
            and _alone_on_line(text, offsets[a], offsets[b - 1] + len(last))
        )
        out.append(_Sent(a, b, para, headline))
        newline_before = newline_after
    return out


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has only spaces and tabs around it on its line."""
    j = start
    while j > 0 and text[j - 1] in " \t\r":
        j -= 1
    if not (j == 0 or text[j - 1] == "\n"):
        return False
    j = end
    while j < len(text) and text[j] in " \t\r":
        j += 1
    return j >= len(text) or text[j] == "\n"


def _mentions_results(r: _Reader, s: _Sent) -> bool:
    return not _RESULT_WORDS.isdisjoint(r.lows[s.start : s.end])


def _is_result_sentence(r: _Reader, s: _Sent) -> bool:
    """Whether ``s`` states results: a result verb and no modal. (A sentence that
    opens with a break marker is not one either; `_inherit`, the one caller, has
    already turned those away.)"""
    words = r.lows[s.start : s.end]
    if not r.c["modals"].isdisjoint(words):
        return False
    return not r.c["result_verbs"].isdisjoint(words)


# --------------------------------------------------------------------------- API


def attribute(
    doc: Doc, figure_tokens: Sequence[int], country: str | None = None
) -> dict[int, list[Source]]:
    """The source chain (originator first) for each figure, keyed by its token index.

    ``country``: of the election the article reports on (`extract.contest`), if
    known; "the commission" then refers to that country's, when the article names
    it, rather than to another country's named since."""
    result: dict[int, list[Source]] = {i: [] for i in figure_tokens}
    if not figure_tokens or len(doc) == 0:
        return result
    r = _Reader(doc, country)
    sents = _sentences(doc)
    starts = [s.start for s in sents]
    for f in figure_tokens:
        k = bisect.bisect_right(starts, f) - 1
        if k >= 0:  # (k < len(sents): bisect_right returns at most len(sents))
            s = sents[k]
            if f < s.end:
                if not s.figures:
                    s.figures = [f]  # its own list, in place of the shared ()
                else:
                    s.figures.append(f)
    like_num = r.like_num
    for s in sents:
        if s.figures:
            s.numbers = s.figures
        else:
            # of a sentence without figures only whether it has a number and which
            # is first are asked: found in its slice of the flags
            flags = like_num[s.start : s.end]
            if True in flags:
                s.numbers = (s.start + flags.index(True),)
    r.sents = sents
    for n in _settle_needed(r, sents, result):
        s = sents[n]
        inherited = _inherit(r, sents, n)
        own_set = s.fallback and (
            inherited is None
            # "the final tally showed" after "the BBC reported": an outlet is not
            # the tally's originator (after "the board said" the board is)
            or (inherited and r.kinds.get(inherited[0].id) in MEDIA_KINDS)
        )
        if own_set:
            inherited = list(s.fallback)
        if own_set and s.fallback_from > s.start:
            # "Khan's party claims 170 seats, though official results give it 93":
            # the set covers its own clause only
            s.chain = inherited
            for f in s.figures:
                result[f] = list(inherited) if f >= s.fallback_from else []
        elif inherited:
            s.chain = inherited
            if not r.c["hypothetical_modals"].isdisjoint(r.lows[s.start : s.end]):
                # "Together with the TPP, they would command 62 seats": the
                # journalist's own reckoning on the figures given, not another of
                # them; the sentences after it still inherit what it carries
                continue
            for f in s.figures:
                result[f] = list(inherited)
    return result


def _settle_needed(
    r: _Reader, sents: list[_Sent], result: dict[int, list[Source]]
) -> list[int]:
    """Read the sentences a figure's chain can depend on, last to first, and settle
    those whose chain is their own (unclear, or with cues of their own); returns, in
    text order, the others, whose chains carry over (`_inherit`) and are worked out
    first to last (each from sentences settled before it).

    A figure's sentence needs the sentence before it in its paragraph when its chain
    may carry over from there (`_inherit` step 1), and that one the one before it
    unless it stops the walk back (unclear, or a chain of its own); and, when it is
    the paragraph's first with numbers and states results (`_is_result_sentence`: it
    may continue the list before it), the last sentence of the paragraph before (step
    3, the one sentence that looks there). Reading last to first tells where a
    walk back stops, so the sentences before a figure's own cue (most of them) are
    not read at all (unless a pronoun looks back to them). Reading a sentence depends
    only on it and on the sentences before it (`earlier_atts`), not on the order.
    """
    # the first sentence of each sentence's paragraph, and whether it is the first
    # of its paragraph with numbers (what `_inherit` step 3 asks)
    para_start = [0] * len(sents)
    opens_list = [False] * len(sents)
    # the sentences with figures (which are their numbers: only those with
    # numbers can have figures)
    need = [False] * len(sents)
    start = 0
    seen_numbers = False
    para = sents[0].para if sents else 0
    for n, s in enumerate(sents):
        if s.para != para:
            para = s.para
            start = n
            seen_numbers = False
        para_start[n] = start
        if s.numbers:
            opens_list[n] = not seen_numbers
            seen_numbers = True
            if s.figures:
                need[n] = True
    carried: list[int] = []
    for n in range(len(sents) - 1, -1, -1):
        if not need[n]:
            continue
        s = sents[n]
        r.ensure_read(n)
        if s.unclear:
            s.chain = None
            continue  # a walk back stops here
        if s.atts:
            _settle_own(r, s, result)
            if s.chain:
                continue  # a walk back stops here
        else:
            carried.append(n)
            if opens_list[n] and para_start[n] > 0 and _is_result_sentence(r, s):
                need[para_start[n] - 1] = True
        if n > para_start[n]:  # a walk back goes on to the sentence before
            need[n - 1] = True
    carried.reverse()
    return carried


def _settle_own(r: _Reader, s: _Sent, result: dict[int, list[Source]]) -> None:
    """The chains of a read sentence with cues of its own: its figures' and the one
    that carries over from it."""
    if len(s.atts) == 1:
        _settle_one_cue(r, s, result)
        return
    own: dict[int, list[Source] | None] = {f: r.chain_for(s, f) for f in s.figures}
    got = [c for c in own.values() if c]
    if got:
        s.chain = got[-1]
    else:
        inner = max(
            s.atts,
            key=lambda x: sum(
                1 for o in s.atts if o is not x and o.scope[0] <= x.cue < o.scope[1]
            ),
        )
        s.chain = r.compose(s, inner)
    for f, c in own.items():
        result[f] = c or []


def _settle_one_cue(r: _Reader, s: _Sent, result: dict[int, list[Source]]) -> None:
    """`_settle_own` for a sentence with one cue (nine in ten): the chain the cue
    gives is the same for every figure it holds (`_Reader.chain_for`), so it is
    worked out once, not per figure."""
    att = s.atts[0]
    chain = r.cue_chain(s, att)
    last: list[Source] | None = None  # the chain of the last figure held
    # (`_Att.holds`, inline: asked for every figure)
    scope_start, scope_end = att.scope
    seg_start, seg_end = att.seg
    for f in s.figures:
        if chain and scope_start <= f < scope_end and not seg_start <= f < seg_end:
            result[f] = last = list(chain)
        else:
            result[f] = []
    s.chain = last if last is not None else r.compose(s, att)


def _inherit(r: _Reader, sents: list[_Sent], n: int) -> list[Source] | None:
    s = sents[n]
    if s.headline:
        return None
    # (most sentences open with no break marker's first word: no call for them)
    if r.lows[s.start] in r.c["break_markers_by_first"] and r.starts_with_any(
        s, r.c["break_markers_by_first"]
    ):
        return None
    # 1. an earlier sentence of the same paragraph
    for m in range(n - 1, -1, -1):
        p = sents[m]
        if p.para != s.para:
            break
        if p.unclear:
            return None
        if p.chain:
            if not p.numbers and not _mentions_results(r, p):
                # "Kemal said the vote was rigged. His party won 25 percent."
                return None
            return list(p.chain)
    # steps 2 and 3 both ask this (a scan of the sentence's words): asked once
    results_here = bool(s.numbers) and _is_result_sentence(r, s)
    # 2. the next sentence of the paragraph closes with the attribution for both
    if n + 1 < len(sents) and results_here:
        nxt = sents[n + 1]
        if nxt.para == s.para and nxt.numbers:
            r.ensure_read(n + 1)
            if any(
                x.trailing and x.kind not in {"basis", "citing"} and not x.basis_only
                for x in nxt.atts
            ):
                chain = r.chain_for(nxt, nxt.numbers[0])
                if chain:
                    return chain
            if not nxt.atts and nxt.fallback and nxt.fallback_trailing:
                # "The Conservatives were reduced to 121 seats. The Liberal Democrats
                # won 72 ..., the results showed."
                return list(nxt.fallback)
    # 3. the paragraph before, when this one continues its list of results.
    # Paragraph numbers never decrease, so a paragraph's sentences are consecutive.
    if not results_here:
        return None
    para_start = n
    while para_start > 0 and sents[para_start - 1].para == s.para:
        para_start -= 1
    if any(sents[m].numbers for m in range(para_start, n)):
        return None  # not the first of its paragraph with numbers
    prev_para_start = para_start
    while prev_para_start > 0 and sents[prev_para_start - 1].para == s.para - 1:
        prev_para_start -= 1
    prev_para = sents[prev_para_start:para_start]
    if not prev_para or any(p.headline for p in prev_para):
        return None
    last = prev_para[-1]
    while not last.chain and not last.figures and not last.atts and not last.unclear:
        # an aside closing it ("Under the constitution, a winner also needs 25% of
        # the ballots in two-thirds of the states.") does not end the list it gives
        k = prev_para.index(last)
        if k == 0:
            return None
        last = prev_para[k - 1]
    if not last.chain:
        return None
    if not last.numbers:
        # "The commission announced the results on Thursday." then the list
        if not last.atts or _RESULT_SETS.isdisjoint(r.lows[last.start : last.end]):
            return None
    return list(last.chain)
