"""The window's menus by object name: each part of the window that adds actions finds its menu (or makes it)
here, so that two parts never make two menus of one name."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMainWindow, QMenu


def window_menu(window: QMainWindow, name: str, title: str, before: Sequence[str] = ()) -> QMenu:
    """The menu ``menu_<name>`` of ``window``'s menu bar; when it has none, one titled ``title`` (already
    translated) is made before the first of the menus named in ``before`` that is there, else at the end."""
    bar = window.menuBar()
    menus: dict[str, QMenu] = {}
    for action in bar.actions():
        menu = action.menu()  # a QMenu or None; typed as QObject
        if isinstance(menu, QMenu) and menu.objectName():
            menus.setdefault(menu.objectName(), menu)
    if f"menu_{name}" in menus:
        return menus[f"menu_{name}"]
    made = QMenu(title, window)
    made.setObjectName(f"menu_{name}")
    follower = next((menus[f"menu_{b}"] for b in before if f"menu_{b}" in menus), None)
    if follower is not None:
        bar.insertMenu(follower.menuAction(), made)
    else:
        bar.addMenu(made)
    return made
