"""Read folders and files of articles: plain text, HTML, JSON and JSON Lines.

    >>> for item in iter_articles(["corpus/"]):
    ...     print(item.id if isinstance(item, Article) else f"skipped {item}")

`iter_articles` yields an `Article` for every article it can read and a `Skipped` (path
and a one-line reason) for every file, record or line it cannot; it never raises on
arbitrary files, so one bad file never stops a batch.

- Folders are walked recursively in sorted order (by path component, so the order is the
  same on every machine); hidden files and folders (".git", ".extract-cache") are left
  out. In a folder only `.txt`, `.html`/`.htm`, `.json` and `.jsonl` files are read;
  other files are ignored quietly. A file named on the command line is always read
  (as plain text unless its extension says otherwise).
- Article ids: the path relative to the folder given (POSIX slashes), or the file name
  for a file given directly. A JSON record uses its `id`, else `<path>#<n>` (n counts
  records from 1 in a `.json` list, lines from 1 in a `.jsonl` file); a `.json` file
  holding one object is one article with the file's id.
- Decoding: UTF-8 (with or without BOM), UTF-16/32 with a BOM, then cp1252 when the
  result looks like text. Line ends are normalised to "\\n" (as Python's text mode
  does), so claim offsets index the text as read.
- Skipped: binary files (NUL bytes, or many control characters), undecodable files,
  empty or whitespace-only files, unreadable files (permissions), files deleted while
  the run is going, anything that is not a regular file, files over the size limit
  (checked with `stat` before reading, so a 50 MB file costs nothing), JSON that does
  not parse (for `.jsonl` only the bad line: the other lines are kept) and records
  without a string `text`. A JSON file in which no record has `text` (a gold file,
  claims output) is reported once for the whole file.
- The size limit (`max_bytes`, default 5 MB) applies per article: to a text or HTML
  file, to a whole `.json` file (it is parsed at once), and to each line of a `.jsonl`
  file, which is streamed, so a large `.jsonl` corpus is fine.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from extract.models import Article

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
"""Largest article read, in bytes (a file, or one `.jsonl` line); see --max-bytes."""

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

# Control characters that do not occur in text (tab, newlines, form feed are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")
# More than this share of control characters means binary, not text.
_MAX_CONTROL_RATIO = 0.05
_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class Skipped:
    """An input that could not be read: which file (record, line) and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class _Unreadable(Exception):
    """Internal: the reason a whole file is skipped."""


# --------------------------------------------------------------------------- walking


@dataclass(frozen=True)
class _Input:
    path: Path  # where to read it
    shown: str  # how to name it in messages
    article_id: str  # id of the article (or prefix of record ids)
    explicit: bool  # named directly by the user


def _walk(root: Path, shown_root: str) -> Iterator[_Input]:
    """Files below `root`, recursively, sorted by path part, hidden ones left out."""
    seen: set[tuple[int, int]] = set()

    def visit(folder: Path, rel: tuple[str, ...]) -> Iterator[_Input]:
        try:
            st = folder.stat()
        except OSError:
            return
        if (st.st_dev, st.st_ino) in seen:  # a symlink loop
            return
        seen.add((st.st_dev, st.st_ino))
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            return
        for name in names:
            if name.startswith("."):
                continue
            path = folder / name
            parts = (*rel, name)
            try:
                is_dir = path.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from visit(path, parts)
            elif path.suffix.lower() in SUPPORTED_SUFFIXES:
                rel_id = "/".join(parts)
                yield _Input(path, _join_shown(shown_root, rel_id), rel_id, False)

    yield from visit(root, ())


def _join_shown(root: str, rel: str) -> str:
    return root + rel if root.endswith(("/", os.sep)) else f"{root}/{rel}"


def _inputs(
    paths: Iterable[str | os.PathLike[str]], exclude: frozenset[Path]
) -> Iterator[_Input | Skipped]:
    for given in paths:
        shown = os.fspath(given)
        path = Path(shown)
        try:
            if path.is_dir():
                for item in _walk(path, shown):
                    if _resolved(item.path) not in exclude:
                        yield item
                continue
            exists = path.exists() or path.is_symlink()
        except OSError as exc:
            yield Skipped(shown, _os_reason(exc))
            continue
        if not exists:
            yield Skipped(shown, "no such file or directory")
        elif _resolved(path) not in exclude:
            yield _Input(path, shown, path.name, True)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


# --------------------------------------------------------------------------- decoding


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(text: str) -> bool:
    """True when `text` holds a NUL or too many other control characters to be prose."""
    if "\x00" in text:
        return True
    if not text:
        return False
    return len(_CONTROL.findall(text)) > _MAX_CONTROL_RATIO * len(text)


