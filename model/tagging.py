"""Tag schemes for character- and token-level sequence labelling: BIO (IOB2), BIOES (IOBES) and BMES.

``tags_to_entities`` turns one tag per position into entities; ``entities_to_tags`` goes back. Both are exact
inverses for any set of non-overlapping entities, which is what the round-trip tests rely on.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Sequence
from itertools import compress

from model.spans import Entity


class Scheme(enum.StrEnum):
    BIO = "bio"
    BIOES = "bioes"
    BMES = "bmes"


class IPolicy(enum.StrEnum):
    """What to do with an inside tag that does not continue an entity of its own type."""

    REPAIR = "repair"  # start a new entity there, as conlleval does
    REJECT = "reject"  # raise TagSequenceError


class TagSequenceError(ValueError):
    """A tag sequence that the scheme does not allow. ``index`` is the offending position."""

    def __init__(self, index: int, message: str) -> None:
        super().__init__(message)
        self.index = index


_PREFIXES = {
    Scheme.BIO: {"B", "I"},
    Scheme.BIOES: {"B", "I", "E", "S"},
    Scheme.BMES: {"B", "M", "E", "S"},
}


def split_tag(tag: str) -> tuple[str, str | None]:
    """``"B-PER"`` → ``("B", "PER")``; ``"O"`` → ``("O", None)``. Accepts ``_`` as separator too."""
    if tag == "O":
        return "O", None
    if len(tag) >= 3 and tag[1] in "-_" and tag[0] in "BIMESLU":
        prefix = tag[0]
        return ("E" if prefix == "L" else "S" if prefix == "U" else prefix), tag[2:]
    raise TagSequenceError(-1, f"not a tag: {tag!r} "
                               "(expected O or a prefix B/I/M/E/S and a label, e.g. B-PER)")


def detect_scheme(tags: Iterable[str]) -> Scheme:
    """The narrowest scheme whose prefixes cover every tag seen."""
    prefixes = {split_tag(t)[0] for t in tags} - {"O"}
    if "M" in prefixes:
        return Scheme.BMES
    if prefixes & {"E", "S"}:
        return Scheme.BIOES
    return Scheme.BIO


@functools.lru_cache(maxsize=8192)
def _parsed(tag: str) -> tuple[str, str | None]:
    return split_tag(tag)


def tags_to_entities(
    tags: Sequence[str], scheme: Scheme, policy: IPolicy = IPolicy.REPAIR, repaired: list[int] | None = None
) -> list[Entity]:
    """Decode a tag sequence. Raises TagSequenceError (with the position) for tags outside the scheme, and,
    under ``IPolicy.REJECT``, for inside/end tags that do not continue an open entity of their label and, in
    BIOES and BMES, for an entity that its E- tag never closes (as seqeval's strict IOBES mode drops it).
    Under ``IPolicy.REPAIR`` such an inside tag starts an entity; its position is added to ``repaired``."""
    allowed = _PREFIXES[scheme]
    strict = policy is IPolicy.REJECT
    must_close = strict and scheme is not Scheme.BIO
    entities: list[Entity] = []
    open_start: int | None = None
    open_label: str | None = None
    last = -1

    def unclosed() -> TagSequenceError:
        assert open_start is not None
        return TagSequenceError(
            open_start, f"the {open_label} entity begun by {tags[open_start]!r} is never closed by an E- tag "
            f"({scheme.upper()} scheme)")

    if tags.count("O") == len(tags):
        return entities
    for i in compress(range(len(tags)), map("O".__ne__, tags)):
        if open_start is not None and i != last + 1:  # O tags in between end the open entity
            if must_close:
                raise unclosed()
            entities.append(Entity(open_start, last + 1, open_label or ""))
            open_start = open_label = None
        last = i
        tag = tags[i]
        try:
            prefix, label = _parsed(tag)
        except TagSequenceError as exc:
            raise TagSequenceError(i, str(exc)) from None
        if prefix not in allowed:
            raise TagSequenceError(i, f"tag {tag!r} does not belong to the {scheme.upper()} scheme")
        if prefix in ("B", "S") or open_start is None or open_label != label:
            if prefix not in ("B", "S"):  # an inside or end tag that continues nothing
                if strict:
                    raise TagSequenceError(i, f"tag {tag!r} continues no open {label} entity")
                if repaired is not None:
                    repaired.append(i)
            if open_start is not None:
                if must_close:
                    raise unclosed()
                entities.append(Entity(open_start, i, open_label or ""))
            open_start, open_label = i, label
        if prefix in ("S", "E"):
            entities.append(Entity(open_start, i + 1, label or ""))
            open_start = open_label = None
    if open_start is not None:
        if must_close:
            raise unclosed()
        entities.append(Entity(open_start, last + 1, open_label or ""))
    return entities


def entities_to_tags(length: int, entities: Iterable[Entity], scheme: Scheme) -> list[str]:
    """Encode non-overlapping entities over ``length`` positions. Raises ValueError on overlap or range."""
    tags = ["O"] * length
    inside = "M" if scheme is Scheme.BMES else "I"
    for e in sorted(entities, key=lambda e: e.start):
        if not (0 <= e.start < e.end <= length):
            raise ValueError(f"entity [{e.start}, {e.end}) outside 0..{length}")
        if any(t != "O" for t in tags[e.start : e.end]):
            raise ValueError(f"entity [{e.start}, {e.end}) {e.label} overlaps another entity")
        n = e.end - e.start
        if scheme is Scheme.BIO:
            tags[e.start : e.end] = [f"B-{e.label}"] + [f"I-{e.label}"] * (n - 1)
        elif n == 1:
            tags[e.start] = f"S-{e.label}"
        else:
            tags[e.start : e.end] = (
                [f"B-{e.label}"] + [f"{inside}-{e.label}"] * (n - 2) + [f"E-{e.label}"]
            )
    return tags
