"""Report pages: what they show, who may read them, constant queries, Japanese."""

import datetime

import pytest
from django.urls import reverse

from partnership.roles import Role
from services.models import Course, Indicator

from .data import chosen_project, funnel_history, records, staff_of, target

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2011():
    project = chosen_project("centre", 2010, 2012)
    records(project, datetime.date(2011, 5, 10), requests=12, handled=9, hours="20.5", users=300,
            courses=[(Course.Organiser.MEMBERS, 15), (Course.Organiser.PROFESSIONALS, 8)],
            members=4, former=3)
    target(project, 2011, Indicator.SERVICE_REQUESTS, "24")
    return project


def test_yearly_report_shows_targets_results_ratios_and_charts(role_client, year_2011):
    client = role_client(Role.CITY_OFFICER)
    response = client.get(reverse("reports:year"), {"year": 2011})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Yearly report FY2011" in html
    row = html[html.index('data-indicator="service_requests"'):]
    row = row[:row.index("</tr>")]
    assert ">24<" in row and ">12<" in row and "50.0%" in row
    # No call in 2011: the funnel's zeros are a sentence, not a chart with empty axes; its
    # table still says 0 for each stage.
    assert html.count("<svg") == 1  # the courses by organiser
    assert "Nothing to draw: every figure is zero or missing." in html
    assert 'aria-labelledby="organiser-chart-title"' in html
    assert "style=" not in html and "<script>" not in html
    assert "Organised and taught by members" in html


def test_year_selector_is_a_labelled_get_form(role_client, year_2011):
    html = role_client(Role.MAYORS_OFFICE).get(reverse("reports:year")).content.decode()
    assert '<form method="get"' in html
    assert '<label for="id_year"' in html
    assert '<option value="2011"' in html


def test_a_bad_year_shows_the_error_summary(role_client, year_2011):
    response = role_client(Role.CITY_OFFICER).get(reverse("reports:year"), {"year": "1800"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_span_report_sums_the_funnel(role_client):
    funnel_history()
    response = role_client(Role.CITY_OFFICER).get(reverse("reports:span"),
                                                  {"first": 2003, "last": 2006})
    html = response.content.decode()
    assert "Submitted 9 → recommended 5 → chosen 3" in html
    assert "Report FY2003 to FY2006" in html


def test_span_with_the_years_reversed_is_an_error(role_client, year_2011):
    response = role_client(Role.CITY_OFFICER).get(reverse("reports:span"),
                                                  {"first": 2012, "last": 2010})
    assert "The first year must not come after the last year." in response.content.decode()


def test_project_staff_read_their_own_trend_only(client, make_user, year_2011):
    other = chosen_project("other", 2010, 2012)
    staff = make_user(Role.PROJECT_STAFF)
    staff_of(year_2011, staff)
    client.force_login(staff)
    own = client.get(reverse("reports:project_trend", args=[year_2011.code]))
    assert own.status_code == 200
    assert "Trend of" in own.content.decode()
    assert client.get(reverse("reports:project_trend", args=[other.code])).status_code == 404
    assert client.get(reverse("reports:year")).status_code == 403


def test_anonymous_visitors_read_the_public_summary_only(client, year_2011):
    funnel_history()
    response = client.get(reverse("reports:public_summary"), {"year": 2011})
    html = response.content.decode()
    assert response.status_code == 200
    # 2003 and 2004 from the history, plus the call of the project's own proposal.
    assert "Submitted 10 → recommended 6 → chosen 4" in html
    assert "centre" not in html  # no project's details, only totals
    assert "コメント" not in html  # nothing from the ballots
    for name in ("year", "span", "export_csv", "export_xlsx"):
        assert client.get(reverse(f"reports:{name}")).status_code == 302
    assert client.get(reverse("reports:project_trend", args=["centre"])).status_code == 302


def test_the_home_page_links_the_public_summary(client):
    assert reverse("reports:public_summary") in client.get(reverse("home")).content.decode()


def test_the_nav_links_reports_for_officers(role_client):
    html = role_client(Role.CITY_OFFICER).get(reverse("home")).content.decode()
    assert reverse("reports:year") in html


@pytest.mark.parametrize("name", ["year", "span", "project_trend", "public_summary"])
def test_constant_queries(client, make_user, django_assert_max_num_queries, name):
    project = chosen_project("sized", 2010, 2012)
    client.force_login(make_user(Role.CITY_OFFICER))
    url = reverse(f"reports:{name}", args=[project.code] if name == "project_trend" else [])
    params = {"year": 2011} if name in ("year", "public_summary") else {"first": 2010, "last": 2012}
    counts = []
    # 10 records of each kind, then 1,000; then 8 more projects (the pages' rows) running
    # in 2010-2012 with records of their own (no courses or members, so that the
    # sized project's 1,000 stays the total of those).
    for size, more_projects in ((10, 0), (990, 0), (0, 8)):
        if size:
            records(project, datetime.date(2011, 5, 1), requests=size, users=size, hours="1.5",
                    courses=[(Course.Organiser.MEMBERS, 3)] * size, members=size)
        for n in range(more_projects):
            records(chosen_project(f"more-{n}", 2010, 2012), datetime.date(2011, 6, 1),
                    requests=3, handled=2, hours="2.25", users=7)
        with django_assert_max_num_queries(20) as queries:
            response = client.get(url, params)
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[1] == counts[2]
    assert "1,000" in response.content.decode()


def test_reports_in_japanese(client, make_user, settings, year_2011):
    settings.LANGUAGE_CODE = "ja"
    client.force_login(make_user(Role.CITY_OFFICER))
    html = client.get(reverse("reports:year"), {"year": 2011},
                      HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "2011年度" in html
    assert "年次報告" in html
    assert "目標" in html
    summary = client.get(reverse("reports:public_summary"), HTTP_ACCEPT_LANGUAGE="ja")
    assert "提案" in summary.content.decode()
