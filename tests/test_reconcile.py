"""The reconciler on hand-made claim sets: intervals, grouping, verdicts, checks."""

from __future__ import annotations

import json
import math

import pytest

from extract.models import ArticleInfo, Claim, Source
from extract.reconcile import (
    CHECKS,
    INTERVAL_RULE,
    STRATEGIES,
    Interval,
    Reconciliation,
    format_interval,
    interval,
    intervals_overlap,
    load_claims,
    locate_figure,
    normalise_name,
    precision_interval,
    reconcile,
    run_checks,
    subject_key,
)

FARS = ("Fars news agency", "fars")
AFP = ("Agence France-Presse (AFP)", "afp")
TASNIM = ("Tasnim news agency", "tasnim")
STATE_MEDIA = ("state-run media", None)
STATE_TV = ("state TV", "state_tv")
AP = ("Associated Press (AP)", "ap")


def claim(
    value,
    *,
    article="a.txt",
    kind="seats",
    unit="seats",
    subject="reformists",
    subject_id=None,
    qualifier="exact",
    of_total=None,
    sources=(),
    status="unknown",
    round=None,
    sentence=None,
    start=0,
) -> Claim:
    """A claim with sensible defaults; `sources` are (name, id) pairs."""
    sentence = sentence or f"The {subject} won {value} seats."
    return Claim(
        article=article,
        kind=kind,
        subject=subject,
        subject_id=subject_id,
        value=value,
        unit=unit,
        qualifier=qualifier,
        of_total=of_total,
        sources=[Source(name=n, id=i) for n, i in sources],
        status=status,
        round=round,
        sentence=sentence,
        start=start,
        end=start + len(str(value)),
    )


def info(article, date=None, country="ir", body="parliament") -> ArticleInfo:
    return ArticleInfo(article=article, date=date, country=country, body=body)


def only_group(rec: Reconciliation, subject: str | None = None):
    groups = [g for g in rec.groups if subject is None or g.key.subject == subject]
    assert len(groups) == 1, [(g.id, g.verdict) for g in rec.groups]
    return groups[0]


# --------------------------------------------------------------------------- intervals


@pytest.mark.parametrize(
    ("value", "unit", "lo", "hi", "hi_open"),
    [
        (33, "seats", 33, 33, False),  # small counts are exact
        (9999, "votes", 9999, 9999, False),
        (12_300_000, "votes", 12_250_000, 12_350_000, True),  # "12.3 million"
        (11_000_000, "votes", 10_500_000, 11_500_000, True),  # "11 million"
        (206_000, "votes", 205_500, 206_500, True),
        (24_512_404, "votes", 24_512_404, 24_512_404, False),  # no trailing zeros
        (37.5, "percent", 37.45, 37.55, True),
        (40, "percent", 39.5, 40.5, True),
        (49.35, "percent", 49.345, 49.355, True),
    ],
)
def test_precision_interval(value, unit, lo, hi, hi_open):
    iv = precision_interval(value, unit)
    assert math.isclose(iv.lo, lo) and math.isclose(iv.upper, hi)
    assert iv.hi_open is hi_open


@pytest.mark.parametrize(
    ("qualifier", "value", "expected"),
    [
        ("exact", 33, "[33, 33]"),
        ("at_least", 30, "[30, \u221e)"),
        ("at_most", 30, "[0, 30]"),
        ("approx", 9_000_000, "[8,500,000, 9,500,000]"),  # rounding wider than 5%
        ("approx", 200, "[190, 210]"),  # 5%
    ],
)
def test_interval_by_qualifier(qualifier, value, expected):
    unit = "votes" if value > 1000 else "seats"
    assert format_interval(interval(claim(value, qualifier=qualifier, unit=unit))) == (
        expected
    )


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        (claim(12_300_000, unit="votes"), claim(12_284_551, unit="votes"), True),
        (claim(33), claim(35), False),
        (claim(33), claim(30, qualifier="at_least"), True),
        (claim(30), claim(30, qualifier="at_least"), True),  # touching, both closed
        (claim(30, qualifier="at_most"), claim(30, qualifier="at_least"), True),
        # "17.8 million" and "17.9 million" touch only at an excluded end
        (claim(17_800_000, unit="votes"), claim(17_900_000, unit="votes"), False),
        (claim(37.5, unit="percent"), claim(37.46, unit="percent"), True),
    ],
)
def test_overlap(a, b, overlap):
    assert intervals_overlap(interval(a), interval(b)) is overlap


