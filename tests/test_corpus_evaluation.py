"""Extraction measured against annotated articles (evaluation, not timing).

The bundled `corpus/` always runs. The shared seed and dev articles
(`../shared/corpus/`) run when that folder is beside the checkout, as in CI; otherwise
these tests say they skipped. Thresholds are those of the extraction issue: seeds
F1 >= 0.95 on seats, votes and turnout with sources right on >= 0.95 of matched
claims; dev and our own articles >= 0.85 on both.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.evaluate import evaluate, load_gold
from extract.models import Article
from extract.pipeline import process_articles
from extract.readers import iter_articles

from .conftest import CORPUS, SHARED_CORPUS

SCORED_KINDS = ("seats", "votes", "turnout")


def _evaluate_folder(folder: Path, nlp):
    articles = [a for a in iter_articles([folder]) if isinstance(a, Article)]
    claims = [c for _, cs in process_articles(articles, nlp) for c in cs]
    gold = load_gold(folder / "gold.jsonl")
    texts = {a.id: a.text for a in articles}
    return evaluate(gold, claims, texts=texts)


def _check(result, min_f1: float, min_sources: float):
    for kind in SCORED_KINDS:
        score = result.per_kind[kind]
        assert score.f1 >= min_f1, (kind, score)
    assert result.fields["sources"].accuracy >= min_sources, result.fields["sources"]


def _shared(name: str) -> Path:
    folder = SHARED_CORPUS / name
    if not (folder / "gold.jsonl").exists():
        pytest.skip(
            f"shared corpus not found at {folder}; seeds/dev evaluation skipped"
        )
    return folder


def test_bundled_corpus(nlp):
    _check(_evaluate_folder(CORPUS, nlp), 0.85, 0.70)


def test_seed_articles(nlp):
    _check(_evaluate_folder(_shared("seeds"), nlp), 0.95, 0.95)


def test_dev_articles(nlp):
    _check(_evaluate_folder(_shared("dev"), nlp), 0.85, 0.85)
