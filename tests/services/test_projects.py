import datetime

import pytest
from django.urls import reverse

from partnership import audit
from partnership.roles import Role
from proposals.models import Status
from services import actions
from services.errors import ServiceError
from services.models import Project, ProjectYear
from tests.factories import DepartmentFactory
from tests.lifecycle import proposal_in
from tests.services.report_data import accepted_quietly

from .conftest import officer_of, staff_of


@pytest.mark.django_db
def test_choosing_a_proposal_creates_its_project(settings):
    department = DepartmentFactory(name="こども家庭課")
    proposal = proposal_in(Status.CHOSEN, desired_department=department)
    project = Project.objects.get(proposal=proposal)
    decided = proposal.decision.decided_at.date()
    assert project.code == f"p{proposal.call.fiscal_year}-{proposal.pk}"
    assert project.group == proposal.group
    assert project.department == department
    assert project.title == proposal.title
    assert project.starts_on.month == 4 and project.starts_on.day == 1
    assert project.starts_on > decided
    assert (project.starts_on - decided).days <= 366
    assert project.ends_on == datetime.date(project.starts_on.year + 3, 3, 31)
    assert project.agreement_date is None
    first = project.starts_on.year
    assert list(project.years.values_list("fiscal_year", "status")) == [
        (first, "open"), (first + 1, "open"), (first + 2, "open")]
    [created] = audit.history(project)
    assert (created.action, created.actor, created.after["code"]) == (
        "project.created", proposal.decision.decided_by, project.code)


@pytest.mark.django_db
def test_declined_proposal_makes_no_project():
    proposal_in(Status.DECLINED)
    assert not Project.objects.exists()


@pytest.mark.django_db
def test_the_partner_officer_edits_code_period_and_agreement_not_the_department(client,
                                                                               project):
    officer = officer_of(project)
    client.force_login(officer)
    other = DepartmentFactory()
    response = client.post(reverse("services:project_edit", kwargs={"code": project.code}), {
        "code": "childcare-support", "department": other.pk, "starts_on": "2010-04-01",
        "ends_on": "2013-03-31", "agreement_date": "2010-03-15",
    })
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.code == "childcare-support"
    assert project.department == officer.departments.get()  # the field is not theirs
    assert project.agreement_date == datetime.date(2010, 3, 15)
    [changed] = audit.history(project)
    assert (changed.action, changed.actor) == ("project.changed", officer)
    assert changed.before == {"code": "childcare", "agreement_date": None}
    assert changed.after == {"code": "childcare-support", "agreement_date": "2010-03-15"}


@pytest.mark.django_db
def test_an_officer_cannot_take_a_project_for_their_department(client, project, make_user):
    """Any officer could make their own department the partner and then close its years."""
    stranger = make_user(Role.CITY_OFFICER)
    own = DepartmentFactory()
    own.officers.add(stranger)
    client.force_login(stranger)
    url = reverse("services:project_edit", kwargs={"code": project.code})
    assert client.post(url, {"code": project.code, "department": own.pk,
                             "starts_on": "2010-04-01", "ends_on": "2013-03-31"}).status_code == 403
    with pytest.raises(ServiceError):
        actions.update_project(actor=officer_of(project), project=project, code=project.code,
                               department=own, starts_on=project.starts_on,
                               ends_on=project.ends_on, agreement_date=None)
    project.refresh_from_db()
    assert project.department != own


@pytest.mark.django_db
def test_an_administrator_changes_the_department_and_it_is_audited(client, project,
                                                                   make_user):
    admin = make_user(Role.ADMINISTRATOR)
    other = DepartmentFactory()
    client.force_login(admin)
    response = client.post(reverse("services:project_edit", kwargs={"code": project.code}), {
        "code": project.code, "department": other.pk, "starts_on": "2010-04-01",
        "ends_on": "2013-03-31"})
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.department == other
    [changed] = audit.history(project)
    assert (changed.actor, changed.after) == (admin, {"department": other.pk})


