"""Measure extracted claims against gold: precision, recall, F1 and field accuracy.

    >>> problems: list[str] = []
    >>> gold = load_gold("corpus/gold.jsonl", problems=problems)
    >>> claims = load_claims("claims.jsonl", problems=problems)
    >>> result = evaluate(gold, claims, "corpus/")
    >>> result.overall.f1, result.fields["sources"].accuracy

Matching. A claim matches a gold row when

- `article`, `kind` and `value` agree (values within 1e-6, or 0.005 when either side
  is a percentage), and
- the claim's span `[start, end)` lies inside the gold sentence's span in the article
  text. The text is read from `articles_dir` the way `extract run` reads it (HTML
  stripped, JSON records by id); a sentence that occurs several times may be any
  occurrence. Only when the article cannot be found (or its text does not contain the
  gold sentence) does the check fall back to comparing the claim's `sentence` with the
  gold sentence as text.

Matching is one-to-one and greedy: gold rows are taken in file order, and each takes the
first claim (in claims order) that matches it and is still free. Claims on articles the
gold file does not mention are left out of the scores and counted in `ignored_claims`.

Over matched pairs, each field is compared by its own small function, leniently where
the gold guidelines say so: `subjects_match` (normalised text, containment or token
overlap), `sources_match` (the chain element by element, by alias id or name),
`qualifier`, `unit` and `status` by equality, `of_total` by value, and `round` only
where the gold row has a `round` key.

Everything here is a pure function of its inputs apart from reading files in
`load_gold`, `load_claims` and `load_article_texts`.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from extract.models import KINDS, Claim, Source

VALUE_TOLERANCE = 1e-6
PERCENT_TOLERANCE = 0.005
TOKEN_OVERLAP = 0.5
SENTENCE_OVERLAP = 0.6
GOLD_REQUIRED = ("article", "kind", "value", "sentence")
FIELDS = ("subject", "unit", "qualifier", "of_total", "sources", "status", "round")

# ---------------------------------------------------------------------------- results


class Score(BaseModel):
    """Counts and rates for one kind, or overall."""

    gold: int = 0
    claims: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0


class FieldScore(BaseModel):
    """How often a field agrees with the gold over matched claims."""

    correct: int = 0
    total: int = 0
    accuracy: float | None = Field(
        default=None, description="correct / total, or null."
    )


class FieldMismatch(BaseModel):
    """A matched claim whose field differs from the gold."""

    article: str
    kind: str
    value: float | int
    field: str
    gold: Any
    predicted: Any
    sentence: str


class Evaluation(BaseModel):
    """The result of `evaluate`: scores, field accuracies and the errors behind them."""

    overall: Score
    per_kind: dict[str, Score]
    fields: dict[str, FieldScore]
    matched: int
    ignored_claims: int = Field(
        default=0, description="Claims on articles the gold file does not mention."
    )
    false_negatives: list[dict] = Field(
        default_factory=list, description="Gold rows missed."
    )
    false_positives: list[dict] = Field(
        default_factory=list, description="Claims that match no gold row."
    )
    mismatches: list[FieldMismatch] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


# ---------------------------------------------------------------------------- loading


def _read_jsonl(path: str | os.PathLike[str]) -> Iterable[tuple[int, str]]:
    """(line number, line) for each non-blank line; raises OSError/UnicodeError."""
    with open(path, encoding="utf-8-sig") as handle:
        for lineno, line in enumerate(handle, 1):
            if line.strip():
                yield lineno, line


def load_gold(
    path: str | os.PathLike[str], *, problems: list[str] | None = None
) -> list[dict]:
    """The gold rows of a JSON Lines file, in order.

    A line that is not a JSON object with `article`, `kind`, `value` and `sentence` is
    left out and described in `problems` (when given). An unreadable file raises OSError
    (or UnicodeDecodeError).
    """
    rows: list[dict] = []
    for lineno, line in _read_jsonl(path):
        where = f"{path}:{lineno}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            _note(problems, f"{where}: invalid JSON ({exc.msg}), line skipped")
            continue
        if not isinstance(row, dict):
            _note(problems, f"{where}: not a JSON object, line skipped")
            continue
        missing = [key for key in GOLD_REQUIRED if key not in row]
        if missing:
            _note(problems, f"{where}: missing {', '.join(missing)}, line skipped")
            continue
        if not _is_number(row["value"]):
            _note(problems, f"{where}: value is not a number, line skipped")
            continue
        rows.append(row)
    return rows


def load_claims(
    path: str | os.PathLike[str], *, problems: list[str] | None = None
) -> list[Claim]:
    """The claims of a JSON Lines file (`extract run` output), in order.

    A line that does not parse or is not a valid claim is left out and described in
    `problems` (when given); it never stops the load. An unreadable file raises OSError
    (or UnicodeDecodeError).
    """
    claims: list[Claim] = []
    for lineno, line in _read_jsonl(path):
        where = f"{path}:{lineno}"
        try:
            claims.append(Claim.model_validate_json(line))
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(str(p) for p in first.get("loc", ())) or "line"
            _note(
                problems, f"{where}: not a claim ({loc}: {first['msg']}), line skipped"
            )
    return claims


def _note(problems: list[str] | None, message: str) -> None:
    if problems is not None:
        problems.append(message)


def _read_with_readers(path: Path) -> list[tuple[str, str]] | None:
    """(id, text) of the articles in one file, read as `extract run` reads them.

    None when the readers module is unavailable.
    """
    try:
        from extract.readers import iter_articles
    except Exception:  # the readers are optional for evaluation
        return None
    out = []
    for item in iter_articles([path]):
        item_id, text = getattr(item, "id", None), getattr(item, "text", None)
        if isinstance(item_id, str) and isinstance(text, str):
            out.append((item_id, text))
    return out


def _read_plain(path: Path) -> list[tuple[str, str]]:
    """Fallback reader: text files as text, JSON Lines/JSON records by id; no HTML."""
    suffix = path.suffix.lower()
    if suffix in {".html", ".htm"}:
        return []
    if suffix in {".jsonl", ".json"}:
        try:
            raw = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeError):
            return []
        records: list[Any] = []
        if suffix == ".json":
            try:
                data = json.loads(raw)
            except json.JSONDecodeError:
                return []
            records = data if isinstance(data, list) else [data]
        else:
            for line in raw.splitlines():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError:
                    continue
        return [
            (r["id"], r["text"])
            for r in records
            if isinstance(r, dict)
            and isinstance(r.get("id"), str)
            and isinstance(r.get("text"), str)
        ]
    try:
        return [(path.name, path.read_text(encoding="utf-8-sig"))]
    except (OSError, UnicodeError):
        return []


def load_article_texts(
    articles_dir: str | os.PathLike[str], ids: Iterable[str]
) -> dict[str, str]:
    """The text of each article id found under `articles_dir`.

    An id that names a file (relative to the folder) is that file's text as
    `extract run` reads it (HTML stripped, newlines normalised); other ids are looked
    up as record ids in the folder's `.json`/`.jsonl` files. Ids not found are absent
    from the result.
    """
    root = Path(articles_dir)
    wanted = set(ids)
    texts: dict[str, str] = {}
    records_wanted: set[str] = set()
    for article_id in sorted(wanted):
        path = root / article_id
        if not path.is_file():
            records_wanted.add(article_id)
            continue
        items = _read_with_readers(path)
        if items is None:
            items = _read_plain(path)
        whole = [text for item_id, text in items if "#" not in item_id]
        if len(items) == 1:
            texts[article_id] = items[0][1]
        elif whole:
            texts[article_id] = whole[0]
    if records_wanted and root.is_dir():
        for path in sorted(root.rglob("*")):
            if path.suffix.lower() not in {".json", ".jsonl"} or not path.is_file():
                continue
            if any(part.startswith(".") for part in path.relative_to(root).parts):
                continue
            items = _read_with_readers(path)
            if items is None:
                items = _read_plain(path)
            rel = path.relative_to(root).as_posix()
            for item_id, text in items:
                if item_id.startswith(path.name + "#"):
                    item_id = rel + item_id[len(path.name) :]
                if item_id in records_wanted and item_id not in texts:
                    texts[item_id] = text
    return texts


# ------------------------------------------------------------------------ comparisons


def _is_number(value: Any) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
    )


def values_match(gold: float, predicted: float, *, percent: bool = False) -> bool:
    """Equal within 1e-6, or within 0.005 for percentages."""
    tolerance = PERCENT_TOLERANCE if percent else VALUE_TOLERANCE
    return abs(float(gold) - float(predicted)) <= tolerance + 1e-12


def totals_match(gold: float | None, predicted: float | None) -> bool:
    """`of_total` agreement: both null, or equal values."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return values_match(gold, predicted)


