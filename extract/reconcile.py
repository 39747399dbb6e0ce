"""Line claims up across sources and articles, and say where they disagree.

    claims + article records -> groups (same contest, subject, kind and unit)
                             -> a verdict per group, and findings per article

Pure functions over lists of claims; the only I/O is `load_claims`, which reads claim
JSON Lines (and their `<stem>.articles.jsonl` sidecars) a line at a time and turns a bad
line into a reported problem.

The rules, each in one place:

- `precision_interval` / `interval`: what range of true values a written figure allows
  (`INTERVAL_RULE` is the same rule in words, shown in the report and README);
- `group_claims`: which claims are about the same thing (`GROUPING_RULE`);
- `PAIR_RELATIONS` and `judge_group`: how two claims of a group relate, and the group's
  verdict (`VERDICTS`);
- `CHECKS`: consistency checks inside one article and contest (`Finding`s).
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from extract.models import ArticleInfo, Claim

# --------------------------------------------------------------------------- intervals

#: Counts at or above this size with trailing zeros are read as rounded.
ROUNDED_COUNT_MIN = 10_000
#: Relative half-width of an `approx` figure ("about 9 million").
APPROX_TOLERANCE = 0.05

INTERVAL_RULE = (
    "Each figure stands for a range of true values. An exact figure covers its "
    'rounding interval as written: percentages to their decimals ("37.5%" is '
    '37.45 to 37.55, "40%" is 39.5 to 40.5); counts of 10,000 or more to their last '
    'non-zero digit ("12.3 million" is 12.25 to 12.35 million, "206,000" is 205,500 '
    "to 206,500); smaller counts, such as seats, are exact. Rounding intervals include "
    "their lower end and exclude their upper end, so 17.8 and 17.9 million do not "
    'overlap. "About"/"around"/"nearly" (approx) widens that to \u00b15% of the '
    'value, or the rounding interval if wider. "More than"/"over"/"at least" '
    '(at_least) is the value up to infinity; "less than"/"under"/"up to" '
    "(at_most) is 0 up to the value. Two figures agree when their ranges overlap."
)


class Interval(BaseModel):
    """A range of true values, [lo, hi] or [lo, hi) if `hi_open`; hi null: no bound."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lo: float
    hi: float | None = Field(description="Upper end, or null for no upper bound.")
    hi_open: bool = Field(default=False, description="True when hi is excluded.")

    @property
    def upper(self) -> float:
        return math.inf if self.hi is None else self.hi

    def overlaps(self, other: Interval) -> bool:
        return intervals_overlap(self, other)

    def __str__(self) -> str:
        return format_interval(self)


def _step(value: float | int, unit: str) -> float:
    """The rounding step of a figure as it was (probably) written; 0 for exact."""
    dec = Decimal(repr(float(value))).normalize()
    if unit == "percent":
        exponent = dec.as_tuple().exponent
        return float(Decimal(1).scaleb(min(int(exponent), 0)))
    if float(value) != int(value):  # a non-integral count: its decimals
        return float(Decimal(1).scaleb(int(dec.as_tuple().exponent)))
    if abs(value) < ROUNDED_COUNT_MIN:
        return 0.0  # small counts (seats, women elected) are exact
    exponent = int(dec.as_tuple().exponent)  # trailing zeros of 12300000 -> 5
    return float(10**exponent) if exponent > 0 else 0.0


def precision_interval(value: float | int, unit: str) -> Interval:
    """The rounding interval of an exact figure, from its precision as written.

    Claims carry only the value, so the precision is inferred from it: percentages by
    their decimals (40 -> [39.5, 40.5), 37.5 -> [37.45, 37.55)); counts of 10,000 or
    more by their last non-zero digit (12300000 -> [12250000, 12350000)); smaller
    counts are exact. Change this one function to change the rule.
    """
    step = _step(value, unit)
    if step == 0:
        return Interval(lo=float(value), hi=float(value))
    half = step / 2
    return Interval(lo=max(0.0, value - half), hi=value + half, hi_open=True)


def interval(claim: Claim) -> Interval:
    """The range of true values a claim allows: qualifier combined with precision."""
    value = float(claim.value)
    if claim.qualifier == "at_least":
        return Interval(lo=value, hi=None)
    if claim.qualifier == "at_most":
        return Interval(lo=0.0, hi=value)
    rounding = precision_interval(value, claim.unit)
    if claim.qualifier == "approx":
        lo = min(value * (1 - APPROX_TOLERANCE), rounding.lo)
        hi = max(value * (1 + APPROX_TOLERANCE), rounding.upper)
        return Interval(lo=max(0.0, lo), hi=hi)
    return rounding


def point_interval(claim: Claim) -> Interval:
    """The `strict` strategy: exact figures as points (no rounding); bounds as usual."""
    if claim.qualifier == "exact":
        return Interval(lo=float(claim.value), hi=float(claim.value))
    return interval(claim)


#: Interval strategies by name: how a claim becomes a range of values.
STRATEGIES: dict[str, Callable[[Claim], Interval]] = {
    "precision": interval,
    "strict": point_interval,
}


