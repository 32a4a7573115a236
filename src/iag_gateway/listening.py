"""The workers' listening sockets: one ``SO_REUSEPORT`` group on one port, never shared with another."""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path

from iag_gateway.errors import ConfigError

# Linux's tables of the network namespace's TCP sockets (proc(5), /proc/net/tcp)
TCP_TABLES = (Path("/proc/net/tcp"), Path("/proc/net/tcp6"))
TCP_LISTEN = "0A"


def listening_sockets(host: str, port: int, count: int) -> list[socket.socket]:
    """One listening socket per worker on ``host:port``, bound by the parent before it loads anything.

    With several workers the sockets form one ``SO_REUSEPORT`` group: the kernel spreads
    new connections over them by a hash of each connection's addresses, so every worker
    gets its share of the callers' kept-alive connections. On one shared socket the first
    worker to wake accepted every connection waiting (a load generator's or a client
    pool's 10 connections all went to one worker; measured for issue #11). The parent keeps
    every socket open, so the calls that reach a dead worker's socket wait in its backlog
    for the replacement (``Supervisor`` forks it in the same slot).

    A port already in use stops start-up with one line (``ConfigError``) instead of sharing
    its traffic: a lone worker's socket has no ``SO_REUSEPORT``, so its bind fails on a used
    port; a group's sockets could join another gateway's group of the same user, so once
    listening, the group looks for any other listener on its address in the kernel's socket
    tables (``TCP_TABLES``) and gives up if there is one. Two gateways starting together on a
    port both give up; neither shares it. (A check before binding, as before, left a gap in
    which another gateway could join.) Port 0 takes a free port chosen by the kernel, the same
    for the whole group. See socket(7), ``SO_REUSEPORT`` (Linux 3.9+).
    """
    sockets: list[socket.socket] = []
    try:
        sockets.append(_bound(host, port, reuse_port=count > 1))
        port = sockets[0].getsockname()[1]  # port 0: the group shares the one the kernel chose
        for _ in range(count - 1):
            sockets.append(_bound(host, port, reuse_port=True))
        for sock in sockets:
            sock.listen(2048)
            sock.set_inheritable(True)
        if count > 1 and shares_its_address(sockets):
            raise OSError(errno.EADDRINUSE, os.strerror(errno.EADDRINUSE))
    except OSError as exc:  # first thing serve does: one line, before seconds of loading
        for sock in sockets:
            sock.close()
        raise ConfigError(
            f"{host}:{port}",
            f"cannot listen ({exc.strerror}); fix: stop what uses it or choose another port "
            "(--port, IAG_PORT, make run PORT=...)",
        ) from exc
    return sockets


def shares_its_address(sockets: list[socket.socket]) -> bool:
    """Tell whether a socket not in ``sockets`` listens on the local address of one of them.

    Read from the kernel's TCP tables (one line per socket: local address and port in hex,
    state, inode; proc(5)); ``False`` where they cannot be read (not Linux).
    """
    ours = {str(os.fstat(sock.fileno()).st_ino) for sock in sockets}
    rows: list[tuple[str, str, str]] = []
    for table in TCP_TABLES:
        try:
            lines = table.read_text(encoding="ascii").splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if len(fields) > 9:
                rows.append((fields[1], fields[3], fields[9]))  # local address, state, inode
    addresses = {local for local, _state, inode in rows if inode in ours}
    return any(
        local in addresses and state == TCP_LISTEN and inode not in ours for local, state, inode in rows
    )


def _bound(host: str, port: int, *, reuse_port: bool) -> socket.socket:
    """A TCP socket bound to ``host:port`` (``SO_REUSEADDR``, ``SO_REUSEPORT`` if asked); closed if not."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock
