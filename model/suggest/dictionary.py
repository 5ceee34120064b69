"""Surface-string dictionaries: the bundled gazetteer and the project's own memory of decisions.

``ProjectDictionary`` counts, per ``(surface, label)``, how often annotators accepted and rejected it.
``propagates`` and ``suppresses`` turn those counts into decisions:

* an entry is *propagated* (suggested wherever the string stands on word boundaries) once it has been accepted
  and its smoothed acceptance rate ``accepted / (accepted + rejected + 0.5)`` is at least 0.6; single
  characters never propagate (中, 美, 日 are far more often ordinary words than names);
* a single character accepted at least twice at that rate becomes a place *abbreviation* for the rules
  (paired abbreviations, 访X, X方, a lone abbreviation word), never a plain match;
* a suggestion of any origin is *suppressed* when its ``(surface, label)`` was rejected at least once and
  rejected more often than accepted (so a confirmed entry keeps being suggested despite the odd rejection).

``Matcher`` finds every dictionary string in a text with one Aho–Corasick pass (pyahocorasick).
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

import ahocorasick

logger = logging.getLogger(__name__)

MIN_PROPAGATION_RATE = 0.6


@dataclass(slots=True)
class _Counts:
    accepted: int = 0
    rejected: int = 0


class ProjectDictionary:
    """What the team has confirmed and rejected, by surface string and label."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], _Counts] = {}
        self._labels: dict[str, set[str]] = {}  # surface -> the labels it has entries under
        self.version = 0  # bumped on every change, so matchers know when to rebuild
        # while a lesson is recorded (``SuggestionEngine.learn``): every confirm and reject, to take back
        self.journal: list[tuple[str, str, int, int]] | None = None

    def confirm(self, surface: str, label: str) -> None:
        self._counts(surface, label).accepted += 1
        if self.journal is not None:
            self.journal.append((surface, label, 1, 0))

    def reject(self, surface: str, label: str) -> None:
        self._counts(surface, label).rejected += 1
        if self.journal is not None:
            self.journal.append((surface, label, 0, 1))

    def add_counts(self, surface: str, label: str, accepted: int, rejected: int) -> None:
        """Add to an entry's counts (negative: take back what a lesson added; never below zero)."""
        a, r = self.counts(surface, label)
        self.set_counts(surface, label, max(0, a + accepted), max(0, r + rejected))

    def _counts(self, surface: str, label: str) -> _Counts:
        if not surface:
            raise ValueError("empty surface string")
        self.version += 1
        entry = self._entries.get((surface, label))
        if entry is None:
            entry = self._entries[(surface, label)] = _Counts()
            self._labels.setdefault(surface, set()).add(label)
        return entry

    def set_counts(self, surface: str, label: str, accepted: int, rejected: int) -> None:
        """Replace an entry's counts (both zero: forget it): what the database holds after an undo."""
        if accepted < 0 or rejected < 0:
            raise ValueError(f"negative count for {surface!r}/{label}")
        if accepted == 0 and rejected == 0:
            if self._entries.pop((surface, label), None) is not None:
                self.version += 1
                labels = self._labels[surface]
                labels.discard(label)
                if not labels:
                    del self._labels[surface]
            return
        c = self._counts(surface, label)
        c.accepted, c.rejected = accepted, rejected

    def entries_for(self, surfaces: Collection[str]) -> list[tuple[str, str]]:
        """The ``(surface, label)`` entries the dictionary holds for any of ``surfaces``."""
        return [(s, label) for s in surfaces for label in self._labels.get(s, ())]

    def confirmed(self, surface: str) -> bool:
        """Whether anyone has accepted ``surface`` under any label."""
        return any(self._entries[(surface, label)].accepted > 0 for label in self._labels.get(surface, ()))

    def counts(self, surface: str, label: str) -> tuple[int, int]:
        c = self._entries.get((surface, label))
        return (c.accepted, c.rejected) if c else (0, 0)

    def rows(self) -> list[tuple[str, str, int, int]]:
        """``(surface, label, accepted, rejected)`` rows, sorted, for persistence."""
        return sorted((s, lab, c.accepted, c.rejected) for (s, lab), c in self._entries.items())

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, int, int]]) -> ProjectDictionary:
        d = cls()
        for surface, label, accepted, rejected in rows:
            if accepted < 0 or rejected < 0:
                raise ValueError(f"negative count for {surface!r}/{label}")
            c = d._counts(surface, label)
            c.accepted += int(accepted)
            c.rejected += int(rejected)
        return d

    def __len__(self) -> int:
        return len(self._entries)

    def surfaces(self) -> set[str]:
        return set(self._labels)

    def acceptance(self, surface: str, label: str) -> float:
        accepted, rejected = self.counts(surface, label)
        return accepted / (accepted + rejected + 0.5)

    def suppresses(self, surface: str, label: str) -> bool:
        accepted, rejected = self.counts(surface, label)
        return rejected >= 1 and rejected > accepted

    def abbreviations(self) -> Iterator[tuple[str, str]]:
        """``(character, label)`` for single characters accepted at least twice at a rate of 0.6 or more:
        candidates for the abbreviation rules (皖, 湘), never for plain matching."""
        for (surface, label), c in self._entries.items():
            if len(surface) == 1 and c.accepted >= 2 and c.accepted / (c.accepted + c.rejected + 0.5) >= 0.6:
                yield surface, label

    def propagated(self) -> Iterator[tuple[str, str, float]]:
        """``(surface, label, confidence)`` for every entry worth suggesting wherever it occurs."""
        for (surface, label), c in self._entries.items():
            if len(surface) < 2 or c.accepted < 1:
                continue
            rate = c.accepted / (c.accepted + c.rejected + 0.5)
            if rate >= MIN_PROPAGATION_RATE:
                yield surface, label, rate


class Matcher:
    """All occurrences of a fixed set of strings, each with a payload, via one Aho–Corasick automaton."""

    def __init__(self, entries: Iterable[tuple[str, object]]) -> None:
        self._automaton = ahocorasick.Automaton()
        count = 0
        for surface, payload in entries:
            if surface:
                self._automaton.add_word(surface, (len(surface), payload))
                count += 1
        self.size = count
        if count:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[tuple[int, int, object]]:
        """Every ``(start, end, payload)`` occurrence, overlapping ones included."""
        if not self.size:
            return []
        return [(end + 1 - n, end + 1, payload) for end, (n, payload) in self._automaton.iter(text)]
