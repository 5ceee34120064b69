"""Team commands end to end: assign, annotate (through the storage API), agreement, review queue,
consistency."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from model.agreement import shown_score
from model.commands import AddSpans, Context, SetDocumentState
from model.spans import DocState, Entity
from storage.documents import NewDocument
from storage.project import Project
from tests.test_cli import newstag


def test_team_workflow(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 't.db'}"
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"text": f"华为公司在北京发布{i}。"}, ensure_ascii=False) + "\n" for i in range(10)
        ),
        encoding="utf-8",
    )
    assert newstag("import", str(corpus), "--db", db, "--quiet").returncode == 0
    result = newstag("assign", "--annotators", "alice,bob", "--overlap", "1.0", "--db", db)
    assert result.returncode == 0, result.stderr
    assert "assigned 10 document(s), 10 to two annotators" in result.stdout
    assert "alice                    10 document(s)" in result.stdout

    with Project.open(db) as project:
        for name, label in (("alice", "ORG"), ("bob", "LOC")):
            me = project.annotator(name)
            for doc in project.documents.ids()[:3]:
                ctx = Context(doc, me.id)
                AddSpans(ctx, [Entity(0, 4, "ORG"), Entity(5, 7, label)]).do(project.annotations)
                SetDocumentState(ctx, DocState.DONE, DocState.IN_PROGRESS).do(project.annotations)
        fourth = Context(project.documents.ids()[3], project.annotator("alice").id)  # 华为公司 left out here
        AddSpans(fourth, [Entity(5, 7, "LOC")]).do(project.annotations)

    table = newstag("agreement", "--as", "alice", "--db", db)  # alice: the first person, the lead
    assert table.returncode == 0, table.stderr
    assert "alice × bob: 3 document(s)  F1 0.500 / 0.500" in table.stdout
    data = json.loads(
        newstag("agreement", "--as", "alice", "--db", db, "--format", "json", "--label", "ORG").stdout
    )
    assert data["pairs"][0]["exact"]["f1"] == round(2 * 3 / (6 + 3), 4)  # alice 6 ORG, bob 3, 3 shared

    queue = newstag("review-queue", "--as", "alice", "--db", db)
    assert queue.stdout.count("open") == 3 and "0.500" in queue.stdout

    findings = newstag("consistency", "--annotator", "alice", "--as", "alice", "--db", db)
    assert findings.returncode == 0
    assert "5 finding(s) in alice's layer (4 document(s))" in findings.stdout
    said = [" ".join(line.split()) for line in findings.stdout.splitlines()]
    assert "华为公司 #4:0-4 here unlabelled; corpus: ORG ×3 [labelled elsewhere, not here]" in said
    assert "北京 #4:5-7 here LOC; corpus: ORG ×3, LOC ×1 [labelled differently elsewhere]" in said
    rows = findings.stdout.splitlines()[1:]  # 华为公司 and 北京: the places and "here" in one column each
    assert len({_columns(row[: row.index("#")]) for row in rows}) == 1, findings.stdout
    assert len({_columns(row[: row.index(" here ")]) for row in rows}) == 1, findings.stdout
    bad = newstag("assign", "--annotators", "solo", "--overlap", "0.5", "--as", "alice", "--db", db)
    assert bad.returncode == 2 and "overlap needs at least two annotators" in bad.stderr


def test_assign_refuses_a_name_not_in_the_project(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 't.db'}"
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"text": f"第{i}篇。"}) + "\n" for i in range(4)), encoding="utf-8")
    assert newstag("import", str(corpus), "--db", db, "--quiet").returncode == 0
    for name, role in (("li", "lead"), ("alice", "annotator"), ("bob", "annotator")):
        assert newstag("annotators", "add", name, "--role", role, "--as", "li", "--db", db).returncode == 0

    typo = newstag("assign", "--annotators", "alice,bobb", "--as", "li", "--db", db)
    assert typo.returncode == 2
    assert "newstag assign: no annotator called bobb; add them first: newstag annotators add" in typo.stderr
    with Project.open(db) as project:  # nobody added, nothing assigned
        assert sorted(a.name for a in project.team.annotators()) == ["alice", "bob", "li"]
        assert project.team.assigned_counts() == {}

    result = newstag("assign", "--annotators", "alice,bob", "--as", "li", "--db", db)
    assert result.returncode == 0 and "assigned 4 document(s)" in result.stdout


def test_agreement_refuses_a_label_the_project_does_not_have(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 't.db'}"
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"text": "张三在北京工作。"}) + "\n", encoding="utf-8")
    assert newstag("import", str(corpus), "--db", db, "--quiet").returncode == 0
    with Project.open(db) as project:
        doc = project.documents.ids()[0]
        for name, label in (("alice", "PER"), ("bob", "LOC")):  # they disagree on 张三
            ctx = Context(doc, project.annotator(name).id)
            AddSpans(ctx, [Entity(0, 2, label)]).do(project.annotations)
            SetDocumentState(ctx, DocState.DONE, DocState.IN_PROGRESS).do(project.annotations)
    typo = newstag("agreement", "--label", "PRE", "--as", "alice", "--db", db)
    assert typo.returncode == 2 and "newstag agreement: the project has no label PRE" in typo.stderr
    assert "1.000" not in typo.stdout  # not a perfect agreement over nothing
    per = newstag("agreement", "--label", "PER", "--as", "alice", "--db", db)
    assert per.returncode == 0 and "F1 0.000 / 0.000" in per.stdout


def _nearly_agreed(project: Project) -> None:
    """A document two annotators finished agreeing on 1,000 spans but one: F1 2000/2001 = 0.99950."""
    text = "张" * 2002
    with project.transaction() as s:
        (doc,) = project.documents.insert_batch(s, [NewDocument("张张", text, "test", {})])
    same = [Entity(i, i + 1, "PER") for i in range(0, 2000, 2)]
    for name, extra in (("alice", []), ("bob", [Entity(2001, 2002, "PER")])):
        ctx = Context(doc, project.annotator(name).id)
        AddSpans(ctx, same + extra).do(project.annotations)
        SetDocumentState(ctx, DocState.DONE, DocState.IN_PROGRESS).do(project.annotations)


def test_a_document_with_a_disagreement_never_reads_as_full_agreement(tmp_path: Path) -> None:
    """The review queue showed 1.00 (the window) or 1.000 for a document the annotators disagree on; a
    lead sorting by it took it for settled. An imperfect score reads below one."""
    db = f"sqlite:///{tmp_path / 't.db'}"
    with Project.open(db) as project:
        _nearly_agreed(project)
    queue = newstag("review-queue", "--as", "alice", "--db", db)
    assert queue.returncode == 0, queue.stderr
    assert queue.stdout.startswith("0.999  open"), queue.stdout
    table = newstag("agreement", "--as", "alice", "--db", db)
    assert "F1 0.999 / 0.999" in table.stdout and "\n  0.999  #1 " in table.stdout, table.stdout
    assert shown_score(1.0) == "1.000" and shown_score(0.9994) == "0.999" and shown_score(0.5) == "0.500"


def _columns(text: str) -> int:
    """Terminal columns of ``text``, counted here on their own: a hanzi takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_tables_line_up_after_chinese_names(tmp_path: Path) -> None:
    """A lead's team has Chinese names: the figures after 张伟 start in the same terminal column as after
    alice (a name padded to 20 code points took 22 columns, or 24, and pushed its row's figures right)."""
    db = f"sqlite:///{tmp_path / 't.db'}"
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "".join(json.dumps({"text": f"王芳在北京工作{i}。"}, ensure_ascii=False) + "\n" for i in range(6)),
        encoding="utf-8",
    )
    assert newstag("import", str(corpus), "--db", db, "--quiet").returncode == 0
    for name in ("李明", "alice", "张伟", "欧阳小明"):
        assert (
            newstag("annotators", "add", name, "--role", "annotator", "--as", "李明", "--db", db).returncode
            == 0
        )
    assigned = newstag(
        "assign", "--annotators", "alice,张伟,欧阳小明", "--overlap", "1", "--as", "李明", "--db", db
    )
    assert assigned.returncode == 0, assigned.stderr
    with Project.open(db) as project:
        for name, label in (("alice", "PER"), ("张伟", "PER"), ("欧阳小明", "LOC")):
            me = project.annotator(name)
            for doc in project.documents.ids()[:2]:
                ctx = Context(doc, me.id)
                AddSpans(ctx, [Entity(0, 2, label)]).do(project.annotations)
                SetDocumentState(ctx, DocState.DONE, DocState.IN_PROGRESS).do(project.annotations)

    def figures_start(lines: list[str]) -> set[int]:
        return {_columns(line[: re.search(r"\d", line).start()]) for line in lines}  # type: ignore[union-attr]

    rows = [line for line in assigned.stdout.splitlines() if "in total" in line]
    assert len(rows) == 3 and len(figures_start(rows)) == 1, assigned.stdout
    stats = newstag("stats", "--db", db).stdout
    rows = [line for line in stats.splitlines() if " done " in line and "assigned" in line]
    assert len(rows) == 3 and len(figures_start(rows)) == 1, stats
    table = newstag("agreement", "--as", "李明", "--db", db).stdout
    lines = table.splitlines()
    top = lines.index("exact span F1 matrix:")
    header, rows = lines[top + 1], lines[top + 2 : top + 5]
    assert len(figures_start(rows)) == 1, table
    ends = {_columns(header[: header.index(n) + len(n)]) for n in ("alice", "张伟", "欧阳小明")}
    cells = {_columns(rows[0][: m.end()]) for m in re.finditer(r"\d\.\d{3}", rows[0])}
    assert ends == cells, table  # each name over its column of figures


