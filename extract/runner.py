"""Run the extractor over folders of articles: stream, parallelise, cache, write safely.

    >>> summary = run(["corpus/"], "claims.jsonl", jobs=2, cache_dir=".extract-cache")
    >>> summary.articles, summary.claims, [str(s) for s in summary.skipped]

How a run goes:
- Articles are read lazily (`extract.readers.iter_articles`), grouped into batches,
  processed and written as they come, so memory stays flat however many articles there
  are. Claims (and the article sidecar) come out in input order whatever the
  parallelism.
- Each batch is handed to `process_batch`, a plain function that takes and returns plain
  dicts and strings. It runs in this process (`jobs=1`), in a pool of processes
  (`jobs=N`; forked from a fork server that built the pipeline once, on Linux, else
  spawned, each building its own), or on a Dask cluster
  (`scheduler="tcp://host:8786"`). A worker builds its pipeline again, from fresh
  pattern files, whenever a run's patterns folder or patterns version differs. At
  most a few batches per worker are in flight at a time, so a slow writer or a huge
  folder never piles results up in memory.
- `jobs=None` picks: one process for a small run, `min(cpus, 4)` processes once more
  than `AUTO_PARALLEL_MIN` articles need processing (starting a pool costs about a
  second, importing spaCy and building the pipeline; at ~300 articles/s a process,
  a pool of two pays off from a few hundred articles, see `python -m extract.bench`).
- With a cache (`cache_dir`), articles seen before under the same code, patterns and
  model are not processed again; the pipeline is only built (and the pool only started)
  when an article misses the cache.
- Output is JSON Lines, one `Claim` per line. A file is written to a temporary file in
  the same folder, fsynced and renamed into place when the run completes, so an
  interrupted run (Ctrl-C, SIGTERM, a crash) leaves the previous output, never a
  truncated one. Beside it goes `<stem>.articles.jsonl`: one `ArticleInfo` per
  article, in the same order, which the reconciler uses to tell contests apart by date.
- A file that cannot be read, and an article on which the extractor raises, are
  reported in `RunSummary.skipped` and never stop the run. Errors that would make every
  article fail (a missing spaCy model, bad pattern files, an unwritable output) raise
  `RunError`.
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import BrokenExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from extract.cache import CachedResult, CacheError, ResultCache, cache_salt
from extract.models import Article
from extract.readers import DEFAULT_MAX_BYTES, Skipped, iter_articles

DEFAULT_BATCH_SIZE = 64  # (a worker's batch is one `process_articles` batch)
AUTO_PARALLEL_MIN = 200
"""With `jobs=None`, use a process pool once this many articles miss the cache."""
MAX_AUTO_JOBS = 4
IN_FLIGHT_PER_WORKER = 4
DASK_HINT = "install with pip install '.[dask]'"

Progress = Callable[[int, int, int], None]
"""Called as progress(articles_done, claims_written, skipped) while a run goes."""


class RunError(Exception):
    """The run cannot go on (no pipeline, output not writable); the message says why."""


class PipelineError(Exception):
    """The pipeline cannot be built in a worker (picklable, so it crosses processes)."""


@dataclass
class RunSummary:
    """What a run did."""

    articles: int = 0
    claims: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    elapsed: float = 0.0
    cached: int = 0
    jobs: int = 1
    output: str | None = None
    articles_output: str | None = None
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        """'read 3 articles, wrote 12 claims, skipped 1 file'."""
        return (
            f"read {_plural(self.articles, 'article')}, "
            f"wrote {_plural(self.claims, 'claim')}, "
            f"skipped {_plural(len(self.skipped), 'file')}"
        )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# --------------------------------------------------------------------------- workers
#
# Everything below runs where the articles are processed: this process, a pool worker
# or a Dask worker. It takes and returns plain data only.

_STATE: dict[str, Any] = {}
_STATE_LOCK = threading.Lock()


def _worker_config(model: str | None, patterns_dir: str | None, version: str | None):
    """What a worker needs to build the client's pipeline: the model, the patterns
    folder (None: the installed patterns) and the patterns' version, which the
    worker checks its files against."""
    return {"model": model, "patterns_dir": patterns_dir, "patterns_version": version}


def _pipeline(config: dict):
    """The pipeline for this process and configuration, built once.

    It is built again when the configuration changes, including the patterns'
    version: a long-lived process (a notebook, a fork server, a Dask worker) that
    ran with other pattern files forgets everything it computed from them first.
    """
    patterns_dir = config.get("patterns_dir")
    if patterns_dir:
        os.environ["EXTRACT_PATTERNS_DIR"] = patterns_dir
    else:  # a forked worker may have inherited another run's folder
        os.environ.pop("EXTRACT_PATTERNS_DIR", None)
    expected = config.get("patterns_version")
    state_key = (config.get("model"), patterns_dir, expected)
    with _STATE_LOCK:
        if _STATE.get("key") != state_key:
            _STATE.clear()
            _STATE["key"] = state_key
            try:
                from extract.resources import clear_data_caches, patterns_version

                clear_data_caches()
                if expected:
                    found = patterns_version()
                    if found != expected:
                        raise PipelineError(
                            f"this worker's pattern files (version {found}) differ "
                            f"from the client's ({expected}): they changed during "
                            "the run, or (on a cluster) install the same version of "
                            "the package and patterns on every worker"
                        )
                from extract.nlp import build_pipeline

                _STATE["nlp"] = build_pipeline(config.get("model"))
            except PipelineError as exc:
                _STATE["error"] = str(exc)
            except Exception as exc:  # noqa: BLE001 - reported once, as a run error
                _STATE["error"] = f"cannot build the pipeline: {exc}"
        if "error" in _STATE:
            raise PipelineError(_STATE["error"])
        return _STATE["nlp"]


def preload_pipeline() -> None:
    """Build the pipeline for the installed (or `EXTRACT_PATTERNS_DIR`) patterns
    before any batch comes: the fork server's preload
    (`extract._forkserver_preload`). Never raises; a batch reports any error."""
    try:
        from extract.resources import patterns_version

        version = patterns_version()
        _pipeline(_worker_config(None, os.environ.get("EXTRACT_PATTERNS_DIR"), version))
    except Exception:  # noqa: BLE001 - see above
        pass


def init_worker(config: dict) -> None:
    """Pool initializer: leave Ctrl-C to the parent, build the pipeline once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _pipeline(config)
    except PipelineError:
        pass  # raised again, with its message, by the first batch