def test_rule_text_is_exported_and_shown():
    assert "12.3 million" in INTERVAL_RULE and "5%" in INTERVAL_RULE
    rec = reconcile([claim(33)])
    assert rec.rules.interval == INTERVAL_RULE
    assert set(STRATEGIES) >= {"precision", "strict"}


def test_strict_strategy_ignores_rounding():
    claims = [
        claim(12_300_000, unit="votes", sources=[FARS]),
        claim(12_284_551, unit="votes", sources=[TASNIM], start=50),
    ]
    assert only_group(reconcile(claims)).verdict == "agree"
    assert only_group(reconcile(claims, strategy="strict")).verdict == "conflict"


def test_interval_json_has_null_for_no_upper_bound():
    data = json.loads(Interval(lo=30, hi=None).model_dump_json())
    assert data == {"lo": 30.0, "hi": None, "hi_open": False}


# --------------------------------------------------------------------------- verdicts


def test_conflict_33_vs_35_with_reason():
    g = only_group(
        reconcile([claim(33, sources=[FARS]), claim(35, sources=[TASNIM], start=9)])
    )
    assert g.verdict == "conflict"
    assert "Fars news agency: 33" in g.reason and "Tasnim news agency: 35" in g.reason
    assert "[33, 33]" in g.reason and "[35, 35]" in g.reason
    assert "do not overlap" in g.reason
    assert all(m.in_conflict for m in g.members)


def test_compatible_exact_and_bound():
    claims = [claim(33, sources=[FARS]), claim(30, qualifier="at_least", sources=[AP])]
    g = only_group(reconcile(claims))
    assert g.verdict == "compatible"


def test_agree_independent_exact_figures():
    claims = [
        claim(12_300_000, unit="votes", kind="votes", sources=[FARS]),
        claim(12_284_551, unit="votes", kind="votes", sources=[TASNIM], start=5),
    ]
    assert only_group(reconcile(claims)).verdict == "agree"


def test_single_source_relays_do_not_count():
    # Fars via AFP in one article, Fars directly in another: one originator.
    claims = [
        claim(33, sources=[FARS, AFP], article="a.txt"),
        claim(33, sources=[FARS], article="b.txt"),
    ]
    g = only_group(reconcile(claims))
    assert g.verdict == "single_source"
    assert g.originators == 1
    assert "2 articles" in g.reason


def test_originator_by_normalised_name_when_no_id():
    claims = [
        claim(33, sources=[("State-run media", None)]),
        claim(33, sources=[("state run media", None)], article="b.txt"),
    ]
    assert only_group(reconcile(claims)).verdict == "single_source"


def test_partial_superseded_by_fuller_count():
    claims = [
        claim(32, of_total=60, status="partial", sources=[STATE_TV, AP]),
        claim(33, of_total=68, sources=[FARS], start=40),
    ]
    g = only_group(reconcile(claims))
    assert g.verdict == "superseded"
    roles = {m.claim.value: m.role for m in g.members}
    assert roles == {32: "superseded", 33: "counted"}


def test_smaller_total_is_partial_even_without_status():
    claims = [
        claim(32, of_total=60, sources=[STATE_TV], round=2),
        claim(33, of_total=68, round=2),
    ]
    assert only_group(reconcile(claims)).verdict == "superseded"


