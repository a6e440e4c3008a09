"""The one-year counting of `indicator_values` runs statements compiled once with stand-in
dates: each call must bind its own dates and count afresh, giving what the ORM path gives."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from services.indicators import indicator_values
from services.models import Course

from .data import chosen_project, records

pytestmark = pytest.mark.django_db


def _load():
    one = chosen_project("stmt-one", 2010, 2012)
    two = chosen_project("stmt-two", 2010, 2012)
    records(one, datetime.date(2011, 3, 31), requests=2, handled=1, hours="1.25", users=4,
            courses=[(Course.Organiser.MEMBERS, 3)], members=1, former=1)  # fiscal 2010
    records(one, datetime.date(2011, 4, 1), requests=5, handled=3, hours="2.50", users=7,
            courses=[(Course.Organiser.CITIZENS, 6), (Course.Organiser.MEMBERS, 2)],
            members=2)  # fiscal 2011
    records(two, datetime.date(2012, 3, 31), requests=1, hours="0.75",
            courses=[(Course.Organiser.PROFESSIONALS, 9)], members=3, former=2)  # fiscal 2011
    return one, two


def test_each_year_binds_its_own_dates_and_matches_the_orm_path():
    one, two = _load()
    for year in (2010, 2011, 2012, 2011):  # again 2011: nothing kept from an earlier call
        fast = indicator_values(years=[year])
        # The general path (narrowed to projects) compiles its queries with the ORM.
        orm = indicator_values(years=[year], projects=[one, two])
        assert fast == orm
    values = indicator_values(years=[2011])
    assert values[(one.pk, 2011, "service_requests")] == 5
    assert values[(one.pk, 2011, "service_requests_handled")] == 3
    assert values[(one.pk, 2011, "activity_hours")] == Decimal("2.50")
    assert values[(one.pk, 2011, "courses_by_citizens")] == 1
    assert values[(one.pk, 2011, "participants_by_citizens")] == 6
    assert values[(two.pk, 2011, "participants_by_professionals")] == 9
    assert values[(two.pk, 2011, "new_members_former_users")] == 2
    assert indicator_values(years=[2010])[(one.pk, 2010, "activity_hours")] == Decimal("1.25")
    assert indicator_values(years=[2012]) == {}


def test_counts_afresh_on_every_call():
    one, _two = _load()
    before = indicator_values(years=[2011])
    records(one, datetime.date(2011, 9, 1), requests=10, hours="1.00")
    after = indicator_values(years=[2011])
    assert after[(one.pk, 2011, "service_requests")] == before[
        (one.pk, 2011, "service_requests")] + 10
    assert after[(one.pk, 2011, "activity_hours")] == Decimal("3.50")


def test_one_grouped_statement_per_record_table():
    _load()
    indicator_values(years=[2011])
    with CaptureQueriesContext(connection) as queries:
        indicator_values(years=[2011])
    assert len(queries) == 5
    assert all("GROUP BY" in query["sql"] and "BETWEEN" in query["sql"]
               for query in queries.captured_queries)
