"""Tests for `extract.evaluate` and `extract evaluate`; sanity checks on gold files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import extract.evaluate as ev
from extract.cli import app
from extract.evaluate import (
    evaluate,
    load_article_texts,
    load_claims,
    load_gold,
    normalize_name,
    sentences_overlap,
    sources_match,
    split_gold_source,
    subjects_match,
    token_overlap,
    totals_match,
    values_match,
)
from extract.models import Claim, Source

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"

# --------------------------------------------------------------------------- helpers

TEXT = (
    "Greens win 44 seats\n\n"
    "The Greens took 44 of the 90 seats, the board said. The Liberals won 30.\n\n"
    "Turnout was 61.2%, the board said. The Liberals won 30.\n"
)
ARTICLE = "a.txt"


def gold_row(value, sentence, kind="seats", **fields) -> dict:
    row = {
        "article": ARTICLE,
        "kind": kind,
        "subject": "the Greens",
        "value": value,
        "unit": "percent" if kind == "turnout" else "seats",
        "qualifier": "exact",
        "of_total": None,
        "source": None,
        "status": "unknown",
        "sentence": sentence,
    }
    row.update(fields)
    return row


def claim_at(text: str, needle: str, value, *, occurrence: int = 0, **fields) -> Claim:
    """A claim whose span is the `occurrence`-th `needle` in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    data = {
        "article": ARTICLE,
        "kind": "seats",
        "subject": "the Greens",
        "value": value,
        "unit": "seats",
        "sentence": needle,
        "start": start,
        "end": start + len(needle),
    }
    data.update(fields)
    return Claim(**data)


S_GREENS = "The Greens took 44 of the 90 seats, the board said."
S_LIB = "The Liberals won 30."
S_TURNOUT = "Turnout was 61.2%, the board said."


def run(gold, claims, text=TEXT):
    return evaluate(gold, claims, texts={ARTICLE: text})


# --------------------------------------------------------------------------- matching


def test_span_inside_gold_sentence_matches():
    result = run([gold_row(44, S_GREENS)], [claim_at(TEXT, "44 of the 90", 44)])
    assert (result.overall.tp, result.overall.fp, result.overall.fn) == (1, 0, 0)


def test_same_value_in_another_sentence_does_not_match():
    # The headline also says 44, but the gold row is the body sentence.
    claim = claim_at(TEXT, "44", 44)  # first "44" is in the headline
    result = run([gold_row(44, S_GREENS)], [claim])
    assert (result.overall.tp, result.overall.fp, result.overall.fn) == (0, 1, 1)
    assert result.false_negatives[0]["sentence"] == S_GREENS
    assert result.false_positives[0]["start"] == TEXT.index("44")


def test_span_straddling_the_sentence_end_does_not_match():
    start = TEXT.index(S_GREENS) + len(S_GREENS) - 5
    claim = Claim(
        article=ARTICLE,
        kind="seats",
        subject="x",
        value=44,
        unit="seats",
        sentence=S_GREENS,
        start=start,
        end=start + 10,
    )
    assert run([gold_row(44, S_GREENS)], [claim]).overall.tp == 0


def test_repeated_sentence_any_occurrence_matches():
    # "The Liberals won 30." occurs twice; the claim points at the second.
    claim = claim_at(TEXT, "30", 30, occurrence=1, subject="The Liberals")
    result = run([gold_row(30, S_LIB, subject="The Liberals")], [claim])
    assert result.overall.tp == 1


@pytest.mark.parametrize(
    ("gold", "predicted", "percent", "expected"),
    [
        (44, 44, False, True),
        (44, 44.0000005, False, True),
        (44, 44.01, False, False),
        (44, 45, False, False),
        (8794726, 8794726, False, True),
        (8794726, 8794727, False, False),
        (61.2, 61.204, True, True),
        (61.2, 61.205, True, True),
        (61.2, 61.21, True, False),
        (61.2, 61.204, False, False),
    ],
)
def test_values_match_tolerance(gold, predicted, percent, expected):
    assert values_match(gold, predicted, percent=percent) is expected


def test_percentage_tolerance_used_in_matching():
    claim = claim_at(TEXT, "61.2%", 61.204, kind="turnout", unit="percent")
    result = run([gold_row(61.2, S_TURNOUT, kind="turnout")], [claim])
    assert result.overall.tp == 1


