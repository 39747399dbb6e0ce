"""Find and load the data files in `patterns/`, once.

In a source checkout the data lives in `<repo>/patterns/`; in an installed wheel it is
shipped as `extract/patterns/`. A user may point `EXTRACT_PATTERNS_DIR` (or the CLI's
`--patterns`) at a folder of their own.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from functools import lru_cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def default_patterns_dir() -> Path:
    """The folder of pattern and alias files this installation uses."""
    env = os.environ.get("EXTRACT_PATTERNS_DIR")
    if env:
        return Path(env)
    installed = installed_patterns_dir()
    if installed is None:
        raise FileNotFoundError(
            "cannot find the patterns/ data folder next to the extract package; "
            "set EXTRACT_PATTERNS_DIR to its location"
        )
    return installed


def installed_patterns_dir() -> Path | None:
    """The folder of pattern files shipped with the package (whatever
    `EXTRACT_PATTERNS_DIR` says), or None when it cannot be found."""
    for candidate in (_PACKAGE_DIR / "patterns", _PACKAGE_DIR.parent / "patterns"):
        if candidate.is_dir():
            return candidate
    return None


def missing_pattern_files(folder: Path) -> list[str]:
    """The data files of the installed patterns folder that `folder` lacks, by name:
    a folder of a user's own made from an older version lacks the files added since
    (every stage reads its own), and a run would otherwise fail article by article."""
    installed = installed_patterns_dir()
    if installed is None or installed.resolve() == folder.resolve():
        return []
    return sorted(
        path.name
        for path in installed.iterdir()
        if path.is_file()
        and path.suffix in {".json", ".jsonl"}
        and not (folder / path.name).is_file()
    )


class PatternFileError(ValueError):
    """A pattern file is missing or malformed; the message names the file and line."""


@lru_cache(maxsize=64)
def load_json(name: str, patterns_dir: Path | None = None) -> dict | list:
    """Load one JSON data file from the patterns folder."""
    path = (patterns_dir or default_patterns_dir()) / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise PatternFileError(f"{path}: pattern file not found") from exc
    except json.JSONDecodeError as exc:
        raise PatternFileError(f"{path}:{exc.lineno}: invalid JSON: {exc.msg}") from exc


@lru_cache(maxsize=64)
def load_jsonl(name: str, patterns_dir: Path | None = None) -> tuple[dict, ...]:
    """Load one JSON Lines data file; blank lines and lines starting with // are
    skipped."""
    path = (patterns_dir or default_patterns_dir()) / name
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise PatternFileError(f"{path}: pattern file not found") from exc
    for lineno, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PatternFileError(f"{path}:{lineno}: invalid JSON: {exc.msg}") from exc
        if not isinstance(row, dict):
            raise PatternFileError(f"{path}:{lineno}: expected a JSON object")
        rows.append(row)
    return tuple(rows)


def clear_data_caches() -> None:
    """Forget everything computed from the pattern files, so that the next use reads
    them again: every `functools.lru_cache` of the package's modules is emptied
    (lexicons, alias tables, matchers, the pipeline of `load_pipeline`). The few that
    do not depend on the patterns (date parsing) just fill again."""
    for name, module in list(sys.modules.items()):
        if name == "extract" or name.startswith("extract."):
            for value in list(vars(module).values()):
                cache_clear = getattr(value, "cache_clear", None)
                if callable(cache_clear):
                    cache_clear()


def patterns_version(patterns_dir: Path | None = None) -> str:
    """A hash of every data file's name and content: changes when any pattern
    changes."""
    folder = patterns_dir or default_patterns_dir()
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()[:16]
