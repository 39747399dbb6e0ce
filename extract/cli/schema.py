"""`extract schema`: print the JSON Schema of a claim line."""

from __future__ import annotations

import json

from extract.cli import app


@app.command()
def schema() -> None:
    """Print the JSON Schema of one claim (one line of `extract run` output).

    Example: extract schema > claim.schema.json
    """
    from extract.models import claim_schema

    typer_echo = json.dumps(claim_schema(), indent=2)
    print(typer_echo)
