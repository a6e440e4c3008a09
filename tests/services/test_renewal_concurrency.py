"""Several people of the mayor's office deciding one renewal at once, on PostgreSQL (real
threads and transactions): the project's row lock makes them take turns, so there is one
decision, one audit row, and the period is extended once."""

import datetime

from partnership.models import AuditEntry
from services import actions
from services.models import Project, Renewal
from tests.threads import ON_POSTGRESQL, run_together

from .renewal_data import YEAR, mayor, renewal_due

pytestmark = ON_POSTGRESQL


def test_deciding_at_once_makes_one_decision():
    project = renewal_due("race")
    deciders = [mayor() for _ in range(4)]
    outcomes = run_together(lambda i: actions.decide_renewal(
        actor=deciders[i % 4], project=project, year=YEAR,
        outcome="renew" if i % 2 else "end", reasons=f"理由 {i}",
        ends_on=datetime.date(2013 + i % 3, 3, 31)))
    assert outcomes == {"ok": 1, "ServiceError": 19}
    renewal = Renewal.objects.get(project=project)
    assert AuditEntry.objects.filter(action="renewal.decided").count() == 1
    expected = renewal.ends_on if renewal.renews else datetime.date(2013, 3, 31)
    assert Project.objects.get(pk=project.pk).ends_on == expected
