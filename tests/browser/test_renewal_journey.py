"""The renewal in Chromium: the mayor's office opens the year the agreed period ends,
decides after reading the evaluations (a first empty try shows the error summary), and
the group's staff read the decision on a phone; every page accessible (axe), no CSP
violation."""

import pytest

from services.models import Target
from tests.browser_fixtures import fits_the_screen, watch_csp
from tests.services.conftest import staff_of
from tests.services.renewal_data import YEAR, mayor, renewal_due

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery"  # tests.factories.UserFactory's


def test_the_mayor_renews_and_the_group_reads_it(new_page, check_a11y, sign_in):
    project = renewal_due()
    decider = mayor()
    decider.language = "en"
    decider.save(update_fields=["language"])
    page = new_page(locale="en")
    problems = watch_csp(page)
    sign_in(page, decider.username, PASSWORD)
    page.goto(f"/projects/{project.code}/?year={YEAR}")
    check_a11y(page)
    page.get_by_role("link", name="Decide the renewal").click()
    page.wait_for_load_state()
    assert "身近な場で成果" in page.locator("#year-evaluations").inner_text()
    check_a11y(page)
    page.get_by_role("button", name="Record the decision").click()
    page.wait_for_load_state()
    assert page.locator("#error-summary").count() == 1
    check_a11y(page)
    page.get_by_label("Renew: the project continues").check()
    page.get_by_label("Renewed until").fill("2014-03-31")
    page.get_by_label("Reasons").fill("三者とも継続と評価した。")
    page.get_by_role("button", name="Record the decision").click()
    page.wait_for_load_state()
    main = page.locator("main").inner_text()
    assert "Renewed until 2014-03-31" in main and "Decide the renewal" not in main
    check_a11y(page)
    assert problems == []

    # A target, so the year's table of targets and results is on the page too.
    Target.objects.create(project=project, fiscal_year=YEAR, indicator="course_participants",
                          value=400, set_by=staff_of(project))
    page = new_page(locale="ja", mobile=True)
    problems = watch_csp(page)
    sign_in(page, staff_of(project).username, PASSWORD)
    page.goto(f"/projects/{project.code}/?year={YEAR}")
    decision = page.locator(f"#renewal-{YEAR}").inner_text()
    assert "2014-03-31" in decision and "三者とも継続と評価した。" in decision
    # The indicator keeps a readable width: the label was once stacked a kanji a line.
    label = page.locator("#targets-table th[scope=row]").first.bounding_box()
    assert label["width"] >= 100, label
    check_a11y(page)
    assert fits_the_screen(page)
    assert problems == []