def _complete_info(info, article: Article):
    """Fill the article date from metadata or text when the pipeline left it unset."""
    if info.date_source is None:
        from extract.dates import article_date

        iso, source = article_date(article)
        info = info.model_copy(update={"date": iso, "date_source": source})
    return info


def _result(info, claims, article: Article) -> dict:
    info = _complete_info(info, article)
    return {
        "info": info.model_dump_json(),
        "claims": [claim.model_dump_json() for claim in claims],
    }


def process_batch(records: list[dict], config: dict) -> list[dict]:
    """Process a batch of articles (as dicts); one result dict per article, in order.

    A result is {"info": json, "claims": [json, ...]} or {"error": message} when the
    extractor raised on that article. Raises PipelineError if there is no pipeline.
    """
    nlp = _pipeline(config)
    from extract.pipeline import process_article, process_articles

    articles = [Article(**record) for record in records]
    try:
        pairs = list(process_articles(articles, nlp))
        return [
            _result(info, claims, article)
            for (info, claims), article in zip(pairs, articles, strict=True)
        ]
    except Exception:  # noqa: BLE001 - find the article that fails, keep the rest
        pass
    results = []
    for article in articles:
        try:
            info, claims = process_article(article, nlp)
            results.append(_result(info, claims, article))
        except Exception as exc:  # noqa: BLE001 - one bad article never stops a run
            results.append({"error": f"extraction failed: {type(exc).__name__}: {exc}"})
    return results


# --------------------------------------------------------------------------- executors


class _Done:
    def __init__(self, value: list[dict]) -> None:
        self.value = value

    def ready(self) -> bool:
        return True

    def result(self) -> list[dict]:
        return self.value


class _SerialExecutor:
    jobs = 1
    window = 1

    def __init__(self, config: dict) -> None:
        self.config = config

    def submit(self, records: list[dict]) -> _Done:
        return _Done(process_batch(records, self.config))

    def close(self, *, cancel: bool = False) -> None:
        pass


class _FutureResult:
    def __init__(self, future) -> None:
        self.future = future

    def ready(self) -> bool:
        return self.future.done()

    def result(self) -> list[dict]:
        try:
            return self.future.result()
        except BrokenExecutor as exc:
            raise RunError(
                "a worker process died (out of memory, or killed); try fewer --jobs "
                "or a smaller --max-bytes. From a Python script, call run() under "
                "`if __name__ == '__main__':`, as each worker imports the script"
            ) from exc