def test_partial_count_above_the_final_one_conflicts():
    # counts only grow: 40 of 60 so far cannot become 33 of 68
    claims = [
        claim(40, of_total=60, status="partial", sources=[STATE_TV]),
        claim(33, of_total=68, sources=[FARS], start=9),
    ]
    assert only_group(reconcile(claims)).verdict == "conflict"


def test_conditional_set_aside_never_conflicts():
    claims = [
        claim(128, status="conditional", sources=[AFP], round=2),
        claim(33, sources=[FARS], round=2, start=30),
    ]
    g = only_group(reconcile(claims))
    assert g.verdict == "single_source"
    assert {m.claim.value: m.role for m in g.members} == {
        128: "set_aside",
        33: "counted",
    }


def test_only_conditional_group_is_set_aside():
    g = only_group(reconcile([claim(128, status="conditional", sources=[AFP])]))
    assert g.verdict == "set_aside"


# --------------------------------------------------------------------------- grouping


def test_subject_normalisation():
    assert normalise_name("The Reformists' list") == "reformists list"
    assert normalise_name("Iran\u2019s Fars") == "iran fars"
    assert subject_key(claim(1, subject="the Conservatives")) == "text:conservatives"
    assert subject_key(claim(1, subject="x", subject_id="reformists")) == "reformists"
    turnout = claim(
        40, kind="turnout", unit="percent", subject="Iran's eligible voters"
    )
    assert subject_key(turnout) == "text:*"


# two reports of one election's turnout, each naming it its own way (guidelines: the
# election or the electorate), are one group and conflict when their figures differ
@pytest.mark.parametrize(
    ("first", "second", "unit"),
    [
        ("registered voters", "presidential election", "percent"),
        ("registered voters", "ballots cast", "percent"),
        ("ballots cast", "general election", "votes"),
        ("ballots", "presidential election", "votes"),
        ("people voted", "the country's 93.4 million registered voters", "people"),
        ("the seven phases of voting", None, "percent"),
        ("Brazilians eligible to vote", "runoff", "percent"),
        ("Mexicans on the electoral roll", "presidential election", "percent"),
        ("Parliamentary Election", "eligible voters", "percent"),
        ("local elections", "the municipal elections", "percent"),
    ],
)
def test_turnout_subjects_of_one_election_share_a_group(first, second, unit):
    a, b = (64.76, 65.4) if unit == "percent" else (14_200_000, 16_100_000)
    claims = [
        claim(a, kind="turnout", unit=unit, subject=first, sources=[AFP]),
        claim(b, kind="turnout", unit=unit, subject=second, sources=[AP]),
    ]
    group = only_group(reconcile(claims))
    assert group.verdict == "conflict"


# a group's or a region's turnout stays apart from the election's
@pytest.mark.parametrize(
    ("first", "second"),
    [("women", "presidential election"), ("Kano state", "registered voters")],
)
def test_turnout_of_a_group_or_region_is_its_own(first, second):
    claims = [
        claim(40, kind="turnout", unit="percent", subject=first, sources=[AFP]),
        claim(45, kind="turnout", unit="percent", subject=second, sources=[AP]),
    ]
    assert len(reconcile(claims).groups) == 2


def test_percent_and_count_are_different_measures():
    claims = [
        claim(41, kind="turnout", unit="percent", subject="turnout"),
        claim(25_000_000, kind="turnout", unit="votes", subject="turnout"),
    ]
    assert len(reconcile(claims).groups) == 2


def test_kinds_are_not_mixed():
    claims = [claim(290, kind="seats_total"), claim(290)]
    assert len(reconcile(claims).groups) == 2


def test_years_apart_never_mixed():
    claims = [
        claim(33, article="2016.txt", sources=[FARS], round=2),
        claim(35, article="2024.txt", sources=[TASNIM], round=2),
    ]
    arts = [info("2016.txt", "2016-04-30"), info("2024.txt", "2024-03-10")]
    rec = reconcile(claims, arts)
    assert len(rec.groups) == 2
    assert {g.verdict for g in rec.groups} == {"single_source"}


@pytest.mark.parametrize(("days", "groups"), [(59, 1), (61, 2)])
def test_window_of_60_days(days, groups):
    from datetime import date, timedelta

    d2 = (date(2020, 1, 1) + timedelta(days=days)).isoformat()
    claims = [claim(33, article="x", sources=[FARS]), claim(35, article="y")]
    rec = reconcile(claims, [info("x", "2020-01-01"), info("y", d2)])
    assert len(rec.groups) == groups


def test_round_1_and_round_2_are_separate():
    claims = [claim(30, round=1, sources=[FARS]), claim(33, round=2, sources=[TASNIM])]
    assert len(reconcile(claims).groups) == 2


def test_unknown_round_joins_the_one_known_round():
    claims = [claim(33, round=2, sources=[FARS]), claim(35, sources=[TASNIM], start=5)]
    g = only_group(reconcile(claims))
    assert g.verdict == "conflict"


def test_unknown_round_stays_apart_when_two_rounds_fit():
    claims = [
        claim(30, round=1, sources=[FARS]),
        claim(33, round=2, sources=[FARS], start=5),
        claim(31, sources=[TASNIM], start=9),
    ]
    rec = reconcile(claims)
    assert len(rec.groups) == 3


def test_unknown_round_with_a_different_total_stays_apart():
    claims = [claim(33, of_total=68, round=2), claim(128, of_total=290, start=9)]
    assert len(reconcile(claims).groups) == 2


def test_different_countries_or_bodies_never_mixed():
    claims = [claim(33, article="x"), claim(35, article="y"), claim(36, article="z")]
    arts = [
        info("x", "2024-03-01"),
        info("y", "2024-03-01", country="iq"),
        info("z", "2024-03-01", body="assembly_of_experts"),
    ]
    assert len(reconcile(claims, arts).groups) == 3


def test_undated_article_joins_the_matching_contest():
    claims = [
        claim(33, article="a", sources=[FARS], round=2),
        claim(35, article="b", sources=[TASNIM], round=2),
    ]
    arts = [info("a", "2016-04-30"), info("b", None)]
    assert only_group(reconcile(claims, arts)).verdict == "conflict"


def test_undated_claim_stays_apart_when_two_years_fit():
    claims = [
        claim(33, article="a", round=2),
        claim(33, article="c", round=2),
        claim(35, article="b", round=2),
    ]
    arts = [info("a", "2016-04-30"), info("c", "2024-03-01"), info("b", None)]
    assert len(reconcile(claims, arts).groups) == 3


# --------------------------------------------------------------------------- seed


S_FARS = (
    "A report by Iran\u2019s Fars news agency said the coalition formed by Iranian "
    "President Hassan Rouhani won 33 of the total 68 seats contested in the second "
    "round runoff parliamentary elections, while the conservatives won 21 seats, "
    "according to Agence France-Presse (AFP)."
)
S_COND = (
    "The AFP report also noted that if confirmed, this would give reformists 128 seats "
    "in the 290-member parliament, just 18 shy of a majority but more than the 124 "
    "seats grabbed by the rivals."
)
S_B = (
    "Of the 68 legislative seats being contested on Friday, 33 went to the pro-Rouhani "
    "List of Hope coalition and 21 to conservatives, according to the Fars news agency."
)
S_2024 = (
    "Officials have so far counted more than 11 million ballots for Pezeshkian and "
    "around 9 million for Jalili, electoral authority spokesman Mohsen Eslami was "
    "quoted by the official IRNA news agency as saying."
)
ESLAMI = ("electoral authority spokesman Mohsen Eslami", None)
IRNA = ("IRNA", "irna")


