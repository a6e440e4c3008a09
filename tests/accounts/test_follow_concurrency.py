"""Twenty follows of one object by one person at the same moment leave one row (the lock on
the person's row, and under it the database's unique constraint)."""

from django.db import connection

from partnership import actions
from partnership.models import Follow
from proposals.models import Call
from tests.factories import CallFactory, UserFactory
from tests.threads import ON_POSTGRESQL, run_together

pytestmark = ON_POSTGRESQL


def test_parallel_follows_keep_one_row():
    user, call = UserFactory(), CallFactory()

    def work(i: int) -> None:
        actions.follow(actor=type(user).objects.get(pk=user.pk),
                       target=Call.objects.get(pk=call.pk))

    outcomes = run_together(work)
    assert outcomes == {"ok": 20}
    assert Follow.objects.filter(user=user).count() == 1
    assert connection.vendor == "postgresql"


def test_the_constraint_alone_keeps_one_row():
    """Without the action's lock: plain inserts at once, one wins."""
    user, call = UserFactory(), CallFactory()
    from partnership import follows

    def work(i: int) -> None:
        Follow.objects.create(user_id=user.pk, **follows.key(call))

    outcomes = run_together(work)
    assert outcomes["ok"] == 1 and outcomes["IntegrityError"] == 19
    assert Follow.objects.filter(user=user).count() == 1
