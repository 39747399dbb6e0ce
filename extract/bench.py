"""Benchmark `extract run` on many distinct articles: `python -m extract.bench`.

    python -m extract.bench --articles 2000 --jobs 1 2

Builds a folder of N distinct articles from `corpus/` (and `../shared/corpus/` when it
is there) by shuffling paragraphs, mixing articles and changing every number, so the
tokenizer and matchers are measured warm on realistic, varied text rather than on a few
texts repeated (PERFORMANCE.md). Then it reports, after a warm-up on `--warm-up`
other distinct articles (default 4,000: the tokenizers' caches filled, as in a long
batch):

- bare tokenisation: `spacy.blank("en")` via `nlp.pipe`, articles/s and words/s,
  timed in turn with the full extraction over `--rounds` sets of N articles (the
  median ratio is the one to quote);
- the full extraction (`process_articles`, one process) and `extract run` with each
  `--jobs` value (reading, writing and pool start-up included), each with its time
  ratio to bare tokenisation of as many articles; the `--jobs`
  values are compared again on `--scale-articles` articles (default 8,000), where
  the worker start-up (~1 s: importing spaCy, building the pipeline) is amortised
  as it is in a real batch;
- peak RSS of a whole `extract run` for N/4 and N articles, each in a fresh process
  (flat memory: it should hardly move);
- the speed-up of a rerun over an unchanged folder with the cache;
- the cold start of `extract --help`.

Not part of the test suite; the machine is noisy, so compare ratios within one run.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "corpus", REPO.parent / "shared" / "corpus"]
NAMES = [
    "Rahimi", "Karimova", "Okafor", "Lindqvist", "Moreau", "Haddad", "Tanaka", "Novak",
    "Mensah", "Petrov", "Alvarez", "Kowalski", "Nasser", "Ibrahim", "Costa", "Weber",
]  # fmt: skip
_NUMBER = re.compile(r"\d+")
_CAPITALISED = re.compile(r"\b(?:Rouhani|Raisi|Pezeshkian|Jalili|Sadr|Erdogan|Khan)\b")


def source_texts() -> list[str]:
    texts = []
    for folder in SOURCES:
        if folder.is_dir():
            for path in sorted(folder.rglob("*.txt")):
                text = path.read_text(encoding="utf-8", errors="replace").strip()
                if len(text.split()) > 50:
                    texts.append(text)
    if not texts:
        raise SystemExit("no source articles found in corpus/ or ../shared/corpus/")
    return texts


def vary(texts: list[str], rng: random.Random, min_words: int = 400) -> str:
    """A new article: paragraphs of a few source articles, shuffled, numbers changed."""
    paragraphs: list[str] = []
    while sum(len(p.split()) for p in paragraphs) < min_words:
        source = rng.choice(texts)
        paragraphs.extend(p for p in re.split(r"\n\s*\n|\n", source) if p.strip())
    head, body = paragraphs[0], paragraphs[1:]
    rng.shuffle(body)
    text = "\n\n".join([head, *body])
    text = _NUMBER.sub(lambda m: str(rng.randint(1, 10 ** len(m.group(0)) - 1)), text)
    return _CAPITALISED.sub(lambda m: rng.choice(NAMES), text)


def build_folder(folder: Path, n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    texts = source_texts()
    made = []
    for i in range(n):
        text = vary(texts, rng)
        sub = folder / f"batch{i // 500:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"article{i:06d}.txt").write_text(text, encoding="utf-8")
        made.append(text)
    return made


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:,.0f}/s" if seconds > 0 else "inf"


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


# Linux keeps `ru_maxrss` across exec, so a child started by this (large) process
# would report the parent's size: the run's own peak is read from VmHWM, the peak of
# the address space exec made, where /proc has it.
_RSS_SCRIPT = """
import resource, sys
from extract.runner import run
summary = run([sys.argv[1]], sys.argv[2], jobs=1, cache_dir=None)
try:
    with open("/proc/self/status") as status:
        kb = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
except (OSError, StopIteration):
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(summary.articles, kb)
"""


def peak_rss(folder: Path, out: Path) -> tuple[int, float]:
    """Articles and peak RSS (MB) of one whole run, in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-c", _RSS_SCRIPT, str(folder), str(out)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    articles, kb = result.stdout.split()
    return int(articles), int(kb) / 1024