def seed_claims() -> tuple[list[Claim], list[ArticleInfo]]:
    a, b, c = "iran-2016-runoff-a.txt", "iran-2016-runoff-b.txt", "iran-2024-runoff.txt"
    claims = [
        claim(33, article=a, subject="the coalition formed by Iranian President Hassan "
              "Rouhani", subject_id="reformists", of_total=68, sources=[FARS, AFP],
              round=2, sentence=S_FARS, start=300),
        claim(21, article=a, subject="the conservatives", subject_id="conservatives",
              sources=[FARS, AFP], round=2, sentence=S_FARS, start=420),
        claim(128, article=a, subject="reformists", subject_id="reformists",
              of_total=290, sources=[AFP], status="conditional", sentence=S_COND,
              start=600),
        claim(124, article=a, subject="the rivals", subject_id="conservatives",
              sources=[AFP], status="conditional", sentence=S_COND, start=690),
        claim(35, article=a, subject="Rouhani's allies", subject_id="reformists",
              sources=[TASNIM, AFP], round=2, start=900,
              sentence="A report by conservative Tasnim news agency, also cited by "
              "AFP, said that Rouhani's allies won 35 seats in the second round."),
        claim(30, article=a, subject="the moderate-reformist bloc",
              subject_id="reformists", qualifier="at_least", of_total=68,
              sources=[STATE_MEDIA], status="preliminary", round=2, start=1200,
              sentence="Although state-run media reported the moderate-reformist bloc "
              "won over 30 of 68 seats in the runoff, it needs to win at least 40 "
              "seats to win an outright majority in the 290-seat legislature."),
        claim(290, article=a, kind="seats_total", subject="legislature", start=1300,
              sentence="It needs at least 40 seats in the 290-seat legislature."),
        claim(32, article=a, subject="moderate-reformist candidates",
              subject_id="reformists", of_total=60, sources=[STATE_TV, AP],
              status="partial", round=2, start=1500,
              sentence="Among those, 32 were won by moderate-reformist candidates."),
        claim(33, article=b, subject="the pro-Rouhani List of Hope coalition",
              subject_id="reformists", of_total=68, sources=[FARS], round=2,
              sentence=S_B, start=200),
        claim(21, article=b, subject="conservatives", subject_id="conservatives",
              of_total=68, sources=[FARS], round=2, sentence=S_B, start=260),
        claim(11_000_000, article=c, kind="votes", unit="votes", subject="Pezeshkian",
              subject_id="pezeshkian", qualifier="at_least", sources=[ESLAMI, IRNA],
              status="partial", round=2, sentence=S_2024, start=100),
        claim(9_000_000, article=c, kind="votes", unit="votes", subject="Jalili",
              subject_id="jalili", qualifier="approx", sources=[ESLAMI, IRNA],
              status="partial", round=2, sentence=S_2024, start=150),
    ]  # fmt: skip
    arts = [
        info(a, "2016-04-29"),
        info(b, None),
        info(c, "2024-07-06", body="president"),
    ]
    return claims, arts


def test_seed_scenario():
    claims, arts = seed_claims()
    rec = reconcile(claims, arts)
    reformists = [
        g
        for g in rec.groups
        if g.key.subject == "reformists" and g.key.contest.round == 2
    ]
    assert len(reformists) == 1
    g = reformists[0]
    assert g.verdict == "conflict"
    assert g.key.contest.country == "ir" and g.key.contest.body == "parliament"
    by_origin = {}
    for m in g.members:
        by_origin.setdefault(m.originator.key, []).append(m)
    # Fars once, from two articles (via AFP in one, directly in the other)
    assert {m.claim.article for m in by_origin["fars"]} == {
        "iran-2016-runoff-a.txt",
        "iran-2016-runoff-b.txt",
    }
    assert all(m.in_conflict and m.role == "counted" for m in by_origin["fars"])
    assert by_origin["tasnim"][0].in_conflict
    state_media = by_origin["name:state run media"][0]
    assert state_media.role == "counted" and not state_media.in_conflict
    assert format_interval(state_media.interval) == "[30, \u221e)"
    assert by_origin["state_tv"][0].role == "superseded"
    assert g.originators == 3  # Fars, Tasnim, state-run media
    assert g.reason.startswith("Fars news agency: 33 of 68 (2 articles); Tasnim")
    # the conditional 128 is not in the round-2 group, and the 2024 runoff stays apart
    assert all(m.claim.status != "conditional" for m in g.members)
    pres = [g for g in rec.groups if g.key.contest.body == "president"]
    assert {g.key.subject for g in pres} == {"pezeshkian", "jalili"}
    assert all(g.key.contest.date_from == "2024-07-06" for g in pres)
    assert all(
        m.claim.article == "iran-2024-runoff.txt" for g in pres for m in g.members
    )
    # conflicts come first
    assert rec.groups[0] is g
    assert rec.findings == []


