"""The records that flow between stages: articles in, claims out.

`Claim` has exactly the fields of SPEC.md (one JSON object per line). `Article` is an
input record; `ArticleInfo` is what later stages (the reconciler) need to know about an
article without its text: its date and the contest it reports on.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["seats", "votes", "turnout", "seats_total", "other_count"]
Unit = Literal["seats", "votes", "percent", "voters", "people"]
Qualifier = Literal["exact", "approx", "at_least", "at_most"]
Status = Literal["final", "preliminary", "partial", "conditional", "unknown"]

KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
UNITS: tuple[str, ...] = Unit.__args__  # type: ignore[attr-defined]
QUALIFIERS: tuple[str, ...] = Qualifier.__args__  # type: ignore[attr-defined]
STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]


class Source(BaseModel):
    """Who an article attributes a figure to: an agency, outlet, official or body."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="The source as written, e.g. 'Fars news agency'.")
    id: str | None = Field(
        default=None,
        description="Canonical id from the alias data, or null if unknown.",
    )


class Claim(BaseModel):
    """One figure stated in one article: who says what number about whom."""

    model_config = ConfigDict(extra="forbid")

    article: str = Field(
        description="Input id: path relative to the folder, or record id."
    )
    kind: Kind
    subject: str | None = Field(
        description="Party, coalition, candidate or electorate."
    )
    subject_id: str | None = Field(default=None, description="Canonical subject id.")
    value: float | int = Field(description="The number: '11 million' is 11000000.")
    unit: Unit
    qualifier: Qualifier = "exact"
    of_total: float | int | None = Field(
        default=None, description="Stated denominator."
    )
    sources: list[Source] = Field(
        default_factory=list, description="Originator first, relays after."
    )
    status: Status = "unknown"
    round: int | None = Field(default=None, ge=1)
    sentence: str = Field(description="The sentence the figure stands in.")
    start: int = Field(
        ge=0, description="Start offset of the figure's words in the text."
    )
    end: int = Field(ge=0, description="End offset of the figure's words in the text.")


class Article(BaseModel):
    """An input article. `id` is the path relative to the folder given, or a record
    id."""

    model_config = ConfigDict(extra="forbid")

    id: str
    text: str
    title: str | None = None
    date: str | None = Field(default=None, description="Date as given in metadata.")
    url: str | None = None


class ArticleInfo(BaseModel):
    """What the reconciler needs to know about an article, written beside the claims."""

    model_config = ConfigDict(extra="forbid")

    article: str
    title: str | None = None
    url: str | None = None
    date: str | None = Field(default=None, description="ISO date (YYYY-MM-DD) or null.")
    date_source: Literal["metadata", "text"] | None = None
    country: str | None = Field(
        default=None, description="Country id the article is about."
    )
    body: str | None = Field(
        default=None,
        description="Body elected: 'parliament', 'president', ... or null.",
    )
    claims: int = 0


def claim_schema() -> dict:
    """The JSON Schema of one claim line."""
    return Claim.model_json_schema()
