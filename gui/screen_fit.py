"""Windows and dialogs that fit the screen they open on, and windows that come back where they were.

Each window has a size it was laid out for (the annotation window 1400×860, the Import… dialog 1180×780). On a
smaller screen (a 1366×768 laptop, whose taskbar leaves about 728 pixels) that size ran off the bottom of the
screen, the status bar and the dialogs' buttons out of reach: a window manager that does not shrink windows
to the work area (Windows, a bare X window manager) showed it so. Now a window takes its size where the
screen's available area allows, and as much of it as the area holds otherwise, centred on it.

The annotation and review windows also remember their place (size, position, maximised) for the user, in
the settings file, and come back there, on the screen that is still attached (Qt moves a window saved on a
screen since unplugged onto one that is there).

The offscreen platform (scripts and tests without a display) has no real screen: its nominal 800×600 area is
no reason to shrink a window, so there a window takes the size it asked for.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from gui import settings

logger = logging.getLogger(__name__)

MARGIN = 0.96  # of the available area at most: the frame and title bar the window manager adds stay on it


def available_area(window: QWidget) -> QRect | None:
    """The area of the screen ``window`` opens on that windows may take (without taskbars and docks); None
    where there is no real screen (the offscreen platform)."""
    if QGuiApplication.platformName() == "offscreen":
        return None
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fit_to_screen(window: QWidget, width: int, height: int, area: QRect | None = None) -> None:
    """Give ``window`` the size ``width``×``height``, or the most of it the screen's available area holds
    (``area``: that area, found from the window's screen when not given), centred on that area when shrunk."""
    area = area if area is not None else available_area(window)
    if area is None or area.isEmpty():
        window.resize(width, height)
        return
    fitted_width = min(width, int(area.width() * MARGIN))
    fitted_height = min(height, int(area.height() * MARGIN))
    window.resize(fitted_width, fitted_height)
    if (fitted_width, fitted_height) != (width, height):
        window.move(
            area.x() + (area.width() - fitted_width) // 2,
            area.y() + (area.height() - fitted_height) // 2,
        )


def restore_place(window: QWidget, key: str, width: int, height: int) -> None:
    """Put ``window`` where it was when the user last closed it (the setting ``key``), or fit it to the
    screen at ``width``×``height`` the first time (or when what was saved cannot be used)."""
    saved = settings.load().get(key)
    if isinstance(saved, str) and saved:
        if window.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            return
        logger.info("the saved place of %s cannot be used: it opens at its own size", key)
    fit_to_screen(window, width, height)


def remember_place(window: QWidget, key: str) -> None:
    """Save ``window``'s place (size, position, maximised) for the next start."""
    settings.save(**{key: bytes(window.saveGeometry().toBase64().data()).decode("ascii")})
