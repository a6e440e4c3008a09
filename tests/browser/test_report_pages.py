"""The report pages in Chromium: accessible (axe), no CSP violation, readable on a phone."""

import datetime

import pytest

from partnership.roles import Role
from services.models import Course, Indicator
from tests.browser_fixtures import fits_the_screen, watch_csp
from tests.reports.conftest import _fresh_panel  # noqa: F401 - the same autouse fixture
from tests.reports.data import chosen_project, funnel_history, records, target

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def report_data():
    project = chosen_project("centre", 2010, 2012)
    records(project, datetime.date(2011, 5, 10), requests=12, handled=9, hours="20.5", users=300,
            courses=[(Course.Organiser.MEMBERS, 15), (Course.Organiser.CITIZENS, 8)],
            members=4, former=3)
    target(project, 2011, Indicator.SERVICE_REQUESTS, "24")
    funnel_history()
    return project


def test_report_pages_are_accessible(new_page, check_a11y, sign_in, make_user, report_data):
    make_user(Role.CITY_OFFICER, username="reports-officer", password="right-password-123")
    for locale, mobile in (("ja", False), ("en", True)):
        page = new_page(locale=locale, mobile=mobile)
        problems = watch_csp(page)
        sign_in(page, "reports-officer", "right-password-123")
        for url in ("/reports/year/?year=2011", "/reports/span/?first=2003&last=2012",
                    f"/reports/projects/{report_data.code}/trend/"):
            page.goto(url)
            assert page.locator("h1").count() == 1
            assert page.locator("svg[role=img]").count() >= 1
            check_a11y(page)
            assert fits_the_screen(page) or not mobile, url
        assert problems == []


def test_public_summary_is_accessible_and_the_year_selector_works(new_page, check_a11y,
                                                                   report_data):
    page = new_page(locale="ja")
    problems = watch_csp(page)
    page.goto("/")
    page.locator("main a[href='/reports/']").click()
    page.wait_for_load_state()
    page.select_option("#id_year", "2011")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert "year=2011" in page.url
    assert "2011年度" in page.locator("#totals-heading").inner_text()
    check_a11y(page)
    assert problems == []
