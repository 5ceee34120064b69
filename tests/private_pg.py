"""A PostgreSQL cluster of a test's own, to restart, stop and start (the shared server on 5432 is never
touched): made with ``initdb`` in a temporary folder, on a free port, stopped and removed at the end. Tests
that use it are skipped when PostgreSQL's programs are not installed."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _programs() -> Path | None:
    """The folder of initdb and pg_ctl (the newest installed), or None."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
    return Path(folders[-1]) if folders and (Path(folders[-1]) / "initdb").exists() else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    def __init__(self, programs: Path, folder: Path, port: int, user: str | None) -> None:
        self.programs, self.folder, self.port, self.user = programs, folder, port, user
        self.data = folder / "data"

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://newstag@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        command = [str(self.programs / args[0]), *args[1:]]
        if self.user:  # initdb refuses root: run as the server's own user
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def pg_ctl(self, action: str) -> None:
        """``start``, ``stop`` (fast: every connection ended) or ``restart``, waiting until done."""
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"), "-w", action)


@contextmanager
def private_cluster() -> Iterator[Cluster]:
    programs = _programs()
    if programs is None:
        pytest.skip("PostgreSQL's initdb and pg_ctl are not installed")
    user = None
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres").pw_name
        except KeyError:
            pytest.skip("initdb refuses root, and there is no postgres user to run it as")
    folder = Path(tempfile.mkdtemp(prefix="newstag-pg-"))
    if user:
        entry = pwd.getpwnam(user)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    cluster = Cluster(programs, folder, _free_port(), user)
    try:
        cluster._run("initdb", "-D", str(cluster.data), "-A", "trust", "-U", "newstag", "--no-sync")
        cluster.pg_ctl("start")
        yield cluster
    finally:
        try:
            if (cluster.data / "postmaster.pid").exists():
                cluster.pg_ctl("stop")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