def intervals_overlap(a: Interval, b: Interval) -> bool:
    """Do two ranges share a value? Lower ends are included, open upper ends not."""
    lo = max(a.lo, b.lo)
    hi = min(a.upper, b.upper)
    if lo < hi:
        return True
    if lo > hi:
        return False
    # They touch at one point: it must belong to both.
    return all(not (iv.hi_open and iv.upper == hi) for iv in (a, b))


def _num(x: float) -> str:
    if x == int(x):
        return f"{int(x):,}"
    return f"{x:,.6f}".rstrip("0").rstrip(".")


def format_interval(iv: Interval) -> str:
    """'[33, 33]', '[30, ∞)', '[12,250,000, 12,350,000)'."""
    hi = "\u221e" if iv.hi is None else _num(iv.hi)
    close = ")" if iv.hi is None or iv.hi_open else "]"
    return f"[{_num(iv.lo)}, {hi}{close}"


QUALIFIER_SIGNS = {"exact": "", "approx": "~", "at_least": ">", "at_most": "<"}


def format_value(claim: Claim) -> str:
    """The figure as a reviewer reads it: '33 of 68', '>30', '~9,000,000', '40%'."""
    text = QUALIFIER_SIGNS[claim.qualifier] + _num(float(claim.value))
    if claim.unit == "percent":
        text += "%"
    if claim.of_total is not None:
        text += f" of {_num(float(claim.of_total))}"
    return text


# --------------------------------------------------------------------------- models

Verdict = Literal[
    "conflict", "compatible", "superseded", "agree", "single_source", "set_aside"
]
Role = Literal["counted", "superseded", "set_aside"]

VERDICTS: dict[str, str] = {
    "conflict": "two figures that are not conditional and not superseded have ranges "
    "that do not overlap",
    "compatible": "all counted ranges overlap, but only through bounds or "
    "approximations (33 and 'over 30')",
    "superseded": "partial counts were overtaken by a fuller count; nothing else "
    "disagrees",
    "agree": "two or more independent originators give overlapping exact figures",
    "single_source": "every counted figure comes from one originator (relays do not "
    "count as extra sources)",
    "set_aside": "only conditional figures ('would give 128'): nothing to judge",
}

#: Order of verdicts in reports: what needs a reviewer first.
VERDICT_ORDER: tuple[str, ...] = (
    "conflict",
    "compatible",
    "superseded",
    "agree",
    "single_source",
    "set_aside",
)

GROUPING_RULE = (
    "Claims are about the same thing when they share the contest, the subject, the "
    "kind and the unit. Contest: country and body elected (from the article records, "
    "when known), round and date; claims whose articles are dated more than "
    "{window} days apart never share a contest; round 1 and round 2 are different "
    "contests; a claim with no round, or from an undated article, or with no known "
    "country or body, joins the one contest that fits it and stays apart when "
    "several could. Subject: subject_id, else the subject text in lower case without "
    "articles, possessives and punctuation (for turnout, generic words such as "
    "'eligible voters' or 'the election' are dropped). Relays do not make a new "
    "source: claims are counted by originator (the first source's id, else its "
    "normalised name)."
)


