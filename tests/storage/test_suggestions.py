"""Suggestions in the database: stored per document, learned from decisions, propagated, humans untouched."""

from __future__ import annotations

import pytest

from model.commands import AcceptSpans, Context, SetDocumentState
from model.spans import DocState, DocumentId, Entity, Layer, Status
from storage.documents import DocumentStore, NewDocument
from storage.project import Project
from storage.suggestions import SuggestionService

A = "记者从蓝鲸优选公司获悉，蓝鲸优选将上市。越南外交部部长裴青山表示欢迎。"
B = "分析人士认为蓝鲸优选前景广阔。"
C = "蓝鲸优选的股价今天上涨。"


def docs(project: Project, *texts: str) -> list[DocumentId]:
    with project.transaction() as s:
        ids = DocumentStore.insert_batch(s, [NewDocument("t", t, "test", {}) for t in texts])
    return [DocumentId(i) for i in ids if i is not None]


def surfaces(project: Project, doc: DocumentId, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in project.annotations.spans(doc, Layer.SUGGESTION)]


def test_ensure_stores_once_and_resuggest_keeps_human_decisions(project: Project) -> None:
    service = SuggestionService(project)
    (a,) = docs(project, A)
    assert service.ensure(a) is True
    assert ("越南外交部", "ORG") in surfaces(project, a, A)
    assert service.ensure(a) is False  # already there
    alice = project.annotator("alice")
    view = project.annotations.view(a, alice.id)
    AcceptSpans(Context(a, alice.id), view).do(project.annotations)
    before = project.annotations.spans(a, Layer.ANNOTATOR, alice.id)
    service.resuggest([a])
    assert project.annotations.spans(a, Layer.ANNOTATOR, alice.id) == before
    assert all(s.status is Status.ACCEPTED for s in project.annotations.view(a, alice.id))


def test_accepting_propagates_to_unfinished_documents_only(project: Project) -> None:
    service = SuggestionService(project)
    a, b, c = docs(project, A, B, C)
    alice = project.annotator("alice")
    for doc in (a, b, c):
        service.ensure(doc)
    assert ("蓝鲸优选", "ORG") not in surfaces(project, b, B)
    SetDocumentState(Context(c, alice.id), DocState.DONE, DocState.NEW).do(project.annotations)
    c_before = surfaces(project, c, C)
    start = A.index("蓝鲸优选")
    touched = service.learn(a, [Entity(start, start + 4, "ORG")])
    assert touched == [b]
    assert ("蓝鲸优选", "ORG") in surfaces(project, b, B)
    assert surfaces(project, c, C) == c_before  # a finished document is left alone


def test_an_undone_confirmation_stops_propagating(project: Project) -> None:
    from model.commands import AddSpans

    service = SuggestionService(project)
    a, b = docs(project, A, B)
    for doc in (a, b):
        service.ensure(doc)
    alice = project.annotator("alice")
    start = A.index("蓝鲸优选")
    entity = Entity(start, start + 4, "ORG")
    add = AddSpans(Context(a, alice.id), [entity])
    add.do(project.annotations)
    assert service.learn(a, [entity]) == [b]
    assert service.rules.project_dictionary.counts("蓝鲸优选", "ORG")[0] == 1
    assert ("蓝鲸优选", "ORG") in surfaces(project, b, B)
    add.undo(project.annotations)  # what Ctrl+Z does to the database
    assert service.resync(a, ["蓝鲸优选"]) == [b]
    assert service.rules.project_dictionary.counts("蓝鲸优选", "ORG") == (0, 0)
    assert ("蓝鲸优选", "ORG") not in surfaces(project, b, B)  # withdrawn from the other document
    add.do(project.annotations)  # and redo brings it back
    service.resync(a, ["蓝鲸优选"])
    assert ("蓝鲸优选", "ORG") in surfaces(project, b, B)


def test_rejections_withdraw_twins(project: Project) -> None:
    service = SuggestionService(project)
    first, second = docs(project, "华为公司发布新手机。", "华为公司的利润增长。")
    for doc in (first, second):
        service.ensure(doc)
    assert ("华为公司", "ORG") in surfaces(project, second, "华为公司的利润增长。")
    service.learn(first, [], [Entity(0, 4, "ORG")])
    service.learn(first, [], [Entity(0, 4, "ORG")])
    assert ("华为公司", "ORG") not in surfaces(project, second, "华为公司的利润增长。")


def test_dictionary_is_rebuilt_from_the_database(sqlite_project: Project) -> None:

    (a,) = docs(sqlite_project, A)
    alice = sqlite_project.annotator("alice")
    start = A.index("裴青山")
    from model.commands import AddSpans

    AddSpans(Context(a, alice.id), [Entity(start, start + 3, "PER")]).do(sqlite_project.annotations)
    assert ("裴青山", "PER", 1, 0) in sqlite_project.decisions.dictionary_rows()


def test_word_bounds_for_snapping(sqlite_project: Project) -> None:
    bounds = SuggestionService(sqlite_project).word_bounds("越南外交部部长访问美国。")
    assert (9, 11) in bounds  # 美国
    assert bounds == sorted(bounds) and all(a < b for a, b in bounds)


