"""Save a screenshot of the real window on a seed article (for the README): resources/screenshot.png.

Usage (needs a CJK font, e.g. fonts-noto-cjk; the README screenshot was taken this way):

    Xvfb :99 & DISPLAY=:99 QT_QPA_PLATFORM=xcb \\
    python tests/bench/screenshot.py [OUT.png]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from array import array
from collections import Counter
from pathlib import Path

from common import ROOT
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def save_small(image: QImage, out: Path) -> None:
    """A PNG with a 256-colour palette of the screenshot's own most frequent colours (a UI has few)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = array("I", bytes(image.constBits()))
    palette = [colour | 0xFF000000 for colour, _ in Counter(pixels).most_common(256)]
    image.convertToFormat(
        QImage.Format.Format_Indexed8, palette, Qt.ImageConversionFlag.ThresholdDither
    ).save(str(out), "PNG", 9)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshot.png"
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NEWSTAG_CONFIG_DIR"] = str(Path(tmp) / "config")
        from gui.app import ensure_seeds
        from gui.main_window import MainWindow
        from storage.project import Project
        from storage.suggestions import SuggestionService

        project = Project.open(f"sqlite:///{Path(tmp) / 'seeds.db'}")
        ensure_seeds(project)
        window = MainWindow(project, project.annotator("王小明"), SuggestionService(project))
        window.resize(1360, 820)
        window.show()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not window.session.spans:
            app.processEvents()
            time.sleep(0.02)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_X):  # some decided spans
            QTest.keyClick(window.article, key)
        QTest.keyClick(window.article, Qt.Key.Key_Tab)
        for _ in range(20):
            app.processEvents()
            time.sleep(0.05)
        save_small(window.grab().toImage(), out)
        print(f"saved {out} ({out.stat().st_size // 1024} KB)")
        window.close()
        project.close()


if __name__ == "__main__":
    main()
