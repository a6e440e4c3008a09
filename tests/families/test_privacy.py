"""Who reads a report, what the database holds, and what the audit log says: the free text
is encrypted at rest, every read of a report's page is an audit row, and neither the
audit log, the admin nor the staff's view shows what they may not read."""

import pytest
from django.db import connection
from django.urls import reverse

from families.models import FamilyReport
from partnership.models import AuditEntry
from partnership.roles import Role
from tests.factories import UserFactory
from tests.services.conftest import staff_of

from .helpers import NOTES, REFERENCE, REPLY, SECRET, family_project, report_in, welfare_officer

pytestmark = pytest.mark.django_db

SECRETS = (SECRET, REFERENCE, NOTES, REPLY)


def _raw_row(report) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM families_familyreport WHERE id = %s", [report.pk])
        return " ".join(str(value) for value in cursor.fetchone())


def test_the_database_holds_no_plain_text():
    report = report_in("intervened")
    raw = _raw_row(report)
    for secret in SECRETS:
        assert secret not in raw
    assert "gAAAAA" in raw  # Fernet tokens, which the model reads back as the text
    fresh = FamilyReport.objects.get(pk=report.pk)
    assert (fresh.observed, fresh.family_reference, fresh.city_notes, fresh.reply) == (
        SECRET, REFERENCE, NOTES, REPLY)


def test_the_audit_log_holds_no_content():
    report_in("closed")
    rows = " ".join(str((row.subject_repr, row.before, row.after, row.reason))
                    for row in AuditEntry.objects.all())
    for secret in SECRETS:
        assert secret not in rows


@pytest.mark.parametrize("reader", ["officer", "staff"])
def test_every_read_of_a_report_page_is_audited(client, reader):
    report = report_in("acknowledged")
    user = welfare_officer() if reader == "officer" else staff_of(report.project)
    client.force_login(user)
    url = reverse("families:report", kwargs={"pk": report.pk})
    for expected in (1, 2):
        assert client.get(url).status_code == 200
        reads = AuditEntry.objects.filter(action="family_report.read", subject_id=report.pk,
                                          actor=user)
        assert reads.count() == expected


def test_a_refused_read_is_not_a_read(client):
    report = report_in("filed")
    client.force_login(UserFactory(roles=[Role.ADMINISTRATOR], is_staff=True,
                                   is_superuser=True))
    assert client.get(reverse("families:report", kwargs={"pk": report.pk})).status_code == 404
    assert not AuditEntry.objects.filter(action="family_report.read").exists()


def test_staff_read_their_report_and_the_acknowledgement_not_the_city_notes(client):
    report = report_in("intervened")
    client.force_login(staff_of(report.project))
    page = client.get(reverse("families:report", kwargs={"pk": report.pk})).content.decode()
    assert SECRET in page and REPLY in page
    assert NOTES not in page and "Home visit" not in page


def test_the_officer_reads_everything(client):
    report = report_in("intervened")
    client.force_login(welfare_officer())
    page = client.get(reverse("families:report", kwargs={"pk": report.pk})).content.decode()
    for secret in SECRETS:
        assert secret in page


def test_the_auditor_sees_that_a_read_happened_not_what_was_read(client):
    report = report_in("acknowledged")
    reader = welfare_officer(username="reader-officer")
    client.force_login(reader)
    client.get(reverse("families:report", kwargs={"pk": report.pk}))
    client.force_login(UserFactory(roles=[Role.AUDITOR]))
    page = client.get(reverse("audit_log")).content.decode()
    assert "<code>family_report.read</code>" in page
    assert "reader-officer" in page
    for secret in SECRETS:
        assert secret not in page


def test_the_admin_shows_no_content(admin_client):
    report = report_in("intervened")
    pages = [admin_client.get(reverse("admin:families_familyreport_changelist")),
             admin_client.get(reverse("admin:families_familyreport_change", args=[report.pk]))]
    for response in pages:
        assert response.status_code == 200
        for secret in SECRETS:
            assert secret not in response.content.decode()


def test_the_admin_cannot_change_or_delete_a_report(admin_client):
    report = report_in("filed")
    url = reverse("admin:families_familyreport_delete", args=[report.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert FamilyReport.objects.filter(pk=report.pk).exists()


def test_the_list_does_not_decrypt(client):
    project = family_project()
    report_in("filed", project)
    client.force_login(staff_of(project))
    page = client.get(reverse("families:report_list")).content.decode()
    assert SECRET not in page and REFERENCE not in page


def test_no_page_shows_a_report_without_logging_the_read(client):
    """Every GET page of the app about a report that shows its text wrote a read row: a new
    page that showed it without `actions.read_report` would fail here."""
    from families.urls import urlpatterns

    report = report_in("acknowledged")
    reader = welfare_officer()
    client.force_login(reader)
    shown = []
    for pattern in urlpatterns:
        if "<int:pk>" not in str(pattern.pattern):
            continue
        last = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first()
        response = client.get(reverse(f"families:{pattern.name}", kwargs={"pk": report.pk}))
        if response.status_code == 200 and SECRET in response.content.decode():
            shown.append(pattern.name)
            assert AuditEntry.objects.filter(id__gt=last, action="family_report.read",
                                             actor=reader, subject_id=report.pk).exists()
    assert shown == ["report"]
