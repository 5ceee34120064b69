"""Export from a project: whose labels, which documents, label filters, splits, summaries, round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import insert, select

import storage.export
from model.ops import Action, SetState
from model.sentences import SentenceMode
from model.spans import AnnotatorId, DocState, DocumentId, Entity, Layer, Origin, Status
from model.tagging import IPolicy
from storage.documents import DocumentStore, NewDocument
from storage.export import ExportCancelled, ExportFormat, ExportOptionError, ExportOptions, SkipReason, Source
from storage.formats.conll import Grouping
from storage.formats.conll_writer import ConllOptions, DocSeparator
from storage.importer import Format, expand_paths, parse_file
from storage.orm import SpanRow
from storage.project import Project
from storage.split import SplitRatios
from tests.conftest import SHARED_DATA

MSRA_TEST = Path(__file__).resolve().parents[2].parent / "shared/data/msra/test.bio"
assert MSRA_TEST.parent.parent == SHARED_DATA


def add_documents(project: Project, *texts: str) -> list[DocumentId]:
    with project.transaction() as s:
        ids = DocumentStore.insert_batch(s, [NewDocument(t[:10], t, "test", {}) for t in texts])
    return [DocumentId(i) for i in ids if i is not None]


def add_span(
    project: Project,
    doc: int,
    start: int,
    end: int,
    label: str,
    layer: Layer,
    annotator: AnnotatorId | None = None,
    status: Status | None = None,
) -> None:
    status = status or (Status.SUGGESTED if layer is Layer.SUGGESTION else Status.ACCEPTED)
    with project.transaction() as s:
        project.labels.ensure_in(s, {label})
        s.execute(
            insert(SpanRow),
            [
                {
                    "document_id": doc,
                    "layer": str(layer),
                    "annotator_id": annotator,
                    "start": start,
                    "end": end,
                    "label": label,
                    "origin": str(Origin.HUMAN),
                    "status": str(status),
                    "version": 1,
                }
            ],
        )


def set_state(project: Project, doc: DocumentId, annotator: AnnotatorId, state: DocState) -> None:
    project.annotations.apply(Action("state", annotator, doc), [SetState(doc, annotator, state)])


def jsonl_export(project: Project, tmp_path: Path, **kwargs: object) -> tuple[list[dict], object]:
    out = tmp_path / "out.jsonl"
    summary = project.export.run(
        ExportOptions(format=ExportFormat.JSONL, **kwargs),
        out,  # type: ignore[arg-type]
        overwrite=True,
    )
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()], summary


@pytest.fixture
def layered(sqlite_project: Project) -> tuple[Project, AnnotatorId, list[DocumentId]]:
    """Doc 1: adjudicated (gold) and labelled by alice and bob. Doc 2: alice only. Doc 3: suggestions only."""
    p = sqlite_project
    alice, bob = p.annotator("alice").id, p.annotator("bob").id
    docs = add_documents(p, "李强在北京会见联合国秘书长", "王毅访问上海", "新华社报道")
    add_span(p, docs[0], 0, 2, "PER", Layer.GOLD)
    add_span(p, docs[0], 7, 10, "ORG", Layer.GOLD)
    add_span(p, docs[0], 0, 2, "PER", Layer.ANNOTATOR, alice)
    add_span(p, docs[0], 3, 5, "LOC", Layer.ANNOTATOR, alice)
    add_span(p, docs[0], 7, 10, "ORG", Layer.ANNOTATOR, alice, Status.REJECTED)
    add_span(p, docs[0], 7, 10, "LOC", Layer.ANNOTATOR, bob)
    add_span(p, docs[1], 0, 2, "PER", Layer.ANNOTATOR, alice)
    add_span(p, docs[1], 4, 6, "LOC", Layer.SUGGESTION)
    add_span(p, docs[2], 0, 3, "ORG", Layer.SUGGESTION)
    return p, alice, docs


def test_an_annotator_layer_is_their_accepted_spans_only(layered, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project, _, _ = layered
    rows, summary = jsonl_export(project, tmp_path, source=Source.ANNOTATOR, annotator="alice")
    assert [(r["text"], r["label"]) for r in rows] == [
        ("李强在北京会见联合国秘书长", [[0, 2, "PER"], [3, 5, "LOC"]]),  # not her rejected ORG, not bob's LOC
        ("王毅访问上海", [[0, 2, "PER"]]),  # not the suggestion
    ]
    assert summary.skipped_documents[SkipReason.NO_LABELS] == 1  # doc 3 has only suggestions
    assert summary.entities == {"PER": 2, "LOC": 1}


def test_gold_layer_and_gold_where_adjudicated(layered, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project, _, _ = layered
    rows, _ = jsonl_export(project, tmp_path, source=Source.GOLD)
    assert [r["label"] for r in rows] == [[[0, 2, "PER"], [7, 10, "ORG"]]]
    rows, _ = jsonl_export(project, tmp_path, source=Source.GOLD_ELSE_ANNOTATOR, annotator="alice")
    assert [r["label"] for r in rows] == [[[0, 2, "PER"], [7, 10, "ORG"]], [[0, 2, "PER"]]]


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_suggestions_nobody_accepted_are_never_labels(layered, tmp_path: Path, fmt: ExportFormat) -> None:  # type: ignore[no-untyped-def]
    project, _, _ = layered
    out = tmp_path / "out"
    summary = project.export.run(
        ExportOptions(format=fmt, source=Source.ANNOTATOR, annotator="alice", skip_unlabelled=False), out
    )
    assert summary.total_documents == 3  # the documents with suggestions are there...
    assert summary.entities == {"PER": 2, "LOC": 1}  # ...but not the suggested LOC (上海) and ORG (新华社)
    files = [out] if out.is_file() else sorted(out.glob("*.ann"))
    written = "".join(p.read_text(encoding="utf-8") for p in files)
    assert "ORG" not in written
    if fmt in (ExportFormat.CONLL, ExportFormat.CONLL_WORD):
        assert "上\tO\n海\tO" in written or "上海\tO" in written
        tags = {line.split("\t")[1] for line in written.splitlines() if line}
        assert {tag[2:] for tag in tags if tag != "O"} == {"PER", "LOC"}


def test_only_done_documents_and_state_filters(layered, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project, alice, docs = layered
    set_state(project, docs[1], alice, DocState.DONE)
    rows, _ = jsonl_export(
        project, tmp_path, source=Source.ANNOTATOR, annotator="alice", states=frozenset({DocState.DONE})
    )
    assert [r["text"] for r in rows] == ["王毅访问上海"]
    rows, _ = jsonl_export(
        project,
        tmp_path,
        source=Source.GOLD,
        annotator="alice",
        states=frozenset({DocState.NEW, DocState.IN_PROGRESS}),
        skip_unlabelled=False,
    )
    assert [r["text"] for r in rows] == ["李强在北京会见联合国秘书长", "新华社报道"]


def test_labels_mapped_and_dropped(layered, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project, _, _ = layered
    rows, summary = jsonl_export(
        project, tmp_path, source=Source.ANNOTATOR, annotator="alice", label_map={"LOC": "GPE", "PER": None}
    )
    assert [r["label"] for r in rows] == [[[3, 5, "GPE"]]]  # doc 2 had only PER: now unlabelled
    assert summary.skipped_spans[SkipReason.DROPPED_LABEL] == 1
    assert summary.skipped_documents[SkipReason.NO_LABELS] == 2
    rows, _ = jsonl_export(project, tmp_path, source=Source.GOLD, labels=frozenset({"ORG"}))
    assert [r["label"] for r in rows] == [[[7, 10, "ORG"]]]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ExportOptions(source=Source.ANNOTATOR, annotator="mallory"),
            "unknown annotator 'mallory'.*alice, bob",
        ),
        (ExportOptions(source=Source.ANNOTATOR), "an annotator is needed"),
        (ExportOptions(states=frozenset({DocState.DONE})), "an annotator is needed"),
        (ExportOptions(label_map={"GPE": "LOC"}), "unknown label.*GPE"),
        (ExportOptions(labels=frozenset({"PER", "FAC"})), "unknown label.*FAC"),
        (ExportOptions(label_map={"PER": "PERSON NAME"}), "cannot be written as a CoNLL tag"),
        (ExportOptions(format=ExportFormat.BRAT, label_map={"PER": "PERSON NAME"}), "contains whitespace"),
        (ExportOptions(format=ExportFormat.BRAT, label_map={"PER": "PER\tSON"}), "contains whitespace"),
        (ExportOptions(format=ExportFormat.BRAT, label_map={"PER": "PER\nSON"}), "contains whitespace"),
        (ExportOptions(format=ExportFormat.JSONL, label_map={"PER": "P" * 65}), "65 characters"),
    ],
)
def test_bad_options_are_refused_before_writing(
    layered,
    tmp_path: Path,
    options: ExportOptions,  # type: ignore[no-untyped-def]
    message: str,
) -> None:
    project, _, _ = layered
    with pytest.raises(ExportOptionError, match=message):
        project.export.run(options, tmp_path / "x" / "out.bio")
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("spec", ["0.8,0.1", "0.8,0.3,0.1", "a,b,c", "-0.2,0.6,0.6"])
def test_bad_split_ratios(spec: str) -> None:
    with pytest.raises(ExportOptionError, match="ratio"):
        SplitRatios.parse(spec)


def test_overlapping_spans_keep_the_first_and_report_the_other(
    sqlite_project: Project, tmp_path: Path
) -> None:
    (doc,) = add_documents(sqlite_project, "北京大学校长")
    add_span(sqlite_project, doc, 0, 4, "ORG", Layer.GOLD)
    add_span(sqlite_project, doc, 0, 2, "LOC", Layer.GOLD)
    add_span(sqlite_project, doc, 2, 6, "MISC", Layer.GOLD)
    out = tmp_path / "out.bio"
    options = ExportOptions(conll=ConllOptions(doc_separator=DocSeparator.NONE))
    summary = sqlite_project.export.run(options, out)
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[:4] == ["北\tB-LOC", "京\tI-LOC", "大\tB-MISC", "学\tI-MISC"]
    assert summary.skipped_spans[SkipReason.OVERLAP] == 1
    (example,) = summary.examples
    assert (example.entity, example.kept) == (Entity(0, 4, "ORG"), Entity(0, 2, "LOC"))


def test_split_is_by_document_reproducible_and_complete(sqlite_project: Project, tmp_path: Path) -> None:
    texts = [f"第{i}篇。李强说。北京好。" for i in range(40)]
    for doc in add_documents(sqlite_project, *texts):
        add_span(sqlite_project, doc, len(texts[0]) - 4, len(texts[0]) - 2, "LOC", Layer.GOLD)

    def run(seed: int, out: Path) -> dict[str, list[str]]:
        options = ExportOptions(format=ExportFormat.JSONL, split=SplitRatios(0.5, 0.25, 0.25), seed=seed)
        summary = sqlite_project.export.run(options, out)
        assert dict(summary.documents) == {"train": 20, "dev": 10, "test": 10}
        return {
            p: [json.loads(x)["text"] for x in (out / f"{p}.jsonl").read_text("utf-8").splitlines()]
            for p in ("train", "dev", "test")
        }

    first, again, other = run(1, tmp_path / "a"), run(1, tmp_path / "b"), run(2, tmp_path / "c")
    assert first == again and first != other
    assert sorted(t for part in first.values() for t in part) == sorted(texts)  # every document once, whole


def test_cancel_removes_the_partial_file(layered, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project, _, _ = layered
    with pytest.raises(ExportCancelled):
        project.export.run(
            ExportOptions(skip_unlabelled=False), tmp_path / "x" / "out.bio", cancelled=lambda: True
        )
    assert list((tmp_path / "x").iterdir()) == []


def test_streamed_batches_keep_each_document_with_its_spans(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage.export, "BATCH", 2)  # several batches: the span query runs per batch
    docs = add_documents(project, *(f"第{i}号文件由李强签发" for i in range(7)))
    for i, doc in enumerate(docs):
        add_span(project, doc, 5 + (i % 2), 7 + (i % 2), "PER", Layer.GOLD)
    rows, summary = jsonl_export(project, tmp_path / "x")
    assert [r["label"] for r in rows] == [[[5 + (i % 2), 7 + (i % 2), "PER"]] for i in range(7)]
    assert summary.total_documents == 7


# -- round trips through the database --------------------------------------------------------------


CORPUS = [
    {
        "text": "新华社北京1月2日电\u3000国务院总理李强会见𠮷野家社长。",
        "label": [[0, 3, "ORG"], [3, 5, "LOC"], [16, 18, "PER"], [20, 23, "ORG"]],
    },
    {"text": "“联合国”说：\n王毅访问上海！", "label": [[1, 4, "ORG"], [8, 10, "PER"], [12, 14, "LOC"]]},
]


@pytest.mark.parametrize("fmt", [ExportFormat.JSONL, ExportFormat.BRAT])
def test_exact_formats_round_trip_through_the_database(
    project: Project, tmp_path: Path, fmt: ExportFormat
) -> None:
    source = tmp_path / "corpus.jsonl"
    source.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in CORPUS), encoding="utf-8")
    assert project.importer.import_file(source).imported == 2
    out = tmp_path / "out"
    project.export.run(ExportOptions(format=fmt), out)
    with Project.open(f"sqlite:///{tmp_path / 'again.db'}") as again:
        for path in expand_paths([out], Format.AUTO):
            assert again.importer.import_file(path).error is None
        back = [
            (d.text, sorted((s.start, s.end, s.label) for s in again.annotations.spans(d.id, Layer.GOLD)))
            for d in again.documents.all()
        ]
    # brat files are named by title, read back in name order
    assert sorted(back) == sorted((o["text"], sorted(tuple(x) for x in o["label"])) for o in CORPUS)


@pytest.mark.parametrize("fmt", [ExportFormat.JSONL, ExportFormat.BRAT])
def test_overlapping_spans_are_written_by_the_formats_that_carry_them(
    project: Project, tmp_path: Path, fmt: ExportFormat
) -> None:
    """Nested and crossing spans of one layer, and the same span twice with two labels, all round-trip."""
    (doc,) = add_documents(project, "北京大学校长王毅")
    spans = [(0, 4, "ORG"), (0, 2, "LOC"), (2, 6, "MISC"), (6, 8, "PER"), (6, 8, "MISC")]
    for a, b, label in spans:
        add_span(project, doc, a, b, label, Layer.GOLD)
    out = tmp_path / "out"
    summary = project.export.run(ExportOptions(format=fmt), out)
    assert summary.skipped_spans[SkipReason.OVERLAP] == 0 and summary.examples == []
    assert sum(summary.entities.values()) == 5
    with Project.open(f"sqlite:///{tmp_path / 'again.db'}") as again:
        for path in expand_paths([out], Format.AUTO):
            assert again.importer.import_file(path).error is None
        ((back,),) = [
            [sorted((s.start, s.end, s.label) for s in again.annotations.spans(d.id, Layer.GOLD))]
            for d in again.documents.all()
        ]
    assert back == sorted(spans)


def test_char_conll_round_trip_of_what_it_writes(sqlite_project: Project, tmp_path: Path) -> None:
    source = tmp_path / "corpus.jsonl"
    source.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in CORPUS), encoding="utf-8")
    sqlite_project.importer.import_file(source)
    out = tmp_path / "out.bio"
    summary = sqlite_project.export.run(ExportOptions(), out)
    assert summary.sentences == 3  # the first document is one sentence; the line break cuts the second
    back = list(parse_file(out, Format.CONLL, Grouping.DOCSTART, IPolicy.REJECT, []))
    assert back[0].text == "新华社北京1月2日电国务院总理李强会见𠮷野家社长。"  # U+3000 skipped
    assert back[1].text == "“联合国”说：\n王毅访问上海！"
    assert [back[0].text[e.start : e.end] for e in back[0].entities] == ["新华社", "北京", "李强", "𠮷野家"]


@pytest.mark.shared_data
def test_msra_test_set_exports_byte_identical(sqlite_project: Project, tmp_path: Path) -> None:
    if not MSRA_TEST.exists():
        pytest.skip(f"{MSRA_TEST} is absent (it lives in ../shared beside the repository)")
    report = sqlite_project.importer.import_file(MSRA_TEST, sentences_per_document=50)
    assert (report.error, report.skipped) == (None, 0)
    out = tmp_path / "test.bio"
    options = ExportOptions(
        skip_unlabelled=False,
        conll=ConllOptions(sentences=SentenceMode.LINES, doc_separator=DocSeparator.NONE),
    )
    summary = sqlite_project.export.run(options, out)
    assert summary.sentences == 3442
    assert out.read_bytes() == MSRA_TEST.read_bytes()


def test_brat_folders_import_pairs_not_their_text_halves(sqlite_project: Project, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("李强在北京", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tPER 0 2\t李强\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("一篇普通文章", encoding="utf-8")
    found = expand_paths([tmp_path], Format.AUTO)
    assert [p.name for p in found] == ["a.ann", "b.txt"]
    assert sqlite_project.importer.import_file(found[0]).spans == 1
    with sqlite_project.session_factory() as s:
        assert s.scalars(select(SpanRow.label)).all() == ["PER"]


def test_a_split_with_too_few_documents_for_a_part_says_so(sqlite_project: Project, tmp_path: Path) -> None:
    """Three labelled documents split 0.8 / 0.1 / 0.1 all go to train: dev.bio and test.bio were written
    empty and the summary said only "documents: 3 (train 3)"; a lead found out when training failed. The
    summary warns, naming the empty parts; a split that fills every part says nothing of the kind."""
    texts = [f"第{i}篇。李强说。北京好。" for i in range(3)]
    for doc in add_documents(sqlite_project, *texts):
        add_span(sqlite_project, doc, len(texts[0]) - 4, len(texts[0]) - 2, "LOC", Layer.GOLD)
    options = ExportOptions(split=SplitRatios(0.8, 0.1, 0.1))
    summary = sqlite_project.export.run(options, tmp_path / "few")
    assert dict(summary.documents) == {"train": 3}
    assert (tmp_path / "few" / "dev.bio").read_text("utf-8") == ""
    assert summary.empty_parts == ["dev", "test"]
    assert summary.render().splitlines()[1] == (
        "warning: no document went to dev, test (written empty): 3 document(s) are too few for these ratios"
    )
    even = sqlite_project.export.run(ExportOptions(split=SplitRatios(0.34, 0.33, 0.33)), tmp_path / "even")
    assert even.empty_parts == [] and "warning" not in even.render()


def test_the_summary_names_the_parts_in_the_split_s_order(sqlite_project: Project, tmp_path: Path) -> None:
    """--split 0.8,0.1,0.1 wrote train, dev, test but the summary counted them "dev 3, test 2, train 19"
    (alphabetical), which a lead reads against the ratios given: now train, dev, test, as the files."""
    texts = [f"第{i}篇。李强说。北京好。" for i in range(10)]
    for doc in add_documents(sqlite_project, *texts):
        add_span(sqlite_project, doc, len(texts[0]) - 4, len(texts[0]) - 2, "LOC", Layer.GOLD)
    summary = sqlite_project.export.run(ExportOptions(split=SplitRatios(0.6, 0.2, 0.2)), tmp_path / "ten")
    first = summary.render().splitlines()[0]
    n = summary.documents
    assert first == f"documents: 10 (train {n['train']}, dev {n['dev']}, test {n['test']})", first
    assert n["dev"] and n["test"]
