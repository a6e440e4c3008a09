"""The public and citizen-group pages in a real browser: accessible (axe), usable on a phone,
and a group's whole part done through the forms."""

import pytest

from partnership.models import CitizenGroup
from partnership.roles import Role
from proposals.models import Proposal, Status
from tests.browser_fixtures import fits_the_screen
from tests.factories import CallFactory
from tests.lifecycle import proposal_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "right-password-123"


def test_public_pages_are_accessible_on_a_phone(new_page, check_a11y):
    proposal = proposal_in(Status.DECLINED, title="子育てアドバイザー事業")
    proposal_in(Status.SUBMITTED, call=proposal.call)
    page = new_page(mobile=True)
    for url in ("/calls/", f"/calls/{proposal.call_id}/", f"/proposals/{proposal.pk}/"):
        page.goto(url)
        assert page.locator("h1").count() == 1
        check_a11y(page)
        assert fits_the_screen(page), url
    assert "市長が不採択" in page.locator("#decision-heading").inner_text()
    assert "理由" in page.locator(".decision-reason").inner_text()


def test_a_citizen_registers_a_group_writes_and_submits_a_proposal(
    new_page, check_a11y, make_user, sign_in
):
    call = CallFactory(title="2026年度 協働事業提案")
    make_user(username="hanako", password=PASSWORD)
    page = new_page(mobile=True)
    sign_in(page, "hanako", PASSWORD)

    page.goto("/groups/new/")
    page.get_by_label("団体名").fill("子育てアドバイザーの会")
    page.get_by_label("団体の種類").select_option("volunteer")
    page.get_by_label("連絡先メールアドレス").fill("advisors@example.jp")
    page.get_by_role("button", name="団体を登録する").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "子育てアドバイザーの会"
    check_a11y(page)

    page.goto(f"/proposals/new/?call={call.pk}")
    page.get_by_label("題名").fill("子育てアドバイザー事業")
    page.get_by_label("総事業費(円)").fill("1000000")
    page.get_by_label("市の負担額(円)").fill("2000000")
    page.get_by_role("button", name="下書きを保存する").click()
    page.locator("#error-summary").wait_for()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.get_by_label("題名").input_value() == "子育てアドバイザー事業"  # kept
    check_a11y(page)
    assert fits_the_screen(page)

    page.locator("#id_field_of_activity").select_option("childcare")
    page.get_by_label("概要").fill("大型スーパーで子育て講座を開きます。")
    page.get_by_label("解決したい地域の課題").fill("子育て中の親が気軽に相談できる場が少ない。")
    page.get_by_label("団体が行うこと").fill("研修を受けたアドバイザーが相談に応じる。")
    page.get_by_label("市に求めること").fill("会場の確保と広報。")
    page.get_by_label("受益者").fill("未就学児の親")
    page.get_by_label("期待される成果と測定可能な目標").fill("年間相談件数 300 件")
    page.get_by_label("市の負担額(円)").fill("400000")
    page.get_by_role("button", name="下書きを保存する").click()
    page.wait_for_load_state()
    proposal = Proposal.objects.get()
    assert proposal.group == CitizenGroup.objects.get() and proposal.status == Status.DRAFT

    # The city has not checked the group yet: the proposal waits, and the page says why.
    page.goto(f"/proposals/{proposal.pk}/submit/")
    page.get_by_role("button", name="はい、提出します").click()
    page.locator("#error-summary").wait_for()
    assert "市がまだ団体" in page.locator("#error-summary").inner_text()
    check_a11y(page)

    # The officer returns the group (no rules given), the citizen adds them and asks again,
    # the officer verifies it.
    make_user(Role.CITY_OFFICER, username="kakunin", password=PASSWORD)
    officer = new_page()
    sign_in(officer, "kakunin", PASSWORD)
    officer.goto("/groups/checks/")
    officer.get_by_role("link", name="子育てアドバイザーの会").click()
    officer.get_by_role("link", name="修正のため差し戻す").click()
    officer.get_by_label("団体が修正すべき点").fill("規約の内容を記入してください。")
    officer.get_by_role("button", name="差し戻す").click()
    officer.wait_for_load_state()
    check_a11y(officer)
    group = CitizenGroup.objects.get()
    page.goto(f"/groups/{group.pk}/")
    assert "規約の内容を記入してください。" in page.locator("main").inner_text()
    page.get_by_role("link", name="団体の情報を編集").click()
    page.get_by_label("団体の規約").fill("総会で事業計画と予算を決め、会計は監事が監査する。")
    page.get_by_role("button", name="保存").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="市に再確認を依頼する").click()
    page.wait_for_load_state()
    officer.goto(f"/groups/{group.pk}/")
    officer.get_by_role("button", name="団体を確認済みにする").click()
    officer.wait_for_load_state()
    group.refresh_from_db()
    assert group.verified

    page.goto(f"/proposals/{proposal.pk}/submit/")
    check_a11y(page)
    page.get_by_role("button", name="はい、提出します").click()
    page.wait_for_load_state()
    proposal.refresh_from_db()
    assert proposal.status == Status.SUBMITTED

    page.goto("/my/proposals/")
    check_a11y(page)
    assert "子育てアドバイザー事業" in page.locator("main table").inner_text()