class Originator(BaseModel):
    """Who a figure comes from: the first source, or the article if unattributed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str = Field(description="Source id, normalised name, or 'article:<id>'.")
    name: str = Field(description="The name to show.")


class Member(BaseModel):
    """One claim in a group, with the range it allows and who it comes from."""

    model_config = ConfigDict(extra="forbid")

    claim: Claim
    interval: Interval
    originator: Originator
    relays: list[str] = Field(
        default_factory=list, description="Relay names, in order."
    )
    article_date: str | None = None
    role: Role = "counted"
    note: str | None = Field(default=None, description="Why superseded or set aside.")
    in_conflict: bool = False
    highlight: tuple[int, int] | None = Field(
        default=None,
        description="Where the figure stands in claim.sentence (character offsets), "
        "or null when it cannot be located.",
    )


class Contest(BaseModel):
    """The election a group is about, as far as the articles let one tell."""

    model_config = ConfigDict(extra="forbid")

    country: str | None = None
    body: str | None = None
    round: int | None = None
    date_from: str | None = None
    date_to: str | None = None

    def label(self) -> str:
        parts = [
            (self.country or "?").upper(),
            self.body or "body unknown",
            f"round {self.round}" if self.round else "round unknown",
        ]
        if self.date_from:
            same = self.date_from == self.date_to
            parts.append(
                self.date_from if same else f"{self.date_from}\u2013{self.date_to}"
            )
        else:
            parts.append("undated")
        return " \u00b7 ".join(parts)


class GroupKey(BaseModel):
    model_config = ConfigDict(extra="forbid")

    contest: Contest
    subject: str = Field(description="subject_id, or 'text:' + normalised subject.")
    kind: str
    unit: str


class Group(BaseModel):
    """Claims about the same thing, and what to make of them."""

    model_config = ConfigDict(extra="forbid")

    id: str
    key: GroupKey
    label: str = Field(description="The subject as most often written.")
    verdict: Verdict
    reason: str
    originators: int = Field(description="Distinct originators among counted claims.")
    members: list[Member]


class Finding(BaseModel):
    """A consistency problem inside one article and contest (not an error)."""

    model_config = ConfigDict(extra="forbid")

    check: str
    article: str
    message: str
    claims: list[Claim]


class Rules(BaseModel):
    model_config = ConfigDict(extra="forbid")

    strategy: str
    interval: str = INTERVAL_RULE
    grouping: str
    verdicts: dict[str, str] = Field(default_factory=lambda: dict(VERDICTS))
    checks: dict[str, str] = Field(default_factory=dict)


class Reconciliation(BaseModel):
    """Everything `extract reconcile` found: groups, findings, and the rules used."""

    model_config = ConfigDict(extra="forbid")

    groups: list[Group]
    findings: list[Finding]
    rules: Rules
    articles: list[ArticleInfo] = Field(default_factory=list)
    problems: list[str] = Field(
        default_factory=list, description="Input lines or files that could not be read."
    )

    def counts(self) -> dict[str, int]:
        out = {v: 0 for v in VERDICT_ORDER}
        for group in self.groups:
            out[group.verdict] += 1
        return out


def reconciliation_schema() -> dict:
    """The JSON Schema of `groups.json`."""
    return Reconciliation.model_json_schema()


# --------------------------------------------------------------------------- keys

_ARTICLES = {"the", "a", "an"}


@lru_cache(maxsize=1)
def _turnout_generic() -> frozenset[str]:
    """Words that do not tell one turnout of a contest from another: the
    reconcile_generic list of patterns/turnout.json, the words of the body phrases
    of countries.json ("presidential", "local elections": the contest keeps bodies
    apart) and number and scale words ("the seven phases of voting", "the 93.4
    million registered voters")."""
    from extract.resources import load_json

    words = set(load_json("turnout.json")["reconcile_generic"])
    for body_words in load_json("countries.json")["bodies"].values():
        for phrase in body_words:
            words.update(normalise_name(phrase).split())
    numbers = load_json("numbers.json")
    words.update(numbers["units"])
    words.update(numbers["tens"])
    words.update(numbers["scales"])
    return frozenset(words)


def normalise_name(text: str | None) -> str:
    """Lower case, no possessives/articles/punctuation: "Iran's Fars" -> "iran fars"."""
    if not text:
        return ""
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"'s\b|s'(?=\s|$)", lambda m: "" if m.group(0) == "'s" else "s", text)
    words = re.findall(r"[\w]+", text)
    return " ".join(w for w in words if w not in _ARTICLES)


def subject_key(claim: Claim) -> str:
    """The subject a claim is about: its id, else its normalised text."""
    if claim.subject_id:
        return claim.subject_id
    text = normalise_name(claim.subject)
    if claim.kind == "turnout":
        generic = _turnout_generic()
        kept = [w for w in text.split() if w not in generic and not w.isdigit()]
        kept = [w for w in kept if not _is_country_word(w)]
        text = " ".join(kept)
        return "text:" + (text or "*")
    return "text:" + text


def _is_country_word(word: str) -> bool:
    from extract.contest import country_of

    return country_of(word) is not None


def originator_of(claim: Claim) -> Originator:
    """The first source (by id, else normalised name); unattributed: the article."""
    if claim.sources:
        first = claim.sources[0]
        key = first.id or "name:" + normalise_name(first.name)
        return Originator(key=key, name=first.name)
    return Originator(key=f"article:{claim.article}", name="unattributed")


