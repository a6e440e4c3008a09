"""The fiscal year's transition table, tested from the table itself.

For every transition (each way of writing records on its own), both states and every
role: the action succeeds exactly when the rule (`user.has_perm(transition.permission,
year)`, the check the pages and templates make) says so; a success writes its audit row
(the project its parent) and a closing closes the year; a refusal raises `ServiceError`
and changes nothing.
"""

import datetime
from decimal import Decimal
from functools import partial

import pytest
import rules
from django_tasks_db.models import DBTaskResult

from partnership.models import AuditEntry, Notification
from partnership.roles import Role
from services import actions, importing
from services.errors import ServiceError
from services.kinds import KINDS
from services.models import (
    Activity,
    Agreement,
    Evaluation,
    ImportBatch,
    Project,
    ProjectYear,
    Renewal,
    Target,
)
from services.transitions import RECORD_CHANGED, RECORD_DELETED, RECORDS_IMPORTED, YEAR
from tests.factories import DepartmentFactory, GroupMembershipFactory, UserFactory
from tests.lifecycle import chair, members
from tests.transition_steps import try_step

from .agreement_data import agreement_in
from .conftest import make_project, officer_of, staff_of
from .report_data import accepted_quietly

pytestmark = pytest.mark.django_db

YEAR_NUMBER = 2011  # the project runs fiscal 2010–2012
DAY = datetime.date(2011, 6, 1)
SCORES = {"progress": 4, "division_of_roles": 3, "satisfaction": 5, "outcomes": 4,
          "verdict": "continue"}


def _record(project: Project) -> Activity:
    return (Activity.objects.filter(project=project).first()
            or Activity.objects.create(project=project, date=DAY, hours=Decimal(1)))


def _parsed(project: Project) -> importing.ParsedFile:
    """A clean file of one activity, as `importing.parse` would give it."""
    return importing.ParsedFile(
        kind=KINDS["activities"], filename="活動.csv", sha256=f"{project.pk:064d}",
        rows=[{"project_id": project.pk, "date": DAY, "hours": Decimal(2),
               "description": "預かり"}])


def _evaluate(evaluator):
    return lambda p, u: actions.save_evaluation(actor=u, project=p, year=YEAR_NUMBER,
                                                evaluator=evaluator, comment="評価", **SCORES)


# transition -> {way: (how it is taken, the audit action it records)}. A transition added to
# the table without a way to take it here fails test_every_transition_has_a_runner.
RUNNERS = {
    "set_targets": {"": (lambda p, u: actions.set_targets(
        actor=u, project=p, year=YEAR_NUMBER, values={"courses": Decimal(7)}), "targets.set")},
    "agree_targets": {"": (lambda p, u: actions.agree_targets(
        actor=u, project=p, year=YEAR_NUMBER), "targets.agreed")},
    "write_records": {
        "entry": (lambda p, u: actions.create_records(
            actor=u, project=p, kind=KINDS["activities"],
            rows=[{"date": DAY, "hours": Decimal(2)}]), "record.created"),
        "edit": (lambda p, u: actions.update_record(actor=u, record=_record(p),
                                                    hours=Decimal(5)), RECORD_CHANGED),
        "delete": (lambda p, u: actions.delete_record(actor=u, record=_record(p)),
                   RECORD_DELETED),
        "import": (lambda p, u: actions.import_records(actor=u, parsed=_parsed(p)),
                   RECORDS_IMPORTED),
    },
    "evaluate_as_group": {"": (_evaluate("group"), "evaluation.written")},
    "evaluate_as_department": {"": (_evaluate("department"), "evaluation.written")},
    "evaluate_as_partnership": {"": (_evaluate("partnership"), "evaluation.written")},
    "comment_on_evaluation": {"": (lambda p, u: actions.comment_on_evaluation(
        actor=u, project=p, year=YEAR_NUMBER, text="利用者の声をもっと聞くべき"),
        "evaluation.commented")},
    "close": {"": (lambda p, u: actions.close_year(actor=u, project=p, year=YEAR_NUMBER),
                   "year.closed")},
    "decide_renewal": {"": (lambda p, u: actions.decide_renewal(
        actor=u, project=p, year=YEAR_NUMBER, outcome="renew",
        ends_on=datetime.date(YEAR_NUMBER + 3, 3, 31), reasons="継続"), "renewal.decided")},
}


def cast(project: Project) -> dict:
    """One person of every kind that could try a step, by name."""
    other_officer = UserFactory(roles=[Role.CITY_OFFICER])
    DepartmentFactory().officers.add(other_officer)
    return {
        "staff": staff_of(project),
        "other group's member": GroupMembershipFactory(
            user=UserFactory(roles=[Role.CITIZEN, Role.PROJECT_STAFF])).user,
        "partner officer": officer_of(project),
        "other officer": other_officer,
        "mayor's office": UserFactory(roles=[Role.MAYORS_OFFICE]),
        "partnership member": members(1)[0],
        "chair": chair(),
        "administrator": UserFactory(roles=[Role.ADMINISTRATOR], is_staff=True,
                                     is_superuser=True),
    }