def test_kappa_alpha_and_the_matrix_never_read_as_full_agreement(tmp_path: Path) -> None:
    """The pair line said F1 0.999 while the matrix beside it said 1.000 for the same pair, and kappa and
    alpha (0.9995) read 1.000: only the matrix's diagonal is a perfect 1."""
    db = f"sqlite:///{tmp_path / 't.db'}"
    with Project.open(db) as project:
        _nearly_agreed(project)
    table = newstag("agreement", "--as", "alice", "--db", db).stdout
    assert "kappa 0.999 " in table and "Krippendorff's alpha (nominal, over characters): 0.999" in table
    lines = table.splitlines()
    top = lines.index("exact span F1 matrix:")
    assert lines[top + 2].split()[1:] == ["1.000", "0.999"] and lines[top + 3].split()[1:] == [
        "0.999",
        "1.000",
    ]
    assert table.count("1.000") == 2, table


def test_a_label_nobody_of_a_pair_used_reads_as_no_f1_not_as_full_agreement(tmp_path: Path) -> None:
    """agreement --label PER for a pair who tagged no person said "F1 1.000 / 1.000 … (matched 0, only
    alice 0, only bob 0)" and 1.000 in the matrix: now that there is no PER span by either, and "–"."""
    db = f"sqlite:///{tmp_path / 't.db'}"
    with Project.open(db) as project:
        with project.transaction() as s:
            docs = project.documents.insert_batch(
                s, [NewDocument(f"第{i}篇", f"李强在北京{i}。", "test", {}) for i in range(2)]
            )
        for name, doc, entities in (
            ("alice", docs[0], [Entity(3, 5, "LOC")]),
            ("bob", docs[0], [Entity(3, 5, "LOC")]),
            ("bob", docs[1], [Entity(0, 2, "PER")]),
            ("carol", docs[1], [Entity(0, 2, "PER")]),
        ):
            ctx = Context(doc, project.annotator(name).id)
            AddSpans(ctx, entities).do(project.annotations)
            SetDocumentState(ctx, DocState.DONE, DocState.IN_PROGRESS).do(project.annotations)
    table = newstag("agreement", "--as", "alice", "--label", "PER", "--db", db).stdout
    assert "  alice × bob: 1 document(s)  no PER span by either: no F1  kappa 1.000\n" in table, table
    assert "  alice × carol: no document finished by both\n" in table, table
    assert "  bob × carol: 1 document(s)  F1 1.000 / 1.000" in table, table
    lines = table.splitlines()
    top = lines.index("exact span F1 matrix:")
    assert [line.split()[1:] for line in lines[top + 2 : top + 5]] == [
        ["1.000", "–", "–"],
        ["–", "1.000", "1.000"],
        ["–", "1.000", "1.000"],
    ], table
    # the JSON said "f1": 1.0 (and precision, recall 1.0) for alice × bob, and kappa 1.0 for alice × carol
    report = json.loads(
        newstag("agreement", "--as", "alice", "--label", "PER", "--format", "json", "--db", db).stdout
    )
    pairs = {(p["a"], p["b"]): p for p in report["pairs"]}
    nothing = {"f1": None, "precision": None, "recall": None, "matched": 0, "only_a": 0, "only_b": 0}
    assert pairs[("alice", "bob")]["exact"] == pairs[("alice", "bob")]["overlap"] == nothing
    assert pairs[("alice", "bob")]["per_label"] == {} and pairs[("alice", "bob")]["documents"] == 1
    assert pairs[("alice", "carol")]["exact"] == nothing and pairs[("alice", "carol")]["kappa"] is None
    assert pairs[("bob", "carol")]["exact"] == {
        **nothing,
        "f1": 1.0,
        "precision": 1.0,
        "recall": 1.0,
        "matched": 1,
    }


