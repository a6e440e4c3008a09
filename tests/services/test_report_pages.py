"""The annual report's pages: what each side sees and may do, the form's errors, and a
constant number of queries whatever the number of budget lines and records."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from services import actions
from services.kinds import KINDS
from services.models import Activity, AnnualReport, SettlementLine
from tests.pages import text

from .conftest import make_project, officer_of, staff_of
from .report_data import LINES, NARRATIVE, submitted

pytestmark = pytest.mark.django_db


def _url(project, name="annual_report", year=2011):
    return reverse(f"services:{name}", kwargs={"code": project.code, "year": year})


def _form(narrative="", lines=(), rows=5):
    data = {"narrative": narrative, "rows": str(rows)}
    for n, (item, city, group) in enumerate(lines, start=1):
        data.update({f"item_{n}": item, f"city_{n}": str(city), f"group_{n}": str(group)})
    return data


def test_the_group_writes_and_submits_the_report_through_the_pages(client, project):
    client.force_login(staff_of(project))
    page = text(client.get(_url(project)))
    assert "not written yet" in page and "Write the report" in page
    assert "Submit the report" not in page  # nothing written yet
    response = client.post(_url(project, "annual_report_edit"), _form(NARRATIVE, LINES))
    assert response.status_code == 302 and response.url == _url(project)
    page = text(client.get(_url(project)))
    assert "1,200,000" in page and "1,440,000" in page and "300,000" in page  # line, totals
    assert "Submit the report" in page
    response = client.post(_url(project, "annual_report_submit"))
    assert response.status_code == 302
    assert AnnualReport.objects.get().status == "submitted"
    page = text(client.get(_url(project)))
    assert "Write the report" not in page and "Submit the report" not in page


def test_bad_lines_come_back_with_the_error_summary_and_change_nothing(client, project):
    client.force_login(staff_of(project))
    for data in (_form("x", [("", 100, 0)]), _form("x", [("人件費", -5, 0)]),
                 _form("報\x00告", LINES), _form("x", [("項目", "1e309", "")]),
                 _form("x", [("長" * 101, 1, 1)])):
        response = client.post(_url(project, "annual_report_edit"), data)
        assert response.status_code == 200
        assert 'id="error-summary"' in response.content.decode()
    assert not AnnualReport.objects.exists() and not SettlementLine.objects.exists()


def test_the_rows_asked_stay_within_bounds(client, project):
    client.force_login(staff_of(project))
    for rows in ("0", "-3", "999999", "x", "\x00"):
        response = client.post(_url(project, "annual_report_edit"), {**_form("x"), "rows": rows})
        assert response.status_code == 302
    assert client.get(_url(project, "annual_report_edit")).context["form"].rows == 5


def test_the_department_returns_with_comments_then_accepts(client, project):
    submitted(project, 2011)
    client.force_login(officer_of(project))
    page = text(client.get(_url(project)))
    assert "Accept the report" in page and "Return with comments" in page
    response = client.post(_url(project, "annual_report_return"), {"comments": ""})
    assert response.status_code == 200 and 'id="error-summary"' in response.content.decode()
    response = client.post(_url(project, "annual_report_return"),
                           {"comments": "交通費の根拠を添えてください。"})
    assert response.status_code == 302
    client.force_login(staff_of(project))
    page = text(client.get(_url(project)))
    assert "交通費の根拠を添えてください。" in page and "returned" in page
    client.post(_url(project, "annual_report_submit"))
    client.force_login(officer_of(project))
    assert client.post(_url(project, "annual_report_accept")).status_code == 302
    report = AnnualReport.objects.get()
    assert report.status == "accepted"
    page = text(client.get(reverse("services:project_detail", kwargs={"code": project.code})
                           + "?year=2011"))
    assert "The annual report (accepted)" in page


def test_constant_queries(client, project, django_assert_max_num_queries):
    staff = staff_of(project)
    client.force_login(staff)
    counts = []
    for lines in (1, 12):
        actions.write_report(actor=staff, project=project, year=2011, narrative=NARRATIVE,
                             lines=[(f"費目{n}", n * 1000, n) for n in range(lines)])
        Activity.objects.bulk_create([
            Activity(project=project, date=datetime.date(2011, 5, 1) + datetime.timedelta(n),
                     hours=Decimal(1)) for n in range(lines * 10)])
        for name in ("annual_report", "annual_report_edit"):
            with django_assert_max_num_queries(30) as queries:
                response = client.get(_url(project, name))
            assert response.status_code == 200
            counts.append(len(queries))
    assert counts[:2] == counts[2:]
    assert text(response).count('name="item_') == 14  # twelve lines and two empty rows


def test_records_are_read_only_while_the_report_is_submitted(client, project):
    staff = staff_of(project)
    actions.create_records(actor=staff, project=project, kind=KINDS["activities"],
                           rows=[{"date": datetime.date(2011, 6, 1), "hours": Decimal(1)}])
    submitted(project, 2011)
    client.force_login(staff)
    record = Activity.objects.get()
    edit = reverse("services:record_edit",
                   kwargs={"code": project.code, "kind": "activities", "pk": record.pk})
    assert client.get(edit).status_code == 403
    assert client.post(edit, {"date": "2011-06-01", "hours": "9"}).status_code == 403
    record.refresh_from_db()
    assert record.hours == Decimal("1.00")


def _closed(project, year):
    from .report_data import accepted

    accepted(project, year)
    actions.close_year(actor=officer_of(project), project=project, year=year)


def test_reports_and_evaluations_are_public_once_the_year_is_closed(client, project):
    staff, officer = staff_of(project), officer_of(project)
    actions.create_records(actor=staff, project=project, kind=KINDS["activities"],
                           rows=[{"date": datetime.date(2011, 6, 1), "hours": Decimal("7.5")}])
    for year in (2011, 2012):
        actions.save_evaluation(actor=officer, project=project, year=year,
                                evaluator="department", progress=3, division_of_roles=3,
                                satisfaction=3, outcomes=2, verdict="continue",
                                comment=f"{year}年度は具体的な効果は確認できていない。")
    submitted(project, 2012)  # accepted, not yet closed: not public
    actions.accept_report(actor=officer, project=project, year=2012)
    url = reverse("reports:accountability_project", kwargs={"code": project.code})
    assert "published-heading" not in text(client.get(url))
    _closed(project, 2011)
    page = text(client.get(url))  # anonymous
    assert 'id="published-2011"' in page and 'id="published-2012"' not in page
    assert "2011年度は具体的な効果は確認できていない。" in page
    assert "2012年度" not in page
    assert "Department: Continue" in page and "Activity hours: 7.50" in page
    assert "Spent: 1,440,000 yen from the city" in page and "300,000 yen from the group" in page


def test_the_public_record_costs_the_same_queries_for_more_years(
        client, django_assert_max_num_queries):
    project = make_project("long", starts_on=datetime.date(2009, 4, 1), years=5)
    url = reverse("reports:accountability_project", kwargs={"code": project.code})
    counts = []
    for years in ((2009,), (2010, 2011, 2012)):
        for year in years:
            _closed(project, year)
        with django_assert_max_num_queries(20) as queries:
            response = client.get(url, HTTP_COOKIE="")
        assert response.status_code == 200
        counts.append(len(queries))
    assert text(response).count('<article class="card mb-3" id="published-') == 4
    assert counts[0] == counts[1]
