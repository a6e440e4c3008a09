"""Every page a demo role reaches from its navigation, as a person would see it: in
Japanese and in English, on a phone (390 px) and on a desktop (1366 px).

A page fails when it answers with a server error, is wider than the window, has an axe
violation of serious or critical impact (all of axe's rules, best practices included),
or content outside every landmark (axe's `region`), or, in Japanese, shows a sentence of the
portal's own English interface.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

from partnership.demo import DEMO_PASSWORD
from tests.browser_fixtures import fits_the_screen


def connection_vendor() -> str:
    from django.db import connection

    return connection.vendor

pytestmark = [
    pytest.mark.django_db(transaction=True), pytest.mark.browser,
    # Several minutes of browsing: CI runs it in its SQLite pass only, as the pages are the
    # same on either database (the PostgreSQL pass says it skipped it).
    pytest.mark.skipif(connection_vendor() == "postgresql",
                       reason="the crawl runs in CI's SQLite pass (the same pages)"),
]

ROLES = ["citizen", "member", "chair", "mayor", "officer", "staff", "auditor", "welfare", None]
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}
# Links that act or download rather than show a page.
NOT_PAGES = re.compile(r"/(accounts/logout|admin)/|\.(csv|xlsx|ics)(\?|$)|/(csv|xlsx|ical|api)/")


def english_sentences() -> list[str]:
    """The interface's English phrases whose Japanese differs: a Japanese page showing one
    has missed a translation. Phrases of three or more words, without placeholders."""
    catalogue = polib.pofile(Path(settings.BASE_DIR) / "locale/ja/LC_MESSAGES/django.po")
    return sorted({
        entry.msgid for entry in catalogue.translated_entries()
        if len(entry.msgid.split()) >= 3 and entry.msgstr != entry.msgid
        and not re.search(r"[%{<]", entry.msgid) and "\n" not in entry.msgid
    })


def links(page, selector: str) -> list[str]:
    hrefs = page.eval_on_selector_all(selector, "links => links.map(a => a.getAttribute('href'))")
    return sorted({href.split("#")[0] for href in hrefs if not NOT_PAGES.search(href)})


def shape(url: str) -> str:
    """/proposals/12/ and /proposals/40/ are the same page for another object."""
    return re.sub(r"\d+", "N", url.split("?")[0])


def reachable(page) -> list[str]:
    """The navigation's pages, and one page of each kind their content links to."""
    page.goto("/")
    first = ["/", *links(page, "header a[href^='/'], nav a[href^='/']")]
    seen = {shape(url) for url in first}
    found = list(first)
    for url in first:
        page.goto(url)
        for link in links(page, "main a[href^='/']"):
            if shape(link) not in seen:
                seen.add(shape(link))
                found.append(link)
    return found


def page_problems(page, url: str, language: str, english: list[str]) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    response = page.goto(url)
    if response is None or response.status >= 500:
        return [f"{url}: status {response.status if response else 'none'}"]
    if "text/html" not in response.headers.get("content-type", ""):
        return []
    problems = []
    if not fits_the_screen(page):
        width = page.evaluate("document.documentElement.scrollWidth")
        problems.append(f"{url}: {width} px wide")
    violations = Axe().run(page).response["violations"]
    problems += [f"{url}: axe {v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
                 for v in violations if v["impact"] in ("serious", "critical")
                 or v["id"] == "region"]  # (moderate) everything inside a landmark
    if language == "ja":
        text = page.locator("body").inner_text()
        problems += [f"{url}: English “{s}”" for s in english if s in text]
    return problems


@pytest.fixture
def demo_site(live_server, settings):
    settings.LANGUAGE_CODE = "ja"  # the portal's first language, in which the log names things
    call_command("demo", force=True, verbosity=0)
    return live_server


# One test a language, so that CI's two test processes crawl side by side (the crawl was
# eight minutes of one process while the other had finished).
@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_page_of_every_role_at_both_widths(browser, demo_site, sign_in, language):
    english = english_sentences()
    problems: list[str] = []
    for role in ROLES:
        urls = None
        for width, viewport in WIDTHS.items():
            context = browser.new_context(locale=language, base_url=demo_site.url,
                                          viewport=viewport)
            context.set_default_timeout(15_000)
            page = context.new_page()
            if role:
                sign_in(page, role, DEMO_PASSWORD)
            urls = urls or reachable(page)
            for url in urls:
                problems += [f"{role or 'anonymous'} {language} {width}: {p}"
                             for p in page_problems(page, url, language, english)]
            context.close()
    assert problems == [], "\n".join(problems)