def test_seed_highlights():
    claims, arts = seed_claims()
    rec = reconcile(claims, arts)
    for g in rec.groups:
        for m in g.members:
            if m.highlight:
                a, b = m.highlight
                assert m.claim.sentence[a:b] in {
                    "33", "21", "128", "124", "35", "30", "290", "32",
                    "11 million", "9 million",
                }  # fmt: skip


@pytest.mark.parametrize(
    ("value", "sentence", "expected"),
    [
        (33, "won 33 of the total 68 seats", "33"),
        (11_000_000, "more than 11 million ballots", "11 million"),
        (12_284_551, "got 12,284,551 votes", "12,284,551"),
        (8, "eight more than before", "eight"),
        (40, "Only 40 percent of 61 million", "40"),
        (33, "33 seats in round one and 33 in round two", None),  # ambiguous
        (5, "no such number here", None),
    ],
)
def test_locate_figure(value, sentence, expected):
    c = claim(value, sentence=sentence, start=1000)
    c = c.model_copy(update={"end": 1000 + (len(expected) if expected else 7)})
    span = locate_figure(c)
    assert (sentence[span[0] : span[1]] if span else None) == expected


# --------------------------------------------------------------------------- checks


def _checks(claims):
    return {(f.check, f.article) for f in run_checks(claims)}


def test_checks_table_names():
    assert set(CHECKS) == {
        "parts_exceed_total",
        "seats_over_chamber",
        "part_over_its_total",
        "percent_over_100",
        "shares_over_100",
        "majority_fits_chamber",
    }


def test_parts_within_total_pass():
    s = "Of 68 seats, 33 went to reformists and 21 to conservatives, Fars said."
    claims = [
        claim(33, of_total=68, sources=[FARS], sentence=s, round=2),
        claim(21, subject="conservatives", sources=[FARS], sentence=s, round=2),
    ]
    assert run_checks(claims) == []


def test_parts_exceed_total():
    s = "Of 68 seats, 53 went to reformists and 21 to conservatives, Fars said."
    claims = [
        claim(53, of_total=68, sources=[FARS], sentence=s),
        claim(21, subject="conservatives", of_total=68, sources=[FARS], sentence=s),
    ]
    findings = run_checks(claims)
    assert [f.check for f in findings] == ["parts_exceed_total"]
    assert "53 of 68 + 21 of 68 add up to more than 68" in findings[0].message


def test_parts_from_different_sources_do_not_add_up():
    claims = [
        claim(33, of_total=68, sources=[FARS]),
        claim(35, of_total=68, sources=[TASNIM]),
    ]
    assert run_checks(claims) == []


def test_seats_over_chamber():
    claims = [
        claim(200, status="conditional", sources=[AFP]),
        claim(124, subject="rivals", status="conditional", sources=[AFP]),
        claim(290, kind="seats_total", subject="parliament"),
    ]
    assert ("seats_over_chamber", "a.txt") in _checks(claims)
    ok = [claims[0].model_copy(update={"value": 128}), claims[1], claims[2]]
    assert run_checks(ok) == []


