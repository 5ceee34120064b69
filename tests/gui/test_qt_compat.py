"""The binding work-around: thousands of void Qt calls must not exhaust None's reference count."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from gui.qt_compat import guard_none_refcount, none_refcount_leaks


def test_none_survives_many_void_calls(qapp: QApplication) -> None:
    guard_none_refcount()

    class Pinger(QObject):
        pinged = Signal()

    colour, pinger = QColor(0, 0, 0), Pinger()
    for _ in range(200_000):  # more than None's and True's natural reference counts on Python 3.11
        colour.setAlpha(1)
        pinger.pinged.emit()
    assert sys.getrefcount(None) > 1000 and sys.getrefcount(True) > 1000
    assert isinstance(none_refcount_leaks(), bool)
