"""The interface's language, through Qt's translation machinery: every user-visible string of the windows
goes through ``tr()`` or ``QCoreApplication.translate``; the translations are ``.ts`` sources in
``resources/i18n`` compiled to the ``.qm`` files shipped beside them (README, "Translations"). The language
follows the system locale unless the user chose one in View → Language (remembered per user); Qt's own
strings (standard buttons, a text field's context menu) come from Qt's translations. The command line stays
English."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import resources
from gui import settings

logger = logging.getLogger(__name__)

SETTING = "language"
SYSTEM = "system"
ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = {ENGLISH: "English", CHINESE: "简体中文"}  # each named in its own language
_installed: list[QTranslator] = []  # kept alive while installed
generation = 0  # counts installs, so that what was translated once can know it is stale


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for ``pyside6-lupdate`` (which finds calls by this name) in tables built before the
    language is known; ``QCoreApplication.translate(context, text)`` shows it. Typed, unlike Qt's own."""
    return text


def chosen() -> str:
    """What the user chose in View → Language (``system`` unless they chose one)."""
    value = settings.load().get(SETTING, SYSTEM)
    return value if value in LANGUAGES else SYSTEM


def choose(language: str) -> None:
    settings.save(**{SETTING: language if language in LANGUAGES else SYSTEM})


def resolve(choice: str, locale: QLocale | None = None) -> str:
    """The language to show for a choice: a language itself, or the system locale's (Chinese for any
    Chinese locale: the one translation is Simplified Chinese; else English)."""
    if choice in LANGUAGES:
        return choice
    locale = locale or QLocale.system()
    for name in [*locale.uiLanguages(), locale.name()]:
        if name.lower().replace("-", "_").startswith("zh"):
            return CHINESE
        if name.lower().startswith("en"):
            return ENGLISH
    return ENGLISH


def install(language: str | None = None) -> str:
    """Put the translation of ``language`` (default: the user's choice, else the system's) in place for the
    application; returns the language shown. Translators installed before are removed first."""
    global generation
    generation += 1
    app = QCoreApplication.instance()
    shown = resolve(language or chosen())
    for translator in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if app is None or shown == ENGLISH:
        return ENGLISH
    ours = QTranslator(app)
    if not ours.load(str(resources.path("i18n", f"newstag_{shown}.qm"))):
        logger.warning("the %s translation is missing; the interface stays English", shown)
        return ENGLISH
    QCoreApplication.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{shown}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) or qt.load(
        f"qt_{shown}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        QCoreApplication.installTranslator(qt)
        _installed.append(qt)
    return shown


def current() -> str:
    """The language shown now."""
    return CHINESE if _installed else ENGLISH
