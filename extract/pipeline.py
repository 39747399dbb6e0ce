"""Articles in, claims out: the extraction stages joined together.

    Article -> spaCy Doc -> figures -> claim drafts -> sources, status, round -> Claim

Everything `extract run` does per article goes through `process_articles` (a stream,
a batch at a time) or `process_article` (one article, a batch of one).
"""

from __future__ import annotations

import gc
from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from extract.attribution import attribute
from extract.claims import (
    Draft,
    SentenceContext,
    dominant_unit,
    draft_claims,
    skip_reason,
    zero_claims,
)
from extract.contest import detect_contest
from extract.dates import article_date
from extract.lexicon import status_lexicon
from extract.models import Article, ArticleInfo, Claim
from extract.nlp import load_pipeline
from extract.numbers import Figure, find_figures
from extract.phrases import has_phrase
from extract.pronouns import resolve_pronouns
from extract.resources import load_json
from extract.status import SentenceCues, StatusContext
from extract.subjects import resolve_subject
from extract.tokens import (
    doc_text,
    lower_words,
    sentence_bounds,
    span_text,
    token_starts,
    token_texts,
)

_RESULT_KINDS = frozenset({"seats", "votes", "turnout"})
_SEAT_KINDS = frozenset({"seats", "seats_total"})
_SEAT_OR_VOTE_KINDS = frozenset({"seats", "seats_total", "votes"})
_NO_KINDS: frozenset[str] = frozenset()
_STRUCTURAL_CARRY = frozenset(
    {
        "decided",
        "declared",
        "called",
        "open",
        "remaining",
        "undecided",
        "outstanding",
        "announced",
    }
)


def _paragraph_ids(doc: Doc, bounds: list[tuple[int, int]]) -> list[int]:
    """A paragraph is a line: wire copy puts each paragraph (and headline) on one."""
    text = doc_text(doc)
    offsets = token_starts(doc)
    ids, para, pos = [], 0, 0
    for s, _ in bounds:
        start = offsets[s]
        para += text.count("\n", pos, start)
        pos = start
        ids.append(para)
    return ids


def _progress_values(
    doc: Doc, words: list[str], s: int, e: int, figures: list[Figure]
) -> list[float]:
    """Percentages of the count done ("99.99% of ballots counted") in a sentence."""
    out = []
    for f in figures:
        if (
            f.percent
            and skip_reason(doc, words, f, (s, e), None) == "counting progress"
        ):
            out.append(float(f.value))
    return out


def _coverage_values(
    words: list[str], s: int, e: int, drafts: list[Draft]
) -> list[float]:
    """The share of the seats with results, as a percentage, for each "N of M
    seats" that a sentence about results gives ("results for 95 of the 120 seats",
    "provisional results cover 258 out of 266 seats"): a count still incomplete."""
    out = []
    for d in drafts:
        if (
            d.kind == "seats_total"
            and d.of_total
            and d.value < d.of_total
            and has_phrase(status_lexicon()["coverage_words"], words, s, e)
        ):
            out.append(100.0 * d.value / d.of_total)
    return out


def _figure_start(d: Draft) -> int:
    return d.figure.start


def _repeats_a_figure(drafts: list[Draft], later: list[list[Draft]]) -> bool:
    """Whether one of the values of `drafts` is given again in the sentences
    `later`: the same update told again."""
    values = {d.value for d in drafts}
    return any(d.value in values for sent in later for d in sent)


def _draft_status(
    doc,
    words,
    s,
    e,
    d: Draft,
    sentence: SentenceCues,
    sent_cue,
    fused,
    ctx: StatusContext,
    has_results: bool,
    turnout_only: bool = False,
) -> str:
    if sentence.is_conditional(doc, d.figure.start):
        return "conditional"
    for t, status in fused:
        if t < d.figure.start and d.figure.start - t <= 4:
            return status
    if sent_cue:
        return sent_cue
    carry_ok = (
        d.kind in _RESULT_KINDS
        or has_results
        or (d.kind == "seats_total" and not _STRUCTURAL_CARRY.isdisjoint(words[s:e]))
    )
    if carry_ok and ctx.status and not (turnout_only and ctx.from_seats):
        # (the state of the seat count is not that of the turnout)
        return ctx.status
    return "unknown"


