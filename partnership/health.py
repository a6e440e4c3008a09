"""Does the database answer? Asked by load balancers every few seconds, so it must answer
within HEALTH_TIMEOUT seconds even when the database accepts connections and then says
nothing (a stuck server, a full connection queue)."""

import threading

import psycopg2
from django.db import DatabaseError, connections

HEALTH_TIMEOUT = 1.5  # seconds before the answer is "unavailable"
# libpq's own limits for the check's connection, so that a stuck one does not linger:
# connect_timeout is whole seconds and at least 2; statement_timeout is milliseconds.
PG_CONNECT_TIMEOUT = 2
PG_STATEMENT_TIMEOUT_MS = 2000


def ask_postgresql(params: dict) -> None:
    """SELECT 1 on a connection of its own with short timeouts (raises when it fails)."""
    params = {**params, "connect_timeout": PG_CONNECT_TIMEOUT,
              "options": f"-c statement_timeout={PG_STATEMENT_TIMEOUT_MS}"}
    with psycopg2.connect(**params) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    conn.close()


def ask_django(alias: str = "default") -> None:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def database_answers(alias: str = "default", timeout: float = HEALTH_TIMEOUT) -> bool:
    """Whether the database answered SELECT 1 within `timeout` seconds."""
    connection = connections[alias]
    if connection.vendor == "postgresql":
        params = connection.get_connection_params()
        outcome: list[bool] = []

        def ask() -> None:
            try:
                ask_postgresql(params)
                outcome.append(True)
            except (psycopg2.Error, OSError):
                outcome.append(False)

        # A thread of its own: the answer comes after `timeout` at the latest, while a
        # stuck connection ends by libpq's own timeouts in the background.
        worker = threading.Thread(target=ask, daemon=True)
        worker.start()
        worker.join(timeout)
        return outcome == [True]
    try:
        ask_django(alias)
    except DatabaseError:
        return False
    return True
