"""Administrators never read reports: not when an administrator is put in the officers'
group some other way (the officer rule leaves out superusers, admin staff and the
administrator role), and the admin's user page refuses to put one there, or oneself."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from families import actions
from families.errors import FamilyReportError
from partnership.models import AuditEntry, Notification
from partnership.roles import Role
from tests.factories import UserFactory

from .helpers import SECRET, family_project, file, report_in

pytestmark = pytest.mark.django_db

OFFICER = Role.CHILD_WELFARE_OFFICER
ADMINISTRATORS = {
    "superuser": {"roles": [OFFICER], "is_staff": True, "is_superuser": True},
    "admin staff": {"roles": [OFFICER], "is_staff": True},
    "administrator role": {"roles": [OFFICER, Role.ADMINISTRATOR]},
}


@pytest.mark.parametrize("kind", sorted(ADMINISTRATORS))
def test_an_administrator_in_the_officers_group_reads_nothing(client, kind):
    report = report_in("filed")
    admin = UserFactory(**ADMINISTRATORS[kind])
    client.force_login(admin)
    for name in ("report", "acknowledge", "intervention"):
        url = reverse(f"families:{name}", kwargs={"pk": report.pk})
        assert client.get(url).status_code == 404, name
    assert client.get(reverse("families:report_list")).status_code == 403
    assert client.get(reverse("families:year")).status_code == 403
    with pytest.raises(FamilyReportError):
        actions.read_report(actor=admin, report=report)
    with pytest.raises(FamilyReportError):
        actions.acknowledge_report(actor=admin, report=report)
    assert not AuditEntry.objects.filter(action="family_report.read").exists()


def test_an_administrator_in_the_officers_group_is_not_told_of_reports():
    admin = UserFactory(**ADMINISTRATORS["superuser"])
    officer = UserFactory(roles=[OFFICER])
    file(family_project(), urgency="urgent")
    told = set(Notification.objects.values_list("recipient_id", flat=True))
    assert officer.pk in told and admin.pk not in told


def _post_roles(client, user, *, add: Role, **changes):
    """The admin's user form as shown, with one role added (and these fields changed)."""
    url = reverse("admin:partnership_user_change", args=[user.pk])
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items()
            if value is not None and value is not False
            and name not in ("groups", "user_permissions", "last_login", "date_joined")}
    role = Group.objects.get_or_create(name=add.value)[0]
    data.update({"groups": [*user.groups.values_list("pk", flat=True), role.pk],
                 "date_joined_0": "2026-01-05", "date_joined_1": "10:00:00",
                 "language": "ja", "email_muted": "[]", **changes})
    return client.post(url, data)


REFUSED_ADMIN = "An administrator cannot be a child-welfare officer"
REFUSED_SELF = "You cannot designate yourself as a child-welfare officer."


@pytest.mark.parametrize(("who", "changes"), [
    ({"is_staff": True, "is_superuser": True}, {}),
    ({"is_staff": True}, {}),
    ({"roles": [Role.ADMINISTRATOR]}, {}),
    ({"roles": [Role.CITY_OFFICER]}, {"is_superuser": "on"}),  # made one at the same time
])
def test_the_admin_refuses_to_designate_an_administrator(admin_client, who, changes):
    user = UserFactory(**who)
    before = set(user.groups.values_list("name", flat=True))
    response = _post_roles(admin_client, user, add=OFFICER, **changes)
    assert response.status_code == 200
    assert REFUSED_ADMIN in response.content.decode()
    user.refresh_from_db()
    assert set(user.groups.values_list("name", flat=True)) == before
    if changes:
        assert not user.is_superuser


def test_the_admin_refuses_to_designate_oneself(admin_client, admin_user):
    response = _post_roles(admin_client, admin_user, add=OFFICER, is_staff="", is_superuser="")
    assert response.status_code == 200
    assert REFUSED_SELF in response.content.decode()
    admin_user.refresh_from_db()
    assert not admin_user.groups.filter(name=OFFICER.value).exists()
    assert admin_user.is_superuser


def test_the_admin_designates_an_officer_who_then_reads(admin_client, client):
    report = report_in("filed")
    officer = UserFactory(roles=[Role.CITY_OFFICER])
    response = _post_roles(admin_client, officer, add=OFFICER)
    assert response.status_code == 302, response.content[:3000]
    client.force_login(officer)
    page = client.get(reverse("families:report", kwargs={"pk": report.pk}))
    assert page.status_code == 200 and SECRET in page.content.decode()