def test_assign_with_nothing_left_to_assign_says_why(tmp_path: Path) -> None:
    """A second assign said "assigned 0 document(s), 0 to two annotators": the lead could not tell a typo
    from a project handed out already. It says every document is assigned, and how to hand them out again."""
    db = f"sqlite:///{tmp_path / 't.db'}"
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"text": f"第{i}篇。"}) + "\n" for i in range(4)), encoding="utf-8")
    assert newstag("import", str(corpus), "--db", db, "--quiet").returncode == 0
    first = newstag("assign", "--annotators", "alice,bob", "--db", db)
    assert first.stdout.startswith("assigned 4 document(s), 0 to two annotators"), first.stdout
    again = newstag("assign", "--annotators", "alice,bob", "--as", "alice", "--db", db)
    assert again.returncode == 0
    assert again.stdout.startswith("assigned nothing: every document is assigned already (--all hands"), (
        again.stdout
    )
    everything = newstag("assign", "--annotators", "alice", "--all", "--as", "alice", "--db", db)
    assert everything.stdout.startswith("assigned 2 document(s)"), everything.stdout  # bob's two
    full = newstag("assign", "--annotators", "alice", "--all", "--as", "alice", "--db", db)
    assert full.stdout.startswith("assigned nothing: these annotators have every document already"), (
        full.stdout
    )