def cli_seconds(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "extract", *args],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--scale-articles",
        type=int,
        default=8000,
        help="also compare the --jobs values on a folder this large, where the "
        "~1 s pool start-up is amortised as in a real batch (0 to skip)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="bare/full timing pairs, each on its own N articles; the median is "
        "reported",
    )
    parser.add_argument(
        "--warm-up",
        type=int,
        default=4000,
        help="distinct articles both pipelines see before anything is timed",
    )
    parser.add_argument(
        "--json", action="store_true", help="also print results as JSON"
    )
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    n = args.articles
    results: dict[str, object] = {"articles": n}

    with tempfile.TemporaryDirectory(prefix="extract-bench-") as tmp:
        tmp_path = Path(tmp)
        folder = tmp_path / "articles"
        texts = build_folder(folder, n)
        small = tmp_path / "small"
        build_folder(small, max(1, n // 4), seed=11)
        words = sum(len(t.split()) for t in texts)
        print(f"{n} distinct articles, {words:,} words ({words // n} per article)")

        import spacy

        from extract.models import Article
        from extract.nlp import build_pipeline
        from extract.pipeline import process_articles

        sources = source_texts()
        # Both tokenizers get faster as their caches fill with the text's chunks:
        # after a 200-article warm-up, bare tokenisation ran 3,215 articles/s on
        # the next 2,000 and ~3,800 on the 2,000 after 6,000 more, so the early
        # rounds read the ratio low. A batch of tens of thousands of articles
        # runs in the filled state, which is the one timed.
        warm_rng = random.Random(99)
        warm = [vary(sources, warm_rng) for _ in range(args.warm_up)]
        bare = spacy.blank("en")
        for _ in bare.pipe(warm):
            pass
        nlp = build_pipeline()
        warm_articles = [Article(id=f"w{i}", text=t) for i, t in enumerate(warm)]
        for _ in process_articles(warm_articles, nlp):
            pass

        # Bare and full alternate over --rounds sets of N distinct articles (the
        # folder's, then fresh ones): a single pair of timings swings by ~10% on a
        # busy machine, the median of several pairs much less.
        bare_times, full_times, ratios = [], [], []
        for round_no in range(args.rounds):
            if round_no == 0:
                round_texts = texts
            else:
                round_rng = random.Random(1000 + round_no)
                round_texts = [vary(sources, round_rng) for _ in range(n)]
            t_bare = timed(
                lambda round_texts=round_texts: [
                    None for _ in bare.pipe(round_texts, batch_size=64)
                ]
            )
            articles = [Article(id=str(i), text=t) for i, t in enumerate(round_texts)]
            t_full = timed(
                lambda articles=articles: [
                    None for _ in process_articles(articles, nlp)
                ]
            )
            bare_times.append(t_bare)
            full_times.append(t_full)
            ratios.append(t_full / t_bare)
            print(
                f"round {round_no + 1}: bare {rate(n, t_bare)} articles, full "
                f"{rate(n, t_full)} articles; full/bare {t_full / t_bare:.1f}x"
            )
        t_bare = statistics.median(bare_times)
        t_full = statistics.median(full_times)
        ratio = statistics.median(ratios)
        bare_rates = f"{rate(n, t_bare)} articles, {rate(words, t_bare)} words"
        print(f"bare tokenisation (median): {bare_rates}")
        print(
            f"full extraction, 1 process (median): {rate(n, t_full)} articles, "
            f"{rate(words, t_full)} words; full/bare time ratio {ratio:.1f}x "
            f"(median of {args.rounds} rounds; full is {100 / ratio:.1f}% of bare)"
        )
        results.update(
            bare_articles_per_s=n / t_bare,
            full_articles_per_s=n / t_full,
            full_over_bare=ratio,
            full_over_bare_rounds=ratios,
        )

        from extract.runner import run

        sizes = [("", folder)]
        if args.scale_articles > 0:
            large = tmp_path / "scale"
            build_folder(large, args.scale_articles, seed=23)
            sizes.append(("scale_", large))
        for prefix, path in sizes:
            rates = {}
            for jobs in args.jobs:
                out = tmp_path / f"claims-{prefix}j{jobs}.jsonl"
                summary = run([path], out, jobs=jobs, cache_dir=None)
                rates[jobs] = summary.articles / summary.elapsed
                speedup = (
                    f", {rates[jobs] / rates[args.jobs[0]]:.2f}x --jobs {args.jobs[0]}"
                    if jobs != args.jobs[0]
                    else ""
                )
                # the whole run against bare tokenisation of as many articles:
                # reading, writing and pool start-up included
                bare_seconds = t_bare * summary.articles / n
                print(
                    f"extract run --jobs {jobs}, {summary.articles} articles: "
                    f"{rate(summary.articles, summary.elapsed)} articles "
                    f"({summary.elapsed:.1f} s with start-up, {summary.claims} "
                    f"claims{speedup}; run/bare {summary.elapsed / bare_seconds:.1f}x)"
                )
                results[f"run_{prefix}jobs{jobs}_articles_per_s"] = rates[jobs]

        cache = tmp_path / "cache"
        out = tmp_path / "claims-cache.jsonl"
        cold = cli_seconds(["run", str(folder), "-o", str(out), "--cache", str(cache)])
        rerun = cli_seconds(["run", str(folder), "-o", str(out), "--cache", str(cache)])
        print(
            f"cache: first run {cold:.1f} s, rerun {rerun:.2f} s "
            f"({cold / rerun:.0f}x faster; whole `extract run` processes)"
        )
        results.update(
            cache_first_s=cold, cache_rerun_s=rerun, cache_speedup=cold / rerun
        )

        for label, path in (("N/4", small), ("N", folder)):
            count, mb = peak_rss(path, tmp_path / "rss.jsonl")
            print(f"peak RSS, {count} articles ({label}): {mb:.0f} MB")
            results[f"peak_rss_mb_{count}"] = mb

        helps = [cli_seconds(["--help"]) for _ in range(3)]
        print(
            f"extract --help cold start: {statistics.median(helps):.2f} s (median of 3)"
        )
        results["help_s"] = statistics.median(helps)

    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
