"""`extract reconcile`: line claims up across sources and write the conflict report."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Optional

import typer

from extract.cli import app

#: Exit status when --fail-on-conflict is given and a group is in conflict.
EXIT_CONFLICT = 3
#: Exit status when no claim could be read at all.
EXIT_NO_CLAIMS = 1


class OutputExistsError(FileExistsError):
    """A report file is already there and --force was not given."""


@dataclass
class ReconcileResult:
    """What `reconcile_files` did: the reconciliation, files written, and a summary."""

    reconciliation: object
    written: list[Path] = field(default_factory=list)
    claims: int = 0

    @property
    def conflicts(self) -> int:
        return self.reconciliation.counts()["conflict"]

    def summary(self) -> str:
        rec = self.reconciliation
        counts = rec.counts()
        verdicts = ", ".join(
            f"{n} {v.replace('_', ' ')}" for v, n in counts.items() if n
        )
        articles = {m.claim.article for g in rec.groups for m in g.members}
        text = (
            f"Reconciled {self.claims} claims from {len(articles)} articles into "
            f"{len(rec.groups)} groups ({verdicts or 'none'}); "
            f"{len(rec.findings)} consistency findings; "
            f"{len(rec.problems)} input problems."
        )
        if rec.problems:
            text += " First problem: " + rec.problems[0]
        if self.written:
            text += f" Report: {self.written[0].parent / 'report.html'}"
        return text


def reconcile_files(
    claim_paths: list[Path | str],
    out_dir: Path | str | None = "reconciled",
    *,
    articles: list[Path | str] | None = None,
    formats: list[str] | None = None,
    strategy: str = "precision",
    window_days: int = 60,
    force: bool = False,
) -> ReconcileResult:
    """Read claim files (and their `.articles.jsonl` sidecars), reconcile, write.

    `out_dir=None` writes nothing. Raises `OutputExistsError` when a report file exists
    and `force` is false.
    """
    from extract.reconcile import load_claims, reconcile
    from extract.report import FORMATS, report_files, write_reports

    formats = list(formats or FORMATS)
    names = report_files(formats)
    if out_dir is not None and not force:
        existing = [Path(out_dir) / n for n in names if (Path(out_dir) / n).exists()]
        if existing:
            raise OutputExistsError(
                f"{existing[0]} already exists; use --force to overwrite it, or -o to "
                "write somewhere else"
            )
    claims, infos, problems = load_claims(claim_paths, articles)
    rec = reconcile(
        claims, infos, strategy=strategy, window_days=window_days, problems=problems
    )
    result = ReconcileResult(reconciliation=rec, claims=len(claims))
    if out_dir is not None and claims:
        result.written = write_reports(rec, out_dir, formats=formats)
    return result


HELP = "\n\n".join(
    [
        "Line claims up across sources and articles, and report where they disagree.",
        "Groups claims about the same contest, subject and kind; judges each group "
        "(conflict, compatible, superseded, agree, single_source, set_aside) by "
        "comparing the ranges the figures allow; checks each article for parts that "
        "exceed their total; writes groups.json (+ groups.schema.json), report.html "
        "and report.md. A one-paragraph summary goes to stderr.",
        "Exit status: 0 done (also when groups conflict); 1 no claim could be read; "
        "2 usage error (bad option, or reports already exist without --force); "
        f"{EXIT_CONFLICT} with --fail-on-conflict, at least one group is in conflict.",
        "Example: extract reconcile out/claims.jsonl -o reconciled/ --fail-on-conflict",
    ]
)

ClaimsArg = Annotated[
    list[Path],
    typer.Argument(help="Claim JSON Lines files from `extract run` ('-' reads stdin)."),
]
OutOpt = Annotated[
    str,
    typer.Option(
        "-o",
        "--out",
        help="Folder for groups.json, groups.schema.json, report.html, report.md; "
        "'-' prints one format (json or md) to stdout.",
    ),
]
ArticlesOpt = Annotated[
    Optional[list[Path]],  # noqa: UP045 (typer needs Optional here)
    typer.Option(
        "--articles",
        help="Article records (.articles.jsonl). By default the sidecar "
        "<stem>.articles.jsonl beside each claims file is read when present.",
    ),
]
FormatOpt = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--format", "-f", help="json, html or md (repeatable; default: all)."),
]
StrategyOpt = Annotated[
    str, typer.Option(help="How a figure becomes a range: precision or strict.")
]
WindowOpt = Annotated[
    int,
    typer.Option(
        help="Claims from articles dated more than this many days apart are never "
        "the same contest."
    ),
]
FailOpt = Annotated[
    bool,
    typer.Option(
        "--fail-on-conflict", help=f"Exit {EXIT_CONFLICT} if any group conflicts."
    ),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite existing reports.")]


@app.command(help=HELP)
def reconcile(
    claims: ClaimsArg,
    out: OutOpt = "reconciled",
    articles: ArticlesOpt = None,
    fmt: FormatOpt = None,
    strategy: StrategyOpt = "precision",
    window: WindowOpt = 60,
    fail_on_conflict: FailOpt = False,
    force: ForceOpt = False,
) -> None:
    """Line claims up across sources and articles, and report where they disagree.

    Exit status: 0 done; 1 no claim could be read; 2 usage error (or reports exist
    without --force); 3 with --fail-on-conflict, a group is in conflict.

    Example: extract reconcile out/claims.jsonl -o reconciled/ --fail-on-conflict
    """
    from extract.reconcile import STRATEGIES
    from extract.report import FORMATS, render, report_files

    formats = fmt or list(FORMATS)
    for f in formats:
        if f not in FORMATS:
            raise typer.BadParameter(
                f"unknown format {f!r}; choose from {', '.join(FORMATS)}",
                param_hint="--format",
            )
    if strategy not in STRATEGIES:
        raise typer.BadParameter(
            f"unknown strategy {strategy!r}; choose from {', '.join(STRATEGIES)}",
            param_hint="--strategy",
        )
    to_stdout = out == "-"
    if to_stdout and (len(formats) != 1 or formats[0] == "html"):
        raise typer.BadParameter(
            "-o - prints one format: add --format json or --format md", param_hint="-o"
        )
    try:
        result = reconcile_files(
            list(claims),
            None if to_stdout else out,
            articles=list(articles or []),
            formats=formats,
            strategy=strategy,
            window_days=window,
            force=force,
        )
    except OutputExistsError as exc:
        typer.echo(f"extract reconcile: {exc}", err=True)
        raise typer.Exit(2) from None
    rec = result.reconciliation
    for problem in rec.problems:
        typer.echo(f"extract reconcile: {problem}", err=True)
    if result.claims == 0:
        typer.echo(
            "extract reconcile: no claims could be read; check that the files are the "
            "claims output of `extract run` (one JSON object per line)",
            err=True,
        )
        raise typer.Exit(EXIT_NO_CLAIMS)
    if to_stdout:
        sys.stdout.write(render(rec, report_files(formats)[0]))
    typer.echo(result.summary(), err=True)
    if fail_on_conflict and result.conflicts:
        raise typer.Exit(EXIT_CONFLICT)
