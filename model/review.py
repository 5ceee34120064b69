"""Aligning several annotators' spans of one document into agreements and classified disagreements, and
resolving each disagreement (take A, take B, take both, reject all, edit by hand)."""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from model.spans import Entity


class Kind(enum.StrEnum):
    LABEL = "label differs"
    BOUNDARY = "boundary differs"
    ONLY_ONE = "only one annotator marked it"
    MIXED = "label and boundary differ"


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A cluster of overlapping spans on which the annotators do not all agree."""

    start: int
    end: int
    kind: Kind
    spans: Mapping[str, tuple[Entity, ...]]  # annotator -> their spans in the cluster (possibly none)

    def choices(self) -> list[str]:
        """Annotators whose version can be taken (those who marked something here)."""
        return [name for name, spans in self.spans.items() if spans]

    def both(self) -> list[Entity] | None:
        """Every distinct span of the cluster, if none of them overlap each other; else None."""
        distinct = sorted({e for spans in self.spans.values() for e in spans}, key=lambda e: (e.start, e.end))
        if any(a.overlaps(b) for a, b in itertools.pairwise(distinct)):
            return None
        return distinct


@dataclass(slots=True)
class Alignment:
    agreed: list[Entity] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)


def align(layers: Mapping[str, Sequence[Entity]]) -> Alignment:
    """Group the spans of all annotators into clusters of (transitively) overlapping spans; a cluster in
    which every annotator has exactly the same spans is agreed, any other cluster is a disagreement."""
    names = sorted(layers)
    tagged = sorted(
        ((e, name) for name in names for e in set(layers[name])), key=lambda x: (x[0].start, x[0].end)
    )
    clusters: list[list[tuple[Entity, str]]] = []
    end = -1
    for entity, name in tagged:
        if clusters and entity.start < end:
            clusters[-1].append((entity, name))
            end = max(end, entity.end)
        else:
            clusters.append([(entity, name)])
            end = entity.end
    result = Alignment()
    for cluster in clusters:
        per = {
            name: tuple(sorted((e for e, n in cluster if n == name), key=lambda e: e.start)) for name in names
        }
        versions = set(per.values())
        if len(versions) == 1:
            result.agreed.extend(next(iter(versions)))
            continue
        start = min(e.start for e, _ in cluster)
        stop = max(e.end for e, _ in cluster)
        result.disagreements.append(Disagreement(start, stop, _classify(per), per))
    return result


def _classify(per: Mapping[str, tuple[Entity, ...]]) -> Kind:
    marked = [spans for spans in per.values() if spans]
    bounds = {tuple((e.start, e.end) for e in spans) for spans in marked}
    labels = {e.label for spans in marked for e in spans}
    if len(marked) < len(per):  # somebody left it unmarked
        return Kind.ONLY_ONE if len(set(marked)) == 1 else Kind.MIXED
    if len(bounds) == 1:
        return Kind.LABEL
    return Kind.BOUNDARY if len(labels) == 1 else Kind.MIXED


class Resolution(enum.StrEnum):
    TAKE = "take"  # one annotator's version
    BOTH = "both"
    REJECT = "reject all"
    EDIT = "edit"


@dataclass(frozen=True, slots=True)
class Decision:
    """How one disagreement was resolved; ``entities`` is what goes to gold for it."""

    resolution: Resolution
    entities: tuple[Entity, ...]
    source: str | None = None  # the annotator taken, for TAKE

    def describe(self) -> str:
        return f"took {self.source}" if self.resolution is Resolution.TAKE else str(self.resolution)


def resolve(
    disagreement: Disagreement,
    resolution: Resolution,
    source: str | None = None,
    edited: Sequence[Entity] = (),
) -> Decision:
    if resolution is Resolution.TAKE:
        if source is None or source not in disagreement.spans:
            raise ValueError(f"{source!r} did not annotate this document")
        return Decision(resolution, disagreement.spans[source], source)
    if resolution is Resolution.BOTH:
        both = disagreement.both()
        if both is None:
            raise ValueError("the versions overlap each other: take one of them or edit by hand")
        return Decision(resolution, tuple(both))
    if resolution is Resolution.REJECT:
        return Decision(resolution, ())
    return Decision(resolution, tuple(edited))


def decisions_from_gold(
    alignment: Alignment, gold: Sequence[Entity], why: Mapping[Entity, str] | None = None
) -> dict[int, Decision]:
    """The decisions an earlier review wrote to ``gold``, read back per disagreement (index → decision): its
    gold spans there are an annotator's version (taken), every version side by side (both), nothing (reject
    all) or the reviewer's own (edit). A reviewed document opened again shows what was decided, and saving it
    again keeps it, where it showed every disagreement open and a save wrote gold without them.

    ``why`` is what the review recorded for each gold span (``Decision.describe()``: "took alice", "edit",
    "both"); where it says, it is believed: an edit that came out equal to one annotator's version stays
    an edit (the reviewer typed it; it read back as "took alice" and was saved so from then on), and a
    version two annotators share stays the one taken. Without a record (gold imported, or written before)
    the spans say."""
    out: dict[int, Decision] = {}
    for index, d in enumerate(alignment.disagreements):
        inside = _ordered(e for e in gold if e.start < d.end and d.start < e.end)
        recorded = _recorded(d, inside, why or {})
        taken = next((n for n in sorted(d.spans) if d.spans[n] and _ordered(d.spans[n]) == inside), None)
        if not inside:
            out[index] = Decision(Resolution.REJECT, ())
        elif recorded is not None:
            out[index] = recorded
        elif taken is not None:
            out[index] = Decision(Resolution.TAKE, inside, taken)
        elif list(inside) == d.both():
            out[index] = Decision(Resolution.BOTH, inside)
        else:
            out[index] = Decision(Resolution.EDIT, inside)
    return out


def _recorded(d: Disagreement, inside: tuple[Entity, ...], why: Mapping[Entity, str]) -> Decision | None:
    """The decision the review recorded for these spans, if they all carry the same one and it still fits."""
    said = {why.get(e) for e in inside}
    if len(said) != 1:
        return None
    (note,) = said
    if note == str(Resolution.EDIT):
        return Decision(Resolution.EDIT, inside)
    if note == str(Resolution.BOTH) and list(inside) == d.both():
        return Decision(Resolution.BOTH, inside)
    source = note[len("took ") :] if note is not None and note.startswith("took ") else None
    if source is not None and source in d.spans and _ordered(d.spans[source]) == inside:
        return Decision(Resolution.TAKE, inside, source)
    return None


def same_as(decision: Decision, disagreement: Disagreement) -> list[str]:
    """The annotators whose version an edit came out equal to (none for another resolution)."""
    if decision.resolution is not Resolution.EDIT or not decision.entities:
        return []
    mine = _ordered(decision.entities)
    return [n for n in sorted(disagreement.spans) if _ordered(disagreement.spans[n]) == mine]


def _ordered(entities: Iterable[Entity]) -> tuple[Entity, ...]:
    return tuple(sorted(entities, key=lambda e: (e.start, e.end, e.label)))