def parse_date(text: str | None) -> tuple[date, date] | None:
    """An ISO date, or a year-month or year, as the range of days it covers."""
    if not text:
        return None
    m = re.match(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text)
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            d = date(year, int(month), int(day))
            return d, d
        if month:
            first = date(year, int(month), 1)
            nxt = date(year + (int(month) == 12), int(month) % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def _gap_days(a: tuple[date, date], b: tuple[date, date]) -> int:
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


# --------------------------------------------------------------------------- grouping


class _Item:
    """A claim with what grouping needs to know about it."""

    __slots__ = ("claim", "country", "body", "dates", "date_text", "round", "of_total")

    def __init__(
        self,
        claim: Claim,
        info: ArticleInfo | None,
        sentence_total: float | None = None,
    ):
        self.claim = claim
        # The denominator, or the one total its sentence splits ("128 seats in the
        # 290-member parliament ... the 124 seats grabbed by the rivals").
        self.of_total = claim.of_total if claim.of_total is not None else sentence_total
        self.country = info.country if info else None
        self.body = info.body if info else None
        self.date_text = info.date if info else None
        self.dates = parse_date(self.date_text)
        self.round = claim.round

    def unknowns(self) -> int:
        return sum(x is None for x in (self.country, self.body, self.dates, self.round))


class _Cluster:
    def __init__(self) -> None:
        self.items: list[_Item] = []

    def _known(self, attr: str) -> set:
        return {getattr(i, attr) for i in self.items if getattr(i, attr) is not None}

    def fits(self, item: _Item, window: int) -> bool:
        for attr in ("country", "body", "round"):
            value = getattr(item, attr)
            if value is not None and self._known(attr) - {value}:
                return False
        if item.dates is not None:
            for other in self.items:
                if other.dates and _gap_days(item.dates, other.dates) > window:
                    return False
        if item.of_total is not None and (
            item.round is None or any(i.round is None for i in self.items)
        ):
            # Where a round is unknown, a different denominator means a different
            # scope ("128 of 290" overall vs "33 of 68" in the runoff), unless the
            # smaller one is a count in progress ("32 of the 60 declared so far").
            for other in self.items:
                if other.of_total is None or other.of_total == item.of_total:
                    continue
                small = item if item.of_total < other.of_total else other
                if small.claim.status != "partial":
                    return False
        return True

    def matches(self, item: _Item) -> int:
        """How many of the item's known attributes this cluster knows to be the same."""
        score = sum(
            getattr(item, attr) is not None
            and self._known(attr) == {getattr(item, attr)}
            for attr in ("country", "body", "round")
        )
        return score + (item.dates is not None and any(i.dates for i in self.items))

    def as_vague_as(self, item: _Item) -> bool:
        for attr in ("country", "body", "round", "dates"):
            if getattr(item, attr) is None and any(
                getattr(i, attr) is not None for i in self.items
            ):
                return False
        return True

    def distance(self, item: _Item) -> int:
        if item.dates is None:
            return 0
        gaps = [_gap_days(item.dates, i.dates) for i in self.items if i.dates]
        return min(gaps) if gaps else 0


def group_claims(
    claims: Iterable[Claim],
    articles: Mapping[str, ArticleInfo] | None = None,
    *,
    window_days: int = 60,
) -> list[list[_Item]]:
    """Claims grouped by contest, subject, kind and unit (see `GROUPING_RULE`).

    Fully known claims go first (by date), so that a claim with an unknown round,
    date, country or body meets the contests already formed, and joins one only when
    exactly one fits: unsure claims stay apart rather than land in the wrong contest.
    """
    articles = articles or {}
    claims = list(claims)
    totals: dict[tuple[str, str], set] = defaultdict(set)
    for claim in claims:
        if claim.of_total is not None and claim.unit != "percent":
            totals[(claim.article, claim.sentence)].add(claim.of_total)
    by_measure: dict[tuple[str, str, str], list[_Item]] = defaultdict(list)
    for claim in claims:
        in_sentence = totals.get((claim.article, claim.sentence), set())
        sentence_total = next(iter(in_sentence)) if len(in_sentence) == 1 else None
        item = _Item(claim, articles.get(claim.article), sentence_total)
        by_measure[(subject_key(claim), claim.kind, claim.unit)].append(item)

    out: list[list[_Item]] = []
    for measure in sorted(by_measure):
        items = sorted(
            by_measure[measure],
            key=lambda i: (
                i.unknowns(),
                i.dates[0] if i.dates else date.max,
                i.claim.article,
                i.claim.start,
            ),
        )
        clusters: list[_Cluster] = []
        for item in items:
            fitting = [c for c in clusters if c.fits(item, window_days)]
            if len(fitting) > 1:  # prefer the contests that share what it knows
                best = max(c.matches(item) for c in fitting)
                fitting = [c for c in fitting if c.matches(item) == best]
            if item.unknowns() and len(fitting) > 1:
                # Several contests could be meant: join only one that is just as
                # vague (knows none of what this claim does not know), else stay apart.
                fitting = [c for c in fitting if c.as_vague_as(item)]
            if fitting:
                min(fitting, key=lambda c: c.distance(item)).items.append(item)
            else:
                cluster = _Cluster()
                cluster.items.append(item)
                clusters.append(cluster)
        out.extend(c.items for c in clusters)
    return out


# --------------------------------------------------------------------------- judging


def is_conditional(m: Member) -> bool:
    """'would give 128', 'if confirmed': not a result."""
    return m.claim.status == "conditional"


def is_partial(m: Member) -> bool:
    """A count still in progress: status partial."""
    return m.claim.status == "partial"


def is_fuller(a: Member, b: Member) -> bool:
    """Is `a` a fuller count than `b`? Not partial, or partial over a larger total."""
    if b.claim.of_total is not None and a.claim.of_total is not None:
        if a.claim.of_total > b.claim.of_total:
            return True
        if a.claim.of_total < b.claim.of_total:
            return False
    return not is_partial(a) and is_partial(b)


def supersedes(a: Member, b: Member) -> bool:
    """`a` overtakes `b`: b is partial (by status or a smaller stated total) and a is
    fuller. Counts only grow, so a partial count above the fuller one is a conflict,
    not superseded (percentages may move either way)."""
    if is_conditional(a) or is_conditional(b):
        return False
    b_partial = is_partial(b) or (
        a.claim.of_total is not None
        and b.claim.of_total is not None
        and b.claim.of_total < a.claim.of_total
    )
    if not (b_partial and is_fuller(a, b)):
        return False
    if a.claim.unit != "percent" and b.interval.lo > a.interval.upper:
        return False
    return True


def disjoint(a: Member, b: Member) -> bool:
    """The two ranges share no value."""
    return not intervals_overlap(a.interval, b.interval)


def both_exact(a: Member, b: Member) -> bool:
    return a.claim.qualifier == "exact" and b.claim.qualifier == "exact"


#: How two counted members of a group relate, checked in this order.
PAIR_RELATIONS: dict[str, Callable[[Member, Member], bool]] = {
    "conflict": disjoint,
    "agree": lambda a, b: both_exact(a, b) and not disjoint(a, b),
    "compatible": lambda a, b: not disjoint(a, b),
}


def relation(a: Member, b: Member) -> str:
    """The name of the first relation in `PAIR_RELATIONS` that holds for a and b."""
    for name, predicate in PAIR_RELATIONS.items():
        if predicate(a, b):
            return name
    return "compatible"


def _describe(members: list[Member]) -> str:
    """'Fars news agency: 33 (2 articles)'."""
    first = members[0]
    values = sorted({format_value(m.claim) for m in members})
    articles = {m.claim.article for m in members}
    text = f"{first.originator.name}: {' / '.join(values)}"
    if len(articles) > 1:
        text += f" ({len(articles)} articles)"
    return text


def judge_group(members: list[Member]) -> tuple[str, str]:
    """Mark roles and conflicts on the members; return (verdict, reason)."""
    for m in members:
        if is_conditional(m):
            m.role, m.note = "set_aside", "conditional: not a result"
    live = [m for m in members if m.role != "set_aside"]
    if not live:
        return "set_aside", "only conditional figures: " + "; ".join(
            _describe([m]) for m in members
        )
    for b in live:
        fuller = [a for a in live if a is not b and supersedes(a, b)]
        if fuller:
            best = max(fuller, key=lambda a: (a.claim.of_total or 0, not is_partial(a)))
            b.role = "superseded"
            b.note = (
                f"partial count superseded by {format_value(best.claim)} "
                f"({best.originator.name})"
            )
    counted = [m for m in live if m.role == "counted"]
    superseded = [m for m in live if m.role == "superseded"]

    by_origin: dict[str, list[Member]] = defaultdict(list)
    for m in counted:
        by_origin[m.originator.key].append(m)

    clashes: list[tuple[Member, Member]] = []
    relations: set[str] = set()
    for a, b in combinations(counted, 2):
        rel = relation(a, b)
        relations.add(rel)
        if rel == "conflict":
            a.in_conflict = b.in_conflict = True
            clashes.append((a, b))

    # In-conflict originators first, then by name, so the reason leads with the clash.
    by_origin = dict(
        sorted(
            by_origin.items(),
            key=lambda kv: (
                not any(m.in_conflict for m in kv[1]),
                kv[1][0].originator.name.lower(),
            ),
        )
    )
    tail = ""
    if superseded:
        tail = "; superseded partial counts: " + "; ".join(
            _describe([m]) for m in superseded
        )
    if clashes:
        a, b = clashes[0]
        reason = (
            "; ".join(_describe(ms) for ms in by_origin.values())
            + f" \u2014 intervals {a.interval} ({a.originator.name}) and "
            f"{b.interval} ({b.originator.name}) do not overlap"
        )
        pairs = {frozenset((x.originator.key, y.originator.key)) for x, y in clashes}
        if len(pairs) > 1:
            reason += f" ({len(pairs)} pairs of sources disagree)"
        return "conflict", reason + tail
    if superseded:
        return "superseded", "; ".join(
            _describe(ms) for ms in by_origin.values()
        ) + tail
    if len(by_origin) == 1:
        return "single_source", "only " + _describe(counted) + (
            " (relayed by "
            + ", ".join(sorted({r for m in counted for r in m.relays}))
            + ")"
            if any(m.relays for m in counted)
            else ""
        )
    listing = "; ".join(_describe(ms) for ms in by_origin.values())
    if relations <= {"agree"}:
        return "agree", f"{listing} \u2014 the exact figures' intervals overlap"
    return (
        "compatible",
        f"{listing} \u2014 ranges overlap only through bounds or approximations",
    )


# --------------------------------------------------------------------------- highlight

_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9,
}  # fmt: skip
_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate(
        "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
    )
    if w != "_"
}
_NUMBER_RE = re.compile(
    r"(?<![\w.,])(?:(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"|(?P<words>(?:"
    + "|".join(_TENS)
    + r")(?:[- ](?:"
    + "|".join(list(_WORDS)[1:10])
    + r"))?"
    r"|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r"))"
    r"(?:\s*(?P<scale>thousand|million|billion|mln|mn|bn|m|k|b)(?![a-z]))?",
    re.IGNORECASE,
)


