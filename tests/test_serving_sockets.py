"""The workers' listening sockets: one SO_REUSEPORT group, connections spread, a port in use refused."""

from __future__ import annotations

import select
import socket

import pytest

from iag_gateway.errors import ConfigError
from iag_gateway.listening import listening_sockets, shares_its_address


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _accepted_per_socket(sockets: list[socket.socket], connections: int, port: int) -> list[int]:
    clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(connections)]
    counts = [0] * len(sockets)
    try:
        while sum(counts) < connections:
            ready, _, _ = select.select(sockets, [], [], 5)
            assert ready, "a connection was never offered to any socket"
            for sock in ready:
                conn, _addr = sock.accept()
                conn.close()
                counts[sockets.index(sock)] += 1
    finally:
        for client in clients:
            client.close()
    return counts


def test_two_workers_get_two_sockets_and_each_is_offered_connections() -> None:
    port = _free_port()
    sockets = listening_sockets("127.0.0.1", port, 2)
    try:
        assert len(sockets) == 2
        assert all(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) for s in sockets)
        counts = _accepted_per_socket(sockets, 40, port)
        # the kernel hashes each connection to one socket: 40 all on one has odds 2 in 2**40
        assert sum(counts) == 40 and min(counts) > 0
    finally:
        for sock in sockets:
            sock.close()


def test_one_worker_listens_on_one_plain_socket() -> None:
    port = _free_port()
    (sock,) = listening_sockets("127.0.0.1", port, 1)
    try:
        assert not sock.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT)
        assert _accepted_per_socket([sock], 3, port) == [3]
    finally:
        sock.close()


@pytest.mark.parametrize("second_count", [1, 2])
def test_a_port_held_by_another_gateway_is_refused_not_shared(second_count: int) -> None:
    port = _free_port()
    first = listening_sockets("127.0.0.1", port, 2)
    try:
        with pytest.raises(ConfigError) as caught:
            listening_sockets("127.0.0.1", port, second_count)
        assert "cannot listen" in str(caught.value.message) and "--port" in str(caught.value.message)
    finally:
        for sock in first:
            sock.close()


def test_port_0_gives_the_whole_group_one_free_port() -> None:
    sockets = listening_sockets("127.0.0.1", 0, 3)
    try:
        ports = {s.getsockname()[1] for s in sockets}
        assert len(ports) == 1 and ports != {0}
        (port,) = ports
        assert sum(_accepted_per_socket(sockets, 20, port)) == 20
    finally:
        for sock in sockets:
            sock.close()


def _group(port: int, count: int, host: str = "127.0.0.1") -> list[socket.socket]:
    """Sockets joined to a ``SO_REUSEPORT`` group and listening, as another gateway's would be."""
    group = []
    for _ in range(count):
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
        sock.listen(8)
        group.append(sock)
    return group


def test_a_group_that_joined_in_between_is_seen_by_both_and_neither_keeps_the_port() -> None:
    """Another gateway of the same user can join a group (no bind fails): the check after
    listening finds it, from either side, so two starts on one port both give up."""
    port = _free_port()
    other = _group(port, 2)
    try:
        with pytest.raises(ConfigError):
            listening_sockets("127.0.0.1", port, 3)
        assert shares_its_address(other[:1])  # the other side's own check sees its partner...
        assert not shares_its_address(other)  # ...and nothing once both are its own
    finally:
        for sock in other:
            sock.close()


def test_a_listener_on_another_address_of_the_same_port_is_not_a_partner() -> None:
    port = _free_port()
    elsewhere = _group(port, 1, host="127.0.0.2")
    try:
        sockets = listening_sockets("127.0.0.1", port, 2)
        assert not shares_its_address(sockets)
        for sock in sockets:
            sock.close()
    finally:
        elsewhere[0].close()
