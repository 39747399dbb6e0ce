"""The batch runner: order, parallelism, atomic output, cache, Dask.

Assertions are on structure, order and counts of articles, so they hold whatever the
extractor finds; where claims matter the per-article function is replaced by a fake.
"""

from __future__ import annotations

import json
import os
import signal

import pytest

from extract import pipeline, runner
from extract.models import ArticleInfo, Claim
from extract.runner import RunError, default_articles_path, run

ARTICLE = (
    "Iran's Fars news agency said the reformists won {a} of the {b} seats contested "
    "in the second round, according to AFP.\n\nTasnim said they won {c} seats.\n"
)


def make_corpus(root, n=24):
    """n distinct articles in nested folders, plus a file the reader skips."""
    for i in range(n):
        folder = root / f"part{i % 3}" / ("deep" if i % 2 else "")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"article{i:03d}.txt").write_text(
            ARTICLE.format(a=10 + i, b=68 + i, c=20 + i), encoding="utf-8"
        )
    (root / "broken.txt").write_bytes(b"\x00\x01binary")
    return root


def read_lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def fake_claims(article):
    """Two claims per article, numbered, so order can be checked."""
    return [
        Claim(
            article=article.id,
            kind="seats",
            subject="reformists",
            value=n,
            unit="seats",
            sentence=article.text.splitlines()[0],
            start=0,
            end=1,
        )
        for n in (1, 2)
    ]


@pytest.fixture
def fake_extractor(monkeypatch):
    """Replace the per-article extraction (in this process) by `fake_claims`."""
    calls = []

    def process_article(article, nlp=None):
        calls.append(article.id)
        if "boom" in article.text:
            raise RuntimeError("extractor bug")
        claims = fake_claims(article)
        return ArticleInfo(article=article.id, claims=len(claims)), claims

    def process_articles(articles, nlp=None, *, batch_size=32):
        for article in articles:
            yield pipeline.process_article(article, nlp)  # patched again by some tests

    monkeypatch.setattr(pipeline, "process_article", process_article)
    monkeypatch.setattr(pipeline, "process_articles", process_articles)
    monkeypatch.setattr(runner, "_pipeline", lambda config: None)
    return calls


def expected_ids(root):
    from extract.readers import Article, iter_articles

    return [a.id for a in iter_articles([root]) if isinstance(a, Article)]


def test_claims_and_sidecar_in_input_order(tmp_path, fake_extractor):
    corpus = make_corpus(tmp_path / "in")
    out = tmp_path / "out" / "claims.jsonl"
    summary = run([corpus], out, jobs=1, batch_size=5)
    ids = expected_ids(corpus)
    assert summary.articles == len(ids) == 24
    assert summary.claims == 48
    assert [s.path.rsplit("/", 1)[-1] for s in summary.skipped] == ["broken.txt"]
    claims = read_lines(out)
    assert [(c["article"], c["value"]) for c in claims] == [
        (i, n) for i in ids for n in (1, 2)
    ]
    for line in claims:
        Claim.model_validate(line)
        assert set(line) == set(Claim.model_fields)
    infos = read_lines(default_articles_path(out))
    assert [i["article"] for i in infos] == ids
    assert summary.articles_output == str(tmp_path / "out" / "claims.articles.jsonl")


def test_an_article_the_extractor_fails_on_is_skipped_not_fatal(
    tmp_path, fake_extractor
):
    corpus = make_corpus(tmp_path / "in", n=6)
    (corpus / "part0" / "article000.txt").write_text("boom 33 seats")
    out = tmp_path / "claims.jsonl"
    summary = run([corpus], out, jobs=1, batch_size=4)
    assert summary.articles == 5
    failed = [s for s in summary.skipped if "extraction failed" in s.reason]
    assert [s.path for s in failed] == ["part0/article000.txt"]
    assert "RuntimeError: extractor bug" in failed[0].reason


def test_stdout_output_and_explicit_sidecar(tmp_path, fake_extractor, capsys):
    corpus = make_corpus(tmp_path / "in", n=3)
    sidecar = tmp_path / "articles.jsonl"
    summary = run([corpus], "-", articles_output=sidecar, jobs=1)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 6 and summary.output is None
    assert len(read_lines(sidecar)) == 3