def _parse_number(match: re.Match[str]) -> float | None:
    if match.group("digits"):
        value = float(match.group("digits").replace(",", ""))
    else:
        words = re.split(r"[- ]", match.group("words").lower())
        value = float(sum(_TENS.get(w, 0) + _WORDS.get(w, 0) for w in words))
    scale = match.group("scale")
    if scale:
        value *= _SCALES[scale.lower()]
    return value


def locate_figure(claim: Claim) -> tuple[int, int] | None:
    """Where the claim's figure stands in its sentence, or None when unsure.

    `start`/`end` index the article, not the sentence, so the figure is found by
    reading every number in the sentence ("33", "12.3 million", "thirty") and keeping
    those equal to the value; several candidates are narrowed by the length of the
    claim's span, and left unhighlighted if still ambiguous.
    """
    target = float(claim.value)
    hits = []
    for match in _NUMBER_RE.finditer(claim.sentence):
        value = _parse_number(match)
        if value is not None and math.isclose(
            value, target, rel_tol=1e-9, abs_tol=1e-9
        ):
            hits.append(match.span())
    if len(hits) > 1:
        width = claim.end - claim.start
        same = [h for h in hits if h[1] - h[0] == width]
        hits = same if same else hits
    return hits[0] if len(hits) == 1 else None


