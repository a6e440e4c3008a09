"""Who is told when someone must act in a fiscal year: targets set -> the partner
department's officers; targets agreed and year closed -> the operating group. By e-mail,
through the queue, in each recipient's language, with a link to the year's page."""

from decimal import Decimal

import pytest
from django.core import mail

from partnership.models import Notification
from partnership.roles import Role
from services import actions
from tests.factories import GroupMembershipFactory, UserFactory
from tests.services.report_data import accepted_quietly

from .conftest import officer_of, staff_of

pytestmark = pytest.mark.django_db

LINK = "http://127.0.0.1:8000/projects/childcare/?year=2011"


def told(kind: str) -> set:
    return set(Notification.objects.filter(kind=kind).values_list("recipient__username",
                                                                  flat=True))


def test_set_targets_tells_the_partner_departments_officers(project, run_tasks, settings):
    settings.PORTAL_URL = "http://127.0.0.1:8000"
    staff, officer = staff_of(project), officer_of(project)
    officer.language = "ja"
    officer.save(update_fields=["language"])
    colleague = UserFactory(roles=[Role.CITY_OFFICER], language="en")
    project.department.officers.add(colleague)
    UserFactory(roles=[Role.CITY_OFFICER])  # of no department: not told
    actions.set_targets(actor=staff, project=project, year=2011,
                        values={"courses": Decimal(10)})
    assert told("targets_set") == {officer.username, colleague.username}
    run_tasks()
    english = next(m for m in mail.outbox if m.to == [colleague.email])
    assert english.subject == f"Targets to agree: “{project.title}”, fiscal year 2011"
    assert LINK in english.body
    japanese = next(m for m in mail.outbox if m.to == [officer.email])
    assert "目標" in japanese.subject and LINK in japanese.body


def test_targets_unchanged_tell_nobody(project):
    staff = staff_of(project)
    actions.set_targets(actor=staff, project=project, year=2011, values={"courses": Decimal(3)})
    Notification.objects.all().delete()
    actions.set_targets(actor=staff, project=project, year=2011,
                        values={"courses": Decimal("3.00"), "new_members": None})
    assert not Notification.objects.exists()


@pytest.mark.parametrize("kind", ["targets_agreed", "year_closed"])
def test_agreeing_and_closing_tell_the_operating_group(project, run_tasks, kind):
    staff, officer = staff_of(project), officer_of(project)
    member = GroupMembershipFactory(group=project.group, user=UserFactory(language="en")).user
    GroupMembershipFactory()  # another group: not told
    actions.set_targets(actor=staff, project=project, year=2011, values={"courses": Decimal(3)})
    if kind == "targets_agreed":
        actions.agree_targets(actor=officer, project=project, year=2011)
    else:
        accepted_quietly(project, 2011)
        actions.close_year(actor=officer, project=project, year=2011)
    assert told(kind) == {staff.username, member.username}
    run_tasks()
    [message] = [m for m in mail.outbox if m.to == [member.email]]
    assert project.title in message.subject and "2011" in message.subject
    assert "/projects/childcare/?year=2011" in message.body
