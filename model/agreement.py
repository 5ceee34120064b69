"""Inter-annotator agreement: pairwise span F1 (exact and overlap), Cohen's kappa over characters,
Krippendorff's alpha, per label and per document.

Input everywhere: ``layers[annotator][document] = set of entities``, with ``lengths[document]`` the text
length. Only documents that both (or all) compared annotators annotated are compared.

Caveat for the character-level figures: every character counts, ``O`` included, and most characters of
news are ``O``; agreement on ``O`` pushes observed agreement up and chance agreement up with it. Kappa and
alpha are therefore reported next to span F1, which ignores ``O``, never instead of it.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from model.spans import Entity

OUTSIDE = "O"
Layers = Mapping[str, Mapping[int, Collection[Entity]]]


@dataclass(frozen=True, slots=True)
class PairScore:
    """Span agreement of annotator ``a`` (taken as reference) and ``b``."""

    matched: int
    only_a: int
    only_b: int

    @property
    def precision(self) -> float:  # share of b's spans that a has too
        return self.matched / (self.matched + self.only_b) if self.matched + self.only_b else 1.0

    @property
    def recall(self) -> float:  # share of a's spans that b has too
        return self.matched / (self.matched + self.only_a) if self.matched + self.only_a else 1.0

    @property
    def f1(self) -> float:
        """2·matched / (|a| + |b|); two empty annotations agree perfectly (1.0)."""
        total = 2 * self.matched + self.only_a + self.only_b
        return 2 * self.matched / total if total else 1.0

    @property
    def compared(self) -> bool:
        """Whether there was a span to compare: with none on either side F1 is 1.0 by convention, which
        says nothing about how well two annotators agree (no PER span by either, no document in common)."""
        return bool(self.matched + self.only_a + self.only_b)

    @property
    def scored_f1(self) -> float | None:
        """F1 where there was a span to compare, else None (not the 1.0 the 0/0 convention gives)."""
        return self.f1 if self.compared else None

    def __add__(self, other: PairScore) -> PairScore:
        return PairScore(self.matched + other.matched, self.only_a + other.only_a, self.only_b + other.only_b)


def _filter(entities: Iterable[Entity], label: str | None) -> set[Entity]:
    return {e for e in entities if label is None or e.label == label}


def pair_score(
    a: Iterable[Entity], b: Iterable[Entity], overlap: bool = False, label: str | None = None
) -> PairScore:
    """Exact: same start, end and label. Overlap: same label and overlapping (each span matched at most
    once)."""
    sa, sb = _filter(a, label), _filter(b, label)
    if not overlap:
        matched = len(sa & sb)
        return PairScore(matched, len(sa) - matched, len(sb) - matched)
    unmatched_b = sorted(sb, key=lambda e: (e.start, e.end))
    matched = 0
    for x in sorted(sa, key=lambda e: (e.start, e.end)):
        hit = next((y for y in unmatched_b if y.label == x.label and y.overlaps(x)), None)
        if hit is not None:
            unmatched_b.remove(hit)
            matched += 1
    return PairScore(matched, len(sa) - matched, len(sb) - matched)


def shared_documents(layers: Layers, annotators: Iterable[str]) -> list[int]:
    names = list(annotators)
    if not names:
        return []
    common = set(layers.get(names[0], {}))
    for name in names[1:]:
        common &= set(layers.get(name, {}))
    return sorted(common)


def char_labels(length: int, entities: Iterable[Entity]) -> list[str]:
    labels = [OUTSIDE] * length
    for e in entities:
        for i in range(e.start, min(e.end, length)):
            labels[i] = e.label
    return labels


def cohen_kappa(a: list[str], b: list[str]) -> float:
    """Cohen's kappa of two equally long label sequences; 1.0 when both are constant and equal."""
    n = len(a)
    if n == 0:
        return 1.0
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    labels = set(a) | set(b)
    expected = sum((a.count(lab) / n) * (b.count(lab) / n) for lab in labels)
    if expected >= 1.0:
        return 1.0 if observed == 1.0 else 0.0
    return (observed - expected) / (1 - expected)