def test_rerun_overwrites_output(tmp_path, fake_extractor):
    corpus = make_corpus(tmp_path / "in", n=3)
    out = tmp_path / "claims.jsonl"
    run([corpus], out, jobs=1)
    first = out.read_text()
    run([corpus], out, jobs=1)
    assert out.read_text() == first


def test_nothing_readable_writes_no_output(tmp_path, fake_extractor):
    out = tmp_path / "claims.jsonl"
    out.write_text("previous\n")
    summary = run([tmp_path / "missing"], out, jobs=1)
    assert summary.articles == 0 and len(summary.skipped) == 1
    assert out.read_text() == "previous\n"
    assert not default_articles_path(out).exists()


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("how", ["exception", "sigterm"])
def test_interrupted_run_leaves_previous_output_and_no_temp_files(
    tmp_path, fake_extractor, monkeypatch, how
):
    corpus = make_corpus(tmp_path / "in", n=12)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "claims.jsonl"
    out.write_text("previous run\n")
    real = pipeline.process_article
    seen = []

    def crashing(article, nlp=None):
        seen.append(article.id)
        if len(seen) == 7:
            if how == "sigterm":
                os.kill(os.getpid(), signal.SIGTERM)
            raise KeyboardInterrupt
        return real(article, nlp)

    monkeypatch.setattr(pipeline, "process_article", crashing)
    handler = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt):
        run([corpus], out, jobs=1, batch_size=2)
    assert out.read_text() == "previous run\n"
    assert not default_articles_path(out).exists()
    assert leftovers(out_dir) == []
    assert signal.getsignal(signal.SIGTERM) == handler  # restored


def test_unwritable_output_is_a_run_error(tmp_path, fake_extractor):
    corpus = make_corpus(tmp_path / "in", n=2)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(RunError, match="cannot write"):
        run([corpus], blocker / "claims.jsonl", jobs=1)


def test_cache_hit_miss_and_invalidation(tmp_path, fake_extractor, monkeypatch):
    corpus = make_corpus(tmp_path / "in", n=10)
    out = tmp_path / "claims.jsonl"
    cache = tmp_path / "cache"
    first = run([corpus], out, jobs=1, cache_dir=cache)
    assert (first.cached, len(fake_extractor)) == (0, 10)
    output = out.read_text()

    def no_processing(records, config):
        raise AssertionError("a cached article was processed again")

    monkeypatch.setattr(runner, "process_batch", no_processing)
    second = run([corpus], out, jobs=1, cache_dir=cache)
    assert second.cached == 10 and second.articles == 10
    assert out.read_text() == output  # the same bytes, from the cache
    monkeypatch.undo()

    # One article edited: only that one misses.
    (corpus / "part1" / "deep" / "article001.txt").write_text("Now 99 seats.")
    monkeypatch.setattr(pipeline, "process_article", _counting(fake_extractor))
    monkeypatch.setattr(pipeline, "process_articles", _counting_many(fake_extractor))
    monkeypatch.setattr(runner, "_pipeline", lambda config: None)
    fake_extractor.clear()
    third = run([corpus], out, jobs=1, cache_dir=cache)
    assert third.cached == 9 and fake_extractor == ["part1/deep/article001.txt"]

    # A pattern change invalidates every entry.
    import extract.resources

    monkeypatch.setattr(extract.resources, "patterns_version", lambda *a: "changed")
    fake_extractor.clear()
    fourth = run([corpus], out, jobs=1, cache_dir=cache)
    assert fourth.cached == 0 and len(fake_extractor) == 10


def _counting(calls):
    def process_article(article, nlp=None):
        calls.append(article.id)
        claims = fake_claims(article)
        return ArticleInfo(article=article.id, claims=2), claims

    return process_article


def _counting_many(calls):
    one = _counting(calls)

    def process_articles(articles, nlp=None, *, batch_size=32):
        for article in articles:
            yield one(article)

    return process_articles


