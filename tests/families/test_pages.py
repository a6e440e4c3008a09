"""The pages: a constant number of queries whatever the number of reports, and bad input
on the filing form gets a clear message and changes nothing."""

import pytest
from django.urls import reverse

from families.models import FamilyReport
from tests.pages import queries_for
from tests.services.conftest import make_project, staff_of

from .helpers import family_project, file, report_in, welfare_officer, with_family_contacts

pytestmark = pytest.mark.django_db

VALID = {"family_reference": "K-001", "category": "isolation", "urgency": "urgent",
         "observed": "訪問しても応答がない", "npo_action": "電話した", "consent": "yes"}


def _file_url(project):
    return reverse("families:file", kwargs={"code": project.code})


@pytest.mark.parametrize("reader", ["officer", "staff"])
def test_the_list_costs_the_same_at_two_sizes(client, reader):
    project = family_project()
    client.force_login(welfare_officer() if reader == "officer" else staff_of(project))
    counts = []
    for size in (1, 12):
        while FamilyReport.objects.count() < size:
            file(project, urgency="soon")
        counts.append(queries_for(client, reverse("families:report_list")))
    assert counts[0] == counts[1]


def test_a_report_page_costs_the_same_whatever_the_reports(client):
    project = family_project()
    officer = welfare_officer()
    client.force_login(officer)
    counts = []
    for size in (1, 10):
        while FamilyReport.objects.count() < size:
            report_in("intervened", project, officer)
        last = FamilyReport.objects.order_by("-pk").first()
        counts.append(queries_for(client, reverse("families:report", kwargs={"pk": last.pk})))
    assert counts[0] == counts[1]


def test_staff_file_a_report(client):
    project = family_project()
    client.force_login(staff_of(project))
    response = client.post(_file_url(project), VALID)
    report = FamilyReport.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("families:report", kwargs={"pk": report.pk})
    assert (report.family_reference, report.consent, report.urgency) == ("K-001", True, "urgent")


@pytest.mark.parametrize(("field", "value"), [
    ("observed", "見た\x00こと"),
    ("family_reference", "K\x1b001"),
    ("family_reference", "K" * 41),
    ("observed", "あ" * 5001),
    ("observed", "   "),
    ("urgency", "tomorrow"),
    ("category", ""),
    ("consent", ""),
])
def test_bad_input_changes_nothing(client, field, value):
    project = family_project()
    client.force_login(staff_of(project))
    response = client.post(_file_url(project), {**VALID, field: value})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert not FamilyReport.objects.exists()


def test_the_same_form_sent_twice_files_once(client):
    project = family_project()
    client.force_login(staff_of(project))
    client.post(_file_url(project), VALID)
    client.post(_file_url(project), VALID)
    assert FamilyReport.objects.count() == 1


def test_a_project_without_family_contacts_files_nothing(client):
    project = make_project("plain")
    with_family_contacts(project, contacts=False)
    client.force_login(staff_of(project))
    assert client.get(_file_url(project)).status_code == 403
    assert client.post(_file_url(project), VALID).status_code == 403
    assert not FamilyReport.objects.exists()


def test_the_officer_acknowledges_and_closes_through_the_pages(client):
    report = report_in("filed")
    client.force_login(welfare_officer())
    detail = reverse("families:report", kwargs={"pk": report.pk})
    assert "Acknowledge" in client.get(detail).content.decode()
    client.post(reverse("families:acknowledge", kwargs={"pk": report.pk}), {"reply": "了解"})
    response = client.post(reverse("families:intervention", kwargs={"pk": report.pk}),
                           {"intervention": "nothing"})
    assert "There is a problem" in response.content.decode()
    client.post(reverse("families:intervention", kwargs={"pk": report.pk}),
                {"intervention": "referral", "city_notes": ""})
    client.post(reverse("families:close", kwargs={"pk": report.pk}))
    report.refresh_from_db()
    assert (report.status, report.intervention) == ("closed", "referral")
