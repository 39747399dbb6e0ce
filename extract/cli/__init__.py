"""The `extract` command line: a thin layer over the library.

One shared Typer `app`; each command lives in its own module, which decorates `app`.
Heavy imports (spaCy, dateparser) happen inside the commands so `extract --help` is
fast.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="extract",
    help="Pull election figures and their sources out of news articles, and "
    "reconcile them across sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each module registers its command on `app` when imported.
from extract.cli import evaluate, reconcile, run, schema  # noqa: E402,F401


def main() -> None:
    app()
