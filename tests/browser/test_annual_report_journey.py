"""The annual report in Chromium: the group's staff write the narrative and the settlement
(an empty budget line name first: the error summary), submit it; the partner department's
officer returns it with comments, the group submits it again, the officer accepts it and
closes the year. Every page accessible (axe), no CSP violation, readable on a phone and on
a desktop. In English: the Japanese catalogue is filled in after the merge."""

import pytest

from tests.browser_fixtures import fits_the_screen, watch_csp
from tests.services.conftest import make_project, officer_of, staff_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery"  # tests.factories.UserFactory's


def test_written_returned_resubmitted_accepted_and_the_year_closed(new_page, check_a11y,
                                                                     sign_in):
    project = make_project("journey")
    staff, officer = staff_of(project), officer_of(project)
    for user in (staff, officer):
        user.language = "en"
        user.save(update_fields=["language"])
    report = f"/projects/{project.code}/years/2011/report/"

    page = new_page(locale="en", mobile=True)
    problems = watch_csp(page)
    sign_in(page, staff.username, PASSWORD)
    page.goto(f"/projects/{project.code}/?year=2011")
    page.get_by_role("link", name="The annual report (not written yet)").click()
    page.wait_for_load_state()
    check_a11y(page)
    page.get_by_role("link", name="Write the report").click()
    page.wait_for_load_state()
    page.get_by_label("What the project did this year").fill("会員が預かりと送迎を続けた。")
    page.get_by_label("Line 1: from the city's contribution (yen)").fill("1200000")
    page.get_by_role("button", name="Save the report").click()
    page.wait_for_load_state()
    assert page.locator("#error-summary").is_visible()  # the amounts' line has no name
    check_a11y(page)
    assert fits_the_screen(page)
    page.get_by_label("Budget line 1", exact=True).fill("人件費")
    page.get_by_label("Line 1: from the group's own funds (yen)").fill("300000")
    page.get_by_role("button", name="Save the report").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Submit the report").click()
    page.wait_for_load_state()
    assert page.locator("#report-status").inner_text() == "submitted"
    check_a11y(page)
    assert fits_the_screen(page)
    assert problems == []

    page = new_page(locale="en")
    problems = watch_csp(page)
    sign_in(page, officer.username, PASSWORD)
    page.goto(report)
    assert "1,200,000" in page.locator("#settlement-table").inner_text()
    page.get_by_role("link", name="Return with comments").click()
    page.wait_for_load_state()
    page.get_by_label("What the group should change").fill("領収書の写しを添えてください。")
    page.get_by_role("button", name="Return with comments").click()
    page.wait_for_load_state()
    assert page.locator("#report-status").inner_text() == "returned"
    check_a11y(page)
    assert problems == []

    page = new_page(locale="en", mobile=True)
    sign_in(page, staff.username, PASSWORD)
    page.goto(report)
    assert "領収書の写しを添えてください。" in page.locator("#report-comments").inner_text()
    page.get_by_role("button", name="Submit the report").click()
    page.wait_for_load_state()

    page = new_page(locale="en")
    problems = watch_csp(page)
    sign_in(page, officer.username, PASSWORD)
    page.goto(report)
    page.get_by_role("button", name="Accept the report").click()
    page.wait_for_load_state()
    assert page.locator("#report-status").inner_text() == "accepted"
    check_a11y(page)
    page.goto(f"/projects/{project.code}/?year=2011")
    page.get_by_role("link", name="Close fiscal year 2011").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Close fiscal year 2011").click()
    page.wait_for_load_state()
    assert "Fiscal year 2011 is closed" in page.locator("main").inner_text()
    assert problems == []