def test_the_ranked_documents_beyond_twenty_are_counted_not_dropped(tmp_path: Path) -> None:
    """Twenty-two documents finished by two: the table listed the worst twenty and said nothing of the two
    others, so the lead took twenty for all there was."""
    db = f"sqlite:///{tmp_path / 't.db'}"
    with Project.open(db) as project:
        with project.transaction() as s:
            docs = project.documents.insert_batch(
                s, [NewDocument(f"第{i}篇", f"李强在北京{i}。", "test", {}) for i in range(22)]
            )
        for name in ("alice", "bob"):
            for doc in docs:
                ctx = Context(doc, project.annotator(name).id)
                AddSpans(ctx, [Entity(0, 2, "PER")]).do(project.annotations)
                SetDocumentState(ctx, DocState.DONE, DocState.IN_PROGRESS).do(project.annotations)
    table = newstag("agreement", "--as", "alice", "--db", db).stdout
    listed = [line for line in table.splitlines() if line.startswith("  1.000  #")]
    assert len(listed) == 20, table
    assert "  … 2 more, of 22 (--format json lists every one)" in table, table


def test_names_typed_with_a_chinese_input_method_s_comma_are_read_as_a_list(tmp_path: Path) -> None:
    """assign --annotators 王芳，张伟 (the comma of a Chinese input method, as the Assign documents… dialog
    reads it) was refused as "no annotator called 王芳，张伟; add them first": the lead would add no one
    rightly. The command line now splits there too."""
    db = f"sqlite:///{tmp_path / 't.db'}"
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"text": f"第{i}篇。"}) + "\n" for i in range(4)), encoding="utf-8")
    assert newstag("import", str(corpus), "--db", db, "--quiet").returncode == 0
    for name in ("李明", "王芳", "张伟"):
        assert (
            newstag("annotators", "add", name, "--role", "annotator", "--as", "李明", "--db", db).returncode
            == 0
        )
    assigned = newstag("assign", "--annotators", "王芳，张伟", "--overlap", "0.5", "--as", "李明", "--db", db)
    assert assigned.returncode == 0, assigned.stderr
    assert assigned.stdout.startswith("assigned 4 document(s), 2 to two annotators"), assigned.stdout
    agreed = newstag("agreement", "--annotators", "王芳， 张伟", "--as", "李明", "--db", db)
    assert agreed.returncode == 0 and "nothing to compare" in agreed.stdout, agreed.stderr


