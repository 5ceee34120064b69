"""The annotation window's status bar: the selection or focused span, suggestions left, the article's place
in the list, the annotator's progress, whether rejected spans are shown.

Its texts keep the ``MainWindow`` translation context they were written in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSizeGrip, QSizePolicy, QWidget

from gui.article_view import ArticleView
from gui.document_table import DocumentListModel
from gui.plain_text import plain_label
from gui.session import AnnotationSession
from gui.terms import origin_said, word
from gui.window_keys import on_their_way, suggesting_said
from model.spans import Layer

SELECTION_SHOWN = 24  # characters of a selection quoted in the status bar
MESSAGE_MARGIN = 40  # pixels: the message's indent and the size grip


class StatusLine(QObject):
    def __init__(
        self,
        window: QMainWindow,
        session: AnnotationSession,
        article: ArticleView,
        documents: DocumentListModel,
        actions_by_command: dict[str, QAction],
    ) -> None:
        super().__init__(window)
        self.session, self.article, self.documents = session, article, documents
        self.actions_by_command = actions_by_command
        self.progress_label = plain_label(name="progressLabel")
        self.suggestions_label = plain_label(name="suggestionsLabel")
        self.focus_label = plain_label(name="focusLabel")
        self.suggester_label = plain_label(name="suggesterLabel")
        self.annotator_label = plain_label(
            QCoreApplication.translate("MainWindow", "Annotator: {0}").format(session.annotator.name),
            name="annotatorLabel",
        )
        self.position_label = plain_label(name="positionLabel")
        self.rejected_label = plain_label(
            QCoreApplication.translate("MainWindow", "showing rejected"), name="rejectedLabel"
        )
        self.rejected_label.setStyleSheet("color: #8a1c14; font-weight: bold;")
        self.rejected_label.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Your rejected spans are shown, struck through (Ctrl+H hides them)"
            )
        )
        # Fixed heights (CJK text is taller than Latin) and an ignored width for the focus text: a status
        # change must not re-lay out, and so repaint, the whole window.
        self.focus_label.setText("裴青山 Ag")
        height = self.focus_label.sizeHint().height() + 4
        self.focus_label.clear()
        self.focus_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        right = (
            self.rejected_label,
            self.suggester_label,
            self.suggestions_label,
            self.position_label,
            self.progress_label,
            self.annotator_label,
        )
        for label in (self.focus_label, *right):
            label.setFixedHeight(height)
            label.setTextFormat(Qt.TextFormat.PlainText)
        # Widths that fit the longest text these labels show, so a new count never re-lays out the window.
        metrics = self.suggestions_label.fontMetrics()
        for label, widest in (
            (self.suggestions_label, self._suggestions_left(9999)),  # longer than "Not suggested yet"
            (
                self.progress_label,
                QCoreApplication.translate("MainWindow", "Done {0:,} / {1:,}").format(999999, 999999),
            ),
            (
                self.position_label,
                QCoreApplication.translate("MainWindow", "Article {0:,} of {1:,}").format(999999, 999999),
            ),
            (self.suggester_label, QCoreApplication.translate("MainWindow", "Loading suggestions…")),
        ):
            label.setMinimumWidth(metrics.horizontalAdvance(widest) + 8)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.bar = window.statusBar()
        self.bar.addWidget(self.focus_label, 1)
        for label in right:
            self.bar.addPermanentWidget(label)
        self.rejected_label.hide()
        self._rejected_wanted = False
        self._made_room: list[QLabel] = []  # labels hidden while a long message shows
        self._narrow: list[QLabel] = []  # labels hidden while the window is narrow
        self._model_state: QLabel | None = None  # the model's state, shown by the window's menus
        self.bar.installEventFilter(self)
        self._described: tuple[object, ...] | None = None  # the document and focused span described
        self._awaiting = False  # the open article had no suggestion yet (opening it asked the engine)
        self._done: int | None = None  # documents the annotator has done (None: not known yet)
        self._greeted = False  # the first-start hint was shown (or is not for this annotator)
        self._hint = ""  # the hint, until the bar is on screen (a message shown before hides no label)
        self._selection: tuple[int, int] | None = None  # the selection described
        self._said_over: tuple[int, int] | None = None  # the selection there when the message was shown
        self.bar.messageChanged.connect(self._make_room)

    def show_rejected(self, shown: bool) -> None:
        self._rejected_wanted = shown
        hidden = (*self._made_room, *self._narrow)
        self.rejected_label.setVisible(shown and self.rejected_label not in hidden)
        if shown and not self._made_room:
            self.fit()

    def selection_changed(self) -> None:
        """A new selection is a move of the annotator's: what the bar said before it (the first-start hint,
        "Labelled 2 more …") goes, so that the selection's description and its label keys show (a message
        hides them). A selection cleared takes with it what was said about it ("Text is selected: …",
        after Escape)."""
        selection = self.article.selection()
        if selection != self._selection:
            said_over, self._selection = self._said_over, selection
            if selection is not None or said_over is not None:
                self._hint = ""
                self.bar.clearMessage()
        self.describe()

    def _make_room(self, message: str) -> None:
        """Qt cuts a message off at the first label on the right: while one is too long, the labels
        (the model's state and the suggestions left first, the annotator's name last) step aside."""
        self._said_over = self.article.selection() if message else None
        for label in self._made_room:
            label.setVisible(
                label not in self._narrow and (label is not self.rejected_label or self._rejected_wanted)
            )
        self._made_room = []
        if not message:
            self.fit()  # what came back may not fit a narrow window
            return
        self._step_aside(self.bar.fontMetrics().horizontalAdvance(message) + MESSAGE_MARGIN, self._made_room)

    def _step_aside(self, needed: int, hidden: list[QLabel]) -> None:
        """Hide labels on the right, in ``_order``, until the left part has ``needed`` pixels
        beside everything else the bar shows (the model's state); each goes into ``hidden``."""
        others = self.bar.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        shown = [
            w
            for w in others
            if w.isVisibleTo(self.bar) and w is not self.focus_label and not isinstance(w, QSizeGrip)
        ]  # the size grip is in the margin
        room = self.bar.width() - sum(self._width(w) for w in shown)
        steppable = [label for label in self._order() if label in shown]
        for label in steppable:
            if room >= needed:
                break
            label.hide()
            hidden.append(label)
            room += self._width(label)

    def _label_keys(self) -> str:
        """The label keys a selection's description lists: “1 PER  2 LOC”."""
        actions = [
            (label.name, self.actions_by_command.get(f"label_{label.name}")) for label in self.session.labels
        ]
        return "  ".join(
            f"{a.shortcut().toString()} {name}"
            for name, a in actions
            if a is not None and not a.shortcut().isEmpty()
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.bar and event.type() == QEvent.Type.Resize:
            self.fit()
        if watched is self.bar and event.type() == QEvent.Type.Show and self._hint:
            hint, self._hint = self._hint, ""
            self.bar.showMessage(hint)  # its labels are on screen now: the message hides the focused span's
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        """In a narrow window the labels on the right step aside (in the order they do for a long message)
        until the left part has room for a selection's description with its label keys; they come back
        when the window is wide again. Only on resizing: a status change never re-lays out the window."""
        narrow, self._narrow = self._narrow, []
        for label in narrow:
            label.setVisible(
                label not in self._made_room and (label is not self.rejected_label or self._rejected_wanted)
            )
        sample = QCoreApplication.translate("MainWindow", "Selected “{0}” · {1} · label it: {2}").format(
            "裴青山" * 2,
            QCoreApplication.translate("MainWindow", "{0:,} characters").format(6),
            self._label_keys(),
        )
        self._step_aside(
            self.focus_label.fontMetrics().horizontalAdvance(sample) + MESSAGE_MARGIN, self._narrow
        )

    @staticmethod
    def _width(widget: QWidget) -> int:
        return max(widget.minimumWidth(), widget.sizeHint().width()) + 6

    def add_model_state(self, label: QLabel) -> None:
        """The model's state (``WindowMenus``'s label, on the bar already): it steps aside first."""
        self._model_state = label

    def _order(self) -> list[QLabel]:
        """The labels that step aside, first to last: the model's state (the trained model's, the
        suggester's), the suggestions left, the article's place, the progress, the rejected spans' indicator,
        the annotator's name."""
        model = [self._model_state] if self._model_state is not None else []
        return [
            *model,
            self.suggester_label,
            self.suggestions_label,
            self.position_label,
            self.progress_label,
            self.rejected_label,
            self.annotator_label,
        ]

    def show_position(self) -> None:
        """Article N of M, M being the documents in the list's current filter."""
        document = self.session.document
        if document is None:
            self.position_label.clear()
            return
        total = self.documents.total
        place = self.documents.position(document.id)
        self.position_label.setText(
            QCoreApplication.translate("MainWindow", "Article {0:,} of {1:,}").format(place, total)
            if place
            else QCoreApplication.translate("MainWindow", "Not in the filter ({0:,})").format(total)
        )

    def spans_changed(self) -> None:
        layers = self.session.layers
        suggested = layers is None or bool(layers.suggestions)  # none stored yet: opening asked the engine
        self.suggestions_label.setText(
            self._suggestions_left(len(self.session.open_suggestions()) if suggested else None)
        )
        # A message said something of the span or article the annotator has since left ("Labelled 2 more
        # 𠮷野家 in this article" over the next article): it goes, and the focused span shows again. The
        # article's suggestions arriving (its first one framed) is no move of the annotator's: what was
        # said on opening it (the title typed in the list, the undecided suggestions of the article marked
        # done) stays, unless it said that they were on their way.
        document, span = self.session.document, self.session.focused_span
        described = (document.id if document else None, span.entity if span else None)
        before = self._described[0] if self._described else None
        arrived = self._awaiting and suggested and described[0] == before
        self._awaiting = not suggested
        if described != self._described:
            self._described = described
            self._hint = ""
            message = self.bar.currentMessage()
            if not arrived or suggesting_said() in message or on_their_way() in message:
                self.bar.clearMessage()
        self.describe()
        self._greet()

    def _greet(self) -> None:
        """An annotator who has decided nothing yet (nothing done, no span of theirs in the article) meets a
        framed suggestion and no word of what to press: the status bar says it once, with the keys as the
        keymap has them, until the focus moves (their first decision)."""
        span, layers = self.session.focused_span, self.session.layers
        if self._greeted or self._done is None or span is None or layers is None:
            return
        self._greeted = True
        if self._done or layers.own or span.layer is not Layer.SUGGESTION:
            return
        keys = [self._key(c) for c in ("accept_focused", "reject_focused", "focus_next", "show_shortcuts")]
        if all(keys):
            said = QCoreApplication.translate(
                "MainWindow",
                "{0} accepts the framed suggestion, {1} rejects it, {2} goes to the next one; "
                "{3} lists every key.",
            )
            if self.bar.isVisible():
                self.bar.showMessage(said.format(*keys))
            else:  # shown before the window: the focused span's label, shown with it, would cover it
                self._hint = said.format(*keys)

    def _key(self, command: str) -> str:
        action = self.actions_by_command.get(command)
        return "" if action is None else action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

    @staticmethod
    def _suggestions_left(left: int | None) -> str:
        if left is None:
            return QCoreApplication.translate("MainWindow", "Not suggested yet")
        if left == 1:
            return QCoreApplication.translate("MainWindow", "1 suggestion left in this article")
        return QCoreApplication.translate("MainWindow", "{0:,} suggestions left in this article").format(left)

    def progress(self, done: int, total: int) -> None:
        self.progress_label.setText(
            QCoreApplication.translate("MainWindow", "Done {0:,} / {1:,}").format(done, total)
        )
        self._done = done
        self._greet()

    def describe(self) -> None:
        """The left part: the active selection (its text, length and the keys that label it), else the
        focused span."""
        selection = self.article.selection()
        if selection is not None and self.session.document is not None:
            start, end = selection
            text = self.session.document.text[start:end]
            quoted = text if len(text) <= SELECTION_SHOWN else text[: SELECTION_SHOWN - 1] + "…"
            keys = self._label_keys()
            length = (
                QCoreApplication.translate("MainWindow", "1 character")
                if end - start == 1
                else QCoreApplication.translate("MainWindow", "{0:,} characters").format(end - start)
            )
            if keys:
                self.focus_label.setText(
                    QCoreApplication.translate("MainWindow", "Selected “{0}” · {1} · label it: {2}").format(
                        quoted, length, keys
                    )
                )
            else:
                self.focus_label.setText(
                    QCoreApplication.translate("MainWindow", "Selected “{0}” · {1}").format(quoted, length)
                )
            return
        span = self.session.focused_span
        if span is None:
            self.focus_label.setText("")
        else:
            text = self.session.surface(span)
            said = f"{span.label} “{text}” · {word(span.status)} · {origin_said(span.origin)}"
            self.focus_label.setText(said)
