"""`extract run`: claims from folders and files of articles, as JSON Lines."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from extract.cli import app

EXIT_OK = 0
EXIT_FAILED = 1  # nothing could be read, or the output could not be written
EXIT_INTERRUPTED = 130

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(value: str) -> int:
    """'5MB' -> 5242880; '500k', '1048576' and '2 MiB' work too (units are binary)."""
    match = _SIZE.match(str(value))
    if not match:
        raise typer.BadParameter(f"{value!r} is not a size; try 5MB, 500KB or 1048576")
    size = int(float(match[1]) * _UNITS[match[2].lower()])
    if size < 1:
        raise typer.BadParameter("the size limit must be at least 1 byte")
    return size


def _echo(message: str) -> None:
    typer.echo(message, err=True)


@app.command("run")
def run_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Folders (read recursively) and files: .txt, .html, .json, .jsonl.",
            metavar="PATH",
            show_default=False,
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output", "-o", help="Claims file (JSON Lines); '-' for standard output."
        ),
    ] = "-",
    articles: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation
        typer.Option(
            "--articles",
            help="Article records file. [default: <output stem>.articles.jsonl beside "
            "an output file; none for standard output]",
            show_default=False,
        ),
    ] = None,
    jobs: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes. [default: 1 for a few hundred articles, else "
            "the CPUs, at most 4]",
            show_default=False,
        ),
    ] = None,
    cache: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--cache",
            help="Cache folder: unchanged articles are not processed again. [default: "
            ".extract-cache/ beside an output file; none for standard output]",
            show_default=False,
            file_okay=False,
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write a cache.")
    ] = False,
    scheduler: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--scheduler",
            help="Run on a Dask cluster: its scheduler address, e.g. tcp://host:8786 "
            "(pip install '.[dask]').",
            show_default=False,
        ),
    ] = None,
    model: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--model",
            help="An installed trained spaCy pipeline to run first, e.g. "
            "en_core_web_sm. [default: blank English, rules only]",
            show_default=False,
        ),
    ] = None,
    patterns: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--patterns",
            help="Pattern and alias data folder to use instead of the bundled one.",
            exists=True,
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    max_bytes: Annotated[
        str,
        typer.Option(
            "--max-bytes",
            help="Skip an article larger than this (a file, or one .jsonl line).",
        ),
    ] = "5MB",
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Articles per batch of work.")
    ] = 64,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="No progress bar or summary; skipped files still shown.",
        ),
    ] = False,
) -> None:
    """Extract election claims from articles, one JSON object per line.

    Reads folders recursively and files (.txt, .html/.htm, .json and .jsonl records
    with a "text" field). Writes claims to standard output, or with -o to a file
    (atomically: an interrupted run leaves no partial file) plus an article
    sidecar <stem>.articles.jsonl for `extract reconcile`. Files that cannot be read
    are skipped with a message; the summary goes to stderr.

    Exit status: 0 the run completed (also with skipped files); 1 nothing could be
    read, or the output could not be written; 2 usage error.

    Example: extract run corpus/ -o out/claims.jsonl --jobs 2
    """
    from extract.runner import RunError, default_cache_dir, run

    limit = parse_size(max_bytes)
    if cache is not None and no_cache:
        raise typer.BadParameter("give --cache DIR or --no-cache, not both")
    if patterns is not None:
        # Set before any pipeline is built, so pool workers inherit it.
        os.environ["EXTRACT_PATTERNS_DIR"] = str(patterns.resolve())
    cache_dir = None if no_cache else (cache or default_cache_dir(output))

    show_progress = not quiet and sys.stderr.isatty()
    progress_bar = None
    callback = None
    if show_progress:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        progress_bar = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        task = progress_bar.add_task("reading articles", total=None)

        def callback(done: int, claims: int, skipped: int) -> None:
            progress_bar.update(
                task, description=f"{done} articles, {claims} claims, {skipped} skipped"
            )

    try:
        if progress_bar is not None:
            progress_bar.start()
        try:
            summary = run(
                paths,
                output,
                articles_output=articles,
                jobs=jobs,
                cache_dir=cache_dir,
                scheduler=scheduler,
                progress=callback,
                model=model,
                patterns_dir=patterns,
                max_bytes=limit,
                batch_size=batch_size,
            )
        finally:
            if progress_bar is not None:
                progress_bar.stop()
    except RunError as exc:
        _echo(f"error: {exc}")
        raise typer.Exit(EXIT_FAILED) from None
    except BrokenPipeError:
        # The reader of standard output went away (`| head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(EXIT_OK) from None
    except KeyboardInterrupt:
        _echo("interrupted: no output file was written")
        raise typer.Exit(EXIT_INTERRUPTED) from None

    for note in summary.notes:
        _echo(f"note: {note}")
    if not quiet:
        details = f"{summary.elapsed:.1f} s"
        if summary.cached:
            details += f", {summary.cached} from the cache"
        if summary.jobs > 1:
            details += f", {summary.jobs} processes"
        _echo(f"{summary.line()} ({details})")
    for skipped in summary.skipped:
        _echo(f"skipped {skipped.path}: {skipped.reason}")
    if summary.articles == 0:
        _echo(
            "error: no article could be read from "
            + ", ".join(paths)
            + " (readable: .txt, .html, .htm, .json, .jsonl); no output written"
        )
        raise typer.Exit(EXIT_FAILED)
    if not quiet and summary.output:
        written = summary.output
        if summary.articles_output:
            written += f" and {summary.articles_output}"
        _echo(f"wrote {written}")
