"""`extract evaluate`: score a claims file against a gold file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from extract.cli import app


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold claims, JSON Lines (gold.jsonl).")],
    claims: Annotated[Path, typer.Argument(help="Extracted claims, JSON Lines.")],
    articles: Annotated[
        Path | None,
        typer.Option(
            "--articles",
            help="Folder holding the gold articles (default: the gold file's folder).",
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the whole evaluation as JSON.")
    ] = False,
    show_errors: Annotated[
        bool,
        typer.Option(
            "--show-errors",
            help="List missed gold claims, false positives and field mismatches.",
        ),
    ] = False,
) -> None:
    """Measure extracted claims against gold: P/R/F1, field accuracy.

    A claim matches a gold row when article, kind and value agree
    (within 0.005 for percentages) and its span lies inside the gold
    sentence in the article text; matching is one to one. Subject,
    unit, qualifier, of_total, sources, status and round are then
    compared leniently over the matched pairs. Bad lines are reported
    and skipped. Exit status 0 whatever the scores (it is a
    measurement), 1 when a file cannot be read.

    Example, with claims.jsonl from `extract run` over corpus/:

        extract evaluate corpus/gold.jsonl claims.jsonl --show-errors
    """
    from extract.evaluate import evaluate as run_evaluation
    from extract.evaluate import load_claims, load_gold

    problems: list[str] = []
    try:
        gold_rows = load_gold(gold, problems=problems)
    except (OSError, UnicodeError) as exc:
        _fail(f"cannot read gold file {gold}: {_reason(exc)}")
    try:
        claim_list = load_claims(claims, problems=problems)
    except (OSError, UnicodeError) as exc:
        _fail(f"cannot read claims file {claims}: {_reason(exc)}")
    articles_dir = articles if articles is not None else gold.parent
    if articles is not None and not articles.is_dir():
        _fail(f"--articles {articles}: not a folder")

    result = run_evaluation(gold_rows, claim_list, articles_dir)
    for message in problems + result.warnings:
        print(f"warning: {message}", file=sys.stderr)

    if as_json:
        print(result.model_dump_json(indent=2))
        return
    print(format_report(result))
    if show_errors:
        print()
        print(format_errors(result))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    raise typer.Exit(1)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:5.1f}%"


def format_report(result: Any) -> str:
    """The score table: per kind and overall, then field accuracy of matched claims."""
    lines = [
        f"{'kind':<13}{'gold':>6}{'claims':>8}{'tp':>6}{'fp':>6}{'fn':>6}"
        f"{'P':>9}{'R':>9}{'F1':>9}"
    ]

    def row(name: str, s: Any) -> str:
        return (
            f"{name:<13}{s.gold:>6}{s.claims:>8}{s.tp:>6}{s.fp:>6}{s.fn:>6}"
            f"{_pct(s.precision):>9}{_pct(s.recall):>9}{_pct(s.f1):>9}"
        )

    for kind, score in result.per_kind.items():
        lines.append(row(kind, score))
    lines.append("-" * len(lines[0]))
    lines.append(row("overall", result.overall))
    lines.append("")
    lines.append(f"Field accuracy over {result.matched} matched claims")
    for field, score in result.fields.items():
        lines.append(
            f"  {field:<11}{score.correct:>5}/{score.total:<5}{_pct(score.accuracy):>8}"
        )
    if result.ignored_claims:
        lines.append("")
        lines.append(
            f"({result.ignored_claims} claims on articles not in the gold left out)"
        )
    return "\n".join(lines)


def format_errors(result: Any) -> str:
    """Misses, false positives and field mismatches, each with its sentence."""
    out: list[str] = []
    out.append(f"Missed gold claims ({len(result.false_negatives)})")
    for g in result.false_negatives:
        out.append(
            f"  MISS {g['article']}: {g['kind']} {g['value']} {g.get('unit') or ''} "
            f"[{g.get('subject')}] source={g.get('source')!r}"
        )
        out.append(f"       {g['sentence']}")
    out.append("")
    out.append(f"False positives ({len(result.false_positives)})")
    for c in result.false_positives:
        chain = " via ".join(s["name"] for s in c.get("sources") or []) or None
        out.append(
            f"  FP   {c['article']}: {c['kind']} {c['value']} {c['unit']} "
            f"[{c.get('subject')}] source={chain!r} @{c['start']}-{c['end']}"
        )
        out.append(f"       {c['sentence']}")
    out.append("")
    out.append(f"Field mismatches ({len(result.mismatches)})")
    for m in result.mismatches:
        out.append(
            f"  {m.field:<9}{m.article}: {m.kind} {m.value}: gold {m.gold!r}, "
            f"got {m.predicted!r}"
        )
        out.append(f"       {m.sentence}")
    return "\n".join(out)
