"""The learning simulation with periodic retraining, on the tiny corpus with the real rule engine."""

from __future__ import annotations

from model.crf import simulate_with_retraining
from model.spans import Entity
from model.suggest import SuggestionEngine


def test_retrains_every_n_documents_on_everything_seen(corpus: list[tuple[str, list[Entity]]]) -> None:
    docs = []
    for i in range(0, 30, 3):  # ten documents of three sentences
        text, entities = "", []
        for sentence, gold in corpus[i : i + 3]:
            entities += [Entity(e.start + len(text), e.end + len(text), e.label) for e in gold]
            text += sentence
        docs.append((text, entities))
    result = simulate_with_retraining(
        docs,
        lambda: SuggestionEngine(labels=("PER", "LOC", "ORG")),
        ("PER", "LOC", "ORG"),
        every=3,
        iterations=15,
    )
    assert result.retrainings == 3
    assert [m.documents for m in result.models] == [3, 6, 9]
    assert all(m.params["project_features"] for m in result.models)
    assert [p.documents for p in result.report.curve] == [1, 1, 3, 3, 2]
    # the last documents are suggested by a model trained on this very vocabulary
    assert result.report.curve[-1].f1 >= 0.9
