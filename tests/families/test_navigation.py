"""Who is offered the list of reports: the navigation's link and the list page ask the one
rule (`families.list_reports`). The officers, and the staff of a project that may file
(family contacts in force) or has filed before; not staff whose project has no agreement,
or one without family contacts, nor the group's members who are not its staff."""

import pytest
from django.urls import reverse

from families.models import FamilyReport
from partnership.roles import Role
from services.models import Agreement
from tests.factories import GroupMembershipFactory, UserFactory
from tests.services.conftest import make_project, staff_of

from .helpers import file, welfare_officer, with_family_contacts

pytestmark = pytest.mark.django_db

LINK = 'href="{}"'


def _no_agreement():
    return staff_of(make_project("plain"))


def _without_family_contacts():
    return staff_of(with_family_contacts(make_project("plain"), contacts=False))


def _may_file():
    return staff_of(with_family_contacts(make_project("childcare")))


def _filed_before():
    """The contacts were dropped by an amendment after the project had filed a report."""
    project = with_family_contacts(make_project("childcare"))
    file(project)
    Agreement.objects.filter(project=project).update(status=Agreement.Status.SUPERSEDED)
    first = Agreement.objects.get(project=project)
    first.pk, first.version, first.status = None, 2, Agreement.Status.IN_FORCE
    first.family_contacts, first.reason = False, "家庭連絡を終了"
    first.save()
    return staff_of(project)


def _member_not_staff():
    project = with_family_contacts(make_project("childcare"))
    citizen = UserFactory(roles=[Role.CITIZEN])
    GroupMembershipFactory(user=citizen, group=project.group)
    return citizen


def _staff_of_another_group():
    with_family_contacts(make_project("childcare"))
    return _no_agreement()


def _administrator():
    with_family_contacts(make_project("childcare"))
    return UserFactory(roles=[Role.ADMINISTRATOR], is_staff=True, is_superuser=True)


@pytest.mark.parametrize(("who", "offered"), [
    (welfare_officer, True),
    (_may_file, True),
    (_filed_before, True),
    (_no_agreement, False),
    (_without_family_contacts, False),
    (_staff_of_another_group, False),
    (_member_not_staff, False),
    (_administrator, False),
])
def test_the_link_and_the_list_follow_the_one_rule(client, who, offered):
    user = who()
    client.force_login(user)
    link = LINK.format(reverse("families:report_list"))
    assert (link in client.get(reverse("my_page")).content.decode()) is offered
    assert client.get(reverse("families:report_list")).status_code == (200 if offered else 403)
    assert user.has_perm("families.list_reports") is offered


def test_staff_of_a_project_that_filed_before_list_its_reports(client):
    client.force_login(_filed_before())
    report = FamilyReport.objects.get()
    page = client.get(reverse("families:report_list")).content.decode()
    assert reverse("families:report", kwargs={"pk": report.pk}) in page
