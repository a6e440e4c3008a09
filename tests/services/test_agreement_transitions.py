"""The agreement's transition table, tested from the table: for every transition, every
state (a draft unconfirmed or confirmed by one side, in force, superseded) and every role,
the action succeeds exactly when the rule (`user.has_perm(permission, agreement)`, the
check the pages make) says so, writing its audit row; a refusal raises `ServiceError` and
changes nothing."""

import pytest

from partnership.models import AuditEntry, Notification
from partnership.roles import Role
from services import actions
from services.errors import ServiceError
from services.models import Agreement, Project
from services.transitions import AGREEMENT
from tests.factories import UserFactory
from tests.lifecycle import chair
from tests.transition_steps import try_step

from .agreement_data import TERMS, agreement_in, agreement_project, representative_of
from .conftest import officer_of, staff_of

pytestmark = pytest.mark.django_db

RUNNERS = {
    "edit_agreement": lambda a, u: actions.edit_agreement(
        actor=u, agreement=a, reason="理由", **{**TERMS, "reporting": "四半期ごとに報告"}),
    "confirm_for_group": lambda a, u: actions.confirm_agreement(actor=u, agreement=a,
                                                                side="group"),
    "confirm_for_department": lambda a, u: actions.confirm_agreement(actor=u, agreement=a,
                                                                     side="department"),
}
STATES = {
    "draft": {"status": Agreement.Status.DRAFT},
    "draft confirmed by the group": {"status": Agreement.Status.DRAFT, "group_confirmed": True},
    "draft confirmed by the department": {"status": Agreement.Status.DRAFT,
                                          "department_confirmed": True},
    "in force": {"status": Agreement.Status.IN_FORCE},
    "superseded": {"status": Agreement.Status.SUPERSEDED},
}


def test_every_transition_has_a_runner():
    assert set(RUNNERS) == set(AGREEMENT.transitions)


def _people(project: Project) -> dict:
    return {
        "representative": representative_of(project),
        "staff": staff_of(project),
        "partner officer": officer_of(project),
        "other officer": UserFactory(roles=[Role.CITY_OFFICER]),
        "chair": chair(),
        "mayor's office": UserFactory(roles=[Role.MAYORS_OFFICE]),
        "administrator": UserFactory(roles=[Role.ADMINISTRATOR], is_staff=True,
                                     is_superuser=True),
    }


def _snapshot(project: Project):
    return (list(Agreement.objects.filter(project=project).order_by("pk").values()),
            AuditEntry.objects.count(), Notification.objects.count())


@pytest.mark.parametrize("name", sorted(RUNNERS))
@pytest.mark.parametrize("state", sorted(STATES))
def test_the_table_decides(name, state):
    project = agreement_project()
    agreement = agreement_in(project, **STATES[state])
    transition = AGREEMENT[name]
    outcomes = {}
    for who, user in _people(project).items():
        agreement.refresh_from_db()
        allowed = user.has_perm(transition.permission, agreement)

        def took(before, rows, who=who, user=user):
            row = rows.get(action=transition.event)
            assert row.actor == user and row.parent_id == project.pk, who

        taken = try_step(lambda user=user: RUNNERS[name](agreement, user), refused=ServiceError,
                         snapshot=lambda: _snapshot(project), took=took)
        assert taken == allowed, (who, state)
        outcomes[who] = taken
    expected = {
        "edit_agreement": {"partner officer"},
        "confirm_for_group": {"representative"},
        "confirm_for_department": {"partner officer"},
    }[name]
    in_draft = state.startswith("draft")
    already = ((name == "confirm_for_group" and "by the group" in state)
               or (name == "confirm_for_department" and "by the department" in state))
    assert {who for who, taken in outcomes.items() if taken} == (
        expected if in_draft and not already else set())
