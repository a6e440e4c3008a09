"""The downloads of the project trend page and of the public summary: what their pages
show, as CSV (with a byte-order mark) and XLSX; bad years refused; constant queries."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from partnership.roles import Role
from services.models import Course, Indicator

from .data import chosen_project, funnel_history, records, target

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre():
    project = chosen_project("centre", 2010, 2012)
    records(project, datetime.date(2011, 5, 10), requests=12, handled=9, hours="20.5",
            courses=[(Course.Organiser.MEMBERS, 15)])
    records(project, datetime.date(2012, 5, 10), requests=3)
    target(project, 2011, Indicator.SERVICE_REQUESTS, "24")
    return project


def rows_of(response) -> list[dict]:
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")  # Excel on Japanese Windows reads it as UTF-8
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_the_trend_page_offers_its_downloads(role_client, centre):
    html = role_client(Role.CITY_OFFICER).get(
        reverse("reports:project_trend", args=["centre"]), {"first": 2010, "last": 2011}
    ).content.decode()
    assert reverse("reports:project_trend_csv", args=["centre"]) + "?first=2010&amp;last=2011" \
        in html
    assert reverse("reports:project_trend_xlsx", args=["centre"]) in html


def test_trend_csv_has_a_dash_cell_empty_and_a_counted_zero_as_0(role_client, centre):
    client = role_client(Role.CITY_OFFICER)
    response = client.get(reverse("reports:project_trend_csv", args=["centre"]),
                          {"first": 2009, "last": 2012})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = {(r["year"], r["indicator"]): r for r in rows_of(response)}
    assert len(rows) == 4 * len(Indicator)
    assert rows[("2011", "service_requests")] == {
        "year": "2011", "indicator": "service_requests", "target": "24", "result": "12",
        "result_over_target": "0.500"}
    assert rows[("2011", "activity_hours")]["result"] == "20.50"
    assert rows[("2011", "courses_by_citizens")]["result"] == "0"  # courses, none by citizens
    assert rows[("2011", "facility_users")]["result"] == ""  # no visit recorded
    assert rows[("2009", "service_requests")]["result"] == ""  # before the project
    assert rows[("2012", "activity_hours")]["result"] == ""


def test_trend_xlsx_holds_percentages_and_dashes(role_client, centre, settings):
    client = role_client(Role.CITY_OFFICER)
    response = client.get(reverse("reports:project_trend_xlsx", args=["centre"]))
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == ["Fiscal year", "Indicator code", "Indicator",
                                           "Target", "Result", "Result / target"]
    cells = {(r[0].value, r[1].value): r for r in sheet.iter_rows(min_row=2)}
    requests = cells[("FY2011", "service_requests")]
    assert requests[4].value == 12 and requests[5].value == pytest.approx(0.5)
    assert requests[5].number_format == "0.0%"
    assert cells[("FY2011", "facility_users")][4].value == "—"
    assert cells[("FY2010", "service_requests")][4].value == "—"
    assert sheet.column_dimensions["C"].width >= len("New members who were service users")


def test_the_public_summary_offers_its_downloads_to_everyone(client, centre):
    funnel_history()
    html = client.get(reverse("reports:public_summary"), {"year": 2011}).content.decode()
    assert reverse("reports:summary_csv") + "?year=2011" in html
    rows = rows_of(client.get(reverse("reports:summary_csv"), {"year": 2011}))
    figures = {(r["year"], r["indicator"]): r["value"] for r in rows}
    assert figures[("2003", "proposals_submitted")] == "6"
    assert figures[("2004", "proposals_chosen")] == "1"
    assert figures[("2011", "service_requests")] == "12"
    assert figures[("2011", "facility_users")] == ""
    book = load_workbook(io.BytesIO(
        client.get(reverse("reports:summary_xlsx"), {"year": 2011}).content))
    assert book.sheetnames == ["Funnel", "Totals"]
    funnel = list(book["Funnel"].iter_rows(values_only=True))
    assert funnel[1] == ("FY2003", 6, 3, 2) and funnel[-1][0] == "Total"
    assert funnel[-1][1:] == tuple(sum(row[i] for row in funnel[1:-1]) for i in (1, 2, 3))
    totals = {r[1]: r[3] for r in book["Totals"].iter_rows(min_row=2, values_only=True)}
    assert totals["service_requests"] == 12 and totals["facility_users"] == "—"


def test_the_public_summary_download_in_japanese(client, centre):
    funnel_history()
    book = load_workbook(io.BytesIO(client.get(
        reverse("reports:summary_xlsx"), {"year": 2011}, HTTP_ACCEPT_LANGUAGE="ja").content))
    assert list(book.worksheets[0].iter_rows(values_only=True))[1][0] == "2003年度"


@pytest.mark.parametrize("name", ["project_trend_csv", "project_trend_xlsx",
                                  "summary_csv", "summary_xlsx"])
@pytest.mark.parametrize("query", [{"year": "20x1"}, {"first": "2012", "last": "2010"},
                                   {"year": "99999"}, {"first": "1800", "last": "2011"}])
def test_bad_years_are_refused_with_a_message(role_client, centre, name, query):
    client = role_client(Role.CITY_OFFICER)
    trend = name.startswith("project")
    if trend and "year" in query:
        query = {"first": query["year"], "last": "2011"}
    if not trend and "first" in query:
        query = {"year": "-" + query["first"]}
    response = client.get(reverse(f"reports:{name}", args=["centre"] if trend else []), query)
    assert response.status_code == 400
    assert "year" in response.content.decode()


@pytest.mark.parametrize("name", ["project_trend_csv", "project_trend_xlsx",
                                  "summary_csv", "summary_xlsx"])
def test_downloads_take_constant_queries(client, make_user, django_assert_max_num_queries,
                                         name):
    project = chosen_project("sized", 2010, 2012)
    client.force_login(make_user(Role.CITY_OFFICER))
    trend = name.startswith("project")
    url = reverse(f"reports:{name}", args=[project.code] if trend else [])
    params = {"first": 2010, "last": 2012} if trend else {"year": 2011}
    counts = []
    for size, more_projects in ((5, 0), (500, 6)):
        records(project, datetime.date(2011, 5, 1), requests=size, users=size, hours="1.5",
                courses=[(Course.Organiser.MEMBERS, 3)] * size, members=size)
        for n in range(more_projects):
            records(chosen_project(f"more-{n}", 2010, 2012), datetime.date(2011, 6, 1),
                    requests=3, users=7)
        with django_assert_max_num_queries(20) as queries:
            assert client.get(url, params).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
