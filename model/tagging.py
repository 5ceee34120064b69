"""Tag schemes for character- and token-level sequence labelling: BIO (IOB2), BIOES (IOBES) and BMES.

``tags_to_entities`` turns one tag per position into entities; ``entities_to_tags`` goes back. Both are exact
inverses for any set of non-overlapping entities, which is what the round-trip tests rely on.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from itertools import compress

from model.reasons import Reason, ReasonKind
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
    """A tag sequence that the scheme does not allow. ``index`` is the offending position; ``refusal`` says
    why (``model.reasons``; ``str()`` is its English)."""

    def __init__(self, index: int, reason: Reason) -> None:
        super().__init__(str(reason))
        self.index = index
        self.refusal = reason


_PREFIXES = {Scheme.BIO: {"B", "I"}, Scheme.BIOES: {"B", "I", "E", "S"}, Scheme.BMES: {"B", "M", "E", "S"}}


def split_tag(tag: str) -> tuple[str, str | None]:
    """``"B-PER"`` → ``("B", "PER")``; ``"O"`` → ``("O", None)``. Accepts ``_`` as separator too."""
    if tag == "O":
        return "O", None
    if len(tag) >= 3 and tag[1] in "-_" and tag[0] in "BIMESLU":
        prefix = tag[0]
        return ("E" if prefix == "L" else "S" if prefix == "U" else prefix), tag[2:]
    raise TagSequenceError(-1, Reason.of(ReasonKind.TAG_MALFORMED, tag=tag))


def iob1_begins(tags: Sequence[str]) -> bool:
    """Whether every ``B`` tag of ``tags`` follows a tag of its own type (``I-PER B-PER``): IOB1, the
    tagging of the original CoNLL-2003 files, where an ``I`` tag starts an entity and ``B`` only parts two
    adjacent entities of one type. IOB2 starts every entity with ``B`` (``O B-PER``)."""
    for i, tag in enumerate(tags):
        if tag[:1] == "B" and (i == 0 or tags[i - 1] == "O" or tags[i - 1][1:] != tag[1:]):
            return False
    return True


def detect_scheme(tags: Iterable[str]) -> Scheme:
    """The narrowest scheme whose prefixes cover every tag seen."""
    prefixes = {split_tag(t)[0] for t in tags} - {"O"}
    if "M" in prefixes:
        return Scheme.BMES
    if prefixes & {"E", "S"}:
        return Scheme.BIOES
    return Scheme.BIO


_KINDS: dict[Scheme, dict[str, tuple[bool, bool, str]]] = {scheme: {} for scheme in Scheme}


def _kind(tag: str, scheme: Scheme, index: int) -> tuple[bool, bool, str]:
    """``(begins an entity, ends one, label)`` for a tag of ``scheme``, remembered; raises at ``index``."""
    try:
        prefix, label = split_tag(tag)
    except TagSequenceError as exc:
        raise TagSequenceError(index, exc.refusal) from None
    if prefix not in _PREFIXES[scheme]:
        raise TagSequenceError(
            index, Reason.of(ReasonKind.TAG_OUTSIDE_SCHEME, tag=tag, scheme=scheme.upper())
        )
    kind = (prefix in ("B", "S"), prefix in ("S", "E"), label or "")
    if len(_KINDS[scheme]) < 8192:
        _KINDS[scheme][tag] = kind
    return kind


def _unclosed(tags: Sequence[str], start: int, label: str, scheme: Scheme) -> TagSequenceError:
    return TagSequenceError(
        start, Reason.of(ReasonKind.TAG_UNCLOSED, label=label, tag=tags[start], scheme=scheme.upper())
    )


def tags_to_entities(
    tags: Sequence[str],
    scheme: Scheme,
    policy: IPolicy = IPolicy.REPAIR,
    repaired: list[int] | None = None,
    unclosed: list[int] | None = None,
) -> list[Entity]:
    """Decode a tag sequence. Raises TagSequenceError (with the position) for tags outside the scheme, and,
    under ``IPolicy.REJECT``, for inside/end tags that do not continue an open entity of their label and, in
    BIOES and BMES, for an entity that its E- tag never closes (as seqeval's strict IOBES mode drops it).
    Under ``IPolicy.REPAIR`` such an inside tag starts an entity; its position is added to ``repaired``; and
    such an entity ends at its last tag; the position of its first tag is added to ``unclosed``."""
    entities: list[Entity] = []
    if tags.count("O") == len(tags):
        return entities
    kinds = _KINDS[scheme]
    strict = policy is IPolicy.REJECT
    must_close = strict and scheme is not Scheme.BIO
    open_start, open_label, last = -1, "", -2
    for i in compress(range(len(tags)), map("O".__ne__, tags)):
        begins, ends, label = kinds.get(tags[i]) or _kind(tags[i], scheme, i)
        if begins or open_start < 0 or i != last + 1 or open_label != label:  # it continues no entity
            if not begins:
                if strict:
                    raise TagSequenceError(
                        i, Reason.of(ReasonKind.TAG_CONTINUES_NOTHING, tag=tags[i], label=label)
                    )
                if repaired is not None:
                    repaired.append(i)
            if open_start >= 0:  # the open entity ended after the last tag
                if must_close:
                    raise _unclosed(tags, open_start, open_label, scheme)
                if unclosed is not None and scheme is not Scheme.BIO:
                    unclosed.append(open_start)
                entities.append(Entity(open_start, last + 1, open_label))
            open_start, open_label = i, label
        if ends:
            entities.append(Entity(open_start, i + 1, label))
            open_start = -1
        last = i
    if open_start >= 0:
        if must_close:
            raise _unclosed(tags, open_start, open_label, scheme)
        if unclosed is not None and scheme is not Scheme.BIO:
            unclosed.append(open_start)
        entities.append(Entity(open_start, last + 1, open_label))
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
            tags[e.start : e.end] = [f"B-{e.label}"] + [f"{inside}-{e.label}"] * (n - 2) + [f"E-{e.label}"]
    return tags
