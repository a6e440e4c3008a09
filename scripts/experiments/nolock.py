"""pytest plugin for an experiment: the proposal actions without their row lock.

    PYTHONPATH=scripts/experiments DATABASE_URL=postgres://… \\
        .venv/bin/pytest -p nolock tests/proposals/test_concurrency.py

The two service-level tests (simultaneous ballots, simultaneous decisions) must then fail.
"""

import pytest


@pytest.fixture(autouse=True)
def _no_lock(monkeypatch):
    import proposals.actions as actions
    from proposals.models import Proposal

    def unlocked(proposal):
        return Proposal.objects.select_related("call", "group").get(pk=proposal.pk)

    monkeypatch.setattr(actions, "_lock", unlocked)
