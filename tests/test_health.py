"""/healthz answers within its timeout even when the database accepts connections and
then says nothing: the bound below is how long a load balancer may wait, not a speed."""

import socket
import threading
import time
from unittest import mock

import pytest
from django.db import connections
from django.urls import reverse

from partnership import health

pytestmark = pytest.mark.django_db

BOUND = 2.0  # seconds: /healthz must answer within this


@pytest.fixture
def silent_server():
    """A TCP port that accepts connections and never sends a byte."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted = []

    def serve() -> None:
        while True:
            try:
                accepted.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=serve, daemon=True).start()
    yield server.getsockname()[1]
    server.close()
    for conn in accepted:
        conn.close()


@pytest.fixture
def database_at(silent_server):
    """The default database, as the health check sees it, is the silent server."""
    connection = connections["default"]
    params = {"host": "127.0.0.1", "port": silent_server, "dbname": "portal",
              "user": "postgres"}
    with mock.patch.object(connection, "vendor", "postgresql"), \
            mock.patch.object(connection, "get_connection_params", return_value=params):
        yield


def test_a_silent_database_is_unavailable_within_the_bound(client, database_at):
    start = time.monotonic()
    response = client.get(reverse("healthz"))
    elapsed = time.monotonic() - start
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "down"}
    assert elapsed < BOUND, elapsed


def test_the_check_gives_up_after_its_timeout_not_libpqs():
    """Without its own thread the check would wait for libpq's connect timeout."""
    assert health.HEALTH_TIMEOUT < health.PG_CONNECT_TIMEOUT <= BOUND


def test_a_refused_connection_is_unavailable(client):
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there now
    connection = connections["default"]
    with mock.patch.object(connection, "vendor", "postgresql"), \
            mock.patch.object(connection, "get_connection_params",
                              return_value={"host": "127.0.0.1", "port": port,
                                            "dbname": "portal", "user": "postgres"}):
        assert client.get(reverse("healthz")).status_code == 503
