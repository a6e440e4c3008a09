"""Japanese era names of dates and fiscal years."""

import datetime

import pytest

from partnership.era import era_date, era_fiscal_year, era_of

D = datetime.date


@pytest.mark.parametrize(("day", "expected"), [
    (D(2019, 5, 1), ("令和", 1)),
    (D(2019, 4, 30), ("平成", 31)),
    (D(1989, 1, 8), ("平成", 1)),
    (D(1989, 1, 7), ("昭和", 64)),
    (D(2003, 6, 1), ("平成", 15)),
    (D(2026, 11, 30), ("令和", 8)),
])
def test_the_era_begins_on_its_first_day(day, expected):
    assert era_of(day) == expected


def test_dates_read_as_japanese_write_them():
    assert era_date(D(2026, 5, 1)) == "令和8年5月1日"
    assert era_date(D(2019, 5, 1)) == "令和元年5月1日"
    assert era_date(D(1900, 1, 1)) == ""


@pytest.mark.parametrize(("year", "expected"), [
    (2026, "令和8年度"), (2020, "令和2年度"), (2003, "平成15年度"),
    # Fiscal 2019 began on 2019-04-01, a month before Reiwa.
    (2019, "平成31年度"), (1988, "昭和63年度"),
])
def test_a_fiscal_year_takes_the_era_of_its_first_day(year, expected):
    assert era_fiscal_year(year) == expected


def test_the_start_month_is_the_setting(settings):
    settings.REPORTING_YEAR_START_MONTH = 1
    assert era_fiscal_year(2019) == "平成31年度"
    settings.REPORTING_YEAR_START_MONTH = 6
    assert era_fiscal_year(2019) == "令和元年度"
