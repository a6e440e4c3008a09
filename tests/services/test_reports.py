"""The annual report: written and submitted by the group after the year, returned with
comments or accepted by the partner department; the records locked from submission; the
year closed only once the report is accepted; the figures it keeps equal to a fresh count,
and read instead of the records for a closed year."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnership import clock
from partnership.models import AuditEntry, Notification
from services import actions
from services.errors import ServiceError
from services.indicators import count_values, indicator_values
from services.kinds import KINDS
from services.models import Activity, AnnualReport, Course, ProjectYear, SettlementLine

from .conftest import make_project, officer_of, staff_of
from .report_data import LINES, NARRATIVE, accepted, submitted

pytestmark = pytest.mark.django_db

DAY = datetime.date(2011, 6, 1)
RECORD_TABLES = ("services_servicerequest", "services_activity", "services_visit",
                 "services_course", "services_memberjoined")


def _records(project, hours="2.50", participants=9):
    staff = staff_of(project)
    actions.create_records(actor=staff, project=project, kind=KINDS["activities"],
                           rows=[{"date": DAY, "hours": Decimal(hours)}])
    actions.create_records(actor=staff, project=project, kind=KINDS["courses"], rows=[
        {"title": "離乳食講座", "organiser": "members", "start_date": DAY,
         "participants": participants}])


def test_the_group_writes_submits_and_the_department_returns_then_accepts(project):
    staff, officer = staff_of(project), officer_of(project)
    _records(project)
    report = actions.write_report(actor=staff, project=project, year=2011,
                                  narrative=f"  {NARRATIVE}  ", lines=LINES)
    assert report.narrative == NARRATIVE
    assert list(report.lines.values_list("position", "item", "city_amount", "group_amount")) \
        == [(1, *LINES[0]), (2, *LINES[1])]
    actions.submit_report(actor=staff, project=project, year=2011)
    # Submitted: the department is told, and the year's records are locked.
    assert Notification.objects.filter(kind="report_submitted", recipient=officer).exists()
    with pytest.raises(ServiceError, match="submitted or accepted"):
        _records(project)
    with pytest.raises(ServiceError, match="Say what the group should change"):
        actions.return_report(actor=officer, project=project, year=2011, comments=" \n ")
    actions.return_report(actor=officer, project=project, year=2011,
                          comments="会場費の内訳を添えてください。")
    report.refresh_from_db()
    assert (report.status, report.comments) == ("returned", "会場費の内訳を添えてください。")
    assert Notification.objects.filter(kind="report_returned", recipient=staff).exists()
    _records(project, hours="1.00")  # returned: the records may be corrected again
    actions.write_report(actor=staff, project=project, year=2011, narrative=NARRATIVE,
                         lines=[*LINES, ("消耗品費", 30_000, 5_000)])
    actions.submit_report(actor=staff, project=project, year=2011)
    actions.accept_report(actor=officer, project=project, year=2011)
    report.refresh_from_db()
    assert report.status == "accepted" and report.decided_by == officer
    assert report.figures == {"activity_hours": "3.50", "course_participants": "18",
                              "courses": "2", "courses_by_members": "2",
                              "participants_by_members": "18", "courses_by_professionals": "0",
                              "participants_by_professionals": "0",
                              "courses_by_citizens": "0", "participants_by_citizens": "0"}
    assert [row.action for row in AuditEntry.objects.filter(parent_id=project.pk,
                                                            action__startswith="report.")] == [
        "report.written", "report.submitted", "report.returned", "report.written",
        "report.submitted", "report.accepted"]
    with pytest.raises(ServiceError):  # accepted: nothing more to write
        actions.write_report(actor=staff, project=project, year=2011, narrative="x", lines=[])
    actions.close_year(actor=officer, project=project, year=2011)


def test_a_year_closes_only_after_its_report_is_accepted(project):
    officer = officer_of(project)
    with pytest.raises(ServiceError, match="only after its annual report is accepted"):
        actions.close_year(actor=officer, project=project, year=2011)
    submitted(project, 2011)
    with pytest.raises(ServiceError, match="only after its annual report is accepted"):
        actions.close_year(actor=officer, project=project, year=2011)
    actions.accept_report(actor=officer, project=project, year=2011)
    actions.close_year(actor=officer, project=project, year=2011)
    assert ProjectYear.objects.get(project=project, fiscal_year=2011).is_closed


def test_a_report_is_submitted_only_after_its_year_and_complete(project):
    staff = staff_of(project)
    with pytest.raises(ServiceError, match="no annual report"):
        actions.submit_report(actor=staff, project=project, year=2011)
    actions.write_report(actor=staff, project=project, year=2011, narrative="", lines=LINES)
    with pytest.raises(ServiceError, match="Write what the project did"):
        actions.submit_report(actor=staff, project=project, year=2011)
    actions.write_report(actor=staff, project=project, year=2011, narrative=NARRATIVE,
                         lines=[])
    with pytest.raises(ServiceError, match="at least one budget line"):
        actions.submit_report(actor=staff, project=project, year=2011)
    actions.write_report(actor=staff, project=project, year=2011, narrative=NARRATIVE,
                         lines=LINES)
    with clock.at(datetime.datetime(2012, 3, 31, 12, 0, tzinfo=datetime.UTC)), \
            pytest.raises(ServiceError, match="once the fiscal year is over"):
        actions.submit_report(actor=staff, project=project, year=2011)
    assert AnnualReport.objects.get().status == "draft"


@pytest.mark.parametrize(("lines", "message"), [
    ([("", 1, 1)], "Name every budget line"),
    ([("人件費", -1, 0)], "whole number of yen"),
    ([("人件費", 10**11, 0)], "whole number of yen"),
    ([("人件費", Decimal("1.5"), 0)], "whole number of yen"),
    ([("長" * 101, 1, 0)], "at most 100 characters"),
    ([("行", 1, 1)] * 31, "at most 30 budget lines"),
])
def test_bad_settlement_lines_change_nothing(project, lines, message):
    with pytest.raises(ServiceError, match=message):
        actions.write_report(actor=staff_of(project), project=project, year=2011,
                             narrative=NARRATIVE, lines=lines)
    assert not AnnualReport.objects.exists() and not SettlementLine.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="report.").exists()


def test_writing_the_same_report_again_writes_no_audit_row(project):
    staff = staff_of(project)
    for _ in range(2):
        actions.write_report(actor=staff, project=project, year=2011, narrative=NARRATIVE,
                             lines=LINES)
    assert AuditEntry.objects.filter(action="report.written").count() == 1


def _close(project, year):
    accepted(project, year)
    actions.close_year(actor=officer_of(project), project=project, year=year)


def test_closed_years_read_the_kept_figures_equal_to_a_fresh_count():
    one, two = make_project("one"), make_project("two")
    _records(one)
    _records(two, hours="7.25", participants=4)
    actions.create_records(actor=staff_of(one), project=one, kind=KINDS["activities"],
                           rows=[{"date": datetime.date(2012, 5, 1), "hours": Decimal(4)}])
    fresh = count_values(years=range(2010, 2013))
    _close(one, 2011)
    _close(two, 2011)
    _close(two, 2010)
    assert indicator_values(years=range(2010, 2013)) == fresh
    assert indicator_values(years=[2011], projects=[one]) == count_values(years=[2011],
                                                                          projects=[one])
    assert indicator_values(years=[2012]) == count_values(years=[2012])
    # Records written past the rules (by hand in the database) do not move a closed year.
    Activity.objects.create(project=one, date=DAY, hours=Decimal(100))
    assert indicator_values(years=[2011])[(one.pk, 2011, "activity_hours")] == Decimal("2.50")
    assert count_values(years=[2011])[(one.pk, 2011, "activity_hours")] == Decimal("102.50")


def test_a_report_over_closed_years_scans_no_records():
    one, two = make_project("one"), make_project("two")
    _records(one)
    _records(two)
    _close(one, 2011)
    _close(two, 2011)
    for projects in (None, [one, two], [two]):
        with CaptureQueriesContext(connection) as context:
            values = indicator_values(years=[2011], projects=projects)
        sql = " ".join(query["sql"] for query in context.captured_queries)
        assert values and not any(table in sql for table in RECORD_TABLES), sql
        assert len(context.captured_queries) == 1
    # An open year among them: its records are counted, the closed ones still are not.
    with CaptureQueriesContext(connection) as context:
        indicator_values(years=[2011, 2012])
    assert sum("services_course" in q["sql"] for q in context.captured_queries) == 1


def test_the_import_refuses_rows_of_a_reported_year(project):
    submitted(project, 2011)
    from services import importing

    data = b"project,date,hours,description\nchildcare,2011-06-01,1,x\n"
    parsed = importing.parse(data, kind="activities")
    assert [str(p.message) for p in parsed.errors] == [
        "the annual report of fiscal year 2011 of this project is submitted or accepted"]
    assert not Course.objects.exists()


def test_members_comments_are_kept_beside_the_chairs_evaluation(client, project):
    from services.models import Evaluation, EvaluationComment
    from tests.lifecycle import chair, members

    the_chair = chair()
    one, two = members(2)
    actions.save_evaluation(actor=the_chair, project=project, year=2011,
                            evaluator="partnership", progress=3, division_of_roles=3,
                            satisfaction=4, outcomes=2, verdict="continue",
                            comment="具体的な効果は確認できていないが継続する。")
    with pytest.raises(ServiceError):  # a member does not overwrite the partnership's text
        actions.save_evaluation(actor=one, project=project, year=2011,
                                evaluator="partnership", progress=1, division_of_roles=1,
                                satisfaction=1, outcomes=1, verdict="end")
    actions.comment_on_evaluation(actor=one, project=project, year=2011, text="効果の測定を")
    actions.comment_on_evaluation(actor=two, project=project, year=2011, text="  継続に賛成  ")
    actions.comment_on_evaluation(actor=one, project=project, year=2011, text="追記")
    with pytest.raises(ServiceError, match="Write the comment"):
        actions.comment_on_evaluation(actor=two, project=project, year=2011, text=" ")
    assert list(EvaluationComment.objects.values_list("author", "text")) == [
        (one.pk, "効果の測定を"), (two.pk, "継続に賛成"), (one.pk, "追記")]
    assert Evaluation.objects.get().comment == "具体的な効果は確認できていないが継続する。"
    client.force_login(two)
    url = reverse("services:evaluation_comments",
                  kwargs={"code": project.code, "year": 2011})
    response = client.post(url, {"text": "\x00"})
    assert response.status_code == 200 and 'id="error-summary"' in response.content.decode()
    assert client.post(url, {"text": "次年度も"}).status_code == 302
    page = client.get(reverse("services:project_detail", kwargs={"code": project.code}),
                      {"year": 2011}).content.decode()
    assert all(text in page for text in ("効果の測定を", "継続に賛成", "追記", "次年度も"))
    accepted(project, 2011)
    actions.close_year(actor=officer_of(project), project=project, year=2011)
    with pytest.raises(ServiceError, match="closed"):
        actions.comment_on_evaluation(actor=one, project=project, year=2011, text="遅い")
