"""Election figures and their sources, pulled out of news text.

    >>> from extract import extract_text
    >>> [c.value for c in extract_text("Fars said the reformists won 33 of the 68 seats.")]
    [33]
"""

from extract.models import Article, ArticleInfo, Claim, Source
from extract.pipeline import extract_text, process_article, process_articles

__all__ = [
    "Article",
    "ArticleInfo",
    "Claim",
    "Source",
    "extract_text",
    "process_article",
    "process_articles",
]
__version__ = "0.1.0"
