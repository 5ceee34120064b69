"""The main window (starter version: document list and the article as plain text)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMainWindow, QPlainTextEdit, QSplitter

from model.spans import Annotator
from storage.project import Project


class MainWindow(QMainWindow):
    def __init__(self, project: Project, annotator: Annotator) -> None:
        super().__init__()
        self.project = project
        self.annotator = annotator
        self.setWindowTitle(f"newstag — {annotator.name}")
        self.resize(1200, 800)
        self.documents = QListWidget(objectName="documentList")
        self.article = QPlainTextEdit(objectName="articleView", readOnly=True)
        font = QFont()
        font.setFamilies(["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"])
        font.setPointSize(13)
        self.article.setFont(font)
        splitter = QSplitter()
        splitter.addWidget(self.documents)
        splitter.addWidget(self.article)
        splitter.setSizes([300, 900])
        self.setCentralWidget(splitter)
        for doc in project.documents.all():
            item = QListWidgetItem(doc.title)
            item.setData(256, doc.id)
            self.documents.addItem(item)
        self.documents.currentItemChanged.connect(self._open)
        self.documents.setCurrentRow(0)
        self.statusBar().showMessage(f"{project.documents.count()} documents · {annotator.name}")

    def _open(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.article.setPlainText(self.project.documents.get(item.data(256)).text)
