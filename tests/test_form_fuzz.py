"""Every form of the portal, 1,000 random submissions each: never a server error.

Runs on PostgreSQL, which refuses what SQLite lets through (NUL characters, numbers out
of range): the input that turned into server errors there.
"""

import datetime

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings

from partnership.roles import Role
from proposals.models import Status
from services.kinds import KINDS
from services.models import AnnualReport, Project
from tests.consultations import consultation_in, department_officer
from tests.factories import CallFactory, CitizenGroupFactory, UserFactory
from tests.families.helpers import family_project, report_in, welfare_officer
from tests.fuzz import EXAMPLES, form_data, postgresql
from tests.hearings import asked, session_of
from tests.hearings import officer as hearing_officer
from tests.lifecycle import chair, group_member, members, proposal_in, vote
from tests.services.agreement_data import agreement_in
from tests.services.conftest import make_project, officer_of, staff_of

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(not postgresql(), reason="the form fuzz runs on PostgreSQL, where NUL "
                       "and out-of-range values reach the database (set DATABASE_URL)"),
    pytest.mark.django_db,
]


def _group_rep():
    group = CitizenGroupFactory()
    rep = UserFactory()
    group.memberships.create(user=rep, role="representative")
    return rep, {"pk": group.pk}


def _draft():
    proposal = proposal_in(Status.DRAFT)
    return group_member(proposal), {"pk": proposal.pk}


def _under_review_member():
    proposal = proposal_in(Status.UNDER_REVIEW)
    return members(1)[0], {"pk": proposal.pk}


def _closable():
    the_chair = chair()
    proposal = proposal_in(Status.UNDER_REVIEW, the_chair=the_chair)
    for user in members(3):
        vote(user, proposal)
    return the_chair, {"pk": proposal.pk}


# url name -> () -> (the user who may use the form, the URL's arguments)
FORMS = {
    "group_create": lambda: (UserFactory(), {}),
    "group_edit": _group_rep,
    "group_member_invite": _group_rep,
    "group_return": lambda: (UserFactory(roles=[Role.CITY_OFFICER]),
                             {"pk": CitizenGroupFactory(status="pending").pk}),
    "account_settings": lambda: (UserFactory(), {}),
    # Signing up and resetting a password: a visitor not signed in (None).
    "signup": lambda: (None, {}),
    "password_reset": lambda: (None, {}),
    "email_change": lambda: (UserFactory(), {}),
    "password_change": lambda: (UserFactory(), {}),
    "proposals:proposal_create": lambda: (group_member(proposal_in(Status.DRAFT)), {}),
    "proposals:proposal_edit": _draft,
    "proposals:proposal_withdraw": _draft,
    "proposals:ballot": _under_review_member,
    "proposals:declare_conflict": _under_review_member,
    "proposals:close_review": _closable,
    "proposals:decide": lambda: (UserFactory(roles=[Role.MAYORS_OFFICE]),
                                 {"pk": proposal_in(Status.RECOMMENDED).pk}),
    "proposals:mark_ineligible": lambda: (UserFactory(roles=[Role.CITY_OFFICER]),
                                          {"pk": proposal_in(Status.SUBMITTED).pk}),
    "proposals:consultation_open": lambda: (group_member(proposal_in(Status.DRAFT)), {}),
    "proposals:consultation_answer": lambda: (lambda c: (
        department_officer(c.department), {"pk": c.pk}))(consultation_in("open")),
    "proposals:consultation_reply": lambda: (lambda c: (
        c.group.memberships.first().user, {"pk": c.pk}))(consultation_in("answered")),
    "proposals:consultation_link": lambda: (lambda c: (
        c.group.memberships.first().user, {"pk": c.pk}))(
        consultation_in("open", with_draft=False)),
    "proposals:mark_eligible": lambda: (UserFactory(roles=[Role.CITY_OFFICER]),
                                        {"pk": proposal_in(Status.SUBMITTED).pk}),
    "proposals:hearing_plan": lambda: (hearing_officer(), {"pk": CallFactory().pk}),
    "proposals:hearing_slot_new": lambda: (lambda p: (
        hearing_officer(), {"pk": session_of(p.call).pk}))(proposal_in(Status.ELIGIBLE)),
    "proposals:hearing_answer": lambda: (lambda q: (
        group_member(q.proposal), {"pk": q.pk}))(asked(proposal_in(Status.UNDER_REVIEW))),
    "proposals:hearing_question_new": _under_review_member,
    "proposals:hearing_notes": _under_review_member,
    "proposals:deliberation": _under_review_member,
}


def _project(person, **kwargs):
    """A project running this year (its years are open), as `person` sees it."""
    today = datetime.date.today()
    project = make_project(f"fuzz-{today:%H%M%S%f}", starts_on=datetime.date(today.year - 1, 4, 1))
    user = person(project)
    return user, {"code": project.code, **kwargs}


def _record(kind: str):
    def setup():
        user, kwargs = _project(staff_of, kind=kind)
        project = Project.objects.get(code=kwargs["code"])
        record = KINDS[kind].model.objects.create(project=project, created_by=user,
                                                  **SAMPLE_RECORDS[kind])
        return user, {**kwargs, "pk": record.pk}
    return setup


