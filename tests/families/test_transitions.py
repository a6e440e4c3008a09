"""The report's transition table, tested from the table: for every transition, every state
and every kind of person, the action succeeds exactly when the rule (the check the pages
make) says so and writes its audit row; a refusal raises the app's error and changes
nothing."""

import pytest

from families import actions
from families.errors import FamilyReportError
from families.models import FamilyReport
from families.transitions import REPORT
from partnership.roles import Role
from tests.factories import UserFactory
from tests.services.conftest import officer_of, staff_of
from tests.transition_steps import try_step

from .helpers import family_project, report_in, welfare_officer

pytestmark = pytest.mark.django_db

RUNNERS = {
    "acknowledge": lambda r, u: actions.acknowledge_report(actor=u, report=r, reply="了解"),
    "record_intervention": lambda r, u: actions.record_intervention(
        actor=u, report=r, intervention="referral", city_notes="メモ"),
    "close": lambda r, u: actions.close_report(actor=u, report=r),
}
STATES = ("filed", "acknowledged", "intervened", "closed")


def test_every_transition_has_a_runner():
    assert set(RUNNERS) == set(REPORT.transitions)


def _people(report: FamilyReport) -> dict:
    return {
        "welfare officer": welfare_officer(),
        "filing staff": staff_of(report.project),
        "partner officer": officer_of(report.project),
        "city officer": UserFactory(roles=[Role.CITY_OFFICER]),
        "auditor": UserFactory(roles=[Role.AUDITOR]),
        "administrator": UserFactory(roles=[Role.ADMINISTRATOR], is_staff=True,
                                     is_superuser=True),
        # Put in the officers' group, an administrator still is no officer.
        "administrator in the officers' group": UserFactory(
            roles=[Role.ADMINISTRATOR, Role.CHILD_WELFARE_OFFICER], is_staff=True,
            is_superuser=True),
    }


def _snapshot(report):
    return list(FamilyReport.objects.filter(pk=report.pk).values())


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("name", sorted(RUNNERS))
def test_the_table_decides(name, state):
    report = report_in(state, family_project())
    transition = REPORT[name]
    for who, user in _people(report).items():
        fresh = FamilyReport.objects.select_related("project").get(pk=report.pk)
        allowed = user.has_perm(transition.permission, fresh)

        def took(before, rows, user=user):
            assert [row.action for row in rows] == [transition.event]
            assert rows[0].actor_id == user.pk

        taken = try_step(lambda user=user, fresh=fresh: RUNNERS[name](fresh, user),
                         refused=FamilyReportError, snapshot=lambda: _snapshot(report),
                         took=took)
        assert taken == allowed, (name, state, who)
        expected = who == "welfare officer" and (
            (name == "acknowledge" and state == "filed")
            or (name == "record_intervention" and state in ("acknowledged", "intervened"))
            or (name == "close" and state == "intervened"))
        assert taken == expected, (name, state, who)


def test_closing_without_an_intervention_says_why():
    report = report_in("acknowledged")
    with pytest.raises(FamilyReportError, match="Record the intervention"):
        actions.close_report(actor=welfare_officer(), report=report)