def test_kind_must_agree():
    claim = claim_at(TEXT, "44 of the 90", 44, kind="seats_total")
    result = run([gold_row(44, S_GREENS)], [claim])
    assert result.overall.tp == 0
    assert set(result.per_kind) == {"seats", "seats_total"}
    assert result.per_kind["seats_total"].fp == 1


def test_one_to_one_two_gold_rows_one_claim():
    gold = [gold_row(30, S_LIB, subject="The Liberals")] * 2
    claim = claim_at(TEXT, "30", 30, subject="The Liberals")
    result = run(gold, [claim])
    assert (result.overall.tp, result.overall.fp, result.overall.fn) == (1, 0, 1)


def test_one_to_one_one_gold_row_two_claims():
    claims = [claim_at(TEXT, "44 of the 90", 44), claim_at(TEXT, "44 of the 90", 44)]
    result = run([gold_row(44, S_GREENS)], claims)
    assert (result.overall.tp, result.overall.fp, result.overall.fn) == (1, 1, 0)


def test_greedy_in_gold_order_takes_first_free_claim():
    # Two identical figures in the gold sentence list; each claim is used once.
    text = "Ana won 12 seats and Ben won 12 seats.\n"
    sentence = text.strip()
    gold = [
        gold_row(12, sentence, subject="Ana"),
        gold_row(12, sentence, subject="Ben"),
    ]
    claims = [
        claim_at(text, "12", 12, subject="Ana"),
        claim_at(text, "12", 12, occurrence=1, subject="Ben"),
    ]
    result = run(gold, claims, text)
    assert result.overall.tp == 2
    assert result.fields["subject"].accuracy == 1.0


def test_scores_per_kind_and_overall():
    gold = [
        gold_row(44, S_GREENS),
        gold_row(30, S_LIB, subject="The Liberals"),
        gold_row(61.2, S_TURNOUT, kind="turnout"),
    ]
    claims = [
        claim_at(TEXT, "44 of the 90", 44),
        claim_at(TEXT, "90", 90),  # a denominator taken as a claim: false positive
        claim_at(TEXT, "61.2%", 61.2, kind="turnout", unit="percent"),
    ]
    result = run(gold, claims)
    seats = result.per_kind["seats"]
    assert (seats.gold, seats.claims, seats.tp, seats.fp, seats.fn) == (2, 2, 1, 1, 1)
    assert seats.precision == 0.5 and seats.recall == 0.5 and seats.f1 == 0.5
    assert result.per_kind["turnout"].f1 == 1.0
    overall = result.overall
    assert (overall.tp, overall.fp, overall.fn) == (2, 1, 1)
    assert overall.precision == pytest.approx(0.6667, abs=1e-4)
    assert overall.recall == pytest.approx(0.6667, abs=1e-4)


def test_no_claims_scores_zero_without_error():
    result = run([gold_row(44, S_GREENS)], [])
    assert result.overall.precision == 0.0 and result.overall.recall == 0.0
    assert result.overall.f1 == 0.0 and result.fields == {}


def test_field_accuracy_and_mismatches():
    gold = [
        gold_row(
            44, S_GREENS, of_total=90, source="the board", status="final", round=1
        ),
        gold_row(30, S_LIB, subject="The Liberals", source="the board"),
    ]
    claims = [
        claim_at(
            TEXT,
            "44 of the 90",
            44,
            of_total=90,
            sources=[Source(name="the board")],
            status="final",
            round=1,
        ),
        claim_at(TEXT, "30", 30, subject="Liberal Party", qualifier="approx"),
    ]
    result = run(gold, claims)
    assert result.matched == 2
    fields = result.fields
    assert (fields["subject"].correct, fields["subject"].total) == (2, 2)
    assert (fields["qualifier"].correct, fields["qualifier"].total) == (1, 2)
    assert (fields["sources"].correct, fields["sources"].total) == (1, 2)
    assert (fields["status"].correct, fields["status"].total) == (2, 2)
    assert (fields["of_total"].correct, fields["of_total"].total) == (2, 2)
    # round only where the gold row has the key
    assert (fields["round"].correct, fields["round"].total) == (1, 1)
    wrong = {(m.field, m.gold, m.predicted) for m in result.mismatches}
    assert ("qualifier", "exact", "approx") in wrong
    assert ("sources", "the board", None) in wrong
    assert ("status", "unknown", "final") not in wrong
    assert all(m.sentence == S_LIB for m in result.mismatches)


