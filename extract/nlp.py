"""Build the spaCy pipeline from the data in `patterns/`.

The default is `spacy.blank("en")` with rule-based components only; a user may name an
installed trained pipeline (`--model en_core_web_sm`), whose tagger/parser then run
first. Components are registered by name (`@Language.factory`) in their own modules.
"""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from extract import attribution, sentences, subjects  # noqa: F401  (register components)
from extract.tokens import TextKeepingTokenizer, lower_words, sentence_spans  # noqa: F401

# "the list.No conservatives": a full stop between a lower-case letter and a capital
# is a sentence end with the space missing; split it so the boundary can be seen.
# "al-Sadr", "U.S." and "1.2m" are not affected.
_MISSING_SPACE = r"(?<=[a-z]{2})\.(?=[A-Z][a-z])"


def _tune_tokenizer(nlp: Language) -> None:
    infixes = list(nlp.Defaults.infixes) + [_MISSING_SPACE]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def build_pipeline(model: str | None = None) -> Language:
    """A fresh pipeline: blank English (or `model`) plus the rule-based components."""
    if model:
        try:
            nlp = spacy.load(model, exclude=["ner", "lemmatizer", "textcat"])
        except OSError as exc:
            raise ValueError(
                f"spaCy pipeline {model!r} is not installed; install it or leave out "
                "--model"
            ) from exc
    else:
        nlp = spacy.blank("en")
    _tune_tokenizer(nlp)
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    if "parser" in nlp.pipe_names or "senter" in nlp.pipe_names:
        nlp.add_pipe(
            "news_sentences", before="parser" if "parser" in nlp.pipe_names else None
        )
    else:
        nlp.add_pipe("news_sentences")
    nlp.add_pipe("election_sources")
    nlp.add_pipe("election_subjects")
    _empty_chunk_cache(nlp.tokenizer.tokenizer)
    return nlp


def _empty_chunk_cache(tokenizer) -> None:
    """Forget the chunks the components' patterns were tokenised into.

    spaCy's tokenizer keeps the tokens of each whitespace-separated chunk it has
    split, but only its first `max_cache_size` (10,000) distinct chunks. Building
    the components tokenises thousands of alias, country and cue phrases, which
    took most of those places: the articles' own words were then split anew each
    time they came, and tokenising ran ~15% slower than in a bare pipeline. Emptied,
    the cache fills with the words articles use.
    """
    flush = getattr(tokenizer, "_flush_cache", None)  # (spaCy's Tokenizer)
    if flush is not None:
        flush()


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """The pipeline for this process, built once."""
    return build_pipeline(model)


__all__ = ["build_pipeline", "load_pipeline", "lower_words", "sentence_spans", "re"]