def _draft_round(
    sentence: SentenceCues, d: Draft, status: str, ctx: StatusContext
) -> int | None:
    if d.figure.attributive or (d.kind == "other_count" and d.unit == "voters"):
        return None
    r = sentence.round_near(d.figure.start, d.figure.end)
    if r is not None:
        return r
    if status == "conditional" or d.kind == "other_count":
        return None
    if d.kind == "seats_total" and status != "partial":
        return None
    return ctx.round


def claims_from_doc(
    doc: Doc,
    article_id: str,
    *,
    country: str | None = None,
    body: str | None = None,
) -> list[Claim]:
    """Every claim in one processed Doc, in text order."""
    return claims_from_docs([(doc, article_id, country, body)])[0]


def claims_from_docs(
    docs: Sequence[tuple[Doc, str, str | None, str | None]],
) -> list[list[Claim]]:
    """`claims_from_doc` of each (doc, article id, country, body), stage by stage.

    Each stage (figures, drafts, sources, status) runs over all the Docs before the
    next starts, so its code and word tables stay in the CPU's caches from one Doc
    to the next; article by article, every stage found them evicted by the others
    (~6% of a run). The stages are the steps of `_claim_stages`, one generator per
    Doc.
    """
    steps = list(enumerate(_claim_stages(*work) for work in docs))
    results: list[list[Claim]] = [[] for _ in steps]
    while steps:
        running = []
        for i, step in steps:
            try:
                next(step)
                running.append((i, step))
            except StopIteration as done:
                results[i] = done.value
        steps = running
    return results


def _claim_stages(
    doc: Doc, article_id: str, country: str | None, body: str | None
) -> Generator[None, None, list[Claim]]:
    """The claims of one Doc, pausing (`yield`) between stages; returns them."""
    words = lower_words(doc)
    all_figures = find_figures(doc)
    yield
    bounds = sentence_bounds(doc)
    paras = _paragraph_ids(doc, bounds)
    by_sent: list[list[Figure]] = [[] for _ in bounds]
    si = 0
    for f in all_figures:
        while si < len(bounds) and f.start >= bounds[si][1]:
            si += 1
        if si < len(bounds):
            by_sent[si].append(f)
    # first pass: drafts per sentence
    per_sentence: list[list[Draft]] = []
    default_unit = dominant_unit(words)
    context = SentenceContext(default_unit=default_unit)
    # a context no sentence has drafted with is as good as a new one: a paragraph
    # after one with no figures takes it over rather than making another
    context_used = False
    last_para = None
    # a zero claim starts at "no" (`zero_claims`): one look rules out most articles
    may_have_zeros = "no" in words
    for idx, sent in enumerate(bounds):
        if paras[idx] != last_para:
            if context_used:
                context = SentenceContext(default_unit=default_unit)
                context_used = False
            last_para = paras[idx]
        if by_sent[idx]:
            drafts = draft_claims(doc, words, sent, by_sent[idx], context)
            context_used = True
        else:
            drafts = []
        zeros = zero_claims(doc, words, sent) if may_have_zeros else ()
        for t0, t1, subj in zeros:
            fig = Figure(
                t0, t1, 0, "exact", t0, False, False, False, False, doc[t0:t1].text
            )
            drafts.append(Draft.of(doc, fig, "seats", "seats", subj))
        if len(drafts) > 1:
            drafts.sort(key=_figure_start)
        per_sentence.append(drafts)
    # "final results give it 40.2%": a pronoun subject takes its antecedent's phrase
    resolve_pronouns(doc, words, bounds, paras, per_sentence)
    yield
    # sources for every figure at once
    sources = attribute(
        doc, [d.figure.start for drafts in per_sentence for d in drafts], country
    )
    yield
    # second pass: status and round, carried through the article
    ctx = StatusContext()
    cues: list[tuple[str | None, list]] = []
    # each sentence's cues are found once, for the sentence and all its figures
    sentence_cues = SentenceCues.of_sentences(words, bounds)
    for idx, (s, e) in enumerate(bounds):
        progress = (
            _progress_values(doc, words, s, e, by_sent[idx])
            + _coverage_values(words, s, e, per_sentence[idx])
            if by_sent[idx]
            else []
        )
        here = sentence_cues[idx]
        if not progress and not here.status_cues:
            cues.append((None, []))  # (most sentences: no cue, nothing to weigh)
            continue
        cue, fused = here.status(progress)
        # (looked for only where it would change something: most sentences have
        # no cue)
        if (cue or fused) and not progress and here.looks_ahead:
            cue, fused = None, []
        cues.append((cue, fused))
    claims: list[Claim] = []
    make = _ClaimMaker(doc, article_id, country, body)
    first_results_done = False
    for idx, (s, e) in enumerate(bounds):
        drafts = per_sentence[idx]
        cue, fused = cues[idx]
        # (most sentences name no round: no call made for them)
        sent_round = (
            sentence_cues[idx].round_near(s) if sentence_cues[idx].rounds else None
        )
        # the kinds of the sentence's drafts, gathered once for the three questions
        # asked of them (most sentences have no drafts: nothing made for them)
        kinds = {d.kind for d in drafts} if drafts else _NO_KINDS
        has_results = not _RESULT_KINDS.isdisjoint(kinds)
        # the lede and the update right after it are one report; so are a headline
        # and the update two sentences on that repeats one of its figures ("BJP
        # wins 240 seats" / "INDIA bloc takes 234" / "... won 240 of the 543
        # seats, final results showed"), and not a lede whose rounded figures the
        # update after it gives anew ("62 percent (17.8 million ...)" / ... /
        # "elected with 17.9 million votes after all ballots were counted")
        if drafts and has_results and not first_results_done:
            first_results_done = True
            if cue is None and idx + 1 < len(bounds):
                ahead = idx + 1
                if (
                    cues[ahead] == (None, [])
                    and idx + 2 < len(bounds)
                    and _repeats_a_figure(drafts, per_sentence[idx + 1 : idx + 3])
                ):
                    ahead = idx + 2
                if cues[ahead][0] in {"final", "partial", "preliminary"}:
                    cue = cues[ahead][0]
        # a change of round ends the carried status, and a return to a round takes
        # up the status it had
        if sent_round is not None and ctx.round is not None and sent_round != ctx.round:
            ctx.by_round[ctx.round] = (ctx.status, ctx.from_seats)
            ctx.status, ctx.from_seats = ctx.by_round.get(sent_round, (None, False))
        turnout_only = has_results and _SEAT_OR_VOTE_KINDS.isdisjoint(kinds)
        if drafts:
            sentence = span_text(doc, s, e).strip()  # one text for its claims
        for d in drafts:
            status = _draft_status(
                doc,
                words,
                s,
                e,
                d,
                sentence_cues[idx],
                cue,
                fused,
                ctx,
                has_results,
                turnout_only,
            )
            rnd = _draft_round(sentence_cues[idx], d, status, ctx)
            claims.append(
                make(d, status, rnd, sources.get(d.figure.start, []), sentence)
            )
        if cue:
            ctx.status = cue
            ctx.from_seats = bool(drafts) and kinds <= _SEAT_KINDS
        if sent_round is not None:
            ctx.round = sent_round
    return claims