def _pool_context():
    """The fork server on Linux, else spawn.

    The fork server (one per client process, started with the first pool) builds
    the pipeline once, in `extract._forkserver_preload`, and each worker is forked
    from it ready to go: spawned workers import spaCy and build their own, about a
    second of CPU each, 5-10% of a large `--jobs 2` run on two cores. Python itself
    avoids fork-based starts on macOS (system libraries that break after a fork).
    """
    import multiprocessing

    if sys.platform.startswith("linux"):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["extract._forkserver_preload"])
        return context
    return multiprocessing.get_context("spawn")


class _PoolExecutor:
    """A pool of worker processes (`_pool_context`), started on the first batch.

    `concurrent.futures.ProcessPoolExecutor` rather than `multiprocessing.Pool`: same
    processes, but a worker that dies (OOM killer, a crash in a C extension) fails the
    run with a message instead of hanging it forever.
    """

    def __init__(self, config: dict, jobs: int) -> None:
        self.config = config
        self.jobs = jobs
        self.window = jobs * IN_FLIGHT_PER_WORKER
        self.pool = None

    def submit(self, records: list[dict]) -> _FutureResult:
        if self.pool is None:
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(
                self.jobs,
                mp_context=_pool_context(),
                initializer=init_worker,
                initargs=(self.config,),
            )
        return _FutureResult(self.pool.submit(process_batch, records, self.config))

    def close(self, *, cancel: bool = False) -> None:
        if self.pool is None:
            return
        if cancel:
            self.pool.shutdown(wait=False, cancel_futures=True)
            for process in list(
                (getattr(self.pool, "_processes", None) or {}).values()
            ):
                process.terminate()  # do not wait for batches already running
        else:
            self.pool.shutdown(wait=True)
        self.pool = None


class _DaskExecutor:
    """The same batches on a Dask distributed cluster (`client.submit`, pure=False)."""

    def __init__(self, config: dict, scheduler: Any) -> None:
        self.config = config
        self.own_client = False
        if isinstance(scheduler, str):
            try:
                from distributed import Client
            except ImportError as exc:
                raise RunError(
                    f"--scheduler needs Dask distributed: {DASK_HINT}"
                ) from exc
            try:
                self.client = Client(scheduler, timeout="10s")
            except (OSError, TimeoutError) as exc:
                raise RunError(
                    f"cannot connect to the Dask scheduler at {scheduler}: {exc}"
                ) from exc
            self.own_client = True
        else:
            self.client = scheduler  # an existing distributed.Client
        try:
            threads = sum(self.client.nthreads().values())
        except Exception:  # noqa: BLE001 - only sizes the window
            threads = 2
        self.jobs = max(1, threads)
        self.window = max(2, self.jobs * IN_FLIGHT_PER_WORKER)

    def submit(self, records: list[dict]):
        # pure=False: identical batches in two runs must be processed again, not
        # answered from Dask's result store.
        return _DaskResult(
            self.client.submit(process_batch, records, self.config, pure=False)
        )

    def close(self, *, cancel: bool = False) -> None:
        if self.own_client:
            self.client.close()


class _DaskResult:
    def __init__(self, future) -> None:
        self.future = future

    def ready(self) -> bool:
        return self.future.done()

    def result(self) -> list[dict]:
        return self.future.result()


def default_jobs() -> int:
    """Processes for a large run: the CPUs this process may use, at most 4."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_AUTO_JOBS))


# --------------------------------------------------------------------------- output


class AtomicFile:
    """A text file written under a temporary name and renamed into place on commit."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(
                dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp"
            )
        except OSError as exc:
            raise RunError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        self.tmp = Path(tmp)
        self.handle: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def write(self, text: str) -> None:
        self.handle.write(text)

    def commit(self) -> None:
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(self.tmp, 0o666 & ~umask)  # mkstemp makes it private
            os.replace(self.tmp, self.path)
        except OSError as exc:
            self.abort()
            raise RunError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        try:  # make the rename itself durable
            dir_fd = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError:
            pass

    def abort(self) -> None:
        try:
            self.handle.close()
        except OSError:
            pass
        try:
            self.tmp.unlink()
        except OSError:
            pass


class _Stream:
    """Standard output, written as we go (nothing to commit or roll back)."""

    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle

    def write(self, text: str) -> None:
        self.handle.write(text)

    def commit(self) -> None:
        self.handle.flush()

    def abort(self) -> None:
        try:
            self.handle.flush()
        except (OSError, ValueError):
            pass


def is_stdout(output: str | os.PathLike[str] | None) -> bool:
    return output is None or os.fspath(output) == "-"


def default_articles_path(output: str | os.PathLike[str]) -> Path:
    """`out/claims.jsonl` -> `out/claims.articles.jsonl`."""
    path = Path(output)
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    return path.with_name(f"{stem}.articles.jsonl")


