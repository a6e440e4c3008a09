"""The family-situation report in Chromium: the NPO's staff file an urgent report, the
child-welfare officer is notified in the portal, reads it, acknowledges it, records the
intervention and closes it; the staff then see the acknowledgement. Both languages, both
widths, every page accessible (axe), no CSP violation. Fields and buttons are found by
their ids and kinds, not their words, so that the test holds in either language."""

import pytest

from families.models import FamilyReport
from tests.browser_fixtures import fits_the_screen, watch_csp
from tests.families.helpers import family_project, welfare_officer
from tests.services.conftest import staff_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery"  # tests.factories.UserFactory's


def _submit(page):
    page.locator("main form[method=post] button[type=submit]").last.click()
    page.wait_for_load_state()


@pytest.mark.parametrize(("staff_language", "officer_language"), [("ja", "en"), ("en", "ja")])
def test_urgent_report_from_filing_to_closing(new_page, check_a11y, sign_in, staff_language,
                                              officer_language):
    project = family_project()
    staff = staff_of(project)
    officer = welfare_officer(language=officer_language)
    staff.language = staff_language
    staff.save(update_fields=["language"])

    page = new_page(locale=staff_language)
    problems = watch_csp(page)
    sign_in(page, staff.username, PASSWORD)
    page.goto("/family-reports/")
    check_a11y(page)
    page.locator(f"a[href='/family-reports/file/{project.code}/']").click()
    page.wait_for_load_state()
    _submit(page)  # empty: the error summary, nothing filed
    assert page.locator(".error-summary").count() == 1
    check_a11y(page)
    page.locator("#id_family_reference").fill("K-2026-001")
    page.locator("#id_category").select_option("child_safety")
    page.locator("#id_urgency_0").check()  # urgent, the first choice
    page.locator("#id_observed").fill("一時預かりの際、腕にあざがあった。")
    page.locator("#id_npo_action").fill("保護者と話をした。")
    page.locator("#id_consent_0").check()
    _submit(page)
    report = FamilyReport.objects.get()
    assert report.urgency == "urgent"
    assert page.url.endswith(f"/family-reports/{report.pk}/")
    check_a11y(page)
    assert problems == []

    page = new_page(locale=officer_language, mobile=True)
    problems = watch_csp(page)
    sign_in(page, officer.username, PASSWORD)
    page.goto("/notifications/")
    notices = page.locator("main").inner_text()
    assert f"#{report.pk}" in notices or f"第{report.pk}号" in notices  # en, ja
    check_a11y(page)
    page.goto(f"/family-reports/{report.pk}/")
    assert "あざ" in page.locator("main").inner_text()
    check_a11y(page)
    assert fits_the_screen(page)
    page.locator(f"a[href='/family-reports/{report.pk}/acknowledge/']").click()
    page.wait_for_load_state()
    check_a11y(page)
    page.locator("#id_reply").fill("受け付けました。本日訪問します。")
    _submit(page)
    page.locator(f"a[href='/family-reports/{report.pk}/intervention/']").click()
    page.wait_for_load_state()
    check_a11y(page)
    page.locator("#id_intervention").select_option("home_visit")
    page.locator("#id_city_notes").fill("家庭訪問を実施。継続して見守る。")
    _submit(page)
    page.locator(f"form[action='/family-reports/{report.pk}/close/'] button").click()
    page.wait_for_load_state()
    report.refresh_from_db()
    assert (report.status, report.intervention) == ("closed", "home_visit")
    check_a11y(page)
    assert fits_the_screen(page)
    page.goto("/family-reports/year/")
    check_a11y(page)
    assert fits_the_screen(page)
    assert problems == []

    page = new_page(locale=staff_language, mobile=True)
    sign_in(page, staff.username, PASSWORD)
    page.goto(f"/family-reports/{report.pk}/")
    text = page.locator("main").inner_text()
    assert "本日訪問します" in text and "継続して見守る" not in text
    check_a11y(page)
    assert fits_the_screen(page)