def decode(data: bytes) -> str:
    """Bytes to text: BOM'd UTF-8/16/32, UTF-8, then cp1252; raises `_Unreadable`.

    Line ends become "\\n". Binary data (NUL bytes without a UTF-16/32 BOM, or a high
    share of control characters) is refused.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise _Unreadable(
                    f"not valid {encoding.upper()} despite its BOM"
                ) from exc
            break
    else:
        if b"\x00" in data:
            raise _Unreadable("binary file (contains NUL bytes)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise _Unreadable(
                    "cannot decode: not UTF-8, UTF-16 with a BOM, or cp1252 text"
                ) from exc
    if looks_binary(text):
        raise _Unreadable("binary file (control characters)")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


# --------------------------------------------------------------------------- HTML

_BLOCK = frozenset(
    "address article aside blockquote body dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre "
    "section summary table tbody thead tfoot tr ul br caption".split()
)
_PARAGRAPH = frozenset(
    "p h1 h2 h3 h4 h5 h6 blockquote pre table ul ol dl figure".split()
)
_DROPPED = frozenset("script style noscript template svg head".split())
_META_DATE = frozenset(
    {
        "article:published_time",
        "og:published_time",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "sailthru.date",
    }
)
_META_URL = frozenset({"og:url"})


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page: a line per block, a blank line per paragraph."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.date: str | None = None
        self.url: str | None = None
        self._dropped = 0  # depth inside script/style/head...
        self._in_title = False
        self._title_done = False
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = not self._title_done
            return
        if tag == "body":  # a page that never closed its <head>
            self._dropped = 0
        if tag == "meta":
            self._meta(dict(attrs))
            return
        if tag == "link":
            values = dict(attrs)
            if (values.get("rel") or "").lower() == "canonical" and values.get("href"):
                self.url = self.url or values["href"]
            return
        if tag == "time" and self.date is None:
            value = dict(attrs).get("datetime")
            if value:
                self.date = value.strip()
        if tag in _DROPPED:
            self._dropped += 1
            return
        if tag == "pre":
            self._pre += 1
        self._block(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED or tag == "title":  # <script src=... /> opens nothing
            return
        self.handle_starttag(tag, attrs)
        if tag == "pre":
            self._pre -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._title_done = self._title_done or self._in_title
            self._in_title = False
            return
        if tag in _DROPPED:
            self._dropped = max(0, self._dropped - 1)
            return
        if tag == "pre":
            self._pre = max(0, self._pre - 1)
        self._block(tag)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._dropped:
            self.parts.append(data if self._pre else re.sub(r"\s+", " ", data))

    def _block(self, tag: str) -> None:
        if tag in _PARAGRAPH:
            self.parts.append("\n\n")
        elif tag in _BLOCK:
            self.parts.append("\n")

    def _meta(self, attrs: dict[str, str | None]) -> None:
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or ""
        key = key.strip().lower()
        content = (attrs.get("content") or "").strip()
        if not content:
            return
        if key in _META_DATE and self.date is None:
            self.date = content
        elif key in _META_URL and self.url is None:
            self.url = content

    def text(self) -> str:
        raw = "".join(self.parts)
        lines = [line.strip(" \t") for line in raw.split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()

    def title(self) -> str | None:
        title = re.sub(r"\s+", " ", "".join(self.title_parts)).strip()
        return title or None


def html_to_article(html: str, article_id: str) -> Article:
    """An Article from an HTML page: visible text, <title>, and a meta date and URL."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return Article(
        id=article_id,
        text=parser.text(),
        title=parser.title(),
        date=parser.date,
        url=parser.url,
    )


# --------------------------------------------------------------------------- JSON

_OPTIONAL_FIELDS = ("title", "date", "url")


def record_to_article(record: object, default_id: str, where: str) -> Article | Skipped:
    """An Article from a JSON record (`text`; optional `id`, `title`, `date`, `url`)."""
    if not isinstance(record, dict):
        return Skipped(where, f"expected a JSON object, found {_json_type(record)}")
    text = record.get("text")
    if text is None:
        return Skipped(where, _NO_TEXT)
    if not isinstance(text, str):
        return Skipped(where, f"'text' is {_json_type(text)}, not a string")
    if not text.strip():
        return Skipped(where, "record has an empty 'text'")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    rid = record.get("id")
    article_id = default_id if rid is None or rid == "" else str(rid)
    fields: dict[str, str | None] = {}
    for name in _OPTIONAL_FIELDS:
        value = record.get(name)
        fields[name] = None if value is None or value == "" else str(value)
    return Article(id=article_id, text=text, **fields)


def _json_type(value: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), "null" if value is None else "a number"
    )


# --------------------------------------------------------------------------- reading


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "file disappeared before it could be read"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read: {exc.strerror or exc}"


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} bytes"


def _over_limit(size: int | str, max_bytes: int) -> str:
    shown = _size(size) if isinstance(size, int) else size
    return f"too large ({shown}, limit {_size(max_bytes)}; raise it with --max-bytes)"