def test_part_over_its_total():
    assert _checks([claim(70, of_total=68)]) == {("part_over_its_total", "a.txt")}


def test_percent_over_100():
    c = claim(112, kind="turnout", unit="percent", subject="turnout")
    assert _checks([c]) == {("percent_over_100", "a.txt")}


def test_vote_shares_over_100():
    shares = [
        claim(55.2, kind="votes", unit="percent", subject="A", sources=[FARS]),
        claim(48.1, kind="votes", unit="percent", subject="B", sources=[FARS]),
    ]
    assert _checks(shares) == {("shares_over_100", "a.txt")}
    # 49.35 + 45 + 5.22 + 0.43 = 100.00: fine within rounding
    fine = [
        claim(v, kind="votes", unit="percent", subject=s, sources=[FARS])
        for v, s in [(49.35, "E"), (45, "K"), (5.22, "O"), (0.43, "I")]
    ]
    assert run_checks(fine) == []


def test_majority_fits_chamber():
    good = [
        claim(128, of_total=290, status="conditional", sentence=S_COND),
        claim(124, subject="rivals", status="conditional", sentence=S_COND),
    ]
    assert run_checks(good) == []
    bad = S_COND.replace("18 shy", "40 shy")
    assert _checks([claim(128, of_total=290, status="conditional", sentence=bad)]) == {
        ("majority_fits_chamber", "a.txt")
    }
    # no chamber size known: skipped
    assert run_checks([claim(128, status="conditional", sentence=bad)]) == []


def test_checks_are_per_article_and_round():
    claims = [
        claim(53, of_total=68, sources=[FARS], article="x", round=1),
        claim(21, of_total=68, sources=[FARS], article="y", round=1, subject="c"),
        claim(40, of_total=68, sources=[FARS], article="x", round=2, subject="c"),
    ]
    assert run_checks(claims) == []


# --------------------------------------------------------------------------- loading


def test_load_claims_reports_bad_lines(tmp_path):
    good = claim(33, sources=[FARS]).model_dump_json()
    path = tmp_path / "claims.jsonl"
    path.write_text(
        "\n".join([good, "{not json", '{"kind": "seats"}', "", good]) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "claims.articles.jsonl").write_text(
        info("a.txt", "2016-04-29").model_dump_json() + "\nnope\n", encoding="utf-8"
    )
    claims, infos, problems = load_claims([path])
    assert len(claims) == 2 and len(infos) == 1
    assert problems[0].startswith(f"{path}:2: invalid JSON")
    assert problems[1].startswith(f"{path}:3: not a claim")
    assert problems[2].startswith(
        f"{tmp_path / 'claims.articles.jsonl'}:2: invalid JSON"
    )


def test_load_claims_missing_and_binary_files(tmp_path):
    binary = tmp_path / "bin.jsonl"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    claims, _, problems = load_claims([tmp_path / "missing.jsonl", binary])
    assert claims == []
    assert "missing.jsonl: cannot read" in problems[0]
    assert "bin.jsonl" in problems[1]


def test_load_claims_explicit_articles_and_sidecar_by_name(tmp_path):
    c = tmp_path / "out.jsonl"
    c.write_text(claim(33).model_dump_json() + "\n", encoding="utf-8")
    a = tmp_path / "meta.articles.jsonl"
    a.write_text(info("a.txt").model_dump_json() + "\n", encoding="utf-8")
    assert len(load_claims([c], [a])[1]) == 1
    assert len(load_claims([c, a])[1]) == 1  # an .articles.jsonl given as input


def test_schema_is_valid_json_schema():
    schema = Reconciliation.model_json_schema()
    assert schema["title"] == "Reconciliation"
    assert {"groups", "findings", "rules"} <= set(schema["properties"])
    assert schema.get("additionalProperties") is False
