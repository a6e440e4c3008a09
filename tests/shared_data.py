"""Data built once for all the tests of a module, where building it costs more than the
tests themselves (the demo, the permission matrix's objects)."""

from contextlib import contextmanager

from django.db import transaction


@contextmanager
def rolled_back(django_db_blocker):
    """A transaction around a module-scoped fixture's data, rolled back at the module's end.
    Each test still runs in a savepoint of its own inside it (pytest-django's `db`), so a
    test's changes never reach the next test."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
