"""Can the window open on this machine? Checked before Qt starts, because Qt's answer is an abort (exit 134)
whose message names the wrong library.

Two checks, both cheap (no Qt import): is there a display to talk to, and can the dynamic linker resolve every
library Qt's platform plugin needs (``ldd`` on the plugin). What they cannot see (an X server that refuses the
connection, a damaged plugin) is caught as Qt's fatal message (``gui.app``) and reported the same way
(:func:`qt_failure_message`). Plain text out; no Qt here.
"""

from __future__ import annotations

import importlib.util
import os
import re
import socket
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

OFFSCREEN_HINT = "For scripts and tests without a screen, QT_QPA_PLATFORM=offscreen runs newstag headless."

# soname -> (Debian/Ubuntu package, Fedora package, Arch package): what Qt's xcb and wayland plugins link.
PACKAGES: dict[str, tuple[str, str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util", "xcb-util"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb", "libxcb"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon", "libxkbcommon"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb", "libx11"),
    "libX11.so.6": ("libx11-6", "libX11", "libx11"),
    "libGL.so.1": ("libgl1", "libglvnd-glx", "libglvnd"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl", "libglvnd"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx", "libglvnd"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl", "libglvnd"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype", "freetype2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs", "dbus"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2", "glib2"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client", "wayland"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor", "wayland"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl", "wayland"),
}

# What the README's install lines add for Chinese text: a CJK font.
CJK_FONT = ("fonts-noto-cjk", "google-noto-sans-cjk-fonts", "noto-fonts-cjk")

_INSTALLERS = ("sudo apt-get install", "sudo dnf install", "sudo pacman -S")
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


@dataclass(frozen=True)
class Distribution:
    """Which of the three package families this machine belongs to (from ``/etc/os-release``)."""

    family: int | None  # index into PACKAGES' tuples; None: unknown, show every family

    @classmethod
    def detect(cls, os_release: Path = Path("/etc/os-release")) -> Distribution:
        try:
            fields = dict(line.split("=", 1) for line in os_release.read_text().splitlines() if "=" in line)
        except OSError:
            return cls(None)
        ids = " ".join(fields.get(key, "").strip('"').lower() for key in ("ID", "ID_LIKE")).split()
        for family, names in enumerate((("debian", "ubuntu"), ("fedora", "rhel", "centos"), ("arch",))):
            if any(name in ids for name in names):
                return cls(family)
        return cls(None)


def package_for(soname: str, family: int) -> str:
    if soname in PACKAGES:
        return PACKAGES[soname][family]
    if family != 0:
        return soname
    # Debian's rule for shared-library packages: lib name + soversion, a dash when the name ends in a digit.
    match = re.fullmatch(r"(.+?)\.so\.(\d+).*", soname)
    if not match:
        return soname
    name, version = match[1].lower(), match[2]
    return f"{name}{'-' if name[-1].isdigit() else ''}{version}"


def install_lines(sonames: list[str], distribution: Distribution, *, font: bool = False) -> list[str]:
    """The one command per package family that installs what ``sonames`` (and a CJK font) need."""
    families = [distribution.family] if distribution.family is not None else [0, 1, 2]
    lines = []
    for family in families:
        packages = list(dict.fromkeys(package_for(soname, family) for soname in sonames))
        if font:
            packages.append(CJK_FONT[family])
        lines.append(f"{_INSTALLERS[family]} {' '.join(packages)}")
    return lines


