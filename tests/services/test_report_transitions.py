"""The annual report's transition table, tested from the table: for every transition, every
state (none written yet, draft, submitted, returned, accepted; and a year not yet over) and
every role, the action succeeds exactly when the rule (`user.has_perm(permission, report)`,
the check the pages make) says so, writing its audit row with the project as parent; a
refusal raises `ServiceError` and changes nothing."""

import datetime

import pytest

from partnership import clock
from partnership.models import AuditEntry, Notification
from partnership.roles import Role
from services import actions, selectors
from services.errors import ServiceError
from services.models import AnnualReport, ProjectYear, SettlementLine
from services.transitions import REPORT
from tests.factories import GroupMembershipFactory, UserFactory
from tests.lifecycle import chair, members
from tests.transition_steps import try_step

from .conftest import make_project, officer_of, staff_of
from .report_data import LINES, NARRATIVE

pytestmark = pytest.mark.django_db

YEAR = 2011
R = AnnualReport.Status
RUNNERS = {
    "write_report": lambda p, u: actions.write_report(
        actor=u, project=p, year=YEAR, narrative="書き直した報告", lines=[("謝金", 5000, 0)]),
    "submit_report": lambda p, u: actions.submit_report(actor=u, project=p, year=YEAR),
    "return_report": lambda p, u: actions.return_report(actor=u, project=p, year=YEAR,
                                                        comments="決算の内訳を"),
    "accept_report": lambda p, u: actions.accept_report(actor=u, project=p, year=YEAR),
}
# state -> what may take each step there
EXPECTED = {
    "not written": {"write_report": {"staff"}},
    "draft": {"write_report": {"staff"}, "submit_report": {"staff"}},
    "submitted": {"return_report": {"partner officer"}, "accept_report": {"partner officer"}},
    "returned": {"write_report": {"staff"}, "submit_report": {"staff"}},
    "accepted": {},
    "draft, year not over": {"write_report": {"staff"}},
    "draft, year closed": {},
}


def test_every_transition_has_a_runner():
    assert set(RUNNERS) == set(REPORT.transitions)


def _report_in(project, state: str):
    status = state.split(",")[0]
    if status == "not written":
        return
    row = ProjectYear.objects.get(project=project, fiscal_year=YEAR)
    report = AnnualReport.objects.create(year=row, status=status, narrative=NARRATIVE,
                                         written_by=staff_of(project))
    SettlementLine.objects.create(report=report, position=1, item=LINES[0][0],
                                  city_amount=LINES[0][1], group_amount=LINES[0][2])
    if state.endswith("year closed"):
        ProjectYear.objects.filter(pk=row.pk).update(status=ProjectYear.Status.CLOSED)


def _people(project) -> dict:
    return {
        "staff": staff_of(project),
        "other group's member": GroupMembershipFactory(
            user=UserFactory(roles=[Role.PROJECT_STAFF])).user,
        "partner officer": officer_of(project),
        "other officer": UserFactory(roles=[Role.CITY_OFFICER]),
        "partnership member": members(1)[0],
        "chair": chair(),
        "mayor's office": UserFactory(roles=[Role.MAYORS_OFFICE]),
        "administrator": UserFactory(roles=[Role.ADMINISTRATOR], is_staff=True,
                                     is_superuser=True),
    }


def _snapshot(project):
    return (list(AnnualReport.objects.order_by("pk").values()),
            list(SettlementLine.objects.order_by("pk").values()),
            AuditEntry.objects.count(), Notification.objects.count())


def _now(state: str) -> datetime.datetime:
    if "not over" in state:  # during fiscal 2011
        return datetime.datetime(2012, 1, 10, 9, 0, tzinfo=datetime.UTC)
    return datetime.datetime(2012, 5, 10, 9, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize("name", sorted(RUNNERS))
@pytest.mark.parametrize("state", sorted(EXPECTED))
def test_the_table_decides(name, state):
    project = make_project()
    _report_in(project, state)
    transition = REPORT[name]
    outcomes = {}
    with clock.at(_now(state)):
        for who, user in _people(project).items():
            year = ProjectYear.objects.select_related("project").get(project=project,
                                                                     fiscal_year=YEAR)
            allowed = user.has_perm(transition.permission, selectors.annual_report(year))

            def took(before, rows, who=who, user=user):
                row = rows.get(action=transition.event)
                assert row.actor == user and row.parent_id == project.pk, who
                report = AnnualReport.objects.get()
                if transition.moves:
                    assert report.status in transition.targets
                    assert row.after["status"] == report.status

            taken = try_step(lambda user=user: RUNNERS[name](project, user),
                             refused=ServiceError, snapshot=lambda: _snapshot(project),
                             took=took)
            assert taken == allowed, (who, state)
            outcomes[who] = taken
    assert {who for who, taken in outcomes.items() if taken} == EXPECTED[state].get(name, set())
