"""The socket serve listens on: connections accepted from it send without waiting on Nagle."""

from __future__ import annotations

import asyncio
import socket

import pytest

from intro_lint.apps.web.command import bind
from intro_lint.errors import IntroLintError


async def nodelay_of_an_accepted_connection(sock: socket.socket) -> int:
    seen: asyncio.Future = asyncio.get_running_loop().create_future()

    class Probe(asyncio.Protocol):
        def connection_made(self, transport):
            accepted = transport.get_extra_info("socket")
            seen.set_result(accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    server = await asyncio.get_running_loop().create_server(Probe, sock=sock)
    host, port = sock.getsockname()[:2]
    _, writer = await asyncio.open_connection(host, port)
    try:
        return await asyncio.wait_for(seen, 30)
    finally:
        writer.close()
        server.close()


def test_accepted_connections_answer_without_waiting_for_the_clients_ack():
    # with Nagle on, each answer's last segment waited for the client's delayed ACK (~40 ms)
    sock = bind("127.0.0.1", 0)
    assert sock.getsockname()[1] > 0
    assert asyncio.run(nodelay_of_an_accepted_connection(sock)) != 0


def test_a_port_in_use_is_named():
    first = bind("127.0.0.1", 0)
    port = first.getsockname()[1]
    try:
        with pytest.raises(IntroLintError, match=f"cannot listen on 127.0.0.1:{port}"):
            bind("127.0.0.1", port)
    finally:
        first.close()