_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_POSSESSIVE = re.compile(r"(\w)['’]s\b")
_NON_WORD = re.compile(r"[^\w]+")
_STOPWORDS = frozenset(
    {"the", "a", "an", "of", "and", "in", "for", "to", "its", "their"}
)


def normalize_name(text: str | None, *, keep_brackets: bool = False) -> str:
    """Lowercase words: no leading "the", possessive 's, punctuation or bracketed notes.

    `keep_brackets` keeps the words inside brackets ("Party (BJP)" gives "party bjp")
    instead of dropping them ("party").
    """
    if not text:
        return ""
    text = text.lower()
    if not keep_brackets:
        text = _BRACKETS.sub(" ", text)
    text = _POSSESSIVE.sub(r"\1", text)
    text = _NON_WORD.sub(" ", text).replace("_", " ")
    words = text.split()
    while words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _stem(word: str) -> str:
    """A crude plural strip so "Liberals" meets "Liberal Party"."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _variants(text: str | None, *, stem: bool = False) -> set[str]:
    forms = (normalize_name(text), normalize_name(text, keep_brackets=True))
    if stem:
        forms = tuple(" ".join(_stem(w) for w in f.split()) for f in forms)
    return {v for v in forms if v}


def _contains(a: str, b: str) -> bool:
    """Either phrase contains the other, on word boundaries."""
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def token_overlap(a: str, b: str) -> float:
    """Jaccard overlap of the content words of two normalised phrases."""
    ta = {w for w in a.split() if w not in _STOPWORDS}
    tb = {w for w in b.split() if w not in _STOPWORDS}
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


def subjects_match(gold: str | None, predicted: str | None) -> bool:
    """Lenient subject agreement.

    Both sides are normalised (`normalize_name`, plurals stripped), with and without
    bracketed notes such as "(runoff)" or "(BJP)"; they match when either contains
    the other or their content words overlap by at least half (Jaccard). Two empty
    subjects match.
    """
    gold_forms = _variants(gold, stem=True)
    predicted_forms = _variants(predicted, stem=True)
    if not gold_forms or not predicted_forms:
        return not gold_forms and not predicted_forms
    return any(
        _contains(g, p) or token_overlap(g, p) >= TOKEN_OVERLAP
        for g in gold_forms
        for p in predicted_forms
    )


def split_gold_source(source: str | None) -> list[str]:
    """A gold source string as a chain: "X via Y and Z" gives [X, Y, Z].

    The originator (before the first "via") is never split on "and", since names such
    as "Independent Electoral and Boundaries Commission" contain it.
    """
    if source is None or not source.strip():
        return []
    parts = [p.strip() for p in re.split(r"\s+via\s+", source.strip()) if p.strip()]
    chain = parts[:1]
    for relay in parts[1:]:
        chain.extend(p.strip() for p in re.split(r"\s+and\s+", relay) if p.strip())
    return chain


@lru_cache(maxsize=4096)
def _resolve(name: str) -> str | None:
    try:
        from extract.attribution import resolve_source
    except Exception:  # attribution unavailable: compare by name only
        return None
    try:
        return resolve_source(name)
    except Exception:
        return None


def source_names_match(gold: str, name: str) -> bool:
    """Normalised names that contain one another ("AFP", "Agence ... (AFP)")."""
    return any(_contains(g, p) for g in _variants(gold) for p in _variants(name))


def sources_match(
    gold: str | None, chain: Sequence[Source | Mapping[str, Any]]
) -> bool:
    """The claim's source chain against the gold "X via Y" string.

    Same length, and each element agrees: by alias id when both the gold name (through
    `extract.attribution.resolve_source`) and the claim element have one, else by
    normalised names containing one another. A null gold source matches an empty chain.
    """
    gold_chain = split_gold_source(gold)
    elements = [_source_pair(s) for s in chain]
    if len(gold_chain) != len(elements):
        return False
    for gold_name, (name, source_id) in zip(gold_chain, elements, strict=True):
        gold_id = _resolve(gold_name)
        if gold_id is not None and source_id is not None and gold_id == source_id:
            continue
        if not source_names_match(gold_name, name):
            return False
    return True


def _source_pair(source: Source | Mapping[str, Any]) -> tuple[str, str | None]:
    if isinstance(source, Source):
        return source.name, source.id
    return str(source.get("name") or ""), source.get("id")


def format_chain(chain: Sequence[Source | Mapping[str, Any]]) -> str | None:
    """A claim's chain written like the gold: "X via Y", or None when empty."""
    names = [_source_pair(s)[0] for s in chain]
    return " via ".join(names) if names else None


