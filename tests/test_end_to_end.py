"""Extraction then reconciliation on real article text, as a user runs it."""

from __future__ import annotations

import pytest

from extract import process_articles
from extract.models import Article
from extract.readers import iter_articles
from extract.reconcile import reconcile

from .conftest import CORPUS, SHARED_CORPUS


def _reconcile_folder(folder, nlp):
    articles = [a for a in iter_articles([folder]) if isinstance(a, Article)]
    pairs = list(process_articles(articles, nlp))
    return reconcile([c for _, cs in pairs for c in cs], [info for info, _ in pairs])


def test_seed_runoff_conflict(nlp):
    seeds = SHARED_CORPUS / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"shared corpus not found at {seeds}")
    result = _reconcile_folder(seeds, nlp)
    (group,) = [
        g
        for g in result.groups
        if g.key.subject == "reformists"
        and g.key.kind == "seats"
        and g.key.contest.round == 2
    ]
    assert group.verdict == "conflict"
    by_origin = {}
    for m in group.members:
        by_origin.setdefault(m.originator.name, []).append(m)
    names = " ".join(by_origin).lower()
    assert "fars" in names and "tasnim" in names and "state-run media" in names
    fars = next(ms for o, ms in by_origin.items() if "fars" in o.lower())
    assert {m.claim.article for m in fars} == {
        "iran-2016-runoff-a.txt",
        "iran-2016-runoff-b.txt",
    }
    assert {m.claim.value for m in fars} == {33}
    state_tv = next(ms for o, ms in by_origin.items() if "state tv" in o.lower())
    assert [(m.claim.value, m.claim.of_total, m.role) for m in state_tv] == [
        (32, 60, "superseded")
    ]
    # 2024 is another contest: never in a 2016 group
    for g in result.groups:
        dates = {m.claim.article for m in g.members}
        assert not (
            {"iran-2024-runoff.txt"} & dates
            and len(dates) > 1
            and "iran-2016-runoff-a.txt" in dates
        )


def test_bundled_corpus_shows_a_conflict_between_outlets(nlp):
    result = _reconcile_folder(CORPUS, nlp)
    conflicts = [g for g in result.groups if g.verdict == "conflict"]
    assert conflicts
    assert any(len({m.claim.article for m in g.members}) > 1 for g in conflicts)


@pytest.mark.parametrize("batch_size", [1, 3, 32])
def test_batches_give_each_article_its_own_claims_in_order(nlp, batch_size):
    # process_articles runs each stage (tokenizer, components, contest, the claim
    # stages) over a whole batch before the next: claims must still come out per
    # article, in input order, as one article at a time gives them
    from extract.pipeline import process_article

    articles = [a for a in iter_articles([CORPUS]) if isinstance(a, Article)]
    articles = (articles * 3)[:31]  # a last batch that is not full
    articles = [
        a.model_copy(update={"id": f"{a.id}#{i}"}) for i, a in enumerate(articles)
    ]
    batched = list(process_articles(iter(articles), nlp, batch_size=batch_size))
    assert [info.article for info, _ in batched] == [a.id for a in articles]
    one_by_one = [process_article(a, nlp) for a in articles]
    assert [[c.model_dump() for c in claims] for _, claims in batched] == [
        [c.model_dump() for c in claims] for _, claims in one_by_one
    ]
    assert sum(len(claims) for _, claims in batched) > 100


def _gc_states_seen_by_stages(monkeypatch, nlp, articles, fail_at=None):
    """Run process_articles, noting whether the cyclic collector was on while the
    stages ran (at contest detection) and while the caller held each result."""
    import gc

    import extract.pipeline as pipeline

    in_stages = []
    detect = pipeline.detect_contest

    def noting(text, title=None):
        in_stages.append(gc.isenabled())
        if fail_at is not None and text == fail_at:
            raise RuntimeError("stage failed")
        return detect(text, title)

    monkeypatch.setattr(pipeline, "detect_contest", noting)
    with_caller = [gc.isenabled() for _ in process_articles(articles, nlp)]
    return in_stages, with_caller


def test_the_cyclic_collector_is_paused_in_the_stages_and_on_for_the_caller(
    monkeypatch, nlp
):
    import gc

    articles = [
        Article(id=str(i), text="Reuters said Labour won 411 seats.") for i in range(3)
    ]
    assert gc.isenabled()
    in_stages, with_caller = _gc_states_seen_by_stages(monkeypatch, nlp, articles)
    assert in_stages == [False, False, False]
    assert with_caller == [True, True, True]
    assert gc.isenabled()


def test_a_failing_stage_leaves_the_cyclic_collector_on(monkeypatch, nlp):
    import gc

    articles = [
        Article(id="a", text="Turnout was 61 percent."),
        Article(id="b", text="boom"),
    ]
    with pytest.raises(RuntimeError, match="stage failed"):
        _gc_states_seen_by_stages(monkeypatch, nlp, articles, fail_at="boom")
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off(monkeypatch, nlp):
    import gc

    articles = [Article(id="a", text="Turnout was 61 percent.")]
    gc.disable()
    try:
        in_stages, with_caller = _gc_states_seen_by_stages(monkeypatch, nlp, articles)
        assert (in_stages, with_caller) == ([False], [False])
        assert not gc.isenabled()
    finally:
        gc.enable()