def default_cache_dir(output: str | os.PathLike[str] | None) -> Path | None:
    """`.extract-cache/` beside an output file; none when writing to stdout."""
    if is_stdout(output):
        return None
    return Path(output).parent / ".extract-cache"


class _Interrupted(KeyboardInterrupt):
    """SIGTERM, raised as an interrupt so that output is rolled back."""


def _raise_interrupt(signum, frame):  # pragma: no cover - exercised by signals
    raise _Interrupted(f"signal {signum}")


# --------------------------------------------------------------------------- the run


@dataclass
class _Batch:
    articles: list[Article] = field(default_factory=list)
    keys: list[str | None] = field(default_factory=list)
    hits: dict[int, CachedResult] = field(default_factory=dict)
    misses: list[int] = field(default_factory=list)
    future: Any = None


def run(
    paths: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str] | None = "-",
    *,
    articles_output: str | os.PathLike[str] | None = None,
    jobs: int | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    scheduler: Any = None,
    progress: Progress | None = None,
    model: str | None = None,
    patterns_dir: str | os.PathLike[str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = DEFAULT_BATCH_SIZE,
    stdout: IO[str] | None = None,
) -> RunSummary:
    """Extract claims from every article under `paths` and write them as JSON Lines.

    `output` is a file path, or "-"/None for standard output. The article sidecar goes
    to `articles_output`, by default `<output stem>.articles.jsonl` beside a file
    output (none for stdout unless given). `jobs`: processes (None: automatic);
    `scheduler`: a Dask scheduler address or Client, instead of local processes;
    `cache_dir`: where to keep per-article results (None: no cache); `patterns_dir`:
    pattern files to use instead of the installed ones. Raises RunError when the run
    cannot go on; a KeyboardInterrupt (Ctrl-C, SIGTERM) leaves no partial output.
    """
    started = time.perf_counter()
    if jobs is not None and jobs < 1:
        raise RunError("--jobs must be at least 1")
    batch_size = max(1, batch_size)
    if patterns_dir is not None:
        os.environ["EXTRACT_PATTERNS_DIR"] = os.fspath(Path(patterns_dir).resolve())
    summary = RunSummary()
    to_stdout = is_stdout(output)
    summary.output = None if to_stdout else os.fspath(output)
    if articles_output is None and not to_stdout:
        articles_output = default_articles_path(output)
    summary.articles_output = (
        None if articles_output is None else os.fspath(articles_output)
    )

    try:
        from extract.resources import (
            default_patterns_dir,
            missing_pattern_files,
            patterns_version,
        )

        patterns_folder = default_patterns_dir()
        missing = missing_pattern_files(patterns_folder)
        version = patterns_version()
    except (OSError, ValueError) as exc:
        raise RunError(f"cannot read the pattern files: {exc}") from exc
    if missing:
        raise RunError(
            f"the patterns folder {patterns_folder} lacks "
            + ", ".join(missing)
            + " (copy the missing files from the installed patterns/ folder)"
        )
    config = _worker_config(model, os.environ.get("EXTRACT_PATTERNS_DIR"), version)

    cache: ResultCache | None = None
    if cache_dir is not None:
        try:
            cache = ResultCache(
                cache_dir, salt=cache_salt(model=model, patterns_version=version)
            )
        except CacheError as exc:
            summary.notes.append(f"{exc}; running without a cache")

    outputs: list[AtomicFile | _Stream] = []
    executor = None
    previous_handler = None
    if threading.current_thread() is threading.main_thread():
        previous_handler = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        excluded = []
        if to_stdout:
            claims_out: AtomicFile | _Stream = _Stream(stdout or sys.stdout)
        else:
            claims_out = AtomicFile(output)
            excluded.append(output)
        outputs.append(claims_out)
        info_out = None
        if articles_output is not None:
            info_out = AtomicFile(articles_output)
            outputs.append(info_out)
            excluded.append(articles_output)

        items = iter_articles(paths, max_bytes=max_bytes, exclude=excluded)

        def make_executor(large: bool):
            if scheduler is not None:
                if jobs is not None:
                    summary.notes.append("--jobs is ignored with --scheduler")
                return _DaskExecutor(config, scheduler)
            n = jobs if jobs is not None else (default_jobs() if large else 1)
            if n == 1:
                return _SerialExecutor(config)
            return _PoolExecutor(config, n)

        executor = _process(
            items,
            summary,
            cache,
            make_executor,
            jobs is not None or scheduler is not None,
            claims_out,
            info_out,
            batch_size,
            progress,
        )
        if summary.articles == 0:
            for out in outputs:  # nothing read: leave any previous output alone
                out.abort()
        else:
            if info_out is not None:
                info_out.commit()
            claims_out.commit()
        outputs = []
        if executor is not None:
            executor.close()
            summary.jobs = executor.jobs
    except BaseException as exc:
        for out in outputs:
            out.abort()
        if executor is not None:
            executor.close(cancel=True)
        if isinstance(exc, PipelineError):
            raise RunError(str(exc)) from exc
        raise
    finally:
        if previous_handler is not None:
            signal.signal(signal.SIGTERM, previous_handler)
        if cache is not None:
            summary.cached = cache.hits
            cache.close()
        summary.elapsed = time.perf_counter() - started
    return summary


