"""GUI fixtures: a small corpus with known suggestions, a stand-in suggestion service that records what the
window asks of it (and from which thread), and a window factory."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from model.ops import Insert
from model.spans import DocumentId, Entity, Layer, Origin, Status
from storage.documents import NewDocument
from storage.project import Project

ARTICLE = "越南外交部部长裴青山与美国国务卿布林肯举行会谈。\n裴青山强调,越南将美国视为重要伙伴。"
# (start, end, label) suggestions for ARTICLE: 越南外交部 ORG, 裴青山 PER, 美国 LOC, 布林肯 PER, 裴青山 PER
SUGGESTIONS = [(0, 5, "ORG"), (7, 10, "PER"), (11, 13, "LOC"), (16, 19, "PER"), (25, 28, "PER")]
OTHER = "布林肯访问河内,会见裴青山。"
EXOTIC = "𠮷野家\u3000𠮷田😀说:\r\n东京\u2028大阪<b>见</b>。\n北京欢迎你"


def add_documents(project: Project, texts: Sequence[str]) -> list[DocumentId]:
    with project.transaction() as s:
        ids = project.documents.insert_batch(
            s, [NewDocument(t.split("\n")[0][:20], t, f"test:{i}", {}) for i, t in enumerate(texts)]
        )
    return [DocumentId(i) for i in ids if i is not None]


def add_suggestions(project: Project, doc: DocumentId, spans: Sequence[tuple[int, int, str]]) -> None:
    project.annotations.replace_suggestions(
        doc,
        [
            Insert(doc, Layer.SUGGESTION, None, a, b, label, Status.SUGGESTED, Origin.JIEBA)
            for a, b, label in spans
        ],
    )


class FakeService:
    """Stands in for ``SuggestionService`` without jieba: ``ensure`` stores ``planned`` suggestions."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.planned: dict[int, list[tuple[int, int, str]]] = {}
        self.learned: list[tuple[DocumentId, list[Entity], list[Entity]]] = []
        self.threads: list[threading.Thread] = []
        self.resuggest: list[DocumentId] = []
        self.resynced: list[tuple[DocumentId, list[str]]] = []
        self.doubt: dict[int, float] = {}  # document -> uncertainty, for the "most uncertain first" order
        self.model_id: int | None = None

    def uncertainties(self, texts: dict[DocumentId, str]) -> dict[DocumentId, float]:
        self.threads.append(threading.current_thread())
        return {doc: self.doubt.get(doc, 0.0) for doc in texts}

    def warm_up(self, stop: threading.Event | None = None) -> None:
        self.threads.append(threading.current_thread())

    def ensure(self, document_id: DocumentId) -> bool:
        self.threads.append(threading.current_thread())
        spans = self.planned.get(document_id)
        if not spans:
            return False
        add_suggestions(self.project, document_id, spans)
        return True

    def learn(
        self,
        document_id: DocumentId,
        accepted: list[Entity],
        rejected: list[Entity] = (),
        propagate: bool = True,
        lesson: object = None,
    ) -> list[DocumentId]:
        self.threads.append(threading.current_thread())
        self.learned.append((document_id, list(accepted), list(rejected)))
        return list(self.resuggest)

    def resync(
        self, document_id: DocumentId, surfaces: list[str], lesson: object = None, again: bool = False
    ) -> list[DocumentId]:
        self.threads.append(threading.current_thread())
        if surfaces:
            self.resynced.append((document_id, list(surfaces)))
        return []

    def word_bounds(self, text: str) -> list[tuple[int, int]]:
        """Two-character words, for a predictable snap."""
        return [(i, min(i + 2, len(text))) for i in range(0, len(text), 2)]


@pytest.fixture(autouse=True, scope="session")
def chinese_font(qapp: QApplication) -> str:
    """The window tests measure and paint Chinese text, so they need what the README's install line gives a
    Linux machine: a font with Chinese characters. Without one every glyph is a box and the geometry the
    drawing tests check is not the product's; say so once per test rather than fail obscurely."""
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if not families:
        pytest.fail(
            "No installed font has Chinese characters; the window tests need one. Install it as the README "
            "says (Debian or Ubuntu: sudo apt-get install fonts-noto-cjk).",
            pytrace=False,
        )
    return families[0]


@pytest.fixture
def corpus(sqlite_project: Project) -> list[DocumentId]:
    ids = add_documents(sqlite_project, [ARTICLE, OTHER, EXOTIC])
    add_suggestions(sqlite_project, ids[0], SUGGESTIONS)
    add_suggestions(sqlite_project, ids[1], [(0, 3, "PER")])
    return ids


@pytest.fixture
def service(sqlite_project: Project) -> FakeService:
    return FakeService(sqlite_project)


@pytest.fixture
def make_window(
    qtbot: QtBot, sqlite_project: Project, service: FakeService
) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []

    def make(name: str = "alice", active: bool = True, **kwargs: object) -> MainWindow:
        """``active=False``: do not wait for the window to be the active one (a dialog it opens at start,
        such as the damaged-database box, may take the activation first)."""
        window = MainWindow(
            sqlite_project, sqlite_project.annotator(name), kwargs.pop("service", service), **kwargs
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        window.article.setFocus()
        if active:
            qtbot.waitUntil(window.isActiveWindow, timeout=30_000)  # keys reach the active window only
        qtbot.waitUntil(
            lambda: not window._start_timer.isActive() and window.session.workers.busy == 0, timeout=60_000
        )
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
