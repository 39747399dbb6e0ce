"""Articles in, claims out: the extraction stages joined together.

    Article -> spaCy Doc -> figure spans -> claims (+ sources, status, round) -> Claim

Everything the `extract run` command does per article goes through `process_article`
(one article) or `process_articles` (a stream, batched through `nlp.pipe`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from extract.models import Article, ArticleInfo, Claim
from extract.nlp import load_pipeline


def claims_from_doc(doc, article_id: str) -> list[Claim]:
    """Every claim in one processed Doc (being written)."""
    return []


def describe_article(article: Article, claims: list[Claim]) -> ArticleInfo:
    """The article record kept beside the claims (date, contest) (being written)."""
    return ArticleInfo(
        article=article.id, title=article.title, url=article.url, date=article.date,
        claims=len(claims),
    )


def process_article(article: Article, nlp: Language | None = None) -> tuple[ArticleInfo, list[Claim]]:
    """Extract the claims of one article, and its article record."""
    nlp = nlp or load_pipeline()
    doc = nlp(article.text)
    claims = claims_from_doc(doc, article.id)
    return describe_article(article, claims), claims


def process_articles(
    articles: Iterable[Article], nlp: Language | None = None, *, batch_size: int = 32
) -> Iterator[tuple[ArticleInfo, list[Claim]]]:
    """Extract claims from a stream of articles, in input order, via `nlp.pipe`."""
    nlp = nlp or load_pipeline()
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        claims = claims_from_doc(doc, article.id)
        yield describe_article(article, claims), claims


def extract_text(text: str, *, article: str = "text", nlp: Language | None = None) -> list[Claim]:
    """The claims in a piece of text: `extract_text("Fars said X won 33 seats.")`."""
    return process_article(Article(id=article, text=text), nlp)[1]
