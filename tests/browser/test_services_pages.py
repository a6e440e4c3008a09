"""Records entry, the project page and the import page in a real browser, with axe."""

import datetime

import pytest

from services.models import Visit
from tests.browser_fixtures import fits_the_screen
from tests.services.conftest import make_project, staff_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery"


@pytest.fixture
def staff_page(new_page, sign_in):
    def make(locale="ja", mobile=False):
        project = make_project("centre", starts_on=datetime.date(2024, 4, 1), years=5)
        page = new_page(locale=locale, mobile=mobile)
        sign_in(page, staff_of(project).username, PASSWORD)
        return page, project

    return make


def test_fast_entry_by_keyboard(staff_page, check_a11y):
    page, project = staff_page()
    page.goto(f"/projects/{project.code}/records/visits/add/")
    check_a11y(page)
    # The first row: date is today; type facility and users, then Enter saves.
    page.locator("#id_visits-0-facility").fill("調理室")
    page.locator("#id_visits-0-users").fill("14")
    page.locator("#id_visits-1-facility").fill("図工室")
    page.locator("#id_visits-1-users").fill("9")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert sorted(Visit.objects.values_list("facility", "users")) == [("図工室", 9), ("調理室", 14)]
    assert Visit.objects.filter(date=datetime.date.today()).count() == 2
    check_a11y(page)


def test_entry_errors_are_accessible(staff_page, check_a11y):
    page, project = staff_page(locale="en")
    page.goto(f"/projects/{project.code}/records/visits/add/")
    page.locator("#id_visits-0-facility").fill("調理室")
    page.locator("#id_visits-0-users").fill("-3")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#error-summary").is_visible()
    check_a11y(page)
    assert not Visit.objects.exists()


def test_project_and_import_pages_on_a_phone(staff_page, check_a11y):
    page, project = staff_page(mobile=True)
    for url in (f"/projects/{project.code}/", "/projects/import/",
                f"/projects/{project.code}/records/visits/"):
        page.goto(url)
        check_a11y(page)
        assert fits_the_screen(page), url
