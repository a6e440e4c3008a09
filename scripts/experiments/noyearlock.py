"""pytest plugin for an experiment: the services actions without the lock on the fiscal
years they write in (or close).

    PYTHONPATH=scripts/experiments DATABASE_URL=postgres://… \\
        .venv/bin/pytest -p noyearlock tests/services/test_concurrency.py

Both tests must then fail (most runs: a writer that read the year open writes after the
closing).
"""

import pytest


@pytest.fixture(autouse=True)
def _no_year_lock(monkeypatch):
    from django.db.models import QuerySet

    from services.models import ProjectYear

    locking = QuerySet.select_for_update

    def select_for_update(self, *args, **kwargs):
        return self if self.model is ProjectYear else locking(self, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "select_for_update", select_for_update)
