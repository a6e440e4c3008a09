"""The indicator figures of DESIGN section 4, counted in the database.

The single source of the figures: the project page, the reports and the
exports all ask `indicator_values`. One grouped query per record table; the
fiscal year of each record is computed by the database, and the records are
first narrowed by a date range so that the (project, date) indexes are used.
"""

import datetime
import functools
from collections.abc import Iterable
from decimal import Decimal

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Aggregate, Count, Q, Sum
from django.db.models.expressions import Star

from partnership.fiscal import fiscal_year_bounds, fiscal_year_expression

from .models import Activity, Course, Indicator, MemberJoined, ServiceRequest, Visit

Value = Decimal | int

# Hours are decimals with two places; every other indicator is an integer count.
DECIMAL_INDICATORS = frozenset({Indicator.ACTIVITY_HOURS})
HOURS_PLACES = Decimal("0.01")

# (organiser, courses indicator, participants indicator), in the order of Course.Organiser.
ORGANISERS = (
    (Course.Organiser.MEMBERS, Indicator.COURSES_BY_MEMBERS, Indicator.PARTICIPANTS_BY_MEMBERS),
    (Course.Organiser.PROFESSIONALS, Indicator.COURSES_BY_PROFESSIONALS,
     Indicator.PARTICIPANTS_BY_PROFESSIONALS),
    (Course.Organiser.CITIZENS, Indicator.COURSES_BY_CITIZENS, Indicator.PARTICIPANTS_BY_CITIZENS),
)


def normalise(indicator: str, value) -> Value:
    """Counts are integers; hours are decimals with two places (None is zero)."""
    if indicator in DECIMAL_INDICATORS:
        return Decimal(value or 0).quantize(HOURS_PLACES)
    return int(value or 0)


def zero(indicator: str) -> Value:
    """The zero of an indicator: 0, or Decimal("0.00") for hours."""
    return normalise(indicator, 0)


class CountRows(Count):
    """COUNT(*), optionally with FILTER (WHERE ...): counts rows without reading a column
    (cheaper than COUNT(id) on PostgreSQL). Needs the FILTER clause (PostgreSQL, SQLite)."""

    def __init__(self, filter=None):
        Aggregate.__init__(self, Star(), filter=filter)


def _aggregations() -> list[tuple[type, dict[Indicator, object]]]:
    """(model, {indicator: aggregate}) for every record table."""
    courses = {Indicator.COURSES: CountRows(), Indicator.COURSE_PARTICIPANTS: Sum("participants")}
    for organiser, count_indicator, sum_indicator in ORGANISERS:
        courses[count_indicator] = CountRows(filter=Q(organiser=organiser))
        courses[sum_indicator] = Sum("participants", filter=Q(organiser=organiser))
    return [
        (ServiceRequest, {
            Indicator.SERVICE_REQUESTS: CountRows(),
            Indicator.SERVICE_REQUESTS_HANDLED: CountRows(
                filter=Q(status=ServiceRequest.RequestStatus.HANDLED)
            ),
        }),
        (Activity, {Indicator.ACTIVITY_HOURS: Sum("hours")}),
        (Visit, {Indicator.FACILITY_USERS: Sum("users")}),
        (Course, courses),
        (MemberJoined, {
            Indicator.NEW_MEMBERS: CountRows(),
            Indicator.NEW_MEMBERS_FORMER_USERS: CountRows(filter=Q(former_user=True)),
        }),
    ]


@functools.cache
def _by_project() -> list[tuple[str, list[str], object]]:
    """Per record table: (date field, indicator names, values_list query grouped by project
    yielding (project_id, *aggregates in the order of the names)).

    Only the queries' shape, resolved once per process: never evaluated here and holding
    no data; `indicator_values` narrows a clone of each to its dates (and projects) on
    every call, so every call counts afresh. Resolving the dozen aggregates on every call
    cost the yearly report more Python time than it can spare (see bench/reports.py).
    """
    shapes = []
    for model, aggregates in _aggregations():
        names = [str(indicator.value) for indicator in aggregates]
        query = model.objects.order_by().values_list("project_id").annotate(
            **dict(zip(names, aggregates.values(), strict=True)))
        shapes.append((model.DATE_FIELD, names, query))
    return shapes


# Stand-ins for the first and last day while a statement is compiled (see below).
_FIRST_MARK, _LAST_MARK = datetime.date(1, 1, 1), datetime.date(1, 1, 2)