def _open_binary(path: Path) -> BinaryIO:
    """Open for reading without blocking on a FIFO (it is refused after fstat)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        return open(fd, "rb", closefd=True)  # noqa: SIM115 - returned to a with block
    except BaseException:
        os.close(fd)
        raise


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing non-regular files and files over the limit unread."""
    with _open_binary(path) as handle:  # open first: stat and read see the same file
        st = os.fstat(handle.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise _Unreadable("not a regular file")
        if st.st_size > max_bytes:
            raise _Unreadable(_over_limit(st.st_size, max_bytes))
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew while we looked
        raise _Unreadable(_over_limit(f"over {_size(max_bytes)}", max_bytes))
    return data


def _read_file(item: _Input, max_bytes: int) -> Iterator[Article | Skipped]:
    suffix = item.path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(item, max_bytes)
        return
    data = _read_bytes(item.path, max_bytes)
    if not data.strip():
        raise _Unreadable("empty file")
    text = decode(data)
    if not text.strip():
        raise _Unreadable("empty file (only whitespace)")
    if suffix in HTML_SUFFIXES:
        article = html_to_article(text, item.article_id)
        if not article.text.strip():
            raise _Unreadable("no text left after removing the HTML markup")
        yield article
    elif suffix in JSON_SUFFIXES:
        yield from _read_json(item, text)
    else:
        yield Article(id=item.article_id, text=text)


def _read_json(item: _Input, text: str) -> Iterator[Article | Skipped]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Unreadable(f"invalid JSON at line {exc.lineno}: {exc.msg}") from exc
    except RecursionError as exc:
        raise _Unreadable("invalid JSON: nested too deeply") from exc
    if isinstance(data, list):
        if not data:
            raise _Unreadable("empty JSON list: no records")
        held = _HeldSkips(item)
        for n, record in enumerate(data, 1):
            result = record_to_article(
                record, f"{item.article_id}#{n}", f"{item.shown}: record {n}"
            )
            yield from held.add(result)
        held.finish(len(data))
    else:
        result = record_to_article(data, item.article_id, item.shown)
        if isinstance(result, Skipped):
            raise _Unreadable(result.reason)
        yield result


_NO_TEXT = "record has no 'text' field"


class _HeldSkips:
    """Hold back "no text field" skips until a record with text shows up.

    A JSON file in which no record has a `text` field is not an articles file (a gold
    file, or a previous run's claims beside the articles): it is reported once, as a
    whole, instead of once per record.
    """

    def __init__(self, item: _Input) -> None:
        self.item = item
        self.held: list[Skipped] | None = []

    def add(self, result: Article | Skipped) -> Iterator[Article | Skipped]:
        if self.held is not None:
            if isinstance(result, Skipped) and result.reason == _NO_TEXT:
                self.held.append(result)
                return
            if isinstance(result, Article):
                yield from self.held
                self.held = None
        yield result

    def finish(self, records: int) -> None:
        if self.held:
            raise _Unreadable(
                f"no record has a 'text' field ({records} records): "
                "not an articles file"
            )


def _read_jsonl(item: _Input, max_bytes: int) -> Iterator[Article | Skipped]:
    """One article per line, streamed; a bad line is skipped, the others kept."""
    with _open_binary(item.path) as handle:
        st = os.fstat(handle.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise _Unreadable("not a regular file")
        head = handle.read(_SNIFF_BYTES)
        if b"\x00" in head or looks_binary(head.decode("utf-8", "replace")):
            raise _Unreadable("binary file (not JSON Lines)")
        if not head.strip():
            raise _Unreadable("empty file")
        handle.seek(0)
        records = 0
        held = _HeldSkips(item)
        for lineno in range(1, 1 << 62):
            line = handle.readline(max_bytes + 1)
            if not line:
                break
            where = f"{item.shown}: line {lineno}"
            if len(line) > max_bytes and not line.endswith(b"\n"):
                # Too long: skip to the end of this line without holding it.
                while line and not line.endswith(b"\n"):
                    line = handle.readline(1 << 20)
                yield Skipped(where, _over_limit(f"over {_size(max_bytes)}", max_bytes))
                continue
            if lineno == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8) :]
            if not line.strip():
                continue
            try:
                record = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError:
                yield Skipped(where, "not valid UTF-8")
                continue
            except json.JSONDecodeError as exc:
                yield Skipped(where, f"invalid JSON: {exc.msg} (column {exc.colno})")
                continue
            except RecursionError:
                yield Skipped(where, "invalid JSON: nested too deeply")
                continue
            records += 1
            result = record_to_article(record, f"{item.article_id}#{lineno}", where)
            yield from held.add(result)
        if not records:
            raise _Unreadable("no JSON records")
        held.finish(records)


def iter_articles(
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> Iterator[Article | Skipped]:
    """Every article in `paths` (folders and files), in a fixed order, read lazily.

    Yields `Skipped(path, reason)` for anything that cannot be read, and never raises
    on a bad file. `exclude` names files to leave out (the run's own output files).
    """
    excluded = frozenset(_resolved(Path(p)) for p in exclude)
    for item in _inputs(paths, excluded):
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            yield from _read_file(item, max_bytes)
        except _Unreadable as exc:
            yield Skipped(item.shown, str(exc))
        except OSError as exc:
            yield Skipped(item.shown, _os_reason(exc))
        except (ValueError, RecursionError, MemoryError) as exc:  # last resort
            yield Skipped(item.shown, f"cannot read: {type(exc).__name__}: {exc}")


__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "Skipped",
    "decode",
    "html_to_article",
    "iter_articles",
    "looks_binary",
    "record_to_article",
]