def project_in(status: str, code: str = "childcare", *, reported: bool = False,
               renewal_due: bool = False) -> Project:
    """A project whose year is in `status`; `reported`: its annual report is accepted (as
    closing asks, and which locks the records); `renewal_due`: its agreement in force ends
    with the year, which the partnership has evaluated (as a renewal asks)."""
    project = make_project(code)
    _record(project)
    if renewal_due:
        agreement = agreement_in(project, Agreement.Status.DRAFT)
        Agreement.objects.filter(pk=agreement.pk).update(
            status=Agreement.Status.IN_FORCE, ends_on=datetime.date(YEAR_NUMBER + 1, 3, 31))
        _evaluate("partnership")(project, chair())
    Target.objects.create(project=project, fiscal_year=YEAR_NUMBER, indicator="activity_hours",
                          value=Decimal(100), set_by=staff_of(project))
    if reported:
        accepted_quietly(project, YEAR_NUMBER)
    ProjectYear.objects.filter(project=project, fiscal_year=YEAR_NUMBER).update(status=status)
    return project


def snapshot(project: Project) -> dict:
    """Everything a step could change about a year, its audit log and its notices."""
    year = ProjectYear.objects.get(project=project, fiscal_year=YEAR_NUMBER)
    return {
        "year": (year.status, year.closed_by_id, year.closed_at),
        "records": sorted(Activity.objects.values_list("pk", "date", "hours")),
        "imports": ImportBatch.objects.count(),
        "targets": sorted(Target.objects.values_list("indicator", "value", "agreed_by")),
        "evaluations": sorted(Evaluation.objects.values_list("evaluator", "progress")),
        "renewals": list(Renewal.objects.values_list("fiscal_year", "outcome", "ends_on")),
        "period": (Project.objects.get(pk=project.pk).ends_on,
                   ProjectYear.objects.filter(project=project).count()),
        "audit": AuditEntry.objects.count(),
        "notifications": Notification.objects.count(),
        "queued": DBTaskResult.objects.count(),
    }


def test_every_transition_has_a_runner():
    assert set(RUNNERS) == set(YEAR.transitions)


CASES = [pytest.param(t.name, way, status, id=f"{t.name}{'-' + way if way else ''}-{status}")
         for t in YEAR for way in RUNNERS[t.name] for status in ProjectYear.Status]


@pytest.mark.parametrize(("name", "way", "status"), CASES)
def test_each_role_may_take_a_step_exactly_when_the_rule_says(name, way, status):
    transition = YEAR[name]
    run, event = RUNNERS[name][way]
    project = project_in(status, reported=name == "close",
                         renewal_due=name == "decide_renewal")
    outcomes = {}
    for who, user in cast(project).items():
        year = ProjectYear.objects.select_related("project").get(
            project=project, fiscal_year=YEAR_NUMBER)
        allowed = user.has_perm(transition.permission, year)
        outcomes[who] = try_step(
            partial(run, Project.objects.get(pk=project.pk), user), refused=ServiceError,
            snapshot=partial(snapshot, project),
            took=partial(_assert_took_the_step, transition, project, user, event, status))
        assert outcomes[who] == allowed, (who, allowed)
    # Somebody may take each step in a state it leaves from, and nobody in another.
    assert any(outcomes.values()) == (status in transition.sources), outcomes


def _assert_took_the_step(transition, project, user, event, status, before, rows) -> None:
    assert [row.action for row in rows] == [event], "every step writes its audit row"
    row = rows.get()
    assert (row.actor, row.parent_id) == (user, project.pk)
    year = ProjectYear.objects.get(project=project, fiscal_year=YEAR_NUMBER)
    if transition.moves:
        assert year.status in transition.targets
        assert (row.before, row.after) == ({"status": "open"}, {"status": year.status})
        assert year.closed_by == user
    else:
        assert year.status == status


@pytest.mark.parametrize("name", ["close", "write_records", "set_targets"])
def test_the_action_asks_the_steps_own_permission(name):
    """With the step's permission denied, the actor who had it is refused by the action
    too: the action and the page ask the same table."""
    project = project_in(ProjectYear.Status.OPEN, reported=name == "close")
    user = officer_of(project) if name == "close" else staff_of(project)
    run, _event = next(iter(RUNNERS[name].values()))
    permission = YEAR[name].permission
    rules.set_perm(permission, rules.always_deny)
    try:
        before = snapshot(project)
        with pytest.raises(ServiceError):
            run(project, user)
        assert snapshot(project) == before
    finally:
        rules.set_perm(permission, YEAR[name].predicate)


def test_the_command_imports_into_an_open_year_and_not_into_a_closed_one():
    """actor None (the administrators' command): only the year's state decides."""
    project = project_in(ProjectYear.Status.OPEN)
    batch = actions.import_records(actor=None, parsed=_parsed(project))
    row = AuditEntry.objects.get(action=RECORDS_IMPORTED)
    assert (row.actor, row.subject_id, row.parent_id) == (None, batch.pk, project.pk)
    closed = project_in(ProjectYear.Status.CLOSED, code="closed")
    before = snapshot(closed)
    with pytest.raises(ServiceError, match="Fiscal year 2011 is closed"):
        actions.import_records(actor=None, parsed=_parsed(closed))
    assert snapshot(closed) == before
