"""The project's CRF: trained on finished documents, stored with the project, picked up by the suggestions."""

from __future__ import annotations

import pytest

from model.commands import AddSpans, Context, SetDocumentState
from model.spans import DocState, Entity, Origin
from storage.documents import DocumentStore, NewDocument
from storage.project import Project
from storage.suggestions import SuggestionService
from storage.training import NothingToTrainOn

NAMES = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆"]
PLACES = ["北京", "上海", "广州", "深圳", "杭州", "南京"]


def finish_corpus(project: Project, n: int) -> None:
    texts = [f"{NAMES[i % 6]}昨天在{PLACES[(i * 5) % 6]}会见了记者{i}。" for i in range(n)]
    with project.transaction() as s:
        ids = DocumentStore.insert_batch(s, [NewDocument(t, t, "x", {}) for t in texts])
    alice = project.annotator("alice")
    for doc, text in zip(ids, texts, strict=True):
        assert doc is not None
        ctx = Context(doc, alice.id)
        place = text.index("在") + 1
        AddSpans(ctx, [Entity(0, 2, "PER"), Entity(place, place + 2, "LOC")]).do(project.annotations)
        SetDocumentState(ctx, DocState.DONE, DocState.IN_PROGRESS).do(project.annotations)


def test_nothing_to_train_on(sqlite_project: Project) -> None:
    with pytest.raises(NothingToTrainOn):
        sqlite_project.training.train_project_model()
    assert sqlite_project.training.needs_training() is False


def test_train_store_and_serve(sqlite_project: Project) -> None:
    finish_corpus(sqlite_project, 24)
    assert sqlite_project.training.needs_training() is True  # 24 finished >= 20
    result = sqlite_project.training.train_project_model(iterations=30)
    assert result.documents == 24
    stored = sqlite_project.trained_models.latest("crf")
    assert stored is not None and stored.id == result.model_id and stored.info["documents"] == 24
    assert sqlite_project.training.needs_training() is False
    service = SuggestionService(sqlite_project)
    assert service.reload_model() == result.model_id
    suggestions = service.suggest_text("王芳昨天在杭州会见了记者。")
    assert any(s.entity == Entity(0, 2, "PER") for s in suggestions)
    assert service.rules is not service.engine  # the model-assisted engine wraps the rules
    learned_from = [s.origin for s in service.suggest_text("张伟在深圳。")]
    assert all(isinstance(o, Origin) for o in learned_from)


def test_a_new_model_reaches_untouched_documents_only(sqlite_project: Project) -> None:
    finish_corpus(sqlite_project, 24)
    with sqlite_project.transaction() as s:
        fresh, touched = DocumentStore.insert_batch(
            s, [NewDocument("n", "王芳在杭州。", "x", {}), NewDocument("t", "李娜在南京。", "x", {})]
        )
    assert fresh is not None and touched is not None
    service = SuggestionService(sqlite_project)
    service.ensure(fresh)
    service.ensure(touched)
    AddSpans(Context(touched, sqlite_project.annotator("bob").id), [Entity(0, 2, "PER")]).do(
        sqlite_project.annotations
    )
    assert service.ensure(fresh) is False  # nothing new yet
    sqlite_project.training.train_project_model(iterations=20)
    service.reload_model()
    assert service.ensure(fresh) is True  # re-suggested with the model
    assert service.ensure(fresh) is False  # once
    assert service.ensure(touched) is False  # somebody works on it: left alone


def base_corpus(n: int) -> list[tuple[str, list[Entity]]]:
    """An outside corpus in the project's labels (plus a label the project does not have)."""
    docs = []
    for i in range(n):
        name, place = NAMES[(i + 3) % 6], PLACES[(i * 5 + 1) % 6]
        text = f"据报道，{name}今天抵达{place}，出席{i}号会议。"
        start = text.index(name)
        docs.append(
            (
                text,
                [
                    Entity(start, start + 2, "PER"),
                    Entity(text.index(place), text.index(place) + 2, "LOC"),
                    Entity(0, 1, "OTHER"),
                ],
            )
        )
    return docs


def test_a_base_model_serves_until_the_project_has_its_own_then_carries_it(sqlite_project: Project) -> None:
    from storage.training import BASE_KIND, MODEL_KIND

    assert sqlite_project.training.serving_model() is None
    base = sqlite_project.training.train_base_model(base_corpus(30), iterations=30)
    stored = sqlite_project.trained_models.latest(BASE_KIND)
    assert stored is not None and stored.id == base.model_id and stored.documents == 30
    found = sqlite_project.training.base_model()
    assert found is not None and found[1].info.labels == ("LOC", "PER")  # OTHER is not a project label
    served = sqlite_project.training.serving_model()
    assert served is not None and served[0] == base.model_id and served[1].base is None
    service = SuggestionService(sqlite_project)
    assert service.reload_model() == base.model_id
    assert any(s.origin is Origin.MODEL for s in service.engine.model.predict("据报道，王芳今天抵达南京。"))  # type: ignore[attr-defined]

    finish_corpus(sqlite_project, 20)
    own = sqlite_project.training.train_project_model(iterations=20)
    stacked = sqlite_project.trained_models.latest(MODEL_KIND)
    assert stacked is not None and stacked.info["params"]["base"]["characters"] == base.characters
    served = sqlite_project.training.serving_model()
    assert served is not None and served[0] == own.model_id and served[1].base is not None
    assert service.reload_model() == own.model_id

    with sqlite_project.transaction() as s:  # the base model is gone: its stacked models cannot run
        from storage.orm import TrainedModelRow

        s.delete(s.get(TrainedModelRow, base.model_id))
    assert sqlite_project.training.serving_model() is None


def test_a_base_corpus_without_project_labels_is_refused(sqlite_project: Project) -> None:
    from tests.conftest import snapshot

    before = snapshot(sqlite_project)
    with pytest.raises(NothingToTrainOn, match="no entity with one of the project's labels"):
        sqlite_project.training.train_base_model([("某某公司", [Entity(0, 4, "COMPANY")])], iterations=5)
    assert snapshot(sqlite_project) == before