def test_round_not_scored_without_gold_key():
    row = gold_row(44, S_GREENS)
    assert "round" not in row
    result = run([row], [claim_at(TEXT, "44 of the 90", 44, round=2)])
    assert "round" not in result.fields


def test_fallback_to_sentence_text_when_article_missing():
    claim = claim_at(TEXT, "44 of the 90", 44, sentence=S_GREENS)
    result = evaluate([gold_row(44, S_GREENS)], [claim], texts={})
    assert result.overall.tp == 1
    assert any("not found" in w for w in result.warnings)
    other = claim_at(TEXT, "44", 44, sentence="Greens win 44 seats")
    result = evaluate([gold_row(44, S_GREENS)], [other], texts={})
    assert result.overall.tp == 0


def test_gold_sentence_absent_from_text_falls_back_with_warning():
    claim = claim_at(TEXT, "44 of the 90", 44, sentence=S_GREENS)
    wrong = gold_row(44, S_GREENS.replace("took", "won"))
    result = run([wrong], [claim])
    assert result.overall.tp == 1  # "won" vs "took": the sentences still overlap
    assert any("not in the article text" in w for w in result.warnings)


def test_claims_on_other_articles_are_ignored_and_parent_folder_mapped():
    elsewhere = claim_at(TEXT, "44 of the 90", 44, article="b.txt")
    nested = claim_at(TEXT, "44 of the 90", 44, article="dev/a.txt")
    result = run([gold_row(44, S_GREENS)], [elsewhere, nested])
    assert result.ignored_claims == 1
    assert (result.overall.tp, result.overall.fp) == (1, 0)


@pytest.mark.parametrize(
    ("gold", "claim", "expected"),
    [
        ("The Greens took 44 seats.", "The Greens took 44 seats.", True),
        ("The Greens took 44 seats.", "The  Greens took\n44 seats.", True),
        ("The Greens took 44 seats.", "Greens took 44 seats", True),
        ("The Greens took 44 seats.", "Turnout was 61.2%, the board said.", False),
    ],
)
def test_sentences_overlap(gold, claim, expected):
    assert sentences_overlap(gold, claim) is expected


# ------------------------------------------------------------------ lenient fields


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Greens", "greens"),
        ("the the Greens", "greens"),
        ("Rouhani's allies", "rouhani allies"),
        ("Erdogan’s People's Alliance", "erdogan people alliance"),
        ("Pezeshkian (runoff)", "pezeshkian"),
        ("moderate-reformist candidates", "moderate reformist candidates"),
        ("  Theatre Party ", "theatre party"),
        (None, ""),
    ],
)
def test_normalize_name(text, expected):
    assert normalize_name(text) == expected


def test_normalize_name_keep_brackets():
    assert normalize_name("Bharatiya Janata Party (BJP)", keep_brackets=True) == (
        "bharatiya janata party bjp"
    )


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("the Greens", "Greens", True),
        ("The Greens", "the greens", True),
        ("Pezeshkian (runoff)", "Masoud Pezeshkian", True),
        ("Lula (first round)", "Luiz Inacio Lula da Silva", True),
        ("Britain's Labour Party", "Labour", True),
        ("Prime Minister Narendra Modi's Bharatiya Janata Party (BJP)", "BJP", True),
        ("The Muttahida Quami Movement (MQM)", "Muttahida Quami Movement", True),
        ("Rouhani's allies", "allies of Rouhani", True),
        ("the pro-Rouhani List of Hope coalition", "List of Hope", True),
        ("moderate-reformist candidates", "moderate reformist candidates", True),
        ("PML-N (after independents joined)", "PML-N", True),
        ("the conservatives", "the reformists", False),
        ("Reform UK", "UK Independence Party", False),
        ("the ANC", "the DA", False),
        ("ANC", "Francis", False),
        (None, None, True),
        (None, "Greens", False),
        ("Greens", None, False),
    ],
)
def test_subjects_match(gold, predicted, expected):
    assert subjects_match(gold, predicted) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("rouhani allies", "allies of rouhani", 1.0),
        ("reform uk", "uk independence party", 0.25),
        ("the", "greens", 0.0),
    ],
)
def test_token_overlap(a, b, expected):
    assert token_overlap(a, b) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("source", "chain"),
    [
        (None, []),
        ("", []),
        ("AFP", ["AFP"]),
        ("Fars news agency via AFP", ["Fars news agency", "AFP"]),
        ("X via Y via Z", ["X", "Y", "Z"]),
        (
            "electoral board bulletin via the Lusena Daily and public radio",
            ["electoral board bulletin", "the Lusena Daily", "public radio"],
        ),
        (
            "Independent Electoral and Boundaries Commission (IEBC)",
            ["Independent Electoral and Boundaries Commission (IEBC)"],
        ),
    ],
)
def test_split_gold_source(source, chain):
    assert split_gold_source(source) == chain


