"""The demo's fiscal 2011 figures, counted from its raw records by services.indicators."""

import datetime
from decimal import Decimal

import pytest
from django.db.models import Max, Min

from partnership import demo as partnership_demo
from partnership.models import AuditEntry, CitizenGroup, GroupMembership
from proposals.models import Status
from services import demo
from services.indicators import count_values, indicator_values
from services.models import (
    Activity,
    Agreement,
    AnnualReport,
    Course,
    Evaluation,
    MemberJoined,
    Project,
    ProjectYear,
    Renewal,
    ServiceRequest,
    SettlementLine,
    Target,
    Visit,
)
from services.periods import record_period
from tests.factories import DepartmentFactory, ProposalFactory
from tests.lifecycle import proposal_in

GROUPS = {
    "子育て支援事業": ("NPO法人 子育てサポートやまと", "こども家庭課", "citizen"),
    "学校施設を活用した地域センター運営事業": ("地域センター運営協議会", "生涯学習課", "staff"),
    "子育てアドバイザー事業": ("子育てアドバイザーの会", "こども家庭課", None),
}


def load_case_projects():
    """What partnership.demo and proposals.demo provide: logins and the chosen proposals."""
    users = partnership_demo.load()
    # Sitting members accumulate from one proposal to the next: more ballots for the quorum.
    for ballots, (title, (group_name, department_name, login)) in zip(
        (3, 6, 12), GROUPS.items(), strict=True
    ):
        group = CitizenGroup.objects.create(name=group_name, contact_email="npo@example.jp",
                                            status=CitizenGroup.Status.VERIFIED)
        author = users[login] if login else users["admin"]
        GroupMembership.objects.create(group=group, user=author, role="representative")
        proposal = ProposalFactory(group=group, created_by=author, title=title,
                                   desired_department=DepartmentFactory(name=department_name))
        proposal_in(Status.CHOSEN, proposal=proposal, ballots=ballots)
    return users


@pytest.fixture
def case_projects(db):
    return load_case_projects()


def snapshot():
    return [list(m.objects.order_by("pk").values()) for m in (
        Project, ServiceRequest, Activity, Visit, Course, MemberJoined, Target, Evaluation,
        ProjectYear, AnnualReport, SettlementLine, Agreement, Renewal)]


@pytest.mark.django_db
def test_demo_2011_figures_come_out_of_the_records(case_projects):
    projects = demo.load()
    assert set(projects) == {"childcare-support", "community-centre", "childcare-advisors"}
    values = indicator_values(years=[2011])
    support = projects["childcare-support"].pk
    centre = projects["community-centre"].pk
    advisors = projects["childcare-advisors"].pk
    assert values[(support, 2011, "service_requests_handled")] == 3483
    assert values[(support, 2011, "service_requests")] > 3483
    assert values[(support, 2011, "activity_hours")] == Decimal("5508.00")
    assert values[(centre, 2011, "facility_users")] == 20308
    assert values[(centre, 2011, "courses_by_members")] == 111
    assert values[(centre, 2011, "participants_by_members")] == 673
    assert values[(centre, 2011, "courses_by_professionals")] == 18
    assert values[(centre, 2011, "participants_by_professionals")] == 309
    assert values[(centre, 2011, "courses_by_citizens")] == 33
    assert values[(centre, 2011, "participants_by_citizens")] == 219
    assert values[(centre, 2011, "courses")] == 162
    assert 0 < values[(support, 2011, "new_members_former_users")] < values[
        (support, 2011, "new_members")]
    assert values[(advisors, 2011, "courses")] > 0
    # The case study's details are in the records.
    assert Course.objects.filter(project=centre, audience="外国につながる子ども",
                                 title__contains="日本語").exists()
    assert set(Visit.objects.filter(project=centre).values_list("facility", flat=True)) >= {
        "調理室", "図工室"}
    assert not Course.objects.filter(project=advisors).exclude(venue__contains="スーパー").exists()
    # Trends: the years around 2011 have records too, different from 2011.
    trend = indicator_values(years=range(2009, 2014), projects=[support])
    handled = [trend[(support, y, "service_requests_handled")] for y in range(2009, 2014)]
    assert handled[2] == 3483 and len(set(handled)) == 5
    assert Target.objects.filter(fiscal_year=2011).exists()
    assert Evaluation.objects.filter(fiscal_year=2011).count() == 9
    project = projects["community-centre"]
    assert project.department.name == "生涯学習課"
    assert project.starts_on <= datetime.date(2009, 4, 1)
    assert project.ends_on == datetime.date(2014, 3, 31)
    # Fiscal 2009–2011 closed by the department, through the action (audit log included);
    # 2012 and 2013 stay open for new records.
    for project in projects.values():
        years = dict(ProjectYear.objects.filter(project=project, fiscal_year__in=range(2009, 2014))
                     .values_list("fiscal_year", "status"))
        assert years == {2009: "closed", 2010: "closed", 2011: "closed", 2012: "open",
                         2013: "open"}
    assert AuditEntry.objects.filter(action="year.closed").count() == 9