def test_the_agreement_table_says_its_caveat_once(tmp_path: Path) -> None:
    """ "O included" was said three times (the heading, the alpha line and the caveat at the end): the caveat,
    which says why it matters, says it once."""
    db = f"sqlite:///{tmp_path / 't.db'}"
    with Project.open(db) as project:
        _nearly_agreed(project)
    table = newstag("agreement", "--as", "alice", "--db", db).stdout
    assert table.count("O included") == 1 and table.rstrip().splitlines()[-1].startswith("caveat: "), table


def test_the_review_queue_keeps_the_annotators_in_a_column(tmp_path: Path) -> None:
    """review-queue printed each title as it was (新华社快讯 takes ten terminal columns, Reuters five), so the
    annotators after it stood wherever the title ended; now titles are padded by terminal width and a long
    one is cut (…), and the annotators start in the same column on every line."""
    from model.text import display_width

    db = f"sqlite:///{tmp_path / 't.db'}"
    titles = [
        "新华社快讯",
        "Reuters",
        "一个非常非常长的标题，说的是北京和上海两座城市之间的合作与竞争",
        "Ａ 全角",
    ]
    with Project.open(db) as project:
        with project.transaction() as s:
            docs = project.documents.insert_batch(
                s, [NewDocument(t, f"李强在北京{i}。", "test", {}) for i, t in enumerate(titles)]
            )
        for i, doc in enumerate(docs):
            for name, entities in (("alice", [Entity(0, 2, "PER")]), ("张伟", [Entity(3, 5 - i % 2, "LOC")])):
                ctx = Context(doc, project.annotator(name).id)
                AddSpans(ctx, entities).do(project.annotations)
                SetDocumentState(ctx, DocState.DONE, DocState.IN_PROGRESS).do(project.annotations)
    run = newstag("review-queue", "--as", "alice", "--db", db)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == 4 and all(line.endswith("(alice, 张伟)") for line in lines), lines
    columns = {display_width(line[: line.index("(alice")]) for line in lines}
    assert len(columns) == 1, run.stdout
    assert columns.pop() <= 70, run.stdout  # the long title is cut, ending in …
    assert any("一个非常非常长的标题" in line and "…" in line for line in lines), run.stdout