def _chain(*names_ids):
    return [Source(name=n, id=i) for n, i in names_ids]


ALIASES = {
    "agence france-presse (afp)": "afp",
    "afp": "afp",
    "fars news agency": "fars",
    "iran's fars news agency": "fars",
    "irna": "irna",
}


@pytest.fixture
def aliases(monkeypatch):
    monkeypatch.setattr(ev, "_resolve", lambda name: ALIASES.get(name.lower()))


@pytest.mark.parametrize(
    ("gold", "chain", "expected"),
    [
        (None, [], True),
        (None, _chain(("AFP", "afp")), False),
        ("AFP", [], False),
        ("AFP", _chain(("Agence France-Presse (AFP)", "afp")), True),
        ("Agence France-Presse (AFP)", _chain(("AFP", None)), True),
        ("Fars news agency via AFP", _chain(("Fars", "fars"), ("AFP", "afp")), True),
        # ids agree although the names do not contain one another
        ("Fars news agency", _chain(("FNA", "fars")), True),
        # order matters: originator first
        ("Fars news agency via AFP", _chain(("AFP", "afp"), ("Fars", "fars")), False),
        # length must agree
        ("Fars news agency via AFP", _chain(("Fars news agency", "fars")), False),
        ("the commission", _chain(("Election Commission of India", None)), True),
        ("the Election Commission", _chain(("the commission", None)), True),
        (
            "electoral authority spokesman Mohsen Eslami via IRNA",
            _chain(("Mohsen Eslami", None), ("the official IRNA news agency", "irna")),
            True,
        ),
        (
            "bulletin via the Lusena Daily and public radio",
            _chain(("bulletin", None), ("Lusena Daily", None), ("public radio", None)),
            True,
        ),
        ("state TV via AP", _chain(("state TV", None), ("Reuters", "reuters")), False),
        ("IRNA", _chain(("Fars", "fars")), False),
    ],
)
def test_sources_match(aliases, gold, chain, expected):
    assert sources_match(gold, chain) is expected


def test_sources_match_accepts_plain_dicts():
    chain = [{"name": "Fars"}, {"name": "AFP", "id": "afp"}]
    assert sources_match("Fars via AFP", chain)


def test_sources_match_without_alias_data():
    # The placeholder resolver returns None: names alone decide.
    assert sources_match("AFP", _chain(("Agence France-Presse (AFP)", "afp")))
    assert not sources_match("Tasnim", _chain(("Fars", "fars")))


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        (None, None, True),
        (68, 68, True),
        (68, 68.0, True),
        (68, 60, False),
        (68, None, False),
        (None, 68, False),
    ],
)
def test_totals_match(gold, predicted, expected):
    assert totals_match(gold, predicted) is expected


# --------------------------------------------------------------------------- loading


def test_load_claims_reports_bad_lines(tmp_path):
    good = claim_at(TEXT, "44 of the 90", 44).model_dump_json()
    path = tmp_path / "claims.jsonl"
    path.write_text(
        "\n".join([good, "{not json", '{"article": "a.txt"}', "", good]) + "\n",
        encoding="utf-8",
    )
    problems: list[str] = []
    claims = load_claims(path, problems=problems)
    assert len(claims) == 2
    assert len(problems) == 2
    assert problems[0].startswith(f"{path}:2:") and problems[1].startswith(f"{path}:3:")


