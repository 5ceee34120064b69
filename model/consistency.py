"""Consistency over a corpus: the same string labelled differently, or labelled in one place and left
unlabelled in another. Pure: takes texts and entities, returns findings to navigate."""

from __future__ import annotations

import enum
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import ahocorasick  # type: ignore[import-not-found]

from model.spans import Entity


class Finding(enum.StrEnum):
    LABEL_VARIES = "labelled differently elsewhere"
    UNLABELLED = "labelled elsewhere, not here"


@dataclass(frozen=True, slots=True)
class Inconsistency:
    kind: Finding
    surface: str
    document_id: int
    start: int
    end: int
    label: str | None  # the label here (None: unlabelled here)
    elsewhere: tuple[tuple[str, int], ...]  # (label, count) over the corpus, most common first


def check(
    texts: Mapping[int, str], spans: Mapping[int, Sequence[Entity]], min_length: int = 2
) -> list[Inconsistency]:
    """Findings over documents ``texts`` with their ``spans``. Strings shorter than ``min_length`` are only
    checked for varying labels (a single character unlabelled somewhere is usually not an entity there)."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for doc, entities in spans.items():
        for e in entities:
            labels[texts[doc][e.start : e.end]][e.label] += 1
    findings: list[Inconsistency] = []
    for doc, entities in spans.items():
        for e in entities:
            surface = texts[doc][e.start : e.end]
            if len(labels[surface]) > 1:
                findings.append(
                    Inconsistency(
                        Finding.LABEL_VARIES,
                        surface,
                        doc,
                        e.start,
                        e.end,
                        e.label,
                        tuple(labels[surface].most_common()),
                    )
                )
    candidates = [s for s in labels if len(s) >= min_length and s.strip()]
    if candidates:
        automaton = ahocorasick.Automaton()
        for surface in candidates:
            automaton.add_word(surface, surface)
        automaton.make_automaton()
        for doc, text in texts.items():
            covered = sorted((e.start, e.end) for e in spans.get(doc, ()))
            for last, surface in automaton.iter(text):
                start = last - len(surface) + 1
                end = last + 1
                if any(a <= start and end <= b for a, b in covered):
                    continue  # labelled here, or part of a longer entity
                if any(a < end and start < b for a, b in covered):
                    continue  # crosses another entity: a different reading of these characters
                findings.append(
                    Inconsistency(
                        Finding.UNLABELLED,
                        surface,
                        doc,
                        start,
                        end,
                        None,
                        tuple(labels[surface].most_common()),
                    )
                )
    findings.sort(key=lambda f: (f.surface, f.document_id, f.start))
    return findings