@pytest.mark.django_db
def test_demo_closed_years_have_accepted_reports_keeping_the_counted_figures(case_projects):
    projects = demo.load()
    reports = AnnualReport.objects.select_related("year")
    assert sorted((r.year.project.code, r.year.fiscal_year, r.status) for r in reports) == [
        (code, year, "accepted") for code in sorted(projects) for year in (2009, 2010, 2011)]
    assert all(report.lines.count() == 3 for report in reports)
    assert AuditEntry.objects.filter(action="report.accepted").count() == 9
    # What the reports kept is what the records count; the closed years are read from it.
    assert indicator_values(years=range(2009, 2014)) == count_values(years=range(2009, 2014))
    support = projects["childcare-support"]
    kept = reports.get(year__project=support, year__fiscal_year=2011).figures
    assert (kept["service_requests_handled"], kept["activity_hours"]) == ("3483", "5508.00")


@pytest.mark.django_db
def test_demo_advisors_no_specific_impact_yet_continue(case_projects):
    """The seed's advisors: no impact identified, yet judged a success; the chair wrote the
    partnership's evaluation."""
    projects = demo.load()
    evaluations = Evaluation.objects.filter(project=projects["childcare-advisors"],
                                            fiscal_year=2011)
    assert {e.evaluator: e.verdict for e in evaluations} == {
        "group": "continue", "department": "continue", "partnership": "continue"}
    assert all("具体的な効果は確認できていない" in e.comment
               for e in evaluations if e.evaluator != "group")
    assert evaluations.get(evaluator="partnership").author.username == "chair"


@pytest.mark.django_db
def test_demo_renewals_extend_the_agreed_periods_over_every_record(case_projects):
    """Each case agreement ran to 2012-03-31; after the evaluation of fiscal 2011 the
    mayor's office renewed it to 2014-03-31, so every raw record lies in the agreed
    period."""
    projects = demo.load()
    assert len(projects) == 3
    for project in projects.values():
        renewal = Renewal.objects.get(project=project)
        assert (renewal.fiscal_year, renewal.outcome, renewal.previous_end,
                renewal.ends_on) == (2011, "renew", datetime.date(2012, 3, 31),
                                     datetime.date(2014, 3, 31))
        assert renewal.decided_by.username == "mayor" and renewal.reasons
        assert project.agreements.get(status="in_force").ends_on == datetime.date(2012, 3, 31)
        first, last = record_period(project)
        assert last == datetime.date(2014, 3, 31)
        for model, field in ((ServiceRequest, "received_on"), (Activity, "date"),
                             (Visit, "date"), (Course, "start_date"),
                             (MemberJoined, "joined_on")):
            days = model.objects.filter(project=project).aggregate(
                first=Min(field), last=Max(field))
            if days["first"] is not None:
                assert first <= days["first"] and days["last"] <= last, model


@pytest.mark.django_db
def test_demo_is_idempotent(case_projects):
    demo.load()
    before = snapshot()
    demo.load()
    assert snapshot() == before
