"""Taking one step of a transition table in a test, and undoing it afterwards."""

from collections.abc import Callable

from django.db import transaction
from django.db.models import QuerySet

from partnership.models import AuditEntry


def try_step(run: Callable[[], object], *, refused: type[Exception],
             snapshot: Callable[[], object],
             took: Callable[[object, QuerySet[AuditEntry]], None]) -> bool:
    """Run one step in a transaction that is rolled back afterwards; whether it was taken.

    A refusal (`refused`, the app's domain error) must leave `snapshot()` as it was; a
    step taken is checked by `took(snapshot before, the audit rows it wrote)`.
    """
    with transaction.atomic():
        before = snapshot()
        last = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
        try:
            run()
        except refused:
            assert snapshot() == before
            taken = False
        else:
            took(before, AuditEntry.objects.filter(pk__gt=last))
            taken = True
        transaction.set_rollback(True)
    return taken
