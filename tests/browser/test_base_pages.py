"""The base pages in a real browser: accessible, keyboard usable, bilingual, on a phone."""

import re

import pytest

from partnership.demo import DEMO_LOGINS
from partnership.models import Notification
from partnership.roles import Role
from tests.browser_fixtures import fits_the_screen, watch_csp
from tests.factories import GroupMembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_is_accessible_in_both_languages(new_page, check_a11y):
    for locale, heading in (("ja", "市民協働ポータル"), ("en", "Citizen Partnership portal")):
        page = new_page(locale=locale)
        page.goto("/")
        assert page.locator("h1").inner_text() == heading
        check_a11y(page)


def test_skip_link_is_first_and_moves_focus(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_language_switch_is_remembered(page):
    page.goto("/")
    page.select_option("#language-select", "en")
    page.get_by_role("button", name="変更").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Citizen Partnership portal"
    page.goto("/accounts/login/")
    assert page.locator("h1").inner_text() == "Sign in"


def test_failed_login_shows_accessible_error_summary(page, check_a11y, make_user):
    make_user(username="keiko", password="right-password-123")
    page.goto("/accounts/login/")
    page.locator("#id_username").fill("keiko")
    page.locator("#id_password").fill("wrong")
    page.keyboard.press("Enter")
    page.locator("#error-summary").wait_for()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    check_a11y(page)


def test_phone_menu_opens(new_page, make_user, sign_in):
    make_user(username="yui", password="right-password-123")
    page = new_page(mobile=True)
    sign_in(page, "yui", "right-password-123")
    toggler = page.locator(".navbar-toggler")
    assert toggler.is_visible()
    toggler.click()
    page.locator("#main-nav.show").wait_for()  # the menu's opening transition has ended
    page.locator("#main-nav .dropdown-toggle").click()  # the person's own links
    page.get_by_role("link", name="パスワード変更").wait_for(state="visible")
    assert fits_the_screen(page)


# The demo's logins: the same roles give the same menu items. The citizen is also a group's
# member (My proposals, My groups, Consultations) with a long name; every user has unread
# notifications, whose badge widens the menu.
MENU_USERS = {login.username: login for login in DEMO_LOGINS}


@pytest.mark.parametrize("locale", ["ja", "en"])
@pytest.mark.parametrize("username", list(MENU_USERS))
def test_the_menu_stays_on_one_line_at_1366_px(browser, live_server, make_user, settings,
                                                locale, username):
    settings.LANGUAGE_CODE = "ja"
    login = MENU_USERS[username]
    citizen, admin = Role.CITIZEN in login.roles, Role.ADMINISTRATOR in login.roles
    user = make_user(*login.roles, username=username, password="right-password-123",
                     language=locale, is_staff=admin, is_superuser=admin,
                     display_name="大和 花子 (子育てサポートやまと 代表・事業スタッフ)" if citizen
                     else login.display_name)
    if citizen:
        GroupMembershipFactory(user=user)
    Notification.objects.bulk_create(
        Notification(recipient=user, kind="proposal_status", path="/calls/",
                     params={"title": "子育て支援", "call": "2026年度募集",
                             "status": "submitted", "reason": ""})
        for _ in range(12))
    context = browser.new_context(locale=locale, base_url=live_server.url,
                                  viewport={"width": 1366, "height": 800})
    page = context.new_page()
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("right-password-123")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#main-nav .badge").inner_text() == "12"
    tops = page.eval_on_selector_all(
        "#main-nav .nav-link", "links => links.map(a => Math.round(a.getBoundingClientRect().top))")
    assert len(set(tops)) == 1, tops  # one line, no item broken in two
    assert fits_the_screen(page)
    page.locator("#main-nav .dropdown-toggle").click()
    page.get_by_role("button", name=re.compile("Sign out|ログアウト")).wait_for(state="visible")
    context.close()


def test_no_content_security_policy_violations(new_page, make_user, sign_in):
    make_user(username="csp", password="right-password-123")
    page = new_page(mobile=True)
    refused = watch_csp(page)
    sign_in(page, "csp", "right-password-123")
    for path in ("/", "/calls/", "/accounts/password/change/"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
    assert refused == []


def test_the_width_check_sees_a_page_a_little_too_wide_for_a_phone(new_page):
    page = new_page(mobile=True)
    page.goto("/")
    assert fits_the_screen(page)
    # 40 px too wide: Chromium zooms out, so window.innerWidth alone would grow to match.
    page.evaluate("""() => {
        const wide = document.createElement("div");
        wide.style.width = (document.documentElement.clientWidth + 40) + "px";
        wide.textContent = "広い";
        document.querySelector("main").append(wide);
    }""")
    assert not fits_the_screen(page)


@pytest.mark.parametrize(("language", "heading"), [("ja", "お知らせ"), ("en", "Notifications")])
def test_notification_pages_on_a_phone_in_the_accounts_language(
    new_page, make_user, sign_in, check_a11y, language, heading
):
    user = make_user(username="rin", password="right-password-123", language=language)
    Notification.objects.create(recipient=user, kind="proposal_status", path="/calls/",
                                params={"title": "子育て支援 & 相談", "call": "2026年度募集",
                                        "status": "submitted", "reason": ""})
    page = new_page(locale="ja" if language == "en" else "en", mobile=True)
    refused = watch_csp(page)
    sign_in(page, "rin", "right-password-123")  # the account's language wins over the browser's
    page.locator(".navbar-toggler").click()
    page.locator("#main-nav a[href='/notifications/']").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == heading
    check_a11y(page)
    assert fits_the_screen(page)
    page.goto("/accounts/settings/")
    check_a11y(page)
    assert fits_the_screen(page)
    assert refused == []


def test_settings_by_keyboard(page, make_user, sign_in):
    user = make_user(username="aoi", password="right-password-123", language="ja")
    sign_in(page, "aoi", "right-password-123")
    page.goto("/accounts/settings/")
    page.locator("#id_language_1").focus()  # English
    page.keyboard.press("Space")
    page.locator('input[name="email_kinds"][value="review_opened"]').focus()
    page.keyboard.press("Space")  # no e-mail when a review opens
    page.get_by_role("button", name="保存").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Language and e-mail settings"
    assert "Your settings are saved." in page.locator(".messages").inner_text()
    user.refresh_from_db()
    assert (user.language, user.email_muted) == ("en", ["review_opened"])


def test_switching_language_with_typed_text_asks_first(page, make_user, sign_in):
    make_user(username="warn", password="warn-password-123")
    sign_in(page, "warn", "warn-password-123")
    page.goto("/groups/new/")
    page.get_by_label("団体名").click()
    page.keyboard.type("子育ての会")
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()  # stay: what was typed is kept

    page.on("dialog", answer)
    page.select_option("#language-select", "en")
    page.get_by_role("button", name="変更").click()
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    assert page.get_by_label("団体名").input_value() == "子育ての会"