def sentences_overlap(gold_sentence: str, claim_sentence: str) -> bool:
    """Fallback when the article text is unavailable: the sentences share their text.

    True when either (whitespace-normalised) contains the other, or their word sets
    overlap by at least 0.6 (Jaccard), as when the two split a dateline differently.
    """
    a = " ".join(gold_sentence.split())
    b = " ".join(claim_sentence.split())
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    wa = set(_NON_WORD.sub(" ", a.lower()).split())
    wb = set(_NON_WORD.sub(" ", b.lower()).split())
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= SENTENCE_OVERLAP


def sentence_spans(text: str, sentence: str) -> list[tuple[int, int]]:
    """Every occurrence of `sentence` in `text`, as (start, end) offsets."""
    spans: list[tuple[int, int]] = []
    if not sentence:
        return spans
    start = text.find(sentence)
    while start != -1:
        spans.append((start, start + len(sentence)))
        start = text.find(sentence, start + 1)
    return spans


def span_inside(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """The claim span [start, end) lies inside one of `spans`."""
    return any(s <= start and end <= e for s, e in spans)


# ---------------------------------------------------------------------------- evaluate


def _is_percent(row: Mapping[str, Any], claim: Claim) -> bool:
    return row.get("unit") == "percent" or claim.unit == "percent"


def _field_agrees(
    field: str, row: Mapping[str, Any], claim: Claim
) -> tuple[bool, Any, Any]:
    """(agrees, gold value, predicted value) for one field of a matched pair."""
    if field == "subject":
        return (
            subjects_match(row.get("subject"), claim.subject),
            row.get("subject"),
            claim.subject,
        )
    if field == "sources":
        return (
            sources_match(row.get("source"), claim.sources),
            row.get("source"),
            format_chain(claim.sources),
        )
    if field == "of_total":
        gold = row.get("of_total")
        ok = totals_match(gold if _is_number(gold) else None, claim.of_total)
        return ok, gold, claim.of_total
    gold = row.get(field)
    predicted = getattr(claim, field)
    return gold == predicted, gold, predicted


def _score(gold: int, claims: int, tp: int) -> Score:
    fp, fn = claims - tp, gold - tp
    precision = tp / claims if claims else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(
        gold=gold,
        claims=claims,
        tp=tp,
        fp=fp,
        fn=fn,
        precision=round(precision, 4),
        recall=round(recall, 4),
        f1=round(f1, 4),
    )


def _claim_row(claim: Claim) -> dict:
    return claim.model_dump(mode="json")


def _align_articles(claims: Sequence[Claim], gold_articles: set[str]) -> list[Claim]:
    """The claims on gold articles. A claim id with a leading folder the gold lacks
    ("dev/001_x.txt" for gold "001_x.txt", from running over a parent folder) is
    mapped to the gold id."""
    out: list[Claim] = []
    for claim in claims:
        article = claim.article
        if article not in gold_articles:
            parts = article.split("/")
            for i in range(1, len(parts)):
                tail = "/".join(parts[i:])
                if tail in gold_articles:
                    claim = claim.model_copy(update={"article": tail})
                    break
        if claim.article in gold_articles:
            out.append(claim)
    return out


def evaluate(
    gold_rows: Sequence[Mapping[str, Any]],
    claims: Sequence[Claim],
    articles_dir: str | os.PathLike[str] | None = None,
    *,
    texts: Mapping[str, str] | None = None,
) -> Evaluation:
    """Score `claims` against `gold_rows` (see the module docstring for the rules).

    Article texts come from `texts` when given, else from `articles_dir` (usually the
    gold file's folder); with neither, spans cannot be checked and the sentence-text
    fallback is used for every article.
    """
    warnings: list[str] = []
    gold_articles = {str(row["article"]) for row in gold_rows}
    if texts is None:
        texts = load_article_texts(articles_dir, gold_articles) if articles_dir else {}
    missing = sorted(gold_articles - set(texts))
    if missing:
        shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
        warnings.append(
            f"{len(missing)} article(s) not found"
            + (f" in {articles_dir}" if articles_dir else "")
            + f"; matched by sentence text instead: {shown}"
        )

    considered = _align_articles(claims, gold_articles)
    ignored = len(claims) - len(considered)
    if ignored:
        warnings.append(
            f"{ignored} claim(s) on articles not in the gold file were left out"
        )
    by_key: dict[tuple[str, str], list[int]] = {}
    for index, claim in enumerate(considered):
        by_key.setdefault((claim.article, claim.kind), []).append(index)

    used: set[int] = set()
    pairs: list[tuple[Mapping[str, Any], Claim]] = []
    false_negatives: list[dict] = []
    absent_sentences: set[tuple[str, str]] = set()
    for row in gold_rows:
        article, sentence = str(row["article"]), str(row["sentence"])
        text = texts.get(article)
        spans = sentence_spans(text, sentence) if text is not None else []
        if (
            text is not None
            and not spans
            and (article, sentence) not in absent_sentences
        ):
            absent_sentences.add((article, sentence))
            warnings.append(
                f"{article}: gold sentence not in the article text; matched by "
                f"sentence text instead: {sentence[:60]!r}"
            )
        found = None
        for index in by_key.get((article, str(row["kind"])), ()):
            if index in used:
                continue
            claim = considered[index]
            if not values_match(
                row["value"], claim.value, percent=_is_percent(row, claim)
            ):
                continue
            if spans:
                if not span_inside(claim.start, claim.end, spans):
                    continue
            elif not sentences_overlap(sentence, claim.sentence):
                continue
            found = index
            break
        if found is None:
            false_negatives.append(dict(row))
        else:
            used.add(found)
            pairs.append((row, considered[found]))

    false_positives = [_claim_row(c) for i, c in enumerate(considered) if i not in used]

    fields: dict[str, FieldScore] = {}
    mismatches: list[FieldMismatch] = []
    for field in FIELDS:
        correct = total = 0
        for row, claim in pairs:
            if field == "round" and "round" not in row:
                continue
            if field == "unit" and "unit" not in row:
                continue
            total += 1
            ok, gold_value, predicted = _field_agrees(field, row, claim)
            if ok:
                correct += 1
            else:
                mismatches.append(
                    FieldMismatch(
                        article=str(row["article"]),
                        kind=str(row["kind"]),
                        value=row["value"],
                        field=field,
                        gold=gold_value,
                        predicted=predicted,
                        sentence=str(row["sentence"]),
                    )
                )
        if total:
            fields[field] = FieldScore(
                correct=correct, total=total, accuracy=round(correct / total, 4)
            )

    kinds = [
        k
        for k in KINDS
        if any(r["kind"] == k for r in gold_rows)
        or any(c.kind == k for c in considered)
    ]
    kinds += sorted({str(r["kind"]) for r in gold_rows} - set(KINDS))
    per_kind = {
        kind: _score(
            gold=sum(1 for r in gold_rows if r["kind"] == kind),
            claims=sum(1 for c in considered if c.kind == kind),
            tp=sum(1 for r, _ in pairs if r["kind"] == kind),
        )
        for kind in kinds
    }
    overall = _score(gold=len(gold_rows), claims=len(considered), tp=len(pairs))
    return Evaluation(
        overall=overall,
        per_kind=per_kind,
        fields=fields,
        matched=len(pairs),
        ignored_claims=ignored,
        false_negatives=false_negatives,
        false_positives=false_positives,
        mismatches=mismatches,
        warnings=warnings,
    )


__all__ = [
    "Evaluation",
    "FieldMismatch",
    "FieldScore",
    "Score",
    "evaluate",
    "format_chain",
    "load_article_texts",
    "load_claims",
    "load_gold",
    "normalize_name",
    "sentence_spans",
    "sentences_overlap",
    "sources_match",
    "span_inside",
    "split_gold_source",
    "subjects_match",
    "token_overlap",
    "totals_match",
    "values_match",
]