# --------------------------------------------------------------------------- checks


def _originator_parts(claims: list[Claim]) -> dict[tuple[str, bool], list[Claim]]:
    """Claims per (originator, conditional?): parts must come from one account."""
    out: dict[tuple[str, bool], list[Claim]] = defaultdict(list)
    for c in claims:
        out[(originator_of(c).key, c.status == "conditional")].append(c)
    return out


def _distinct_subjects(claims: list[Claim]) -> list[Claim]:
    """One claim per subject (the smallest lower bound), so repeats do not add up."""
    best: dict[str, Claim] = {}
    for c in claims:
        key = subject_key(c)
        if key not in best or interval(c).lo < interval(best[key]).lo:
            best[key] = c
    return list(best.values())


def _sum_lo(claims: list[Claim]) -> float:
    return sum(interval(c).lo for c in claims)


def check_parts_exceed_total(claims: list[Claim]) -> list[tuple[str, list[Claim]]]:
    """Seats of one account that share a stated total (or stand in the same sentence
    as it) add up to more than that total: 33 + 21 must not exceed 68."""
    out = []
    seats = [c for c in claims if c.kind == "seats" and c.unit == "seats"]
    for (_, _), group in _originator_parts(seats).items():
        for total in sorted({c.of_total for c in group if c.of_total is not None}):
            sentences = {c.sentence for c in group if c.of_total == total}
            parts = [
                c
                for c in group
                if c.of_total == total
                or (c.of_total is None and c.sentence in sentences)
            ]
            parts = _distinct_subjects(parts)
            if len(parts) > 1 and _sum_lo(parts) > total:
                text = " + ".join(format_value(c) for c in parts)
                out.append((f"{text} add up to more than {_num(total)}", parts))
    return out


def check_seats_over_chamber(claims: list[Claim]) -> list[tuple[str, list[Claim]]]:
    """Seats of one account add up to more than a chamber size (seats_total) stated
    in the same article and contest: 128 + 124 must not exceed 290."""
    out = []
    totals = [
        c
        for c in claims
        if c.kind == "seats_total" and c.unit == "seats" and c.status != "partial"
    ]
    seats = [c for c in claims if c.kind == "seats" and c.unit == "seats"]
    for total in totals:
        for _, group in _originator_parts(seats).items():
            parts = [
                c
                for c in group
                if c.of_total in (None, total.value)
                and (total.round is None or c.round in (None, total.round))
            ]
            parts = _distinct_subjects(parts)
            if len(parts) > 1 and _sum_lo(parts) > interval(total).upper:
                text = " + ".join(format_value(c) for c in parts)
                out.append(
                    (f"{text} add up to more than the {_num(total.value)}-seat total",
                     [*parts, total])
                )  # fmt: skip
    return out


def check_part_over_its_total(claims: list[Claim]) -> list[tuple[str, list[Claim]]]:
    """A figure larger than its own stated denominator ("70 of 68 seats")."""
    return [
        (f"{format_value(c)}: the part is larger than its total", [c])
        for c in claims
        if c.of_total is not None
        and c.unit != "percent"
        and interval(c).lo > c.of_total
    ]


def check_percent_over_100(claims: list[Claim]) -> list[tuple[str, list[Claim]]]:
    """A percentage above 100."""
    return [
        (f"{format_value(c)} is more than 100%", [c])
        for c in claims
        if c.unit == "percent" and interval(c).lo > 100
    ]


def check_shares_over_100(claims: list[Claim]) -> list[tuple[str, list[Claim]]]:
    """Vote (or seat) shares of one account in one contest add up to more than 100%,
    even taking each at the low end of its rounding."""
    out = []
    for kind in ("votes", "seats"):
        shares = [c for c in claims if c.kind == kind and c.unit == "percent"]
        for _, group in _originator_parts(shares).items():
            parts = _distinct_subjects(group)
            if len(parts) > 1 and _sum_lo(parts) > 100:
                text = " + ".join(format_value(c) for c in parts)
                out.append((f"{kind} shares {text} add up to more than 100%", parts))
    return out


