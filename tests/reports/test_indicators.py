"""`indicator_values` against the figures counted by a plain loop over the records.

Runs on the database of the test run: SQLite by default, PostgreSQL with
DATABASE_URL=postgres://… (the two compile the grouped queries differently).
"""

import datetime
import random
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnership.fiscal import fiscal_year_bounds, fiscal_year_of
from services.indicators import indicator_values
from services.models import Activity, Course, MemberJoined, ServiceRequest, Visit

from .data import chosen_project, records

pytestmark = pytest.mark.django_db

HANDLED = ServiceRequest.RequestStatus.HANDLED


def _random_records(projects, rng: random.Random) -> None:
    """A few hundred records of every kind over fiscal 2009–2013, many on a year's edges."""
    first, last = fiscal_year_bounds(2009)[0], fiscal_year_bounds(2013)[1]
    edges = [day for year in range(2009, 2014) for day in fiscal_year_bounds(year)]
    edges += [datetime.date(year, month, day) for year in range(2010, 2014)
              for month, day in ((1, 1), (12, 31))]
    for _ in range(60):
        day = rng.choice(edges) if rng.random() < 0.4 else (
            first + datetime.timedelta(days=rng.randrange((last - first).days + 1)))
        records(rng.choice(projects), day, requests=rng.randint(0, 3), handled=rng.randint(0, 2),
                hours=f"{rng.randint(0, 900) / 100:.2f}", users=rng.randint(0, 40),
                courses=[(rng.choice(Course.Organiser.values), rng.randint(0, 25))
                         for _ in range(rng.randint(0, 2))],
                members=rng.randint(0, 2), former=rng.randint(0, 1))


def _loop_count(years, project_ids=None) -> dict:
    """{(project_id, year, indicator): value} by reading every record in Python; like
    `indicator_values`, every figure of a table is present once a project has a row in it."""
    counted = {}

    def add(record, **figures):
        year = fiscal_year_of(record.record_date())
        if year in years and (project_ids is None or record.project_id in project_ids):
            for name, value in figures.items():
                key = (record.project_id, year, name)
                counted[key] = counted.get(key, 0) + value

    for request in ServiceRequest.objects.all():
        add(request, service_requests=1, service_requests_handled=int(request.status == HANDLED))
    for activity in Activity.objects.all():
        add(activity, activity_hours=activity.hours)
    for visit in Visit.objects.all():
        add(visit, facility_users=visit.users)
    for course in Course.objects.all():
        by_organiser = {}
        for organiser in Course.Organiser.values:
            mine = course.organiser == organiser
            by_organiser[f"courses_by_{organiser}"] = int(mine)
            by_organiser[f"participants_by_{organiser}"] = course.participants if mine else 0
        add(course, courses=1, course_participants=course.participants, **by_organiser)
    for member in MemberJoined.objects.all():
        add(member, new_members=1, new_members_former_users=int(member.former_user))
    return counted


@pytest.mark.parametrize("start_month", [4, 1])
def test_figures_equal_a_loop_over_the_records(settings, start_month):
    settings.REPORTING_YEAR_START_MONTH = start_month
    projects = [chosen_project(f"loop-{n}", 2009, 2013) for n in range(3)]
    _random_records(projects, random.Random(start_month))
    one, two, three = projects
    cases = [([year], None) for year in range(2008, 2015)]  # 2008 and 2014 hold nothing
    cases += [
        (range(2009, 2014), None),
        ([2013, 2009, 2011, 2011], None),  # unsorted, with a gap and a repeat
        ([2011], [one, two]),
        (range(2008, 2015), [three.pk]),  # ids as well as projects
        ([2011], []),
    ]
    for years, chosen in cases:
        ids = None if chosen is None else {getattr(p, "pk", p) for p in chosen}
        values = indicator_values(years=years, projects=chosen)
        assert values == _loop_count(set(years), ids), (years, chosen)
        for (_project, _year, name), value in values.items():
            if name == "activity_hours":
                assert value.as_tuple().exponent == -2
            else:
                assert type(value) is int, name
    assert indicator_values(years=range(2009, 2014))  # the data did reach the years asked


def test_hand_counted_figures_on_the_edges_of_a_year():
    one = chosen_project("hand-one", 2010, 2012)
    two = chosen_project("hand-two", 2010, 2012)
    records(one, datetime.date(2011, 3, 31), requests=2, handled=1, hours="1.25", users=4,
            courses=[(Course.Organiser.MEMBERS, 3)], members=1, former=1)  # fiscal 2010
    records(one, datetime.date(2011, 4, 1), requests=5, handled=3, hours="2.50", users=7,
            courses=[(Course.Organiser.CITIZENS, 6), (Course.Organiser.MEMBERS, 2)],
            members=2)  # fiscal 2011
    records(two, datetime.date(2012, 3, 31), requests=1, hours="0.75",
            courses=[(Course.Organiser.PROFESSIONALS, 9)], members=3, former=2)  # fiscal 2011
    values = indicator_values(years=[2011])
    assert values[(one.pk, 2011, "service_requests")] == 5
    assert values[(one.pk, 2011, "service_requests_handled")] == 3
    assert values[(one.pk, 2011, "activity_hours")] == Decimal("2.50")
    assert values[(one.pk, 2011, "courses_by_citizens")] == 1
    assert values[(one.pk, 2011, "participants_by_citizens")] == 6
    assert values[(two.pk, 2011, "participants_by_professionals")] == 9
    assert values[(two.pk, 2011, "new_members_former_users")] == 2
    assert (two.pk, 2011, "facility_users") not in values  # no visit: left to the caller
    assert indicator_values(years=[2010])[(one.pk, 2010, "activity_hours")] == Decimal("1.25")
    assert indicator_values(years=[2010, 2011]) == {
        **indicator_values(years=[2010]), **indicator_values(years=[2011])}
    assert indicator_values(years=[2012]) == {}
    assert indicator_values(years=[]) == {}


def test_counts_afresh_on_every_call():
    one = chosen_project("fresh", 2011, 2011)
    records(one, datetime.date(2011, 5, 1), requests=2, hours="2.50")
    before = indicator_values(years=[2011])
    records(one, datetime.date(2011, 9, 1), requests=10, hours="1.00")
    after = indicator_values(years=[2011])
    assert before[(one.pk, 2011, "service_requests")] == 2
    assert after[(one.pk, 2011, "service_requests")] == 12
    assert after[(one.pk, 2011, "activity_hours")] == Decimal("3.50")


@pytest.mark.parametrize("years", [[2011], range(2010, 2013)])
def test_one_grouped_query_per_record_table(years):
    one = chosen_project("queries", 2010, 2012)
    records(one, datetime.date(2011, 5, 1), requests=1, courses=[(Course.Organiser.MEMBERS, 1)])
    for projects in (None, [one]):
        with CaptureQueriesContext(connection) as queries:
            indicator_values(years=years, projects=projects)
        # The years first (none closed here), then one grouped query per record table.
        years_query, *counting = queries.captured_queries
        assert "services_projectyear" in years_query["sql"] and len(counting) == 5
        assert all("GROUP BY" in query["sql"] and "BETWEEN" in query["sql"]
                   for query in counting)
