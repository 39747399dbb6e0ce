"""Who gives each figure: source mentions, attribution cues and chains (being written)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from extract.models import Source


@Language.factory("election_sources")
def create_source_ruler(nlp: Language, name: str):
    def election_sources(doc: Doc) -> Doc:
        doc.spans["sources"] = []
        return doc

    return election_sources


def attribute(doc: Doc, figure_tokens: Sequence[int]) -> dict[int, list[Source]]:
    """The source chain (originator first) for each figure, keyed by its token index."""
    return {i: [] for i in figure_tokens}


def resolve_source(name: str) -> str | None:
    """The canonical id for a source name as written, or None."""
    return None
