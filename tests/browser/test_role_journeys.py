"""Each demo role, in Chromium: signs in through the sign-in form, lands on My page, follows
the link of its first task there and reaches that page (200, one heading, no serious or
critical axe violation). In Japanese, the demo accounts' language, and in English, chosen
with the header's language form on My page.

The demo is loaded once per language (a test each), not once per role: every role's
journey runs in that test and the failures of all of them are reported together.

The auditor has nothing waiting on My page (the issue's sections are other roles' work):
its first task is the audit log, reached from My page's navigation.
"""

import re

import pytest
from django.core.management import call_command

from partnership.demo import DEMO_PASSWORD
from tests.browser.test_crawl import connection_vendor

pytestmark = [
    pytest.mark.django_db(transaction=True), pytest.mark.browser,
    pytest.mark.skipif(connection_vendor() == "postgresql",
                       reason="the demo's journeys run in CI's SQLite pass (the same pages)"),
]

# role -> (where the first task's link is on My page, the address it leads to)
FIRST_TASK = {
    "citizen": ("drafts", r"/proposals/\d+/edit/$"),  # a draft to finish
    "officer": ("consultations", r"/consultations/\d+/$"),  # a group's question to answer
    "welfare": ("screenings", r"/screening/proposals/\d+/eligible/$"),
    "member": ("ballots", r"/review/proposals/\d+/ballot/$"),
    "chair": ("ballots", r"/review/proposals/\d+/ballot/$"),
    "mayor": ("decisions", r"/decisions/proposals/\d+/$"),
    "staff": ("years", r"/projects/[\w-]+/$"),  # a past year's records and report
    "auditor": (None, r"/audit/$"),  # the navigation's link
}


def serious_axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    return [f"axe {v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
            for v in violations if v["impact"] in ("serious", "critical")]


def journey(page, role: str, language: str) -> list[str]:
    """Sign in, land on My page, follow the first task: what went wrong on the way."""
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(role)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/my/")
    if language != "ja":
        page.locator("#language-select").select_option(language)
        page.locator("form.language-switcher button[type=submit]").click()
        page.wait_for_url("**/my/")
    problems = []
    if page.locator("html").get_attribute("lang") != language:
        problems.append(f"My page is not in {language}")
    section, address = FIRST_TASK[role]
    link = (page.locator("header a[href='/audit/']") if section is None
            else page.locator(f"section[aria-labelledby=section-{section}] ul a").first)
    with page.expect_navigation() as navigation:
        link.click()
    status = navigation.value.status
    if status != 200 or not re.search(address, page.url):
        return [*problems, f"the first task led to {page.url} ({status})"]
    headings = page.locator("main h1")
    if headings.count() != 1 or not headings.inner_text().strip():
        problems.append(f"{page.url}: {headings.count()} headings h1")
    if page.locator("html").get_attribute("lang") != language:
        problems.append(f"{page.url} is not in {language}")
    return problems + [f"{page.url}: {v}" for v in serious_axe_violations(page)]


@pytest.fixture
def demo_site(live_server, settings):
    settings.LANGUAGE_CODE = "ja"
    call_command("demo", force=True, verbosity=0)
    return live_server


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_role_reaches_its_first_task_from_my_page(browser, demo_site, language):
    from playwright.sync_api import Error as PlaywrightError

    problems = []
    for role in FIRST_TASK:
        context = browser.new_context(locale=language, base_url=demo_site.url)
        context.set_default_timeout(10_000)
        try:
            problems += [f"{role}: {p}" for p in journey(context.new_page(), role, language)]
        except PlaywrightError as error:  # a page that never came: the next role still runs
            problems.append(f"{role}: {error.message.splitlines()[0]}")
        finally:
            context.close()
    assert problems == [], "\n".join(problems)
