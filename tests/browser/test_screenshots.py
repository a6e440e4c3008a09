"""The README's screenshots, taken of the demo as its people see it.

Each key page is loaded as the person who uses it, must answer 200 and fit the window,
and is photographed. The PNGs go to a temporary folder, or, with WRITE_SCREENSHOTS=1,
to docs/screenshots/ for the README:

    WRITE_SCREENSHOTS=1 .venv/bin/pytest -p no:cacheprovider tests/browser/test_screenshots.py
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from partnership.demo import DEMO_PASSWORD
from proposals.models import Call
from tests.browser_fixtures import fits_the_screen

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def shots() -> list[tuple[str, str | None, str, dict, str]]:
    """(file name, login, language, window, address) of each screenshot."""
    call = Call.objects.order_by("-fiscal_year").first()
    return [
        ("home-ja.png", None, "ja", DESKTOP, reverse("home")),
        ("call-en.png", None, "en", DESKTOP, reverse("proposals:call_detail", args=[call.pk])),
        ("review-board-en.png", "chair", "en", DESKTOP,
         reverse("proposals:review_board", kwargs={"call": call.pk})),
        ("project-ja-phone.png", None, "ja", PHONE,
         reverse("services:project_detail", args=["childcare-support"])),
        ("span-report-en.png", "officer", "en", DESKTOP,
         reverse("reports:span") + "?first=2003&last=2013"),
        ("trend-ja.png", "officer", "ja", DESKTOP,
         reverse("reports:project_trend", args=["community-centre"])),
        ("public-summary-en-phone.png", None, "en", PHONE,
         reverse("reports:public_summary") + "?year=2011"),
    ]


@pytest.fixture
def folder(tmp_path) -> Path:
    if os.environ.get("WRITE_SCREENSHOTS") == "1":
        return Path(settings.BASE_DIR) / "docs" / "screenshots"
    return tmp_path


def test_screenshots_of_the_key_pages(browser, live_server, settings, folder, sign_in):
    settings.LANGUAGE_CODE = "ja"
    call_command("demo", force=True, verbosity=0)
    folder.mkdir(parents=True, exist_ok=True)
    for name, login, language, window, address in shots():
        context = browser.new_context(locale=language, base_url=live_server.url,
                                      viewport=window, device_scale_factor=1)
        context.set_default_timeout(15_000)
        page = context.new_page()
        if login:
            sign_in(page, login, DEMO_PASSWORD)
            # A person's own language setting wins over the browser's: switch as they would.
            page.locator("#language-select").select_option(language)
            page.locator("form.language-switcher button[type=submit]").click()
            page.wait_for_load_state()
        response = page.goto(address)
        assert response.status == 200, address
        assert page.evaluate("document.documentElement.lang") == language
        assert fits_the_screen(page), f"{address} is wider than {window['width']} px"
        target = folder / name
        page.screenshot(path=str(target))
        assert target.stat().st_size > 10_000  # a page, not a blank
        context.close()