@pytest.mark.django_db
def test_a_longer_period_opens_its_new_years_and_a_shorter_keeps_the_old(project):
    officer = officer_of(project)
    details = {"code": project.code, "department": project.department, "agreement_date": None}
    actions.update_project(actor=officer, project=project, starts_on=datetime.date(2009, 4, 1),
                           ends_on=datetime.date(2014, 3, 31), **details)
    assert list(ProjectYear.objects.filter(project=project)
                .values_list("fiscal_year", flat=True)) == [2009, 2010, 2011, 2012, 2013]
    accepted_quietly(project, 2009)
    actions.close_year(actor=officer, project=project, year=2009)
    actions.update_project(actor=officer, project=project, starts_on=datetime.date(2010, 4, 1),
                           ends_on=datetime.date(2013, 3, 31), **details)
    # 2009 keeps its row (closed), but is no longer one of the project's years.
    assert ProjectYear.objects.get(project=project, fiscal_year=2009).is_closed
    with pytest.raises(ServiceError, match="outside the project's period"):
        actions.set_targets(actor=staff_of(project), project=project, year=2013,
                            values={"courses": 1})


@pytest.mark.django_db
def test_a_code_taken_by_another_project_is_refused(project):
    from .conftest import make_project

    make_project("taken")
    with pytest.raises(ServiceError):
        actions.update_project(actor=officer_of(project), project=project, code="taken",
                               department=project.department, starts_on=project.starts_on,
                               ends_on=project.ends_on, agreement_date=None)
    project.refresh_from_db()
    assert project.code == "childcare" and not audit.history(project).exists()


@pytest.mark.django_db
def test_period_must_not_end_before_start(client, project, make_user):
    client.force_login(officer_of(project))
    response = client.post(reverse("services:project_edit", kwargs={"code": project.code}), {
        "code": project.code, "starts_on": "2012-04-01", "ends_on": "2011-03-31",
    })
    assert response.status_code == 200
    assert b"error-summary" in response.content
    # The model's constraint says why, on the form.
    assert "The project cannot end before it starts." in response.content.decode()
    assert response.context["form"].non_field_errors() == [
        "The project cannot end before it starts."
    ]
    project.refresh_from_db()
    assert project.starts_on == datetime.date(2010, 4, 1)


@pytest.mark.django_db
def test_the_action_refuses_a_period_ending_before_it_starts(project):
    with pytest.raises(ServiceError) as error:
        actions.update_project(actor=officer_of(project), project=project, code=project.code,
                               department=project.department,
                               starts_on=datetime.date(2012, 4, 1),
                               ends_on=datetime.date(2011, 3, 31), agreement_date=None)
    assert error.value.message == "The project cannot end before it starts."
    project.refresh_from_db()
    assert project.ends_on == datetime.date(2013, 3, 31)


@pytest.mark.django_db
def test_a_reserved_code_is_refused_on_the_project_form(client, project, make_user):
    client.force_login(officer_of(project))
    response = client.post(reverse("services:project_edit", kwargs={"code": project.code}), {
        "code": "import", "starts_on": "2010-04-01", "ends_on": "2013-03-31",
    })
    assert response.status_code == 200
    assert response.context["form"].errors["code"] == ["This code is reserved: choose another."]
    project.refresh_from_db()
    assert project.code == "childcare"


@pytest.mark.django_db
def test_a_reserved_code_is_refused_in_the_admin(admin_client, project):
    """The admin's form runs the model field's validators: no unreachable project page."""
    url = reverse("admin:services_project_change", args=[project.pk])
    response = admin_client.post(url, {
        "proposal": project.proposal_id, "code": "import", "title": project.title,
        "group": project.group_id, "department": project.department_id,
        "starts_on": "2010-04-01", "ends_on": "2013-03-31", "agreement_date": "",
    })
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["code"] == [
        "This code is reserved: choose another."
    ]
    project.refresh_from_db()
    assert project.code == "childcare"
    # The same form with an ordinary code saves (the post above failed only on the code).
    response = admin_client.post(url, {
        "proposal": project.proposal_id, "code": "imports", "title": project.title,
        "group": project.group_id, "department": project.department_id,
        "starts_on": "2010-04-01", "ends_on": "2013-03-31", "agreement_date": "",
    })
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.code == "imports"


@pytest.mark.django_db
def test_public_sees_summary_but_not_records(client, project):
    url = reverse("services:project_detail", kwargs={"code": project.code})
    response = client.get(url)
    assert response.status_code == 200
    assert project.title in response.content.decode()
    assert b"summary-table" not in response.content
    assert b"evaluations-table" not in response.content


@pytest.mark.django_db
def test_project_list_is_public(client, project):
    response = client.get(reverse("services:project_list"))
    assert response.status_code == 200
    assert project.title in response.content.decode()