def plugin_path(platform: str) -> Path | None:
    """The installed PySide6's platform plugin file, found without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / f"libq{platform}.so"
    return path if path.exists() else None


def run_ldd(path: Path) -> str | None:
    try:
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None  # no ldd (not glibc, or not Linux): nothing to say
    return result.stdout


def missing_libraries(platform: str, ldd: Callable[[Path], str | None] = run_ldd) -> list[str]:
    """Libraries the dynamic linker cannot find for Qt's ``platform`` plugin, in ldd's order, once each."""
    path = plugin_path(platform)
    if path is None:
        return []
    output = ldd(path)
    return list(dict.fromkeys(_NOT_FOUND.findall(output or "")))


def _x_display_reachable(display: str, timeout: float = 2.0) -> bool:
    """Whether anything listens where ``$DISPLAY`` points (the X server's socket); says nothing of access."""
    host, _, rest = display.rpartition(":")
    number = rest.split(".", 1)[0]
    if not number.isdigit():
        return False
    if host.startswith("/"):  # macOS launchd socket path
        addresses: list[tuple[int, object]] = [(socket.AF_UNIX, display)]
    elif host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        addresses = [(socket.AF_UNIX, path)]
        if sys.platform.startswith("linux"):
            addresses.insert(0, (socket.AF_UNIX, "\0" + path))  # the abstract socket Xorg and Xvfb listen on
    else:
        addresses = [(socket.AF_INET, (host, 6000 + int(number)))]
    for family, address in addresses:
        try:
            with socket.socket(family, socket.SOCK_STREAM) as sock:
                sock.settimeout(timeout)
                sock.connect(address)  # type: ignore[arg-type]
                return True
        except OSError:
            continue
    return False


def _wayland_reachable(env: Mapping[str, str]) -> bool:
    name = env.get("WAYLAND_DISPLAY", "")
    path = Path(name) if name.startswith("/") else Path(env.get("XDG_RUNTIME_DIR", "/nonexistent")) / name
    return bool(name) and path.exists()


def startup_problem(
    env: Mapping[str, str] | None = None,
    ldd: Callable[[Path], str | None] = run_ldd,
    distribution: Distribution | None = None,
) -> str | None:
    """Why the window cannot open here, for a person (with the command that fixes it), or None if it can."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return None  # Windows and macOS wheels carry what their platform plugin needs
    requested = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if requested not in ("", "xcb", "wayland"):
        return None  # offscreen, vnc, eglfs…: the user chose; Qt's own message (caught) will do
    wayland_session = env.get("XDG_SESSION_TYPE") == "wayland" and bool(env.get("WAYLAND_DISPLAY"))
    candidates = [requested] if requested else (["wayland", "xcb"] if wayland_session else ["xcb"])
    distribution = distribution or Distribution.detect()
    problems = []
    for platform in candidates:
        reachable = (
            _wayland_reachable(env)
            if platform == "wayland"
            else bool(env.get("DISPLAY")) and _x_display_reachable(env["DISPLAY"])
        )
        missing = missing_libraries(platform, ldd)
        if reachable and not missing:
            return None
        problems.append((platform, reachable, missing))
    lines = []
    platform, _reachable, missing = next((p for p in problems if p[0] == "xcb"), problems[0])
    if not any(reachable for _platform, reachable, _missing in problems):
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            lines.append(
                "newstag cannot open its window: no display (neither DISPLAY nor WAYLAND_DISPLAY is set)."
            )
        else:
            where = env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")
            lines.append(f"newstag cannot open its window: the display {where} does not answer.")
        lines.append(OFFSCREEN_HINT)
    if missing:
        lines.append(
            f"Qt's {platform} platform plugin cannot load: missing {', '.join(missing)}. Install them with:"
        )
        lines.extend(f"    {line}" for line in install_lines(missing, distribution))
    return "\n".join(lines)


def qt_failure_message(qt_message: str) -> str:
    """Qt's fatal start-up message, turned into ours."""
    first = qt_message.strip().splitlines()[0] if qt_message.strip() else "unknown error"
    return (
        f"newstag cannot open its window: Qt could not start ({first}).\n"
        "Check that a desktop session is running and that DISPLAY (or WAYLAND_DISPLAY) points to it; "
        "the README lists the libraries to install per distribution.\n" + OFFSCREEN_HINT
    )
