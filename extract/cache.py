"""A per-article result cache, so reruns over an unchanged folder skip the NLP.

    cache = ResultCache(".extract-cache", salt=cache_salt(model=None))
    key = cache.key(article)
    hit = cache.get(key)  # a CachedResult (ArticleInfo and claims as JSON) or None
    cache.put(key, CachedResult(info=info_json, claims=claim_jsons))
    cache.commit()

Design:
- One SQLite database, `<dir>/results.sqlite3`, in WAL mode (stdlib, one file, safe
  with a second run reading at the same time). A row per article: key -> JSON value.
- The key is sha256 over a *salt* and the article as read (id, text, title, date, url).
  The salt holds the package version and a hash of its source files,
  `patterns_version()` (a hash of every pattern file) and the spaCy model name, so
  editing a pattern or the code, upgrading or choosing another model misses the cache
  instead of returning stale claims. Hashing the article as read,
  not the raw file, also picks up changes in how files are read (HTML stripping).
- The value is the article's ArticleInfo and claims, already serialised as the JSON
  lines `extract run` writes, stored as those lines joined by newlines (JSON never
  holds a raw newline), so a hit costs one lookup and one split: no parsing, no
  validation.
- Rows are committed after every batch of articles, so a run that is interrupted
  (Ctrl-C, a crash) leaves a cache that the next run resumes from.
- The cache is an optimisation: if the database cannot be opened or written (corrupt,
  read-only, disk full), the run goes on without it and says so once.
- Nothing is ever evicted; delete the folder to reclaim the space.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extract.models import Article

CACHE_FORMAT = "2"  # 2: values are newline-joined JSON lines (1: a JSON object)
DB_NAME = "results.sqlite3"
DEFAULT_CACHE_DIRNAME = ".extract-cache"


@dataclass(frozen=True)
class CachedResult:
    """One article's results as JSON lines: its ArticleInfo and its claims."""

    info: str
    claims: list[str]

    def to_text(self) -> str:
        """The info line, then one line per claim (JSON lines hold no raw newline)."""
        return "\n".join([self.info, *self.claims])

    @classmethod
    def from_text(cls, value: str) -> CachedResult:
        """The result `to_text` wrote; ValueError for a value it cannot have written."""
        info, *claims = value.split("\n")
        if not (info.startswith("{") and all(c.startswith("{") for c in claims)):
            raise ValueError("not a cached result")
        return cls(info=info, claims=claims)


class CacheError(Exception):
    """The cache cannot be used; the run carries on without it."""


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the package's own source files.

    The version number alone misses a change made in a source checkout between two
    releases; hashing ~40 small files costs about a millisecond.
    """
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            pass
    return digest.hexdigest()[:16]


def cache_salt(*, model: str | None = None, patterns_version: str | None = None) -> str:
    """What besides the article decides its claims: code, patterns and model."""
    from extract import __version__
    from extract.resources import patterns_version as current_patterns_version

    patterns = patterns_version or current_patterns_version()
    return f"{CACHE_FORMAT}|{__version__}|{code_version()}|{patterns}|{model or ''}"


def article_key(article: Article, salt: str) -> str:
    """The cache key of one article under one salt."""
    digest = hashlib.sha256(salt.encode())
    digest.update(b"\0")
    digest.update(article.model_dump_json().encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class ResultCache:
    """Article results by key, in SQLite; see the module docstring."""

    def __init__(self, directory: str | Path, *, salt: str) -> None:
        self.directory = Path(directory)
        self.salt = salt
        self.hits = 0
        self.misses = 0
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.directory / DB_NAME, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT)"
            )
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise CacheError(
                f"cannot use the cache in {self.directory}: {exc}"
            ) from exc

    def key(self, article: Article) -> str:
        return article_key(article, self.salt)

    def get(self, key: str) -> CachedResult | None:
        try:
            row = self._db.execute(
                "SELECT value FROM results WHERE key = ?", (key,)
            ).fetchone()
        except sqlite3.Error as exc:
            raise CacheError(
                f"cannot read the cache in {self.directory}: {exc}"
            ) from exc
        if row is None:
            self.misses += 1
            return None
        try:
            result = CachedResult.from_text(row[0])
        except (ValueError, KeyError, TypeError):  # a damaged row is a miss
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, key: str, result: CachedResult) -> None:
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)",
                (key, result.to_text()),
            )
        except sqlite3.Error as exc:
            raise CacheError(
                f"cannot write the cache in {self.directory}: {exc}"
            ) from exc

    def commit(self) -> None:
        try:
            self._db.commit()
        except sqlite3.Error as exc:
            raise CacheError(
                f"cannot write the cache in {self.directory}: {exc}"
            ) from exc

    def close(self) -> None:
        try:
            self._db.commit()
        except sqlite3.Error:
            pass
        finally:
            self._db.close()

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM results").fetchone()[0]

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = [
    "CacheError",
    "CachedResult",
    "DEFAULT_CACHE_DIRNAME",
    "ResultCache",
    "article_key",
    "cache_salt",
]
