"""A pgbouncer of the test's own in front of the shared PostgreSQL server, in transaction pooling (each
transaction on whichever server connection is free): made in a temporary folder, on a free port, stopped and
removed at the end. Tests that use it are skipped when pgbouncer is not installed."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import make_url

from tests.private_pg import _free_port


@contextmanager
def transaction_pooler(url: str, pool_size: int = 4) -> Iterator[str]:
    """The URL of ``url``'s database through a pgbouncer in transaction pooling."""
    program = shutil.which("pgbouncer") or next(
        (p for p in ("/usr/sbin/pgbouncer", "/usr/bin/pgbouncer") if Path(p).exists()), None
    )
    if program is None:
        pytest.skip("pgbouncer is not installed")
    parsed = make_url(url)
    folder = Path(tempfile.mkdtemp(prefix="newstag-pgbouncer-"))
    port = _free_port()
    (folder / "users.txt").write_text(f'"{parsed.username}" ""\n', encoding="utf-8")
    (folder / "pgbouncer.ini").write_text(
        "[databases]\n"
        f"* = host={parsed.host or '127.0.0.1'} port={parsed.port or 5432}\n"
        "[pgbouncer]\n"
        f"listen_addr = 127.0.0.1\nlisten_port = {port}\nunix_socket_dir =\n"
        f"auth_type = trust\nauth_file = {folder / 'users.txt'}\n"
        f"pool_mode = transaction\ndefault_pool_size = {pool_size}\n"
        f"logfile = {folder / 'log'}\npidfile = {folder / 'pid'}\n"
        "ignore_startup_parameters = extra_float_digits,options\n",
        encoding="utf-8",
    )
    command = [program, "-q", str(folder / "pgbouncer.ini")]
    if os.geteuid() == 0:  # pgbouncer refuses root: run as the server's own user
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("pgbouncer refuses root, and there is no postgres user to run it as")
        for path in [folder, *folder.iterdir()]:
            os.chown(path, user.pw_uid, user.pw_gid)
        command = ["runuser", "-u", user.pw_name, "--", *command]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log = folder / "log"
                    said = log.read_text() if log.exists() else ""
                    raise RuntimeError(f"pgbouncer did not start: {said}") from None
                time.sleep(0.1)
        yield parsed.set(host="127.0.0.1", port=port).render_as_string(hide_password=False)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)
