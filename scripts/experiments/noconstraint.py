"""pytest plugin for an experiment: the test database without the uniqueness constraints
on ballots (one per member and proposal) and decisions (one per proposal).

    PYTHONPATH=scripts/experiments DATABASE_URL=postgres://… \\
        .venv/bin/pytest -p noconstraint tests/proposals/test_concurrency.py

The three tests that write past the actions must then fail (with `-p nolock` too: all five).
"""

import pytest


@pytest.fixture(scope="session", autouse=True)
def _drop_constraints(django_db_setup, django_db_blocker):
    from django.db import connection

    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute("ALTER TABLE proposals_ballot "
                       "DROP CONSTRAINT one_ballot_per_member_and_proposal")
        cursor.execute("SELECT conname FROM pg_constraint "
                       "WHERE conrelid = 'proposals_decision'::regclass AND contype = 'u'")
        for (name,) in cursor.fetchall():
            cursor.execute(f'ALTER TABLE proposals_decision DROP CONSTRAINT "{name}"')
