"""Playwright in the system's Chromium against pytest-django's live server.

Without Chromium the browser tests skip and say so; under CI (CI=true) a missing
browser fails them instead, so a green CI run always means they ran.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls made by
# the tests themselves (fixtures, assertions) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _unavailable(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(f"browser tests skipped: {reason}")


def fits_the_screen(page) -> bool:
    """No horizontal scrolling: the page is no wider than the window (a phone's, say).

    Compared with the layout viewport (clientWidth), not window.innerWidth: on a phone
    Chromium zooms out to a page that is too wide and innerWidth grows with it.
    """
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def watch_csp(page) -> list[str]:
    """The Content-Security-Policy violations the page reports from now on (a list that fills
    as the page loads; assert it is empty at the end)."""
    refused: list[str] = []

    def listen(message):
        if "Content Security Policy" in message.text:
            refused.append(message.text)

    page.on("console", listen)
    return refused


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover
        _unavailable("playwright is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server, settings):
    """new_page(locale="ja", mobile=False) -> a page in a fresh browser context."""
    settings.LANGUAGE_CODE = "ja"
    contexts = []

    def make(locale: str = "ja", mobile: bool = False):
        options = {"locale": locale, "base_url": live_server.url}
        if mobile:
            options.update(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def check_a11y():
    """check_a11y(page): axe-core finds no WCAG 2.x A/AA violation on the page."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        results = axe.run(
            page,
            options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a",
                                                            "wcag21aa", "wcag22aa"]}},
        )
        violations = results.response["violations"]
        assert violations == [], results.generate_report()

    return check


@pytest.fixture
def sign_in():
    """sign_in(page, username, password): through the real login form."""

    def do(page, username: str, password: str):
        page.goto("/accounts/login/")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill(password)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()

    return do