def test_interrupted_run_resumes_from_the_cache(tmp_path, fake_extractor, monkeypatch):
    corpus = make_corpus(tmp_path / "in", n=10)
    out = tmp_path / "claims.jsonl"
    cache = tmp_path / "cache"
    real = pipeline.process_article

    def crash_late(article, nlp=None):
        if len(fake_extractor) >= 6:
            raise KeyboardInterrupt
        return real(article, nlp)

    monkeypatch.setattr(pipeline, "process_article", crash_late)
    with pytest.raises(KeyboardInterrupt):
        run([corpus], out, jobs=1, cache_dir=cache, batch_size=2)
    assert not out.exists()
    monkeypatch.setattr(pipeline, "process_article", real)
    summary = run([corpus], out, jobs=1, cache_dir=cache, batch_size=2)
    assert summary.cached == 6 and summary.articles == 10


def test_corrupt_cache_is_bypassed_with_a_note(tmp_path, fake_extractor):
    corpus = make_corpus(tmp_path / "in", n=3)
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "results.sqlite3").write_bytes(b"this is not a database" * 100)
    summary = run([corpus], tmp_path / "claims.jsonl", jobs=1, cache_dir=cache)
    assert summary.articles == 3
    assert any("cache" in note for note in summary.notes)


def test_auto_jobs_is_one_for_a_small_run(tmp_path, fake_extractor):
    corpus = make_corpus(tmp_path / "in", n=4)
    summary = run([corpus], tmp_path / "claims.jsonl")
    assert summary.jobs == 1


# ----------------------------------------------------------------- real pipeline


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("corpus"), n=30)


