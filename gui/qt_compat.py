"""Work-arounds for bugs of the Qt binding we run on.

PySide6 6.12.0 (stable-ABI wheels) on Python 3.11 drops one reference to ``None`` on every call of a method
that returns nothing (``QPainter.setPen``, ``QWidget.update``, ``QLabel.setText`` …) and one to ``True`` on
every ``Signal.emit``: it relies on those singletons being immortal, which they are only from Python 3.12 on.
After a few thousand such calls CPython aborts with "Fatal Python error: none_dealloc" (or bool_dealloc).
``guard_none_refcount`` detects the leak and gives ``None``, ``True`` and ``False`` a reference count no
session can exhaust, as Python 3.12 does. Nothing happens on an unaffected binding or Python.
"""

from __future__ import annotations

import ctypes
import logging
import sys

logger = logging.getLogger(__name__)

_RESERVE = 1 << 40
_guarded = False


def none_refcount_leaks() -> bool:
    """True if calling a void Qt method lowers ``None``'s reference count, or emitting a signal ``True``'s."""
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtGui import QColor

    class Probe(QObject):
        pinged = Signal()

    colour, probe = QColor(0, 0, 0), Probe()
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(64):
        colour.setAlpha(255)
        probe.pinged.emit()
    after = sys.getrefcount(None), sys.getrefcount(True)
    return after[0] < before[0] - 32 or after[1] < before[1] - 32


def guard_none_refcount() -> bool:
    """Apply the work-around if this binding needs it (once). True if it was applied."""
    global _guarded
    if _guarded or sys.version_info >= (3, 12) or not none_refcount_leaks():
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE  # ob_refcnt: PyObject's first field
    _guarded = True
    logger.info(
        "PySide6 drops references to None and True (Python %s): made them effectively immortal",
        sys.version.split()[0],
    )
    return True