def test_load_gold_reports_bad_lines(tmp_path):
    path = tmp_path / "gold.jsonl"
    rows = [gold_row(44, S_GREENS), {"article": "a.txt", "kind": "seats"}, [1, 2]]
    lines = [json.dumps(r) for r in rows] + ["nope"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems: list[str] = []
    assert load_gold(path, problems=problems) == [rows[0]]
    assert len(problems) == 3


def test_load_missing_file_raises(tmp_path):
    with pytest.raises(OSError):
        load_claims(tmp_path / "absent.jsonl")


def test_article_texts_html_and_records_read_like_the_pipeline():
    rows = load_gold(CORPUS / "gold.jsonl")
    texts = load_article_texts(CORPUS, {r["article"] for r in rows})
    html = texts["011_brazil-2022-first-round.html"]
    assert "<p>" not in html and html.startswith("Brazil heads to runoff")
    assert texts["indonesia-2024-kpu-official"].startswith("KPU confirms Prabowo")


def test_html_claim_offsets_index_the_stripped_text():
    gold = load_gold(CORPUS / "gold.jsonl")
    rows = [r for r in gold if r["article"].endswith(".html")]
    texts = load_article_texts(CORPUS, {rows[0]["article"]})
    text = texts[rows[0]["article"]]
    claims = []
    for row in rows:
        start = text.index(row["sentence"])
        claims.append(
            Claim(
                article=row["article"],
                kind=row["kind"],
                subject=row["subject"],
                value=row["value"],
                unit=row["unit"],
                sentence=row["sentence"],
                start=start,
                end=start + 5,
            )
        )
    result = evaluate(rows, claims, CORPUS)
    assert result.overall.tp == len(rows) and not result.warnings


# --------------------------------------------------------------------------- CLI

runner = CliRunner()


def _write(path: Path, rows) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def small(tmp_path):
    (tmp_path / ARTICLE).write_text(TEXT, encoding="utf-8")
    gold = _write(
        tmp_path / "gold.jsonl",
        [
            gold_row(44, S_GREENS, of_total=90, source="the board", round=None),
            gold_row(30, S_LIB, subject="The Liberals"),
        ],
    )
    claims = _write(
        tmp_path / "claims.jsonl",
        [
            claim_at(
                TEXT,
                "44 of the 90",
                44,
                of_total=90,
                sources=[Source(name="the board")],
            ).model_dump(mode="json"),
            claim_at(TEXT, "90", 90, sentence=S_GREENS).model_dump(mode="json"),
        ],
    )
    return tmp_path, gold, claims


def test_cli_table(small):
    _, gold, claims = small
    result = runner.invoke(app, ["evaluate", str(gold), str(claims)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    seats = r"^seats\s+2\s+2\s+1\s+1\s+1\s+50\.0%\s+50\.0%\s+50\.0%$"
    assert re.search(seats, out, re.M)
    assert re.search(r"^overall\s+2\s+2\s+1\s+1\s+1", out, re.M)
    assert "Field accuracy over 1 matched claims" in out
    assert re.search(r"sources\s+1/1\s+100\.0%", out)
    assert "MISS" not in out


def test_cli_json(small):
    _, gold, claims = small
    result = runner.invoke(app, ["evaluate", str(gold), str(claims), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["overall"]["tp"] == 1 and data["per_kind"]["seats"]["fp"] == 1
    assert data["fields"]["round"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert data["false_negatives"][0]["sentence"] == S_LIB


def test_cli_show_errors(small):
    _, gold, claims = small
    result = runner.invoke(app, ["evaluate", str(gold), str(claims), "--show-errors"])
    assert result.exit_code == 0
    out = result.stdout
    assert "Missed gold claims (1)" in out and f"       {S_LIB}" in out
    assert "False positives (1)" in out and "FP   a.txt: seats 90 seats" in out
    assert f"       {S_GREENS}" in out  # the false positive's sentence


def test_cli_articles_option_and_bad_lines(small, tmp_path):
    folder, gold, claims = small
    other = tmp_path / "elsewhere"
    other.mkdir()
    moved = other / "gold.jsonl"
    moved.write_text(gold.read_text(encoding="utf-8") + "{broken\n", encoding="utf-8")
    result = runner.invoke(
        app, ["evaluate", str(moved), str(claims), "--articles", str(folder)]
    )
    assert result.exit_code == 0
    assert "invalid JSON" in result.stderr
    assert "not found" not in result.stderr
    # without --articles the article is not found next to the gold: text fallback
    result = runner.invoke(app, ["evaluate", str(moved), str(claims)])
    assert result.exit_code == 0 and "not found" in result.stderr


@pytest.mark.parametrize("which", ["gold", "claims"])
def test_cli_unreadable_file_exits_1(small, which):
    _, gold, claims = small
    args = [str(gold), str(claims)]
    args[0 if which == "gold" else 1] = str(gold.parent / "missing.jsonl")
    result = runner.invoke(app, ["evaluate", *args])
    assert result.exit_code == 1
    assert f"cannot read {which} file" in result.stderr


def test_cli_binary_claims_file_exits_1(small):
    _, gold, claims = small
    claims.write_bytes(b"\xff\xfe\x00\x00garbage\x80\x81")
    result = runner.invoke(app, ["evaluate", str(gold), str(claims)])
    assert result.exit_code == 1


# --------------------------------------------------------------------- gold sanity

UNITS = {
    "zero": 0,
    "no": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
}
FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "tenth": 10,
    "tenths": 10,
}
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+")


def numbers_in(sentence: str) -> set[float]:
    """Every number a sentence states, in digits or words, with scales and fractions."""
    tokens = [t.lower() for t in _TOKEN.findall(sentence.replace("-", " "))]
    found: set[float] = set()
    for i, token in enumerate(tokens):
        if token[0].isdigit():
            value = float(token.replace(",", ""))
        elif token in {"a", "an"}:
            # "a dozen", "a quarter", "a million": never a bare 1
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if nxt == "dozen":
                found.add(12.0)
            elif nxt in SCALES:
                found.add(float(SCALES[nxt]))
            elif nxt in FRACTIONS:
                found.add(round(100 / FRACTIONS[nxt], 2))
            continue
        elif token in UNITS:
            value = float(UNITS[token])
            if token in {
                "twenty",
                "thirty",
                "forty",
                "fifty",
                "sixty",
                "seventy",
                "eighty",
                "ninety",
            } and i + 1 < len(tokens):
                nxt = tokens[i + 1]
                if nxt in UNITS and UNITS[nxt] < 10:
                    found.add(value + UNITS[nxt])
        else:
            continue
        found.add(value)
        if i + 1 < len(tokens) and tokens[i + 1] in SCALES:
            found.add(value * SCALES[tokens[i + 1]])
        if i + 1 < len(tokens) and tokens[i + 1] in FRACTIONS:
            found.add(round(100 * value / FRACTIONS[tokens[i + 1]], 2))
    # "7.17m" and "1.2mn" come as one token each only with a space; handle glued scales
    for number, scale in re.findall(r"(\d+(?:\.\d+)?)(m|mn|bn|k)\b", sentence.lower()):
        found.add(float(number) * SCALES[scale])
    return found


def _states(value, sentence: str) -> bool:
    tolerance = 1e-6 * max(1.0, abs(value))
    return any(abs(value - n) <= tolerance for n in numbers_in(sentence))


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("took 11.2 million votes", 11_200_000),
        ("won 7.17m votes", 7_170_000),
        ("won 8,794,726 votes", 8_794_726),
        ("Seventy-four women were elected", 74),
        ("the Janata Dal (United) a dozen", 12),
        ("twenty-one seats", 21),
        ("More than one million votes", 1_000_000),
        ("one sixth of the seats", 16.67),
        ("took two fifths of the seats", 40),
        ("no Greens were elected", 0),
        ("Over seven thousand candidates", 7000),
    ],
)
def test_numbers_in_reads_digits_words_scales(sentence, value):
    assert _states(value, sentence)


def gold_folders() -> list[Path]:
    folders = [CORPUS]
    if SHARED.is_dir():
        folders += sorted(p.parent for p in SHARED.glob("*/gold.jsonl"))
    return folders


# Shared gold rows that break the README's "every of_total appears in its sentence",
# reported rather than worked around: (folder, line) -> why.
KNOWN_GOLD_EXCEPTIONS = {
    ("seeds", 10): "of_total 60 comes from the previous sentence ('60 of the 68')",
}


def _check_gold(folder: Path) -> list[str]:
    rows = load_gold(folder / "gold.jsonl")
    assert rows, f"no gold rows in {folder}"
    texts = load_article_texts(folder, {r["article"] for r in rows})
    problems = []
    for n, row in enumerate(rows, 1):
        where = f"{folder.name}/gold.jsonl:{n}"
        text = texts.get(row["article"])
        if text is None:
            problems.append(f"{where}: article {row['article']} not found")
            continue
        if row["sentence"] not in text:
            problems.append(f"{where}: sentence not in {row['article']}")
        if not _states(row["value"], row["sentence"]):
            problems.append(f"{where}: value {row['value']} not in its sentence")
        total = row.get("of_total")
        known = folder != CORPUS and (folder.name, n) in KNOWN_GOLD_EXCEPTIONS
        if total is not None and not known and not _states(total, row["sentence"]):
            problems.append(f"{where}: of_total {total} not in its sentence")
    return problems


def test_gold_check_catches_bad_rows(tmp_path):
    (tmp_path / ARTICLE).write_text(TEXT, encoding="utf-8")
    rows = [
        gold_row(44, S_GREENS, of_total=90),  # fine
        gold_row(45, S_GREENS),  # value not in the sentence
        gold_row(44, S_GREENS, of_total=100),  # of_total not in the sentence
        gold_row(30, "The Liberals won 30 seats."),  # not in the article
        {**gold_row(1, S_LIB), "article": "missing.txt"},
    ]
    _write(tmp_path / "gold.jsonl", rows)
    problems = _check_gold(tmp_path)
    assert [p.split(": ", 1)[0].rsplit(":", 1)[1] for p in problems] == [
        "2",
        "3",
        "4",
        "5",
    ]


def test_bundled_gold_sentences_and_values():
    assert _check_gold(CORPUS) == []


def test_bundled_gold_schema():
    keys = [
        "article",
        "kind",
        "subject",
        "value",
        "unit",
        "qualifier",
        "of_total",
        "source",
        "status",
        "round",
        "sentence",
    ]
    lines = (CORPUS / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines:
        row = json.loads(line)
        assert list(row) == keys
        Claim(  # the values are valid claim values
            article=row["article"],
            kind=row["kind"],
            subject=row["subject"],
            value=row["value"],
            unit=row["unit"],
            qualifier=row["qualifier"],
            of_total=row["of_total"],
            status=row["status"],
            round=row["round"],
            sentence=row["sentence"],
            start=0,
            end=1,
        )
    articles = {json.loads(line)["article"] for line in lines}
    files = {p.name for p in CORPUS.glob("*.txt")}
    assert len(files) >= 10 and files <= articles


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"no shared corpus at {SHARED}")
@pytest.mark.parametrize("name", ["seeds", "dev"])
def test_shared_gold_sentences_and_values(name):
    folder = SHARED / name
    if not (folder / "gold.jsonl").is_file():
        pytest.skip(f"no {name}/gold.jsonl in the shared corpus")
    assert _check_gold(folder) == []


def test_perfect_claims_score_one_on_bundled_gold():
    rows = load_gold(CORPUS / "gold.jsonl")
    texts = load_article_texts(CORPUS, {r["article"] for r in rows})
    claims = []
    for row in rows:
        start = texts[row["article"]].index(row["sentence"])
        names = row["source"].split(" via ") if row["source"] else []
        claims.append(
            Claim(
                article=row["article"],
                kind=row["kind"],
                subject=row["subject"],
                value=row["value"],
                unit=row["unit"],
                qualifier=row["qualifier"],
                of_total=row["of_total"],
                sources=[Source(name=n) for n in names],
                status=row["status"],
                round=row["round"],
                sentence=row["sentence"],
                start=start,
                end=start + len(row["sentence"]),
            )
        )
    result = evaluate(rows, claims, CORPUS)
    assert result.overall.f1 == 1.0 and not result.warnings
    assert all(score.accuracy == 1.0 for score in result.fields.values())