_SHY_RE = re.compile(
    r"(?P<n>\d+|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")"
    r"(?:\s+seats?)?\s+(?:short|shy)\s+of\s+(?:a|an)\s+(?:(?:outright|overall|simple|"
    r"absolute|governing|working)\s+)?majority",
    re.IGNORECASE,
)


def check_majority_fits_chamber(claims: list[Claim]) -> list[tuple[str, list[Claim]]]:
    """ "128 seats ..., 18 short of a majority" must fit the chamber: 128 + 18 is a
    majority of 290 (146, give or take one). Skipped when the chamber size is not
    known from the claims (of_total or a seats_total)."""
    out = []
    sizes = {
        c.value for c in claims if c.kind == "seats_total" and c.status != "partial"
    }
    for c in claims:
        if c.kind != "seats" or c.unit != "seats":
            continue
        m = _SHY_RE.search(c.sentence)
        spot = locate_figure(c)
        if not m or spot is None or spot[0] > m.start():
            continue
        shy = m.group("n")
        shy_n = int(shy) if shy.isdigit() else _WORDS[shy.lower()]
        chamber = c.of_total or (max(sizes) if len(sizes) == 1 else None)
        if not chamber:
            continue
        # "128 seats in the 290-member parliament, just 18 shy": the figure must be
        # the last number before the phrase, not counting the chamber size.
        between = [
            _parse_number(n)
            for n in _NUMBER_RE.finditer(c.sentence, spot[1], m.start("n"))
        ]
        if any(v not in (chamber, None) for v in between):
            continue
        needed = int(chamber) // 2 + 1
        if abs(c.value + shy_n - needed) > 1:
            out.append(
                (
                    f"{format_value(c)} and {shy_n} short of a majority make "
                    f"{_num(c.value + shy_n)}, but a majority of {_num(chamber)} is "
                    f"{needed}",
                    [c],
                )
            )
    return out


#: Consistency checks inside one article and contest: name -> predicate returning
#: (message, claims involved) for each problem found.
CHECKS: dict[str, Callable[[list[Claim]], list[tuple[str, list[Claim]]]]] = {
    "parts_exceed_total": check_parts_exceed_total,
    "seats_over_chamber": check_seats_over_chamber,
    "part_over_its_total": check_part_over_its_total,
    "percent_over_100": check_percent_over_100,
    "shares_over_100": check_shares_over_100,
    "majority_fits_chamber": check_majority_fits_chamber,
}


def _first_line(doc: str | None) -> str:
    return " ".join((doc or "").split())


def run_checks(claims: Iterable[Claim]) -> list[Finding]:
    """Every check over the claims of each article, one contest (round) at a time.

    Claims with no round are checked with each round of their article (a chamber size
    or a conditional total is usually stated once for the whole election).
    """
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article].append(c)
    findings: list[Finding] = []
    seen: set[tuple[str, str, tuple]] = set()
    for article in sorted(by_article):
        article_claims = by_article[article]
        rounds = sorted({c.round for c in article_claims if c.round is not None})
        scopes = [
            [c for c in article_claims if c.round in (None, r)] for r in rounds
        ] or [article_claims]
        for scope in scopes:
            for name, check in CHECKS.items():
                for message, involved in check(scope):
                    ident = (name, message, tuple(sorted(c.start for c in involved)))
                    if ident in seen:
                        continue
                    seen.add(ident)
                    findings.append(
                        Finding(check=name, article=article, message=message,
                                claims=involved)
                    )  # fmt: skip
    return findings


# --------------------------------------------------------------------------- reconcile


def _make_member(item: _Item, strategy: Callable[[Claim], Interval]) -> Member:
    claim = item.claim
    return Member(
        claim=claim,
        interval=strategy(claim),
        originator=originator_of(claim),
        relays=[s.name for s in claim.sources[1:]],
        article_date=item.date_text,
        highlight=locate_figure(claim),
    )


def _group_id(key: GroupKey, used: set[str]) -> str:
    c = key.contest
    base = "/".join(
        [
            c.country or "_",
            c.body or "_",
            f"r{c.round}" if c.round else "r_",
            c.date_from or "undated",
            key.subject.replace("text:", "").replace(" ", "-") or "_",
            key.kind,
            key.unit,
        ]
    )
    ident, n = base, 1
    while ident in used:
        n += 1
        ident = f"{base}#{n}"
    used.add(ident)
    return ident


def _contest_of(items: list[_Item]) -> Contest:
    def only(attr: str):
        values = {getattr(i, attr) for i in items if getattr(i, attr) is not None}
        return next(iter(values)) if len(values) == 1 else None

    dated = sorted(i.dates[0] for i in items if i.dates)
    return Contest(
        country=only("country"),
        body=only("body"),
        round=only("round"),
        date_from=dated[0].isoformat() if dated else None,
        date_to=dated[-1].isoformat() if dated else None,
    )


def _label(items: list[_Item]) -> str:
    """The subject id, else the subject as most often written."""
    ids = {i.claim.subject_id for i in items if i.claim.subject_id}
    if len(ids) == 1:
        return ids.pop()
    counts: dict[str, int] = defaultdict(int)
    for i in items:
        counts[i.claim.subject or i.claim.subject_id or "(no subject)"] += 1
    return max(sorted(counts), key=lambda s: counts[s])


