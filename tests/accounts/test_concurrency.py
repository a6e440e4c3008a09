"""At the same moment: twenty follows of one object by one person leave one row (the lock on
the person's row, and under it the unique constraint); twenty accounts sharing an address
verified at once leave one active (the partial unique index on the address)."""

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


def test_one_of_many_accounts_sharing_an_address_is_verified():
    """Twenty sign-ups with one address, verified at once: one account is active."""
    from partnership.account_tokens import verification

    users = [UserFactory(email="shared@example.jp", is_active=False) for _ in range(20)]
    tokens = [verification.make_token(user) for user in users]

    def work(i: int) -> None:
        actions.verify_account(actor=users[i], token=tokens[i])

    outcomes = run_together(work)
    assert outcomes == {"ok": 1, "AccountError": 19}
    assert type(users[0]).objects.filter(email="shared@example.jp", is_active=True).count() == 1
