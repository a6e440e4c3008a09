"""A fiscal year in a URL or an action must be one of the project's years."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from services import actions
from services.errors import ServiceError
from services.models import Evaluation, ProjectYear, Target

from .conftest import officer_of, staff_of
from .report_data import accepted_quietly

pytestmark = pytest.mark.django_db

OUTSIDE = (2009, 2013)  # the project runs fiscal 2010–2012


@pytest.mark.parametrize("year", OUTSIDE)
def test_a_year_outside_the_project_cannot_be_closed(client, project, year):
    officer = officer_of(project)
    with pytest.raises(ServiceError) as error:
        actions.close_year(actor=officer, project=project, year=year)
    assert error.value.message == f"Fiscal year {year} is outside the project's period."
    client.force_login(officer)
    url = reverse("services:year_close", kwargs={"code": project.code, "year": year})
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert not ProjectYear.objects.filter(status=ProjectYear.Status.CLOSED).exists()


@pytest.mark.parametrize("year", OUTSIDE)
def test_targets_of_a_year_outside_the_project_cannot_be_agreed(client, project, year):
    officer = officer_of(project)
    # A target of that year written directly, as an old import or the admin might have.
    Target.objects.create(project=project, fiscal_year=year, indicator="courses",
                          value=Decimal(3), set_by=staff_of(project))
    with pytest.raises(ServiceError) as error:
        actions.agree_targets(actor=officer, project=project, year=year)
    assert error.value.message == f"Fiscal year {year} is outside the project's period."
    client.force_login(officer)
    url = reverse("services:targets_agree", kwargs={"code": project.code, "year": year})
    assert client.post(url).status_code == 404
    assert not Target.objects.filter(agreed_at__isnull=False).exists()


@pytest.mark.parametrize("year", OUTSIDE)
def test_targets_and_evaluations_of_a_year_outside_the_project_are_not_found(
        client, project, year):
    staff = staff_of(project)
    client.force_login(staff)
    targets = reverse("services:targets", kwargs={"code": project.code, "year": year})
    evaluation = reverse("services:evaluation",
                         kwargs={"code": project.code, "year": year, "evaluator": "group"})
    assert client.get(targets).status_code == 404
    assert client.post(targets, {"courses": "3"}).status_code == 404
    assert client.get(evaluation).status_code == 404
    assert client.post(evaluation, {"progress": 4, "division_of_roles": 3, "satisfaction": 5,
                                    "outcomes": 2}).status_code == 404
    assert not Target.objects.exists() and not Evaluation.objects.exists()


def test_the_project_years_still_work(client, project):
    officer = officer_of(project)
    actions.set_targets(actor=staff_of(project), project=project, year=2012,
                        values={"courses": Decimal(1)})
    client.force_login(officer)
    agree = reverse("services:targets_agree", kwargs={"code": project.code, "year": 2012})
    response = client.post(agree)
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["1 target was agreed."]
    close = reverse("services:year_close", kwargs={"code": project.code, "year": 2010})
    assert client.get(close).status_code == 403  # its annual report is not accepted yet
    accepted_quietly(project, 2010)
    assert client.get(close).status_code == 200
    response = client.post(close)
    assert response.status_code == 302
    assert ProjectYear.objects.get(status=ProjectYear.Status.CLOSED).fiscal_year == 2010
    assert project.starts_on == datetime.date(2010, 4, 1)  # the years above are its own


def test_agree_is_offered_only_while_targets_wait(client, project):
    officer = officer_of(project)
    client.force_login(officer)
    page = reverse("services:project_detail", kwargs={"code": project.code}) + "?year=2012"
    assert "Agree the targets" not in client.get(page).content.decode()  # none set yet
    actions.set_targets(actor=staff_of(project), project=project, year=2012,
                        values={"courses": Decimal(1)})
    assert "Agree the targets" in client.get(page).content.decode()
    actions.agree_targets(actor=officer, project=project, year=2012)
    assert "Agree the targets" not in client.get(page).content.decode()  # all agreed