def _process(
    items: Iterator[Article | Skipped],
    summary: RunSummary,
    cache: ResultCache | None,
    make_executor: Callable[[bool], Any],
    explicit: bool,
    claims_out,
    info_out,
    batch_size: int,
    progress: Progress | None,
):
    """The streaming loop; returns the executor it used (or None)."""
    executor = None
    in_flight: deque[_Batch] = deque()
    waiting: list[_Batch] = []  # batches held until the executor is chosen
    misses_seen = 0
    batch = _Batch()
    cache_ok = [cache is not None]

    def lookup(article: Article) -> tuple[str | None, CachedResult | None]:
        if not cache_ok[0]:
            return None, None
        try:
            key = cache.key(article)
            return key, cache.get(key)
        except CacheError as exc:
            _cache_failed(exc)
            return None, None

    def _cache_failed(exc: CacheError) -> None:
        cache_ok[0] = False
        summary.notes.append(f"{exc}; going on without the cache")

    def write(done: _Batch) -> None:
        results = done.future.result() if done.future is not None else []
        by_index = dict(zip(done.misses, results, strict=True))
        for i, article in enumerate(done.articles):
            hit = done.hits.get(i)
            if hit is None:
                result = by_index[i]
                if "error" in result:
                    summary.skipped.append(Skipped(article.id, result["error"]))
                    continue
                hit = CachedResult(info=result["info"], claims=result["claims"])
                if cache_ok[0] and done.keys[i] is not None:
                    try:
                        cache.put(done.keys[i], hit)
                    except CacheError as exc:
                        _cache_failed(exc)
            for line in hit.claims:
                claims_out.write(line + "\n")
            if info_out is not None:
                info_out.write(hit.info + "\n")
            summary.articles += 1
            summary.claims += len(hit.claims)
        if cache_ok[0]:
            try:
                cache.commit()
            except CacheError as exc:
                _cache_failed(exc)
        if progress is not None:
            progress(summary.articles, summary.claims, len(summary.skipped))

    def dispatch(b: _Batch) -> None:
        if b.misses:
            b.future = executor.submit([b.articles[i].model_dump() for i in b.misses])
        in_flight.append(b)
        # Write what is finished, in order; wait when too much is in flight.
        while in_flight and (
            len(in_flight) > executor.window
            or in_flight[0].future is None
            or in_flight[0].future.ready()
        ):
            write(in_flight.popleft())

    def flush(b: _Batch, more_to_come: bool) -> None:
        nonlocal executor
        if executor is not None:
            dispatch(b)
            return
        waiting.append(b)
        if not any(w.misses for w in waiting):
            for w in waiting:  # all cached so far: no pipeline needed yet
                write(w)
            waiting.clear()
            return
        large = misses_seen >= AUTO_PARALLEL_MIN
        if explicit or large or not more_to_come:
            executor = make_executor(large)
            for w in waiting:
                dispatch(w)
            waiting.clear()

    try:
        for item in items:
            if isinstance(item, Skipped):
                summary.skipped.append(item)
                if progress is not None:
                    progress(summary.articles, summary.claims, len(summary.skipped))
                continue
            key, hit = lookup(item)
            index = len(batch.articles)
            batch.articles.append(item)
            batch.keys.append(key)
            if hit is not None:
                batch.hits[index] = hit
            else:
                batch.misses.append(index)
                misses_seen += 1
            if len(batch.misses) >= batch_size or len(batch.articles) >= 8 * batch_size:
                flush(batch, True)
                batch = _Batch()
        flush(batch, False)
        while in_flight:
            write(in_flight.popleft())
    except BaseException:
        if executor is not None:
            executor.close(cancel=True)
        raise
    return executor


__all__ = [
    "AUTO_PARALLEL_MIN",
    "AtomicFile",
    "PipelineError",
    "RunError",
    "RunSummary",
    "default_articles_path",
    "default_cache_dir",
    "default_jobs",
    "init_worker",
    "process_batch",
    "run",
]
