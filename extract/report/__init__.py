"""Reports of a reconciliation: `groups.json` (+ schema), `report.html`, `report.md`.

`write_reports(reconciliation, out_dir)` writes them all; each file is written to a
temporary name and renamed into place, so an interrupted run never leaves a truncated
report behind. The HTML is one self-contained file (inline CSS and JS, no network)
that reads on a phone; the Markdown suits a pull request or an issue.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from extract.reconcile import Reconciliation, reconciliation_schema

#: Output formats and the files each one writes.
FORMATS: dict[str, tuple[str, ...]] = {
    "json": ("groups.json", "groups.schema.json"),
    "html": ("report.html",),
    "md": ("report.md",),
}


def render(reconciliation: Reconciliation, filename: str) -> str:
    """The text of one report file."""
    if filename == "groups.json":
        return reconciliation.model_dump_json(indent=2) + "\n"
    if filename == "groups.schema.json":
        return json.dumps(reconciliation_schema(), indent=2) + "\n"
    if filename == "report.html":
        from extract.report.html import render_html

        return render_html(reconciliation)
    if filename == "report.md":
        from extract.report.markdown import render_markdown

        return render_markdown(reconciliation)
    raise ValueError(f"unknown report file {filename!r}")


def report_files(formats: Iterable[str] = FORMATS) -> list[str]:
    """The file names the given formats write."""
    out: list[str] = []
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(
                f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}"
            )
        out.extend(FORMATS[fmt])
    return out


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, then rename into place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_reports(
    reconciliation: Reconciliation,
    out_dir: Path | str,
    *,
    formats: Iterable[str] = FORMATS,
) -> list[Path]:
    """Write the reports into `out_dir` (created if needed); return the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in report_files(formats):
        path = out / name
        write_atomic(path, render(reconciliation, name))
        written.append(path)
    return written