def test_acceptance_history_counts_decisions_by_origin(project: Project) -> None:
    from model.commands import RejectSpan

    service = SuggestionService(project)
    (a,) = docs(project, A)
    service.ensure(a)
    alice = project.annotator("alice")
    view = project.annotations.view(a, alice.id)
    assert len(view) >= 2
    AcceptSpans(Context(a, alice.id), view[:1]).do(project.annotations)
    RejectSpan(Context(a, alice.id), view[1]).do(project.annotations)
    history = project.decisions.acceptance_history()
    assert sum(x for x, _ in history.values()) == 1 and sum(r for _, r in history.values()) == 1
    assert history[str(view[0].origin)][0] >= 1
    assert set(history) <= {"jieba", "rule", "dictionary", "propagated", "model"}


def test_the_pretrained_tagger_joins_the_service_and_its_history_is_its_own(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storage.training
    from tests.model.test_pretrained import FakeTagger

    tagger = FakeTagger({"裴青山": "PER", "蓝鲸优选公司": "ORG"})
    monkeypatch.setattr(storage.training.Training, "tagger", lambda _self: tagger)
    service = SuggestionService(project)
    service.warm_up()
    assert service.pretrained_missing is None
    (a,) = docs(project, A)
    assert service.ensure(a)
    found = {
        (A[s.start : s.end], str(s.origin), s.origin_detail)
        for s in project.annotations.spans(a, Layer.SUGGESTION)
    }
    assert ("裴青山", "model", "pretrained:fake") in found  # stored within the schema's origins
    alice = project.annotator("alice")
    AcceptSpans(Context(a, alice.id), project.annotations.view(a, alice.id)).do(project.annotations)
    history = project.decisions.acceptance_history()
    assert history.get("pretrained", (0, 0))[0] >= 1 and "model" not in history


def test_without_the_tagger_the_service_is_the_rules_and_says_which_is_missing(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storage.training

    monkeypatch.setattr(storage.training.Training, "tagger", lambda _self: None)
    service = SuggestionService(project)
    service.warm_up()
    assert service.pretrained_missing == "lac"
    assert type(service.engine).__name__ == "SuggestionEngine"


def test_a_warm_up_told_to_stop_loads_the_rules_and_nothing_after_them(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window sets ``stop`` when it closes: the warm-up then ends after its current stage, instead of
    loading the tagger and the model into a closing process."""
    import threading

    import storage.training
    from tests.model.test_pretrained import FakeTagger

    asked: list[str] = []
    tagger = FakeTagger({"裴青山": "PER"})
    monkeypatch.setattr(storage.training.Training, "tagger", lambda _self: asked.append("tagger") or tagger)
    stop = threading.Event()
    stop.set()
    service = SuggestionService(project)
    service.warm_up(stop)
    assert asked == [] and type(service.engine).__name__ == "SuggestionEngine"  # the rules only

    service.warm_up(threading.Event())  # not stopped: every stage
    assert asked and getattr(service.engine, "pretrained", None) is tagger


def test_re_suggestion_holds_the_engine_for_a_bounded_number_of_characters() -> None:
    """Documents go to the engine together (the pretrained tagger reads them in one go) in order, in runs of
    at most ``SUGGEST_AT_ONCE`` characters, so a window's own request waits for one run at the most."""
    from storage.suggest_runs import by_length as _by_length

    texts = {DocumentId(i): "新" * n for i, n in enumerate([5, 10, 30, 3, 8, 20], start=1)}
    runs = _by_length(list(texts), texts, 20)
    assert runs == [[1, 2], [3], [4, 5], [6]]  # a document longer than a run goes alone
    assert [d for run in runs for d in run] == list(texts)
    assert all(sum(len(texts[d]) for d in run) <= 20 for run in runs if len(run) > 1)
    assert _by_length([], texts, 20) == []


def test_a_character_confirmed_inside_a_word_is_remembered_from_the_database(project: Project) -> None:
    from model.commands import AddSpans

    first, later = "记者今天从有关部门获悉，今年以来越来越多的台商来大陆投资办厂。", "这些台商很满意。"
    a, _ = docs(project, first, later)
    alice = project.annotator("alice")
    add = AddSpans(Context(a, alice.id), [Entity(21, 22, "LOC")])  # 台 inside jieba's word 台商
    add.do(project.annotations)
    assert project.decisions.in_word_spans() == [(first[1:], 20, "LOC", True)]  # 20 characters either side

    def in_word(service: SuggestionService) -> list[tuple[str, int]]:
        found = service.suggest_text(later)
        return [(later[s.start : s.end], s.start) for s in found if s.detail == "learned_in_word"]

    reopened = SuggestionService(project)  # a new session: nothing learned in this process
    reopened.warm_up()
    assert in_word(reopened) == [("台", 2)]
    cli = reopened.serving_setup().portable().engine()  # what `newstag suggest` workers build
    assert [(later[s.start : s.end], s.detail) for s in cli.suggest(later)] == [("台", "learned_in_word")]
    add.undo(project.annotations)  # Ctrl+Z: the database no longer holds it, nor does the memory
    reopened.resync(a, ["台"])
    assert in_word(reopened) == []
