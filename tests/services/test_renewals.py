"""Renewals: after the evaluation of the agreed period's last fiscal year, the mayor's
office decides whether the project goes on (to a new end) or ends; the agreed period
bounds the service records."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from partnership.models import AuditEntry, Notification
from services import actions, importing, selectors
from services.errors import ServiceError
from services.kinds import KINDS
from services.models import Activity, Evaluation, ProjectYear, Renewal
from services.periods import agreed_period, record_period, record_periods
from tests.pages import queries_for, text

from .conftest import officer_of, staff_of
from .renewal_data import AGREED_UNTIL, YEAR, mayor, renewal_due

pytestmark = pytest.mark.django_db
RENEWED_UNTIL = datetime.date(2014, 3, 31)


def _decide(project, actor, **changes):
    values = {"outcome": "renew", "ends_on": RENEWED_UNTIL, "reasons": "三者とも継続と評価"}
    return actions.decide_renewal(actor=actor, project=project, year=YEAR,
                                  **{**values, **changes})


def _url(project, year=YEAR):
    return reverse("services:renewal", kwargs={"code": project.code, "year": year})


def _state(project):
    return (list(Renewal.objects.values_list("outcome", "ends_on")),
            project.__class__.objects.get(pk=project.pk).ends_on,
            ProjectYear.objects.filter(project=project).count(),
            AuditEntry.objects.count(), Notification.objects.count())


def test_a_renewal_extends_the_agreed_period_and_opens_the_new_years():
    project = renewal_due()
    assert agreed_period(project) == (datetime.date(2010, 4, 1), AGREED_UNTIL)
    renewal = _decide(project, mayor())
    project.refresh_from_db()
    assert (renewal.previous_end, renewal.ends_on) == (AGREED_UNTIL, RENEWED_UNTIL)
    assert agreed_period(project) == (datetime.date(2010, 4, 1), RENEWED_UNTIL)
    assert project.ends_on == RENEWED_UNTIL
    assert set(ProjectYear.objects.filter(project=project).values_list(
        "fiscal_year", flat=True)) == {2010, 2011, 2012, 2013}
    row = AuditEntry.objects.get(action="renewal.decided")
    assert row.public and row.parent_id == project.pk
    assert row.after["agreed_until"] == "2014-03-31" and row.before["ends_on"] == "2013-03-31"
    told = set(Notification.objects.filter(kind="renewal_decided")
               .values_list("recipient", flat=True))
    assert {staff_of(project).pk, officer_of(project).pk} <= told


def test_ending_keeps_the_period_and_no_second_decision_is_taken():
    project = renewal_due()
    renewal = _decide(project, mayor(), outcome="end", ends_on=RENEWED_UNTIL)
    assert renewal.ends_on is None and not renewal.renews
    assert agreed_period(project.__class__.objects.get(pk=project.pk))[1] == AGREED_UNTIL
    before = _state(project)
    with pytest.raises(ServiceError, match="already decided"):
        _decide(project, mayor())
    assert _state(project) == before


def test_the_next_renewal_follows_the_renewed_period_s_last_year():
    project = renewal_due()
    _decide(project, mayor())
    project.refresh_from_db()
    with pytest.raises(ServiceError, match="last fiscal year of the agreed period"):
        actions.decide_renewal(actor=mayor(), project=project, year=2012, outcome="end",
                               reasons="終了")
    with pytest.raises(ServiceError, match="partnership evaluates fiscal year 2013"):
        actions.decide_renewal(actor=mayor(), project=project, year=2013, outcome="end",
                               reasons="終了")


@pytest.mark.parametrize(("changes", "message"), [
    ({"ends_on": AGREED_UNTIL}, "ends after the agreed one"),
    ({"ends_on": datetime.date(1, 1, 1)}, "ends after the agreed one"),
    ({"ends_on": datetime.date(9999, 12, 31)}, "at most 5 fiscal years"),
    ({"ends_on": None}, "renewed period's end"),
    ({"reasons": "  \n "}, "reasons"),
    ({"reasons": "理由\x00"}, "control or invisible character"),
    ({"reasons": "長" * 10_001}, "longer than"),
    ({"outcome": "maybe"}, "whether the project continues"),
])
def test_bad_decisions_are_refused_and_change_nothing(changes, message):
    project = renewal_due()
    before = _state(project)
    with pytest.raises(ServiceError, match=message):
        _decide(project, mayor(), **changes)
    assert _state(project) == before


def test_without_the_partnership_s_evaluation_or_an_agreement_there_is_no_renewal():
    project = renewal_due()
    Evaluation.objects.filter(project=project).delete()
    with pytest.raises(ServiceError, match="partnership evaluates fiscal year 2011"):
        _decide(project, mayor())
    from .conftest import make_project
    bare = make_project("bare")
    with pytest.raises(ServiceError, match="once an agreement is in force"):
        actions.decide_renewal(actor=mayor(), project=bare, year=YEAR, outcome="end",
                               reasons="終了")
    assert not Renewal.objects.exists()


def test_records_fall_inside_the_agreed_period():
    """The project's own period runs to fiscal 2012, the agreement only to fiscal 2011:
    a record of fiscal 2012 waits for the renewal, by entry and by import alike."""
    project = renewal_due()
    staff = staff_of(project)
    later = datetime.date(2012, 5, 1)
    assert record_period(project) == (datetime.date(2010, 4, 1), AGREED_UNTIL)
    assert record_periods()[project.pk] == record_period(project)
    with pytest.raises(ServiceError, match="outside the project's period"):
        actions.create_records(actor=staff, project=project, kind=KINDS["activities"],
                               rows=[{"date": later, "hours": Decimal(2)}])
    csv = f"project,date,hours,description\n{project.code},{later.isoformat()},2,x\n".encode()
    parsed = importing.parse(csv, kind=KINDS["activities"], filename="活動.csv")
    assert any("outside this project's period" in str(problem) for problem in parsed.errors)
    _decide(project, mayor())
    project.refresh_from_db()
    actions.create_records(actor=staff, project=project, kind=KINDS["activities"],
                           rows=[{"date": later, "hours": Decimal(2)}])
    assert Activity.objects.filter(project=project, date=later).exists()


def test_the_mayor_decides_through_the_page_and_sees_the_evaluations(client):
    project = renewal_due()
    client.force_login(mayor())
    detail = reverse("services:project_detail", kwargs={"code": project.code})
    page = text(client.get(f"{detail}?year={YEAR}"))
    assert _url(project) in page and "Decide the renewal" in page
    page = text(client.get(_url(project)))
    assert "身近な場で成果" in page and "2010-04-01 to 2012-03-31" in page
    response = client.post(_url(project), {"outcome": "renew", "ends_on": "2014-03-31",
                                           "reasons": "継続が妥当"})
    assert response.status_code == 302
    page = text(client.get(response.url))
    assert "Renewed until 2014-03-31" in page and "継続が妥当" in page
    assert "Decide the renewal" not in page
    assert "2010-04-01 – 2014-03-31" in page  # the agreed period
    public = text(client.get(reverse("reports:accountability_project",
                                     kwargs={"code": project.code})))
    assert 'id="renewals"' in public and "継続が妥当" in public and "(renewed)" in public


@pytest.mark.parametrize("data", [
    {"outcome": "renew", "reasons": "理由"},  # no end
    {"outcome": "renew", "ends_on": "2012-13-45", "reasons": "理由"},
    {"outcome": "renew", "ends_on": "9999-12-31", "reasons": "理由"},
    {"outcome": "renew", "ends_on": "2014-03-31", "reasons": "理\x00由"},
    {"outcome": "renew", "ends_on": "2014-03-31", "reasons": "長" * 4001},
    {"outcome": "later", "reasons": "理由"},
    {},
])
def test_bad_input_comes_back_with_the_error_summary(client, data):
    project = renewal_due()
    client.force_login(mayor())
    before = _state(project)
    response = client.post(_url(project), data)
    assert response.status_code == 200
    assert 'id="error-summary"' in text(response)
    assert _state(project) == before


def test_others_see_the_decision_but_no_button(client):
    project = renewal_due()
    _decide(project, mayor())
    detail = reverse("services:project_detail", kwargs={"code": project.code})
    for user in (staff_of(project), officer_of(project)):
        client.force_login(user)
        page = text(client.get(f"{detail}?year={YEAR}"))
        assert "Renewed until 2014-03-31" in page and "Decide the renewal" not in page
        assert client.get(_url(project)).status_code == 403


def test_the_renewal_page_keeps_its_queries_whatever_the_evaluations(client):
    project = renewal_due()
    client.force_login(mayor())
    few = queries_for(client, _url(project))
    for evaluator in ("group", "department"):
        Evaluation.objects.create(project=project, fiscal_year=YEAR, evaluator=evaluator,
                                  progress=3, division_of_roles=3, satisfaction=3,
                                  outcomes=3, verdict="continue", comment="x",
                                  author=staff_of(project))
    assert queries_for(client, _url(project)) == few


def test_the_mayor_s_page_lists_the_renewals_to_decide_until_decided(client):
    due = renewal_due()
    renewal_due("not-evaluated")
    Evaluation.objects.filter(project__code="not-evaluated").delete()
    assert [(p.code, p.due_year, p.agreed_end) for p in selectors.renewals_due()] == [
        (due.code, YEAR, AGREED_UNTIL)]
    decider = mayor()
    client.force_login(decider)
    page = text(client.get(reverse("my_page")))
    assert "Renewals to decide" in page and _url(due) in page
    _decide(due, decider)
    assert not selectors.renewals_due().exists()
    assert _url(due) not in text(client.get(reverse("my_page")))


def test_an_agreement_in_force_widens_the_project_s_period_to_cover_it():
    """The project runs for its agreed period: agreed to fiscal 2014, a project planned to
    fiscal 2012 gets the years 2013 and 2014, and its renewal after 2014 can be decided."""
    from .agreement_data import TERMS, agreement_project, representative_of

    project = agreement_project("wider")
    officer = officer_of(project)
    agreement = actions.draft_agreement(actor=officer, project=project,
                                        **{**TERMS, "ends_on": datetime.date(2015, 3, 31)})
    actions.confirm_agreement(actor=representative_of(project), agreement=agreement,
                              side="group")
    project.refresh_from_db()
    assert project.ends_on == datetime.date(2013, 3, 31)  # not yet in force
    actions.confirm_agreement(actor=officer, agreement=agreement, side="department")
    project.refresh_from_db()
    assert (project.starts_on, project.ends_on) == (datetime.date(2010, 4, 1),
                                                    datetime.date(2015, 3, 31))
    assert set(ProjectYear.objects.filter(project=project).values_list(
        "fiscal_year", flat=True)) == {2010, 2011, 2012, 2013, 2014}
    row = AuditEntry.objects.filter(action="agreement.confirmed_by_department").get()
    assert row.after["project_period"] == ["2010-04-01", "2015-03-31"]
