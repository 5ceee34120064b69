""".ci/run's installation of what the tests need, run with a fake apt-get (and a fake root, no Chinese font,
no Qt libraries, no pgbouncer): pgbouncer joined the same ``apt-get install`` as the window tests' packages,
so a pgbouncer that could not be installed took the fonts and libxcb packages with it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

CI = Path(__file__).resolve().parent.parent / ".ci" / "run"


def _install_section(tmp_path: Path) -> Path:
    """The script's installation part alone (not its ``rm -rf .venv`` and test run), with the machine's own
    pgbouncer hidden (``/usr/sbin/pgbouncer``)."""
    text = CI.read_text(encoding="utf-8")
    start = text.index("missing=()")
    end = text.index("rm -rf .venv")
    part = tmp_path / "install.sh"
    part.write_text(
        "set -euo pipefail\n" + text[start:end].replace("/usr/sbin/pgbouncer", str(tmp_path / "none")),
        encoding="utf-8",
    )
    return part


def _fake(bin_dir: Path, name: str, body: str) -> None:
    path = bin_dir / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


def test_a_pgbouncer_apt_cannot_install_leaves_the_window_tests_packages_installed(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt.log"
    # apt-get installs what it is asked for, unless pgbouncer is among it (then nothing: apt's way)
    _fake(bin_dir, "apt-get", f'echo "$*" >> {log}\ncase "$*" in *pgbouncer*) exit 100;; esac')
    _fake(bin_dir, "id", "echo 0")
    _fake(bin_dir, "dpkg", "exit 1")
    _fake(bin_dir, "fc-list", "exit 0")
    env = {**os.environ, "PATH": f"{bin_dir}:/usr/bin:/bin"}
    done = subprocess.run(
        ["bash", str(_install_section(tmp_path))], env=env, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    installs = [line.split() for line in log.read_text(encoding="utf-8").splitlines() if "install" in line]
    window = [line for line in installs if "fonts-noto-cjk" in line]
    assert window and all("pgbouncer" not in line for line in window)
    assert {"libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0"} <= set(window[0])
    assert any("pgbouncer" in line for line in installs)
    assert "pooled tests will be skipped" in done.stderr


def test_no_apt_get_installs_nothing_and_goes_on(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("bash", "cat", "grep", "sed"):  # a PATH without apt-get
        (bin_dir / name).symlink_to(f"/bin/{name}" if Path(f"/bin/{name}").exists() else f"/usr/bin/{name}")
    _fake(bin_dir, "id", "echo 0")
    _fake(bin_dir, "dpkg", "exit 1")
    _fake(bin_dir, "fc-list", "exit 0")
    done = subprocess.run(
        [str(bin_dir / "bash"), str(_install_section(tmp_path))],
        env={**os.environ, "PATH": str(bin_dir)},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
