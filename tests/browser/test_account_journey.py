"""A newcomer in Chromium, through the pages only: signs up (an empty form first), opens the
link of the e-mail read from the outbox, verifies, lands signed in on My page, finds a
proposal by searching 子育て and follows it with one click. In Japanese at 390 px and in
English at 1366 px, with axe on every page."""

import pytest
from django.utils import timezone

from partnership import follows
from partnership.models import User
from proposals.models import Proposal, Status
from tests.accounts.mail import link_in
from tests.browser_fixtures import fits_the_screen
from tests.factories import ProposalFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "kosodate-yamato-2026"


@pytest.mark.parametrize(("locale", "mobile"), [("ja", True), ("en", False)])
def test_sign_up_verify_land_on_my_page_and_follow(new_page, check_a11y, run_tasks,
                                                   mailoutbox, locale, mobile):
    proposal = ProposalFactory(title="子育てひろばの運営")
    Proposal.objects.filter(pk=proposal.pk).update(status=Status.SUBMITTED,
                                                   submitted_at=timezone.now())
    page = new_page(locale, mobile)

    page.goto("/accounts/signup/")
    page.locator("main form button[type=submit]").click()
    page.locator("#error-summary").wait_for()
    check_a11y(page)
    page.locator("#id_username").fill("hanako")
    page.locator("#id_display_name").fill("山田花子")
    page.locator("#id_email").fill("hanako@example.jp")
    page.locator(f"input[name=language][value={locale}]").check()
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/accounts/signup/sent/")
    check_a11y(page)

    run_tasks()
    [message] = mailoutbox
    assert message.extra_headers["Content-Language"] == locale
    page.goto(link_in(message))
    check_a11y(page)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/my/")
    assert page.locator(".alert-success").count() == 1
    check_a11y(page)
    assert fits_the_screen(page)

    page.goto("/search/?q=子育て")
    check_a11y(page)
    page.get_by_role("link", name="子育てひろばの運営").click()
    page.wait_for_url(f"**/proposals/{proposal.pk}/")
    page.locator("form.follow-form button").click()
    page.locator("form.follow-form button[aria-pressed=true]").wait_for()
    check_a11y(page)
    assert fits_the_screen(page)
    assert follows.is_following(User.objects.get(username="hanako"), proposal)
