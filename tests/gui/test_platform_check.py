"""A machine that cannot show the window is told why and what to install, before Qt aborts."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from gui import platform_check
from gui.platform_check import Distribution, install_lines, missing_libraries, package_for, startup_problem

LDD_MISSING = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibfoo2.so.3 => not found
"""
LDD_COMPLETE = "\tlibxcb-icccm.so.4 => /lib/x86_64-linux-gnu/libxcb-icccm.so.4 (0x00007f)\n"
DEBIAN, FEDORA = Distribution(0), Distribution(1)


def test_missing_libraries_are_read_off_ldd_once_each_in_order() -> None:
    assert platform_check.plugin_path("xcb") is not None  # the installed PySide6 has its xcb plugin
    assert missing_libraries("xcb", lambda _path: LDD_MISSING) == [
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
        "libfoo2.so.3",
    ]
    assert missing_libraries("xcb", lambda _path: LDD_COMPLETE) == []
    assert missing_libraries("xcb", lambda _path: None) == []  # no ldd: nothing to say


def test_the_real_plugin_is_checked_with_the_real_ldd() -> None:
    """Whatever this machine lacks, the check names exactly what ldd itself reports as not found."""
    path = platform_check.plugin_path("xcb")
    assert path is not None
    output = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False).stdout
    expected = {line.split()[0] for line in output.splitlines() if "not found" in line}
    assert set(missing_libraries("xcb")) == expected


def test_install_lines_name_each_distribution_s_packages() -> None:
    missing = ["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0", "libfoo2.so.3"]
    assert install_lines(missing, DEBIAN) == [
        "sudo apt-get install libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libfoo2-3"
    ]
    assert install_lines(missing[:3], FEDORA) == [
        "sudo dnf install xcb-util-wm xcb-util-keysyms xcb-util-cursor"
    ]
    every = install_lines(missing[:1], Distribution(None), font=True)
    assert every == [
        "sudo apt-get install libxcb-icccm4 fonts-noto-cjk",
        "sudo dnf install xcb-util-wm google-noto-sans-cjk-fonts",
        "sudo pacman -S xcb-util-wm noto-fonts-cjk",
    ]
    assert package_for("libglib-2.0.so.0", 0) == "libglib2.0-0"
    assert package_for("libbar.so.1", 0) == "libbar1"


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ('ID=debian\nVERSION_ID="12"\n', 0),
        ("ID=ubuntu\nID_LIKE=debian\n", 0),
        ('ID=linuxmint\nID_LIKE="ubuntu debian"\n', 0),
        ("ID=fedora\n", 1),
        ('ID="rocky"\nID_LIKE="rhel centos fedora"\n', 1),
        ("ID=arch\n", 2),
        ("ID=gentoo\n", None),
    ],
)
def test_the_distribution_comes_from_os_release(tmp_path: Path, text: str, family: int | None) -> None:
    (tmp_path / "os-release").write_text(text)
    assert Distribution.detect(tmp_path / "os-release").family == family
    assert Distribution.detect(tmp_path / "missing").family is None


@pytest.fixture
def x_server() -> Iterator[str]:
    """Something listening where an X server would (the abstract socket of display :N)."""
    for number in range(190, 250):
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind(f"\0/tmp/.X11-unix/X{number}")
        except OSError:
            listener.close()
            continue
        listener.listen(64)  # connections are never accepted: the backlog holds them
        try:
            yield f":{number}"
        finally:
            listener.close()
        return
    pytest.skip("no free display number")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux desktops")
def test_startup_problems_are_explained(x_server: str) -> None:
    complete, missing = (lambda _p: LDD_COMPLETE), (lambda _p: LDD_MISSING)
    assert startup_problem({"DISPLAY": x_server}, complete, DEBIAN) is None
    assert startup_problem({"QT_QPA_PLATFORM": "offscreen"}, missing, DEBIAN) is None

    no_display = startup_problem({}, complete, DEBIAN)
    assert no_display is not None
    assert "no display" in no_display and "QT_QPA_PLATFORM=offscreen" in no_display
    assert "missing" not in no_display

    silent = startup_problem({"DISPLAY": ":249"}, complete, DEBIAN)
    assert silent is not None and "the display :249 does not answer" in silent

    libraries = startup_problem({"DISPLAY": x_server}, missing, FEDORA)
    assert libraries is not None and "no display" not in libraries
    assert "missing libxcb-icccm.so.4, libxcb-keysyms.so.1, libfoo2.so.3" in libraries
    assert "sudo dnf install xcb-util-wm xcb-util-keysyms libfoo2.so.3" in libraries

    # On a Wayland session Qt tries wayland, then xcb: either one working is enough.
    runtime = {
        "XDG_SESSION_TYPE": "wayland",
        "WAYLAND_DISPLAY": "wayland-9",
        "XDG_RUNTIME_DIR": "/nonexistent",
    }
    assert startup_problem({**runtime, "DISPLAY": x_server}, complete, DEBIAN) is None
    assert startup_problem(runtime, complete, DEBIAN) is not None


def _newstag(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    hidden = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    environment = {k: v for k, v in os.environ.items() if k not in hidden}
    environment.update(env)
    command = [sys.executable, "-c", "import sys; from gui.cli import main; sys.exit(main())"]
    return subprocess.run(
        [*command, "--db", f"sqlite:///{tmp_path / 'x.db'}", "--annotator", "ann"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )


def test_newstag_without_a_display_says_so_and_exits_nonzero(tmp_path: Path) -> None:
    result = _newstag(tmp_path)
    assert result.returncode == 3, result.stderr
    assert "cannot open its window" in result.stderr and "QT_QPA_PLATFORM=offscreen" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_qt_start_up_failure_is_our_message_not_an_abort(tmp_path: Path) -> None:
    result = _newstag(tmp_path, QT_QPA_PLATFORM="no-such-platform")
    assert result.returncode == 3, result.stderr  # Qt alone would abort: -6 (134 in a shell)
    assert "newstag cannot open its window: Qt could not start" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
