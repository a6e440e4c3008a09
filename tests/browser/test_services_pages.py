"""Records entry, the project page and the import page in a real browser, with axe."""

import datetime
from decimal import Decimal

import pytest

from partnership.fiscal import fiscal_year_of
from services.kinds import KINDS
from services.models import Activity, Course, Indicator, MemberJoined, ServiceRequest, Target, Visit
from tests.browser_fixtures import fits_the_screen
from tests.services.conftest import make_project, staff_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery"


@pytest.fixture
def staff_page(new_page, sign_in):
    def make(locale="ja", mobile=False):
        project = make_project("centre", starts_on=datetime.date(2024, 4, 1), years=5)
        staff = staff_of(project)
        staff.language = locale  # the account's language wins over the browser's
        staff.save(update_fields=["language"])
        page = new_page(locale=locale, mobile=mobile)
        sign_in(page, staff.username, PASSWORD)
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


def _records_of_every_kind(project):
    """Two records of each kind, dated today, by the project's staff (so each row has its Edit
    and Delete links), with the longest texts a person might type."""
    today, by = datetime.date.today(), staff_of(project)
    for _ in range(2):
        ServiceRequest.objects.create(project=project, created_by=by, received_on=today,
                                      category="子育て相談・一時預かりの申込み",
                                      status=ServiceRequest.RequestStatus.HANDLED)
        Activity.objects.create(project=project, created_by=by, date=today, hours=Decimal("7.25"),
                                description="地域センターでの子育てひろばの運営と相談受付" * 3)
        Visit.objects.create(project=project, created_by=by, date=today, users=1234,
                             facility="大和市立中央林間地域センター 調理室")
        Course.objects.create(project=project, created_by=by, start_date=today,
                              title="はじめての離乳食講座（保健師・管理栄養士による）",
                              organiser=Course.Organiser.PROFESSIONALS, participants=120,
                              venue="大和市保健福祉センター 4階 集団指導室",
                              audience="0歳児の保護者")
        MemberJoined.objects.create(project=project, created_by=by, joined_on=today,
                                    former_user=True)


@pytest.mark.parametrize("locale", ["en", "ja"])
def test_every_records_list_fits_a_phone(staff_page, check_a11y, locale):
    page, project = staff_page(locale=locale, mobile=True)
    _records_of_every_kind(project)
    for kind in KINDS:
        page.goto(f"/projects/{project.code}/records/{kind}/")
        assert page.locator("main table tbody tr").count() == 2, kind
        check_a11y(page)
        assert fits_the_screen(page), kind


@pytest.mark.parametrize("locale", ["en", "ja"])
@pytest.mark.parametrize("width", [390, 1366])
def test_the_targets_tables_indicator_keeps_a_readable_width(staff_page, locale, width):
    page, project = staff_page(locale=locale, mobile=width == 390)
    if width != 390:
        page.set_viewport_size({"width": width, "height": 800})
    # Every indicator with a large target waiting for agreement (a badge beside it), and
    # results: the other columns at their widest.
    for indicator in Indicator:
        Target.objects.create(project=project, fiscal_year=fiscal_year_of(datetime.date.today()),
                              indicator=indicator, value=Decimal("123456.75"),
                              set_by=staff_of(project))
    _records_of_every_kind(project)
    page.goto(f"/projects/{project.code}/")
    labels = page.locator("#targets-table th[scope=row]")
    assert labels.count() == len(Indicator)
    widths = [labels.nth(n).bounding_box()["width"] for n in range(labels.count())]
    assert min(widths) >= 100, widths  # once a kanji a line, or an English label in three
    if width == 1366:  # room enough for every label on one line
        lines = labels.evaluate_all(
            "cells => cells.map(c => { const r = document.createRange(); r.selectNodeContents(c);"
            " return new Set([...r.getClientRects()].map(box => Math.round(box.top))).size; })")
        assert lines == [1] * len(Indicator), lines
    assert fits_the_screen(page)
