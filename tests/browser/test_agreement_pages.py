"""The agreement in Chromium: the partner department's officer drafts it on the page and
confirms it, the group's representative confirms it, and it is in force; every page
accessible (axe), no CSP violation, readable on a phone."""

import pytest

from tests.browser_fixtures import fits_the_screen, watch_csp
from tests.services.agreement_data import TERMS, agreement_project, representative_of
from tests.services.conftest import officer_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery"  # tests.factories.UserFactory's


def test_drafted_and_confirmed_by_both_sides(new_page, check_a11y, sign_in):
    project = agreement_project()
    officer, rep = officer_of(project), representative_of(project)
    page = new_page(locale="ja")
    problems = watch_csp(page)
    sign_in(page, officer.username, PASSWORD)
    page.goto(f"/projects/{project.code}/agreement/")
    check_a11y(page)
    page.get_by_role("link", name="協定書を作成する").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="下書きを保存する").click()  # empty: the error summary
    page.wait_for_load_state()
    assert page.locator(".alert-danger").count() >= 1
    check_a11y(page)
    page.get_by_label("期間(開始)").fill(TERMS["starts_on"].isoformat())
    page.get_by_label("期間(終了)").fill(TERMS["ends_on"].isoformat())
    for name, label in (("group_role", "団体の役割"), ("city_role", "市の役割"),
                        ("city_contribution", "市の負担金(年度あたり・円)"),
                        ("group_share", "団体の自己負担額(年度あたり・円)"),
                        ("indicators", "指標と目標"), ("reporting", "報告の義務")):
        page.get_by_label(label).fill(str(TERMS[name]))
    page.get_by_role("button", name="下書きを保存する").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="担当課として確認する").click()
    page.wait_for_load_state()
    check_a11y(page)
    assert problems == []

    rep.language = "en"  # the portal speaks the language the person chose
    rep.save(update_fields=["language"])
    page = new_page(locale="en", mobile=True)
    problems = watch_csp(page)
    sign_in(page, rep.username, PASSWORD)
    page.goto(f"/projects/{project.code}/agreement/")
    page.get_by_role("button", name="Confirm for the group").click()
    page.wait_for_load_state()
    assert "in force" in page.locator("main").inner_text()
    assert "1,200,000 yen" in page.locator("main").inner_text()
    check_a11y(page)
    assert fits_the_screen(page)
    assert problems == []
