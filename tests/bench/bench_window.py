"""Benchmark of the annotation window.

Usage: QT_QPA_PLATFORM=offscreen python tests/bench/bench_window.py [--db URL] [--ops N]
       [--synchronous full|normal]

Without ``--db`` it builds a database from ../shared/data/msra/train_variant.bio (one document per sentence,
~50k documents) in a temporary folder. Prints:
- opening a 6 KB article with 200 spans, and a 100,000-character article with 3,000 spans (text, spans, entity
  panel and the first paint);
- the paint time of one scroll step in the long article;
- accept / reject / relabel driven by key presses, including the database commit and the view refresh;
- ``newstag`` to an interactive window on the seeds, in a fresh subprocess (first on a new database, then
  again on the existing one).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import ROOT, shared_file

from model.ops import Insert
from model.spans import DocumentId, Layer, Origin, Status
from storage.documents import NewDocument
from storage.project import Project

LABELS = ("PER", "LOC", "ORG", "MISC")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def line(name: str, values_ms: list[float], target: float | None = None) -> None:
    p50, p95 = statistics.median(values_ms), percentile(values_ms, 95)
    verdict = "" if target is None else ("  OK" if p95 < target else f"  OVER the {target:g} ms target")
    print(f"{name:<48} median {p50:8.2f} ms   p95 {p95:8.2f} ms   max {max(values_ms):8.2f} ms{verdict}")


def build_database(folder: Path) -> str:
    from storage.formats.conll import Grouping

    url = f"sqlite:///{folder / 'bench.db'}"
    started = time.perf_counter()
    with Project.open(url) as project:
        report = project.importer.import_file(
            shared_file("msra/train_variant.bio"), grouping=Grouping.SENTENCE
        )
    print(f"built {report.imported:,} documents in {time.perf_counter() - started:.1f} s")
    return url


def long_article(project: Project, chars: int, spans: int, seed: int) -> DocumentId:
    """An article of ``chars`` characters of corpus sentences in paragraphs, with ``spans`` suggestions."""
    rng = random.Random(seed)
    with project.session_factory() as s:
        from sqlalchemy import select

        from storage.orm import DocumentRow

        sentences = list(s.scalars(select(DocumentRow.text).limit(3000)))
    parts, size = [], 0
    while size < chars:
        paragraph = "".join(rng.choice(sentences) for _ in range(4))
        parts.append(paragraph)
        size += len(paragraph) + 1
    text = "\n".join(parts)[:chars]
    with project.transaction() as s:
        (doc_id,) = project.documents.insert_batch(
            s, [NewDocument(f"bench {chars}", text, f"bench:{seed}", {})]
        )
    assert doc_id is not None
    step = len(text) // spans
    ops = [
        Insert(
            DocumentId(doc_id),
            Layer.SUGGESTION,
            None,
            i * step,
            i * step + 2 + (i % 3),
            LABELS[i % 4],
            Status.SUGGESTED,
            Origin.JIEBA,
        )
        for i in range(spans)
        if "\n" not in text[i * step : i * step + 5]
    ]
    project.annotations.replace_suggestions(DocumentId(doc_id), ops)
    return DocumentId(doc_id)


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def bench_open_and_scroll(window, short: DocumentId, long: DocumentId, other: DocumentId) -> None:
    from PySide6.QtWidgets import QApplication

    def open_(doc: DocumentId) -> None:
        window.session.open_document(doc)

    def paint() -> None:  # what the event loop does next: every dirty widget painted, one flush
        QApplication.processEvents()

    for name, doc, target, runs in (
        ("6 KB article, 200 spans", short, 30, 60),
        ("100,000-char article, 3,000 spans", long, 400, 6),
    ):
        opening, painting, total = [], [], []
        for _ in range(runs):
            open_(other)
            QApplication.processEvents()
            opening.append(timed(lambda d=doc: open_(d)))
            painting.append(timed(paint))
            total.append(opening[-1] + painting[-1])
        size = f"{len(window.session.document.text):,} chars, {len(window.session.spans):,} spans"
        print(f"-- {name} ({size})")
        line("  open: read, text, spans, entity panel", opening)
        line("  first paint (event loop: all dirty widgets)", painting)
        line("  open + first paint", total, target)

    open_(long)
    bar = window.article.verticalScrollBar()
    paints = []
    for i in range(120):
        bar.setValue(bar.value() + bar.singleStep() * 3 if i < 100 else bar.value() - bar.singleStep() * 3)
        paints.append(timed(window.article.viewport().repaint))
    line("scroll step paint (long article)", paints, 16)


def bench_actions(qtbot_keys, window, project: Project, ops: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    # Documents with enough suggestions: copy each one's gold spans as suggestions (as if suggested).
    with project.session_factory() as s:
        from sqlalchemy import func, select

        from storage.orm import SpanRow

        rows = s.execute(
            select(SpanRow.document_id)
            .where(SpanRow.layer == "gold")
            .group_by(SpanRow.document_id)
            .having(func.count() >= 3)
            .order_by(SpanRow.document_id)
            .limit(ops)
        ).all()
    docs = [DocumentId(r[0]) for r in rows]
    for doc in docs:
        gold = project.annotations.spans(doc, Layer.GOLD)
        project.annotations.replace_suggestions(
            doc,
            [
                Insert(doc, Layer.SUGGESTION, None, g.start, g.end, g.label, Status.SUGGESTED, Origin.JIEBA)
                for g in gold
            ],
        )
    results: dict[str, list[float]] = {"accept (Enter)": [], "reject (X)": [], "relabel (2)": []}
    keys = {"accept (Enter)": Qt.Key.Key_Return, "reject (X)": Qt.Key.Key_X, "relabel (2)": Qt.Key.Key_2}
    for doc in docs:
        window.session.open_document(doc)
        QApplication.processEvents()
        for name, key in keys.items():
            if window.session.focused_span is None:
                break
            results[name].append(timed(lambda k=key: qtbot_keys(window.article, k)))
            QApplication.processEvents()
    for name, values in results.items():
        line(f"{name}: commit + view refresh", values, 15)


def bench_durability(project: Project, rounds: int = 10, block: int = 20) -> None:
    """What ``synchronous=FULL`` costs per saved action against NORMAL, measured interleaved (blocks of each
    in turn, fresh connections for each block) so that the load of other jobs falls on both alike: an accept
    of one suggestion, committed, on documents of the 50k-document database."""
    from model.commands import AcceptSpans, Context

    with project.session_factory() as s:
        from sqlalchemy import select

        from storage.orm import SpanRow

        rows = s.execute(
            select(SpanRow.document_id)
            .where(SpanRow.layer == "suggestion")
            .group_by(SpanRow.document_id)
            .limit(rounds * block * 2)
        ).all()
    docs = [DocumentId(r[0]) for r in rows]
    me = project.annotator("bench-durability")
    times: dict[str, list[float]] = {"NORMAL": [], "FULL": []}
    previous = os.environ.get("NEWSTAG_SQLITE_SYNCHRONOUS")
    try:
        for i in range(rounds * 2):
            mode = ("NORMAL", "FULL")[i % 2]
            os.environ["NEWSTAG_SQLITE_SYNCHRONOUS"] = mode
            project.engine.dispose()
            for doc in docs[i * block % len(docs) :][:block]:
                suggestion = project.annotations.spans(doc, Layer.SUGGESTION)[0]
                command = AcceptSpans(Context(doc, me.id), [suggestion])
                times[mode].append(timed(lambda c=command: c.do(project.annotations)))
                command.undo(project.annotations)
    finally:
        if previous is None:
            os.environ.pop("NEWSTAG_SQLITE_SYNCHRONOUS", None)
        else:
            os.environ["NEWSTAG_SQLITE_SYNCHRONOUS"] = previous
        project.engine.dispose()
    for mode, values in times.items():
        line(f"accept commit alone, synchronous={mode} (interleaved)", values)


def bench_startup(url_folder: Path) -> None:
    """From ``newstag`` to an interactive window, in a fresh interpreter (the window quits once it is up)."""
    script = (
        "import sys, time\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "import gui.main_window as mw\n"
        "show = mw.MainWindow.show\n"
        "def shown(self):\n"
        "    show(self)\n"
        "    QTimer.singleShot(0, ready)\n"
        "def ready():\n"
        "    print('READY', flush=True)\n"
        "    sys.stdout.close()\n"
        "    QApplication.instance().quit()\n"
        "mw.MainWindow.show = shown\n"
        "from gui.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = dict(
        os.environ,
        NEWSTAG_CONFIG_DIR=str(url_folder / "config"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
    )
    url = f"sqlite:///{url_folder / 'seeds.db'}"
    for label in (
        "cold (new database: migrate, import the seeds)",
        "again (existing database)",
        "again (existing database)",
    ):
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", script, "--db", url, "--annotator", "bench"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert child.stdout is not None
        ready = any("READY" in output for output in child.stdout)  # reads until the child closes stdout
        elapsed = (time.perf_counter() - started) * 1000
        child.wait(timeout=120)
        exited = (time.perf_counter() - started) * 1000
        print(
            f"newstag → interactive window, {label:<44} {elapsed:8.0f} ms"
            f"{'  OK' if ready and elapsed < 2000 else ''}"
            f"{'' if ready else '  (no window: ' + (child.stderr.read() if child.stderr else '')[-99:]}"
            f"   (process gone after {exited:.0f} ms)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", metavar="URL", help="an existing database holding the MSRA training data")
    parser.add_argument(
        "--ops", type=int, default=120, help="documents to accept/reject/relabel in (default 120)"
    )
    parser.add_argument("--startup-only", action="store_true", help="only measure the start-up")
    parser.add_argument(
        "--synchronous",
        choices=["full", "normal"],
        help="SQLite's synchronous setting (default: newstag's, FULL)",
    )
    args = parser.parse_args()
    if args.synchronous:
        os.environ["NEWSTAG_SQLITE_SYNCHRONOUS"] = args.synchronous
    if args.startup_only:
        with tempfile.TemporaryDirectory() as tmp:
            bench_startup(Path(tmp))
        return

    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["NEWSTAG_CONFIG_DIR"] = str(folder / "config")
        url = args.db or build_database(folder)
        project = Project.open(url)
        with project.engine.connect() as conn:
            synchronous = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}.get(
                conn.exec_driver_sql("PRAGMA synchronous").scalar() or 0, "?"
            )
        print(f"database: {project.url} ({project.documents.count():,} documents, synchronous={synchronous})")
        short = long_article(project, 2000, 200, 1)  # 2,000 CJK characters ≈ 6 KB of UTF-8
        long = long_article(project, 100_000, 3000, 2)
        # the imported gold would start a background CRF training run: it would compete with what we measure
        project.settings.set("model", {"enabled": False})
        window = MainWindow(project, project.annotator("bench"))
        window.show()
        app.processEvents()
        from PySide6.QtGui import QFontDatabase, QFontInfo

        cjk = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        print(
            f"article font: {QFontInfo(window.article.font()).family()}; "
            f"{len(cjk)} font families with Chinese glyphs installed"
            + ("" if cjk else " (none: Chinese draws as boxes, and first paints are slower)")
        )
        bench_open_and_scroll(window, short, long, project.documents.ids()[0])
        bench_actions(lambda w, k: QTest.keyClick(w, k), window, project, args.ops)
        bench_durability(project)
        window.close()
        project.close()
        bench_startup(folder)


if __name__ == "__main__":
    main()
