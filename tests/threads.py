"""Threads that start together, for the concurrency tests on PostgreSQL."""

import threading
from collections import Counter

import pytest
from django.conf import settings
from django.db import connection

THREADS = 20

ON_POSTGRESQL = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="needs PostgreSQL: SQLite has no row locks and serialises all writers, "
        "so simultaneous transactions cannot be tested on it (set DATABASE_URL=postgres://…)",
    ),
    pytest.mark.django_db(transaction=True),
]


def run_together(work, n: int = THREADS) -> Counter:
    """Run `work(i)` in n threads that start at the same moment; count outcomes by type."""
    barrier = threading.Barrier(n)
    outcomes: list[str] = []
    lock = threading.Lock()

    def target(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            work(i)
            result = "ok"
        except Exception as exc:  # noqa: BLE001 - every outcome is recorded and asserted
            result = type(exc).__name__
        finally:
            connection.close()  # each thread has its own connection
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=target, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    return Counter(outcomes)
