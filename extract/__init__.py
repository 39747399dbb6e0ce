"""Election figures and their sources, pulled out of news text.

    >>> from extract import extract_text
    >>> text = "Fars said the reformists won 33 of the 68 seats."
    >>> [c.value for c in extract_text(text)]
    [33]

The exports are loaded on first use, so `import extract` (and `extract --help`, and a
fully cached `extract run`) does not pay for importing spaCy.
"""

from __future__ import annotations

from importlib import import_module

_EXPORTS = {
    "Article": "extract.models",
    "ArticleInfo": "extract.models",
    "Claim": "extract.models",
    "Source": "extract.models",
    "extract_text": "extract.pipeline",
    "process_article": "extract.pipeline",
    "process_articles": "extract.pipeline",
}

__all__ = sorted(_EXPORTS)
__version__ = "0.1.0"


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