def reconcile(
    claims: Iterable[Claim],
    articles: Iterable[ArticleInfo] | Mapping[str, ArticleInfo] = (),
    *,
    strategy: str = "precision",
    window_days: int = 60,
    problems: Iterable[str] = (),
) -> Reconciliation:
    """Group the claims, judge each group, and run the consistency checks.

    `articles` are the article records (`ArticleInfo`) written beside the claims;
    without them every claim's country, body and date are unknown and contests are
    told apart by round alone. `strategy` names an entry of `STRATEGIES`.
    """
    if strategy not in STRATEGIES:
        raise ValueError(
            f"unknown strategy {strategy!r}; choose from {sorted(STRATEGIES)}"
        )
    to_interval = STRATEGIES[strategy]
    claims = list(claims)
    infos = (
        dict(articles)
        if isinstance(articles, Mapping)
        else {a.article: a for a in articles}
    )

    groups: list[Group] = []
    used: set[str] = set()
    for items in group_claims(claims, infos, window_days=window_days):
        members = [_make_member(i, to_interval) for i in items]
        verdict, reason = judge_group(members)
        members.sort(
            key=lambda m: (
                {"counted": 0, "superseded": 1, "set_aside": 2}[m.role],
                not m.in_conflict,
                m.originator.name.lower(),
                m.claim.article,
                m.claim.start,
            )
        )
        first = items[0].claim
        key = GroupKey(
            contest=_contest_of(items),
            subject=subject_key(first),
            kind=first.kind,
            unit=first.unit,
        )
        groups.append(
            Group(
                id=_group_id(key, used),
                key=key,
                label=_label(items),
                verdict=verdict,
                reason=reason,
                originators=len(
                    {m.originator.key for m in members if m.role == "counted"}
                ),
                members=members,
            )
        )
    groups.sort(key=lambda g: (VERDICT_ORDER.index(g.verdict), g.id))
    rules = Rules(
        strategy=strategy,
        grouping=GROUPING_RULE.format(window=window_days),
        checks={name: _first_line(fn.__doc__) for name, fn in CHECKS.items()},
    )
    return Reconciliation(
        groups=groups,
        findings=run_checks(claims),
        rules=rules,
        articles=sorted(infos.values(), key=lambda a: a.article),
        problems=list(problems),
    )


# --------------------------------------------------------------------------- loading


def sidecar_path(claims_path: Path) -> Path:
    """`out/claims.jsonl` -> `out/claims.articles.jsonl`."""
    return claims_path.with_name(claims_path.stem + ".articles.jsonl")


def _read_jsonl(path: Path | str, model: type[BaseModel], problems: list[str]) -> list:
    rows = []
    label = "<stdin>" if str(path) == "-" else str(path)
    try:
        handle = sys.stdin if str(path) == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        problems.append(f"{label}: cannot read: {exc.strerror or exc}")
        return rows
    try:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                rows.append(model.model_validate(json.loads(line)))
            except json.JSONDecodeError as exc:
                problems.append(f"{label}:{lineno}: invalid JSON: {exc.msg}")
            except ValidationError as exc:
                err = exc.errors()[0]
                where = ".".join(str(p) for p in err["loc"]) or "line"
                what = model.__name__.lower()
                problems.append(
                    f"{label}:{lineno}: not a {what}: {where}: {err['msg']}"
                )
    except UnicodeDecodeError as exc:
        problems.append(
            f"{label}: cannot decode as UTF-8 ({exc.reason}); re-save it as UTF-8"
        )
    except OSError as exc:
        problems.append(f"{label}: cannot read: {exc.strerror or exc}")
    finally:
        if handle is not sys.stdin:
            handle.close()
    return rows


def load_claims(
    paths: Iterable[Path | str], articles: Iterable[Path | str] | None = None
) -> tuple[list[Claim], list[ArticleInfo], list[str]]:
    """Read claim JSON Lines files -> (claims, article records, problems).

    For each claims file its sidecar `<stem>.articles.jsonl` is read too when present;
    a file whose name ends in `.articles.jsonl` is read as article records. `articles`
    adds explicit article-record files. A bad line becomes a problem naming file:line.
    """
    claims: list[Claim] = []
    infos: list[ArticleInfo] = []
    problems: list[str] = []
    article_paths: list[Path | str] = list(articles or [])
    for path in paths:
        if str(path).endswith(".articles.jsonl"):
            article_paths.append(path)
            continue
        claims.extend(_read_jsonl(path, Claim, problems))
        if str(path) != "-":
            sidecar = sidecar_path(Path(path))
            if sidecar.is_file() and sidecar not in article_paths:
                article_paths.append(sidecar)
    seen: set[str] = set()
    for path in article_paths:
        if str(Path(path)) in seen:
            continue
        seen.add(str(Path(path)))
        infos.extend(_read_jsonl(path, ArticleInfo, problems))
    return claims, infos, problems