@functools.cache
def _one_year_statements(alias: str) -> list:
    """The queries of `_by_project`, narrowed to a date range, compiled once per database.

    Like a prepared statement: the SQL text is made once, with stand-in dates whose
    parameter slots are remembered; each call binds its own first and last day and the
    database counts afresh. Compiling the five statements on every call was a large part
    of the yearly report's Python time. Per statement: (sql, params, slots of the two
    dates, date field, indicator names, the backend's converters for the rows).
    """
    connection = connections[alias]
    statements = []
    for date_field, names, grouped in _by_project():
        query = grouped.filter(**{f"{date_field}__range": (_FIRST_MARK, _LAST_MARK)}).query
        compiler = query.get_compiler(alias)
        sql, params = compiler.as_sql()
        field = query.model._meta.get_field(date_field)
        marks = [field.get_db_prep_value(day, connection) for day in (_FIRST_MARK, _LAST_MARK)]
        slots = [index for index, param in enumerate(params) if param in marks]
        if len(slots) != 2 or [params[index] for index in slots] != marks:
            raise RuntimeError(f"cannot find the date parameters of {sql!r}")  # pragma: no cover
        converters = compiler.get_converters([column for column, _sql, _alias in compiler.select])
        statements.append((sql, list(params), slots, field, names, list(converters.items())))
    return statements


def _converted(rows, converters, connection):
    """The rows with the backend's converters applied (as the ORM does, e.g. decimals on
    SQLite), using the caller's connection."""
    for row in map(list, rows):
        for position, (functions, expression) in converters:
            value = row[position]
            for function in functions:
                value = function(value, expression, connection)
            row[position] = value
        yield row


def _one_year_rows(first: datetime.date, last: datetime.date):
    """(indicator names, rows of (project_id, *values)) per record table, for one year."""
    connection = connections[DEFAULT_DB_ALIAS]
    with connection.cursor() as cursor:
        for sql, params, slots, field, names, converters in _one_year_statements(
                DEFAULT_DB_ALIAS):
            bound = list(params)
            for slot, day in zip(slots, (first, last), strict=True):
                bound[slot] = field.get_db_prep_value(day, connection)
            cursor.execute(sql, bound)
            rows = cursor.fetchall()
            yield names, _converted(rows, converters, connection) if converters else rows


def _by_project_and_year(span: range) -> list[tuple[str, list[str], object]]:
    """Like `_by_project`, grouped by (project_id, fiscal year) for a span of years."""
    shapes = []
    for model, aggregates in _aggregations():
        names = [str(indicator.value) for indicator in aggregates]
        query = (
            model.objects.order_by()
            .annotate(fy=fiscal_year_expression(model.DATE_FIELD, span))
            .values_list("project_id", "fy")
            .annotate(**dict(zip(names, aggregates.values(), strict=True)))
        )
        shapes.append((model.DATE_FIELD, names, query))
    return shapes


def indicator_values(
    *, years: range | list[int], projects: Iterable | None = None
) -> dict[tuple[int, int, str], Value]:
    """{(project_id, fiscal_year, indicator): value} for the fiscal years asked.

    `projects` (Project objects or ids) narrows the projects; None means all.
    Only combinations with at least one record are present: filling in zeros
    is the caller's business. Hours are Decimal, everything else int.
    """
    years = sorted(set(years))
    if not years:
        return {}
    wanted = set(years)
    span = range(years[0], years[-1] + 1)  # the rows below are narrowed to these years
    first, _ = fiscal_year_bounds(years[0])
    _, last = fiscal_year_bounds(years[-1])
    project_ids = None
    if projects is not None:
        project_ids = [getattr(p, "pk", p) for p in projects]
    values: dict[tuple[int, int, str], Value] = {}
    # One fiscal year: its date range already is the year, so group by project only.
    single = len(span) == 1
    if single and project_ids is None:
        tables = _one_year_rows(first, last)
    else:
        tables = []
        shapes = _by_project() if single else _by_project_and_year(span)
        for date_field, names, grouped in shapes:
            rows = grouped.filter(**{f"{date_field}__range": (first, last)})
            if project_ids is not None:
                rows = rows.filter(project_id__in=project_ids)
            tables.append((names, rows))
    for names, rows in tables:
        for project_id, *found in rows:  # (project_id[, fy], *aggregates)
            year = span[0] if single else found.pop(0)
            if year not in wanted:
                continue
            for name, value in zip(names, found, strict=True):
                values[(project_id, year, name)] = normalise(name, value)
    return values