@pytest.fixture(scope="module")
def serial_output(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("serial") / "claims.jsonl"
    summary = run([corpus], out, jobs=1)
    return summary, out


def test_two_processes_give_the_same_output_in_the_same_order(
    corpus, serial_output, tmp_path
):
    serial, serial_out = serial_output
    out = tmp_path / "claims.jsonl"
    summary = run([corpus], out, jobs=2, batch_size=3)
    assert summary.jobs == 2
    assert summary.articles == serial.articles == 30
    assert out.read_bytes() == serial_out.read_bytes()
    assert (
        default_articles_path(out).read_bytes()
        == default_articles_path(serial_out).read_bytes()
    )
    assert [i["article"] for i in read_lines(default_articles_path(out))] == (
        expected_ids(corpus)
    )


def test_dask_runs_the_same_worker_function(corpus, serial_output, tmp_path):
    distributed = pytest.importorskip("distributed")
    serial, serial_out = serial_output
    out = tmp_path / "claims.jsonl"
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        summary = run([corpus], out, scheduler=cluster.scheduler_address, batch_size=4)
    assert summary.articles == serial.articles
    assert out.read_bytes() == serial_out.read_bytes()
    assert (
        default_articles_path(out).read_bytes()
        == default_articles_path(serial_out).read_bytes()
    )


def test_missing_dask_gives_an_install_hint(tmp_path, monkeypatch, corpus):
    import builtins

    real_import = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name == "distributed" or name.startswith("distributed."):
            raise ImportError("No module named 'distributed'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    with pytest.raises(RunError, match=r"pip install '\.\[dask\]'"):
        run([corpus], tmp_path / "claims.jsonl", scheduler="tcp://127.0.0.1:1")
    assert not (tmp_path / "claims.jsonl").exists()


def test_missing_model_is_a_run_error(tmp_path, corpus):
    with pytest.raises(RunError, match="not installed"):
        run([corpus], tmp_path / "claims.jsonl", jobs=1, model="xx_no_such_model")
    assert leftovers(tmp_path) == []


def test_cached_results_round_trip_and_a_damaged_row_is_a_miss(tmp_path):
    """A cached value is the info line and the claim lines joined by newlines; a
    sentence holding a line break survives (JSON escapes it), and a row the cache
    cannot have written is treated as a miss, not returned as a result."""
    import sqlite3

    from extract.cache import DB_NAME, CachedResult, ResultCache
    from extract.models import Article

    claim = Claim(
        article="a",
        kind="seats",
        subject="the Greens",
        value=62,
        unit="seats",
        sentence="HEADLINE\nThe Greens took 62 seats.",
        start=0,
        end=2,
    )
    result = CachedResult(
        info=ArticleInfo(article="a", claims=1).model_dump_json(),
        claims=[claim.model_dump_json()],
    )
    cache = ResultCache(tmp_path, salt="test")
    key = cache.key(Article(id="a", text="The Greens took 62 seats."))
    cache.put(key, result)
    cache.commit()
    assert cache.get(key) == result
    assert Claim.model_validate_json(cache.get(key).claims[0]) == claim

    db = sqlite3.connect(tmp_path / DB_NAME)
    db.execute("UPDATE results SET value = ? WHERE key = ?", ('{"info": 1}\nx', key))
    db.commit()
    db.close()
    assert cache.get(key) is None and cache.misses == 1


ZETA = "Zeta Wire said the reformists won 33 seats in the parliament.\n"
ZETA_ALIAS = '{"label": "SOURCE", "pattern": "Zeta Wire", "id": "zeta"}\n'


def zeta_source_ids(folder, out, **kwargs):
    run([folder], out, cache_dir=None, **kwargs)
    return [s["id"] for c in read_lines(out) for s in c["sources"]]


@pytest.mark.parametrize("jobs", [1, 2])
def test_each_run_uses_the_pattern_files_as_they_are_now(tmp_path, jobs):
    """One process, several runs: a new patterns folder, a pattern file edited
    between runs and the installed patterns again each take effect. Nothing built
    from the earlier files (lexicons, matchers, a pool worker's pipeline, a fork
    server's preloaded one) is reused."""
    import shutil

    from extract.resources import default_patterns_dir

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "zeta.txt").write_text(ZETA, encoding="utf-8")
    patterns = tmp_path / "patterns"
    shutil.copytree(default_patterns_dir(), patterns)
    out = tmp_path / "claims.jsonl"

    def ids(**kwargs):
        return zeta_source_ids(articles, out, jobs=jobs, **kwargs)

    previous = os.environ.get("EXTRACT_PATTERNS_DIR")
    try:
        assert ids(patterns_dir=patterns) == [None]
        with (patterns / "sources.jsonl").open("a", encoding="utf-8") as handle:
            handle.write(ZETA_ALIAS)
        assert ids(patterns_dir=patterns) == ["zeta"]
        os.environ.pop("EXTRACT_PATTERNS_DIR", None)
        assert ids() == [None]
    finally:
        if previous is None:
            os.environ.pop("EXTRACT_PATTERNS_DIR", None)
        else:
            os.environ["EXTRACT_PATTERNS_DIR"] = previous


def _worker_has_a_pipeline():
    return "nlp" in runner._STATE


def test_pool_workers_start_with_the_pipeline_built():
    """Where there is a fork server, it builds the pipeline once and every worker is
    forked from it ready to go, instead of importing spaCy and building its own."""
    import sys
    from concurrent.futures import ProcessPoolExecutor

    if not sys.platform.startswith("linux"):
        pytest.skip("the fork server is used on Linux only: workers are spawned")
    with ProcessPoolExecutor(2, mp_context=runner._pool_context()) as pool:
        assert pool.submit(_worker_has_a_pipeline).result() is True


def test_a_script_without_a_main_guard_is_told_why_its_workers_died(tmp_path):
    """Pool workers import the calling script; one that calls run() at import time
    makes each worker start a pool of its own, which Python refuses. The run fails
    with a message naming the fix, not only 'a worker died'."""
    import subprocess
    import sys
    from pathlib import Path

    make_corpus(tmp_path / "corpus", n=4)
    script = tmp_path / "unguarded.py"
    script.write_text(
        "from extract.runner import run\n"
        f"run([{str(tmp_path / 'corpus')!r}], {str(tmp_path / 'out.jsonl')!r}, "
        "jobs=2, cache_dir=None)\n",
        encoding="utf-8",
    )
    repo = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env
    )
    assert result.returncode != 0
    assert "if __name__ == '__main__':" in result.stderr.splitlines()[-1]
    assert not (tmp_path / "out.jsonl").exists()
