"""What the window says when the user's settings file could not be used (``gui.settings.Problem``), in the
window's language: the file's place and the reader's own words stay as they are."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.settings import Problem, Trouble

translate = QCoreApplication.translate


def settings_message(problem: Problem) -> str:
    if problem.trouble is Trouble.UNREADABLE:
        what = translate("SettingsNotice", "Your settings file {file} cannot be read ({detail})")
    elif problem.trouble is Trouble.NOT_SETTINGS:
        what = translate("SettingsNotice", "Your settings file {file} does not hold settings ({detail})")
    else:
        what = translate(
            "SettingsNotice", "Your settings file {file} holds values newstag cannot use ({detail})"
        )
    if problem.kept is None:
        then = translate(
            "SettingsNotice",
            "newstag uses its defaults and leaves the file as it is: settings changed now are lost.",
        )
    elif problem.trouble is Trouble.BAD_VALUES:
        then = translate("SettingsNotice", "newstag uses the others and keeps the file as {kept}.")
    else:
        then = translate("SettingsNotice", "newstag uses its defaults and keeps the file as {kept}.")
    said = f"{what.format(file=problem.path, detail=problem.detail)}: {then.format(kept=problem.kept)}"
    return said
