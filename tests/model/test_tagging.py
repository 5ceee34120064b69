"""Tag schemes: decoding, encoding, and exact round trips."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from seqeval.metrics.sequence_labeling import get_entities
from seqeval.scheme import IOBES, Entities

from model.spans import Entity
from model.tagging import IPolicy, Scheme, TagSequenceError, detect_scheme, entities_to_tags, tags_to_entities


@pytest.mark.parametrize(
    ("tags", "scheme", "expected"),
    [
        (
            ["B-PER", "I-PER", "O", "B-LOC", "B-LOC"],
            Scheme.BIO,
            [Entity(0, 2, "PER"), Entity(3, 4, "LOC"), Entity(4, 5, "LOC")],
        ),
        (["S-PER", "B-LOC", "I-LOC", "E-LOC", "O"], Scheme.BIOES, [Entity(0, 1, "PER"), Entity(1, 4, "LOC")]),
        (["B-ORG", "M-ORG", "E-ORG", "S-PER"], Scheme.BMES, [Entity(0, 3, "ORG"), Entity(3, 4, "PER")]),
        (["B-PER", "I-LOC"], Scheme.BIO, [Entity(0, 1, "PER"), Entity(1, 2, "LOC")]),  # repaired
        ([], Scheme.BIO, []),
    ],
)
def test_decode(tags: list[str], scheme: Scheme, expected: list[Entity]) -> None:
    assert tags_to_entities(tags, scheme) == expected


def test_strict_policy_names_the_position() -> None:
    with pytest.raises(TagSequenceError) as info:
        tags_to_entities(["O", "B-PER", "I-LOC"], Scheme.BIO, IPolicy.REJECT)
    assert info.value.index == 2


def test_detection() -> None:
    assert detect_scheme(["O", "B-PER", "I-PER"]) is Scheme.BIO
    assert detect_scheme(["S-PER", "O"]) is Scheme.BIOES
    assert detect_scheme(["B-PER", "M-PER", "E-PER"]) is Scheme.BMES


def test_encoding_refuses_overlap_and_range() -> None:
    with pytest.raises(ValueError, match="overlaps"):
        entities_to_tags(5, [Entity(0, 3, "PER"), Entity(2, 4, "LOC")], Scheme.BIO)
    with pytest.raises(ValueError, match="outside"):
        entities_to_tags(2, [Entity(1, 3, "PER")], Scheme.BIO)


@st.composite
def tagged(draw: st.DrawFn) -> tuple[int, list[Entity]]:
    length = draw(st.integers(0, 40))
    cuts = sorted(draw(st.sets(st.integers(0, length), max_size=12)))
    entities = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if a < b:
            entities.append(Entity(a, b, draw(st.sampled_from(["PER", "LOC", "ORG", "MISC"]))))
    return length, entities


@given(tagged(), st.sampled_from(list(Scheme)))
def test_round_trip(sample: tuple[int, list[Entity]], scheme: Scheme) -> None:
    length, entities = sample
    tags = entities_to_tags(length, entities, scheme)
    assert tags_to_entities(tags, scheme, IPolicy.REJECT) == entities


@given(st.lists(st.sampled_from(["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]), max_size=30))
def test_lenient_bio_decoding_agrees_with_seqeval(tags: list[str]) -> None:
    expected = [Entity(start, end + 1, label) for label, start, end in get_entities(tags)]
    assert tags_to_entities(tags, Scheme.BIO) == expected


@given(tagged())
def test_strict_bioes_refuses_what_seqeval_strict_mode_drops(sample: tuple[int, list[Entity]]) -> None:
    """Break one well-formed BIOES sequence (drop an E-, turn an S- into a B-): strict decoding refuses it,
    and seqeval's strict IOBES mode finds fewer entities in it."""
    length, entities = sample
    tags = entities_to_tags(length, entities, Scheme.BIOES)
    closers = [i for i, t in enumerate(tags) if t[0] in "ES"]
    if not closers:
        return
    i = closers[0]
    tags[i] = ("I-" if tags[i][0] == "E" else "B-") + tags[i][2:]
    kept = Entities([tags], IOBES).entities[0]
    assert len(kept) == len(entities) - 1
    with pytest.raises(TagSequenceError, match="never closed"):
        tags_to_entities(tags, Scheme.BIOES, IPolicy.REJECT)
