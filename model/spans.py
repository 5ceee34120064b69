"""Value objects shared by every layer: spans, labels, documents, annotators.

Offsets are Python code-point offsets into a document's stored text, half-open ``[start, end)``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NewType

from model.reasons import Reason, ReasonKind
from model.text import normalise_newlines

DocumentId = NewType("DocumentId", int)
SpanId = NewType("SpanId", int)
AnnotatorId = NewType("AnnotatorId", int)


class Layer(enum.StrEnum):
    """Whose span it is: the machine's suggestions, one annotator's decisions, or the adjudicated gold."""

    SUGGESTION = "suggestion"
    ANNOTATOR = "annotator"
    GOLD = "gold"


class Status(enum.StrEnum):
    SUGGESTED = "suggested"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Origin(enum.StrEnum):
    JIEBA = "jieba"
    RULE = "rule"
    DICTIONARY = "dictionary"
    PROPAGATED = "propagated"
    MODEL = "model"
    PRETRAINED = "pretrained"  # a pretrained tagger (model.pretrained); stored as MODEL (storage.suggestions)
    HUMAN = "human"
    IMPORTED = "imported"


class OriginDetail(enum.StrEnum):
    """Origin details that carry a rule (most details are free text for people: a rule's name, a file)."""

    CORPUS_OFFER = "labelled across the corpus"  # an annotator offered the span in other documents: kept


# A pretrained tagger's suggestions (origin ``pretrained`` in ``model``) are stored with origin ``model`` and
# this prefix before the detail (``pretrained:lac``): the schema's origins stay as they are.
PRETRAINED_DETAIL = "pretrained:"
# An annotator's edit of a machine's span (``model.commands.ReplaceSpan``) is the annotator's span: origin
# ``human``, detail ``"<verb> of <origin>"`` naming the machine that first proposed it (``resize of model``).
EDIT_VERBS = ("resize", "relabel", "edit")


class Role(enum.StrEnum):
    """What a person may do in a project (``model.roles``): annotate; also review and write gold; also
    define the labels, assign documents and give roles."""

    ANNOTATOR = "annotator"
    REVIEWER = "reviewer"
    LEAD = "lead"


class DocState(enum.StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class OffsetError(ValueError):
    """A span's offsets do not fit the text they point into: ``[start, end)`` against a text of ``length``
    characters (the stored document ``document``, where there is one). ``refusal`` says it for a window
    (``model.reasons``); ``str()`` is its English."""

    def __init__(self, start: int, end: int, length: int, document: int | None = None) -> None:
        self.start, self.end, self.length, self.document = start, end, length, document
        if document is None:
            self.refusal = Reason.of(ReasonKind.OFFSET_TEXT, start=start, end=end, length=length)
        else:
            self.refusal = Reason.of(
                ReasonKind.OFFSET_DOCUMENT, start=start, end=end, length=length, document=document
            )
        super().__init__(str(self.refusal))


@dataclass(frozen=True, slots=True)
class Entity:
    """The bare fact a span asserts: ``text[start:end]`` is a ``label``. Hashable, comparable."""

    start: int
    end: int
    label: str

    def check(self, text_length: int) -> None:
        if not (0 <= self.start < self.end <= text_length):
            raise OffsetError(self.start, self.end, text_length)

    def overlaps(self, other: Entity) -> bool:
        return self.start < other.end and other.start < self.end


def newlines_normalised(raw: str, entities: list[Entity]) -> tuple[str, list[Entity]]:
    """``raw`` with ``\\r\\n`` and lone ``\\r`` read as ``\\n`` (``model.text.normalise_newlines``), and
    ``entities`` moved with it; a span over half of a ``\\r\\n`` covers the line break it becomes."""
    text, mapper = normalise_newlines(raw)
    if text is raw:
        return raw, entities
    return text, [Entity(mapper(e.start, start=True), mapper(e.end), e.label) for e in entities]


@dataclass(frozen=True, slots=True)
class Span:
    """A stored span with its provenance."""

    id: SpanId | None
    document_id: DocumentId
    start: int
    end: int
    label: str
    layer: Layer
    status: Status
    origin: Origin
    annotator_id: AnnotatorId | None = None
    origin_detail: str | None = None
    score: float | None = None
    version: int = 1

    @property
    def entity(self) -> Entity:
        return Entity(self.start, self.end, self.label)


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    colour: str
    hotkey: str | None = None
    position: int = 0
    description: str = ""


@dataclass(frozen=True, slots=True)
class Annotator:
    id: AnnotatorId
    name: str
    role: Role = Role.ANNOTATOR


@dataclass(frozen=True, slots=True)
class Document:
    id: DocumentId
    title: str
    text: str
    source: str
    content_hash: str
    meta: dict[str, Any] = field(default_factory=dict)
    imported_at: datetime | None = None


# Colours by label position that stay apart for the common colour-vision deficiencies, from published
# CVD-safe palettes (Paul Tol's "vibrant" and "muted", Okabe & Ito). The first four (the default labels') are
# checked under simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009) by
# tests/gui/test_palette.py; the window can show any project in them (View → Colour-vision-safe colours).
SAFE_COLOURS = (
    "#CC3311",
    "#88CCEE",
    "#332288",
    "#F0E442",
    "#44AA99",
    "#999933",
    "#AA4499",
    "#DDCC77",
    "#882255",
    "#117733",
)

# The default label set for news. PER/LOC/ORG follow the MSRA / People's Daily conventions.
DEFAULT_LABELS: tuple[Label, ...] = (
    Label("PER", SAFE_COLOURS[0], "1", 0, "Person: real or fictional people, including transliterated names"),
    Label("LOC", SAFE_COLOURS[1], "2", 1, "Location: countries, regions, cities, geographic features"),
    Label(
        "ORG", SAFE_COLOURS[2], "3", 2, "Organisation: governments, ministries, parties, companies, agencies"
    ),
    Label("MISC", SAFE_COLOURS[3], "4", 3, "Other named things: titles in 《》, events, laws, products"),
)


def edited_from(origin: str, detail: str | None) -> str | None:
    """The machine origin an annotator's edit names (``human``, ``relabel of model`` → ``model``) or None."""
    if origin != Origin.HUMAN or not detail:
        return None
    verb, of, source = detail.partition(" of ")
    return source if of and verb in EDIT_VERBS and source in set(Origin) - {Origin.HUMAN} else None


def machine_origin(span: Span) -> str | None:
    """The machine that first proposed ``span``, as the combiner names it (``pretrained`` for a pretrained
    tagger's): its origin, or for an annotator's edit the origin its detail names; None for a span drawn by
    hand."""
    if span.origin is Origin.HUMAN:
        return edited_from(span.origin, span.origin_detail)
    if span.origin is Origin.MODEL and (span.origin_detail or "").startswith(PRETRAINED_DETAIL):
        return str(Origin.PRETRAINED)
    return str(span.origin)