SAMPLE_RECORDS = {
    "requests": {"received_on": datetime.date.today(), "category": "相談", "status": "handled"},
    "activities": {"date": datetime.date.today(), "hours": 2},
    "visits": {"date": datetime.date.today(), "users": 10, "facility": "調理室"},
    "courses": {"title": "料理教室", "organiser": "members",
                "start_date": datetime.date.today(), "participants": 8},
    "members": {"joined_on": datetime.date.today(), "former_user": True},
}
YEAR = datetime.date.today().year - 1 if datetime.date.today().month < 4 else (
    datetime.date.today().year)

FORMS.update({
    "services:project_edit": lambda: _project(lambda p: UserFactory(roles=[Role.ADMINISTRATOR],
                                                                   is_staff=True,
                                                                   is_superuser=True)),
    **{f"services:record_entry-{kind}": (lambda kind=kind: _project(staff_of, kind=kind))
       for kind in SAMPLE_RECORDS},
    **{f"services:record_edit-{kind}": _record(kind) for kind in SAMPLE_RECORDS},
    "services:targets": lambda: _project(staff_of, year=YEAR),
    "services:evaluation": lambda: _project(officer_of, year=YEAR, evaluator="department"),
    "services:agreement_draft": lambda: _project(officer_of),
    "services:agreement_draft-amendment": lambda: _amending(),
    "services:annual_report_edit": lambda: _project(staff_of, year=YEAR),
    "services:evaluation_comments": lambda: _project(lambda p: members(1)[0], year=YEAR),
    "services:annual_report_return": lambda: _submitted_report(),
})


def _family_report(state: str):
    def setup():
        project = family_project(f"fuzz-{datetime.datetime.now():%H%M%S%f}")
        return welfare_officer(), {"pk": report_in(state, project).pk}
    return setup


FORMS.update({
    "families:file": lambda: (lambda p: (staff_of(p), {"code": p.code}))(
        family_project(f"fuzz-{datetime.datetime.now():%H%M%S%f}")),
    "families:acknowledge": _family_report("filed"),
    "families:intervention": _family_report("acknowledged"),
})


def _submitted_report():
    """The partner department's officer, with this year's report submitted to them."""
    user, kwargs = _project(officer_of, year=YEAR)
    project = Project.objects.get(code=kwargs["code"])
    AnnualReport.objects.create(year=project.years.get(fiscal_year=YEAR), status="submitted",
                                narrative="報告", written_by=staff_of(project))
    return user, kwargs


def _amending():
    """The partner department's officer, about to amend an agreement in force."""
    user, kwargs = _project(officer_of)
    agreement_in(Project.objects.get(code=kwargs["code"]), "in_force")
    return user, kwargs



GET_FORMS = {
    "search": lambda: (None, {}),
    "audit_log": lambda: (UserFactory(roles=[Role.AUDITOR]), {}),
    "reports:year": lambda: (UserFactory(roles=[Role.CITY_OFFICER]), {}),
    "families:year": lambda: (welfare_officer(), {}),
    "reports:span": lambda: (UserFactory(roles=[Role.CITY_OFFICER]), {}),
    "reports:export_csv": lambda: (UserFactory(roles=[Role.CITY_OFFICER]), {}),
    "reports:export_xlsx": lambda: (UserFactory(roles=[Role.CITY_OFFICER]), {}),
    **{f"api:{name}": lambda: (UserFactory(), {})
       for name in ("indicators", "indicators_csv", "proposals", "decisions_csv")},
}
# Downloads have no form on a page to read their fields from.
DOWNLOAD_FIELDS = ["year", "first", "last"]


def _fields(client, url) -> list[str]:
    """The names of the page's form fields, read from the page as served."""
    context = client.get(url).context
    if context is None:
        return DOWNLOAD_FIELDS
    formset = context.get("formset")
    if formset is not None:  # two rows and the management form, whose values are fuzzed too
        forms = [formset.management_form, *formset.forms[:2]]
        return [field.html_name for form in forms for field in form]
    form = context.get("form") or context.get("filters")
    return [field.html_name for field in form] if form is not None else []


def _fuzz(client, name, setup, method):
    user, kwargs = setup()
    if user is not None:
        client.force_login(user)
    url = reverse(name.split("-")[0], kwargs=kwargs)
    fields = _fields(client, url)

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.function_scoped_fixture])
    @given(data=form_data(fields))
    def submit(data):
        response = getattr(client, method)(url, data)
        assert response.status_code < 500, (name, data)

    submit()


@pytest.mark.parametrize("name", sorted(FORMS))
def test_a_form_never_answers_a_server_error(client, name):
    _fuzz(client, name, FORMS[name], "post")


@pytest.mark.parametrize("name", sorted(GET_FORMS))
def test_a_filter_never_answers_a_server_error(client, name):
    _fuzz(client, name, GET_FORMS[name], "get")


def test_the_import_page_never_answers_a_server_error(client):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from hypothesis import strategies as st

    from tests.services.test_import_fuzz import files

    user, _kwargs = _project(staff_of)
    client.force_login(user)
    url = reverse("services:import_upload")
    kinds = sorted(KINDS)

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.function_scoped_fixture])
    @given(kind=st.sampled_from([*kinds, "", "unknown"]),
           data=st.sampled_from(kinds).flatmap(files))
    def upload(kind, data):
        response = client.post(url, {"kind": kind, "file": SimpleUploadedFile("f.csv", data)})
        assert response.status_code < 500, (kind, data[:200])

    upload()
