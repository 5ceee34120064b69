"""Tag schemes for character- and token-level sequence labelling: BIO (IOB2), BIOES (IOBES) and BMES.

``tags_to_entities`` turns one tag per position into entities; ``entities_to_tags`` goes back. Both are exact
inverses for any set of non-overlapping entities, which is what the round-trip tests rely on.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence

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


def tags_to_entities(
    tags: Sequence[str], scheme: Scheme, policy: IPolicy = IPolicy.REPAIR
) -> list[Entity]:
    """Decode a tag sequence. Raises TagSequenceError (with the position) for tags outside the scheme,
    and, under ``IPolicy.REJECT``, for inside/end tags that do not continue an open entity of their label."""
    allowed = _PREFIXES[scheme]
    inside = "M" if scheme is Scheme.BMES else "I"
    entities: list[Entity] = []
    open_start: int | None = None
    open_label: str | None = None

    def close(end: int) -> None:
        nonlocal open_start, open_label
        if open_start is not None and open_label is not None:
            entities.append(Entity(open_start, end, open_label))
        open_start = open_label = None

    for i, tag in enumerate(tags):
        try:
            prefix, label = split_tag(tag)
        except TagSequenceError as exc:
            raise TagSequenceError(i, str(exc)) from None
        if prefix == "O":
            close(i)
            continue
        if prefix not in allowed:
            raise TagSequenceError(i, f"tag {tag!r} does not belong to the {scheme.upper()} scheme")
        continues = open_start is not None and open_label == label
        if prefix in ("B", "S"):
            close(i)
            open_start, open_label = i, label
            if prefix == "S":
                close(i + 1)
        elif prefix in (inside, "E"):
            if not continues:
                if policy is IPolicy.REJECT:
                    raise TagSequenceError(i, f"tag {tag!r} continues no open {label} entity")
                close(i)
                open_start, open_label = i, label
            if prefix == "E":
                close(i + 1)
        else:  # an I in BMES or an M in BIO/BIOES never reaches here: filtered by `allowed`
            raise TagSequenceError(i, f"tag {tag!r} does not belong to the {scheme.upper()} scheme")
    close(len(tags))
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
