"""Report selectors: fiscal-year boundaries, targets and ratios, trends, constant queries."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports import selectors
from services.models import Course, Indicator

from .data import chosen_project, funnel_history, records, target

pytestmark = pytest.mark.django_db


def value(rows, code, year, indicator):
    (row,) = [r for r in rows if r.project.code == code and r.year == year]
    return row.value(indicator)


def test_31_march_and_1_april_fall_into_different_fiscal_years():
    project = chosen_project("boundary", 2010, 2012)
    records(project, datetime.date(2012, 3, 31), requests=2, hours="1.25", users=3,
            courses=[(Course.Organiser.CITIZENS, 5)], members=1, former=1)
    records(project, datetime.date(2012, 4, 1), requests=7, hours="4", users=11,
            courses=[(Course.Organiser.MEMBERS, 6)], members=2)
    rows = selectors.project_indicators(2011, 2012)
    assert value(rows, "boundary", 2011, Indicator.SERVICE_REQUESTS) == 2
    assert value(rows, "boundary", 2012, Indicator.SERVICE_REQUESTS) == 7
    assert value(rows, "boundary", 2011, Indicator.ACTIVITY_HOURS) == Decimal("1.25")
    assert value(rows, "boundary", 2012, Indicator.FACILITY_USERS) == 11
    assert value(rows, "boundary", 2011, Indicator.PARTICIPANTS_BY_CITIZENS) == 5
    assert value(rows, "boundary", 2012, Indicator.COURSES_BY_MEMBERS) == 1
    assert value(rows, "boundary", 2011, Indicator.NEW_MEMBERS_FORMER_USERS) == 1
    assert value(rows, "boundary", 2012, Indicator.NEW_MEMBERS) == 2


def test_fiscal_year_follows_the_start_month_setting(settings):
    settings.REPORTING_YEAR_START_MONTH = 1
    project = chosen_project("calendar", 2011, 2012)
    records(project, datetime.date(2012, 3, 31), requests=2)
    rows = selectors.project_indicators(2012, 2012)
    assert value(rows, "calendar", 2012, Indicator.SERVICE_REQUESTS) == 2


def test_targets_give_ratios_and_no_target_gives_none():
    project = chosen_project("targets", 2011, 2011)
    records(project, datetime.date(2011, 8, 1), requests=30, handled=24, hours="7.5")
    target(project, 2011, Indicator.SERVICE_REQUESTS, "40")
    target(project, 2011, Indicator.ACTIVITY_HOURS, "10")
    target(project, 2011, Indicator.FACILITY_USERS, "0")
    (row,) = selectors.project_indicators(2011, 2011)
    results = {r.indicator: r for r in row.results}
    assert results[Indicator.SERVICE_REQUESTS].ratio == Decimal("0.750")
    assert results[Indicator.SERVICE_REQUESTS].percent == Decimal("75.0")
    assert results[Indicator.ACTIVITY_HOURS].ratio == Decimal("0.750")
    assert results[Indicator.SERVICE_REQUESTS_HANDLED].target is None
    assert results[Indicator.SERVICE_REQUESTS_HANDLED].ratio is None
    assert results[Indicator.FACILITY_USERS].ratio is None  # a zero target has no ratio


def test_trend_and_totals_sum_over_projects_per_year():
    one = chosen_project("one", 2010, 2012)
    two = chosen_project("two", 2011, 2012)
    records(one, datetime.date(2010, 5, 1), requests=1)
    records(one, datetime.date(2011, 5, 1), requests=2)
    records(two, datetime.date(2011, 5, 1), requests=3)
    records(two, datetime.date(2012, 5, 1), requests=4, hours="2.5")
    rows = selectors.project_indicators(2010, 2012)
    trend = selectors.trend(selectors.totals_by_year(rows, 2010, 2012))
    assert trend[Indicator.SERVICE_REQUESTS] == [1, 5, 4]
    # No activity recorded in 2010 or 2011: no figure (a dash), not a counted zero.
    assert trend[Indicator.ACTIVITY_HOURS] == [None, None, Decimal("2.50")]
    assert [(r.year, r.project.code) for r in rows] == [
        (2010, "one"), (2011, "one"), (2011, "two"), (2012, "one"), (2012, "two")]


def test_funnel_per_year_and_summed():
    expected = funnel_history()
    funnels = selectors.funnel_by_year(2003, 2006)
    assert [(f.year, f.submitted, f.recommended, f.chosen) for f in funnels] == [
        (year, *figures) for year, figures in expected.items()]
    total = selectors.funnel_total(funnels)
    assert (total.submitted, total.recommended, total.chosen) == (9, 5, 3)


@pytest.mark.parametrize("count", [10, 1000])
def test_one_grouped_query_per_table_whatever_the_number_of_records(count):
    project = chosen_project("many", 2011, 2011)
    records(project, datetime.date(2011, 7, 1), requests=count, members=count // 10)
    with CaptureQueriesContext(connection) as queries:
        rows = selectors.project_indicators(2011, 2011)
        selectors.funnel_by_year(2011, 2011)
    assert rows[0].value(Indicator.SERVICE_REQUESTS) == count
    # The years (a closed one is read from its accepted report) + 5 record tables + projects
    # + targets + funnel.
    assert len(queries) == 9


@pytest.mark.parametrize("start_month", [4, 1, 10])
def test_the_bounded_fiscal_year_expression_matches_the_general_one(settings, start_month):
    from django.db.models import F

    from partnership.fiscal import fiscal_year_expression, fiscal_year_of
    from services.models import ServiceRequest

    settings.REPORTING_YEAR_START_MONTH = start_month
    project = chosen_project("fiscal", 2009, 2013)
    days = [datetime.date(2010, 12, 31), datetime.date(2011, 1, 1), datetime.date(2011, 3, 31),
            datetime.date(2011, 4, 1), datetime.date(2011, 9, 30), datetime.date(2011, 10, 1),
            datetime.date(2012, 3, 31), datetime.date(2012, 4, 1)]
    for day in days:
        records(project, day, requests=1)
    span = range(fiscal_year_of(days[0]), fiscal_year_of(days[-1]) + 1)
    rows = ServiceRequest.objects.filter(project=project).annotate(
        general=fiscal_year_expression("received_on"),
        bounded=fiscal_year_expression("received_on", span),
        day=F("received_on"),
    ).values_list("day", "general", "bounded")
    assert sorted((d, g, b) for d, g, b in rows) == [
        (d, fiscal_year_of(d), fiscal_year_of(d)) for d in days]


def test_a_counted_zero_is_zero_and_nothing_recorded_is_none():
    project = chosen_project("zeros", 2010, 2012)
    records(project, datetime.date(2011, 5, 1), requests=2,
            courses=[(Course.Organiser.MEMBERS, 6)])
    (row,) = selectors.project_indicators(2011, 2011)
    shown = {result.indicator: result.shown for result in row.results}
    assert shown[Indicator.SERVICE_REQUESTS] == 2
    assert shown[Indicator.COURSES_BY_CITIZENS] == 0  # courses recorded, none by citizens
    assert shown[Indicator.FACILITY_USERS] is None  # no visit recorded at all
    assert row.value(Indicator.FACILITY_USERS) == 0  # still a zero for sums and charts
    totals = selectors.totals([row])
    assert totals[Indicator.COURSES_BY_CITIZENS] == 0 and totals[Indicator.FACILITY_USERS] is None