def krippendorff_alpha(layers: Layers, lengths: Mapping[int, int], annotators: list[str]) -> float | None:
    """Nominal alpha over characters of documents annotated by at least two of ``annotators``."""
    try:
        import krippendorff  # type: ignore[import-untyped]
        import numpy as np
    except ImportError:  # optional dependency
        return None
    codes: dict[str, int] = {OUTSIDE: 0}
    columns: list[list[float]] = []
    for doc, length in sorted(lengths.items()):
        coders = [name for name in annotators if doc in layers.get(name, {})]
        if len(coders) < 2:
            continue
        rows = []
        for name in annotators:
            if doc in layers.get(name, {}):
                labels = char_labels(length, layers[name][doc])
                rows.append([float(codes.setdefault(x, len(codes))) for x in labels])
            else:
                rows.append([float("nan")] * length)
        columns.append(rows)  # type: ignore[arg-type]
    if not columns:
        return None
    data = np.concatenate([np.array(block, dtype=float) for block in columns], axis=1)
    if len(codes) == 1:  # everyone said O everywhere: perfect agreement, alpha undefined by formula
        return 1.0
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


@dataclass(slots=True)
class PairReport:
    a: str
    b: str
    documents: int
    exact: PairScore
    overlap: PairScore
    per_label: dict[str, PairScore]  # the labels either of the two used on the documents compared
    kappa: float


@dataclass(slots=True)
class AgreementReport:
    annotators: list[str]
    pairs: list[PairReport] = field(default_factory=list)
    per_document: dict[int, float] = field(default_factory=dict)  # mean pairwise exact F1
    alpha: float | None = None

    def matrix(self) -> dict[tuple[str, str], float | None]:
        """Exact span F1 for every ordered pair (symmetric; 1.0 on the diagonal; None for a pair with no span
        to compare)."""
        out: dict[tuple[str, str], float | None] = {(x, x): 1.0 for x in self.annotators}
        for p in self.pairs:
            out[(p.a, p.b)] = out[(p.b, p.a)] = p.exact.scored_f1
        return out

    def ranked_documents(self) -> list[tuple[int, float]]:
        """Documents, worst agreement first."""
        return sorted(self.per_document.items(), key=lambda kv: (kv[1], kv[0]))


def agreement(
    layers: Layers, lengths: Mapping[int, int], annotators: list[str] | None = None, label: str | None = None
) -> AgreementReport:
    names = sorted(annotators if annotators is not None else layers)
    report = AgreementReport(names)
    per_doc: dict[int, list[float]] = {}
    all_labels = sorted({e.label for docs in layers.values() for ents in docs.values() for e in ents})
    for a, b in itertools.combinations(names, 2):
        docs = shared_documents(layers, [a, b])
        exact, over = PairScore(0, 0, 0), PairScore(0, 0, 0)
        per_label = {lab: PairScore(0, 0, 0) for lab in all_labels if label is None or lab == label}
        seq_a: list[str] = []
        seq_b: list[str] = []
        for doc in docs:
            ea, eb = layers[a][doc], layers[b][doc]
            score = pair_score(ea, eb, label=label)
            exact += score
            over += pair_score(ea, eb, overlap=True, label=label)
            for lab in per_label:
                per_label[lab] += pair_score(ea, eb, label=lab)
            per_doc.setdefault(doc, []).append(score.f1)
            seq_a += char_labels(lengths[doc], _filter(ea, label))
            seq_b += char_labels(lengths[doc], _filter(eb, label))
        # a label neither of the two used on these documents is not "agreed on" (F1 1.000): it is left out
        used = {lab: score for lab, score in per_label.items() if score.compared}
        report.pairs.append(PairReport(a, b, len(docs), exact, over, used, cohen_kappa(seq_a, seq_b)))
    report.per_document = {doc: sum(v) / len(v) for doc, v in per_doc.items()}
    filtered = {n: {d: _filter(es, label) for d, es in layers.get(n, {}).items()} for n in names}
    report.alpha = krippendorff_alpha(filtered, lengths, names)
    return report


def shown_score(value: float | None, places: int = 3) -> str:
    """``value`` (a score in [0, 1]) with ``places`` decimals, never rounded up to a perfect 1 when it is not
    one: a document the annotators disagree on must not read as full agreement (0.997 showed as 1.00).
    None (nothing to compute it from) is shown as a dash."""
    if value is None:
        return "–"
    text = f"{value:.{places}f}"
    if value < 1 and float(text) >= 1:
        return f"{1 - 10**-places:.{places}f}"
    return text