# A Claim validated from a dict of its fields by the model's own validator: the
# validation `Claim(**fields)` and `Claim.model_validate` run, less their Python
# wrappers and keyword packing (a third of the cost of a claim, ~25 an article)
_validate_claim = Claim.__pydantic_validator__.validate_python


@lru_cache(maxsize=1)
def _elections_by_body() -> dict[str, str]:
    """body -> the name of its election, from patterns/turnout.json."""
    return dict(load_json("turnout.json")["elections_by_body"])


class _ClaimMaker:
    """Builds the `Claim`s of one article: the token offsets are read once, and each
    subject phrase is resolved to its id once however many figures it has."""

    def __init__(
        self, doc: Doc, article_id: str, country: str | None, body: str | None
    ) -> None:
        self.words, _ = token_texts(doc)
        self.starts = token_starts(doc)
        self.article_id = article_id
        self.country = country
        self.subject_ids: dict[str, str | None] = {}
        # the article's election, named for a turnout whose sentence names none
        self.election = _elections_by_body().get(body) if body else None

    def __call__(
        self, d: Draft, status: str, rnd: int | None, sources, sentence: str
    ) -> Claim:
        f = d.figure
        start = self.starts[min(f.qualifier_start, f.start)]
        end = self.starts[f.end - 1] + len(self.words[f.end - 1])
        subject = d.subject_text
        subject_id = None
        if (
            subject is None
            and d.kind == "turnout"
            and self.election
            and (d.noun[0] is not None or d.unit != "votes")
        ):
            # "Turnout was 44 percent, the commission said": the turnout of the
            # article's election (guidelines). (A bare figure taken as a count of
            # votes from its context, "on June 9, 4333", is too weak a turnout to
            # name an election for.)
            subject = self.election
        elif subject:
            subject_id = self.subject_ids.get(subject)
            if subject_id is None and subject not in self.subject_ids:
                subject_id = self.subject_ids[subject] = resolve_subject(
                    subject, self.country
                )
            if subject_id is None:
                subject_id = d.subject_id
        return _validate_claim(
            {
                "article": self.article_id,
                "kind": d.kind,
                "subject": subject,
                "subject_id": subject_id,
                "value": d.value,
                "unit": d.unit,
                "qualifier": d.qualifier,
                "of_total": d.of_total,
                "sources": list(sources),
                "status": status,
                "round": rnd,
                "sentence": sentence,
                "start": start,
                "end": end,
            }
        )


