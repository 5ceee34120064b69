"""A TCP proxy between newstag and the shared PostgreSQL server, to play a server that freezes or a network
that drops a connection at a chosen moment, without touching the server (no SIGSTOP on a shared backend).

``freeze_at(b"INSERT INTO spans")``: when newstag sends that statement, nothing more is forwarded either way
(a frozen server's kernel still takes what it is sent: so does the proxy) until ``thaw()``; new connections
get no answer either (``freeze()``: the same, from now). ``at_commit(...)``: when newstag sends a COMMIT,
``"forward"`` hands it to the server and cuts the connection before the answer comes back, ``"drop"`` cuts it
without sending it, ``"freeze"`` holds it and, from then on, refuses new connections (a server that is gone).
``blackhole_at(...)``: when newstag sends that statement, that connection's traffic is dropped both ways for
good and neither side is ever closed (a network path gone silent: the server never hears the client's
Terminate); new connections work."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from sqlalchemy import make_url

BOUND = 1  # seconds: the wait for an answer in the tests through the proxy (ANSWER_WAIT_S is 10)
# seconds: the wait for a new connection in those tests (CONNECT_WAIT_S is 5; libpq takes no less than 2). A
# read on a server that froze while the pool held its connection waits for both: the ping, then a new one
CONNECT = 2
# seconds: at the bound, the wait for the server to answer a new connection (``storage.answers.probe_wait``:
# half a bound, no less than libpq's 2 s) before a statement is refused as the server's that stopped answering
PROBE = 2
COMMIT = b"Q\x00\x00\x00\x0bCOMMIT\x00"  # the simple-query message psycopg sends for a COMMIT


class Proxy:
    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self._frozen = threading.Event()
        self._refusing = False
        self._freeze_at: bytes | None = None
        self._commit: str | None = None
        self.commits_seen = 0
        self.accepted = 0  # connections taken
        self._blackhole_at: bytes | None = None
        self._sockets: list[socket.socket] = []
        self._closed = False
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    def url(self, url: str) -> str:
        """``url`` (the server's) through this proxy."""
        return make_url(url).set(host="127.0.0.1", port=self.port).render_as_string(hide_password=False)

    def freeze_at(self, statement: bytes) -> None:
        self._freeze_at = statement

    def freeze(self) -> None:
        """The server freezes now: nothing more is forwarded either way, on any connection, new ones too."""
        self._frozen.set()

    def blackhole_at(self, statement: bytes) -> None:
        self._blackhole_at = statement

    def at_commit(self, what: str) -> None:
        assert what in ("forward", "drop", "freeze")
        self._commit = what

    def thaw(self) -> None:
        self._freeze_at = None
        self._refusing = False
        self._frozen.clear()

    def close(self) -> None:
        self._closed = True
        self._frozen.clear()
        _cut(self.listener)  # shut down first: a thread blocked in accept() returns
        for sock in list(self._sockets):
            _cut(sock)
        for thread in self._threads:
            thread.join(timeout=5)

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self.accepted += 1
            if self._refusing:
                _cut(client)
                continue
            server = socket.create_connection(self.target)
            self._sockets += [client, server]
            muted = threading.Event()  # the server's answers are dropped (the COMMIT's, say)
            answered = threading.Event()  # an answer came while muted (the server committed)
            for thread in (
                threading.Thread(target=self._upstream, args=(client, server, muted, answered), daemon=True),
                threading.Thread(
                    target=self._downstream, args=(server, client, muted, answered), daemon=True
                ),
            ):
                self._threads.append(thread)
                thread.start()

    def _hold_until_closed(self) -> None:
        while not self._closed:
            time.sleep(0.02)

    def _hold(self) -> None:
        while self._frozen.is_set() and not self._closed:
            time.sleep(0.01)

    def _upstream(
        self, client: socket.socket, server: socket.socket, muted: threading.Event, answered: threading.Event
    ) -> None:
        try:
            while data := client.recv(65536):
                if self._blackhole_at is not None and self._blackhole_at in data:
                    self._blackhole_at = None
                    muted.set()
                    while not self._closed:  # nothing more either way, and nobody hangs up
                        if not client.recv(65536):
                            self._hold_until_closed()
                    break
                if self._freeze_at is not None and self._freeze_at in data:
                    self._frozen.set()
                if COMMIT in data and self._commit is not None:
                    what, self._commit = self._commit, None
                    self.commits_seen += 1
                    muted.set()
                    if what == "forward":
                        server.sendall(data)
                        answered.wait(5)  # the server has committed it before the line goes
                    elif what == "freeze":
                        self._refusing = True
                        self._frozen.set()
                        self._hold()
                    break
                self._hold()
                server.sendall(data)
        except OSError:
            pass
        _cut(client)
        _cut(server)

    def _downstream(
        self, server: socket.socket, client: socket.socket, muted: threading.Event, answered: threading.Event
    ) -> None:
        try:
            while data := server.recv(65536):
                self._hold()
                if muted.is_set():
                    answered.set()
                    continue
                client.sendall(data)
        except OSError:
            pass
        _cut(client)
        _cut(server)


def _cut(sock: socket.socket) -> None:
    with suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()


@contextmanager
def proxy_to(url: str) -> Iterator[Proxy]:
    """A proxy to the server of ``url``, closed at the end."""
    parsed = make_url(url)
    proxy = Proxy((parsed.host or "127.0.0.1", parsed.port or 5432))
    try:
        yield proxy
    finally:
        proxy.close()
