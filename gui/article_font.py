"""The article's font: the desktop's Chinese font at the annotator's zoom, with a line spacing that leaves
room for a label tag above every line.

"The desktop's Chinese font" is, in this order: the desktop's own interface font if it has Chinese glyphs (a
Chinese desktop); else the font the desktop's fontconfig settings pick for Simplified Chinese sans-serif
(``fc-match 'sans-serif:lang=zh-cn'``, so a user's ``fonts.conf`` preference is followed, and Chinese is never
drawn with the Japanese forms a plain fallback may pick); else the first installed font of ``CJK_FAMILIES``.
"""

from __future__ import annotations

import functools
import logging
import shutil
import subprocess
import sys

from PySide6.QtGui import QFont, QFontDatabase

from gui.i18n import QT_TRANSLATE_NOOP

logger = logging.getLogger(__name__)

CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "Sans Serif",
)
DEFAULT_POINTS = 14
ZOOM_POINTS = (8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 28, 32, 36, 42, 48)
# From one line to the next, in ems of the article font; never less than the line and a label tag need.
LINE_SPACINGS = (
    (QT_TRANSLATE_NOOP("ViewMenu", "Compact"), 1.0),
    (QT_TRANSLATE_NOOP("ViewMenu", "Normal"), 2.2),
    (QT_TRANSLATE_NOOP("ViewMenu", "Relaxed"), 2.6),
)
DEFAULT_SPACING = 2.2


def _has_chinese(family: str) -> bool:
    return QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)


def _fontconfig_choice() -> str | None:
    if not sys.platform.startswith("linux") or shutil.which("fc-match") is None:
        return None
    try:
        found = subprocess.run(
            ["fc-match", "--format=%{family[0]}", "sans-serif:lang=zh-cn"],
            capture_output=True,
            text=True,
            timeout=3,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError) as exc:
        logger.info("fc-match failed: %s", exc)
        return None
    return found or None


@functools.cache
def desktop_cjk_family() -> str | None:
    """The desktop's Chinese font family (see the module's doc), or None if none can be told."""
    general = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
    if general and _has_chinese(general):
        return general
    chosen = _fontconfig_choice()
    if chosen and _has_chinese(chosen):
        return chosen
    return next((f for f in CJK_FAMILIES if _has_chinese(f)), None)


def article_font(points: float = DEFAULT_POINTS) -> QFont:
    font = QFont()
    desktop = desktop_cjk_family()
    font.setFamilies(([desktop] if desktop else []) + [f for f in CJK_FAMILIES if f != desktop])
    font.setPointSizeF(points)
    return font


def zoom_step(points: float, steps: int) -> float:
    """The zoom size ``steps`` steps away from ``points`` (clamped to the ends of ``ZOOM_POINTS``)."""
    index = min(range(len(ZOOM_POINTS)), key=lambda i: abs(ZOOM_POINTS[i] - points))
    return float(ZOOM_POINTS[max(0, min(len(ZOOM_POINTS) - 1, index + steps))])