def describe_article(
    article: Article,
    claims: list[Claim],
    contest: tuple[str | None, str | None] | None = None,
) -> ArticleInfo:
    """The article record kept beside the claims: date and contest."""
    date, date_source = article_date(article)
    country, body = contest or detect_contest(article.text, article.title)
    return ArticleInfo(
        article=article.id,
        title=article.title,
        url=article.url,
        date=date,
        date_source=date_source,
        country=country,
        body=body,
        claims=len(claims),
    )


def process_article(
    article: Article, nlp: Language | None = None
) -> tuple[ArticleInfo, list[Claim]]:
    """Extract the claims of one article, and its article record: a batch of one
    of `process_articles`."""
    return next(_process_batch([article], nlp or load_pipeline()))


#: Articles processed together by `process_articles`. With the cyclic collector
#: paused over a batch (`_cyclic_gc_paused`), it walks the batch's young objects
#: once a batch, when it is on again: 64 a batch ran ~2% faster than 32 (128:
#: ~0.5% more), for ~9 MB more memory (~26 MB at 128).
BATCH_SIZE = 64


def process_articles(
    articles: Iterable[Article],
    nlp: Language | None = None,
    *,
    batch_size: int = BATCH_SIZE,
) -> Iterator[tuple[ArticleInfo, list[Claim]]]:
    """Extract claims from a stream of articles, in input order, a batch at a time.

    Each stage runs over the whole batch before the next starts: the articles of a
    batch are tokenised together, then each component runs over all of them, then
    contest detection, then each stage of the claims (`claims_from_docs`). Every
    stage then works from a warm CPU cache: taking turns article by article, the
    tokenizer ran ~40% slower than alone, and the whole run ~5% slower.

    Python's cyclic garbage collector is paused while a batch's stages run, and is
    on again (if it was on) whenever this yields (`_cyclic_gc_paused`).
    """
    nlp = nlp or load_pipeline()
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _process_batch(batch, nlp)
            batch = []
    if batch:
        yield from _process_batch(batch, nlp)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Hold off Python's cyclic garbage collector for the block, then restore it.

    The stages make and drop hundreds of thousands of small lists, tuples and dicts
    an article. Each is freed by its reference count the moment it is dropped (a
    run leaves no reference cycles behind: `gc.collect()` after a batch finds
    nothing), yet every 700 allocations the collector walks the young ones still
    alive, and the batch's views and drafts are walked again and again as they age.
    That was ~6% of a run for nothing. A collector the caller had turned off stays
    off; one that was on is on again when the block ends, even by an exception.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _process_batch(
    articles: list[Article], nlp: Language
) -> Iterator[tuple[ArticleInfo, list[Claim]]]:
    # (paused only while the stages run, never across a `yield` to the caller)
    with _cyclic_gc_paused():
        docs = [nlp.make_doc(a.text) for a in articles]
        for _, proc in nlp.pipeline:
            pipe = getattr(proc, "pipe", None)
            if pipe is not None:
                docs = list(pipe(docs, batch_size=len(docs)))
            else:
                docs = [proc(doc) for doc in docs]
        contests = [detect_contest(a.text, a.title) for a in articles]
        found = claims_from_docs(
            [
                (doc, article.id, contest[0], contest[1])
                for doc, article, contest in zip(docs, articles, contests, strict=True)
            ]
        )
    for doc, article, contest, claims in zip(
        docs, articles, contests, found, strict=True
    ):
        # The cached views in user_data include Spans, which point back at the Doc:
        # the cycle leaves every Doc to the garbage collector. Nothing reads the
        # views after this, so break the cycle.
        doc.user_data.clear()
        yield describe_article(article, claims, contest), claims


def extract_text(
    text: str, *, article: str = "text", nlp: Language | None = None
) -> list[Claim]:
    """The claims in a piece of text: `extract_text("Fars said X won 33 seats.")`."""
    return process_article(Article(id=article, text=text), nlp)[1]
